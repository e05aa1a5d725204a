"""Shared fixtures: the real pipeline (loaded once) and the gold data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint import Coder, Config
from flashpoint.evaluate.common import eval_dir

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def coder() -> Coder:
    """The real spaCy model with every flashpoint component, built once per test run."""
    return Coder(Config())


@pytest.fixture(scope="session")
def nlp(coder: Coder):  # type: ignore[no-untyped-def]
    return coder.nlp


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The shared gold data; tests that need it skip cleanly when it is absent."""
    found = eval_dir()
    if found is None:
        pytest.skip("gold evaluation data not found (set FLASHPOINT_EVAL_DIR)")
    return found


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = REPO.parent / "shared" / "seeds" / "000_a8efbc00b3dd436a.txt"
    if not path.exists():
        pytest.skip("seed article not found beside the repository")
    return path
