"""One partition of texts into the tables, with one pipeline per worker process.

The building block of :mod:`newsdesk.dask` and :mod:`newsdesk.spark`: the
pipeline travels to the workers as its bytes (``Pipeline.to_bytes``, a few
hundred bytes for the shipped models) and each worker process builds it once,
keyed by the sha256 of those bytes, and keeps it for every later partition.

A bad record (a null or non-``str`` text, or a text the pipeline refuses, such
as one with a lone surrogate) never fails the partition and is never dropped:
it becomes a row of the ``errors`` table (doc_id, source, error), as with the
command line, unless ``errors="raise"``.
"""

import hashlib
import math
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import _newsdesk
from .tables import to_arrow

# One pipeline per worker process, by the sha256 of its bytes.
PIPELINES: Dict[str, _newsdesk.Pipeline] = {}

# What a helper does with a bad record: a row of the errors table, or an exception.
ERRORS = ("collect", "raise")


def pipeline(data: bytes, engine: str) -> _newsdesk.Pipeline:
    """The pipeline of ``data``, built on the first call in this process and kept."""
    key = hashlib.sha256(data).hexdigest()
    if key not in PIPELINES:
        PIPELINES[key] = _newsdesk.Pipeline.from_bytes(data, engine)
    return PIPELINES[key]


def check_errors(errors: str, engine: str) -> str:
    if errors not in ERRORS:
        raise ValueError(f"newsdesk.{engine}: errors must be one of {ERRORS}, not {errors!r}")
    return errors


def annotate(
    texts: Sequence[Any],
    doc_ids: Any,
    data: bytes,
    *,
    engine: str,
    claims: Optional[List[str]],
    batch_size: int,
    n_threads: Optional[int],
    sources: Optional[Sequence[Any]] = None,
    fields: Optional[Sequence[Any]] = None,
    errors: str = "collect",
) -> Dict[str, Any]:
    """The tables (``pyarrow.Table``s: docs, entities, quotes, stances, errors) of ``texts``.

    ``doc_id`` is ``doc_ids[i]`` (int64) for ``texts[i]`` and ``source`` is
    ``sources[i]`` (as ``str``; null without ``sources``); ``fields[i]`` (a
    dict of the row's other columns, or None) goes to ``docs.fields`` as JSON.
    Every text gives one row of ``docs`` or one row of ``errors``.
    """
    import pyarrow as pa  # the engines' callers have checked that it is installed

    ids = pa.array(doc_ids, pa.int64())
    if ids.null_count:
        raise ValueError(f"newsdesk.{engine}: doc_id is null for {ids.null_count} of {len(ids)} texts")
    src = pa.array([None] * len(ids) if sources is None else [None if s is None else str(s) for s in sources], pa.string())
    good: List[int] = []
    bad: List[Tuple[int, str]] = []
    for i, text in enumerate(texts):
        why = _not_text(text)
        if why is None:
            good.append(i)
        elif errors == "raise":
            raise TypeError(f"newsdesk.{engine}: the text of doc_id {ids[i]} {why}")
        else:
            bad.append((i, f"text {why}"))
    nlp = pipeline(data, engine)

    def run(chunk: List[str]) -> List[Any]:
        return list(nlp.pipe(chunk, claims=claims, batch_size=batch_size, n_threads=n_threads))

    try:
        docs = run([texts[i] for i in good])
    except Exception:
        if errors == "raise":
            raise
        # One text the pipeline refuses: annotate one at a time to find which.
        docs, ok = [], []
        for i in good:
            try:
                docs += run([texts[i]])
                ok.append(i)
            except Exception as e:  # noqa: BLE001 -- any refusal is that record's error
                bad.append((i, f"{type(e).__name__}: {e}"))
        good = ok
    keep = pa.array(good, pa.int64())
    pairs = docs if fields is None else list(zip(docs, (fields[i] for i in good)))
    tables = _renumbered(to_arrow(pairs), ids.take(keep), src.take(keep))
    bad.sort()
    rows = pa.array([i for i, _ in bad], pa.int64())
    tables["errors"] = pa.table(
        {"doc_id": ids.take(rows), "source": src.take(rows), "error": pa.array([w for _, w in bad], pa.string())},
        schema=errors_schema(tables["docs"].schema.metadata),
    )
    return tables


def _not_text(text: Any) -> Optional[str]:
    """Why ``text`` cannot be annotated (completing "the text …"), or None for a ``str``."""
    if isinstance(text, str):
        return None
    if text is None or (isinstance(text, float) and math.isnan(text)) or type(text).__name__ == "NAType":
        return "is null (a missing value)"
    return f"is {type(text).__name__}, not str"


def errors_schema(metadata: Any) -> Any:
    """The ``errors`` table's schema, as the command line writes it (``newsdesk.tables/1``)."""
    import pyarrow as pa

    fields = [("doc_id", pa.int64()), ("source", pa.string()), ("error", pa.string())]
    return pa.schema([pa.field(n, t, nullable=n == "source") for n, t in fields], metadata=metadata)


def schemas() -> Dict[str, Any]:
    """The ``pyarrow.Schema`` of each table :func:`annotate` returns."""
    import pyarrow as pa

    none = pa.array([], pa.int64())
    tables = _renumbered(to_arrow([]), none, pa.array([], pa.string()))
    out = {name: table.schema for name, table in tables.items()}
    out["errors"] = errors_schema(out["docs"].metadata)
    return out


def _renumbered(tables: Dict[str, Any], ids: Any, sources: Any) -> Dict[str, Any]:
    """``tables`` with each ``doc_id`` (a position in ``ids``) replaced by ``ids[doc_id]``, and ``docs.source`` by ``sources``."""
    import pyarrow as pa

    out = {}
    for name, table in tables.items():
        i = table.schema.get_field_index("doc_id")
        field = table.schema.field(i).with_type(pa.int64())
        at = table.column(i)
        table = table.set_column(i, field, ids.take(at))
        if name == "docs":
            s = table.schema.get_field_index("source")
            table = table.set_column(s, table.schema.field(s), sources.take(at))
        out[name] = table
    return out
