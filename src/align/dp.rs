//! The search: dynamic programming over bead shapes inside a band of the (original × translation) grid.
//!
//! In: the grid size, a [`Band`] (for each original position, the range of translation positions the path
//! may visit), the shapes, and a cost function. Out: the cheapest monotone path from `(0, 0)` to `(n, m)`
//! as a list of beads. A state `(i, j)` means "the first `i` original and `j` translation sentences are
//! aligned"; a bead of shape `(a, b)` moves from `(i − a, j − b)` to `(i, j)`.
//! Time and memory are linear in the number of band cells; this module knows nothing of sentences.

use super::score::Shape;

/// For each row `i` in `0..=n`, the columns `lo[i]..=hi[i]` the path may visit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    /// The whole grid.
    pub fn full(n: usize, m: usize) -> Self {
        Band { lo: vec![0; n + 1], hi: vec![m; n + 1] }
    }

    /// The cells within `width` columns of a path given by its corners (`(0, 0)` first, `(n, m)` last),
    /// made monotone so that every cell can still reach the end.
    pub fn around(corners: &[(usize, usize)], n: usize, m: usize, width: usize) -> Self {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        let mut mark = |i: usize, j0: usize, j1: usize| {
            let i = i.min(n);
            lo[i] = lo[i].min(j0.min(m));
            hi[i] = hi[i].max(j1.min(m));
        };
        mark(0, 0, 0);
        mark(n, m, m);
        for w in corners.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            for i in i0..=i1.min(n) {
                mark(i, j0, j1);
            }
        }
        for i in 0..=n {
            if lo[i] == usize::MAX {
                // A row the corners skipped (cannot happen for a connected path): take its neighbour's range.
                let (l, h) = if i > 0 { (lo[i - 1], hi[i - 1]) } else { (0, 0) };
                lo[i] = l;
                hi[i] = h;
            }
            lo[i] = lo[i].saturating_sub(width);
            hi[i] = (hi[i] + width).min(m);
        }
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
        }
        Band { lo, hi }
    }

    /// For each sentence row `x` in `0..n`, the translation sentences `(from, to)` a bead touching it can
    /// reach, for shapes of at most `max_a × max_b` sentences.
    pub fn pair_ranges(&self, n: usize, m: usize, max_a: usize, max_b: usize) -> Vec<(usize, usize)> {
        (0..n)
            .map(|x| {
                let last = (x + max_a).min(n);
                let from = self.lo[x + 1].saturating_sub(max_b);
                let to = self.hi[last].min(m);
                (from, to.max(from))
            })
            .collect()
    }
}

/// One bead of a path: original sentences `i..i + a`, translation sentences `j..j + b`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Step {
    pub i: usize,
    pub a: usize,
    pub j: usize,
    pub b: usize,
    pub cost: f32,
}

/// What a search may do.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Search<'a> {
    /// The bead shapes, `(original sentences, translation sentences)`.
    pub shapes: &'a [Shape],
    /// The cost of opening a run of 1:0 or 0:1 beads.
    pub gap_open: f32,
    /// One bead the path may not use.
    pub forbidden: Option<Step>,
    /// Let the path end anywhere in the last row.
    pub free_end: bool,
}

/// The layers of the search: the last bead was a match (n:m with both sides), a 1:0, or a 0:1. A run of
/// skips pays `gap_open` once on entering its layer, so a block of captions the translation inserts
/// costs one opening and a small price per sentence, while a lone skip costs the opening in full.
const LAYERS: usize = 3;

fn layer((a, b): Shape) -> usize {
    match (a, b) {
        (_, 0) => 1,
        (0, _) => 2,
        _ => 0,
    }
}

