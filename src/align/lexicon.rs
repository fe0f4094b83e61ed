//! Bundled core lexicons: each pack language's common news words with their English glosses
//! (`lang/lexicon/<code>.txt`, format in `lang/lexicon/README.md`).
//!
//! In: a language code. Out: a [`Lexicon`] that answers "which English words translate this word".
//! The aligner uses it when no installed FreeDict dictionary serves the pair, with English as the
//! pivot: an original word and a translation word meet when their English glosses share a stem (an
//! English word is its own gloss). Sentences without numbers, names or quotations then still have
//! words to be paired by, on every machine.
//!
//! A word is looked up as written, then without each of the language's inflection endings (longest
//! first), then by the longest stem entry (`verhaft*`) that begins it, then, in a compounding
//! language, by its longest known tail of four letters or more (`nachmittagsverkehr` → `verkehr`).

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// The lexicon files, by language code.
const FILES: &[(&str, &str)] = &[
    ("de", include_str!("../../lang/lexicon/de.txt")),
    ("es", include_str!("../../lang/lexicon/es.txt")),
    ("fr", include_str!("../../lang/lexicon/fr.txt")),
    ("it", include_str!("../../lang/lexicon/it.txt")),
    ("nl", include_str!("../../lang/lexicon/nl.txt")),
    ("pl", include_str!("../../lang/lexicon/pl.txt")),
    ("pt", include_str!("../../lang/lexicon/pt.txt")),
    ("ru", include_str!("../../lang/lexicon/ru.txt")),
];

/// A set of the aligner's keys of a lexicon's glosses.
pub(crate) type GlossKeys = HashSet<String, BuildHasherDefault<crate::align::Fnv>>;

/// Letters a stem entry or a compound tail needs at least.
const MIN_STEM: usize = 4;
/// Letters a word keeps at least when an ending is taken off.
const MIN_BASE: usize = 3;

/// One language's bundled glosses.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Inflection endings, longest first.
    endings: Vec<String>,
    /// Whether words are looked up by their longest known tail (German, Dutch).
    compounds: bool,
    /// Letters a word is also tried without (`ä` as `a`: `häuser` → `hauser` → `haus`), as pairs.
    folds: Vec<(char, char)>,
    /// Headwords and stems (`stem*` kept without its star in `stems`): the range of their glosses.
    words: HashMap<Box<str>, (u32, u32)>,
    stems: HashMap<Box<str>, (u32, u32)>,
    /// Letters of the longest stem.
    longest_stem: usize,
    glosses: Vec<Box<str>>,
    /// The glosses as the aligner keys them, built on first use (once per process, not per document).
    gloss_keys: OnceLock<GlossKeys>,
}

/// The lexicon of a language, when provcheck bundles one (English has none: it is the pivot).
pub fn for_language(code: &str) -> Option<&'static Lexicon> {
    static LEXICONS: OnceLock<Vec<(&'static str, OnceLock<Lexicon>)>> = OnceLock::new();
    let all = LEXICONS.get_or_init(|| FILES.iter().map(|(c, _)| (*c, OnceLock::new())).collect());
    let (at, (_, cell)) = all.iter().enumerate().find(|(_, (c, _))| *c == code)?;
    Some(cell.get_or_init(|| parse(FILES[at].1)))
}

/// Parses a lexicon file; malformed lines are skipped (the files are checked by a test).
pub fn parse(text: &str) -> Lexicon {
    let mut lexicon = Lexicon::default();
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("@endings") {
            lexicon.endings = rest.split_whitespace().map(str::to_lowercase).collect();
            lexicon.endings.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
            continue;
        }
        if let Some(rest) = line.strip_prefix("@fold") {
            lexicon.folds = rest
                .split_whitespace()
                .filter_map(|pair| {
                    let mut c = pair.chars();
                    Some((c.next()?, c.next()?))
                })
                .collect();
            continue;
        }
        if line.trim() == "@compounds" {
            lexicon.compounds = true;
            continue;
        }
        let Some((head, glosses)) = line.split_once('\t') else { continue };
        let head = head.trim().to_lowercase();
        let from = u32::try_from(lexicon.glosses.len()).unwrap_or(u32::MAX);
        lexicon.glosses.extend(glosses.split_whitespace().map(Box::from));
        let range = (from, u32::try_from(lexicon.glosses.len()).unwrap_or(u32::MAX));
        match head.strip_suffix('*') {
            Some(stem) if stem.chars().count() >= MIN_STEM => {
                lexicon.longest_stem = lexicon.longest_stem.max(stem.chars().count());
                lexicon.stems.insert(stem.into(), range);
            }
            Some(_) => {}
            None => {
                lexicon.words.insert(head.into(), range);
            }
        }
    }
    lexicon
}

impl Lexicon {
    /// Number of headwords and stems.
    pub fn len(&self) -> usize {
        self.words.len() + self.stems.len()
    }

    /// True when the lexicon has no entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The English glosses of a lower-cased word (see the module documentation for the look-up
    /// order); calls `f` with each of at most `max`.
    pub fn each_gloss(&self, word: &str, max: usize, mut f: impl FnMut(&str)) {
        if let Some((from, to)) = self.find(word) {
            self.glosses
                .get(from as usize..to as usize)
                .unwrap_or_default()
                .iter()
                .take(max)
                .for_each(|g| f(g));
        }
    }

    /// Every gloss of the lexicon (with repeats).
    pub fn glosses(&self) -> impl Iterator<Item = &str> {
        self.glosses.iter().map(|g| &**g)
    }

