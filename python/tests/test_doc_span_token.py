"""Doc as a sequence of Tokens, Spans as views, Token features, JSON round trips."""

import json

import pytest

import newsdesk
from conftest import TRICKY, annotated_doc_dict


def test_tokens_tile_the_text_with_char_offsets(blank):
    for text in TRICKY:
        doc = blank(text)
        pos = 0
        for i, t in enumerate(doc):
            assert t.i == i
            assert t.idx == pos
            assert text[t.idx : t.idx + len(t)] == t.text
            assert t.text_with_ws == t.text + t.whitespace_
            pos += len(t.text_with_ws)
        assert pos == len(text)


def test_doc_sequence_protocol(blank):
    doc = blank("The EU met on Monday. Talks went well.")
    n = len(doc)
    assert n == 10
    assert [t.text for t in doc] == [doc[i].text for i in range(n)]
    assert doc[-1].text == "." and doc[-1].i == n - 1
    assert doc[-n].i == 0
    assert doc[0] == doc[0] and doc[0] != doc[1]
    assert hash(doc[3]) == hash(blank("The EU met on Monday. Talks went well.")[3])
    with pytest.raises(IndexError):
        doc[n]
    with pytest.raises(IndexError):
        doc[-n - 1]


def test_slicing_gives_spans_that_are_views(blank):
    text = "The EU met on Monday. Talks went well."
    doc = blank(text)
    span = doc[2:5]
    assert isinstance(span, newsdesk.Span)
    assert (span.start, span.end) == (2, 5)
    assert span.text == "met on Monday" == text[span.start_char : span.end_char]
    assert len(span) == 3
    assert [t.text for t in span] == ["met", "on", "Monday"]
    assert span[0].i == 2 and span[-1].i == 4
    assert span[1:].text == "on Monday"
    assert span.doc is doc
    assert span.label_ == "" and span.score is None
    assert doc[-3:].text == "went well."
    assert doc[5:2].text == "" and len(doc[5:2]) == 0
    assert doc[:].text == text
    assert str(span) == span.text
    assert repr(span) == "Span('met on Monday', start=2, end=5)"


def test_sentences_are_spans_covering_the_tokens(blank, seed_text):
    doc = blank(seed_text)
    sents = doc.sents
    assert len(sents) >= 12
    assert sents[0].start == 0 and sents[-1].end == len(doc)
    for a, b in zip(sents, sents[1:]):
        assert a.end == b.start
    for s in sents:
        assert s.text == seed_text[s.start_char : s.end_char]
        assert doc[s.start].is_sent_start
    assert sents[0].text.startswith("The United States and European Union")


def test_token_features():
    doc = newsdesk.blank()("Washington’s 2024 budget")
    by_text = {t.text: t for t in doc}
    w = by_text["Washington"]
    assert (w.shape_, w.lower_, w.prefix_, w.suffix_) == ("Xxxxx", "washington", "W", "ton")
    assert w.is_alpha and w.is_title and not w.is_upper and not w.is_digit and not w.is_punct
    assert w.kind == "word" and not w.is_debris and not w.is_space
    year = by_text["2024"]
    assert year.shape_ == "dddd" and year.is_digit and year.like_num and year.kind == "number"
    clitic = next(t for t in doc if "’" in t.text)
    assert clitic.norm_ == clitic.text.replace("’", "'")
    assert newsdesk.blank()("Hello")[0].norm_ == "Hello"


def test_token_flags_quote_bracket_url_space():
    doc = newsdesk.blank()("  “Yes” (see https://example.org)")
    assert doc[0].is_space and doc[0].kind == "space" and doc[0].text == "  "
    quotes = [t for t in doc if t.is_quote]
    assert [t.text for t in quotes] == ["“", "”"]
    assert [t.text for t in doc if t.is_bracket] == ["(", ")"]
    assert [t.text for t in doc if t.like_url] == ["https://example.org"]


