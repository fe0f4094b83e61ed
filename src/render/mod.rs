//! Rendering: the only module that writes output.
//!
//! In: a [`Report`](crate::report::Report) or a stage's data (sentences, beads, claims) and a
//! [`Style`]. Out: bytes on a writer, in one of the formats. One file per format; each is tested on the
//! same fabricated findings (`tests/render.rs`). Output is deterministic: no hash-map order, no time, no
//! terminal width unless the caller passes one.

pub mod concise;
pub mod full;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod summary;
pub mod views;

use anstyle::{AnsiColor, Effects, Style as AStyle};

use crate::report::Severity;

/// How to draw: colour or not, and how wide.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Maximum width of a quoted sentence line before it is shortened around the span.
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style { color: false, width: 100 }
    }
}

impl Style {
    pub(crate) fn paint(&self, style: AStyle, text: &str) -> String {
        if self.color { format!("{}{text}{}", style.render(), style.render_reset()) } else { text.to_owned() }
    }

    pub(crate) fn severity(&self, s: Severity) -> AStyle {
        let color = match s {
            Severity::Error => AnsiColor::BrightRed,
            Severity::Warning => AnsiColor::BrightYellow,
            Severity::Info => AnsiColor::BrightCyan,
        };
        AStyle::new().fg_color(Some(color.into())).effects(Effects::BOLD)
    }

    pub(crate) fn gutter(&self) -> AStyle {
        AStyle::new().fg_color(Some(AnsiColor::BrightBlue.into())).effects(Effects::BOLD)
    }

    pub(crate) fn bold(&self) -> AStyle {
        AStyle::new().effects(Effects::BOLD)
    }

    pub(crate) fn dim(&self) -> AStyle {
        AStyle::new().effects(Effects::DIMMED)
    }
}

/// 1-based line and column (in characters) of a raw byte offset; offsets past the end or inside a
/// character are moved back to the nearest character boundary.
pub(crate) fn line_col(raw: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(raw.len());
    while offset > 0 && !raw.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &raw[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The raw text of a location's sentence, or the sentence text when the raw span is unusable.
pub(crate) fn sentence_raw(doc: &crate::report::DocumentInfo, sentence: usize) -> Option<&str> {
    let s = doc.sentences.get(sentence)?;
    Some(doc.raw.get(s.span.clone()).unwrap_or(&s.text))
}

/// Line breaks and tabs as spaces, for one-line output.
pub(crate) fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r', '\t'], " ")
}
