"""Shared fixtures. Tests that need ../shared/data (or $NEWSDESK_DATA) skip
with a message when it is absent; tests that need trained models skip until
the pipeline has them."""

import json
import os
import threading
import time
from pathlib import Path

import pytest

import newsdesk

REPO = Path(__file__).resolve().parents[2]


def data_dir():
    return Path(os.environ.get("NEWSDESK_DATA", REPO.parent / "shared" / "data"))


def data_file(rel):
    path = data_dir() / rel
    if not path.is_file():
        pytest.skip(f"SKIPPED: {rel} not found under {data_dir()} (set NEWSDESK_DATA)")
    return path


def load_or_skip(name=None, needs=()):
    """`newsdesk.load(name)`, skipping while the named model or component is not built yet."""
    try:
        nlp = newsdesk.load() if name is None else newsdesk.load(name)
    except ValueError as e:
        if "unknown pipeline" not in str(e):
            raise
        pytest.skip(f"SKIPPED: pipeline {name or 'default'!r} not in this build yet: {e}")
    missing = [c for c in needs if c not in nlp.pipe_names]
    if missing:
        pytest.skip(f"SKIPPED: pipeline {nlp.name!r} has no {missing} component yet")
    return nlp


@pytest.fixture(scope="session")
def blank():
    return newsdesk.blank()


@pytest.fixture(scope="session")
def seed_text():
    return data_file("news/seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold():
    return json.loads(data_file("news/seed.gold.json").read_text(encoding="utf-8"))


TRICKY = [
    "",
    "   ",
    "\n\nLeading blank lines.\n",
    "The U.S. and EU met in Washington, D.C. on Monday.",
    "Café “quoted” — naïve 😀 end… ‘single’ and ‘Wild West” mixed.",
    "{mosads}“It’s fine,” she said.\u200b Done &amp; dusted <b>bold</b>.",
    "Tabs\tand\r\nwindows newlines\u00a0nbsp.",
    "e-mail me at a.b@example.com or see https://example.org/x?y=1 #news @handle",
    "x" * 1000,
]


def annotated_doc_dict(nlp):
    """A doc made by `nlp` plus hand-written entity, quote and stance layers
    (lets the binding's accessors be tested without trained models)."""
    text = "“We will win,” said Jane Smith of Acme Corp. She added: “Soon.”"
    d = nlp.make_doc(text).to_dict()
    tokens = d["tokens"]

    def tok_range(a, b):
        s = next(i for i, t in enumerate(tokens) if t["char_start"] == a)
        e = next(i for i, t in enumerate(tokens) if t["char_end"] == b) + 1
        return s, e

    jane = (text.index("Jane"), text.index(" of"))
    acme = (text.index("Acme"), text.index("Corp.") + len("Corp."))
    ents = []
    for (a, b), label, score in [(jane, "PERSON", 0.93), (acme, "ORG", 0.81)]:
        s, e = tok_range(a, b)
        ents.append(dict(start=s, end=e, start_char=a, end_char=b, label=label, score=score, source="model"))
    q1 = (text.index("We"), text.index("”"))
    q2 = (text.index("Soon"), text.rindex("”"))
    said = (text.index("said"), text.index("said") + 4)
    added = (text.index("added"), text.index("added") + 5)
    she = (text.index("She"), text.index("She") + 3)
    speaker = lambda m: dict(name="Jane Smith", mention=dict(start_char=m[0], end_char=m[1]), entity=0, label="PERSON")
    d["ents"] = ents
    d["quotes"] = [
        dict(start_char=q1[0], end_char=q1[1], speaker=speaker(jane), cue=dict(start_char=said[0], end_char=said[1])),
        dict(start_char=q2[0], end_char=q2[1], speaker=speaker(she), cue=dict(start_char=added[0], end_char=added[1])),
    ]
    scores = {"agree": 0.7, "disagree": 0.1, "discuss": 0.15, "unrelated": 0.05}
    d["claims"] = ["Acme will win"]
    d["stances"] = [
        dict(
            claim="Acme will win",
            label="agree",
            scores=scores,
            speakers=[dict(speaker="Jane Smith", quotes=[0, 1], label="agree", scores=scores)],
        )
    ]
    return d


def assert_runs_without_gil(work):
    """Run `work()` (one long call into Rust) on a thread and check that this
    thread kept running in the middle third of it: the call released the GIL."""
    window = {}

    def timed():
        window["start"] = time.perf_counter()
        work()
        window["end"] = time.perf_counter()

    ticks = []
    worker = threading.Thread(target=timed)
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    start, end = window["start"], window["end"]
    third = (end - start) / 3
    middle = [t for t in ticks if start + third <= t <= end - third]
    assert middle, f"main thread never ran during {end - start:.3f}s of processing: GIL held"


def grow_until_slow(run, item, min_seconds=0.25, limit=1 << 27):
    """Double `item` (a str or list) until `run(item)` takes `min_seconds`."""
    while True:
        start = time.perf_counter()
        run(item)
        if time.perf_counter() - start >= min_seconds or len(item) > limit:
            return item
        item = item * 2
