"""Quotes and speakers through the binding, on the seed article.
Skips until the pipeline has the quotes component."""

import pytest

import newsdesk
from conftest import load_or_skip


@pytest.fixture(scope="module")
def nlp():
    return load_or_skip(needs=("quotes",))


@pytest.fixture(scope="module")
def seed_doc(nlp, seed_text):
    return nlp(seed_text)


def test_seed_quotes_spans_speakers_and_cues(seed_doc, seed_gold):
    got = seed_doc.quotes
    assert len(got) == len(seed_gold["quotes"])
    for q, g in zip(got, seed_gold["quotes"]):
        assert (q.start_char, q.end_char, q.text) == (g["start"], g["end"], g["text"])
        assert q.speaker is not None
        names = {n.lower() for n in [g["speaker"], *g.get("speaker_also", [])]}
        assert q.speaker.name.lower() in names, (q.speaker.name, names)
        assert q.cue is not None and q.cue.text == g["cue"]


def test_quote_views_agree_with_the_json(seed_doc):
    raw = seed_doc.to_dict()["quotes"]
    for i, (q, r) in enumerate(zip(seed_doc.quotes, raw)):
        assert q.i == i
        assert q.span.text == q.text == seed_doc.text[r["start_char"] : r["end_char"]]
        assert q.span.start_char == q.start_char and q.span.end_char == q.end_char
        s = q.speaker
        assert s.name == r["speaker"]["name"] and s.label == r["speaker"]["label"]
        m = r["speaker"]["mention"]
        assert s.mention.text == seed_doc.text[m["start_char"] : m["end_char"]]
        if r["speaker"]["entity"] is not None:
            assert s.entity == seed_doc.ents[r["speaker"]["entity"]]
        # the default pipeline's learned ranker says how sure it is of each speaker
        assert q.speaker_score == pytest.approx(r["speaker_score"])
        assert 0.0 < q.speaker_score <= 1.0


def test_painter_resolves_to_the_full_name(seed_doc):
    painter = [q.speaker for q in seed_doc.quotes[1:]]
    assert {s.name for s in painter} == {"Christopher Painter"}
    assert {s.mention.text for s in painter} >= {"Painter"}


def test_quotes_and_speakers_in_html(seed_doc):
    html = newsdesk.render(seed_doc)
    assert html.count('class="nd-quote"') >= 4
    for q in seed_doc.quotes:
        label = f" ({q.speaker.label})" if q.speaker.label else ""
        assert f"— {q.speaker.name}{label}</span>" in html
