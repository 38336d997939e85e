#!/usr/bin/env python3
"""Dask on 2 worker processes against single-process `nlp.pipe`, same data, one run.

    python3 benches/dask_vs_pipe.py [--copies 1] [--partitions 8]

Needs `pip install 'newsdesk[arrow]' 'dask[distributed,dataframe]'`. The data
are the 1,683 FNC-1 train bodies of ../shared/data (env NEWSDESK_DATA
overrides), repeated --copies times, with one claim. Side by side: `nlp.pipe`
+ `newsdesk.to_pandas` in this process (all cores), then
`newsdesk.dask.annotate` on a `LocalCluster(n_workers=2, threads_per_worker=1,
processes=True)` (cluster start-up not timed; each worker builds its pipeline
inside the timed run), computing all four tables. Checks both give the same
number of rows per table. Prints one JSON object on stdout.
"""
import argparse
import json
import sys
import time

from tables_parquet import bodies

from long_docs import CLAIM


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--partitions", type=int, default=8)
    args = ap.parse_args()
    import dask.dataframe as dd
    import distributed
    import pandas as pd

    import newsdesk
    import newsdesk.dask

    texts = [text for _ in range(args.copies) for _, text in bodies()]
    nlp = newsdesk.load()
    started = time.perf_counter()
    want = newsdesk.to_pandas(list(nlp.pipe(texts, claims=[CLAIM])))
    pipe_s = time.perf_counter() - started
    print(f"nlp.pipe + to_pandas: {pipe_s:.1f} s", file=sys.stderr, flush=True)

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        df = dd.from_pandas(pd.DataFrame({"body": texts}), npartitions=args.partitions)
        started = time.perf_counter()
        tables = newsdesk.dask.annotate(df, "body", nlp, claims=[CLAIM])
        got = dict(zip(tables, client.compute(list(tables.values()), sync=True)))
        dask_s = time.perf_counter() - started
    print(f"dask, 2 workers: {dask_s:.1f} s", file=sys.stderr, flush=True)
    rows = {name: len(frame) for name, frame in want.items()}
    rows["errors"] = 0
    if rows != {name: len(frame) for name, frame in got.items()}:
        sys.exit(f"dask_vs_pipe.py: row counts differ: pipe {rows}, dask { {n: len(f) for n, f in got.items()} }")
    print(
        json.dumps(
            {
                "docs": len(texts),
                "rows": rows,
                "pipe_s": round(pipe_s, 2),
                "dask_2_workers_s": round(dask_s, 2),
                "dask_over_pipe": round(dask_s / pipe_s, 2),
                "partitions": args.partitions,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
