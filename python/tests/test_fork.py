"""After os.fork, a child must be able to process documents without waiting
forever on rayon threads that did not survive the fork. Each scenario runs in
a fresh interpreter with a timeout."""

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

CHILD_WORK = """
import os, sys, newsdesk
from newsdesk import _newsdesk
nlp = newsdesk.blank()
texts = [f"Doc {i}. It has words." for i in range(200)]
expected = [nlp.make_doc(t).to_json() for t in texts]

def child_check():
    docs = [d.to_json() for d in nlp.pipe(texts, batch_size=16)]
    docs2 = [d.to_json() for d in nlp.pipe(texts, batch_size=16, n_threads=2)]
    ok = docs == expected and docs2 == expected
    return ok

def fork_and_check(expect_forked):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        ok = child_check() and _newsdesk._is_forked_child() == expect_forked
        os.write(w, b"ok" if ok else b"bad")
        os._exit(0)
    os.close(w)
    out = os.read(r, 16)
    os.waitpid(pid, 0)
    assert out == b"ok", out
"""


def run(script, tmp_path):
    path = tmp_path / "scenario.py"
    path.write_text(textwrap.dedent(CHILD_WORK) + textwrap.dedent(script))
    proc = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_child_after_parallel_batches_runs_sequentially(tmp_path):
    out = run(
        """
        list(nlp.pipe(texts, batch_size=8))              # parent uses the worker threads
        list(nlp.pipe(texts, batch_size=8, n_threads=2))
        fork_and_check(expect_forked=True)
        assert [d.to_json() for d in nlp.pipe(texts)] == expected   # parent still parallel and fine
        assert not _newsdesk._is_forked_child()
        print("done")
        """,
        tmp_path,
    )
    assert out.strip() == "done"


def test_child_forked_before_any_parallel_use_may_use_threads(tmp_path):
    out = run(
        """
        fork_and_check(expect_forked=False)
        print("done")
        """,
        tmp_path,
    )
    assert out.strip() == "done"


def test_multiprocessing_fork_pool_with_pipeline(tmp_path):
    out = run(
        """
        import multiprocessing as mp
        list(nlp.pipe(texts))
        def work(t):
            return [d.text for d in nlp.pipe([t, t.upper()])]
        with mp.get_context("fork").Pool(2) as pool:
            got = pool.map(work, texts[:20])
        assert got == [[t, t.upper()] for t in texts[:20]]
        print("done")
        """,
        tmp_path,
    )
    assert out.strip() == "done"


def test_spawned_workers_get_a_pickled_pipeline(tmp_path):
    out = run(
        """
        import multiprocessing as mp
        from functools import partial
        def count(nlp, t):
            return len(nlp(t))
        if __name__ == "__main__":
            with mp.get_context("spawn").Pool(2) as pool:
                got = pool.map(partial(count, nlp), texts[:10])
            assert got == [len(nlp(t)) for t in texts[:10]]
            print("done")
        """,
        tmp_path,
    )
    assert out.strip() == "done"
