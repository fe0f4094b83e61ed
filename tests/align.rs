//! The aligner: fixture pairs (snapshots of `provcheck align` and explicit beads), properties over arbitrary
//! input, the FreeDict loader on a dictionary written here, and measurements on the real data under
//! `../shared/data/` (skipped when it is absent).

#![allow(clippy::unwrap_used, reason = "a panic in a test is a failing test")]

use std::path::{Path, PathBuf};

use std::process::Command;

use provcheck::align::{self, AlignOptions, Alignment, DictionaryChoice, Params};
use provcheck::input::{BlockKind, Document, Format};
use provcheck::lang;
use provcheck::segment::{self, Sentence};

// ---------------------------------------------------------------------------------------------------
// Helpers

/// `../shared/data` beside the package (a worktree one level deeper finds it one more level up).
fn shared() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/data", "../../shared/data"].iter().map(|p| root.join(p)).find(|d| d.is_dir())
}

/// Aligns two presegmented texts (one sentence a line, blank lines between paragraphs).
fn align_lines(original: &str, translation: &str, langs: (&str, &str), options: &AlignOptions) -> Alignment {
    let o = Document::from_bytes("original", original.as_bytes(), Format::Plain).unwrap();
    let t = Document::from_bytes("translation", translation.as_bytes(), Format::Plain).unwrap();
    let (ol, tl) = (lang::resolve(langs.0, "--from").unwrap(), lang::resolve(langs.1, "--to").unwrap());
    align::align(&segment::presegmented(&o), &segment::presegmented(&t), ol, tl, options)
}

fn no_dictionary() -> AlignOptions {
    AlignOptions { dictionary: DictionaryChoice::Off, ..AlignOptions::default() }
}

type GoldBead = (Vec<usize>, Vec<usize>);

fn parse_beads(text: &str) -> Vec<GoldBead> {
    let list = |s: &str| -> Vec<usize> {
        s.trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect()
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split(':');
            (list(parts.next().unwrap_or("")), list(parts.next().unwrap_or("")))
        })
        .collect()
}

fn as_gold(a: &Alignment) -> Vec<GoldBead> {
    a.beads
        .iter()
        .map(|b| (b.original.iter().map(|x| x.0).collect(), b.translation.iter().map(|x| x.0).collect()))
        .collect()
}

/// Strict and lax hit counts as `../shared/tools/align_score.py` defines them (Sennrich & Volk 2011).
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    p: [usize; 4],
    r: [usize; 4],
}

fn hits(reference: &[GoldBead], candidate: &[GoldBead]) -> [usize; 4] {
    use std::collections::{HashMap, HashSet};
    let reference: HashSet<&GoldBead> =
        reference.iter().filter(|b| !b.0.is_empty() || !b.1.is_empty()).collect();
    let candidate: HashSet<&GoldBead> =
        candidate.iter().filter(|b| !b.0.is_empty() || !b.1.is_empty()).collect();
    let mut linked: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (o, t) in &reference {
        for x in o {
            linked.entry(*x).or_default().extend(t.iter().copied());
        }
    }
    let mut out = [0; 4];
    for bead in candidate {
        if reference.contains(bead) {
            out[0] += 1;
            out[2] += 1;
            continue;
        }
        out[1] += 1;
        let reach: HashSet<usize> =
            bead.0.iter().flat_map(|o| linked.get(o).into_iter().flatten().copied()).collect();
        if bead.1.iter().any(|t| reach.contains(t)) {
            out[2] += 1;
        } else {
            out[3] += 1;
        }
    }
    out
}

impl Counts {
    fn add(&mut self, gold: &[GoldBead], system: &[GoldBead]) {
        let both = |v: &[GoldBead]| -> Vec<GoldBead> {
            v.iter().filter(|b| !b.0.is_empty() && !b.1.is_empty()).cloned().collect()
        };
        let p = hits(gold, system);
        let r = hits(&both(system), &both(gold));
        for k in 0..4 {
            self.p[k] += p[k];
            self.r[k] += r[k];
        }
    }

