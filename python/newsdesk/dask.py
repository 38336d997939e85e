"""Annotate a dask DataFrame text column into the tables, one pipeline per worker process.

>>> import dask.dataframe as dd, newsdesk, newsdesk.dask    # doctest: +SKIP
>>> df = dd.read_parquet("articles.parquet")                # doctest: +SKIP
>>> tables = newsdesk.dask.annotate(df, "body", newsdesk.load(), claims=["…"])  # doctest: +SKIP
>>> tables["entities"].groupby("label").size().compute()    # doctest: +SKIP

Each partition is annotated once (``nlp.pipe``) and split into the tables of
:func:`newsdesk.to_pandas` plus ``errors`` (doc_id, source, error): a null or
non-``str`` text is a row there, not a failed partition (``errors="raise"``
fails instead). ``doc_id`` is the row's (integer) index label in ``df``;
``source`` (in ``docs`` and ``errors``) the value of the ``source`` column, if
one is named. The pipeline travels as its bytes (a few hundred bytes for the shipped
models) and each worker process builds it once and keeps it
(:mod:`newsdesk._partition`, shared with :mod:`newsdesk.spark`). Needs
``pip install 'newsdesk[arrow]' 'dask[distributed,dataframe]'``.
"""

import json
import operator
from typing import Any, Dict, Iterable, List, Optional

from . import _partition


def _partition_tables(
    part: Any, text: str, data: bytes, source: Optional[str], fields: Optional[List[str]], options: Dict[str, Any]
) -> Dict[str, Any]:
    # pandas writes the JSON (dates as ISO 8601 text, NaN as null), as Spark does for newsdesk.spark.
    records = None if fields is None else json.loads(part[fields].to_json(orient="records", date_format="iso"))
    tables = _partition.annotate(
        part[text].tolist(),
        part.index.to_numpy(),
        data,
        engine="dask",
        sources=None if source is None else part[source].tolist(),
        fields=records,
        **options,
    )
    return {name: table.to_pandas() for name, table in tables.items()}


def annotate(
    df: Any,
    text: str,
    nlp: Any,
    *,
    claims: Optional[Iterable[str]] = None,
    source: Optional[str] = None,
    fields: Optional[Iterable[str]] = None,
    batch_size: int = 256,
    n_threads: Optional[int] = None,
    errors: str = "collect",
) -> Dict[str, Any]:
    """The tables of ``df[text]`` as dask DataFrames: docs, entities, quotes, stances, errors.

    ``errors="collect"`` makes each bad record a row of ``errors``;
    ``errors="raise"`` fails the partition at the first one, naming its doc_id.
    ``fields`` names columns whose values go to ``docs.fields`` as a JSON
    object (dates as ISO 8601 text, missing values as null).
    """
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as e:
        raise ImportError("newsdesk.dask needs dask: pip install 'dask[distributed,dataframe]'") from e
    data = nlp.to_bytes()
    options = {
        "claims": None if claims is None else list(claims),
        "batch_size": batch_size,
        "n_threads": n_threads,
        "errors": _partition.check_errors(errors, "dask"),
    }
    cols = None if fields is None else list(fields)
    parts = [dask.delayed(_partition_tables)(p, text, data, source, cols, options) for p in df.to_delayed()]
    meta = {name: schema.empty_table().to_pandas() for name, schema in _partition.schemas().items()}
    return {
        name: dd.from_delayed(
            [dask.delayed(operator.getitem)(p, name) for p in parts],
            meta=frame,
            verify_meta=False,
        )
        for name, frame in meta.items()
    }
