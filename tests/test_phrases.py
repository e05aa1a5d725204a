"""The phrase that fills an event role, read from hand-built parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from flashpoint.pipeline.phrases import role_phrase


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parsed Doc from (word, head, dep, tag, pos) rows."""
    words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_phrases_keep_a_closing_bracket_opened_inside() -> None:
    doc = _doc(
        [
            ("The", 3, "det", "DT", "DET"),
            ("Vorland", 3, "compound", "NNP", "PROPN"),
            ("Trade", 3, "compound", "NNP", "PROPN"),
            ("Office", 7, "nsubj", "NNP", "PROPN"),
            ("(", 5, "punct", "-LRB-", "PUNCT"),
            ("VTO", 3, "appos", "NNP", "PROPN"),
            (")", 5, "punct", "-RRB-", "PUNCT"),
            ("protested", 7, "ROOT", "VBD", "VERB"),
            (".", 7, "punct", ".", "PUNCT"),
        ]
    )
    assert role_phrase(doc[1:2], doc[7:8]).text == "The Vorland Trade Office ( VTO )"


def test_phrases_take_in_a_closing_bracket_the_parse_hung_outside() -> None:
    doc = _doc(
        [
            ("Police", 1, "nsubj", "NNS", "NOUN"),
            ("expelled", 1, "ROOT", "VBD", "VERB"),
            ("staff", 1, "dobj", "NNS", "NOUN"),
            ("of", 2, "prep", "IN", "ADP"),
            ("the", 5, "det", "DT", "DET"),
            ("Agency", 3, "pobj", "NNP", "PROPN"),
            ("(", 7, "punct", "-LRB-", "PUNCT"),
            ("VRA", 5, "appos", "NNP", "PROPN"),
            (")", 1, "punct", "-RRB-", "PUNCT"),
            (".", 1, "punct", ".", "PUNCT"),
        ]
    )
    assert role_phrase(doc[2:3], doc[1:2]).text == "staff of the Agency ( VRA )"


def test_phrases_end_before_a_phrase_that_says_when_or_as_what() -> None:
    doc = _doc(
        [
            ("Rebels", 1, "nsubj", "NNS", "NOUN"),
            ("held", 1, "ROOT", "VBD", "VERB"),
            ("villagers", 1, "dobj", "NNS", "NOUN"),
            ("from", 2, "prep", "IN", "ADP"),
            ("Tarvo", 3, "pobj", "NNP", "PROPN"),
            ("as", 2, "prep", "IN", "ADP"),
            ("hostages", 5, "pobj", "NNS", "NOUN"),
            ("during", 2, "prep", "IN", "ADP"),
            ("talks", 7, "pobj", "NNS", "NOUN"),
            ("in", 2, "prep", "IN", "ADP"),
            ("Ulm", 9, "pobj", "NNP", "PROPN"),
        ]
    )
    # The phrase is contiguous: what follows a left-out dependent goes with it.
    assert role_phrase(doc[2:3], doc[1:2]).text == "villagers from Tarvo"


@pytest.mark.parametrize(("word", "tag"), [("held", "VBN"), ("friendly", "JJ")])
def test_phrases_climb_from_a_hyphened_participle_to_its_noun(word: str, tag: str) -> None:
    doc = _doc(
        [
            ("Troops", 1, "nsubj", "NNS", "NOUN"),
            ("shelled", 1, "ROOT", "VBD", "VERB"),
            ("the", 6, "det", "DT", "DET"),
            ("rebel", 5, "npadvmod", "NN", "NOUN"),
            ("-", 5, "punct", "HYPH", "PUNCT"),
            (word, 6, "amod", tag, "VERB" if tag == "VBN" else "ADJ"),
            ("town", 1, "dobj", "NN", "NOUN"),
            (".", 1, "punct", ".", "PUNCT"),
        ]
    )
    # The town held by rebels was shelled: the mention codes it, the phrase is the town.
    assert role_phrase(doc[3:4], doc[1:2]).text == f"the rebel - {word} town"


