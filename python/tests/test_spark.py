"""newsdesk.spark on a real Spark in local[2] (a JVM and two Python workers) equals
single-process nlp.pipe row for row. scripts/spark-test.sh installs PySpark and Java
and runs this file; without them the Spark tests skip with a message."""

import csv
import os
import shutil
import subprocess
import sys

import pytest

import newsdesk
from conftest import data_file, load_or_skip

# mapInArrow asks pyspark's pandas check, which warns on pandas 3; newsdesk.spark goes through Arrow only.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

N_BODIES = 1000
CLAIM = "A meteorite landed in Nicaragua"


def fnc1_bodies(n):
    path = data_file("stance/fnc1/train_bodies.csv")
    with open(path, newline="", encoding="utf-8") as f:
        bodies = [row["articleBody"] for _, row in zip(range(n), csv.DictReader(f))]
    assert len(bodies) == n
    return bodies


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    sql = pytest.importorskip("pyspark.sql", reason="SKIPPED: no pyspark (scripts/spark-test.sh installs it)")
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("SKIPPED: Spark needs a Java runtime (scripts/spark-test.sh installs one)")
    # The Python workers must be this interpreter (the one with newsdesk installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        sql.SparkSession.builder.master("local[2]")
        .appName("newsdesk-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def collect(tables):
    """The Spark tables as pandas, each in doc_id order (stable: rows of one document keep theirs)."""
    return {
        name: frame.toArrow().to_pandas().sort_values("doc_id", kind="stable").reset_index(drop=True)
        for name, frame in tables.items()
    }


def assert_tables_equal(got, want):
    assert set(got) == set(want)
    for name, frame in want.items():
        assert list(got[name].columns) == list(frame.columns), name
        assert len(got[name]) == len(frame), name
        pd = pytest.importorskip("pandas")
        pd.testing.assert_frame_equal(got[name], frame, check_dtype=False, obj=name)


def workers_pipelines(spark):
    """(pid, pipelines built) of the Python workers that a mapInArrow task reaches."""
    import pyarrow as pa

    def probe(batches):
        import newsdesk._partition

        for _ in batches:
            pass
        yield pa.RecordBatch.from_pydict({"pid": [os.getpid()], "n": [len(newsdesk._partition.PIPELINES)]})

    rows = spark.range(8, numPartitions=8).mapInArrow(probe, "pid long, n long").collect()
    return {r.pid: r.n for r in rows}


def test_local2_equals_pipe(spark):
    import newsdesk.spark

    bodies = fnc1_bodies(N_BODIES)
    nlp = load_or_skip(needs=("quotes", "stance"))
    want = newsdesk.to_pandas(list(nlp.pipe(bodies, claims=[CLAIM])))

    df = spark.createDataFrame([(i, b) for i, b in enumerate(bodies)], "id long, body string").repartition(6, "id")
    tables = newsdesk.spark.annotate(df, "body", nlp, doc_id="id", claims=[CLAIM], batch_size=64)
    got = collect(tables)
    assert got.pop("errors").empty
    assert_tables_equal(got, want)
    assert len(want["entities"]) > 10 * N_BODIES and len(want["stances"]) >= N_BODIES
    workers = workers_pipelines(spark)
    assert 1 <= len(workers) <= 2 and all(n <= 1 for n in workers.values()), f"one pipeline per worker: {workers}"
    assert sum(workers.values()) >= 1, f"the workers kept no pipeline: {workers}"
    spark.catalog.clearCache()


def test_default_doc_ids_follow_row_order(spark):
    import newsdesk.spark

    bodies = fnc1_bodies(60)
    nlp = load_or_skip(needs=("quotes",))
    want = newsdesk.to_pandas(list(nlp.pipe(bodies)))

    df = spark.createDataFrame([(b,) for b in bodies], "body string")  # 2 partitions, rows in order
    tables = newsdesk.spark.annotate(df, "body", nlp, storage_level=None)
    got = collect(tables)
    assert got.pop("errors").empty
    ids = got["docs"]["doc_id"]
    assert ids.is_unique and ids.is_monotonic_increasing
    position = {doc_id: i for i, doc_id in enumerate(ids)}
    for frame in got.values():
        frame["doc_id"] = frame["doc_id"].map(position)
    assert_tables_equal(got, want)


def test_bad_texts_are_rows_of_errors(spark):
    import newsdesk.spark

    nlp = newsdesk.blank()
    rows = [(7, "Fine text.", "a"), (8, None, "b"), (9, "Also fine.", None)]
    df = spark.createDataFrame(rows, "id long, body string, url string").coalesce(1)
    got = collect(newsdesk.spark.annotate(df, "body", nlp, doc_id="id", source="url", storage_level=None))
    want = newsdesk.to_pandas(list(nlp.pipe(["Fine text.", "Also fine."])))
    want["docs"]["doc_id"] = [7, 9]
    want["docs"]["source"] = ["a", None]
    for name in ("entities", "quotes", "stances"):
        want[name]["doc_id"] = want[name]["doc_id"].map({0: 7, 1: 9})
    errors = got.pop("errors")
    assert_tables_equal(got, want)
    assert errors.to_dict("records") == [{"doc_id": 8, "source": "b", "error": "text is null (a missing value)"}]
    # a text column of another type: every row is an error, none is dropped
    numbers = spark.createDataFrame([(1, 10), (2, 20)], "id long, body long").coalesce(1)
    errors = collect(newsdesk.spark.annotate(numbers, "body", nlp, doc_id="id", storage_level=None))["errors"]
    assert errors["doc_id"].tolist() == [1, 2] and set(errors["error"]) == {"text is int, not str"}


def test_other_columns_go_to_docs_fields(spark):
    import json

    import newsdesk.spark

    rows = [(7, "Fine text.", "One", 1, None), (8, None, "Two", 2, 0.5), (9, "Also fine.", "Three", 3, 1.5)]
    df = spark.createDataFrame(rows, "id long, body string, title string, n long, score double").coalesce(1)
    got = collect(
        newsdesk.spark.annotate(df, "body", newsdesk.blank(), doc_id="id", fields=["title", "n", "score"], storage_level=None)
    )
    assert got["docs"]["doc_id"].tolist() == [7, 9] and got["errors"]["doc_id"].tolist() == [8]
    # Spark's to_json leaves a null value's key out
    assert [json.loads(f) for f in got["docs"]["fields"]] == [
        {"title": "One", "n": 1},
        {"title": "Three", "n": 3, "score": 1.5},
    ]


def test_null_text_with_errors_raise_names_the_doc_id(spark):
    import newsdesk.spark

    df = spark.createDataFrame([(7, "Fine text."), (8, None)], "id long, body string").coalesce(1)
    tables = newsdesk.spark.annotate(df, "body", newsdesk.blank(), doc_id="id", storage_level=None, errors="raise")
    with pytest.raises(Exception, match="the text of doc_id 8 is null"):
        tables["docs"].collect()


def test_import_error_names_the_extra(monkeypatch):
    import newsdesk.spark

    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(ImportError, match=r"newsdesk\[spark\]"):
        newsdesk.spark.annotate(None, "body", newsdesk.blank())


def test_import_newsdesk_does_not_import_pyspark():
    code = "import sys, newsdesk, newsdesk.spark, newsdesk.dask; assert 'pyspark' not in sys.modules, 'pyspark'"
    subprocess.run([sys.executable, "-c", code], check=True)
