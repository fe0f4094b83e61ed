#!/bin/sh
# Fetches real human-translated parallel prose for scripts/measure_check.py docs: Debian's translated
# documentation (English originals with French, Spanish, Italian, Dutch, Polish, Portuguese and Russian
# translations), as binary packages through apt. Nothing is installed into the system: the packages are
# downloaded and unpacked under the cache directory, which stays outside the repository.
# Usage: scripts/fetch_parallel.sh [CACHE_DIR]   (default: ../parallel-cache beside the repository)
# Idempotent: a package already downloaded and unpacked is left as it is.
set -eu
cd "$(dirname "$0")/.."
cache="${1:-../parallel-cache}"
# debian-handbook: the Debian Administrator's Handbook (Publican/DocBook HTML, 20+ languages in one package).
# debian-reference-*: the Debian Reference (DocBook HTML translated with po4a), one package per language.
packages="debian-handbook debian-reference-en debian-reference-fr debian-reference-es debian-reference-it
debian-reference-pt"
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "fetch_parallel.sh needs Debian's apt-get and dpkg-deb (a Debian or Ubuntu machine); not found here" >&2
  exit 1
fi
mkdir -p "$cache/debs" "$cache/root"
cache=$(cd "$cache" && pwd)
cd "$cache/debs"
for p in $packages; do
  if ! ls "${p}"_*.deb >/dev/null 2>&1; then
    # apt-get download runs as the _apt user where it can; a root-owned cache makes it warn and go on.
    apt-get download "$p" 2>/dev/null || {
      echo "apt-get download $p failed; running apt-get update once and trying again" >&2
      apt-get update -qq && apt-get download "$p"
    } || { echo "could not download $p through apt" >&2; exit 1; }
  fi
done
for deb in *.deb; do
  stamp="$cache/root/.${deb%.deb}.unpacked"
  [ -f "$stamp" ] && continue
  dpkg-deb -x "$deb" "$cache/root"
  touch "$stamp"
done
echo "parallel documentation in $cache/root:"
for deb in *.deb; do echo "  ${deb%_all.deb}"; done
