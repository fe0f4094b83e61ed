//! The `check` and `config` commands' workflow around the library's [`check`](crate::check()):
//! configuration, one pair or many (paired by name, checked in parallel, collected in pair order so the
//! output does not depend on the thread count), waivers and baselines, rendering, and the exit code.
//!
//! In: parsed command-line arguments. Out: an [`Outcome`] (stdout bytes, notes for stderr, exit code).
//! Command-line flags win over the configuration: `--from`/`--to` over the languages, `--select` over
//! `select`, `--fail-on` over `fail-on`; `--ignore` adds to `ignore`. This module does not print: the CLI
//! writes the outcome.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::check::{self, Options};
use crate::cli::{self, CheckArgs, CheckFormat, ConfigArgs, Outcome};
use crate::compare;
use crate::config::{Config, Settings};
use crate::error::{EXIT_CLEAN, EXIT_FINDINGS, Error, Result};
use crate::input::Document;
use crate::pairs::{self, Pair};
use crate::render;
use crate::render::summary::PairRow;
use crate::report::{Report, Severity};

/// The configuration for a run: the named file, the one found upward from `start`, or none.
pub fn load_config(start: &Path, args: &ConfigArgs) -> Result<Option<Config>> {
    if args.isolated {
        return Ok(None);
    }
    if let Some(path) = &args.config {
        return Config::load(path).map(Some);
    }
    let folder = if cli::is_stdin(start) {
        PathBuf::from(".")
    } else if start.is_dir() {
        start.to_path_buf()
    } else {
        start.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let folder = if folder.as_os_str().is_empty() { PathBuf::from(".") } else { folder };
    Config::discover(&folder)
}

/// `provcheck config [PATH]`: the effective configuration as TOML, with where it came from.
pub fn config_command(path: &Path, args: &ConfigArgs) -> Result<String> {
    let config = load_config(path, args)?;
    let (header, settings) = match &config {
        Some(c) => {
            let s = c.settings_for(path);
            let mut header = format!("# configuration: {}\n", c.path.display());
            if !s.matched.is_empty() {
                let list: Vec<String> = s.matched.iter().map(|i| format!("#{i}")).collect();
                header.push_str(&format!("# per-path tables applied: {}\n", list.join(", ")));
            }
            (header, s)
        }
        None if args.isolated => ("# configuration: none (--isolated)\n".to_owned(), Settings::default()),
        None => (
            format!("# configuration: none found (no {} here or above)\n", crate::config::FILE_NAME),
            Settings::default(),
        ),
    };
    Ok(format!("{header}{}", settings.to_toml()))
}

/// Merges configuration settings and command-line flags into the library's options.
pub fn options(args: &CheckArgs, settings: &Settings) -> Result<(Options, Severity)> {
    cli::validate_rule_keys(&args.select, "--select")?;
    cli::validate_rule_keys(&args.ignore, "--ignore")?;
    let mut options = cli::options_from(&args.pair);
    if options.original_lang.is_none() {
        options.original_lang.clone_from(&settings.original_lang);
    }
    if options.translation_lang.is_none() {
        options.translation_lang.clone_from(&settings.translation_lang);
    }
    options.select = if args.select.is_empty() { settings.select.clone() } else { args.select.clone() };
    options.ignore = settings.ignore.iter().chain(&args.ignore).cloned().collect();
    options.severity.clone_from(&settings.severity);
    settings.align.apply(&mut options.align);
    let fail_on = args.fail_on.map(|f| f.severity()).or(settings.fail_on).unwrap_or(Severity::Error);
    Ok((options, fail_on))
}

/// `provcheck check ORIGINAL TRANSLATION` or `provcheck check DIR…`.
pub fn check_command(args: &CheckArgs) -> Result<Outcome> {
    match args.paths.as_slice() {
        // Two paths are a pair unless both are folders (a folder beside a file is a mistake, which
        // reading the folder as a document reports).
        [original, translation] if !(original.is_dir() && translation.is_dir()) => {
            check_one(args, original, translation)
        }
        [single] if !single.is_dir() && !cli::is_stdin(single) => Err(Error::msg(format!(
            "{}: give the original and the translation, or folders whose files pair by name \
             (`story.de.md` with `story.en.md`)",
            single.display()
        ))),
        paths => {
            if paths.iter().any(|p| cli::is_stdin(p)) {
                return Err(Error::msg("standard input (`-`) takes part in a single pair only"));
            }
            check_many(args, paths)
        }
    }
}

fn check_one(args: &CheckArgs, original: &Path, translation: &Path) -> Result<Outcome> {
    let config = load_config(translation, &args.config)?;
    let settings = config.as_ref().map(|c| c.settings_for(translation)).unwrap_or_default();
    let (options, fail_on) = options(args, &settings)?;
    if cli::is_stdin(original) && cli::is_stdin(translation) {
        return Err(Error::msg("only one of the two documents can be read from standard input"));
    }
    let original = Document::read(original, None)?;
    let translation = Document::read(translation, None)?;
    let mut report = check::check(original, translation, &options)?;
    let mut out = Outcome::default();
    let written = baseline(&mut [&mut report], args, &mut out.notes)?;
    render_report(&report, args, &mut out.stdout)?;
    // Notes go to standard error unless the format carries them itself.
    if !matches!(args.format, CheckFormat::Json | CheckFormat::Html) {
        out.notes.splice(0..0, report.notes.iter().cloned());
    }
    out.code = if !written && report.fails(fail_on) { EXIT_FINDINGS } else { EXIT_CLEAN };
    Ok(out)
}

/// One pair of a many-pair run and what came of it.
struct Checked {
    pair: Pair,
    result: std::result::Result<Report, String>,
    fail_on: Severity,
}

fn check_many(args: &CheckArgs, paths: &[PathBuf]) -> Result<Outcome> {
    let config = load_config(&paths[0], &args.config)?;
    let settings_for = |p: &Path| config.as_ref().map(|c| c.settings_for(p)).unwrap_or_default();
    let original_lang = match &args.pair.from {
        Some(l) => l.clone(),
        None => settings_for(&paths[0]).original_lang.ok_or_else(|| {
            Error::msg(
                "checking folders needs the originals' language to pair files by name: give it with \
                 --from (or `original-lang` in provcheck.toml)",
            )
        })?,
    };
    crate::lang::resolve(&original_lang, "--from")?;
    if let Some(to) = &args.pair.to {
        crate::lang::resolve(to, "--to")?;
    }
    let pairing = pairs::pair(paths, &original_lang, args.pair.to.as_deref())?;
    if pairing.pairs.is_empty() {
        let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::msg(format!(
            "{}: no pairs found (files pair by name: `story.{original_lang}.md` with `story.en.md`)",
            list.join(", ")
        )));
    }
    // Settings and options per pair, decided before the parallel part so errors stop the run early.
    let mut jobs = Vec::new();
    for pair in pairing.pairs {
        let settings = settings_for(&pair.translation);
        let (mut options, fail_on) = options(args, &settings)?;
        options.original_lang = Some(pair.original_lang.clone());
        options.translation_lang = Some(pair.translation_lang.clone());
        jobs.push((pair, options, fail_on));
    }
    let progress = progress_bar(jobs.len(), args.quiet);
    let work = || -> Vec<Checked> {
        jobs.into_par_iter()
            .map(|(pair, options, fail_on)| {
                let result = Document::read(&pair.original, None)
                    .and_then(|o| Document::read(&pair.translation, None).map(|t| (o, t)))
                    .and_then(|(o, t)| check::check(o, t, &options))
                    .map_err(|e| e.to_string());
                progress.inc(1);
                Checked { pair, result, fail_on }
            })
            .collect()
    };
    let mut checked = match args.jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_err(|e| Error::msg(format!("cannot start {n} worker threads: {e}")))?
            .install(work),
        None => work(),
    };
    progress.finish_and_clear();

    let mut out = Outcome { notes: pairing.notes, ..Outcome::default() };
    let mut refs: Vec<&mut Report> = checked.iter_mut().filter_map(|c| c.result.as_mut().ok()).collect();
    let written = baseline(&mut refs, args, &mut out.notes)?;

    let mut failed = false;
    let mut reached = false;
    for c in &checked {
        match &c.result {
            Ok(r) => {
                reached |= r.fails(c.fail_on);
                if !matches!(args.format, CheckFormat::Json | CheckFormat::Html) {
                    out.notes.extend(r.notes.iter().cloned());
                }
            }
            Err(e) => {
                failed = true;
                out.errors.push(e.clone());
            }
        }
    }
    // A note shared by every pair (the dictionary in use) is said once.
    let mut seen = std::collections::BTreeSet::new();
    out.notes.retain(|n| seen.insert(n.clone()));
    render_many(&checked, args, &mut out.stdout)?;
    out.code = if failed {
        crate::error::EXIT_ERROR
    } else if reached && !written {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    Ok(out)
}

