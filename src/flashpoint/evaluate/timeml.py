"""Score time expressions against TimeML gold: inline TimeML (``.tml``, TimeBank and
TempEval-3) or MEANTIME token XML.

Each document is coded with its creation time as the article date; only the annotated
part is scored (MEANTIME annotates the first sentences of each article). Every gold ``TIMEX3``
of type DATE other than the creation time is scored: found when a TimeRef overlaps it,
value-correct when that TimeRef's value also equals the gold value. Predictions count
towards precision unless they only overlap the creation time or a gold expression of
another type (TIME, DURATION, SET), which this eval does not score.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..config import Config
from ..records import Article, TimeRef
from .common import PRF, EvalDataError, overlap, write_errors


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    creation: bool = False


@dataclass
class GoldDoc:
    id: str
    text: str
    date: dt.date
    timexes: list[GoldTimex] = field(default_factory=list)
    #: Where annotation stops (MEANTIME annotates the first sentences only); None: the end.
    annotated_until: int | None = None


# --- readers -------------------------------------------------------------------------

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "'S"}  # fmt: skip
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


def parse_date(value: str) -> dt.date | None:
    """A creation-time value: ISO (``2005-06-13``, with or without a time) or DD-MM-YYYY."""
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value):
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    return None


def read_meantime(path: Path) -> GoldDoc:
    """A MEANTIME document: tokens joined into text (one line per sentence), TIMEX3
    markables mapped from token anchors to character offsets."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    previous_sentence: str | None = None
    previous_text = ""
    for token in root.iter("token"):
        text = token.text or ""
        sentence = token.get("sentence")
        if previous_sentence is not None:
            if sentence != previous_sentence:
                sep = "\n"
            elif text in _NO_SPACE_BEFORE or previous_text in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            pieces.append(sep)
            length += len(sep)
        offsets[token.get("t_id", "")] = (length, length + len(text))
        pieces.append(text)
        length += len(text)
        previous_sentence, previous_text = sentence, text
    sentence_end: dict[str, int] = {}
    for token in root.iter("token"):
        sentence_end[token.get("sentence", "")] = offsets[token.get("t_id", "")][1]
    sentence_of = {t.get("t_id", ""): t.get("sentence", "") for t in root.iter("token")}
    annotated = [
        sentence_end[sentence_of[a.get("t_id", "")]]
        for a in root.iter("token_anchor")
        if a.get("t_id", "") in sentence_of
    ]
    timexes: list[GoldTimex] = []
    creation: dt.date | None = None
    for element in root.iter("TIMEX3"):
        anchors = [
            offsets[a.get("t_id", "")]
            for a in element.findall("token_anchor")
            if a.get("t_id") in offsets
        ]
        is_creation = element.get("functionInDocument") == "CREATION_TIME"
        if is_creation:
            creation = parse_date(element.get("value", "")) or creation
        if not anchors:
            continue
        timexes.append(
            GoldTimex(
                start=min(a[0] for a in anchors),
                end=max(a[1] for a in anchors),
                type=element.get("type", ""),
                value=element.get("value", ""),
                creation=is_creation,
            )
        )
    if creation is None:
        # A few documents mark no creation time: the first full date in the text stands in.
        creation = next(
            (
                d
                for t in sorted(timexes, key=lambda t: t.start)
                if t.type == "DATE" and (d := parse_date(t.value))
            ),
            None,
        )
    if creation is None:
        raise EvalDataError(f"{path}: no creation time and no full date to stand in for one")
    return GoldDoc(
        id=root.get("doc_id") or path.stem,
        text="".join(pieces),
        date=creation,
        timexes=timexes,
        annotated_until=max(annotated) if annotated else None,
    )


_TAG = re.compile(r"<(/?)([A-Za-z][\w:]*)([^>]*?)(/?)>")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')


