//! The splitter: one pass over a block, deciding at every run of sentence punctuation and every line
//! break whether a sentence ends there.
//!
//! In: a block's text, the compiled [`Rules`] and the document's [`LineStyle`]. Out: byte ranges of the
//! sentences, relative to the block, trimmed of white space, in order, never empty, never overlapping.
//!
//! At a run of punctuation (`.`, `?!`, `…`, with the closing quotes and brackets that follow it) the
//! sentence ends only if white space follows and the next word does not start in lower case. Then:
//! - `?` and `!` end the sentence (`„Wer?“, fragte er.` stays whole: no space after the quote);
//! - an ellipsis ends it before a capital, except in bracketed omissions (`[…]`) and, in languages that
//!   capitalise nouns, unless a sentence starter follows;
//! - a period after a title (`Dr.`) never ends it; after a list-closing abbreviation (`usw.`, `etc.`)
//!   it does, as after a word; after an abbreviation that stands before numbers (`Art.`, `No.`) it does
//!   unless a digit follows; after another abbreviation, an initial (`J.`) or an
//!   ordinal (`am 20.`), only before a sentence starter (`Die`, `The`); an ordinal also stays when an
//!   ordinal noun follows (`20. September`, `3. Platz`) or a lead word precedes it (`der 3.`);
//! - a period after any other word ends the sentence, except a short lower-case word before a number
//!   (`kl. 3.40`, `s. 12`: unlisted abbreviations) and a list number at the start of a line (`1. `).

use std::ops::Range;

use super::lines::{Break, LineStyle, list_number_len, starts_list_item};
use super::rules::{Rules, TokenKind, is_closing, is_dash, is_opening, is_terminator, is_token_char};

/// How far back an abbreviation may reach over spaces (`u. v. a. m.` has four pieces).
const MAX_PIECES: usize = 4;

/// A split point: the sentence before it ends at `end`, the next one starts at or after `next`.
#[derive(Clone, Copy, Debug)]
struct Cut {
    end: usize,
    next: usize,
}

/// Splits one block into sentence ranges.
pub(super) fn split(text: &str, rules: &Rules<'_>, style: &LineStyle) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |x| x.0);
    let mut cuts: Vec<Cut> = Vec::new();
    let mut sentence_start = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' {
            // A line break with no sentence punctuation before it (those are handled with their run).
            let (line, next) = around_newline(text, at);
            if style.classify(line.trim(), next.trim()) == Break::Hard {
                cuts.push(Cut { end: at, next: at + 1 });
                sentence_start = at + 1;
            }
            i += 1;
            continue;
        }
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        let run_start = i;
        let j = run_end(&chars, i);
        if j >= chars.len() {
            break;
        }
        if !chars[j].1.is_whitespace() {
            i = j;
            continue;
        }
        let mut k = j;
        let mut newline = None;
        while k < chars.len() && chars[k].1.is_whitespace() {
            if chars[k].1 == '\n' && newline.is_none() {
                newline = Some(chars[k].0);
            }
            k += 1;
        }
        if k >= chars.len() {
            break;
        }
        let list_follows = newline.is_some_and(|nl| starts_list_item(text[nl + 1..].trim_start()));
        let ends = list_follows
            || ends_sentence(text, &chars, Run { start: run_start, end: j }, k, sentence_start, rules);
        if ends {
            cuts.push(Cut { end: byte(j), next: byte(k) });
            sentence_start = byte(k);
        }
        i = k;
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        push_trimmed(text, start..cut.end, &mut out);
        start = cut.next;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// A run of sentence punctuation and closing marks, as char indices `start..end`.
#[derive(Clone, Copy, Debug)]
struct Run {
    start: usize,
    end: usize,
}

/// The line that ends at the newline at byte `at`, and the line after it.
fn around_newline(text: &str, at: usize) -> (&str, &str) {
    let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let rest = &text[at + 1..];
    let next = rest.find('\n').map_or(rest, |p| &rest[..p]);
    (&text[line_start..at], next)
}

