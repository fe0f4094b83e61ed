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

mod lines;
mod rules;
mod scan;

pub use lines::LineStyle;
use rules::Rules;

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
    let rules = Rules::new(&lang.segment);
    let style = LineStyle::detect(doc.blocks.iter().filter_map(|b| doc.text.get(b.range.clone())));
    let mut out = Vec::new();
    for (p, block) in doc.blocks.iter().enumerate() {
        let Some(text) = doc.text.get(block.range.clone()) else {
            continue;
        };
        for r in scan::split(text, &rules, &style) {
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

/// Byte ranges of the sentences of one block (relative to the block), trimmed of white space. Line
/// breaks are read with what this block alone shows about wrapping; [`segment`] looks at the whole
/// document instead.
pub fn split_block(text: &str, lang: &LangPack) -> Vec<Range<usize>> {
    let rules = Rules::new(&lang.segment);
    scan::split(text, &rules, &LineStyle::detect(std::iter::once(text)))
}
