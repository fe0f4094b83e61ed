//! Input: read, decode, reduce markup, normalise.
//!
//! In: a path (or `-` for standard input) or a string already in memory. Out: a [`Document`] whose
//! `text` is NFC-normalised plain text (Markdown reduced to its words, CRLF to LF, the BOM dropped),
//! split into [`Block`]s (paragraphs, headings, list items), with a byte-offset map back to the raw input
//! so every later span can point at the bytes the user wrote.
//!
//! This module decides whether input is acceptable (UTF-8, not binary, not empty, not huge) and says why
//! not in an [`Error`]; it must not segment sentences or know about languages.

mod markdown;

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::error::{Error, Result};

/// The largest document provcheck reads (64 MiB): far beyond any article, small enough that the offset
/// maps and the aligner's working set stay in memory comfortably.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// How the raw bytes are to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text: blank lines separate paragraphs, nothing else is markup.
    #[default]
    Plain,
    /// Markdown: headings, emphasis, links, lists and HTML comments are reduced to their text.
    Markdown,
}

impl Format {
    /// Markdown for `.md`, `.markdown` and `.mdown` files, plain text otherwise.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase) {
            Some(ext) if matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// What kind of block a paragraph is, as far as the markup tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

/// A paragraph-level block of the normalised text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte range in [`Document::text`].
    pub range: Range<usize>,
    pub kind: BlockKind,
}

/// A decoded, normalised document.
#[derive(Clone, Debug)]
pub struct Document {
    /// What to call the document in messages: the path as given, or `<stdin>`.
    pub name: String,
    /// The input as read (BOM removed), for reporting spans and lines.
    pub raw: String,
    /// Normalised plain text: NFC, LF line ends, markup reduced; blocks separated by a blank line.
    pub text: String,
    /// Paragraph-level blocks in document order.
    pub blocks: Vec<Block>,
    /// The raw byte offset of every text byte.
    offsets: OffsetMap,
}

impl Document {
    /// Reads and decodes a document from a path, `-` meaning standard input.
    pub fn read(path: &Path, format: Option<Format>) -> Result<Document> {
        let bytes = read_bytes(path)?;
        let format = format.unwrap_or_else(|| Format::from_path(path));
        Document::from_bytes(&display_name(path), &bytes, format)
    }

    /// Decodes a document from bytes already in memory; `name` is used in error messages.
    pub fn from_bytes(name: &str, bytes: &[u8], format: Format) -> Result<Document> {
        let path = PathBuf::from(name);
        if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
            return Err(Error::TooLarge { path, size: bytes.len() as u64, limit: MAX_DOCUMENT_BYTES });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Some(offset) = memchr_nul(bytes) {
            return Err(Error::Binary { path, offset });
        }
        let raw = match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(e) => {
                let offset = e.valid_up_to();
                let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
                return Err(Error::InvalidUtf8 { path, offset, line });
            }
        };
        if let Some(offset) = binary_control_offset(&raw) {
            return Err(Error::Binary { path, offset });
        }
        let doc = Document::from_str_with(name, raw, format);
        if doc.text.trim().is_empty() {
            return Err(Error::Empty { path });
        }
        Ok(doc)
    }

    /// Builds a document from text without the acceptability checks (used by tests and the library API
    /// for text the caller already holds). An empty text gives a document with no blocks.
    pub fn from_str_with(name: &str, raw: String, format: Format) -> Document {
        // Lines are reduced and assembled one at a time: a line's characters with their raw offsets take
        // eight bytes each, which for a whole 64 MiB document would be half a gigabyte at once.
        let mut assembler = Assembler::new(raw.len());
        match format {
            Format::Plain => plain_lines(&raw, |line| assembler.push(line)),
            Format::Markdown => markdown::reduce(&raw, |line| assembler.push(line)),
        }
        let (text, offsets, blocks) = assembler.finish(raw.len());
        Document { name: name.to_owned(), raw, text, blocks, offsets }
    }

    /// The raw byte offset of a byte offset in `text` (clamped to the end).
    pub fn raw_offset(&self, text_offset: usize) -> usize {
        self.offsets.raw_offset(&self.text, text_offset)
    }

    /// The raw byte range of a byte range in `text`.
    pub fn raw_range(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self.raw_offset(range.start);
            return at..at;
        }
        let start = self.raw_offset(range.start);
        // The end maps through the last byte of the range, so a range never swallows markup after it.
        let last = self.raw_offset(range.end - 1);
        // The last character, plus any combining marks NFC folded into it.
        let mut end = last;
        for (k, c) in self.raw[last..].char_indices() {
            if k > 0 && canonical_combining_class(c) == 0 {
                break;
            }
            end = last + k + c.len_utf8();
        }
        start..end.max(start)
    }

    /// 1-based line and column (in characters) of a raw byte offset.
    pub fn line_col(&self, raw_offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.raw, raw_offset.min(self.raw.len()));
        let before = &self.raw[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = self.raw[line_start..offset].chars().count() + 1;
        (line, col)
    }
}

