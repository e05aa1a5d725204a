"""Placeholder stage: passes the doc through until implemented."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


class EventCoder:
    def __init__(self, nlp: Language, lexicon: Any, ontology: Any) -> None:
        self.lexicon = lexicon
        self.ontology = ontology

    def __call__(self, doc: Doc) -> Doc:
        return doc
