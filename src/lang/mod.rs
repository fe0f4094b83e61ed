//! Language packs: per-language data, loaded from the TOML files under `lang/` and embedded at build time.
//!
//! In: a language code. Out: a [`LangPack`] with what segmentation, number parsing, dates and claim
//! extraction need to know about that language: abbreviations, number words, month and weekday names,
//! attribution verbs, hedges, negations, vague quantities, credit-line conventions. A code without a pack
//! gets the generic pack (digits, quotes and Latin-script names only) and a warning from the caller.
//! The format is documented in `docs/language-packs.md`. This module holds data access only: no rules.

mod detect;
pub mod spelling;
pub mod units;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::{Error, Result};

pub use detect::{Detection, detect};

/// The embedded pack sources, one per supported language, plus the generic fallback (`xx`).
const PACK_SOURCES: &[(&str, &str)] = &[
    ("de", include_str!("../../lang/de.toml")),
    ("en", include_str!("../../lang/en.toml")),
    ("es", include_str!("../../lang/es.toml")),
    ("fr", include_str!("../../lang/fr.toml")),
    ("it", include_str!("../../lang/it.toml")),
    ("nl", include_str!("../../lang/nl.toml")),
    ("pl", include_str!("../../lang/pl.toml")),
    ("pt", include_str!("../../lang/pt.toml")),
    ("ru", include_str!("../../lang/ru.toml")),
    ("xx", include_str!("../../lang/xx.toml")),
];

/// All ISO 639-1 codes: a code outside this list is an error, a code inside it without a pack falls
/// back to the generic pack.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu \
cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie \
ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml \
mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si \
sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo \
za zh zu";

/// One language's data. Every list is optional in the file; an empty list switches the check off.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangPack {
    /// ISO 639-1 code (`xx` for the generic pack).
    pub code: String,
    /// English name of the language.
    pub name: String,
    /// Writing system: `latin`, `cyrillic`, or `other`.
    #[serde(default = "default_script")]
    pub script: String,
    #[serde(default)]
    pub segment: SegmentData,
    #[serde(default)]
    pub numbers: NumberData,
    #[serde(default)]
    pub dates: DateData,
    #[serde(default)]
    pub claims: ClaimData,
    /// The Hunspell dictionaries (file names without `.aff`/`.dic`) the name rules consult, every one
    /// installed (`["en_US", "en_GB"]`: a word either spelling knows is a word); empty: `<code>_<CODE>`,
    /// `<code>`, or the first `<code>_*` installed. See [`spelling`].
    #[serde(default)]
    pub spelling: Vec<String>,
}

fn default_script() -> String {
    "latin".to_owned()
}

/// What the sentence splitter needs.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentData {
    /// Abbreviations written with a final period, given without it (`Dr`, `z. B`, `U.S`); the spaces
    /// inside them are optional when matching. A period after one of these ends a sentence only when
    /// the next word is one of the `sentence_starters`.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Abbreviations that never end a sentence, even before a capital (`Dr`, `Prof`, `Nr`).
    #[serde(default)]
    pub prefix_abbreviations: Vec<String>,
    /// Abbreviations that stand before a number (`Art`, `No`, `S`): before a digit their period never
    /// ends a sentence; before anything else the word is read as an ordinary word (`seiner Art.`, `No.`).
    #[serde(default)]
    pub numeric_abbreviations: Vec<String>,
    /// Abbreviations that close a list (`usw`, `etc`, `т. д`): nothing but a lower-case word continues
    /// the sentence after them, so before a capital their period ends it.
    #[serde(default)]
    pub final_abbreviations: Vec<String>,
    /// True when a number followed by a period can be an ordinal (`am 20. September`, `der 3. Platz`).
    #[serde(default)]
    pub ordinal_period: bool,
    /// Words after which `\d+.` is an ordinal, not a sentence end (`am`, `im`, `der`, `seit`); compared
    /// case-insensitively.
    #[serde(default)]
    pub ordinal_lead_words: Vec<String>,
    /// Words before which a number's period marks an ordinal (`Platz`, `Quartal`, `September`); matched
    /// as prefixes of the next word, case-sensitively.
    #[serde(default)]
    pub ordinal_nouns: Vec<String>,
    /// Capitalised function words that start sentences (`Die`, `The`, `Il`). After an abbreviation, an
    /// initial, an ordinal or an ellipsis, one of these is the evidence that the sentence did end there.
    #[serde(default)]
    pub sentence_starters: Vec<String>,
    /// True when the language capitalises nouns (German), so a capital after an ellipsis says little.
    #[serde(default)]
    pub noun_capitals: bool,
}

