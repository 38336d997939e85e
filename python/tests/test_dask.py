"""newsdesk.dask on a real LocalCluster (2 worker processes) equals single-process nlp.pipe row for row,
with bad records as rows of the errors table."""

import csv

import pytest

import newsdesk
from conftest import data_file, load_or_skip

N_BODIES = 1000
CLAIM = "A meteorite landed in Nicaragua"


def test_dask_local_cluster_equals_pipe():
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import newsdesk.dask

    path = data_file("stance/fnc1/train_bodies.csv")
    with open(path, newline="", encoding="utf-8") as f:
        bodies = [row["articleBody"] for _, row in zip(range(N_BODIES), csv.DictReader(f))]
    assert len(bodies) == N_BODIES
    nlp = load_or_skip(needs=("quotes", "stance"))
    want = newsdesk.to_pandas(list(nlp.pipe(bodies, claims=[CLAIM])))

    # A null and a non-str text among them (index labels 3 and 501) become rows of errors.
    texts = bodies[:3] + [None] + bodies[3:500] + [501] + bodies[500:]
    good = [i for i, t in enumerate(texts) if isinstance(t, str)]
    frame = pd.DataFrame({"body": texts, "url": [f"u{i}" for i in range(len(texts))]})
    with dask.config.set({"dataframe.convert-string": False}):  # which would turn 501 into "501"
        df = dd.from_pandas(frame, npartitions=6)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            tables = newsdesk.dask.annotate(df, "body", nlp, claims=[CLAIM], source="url")
            got = dict(zip(tables, client.compute(list(tables.values()), sync=True)))
            workers = client.run(lambda: len(newsdesk._partition.PIPELINES))
    assert len(workers) == 2
    assert sum(workers.values()) >= 1 and all(n <= 1 for n in workers.values()), "one pipeline per worker"
    want["docs"]["source"] = [f"u{i}" for i in good]
    for name, frame in want.items():
        frame["doc_id"] = frame["doc_id"].map(dict(enumerate(good)))
        g = got[name].reset_index(drop=True)
        assert len(g) == len(frame), name
        pd.testing.assert_frame_equal(g, frame, check_dtype=False, obj=name)
    assert len(want["entities"]) > 10 * N_BODIES and len(want["stances"]) >= N_BODIES
    errors = got["errors"].reset_index(drop=True)
    assert errors.to_dict("records") == [
        {"doc_id": 3, "source": "u3", "error": "text is null (a missing value)"},
        {"doc_id": 501, "source": "u501", "error": "text is int, not str"},
    ]


def test_bad_records_collected_or_raised():
    """Without a cluster (dask's synchronous scheduler): every kind of bad record, and errors="raise"."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    import newsdesk.dask

    nlp = newsdesk.blank()
    texts = ["Fine text.", None, float("nan"), b"bytes", "lone \ud800 surrogate", "Also fine."]
    # (dask would convert the column to Arrow strings, which cannot hold these texts)
    with dask.config.set({"dataframe.convert-string": False}):
        df = dd.from_pandas(pd.DataFrame({"body": texts}, index=range(10, 16)), npartitions=2)
    with dask.config.set(scheduler="synchronous"):
        got = {name: t.compute() for name, t in newsdesk.dask.annotate(df, "body", nlp).items()}
        assert list(got["docs"]["doc_id"]) == [10, 15]
        assert got["docs"]["source"].isna().all()
        assert got["errors"]["doc_id"].tolist() == [11, 12, 13, 14]
        why = got["errors"]["error"].tolist()
        assert why[:3] == ["text is null (a missing value)"] * 2 + ["text is bytes, not str"]
        assert why[3].startswith("UnicodeEncodeError:") and "surrogates not allowed" in why[3]
        want = newsdesk.to_pandas(list(nlp.pipe(["Fine text.", "Also fine."])))
        for name in want:
            assert len(got[name]) == len(want[name]), name
        with pytest.raises(TypeError, match=r"the text of doc_id (11 is null|13 is bytes)"):
            newsdesk.dask.annotate(df, "body", nlp, errors="raise")["docs"].compute()
    with pytest.raises(ValueError, match="errors must be one of"):
        newsdesk.dask.annotate(df, "body", nlp, errors="skip")


def test_other_columns_go_to_docs_fields():
    """fields=[...]: the named columns of each good row go to docs.fields as JSON (dates ISO, NaN null)."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    import json

    import newsdesk.dask

    frame = pd.DataFrame(
        {
            "body": ["Fine text.", None, "Also fine."],
            "title": ["One", "Two", "Three"],
            "n": [1, 2, 3],
            "score": [0.5, 1.0, float("nan")],
            "when": pd.to_datetime(["2015-01-02", "2015-01-03", "2015-01-04"]),
        },
        index=[4, 5, 6],
    )
    with dask.config.set({"dataframe.convert-string": False}):
        df = dd.from_pandas(frame, npartitions=2)
    with dask.config.set(scheduler="synchronous"):
        got = newsdesk.dask.annotate(df, "body", newsdesk.blank(), fields=["title", "n", "score", "when"])
        docs, errors = got["docs"].compute(), got["errors"].compute()
    assert docs["doc_id"].tolist() == [4, 6] and errors["doc_id"].tolist() == [5]
    fields = [json.loads(f) for f in docs["fields"]]
    assert fields == [
        {"title": "One", "n": 1, "score": 0.5, "when": "2015-01-02T00:00:00.000"},
        {"title": "Three", "n": 3, "score": None, "when": "2015-01-04T00:00:00.000"},
    ]
    assert all(list(json.loads(f)) == sorted(json.loads(f)) for f in docs["fields"]), "keys sorted, as the CLI"
    no_fields = newsdesk.dask.annotate(df, "body", newsdesk.blank())["docs"].compute(scheduler="synchronous")
    assert no_fields["fields"].isna().all()
