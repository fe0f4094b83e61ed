//! Sentence alignment: beads of n:m sentences between the original and the translation.
//!
//! In: the two documents' sentences and languages, and [`AlignOptions`] (an optional bilingual dictionary,
//! tunable [`Params`]). Out: an [`Alignment`], a monotone sequence of [`Bead`]s covering every sentence of
//! both sides exactly once, in order, each with a score in `0..=1` and a low-confidence flag.
//! This module must not judge what the sentences claim; it only says which sentences correspond.
//!
//! # How
//!
//! Dynamic programming over beads of shapes 1:1, 1:0, 0:1, 1:2, 2:1, 2:2, 1:3, 3:1, 2:3, 3:2, 1:4 and 4:1
//! (`dp`), each scored (`score`) by a shape penalty, the Gale–Church length model (the character ratio
//! is estimated from the document pair itself), and lexical anchors (`features`): numbers by value
//! (`1.000,5` = `1,000.5`), cognates and names (Jaro–Winkler on lower-cased, transliterated forms of words
//! of four letters or more), shared punctuation (quotes, `?`, `!`, parentheses, colons), and the words of
//! an optional FreeDict dictionary (`dictionary`). Each anchor weighs `ln(recall / chance)`, so a number
//! or a rare name that the other document has in one sentence only is strong evidence and a word found
//! everywhere is none. Paragraph breaks are soft constraints (a penalty for a bead that spans one).
//!
//! # Why coarse-to-fine
//!
//! A full grid is quadratic: 100 000 × 100 000 sentences would be 10¹⁰ cells. Documents up to about
//! 600 × 600 sentences get the exact search over the full grid. Longer ones are aligned the way Vecalign
//! does it (Thompson & Koehn 2019): both documents are cut into blocks of 2, 4, 8, … sentences until the
//! grid is small, aligned there (block lengths and the union of the blocks' strongest anchors), and each
//! level's path is projected onto the next finer level, which searches only a band of a few cells around
//! it. Every level costs time linear in its length, and the levels halve, so the whole is linear. We
//! prefer this to a band around the diagonal, which breaks when one document has long insertions (a
//! translation that adds a box of 50 sentences moves the path 50 cells off the diagonal), and to anchor
//! chains alone, which leave long stretches without anchors (prose without numbers or names) unguided.
//!
//! # Confidence
//!
//! A bead's score comes from its margin: how much more the best alignment of its neighbourhood (the beads
//! before and after it) costs when this exact bead is forbidden. A bead the evidence barely prefers to an
//! alternative is flagged `low_confidence`; the check stage demotes findings on it. A 1:0 or 0:1 bead
//! accuses the translator of dropping or adding a sentence, so skip beads cost much more than merges.

pub mod dictionary;
mod dp;
mod features;
pub(crate) use features::Fnv;
pub mod lexicon;
mod score;

use std::sync::Arc;

use serde::Serialize;

use crate::index::{OrigIdx, TransIdx};
use crate::lang::Language;
use crate::segment::Sentence;

pub use dictionary::{Dictionary, DictionaryChoice, Direction};
pub use score::Params;

use dp::{Band, Search, Step};
use features::{Keys, Role, Words};
use score::{Bases, Blocks, Coarse, Fine, LengthModel, PairCache, SimCache};

/// A group of original sentences and the translation sentences that render them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bead {
    /// Original sentences (empty: the translation added these sentences).
    pub original: Vec<OrigIdx>,
    /// Translation sentences (empty: the translation dropped these sentences).
    pub translation: Vec<TransIdx>,
    /// How sure the aligner is of this bead, from 0 (a coin toss) to 1 (certain).
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
    /// The dictionary the aligner used (its index file), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dictionary: Option<String>,
    /// That dictionary, and the way round it serves the pair (the name rules ask it which words are
    /// common words).
    #[serde(skip)]
    pub loaded: Option<(Arc<Dictionary>, Direction)>,
    /// Whether the name rules may consult an installed spelling dictionary (not with `--no-dictionary`).
    #[serde(skip)]
    pub spelling: bool,
}