/// How numbers are written and spelled out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberData {
    /// Decimal separator in this language's usual style (`,` or `.`).
    #[serde(default = "default_decimal")]
    pub decimal: String,
    /// Group separators in use (`.`, ` `, `'`, `,`, narrow no-break space).
    #[serde(default)]
    pub group: Vec<String>,
    /// Cardinal number words and their values (lower case): `drei = 3`, `zwanzig = 20`.
    #[serde(default)]
    pub words: BTreeMap<String, f64>,
    /// Multiplying words (lower case): `hundert = 100`, `millionen = 1000000`.
    #[serde(default)]
    pub multipliers: BTreeMap<String, f64>,
    /// Fraction words that add to a number (`einhalb = 0.5`, `half = 0.5`).
    #[serde(default)]
    pub fractions: BTreeMap<String, f64>,
    /// The word that joins compound number words, if the language writes them as one word
    /// (`und` in German `zweiundzwanzig`).
    #[serde(default)]
    pub compound_joiner: Option<String>,
    /// Word endings that make an adjective or adverb of a number word (`jährig` in `fünfjährige`, `mal`
    /// in `viermal`): the number counts. Only for packs with a `compound_joiner`.
    #[serde(default)]
    pub compound_suffixes: Vec<String>,
    /// Ordinal words and their values (`erste = 1`, `third = 3`).
    #[serde(default)]
    pub ordinals: BTreeMap<String, f64>,
    /// Words that make a number a percentage (`Prozent`, `per cent`, `percent`).
    #[serde(default)]
    pub percent_words: Vec<String>,
    /// Vague quantities (`mehrere`, `several`, `dozens`): a class of their own.
    #[serde(default)]
    pub vague: Vec<String>,
    /// Words that take a number after them (Russian `более`, `свыше`, `до`: more than, over, up to).
    /// After one, or after an `approximate` word, a vague plural that is also a form of a multiplier
    /// reads as the number: `более тысячи` is more than a thousand (`тысячи`, also the genitive
    /// singular), where `тысячи людей` alone is thousands of people.
    #[serde(default)]
    pub number_leads: Vec<String>,
    /// Currency words and symbols mapped to ISO 4217 codes (`Euro = EUR`, `$ = USD`).
    #[serde(default)]
    pub currencies: BTreeMap<String, String>,
    /// Words that are a number only before a multiplier, a fraction or a percent word, because they are
    /// mostly articles or pronouns (`ein`, `eine`, `a`, `one`): `eine Million` is 1000000, `einer der`
    /// is nothing.
    #[serde(default)]
    pub article_numbers: BTreeMap<String, f64>,
    /// Number words that are a conjunction when a second word follows later in the sentence:
    /// `[word, later]` pairs (`["both", "and"]`: `both Berlin and Paris` counts nothing).
    #[serde(default)]
    pub correlatives: Vec<[String; 2]>,
    /// Multipliers written straight after the digits of an amount of money (`$3bn`, `€5m`, `5 Mio.`
    /// goes in `multipliers`). Only used when a currency is named, so `5m` alone stays five metres.
    #[serde(default)]
    pub attached_multipliers: BTreeMap<String, f64>,
    /// Words joining number words inside one number (`and` in `two hundred and fifty`).
    #[serde(default)]
    pub number_joiners: Vec<String>,
    /// Markers before a number that make it approximate (`rund`, `etwa`, `about`, `nearly`).
    #[serde(default)]
    pub approximate: Vec<String>,
    /// Multipliers that, alone or after an article, name a round count rather than an exact one (`a
    /// dozen`, `une dizaine`, `десяток`): such a count is approximate, and matches another round count
    /// within a fifth on the other side (`a dozen` rendered `десяток`, about ten).
    #[serde(default)]
    pub round_multipliers: Vec<String>,
    /// Number words that are also adjectives standing after their noun (French `neuf`, new): a number
    /// only before a word (`neuf personnes`) and not after an article (`un neuf`, a new one), so not in
    /// `un disque neuf.`
    #[serde(default)]
    pub adjective_numbers: Vec<String>,
    /// Words joining the two ends of a range (`bis`, `to`); a dash between two numbers always does.
    #[serde(default)]
    pub range_words: Vec<String>,
    /// Letters written after the digits of an ordinal (`st`, `nd`, `rd`, `th`).
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// True when digits followed by a period inside a sentence are an ordinal (`der 3. Platz`).
    #[serde(default)]
    pub ordinal_period: bool,
}

