//! What the aligner sees of a sentence: its length and its anchors.
//!
//! In: the sentences of one document, its language, and (for the original) an optional dictionary.
//! Out: a [`Side`]: per sentence, a length in characters, a paragraph number, and up to
//! [`MAX_TOKENS`] anchor tokens, each with interned keys that a token of the other document can share.
//! Keys come in kinds: a number's value (`1.000,5`, `1,000.5` and `1 000,5` share one key), two cognate
//! buckets for words of four letters or more (first three letters; first three consonants) that a
//! Jaro–Winkler test must confirm, shared punctuation (`?`, `!`, quotes, parentheses, `:`), and
//! dictionary stems (an original word's translations, a translation word's own stem).
//! This module only describes sentences; it does not compare them.

use std::collections::HashMap;

use any_ascii::any_ascii;

use super::dictionary::{Dictionary, Direction};
use super::lexicon::{GlossKeys, Lexicon};
use crate::lang::LangPack;

/// A sentence keeps at most this many anchor tokens (they are tracked in a 64-bit mask).
pub(crate) const MAX_TOKENS: usize = 32;

/// A set of a sentence's tokens, one bit each.
pub(crate) type Mask = u32;

/// Letters (and consonants) that put two words in one cognate bucket; Jaro–Winkler decides within it.
const COGNATE_PREFIX: usize = 3;

/// Dictionary translations kept per original word (most entries list the common senses first).
const MAX_TRANSLATIONS: usize = 8;

/// What kind of anchor a key stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// A number's normalised value, or a month or weekday (`m10`, `w3`): an exact match.
    Number,
    /// A cognate bucket: a match needs the Jaro–Winkler check on the folded forms.
    Cognate,
    /// A punctuation mark.
    Punct,
    /// A dictionary stem.
    Dict,
}

/// The class of a token, which sets how likely a true translation is to repeat it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokClass {
    /// Digits.
    Number,
    /// A month, a weekday or a number word from the language pack, keyed by what it names.
    Named,
    Word,
    Punct,
}

/// FNV-1a: the interner hashes millions of short keys, where SipHash's protection against crafted
/// collisions buys nothing (the worst a crafted document can do is slow its own alignment).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Interns key strings to small integers shared by both documents.
#[derive(Debug, Default)]
pub(crate) struct Keys {
    ids: HashMap<String, u32, std::hash::BuildHasherDefault<Fnv>>,
    kinds: Vec<KeyKind>,
    buffer: String,
}

/// Keys are packed with the token index (five bits) into one `u32`.
const MAX_KEYS: usize = 1 << 27;

impl Keys {
    fn id(&mut self, kind: KeyKind, text: &str) -> u32 {
        let tag = match kind {
            KeyKind::Number => 'n',
            KeyKind::Cognate => 'c',
            KeyKind::Punct => 'p',
            KeyKind::Dict => 'd',
        };
        self.buffer.clear();
        self.buffer.push(tag);
        self.buffer.push_str(text);
        if let Some(&id) = self.ids.get(self.buffer.as_str()) {
            return id;
        }
        if self.kinds.len() >= MAX_KEYS {
            // A document pair with 134 million distinct keys: later keys share the last one (harmless).
            return (MAX_KEYS - 1) as u32;
        }
        let id = self.kinds.len() as u32;
        self.ids.insert(self.buffer.clone(), id);
        self.kinds.push(kind);
        id
    }

    pub(crate) fn kind(&self, id: u32) -> KeyKind {
        self.kinds.get(id as usize).copied().unwrap_or(KeyKind::Punct)
    }

    pub(crate) fn len(&self) -> usize {
        self.kinds.len()
    }
}

/// One anchor token of a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub class: TokClass,
    /// Folded form (lower case, ASCII transliteration) in [`Side::forms`], for the cognate check.
    form_start: u32,
    form_len: u8,
    /// Evidence (in nats) that a match with a one-sentence counterpart brings; set by [`weigh`].
    pub weight: f32,
    /// Evidence against a matched bead that leaves this token without a partner; set by [`weigh`].
    pub miss: f32,
    /// True when the token has a key the other side could share.
    pub keyed: bool,
    /// True when a bundled lexicon knows the word (it has glosses, or, in English, it is some gloss of
    /// the other language's lexicon): a faithful counterpart would often have a word that meets it, so
    /// its missing partner counts even where the other document offers none.
    pub glossed: bool,
}

