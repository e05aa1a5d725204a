"""Event coding on the real parse: triggers, roles, folding, modality, records."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint import Article, Coder
from flashpoint.kb.lexicon import load_lexicon
from flashpoint.pipeline.events import (
    EventCoder,
    EventMatch,
    _is_passive,
    _misread_subject,
    _phone_call,
    _subject_heads,
    main_event,
)
from flashpoint.records import Actor, Event

# Actor mentions the tests place on the doc, as the actor stage would: text -> code.
ACTORS = {
    "Russia": "RUS",
    "Ukraine": "UKR",
    "Egypt": "EGY",
    "Jordan": "JOR",
    "Israel": "ISR",
    "Iran": "IRN",
    "Iranian": "IRN",
    "the United States": "USA",
    "U.S.": "USA",
    "France": "FRA",
    "Germany": "DEU",
    "Japan": "JPN",
    "Nepal": "NPL",
    "Iraqi": "IRQ",
    "Chile": "CHL",
    "Peru": "PER",
}


def _prepare(nlp: Language, text: str, masked: list[tuple[int, int]] | None = None) -> Doc:
    """Parse and place actor mentions; stop before the event stage."""
    doc = nlp.make_doc(text)
    doc._.fp_article_id = "t1"
    doc._.fp_date = dt.date(2021, 5, 4)
    for name, component in nlp.pipeline:
        if name == "events":
            break
        doc = component(doc)
    doc._.fp_masked = masked or []
    spans = []
    for surface, code in ACTORS.items():
        start = 0
        while (found := text.find(surface, start)) >= 0:
            span = doc.char_span(found, found + len(surface))
            start = found + len(surface)
            if span is None or any(s.start < span.end and span.start < s.end for s in spans):
                continue
            span._.fp_actor = Actor(
                text=surface, code=code, country=code, kind="state", start=found, end=start
            )
            spans.append(span)
    doc._.fp_actors = sorted(spans, key=lambda s: s.start)
    return doc


def _code(nlp: Language, text: str, **kwargs: object) -> list[Event]:
    doc = _prepare(nlp, text, **kwargs)  # type: ignore[arg-type]
    nlp.get_pipe("events")(doc)
    return list(doc._.fp_events)


def _dyads(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.actor.code if e.actor else None, e.recipient.code if e.recipient else None, e.event_type)
        for e in events
    }


def test_events_active_voice_codes_actor_and_recipient(nlp: Language) -> None:
    events = _code(nlp, "Russia attacked Ukraine on Monday.")
    assert _dyads(events) == {("RUS", "UKR", "ASSAULT")}
    event = events[0]
    assert event.cameo.startswith("19") and event.quad_class == 4 and event.goldstein < 0
    assert event.trigger.text == "attacked"
    assert event.id == "t1:e0" and event.article_id == "t1"
    assert event.sentence.index == 0 and event.modality == "asserted"


def test_events_attack_for_what_someone_did_is_criticism(nlp: Language) -> None:
    events = _code(nlp, "Russia attacked Ukraine for closing the pipeline.")
    assert [(e.cameo, e.event_type) for e in events] == [("111", "ACCUSE")]
    assert _code(nlp, "Russia attacked Ukraine for her remarks.")[0].cameo == "111"
    # a span of time gives no reason: the attack stays an attack
    assert _code(nlp, "Russia attacked Ukraine for hours.")[0].cameo == "190"
    assert _code(nlp, "Russia attacked Ukraine for the second time.")[0].cameo == "190"


def test_events_passive_voice_swaps_roles(nlp: Language) -> None:
    assert _dyads(_code(nlp, "Ukraine was attacked by Russia on Monday.")) == {
        ("RUS", "UKR", "ASSAULT")
    }


def test_events_agentless_passive_has_recipient_only(nlp: Language) -> None:
    events = _code(nlp, "Ukraine was attacked on Monday.")
    assert _dyads(events) == {(None, "UKR", "ASSAULT")}
    assert events[0].confidence < 0.9


def test_events_prepositional_recipient(nlp: Language) -> None:
    assert ("FRA", "DEU", "CONSULT") in _dyads(_code(nlp, "France met with Germany in Paris."))
    assert ("FRA", "DEU", "SANCTION") in _dyads(
        _code(nlp, "France imposed new sanctions on Germany.")
    )


def test_events_nominal_event_takes_compound_agent_and_of_patient(nlp: Language) -> None:
    events = _code(nlp, "Officials spoke after the U.S. killing of an Iranian general.")
    assert ("USA", "IRN", "ASSAULT") in _dyads(events)


def test_events_conjoined_subjects_give_one_event_per_pair(nlp: Language) -> None:
    events = _code(nlp, "Egypt and Jordan condemned Israel on Sunday.")
    assert _dyads(events) == {("EGY", "ISR", "ACCUSE"), ("JOR", "ISR", "ACCUSE")}


def test_events_control_verb_codes_threat_not_the_attack(nlp: Language) -> None:
    events = _code(nlp, "Iran vowed to retaliate against the United States.")
    assert _dyads(events) == {("IRN", "USA", "THREATEN")}
    assert events[0].cameo.startswith("13")


def test_events_control_verb_codes_intent_to_meet(nlp: Language) -> None:
    events = _code(nlp, "Egypt agreed to meet Israel next week.")
    assert [e.cameo for e in events] == ["036"]
    assert _dyads(events) == {("EGY", "ISR", "AGREE")}


def test_events_comment_verb_aims_at_the_agent_of_the_event_it_comments(nlp: Language) -> None:
    events = _code(nlp, "France condemned the attack by Russia on Ukraine.")
    assert _dyads(events) == {("FRA", "RUS", "ACCUSE")}


def test_events_weapon_subject_is_an_event_without_actor(nlp: Language) -> None:
    events = _code(nlp, "Rockets crashed into the Iraqi capital late on Tuesday.")
    assert len(events) == 1
    assert events[0].event_type == "ASSAULT" and events[0].actor is None
    assert events[0].confidence < 0.7


def test_events_negated_event_keeps_its_code_and_says_so(nlp: Language) -> None:
    events = _code(nlp, "Russia did not attack Ukraine.")
    assert [(e.event_type, e.modality) for e in events] == [("ASSAULT", "negated")]


def test_events_future_cooperation_is_coded_as_intent(nlp: Language) -> None:
    events = _code(nlp, "Japan will send aid to Nepal.")
    assert _dyads(events) == {("JPN", "NPL", "AGREE")}
    assert events[0].cameo.startswith("03")


def test_events_one_event_per_fact_for_overlapping_triggers(nlp: Language) -> None:
    events = _code(nlp, "Russia launched an attack on Ukraine.")
    assert len(events) == 1 and _dyads(events) == {("RUS", "UKR", "ASSAULT")}


def test_events_masked_ranges_are_skipped(nlp: Language) -> None:
    text = "Russia attacked Ukraine. Russia attacked Ukraine again."
    second = text.index("Russia attacked Ukraine again")
    events = _code(nlp, text, masked=[(second, len(text))])
    assert [e.sentence.index for e in events] == [0]


def test_events_match_is_pure_and_set_annotations_writes(nlp: Language) -> None:
    doc = _prepare(nlp, "Chile expelled the ambassador of Peru.")
    coder: EventCoder = nlp.get_pipe("events")
    matches = coder.match(doc)
    assert matches and all(isinstance(m, EventMatch) for m in matches)
    assert doc._.fp_events == []
    coder.set_annotations(doc, matches)
    assert _dyads(doc._.fp_events) == {("CHL", "PER", "SANCTION")}


def test_events_main_event_prefers_asserted_and_confident(nlp: Language) -> None:
    events = _code(nlp, "Chile did not attack Peru, but Chile expelled the envoy of Peru.")
    best = main_event(events)
    assert best is not None and best.modality == "asserted" and best.event_type == "SANCTION"
    assert main_event([]) is None


def test_events_seed_article(coder: Coder, seed_path: Path) -> None:
    # The seed opens with its date header ("date YYYY-MM-DD") before the prose.
    article_text = re.sub(
        r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", "", seed_path.read_text(encoding="utf-8")
    )
    coded = coder.code(Article(id="seed", date=dt.date(2020, 1, 9), text=article_text))
    rockets = [e for e in coded.events if e.trigger.text.lower().startswith(("crash", "rocket"))]
    assert any(e.event_type == "ASSAULT" and e.actor is None for e in rockets)
    afford = [e for e in coded.events if "could not afford" in e.sentence.text]
    assert all(e.modality != "asserted" for e in afford if "war" in e.trigger.text)
    if not coded.actors:
        pytest.skip("no actor stage output: dyads of the seed cannot be checked")
    dyads = {
        (
            e.actor.country if e.actor else None,
            e.recipient.country if e.recipient else None,
            e.event_type,
        )
        for e in coded.events
    }
    assert ("IRN", "USA", "ASSAULT") in dyads  # Iran "slapped" the United States
    killings = [e for e in coded.events if e.trigger.text == "killing"]
    assert killings and all(e.recipient and e.recipient.country == "IRN" for e in killings)
    assert ("USA", "IRN", "ASSAULT") in dyads  # the U.S. killing of Soleimani
    assert ("IRQ", "USA", "THREATEN") in dyads  # the answer vowed for an ally's death


@pytest.mark.parametrize(
    ("text", "dyad", "root"),
    [
        # a stated refusal to yield is a rejection, not a negated concession
        ("Russia will not release the prisoners held by Ukraine.", ("RUS", None, "12"), "12"),
        # an act the speaker says another must do is the speaker's demand on that other
        ("France said Russia must withdraw its troops from Ukraine.", ("FRA", "RUS", "10"), "10"),
        # intent to do harm is a threat
        ("Iran is prepared to impose a curfew on Iraqi towns.", ("IRN", None, "13"), "13"),
        # "failed to reach" reads as a refusal of the complement
        ("Egypt and Jordan failed to reach an agreement.", ("EGY", "JOR", "12"), "12"),
        # considering an option is CAMEO 014, not yet an intent
        ("Japan is considering sending aid to Nepal.", ("JPN", None, "01"), "01"),
    ],
)
def test_events_frames_recode_the_complement(
    nlp: Language, text: str, dyad: tuple[str | None, str | None, str], root: str
) -> None:
    best = main_event(_code(nlp, text))
    assert best is not None and best.cameo[:2] == root
    assert best.actor is not None and best.actor.code == dyad[0]
    if dyad[1] is not None:
        assert best.recipient is not None and best.recipient.code == dyad[1]


def test_events_speech_alone_is_a_statement_only_when_nothing_else_is_coded(
    nlp: Language,
) -> None:
    events = _code(nlp, "Germany said on Monday that the weather was fine.")
    assert [(e.cameo, e.actor.code if e.actor else None) for e in events] == [("010", "DEU")]
    coded = _code(nlp, "Germany said that Russia attacked Ukraine.")
    assert all(e.cameo != "010" for e in coded)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("France expressed concern about the talks.", "012"),
        ("Iran claimed responsibility for the attack.", "015"),
        ("Russia rejected accusations by Ukraine.", "016"),
        ("Germany declined to comment on the report.", "011"),
        ("Egypt called for reforms.", "024"),
        ("Israel remained on alert.", "152"),
        ("Jordan called off the strike.", "082"),
    ],
)
def test_events_statement_and_posture_phrases(nlp: Language, text: str, code: str) -> None:
    best = main_event(_code(nlp, text))
    assert best is not None and best.cameo == code


def test_events_background_clause_ranks_below_the_main_act(nlp: Language) -> None:
    events = _code(nlp, "Chile expelled the envoy of Peru after Peru attacked Chile.")
    best = main_event(events)
    assert best is not None and best.event_type == "SANCTION"


def test_events_pattern_code_wins_over_a_noun_of_another_family(nlp: Language) -> None:
    best = main_event(_code(nlp, "Japan provided support to Nepal."))
    assert best is not None and best.event_type == "AID"


def _coded_dyads(coder: Coder, text: str) -> set[tuple[str | None, str | None, str]]:
    article = Article(id="t", date=dt.date(2021, 5, 4), text=text)
    return _dyads(coder.code(article).events)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # The thing acted on is no actor, but the country it belongs to is the target.
        ("Chile rejected a Peruvian proposal for talks.", ("CHL", "PER", "REJECT")),
        ("Egypt threatened to shell Libyan villages.", ("EGY", "LBY", "THREATEN")),
        ("Jordan rejected calls by Syria for talks.", ("JOR", "SYR", "REJECT")),
        # A demand's addressee is the subject of its "that" clause.
        ("France demanded that Germany cancel the sale.", ("FRA", "DEU", "REQUEST")),
        # No one named: the country of the place the act is done in.
        ("Kenyan students demonstrated in the city of Mombasa.", ("KENEDU", "KEN", "PROTEST")),
        ("Chad withdrew its troops from Sudan.", ("TCD", "SDN", "RETREAT")),
    ],
)
def test_events_recipient_from_owner_clause_or_place(
    coder: Coder, text: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # A harm promised on a condition is a threat; its target is who must give in.
        ("Chad will close the border unless Sudan stops the raids.", ("TCD", "SDN", "THREATEN")),
        (
            "Egypt threatened to launch an offensive unless Libya withdrew.",
            ("EGY", "LBY", "THREATEN"),
        ),
        # Orders and "Y must" clauses are demands on Y.
        ("Chile ordered Peru to close its embassy.", ("CHL", "PER", "REQUEST")),
        ("Jordan declared that Syria must open the crossing.", ("JOR", "SYR", "REQUEST")),
        # Sanctions kept "until Y changes" are aimed at Y.
        (
            "France imposed sanctions that will stay until Syria ends the siege.",
            ("FRA", "SYR", "SANCTION"),
        ),
        # "staged" is lemmatized "stag" by the model; the lexicon's verb still codes it.
        ("Kenyan students staged demonstrations.", ("KENEDU", None, "PROTEST")),
    ],
)
def test_events_ultimatums_orders_and_repaired_lemmas(
    coder: Coder, text: str, dyad: tuple[str, str | None, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


def test_events_roles_bridged_from_the_neighbouring_sentences(coder: Coder) -> None:
    text = (
        "Iran attacked the base on Monday. Tehran's allies praised the move. "
        '"A great success," Abdulmalik al-Houthi, the leader of the Houthi group, said.'
    )
    # The move is Iran's attack; the allies are the speaker the next sentence quotes.
    assert ("YEMREB", "IRN", "SUPPORT") in _coded_dyads(coder, text)
    # With nothing before it and no quote after it, nobody is guessed.
    assert _coded_dyads(coder, "Critics condemned the decision.") == set()


def test_events_only_a_comment_on_an_act_takes_an_earlier_doer(coder: Coder) -> None:
    dyads = _coded_dyads(coder, "Iran attacked the base. Rebels carried out the attack at night.")
    assert all(recipient != "IRN" for _, recipient, _ in dyads)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # What is given may be the object of "with"; the direct object then receives it.
        ("Russia supplied Syria with weapons.", ("RUS", "SYR", "AID")),
        # The recipient may hang on what the amount measures.
        ("Germany gave 10 million euros in aid to Ethiopia.", ("DEU", "ETH", "AID")),
        # A subject the parser hung on the auxiliary is still the subject.
        ("France and Germany however have condemned Russia.", ("DEU", "RUS", "ACCUSE")),
    ],
)
def test_events_roles_under_uneven_parses(
    coder: Coder, text: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Peru returned the stolen statues to Chile.", ("PER", "CHL", "RETREAT")),
        ("Egypt suspended publication of a Jordanian newspaper.", ("EGY", "JORMED", "COERCE")),
        ("France pushed Germany for a change of course.", ("FRA", "DEU", "REQUEST")),
        ("Chile refuted Peru's claims about the border.", ("CHL", "PER", "REJECT")),
        ("Japan resumed aid to Nepal.", ("JPN", "NPL", "AID")),
        ("A French lawyer sued the Egyptian government.", ("FRAJUD", "EGYGOV", "ACCUSE")),
    ],
)
def test_events_returns_press_curbs_pressure_and_renewed_aid(
    coder: Coder, text: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # Letting others act is yielding to them; a promise to let them is intent.
        ("Egypt allowed Jordanian aid workers to enter Gaza.", ("EGY", "JORSOC", "CONCEDE")),
        ("Chile will allow Peruvian fishermen to return home.", ("CHL", "PERAGR", "AGREE")),
        # A protest's purpose clause says whom it is aimed at; the protest is the event.
        (
            "Egyptian students began a hunger strike to demand the resignation of the Jordanian"
            " prime minister.",
            ("EGYEDU", "JORGOV", "PROTEST"),
        ),
        # "it" stands for the body named just before: here the government's threat.
        (
            "The Iranian government said it is prepared to impose martial law.",
            ("IRNGOV", None, "THREATEN"),
        ),
    ],
)
def test_events_permission_protest_purpose_and_bodies_as_it(
    coder: Coder, text: str, dyad: tuple[str, str | None, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


def test_events_permission_needs_someone_who_permits(coder: Coder) -> None:
    assert all(e != "CONCEDE" for _, _, e in _coded_dyads(coder, "The law allows Iran to vote."))
    # "to allow ..." as the purpose of another act is no act of letting.
    dyads = _coded_dyads(coder, "The Chilean minister resigned to allow new elections.")
    assert all(e != "CONCEDE" for _, _, e in dyads)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # Expelled diplomats name the country expelled.
        ("Chile expelled two Peruvian diplomats.", ("CHL", "PERGOV", "SANCTION")),
        # A complaint is aimed at what it is about, not at whom it is made to.
        ("Egypt complained to the United Nations over Israeli raids.", ("EGY", "ISR", "ACCUSE")),
        # A place one phrase further in ("at the jail in X") is where the act was done.
        ("Jordanian prisoners rioted at a jail in Egypt.", ("JORCVL", "EGY", "PROTEST")),
        # "to press their demands" is what the protest is for.
        (
            "Egyptian students blocked roads to press their demands for freedom from the"
            " Jordanian government.",
            ("EGYEDU", "JORGOV", "PROTEST"),
        ),
    ],
)
def test_events_targets_of_expulsions_complaints_and_protests(
    coder: Coder, text: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # What a protest is against names its target, when nothing else does.
        (
            "Chilean miners staged a sit-in at the mine in protest of the Peruvian"
            " government's new tariff.",
            ("CHLLAB", "PERGOV", "PROTEST"),
        ),
        (
            "Thousands of people blocked highways in Lima in defiance of Chilean authorities.",
            ("PERCVL", "CHLGOV", "PROTEST"),
        ),
        (
            "Kenyan teachers barricaded a highway to show their anger at the Ugandan government.",
            ("KENEDU", "UGAGOV", "PROTEST"),
        ),
        # An act done during a protest is aimed where the protest is.
        (
            "Kenyan students threw stones during rallies against the Ugandan government.",
            ("KENEDU", "UGAGOV", "PROTEST"),
        ),
    ],
)
def test_events_a_protest_is_aimed_at_what_it_is_against(
    coder: Coder, text: str, dyad: tuple[str | None, str, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


def test_events_a_protest_is_aimed_past_its_own_clause_not_at_victims(coder: Coder) -> None:
    text = (
        "Opposition parties in Kenya staged a general strike which shut down Mombasa in"
        " protest of the Ugandan government's decree."
    )
    assert ("KENOPP", "UGAGOV", "PROTEST") in _coded_dyads(coder, text)
    text = "Chilean miners marched in protest of the arrest of Peruvian workers."
    assert all(r != "PERLAB" for _, r, kind in _coded_dyads(coder, text) if kind == "PROTEST")


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # Whoever would do the act agreed to, or objected to, is its target.
        ("Chile has agreed to Norwegian mediation in the border talks.", ("CHL", "NOR", None)),
        ("Peru is opposed to Brazilian mediation in the dispute.", ("PER", "BRA", None)),
        # "against" on the verb names whom an inquiry is aimed at.
        (
            "A Kenyan judge opened corruption inquiries against two Ugandan ministers.",
            ("KENJUD", "UGAGOV", None),
        ),
        # Refusing to let someone act is aimed at them.
        (
            "The Chilean army refused to allow Red Cross trucks to enter the zone.",
            ("CHLMIL", "IGOICR", None),
        ),
        # Stopping a protest is aimed at whoever stages it.
        (
            "Kenyan police blocked the march organised by Ugandan students in Nairobi.",
            ("KENCOP", "UGAEDU", None),
        ),
        # A demand's "that" clause names whom it is made of.
        (
            "Chilean miners insisted on their demand that the Peruvian government lift the tariff.",
            ("CHLLAB", "PERGOV", None),
        ),
        # "against" on any of several conjoined objects names the target.
        (
            "Chilean forces fired artillery, mortar and rocket rounds against Peruvian troops.",
            ("CHLMIL", "PERMIL", None),
        ),
        # A proposal refused concerns whom it names.
        (
            "Chile rejected an offer to join a meeting of Peruvian ministers.",
            ("CHL", "PERGOV", None),
        ),
        # What is attacked may be named by whom it is for; "Congolese" is of the DRC.
        (
            "A shelter for Congolese refugees was shelled by Rwandan troops.",
            ("RWAMIL", "CODREF", None),
        ),
        # Those who withdraw are "of" the withdrawal; a light verb's subject still does it.
        ("Chile demanded the withdrawal of Peruvian troops from Bolivia.", ("CHL", "PERMIL", None)),
        ("Chile completed the withdrawal of its troops from Peru.", ("CHL", "PER", None)),
        # What is investigated names its target by who committed it.
        (
            "Chilean police launched an investigation into abuses committed by Peruvian soldiers.",
            ("CHLCOP", "PERMIL", None),
        ),
        # Partners named by a body are its members.
        (
            "Egypt demanded that its Arab League partners decline to recognise the new state.",
            ("EGY", "IGOARL", None),
        ),
    ],
)
def test_events_targets_named_inside_what_is_accepted_opposed_or_allowed(
    coder: Coder, text: str, dyad: tuple[str, str, None]
) -> None:
    assert dyad[:2] in {(a, r) for a, r, _ in _coded_dyads(coder, text)}


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # Only a state arrests or investigates: the state of the place did, when no
        # one is named.
        ("A Kenyan trader was arrested in Uganda for smuggling.", ("UGA", "KENBUS", "COERCE")),
        # A missionary is of the place he comes from, not where he works.
        ("A missionary from Nairobi was detained in Uganda.", ("UGA", "KENREL", "COERCE")),
    ],
)
def test_events_an_unnamed_arrester_is_the_state_of_the_place(
    coder: Coder, text: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


def test_events_a_named_arrester_or_an_attack_is_not_inferred(coder: Coder) -> None:
    dyads = _coded_dyads(coder, "A Kenyan trader was arrested by Ugandan police in Kampala.")
    assert ("UGACOP", "KENBUS", "COERCE") in dyads
    dyads = _coded_dyads(coder, "A Kenyan trader was beaten in Uganda.")
    assert all(actor != "UGA" for actor, _, _ in dyads)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # An act done as the purpose of sending someone is done where they are sent.
        (
            "The IAEA sent inspectors to a plant in Brazil to monitor the reactor.",
            ("IGOUNO", "BRA"),
        ),
        # Peacekeepers go where they arrive.
        (
            "The first contingent of AU peacekeeping troops has arrived in Somalia.",
            ("IGOMIL", "SOM"),
        ),
        # With no one named, a place anywhere in what the act is done to is its target.
        ("Chile rejected a plan for its troops to be stationed in Bolivia.", ("CHL", "BOL")),
        ("Egypt lifted the curfew imposed in Sudan last year.", ("EGY", "SDN")),
        (
            "Kenya agreed to a one-year extension of the observer mission in Somalia.",
            ("KEN", "SOM"),
        ),
    ],
)
def test_events_a_place_inside_the_object_is_the_target(
    coder: Coder, text: str, dyad: tuple[str, str]
) -> None:
    assert dyad in {(a, r) for a, r, _ in _coded_dyads(coder, text)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Where someone named in the object vanished or lives is not where the act lands.
        ("The envoy voiced concern over the fate of a doctor who went missing in Lima.", "PER"),
        ("A judge ordered the release of five clerics, including one living in Chile.", "CHL"),
        # "who" says the noun is someone, though no actor is known by that word.
        ("Chile rejected a report on newcomers who landed in La Paz.", "BOL"),
        # Nor is a place in what a statement reports.
        ("The ministry issued a short statement saying the consul in Quito was recalled.", "ECU"),
        # Nor one in what a concern or a complaint is about.
        ("Chile voiced concern over the killing of protesters in Quito.", "ECU"),
        ("Chile summoned the envoy to complain about the raid on an office in Lima.", "PER"),
    ],
)
def test_events_a_place_the_object_only_tells_of_is_not_the_target(
    coder: Coder, text: str, place: str
) -> None:
    assert all(r != place for _, r, _ in _coded_dyads(coder, text))


def test_events_where_someone_summoned_is_does_not_place_the_purpose(coder: Coder) -> None:
    # The envoy is in Lima; the protest is aimed at him, not at Peru.
    text = "Chile summoned the Bolivian consul in Lima to protest the border closure."
    assert all(r != "PER" for _, r, _ in _coded_dyads(coder, text))
    # Those sent somewhere serve their purpose there, however the phrase attaches.
    text = "The UN sent a big group of engineers to Nepal to investigate the crash."
    assert "NPL" in {r for _, r, _ in _coded_dyads(coder, text)}


def test_events_a_place_in_a_clause_on_an_act_is_still_the_target(coder: Coder) -> None:
    text = "The group claimed responsibility for the bombings that killed 20 people in Nepal."
    assert "NPL" in {r for _, r, _ in _coded_dyads(coder, text)}


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # A town an act takes as its object is what it is done to.
        ("Insurgents shelled Haifa and Acre overnight.", (None, "ISR")),
        ("The militia threatened to shell Haifa.", (None, "ISR")),
    ],
)
def test_events_a_place_taken_as_the_object_is_the_target(
    coder: Coder, text: str, dyad: tuple[None, str]
) -> None:
    assert dyad in {(a, r) for a, r, _ in _coded_dyads(coder, text)}


def test_events_an_act_done_in_several_places_targets_each(coder: Coder) -> None:
    text = "Chile deployed soldiers in Peru, Bolivia and Ecuador."
    dyads = {(a, r) for a, r, _ in _coded_dyads(coder, text)}
    assert {("CHL", "PER"), ("CHL", "BOL"), ("CHL", "ECU")} <= dyads


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean president scrapped an entry ban slapped on Peruvian citizens last year.",
        "On Monday Chile lifted the sanctions that it had placed on Peru in 2019.",
    ],
)
def test_events_a_measure_lifted_is_aimed_at_whom_it_was_laid_on(coder: Coder, text: str) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo[:2] == "08"
    assert main.recipient is not None and main.recipient.country == "PER"


def test_events_a_place_a_weapon_went_off_in_is_not_its_state(coder: Coder) -> None:
    # The bombers are unidentified armed forces where it went off (PLOVER's UAF), never
    # the state or its government.
    dyads = _coded_dyads(coder, "A car bomb in Amman killed two soldiers.")
    assert dyads and all(actor == "JORUAF" for actor, _, _ in dyads)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "A landmine blast near the mining town of Tacna killed two Chilean soldiers.",
            ("PERUAF", "CHLMIL", "ASSAULT"),
        ),
        (
            "Three Chilean sailors were killed by a bomb outside of the Peruvian town of Tacna.",
            ("PERUAF", "CHLMIL", "ASSAULT"),
        ),
        (
            "Two Kenyan students were wounded in a blast in Kampala.",
            ("UGAUAF", "KENEDU", "ASSAULT"),
        ),
        # an attack named by its city names no doer; its victims are of that country
        ("The Amman bombing killed two students.", ("JORUAF", "JOREDU", "ASSAULT")),
        # A named attacker is never replaced, nor is a doer who is no weapon.
        ("Chilean rebels killed two soldiers near Tacna.", ("CHLREB", None, "ASSAULT")),
        ("Two Kenyan students were beaten by wardens in Kampala.", (None, "KENEDU", "ASSAULT")),
    ],
)
def test_events_an_unattributed_attack_is_by_unidentified_forces_of_its_place(
    coder: Coder, text: str, dyad: tuple[str, str | None, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


def test_events_a_capital_struck_or_taken_is_its_state_not_the_government(coder: Coder) -> None:
    assert ("CHLMIL", "PER", "ASSAULT") in _coded_dyads(coder, "Chilean jets bombed Lima.")
    assert ("CHLREB", "PER", "COERCE") in _coded_dyads(coder, "Chilean rebels captured Lima.")
    # in words the capital still speaks for the government
    assert ("CHLGOV", "PERGOV", "ACCUSE") in _coded_dyads(coder, "Santiago accused Lima of lying.")


def test_events_the_actors_own_people_are_not_its_target(coder: Coder) -> None:
    assert _coded_dyads(coder, "France recalled its ambassador.") == {("FRA", None, "SANCTION")}


def test_events_an_agent_owned_by_a_pronoun_takes_its_owners_country(coder: Coder) -> None:
    assert ("JORMIL", "EGY", "ASSAULT") in _coded_dyads(
        coder, "Jordan said its troops shelled Egypt."
    )
    # A light verb carries the event noun: "completed their withdrawal".
    assert ("CHLMIL", "PER", "RETREAT") in _coded_dyads(
        coder, "Chile said their forces had completed their withdrawal from Peru."
    )


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # PLOVER codes an official's resignation as RETREAT (mode resign).
        ("The Chilean interior minister resigned on Monday.", ("CHLGOV", None, "RETREAT")),
        ("Egypt announced a suspension of flights with Jordan.", ("EGY", "JOR", "SANCTION")),
        ("Chile forced the UN refugee agency out of the country.", ("CHL", "IGOUNO", "SANCTION")),
        ("Peru received a mission of observers from the OSCE.", ("PER", "IGOOSC", "RETREAT")),
        # A promise whose content codes nothing is still intent to cooperate.
        ("Chile promised to democratize its courts.", ("CHL", None, "AGREE")),
        ("Egypt ordered police patrols in Cairo.", ("EGY", "EGY", "MOBILIZE")),
        # A demand noun whose "that" clause is a coded act demands that act of its subject.
        (
            "Egypt reiterated its demand that Israel ease restrictions on Gaza.",
            ("EGY", "ISR", "REQUEST"),
        ),
        # The parse may hang the "that" clause on the light verb, past a time word.
        (
            "Chile repeated its demand today that Peru lift its ban on fishing.",
            ("CHL", "PER", "REQUEST"),
        ),
        # "they" in a clause hanging on another is that clause's plural subject; a
        # reflexive object is the actor again, not a target.
        (
            "Jordanian militants attacked Egyptian villagers when they blew themselves up.",
            ("JORREB", None, "ASSAULT"),
        ),
    ],
)
def test_events_resignations_suspensions_expulsions_and_clause_pronouns(
    coder: Coder, text: str, dyad: tuple[str, str | None, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


def test_events_roles_keep_the_phrase_that_fills_them(coder: Coder) -> None:
    text = (
        "Chile rejected Peruvian President Ollanta Humala's offer to mediate. "
        "The United States returned paintings to the National Museum of Brazil on Tuesday."
    )
    events = coder.code(Article(id="p", date=dt.date(2014, 3, 2), text=text)).events
    rejection = next(e for e in events if e.event_type == "REJECT")
    assert rejection.recipient is not None and rejection.recipient.phrase is not None
    # The mention names who; the phrase is what the sentence says was rejected.
    assert rejection.recipient.text == "Peruvian President Ollanta Humala"
    assert rejection.recipient.phrase.text == "Peruvian President Ollanta Humala's offer"
    start, end = rejection.recipient.phrase.start, rejection.recipient.phrase.end
    assert text[start:end] == rejection.recipient.phrase.text
    actor = rejection.actor
    assert actor is not None and actor.phrase is not None and actor.phrase.text == "Chile"


def test_events_a_list_read_as_an_appositive_still_gives_every_member(coder: Coder) -> None:
    # the parser hangs "the Gambia" on Norway as an appositive, the rest on "the Gambia"
    text = "Norway, the Gambia, Peru and Chile welcomed a resumption of talks with Mali."
    events = coder.code(Article(id="l", date=dt.date(2014, 3, 2), text=text)).events
    sources = {e.actor.code for e in events if e.actor and e.recipient and e.cameo[:2] == "05"}
    assert sources == {"NOR", "GMB", "PER", "CHL"}
    # an appositive that renames its noun adds no one
    text = "Kenya, the host nation, condemned the attack on Mali."
    events = coder.code(Article(id="k", date=dt.date(2014, 3, 2), text=text)).events
    assert {e.actor.code for e in events if e.actor} == {"KEN"}


def test_events_conjoined_actors_of_a_mutual_act_share_the_coordination(coder: Coder) -> None:
    text = "Chile and Peru signed a trade agreement. Chile and Peru condemned Bolivia."
    events = coder.code(Article(id="m", date=dt.date(2014, 3, 2), text=text)).events
    signing = [e for e in events if e.sentence.index == 0]
    assert {(e.actor.code, e.recipient.code) for e in signing if e.actor and e.recipient} == {
        ("CHL", "PER"),
        ("PER", "CHL"),
    }
    # Acting on each other, the two fill the subject role together.
    assert {e.actor.phrase.text for e in signing if e.actor and e.actor.phrase} == {
        "Chile and Peru"
    }
    # Acting on a third party, each conjunct is a role of its own.
    condemning = [e for e in events if e.sentence.index == 1]
    assert {e.actor.phrase.text for e in condemning if e.actor and e.actor.phrase} == {
        "Chile",
        "Peru",
    }


def test_events_conjoined_actors_sharing_intelligence_share_it_with_each_other(
    coder: Coder,
) -> None:
    shared = _coded_dyads(coder, "Chile and Peru shared intelligence.")
    assert {(a, r) for a, r, _ in shared} == {("CHL", "PER"), ("PER", "CHL")}
    # Providing is one-way: conjoined providers give to no one named.
    provided = _coded_dyads(coder, "Chile and Peru provided information.")
    assert {r for _, r, _ in provided} == {None}


def test_events_conjoined_subjects_agreeing_to_act_agree_with_each_other(coder: Coder) -> None:
    agreed = _coded_dyads(coder, "Chile and Peru agreed to allow aid access.")
    assert {(a, r) for a, r, _ in agreed} == {("CHL", "PER"), ("PER", "CHL")}
    # A promise is no agreement between the two.
    promised = _coded_dyads(coder, "Chile and Peru promised to allow aid access.")
    assert {r for _, r, _ in promised} == {None}


def test_events_conjoined_parties_breaking_a_truce_break_it_on_each_other(coder: Coder) -> None:
    broke = _coded_dyads(coder, "Chile and Peru violated the truce on the border.")
    assert {(a, r) for a, r, _ in broke} == {("CHL", "PER"), ("PER", "CHL")}
    # One party alone breaks it with no one named.
    alone = _coded_dyads(coder, "Chile violated the truce on the border.")
    assert {r for _, r, _ in alone} == {None}


def test_events_meeting_someone_for_talks_takes_them_not_the_venue(coder: Coder) -> None:
    text = "Chile's foreign minister will meet the Peruvian president in Geneva for talks."
    recipients = {(r or "")[:3] for _, r, _ in _coded_dyads(coder, text)}
    assert recipients == {"PER"}


def test_events_recipient_phrase_hung_on_the_objects_last_noun(coder: Coder) -> None:
    # The parse attaches "to Chad" to "nurses"; it ends the object, so it is the verb's.
    text = "Norway has shipped blankets and staff such as nurses to Chad."
    assert ("NOR", "TCD") in {(a, r) for a, r, _ in _coded_dyads(coder, text)}
    # A date the parse hangs inside the object after it does not hide it.
    text = "Chilean customs returned a statue engraved with the face of a king to Peru on May 4."
    assert "PER" in {r for _, r, _ in _coded_dyads(coder, text)}
    # A phrase inside a clause of the object's own is not: the pair inked it with each other.
    text = "Chile and Peru inked a pact setting up a council for trade with Bolivia."
    assert {(a, r) for a, r, _ in _coded_dyads(coder, text)} == {("CHL", "PER"), ("PER", "CHL")}


@pytest.mark.parametrize(
    "text",
    ["Norway gave 300 rifles to the Chadian army.", "Norway sent armoured vehicles to Chad."],
)
def test_events_handing_over_firearms_or_armoured_vehicles_is_military_aid(
    coder: Coder, text: str
) -> None:
    best = main_event(coder.code(Article(id="w", date=dt.date(2021, 5, 4), text=text)).events)
    assert best is not None and best.cameo == "072"


@pytest.mark.parametrize(
    "text",
    [
        "Chile gave Peru a stern warning.",
        "Chile issued a warning to Peru.",
        "Chile's foreign minister paid an official visit to Peru.",
    ],
)
def test_events_light_verb_carries_the_nouns_recipient(coder: Coder, text: str) -> None:
    assert {(a or "")[:3] + ">" + (r or "")[:3] for a, r, _ in _coded_dyads(coder, text)} == {
        "CHL>PER"
    }


def test_events_main_clause_misread_as_a_participle_is_active(nlp: Language) -> None:
    # The model's parse of "Militants held 200 civilians as shields.": "held" as a
    # participle on the head noun. With an object of its own it is not a passive.
    words = ["Militants", "held", "200", "civilians", "as", "shields", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[0, 0, 3, 1, 3, 4, 0],
        deps=["ROOT", "acl", "nummod", "dobj", "prep", "pobj", "punct"],
        tags=["NNS", "VBN", "CD", "NNS", "IN", "NNS", "."],
        pos=["NOUN", "VERB", "NUM", "NOUN", "ADP", "NOUN", "PUNCT"],
    )
    held = doc[1]
    assert _misread_subject(held) is not None and not _is_passive(held)
    assert [t.text for t in _subject_heads(held, nlp.get_pipe("events").lexicon)] == ["Militants"]
    # "civilians held in camps": a participle without an object stays passive.
    doc = Doc(
        nlp.vocab,
        words=["Civilians", "held", "in", "camps", "."],
        heads=[0, 0, 1, 2, 0],
        deps=["ROOT", "acl", "prep", "pobj", "punct"],
        tags=["NNS", "VBN", "IN", "NNS", "."],
        pos=["NOUN", "VERB", "ADP", "NOUN", "PUNCT"],
    )
    assert _is_passive(doc[1]) and _misread_subject(doc[1]) is None


@pytest.mark.parametrize(
    ("heads", "deps", "subjects"),
    [
        # the parse read the first name, with "and" on it, as a modifier of the last
        ([4, 0, 4, 4, 5, 5, 5, 5], ["nmod", "cc", "det", "amod", "nsubj"], ["Karvassa", "Velmar"]),
        # the last name read as an appositive after the "and"
        ([5, 0, 4, 4, 0, 5, 5, 5], ["nsubj", "cc", "det", "amod", "appos"], ["Velmar", "Karvassa"]),
        # a plain list
        ([5, 0, 4, 4, 0, 5, 5, 5], ["nsubj", "cc", "det", "amod", "conj"], ["Velmar", "Karvassa"]),
    ],
)
def test_events_misparsed_coordinations_still_give_every_subject(
    nlp: Language, heads: list[int], deps: list[str], subjects: list[str]
) -> None:
    words = ["Velmar", "and", "the", "old", "Karvassa", "welcomed", "Odrine", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=[*deps, "ROOT", "dobj", "punct"],
        pos=["PROPN", "CCONJ", "DET", "ADJ", "PROPN", "VERB", "PROPN", "PUNCT"],
    )
    lexicon = nlp.get_pipe("events").lexicon
    assert [t.text for t in _subject_heads(doc[5], lexicon)] == subjects


def test_events_a_renaming_appositive_is_no_second_subject(nlp: Language) -> None:
    doc = Doc(
        nlp.vocab,
        words=["Velmar", ",", "the", "host", ",", "welcomed", "Odrine", "."],
        heads=[5, 0, 3, 0, 0, 5, 5, 5],
        deps=["nsubj", "punct", "det", "appos", "punct", "ROOT", "dobj", "punct"],
        pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"],
    )
    assert [t.text for t in _subject_heads(doc[5], nlp.get_pipe("events").lexicon)] == ["Velmar"]


def test_events_what_a_side_clause_reports_ranks_below_the_main_act(coder: Coder) -> None:
    text = "Chile refused to meet Peru's envoy, saying it would welcome him in Lima."
    events = coder.code(Article(id="r", date=dt.date(2014, 3, 2), text=text)).events
    main = main_event(events)
    assert main is not None and main.event_type == "REJECT"
    assert any(e.event_type != "REJECT" for e in events)  # the welcome is still coded


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # What a refused or promised act would affect is the target of the refusal.
        ("Poland has refused to send troops to Iraq.", ("POL", "IRQ", "REJECT")),
        (
            "Ghana says it is willing to withdraw its police units from Togo.",
            ("GHA", "TGO", "AGREE"),
        ),
        # The target may hang on what the act does.
        ("Peru threatened further action against Chile.", ("PER", "CHL", "THREATEN")),
        (
            "Chile mobilized its reserve units for a feared conflict against Bolivia.",
            ("CHL", "BOL", "MOBILIZE"),
        ),
        # Force is aimed at whom its purpose names; demands are accepted from someone.
        (
            "Kenyan police fired shots to disperse striking teachers.",
            ("KENCOP", "KENEDU", "ASSAULT"),
        ),
        (
            "The Kenyan government accepted demands from Somali rebels.",
            ("KENGOV", "SOMREB", "CONCEDE"),
        ),
        # Generic agents take the country of their sentence.
        ("Kenyan police dispersed protesters with tear gas.", ("KENCOP", "KENCVL", "ASSAULT")),
        (
            "The Malian government accused rebels of attacking a base.",
            ("MLIGOV", "MLIREB", "ACCUSE"),
        ),
    ],
)
def test_events_recipients_of_controlled_acts_and_joined_agents(
    coder: Coder, text: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


def _main(coder: Coder, text: str) -> Event | None:
    return main_event(coder.code(Article(id="m", date=dt.date(2021, 5, 4), text=text)).events)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # A gerund after "guilty of" is done by the subject of "are guilty".
        (
            "Chilean soldiers were guilty of breaking the truce with Peru.",
            ("CHLMIL", "PER", "ASSAULT"),
        ),
        # "of attacking" after an object is done by that object, not by the accuser.
        ("Egypt accused Jordan of attacking Israel.", ("EGY", "JOR", "ACCUSE")),
        # An oath parsed as an adverbial "to" clause is still a threat.
        (
            "Peruvian rebels have sworn to fight on until Chile leaves.",
            ("PERREB", None, "THREATEN"),
        ),
        # Deciding to let someone act is letting them act; a purpose clause is not.
        (
            "The Egyptian court decided to allow the Jordanian government to send observers.",
            ("EGYJUD", "JORGOV", "CONCEDE"),
        ),
        # The harm a noun names befell whoever died of it.
        ("A Chilean prisoner died of torture in a jail in Lima.", (None, "CHLCVL", "ASSAULT")),
        ("An Iranian detainee died due to repeated torture.", (None, "IRNCVL", "ASSAULT")),
    ],
)
def test_events_gerund_doers_oaths_decisions_and_deaths(
    coder: Coder, text: str, dyad: tuple[str | None, str | None, str]
) -> None:
    assert dyad in _coded_dyads(coder, text)


def test_events_engaged_in_is_done_by_its_subject(coder: Coder) -> None:
    dyads = _coded_dyads(coder, "Chadian forces were engaged in heavy fighting in the north.")
    assert any(actor == "TCDMIL" for actor, _, _ in dyads)


def test_events_a_statement_names_the_act_its_participle_states(coder: Coder) -> None:
    main = _main(coder, "Egypt issued a statement demanding that Israel free the prisoners.")
    assert main is not None and main.event_type == "REQUEST"
    assert main.actor is not None and main.actor.code == "EGY"


@pytest.mark.parametrize(
    ("text", "dyad", "cameo"),
    [
        # Seeking refuge is a demand for humanitarian aid on the host (CAMEO 1033).
        ("Thousands of Syrians sought refuge in Jordan.", ("SYR", "JOR", "REQUEST"), "1033"),
        ("The Peruvian dissident asked Chile for asylum.", ("PEROPP", "CHL", "REQUEST"), "1033"),
        # Handing a thing back to a country, named only as a place.
        ("Egypt returned the smuggled birds to Peru.", ("EGY", "PER", "RETREAT"), "0842"),
        # Offered concessions are intent to yield, not yet yielding.
        ("Egypt offered concessions to Israel.", ("EGY", "ISR", "AGREE"), "035"),
        ("A Chilean man was put under investigation in Peru.", ("PER", "CHLCVL", "ACCUSE"), "090"),
        ("Egypt placed the Jordanian envoy under arrest.", ("EGY", "JORGOV", "COERCE"), "173"),
        ("A Chilean court cleared the extradition of a Peruvian banker.", None, "063"),
        ("Egypt allowed humanitarian relief into Gaza.", None, "0863"),
        ("Japan deployed two rescue teams to Nepal.", ("JPN", "NPL", "AID"), "073"),
        ("Chile and Peru performed joint war games.", None, "062"),
    ],
)
def test_events_refuge_returns_offers_custody_and_aid_triggers(
    coder: Coder, text: str, dyad: tuple[str | None, str | None, str] | None, cameo: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo
    if dyad is not None:
        assert dyad in _coded_dyads(coder, text)


def test_events_returning_home_or_returning_fire_is_no_handover(coder: Coder) -> None:
    for text in ("The Chilean envoy returned to Lima.", "Israel returned fire."):
        article = Article(id="h", date=dt.date(2021, 5, 4), text=text)
        assert all(e.cameo != "0842" for e in coder.code(article).events)


@pytest.mark.parametrize(
    ("text", "dyad", "cameo"),
    [
        # Soliciting others to punish or protest against Y rallies opposition against Y.
        ("Chile called for sanctions against Peru.", ("CHL", "PER", "ACCUSE"), "113"),
        ("Egypt urged France to impose sanctions on Israel.", ("EGY", "ISR", "ACCUSE"), "113"),
        ("Egypt called on Jordanians to protest against Israel.", ("EGY", "ISR", "ACCUSE"), "113"),
        # Pressuring someone to act is demanding it of them.
        ("Egypt pressured Jordan to end the boycott.", ("EGY", "JOR", "REQUEST"), "1052"),
        # A message or reminder "that Y must ..." is a demand by whoever sent it.
        (
            "Egypt sent a message to Israel that it must stop the raids.",
            ("EGY", "ISR", "REQUEST"),
            "100",
        ),
        # An act a speaker says Y must end is demanded of Y.
        ("Egypt said Israel must end its raids on Gaza.", ("EGY", "ISR", "REQUEST"), "100"),
        # "Y must stand ready to mediate", as the speaker says, is a demand on Y.
        (
            "Egypt said the United States must stand ready to mediate with Iran.",
            ("EGY", "USA", "REQUEST"),
            "100",
        ),
    ],
)
def test_events_rallying_opposition_pressure_and_must_be_ready(
    coder: Coder, text: str, dyad: tuple[str, str, str], cameo: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo
    assert dyad in _coded_dyads(coder, text)


@pytest.mark.parametrize(
    ("text", "dyad", "cameo"),
    [
        # Charges are legal action (115), not an arrest.
        ("A Chilean court indicted a Peruvian general.", ("CHLJUD", "PERMIL", "ACCUSE"), "115"),
        # The tokenizer splits "cease-fire"; the lexicon's "ceasefire" still matches.
        ("Egypt announced a cease-fire with Jordanian rebels.", None, "0871"),
        ("Egypt announced $3 million in aid to Jordan.", ("EGY", "JOR", "AID"), "071"),
        ("The French army trains Malian pilots.", ("FRAMIL", "MLIMIL", "COOPERATE"), "062"),
        ("Egypt is sending soldiers to the UN peacekeeping force in Mali.", None, "074"),
        # An object the parser hung as the subject of a following clause.
        ("Jordan said it would not take in Syrian refugees fleeing the fighting.", None, "122"),
        # Owning up to one's own act of force claims responsibility for it.
        (
            "The Jordanian rebels claimed they had struck an Egyptian army base.",
            ("JORREB", "EGYMIL", "AGREE"),
            "015",
        ),
    ],
)
def test_events_charges_hyphens_funds_training_peacekeepers_and_claims(
    coder: Coder, text: str, dyad: tuple[str, str, str] | None, cameo: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo
    if dyad is not None:
        assert dyad in _coded_dyads(coder, text)


def test_events_claiming_anothers_act_is_no_claim_of_responsibility(coder: Coder) -> None:
    events = coder.code(
        Article(
            id="c", date=dt.date(2021, 5, 4), text="Egypt claimed that Israel had attacked Jordan."
        )
    ).events
    assert all(e.cameo != "015" for e in events)
    assert ("ISR", "JOR", "ASSAULT") in _dyads(events)


@pytest.mark.parametrize(
    ("text", "actor", "cameo"),
    [
        # A predicate adjective of commitment is intent even when its act codes nothing.
        ("Egypt said it is committed to reforming its courts.", "EGY", "030"),
        # "is committed" states the subject's own stance: the subject is the actor.
        ("Chile is committed to reforming its courts.", "CHL", "030"),
        ("Jordan is willing to talk with Israel.", "JOR", "036"),
        # Lifting a curfew is a concession (PLOVER 2.0), coded as CAMEO's 0813.
        ("Egypt lifted the curfew in Cairo.", "EGY", "0813"),
        ("The last Chilean peacekeepers were shipped out of Haiti.", None, "1661"),
    ],
)
def test_events_commitments_curfews_and_peacekeepers_shipped_out(
    coder: Coder, text: str, actor: str | None, cameo: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo
    if actor is not None:
        assert main.actor is not None and main.actor.code == actor
    if cameo == "0813":
        assert main.event_type == "CONCEDE"


def test_events_every_conjoined_act_of_a_threat_is_threatened(coder: Coder) -> None:
    text = "Iran threatened to attack a Jordanian base and kill its commander."
    events = coder.code(Article(id="k", date=dt.date(2021, 5, 4), text=text)).events
    assert events and all(e.event_type == "THREATEN" for e in events)
    assert {e.trigger.text for e in events} >= {"threatened", "kill"}


@pytest.mark.parametrize(
    ("text", "actor", "cameo"),
    [
        # What an uncoded complement is for is what is offered.
        ("Chile has offered to dispatch soldiers to help Peru.", "CHL", "033"),
        ("Peru expelled the UN peacekeepers.", "PER", "1661"),
        ("Egypt expelled the Jordanian inspectors.", "EGY", "1662"),
        ("Egypt set free 20 Jordanian prisoners.", "EGY", "0841"),
        # A court finding someone guilty is legal action against them.
        ("A Chilean court found a Peruvian official guilty of fraud.", "CHLJUD", "115"),
        # The subject of "responsible for" or "behind" did the act the noun names.
        ("Jordanian rebels were responsible for mass killings in Egypt.", "JORREB", "202"),
        ("Iranian militants were behind the bombing in Baghdad.", "IRNREB", "183"),
    ],
)
def test_events_purposes_expulsions_verdicts_and_culprits(
    coder: Coder, text: str, actor: str, cameo: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo
    assert main.actor is not None and main.actor.code == actor


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # A modifier says what kind of act a light verb carries out.
        ("The Egyptian army carried out surgical operations in Sinai.", "073"),
        # A participle describing a noun reports no act of its own.
        ("Libya's internationally recognised government announced a ceasefire.", "0871"),
        # Fighting an epidemic harms no one; the donation is the act.
        ("China donated medical supplies to Peru to fight the epidemic.", "070"),
        ("Egyptian police opened fire on Jordanian smugglers.", "190"),
    ],
)
def test_events_light_verb_kinds_descriptive_participles_and_figurative_fights(
    coder: Coder, text: str, cameo: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo
    if cameo == "070":
        assert all(
            not e.cameo.startswith("19")
            for e in coder.code(Article(id="f", date=dt.date(2021, 5, 4), text=text)).events
        )


def test_events_travelling_for_talks_is_negotiating(coder: Coder) -> None:
    dyads = _coded_dyads(coder, "Egypt and Jordan returned to Geneva for talks on water.")
    assert {("EGY", "JOR", "CONSULT"), ("JOR", "EGY", "CONSULT")} <= dyads


@pytest.mark.parametrize(
    ("text", "dyad", "cameo"),
    [
        # What one hopes others will do has not happened: the hope is the event, aimed
        # at whom the hoped-for act involves.
        ("Egypt said it hoped for new talks with Jordan.", ("EGY", "JOR", "SUPPORT"), "013"),
        (
            "Iran hopes Japan will persuade Peru to lift its sanctions.",
            ("IRN", "JPN", "SUPPORT"),
            "013",
        ),
        # A hope about another is a comment aimed at them though what is hoped codes nothing.
        (
            "Chilean envoys said they hoped that Peru would be ready by May.",
            ("CHLGOV", "PER", "SUPPORT"),
            "013",
        ),
        # Hoping to act oneself is intent.
        ("Egypt hopes to meet Israel.", ("EGY", "ISR", "AGREE"), "036"),
    ],
)
def test_events_a_hoped_for_act_is_an_optimistic_comment(
    coder: Coder, text: str, dyad: tuple[str, str | None, str], cameo: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo
    assert main.actor is not None and main.actor.code == dyad[0]
    assert (main.recipient.code if main.recipient else None) == dyad[1]


@pytest.mark.parametrize(
    ("text", "dyad", "cameo"),
    [
        # "called X to <act>" is a telephone call; the act is the caller's, aimed at X.
        ("Egypt called Jordan on Monday to apologize.", ("EGY", "JOR", "SUPPORT"), "055"),
        # A call whose purpose codes nothing is itself the event: discussed by telephone.
        ("Egypt called Jordan on Monday to assure it of help.", ("EGY", "JOR", "CONSULT"), "041"),
        # A date before the verb is no "call on" either; the parse may read a titled name
        # after "called" as a naming complement, yet it is who was called.
        (
            "On Oct. 3, Chilean Foreign Minister Ana Riva called Peruvian Foreign Minister "
            "Jorge Lanz to discuss several border issues.",
            ("CHLGOV", "PERGOV", "CONSULT"),
            "040",
        ),
        # A date after "called" is no "call on".
        ("Chile called on Monday for talks with Peru.", ("CHL", "PER", "REQUEST"), "026"),
        ("Egypt called on Jordan to release the prisoners.", ("EGY", "JOR", "REQUEST"), "0253"),
        # The event noun a light verb carries stands for the agreed complement.
        (
            "Egypt agreed to extend its peacekeeping mission in Mali.",
            ("EGY", None, "AGREE"),
            "0334",
        ),
        ("Chile accepted Peru's invitation to visit Lima.", ("CHL", "PER", "AGREE"), "036"),
        # "allow UN agencies access": a verbless small clause completes the pattern.
        ("Egypt allowed UN agencies access to Sinai.", ("EGY", None, "RETREAT"), "0863"),
    ],
)
def test_events_phone_calls_dates_carried_nouns_and_small_clauses(
    coder: Coder, text: str, dyad: tuple[str, str | None, str], cameo: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo and main.event_type == dyad[2]
    assert main.actor is not None and main.actor.code == dyad[0]
    if dyad[1] is not None:
        assert main.recipient is not None and main.recipient.code == dyad[1]


@pytest.mark.parametrize(
    ("text", "dyad", "cameo"),
    [
        # A feeling one voices is aimed at whom it is about or for.
        ("Chile expressed condolences for the Peruvian people.", ("CHL", "PERCVL"), "018"),
        ("Chile expressed concern about Peru.", ("CHL", "PER"), "012"),
        (
            "Chile expressed optimism about the reforms taken by the Peruvian government.",
            ("CHL", "PERGOV"),
            "013",
        ),
        # What the feeling is about may name no one.
        ("Chile expressed concern about the weather.", ("CHL", None), "012"),
        # ... or be whom its clause says will act.
        ("Chile expressed hope that Peru would join the talks.", ("CHL", "PER"), "013"),
        (
            "Chilean scholars have voiced hopes the Peruvian government will soften its stance.",
            ("CHLEDU", "PERGOV"),
            "013",
        ),
        ("Chile expressed hope that it would win.", ("CHL", None), "013"),
        # A stance stated with an adjective is a comment too.
        ("Chile says it remains skeptical of the Peruvian government.", ("CHL", "PERGOV"), "012"),
        ("Chile is optimistic about Peru.", ("CHL", "PER"), "013"),
    ],
)
def test_events_a_voiced_feeling_is_aimed_at_what_it_is_about(
    coder: Coder, text: str, dyad: tuple[str, str | None], cameo: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo
    assert main.actor is not None and main.actor.code == dyad[0]
    assert (main.recipient.code if main.recipient else None) == dyad[1]


@pytest.mark.parametrize(
    ("text", "dyads"),
    [
        # A meal shared with someone is a meeting; a meal alone is no event.
        (
            "The Chilean president had lunch with the Peruvian president on Friday.",
            {("CHLGOV", "PERGOV", "CONSULT")},
        ),
        ("The Chilean president had lunch in Lima.", set()),
        # Seeking someone's release appeals for it.
        (
            "The Chilean prosecutor is seeking early release for a Peruvian man in custody.",
            {("CHLJUD", "PERCVL", "REQUEST")},
        ),
        ("Chile sought the release of Peruvian fishermen.", {("CHL", "PERAGR", "REQUEST")}),
        # A petition handed to someone is an appeal to them.
        ("Chilean farmers submitted a petition to Peru.", {("CHLAGR", "PER", "REQUEST")}),
        # Mending ties is diplomatic cooperation, with each other when no one else is named.
        ("Chile has gradually improved its relations with Peru.", {("CHL", "PER", "SUPPORT")}),
        (
            "Chile and Peru strengthened ties.",
            {("CHL", "PER", "SUPPORT"), ("PER", "CHL", "SUPPORT")},
        ),
        ("Chile strengthened its army.", set()),
    ],
)
def test_events_meals_petitions_releases_sought_and_mended_ties(
    coder: Coder, text: str, dyads: set[tuple[str, str, str]]
) -> None:
    assert _coded_dyads(coder, text) == dyads


@pytest.mark.parametrize(
    "text",
    [
        # A relation named by its appositive or its examples is the one meant.
        "The Chilean president will meet his rival, Peruvian President Luis Arce, on Monday.",
        "The Chilean president urged valued partners like Peru to move toward democracy.",
        "Chile urged its allies such as Peru to act.",
        # A counterpart is an official of the country it is named for.
        "Chilean police shared intelligence with their Peruvian counterparts.",
    ],
)
def test_events_a_relation_is_the_actor_its_appositive_or_example_names(
    coder: Coder, text: str
) -> None:
    main = _main(coder, text)
    assert main is not None and main.actor is not None and main.actor.country == "CHL"
    assert main.recipient is not None and main.recipient.country == "PER"


@pytest.mark.parametrize(
    ("text", "dyads", "cameo"),
    [
        # An appeal "for X to" act is made to X, in either parse of the "for".
        ("Chile called for Peru to withdraw its troops.", {("CHL", "PER")}, "0256"),
        (
            "Chile called for Peru and Bolivia to resume talks.",
            {("CHL", "PER"), ("CHL", "BOL")},
            "026",
        ),
        # An appeal to rally against someone is aimed at them.
        (
            "Chilean students have called for Peruvians to join the protest against Peru.",
            {("CHLEDU", "PER")},
            "113",
        ),
    ],
)
def test_events_an_appeal_for_someone_to_act_is_made_to_them(
    coder: Coder, text: str, dyads: set[tuple[str, str]], cameo: str
) -> None:
    article = Article(id="f", date=dt.date(2021, 5, 4), text=text)
    events = [e for e in coder.code(article).events if e.cameo == cameo]
    assert {(e.actor.code if e.actor else None, e.recipient.code if e.recipient else None)
            for e in events} == dyads


def test_events_waiting_for_someone_to_act_is_no_appeal(coder: Coder) -> None:
    article = Article(id="w", date=dt.date(2021, 5, 4), text="Chile waited for Peru to leave.")
    assert not [e for e in coder.code(article).events if e.cameo[:2] == "02"]


def test_events_a_hope_is_aimed_at_every_conjoined_subject_of_what_is_hoped(
    coder: Coder,
) -> None:
    for text in (
        "Chile said it hoped Bolivia and Peru would resume talks.",
        "Chile said it hoped Bolivia and Peru would be ready by May.",
    ):
        events = coder.code(Article(id="h", date=dt.date(2021, 5, 4), text=text)).events
        assert {
            (e.actor.code if e.actor else None, e.recipient.code if e.recipient else None)
            for e in events
            if e.cameo == "013"
        } == {("CHL", "BOL"), ("CHL", "PER")}


def test_events_a_hope_with_no_actor_hoped_for_codes_no_comment(coder: Coder) -> None:
    for text in ("Bolivia hopes the rains will come soon.", "Chile hopes it will win the vote."):
        events = coder.code(Article(id="h", date=dt.date(2021, 5, 4), text=text)).events
        assert not [e for e in events if e.cameo == "013"]


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("Egypt called Jordan to discuss the border.", True),
        ("On May 4, Egypt called Jordan to discuss the border.", True),
        ("Egypt called Jordan on Monday to congratulate its king.", True),
        # Calling people to act on their own is an appeal, not a telephone call.
        ("Police called residents to evacuate the town.", False),
        ("Egypt called on Jordan to discuss the border.", False),
        ("Egypt called the vote a fraud.", False),
    ],
)
def test_events_phone_call_needs_a_purpose_one_states_on_a_call(
    nlp: Language, text: str, call: bool
) -> None:
    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "call")
    assert _phone_call(verb, load_lexicon([]).call_purposes) is call


def test_events_calling_a_meeting_is_no_cancellation(coder: Coder) -> None:
    article = Article(id="m", date=dt.date(2021, 5, 4), text="Egypt called an emergency meeting.")
    assert all(e.cameo != "160" for e in coder.code(article).events)


def test_events_conceding_defeat_yields_and_recognizing_a_state_supports(coder: Coder) -> None:
    main = _main(coder, "The Peruvian president conceded defeat to his Chilean rival.")
    assert main is not None and main.event_type == "CONCEDE"
    main = _main(coder, "France recognized Kosovo.")
    assert main is not None and main.cameo == "054"


def test_events_what_someone_is_capable_of_is_not_done(coder: Coder) -> None:
    text = "Iran has built a team of hackers capable of mounting cyber attacks on Israel."
    events = coder.code(Article(id="c", date=dt.date(2021, 5, 4), text=text)).events
    assert all(e.modality != "asserted" for e in events if e.event_type == "COERCE")


def test_events_a_possible_act_stays_possible_when_reported(coder: Coder) -> None:
    text = "Chile refused to let UN helicopters land and evacuate its monitors, Peru said."
    events = coder.code(Article(id="p", date=dt.date(2021, 5, 4), text=text)).events
    main = main_event(events)
    assert main is not None and main.event_type == "REJECT"
    assert all(e.modality != "reported" for e in events if e.trigger.text == "evacuate")


_KILLING = "Turkish drones killed the militant commander Baran Aziz near the border on Monday. "


def _article_events(coder: Coder, text: str) -> list[Event]:
    return coder.code(Article(id="a", date=dt.date(2021, 6, 9), text=text)).events


def _answer(events: list[Event], word: str) -> Event:
    return next(e for e in events if word in e.trigger.text)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The PKK promised revenge for the killing of Aziz.", "promised"),
        ("The PKK vowed revenge for Aziz.", "revenge"),
        ("The PKK called the attack a crime and vowed to avenge Aziz.", "vowed"),
    ],
)
def test_events_an_answer_to_a_harm_aims_at_who_did_it(
    coder: Coder, sentence: str, word: str
) -> None:
    event = _answer(_article_events(coder, _KILLING + sentence), word)
    assert event.event_type == "THREATEN"
    assert event.actor is not None and event.actor.text == "The PKK"
    # the victim is never the target: the drones that killed him are
    assert event.recipient is not None and event.recipient.code == "TURMIL"


def test_events_a_quoted_answer_is_the_speakers_own_threat(coder: Coder) -> None:
    text = _KILLING + (
        "\u201cThe hour has come for our answer to the murder of Aziz,\u201d Dilan Kaya, "
        "a commander of the PKK, wrote on Twitter on Tuesday."
    )
    event = _answer(_article_events(coder, text), "answer")
    assert event.event_type == "THREATEN" and event.modality == "asserted"
    assert event.actor is not None and event.actor.code == "TURREB"
    assert event.recipient is not None and event.recipient.code == "TURMIL"


def test_events_a_harm_that_also_befell_someone_shares_its_doer(coder: Coder) -> None:
    text = _KILLING + (
        "Crowds demanded revenge for Aziz and for Rojhat Demir, a fighter who was also "
        "killed in the raid."
    )
    killed = [e for e in _article_events(coder, text) if e.trigger.text == "killed"]
    assert killed and killed[0].actor is not None and killed[0].actor.code == "TURMIL"


def test_events_praise_of_a_harm_aims_at_who_did_it(coder: Coder) -> None:
    events = _article_events(coder, _KILLING + "The ruling party hailed the killing of Aziz.")
    praise = _answer(events, "hailed")
    assert praise.event_type == "SUPPORT"
    assert praise.recipient is not None and praise.recipient.code == "TURMIL"
    # with no doer known, the victim is still not the one praised
    events = _article_events(coder, "The ruling party hailed the killing of Baran Aziz.")
    assert _answer(events, "hailed").recipient is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chilean government issued a statement that condemned Peru.",
        "The Chilean ruling party sent letters that condemned Peru.",
        "The Chilean ruling party's letter condemned Peru.",
    ],
)
def test_events_a_document_acts_for_whoever_issued_it(coder: Coder, sentence: str) -> None:
    events = _article_events(coder, sentence)
    assert [e.event_type for e in events] == ["ACCUSE"]
    assert events[0].actor is not None and events[0].actor.country == "CHL"
    assert events[0].recipient is not None and events[0].recipient.code == "PER"


def test_events_a_response_to_no_harm_is_no_event(coder: Coder) -> None:
    events = _article_events(coder, "Chile praised the response to the floods in Peru.")
    assert not any(e.trigger.text == "response" for e in events)


@pytest.mark.parametrize(
    "sentence",
    [
        "Syrian military airstrikes on Tuesday killed at least nine rebel fighters.",
        "The shells fired by the Syrian army struck a school near the border.",
        "A bombing by the Red Hand group killed at least 30 villagers.",
        "Rebel air raids hit the northern town of Kalvo on Sunday.",
    ],
)
def test_events_an_attack_noun_as_an_attack_verbs_subject_is_one_attack(
    coder: Coder, sentence: str
) -> None:
    events = _article_events(coder, sentence)
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels stormed a police post near Kalvo after shelling it for an hour.",
        "Rebels seized a border outpost, officials said Monday, killing ten soldiers.",
    ],
)
def test_events_a_participle_after_the_act_keeps_its_doer(coder: Coder, sentence: str) -> None:
    events = _article_events(coder, sentence)
    assert {e.actor.text for e in events if e.actor is not None} == {"Rebels"}


def test_events_a_journey_is_a_visit_only_when_made_by_an_actor(coder: Coder) -> None:
    text = "The new farm bill heading to Biden's desk was passed by the Senate."
    assert not any(e.cameo == "042" for e in _article_events(coder, text))


def test_events_the_place_a_journey_starts_from_is_not_visited(coder: Coder) -> None:
    text = "The Chilean ministers travelled home from the Bolivian embassy."
    assert not any(e.cameo == "042" for e in _article_events(coder, text))
    text = "The Chilean ministers travelled to the Bolivian embassy."
    assert any(e.cameo == "042" for e in _article_events(coder, text))


def test_events_what_is_provided_with_is_not_who_receives_it(coder: Coder) -> None:
    text = "Brazil last year supplied the Chilean army with aircraft, vehicles and weapons."
    aid = [e for e in _article_events(coder, text) if e.event_type == "AID"]
    assert aid and {e.recipient.text if e.recipient else None for e in aid} == {"the Chilean army"}


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean government trained Peruvian troops through the Defence Ministry's "
        "Regional Peace Operations Assistance ( RPOA ) program.",
        "The Red Crescent Relief Operations Centre sent tents to Chad.",
    ],
)
def test_events_an_event_word_inside_a_name_is_no_event(coder: Coder, text: str) -> None:
    assert not any(e.trigger.text == "Operations" for e in _article_events(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "Forty UN monitors were pulled out of the Malian city of Timbuktu on Friday.",
        "Forty UN monitors were withdrawn from the Malian city of Timbuktu on Friday.",
    ],
)
def test_events_those_moved_out_of_a_place_leave_it(coder: Coder, text: str) -> None:
    assert ("IGO", "MLI") in {(a and a[:3], r) for a, r, _ in _coded_dyads(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Chile condemned as an act of piracy Peru's seizure of two fishing boats.",
        "Chile on Monday denounced as a grave crime Peru's crackdown on miners in Bolivia.",
    ],
)
def test_events_an_object_put_after_an_as_phrase_is_still_the_target(
    coder: Coder, text: str
) -> None:
    assert ("CHL", "PER") in {(a, r) for a, r, _ in _coded_dyads(coder, text)}


def test_events_an_object_counted_with_up_to_is_still_the_target(coder: Coder) -> None:
    text = "Chilean rebels have abducted up to 12 Peruvian engineers from a village market."
    assert ("CHLREB", "PER") in {(a, r and r[:3]) for a, r, _ in _coded_dyads(coder, text)}


def test_events_letting_clause_after_a_relative_clause_on_the_object(coder: Coder) -> None:
    text = "Chile will allow the Chilean families who fled the floods to return home."
    main = _main(coder, text)
    assert main is not None and main.cameo[:2] == "03" and main.actor is not None
    assert main.actor.country == "CHL"


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # Those "between" or "among" whom a meeting or mediation is are its targets.
        (
            "Chile offered to hold a meeting between a Peruvian trade union and the Bolivian"
            " army.",
            ("CHL", "PER"),
        ),
        ("Chile halted mediation efforts among Peru's rival parties.", ("CHL", "PER")),
        # ... or between whom lies what the mediation sets out to settle.
        (
            "Chile began a mediation bid to settle the quarrel between Peru and Bolivia.",
            ("CHL", "BOL"),
        ),
        (
            "Chile started a mediation bid to try to avert a war between Peru and Bolivia.",
            ("CHL", "PER"),
        ),
    ],
)
def test_events_targets_between_or_among_whom_an_act_is(
    coder: Coder, text: str, dyad: tuple[str, str]
) -> None:
    assert dyad in {(a and a[:3], r and r[:3]) for a, r, _ in _coded_dyads(coder, text)}


def test_events_verbs_sharing_an_object_share_its_destination(coder: Coder) -> None:
    text = "Chilean doctors donated and personally delivered 300 boxes of pills to Peru."
    main = _main(coder, text)
    assert main is not None and main.trigger.text == "donated"
    assert main.recipient is not None and main.recipient.country == "PER"


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "The UN sent a dozen experts to Mali to investigate the prospects of a larger"
            " monitoring force.",
            ("IGO", "MLI"),
        ),
    ],
)
def test_events_a_purpose_is_served_where_the_sending_goes(
    coder: Coder, text: str, dyad: tuple[str, str]
) -> None:
    assert dyad in {(a and a[:3], r and r[:3]) for a, r, _ in _coded_dyads(coder, text)}


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "The Chilean miners' union called off its strike after negotiations with the"
            " Peruvian government.",
            ("CHL", "PER"),
        ),
        (
            "The Chilean minister declined to resign despite pressure from the Peruvian"
            " government.",
            ("CHL", "PER"),
        ),
        (
            "The Chilean minister again declined to quit, despite the Peruvian president's"
            " request.",
            ("CHL", "PER"),
        ),
        (
            "Chilean truckers called off their strike after the deal with the Peruvian"
            " government.",
            ("CHL", "PER"),
        ),
    ],
)
def test_events_yielding_or_refusing_answers_who_pressed_for_it(
    coder: Coder, text: str, dyad: tuple[str, str]
) -> None:
    assert dyad in {(a and a[:3], r and r[:3]) for a, r, _ in _coded_dyads(coder, text)}


def test_events_what_a_summons_is_for_is_aimed_at_whom_it_summons(coder: Coder) -> None:
    text = (
        "The Chilean foreign ministry summoned Peru's ambassador in Santiago on Monday to"
        " complain of bias in the Peruvian media."
    )
    dyads = _coded_dyads(coder, text)
    assert dyads and {(a and a[:3], r and r[:3]) for a, r, _ in dyads} == {("CHL", "PER")}


def test_events_a_protest_is_aimed_at_whom_the_rally_before_it_called_for_removing(
    coder: Coder,
) -> None:
    text = "Chilean students rioted following a march calling for the removal of Peru's envoy."
    assert ("CHL", "PER") in {(a and a[:3], r and r[:3]) for a, r, _ in _coded_dyads(coder, text)}


def test_events_a_strike_is_aimed_at_the_state_of_the_place_it_shuts(coder: Coder) -> None:
    text = "Four rival parties have organised a nationwide strike that shut down Kumasi."
    main = _main(coder, text)
    assert main is not None and main.recipient is not None and main.recipient.country == "GHA"


def test_events_those_expelled_from_a_place_do_not_leave_of_their_accord(coder: Coder) -> None:
    text = "Forty UN monitors were expelled from the Malian city of Timbuktu on Friday."
    assert all(a is None or a[:3] != "IGO" for a, _, _ in _coded_dyads(coder, text))


def test_events_a_target_without_a_country_takes_that_of_the_place_of_the_act(
    coder: Coder,
) -> None:
    main = _main(coder, "The Ghanaian government jailed 40 members of a student society in Tamale.")
    assert main is not None and main.recipient is not None
    assert main.recipient.text.startswith("40 members") and main.recipient.country == "GHA"


def test_events_a_place_named_several_of_phrases_deep_locates_the_act(coder: Coder) -> None:
    text = (
        "Togolese troops have been holding hundreds of villagers as a shield in the"
        " combat zones of the upper part of the Kumasi district."
    )
    main = _main(coder, text)
    assert main is not None and main.recipient is not None and main.recipient.country == "GHA"


@pytest.mark.parametrize(
    ("text", "dyad", "cameo"),
    [
        # A particle the parse reads as a preposition still takes the object.
        (
            "UN and WHO hand over emergency medicine to the Bolivian Government.",
            ("IGOUNO", "BOLGOV", "AID"),
            "073",
        ),
        ("Norway has provided its yearly donations to Palestinians.", ("NOR", "PSE", "AID"), "070"),
        # Refugees taken in are the ones helped.
        ("Austria accepted 400 Eritrean refugees in March.", ("AUT", "ERIREF", "AID"), "075"),
        # A blockade "of" a country is aimed at it, as one "on" it.
        ("Egypt lifted its blockade of Libya.", ("EGY", "LBY", "RETREAT"), "085"),
        ("Chile sent a platoon of soldiers to Bolivia.", ("CHL", "BOL", "MOBILIZE"), "154"),
        # Who offers to dispatch soldiers to a country means to help it, not to threaten it.
        ("Chile offered to dispatch soldiers to Bolivia.", ("CHL", "BOL", "AGREE"), "030"),
        # Who joins another's mission acts in it; the mission's owner does not; the
        # mission is served where they arrive to join it.
        (
            "Fifty Chilean soldiers arrived in Haiti to join the UN peacekeeping mission.",
            ("CHLMIL", "HTI", "AID"),
            "074",
        ),
    ],
)
def test_events_handovers_donations_refugees_blockades_troops_and_joined_missions(
    coder: Coder, text: str, dyad: tuple[str, str | None, str], cameo: str
) -> None:
    _assert_main(coder, text, dyad, cameo)


def _assert_main(
    coder: Coder, text: str, dyad: tuple[str | None, str | None, str], cameo: str
) -> None:
    """The sentence's main event has this code, type, actor and (where given) recipient."""
    main = _main(coder, text)
    assert main is not None and main.cameo == cameo and main.event_type == dyad[2]
    assert (main.actor.code if main.actor else None) == dyad[0]
    if dyad[1] is not None:
        assert main.recipient is not None and main.recipient.code == dyad[1]


