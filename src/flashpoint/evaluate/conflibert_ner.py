"""Score actor and recipient spans against ConfliBERT's CAMEO NER data.

The file is CoNLL: one ``token TAG`` per line, a blank line between sentences; tags
``B-S``/``I-S`` mark a source actor, ``B-T``/``I-T`` a target, ``B-R``/``I-R`` an actor
that is both. A sentence's text is its tokens joined by single spaces (offsets are kept).

Scoring (exact span match, character offsets):

- top level (``precision``, ``recall``, ``f1``): the spans of the actors and recipients of
  the events the coder emits. The gold marks the whole phrase that fills a role ("the U.S.
  Embassy in Athens", "Putin's offer"), so a role is scored by its ``phrase``, the mention
  where it has none. A predicted actor is right when a gold S or R span has the
  same offsets; a predicted recipient when a gold T or R span does. A gold span is found
  when some compatible prediction matches it (an R span counts once).
- ``mentions``: every actor mention the actors stage finds against every gold span,
  roles ignored: how well mention boundaries match, before events are considered.

Sentences are coded dated 2000-01-01 (the spans do not depend on the date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..config import Config
from ..records import Article
from .common import PRF, EvalDataError, write_errors

_DATE = dt.date(2000, 1, 1)
_COMPATIBLE = {"actor": ("S", "R"), "recipient": ("T", "R")}


@dataclass(frozen=True)
class GoldSentence:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # start, end, S | T | R


def read_sentences(path: Path) -> list[GoldSentence]:
    """Read the CoNLL file into sentences with gold spans as character offsets."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalDataError(f"{path}: cannot read ({err})") from err
    sentences: list[GoldSentence] = []
    rows: list[tuple[str, str]] = []
    for n, line in enumerate([*lines, ""], start=1):
        if not line.strip():
            if rows:
                sentences.append(_sentence(rows))
                rows = []
            continue
        token, sep, tag = line.rpartition(" ")
        if not sep or not (tag == "O" or tag[:2] in ("B-", "I-") and tag[2:] in ("S", "T", "R")):
            raise EvalDataError(f"{path}, line {n}: expected 'token TAG' with TAG O or B-/I-S|T|R")
        rows.append((token, tag))
    return sentences


def _sentence(rows: list[tuple[str, str]]) -> GoldSentence:
    offsets: list[tuple[int, int]] = []
    position = 0
    for token, _ in rows:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    text = " ".join(token for token, _ in rows)
    spans: list[tuple[int, int, str]] = []
    current: list[Any] | None = None
    for (_token, tag), (start, end) in zip(rows, offsets, strict=True):
        if tag.startswith("I-") and current is not None and current[2] == tag[2:]:
            current[1] = end
            continue
        if current is not None:
            spans.append((current[0], current[1], current[2]))
            current = None
        if tag != "O":  # B- (or a stray I- starting a span)
            current = [start, end, tag[2:]]
    if current is not None:
        spans.append((current[0], current[1], current[2]))
    return GoldSentence(text, tuple(spans))


def run(
    path: Path, config: Config, errors: Path | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Code every sentence and score actor/recipient spans; see the module docstring."""
    sentences = read_sentences(Path(path))
    if limit is not None:
        sentences = sentences[:limit]
    if not sentences:
        raise EvalDataError(f"{path}: no sentences")
    coder = Coder(config)
    articles = (Article(id=f"s{n}", date=_DATE, text=s.text) for n, s in enumerate(sentences))
    events_prf, mentions_prf = PRF(), PRF()
    error_rows: list[dict[str, Any]] = []
    for gold, coded in zip(sentences, coder.code_many(articles), strict=True):
        predicted: set[tuple[int, int, str]] = set()
        for event in coded.events:
            for role, actor in (("actor", event.actor), ("recipient", event.recipient)):
                if actor is not None:
                    span = actor.phrase if actor.phrase is not None else actor
                    predicted.add((span.start, span.end, role))
        events_prf.add(_score(gold.spans, predicted))
        gold_spans = {(s, e) for s, e, _ in gold.spans}
        mention_spans = {(a.start, a.end) for a in coded.actors}
        mentions_prf.add(
            PRF(
                tp_pred=len(mention_spans & gold_spans),
                predicted=len(mention_spans),
                tp_gold=len(mention_spans & gold_spans),
                gold=len(gold_spans),
            )
        )
        missed = [s for s in gold.spans if not _found(s, predicted)]
        wrong = [p for p in predicted if not _right(p, gold.spans)]
        if missed or wrong:
            error_rows.append(
                {
                    "sentence": gold.text,
                    "gold": [_show(gold.text, s) for s in gold.spans],
                    "predicted": [_show(gold.text, p) for p in sorted(predicted)],
                    "missed": [_show(gold.text, s) for s in missed],
                    "false_positives": [_show(gold.text, p) for p in sorted(wrong)],
                    "mentions": [gold.text[s:e] for s, e in sorted(mention_spans)],
                }
            )
    write_errors(errors, error_rows)
    return {
        "sentences": len(sentences),
        **events_prf.as_dict(),
        "mentions": mentions_prf.as_dict(),
    }


def _found(gold: tuple[int, int, str], predicted: set[tuple[int, int, str]]) -> bool:
    start, end, label = gold
    return any(s == start and e == end and label in _COMPATIBLE[role] for s, e, role in predicted)


def _right(pred: tuple[int, int, str], gold: tuple[tuple[int, int, str], ...]) -> bool:
    start, end, role = pred
    return any(s == start and e == end and label in _COMPATIBLE[role] for s, e, label in gold)


def _score(gold: tuple[tuple[int, int, str], ...], predicted: set[tuple[int, int, str]]) -> PRF:
    return PRF(
        tp_pred=sum(_right(p, gold) for p in predicted),
        predicted=len(predicted),
        tp_gold=sum(_found(g, predicted) for g in gold),
        gold=len(gold),
    )


def _show(text: str, span: tuple[int, int, str]) -> dict[str, Any]:
    start, end, label = span
    return {"text": text[start:end], "start": start, "end": end, "role": label}
