"""Score event types and actor countries against a PLOVER gold-standard JSON file.

The file is a JSON array of records (``source``/``target`` lists of ``{actorText, code,
sector}``, ``event``, ``mode``, ``text``, ``date``); records whose event is ``DOCUMENT``
document the file and are skipped. Old type names are normalised with the ontology
(DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE).

Scoring, per record: the record's text is coded with its date, and the predicted event is
the sentence's main event (:func:`flashpoint.pipeline.events.main_event`: asserted before
other modalities, then the most confident, then the most specific code); no event counts
as wrong.

- ``event_type_accuracy``: the predicted PLOVER type equals the gold type, over all records;
- ``actor_country_accuracy``: the predicted actor's country (its ``country``, else the first
  three letters of its code) equals the first three letters of any gold source code, over
  the records whose gold has a source;
- ``recipient_country_accuracy``: the same for the recipient against the gold targets.

A few gold records write a country in an older, non-ISO code (``JAP`` Japan, ``ITL``
Italy, ``VTN`` Vietnam); those are read as the ISO code of the same country, which is
what the coder emits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..config import Config
from ..kb.ontology import load_ontology
from ..pipeline.events import main_event
from ..records import Actor, Article
from .common import EvalDataError, modality_counts, write_errors


def read_records(path: Path) -> list[dict[str, Any]]:
    """The gold records of a PLOVER GSR file, without its DOCUMENT record(s)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvalDataError(f"{path}: not a readable PLOVER JSON array ({err})") from err
    if not isinstance(data, list):
        raise EvalDataError(f"{path}: expected a JSON array of records")
    records = [r for r in data if isinstance(r, dict) and r.get("event") != "DOCUMENT"]
    for record in records:
        if not record.get("text") or not record.get("event"):
            raise EvalDataError(f"{path}: record {record.get('id')!r} lacks text or event")
    return records


#: Older country codes in the gold data -> the ISO 3166 alpha-3 code of the same country.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _countries(actors: Any) -> set[str]:
    prefixes = {
        str(a["code"])[:3].upper() for a in actors or [] if isinstance(a, dict) and a.get("code")
    }
    return {LEGACY_CODES.get(p, p) for p in prefixes}


def _country(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.country:
        return actor.country.upper()
    return actor.code[:3].upper() if actor.code else None


def _date(value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return dt.date(2000, 1, 1)


def run(
    path: Path, config: Config, errors: Path | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Code every gold record's text and score type and countries; see the module docstring."""
    records = read_records(Path(path))
    if limit is not None:
        records = records[:limit]
    ontology = load_ontology()
    coder = Coder(config)
    articles = (
        Article(id=str(r.get("id") or f"r{n}"), date=_date(r.get("date")), text=r["text"])
        for n, r in enumerate(records)
    )
    type_hits = actor_hits = actor_total = recipient_hits = recipient_total = 0
    per_type: Counter[str] = Counter()
    per_type_hits: Counter[str] = Counter()
    error_rows = []
    modalities: list[str | None] = []
    for record, coded in zip(records, coder.code_many(articles), strict=True):
        gold_type, gold_mode = ontology.normalise_plover(str(record["event"]), record.get("mode"))
        event = main_event(coded.events)
        modalities.append(event.modality if event else None)
        predicted_type = event.event_type if event else None
        per_type[gold_type] += 1
        type_ok = predicted_type == gold_type
        type_hits += type_ok
        per_type_hits[gold_type] += type_ok
        sources, targets = _countries(record.get("source")), _countries(record.get("target"))
        actor_ok = recipient_ok = None
        if sources:
            actor_total += 1
            actor_ok = _country(event.actor if event else None) in sources
            actor_hits += actor_ok
        if targets:
            recipient_total += 1
            recipient_ok = _country(event.recipient if event else None) in targets
            recipient_hits += recipient_ok
        if not type_ok or actor_ok is False or recipient_ok is False:
            error_rows.append(
                {
                    "id": record.get("id"),
                    "text": record["text"],
                    "gold": {
                        "type": gold_type,
                        "mode": gold_mode,
                        "source": sorted(sources),
                        "target": sorted(targets),
                    },
                    "predicted": None
                    if event is None
                    else {
                        "type": event.event_type,
                        "cameo": event.cameo,
                        "trigger": event.trigger.text,
                        "actor": _country(event.actor),
                        "recipient": _country(event.recipient),
                        "modality": event.modality,
                    },
                    "events": len(coded.events),
                }
            )
    write_errors(errors, error_rows)
    n = len(records)
    return {
        "records": n,
        "event_type_accuracy": round(type_hits / n, 4) if n else 0.0,
        "actor_country_accuracy": round(actor_hits / actor_total, 4) if actor_total else 0.0,
        "recipient_country_accuracy": round(recipient_hits / recipient_total, 4)
        if recipient_total
        else 0.0,
        "by_type": {
            name: {
                "records": per_type[name],
                "accuracy": round(per_type_hits[name] / per_type[name], 4),
            }
            for name in sorted(per_type)
        },
        "modality": modality_counts(modalities),
    }
