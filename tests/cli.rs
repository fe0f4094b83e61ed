//! The command-line contract: exit codes, stdout and stderr for good and bad input.

#![allow(clippy::unwrap_used, reason = "a panic in a test is a failing test")]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_provcheck"));
    c.env_remove("NO_COLOR").current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).stdin(Stdio::null()).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// A scratch directory for this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("provcheck-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(name: &str, bytes: &[u8]) -> String {
    let path = scratch("files").join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts a tool error: exit 2, nothing on stdout, and a message naming the file and the problem.
fn assert_input_error(o: &Output, needles: &[&str]) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
    assert!(o.stdout.is_empty(), "stdout must stay empty, got {:?}", String::from_utf8_lossy(&o.stdout));
    let err = stderr(o);
    assert!(err.starts_with("error: "), "{err}");
    for n in needles {
        assert!(err.contains(n), "stderr lacks {n:?}: {err}");
    }
}

const GOOD_DE: &str = "fixtures/example/original.de.md";
const GOOD_EN: &str = "fixtures/example/translation.en.md";

#[test]
fn missing_file() {
    let o = run(&["check", "no/such/file.md", GOOD_EN]);
    assert_input_error(&o, &["no/such/file.md", "no such file"]);
}

#[test]
fn directory_instead_of_file() {
    let o = run(&["check", "fixtures", GOOD_EN]);
    assert_input_error(&o, &["fixtures: is a directory"]);
}

#[test]
fn invalid_utf8_names_the_offset() {
    let path = write("latin1.txt", b"Gr\xfc\xdfe aus K\xf6ln.\n");
    let o = run(&["check", &path, GOOD_EN]);
    assert_input_error(&o, &[&path, "invalid UTF-8 at byte offset 2 (line 1)"]);
}

