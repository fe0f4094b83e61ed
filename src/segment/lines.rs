//! Line breaks inside a block: a headline over its sub-headline, a dateline on a line of its own, a list
//! with one item a line, or prose hard-wrapped at a fixed width.
//!
//! In: the lines of a block (and, for the wrap width, of the whole document). Out: for each line break,
//! whether it ends a sentence ([`Break::Hard`]), continues one ([`Break::Soft`]), or leaves the decision
//! to the punctuation before it ([`Break::Punctuation`]).
//!
//! A document is taken as hard-wrapped when at least three line breaks inside blocks exist and a third or
//! more of them are plainly mid-sentence (the next line starts in lower case, or the line ends in a comma
//! or a hyphen). Its wrap width is its longest line. In such a document a break is soft when the next
//! line's first word would not have fitted on the line (that is why a greedy wrapper broke there), give or
//! take a fifth of the width, as wrappers that balance lines (`fmt`) break early. A line
//! that stops well short of the width ends on purpose (a headline, a signature). In a document that is
//! not wrapped, a line without final punctuation ends its sentence: that is how headlines, bylines and
//! sub-headlines are written.

use super::rules::{is_closing, is_terminator};

/// How a line break is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Break {
    /// The line break ends the sentence.
    Hard,
    /// The sentence goes on on the next line.
    Soft,
    /// The line ends in sentence punctuation: the punctuation rules decide, as for a space.
    Punctuation,
}

/// What is known about the document's line breaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineStyle {
    /// The wrap width in characters, when the text is hard-wrapped.
    pub wrap_width: Option<usize>,
}

impl LineStyle {
    /// Looks at the line breaks inside the given blocks.
    pub fn detect<'t>(blocks: impl Iterator<Item = &'t str>) -> LineStyle {
        let (mut breaks, mut midsentence, mut widest) = (0usize, 0usize, 0usize);
        for block in blocks {
            let lines: Vec<&str> = block.split('\n').collect();
            if lines.len() < 2 {
                continue;
            }
            for pair in lines.windows(2) {
                let (line, next) = (pair[0].trim(), pair[1].trim());
                // A list says nothing about wrapping: its items start lower case by habit.
                if starts_list_item(next) || starts_list_item(line) {
                    continue;
                }
                breaks += 1;
                if starts_lower(next) || ends_mid_sentence(line) {
                    midsentence += 1;
                }
            }
            widest = widest.max(lines.iter().map(|l| l.trim().chars().count()).max().unwrap_or(0));
        }
        let wrapped = breaks >= 3 && midsentence * 3 >= breaks && widest >= 30;
        LineStyle { wrap_width: wrapped.then_some(widest) }
    }

    /// How the break between `line` and `next` (both trimmed) is read.
    pub(super) fn classify(&self, line: &str, next: &str) -> Break {
        if starts_list_item(next) {
            return Break::Hard;
        }
        if ends_in_punctuation(line) {
            return Break::Punctuation;
        }
        if starts_lower(next) || ends_mid_sentence(line) || ends_open(line) || is_dateline(line) {
            return Break::Soft;
        }
        match self.wrap_width {
            Some(width) => {
                let next_word = next.split(char::is_whitespace).next().unwrap_or("").chars().count();
                // Wrappers that balance lines (`fmt`) break before the width, so allow a fifth of slack.
                let reach = line.chars().count() + 1 + next_word;
                if reach * 5 >= width * 4 { Break::Soft } else { Break::Hard }
            }
            None => Break::Hard,
        }
    }
}

fn starts_lower(line: &str) -> bool {
    line.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase)
}

/// A line ending in a comma, a semicolon or a hyphenated word part continues on the next.
fn ends_mid_sentence(line: &str) -> bool {
    let mut rev = line.chars().rev();
    match rev.next() {
        Some(',' | ';') => true,
        Some('-') => rev.next().is_some_and(char::is_alphabetic),
        _ => false,
    }
}

/// A line ending in a colon, an opening bracket or a dash leads into the next.
fn ends_open(line: &str) -> bool {
    line.ends_with([':', '(', '[', '–', '—', '-', '„', '«'])
}

/// The line ends with sentence punctuation, perhaps followed by closing quotes or brackets.
fn ends_in_punctuation(line: &str) -> bool {
    line.chars().rev().find(|c| !is_closing(*c) && !c.is_whitespace()).is_some_and(is_terminator)
}