impl TokClass {
    /// Index into per-class tables.
    pub(crate) fn index(self) -> usize {
        match self {
            TokClass::Number => 0,
            TokClass::Named => 1,
            TokClass::Word => 2,
            TokClass::Punct => 3,
        }
    }
}

/// How likely a true counterpart is to repeat a token, by class ([`TokClass::index`]): numbers nearly
/// always do; a word has a recognisable cognate or dictionary translation far less often.
pub(crate) const RECALL: [f32; 4] = [0.9, 0.7, 0.5, 0.6];

/// One document as the aligner sees it.
#[derive(Debug, Default)]
pub(crate) struct Side {
    /// Length of each sentence in characters (white space runs count as one).
    pub chars: Vec<f32>,
    /// Paragraph number of each sentence.
    pub paragraph: Vec<usize>,
    /// True when a sentence is the first of its paragraph.
    pub para_start: Vec<bool>,
    /// True when a sentence ends in a mark that leads on (`,` `:` `;` `-`): a fragment of a longer unit.
    pub leads_on: Vec<bool>,
    /// True when a sentence starts with a lower-case letter: it continues the one before.
    pub continues: Vec<bool>,
    /// Per sentence, the mask of its tokens with a `miss` cost.
    pub missable: Vec<Mask>,
    /// The folded forms of all tokens, end to end.
    pub forms: String,
    /// Per sentence, the most lexical evidence it can bring to a bead (half its tokens' weights).
    pub max_evidence: Vec<f32>,
    /// Tokens of all sentences; sentence `s` owns `toks[tok_start[s]..tok_start[s + 1]]`.
    pub toks: Vec<Tok>,
    pub tok_start: Vec<u32>,
    /// Sorted keys of all sentences, each packed with its token (`key << 5 | token`); sentence `s` owns
    /// `keys[key_start[s]..key_start[s + 1]]`.
    pub keys: Vec<u32>,
    pub key_start: Vec<u32>,
}

impl Side {
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn toks(&self, s: usize) -> &[Tok] {
        &self.toks[self.tok_start[s] as usize..self.tok_start[s + 1] as usize]
    }

    /// The packed keys of sentence `s` (see [`unpack`]).
    pub fn keys(&self, s: usize) -> &[u32] {
        &self.keys[self.key_start[s] as usize..self.key_start[s + 1] as usize]
    }

    /// A token's folded form.
    pub fn form(&self, tok: &Tok) -> &str {
        let start = tok.form_start as usize;
        self.forms.get(start..start + usize::from(tok.form_len)).unwrap_or("")
    }
}

/// `(key, token)` from a packed key.
#[inline]
pub(crate) fn unpack(v: u32) -> (u32, u8) {
    (v >> 5, (v & 31) as u8)
}

fn pack_key(key: u32, tok: u8) -> u32 {
    key << 5 | u32::from(tok)
}

/// Number style of a language: whether `,` is the decimal mark.
pub(crate) fn decimal_comma(code: &str) -> bool {
    // Languages that write a decimal point; everything else (most of Europe) writes a decimal comma.
    !matches!(code, "en" | "ga" | "he" | "hi" | "ja" | "ko" | "ms" | "mt" | "sw" | "ta" | "th" | "zh" | "xx")
}

/// Where the aligner's dictionary keys come from.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Words<'a> {
    /// No word translations: numbers, cognates and punctuation only.
    None,
    /// An installed dictionary translates original words; translation words key their own stems.
    Installed(&'a Dictionary, Direction),
    /// The bundled lexicons of the original and the translation language translate each side's words
    /// into English; a side without one (English itself) keys its own stems.
    Bundled(Option<&'static Lexicon>, Option<&'static Lexicon>),
}

/// Which side of the pair a document is: the original looks its words up in the dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Original,
    Translation,
}

