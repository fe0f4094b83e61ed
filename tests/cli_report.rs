//! The command line of the report features (formats, configuration, baselines, directories): exit codes,
//! standard output and standard error. The pipeline's own behaviour is pinned elsewhere; these tests use
//! pairs whose outcome does not depend on how well it aligns (a sentence more in the original).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("provcheck-cli-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("dir");
    }
    std::fs::write(&path, text).expect("write");
    path
}

fn provcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_provcheck"))
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CI")
        .output()
        .expect("run provcheck")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const ORIGINAL: &str =
    "Die Feuerwehr kam um neun Uhr.\n\nSie blieb bis zum Abend.\n\nDie Ermittlungen dauern an.\n";
const TRANSLATION: &str = "The fire brigade came at nine.\n\nIt stayed until the evening.\n";

/// A pair in a fresh folder: `story.de.md` and `story.en.md`.
fn pair(name: &str) -> PathBuf {
    let dir = scratch(name);
    write(&dir, "story.de.md", ORIGINAL);
    write(&dir, "story.en.md", TRANSLATION);
    dir
}

const CHECK: [&str; 7] = ["check", "story.de.md", "story.en.md", "--from", "de", "--to", "en"];

fn check(dir: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&str> = CHECK.to_vec();
    args.extend_from_slice(extra);
    provcheck(dir, &args)
}

#[test]
fn every_format_renders_the_same_findings() {
    let dir = pair("formats");
    let concise = check(&dir, &["--format", "concise"]);
    let stdout = text(&concise.stdout);
    assert!(stdout.lines().count() >= 1, "{stdout}");
    assert!(
        stdout.lines().all(|l| l.starts_with("story.en.md:") || l.starts_with("story.de.md:")),
        "{stdout}"
    );
    let findings = stdout.lines().count();

    let sarif = check(&dir, &["--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("SARIF is JSON");
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["runs"][0]["results"].as_array().map(Vec::len), Some(findings));

    let github = text(&check(&dir, &["--format", "github"]).stdout);
    assert_eq!(github.lines().count(), findings);
    assert!(github.lines().all(|l| l.starts_with("::")), "{github}");

    let markdown = text(&check(&dir, &["--format", "markdown"]).stdout);
    assert!(markdown.starts_with("### provcheck: `story.en.md` against `story.de.md`\n"), "{markdown}");

    let html = check(&dir, &["--format", "html"]);
    assert!(text(&html.stdout).starts_with("<!DOCTYPE html>\n"));
    assert_eq!(text(&html.stderr), "", "the page carries the notes itself");

    for output in [&concise, &sarif, &html] {
        assert_eq!(
            output.status.code(),
            concise.status.code(),
            "the exit code does not depend on the format"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn default_format_is_full_when_not_a_terminal() {
    let dir = pair("default");
    let default = check(&dir, &[]);
    let full = check(&dir, &["--format", "full"]);
    assert_eq!(default.stdout, full.stdout);
    assert!(text(&default.stdout).contains("\nresult:  "), "{}", text(&default.stdout));
    assert!(!text(&default.stdout).contains('\u{1b}'), "no colour when not a terminal");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn unknown_format_is_a_usage_error() {
    let dir = pair("unknown-format");
    let out = check(&dir, &["--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    assert!(
        text(&out.stderr).contains("invalid value 'pdf' for '--format <FORMAT>'"),
        "{}",
        text(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}
