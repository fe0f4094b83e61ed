#!/bin/sh
# Time and peak memory of `provcheck align` on generated pairs of N sentences a side (default 100000),
# built from the news articles in ../shared/data/news (German originals, both English translations in
# turn, every 97th original sentence left out). Usage: scripts/align_scale.sh [N ...]
set -eu
cd "$(dirname "$0")/.."
shared=""
for d in ../shared ../../shared; do [ -f "$d/data/news/newstest2020.de-en.docs.jsonl" ] && shared="$d" && break; done
[ -n "$shared" ] || { echo "no ../shared/data/news here: nothing to measure" >&2; exit 0; }
cargo build --release --quiet
bin=target/release/provcheck
out=target/align-scale
mkdir -p "$out"
python3 - "$shared/data/news/newstest2020.de-en.docs.jsonl" "$out" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2] + "/news.de", "w", encoding="utf-8") as de, open(sys.argv[2] + "/news.en", "w", encoding="utf-8") as en:
    for k, d in enumerate(docs):
        de.write("\n\n".join(d["source"]) + "\n\n")
        en.write("\n\n".join(d["references"]["A" if k % 2 == 0 else "B"]) + "\n\n")
PY
"$bin" segment --lang de --format json "$out/news.de" >"$out/news.de.json"
"$bin" segment --lang en --format json "$out/news.en" >"$out/news.en.json"
sizes="${*:-100000}"
for n in $sizes; do
  python3 - "$out" "$n" <<'PY'
import json, sys
out, n = sys.argv[1], int(sys.argv[2])
for lang, skip in (("de", 97), ("en", 0)):
    sents = [s["text"] for s in json.load(open(f"{out}/news.{lang}.json", encoding="utf-8"))["sentences"]]
    lines, k = [], 0
    while len(lines) < n:
        if not (skip and k % skip == skip - 1):
            lines.append(sents[k % len(sents)])
        k += 1
    open(f"{out}/pair-{n}.{lang}", "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
  echo "== $n sentences a side"
  /usr/bin/time -f "wall %e s, peak memory %M kB" "$bin" align --presegmented --no-dictionary --format beads \
    --from de --to en "$out/pair-$n.de" "$out/pair-$n.en" >"$out/pair-$n.beads"
  echo "beads: $(wc -l <"$out/pair-$n.beads"), skips: $(grep -c -e '\[\]' "$out/pair-$n.beads" || true)"
done