/// Builds the aligner's view of one document.
pub(crate) fn describe<'s>(
    sentences: impl ExactSizeIterator<Item = (&'s str, usize)>,
    (lang, pack): (&str, &LangPack),
    role: Role,
    words: Words<'_>,
    keys: &mut Keys,
) -> Side {
    // The bundled lexicon of this side's language; a side without one (English) keys its own words.
    let lexicon = match (words, role) {
        (Words::Bundled(original, _), Role::Original) => original,
        (Words::Bundled(_, translation), Role::Translation) => translation,
        _ => None,
    };
    let own_stem = match words {
        Words::Installed(..) => role == Role::Translation,
        _ => lexicon.is_none(),
    };
    // English facing a bundled lexicon: the stems of that lexicon's glosses (the English words it knows).
    let no_glosses = GlossKeys::default();
    let other_glosses: &GlossKeys = match (words, role, lexicon) {
        (Words::Bundled(_, Some(other)), Role::Original, None)
        | (Words::Bundled(Some(other), _), Role::Translation, None) => other.gloss_keys(|g| {
            let (mut folded, mut stemmed) = (String::new(), String::new());
            stem_into(g, &mut folded, &mut stemmed);
            stemmed
        }),
        _ => &no_glosses,
    };
    let comma = decimal_comma(lang);
    let names = calendar_and_number_words(pack);
    let phrases = calendar_phrases(pack);
    let n = sentences.len();
    let mut side = Side {
        chars: Vec::with_capacity(n),
        paragraph: Vec::with_capacity(n),
        para_start: Vec::with_capacity(n),
        tok_start: Vec::with_capacity(n + 1),
        key_start: Vec::with_capacity(n + 1),
        ..Side::default()
    };
    side.tok_start.push(0);
    side.key_start.push(0);
    let mut raw: Vec<RawTok> = Vec::new();
    let mut sentence_keys: Vec<u32> = Vec::new();
    let (mut folded, mut stemmed) = (String::new(), String::new());
    // The keys of each word met so far (`dict_keys[from..to]`: cognate buckets, then dictionary or
    // lexicon stems), and whether a lexicon glossed it.
    let mut looked_up: HashMap<String, (usize, usize, bool), std::hash::BuildHasherDefault<Fnv>> =
        HashMap::default();
    let mut dict_keys: Vec<u32> = Vec::new();
    for (text, paragraph) in sentences {
        side.chars.push(char_length(text));
        let trimmed = text.trim();
        side.leads_on.push(trimmed.ends_with([',', ':', ';', '-', '–', '—']));
        side.continues.push(trimmed.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase));
        side.para_start.push(side.paragraph.last().is_none_or(|&p| p != paragraph));
        side.paragraph.push(paragraph);
        raw.clear();
        tokenize(text, comma, &mut raw);
        sentence_keys.clear();
        // A calendar name written as a phrase (`в среду`: `среда` alone is also the environment) names
        // its last word in a sentence that has the phrase.
        let phrased: Vec<(&str, &String)> = if phrases.is_empty() {
            Vec::new()
        } else {
            let lower = text.to_lowercase();
            phrases
                .iter()
                .filter(|(phrase, _, _)| contains_phrase(&lower, phrase))
                .map(|(_, last, value)| (last.as_str(), value))
                .collect()
        };
        for tok in &mut raw {
            let phrase_value = phrased.iter().find(|(last, _)| *last == tok.lower).map(|(_, v)| *v);
            if tok.class == TokClass::Word
                && let Some(value) = names.get(&tok.lower).or(phrase_value)
            {
                tok.class = TokClass::Named;
                tok.form.clone_from(value);
            }
        }
        let mut kept = 0u8;
        for tok in raw.drain(..) {
            if usize::from(kept) >= MAX_TOKENS {
                break;
            }
            let before = sentence_keys.len();
            let t = kept;
            let mut glossed = false;
            match tok.class {
                TokClass::Number | TokClass::Named => {
                    sentence_keys.push(pack_key(keys.id(KeyKind::Number, &tok.form), t));
                }
                TokClass::Punct => sentence_keys.push(pack_key(keys.id(KeyKind::Punct, &tok.form), t)),
                TokClass::Word => {
                    // A word met before reuses its keys (articles and verbs recur in every sentence);
                    // a new one gets them computed and interned once per document.
                    let (from, to, word_glossed) = *looked_up.entry(tok.lower).or_insert_with_key(|lower| {
                        let from = dict_keys.len();
                        let mut glossed = false;
                        let long = tok.form.chars().count() >= 4;
                        if long {
                            let prefix: String = tok.form.chars().take(COGNATE_PREFIX).collect();
                            dict_keys.push(keys.id(KeyKind::Cognate, &prefix));
                            let skeleton = consonants(&tok.form, COGNATE_PREFIX);
                            if skeleton.len() == COGNATE_PREFIX && skeleton != prefix {
                                dict_keys.push(keys.id(KeyKind::Cognate, &skeleton));
                            }
                        }
                        match words {
                            Words::None => {}
                            _ if own_stem => {
                                if long {
                                    stem_into(&tok.form, &mut folded, &mut stemmed);
                                    glossed = other_glosses.contains(stemmed.as_str());
                                    dict_keys.push(keys.id(KeyKind::Dict, &stemmed));
                                }
                            }
                            _ => {
                                let before = dict_keys.len();
                                let mut key = |tr: &str| {
                                    stem_into(tr, &mut folded, &mut stemmed);
                                    dict_keys.push(keys.id(KeyKind::Dict, &stemmed));
                                };
                                match (words, lexicon) {
                                    (Words::Installed(dict, direction), _) => {
                                        dict.each_translation(lower, direction, MAX_TRANSLATIONS, key);
                                    }
                                    (_, Some(lexicon)) => {
                                        lexicon.each_gloss(lower, MAX_TRANSLATIONS, &mut key)
                                    }
                                    _ => {}
                                }
                                glossed = lexicon.is_some() && dict_keys.len() > before;
                            }
                        }
                        (from, dict_keys.len(), glossed)
                    });
                    sentence_keys.extend(dict_keys[from..to].iter().map(|&k| pack_key(k, t)));
                    glossed = word_glossed;
                }
            }
            // A token without a key can never meet a partner: it is not kept.
            if sentence_keys.len() > before {
                let form_start = u32::try_from(side.forms.len()).unwrap_or(u32::MAX);
                let form = truncate(&tok.form, 255);
                side.forms.push_str(form);
                side.toks.push(Tok {
                    class: tok.class,
                    form_start,
                    form_len: form.len() as u8,
                    weight: 0.0,
                    miss: 0.0,
                    keyed: false,
                    glossed,
                });
                kept += 1;
            }
        }
        sentence_keys.sort_unstable();
        sentence_keys.dedup();
        side.keys.extend_from_slice(&sentence_keys);
        side.missable.push(0);
        side.max_evidence.push(0.0);
        side.tok_start.push(u32::try_from(side.toks.len()).unwrap_or(u32::MAX));
        side.key_start.push(u32::try_from(side.keys.len()).unwrap_or(u32::MAX));
    }
    side
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Month and weekday names (`m10`, `w3`) and number words of two or more (`3`) from the language pack,
/// by their lower-case spelling, so that `Mittwoch` meets `Wednesday` and `drei` meets `3`.
fn calendar_and_number_words(pack: &LangPack) -> HashMap<String, String, std::hash::BuildHasherDefault<Fnv>> {
    let mut out = HashMap::default();
    let mut add = |list: &[Vec<String>], tag: char| {
        for (k, names) in list.iter().enumerate() {
            for name in names {
                out.insert(name.trim_end_matches('.').to_lowercase(), format!("{tag}{}", k + 1));
            }
        }
    };
    add(&pack.dates.months, 'm');
    add(&pack.dates.weekdays, 'w');
    for (word, &value) in &pack.numbers.words {
        if value >= 2.0 && value.fract() == 0.0 && value < 1e15 {
            out.insert(word.to_lowercase(), format!("{}", value as u64));
        }
    }
    out
}

