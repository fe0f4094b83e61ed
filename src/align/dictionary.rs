//! Bilingual dictionaries in the dictd format FreeDict ships (`NAME.index` + `NAME.dict` or `NAME.dict.dz`),
//! loaded at run time as one more alignment signal.
//!
//! In: a path the user gives (`--dictionary`), or a language pair to look up under `/usr/share/dictd`
//! (`$PROVCHECK_DICTD` overrides the directory). Out: a [`Dictionary`] that answers "which words translate
//! this original word", with simple fall-backs for inflected forms and German-style compounds.
//! The data is GPL or CC-BY-SA: it is read from the user's machine, never embedded in provcheck.
//! Loaded dictionaries are cached for the life of the process (batch mode checks many pairs).
//!
//! A loaded [`Dictionary`] is shared by all threads without locks: headwords sit in an open-addressing
//! hash table built at load time, and the body is parsed a stretch (one dictzip chunk, about 58 kB) at a
//! time, the first time a look-up needs an entry in it: every entry of the stretch is parsed then, into a
//! compact list of words in the stretch's own `OnceLock`. Each chunk is thus inflated once per process
//! (a batch of 236 news articles inflated chunks 10 500 times through a cache of 256), later look-ups read
//! without waiting, and the whole parsed deu-eng dictionary would take 13 MB. The body is read with
//! positional reads (no shared file cursor).
//!
//! The `.index` file lists `headword TAB offset TAB length` with offsets in dictd's base64 digits; the
//! `.dict.dz` file is gzip with dictzip's random-access table, so only the chunks holding the words a
//! document uses are inflated. A plain gzip file without that table is inflated whole.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use flate2::{Decompress, FlushDecompress};

use crate::error::{Error, Result};

/// Where Debian and its derivatives install dictd dictionaries.
pub const DEFAULT_DIR: &str = "/usr/share/dictd";

/// Environment variable naming another directory to search instead of [`DEFAULT_DIR`].
pub const DIR_VARIABLE: &str = "PROVCHECK_DICTD";

/// An installed dictionary with fewer headwords than this is not chosen automatically for a pair the
/// bundled lexicons serve: FreeDict's French, Spanish, Italian, Portuguese, Russian, Dutch and Polish
/// dictionaries (1,500 to 36,000 headwords) aligned the fixture pairs worse than the lexicons (ru-en
/// 20 of 22 variants right instead of 22, fr-en 19 instead of 20); German–English (500,000) is kept.
pub const MIN_AUTO_HEADWORDS: usize = 100_000;

/// Which dictionary the aligner should use.
#[derive(Clone, Debug, Default)]
pub enum DictionaryChoice {
    /// Look for an installed dictionary of the language pair (`check` resolves it and says which).
    #[default]
    Auto,
    /// No dictionary, and no installed word list of any kind (`--no-dictionary`): the name rules do not
    /// consult the installed spelling dictionaries either.
    Off,
    /// `Auto` found no dictionary for the pair: the aligner uses its bundled lexicons, and the name rules
    /// may still consult an installed spelling dictionary ([`crate::lang::spelling`]).
    NoneInstalled,
    /// The dictionary at this path (`.index`, `.dict`, `.dict.dz`, or the name without extension).
    Path(PathBuf),
    /// A dictionary already loaded, used the way round given.
    Loaded(Arc<Dictionary>, Direction),
}

/// Whether the dictionary translates original words (forward) or translation words (reverse).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Reverse,
}

/// A dictd dictionary.
#[derive(Debug)]
pub struct Dictionary {
    /// Path of the `.index` file.
    pub path: PathBuf,
    /// The name's language pair, when it has one (`deu-fra` gives `("deu", "fra")`).
    pub languages: Option<(String, String)>,
    /// Headwords, lower-cased, each in `heads` by `(start, len)`, sorted by text.
    heads: String,
    entries: Vec<IndexEntry>,
    /// The distinct headwords: the first entry of each (entries of one headword are consecutive), then
    /// `entries.len()`.
    groups: Vec<u32>,
    /// Open-addressing table of the distinct headwords by their hash, a power of two long: each slot
    /// holds the hash's high 32 bits above `group + 1` (0: empty), so that a probe rarely has to read
    /// the headword itself.
    table: Vec<u64>,
    /// Entries by stretch of the body: stretch `s` holds `by_stretch[stretch_start[s]..stretch_start[s + 1]]`.
    by_stretch: Vec<u32>,
    stretch_start: Vec<u32>,
    /// Bytes of the uncompressed body a stretch covers (a dictzip chunk).
    stretch_len: u64,
    /// The parsed words of each stretch, filled when a stretch is needed again (see
    /// [`Dictionary::stretch_when_due`]).
    parsed: Vec<OnceLock<Parsed>>,
    /// Look-ups so far that found their stretch unparsed.
    lone_lookups: AtomicUsize,
    body: Body,
    /// Tells this dictionary's chunks apart in the per-thread chunk cache.
    id: usize,
    /// Reverse look-up table, built on first reverse use.
    reverse: OnceLock<HashMap<Box<str>, Vec<Box<str>>>>,
}