/// The char index after a run of terminators and closing marks starting at `i`. A closing `»` after a
/// space (French `« Qui ? »`) belongs to the run when white space or the end follows it.
fn run_end(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        if is_terminator(c) || is_closing(c) {
            i += 1;
        } else if c.is_whitespace()
            && c != '\n'
            && chars.get(i + 1).is_some_and(|x| x.1 == '»')
            && chars.get(i + 2).is_none_or(|x| x.1.is_whitespace() || is_terminator(x.1) || x.1 == ',')
        {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// The next word after white space: the first letters after any opening quotes, brackets and dashes.
#[derive(Debug)]
struct Next<'t> {
    /// The first character after the opening marks, if any.
    first: Option<char>,
    /// The run of letters (with an apostrophe inside or at the end: `L'`, `C’est`).
    word: &'t str,
    /// True when a period follows the word directly (an initial or abbreviation, not a starter).
    dotted: bool,
}

fn next_word<'t>(text: &'t str, chars: &[(usize, char)], k: usize) -> Next<'t> {
    let mut m = k;
    while m < chars.len() && (is_opening(chars[m].1) || is_dash(chars[m].1) || chars[m].1.is_whitespace()) {
        m += 1;
    }
    let first = chars.get(m).map(|x| x.1);
    let start = chars.get(m).map_or(text.len(), |x| x.0);
    let mut e = m;
    while e < chars.len() && chars[e].1.is_alphabetic() {
        e += 1;
    }
    // Include an apostrophe after the letters (`L'`, `C'est`).
    if e < chars.len() && matches!(chars[e].1, '\'' | '’') {
        e += 1;
        while e < chars.len() && chars[e].1.is_alphabetic() {
            e += 1;
        }
    }
    let end = chars.get(e).map_or(text.len(), |x| x.0);
    let dotted = chars.get(e).is_some_and(|x| x.1 == '.');
    Next { first, word: &text[start..end], dotted }
}

/// Decides whether the punctuation run ends a sentence, given the next word starts at char index `k`.
fn ends_sentence(
    text: &str,
    chars: &[(usize, char)],
    run: Run,
    k: usize,
    sentence_start: usize,
    rules: &Rules<'_>,
) -> bool {
    let next = next_word(text, chars, k);
    let Some(first) = next.first else {
        return false;
    };
    if first.is_lowercase() {
        return false;
    }
    let starter = || {
        !next.dotted
            && (rules.is_starter(next.word)
                // `L'homme`, `C’est`: the starter may be the part up to the apostrophe.
                || next.word.find(['\'', '’']).is_some_and(|p| {
                    let apo = next.word[p..].chars().next().map_or(1, char::len_utf8);
                    rules.is_starter(&next.word[..p + apo]) || rules.is_starter(next.word)
                }))
    };
    let terminators: Vec<char> =
        chars[run.start..run.end].iter().map(|x| x.1).filter(|c| is_terminator(*c)).collect();
    if terminators.iter().any(|c| !matches!(c, '.' | '…')) {
        return true; // ? ! and their kin
    }
    if terminators.len() > 1 || terminators.contains(&'…') {
        // An ellipsis. `[…]` and `(...)` mark omissions inside a sentence.
        if run.start > 0 && matches!(chars[run.start - 1].1, '(' | '[') {
            return false;
        }
        return starter() || (!rules.noun_capitals && (first.is_uppercase() || first.is_numeric()));
    }
    // A single period: what stands before it?
    let pieces = token_pieces(text, chars, run.start, sentence_start);
    let Some(last) = pieces.last() else {
        return true; // after a closing quote or bracket: `„…“.`
    };
    let token_start = run_byte(chars, run.start) - last.len();
    match rules.classify(&pieces, next.dotted.then_some(next.word)) {
        TokenKind::Prefix => false,
        TokenKind::Abbreviation => starter(),
        TokenKind::Final => true,
        TokenKind::Numeric => !first.is_numeric() && !is_list_number(text, token_start, sentence_start),
        TokenKind::Ordinal => {
            if is_list_number(text, token_start, sentence_start) {
                return false;
            }
            if starter() {
                return true;
            }
            !(rules.is_ordinal_noun(next.word) || rules.is_lead_word(word_before(text, token_start)))
        }
        // A short lower-case word before a number is an abbreviation nobody listed (`kl. 3`, `s. 12`).
        TokenKind::Word if first.is_numeric() && is_short_lower(last) => false,
        TokenKind::Word => !is_list_number(text, token_start, sentence_start),
    }
}