/// Month and weekday names of two or more words (`в среду`) from the language pack: the phrase, its
/// last word and its key (`w3`).
fn calendar_phrases(pack: &LangPack) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (list, tag) in [(&pack.dates.months, 'm'), (&pack.dates.weekdays, 'w')] {
        for (k, names) in list.iter().enumerate() {
            for name in names {
                let phrase = name.trim_end_matches('.').to_lowercase();
                if let Some((_, last)) = phrase.rsplit_once(' ') {
                    out.push((phrase.clone(), last.to_owned(), format!("{tag}{}", k + 1)));
                }
            }
        }
    }
    out
}

/// Whether lower-case `text` has `phrase` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Prior chance that a sentence offers a partner for a given token, and its weight in sentences.
const PRIOR_CHANCE: f32 = 0.02;
const PRIOR_WEIGHT: f32 = 20.0;

/// Upper bound of a token's weight: no single word should outweigh the length model on its own.
const MAX_WEIGHT: f32 = 5.0;

/// Sets each token's weight from how often the other document offers a key it could match:
/// `ln(recall / chance)`, where chance is the share of the other document's sentences holding one of the
/// token's keys. Rare anchors (a number, a name) weigh much; words found everywhere weigh nothing.
/// `matchable`, when given, holds per sentence the tokens that find a partner in some sentence of the
/// other document: only those can count against a bead that leaves them unmatched.
pub(crate) fn weigh(
    side: &mut Side,
    other: &Side,
    keys: &Keys,
    recall: &[f32; 4],
    miss: &[f32; 4],
    matchable: Option<&[Mask]>,
) {
    let mut df = vec![0u32; keys.len()];
    for s in 0..other.len() {
        let mut last = u32::MAX;
        for &v in other.keys(s) {
            let (k, _) = unpack(v);
            if k != last {
                df[k as usize] += 1;
                last = k;
            }
        }
    }
    let m = other.len() as f32;
    for s in 0..side.len() {
        let start = side.tok_start[s] as usize;
        let mut hits = vec![0u32; side.toks(s).len()];
        let mut keyed: Mask = 0;
        for &v in side.keys(s) {
            let (k, t) = unpack(v);
            hits[t as usize] = hits[t as usize].max(df[k as usize]);
            keyed |= 1 << t;
        }
        let mut missable: Mask = 0;
        for (t, tok) in side.toks[start..side.tok_start[s + 1] as usize].iter_mut().enumerate() {
            // The share of the other side's sentences that offer a partner, shrunk towards a prior of
            // 2 % (worth 20 sentences), so that a short document does not make every match look likely.
            let chance = ((hits[t] as f32 + PRIOR_CHANCE * PRIOR_WEIGHT) / (m + PRIOR_WEIGHT)).min(1.0);
            let c = tok.class.index();
            tok.weight = (recall[c] / chance).ln().clamp(0.0, MAX_WEIGHT);
            // A number is expected to reappear whether or not the other document has it, and so is a
            // word a bundled lexicon knows (a dropped or added sentence's words have no partner
            // anywhere); any other token only counts as missing where the other document offers it a
            // partner somewhere.
            let reachable = matchable.map_or(keyed, |m| m.get(s).copied().unwrap_or(0));
            tok.keyed = tok.class == TokClass::Number || tok.glossed || reachable & (1 << t) != 0;
            tok.miss = if tok.keyed { miss[c] } else { 0.0 };
            if tok.miss > 0.0 {
                missable |= 1 << t;
            }
        }
        side.missable[s] = missable;
    }
    bound_evidence(side, matchable);
}