    /// (strict F1, lax F1)
    fn f1(&self) -> (f64, f64) {
        let ratio = |a: usize, b: usize| if a + b == 0 { 0.0 } else { a as f64 / (a + b) as f64 };
        let f = |x: f64, y: f64| if x + y == 0.0 { 0.0 } else { 2.0 * x * y / (x + y) };
        (
            f(ratio(self.p[0], self.p[1]), ratio(self.r[0], self.r[1])),
            f(ratio(self.p[2], self.p[3]), ratio(self.r[2], self.r[3])),
        )
    }
}

/// One gold document: original text, translation text, gold beads.
type GoldDoc = (String, String, Vec<GoldBead>);

/// The gold sets: name, documents, languages.
fn gold_sets(dir: &Path) -> Vec<(&'static str, Vec<GoldDoc>, (&'static str, &'static str))> {
    let read = |p: PathBuf| std::fs::read_to_string(p).unwrap();
    let tb = dir.join("align/textberg_de-fr_dev");
    let textberg =
        vec![(read(tb.join("dev.de")), read(tb.join("dev.fr")), parse_beads(&read(tb.join("dev.defr"))))];
    let pi = dir.join("align/parice_en-is");
    let mut names: Vec<_> =
        std::fs::read_dir(pi.join("gold")).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    let parice = names
        .iter()
        .map(|n| {
            (
                read(pi.join("eng").join(n)),
                read(pi.join("isl").join(n)),
                parse_beads(&read(pi.join("gold").join(n))),
            )
        })
        .collect();
    vec![("textberg_de-fr_dev", textberg, ("de", "fr")), ("parice_en-is", parice, ("en", "is"))]
}

