//! The cost of a bead: how unlikely it is that these original sentences and these translation sentences
//! render each other. Lower is better; costs add up along an alignment.
//!
//! In: the two documents' [`Side`]s and the [`Params`]. Out: [`Fine::cost`] for sentence beads and
//! [`Coarse::cost`] for beads of sentence blocks in the coarse passes.
//!
//! A bead's cost is the sum of
//! - a shape penalty (1:1 costs nothing; merges, splits and above all 1:0 / 0:1 must pay their way),
//! - the Gale–Church length cost: `-ln P(|δ|)` with `δ = (l_t − c·l_o) / √(s²·l)`, where `c` is the
//!   character ratio of the whole document pair (so no per-language table is needed; a short pair is
//!   searched again with a refitted ratio, see `docs/alignment.md`),
//! - minus the lexical evidence: every anchor token (number, cognate, dictionary word, punctuation mark)
//!   that finds a partner on the other side of the bead adds its weight, `ln(recall / chance)`, less
//!   `ln k` when the partner could be in any of `k` sentences (larger beads find chance partners more
//!   easily),
//! - paragraph penalties: a bead that spans a paragraph break, or starts a paragraph on one side only.
//!
//! This module scores; it does not search (see `dp`).

use super::features::{KeyKind, Keys, Mask, Side, Tok, unpack};

/// Tunable costs, in nats. The defaults were tuned on two gold sets together (see `docs/alignment.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Opening a run of 1:0 (or 0:1) beads.
    pub gap_open: f32,
    /// Each 1:0 or 0:1 bead of a sentence of 40 characters or more.
    pub skip: f32,
    /// Each 1:0 or 0:1 bead of a very short sentence (the cost rises linearly to `skip` at 40 characters).
    pub skip_short: f32,
    /// A bead whose end splits one side at a fragment (a sentence ending in `:` or `,`, or one starting in
    /// lower case) but the other side at a full stop.
    pub fragment: f32,
    /// A 1:2 or 2:1 bead.
    pub merge: f32,
    /// A 2:2 bead.
    pub merge_2_2: f32,
    /// A 1:3 or 3:1 bead.
    pub merge_1_3: f32,
    /// A 2:3 or 3:2 bead.
    pub merge_2_3: f32,
    /// A 1:4 or 4:1 bead.
    pub merge_1_4: f32,
    /// Weight of the length cost.
    pub length: f32,
    /// Gale–Church variance per character.
    pub variance: f32,
    /// Weight of the lexical evidence.
    pub lexical: f32,
    /// A number on one side of a bead that the other side lacks (half for each side's number).
    pub number_miss: f32,
    /// Weight of the second pass's cost for anchors left without a partner, `−ln(1 − recall)` with the
    /// recall of each anchor class measured on the first pass's 1:1 beads (0 turns the pass off).
    pub unmatched: f32,
    /// Jaro–Winkler similarity two folded words need to count as cognates.
    pub cognate: f64,
    /// A bead whose sentences on one side come from two paragraphs.
    pub paragraph_span: f32,
    /// A bead that starts a paragraph on one side but not on the other.
    pub paragraph_edge: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            gap_open: 4.84,
            skip: 2.27,
            skip_short: 1.25,
            fragment: 2.02,
            merge: 2.5,
            merge_2_2: 3.96,
            merge_1_3: 5.0,
            merge_2_3: 8.12,
            merge_1_4: 7.5,
            length: 1.36,
            variance: 6.8,
            lexical: 1.1,
            number_miss: 1.4,
            unmatched: 1.0,
            cognate: 0.88,
            paragraph_span: 6.81,
            paragraph_edge: 0.5,
        }
    }
}

/// Sentences of this many characters or more cost the full `skip` to leave unaligned.
const SKIP_FULL_LENGTH: f32 = 40.0;

/// A bead shape: original sentences, translation sentences.
pub(crate) type Shape = (usize, usize);

