"""The clitic joiner: ``’ s`` and ``n ’ t`` written with spaces read as one token."""

from __future__ import annotations

import datetime as dt

import spacy

from flashpoint import Coder
from flashpoint.pipeline.clitics import CliticJoiner
from flashpoint.records import Article


def test_clitics_finds_spaced_possessive_and_negation() -> None:
    doc = spacy.blank("en")("Denmark \u2019 s envoy did n \u2019 t come and Oslo 's did .")
    ranges = CliticJoiner.find(doc)
    assert [doc[start:end].text for start, end in ranges] == ["\u2019 s", "n \u2019 t"]


def test_clitics_leaves_running_text_alone() -> None:
    doc = spacy.blank("en")("Denmark\u2019s envoy didn\u2019t come; \u2019 s alone starts nothing.")
    assert CliticJoiner.find(doc) == []


def test_clitics_merged_token_reads_as_the_written_clitic() -> None:
    nlp = spacy.blank("en")
    joiner = CliticJoiner(nlp.vocab)
    doc = joiner(nlp("Denmark \u2019 s envoy left ."))
    assert [t.text for t in doc] == ["Denmark", "\u2019 s", "envoy", "left", "."]
    assert doc[1].norm_ == "'s" and doc[1].shape_ == nlp.vocab["'s"].shape_
    assert doc.text == "Denmark \u2019 s envoy left ."


def test_clitics_runs_first_and_the_possessor_fills_a_role_with_its_noun(coder: Coder) -> None:
    assert coder.nlp.pipe_names[0] == "clitics"
    text = "Ottawa rejected Denmark \u2019 s offer to mediate ."
    events = coder.code(Article(id="c", date=dt.date(2020, 1, 1), text=text)).events
    rejection = next(e for e in events if e.cameo.startswith("12"))
    assert rejection.recipient is not None and rejection.recipient.phrase is not None
    assert rejection.recipient.phrase.text == "Denmark \u2019 s offer"
