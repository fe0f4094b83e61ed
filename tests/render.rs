//! Every renderer on one shared set of fabricated findings (built by hand, independent of the rules):
//! a multi-line quotation, German „…“ quotes and Cyrillic names, text that looks like markup, an added
//! sentence (a finding with no original location), a dropped sentence at the end, a demoted finding.
//! One snapshot per format, plus checks that the SARIF log is valid against the SARIF 2.1.0 schema and
//! that the HTML page works in a real browser (headless Chromium).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use provcheck::align::Bead;
use provcheck::compare::{self, Context, Rule};
use provcheck::index::{OrigIdx, TransIdx};
use provcheck::render::{self, Style};
use provcheck::report::{self, DocumentInfo, Finding, Location, Report, SentenceInfo, Severity, Summary};

const ORIGINAL: &str = "# Großbrand in Lagerhalle

Die Feuerwehr war am Dienstag mit 200 Einsatzkräften vor Ort.
„Wir haben das Feuer
unter Kontrolle“, sagte Sprecherin Anna Müller.

Der Betreiber Иван Петров sprach von einem Schaden in Millionenhöhe.
Die Ermittlungen dauern an.
";

const TRANSLATION: &str = "# Major fire in warehouse

The fire brigade was on site on Tuesday with 300 firefighters.
\"We have the fire
under control,\" said spokeswoman Anna Müller.

The operator, Ivan Petrov, spoke of damage in the millions.
Costs are put at <5 million & rising, a *source* said.
";

fn noop(_: &Context<'_>, _: &Rule, _: &mut Vec<Finding>) {}

const DOC: &str = " ## What it checks\n A fabricated rule for renderer tests.\n\n ## Why it matters\n It \
                   does not.\n\n ## Example\n `200` → `300`.\n\n ## Known false positives\n None.\n";

static NUMBER: Rule = Rule {
    code: "TP101",
    name: "number-changed",
    severity: Severity::Error,
    summary: "a number differs between the original and the translation",
    doc: DOC,
    check: noop,
};
static QUOTE: Rule = Rule {
    code: "TP401",
    name: "quote-altered",
    severity: Severity::Error,
    summary: "a quotation says something else in the translation",
    doc: DOC,
    check: noop,
};
static SPELLING: Rule = Rule {
    code: "TP502",
    name: "name-spelling",
    severity: Severity::Info,
    summary: "a name is spelled differently",
    doc: DOC,
    check: noop,
};
static ADDED: Rule = Rule {
    code: "TP002",
    name: "added-sentence",
    severity: Severity::Warning,
    summary: "a translation sentence has no counterpart in the original",
    doc: DOC,
    check: noop,
};
static DROPPED: Rule = Rule {
    code: "TP001",
    name: "dropped-sentence",
    severity: Severity::Warning,
    summary: "an original sentence has no counterpart in the translation",
    doc: DOC,
    check: noop,
};

/// The fabricated rules, sorted by code like the registry.
fn rules() -> Vec<&'static Rule> {
    vec![&DROPPED, &ADDED, &NUMBER, &QUOTE, &SPELLING]
}

