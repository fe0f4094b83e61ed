//! The command line: argument definitions and the dispatch to the library. Everything a command prints is
//! rendered into a buffer first and written at the end, so an error never leaves half a report behind.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::check::{self, Options};
use crate::error::{EXIT_CLEAN, EXIT_ERROR, Error, Result};
use crate::input::Document;
use crate::render::{self, Style};
use crate::report::Severity;
use crate::{align, batch, compare, segment};

/// Checks a translation against its original: what it dropped, added or altered.
#[derive(Debug, Parser)]
#[command(name = "provcheck", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a translation against its original and report what it dropped, added or altered.
    Check(CheckArgs),
    /// Check many pairs given as JSON Lines (one object a line), writing one JSON report a line.
    Batch(BatchArgs),
    /// Print the sentences of a document, with their indices and paragraph numbers.
    Segment(SegmentArgs),
    /// Align an original with its translation and print the beads.
    Align(AlignArgs),
    /// Print the claims extracted from each sentence of a document.
    Claims(SegmentArgs),
    /// List the rules.
    Rules(RulesArgs),
    /// Print the configuration that applies to a translation (from `provcheck.toml`).
    Config(ConfigCommandArgs),
    /// Print a rule's documentation.
    Explain {
        /// Rule code (`TP101`) or name (`number-changed`).
        rule: String,
    },
}

/// A document pair on the command line.
#[derive(Debug, Args)]
pub struct PairArgs {
    /// The original document (`-` for standard input).
    pub original: PathBuf,
    /// The translation (`-` for standard input).
    pub translation: PathBuf,
    #[command(flatten)]
    pub options: PairOptions,
}

/// Options shared by commands that read document pairs.
#[derive(Debug, Args)]
pub struct PairOptions {
    /// Language of the original (ISO 639-1, e.g. `de`); detected when omitted.
    #[arg(long, value_name = "LANG")]
    pub from: Option<String>,
    /// Language of the translation (ISO 639-1, e.g. `en`); detected when omitted.
    #[arg(long, value_name = "LANG")]
    pub to: Option<String>,
    /// Read each line as one sentence (no segmentation).
    #[arg(long)]
    pub presegmented: bool,
    /// A bilingual dictionary (FreeDict `.index` + `.dict`/`.dict.dz`) to help alignment.
    #[arg(long, value_name = "PATH", conflicts_with = "no_dictionary")]
    pub dictionary: Option<PathBuf>,
    /// Do not look for an installed dictionary.
    #[arg(long)]
    pub no_dictionary: bool,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// ORIGINAL TRANSLATION (a pair, `-` for standard input), or folders and files to pair by name
    /// (`story.de.md` with `story.en.md`; the original's language from `--from` or `original-lang`).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub pair: PairOptions,
    /// Worker threads for many pairs (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Output format (`full` whether or not standard output is a terminal: only colour depends on it).
    #[arg(long, value_enum, default_value_t = CheckFormat::Full)]
    pub format: CheckFormat,
    /// Exit with 1 when a finding at or above this severity is reported [default: error, or the
    /// configuration's `fail-on`].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Only these rules (code prefix or name; repeatable, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Leave out these rules (code prefix or name; repeatable, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Leave out findings listed in this baseline file (only new findings are reported and fail the run).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write every current finding to this baseline file and exit with 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

/// Where the configuration comes from.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Use this configuration file instead of searching for `provcheck.toml` upward from the
    /// translation's folder.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
}

