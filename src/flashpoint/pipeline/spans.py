"""Look-ups over the spans earlier stages wrote, shared by the later stages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

_TEXT_KEY = "flashpoint.text"
#: An underscore between two letters or digits: a join of words ("Port_Vale").
_WORD_JOIN = re.compile(r"(?<=[^\W_])_(?=[^\W_])")


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


def phrase_matches(
    matcher: PhraseMatcher, doc: Doc, make_doc: Callable[[str], Doc]
) -> Iterator[tuple[int, int, int]]:
    """``matcher(doc)``, and the phrases whose words the text joins with underscores.

    Dictionaries write a multiword name with spaces or underscores (``Port_Vale``), and
    texts that come from such pipelines do the same; the tokenizer keeps ``Port_Vale``
    one word, which no phrase of two words matches. The text is matched a second time
    with those underscores read as spaces (the offsets stay the same); a match counts
    when it covers whole words of the text, so ``@port_vale`` or a link that contains
    the name does not.
    """
    seen: set[tuple[int, int, int]] = set()
    for match in matcher(doc):
        seen.add(match)
        yield match
    text = doc_text(doc)
    if "_" not in text:
        return
    spaced = _WORD_JOIN.sub(" ", text)
    if spaced == text:
        return
    view = make_doc(spaced)
    for key, start, end in matcher(view):
        span = doc.char_span(view[start].idx, view[end - 1].idx + len(view[end - 1]))
        if span is None or not any(_WORD_JOIN.search(t.text) for t in span):
            continue
        match = (key, span.start, span.end)
        if match not in seen:
            seen.add(match)
            yield match
