"""The actor knowledge base: built-in data, dated look-ups, user dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flashpoint.kb.actors import ActorKBError, load_actor_kb, split_code
from flashpoint.kb.actors.petrarch import parse_actors, parse_agents, parse_code_block

JAN_2020 = dt.date(2020, 1, 9)


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_actor_kb([], [], False)


def _types(kb, phrase: str) -> set[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return {(e.type, e.country) for e in kb.lookup(phrase)}


@pytest.mark.parametrize(
    "phrase, country",
    [
        ("U.S.", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Ivory Coast", "CIV"),
        ("Iran", "IRN"),
        ("Kosovo", "KOS"),
    ],
)
def test_kb_actors_country_aliases(kb, phrase: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert ("country", country) in _types(kb, phrase)


@pytest.mark.parametrize(
    "phrase, country",
    [
        ("Iranian", "IRN"),
        ("Iraqis", "IRQ"),
        ("Emirati", "ARE"),
        ("Filipinos", "PHL"),
        ("Swiss", "CHE"),
    ],
)
def test_kb_actors_demonyms_and_plurals(kb, phrase: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert ("demonym", country) in _types(kb, phrase)


def test_kb_actors_covers_most_demonyms(kb) -> None:  # type: ignore[no-untyped-def]
    countries = {e.country for e in kb.entries if e.type == "demonym"}
    assert len(countries) >= 150


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("households", "CVL"),
        ("girls", "CVL"),
        ("musicians", "CVL"),
        ("truckers", "LAB"),
        ("insurers", "BUS"),
        ("lecturers", "EDU"),
        ("hackers", "CRM"),
        ("regulators", "GOV"),
        ("secessionists", "REB"),
        ("city council", "GOV"),
        ("county commission", "GOV"),
        ("MEPs", "LEG"),
        ("military council", "MIL"),
        ("counterparts", "GOV"),
    ],
)
def test_kb_actors_generic_groups_of_people_are_agents(kb, phrase: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    assert {(e.type, e.sector) for e in kb.lookup(phrase)} == {("agent", sector)}


def test_kb_actors_capitals_and_seats_code_as_government(kb) -> None:  # type: ignore[no-untyped-def]
    assert [e.code_on(None) for e in kb.lookup("Tehran")] == ["IRNGOV"]
    assert {e.code_on(None) for e in kb.lookup("the Kremlin")} == {"RUSGOV"}
    assert {e.code_on(None) for e in kb.lookup("Downing Street")} == {"GBRGOV"}


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("Houthis", "YEMREB"),
        ("Ansar Allah", "YEMREB"),
        ("Hamas", "PSEREB"),
        ("Pentagon", "USAMIL"),
        ("CIA", "USASPY"),
        ("IRGC", "IRNMIL"),
        ("United Nations", "IGOUNO"),
        ("NATO", "IGONAT"),
        ("Xinhua", "CHNMED"),
        ("Asaib Ahl al-Haq", "IRQPRM"),
        ("OPCW", "IGOOPW"),
        ("UNDOF", "IGOUNO"),
        ("ATMIS", "IGOAFU"),
        ("Frontex", "IGOEUR"),
    ],
)
def test_kb_actors_organisation_codes(kb, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert kb.lookup(phrase)[0].code_on(JAN_2020) == code


def test_kb_actors_organisation_codes_change_with_the_date(kb) -> None:  # type: ignore[no-untyped-def]
    (taliban,) = kb.lookup("Taliban")
    assert taliban.code_on(dt.date(2021, 8, 14)) == "AFGREB"
    assert taliban.code_on(dt.date(2021, 8, 15)) == "AFGGOV"
    assert taliban.sector_on(dt.date(2023, 1, 1)) == "GOV"
    (rsf,) = kb.lookup("Rapid Support Forces")
    assert rsf.code_on(dt.date(2020, 1, 1)) == "SDNPRM"
    assert rsf.code_on(dt.date(2024, 1, 1)) == "SDNREB"


def test_kb_actors_a_dated_code_without_code_names_file_and_body(tmp_path: Path) -> None:
    path = tmp_path / "groups.yaml"
    path.write_text("- {name: Red Hand, code: CHLREB, dated: [{start: 2020-01-01}]}\n")
    with pytest.raises(ActorKBError, match=r"groups\.yaml: organisation 'Red Hand'"):
        load_actor_kb((path,))


def test_kb_actors_title_holder_by_date(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.holder("president", "USA", JAN_2020).name == "Donald Trump"
    assert kb.holder("president", "USA", dt.date(2012, 5, 1)).name == "Barack Obama"
    assert kb.holder("defence_minister", "USA", JAN_2020).name == "Mark Esper"


def test_kb_actors_role_outside_tenure_is_none(kb) -> None:  # type: ignore[no-untyped-def]
    obama = kb.lookup("Obama")[0]
    assert kb.role_on(obama, JAN_2020) is None
    assert kb.former_role(obama, JAN_2020).title == "president"


def test_kb_actors_split_code_keeps_non_state_prefix() -> None:
    assert split_code("USAGOV") == ("USA", "GOV")
    assert split_code("IGOUNO") == ("IGO", None)
    assert split_code("PSEREBHMS") == ("PSE", "REB")


def test_kb_actors_petrarch_code_blocks() -> None:
    (before,) = parse_code_block("ABC < 950601")
    assert before.code == "ABC" and before.end == dt.date(1995, 6, 1) and before.start is None
    (between,) = parse_code_block("ABCGOV 20080120-20121109")
    assert between.covers(dt.date(2010, 1, 1)) and not between.covers(dt.date(2013, 1, 1))
    (after,) = parse_code_block("ABCREB >990816")
    assert after.start == dt.date(1999, 8, 17)
    assert [c.code for c in parse_code_block("XYZ/QRS")] == ["XYZ", "QRS"]
    assert [c.joint for c in parse_code_block("XYZ/QRS")] == [("XYZ", "QRS")] * 2
    assert parse_code_block("XYZ")[0].joint == ()
    assert parse_code_block("---")[0].code is None


ACTORS_TEXT = """<!-- a test dictionary
   spanning lines -->