#[derive(Clone, Copy, Debug)]
struct IndexEntry {
    head_start: u32,
    head_len: u16,
    offset: u64,
    len: u32,
    /// Position in `by_stretch`.
    order: u32,
}

/// The translation words of the entries of one stretch of the body, in `by_stretch` order.
#[derive(Debug, Default)]
struct Parsed {
    /// The words, end to end.
    text: String,
    /// Where each word ends in `text`.
    ends: Vec<u32>,
    /// The first word of each entry of the stretch, then the number of words.
    first: Vec<u32>,
}

impl Parsed {
    /// The words of the stretch's `k`-th entry.
    fn words(&self, k: usize) -> impl Iterator<Item = &str> {
        let (from, to) = match self.first.get(k..k + 2) {
            Some(w) => (w[0] as usize, w[1] as usize),
            None => (0, 0),
        };
        (from..to).map(move |i| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            self.text.get(start..self.ends[i] as usize).unwrap_or("")
        })
    }
}

/// Look-ups that read their entry alone before stretches are parsed whole (a few checks' worth).
const LONE_LOOKUPS: usize = 2_000;

/// Stretch length of a body without dictzip chunks (a plain `.dict` or a plain gzip file).
const PLAIN_STRETCH: u64 = 64 * 1024;

/// The `.dict` data: a plain or dictzip file read on demand, or plain gzip inflated in memory.
#[derive(Debug)]
enum Body {
    Plain(File),
    Dictzip { file: File, chunk_len: usize, chunks: Vec<(u64, u32)> },
    Memory(Vec<u8>),
}

/// Inflated dictzip chunks each thread keeps (each is about 58 kB): a stretch is read entry by entry,
/// and its last entry may run into the next chunk.
const CHUNK_CACHE: usize = 4;

/// An inflated chunk: `(dictionary id, chunk index, data)`.
type Chunk = (usize, usize, Rc<[u8]>);

thread_local! {
    /// The chunks this thread inflated last, most recent first.
    static CHUNKS: RefCell<Vec<Chunk>> = const { RefCell::new(Vec::new()) };
}

/// Source of [`Dictionary::id`].
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// ISO 639-1 → ISO 639-3 for the languages FreeDict covers.
const ISO_639_3: &[(&str, &str)] = &[
    ("af", "afr"),
    ("ar", "ara"),
    ("br", "bre"),
    ("cs", "ces"),
    ("cy", "cym"),
    ("da", "dan"),
    ("de", "deu"),
    ("el", "ell"),
    ("en", "eng"),
    ("eo", "epo"),
    ("es", "spa"),
    ("fi", "fin"),
    ("fr", "fra"),
    ("ga", "gle"),
    ("gd", "gla"),
    ("hi", "hin"),
    ("hr", "hrv"),
    ("hu", "hun"),
    ("is", "isl"),
    ("it", "ita"),
    ("ja", "jpn"),
    ("la", "lat"),
    ("lt", "lit"),
    ("nl", "nld"),
    ("no", "nor"),
    ("pl", "pol"),
    ("pt", "por"),
    ("ro", "ron"),
    ("ru", "rus"),
    ("sk", "slk"),
    ("sl", "slv"),
    ("sr", "srp"),
    ("sv", "swe"),
    ("sw", "swh"),
    ("tr", "tur"),
    ("uk", "ukr"),
];

/// The ISO 639-3 code FreeDict uses for an ISO 639-1 code.
pub fn iso_639_3(code: &str) -> Option<&'static str> {
    ISO_639_3.iter().find(|(two, _)| *two == code).map(|(_, three)| *three)
}

fn cache() -> &'static Mutex<HashMap<PathBuf, Arc<Dictionary>>> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<Dictionary>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// What [`resolve`] decided, for the caller's note.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub choice: DictionaryChoice,
    /// A sentence for the user naming the dictionary, or `None` when none is used.
    pub note: Option<String>,
}

