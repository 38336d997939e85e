"""scripts/quotes_standoff.py: the speaker agreement between two annotations, and the system's
cross-validated choices scored against both, as newsdesk scores speakers."""

import importlib.util
import json

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def standoff():
    spec = importlib.util.spec_from_file_location("quotes_standoff", REPO / "scripts" / "quotes_standoff.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_name_is_right_when_it_is_one_of_the_annotated_strings(standoff):
    q = {"speaker": "Jane Doe", "speaker_also": ["Doe", "the aunt"]}
    assert standoff.names_right(q, "jane doe")
    assert standoff.names_right(q, "The aunt")
    assert not standoff.names_right(q, "John Doe")
    assert not standoff.names_right(q, None)
    nobody = {"speaker": None, "speaker_also": []}
    assert standoff.names_right(nobody, None)
    assert not standoff.names_right(nobody, "Doe")


def test_agreement_counts_both_directions_and_the_system(standoff, tmp_path, monkeypatch):
    text = 'Jane Doe, his aunt, said: "We are heartbroken." Doe added: "He was kind to all."'
    span = lambda s, after=0: [text.index(s, after), text.index(s, after) + len(s)]
    (q1, q1_end), (q2, q2_end) = span("We are heartbroken."), span("He was kind to all.")
    record = {
        "id": "fnc1-train-1",
        "quotes": [
            {"start": q1, "end": q1_end, "speaker": span("Jane Doe"), "speaker_also": [span("Doe", 9)], "cue": None},
            {"start": q2, "end": q2_end, "speaker": span("his aunt"), "speaker_also": [], "cue": None},
        ],
    }
    monkeypatch.setattr(standoff, "joined", lambda data, path: iter([(record, text)]))
    gold = tmp_path / "gold.jsonl"
    gold_quotes = [
        {"start": q1, "end": q1_end, "speaker": "Jane Doe", "speaker_also": ["Doe"]},
        {"start": q2, "end": q2_end, "speaker": "Jane Doe", "speaker_also": ["Doe"]},
    ]
    gold.write_text(json.dumps({"id": "fnc1-train-1", "text": text, "quotes": gold_quotes}) + "\n")
    cands = tmp_path / "cands.jsonl"
    chosen = {"id": "fnc1-train-1", "start": q1, "end": q1_end, "candidates": [
        {"name": None, "score": 0.1}, {"name": "Doe", "score": 2.0}]}
    cands.write_text(json.dumps(chosen) + "\n")
    counts = standoff.agree("DATA", "second.jsonl", gold, cands)
    # The second reader names the aunt by a string the gold annotation does not list, so each
    # side is right by the other once; the system chose `Doe` for the first quotation (right by
    # both) and was never scored on the second.
    expected = {
        "quotations": 2,
        "second_right_by_gold": 1,
        "gold_right_by_second": 1,
        "system_right_by_gold": 1,
        "system_right_by_second": 1,
        "system_missed": 1,
    }
    assert counts == {"all": expected, "fnc1": expected}
    record["quotes"].append({"start": 0, "end": 4, "speaker": None, "speaker_also": [], "cue": None})
    with pytest.raises(SystemExit, match="is not in"):
        standoff.agree("DATA", "second.jsonl", gold)


def test_a_dumped_quotation_trimmed_differently_still_stands_for_its_annotation(standoff, tmp_path, monkeypatch):
    text = 'Doe said: "We are heartbroken." '
    start = text.index("We")
    record = {"id": "fnc1-train-2", "quotes": [
        {"start": start, "end": start + 19, "speaker": [0, 3], "speaker_also": [], "cue": None}]}
    monkeypatch.setattr(standoff, "joined", lambda data, path: iter([(record, text)]))
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "fnc1-train-2", "text": text, "quotes": [
        {"start": start, "end": start + 19, "speaker": "Doe", "speaker_also": []}]}) + "\n")
    cands = tmp_path / "cands.jsonl"
    # the rules' span without the closing period
    cands.write_text(json.dumps({"id": "fnc1-train-2", "start": start, "end": start + 18,
                                 "candidates": [{"name": "Doe", "score": 1.0}]}) + "\n")
    counts = standoff.agree("DATA", "second.jsonl", gold, cands)
    assert counts["all"]["system_right_by_gold"] == 1
    assert counts["all"]["system_missed"] == 0