/// Sets each sentence's most lexical evidence: half the weights of its tokens that find a partner
/// somewhere (`matchable`, when known), or of all its tokens.
pub(crate) fn bound_evidence(side: &mut Side, matchable: Option<&[Mask]>) {
    for s in 0..side.len() {
        let reach = matchable.map_or(Mask::MAX, |m| m.get(s).copied().unwrap_or(0));
        let most: f32 = side
            .toks(s)
            .iter()
            .enumerate()
            .filter(|(t, _)| reach & (1 << t) != 0)
            .map(|(_, tok)| tok.weight)
            .sum();
        if let Some(x) = side.max_evidence.get_mut(s) {
            *x = 0.5 * most;
        }
    }
}

/// A token before weighing.
#[derive(Debug)]
struct RawTok {
    class: TokClass,
    /// Folded form: numbers normalised, words lower-cased and transliterated, punctuation a symbol.
    form: String,
    /// Lower-cased original spelling, for dictionary look-up.
    lower: String,
}

/// Characters, with every run of white space counted once.
fn char_length(text: &str) -> f32 {
    let mut n = 0u32;
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
            }
            space = true;
        } else {
            n += 1;
            space = false;
        }
    }
    n as f32
}

/// Splits a sentence into anchor tokens: numbers, words and marked punctuation, each once.
fn tokenize(text: &str, decimal_comma: bool, out: &mut Vec<RawTok>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let limit = 3 * MAX_TOKENS;
    let push = |out: &mut Vec<RawTok>, class: TokClass, form: String, lower: String| {
        if out.len() < limit && !out.iter().any(|t| t.form == form) {
            out.push(RawTok { class, form, lower });
        }
    };
    let byte = |k: usize| chars.get(k).map_or(text.len(), |x| x.0);
    let mut i = 0;
    while i < chars.len() && out.len() < limit {
        let c = chars[i].1;
        if c.is_ascii_digit() {
            let (end, value) = scan_number(&chars, i, decimal_comma);
            // A digit run glued to letters (`3D`) is a name, not a quantity.
            if end < chars.len() && chars[end].1.is_alphabetic() {
                let mut j = end;
                while j < chars.len() && chars[j].1.is_alphanumeric() {
                    j += 1;
                }
                let lower = text[byte(i)..byte(j)].to_lowercase();
                push(out, TokClass::Word, spelling(&fold(&lower)), lower);
                i = j;
            } else if let Some(time) = clock_time(&chars, i, end) {
                // `6:15` is one time, not the numbers 6 and 15: a bare minute would meet any 15.
                push(out, TokClass::Number, time, String::new());
                i = end + 3;
            } else {
                push(out, TokClass::Number, value, String::new());
                i = end;
            }
        } else if c.is_alphabetic() {
            // A word, with any digits inside it (`A380`: a name).
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_alphanumeric() || is_mark(chars[j].1)) {
                j += 1;
            }
            // Words under three letters never get a key (articles, prepositions).
            if j - i >= 3 {
                let lower = text[byte(i)..byte(j)].to_lowercase();
                let form = spelling(&fold(&lower));
                if !form.is_empty() {
                    push(out, TokClass::Word, form, lower);
                }
            }
            i = j;
        } else {
            if let Some(p) = punct_key(c) {
                push(out, TokClass::Punct, p.to_owned(), String::new());
            }
            i += 1;
        }
    }
}

