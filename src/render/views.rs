//! Debug views of the pipeline stages: `segment`, `align` and `claims` print what those stages produced,
//! in the form their snapshot tests store.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Style;
use crate::align::{Alignment, Bead};
use crate::claims::{DateKind, SentenceClaims};
use crate::segment::Sentence;

/// `provcheck segment`: one sentence a line, `index  ¶paragraph  text`.
pub fn sentences(sentences: &[Sentence], style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let w = sentences.len().saturating_sub(1).to_string().len();
    for (i, s) in sentences.iter().enumerate() {
        let idx = style.paint(style.gutter(), &format!("{i:>w$}"));
        let para = style.paint(style.dim(), &format!("¶{}", s.paragraph));
        writeln!(out, "{idx} {para:<4} {}", s.text)?;
    }
    Ok(())
}

/// One sentence as JSON.
#[derive(Serialize)]
struct JsonSentence<'a> {
    index: usize,
    paragraph: usize,
    kind: crate::input::BlockKind,
    text: &'a str,
}

/// `provcheck segment --format json`.
pub fn sentences_json(
    path: &str,
    language: &str,
    sentences: &[Sentence],
    out: &mut dyn Write,
) -> io::Result<()> {
    let list: Vec<_> = sentences
        .iter()
        .enumerate()
        .map(|(index, s)| JsonSentence { index, paragraph: s.paragraph, kind: s.kind, text: &s.text })
        .collect();
    let v = serde_json::json!({ "path": path, "language": language, "sentences": list });
    serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::other)?;
    writeln!(out)
}

/// `provcheck align --format beads`: exactly one `[o]:[t]` per line.
pub fn beads(alignment: &Alignment, out: &mut dyn Write) -> io::Result<()> {
    for b in &alignment.beads {
        writeln!(out, "{}", b.to_gold_string())?;
    }
    Ok(())
}

/// `provcheck align --format json`: both documents' sentences, the beads and their scores.
#[allow(clippy::too_many_arguments)] // two documents' name, language and sentences, plus the output
pub fn alignment_json(
    original: (&str, &str, &[Sentence]),
    translation: (&str, &str, &[Sentence]),
    alignment: &Alignment,
    notes: &[String],
    out: &mut dyn Write,
) -> io::Result<()> {
    let doc = |(path, language, sentences): (&str, &str, &[Sentence])| {
        serde_json::json!({
            "path": path,
            "language": language,
            "sentences": sentences.iter().enumerate().map(|(index, s)| serde_json::json!({
                "index": index, "paragraph": s.paragraph, "text": s.text,
            })).collect::<Vec<_>>(),
        })
    };
    let v = serde_json::json!({
        "version": crate::report::FORMAT_VERSION,
        "original": doc(original),
        "translation": doc(translation),
        "beads": alignment.beads,
        "notes": notes,
    });
    serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::other)?;
    writeln!(out)
}

/// `provcheck align`: a two-column table of beads with their scores.
pub fn alignment_table(
    original: &[Sentence],
    translation: &[Sentence],
    alignment: &Alignment,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let col = (style.width.saturating_sub(20) / 2).max(20);
    writeln!(
        out,
        "{}",
        style.paint(
            style.bold(),
            &format!("{:>4} {:>5}  {:<col$}  {}", "bead", "score", "original", "translation")
        )
    )?;
    for (i, b) in alignment.beads.iter().enumerate() {
        let left = side_text(b.original.iter().map(|x| (x.0, original[x.0].text.as_str())));
        let right = side_text(b.translation.iter().map(|x| (x.0, translation[x.0].text.as_str())));
        let left = wrap(&left, col);
        let right = wrap(&right, col);
        let rows = left.len().max(right.len());
        let flag = bead_flag(b);
        for r in 0..rows {
            let l = left.get(r).map_or("", String::as_str);
            let t = right.get(r).map_or("", String::as_str);
            let lpad = " ".repeat(col.saturating_sub(l.width()));
            if r == 0 {
                let score = format!("{:.2}{flag}", b.score);
                writeln!(out, "{:>4} {:>5}  {l}{lpad}  {t}", i, score)?;
            } else {
                writeln!(out, "{:>4} {:>5}  {l}{lpad}  {t}", "", "")?;
            }
        }
    }
    Ok(())
}

