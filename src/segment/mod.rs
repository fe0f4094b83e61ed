//! Sentence segmentation for news text.
//!
//! In: a [`Document`] (normalised text in blocks) and a language pack. Out: [`Sentence`]s in document
//! order, each with its byte range in the document's text and its paragraph (block) number. Blocks are
//! never merged: a heading, a dateline or a list item without final punctuation is a sentence of its own.
//! This module must not align or interpret sentences.

use std::ops::Range;

use serde::Serialize;

use crate::input::{BlockKind, Document};
use crate::lang::LangPack;

/// One sentence of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The sentence's text: the document's normalised text over `range`, line breaks turned to spaces.
    pub text: String,
    /// Byte range in [`Document::text`]; `text` has the same length, so offsets carry over.
    pub range: Range<usize>,
    /// 0-based index of the block (paragraph, heading, list item) the sentence belongs to.
    pub paragraph: usize,
    /// The kind of that block.
    pub kind: BlockKind,
}

/// Splits every block of a document into sentences.
pub fn segment(doc: &Document, lang: &LangPack) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, block) in doc.blocks.iter().enumerate() {
        let text = &doc.text[block.range.clone()];
        for r in split_block(text, lang) {
            let range = block.range.start + r.start..block.range.start + r.end;
            out.push(make(doc, range, p, block.kind));
        }
    }
    out
}

/// One sentence per non-blank line, for input that is already segmented. Blank lines still count as
/// paragraph breaks.
pub fn presegmented(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, block) in doc.blocks.iter().enumerate() {
        let mut start = block.range.start;
        for line in doc.text[block.range.clone()].split('\n') {
            let lead = line.len() - line.trim_start().len();
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let s = start + lead;
                out.push(make(doc, s..s + trimmed.len(), p, block.kind));
            }
            start += line.len() + 1;
        }
    }
    out
}

fn make(doc: &Document, range: Range<usize>, paragraph: usize, kind: BlockKind) -> Sentence {
    let text = doc.text[range.clone()].replace('\n', " ");
    Sentence { text, range, paragraph, kind }
}

/// Byte ranges of the sentences of one block (relative to the block), trimmed of white space.
pub fn split_block(text: &str, lang: &LangPack) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take the whole run of terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len() && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closing(chars[j].1))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            let next_word = chars[j..].iter().skip_while(|x| x.1.is_whitespace()).map(|x| x.1).next();
            let has_space = chars.get(j).is_some_and(|x| x.1.is_whitespace());
            if has_space
                && next_word.is_some_and(starts_sentence)
                && !is_abbreviation(&text[start..at], c, lang)
            {
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '’' | '«' | '»' | '‘' | ')' | ']')
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '„' | '“' | '«' | '»' | '‚' | '‘' | '(' | '\'' | '-' | '–')
}

fn is_abbreviation(before: &str, terminator: char, lang: &LangPack) -> bool {
    if terminator != '.' {
        return false;
    }
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial
    }
    lang.segment.abbreviations.iter().chain(&lang.segment.prefix_abbreviations).any(|a| {
        before.ends_with(a.as_str())
            && before[..before.len() - a.len()].chars().last().is_none_or(|c| c.is_whitespace() || c == '(')
    })
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(r.start + lead..r.start + lead + t.len());
    }
}
