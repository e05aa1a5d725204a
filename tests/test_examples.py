"""The example articles under examples/ and the broken inputs under tests/data/bad/."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from flashpoint import Article, CodedArticle, Coder
from flashpoint.io import read_inputs
from flashpoint.records import Rejection

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
BAD = REPO / "tests" / "data" / "bad"

EXAMPLE_FILES = sorted(EXAMPLES.glob("[0-9][0-9][0-9]_*.txt"))
HEADER = re.compile(r"\Adate (\d{4}-\d{2}-\d{2})\n\n(?=\S)")
QUOTE_MARKS = ('"', "\u201c", "\u201d")
MIN_WORDS, MAX_WORDS = 150, 400


def _split(path: Path) -> tuple[dt.date, str]:
    content = path.read_text(encoding="utf-8")
    match = HEADER.match(content)
    assert match is not None, (
        f"{path.name}: first line must be 'date YYYY-MM-DD', then a blank line"
    )
    return dt.date.fromisoformat(match.group(1)), content[match.end() :]


def test_examples_folder_holds_at_least_twenty_articles() -> None:
    assert len(EXAMPLE_FILES) >= 20
    names = {p.name for p in EXAMPLES.glob("*.txt")}
    assert names == {p.name for p in EXAMPLE_FILES}, "every example file is named NNN_topic.txt"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_file_has_header_length_and_quote(path: Path) -> None:
    day, text = _split(path)
    assert dt.date(2015, 1, 1) <= day <= dt.date(2024, 12, 31)
    words = len(text.split())
    assert MIN_WORDS <= words <= MAX_WORDS, f"{path.name}: {words} words"
    assert any(mark in text for mark in QUOTE_MARKS), f"{path.name}: no quotation mark"


def test_examples_dates_span_the_decade() -> None:
    years = {_split(p)[0].year for p in EXAMPLE_FILES}
    assert {2015, 2024} <= years
    assert len(years) >= 8


def test_examples_include_social_posts_and_conflicting_claims() -> None:
    texts = {p.stem: _split(p)[1] for p in EXAMPLE_FILES}
    post = re.compile(r"pic\.twitter\.com/\w+ \u2014 [^(\n]+ \(@\w+\) [A-Z][a-z]+ \d{1,2}, \d{4}")
    assert sum(1 for t in texts.values() if post.search(t)) >= 2
    denials = re.compile(r"\b(no casualties|no one had been killed|nobody died|did not attack)\b")
    counts = re.compile(
        r"\b(kill\w* (at least \d+|dozens|a large number)|dozens of \w+ \w+ were killed)"
    )
    both = [s for s, t in texts.items() if denials.search(t) and counts.search(t)]
    assert len(both) >= 2, "two articles where one side counts dead and the other denies"


def test_examples_whole_folder_reads_without_rejection() -> None:
    items = list(read_inputs([str(EXAMPLES)]))
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert rejected == []
    articles = [i for i in items if isinstance(i, Article)]
    ids = {a.id for a in articles}
    assert len(ids) == len(articles)
    # One article per text file, five from the JSONL file and three from the CSV file.
    assert len(articles) == len(EXAMPLE_FILES) + 5 + 3
    assert {"jl-001", "jl-005", "csv-001", "csv-003"} <= ids


def test_examples_header_date_is_the_article_date() -> None:
    path = EXAMPLE_FILES[0]
    (article,) = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    day, text = _split(path)
    assert article.id == path.stem
    assert article.date == day
    assert article.text.strip() == text.strip()


@pytest.mark.parametrize(
    ("name", "accepted"),
    [
        ("mixed.jsonl", {"bad-ok-1", "bad-ok-2"}),
        ("missing_date.txt", set()),
        ("invalid_date.txt", set()),
        ("empty_text.txt", set()),
        ("not_utf8.txt", set()),
    ],
)
def test_examples_bad_inputs_are_rejected_and_the_rest_read(name: str, accepted: set[str]) -> None:
    items = list(read_inputs([str(BAD / name)]))
    assert {i.id for i in items if isinstance(i, Article)} == accepted
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert rejections, f"{name} must yield at least one rejection"
    assert all(r.reason for r in rejections)


def test_examples_two_articles_code_end_to_end(coder: Coder) -> None:
    chosen = [EXAMPLE_FILES[0], EXAMPLE_FILES[-1]]
    articles = [Article(id=p.stem, date=_split(p)[0], text=_split(p)[1]) for p in chosen]
    coded = list(coder.code_many(articles))
    assert [c.article.id for c in coded] == [p.stem for p in chosen]
    for article, result in zip(articles, coded, strict=True):
        assert isinstance(result, CodedArticle)
        assert result.rejected is None
        assert result.article.date == article.date
        for field in ("events", "quotes", "claims", "contradictions", "actors", "times", "places"):
            assert isinstance(getattr(result, field), list), field
        # Whatever the stages found must point back into the article text.
        for actor in result.actors:
            assert article.text[actor.start : actor.end] == actor.text
        for quote in result.quotes:
            assert 0 <= quote.start < quote.end <= len(article.text)
        # The round trip through JSON keeps the record whole.
        assert CodedArticle.model_validate_json(result.model_dump_json()) == result
