//! Batch mode: JSON Lines in, JSON Lines out.
//!
//! Each input line is `{"id": ..., "original": TEXT, "translation": TEXT, "original_lang": "de",
//! "translation_lang": "en"}` (languages optional) or the same with `original_path` / `translation_path`.
//! Each output line is the `check --format json` report plus `"id"`, in input order; a bad line yields
//! `{"id": ..., "error": "..."}` and the run goes on. Pairs are checked in parallel; results are collected
//! and written in order, so the output does not depend on the thread count.
//!
//! Configuration is found as `check` finds it, searching upward from the current folder (`--config`
//! names a file, `--isolated` ignores them all): the top-level keys apply to every line, and a line
//! whose translation is a file (`translation_path`) also gets the `[[per-path]]` tables matching that
//! path. A line's own languages and the flags (`--fail-on`, `--no-dictionary`) win over the file.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::check::{self, Options};
use crate::cli::BatchArgs;
use crate::config::{Config, Settings};
use crate::error::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Error, Result};
use crate::input::{self, Document, Format};
use crate::report::Severity;

/// One input line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Job {
    /// Echoed as given (read before parsing the rest, so a bad line still reports its id).
    #[serde(default)]
    #[allow(dead_code)] // read through `id_guess`; declared so `deny_unknown_fields` accepts it
    id: serde_json::Value,
    original: Option<String>,
    translation: Option<String>,
    original_path: Option<PathBuf>,
    translation_path: Option<PathBuf>,
    original_lang: Option<String>,
    translation_lang: Option<String>,
}

/// Result of one line: the JSON to print and whether it failed or reached `--fail-on`.
struct Outcome {
    json: serde_json::Value,
    failed: bool,
    reached: bool,
}

/// Runs a batch; returns the exit code.
pub fn run(args: &BatchArgs, out: &mut Vec<u8>) -> Result<i32> {
    let bytes = input::read_bytes(&args.input)?;
    let name = input::display_name(&args.input);
    let text = std::str::from_utf8(&bytes).map_err(|e| Error::InvalidUtf8 {
        path: PathBuf::from(&name),
        offset: e.valid_up_to(),
        line: bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1,
    })?;
    let base = if crate::cli::is_stdin(&args.input) {
        PathBuf::from(".")
    } else {
        args.input.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let lines: Vec<(usize, &str)> =
        text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, l)| (i + 1, l)).collect();
    let config = crate::workflow::load_config(Path::new("."), &args.config)?;
    let work = || -> Vec<Outcome> {
        lines.par_iter().map(|&(n, line)| one(&name, n, line, &base, args, config.as_ref())).collect()
    };
    let outcomes = match args.jobs {
        Some(j) => rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build()
            .map_err(|e| Error::msg(format!("cannot start {j} worker threads: {e}")))?
            .install(work),
        None => work(),
    };
    let mut any_failed = false;
    let mut any_reached = false;
    for o in outcomes {
        any_failed |= o.failed;
        any_reached |= o.reached;
        serde_json::to_writer(&mut *out, &o.json)
            .map_err(|e| Error::msg(format!("cannot write output: {e}")))?;
        out.push(b'\n');
    }
    let _ = out.flush();
    Ok(if any_failed {
        EXIT_ERROR
    } else if any_reached {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn one(name: &str, n: usize, line: &str, base: &Path, args: &BatchArgs, config: Option<&Config>) -> Outcome {
    let id_guess = serde_json::from_str::<serde_json::Value>(line)
        .ok()
        .and_then(|v| v.get("id").cloned())
        .unwrap_or(serde_json::Value::Null);
    let mut fail_on = args.fail_on.map_or(Severity::Error, |f| f.severity());
    let result = (|| -> Result<crate::report::Report> {
        let job: Job = serde_json::from_str(line).map_err(|e| Error::msg(format!("{name}:{n}: {e}")))?;
        let settings = match (config, &job.translation_path) {
            (None, _) => Settings::default(),
            (Some(c), Some(path)) => c.settings_for(&resolve(path, base)),
            (Some(c), None) => c.top_settings(),
        };
        fail_on = args.fail_on.map(|f| f.severity()).or(settings.fail_on).unwrap_or(Severity::Error);
        let original = load(name, n, "original", job.original, job.original_path, base)?;
        let translation = load(name, n, "translation", job.translation, job.translation_path, base)?;
        let mut options = Options {
            original_lang: job.original_lang.or(settings.original_lang),
            translation_lang: job.translation_lang.or(settings.translation_lang),
            presegmented: args.presegmented,
            align: crate::align::AlignOptions {
                dictionary: if args.no_dictionary {
                    crate::align::DictionaryChoice::Off
                } else {
                    crate::align::DictionaryChoice::Auto
                },
                ..crate::align::AlignOptions::default()
            },
            select: settings.select,
            ignore: settings.ignore,
            severity: settings.severity,
        };
        settings.align.apply(&mut options.align);
        check::check(original, translation, &options)
    })();
    match result {
        Ok(report) => {
            let reached = report.fails(fail_on);
            Outcome {
                json: crate::render::json::to_value_with_id(&report, &id_guess),
                failed: false,
                reached,
            }
        }
        Err(e) => Outcome {
            json: serde_json::json!({ "id": id_guess, "error": e.to_string() }),
            failed: true,
            reached: false,
        },
    }
}

fn load(
    name: &str,
    n: usize,
    field: &str,
    text: Option<String>,
    path: Option<PathBuf>,
    base: &Path,
) -> Result<Document> {
    match (text, path) {
        (Some(text), None) => {
            Document::from_bytes(&format!("{name}:{n}:{field}"), text.as_bytes(), Format::Markdown)
        }
        (None, Some(path)) => Document::read(&resolve(&path, base), None),
        (Some(_), Some(_)) => {
            Err(Error::msg(format!("{name}:{n}: give `{field}` or `{field}_path`, not both")))
        }
        (None, None) => Err(Error::msg(format!("{name}:{n}: missing `{field}` (or `{field}_path`)"))),
    }
}

/// A path from an input line: relative paths are relative to the input file's folder.
fn resolve(path: &Path, base: &Path) -> PathBuf {
    if path.is_relative() { base.join(path) } else { path.to_path_buf() }
}
