//! The `check` and `config` commands' workflow around the library's [`check`](crate::check()):
//! configuration, rendering in the chosen format, and the exit code.
//!
//! In: parsed command-line arguments. Out: an [`Outcome`] (stdout bytes, notes for stderr, exit code).
//! Command-line flags win over the configuration: `--from`/`--to` over the languages, `--select` over
//! `select`, `--fail-on` over `fail-on`; `--ignore` adds to `ignore`. This module does not print: the CLI
//! writes the outcome.

use std::path::{Path, PathBuf};

use crate::check::{self, Options};
use crate::cli::{self, CheckArgs, CheckFormat, ConfigArgs, Outcome};
use crate::compare;
use crate::config::{Config, Settings};
use crate::error::{EXIT_CLEAN, EXIT_FINDINGS, Error, Result};
use crate::render;
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
    let fail_on = args.fail_on.map(|f| f.severity()).or(settings.fail_on).unwrap_or(Severity::Error);
    Ok((options, fail_on))
}

/// `provcheck check ORIGINAL TRANSLATION`.
pub fn check_command(args: &CheckArgs) -> Result<Outcome> {
    let config = load_config(&args.pair.translation, &args.config)?;
    let settings = config.as_ref().map(|c| c.settings_for(&args.pair.translation)).unwrap_or_default();
    let (options, fail_on) = options(args, &settings)?;
    let (original, translation) = cli::read_pair(&args.pair)?;
    let mut report = check::check(original, translation, &options)?;
    let mut out = Outcome::default();
    let written = baseline(std::slice::from_mut(&mut report), args, &mut out.notes)?;
    render_report(&report, args, &mut out.stdout)?;
    // Notes go to standard error unless the format carries them itself.
    if !matches!(args.format, CheckFormat::Json | CheckFormat::Html) {
        out.notes.splice(0..0, report.notes.iter().cloned());
    }
    out.code = if !written && report.fails(fail_on) { EXIT_FINDINGS } else { EXIT_CLEAN };
    Ok(out)
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
fn baseline(reports: &mut [Report], args: &CheckArgs, notes: &mut Vec<String>) -> Result<bool> {
    use crate::report::suppress::{self, Baseline};
    let plural = |n: usize| if n == 1 { "finding" } else { "findings" };
    if let Some(file) = &args.write_baseline {
        let b = Baseline::from_reports(reports.iter().map(|r| (r, baseline_key(&r.translation.path, file))));
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