/// The name a path goes by in messages.
pub fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" { "<stdin>".to_owned() } else { path.display().to_string() }
}

/// Reads a whole file (or standard input for `-`), refusing directories and huge files.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let limit = MAX_DOCUMENT_BYTES;
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        let stdin = std::io::stdin();
        let mut handle = stdin.lock().take(limit + 1);
        handle
            .read_to_end(&mut buf)
            .map_err(|source| Error::Io { path: PathBuf::from("<stdin>"), source })?;
        if buf.len() as u64 > limit {
            return Err(Error::TooLarge { path: PathBuf::from("<stdin>"), size: buf.len() as u64, limit });
        }
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    if meta.is_dir() {
        return Err(Error::IsDirectory { path: path.to_owned() });
    }
    if meta.len() > limit {
        return Err(Error::TooLarge { path: path.to_owned(), size: meta.len(), limit });
    }
    std::fs::read(path).map_err(|source| Error::Io { path: path.to_owned(), source })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Text with many C0 control characters (other than tab, LF, CR, form feed) is binary in disguise.
fn binary_control_offset(text: &str) -> Option<usize> {
    let mut controls = 0usize;
    let mut first = None;
    let mut chars = 0usize;
    for (i, c) in text.char_indices() {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') && (c as u32) < 0x20 {
            controls += 1;
            first.get_or_insert(i);
        }
    }
    // One stray control byte is tolerated (old word-processor exports have them); a few percent is not.
    if controls > 0 && (controls * 100 >= chars.max(1) || controls > 32) { first } else { None }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A piece of reduced text: the text and the raw offset of each of its bytes' characters.
#[derive(Debug, Default)]
pub(crate) struct Line {
    /// Characters kept, each with the raw byte offset it came from.
    pub chars: Vec<(char, u32)>,
    /// True when this line starts a new block (after a blank line, or a heading/list item).
    pub starts_block: bool,
    /// The kind of the block this line starts or continues.
    pub kind: Option<BlockKind>,
    /// True when the line is blank (separates blocks).
    pub blank: bool,
}

/// Plain text: each line as it is (CR dropped), blank lines separating blocks, handed to `sink` in order.
fn plain_lines(raw: &str, mut sink: impl FnMut(&Line)) {
    let mut offset = 0usize;
    let mut l = Line::default();
    for line in raw.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        l.chars.clear();
        l.blank = content.trim().is_empty();
        if !l.blank {
            l.chars.extend(content.char_indices().map(|(i, c)| (c, (offset + i) as u32)));
        }
        sink(&l);
        offset += line.len();
    }
}

/// Where each byte of the normalised text came from in the raw input: every byte of a text character
/// maps to the raw offset of the character it came from (of the starter, for a cluster NFC changed).
///
/// Stored as runs of characters rather than a `u32` per byte (four bytes for every byte of text: 46 MB
/// for an 11 MB document): in a *copied* run, the character at text offset `p` came from
/// `raw + (p - text)`; in a *constant* run, every character came from `raw` (a cluster NFC rewrote,
/// line breaks put in place of the raw line end). A run ends wherever markup was dropped, lines were
/// joined or NFC changed something, so a plain document needs about three runs a line.
#[derive(Clone, Debug, Default)]
struct OffsetMap {
    runs: Vec<Run>,
    /// The raw offset of the end of the text (the raw input's length).
    end: usize,
}

#[derive(Clone, Copy, Debug)]
struct Run {
    text: usize,
    raw: usize,
    constant: bool,
}

