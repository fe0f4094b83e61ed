//! The fixture pairs under `fixtures/check/`: faithful translations must produce no warning or error,
//! and each single-defect variant must produce exactly its marked finding, on the marked sentence, and
//! no other warning or error. The rendered reports are pinned by snapshots.
//!
//! A marker is an HTML comment `<!-- expect: RULE-NAME -->` right after the translation sentence the
//! finding must point at (see `fixtures/check/README.md`).

#![allow(clippy::unwrap_used, reason = "a panic in a test is a failing test")]

use std::path::{Path, PathBuf};

use provcheck::align::{AlignOptions, DictionaryChoice};
use provcheck::input::{Document, Format};
use provcheck::render::{Style, full, json};
use provcheck::{Options, Report, Severity, check};

/// Pairs whose reports are pinned by snapshots (German and English are first-class; the other
/// languages' reports change as their packs fill up, and are pinned by their expectations alone).
const SNAPSHOT_PAIRS: &[&str] = &["de-en", "en-de"];

/// Fixtures provcheck does not get right yet (`pair/faithful` for a faithful translation with warnings,
/// `pair/file` for a variant), each with the reason. The test fails when one of them starts to pass, so
/// this list can only shrink.
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "de-en/name-missing.en.md",
        "Schmilka (`bei Schmilka`) is in no table: without an installed dictionary nothing tells it from a rare German noun (DICTIONARY_CLOSES)",
    ),
    (
        "en-de/name-added.de.md",
        "Cascais (`Richtung Cascais`) is in no table: without an installed dictionary nothing tells it from a rare German noun (DICTIONARY_CLOSES)",
    ),
    (
        "en-fr/name-added.fr.md",
        "Zaventem is in no table, and the French spelling dictionary lists it with its capital while the English one does not know it: a famous name may have an exonym, so it is not trusted",
    ),
    (
        "en-ru/name-missing.ru.md",
        "Nordic Sea Line is not in the names table; `Nordic` is a capital-only English word the Russian dictionary cannot accept, and such famous words may have exonyms, so it is not trusted",
    ),
    (
        "es-en/name-added.en.md",
        "`Estibas del Sur` is in no table; `Estibas` begins like the original's `estiba` (stevedoring), which the name search takes for it, and `Sur` is too short for a spelling dictionary to make it a name",
    ),
    (
        "es-en/name-missing.en.md",
        "Algeciras is dropped from the list of raided towns but named in the dateline before, and a name found in a neighbouring sentence is not reported",
    ),
    (
        "es-en/negation-flipped.en.md",
        "one of two negated clauses lost its negation (`no ha concluido y no se descartan` as `is not over, and … have been ruled out`): negations are compared by presence per bead. Counting negated clauses (split at clause punctuation and `y`/`and`) finds it, but also flags `not …, nor …` as `weder … noch` and `not as clean, not as clear` as `nicht so sauber und so klar` (5 clean MQM en-de segments), so it is not done",
    ),
    (
        "fr-en/added-sentence.en.md",
        "the short added sentence shares `crossings` with the one before, and a 1:2 bead with it costs 1.3 nats less than a 0:1 bead: its other words (`fares`, `doubled`, `weekend`) are all the evidence against it",
    ),
    (
        "fr-en/name-added.en.md",
        "the added name is in no table, so it is not trusted without an installed spelling dictionary (DICTIONARY_CLOSES)",
    ),
    (
        "it-en/name-added.en.md",
        "the added name is an acronym (RFI) in no table: acronyms are often translated (`PIB` / GDP), so no dictionary makes one trusted",
    ),
    (
        "it-en/name-changed.en.md",
        "both names are in no table (Innsbruck -> Salzburg), so neither is trusted without an installed spelling dictionary (DICTIONARY_CLOSES)",
    ),
    (
        "it-en/name-missing.en.md",
        "Fortezza is in no table and is also an Italian common word (fortress), so not even a spelling dictionary makes it a name",
    ),
    (
        "it-en/quote-altered.en.md",
        "17 words cut to 12, within the length a translation may vary, and the clause cut away (`prima dobbiamo mettere in sicurezza il versante`) carries no claim that would show the cut",
    ),
    (
        "nl-en/name-added.en.md",
        "the Rhine is named in the next original sentence, and a name found in a neighbouring sentence is not reported",
    ),
    (
        "pl-en/dropped-sentence-plain.en.md",
        "the dropped sentence (`Kierowcy skarżą się na brak informacji`) shares `kierowcy` (drivers) with the next one, which the translation splits in two: a 2:2 bead costs 0.3 nats less than a 1:0 and a 1:2 bead",
    ),
    (
        "pt-en/name-added.en.md",
        "the added name is in no table, so it is not trusted without an installed spelling dictionary (DICTIONARY_CLOSES)",
    ),
    (
        "pt-en/name-missing.en.md",
        "São Miguel is in no table, and the Brazilian spelling dictionary accepts `miguel` in lower case, so not every Portuguese dictionary makes `Miguel` a name",
    ),
];

