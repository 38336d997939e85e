#!/usr/bin/env bash
# Retrains the shipped stance models (fnc1, arc) into crates/newsdesk-stance/models/
# and scores them on the dev splits named in their model cards. Deterministic
# (fixed seed, single-threaded training); about a minute on one core.
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
train fnc1 fnc1 train_bodies.csv 30
train arc arc arc_bodies.csv 30 --input-vocab 10000