fn evaluate(dir: &Path, params: &Params, dictionary: bool) -> Vec<(&'static str, (f64, f64))> {
    gold_sets(dir)
        .into_iter()
        .map(|(name, docs, langs)| {
            let options = AlignOptions {
                dictionary: if dictionary { DictionaryChoice::Auto } else { DictionaryChoice::Off },
                params: params.clone(),
            };
            let mut counts = Counts::default();
            for (o, t, gold) in &docs {
                let a = align_lines(o, t, langs, &options);
                counts.add(gold, &as_gold(&a));
            }
            (name, counts.f1())
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------------
// Fixtures: `fixtures/align/CASE.de.txt` (or `.md`) against `CASE.en.txt`, expected beads in `CASE.beads`

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_provcheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env(align::dictionary::DIR_VARIABLE, "/nonexistent");
    c
}

fn fixture(case: &str) -> (String, String) {
    let dir = Path::new("fixtures/align");
    let ext = if Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(format!("{case}.de.md")).exists() {
        "md"
    } else {
        "txt"
    };
    (format!("fixtures/align/{case}.de.{ext}"), format!("fixtures/align/{case}.en.{ext}"))
}

fn run_align(case: &str, format: &str) -> String {
    let (o, t) = fixture(case);
    let out = bin()
        .args([
            "align",
            "--no-dictionary",
            "--from",
            "de",
            "--to",
            "en",
            "--color",
            "never",
            "--format",
            format,
            &o,
            &t,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The beads a fixture must give, and the snapshots of its table and bead list.
fn check_fixture(case: &str) {
    let beads = run_align(case, "beads");
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/align/{case}.beads")),
    )
    .unwrap();
    assert_eq!(beads, expected, "beads of `{case}`");
    insta::assert_snapshot!(format!("{case}-beads"), beads);
    insta::assert_snapshot!(format!("{case}-table"), run_align(case, "table"));
}

#[test]
fn fixture_split_one_to_two() {
    check_fixture("split");
}

#[test]
fn fixture_merge_two_to_one() {
    check_fixture("merge");
}

#[test]
fn fixture_dropped_sentence() {
    check_fixture("dropped");
}

#[test]
fn fixture_added_sentence() {
    check_fixture("added");
}

#[test]
fn fixture_headline() {
    check_fixture("headline");
}

#[test]
fn fixture_dateline() {
    check_fixture("dateline");
}

/// A paragraph the translation moved cannot be aligned in order. The aligner must not accuse the
/// translation of dropping or adding it with confidence: every 1:0 or 0:1 bead it gives is low-confidence,
/// and the stretch before the move stays aligned and sure.
#[test]
fn fixture_moved_paragraph() {
    let table = run_align("moved", "table");
    insta::assert_snapshot!("moved-table", table);
    let json: serde_json::Value = serde_json::from_str(&run_align("moved", "json")).unwrap();
    let beads = json["beads"].as_array().unwrap();
    let side = |b: &serde_json::Value, k: &str| -> Vec<u64> {
        b[k].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect()
    };
    for (k, b) in beads.iter().enumerate() {
        let (o, t) = (side(b, "original"), side(b, "translation"));
        if k < 2 {
            assert_eq!((o, t), (vec![k as u64], vec![k as u64]), "bead {k}");
            assert_eq!(b["low_confidence"].as_bool(), Some(false), "bead {b}");
        } else if o.is_empty() || t.is_empty() {
            assert_eq!(b["low_confidence"].as_bool(), Some(true), "a confident skip: {b}");
        }
    }
    assert!(beads.iter().any(|b| side(b, "original").is_empty() || side(b, "translation").is_empty()));
}

// ---------------------------------------------------------------------------------------------------
// Dictionaries: a tiny FreeDict-format dictionary written here (the real ones are GPL and stay outside)

/// dictd's base64 digits.
fn b64(mut v: usize) -> String {
    const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[v % 64]);
        v /= 64;
        if v == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// Writes `NAME.index` and `NAME.dict` (or a dictzip `NAME.dict.dz`) for the given entries.
fn write_dictionary(dir: &Path, name: &str, entries: &[(&str, &str)], dictzip: bool) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let mut body = String::new();
    let mut index = String::from("00databaseshort\tA\tB\n");
    for (head, translations) in entries {
        let entry = format!("{head} /x/ <n>\n{translations}\n");
        index.push_str(&format!("{head}\t{}\t{}\n", b64(body.len()), b64(entry.len())));
        body.push_str(&entry);
    }
    std::fs::write(dir.join(format!("{name}.index")), index).unwrap();
    if dictzip {
        std::fs::write(dir.join(format!("{name}.dict.dz")), dictzip_bytes(body.as_bytes(), 64)).unwrap();
    } else {
        std::fs::write(dir.join(format!("{name}.dict")), body).unwrap();
    }
    dir.join(format!("{name}.index"))
}

/// A dictzip file: gzip whose `RA` extra field lists independently inflatable chunks.
fn dictzip_bytes(data: &[u8], chunk: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut chunks = Vec::new();
    let mut deflate = Compress::new(Compression::default(), false);
    for piece in data.chunks(chunk) {
        let mut out = Vec::with_capacity(piece.len() + 64);
        deflate.compress_vec(piece, &mut out, FlushCompress::Full).unwrap();
        chunks.push(out);
    }
    let mut extra = Vec::new();
    let ra_len = 6 + 2 * chunks.len();
    extra.extend_from_slice(b"RA");
    extra.extend_from_slice(&(ra_len as u16).to_le_bytes());
    extra.extend_from_slice(&1u16.to_le_bytes());
    extra.extend_from_slice(&(chunk as u16).to_le_bytes());
    extra.extend_from_slice(&(chunks.len() as u16).to_le_bytes());
    for c in &chunks {
        extra.extend_from_slice(&(c.len() as u16).to_le_bytes());
    }
    let mut out = vec![0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 3];
    out.extend_from_slice(&(extra.len() as u16).to_le_bytes());
    out.extend_from_slice(&extra);
    for c in &chunks {
        out.extend_from_slice(c);
    }
    // A final empty block and the gzip trailer (CRC and size are not checked by random access).
    let mut tail = Vec::with_capacity(64);
    deflate.compress_vec(&[], &mut tail, FlushCompress::Finish).unwrap();
    out.extend_from_slice(&tail);
    out.extend_from_slice(&[0; 8]);
    out
}

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("provcheck-align-{}-{name}", std::process::id()))
}

const DICT_ENTRIES: &[(&str, &str)] = &[
    ("Zuwachs", "growth, increase"),
    ("Handel", "1. trade\nGeschäft\n2. commerce"),
    ("Asien", "Asia"),
    ("Unternehmen", "company, firm"),
    ("Rückgang", "decline, decrease"),
    ("Jahr", "year"),
    ("Hafen", "port, harbour"),
];

#[test]
fn dictionary_loader_reads_plain_and_dictzip_files() {
    for dictzip in [false, true] {
        let dir = scratch(if dictzip { "dz" } else { "plain" });
        let index = write_dictionary(&dir, "test-deu-eng", DICT_ENTRIES, dictzip);
        let dict = align::dictionary::load(&index).unwrap();
        assert_eq!(dict.len(), DICT_ENTRIES.len());
        let words = |w: &str| {
            let mut out = Vec::new();
            dict.translations(w, align::Direction::Forward, 8, &mut out);
            out
        };
        // The first look-ups read their entries alone; after a few thousand the dictionary parses the
        // body a stretch at a time: both ways give the same words.
        for round in 0..2 {
            assert_eq!(words("zuwachs"), ["growth", "increase"]);
            assert_eq!(words("handel"), ["trade", "commerce"], "numbered senses without their glosses");
            assert_eq!(words("jahren"), ["year"], "an inflected form finds its headword");
            assert_eq!(words("hafenunternehmen"), ["company", "firm"], "a compound finds its last part");
            assert!(words("xyz").is_empty());
            if round == 0 {
                (0..3000).for_each(|_| drop(words("asien")));
            }
        }
        let mut reverse = Vec::new();
        dict.translations("trade", align::Direction::Reverse, 8, &mut reverse);
        assert_eq!(reverse, ["handel"]);
    }
}

#[test]
fn dictionary_errors_name_the_file() {
    let dir = scratch("bad");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("x.index"), "not an index\n").unwrap();
    let (o, t) = fixture("added");
    for (path, message) in [
        (dir.join("missing.index"), "unusable dictionary: cannot read the index: no such file"),
        (dir.join("x.index"), "unusable dictionary: the index lists no words"),
    ] {
        let out = bin().args(["align", "--dictionary", path.to_str().unwrap(), &o, &t]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&path.display().to_string()) && err.contains(message), "{err}");
        assert!(out.stdout.is_empty());
    }
}

