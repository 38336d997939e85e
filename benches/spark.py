#!/usr/bin/env python3
"""Throughput of newsdesk.spark in local[2] against nlp.pipe on the same FNC-1 bodies, in one run.

    target/test-venv/bin/python benches/spark.py [--n 1000] [--repeat 2] [--n-threads N]

(the venv of scripts/test.sh after scripts/spark-test.sh: newsdesk, pyarrow,
pandas, pyspark, and `java` on PATH). The first --n FNC-1 train bodies from
../shared/data (env NEWSDESK_DATA overrides), one claim, the default pipeline:

- `pipe`: `newsdesk.to_arrow(nlp.pipe(bodies, claims=…))` in this process
  (all cores through rayon);
- `spark`: `newsdesk.spark.annotate` on a DataFrame of 4 partitions, then the
  four tables collected to the driver (`toArrow`), in a `local[2]` session.
  The first run includes starting the Python workers and building a pipeline
  in each; later runs reuse them (spark.python.worker.reuse). `session_s` is
  the JVM start.

Each is run --repeat times; the best wall time counts (`docs_per_s`,
`rows_per_s` over the rows of the four tables). Prints one JSON object on
stdout; progress goes to stderr.
"""
import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Dict

import newsdesk
import newsdesk.spark

ROOT = Path(__file__).resolve().parent.parent
CLAIM = "A meteorite landed in Nicaragua"


def fnc1_bodies(n: int) -> list:
    path = Path(os.environ.get("NEWSDESK_DATA", ROOT.parent / "shared" / "data")) / "stance/fnc1/train_bodies.csv"
    if not path.exists():
        sys.exit(f"spark.py: {path} not found (set NEWSDESK_DATA)")
    with open(path, newline="", encoding="utf-8") as f:
        return [row["articleBody"] for _, row in zip(range(n), csv.DictReader(f))]


def timed(run, repeat: int, n_docs: int, name: str, reset=lambda: None) -> dict:
    walls, rows = [], 0
    for i in range(repeat):
        reset()
        started = time.perf_counter()
        rows = run()
        walls.append(time.perf_counter() - started)
        print(f"{name} run {i + 1}: {walls[-1]:.2f} s, {rows} rows", file=sys.stderr, flush=True)
    best = min(walls)
    return {
        "wall_s": [round(w, 2) for w in walls],
        "rows": rows,
        "docs_per_s": round(n_docs / best, 1),
        "rows_per_s": round(rows / best),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="FNC-1 bodies")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--n-threads", type=int, default=None, help="rayon threads per Spark Python worker")
    args = ap.parse_args()
    bodies = fnc1_bodies(args.n)
    nlp = newsdesk.load()

    def pipe() -> int:
        return sum(t.num_rows for t in newsdesk.to_arrow(nlp.pipe(bodies, claims=[CLAIM])).values())

    out: Dict[str, Any] = {"docs": len(bodies), "cpus": os.cpu_count(), "load_before": os.getloadavg()[0]}
    out["pipe"] = timed(pipe, args.repeat, len(bodies), "pipe")

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    started = time.perf_counter()
    spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    session_s = time.perf_counter() - started
    rows = [(i, b) for i, b in enumerate(bodies)]
    df = spark.createDataFrame(rows, "id long, body string").repartition(args.partitions, "id")

    def on_spark() -> int:
        tables = newsdesk.spark.annotate(df, "body", nlp, doc_id="id", claims=[CLAIM], n_threads=args.n_threads)
        return sum(t.toArrow().num_rows for t in tables.values())

    out["spark"] = timed(on_spark, args.repeat, len(bodies), "spark local[2]", reset=spark.catalog.clearCache)
    out["spark"].update(session_s=round(session_s, 1), partitions=args.partitions, n_threads=args.n_threads)
    out["spark_version"] = spark.version
    spark.stop()
    out["load_after"] = os.getloadavg()[0]
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
