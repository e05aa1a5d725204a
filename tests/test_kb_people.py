"""The people knowledge base: its structure, its tenures and a few facts that must hold."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

import flashpoint

PEOPLE = Path(flashpoint.__file__).parent / "kb" / "actors" / "people.yaml"

TITLES = {
    "president",
    "vice_president",
    "prime_minister",
    "head_of_state",
    "head_of_government",
    "supreme_leader",
    "king",
    "emir",
    "sultan",
    "crown_prince",
    "chancellor",
    "foreign_minister",
    "defence_minister",
    "secretary_of_state",
    "interior_minister",
    "army_chief",
    "leader",
    "deputy_leader",
    "commander",
    "secretary_general",
}
#: Titles that only make sense with the organisation they are held in.
ORG_TITLES = {"leader", "deputy_leader", "commander"}
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "PRM", "IGO", "PRE", "SPY", "LEG", "JUD", "COP"}
#: PLOVER's country name for Kosovo, which has no ISO 3166 code.
EXTRA_COUNTRIES = {"KOS"}
#: Offices genuinely held by two people at once (Nicaragua's co-presidency from 2025).
SHARED = {frozenset({"Daniel Ortega", "Rosario Murillo"})}
OPEN = dt.date.max
ROLE_KEYS = {"country", "sector", "title", "org", "start", "end"}


@lru_cache(maxsize=1)
def _people() -> list[dict[str, Any]]:
    with PEOPLE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _roles() -> list[tuple[str, dict[str, Any]]]:
    return [(p["name"], r) for p in _people() for r in p["roles"]]


def _span(role: dict[str, Any]) -> tuple[dt.date, dt.date]:
    return role["start"], role["end"] or OPEN


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    # tenures are half-open: a successor starting on the day the other ends does not overlap
    return a[0] < b[1] and b[0] < a[1]


def _holders(country: str | None, title: str, on: dt.date, org: str | None = None) -> set[str]:
    return {
        name
        for name, role in _roles()
        if role["country"] == country
        and role["title"] == title
        and (org is None or role.get("org") == org)
        and _span(role)[0] <= on < _span(role)[1]
    }


def test_kb_people_every_entry_has_name_aliases_and_roles() -> None:
    names = [p.get("name") for p in _people()]
    assert all(isinstance(n, str) and n.strip() for n in names)
    assert len(names) == len(set(names)), "a person is listed twice"
    for person in _people():
        assert isinstance(person.get("aliases"), list), person["name"]
        assert all(isinstance(a, str) and a.strip() for a in person["aliases"]), person["name"]
        folded = [a.lower() for a in person["aliases"]]
        assert len(folded) == len(set(folded)), f"{person['name']}: repeated alias"
        assert person["name"].lower() not in folded, f"{person['name']}: alias repeats the name"
        assert person.get("roles"), f"{person['name']}: no roles"


def test_kb_people_roles_use_known_keys_titles_and_sectors() -> None:
    for name, role in _roles():
        assert set(role) <= ROLE_KEYS, f"{name}: unknown keys {set(role) - ROLE_KEYS}"
        assert role.get("title") in TITLES, f"{name}: title {role.get('title')!r}"
        assert role.get("sector") in SECTORS, f"{name}: sector {role.get('sector')!r}"
        if role["title"] in ORG_TITLES:
            assert role.get("org"), f"{name}: {role['title']} without org"


def test_kb_people_countries_are_iso3_or_null_with_org() -> None:
    for name, role in _roles():
        country = role.get("country", "missing")
        if country is None:
            assert role.get("org"), f"{name}: a role with no country must name its org"
        else:
            known = country in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=country)
            assert known, f"{name}: {country!r} is not an ISO 3166 alpha-3 code"


def test_kb_people_tenures_are_iso_dates_in_order() -> None:
    for name, role in _roles():
        assert isinstance(role.get("start"), dt.date), f"{name}: start {role.get('start')!r}"
        assert "end" in role, f"{name}: end missing (use null for a tenure still running)"
        end = role["end"]
        assert end is None or isinstance(end, dt.date), f"{name}: end {end!r}"
        assert end is None or role["start"] <= end, f"{name}: ends before it starts"
        assert dt.date(1940, 1, 1) <= role["start"] <= dt.date(2026, 11, 30), name


def test_kb_people_no_overlapping_tenures_in_one_office() -> None:
    offices: dict[tuple[Any, ...], list[tuple[str, tuple[dt.date, dt.date]]]] = defaultdict(list)
    for name, role in _roles():
        key = (role["country"], role["title"], role["sector"], role.get("org"))
        offices[key].append((name, _span(role)))
    clashes = [
        (key, a, b)
        for key, held in offices.items()
        for (a, span_a), (b, span_b) in combinations(held, 2)
        if a != b and frozenset({a, b}) not in SHARED and _overlap(span_a, span_b)
    ]
    assert not clashes


def test_kb_people_shared_aliases_are_kept_apart_by_dates() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in _people():
        for phrase in {person["name"], *person["aliases"]}:
            owners[phrase.lower()].add(person["name"])
    spans = {p["name"]: [_span(r) for r in p["roles"]] for p in _people()}
    collisions = [
        (alias, a, b)
        for alias, who in owners.items()
        for a, b in combinations(sorted(who), 2)
        if any(_overlap(x, y) for x in spans[a] for y in spans[b])
    ]
    assert not collisions


def test_kb_people_covers_many_countries_and_offices() -> None:
    roles = _roles()
    assert len(roles) >= 600
    countries = {role["country"] for _, role in roles if role["country"]}
    assert len(countries) >= 60
    for country in ("USA", "RUS", "CHN", "UKR", "IRN", "IRQ", "ISR", "PSE", "YEM", "SAU", "TUR"):
        assert _holders(country, "foreign_minister", dt.date(2024, 1, 15)) or _holders(
            country, "secretary_of_state", dt.date(2024, 1, 15)
        ), country


@pytest.mark.parametrize(
    ("country", "title", "on", "org", "expected"),
    [
        ("USA", "president", "2020-01-09", None, "Donald Trump"),
        ("USA", "vice_president", "2020-01-09", None, "Mike Pence"),
        ("USA", "secretary_of_state", "2020-01-09", None, "Mike Pompeo"),
        ("USA", "defence_minister", "2020-01-09", None, "Mark Esper"),
        ("USA", "president", "2003-03-20", None, "George W. Bush"),
        ("GBR", "prime_minister", "2016-07-14", None, "Theresa May"),
        ("GBR", "prime_minister", "2016-07-12", None, "David Cameron"),
        ("IRN", "president", "2020-01-09", None, "Hassan Rouhani"),
        ("IRN", "supreme_leader", "2020-01-09", None, "Ali Khamenei"),
        ("IRN", "commander", "2019-06-20", "Quds Force", "Qasem Soleimani"),
        ("IRN", "commander", "2020-06-01", "Quds Force", "Esmail Qaani"),
        ("DEU", "chancellor", "2015-09-01", None, "Angela Merkel"),
        ("RUS", "president", "2010-06-01", None, "Dmitry Medvedev"),
        ("RUS", "prime_minister", "2010-06-01", None, "Vladimir Putin"),
        ("ISR", "prime_minister", "2022-01-01", None, "Naftali Bennett"),
        ("FRA", "president", "2015-11-13", None, "François Hollande"),
        ("LBN", "leader", "2006-07-12", "Hezbollah", "Hassan Nasrallah"),
        ("YEM", "leader", "2015-03-26", "Houthis", "Abdul-Malik al-Houthi"),
        (None, "secretary_general", "2011-05-01", "United Nations", "Ban Ki-moon"),
        (None, "leader", "2014-06-29", "Islamic State", "Abu Bakr al-Baghdadi"),
    ],
)
def test_kb_people_office_holder_on_date(
    country: str | None, title: str, on: str, org: str | None, expected: str
) -> None:
    assert _holders(country, title, dt.date.fromisoformat(on), org) == {expected}


def test_kb_people_tenure_ends_on_the_day_the_successor_starts() -> None:
    # the half-open convention: on inauguration day the office belongs to the newcomer
    assert _holders("USA", "president", dt.date(2021, 1, 20)) == {"Joe Biden"}
    assert _holders("USA", "president", dt.date(2021, 1, 19)) == {"Donald Trump"}


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Zelensky", "Volodymyr Zelensky"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Erdoğan", "Recep Tayyip Erdoğan"),
        ("Mark T. Esper", "Mark Esper"),
        ("Ayatollah Ali Khamenei", "Ali Khamenei"),
        ("Soleimani", "Qasem Soleimani"),
        ("Abdulmalik al-Houthi", "Abdul-Malik al-Houthi"),
        ("Abu Mahdi al-Muhandis", "Abu Mahdi al-Muhandis"),
        ("Khazali", "Qais al-Khazali"),
    ],
)
def test_kb_people_alias_names_one_person(alias: str, expected: str) -> None:
    found = {
        p["name"]
        for p in _people()
        if alias.lower() in {p["name"].lower(), *(a.lower() for a in p["aliases"])}
    }
    assert found == {expected}


def test_kb_people_names_the_required_figures() -> None:
    names = {p["name"] for p in _people()}
    required = {
        "Qasem Soleimani",
        "Abu Mahdi al-Muhandis",
        "Qais al-Khazali",
        "Hassan Rouhani",
        "Mike Pence",
        "Mark Esper",
        "Mike Pompeo",
        "Ali Khamenei",
        "Abdul-Malik al-Houthi",
    }
    assert required <= names
    muhandis = next(p for p in _people() if p["name"] == "Abu Mahdi al-Muhandis")
    assert {r["end"] for r in muhandis["roles"]} == {dt.date(2020, 1, 3)}
    assert all(r["country"] == "IRQ" for r in muhandis["roles"])


def test_kb_people_surname_shared_across_eras_resolves_by_date() -> None:
    # "Hariri" names two Lebanese prime ministers, years apart
    holders = {
        p["name"]: p["roles"] for p in _people() if "hariri" in {a.lower() for a in p["aliases"]}
    }
    assert set(holders) == {"Rafik Hariri", "Saad Hariri"}
    on = dt.date(2018, 3, 1)
    current = {
        name
        for name, roles in holders.items()
        if any(_span(r)[0] <= on < _span(r)[1] for r in roles)
    }
    assert current == {"Saad Hariri"}
