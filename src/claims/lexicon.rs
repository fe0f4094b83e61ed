//! A language pack compiled for extraction: its word lists turned into [`PhraseSet`]s, built once per
//! pack and cached for the life of the process.
//!
//! In: a [`LangPack`]. Out: a [`Lexicon`]. Nothing here is specific to one language; a language
//! without a pack gets the generic pack's (mostly empty) lexicon, which still reads digits and quotes.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::HedgeKind;
use super::tokens::{PhraseSet, fold};
use crate::lang::{self, LangPack};

/// What a piece of a compound number word is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Piece {
    /// A plain number word (`drei`, `zwanzig`).
    Unit(f64),
    /// A multiplier (`hundert`, `tausend`, `millionen`).
    Multiplier(f64),
    /// A fraction that adds to what precedes it (`einhalb`).
    Fraction(f64),
    /// The compound joiner (`und`).
    Joiner,
}

/// A pack's lists, ready for matching.
#[derive(Debug)]
pub struct Lexicon {
    pub pack: &'static LangPack,
    pub decimal: char,
    pub group: Vec<char>,
    pub space_group: bool,
    pub words: PhraseSet<f64>,
    pub multipliers: PhraseSet<f64>,
    pub attached_multipliers: PhraseSet<f64>,
    pub fractions: PhraseSet<f64>,
    /// Single-word pieces of compounds, longest first (only when the pack has a compound joiner).
    pub pieces: Vec<(String, Piece)>,
    /// Folded word endings that make an adjective of a number word (`jährig`).
    pub compound_suffixes: Vec<String>,
    pub number_joiners: PhraseSet<()>,
    pub correlatives: PhraseSet<Vec<String>>,
    pub article_numbers: PhraseSet<f64>,
    pub ordinals: PhraseSet<f64>,
    pub ordinal_suffixes: PhraseSet<()>,
    pub percent: PhraseSet<()>,
    pub vague: PhraseSet<()>,
    /// Words after which a vague plural that is also a multiplier form is the number.
    pub number_leads: PhraseSet<()>,
    pub currencies: PhraseSet<String>,
    pub approximate: PhraseSet<()>,
    pub round_multipliers: PhraseSet<()>,
    pub adjective_numbers: PhraseSet<()>,
    pub range_words: PhraseSet<()>,
    /// Month names by number (1-12); `true` for abbreviations, which need a number beside them.
    pub months: PhraseSet<(u8, bool)>,
    /// Folded month names that need a number or a lead word beside them (`may`).
    pub ambiguous_months: Vec<String>,
    /// Weekday names (1 = Monday).
    pub weekdays: PhraseSet<u8>,
    /// Weekday names folded, for compounds with a part of the day (`dienstagabend`).
    pub weekday_stems: Vec<(String, u8)>,
    pub day_parts: Vec<String>,
    pub time_words: PhraseSet<()>,
    /// Time words after which two digits are the minutes (`h` in `19 h 31`).
    pub time_minute_words: PhraseSet<()>,
    /// Words before a clock time (`alle`, `godz.`): `5.20` after one is a time, not a decimal.
    pub time_lead: PhraseSet<()>,
    pub time_am: PhraseSet<()>,
    pub time_pm: PhraseSet<()>,
    pub relative_days: PhraseSet<i32>,
    pub year_lead: PhraseSet<()>,
    pub decade_suffixes: PhraseSet<()>,
    pub day_list_words: PhraseSet<()>,
    /// `dmy` or `mdy` for all-digit dates, or `None`.
    pub numeric_date_dmy: Option<bool>,
    // Claims.
    pub attribution_verbs: PhraseSet<()>,
    pub object_verbs: PhraseSet<()>,
    /// First word of a separable cue → the particles that complete it.
    pub split_verbs: PhraseSet<Vec<String>>,
    pub attribution_before: PhraseSet<()>,
    pub compound_cue_leads: PhraseSet<()>,
    pub compound_cue_endings: Vec<String>,
    pub attribution_after: PhraseSet<()>,
    pub clause_cues: PhraseSet<()>,
    pub reported_speech: PhraseSet<()>,
    pub hedges: PhraseSet<()>,
    pub split_hedges: PhraseSet<Vec<String>>,
    pub soft_hedges: PhraseSet<()>,
    /// Lower-case hedge and soft-hedge entries labelled temporal or report (see `LangPack`).
    pub hedge_kinds: HashMap<String, HedgeKind>,
    pub split_non_cues: PhraseSet<Vec<String>>,
    pub negations: PhraseSet<()>,
    pub lexical_negations: PhraseSet<()>,
    /// Conjunction → the negations its clause makes expletive.
    pub expletive_negations: PhraseSet<Vec<String>>,
    pub soft_negations: PhraseSet<()>,
    /// Folded negation prefixes (see `LangPack` `negation_prefixes`).
    pub negation_prefixes: Vec<String>,
    /// Folded exceptions to them: whole words, and stems (given with a trailing `*`, kept without it).
    pub negation_prefix_words: Vec<String>,
    pub negation_prefix_stems: Vec<String>,
    pub credit_markers: PhraseSet<()>,
    pub agencies: PhraseSet<()>,
    pub quote_pairs: Vec<(char, char)>,
    pub not_names: PhraseSet<()>,
    pub titles: PhraseSet<()>,
    /// Folded single-word titles, for German compounds ending in one (`polizeisprecher`).
    pub title_words: Vec<String>,
    /// Folded words that mark an institution's name (see `LangPack` `organisation_words`).
    pub organisation_words: Vec<String>,
    /// See `LangPack` `place_prepositions`.
    pub place_prepositions: PhraseSet<()>,
    /// The language's bundled core lexicon (common words), when it has one.
    pub common_words: Option<&'static crate::align::lexicon::Lexicon>,
    pub determiners: PhraseSet<()>,
    pub adjective_endings: Vec<String>,
    pub name_endings: Vec<String>,
    pub adjective_prefixes: Vec<String>,
    pub noun_suffixes: Vec<String>,
    pub source_links: PhraseSet<()>,
    pub pronouns: PhraseSet<()>,
    pub source_stops: PhraseSet<()>,
    /// Words that make a sourcing phrase a standard (`according to your needs`), folded.
    pub standards: std::collections::HashSet<String>,
    /// The pack capitalises nouns (German): capitals say little about names.
    pub noun_capitals: bool,
}