def test_debris_is_marked_not_dropped(seed_text):
    doc = newsdesk.blank()(seed_text)
    debris = [t for t in doc if t.is_debris]
    assert [t.text for t in debris] == ["{mosads}"]
    assert debris[0].kind == "debris"
    after = doc[debris[0].i + 1]
    assert after.text == "“" and after.is_quote


def test_token_repr_and_str(blank):
    doc = blank("It's here.")
    assert repr(doc[0]) == f"Token('{doc[0].text}', i=0, idx=0)"
    assert str(doc[0]) == doc[0].text
    assert repr(doc) == "Doc(\"It's here.\", tokens=%d, sents=1, ents=0, quotes=0)" % len(doc)
    long = blank("word " * 100)
    assert repr(long).startswith("Doc('word word") and "…" in repr(long)


def test_doc_json_and_dict_round_trip(blank):
    for text in TRICKY:
        doc = blank(text)
        js = doc.to_json()
        assert json.loads(js) == doc.to_dict()
        assert doc.to_dict()["schema"] == "newsdesk.doc/1"
        back = newsdesk.Doc.from_json(js)
        assert back == doc and back.to_json() == js
        assert newsdesk.Doc.from_dict(doc.to_dict()) == doc


def test_entity_spans_and_token_entity_attributes(blank):
    doc = newsdesk.Doc.from_dict(annotated_doc_dict(blank))
    jane, acme = doc.ents
    assert (jane.text, jane.label_, jane.score) == ("Jane Smith", "PERSON", pytest.approx(0.93))
    assert (acme.text, acme.label_) == ("Acme Corp.", "ORG")
    assert jane.text == doc.text[jane.start_char : jane.end_char]
    assert [t.text for t in jane] == ["Jane", "Smith"]
    assert [t.ent_iob_ for t in jane] == ["B", "I"]
    assert jane[0].ent_type_ == "PERSON" and doc[0].ent_type_ == "" and doc[0].ent_iob_ == "O"
    assert repr(acme) == "Span('Acme Corp.', start=%d, end=%d, label='ORG', score=0.810)" % (acme.start, acme.end)
    sent = doc.sents[0]
    assert [e.text for e in sent.ents] == ["Jane Smith", "Acme Corp."]
    assert doc.sents[1].ents == ()


def test_quote_and_speaker_views(blank):
    doc = newsdesk.Doc.from_dict(annotated_doc_dict(blank))
    q1, q2 = doc.quotes
    assert q1.text == "We will win," and q2.text == "Soon."
    assert q1.span.text == q1.text == doc.text[q1.start_char : q1.end_char]
    assert [t.text for t in q1.span] == ["We", "will", "win", ","]
    assert q1.i == 0 and q2.i == 1 and q1.doc is doc
    assert q1.cue.text == "said" and q2.cue.text == "added"
    s1, s2 = q1.speaker, q2.speaker
    assert s1.name == s2.name == "Jane Smith"
    assert s1.mention.text == "Jane Smith" and s2.mention.text == "She"
    assert s1.label == "PERSON" and s1.entity == doc.ents[0]
    assert str(s1) == "Jane Smith"
    assert repr(q1) == "Quote('We will win,', speaker='Jane Smith')"
    assert repr(s1) == "Speaker('Jane Smith', label='PERSON')"


def test_stored_stances(blank):
    doc = newsdesk.Doc.from_dict(annotated_doc_dict(blank))
    assert doc.claims == ["Acme will win"]
    (st,) = doc.stances()
    assert st.claim == "Acme will win" and st.label == "agree"
    assert st.scores == pytest.approx({"agree": 0.7, "disagree": 0.1, "discuss": 0.15, "unrelated": 0.05})
    (sp,) = st.speakers
    assert (sp.speaker, sp.quotes, sp.label) == ("Jane Smith", [0, 1], "agree")
    assert repr(st).startswith("ClaimStance(claim='Acme will win', label='agree', scores={'agree': 0.700")
