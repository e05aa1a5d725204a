"""Embedded social posts: the quoted text and signature line that scraped articles keep.

A page that embeds a post usually flattens it into the article text as::

    <post text> pic.twitter.com/ID — Author Name (@handle) Month D, YYYY

(or with ``https://t.co/...`` links, and an em dash, en dash or ``--``). :class:`PostFinder`
runs before every other flashpoint stage. It records each post as a :class:`Quote`
(channel ``post``, cue ``posted``, the author as speaker, the post's date) in
``doc._.fp_posts`` and masks the signature (from the first link through the date) in
``doc._.fp_masked``, so that no actor, event or quote is read from it. The post's text runs
from the start of its paragraph (or the end of the previous signature) to the link: an
embedded post fills its own paragraph, and its text may hold several sentences of its own,
so a sentence boundary cannot tell where it starts. Every offset points into the original
text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..records import Actor, Quote

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_LINK = r"(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)"
SIGNATURE = re.compile(
    rf"(?P<links>{_LINK}(?:\s+{_LINK})*)"
    r"\s*(?:\u2014|\u2013|--|-)\s*"
    r"(?P<name>[^\s()\u2014\u2013@][^()\n\u2014\u2013@]{0,80}?)"
    r"\s*\(@(?P<handle>\w{1,30})\)"
    rf"(?:\s*(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}))?"
)
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class PostMatch:
    text_start: int
    text_end: int
    name_start: int
    name_end: int
    handle: str
    date: dt.date | None
    mask_start: int
    mask_end: int


def parse_post_date(text: str | None) -> dt.date | None:
    """``January 8, 2020`` / ``Jan. 8 2020`` as a date; None when it cannot be read."""
    if not text:
        return None
    cleaned = re.sub(r"[.,]", " ", text)
    cleaned = " ".join(cleaned.split())
    for fmt in ("%B %d %Y", "%b %d %Y"):
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    if cleaned[:4] == "Sept":
        return parse_post_date(cleaned.replace("Sept", "Sep", 1))
    return None


def find_posts(text: str) -> list[PostMatch]:
    """Every embedded post signature in ``text``, with the post's own text before it."""
    found: list[PostMatch] = []
    previous_end = 0
    for match in SIGNATURE.finditer(text):
        link_start = match.start("links")
        paragraph_start = previous_end
        for brk in _PARAGRAPH.finditer(text, previous_end, link_start):
            paragraph_start = brk.end()
        start = paragraph_start
        while start < link_start and text[start].isspace():
            start += 1
        end = link_start
        while end > start and text[end - 1].isspace():
            end -= 1
        name_start, name_end = match.start("name"), match.end("name")
        while name_end > name_start and text[name_end - 1].isspace():
            name_end -= 1
        end_of_signature = match.end("date") if match.group("date") else match.end()
        found.append(
            PostMatch(
                text_start=start,
                text_end=end,
                name_start=name_start,
                name_end=name_end,
                handle=match.group("handle"),
                date=parse_post_date(match.group("date")),
                mask_start=link_start,
                mask_end=end_of_signature,
            )
        )
        previous_end = end_of_signature
    return found


class PostFinder:
    """Finds embedded social posts and masks their signature lines."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, find_posts(doc.text))
        return doc

    def set_annotations(self, doc: Doc, posts: list[PostMatch]) -> None:
        article_id = doc._.fp_article_id or "doc"
        quotes: list[Quote] = []
        for n, post in enumerate(posts, start=1):
            name = doc.text[post.name_start : post.name_end]
            speaker = Actor(
                text=name, name=name, kind="person", start=post.name_start, end=post.name_end
            )
            quotes.append(
                Quote(
                    id=f"{article_id}:p{n}",
                    article_id=article_id,
                    speaker=speaker,
                    text=doc.text[post.text_start : post.text_end],
                    start=post.text_start,
                    end=post.text_end,
                    cue="posted",
                    channel="post",
                    handle=post.handle,
                    date=post.date,
                    partial=False,
                )
            )
        doc._.fp_posts = quotes
        doc._.fp_masked = list(doc._.fp_masked) + [(p.mask_start, p.mask_end) for p in posts]