/// A progress bar on standard error when it is a terminal and the run has several pairs.
fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet || len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} pairs  {elapsed}") {
        bar.set_style(style);
    }
    bar
}

fn render_many(checked: &[Checked], args: &CheckArgs, buf: &mut Vec<u8>) -> Result<()> {
    let io = |e: std::io::Error| Error::msg(format!("cannot write output: {e}"));
    let names: Vec<(String, String)> = checked
        .iter()
        .map(|c| (c.pair.original.display().to_string(), c.pair.translation.display().to_string()))
        .collect();
    let rows: Vec<PairRow<'_>> = checked
        .iter()
        .zip(&names)
        .map(|(c, (o, t))| PairRow {
            original: o,
            translation: t,
            result: c.result.as_ref().map_err(String::as_str),
        })
        .collect();
    let reports: Vec<&Report> = checked.iter().filter_map(|c| c.result.as_ref().ok()).collect();
    let style = cli::style(args.pair.color);
    match args.format {
        CheckFormat::Full => {
            for r in &reports {
                render::full::render(r, &style, buf).map_err(io)?;
                buf.push(b'\n');
            }
            render::summary::text(&rows, &style, buf).map_err(io)?;
        }
        CheckFormat::Concise => {
            for r in &reports {
                render::concise::render(r, buf).map_err(io)?;
            }
        }
        CheckFormat::Github => {
            for r in &reports {
                render::github::render(r, buf).map_err(io)?;
            }
        }
        CheckFormat::Json => {
            // JSON Lines, one pair a line in pair order, like `batch`.
            for row in &rows {
                let value = match row.result {
                    Ok(r) => serde_json::to_value(r).map_err(|e| io(std::io::Error::other(e)))?,
                    Err(e) => serde_json::json!({
                        "original": row.original, "translation": row.translation, "error": e
                    }),
                };
                serde_json::to_writer(&mut *buf, &value).map_err(|e| io(std::io::Error::other(e)))?;
                buf.push(b'\n');
            }
        }
        CheckFormat::Sarif => render::sarif::render_many(&reports, compare::RULES, buf).map_err(io)?,
        CheckFormat::Markdown => {
            render::summary::markdown(&rows, buf).map_err(io)?;
            for r in &reports {
                buf.push(b'\n');
                render::markdown::render(r, buf).map_err(io)?;
            }
        }
        CheckFormat::Html => render::html::render_many(&reports, buf).map_err(io)?,
    }
    Ok(())
}