@pytest.mark.parametrize(
    ("text", "dyad", "cameo"),
    [
        # What is sent for an offered purpose goes where it is sent.
        (
            "Chile stands ready to send experts to Bolivia to help its neighbour rebuild.",
            ("CHL", "BOL", "AGREE"),
            "033",
        ),
        # The object of a verb with a bare infinitive, read as the infinitive's subject.
        ("Japan helped Nepal rebuild its schools.", ("JPN", "NPL", "AID"), "070"),
        ("Spain has offered to Morocco an infantry regiment.", ("ESP", "MAR", "AGREE"), "0332"),
        # Whoever an accusation comes from is the target of its denial.
        (
            "The Government rejected accusations from a Peruvian senator that it lied.",
            (None, "PERLEG", "REJECT"),
            "016",
        ),
        # ... also where the parse hangs its "by" phrase on the verb.
        (
            "The Chilean navy on Friday denied charges by Peruvian fishermen that it"
            " seized their nets.",
            ("CHLMIL", "PERAGR", "REJECT"),
            "016",
        ),
        # Only the state of the place expels people from it.
        (
            "Four Red Cross monitors were expelled from Peru on Monday.",
            ("PER", None, "SANCTION"),
            "1662",
        ),
        # Restrictions between two states aim at the other one.
        (
            "Qatar lifted the trade curbs between it and Bahrain.",
            ("QAT", "BHR", "CONCEDE"),
            "081",
        ),
        # Money released to a country is aid, not a release of captives.
        (
            "The Spanish government released 30 million euros in aid to Morocco.",
            ("ESPGOV", "MAR", "AID"),
            "071",
        ),
    ],
)
def test_events_purposes_bare_infinitives_offers_denials_expulsions_and_released_funds(
    coder: Coder, text: str, dyad: tuple[str | None, str | None, str], cameo: str
) -> None:
    _assert_main(coder, text, dyad, cameo)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ghana backed the EU withdrawal bill.", "withdrawal"),
        ("A charity in Kenya helps sexual assault survivors in Nairobi.", "assault"),
    ],
)
def test_events_an_event_noun_naming_a_kind_of_thing_codes_no_act(
    coder: Coder, text: str, word: str
) -> None:
    events = coder.code(Article(id="k", date=dt.date(2021, 5, 4), text=text)).events
    assert all(word not in e.trigger.text for e in events)