/// A clock time `H:MM` or `HH:MM` whose hour is the digits `start..end`: its form, hour and minutes
/// (`6:15`); `None` for anything else (`2:1`, `10:300`, `1.5:30`).
fn clock_time(chars: &[(usize, char)], start: usize, end: usize) -> Option<String> {
    let digit = |k: usize| chars.get(k).is_some_and(|c| c.1.is_ascii_digit());
    let hour_len = end - start;
    let is_time = (1..=2).contains(&hour_len)
        && chars.get(end).is_some_and(|c| c.1 == ':')
        && digit(end + 1)
        && digit(end + 2)
        && !digit(end + 3);
    is_time.then(|| chars[start..end + 3].iter().map(|c| c.1).collect())
}

fn is_mark(c: char) -> bool {
    // Combining marks left over after NFC (rare) stay inside the word.
    matches!(c, '\u{300}'..='\u{36f}')
}

/// The shared key of a punctuation mark, or `None` for marks every sentence has.
fn punct_key(c: char) -> Option<&'static str> {
    Some(match c {
        '?' | '¿' => "?",
        '!' | '¡' => "!",
        '"' | '„' | '“' | '”' | '«' | '»' | '‚' | '‘' | '’' | '‹' | '›' => "\"",
        '(' | ')' | '[' | ']' => "(",
        ':' => ":",
        ';' => ";",
        _ => return None,
    })
}