/// A dateline on its own line: a place of up to three words, then an agency in brackets, `BERLIN (dpa)`.
/// A caption such as `Die Regierung (rechts)` is not one; `Die Regierung (Foto)` would pass, a rare miss
/// that joins two lines.
fn is_dateline(line: &str) -> bool {
    let Some(body) = line.strip_suffix(')') else {
        return false;
    };
    let Some((place, agency)) = body.rsplit_once('(') else {
        return false;
    };
    let words: Vec<&str> = place.split_whitespace().collect();
    // Agencies are short and one word: `dpa`, `AFP`, `Reuters`, `dpa-AFX`.
    let n = agency.chars().count();
    let agency_ok = !agency.contains(char::is_whitespace)
        && ((1..=3).contains(&n) || (n <= 12 && agency.starts_with(char::is_uppercase)));
    let place_ok = (1..=3).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && (words.len() <= 2 || !place.chars().any(char::is_lowercase));
    agency_ok && place_ok
}

/// A line that starts a list item: a bullet or dash and a space, or `1.` / `1)` / `a)` and a space.
pub(super) fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(first, '-' | '*' | '•' | '·' | '‣' | '–') {
        return chars.next().is_some_and(char::is_whitespace);
    }
    list_number_len(line).is_some()
}

/// Byte length of a list number at the start of a line (`1.`, `12)`, `a)`), when one stands there
/// followed by white space.
pub(super) fn list_number_len(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let (marker_at, ok) = if digits > 0 && digits <= 2 {
        (digits, true)
    } else {
        let letter = line.chars().next().filter(char::is_ascii_lowercase);
        (1, letter.is_some() && line.as_bytes().get(1) == Some(&b')'))
    };
    if !ok {
        return None;
    }
    let marker = *line.as_bytes().get(marker_at)?;
    if !(marker == b')' || (marker == b'.' && digits > 0)) {
        return None;
    }
    line[marker_at + 1..].starts_with(char::is_whitespace).then_some(marker_at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items() {
        assert!(starts_list_item("- eins"));
        assert!(starts_list_item("• eins"));
        assert!(starts_list_item("1. Punkt"));
        assert!(starts_list_item("12) Punkt"));
        assert!(starts_list_item("a) Punkt"));
        assert!(!starts_list_item("2020. Das"));
        assert!(!starts_list_item("-5 Grad"));
        assert!(!starts_list_item("Abends"));
        assert!(!starts_list_item("3.5 Prozent"));
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("BERLIN (dpa)"));
        assert!(is_dateline("Frankfurt/Main (AFP)"));
        assert!(!is_dateline("Merkel trifft Macron (Video)"));
        assert!(!is_dateline("Die Regierung (rechts)"));
    }

    #[test]
    fn headline_lines_are_hard_unless_wrapped() {
        let plain = LineStyle::default();
        assert_eq!(plain.classify("Number still unclear", "Russian soldiers killed"), Break::Hard);
        assert_eq!(plain.classify("the soldiers were", "killed on Tuesday."), Break::Soft);
        assert_eq!(plain.classify("Er sagte:", "„Wir kommen.“"), Break::Soft);
        assert_eq!(plain.classify("Es ist vorbei.", "Neue Zeile"), Break::Punctuation);
        let wrapped = LineStyle { wrap_width: Some(40) };
        assert_eq!(wrapped.classify("Die Bundesregierung hat am Dienstag ihre", "Pläne"), Break::Soft);
        assert_eq!(wrapped.classify("Kurze Zeile", "Pläne"), Break::Hard);
    }

    #[test]
    fn detects_wrapping() {
        let wrapped = "The government said on Tuesday that the\nplans would be changed before the end of\nthe year, and that the costs would rise by\nabout a third.";
        assert_eq!(LineStyle::detect([wrapped].into_iter()).wrap_width, Some(42));
        let headlines = "Number still unclear\nRussian soldiers killed";
        assert_eq!(LineStyle::detect([headlines, headlines, headlines].into_iter()).wrap_width, None);
        let list = "Demands:\n- an immediate ceasefire\n- a withdrawal\n- an investigation";
        assert_eq!(LineStyle::detect([headlines, list].into_iter()).wrap_width, None);
    }
}