/// 1-based line and column in characters.
fn line_col(raw: &str, offset: usize) -> (usize, usize) {
    let before = &raw[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// A document whose sentences are the given raw pieces (each found in order in `raw`).
fn document(path: &str, language: &str, raw: &str, sentences: &[(&str, usize)]) -> DocumentInfo {
    let mut from = 0;
    let sentences = sentences
        .iter()
        .enumerate()
        .map(|(index, &(piece, paragraph))| {
            let start = from + raw[from..].find(piece).expect("sentence in raw");
            from = start + piece.len();
            SentenceInfo {
                index,
                paragraph,
                text: piece.replace('\n', " "),
                span: start..start + piece.len(),
                line: line_col(raw, start).0,
            }
        })
        .collect();
    DocumentInfo {
        path: path.to_owned(),
        language: language.to_owned(),
        language_source: "given".to_owned(),
        sentences,
        raw: raw.to_owned(),
    }
}

/// A location on `needle` inside sentence `sentence` (the whole sentence when `needle` is empty; an
/// insertion point at the sentence's end when `needle` is `"$"`).
fn at(doc: &DocumentInfo, sentence: usize, needle: &str, label: &str) -> Location {
    let s = &doc.sentences[sentence];
    let span = match needle {
        "" => s.span.clone(),
        "$" => s.span.end..s.span.end,
        _ => {
            let start = s.span.start + doc.raw[s.span.clone()].find(needle).expect("needle in sentence");
            start..start + needle.len()
        }
    };
    let (line, column) = line_col(&doc.raw, span.start);
    Location { sentence, text: doc.raw[span.clone()].to_owned(), span, line, column, label: label.to_owned() }
}

fn finding(rule: &Rule, severity: Severity, message: &str) -> Finding {
    Finding {
        code: rule.code,
        rule: rule.name,
        severity,
        message: message.to_owned(),
        translation: None,
        original: None,
        help: None,
        demoted: false,
    }
}

/// The shared report every renderer is tested on.
fn fabricated() -> Report {
    let original = document(
        "news/brand.de.md",
        "de",
        ORIGINAL,
        &[
            ("Großbrand in Lagerhalle", 0),
            ("Die Feuerwehr war am Dienstag mit 200 Einsatzkräften vor Ort.", 1),
            ("„Wir haben das Feuer\nunter Kontrolle“, sagte Sprecherin Anna Müller.", 1),
            ("Der Betreiber Иван Петров sprach von einem Schaden in Millionenhöhe.", 2),
            ("Die Ermittlungen dauern an.", 2),
        ],
    );
    let translation = document(
        "news/brand.en.md",
        "en",
        TRANSLATION,
        &[
            ("Major fire in warehouse", 0),
            ("The fire brigade was on site on Tuesday with 300 firefighters.", 1),
            ("\"We have the fire\nunder control,\" said spokeswoman Anna Müller.", 1),
            ("The operator, Ivan Petrov, spoke of damage in the millions.", 2),
            ("Costs are put at <5 million & rising, a *source* said.", 2),
        ],
    );
    let bead = |o: &[usize], t: &[usize], score: f64, weak: bool| Bead {
        original: o.iter().map(|&i| OrigIdx(i)).collect(),
        translation: t.iter().map(|&i| TransIdx(i)).collect(),
        score,
        low_confidence: weak,
    };
    let beads = vec![
        bead(&[0], &[0], 0.93, false),
        bead(&[1], &[1], 0.88, false),
        bead(&[2], &[2], 0.41, true),
        bead(&[3], &[3], 0.85, false),
        bead(&[], &[4], 0.0, false),
        bead(&[4], &[], 0.0, false),
    ];

    let mut number = finding(&NUMBER, Severity::Error, "the number `200` became `300`");
    number.translation = Some(at(&translation, 1, "300", "`300` here"));
    number.original = Some(at(&original, 1, "200", "`200` in the original"));

    let mut quote = finding(&QUOTE, Severity::Warning, "the quotation of `Anna Müller` reads differently");
    quote.translation = Some(at(&translation, 2, "\"We have the fire\nunder control,\"", "this quotation"));
    quote.original =
        Some(at(&original, 2, "„Wir haben das Feuer\nunter Kontrolle“", "renders this quotation"));
    quote.help = Some("compare the wording with the original's, word for word".to_owned());
    quote.demoted = true;

    let mut name = finding(&SPELLING, Severity::Info, "`Иван Петров` is spelled `Ivan Petrov`");
    name.translation = Some(at(&translation, 3, "Ivan Petrov", "transliterated"));
    name.original = Some(at(&original, 3, "Иван Петров", "Cyrillic in the original"));

    let mut added = finding(
        &ADDED,
        Severity::Warning,
        "the translation adds sentence 5, which has no counterpart in the original",
    );
    added.translation = Some(at(&translation, 4, "", "not in the original"));

    let mut dropped =
        finding(&DROPPED, Severity::Error, "the translation drops original sentence 5 with a number");
    dropped.translation = Some(at(&translation, 4, "$", "nothing here renders the original sentence"));
    dropped.original = Some(at(&original, 4, "", "this sentence is missing from the translation"));

    let mut findings = vec![dropped, added, name, quote, number];
    report::sort_findings(&mut findings);
    Report {
        version: report::FORMAT_VERSION,
        original,
        translation,
        beads,
        claims: Vec::new(),
        findings,
        diffs: Vec::new(),
        summary: Summary {
            original_sentences: 5,
            translation_sentences: 5,
            aligned_beads: 4,
            dropped_sentences: 1,
            added_sentences: 1,
            low_confidence_beads: 1,
            errors: 2,
            warnings: 2,
            infos: 1,
        },
        notes: vec!["news/brand.de.md: declared `de` with --from".to_owned()],
    }
}

fn rendered(f: impl FnOnce(&Report, &mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    f(&fabricated(), &mut out).expect("render");
    String::from_utf8(out).expect("utf-8")
}

fn sarif_text() -> String {
    rendered(|r, out| render::sarif::render(r, &rules(), out))
}

fn html_text() -> String {
    rendered(|r, out| render::html::render(r, out))
}

#[test]
fn fixture_is_what_it_claims() {
    let r = fabricated();
    // The order the renderers rely on: by translation position.
    let codes: Vec<_> = r.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["TP101", "TP401", "TP502", "TP002", "TP001"]);
    assert_eq!(r.findings[1].translation.as_ref().map(|l| (l.line, l.column)), Some((4, 1)));
    assert!(r.findings[1].translation.as_ref().is_some_and(|l| l.text.contains('\n')));
    assert_eq!(r.findings[2].original.as_ref().map(|l| (l.line, l.column)), Some((7, 15)));
}

#[test]
fn full() {
    let text = rendered(|r, out| render::full::render(r, &Style { color: false, width: 100 }, out));
    insta::assert_snapshot!("full", text);
}

#[test]
fn concise() {
    let text = rendered(|r, out| render::concise::render(r, out));
    assert_eq!(text.lines().count(), 5, "one line a finding");
    assert!(text.starts_with("news/brand.en.md:3:46: TP101 the number `200` became `300`\n"));
    insta::assert_snapshot!("concise", text);
}

#[test]
fn json() {
    let text = rendered(|r, out| render::json::render(r, out));
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(5));
    insta::assert_snapshot!("json", text);
}

#[test]
fn github() {
    let text = rendered(|r, out| render::github::render(r, out));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "one command a finding, newlines escaped");
    assert_eq!(
        lines[0],
        "::error file=news/brand.en.md,line=3,col=46,endColumn=49,title=TP101 number-changed::the number \
         `200` became `300`%0Aoriginal (news/brand.de.md:3): Die Feuerwehr war am Dienstag mit 200 \
         Einsatzkräften vor Ort."
    );
    assert!(lines[1].starts_with("::warning file=news/brand.en.md,line=4,endLine=5,title="));
    assert!(lines[2].starts_with("::notice "));
    insta::assert_snapshot!("github", text);
}

