//! Claims: what a sentence asserts, extracted so that two sentences in different languages can be compared.
//!
//! In: one [`Sentence`] and its [`Language`]. Out: [`SentenceClaims`]: quantities by value, dates and
//! times by component, named entities with a cross-language key, quotations, attributions (the cue and the
//! source), hedges, negations and credit-line markers, each with its byte span in the sentence text.
//! This module extracts only; it never compares two sentences (that is `compare`), except for the small
//! matching helpers that define when two claims are "the same" (for example [`entity_matches`]).

mod attributions;
mod dates;
mod entities;
mod lexicon;
mod markers;
pub(crate) mod names;
mod numbers;
mod quotes;
mod tokens;

use std::ops::Range;

use serde::Serialize;

use crate::lang::Language;
use crate::segment::Sentence;

use lexicon::Lexicon;
use tokens::Token;

/// Everything extracted from one sentence.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SentenceClaims {
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateClaim>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub attributions: Vec<Attribution>,
    pub hedges: Vec<Marker>,
    /// Modal forms that may render a hedge (`may have`, `aurait`, `podría`). Not in `hedges`: a
    /// comparison may use them to excuse `presuntamente` ↔ `may have`, never to report one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub soft_hedges: Vec<Marker>,
    pub negations: Vec<Marker>,
    /// Words that negate by meaning without a negation word (`unable`, `unklar`, `without`). Not in
    /// `negations`: a comparison may use them to excuse `nicht in der Lage` ↔ `unable`.
    pub soft_negations: Vec<Marker>,
    /// Set when the sentence is (or holds) the article's credit or source line.
    pub credit: Option<Marker>,
}

impl SentenceClaims {
    /// True when the sentence carries nothing checkable.
    pub fn is_empty(&self) -> bool {
        self.quantities.is_empty()
            && self.dates.is_empty()
            && self.entities.is_empty()
            && self.quotes.is_empty()
            && self.attributions.is_empty()
            && self.hedges.is_empty()
            && self.negations.is_empty()
            && self.credit.is_none()
    }
}

/// The kind of a quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    /// A plain number: `3`, `drei`, `1.000,5`, `3,5 Millionen`.
    Cardinal,
    /// A percentage: `40%`, `40 Prozent`, `40 per cent`.
    Percent,
    /// An ordinal: `3.` (German), `3rd`, `dritte`.
    Ordinal,
    /// An amount of money (`currency` says which).
    Currency,
    /// A vague quantity: `mehrere`, `several`, `dozens`; `value` is `None`.
    Vague,
}

/// A quantity by value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// Byte range in the sentence text.
    pub span: Range<usize>,
    /// The text as written.
    pub text: String,
    /// The value; `None` for vague quantities. A range (`10 bis 12`) gives two quantities.
    pub value: Option<f64>,
    pub kind: QuantityKind,
    /// ISO 4217 code for currency amounts.
    pub currency: Option<String>,
    /// True when spelled out in words (`drei`), false for digits.
    pub spelled: bool,
    /// True when marked as approximate (`rund`, `about`, `fast`), or a round count (`a dozen`).
    pub approximate: bool,
    /// A round count named by one of the pack's `round_multipliers` alone (`a dozen`, `десяток`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub round: bool,
    /// The other reading of digits whose one separator before three digits may group thousands or mark
    /// decimals (`32.000` in a Russian text written the German way): the other side decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_value: Option<f64>,
}

/// What part of a date or time a claim names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum DateKind {
    /// A year such as 2023.
    Year { year: i32 },
    /// A month (1 to 12), with its day when one is given (`20. September`, `September 20`).
    Month { month: u8, day: Option<u8> },
    /// A day of the week, 1 = Monday.
    Weekday { weekday: u8 },
    /// A clock time (24-hour).
    Time { hour: u8, minute: u8 },
    /// A relative day: -1 yesterday, 0 today, 1 tomorrow.
    Relative { days: i32 },
}

/// A date or time element.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateClaim {
    pub span: Range<usize>,
    pub text: String,
    pub kind: DateKind,
}

/// What kind of name an entity is, as far as extraction can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    /// A capitalised name of unknown type.
    Name,
}

/// A named entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    pub span: Range<usize>,
    pub text: String,
    /// Cross-language key: the exonym table's canonical form when known, otherwise the folded
    /// (transliterated, lower-case, ASCII) text.
    pub key: String,
    pub kind: EntityKind,
    /// True when the entity came from a table (exonyms, gazetteer) rather than capitalisation alone.
    pub known: bool,
}

