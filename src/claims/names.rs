//! The cross-language names table: `lang/names.toml` (written by hand) and `lang/names_cldr.toml`
//! (countries and cities generated from CLDR by `scripts/cldr_names.py`), embedded at build time.
//!
//! In: a sentence's tokens. Out: the longest table entry starting at a token, with its canonical key and
//! kind. A form matches word by word on folded text; its last word may carry one of the language's
//! `name_endings` (`Putins`, `Putin's`); a capitalised form needs capitalised text, and a form whose first
//! word is in capitals (`UN`) text in capitals. The table is data only; the format is documented in
//! `docs/claims.md`.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use super::EntityKind;
use super::tokens::{Token, tokenize};

const HAND: &str = include_str!("../../lang/names.toml");
const CLDR: &str = include_str!("../../lang/names_cldr.toml");

/// One form of a name, as folded words.
#[derive(Debug)]
struct Form {
    rest: Vec<String>,
    entry: usize,
    /// The form is written with a capital, so the text must be too.
    capital: bool,
    /// The form's first word is written in capitals (`UN`, `EU`), so the text's must be too: `Un` is
    /// the French and Spanish article, `Usa` or `Uno` need forms of their own.
    caps: bool,
    /// The only language whose text the form is matched in (`de:Island`: Iceland in German, an ordinary
    /// word in English).
    lang: Option<String>,
}

/// The parsed table.
#[derive(Debug, Default)]
pub struct NameTable {
    /// Canonical key and kind of each entry.
    pub entries: Vec<(String, EntityKind)>,
    by_first: HashMap<String, Vec<Form>>,
    /// Every form of each entry, folded (`fold_name`), for searching text that extraction did not tag.
    forms: Vec<Vec<String>>,
    /// The forms of each entry listed under `[demonym]`, folded.
    demonyms: Vec<Vec<String>>,
}

/// A table match.
#[derive(Debug, Clone)]
pub struct NameMatch {
    /// Tokens covered.
    pub len: usize,
    pub key: String,
    pub kind: EntityKind,
}

fn kind_of(section: &str) -> EntityKind {
    match section {
        "person" => EntityKind::Person,
        "organisation" => EntityKind::Organisation,
        _ => EntityKind::Place,
    }
}

impl NameTable {
    fn parse(sources: &[&str]) -> NameTable {
        let mut table = NameTable::default();
        let mut index: HashMap<String, usize> = HashMap::new();
        for src in sources {
            // The files are embedded and checked by `tests::table_parses`; a broken one leaves the table
            // without its entries rather than panicking in a user's run.
            let Ok(doc) = toml::from_str::<BTreeMap<String, BTreeMap<String, Vec<String>>>>(src) else {
                continue;
            };
            // Hand-written sections in a fixed order: a key's kind comes from its first section.
            for section in ["person", "organisation", "place", "demonym"] {
                let Some(entries) = doc.get(section) else { continue };
                for (key, forms) in entries {
                    let entry = *index.entry(key.clone()).or_insert_with(|| {
                        table.entries.push((key.clone(), kind_of(section)));
                        table.forms.push(vec![fold_name(key)]);
                        table.demonyms.push(Vec::new());
                        table.entries.len() - 1
                    });
                    for form in forms {
                        table.insert(form, entry);
                        table.forms[entry].push(fold_name(split_lang(form).1));
                        if section == "demonym" {
                            table.demonyms[entry].push(fold_name(split_lang(form).1));
                        }
                    }
                }
            }
        }
        for forms in table.by_first.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.rest.len()));
        }
        table
    }

    fn insert(&mut self, form: &str, entry: usize) {
        let (lang, form) = split_lang(form);
        let lang = lang.map(str::to_owned);
        let words: Vec<String> = tokenize(form).into_iter().map(|t| t.lower).collect();
        let Some((first, rest)) = words.split_first() else { return };
        let capital = form.chars().next().is_some_and(char::is_uppercase);
        let head: String = form.chars().take_while(|c| c.is_alphabetic()).collect();
        let caps = head.chars().count() >= 2 && head.chars().all(char::is_uppercase);
        self.by_first.entry(first.clone()).or_default().push(Form {
            rest: rest.to_vec(),
            entry,
            capital,
            caps,
            lang,
        });
    }

    /// All forms of the entry with canonical key `key`, folded; empty for a key the table lacks.
    pub fn forms_of(&self, key: &str) -> &[String] {
        self.entries.iter().position(|(k, _)| k == key).map_or(&[], |i| self.forms[i].as_slice())
    }

    /// Whether `text` is an adjective or inhabitant form of the entry `key` (`Dutch`, `russischen`):
    /// one of its `[demonym]` forms, possibly with an inflected ending.
    pub fn is_demonym(&self, key: &str, text: &str) -> bool {
        let text = fold_name(text);
        self.entries.iter().position(|(k, _)| k == key).is_some_and(|i| {
            // `Germany` starts like `German` but is the country's own form.
            let own = self.forms[i].contains(&text) && !self.demonyms[i].contains(&text);
            !own && self.demonyms[i].iter().any(|f| text.starts_with(f.as_str()) && text.len() <= f.len() + 3)
        })
    }

    /// The longest entry starting at token `i`. `endings` are the language's name endings.
    pub fn match_at(
        &self,
        text: &str,
        toks: &[Token],
        i: usize,
        lang: &str,
        endings: &[String],
        prefixes: &[String],
    ) -> Option<NameMatch> {
        let first = toks.get(i)?;
        let capitalised = first.is_capitalised(text);
        let stems = |t: &Token| -> Vec<String> {
            let mut v = vec![t.lower.clone()];
            for e in endings {
                // `USA's` may lose its `'s`; `Ems` may not lose its `s`.
                let min = if e.starts_with('\'') { 2 } else { 4 };
                if let Some(s) = t.lower.strip_suffix(e.as_str())
                    && s.chars().count() >= min
                {
                    v.push(s.to_owned());
                }
            }
            v
        };
        let mut best: Option<(usize, usize)> = None;
        let mut candidates: Vec<(String, bool)> = stems(first).into_iter().map(|s| (s, false)).collect();
        // `nordfranzösischen`: a prefix before a lower-case (adjective) form; `Südengland`: before a
        // place's name, in a capitalised word.
        let initial = Some(i) == toks.iter().position(|t| t.kind != super::tokens::TokKind::Punct);
        let lower_ok = !capitalised || initial;
        for p in prefixes {
            if let Some(rest) = first.lower.strip_prefix(p.as_str())
                && rest.chars().count() >= 4
            {
                let rest_tok = Token { lower: rest.to_owned(), ..first.clone() };
                candidates.extend(stems(&rest_tok).into_iter().map(|s| (s, true)));
            }
        }
        for (k, (stem, prefixed)) in candidates.into_iter().enumerate() {
            let Some(forms) = self.by_first.get(&stem) else { continue };
            for f in forms {
                let caps_text =
                    || first.text(text).chars().take(stem.chars().count()).all(|c| !c.is_lowercase());
                if f.capital && !capitalised
                    || f.caps && !caps_text()
                    || prefixed
                        && (!f.rest.is_empty()
                            || if f.capital {
                                !capitalised || self.entries[f.entry].1 != EntityKind::Place
                            } else {
                                !lower_ok
                            })
                    || f.lang.as_deref().is_some_and(|l| l != lang)
                {
                    continue;
                }
                // An ending on the first word is only allowed when it is also the last.
                if k > 0 && !f.rest.is_empty() {
                    continue;
                }
                let fits = f.rest.iter().enumerate().all(|(n, w)| {
                    let Some(t) = toks.get(i + 1 + n) else { return false };
                    if n + 1 == f.rest.len() { stems(t).contains(w) } else { &t.lower == w }
                });
                if fits && best.is_none_or(|(len, _)| f.rest.len() + 1 > len) {
                    best = Some((f.rest.len() + 1, f.entry));
                }
            }
        }
        let (len, entry) = best?;
        let (key, kind) = &self.entries[entry];
        Some(NameMatch { len, key: key.clone(), kind: *kind })
    }
}

