//! Helpers shared by the rules: gathering a bead's claims with their sentences, looking into neighbouring
//! beads before accusing, and the matching of quantities and dates by value.
//!
//! Every rule that reports something *missing* first looks one bead to each side: sentence boundaries
//! move in translation, and a number that the aligner placed one bead away was not dropped.

use crate::align::Bead;
use crate::claims::{DateClaim, DateKind, Quantity, QuantityKind, SentenceClaims};
use crate::compare::Context;
use crate::index::{OrigIdx, TransIdx};

/// How many beads to each side count as "nearby".
pub(crate) const NEARBY: usize = 1;

/// The claims of a bead's original sentences, each with its sentence.
pub(crate) fn orig_items<'a, T: 'a>(
    ctx: &Context<'a>,
    bead: &Bead,
    get: impl Fn(&'a SentenceClaims) -> &'a [T],
) -> Vec<(OrigIdx, &'a T)> {
    bead.original.iter().flat_map(|&o| get(ctx.orig_claims(o)).iter().map(move |x| (o, x))).collect()
}

/// The claims of a bead's translation sentences, each with its sentence.
pub(crate) fn trans_items<'a, T: 'a>(
    ctx: &Context<'a>,
    bead: &Bead,
    get: impl Fn(&'a SentenceClaims) -> &'a [T],
) -> Vec<(TransIdx, &'a T)> {
    bead.translation.iter().flat_map(|&t| get(ctx.trans_claims(t)).iter().map(move |x| (t, x))).collect()
}

/// Claims of the original sentences in the beads around `index` (not the bead itself).
pub(crate) fn nearby_orig<'a, T: 'a>(
    ctx: &Context<'a>,
    index: usize,
    get: impl Fn(&'a SentenceClaims) -> &'a [T],
) -> Vec<&'a T> {
    nearby(ctx, index)
        .flat_map(|b| b.original.iter().copied())
        .flat_map(|o| get(ctx.orig_claims(o)).iter())
        .collect()
}

/// Claims of the translation sentences in the beads around `index` (not the bead itself).
pub(crate) fn nearby_trans<'a, T: 'a>(
    ctx: &Context<'a>,
    index: usize,
    get: impl Fn(&'a SentenceClaims) -> &'a [T],
) -> Vec<&'a T> {
    nearby(ctx, index)
        .flat_map(|b| b.translation.iter().copied())
        .flat_map(|t| get(ctx.trans_claims(t)).iter())
        .collect()
}

/// Claims of the translation sentences in the beads around `index` (not the bead itself) that their own
/// bead leaves unpaired (`eq` pairs an original claim with a translation claim): only these can be the
/// counterpart of a claim that moved across a sentence boundary. A neighbour's claim that its own
/// original accounts for is no excuse.
pub(crate) fn spare_trans<'a, T: 'a>(
    ctx: &Context<'a>,
    index: usize,
    get: impl Fn(&'a SentenceClaims) -> &'a [T],
    eq: impl Fn(&T, &T) -> bool,
) -> Vec<&'a T> {
    spare(ctx, index, get, eq).1
}

/// Claims of the original sentences in the beads around `index` (not the bead itself) that their own
/// bead leaves unpaired; see [`spare_trans`].
pub(crate) fn spare_orig<'a, T: 'a>(
    ctx: &Context<'a>,
    index: usize,
    get: impl Fn(&'a SentenceClaims) -> &'a [T],
    eq: impl Fn(&T, &T) -> bool,
) -> Vec<&'a T> {
    spare(ctx, index, get, eq).0
}

/// The unpaired claims of the beads around `index`: (original's, translation's).
fn spare<'a, T: 'a>(
    ctx: &Context<'a>,
    index: usize,
    get: impl Fn(&'a SentenceClaims) -> &'a [T],
    eq: impl Fn(&T, &T) -> bool,
) -> (Vec<&'a T>, Vec<&'a T>) {
    let (mut orig, mut trans) = (Vec::new(), Vec::new());
    for b in nearby(ctx, index) {
        let o: Vec<&T> = b.original.iter().flat_map(|&i| get(ctx.orig_claims(i)).iter()).collect();
        let t: Vec<&T> = b.translation.iter().flat_map(|&i| get(ctx.trans_claims(i)).iter()).collect();
        let (lonely_o, lonely_t) = unmatched(&o, &t, |x, y| eq(x, y));
        orig.extend(lonely_o.into_iter().map(|i| o[i]));
        trans.extend(lonely_t.into_iter().map(|j| t[j]));
    }
    (orig, trans)
}

fn nearby<'a>(ctx: &Context<'a>, index: usize) -> impl Iterator<Item = &'a Bead> + 'a {
    let beads = &ctx.alignment.beads;
    let lo = index.saturating_sub(NEARBY);
    let hi = (index + NEARBY + 1).min(beads.len());
    beads[lo..hi].iter().enumerate().filter(move |(k, _)| lo + k != index).map(|(_, b)| b)
}

/// Two values are the same number (relative tolerance for floating-point noise only).
pub(crate) fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Two quantities state the same value. Kinds may differ (German `3.` ordinal vs English `third`), since
/// extraction cannot always tell; a percentage never matches a plain number of another value.
pub(crate) fn quantity_matches(a: &Quantity, b: &Quantity) -> bool {
    // The same digits on both sides match even when the translation kept the original's separators
    // ("17.000" left as is in an English text).
    let same_digits = a.text == b.text && a.text.chars().any(|c| c.is_ascii_digit());
    // Two round counts (`a dozen`, `десяток`: about ten) within a fifth.
    let round = |x: f64, y: f64| a.round && b.round && (x - y).abs() <= 0.2 * x.abs().max(y.abs());
    // Digits that read two ways (`32.000` in Russian) match either way.
    let either = |q: &Quantity| q.value.into_iter().chain(q.alt_value);
    match (a.value, b.value) {
        (Some(x), Some(y)) => {
            same_value(x, y)
                || same_digits
                || round(x, y)
                || either(a).any(|x| either(b).any(|y| same_value(x, y)))
        }
        _ => false,
    }
}

/// A precise (non-vague) quantity.
pub(crate) fn precise(q: &Quantity) -> bool {
    q.kind != QuantityKind::Vague && q.value.is_some()
}

/// Greedy one-to-one matching: returns the indices of `left` and `right` items left unmatched.
pub(crate) fn unmatched<L, R>(
    left: &[L],
    right: &[R],
    eq: impl Fn(&L, &R) -> bool,
) -> (Vec<usize>, Vec<usize>) {
    let mut used = vec![false; right.len()];
    let mut lonely_left = Vec::new();
    for (i, l) in left.iter().enumerate() {
        match (0..right.len()).find(|&j| !used[j] && eq(l, &right[j])) {
            Some(j) => used[j] = true,
            None => lonely_left.push(i),
        }
    }
    let lonely_right = used.iter().enumerate().filter(|(_, u)| !**u).map(|(j, _)| j).collect();
    (lonely_left, lonely_right)
}

/// The comparable class of a date element: only elements of the same class can contradict each other.
pub(crate) fn date_class(d: &DateClaim) -> u8 {
    match d.kind {
        DateKind::Year { .. } => 0,
        DateKind::Month { .. } => 1,
        DateKind::Weekday { .. } => 2,
        DateKind::Time { .. } => 3,
        DateKind::Relative { .. } => 4,
    }
}

/// Two date elements agree. A month without a day agrees with the same month with one.
pub(crate) fn date_matches(a: &DateClaim, b: &DateClaim) -> bool {
    match (a.kind, b.kind) {
        (DateKind::Month { month: m1, day: d1 }, DateKind::Month { month: m2, day: d2 }) => {
            m1 == m2 && (d1.is_none() || d2.is_none() || d1 == d2)
        }
        (DateKind::Time { hour: h1, minute: m1 }, DateKind::Time { hour: h2, minute: m2 }) => {
            // 3.40 Uhr may be rendered 3:40 a.m. or 15:40 depending on context the extractor cannot see.
            m1 == m2 && (h1 == h2 || h1 % 12 == h2 % 12)
        }
        (x, y) => x == y,
    }
}

/// True when a clock time says which half of the day it is: read in a 24-hour-clock language, written
/// with a marker (`a.m.`, `du soir`), or past noon or at midnight by its digits.
pub(crate) fn half_of_day_known(side: &super::Side<'_>, d: &DateClaim) -> bool {
    let DateKind::Time { hour, .. } = d.kind else { return false };
    let dates = &side.language.pack.dates;
    let text = d.text.to_lowercase();
    dates.clock_24h
        || hour == 0
        || hour > 12
        || dates.time_am.iter().chain(&dates.time_pm).any(|m| text.contains(&m.to_lowercase()))
}

/// `date_matches` for an original date `o` and a translation date `t`: two times that both say which
/// half of the day they are must agree on the hour (`alle 5.20` is not `5:20 p.m.`).
pub(crate) fn dates_agree(ctx: &Context<'_>, o: &DateClaim, t: &DateClaim) -> bool {
    date_matches(o, t)
        && match (o.kind, t.kind) {
            (DateKind::Time { hour: h1, .. }, DateKind::Time { hour: h2, .. }) => {
                h1 == h2 || !(half_of_day_known(&ctx.original, o) && half_of_day_known(&ctx.translation, t))
            }
            _ => true,
        }
}

/// Folded form for matching names across languages and scripts: transliterated to ASCII, lower case
/// (the same folding as the names table's, [`crate::claims::names::fold_ascii`]).
pub(crate) fn fold(s: &str) -> String {
    crate::claims::names::fold_ascii(s)
}

/// True when `needle` (folded) starts a word in `haystack` (folded): `putin` is found in `putins`.
pub(crate) fn has_word_prefix(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    haystack
        .match_indices(needle)
        .any(|(i, _)| haystack[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// Folded text of a bead's translation sentences.
pub(crate) fn folded_trans(ctx: &Context<'_>, bead: &Bead) -> String {
    bead.translation.iter().map(|&t| ctx.trans_folded(t)).collect::<Vec<_>>().join(" ")
}

/// Folded text of a bead's original sentences.
pub(crate) fn folded_orig(ctx: &Context<'_>, bead: &Bead) -> String {
    bead.original.iter().map(|&o| ctx.orig_folded(o)).collect::<Vec<_>>().join(" ")
}

/// The bead indices around `index`, itself included.
pub(crate) fn around(ctx: &Context<'_>, index: usize) -> std::ops::Range<usize> {
    index.saturating_sub(NEARBY)..(index + NEARBY + 1).min(ctx.alignment.beads.len())
}

/// The years named in a bead's translation sentences and their neighbours, as numbers.
///
/// Extraction may read `1724` as a year on one side and as a plain number on the other ("im Jahr 1724",
/// "from 1724"); number and date rules accept either reading.
pub(crate) fn years_near_trans(ctx: &Context<'_>, index: usize) -> Vec<f64> {
    let mut out = Vec::new();
    for k in around(ctx, index) {
        for t in &ctx.alignment.beads[k].translation {
            out.extend(year_values(&ctx.trans_claims(*t).dates));
        }
    }
    out
}

/// The years named in a bead's original sentences and their neighbours, as numbers.
pub(crate) fn years_near_orig(ctx: &Context<'_>, index: usize) -> Vec<f64> {
    let mut out = Vec::new();
    for k in around(ctx, index) {
        for o in &ctx.alignment.beads[k].original {
            out.extend(year_values(&ctx.orig_claims(*o).dates));
        }
    }
    out
}

fn year_values(dates: &[DateClaim]) -> impl Iterator<Item = f64> + '_ {
    dates.iter().filter_map(|d| match d.kind {
        DateKind::Year { year } => Some(f64::from(year)),
        _ => None,
    })
}

/// Values of the quantities around a bead on one side, for the date rule's year check.
pub(crate) fn quantity_values_near(ctx: &Context<'_>, index: usize, original: bool) -> Vec<f64> {
    let mut out = Vec::new();
    for k in around(ctx, index) {
        let b = &ctx.alignment.beads[k];
        let claims: Vec<&SentenceClaims> = if original {
            b.original.iter().map(|&o| ctx.orig_claims(o)).collect()
        } else {
            b.translation.iter().map(|&t| ctx.trans_claims(t)).collect()
        };
        out.extend(claims.iter().flat_map(|c| c.quantities.iter().filter_map(|q| q.value)));
    }
    out
}

/// True when `span` lies inside one of the sentence's quotations of at least `min_words` words.
pub(crate) fn inside_quote(claims: &SentenceClaims, span: &std::ops::Range<usize>, min_words: usize) -> bool {
    claims.quotes.iter().any(|q| q.words >= min_words && q.span.start <= span.start && span.end <= q.span.end)
}

/// True when the bead's translation has fewer quotations than its original (those the quotation rules
/// count: see `quotes::counts`):
/// a quotation rule reports that, and the claims inside the lost quotation are not reported again.
pub(crate) fn bead_lost_quotes(ctx: &Context<'_>, bead: &Bead) -> bool {
    let counted = |claims: &SentenceClaims| claims.quotes.iter().filter(|q| super::quotes::counts(q)).count();
    let o: usize = bead.original.iter().map(|&i| counted(ctx.orig_claims(i))).sum();
    let t: usize = bead.translation.iter().map(|&i| counted(ctx.trans_claims(i))).sum();
    t < o
}

/// The words of a text worth matching across languages, folded: words of four characters or more (so
/// articles and prepositions take no part), and shorter words written with a capital (`AFP`, `CNN`,
/// `EU`, `USA`), which are names.
pub(crate) fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 || (w.chars().count() >= 2 && w.chars().all(char::is_uppercase)))
        .map(fold)
        .collect()
}

/// A bead's translation sentences as written, joined by spaces.
pub(crate) fn plain_trans(ctx: &Context<'_>, bead: &Bead) -> String {
    plain(&ctx.translation, bead.translation.iter().map(|t| t.0))
}

/// A bead's original sentences as written, joined by spaces.
pub(crate) fn plain_orig(ctx: &Context<'_>, bead: &Bead) -> String {
    plain(&ctx.original, bead.original.iter().map(|o| o.0))
}

fn plain(side: &super::Side<'_>, sentences: impl Iterator<Item = usize>) -> String {
    sentences.map(|k| side.sentences[k].text.as_str()).collect::<Vec<_>>().join(" ")
}

/// The first five letters of a word's English renderings, as far as provcheck's bundled lexicon of the
/// language knows them (an English word renders itself); empty when it does not. `word` is as written.
fn gloss_keys(lang: &str, word: &str) -> Vec<String> {
    let key = |w: &str| fold(w).chars().take(5).collect::<String>();
    if lang == "en" {
        return vec![key(word)];
    }
    let mut out = Vec::new();
    if let Some(lexicon) = crate::align::lexicon::for_language(lang) {
        lexicon.each_gloss(&word.to_lowercase(), 8, |g| out.push(key(g)));
    }
    out
}

/// Whether every content word of `text` (in `lang`) that the bundled lexicon renders shares an English
/// rendering with a content word of `other` (in `other_lang`), and at least one does (`der Bewegung` /
/// `the movement`): the same source said in other words, where no cognate shows it.
pub(crate) fn shares_rendering(text: &str, lang: &str, other: &str, other_lang: &str) -> bool {
    let theirs: Vec<String> = content_words_raw(other).flat_map(|w| gloss_keys(other_lang, w)).collect();
    let mut any = false;
    for word in content_words_raw(text) {
        let mine: Vec<String> = gloss_keys(lang, word).into_iter().filter(|k| k.len() >= 4).collect();
        if mine.is_empty() {
            continue;
        }
        if !mine.iter().any(|k| theirs.contains(k)) {
            return false;
        }
        any = true;
    }
    any
}

/// The words of four characters or more of a text, as written.
fn content_words_raw(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4)
}

/// Whether some word of `words` has a close counterpart in `others`: the same word, a shared stem of
/// five letters or more (`politikerin` / `politician`), or Jaro–Winkler similarity of 0.85 or more on
/// the folded forms (`herrmann` / `hermann`, `ministerium` / `ministry`).
pub(crate) fn any_cognate(words: &[String], others: &[String]) -> bool {
    words.iter().any(|w| others.iter().any(|o| cognate(w, o)))
}

/// Whether two folded words are close counterparts (see [`any_cognate`]).
pub(crate) fn cognate(w: &str, o: &str) -> bool {
    let stem = w.chars().zip(o.chars()).take_while(|(a, b)| a == b).count();
    w == o || stem >= 5 || strsim::jaro_winkler(w, o) >= 0.85
}

/// The content words of a bead's translation sentences.
pub(crate) fn trans_words(ctx: &Context<'_>, bead: &Bead) -> Vec<String> {
    bead.translation.iter().flat_map(|t| content_words(&ctx.translation.sentences[t.0].text)).collect()
}

/// The content words of a bead's original sentences.
pub(crate) fn orig_words(ctx: &Context<'_>, bead: &Bead) -> Vec<String> {
    bead.original.iter().flat_map(|o| content_words(&ctx.original.sentences[o.0].text)).collect()
}

/// True when the bead lost a quotation and one of the original's markers (`get`: hedges, negations)
/// stood inside a quotation: the quotation rule reports the loss, and the translation's rewording of
/// the quoted words is not a second finding.
pub(crate) fn marker_in_lost_quote(
    ctx: &Context<'_>,
    bead: &Bead,
    get: impl Fn(&SentenceClaims) -> &[crate::claims::Marker],
) -> bool {
    let min = super::quotes::MIN_WORDS;
    bead_lost_quotes(ctx, bead)
        && bead.original.iter().any(|&i| {
            let claims = ctx.orig_claims(i);
            get(claims).iter().any(|m| inside_quote(claims, &m.span, min))
        })
}
