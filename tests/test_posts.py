"""Embedded social posts: signature lines found, attributed, dated and masked."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from flashpoint.coder import Coder
from flashpoint.pipeline.posts import find_posts, parse_post_date
from flashpoint.records import Article

BRIDGE = (
    "The council met on Tuesday to discuss the bridge.\n\n"
    "The bridge is finally open. Traffic is moving again! pic.twitter.com/Ab12Cd34 "
    "\u2014 Jane Ortiz (@janeortiz) March 3, 2021\n\n"
    "Engineers inspected the span the next day."
)
TARIFF = (
    "Farmers reacted quickly.\n\n"
    "These tariffs will hurt every grower I know https://t.co/Xy9Zw8Vu7 -- Sam O'Neill "
    "(@samoneill) Jun. 14, 2019\n\n"
    "The ministry did not comment."
)


def test_posts_find_posts_reads_text_author_handle_and_date() -> None:
    (post,) = find_posts(BRIDGE)
    assert BRIDGE[post.text_start : post.text_end] == (
        "The bridge is finally open. Traffic is moving again!"
    )
    assert BRIDGE[post.name_start : post.name_end] == "Jane Ortiz"
    assert post.handle == "janeortiz"
    assert post.date == dt.date(2021, 3, 3)
    masked = BRIDGE[post.mask_start : post.mask_end]
    assert masked.startswith("pic.twitter.com/") and masked.endswith("March 3, 2021")


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "--"])
def test_posts_find_posts_accepts_every_dash(dash: str) -> None:
    text = f"Rain again today https://t.co/Q1w2E3 {dash} Lee Park (@leepark) May 1, 2020"
    (post,) = find_posts(text)
    assert text[post.name_start : post.name_end] == "Lee Park"
    assert text[post.text_start : post.text_end] == "Rain again today"


def test_posts_parse_post_date_abbreviations() -> None:
    assert parse_post_date("Sept. 9, 2016") == dt.date(2016, 9, 9)
    assert parse_post_date("Jan 2 2020") == dt.date(2020, 1, 2)
    assert parse_post_date("yesterday") is None


def test_posts_coded_as_post_quotes_with_offsets_into_the_text(coder: Coder) -> None:
    coded = coder.code(Article(id="t1", date="2021-03-04", text=BRIDGE))
    posts = [q for q in coded.quotes if q.channel == "post" and q.handle]
    assert len(posts) == 1
    post = posts[0]
    assert post.id == "t1:p1"
    assert post.cue == "posted" and post.partial is False
    assert post.date == dt.date(2021, 3, 3)
    assert BRIDGE[post.start : post.end] == post.text
    assert post.speaker is not None and post.speaker.kind == "person"
    assert post.speaker.name == "Jane Ortiz"
    assert BRIDGE[post.speaker.start : post.speaker.end] == "Jane Ortiz"


def test_posts_signature_yields_no_actor_event_or_quote(coder: Coder) -> None:
    coded = coder.code(Article(id="t2", date="2019-06-15", text=TARIFF))
    link = TARIFF.index("https://t.co")
    end = TARIFF.index("2019") + 4
    for actor in coded.actors:
        assert not (link <= actor.start < end), actor
    for event in coded.events:
        assert not (link <= event.trigger.start < end), event
    posts = [q for q in coded.quotes if q.handle == "samoneill"]
    assert len(posts) == 1 and posts[0].speaker is not None
    assert posts[0].speaker.name == "Sam O'Neill"
    assert posts[0].date == dt.date(2019, 6, 14)
    others = [q for q in coded.quotes if q.handle is None]
    assert all(not (link <= q.start < end) for q in others)


def test_posts_seed_article_has_both_posts(coder: Coder, seed_path) -> None:  # type: ignore[no-untyped-def]
    raw = seed_path.read_text(encoding="utf-8")
    header = re.match(r"\s*date\s+(\S+)\s*", raw)
    assert header is not None
    text = raw[header.end() :]
    coded = coder.code(Article(id="seed", date=header.group(1), text=text))
    posts = {q.handle: q for q in coded.quotes if q.handle}
    assert set(posts) == {"ilangoldenberg", "brianoftoole"}
    for post in posts.values():
        assert post.date == dt.date(2020, 1, 8)
        assert post.channel == "post"
        assert text[post.start : post.end] == post.text
    assert posts["ilangoldenberg"].speaker.name == "Ilan Goldenberg"  # type: ignore[union-attr]
    assert posts["brianoftoole"].speaker.name == "Brian O'Toole"  # type: ignore[union-attr]
    signature = (text.index("pic.twitter.com"), text.index("2020", text.index("pic.twitter.com")))
    assert not any(signature[0] <= a.start <= signature[1] for a in coded.actors)
    assert not any(signature[0] <= e.trigger.start <= signature[1] for e in coded.events)
