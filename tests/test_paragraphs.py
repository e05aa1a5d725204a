"""The paragraph splitter: no sentence runs across a paragraph break."""

from __future__ import annotations

import spacy

from flashpoint import Coder
from flashpoint.pipeline.paragraphs import ParagraphSplitter


def test_paragraphs_blank_line_opens_a_sentence() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The council met on Friday\n\nlater the mayor resigned.")
    starts = ParagraphSplitter.find(doc)
    assert [doc[i].text for i in starts] == ["later"]


def test_paragraphs_single_line_break_only_after_a_sentence_end() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The army\nwithdrew from the town.\nPolice arrived.")
    assert [doc[i].text for i in ParagraphSplitter.find(doc)] == ["Police"]


def test_paragraphs_runs_before_the_parser_and_splits_sentences(coder: Coder) -> None:
    names = coder.nlp.pipe_names
    assert names.index("paragraphs") < names.index("parser")
    doc = coder.nlp("Talks ended late Friday\n\n11:15 a.m.\n\nThe minister is describing them.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Talks ended late Friday"
    assert not any("Friday" in s and "minister" in s for s in sentences)
