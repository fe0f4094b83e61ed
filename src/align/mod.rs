//! Sentence alignment: beads of n:m sentences between the original and the translation.
//!
//! In: the two documents' sentences and languages. Out: an [`Alignment`], a monotone sequence of
//! [`Bead`]s covering every sentence of both sides exactly once, each with a score and a confidence flag.
//! This module must not judge what the sentences claim; it only says which sentences correspond.

use serde::Serialize;

use crate::index::{OrigIdx, TransIdx};
use crate::lang::Language;
use crate::segment::Sentence;

/// A group of original sentences and the translation sentences that render them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bead {
    /// Original sentences (empty: the translation added these sentences).
    pub original: Vec<OrigIdx>,
    /// Translation sentences (empty: the translation dropped these sentences).
    pub translation: Vec<TransIdx>,
    /// How well the two sides match, from 0 (no evidence) to 1 (certain).
    pub score: f64,
    /// True when the aligner is unsure of this bead; findings on it are demoted.
    pub low_confidence: bool,
}

impl Bead {
    /// `[1, 2]:[1]`, the format of alignment gold sets.
    pub fn to_gold_string(&self) -> String {
        let list = |v: Vec<usize>| v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        format!(
            "[{}]:[{}]",
            list(self.original.iter().map(|i| i.0).collect()),
            list(self.translation.iter().map(|i| i.0).collect())
        )
    }
}

/// The beads of a document pair.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Alignment {
    pub beads: Vec<Bead>,
}

/// Settings for the aligner.
#[derive(Clone, Debug, Default)]
pub struct AlignOptions {}

/// Aligns two documents' sentences.
pub fn align(
    original: &[Sentence],
    translation: &[Sentence],
    _original_lang: Language,
    _translation_lang: Language,
    _options: &AlignOptions,
) -> Alignment {
    // Placeholder length-only alignment: 1:1 pairs, then the remainder as 1:0 or 0:1.
    let mut beads = Vec::new();
    let n = original.len().max(translation.len());
    for i in 0..n {
        beads.push(Bead {
            original: if i < original.len() { vec![OrigIdx(i)] } else { vec![] },
            translation: if i < translation.len() { vec![TransIdx(i)] } else { vec![] },
            score: 0.5,
            low_confidence: false,
        });
    }
    Alignment { beads }
}