/// Settings for the aligner.
#[derive(Clone, Debug, Default)]
pub struct AlignOptions {
    /// Which bilingual dictionary to use. `Auto` and `Path` are resolved here when the caller has not
    /// resolved them with [`dictionary::resolve`] (which also says what it chose, and reports errors).
    pub dictionary: DictionaryChoice,
    /// Costs of the alignment model.
    pub params: Params,
}

/// Grids up to this many cells are searched whole at sentence level.
const FULL_CELLS: usize = 360_000;
/// Grids up to this many cells are searched whole in the coarse passes.
const COARSE_FULL_CELLS: usize = 250_000;
/// Half-width of the band around a projected coarse path: in sentences at the finest level, in blocks
/// at the coarser ones.
const BAND_WIDTH: usize = 4;
const COARSE_BAND_WIDTH: usize = 6;
/// Margin (nats) under which a bead is low-confidence.
const LOW_MARGIN: f32 = 1.5;
/// The margin a bead in a crossed stretch keeps at most.
const CROSSED_MARGIN: f32 = 0.5;
/// A crossed anchor further apart than this many beads is taken for a coincidence.
const MAX_CROSSING: usize = 20;
/// Beads the neighbourhood of a bead may reach on each side when it runs through skips.
const MAX_WINDOW: usize = 8;
/// Margin (nats) at which the score reaches 1 − 1/e.
const MARGIN_SCALE: f32 = 2.0;

/// Aligns two documents' sentences.
pub fn align(
    original: &[Sentence],
    translation: &[Sentence],
    original_lang: Language,
    translation_lang: Language,
    options: &AlignOptions,
) -> Alignment {
    let (dict, dictionary) = match &options.dictionary {
        DictionaryChoice::Loaded(d, dir) => (Some((Arc::clone(d), *dir)), Some(d.path.display().to_string())),
        DictionaryChoice::Off | DictionaryChoice::NoneInstalled => (None, None),
        choice => match dictionary::resolve(choice, original_lang.code, translation_lang.code) {
            Ok(dictionary::Resolved { choice: DictionaryChoice::Loaded(d, dir), .. }) => {
                let name = d.path.display().to_string();
                (Some((d, dir)), Some(name))
            }
            _ => (None, None),
        },
    };
    let beads = align_texts(
        original.iter().map(|s| (s.text.as_str(), s.paragraph)),
        translation.iter().map(|s| (s.text.as_str(), s.paragraph)),
        (original_lang, translation_lang),
        match &dict {
            Some((d, dir)) => Words::Installed(d.as_ref(), *dir),
            None => bundled(original_lang.code, translation_lang.code),
        },
        &options.params,
    );
    let spelling = !matches!(options.dictionary, DictionaryChoice::Off);
    Alignment { beads, dictionary, loaded: dict, spelling }
}

/// Whether the bundled lexicons serve the pair (see [`bundled`]).
pub(crate) fn bundled_serves(original: &str, translation: &str) -> bool {
    !matches!(bundled(original, translation), Words::None)
}

/// The bundled lexicons for a pair without an installed dictionary: each language needs one, or to be
/// English (the pivot).
fn bundled(original: &str, translation: &str) -> Words<'static> {
    let side = |code: &str| if code == "en" { Some(None) } else { lexicon::for_language(code).map(Some) };
    match (side(original), side(translation)) {
        (Some(o), Some(t)) if o.is_some() || t.is_some() => Words::Bundled(o, t),
        _ => Words::None,
    }
}