fn default_decimal() -> String {
    ".".to_owned()
}

/// Month and weekday names.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateData {
    /// Twelve lists, January first; each holds the name and its variants and abbreviations.
    #[serde(default)]
    pub months: Vec<Vec<String>>,
    /// Seven lists, Monday first.
    #[serde(default)]
    pub weekdays: Vec<Vec<String>>,
    /// Words marking a clock time (`Uhr`, `a.m.`, `p.m.`, `h`).
    #[serde(default)]
    pub time_words: Vec<String>,
    /// Single time words after which two digits are the minutes (`h` in French `19 h 31`, `14h20`).
    /// Each must also be in `time_words`.
    #[serde(default)]
    pub time_minute_words: Vec<String>,
    /// Words that stand before a clock time (Italian `alle`, Polish `godz.`, Spanish `a las`): after one,
    /// `5.20` or `5:20` with two-digit minutes is a time, not a decimal. A bare hour still needs a time
    /// word after it.
    #[serde(default)]
    pub time_lead_words: Vec<String>,
    /// Relative day words and their offset from today (`gestern = -1`, `yesterday = -1`). Matched in
    /// lower case only (German `Morgen`, the morning, is not `morgen`, tomorrow), except at the start of
    /// a sentence.
    #[serde(default)]
    pub relative_days: BTreeMap<String, i32>,
    /// Markers after a clock time that put it before noon (`a.m.`, `am`).
    #[serde(default)]
    pub time_am: Vec<String>,
    /// Markers after a clock time that put it after noon (`p.m.`, `pm`, `abends`).
    #[serde(default)]
    pub time_pm: Vec<String>,
    /// Words before a four-digit number that make it a year (`im`, `seit`, `Jahr`, `in`, `since`).
    #[serde(default)]
    pub year_lead_words: Vec<String>,
    /// True when month and weekday names are written in lower case (Spanish `jueves`, French `mars`):
    /// they then match in any case. Otherwise they must be capitalised (`May` the month, not `may`).
    #[serde(default)]
    pub lowercase_names: bool,
    /// Month names that are also common words or names (`May`, `March`): they count only beside a
    /// number or after one of `year_lead_words` (`in May`, `May 3`).
    #[serde(default)]
    pub ambiguous_months: Vec<String>,
    /// Words joining two days of one month (`und` in `9. und 10. August`, `and` in `August 9 and 10`).
    #[serde(default)]
    pub day_list_words: Vec<String>,
    /// Suffixes that turn a year into its decade (`1990er`, `1990s`).
    #[serde(default)]
    pub decade_suffixes: Vec<String>,
    /// Parts of the day that may be joined to a weekday in one word (`Dienstagabend`): the weekday
    /// still counts.
    #[serde(default)]
    pub day_parts: Vec<String>,
    /// True when the language's press writes the 24-hour clock (`17.20`, `5.20` is morning): a time
    /// read without a marker of the half of the day is then exact, and compared by its hour with a
    /// time that is exact too (24-hour, or with `a.m.`/`p.m.`). Otherwise `5:20` may be either half.
    #[serde(default)]
    pub clock_24h: bool,
    /// Order of all-digit dates written with `.` or `/` (`dmy`: `3.10.2019`, `mdy`: `10/3/2019`);
    /// empty when the language's usage is ambiguous, which leaves such dates unread.
    #[serde(default)]
    pub numeric_date_order: String,
}

