"""Transcript turns as quotes of their speakers."""

from __future__ import annotations

from flashpoint import Article, Coder
from flashpoint.pipeline.transcripts import find_turns

TRANSCRIPT = (
    "Governor Mary Collins spoke to the host of a morning programme on Sunday.\n\n"
    "A partial transcript:\n\n"
    '"HOST: Will you sign the budget this week?\n\n'
    '"COLLINS: Not as it stands. The schools lose too much.\n\n'
    '"And the hospitals lose more.\n\n'
    '"HOST: So you will veto it?\n\n'
    '"COLLINS: If it comes to that, yes.\n\n'
    "The legislature meets again on Tuesday.\n"
)


def test_transcripts_turns_run_over_continuation_paragraphs() -> None:
    turns = find_turns(TRANSCRIPT)
    assert [t.label for t in turns] == ["HOST", "COLLINS", "HOST", "COLLINS"]
    second = TRANSCRIPT[turns[1].start : turns[1].end]
    assert second.startswith("Not as it stands") and second.endswith("lose more.")
    assert TRANSCRIPT[turns[3].start : turns[3].end] == "If it comes to that, yes."


def test_transcripts_need_two_speakers() -> None:
    assert find_turns("UPDATE: The vote was delayed.\n\nNEW YORK: Crowds gathered.\n") == []
    assert find_turns("BAGHDAD: A blast hit a market.\n\nBAGHDAD: Police closed roads.\n") == []


def test_transcripts_turns_are_quotes_of_the_named_speaker(coder: Coder) -> None:
    coded = coder.code(Article(id="t", date="2021-05-04", text=TRANSCRIPT))
    turns = [q for q in coded.quotes if q.cue == ":"]
    assert len(turns) == 4
    collins = [q for q in turns if q.speaker is not None and q.speaker.text == "COLLINS"]
    assert len(collins) == 2 and all(q.channel == "interview" and not q.partial for q in collins)
    assert collins[0].speaker is not None and collins[0].speaker.name == "Mary Collins"
    for quote in turns:
        assert TRANSCRIPT[quote.start : quote.end] == quote.text