/// The aligner on plain `(text, paragraph)` pairs.
fn align_texts<'s>(
    original: impl ExactSizeIterator<Item = (&'s str, usize)>,
    translation: impl ExactSizeIterator<Item = (&'s str, usize)>,
    (original_lang, translation_lang): (Language, Language),
    words: Words<'_>,
    params: &Params,
) -> Vec<Bead> {
    let mut keys = Keys::default();
    let mut o = features::describe(
        original,
        (original_lang.code, original_lang.pack),
        Role::Original,
        words,
        &mut keys,
    );
    let mut t = features::describe(
        translation,
        (translation_lang.code, translation_lang.pack),
        Role::Translation,
        words,
        &mut keys,
    );
    let (n, m) = (o.len(), t.len());
    if n == 0 || m == 0 {
        let certain = |original: Vec<OrigIdx>, translation: Vec<TransIdx>| Bead {
            original,
            translation,
            score: 1.0,
            low_confidence: false,
        };
        return (0..n)
            .map(|i| certain(vec![OrigIdx(i)], vec![]))
            .chain((0..m).map(|j| certain(vec![], vec![TransIdx(j)])))
            .collect();
    }
    let first_miss = [params.number_miss, 0.0, 0.0, 0.0];
    features::weigh(&mut o, &t, &keys, &features::RECALL, &first_miss, None);
    features::weigh(&mut t, &o, &keys, &features::RECALL, &first_miss, None);
    let length = LengthModel::new(&o.chars, &t.chars, params.variance);

    let band = if (n + 1).saturating_mul(m + 1) <= FULL_CELLS {
        Band::full(n, m)
    } else {
        let (ob, tb) = (Blocks::pairs_of(&o, &keys), Blocks::pairs_of(&t, &keys));
        let coarse = coarse_corners(&ob, &tb, params, length, 0);
        let projected: Vec<_> = coarse.iter().map(|&(i, j)| ((2 * i).min(n), (2 * j).min(m))).collect();
        Band::around(&projected, n, m, BAND_WIDTH)
    };
    let (max_a, max_b) = score::SHAPES.iter().fold((0, 0), |(x, y), &(a, b)| (x.max(a), y.max(b)));
    let pairs = PairCache::new(&o, &t, &keys, params.cognate, &band.pair_ranges(n, m, max_a, max_b));
    // Bound each sentence's evidence by its tokens that have a partner nearby (lets the search prune).
    let (reach_o, reach_t) = pairs.matchable(n, m);
    features::bound_evidence(&mut o, Some(&reach_o));
    features::bound_evidence(&mut t, Some(&reach_t));
    let bases = Bases::new(&o, &t, params, length);
    let fine_search =
        Search { shapes: score::SHAPES, gap_open: params.gap_open, forbidden: None, free_end: false };
    if params.unmatched > 0.0 {
        // First pass, to measure how often each class of anchor finds its partner in this pair.
        let fine = Fine::new(&o, &t, &keys, params, length, &pairs, bases.as_ref());
        let cost = |i: usize, a: usize, j: usize, b: usize, budget: f32| fine.cost(i, a, j, b, budget);
        // A long document's first rows tell the recall as well as all of it would.
        let rows = n.min(RECALL_SAMPLE_ROWS);
        let first = if rows < n {
            let prefix = Band { lo: band.lo[..=rows].to_vec(), hi: band.hi[..=rows].to_vec() };
            dp::search(rows, band.hi[rows], &prefix, &Search { free_end: true, ..fine_search }, cost)
                .unwrap_or_default()
        } else {
            dp::search(n, m, &band, &fine_search, cost).unwrap_or_else(|| diagonal(n, m, &cost))
        };
        let recall = measured_recall(&fine, &first);
        let miss = [
            params.number_miss,
            params.unmatched * -(1.0 - recall[1]).ln(),
            params.unmatched * -(1.0 - recall[2]).ln(),
            params.unmatched * -(1.0 - recall[3]).ln(),
        ];
        features::weigh(&mut o, &t, &keys, &recall, &miss, Some(&reach_o));
        features::weigh(&mut t, &o, &keys, &recall, &miss, Some(&reach_t));
    }
    let fine = Fine::new(&o, &t, &keys, params, length, &pairs, bases.as_ref());
    let cost = |i: usize, a: usize, j: usize, b: usize, budget: f32| fine.cost(i, a, j, b, budget);
    let mut path = dp::search(n, m, &band, &fine_search, cost).unwrap_or_else(|| diagonal(n, m, &cost));
    // The document's length ratio counts the sentences one side adds or drops: in a short document an
    // added paragraph can double it, and a path that merges the added sentence into its neighbour then
    // fits it. A second search starts from a ratio of one and refits the ratio on its own matched beads;
    // its path replaces the first when it explains the pair at clearly lower cost, and the beads only
    // the path kept has are no surer than its lead.
    let total = |p: &[Step]| p.iter().map(|s| s.cost).sum::<f32>();
    let mut length = length;
    let mut rival: Option<(Vec<Step>, f32)> = None;
    if bases.is_some() {
        let ctx = RatioSearch { fine: &fine, band: &band, search: &fine_search };
        if let Some((alt, lm)) = ctx.search_from_one(length, total(&path)) {
            let (ours, theirs) = (total(&path), total(&alt));
            if theirs + RATIO_LEAD < ours {
                rival = Some((std::mem::replace(&mut path, alt), ours - theirs));
                length = lm;
            } else {
                rival = Some((alt, (theirs - ours).max(0.0)));
            }
        }
    }
    // Margins and moved passages are judged at the ratio of the path kept.
    let kept_bases =
        if length.ratio == fine.length.ratio { None } else { Bases::new(&o, &t, params, length) };
    let fine = match &kept_bases {
        Some(b) => fine.at_length(length, Some(b)),
        None => fine,
    };
    let cost = |i: usize, a: usize, j: usize, b: usize, budget: f32| fine.cost(i, a, j, b, budget);

    let mut margins = margins(&path, params.gap_open, &cost);
    if let Some((other, lead)) = &rival {
        for (s, margin) in path.iter().zip(&mut margins) {
            if !other.iter().any(|x| (x.i, x.a, x.j, x.b) == (s.i, s.a, s.j, s.b)) {
                *margin = margin.min(*lead);
            }
        }
    }
    let mut crossed = crossed_beads(&path, &anchors(&o, &t, &keys));
    for k in moved_runs(&path, &fine, &length) {
        crossed[k] = true;
    }
    path.iter()
        .zip(margins)
        .zip(crossed)
        .map(|((s, margin), crossed)| {
            let mut sure = margin.max(0.0);
            if crossed {
                sure = sure.min(CROSSED_MARGIN);
            }
            let score = 1.0 - f64::from(-sure / MARGIN_SCALE).exp();
            Bead {
                original: (s.i..s.i + s.a).map(OrigIdx).collect(),
                translation: (s.j..s.j + s.b).map(TransIdx).collect(),
                score: (score * 100.0).round() / 100.0,
                low_confidence: sure < LOW_MARGIN,
            }
        })
        .collect()
}

/// What a search at another length ratio needs.
struct RatioSearch<'a> {
    /// The scorer at the document's ratio.
    fine: &'a Fine<'a>,
    band: &'a Band,
    search: &'a Search<'a>,
}

