//! Pairing files by name, for `provcheck check DIR…`.
//!
//! In: folders and files from the command line, and the original's language. Out: [`Pair`]s of an
//! original and a translation, sorted by path, plus notes about files that found no partner. Files are
//! named `STEM.LANG.EXT` (`story.de.md`, `story.en.md`): `LANG` is an ISO 639-1 code and `EXT` one of
//! `md`, `markdown`, `mdown`, `mkd`, `txt`, `text`. Files with the same folder and stem form a group; the
//! one in the original's language is the original, every other language a translation. Folders are
//! walked recursively in name order; hidden entries and symbolic links to folders are skipped. This
//! module reads folder listings only, never the documents.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One original and one translation, with the languages their names give.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pair {
    pub original: PathBuf,
    pub translation: PathBuf,
    pub original_lang: String,
    pub translation_lang: String,
}

/// What pairing found.
#[derive(Debug, Default)]
pub struct Pairing {
    pub pairs: Vec<Pair>,
    /// Files left without a partner, as notes.
    pub notes: Vec<String>,
}

const EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "txt", "text"];

/// `(stem, language)` of a name like `story.de.md`; `None` for other names.
pub fn split_name(path: &Path) -> Option<(String, String)> {
    let name = path.file_name()?.to_str()?;
    let mut parts = name.rsplitn(3, '.');
    let ext = parts.next()?;
    let lang = parts.next()?;
    let stem = parts.next()?;
    let known_ext = EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext));
    let is_lang = lang.len() == 2
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && crate::lang::resolve(lang, "file name").is_ok();
    (known_ext && is_lang && !stem.is_empty()).then(|| (stem.to_owned(), lang.to_owned()))
}

/// Collects the files under `paths` (folders walked, files taken as they are).
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|source| Error::Io { path: p.clone(), source })?;
        if meta.is_dir() {
            walk(p, &mut files)?;
        } else {
            files.push(p.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.to_owned(), source })?;
    let mut entries: Vec<_> = entries.filter_map(std::result::Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, out)?;
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            out.push(path);
        }
    }
    Ok(())
}

/// Pairs the files under `paths`. `original_lang` names the originals' language; `only` keeps only
/// translations into that language.
pub fn pair(paths: &[PathBuf], original_lang: &str, only: Option<&str>) -> Result<Pairing> {
    let files = collect(paths)?;
    let mut groups: BTreeMap<(PathBuf, String), Vec<(String, PathBuf)>> = BTreeMap::new();
    let mut out = Pairing::default();
    for f in files {
        match split_name(&f) {
            Some((stem, lang)) => {
                let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
                groups.entry((dir, stem)).or_default().push((lang, f));
            }
            None => {
                // Only files named on the command line deserve a word; a folder may hold anything.
                if paths.contains(&f) {
                    out.notes.push(format!(
                        "{}: not named STEM.LANG.EXT (like `story.de.md`), so it has no partner",
                        f.display()
                    ));
                }
            }
        }
    }
    for ((_, _), members) in groups {
        let originals: Vec<&PathBuf> =
            members.iter().filter(|(l, _)| l == original_lang).map(|(_, p)| p).collect();
        let translations: Vec<&(String, PathBuf)> =
            members.iter().filter(|(l, _)| l != original_lang && only.is_none_or(|o| o == l)).collect();
        match (originals.as_slice(), translations.is_empty()) {
            ([original], false) => {
                for (lang, t) in translations {
                    out.pairs.push(Pair {
                        original: (*original).clone(),
                        translation: t.clone(),
                        original_lang: original_lang.to_owned(),
                        translation_lang: lang.clone(),
                    });
                }
            }
            ([], false) => {
                for (_, t) in translations {
                    out.notes.push(format!(
                        "{}: no original in `{original_lang}` beside it, skipped",
                        t.display()
                    ));
                }
            }
            ([_, _, ..], false) => {
                let list: Vec<String> = originals.iter().map(|p| p.display().to_string()).collect();
                out.notes.push(format!("{}: more than one original, skipped", list.join(", ")));
            }
            (_, true) => {
                for o in originals {
                    out.notes.push(format!("{}: no translation beside it", o.display()));
                }
            }
        }
    }
    out.pairs.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(split_name(Path::new("a/story.de.md")), Some(("story".into(), "de".into())));
        assert_eq!(split_name(Path::new("x.y.en.txt")), Some(("x.y".into(), "en".into())));
        assert_eq!(split_name(Path::new("story.md")), None);
        assert_eq!(split_name(Path::new("story.qq.md")), None, "not a language");
        assert_eq!(split_name(Path::new("story.de.pdf")), None);
        assert_eq!(split_name(Path::new(".de.md")), None);
    }
}
