"""pickle round trips for every class; the state is the Rust serialization."""

import pickle

import pytest

import newsdesk
from conftest import annotated_doc_dict, load_or_skip

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


@pytest.fixture(scope="module")
def doc(blank):
    return newsdesk.Doc.from_dict(annotated_doc_dict(blank))


def round_trip(obj, protocol):
    return pickle.loads(pickle.dumps(obj, protocol=protocol))


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_doc(doc, protocol):
    back = round_trip(doc, protocol)
    assert back is not doc and back == doc
    assert back.to_json() == doc.to_json()


def test_doc_state_is_its_json(doc):
    fn, args = doc.__reduce__()
    assert args == (doc.to_json(),)
    assert fn(*args) == doc


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_token_span_quote_speaker(doc, protocol):
    objs = [doc[3], doc[-1], doc[1:4], doc.ents[0], doc.sents[1], doc.quotes[1], doc.quotes[0].speaker]
    back = round_trip(objs, protocol)
    assert back == objs
    tok, _, span, ent, sent, quote, speaker = back
    assert tok.text == doc[3].text and tok.i == 3
    assert span.text == doc[1:4].text
    assert (ent.label_, ent.score) == (doc.ents[0].label_, doc.ents[0].score)
    assert sent.text == doc.sents[1].text
    assert quote.text == "Soon." and quote.speaker.mention.text == "She"
    assert speaker.name == "Jane Smith"
    # objects of one doc share one unpickled doc
    assert tok.doc is span.doc is quote.doc


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_stance_values(doc, protocol):
    (cs,) = doc.stances()
    sp = cs.speakers[0]
    for obj in (cs, sp):
        back = round_trip(obj, protocol)
        assert back == obj and back.label == obj.label and back.scores == obj.scores
    assert round_trip(cs, protocol).speakers == cs.speakers


def test_stance_class_round_trip():
    nlp = load_or_skip(needs=("stance",))
    st = nlp.stance("The EU met", "The EU met on Monday.")
    back = pickle.loads(pickle.dumps(st))
    assert isinstance(back, newsdesk.Stance) and back == st


def test_pipeline_round_trip_gives_the_same_docs(blank):
    text = "The U.S. and EU met on Monday. “We agree,” she said."
    back = pickle.loads(pickle.dumps(blank))
    assert back.pipe_names == blank.pipe_names and back.name == blank.name
    assert back(text) == blank(text)


def test_pipeline_state_is_its_bytes(blank):
    fn, args = blank.__reduce__()
    assert args[0] == blank.to_bytes()
    assert isinstance(args[0], bytes) and args[0][:6] == b"NDPIPE"


def test_bad_pickle_state_is_value_error(doc):
    from newsdesk import _newsdesk

    with pytest.raises(ValueError):
        _newsdesk._token(doc, len(doc))
    with pytest.raises(ValueError):
        _newsdesk._span(doc, (0, len(doc) + 1, 0, 1), "", None)
    with pytest.raises(ValueError):
        _newsdesk._quote(doc, 5)
    with pytest.raises(ValueError):
        _newsdesk._stance_from_json("Stance", "{}")
