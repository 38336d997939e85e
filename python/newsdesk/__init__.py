"""newsdesk: fast, accurate analysis of English news text.

Tokens, sentences, named entities, quotes with their speakers, and stance
towards claims, computed in Rust.

>>> import newsdesk
>>> nlp = newsdesk.load()
>>> doc = nlp("The EU met on Monday. Talks went well.")
>>> [s.text for s in doc.sents]
['The EU met on Monday.', 'Talks went well.']
"""

from ._newsdesk import (
    ArrowTable,
    ClaimStance,
    Doc,
    Pipeline,
    PipeIter,
    Quote,
    Span,
    Speaker,
    SpeakerStance,
    Stance,
    Token,
    TokenIter,
    __version__,
    blank,
    load,
    render,
)
from .tables import to_arrow, to_pandas

__all__ = [
    "ArrowTable",
    "ClaimStance",
    "Doc",
    "Pipeline",
    "PipeIter",
    "Quote",
    "Span",
    "Speaker",
    "SpeakerStance",
    "Stance",
    "Token",
    "TokenIter",
    "__version__",
    "blank",
    "load",
    "render",
    "to_arrow",
    "to_pandas",
]