def test_events_an_event_noun_of_its_own_family_keeps_its_modifier(coder: Coder) -> None:
    text = "A Chadian air strike hit a market in Sudan."
    assert any(a and a[:3] == "TCD" for a, _, _ in _coded_dyads(coder, text))


def test_events_a_body_holding_its_session_consults_no_one(coder: Coder) -> None:
    for text, word in [
        ("Peru sent a minister to the G7 summit in Rome.", "summit"),
        ("The Kenyan cabinet meeting approved the Nairobi budget.", "meeting"),
    ]:
        events = coder.code(Article(id="s", date=dt.date(2021, 5, 4), text=text)).events
        assert all(e.trigger.text != word for e in events)


def test_events_a_summit_of_two_named_parties_is_still_coded(coder: Coder) -> None:
    text = "The summit between Chile and Peru opened in Lima on Tuesday."
    assert ("CHL", "PER") in {(a and a[:3], r and r[:3]) for a, r, _ in _coded_dyads(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Peru's foreign minister met Chile's president in Lima to discuss Bolivia's border claims.",
        "Chilean officials discussed the drought in Bolivia.",
    ],
)
def test_events_what_is_discussed_is_a_topic_not_a_party(coder: Coder, text: str) -> None:
    assert all(r is None or r[:3] != "BOL" for _, r, _ in _coded_dyads(coder, text))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Kenya and Uganda discussed trade in Kampala.", ("KEN", "UGA")),
        ("Chile negotiated the sale of copper with Peru.", ("CHL", "PER")),
        ("The Kenyan president received the Ugandan ambassador in Nairobi.", ("KEN", "UGA")),
    ],
)
def test_events_talks_name_their_parties(coder: Coder, text: str, dyad: tuple[str, str]) -> None:
    assert dyad in {(a and a[:3], r and r[:3]) for a, r, _ in _coded_dyads(coder, text)}


