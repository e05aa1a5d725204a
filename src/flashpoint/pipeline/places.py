"""Placeholder stage: passes the doc through until implemented."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


class PlaceTagger:
    def __init__(self, nlp: Language, kb: Any) -> None:
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        return doc
