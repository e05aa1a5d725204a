"""Placeholder stage: passes the doc through until implemented."""

from __future__ import annotations

from spacy.tokens import Doc


class EventAnchor:
    def __init__(self, historical_days: int = 30) -> None:
        self.historical_days = historical_days

    def __call__(self, doc: Doc) -> Doc:
        return doc