/// The shapes the sentence-level search considers.
pub(crate) const SHAPES: &[Shape] =
    &[(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1)];

/// The shapes the coarse passes consider.
pub(crate) const COARSE_SHAPES: &[Shape] = &[(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2)];

impl Params {
    /// A 1:0 or 0:1 bead of a sentence of this many characters (less the opening cost of a run).
    pub(crate) fn skip_cost(&self, chars: f32) -> f32 {
        self.skip_short + (self.skip - self.skip_short) * (chars / SKIP_FULL_LENGTH).min(1.0)
    }

    pub(crate) fn shape_cost(&self, (a, b): Shape) -> f32 {
        match (a.min(b), a.max(b)) {
            (1, 1) => 0.0,
            (0, _) => 0.0,
            (1, 2) => self.merge,
            (2, 2) => self.merge_2_2,
            (1, 3) => self.merge_1_3,
            (2, 3) => self.merge_2_3,
            (1, 4) => self.merge_1_4,
            _ => f32::INFINITY,
        }
    }
}

/// The Gale–Church length model for one document pair.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LengthModel {
    /// Translation characters per original character.
    pub ratio: f32,
    pub variance: f32,
}

impl LengthModel {
    pub fn new(original: &[f32], translation: &[f32], variance: f32) -> Self {
        let o: f32 = original.iter().sum();
        let t: f32 = translation.iter().sum();
        let ratio = if o > 0.0 && t > 0.0 { (t / o).clamp(0.25, 4.0) } else { 1.0 };
        LengthModel { ratio, variance }
    }

    /// `-ln P(|δ| or more)` for a bead of these lengths.
    pub fn cost(&self, original: f32, translation: f32) -> f32 {
        let mean = ((original + translation / self.ratio) / 2.0).max(1.0);
        let delta = (translation - original * self.ratio) / (self.variance * mean * self.ratio).sqrt();
        -ln_erfc(delta.abs() / std::f32::consts::SQRT_2)
    }
}

/// `ln erfc(x)` for `x ≥ 0`, computed in log space so far tails do not underflow (Numerical Recipes'
/// Chebyshev fit, relative error below 1.2e-7).
fn ln_erfc(x: f32) -> f32 {
    let z = f64::from(x.abs());
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    (t.ln() + poly) as f32
}

/// Token masks of one sentence pair: which original tokens found a partner in the translation
/// sentence, and which translation tokens found one in the original sentence.
pub(crate) type PairMask = (Mask, Mask);

/// Matches the anchors of original sentence `i` against those of translation sentence `j`.
pub(crate) fn match_pair(o: &Side, i: usize, t: &Side, j: usize, keys: &Keys, cognate: f64) -> PairMask {
    let (ko, kt) = (o.keys(i), t.keys(j));
    let (to, tt) = (o.toks(i), t.toks(j));
    let (mut mo, mut mt): (Mask, Mask) = (0, 0);
    let (mut p, mut q) = (0, 0);
    while p < ko.len() && q < kt.len() {
        let (a, b) = (ko[p] >> 5, kt[q] >> 5);
        if a < b {
            p += 1;
        } else if b < a {
            q += 1;
        } else {
            let p_end = p + ko[p..].iter().take_while(|&&x| x >> 5 == a).count();
            let q_end = q + kt[q..].iter().take_while(|&&x| x >> 5 == a).count();
            let kind = keys.kind(a);
            for &vx in &ko[p..p_end] {
                let x = unpack(vx).1;
                for &vy in &kt[q..q_end] {
                    let y = unpack(vy).1;
                    let (bx, by): (Mask, Mask) = (1 << x, 1 << y);
                    if mo & bx != 0 && mt & by != 0 {
                        continue;
                    }
                    let (Some(tx), Some(ty)) = (to.get(x as usize), tt.get(y as usize)) else { continue };
                    if kind != KeyKind::Cognate || cognates(o.form(tx), t.form(ty), cognate) {
                        mo |= bx;
                        mt |= by;
                    }
                }
            }
            p = p_end;
            q = q_end;
        }
    }
    (mo, mt)
}

