//! The language data of the splitter, compiled for lookup, and the character classes it works with.
//!
//! In: a pack's [`SegmentData`]. Out: [`Rules`], which answer "is this token an abbreviation", "does this
//! word start a sentence", "is this number an ordinal". No splitting happens here.

use std::collections::HashSet;

use crate::lang::SegmentData;

/// Sentence-final punctuation.
pub(super) fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？')
}

/// Characters that may close a sentence after its terminator: quotation marks of every style, brackets.
pub(super) fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '’' | '‘' | '«' | '»' | '‹' | '›' | ')' | ']' | '}' | '」' | '』')
}

/// Characters that may open a sentence before its first word.
pub(super) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '„'
            | '“'
            | '”'
            | '‚'
            | '‘'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
    )
}

/// Dashes and bullets that may stand before the first word of a sentence or list item.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '•' | '·' | '‣' | '*')
}

/// Characters a token (a word or an abbreviation with its inner periods) is made of.
pub(super) fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’' | 'º' | 'ª' | '°' | '&' | '/')
}

/// What a token before a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokenKind {
    /// A title or similar (`Dr`, `z. B`): the period never ends a sentence.
    Prefix,
    /// An abbreviation before a number (`Art`, `No`): the period ends a sentence unless a digit follows.
    Numeric,
    /// A list-closing abbreviation (`usw`, `etc`): the period ends a sentence before a capital.
    Final,
    /// A listed abbreviation, an initial, or an unlisted one with inner periods (`t.d`): the period ends
    /// a sentence only before a sentence starter.
    Abbreviation,
    /// A number that may be an ordinal (`20`, `XIV`) in a language that writes ordinals with a period.
    Ordinal,
    /// Anything else: the period ends a sentence before a capital.
    Word,
}

/// A pack's segmentation data, ready for lookup.
#[derive(Debug)]
pub(super) struct Rules<'a> {
    /// Leading parts of listed abbreviations with inner periods (`EE` of `EE. UU`, `z` of `z. B`).
    inner: HashSet<String>,
    /// Prefix abbreviations, spaces removed.
    prefix: HashSet<String>,
    /// Abbreviations before numbers, spaces removed.
    numeric_abbreviations: HashSet<String>,
    /// List-closing abbreviations, spaces removed.
    final_abbreviations: HashSet<String>,
    /// Other abbreviations, spaces removed.
    abbreviations: HashSet<String>,
    /// Lower-cased ordinal lead words.
    lead_words: HashSet<String>,
    ordinal_nouns: &'a [String],
    starters: HashSet<&'a str>,
    pub(super) ordinal_period: bool,
    pub(super) noun_capitals: bool,
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

impl<'a> Rules<'a> {
    pub(super) fn new(data: &'a SegmentData) -> Rules<'a> {
        let prefix: HashSet<String> = data.prefix_abbreviations.iter().map(|a| compact(a)).collect();
        let abbreviations: HashSet<String> = data.abbreviations.iter().map(|a| compact(a)).collect();
        let final_abbreviations: HashSet<String> =
            data.final_abbreviations.iter().map(|a| compact(a)).collect();
        let numeric_abbreviations: HashSet<String> =
            data.numeric_abbreviations.iter().map(|a| compact(a)).collect();
        let inner = prefix
            .iter()
            .chain(&abbreviations)
            .chain(&final_abbreviations)
            .chain(&numeric_abbreviations)
            .flat_map(|a| a.char_indices().filter(|(_, c)| *c == '.').map(|(i, _)| a[..i].to_owned()))
            .filter(|p| !p.is_empty())
            .collect();
        Rules {
            inner,
            prefix,
            final_abbreviations,
            numeric_abbreviations,
            abbreviations,
            lead_words: data.ordinal_lead_words.iter().map(|w| w.to_lowercase()).collect(),
            ordinal_nouns: &data.ordinal_nouns,
            starters: data.sentence_starters.iter().map(String::as_str).collect(),
            ordinal_period: data.ordinal_period,
            noun_capitals: data.noun_capitals,
        }
    }

    /// Classifies the token that ends at a period. `pieces` are the token and the tokens before it that
    /// it may continue (`z.` `B` for `z. B.`), in text order, without the final period.
    /// `next` is the next word when a period follows it directly (`UU` in `EE. UU.`), for abbreviations
    /// that continue past this period.
    pub(super) fn classify(&self, pieces: &[&str], next: Option<&str>) -> TokenKind {
        let Some(last) = pieces.last() else {
            return TokenKind::Word;
        };
        let joined: String = pieces.concat();
        // Candidates: the whole chain, then every suffix after an inner period or an apostrophe
        // (`dall'avv`), longest first.
        let mut candidates = vec![joined.as_str()];
        candidates.extend(
            joined
                .char_indices()
                .filter(|(_, c)| matches!(c, '.' | '\'' | '’'))
                .map(|(i, c)| &joined[i + c.len_utf8()..]),
        );
        for cand in candidates.iter().filter(|c| !c.is_empty()) {
            if let Some(kind) = self.lookup(cand) {
                return kind;
            }
            // The first part of a longer abbreviation whose next part follows (`EE.` before `UU.`).
            if let Some(next) = next
                && self.inner.contains(*cand)
            {
                let longer = format!("{cand}.{next}");
                if self.inner.contains(&longer) || self.lookup(&longer).is_some() {
                    return TokenKind::Prefix;
                }
            }
        }
        if is_initial(last) {
            return TokenKind::Abbreviation;
        }
        if self.ordinal_period && is_ordinal_number(last) {
            return TokenKind::Ordinal;
        }
        if looks_abbreviated(last) {
            return TokenKind::Abbreviation;
        }
        TokenKind::Word
    }

    fn lookup(&self, cand: &str) -> Option<TokenKind> {
        let found = |s: &str| {
            if self.prefix.contains(s) {
                Some(TokenKind::Prefix)
            } else if self.numeric_abbreviations.contains(s) {
                Some(TokenKind::Numeric)
            } else if self.final_abbreviations.contains(s) {
                Some(TokenKind::Final)
            } else if self.abbreviations.contains(s) {
                Some(TokenKind::Abbreviation)
            } else {
                None
            }
        };
        found(cand).or_else(|| {
            // `Vgl.` and `Ca.` at the start of a sentence: the listed form is lower case.
            let mut chars = cand.chars();
            let first = chars.next()?;
            if first.is_uppercase() && chars.clone().next().is_some_and(char::is_lowercase) {
                let lowered: String = first.to_lowercase().chain(chars).collect();
                found(&lowered)
            } else {
                None
            }
        })
    }

    /// True when `word` (the whole next word, not followed by a period) starts sentences.
    pub(super) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// True when `word` is a lead word before an ordinal (`am`, `der`).
    pub(super) fn is_lead_word(&self, word: &str) -> bool {
        !word.is_empty() && self.lead_words.contains(&word.to_lowercase())
    }

    /// True when the next word is a noun or month an ordinal stands before (`Platz`, `September`).
    pub(super) fn is_ordinal_noun(&self, word: &str) -> bool {
        self.ordinal_nouns.iter().any(|n| !n.is_empty() && word.starts_with(n.as_str()))
    }
}

/// A single capital letter, or capitals joined by periods and hyphens: an initial (`J.` in
/// `J. R. R. Tolkien`, `J.-P.` in `J.-P. Durand`).
fn is_initial(token: &str) -> bool {
    !token.is_empty()
        && token.split(['.', '-']).filter(|g| !g.is_empty()).all(|g| {
            let mut chars = g.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
        })
}

/// One to three digits, or a Roman numeral of two or more letters: a possible ordinal.
fn is_ordinal_number(token: &str) -> bool {
    let digits = !token.is_empty() && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit());
    let roman = token.len() >= 2 && token.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'));
    digits || roman
}

