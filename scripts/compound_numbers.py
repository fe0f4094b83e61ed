#!/usr/bin/env python3
"""Regenerates the compound number words of the language packs (lang/<code>.toml, [numbers.words]).

Number words between 21 and 99 follow a rule in every language (tens, a joiner, units), but the
extractor reads a phrase of several words as one number only when the phrase is listed, and reads a
one-word compound from pieces only in languages with a `compound_joiner` (German, Dutch). This script
writes, from the rules below, the compounds that must be listed, between the `# compounds:begin` and
`# compounds:end` marker lines of each pack's `[numbers.words]` table:

- fr: the compounds the pieces do not give: `dix-sept`, `vingt et un`, `soixante et onze`,
  `soixante-douze`, `quatre-vingts`, `quatre-vingt-onze` (`vingt-deux` and `quatre-vingt-dix-sept` are
  read from pieces joined by hyphens);
- es: `treinta y uno` … `noventa y nueve` (16-29 are single words, listed by hand);
- pt: `vinte e um` … `noventa e nove`, with the feminine `uma`, `duas`;
- it: `ventuno` … `novantanove`, with the elided vowel before `uno` and `otto` and both `ventitré` and
  `ventitre`;
- nl: `tweeëntwintig`, `drieëntwintig` … (the joiner `en` is written `ën` after a vowel; the other
  compounds are read from pieces);
- pl, ru: `dwadzieścia pięć`, `двадцать пять` … in every case: nominative, genitive (`dwudziestu
  pięciu`, `двадцати пяти`, also the prepositional, and the dative from 5 up), dative (`dwudziestu
  trzem`, `двадцати трём`) and instrumental (`dwudziestoma pięcioma`, `dwudziestu pięcioma`, `двадцатью
  пятью`). The case forms of the single words are in the packs.

Number words are facts of each language; nothing here is taken from another project.
Usage: scripts/compound_numbers.py
"""

import pathlib
import sys


def fr():
    out = {"dix-sept": 17, "dix-huit": 18, "dix-neuf": 19}
    tens = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
    for w, v in tens.items():
        for one in ("un", "une"):
            out[f"{w} et {one}"] = v + 1
            out[f"{w}-et-{one}"] = v + 1
    teens = {"onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16}
    out["soixante-dix"] = 70
    out["soixante et onze"] = 71
    out["soixante-et-onze"] = 71
    for w, v in teens.items():
        if v > 11:
            out[f"soixante-{w}"] = 60 + v
    out["quatre-vingts"] = 80
    out["quatre-vingt"] = 80
    out["quatre-vingt-un"] = 81
    out["quatre-vingt-une"] = 81
    out["quatre-vingt-dix"] = 90
    for w, v in teens.items():
        out[f"quatre-vingt-{w}"] = 80 + v
    return out


def es():
    units = {"uno": 1, "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
             "siete": 7, "ocho": 8, "nueve": 9}
    tens = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
            "noventa": 90}
    return {f"{t} y {u}": tv + uv for t, tv in tens.items() for u, uv in units.items()}


def pt():
    units = {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6,
             "sete": 7, "oito": 8, "nove": 9}
    tens = {"vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60, "setenta": 70,
            "oitenta": 80, "noventa": 90}
    return {f"{t} e {u}": tv + uv for t, tv in tens.items() for u, uv in units.items()}


def it():
    units = {"uno": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8,
             "nove": 9}
    tens = {"venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60, "settanta": 70,
            "ottanta": 80, "novanta": 90}
    out = {}
    for t, tv in tens.items():
        for u, uv in units.items():
            stem = t[:-1] if u in ("uno", "otto") else t
            out[stem + u] = tv + uv
            if u == "tre":
                out[stem + "tré"] = tv + uv
    return out


def nl():
    tens = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
            "tachtig": 80, "negentig": 90}
    return {f"{u}ën{t}": tv + uv for t, tv in tens.items() for u, uv in (("twee", 2), ("drie", 3))}