/// What claim extraction needs.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimData {
    /// Speech and report verbs in their inflected forms (`sagte`, `erklärte`, `said`, `told`).
    #[serde(default)]
    pub attribution_verbs: Vec<String>,
    /// Phrases that introduce a source before it (`laut`, `according to`, `nach Angaben von`).
    #[serde(default)]
    pub attribution_before: Vec<String>,
    /// Phrases that follow their source (`zufolge`: `dem Ministerium zufolge`).
    #[serde(default)]
    pub attribution_after: Vec<String>,
    /// Words that make a cue of a following compound noun ending in one of `compound_cue_endings`,
    /// with at most one lower-case adjective between (`nach Behördenangaben`, `nach italienischen
    /// Medienberichten`); the compound itself names the source.
    #[serde(default)]
    pub compound_cue_leads: Vec<String>,
    /// Endings of the compound nouns after a `compound_cue_leads` word (`angaben`, `berichten`).
    #[serde(default)]
    pub compound_cue_endings: Vec<String>,
    /// Verb forms that mark reported speech on their own (German Konjunktiv I: `habe`, `sei`).
    #[serde(default)]
    pub reported_speech: Vec<String>,
    /// Hedges and epistemic markers (`offenbar`, `reportedly`, `zunächst`).
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Hedges in two parts: the first word counts when the second stands later in the sentence
    /// (`soll … haben`, reported and unconfirmed, unlike `soll` alone).
    #[serde(default)]
    pub split_hedges: Vec<[String; 2]>,
    /// Modal forms that may render a hedge but are no hedge on their own (`may have`, `aurait`,
    /// `podría`): reported as `soft_hedges`, they excuse a hedge the other side has and are never
    /// reported as added or dropped.
    #[serde(default)]
    pub soft_hedges: Vec<String>,
    /// Hedges and soft hedges that bound a claim in time (`zunächst`, `initially`, `for the moment`):
    /// a soft hedge of this kind excuses only a hedge of this kind. Labels entries of `hedges`,
    /// `split_hedges` (the first word) and `soft_hedges`; an unlabelled entry is epistemic.
    #[serde(default)]
    pub temporal_hedges: Vec<String>,
    /// Hedges and soft hedges that report a claim as unconfirmed (`angeblich`, `reportedly`,
    /// `supposed`): excused by a soft hedge of this kind or an epistemic one.
    #[serde(default)]
    pub report_hedges: Vec<String>,
    /// Report hedges that say no more than that the claim is someone else's (the German reportative
    /// modal, `soll … haben`): also excused when both sentences name a source (`Dem FSB zufolge sollen
    /// … haben` ↔ `According to the FSB, … have`).
    #[serde(default)]
    pub attributed_hedges: Vec<String>,
    /// Negation words (`nicht`, `kein`, `not`, `never`).
    #[serde(default)]
    pub negations: Vec<String>,
    /// Words that contain a negation without negating the claim (`unable`, `failed to`, `unprecedented`).
    #[serde(default)]
    pub lexical_negations: Vec<String>,
    /// Conjunctions whose clause carries a negation that negates nothing (Russian `…, пока два судна не
    /// взяли его`, until two ships took it): `[conjunction, negation]` pairs. The negation is skipped when
    /// the conjunction opens a clause (right after a comma, semicolon or dash) and the negation follows
    /// it in that clause with at least one word between; the adjacent form belongs in
    /// `lexical_negations` where it is always expletive (Polish `dopóki nie`).
    #[serde(default)]
    pub expletive_negations: Vec<[String; 2]>,
    /// Credit-line markers (`Quelle:`, `source`, agency names, `Foto:`).
    #[serde(default)]
    pub credit_markers: Vec<String>,
    /// Quotation mark pairs used in this language, opening then closing.
    #[serde(default)]
    pub quote_pairs: Vec<[String; 2]>,
    /// True when the language sets a space inside its quotation marks (French `« … »`, with a normal,
    /// no-break or narrow no-break space): an opening mark may be followed by one and a closing mark
    /// preceded by one. Straight marks and marks that are also apostrophes keep needing the text
    /// against them.
    #[serde(default)]
    pub spaced_quotes: bool,
    /// The letters beyond ASCII that the language writes (`äöüß`). When given, a capitalised name with
    /// any other letter (`Mělník`, `Łódź`, `Erdoğan`) is foreign to the language and so a name for
    /// certain, whatever its case: the name rules trust it without finding it in the other document.
    /// Unset, nothing is inferred from letters.
    #[serde(default)]
    pub native_letters: Option<String>,
    /// Capitalised words that are not names (sentence-initial function words, titles, months are
    /// handled elsewhere): articles, pronouns, conjunctions.
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Titles and roles that precede a name (`Präsident`, `Dr.`, `Minister`). In languages that
    /// capitalise nouns, a compound ending in a title is one too (`Polizeisprecher`).
    #[serde(default)]
    pub titles: Vec<String>,
    /// Words that make a capitalised name an institution (`Ministry`, `Committee`, `Bank`); in
    /// noun-capitalising languages a compound ending in one counts too (`Gesundheitsministerium`).
    #[serde(default)]
    pub organisation_words: Vec<String>,
    /// Prepositions that put a place after them without an article (`bei`, `nach`, `Richtung`). In a
    /// noun-capitalising language with a bundled lexicon, a lone capitalised word right after one that
    /// the lexicon does not know and that does not end like a common noun is taken for a place
    /// (`bei Schmilka`), and the name rules trust it.
    #[serde(default)]
    pub place_prepositions: Vec<String>,
    /// Report verbs that are also verbs of adding (`added`, `ajouté`, `añadió`): before a number or a
    /// vague quantity (`added several crossings`) they take an object and report nothing.
    #[serde(default)]
    pub object_verbs: Vec<String>,
    /// Separable report verbs: the first word is a cue when the second stands later in the sentence
    /// (`teilte … mit`, `gab … bekannt`).
    #[serde(default)]
    pub split_verbs: Vec<[String; 2]>,
    /// Report verbs that mean something else when a particle follows later in the sentence (German
    /// `sagte … ab`, cancelled): `[verb, particle]` pairs that cancel the cue.
    #[serde(default)]
    pub split_non_cues: Vec<[String; 2]>,
    /// Cues that count only right after a comma or closing quote, with their source after them
    /// (German `„…“, so Malerius`).
    #[serde(default)]
    pub clause_cues: Vec<String>,
    /// Words that negate by meaning without a negation word (`unable`, `unklar`, `without`): reported
    /// as `soft_negations`, so a comparison can tell `nicht in der Lage` ↔ `unable` from a flip.
    #[serde(default)]
    pub soft_negations: Vec<String>,
    /// Prefixes that negate the word they begin (`un` of `unofficial`, `не` of `неизвестный`): a word
    /// starting with one, with at least four letters after it, is a soft negation unless
    /// `negation_prefix_exceptions` lists it.
    #[serde(default)]
    pub negation_prefixes: Vec<String>,
    /// Words that begin with a negation prefix without being negated (`under`, `unique`, `несколько`);
    /// an entry ending in `*` covers every word it begins.
    #[serde(default)]
    pub negation_prefix_exceptions: Vec<String>,
    /// News agencies (`dpa`, `Reuters`): in brackets, or as a sentence of their own, a credit line.
    #[serde(default)]
    pub agencies: Vec<String>,
    /// Articles, determiners and article-preposition contractions (`der`, `im`, `the`): a capitalised
    /// word after one is a common noun in a language that capitalises nouns; a source phrase may start
    /// with one.
    #[serde(default)]
    pub determiners: Vec<String>,
    /// Endings of inflected adjectives (`e`, `en`, `er`): a capitalised word after a lower-case word
    /// with one of these is a noun, not a name (German `der neuen Regierung`).
    #[serde(default)]
    pub adjective_endings: Vec<String>,
    /// Endings a name may take in this language (German genitive `Putins`, English `Putin's`).
    #[serde(default)]
    pub name_endings: Vec<String>,
    /// Prefixes of compound adjectives that may stand before a lower-case name form (German `nord` in
    /// `nordfranzösischen`, which names France as `northern French` does).
    #[serde(default)]
    pub adjective_prefixes: Vec<String>,
    /// Endings of common nouns (`ung`, `heit`, `schaft`): a capitalised word ending so is not taken for
    /// an unknown name. Only used in languages that capitalise nouns.
    #[serde(default)]
    pub noun_suffixes: Vec<String>,
    /// Words that join the parts of a source phrase (`des` in `ein Sprecher des Ministeriums`, `in` in
    /// `the Defence Ministry in Moscow`).
    #[serde(default)]
    pub source_links: Vec<String>,
    /// Pronouns that can be a source on their own (`er`, `he`).
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Words that end a source phrase (conjunctions, adverbs, prepositions that start something else).
    #[serde(default)]
    pub source_stops: Vec<String>,
    /// Words that make a sourcing phrase a standard, not a source: `according to your needs`, `selon le
    /// cas`, `según corresponda` say how something is done, not who says so. A phrase cue whose source
    /// has one of them before its first source link is no attribution.
    #[serde(default)]
    pub standards: Vec<String>,
    /// True for verb-second languages (German): the source of a report verb is looked for after the
    /// verb first (`Das teilte die Präfektur mit`, `erklärte Malerius`), then before it.
    #[serde(default)]
    pub verb_second: bool,
}

