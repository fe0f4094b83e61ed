//! The command line of the report features (formats, configuration, waivers, baselines, folders): exit
//! codes, standard output and standard error. The pipeline's own behaviour is pinned elsewhere; these
//! tests use two-sentence pairs whose only finding is a changed number (`12` → `14`, TP101), which does
//! not depend on how the aligner weighs a dropped sentence. `--no-dictionary` keeps them independent of
//! what is installed.

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

const ORIGINAL: &str = "Die Feuerwehr kam mit 12 Fahrzeugen.\n\nDer Einsatz dauerte bis zum Abend.\n";
/// The translation, with one error-level finding: TP101 on line 1.
const TRANSLATION: &str =
    "The fire brigade came with 14 vehicles.\n\nThe operation lasted until the evening.\n";
const FAITHFUL: &str = "The fire brigade came with 12 vehicles.\n\nThe operation lasted until the evening.\n";
const FINDING: &str = ":1:28: TP101 number changed: `12` in the original, `14` in the translation\n";

/// A pair in a fresh folder: `story.de.md` and `story.en.md`.
fn pair(name: &str) -> PathBuf {
    let dir = scratch(name);
    write(&dir, "story.de.md", ORIGINAL);
    write(&dir, "story.en.md", TRANSLATION);
    dir
}

/// `--isolated`: no stray `provcheck.toml` above the scratch folder can change these runs.
const CHECK: [&str; 9] =
    ["check", "story.de.md", "story.en.md", "--from", "de", "--to", "en", "--isolated", "--no-dictionary"];

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

/// The pair in `sub/` under a folder holding `provcheck.toml` with `config`.
fn configured(name: &str, config: &str) -> PathBuf {
    let dir = scratch(name);
    write(&dir, "provcheck.toml", config);
    write(&dir, "sub/story.de.md", ORIGINAL);
    write(&dir, "sub/story.en.md", TRANSLATION);
    dir
}

const SUB: [&str; 4] = ["check", "sub/story.de.md", "sub/story.en.md", "--no-dictionary"];

fn check_sub(dir: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&str> = SUB.to_vec();
    args.extend_from_slice(&["--format", "concise"]);
    args.extend_from_slice(extra);
    provcheck(dir, &args)
}