    /// The glosses keyed by `key` (the aligner's stemming), computed the first time only.
    pub(crate) fn gloss_keys(&self, key: impl Fn(&str) -> String) -> &GlossKeys {
        self.gloss_keys.get_or_init(|| self.glosses().map(key).collect())
    }

    /// Whether the lexicon has an entry for a lower-cased word (by the same look-up as [`Lexicon::each_gloss`]).
    pub fn knows(&self, word: &str) -> bool {
        self.find(word).is_some()
    }

    fn find(&self, word: &str) -> Option<(u32, u32)> {
        self.find_as_written(word).or_else(|| {
            // An umlaut plural (`häuser`, `städte`) is found by its singular's letters.
            if !word.chars().any(|c| self.folds.iter().any(|&(from, _)| from == c)) {
                return None;
            }
            let folded: String = word
                .chars()
                .map(|c| self.folds.iter().find(|&&(from, _)| from == c).map_or(c, |&(_, to)| to))
                .collect();
            self.find_as_written(&folded)
        })
    }

    fn find_as_written(&self, word: &str) -> Option<(u32, u32)> {
        if let Some(&range) = self.words.get(word) {
            return Some(range);
        }
        let letters = word.chars().count();
        for ending in &self.endings {
            if let Some(base) = word.strip_suffix(ending.as_str())
                && letters - ending.chars().count() >= MIN_BASE
                && let Some(&range) = self.words.get(base)
            {
                return Some(range);
            }
        }
        // The longest stem that begins the word.
        let bounds: Vec<usize> =
            word.char_indices().map(|(at, _)| at).skip(MIN_STEM).chain([word.len()]).collect();
        let longest = self.longest_stem.min(letters);
        for &end in bounds.iter().take(longest.saturating_sub(MIN_STEM) + 1).rev() {
            if let Some(&range) = word.get(..end).and_then(|stem| self.stems.get(stem)) {
                return Some(range);
            }
        }
        if !self.compounds || letters < MIN_STEM + 3 {
            return None;
        }
        // A compound: its longest tail of four letters or more that is a headword (with or without
        // an ending) or begins with a stem.
        word.char_indices().skip(3).take(letters - MIN_STEM - 2).find_map(|(at, _)| {
            let tail = &word[at..];
            self.words.get(tail).copied().or_else(|| {
                self.endings.iter().find_map(|e| {
                    tail.strip_suffix(e.as_str())
                        .filter(|b| b.chars().count() >= MIN_STEM)
                        .and_then(|b| self.words.get(b).copied())
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glosses(lexicon: &Lexicon, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        lexicon.each_gloss(word, 8, |g| out.push(g.to_owned()));
        out
    }

    #[test]
    fn looks_words_up_by_form_ending_stem_and_tail() {
        let lexicon = parse(
            "# test\n@endings e en er n s\n@compounds\n@fold äa\nbehörde\tauthority office\nverhaft*\tarrest detain\nverkehr\ttraffic\nnachmittag\tafternoon\nhaus\thouse home\n",
        );
        assert_eq!(glosses(&lexicon, "behörde"), ["authority", "office"]);
        assert_eq!(glosses(&lexicon, "behörden"), ["authority", "office"]);
        assert_eq!(glosses(&lexicon, "verhafteten"), ["arrest", "detain"]);
        assert_eq!(glosses(&lexicon, "nachmittagsverkehr"), ["traffic"]);
        assert_eq!(glosses(&lexicon, "nachmittags"), ["afternoon"]);
        assert_eq!(glosses(&lexicon, "häuser"), ["house", "home"]);
        assert!(glosses(&lexicon, "verha").is_empty(), "a word shorter than the stem is not the stem's");
        assert!(glosses(&lexicon, "unbekannt").is_empty());
    }

    #[test]
    fn a_short_stem_entry_is_ignored_and_compounds_need_the_flag() {
        let lexicon = parse("geh*\tgo\nverkehr\ttraffic\n");
        assert!(glosses(&lexicon, "gehen").is_empty());
        assert!(glosses(&lexicon, "nachmittagsverkehr").is_empty());
        assert_eq!(lexicon.len(), 1);
    }

    #[test]
    fn every_bundled_lexicon_is_well_formed() {
        for (code, text) in FILES {
            let mut seen = std::collections::HashSet::new();
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() || line.starts_with('#') || line.starts_with('@') {
                    continue;
                }
                let (head, glosses) =
                    line.split_once('\t').unwrap_or_else(|| panic!("{code}.txt:{}: no tab", n + 1));
                assert!(seen.insert(head), "{code}.txt:{}: `{head}` twice", n + 1);
                assert_eq!(head, head.to_lowercase(), "{code}.txt:{}: upper case", n + 1);
                let stem = head.strip_suffix('*').unwrap_or(head);
                assert!(
                    !head.ends_with('*') || stem.chars().count() >= MIN_STEM,
                    "{code}.txt:{}: stem too short",
                    n + 1
                );
                let words: Vec<&str> = glosses.split_whitespace().collect();
                assert!((1..=5).contains(&words.len()), "{code}.txt:{}: 1 to 5 glosses", n + 1);
                assert!(
                    words
                        .iter()
                        .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'')),
                    "{code}.txt:{}: glosses are lower-case ASCII words",
                    n + 1
                );
            }
            assert!(seen.len() >= 500, "{code}.txt has {} entries", seen.len());
        }
    }
}
