"""Gazetteer (placeholder until implemented)."""

from __future__ import annotations

from typing import Any


def load_gazetteer() -> Any:
    return None