def test_phrases_leave_an_accusation_of_to_the_verb() -> None:
    doc = _doc(
        [
            ("Lima", 1, "nsubj", "NNP", "PROPN"),
            ("accused", 1, "ROOT", "VBD", "VERB"),
            ("the", 4, "det", "DT", "DET"),
            ("Chilean", 4, "amod", "JJ", "ADJ"),
            ("navy", 1, "dobj", "NN", "NOUN"),
            ("of", 4, "prep", "IN", "ADP"),
            ("piracy", 5, "pobj", "NN", "NOUN"),
        ]
    )
    doc[1].lemma_ = "accuse"
    # "of piracy" is what the navy is accused of: the parse hangs it on the noun.
    assert role_phrase(doc[4:5], doc[1:2]).text == "the Chilean navy"


def test_phrases_keep_an_in_phrase_only_where_it_places_the_actor() -> None:
    def phrase(noun: str) -> str:
        doc = _doc(
            [
                ("Fighters", 3, "nsubj", "NNS", "NOUN"),
                ("in", 0, "prep", "IN", "ADP"),
                (noun, 1, "pobj", "NN", "NOUN"),
                ("killed", 3, "ROOT", "VBD", "VERB"),
                ("guards", 3, "dobj", "NNS", "NOUN"),
            ]
        )
        doc[2].lemma_ = noun
        return role_phrase(doc[0:1], doc[3:4]).text

    # "in reply" says how they acted; "in the capital" which fighters are meant.
    assert phrase("reply") == "Fighters"
    assert phrase("capital") == "Fighters in capital"


def test_phrases_leave_a_participle_on_a_name_out() -> None:
    doc = _doc(
        [
            ("Police", 1, "nsubj", "NNS", "NOUN"),
            ("freed", 1, "ROOT", "VBD", "VERB"),
            ("blogger", 3, "compound", "NN", "NOUN"),
            ("Hale", 1, "dobj", "NNP", "PROPN"),
            (",", 3, "punct", ",", "PUNCT"),
            ("arrested", 3, "acl", "VBN", "VERB"),
            ("in", 5, "prep", "IN", "ADP"),
            ("May", 6, "pobj", "NNP", "PROPN"),
        ]
    )
    # The name says who; the participle says what befell them.
    assert role_phrase(doc[3:4], doc[1:2]).text == "blogger Hale"


def test_phrases_leave_both_to_the_pair() -> None:
    doc = _doc(
        [
            ("Lima", 1, "nsubj", "NNP", "PROPN"),
            ("condemned", 1, "ROOT", "VBD", "VERB"),
            ("both", 3, "preconj", "CC", "CCONJ"),
            ("Chile", 1, "dobj", "NNP", "PROPN"),
            ("and", 3, "cc", "CC", "CCONJ"),
            ("Bolivia", 3, "conj", "NNP", "PROPN"),
        ]
    )
    assert role_phrase(doc[3:4], doc[1:2]).text == "Chile"
    assert role_phrase(doc[3:4], doc[1:2], coordination=True).text == "both Chile and Bolivia"


def test_phrases_leave_out_an_apposition_that_names_the_act() -> None:
    doc = _doc(
        [
            ("Gunmen", 1, "nsubj", "NNS", "NOUN"),
            ("killed", 1, "ROOT", "VBD", "VERB"),
            ("students", 1, "dobj", "NNS", "NOUN"),
            ("at", 2, "prep", "IN", "ADP"),
            ("a", 5, "det", "DT", "DET"),
            ("college", 3, "pobj", "NN", "NOUN"),
            (",", 2, "punct", ",", "PUNCT"),
            ("an", 8, "det", "DT", "DET"),
            ("attack", 2, "appos", "NN", "NOUN"),
            ("that", 10, "nsubj", "WDT", "PRON"),
            ("shocked", 8, "relcl", "VBD", "VERB"),
            ("Vorland", 10, "dobj", "NNP", "PROPN"),
            (".", 1, "punct", ".", "PUNCT"),
        ]
    )
    doc[8].lemma_ = "attack"
    assert role_phrase(doc[2:3], doc[1:2]).text == "students at a college"