def test_events_an_act_others_expect_is_done_by_the_passive_subject(coder: Coder) -> None:
    text = "The Kenyan president is expected to meet Uganda's president in Kampala next week."
    events = coder.code(Article(id="x", date=dt.date(2021, 5, 4), text=text)).events
    assert all(e.trigger.text != "expected" for e in events)
    assert ("KEN", "UGA") in {(a and a[:3], r and r[:3]) for a, r, _ in _dyads(events)}


def test_events_whoever_is_urged_in_the_passive_is_the_appeal_target(coder: Coder) -> None:
    text = "Chile was urged to free the Peruvian prisoners."
    assert all(r is None or r[:3] == "CHL" for _, r, _ in _coded_dyads(coder, text))


def test_events_what_explodes_is_not_the_target_of_the_blast(coder: Coder) -> None:
    text = "Chilean rescuers searched the coast after the explosion of a Peruvian fuel tanker."
    assert all(r is None or r[:3] != "PER" for _, r, _ in _coded_dyads(coder, text))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # Whoever is a donor gives aid; to whom the noun says.
        ("Chile is the leading donor to Peru.", ("CHL", "PER")),
        ("Chile remains the biggest single donor of food aid.", ("CHL", None)),
    ],
)
def test_events_the_subject_of_a_donor_noun_gives_aid(
    coder: Coder, text: str, dyad: tuple[str, str | None]
) -> None:
    assert (*dyad, "AID") in _coded_dyads(coder, text)