# a comment line
FREEDONIA [FRD]
+FREEDONIAN
+THE_FREE_STATE  # trailing comment

RUFUS_FIREFLY
\t[FRD <330101]
\t[FRDGOV 19330101-19331231]
\t[FRDELI >331231]

SYLVANIA_ [SYL]
"""

AGENTS_TEXT = """!WORKER! = MAN, MEN, WOMAN
MARKET_SELLER [~BUS]
CHAIR!WORKER! [~LEG]
SHEEP {} [~AGR]
GOOSE {GEESE} [~AGR]
RIGHTS_BODY [NGO~]
"""


def test_kb_actors_parse_petrarch_actors() -> None:
    actors = parse_actors(ACTORS_TEXT)
    assert [a.phrases for a in actors] == [
        ("FREEDONIA", "FREEDONIAN", "THE FREE STATE"),
        ("RUFUS FIREFLY",),
        ("SYLVANIA",),
    ]
    firefly = actors[1]
    assert [c.code for c in firefly.codes] == ["FRD", "FRDGOV", "FRDELI"]


def test_kb_actors_parse_petrarch_agents() -> None:
    agents = {a.phrases[0]: a for a in parse_agents(AGENTS_TEXT)}
    assert agents["MARKET SELLER"].phrases == ("MARKET SELLER", "MARKET SELLERS")
    assert agents["CHAIRMAN"].phrases == ("CHAIRMAN", "CHAIRMEN", "CHAIRWOMAN")
    assert agents["SHEEP"].phrases == ("SHEEP",)
    assert agents["GOOSE"].phrases == ("GOOSE", "GEESE")
    assert agents["RIGHTS BODY"].prefix and agents["RIGHTS BODY"].code == "NGO"


def test_kb_actors_user_petrarch_files_dated_codes(tmp_path: Path) -> None:
    actors = tmp_path / "test.actors"
    agents = tmp_path / "test.agents"
    actors.write_text(ACTORS_TEXT)
    agents.write_text(AGENTS_TEXT)
    kb = load_actor_kb([actors], [agents], replace=True)
    firefly = kb.lookup("Rufus Firefly")[0]
    assert firefly.code_on(dt.date(1930, 5, 1)) == "FRD"
    assert firefly.code_on(dt.date(1933, 6, 1)) == "FRDGOV"
    assert firefly.code_on(dt.date(1940, 1, 1)) == "FRDELI"
    assert kb.lookup("freedonian")[0].code_on(None) == "FRD"
    assert kb.lookup("chairwoman")[0].sector == "LEG"
    assert not kb.lookup("Iran"), "replace drops the built-in entries"


def test_kb_actors_petrarch_agents_replace_builtin_agent_nouns(tmp_path: Path) -> None:
    agents = tmp_path / "test.agents"
    agents.write_text(AGENTS_TEXT)
    kb = load_actor_kb([], [agents], replace=False)
    assert [e.sector for e in kb.lookup("market sellers")] == ["BUS"]
    assert not kb.lookup("militiamen"), "an agent noun the codebook lacks is not an agent"
    assert not kb.lookup("crowd")
    assert kb.lookup("Iran") and kb.lookup("president"), "countries and titles stay"


def test_kb_actors_petrarch_entry_takes_over_the_builtin_names(tmp_path: Path) -> None:
    actors = tmp_path / "bloc.actors"
    actors.write_text("EUROPEAN_UNION [IGOXYZ]\nFREEDONIA [FRD]\n+FRANCE\n")
    kb = load_actor_kb([actors], [], replace=False)
    # the built-in body's other names now code as the user's entry
    assert [e.code_on(None) for e in kb.lookup("EU")] == ["IGOXYZ"]
    assert [e.code_on(None) for e in kb.lookup("French Republic")] == ["FRD"]
    # an entry of another kind written the same way is not taken over
    assert kb.lookup("French")[0].country == "FRA"


def test_kb_actors_user_yaml_overrides_builtin(tmp_path: Path) -> None:
    orgs = tmp_path / "orgs.yaml"
    orgs.write_text("- {name: Hamas, aliases: [], code: PSEGOV}\n")
    kb = load_actor_kb([orgs], [], replace=False)
    assert [e.code_on(None) for e in kb.lookup("Hamas")] == ["PSEGOV"]
    assert kb.lookup("Iran"), "added files keep the built-in entries"


def test_kb_actors_missing_user_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ActorKBError, match="does not exist"):
        load_actor_kb([tmp_path / "nope.actors"], [], replace=False)


def test_kb_actors_reads_petrarch_validation_dictionaries(gold_dir: Path) -> None:
    folder = gold_dir / "petrarch2"
    kb = load_actor_kb(
        [folder / "PETR.Validate.actors.txt"], [folder / "PETR.Validate.agents.txt"], replace=True
    )
    assert len(kb.entries) > 150
    assert kb.lookup("United States")[0].code_on(None) == "USA"


def test_kb_actors_state_on_gives_the_older_state_before_a_new_one_formed(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.state_on("SSD", dt.date(2004, 3, 2)) == "SDN"
    assert kb.state_on("SSD", dt.date(2013, 3, 2)) == "SSD"
    assert kb.state_on("ERI", dt.date(1990, 6, 1)) == "ETH"
    assert kb.state_on("FRA", dt.date(1990, 6, 1)) == "FRA"
    assert kb.state_on("SSD", None) == "SSD"