/// Turns a choice into a loaded dictionary (or none) for a language pair, with a note saying which.
/// `Auto` finds nothing quietly; a `Path` that cannot be read is an error.
pub fn resolve(choice: &DictionaryChoice, original: &str, translation: &str) -> Result<Resolved> {
    let (dict, direction) = match choice {
        DictionaryChoice::Off => return Ok(Resolved { choice: DictionaryChoice::Off, note: None }),
        DictionaryChoice::NoneInstalled => {
            return Ok(Resolved { choice: DictionaryChoice::NoneInstalled, note: None });
        }
        DictionaryChoice::Loaded(d, dir) => (Arc::clone(d), *dir),
        DictionaryChoice::Path(path) => {
            let dict = load(path)?;
            let direction = direction_for(&dict, original, translation);
            (dict, direction)
        }
        DictionaryChoice::Auto => {
            let dir =
                std::env::var_os(DIR_VARIABLE).map_or_else(|| PathBuf::from(DEFAULT_DIR), PathBuf::from);
            match installed(&dir, original, translation) {
                Some((path, direction)) => match load(&path) {
                    Ok(dict)
                        if dict.entries.len() < MIN_AUTO_HEADWORDS
                            && super::bundled_serves(original, translation) =>
                    {
                        let note = format!(
                            "not aligning with the installed dictionary {} ({} headwords): the bundled lexicons \
                             serve the pair better; --dictionary PATH uses it",
                            dict.path.display(),
                            dict.entries.len()
                        );
                        return Ok(Resolved { choice: DictionaryChoice::NoneInstalled, note: Some(note) });
                    }
                    Ok(dict) => (dict, direction),
                    Err(e) => {
                        return Ok(Resolved {
                            choice: DictionaryChoice::NoneInstalled,
                            note: Some(format!("not using the installed dictionary: {e}")),
                        });
                    }
                },
                None => return Ok(Resolved { choice: DictionaryChoice::NoneInstalled, note: None }),
            }
        }
    };
    let way = match (direction, &dict.languages) {
        (Direction::Forward, _) => String::new(),
        (Direction::Reverse, Some((a, b))) => format!(", read in reverse ({b}→{a})"),
        (Direction::Reverse, None) => ", read in reverse".to_owned(),
    };
    let note = format!(
        "aligning with the dictionary {} ({} headwords{way}); --no-dictionary turns it off",
        dict.path.display(),
        dict.entries.len()
    );
    Ok(Resolved { choice: DictionaryChoice::Loaded(dict, direction), note: Some(note) })
}

/// The way round a dictionary serves the pair: reverse when its name says `translation-original`.
fn direction_for(dict: &Dictionary, original: &str, translation: &str) -> Direction {
    match (&dict.languages, iso_639_3(original), iso_639_3(translation)) {
        (Some((a, b)), Some(o), Some(t)) if a == t && b == o => Direction::Reverse,
        _ => Direction::Forward,
    }
}

/// The installed dictionary for a pair: `freedict-deu-fra.index` (forward) or `freedict-fra-deu.index`
/// (reverse), with or without the `freedict-` prefix.
pub fn find_installed(dir: &Path, original: &str, translation: &str) -> Option<(PathBuf, Direction)> {
    let o = iso_639_3(original)?;
    let t = iso_639_3(translation)?;
    for (a, b, direction) in [(o, t, Direction::Forward), (t, o, Direction::Reverse)] {
        for name in [format!("freedict-{a}-{b}"), format!("{a}-{b}")] {
            let index = dir.join(format!("{name}.index"));
            let has_body =
                dir.join(format!("{name}.dict.dz")).is_file() || dir.join(format!("{name}.dict")).is_file();
            if index.is_file() && has_body {
                return Some((index, direction));
            }
        }
    }
    None
}

/// Loads a dictionary, or returns the cached copy.
pub fn load(path: &Path) -> Result<Arc<Dictionary>> {
    // The cache knows the path as given too: `check` resolves the dictionary for every pair, and a
    // canonical path costs a system call per folder.
    if let Some(d) = cache().lock().ok().and_then(|c| c.get(path).cloned()) {
        return Ok(d);
    }
    let index = index_path(path);
    let key = std::fs::canonicalize(&index).unwrap_or_else(|_| index.clone());
    let dict = match cache().lock().ok().and_then(|c| c.get(&key).cloned()) {
        Some(d) => d,
        None => Arc::new(Dictionary::open(&index)?),
    };
    if let Ok(mut c) = cache().lock() {
        c.insert(key, Arc::clone(&dict));
        c.insert(path.to_owned(), Arc::clone(&dict));
    }
    Ok(dict)
}

/// What [`installed`] found for a folder and a language pair.
type Installed = HashMap<(PathBuf, String, String), Option<(PathBuf, Direction)>>;

/// [`find_installed`], remembered for the life of the process (it looks for up to four files).
fn installed(dir: &Path, original: &str, translation: &str) -> Option<(PathBuf, Direction)> {
    static FOUND: OnceLock<Mutex<Installed>> = OnceLock::new();
    let found = FOUND.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (dir.to_owned(), original.to_owned(), translation.to_owned());
    if let Some(hit) = found.lock().ok().and_then(|f| f.get(&key).cloned()) {
        return hit;
    }
    let hit = find_installed(dir, original, translation);
    if let Ok(mut f) = found.lock() {
        f.insert(key, hit.clone());
    }
    hit
}

/// `x.index` from `x.index`, `x.dict`, `x.dict.dz` or `x`.
fn index_path(path: &Path) -> PathBuf {
    let s = path.to_string_lossy();
    let base = s
        .strip_suffix(".dict.dz")
        .or_else(|| s.strip_suffix(".dict"))
        .or_else(|| s.strip_suffix(".index"))
        .unwrap_or(&s);
    PathBuf::from(format!("{base}.index"))
}

fn dict_error(path: &Path, message: impl Into<String>) -> Error {
    Error::Dictionary { path: path.to_owned(), message: message.into() }
}

