#!/usr/bin/env python3
"""Regenerates lang/names_cldr.toml: country and city names in every language that has a pack.

CLDR (common/main/<code>.xml, Unicode licence) names each territory (`<territory type="RU">Russland`) and
the exemplar city of each time zone (`<zone type="Europe/Moscow"><exemplarCity>Moskau`) in each language.
This script collects, per territory and per city, the names in the project's languages and writes them as
one line each, keyed by the folded English name: `russia = ["Russia", "Russland", "Russie", ...]`.
Hand-written names (people, organisations, regions, variants CLDR lacks, demonyms) live in
lang/names.toml, under the same keys where they add to a CLDR entry. Format: docs/claims.md.

The table is matched word by word, with a pack's `name_endings` allowed on the last word only, so the
script also writes the forms that endings cannot give, for the CLDR names and for those of
lang/names.toml (under the same key, in the same section):
- Russian and Polish case forms whose stem changes or that inflect every word (`Москва` → `Москвы`,
  `Москве`, `Москву`, `Москвой`; `Warszawa` → `Warszawie`; `Kijów` → `Kijowie`; `Нью-Йорк` →
  `Нью-Йорке` is left to the endings), made by the regular declension rules below: a wrong form for an
  irregular name only adds a string no text contains;
- French and Italian forms with an elided article or preposition, which the tokenizer keeps in one
  word (`d’Anvers`, `l’Italie`, `dell’Ucraina`), for names starting with a vowel;
- Romance feminine and plural forms of lower-case adjectives in [demonym] (`française`, `rusas`,
  `ucraini`), and Russian and Polish case forms of adjectives (`российского`, `ukraińskiej`).

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
        "Мир", "Sark", "Jersey", "Victoria", "Island", "Phoenix",
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


# --- Inflection -----------------------------------------------------------------------------------------
# Each word gives its case forms as a dict case -> form; a name of several words takes, for each case,
# the form of every word (an indeclinable word keeps its form). Cases: genitive, dative, accusative,
# instrumental, prepositional (Russian) or locative (Polish).
CASES = ("gen", "dat", "acc", "ins", "loc")
CYR = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
UKRAINIAN = "іїєґ"
RU_HUSH = "гкхжшщч"


def ru_word(w: str, adjective: bool) -> list[dict[str, str]]:
    """Russian case forms of one word: a list of alternatives (a soft sign may be masculine or feminine)."""
    low = w.lower()
    if len(low) < 2 or any(c not in CYR for c in low):
        return [{}]

    def ends(stem_len: int, gen, dat, acc, ins, loc):
        stem = w[: len(w) - stem_len]
        return {c: stem + e for c, e in zip(CASES, (gen, dat, acc, ins, loc)) if e is not None}

    if adjective:
        velar = low[-3:-2] in RU_HUSH if len(low) > 2 else False
        y = "и" if velar else "ы"
        if low.endswith(("ый", "ой")):
            return [ends(2, "ого", "ому", None, y + "м", "ом")]
        if low.endswith("ий"):
            return [ends(2, "ого" if velar else "его", "ому" if velar else "ему", None, "им", "ом" if velar else "ем")]
        if low.endswith("ая"):
            return [ends(2, "ой", "ой", "ую", "ой", "ой")]
        if low.endswith("яя"):
            return [ends(2, "ей", "ей", "юю", "ей", "ей")]
        if low.endswith("ое"):
            return [ends(2, "ого", "ому", None, y + "м", "ом")]
        if low.endswith("ее"):
            return [ends(2, "его", "ему", None, "им", "ем")]
        if low.endswith(("ые", "ие")):
            v = low[-2]
            return [ends(2, v + "х", v + "м", None, v + "ми", v + "х")]
    if low.endswith(("ия", "ея")):
        return [ends(1, "и", "и", "ю", "ей", "и")]
    if low.endswith("я"):
        return [ends(1, "и", "е", "ю", "ей", "е")]
    if low.endswith("а"):
        hushing = low[-2:-1] in "жшщчц"
        return [ends(1, "и" if low[-2:-1] in RU_HUSH else "ы", "е", "у", "ей" if hushing else "ой", "е")]
    if low.endswith("ь"):
        return [ends(1, "я", "ю", None, "ем", "е"), ends(1, "и", "и", None, "ью", "и")]
    if low.endswith("й"):
        return [ends(1, "я", "ю", None, "ем", "е")]
    if low.endswith("ы"):
        return [ends(1, "ов", "ам", None, "ами", "ах")]
    if low.endswith(("море", "поле")):
        return [ends(1, "я", "ю", None, "ем", "е")]
    if low[-1] in "оеиуюэё":
        return [{}]
    hush = low[-1] in "жшщчц"
    return [ends(0, "а", "у", None, "ем" if hush else "ом", "е")]


PL_LOC = [("st", "ście"), ("sł", "śle"), ("zd", "ździe"), ("sn", "śnie"), ("r", "rze"), ("t", "cie"),
          ("d", "dzie"), ("ł", "le"), ("n", "nie"), ("w", "wie"), ("m", "mie"), ("p", "pie"), ("b", "bie"),
          ("s", "sie"), ("z", "zie"), ("f", "fie")]
PL_SOFT = ("c", "cz", "sz", "rz", "ż", "l", "j", "dz", "dż")


def pl_loc(stem: str) -> str | None:
    for end, rep in PL_LOC:
        if stem.endswith(end):
            return stem[: len(stem) - len(end)] + rep
    return None


def pl_word(w: str, adjective: bool) -> list[dict[str, str]]:
    """Polish case forms of one word (genitive, dative, accusative, instrumental, locative)."""
    low = w.lower()
    if len(low) < 3 or not low.isalpha() or w.isupper():
        return [{}]

    def ends(stem_len: int, gen, dat, acc, ins, loc):
        stem = w[: len(w) - stem_len]
        return {c: stem + e for c, e in zip(CASES, (gen, dat, acc, ins, loc)) if e is not None}

    if adjective:
        if low.endswith(("ski", "cki")):
            return [ends(1, "iego", "iemu", None, "im", "im")]
        if low.endswith(("ska", "cka")):
            return [ends(1, "iej", "iej", "ą", "ą", "iej")]
        if low.endswith(("skie", "ckie")):
            return [ends(1, "go", "mu", None, "m", "m")]
        if low.endswith("y"):
            return [ends(1, "ego", "emu", None, "ym", "ym")]
        if low.endswith("a"):
            return [ends(1, "ej", "ej", "ą", "ą", "ej")]
        if low.endswith("e"):
            return [ends(1, "ego", "emu", None, "ym", "ym")]
    if low.endswith("ia"):
        return [ends(1, "i", "i", "ę", "ą", "i")]
    if low.endswith("ea"):
        return [ends(1, "i", "i", "ę", "ą", "i")]
    if low.endswith("ja") and len(low) > 3:
        return [ends(2, "ji", "ji", "ję", "ją", "ji")]
    if low.endswith("ka"):
        return [ends(1, "i", None, "ę", "ą", None) | {"dat": w[:-2] + "ce", "loc": w[:-2] + "ce"}]
    if low.endswith("ga"):
        return [ends(1, "i", None, "ę", "ą", None) | {"dat": w[:-2] + "dze", "loc": w[:-2] + "dze"}]
    if low.endswith("a"):
        stem = w[:-1]
        if stem.lower().endswith(PL_SOFT):
            gen = stem + ("i" if stem.lower().endswith(("l", "j")) else "y")
            return [{"gen": gen, "dat": gen, "acc": stem + "ę", "ins": stem + "ą", "loc": gen}]
        loc = pl_loc(stem) or stem + "ie"
        return [{"gen": stem + "y", "dat": loc, "acc": stem + "ę", "ins": stem + "ą", "loc": loc}]
    if low.endswith("ów"):
        stem = w[:-2] + "ow"
        return [{"gen": stem + "a", "dat": stem + "owi", "ins": stem + "em", "loc": stem + "ie"}]
    if low[-1:] in ("ń", "ś", "ć", "ź"):
        soft = {"ń": "ni", "ś": "si", "ć": "ci", "ź": "zi"}[low[-1]]
        stem = w[:-1] + soft
        return [{"gen": stem + "a", "dat": stem + "owi", "ins": stem + "em", "loc": stem + "u"},
                {"gen": w[:-1] + soft, "dat": w[:-1] + soft, "ins": stem + "ą", "loc": w[:-1] + soft}]
    if low[-1:] in "aeiouyąęó":
        return [{}]
    loc = w + "u" if low.endswith(("k", "g", "ch") + PL_SOFT) else pl_loc(w) or w + "ie"
    ins = w + ("iem" if low.endswith(("k", "g")) else "em")
    return [{"gen": w + "a", "dat": w + "owi", "ins": ins, "loc": loc},
            {"gen": w + "u", "dat": w + "owi", "ins": ins, "loc": loc}]


RU_ADJ = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")
PL_ADJ = ("ski", "cki", "ska", "cka", "skie", "ckie", "ny", "na", "ne", "wy", "wa", "we", "ły", "ła", "owy",
          "owa", "owe", "ni", "nia")


def slavic_forms(form: str, lang: str, person: bool = False) -> list[str]:
    """Case forms of a name, every word declined in step: for `ru` (Cyrillic) or `pl`."""
    low = form.lower()
    if lang == "ru" and (not any(c in CYR for c in low) or any(c in UKRAINIAN for c in low)
                         or low.endswith(("ський", "цький"))):
        return []
    if lang == "pl" and any(c in CYR for c in low):
        return []
    parts = form.split(" ")
    word = ru_word if lang == "ru" else pl_word
    adj_endings = RU_ADJ if lang == "ru" else PL_ADJ
    per_word = []
    for k, p in enumerate(parts):
        last = k == len(parts) - 1
        # A hyphenated name declines its last part (`Санкт-Петербурга`, `Нью-Йорке`).
        head, sep, tail = p.rpartition("-")
        t = tail if sep else p
        if last:
            adjective = t.lower().endswith(("ский", "цкий", "ской", "цкой", "ый", "ski", "cki", "ska", "cka"))
            # `Белый дом`, `Morze Bałtyckie`: an adjective after its noun.
            if len(parts) > 1 and t.lower().endswith(adj_endings) and not parts[0].lower().endswith(adj_endings):
                adjective = True
        else:
            adjective = t.lower().endswith(adj_endings) and not (lang == "pl" and t[:1].isupper() and k == 0
                                                                   and len(parts) > 1 and not t.lower().endswith(("ski", "cki", "ska", "cka", "y", "a", "e")))
        alts = []
        for d in word(t, adjective):
            alts.append({c: head + sep + f for c, f in d.items()})
        per_word.append((p, alts))
    out: list[str] = []
    # Every combination of the words' alternatives (at most two each).
    combos: list[list[dict[str, str]]] = [[]]
    for _, alts in per_word:
        # A person is masculine or feminine throughout: the first reading of each word.
        choices = alts[:1] if person or len(per_word) > 1 else alts
        combos = [c + [a] for c in combos for a in (choices or [{}])]
    for combo in combos:
        if all(not d for d in combo):
            continue
        for case in CASES:
            if case == "acc" and person:
                words = [d.get("gen", p) for (p, _), d in zip(per_word, combo)]
            else:
                words = [d.get(case, p) for (p, _), d in zip(per_word, combo)]
            name = " ".join(words)
            if name != form and name not in out:
                out.append(name)
    return out


VOWELS = "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ"


def elided_forms(form: str) -> list[str]:
    """French and Italian forms with an elided article or preposition before a vowel: `d’Anvers`."""
    if not form[:1] or form[0] not in VOWELS or "." in form:
        return []
    return [p + form for p in ("l’", "d’", "L’", "D’", "dell’", "nell’", "all’", "dall’", "sull’", "Dell’", "Nell’")]


def romance_adjectives(form: str) -> list[str]:
    """Feminine and plural forms of a lower-case French, Spanish, Italian or Portuguese adjective."""
    if not form[:1].islower() or " " in form or any(c in CYR for c in form):
        return []
    rules = [("ien", ["ienne", "iens", "iennes"]), ("ais", ["aise", "aises"]), ("ois", ["oise", "oises"]),
             ("ain", ["aine", "ains", "aines"]), ("and", ["ande", "ands", "andes"]), ("és", ["esa", "eses", "esas"]),
             ("ês", ["esa", "eses", "esas"]), ("án", ["ana", "anes", "anas"]), ("í", ["íes", "ís"]),
             ("co", ["ca", "cos", "cas", "chi", "che"]), ("go", ["ga", "gos", "gas", "ghi", "ghe"]),
             ("o", ["a", "os", "as", "i", "e"]), ("ol", ["ola", "oles", "olas"]), ("c", ["que", "cs", "ques"]),
             ("e", ["es", "i"])]
    for end, forms in rules:
        if form.endswith(end) and len(form) > len(end) + 2:
            stem = form[: len(form) - len(end)]
            return [stem + f for f in forms]
    return []


def slavic_adjectives(form: str) -> list[str]:
    """Every gender, number and case of a Russian or Polish adjective (`российская`, `ukraińskiej`)."""
    low = form.lower()
    if " " in form or not form[:1].islower():
        return []
    for end, forms in (("ский", ["ская", "ское", "ские", "ского", "ской", "скому", "ским", "ском", "скую", "ских",
                                 "скими"]),
                       ("цкий", ["цкая", "цкое", "цкие", "цкого", "цкой", "цкому", "цким", "цком", "цкую", "цких",
                                 "цкими"]),
                       ("ski", ["ska", "skie", "scy", "skiego", "skiej", "skiemu", "skim", "ską", "skich",
                                "skimi"]),
                       ("cki", ["cka", "ckie", "ccy", "ckiego", "ckiej", "ckiemu", "ckim", "cką", "ckich",
                                "ckimi"])):
        if low.endswith(end):
            stem = form[: len(form) - len(end)]
            return [stem + f for f in forms]
    return []


def hand_names(path: pathlib.Path) -> dict[str, dict[str, list[str]]]:
    import tomllib

    with open(path, "rb") as f:
        return tomllib.load(f)


def is_polish(form: str) -> bool:
    low = form.lower()
    return any(c in "ąćęłńóśźż" for c in low) or low.endswith(("ski", "cki", "ska", "cka"))


def derived(forms: list[str], section: str, polish: set[str] | None = None,
            elidable: set[str] | None = None) -> list[str]:
    """The forms the table needs beside `forms`. `polish` names the forms known to be Polish and
    `elidable` those known to be French or Italian (from CLDR); without them, a form is declined as Polish
    when its letters say so, and every form of a place or organisation gets its elided forms."""
    out: list[str] = []
    person = section == "person"
    for f in forms:
        if section in ("place", "organisation") and (elidable is None or f in elidable):
            out += elided_forms(f)
        out += slavic_forms(f, "ru", person)
        if (polish is not None and f in polish) or is_polish(f):
            out += slavic_forms(f, "pl", person)
        if section == "demonym":
            out += romance_adjectives(f) + slavic_adjectives(f)
    return [f for f in dict.fromkeys(out) if f not in forms]


def usable_derived(form: str) -> bool:
    return len(form) >= 3 and form not in DROP


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

    # Derived forms: case forms, elisions, adjective inflections, for CLDR's names and the hand-written ones.
    def cldr_forms(*langs: str) -> set[str]:
        return {f for lang in langs for table in per_lang[lang] for names in table.values() for f in names}

    polish, elidable = cldr_forms("pl"), cldr_forms("fr", "it")
    sections: dict[str, dict[str, list[str]]] = {"place": {}}
    for key, forms in entries.items():
        extra = derived(forms, "place", polish, elidable)
        sections["place"][key] = list(forms) + [f for f in extra if usable_derived(f)]
    hand = hand_names(pathlib.Path(__file__).resolve().parent.parent / "lang" / "names.toml")
    # A lower-case adjective form must not be a place name in lower case (Spanish `china`, porcelain).
    places = {f.lower() for forms in sections["place"].values() for f in forms}
    places |= {f.lower() for forms in hand.get("place", {}).values() for f in forms}
    for section in ("person", "organisation", "place", "demonym"):
        for key, forms in hand.get(section, {}).items():
            extra = [f for f in derived(forms, section) if usable_derived(f)]
            if section == "demonym":
                extra = [f for f in extra if f.lower() not in places]
            if not extra:
                continue
            lst = sections.setdefault(section, {}).setdefault(key, [])
            for f in extra:
                if f not in lst:
                    lst.append(f)

    print("# Generated by scripts/cldr_names.py from CLDR common/main (Unicode licence): country, region and")
    print("# city names in the languages that have a pack, keyed by the folded English name, with the case")
    print("# forms, elided forms and adjective forms of these and of the names in lang/names.toml. Do not edit:")
    print("# add to or override entries in lang/names.toml under the same key. Format: docs/claims.md.")
    for section in ("place", "person", "organisation", "demonym"):
        entries_s = sections.get(section, {})
        if not entries_s:
            continue
        print()
        print(f"[{section}]")
        for key in sorted(entries_s):
            forms = entries_s[key]
            if not forms or not key:
                continue
            quoted = ", ".join('"' + f.replace('"', '\\"') + '"' for f in forms)
            print(f'"{key}" = [{quoted}]')


if __name__ == "__main__":
    main()