def test_events_the_owner_of_donors_is_whom_they_give_to(coder: Coder) -> None:
    # "Peru's donors" give to Peru: no aid by Peru
    dyads = _coded_dyads(coder, "Peru's donors said the country must ensure security.")
    assert not [d for d in dyads if d[2] == "AID"]


@pytest.mark.parametrize(
    "text",
    [
        "A fire that broke out in a Lima market killed twelve Peruvian traders.",
        "The earthquake injured dozens of Chilean miners.",
        # a named disease is no one, though it reads like a name
        "Ebola killed 300 people in Liberia.",
    ],
)
def test_events_harm_from_a_natural_cause_is_no_act(coder: Coder, text: str) -> None:
    assert not coder.code(Article(id="n", date=dt.date(2021, 5, 4), text=text)).events


def test_events_fire_from_a_weapon_is_still_an_attack(coder: Coder) -> None:
    text = "Peruvian artillery fire killed twelve Chilean soldiers."
    assert any(r and r[:3] == "CHL" for _, r, _ in _coded_dyads(coder, text))


def test_events_a_relative_clause_with_its_own_subject_acts_on_its_noun(coder: Coder) -> None:
    text = "Bolivia freed the Chilean fishermen Peruvian forces had detained."
    assert ("PER", "CHL") in {(a and a[:3], r and r[:3]) for a, r, _ in _coded_dyads(coder, text)}


