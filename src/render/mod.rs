//! Rendering: the only module that writes output.
//!
//! In: a [`Report`](crate::report::Report) or a stage's data (sentences, beads, claims) and a
//! [`Style`]. Out: bytes on a writer, in one of the formats. One file per format; each is tested on the
//! same fabricated findings (`tests/render.rs`). Output is deterministic: no hash-map order, no time, no
//! terminal width unless the caller passes one.

pub mod full;
pub mod json;
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
