"""Parse repairs: attachments the parser gets wrong, fixed before the actors stage."""

from __future__ import annotations

from spacy.tokens import Doc

from flashpoint import Coder
from flashpoint.pipeline.repairs import ParseRepair


def _doc(coder: Coder, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    tags = {"NOUN": "NNS", "PROPN": "NNP", "ADP": "IN", "CCONJ": "CC", "VERB": "VBP",
            "PUNCT": ".", "PART": "POS", "DET": "DT", "PRON": "PRP", "ADJ": "JJ"}  # fmt: skip
    return Doc(
        coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=[tags[p] for p in pos]
    )


def test_repairs_coordination_a_name_after_a_place_name_joins_it(coder: Coder) -> None:
    # the parse conjoins "Sweden" with "Senators"
    doc = _doc(
        coder,
        ["Senators", "in", "Norway", "and", "Sweden", "praised", "Denmark", "."],
        [5, 0, 1, 0, 0, 5, 5, 5],
        ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "dobj", "punct"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"],
    )
    ParseRepair()(doc)
    assert doc[4].head.text == "Norway" and doc[3].head.text == "Norway"
    coder.nlp.get_pipe("actors")(doc)
    (senators,) = [s._.fp_actor for s in doc._.fp_actors if s.text.startswith("Senators")]
    assert senators.joint_codes == ["NORLEG", "SWELEG"]


def test_repairs_coordination_a_conjunct_with_a_phrase_of_its_own_stays(coder: Coder) -> None:
    words = ["Senators", "in", "Norway", "and", "Sweden", "'s", "army", "praised", "Denmark"]
    doc = _doc(
        coder,
        words,
        [7, 0, 1, 0, 6, 4, 0, 7, 7],
        ["nsubj", "prep", "pobj", "cc", "poss", "case", "conj", "ROOT", "dobj"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PART", "NOUN", "VERB", "PROPN"],
    )
    ParseRepair()(doc)
    assert doc[6].head.text == "Senators"
    # a common noun after the place is another party: "senators in Oslo and the army"
    doc = _doc(
        coder,
        ["Senators", "in", "Norway", "and", "the", "army", "praised", "Denmark"],
        [6, 0, 1, 0, 5, 0, 6, 6],
        ["nsubj", "prep", "pobj", "cc", "det", "conj", "ROOT", "dobj"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "DET", "NOUN", "VERB", "PROPN"],
    )
    ParseRepair()(doc)
    assert doc[5].head.text == "Senators"


def test_repairs_a_name_compounded_on_a_verb_is_its_subject(coder: Coder) -> None:
    doc = _doc(
        coder,
        ["Norway", "act", "on", "the", "pledge", "."],
        [1, 1, 1, 4, 2, 1],
        ["compound", "ROOT", "prep", "det", "pobj", "punct"],
        ["PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
    )
    ParseRepair()(doc)
    assert doc[0].dep_ == "nsubj"
    # a verb with a subject of its own keeps the parse
    doc = _doc(
        coder,
        ["Norway", "they", "act", "on", "."],
        [2, 2, 2, 2, 2],
        ["compound", "nsubj", "ROOT", "prep", "punct"],
        ["PROPN", "PRON", "VERB", "ADP", "PUNCT"],
    )
    ParseRepair()(doc)
    assert doc[0].dep_ == "compound"
    # a noun the tagger took for a verb ("patrolled Baltic waters") keeps its compound
    doc = _doc(
        coder,
        ["Ships", "patrolled", "Baltic", "waters", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "compound", "dobj", "punct"],
        ["NOUN", "VERB", "PROPN", "VERB", "PUNCT"],
    )
    ParseRepair()(doc)
    assert doc[2].dep_ == "compound"


def test_repairs_an_acronym_read_as_a_modifier_of_a_verb_is_its_subject(coder: Coder) -> None:
    for words, heads, deps, pos, tags in (
        (
            ["UNHCR", "sent", "tents", "."],
            [1, 1, 1, 1],
            ["advmod", "ROOT", "dobj", "punct"],
            ["ADV", "VERB", "NOUN", "PUNCT"],
            ["RB", "VBD", "NNS", "."],
        ),
        # through an auxiliary too
        (
            ["UNHCR", "had", "sent", "tents", "."],
            [2, 2, 2, 2, 2],
            ["advmod", "aux", "ROOT", "dobj", "punct"],
            ["ADV", "AUX", "VERB", "NOUN", "PUNCT"],
            ["RB", "VBD", "VBN", "NNS", "."],
        ),
    ):
        doc = Doc(coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
        ParseRepair()(doc)
        assert doc[0].dep_ == "nsubj" and doc[0].pos_ == "PROPN"
    # an adverb that is no acronym stays
    doc = Doc(
        coder.nlp.vocab,
        words=["Soon", "sailed", "ships", "."],
        heads=[1, 1, 1, 1],
        deps=["advmod", "ROOT", "dobj", "punct"],
        pos=["ADV", "VERB", "NOUN", "PUNCT"],
        tags=["RB", "VBD", "NNS", "."],
    )
    ParseRepair()(doc)
    assert doc[0].dep_ == "advmod"


def test_repairs_an_of_phrase_after_a_conjunct_is_its_owner(coder: Coder) -> None:
    # "of Sweden" hung on "envoys", which "Norway's" already owns
    doc = _doc(
        coder,
        ["Norway", "'s", "envoys", "and", "delegates", "of", "Sweden", "met", "."],
        [2, 0, 7, 2, 2, 2, 5, 7, 7],
        ["poss", "case", "nsubj", "cc", "conj", "prep", "pobj", "ROOT", "punct"],
        ["PROPN", "PART", "NOUN", "CCONJ", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
    )
    ParseRepair()(doc)
    assert doc[5].head.text == "delegates"
    # without an owner of its own the phrase may be shared: left as parsed
    doc = _doc(
        coder,
        ["The", "envoys", "and", "delegates", "of", "Sweden", "met", "."],
        [1, 6, 1, 1, 1, 4, 6, 6],
        ["det", "nsubj", "cc", "conj", "prep", "pobj", "ROOT", "punct"],
        ["DET", "NOUN", "CCONJ", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
    )
    ParseRepair()(doc)
    assert doc[4].head.text == "envoys"


def test_repairs_a_name_between_commas_in_a_list_is_an_item(coder: Coder) -> None:
    words = ["Norway", ",", "the", "old", "Sweden", ",", "and", "Denmark", "met", "."]
    heads = [8, 0, 4, 4, 0, 0, 0, 0, 8, 8]
    deps = ["nsubj", "punct", "det", "amod", "appos", "punct", "cc", "conj", "ROOT", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "ADJ", "PROPN", "PUNCT", "CCONJ", "PROPN", "VERB", "PUNCT"]
    doc = _doc(coder, words, heads, deps, pos)
    ParseRepair()(doc)
    assert doc[4].dep_ == "conj"
    # an appositive that renames ("the host country") stays one
    words[3:5] = ["host", "country"]
    pos[3:5] = ["NOUN", "NOUN"]
    doc = _doc(coder, words, heads, deps, pos)
    ParseRepair()(doc)
    assert doc[4].dep_ == "appos"


def test_repairs_a_noun_with_a_subject_and_an_object_is_a_verb(coder: Coder) -> None:
    # the tagger reads a headline's "hand" as a noun, the parser gives it both roles
    doc = _doc(
        coder,
        ["Norway", "and", "Sweden", "hand", "over", "tents", "to", "Chad", "."],
        [3, 0, 0, 3, 3, 3, 5, 6, 3],
        ["nsubj", "cc", "conj", "ROOT", "prt", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "CCONJ", "PROPN", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    ParseRepair()(doc)
    assert doc[3].pos_ == "VERB" and doc[3].tag_ == "VBP"
    # a noun heading a verbless headline stays a noun
    doc = _doc(
        coder,
        ["Norway", "aid", "to", "Chad", "."],
        [1, 1, 1, 2, 1],
        ["compound", "ROOT", "prep", "pobj", "punct"],
        ["PROPN", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    ParseRepair()(doc)
    assert doc[1].pos_ == "NOUN"
