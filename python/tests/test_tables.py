"""newsdesk.to_arrow / to_pandas: the four tables hold exactly the layers of the documents."""

import csv
import struct
import sys

import pytest

import newsdesk
from conftest import data_file, load_or_skip

TEXTS = [
    '"We are close to an agreement," said Japan\'s finance minister, Taro Aso, in Tokyo. '
    '"Nobody wants a trade war," he added. The U.S. Treasury declined to comment.',
    "Zoë Ångström told Reuters: “The vote will pass.” “It will fail,” Theresa May said in London.",
    "",
]
CLAIMS = ["The vote will pass", "Japan and the U.S. agree on taxes"]


def expected_rows(docs):
    """The table rows each document's JSON form implies, computed in Python."""
    rows = {"docs": [], "entities": [], "quotes": [], "stances": []}
    for i, doc in enumerate(docs):
        d = doc.to_dict()
        text = d["text"]
        rows["docs"].append((i, len(d["tokens"]), len(d["sents"]), len(d["ents"]), len(d["quotes"])))
        for k, e in enumerate(d["ents"]):
            s, t = e["start_char"], e["end_char"]
            rows["entities"].append((i, k, s, t, text[s:t], e["label"], e["score"], e["source"]))
        for k, q in enumerate(d["quotes"]):
            s, t = q["start_char"], q["end_char"]
            sp, cue = q["speaker"], q["cue"]
            rows["quotes"].append(
                (
                    i,
                    k,
                    s,
                    t,
                    text[s:t],
                    sp and sp["name"],
                    sp and sp["label"],
                    q["speaker_score"],
                    cue and text[cue["start_char"] : cue["end_char"]],
                )
            )
        for c in d["stances"]:
            for speaker, st in [(None, c)] + [(s["speaker"], s) for s in c["speakers"]]:
                scores = tuple(st["scores"].get(label) for label in ("agree", "disagree", "discuss", "unrelated"))
                rows["stances"].append((i, c["claim"], speaker, st["label"]) + scores)
    return rows


def table_rows(tables):
    pa = pytest.importorskip("pyarrow")
    assert set(tables) == {"docs", "entities", "quotes", "stances"}
    out = {}
    for name, t in tables.items():
        assert isinstance(t, pa.Table)
        assert t.schema.metadata[b"newsdesk.schema"] == b"newsdesk.tables/1"
        cols = t.to_pydict()
        if name == "docs":
            assert cols["source"] == [None] * t.num_rows and cols["fields"] == [None] * t.num_rows
            cols = {k: v for k, v in cols.items() if k not in ("source", "fields")}
        out[name] = list(zip(*cols.values()))
    return out


def f32(v):
    return struct.unpack("f", struct.pack("f", v))[0]


def approx_rows(rows):
    """Scores are float32 in the tables and in the JSON: compare them as float32."""
    return [tuple(f32(v) if isinstance(v, float) else v for v in r) for r in rows]


def check(docs):
    got, want = table_rows(newsdesk.to_arrow(docs)), expected_rows(docs)
    for name in want:
        assert approx_rows(got[name]) == approx_rows(want[name]), name
    return {name: len(rows) for name, rows in want.items()}


def test_tables_hold_every_layer_once():
    pytest.importorskip("pyarrow")
    nlp = load_or_skip(needs=("quotes", "stance"))
    n = check(list(nlp.pipe(TEXTS, claims=CLAIMS)))
    assert n["docs"] == 3 and n["entities"] > 5 and n["quotes"] >= 3
    assert n["stances"] > len(CLAIMS) * 2, "speaker stances are rows too"


def test_tables_of_fnc1_bodies():
    pytest.importorskip("pyarrow")
    path = data_file("stance/fnc1/train_bodies.csv")
    with open(path, newline="", encoding="utf-8") as f:
        bodies = [row["articleBody"] for _, row in zip(range(200), csv.DictReader(f))]
    nlp = load_or_skip(needs=("quotes", "stance"))
    n = check(list(nlp.pipe(bodies, claims=["A meteorite landed in Nicaragua"])))
    assert n["docs"] == 200 and n["entities"] > 1000


def test_to_pandas_gives_the_same_rows():
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    docs = list(newsdesk.blank().pipe(["One. Two.", "Three."]))
    frames = newsdesk.to_pandas(docs)
    assert list(frames["docs"]["n_sents"]) == [2, 1]
    assert list(frames["docs"]["doc_id"]) == [0, 1]
    assert len(frames["entities"]) == 0
    assert list(frames["stances"].columns)[-4:] == ["score_agree", "score_disagree", "score_discuss", "score_unrelated"]


def test_arrow_table_objects_speak_the_capsule_protocol():
    doc = newsdesk.blank()("One. Two.")
    tables = newsdesk._newsdesk._tables([doc])
    t = tables["docs"]
    assert (t.name, t.num_rows) == ("docs", 1)
    capsule = t.__arrow_c_stream__()
    assert type(capsule).__name__ == "PyCapsule"
    del capsule  # released unconsumed: must not leak or crash
    assert t.num_rows == 1


def test_non_documents_are_named_by_position():
    doc = newsdesk.blank()("One.")
    with pytest.raises(TypeError, match=r"docs\[1\] is a str, not a newsdesk.Doc"):
        newsdesk._newsdesk._tables([doc, "One."])


def test_missing_pyarrow_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"newsdesk\[arrow\]"):
        newsdesk.to_arrow([])
