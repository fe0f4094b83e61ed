//! Configuration: `provcheck.toml`.
//!
//! In: a configuration file (found by searching upward from the translation's folder, or named with
//! `--config`) and the path of the translation being checked. Out: the [`Settings`] that apply to that
//! translation (top-level keys, then every matching `[[per-path]]` table in order), which the CLI merges
//! with its flags (flags win). Unknown keys and unknown rules are errors that name the key and the file.
//! This module reads and resolves; it never prints and never runs a check.
//!
//! ```toml
//! original-lang = "de"          # ISO 639-1; detected when absent
//! translation-lang = "en"
//! select = ["TP1", "dropped-sentence"]   # rule code prefixes or names; all rules when absent
//! ignore = ["TP104"]
//! fail-on = "warning"           # error (default), warning or info
//!
//! [severity]                    # per rule code or name
//! number-missing = "error"
//!
//! [[per-path]]                  # later tables win; patterns are relative to this file's folder
//! paths = ["sport/**"]          # `*`, `?`, `**`; a pattern without `/` matches the file name
//! ignore = ["name-added"]
//! ```
//!
//! The reference is in the README (section "Configuration").

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use crate::compare;
use crate::error::{Error, Result};
use crate::report::Severity;

/// The file name searched for.
pub const FILE_NAME: &str = "provcheck.toml";

/// The keys a table may set, at the top level or in a `[[per-path]]` table.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Keys {
    original_lang: Option<String>,
    translation_lang: Option<String>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    fail_on: Option<Severity>,
    align: Option<AlignKeys>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
}

/// The file as written. (Flattening `Keys` here would disable `deny_unknown_fields`, so the keys are
/// listed twice; `per_path_keys_match_top_level` keeps the two lists equal.)
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileConfig {
    original_lang: Option<String>,
    translation_lang: Option<String>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    fail_on: Option<Severity>,
    align: Option<AlignKeys>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
    #[serde(default)]
    per_path: Vec<PerPath>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PerPath {
    paths: Vec<String>,
    original_lang: Option<String>,
    translation_lang: Option<String>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    fail_on: Option<Severity>,
    align: Option<AlignKeys>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
}

impl PerPath {
    fn keys(&self) -> Keys {
        Keys {
            original_lang: self.original_lang.clone(),
            translation_lang: self.translation_lang.clone(),
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            fail_on: self.fail_on,
            align: self.align.clone(),
            severity: self.severity.clone(),
        }
    }
}

/// The `[align]` table: the aligner's costs and thresholds that a feed may need to tune, and the
/// dictionary. Absent keys keep the aligner's defaults (`provcheck config` prints them).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AlignKeys {
    /// Cost of a dropped or added sentence (1:0, 0:1), in nats: higher makes the aligner merge rather
    /// than report a dropped sentence.
    pub skip_cost: Option<f32>,
    /// Cost of a 1:2 or 2:1 bead, in nats.
    pub merge_cost: Option<f32>,
    /// Jaro–Winkler similarity two folded words need to count as cognates (0 to 1).
    pub cognate_threshold: Option<f64>,
    /// `"auto"` (an installed FreeDict dictionary of the pair), `"none"`, or a path (relative to the
    /// configuration file).
    pub dictionary: Option<String>,
}

impl AlignKeys {
    fn merge(&mut self, other: &AlignKeys) {
        if other.skip_cost.is_some() {
            self.skip_cost = other.skip_cost;
        }
        if other.merge_cost.is_some() {
            self.merge_cost = other.merge_cost;
        }
        if other.cognate_threshold.is_some() {
            self.cognate_threshold = other.cognate_threshold;
        }
        if other.dictionary.is_some() {
            self.dictionary.clone_from(&other.dictionary);
        }
    }

    /// Applies the keys to the aligner's options; a dictionary given on the command line wins.
    pub fn apply(&self, options: &mut crate::align::AlignOptions) {
        use crate::align::DictionaryChoice;
        if let Some(v) = self.skip_cost {
            options.params.skip = v;
        }
        if let Some(v) = self.merge_cost {
            options.params.merge = v;
        }
        if let Some(v) = self.cognate_threshold {
            options.params.cognate = v;
        }
        if matches!(options.dictionary, DictionaryChoice::Auto) {
            options.dictionary = match self.dictionary.as_deref() {
                None | Some("auto") => DictionaryChoice::Auto,
                Some("none") => DictionaryChoice::Off,
                Some(path) => DictionaryChoice::Path(PathBuf::from(path)),
            };
        }
    }
}

/// A loaded configuration file.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file it was read from.
    pub path: PathBuf,
    /// The folder per-path patterns are relative to (absolute).
    base: PathBuf,
    top: Keys,
    per_path: Vec<PerPath>,
}

