"""newsdesk.dask on a real LocalCluster (2 worker processes) equals single-process nlp.pipe row for row."""

import csv

import pytest

import newsdesk
from conftest import data_file, load_or_skip

N_BODIES = 1000
CLAIM = "A meteorite landed in Nicaragua"


def test_dask_local_cluster_equals_pipe():
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import newsdesk.dask

    path = data_file("stance/fnc1/train_bodies.csv")
    with open(path, newline="", encoding="utf-8") as f:
        bodies = [row["articleBody"] for _, row in zip(range(N_BODIES), csv.DictReader(f))]
    assert len(bodies) == N_BODIES
    nlp = load_or_skip(needs=("quotes", "stance"))
    want = newsdesk.to_pandas(list(nlp.pipe(bodies, claims=[CLAIM])))

    df = dd.from_pandas(pd.DataFrame({"body": bodies}), npartitions=6)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            tables = newsdesk.dask.annotate(df, "body", nlp, claims=[CLAIM])
            got = dict(zip(tables, client.compute(list(tables.values()), sync=True)))
            workers = client.run(lambda: len(newsdesk._partition.PIPELINES))
    assert len(workers) == 2
    assert sum(workers.values()) >= 1 and all(n <= 1 for n in workers.values()), "one pipeline per worker"
    for name, frame in want.items():
        g = got[name].reset_index(drop=True)
        assert len(g) == len(frame), name
        pd.testing.assert_frame_equal(g, frame, check_dtype=False, obj=name)
    assert len(want["entities"]) > 10 * N_BODIES and len(want["stances"]) >= N_BODIES