/// Searches from a ratio of one: the first at one, each later one at the ratio of the last path's
/// matched beads.
const RATIO_ROUNDS: usize = 3;

impl RatioSearch<'_> {
    /// The cheapest path found from a length ratio of one, each search's ratio refitted on the
    /// characters of the previous path's matched beads, with its length model. A path without skips
    /// refits to the document's own ratio, whose path (costing `first`) the caller has: the search
    /// stops there, with `None` when that path is the cheapest.
    fn search_from_one(&self, length: LengthModel, first: f32) -> Option<(Vec<Step>, LengthModel)> {
        let (o, t) = (self.fine.o, self.fine.t);
        let (n, m) = (o.len(), t.len());
        let mut model = LengthModel { ratio: 1.0, ..length };
        let mut best: Option<(Vec<Step>, LengthModel, f32)> = None;
        for _ in 0..RATIO_ROUNDS {
            let bases = Bases::new(o, t, self.fine.params, model);
            let fine = self.fine.at_length(model, bases.as_ref());
            let cost = |i: usize, a: usize, j: usize, b: usize, budget: f32| fine.cost(i, a, j, b, budget);
            let path = dp::search(n, m, self.band, self.search, cost)?;
            let (lo, lt) = path.iter().filter(|s| s.a > 0 && s.b > 0).fold((0.0, 0.0), |(x, y), s| {
                (
                    x + o.chars[s.i..s.i + s.a].iter().sum::<f32>(),
                    y + t.chars[s.j..s.j + s.b].iter().sum::<f32>(),
                )
            });
            let total: f32 = path.iter().map(|s| s.cost).sum();
            let skips = path.iter().any(|s| s.a == 0 || s.b == 0);
            if best.as_ref().is_none_or(|b| total < b.2) {
                best = Some((path, model, total));
            }
            if !skips {
                // Refitted on every sentence, the ratio is the document's: the first search's path.
                return best.filter(|b| b.2 < first).map(|(path, model, _)| (path, model));
            }
            let refit = LengthModel::new(&[lo], &[lt], model.variance);
            if (refit.ratio / model.ratio).ln().abs() < RATIO_SETTLED {
                break;
            }
            model = refit;
        }
        best.map(|(path, model, _)| (path, model))
    }
}