/// A hedge's text as looked up in `hedge_kinds`: lower case, single spaces.
fn hedge_key(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

impl Lexicon {
    /// The kind of a hedge or soft hedge, by its text as matched.
    pub fn hedge_kind(&self, text: &str) -> HedgeKind {
        self.hedge_kinds.get(&hedge_key(text)).copied().unwrap_or(HedgeKind::Epistemic)
    }
}

fn set<'a>(list: impl IntoIterator<Item = &'a String>) -> PhraseSet<()> {
    PhraseSet::new(list.into_iter().map(|s| (s.as_str(), ())))
}

/// Two-part cues: the first word mapped to the words that complete it.
fn split(pairs: &[[String; 2]]) -> PhraseSet<Vec<String>> {
    let mut by_first: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for [first, second] in pairs {
        by_first.entry(first.as_str()).or_default().push(fold(second));
    }
    let mut m = PhraseSet::default();
    for (first, seconds) in by_first {
        m.insert(first, seconds);
    }
    m
}

fn map<V: Clone>(m: &std::collections::BTreeMap<String, V>) -> PhraseSet<V> {
    PhraseSet::new(m.iter().map(|(k, v)| (k.as_str(), v.clone())))
}

impl Lexicon {
    pub fn build(pack: &'static LangPack) -> Lexicon {
        let n = &pack.numbers;
        let d = &pack.dates;
        let c = &pack.claims;
        let decimal = n.decimal.chars().next().unwrap_or('.');
        let mut group = Vec::new();
        let mut space_group = false;
        for g in &n.group {
            match g.chars().next() {
                Some(c) if c.is_whitespace() => space_group = true,
                Some(c) => group.push(c),
                None => {}
            }
        }
        let mut pieces = Vec::new();
        if let Some(j) = &n.compound_joiner {
            pieces.push((fold(j), Piece::Joiner));
            for (k, v) in &n.words {
                pieces.push((fold(k), Piece::Unit(*v)));
            }
            for (k, v) in &n.multipliers {
                if k.chars().all(char::is_alphabetic) {
                    pieces.push((fold(k), Piece::Multiplier(*v)));
                }
            }
            for (k, v) in &n.fractions {
                if k.chars().all(char::is_alphabetic) {
                    pieces.push((fold(k), Piece::Fraction(*v)));
                }
            }
            for (k, v) in &n.article_numbers {
                pieces.push((fold(k), Piece::Unit(*v)));
            }
            pieces.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        let mut months = PhraseSet::default();
        for (i, names) in d.months.iter().enumerate() {
            for name in names {
                months.insert(name, ((i + 1) as u8, name.ends_with('.')));
            }
        }
        let mut weekdays = PhraseSet::default();
        let mut weekday_stems = Vec::new();
        for (i, names) in d.weekdays.iter().enumerate() {
            for name in names {
                weekdays.insert(name, (i + 1) as u8);
                weekday_stems.push((fold(name), (i + 1) as u8));
            }
        }
        Lexicon {
            pack,
            decimal,
            group,
            space_group,
            words: map(&n.words),
            multipliers: map(&n.multipliers),
            attached_multipliers: map(&n.attached_multipliers),
            fractions: map(&n.fractions),
            pieces,
            compound_suffixes: n.compound_suffixes.iter().map(|s| fold(s)).collect(),
            number_joiners: set(&n.number_joiners),
            correlatives: split(&n.correlatives),
            article_numbers: map(&n.article_numbers),
            ordinals: map(&n.ordinals),
            ordinal_suffixes: set(&n.ordinal_suffixes),
            percent: set(&n.percent_words),
            vague: set(&n.vague),
            number_leads: set(n.number_leads.iter().chain(&n.approximate)),
            currencies: map(&n.currencies),
            approximate: set(&n.approximate),
            round_multipliers: set(&n.round_multipliers),
            adjective_numbers: set(&n.adjective_numbers),
            range_words: set(&n.range_words),
            months,
            ambiguous_months: d.ambiguous_months.iter().map(|s| fold(s)).collect(),
            weekdays,
            weekday_stems,
            day_parts: d.day_parts.iter().map(|s| fold(s)).collect(),
            time_words: set(&d.time_words),
            time_minute_words: set(&d.time_minute_words),
            time_lead: set(&d.time_lead_words),
            time_am: set(&d.time_am),
            time_pm: set(&d.time_pm),
            relative_days: map(&d.relative_days),
            year_lead: set(&d.year_lead_words),
            decade_suffixes: set(&d.decade_suffixes),
            day_list_words: set(&d.day_list_words),
            numeric_date_dmy: match d.numeric_date_order.as_str() {
                "dmy" => Some(true),
                "mdy" => Some(false),
                _ => None,
            },
            attribution_verbs: set(&c.attribution_verbs),
            object_verbs: set(&c.object_verbs),
            split_verbs: split(&c.split_verbs),
            split_hedges: split(&c.split_hedges),
            split_non_cues: split(&c.split_non_cues),
            attribution_before: set(&c.attribution_before),
            compound_cue_leads: set(&c.compound_cue_leads),
            compound_cue_endings: c.compound_cue_endings.iter().map(|s| fold(s)).collect(),
            attribution_after: set(&c.attribution_after),
            clause_cues: set(&c.clause_cues),
            reported_speech: set(&c.reported_speech),
            hedges: set(&c.hedges),
            soft_hedges: set(&c.soft_hedges),
            hedge_kinds: c
                .temporal_hedges
                .iter()
                .map(|h| (hedge_key(h), HedgeKind::Temporal))
                .chain(c.report_hedges.iter().map(|h| (hedge_key(h), HedgeKind::Report)))
                .chain(c.attributed_hedges.iter().map(|h| (hedge_key(h), HedgeKind::Attributed)))
                .collect(),
            negations: set(&c.negations),
            lexical_negations: set(&c.lexical_negations),
            expletive_negations: split(&c.expletive_negations),
            soft_negations: set(&c.soft_negations),
            negation_prefixes: c.negation_prefixes.iter().map(|s| fold(s)).collect(),
            negation_prefix_words: c
                .negation_prefix_exceptions
                .iter()
                .filter(|s| !s.ends_with('*'))
                .map(|s| fold(s))
                .collect(),
            negation_prefix_stems: c
                .negation_prefix_exceptions
                .iter()
                .filter_map(|s| s.strip_suffix('*'))
                .map(fold)
                .collect(),
            credit_markers: set(&c.credit_markers),
            agencies: set(&c.agencies),
            quote_pairs: c
                .quote_pairs
                .iter()
                .filter_map(|[o, cl]| Some((o.chars().next()?, cl.chars().next()?)))
                .collect(),
            not_names: set(c.not_names.iter().chain(&pack.segment.sentence_starters)),
            titles: set(&c.titles),
            title_words: c.titles.iter().filter(|t| !t.contains(' ')).map(|t| fold(t)).collect(),
            organisation_words: c.organisation_words.iter().map(|t| fold(t)).collect(),
            place_prepositions: set(&c.place_prepositions),
            common_words: crate::align::lexicon::for_language(&pack.code),
            determiners: set(&c.determiners),
            adjective_endings: c.adjective_endings.iter().map(|s| fold(s)).collect(),
            // Adjective endings too: a lower-case table form is an adjective stem (`russisch-en`).
            name_endings: c.name_endings.iter().chain(&c.adjective_endings).map(|s| fold(s)).collect(),
            adjective_prefixes: c.adjective_prefixes.iter().map(|s| fold(s)).collect(),
            noun_suffixes: c.noun_suffixes.iter().map(|s| fold(s)).collect(),
            source_links: set(&c.source_links),
            pronouns: set(&c.pronouns),
            source_stops: set(&c.source_stops),
            standards: c.standards.iter().map(|t| fold(t)).collect(),
            noun_capitals: pack.segment.noun_capitals,
        }
    }
}

/// The lexicon of a pack, built on first use.
pub fn lexicon(pack: &'static LangPack) -> &'static Lexicon {
    static ALL: OnceLock<HashMap<&'static str, Lexicon>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut m = HashMap::new();
        let generic = lang::generic();
        m.insert(generic.code.as_str(), Lexicon::build(generic));
        for code in lang::supported() {
            if let Ok(l) = lang::resolve(code, "language pack") {
                m.insert(l.pack.code.as_str(), Lexicon::build(l.pack));
            }
        }
        m
    });
    // Every pack comes from the embedded set, and the generic one is always in the map.
    all.get(pack.code.as_str()).unwrap_or_else(|| &all[lang::generic().code.as_str()])
}