/// A quotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// Span including the quotation marks.
    pub span: Range<usize>,
    /// The quoted words, without the marks.
    pub text: String,
    /// Number of words quoted.
    pub words: usize,
    /// True when the quotation began in an earlier sentence (a closing mark without its opener here):
    /// count quotations by the ones that are not continuations, since sentence splitting may cut one
    /// quotation in two on one side only.
    pub continues: bool,
    /// True for a gloss rather than a quotation: words in quotation marks that open a parenthesis
    /// (`ASCII („American Standard Code …“)`), or that stand next to an acronym they expand or render
    /// (`« Transport Layer Security » (TLS)`, `LUKS (siglas de «…»)`). See `quotes::gloss`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub gloss: bool,
    /// Who the quotation is attributed to: the source of the sentence's attribution, when the sentence
    /// has exactly one with a source.
    pub speaker: Option<Source>,
}

/// How an attribution is expressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionKind {
    /// A speech or report verb: `said`, `sagte`, `erklärte`.
    Verb,
    /// A phrase before its source: `according to`, `laut`, `nach Angaben von`.
    Phrase,
    /// Reported speech marked by verb mood alone (German Konjunktiv I: `er habe`, `sie sei`).
    ReportedSpeech,
}

/// The reported source of a claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribution {
    /// Span of the cue (the verb or phrase).
    pub span: Range<usize>,
    /// The cue as written.
    pub cue: String,
    pub kind: AttributionKind,
    /// The source's span and text, when one could be found (`the ministry`, `Malerius`).
    pub source: Option<Source>,
}

/// Who a claim is attributed to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub span: Range<usize>,
    pub text: String,
    /// Keys of the named entities within the source, for cross-language comparison.
    pub entity_keys: Vec<String>,
}

/// What a hedge qualifies, from the pack's `temporal_hedges` and `report_hedges` (epistemic otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HedgeKind {
    /// How certain the claim is (`offenbar`, `probably`, `may have`).
    Epistemic,
    /// That the claim is reported, not confirmed (`angeblich`, `reportedly`).
    Report,
    /// That the claim is someone else's, and no more (`soll … haben`): a report hedge that an
    /// attribution of the claim renders as well.
    Attributed,
    /// That the claim holds for now or at first (`zunächst`, `vorerst`, `initially`).
    Temporal,
}

impl HedgeKind {
    /// Whether a soft hedge of this kind may render a hedge of kind `hedge`: the same kind, or an
    /// epistemic modal for a reported claim (`soll … haben` ↔ `may have`).
    pub fn excuses(self, hedge: HedgeKind) -> bool {
        use HedgeKind::*;
        let hedge = if hedge == Attributed { Report } else { hedge };
        let own = if self == Attributed { Report } else { self };
        own == hedge || (own == Epistemic && hedge == Report)
    }
}

/// The kind of a hedge or soft hedge of language `lang`, by its text.
pub fn hedge_kind(lang: Language, text: &str) -> HedgeKind {
    lexicon::lexicon(lang.pack).hedge_kind(text)
}

/// A word or phrase that marks something (a hedge, a negation, a credit line).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Marker {
    pub span: Range<usize>,
    pub text: String,
}

/// What every extractor works on: the sentence, its tokens, the language's lexicon, and which tokens an
/// earlier extractor already claimed (dates run before numbers, so `2019` is not also a count).
#[derive(Debug)]
struct Ctx<'a> {
    text: &'a str,
    toks: Vec<Token>,
    lex: &'static Lexicon,
    used: Vec<bool>,
    /// Index of the first word or number (the sentence start, after an opening quote).
    first: Option<usize>,
}

impl Ctx<'_> {
    fn mark(&mut self, from: usize, to: usize) {
        for u in self.used.iter_mut().take(to).skip(from) {
            *u = true;
        }
    }
}

/// A sentence written in title case (`Fire Extinguished in French Chemical Plant`): capitals say
/// nothing there.
fn title_case(ctx: &Ctx) -> bool {
    if ctx.lex.noun_capitals {
        return false;
    }
    let long: Vec<&Token> =
        ctx.toks.iter().filter(|t| t.kind == tokens::TokKind::Word && t.lower.chars().count() > 3).collect();
    long.len() >= 3 && long.iter().filter(|t| t.is_capitalised(ctx.text)).count() * 10 >= long.len() * 7
}

