//! Sentence segmentation: the expected split of every fixture in `fixtures/segment/`, what
//! `provcheck segment` prints for each (snapshots), properties on arbitrary input, and (ignored) the
//! measurements reported in `docs/segmentation.md`.
//!
//! A fixture is `fixtures/segment/<name>.txt` with `<name>.expected` beside it: the expected sentences, one a
//! line, in order. The language is the part of the name before the first `-` (`en-wrapped` is English);
//! a code without a pack (`sv`) exercises the generic fallback.

#![allow(clippy::unwrap_used, reason = "a panic in a test is a failing test")]

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use provcheck::input::{Document, Format};
use provcheck::lang;
use provcheck::segment::{Sentence, segment};
use unicode_normalization::UnicodeNormalization;

struct Fixture {
    name: String,
    lang: String,
    path: PathBuf,
    text: String,
    expected: Vec<String>,
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/segment")
}

fn fixtures() -> Vec<Fixture> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let lang = name.split('-').next().unwrap().to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let expected = std::fs::read_to_string(path.with_extension("expected"))
                .unwrap_or_else(|e| panic!("{name}.expected: {e}"))
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect();
            Fixture { name, lang, path, text, expected }
        })
        .collect()
}

fn sentences(text: &str, code: &str) -> Vec<Sentence> {
    let doc = Document::from_str_with("fixture", text.to_owned(), Format::Plain);
    segment(&doc, lang::resolve(code, "test").unwrap().pack)
}

/// Sentence boundaries as counts of non-space characters before them, so that two splits of the same
/// text compare whatever white space or list bullets they trimmed.
fn boundaries<'s>(sentences: impl IntoIterator<Item = &'s str>) -> Vec<usize> {
    let mut at = 0;
    let mut out = Vec::new();
    for s in sentences {
        at += s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '•' | '*' | '–')).count();
        out.push(at);
    }
    out.pop();
    out
}

/// Boundaries in `expected` that `got` lacks (missed) and boundaries in `got` that `expected` lacks
/// (added).
fn boundary_errors(expected: &[usize], got: &[usize]) -> (usize, usize) {
    let missed = expected.iter().filter(|b| got.binary_search(b).is_err()).count();
    let added = got.iter().filter(|b| expected.binary_search(b).is_err()).count();
    (missed, added)
}

#[test]
fn every_pack_has_a_fixture() {
    let names: Vec<String> = fixtures().into_iter().map(|f| f.lang).collect();
    for code in lang::supported() {
        assert!(names.iter().any(|n| n == code), "no segmentation fixture for `{code}`");
    }
    assert!(
        names.iter().any(|n| lang::resolve(n, "test").is_ok_and(|l| !l.has_pack())),
        "no generic fixture"
    );
}

#[test]
fn fixtures_split_as_expected() {
    let mut failures = Vec::new();
    for f in fixtures() {
        let got: Vec<String> = sentences(&f.text, &f.lang).into_iter().map(|s| s.text).collect();
        if got != f.expected {
            let (expected, got) = (f.expected.join("\n"), got.join("\n"));
            let diff = similar::TextDiff::from_lines(&expected, &got)
                .unified_diff()
                .header("expected", "got")
                .to_string();
            failures.push(format!("{}:\n{diff}", f.name));
        }
    }
    assert!(failures.is_empty(), "fixtures split differently:\n{}", failures.join("\n"));
}

#[test]
fn paragraphs_and_kinds() {
    let got =
        sentences("Titel\nUntertitel\n\nErster Satz. Zweiter Satz.\n\n- Punkt eins\n- Punkt zwei", "de");
    let summary: Vec<(usize, &str)> = got.iter().map(|s| (s.paragraph, s.text.as_str())).collect();
    assert_eq!(
        summary,
        [
            (0, "Titel"),
            (0, "Untertitel"),
            (1, "Erster Satz."),
            (1, "Zweiter Satz."),
            (2, "Punkt eins"),
            (2, "Punkt zwei")
        ]
    );
}

#[test]
fn markdown_blocks_stay_apart() {
    let doc = Document::from_str_with(
        "t.md",
        "# Überschrift ohne Punkt\n\nEin Satz. Noch einer.\n\n* Erster Punkt\n* Zweiter Punkt".to_owned(),
        Format::Markdown,
    );
    let got: Vec<String> = segment(&doc, lang::resolve("de", "test").unwrap().pack)
        .into_iter()
        .map(|s| format!("{:?} {}", s.kind, s.text))
        .collect();
    assert_eq!(
        got,
        [
            "Heading Überschrift ohne Punkt",
            "Paragraph Ein Satz.",
            "Paragraph Noch einer.",
            "ListItem Erster Punkt",
            "ListItem Zweiter Punkt"
        ]
    );
}

