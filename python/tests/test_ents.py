"""Entities: doc.ents through the binding, the shipped models, patterns, load(path).
Tests that need a trained model skip until the pipeline has one."""

import pickle

import pytest

import newsdesk
from conftest import REPO, load_or_skip

ONTONOTES = {
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
    "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
}
CONLL = {"PER", "LOC", "ORG", "MISC"}


def check_ents(doc, labels):
    """The spans agree with the Rust layer and with each other."""
    raw = doc.to_dict()["ents"]
    assert len(doc.ents) == len(raw)
    last_end = 0
    for e, r in zip(doc.ents, raw):
        assert (e.start, e.end, e.start_char, e.end_char, e.label_) == (
            r["start"], r["end"], r["start_char"], r["end_char"], r["label"])
        assert e.score == pytest.approx(r["score"]) and 0.0 <= e.score <= 1.0
        assert e.text == doc.text[e.start_char : e.end_char]
        assert e.label_ in labels
        assert e.start >= last_end, "entities overlap or are out of order"
        last_end = e.end
        tokens = list(e)
        assert [t.ent_iob_ for t in tokens] == ["B"] + ["I"] * (len(tokens) - 1)
        assert all(t.ent_type_ == e.label_ for t in tokens)
        assert not any(t.is_debris for t in tokens)


@pytest.fixture(scope="module")
def nlp():
    return load_or_skip(needs=("ner",))


def test_seed_entities(nlp, seed_text, seed_gold):
    doc = nlp(seed_text)
    check_ents(doc, ONTONOTES)
    # The binding hands over the model's entities (its accuracy is measured by the Rust e2e
    # tests); a broken hand-over (offsets, labels) would lose most gold matches.
    predicted = {(e.text, e.label_) for e in doc.ents}
    found = [
        g for g in seed_gold["entities"]
        if any((text, g["label"]) in predicted for text in [g["text"], *g.get("also_accept", [])])
    ]
    assert len(found) >= 12, f"found {len(found)} of {len(seed_gold['entities'])}: {sorted(predicted)}"


def test_conll_model(seed_text):
    nlp = load_or_skip("conll", needs=("ner",))
    doc = nlp(seed_text)
    check_ents(doc, CONLL)
    assert ("Christopher Painter", "PER") in {(e.text, e.label_) for e in doc.ents}


def test_load_from_a_model_file_path(seed_text):
    path = REPO / "crates" / "newsdesk-ner" / "models" / "conll.bin"
    if not path.is_file():
        pytest.skip(f"SKIPPED: no model file at {path}")
    by_name = load_or_skip("conll", needs=("ner",))
    by_path = newsdesk.load(path)
    assert by_path.name == str(path)
    assert "ner" in by_path.pipe_names
    assert by_path(seed_text).to_dict()["ents"] == by_name(seed_text).to_dict()["ents"]


def test_patterns_on_a_blank_pipeline():
    nlp = newsdesk.blank()
    before = nlp("The State Department bought an IPHONE 15 for the state.")
    added = nlp.add_patterns(
        [
            {"label": "ORG", "pattern": "State Department"},
            {"label": "GPE", "pattern": "state", "case_sensitive": False},
            {"label": "PRODUCT", "pattern": [{"lower": "iphone"}, {"regex": "^[0-9]+$"}]},
        ]
    )
    assert added == 3
    assert "entity_ruler" in nlp.pipe_names
    doc = nlp("The State Department bought an IPHONE 15 for the state.")
    check_ents(doc, {"ORG", "GPE", "PRODUCT"})
    assert [(e.text, e.label_, e.score) for e in doc.ents] == [
        ("State Department", "ORG", 1.0),
        ("IPHONE 15", "PRODUCT", 1.0),
        ("state", "GPE", 1.0),
    ]
    assert before.ents == ()  # docs made earlier keep what they had
    # the patterns travel with the pipeline
    again = pickle.loads(pickle.dumps(nlp))
    assert again("the state").ents[0].label_ == "GPE"
    assert newsdesk.Pipeline.from_bytes(nlp.to_bytes())("State Department").ents[0].label_ == "ORG"


def test_patterns_win_over_the_model(seed_text):
    nlp = load_or_skip(needs=("ner",))
    nlp.add_patterns([{"label": "EVENT", "pattern": "cyber dialogue"}])
    doc = nlp(seed_text)
    check_ents(doc, ONTONOTES)
    hits = [e for e in doc.ents if e.text == "cyber dialogue"]
    assert hits and all(e.label_ == "EVENT" and e.score == 1.0 for e in hits)


@pytest.mark.parametrize(
    "patterns, message",
    [
        ([{"label": "X", "pattern": [{"regex": "("}]}], "pattern 0: bad regex"),
        ([{"label": "X", "pattern": "ok"}, {"label": "X", "patern": "typo"}], r"patterns\[1\]"),
        ([{"pattern": "no label"}], r"patterns\[0\]"),
    ],
)
def test_bad_patterns_are_value_errors(patterns, message):
    nlp = newsdesk.blank()
    with pytest.raises(ValueError, match=message):
        nlp.add_patterns(patterns)
    assert nlp.pipe_names == ["tokenizer", "sentences"]  # nothing half-added
