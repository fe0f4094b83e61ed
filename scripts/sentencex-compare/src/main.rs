//! Splits the provcheck segmentation fixtures, the ParIce gold sentences and the WMT newstest2020
//! segments with `sentencex` (applied per blank-line block) and counts boundary errors exactly as
//! `tests/segment.rs` does. `V=1` prints sentencex's sentences and misses.

use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

fn boundaries<'s>(sentences: impl IntoIterator<Item = &'s str>) -> Vec<usize> {
    let mut at = 0;
    let mut out = Vec::new();
    for s in sentences {
        at += s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '•' | '*' | '–')).count();
        out.push(at);
    }
    out.pop();
    out
}
fn errs(e: &[usize], g: &[usize]) -> (usize, usize) {
    (
        e.iter().filter(|b| g.binary_search(b).is_err()).count(),
        g.iter().filter(|b| e.binary_search(b).is_err()).count(),
    )
}
fn split(text: &str, code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        for s in sentencex::segment(code, block) {
            let t = s.trim();
            if !t.is_empty() {
                out.push(t.to_owned());
            }
        }
    }
    out
}
fn ends_p(l: &str) -> bool {
    l.trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '“' | '’' | '‘' | '»' | '«' | ')' | ']'))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'))
}
fn main() {
    let verbose = std::env::var_os("V").is_some();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = ["../shared/data", "../../shared/data"].iter().map(|p| root.join(p)).find(|p| p.exists());
    let dir = root.join("fixtures/segment");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let (mut tm, mut ta) = (0, 0);
    for p in names {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        let code = name.split('-').next().unwrap();
        let text: String = std::fs::read_to_string(&p).unwrap().nfc().collect();
        let exp: Vec<String> = std::fs::read_to_string(p.with_extension("expected"))
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect();
        let got = split(&text, code);
        let (m, a) =
            errs(&boundaries(exp.iter().map(String::as_str)), &boundaries(got.iter().map(String::as_str)));
        println!("{name:<12} missed {m:>3} added {a:>3}");
        if verbose {
            for g in &got {
                println!("   | {g}");
            }
        }
        tm += m;
        ta += a;
    }
    println!("total missed {tm} added {ta}");
    let Some(shared) = shared else {
        eprintln!("../shared/data not found: fixtures only");
        return;
    };
    for (side, code) in [("eng", "en"), ("isl", "is")] {
        let d: PathBuf = shared.join("align/parice_en-is").join(side);
        let mut paths: Vec<_> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        let (mut n, mut un, mut mi, mut ad) = (0, 0, 0, 0);
        for p in paths {
            let raw: String = std::fs::read_to_string(&p).unwrap().nfc().collect();
            let lines: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            let got = split(&lines.join(" "), code);
            let g = boundaries(got.iter().map(String::as_str));
            let e = boundaries(lines.iter().copied());
            let f: Vec<usize> = e.iter().zip(&lines).filter(|(_, l)| ends_p(l)).map(|(b, _)| *b).collect();
            n += e.len();
            un += e.len() - f.len();
            mi += errs(&f, &g).0;
            ad += errs(&e, &g).1;
        }
        println!("ParIce {side}: {n} gold, {un} unpunctuated, {mi} missed, {ad} added");
    }
    for (field, code) in [("source", "de"), ("reference", "en")] {
        let (mut n, mut un, mut mi, mut ins) = (0, 0, 0, 0);
        for line in
            std::fs::read_to_string(shared.join("news/newstest2020.de-en.docs.jsonl")).unwrap().lines()
        {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            let segs: Vec<String> = doc[field]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    s.as_str()
                        .unwrap()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .nfc()
                        .collect::<String>()
                })
                .filter(|s| !s.is_empty())
                .collect();
            let got = split(&segs.join(" "), code);
            let g = boundaries(got.iter().map(String::as_str));
            let e = boundaries(segs.iter().map(String::as_str));
            let f: Vec<usize> = e.iter().zip(&segs).filter(|(_, l)| ends_p(l)).map(|(b, _)| *b).collect();
            n += e.len();
            un += e.len() - f.len();
            mi += errs(&f, &g).0;
            ins += errs(&e, &g).1;
            if verbose {
                for b in f.iter().filter(|b| g.binary_search(b).is_err()) {
                    println!("  news missed: {}", got[g.partition_point(|x| x < b)]);
                }
            }
        }
        println!("news {field}: {n} ends, {un} unpunctuated, {mi} missed, {ins} inside");
    }
}
