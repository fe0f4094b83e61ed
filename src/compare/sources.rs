//! Kinds of unnamed source: which institution or group an attribution names without a name ("the
//! ministry said", "laut Polizei"), from the cross-language table `lang/sources.toml`.
//!
//! In: a source phrase or a sentence and its language. Out: the keys of the kinds it names (`police`,
//! `ministry`). The attribution comparison uses them to tell "laut Ministerium" rendered "according to
//! the police" (a changed source) from "according to the ministry". It must not guess: a phrase naming
//! no listed kind yields nothing, and a language the table does not list yields nothing.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::compare::common::fold;

const TABLE: &str = include_str!("../../lang/sources.toml");

/// One kind: its key and, per language code, its folded forms.
struct Kind {
    key: String,
    forms: HashMap<String, Vec<Form>>,
}

/// A folded form and its words (split once, not at every look-up: the attribution rules ask for the
/// kinds of every bead).
struct Form {
    text: String,
    parts: Vec<String>,
}

impl Form {
    fn new(text: String) -> Form {
        let parts =
            text.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).map(str::to_owned).collect();
        Form { text, parts }
    }
}

fn table() -> &'static [Kind] {
    static KINDS: OnceLock<Vec<Kind>> = OnceLock::new();
    KINDS.get_or_init(|| {
        // The table is compiled in and checked by a unit test, so a parse failure here means no kinds.
        let Ok(value) = TABLE.parse::<toml::Table>() else { return Vec::new() };
        let Some(kinds) = value.get("kind").and_then(|k| k.as_array()) else { return Vec::new() };
        kinds
            .iter()
            .filter_map(|k| {
                let k = k.as_table()?;
                let key = k.get("key")?.as_str()?.to_owned();
                let forms = k
                    .iter()
                    .filter(|(lang, _)| *lang != "key")
                    .filter_map(|(lang, v)| {
                        let list = v
                            .as_array()?
                            .iter()
                            .filter_map(|f| f.as_str().map(|f| Form::new(fold(f))))
                            .collect();
                        Some((lang.clone(), list))
                    })
                    .collect();
                Some(Kind { key, forms })
            })
            .collect()
    })
}

/// The folded words of a text.
fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Whether the words contain `form`: a phrase word for word, a word itself, or (with `compounds`) a
/// word that begins or ends with it and is at least three letters longer (`polizeisprecher`).
fn contains(words: &[String], form: &Form, compounds: bool) -> bool {
    let (form, parts) = (form.text.as_str(), &form.parts);
    if parts.len() > 1 {
        return words.windows(parts.len()).any(|w| w.iter().zip(parts).all(|(a, b)| a == b));
    }
    words.iter().any(|w| {
        w == form
            || (compounds
                && w.len() >= form.len() + 3
                && form.len() >= 5
                && (w.starts_with(form) || w.ends_with(form)))
    })
}

/// The keys of the kinds of source `text` names in language `code`, in table order.
pub(crate) fn kinds(text: &str, code: &str, compounds: bool) -> Vec<&'static str> {
    let words = words(text);
    table()
        .iter()
        .filter(|k| {
            k.forms.get(code).is_some_and(|forms| forms.iter().any(|f| contains(&words, f, compounds)))
        })
        .map(|k| k.key.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_every_kind_has_english_and_german() {
        assert!(table().len() >= 10);
        for k in table() {
            assert!(k.forms.contains_key("en") && k.forms.contains_key("de"), "{}", k.key);
        }
    }

    #[test]
    fn kinds_in_phrases_and_compounds() {
        assert_eq!(kinds("ein Polizeisprecher", "de", true), ["police"]);
        assert_eq!(kinds("das Innenministerium", "de", true), ["ministry"]);
        assert_eq!(kinds("the fire department", "en", false), ["fire-service"]);
        assert_eq!(kinds("the civil protection agency", "en", false), ["civil-protection"]);
        assert_eq!(kinds("a Autoridade Nacional da Aviação Civil", "pt", false), ["authority"]);
        assert_eq!(kinds("la préfecture du Pas-de-Calais", "fr", false), ["authority"]);
        assert_eq!(kinds("the port of Calais", "en", false), ["port"]);
        // No compounds in English, and nothing for a name or an unknown language.
        assert!(kinds("the policemanship", "en", false).is_empty());
        assert!(kinds("Katrin Albers", "de", true).is_empty());
        assert!(kinds("the police", "xx", false).is_empty());
    }
}