/// Scans a number starting at `chars[i]` (a digit): digit groups with `.`, `,`, `'`, `’` or spaces
/// between them, then an optional decimal part. Returns the end index and the normalised value.
fn scan_number(chars: &[(usize, char)], i: usize, decimal_comma: bool) -> (usize, String) {
    let is_sep = |c: char| matches!(c, '.' | ',' | '\'' | '’' | ' ' | '\u{a0}' | '\u{202f}');
    // Groups of digits and the separators between them.
    let mut groups: Vec<String> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut j = i;
    loop {
        let mut g = String::new();
        while j < chars.len() && chars[j].1.is_ascii_digit() {
            g.push(chars[j].1);
            j += 1;
        }
        groups.push(g);
        // Continue over a separator only when a digit follows it directly.
        if j + 1 < chars.len() && is_sep(chars[j].1) && chars[j + 1].1.is_ascii_digit() {
            let sep = chars[j].1;
            // A space only groups thousands: exactly three digits after it, at most three before the first.
            if sep.is_whitespace() {
                let run = chars[j + 1..].iter().take_while(|x| x.1.is_ascii_digit()).count();
                let first_ok = groups.len() > 1 || groups[0].len() <= 3;
                if run != 3 || !first_ok || seps.iter().any(|s| matches!(s, '.' | ',')) {
                    break;
                }
            }
            seps.push(sep);
            j += 1;
        } else {
            break;
        }
    }
    (j, normalise_number(&groups, &seps, decimal_comma))
}

/// The canonical value of a number from its digit groups and separators: `1.000,5` (decimal comma)
/// and `1,000.5` both give `1000.5`; `3,50` gives `3.5`.
fn normalise_number(groups: &[String], seps: &[char], decimal_comma: bool) -> String {
    let group_char = if decimal_comma { '.' } else { ',' };
    let (int_groups, frac): (&[String], &str) = match seps.last() {
        None => (groups, ""),
        Some(&last) => {
            let last_group = groups.last().map_or("", String::as_str);
            let all_same = seps.iter().all(|&s| s == last);
            let is_decimal = if !all_same {
                matches!(last, '.' | ',')
            } else if seps.len() > 1 || !matches!(last, '.' | ',') {
                false
            } else {
                // One `.` or `,`: a thousands group only when three digits follow and the language
                // groups with this mark.
                !(last_group.len() == 3 && last == group_char)
            };
            if is_decimal { (&groups[..groups.len() - 1], last_group) } else { (groups, "") }
        }
    };
    let mut int: String = int_groups.concat();
    let trimmed = int.trim_start_matches('0');
    int = if trimmed.is_empty() { "0".to_owned() } else { trimmed.to_owned() };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { int } else { format!("{int}.{frac}") }
}

