//! Tokens and phrase lists: the common ground of every extractor in `claims`.
//!
//! In: a sentence's text. Out: [`Token`]s (words, digit runs, single punctuation marks) with byte spans,
//! a folded lower-case form and whether white space precedes them; and [`PhraseSet`]s that find the
//! longest listed phrase (a sequence of folded tokens) starting at a token. Phrases are tokenised with
//! the same tokenizer, so `nach Angaben von`, `a.m.` and `(dpa)` need no special syntax in the data.
//! This module knows no language: every word it matches comes from a language pack.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::align::Fnv;
use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with marks), possibly with inner apostrophes (`don't`, `Putin's`).
    Word,
    /// A run of ASCII digits.
    Digits,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Debug)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: TokKind,
    /// Lower-cased, with typographic apostrophes folded to `'`.
    pub lower: String,
    /// White space (or the sentence start) precedes the token.
    pub space_before: bool,
}

impl Token {
    /// The token as written.
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        &sentence[self.span.clone()]
    }

    /// True when the first letter is upper-case.
    pub fn is_capitalised(&self, sentence: &str) -> bool {
        self.text(sentence).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when the token has letters and they are all lower-case.
    pub fn is_lowercase(&self, sentence: &str) -> bool {
        self.kind == TokKind::Word && !self.text(sentence).chars().any(char::is_uppercase)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.lower.starts_with(c)
    }

    /// Glued to the previous token (no white space between them).
    pub fn glued(&self) -> bool {
        !self.space_before
    }
}

/// An apostrophe, and the acute accent that German keyboards put in its place (`haven´t`, `Peter´s`).
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '´')
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || unicode_mark(c)
}

/// Combining marks (a decomposed `é`, Cyrillic `й` written as two code points) belong to their word.
fn unicode_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Folds a string the way token forms are folded: lower case, typographic apostrophes as `'`.
pub fn fold(s: &str) -> String {
    s.chars().map(|c| if is_apostrophe(c) { '\'' } else { c }).collect::<String>().to_lowercase()
}

/// Splits a text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut space = true;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let (kind, mut j) = if is_word_char(c) {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                if is_word_char(d) {
                    j += 1;
                } else if is_apostrophe(d) && chars.get(j + 1).is_some_and(|x| is_word_char(x.1)) {
                    j += 2;
                } else {
                    break;
                }
            }
            (TokKind::Word, j)
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1.is_ascii_digit() {
                j += 1;
            }
            (TokKind::Digits, j)
        } else {
            (TokKind::Punct, i + 1)
        };
        j = j.min(chars.len());
        let end = chars.get(j).map_or(text.len(), |x| x.0);
        out.push(Token { span: at..end, kind, lower: fold(&text[at..end]), space_before: space });
        space = false;
        i = j;
    }
    out
}

/// Index of the first word or digit token (the sentence start, after any opening quote or bracket).
pub fn first_content(tokens: &[Token]) -> Option<usize> {
    tokens.iter().position(|t| t.kind != TokKind::Punct)
}

/// A phrase's words after the first, and its value.
type Phrase<V> = (Vec<String>, V);

/// A set of phrases, each a sequence of folded tokens, with a value; finds the longest match at a token.
#[derive(Debug)]
pub struct PhraseSet<V> {
    /// By first word, hashed with FNV: every token of every sentence is looked up in a dozen sets, and
    /// SipHash's protection against crafted collisions buys nothing for the pack's own words.
    by_first: HashMap<String, Vec<Phrase<V>>, BuildHasherDefault<Fnv>>,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet { by_first: HashMap::default() }
    }
}

impl<V: Clone> PhraseSet<V> {
    /// Builds a set from `(phrase, value)` pairs; empty phrases are skipped.
    pub fn new<'a>(items: impl IntoIterator<Item = (&'a str, V)>) -> Self {
        let mut set = PhraseSet::default();
        for (phrase, v) in items {
            set.insert(phrase, v);
        }
        set
    }

    pub fn insert(&mut self, phrase: &str, v: V) {
        let toks: Vec<String> = tokenize(phrase).into_iter().map(|t| t.lower).collect();
        let Some((first, rest)) = toks.split_first() else { return };
        let list = self.by_first.entry(first.clone()).or_default();
        list.push((rest.to_vec(), v));
        // Longest first, so the first hit is the longest match.
        list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }

    /// The longest phrase starting at token `i`: how many tokens it covers and its value.
    pub fn match_at(&self, tokens: &[Token], i: usize) -> Option<(usize, V)> {
        let first = tokens.get(i)?;
        let list = self.by_first.get(&first.lower)?;
        list.iter()
            .find(|(rest, _)| {
                rest.iter().enumerate().all(|(k, w)| tokens.get(i + 1 + k).is_some_and(|t| &t.lower == w))
            })
            .map(|(rest, v)| (rest.len() + 1, v.clone()))
    }

    pub fn contains_word(&self, word: &str) -> bool {
        self.by_first.get(word).is_some_and(|l| l.iter().any(|(rest, _)| rest.is_empty()))
    }
}

/// Byte span covering tokens `i..j` (exclusive; `j > i`).
pub fn span_of(tokens: &[Token], i: usize, j: usize) -> Range<usize> {
    tokens[i].span.start..tokens[j - 1].span.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acute_accent_for_an_apostrophe_keeps_the_word_whole() {
        let toks = tokenize("They haven´t paid Peter´s bill.");
        let words: Vec<&str> =
            toks.iter().filter(|t| t.kind == TokKind::Word).map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["they", "haven't", "paid", "peter's", "bill"]);
    }

    #[test]
    fn words_digits_punct() {
        let t = tokenize("Putin’s 1.000,5 „Zitat“ don't");
        let forms: Vec<_> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(forms, ["putin's", "1", ".", "000", ",", "5", "„", "zitat", "“", "don't"]);
        assert!(t[1].space_before && !t[2].space_before);
    }

    #[test]
    fn longest_phrase_wins() {
        let set = PhraseSet::new([("nach", 1), ("nach Angaben von", 2), ("a.m.", 3)]);
        let t = tokenize("Nach Angaben von dpa um 3 a.m.");
        assert_eq!(set.match_at(&t, 0), Some((3, 2)));
        assert_eq!(set.match_at(&t, 6), Some((4, 3)));
    }
}