/// The first three tab-separated fields of an index line (headword, offset, length), as
/// `line.split('\t')` gives them (byte scans: the index of a large dictionary has half a million lines).
fn index_fields(line: &str) -> Option<(&str, &str, &str)> {
    let tab = |s: &str| s.bytes().position(|b| b == b'\t');
    let t1 = tab(line)?;
    let rest = &line[t1 + 1..];
    let t2 = tab(rest)?;
    let last = &rest[t2 + 1..];
    Some((&line[..t1], &rest[..t2], tab(last).map_or(last, |t3| &last[..t3])))
}

/// dictd's base64 digits: `A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`.
fn b64(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 10 {
        return None;
    }
    let mut v: u64 = 0;
    for c in s.bytes() {
        let d = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        v = v * 64 + u64::from(d);
    }
    Some(v)
}

impl Dictionary {
    fn open(index_path: &Path) -> Result<Dictionary> {
        let text = std::fs::read(index_path).map_err(|e| {
            let what = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_owned(),
                _ => e.to_string().to_lowercase(),
            };
            dict_error(index_path, format!("cannot read the index: {what}"))
        })?;
        let text = String::from_utf8_lossy(&text);
        let mut heads = String::new();
        let mut entries = Vec::new();
        let mut bad = 0usize;
        for line in text.lines() {
            let Some((head, off, len)) = index_fields(line) else {
                bad += usize::from(!line.trim().is_empty());
                continue;
            };
            let (Some(offset), Some(len)) = (b64(off.trim()), b64(len.trim())) else {
                bad += 1;
                continue;
            };
            // Only single words serve the aligner; `00database…` lines describe the file.
            if head.is_empty() || head.starts_with("00") || head.contains(' ') || len > 1 << 20 {
                continue;
            }
            let (Ok(head_start), Ok(len)) = (u32::try_from(heads.len()), u32::try_from(len)) else {
                continue;
            };
            // Lower case, without an allocation for the (usual) ASCII headword.
            if head.is_ascii() {
                heads.push_str(head);
                heads[head_start as usize..].make_ascii_lowercase();
            } else {
                heads.push_str(&head.to_lowercase());
            }
            let Ok(head_len) = u16::try_from(heads.len() - head_start as usize) else {
                heads.truncate(head_start as usize);
                continue;
            };
            entries.push(IndexEntry { head_start, head_len, offset, len, order: 0 });
        }
        if entries.is_empty() {
            return Err(dict_error(
                index_path,
                "the index lists no words (expected `word TAB offset TAB length` lines)",
            ));
        }
        if bad * 10 > entries.len() {
            return Err(dict_error(
                index_path,
                format!("{bad} index lines are not `word TAB offset TAB length`"),
            ));
        }
        let head =
            |e: &IndexEntry| &heads[e.head_start as usize..e.head_start as usize + e.head_len as usize];
        entries.sort_by(|a, b| head(a).cmp(head(b)).then(a.offset.cmp(&b.offset)));
        let Ok(count) = u32::try_from(entries.len()) else {
            return Err(dict_error(index_path, "the index lists more than 4 billion words"));
        };
        let mut groups: Vec<u32> = Vec::new();
        for (k, e) in entries.iter().enumerate() {
            if k == 0 || head(&entries[k - 1]) != head(e) {
                groups.push(k as u32);
            }
        }
        let table = head_table(&groups, |g| head(&entries[g as usize]));
        groups.push(count);
        let body = open_body(index_path)?;
        let stretch_len = match &body {
            Body::Dictzip { chunk_len, .. } => *chunk_len as u64,
            _ => PLAIN_STRETCH,
        };
        // An entry past the end of the body cannot be read: it belongs to no stretch.
        let stretches = usize::try_from(body.len().div_ceil(stretch_len)).unwrap_or(0);
        let stretch_of =
            |e: &IndexEntry| usize::try_from(e.offset / stretch_len).ok().filter(|&s| s < stretches);
        // Entries bucketed by stretch: a counting sort, two passes in index order.
        let mut stretch_start = vec![0u32; stretches + 1];
        for s in entries.iter().filter_map(stretch_of) {
            stretch_start[s + 1] += 1;
        }
        for s in 0..stretches {
            stretch_start[s + 1] += stretch_start[s];
        }
        let mut fill = stretch_start.clone();
        let mut by_stretch = vec![0u32; stretch_start[stretches] as usize];
        for (k, e) in entries.iter_mut().enumerate() {
            if let Some(s) = stretch_of(e) {
                by_stretch[fill[s] as usize] = k as u32;
                e.order = fill[s];
                fill[s] += 1;
            }
        }
        let parsed = (0..stretches).map(|_| OnceLock::new()).collect();
        let name = index_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(Dictionary {
            path: index_path.to_owned(),
            languages: pair_in_name(&name),
            heads,
            entries,
            groups,
            table,
            by_stretch,
            stretch_start,
            stretch_len,
            parsed,
            lone_lookups: AtomicUsize::new(0),
            body,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            reverse: OnceLock::new(),
        })
    }

    /// Number of single-word headwords.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the dictionary has no usable headword (never, for a loaded one).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn head(&self, e: &IndexEntry) -> &str {
        &self.heads[e.head_start as usize..e.head_start as usize + e.head_len as usize]
    }

    /// The distinct headword `word`, if the dictionary has it (an index into `groups`).
    fn group(&self, word: &str) -> Option<usize> {
        let mask = self.table.len().checked_sub(1)?;
        let hash = head_hash(word);
        let mut slot = hash as usize & mask;
        loop {
            let v = *self.table.get(slot)?;
            if v == 0 {
                return None;
            }
            if v >> 32 == hash >> 32 {
                let g = (v & 0xffff_ffff) as usize - 1;
                if self.entries.get(*self.groups.get(g)? as usize).is_some_and(|e| self.head(e) == word) {
                    return Some(g);
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Whether the dictionary lists a lower-cased word (as it stands or without a common inflection
    /// ending): among its headwords when `as_headword`, else among its translations (which builds the
    /// reverse table on first use). Tells a language's common words from names.
    pub fn lists(&self, word: &str, as_headword: bool) -> bool {
        if as_headword {
            // A compound counts by its tail, as in a translation look-up (`bootsunglück`).
            lookup_forms(word).any(|form| self.group(form).is_some()) || self.compound_tail(word).is_some()
        } else {
            let table = self.reverse.get_or_init(|| self.build_reverse());
            lookup_forms(word).any(|form| table.contains_key(form))
        }
    }

    /// Translation words of a lower-cased word, looked up as it stands, then without a common
    /// inflection ending, then by its longest known tail (`neuvermessung` → `vermessung`).
    /// Appends at most `max` words to `out`.
    pub fn translations(&self, word: &str, direction: Direction, max: usize, out: &mut Vec<String>) {
        self.each_translation(word, direction, max, |w| out.push(w.to_owned()));
    }

    /// [`Dictionary::translations`] without copying: calls `f` with each of at most `max` words.
    pub fn each_translation<'a>(
        &'a self,
        word: &str,
        direction: Direction,
        max: usize,
        mut f: impl FnMut(&str),
    ) {
        if word.chars().count() < 3 {
            return;
        }
        if direction == Direction::Reverse {
            let table = self.reverse.get_or_init(|| self.build_reverse());
            if let Some(list) = table.get(word) {
                list.iter().take(max).for_each(|w| f(w));
            }
            return;
        }
        let found = lookup_forms(word)
            .find_map(|candidate| self.group(candidate))
            .or_else(|| self.compound_tail(word));
        let Some((start, end)) = found.and_then(|g| self.groups.get(g..g + 2)).map(|w| (w[0], w[1])) else {
            return;
        };
        // The headword's entries in turn, each word once, until `max`.
        let mut given: Vec<Cow<'a, str>> = Vec::with_capacity(max);
        let mut give = |w: Cow<'a, str>| {
            if given.len() < max && !given.contains(&w) {
                f(&w);
                given.push(w);
            }
        };
        for e in self.entries.get(start as usize..end as usize).unwrap_or_default() {
            let s = usize::try_from(e.offset / self.stretch_len).unwrap_or(usize::MAX);
            match self.stretch_when_due(s) {
                Some(parsed) => {
                    let k = self.stretch_start.get(s).map_or(0, |&first| e.order.saturating_sub(first));
                    parsed.words(k as usize).for_each(|w| give(Cow::Borrowed(w)));
                }
                None => {
                    if let Some(text) = self.read(e.offset, e.len) {
                        parse_entry_with(&text, &mut Scratch::default(), |w| give(Cow::Owned(w.to_owned())));
                    }
                }
            }
        }
    }

    /// A compound's longest tail of four letters or more that the dictionary knows (an index into
    /// `groups`).
    fn compound_tail(&self, word: &str) -> Option<usize> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < 7 {
            return None;
        }
        chars.iter().skip(3).take(chars.len() - 7).find_map(|&(at, _)| self.group(&word[at..]))
    }

    /// The parsed words of stretch `s`, or `None` while the process is young: then the entry is read
    /// alone. One check looks up a few hundred words, most of them in stretches it needs once, where
    /// parsing all of a stretch's 250 entries would cost more than the one look-up; a batch needs the
    /// same stretches again and again.
    fn stretch_when_due(&self, s: usize) -> Option<&Parsed> {
        if let Some(parsed) = self.parsed.get(s)?.get() {
            return Some(parsed);
        }
        if self.lone_lookups.fetch_add(1, Ordering::Relaxed) < LONE_LOOKUPS { None } else { self.stretch(s) }
    }

    /// The parsed words of stretch `s`.
    fn stretch(&self, s: usize) -> Option<&Parsed> {
        let cell = self.parsed.get(s)?;
        let (start, end) = self.stretch_start.get(s..s + 2).map(|w| (w[0] as usize, w[1] as usize))?;
        Some(cell.get_or_init(|| {
            let entries: Vec<&IndexEntry> = self
                .by_stretch
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .map(|&k| &self.entries[k as usize])
                .collect();
            // The stretch's bytes in one read (an entry that cannot be read on its own spoils it: then
            // each entry is read alone, as a look-up of it would).
            let from = entries.iter().map(|e| e.offset).min().unwrap_or(0);
            let to = entries.iter().map(|e| e.offset + u64::from(e.len)).max().unwrap_or(from);
            let bytes = self.body.read(self.id, from, usize::try_from(to - from).unwrap_or(usize::MAX));
            let mut p = Parsed::default();
            let mut scratch = Scratch::default();
            for e in entries {
                p.first.push(p.ends.len() as u32);
                let mut emit = |w: &str| {
                    p.text.push_str(w);
                    p.ends.push(u32::try_from(p.text.len()).unwrap_or(u32::MAX));
                };
                let at = (e.offset - from) as usize;
                match bytes.as_deref().and_then(|b| b.get(at..at + e.len as usize)) {
                    Some(entry) => match std::str::from_utf8(entry) {
                        Ok(text) => parse_entry_with(text, &mut scratch, &mut emit),
                        Err(_) => parse_entry_with(&String::from_utf8_lossy(entry), &mut scratch, &mut emit),
                    },
                    None => {
                        if let Some(text) = self.read(e.offset, e.len) {
                            parse_entry_with(&text, &mut scratch, &mut emit);
                        }
                    }
                }
            }
            p.first.push(p.ends.len() as u32);
            p.text.shrink_to_fit();
            p.ends.shrink_to_fit();
            p
        }))
    }

    fn read(&self, offset: u64, len: u32) -> Option<String> {
        let bytes = self.body.read(self.id, offset, len as usize)?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The inverted table: translation word → headwords (for a dictionary of the opposite direction),
    /// each word's first 16 headwords in index order. It parses every stretch, in body order.
    fn build_reverse(&self) -> HashMap<Box<str>, Vec<Box<str>>> {
        let mut found: HashMap<Box<str>, Vec<u32>> = HashMap::new();
        for s in 0..self.parsed.len() {
            let Some(parsed) = self.stretch(s) else { continue };
            let (start, end) = (self.stretch_start[s] as usize, self.stretch_start[s + 1] as usize);
            for (i, &k) in self.by_stretch[start..end].iter().enumerate() {
                for w in parsed.words(i) {
                    found.entry(w.to_lowercase().into_boxed_str()).or_default().push(k);
                }
            }
        }
        found
            .into_iter()
            .map(|(word, mut at)| {
                at.sort_unstable();
                let mut heads: Vec<Box<str>> = Vec::new();
                for k in at {
                    let head = self.head(&self.entries[k as usize]);
                    if heads.len() < 16 && !heads.iter().any(|h| **h == *head) {
                        heads.push(head.into());
                    }
                }
                (word, heads)
            })
            .collect()
    }
}

/// `deu-fra` in `freedict-deu-fra.index`.
fn pair_in_name(name: &str) -> Option<(String, String)> {
    let stem = name.strip_suffix(".index").unwrap_or(name);
    let stem = stem.strip_prefix("freedict-").unwrap_or(stem);
    let (a, b) = stem.split_once('-')?;
    let ok = |s: &str| s.len() == 3 && s.bytes().all(|c| c.is_ascii_lowercase());
    (ok(a) && ok(b)).then(|| (a.to_owned(), b.to_owned()))
}

/// The word, then the word without a common inflection ending (German, French, English plurals and
/// cases), longest ending first.
fn lookup_forms(word: &str) -> impl Iterator<Item = &str> {
    let stems = ["ern", "en", "er", "es", "em", "e", "n", "s"]
        .into_iter()
        .filter_map(|ending| word.strip_suffix(ending).filter(|stem| stem.chars().count() >= 3));
    std::iter::once(word).chain(stems)
}

/// The hash of a headword in the look-up table (FNV-1a, its high bits folded into the low ones, which
/// pick the slot; the high 32 bits are the slot's tag).
fn head_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h ^ (h >> 29)
}

/// The open-addressing table of distinct headwords (see [`Dictionary::table`]), at most half full.
fn head_table<'h>(groups: &[u32], head: impl Fn(u32) -> &'h str) -> Vec<u64> {
    let size = (groups.len() * 2).next_power_of_two().max(2);
    let mask = size - 1;
    let mut table = vec![0u64; size];
    for (g, &first) in groups.iter().enumerate() {
        let hash = head_hash(head(first));
        let mut slot = hash as usize & mask;
        while table[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        table[slot] = (hash >> 32) << 32 | (g as u64 + 1);
    }
    table
}

/// Collects the translation words of one entry. The first line is the headword (with pronunciation
/// and part of speech); sense lines follow, numbered (`1. montagne, mont`) or not; indented lines
/// (notes, examples, cross-references) and, in numbered entries, unnumbered gloss lines are skipped.
#[cfg(test)]
fn parse_entry(text: &str, out: &mut Vec<Box<str>>) {
    parse_entry_with(text, &mut Scratch::default(), |w| out.push(w.into()));
}

/// Buffers [`parse_entry_with`] reuses from entry to entry.
#[derive(Debug, Default)]
struct Scratch {
    sense: String,
    word: String,
}

/// [`parse_entry`], calling `emit` with each word (lower-cased) instead of collecting them.
fn parse_entry_with(text: &str, scratch: &mut Scratch, mut emit: impl FnMut(&str)) {
    let numbered = text.lines().skip(1).any(|l| sense_number(l).is_some());
    let mut taken = 0;
    for line in text.lines().skip(1) {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if t.is_empty() || indent > 1 || t.starts_with(['"', '{']) || t.starts_with("see:") {
            continue;
        }
        let sense = match sense_number(t) {
            Some(rest) => rest,
            None if numbered => continue,
            None if taken > 0 => continue,
            None => t,
        };
        taken += 1;
        strip_brackets(sense, &mut scratch.sense);
        for phrase in scratch.sense.split([',', ';']) {
            for word in phrase.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                if word.chars().count() >= 3 {
                    if word.is_ascii() {
                        scratch.word.clear();
                        scratch.word.push_str(word);
                        scratch.word.make_ascii_lowercase();
                        emit(&scratch.word);
                    } else {
                        emit(&word.to_lowercase());
                    }
                }
            }
        }
    }
}

