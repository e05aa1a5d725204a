"""Event lexicon (placeholder until implemented)."""

from __future__ import annotations

from typing import Any


def load_lexicon(verb_files: list[str]) -> Any:
    return None