/// A case that lengths alone cannot decide (a sentence the translation adds, without a number or a name)
/// is tipped by the bundled German lexicon as by an installed dictionary, and the run says which
/// dictionary it used.
#[test]
fn dictionary_helps_and_is_named() {
    let dir = scratch("named");
    let index = write_dictionary(&dir, "freedict-deu-eng", DICT_ENTRIES, true);
    let (o, t) = fixture("dictionary");
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/align/dictionary.beads"),
    )
    .unwrap();
    assert_eq!(
        run_align("dictionary", "beads"),
        expected,
        "without a dictionary, the bundled lexicon finds the added sentence"
    );
    let out = bin()
        .args([
            "align",
            "--from",
            "de",
            "--to",
            "en",
            "--format",
            "beads",
            "--dictionary",
            index.to_str().unwrap(),
            &o,
            &t,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);

    // Found in the default location (here `$PROVCHECK_DICTD`) and named in a note; a dictionary this
    // small is not chosen over the bundled lexicons, and the note says so; `--no-dictionary` silences it.
    let table = |extra: &[&str]| {
        let mut c = bin();
        c.env(align::dictionary::DIR_VARIABLE, &dir)
            .args(["align", "--from", "de", "--to", "en", &o, &t])
            .args(extra);
        String::from_utf8(c.output().unwrap().stderr).unwrap()
    };
    let note = table(&[]);
    assert!(
        note.contains("note: not aligning with the installed dictionary")
            && note.contains("freedict-deu-eng.index (7 headwords)"),
        "{note}"
    );
    assert!(!table(&["--no-dictionary"]).contains("dictionary"));
    // Given for the opposite direction, it is read in reverse.
    let out = bin()
        .args(["align", "--from", "en", "--to", "de", "--dictionary", index.to_str().unwrap(), &t, &o])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("read in reverse (eng→deu)"));
    // JSON carries the notes.
    let out = bin()
        .env(align::dictionary::DIR_VARIABLE, &dir)
        .args(["align", "--from", "de", "--to", "en", "--format", "json", &o, &t])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["notes"].to_string().contains("freedict-deu-eng.index"));
}