def test_events_a_relative_clause_subject_is_not_the_noun_it_describes(coder: Coder) -> None:
    text = "The Chilean army has freed a Peruvian diplomat it arrested last year."
    assert all(a is None or a[:3] != "PER" for a, _, _ in _coded_dyads(coder, text))


def test_events_a_bare_participle_complement_tells_what_befell_the_subject(
    coder: Coder,
) -> None:
    text = "Gunmen raided a market in Lima, with three Bolivian traders reported wounded."
    events = coder.code(Article(id="p", date=dt.date(2021, 5, 4), text=text)).events
    killed = [e for e in events if e.trigger.text == "wounded"]
    assert killed and all(e.recipient is not None and e.actor is None for e in killed)


def test_events_what_an_agreed_act_makes_is_not_its_target(coder: Coder) -> None:
    text = "The Chilean cabinet pledged to form a state mining company in Santiago."
    events = coder.code(Article(id="c", date=dt.date(2021, 5, 4), text=text)).events
    assert events and all(
        e.recipient is None or "company" not in e.recipient.text for e in events
    )


@pytest.mark.parametrize(
    "text",
    [
        "Chilean volunteers fought on the Peruvian side during the war.",
        "Chilean volunteers fought on the side of Peruvian rebels.",
    ],
)
def test_events_whom_a_fighter_sides_with_is_not_the_target(coder: Coder, text: str) -> None:
    assert all(r is None or r[:3] != "PER" for _, r, _ in _coded_dyads(coder, text))