fn is_short_lower(word: &str) -> bool {
    (1..=3).contains(&word.chars().count()) && word.chars().all(char::is_lowercase)
}

fn run_byte(chars: &[(usize, char)], i: usize) -> usize {
    chars.get(i).map_or(0, |x| x.0)
}

/// The token that ends just before the period at char index `dot`, with the abbreviation pieces before
/// it that it may continue (`z.` before `B`), in text order. Never reaches before `sentence_start`.
fn token_pieces<'t>(
    text: &'t str,
    chars: &[(usize, char)],
    dot: usize,
    sentence_start: usize,
) -> Vec<&'t str> {
    let mut pieces: Vec<&str> = Vec::new();
    let mut end = dot; // char index, exclusive; always < chars.len()
    loop {
        let mut s = end;
        while s > 0 && is_token_char(chars[s - 1].1) && chars[s - 1].0 >= sentence_start {
            s -= 1;
        }
        // A token never starts with a period, hyphen or slash (`...`, `-5`).
        while s < end && matches!(chars[s].1, '.' | '-' | '/') {
            s += 1;
        }
        if s == end {
            break;
        }
        let piece = &text[chars[s].0..chars[end].0];
        // Earlier pieces are short and end in their own period (`z.` in `z. B.`).
        if !pieces.is_empty() && piece.chars().count() > 7 {
            break;
        }
        pieces.push(piece);
        // Go on over exactly one space to an earlier piece ending in a period.
        if pieces.len() >= MAX_PIECES
            || s < 2
            || !chars[s - 1].1.is_whitespace()
            || chars[s - 2].1 != '.'
            || chars[s - 2].0 < sentence_start
        {
            break;
        }
        end = s - 1;
    }
    pieces.reverse();
    pieces
}

/// The word before byte offset `at` (skipping white space), without surrounding punctuation.
fn word_before(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end();
    let start =
        before.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(p, c)| p + c.len_utf8());
    before[start..].trim_matches(|c: char| !c.is_alphanumeric())
}

/// True when the number at `token_start` opens its sentence or line as a list number (`1. Punkt`).
fn is_list_number(text: &str, token_start: usize, sentence_start: usize) -> bool {
    // Only white space may stand between the start of the sentence or line and the number. Walking
    // back over white space alone keeps this cheap on long lines.
    let before = text[..token_start].trim_end_matches([' ', '\t', '\u{a0}']);
    let at_start = before.len() <= sentence_start || before.is_empty() || before.ends_with('\n');
    at_start && list_number_len(&text[token_start..]).is_some()
}

