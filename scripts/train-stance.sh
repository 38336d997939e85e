#!/usr/bin/env bash
# Retrains the shipped stance models (fnc1, arc) into crates/newsdesk-stance/models/
# and scores them on the claim- and body-disjoint dev splits named in their model
# cards, then the per-speaker model (speakers.json, 5-fold cross-validation by article,
# repeated with 5 fold seeds, nested) on top of the new fnc1, on stance/speakers/train.jsonl
# and the extra-dev stand-off labels (joined with $DATA here; extra-check is never trained on).
# Deterministic (fixed seeds); a few minutes.
# Rebuild afterwards so the embedded copies are updated.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NEWSDESK_DATA:-../shared/data}
MODELS=crates/newsdesk-stance/models
cargo build --release -p newsdesk-cli
BIN=${CARGO_TARGET_DIR:-target}/release/newsdesk

train() { # name data-dir bodies-file epochs [extra training options]
  nice "$BIN" train stance --bodies "$DATA/stance/$2/$3" --stances "$DATA/stance/$2/train_stances.csv" \
    --out "$MODELS/$1.stance" --seed 1 --epochs "$4" --dev-fraction 0.2 "${@:5}"
  nice "$BIN" eval stance --bodies "$DATA/stance/$2/$3" --stances "$DATA/stance/$2/train_stances.csv" \
    --model "$MODELS/$1.stance" > "$MODELS/$1.dev.json"
}
train fnc1 fnc1 train_bodies.csv 30 --class-weight-power 1.0 --f1-bias
train arc arc arc_bodies.csv 30 --input-vocab 10000 --class-weight-power 1.0 --f1-bias --word-vectors
# the speaker model reads the fnc1 model's predictions: build it in first
cargo build --release -p newsdesk-cli
python3 scripts/quotes_standoff.py join "$DATA" crates/newsdesk-quotes/data/extra-dev.standoff.jsonl \
  > target/quotes-extra-dev.jsonl
python3 scripts/quotes_standoff.py join-speakers "$DATA" crates/newsdesk-stance/data/speakers-extra-dev.standoff.jsonl \
  > target/speakers-extra-dev.jsonl
cat "$DATA/stance/speakers/train.jsonl" target/speakers-extra-dev.jsonl > target/speakers-train-extra-dev.jsonl
cat "$DATA/quotes/train.jsonl" target/quotes-extra-dev.jsonl > target/quotes-train-extra-dev.jsonl
nice "$BIN" train speakers --data target/speakers-train-extra-dev.jsonl --quotes target/quotes-train-extra-dev.jsonl \
  --body-model fnc1 --folds 5 --seed 1 --repeats 5 --out "$MODELS/speakers.json"
