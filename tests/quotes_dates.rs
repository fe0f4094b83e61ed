//! Quotation and date rules on faithful renderings that once raised false warnings: a quoted German
//! compound quoted in several English words, a weekday possessive, and a relative day in apposition to
//! a weekday. The same pairs with a real change keep their finding.

#![allow(clippy::unwrap_used, reason = "a panic in a test is a failing test")]

use provcheck::align::{AlignOptions, DictionaryChoice};
use provcheck::input::{Document, Format};
use provcheck::{Options, Report, check};

fn run(original: &str, translation: &str) -> Report {
    let options = Options {
        original_lang: Some("de".into()),
        translation_lang: Some("en".into()),
        align: AlignOptions { dictionary: DictionaryChoice::Off, ..AlignOptions::default() },
        ..Options::default()
    };
    let o = Document::from_bytes("o.md", original.as_bytes(), Format::Markdown).unwrap();
    let t = Document::from_bytes("t.md", translation.as_bytes(), Format::Markdown).unwrap();
    check(o, t, &options).unwrap()
}

fn rules(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.rule).collect()
}

#[test]
fn a_quoted_term_may_take_several_words() {
    let o = "Die Regierung verlangt von den Lieferanten eine \"Vertrauenswürdigkeitserklärung\".";
    let t = "The government demands a \"declaration of trustworthiness\" from the suppliers.";
    assert!(!rules(&run(o, t)).contains(&"quote-added"), "{:?}", rules(&run(o, t)));
    // Without the quoted term in the original, the quotation is added.
    let o = "Die Regierung verlangt von den Lieferanten eine Vertrauenswürdigkeitserklärung.";
    assert!(rules(&run(o, t)).contains(&"quote-added"), "{:?}", rules(&run(o, t)));
}

#[test]
fn weekday_possessive_and_apposition() {
    let o = "Das Beben vom Donnerstag war stark.\n\nAm heutigen Freitag bebte es erneut.";
    let t = "Thursday's quake was strong.\n\nToday, Friday, the earth shook again.";
    assert!(!rules(&run(o, t)).contains(&"date-changed"), "{:?}", rules(&run(o, t)));
    let t = "Wednesday's quake was strong.\n\nToday, Friday, the earth shook again.";
    assert!(rules(&run(o, t)).contains(&"date-changed"), "{:?}", rules(&run(o, t)));
}
