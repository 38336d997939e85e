"""Stance through the binding: nlp.stance, the batch form, doc.stance(s).
Skips until the pipeline has the stance component."""

import pytest

import newsdesk
from conftest import assert_runs_without_gil, grow_until_slow, load_or_skip

LABELS = {"agree", "disagree", "discuss", "unrelated"}


@pytest.fixture(scope="module")
def nlp():
    return load_or_skip(needs=("stance",))


def check(st):
    assert set(st.scores) == LABELS
    assert sum(st.scores.values()) == pytest.approx(1.0, abs=1e-4)
    assert st.label == max(st.scores, key=st.scores.get)


def test_stance_of_a_text(nlp, seed_text, seed_gold):
    for c in seed_gold["claims"]:
        st = nlp.stance(c["claim"], seed_text)
        assert isinstance(st, newsdesk.Stance)
        check(st)
    apple = next(c["claim"] for c in seed_gold["claims"] if c["stance"] == "unrelated")
    assert nlp.stance(apple, seed_text).label == "unrelated"
    first = seed_gold["claims"][0]["claim"]
    assert nlp.stance(first, seed_text).label != "unrelated"


def test_batch_equals_one_by_one(nlp, seed_text, seed_gold):
    pairs = [(c["claim"], seed_text) for c in seed_gold["claims"]] * 5
    batch = nlp.stance_batch(pairs, n_threads=2)
    assert len(batch) == len(pairs)
    for st, (claim, text) in zip(batch, pairs):
        one = nlp.stance(claim, text)
        assert st.label == one.label
        assert st.scores == pytest.approx(one.scores)


def test_batch_releases_the_gil(nlp, seed_text):
    run = lambda pairs: nlp.stance_batch(pairs, n_threads=1)
    pairs = grow_until_slow(run, [("The EU and the US will hold cyber talks", seed_text)] * 8)
    assert_runs_without_gil(lambda: run(pairs))


def test_doc_stance_and_per_speaker(nlp, seed_text, seed_gold):
    doc = nlp(seed_text)
    claims = [c["claim"] for c in seed_gold["claims"]]
    results = doc.stances(claims)
    assert [r.claim for r in results] == claims
    speakers = {q.speaker.name for q in doc.quotes if q.speaker}
    for r in results:
        check(r)
        for s in r.speakers:
            check(s)
            assert s.speaker in speakers
            assert s.quotes and all(0 <= i < len(doc.quotes) for i in s.quotes)
            assert all(doc.quotes[i].speaker.name == s.speaker for i in s.quotes)
    one = doc.stance(claims[0])
    assert one == results[0]


def test_claims_at_processing_time_are_stored(nlp, seed_text, seed_gold):
    claims = [c["claim"] for c in seed_gold["claims"][:2]]
    doc = nlp(seed_text, claims=claims)
    assert doc.claims == claims
    assert doc.stances() == nlp(seed_text).stances(claims)
    back = newsdesk.Doc.from_json(doc.to_json())
    assert back.stances() == doc.stances()
    piped = list(nlp.pipe([seed_text], claims=claims))
    assert piped[0].stances() == doc.stances()


def test_docs_from_json_use_the_default_pipeline(nlp, seed_text):
    doc = newsdesk.Doc.from_json(nlp(seed_text).to_json())
    check(doc.stance("The EU and the US will hold talks on cyber issues"))


def test_stance_needs_a_stance_component():
    with pytest.raises(ValueError, match="no stance component"):
        newsdesk.blank().stance("claim", "text")


@pytest.mark.parametrize("text", ["", "   ", "\n\t \u00a0\n"])
def test_a_document_without_words_is_unrelated_to_every_claim(nlp, text):
    claims = ["Taxes will rise", "The minister resigned"]
    doc = nlp(text, claims=claims)
    assert [s.label for s in doc.stances()] == ["unrelated", "unrelated"]
    assert all(s.scores["unrelated"] == 1.0 for s in doc.stances())
    assert nlp.stance(claims[0], text).label == "unrelated"
    assert [s.label for s in nlp.stance_batch([(c, text) for c in claims])] == ["unrelated"] * 2


@pytest.mark.parametrize("claim", ["", "   ", "\t\n"])
def test_a_blank_claim_is_a_value_error_naming_it(nlp, seed_text, claim):
    with pytest.raises(ValueError, match="claim 2 is empty or whitespace only"):
        nlp(seed_text, claims=["Taxes will rise", claim])
    with pytest.raises(ValueError, match="claim 2 is empty"):
        list(nlp.pipe([seed_text], claims=["Taxes will rise", claim]))
    with pytest.raises(ValueError, match="claim 1 is empty"):
        nlp.stance(claim, seed_text)
    with pytest.raises(ValueError, match="claim 2 is empty"):
        nlp.stance_batch([("Taxes will rise", seed_text), (claim, seed_text)])
    doc = nlp(seed_text)
    with pytest.raises(ValueError, match="claim 1 is empty"):
        doc.stance(claim)
    with pytest.raises(ValueError, match="claim 2 is empty"):
        doc.stances(["Taxes will rise", claim])


def test_rendered_html_shows_the_stances_of_article_and_speakers(nlp, seed_text, seed_gold):
    claims = [c["claim"] for c in seed_gold["claims"][:2]]
    doc = nlp(seed_text, claims=claims)
    html = newsdesk.render(doc)
    assert html.count('class="nd-claim"') == len(claims)
    for st in doc.stances():
        assert f'nd-stance nd-{st.label}"' in html
        for sp in st.speakers:
            assert sp.speaker.replace("&", "&amp;") in html
    assert doc._repr_html_() == html
    assert 'class="nd-claim"' not in newsdesk.render(nlp(seed_text))
