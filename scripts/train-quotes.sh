#!/usr/bin/env bash
# Retrains the shipped speaker ranker (crates/newsdesk-quotes/models/speaker.json):
# 5-fold article-level cross-validation on quotes/train.jsonl and extra-dev (scores go into the
# model card), then a model trained on all of it. Deterministic (SEED, default 1);
# a few seconds. Rebuild afterwards so the embedded copy is updated, then check it
# on data it never saw: newsdesk eval quotes --data $DATA/quotes/dev.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NEWSDESK_DATA:-../shared/data}
SEED=${SEED:-1}
cargo build --release -p newsdesk-cli
BIN=${CARGO_TARGET_DIR:-target}/release/newsdesk
# quotes/train.jsonl and our own extra-dev articles (stand-off, joined with the FNC-1 bodies);
# extra-check stays out: it is the set nothing is chosen on
mkdir -p target
python3 scripts/quotes_standoff.py join "$DATA" crates/newsdesk-quotes/data/extra-dev.standoff.jsonl \
  | cat "$DATA/quotes/train.jsonl" - > target/quotes-train-and-extra-dev.jsonl
"$BIN" train quotes --data target/quotes-train-and-extra-dev.jsonl --folds 5 --seed "$SEED" \
  -o crates/newsdesk-quotes/models/speaker.json
