//! Markdown reduced to its text.
//!
//! Not a full CommonMark parser: news articles use a small part of Markdown, and what matters here is that
//! every character kept maps back to its raw byte. Handled: ATX and setext headings, block quotes, bullet
//! and numbered list items, thematic breaks, code fences, emphasis and strong markers, inline code, links
//! and images (their text is kept, the address dropped), autolinks, reference definitions, HTML tags and
//! HTML comments (which may span lines; provcheck waivers and fixture expectations live in them).

use super::{BlockKind, Line};

/// Reduces Markdown to lines of text with raw offsets, handed to `sink` in order.
pub(crate) fn reduce(raw: &str, sink: impl FnMut(&Line)) {
    let hidden = comment_ranges(raw);
    let mut lines = Pending { lines: Vec::new(), sink };
    let mut offset = 0usize;
    let mut in_fence = false;
    for line in raw.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        // Characters outside HTML comments.
        let visible: Vec<(char, u32)> = content
            .char_indices()
            .map(|(i, c)| (c, (start + i) as u32))
            .filter(|(_, at)| !inside(&hidden, *at as usize))
            .collect();
        let visible_text: String = visible.iter().map(|(c, _)| *c).collect();
        let trimmed = visible_text.trim();
        let fully_hidden = visible.is_empty() && !content.trim().is_empty();
        if fully_hidden {
            // A line that was only a comment neither breaks nor joins paragraphs.
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            lines.push(Line { blank: true, ..Line::default() });
            continue;
        }
        if in_fence {
            lines.push(Line {
                chars: visible,
                starts_block: true,
                kind: Some(BlockKind::Paragraph),
                blank: false,
            });
            continue;
        }
        if trimmed.is_empty() {
            lines.push(Line { blank: true, ..Line::default() });
            continue;
        }
        if is_thematic_break(trimmed) || is_reference_definition(trimmed) {
            lines.push(Line { blank: true, ..Line::default() });
            continue;
        }
        if is_setext_underline(trimmed) {
            // The previous line was a heading: mark it so and end the block.
            if let Some(prev) = lines.last_text_line() {
                prev.kind = Some(BlockKind::Heading);
                prev.starts_block = true;
            }
            lines.push(Line { blank: true, ..Line::default() });
            continue;
        }
        let (body, kind) = strip_block_prefix(&visible);
        let chars = strip_inline(body);
        match kind {
            Some(kind) => lines.push(Line { chars, starts_block: true, kind: Some(kind), blank: false }),
            None => {
                // A line right after a heading starts a new paragraph even without a blank line.
                let after_heading = lines.last().is_some_and(|l| l.kind == Some(BlockKind::Heading));
                lines.push(Line { chars, starts_block: after_heading, kind: None, blank: false });
            }
        }
        if kind == Some(BlockKind::Heading) {
            // Headings are single-line blocks.
            lines.push(Line { blank: true, ..Line::default() });
        }
    }
    lines.flush();
}

/// The lines since the last non-blank one, held back because a setext underline may still make that
/// line a heading; everything before it is final and has gone to the sink.
struct Pending<F: FnMut(&Line)> {
    lines: Vec<Line>,
    sink: F,
}

impl<F: FnMut(&Line)> Pending<F> {
    fn push(&mut self, line: Line) {
        if !line.blank {
            self.flush();
        }
        self.lines.push(line);
    }

    fn flush(&mut self) {
        for line in self.lines.drain(..) {
            (self.sink)(&line);
        }
    }

    fn last(&self) -> Option<&Line> {
        self.lines.last()
    }

    /// The last non-blank line (always the first one held, if any).
    fn last_text_line(&mut self) -> Option<&mut Line> {
        self.lines.iter_mut().rev().find(|l| !l.blank)
    }
}

fn inside(ranges: &[(usize, usize)], at: usize) -> bool {
    let i = ranges.partition_point(|&(_, end)| end <= at);
    ranges.get(i).is_some_and(|&(start, end)| start <= at && at < end)
}

/// Byte ranges of `<!-- ... -->` comments (an unterminated one runs to the end).
fn comment_ranges(raw: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = raw[from..].find("<!--") {
        let start = from + i;
        let end = raw[start + 4..].find("-->").map_or(raw.len(), |j| start + 4 + j + 3);
        out.push((start, end));
        from = end;
    }
    out
}

fn is_thematic_break(t: &str) -> bool {
    let no_space: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    no_space.len() >= 3 && (no_space.chars().all(|c| c == '*') || no_space.chars().all(|c| c == '_'))
}