/// `montagne, mont` from `1. montagne, mont`.
fn sense_number(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    line[digits..].strip_prefix(". ")
}

/// The text without `[…]`, `<…>`, `(…)` and `/…/` groups, into `out`.
fn strip_brackets(s: &str, out: &mut String) {
    out.clear();
    let mut close: Option<char> = None;
    for c in s.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '[' => close = Some(']'),
                '<' => close = Some('>'),
                '(' => close = Some(')'),
                '/' => close = Some('/'),
                _ => out.push(c),
            },
        }
    }
}

fn open_body(index_path: &Path) -> Result<Body> {
    let s = index_path.to_string_lossy();
    let base = s.strip_suffix(".index").unwrap_or(&s);
    let dz = PathBuf::from(format!("{base}.dict.dz"));
    let plain = PathBuf::from(format!("{base}.dict"));
    if let Ok(file) = File::open(&plain) {
        return Ok(Body::Plain(file));
    }
    let mut file = File::open(&dz).map_err(|_| {
        dict_error(index_path, format!("no {} or {} beside the index", plain.display(), dz.display()))
    })?;
    let mut head = vec![0u8; 12];
    file.read_exact(&mut head).map_err(|_| dict_error(&dz, "not a gzip file (too short)"))?;
    if head[0] != 0x1f || head[1] != 0x8b || head[2] != 8 {
        return Err(dict_error(&dz, "not a gzip file"));
    }
    let flags = head[3];
    if flags & 4 != 0 {
        let xlen = usize::from(u16::from_le_bytes([head[10], head[11]]));
        let mut extra = vec![0u8; xlen];
        file.read_exact(&mut extra).map_err(|_| dict_error(&dz, "truncated gzip header"))?;
        if let Some((chunk_len, sizes)) = dictzip_table(&extra) {
            // The header goes on with an optional name, comment and header checksum.
            let mut pos = 12 + xlen as u64;
            let mut byte = [0u8; 1];
            for flag in [8u8, 16] {
                if flags & flag != 0 {
                    loop {
                        file.read_exact(&mut byte).map_err(|_| dict_error(&dz, "truncated gzip header"))?;
                        pos += 1;
                        if byte[0] == 0 {
                            break;
                        }
                    }
                }
            }
            if flags & 2 != 0 {
                pos += 2;
            }
            let mut chunks = Vec::with_capacity(sizes.len());
            for size in sizes {
                chunks.push((pos, size));
                pos += u64::from(size);
            }
            return Ok(Body::Dictzip { file, chunk_len, chunks });
        }
    }
    // Plain gzip: inflate it all.
    file.seek(SeekFrom::Start(0)).map_err(|e| dict_error(&dz, e.to_string().to_lowercase()))?;
    let mut data = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut data)
        .map_err(|e| dict_error(&dz, format!("cannot inflate: {}", e.to_string().to_lowercase())))?;
    Ok(Body::Memory(data))
}

