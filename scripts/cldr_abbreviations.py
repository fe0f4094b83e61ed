#!/usr/bin/env python3
"""Regenerates the CLDR part of the `abbreviations` lists in lang/<code>.toml.

CLDR's sentence-break suppressions (common/segments/<code>.xml, Unicode licence) list abbreviations after
which a period does not end a sentence. This script reads them, drops the entries that are ordinary words
(a sentence may well end in "All." or "Test."), strips the final period, and writes the rest between the
`# cldr:begin` and `# cldr:end` marker lines of the language's `abbreviations` array. Everything outside the
markers (titles, news abbreviations written by hand) is left alone.

Usage: scripts/cldr_abbreviations.py [CLDR_SEGMENTS_DIR]
  (default /usr/share/unicode/cldr/common/segments, from the Debian package unicode-cldr-core)
"""

import pathlib
import sys
import xml.etree.ElementTree as ET

LANGS = ["de", "en", "es", "fr", "it", "pt", "ru"]

# Entries that are ordinary words (or junk) and would stop a real sentence end from being seen.
DROP = {
    "de": {"Alt", "Test", "Best", "Max", "Min", "Art", "Mod", "Fam", "Ben", "Gem", "Bed", "Ber", "Kop",
           "Rep", "Reg", "Int", "Dat", "Dim", "Temp", "Obj", "App", "Akt", "Port", "Gesch", "Trans", "Mind",
           "PIN", "Rel", "Qu", "am", "Ca"},
    "en": {"Is", "In", "To", "On", "Go", "Up", "By", "As", "All", "Or", "Do", "Ok", "OK", "Job", "Joe",
           "Long", "Hat", "Link", "Act", "Card", "Jam", "Pro", "Est", "Cap", "Id", "Min", "Ed", "Lib", "Num",
           "Mart", "Var", "Diff", "Def", "Cont", "Comm", "Exec", "exec", "Alt", "Lev", "Kb", "Mb", "Gb", "Hz",
           "AA", "AB", "PP", "PC", "DC", "AD", "VS", "MR", "Adv", "Adj", "Ex", "Abs", "Misc", "Md", "Mar"},
    "fr": {"All", "Var", "Desc", "DC", "Comm", "Mart", "mer", "jeu"},
    "es": {"Kit", "Rol", "Korn", "Bien", "Sol", "Desc", "RAM", "Da", "Ant", "Em", "Var", "All", "Seg",
           "Reg", "CA", "SA", "AA", "PP", "DC", "Comm", "Fabric", "Trab", "mar"},
    "it": {"Mod", "DC", "L"},
    "pt": {"rementente", "com", "mar", "Mar", "des", "fl", "Est", "pol", "lin", "long", "fil"},
    "ru": set(),
}


def entries(path: pathlib.Path, lang: str) -> list[str]:
    root = ET.parse(path).getroot()
    out = []
    for s in root.iter("suppression"):
        text = (s.text or "").strip()
        text = text[:-1] if text.endswith(".") else text
        if not text or text in DROP[lang]:
            continue
        # Single capitals are initials, which the segmenter handles by rule.
        if len(text) == 1 and text.isupper():
            continue
        if text not in out:
            out.append(text)
    return sorted(out, key=lambda t: (t.lower(), t))


def toml_lines(items: list[str], indent: str = "  ", width: int = 108) -> list[str]:
    lines, line = [], indent
    for item in items:
        quoted = '"' + item.replace("\\", "\\\\").replace('"', '\\"') + '",'
        if len(line) + len(quoted) + 1 > width and line.strip():
            lines.append(line.rstrip())
            line = indent
        line += quoted + " "
    if line.strip():
        lines.append(line.rstrip())
    return lines


def main() -> int:
    cldr = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/cldr/common/segments")
    repo = pathlib.Path(__file__).resolve().parent.parent
    for lang in LANGS:
        src = cldr / f"{lang}.xml"
        pack = repo / "lang" / f"{lang}.toml"
        items = entries(src, lang)
        lines = pack.read_text(encoding="utf-8").split("\n")
        try:
            begin = next(i for i, l in enumerate(lines) if l.strip().startswith("# cldr:begin"))
            end = next(i for i, l in enumerate(lines) if l.strip() == "# cldr:end")
        except StopIteration:
            print(f"{pack}: no `# cldr:begin` / `# cldr:end` markers", file=sys.stderr)
            return 1
        lines[begin + 1 : end] = toml_lines(items)
        pack.write_text("\n".join(lines), encoding="utf-8")
        print(f"{lang}: {len(items)} CLDR abbreviations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
