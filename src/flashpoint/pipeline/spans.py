"""Look-ups over the spans earlier stages wrote, shared by the later stages."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_TEXT_KEY = "flashpoint.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy joins every token again on each access,
    which the statement stages would otherwise pay for each quote mark and clause."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_covering(spans: list[Span], token: Token) -> Span | None:
    """The shortest span in ``spans`` that contains ``token``."""
    best: Span | None = None
    for span in spans:
        if span.start <= token.i < span.end and (best is None or len(span) < len(best)):
            best = span
    return best


def actor_span_at(doc: Doc, token: Token) -> Span | None:
    """The actor mention containing ``token``, if any."""
    return span_covering(doc._.fp_actors, token)


def spans_in(spans: list[Span], start_char: int, end_char: int) -> list[Span]:
    """Spans lying wholly inside the character range."""
    return [s for s in spans if start_char <= s.start_char and s.end_char <= end_char]
