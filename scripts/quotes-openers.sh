#!/usr/bin/env bash
# Builds crates/newsdesk-quotes/data/lower_openers.txt: words that open sentences
# capitalised but are common lower-case words, never names (`Currently`, `Finally`,
# `Alongside`, `Officials`), so that attribution does not read them as (part of) a
# speaker's name. Counted on OntoNotes 5.0 train ($NEWSDESK_DATA, default ../shared/data):
# a word is listed when it opens at least one sentence capitalised and not tagged NNP(S)
# there more often than tagged so, occurs lower-case at least 3 times, and is
# capitalised inside a sentence in at most 1% of its lower-case count (`Cook`, `Rice`,
# `Young` and `Apple` are not listed). Deterministic; a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NEWSDESK_DATA:-../shared/data}
python3 - "$DATA/ner/ontonotes5/train.conll" crates/newsdesk-quotes/data/lower_openers.txt <<'PY'
import collections, sys
src, out = sys.argv[1], sys.argv[2]
low, mid, opener, opener_nnp = (collections.Counter() for _ in range(4))
first = True
for line in open(src, encoding="utf-8"):
    cols = line.split()
    if not cols or cols[0] == "-DOCSTART-":
        first = True
        continue
    word, tag = cols[0], cols[1]
    if word.isalpha():
        lw = word.lower()
        if word.islower():
            low[lw] += 1
        elif word[0].isupper() and word[1:].islower():
            if first:
                opener[lw] += 1
                opener_nnp[lw] += tag.startswith("NNP")
            else:
                mid[lw] += 1
    first = word in (".", "!", "?", ":", "``", "''", '"')
words = sorted(
    w for w in opener
    if low[w] >= 3 and mid[w] <= 0.01 * low[w] and 2 * opener_nnp[w] < opener[w]
)
with open(out, "w", encoding="utf-8") as f:
    f.write("# Common lower-case words that open sentences capitalised (never names); built by\n")
    f.write("# scripts/quotes-openers.sh from OntoNotes 5.0 train counts. One word per line.\n")
    f.writelines(w + "\n" for w in words)
print(f"{len(words)} words -> {out}")
PY