// ---------------------------------------------------------------------------------------------------
// Properties

fn sentences(texts: &[(String, usize)]) -> Vec<Sentence> {
    texts
        .iter()
        .map(|(t, p)| Sentence {
            text: t.clone(),
            range: 0..t.len(),
            paragraph: *p,
            kind: BlockKind::Paragraph,
        })
        .collect()
}

fn assert_covers(a: &Alignment, n: usize, m: usize) {
    let o: Vec<usize> = a.beads.iter().flat_map(|b| b.original.iter().map(|x| x.0)).collect();
    let t: Vec<usize> = a.beads.iter().flat_map(|b| b.translation.iter().map(|x| x.0)).collect();
    assert_eq!(o, (0..n).collect::<Vec<_>>());
    assert_eq!(t, (0..m).collect::<Vec<_>>());
    for b in &a.beads {
        assert!(!b.original.is_empty() || !b.translation.is_empty());
        assert!((0.0..=1.0).contains(&b.score));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Arbitrary sentences (any Unicode, digits, punctuation, empty strings) never panic the aligner, and
    /// the beads cover every sentence of both sides exactly once, in order.
    #[test]
    fn beads_cover_every_sentence_once_in_order(
        o in proptest::collection::vec(("\\PC{0,60}", 0usize..4), 0..25),
        t in proptest::collection::vec(("[a-zA-Z0-9äöüß.,:;?!«»„“ ]{0,60}", 0usize..4), 0..25),
    ) {
        let (mut o, mut t) = (o, t);
        o.sort_by_key(|x| x.1);
        t.sort_by_key(|x| x.1);
        let (de, en) = (lang::resolve("de", "x").unwrap(), lang::resolve("en", "x").unwrap());
        let a = align::align(&sentences(&o), &sentences(&t), de, en, &no_dictionary());
        assert_covers(&a, o.len(), t.len());
    }
}

/// Long inputs take the coarse-to-fine path; it must cover everything too, also when one side is much
/// longer than the other.
#[test]
fn coarse_to_fine_covers_long_and_lopsided_inputs() {
    let (de, en) = (lang::resolve("de", "x").unwrap(), lang::resolve("en", "x").unwrap());
    let make = |n: usize, seed: usize| -> Vec<(String, usize)> {
        (0..n)
            .map(|k| {
                (
                    format!(
                        "Satz {} mit {} Wörtern.",
                        (k * 7 + seed) % 1000,
                        "viel ".repeat((k * 13 + seed) % 9)
                    ),
                    k / 5,
                )
            })
            .collect()
    };
    for (n, m) in [(900, 1000), (1500, 40), (30, 1400)] {
        let (o, t) = (make(n, 1), make(m, 2));
        let a = align::align(&sentences(&o), &sentences(&t), de, en, &no_dictionary());
        assert_covers(&a, n, m);
    }
}

// ---------------------------------------------------------------------------------------------------
// Real news: faithful professional translations, and perturbations whose answer is known

/// An article: its source segments and its two reference translations.
type Article = (Vec<String>, [Vec<String>; 2]);

/// Articles of `news/newstest2020.de-en.docs.jsonl`.
fn news_articles() -> Option<Vec<Article>> {
    let path = shared()?.join("news/newstest2020.de-en.docs.jsonl");
    let text = std::fs::read_to_string(path).ok()?;
    let list = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    };
    Some(
        text.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| (list(&v["source"]), [list(&v["references"]["A"]), list(&v["references"]["B"])]))
            .collect(),
    )
}