/// Lower case, transliterated to ASCII, letters and digits only.
pub(crate) fn fold(lower: &str) -> String {
    let ascii = if lower.is_ascii() { lower.to_owned() } else { any_ascii(lower).to_lowercase() };
    ascii.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// The first `n` consonants of a folded word (a skeleton that survives vowel changes: prasident ~
/// president).
fn consonants(form: &str, n: usize) -> String {
    form.chars().filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')).take(n).collect()
}

/// A crude stem shared by inflected forms, into `out`: the word in [`spelling`] form cut to five
/// letters. `buffer` holds the folded word (the aligner stems every dictionary word of a document:
/// reusing two buffers saves three allocations a word).
fn stem_into(word: &str, buffer: &mut String, out: &mut String) {
    buffer.clear();
    if word.is_ascii() {
        // `fold` of an ASCII word: its letters and digits, lower-cased.
        buffer.extend(
            word.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        buffer.push_str(&fold(&word.to_lowercase()));
    }
    spelling_into(buffer, out);
    // Folded text is ASCII: five letters are five bytes.
    out.truncate(5);
}

/// Evens out spellings that differ between European languages for the same sound, so that cognates
/// meet: `k`, `ck`, `q` → `c` (Oktober ~ October), `ph` → `f`, `th` → `t`, `y` → `i`, doubled letters
/// once (Finnland ~ Finland). Input is folded ASCII.
fn spelling(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    spelling_into(folded, &mut out);
    out
}

/// [`spelling`] into `out` (cleared first).
fn spelling_into(folded: &str, out: &mut String) {
    out.clear();
    let b = folded.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let (c, step) = match (b[i], next) {
            (b'c', Some(b'k')) => (b'c', 2),
            (b'p', Some(b'h')) => (b'f', 2),
            (b't', Some(b'h')) => (b't', 2),
            (b'k' | b'q', _) => (b'c', 1),
            (b'y', _) => (b'i', 1),
            (c, _) => (c, 1),
        };
        if out.as_bytes().last() != Some(&c) || c.is_ascii_digit() {
            out.push(char::from(c));
        }
        i += step;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str, comma: bool) -> Vec<(TokClass, String)> {
        let mut out = Vec::new();
        tokenize(text, comma, &mut out);
        out.into_iter().map(|t| (t.class, t.form)).collect()
    }

    fn numbers(text: &str, comma: bool) -> Vec<String> {
        forms(text, comma).into_iter().filter(|t| t.0 == TokClass::Number).map(|t| t.1).collect()
    }

    #[test]
    fn numbers_normalise_across_styles() {
        assert_eq!(numbers("1.000,5 Euro und 3,50 Euro", true), ["1000.5", "3.5"]);
        assert_eq!(numbers("1,000.5 euros and 3.50 euros", false), ["1000.5", "3.5"]);
        assert_eq!(numbers("1 000,5 euros", true), ["1000.5"]);
        assert_eq!(numbers("8847,60 m", true), ["8847.6"]);
        assert_eq!(numbers("1.000 Menschen", true), ["1000"]);
        assert_eq!(numbers("1,000 people", false), ["1000"]);
        assert_eq!(numbers("2,5 Prozent", true), ["2.5"]);
        assert_eq!(numbers("2.5 per cent", false), ["2.5"]);
        assert_eq!(numbers("1'000'000 Franken", true), ["1000000"]);
        assert_eq!(numbers("am 20. September 2019", true), ["20", "2019"]);
        assert_eq!(numbers("in 2019 200 people", false), ["2019", "200"]);
    }

    #[test]
    fn words_fold_and_glued_digits_are_names() {
        let f = forms("Der Airbus A380 flog über Zürich?", true);
        assert!(f.contains(&(TokClass::Word, "a380".to_owned())));
        assert!(f.contains(&(TokClass::Word, "zurich".to_owned())));
        assert!(f.contains(&(TokClass::Punct, "?".to_owned())));
        assert!(!f.iter().any(|t| t.0 == TokClass::Number));
        assert_eq!(fold("путин"), "putin");
        assert_eq!(spelling("oktober"), spelling("october"));
        assert_eq!(spelling("finnland"), spelling("finland"));
        assert_eq!(spelling("philosophie"), "filosofie");
        assert_eq!(spelling("1000"), "1000");
    }

    #[test]
    fn clock_times_are_one_token() {
        // `6:15` must not yield a bare 15 that meets `vijftien` (15) elsewhere.
        assert_eq!(numbers("It ran aground at 6:15 a.m. and 22:45.", false), ["6:15", "22:45"]);
        assert_eq!(numbers("Около 7:30 столкнулись", true), ["7:30"]);
        assert_eq!(numbers("a ratio of 2:1 and 10:300", false), ["2", "1", "10", "300"]);
    }

    #[test]
    fn a_calendar_phrase_names_its_last_word_only_as_a_whole() {
        assert!(contains_phrase("занятия в среду отменят", "в среду"));
        assert!(!contains_phrase("загрязняют окружающую среду", "в среду"));
        assert!(!contains_phrase("всреду", "в среду"));
    }

    #[test]
    fn char_length_collapses_space() {
        assert_eq!(char_length("a  b\t c"), 5.0);
    }
}
