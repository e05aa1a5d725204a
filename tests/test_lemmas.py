"""Verb lemma repair: only verbs whose lemma the lexicon lacks, only to a known base form."""

from __future__ import annotations

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