/// Segments joined as paragraphs, segmented as provcheck segments them.
fn news_doc(name: &str, segments: &[String], code: &str) -> Vec<Sentence> {
    let text = segments.join("\n\n");
    let doc = Document::from_bytes(name, text.as_bytes(), Format::Plain).unwrap();
    segment::segment(&doc, lang::resolve(code, "x").unwrap().pack)
}

fn align_news(original: &[Sentence], translation: &[Sentence], params: &Params) -> Alignment {
    let (de, en) = (lang::resolve("de", "x").unwrap(), lang::resolve("en", "x").unwrap());
    let options = AlignOptions { dictionary: DictionaryChoice::Off, params: params.clone() };
    align::align(original, translation, de, en, &options)
}

fn skips(a: &Alignment) -> Vec<String> {
    a.beads
        .iter()
        .filter(|b| b.original.is_empty() || b.translation.is_empty())
        .map(|b| b.to_gold_string())
        .collect()
}

/// Sentences the professional translations really leave out (checked by hand): a skip bead on one of
/// these is a finding, not a false alarm. (article, reference, start of the original sentence)
const KNOWN_OMISSIONS: &[(usize, usize, &str)] = &[(86, 1, "\"Knipst man zwei Sekunden später")];

/// What a news pair must show: nothing (a faithful pair), or one dropped or added sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Faithful,
    Dropped(usize),
    Added(usize),
}

struct NewsCase {
    label: String,
    original: Vec<Sentence>,
    translation: Vec<Sentence>,
    expect: Expect,
}

/// The faithful pairs (every article against both translations) and the perturbed ones (every third
/// article: a one-sentence paragraph deleted from the translation, and a sentence of another article
/// inserted as a paragraph of its own and inside a paragraph).
fn news_cases(articles: &[Article]) -> Vec<NewsCase> {
    let mut out = Vec::new();
    for (k, (source, refs)) in articles.iter().enumerate() {
        let original = news_doc("de", source, "de");
        for (r, reference) in refs.iter().enumerate() {
            out.push(NewsCase {
                label: format!("article {k} reference {}", ["A", "B"][r]),
                original: original.clone(),
                translation: news_doc("en", reference, "en"),
                expect: Expect::Faithful,
            });
        }
        if k % 3 != 0 {
            continue;
        }
        let reference = &refs[k % 2];
        let one = |segs: &[String], i: usize, code: &str| news_doc("x", &segs[i..=i], code).len() == 1;
        if let Some(i) =
            (1..source.len().min(reference.len())).find(|&i| one(source, i, "de") && one(reference, i, "en"))
        {
            let mut cut = reference.clone();
            cut.remove(i);
            let target = original.iter().position(|s| s.paragraph == i).unwrap();
            out.push(NewsCase {
                label: format!("article {k}: paragraph {i} deleted"),
                original: original.clone(),
                translation: news_doc("en", &cut, "en"),
                expect: Expect::Dropped(target),
            });
        }
        let other = &articles[(k + 50) % articles.len()].1[0];
        let Some(foreign) = news_doc("en", other, "en").into_iter().map(|s| s.text).find(|t| t.len() > 60)
        else {
            continue;
        };
        let at = (reference.len() / 2).max(1);
        for inside in [false, true] {
            let mut added = reference.clone();
            if inside {
                added[at] = format!("{} {foreign}", added[at]);
            } else {
                added.insert(at, foreign.clone());
            }
            let translation = news_doc("en", &added, "en");
            let Some(target) = translation.iter().position(|s| s.text == foreign) else { continue };
            out.push(NewsCase {
                label: format!(
                    "article {k}: sentence inserted {}",
                    if inside { "inside a paragraph" } else { "as a paragraph" }
                ),
                original: original.clone(),
                translation,
                expect: Expect::Added(target),
            });
        }
    }
    out
}

/// Outcome of the news cases under some parameters.
#[derive(Debug, Default)]
struct NewsOutcome {
    faithful: usize,
    /// Skip beads on faithful pairs that are not known omissions.
    spurious: Vec<String>,
    perturbed: usize,
    missed: Vec<String>,
    /// Skip beads in perturbed pairs other than the one expected.
    extra: Vec<String>,
    /// Beads of the faithful pairs, and how many of them are low-confidence.
    faithful_beads: usize,
    faithful_weak: usize,
}

