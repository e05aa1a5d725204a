"""Placeholder stage: passes the doc through until implemented."""

from __future__ import annotations

from spacy.tokens import Doc


class PostFinder:
    def __call__(self, doc: Doc) -> Doc:
        return doc