/// dictzip's `RA` subfield: chunk length and the compressed size of every chunk.
fn dictzip_table(extra: &[u8]) -> Option<(usize, Vec<u32>)> {
    let mut i = 0;
    while i + 4 <= extra.len() {
        let len = usize::from(u16::from_le_bytes([extra[i + 2], extra[i + 3]]));
        let data = extra.get(i + 4..i + 4 + len)?;
        if &extra[i..i + 2] == b"RA" && data.len() >= 6 {
            let chunk_len = usize::from(u16::from_le_bytes([data[2], data[3]]));
            let count = usize::from(u16::from_le_bytes([data[4], data[5]]));
            let sizes: Vec<u32> = data[6..]
                .chunks_exact(2)
                .take(count)
                .map(|c| u32::from(u16::from_le_bytes([c[0], c[1]])))
                .collect();
            return (sizes.len() == count && chunk_len > 0).then_some((chunk_len, sizes));
        }
        i += 4 + len;
    }
    None
}

impl Body {
    /// Bytes of the uncompressed body (for dictzip: as many as its chunks can hold).
    fn len(&self) -> u64 {
        match self {
            Body::Memory(data) => data.len() as u64,
            Body::Plain(file) => file.metadata().map_or(0, |m| m.len()),
            Body::Dictzip { chunk_len, chunks, .. } => {
                (*chunk_len as u64).saturating_mul(chunks.len() as u64)
            }
        }
    }

