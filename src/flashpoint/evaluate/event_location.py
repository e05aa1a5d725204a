"""Score event places against ``event_location`` gold (JSONL, one event verb per record).

Each record's sentence is coded (the date does not matter). When an event's trigger
overlaps the gold VERB span the verb is found, and the record is right when that event's
place overlaps a gold LOCATION span, or, where the gold has no LOCATION, when the event
has no place. ``accuracy`` is over records whose verb was found; ``accuracy_all`` counts
records whose verb was not found as wrong.

Some records give token positions where character offsets belong; the reader mends those
from the span's own text (see ``_offsets``).

``oracle`` scores the place attachment alone: the anchor's rules applied to the gold verb
as if it were an event trigger, so attachment can be measured whatever the events stage
finds.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..config import Config
from ..pipeline.anchor import place_for
from ..records import Place
from .common import EvalDataError, overlap, write_errors

ANY_DATE = dt.date(2020, 1, 1)


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    verb: tuple[int, int]
    locations: tuple[tuple[int, int], ...]


def read_records(path: Path) -> Iterator[GoldRecord]:
    if not path.is_file():
        raise EvalDataError(f"{path} is not an event_location JSONL file")
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                spans = row["spans"]
                text = row["text"]
                verbs = [_offsets(text, s) for s in spans if s["label"] == "VERB"]
                locations = tuple(
                    found
                    for s in spans
                    if s["label"] == "LOCATION" and (found := _offsets(text, s)) is not None
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise EvalDataError(
                    f"{path}:{number}: not an event_location record ({exc})"
                ) from exc
            if verbs and verbs[0] is not None:
                yield GoldRecord(str(row.get("_id", number)), text, verbs[0], locations)


def _offsets(text: str, span: dict[str, Any]) -> tuple[int, int] | None:
    """A span's character offsets, mended where the record's offsets are broken.

    Some records carry token positions in ``start``/``end`` (``"start": 15, "end": 15``
    over a word that is not there) while the span's own ``text`` names the place. Where
    the offsets do not cover that text, the text is looked up in the sentence (the
    occurrence nearest the token position); an empty span with no text is no span.
    """
    start, end = int(span["start"]), int(span["end"])
    written = str(span.get("text") or "")
    if not written or text[start:end] == written:
        return (start, end) if end > start else None
    hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(written)}(?!\w)", text)]
    if not hits:
        return None
    word = int(span.get("token_start", start))
    best = min(hits, key=lambda at: abs(len(text[:at].split()) - word))
    return best, best + len(written)


def place_right(place: Place | None, locations: tuple[tuple[int, int], ...]) -> bool:
    if not locations:
        return place is None
    return place is not None and any(overlap(place.start, place.end, s, e) for s, e in locations)


def run(
    path: Path, config: Config, errors: Path | None = None, limit: int | None = None
) -> dict[str, Any]:
    records = list(read_records(Path(path)))
    if limit is not None:
        records = records[:limit]
    if not records:
        raise EvalDataError(f"no records in {path}")
    coder = Coder(config)
    nlp = coder.nlp

    def docs() -> Iterator[Any]:
        for record in records:
            doc = nlp.make_doc(record.text)
            doc._.fp_article_id = record.id
            doc._.fp_date = ANY_DATE
            yield doc

    found = right = oracle_right = 0
    split = {"with_location": [0, 0], "without_location": [0, 0]}
    found_errors: list[dict[str, Any]] = []
    for record, doc in zip(records, nlp.pipe(docs(), batch_size=config.batch_size), strict=True):
        events = [
            e for e in doc._.fp_events if overlap(e.trigger.start, e.trigger.end, *record.verb)
        ]
        place: Place | None = None
        if events:
            found += 1
            place = events[0].place
            right += place_right(place, record.locations)
        verb = doc.char_span(*record.verb, alignment_mode="expand")
        places = [s for s in doc._.fp_places if s._.fp_place is not None]
        oracle = place_for(verb.root, places) if verb is not None and len(verb) else None
        ok = place_right(oracle, record.locations)
        oracle_right += ok
        bucket = split["with_location" if record.locations else "without_location"]
        bucket[0] += ok
        bucket[1] += 1
        if not ok:
            found_errors.append(
                {
                    "id": record.id,
                    "text": record.text,
                    "verb": record.text[slice(*record.verb)],
                    "gold": [record.text[s:e] for s, e in record.locations],
                    "oracle_place": oracle.text if oracle else None,
                    "event_place": place.text if place else None,
                    "places": [s.text for s in places],
                }
            )
    write_errors(errors, found_errors)
    total = len(records)
    return {
        "records": total,
        "verb_found": found,
        "verb_found_share": round(found / total, 4),
        "accuracy": round(right / found, 4) if found else 0.0,
        "accuracy_all": round(right / total, 4),
        "oracle": {
            "accuracy": round(oracle_right / total, 4),
            **{k: round(v[0] / v[1], 4) if v[1] else 0.0 for k, v in split.items()},
        },
    }