/// The key a translation goes by in a baseline: its path relative to the baseline file's folder
/// (absolute when outside it), with `/` separators.
pub fn baseline_key(translation: &str, baseline_file: &Path) -> String {
    if translation == "<stdin>" {
        return translation.to_owned();
    }
    let path = crate::config::absolute(Path::new(translation));
    let base = crate::config::absolute(baseline_file);
    let base = base.parent().unwrap_or(Path::new("/"));
    match path.strip_prefix(base) {
        Ok(rel) => rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"),
        Err(_) => path.display().to_string(),
    }
}

/// `--write-baseline` and `--baseline`: writes the current findings (before filtering), then leaves out
/// the known ones. Returns whether a baseline was written (the run then exits with 0).
fn baseline(reports: &mut [&mut Report], args: &CheckArgs, notes: &mut Vec<String>) -> Result<bool> {
    use crate::report::suppress::{self, Baseline};
    let plural = |n: usize| if n == 1 { "finding" } else { "findings" };
    if let Some(file) = &args.write_baseline {
        let b =
            Baseline::from_reports(reports.iter().map(|r| (&**r, baseline_key(&r.translation.path, file))));
        std::fs::write(file, b.to_json()).map_err(|e| {
            Error::msg(format!(
                "{}: cannot write the baseline: {}",
                file.display(),
                lowercase(&e.to_string())
            ))
        })?;
        notes.push(format!(
            "wrote {} {} to the baseline {}",
            b.findings.len(),
            plural(b.findings.len()),
            file.display()
        ));
    }
    if let Some(file) = &args.baseline {
        let text =
            std::fs::read_to_string(file).map_err(|source| Error::Io { path: file.clone(), source })?;
        let b = Baseline::parse(&text).map_err(|m| Error::Config {
            path: Some(file.clone()),
            message: format!("not a provcheck baseline: {m}"),
        })?;
        let mut counts = b.counts();
        let mut removed = 0;
        for r in reports.iter_mut() {
            let key = baseline_key(&r.translation.path, file);
            removed += suppress::apply_baseline(r, &key, &mut counts);
        }
        if removed > 0 {
            notes.push(format!(
                "{removed} {} known from the baseline {} left out",
                plural(removed),
                file.display()
            ));
        }
    }
    Ok(args.write_baseline.is_some())
}

fn lowercase(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

fn render_report(report: &Report, args: &CheckArgs, buf: &mut Vec<u8>) -> Result<()> {
    let io = |e: std::io::Error| Error::msg(format!("cannot write output: {e}"));
    match args.format {
        CheckFormat::Full => render::full::render(report, &cli::style(args.pair.color), buf).map_err(io),
        CheckFormat::Concise => render::concise::render(report, buf).map_err(io),
        CheckFormat::Json => render::json::render(report, buf).map_err(io),
        CheckFormat::Sarif => render::sarif::render(report, compare::RULES, buf).map_err(io),
        CheckFormat::Github => render::github::render(report, buf).map_err(io),
        CheckFormat::Markdown => render::markdown::render(report, buf).map_err(io),
        CheckFormat::Html => render::html::render(report, buf).map_err(io),
    }
}