/// How much less (nats) the path from a ratio of one must cost to replace the one at the document's
/// ratio: a free ratio fits any pair a little better (faithful pairs mostly gain 0.2 to 2.5 nats from
/// it, a loosely translated one up to 11, an added paragraph in a short document 5 to 35).
const RATIO_LEAD: f32 = 3.0;

/// A refitted ratio within this much (in log) of the last one has settled.
const RATIO_SETTLED: f32 = 0.02;

/// The share of keyed tokens of each class that find a partner in the 1:1 beads of a path, shrunk
/// towards the prior [`features::RECALL`] (worth 20 tokens); numbers keep their prior.
fn measured_recall(fine: &Fine<'_>, path: &[Step]) -> [f32; 4] {
    let mut found = [0u32; 4];
    let mut total = [0u32; 4];
    let mut count = |toks: &[features::Tok], mask: features::Mask| {
        for (t, tok) in toks.iter().enumerate() {
            if tok.keyed {
                let c = tok.class.index();
                total[c] += 1;
                found[c] += u32::from(mask & (1 << t) != 0);
            }
        }
    };
    for s in path.iter().filter(|s| s.a == 1 && s.b == 1) {
        let (mo, mt) = fine.pair(s.i, s.j);
        count(fine.o.toks(s.i), mo);
        count(fine.t.toks(s.j), mt);
    }
    let mut recall = features::RECALL;
    for c in 1..4 {
        let prior = features::RECALL[c] * RECALL_PRIOR_TOKENS;
        recall[c] = ((found[c] as f32 + prior) / (total[c] as f32 + RECALL_PRIOR_TOKENS)).clamp(0.02, 0.95);
    }
    recall
}

/// The first pass of a long document measures recall on this many original sentences.
const RECALL_SAMPLE_ROWS: usize = 2_000;
/// How many tokens' worth of weight the prior recall keeps when it is measured.
const RECALL_PRIOR_TOKENS: f32 = 20.0;

/// Strong one-to-one anchors: a number, or a name of five letters or more spelt alike, that occurs in
/// exactly one sentence of each document. `(original, translation)` sentence pairs.
fn anchors(o: &features::Side, t: &features::Side, keys: &Keys) -> Vec<(usize, usize)> {
    use features::KeyKind;
    let count = |side: &features::Side| {
        let mut df = vec![0u32; keys.len()];
        let mut home = vec![u32::MAX; keys.len()];
        for s in 0..side.len() {
            let mut last = u32::MAX;
            for &v in side.keys(s) {
                let (k, _) = features::unpack(v);
                if k != last {
                    df[k as usize] += 1;
                    home[k as usize] = u32::try_from(s).unwrap_or(u32::MAX);
                    last = k;
                }
            }
        }
        (df, home)
    };
    let (df_o, _) = count(o);
    let (df_t, home_t) = count(t);
    let mut out = Vec::new();
    for i in 0..o.len() {
        let toks = o.toks(i);
        for &v in o.keys(i) {
            let (k, tok) = features::unpack(v);
            let strong = match keys.kind(k) {
                KeyKind::Number => toks.get(tok as usize).is_some_and(|x| o.form(x).len() >= 2),
                KeyKind::Cognate => toks.get(tok as usize).is_some_and(|x| o.form(x).len() >= 5),
                _ => false,
            };
            if !strong || df_o[k as usize] != 1 || df_t[k as usize] != 1 {
                continue;
            }
            let j = home_t[k as usize] as usize;
            // Numbers meet by key; a cognate anchor must be spelt the same (a name), not merely alike.
            let form = toks.get(tok as usize).map_or("", |x| o.form(x));
            let meets = keys.kind(k) == KeyKind::Number || t.toks(j).iter().any(|x| t.form(x) == form);
            if meets && out.last() != Some(&(i, j)) {
                out.push((i, j));
            }
        }
    }
    out
}

