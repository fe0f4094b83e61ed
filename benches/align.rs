//! Aligner speed at 1k, 10k and 100k sentences a side, on real text.
//!
//! The documents are built from the German news articles and their English translations in
//! `../shared/data/news/` when present (segmented as provcheck segments them), otherwise from the
//! alignment fixtures; the text is repeated until each side has the size asked for, taking the two
//! translations in turn and leaving out every 97th original sentence so that the alignment is not
//! trivially diagonal. `cargo bench --bench align`.

use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use provcheck::align::{self, AlignOptions, DictionaryChoice};
use provcheck::input::{BlockKind, Document, Format};
use provcheck::lang;
use provcheck::segment::{self, Sentence};

/// Sentences of the originals and of the translations (both translations of each article in turn).
fn corpus() -> (Vec<String>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let news = ["../shared/data", "../../shared/data"]
        .iter()
        .map(|p| root.join(p).join("news/newstest2020.de-en.docs.jsonl"))
        .find(|p| p.is_file());
    let split = |text: &str, code: &str| -> Vec<String> {
        let doc = Document::from_bytes("bench", text.as_bytes(), Format::Plain).expect("text");
        let pack = lang::resolve(code, "bench").expect("language").pack;
        segment::segment(&doc, pack).into_iter().map(|s| s.text).collect()
    };
    let (mut original, mut translation) = (Vec::new(), Vec::new());
    if let Some(path) = news {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for (k, line) in text.lines().enumerate() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let join = |v: &serde_json::Value| -> String {
                v.as_array()
                    .map(|a| a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join("\n\n"))
                    .unwrap_or_default()
            };
            original.extend(split(&join(&v["source"]), "de"));
            translation.extend(split(&join(&v["references"][if k % 2 == 0 { "A" } else { "B" }]), "en"));
        }
    }
    if original.is_empty() {
        for case in ["split", "merge", "dropped", "added", "dateline"] {
            let read = |lang: &str| {
                std::fs::read_to_string(root.join(format!("fixtures/align/{case}.{lang}.txt")))
                    .unwrap_or_default()
            };
            original.extend(split(&read("de"), "de"));
            translation.extend(split(&read("en"), "en"));
        }
    }
    (original, translation)
}

/// `n` sentences a side, paragraphs of five.
fn documents(corpus: &(Vec<String>, Vec<String>), n: usize) -> (Vec<Sentence>, Vec<Sentence>) {
    let make = |texts: &[String], skip: Option<usize>| -> Vec<Sentence> {
        texts
            .iter()
            .cycle()
            .enumerate()
            .filter(|(k, _)| skip.is_none_or(|s| k % s != s - 1))
            .take(n)
            .enumerate()
            .map(|(k, (_, t))| Sentence {
                text: t.clone(),
                range: 0..t.len(),
                paragraph: k / 5,
                kind: BlockKind::Paragraph,
            })
            .collect()
    };
    (make(&corpus.0, Some(97)), make(&corpus.1, None))
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let (de, en) = (lang::resolve("de", "bench").expect("de"), lang::resolve("en", "bench").expect("en"));
    let options = AlignOptions { dictionary: DictionaryChoice::Off, ..AlignOptions::default() };
    let mut group = c.benchmark_group("align");
    for n in [1_000, 10_000, 100_000] {
        let (o, t) = documents(&corpus, n);
        group.sample_size(if n >= 100_000 { 10 } else { 20 });
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| align::align(&o, &t, de, en, &options));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
