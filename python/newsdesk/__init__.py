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

__all__ = [
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
]