/// Skip beads that may be a moved passage: a run of dropped sentences and a run of added ones (four at
/// most each) that, taken as one bead, would fit by length and anchors. Neither run is then a sure
/// omission or addition.
fn moved_runs(path: &[Step], fine: &Fine<'_>, length: &LengthModel) -> Vec<usize> {
    let runs = |dropped: bool| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < path.len() {
            let skip = |s: &Step| if dropped { s.b == 0 && s.a > 0 } else { s.a == 0 && s.b > 0 };
            if skip(&path[k]) {
                let start = k;
                while k < path.len() && skip(&path[k]) {
                    k += 1;
                }
                out.push((start, k));
            } else {
                k += 1;
            }
        }
        out
    };
    let (drops, adds) = (runs(true), runs(false));
    let mut out = Vec::new();
    for &(d0, d1) in &drops {
        let (i, a) = (path[d0].i, path[d0..d1].iter().map(|s| s.a).sum::<usize>());
        for &(a0, a1) in &adds {
            let (j, b) = (path[a0].j, path[a0..a1].iter().map(|s| s.b).sum::<usize>());
            if a > 4 || b > 4 {
                continue;
            }
            let lo: f32 = fine.o.chars[i..i + a].iter().sum();
            let lt: f32 = fine.t.chars[j..j + b].iter().sum();
            let cost =
                fine.params.length * length.cost(lo, lt) - fine.params.lexical * fine.evidence(i, a, j, b);
            if cost < MOVED_FIT {
                out.extend(d0..d1);
                out.extend(a0..a1);
            }
        }
    }
    out
}

/// A dropped run and an added run that would cost less than this (nats) as one bead may be a move.
const MOVED_FIT: f32 = 2.0;

/// Beads between the two ends of an anchor the path does not keep together: the order of the documents
/// differs there (a moved paragraph), so the monotone alignment of that stretch is doubtful.
fn crossed_beads(path: &[Step], anchors: &[(usize, usize)]) -> Vec<bool> {
    let n: usize = path.iter().map(|s| s.a).sum();
    let m: usize = path.iter().map(|s| s.b).sum();
    let mut bead_o = vec![0usize; n];
    let mut bead_t = vec![0usize; m];
    for (k, s) in path.iter().enumerate() {
        bead_o[s.i..s.i + s.a].iter_mut().for_each(|x| *x = k);
        bead_t[s.j..s.j + s.b].iter_mut().for_each(|x| *x = k);
    }
    let mut crossed = vec![false; path.len()];
    for &(i, j) in anchors {
        let (Some(&x), Some(&y)) = (bead_o.get(i), bead_t.get(j)) else { continue };
        if x != y && x.abs_diff(y) <= MAX_CROSSING {
            crossed[x.min(y)..=x.max(y)].iter_mut().for_each(|c| *c = true);
        }
    }
    crossed
}

/// The path through the blocks of one coarse level (corners in block units), found with the help of the
/// next coarser level when this one is too large to search whole.
fn coarse_corners(
    o: &Blocks,
    t: &Blocks,
    params: &Params,
    length: LengthModel,
    depth: usize,
) -> Vec<(usize, usize)> {
    let (n, m) = (o.len(), t.len());
    let band = if (n + 1).saturating_mul(m + 1) <= COARSE_FULL_CELLS || depth > 40 || n <= 1 || m <= 1 {
        Band::full(n, m)
    } else {
        let coarse = coarse_corners(&o.halve(), &t.halve(), params, length, depth + 1);
        let projected: Vec<_> = coarse.iter().map(|&(i, j)| ((2 * i).min(n), (2 * j).min(m))).collect();
        Band::around(&projected, n, m, COARSE_BAND_WIDTH)
    };
    let sims = SimCache::new(o, t, &band.pair_ranges(n, m, 2, 2));
    let scorer = Coarse { o, t, params, length, sims };
    let cost = |i: usize, a: usize, j: usize, b: usize, budget: f32| scorer.cost(i, a, j, b, budget);
    let search =
        Search { shapes: score::COARSE_SHAPES, gap_open: params.gap_open, forbidden: None, free_end: false };
    let path = dp::search(n, m, &band, &search, cost).unwrap_or_else(|| diagonal(n, m, &cost));
    dp::corners(&path)
}