/// Two folded words are cognates when Jaro–Winkler rates them alike, or when they share a prefix of at
/// least three letters that makes up three quarters of the shorter word (Asien ~ Asia: the endings of
/// the two languages differ, the stems do not).
fn cognates(a: &str, b: &str, threshold: f64) -> bool {
    if a == b {
        return true;
    }
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    (common >= 3 && common * 4 >= shorter * 3) || strsim::jaro_winkler(a, b) >= threshold
}

/// Sum of the weights of the tokens in `mask`, each less `penalty` and at least zero.
#[inline]
fn covered(toks: &[Tok], mut mask: Mask, penalty: f32) -> f32 {
    let mut sum = 0.0;
    while mask != 0 {
        let t = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        if let Some(tok) = toks.get(t) {
            sum += (tok.weight - penalty).max(0.0);
        }
    }
    sum
}

/// Sum of the `miss` costs of the tokens in `mask`.
#[inline]
fn misses(toks: &[Tok], mut mask: Mask) -> f32 {
    let mut sum = 0.0;
    while mask != 0 {
        let t = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        if let Some(tok) = toks.get(t) {
            sum += tok.miss;
        }
    }
    sum
}

/// `ln k` for small `k`.
const LN: [f32; 6] = [0.0, 0.0, std::f32::consts::LN_2, 1.098_612_3, 1.386_294_4, 1.609_438];

/// A store of pair masks over a band of sentence pairs; pairs outside it are computed when asked.
#[derive(Debug)]
pub(crate) struct PairCache {
    lo: Vec<usize>,
    start: Vec<usize>,
    data: Vec<PairMask>,
}

impl PairCache {
    /// Computes the masks of every pair `(i, j)` with `j` in `ranges[i]`.
    pub fn new(o: &Side, t: &Side, keys: &Keys, cognate: f64, ranges: &[(usize, usize)]) -> Self {
        let mut lo = Vec::with_capacity(ranges.len());
        let mut start = Vec::with_capacity(ranges.len() + 1);
        let mut data = Vec::new();
        start.push(0);
        for (i, &(a, b)) in ranges.iter().enumerate() {
            lo.push(a);
            for j in a..b {
                data.push(match_pair(o, i, t, j, keys, cognate));
            }
            start.push(data.len());
        }
        PairCache { lo, start, data }
    }

    /// Per sentence of each side, the tokens that find a partner in some pair of the store.
    pub fn matchable(&self, n: usize, m: usize) -> (Vec<Mask>, Vec<Mask>) {
        let (mut o, mut t): (Vec<Mask>, Vec<Mask>) = (vec![0; n], vec![0; m]);
        for (i, (&lo, w)) in self.lo.iter().zip(self.start.windows(2)).enumerate() {
            for (k, &(mo, mt)) in self.data[w[0]..w[1]].iter().enumerate() {
                o[i] |= mo;
                if let Some(x) = t.get_mut(lo + k) {
                    *x |= mt;
                }
            }
        }
        (o, t)
    }

    /// True when the store holds every pair of original sentences `i..i + a` and translation sentences
    /// `j..j + b`.
    pub fn covers(&self, i: usize, a: usize, j: usize, b: usize) -> bool {
        (i..i + a).all(|x| match (self.lo.get(x), self.start.get(x..x + 2)) {
            (Some(&lo), Some(w)) => lo <= j && j + b <= lo + (w[1] - w[0]),
            _ => false,
        })
    }

    fn get(&self, i: usize, j: usize) -> Option<PairMask> {
        let lo = *self.lo.get(i)?;
        let at = self.start[i] + j.checked_sub(lo)?;
        if at < self.start[i + 1] { self.data.get(at).copied() } else { None }
    }
}