fn run_segment(path: &Path, code: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_provcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .args(["segment", "--lang", code, "--color", "never"])
        .arg(path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "segment {} failed: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn segment_command_snapshots() {
    for f in fixtures() {
        let (stdout, stderr) = run_segment(&f.path, &f.lang);
        // What the user sees is what the expectation says: one printed line per expected sentence.
        assert_eq!(stdout.lines().count(), f.expected.len(), "{}: {stdout}", f.name);
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_suffix(f.name.clone());
        settings.bind(|| insta::assert_snapshot!("segment", format!("{stdout}--- stderr ---\n{stderr}")));
    }
}

/// Every sentence lies inside its block, in order, without overlap, on character boundaries, and its
/// text is the document's text over its range with line breaks turned to spaces.
fn check_invariants(doc: &Document, got: &[Sentence]) {
    let mut last_end = 0;
    for s in got {
        assert!(!s.range.is_empty(), "empty sentence {s:?}");
        assert!(s.range.start >= last_end, "overlap or disorder at {s:?}");
        assert!(doc.text.is_char_boundary(s.range.start) && doc.text.is_char_boundary(s.range.end));
        let block = &doc.blocks[s.paragraph];
        assert!(
            block.range.start <= s.range.start && s.range.end <= block.range.end,
            "{s:?} outside {block:?}"
        );
        assert_eq!(block.kind, s.kind);
        assert_eq!(s.text, doc.text[s.range.clone()].replace('\n', " "));
        assert!(!s.text.trim().is_empty() && s.text.trim() == s.text, "untrimmed {s:?}");
        last_end = s.range.end;
    }
}

/// Text built from the pieces segmentation cares about, so that random input hits the rules.
fn tricky_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        ". ", ".", "? ", "!“, ", "… ", "...", " ", "\n", "\n\n", "\r\n", "„", "“", "«", " »", "\u{a0}",
        "Dr. ", "z. B. ", "20. ", "1. ", "- ", "• ", "U.S. ", "J. ", "(dpa) ", "[…] ", "# ", "* ",
    ];
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_owned),
        2 => "[a-zäöüA-ZÄÖÜЖж0-9]{1,8}",
        1 => "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_text_segments_cleanly(text in prop_oneof![tricky_text(), any::<String>()], md in any::<bool>()) {
        let format = if md { Format::Markdown } else { Format::Plain };
        let doc = Document::from_str_with("prop", text, format);
        for code in ["de", "en", "fr", "es", "it", "nl", "pt", "pl", "ru", "is"] {
            let got = segment(&doc, lang::resolve(code, "test").unwrap().pack);
            check_invariants(&doc, &got);
            // Every non-space character of every block lands in some sentence, bullets aside.
            let covered: usize = got.iter().map(|s| s.text.chars().filter(|c| !c.is_whitespace()).count()).sum();
            let total: usize = doc.blocks.iter()
                .map(|b| doc.text[b.range.clone()].chars().filter(|c| !c.is_whitespace()).count())
                .sum();
            prop_assert!(covered <= total);
        }
    }

    #[test]
    fn any_bytes_segment_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(doc) = Document::from_bytes("prop", &bytes, Format::Plain) {
            let got = segment(&doc, lang::resolve("de", "test").unwrap().pack);
            check_invariants(&doc, &got);
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Measurements for docs/segmentation.md: `cargo test --test segment -- --ignored --nocapture figures`

/// Boundary errors on the fixtures, per fixture.
fn fixture_figures() {
    println!("fixture            sentences  missed  added");
    let (mut tm, mut ta, mut tn) = (0, 0, 0);
    for f in fixtures() {
        let got = sentences(&f.text, &f.lang);
        let g = boundaries(got.iter().map(|s| s.text.as_str()));
        let e = boundaries(f.expected.iter().map(String::as_str));
        let (m, a) = boundary_errors(&e, &g);
        println!("{:<18} {:>9}  {m:>6}  {a:>5}", f.name, f.expected.len());
        tm += m;
        ta += a;
        tn += f.expected.len();
    }
    println!("{:<18} {tn:>9}  {tm:>6}  {ta:>5}", "total");
}

/// True when a line ends in sentence punctuation (closing quotes and brackets aside).
fn ends_in_punctuation(line: &str) -> bool {
    line.trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '“' | '’' | '‘' | '»' | '«' | ')' | ']'))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// `../shared/data/<rel>` beside the checkout (or beside the worktree folder a helper works in).
fn shared_data(rel: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/data", "../../shared/data"].iter().map(|p| root.join(p).join(rel)).find(|p| p.exists())
}