/// The cheapest path through the band, or `None` when the band does not connect `(0, 0)` to `(n, m)`.
/// `forbidden` excludes one bead (used to measure how much a bead's neighbourhood depends on it);
/// `free_end` lets the path end anywhere in the last row (a search over the first rows of a document).
/// `cost(i, a, j, b, budget)` prices the bead of original sentences `i..i + a` and translation sentences
/// `j..j + b`; it may return infinity as soon as it knows the price exceeds `budget`.
pub(crate) fn search(
    n: usize,
    m: usize,
    band: &Band,
    how: &Search<'_>,
    cost: impl Fn(usize, usize, usize, usize, f32) -> f32,
) -> Option<Vec<Step>> {
    let Search { shapes, gap_open, forbidden, free_end } = *how;
    let mut start = Vec::with_capacity(n + 2);
    start.push(0usize);
    for (lo, hi) in band.lo.iter().zip(&band.hi) {
        start.push(start[start.len() - 1] + hi + 1 - lo);
    }
    let cells = start[n + 1];
    let mut best = vec![[f32::INFINITY; LAYERS]; cells];
    // Shape index in the low five bits, the previous cell's layer above them.
    let mut back = vec![[u8::MAX; LAYERS]; cells];
    let at = |i: usize, j: usize| -> Option<usize> {
        (band.lo[i] <= j && j <= band.hi[i]).then(|| start[i] + j - band.lo[i])
    };
    best[0][0] = 0.0;
    #[allow(clippy::needless_range_loop)] // `i` indexes the band's rows and `start` alike
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let here = start[i] + j - band.lo[i];
            for (s, &(a, b)) in shapes.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let (pi, pj) = (i - a, j - b);
                let Some(prev) = at(pi, pj) else { continue };
                let from = best[prev];
                if from.iter().all(|c| !c.is_finite()) {
                    continue;
                }
                if let Some(f) = forbidden
                    && (f.i, f.a, f.j, f.b) == (pi, a, pj, b)
                {
                    continue;
                }
                let to = layer((a, b));
                // The most this bead may cost and still improve the cell: the scorer can stop early.
                let entry = from
                    .iter()
                    .enumerate()
                    .map(|(pl, &base)| base + if to != 0 && pl != to { gap_open } else { 0.0 })
                    .fold(f32::INFINITY, f32::min);
                let budget = best[here][to] - entry;
                let bead = cost(pi, a, pj, b, budget);
                if !bead.is_finite() {
                    continue;
                }
                for (pl, &base) in from.iter().enumerate() {
                    let open = if to != 0 && pl != to { gap_open } else { 0.0 };
                    let c = base + open + bead;
                    if c < best[here][to] {
                        best[here][to] = c;
                        back[here][to] = s as u8 | (pl as u8) << 5;
                    }
                }
            }
        }
    }
    // The end: `(n, m)`, or with `free_end` the cheapest cell of the last row.
    let cell = |c: usize| best[start[n] + c - band.lo[n]].iter().copied().fold(f32::INFINITY, f32::min);
    let end_col = if free_end {
        (band.lo[n]..=band.hi[n]).min_by(|&x, &y| cell(x).total_cmp(&cell(y))).unwrap_or(m)
    } else {
        m
    };
    let end = at(n, end_col)?;
    let (mut l, total) = best[end].iter().copied().enumerate().min_by(|x, y| x.1.total_cmp(&y.1))?;
    if !total.is_finite() {
        return None;
    }
    let mut path = Vec::new();
    let (mut i, mut j) = (n, end_col);
    while i > 0 || j > 0 {
        let here = at(i, j)?;
        let code = back[here][l];
        let &(a, b) = shapes.get(usize::from(code & 31))?;
        let pl = usize::from(code >> 5);
        let prev = at(i - a, j - b)?;
        path.push(Step { i: i - a, a, j: j - b, b, cost: best[here][l] - best[prev][pl] });
        i -= a;
        j -= b;
        l = pl;
    }
    path.reverse();
    Some(path)
}

/// Corners of a path: `(0, 0)` and the end of every bead.
pub(crate) fn corners(path: &[Step]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(path.len() + 1);
    out.push((0, 0));
    out.extend(path.iter().map(|s| (s.i + s.a, s.j + s.b)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_around_a_diagonal_is_monotone_and_connected() {
        let corners: Vec<_> = (0..=10).map(|k| (k, k)).collect();
        let band = Band::around(&corners, 10, 10, 2);
        assert_eq!(band.lo[0], 0);
        assert_eq!(band.hi[10], 10);
        for i in 1..=10 {
            assert!(band.lo[i] >= band.lo[i - 1]);
            assert!(band.hi[i] >= band.hi[i - 1]);
            assert!(band.lo[i] <= band.hi[i - 1] + 1);
        }
    }

    #[test]
    fn search_finds_the_cheap_path() {
        // Cost favours a 2:1 bead at the start, then 1:1.
        let shapes = [(1, 1), (1, 0), (0, 1), (2, 1)];
        let cost = |i: usize, a: usize, _j: usize, b: usize, _budget: f32| match (i, a, b) {
            (0, 2, 1) => 0.0,
            (_, 1, 1) => 1.0,
            _ => 5.0,
        };
        let how = Search { shapes: &shapes, gap_open: 0.0, forbidden: None, free_end: false };
        let path = search(3, 2, &Band::full(3, 2), &how, cost).expect("a path");
        let shape: Vec<_> = path.iter().map(|s| (s.i, s.a, s.j, s.b)).collect();
        assert_eq!(shape, [(0, 2, 0, 1), (2, 1, 1, 1)]);
    }
}
