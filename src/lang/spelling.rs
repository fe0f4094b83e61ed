//! Installed spelling dictionaries (Hunspell), asked one question by the name rules: is this capitalised
//! word a name?
//!
//! In French, Spanish, Italian, Portuguese, Dutch, Polish, Russian and English a capital inside a
//! sentence marks a name, but also a title, an institution (`Ministerio de Hacienda`) or a holiday, and
//! those are translated. A spelling dictionary records which words are written only with a capital: it
//! accepts `Algeciras` and rejects `algeciras`, accepts both `Hacienda` and `hacienda`. A word it
//! rejects in lower case is either a name it lists or a word it does not know at all (`Zaventem`,
//! `Coquelles`), and either way not a common word of the language. The bundled lexicons are too small to
//! say so (a word they lack may be any rare word), which is why the name rules trust such a word only
//! with an installed dictionary (see `compare::names`).
//!
//! In: a language code. Out: the dictionary Debian's `hunspell-<lang>` packages install
//! (`/usr/share/hunspell/fr_FR.aff` and `.dic`, or `fr.aff`), loaded once per process on first use;
//! `$PROVCHECK_HUNSPELL` names another directory to search. A dictionary in a legacy encoding is read
//! when the encoding is ISO 8859-1, -15 or -2; one that cannot be read counts as absent (the name rules
//! then fall back to their tables), never as an error: the user did not ask for it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// Environment variable naming a directory to search instead of [`DEFAULT_DIRS`].
pub const DIR_VARIABLE: &str = "PROVCHECK_HUNSPELL";

/// Where Debian and its derivatives install Hunspell dictionaries.
pub const DEFAULT_DIRS: &[&str] = &["/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"];

/// A loaded spelling dictionary.
pub struct Speller {
    dictionary: spellbook::Dictionary,
    /// Its `.dic` file.
    pub path: PathBuf,
}

impl std::fmt::Debug for Speller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speller").field("path", &self.path).finish()
    }
}

impl Speller {
    /// Whether the dictionary accepts the word as written.
    pub fn accepts(&self, word: &str) -> bool {
        self.dictionary.check(word)
    }

    /// Whether the word (written with a capital) is not a common word of the language: the dictionary
    /// rejects it in lower case.
    pub fn capital_only(&self, word: &str) -> bool {
        !self.dictionary.check(&word.to_lowercase())
    }

    /// Whether the word is two words the dictionary accepts in lower case, of four letters or more each,
    /// written as one (`Bootloader`, `Harddisk`, `Photoshop`): a term, not a name.
    pub fn compound(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let cuts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        cuts.iter().enumerate().any(|(n, &i)| {
            n >= 4
                && cuts.len() - n >= 4
                && self.dictionary.check(&lower[..i])
                && self.dictionary.check(&lower[i..])
        })
    }
}

/// The directories searched, in order.
fn dirs() -> Vec<PathBuf> {
    match std::env::var_os(DIR_VARIABLE) {
        Some(dir) => vec![PathBuf::from(dir)],
        None => DEFAULT_DIRS.iter().map(PathBuf::from).collect(),
    }
}

/// The `.aff` file of the installed dictionary for the language (`fr` finds `fr_FR.aff`, then `fr.aff`,
/// then any `fr_*.aff`), if one is installed with its `.dic`.
pub fn path_for(code: &str) -> Option<PathBuf> {
    paths_for(code, &[]).into_iter().next()
}

/// The `.aff` files of the installed dictionaries the pack names (`spelling`), or, when it names none,
/// of the one [`path_for`] finds.
fn paths_for(code: &str, named: &[String]) -> Vec<PathBuf> {
    let valid =
        |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !valid(code) {
        return Vec::new();
    }
    let with_dic = |aff: &Path| aff.is_file() && aff.with_extension("dic").is_file();
    let dirs = dirs();
    if !named.is_empty() {
        return named
            .iter()
            .filter(|n| valid(n))
            .filter_map(|n| dirs.iter().map(|d| d.join(format!("{n}.aff"))).find(|p| with_dic(p)))
            .collect();
    }
    for dir in &dirs {
        let preferred = [format!("{code}_{}.aff", code.to_ascii_uppercase()), format!("{code}.aff")];
        if let Some(found) = preferred.iter().map(|n| dir.join(n)).find(|p| with_dic(p)) {
            return vec![found];
        }
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let prefix = format!("{code}_");
        let mut regional: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "aff")
                    && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix))
                    && with_dic(p)
            })
            .collect();
        regional.sort();
        if let Some(first) = regional.into_iter().next() {
            return vec![first];
        }
    }
    Vec::new()
}

