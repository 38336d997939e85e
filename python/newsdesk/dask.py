"""Annotate a dask DataFrame text column into the four tables, one pipeline per worker process.

>>> import dask.dataframe as dd, newsdesk, newsdesk.dask    # doctest: +SKIP
>>> df = dd.read_parquet("articles.parquet")                # doctest: +SKIP
>>> tables = newsdesk.dask.annotate(df, "body", newsdesk.load(), claims=["…"])  # doctest: +SKIP
>>> tables["entities"].groupby("label").size().compute()    # doctest: +SKIP

Each partition is annotated once (``nlp.pipe``) and split into the tables of
:func:`newsdesk.to_pandas`; ``doc_id`` is the row's (integer) index label in
``df``. The pipeline travels as its bytes (a few hundred bytes for the shipped
models) and each worker process builds it once and keeps it
(:mod:`newsdesk._partition`, shared with :mod:`newsdesk.spark`). Needs
``pip install 'newsdesk[arrow]' 'dask[distributed,dataframe]'``.
"""

import operator
from typing import Any, Dict, Iterable, Optional

from . import _partition


def _partition_tables(
    part: Any, text: str, data: bytes, claims: Optional[list], batch_size: int, n_threads: Optional[int]
) -> Dict[str, Any]:
    tables = _partition.annotate(
        part[text].tolist(),
        part.index.to_numpy(),
        data,
        engine="dask",
        claims=claims,
        batch_size=batch_size,
        n_threads=n_threads,
    )
    return {name: table.to_pandas() for name, table in tables.items()}


def annotate(
    df: Any,
    text: str,
    nlp: Any,
    *,
    claims: Optional[Iterable[str]] = None,
    batch_size: int = 256,
    n_threads: Optional[int] = None,
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
        dask.delayed(_partition_tables)(p, text, data, claims, batch_size, n_threads)
        for p in df.to_delayed()
    ]
    meta = {name: schema.empty_table().to_pandas() for name, schema in _partition.schemas().items()}
    return {
        name: dd.from_delayed(
            [dask.delayed(operator.getitem)(p, name) for p in parts],
            meta=frame,
            verify_meta=False,
        )
        for name, frame in meta.items()
    }
