#!/usr/bin/env python3
"""Join the stand-off news NER annotations kept in this repository (ids,
code-point offsets, labels; no text) with the article bodies in the shared
data, writing the `spans` JSONL that `newsdesk train ner --extra` reads.

  python3 scripts/ner_news_join.py STANDOFF.jsonl DATA_DIR OUT.jsonl

Record ids name their body: `fnc1-train-<Body ID>` in
DATA_DIR/stance/fnc1/train_bodies.csv, `arc-<Body ID>` in
DATA_DIR/stance/arc/arc_bodies.csv. Each stand-off record carries the first
16 hex digits of the SHA-256 of its body text; a body that is missing or does
not match is an error naming the record.
"""
import csv
import hashlib
import json
import os
import sys

SOURCES = {"fnc1-train": "stance/fnc1/train_bodies.csv", "arc": "stance/arc/arc_bodies.csv"}


def read_bodies(data_dir):
    csv.field_size_limit(1 << 30)
    bodies = {}
    for prefix, rel in SOURCES.items():
        with open(os.path.join(data_dir, rel), newline="", encoding="utf-8") as f:
            rows = csv.reader(f)
            next(rows)
            bodies.update((f"{prefix}-{bid}", text) for bid, text in rows)
    return bodies


def main(standoff, data_dir, out):
    bodies = read_bodies(data_dir)
    n = 0
    with open(standoff, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line_no, line in enumerate(src, 1):
            rec = json.loads(line)
            text = bodies.get(rec["id"])
            if text is None:
                sys.exit(f"{standoff}:{line_no}: no body {rec['id']} in {data_dir} ({', '.join(SOURCES.values())})")
            if hashlib.sha256(text.encode()).hexdigest()[:16] != rec["text_sha256"]:
                sys.exit(f"{standoff}:{line_no}: body {rec['id']} differs from the annotated text")
            ents = [{"start": s, "end": e, "label": label} for s, e, label in rec["entities"]]
            dst.write(json.dumps({"id": rec["id"], "text": text, "entities": ents}) + "\n")
            n += 1
    print(f"{out}: {n} documents", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