/// The installed dictionaries of a language, asked together: a word any of them knows is known.
#[derive(Debug)]
pub struct Spellers(Vec<Speller>);

impl Spellers {
    /// Whether some dictionary accepts the word as written.
    pub fn accepts(&self, word: &str) -> bool {
        self.0.iter().any(|s| s.accepts(word))
    }

    /// Whether every dictionary rejects the word in lower case ([`Speller::capital_only`]).
    pub fn capital_only(&self, word: &str) -> bool {
        self.0.iter().all(|s| s.capital_only(word))
    }

    /// Whether some dictionary reads the word as two of its words ([`Speller::compound`]).
    pub fn compound(&self, word: &str) -> bool {
        self.0.iter().any(|s| s.compound(word))
    }
}

/// The installed dictionaries for the language of `pack`, loaded on first use and kept for the process
/// (a batch loads each once). `None` when none is installed or none can be read.
pub fn for_pack(pack: &crate::lang::LangPack) -> Option<Arc<Spellers>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Option<Arc<Spellers>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    // A poisoned lock only means another thread panicked while loading: the map is still sound.
    let mut cache = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    cache
        .entry(pack.code.clone())
        .or_insert_with(|| {
            let loaded: Vec<Speller> =
                paths_for(&pack.code, &pack.spelling).iter().filter_map(|p| load(p)).collect();
            (!loaded.is_empty()).then(|| Arc::new(Spellers(loaded)))
        })
        .clone()
}

/// Loads a dictionary from its `.aff` file and the `.dic` beside it.
pub fn load(aff: &Path) -> Option<Speller> {
    let dic = aff.with_extension("dic");
    let aff_text = decode(&std::fs::read(aff).ok()?)?;
    let encoding = declared_encoding(&aff_text);
    let dic_text = decode_as(&std::fs::read(&dic).ok()?, &encoding)?;
    let aff_text = if encoding == "UTF-8" { aff_text } else { redeclare(&aff_text) };
    let dictionary = spellbook::Dictionary::new(&aff_text, &dic_text).ok()?;
    Some(Speller { dictionary, path: dic })
}

/// The `.aff` file's text: its `SET` line names its encoding, and the line itself is ASCII.
fn decode(bytes: &[u8]) -> Option<String> {
    let ascii: String = bytes.iter().map(|&b| if b < 0x80 { b as char } else { '?' }).collect();
    decode_as(bytes, &declared_encoding(&ascii))
}

/// The encoding a `.aff` file declares (`SET ISO8859-2`), upper case; UTF-8 when it declares none.
fn declared_encoding(aff: &str) -> String {
    aff.lines()
        .find_map(|l| l.trim_start_matches('\u{feff}').strip_prefix("SET "))
        .map_or_else(|| "UTF-8".to_owned(), |e| e.trim().to_ascii_uppercase())
}

/// The file's text in the encoding; `None` for an encoding provcheck does not read.
fn decode_as(bytes: &[u8], encoding: &str) -> Option<String> {
    match encoding {
        "UTF-8" => String::from_utf8(bytes.to_vec()).ok(),
        "ISO8859-1" | "ISO-8859-1" => Some(bytes.iter().map(|&b| b as char).collect()),
        "ISO8859-15" | "ISO-8859-15" => Some(bytes.iter().map(|&b| latin9(b)).collect()),
        "ISO8859-2" | "ISO-8859-2" => Some(bytes.iter().map(|&b| latin2(b)).collect()),
        _ => None,
    }
}

