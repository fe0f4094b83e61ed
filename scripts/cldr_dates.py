#!/usr/bin/env python3
"""Checks the month and weekday names and the number symbols of the language packs against CLDR.

CLDR (common/main/<code>.xml, Unicode licence) gives, per language, the wide month and weekday names in
their format and stand-alone forms (Polish and Russian format months are the genitive: `marca`, `марта`),
the abbreviated ones, and the decimal and grouping signs. The packs (lang/<code>.toml, [dates] and
[numbers]) are written by hand, with inflected forms CLDR does not have (`w marcu`, `в марте`); this
script reports every CLDR form a pack lacks, and a decimal sign that differs. Abbreviations count only
when CLDR writes them with a period (`févr.`), since the extractor reads an abbreviation by its period.

Usage: scripts/cldr_dates.py [CLDR_MAIN_DIR]
  (default /usr/share/unicode/cldr/common/main, from the Debian package unicode-cldr-core)
Exit status 1 when a pack lacks a form.
"""

import pathlib
import sys
import tomllib
import xml.etree.ElementTree as ET

LANGS = ["fr", "es", "it", "nl", "pt", "pl", "ru"]

# CLDR forms left out on purpose, with the reason in the pack.
SKIP = {
    # Weekday abbreviations are other words (`mar.`, `sam.`) and rare in prose.
    "days-abbreviated": True,
    # Portuguese short weekday names (`segunda`, `quinta`, `sexta`) are also ordinals and nouns.
    "pt": {"segunda", "quarta", "quinta", "sexta"},
    # Russian `среда` is also `environment`: the pack lists phrases (`в среду`).
    "ru": {"среда"},
}


def cldr_names(main: pathlib.Path, lang: str) -> tuple[list[set[str]], list[set[str]], str]:
    root = ET.parse(main / f"{lang}.xml").getroot()
    cal = root.find("dates/calendars/calendar[@type='gregorian']")
    months: list[set[str]] = [set() for _ in range(12)]
    days: list[set[str]] = [set() for _ in range(7)]
    order = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for m in cal.findall(f"months/monthContext[@type='{ctx}']/monthWidth[@type='{width}']/month"):
                if m.get("alt") or not m.text:
                    continue
                if width == "abbreviated" and not m.text.endswith("."):
                    continue
                months[int(m.get("type")) - 1].add(m.text)
            if width == "wide":
                for d in cal.findall(f"days/dayContext[@type='{ctx}']/dayWidth[@type='{width}']/day"):
                    if d.text:
                        days[order.index(d.get("type"))].add(d.text)
    decimal = root.findtext("numbers/symbols[@numberSystem='latn']/decimal") or "."
    return months, days, decimal


def main() -> int:
    main_dir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/cldr/common/main")
    repo = pathlib.Path(__file__).resolve().parent.parent
    missing = 0
    for lang in LANGS:
        with open(repo / "lang" / f"{lang}.toml", "rb") as f:
            pack = tomllib.load(f)
        dates = pack.get("dates", {})
        months, days, decimal = cldr_names(main_dir, lang)
        have_months = [{n.lower() for n in names} for names in dates.get("months", [[]] * 12)]
        have_days = [{n.lower() for n in names} for names in dates.get("weekdays", [[]] * 7)]
        skip = SKIP.get(lang, set())
        for i, names in enumerate(months):
            for n in sorted(names):
                if n.lower() not in have_months[i] and n.lower() not in skip:
                    print(f"{lang}: month {i + 1} lacks `{n}`")
                    missing += 1
        for i, names in enumerate(days):
            for n in sorted(names):
                if n.lower() not in have_days[i] and n.lower() not in skip:
                    print(f"{lang}: weekday {i + 1} lacks `{n}`")
                    missing += 1
        pack_decimal = pack.get("numbers", {}).get("decimal", ".")
        if pack_decimal != decimal:
            print(f"{lang}: decimal sign `{pack_decimal}`, CLDR `{decimal}`")
            missing += 1
        print(f"{lang}: checked")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
