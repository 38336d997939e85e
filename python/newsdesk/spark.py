"""Annotate a Spark DataFrame text column into the tables, one pipeline per Python worker.

>>> import newsdesk, newsdesk.spark                                   # doctest: +SKIP
>>> df = spark.read.parquet("articles.parquet")                       # doctest: +SKIP
>>> tables = newsdesk.spark.annotate(df, "body", newsdesk.load(), doc_id="id", claims=["…"])  # doctest: +SKIP
>>> tables["entities"].groupBy("label").count().show()               # doctest: +SKIP

One ``mapInArrow`` pass annotates every text once: the executors' Python
workers receive Arrow batches of (text, doc_id), run ``nlp.pipe`` on slices of
``batch_size`` rows and send back the rows of :func:`newsdesk.to_arrow`, each
row filling one of five struct columns (docs, entities, quotes, stances,
errors: a null or non-string text is a row of ``errors``, doc_id, source and
error, not a failed task, unless ``errors="raise"``). That
result is persisted and each table is a filter and a select of it, so writing
all four tables annotates once. The pipeline travels as its bytes and each
Python worker process builds it once and keeps it (:mod:`newsdesk._partition`,
shared with :mod:`newsdesk.dask`). ``doc_id`` is the ``doc_id`` column cast to
long, or ``monotonically_increasing_id()`` (unique and increasing in row order,
not consecutive) when none is given; ``source`` (in ``docs`` and ``errors``)
the ``source`` column as a string, if one is named. Needs ``pip install 'newsdesk[spark]'``
(pyspark, pyarrow, pandas) on the driver and the executors.
"""

import functools
import json
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional

from . import _partition

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame

EXTRA = "pip install 'newsdesk[spark]'"


def _batches(
    batches: Iterator["pa.RecordBatch"],
    *,
    data: bytes,
    claims: Optional[List[str]],
    batch_size: int,
    n_threads: Optional[int],
    errors: str,
    schema: "pa.Schema",
) -> Iterator["pa.RecordBatch"]:
    """mapInArrow: (text, doc_id[, source][, fields]) batches in, one batch per table and slice out."""
    import pyarrow as pa

    for batch in batches:
        for start in range(0, batch.num_rows, batch_size):
            part = batch.slice(start, batch_size)
            names = part.schema.names
            tables = _partition.annotate(
                part.column(0).to_pylist(),
                part.column(1),
                data,
                engine="spark",
                claims=claims,
                batch_size=batch_size,
                n_threads=n_threads,
                sources=part.column("source").to_pylist() if "source" in names else None,
                fields=(
                    [None if r is None else json.loads(r) for r in part.column("fields").to_pylist()]
                    if "fields" in names
                    else None
                ),
                errors=errors,
            )
            for name, table in tables.items():
                if table.num_rows == 0:
                    continue
                struct = schema.field(name).type
                rows = pa.StructArray.from_arrays(
                    [c.combine_chunks().cast(f.type) for c, f in zip(table.columns, struct)], fields=list(struct)
                )
                columns = [rows if f.name == name else pa.nulls(table.num_rows, f.type) for f in schema]
                yield pa.RecordBatch.from_arrays(columns, schema=schema)


def annotate(
    df: "DataFrame",
    text: str,
    nlp: Any,
    *,
    doc_id: Optional[str] = None,
    source: Optional[str] = None,
    fields: Optional[Iterable[str]] = None,
    claims: Optional[Iterable[str]] = None,
    batch_size: int = 256,
    n_threads: Optional[int] = None,
    storage_level: Any = "MEMORY_AND_DISK",
    errors: str = "collect",
) -> Dict[str, "DataFrame"]:
    """The tables of ``df[text]`` as Spark DataFrames: docs, entities, quotes, stances, errors.

    ``errors="collect"`` makes each bad record (a null or non-string text) a
    row of ``errors``; ``errors="raise"`` fails the task at the first one,
    naming its doc_id. ``fields`` names columns whose values go to
    ``docs.fields`` as a JSON object (Spark's ``to_json``: timestamps as ISO
    8601 text; a null value leaves its key out).

    ``storage_level`` (a ``pyspark.StorageLevel`` or its name; ``None`` to not
    persist, and annotate again for each table) keeps the annotated rows for
    the four tables; ``spark.catalog.clearCache()`` frees them.
    """
    try:
        import pyspark
        from pyspark.sql import functions as F
        from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema
        from pyspark.sql.types import StructField, StructType
    except ImportError as e:
        raise ImportError(f"newsdesk.spark needs pyspark: {EXTRA}") from e
    tables = {name: from_arrow_schema(s) for name, s in _partition.schemas().items()}
    schema = StructType([StructField(name, t, True) for name, t in tables.items()])
    ids = F.monotonically_increasing_id() if doc_id is None else F.col(doc_id).cast("long")
    run = functools.partial(
        _batches,
        data=nlp.to_bytes(),
        claims=None if claims is None else list(claims),
        batch_size=batch_size,
        n_threads=n_threads,
        errors=_partition.check_errors(errors, "spark"),
        schema=to_arrow_schema(schema),
    )
    columns = [F.col(text).alias("text"), ids.alias("doc_id")]
    if source is not None:
        columns.append(F.col(source).cast("string").alias("source"))
    if fields is not None:
        columns.append(F.to_json(F.struct(*[F.col(c) for c in fields])).alias("fields"))
    rows = df.select(*columns).mapInArrow(run, schema)
    if storage_level is not None:
        level = getattr(pyspark.StorageLevel, storage_level) if isinstance(storage_level, str) else storage_level
        rows = rows.persist(level)
    return {name: rows.where(F.col(name).isNotNull()).select(f"{name}.*") for name in tables}