/// Known gaps that installed word lists close: the German–English dictionary (German places that no
/// table lists), and the Hunspell spelling dictionaries (names that no table lists, see
/// `lang::spelling`). `with_an_installed_dictionary` asserts they pass with them.
const DICTIONARY_CLOSES: &[&str] = &[
    "de-en/name-missing.en.md",
    "en-de/name-added.de.md",
    "fr-en/name-added.en.md",
    "it-en/name-changed.en.md",
    "pt-en/name-added.en.md",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The language code in a name like `translation.en.md`.
fn lang_of(path: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    stem.rsplit('.').next().unwrap_or_default().to_owned()
}

fn doc(path: &Path) -> Document {
    let rel = path.strip_prefix(root()).unwrap_or(path).display().to_string();
    let bytes = std::fs::read(path).unwrap();
    Document::from_bytes(&rel, &bytes, Format::Markdown).unwrap()
}

fn run(original: &Path, translation: &Path) -> Report {
    run_with(original, translation, DictionaryChoice::Off)
}

fn run_with(original: &Path, translation: &Path, dictionary: DictionaryChoice) -> Report {
    let options = Options {
        original_lang: Some(lang_of(original)),
        translation_lang: Some(lang_of(translation)),
        // `run` gives the same results on every machine: an installed FreeDict dictionary is not used
        // (`with_an_installed_dictionary` runs the pairs with one when the machine has it).
        align: AlignOptions { dictionary, ..AlignOptions::default() },
        ..Options::default()
    };
    check(doc(original), doc(translation), &options).unwrap()
}

fn text_report(report: &Report) -> String {
    let mut out = Vec::new();
    full::render(report, &Style { color: false, width: 100 }, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn json_report(report: &Report) -> String {
    let mut out = Vec::new();
    json::render(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The pair directories and their original and faithful translation.
fn pairs() -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("fixtures/check")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let find = |prefix: &str| {
            std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
                .unwrap_or_else(|| panic!("{}: no {prefix}.*.md", dir.display()))
        };
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        out.push((name, find("original."), find("translation.")));
    }
    out.sort();
    assert!(out.len() >= 2, "expected at least the de-en and en-de pairs");
    out
}

/// The marked rule and the index of the translation sentence the marker follows.
fn expectation(path: &Path, report: &Report) -> (String, usize) {
    let raw = std::fs::read_to_string(path).unwrap();
    let markers: Vec<_> = raw.match_indices("<!-- expect:").collect();
    assert_eq!(markers.len(), 1, "{}: exactly one marker expected", path.display());
    let at = markers[0].0;
    let end = raw[at..].find("-->").map(|e| at + e).unwrap();
    let rule = raw[at + "<!-- expect:".len()..end].trim().to_owned();
    let sentence = report
        .translation
        .sentences
        .iter()
        .filter(|s| s.span.start < at)
        .map(|s| s.index)
        .next_back()
        .unwrap_or(0);
    (rule, sentence)
}

fn serious(report: &Report) -> Vec<&provcheck::Finding> {
    report.findings.iter().filter(|f| f.severity >= Severity::Warning).collect()
}

fn describe(report: &Report) -> String {
    report
        .findings
        .iter()
        .map(|f| {
            format!(
                "  {} {} {} (translation sentence {:?}): {}",
                f.severity,
                f.code,
                f.rule,
                f.translation.as_ref().map(|l| l.sentence),
                f.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn faithful_translations_are_clean() {
    let mut failures = Vec::new();
    let mut passing_gaps = Vec::new();
    for (name, original, translation) in pairs() {
        let report = run(&original, &translation);
        let id = format!("{name}/faithful");
        let gap = KNOWN_GAPS.iter().any(|(g, _)| *g == id);
        match (serious(&report).is_empty(), gap) {
            (true, true) => passing_gaps.push(id),
            (false, false) => failures.push(format!("{id}: warnings or errors:\n{}", describe(&report))),
            _ => {}
        }
        if SNAPSHOT_PAIRS.contains(&name.as_str()) {
            insta::assert_snapshot!(format!("faithful-{name}"), text_report(&report));
            insta::assert_snapshot!(format!("faithful-{name}-json"), json_report(&report));
        }
    }
    assert!(passing_gaps.is_empty(), "these now pass; remove them from KNOWN_GAPS: {passing_gaps:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn each_variant_has_its_finding_and_no_other() {
    let mut failures = Vec::new();
    let mut passing_gaps = Vec::new();
    let mut count = 0;
    for (name, original, _) in pairs() {
        let dir = original.parent().unwrap().join("variants");
        let mut variants: Vec<PathBuf> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        variants.sort();
        for variant in variants {
            count += 1;
            let id = format!("{name}/{}", variant.file_name().unwrap().to_string_lossy());
            let report = run(&original, &variant);
            let (rule, sentence) = expectation(&variant, &report);
            let ok = exactly_expected(&report, &rule, sentence);
            let gap = KNOWN_GAPS.iter().any(|(g, _)| *g == id);
            match (ok, gap) {
                (true, true) => passing_gaps.push(id.clone()),
                (false, false) => failures.push(format!(
                    "{id}: expected `{rule}` on translation sentence {sentence}, got:\n{}",
                    describe(&report)
                )),
                _ => {}
            }
            if SNAPSHOT_PAIRS.contains(&name.as_str()) {
                let snap = id.replace(['/', '.'], "-");
                insta::assert_snapshot!(format!("variant-{snap}"), text_report(&report));
            }
        }
    }
    assert!(count >= 40, "expected the variants of both pairs, found {count}");
    assert!(passing_gaps.is_empty(), "these now pass; remove them from KNOWN_GAPS: {passing_gaps:?}");
    assert!(failures.is_empty(), "{} of {count} variants failed:\n{}", failures.len(), failures.join("\n\n"));
}

/// Whether the report's only warning or error is the expected one, on the expected sentence.
fn exactly_expected(report: &Report, rule: &str, sentence: usize) -> bool {
    let found = serious(report);
    let hit = found
        .iter()
        .any(|f| f.rule == rule && f.translation.as_ref().is_some_and(|l| l.sentence == sentence));
    hit && found.iter().all(|f| f.rule == rule) && found.len() == 1
}

/// With an installed German–English FreeDict dictionary (Debian `dict-freedict-deu-eng`), the German and
/// English pairs give the same verdicts: faithful pairs clean, each variant outside KNOWN_GAPS (and each
/// in DICTIONARY_CLOSES) exactly its finding. Skipped, saying so, on a machine without the dictionary;
/// `.ci/run` installs it.
#[test]
fn with_an_installed_dictionary() {
    use provcheck::align::dictionary;
    use provcheck::lang::spelling;
    let mut failures = Vec::new();
    let mut skipped = Vec::new();
    for (name, original, translation) in pairs() {
        let (o, t) = (lang_of(&original), lang_of(&translation));
        // What the pair's checks may consult: the dictd dictionary for German (whose nouns all take a
        // capital, so no spelling dictionary tells its names), a Hunspell dictionary for the others.
        let mut missing = Vec::new();
        if o == "de" || t == "de" {
            let loaded = dictionary::resolve(&DictionaryChoice::Auto, &o, &t)
                .is_ok_and(|r| matches!(r.choice, DictionaryChoice::Loaded(..)));
            if !loaded {
                missing.push(format!("the {o}-{t} dictd dictionary under {}", dictionary::DEFAULT_DIR));
            }
        }
        for code in [&o, &t].into_iter().filter(|c| c.as_str() != "de") {
            if spelling::path_for(code).is_none() {
                missing.push(format!("a Hunspell dictionary for `{code}`"));
            }
        }
        if !missing.is_empty() {
            skipped.push(format!("{name} (no {})", missing.join(", no ")));
            continue;
        }
        let report = run_with(&original, &translation, DictionaryChoice::Auto);
        if !serious(&report).is_empty() {
            failures.push(format!("{name}/faithful:\n{}", describe(&report)));
        }
        let dir = original.parent().unwrap().join("variants");
        let mut variants: Vec<PathBuf> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        variants.sort();
        for variant in variants {
            let id = format!("{name}/{}", variant.file_name().unwrap().to_string_lossy());
            if KNOWN_GAPS.iter().any(|(g, _)| *g == id) && !DICTIONARY_CLOSES.contains(&id.as_str()) {
                continue;
            }
            let report = run_with(&original, &variant, DictionaryChoice::Auto);
            let (rule, sentence) = expectation(&variant, &report);
            if !exactly_expected(&report, &rule, sentence) {
                failures.push(format!(
                    "{id}: expected `{rule}` on translation sentence {sentence}, got:\n{}",
                    describe(&report)
                ));
            }
        }
    }
    if !skipped.is_empty() {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install the dictionaries .ci/run names; skipped: {}",
            skipped.join("; ")
        );
        eprintln!(
            "skipped with installed dictionaries (apt install dict-freedict-deu-eng dict-freedict-eng-deu \
             hunspell-en-us hunspell-fr …): {}",
            skipped.join("; ")
        );
    }
    assert!(failures.is_empty(), "with the installed dictionaries:\n{}", failures.join("\n\n"));
}

#[test]
fn example_pair_reports_its_three_defects() {
    let dir = root().join("fixtures/example");
    let report = run(&dir.join("original.de.md"), &dir.join("translation.en.md"));
    let raw = std::fs::read_to_string(dir.join("translation.en.md")).unwrap();
    let mut expected: Vec<(String, usize)> = raw
        .match_indices("<!-- expect:")
        .map(|(at, _)| {
            let end = raw[at..].find("-->").map(|e| at + e).unwrap();
            let rule = raw[at + "<!-- expect:".len()..end].trim().to_owned();
            let s = report
                .translation
                .sentences
                .iter()
                .filter(|s| s.span.start < at)
                .map(|s| s.index)
                .next_back();
            (rule, s.unwrap_or(0))
        })
        .collect();
    expected.sort();
    let mut got: Vec<(String, usize)> = serious(&report)
        .iter()
        .map(|f| (f.rule.to_owned(), f.translation.as_ref().map_or(usize::MAX, |l| l.sentence)))
        .collect();
    got.sort();
    assert_eq!(got, expected, "example findings:\n{}", describe(&report));
    let text = text_report(&report);
    // The README shows this report under its set-up commands; keep the two in step.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains(text.trim_end()), "README.md must show the example report as the tool prints it");
    insta::assert_snapshot!("example", text);
}
