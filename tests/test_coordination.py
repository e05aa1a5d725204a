"""Coordination repair: a name the parser conjoins across the phrase it belongs in."""

from __future__ import annotations

from spacy.tokens import Doc

from flashpoint import Coder
from flashpoint.pipeline.coordination import CoordinationRepair


def _doc(coder: Coder, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    tags = {"NOUN": "NNS", "PROPN": "NNP", "ADP": "IN", "CCONJ": "CC", "VERB": "VBD",
            "PUNCT": ".", "PART": "POS", "DET": "DT"}  # fmt: skip
    return Doc(
        coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=[tags[p] for p in pos]
    )


def test_coordination_a_name_after_a_place_name_joins_it(coder: Coder) -> None:
    # the parse conjoins "Sweden" with "Senators"
    doc = _doc(
        coder,
        ["Senators", "in", "Norway", "and", "Sweden", "praised", "Denmark", "."],
        [5, 0, 1, 0, 0, 5, 5, 5],
        ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "dobj", "punct"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"],
    )
    CoordinationRepair()(doc)
    assert doc[4].head.text == "Norway" and doc[3].head.text == "Norway"
    coder.nlp.get_pipe("actors")(doc)
    (senators,) = [s._.fp_actor for s in doc._.fp_actors if s.text.startswith("Senators")]
    assert senators.joint_codes == ["NORLEG", "SWELEG"]


def test_coordination_a_conjunct_with_a_phrase_of_its_own_stays(coder: Coder) -> None:
    words = ["Senators", "in", "Norway", "and", "Sweden", "'s", "army", "praised", "Denmark"]
    doc = _doc(
        coder,
        words,
        [7, 0, 1, 0, 6, 4, 0, 7, 7],
        ["nsubj", "prep", "pobj", "cc", "poss", "case", "conj", "ROOT", "dobj"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PART", "NOUN", "VERB", "PROPN"],
    )
    CoordinationRepair()(doc)
    assert doc[6].head.text == "Senators"
    # a common noun after the place is another party: "senators in Oslo and the army"
    doc = _doc(
        coder,
        ["Senators", "in", "Norway", "and", "the", "army", "praised", "Denmark"],
        [6, 0, 1, 0, 5, 0, 6, 6],
        ["nsubj", "prep", "pobj", "cc", "det", "conj", "ROOT", "dobj"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "DET", "NOUN", "VERB", "PROPN"],
    )
    CoordinationRepair()(doc)
    assert doc[5].head.text == "Senators"