/// All packs, parsed once.
fn packs() -> &'static Vec<LangPack> {
    static PACKS: OnceLock<Vec<LangPack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        PACK_SOURCES
            .iter()
            .map(|(code, src)| match toml::from_str::<LangPack>(src) {
                Ok(pack) => pack,
                // The packs are embedded and checked by `tests::all_packs_parse`; a broken one is a build
                // defect, so degrade to an empty pack rather than panic in a user's run.
                Err(_) => {
                    LangPack { code: (*code).to_owned(), name: (*code).to_owned(), ..LangPack::default() }
                }
            })
            .collect()
    })
}

/// The codes that have a language pack of their own.
pub fn supported() -> impl Iterator<Item = &'static str> {
    packs().iter().map(|p| p.code.as_str()).filter(|c| *c != "xx")
}

/// The generic pack, for languages without one.
pub fn generic() -> &'static LangPack {
    packs().iter().find(|p| p.code == "xx").unwrap_or_else(|| &packs()[0])
}

/// A language as resolved for a run: the code the user gave or detection found, and the pack to use.
#[derive(Debug, Clone, Copy)]
pub struct Language {
    /// The ISO 639-1 code.
    pub code: &'static str,
    /// The pack: the language's own, or the generic one.
    pub pack: &'static LangPack,
}

