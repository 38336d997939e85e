"""load(), calling a pipeline, and nlp.pipe(): order, batching, threads, GIL release."""

import pytest

import newsdesk
from conftest import TRICKY, assert_runs_without_gil, grow_until_slow, load_or_skip


def test_blank_pipeline_has_tokenizer_and_sentences():
    for nlp in (newsdesk.blank(), newsdesk.load("blank")):
        assert isinstance(nlp, newsdesk.Pipeline)
        assert nlp.pipe_names == ["tokenizer", "sentences"]
        assert nlp.name == "blank"
        assert repr(nlp) == "Pipeline(name='blank', pipe_names=['tokenizer', 'sentences'])"


def test_load_default_is_ontonotes():
    nlp = load_or_skip()
    assert nlp.name == "ontonotes"
    assert nlp.pipe_names[:2] == ["tokenizer", "sentences"]


def test_load_unknown_name_is_value_error_naming_it():
    with pytest.raises(ValueError, match="no-such-model"):
        newsdesk.load("no-such-model")


def test_load_missing_path_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "model.bin"
    with pytest.raises((OSError, ValueError), match="model.bin"):
        newsdesk.load(missing)


def test_call_returns_doc_with_the_exact_text(blank):
    for text in TRICKY:
        doc = blank(text)
        assert isinstance(doc, newsdesk.Doc)
        assert doc.text == text
        assert "".join(t.text_with_ws for t in doc) == text


def test_make_doc_tokenizes_only(blank):
    doc = blank.make_doc("One. Two.")
    assert [t.text for t in doc] == ["One", ".", "Two", "."]
    assert len(doc.sents) == 2


def test_pipe_keeps_order_for_any_batch_size(blank):
    texts = [f"Document number {i}. It has {i % 7} parts." for i in range(103)] + TRICKY
    expected = [blank(t).to_json() for t in texts]
    for batch_size in (1, 2, 7, 64, 1000):
        docs = list(blank.pipe(texts, batch_size=batch_size))
        assert [d.to_json() for d in docs] == expected


def test_pipe_accepts_any_iterable_and_is_lazy(blank):
    pulled = []

    def source():
        for i in range(10):
            pulled.append(i)
            yield f"Text {i}."

    it = blank.pipe(source(), batch_size=3)
    assert pulled == []  # nothing read before the first next()
    first = next(it)
    assert first.text == "Text 0."
    assert len(pulled) == 3  # exactly one batch read
    rest = list(it)
    assert [d.text for d in rest] == [f"Text {i}." for i in range(1, 10)]
    assert list(it) == []


def test_pipe_with_explicit_thread_counts_gives_the_same_docs(blank):
    texts = [f"Sentence {i}. Another one here, {i}!" for i in range(50)]
    one = [d.to_json() for d in blank.pipe(texts, n_threads=1)]
    two = [d.to_json() for d in blank.pipe(texts, n_threads=2, batch_size=8)]
    assert one == two == [blank(t).to_json() for t in texts]


def test_pipe_as_tuples_passes_context_through(blank):
    data = [(f"Text {i}.", {"id": i}) for i in range(5)]
    out = list(blank.pipe(data, as_tuples=True, batch_size=2))
    assert [(d.text, c["id"]) for d, c in out] == [(t, c["id"]) for t, c in data]


def test_pipe_of_nothing_yields_nothing(blank):
    assert list(blank.pipe([])) == []


@pytest.mark.parametrize("how", ["call", "pipe"])
def test_processing_releases_the_gil(blank, how):
    """Another Python thread keeps running while Rust processes a text or a batch."""
    text = grow_until_slow(blank, "The U.S. and EU met on Monday. “We agree,” she said.\n" * 200)
    if how == "call":
        assert_runs_without_gil(lambda: blank(text))
    else:
        halves = [text[: len(text) // 2], text[len(text) // 2 :]]
        assert_runs_without_gil(lambda: list(blank.pipe(halves, batch_size=2, n_threads=1)))


def test_package_docstring_example_runs():
    import doctest

    load_or_skip()
    result = doctest.testmod(newsdesk)
    assert result.attempted >= 3 and result.failed == 0
