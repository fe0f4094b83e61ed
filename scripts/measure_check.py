#!/usr/bin/env python3
"""Measures `provcheck check` on the real data in ../shared/data (see docs/measurements.md).

  scripts/measure_check.py news          false alarms on professional translations (WMT newstest2020 de-en)
  scripts/measure_check.py perturb       detection of known defects injected into those translations
  scripts/measure_check.py mqm           detection of expert-annotated errors (WMT MQM en-de, Bio-MQM de-en)
  scripts/measure_check.py all           news, perturb and mqm
  scripts/measure_check.py docs          false alarms on Debian's translated documentation (English originals
                                         with fr, es, it, nl, pl, pt, ru translations; both directions)
  scripts/measure_check.py docs-perturb  detection of injected defects in those pairs

The docs sets need `scripts/fetch_parallel.sh [DIR]` first (Debian packages, unpacked outside the repo);
--cache DIR (default ../parallel-cache), --lang fr,es (only those), --direction en-x|x-en|both.

Documents are built one segment per paragraph, so every finding maps back to its segment through the
paragraph number of the sentence it points at. Runs `provcheck batch` once per data set (release build).
Options: --bin PATH (default target/release/provcheck), --data DIR (default ../shared/data),
--show N (print N example findings per rule), --limit N (documents per data set).
"""
import argparse
import collections
import glob
import html.parser
import json
import os
import random
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def batch(bin_path, jobs):
    """Runs provcheck batch on a list of job dicts; returns the reports in order."""
    payload = "".join(json.dumps(j, ensure_ascii=False) + "\n" for j in jobs)
    p = subprocess.run([bin_path, "batch", "-", "--fail-on", "info"], input=payload.encode(), capture_output=True)
    if p.returncode == 2 and not p.stdout:
        sys.exit(p.stderr.decode())
    out = [json.loads(l) for l in p.stdout.decode().splitlines()]
    assert len(out) == len(jobs), (len(out), len(jobs))
    return out


def paragraph_of(report, finding):
    """The segment (paragraph) a finding points at: its translation sentence, else its original one."""
    for side in ("translation", "original"):
        loc = finding.get(side)
        if loc is not None:
            return side, report[side]["sentences"][loc["sentence"]]["paragraph"]
    return None, None


def doc(segments):
    # A segment may hold several sentences; blank lines keep each segment its own paragraph.
    return "\n\n".join(s.replace("\n", " ").strip() or "." for s in segments)


def load_news(data):
    path = os.path.join(data, "news", "newstest2020.de-en.docs.jsonl")
    return [json.loads(l) for l in open(path, encoding="utf-8")]


def news(args):
    arts = load_news(args.data)[: args.limit]
    jobs = []
    for a in arts:
        for ref in sorted(a["references"]):
            jobs.append({"id": f"{a['doc_id']}/{ref}", "original": doc(a["source"]),
                         "translation": doc(a["references"][ref]), "original_lang": "de", "translation_lang": "en"})
    reports = batch(args.bin, jobs)
    by_sev = collections.Counter()
    by_rule = collections.Counter()
    examples = collections.defaultdict(list)
    with_error = 0
    failed = 0
    for r in reports:
        if "error" in r:
            failed += 1
            continue
        errs = [f for f in r["findings"] if f["severity"] == "error"]
        with_error += bool(errs)
        for f in r["findings"]:
            by_sev[f["severity"]] += 1
            by_rule[(f["severity"], f["rule"])] += 1
            examples[(f["severity"], f["rule"])].append((r["id"], f["message"]))
    n = len(reports)
    print(f"news: {n} faithful article pairs ({len(arts)} articles x references), {failed} failed to run")
    print(f"  error-level findings: {by_sev['error']} ({by_sev['error'] / n:.3f} per article; "
          f"{with_error} articles with at least one)")
    print(f"  warnings: {by_sev['warning']} ({by_sev['warning'] / n:.2f} per article), infos: {by_sev['info']}")
    for (sev, rule), c in sorted(by_rule.items(), key=lambda x: (-x[1], x[0])):
        print(f"    {sev:<8} {rule:<22} {c}")
        for ex in examples[(sev, rule)][: args.show]:
            print(f"        {ex[0]}: {ex[1]}")


# --- perturbations -------------------------------------------------------------------------------