impl Language {
    /// True when the language has a pack of its own.
    pub fn has_pack(&self) -> bool {
        self.pack.code != "xx"
    }
}

/// Resolves a language code (case-insensitive, `de-DE` accepted as `de`). `context` names where the code
/// came from, for the error message.
pub fn resolve(code: &str, context: &str) -> Result<Language> {
    let lower = code.trim().to_ascii_lowercase();
    let base = lower.split(['-', '_']).next().unwrap_or("");
    let Some(iso) = ISO_639_1.split_ascii_whitespace().find(|c| *c == base) else {
        return Err(Error::UnknownLanguage { code: code.to_owned(), context: context.to_owned() });
    };
    let pack = packs().iter().find(|p| p.code == iso).unwrap_or_else(generic);
    Ok(Language { code: iso, pack })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_packs_parse() {
        for (code, src) in PACK_SOURCES {
            let pack: LangPack = toml::from_str(src).unwrap_or_else(|e| panic!("lang/{code}.toml: {e}"));
            assert_eq!(&pack.code, code);
            if !pack.dates.months.is_empty() {
                assert_eq!(pack.dates.months.len(), 12, "{code}: months");
            }
            if !pack.dates.weekdays.is_empty() {
                assert_eq!(pack.dates.weekdays.len(), 7, "{code}: weekdays");
            }
        }
    }

    #[test]
    fn resolve_codes() {
        assert_eq!(resolve("DE", "--from").unwrap().code, "de");
        assert_eq!(resolve("en-GB", "--to").unwrap().code, "en");
        let ja = resolve("ja", "--to").unwrap();
        assert!(!ja.has_pack());
        let err = resolve("english", "--to").unwrap_err().to_string();
        assert!(err.contains("unknown language code `english`"), "{err}");
    }
}
