//! provcheck checks a translation against its original and reports what the translation dropped, added
//! or altered: sentences, numbers, dates, names, quotations, and above all attributions.
//!
//! The pipeline, one module per stage:
//! [`input`] → [`segment`] → [`align`] → [`claims`] → [`compare`] → [`report`] → [`render`].
//!
//! ```
//! use provcheck::{check, input::{Document, Format}, Options};
//! let original = Document::from_bytes("de.txt", "Die Feuerwehr war mit 200 Fahrzeugen im Einsatz.".as_bytes(), Format::Plain)?;
//! let translation = Document::from_bytes("en.txt", "The fire brigade was there with 200 vehicles.".as_bytes(), Format::Plain)?;
//! let options = Options { original_lang: Some("de".into()), translation_lang: Some("en".into()), ..Options::default() };
//! let report = check(original, translation, &options)?;
//! assert!(report.findings.is_empty());
//! # Ok::<(), provcheck::Error>(())
//! ```

pub mod align;
pub mod batch;
mod check;
pub mod claims;
pub mod cli;
pub mod compare;
pub mod config;
pub mod diff;
pub mod error;
pub mod index;
pub mod input;
pub mod lang;
pub mod pairs;
pub mod render;
pub mod report;
pub mod segment;
pub mod workflow;

pub use check::{
    Options, Prepared, build_report, check, doc_info, prepare, resolve_language, selected_rules,
};
pub use error::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Error, Result};
pub use report::{Finding, Report, Severity};
