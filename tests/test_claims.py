"""Claims: claimant, normalised subject, quantity ranges, polarity and scope."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flashpoint.coder import Coder
from flashpoint.records import Article, Claim


def _claims(coder: Coder, text: str, article_id: str = "c") -> list[Claim]:
    return coder.code(Article(id=article_id, date="2021-05-04", text=text)).claims


def _only(coder: Coder, text: str) -> Claim:
    claims = _claims(coder, text)
    assert len(claims) == 1, claims
    return claims[0]


def test_claims_reported_clause_with_vague_count(coder: Coder) -> None:
    text = "The rebel radio station claimed that dozens of government soldiers died in the ambush."
    claim = _only(coder, text)
    assert claim.claimant is not None and claim.claimant.text == "The rebel radio station"
    assert claim.subject == "deaths"
    assert claim.quantity is not None
    assert (claim.quantity.min, claim.quantity.max) == (24, 99)
    assert claim.quantity.unit == "government soldiers"
    assert claim.polarity == "positive"
    assert claim.scope == "ambush"
    assert text[claim.start : claim.end] == claim.text


def test_claims_according_to_names_the_claimant(coder: Coder) -> None:
    claim = _only(coder, "According to the health ministry, 14 people were killed in the blast.")
    assert claim.claimant is not None and claim.claimant.text.endswith("health ministry")
    assert claim.text == "14 people were killed in the blast"
    assert claim.quantity is not None and (claim.quantity.min, claim.quantity.max) == (14, 14)
    assert claim.scope == "blast"


def test_claims_none_is_a_count_of_zero(coder: Coder) -> None:
    claim = _only(coder, "The army said there were no casualties.")
    assert claim.subject == "casualties"
    assert claim.polarity == "positive"
    assert claim.quantity is not None and (claim.quantity.min, claim.quantity.max) == (0, 0)


def test_claims_denial_is_negative(coder: Coder) -> None:
    claim = _only(coder, "The government denied that any civilians were killed.")
    assert claim.subject == "deaths"
    assert claim.polarity == "negative"
    assert claim.quantity is None


@pytest.mark.parametrize(
    ("text", "subject", "low", "high"),
    [
        ("Police said at least 12 people were killed.", "deaths", 12, None),
        ("Officials said up to 30 people were injured.", "injuries", None, 30),
        ("The ministry said more than 50 people were arrested.", "arrests", 51, None),
        ("Witnesses said nearly 100 people died.", "deaths", 90, 99),
        ("The mayor said twelve people died.", "deaths", 12, 12),
        ("Aid groups said hundreds of people fled the town.", "displacement", 200, 999),
        ("The hospital said a handful of people were wounded.", "injuries", 3, 5),
        ("The governor said several people were hurt.", "injuries", 3, 9),
    ],
)
def test_claims_quantity_ranges(
    coder: Coder, text: str, subject: str, low: float | None, high: float | None
) -> None:
    claim = _only(coder, text)
    assert claim.subject == subject
    assert claim.quantity is not None
    assert (claim.quantity.min, claim.quantity.max) == (low, high)


def test_claims_warning_subject_without_count(coder: Coder) -> None:
    claim = _only(coder, "Officials say they had two days of advance warning before the raid.")
    assert claim.subject == "warning"
    assert claim.quantity is None
    assert claim.scope == "raid"


def test_claims_unrelated_statement_is_other(coder: Coder) -> None:
    claim = _only(coder, "The senator said that the budget would pass next month.")
    assert claim.subject == "other"
    assert claim.quantity is None


def test_claims_not_read_from_quoted_words(coder: Coder) -> None:
    text = '"Our spies say the ceasefire will hold," the minister told reporters.'
    assert _claims(coder, text) == []


def test_claims_negated_cue_reports_nothing(coder: Coder) -> None:
    assert _claims(coder, "The minister did not say that the border would close.") == []


def test_claims_within_article_contradiction(coder: Coder) -> None:
    text = (
        "The rebel radio station claimed that dozens of soldiers died in the ambush. "
        "The defence ministry said that there were no casualties in the ambush."
    )
    coded = coder.code(Article(id="amb", date="2021-05-04", text=text))
    assert len(coded.claims) == 2
    (found,) = coded.contradictions
    assert found.id == "amb:x1" and found.article_id == "amb"
    assert found.kind == "numeric"
    assert {found.claim_a, found.claim_b} == {c.id for c in coded.claims}
    assert "24\u201399 deaths" in found.explanation and "0 casualties" in found.explanation


def test_claims_seed_casualty_claims(coder: Coder, seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    header = re.match(r"\s*date\s+(\S+)\s*", raw)
    assert header is not None
    coded = coder.code(Article(id="seed", date=header.group(1), text=raw[header.end() :]))
    counted = [c for c in coded.claims if c.subject in ("deaths", "casualties") and c.quantity]
    ranges = {(c.quantity.min, c.quantity.max) for c in counted}  # type: ignore[union-attr]
    assert (24, 99) in ranges and (0, 0) in ranges
    assert any(c.subject == "warning" for c in coded.claims)