fn is_setext_underline(t: &str) -> bool {
    t.len() >= 2 && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

fn is_reference_definition(t: &str) -> bool {
    t.starts_with('[') && t.find("]:").is_some_and(|i| i > 1 && !t[..i].contains(']'))
}

/// Strips block markers (`#`, `>`, list bullets) from the start of a line.
fn strip_block_prefix(chars: &[(char, u32)]) -> (&[(char, u32)], Option<BlockKind>) {
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < chars.len() && chars[*i].0.is_whitespace() {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    // Block quotes, possibly nested.
    while i < chars.len() && chars[i].0 == '>' {
        i += 1;
        skip_ws(&mut i);
    }
    let rest: String = chars[i..].iter().take(12).map(|(c, _)| *c).collect();
    // ATX heading.
    let hashes = rest.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && rest.chars().nth(hashes).is_some_and(|c| c == ' ' || c == '\t') {
        let mut body = &chars[i + hashes..];
        // Closing hashes.
        while body.last().is_some_and(|(c, _)| *c == '#' || c.is_whitespace()) {
            body = &body[..body.len() - 1];
        }
        return (body, Some(BlockKind::Heading));
    }
    // Bullet list item.
    let mut it = rest.chars();
    if let (Some(b), Some(s)) = (it.next(), it.next())
        && matches!(b, '-' | '*' | '+' | '•')
        && s == ' '
    {
        return (&chars[i + 2..], Some(BlockKind::ListItem));
    }
    // Numbered list item: up to 9 digits, then `.` or `)`, then a space.
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let mut it = rest.chars().skip(digits);
        if let (Some(p), Some(' ')) = (it.next(), it.next())
            && (p == '.' || p == ')')
        {
            // "1. Januar" and "3. Platz" are not list items when what follows is lower-case text or a
            // word that continues a sentence; a list item needs real text after the marker.
            return (&chars[i + digits + 2..], Some(BlockKind::ListItem));
        }
    }
    (&chars[i..], None)
}

/// Removes inline markup: emphasis markers, code backticks, link and image syntax, HTML tags, escapes.
fn strip_inline(chars: &[(char, u32)]) -> Vec<(char, u32)> {
    let mut out = Vec::with_capacity(chars.len());
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i].0;
        match c {
            '\\' if i + 1 < n && chars[i + 1].0.is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '`' => i += 1,
            '*' | '_' => {
                let run_end = (i..n).find(|&j| chars[j].0 != c).unwrap_or(n);
                let before = if i == 0 { None } else { Some(chars[i - 1].0) };
                let after = chars.get(run_end).map(|x| x.0);
                let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
                // An underscore inside a word (snake_case) is text; so is a lone `*` between spaces.
                let intraword = c == '_' && word(before) && word(after);
                let spaced = before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace);
                if intraword || spaced {
                    out.extend_from_slice(&chars[i..run_end]);
                }
                i = run_end;
            }
            '!' if i + 1 < n && chars[i + 1].0 == '[' => i += 1,
            '[' => {
                // [text](url) or [text][ref]: keep text, drop the rest.
                if let Some(close) = find_close(chars, i + 1, '[', ']') {
                    let next = chars.get(close + 1).map(|x| x.0);
                    let tail_end = match next {
                        Some('(') => find_close(chars, close + 2, '(', ')'),
                        Some('[') => find_close(chars, close + 2, '[', ']'),
                        _ => None,
                    };
                    if let Some(tail_end) = tail_end {
                        out.extend(strip_inline(&chars[i + 1..close]));
                        i = tail_end + 1;
                        continue;
                    }
                }
                out.push(chars[i]);
                i += 1;
            }
            '<' => {
                // HTML tag or autolink.
                let close = (i + 1..n).find(|&j| chars[j].0 == '>');
                let inner: String =
                    close.map_or(String::new(), |e| chars[i + 1..e].iter().map(|x| x.0).collect());
                let is_tag =
                    inner.chars().next().is_some_and(|f| f.is_ascii_alphabetic() || f == '/' || f == '!')
                        && !inner.contains(' ')
                        || inner.starts_with(|f: char| f.is_ascii_alphabetic()) && inner.contains('=');
                match close {
                    Some(e) if inner.contains("://") || inner.contains('@') && !inner.contains(' ') => {
                        out.extend_from_slice(&chars[i + 1..e]);
                        i = e + 1;
                    }
                    Some(e) if is_tag => i = e + 1,
                    _ => {
                        out.push(chars[i]);
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

fn find_close(chars: &[(char, u32)], from: usize, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    for (j, (c, _)) in chars.iter().enumerate().skip(from) {
        if *c == open {
            depth += 1;
        } else if *c == close {
            if depth == 0 {
                return Some(j);
            }
            depth -= 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::input::{BlockKind, Document, Format};

    fn md(s: &str) -> Document {
        Document::from_str_with("t.md", s.to_owned(), Format::Markdown)
    }

    #[test]
    fn headings_lists_links() {
        let d = md(
            "# Titel der *Meldung*\nErster Satz mit [Link](https://x.de). Zweiter.\n\n- Punkt eins\n- Punkt **zwei**\n",
        );
        assert_eq!(d.text, "Titel der Meldung\n\nErster Satz mit Link. Zweiter.\n\nPunkt eins\n\nPunkt zwei");
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [BlockKind::Heading, BlockKind::Paragraph, BlockKind::ListItem, BlockKind::ListItem]
        );
        let link = d.text.find("Link").unwrap();
        let r = d.raw_range(link..link + 4);
        assert_eq!(&d.raw[r], "Link");
    }

    #[test]
    fn comments_vanish() {
        let d = md("Satz eins. <!-- expect: x -->\n<!-- ganz\nversteckt -->\nSatz zwei.");
        assert_eq!(d.text, "Satz eins.\nSatz zwei.");
    }

    #[test]
    fn setext_and_snake_case() {
        let d = md("Titel\n=====\nEin snake_case Wort.");
        assert_eq!(d.text, "Titel\n\nEin snake_case Wort.");
        assert_eq!(d.blocks[0].kind, BlockKind::Heading);
    }
}