impl OffsetMap {
    /// The raw offset of text byte `i` (`end` from the end of the text on).
    fn raw_offset(&self, text: &str, i: usize) -> usize {
        if i >= text.len() {
            return self.end;
        }
        let Some(run) = self.runs.partition_point(|r| r.text <= i).checked_sub(1).map(|k| self.runs[k])
        else {
            return self.end;
        };
        if run.constant {
            return run.raw;
        }
        // Every byte of a character maps to the character's start; runs start on characters.
        let mut start = i;
        while start > run.text && !text.is_char_boundary(start) {
            start -= 1;
        }
        run.raw + (start - run.text)
    }
}

/// Builds an [`OffsetMap`] a character at a time.
#[derive(Debug, Default)]
struct OffsetBuilder {
    map: OffsetMap,
    /// Characters in the last run.
    in_run: usize,
    /// Every push, for the tests' byte-by-byte reference map.
    #[cfg(test)]
    pushed: Vec<(usize, usize)>,
}

impl OffsetBuilder {
    /// The character at text offset `p` came from raw offset `raw`.
    fn push(&mut self, p: usize, raw: usize) {
        #[cfg(test)]
        self.pushed.push((p, raw));
        if let Some(run) = self.map.runs.last_mut() {
            let copied = !run.constant && raw == run.raw + (p - run.text);
            let same = raw == run.raw && (run.constant || self.in_run == 1);
            if copied || same {
                run.constant |= same;
                self.in_run += 1;
                return;
            }
        }
        self.map.runs.push(Run { text: p, raw, constant: false });
        self.in_run = 1;
    }
}

/// Joins reduced lines into blocks, normalises to NFC, and builds the offset map, a line at a time.
struct Assembler {
    text: String,
    offsets: OffsetBuilder,
    blocks: Vec<Block>,
    /// The block being filled: where it starts in `text`, and its kind.
    open: Option<(usize, BlockKind)>,
    /// A line break is due before the next line's text (a line inside a block).
    need_break: bool,
}

impl Assembler {
    fn new(raw_len: usize) -> Self {
        Assembler {
            text: String::with_capacity(raw_len),
            offsets: OffsetBuilder::default(),
            blocks: Vec::new(),
            open: None,
            need_break: false,
        }
    }

    fn push_char(&mut self, c: char, at: u32) {
        self.offsets.push(self.text.len(), at as usize);
        self.text.push(c);
    }

    fn close(&mut self) {
        if let Some((start, kind)) = self.open.take() {
            let trimmed_end = start + self.text[start..].trim_end().len();
            if trimmed_end > start {
                self.blocks.push(Block { range: start..trimmed_end, kind });
            }
        }
    }

    fn push(&mut self, line: &Line) {
        // Trim each line's white space so blocks start and end on text.
        let first = line.chars.iter().position(|(c, _)| !c.is_whitespace());
        let last = line.chars.iter().rposition(|(c, _)| !c.is_whitespace());
        let (Some(first), Some(last)) = (first, last) else {
            if line.blank || line.starts_block {
                self.close();
            }
            return;
        };
        let chars = &line.chars[first..=last];
        if line.starts_block || self.open.is_none() {
            self.close();
            if !self.text.is_empty() {
                let at = chars[0].1;
                self.push_char('\n', at);
                self.push_char('\n', at);
            }
            self.open = Some((self.text.len(), line.kind.unwrap_or(BlockKind::Paragraph)));
            self.need_break = false;
        }
        if self.need_break {
            self.push_char('\n', chars[0].1);
        }
        normalize_into(chars, &mut self.text, &mut self.offsets);
        self.need_break = true;
    }

    fn finish(mut self, raw_len: usize) -> (String, OffsetMap, Vec<Block>) {
        self.close();
        let mut map = self.offsets.map;
        map.end = raw_len;
        map.runs.shrink_to_fit();
        (self.text, map, self.blocks)
    }
}