def test_events_a_side_of_a_border_is_still_a_target(coder: Coder) -> None:
    text = "Peruvian jets struck targets on the Chilean side of the border."
    assert any(r and r[:3] == "CHL" for _, r, _ in _coded_dyads(coder, text))


def test_events_those_attending_a_body_s_session_still_meet(coder: Coder) -> None:
    text = "Peruvian ministers attended the OPEC meeting in Vienna on Tuesday."
    events = coder.code(Article(id="o", date=dt.date(2021, 5, 4), text=text)).events
    assert any(e.event_type == "CONSULT" for e in events)


def test_events_an_act_warned_against_is_not_the_warner_s(coder: Coder) -> None:
    text = "Chile warned against scrapping the trade agreement with Peru."
    events = coder.code(Article(id="w", date=dt.date(2021, 5, 4), text=text)).events
    scrapping = [e for e in events if e.trigger.text == "scrapping"]
    assert all(e.actor is None for e in scrapping)


@pytest.mark.parametrize(
    "text",
    [
        "The rebel militia Red Hand said it will lay down its weapons.",
        "Chile agreed to an extension of the peace force in Chile.",
    ],
)
def test_events_a_party_named_again_is_not_its_own_target(coder: Coder, text: str) -> None:
    events = coder.code(Article(id="s", date=dt.date(2021, 5, 4), text=text)).events
    assert events
    for e in events:
        assert e.recipient is None or e.actor is None or e.recipient.text != e.actor.text
        assert e.recipient is None or "Red Hand" not in e.recipient.text


