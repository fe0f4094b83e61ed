#!/usr/bin/env python3
"""Regenerates lang/names_cldr.toml: country and city names in every language that has a pack.

CLDR (common/main/<code>.xml, Unicode licence) names each territory (`<territory type="RU">Russland`) and
the exemplar city of each time zone (`<zone type="Europe/Moscow"><exemplarCity>Moskau`) in each language.
This script collects, per territory and per city, the names in the project's languages and writes them as
one line each, keyed by the folded English name: `russia = ["Russia", "Russland", "Russie", ...]`.
Hand-written names (people, organisations, regions, variants CLDR lacks, demonyms) live in
lang/names.toml, under the same keys where they add to a CLDR entry. Format: docs/claims.md.

Usage: scripts/cldr_names.py [CLDR_MAIN_DIR] > lang/names_cldr.toml
  (default /usr/share/unicode/cldr/common/main, from the Debian package unicode-cldr-core)
"""

import pathlib
import sys
import unicodedata
import xml.etree.ElementTree as ET

LANGS = ["en", "de", "es", "fr", "it", "nl", "pl", "pt", "ru"]

# Continents and unions worth matching; numeric codes are CLDR regions.
REGIONS = {"150", "002", "142", "009", "019", "003", "005", "EU", "UN"}

# Names that are ordinary capitalised words somewhere, or too short to be safe.
DROP = {"Man", "Unbekannt", "Unknown", "Inconnu", "Desconocido", "Sconosciuto", "Onbekend", "Nieznane",
        "Desconhecido", "Неизвестный", "Welt", "World", "Mundo", "Monde", "Mondo", "Wereld", "Świat",
        "Мир", "Sark", "Jersey", "Victoria", "Phoenix",
        "Denver", "Boise", "Regina", "Eucla", "Casey", "Davis", "Mawson", "Palmer", "Troll", "Vostok",
        "Macquarie", "Hebron", "Famagusta", "Marengo", "Vevay", "Knox", "Tell City", "Winamac", "Center",
        "New Salem", "Beulah", "Monticello", "Louisville", "Petersburg", "Vincennes", "Guernsey", "Isle of Man",
        "Santa Isabel", "Rothera", "Syowa", "McMurdo", "Dumont d’Urville", "Kralendijk", "Lower Prince’s Quarter",
        "Dawson", "Nome", "Sitka", "Metlakatla", "Yakutat", "Adak", "Resolute", "Creston", "Inuvik", "Iqaluit",
        "Swift Current", "Moncton", "Glace Bay", "Goose Bay", "Rankin Inlet", "Cambridge Bay", "Whitehorse",
        "Thule", "Scoresbysund", "Danmarkshavn", "Mayotte", "Reunion", "Réunion", "Midway", "Wake", "Johnston",
        "Norfolk", "Christmas", "Cocos", "Easter", "Galapagos", "Marquesas", "Gambier", "Pitcairn", "Chatham",
        "Kanton", "Enderbury", "Kiritimati", "Kosrae", "Pohnpei", "Chuuk", "Truk", "Ponape", "Guam", "Saipan",
        "Wallis", "Fakaofo", "Funafuti", "Tarawa", "Majuro", "Kwajalein", "Nauru", "Niue", "Palau", "Efate",
        "Noumea", "Nouméa", "Rarotonga", "Tahiti", "Apia", "Pago Pago", "Tongatapu", "Fiji", "Bougainville",
        "Port Moresby", "Honiara", "Auckland", "Currie", "Lindeman", "Broken Hill", "Lord Howe", "Hobart",
        "Cuiaba", "Cuiabá", "Boa Vista", "Porto Velho", "Eirunepe", "Eirunepé", "Rio Branco", "Araguaina",
        "Araguaína", "Maceio", "Maceió", "Noronha", "Belem", "Belém", "Santarem", "Santarém", "Campo Grande",
        "Bahia", "Recife", "Fortaleza", "Manaus", "Sao Paulo", "Costa Rica", "Dominica", "Grenada",
        "Montserrat", "Aruba", "Curacao", "Curaçao", "Bermuda", "Nassau", "Merida", "Mérida", "Matamoros",
        "Monterrey", "Ojinaga", "Chihuahua", "Hermosillo", "Mazatlan", "Mazatlán", "Bahia Banderas",
        "Bahía de Banderas", "Cancun", "Cancún", "Tijuana", "Ciudad Juarez", "Ciudad Juárez"}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "").replace("'", "").replace("&", "and").replace(".", "")
    return "-".join(s.lower().replace("-", " ").replace(",", " ").replace("(", " ").replace(")", " ").split())


def load(main: pathlib.Path, lang: str):
    root = ET.parse(main / f"{lang}.xml").getroot()
    territories: dict[str, list[str]] = {}
    for e in root.iter("territory"):
        code, alt = e.get("type"), e.get("alt")
        if e.text is None or alt not in (None, "short", "variant"):
            continue
        if not (len(code) == 2 and code.isalpha() and code.isupper()) and code not in REGIONS:
            continue
        territories.setdefault(code, []).append(e.text)
    cities: dict[str, list[str]] = {}
    for z in root.iter("zone"):
        c = z.find("exemplarCity")
        zone = z.get("type")
        if c is not None and c.text and zone and c.get("alt") is None:
            cities.setdefault(zone, []).append(c.text)
    return territories, cities


# Two-letter forms are codes that collide across languages (`RU` is Russia and, in Spanish, the United
# Kingdom); keep only these.
SHORT = {"UK", "US", "EU", "UN"}


def usable(form: str) -> bool:
    if form in DROP or "(" in form or "." in form:
        return False
    if len(form) < 3:
        return form in SHORT
    return True


def main() -> None:
    main_dir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/cldr/common/main")
    per_lang = {lang: load(main_dir, lang) for lang in LANGS}
    entries: dict[str, list[str]] = {}

    def add(key: str, forms: list[str]) -> None:
        lst = entries.setdefault(key, [])
        for f in forms:
            if usable(f) and f not in lst:
                lst.append(f)

    en_terr, en_cities = per_lang["en"]
    for code, names in sorted(en_terr.items()):
        english = names[0]
        forms = [f for lang in LANGS for f in per_lang[lang][0].get(code, [])]
        add(fold(english), forms)
    all_zones = {z for lang in LANGS for z in per_lang[lang][1]}
    for zone in sorted(all_zones):
        if zone.startswith("Etc/"):
            continue
        english = en_cities.get(zone, [zone.rsplit("/", 1)[-1].replace("_", " ")])[0]
        if english in DROP:
            continue
        forms = [english] + [f for lang in LANGS for f in per_lang[lang][1].get(zone, [])]
        add(fold(english), forms)

    print("# Generated by scripts/cldr_names.py from CLDR common/main (Unicode licence): country, region and")
    print("# city names in the languages that have a pack, keyed by the folded English name. Do not edit:")
    print("# add to or override entries in lang/names.toml under the same key. Format: docs/claims.md.")
    print()
    print("[place]")
    for key in sorted(entries):
        forms = entries[key]
        if not forms or not key:
            continue
        quoted = ", ".join('"' + f.replace('"', '\\"') + '"' for f in forms)
        print(f'"{key}" = [{quoted}]')


if __name__ == "__main__":
    main()