/// The sentence-level scorer.
#[derive(Debug)]
pub(crate) struct Fine<'a> {
    pub o: &'a Side,
    pub t: &'a Side,
    pub keys: &'a Keys,
    pub params: &'a Params,
    pub length: LengthModel,
    pub pairs: &'a PairCache,
    /// Each sentence's share of the evidence of every bead it can be in, for grids small enough.
    shares: Option<std::rc::Rc<Shares>>,
    /// The cost of every bead before its evidence, for grids small enough.
    bases: Option<&'a Bases>,
}

/// The part of a matched bead's cost that does not depend on the anchors' weights (shape, length,
/// paragraphs, fragments), for every bead of a small grid. The search runs twice (once to measure
/// recall, once weighed by it) and the margins search each bead's neighbourhood again: computing it
/// once saves two thirds of the length model's logarithms.
#[derive(Debug)]
pub(crate) struct Bases {
    m: usize,
    /// At `(i * (m + 1) + j) * SHAPES.len() + shape`.
    cost: Vec<f32>,
}

impl Bases {
    /// The bases of a pair of documents when their grid is small enough to store them.
    pub fn new(o: &Side, t: &Side, params: &Params, length: LengthModel) -> Option<Self> {
        let (n, m) = (o.len(), t.len());
        if (n + 1).saturating_mul(m + 1) > SHARE_CELLS {
            return None;
        }
        let mut cost = vec![f32::INFINITY; (n + 1) * (m + 1) * SHAPES.len()];
        for i in 0..n {
            for j in 0..m {
                for (s, &(a, b)) in SHAPES.iter().enumerate() {
                    if a == 0 || b == 0 || i + a > n || j + b > m {
                        continue;
                    }
                    cost[(i * (m + 1) + j) * SHAPES.len() + s] = base_cost(o, t, params, length, i, a, j, b);
                }
            }
        }
        Some(Bases { m, cost })
    }

    #[inline]
    fn get(&self, i: usize, a: usize, j: usize, b: usize) -> Option<f32> {
        let s = shape_index(a, b)?;
        self.cost.get((i * (self.m + 1) + j) * SHAPES.len() + s).copied()
    }
}

/// The index of shape `(a, b)` in [`SHAPES`].
#[inline]
fn shape_index(a: usize, b: usize) -> Option<usize> {
    const INDEX: [[u8; 5]; 5] = {
        let mut table = [[u8::MAX; 5]; 5];
        let mut s = 0;
        while s < SHAPES.len() {
            let (a, b) = SHAPES[s];
            table[a][b] = s as u8;
            s += 1;
        }
        table
    };
    let s = *INDEX.get(a)?.get(b)?;
    (s != u8::MAX).then_some(usize::from(s))
}

/// The cost of a matched bead before its evidence: shape, length, paragraphs, fragments.
#[inline]
#[allow(clippy::too_many_arguments)] // the bead's four coordinates and the three things that price it
fn base_cost(
    o: &Side,
    t: &Side,
    p: &Params,
    length: LengthModel,
    i: usize,
    a: usize,
    j: usize,
    b: usize,
) -> f32 {
    let lo: f32 = o.chars[i..i + a].iter().sum();
    let lt: f32 = t.chars[j..j + b].iter().sum();
    p.shape_cost((a, b))
        + p.length * length.cost(lo, lt)
        + paragraph_cost(o, t, p, i, a, j, b)
        + fragment_cost(o, t, p, i + a, j + b)
}

/// Grids up to this many cells get [`Shares`] (60 kB for 30 × 30 sentences, 2.6 MB for 200 × 200).
const SHARE_CELLS: usize = 40_000;