#[derive(Debug, Args)]
pub struct ConfigCommandArgs {
    /// The translation (or folder) whose configuration to show; the current folder when omitted.
    pub path: Option<PathBuf>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    /// Diagnostics quoting both documents, then a summary.
    Full,
    /// One line a finding: `path:line:col: CODE message`.
    Concise,
    /// The report as one JSON document.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations on a pull request).
    Github,
    /// A summary table and the findings, for a pull-request or ticket comment.
    Markdown,
    /// One self-contained page with both documents side by side.
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// JSON Lines file (`-` for standard input).
    pub input: PathBuf,
    /// Exit with 1 when a pair has a finding at or above this severity [default: error, or the
    /// configuration's `fail-on`].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Where the configuration comes from (searched upward from the current folder by default).
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Read each line of every text as one sentence.
    #[arg(long)]
    pub presegmented: bool,
    /// Do not look for an installed dictionary.
    #[arg(long)]
    pub no_dictionary: bool,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The document (`-` for standard input).
    pub file: PathBuf,
    /// Its language (ISO 639-1); detected when omitted.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Read each line as one sentence (no segmentation).
    #[arg(long)]
    pub presegmented: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ViewFormat::Text)]
    pub format: ViewFormat,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ViewFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    #[command(flatten)]
    pub pair: PairArgs,
    /// Output format: a readable table, gold-set beads (`[0]:[0]` a line), or JSON.
    #[arg(long, value_enum, default_value_t = AlignFormat::Table)]
    pub format: AlignFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum AlignFormat {
    Table,
    Beads,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ViewFormat::Text)]
    pub format: ViewFormat,
}

/// What a command produced: bytes for stdout, notes for stderr, and the exit code.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    /// Inputs that failed while the run went on (printed as `error: …`).
    pub errors: Vec<String>,
    pub notes: Vec<String>,
    pub code: i32,
}

pub(crate) fn style(choice: ColorChoice) -> Style {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
        }
    };
    Style { color, ..Style::default() }
}

pub(crate) fn read_pair(pair: &PairArgs) -> Result<(Document, Document)> {
    if pair.original.as_os_str() == "-" && pair.translation.as_os_str() == "-" {
        return Err(Error::msg("only one of the two documents can be read from standard input"));
    }
    let original = Document::read(&pair.original, None)?;
    let translation = Document::read(&pair.translation, None)?;
    Ok((original, translation))
}

