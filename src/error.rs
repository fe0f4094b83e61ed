//! Errors as values with context.
//!
//! Every failure a user can cause (a missing file, bytes that are not UTF-8, an unknown language code)
//! becomes an [`Error`] that names the input and the problem in a lowercase message. `main` prints it and
//! exits with [`EXIT_ERROR`]. Nothing in the library panics on user input.

use std::fmt;
use std::path::PathBuf;

/// Exit code: nothing reached `--fail-on`.
pub const EXIT_CLEAN: i32 = 0;
/// Exit code: at least one finding reached `--fail-on`.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: a tool or input error (bad file, bad flag, bad configuration).
pub const EXIT_ERROR: i32 = 2;

/// What went wrong, and with which input.
#[derive(Debug)]
pub enum Error {
    /// The file could not be opened or read.
    Io { path: PathBuf, source: std::io::Error },
    /// The path names a directory where a file was expected.
    IsDirectory { path: PathBuf },
    /// The bytes are not UTF-8; `offset` is the byte offset of the first invalid sequence.
    InvalidUtf8 { path: PathBuf, offset: usize, line: usize },
    /// The file looks like binary data (NUL bytes or many control characters).
    Binary { path: PathBuf, offset: usize },
    /// The document holds no text (after removing markup and white space).
    Empty { path: PathBuf },
    /// The document is larger than provcheck accepts.
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    /// A language code that is not an ISO 639-1 code.
    UnknownLanguage { code: String, context: String },
    /// A dictionary file that could not be read or parsed.
    Dictionary { path: PathBuf, message: String },
    /// A configuration problem (unknown key, bad value).
    Config { path: Option<PathBuf>, message: String },
    /// Anything else that comes with a message of its own (bad batch line, bad flag combination).
    Other(String),
}

impl Error {
    /// An error whose message is the whole story.
    pub fn msg(message: impl Into<String>) -> Self {
        Error::Other(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => {
                let what = match source.kind() {
                    std::io::ErrorKind::NotFound => "no such file".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => lowercase_first(&source.to_string()),
                };
                write!(f, "{}: cannot read: {what}", path.display())
            }
            Error::IsDirectory { path } => {
                write!(f, "{}: is a directory, expected a text file", path.display())
            }
            Error::InvalidUtf8 { path, offset, line } => write!(
                f,
                "{}: invalid UTF-8 at byte offset {offset} (line {line}); provcheck reads UTF-8 text only",
                path.display()
            ),
            Error::Binary { path, offset } => write!(
                f,
                "{}: looks like binary data (control byte at offset {offset}), expected text",
                path.display()
            ),
            Error::Empty { path } => write!(f, "{}: the document holds no text", path.display()),
            Error::TooLarge { path, size, limit } => {
                write!(f, "{}: too large ({size} bytes; the limit is {limit} bytes)", path.display())
            }
            Error::UnknownLanguage { code, context } => write!(
                f,
                "{context}: unknown language code `{code}` (expected a two-letter ISO 639-1 code such as `de` or `en`)"
            ),
            Error::Dictionary { path, message } => {
                write!(f, "{}: unusable dictionary: {message}", path.display())
            }
            Error::Config { path: Some(path), message } => {
                write!(f, "{}: {message}", path.display())
            }
            Error::Config { path: None, message } => write!(f, "configuration: {message}"),
            Error::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