/// A bead's evidence adds one term per sentence: an original sentence's matched weight and miss cost
/// depend only on which translation sentences the bead holds (and likewise the other way round).
/// Computed once per weighing, they make the search's many look-ups of overlapping beads additions.
/// Each term is computed exactly as [`Fine::evidence_parts`] computes it, and the terms are added in
/// the same order, so the evidence is the same to the last bit.
#[derive(Debug)]
struct Shares {
    n: usize,
    m: usize,
    /// `(covered, missed)` of original sentence `x` with translation sentences `j..j + b`, at
    /// `(x * (m + 1) + j) * MAX_SPAN + b - 1`.
    original: Vec<(f32, f32)>,
    /// `(covered, missed)` of translation sentence `y` with original sentences `i..i + a`, at
    /// `(y * (n + 1) + i) * MAX_SPAN + a - 1`.
    translation: Vec<(f32, f32)>,
}

/// The most sentences one side of a bead holds ([`SHAPES`]).
const MAX_SPAN: usize = 4;

impl Shares {
    fn new(o: &Side, t: &Side, pair: impl Fn(usize, usize) -> PairMask) -> Self {
        let (n, m) = (o.len(), t.len());
        let mut original = vec![(0.0, 0.0); n * (m + 1) * MAX_SPAN];
        let mut translation = vec![(0.0, 0.0); m * (n + 1) * MAX_SPAN];
        for x in 0..n {
            let toks = o.toks(x);
            for j in 0..m {
                let mut mo: Mask = 0;
                for b in 1..=MAX_SPAN.min(m - j) {
                    mo |= pair(x, j + b - 1).0;
                    original[(x * (m + 1) + j) * MAX_SPAN + b - 1] =
                        (covered(toks, mo, LN[b]), misses(toks, o.missable[x] & !mo));
                }
            }
        }
        for y in 0..m {
            let toks = t.toks(y);
            for i in 0..n {
                let mut mt: Mask = 0;
                for a in 1..=MAX_SPAN.min(n - i) {
                    mt |= pair(i + a - 1, y).1;
                    translation[(y * (n + 1) + i) * MAX_SPAN + a - 1] =
                        (covered(toks, mt, LN[a]), misses(toks, t.missable[y] & !mt));
                }
            }
        }
        Shares { n, m, original, translation }
    }

    /// [`Fine::evidence_parts`] of a bead of at most [`MAX_SPAN`] sentences a side, else `None`.
    #[inline]
    fn evidence_parts(&self, i: usize, a: usize, j: usize, b: usize) -> Option<(f32, f32)> {
        if a > MAX_SPAN || b > MAX_SPAN || i + a > self.n || j + b > self.m {
            return None;
        }
        let mut sum = 0.0;
        let mut missed = 0.0;
        for x in i..i + a {
            let (c, miss) = *self.original.get((x * (self.m + 1) + j) * MAX_SPAN + b - 1)?;
            sum += c;
            missed += miss;
        }
        for y in j..j + b {
            let (c, miss) = *self.translation.get((y * (self.n + 1) + i) * MAX_SPAN + a - 1)?;
            sum += c;
            missed += miss;
        }
        Some((sum * 0.5, missed))
    }
}

impl<'a> Fine<'a> {
    /// The scorer of a document pair as weighed now (build it again after [`super::features::weigh`]).
    pub fn new(
        o: &'a Side,
        t: &'a Side,
        keys: &'a Keys,
        params: &'a Params,
        length: LengthModel,
        pairs: &'a PairCache,
        bases: Option<&'a Bases>,
    ) -> Self {
        let mut fine = Fine { o, t, keys, params, length, pairs, shares: None, bases };
        if (o.len() + 1).saturating_mul(t.len() + 1) <= SHARE_CELLS {
            fine.shares = Some(std::rc::Rc::new(Shares::new(o, t, |x, y| fine.pair(x, y))));
        }
        fine
    }
}

impl<'a> Fine<'a> {
    /// The same scorer at another length model (the anchors' shares do not depend on it).
    pub fn at_length(&self, length: LengthModel, bases: Option<&'a Bases>) -> Self {
        Fine { length, bases, shares: self.shares.clone(), ..*self }
    }