def test_phrases_leave_out_an_apposition_that_describes_a_place_or_body() -> None:
    def phrase(name: str, entity: str, noun: str) -> str:
        rows = [
            ("Police", 1, "nsubj", "NNS", "NOUN"),
            ("raided", 1, "ROOT", "VBD", "VERB"),
            (name, 1, "dobj", "NNP", "PROPN"),
            (",", 2, "punct", ",", "PUNCT"),
            ("a", 6, "det", "DT", "DET"),
            ("small", 6, "amod", "JJ", "ADJ"),
            (noun, 2, "appos", "NN", "NOUN"),
            ("in", 6, "prep", "IN", "ADP"),
            ("exile", 7, "pobj", "NN", "NOUN"),
        ]
        words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
        ents = ["O", "O", f"B-{entity}", *["O"] * 6]
        vocab = spacy.blank("en").vocab
        doc = Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
        return role_phrase(doc[2:3], doc[1:2]).text

    # It says what the body is, not which: the name alone fills the role.
    assert phrase("Vorlandia", "ORG", "party") == "Vorlandia"
    # A person's apposition says who acted, in what capacity.
    assert phrase("Reyes", "PERSON", "faction") == "Reyes , a small faction in exile"


def test_phrases_leave_both_to_the_pair_when_parsed_as_a_determiner() -> None:
    doc = _doc(
        [
            ("Lima", 1, "nsubj", "NNP", "PROPN"),
            ("condemned", 1, "ROOT", "VBD", "VERB"),
            ("both", 3, "det", "DT", "DET"),
            ("Chile", 1, "dobj", "NNP", "PROPN"),
            ("and", 3, "cc", "CC", "CCONJ"),
            ("Bolivia", 3, "conj", "NNP", "PROPN"),
        ]
    )
    # Even where the mention took "both" in with it.
    assert role_phrase(doc[2:4], doc[1:2]).text == "Chile"
    assert role_phrase(doc[3:4], doc[1:2], coordination=True).text == "both Chile and Bolivia"