fn bead_flag(b: &Bead) -> &'static str {
    if b.low_confidence { "?" } else { " " }
}

fn side_text<'a>(items: impl Iterator<Item = (usize, &'a str)>) -> String {
    let parts: Vec<String> = items.map(|(i, t)| format!("[{i}] {t}")).collect();
    if parts.is_empty() { "—".to_owned() } else { parts.join(" ") }
}

/// Greedy word wrap by display width; words longer than the width are cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while word.width() > width {
            let mut w = 0;
            let cut: String = word
                .chars()
                .take_while(|c| {
                    w += c.width().unwrap_or(0);
                    w <= width
                })
                .collect();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            word = word[cut.len()..].to_owned();
            lines.push(cut);
        }
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `provcheck claims`: each sentence that has claims, then one line per claim.
pub fn claims(
    sentences: &[Sentence],
    claims: &[SentenceClaims],
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (i, (s, c)) in sentences.iter().zip(claims).enumerate() {
        writeln!(out, "{} {}", style.paint(style.gutter(), &format!("[{i}]")), s.text)?;
        for line in claim_lines(c) {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

/// The claims of one sentence as short lines (`number 200`, `attribution sagte ← Präfektur`).
pub fn claim_lines(c: &SentenceClaims) -> Vec<String> {
    let mut lines = Vec::new();
    for q in &c.quantities {
        let value = q.value.map_or("vague".to_owned(), format_number);
        let mut extra = String::new();
        if let Some(cur) = &q.currency {
            extra.push_str(&format!(" {cur}"));
        }
        if q.approximate {
            extra.push_str(" ~");
        }
        lines.push(
            format!("{:<11} {value}{extra} ({:?}) `{}`", "quantity", q.kind, q.text)
                .replace("(Cardinal) ", ""),
        );
    }
    for d in &c.dates {
        let what = match d.kind {
            DateKind::Year { year } => format!("year {year}"),
            DateKind::Month { month, day: Some(day) } => format!("month {month} day {day}"),
            DateKind::Month { month, day: None } => format!("month {month}"),
            DateKind::Weekday { weekday } => format!("weekday {weekday}"),
            DateKind::Time { hour, minute } => format!("time {hour:02}:{minute:02}"),
            DateKind::Relative { days } => format!("relative day {days:+}"),
        };
        lines.push(format!("{:<11} {what} `{}`", "date", d.text));
    }
    for e in &c.entities {
        lines.push(format!(
            "{:<11} {} [{:?}{}] `{}`",
            "entity",
            e.key,
            e.kind,
            if e.known { ", known" } else { "" },
            e.text
        ));
    }
    for q in &c.quotes {
        lines.push(format!("{:<11} {} words `{}`", "quote", q.words, q.text));
    }
    for a in &c.attributions {
        let source = a.source.as_ref().map_or("(no source found)".to_owned(), |s| format!("← `{}`", s.text));
        lines.push(format!("{:<11} {:?} `{}` {source}", "attribution", a.kind, a.cue));
    }
    for h in &c.hedges {
        lines.push(format!("{:<11} `{}`", "hedge", h.text));
    }
    for h in &c.soft_hedges {
        lines.push(format!("{:<11} `{}`", "soft hedge", h.text));
    }
    for n in &c.negations {
        lines.push(format!("{:<11} `{}`", "negation", n.text));
    }
    for n in &c.soft_negations {
        lines.push(format!("{:<11} `{}`", "soft neg.", n.text));
    }
    if let Some(cr) = &c.credit {
        lines.push(format!("{:<11} `{}`", "credit", cr.text));
    }
    lines
}

/// A number without a needless `.0`.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
}