#[test]
fn markdown() {
    let text = rendered(|r, out| render::markdown::render(r, out));
    assert!(text.contains(r"Costs are put at \<5 million \& rising, a \*source\* said."));
    assert!(text.contains("**Иван Петров**"));
    insta::assert_snapshot!("markdown", text);
}

#[test]
fn sarif() {
    let text = sarif_text();
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"].as_array().map(Vec::len), Some(5));
    assert_eq!(run["results"][0]["ruleId"], "TP101");
    assert_eq!(run["results"][0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"], "300");
    assert_eq!(
        run["results"][0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "news/brand.de.md"
    );
    assert!(run["results"][3].get("relatedLocations").is_none(), "the added sentence has no original");
    insta::assert_snapshot!("sarif", text);
}

#[test]
fn html() {
    let text = html_text();
    assert!(text.contains("Costs are put at &lt;5 million &amp; rising, a *source* said."));
    assert!(!text.contains("<5 million"), "document text is escaped");
    assert!(!text.contains("src=\"http") && !text.contains("href=\"http"), "no network");
    insta::assert_snapshot!("html", text);
}

/// A tool the test needs: present, or skipped with a message; in CI its absence fails the test.
fn require(tool: &str, why: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "{tool} is required in CI ({why}); .ci/run installs it");
        eprintln!("skipped: {tool} not found ({why})");
    }
    found
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("provcheck-render-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Validates SARIF with Python's `jsonschema` against the vendored schema; returns the error lines.
fn schema_errors(sarif: &str, dir: &Path) -> Vec<String> {
    let file = dir.join("log.sarif");
    std::fs::write(&file, sarif).expect("write");
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let script = "import json, sys, jsonschema\n\
                  schema = json.load(open(sys.argv[1]))\n\
                  log = json.load(open(sys.argv[2]))\n\
                  v = jsonschema.validators.validator_for(schema)(schema)\n\
                  for e in sorted(v.iter_errors(log), key=str):\n    print(list(e.absolute_path), e.message)\n";
    let out =
        Command::new("python3").args(["-c", script]).arg(&schema).arg(&file).output().expect("run python3");
    assert!(out.status.success(), "validator failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect()
}

#[test]
fn sarif_is_valid_against_the_schema() {
    let has_validator = require("python3", "validates SARIF against its schema")
        && Command::new("python3").args(["-c", "import jsonschema"]).status().is_ok_and(|s| s.success());
    if !has_validator {
        assert!(std::env::var_os("CI").is_none(), "python3 with jsonschema is required in CI");
        eprintln!("skipped: python3 with the jsonschema module not found");
        return;
    }
    let dir = scratch("sarif");
    assert_eq!(schema_errors(&sarif_text(), &dir), Vec::<String>::new());
    // With the real registry's metadata (its documentation as help text) too.
    let real = rendered(|r, out| render::sarif::render(r, compare::RULES, out));
    assert_eq!(schema_errors(&real, &dir), Vec::<String>::new());
    // The validator does reject a broken log (so this test can fail).
    let broken = sarif_text().replace("\"startLine\": 3", "\"startLine\": 0");
    assert!(!schema_errors(&broken, &dir).is_empty(), "a line 0 must be rejected");
    let _ = std::fs::remove_dir_all(dir);
}

/// Runs headless Chromium on a page and returns the DOM after its scripts ran.
fn chromium_dom(chromium: &str, page: &Path, fragment: &str, dir: &Path) -> String {
    let url = format!("file://{}{fragment}", page.display());
    let profile = dir.join(format!("profile{}", fragment.len()));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=2000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(&url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("chromium output");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn html_works_in_headless_chromium() {
    if !require("chromium", "renders the HTML report in a real browser") {
        return;
    }
    let dir = scratch("html");
    let page = dir.join("report.html");
    std::fs::write(&page, html_text()).expect("write page");

    let dom = chromium_dom("chromium", &page, "", &dir);
    assert!(dom.contains("5 of 5 findings shown"), "{dom}");
    assert_eq!(dom.matches("<tr class=\"row").count(), 6, "one row a bead");
    assert!(dom.contains("missing from the translation: dropped"), "the dropped sentence's gap");
    assert!(dom.contains("no original sentence: added by the translation"), "the added sentence's gap");
    assert!(dom.contains("the number <code>200</code> became <code>300</code>"));
    assert!(dom.contains("Иван Петров") && dom.contains("„Wir haben das Feuer"));
    assert_eq!(dom.matches("<mark class=\"claim sev-").count(), 8, "spans highlighted in both columns");
    assert!(!dom.contains(" hidden=\"\""), "nothing hidden before filtering");

    // The filters run: only errors, only rows with them.
    let dom = chromium_dom("chromium", &page, "#severity=error&only", &dir);
    assert!(dom.contains("2 of 5 findings shown"), "the script ran and applied the filter: {dom}");
    let hidden_findings = dom.matches("class=\"finding sev-warning\"").count()
        + dom.matches("class=\"finding sev-info\"").count();
    assert_eq!(hidden_findings, 3);
    assert_eq!(dom.matches("data-severity=\"warning\"").count(), 2);
    for line in dom.lines().filter(|l| l.contains("<div class=\"finding sev-")) {
        for part in line.split("<div class=\"finding sev-").skip(1) {
            let hidden = part.split('>').next().is_some_and(|tag| tag.contains("hidden"));
            assert_eq!(hidden, !part.starts_with("error"), "{part}");
        }
    }
    assert!(dom.contains("claim sev-info off"), "the info highlight is switched off");
    // Rows 1 (number) and 5 (dropped) keep their errors; the other four rows are hidden.
    assert_eq!(dom.matches(" hidden=\"\"><td class=\"n\"").count(), 4, "{dom}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn many_pairs_share_one_page_and_one_sarif_run() {
    let (a, b) = (fabricated(), fabricated());
    let mut out = Vec::new();
    render::html::render_many(&[&a, &b], &mut out).expect("render");
    let page = String::from_utf8(out).expect("utf-8");
    assert!(page.contains("<title>provcheck: 2 pairs</title>"));
    assert!(page.contains("id=\"p0-finding-0\"") && page.contains("id=\"p1-finding-0\""), "ids stay unique");
    assert_eq!(page.matches("id=\"p1-finding-").count(), 5);
    assert!(page.contains("<output id=\"shown\">10 of 10 findings shown</output>"));
    let mut out = Vec::new();
    render::sarif::render_many(&[&a, &b], &rules(), &mut out).expect("render");
    let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(v["runs"][0]["results"].as_array().map(Vec::len), Some(10));
    assert_eq!(v["runs"][0]["tool"]["driver"]["rules"].as_array().map(Vec::len), Some(5));
}