/// Gold sentences (one a line) joined into one paragraph per document and split again.
fn parice_figures(side: &str, code: &str) {
    let Some(dir) = shared_data("align/parice_en-is") else {
        eprintln!("skipping ParIce figures: ../shared/data/align/parice_en-is not found");
        return;
    };
    let dir = dir.join(side);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping ParIce figures: {} not found", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    let (mut gold_n, mut unpunct, mut missed, mut added, mut sys_n) = (0, 0, 0, 0, 0);
    for path in paths {
        let raw = std::fs::read_to_string(&path).unwrap();
        // The document is normalised to NFC; so must the gold lines be, for the counts to match.
        let raw: String = raw.nfc().collect();
        let lines: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let joined = lines.join(" ");
        let got = sentences(&joined, code);
        let g = boundaries(got.iter().map(|s| s.text.as_str()));
        let e = boundaries(lines.iter().copied());
        // Boundaries after a line without final punctuation cannot be found in running text.
        let findable: Vec<usize> =
            e.iter().zip(&lines).filter(|(_, l)| ends_in_punctuation(l)).map(|(b, _)| *b).collect();
        let (m, _) = boundary_errors(&findable, &g);
        let (_, a) = boundary_errors(&e, &g);
        if std::env::var_os("SEGMENT_FIGURES_VERBOSE").is_some() {
            show_errors(&path, &findable, &e, &g, &got);
        }
        gold_n += e.len();
        unpunct += e.len() - findable.len();
        missed += m;
        added += a;
        sys_n += g.len();
    }
    println!(
        "ParIce {side} ({code}): {gold_n} gold boundaries, {unpunct} after lines without final punctuation; \
         of the other {}: {missed} missed; {added} added of {sys_n} proposed",
        gold_n - unpunct
    );
}

/// With `SEGMENT_FIGURES_VERBOSE` set: the system sentences around each boundary error.
fn show_errors(path: &Path, findable: &[usize], gold: &[usize], got_b: &[usize], got: &[Sentence]) {
    let name = path.file_name().unwrap().to_string_lossy();
    for (i, b) in got_b.iter().enumerate() {
        if gold.binary_search(b).is_err() {
            println!("  {name} added: {} | {}", got[i].text, got[i + 1].text);
        }
    }
    for b in findable.iter().filter(|b| got_b.binary_search(b).is_err()) {
        let i = got_b.partition_point(|x| x < b);
        println!("  {name} missed: {}", got[i].text);
    }
}

/// WMT newstest2020 German–English: the segments of each article (one or more sentences each, cut by
/// people) joined into one paragraph and split again. Segment ends are sentence ends, so a segment end
/// the splitter misses is an error; splits inside a segment may be right (many segments hold two
/// sentences) and are listed with `SEGMENT_FIGURES_VERBOSE` for reading.
fn news_figures(field: &str, code: &str) {
    let Some(path) = shared_data("news/newstest2020.de-en.docs.jsonl") else {
        eprintln!("skipping news figures: ../shared/data/news not found");
        return;
    };
    let verbose = std::env::var_os("SEGMENT_FIGURES_VERBOSE").is_some();
    let (mut ends, mut unpunct, mut missed, mut inside, mut segments) = (0, 0, 0, 0, 0);
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let segs: Vec<String> = doc[field]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                s.as_str().unwrap().split_whitespace().collect::<Vec<_>>().join(" ").nfc().collect::<String>()
            })
            .filter(|s| !s.is_empty())
            .collect();
        let got = sentences(&segs.join(" "), code);
        let g = boundaries(got.iter().map(|s| s.text.as_str()));
        let e = boundaries(segs.iter().map(String::as_str));
        let findable: Vec<usize> =
            e.iter().zip(&segs).filter(|(_, s)| ends_in_punctuation(s)).map(|(b, _)| *b).collect();
        segments += segs.len();
        ends += e.len();
        unpunct += e.len() - findable.len();
        missed += boundary_errors(&findable, &g).0;
        inside += boundary_errors(&e, &g).1;
        if verbose {
            for b in findable.iter().filter(|b| g.binary_search(b).is_err()) {
                println!("  news missed: {}", got[g.partition_point(|x| x < b)].text);
            }
            for (i, b) in g.iter().enumerate() {
                if e.binary_search(b).is_err() {
                    println!("  news inside: {} | {}", got[i].text, got[i + 1].text);
                }
            }
        }
    }
    println!(
        "newstest2020 {field} ({code}): {segments} segments; of {ends} segment ends {unpunct} have no final \
         punctuation; of the other {}: {missed} missed; {inside} splits inside segments",
        ends - unpunct
    );
}

#[test]
#[ignore = "prints the figures of docs/segmentation.md; needs ../shared/data for the ParIce part"]
fn figures() {
    fixture_figures();
    parice_figures("eng", "en");
    parice_figures("isl", "is");
    news_figures("source", "de");
    news_figures("reference", "en");
}

/// Cases the splitter gets wrong on purpose or for want of syntax, as listed under "Known limitations"
/// in docs/segmentation.md. When one of these starts to pass, update that list.
#[test]
fn known_limitations() {
    let texts = |text: &str, code: &str| -> Vec<String> {
        sentences(text, code).into_iter().map(|s| s.text).collect()
    };
    // `r.` (rok) before a capital: a sentence end here, but mid-sentence in `W 1999 r. Polska wstąpiła`.
    assert_eq!(texts("Sprawa trafi do sądu w 2025 r. Posiedzenie wyznaczono na marzec.", "pl").len(), 1);
    // An abbreviation at the end of a sentence before a name or noun: the capital proves nothing.
    assert_eq!(texts("The goods came from Acme Inc. Officials declined to comment.", "en").len(), 1);
    // A dateline written as a sentence of its own (print style) is split off.
    assert_eq!(texts("Berlin. Die Bundesregierung hat neue Pläne vorgestellt.", "de").len(), 2);
}
