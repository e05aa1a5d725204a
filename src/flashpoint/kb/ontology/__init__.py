"""CAMEO / PLOVER ontology (placeholder until implemented)."""

from __future__ import annotations

from typing import Any


def load_ontology() -> Any:
    return None
