#!/usr/bin/env python3
"""Time and peak memory of `newsdesk annotate` on long single documents.

    python3 benches/long_docs.py [--bin target/release/newsdesk] [--sizes 1,5,20,50]

Inputs are made from the FNC-1 article bodies in ../shared/data (env
NEWSDESK_DATA overrides), joined by blank lines and repeated until the size
is reached (cut at a paragraph break), written under target/long-docs/:

- `docs-1mb`: five separate 1 MB documents, one run (the per-MB reference);
- `doc-<n>mb`: one document of n MB, for each of --sizes after the first;
- `sentence`: one "sentence" of 2,000,000 tokens (`word word …`, 10 MB);
- the 1 MB and second-size documents again with one `--claim` (the stance
  features), unless --no-claims;
- `people-<shape>-<n>`: documents naming n distinct people, for n = --people and
  4 × --people (0: none), one paragraph each (`Kalo Smith of the club spoke on
  Sunday. "…," Smith said.`): `first`, every one named `John <surname>` and
  quoted by the surname; `full`, every one `<first name> Smith` quoted by full
  name; `surname`, every one `<first name> Smith` quoted as `Smith`;
  `namesakes`, the same after two other Smiths open the document (so no one
  Smith owns the surname: each bare one goes to the Smith most recently a
  subject), quoted as `Smith`, `Mr. Smith` or `Mrs. Smith` in turn; `given`,
  every one `John <surname>` quoted as `John` (the one mentioned last). The
  last three once grew with the square (a bare surname or first name was
  weighed against every full name it can stand for, at every mention).
  `time_ratio` is the larger document's CPU time per person over the smaller
  one's.

Each case is one `newsdesk annotate --threads 1` process with its output
thrown away. Time is the child's CPU time (user + system, from `os.wait4`),
which a machine shared with other jobs disturbs far less than wall time
(also reported, `wall`); peak memory is the child's maximum resident set.
The child is forked by a small Python process of its own (`MEASURE`): Linux
carries the peak resident set of the process that execs over into the
child's `ru_maxrss`, so a child started from this script, which holds the
long documents it built, would report this script's peak as its own (before
this, a 2-million-token sentence "took" 558 MB and the 1 MB document with a
claim 559 bytes per byte; measured alone they take 231 MB and 160 MB).
`startup` is a run on a one-line document: its CPU time is taken off every
case before dividing by the size (`s_per_mb`), and its memory off the peak
(`net_bytes_per_byte`).
Prints one JSON object on stdout; progress goes to stderr.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
CLAIM = "A meteorite crashed near the airport of Managua."


def data_dir() -> Path:
    return Path(os.environ.get("NEWSDESK_DATA", ROOT.parent / "shared" / "data"))


def body_rows() -> list:
    """The FNC-1 train bodies as CSV rows (`Body ID`, `articleBody`)."""
    path = data_dir() / "stance" / "fnc1" / "train_bodies.csv"
    if not path.exists():
        sys.exit(f"{Path(sys.argv[0]).name}: {path} not found (set NEWSDESK_DATA)")
    csv.field_size_limit(1 << 30)
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def bodies() -> str:
    return "\n\n".join(r["articleBody"].strip() for r in body_rows())


def document(corpus: str, size: int, offset: int = 0) -> str:
    """`size` bytes (about) of the corpus, repeated from `offset`, ending at a paragraph break."""
    parts = []
    total = 0
    text = corpus[offset:] + "\n\n" + corpus
    while total < size:
        parts.append(text)
        total += len(text.encode("utf-8"))
        text = corpus + "\n\n"
    doc = "".join(parts).encode("utf-8")[:size]
    cut = doc.rfind(b"\n\n")
    return doc[: cut if cut > size // 2 else size].decode("utf-8", errors="ignore")


SYLLABLES = ["ka", "lo", "mi", "ra", "den", "sto", "vik", "mar", "tel", "ban", "gor", "lin", "pes", "qua", "zu", "hol"]


def invented(i: int) -> str:
    """The i-th of 65,536 distinct invented names (`Kakakaka`, `Lokakaka`, …)."""
    word = ""
    for _ in range(4):
        word += SYLLABLES[i % 16]
        i //= 16
    return word.capitalize()


def people(shape: str, n: int) -> str:
    """A document naming n distinct people (see the module doc)."""
    said = "We will see what happens with the plan, and then we decide,"
    paras = ["Ann Smith and Bob Smith met the board on Monday."] if shape == "namesakes" else []
    for i in range(n):
        name = invented(i)
        full, cited = {
            "first": (f"John {name}", name),
            "full": (f"{name} Smith", f"{name} Smith"),
            "surname": (f"{name} Smith", "Smith"),
            "namesakes": (f"{name} Smith", ("Smith", "Mr. Smith", "Mrs. Smith")[i % 3]),
            "given": (f"John {name}", "John"),
        }[shape]
        paras.append(f'{full} of the club spoke on Sunday. "{said}" {cited} said.')
    return "\n\n".join(paras) + "\n"


# Runs argv[1:] with stdout thrown away and prints its exit status, CPU seconds
# and peak resident set (KiB) as JSON. It is small, so its own peak (carried
# into the child's ru_maxrss at exec) stays under any newsdesk run's.
MEASURE = """
import json, os, sys
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, ru = os.wait4(pid, 0)
print(json.dumps([os.waitstatus_to_exitcode(status), ru.ru_utime + ru.ru_stime, ru.ru_maxrss]))
"""


def run(binary: str, files, claims=()) -> dict:
    cmd = [binary, "annotate", "--threads", "1", *files]
    for c in claims:
        cmd += ["--claim", c]
    env = dict(os.environ, NEWSDESK_NUM_THREADS="1")
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, env=env)
    seconds = time.perf_counter() - started
    status, cpu, maxrss = json.loads(proc.stdout) if proc.returncode == 0 else (proc.returncode, 0, 0)
    if status != 0:
        sys.exit(f"long_docs.py: {' '.join(cmd)} failed ({status}): {proc.stderr.decode()[-2000:]}")
    size = sum(Path(f).stat().st_size for f in files)
    return {"bytes": size, "seconds": round(cpu, 3), "wall": round(seconds, 3), "peak_rss": maxrss * 1024}


def summarize(r: dict, startup: dict) -> dict:
    mb = r["bytes"] / MB
    r["s_per_mb"] = round((r["seconds"] - startup["seconds"]) / mb, 4)
    r["bytes_per_byte"] = round(r["peak_rss"] / r["bytes"], 2)
    r["net_bytes_per_byte"] = round((r["peak_rss"] - startup["peak_rss"]) / r["bytes"], 2)
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "newsdesk"))
    ap.add_argument("--sizes", default="1,5,20,50", help="document sizes in MB; the first is the reference")
    ap.add_argument("--sentence-tokens", type=int, default=2_000_000)
    ap.add_argument("--no-claims", action="store_true")
    ap.add_argument("--people", type=int, default=5000, help="distinct people in the smaller people-* documents (0: none)")
    ap.add_argument("--work", default=str(ROOT / "target" / "long-docs"))
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    corpus = bodies()

    def write(name: str, text: str) -> str:
        path = work / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    def log(name: str, r: dict) -> None:
        print(f"{name}: {r}", file=sys.stderr, flush=True)

    tiny = write("tiny.txt", "Officials met in Tokyo on Tuesday.\n")
    startup = run(args.bin, [tiny])
    log("startup", startup)
    out = {"binary": args.bin, "threads": 1, "startup": startup, "documents": {}}
    ref = int(sizes[0] * MB)
    refs = [write(f"docs-{sizes[0]:g}mb-{i}.txt", document(corpus, ref, i * len(corpus) // 5)) for i in range(5)]
    r = summarize(run(args.bin, refs), startup)
    r["documents"] = len(refs)
    out["documents"][f"{sizes[0]:g}"] = r
    log(f"{len(refs)} x {sizes[0]:g} MB", r)
    for mb in sizes[1:]:
        r = summarize(run(args.bin, [write(f"doc-{mb:g}mb.txt", document(corpus, int(mb * MB)))]), startup)
        out["documents"][f"{mb:g}"] = r
        log(f"{mb:g} MB", r)
    base = out["documents"][f"{sizes[0]:g}"]["s_per_mb"]
    for key, r in out["documents"].items():
        r["time_ratio"] = round(r["s_per_mb"] / base, 3)
    words = " ".join(["word"] * args.sentence_tokens) + "\n"
    r = summarize(run(args.bin, [write("sentence.txt", words)]), startup)
    r["tokens"] = args.sentence_tokens
    out["sentence"] = r
    log("sentence", r)
    if not args.no_claims:
        out["claims"] = {}
        for mb in (sizes[0], sizes[min(1, len(sizes) - 1)]):
            path = work / (f"doc-{mb:g}mb.txt" if mb != sizes[0] else f"docs-{mb:g}mb-0.txt")
            r = summarize(run(args.bin, [str(path)], [CLAIM]), startup)
            out["claims"][f"{mb:g}"] = r
            log(f"claim, {mb:g} MB", r)
        first = out["claims"][f"{sizes[0]:g}"]["s_per_mb"]
        for r in out["claims"].values():
            r["time_ratio"] = round(r["s_per_mb"] / first, 3)
    if args.people:
        out["people"] = {}
        n = args.people
        for shape in ("first", "full", "surname", "namesakes", "given"):
            small, large = (
                run(args.bin, [write(f"people-{shape}-{k}.txt", people(shape, k))]) for k in (n, 4 * n)
            )
            r = {
                "people": [n, 4 * n],
                "seconds": [small["seconds"], large["seconds"]],
                "time_ratio": round(
                    (large["seconds"] - startup["seconds"]) / (4 * max(small["seconds"] - startup["seconds"], 1e-3)), 3
                ),
            }
            out["people"][shape] = r
            log(f"people, {shape}", r)
    largest = out["documents"][f"{sizes[-1]:g}"]
    out["summary"] = {
        "time_ratio_largest_vs_first": largest["time_ratio"],
        "bytes_per_byte_largest": largest["bytes_per_byte"],
        "sentence_peak_mb": round(out["sentence"]["peak_rss"] / MB, 1),
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
