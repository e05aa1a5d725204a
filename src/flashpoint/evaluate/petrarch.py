"""Score event coding against a PETRARCH validation file (``<Sentence>`` records).

Each ``<Sentence date id category>`` holds expected ``<EventCoding sourcecode targetcode
eventcode>`` elements, or one ``<EventCoding noevents="True">``, and its ``<Text>`` (the
``<Parse>`` is ignored: flashpoint parses the text itself). Sentences with neither are not
scored.

Scoring (the project's convention): each scored sentence's text is coded with its date as
the article date. An expected coding is found when some event of that sentence has the same
source code, target code and CAMEO code (``exact``), the same codes and CAMEO root
(``root``), or the same source and target (``dyad``); codes compare as written in the gold,
and flashpoint's are written the same way (``---`` for an unknown side, ``---GOV`` for
officials of no known country).
Precision counts every event emitted for the scored sentences, noevents sentences
included (each event there is a false positive); an event matches when it fits some
expected coding of its sentence at that level.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..config import Config
from ..records import Actor, Article, Event
from .common import PRF, EvalDataError, modality_counts, write_errors

LEVELS = ("exact", "root", "dyad")


@dataclass(frozen=True)
class Coding:
    source: str
    target: str
    code: str


@dataclass(frozen=True)
class GoldSentence:
    id: str
    date: dt.date
    category: str
    text: str
    codings: tuple[Coding, ...]
    noevents: bool


def read_sentences(path: Path) -> Iterator[GoldSentence]:
    """The scorable sentences of a PETRARCH validation file, in file order."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise EvalDataError(f"{path}: not a readable PETRARCH validation XML file ({err})") from err
    for element in root.iter("Sentence"):
        sid = element.get("id", "")
        text_el = element.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            continue
        codings = []
        noevents = False
        for coding in element.findall("EventCoding"):
            if (coding.get("noevents") or "").strip().lower() == "true":
                noevents = True
            elif coding.get("eventcode"):
                codings.append(
                    Coding(
                        source=(coding.get("sourcecode") or "").strip(),
                        target=(coding.get("targetcode") or "").strip(),
                        code=(coding.get("eventcode") or "").strip(),
                    )
                )
        if not codings and not noevents:
            continue
        raw_date = (element.get("date") or "").strip()
        try:
            date = dt.datetime.strptime(raw_date, "%Y%m%d").date()
        except ValueError as err:
            raise EvalDataError(f"{path}: sentence {sid} has a bad date {raw_date!r}") from err
        yield GoldSentence(
            id=sid,
            date=date,
            category=element.get("category", ""),
            text=" ".join((text_el.text or "").split()),
            codings=tuple(codings),
            noevents=noevents and not codings,
        )


def as_coding(event: Event) -> Coding:
    """An event as a PETRARCH coding, in PETRARCH's notation: an unknown side is ``---``,
    an agent whose country is unknown ``---`` and its sector (``---GOV``)."""
    return Coding(
        source=_petrarch_code(event.actor), target=_petrarch_code(event.recipient), code=event.cameo
    )


def _petrarch_code(actor: Actor | None) -> str:
    if actor is None:
        return "---"
    if actor.code:
        return actor.code
    return "---" + (actor.sector or "")


def fits(predicted: Coding, expected: Coding, level: str) -> bool:
    if predicted.source != expected.source or predicted.target != expected.target:
        return False
    if level == "exact":
        return predicted.code == expected.code
    if level == "root":
        return predicted.code[:2] == expected.code[:2]
    return True


def score_sentence(predicted: list[Coding], expected: tuple[Coding, ...], level: str) -> PRF:
    return PRF(
        tp_pred=sum(any(fits(p, e, level) for e in expected) for p in predicted),
        predicted=len(predicted),
        tp_gold=sum(any(fits(p, e, level) for p in predicted) for e in expected),
        gold=len(expected),
    )


def run(
    path: Path, config: Config, errors: Path | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Code every scorable sentence of ``path`` and score it; see the module docstring."""
    sentences = list(read_sentences(Path(path)))
    if limit is not None:
        sentences = sentences[:limit]
    if not sentences:
        raise EvalDataError(f"{path}: no scorable <Sentence> records")
    coder = Coder(config)
    articles = (
        Article(id=s.id or f"s{n}", date=s.date, text=s.text) for n, s in enumerate(sentences)
    )
    totals = {level: PRF() for level in LEVELS}
    by_category: dict[str, dict[str, PRF]] = {}
    noevent_sentences = noevent_hits = 0
    error_rows: list[dict[str, Any]] = []
    modalities: list[str | None] = []
    for gold, coded in zip(sentences, coder.code_many(articles), strict=True):
        predicted = [as_coding(e) for e in coded.events]
        modalities += [e.modality for e in coded.events]
        category = by_category.setdefault(gold.category, {level: PRF() for level in LEVELS})
        for level in LEVELS:
            prf = score_sentence(predicted, gold.codings, level)
            totals[level].add(prf)
            category[level].add(prf)
        if gold.noevents:
            noevent_sentences += 1
            noevent_hits += bool(predicted)
        missed = [e for e in gold.codings if not any(fits(p, e, "exact") for p in predicted)]
        extra = [p for p in predicted if not any(fits(p, e, "exact") for e in gold.codings)]
        if missed or extra:
            error_rows.append(
                {
                    "id": gold.id,
                    "category": gold.category,
                    "text": gold.text,
                    "expected": [vars(c) for c in gold.codings],
                    "missed": [vars(c) for c in missed],
                    "extra": [vars(c) for c in extra],
                    "events": [
                        {
                            "trigger": e.trigger.text,
                            "actor": e.actor.text if e.actor else None,
                            "recipient": e.recipient.text if e.recipient else None,
                            "cameo": e.cameo,
                            "modality": e.modality,
                        }
                        for e in coded.events
                    ],
                }
            )
    write_errors(errors, error_rows)
    return {
        "sentences": len(sentences),
        "expected": int(totals["exact"].gold),
        "predicted": int(totals["exact"].predicted),
        "levels": {level: totals[level].as_dict() for level in LEVELS},
        "noevents": {"sentences": noevent_sentences, "with_events": noevent_hits},
        "by_category": {
            name: {
                "expected": int(levels["exact"].gold),
                "predicted": int(levels["exact"].predicted),
                **{level: levels[level].as_dict() for level in LEVELS},
            }
            for name, levels in sorted(by_category.items())
        },
        "modality": modality_counts(modalities),
    }
