#!/bin/sh
# Alignment accuracy on the gold sets in ../shared/data/align, scored by ../shared/tools/align_score.py.
# Usage: scripts/eval_align.sh [--no-dictionary | --dictionary PATH]   (default: the installed dictionary)
# Builds the release binary once; writes system alignments under target/eval-align/.
set -eu
cd "$(dirname "$0")/.."
shared=""
for d in ../shared ../../shared; do [ -d "$d/data/align" ] && shared="$d" && break; done
[ -n "$shared" ] || { echo "no ../shared/data/align here: nothing to measure" >&2; exit 0; }
cargo build --release --quiet
bin=target/release/provcheck
out=target/eval-align
rm -rf "$out" && mkdir -p "$out/textberg" "$out/parice"

tb="$shared/data/align/textberg_de-fr_dev"
"$bin" align --presegmented --format beads --from de --to fr "$@" "$tb/dev.de" "$tb/dev.fr" >"$out/textberg/dev.defr"
echo "Text+Berg de-fr dev (1 document):"
python3 "$shared/tools/align_score.py" "$tb/dev.defr" "$out/textberg/dev.defr" | tail -n 1

pi="$shared/data/align/parice_en-is"
for f in "$pi"/gold/*; do
  name=$(basename "$f")
  "$bin" align --presegmented --format beads --from en --to is "$@" "$pi/eng/$name" "$pi/isl/$name" \
    >"$out/parice/$name" 2>/dev/null
done
echo "ParIce en-is ($(ls "$pi/gold" | wc -l) documents):"
python3 "$shared/tools/align_score.py" "$pi/gold" "$out/parice" | tail -n 1