/// What applies to one translation: the configuration's answer before command-line flags.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub original_lang: Option<String>,
    pub translation_lang: Option<String>,
    /// Only these rules (empty: all).
    pub select: Vec<String>,
    /// Leave these out (accumulated over the top level and every matching per-path table).
    pub ignore: Vec<String>,
    /// Severity overrides, in the order they apply (later wins).
    pub severity: Vec<(String, Severity)>,
    pub fail_on: Option<Severity>,
    /// The `[align]` keys (dictionary paths already resolved against the file's folder).
    pub align: AlignKeys,
    /// The per-path tables that matched, by their 1-based position in the file.
    pub matched: Vec<usize>,
}

impl Config {
    /// Reads a configuration file.
    pub fn load(path: &Path) -> Result<Config> {
        let text =
            std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
        let base = absolute(path).parent().map(Path::to_path_buf).unwrap_or_default();
        Config::parse(&text, path, base)
    }

    /// Parses configuration text; `path` names it in errors, `base` anchors per-path patterns.
    pub fn parse(text: &str, path: &Path, base: PathBuf) -> Result<Config> {
        let file: FileConfig = toml::from_str(text).map_err(|e| {
            // `path:line:col: message`, the way editors jump to a position.
            let at = e.span().map_or(String::new(), |s| {
                let before = text.get(..s.start).unwrap_or(text);
                let line = before.matches('\n').count() + 1;
                let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                format!(":{line}:{col}")
            });
            Error::Config {
                path: Some(PathBuf::from(format!("{}{at}", path.display()))),
                message: one_line(e.message()),
            }
        })?;
        let top = Keys {
            original_lang: file.original_lang,
            translation_lang: file.translation_lang,
            select: file.select,
            ignore: file.ignore,
            fail_on: file.fail_on,
            align: file.align,
            severity: file.severity,
        };
        let mut config = Config { path: path.to_owned(), base, top, per_path: file.per_path };
        config.validate()?;
        // A dictionary path is relative to the file that names it.
        let base = config.base.clone();
        let resolve = |keys: &mut Option<AlignKeys>| {
            if let Some(AlignKeys { dictionary: Some(d), .. }) = keys
                && d != "auto"
                && d != "none"
                && Path::new(d.as_str()).is_relative()
            {
                *d = base.join(d.as_str()).display().to_string();
            }
        };
        resolve(&mut config.top.align);
        for p in &mut config.per_path {
            resolve(&mut p.align);
        }
        Ok(config)
    }

    /// Finds `provcheck.toml` in `start` or the nearest folder above it.
    pub fn discover(start: &Path) -> Result<Option<Config>> {
        let start = absolute(start);
        for dir in start.ancestors() {
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                return Config::load(&candidate).map(Some);
            }
        }
        Ok(None)
    }

    fn validate(&self) -> Result<()> {
        let err = |message: String| Error::Config { path: Some(self.path.clone()), message };
        let tables = std::iter::once(("", self.top.clone()))
            .chain(self.per_path.iter().map(|p| ("per-path ", p.keys())))
            .enumerate();
        for (i, (prefix, keys)) in tables {
            let place = if prefix.is_empty() { String::new() } else { format!("[[per-path]] #{i}: ") };
            for (key, list) in [("select", &keys.select), ("ignore", &keys.ignore)] {
                for k in list.iter().flatten() {
                    if !rule_key_known(k) {
                        return Err(err(format!(
                            "{place}`{key}`: no rule matches `{k}` (see `provcheck rules`)"
                        )));
                    }
                }
            }
            if let Some(a) = &keys.align {
                let positive = |v: Option<f32>| v.is_none_or(|v| v.is_finite() && v > 0.0);
                if !positive(a.skip_cost) || !positive(a.merge_cost) {
                    return Err(err(format!("{place}`[align]`: costs must be positive numbers")));
                }
                if a.cognate_threshold.is_some_and(|v| !(v > 0.0 && v <= 1.0)) {
                    return Err(err(format!(
                        "{place}`[align]`: `cognate-threshold` must be above 0 and at most 1"
                    )));
                }
            }
            for k in keys.severity.keys() {
                if compare::find_rule(k).is_none() {
                    return Err(err(format!(
                        "{place}`severity`: `{k}` is not a rule code or name (see `provcheck rules`)"
                    )));
                }
            }
            for (key, lang) in
                [("original-lang", &keys.original_lang), ("translation-lang", &keys.translation_lang)]
            {
                if let Some(code) = lang {
                    crate::lang::resolve(code, &format!("{}: {place}`{key}`", self.path.display()))?;
                }
            }
        }
        for (i, p) in self.per_path.iter().enumerate() {
            if p.paths.is_empty() {
                return Err(err(format!("[[per-path]] #{}: `paths` is empty", i + 1)));
            }
        }
        Ok(())
    }

    /// The top-level settings alone, for a translation that has no path (a batch line's text).
    pub fn top_settings(&self) -> Settings {
        let mut s = Settings::default();
        s.merge(&self.top);
        s
    }

    /// The settings for a translation at `translation` (a path as given on the command line).
    pub fn settings_for(&self, translation: &Path) -> Settings {
        let mut s = Settings::default();
        s.merge(&self.top);
        let relative = relative_to(&absolute(translation), &self.base);
        for (i, p) in self.per_path.iter().enumerate() {
            let hit = relative.as_deref().is_some_and(|rel| p.paths.iter().any(|pat| path_matches(pat, rel)));
            if hit {
                s.merge(&p.keys());
                s.matched.push(i + 1);
            }
        }
        s
    }
}