impl NewsOutcome {
    /// F0.5 over the perturbations (precision counts every skip bead that is not a known answer).
    fn f_half(&self) -> f64 {
        let found = (self.perturbed - self.missed.len()) as f64;
        let wrong = (self.spurious.len() + self.extra.len()) as f64;
        let p = if found + wrong > 0.0 { found / (found + wrong) } else { 1.0 };
        let r = if self.perturbed > 0 { found / self.perturbed as f64 } else { 1.0 };
        if p + r == 0.0 { 0.0 } else { 1.25 * p * r / (0.25 * p + r) }
    }
}

fn news_outcome(cases: &[NewsCase], params: &Params) -> NewsOutcome {
    let mut out = NewsOutcome::default();
    for case in cases {
        let a = align_news(&case.original, &case.translation, params);
        let known = |b: &align::Bead| match case.expect {
            Expect::Dropped(i) => b.translation.is_empty() && b.original.iter().any(|x| x.0 == i),
            Expect::Added(j) => b.original.is_empty() && b.translation.iter().any(|x| x.0 == j),
            Expect::Faithful => {
                b.translation.is_empty()
                    && b.original.iter().any(|x| {
                        KNOWN_OMISSIONS.iter().any(|(_, _, start)| case.original[x.0].text.starts_with(start))
                    })
            }
        };
        let found = a.beads.iter().any(known);
        let others: Vec<String> = a
            .beads
            .iter()
            .filter(|b| (b.original.is_empty() || b.translation.is_empty()) && !known(b))
            .map(|b| format!("{}: {}", case.label, b.to_gold_string()))
            .collect();
        if case.expect == Expect::Faithful {
            out.faithful += 1;
            out.faithful_beads += a.beads.len();
            out.faithful_weak += a.beads.iter().filter(|b| b.low_confidence).count();
            out.spurious.extend(others);
        } else {
            out.perturbed += 1;
            if !found {
                out.missed.push(format!("{}: not found ({:?})", case.label, skips(&a)));
            }
            out.extra.extend(others);
        }
    }
    out
}

/// Every article against each of its two professional translations: a faithful pair must not show a
/// dropped or added sentence (other than the one a translator really left out).
#[test]
fn news_faithful_pairs_have_no_dropped_or_added_sentences() {
    let Some(articles) = news_articles() else {
        eprintln!("skipped: ../shared/data/news is absent");
        return;
    };
    let cases: Vec<NewsCase> =
        news_cases(&articles).into_iter().filter(|c| c.expect == Expect::Faithful).collect();
    let out = news_outcome(&cases, &Params::default());
    eprintln!("{} faithful pairs, {} spurious skips: {:#?}", out.faithful, out.spurious.len(), out.spurious);
    assert!(out.faithful > 200);
    assert!(out.spurious.is_empty(), "{:#?}", out.spurious);
}

/// Deleting a one-sentence paragraph from the translation, or inserting a sentence from another article
/// (as a paragraph of its own or inside a paragraph): the aligner must find each, and add no other skip.
#[test]
fn news_perturbations_are_found() {
    let Some(articles) = news_articles() else {
        eprintln!("skipped: ../shared/data/news is absent");
        return;
    };
    let cases: Vec<NewsCase> =
        news_cases(&articles).into_iter().filter(|c| c.expect != Expect::Faithful).collect();
    let out = news_outcome(&cases, &Params::default());
    eprintln!(
        "{} perturbations, {} missed, {} other skip beads: {:#?} {:#?}",
        out.perturbed,
        out.missed.len(),
        out.extra.len(),
        out.missed,
        out.extra
    );
    assert!(out.perturbed > 90);
    assert!(out.missed.len() <= MAX_MISSED_PERTURBATIONS, "{:#?}", out.missed);
    assert!(out.extra.len() <= MAX_EXTRA_SKIPS, "{:#?}", out.extra);
}

/// Perturbations the aligner may miss, and other skip beads it may add (out of about 100 perturbed pairs).
const MAX_MISSED_PERTURBATIONS: usize = 12;
const MAX_EXTRA_SKIPS: usize = 3;