/// Extracts the claims of one sentence.
pub fn extract(sentence: &Sentence, lang: Language) -> SentenceClaims {
    extract_text(&sentence.text, lang)
}

/// Extracts the claims of a sentence given as text; spans are byte ranges in `text`.
pub fn extract_text(text: &str, lang: Language) -> SentenceClaims {
    let toks = tokens::tokenize(text);
    let mut ctx = Ctx {
        text,
        used: vec![false; toks.len()],
        first: tokens::first_content(&toks),
        toks,
        lex: lexicon::lexicon(lang.pack),
    };
    let dates = dates::extract(&mut ctx);
    let quantities = numbers::extract(&mut ctx);
    let stop_used = ctx.used.clone();
    let mut quotes = quotes::extract(text, ctx.lex);
    let mut attributions = attributions::extract(&ctx, &stop_used, &quotes);
    // A hedge that starts like a cue (`Selon toute vraisemblance`, in all likelihood) is the hedge.
    let hedges = markers::hedges(&ctx);
    attributions.retain(|a| {
        a.kind != AttributionKind::Phrase
            || !hedges.iter().any(|h| h.span.start <= a.span.start && a.span.end <= h.span.end)
    });
    // A cue is no name (`Nach Angaben`, `Laut`).
    for a in &attributions {
        let cue: Vec<usize> = (0..ctx.toks.len())
            .filter(|&k| a.span.start <= ctx.toks[k].span.start && ctx.toks[k].span.end <= a.span.end)
            .collect();
        for k in cue {
            ctx.used[k] = true;
        }
    }
    let entities = entities::extract(&mut ctx);
    for a in &mut attributions {
        if let Some(s) = a.source.as_mut() {
            s.entity_keys = entities
                .iter()
                .filter(|e| s.span.start <= e.span.start && e.span.end <= s.span.end)
                .map(|e| e.key.clone())
                .collect();
        }
    }
    let mut sources = attributions.iter().filter_map(|a| a.source.as_ref());
    if let (Some(only), None) = (sources.next(), sources.next()) {
        for q in &mut quotes {
            q.speaker = Some(only.clone());
        }
    }
    SentenceClaims {
        soft_hedges: markers::soft_hedges(&ctx, &hedges),
        hedges,
        quantities,
        dates,
        entities,
        quotes,
        attributions,
        negations: markers::negations(&ctx),
        soft_negations: markers::soft_negations(&ctx),
        credit: markers::credit(&ctx),
    }
}

/// Whether two entities (from either language) name the same thing: the same key; or, for names not
/// in the table, the same words up to a genitive or possessive ending (`Putins` ~ `Putin`), one name
/// contained in the other (`Malerius` ~ `Stephan Malerius`), or close transliterations of each other
/// (`Gorbatschow` ~ `Gorbachev`, Jaro-Winkler on a phonetic skeleton).
pub fn entity_matches(a: &Entity, b: &Entity) -> bool {
    if a.key == b.key {
        return true;
    }
    if a.known && b.known {
        return false;
    }
    let words = |e: &Entity| -> Vec<String> {
        e.key
            .split([' ', '-'])
            .filter(|w| !w.is_empty())
            .map(|w| skeleton(w.trim_end_matches("'s")))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let same = |x: &String, y: &String| {
        x == y
            || (x.len() >= 4 && y.len() >= 4 && strsim::jaro_winkler(x, y) >= 0.9)
            || x.strip_suffix('s').is_some_and(|s| s == y)
            || y.strip_suffix('s').is_some_and(|s| s == x)
    };
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    !short.is_empty() && short.iter().all(|w| long.iter().any(|v| same(w, v)))
}

/// A rough phonetic skeleton of a folded word, so that German and English transliterations of the same
/// name meet: `tsch`/`ch` → `c`, `sch`/`sh` → `s`, `w` → `v`, `j`/`y`/`i` → `i`, `z` → `s`, `k`/`c` →
/// `k`, doubled letters once.
fn skeleton(word: &str) -> String {
    let w =
        word.to_lowercase().replace("tsch", "c").replace("sch", "s").replace("sh", "s").replace("ch", "c");
    let mut out = String::new();
    for c in w.chars() {
        let c = match c {
            'w' => 'v',
            'j' | 'y' => 'i',
            'z' => 's',
            'q' => 'k',
            other => other,
        };
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}
