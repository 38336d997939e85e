"""One partition of texts into the four tables, with one pipeline per worker process.

The building block of :mod:`newsdesk.dask` and :mod:`newsdesk.spark`: the
pipeline travels to the workers as its bytes (``Pipeline.to_bytes``, a few
hundred bytes for the shipped models) and each worker process builds it once,
keyed by the sha256 of those bytes, and keeps it for every later partition.
"""

import hashlib
from typing import Any, Dict, List, Optional, Sequence

from . import _newsdesk
from .tables import to_arrow

# One pipeline per worker process, by the sha256 of its bytes.
PIPELINES: Dict[str, _newsdesk.Pipeline] = {}


def pipeline(data: bytes, engine: str) -> _newsdesk.Pipeline:
    """The pipeline of ``data``, built on the first call in this process and kept."""
    key = hashlib.sha256(data).hexdigest()
    if key not in PIPELINES:
        PIPELINES[key] = _newsdesk.Pipeline.from_bytes(data, engine)
    return PIPELINES[key]


def annotate(
    texts: Sequence[Any],
    doc_ids: Any,
    data: bytes,
    *,
    engine: str,
    claims: Optional[List[str]],
    batch_size: int,
    n_threads: Optional[int],
) -> Dict[str, Any]:
    """The four tables (``pyarrow.Table``s) of ``texts``; ``doc_id`` is ``doc_ids[i]`` (int64) for ``texts[i]``."""
    import pyarrow as pa  # the engines' callers have checked that it is installed

    ids = pa.array(doc_ids, pa.int64())
    if ids.null_count:
        raise ValueError(f"newsdesk.{engine}: doc_id is null for {ids.null_count} of {len(ids)} texts")
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"newsdesk.{engine}: the text of doc_id {ids[i]} is {type(text).__name__}, not str")
    nlp = pipeline(data, engine)
    return _with_ids(to_arrow(nlp.pipe(texts, claims=claims, batch_size=batch_size, n_threads=n_threads)), ids)


def schemas() -> Dict[str, Any]:
    """The ``pyarrow.Schema`` of each table :func:`annotate` returns."""
    import pyarrow as pa

    return {name: table.schema for name, table in _with_ids(to_arrow([]), pa.array([], pa.int64())).items()}


def _with_ids(tables: Dict[str, Any], ids: Any) -> Dict[str, Any]:
    """``tables`` with each ``doc_id`` (a position in ``ids``) replaced by ``ids[doc_id]``."""
    import pyarrow as pa

    out = {}
    for name, table in tables.items():
        i = table.schema.get_field_index("doc_id")
        field = table.schema.field(i).with_type(pa.int64())
        out[name] = table.set_column(i, field, ids.take(table.column(i)))
    return out