#[test]
fn binary_data() {
    let path = write("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let o = run(&["segment", &path]);
    assert_input_error(&o, &[&path, "binary"]);
}

#[test]
fn empty_document() {
    let path = write("empty.md", b"  \n\n<!-- only a comment -->\n");
    let o = run(&["check", GOOD_DE, &path, "--from", "de", "--to", "en"]);
    assert_input_error(&o, &[&path, "holds no text"]);
}

#[test]
fn huge_document() {
    let path = scratch("huge").join("huge.txt");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(65 * 1024 * 1024).unwrap(); // sparse: no disk used
    let p = path.display().to_string();
    let o = run(&["segment", &p]);
    assert_input_error(&o, &[&p, "too large"]);
}

#[test]
fn unknown_language_code() {
    let o = run(&["check", GOOD_DE, GOOD_EN, "--from", "german"]);
    assert_input_error(&o, &["--from", "unknown language code `german`"]);
}

#[test]
fn language_without_pack_falls_back_with_a_note() {
    let o = run(&["segment", GOOD_DE, "--lang", "ja", "--color", "never"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("no language pack for `ja`"), "{}", stderr(&o));
}

#[test]
fn declared_language_that_looks_wrong_warns() {
    let o = run(&["segment", GOOD_DE, "--lang", "en", "--color", "never"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("declared `en`"), "{}", stderr(&o));
}

#[test]
fn both_documents_from_stdin_is_an_error() {
    let o = run(&["check", "-", "-"]);
    assert_input_error(&o, &["standard input"]);
}

#[test]
fn stdin_is_read() {
    let o = run_stdin(
        &["segment", "-", "--lang", "de", "--color", "never"],
        "Erster Satz. Zweiter Satz.".as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn unknown_rule_in_explain_and_select() {
    let o = run(&["explain", "TP999"]);
    assert_input_error(&o, &["unknown rule `TP999`"]);
    let o = run(&["check", GOOD_DE, GOOD_EN, "--select", "no-such-rule"]);
    assert_input_error(&o, &["--select", "no-such-rule"]);
}

#[test]
fn bad_flag_is_a_usage_error() {
    let o = run(&["check", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn rules_list() {
    let o = run(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("rules", String::from_utf8(o.stdout).unwrap());
}

#[test]
fn explain_prints_the_rule_documentation() {
    let o = run(&["explain", "number-changed"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("# TP101 number-changed"), "{out}");
    insta::assert_snapshot!("explain-TP101", out);
}

#[test]
fn same_report_for_the_same_input() {
    let a = run(&["check", GOOD_DE, GOOD_EN, "--format", "json"]);
    let b = run(&["check", GOOD_DE, GOOD_EN, "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
    assert!(!a.stdout.is_empty());
}

#[test]
fn fail_on_controls_the_exit_code() {
    // The same text on both sides: nothing dropped, added or altered.
    let o = run(&["check", GOOD_EN, GOOD_EN, "--from", "en", "--to", "en", "--color", "never"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    // The example has marked defects: errors fail the default run.
    let o = run(&["check", GOOD_DE, GOOD_EN, "--color", "never"]);
    let code = o.status.code();
    let out = String::from_utf8_lossy(&o.stdout);
    let has_error = out.contains("\nerror[") || out.starts_with("error[");
    assert_eq!(code, Some(if has_error { 1 } else { 0 }), "{out}");
}

#[test]
fn batch_reports_bad_lines_and_goes_on() {
    let input = format!(
        "{}\nnot json\n{}\n",
        serde_json::json!({"id": 1, "original": "Die Feuerwehr war mit 200 Fahrzeugen da.", "translation": "The fire brigade came with 200 vehicles.", "original_lang": "de", "translation_lang": "en"}),
        serde_json::json!({"id": "b", "original_path": "missing.md", "translation": "x"}),
    );
    let o = run_stdin(&["batch", "-"], input.as_bytes());
    assert_eq!(o.status.code(), Some(2), "a failed line makes the run fail: {}", stderr(&o));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], 1);
    assert!(lines[0]["findings"].is_array());
    assert!(lines[1]["error"].as_str().unwrap().contains("<stdin>:2"), "{}", lines[1]);
    assert_eq!(lines[2]["id"], "b");
    assert!(lines[2]["error"].as_str().unwrap().contains("missing.md"), "{}", lines[2]);
}

/// `batch` reads `provcheck.toml` as `check` does: upward from the current folder, or the file named
/// with `--config`, or none with `--isolated`. A line whose translation is a file also gets the
/// `[[per-path]]` tables for that file; `--fail-on` wins over the file's `fail-on`.
#[test]
fn batch_honours_the_configuration() {
    let dir = scratch("batch-config");
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    // The demo pair has a changed number, a dropped hedge (a warning) and a dropped attribution.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (de, en) = (root.join(GOOD_DE), root.join(GOOD_EN));
    std::fs::copy(&de, sub.join("story.de.md")).unwrap();
    std::fs::copy(&en, sub.join("story.en.md")).unwrap();
    std::fs::write(
        dir.join("provcheck.toml"),
        "ignore = [\"number-changed\", \"attribution-dropped\"]\nfail-on = \"warning\"\n\n\
         [[per-path]]\npaths = [\"sub/**\"]\nignore = [\"hedge-dropped\"]\n",
    )
    .unwrap();
    let lines = [
        serde_json::json!({"id": "text", "original": std::fs::read_to_string(&de).unwrap(),
            "translation": std::fs::read_to_string(&en).unwrap(), "original_lang": "de", "translation_lang": "en"}),
        serde_json::json!({"id": "file", "original_path": "sub/story.de.md", "translation_path": "sub/story.en.md",
            "original_lang": "de", "translation_lang": "en"}),
    ];
    let input = dir.join("pairs.jsonl");
    std::fs::write(&input, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let batch = |cwd: &std::path::Path, extra: &[&str]| {
        let o = bin()
            .current_dir(cwd)
            .args(["batch", input.to_str().unwrap(), "--no-dictionary"])
            .args(extra)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let rules: Vec<Vec<String>> = String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                let mut r: Vec<String> = v["findings"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{v}"))
                    .iter()
                    .map(|f| f["rule"].as_str().unwrap().to_owned())
                    .collect();
                r.sort();
                r
            })
            .collect();
        (o.status.code(), rules)
    };
    let all = ["attribution-dropped", "hedge-dropped", "number-changed"];

    // Found upward from the current folder: the text line keeps the warning (and `fail-on = "warning"`
    // fails the run on it); the file line matches the per-path table, which drops the warning too.
    let (code, rules) = batch(&sub, &[]);
    assert_eq!(rules, [vec!["hedge-dropped"], vec![]]);
    assert_eq!(code, Some(1));
    assert_eq!(batch(&sub, &["--fail-on", "error"]).0, Some(0), "the flag wins over the file");

    // `--isolated` ignores it; `--config` names it from a folder that has none above.
    let (code, rules) = batch(&sub, &["--isolated"]);
    assert_eq!(rules, [all, all]);
    assert_eq!(code, Some(1));
    let elsewhere = scratch("batch-config-elsewhere");
    assert_eq!(batch(&elsewhere, &[]).1, [all, all]);
    let config = dir.join("provcheck.toml");
    assert_eq!(batch(&elsewhere, &["--config", config.to_str().unwrap()]).1, [vec!["hedge-dropped"], vec![]]);
}