def read_tml(path: Path) -> GoldDoc:
    """An inline TimeML document: the DCT's TIMEX3 value and the TEXT with its tags removed."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    creation = None
    if dct and (value := re.search(r'value="([^"]+)"', dct.group(1))):
        creation = parse_date(value.group(1))
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body is None:
        raise EvalDataError(f"{path}: no <TEXT> element")
    if creation is None:
        raise EvalDataError(f"{path}: no creation time (<DCT><TIMEX3 value=...>)")
    content = body.group(1)
    pieces: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    position = 0
    for tag in _TAG.finditer(content):
        text = html.unescape(content[position : tag.start()])
        pieces.append(text)
        length += len(text)
        position = tag.end()
        closing, name, attrs, self_closing = tag.groups()
        if name != "TIMEX3":
            continue
        if closing:
            if open_timexes:
                start, values = open_timexes.pop()
                timexes.append(
                    GoldTimex(
                        start=start,
                        end=length,
                        type=values.get("type", ""),
                        value=values.get("value", ""),
                        creation=values.get("functionInDocument") == "CREATION_TIME",
                    )
                )
        elif not self_closing:
            open_timexes.append((length, dict(_ATTR.findall(attrs))))
    pieces.append(html.unescape(content[position:]))
    return GoldDoc(id=path.stem, text="".join(pieces), date=creation, timexes=timexes)


def read_documents(path: Path) -> Iterator[GoldDoc]:
    """Every gold document under ``path`` (a file or a folder, searched recursively)."""
    if not path.exists():
        raise EvalDataError(f"{path} does not exist")
    files = [path] if path.is_file() else sorted(
        p for p in path.rglob("*") if p.suffix.lower() in {".tml", ".xml"} and p.is_file()
    )  # fmt: skip
    for file in files:
        head = file.read_text(encoding="utf-8", errors="replace")[:2000]
        if "<token" in head or "<Document" in head:
            yield read_meantime(file)
        elif "<TEXT>" in file.read_text(encoding="utf-8", errors="replace") or "<TimeML" in head:
            yield read_tml(file)


# --- scoring -------------------------------------------------------------------------


def score_document(doc: GoldDoc, refs: list[TimeRef]) -> tuple[PRF, PRF, list[dict[str, Any]]]:
    """Span and value counts for one document, and its errors."""
    gold = [t for t in doc.timexes if t.type == "DATE" and not t.creation]
    ignored = [t for t in doc.timexes if t.creation or t.type != "DATE"]
    until = doc.annotated_until if doc.annotated_until is not None else len(doc.text)
    located = [r for r in refs if r.start is not None and r.end is not None and r.start < until]

    def hits(ref: TimeRef, items: list[GoldTimex]) -> list[GoldTimex]:
        return [g for g in items if overlap(ref.start or 0, ref.end or 0, g.start, g.end)]

    scored = [r for r in located if hits(r, gold) or not hits(r, ignored)]
    span, value = (
        PRF(predicted=len(scored), gold=len(gold)),
        PRF(predicted=len(scored), gold=len(gold)),
    )
    errors: list[dict[str, Any]] = []
    for ref in scored:
        matched = hits(ref, gold)
        span.tp_pred += bool(matched)
        value.tp_pred += any(g.value == ref.value for g in matched)
        if not matched:
            errors.append({"doc": doc.id, "kind": "spurious", "text": ref.text, "value": ref.value})
    for item in gold:
        overlapping = [r for r in scored if overlap(r.start or 0, r.end or 0, item.start, item.end)]
        span.tp_gold += bool(overlapping)
        right = any(r.value == item.value for r in overlapping)
        value.tp_gold += right
        if not right:
            errors.append(
                {
                    "doc": doc.id,
                    "kind": "wrong_value" if overlapping else "missed",
                    "text": doc.text[item.start : item.end],
                    "gold": item.value,
                    "predicted": [(r.text, r.value) for r in overlapping],
                    "date": doc.date.isoformat(),
                    "context": doc.text[max(0, item.start - 80) : item.end + 80],
                }
            )
    return span, value, errors


def run(
    path: Path, config: Config, errors: Path | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Score DATE expressions of the TimeML or MEANTIME documents under ``path``."""
    documents = list(read_documents(Path(path)))
    if limit is not None:
        documents = documents[:limit]
    if not documents:
        raise EvalDataError(f"no TimeML (.tml) or MEANTIME (.xml) documents under {path}")
    coder = Coder(config)
    articles = (Article(id=d.id, date=d.date, text=d.text) for d in documents)
    span, value = PRF(), PRF()
    found_errors: list[dict[str, Any]] = []
    for doc, coded in zip(documents, coder.code_many(articles), strict=True):
        doc_span, doc_value, doc_errors = score_document(doc, coded.times)
        span.add(doc_span)
        value.add(doc_value)
        found_errors += doc_errors
    write_errors(errors, found_errors)
    return {
        "documents": len(documents),
        "gold": int(span.gold),
        "predicted": int(span.predicted),
        "span": span.as_dict(),
        "value": value.as_dict(),
    }