/// The `.aff` text with its `SET` line saying UTF-8, as it now is.
fn redeclare(aff: &str) -> String {
    aff.lines()
        .map(|l| if l.trim_start_matches('\u{feff}').starts_with("SET ") { "SET UTF-8" } else { l })
        .collect::<Vec<_>>()
        .join("\n")
}

/// ISO 8859-15: Latin-1 with eight code points changed.
fn latin9(b: u8) -> char {
    match b {
        0xA4 => '€',
        0xA6 => 'Š',
        0xA8 => 'š',
        0xB4 => 'Ž',
        0xB8 => 'ž',
        0xBC => 'Œ',
        0xBD => 'œ',
        0xBE => 'Ÿ',
        _ => b as char,
    }
}

/// ISO 8859-2 (Central European), the encoding of Polish dictionaries.
fn latin2(b: u8) -> char {
    const HIGH: [char; 96] = [
        '\u{a0}', 'Ą', '˘', 'Ł', '¤', 'Ľ', 'Ś', '§', '¨', 'Š', 'Ş', 'Ť', 'Ź', '\u{ad}', 'Ž', 'Ż', //
        '°', 'ą', '˛', 'ł', '´', 'ľ', 'ś', 'ˇ', '¸', 'š', 'ş', 'ť', 'ź', '˝', 'ž', 'ż', //
        'Ŕ', 'Á', 'Â', 'Ă', 'Ä', 'Ĺ', 'Ć', 'Ç', 'Č', 'É', 'Ę', 'Ë', 'Ě', 'Í', 'Î', 'Ď', //
        'Đ', 'Ń', 'Ň', 'Ó', 'Ô', 'Ő', 'Ö', '×', 'Ř', 'Ů', 'Ú', 'Ű', 'Ü', 'Ý', 'Ţ', 'ß', //
        'ŕ', 'á', 'â', 'ă', 'ä', 'ĺ', 'ć', 'ç', 'č', 'é', 'ę', 'ë', 'ě', 'í', 'î', 'ď', //
        'đ', 'ń', 'ň', 'ó', 'ô', 'ő', 'ö', '÷', 'ř', 'ů', 'ú', 'ű', 'ü', 'ý', 'ţ', '˙', //
    ];
    if b < 0xA0 { b as char } else { HIGH[usize::from(b - 0xA0)] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_encodings() {
        assert_eq!(decode_as(b"SET ISO8859-2\n\xa3\xf3d\xbc", "ISO8859-2").unwrap(), "SET ISO8859-2\nŁódź");
        assert_eq!(decode_as(b"caf\xe9", "ISO8859-1").unwrap(), "café");
        assert_eq!(decode_as(b"\xa4", "ISO8859-15").unwrap(), "€");
        assert!(decode_as(b"x", "KOI8-R").is_none());
        assert_eq!(declared_encoding("# comment\nSET ISO8859-2\nTRY abc"), "ISO8859-2");
        assert_eq!(declared_encoding("TRY abc"), "UTF-8");
        assert_eq!(redeclare("SET ISO8859-2\nTRY ą"), "SET UTF-8\nTRY ą");
    }

    #[test]
    fn a_written_dictionary_tells_names_from_words() {
        let dir = std::env::temp_dir().join(format!("provcheck-spelling-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("xx_XX.aff"), "SET ISO8859-1\nSFX S Y 1\nSFX S 0 s .\n").unwrap();
        std::fs::write(dir.join("xx_XX.dic"), b"5\nhacienda/S\nAlgeciras\ncaf\xe9\nboot\nloader\n").unwrap();
        let speller = load(&dir.join("xx_XX.aff")).unwrap();
        assert!(speller.capital_only("Algeciras"));
        assert!(speller.capital_only("Zaventem"));
        assert!(!speller.capital_only("Hacienda"));
        assert!(!speller.capital_only("Haciendas"));
        assert!(speller.accepts("café"));
        assert!(speller.compound("Bootloader"));
        assert!(!speller.compound("Bootsloader"));
        assert!(!speller.compound("Algeciras"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
