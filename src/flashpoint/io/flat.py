"""One flat row per event, Phoenix-style: what CSV, Parquet and the store's events table hold.

The column order and types are fixed here, once, so every tabular output agrees.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from ..records import Actor, CodedArticle, Event

#: Column name -> Arrow type, in output order.
EVENT_FIELDS: tuple[tuple[str, pa.DataType], ...] = (
    ("article_id", pa.string()),
    ("date", pa.string()),
    ("date_precision", pa.string()),
    ("actor_text", pa.string()),
    ("actor_code", pa.string()),
    ("actor_country", pa.string()),
    ("actor_sector", pa.string()),
    ("recipient_text", pa.string()),
    ("recipient_code", pa.string()),
    ("recipient_country", pa.string()),
    ("recipient_sector", pa.string()),
    ("event_type", pa.string()),
    ("mode", pa.string()),
    ("contexts", pa.string()),
    ("cameo", pa.string()),
    ("goldstein", pa.float64()),
    ("quad_class", pa.int64()),
    ("modality", pa.string()),
    ("reported_by", pa.string()),
    ("place", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("place_country", pa.string()),
    ("sentence_index", pa.int64()),
    ("sentence", pa.string()),
    ("trigger", pa.string()),
    ("trigger_start", pa.int64()),
    ("trigger_end", pa.int64()),
    ("actor_start", pa.int64()),
    ("actor_end", pa.int64()),
    ("recipient_start", pa.int64()),
    ("recipient_end", pa.int64()),
    ("confidence", pa.float64()),
    ("event_id", pa.string()),
)
EVENT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in EVENT_FIELDS)
EVENT_SCHEMA = pa.schema(list(EVENT_FIELDS))
#: Several contexts share one flat cell.
CONTEXT_SEPARATOR = ";"


def event_row(coded: CodedArticle, event: Event) -> dict[str, Any]:
    """The flat row for one event; the date falls back to the article date."""
    actor, recipient, place = event.actor, event.recipient, event.place
    if event.date is not None:
        date, precision = event.date.value, event.date.precision
    else:
        date, precision = coded.article.date.isoformat(), "article"
    return {
        "article_id": event.article_id or coded.article.id,
        "date": date,
        "date_precision": precision,
        **_actor_columns("actor", actor),
        **_actor_columns("recipient", recipient),
        "event_type": event.event_type,
        "mode": event.mode,
        "contexts": CONTEXT_SEPARATOR.join(event.contexts),
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "modality": event.modality,
        "reported_by": event.reported_by,
        "place": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "place_country": place.country if place else None,
        "sentence_index": event.sentence.index,
        "sentence": event.sentence.text,
        "trigger": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "actor_start": actor.start if actor else None,
        "actor_end": actor.end if actor else None,
        "recipient_start": recipient.start if recipient else None,
        "recipient_end": recipient.end if recipient else None,
        "confidence": event.confidence,
        "event_id": event.id,
    }


def event_rows(coded: CodedArticle) -> Iterator[dict[str, Any]]:
    """Flat rows for every event of an article, in the order they were found."""
    for event in coded.events:
        yield event_row(coded, event)


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_text": actor.text if actor else None,
        f"{prefix}_code": actor.code if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
    }
