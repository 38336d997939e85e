"""Bad input gives ordinary Python exceptions with clear messages, never a panic."""

import pytest

import newsdesk


@pytest.mark.parametrize("bad", [123, None, b"bytes", ["a list"], 4.5])
def test_non_str_text_is_type_error(blank, bad):
    with pytest.raises(TypeError, match=f"text must be str, not {type(bad).__name__}"):
        blank(bad)
    with pytest.raises(TypeError, match="must be str"):
        blank.make_doc(bad)


def test_pipe_reports_the_bad_item_after_yielding_the_good_ones(blank):
    it = blank.pipe(["fine.", "also fine.", 42, "never reached"], batch_size=10)
    assert next(it).text == "fine."
    assert next(it).text == "also fine."
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, not int"):
        next(it)
    assert list(it) == []


def test_pipe_as_tuples_needs_pairs(blank):
    with pytest.raises(TypeError, match=r"texts\[0\] must be a \(text, context\) tuple"):
        list(blank.pipe(["not a pair"], as_tuples=True))


def test_pipe_input_errors_propagate(blank):
    def broken():
        yield "one."
        raise KeyError("from the generator")

    it = blank.pipe(broken(), batch_size=5)
    assert next(it).text == "one."
    with pytest.raises(KeyError, match="from the generator"):
        next(it)


def test_pipe_non_iterable_is_type_error(blank):
    with pytest.raises(TypeError):
        blank.pipe(42)


@pytest.mark.parametrize("kwargs", [dict(batch_size=0), dict(batch_size=-3), dict(n_threads=0), dict(n_threads=-1)])
def test_bad_pipe_options_are_value_errors(blank, kwargs):
    name = next(iter(kwargs))
    with pytest.raises(ValueError, match=f"{name} must be a positive integer"):
        blank.pipe(["x"], **kwargs)


def test_claims_must_be_a_list_of_str(blank):
    with pytest.raises(TypeError, match="claims must be a list of str"):
        blank("text", claims="one claim")
    with pytest.raises(TypeError, match=r"claims\[1\] must be str"):
        blank("text", claims=["ok", 3])


def test_claims_need_a_stance_component(blank):
    with pytest.raises(ValueError, match="no stance component"):
        blank("text", claims=["a claim"])
    with pytest.raises(ValueError, match="no stance component"):
        blank.pipe(["text"], claims=["a claim"])
    assert blank("text", claims=[]).claims == []


def test_lone_surrogates_are_a_unicode_error(blank):
    with pytest.raises(UnicodeEncodeError):
        blank("bad \ud800 text")


def test_index_errors(blank):
    doc = blank("One two three.")
    with pytest.raises(TypeError, match="Doc indices must be int or slice, not str"):
        doc["x"]
    with pytest.raises(IndexError, match="out of range"):
        doc[99]
    with pytest.raises(ValueError, match="step 1"):
        doc[::2]
    with pytest.raises(IndexError):
        doc[0:2][5]


@pytest.mark.parametrize(
    "json_text, message",
    [
        ("not json", "invalid document JSON"),
        ('{"schema": "newsdesk.doc/999", "text": "", "tokens": [], "sents": []}', "newsdesk.doc/999"),
        ('{"schema": "newsdesk.doc/1", "text": "abc", "tokens": [], "sents": []}', "inconsistent document"),
    ],
)
def test_bad_doc_json_is_value_error(json_text, message):
    with pytest.raises(ValueError, match=message):
        newsdesk.Doc.from_json(json_text)


def test_from_json_needs_str():
    with pytest.raises(TypeError, match="json must be str"):
        newsdesk.Doc.from_json(b"{}")


def test_unknown_pipeline_is_value_error():
    with pytest.raises(ValueError, match="unknown pipeline"):
        newsdesk.load("klingon")
    with pytest.raises(TypeError):
        newsdesk.load(42)


def test_hand_made_json_with_odd_offsets_is_a_clear_error(blank):
    good = blank("Alpha beta gamma.").to_dict()
    d = dict(good, ents=[dict(start=0, end=1, start_char=9, end_char=2, label="X", score=1.0, source="model")])
    with pytest.raises(ValueError, match="entity 0 out of range"):
        newsdesk.Doc.from_dict(d)
    d = dict(good, quotes=[dict(start_char=50, end_char=99, speaker=None, cue=None)])
    with pytest.raises(ValueError, match="quote 0 has span 50..99 outside the text"):
        newsdesk.Doc.from_dict(d)
    assert "Alpha beta gamma." in newsdesk.render(newsdesk.Doc.from_dict(good))
