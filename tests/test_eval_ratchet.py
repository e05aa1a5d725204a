"""The ratchet: every eval recorded in tests/ratchet/ must score at least its recorded figure.

Each JSON file names an eval module, a gold path relative to the gold data folder, Config
options and minimum scores (dotted keys into the eval's result), and maximum counts for
what must stay rare (``max``). Raise a minimum, or lower a maximum, when a score
improves; never loosen one to make a change pass.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from flashpoint import Config

RATCHETS = sorted((Path(__file__).parent / "ratchet").glob("*.json"))
PATH_OPTIONS = ("actor_files", "agent_files", "verb_files")


def _dig(result: dict[str, Any], dotted: str) -> float:
    value: Any = result
    for key in dotted.split("."):
        value = value[key]
    return float(value)


def _config(options: dict[str, Any], gold: Path) -> Config:
    resolved = dict(options)
    for key in PATH_OPTIONS:
        if key in resolved:
            resolved[key] = tuple(gold / p for p in resolved[key])
    return Config(**resolved)


@pytest.mark.parametrize("ratchet", RATCHETS, ids=[p.stem for p in RATCHETS])
def test_eval_ratchet_scores_do_not_drop(ratchet: Path, gold_dir: Path) -> None:
    spec = json.loads(ratchet.read_text())
    module = importlib.import_module(f"flashpoint.evaluate.{spec['task']}")
    path = gold_dir / spec["path"]
    if not path.exists():
        pytest.skip(f"{path} not present")
    result = module.run(path, _config(spec.get("options", {}), gold_dir))
    drops = {
        key: (round(_dig(result, key), 4), floor)
        for key, floor in spec["min"].items()
        if _dig(result, key) < floor
    }
    assert not drops, f"{ratchet.name}: scores fell below the recorded figures: {drops}"
    rises = {
        key: (_dig(result, key), ceiling)
        for key, ceiling in spec.get("max", {}).items()
        if _dig(result, key) > ceiling
    }
    assert not rises, f"{ratchet.name}: counts rose above the recorded figures: {rises}"


def test_eval_ratchet_files_are_well_formed() -> None:
    for ratchet in RATCHETS:
        spec = json.loads(ratchet.read_text())
        assert {"task", "path", "min"} <= spec.keys(), ratchet.name
        assert spec["min"], f"{ratchet.name} records no score"
