"""Verb lemma repair: only verbs whose lemma the lexicon lacks, only to a known base form."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from flashpoint.pipeline.lemmas import (
    VerbLemmaRepair,
    base_forms,
    misinflected,
    regular_inflections,
)


def test_lemmas_base_forms_cover_regular_inflections() -> None:
    assert "stage" in base_forms("staged")
    assert "launch" in base_forms("launched")
    assert "plan" in base_forms("planned")
    assert "stage" in base_forms("staging")
    assert "deny" in base_forms("denied")
    assert "attack" in base_forms("attacks")


def test_lemmas_repair_only_unknown_verbs() -> None:
    doc = Doc(Vocab(), words=["Students", "staged", "rallies", "and", "sang"])
    for token, pos, lemma in zip(
        doc, ["NOUN", "VERB", "NOUN", "CCONJ", "VERB"], ["student", "stag", "rally", "and", "sing"],
        strict=True,
    ):
        token.pos_, token.lemma_ = pos, lemma
    VerbLemmaRepair(frozenset({"stage", "sing"}))(doc)
    assert [t.lemma_ for t in doc] == ["student", "stage", "rally", "and", "sing"]


def test_lemmas_irregular_past_read_as_present_takes_its_base() -> None:
    # A tagger that reads "overran" as present leaves it as its own lemma.
    doc = Doc(Vocab(), words=["Rebels", "overran", "the", "base", "and", "foresaw", "it"])
    for token in doc:
        token.pos_, token.lemma_ = "VERB" if token.i in (1, 5) else "NOUN", token.text.lower()
    irregular = {"overran": "overrun", "foresaw": "foresee"}
    VerbLemmaRepair(frozenset({"overrun"}), irregular)(doc)
    # Only a base the lexicon knows is taken.
    assert [doc[1].lemma_, doc[5].lemma_] == ["overrun", "foresaw"]


def test_lemmas_the_model_gives_irregular_forms(nlp: Language) -> None:
    doc = nlp("Boko Haram fighters overran an army outpost near Maiduguri.")
    assert [t.lemma_ for t in doc if t.text == "overran"] == ["overrun"]


def test_lemmas_regular_inflections_follow_spelling_rules() -> None:
    assert regular_inflections("visit") >= {"visits", "visited", "visiting"}
    assert regular_inflections("try") == {"tries", "tried", "trying"}
    assert regular_inflections("agree") == {"agrees", "agreed", "agreeing"}
    assert {"watches", "dying", "panicked"} <= (
        regular_inflections("watch") | regular_inflections("die") | regular_inflections("panic")
    )
    assert {"traveled", "travelled"} <= regular_inflections("travel")


def test_lemmas_misinflected_flags_wrong_regular_endings_only() -> None:
    assert misinflected("visites", "visit")
    assert misinflected("tryed", "try")
    assert misinflected("makeing", "make")
    # regular forms, and irregular ones, are not built with a wrong ending
    for form, word in [("visits", "visit"), ("fled", "flee"), ("said", "say"),
                       ("heard", "hear"), ("broke", "break"), ("goes", "go")]:  # fmt: skip
        assert not misinflected(form, word), form
