"""Every Doc and Span extension flashpoint uses, declared once and namespaced ``fp_``.

Components write these; the Coder reads them into a CodedArticle.

Doc extensions
- ``fp_article_id`` (str) and ``fp_date`` (datetime.date): set by the Coder before the pipe;
  the anchor for ids and relative dates.
- ``fp_masked`` (list[tuple[int, int]]): character ranges that are not article prose
  (social-post signature lines); actor and event stages skip tokens inside them.
- ``fp_posts`` (list[Quote]): embedded social posts, found before any other stage.
- ``fp_actors`` (list[Span]): actor mentions, each with ``span._.fp_actor``.
- ``fp_country_refs`` (list[Span]): country names and demonyms that name no actor where
  they stand ("an Indian proposal", "Iraqi towns"), each with ``span._.fp_actor`` set to
  the country; the event stage may take one as an act's recipient.
- ``fp_times`` (list[Span]): time expressions, each with ``span._.fp_time``.
- ``fp_places`` (list[Span]): place mentions, each with ``span._.fp_place``.
- ``fp_events`` (list[Event]), ``fp_quotes`` (list[Quote]), ``fp_claims`` (list[Claim]),
  ``fp_contradictions`` (list[Contradiction]).

Span extensions
- ``fp_actor`` (Actor | None), ``fp_time`` (TimeRef | None), ``fp_place`` (Place | None).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

_DOC_LISTS = (
    "fp_masked",
    "fp_posts",
    "fp_actors",
    "fp_country_refs",
    "fp_times",
    "fp_places",
    "fp_events",
    "fp_quotes",
    "fp_claims",
    "fp_contradictions",
)
_DOC_VALUES = ("fp_article_id", "fp_date")
_SPAN_VALUES = ("fp_actor", "fp_time", "fp_place")


def _list_getter(name: str):  # type: ignore[no-untyped-def]
    """A getter that creates the list on first read, so every doc has its own."""
    key = f"_{name}_store"

    def getter(doc: Doc) -> list:  # type: ignore[type-arg]
        if key not in doc.user_data:
            doc.user_data[key] = []
        return doc.user_data[key]  # type: ignore[no-any-return]

    return getter


def _list_setter(name: str):  # type: ignore[no-untyped-def]
    key = f"_{name}_store"

    def setter(doc: Doc, value: list) -> None:  # type: ignore[type-arg]
        doc.user_data[key] = value

    return setter


def register_extensions() -> None:
    """Declare every extension; safe to call many times."""
    for name in _DOC_LISTS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_list_getter(name), setter=_list_setter(name))
    for name in _DOC_VALUES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _SPAN_VALUES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def is_masked(doc: Doc, start_char: int, end_char: int) -> bool:
    """True when the character range overlaps a masked (non-prose) range of the doc."""
    return any(start_char < m_end and m_start < end_char for m_start, m_end in doc._.fp_masked)


def article_date(doc: Doc) -> dt.date:
    """The article date relative expressions resolve against (``doc._.fp_date``, a date,
    datetime or ISO string); today's date for a doc the Coder did not date."""
    value = doc._.fp_date
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return dt.date.today()
