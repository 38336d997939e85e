"""Documents as four flat tables (schema ``newsdesk.tables/1``), joined on ``doc_id``.

- ``docs``: doc_id, source, fields, n_tokens, n_sents, n_ents, n_quotes
- ``entities``: doc_id, ent_i, start_char, end_char, text, label, score, source
- ``quotes``: doc_id, quote_i, start_char, end_char, text, speaker, speaker_label, speaker_score, cue
- ``stances``: doc_id, claim, speaker (None for the whole article), label,
  score_agree, score_disagree, score_discuss, score_unrelated

``doc_id`` is the position of the document in ``docs``; offsets are ``str``
offsets. ``docs`` may also hold ``(doc, context)`` pairs, as
``nlp.pipe(..., as_tuples=True)`` yields: the context (a dict, say) goes to
the ``fields`` column as JSON (keys sorted, as the command line writes it). The columns are built in Rust and handed to pyarrow through the Arrow
C stream interface (no JSON). pyarrow and pandas come with
``pip install 'newsdesk[arrow]'``.
"""

from typing import TYPE_CHECKING, Any, Dict, Iterable, Tuple, Union

from . import _newsdesk

if TYPE_CHECKING:
    from ._newsdesk import Doc

EXTRA = "pip install 'newsdesk[arrow]'"


def _require(module: str) -> Any:
    try:
        return __import__(module)
    except ImportError as e:
        raise ImportError(f"newsdesk tables need {module}: {EXTRA}") from e


def to_arrow(docs: Iterable[Union["Doc", Tuple["Doc", Any]]]) -> Dict[str, Any]:
    """The four tables of ``docs`` as ``pyarrow.Table``s, by name."""
    pa = _require("pyarrow")
    return {name: pa.table(t) for name, t in _newsdesk._tables(docs).items()}


def to_pandas(docs: Iterable[Union["Doc", Tuple["Doc", Any]]]) -> Dict[str, Any]:
    """The four tables of ``docs`` as ``pandas.DataFrame``s, by name."""
    _require("pandas")
    return {name: t.to_pandas() for name, t in to_arrow(docs).items()}