/// Adds a sentence range, trimmed of white space and of a leading list bullet (`- `, `• `).
fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(r.clone()) else {
        return;
    };
    let mut lead = s.len() - s.trim_start().len();
    let t = s.trim();
    let mut chars = t.chars();
    if chars.next().is_some_and(|c| matches!(c, '-' | '*' | '•' | '·' | '‣' | '–'))
        && chars.next().is_some_and(char::is_whitespace)
    {
        let rest = chars.as_str().trim_start();
        if !rest.is_empty() {
            lead += t.len() - rest.len();
        }
    }
    let end = r.start + (s.len() - (s.len() - s.trim_end().len()));
    if r.start + lead < end {
        out.push(r.start + lead..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::SegmentData;

    fn data() -> SegmentData {
        SegmentData {
            prefix_abbreviations: vec!["Dr".into(), "z. B".into()],
            abbreviations: vec!["Mio".into()],
            final_abbreviations: vec!["usw".into()],
            numeric_abbreviations: vec!["Art".into()],
            ordinal_period: true,
            ordinal_lead_words: vec!["am".into(), "der".into()],
            ordinal_nouns: vec!["September".into(), "Platz".into()],
            sentence_starters: vec!["Die".into(), "Er".into()],
            noun_capitals: true,
        }
    }

    fn split_str(text: &str) -> Vec<&str> {
        let d = data();
        let rules = Rules::new(&d);
        let style = LineStyle::detect(std::iter::once(text));
        split(text, &rules, &style).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviation_classes() {
        assert_eq!(split_str("Er kam mit Dr. Die Ärztin."), ["Er kam mit Dr. Die Ärztin."]);
        assert_eq!(
            split_str("Es kostet 5 Mio. Euro. Die Bank zahlt."),
            ["Es kostet 5 Mio. Euro.", "Die Bank zahlt."]
        );
        assert_eq!(split_str("Es kostet 5 Mio. Die Bank zahlt."), ["Es kostet 5 Mio.", "Die Bank zahlt."]);
        assert_eq!(
            split_str("Äpfel, Birnen usw. Kunden kauften."),
            ["Äpfel, Birnen usw.", "Kunden kauften."]
        );
        assert_eq!(
            split_str("Laut Art. 5 gilt das. Seiner Art. Neue Regeln."),
            ["Laut Art. 5 gilt das.", "Seiner Art.", "Neue Regeln."]
        );
    }

    #[test]
    fn ordinals() {
        assert_eq!(split_str("Er kam am 20. September."), ["Er kam am 20. September."]);
        assert_eq!(split_str("Sie wurde der 3. Sieger."), ["Sie wurde der 3. Sieger."]);
        assert_eq!(split_str("Es waren 12. Viele kamen."), ["Es waren 12.", "Viele kamen."]);
        assert_eq!(split_str("Er kam am 3. Die Fans jubelten."), ["Er kam am 3.", "Die Fans jubelten."]);
        assert_eq!(split_str("Im Jahr 2020. Manche"), ["Im Jahr 2020.", "Manche"]);
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(split_str("„Wer?“, fragte er. Gut."), ["„Wer?“, fragte er.", "Gut."]);
        assert_eq!(split_str("« Qui ? » demanda-t-il."), ["« Qui ? » demanda-t-il."]);
        assert_eq!(split_str("« Fini. » Le chef part."), ["« Fini. »", "Le chef part."]);
        assert_eq!(
            split_str("Es war […] Unsinn. Er ging … Die Tür fiel."),
            ["Es war […] Unsinn.", "Er ging …", "Die Tür fiel."]
        );
        assert_eq!(split_str("Er ging … Politik sei schwer."), ["Er ging … Politik sei schwer."]);
    }

    #[test]
    fn lines_and_lists() {
        assert_eq!(
            split_str("Titel ohne Punkt\nUntertitel\nText hier."),
            ["Titel ohne Punkt", "Untertitel", "Text hier."]
        );
        assert_eq!(split_str("Er traf Dr.\nMüller."), ["Er traf Dr.\nMüller."]);
        assert_eq!(split_str("Punkte:\n1. Erstens\n2. Zweitens"), ["Punkte:", "1. Erstens", "2. Zweitens"]);
        assert_eq!(split_str("Liste:\n- eins\n- zwei"), ["Liste:", "eins", "zwei"]);
        assert_eq!(split_str("BERLIN (dpa)\nDie Regierung tagt."), ["BERLIN (dpa)\nDie Regierung tagt."]);
    }

    #[test]
    fn never_empty_and_trimmed() {
        assert!(split_str("").is_empty());
        assert!(split_str(" . ").iter().all(|s| !s.is_empty() && s.trim() == *s));
        assert_eq!(split_str("- "), ["-"]);
    }
}
