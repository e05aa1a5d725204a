"""Verb lemma repair: only verbs whose lemma the lexicon lacks, only to a known base form."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from flashpoint.pipeline.lemmas import VerbLemmaRepair, base_forms


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
