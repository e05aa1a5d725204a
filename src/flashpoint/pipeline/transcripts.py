"""Transcript turns: ``WALLACE: ...`` / ``PENCE: ...`` paragraphs are quotes of their speaker.

Interviews and debates are often printed as a transcript: each turn a paragraph that opens
with the speaker's name in capitals and a colon, sometimes after an opening quotation mark
(a transcript quoted whole), and a long turn running on over further paragraphs that open
with a quotation mark. Such a paragraph has no cue verb, so the quote finder cannot
attribute it; here each turn becomes one quote of the named speaker.

A capitalised label before a colon is also a dateline ("BAGHDAD: ...") or a rubric
("UPDATE: ..."), so labels count as turns only where the article has at least two turns by
two different speakers, and rubric words never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..records import Actor

_LABEL = r"(?:[A-Z][A-Z.'\u2019-]+ ){0,3}[A-Z][A-Z'\u2019-]+"
_TURN = re.compile(rf"[ \t]*[\"\u201c]?(?P<label>{_LABEL})[ \t]*:[ \t]+(?=\S)")
_CONTINUES = re.compile(r"[ \t]*[\"\u201c](?!\s)")
_RUBRICS = frozenset(
    {
        "UPDATE",
        "BREAKING",
        "WATCH",
        "NOTE",
        "EDITOR'S NOTE",
        "EXCLUSIVE",
        "VIDEO",
        "PHOTOS",
        "READ",
        "RELATED",
        "SOURCE",
        "CLAIM",
        "VERDICT",
        "CORRECTION",
        "ANALYSIS",
        "OPINION",
        "WARNING",
        "SPOILER",
    }
)
_TITLES = frozenset({"MR", "MRS", "MS", "DR", "SEN", "REP", "GOV", "GEN", "PRES"})


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label's characters and the words spoken after it."""

    label_start: int
    label_end: int
    colon: int
    start: int
    end: int
    label: str


def find_turns(text: str) -> list[Turn]:
    """Every transcript turn in ``text``, or none where the text is not a transcript."""
    paragraphs = _paragraphs(text)
    turns: list[Turn] = []
    current: list[int] | None = None  # [label_start, label_end, colon, start, end]
    label = ""
    for start, end in paragraphs:
        match = _TURN.match(text, start, end)
        if match is not None and match.group("label").strip(".") not in _RUBRICS:
            if current is not None:
                turns.append(Turn(*current, label=label))  # type: ignore[misc]
            label = match.group("label")
            colon = text.index(":", match.end("label"))
            current = [match.start("label"), match.end("label"), colon, match.end(), end]
        elif current is not None and _CONTINUES.match(text, start, end):
            current[4] = end
        elif current is not None:
            turns.append(Turn(*current, label=label))  # type: ignore[misc]
            current = None
    if current is not None:
        turns.append(Turn(*current, label=label))  # type: ignore[misc]
    speakers = {t.label for t in turns}
    if len(turns) < 2 or len(speakers) < 2:
        return []
    return [_trimmed(text, t) for t in turns]


def speaker_of(doc: Doc, turn: Turn) -> Actor:
    """The speaker a label names: the actor of the article with that surname, else a
    person the article names with it, else the label itself."""
    words = [w for w in turn.label.replace(".", " ").split() if w not in _TITLES]
    surname = words[-1].casefold() if words else turn.label.casefold()
    for span in doc._.fp_actors:
        actor = span._.fp_actor
        if actor is None or actor.kind != "person":
            continue
        name = (actor.name or actor.text).split()
        if name and name[-1].casefold() == surname:
            return actor.model_copy(
                update={"text": turn.label, "start": turn.label_start, "end": turn.label_end}
            )
    people = (e.text for e in doc.ents if e.label_ == "PERSON")
    named = next((p for p in people if p.split()[-1].casefold() == surname), turn.label.title())
    return Actor(
        text=turn.label,
        name=named,
        kind="person",
        start=turn.label_start,
        end=turn.label_end,
    )


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def _trimmed(text: str, turn: Turn) -> Turn:
    end = turn.end
    while end > turn.start and (text[end - 1].isspace() or text[end - 1] in "\"\u201d"):
        end -= 1
    return Turn(turn.label_start, turn.label_end, turn.colon, turn.start, end, turn.label)
