//! `check` speed: one article pair end to end (a 25-sentence German article and its English
//! translation, from `fixtures/check/de-en`), a 30-sentence pair built from the fixtures (the issue's
//! target size), and batch throughput over many pairs on all cores.
//!
//! Run: `cargo bench --bench check`. Figures are recorded in `docs/measurements.md`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use provcheck::input::{Document, Format};
use provcheck::{Options, check};
use rayon::prelude::*;

fn load(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn options() -> Options {
    Options { original_lang: Some("de".into()), translation_lang: Some("en".into()), ..Options::default() }
}

fn run(original: &str, translation: &str, options: &Options) -> usize {
    let o = Document::from_bytes("o.md", original.as_bytes(), Format::Markdown).expect("fixture is valid");
    let t = Document::from_bytes("t.md", translation.as_bytes(), Format::Markdown).expect("fixture is valid");
    check(o, t, options).map(|r| r.findings.len()).unwrap_or(0)
}

/// The paragraphs (blank-line separated blocks) of a Markdown text.
fn blocks(text: &str) -> Vec<&str> {
    text.split("\n\n").filter(|b| !b.trim().is_empty()).collect()
}

/// A 30-sentence article: the de-en fixture's 24 sentences before its credit line, the two faithful
/// paragraphs of the demo pair (5 sentences: a quote, an attribution, a name), then the credit line.
fn article_30(fixture: &str, demo: &str) -> String {
    let (fixture, demo) = (blocks(fixture), blocks(demo));
    let (body, credit) = fixture.split_at(fixture.len() - 1);
    let parts: Vec<&str> = body.iter().chain(&demo[3..5]).chain(credit).copied().collect();
    parts.join("\n\n")
}

fn bench(c: &mut Criterion) {
    let original = load("fixtures/check/de-en/original.de.md");
    let translation = load("fixtures/check/de-en/translation.en.md");
    let options = options();
    c.bench_function("check/article-25-sentences", |b| {
        b.iter(|| run(black_box(&original), black_box(&translation), &options))
    });
    let original_30 = article_30(&original, &load("fixtures/example/original.de.md"));
    let translation_30 = article_30(&translation, &load("fixtures/example/translation.en.md"));
    let o = Document::from_bytes("o.md", original_30.as_bytes(), Format::Markdown).expect("valid");
    let t = Document::from_bytes("t.md", translation_30.as_bytes(), Format::Markdown).expect("valid");
    let report = check(o, t, &options).expect("the 30-sentence pair checks");
    assert_eq!(report.summary.original_sentences, 30, "the bench input must keep its 30 sentences");
    assert!(report.findings.is_empty(), "the 30-sentence pair is faithful: {:?}", report.findings);
    c.bench_function("check/article-30-sentences", |b| {
        b.iter(|| run(black_box(&original_30), black_box(&translation_30), &options))
    });

    let variants: Vec<String> =
        std::fs::read_dir(format!("{}/fixtures/check/de-en/variants", env!("CARGO_MANIFEST_DIR")))
            .map(|d| {
                d.filter_map(|e| e.ok()).filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect()
            })
            .unwrap_or_default();
    let pairs: Vec<&String> = variants.iter().cycle().take(200).collect();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.sample_size(10);
    group.bench_function("200-pairs-all-cores", |b| {
        b.iter(|| pairs.par_iter().map(|t| run(&original, t, &options)).sum::<usize>())
    });
    group.finish();

    // The Hunspell dictionaries the name rules consult: loaded once per process on first use (this
    // measures that first load), then asked a word at a time. Skipped for a language not installed.
    let mut group = c.benchmark_group("spelling");
    group.sample_size(10);
    for code in ["en", "fr", "es", "it", "pt", "nl", "pl", "ru"] {
        let Some(aff) = provcheck::lang::spelling::path_for(code) else { continue };
        group.bench_function(format!("load-{code}"), |b| b.iter(|| provcheck::lang::spelling::load(&aff)));
    }
    let en_pack = provcheck::lang::resolve("en", "bench").ok().map(|l| l.pack);
    if let Some(en) = en_pack.and_then(provcheck::lang::spelling::for_pack) {
        let words = ["Coquelles", "Treasury", "Salzburg", "Bootloader", "Christmas", "Estibas"];
        group.bench_function("lookup-en-6-words", |b| {
            b.iter(|| words.iter().filter(|w| en.capital_only(w) && !en.compound(w)).count())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