def pl():
    nom_units = {"jeden": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6,
                 "siedem": 7, "osiem": 8, "dziewięć": 9}
    gen_units = {"jeden": 1, "dwóch": 2, "trzech": 3, "czterech": 4, "pięciu": 5, "sześciu": 6,
                 "siedmiu": 7, "ośmiu": 8, "dziewięciu": 9}
    # The dative differs from the genitive for 2-4 only (`dwudziestu trzem`).
    dat_units = {"dwóm": 2, "dwom": 2, "trzem": 3, "czterem": 4}
    ins_units = {"jeden": 1, "dwoma": 2, "dwiema": 2, "trzema": 3, "czterema": 4, "pięcioma": 5,
                 "sześcioma": 6, "siedmioma": 7, "ośmioma": 8, "dziewięcioma": 9}
    tens = [("dwadzieścia", "dwudziestu", "dwudziestoma", 20), ("trzydzieści", "trzydziestu", "trzydziestoma", 30),
            ("czterdzieści", "czterdziestu", "czterdziestoma", 40),
            ("pięćdziesiąt", "pięćdziesięciu", "pięćdziesięcioma", 50),
            ("sześćdziesiąt", "sześćdziesięciu", "sześćdziesięcioma", 60),
            ("siedemdziesiąt", "siedemdziesięciu", "siedemdziesięcioma", 70),
            ("osiemdziesiąt", "osiemdziesięciu", "osiemdziesięcioma", 80),
            ("dziewięćdziesiąt", "dziewięćdziesięciu", "dziewięćdziesięcioma", 90)]
    out = {}
    for nom, gen, ins, tv in tens:
        for u, uv in nom_units.items():
            out[f"{nom} {u}"] = tv + uv
        for u, uv in gen_units.items():
            out[f"{gen} {u}"] = tv + uv
        for u, uv in dat_units.items():
            out[f"{gen} {u}"] = tv + uv
        # The instrumental, and its common form with the tens in the genitive (`dwudziestu pięcioma`).
        for u, uv in ins_units.items():
            out[f"{ins} {u}"] = tv + uv
            out[f"{gen} {u}"] = tv + uv
    return out


def ru():
    nom_units = {"один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
                 "шесть": 6, "семь": 7, "восемь": 8, "девять": 9}
    gen_units = {"одного": 1, "одной": 1, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4,
                 "пяти": 5, "шести": 6, "семи": 7, "восьми": 8, "девяти": 9}
    # The dative differs from the genitive for 1-4 only (`двадцати трём`); the prepositional is the
    # genitive (`о двадцати пяти`).
    dat_units = {"одному": 1, "двум": 2, "трём": 3, "трем": 3, "четырём": 4, "четырем": 4}
    ins_units = {"одним": 1, "одной": 1, "двумя": 2, "тремя": 3, "четырьмя": 4, "пятью": 5, "шестью": 6,
                 "семью": 7, "восемью": 8, "девятью": 9}
    tens = [("двадцать", "двадцати", "двадцатью", 20), ("тридцать", "тридцати", "тридцатью", 30),
            ("сорок", "сорока", "сорока", 40), ("пятьдесят", "пятидесяти", "пятьюдесятью", 50),
            ("шестьдесят", "шестидесяти", "шестьюдесятью", 60), ("семьдесят", "семидесяти", "семьюдесятью", 70),
            ("восемьдесят", "восьмидесяти", "восемьюдесятью", 80), ("девяносто", "девяноста", "девяноста", 90)]
    out = {}
    for nom, gen, ins, tv in tens:
        for u, uv in nom_units.items():
            out[f"{nom} {u}"] = tv + uv
        for u, uv in gen_units.items():
            out[f"{gen} {u}"] = tv + uv
        for u, uv in dat_units.items():
            out[f"{gen} {u}"] = tv + uv
        for u, uv in ins_units.items():
            out[f"{ins} {u}"] = tv + uv
    return out


LANGS = {"fr": fr, "es": es, "pt": pt, "it": it, "nl": nl, "pl": pl, "ru": ru}


def toml_lines(words: dict) -> list[str]:
    return [f'"{w}" = {v}' for w, v in words.items()]


def main() -> int:
    repo = pathlib.Path(__file__).resolve().parent.parent
    for lang, rule in LANGS.items():
        pack = repo / "lang" / f"{lang}.toml"
        lines = pack.read_text(encoding="utf-8").split("\n")
        try:
            begin = next(i for i, l in enumerate(lines) if l.strip().startswith("# compounds:begin"))
            end = next(i for i, l in enumerate(lines) if l.strip() == "# compounds:end")
        except StopIteration:
            print(f"{lang}: no `# compounds:begin` / `# compounds:end` markers, skipped", file=sys.stderr)
            continue
        words = rule()
        lines[begin + 1 : end] = toml_lines(words)
        pack.write_text("\n".join(lines), encoding="utf-8")
        print(f"{lang}: {len(words)} compound number words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
