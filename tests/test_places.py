"""Places: the gazetteer, the PlaceTagger on real parses, and the written place set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from flashpoint.kb.places import load_gazetteer, place_key
from flashpoint.records import Article, Place

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "place_mentions.yaml").read_text()
)


def _places(nlp: Any, text: str) -> list[Place]:
    doc = nlp.make_doc(text)
    doc._.fp_date = dt.date(2021, 3, 10)
    doc = nlp(doc)
    return [s._.fp_place for s in doc._.fp_places]


def test_places_gazetteer_loads_once() -> None:
    gazetteer = load_gazetteer()
    assert load_gazetteer() is gazetteer
    assert len(gazetteer.landmarks) >= 60


def test_places_key_ignores_case_dots_and_possessives() -> None:
    assert place_key("the U.S.") == "us"
    assert place_key("Baghdad\u2019s") == "baghdad"


def test_places_city_choice_follows_the_articles_state() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Paris").country == "FRA"  # type: ignore[union-attr]
    texan = gazetteer.lookup("Paris", {"USA"}, {("USA", "TX")})
    assert texan is not None and texan.country == "USA" and texan.admin1 == "TX"


def test_places_country_aliases_resolve() -> None:
    gazetteer = load_gazetteer()
    for name, iso3 in (
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("Iran", "IRN"),
        ("North Korea", "PRK"),
    ):
        entry = gazetteer.lookup(name)
        assert entry is not None and entry.country == iso3, name
        assert entry.lat is not None and entry.lon is not None


def test_places_metonym_subject_is_not_a_place(nlp: Any) -> None:
    places = _places(
        nlp, "Washington said the sanctions would stay, while talks went on in Vienna."
    )
    names = [p.name for p in places]
    assert "Vienna" in names
    assert not any(p.text == "Washington" for p in places)


def test_places_the_capital_named_alone_is_not_its_namesake_state(nlp: Any) -> None:
    # "Washington" here is the government; it does not put Vancouver in Washington state
    text = "Canada said Washington asked for the arrest. The suspect was held in Vancouver."
    (vancouver,) = [p for p in _places(nlp, text) if p.name == "Vancouver"]
    assert vancouver.country == "CAN"


def test_places_a_common_noun_the_model_tags_is_no_place(nlp: Any) -> None:
    places = _places(nlp, "The governor extended the curfew to the metro area of Lima.")
    assert [p.name for p in places] == ["Lima"]


def test_places_demonym_capital_is_the_capital(nlp: Any) -> None:
    places = _places(nlp, "Explosions shook the Afghan capital before dawn.")
    assert any(p.name == "Kabul" and p.country == "AFG" for p in places)


def test_places_unknown_names_are_kept_without_a_country(nlp: Any) -> None:
    places = _places(nlp, "Gunmen raided the village of Zarkhanabad in the hills.")
    found = [p for p in places if "Zarkhanabad" in p.text]
    assert found and found[0].country is None and found[0].feature == "unknown"


def test_places_offsets_point_at_the_text(nlp: Any) -> None:
    text = "Rockets hit Baghdad's Green Zone and a base near Kirkuk."
    for place in _places(nlp, text):
        assert text[place.start : place.end] == place.text


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{i:02d}-{c['mention']}" for i, c in enumerate(CASES)]
)
def test_places_written_mentions_resolve(nlp: Any, case: dict[str, Any]) -> None:
    text = case["sentence"]
    start = text.index(case["mention"])
    end = start + len(case["mention"])
    places = [p for p in _places(nlp, text) if p.start < end and start < p.end]
    assert places, f"no place found over {case['mention']!r} in {text!r}"
    place = places[0]
    assert place.country == case["country"], (text, place)
    if "name" in case:
        assert place.name == case["name"]
    if "lat" in case:
        assert place.lat is not None and place.lon is not None
        assert abs(place.lat - case["lat"]) < 1.5 and abs(place.lon - case["lon"]) < 1.5, (
            text,
            place,
        )


def test_places_seed_article_resolves_its_places(coder: Any, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    coded = coder.code(Article(id="seed", date=dt.date(2020, 1, 9), text=text))
    by_text = {p.text: p for p in coded.places}
    for mention, iso3 in (("Baghdad", "IRQ"), ("Green Zone", "IRQ"), ("Qom", "IRN")):
        assert mention in by_text, f"{mention} not found among {sorted(by_text)}"
        place = by_text[mention]
        assert place.country == iso3 and place.lat is not None and place.lon is not None


def test_places_inside_an_actor_phrase_are_where_the_actor_is(nlp: Any) -> None:
    names = [p.name for p in _places(nlp, "Gunmen in Mosul shot two soldiers on Sunday.")]
    assert "Mosul" in names
    # the country naming whose troops they are is part of the actor, not a place
    places = _places(nlp, "U.S. troops left the base at dawn.")
    assert not any(p.text == "U.S." for p in places)


def test_places_object_of_a_territorial_verb_is_a_place(nlp: Any) -> None:
    names = [p.name for p in _places(nlp, "Rebel fighters seized Kirkuk after a week of fighting.")]
    assert "Kirkuk" in names


def test_places_name_after_a_place_noun_is_a_place_whatever_the_tagger_says(nlp: Any) -> None:
    places = _places(nlp, "Government troops stormed the small village of Tal Bizam on Monday.")
    assert any(p.text == "Tal Bizam" for p in places)


def _events(nlp: Any, text: str) -> list[Any]:
    doc = nlp.make_doc(text)
    doc._.fp_date = dt.date(2021, 3, 10)
    return list(nlp(doc)._.fp_events)


def test_places_country_of_a_one_sided_act_is_its_recipient(nlp: Any) -> None:
    events = _events(nlp, "Serbia lifted a night curfew in Montenegro on Sunday.")
    lifted = next(e for e in events if e.trigger.text == "lifted")
    assert lifted.actor is not None and lifted.actor.code == "SRB"
    assert lifted.recipient is not None and lifted.recipient.code == "MNE"
    assert lifted.recipient.text == "Montenegro"


def test_places_named_recipient_wins_over_the_place(nlp: Any) -> None:
    events = _events(nlp, "Chile accused Peru of spying in Lima.")
    accused = next(e for e in events if e.trigger.text == "accused")
    assert accused.recipient is not None and accused.recipient.code == "PER"


def test_places_untagged_name_after_a_locative_preposition_is_a_place(nlp: Any) -> None:
    places = _places(nlp, "Three soldiers were killed in Wadi Qatra on Sunday at 8 P.M.")
    assert [p.text for p in places] == ["Wadi Qatra"]
    assert places[0].country is None and places[0].feature == "unknown"
    assert _places(nlp, "The minister spoke in January.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A grenade exploded beside a clinic in the town of Deir Hamra on Monday.", "Deir Hamra"),
        ("Soldiers shelled the settlement of Umm Hartain overnight.", "Umm Hartain"),
        ("Police patrolled the Kasembe Mwila district after the riot.", "Kasembe Mwila"),
    ],
)
def test_places_name_a_place_noun_introduces_is_kept_from_the_actors(
    nlp: Any, text: str, name: str
) -> None:
    assert name in [p.text for p in _places(nlp, text)]


def test_places_unknown_name_tagged_as_a_firm_after_a_verb_locative_is_a_place(
    nlp: Any,
) -> None:
    places = _places(nlp, "Four people died in Ain Sefra when gunmen opened fire.")
    assert [p.text for p in places] == ["Ain Sefra"]
    # an institution's name is not a place, whatever the preposition
    places = _places(nlp, "He died later at Greenfield University Hospital.")
    assert not any("University" in p.text for p in places)


def test_places_country_inside_an_organisations_name_is_no_place(nlp: Any) -> None:
    places = _places(nlp, "The Islamic State of Iraq and the Levant claimed the bombing.")
    assert not any(p.text == "Iraq" for p in places)
    places = _places(nlp, "The army fought the Taliban in Helmand and Hamas in Gaza.")
    assert "Hamas" not in [p.text for p in places]


def test_places_name_ending_in_a_place_noun_is_a_place(nlp: Any) -> None:
    places = _places(nlp, "Thirty people were killed in Ukpo LGA between Sunday and Monday.")
    assert "Ukpo LGA" in [p.text for p in places]


def test_places_a_peoples_name_before_a_place_noun_is_no_place(nlp: Any) -> None:
    places = _places(nlp, "Gunmen burned houses in the Sunni village on Friday.")
    assert not any(p.text == "Sunni" for p in places)


def test_places_unknown_name_a_territorial_verb_takes_is_ground(nlp: Any) -> None:
    places = _places(nlp, "Rebels captured Ndele on Nov. 3 but lost it days later.")
    assert [p.text for p in places] == ["Ndele"]
    # a person captured is no place, nor one captured with other people
    assert _places(nlp, "Police captured Hassan Ali on Monday.") == []
    text = "Murad and two police officers were seized in a raid near Kasama."
    assert [p.text for p in _places(nlp, text)] == ["Kasama"]


def test_places_dates_and_people_undergoing_an_act_are_no_places(nlp: Any) -> None:
    places = _places(nlp, "The governor was shot dead at his residence in Goma on Feb. 9, 2004.")
    assert [p.text for p in places] == ["Goma"]
    places = _places(nlp, "Haddad was shot in a Haifa hotel on Oct. 2.")
    assert [p.text for p in places] == ["Haifa"]


def test_places_capital_named_after_of_is_the_place(nlp: Any) -> None:
    places = _places(nlp, "A man was shot in the regional capital of Garowe on Monday.")
    assert "Garowe" in [p.text for p in places]
    places = _places(nlp, "A man was stabbed outside his shop in the Armenian capital of Yerevan.")
    assert [p.text for p in places] == ["Yerevan"]


def test_places_names_after_a_plural_place_noun_are_places(nlp: Any) -> None:
    text = "Militants shelled the villages of Kafr Haddad and Umm Sirhan on Friday."
    names = [p.text for p in _places(nlp, text)]
    assert "Kafr Haddad" in names and "Umm Sirhan" in names


def test_places_capitalised_name_the_tagger_calls_a_noun_is_a_place(nlp: Any) -> None:
    places = _places(nlp, "The toll rose to 21 people killed in Marib since Sunday.")
    assert [p.text for p in places] == ["Marib"]
    assert _places(nlp, "Dozens of fighters died in Sundays raids.") == []


def test_places_unknown_name_after_a_locative_on_the_acts_noun_is_a_place(nlp: Any) -> None:
    places = _places(nlp, "Fighters clashed during raids in Tal Hamis on Monday.")
    assert "Tal Hamis" in [p.text for p in places]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Two fighters were killed in Tal Ma’arouf on Friday.", "Tal Ma’arouf"),
        ("Shells fell on houses in al-Qusour overnight.", "al-Qusour"),
    ],
)
def test_places_names_with_an_apostrophe_or_an_article_are_names(
    nlp: Any, text: str, name: str
) -> None:
    assert name in [p.text for p in _places(nlp, text)]
    # acronyms are not taken for unknown places
    assert _places(nlp, "Fighters of the SDF attacked the post at 0900 GMT.") == []


def test_places_a_mistagged_city_with_a_describing_word_is_still_a_place(nlp: Any) -> None:
    # the model tags "Lahore" as a firm, and the actors stage takes "central Lahore" whole
    text = "Two guards were shot dead on Tuesday in central Lahore."
    texts = [p.text for p in _places(nlp, text)]
    assert "Lahore" in texts


def test_places_a_name_parsed_as_an_adjective_on_a_place_noun_is_a_place(nlp: Any) -> None:
    texts = [p.text for p in _places(nlp, "Shells fell on Aleppo city and its suburbs.")]
    assert "Aleppo" in texts


def test_places_a_peoples_name_tagged_as_a_place_is_none(nlp: Any) -> None:
    doc = nlp.make_doc("the Angolan city of Lobito, in Angola")
    tagger = nlp.get_pipe("places")
    assert tagger.is_demonym(doc[1:2])
    assert not tagger.is_demonym(doc[4:5]) and not tagger.is_demonym(doc[7:8])


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Denver police arrested two men outside a bar on Friday.", "Denver"),
        ("Angry Kandahar residents marched through the market on Sunday.", "Kandahar"),
    ],
)
def test_places_a_name_on_something_the_actors_stage_cannot_code_says_where(
    nlp: Any, text: str, place: str
) -> None:
    assert place in [p.text for p in _places(nlp, text)]


def test_places_a_name_on_a_coded_actor_still_says_whose(nlp: Any) -> None:
    assert "U.S." not in [p.text for p in _places(nlp, "U.S. troops fired on the crowd.")]


def test_places_a_name_before_a_division_word_resolves(nlp: Any) -> None:
    places = _places(nlp, "The curfew was lifted in Kassala State and in North Kassala State.")
    assert [p.country for p in places] == ["SDN", "SDN"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The mayor of Bukavu was killed on Sunday.", "Bukavu"),
        ("A bomb exploded near the Medan courthouse, killing two.", "Medan"),
        # a small town only where nothing but a place can stand
        ("About 500 farmers in Yala protested against the tax.", "Yala"),
        ("A pilgrim was shot at Bethlehem's main square.", "Bethlehem"),
    ],
)
def test_places_a_known_city_the_model_took_for_a_person_is_a_place(
    nlp: Any, text: str, place: str
) -> None:
    assert place in [p.text for p in _places(nlp, text)]


def test_places_a_city_name_a_person_carries_is_no_place(nlp: Any) -> None:
    assert _places(nlp, "Police arrested Jackson on Friday.") == []
    assert _places(nlp, "Gunmen attacked a mostly Shi'i neighbourhood, killing five.") == []


def test_places_an_unknown_division_of_a_state_ranks_as_one(nlp: Any) -> None:
    places = _places(nlp, "Gunmen raided Dutsen Kura in Kwande Local Government Area on Sunday.")
    features = {p.text: p.feature for p in places}
    assert features.get("Kwande Local Government Area") == "admin"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen shot a driver in the Georgian capital Tbilisi on Monday.", ["Tbilisi"]),
        ("Gunmen shot a driver in Tbilisi, the Georgian capital, on Monday.", ["Tbilisi"]),
        ("Gunmen shot a driver in the Georgian capital Monday.", ["Georgian capital"]),
    ],
)
def test_places_a_capital_the_text_names_beside_it_is_that_name(
    nlp: Any, text: str, expected: list[str]
) -> None:
    assert [p.text for p in _places(nlp, text)] == expected


def test_places_a_us_state_abbreviated_after_a_town_is_the_state(nlp: Any) -> None:
    places = _places(nlp, "Police raided a home in Salem, Ore., on Monday.")
    states = [p for p in places if p.text == "Ore."]
    assert states and states[0].feature == "admin" and states[0].country == "USA"
    events = _events(nlp, "Police raided a home in Salem, Ore., on Monday.")
    raided = next(e for e in events if e.trigger.text == "raided")
    assert raided.place is not None and raided.place.text == "Salem"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen raided posts on the far perimeter of Jabal Al-Mutar.", "Jabal Al-Mutar"),
        ("Fighters held the lower slope of Tal Al-Wazir for a week.", "Tal Al-Wazir"),
    ],
)
def test_places_a_hyphenated_name_after_a_place_noun_is_kept_whole(
    nlp: Any, text: str, name: str
) -> None:
    assert name in [p.text for p in _places(nlp, text)]


def test_places_named_matches_equal_the_token_pattern(nlp: Any) -> None:
    from spacy.matcher import Matcher

    from flashpoint.pipeline.places import PLACE_NOUN_FORMS, PLACE_NOUNS, _named_matches

    matcher = Matcher(nlp.vocab)
    name = {"POS": "PROPN", "IS_TITLE": True, "OP": "+"}
    matcher.add(
        "NAMED",
        [
            [{"LOWER": {"IN": [*PLACE_NOUN_FORMS, "capital"]}}, {"LOWER": "of"}, name],
            [name, {"LOWER": {"IN": list(PLACE_NOUNS)}}],
        ],
    )
    doc = nlp(
        "Fighters left the town of Tel Rumi Abyad for the Kasama Ndola district, near the "
        "villages of Marwa and Old Qadir, then the capital of Lusaka."
    )
    expected = sorted((s, e) for _, s, e in matcher(doc))
    assert expected and sorted(_named_matches(doc)) == expected