/// A token with inner periods between short letter groups (`t.d`, `a.m.k`, `o.s.frv`): an abbreviation
/// even if no list knows it. Web addresses (`ntv.de`) have a longer first group and do not count.
fn looks_abbreviated(token: &str) -> bool {
    let groups: Vec<&str> = token.split('.').collect();
    groups.len() >= 2
        && groups.iter().all(|g| {
            let n = g.chars().count();
            (1..=3).contains(&n) && g.chars().all(char::is_alphabetic)
        })
        && groups[0].chars().count() <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> SegmentData {
        SegmentData {
            abbreviations: vec!["u. a".into(), "Mio".into(), "ca".into()],
            final_abbreviations: vec!["usw".into()],
            numeric_abbreviations: vec!["Art".into()],
            prefix_abbreviations: vec!["Dr".into(), "z. B".into()],
            ordinal_period: true,
            ordinal_lead_words: vec!["am".into()],
            ordinal_nouns: vec!["September".into()],
            sentence_starters: vec!["Die".into()],
            noun_capitals: true,
        }
    }

    #[test]
    fn classifies_tokens() {
        let d = data();
        let r = Rules::new(&d);
        assert_eq!(r.classify(&["Dr"], None), TokenKind::Prefix);
        assert_eq!(r.classify(&["z"], Some("B")), TokenKind::Prefix, "first part of `z. B.`");
        assert_eq!(r.classify(&["z"], Some("Die")), TokenKind::Word);
        assert_eq!(r.classify(&["J.-P"], None), TokenKind::Abbreviation);
        assert_eq!(r.classify(&["l'ca"], None), TokenKind::Abbreviation, "after an apostrophe");
        assert_eq!(r.classify(&["z.", "B"], None), TokenKind::Prefix);
        assert_eq!(r.classify(&["z.B"], None), TokenKind::Prefix);
        assert_eq!(r.classify(&["u.", "a"], None), TokenKind::Abbreviation);
        assert_eq!(r.classify(&["Ca"], None), TokenKind::Abbreviation, "sentence-initial capital");
        assert_eq!(r.classify(&["Mio"], None), TokenKind::Abbreviation);
        assert_eq!(r.classify(&["usw"], None), TokenKind::Final);
        assert_eq!(r.classify(&["Art"], None), TokenKind::Numeric);
        assert_eq!(r.classify(&["J"], None), TokenKind::Abbreviation);
        assert_eq!(r.classify(&["20"], None), TokenKind::Ordinal);
        assert_eq!(r.classify(&["XIV"], None), TokenKind::Ordinal);
        assert_eq!(r.classify(&["2020"], None), TokenKind::Word);
        assert_eq!(r.classify(&["t.d"], None), TokenKind::Abbreviation);
        assert_eq!(r.classify(&["ntv.de"], None), TokenKind::Word);
        assert_eq!(r.classify(&["Haus"], None), TokenKind::Word);
        assert_eq!(r.classify(&[], None), TokenKind::Word);
    }
}
