"""The event_location gold reader, on records the project writes."""

from __future__ import annotations

import json
from pathlib import Path

from flashpoint.evaluate.event_location import place_right, read_records
from flashpoint.records import Place


def _write(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_eval_event_location_reads_verb_and_locations(tmp_path: Path) -> None:
    text = "Militants attacked a checkpoint in Kandahar."
    path = _write(
        tmp_path,
        [
            {
                "text": text,
                "spans": [
                    {"start": 10, "end": 18, "label": "VERB"},
                    {"start": 35, "end": 43, "label": "LOCATION"},
                ],
            }
        ],
    )
    (record,) = read_records(path)
    assert text[slice(*record.verb)] == "attacked"
    assert [text[s:e] for s, e in record.locations] == ["Kandahar"]


def test_eval_event_location_mends_token_offsets_from_the_span_text(tmp_path: Path) -> None:
    # Offsets that are token positions (4..4, 6..8) over the place the span names.
    text = "Police arrested two men in Port Harcourt on Friday."
    path = _write(
        tmp_path,
        [
            {
                "text": text,
                "spans": [
                    {"start": 7, "end": 15, "label": "VERB", "text": "arrested"},
                    {"start": 5, "end": 5, "token_start": 5, "label": "LOCATION",
                     "text": "Port Harcourt"},
                    {"start": 3, "end": 3, "label": "LOCATION", "text": ""},
                ],
            }
        ],
    )
    (record,) = read_records(path)
    assert [text[s:e] for s, e in record.locations] == ["Port Harcourt"]


def test_eval_event_location_no_gold_place_wants_no_place() -> None:
    place = Place(text="Kano", name="Kano", start=0, end=4)
    assert place_right(None, ())
    assert not place_right(place, ())
    assert place_right(place, ((0, 4),))