def test_phrases_end_a_title_with_a_name_before_where_they_were() -> None:
    rows = [
        ("Reyes", 1, "nsubj", "NNP", "PROPN"),
        ("met", 1, "ROOT", "VBD", "VERB"),
        ("the", 3, "det", "DT", "DET"),
        ("premier", 1, "dobj", "NN", "NOUN"),
        ("Ana", 5, "compound", "NNP", "PROPN"),
        ("Lund", 3, "appos", "NNP", "PROPN"),
        ("at", 3, "prep", "IN", "ADP"),
        ("the", 8, "det", "DT", "DET"),
        ("palace", 6, "pobj", "NN", "NOUN"),
    ]
    words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
    ents = ["B-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
    assert role_phrase(doc[4:6], doc[1:2]).text == "the premier Ana Lund"


def test_phrases_end_an_owned_offer_or_demand_before_what_it_asks() -> None:
    def phrase(noun: str, tag: str, pos: str) -> str:
        doc = _doc(
            [
                ("Rebels", 1, "nsubj", "NNS", "NOUN"),
                ("rejected", 1, "ROOT", "VBD", "VERB"),
                ("Norvia", 4, "poss", "NNP", "PROPN"),
                ("'s", 2, "case", "POS", "PART"),
                (noun, 1, "dobj", tag, pos),
                ("for", 4, "prep", "IN", "ADP"),
                ("new", 7, "amod", "JJ", "ADJ"),
                ("talks", 5, "pobj", "NNS", "NOUN"),
            ]
        )
        doc[4].lemma_ = noun.lower()
        return role_phrase(doc[2:3], doc[1:2]).text

    # What was asked for is not whose demand it was.
    assert phrase("demand", "NN", "NOUN") == "Norvia 's demand"
    assert phrase("proposal", "NN", "NOUN") == "Norvia 's proposal"
    # A name stays whole ("Norvia's Plan for New Talks"), as does a noun naming no request.
    assert phrase("Plan", "NNP", "PROPN") == "Norvia 's Plan for new talks"
    assert phrase("envoy", "NN", "NOUN") == "Norvia 's envoy for new talks"


def test_phrases_end_before_a_clause_on_a_noun_inside_them() -> None:
    doc = _doc(
        [
            ("Police", 1, "nsubj", "NNS", "NOUN"),
            ("fined", 1, "ROOT", "VBD", "VERB"),
            ("a", 3, "det", "DT", "DET"),
            ("unit", 1, "dobj", "NN", "NOUN"),
            ("of", 3, "prep", "IN", "ADP"),
            ("the", 6, "det", "DT", "DET"),
            ("firm", 4, "pobj", "NN", "NOUN"),
            ("that", 8, "nsubj", "WDT", "PRON"),
            ("sold", 6, "relcl", "VBD", "VERB"),
            ("arms", 8, "dobj", "NNS", "NOUN"),
        ]
    )
    assert role_phrase(doc[6:7], doc[1:2]).text == "a unit of the firm"


def test_phrases_keep_the_clause_that_says_who_a_pronoun_means() -> None:
    doc = _doc(
        [
            ("Lima", 1, "nsubj", "NNP", "PROPN"),
            ("mourned", 1, "ROOT", "VBD", "VERB"),
            ("families", 1, "dobj", "NNS", "NOUN"),
            ("of", 2, "prep", "IN", "ADP"),
            ("those", 3, "pobj", "DT", "PRON"),
            ("who", 6, "nsubj", "WP", "PRON"),
            ("drowned", 4, "relcl", "VBD", "VERB"),
        ]
    )
    assert role_phrase(doc[2:3], doc[1:2]).text == "families of those who drowned"


def test_phrases_end_before_a_listed_actor_of_its_own() -> None:
    doc = _doc(
        [
            ("Lima", 1, "nsubj", "NNP", "PROPN"),
            ("expelled", 1, "ROOT", "VBD", "VERB"),
            ("envoys", 1, "dobj", "NNS", "NOUN"),
            ("from", 2, "prep", "IN", "ADP"),
            ("Norvia", 3, "pobj", "NNP", "PROPN"),
            (",", 4, "punct", ",", "PUNCT"),
            ("Tarvo", 4, "conj", "NNP", "PROPN"),
            ("and", 6, "cc", "CC", "CCONJ"),
            ("Lund", 6, "conj", "NNP", "PROPN"),
        ]
    )
    # Each country fills the role on its own; the envoys are Norvia's.
    doc._.fp_actors = [doc[4:5], doc[6:7], doc[8:9]]
    assert role_phrase(doc[2:3], doc[1:2]).text == "envoys from Norvia"
    # The actor mention may take in the first: "envoys from Norvia" is found as one.
    doc._.fp_actors = [doc[2:5], doc[6:7], doc[8:9]]
    assert role_phrase(doc[2:5], doc[1:2]).text == "envoys from Norvia"
    # Words that name no actor are parts of one place or body: "from the north and east".
    doc._.fp_actors = [doc[4:5]]
    assert role_phrase(doc[2:3], doc[1:2]).text == "envoys from Norvia , Tarvo and Lund"


def test_phrases_keep_bare_nouns_listed_with_the_first() -> None:
    doc = _doc(
        [
            ("Troops", 1, "nsubj", "NNS", "NOUN"),
            ("shot", 1, "ROOT", "VBD", "VERB"),
            ("dozens", 1, "dobj", "NNS", "NOUN"),
            ("of", 2, "prep", "IN", "ADP"),
            ("men", 3, "pobj", "NNS", "NOUN"),
            ("and", 4, "cc", "CC", "CCONJ"),
            ("women", 4, "conj", "NNS", "NOUN"),
        ]
    )
    # "women" is an actor mention, but shares "dozens of" with "men": one group.
    doc._.fp_actors = [doc[2:5], doc[6:7]]
    assert role_phrase(doc[2:5], doc[1:2]).text == "dozens of men and women"


def test_phrases_end_before_a_phrase_that_says_why() -> None:
    doc = _doc(
        [
            ("Police", 1, "nsubj", "NNS", "NOUN"),
            ("fined", 1, "ROOT", "VBD", "VERB"),
            ("banks", 1, "dobj", "NNS", "NOUN"),
            ("over", 2, "prep", "IN", "ADP"),
            ("fraud", 3, "pobj", "NN", "NOUN"),
        ]
    )
    assert role_phrase(doc[2:3], doc[1:2]).text == "banks"


def test_phrases_leave_where_a_nation_s_envoy_serves_out() -> None:
    def phrase(modifier: str, entity: str) -> str:
        rows = [
            ("Lima", 1, "nsubj", "NNP", "PROPN"),
            ("summoned", 1, "ROOT", "VBD", "VERB"),
            ("the", 4, "det", "DT", "DET"),
            (modifier, 4, "amod", "JJ", "ADJ"),
            ("envoy", 1, "dobj", "NN", "NOUN"),
            ("in", 4, "prep", "IN", "ADP"),
            ("Lund", 5, "pobj", "NNP", "PROPN"),
        ]
        words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
        ents = ["O", "O", "O", f"B-{entity}" if entity else "O", "O", "O", "B-GPE"]
        vocab = spacy.blank("en").vocab
        doc = Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
        return role_phrase(doc[2:5], doc[1:2]).text

    # The nationality says whose envoy; "in Lund" where the envoy serves.
    assert phrase("Norvian", "NORP") == "the Norvian envoy"
    # Without one, the place is what says which envoy is meant.
    assert phrase("senior", "") == "the senior envoy in Lund"


def test_phrases_end_an_owned_offer_before_a_participle_on_it() -> None:
    doc = _doc(
        [
            ("Rebels", 1, "nsubj", "NNS", "NOUN"),
            ("rejected", 1, "ROOT", "VBD", "VERB"),
            ("Norvia", 4, "poss", "NNP", "PROPN"),
            ("'s", 2, "case", "POS", "PART"),
            ("offer", 1, "dobj", "NN", "NOUN"),
            ("made", 4, "acl", "VBN", "VERB"),
            ("in", 5, "prep", "IN", "ADP"),
            ("May", 6, "pobj", "NNP", "PROPN"),
        ]
    )
    doc[4].lemma_ = "offer"
    assert role_phrase(doc[2:3], doc[1:2]).text == "Norvia 's offer"


def test_phrases_climb_from_the_author_of_a_request_to_the_request() -> None:
    def phrase(noun: str, preposition: str) -> str:
        doc = _doc(
            [
                ("Lima", 1, "nsubj", "NNP", "PROPN"),
                ("refused", 1, "ROOT", "VBD", "VERB"),
                ("the", 3, "det", "DT", "DET"),
                (noun, 1, "dobj", "NN", "NOUN"),
                (preposition, 3, "prep", "IN", "ADP"),
                ("Tarvo", 4, "pobj", "NNP", "PROPN"),
            ]
        )
        doc[3].lemma_ = noun
        return role_phrase(doc[5:6], doc[1:2]).text

    # What Lima refused is Tarvo's request; an accusation is refused as its maker's word.
    assert phrase("request", "by") == "the request by Tarvo"
    assert phrase("offer", "from") == "the offer from Tarvo"
    assert phrase("accusation", "by") == "Tarvo"


def test_phrases_climb_from_the_author_of_a_proposal_through_its_participle() -> None:
    doc = _doc(
        [
            ("Lima", 1, "nsubj", "NNP", "PROPN"),
            ("backed", 1, "ROOT", "VBD", "VERB"),
            ("the", 3, "det", "DT", "DET"),
            ("proposal", 1, "dobj", "NN", "NOUN"),
            ("drafted", 3, "acl", "VBN", "VERB"),
            ("by", 4, "agent", "IN", "ADP"),
            ("Tarvo", 5, "pobj", "NNP", "PROPN"),
            ("on", 4, "prep", "IN", "ADP"),
            ("Monday", 7, "pobj", "NNP", "PROPN"),
        ]
    )
    doc[3].lemma_ = "proposal"
    doc[8].ent_type_ = "DATE"
    # The date says when it was drafted, not which proposal.
    assert role_phrase(doc[6:7], doc[1:2]).text == "the proposal drafted by Tarvo"


def test_phrases_leave_out_what_an_actor_is_doing_at_the_time() -> None:
    def phrase(tag: str) -> str:
        doc = _doc(
            [
                ("Lima", 1, "nsubj", "NNP", "PROPN"),
                ("fed", 1, "ROOT", "VBD", "VERB"),
                ("families", 1, "dobj", "NNS", "NOUN"),
                ("sheltering" if tag == "VBG" else "sheltered", 2, "acl", tag, "VERB"),
                ("in", 3, "prep", "IN", "ADP"),
                ("tents", 4, "pobj", "NNS", "NOUN"),
            ]
        )
        return role_phrase(doc[2:3], doc[1:2]).text

    # A present participle tells what they were doing; a past one, often, which are meant.
    assert phrase("VBG") == "families"
    assert phrase("VBN") == "families sheltered in tents"


@pytest.mark.parametrize("tag", ["VBG", "VBD"])
def test_phrases_end_before_what_a_noun_inside_them_is_doing(tag: str) -> None:
    doc = _doc(
        [
            ("a", 1, "det", "DT", "DET"),
            ("band", 5, "nsubj", "NN", "NOUN"),
            ("of", 1, "prep", "IN", "ADP"),
            ("monks", 2, "pobj", "NNS", "NOUN"),
            ("marching", 3, "acl", tag, "VERB"),
            ("blocked", 5, "ROOT", "VBD", "VERB"),
            ("roads", 5, "dobj", "NNS", "NOUN"),
        ]
    )
    # A clause the tagger read as a past tense is no more part of the phrase.
    assert role_phrase(doc[3:4], doc[5:6]).text == "a band of monks"


def test_phrases_take_in_where_a_site_is_when_hung_on_the_verb() -> None:
    def phrase(noun: str) -> str:
        rows = [
            ("Rebels", 1, "nsubj", "NNS", "NOUN"),
            ("stormed", 1, "ROOT", "VBD", "VERB"),
            ("a", 3, "det", "DT", "DET"),
            (noun, 1, "dobj", "NN", "NOUN"),
            ("in", 1, "prep", "IN", "ADP"),
            ("Tarvo", 4, "pobj", "NNP", "PROPN"),
        ]
        words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
        ents = ["O", "O", "O", "O", "O", "B-GPE"]
        vocab = spacy.blank("en").vocab
        doc = Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
        doc[3].lemma_ = noun
        return role_phrase(doc[2:4], doc[1:2]).text

    # "in Tarvo" says which prison was stormed; it says nothing of which leader was.
    assert phrase("prison") == "a prison in Tarvo"
    assert phrase("leader") == "a leader"


def test_phrases_take_in_a_title_the_parse_split_off_before_a_name() -> None:
    doc = _doc(
        [
            ("Lima", 1, "nsubj", "NNP", "PROPN"),
            ("met", 1, "ROOT", "VBD", "VERB"),
            ("her", 3, "poss", "PRP$", "PRON"),
            ("counterpart", 1, "dobj", "NN", "NOUN"),
            ("Ana", 5, "compound", "NNP", "PROPN"),
            ("Reyes", 1, "dobj", "NNP", "PROPN"),
            ("in", 1, "prep", "IN", "ADP"),
            ("Tarvo", 6, "pobj", "NNP", "PROPN"),
        ]
    )
    assert role_phrase(doc[4:6], doc[1:2]).text == "her counterpart Ana Reyes"


def test_phrases_leave_out_a_time_the_parse_hung_on_a_name() -> None:
    doc = _doc(
        [
            ("Days", 1, "npadvmod", "NNS", "NOUN"),
            ("later", 2, "amod", "JJR", "ADJ"),
            ("Reyes", 3, "nsubj", "NNP", "PROPN"),
            ("resigned", 3, "ROOT", "VBD", "VERB"),
        ]
    )
    assert role_phrase(doc[0:3], doc[3:4]).text == "Reyes"
    assert role_phrase(doc[2:3], doc[3:4]).text == "Reyes"


def test_phrases_leave_out_the_free_of_let_free() -> None:
    def phrase(verb: str) -> str:
        doc = _doc(
            [
                ("Lima", 1, "nsubj", "NNP", "PROPN"),
                (verb, 1, "ROOT", "VBD", "VERB"),
                ("free", 3, "amod", "JJ", "ADJ"),
                ("monks", 1, "dobj", "NNS", "NOUN"),
            ]
        )
        doc[1].lemma_ = verb
        return role_phrase(doc[2:4], doc[1:2]).text

    # "let free" is what was done to the monks; "free monks" elsewhere may name them.
    assert phrase("let") == "monks"
    assert phrase("fed") == "free monks"


def test_phrases_stop_below_an_act_done_to_the_of_phrase() -> None:
    def phrase(noun: str) -> str:
        doc = _doc(
            [
                ("Lima", 1, "nsubj", "NNP", "PROPN"),
                ("lifted", 1, "ROOT", "VBD", "VERB"),
                ("the", 3, "det", "DT", "DET"),
                (noun, 1, "dobj", "NN", "NOUN"),
                ("of", 3, "prep", "IN", "ADP"),
                ("Tarvo", 4, "pobj", "NNP", "PROPN"),
            ]
        )
        doc[3].lemma_ = noun
        return role_phrase(doc[5:6], doc[1:2]).text

    # Tarvo is the one blockaded; the quota of Tarvo is Tarvo's own.
    assert phrase("blockade") == "Tarvo"
    assert phrase("quota") == "the quota of Tarvo"


def test_phrases_take_in_the_weapon_an_actor_wielded_in_the_trigger() -> None:
    doc = _doc(
        [
            ("Norvian", 1, "amod", "JJ", "ADJ"),
            ("army", 2, "compound", "NN", "NOUN"),
            ("shells", 3, "nsubj", "NNS", "NOUN"),
            ("hit", 3, "ROOT", "VBD", "VERB"),
            ("the", 5, "det", "DT", "DET"),
            ("port", 3, "dobj", "NN", "NOUN"),
        ]
    )
    # The trigger is "shells hit"; the army acted through its shells.
    assert role_phrase(doc[0:2], doc[2:4]).text == "Norvian army shells"
    # A trigger that is the noun alone names the act, not what was wielded.
    assert role_phrase(doc[0:2], doc[2:3]).text == "Norvian army"


def test_phrases_leave_out_an_of_phrase_outside_a_country_s_name() -> None:
    def phrase(ents: list[str]) -> str:
        rows = [
            ("Lima", 1, "nsubj", "NNP", "PROPN"),
            ("denied", 1, "ROOT", "VBD", "VERB"),
            ("charges", 1, "dobj", "NNS", "NOUN"),
            ("by", 2, "prep", "IN", "ADP"),
            ("Tarvo", 3, "pobj", "NNP", "PROPN"),
            ("of", 4, "prep", "IN", "ADP"),
            ("Lund", 5, "pobj", "NNP", "PROPN"),
        ]
        words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
        vocab = spacy.blank("en").vocab
        doc = Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
        return role_phrase(doc[4:5], doc[1:2]).text

    # "of Lund" is what Tarvo charged Lima with; in a name it is part of the name.
    assert phrase(["B-GPE", "O", "O", "O", "B-GPE", "O", "B-GPE"]) == "Tarvo"
    assert phrase(["B-GPE", "O", "O", "O", "B-GPE", "I-GPE", "I-GPE"]) == "Tarvo of Lund"