HEDGES = ["apparently", "reportedly", "allegedly", "initially", "probably", "presumably", "possibly"]
REPORT_HEDGES = {"reportedly", "allegedly"}
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
ACCORDING = re.compile(r"\b[Aa]ccording to (?:the |a )?[^,.;]{2,60}?, ")
PERSON = r"[A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)+"
SPEAKER = re.compile(rf"(?:\b(?:said|says|told|explained|added|stated)(?: [a-z]+){{0,3}} (?P<a>{PERSON}))"
                     rf"|(?:(?P<b>{PERSON}) (?:said|says|told|explained|added|stated)\b)")
STOP = {"The", "German", "British", "Ministry", "Minister", "President", "Prime", "Chancellor"}
INVENTED = ["Jonas Weber", "Maria Lindqvist", "Tomasz Nowak", "Helen Carter"]
SPEAKER_RULES = {"attribution-changed", "name-changed", "name-added", "name-missing"}
# The rule that names the defect exactly; other rules in a kind's set point at the right place with a
# weaker label ("number added: `402`" for 400 changed to 402).
STRICT = {"change-number": {"number-changed", "date-changed"}, "swap-speaker": {"attribution-changed", "name-changed"}}
NEGATION = re.compile(r"\b(is|was|are|were|do|does|did|has|have|had|will|would|could|can) not\b")


def perturbations(article, rng):
    """Yields (kind, expected rules, segment index, new reference segments) for one article."""
    src, ref = article["source"], article["references"]["A"]
    n = len(ref)
    out = []
    # Drop a whole segment (not the headline).
    if n > 3:
        i = rng.randrange(1, n)
        out.append(("drop-sentence", {"dropped-sentence"}, i, ref[:i] + ref[i + 1:], "original"))
    # Insert a segment from another part of the news set.
    out.append(("add-sentence", {"added-sentence"}, None, None, "translation"))
    # Change a number that appears in both the source and reference segment.
    cands = []
    for i, (s, t) in enumerate(zip(src, ref)):
        for m in NUMBER.finditer(t):
            digits = m.group(1).replace(",", "")
            if digits in s.replace(".", "").replace(",", "") and not (1900 <= float(digits) <= 2100):
                cands.append((i, m))
    if cands:
        i, m = rng.choice(cands)
        old = m.group(1)
        val = float(old.replace(",", ""))
        new = str(int(val) + rng.choice([1, 2, 3, 10])) if val.is_integer() else f"{val + 1:g}"
        t = ref[i][: m.start(1)] + new + ref[i][m.end(1):]
        out.append(("change-number", {"number-changed", "number-added", "date-changed"}, i,
                    ref[:i] + [t] + ref[i + 1:], "translation"))
    # Swap the speaker: a person's name right before or after a speech verb, replaced by another
    # speaker's name from the article or, when there is none, by an invented one.
    speakers = []
    for i, t in enumerate(ref):
        for m in SPEAKER.finditer(t):
            name = m.group("a") or m.group("b")
            if name and name.split()[-1] in src[i] and not STOP & set(name.split()):
                speakers.append((i, m.start("a") if m.group("a") else m.start("b"), name))
    if speakers:
        i, at, name = rng.choice(speakers)
        others = sorted({n for _, _, n in speakers if n.split()[-1] not in ref[i] and n.split()[-1] not in src[i]})
        other = rng.choice(others) if others else rng.choice(INVENTED)
        t = ref[i][:at] + other + ref[i][at + len(name):]
        out.append(("swap-speaker", SPEAKER_RULES, i, ref[:i] + [t] + ref[i + 1:], "translation"))
    # Drop "according to X, ".
    cands = [(i, m) for i, t in enumerate(ref) for m in ACCORDING.finditer(t)]
    if cands:
        i, m = rng.choice(cands)
        rest = ref[i][m.end():]
        t = ref[i][: m.start()] + rest[:1].upper() + rest[1:]
        out.append(("drop-according-to", {"attribution-dropped"}, i, ref[:i] + [t] + ref[i + 1:], "translation"))
    # Drop a hedge.
    cands = [(i, h) for i, t in enumerate(ref) for h in HEDGES if re.search(rf"\b{h}\b", t)]
    if cands:
        i, h = rng.choice(cands)
        t = re.sub(rf"\s*\b{h}\b,?", "", ref[i], count=1)
        # A report hedge renders an attribution ("soll einem Bericht zufolge" as "reportedly"): losing
        # it is reported as the attribution dropped.
        rules = {"hedge-dropped", "attribution-dropped"} if h in REPORT_HEDGES else {"hedge-dropped"}
        out.append(("drop-hedge", rules, i, ref[:i] + [t] + ref[i + 1:], "translation"))
    # Remove a negation.
    cands = [(i, m) for i, t in enumerate(ref) for m in NEGATION.finditer(t)]
    if cands:
        i, m = rng.choice(cands)
        t = ref[i][: m.start()] + m.group(1) + ref[i][m.end():]
        out.append(("negate", {"negation-flipped"}, i, ref[:i] + [t] + ref[i + 1:], "translation"))
    return out


