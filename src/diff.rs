//! Word-level diffs of aligned sentences, for pairs in the same language (a syndicated copy, lightly
//! edited).
//!
//! In: the two prepared documents (sentences and their claims) and the alignment. Out: one [`BeadDiff`]
//! per bead with sentences on both sides whose words differ: the edits (words deleted from the original,
//! inserted in the translation, or replaced), each with its spans in both raw files and the kinds of claims
//! it touches (a number, a name, a quotation…), so an editor can tell a typo fix from a changed fact. The
//! diff runs on word and punctuation tokens (white space is not a token, so re-wrapping is no edit) with
//! `similar`'s Patience algorithm, which keeps edits to the words that moved. This module only compares
//! texts; it does not judge the edits (the rules do).

use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffOp};

use crate::align::Alignment;
use crate::check::Prepared;
use crate::claims::SentenceClaims;

/// The edits between the two sides of one bead.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BeadDiff {
    /// Position of the bead in the alignment.
    pub bead: usize,
    pub edits: Vec<Edit>,
}

/// What an edit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditKind {
    /// Words of the original are gone.
    Delete,
    /// Words the original does not have.
    Insert,
    /// Words of the original became other words.
    Replace,
}

/// One edit: what it removed from the original and put into the translation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edit {
    pub kind: EditKind,
    /// The original's words (empty for an insertion), one span per sentence they are in.
    pub original: Vec<DiffSpan>,
    /// The translation's words (empty for a deletion).
    pub translation: Vec<DiffSpan>,
    /// The kinds of claims the edit overlaps on either side (`number`, `date`, `name`, `quote`,
    /// `attribution`, `hedge`, `negation`, `credit`), sorted, without repeats.
    pub claims: Vec<&'static str>,
}

/// Words of one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffSpan {
    pub sentence: usize,
    /// Byte range in the raw file.
    pub span: Range<usize>,
    pub text: String,
}

impl Edit {
    /// True when the edit touches a claim.
    pub fn touches_claim(&self) -> bool {
        !self.claims.is_empty()
    }
}

/// A token: its text and where it is (sentence index, byte range in the sentence text).
struct Token<'a> {
    text: &'a str,
    sentence: usize,
    range: Range<usize>,
}

/// Words (letters, digits and the joiners inside them: `12.500`, `don't`, `Baden-Württemberg`) and single
/// punctuation marks; white space separates tokens and is not one.
fn tokenize<'a>(text: &'a str, sentence: usize, out: &mut Vec<Token<'a>>) {
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(i, n)) = chars.peek() {
                let joiner = matches!(n, '.' | ',' | '\'' | '’' | '-' | '\u{AD}');
                let next_is_word = text[i + n.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
                if n.is_alphanumeric() || (joiner && next_is_word) {
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        }
        out.push(Token { text: &text[start..end], sentence, range: start..end });
    }
}

/// The word diffs of every bead with sentences on both sides that differ.
pub fn bead_diffs(original: &Prepared, translation: &Prepared, alignment: &Alignment) -> Vec<BeadDiff> {
    let mut out = Vec::new();
    for (b, bead) in alignment.beads.iter().enumerate() {
        if bead.original.is_empty() || bead.translation.is_empty() {
            continue;
        }
        let mut old = Vec::new();
        for o in &bead.original {
            if let Some(s) = original.sentences.get(o.0) {
                tokenize(&s.text, o.0, &mut old);
            }
        }
        let mut new = Vec::new();
        for t in &bead.translation {
            if let Some(s) = translation.sentences.get(t.0) {
                tokenize(&s.text, t.0, &mut new);
            }
        }
        let old_words: Vec<&str> = old.iter().map(|t| t.text).collect();
        let new_words: Vec<&str> = new.iter().map(|t| t.text).collect();
        let ops = similar::capture_diff_slices(Algorithm::Patience, &old_words, &new_words);
        let edits: Vec<Edit> = ops
            .iter()
            .filter_map(|op| {
                let (kind, o, n) = match *op {
                    DiffOp::Equal { .. } => return None,
                    DiffOp::Delete { old_index, old_len, .. } => {
                        (EditKind::Delete, old_index..old_index + old_len, 0..0)
                    }
                    DiffOp::Insert { new_index, new_len, .. } => {
                        (EditKind::Insert, 0..0, new_index..new_index + new_len)
                    }
                    DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                        (EditKind::Replace, old_index..old_index + old_len, new_index..new_index + new_len)
                    }
                };
                let mut claims = Vec::new();
                let original_spans = spans(original, &old[o], &mut claims);
                let translation_spans = spans(translation, &new[n], &mut claims);
                claims.sort_unstable();
                claims.dedup();
                Some(Edit { kind, original: original_spans, translation: translation_spans, claims })
            })
            .collect();
        if !edits.is_empty() {
            out.push(BeadDiff { bead: b, edits });
        }
    }
    out
}

/// The raw spans of a run of tokens, one per sentence, noting the claims they overlap.
fn spans(side: &Prepared, tokens: &[Token<'_>], claims: &mut Vec<&'static str>) -> Vec<DiffSpan> {
    let mut out: Vec<DiffSpan> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let sentence = tokens[i].sentence;
        let mut j = i;
        while j + 1 < tokens.len() && tokens[j + 1].sentence == sentence {
            j += 1;
        }
        let rel = tokens[i].range.start..tokens[j].range.end;
        if let (Some(s), Some(c)) = (side.sentences.get(sentence), side.claims.get(sentence)) {
            claims.extend(claim_kinds(c, &rel));
            let raw = side.doc.raw_range(s.range.start + rel.start..s.range.start + rel.end);
            out.push(DiffSpan {
                sentence,
                text: side.doc.raw.get(raw.clone()).unwrap_or("").to_owned(),
                span: raw,
            });
        }
        i = j + 1;
    }
    out
}

/// The kinds of the claims of a sentence that overlap `range` (sentence-relative bytes).
fn claim_kinds(c: &SentenceClaims, range: &Range<usize>) -> Vec<&'static str> {
    let hit = |s: &Range<usize>| s.start < range.end && range.start < s.end;
    let mut kinds = Vec::new();
    let mut add = |kind: &'static str, any: bool| {
        if any {
            kinds.push(kind);
        }
    };
    add("number", c.quantities.iter().any(|q| hit(&q.span)));
    add("date", c.dates.iter().any(|d| hit(&d.span)));
    add("name", c.entities.iter().any(|e| hit(&e.span)));
    add("quote", c.quotes.iter().any(|q| hit(&q.span)));
    add(
        "attribution",
        c.attributions.iter().any(|a| hit(&a.span) || a.source.as_ref().is_some_and(|s| hit(&s.span))),
    );
    add("hedge", c.hedges.iter().any(|h| hit(&h.span)));
    add("negation", c.negations.iter().any(|n| hit(&n.span)));
    add("credit", c.credit.as_ref().is_some_and(|m| hit(&m.span)));
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, &mut out);
        out.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_keep_numbers_and_compounds_whole() {
        assert_eq!(
            words("Laut „Polizei“ kamen 12.500 Menschen nach Baden-Württemberg, sagte er."),
            [
                "Laut",
                "„",
                "Polizei",
                "“",
                "kamen",
                "12.500",
                "Menschen",
                "nach",
                "Baden-Württemberg",
                ",",
                "sagte",
                "er",
                "."
            ]
        );
        assert_eq!(words("  Иван  Петров,\nдом. "), ["Иван", "Петров", ",", "дом", "."]);
    }
}
