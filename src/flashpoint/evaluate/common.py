"""What every scorer shares: where gold data lives, precision/recall/F1, error dumps."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class EvalDataError(ValueError):
    """A gold file is missing or not in the expected format."""


def eval_dir() -> Path | None:
    """The gold data folder: ``$FLASHPOINT_EVAL_DIR``, else ``../shared/eval`` from the repo."""
    env = os.environ.get("FLASHPOINT_EVAL_DIR")
    candidates = [Path(env)] if env else []
    repo = Path(__file__).resolve().parents[3]
    candidates += [repo.parent / "shared" / "eval", Path.cwd().parent / "shared" / "eval"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


@dataclass
class PRF:
    """Counts for precision, recall and F1 (true positives counted on each side)."""

    tp_pred: float = 0.0  # predictions that matched
    predicted: float = 0.0
    tp_gold: float = 0.0  # gold items that were found
    gold: float = 0.0

    def add(self, other: PRF) -> None:
        self.tp_pred += other.tp_pred
        self.predicted += other.predicted
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def write_errors(path: str | Path | None, errors: Iterable[dict[str, Any]]) -> int:
    """Write one JSON object per error to ``path`` (JSONL); returns how many were written."""
    if path is None:
        return 0
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        for error in errors:
            fh.write(json.dumps(error, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters two ranges share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def modality_counts(modalities: Iterable[str | None]) -> dict[str, int]:
    """How many scored events carry each modality (asserted, negated, future, ...), so a
    score can be read against how much of the output an analyst would filter out."""
    counts: dict[str, int] = {}
    for modality in modalities:
        if modality is not None:
            counts[modality] = counts.get(modality, 0) + 1
    return dict(sorted(counts.items()))