def perturbation_jobs(arts, ol, tl, kinds=None):
    """Jobs (and their meta: kind, rules, segment, side) for every perturbation of every article; an
    added segment comes from the article seven places on. `kinds` limits the kinds run."""
    rng = random.Random(2026)
    jobs, meta = [], []
    for k, a in enumerate(arts):
        for kind, rules, seg, new_ref, side in perturbations(a, rng):
            if kinds is not None and kind not in kinds:
                continue
            if kind == "add-sentence":
                ref = a["references"]["A"]
                donor = arts[(k + 7) % len(arts)]["references"]["A"]
                extra = donor[len(donor) // 2]
                seg = rng.randrange(1, len(ref) + 1)
                new_ref = ref[:seg] + [extra] + ref[seg:]
            jobs.append({"id": f"{a['doc_id']}/{kind}", "original": doc(a["source"]), "translation": doc(new_ref),
                         "original_lang": ol, "translation_lang": tl})
            meta.append((kind, rules, seg, side))
    return jobs, meta


def score_perturbations(args, jobs, meta, heading):
    """Runs the jobs, prints how many perturbations of each kind were found at the right segment under
    `heading`, and returns {kind: (found, total)}."""
    reports = batch(args.bin, jobs)
    found, strict, total = collections.Counter(), collections.Counter(), collections.Counter()
    misses = collections.defaultdict(list)
    for r, (kind, rules, seg, side) in zip(reports, meta):
        total[kind] += 1
        if "error" in r:
            continue
        hit = exact = False
        for f in r["findings"]:
            if f["rule"] not in rules or f["severity"] == "info":
                continue
            loc = f.get(side)
            p = r[side]["sentences"][loc["sentence"]]["paragraph"] if loc else None
            hit |= p == seg
            exact |= p == seg and f["rule"] in STRICT.get(kind, rules)
        found[kind] += hit
        strict[kind] += exact
        if not hit:
            misses[kind].append(r["id"])
    print(heading)
    for kind in sorted(total):
        note = f"  (exact rule: {strict[kind] / total[kind]:.1%})" if kind in STRICT else ""
        print(f"  {kind:<18} {found[kind]:>4}/{total[kind]:<4} {found[kind] / total[kind]:.1%}{note}")
        for m in misses[kind][: args.show]:
            print(f"      missed: {m}")
    return {k: (found[k], total[k]) for k in total}


def perturb(args):
    arts = load_news(args.data)[: args.limit]
    jobs, meta = perturbation_jobs(arts, "de", "en")
    score_perturbations(args, jobs, meta, f"perturbations of {len(arts)} articles (reference A), found at the right "
                        "segment (warning or error):")


# --- MQM -----------------------------------------------------------------------------------------

def mqm(args):
    sets = [("mqm_newstest2021_ende.docs.jsonl", "en", "de"), ("biomqm_de2en.docs.jsonl", "de", "en")]
    for name, ol, tl in sets:
        recs = [json.loads(l) for l in open(os.path.join(args.data, "mqm", name), encoding="utf-8")]
        recs = recs[: args.limit]
        jobs = [{"id": f"{r['system']}/{r['doc']}", "original": doc([s["source"] for s in r["segments"]]),
                 "translation": doc([s["target"] for s in r["segments"]]), "original_lang": ol,
                 "translation_lang": tl} for r in recs]
        reports = batch(args.bin, jobs)
        clean = clean_err = clean_warn = 0
        cats = collections.Counter()
        cats_err = collections.Counter()
        cats_warn = collections.Counter()
        for rec, rep in zip(recs, reports):
            if "error" in rep:
                continue
            sev_at = collections.defaultdict(set)
            for f in rep["findings"]:
                _, p = paragraph_of(rep, f)
                if p is not None:
                    sev_at[p].add(f["severity"])
            for i, seg in enumerate(rec["segments"]):
                if not seg["errors"]:
                    clean += 1
                    clean_err += "error" in sev_at[i]
                    clean_warn += bool(sev_at[i] & {"error", "warning"})
                    continue
                kinds = set()
                for e in seg["errors"]:
                    if e["severity"] != "Major":
                        continue
                    c = e["category"]
                    span = (e.get("span") or {}).get("text", "")
                    if c == "Accuracy/Omission":
                        kinds.add("omission")
                    elif c == "Accuracy/Addition":
                        kinds.add("addition")
                    elif c == "Accuracy/Mistranslation" and re.search(r"\d", span):
                        kinds.add("mistranslated number")
                    elif c == "Accuracy/Mistranslation" and re.search(r"\b[A-ZÄÖÜ][a-zäöüß]+", span) and \
                            re.search(r"\b" + re.escape(span.split()[0]) + r"\b", seg["source"] or ""):
                        kinds.add("mistranslated name")
                for k in kinds:
                    cats[k] += 1
                    cats_err[k] += "error" in sev_at[i]
                    cats_warn[k] += bool(sev_at[i] & {"error", "warning"})
        print(f"{name}: {len(recs)} (system, document) records")
        print(f"  clean segments: {clean}; with an error-level finding: {clean_err} ({clean_err / max(clean, 1):.1%}); "
              f"with a warning or error: {clean_warn} ({clean_warn / max(clean, 1):.1%})")
        for k in sorted(cats):
            print(f"  Major {k:<22} segments {cats[k]:>4}: found as error {cats_err[k] / cats[k]:.1%}, "
                  f"as warning or error {cats_warn[k] / cats[k]:.1%}")


# --- Debian's translated documentation (scripts/fetch_parallel.sh) -------------------------------

DOC_LANGS = ["fr", "es", "it", "nl", "pl", "pt", "ru"]
HANDBOOK_DIRS = {"fr": "fr-FR", "es": "es-ES", "it": "it-IT", "nl": "nl-NL", "pl": "pl-PL", "pt": "pt-BR",
                 "ru": "ru-RU"}
# (name, English files under the cache's root, English path and language -> translated path, languages).
# Both are built from one DocBook source per language by gettext (Publican, po4a): a paragraph the
# translators have not (re)translated is printed in English, so the block structure is the same.
DOC_SOURCES = [
    ("handbook", "usr/share/doc/debian-handbook/html/en-US/*.html",
     lambda f, l: f.replace("/en-US/", f"/{HANDBOOK_DIRS[l]}/"), DOC_LANGS),
    ("reference", "usr/share/debian-reference/*.en.html",
     lambda f, l: f[: -len(".en.html")] + f".{l}.html", ["fr", "es", "it", "pt"]),
]
DOC_MAX_PARAGRAPHS = 12  # paragraphs per article (news articles have about 15 segments)
# A paragraph pair whose translation is this much shorter or longer than the English (in characters)
# is taken to be out of sync (an outdated or partial translation) and dropped.
DOC_RATIO = (0.5, 2.0)


EN_FUNCTION_WORDS = set("the and of to is are a in that for with be this can it which by on as or not from an will".split())


def left_in_english(english, translated):
    """The translated paragraph is the English one with a few words changed (a cross-reference's title,
    quotation marks), as gettext builds leave a paragraph whose translation is outdated."""
    words = re.findall(r"[^\W\d_]+", translated.lower())
    known = set(re.findall(r"[^\W\d_]+", english.lower()))
    shared = sum(w in known for w in words)
    return len(words) >= 4 and shared >= 0.7 * len(words) and sum(w in EN_FUNCTION_WORDS for w in words) >= 2


class DocBlocks(html.parser.HTMLParser):
    """The text blocks of a DocBook HTML page (div.para and p), each with the last id seen before it;
    code listings (pre) are left out; a block nested in another is its own block."""

    def __init__(self):
        super().__init__()
        self.stack, self.open, self.blocks, self.anchor, self.skip = [], [], [], None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        anchor = a.get("id") or (a.get("name") if tag == "a" else None)
        if anchor and "indexterm" not in cls and not re.match(r"id[-_]|idm?\d", anchor):
            self.anchor = anchor
        block = (tag == "div" and "para" in cls) or (tag == "p" and a.get("id") != "title")
        pre = tag in ("pre", "script", "style")
        self.stack.append((tag, block, pre))
        self.skip += pre
        if block:
            self.open.append((self.anchor, []))

    def handle_endtag(self, tag):
        if not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:
            t, block, pre = self.stack.pop()
            self.skip -= pre
            if block:
                anchor, parts = self.open.pop()
                self.blocks.append((anchor, re.sub(r"\s+", " ", "".join(parts)).strip()))
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skip and self.open:
            self.open[-1][1].append(data)


def html_blocks(path):
    p = DocBlocks()
    p.feed(open(path, encoding="utf-8").read())
    p.close()
    return p.blocks


def load_docs(cache, lang, stats):
    """Articles of one language: the translated paragraphs of one page in order, at most DOC_MAX_PARAGRAPHS
    each, as {doc_id, source: English paragraphs, references: {A: translated}}. A pair left out (not
    translated, out of sync) is left out on both sides; a block out of the page's structure ends an article."""
    root = os.path.join(cache, "root")
    arts = []
    for name, pattern, translated, langs in DOC_SOURCES:
        if lang not in langs:
            continue
        for f in sorted(glob.glob(os.path.join(root, pattern))):
            t = translated(f, lang)
            if not os.path.exists(t):
                stats["page missing"] += 1
                continue
            en, tr = html_blocks(f), html_blocks(t)
            # Pair blocks under the same anchor (DocBook id) by position, where the anchor has as many
            # blocks on both sides; elsewhere the page's structure differs and its blocks are dropped.
            by_anchor = collections.defaultdict(lambda: ([], []))
            for side, blocks in ((0, en), (1, tr)):
                for i, (anchor, text) in enumerate(blocks):
                    by_anchor[anchor][side].append((i, text))
            pairs = {}
            for e, x in by_anchor.values():
                if len(e) != len(x):
                    stats["block out of structure"] += len(e)
                    continue
                for (i, a), (_, b) in zip(e, x):
                    pairs[i] = (a, b)
            run = []

            def flush():
                for k in range(0, len(run), DOC_MAX_PARAGRAPHS):
                    chunk = run[k: k + DOC_MAX_PARAGRAPHS]
                    arts.append({"doc_id": f"{name}/{lang}/{os.path.basename(f)}#{chunk[0][0]}",
                                 "source": [a for _, a, _ in chunk], "references": {"A": [b for _, _, b in chunk]}})
                run.clear()

            for i in range(len(en)):
                a, b = pairs.get(i, (None, None))
                if a is None:
                    flush()
                elif not re.search(r"[^\W\d_]", a):
                    stats["block without words"] += 1
                elif a == b or left_in_english(a, b):
                    stats["untranslated (English left)"] += 1
                elif not DOC_RATIO[0] <= len(b) / len(a) <= DOC_RATIO[1]:
                    stats["length ratio out of range"] += 1
                else:
                    stats["paragraph pairs"] += 1
                    run.append((i, a, b))
            flush()
    return arts


def doc_sets(args):
    """(direction label, language, articles, original language, translation language) for each set asked for."""
    root = os.path.join(args.cache, "root")
    if not os.path.isdir(root):
        sys.exit(f"no documentation at {root}: run `scripts/fetch_parallel.sh {args.cache}` first")
    out = []
    for lang in args.lang.split(","):
        stats = collections.Counter()
        arts = load_docs(args.cache, lang, stats)[: args.limit]
        print(f"{lang}: {len(arts)} articles; " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
        for d in (["en-x", "x-en"] if args.direction == "both" else [args.direction]):
            if d == "en-x":
                out.append((f"en->{lang}", lang, arts, "en", lang))
            else:
                # The other way round: the translation as the original, the English as its translation
                # (a stand-in for originals in these languages, which Debian's documentation does not have).
                rev = [{"doc_id": a["doc_id"], "source": a["references"]["A"], "references": {"A": a["source"]}}
                       for a in arts]
                out.append((f"{lang}->en", lang, rev, lang, "en"))
    return out


def short(text, n=160):
    return text if len(text) <= n else text[: n - 1] + "…"


def docs(args):
    rows = []
    for label, lang, arts, ol, tl in doc_sets(args):
        jobs = [{"id": a["doc_id"], "original": doc(a["source"]), "translation": doc(a["references"]["A"]),
                 "original_lang": ol, "translation_lang": tl} for a in arts]
        reports = batch(args.bin, jobs)
        by_sev, by_rule = collections.Counter(), collections.Counter()
        examples = collections.defaultdict(list)
        with_error = failed = 0
        for r in reports:
            if "error" in r:
                failed += 1
                continue
            with_error += any(f["severity"] == "error" for f in r["findings"])
            for f in r["findings"]:
                by_sev[f["severity"]] += 1
                by_rule[(f["severity"], f["rule"])] += 1
                o, t = f.get("original"), f.get("translation")
                texts = [(side, r[side]["sentences"][loc["sentence"]]["text"]) for side, loc in
                         (("original", o), ("translation", t)) if loc is not None]
                examples[(f["severity"], f["rule"])].append((r["id"], f["message"], texts))
        n = max(len(reports), 1)
        paras = sum(len(a["source"]) for a in arts)
        rows.append((label, len(reports), paras, by_sev["error"], with_error, by_sev["warning"]))
        print(f"docs {label}: {len(reports)} faithful articles ({paras} paragraph pairs), {failed} failed to run")
        print(f"  error-level findings: {by_sev['error']} ({by_sev['error'] / n:.3f} per article; "
              f"{with_error} articles with at least one)")
        print(f"  warnings: {by_sev['warning']} ({by_sev['warning'] / n:.2f} per article), infos: {by_sev['info']}")
        for (sev, rule), c in sorted(by_rule.items(), key=lambda x: (-x[1], x[0])):
            print(f"    {sev:<8} {rule:<22} {c}")
            for rid, msg, texts in examples[(sev, rule)][: args.show]:
                print(f"        {rid}: {msg}")
                for side, text in texts if sev == "error" else []:
                    print(f"            {side[:5]}: {short(text)}")
    print("\ndocs summary: direction, articles, paragraph pairs, errors (per article, articles with one; "
          "per 1000 paragraphs), warnings per article")
    for label, n, paras, errs, with_err, warns in rows:
        print(f"  {label:<7} {n:>5} {paras:>6}  errors {errs:>4} ({errs / max(n, 1):.3f}, {with_err:>3}; "
              f"{1000 * errs / max(paras, 1):.1f} per 1000 paragraphs)  warnings {warns / max(n, 1):.2f}")


# The English-only perturbations (speaker, according to, hedge, negation) run where the translation is English.
DOC_KINDS_ANY = {"drop-sentence", "add-sentence", "change-number"}


def docs_perturb(args):
    rows = []
    for label, lang, arts, ol, tl in doc_sets(args):
        # Negation, hedge, speaker and "according to" perturbations are written for an English translation.
        jobs, meta = perturbation_jobs(arts, ol, tl, None if tl == "en" else DOC_KINDS_ANY)
        heading = f"docs perturbations {label}: {len(arts)} articles, found at the right segment (warning or error):"
        rows.append((label, score_perturbations(args, jobs, meta, heading)))
    kinds = sorted({k for _, d in rows for k in d})
    print("\ndocs perturbations summary (found/total):")
    print("  " + " " * 8 + "".join(f"{k:>20}" for k in kinds))
    for label, d in rows:
        print(f"  {label:<8}" + "".join(f"{('%d/%d' % d[k]) if k in d else '-':>20}" for k in kinds))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["news", "perturb", "mqm", "all", "docs", "docs-perturb"])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "provcheck"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache", default=os.path.join(ROOT, "..", "parallel-cache"))
    ap.add_argument("--lang", default=",".join(DOC_LANGS))
    ap.add_argument("--direction", choices=["en-x", "x-en", "both"], default="both")
    args = ap.parse_args()
    if args.what in ("docs", "docs-perturb"):
        if not os.path.exists(args.bin):
            sys.exit(f"no binary at {args.bin}: run `cargo build --release` first")
        return docs(args) if args.what == "docs" else docs_perturb(args)
    if not os.path.isdir(args.data):
        sys.exit(f"no data at {args.data}: this measurement needs ../shared/data")
    if not os.path.exists(args.bin):
        sys.exit(f"no binary at {args.bin}: run `cargo build --release` first")
    for what in (["news", "perturb", "mqm"] if args.what == "all" else [args.what]):
        globals()[what](args)


if __name__ == "__main__":
    main()