/// Appends characters in NFC. Each run of a starter and its combining marks is normalised on its own
/// and all of its output bytes map to the starter's raw offset.
fn normalize_into(chars: &[(char, u32)], text: &mut String, offsets: &mut OffsetBuilder) {
    let mut i = 0;
    while i < chars.len() {
        let mut j = i + 1;
        while j < chars.len() && canonical_combining_class(chars[j].0) != 0 {
            j += 1;
        }
        let at = chars[i].1;
        if j == i + 1 && chars[i].0.is_ascii() {
            offsets.push(text.len(), at as usize);
            text.push(chars[i].0);
        } else {
            let run: String = chars[i..j].iter().map(|(c, _)| *c).collect();
            for c in run.nfc() {
                offsets.push(text.len(), at as usize);
                text.push(c);
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Checks the run-length offset map against the map it replaced (a `u32` per text byte, each byte
    /// mapping to its character's raw offset, and `raw.len()` from the end of the text on).
    fn assert_map_exact(raw: &str, format: Format) {
        let mut assembler = Assembler::new(raw.len());
        match format {
            Format::Plain => plain_lines(raw, |line| assembler.push(line)),
            Format::Markdown => markdown::reduce(raw, |line| assembler.push(line)),
        }
        let pushed = assembler.offsets.pushed.clone();
        let (text, map, _) = assembler.finish(raw.len());
        let mut reference = Vec::new();
        for (k, &(p, at)) in pushed.iter().enumerate() {
            let next = pushed.get(k + 1).map_or(text.len(), |x| x.0);
            reference.extend(std::iter::repeat_n(at, next - p));
        }
        assert_eq!(reference.len(), text.len());
        for i in 0..text.len() + 3 {
            let expected = reference.get(i).copied().unwrap_or(raw.len());
            let near = text.get(i.saturating_sub(20)..(i + 20).min(text.len())).unwrap_or("");
            assert_eq!(map.raw_offset(&text, i), expected, "text byte {i}, near {near:?}");
        }
    }

    #[test]
    fn offset_map_is_exact_on_the_fixtures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut stack = vec![root];
        let mut files = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if let Ok(raw) = std::fs::read_to_string(&path) {
                    assert_map_exact(&raw, Format::from_path(&path));
                    assert_map_exact(&raw, Format::Plain);
                    files += 1;
                }
            }
        }
        assert!(files > 100, "only {files} fixture files");
    }

    #[test]
    fn offset_map_is_exact_on_tricky_text() {
        for raw in [
            "",
            "Cafe\u{301} ist gut.\r\nZweite Zeile\u{327}\u{301}.\n\n  Dritte.  ",
            "\u{212B}ngstr\u{f6}m \u{1100}\u{1161}\u{11a8} \u{fb01}x \u{e9}\u{301}\u{327}",
            "# Titel *kursiv* und **fett**\nText mit [Link](https://x.de) <!-- Kommentar -->.\n\n- Punkt\nTitel\n====\n",
            "Москва\u{301} — «цитата».\n\n中文。日本語！",
        ] {
            assert_map_exact(raw, Format::Plain);
            assert_map_exact(raw, Format::Markdown);
        }
    }

    proptest! {
        #[test]
        fn offset_map_is_exact_on_any_text(raw in "[a-zé \u{301}\u{327}\u{212B}ö\n\r*#\\[\\]()<>!-]{0,80}") {
            assert_map_exact(&raw, Format::Plain);
            assert_map_exact(&raw, Format::Markdown);
        }
    }

    fn doc(s: &str, f: Format) -> Document {
        Document::from_str_with("t", s.to_owned(), f)
    }

    #[test]
    fn paragraphs_and_crlf() {
        let d = doc("Eins zwei.\r\nDrei.\r\n\r\n\r\nVier.\r\n", Format::Plain);
        assert_eq!(d.text, "Eins zwei.\nDrei.\n\nVier.");
        assert_eq!(d.blocks.len(), 2);
        let vier = d.text.find("Vier").unwrap();
        assert_eq!(&d.raw[d.raw_offset(vier)..d.raw_offset(vier) + 4], "Vier");
    }

    #[test]
    fn nfc_with_offsets() {
        let d = doc("Cafe\u{301} ist gut.", Format::Plain);
        assert_eq!(d.text, "Café ist gut.");
        let r = d.raw_range(0..d.text.find(' ').unwrap());
        assert_eq!(&d.raw[r], "Cafe\u{301}");
    }

    #[test]
    fn bom_binary_utf8_empty() {
        assert_eq!(Document::from_bytes("x", b"\xEF\xBB\xBFHallo.", Format::Plain).unwrap().text, "Hallo.");
        assert!(matches!(
            Document::from_bytes("x", b"ab\0cd", Format::Plain),
            Err(Error::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            Document::from_bytes("x", b"ok\n\xff", Format::Plain),
            Err(Error::InvalidUtf8 { offset: 3, line: 2, .. })
        ));
        assert!(matches!(Document::from_bytes("x", b" \n\n ", Format::Plain), Err(Error::Empty { .. })));
    }
}