// ---------------------------------------------------------------------------------------------------
// Measurements on the gold sets (run with `cargo test --release --test align -- --ignored --nocapture`)

#[test]
#[ignore = "measurement: needs ../shared/data and a release build to be quick"]
fn gold_set_f1() {
    let Some(dir) = shared() else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    for dictionary in [false, true] {
        for (name, (strict, lax)) in evaluate(&dir, &Params::default(), dictionary) {
            println!("{name:<20} dictionary={dictionary:<5} strict F1 {strict:.3} lax F1 {lax:.3}");
        }
    }
    if let Some(articles) = news_articles() {
        let n = news_outcome(&news_cases(&articles), &Params::default());
        println!(
            "news: {} faithful pairs, {} spurious skips, {} of {} beads low-confidence; {} perturbations, \
             {} missed, {} other skips; F0.5 {:.3}",
            n.faithful,
            n.spurious.len(),
            n.faithful_weak,
            n.faithful_beads,
            n.perturbed,
            n.missed.len(),
            n.extra.len(),
            n.f_half()
        );
        for m in n.missed.iter().chain(&n.extra) {
            println!("  {m}");
        }
    }
}

/// Coordinate descent over the bead penalties, on both gold sets together (11 documents): the objective
/// is the mean of the two sets' strict F1, so neither the single Text+Berg document nor ParIce alone sets
/// the values.
#[test]
#[ignore = "tuning: prints the best parameters found; slow"]
fn tune_params() {
    let Some(dir) = shared() else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let dictionary = std::env::var("TUNE_DICTIONARY").is_ok();
    let news = news_articles().map(|a| news_cases(&a)).unwrap_or_default();
    let objective = |p: &Params| {
        let r = evaluate(&dir, p, dictionary);
        let gold = r.iter().map(|x| x.1.0).sum::<f64>();
        if news.is_empty() {
            gold / r.len() as f64
        } else {
            (gold + news_outcome(&news, p).f_half()) / (r.len() + 1) as f64
        }
    };
    let mut best = Params::default();
    let mut best_score = objective(&best);
    println!("start {best_score:.4}");
    type Field = (&'static str, fn(&mut Params) -> &mut f32);
    let fields: &[Field] = &[
        ("gap_open", |p| &mut p.gap_open),
        ("skip", |p| &mut p.skip),
        ("skip_short", |p| &mut p.skip_short),
        ("fragment", |p| &mut p.fragment),
        ("merge", |p| &mut p.merge),
        ("merge_2_2", |p| &mut p.merge_2_2),
        ("merge_1_3", |p| &mut p.merge_1_3),
        ("merge_2_3", |p| &mut p.merge_2_3),
        ("merge_1_4", |p| &mut p.merge_1_4),
        ("length", |p| &mut p.length),
        ("variance", |p| &mut p.variance),
        ("lexical", |p| &mut p.lexical),
        ("number_miss", |p| &mut p.number_miss),
        ("unmatched", |p| &mut p.unmatched),
        ("paragraph_span", |p| &mut p.paragraph_span),
    ];
    for round in 0..3 {
        for (name, field) in fields {
            for factor in [0.6, 0.8, 0.9, 1.1, 1.25, 1.5] {
                let mut p = best.clone();
                *field(&mut p) *= factor;
                let s = objective(&p);
                println!("  {name} ×{factor}: {s:.4}");
                if s > best_score + 1e-4 {
                    best_score = s;
                    best = p;
                    println!("round {round} {name} ×{factor}: {best_score:.4}");
                }
            }
        }
    }
    println!("{best:#?}");
    for (name, (strict, lax)) in evaluate(&dir, &best, dictionary) {
        println!("{name:<20} strict F1 {strict:.3} lax F1 {lax:.3}");
    }
    let n = news_outcome(&news, &best);
    println!(
        "news: F0.5 {:.3}, {} missed, {} spurious, {} extra",
        n.f_half(),
        n.missed.len(),
        n.spurious.len(),
        n.extra.len()
    );
}
