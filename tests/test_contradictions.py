"""Contradictions between claims: numeric and polarity, within and across articles."""

from __future__ import annotations

import re
from pathlib import Path

from flashpoint.analysis.contradictions import find_contradictions
from flashpoint.coder import Coder
from flashpoint.records import Actor, Article, Claim, Quantity


def _actor(text: str, code: str | None = None, country: str | None = None) -> Actor:
    return Actor(text=text, code=code, country=country, start=0, end=len(text))


def _claim(
    cid: str,
    who: Actor,
    subject: str,
    low: float | None = None,
    high: float | None = None,
    polarity: str = "positive",
    article: str = "a1",
    scope: str | None = None,
) -> Claim:
    quantity = None if low is None and high is None else Quantity(min=low, max=high)
    return Claim(
        id=cid,
        article_id=article,
        claimant=who,
        text="...",
        start=0,
        end=3,
        subject=subject,
        scope=scope,
        quantity=quantity,
        polarity=polarity,  # type: ignore[arg-type]
    )


RADIO = _actor("the rebel radio", "RUSREB", "RUS")
MINISTRY = _actor("the defence ministry", "UKRGOV", "UKR")


def test_contradictions_disjoint_counts_are_numeric() -> None:
    claims = [_claim("a1:c1", RADIO, "deaths", 24, 99), _claim("a1:c2", MINISTRY, "deaths", 2, 3)]
    (found,) = find_contradictions(claims)
    assert found.kind == "numeric" and found.id == "a1:x1" and found.article_id == "a1"
    assert found.explanation.startswith("RUS (the rebel radio) says 24\u201399 deaths")
    assert "UKR (the defence ministry) says 2\u20133 deaths" in found.explanation


def test_contradictions_overlapping_counts_agree() -> None:
    claims = [
        _claim("a1:c1", RADIO, "deaths", 10, None),
        _claim("a1:c2", MINISTRY, "deaths", 12, 12),
    ]
    assert find_contradictions(claims) == []


def test_contradictions_broader_subject_bounds_the_narrower() -> None:
    none_hurt = _claim("a1:c2", MINISTRY, "casualties", 0, 0)
    many_dead = _claim("a1:c1", RADIO, "deaths", 24, 99)
    (found,) = find_contradictions([many_dead, none_hurt])
    assert found.kind == "numeric"
    many_hurt = _claim("a1:c3", MINISTRY, "casualties", 100, 200)
    assert find_contradictions([many_dead, many_hurt]) == []


def test_contradictions_denial_against_assertion_is_polarity() -> None:
    claims = [
        _claim("a1:c1", RADIO, "deaths"),
        _claim("a1:c2", MINISTRY, "deaths", polarity="negative"),
    ]
    (found,) = find_contradictions(claims)
    assert found.kind == "polarity"
    assert "no deaths" in found.explanation


def test_contradictions_denial_agrees_with_zero_count() -> None:
    claims = [
        _claim("a1:c1", RADIO, "deaths", 0, 0),
        _claim("a1:c2", MINISTRY, "deaths", polarity="negative"),
    ]
    assert find_contradictions(claims) == []


def test_contradictions_need_different_claimants() -> None:
    other_radio = _actor("The Rebel Radio", "RUSREB", "RUS")
    claims = [
        _claim("a1:c1", RADIO, "deaths", 24, 99),
        _claim("a1:c2", other_radio, "deaths", 0, 0),
    ]
    assert find_contradictions(claims) == []
    uncoded = [
        _claim("a1:c1", _actor("the villagers"), "deaths", 24, 99),
        _claim("a1:c2", _actor("the police"), "deaths", 0, 0),
    ]
    assert len(find_contradictions(uncoded)) == 1


def test_contradictions_unrelated_or_unspecified_subjects_never_conflict() -> None:
    assert (
        find_contradictions(
            [_claim("a1:c1", RADIO, "arrests", 24, 99), _claim("a1:c2", MINISTRY, "deaths", 0, 0)]
        )
        == []
    )
    assert (
        find_contradictions(
            [
                _claim("a1:c1", RADIO, "other"),
                _claim("a1:c2", MINISTRY, "other", polarity="negative"),
            ]
        )
        == []
    )


def test_contradictions_within_article_differing_scopes_do_not_conflict() -> None:
    claims = [
        _claim("a1:c1", RADIO, "deaths", 24, 99, scope="raid"),
        _claim("a1:c2", MINISTRY, "deaths", 0, 0, scope="ambush"),
    ]
    assert find_contradictions(claims) == []
    claims[1] = _claim("a1:c2", MINISTRY, "deaths", 0, 0)
    assert len(find_contradictions(claims)) == 1


def test_contradictions_across_articles_need_a_shared_scope() -> None:
    unscoped = [
        _claim("a1:c1", RADIO, "deaths", 24, 99, article="a1"),
        _claim("a2:c1", MINISTRY, "deaths", 0, 0, article="a2"),
    ]
    assert find_contradictions(unscoped) == []
    scoped = [
        _claim("a1:c1", RADIO, "deaths", 24, 99, article="a1", scope="strike in Kharkiv"),
        _claim("a2:c1", MINISTRY, "deaths", 0, 0, article="a2", scope="Strike in Kharkiv"),
    ]
    (found,) = find_contradictions(scoped)
    assert found.article_id is None
    assert found.id == "x:a1:c1|a2:c1"
    (reversed_found,) = find_contradictions(list(reversed(scoped)))
    assert reversed_found.id == found.id


def test_contradictions_claims_read_back_from_rows() -> None:
    rows = [
        _claim("a1:c1", RADIO, "deaths", 24, 99, scope="strike").model_dump(mode="json"),
        _claim("a2:c1", MINISTRY, "casualties", 0, 0, article="a2", scope="strike").model_dump(
            mode="json"
        ),
    ]
    claims = [Claim.model_validate(row) for row in rows]
    (found,) = find_contradictions(claims)
    assert found.kind == "numeric"


def test_contradictions_seed_casualties(coder: Coder, seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    header = re.match(r"\s*date\s+(\S+)\s*", raw)
    assert header is not None
    coded = coder.code(Article(id="seed", date=header.group(1), text=raw[header.end() :]))
    by_id = {c.id: c for c in coded.claims}
    pairs = []
    for found in coded.contradictions:
        a, b = by_id[found.claim_a], by_id[found.claim_b]
        pairs.append((found.kind, {a.claimant.country, b.claimant.country}))  # type: ignore[union-attr]
    assert ("numeric", {"IRN", "USA"}) in pairs
