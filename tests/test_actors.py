"""The actors stage with the real model: mentions, codes, spans, references."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from flashpoint import Coder
from flashpoint.pipeline.actors import resolve_reference
from flashpoint.pipeline.spans import actor_span_at
from flashpoint.records import Actor

JAN_2020 = dt.date(2020, 1, 9)


def _doc(coder: Coder, text: str, date: dt.date = JAN_2020):  # type: ignore[no-untyped-def]
    doc = coder.nlp.make_doc(text)
    doc._.fp_date = date
    doc._.fp_article_id = "t"
    return coder.nlp(doc)


def _actors(coder: Coder, text: str, date: dt.date = JAN_2020) -> dict[str, Actor]:
    doc = _doc(coder, text, date)
    return {s.text: s._.fp_actor for s in doc._.fp_actors}


def _codes(coder: Coder, text: str, date: dt.date = JAN_2020) -> dict[str, str | None]:
    return {k: a.code for k, a in _actors(coder, text, date).items()}


def test_actors_sector_from_head_noun_with_country_modifier(coder: Coder) -> None:
    codes = _codes(
        coder,
        "Iranian state media reported that U.S. troops had left, and Iranian officials agreed.",
    )
    assert codes["Iranian state media"] == "IRNMED"
    assert codes["U.S. troops"] == "USAMIL"
    assert codes["Iranian officials"] == "IRNGOV"


def test_actors_country_modifying_an_act_is_its_doer(coder: Coder) -> None:
    doc = _doc(coder, "The U.S. killing of the general angered the Iranian delegation.")
    codes = {s.text: s._.fp_actor.code for s in doc._.fp_actors}
    assert codes["U.S."] == "USA"
    assert not any(s.text == "U.S." for s in doc._.fp_places)
    assert _codes(coder, "The Iranian strike hit two bases.")["Iranian"] == "IRN"
    # a country modifying a thing, not an act, stays out of the actors
    assert "Iraqi" not in _codes(coder, "They walked across the Iraqi desert.")


def test_actors_people_resolve_by_article_date(coder: Coder) -> None:
    text = "Trump met Pence, Esper and Pompeo at the White House on Tuesday."
    codes = _codes(coder, text)
    for name in ("Trump", "Pence", "Esper", "Pompeo"):
        assert codes[name] == "USAGOV", name
    later = _actors(coder, "Pompeo spoke to reporters.", dt.date(2023, 3, 1))["Pompeo"]
    assert later.country == "USA" and later.sector == "ELI"


def test_actors_titles_resolve_to_the_holder(coder: Coder) -> None:
    actors = _actors(
        coder,
        "Iranian President Hassan Rouhani rejected the offer from Secretary of State Mike Pompeo.",
    )
    rouhani = actors["Iranian President Hassan Rouhani"]
    assert (rouhani.name, rouhani.code, rouhani.kind) == ("Hassan Rouhani", "IRNGOV", "person")
    assert actors["Secretary of State Mike Pompeo"].name == "Mike Pompeo"
    bare = _actors(coder, "The Defense Secretary said American forces would stay.")
    assert bare["The Defense Secretary"].name == "Mark Esper"


def test_actors_title_without_known_holder_codes_country_government(coder: Coder) -> None:
    actors = _actors(coder, "The Kenyan foreign minister visited Uganda.", dt.date(1950, 1, 1))
    minister = actors["The Kenyan foreign minister"]
    assert minister.code == "KENGOV" and minister.kind == "agent"


def test_actors_country_acts_only_as_subject_or_object(coder: Coder) -> None:
    doc = _doc(
        coder, "Iran fired missiles at bases in Iraq, and Washington imposed sanctions on Iran."
    )
    found = [(s.text, s._.fp_actor.code) for s in doc._.fp_actors]
    assert found == [("Iran", "IRN"), ("Washington", "USAGOV"), ("Iran", "IRN")]
    places = _codes(coder, "Shops closed in Kabul as shells fell on the Afghan capital.")
    assert places == {}


def test_actors_a_name_in_apposition_stands_where_its_noun_does(coder: Coder) -> None:
    # "in the capital, Lima" is a place; "talks with its ally, Chile" a participant.
    assert "Lima" not in _codes(coder, "Peruvian police arrested 40 people in the capital Lima.")
    codes = _codes(coder, "Bolivia held talks with its old rival, Chile, on Monday.")
    assert codes.get("Chile") == "CHL"


def test_actors_compound_modifiers_give_two_actors(coder: Coder) -> None:
    codes = _codes(coder, "Visiting Polish and Czech officials agreed to meet again.")
    assert sorted(c for c in codes.values() if c) == ["CZEGOV", "POLGOV"]


def test_actors_possessive_and_apposition(coder: Coder) -> None:
    actors = _actors(
        coder,
        "Abdul-Malik al-Houthi, head of the Houthi movement, praised the drone strike.",
    )
    person = next(a for a in actors.values() if a.kind == "person")
    assert person.code == "YEMREB"
    codes = _codes(coder, "Iraq's parliament voted to expel the troops, said a court in Kabul.")
    assert codes["Iraq's parliament"] == "IRQLEG"
    assert codes["a court in Kabul"] == "AFGJUD"


def test_actors_unknown_names_are_kept_uncoded(coder: Coder) -> None:
    actors = _actors(coder, "Zorblat Quennimore criticised the Fenwick Riverside Trust on Friday.")
    kinds = {a.kind for a in actors.values() if a.code is None}
    assert "person" in kinds


def test_actors_a_name_the_model_misses_is_kept_where_it_acts(coder: Coder) -> None:
    # names the model tags as no entity: kept where they are a verb's subject or object
    doc = _doc(coder, "Brelvoshkin scrapped a planned trip to Lima.")
    assert [(s.text, s._.fp_actor.code) for s in doc._.fp_actors][0] == ("Brelvoshkin", None)
    doc = _doc(coder, "Erdogan again accused Gulen of plotting a coup .")
    assert "Gulen" in {s.text for s in doc._.fp_actors}
    # a place or a date the model tags stays out
    doc = _doc(coder, "Tornadoes hit Kansas in March.")
    assert not [s for s in doc._.fp_actors if s.text in ("March", "Tornadoes")]


def test_actors_acronyms_match_case(coder: Coder) -> None:
    codes = _codes(coder, "The US warned that it would not let us down, the UN said.")
    assert codes.get("The US") == "USA" or codes.get("US") == "USA"
    assert "us" not in codes
    assert any(c == "IGOUNO" for c in codes.values())


def test_actors_a_name_written_with_its_article_still_needs_its_capital(coder: Coder) -> None:
    # "the States" is the United States; "neighbouring states" are not.
    codes = _codes(coder, "Neighbouring states must act, the Pentagon said.")
    assert "USA" not in codes.values()
    assert codes["the Pentagon"] == "USAMIL"
    # A common noun that shares the key does not let the name match in lower case.
    actors = _actors(coder, "The states of the region met in Lima.")
    assert actors["The states"].country is None


def test_actors_states_taken_together_are_governments_of_no_one_country(coder: Coder) -> None:
    actors = _actors(coder, "Chile pledged aid to other Andean countries and Gulf states.")
    for text in ("other Andean countries", "Gulf states"):
        assert (actors[text].sector, actors[text].country) == ("GOV", None)


def test_actors_a_bare_title_of_an_organisation_names_no_holder(coder: Coder) -> None:
    # Several bodies have a president; with no country or body named, none is meant.
    bare = _actors(coder, "The president said the talks would go on.")["The president"]
    assert bare.name is None and not (bare.code or "").startswith("IGO")
    named = _actors(coder, "The European Commission president said the talks would go on.")
    assert named["The European Commission president"].code == "IGOEUR"


def test_actors_span_covers_the_parse_head(coder: Coder) -> None:
    doc = _doc(coder, "U.S. troops fired on the convoy.")
    troops = next(t for t in doc if t.text == "troops")
    span = actor_span_at(doc, troops)
    assert span is not None and span.text == "U.S. troops"
    assert span._.fp_actor.start == 0 and span._.fp_actor.end == len("U.S. troops")


def test_actors_spans_are_sorted_and_disjoint(coder: Coder) -> None:
    doc = _doc(
        coder, "Iraqi troops and Kurdish fighters clashed as Turkey warned the Taliban and NATO."
    )
    spans = doc._.fp_actors
    assert spans
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start


def test_actors_masked_ranges_are_skipped(coder: Coder) -> None:
    text = "Iran warned Israel. -- Some Person (@handle) March 1, 2020"
    doc = coder.nlp.make_doc(text)
    doc._.fp_date = JAN_2020
    doc._.fp_masked = [(text.index("--"), len(text))]
    actor_stage = coder.nlp.get_pipe("actors")
    for name, proc in coder.nlp.pipeline:
        if name == "actors":
            break
        doc = proc(doc)
    doc._.fp_masked = [(text.index("--"), len(text))]
    doc = actor_stage(doc)
    assert all(s.end_char <= text.index("--") for s in doc._.fp_actors)


def test_actors_resolve_reference_pronoun_and_definite(coder: Coder) -> None:
    doc = _doc(
        coder, "Trump spoke on Monday. He said the Houthis had fired first. The group denied it."
    )
    he = next(t for t in doc if t.text == "He")
    span = resolve_reference(doc, he)
    assert span is not None and span._.fp_actor.name == "Donald Trump"
    group = next(t for t in doc if t.text == "group")
    target = resolve_reference(doc, group)
    assert target is not None and target._.fp_actor.code == "YEMREB"


def test_actors_a_body_with_a_plural_name_is_it(coder: Coder) -> None:
    doc = _doc(coder, "The Chilean Marines said it would not release the tanker.")
    it = next(t for t in doc if t.text == "it")
    span = resolve_reference(doc, it)
    assert span is not None and span._.fp_actor.code == "CHLMIL"
    # a common plural is no "it"
    doc = _doc(coder, "Chilean soldiers said it was raining.")
    assert resolve_reference(doc, next(t for t in doc if t.text == "it")) is None


def test_actors_subject_he_continues_the_last_sentences_subject(coder: Coder) -> None:
    doc = _doc(
        coder,
        "Donald Trump spoke in Ohio. Last spring the president weighed a summit with "
        "Indian Prime Minister Narendra Modi. "
        "\u201cI am open to it,\u201d he told a radio host.",
    )
    he = next(t for t in doc if t.text == "he")
    span = resolve_reference(doc, he)
    assert span is not None and span._.fp_actor.code == "USAGOV"


def test_actors_user_petrarch_dictionary_codes_text(tmp_path: Path) -> None:
    from flashpoint import Config

    actors = tmp_path / "mine.actors"
    actors.write_text("FREEDONIA [FRD]\n+FREEDONIAN\nRUFUS_FIREFLY\n\t[FRDGOV 19330101-19331231]\n")
    agents = tmp_path / "mine.agents"
    agents.write_text("MARKET_SELLER [~BUS]\n")
    coder = Coder(Config(actor_files=(actors,), agent_files=(agents,)))
    text = "Rufus Firefly denounced Freedonian market sellers."
    codes = _codes(coder, text, dt.date(1933, 6, 1))
    assert codes["Rufus Firefly"] == "FRDGOV"
    assert codes["Freedonian market sellers"] == "FRDBUS"


def test_actors_user_petrarch_codes_join_the_office_of_their_phrase(tmp_path: Path) -> None:
    from flashpoint import Config

    actors = tmp_path / "mine.actors"
    actors.write_text("FREEDONIA [FRD]\nRUFUS_FIREFLY [FRD]\nSYLVANIA [SYL]\n")
    agents = tmp_path / "mine.agents"
    agents.write_text("PRESIDENT [~GOV]\nTRADE_ENVOY [~GOVTRD]\n")
    coder = Coder(Config(actor_files=(actors,), agent_files=(agents,)))
    codes = _codes(coder, "Freedonia President Rufus Firefly scolded Sylvania's trade envoy.")
    # a person the dictionary codes by country alone, named with an office
    assert codes["Freedonia President Rufus Firefly"] == "FRDGOV"
    # an agent's own code, not only its sector, follows the country
    assert codes["Sylvania's trade envoy"] == "SYLGOVTRD"


def test_actors_words_joined_by_underscores_match_a_dictionary_phrase(tmp_path: Path) -> None:
    from flashpoint import Config

    actors = tmp_path / "mine.actors"
    actors.write_text("FREEDONIA [FRD]\nDUKE OF SYLVAN_MARSH [SYM]\n")
    coder = Coder(Config(actor_files=(actors,)))
    codes = _codes(coder, "Freedonia rebuked the Duke_of_Sylvan_Marsh.")
    assert codes["the Duke_of_Sylvan_Marsh"] == "SYM"
    codes = _codes(coder, "Freedonia rebuked the Duke of Sylvan_Marsh on Monday.")
    assert codes["the Duke of Sylvan_Marsh"] == "SYM"
    # a handle or a link that contains the name is not the name
    text = "Freedonia rebuked @duke_of_sylvan_marsh and www.duke_of_sylvan_marsh.org."
    codes = _codes(coder, text)
    assert "SYM" not in codes.values()


def test_actors_agents_of_a_list_of_countries_stand_for_each(coder: Coder) -> None:
    doc = _doc(coder, "The ambassadors of Chile, Peru and Bolivia met the president of Brazil.")
    envoys = next(s._.fp_actor for s in doc._.fp_actors if s.text.startswith("The ambassadors"))
    assert envoys.joint_codes == ["CHLGOV", "PERGOV", "BOLGOV"]
    # two places in two phrases are not a list
    doc = _doc(coder, "The parliament of Chile in Peru condemned Bolivia.")
    assert all(not s._.fp_actor.joint_codes for s in doc._.fp_actors)


def test_actors_the_owner_of_an_agent_is_not_where_it_sits(coder: Coder) -> None:
    codes = _codes(coder, "The parliament of Chile in Peru condemned Bolivia.")
    assert codes["The parliament of Chile in Peru"] == "CHLLEG"
    codes = _codes(coder, "The senate of Chile in Lima praised Bolivia.")
    assert codes["The senate of Chile in Lima"] == "CHLLEG"


def test_actors_conjoined_agents_share_the_phrase_that_places_them(coder: Coder) -> None:
    doc = _doc(coder, "Senators and judges in Chile and Peru condemned Bolivia.")
    (group,) = [s._.fp_actor for s in doc._.fp_actors if s.text.startswith("Senators")]
    assert sorted(group.joint_codes) == ["CHLJUD", "CHLLEG", "PERJUD", "PERLEG"]
    doc = _doc(coder, "Senators and judges in Chile condemned Bolivia.")
    (group,) = [s._.fp_actor for s in doc._.fp_actors if s.text.startswith("Senators")]
    assert group.joint_codes == ["CHLLEG", "CHLJUD"]


def test_actors_former_holders_of_any_state_office_are_elites(coder: Coder) -> None:
    codes = _codes(coder, "Former Chilean judges and former Chilean students criticized Peru.")
    assert codes["Former Chilean judges"] == "CHLELI"
    assert codes["former Chilean students"] == "CHLEDU", "a former student held no office"


def test_actors_a_prefix_agent_goes_in_front_of_its_phrase(tmp_path: Path) -> None:
    from flashpoint import Config

    actors = tmp_path / "mine.actors"
    actors.write_text("FREEDONIA [FRD]\nSYLVANIA [SYL]\n")
    agents = tmp_path / "mine.agents"
    agents.write_text("AIDWORKS {} [NGO~]\nDIPLOMAT [~GOV]\n")
    coder = Coder(Config(actor_files=(actors,), agent_files=(agents,)))
    codes = _codes(coder, "An Aidworks Freedonia diplomat praised Sylvania.")
    assert codes["An Aidworks Freedonia diplomat"] == "NGOFRDGOV"
    codes = _codes(coder, "Aidworks Freedonia praised Sylvania.")
    assert codes["Aidworks Freedonia"] == "NGOFRD"


def test_actors_a_name_coordinated_with_another_is_not_its_modifier(tmp_path: Path) -> None:
    from spacy.tokens import Doc

    from flashpoint import Config

    actors = tmp_path / "mine.actors"
    actors.write_text("VELMAR [VLM]\nKARVASSA [KRV]\nODRINE [ODR]\n")
    coder = Coder(Config(actor_files=(actors,)))
    # the parse reads "Velmar", with the "and" on it, as a modifier of "Karvassa"
    doc = Doc(
        coder.nlp.vocab,
        words=["Velmar", "and", "the", "old", "Karvassa", "welcomed", "Odrine", "."],
        heads=[4, 0, 4, 4, 5, 5, 5, 5],
        deps=["nmod", "cc", "det", "amod", "nsubj", "ROOT", "dobj", "punct"],
        pos=["PROPN", "CCONJ", "DET", "ADJ", "PROPN", "VERB", "PROPN", "PUNCT"],
        tags=["NNP", "CC", "DT", "JJ", "NNP", "VBD", "NNP", "."],
    )
    doc._.fp_date = JAN_2020
    coder.nlp.get_pipe("actors")(doc)
    codes = {s.text: s._.fp_actor.code for s in doc._.fp_actors}
    assert codes["Velmar"] == "VLM" and codes["the old Karvassa"] == "KRV"


def test_actors_seed_article_codes(coder: Coder, seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    header, _, rest = raw.partition("date ")
    date_text, _, body = rest.partition(" ")
    doc = _doc(coder, body, dt.date.fromisoformat(date_text))
    by_name: dict[str, set[str | None]] = {}
    for span in doc._.fp_actors:
        actor = span._.fp_actor
        by_name.setdefault(actor.name or span.text, set()).add(actor.code)
    for name in ("Donald Trump", "Mike Pence", "Mark Esper", "Mike Pompeo"):
        assert by_name[name] == {"USAGOV"}, name
    assert by_name["Abdul-Malik al-Houthi"] == {"YEMREB"}
    assert {c[:3] for c in by_name["Qais al-Khazali"] if c} == {"IRQ"}
    assert "IRNMED" in by_name["Iranian state media"]
    assert by_name["Ali Khamenei"] == {"IRNGOV"}
    assert "USA" in by_name["United States"] and "IRN" in by_name["Iran"]


def test_actors_peoples_coded_where_the_text_places_them(coder: Coder) -> None:
    codes = _codes(coder, "Bosnian Croats held a rally, and Iranians marched in the streets.")
    assert codes["Bosnian Croats"] == "BIH"
    assert codes["Iranians"] == "IRN"
    ethnic = _codes(coder, "Police in Slovakia questioned ethnic Hungarians in Slovakia on Friday.")
    assert ethnic["ethnic Hungarians"] == "SVK"


def test_actors_sending_verb_destination_is_an_actor(coder: Coder) -> None:
    codes = _codes(coder, "Norway sent medical supplies to Haiti on Monday.")
    assert codes.get("Haiti") == "HTI"
    # A destination of movement stays a place.
    assert "Haiti" not in _codes(coder, "The minister travelled to Haiti on Monday.")


def test_actors_apposition_is_one_mention(coder: Coder) -> None:
    actors = _actors(coder, "Nicolas Maduro, Venezuela's president, rejected the plan.")
    assert list(actors) == ["Nicolas Maduro, Venezuela's president"]
    assert actors["Nicolas Maduro, Venezuela's president"].code == "VENGOV"
    listed = _actors(coder, "Angela Merkel, Emmanuel Macron and Boris Johnson met in Paris.")
    assert len([a for a in listed.values() if a.kind == "person"]) == 3


def test_actors_titled_unknown_name_takes_the_story_country(coder: Coder) -> None:
    codes = _codes(coder, "The Fijian army said Prime Minister Tavita Lomu was safe.")
    assert codes["Prime Minister Tavita Lomu"] == "FJIGOV"


def test_actors_holder_of_an_international_office_codes_as_the_body(coder: Coder) -> None:
    codes = _codes(coder, "Kofi Annan urged Iraq to comply.", dt.date(2000, 3, 1))
    assert codes["Kofi Annan"] == "IGOUNO"


def test_actors_plural_title_is_not_the_office_holder(coder: Coder) -> None:
    actors = _actors(coder, "European Union foreign ministers agreed to meet again.")
    actor = actors["European Union foreign ministers"]
    assert actor.kind == "agent"
    assert actor.code == "IGOEUR"


def test_actors_people_of_a_country_code_where_they_live(coder: Coder) -> None:
    codes = _codes(coder, "The Albanians of southern Serbia are demanding autonomy.")
    assert codes["The Albanians"] == "SRB"


def test_actors_span_keeps_an_acronym_whole(coder: Coder) -> None:
    actors = _actors(coder, "The National Security Directorate ( NSD ) arrested him.")
    assert "The National Security Directorate ( NSD )" in actors


def test_actors_span_leaves_a_closing_time_to_the_clause(coder: Coder) -> None:
    text = (
        "Spain's king sent sympathy to the parents of the 14 miners trapped in a shaft "
        "near Madrid last month, as rescuers dug."
    )
    actors = _actors(coder, text)
    assert "the parents of the 14 miners trapped in a shaft near Madrid" in actors


def test_actors_span_leaves_an_adverb_hung_on_its_last_noun_to_the_clause(coder: Coder) -> None:
    from spacy.tokens import Doc

    # the parse hangs "here" on "Peru", though it places the meeting, not the delegation
    doc = Doc(
        coder.nlp.vocab,
        words="A delegation from Peru here on Monday met the governor .".split(),
        heads=[1, 7, 1, 2, 3, 7, 5, 7, 9, 7, 7],
        deps="det nsubj prep pobj advmod prep pobj ROOT det dobj punct".split(),
        pos="DET NOUN ADP PROPN ADV ADP PROPN VERB DET NOUN PUNCT".split(),
        tags="DT NN IN NNP RB IN NNP VBD DT NN .".split(),
        ents=["O", "O", "O", "B-GPE", "O", "O", "B-DATE", "O", "O", "O", "O"],
    )
    doc._.fp_date = JAN_2020
    coder.nlp.get_pipe("actors")(doc)
    codes = {s.text: s._.fp_actor.code for s in doc._.fp_actors}
    assert codes["A delegation from Peru"] == "PERGOV"


def test_actors_a_name_runs_on_to_its_head_where_the_tagger_stops_short(coder: Coder) -> None:
    from spacy.tokens import Doc

    # the tagger marks "Karim Nadir" as the person; the parse heads the name on "Baloch"
    doc = Doc(
        coder.nlp.vocab,
        words="Officials met Senator Karim Nadir Baloch in Quetta .".split(),
        heads=[1, 1, 5, 5, 5, 1, 1, 6, 1],
        deps="nsubj ROOT compound compound compound dobj prep pobj punct".split(),
        pos="NOUN VERB PROPN PROPN PROPN PROPN ADP PROPN PUNCT".split(),
        tags="NNS VBD NNP NNP NNP NNP IN NNP .".split(),
        ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O"],
    )
    doc._.fp_date = JAN_2020
    coder.nlp.get_pipe("actors")(doc)
    assert "Senator Karim Nadir Baloch" in [s.text for s in doc._.fp_actors]


def test_actors_soviet_codes_as_russia(coder: Coder) -> None:
    assert _codes(coder, "Soviet troops entered Kabul.")["Soviet troops"] == "RUSMIL"


def test_actors_person_of_country_is_one_span(coder: Coder) -> None:
    codes = _codes(coder, "President Recep Tayyip Erdogan of Turkey criticised the plan.")
    assert codes == {"President Recep Tayyip Erdogan of Turkey": "TURGOV"}


def test_actors_person_modifying_a_body_gives_its_country(coder: Coder) -> None:
    codes = _codes(coder, "The Obama administration said Cuba must free the prisoners.")
    assert codes["The Obama administration"] == "USAGOV"


def test_actors_unknown_name_in_a_state_office_takes_the_story_country(coder: Coder) -> None:
    codes = _codes(coder, "Judge Marta Quispe charged nine Peruvian officials with fraud.")
    assert codes["Judge Marta Quispe"] == "PERJUD"
    # an envoy serves abroad: the story's country is no evidence of whose envoy
    codes = _codes(coder, "Peru summoned Ambassador Tomas Lindqvist over the remarks.")
    assert codes["Ambassador Tomas Lindqvist"] is None


def test_actors_a_regions_people_are_no_countrys(coder: Coder) -> None:
    codes = _codes(coder, "Central American migrants and North Korean troops met.")
    assert codes["Central American migrants"] is None
    assert codes["North Korean troops"] == "PRKMIL"
    assert _codes(coder, "Latin American envoys protested.")["Latin American envoys"] is None


def test_actors_a_coalition_led_by_a_state_is_its_military(coder: Coder) -> None:
    codes = _codes(coder, "The Saudi-led coalition bombed the port.")
    assert codes["The Saudi-led coalition"] == "SAUMIL"
    # a party leading a coalition makes it a coalition of parties
    codes = _codes(coder, "A Labour-led coalition took office in Wellington.")
    assert codes["A Labour-led coalition"] == "NZLPTY"


def test_actors_named_spokesman_of_a_group_speaks_for_the_group(coder: Coder) -> None:
    codes = _codes(coder, "Houthi spokesman Ali Nasser said the talks had failed.")
    assert codes["Houthi spokesman Ali Nasser"] == "YEMREB"
    # a seat of power places its spokesman, whatever country the story is about
    codes = _codes(coder, "White House spokesman Tom Reyes told reporters in Riyadh.")
    assert codes["White House spokesman Tom Reyes"] == "USAGOV"
    # a state body's spokesman stays its government's voice
    codes = _codes(coder, "Pentagon spokesman Tom Reyes said the drill was over.")
    assert codes["Pentagon spokesman Tom Reyes"] == "USAGOV"


def test_actors_a_bare_surname_is_the_person_named_in_full_before(coder: Coder) -> None:
    text = "Kenyan official Joseph Mwangi met the envoy. Mwangi said the talks went well."
    assert _codes(coder, text)["Mwangi"] == "KENGOV"
    # two people of that surname: the bare one is neither
    text = (
        "Kenyan official Joseph Mwangi met Ugandan official Peter Mwangi. "
        "Mwangi said the talks went well."
    )
    assert _codes(coder, text)["Mwangi"] is None
    # a family name that comes first is the family name
    text = "North Korean leader Kim Jong Un met the envoy. Kim said the talks went well."
    assert _codes(coder, text, dt.date(2019, 6, 30))["Kim"] == "PRKGOV"


def test_actors_country_reaches_peoples_leaders_and_conjuncts(coder: Coder) -> None:
    codes = _codes(coder, "Iraqi Kurds and Syrian-led forces met as Israeli jets and tanks moved.")
    assert codes["Iraqi Kurds"] == "IRQ"
    assert codes["Syrian-led forces"] == "SYRMIL"
    assert codes["Israeli jets"] == "ISRMIL"
    assert codes["tanks"] == "ISRMIL"  # the adjective covers both conjuncts
    backed = _codes(coder, "Iranian-backed militias attacked the base.")
    assert backed["Iranian-backed militias"] is None  # a backer is not the group's country


def test_actors_country_names_that_are_no_actor_are_kept_as_references(coder: Coder) -> None:
    doc = _doc(coder, "Chile rejected a Peruvian proposal.")
    assert [s.text for s in doc._.fp_actors] == ["Chile"]
    assert [(s.text, s._.fp_actor.code) for s in doc._.fp_country_refs] == [("Peruvian", "PER")]


def test_actors_generic_agents_take_their_sentence_country(coder: Coder) -> None:
    codes = _codes(coder, "Kenyan police used batons to break up a crowd of protesters.")
    assert codes["Kenyan police"] == "KENCOP"
    assert codes["protesters"] == "KENCVL"
    # a place the sentence happens in gives the country too
    assert _codes(coder, "Students marched in Lima on Friday.")["Students"] == "PEREDU"
    # the courts of a government that speaks in the sentence
    codes = _codes(coder, "The Bolivian government said the courts would decide.")
    assert codes["the courts"] == "BOLJUD"
    # those who keep a country's prisons are its police
    assert _codes(coder, "Peruvian prison guards beat the inmates.")["Peruvian prison guards"] == (
        "PERCOP"
    )


def test_actors_generic_agents_stay_uncoded_without_one_country(coder: Coder) -> None:
    # two countries: no way to tell whose officials these are
    codes = _codes(coder, "Officials met in Oslo after Chile and Peru signed the pact.")
    assert codes["Officials"] is None
    # a destination or an opponent is not where the agents are from
    assert _codes(coder, "Troops will be sent to Mali, officials said.")["officials"] is None
    # agents often abroad are never joined
    codes = _codes(coder, "Ecuadorian police escorted the diplomats to the airport.")
    assert codes["the diplomats"] is None
    assert _codes(coder, "Refugees gathered at the border with Ghana.")["Refugees"] is None
    # a place the agents march through is theirs too, so two countries give none
    text = "Students marched through Nairobi to demand the release of Ugandan prisoners."
    assert _codes(coder, text)["Students"] is None
    # agents said to be from elsewhere are not the sentence's
    codes = _codes(coder, "Kenyan police questioned foreign journalists in Nairobi.")
    assert codes["foreign journalists"] is None
    assert _codes(coder, "Kenyan officials met world leaders in Nairobi.")["world leaders"] is None
    # those of several states of a region are not the one state they meet in
    codes = _codes(coder, "The Haitian president met Caribbean leaders on Friday.")
    assert codes["Caribbean leaders"] is None
    # the two sides of a war are not the one country the sentence names
    assert _codes(coder, "Chile urged both sides to stop the fighting.")["both sides"] is None
    # a state the agents act on is the other side, not theirs
    codes = _codes(coder, "The ministry statement condemned Ghana.")
    assert codes["ministry"] is None and codes["Ghana"] == "GHA"
    # but a foreign ministry is the home country's office
    codes = _codes(coder, "The Kenyan foreign ministry summoned the envoy.")
    assert codes["The Kenyan foreign ministry"] == "KENGOV"


def test_actors_armed_agents_need_their_own_authorities(coder: Coder) -> None:
    # a military of one country says nothing of the gunmen it fights
    codes = _codes(coder, "Nigerian soldiers killed ten gunmen near the market.")
    assert codes["Nigerian soldiers"] == "NGAMIL"
    assert codes["ten gunmen"] is None
    # the state the militants attack is not theirs
    assert _codes(coder, "Militants attacked Jordan last year.")["Militants"] is None
    # but the government whose words report them places them
    codes = _codes(coder, "The Malian government said rebels had seized two towns.")
    assert codes["rebels"] == "MLIREB"


def test_actors_article_country_for_sentences_that_name_none(coder: Coder) -> None:
    text = "Floods hit Bangladesh on Monday. Officials said 40 people had died."
    codes = _codes(coder, text)
    assert codes["Officials"] == "BGDGOV"
    two = "Floods hit Bangladesh and India on Monday. Officials said 40 people had died."
    assert _codes(coder, two)["Officials"] is None


def test_actors_role_nouns_take_the_sector_of_their_body(coder: Coder) -> None:
    actors = _actors(coder, "The rebel leader met union leaders.")
    sectors = {k: a.sector for k, a in actors.items()}
    assert sectors == {"The rebel leader": "REB", "union leaders": "LAB"}
    actors = _actors(coder, "Senior military officials said the drill was over.")
    assert actors["Senior military officials"].sector == "MIL"
    assert _actors(coder, "Government officials denied it.")["Government officials"].sector == "GOV"
    # a named holder of the role too
    actors = _actors(coder, "Chilean troops captured the rebel leader Pablo Ruiz.")
    assert actors["the rebel leader Pablo Ruiz"].sector == "REB"


def test_actors_people_of_a_person_take_the_person_country(coder: Coder) -> None:
    text = "Hundreds of supporters of President Vladimir Putin rallied."
    codes = _codes(coder, text)
    assert any(code == "RUS" for name, code in codes.items() if "supporters" in name)
    # those who act against the person are not the person's people
    codes = _codes(coder, "The attackers of President Hamid Karzai fled.")
    assert codes["The attackers"] is None


def test_actors_a_surname_after_another_first_name_is_someone_else(coder: Coder) -> None:
    codes = _codes(coder, "Hunter Biden testified on Monday, and President Biden spoke.")
    assert codes["Hunter Biden"] is None
    assert _codes(coder, "The ship sailed to the port of Bandar Abbas.").get("Bandar Abbas") is None
    # titles and known names still resolve
    assert _codes(coder, "Secretary Pompeo met Netanyahu.")["Secretary Pompeo"] == "USAGOV"


def test_actors_titled_misspelt_surname_is_the_title_holder(coder: Coder) -> None:
    # One letter added, dropped or changed in a holder's surname is still that holder,
    # even in a story about another country.
    codes = _codes(coder, "President Emmanuel Macronn welcomed the Kenyan delegation.")
    assert codes["President Emmanuel Macronn"] == "FRAGOV"
    former = _actors(coder, "President Francois Holande spoke to Kenyan students.")
    assert former["President Francois Holande"].country == "FRA"
    # A surname far from any holder's is no one the knowledge base knows.
    assert _codes(coder, "President Jan Mokobo spoke.")["President Jan Mokobo"] != "FRAGOV"


def test_actors_home_participle_places_an_agent(coder: Coder) -> None:
    codes = _codes(coder, "A militant group based in Tanzania claimed the raid.")
    assert codes["A militant group based in Tanzania"].startswith("TZA")


def test_actors_country_naming_the_weapon_of_an_act_is_its_doer(coder: Coder) -> None:
    codes = _codes(coder, "Ugandan Predator attacks killed four smugglers.")
    assert codes["Ugandan"] == "UGA"


def test_actors_uncoded_group_takes_the_name_in_apposition(coder: Coder) -> None:
    text = "The biggest armed movement, the LRA, said it would fight on."
    codes = _codes(coder, text)
    assert codes["The biggest armed movement"] == "UGAREB"


def test_actors_stance_towards_a_country_is_not_its_country(coder: Coder) -> None:
    codes = _codes(coder, "Anti-Kenyan activists rallied in Kampala.")
    assert codes["Anti-Kenyan activists"] == "UGACVL"
    assert not (
        _codes(coder, "Pro-Chilean militias attacked a base.").get("Pro-Chilean militias") or ""
    ).startswith("CHL")


def test_actors_people_fleeing_a_country_are_of_it(coder: Coder) -> None:
    codes = _codes(coder, "The agency fed refugees fleeing the fighting in Somalia.")
    assert codes["refugees"] == "SOMREF"
    # Fleeing from one country into another names no one country.
    codes = _codes(coder, "The agency fed refugees escaping from Somalia to Ethiopia.")
    assert codes["refugees"] is None


def test_actors_people_take_the_place_they_act_in(coder: Coder) -> None:
    # Where protesters or police do what they do places them, before a country they defy.
    text = "Thousands of people blocked roads in Nairobi in defiance of Ugandan authorities."
    assert _codes(coder, text)["Thousands of people"] == "KENCVL"
    text = "Police arrested two students in Kampala after a warning from Kenyan officials."
    assert _codes(coder, text)["Police"] == "UGACOP"


def test_actors_a_countrys_side_is_that_country(coder: Coder) -> None:
    codes = _codes(coder, "The Kenyan and Ugandan sides agreed to reopen the border.")
    assert codes == {"Kenyan": "KEN", "Ugandan sides": "UGA"}


def test_actors_country_name_misspelt_inside_is_that_country(coder: Coder) -> None:
    assert _codes(coder, "Tanzanai agreed to the talks.")["Tanzanai"] is None  # two letters
    assert _codes(coder, "Tanznia agreed to the talks.")["Tanznia"] == "TZA"
    assert _codes(coder, "The Phillippines army withdrew.")["The Phillippines army"] == "PHLMIL"
    # A name that only adds a letter at either end is another place ("Indiana").
    assert _codes(coder, "Police in Indiana arrested two men.")["Police in Indiana"] is None


def test_actors_name_described_by_a_local_agent_takes_the_sentence_country(coder: Coder) -> None:
    text = "The Kenyan government shut down the opposition newspaper La Voz for a week."
    codes = _codes(coder, text)
    assert codes["the opposition newspaper La Voz"] == "KENMED"


def test_actors_office_of_a_named_region_takes_its_country(coder: Coder) -> None:
    codes = _codes(coder, "The governor of the Kursk region resigned on Friday.")
    assert codes["The governor of the Kursk region"] == "RUSGOV"


def test_actors_a_town_of_a_state_not_yet_formed_codes_as_the_older_state(coder: Coder) -> None:
    text = "Juba accused the rebels of breaking the truce."
    assert _actors(coder, text, dt.date(2003, 5, 1))["Juba"].country == "SDN"
    assert _actors(coder, text, dt.date(2016, 5, 1))["Juba"].country == "SSD"


def test_actors_a_capital_name_in_a_story_about_another_country_is_its_city(
    coder: Coder,
) -> None:
    text = "Gunmen in Tripoli fired on a Lebanese army post near the harbour."
    assert _actors(coder, text)["Gunmen in Tripoli"].country == "LBN"
    assert _actors(coder, "Tripoli accused Cairo of arming the rebels.")["Tripoli"].country == "LBY"


def test_kb_city_country_prefers_a_city_in_a_country_the_article_names(coder: Coder) -> None:
    kb = coder.nlp.get_pipe("actors").kb
    assert kb.city_country("Tripoli", {"LBN", "SYR"}) == "LBN"
    assert kb.city_country("Tripoli") == "LBY"


def test_actors_an_afghan_armed_party_is_known_under_its_spellings(coder: Coder) -> None:
    codes = _codes(coder, "Hizb-i-Islami fighters ambushed a convoy.")
    assert codes["Hizb-i-Islami fighters"] == "AFGREB"


def test_actors_a_fronted_complement_of_the_verb_is_no_part_of_the_mention(
    coder: Coder,
) -> None:
    assert "activists" in _codes(coder, "Chile let free activists after the protests.")


def test_actors_aid_groups_are_known_by_name(coder: Coder) -> None:
    codes = _codes(coder, "Mercy Corps and Action Against Hunger sent food to Chad.")
    assert codes["Mercy Corps"] == "NGOMCY"
    assert codes["Action Against Hunger"] == "NGOACF"