impl Settings {
    fn merge(&mut self, keys: &Keys) {
        if keys.original_lang.is_some() {
            self.original_lang.clone_from(&keys.original_lang);
        }
        if keys.translation_lang.is_some() {
            self.translation_lang.clone_from(&keys.translation_lang);
        }
        if let Some(select) = &keys.select {
            self.select.clone_from(select);
        }
        if let Some(ignore) = &keys.ignore {
            self.ignore.extend(ignore.iter().cloned());
        }
        if keys.fail_on.is_some() {
            self.fail_on = keys.fail_on;
        }
        self.severity.extend(keys.severity.iter().map(|(k, v)| (k.clone(), *v)));
        if let Some(align) = &keys.align {
            self.align.merge(align);
        }
    }

    /// The settings as TOML (what `provcheck config` prints), keys in a fixed order.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml_string(s);
        let list = |v: &[String]| format!("[{}]", v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "));
        let mut out = String::new();
        for (key, value) in
            [("original-lang", &self.original_lang), ("translation-lang", &self.translation_lang)]
        {
            match value {
                Some(v) => out.push_str(&format!("{key} = {}\n", q(v))),
                None => out.push_str(&format!("# {key}: detected from the text\n")),
            }
        }
        if self.select.is_empty() {
            out.push_str("# select = all rules\n");
        } else {
            out.push_str(&format!("select = {}\n", list(&self.select)));
        }
        out.push_str(&format!("ignore = {}\n", list(&self.ignore)));
        out.push_str(&format!("fail-on = {}\n", q(self.fail_on.unwrap_or(Severity::Error).as_str())));
        let params = crate::align::AlignOptions::default().params;
        out.push_str("\n[align]\n");
        out.push_str(&format!("skip-cost = {}\n", self.align.skip_cost.unwrap_or(params.skip)));
        out.push_str(&format!("merge-cost = {}\n", self.align.merge_cost.unwrap_or(params.merge)));
        out.push_str(&format!(
            "cognate-threshold = {}\n",
            self.align.cognate_threshold.unwrap_or(params.cognate)
        ));
        out.push_str(&format!("dictionary = {}\n", q(self.align.dictionary.as_deref().unwrap_or("auto"))));
        out.push_str("\n[severity]\n");
        let mut effective: BTreeMap<&str, Severity> = BTreeMap::new();
        for (k, v) in &self.severity {
            effective.insert(k, *v);
        }
        for (k, v) in effective {
            let key =
                if k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') { k.to_owned() } else { q(k) };
            out.push_str(&format!("{key} = {}\n", q(v.as_str())));
        }
        out
    }
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// True when a `select`/`ignore` entry names a rule or is a prefix of a rule code.
pub fn rule_key_known(key: &str) -> bool {
    compare::RULES
        .iter()
        .any(|r| r.name == key || r.code.to_ascii_lowercase().starts_with(&key.to_ascii_lowercase()))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The path made absolute against the current folder, with `.` and `..` resolved lexically (symlinks are
/// left alone, so a pattern matches the path the user sees).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `base`, with `/` separators; `None` when it is not under `base`.
fn relative_to(path: &Path, base: &Path) -> Option<String> {
    let rel = path.strip_prefix(base).ok()?;
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    Some(parts.join("/"))
}

/// Matches a relative path against a pattern: `*` and `?` within one path segment, `**` across any
/// number of segments. A pattern without `/` is matched against the file name alone.
pub fn path_matches(pattern: &str, path: &str) -> bool {
    let pattern = pattern.trim_start_matches("./");
    if !pattern.contains('/') {
        let name = path.rsplit('/').next().unwrap_or(path);
        return glob(pattern.as_bytes(), name.as_bytes());
    }
    glob(pattern.as_bytes(), path.as_bytes())
}

fn glob(p: &[u8], s: &[u8]) -> bool {
    match p {
        [] => s.is_empty(),
        [b'*', b'*', b'/', rest @ ..] => {
            // `**/` matches nothing or any run of whole segments.
            glob(rest, s) || s.iter().enumerate().any(|(i, &c)| c == b'/' && glob(rest, &s[i + 1..]))
        }
        [b'*', b'*', rest @ ..] => (0..=s.len()).any(|i| glob(rest, &s[i..])),
        [b'*', rest @ ..] => {
            (0..=s.len()).take_while(|&i| i == 0 || s[i - 1] != b'/').any(|i| glob(rest, &s[i..]))
        }
        [b'?', rest @ ..] => match s {
            [c, tail @ ..] if *c != b'/' => {
                // `?` is one character: skip UTF-8 continuation bytes.
                let extra = tail.iter().take_while(|&&b| b & 0xC0 == 0x80).count();
                glob(rest, &tail[extra..])
            }
            _ => false,
        },
        [c, rest @ ..] => s.first() == Some(c) && glob(rest, &s[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(text, Path::new("provcheck.toml"), PathBuf::from("/news"))
    }

    #[test]
    fn globs() {
        assert!(path_matches("sport/**", "sport/a/b.en.md"));
        assert!(path_matches("**/*.en.md", "a.en.md"));
        assert!(path_matches("**/*.en.md", "x/y/a.en.md"));
        assert!(path_matches("*.en.md", "x/y/a.en.md"), "no slash: the file name");
        assert!(!path_matches("sport/*.md", "sport/a/b.md"), "`*` stays in one segment");
        assert!(path_matches("sport/?.md", "sport/ü.md"));
        assert!(!path_matches("politik/**", "sport/a.md"));
    }

    #[test]
    fn unknown_keys_are_named() {
        let e = parse("selct = [\"TP1\"]\n").map(|_| ()).unwrap_err().to_string();
        assert!(e.starts_with("provcheck.toml:1:1: unknown field `selct`, expected one of"), "{e}");
        let e = parse("[[per-path]]\npaths = [\"a\"]\nignorr = []\n").map(|_| ()).unwrap_err().to_string();
        assert!(e.contains("3:1: unknown field `ignorr`"), "{e}");
        let e = parse("[severity]\nnumber-chaged = \"info\"\n").map(|_| ()).unwrap_err().to_string();
        assert_eq!(
            e,
            "provcheck.toml: `severity`: `number-chaged` is not a rule code or name (see `provcheck rules`)"
        );
        let e = parse("fail-on = \"fatal\"\n").map(|_| ()).unwrap_err().to_string();
        assert!(e.contains("unknown variant `fatal`"), "{e}");
    }

    #[test]
    fn per_path_tables_apply_in_order() {
        let c = parse(
            "ignore = [\"TP104\"]\nselect = [\"TP1\"]\n[severity]\nTP102 = \"error\"\n\
             [[per-path]]\npaths = [\"sport/**\"]\nignore = [\"TP103\"]\n[per-path.severity]\nTP102 = \"info\"\n\
             [[per-path]]\npaths = [\"*.de.md\"]\nselect = [\"TP2\"]\n",
        )
        .expect("parses");
        let s = c.settings_for(Path::new("/news/sport/a.en.md"));
        assert_eq!(s.ignore, ["TP104", "TP103"]);
        assert_eq!(s.select, ["TP1"]);
        assert_eq!(s.severity.last(), Some(&("TP102".to_owned(), Severity::Info)));
        assert_eq!(s.matched, [1]);
        let s = c.settings_for(Path::new("/news/politik/a.de.md"));
        assert_eq!((s.select.as_slice(), s.matched.as_slice()), (&["TP2".to_owned()][..], &[2][..]));
        let s = c.settings_for(Path::new("/elsewhere/sport/a.en.md"));
        assert!(s.matched.is_empty(), "outside the config's folder");
    }

    #[test]
    fn per_path_keys_match_top_level() {
        // Every key a per-path table accepts (besides `paths`) is accepted at the top level, and back.
        let keys = "original-lang = \"de\"\ntranslation-lang = \"en\"\nselect = [\"TP1\"]\nignore = []\n\
                    fail-on = \"info\"\n[align]\nskip-cost = 7.5\ndictionary = \"none\"\n\
                    [severity]\nTP101 = \"warning\"\n";
        let top = parse(keys).expect("top level");
        let per = parse(&format!(
            "[[per-path]]\npaths = [\"**\"]\n{}",
            keys.replace("[severity]", "[per-path.severity]").replace("[align]", "[per-path.align]")
        ))
        .expect("per-path");
        assert_eq!(top.top, per.per_path[0].keys());
    }
}