pub(crate) fn options_from(pair: &PairOptions) -> Options {
    Options {
        original_lang: pair.from.clone(),
        translation_lang: pair.to.clone(),
        presegmented: pair.presegmented,
        align: align::AlignOptions {
            dictionary: match (&pair.dictionary, pair.no_dictionary) {
                (_, true) => align::DictionaryChoice::Off,
                (Some(path), false) => align::DictionaryChoice::Path(path.clone()),
                (None, false) => align::DictionaryChoice::Auto,
            },
            ..align::AlignOptions::default()
        },
        ..Options::default()
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    let mut out = Outcome::default();
    let buf = &mut out.stdout;
    let io = |e: std::io::Error| Error::msg(format!("cannot write output: {e}"));
    match cli.command {
        Command::Check(args) => {
            let outcome = crate::workflow::check_command(&args)?;
            return Ok(outcome);
        }
        Command::Config(args) => {
            let start = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
            let text = crate::workflow::config_command(&start, &args.config)?;
            buf.extend_from_slice(text.as_bytes());
        }
        Command::Batch(args) => {
            out.code = batch::run(&args, buf)?;
        }
        Command::Segment(args) => {
            let doc = Document::read(&args.file, None)?;
            let (language, _) =
                check::resolve_language(&doc, args.lang.as_deref(), "--lang", &mut out.notes)?;
            let sentences = if args.presegmented {
                segment::presegmented(&doc)
            } else {
                segment::segment(&doc, language.pack)
            };
            match args.format {
                ViewFormat::Text => {
                    render::views::sentences(&sentences, &style(args.color), buf).map_err(io)?
                }
                ViewFormat::Json => {
                    render::views::sentences_json(&doc.name, language.code, &sentences, buf).map_err(io)?
                }
            }
        }
        Command::Claims(args) => {
            let doc = Document::read(&args.file, None)?;
            let (language, src) =
                check::resolve_language(&doc, args.lang.as_deref(), "--lang", &mut out.notes)?;
            let prepared = check::prepare(doc, language, src, args.presegmented);
            match args.format {
                ViewFormat::Text => {
                    render::views::claims(&prepared.sentences, &prepared.claims, &style(args.color), buf)
                        .map_err(io)?
                }
                ViewFormat::Json => {
                    let v: Vec<_> = prepared
                        .sentences
                        .iter()
                        .zip(&prepared.claims)
                        .enumerate()
                        .map(|(i, (s, c))| serde_json::json!({"index": i, "text": s.text, "claims": c}))
                        .collect();
                    serde_json::to_writer_pretty(&mut *buf, &v).map_err(|e| io(std::io::Error::other(e)))?;
                    buf.push(b'\n');
                }
            }
        }
        Command::Align(args) => {
            let (original, translation) = read_pair(&args.pair)?;
            let mut options = options_from(&args.pair.options);
            let mut notes = Vec::new();
            let (ol, _) =
                check::resolve_language(&original, options.original_lang.as_deref(), "--from", &mut notes)?;
            let (tl, _) = check::resolve_language(
                &translation,
                options.translation_lang.as_deref(),
                "--to",
                &mut notes,
            )?;
            check::resolve_dictionary(&mut options.align, ol, tl, &mut notes)?;
            // Alignment needs sentences only, not claims.
            let split = |doc: &Document, lang: crate::lang::Language| {
                if options.presegmented {
                    segment::presegmented(doc)
                } else {
                    segment::segment(doc, lang.pack)
                }
            };
            let (o_sentences, t_sentences) = (split(&original, ol), split(&translation, tl));
            let alignment = align::align(&o_sentences, &t_sentences, ol, tl, &options.align);
            match args.format {
                AlignFormat::Beads => render::views::beads(&alignment, buf).map_err(io)?,
                AlignFormat::Table => render::views::alignment_table(
                    &o_sentences,
                    &t_sentences,
                    &alignment,
                    &style(args.pair.options.color),
                    buf,
                )
                .map_err(io)?,
                AlignFormat::Json => render::views::alignment_json(
                    (&original.name, ol.code, &o_sentences),
                    (&translation.name, tl.code, &t_sentences),
                    &alignment,
                    &notes,
                    buf,
                )
                .map_err(io)?,
            }
            if args.format == AlignFormat::Table {
                out.notes = notes;
            }
        }
        Command::Rules(args) => match args.format {
            ViewFormat::Text => {
                for r in compare::RULES {
                    writeln!(buf, "{}  {:<24} {:<8} {}", r.code, r.name, r.severity.as_str(), r.summary)
                        .map_err(io)?;
                }
            }
            ViewFormat::Json => {
                let v: Vec<_> = compare::RULES
                    .iter()
                    .map(|r| serde_json::json!({"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary}))
                    .collect();
                serde_json::to_writer_pretty(&mut *buf, &v).map_err(|e| io(std::io::Error::other(e)))?;
                buf.push(b'\n');
            }
        },
        Command::Explain { rule } => {
            let Some(r) = compare::find_rule(&rule) else {
                return Err(Error::msg(format!(
                    "unknown rule `{rule}` (see `provcheck rules` for the list)"
                )));
            };
            writeln!(buf, "# {} {}\n\n{}\n\nDefault severity: {}.\n", r.code, r.name, r.summary, r.severity)
                .map_err(io)?;
            for line in r.doc.lines() {
                writeln!(buf, "{}", line.strip_prefix(' ').unwrap_or(line)).map_err(io)?;
            }
        }
    }
    Ok(out)
}

pub(crate) fn validate_rule_keys(keys: &[String], flag: &str) -> Result<()> {
    for k in keys {
        let known = compare::RULES
            .iter()
            .any(|r| r.name == k || r.code.to_ascii_lowercase().starts_with(&k.to_ascii_lowercase()));
        if !known {
            return Err(Error::msg(format!("{flag}: no rule matches `{k}` (see `provcheck rules`)")));
        }
    }
    Ok(())
}

/// Entry point for `main`: parses, runs, prints, and returns the exit code.
pub fn main_with_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN };
            let _ = e.print();
            return code;
        }
    };
    match run(cli) {
        Ok(outcome) => {
            let mut stderr = anstream::stderr();
            for error in &outcome.errors {
                let _ = writeln!(stderr, "error: {error}");
            }
            for note in &outcome.notes {
                let _ = writeln!(stderr, "note: {note}");
            }
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&outcome.stdout).and_then(|()| stdout.flush()) {
                Ok(()) => outcome.code,
                // A closed pipe (`provcheck … | head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_CLEAN,
                Err(e) => {
                    let _ = writeln!(stderr, "error: cannot write output: {e}");
                    EXIT_ERROR
                }
            }
        }
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e}");
            EXIT_ERROR
        }
    }
}

/// Whether a path names standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}
