"""Score the CAMEO quad class of sentences against ConfliBERT's classification data.

The file is ``sentence<TAB>label`` per line, label 0-4 by CAMEO root: 0 = 01-02,
1 = 03-05, 2 = 06-08, 3 = 09-13 and 16, 4 = 14, 15, 17-20.

Scoring: each sentence is coded (dated 2000-01-01: the label does not depend on the date);
its predicted label comes from the root code of its main event
(:func:`flashpoint.pipeline.events.main_event`: asserted before other modalities, then the
most confident, then the most specific code). A sentence with no event is wrong.
Reported: accuracy and macro-F1 over the five labels.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..config import Config
from ..pipeline.events import main_event
from ..records import Article
from .common import PRF, EvalDataError, modality_counts, write_errors

LABELS = (0, 1, 2, 3, 4)
_DATE = dt.date(2000, 1, 1)


def label_of_root(root: str) -> int:
    """The ConfliBERT class of a CAMEO root ("01" .. "20")."""
    number = int(root)
    if number <= 2:
        return 0
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13 or number == 16:
        return 3
    return 4


def read_rows(path: Path) -> list[tuple[str, int]]:
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalDataError(f"{path}: cannot read ({err})") from err
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in {str(x) for x in LABELS}:
            raise EvalDataError(f"{path}, line {n}: expected 'sentence<TAB>label 0-4'")
        rows.append((text.strip(), int(label)))
    return rows


def run(
    path: Path, config: Config, errors: Path | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Code every sentence and score its class; see the module docstring."""
    rows = read_rows(Path(path))
    if limit is not None:
        rows = rows[:limit]
    if not rows:
        raise EvalDataError(f"{path}: no sentences")
    coder = Coder(config)
    articles = (Article(id=f"s{n}", date=_DATE, text=text) for n, (text, _) in enumerate(rows))
    per_label = {label: PRF() for label in LABELS}
    hits = 0
    error_rows = []
    modalities: list[str | None] = []
    for (text, gold), coded in zip(rows, coder.code_many(articles), strict=True):
        event = main_event(coded.events)
        modalities.append(event.modality if event else None)
        predicted = label_of_root(event.cameo[:2]) if event else None
        hits += predicted == gold
        per_label[gold].gold += 1
        per_label[gold].tp_gold += predicted == gold
        if predicted is not None:
            per_label[predicted].predicted += 1
            per_label[predicted].tp_pred += predicted == gold
        if predicted != gold:
            error_rows.append(
                {
                    "text": text,
                    "gold": gold,
                    "predicted": predicted,
                    "cameo": event.cameo if event else None,
                    "trigger": event.trigger.text if event else None,
                    "modality": event.modality if event else None,
                }
            )
    write_errors(errors, error_rows)
    return {
        "sentences": len(rows),
        "accuracy": round(hits / len(rows), 4),
        "macro_f1": round(sum(per_label[label].f1 for label in LABELS) / len(LABELS), 4),
        "no_event": sum(1 for row in error_rows if row["predicted"] is None),
        "by_label": {str(label): per_label[label].as_dict() for label in LABELS},
        "modality": modality_counts(modalities),
    }
