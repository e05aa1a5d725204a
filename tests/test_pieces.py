"""The piece joiner: words pre-tokenized text writes in spaced pieces read as one token."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from flashpoint import Coder
from flashpoint.pipeline.pieces import PieceJoiner
from flashpoint.records import Article


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Denmark \u2019 s envoy did n \u2019 t go ; Oslo 's did .", ["\u2019 s", "n \u2019 t"]),
        ("They pledged 4 . 5 million to 12 , 500 , 000 people .", ["4 . 5", "12 , 500 , 000"]),
        ("The U . N . team left the E . U at 6 a . m . sharp .", ["U . N .", "E . U", "a . m ."]),
        ("They said they ' re sure he \u2019 ll come .", ["' re", "\u2019 ll"]),
        ("Mr . Hale met Sen . Mia Lund and Ed J . Hale .", ["Mr .", "Sen .", "J ."]),
        ("Senator Mar \u00ed a Gonz \u00e1 lez left .", ["Mar \u00ed a", "Gonz \u00e1 lez"]),
        # Running text, a list of numbers, a date and a year before a count stay as they are.
        ("Denmark\u2019s envoy didn\u2019t come; \u2019 s alone starts nothing.", []),
        ("They counted 3 , 200 , 15 and 7 in May 2019 , 300 days later .", []),
        ("Then we left ; Mr . no one came .", []),
        ("Talks vis \u00e0 vis Lima \u00e0 Quito went on .", []),
    ],
)
def test_pieces_finds_words_written_in_spaced_pieces(text: str, pieces: list[str]) -> None:
    doc = spacy.blank("en")(text)
    assert [doc[start:end].text for start, end, _ in PieceJoiner.find(doc)] == pieces


def test_pieces_merged_token_reads_as_the_written_word() -> None:
    nlp = spacy.blank("en")
    doc = PieceJoiner()(nlp("Denmark \u2019 s envoy met U . N . staff ."))
    assert [t.text for t in doc] == ["Denmark", "\u2019 s", "envoy", "met", "U . N .", "staff", "."]
    assert doc[1].norm_ == "'s" and doc[1].shape_ == nlp.vocab["'s"].shape_
    assert doc[4].lower_ == "u.n."
    assert doc.text == "Denmark \u2019 s envoy met U . N . staff ."


def test_pieces_runs_first_and_the_possessor_fills_a_role_with_its_noun(coder: Coder) -> None:
    assert coder.nlp.pipe_names[0] == "pieces"
    text = "Ottawa rejected Denmark \u2019 s offer to mediate ."
    events = coder.code(Article(id="c", date=dt.date(2020, 1, 1), text=text)).events
    rejection = next(e for e in events if e.cameo.startswith("12"))
    assert rejection.recipient is not None and rejection.recipient.phrase is not None
    assert rejection.recipient.phrase.text == "Denmark \u2019 s offer"


def test_pieces_spaced_thousands_stay_in_the_phrase(coder: Coder) -> None:
    text = "Police detained about 1 , 200 striking miners ."
    events = coder.code(Article(id="n", date=dt.date(2020, 1, 1), text=text)).events
    detention = next(e for e in events if e.cameo.startswith("17"))
    assert detention.recipient is not None and detention.recipient.phrase is not None
    assert detention.recipient.phrase.text == "about 1 , 200 striking miners"