def test_events_an_anti_modifier_names_the_target_not_the_doer(coder: Coder) -> None:
    text = "Thousands joined anti-Chile protests in Lima."
    dyads = _coded_dyads(coder, text)
    assert any(r and r[:3] == "CHL" for _, r, _ in dyads)
    assert all(a is None or a[:3] != "CHL" for a, _, _ in dyads)


def test_events_a_participle_set_off_by_commas_tells_what_befell_its_noun(
    coder: Coder,
) -> None:
    text = (
        "Nine Peruvian sailors, held captive in Chile for 40 days, have now been released"
        " by Chilean troops."
    )
    events = coder.code(Article(id="h", date=dt.date(2021, 5, 4), text=text)).events
    held = [e for e in events if e.trigger.text == "held"]
    assert held and all(e.actor is None or e.actor.code[:3] != "PER" for e in held)
    assert ("CHLMIL", "PERMIL", "RETREAT") in _dyads(events)


def test_events_a_passive_conjunct_shares_the_subject_and_auxiliary(coder: Coder) -> None:
    text = "A Peruvian activist was arrested by Chilean police and freed by a court."
    events = coder.code(Article(id="e", date=dt.date(2021, 5, 4), text=text)).events
    freed = [e for e in events if e.trigger.text == "freed"]
    assert freed and all(e.recipient is not None and e.recipient.code[:3] == "PER" for e in freed)


def test_events_a_possessor_not_a_from_phrase_owns_the_thing_acted_on(coder: Coder) -> None:
    text = "The Chilean government said it would recognize Freedonia's independence from Peru."
    dyads = _coded_dyads(coder, text)
    assert dyads and all(r is None or r[:3] != "PER" for _, r, _ in dyads)


def test_events_what_an_attack_hit_is_not_who_a_clause_on_it_says_killed(coder: Coder) -> None:
    text = (
        "Hamas staged a multi - pronged assault on Chile ’ s senate and the mausoleum of"
        " founding leader Ali Karimi in May 2012 that killed 19 people ."
    )
    events = coder.code(Article(id="k", date=dt.date(2021, 5, 4), text=text)).events
    killed = [e for e in events if e.trigger.text == "killed"]
    assert killed and all(e.actor is None or "Karimi" not in e.actor.text for e in killed)


def test_events_a_second_subject_after_the_verb_belongs_to_its_clause(coder: Coder) -> None:
    text = (
        "Yet Tom Berg , resident fellow at the Hudson Centre , says thus far the Navy ’ s"
        " plans for the 2025 budget look underwhelming ."
    )
    events = coder.code(Article(id="q", date=dt.date(2021, 5, 4), text=text)).events
    assert events and all(e.actor is None or "Navy" not in e.actor.text for e in events)


def test_events_the_last_word_of_a_name_is_no_event_noun(coder: Coder) -> None:
    text = "The Peruvian charity Andes Flying Aid has been giving food to Chileans for years."
    events = coder.code(Article(id="a", date=dt.date(2021, 5, 4), text=text)).events
    assert events and all(e.trigger.text != "Aid" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian forces struck the town with drones.",
        "Rebels said they had attacked the towns in Chile with rockets and drones.",
    ],
)
def test_events_the_weapons_an_attack_uses_are_not_its_target(coder: Coder, text: str) -> None:
    events = coder.code(Article(id="w", date=dt.date(2021, 5, 4), text=text)).events
    assert events and all(e.recipient is None or "drones" not in e.recipient.text for e in events)


def test_events_let_free_takes_in_its_adjective_not_the_freed_phrase(coder: Coder) -> None:
    text = "Chile today let free Tomas Berg, who had led anti-Peru protests last week."
    events = coder.code(Article(id="f", date=dt.date(2021, 5, 4), text=text)).events
    freed = [e.recipient for e in events if e.trigger.text == "let free"]
    assert freed and all(r is not None and r.phrase is not None for r in freed)
    assert {r.phrase.text for r in freed if r is not None and r.phrase is not None} == {
        "Tomas Berg"
    }


def test_events_going_home_is_no_visit(coder: Coder) -> None:
    text = "Rebels killed twelve Peruvian cadets as they flew home from the Lima academy ."
    events = coder.code(Article(id="v", date=dt.date(2021, 5, 4), text=text)).events
    assert events and all(e.trigger.text != "flew" for e in events)


def test_events_they_after_people_named_together_stands_for_each(coder: Coder) -> None:
    text = "Lopez and Varga said they agree with Smith that the bill should pass."
    events = coder.code(Article(id="t", date=dt.date(2021, 5, 4), text=text)).events
    actors = {e.actor.text for e in events if e.actor is not None and e.cameo.startswith("01")}
    assert actors == {"Lopez", "Varga"}
