"""Actor knowledge base (placeholder until implemented)."""

from __future__ import annotations

from typing import Any


def load_actor_kb(actor_files: list[str], agent_files: list[str], replace: bool) -> Any:
    return None
