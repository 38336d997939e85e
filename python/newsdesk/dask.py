"""Annotate a dask DataFrame text column into the four tables, one pipeline per worker process.

>>> import dask.dataframe as dd, newsdesk, newsdesk.dask    # doctest: +SKIP
>>> df = dd.read_parquet("articles.parquet")                # doctest: +SKIP
>>> tables = newsdesk.dask.annotate(df, "body", newsdesk.load(), claims=["…"])  # doctest: +SKIP
>>> tables["entities"].groupby("label").size().compute()    # doctest: +SKIP

Each partition is annotated once (``nlp.pipe``) and split into the tables of
:func:`newsdesk.to_pandas`; ``doc_id`` is the row's (integer) index label in
``df``. The pipeline travels as its bytes (a few hundred bytes for the shipped
models) and each worker process builds it once and keeps it. Needs
``pip install 'newsdesk[arrow]' 'dask[distributed,dataframe]'``.
"""

import hashlib
import operator
from typing import Any, Dict, Iterable, Optional

from . import _newsdesk
from .tables import to_pandas

# One pipeline per worker process, by the sha256 of its bytes.
_PIPELINES: Dict[str, Any] = {}


def _pipeline(data: bytes) -> Any:
    key = hashlib.sha256(data).hexdigest()
    if key not in _PIPELINES:
        _PIPELINES[key] = _newsdesk.Pipeline.from_bytes(data, "dask")
    return _PIPELINES[key]


def _partition(part: Any, text: str, data: bytes, claims: Optional[list], batch_size: int) -> Dict[str, Any]:
    nlp = _pipeline(data)
    docs = list(nlp.pipe(part[text].tolist(), claims=claims, batch_size=batch_size))
    tables = to_pandas(docs)
    labels = part.index.to_numpy()
    for frame in tables.values():
        frame["doc_id"] = labels[frame["doc_id"].to_numpy()].astype("int64")
    return tables


def annotate(
    df: Any, text: str, nlp: Any, *, claims: Optional[Iterable[str]] = None, batch_size: int = 256
) -> Dict[str, Any]:
    """The four tables of ``df[text]`` as dask DataFrames: docs, entities, quotes, stances."""
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as e:
        raise ImportError("newsdesk.dask needs dask: pip install 'dask[distributed,dataframe]'") from e
    data = nlp.to_bytes()
    claims = None if claims is None else list(claims)
    parts = [
        dask.delayed(_partition)(p, text, data, claims, batch_size)
        for p in df.to_delayed()
    ]
    meta = to_pandas([])
    return {
        name: dd.from_delayed(
            [dask.delayed(operator.getitem)(p, name) for p in parts],
            meta=frame,
            verify_meta=False,
        )
        for name, frame in meta.items()
    }
