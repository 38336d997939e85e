"""nlp.pipe over Arrow strings (pyarrow arrays, chunked arrays, pandas Series) and
contexts carried into the tables' ``fields`` column."""

import json

import pytest

import newsdesk

TEXTS = ["One. Two.", "Zoë said: “Yes.”", "", "Three sentences. Here. Now.", "Last."]


def docs_json(docs):
    return [d.to_json() for d in docs]


class StreamOnly:
    """Exports the Arrow stream interface and nothing else (not even iteration)."""

    def __init__(self, data):
        self.data = data

    def __arrow_c_stream__(self, requested_schema=None):
        return self.data.__arrow_c_stream__(requested_schema)


@pytest.mark.parametrize("kind", ["array", "large", "view", "chunked", "stream-only"])
def test_arrow_strings_give_the_docs_a_list_gives(blank, kind):
    pa = pytest.importorskip("pyarrow")
    texts = {
        "array": lambda: pa.array(TEXTS),
        "large": lambda: pa.array(TEXTS, pa.large_string()),
        "view": lambda: pa.array(TEXTS, pa.string_view()),
        "chunked": lambda: pa.chunked_array([TEXTS[:2], [], TEXTS[2:]]),
        "stream-only": lambda: StreamOnly(pa.chunked_array([TEXTS[:3], TEXTS[3:]])),
    }[kind]()
    want = docs_json(blank.pipe(TEXTS))
    for batch_size in (1, 2, 100):
        assert docs_json(blank.pipe(texts, batch_size=batch_size)) == want


def test_a_pandas_series_gives_the_docs_a_list_gives(blank):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    want = docs_json(blank.pipe(TEXTS))
    for dtype in (object, "string"):
        series = pd.Series(TEXTS, dtype=dtype, index=[10, 3, 7, 1, 0])
        assert docs_json(blank.pipe(series, batch_size=2)) == want


def test_claims_and_threads_work_on_arrow_input():
    pa = pytest.importorskip("pyarrow")
    from conftest import load_or_skip

    nlp = load_or_skip(needs=("stance",))
    texts = ['"Taxes will rise," the minister said.', "Nothing about taxes here."]
    want = docs_json(nlp.pipe(texts, claims=["Taxes will rise"]))
    assert docs_json(nlp.pipe(pa.array(texts), claims=["Taxes will rise"], n_threads=2)) == want


def test_a_null_names_its_position_after_the_docs_before_it(blank):
    pa = pytest.importorskip("pyarrow")
    it = blank.pipe(pa.chunked_array([["a.", "b."], [None, "d."]]), batch_size=10)
    assert [next(it).text, next(it).text] == ["a.", "b."]
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, not null"):
        next(it)
    assert list(it) == []


def test_a_missing_value_in_a_series_names_its_position(blank):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        list(blank.pipe(pd.Series(["a.", None, "c."])))


def test_arrow_data_that_is_not_strings_is_a_type_error(blank):
    pa = pytest.importorskip("pyarrow")
    with pytest.raises(TypeError, match="texts must be Arrow strings, not Int64"):
        blank.pipe(pa.array([1, 2]))
    with pytest.raises(TypeError, match=r"pass one column, e.g. table\[\"text\"\]"):
        blank.pipe(pa.table({"text": ["a."]}))
    assert [d.text for d in blank.pipe(pa.table({"text": ["a."]})["text"])] == ["a."]


def test_contexts_become_the_fields_column(blank):
    pa = pytest.importorskip("pyarrow")
    data = [("One.", {"id": 7, "desk": "Zürich"}), ("Two.", None), ("Three.", "a-3")]
    pairs = list(blank.pipe(data, as_tuples=True))
    docs = newsdesk.to_arrow(pairs)["docs"].to_pydict()
    assert docs["fields"] == ['{"desk":"Zürich","id":7}', None, '"a-3"']
    assert docs["source"] == [None, None, None]
    assert docs["n_sents"] == [1, 1, 1]
    with pytest.raises(TypeError, match=r"docs\[0\]: the context is not JSON-serializable"):
        newsdesk.to_arrow([(pairs[0][0], {"x": object()})])