    pub fn pair(&self, i: usize, j: usize) -> PairMask {
        self.pairs
            .get(i, j)
            .unwrap_or_else(|| match_pair(self.o, i, self.t, j, self.keys, self.params.cognate))
    }

    /// Cost of the bead of original sentences `i..i + a` and translation sentences `j..j + b`.
    ///
    /// Returns infinity without weighing the anchors when even full lexical evidence could not bring the
    /// cost down to `budget`.
    pub fn cost(&self, i: usize, a: usize, j: usize, b: usize, budget: f32) -> f32 {
        let p = self.params;
        if b == 0 {
            return self.o.chars[i..i + a].iter().map(|&c| p.skip_cost(c)).sum();
        }
        if a == 0 {
            return self.t.chars[j..j + b].iter().map(|&c| p.skip_cost(c)).sum();
        }
        let cost = match self.bases.and_then(|bases| bases.get(i, a, j, b)) {
            Some(cost) => cost,
            None => base_cost(self.o, self.t, p, self.length, i, a, j, b),
        };
        let most: f32 = self.o.max_evidence[i..i + a].iter().sum::<f32>()
            + self.t.max_evidence[j..j + b].iter().sum::<f32>();
        // The bound holds where the store knows every pair of the bead (it was made from the store).
        if cost - p.lexical * most > budget && self.pairs.covers(i, a, j, b) {
            return f32::INFINITY;
        }
        cost - p.lexical * self.evidence(i, a, j, b)
    }

    /// The lexical evidence of a bead, in nats (half from each side's tokens): matched anchors count for
    /// it, numbers without a partner against it.
    pub fn evidence(&self, i: usize, a: usize, j: usize, b: usize) -> f32 {
        let (matched, missed) = self.evidence_parts(i, a, j, b);
        matched - missed
    }

    /// The lexical evidence of a bead as (for it, against it), both in nats and positive.
    pub fn evidence_parts(&self, i: usize, a: usize, j: usize, b: usize) -> (f32, f32) {
        if let Some(parts) = self.shares.as_ref().and_then(|s| s.evidence_parts(i, a, j, b)) {
            return parts;
        }
        let mut masks_t: [Mask; 4] = [0; 4];
        let mut sum = 0.0;
        let mut missed = 0.0;
        for x in i..i + a {
            let mut mo: Mask = 0;
            for (k, y) in (j..j + b).enumerate() {
                let (po, pt) = self.pair(x, y);
                mo |= po;
                if let Some(m) = masks_t.get_mut(k) {
                    *m |= pt;
                }
            }
            sum += covered(self.o.toks(x), mo, LN[b.min(5)]);
            missed += misses(self.o.toks(x), self.o.missable[x] & !mo);
        }
        for (k, y) in (j..j + b).enumerate() {
            let mt = masks_t.get(k).copied().unwrap_or(0);
            sum += covered(self.t.toks(y), mt, LN[a.min(5)]);
            missed += misses(self.t.toks(y), self.t.missable[y] & !mt);
        }
        // A match is one event seen from both sides (half each); a miss is an event of its own.
        (sum * 0.5, missed)
    }
}

/// The penalty for ending a bead before original sentence `i` and translation sentence `j` when one
/// side breaks inside a fragment and the other does not.
fn fragment_cost(o: &Side, t: &Side, p: &Params, i: usize, j: usize) -> f32 {
    let weak = |side: &Side, x: usize| x < side.len() && (side.leads_on[x - 1] || side.continues[x]);
    if weak(o, i) != weak(t, j) { p.fragment } else { 0.0 }
}

#[allow(clippy::too_many_arguments)] // both sides, the costs, and the bead's four coordinates
fn paragraph_cost(o: &Side, t: &Side, p: &Params, i: usize, a: usize, j: usize, b: usize) -> f32 {
    let mut cost = 0.0;
    if o.paragraph[i] != o.paragraph[i + a - 1] {
        cost += p.paragraph_span;
    }
    if t.paragraph[j] != t.paragraph[j + b - 1] {
        cost += p.paragraph_span;
    }
    if o.para_start[i] != t.para_start[j] {
        cost += p.paragraph_edge;
    }
    cost
}

