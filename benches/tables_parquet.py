#!/usr/bin/env python3
"""Rows/s and peak memory of `newsdesk annotate --parquet … --to parquet` on the FNC-1 bodies ×10.

    python3 benches/tables_parquet.py [--bin target/release/newsdesk] [--copies 1,10] [--jsonl]

Needs pyarrow (`pip install 'newsdesk[arrow]'`) to write the input and count
the output rows. The input is the 1,683 FNC-1 train bodies of ../shared/data
(env NEWSDESK_DATA overrides) repeated N times for each N of --copies (1 and
10 by default, side by side in one run), written as one Parquet file (columns
`Body ID`, a copy number and `articleBody`, 2,048 rows per row group) under
target/bench-tables/; the run annotates it with one claim into Parquet tables,
streaming (one row group per --batch-size batch). With --jsonl the same rows
are also run from a JSONL file, for comparison.
Time is wall time (and the child's CPU time, from `os.wait4`); peak memory is
the child's own high-water mark (VmHWM in /proc/PID/status, read every 20 ms
until it exits). Not `ru_maxrss` from `wait4`: Linux carries the pre-exec
high-water mark of the forked (or vforked) Python process into the child's,
so it reports this script's own size (~325 MB with the ×10 input loaded)
whenever that is larger. Prints one JSON object on stdout.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from long_docs import CLAIM, ROOT, body_rows


def watch_hwm(pid: int, hwm: list) -> None:
    """Keep in ``hwm[0]`` the last VmHWM (kB) of the process ``pid`` until it exits (a zombie has none)."""
    while True:
        try:
            with open(f"/proc/{pid}/status") as f:
                kb = [int(line.split()[1]) for line in f if line.startswith("VmHWM:")]
        except OSError:
            return
        if not kb:
            return
        hwm[0] = max(hwm[0], kb[0])
        time.sleep(0.02)


def bodies() -> list:
    return [(int(r["Body ID"]), r["articleBody"]) for r in body_rows()]


def annotate(binary: str, source: list, out: Path) -> dict:
    cmd = [binary, "annotate", *source, "--claim", CLAIM, "--to", "parquet", "-o", str(out)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    hwm = [0]
    watch = threading.Thread(target=watch_hwm, args=(proc.pid, hwm), daemon=True)
    watch.start()
    err = proc.stderr.read()
    watch.join()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"tables_parquet.py: {' '.join(cmd)} failed: {err.decode()[-2000:]}")
    import pyarrow.parquet as pq

    rows = {t: pq.ParquetFile(out / f"{t}.parquet").metadata.num_rows for t in ("docs", "entities", "quotes", "stances", "errors")}
    total = sum(rows.values())
    return {
        "command": " ".join(cmd),
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "rows": rows,
        "rows_per_s": round(total / wall),
        "docs_per_s": round(rows["docs"] / wall, 1),
        "peak_rss_mb": round(hwm[0] / 1024, 1),
        "output_mb": round(sum(p.stat().st_size for p in out.iterdir()) / 1e6, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "newsdesk"))
    ap.add_argument("--copies", default="1,10", help="comma-separated numbers of copies, each run in turn")
    ap.add_argument("--jsonl", action="store_true", help="also run the same rows from JSONL")
    ap.add_argument("--work", default=str(ROOT / "target" / "bench-tables"))
    args = ap.parse_args()
    import pyarrow as pa
    import pyarrow.parquet as pq

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    out = {"load_average_at_start": os.getloadavg()[0], "runs": []}
    for copies in [int(c) for c in args.copies.split(",")]:
        rows = [(bid, copy, text) for copy in range(copies) for bid, text in bodies()]
        table = pa.table(
            {
                "Body ID": [r[0] for r in rows],
                "copy": [r[1] for r in rows],
                "articleBody": [r[2] for r in rows],
            }
        )
        parquet_in = work / "bodies.parquet"
        pq.write_table(table, parquet_in, row_group_size=2048)
        run = {"copies": copies, "input_docs": len(rows), "input_mb": round(parquet_in.stat().st_size / 1e6, 2)}
        source = ["--parquet", str(parquet_in), "--text-field", "articleBody"]
        run["parquet_in"] = annotate(args.bin, source, work / "tables-from-parquet")
        print(f"x{copies} parquet in: {run['parquet_in']}", file=sys.stderr, flush=True)
        if args.jsonl:
            jsonl_in = work / "bodies.jsonl"
            with open(jsonl_in, "w", encoding="utf-8") as f:
                for bid, copy, text in rows:
                    f.write(json.dumps({"Body ID": bid, "copy": copy, "articleBody": text}) + "\n")
            source = ["--jsonl", str(jsonl_in), "--text-field", "articleBody"]
            run["jsonl_in"] = annotate(args.bin, source, work / "tables-from-jsonl")
            print(f"x{copies} jsonl in: {run['jsonl_in']}", file=sys.stderr, flush=True)
        out["runs"].append(run)
    out["load_average_at_end"] = os.getloadavg()[0]
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