/// A fallback path (never expected): 1:1 beads along the diagonal, the rest as 1:0 or 0:1.
fn diagonal(n: usize, m: usize, cost: &impl Fn(usize, usize, usize, usize, f32) -> f32) -> Vec<Step> {
    let k = n.min(m);
    let mut path: Vec<Step> =
        (0..k).map(|x| Step { i: x, a: 1, j: x, b: 1, cost: cost(x, 1, x, 1, f32::INFINITY) }).collect();
    path.extend((k..n).map(|x| Step { i: x, a: 1, j: m, b: 0, cost: cost(x, 1, m, 0, f32::INFINITY) }));
    path.extend((k..m).map(|y| Step { i: n, a: 0, j: y, b: 1, cost: cost(n, 0, y, 1, f32::INFINITY) }));
    path
}

/// For each bead, how much more its neighbourhood (it, and the beads up to the nearest matched bead on
/// each side) costs at best without it.
fn margins(path: &[Step], gap_open: f32, cost: &impl Fn(usize, usize, usize, usize, f32) -> f32) -> Vec<f32> {
    (0..path.len())
        .map(|k| {
            // The neighbourhood reaches the nearest matched bead on each side (through a run of skips).
            let skip = |s: &Step| s.a == 0 || s.b == 0;
            let mut first = k.saturating_sub(1);
            while first > 0 && skip(&path[first]) && k - first < MAX_WINDOW {
                first -= 1;
            }
            let mut last = (k + 1).min(path.len() - 1);
            while last + 1 < path.len() && skip(&path[last]) && last - k < MAX_WINDOW {
                last += 1;
            }
            let window = &path[first..=last];
            let (i0, j0) = (window[0].i, window[0].j);
            let end = window[window.len() - 1];
            let (n, m) = (end.i + end.a - i0, end.j + end.b - j0);
            let current: f32 = window.iter().map(|s| s.cost).sum();
            let this = path[k];
            let forbidden = Step { i: this.i - i0, j: this.j - j0, ..this };
            let local =
                |i: usize, a: usize, j: usize, b: usize, budget: f32| cost(i + i0, a, j + j0, b, budget);
            let search =
                Search { shapes: score::SHAPES, gap_open, forbidden: Some(forbidden), free_end: false };
            match dp::search(n, m, &Band::full(n, m), &search, local) {
                Some(alt) => alt.iter().map(|s| s.cost).sum::<f32>() - current,
                None => f32::INFINITY,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Language {
        crate::lang::resolve(code, "test").unwrap_or(Language { code: "xx", pack: crate::lang::generic() })
    }

    fn run(original: &[&str], translation: &[&str]) -> Vec<String> {
        let beads = align_texts(
            original.iter().map(|s| (*s, 0)),
            translation.iter().map(|s| (*s, 0)),
            (lang("de"), lang("en")),
            Words::None,
            &Params::default(),
        );
        beads.iter().map(Bead::to_gold_string).collect()
    }

    #[test]
    fn empty_sides_give_skip_beads() {
        assert_eq!(run(&[], &["A."]), ["[]:[0]"]);
        assert_eq!(run(&["A."], &[]), ["[0]:[]"]);
        assert!(run(&[], &[]).is_empty());
    }

    #[test]
    fn numbers_pull_a_split_together() {
        let o = [
            "Die Polizei nahm am Montag 12 Verdächtige fest.",
            "Bei der Razzia in Hamburg wurden 3,5 Kilogramm Kokain und 120.000 Euro sichergestellt, teilte die Staatsanwaltschaft mit.",
            "Der Prozess beginnt im Herbst.",
        ];
        let t = [
            "Police arrested 12 suspects on Monday.",
            "The raid in Hamburg seized 3.5 kilograms of cocaine.",
            "Officers also found 120,000 euros, the prosecutor's office said.",
            "The trial starts in autumn.",
        ];
        assert_eq!(run(&o, &t), ["[0]:[0]", "[1]:[1, 2]", "[2]:[3]"]);
    }
}