/// A document cut into blocks of consecutive sentences for the coarse passes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Blocks {
    pub chars: Vec<f32>,
    /// Sentences per block.
    pub count: Vec<f32>,
    /// Sum of each block's key weights (a bound on its similarity to anything).
    pub weight: Vec<f32>,
    /// The blocks' strongest keys with their weights, each block's sorted by key; block `b` owns
    /// `keys[start[b]..start[b + 1]]`.
    keys: Vec<(u32, f32)>,
    start: Vec<u32>,
}

/// Keys a block keeps (the strongest ones).
const BLOCK_KEYS: usize = 16;

impl Blocks {
    fn with_capacity(n: usize) -> Self {
        let mut out = Blocks {
            chars: Vec::with_capacity(n),
            count: Vec::with_capacity(n),
            weight: Vec::with_capacity(n),
            keys: Vec::with_capacity(n * BLOCK_KEYS / 2),
            start: Vec::with_capacity(n + 1),
        };
        out.start.push(0);
        out
    }

    fn push(&mut self, chars: f32, count: f32, list: &mut Vec<(u32, f32)>) {
        strongest(list);
        self.chars.push(chars);
        self.count.push(count);
        self.weight.push(list.iter().map(|k| k.1).sum());
        self.keys.extend_from_slice(list);
        self.start.push(u32::try_from(self.keys.len()).unwrap_or(u32::MAX));
    }

    /// The keys of block `b`.
    pub fn keys(&self, b: usize) -> &[(u32, f32)] {
        &self.keys[self.start[b] as usize..self.start[b + 1] as usize]
    }

    /// Blocks of two sentences each (the last may hold one). Cognate buckets count half: the coarse
    /// passes skip the cognate check.
    pub fn pairs_of(side: &Side, keys: &Keys) -> Self {
        let n = side.len().div_ceil(2);
        let mut out = Blocks::with_capacity(n);
        let mut list = Vec::new();
        for b in 0..n {
            list.clear();
            let sentences = 2 * b..(2 * b + 2).min(side.len());
            for s in sentences.clone() {
                let toks = side.toks(s);
                list.extend(side.keys(s).iter().filter_map(|&v| {
                    let (k, t) = unpack(v);
                    let w = toks.get(t as usize).map_or(0.0, |x| x.weight);
                    let w = if keys.kind(k) == KeyKind::Cognate { w * 0.5 } else { w };
                    (w > 0.0).then_some((k, w))
                }));
            }
            let chars = side.chars[sentences.clone()].iter().sum();
            out.push(chars, sentences.len() as f32, &mut list);
        }
        out
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Blocks of two: lengths add, keys unite (a key repeated in both keeps its larger weight).
    pub fn halve(&self) -> Self {
        let n = self.len().div_ceil(2);
        let mut out = Blocks::with_capacity(n);
        let mut list = Vec::new();
        for b in 0..n {
            let (x, y) = (2 * b, (2 * b + 1).min(self.len() - 1));
            list.clear();
            list.extend_from_slice(self.keys(x));
            if x == y {
                out.push(self.chars[x], self.count[x], &mut list);
            } else {
                list.extend_from_slice(self.keys(y));
                out.push(self.chars[x] + self.chars[y], self.count[x] + self.count[y], &mut list);
            }
        }
        out
    }
}

/// Keeps the [`BLOCK_KEYS`] heaviest keys, one weight per key, sorted by key.
fn strongest(list: &mut Vec<(u32, f32)>) {
    list.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    list.dedup_by_key(|x| x.0);
    if list.len() > BLOCK_KEYS {
        list.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        list.truncate(BLOCK_KEYS);
        list.sort_unstable_by_key(|x| x.0);
    }
}

/// Shared weight of two blocks' keys.
pub(crate) fn block_similarity(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut p, mut q, mut sum) = (0, 0, 0.0);
    while p < a.len() && q < b.len() {
        match a[p].0.cmp(&b[q].0) {
            std::cmp::Ordering::Less => p += 1,
            std::cmp::Ordering::Greater => q += 1,
            std::cmp::Ordering::Equal => {
                sum += a[p].1.min(b[q].1);
                p += 1;
                q += 1;
            }
        }
    }
    sum
}