    /// `len` bytes at `offset` of the uncompressed body. `id` names the dictionary in the chunk cache.
    fn read(&self, id: usize, offset: u64, len: usize) -> Option<Vec<u8>> {
        match self {
            Body::Memory(data) => {
                let start = usize::try_from(offset).ok()?;
                data.get(start..start.checked_add(len)?).map(<[u8]>::to_vec)
            }
            Body::Plain(file) => {
                let mut buf = vec![0u8; len];
                read_exact_at(file, &mut buf, offset)?;
                Some(buf)
            }
            Body::Dictzip { file, chunk_len, chunks } => {
                let chunk_len = *chunk_len as u64;
                let mut out = Vec::with_capacity(len);
                let end = offset.checked_add(len as u64)?;
                let mut at = offset;
                while at < end {
                    let index = usize::try_from(at / chunk_len).ok()?;
                    let chunk = cached_chunk(id, index, || {
                        let &(pos, size) = chunks.get(index)?;
                        inflate_chunk(file, pos, size, chunk_len as usize)
                    })?;
                    let from = usize::try_from(at % chunk_len).ok()?;
                    let to = chunk.len().min(from + usize::try_from(end - at).ok()?);
                    if from >= to {
                        return None;
                    }
                    out.extend_from_slice(&chunk[from..to]);
                    at += (to - from) as u64;
                }
                Some(out)
            }
        }
    }
}