/// A form's language prefix, if any: `de:Island` → (`de`, `Island`).
fn split_lang(form: &str) -> (Option<&str>, &str) {
    match form.split_once(':') {
        Some((code, rest)) if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) => {
            (Some(code), rest)
        }
        _ => (None, form),
    }
}

/// The table, parsed once.
pub fn table() -> &'static NameTable {
    static TABLE: OnceLock<NameTable> = OnceLock::new();
    TABLE.get_or_init(|| NameTable::parse(&[HAND, CLDR]))
}

/// Whether a letter is a Latin letter with a diacritic (`é`, `ł`, `ğ`, `ạ`), not ASCII.
pub fn is_latin_accented(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic()
}

/// Text folded for matching across languages and scripts: transliterated to ASCII, lower case.
pub fn fold_ascii(text: &str) -> String {
    // `any_ascii` leaves ASCII as it is and writes ASCII, whose lower case needs no Unicode tables.
    let mut out = if text.is_ascii() { text.to_owned() } else { any_ascii::any_ascii(text) };
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        out.to_lowercase()
    }
}

/// The folded form of a name for comparison: [`fold_ascii`], hyphens as spaces, spaces collapsed.
pub fn fold_name(text: &str) -> String {
    fold_ascii(text).replace(['-', '‐', '–'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses() {
        for src in [HAND, CLDR] {
            let doc: BTreeMap<String, BTreeMap<String, Vec<String>>> =
                toml::from_str(src).unwrap_or_else(|e| panic!("names table: {e}"));
            for section in doc.keys() {
                assert!(
                    ["person", "organisation", "place", "demonym"].contains(&section.as_str()),
                    "unknown section [{section}]"
                );
            }
        }
        assert!(table().entries.len() > 400);
    }

    #[test]
    fn exonyms_share_a_key() {
        let t = table();
        let key = |s: &str| {
            let toks = tokenize(s);
            t.match_at(
                s,
                &toks,
                0,
                "de",
                &["s".to_owned(), "'s".to_owned(), "en".to_owned()],
                &["nord".to_owned()],
            )
            .map(|m| m.key)
        };
        for s in ["Moskau", "Moscow", "Moscou", "Mosca", "Moscú", "Москва"] {
            assert_eq!(key(s).as_deref(), Some("moscow"), "{s}");
        }
        assert_eq!(key("Bergkarabach"), key("Nagorno-Karabakh"));
        assert_eq!(key("Aserbaidschan"), key("Azerbaijan"));
        assert_eq!(key("Selenskyj"), key("Zelenskyy"));
        assert_eq!(key("Putins").as_deref(), Some("vladimir-putin"));
        assert_eq!(key("Putin's").as_deref(), Some("vladimir-putin"));
        assert_eq!(key("Weißen Haus"), key("White House"));
        assert_eq!(key("nordfranzösischen").as_deref(), Some("france"));
        assert!(t.is_demonym("netherlands", "Dutch"));
        assert!(t.is_demonym("russia", "russischen"));
        assert!(!t.is_demonym("netherlands", "Nederland"));
        assert!(!t.is_demonym("germany", "Germany"));
        // A capitalised form does not match lower-case text.
        assert_eq!(key("china"), None);
    }
}
