#!/usr/bin/env python3
"""Measures `provcheck check` on the fixture pairs of fixtures/check/ (see its README).

For each pair: the warnings and errors on the faithful translation (target 0), and, over the
single-defect variants, how many give their marked finding (`<!-- expect: RULE -->`, on the marked
line) among their findings, and how many give it alone. tests/check_fixtures.rs asserts the same thing
pair by pair; this script prints the figures.

Usage: scripts/measure_fixtures.py [PAIR ...] [--bin PATH] [--show]
  PAIR like fr-en (default: every pair beyond de-en and en-de); --bin defaults to target/debug/provcheck
  (run `cargo build` first); --show lists the findings on the faithful pairs and the variants that miss.
"""

import argparse
import glob
import json
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAIRS = ["fr-en", "es-en", "it-en", "nl-en", "pt-en", "pl-en", "ru-en", "en-fr", "en-ru"]


def run(bin_path, original, translation, lo, lt):
    p = subprocess.run([bin_path, "check", original, translation, "--from", lo, "--to", lt, "--format", "json",
                        "--fail-on", "info"], capture_output=True, cwd=ROOT)
    report = json.loads(p.stdout)
    return [f for f in report["findings"] if f["severity"] in ("error", "warning")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs", nargs="*")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "debug", "provcheck"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    print("| pair | faithful | variants with the finding | variants with only the finding |")
    print("|---|---|---|---|")
    for pair in args.pairs or PAIRS:
        lo, lt = pair.split("-")
        d = f"fixtures/check/{pair}"
        original = f"{d}/original.{lo}.md"
        faithful = run(args.bin, original, f"{d}/translation.{lt}.md", lo, lt)
        present = alone = total = 0
        misses = []
        for path in sorted(glob.glob(os.path.join(ROOT, d, "variants", f"*.{lt}.md"))):
            total += 1
            text = open(path, encoding="utf-8").read()
            m = re.search(r"<!-- expect: ([a-z-]+) -->", text)
            line = text[: m.start()].count("\n") + 1
            found = run(args.bin, original, path, lo, lt)
            hit = any(f["rule"] == m.group(1) and (f.get("translation") or {}).get("line") == line for f in found)
            present += hit
            alone += hit and len(found) == 1
            if not hit:
                misses.append((os.path.basename(path), sorted(f["rule"] for f in found)))
        print(f"| {pair} | {len(faithful)} | {present}/{total} | {alone}/{total} |")
        if args.show:
            for f in faithful:
                where = (f.get("translation") or {}).get("text") or (f.get("original") or {}).get("text")
                print(f"    faithful: {f['rule']}: {where[:100]}")
            for name, rules in misses:
                print(f"    missed: {name}: {', '.join(rules) or 'no finding'}")


if __name__ == "__main__":
    main()