/// The scorer of the coarse passes: length and shared keys of blocks.
#[derive(Debug)]
pub(crate) struct Coarse<'a> {
    pub o: &'a Blocks,
    pub t: &'a Blocks,
    pub params: &'a Params,
    pub length: LengthModel,
    pub sims: SimCache,
}

impl Coarse<'_> {
    pub fn cost(&self, i: usize, a: usize, j: usize, b: usize, budget: f32) -> f32 {
        let p = self.params;
        let skip =
            |blocks: &Blocks, x: usize| blocks.count[x] * p.skip_cost(blocks.chars[x] / blocks.count[x]);
        if b == 0 {
            return (i..i + a).map(|x| skip(self.o, x)).sum();
        }
        if a == 0 {
            return (j..j + b).map(|y| skip(self.t, y)).sum();
        }
        let shape = p.shape_cost((a, b));
        let lo: f32 = self.o.chars[i..i + a].iter().sum();
        let lt: f32 = self.t.chars[j..j + b].iter().sum();
        let base = shape + p.length * self.length.cost(lo, lt);
        let most = (b as f32 * self.o.weight[i..i + a].iter().sum::<f32>())
            .min(a as f32 * self.t.weight[j..j + b].iter().sum::<f32>());
        if base - p.lexical * most > budget {
            return f32::INFINITY;
        }
        let mut sim = 0.0;
        for x in i..i + a {
            for y in j..j + b {
                sim +=
                    self.sims.get(x, y).unwrap_or_else(|| block_similarity(self.o.keys(x), self.t.keys(y)));
            }
        }
        base - p.lexical * sim
    }
}

/// Block similarities over a band.
#[derive(Debug)]
pub(crate) struct SimCache {
    lo: Vec<usize>,
    start: Vec<usize>,
    data: Vec<f32>,
}

impl SimCache {
    pub fn new(o: &Blocks, t: &Blocks, ranges: &[(usize, usize)]) -> Self {
        let mut lo = Vec::with_capacity(ranges.len());
        let mut start = vec![0];
        let mut data = Vec::new();
        for (i, &(a, b)) in ranges.iter().enumerate() {
            lo.push(a);
            for j in a..b {
                data.push(block_similarity(o.keys(i), t.keys(j)));
            }
            start.push(data.len());
        }
        SimCache { lo, start, data }
    }

    fn get(&self, i: usize, j: usize) -> Option<f32> {
        let lo = *self.lo.get(i)?;
        let at = self.start[i] + j.checked_sub(lo)?;
        if at < self.start[i + 1] { self.data.get(at).copied() } else { None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_cost_prefers_proportional_lengths() {
        let m = LengthModel { ratio: 1.1, variance: 6.8 };
        assert!(m.cost(100.0, 110.0) < 0.1);
        assert!(m.cost(100.0, 60.0) > m.cost(100.0, 90.0));
        assert!(m.cost(100.0, 5.0).is_finite());
        assert!(m.cost(10_000.0, 1.0).is_finite());
    }

    #[test]
    fn ln_erfc_matches_known_values() {
        assert!((ln_erfc(0.0) - 0.0).abs() < 1e-5);
        assert!((ln_erfc(1.0) - 0.157_299_2_f32.ln()).abs() < 1e-4);
        assert!(ln_erfc(30.0) < -800.0);
    }
}