#[test]
fn configuration_is_found_upward_and_flags_win() {
    let dir = configured(
        "config-upward",
        "original-lang = \"de\"\ntranslation-lang = \"en\"\nfail-on = \"warning\"\n\n[severity]\n\
         number-changed = \"warning\"\n",
    );
    let out = check_sub(&dir, &[]);
    assert_eq!(
        text(&out.stdout),
        "sub/story.en.md:1:28: TP101 number changed: `12` in the original, `14` in the translation\n"
    );
    assert_eq!(out.status.code(), Some(1), "a warning now, and fail-on = warning");
    assert_eq!(text(&out.stderr), "", "languages came from the file, so nothing was detected");

    let out = check_sub(&dir, &["--fail-on", "error"]);
    assert_eq!(out.status.code(), Some(0), "--fail-on wins over the file");

    let out = check_sub(&dir, &["--isolated", "--from", "de", "--to", "en", "--fail-on", "warning"]);
    assert_eq!(out.status.code(), Some(1), "--isolated ignores the file");
    let sarif = provcheck(
        &dir,
        &[&SUB[..], &["--isolated", "--from", "de", "--to", "en", "--format", "sarif"]].concat(),
    );
    let v: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("JSON");
    assert_eq!(v["runs"][0]["results"][0]["level"], "error", "no severity override without the file");

    write(&dir, "other.toml", "ignore = [\"number-changed\"]\n");
    let out = check_sub(&dir, &["--config", "other.toml", "--from", "de", "--to", "en"]);
    assert_eq!((text(&out.stdout).as_str(), out.status.code()), ("", Some(0)));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn per_path_settings_apply_to_matching_translations() {
    let dir = configured(
        "config-per-path",
        "original-lang = \"de\"\ntranslation-lang = \"en\"\n\n[[per-path]]\npaths = [\"sub/**\"]\n\
         ignore = [\"TP1\"]\n[per-path.align]\nskip-cost = 9\ndictionary = \"none\"\n\n[[per-path]]\npaths = [\"elsewhere/*.md\"]\nfail-on = \"info\"\n",
    );
    let out = check_sub(&dir, &[]);
    assert_eq!((text(&out.stdout).as_str(), out.status.code()), ("", Some(0)));

    let out = provcheck(&dir, &["config", "sub/story.en.md"]);
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    let path = dir.join("provcheck.toml");
    assert_eq!(
        shown,
        format!(
            "# configuration: {}\n# per-path tables applied: #1\noriginal-lang = \"de\"\n\
             translation-lang = \"en\"\n# select = all rules\nignore = [\"TP1\"]\nfail-on = \"error\"\n\n\
             [align]\nskip-cost = 9\nmerge-cost = 2.5\ncognate-threshold = 0.88\ndictionary = \"none\"\n\n\
             [severity]\n",
            path.display()
        )
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn configuration_errors_name_the_key_and_exit_2() {
    let dir = configured("config-unknown", "translation-lang = \"en\"\nselct = [\"TP1\"]\n");
    let out = check_sub(&dir, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    let path = dir.join("provcheck.toml");
    assert_eq!(
        text(&out.stderr),
        format!(
            "error: {}:2:1: unknown field `selct`, expected one of `original-lang`, `translation-lang`, \
             `select`, `ignore`, `fail-on`, `align`, `severity`, `per-path`\n",
            path.display()
        )
    );

    write(&dir, "provcheck.toml", "ignore = [\"TP9\"]\n");
    let out = check_sub(&dir, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!("error: {}: `ignore`: no rule matches `TP9` (see `provcheck rules`)\n", path.display())
    );

    let out = check_sub(&dir, &["--config", "missing.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "error: missing.toml: cannot read: no such file\n");

    let out = check_sub(&dir, &["--config", "missing.toml", "--isolated"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("'--config <PATH>' cannot be used with '--isolated'"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn waiver_comments_allow_a_rule_on_a_sentence() {
    let dir = pair("waiver");
    let before = check(&dir, &["--format", "concise"]);
    assert_eq!((text(&before.stdout), before.status.code()), (format!("story.en.md{FINDING}"), Some(1)));

    let waived = TRANSLATION.replace("vehicles.", "vehicles. <!-- provcheck: allow number-changed -->");
    write(&dir, "story.en.md", &waived);
    let out = check(&dir, &["--format", "concise"]);
    assert_eq!((text(&out.stdout).as_str(), out.status.code()), ("", Some(0)));
    assert_eq!(text(&out.stderr), "note: story.en.md: 1 finding waived by comments in the translation\n");

    // On a line of its own, a waiver applies to the next sentence.
    write(&dir, "story.en.md", &format!("<!-- provcheck: allow TP1 -->\n{TRANSLATION}"));
    assert_eq!(check(&dir, &["--format", "concise"]).status.code(), Some(0));

    // A waiver on another sentence, or for another rule, waives nothing; one naming no rule says so.
    let elsewhere = TRANSLATION.replace("evening.", "evening. <!-- provcheck: allow number-changed -->");
    write(&dir, "story.en.md", &elsewhere);
    assert_eq!(check(&dir, &["--format", "concise"]).status.code(), Some(1));
    let other = TRANSLATION.replace("vehicles.", "vehicles. <!-- provcheck: allow date-changed, TP9 -->");
    write(&dir, "story.en.md", &other);
    let out = check(&dir, &["--format", "concise"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "note: story.en.md:1: the waiver names no rule `TP9` (see `provcheck rules`)\n"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn baseline_reports_only_new_findings() {
    let dir = pair("baseline");
    let out = check(&dir, &["--write-baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(0), "writing a baseline is not a failure");
    assert!(text(&out.stderr).ends_with("note: wrote 1 finding to the baseline baseline.json\n"));
    let written = std::fs::read_to_string(dir.join("baseline.json")).expect("baseline written");
    let v: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["findings"][0]["translation"], "story.en.md");
    assert_eq!(v["findings"][0]["code"], "TP101");
    assert_eq!(v["findings"][0]["text"], "The fire brigade came with 14 vehicles.");
    assert_eq!(v["findings"][0]["fingerprint"].as_str().map(str::len), Some(16));

    let with = ["--baseline", "baseline.json", "--format", "concise"];
    let out = check(&dir, &with);
    assert_eq!((text(&out.stdout).as_str(), out.status.code()), ("", Some(0)));
    assert!(text(&out.stderr).ends_with("note: 1 finding known from the baseline baseline.json left out\n"));

    // Lines shift, another sentence is edited: still the same finding.
    write(&dir, "story.en.md", &format!("\n\n\n{}", TRANSLATION.replace("until the evening", "all day")));
    let out = check(&dir, &with);
    assert_eq!((text(&out.stdout).as_str(), out.status.code()), ("", Some(0)));

    // The sentence the finding is about changes: the finding is new.
    write(&dir, "story.en.md", &TRANSLATION.replace("14 vehicles", "14 fire engines"));
    let out = check(&dir, &with);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains(" TP101 "));

    // Two findings where the baseline knows one: one is new.
    write(&dir, "story.en.md", &format!("{TRANSLATION}\n{TRANSLATION}"));
    write(&dir, "story.de.md", &format!("{ORIGINAL}\n{ORIGINAL}"));
    let out = check(&dir, &with);
    assert_eq!(text(&out.stdout).lines().count(), 1, "{}", text(&out.stdout));

    write(&dir, "bad.json", "{\"version\": 1, \"findings\": [], \"extra\": 1}");
    let out = check(&dir, &["--baseline", "bad.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("error: bad.json: not a provcheck baseline: unknown field `extra`"),
        "{}",
        text(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// A folder of pairs: several faithful-looking, several with a dropped or added sentence, one unreadable,
/// one translation without an original, in nested folders.
fn feed(name: &str) -> PathBuf {
    let dir = scratch(name);
    for i in 0..7 {
        let sub = if i % 2 == 0 { "feed" } else { "feed/inland" };
        let translation = match i % 3 {
            0 => TRANSLATION.to_owned(),
            1 => FAITHFUL.to_owned(),
            _ => TRANSLATION.replace("14", "40"),
        };
        write(&dir, &format!("{sub}/story{i}.de.md"), ORIGINAL);
        write(&dir, &format!("{sub}/story{i}.en.md"), &translation);
    }
    write(&dir, "feed/broken.de.md", ORIGINAL);
    std::fs::write(dir.join("feed/broken.en.md"), b"\xff\xfe not text").expect("write");
    write(&dir, "feed/orphan.en.md", TRANSLATION);
    write(&dir, "feed/README.txt", "not an article");
    dir
}

#[test]
fn a_folder_is_checked_pair_by_pair_and_a_failure_does_not_stop_the_run() {
    let dir = feed("folder");
    let out = provcheck(
        &dir,
        &["check", "feed", "--no-dictionary", "--from", "de", "--isolated", "--format", "concise"],
    );
    assert_eq!(out.status.code(), Some(2), "a pair failed");
    let stdout = text(&out.stdout);
    assert!(stdout.contains("feed/story0.en.md:") && stdout.contains("feed/inland/story3.en.md"), "{stdout}");
    assert_eq!(
        text(&out.stderr),
        "error: feed/broken.en.md: invalid UTF-8 at byte offset 0 (line 1); provcheck reads UTF-8 text only\n\
         note: feed/orphan.en.md: no original in `de` beside it, skipped\n"
    );

    let out = provcheck(&dir, &["check", "feed", "--no-dictionary", "--from", "de", "--isolated"]);
    let stdout = text(&out.stdout);
    let summary = &stdout[stdout.find("checked: 8 pairs").expect("closing summary")..];
    assert!(summary.starts_with("checked: 8 pairs ("), "{summary}");
    assert!(summary.contains("\nworst articles "), "{summary}");
    assert!(summary.ends_with("\nfailed\nfeed/broken.en.md: invalid UTF-8 at byte offset 0 (line 1); provcheck reads UTF-8 text only\n"), "{summary}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let dir = feed("threads");
    for format in ["full", "json", "sarif", "html", "markdown", "github"] {
        let run = |jobs: &str| {
            provcheck(
                &dir,
                &[
                    "check",
                    "feed",
                    "--no-dictionary",
                    "--from",
                    "de",
                    "--isolated",
                    "--format",
                    format,
                    "--jobs",
                    jobs,
                ],
            )
        };
        let one = run("1");
        assert!(!one.stdout.is_empty());
        for jobs in ["2", "4"] {
            let other = run(jobs);
            assert!(one.stdout == other.stdout, "{format}: --jobs 1 and --jobs {jobs} differ");
            assert_eq!(one.stderr, other.stderr, "{format}");
            assert_eq!(one.status.code(), other.status.code());
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn folders_need_the_originals_language() {
    let dir = feed("no-from");
    let out = provcheck(&dir, &["check", "feed", "--no-dictionary", "--isolated"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: checking folders needs the originals' language to pair files by name: give it with --from \
         (or `original-lang` in provcheck.toml)\n"
    );
    write(&dir, "feed/provcheck.toml", "original-lang = \"de\"\n");
    let out =
        provcheck(&dir, &["check", "feed", "--no-dictionary", "--format", "concise", "--fail-on", "warning"]);
    assert!(text(&out.stdout).contains("feed/story0.en.md:"), "the file's original-lang pairs them");

    let out = provcheck(&dir, &["check", "feed/README.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: feed/README.txt: give the original and the translation"));

    let out = provcheck(&dir, &["check", "feed/inland", "--from", "fr", "--isolated"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no pairs found"), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn baselines_cover_a_whole_folder() {
    let dir = feed("folder-baseline");
    std::fs::remove_file(dir.join("feed/broken.en.md")).expect("rm");
    let args = [
        "check",
        "feed",
        "--no-dictionary",
        "--from",
        "de",
        "--isolated",
        "--fail-on",
        "warning",
        "--format",
        "concise",
    ];
    let first = provcheck(&dir, &args);
    assert_eq!(first.status.code(), Some(1));
    let mut write_args = args.to_vec();
    write_args.extend(["--write-baseline", "feed/baseline.json"]);
    assert_eq!(provcheck(&dir, &write_args).status.code(), Some(0));
    let baseline = std::fs::read_to_string(dir.join("feed/baseline.json")).expect("baseline");
    assert!(baseline.contains("\"translation\": \"inland/story3.en.md\""), "paths relative to the file");
    let mut with = args.to_vec();
    with.extend(["--baseline", "feed/baseline.json"]);
    let out = provcheck(&dir, &with);
    assert_eq!((text(&out.stdout).as_str(), out.status.code()), ("", Some(0)));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn align_keys_reach_the_aligner() {
    // Five yearly figures; the translation leaves out 2021. A prohibitive skip cost makes the aligner
    // merge that sentence into a neighbour; a cheap one makes it a dropped sentence.
    let dir = scratch("align-keys");
    let original = "Im Jahr 2019 zählte das Museum 48.000 Besucher.\n\nIm Jahr 2020 waren es nur noch 12.500.\n\n\
                    Im Jahr 2021 kamen wieder 31.200 Menschen.\n\nIm Jahr 2022 meldete das Haus 52.700 Gäste.\n\n\
                    Im Jahr 2023 wurden 61.400 Tickets verkauft.\n";
    let translation = "In 2019 the museum counted 48,000 visitors.\n\nIn 2020 there were only 12,500.\n\n\
                       In 2022 the house reported 52,700 guests.\n\nIn 2023, 61,400 tickets were sold.\n";
    write(&dir, "story.de.md", original);
    write(&dir, "story.en.md", translation);
    write(&dir, "cheap-skip.toml", "[align]\nskip-cost = 1.0\ndictionary = \"none\"\n");
    let base = ["check", "story.de.md", "story.en.md", "--from", "de", "--to", "en", "--format", "concise"];
    write(&dir, "no-skip.toml", "[align]\nskip-cost = 1000\ndictionary = \"none\"\n");
    // (The findings may still call the merged sentence dropped: its claims settle a weak bead.)
    let json = ["check", "story.de.md", "story.en.md", "--from", "de", "--to", "en", "--format", "json"];
    let merged = provcheck(&dir, &[&json[..], &["--config", "no-skip.toml"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&merged.stdout).expect("JSON");
    let beads: Vec<(usize, usize)> = v["beads"]
        .as_array()
        .expect("beads")
        .iter()
        .map(|b| {
            (b["original"].as_array().map_or(0, Vec::len), b["translation"].as_array().map_or(0, Vec::len))
        })
        .collect();
    assert!(beads.contains(&(2, 1)) && !beads.iter().any(|&(_, t)| t == 0), "{beads:?}");
    let cheap = provcheck(&dir, &[&base[..], &["--config", "cheap-skip.toml"]].concat());
    assert_eq!(
        text(&cheap.stdout),
        "story.en.md:3:32: TP001 the translation drops original sentence 3 with a number\n"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn same_language_pairs_get_a_word_diff() {
    let dir = scratch("same-language");
    write(&dir, "a.de.md", "Die Feuerwehr kam mit 12 Fahrzeugen.\n\nDer Einsatz dauerte bis zum Abend.\n");
    write(
        &dir,
        "b.de.md",
        "Die Feuerwehr kam mit 14 Fahrzeugen.\n\nDer Einsatz dauerte bis zum\nspäten Abend.\n",
    );
    let base = ["check", "a.de.md", "b.de.md", "--from", "de", "--to", "de", "--isolated", "--no-dictionary"];
    let full = text(&provcheck(&dir, &base).stdout);
    assert!(
        full.contains(
            "word diff (same language): 2 edits in 2 aligned beads, 1 touching a claim\n  @@ original 1 → \
             translation 1\n    ~ [-12-] {+14+}  b.de.md:1:23  touches: number\n  @@ original 2 → translation 2\n    \
             + {+späten+}  b.de.md:4:1\n"
        ),
        "{full}"
    );
    let json = provcheck(&dir, &[&base[..], &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(v["diffs"][0]["edits"][0]["kind"], "replace");
    assert_eq!(v["diffs"][0]["edits"][0]["original"][0]["text"], "12");
    assert_eq!(v["diffs"][0]["edits"][0]["translation"][0]["text"], "14");
    assert_eq!(v["diffs"][0]["edits"][0]["claims"], serde_json::json!(["number"]));
    assert_eq!(v["diffs"][1]["edits"][0]["kind"], "insert");
    assert_eq!(v["diffs"][1]["edits"][0]["claims"], serde_json::json!([]));

    let html = text(&provcheck(&dir, &[&base[..], &["--format", "html"]].concat()).stdout);
    assert!(html.contains("<span class=\"num\">2</span>edits (1 touching a claim)</li>"), "{html}");
    assert!(html.contains(
        "<span class=\"edit del touch\" title=\"removed by the edit, which touches a claim\">12</span>"
    ));
    assert!(html.contains("<span class=\"edit ins\" title=\"added by the edit\">späten</span>"));

    // Across languages there is no diff.
    let dir2 = pair("cross-language-diff");
    let json = check(&dir2, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert!(v.get("diffs").is_none());
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(dir2);
}