/// Chunk `index` of dictionary `id` from this thread's cache, or inflated by `inflate` and cached.
fn cached_chunk(id: usize, index: usize, inflate: impl FnOnce() -> Option<Vec<u8>>) -> Option<Rc<[u8]>> {
    let hit = CHUNKS.with_borrow_mut(|cache| {
        let k = cache.iter().position(|&(d, c, _)| d == id && c == index)?;
        let entry = cache.remove(k);
        let data = Rc::clone(&entry.2);
        cache.insert(0, entry);
        Some(data)
    });
    if hit.is_some() {
        return hit;
    }
    let data: Rc<[u8]> = inflate()?.into();
    CHUNKS.with_borrow_mut(|cache| {
        cache.truncate(CHUNK_CACHE - 1);
        cache.insert(0, (id, index, Rc::clone(&data)));
    });
    Some(data)
}

/// Fills `buf` from `offset` of `file` without moving a shared cursor (threads read one file at once).
#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> Option<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset).ok()
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> Option<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset).ok()? {
            0 => return None,
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Some(())
}

fn inflate_chunk(file: &File, pos: u64, size: u32, chunk_len: usize) -> Option<Vec<u8>> {
    let mut input = vec![0u8; size as usize];
    read_exact_at(file, &mut input, pos)?;
    let mut output = Vec::with_capacity(chunk_len);
    let mut inflater = Decompress::new(false);
    inflater.decompress_vec(&input, &mut output, FlushDecompress::Sync).ok()?;
    Some(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_digits() {
        assert_eq!(b64("A"), Some(0));
        assert_eq!(b64("B"), Some(1));
        assert_eq!(b64("BA"), Some(64));
        assert_eq!(b64("bWIQ"), Some(((27 * 64 + 22) * 64 + 8) * 64 + 16));
        assert_eq!(b64("a-b"), None);
    }

    #[test]
    fn entries_numbered_and_plain() {
        let mut w = Vec::new();
        parse_entry(
            "Berg /bɛʁk/ <n, masc>\n1. montagne, mont\nHaufen, Anhäufung\n2. mine\nfeste Erdkruste\n",
            &mut w,
        );
        assert_eq!(w.iter().map(AsRef::as_ref).collect::<Vec<&str>>(), ["montagne", "mont", "mine"]);
        w.clear();
        parse_entry(
            "Abblaseventil /x/ <neut>\n [techn.] blow-off valve <n>\n         Note: metallurgy\n see: {Abblaseschieber}\n",
            &mut w,
        );
        assert_eq!(w.iter().map(AsRef::as_ref).collect::<Vec<&str>>(), ["blow", "off", "valve"]);
        w.clear();
        parse_entry("Achtuhrzug /x/ <n, masc>\ntrain de huit heures\nZug, der um acht Uhr abfährt\n", &mut w);
        assert_eq!(w.iter().map(AsRef::as_ref).collect::<Vec<&str>>(), ["train", "huit", "heures"]);
    }

    #[test]
    fn names_and_forms() {
        assert_eq!(pair_in_name("freedict-deu-fra.index"), Some(("deu".into(), "fra".into())));
        assert_eq!(pair_in_name("mine.index"), None);
        assert_eq!(
            index_path(Path::new("/x/freedict-deu-fra.dict.dz")),
            PathBuf::from("/x/freedict-deu-fra.index")
        );
        assert!(lookup_forms("bergen").any(|f| f == "berg"));
    }
}
