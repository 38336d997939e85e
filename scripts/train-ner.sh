#!/usr/bin/env bash
# Retrain a shipped NER model from ../shared/data (or $NEWSDESK_DATA):
#   scripts/train-ner.sh ontonotes|conll
# Writes crates/newsdesk-ner/models/<name>.bin and <name>.card.json.
# Deterministic for a given seed; takes a few minutes on one core.
# Word clusters (target/ner-clusters/clusters.txt, or $CLUSTERS) and name lists
# (target/ner-lexicon/lexicon.txt, or $LEXICON) are used as features and shipped
# inside the model (see scripts/ner-clusters.sh and scripts/ner-lexicon.sh).
# The ontonotes model also trains on hand-annotated 2014-15 news (FNC-1 train
# bodies and ARC comments): crates/newsdesk-ner/data/news-train.standoff.jsonl
# holds their ids, offsets and labels (no text), joined here with the bodies in
# the shared data (scripts/ner_news_join.py); NEWS_WEIGHT copies of each (NEWS=none: without).
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/train-ner.sh ontonotes|conll}"
data="${NEWSDESK_DATA:-../shared/data}/ner"
case "$name" in
  ontonotes) dir=ontonotes5; format=ontonotes; epochs=${EPOCHS:-10}; dropout=${DROPOUT:-0.2}; prune=${PRUNE:-0.4}; news=${NEWS:-target/ner-news/train.jsonl} ;;
  conll) dir=conll2003; format=conll2003; epochs=${EPOCHS:-15}; dropout=${DROPOUT:-0.2}; prune=${PRUNE:-0.01}; news=none ;;
  *) echo "unknown model $name (ontonotes|conll)" >&2; exit 2 ;;
esac
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release -p newsdesk-cli -j2 >&2
extra=()
# The shipped models use both; build them first when they are missing (set
# CLUSTERS or LEXICON to a file of your own, or to "none" to train without).
clusters="${CLUSTERS:-target/ner-clusters/clusters.txt}"
[[ $clusters == none || -f $clusters || -n ${CLUSTERS:-} ]] || bash scripts/ner-clusters.sh
if [[ $clusters != none ]]; then extra+=(--clusters "$clusters"); fi
lexicon="${LEXICON:-target/ner-lexicon/lexicon.txt}"
[[ $lexicon == none || -f $lexicon || -n ${LEXICON:-} ]] || bash scripts/ner-lexicon.sh
if [[ $lexicon != none ]]; then extra+=(--lexicon "$lexicon"); fi
if [[ $news == target/ner-news/train.jsonl ]]; then
  mkdir -p target/ner-news
  python3 scripts/ner_news_join.py crates/newsdesk-ner/data/news-train.standoff.jsonl \
    "${NEWSDESK_DATA:-../shared/data}" "$news"
fi
if [[ $news != none ]]; then extra+=(--extra "$news" --extra-weight "${NEWS_WEIGHT:-10}"); fi
"$CARGO_TARGET_DIR/release/newsdesk" train ner \
  --train "$data/$dir/train.conll" --dev "$data/$dir/dev.conll" --format "$format" \
  --out "crates/newsdesk-ner/models/$name.bin" --epochs "$epochs" --seed "${SEED:-1}" --dropout "$dropout" --prune "$prune" "${extra[@]}"
