"""Modality of event triggers from the real parse."""

from __future__ import annotations

import pytest
from spacy.language import Language

from flashpoint.kb.lexicon import load_lexicon
from flashpoint.pipeline.modality import governors, modality_of


def _token(nlp: Language, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Chile attacked the border post on Monday.", "attacked", "asserted"),
        ("Chile did not attack the border post.", "attack", "negated"),
        ("Chile never attacked the border post.", "attacked", "negated"),
        ("Chile denied attacking the border post.", "attacking", "negated"),
        ("Chile decided against attacking the border post.", "attacking", "negated"),
        ("The ministry said there was no attack on the convoy.", "attack", "negated"),
        ("Chile will impose sanctions on Peru next month.", "impose", "future"),
        ("Chile plans to impose sanctions on Peru.", "impose", "future"),
        ("Chile is going to close the border.", "close", "future"),
        ("Chile could strike the border post.", "strike", "hypothetical"),
        ("Chile might expel the envoy.", "expel", "hypothetical"),
        ("If Chile attacks the post, Peru will respond.", "attacks", "hypothetical"),
        # "due to" and "about" before a noun give a cause or a topic, not a schedule.
        ("The prisoner died due to torture.", "torture", "asserted"),
        ("Peru worried about the attack on its embassy.", "attack", "asserted"),
        ("Chile is due to visit Peru.", "visit", "future"),
    ],
)
def test_modality_of_trigger(nlp: Language, text: str, word: str, expected: str) -> None:
    cues = load_lexicon([]).modality
    assert modality_of(_token(nlp, text, word), cues) == expected


def test_modality_nominal_event_takes_its_verbs_negation(nlp: Language) -> None:
    cues = load_lexicon([]).modality
    token = _token(nlp, "Peru could not afford a war with Chile.", "war")
    assert [t.text for t in governors(token)][:2] == ["war", "afford"]
    assert modality_of(token, cues) != "asserted"


def test_modality_reported_would_is_future_not_condition(nlp: Language) -> None:
    cues = load_lexicon([]).modality
    token = _token(nlp, "Chile said it would release the prisoners.", "release")
    assert modality_of(token, cues) == "future"


def test_modality_a_conjoined_verb_shares_the_first_conjuncts_governor(nlp: Language) -> None:
    cues = load_lexicon([]).modality
    text = "Chile refused to let the planes land and evacuate the wounded."
    assert modality_of(_token(nlp, text, "evacuate"), cues) == "hypothetical"
    # ... but not that conjunct's own negation.
    text = "Chile did not attack the post but shelled the town."
    assert modality_of(_token(nlp, text, "shelled"), cues) == "asserted"
