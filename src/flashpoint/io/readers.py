"""Readers: files, folders, globs and stdin in; a stream of Articles and Rejections out.

Every record read ends as exactly one :class:`Article` or one :class:`Rejection`, and the
stream goes on after a bad record. Nothing holds the whole corpus in memory: JSONL and CSV
are read row by row, and one text file is one article.

Formats
- date-header text: the first non-blank line starts ``date YYYY-MM-DD``; the text follows
  (on the same line or the next). The article id is the file stem.
- plain text: no header; dated by the ``date`` argument (else rejected).
- JSONL (``.jsonl``, ``.ndjson``): one object a line with ``id``, ``date``, ``text``;
  ``title``, ``url``, ``source``, ``language`` optional.
- CSV (``.csv``): the same columns, with a header row.
- JSON (``.json``): one such object, or an array of them.
- ``.gz`` after any of these suffixes is read through gzip.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import glob
import gzip
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from ..records import Article, Rejection

#: Suffixes picked up when a folder is walked; other files there are not articles.
FOLDER_SUFFIXES: tuple[str, ...] = (".txt", ".jsonl", ".ndjson", ".csv", ".json")
STDIN = "-"
_HEADER_ALLOWANCE = 1024
OPTIONAL_FIELDS: tuple[str, ...] = ("title", "url", "source", "language")

_HEADER = re.compile(r"\A\s*date\s*:?\s+(\d\S*)(?:[ \t]*\r?\n|[ \t]+|\Z)", re.IGNORECASE)
_ISO_DAY = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?\Z")
_COMPACT_DAY = re.compile(r"\A(\d{4})(\d{2})(\d{2})\Z")
_GLOB_CHARS = re.compile(r"[*?\[]")

Item = Article | Rejection


@dataclass
class _Run:
    """State shared across the inputs of one ``read_inputs`` call."""

    date: dt.date | None
    max_bytes: int
    seen: dict[str, str] = field(default_factory=dict)  # article id -> where it was first read


def read_inputs(
    inputs: Iterable[str],
    date: dt.date | None = None,
    max_bytes: int = 1_000_000,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Stream articles from files, folders, globs and ``-`` (stdin), in the order given.

    ``date`` dates plain text without a header and records whose ``date`` field is missing.
    ``max_bytes`` bounds one article's text (UTF-8 bytes). An id seen twice in one call is
    rejected the second time.
    """
    run = _Run(date=date, max_bytes=max_bytes)
    for spec in inputs:
        if spec == STDIN:
            yield from _dedupe(run, STDIN, _read_stdin(run, stdin or sys.stdin.buffer))
            continue
        paths, problem = _expand(spec)
        if problem is not None:
            yield problem
        for path in paths:
            yield from _dedupe(run, str(path), _read_path(run, path))


def expand_inputs(inputs: Iterable[str]) -> list[Path]:
    """The files ``read_inputs`` would open for ``inputs`` (stdin and missing paths left out)."""
    found: list[Path] = []
    for spec in inputs:
        if spec != STDIN:
            found.extend(_expand(spec)[0])
    return found


def estimate_total(inputs: Iterable[str]) -> int | None:
    """A cheap record count for progress display; None when it cannot be known (stdin).

    Counts lines of JSONL and CSV files without parsing them, so a CSV with multi-line
    fields is over-counted; the figure is for an ETA, not for accounting.
    """
    specs = list(inputs)
    if STDIN in specs:
        return None
    total = 0
    for path in expand_inputs(specs):
        kind = _kind(path)
        if kind in ("jsonl", "csv"):
            try:
                with _open_binary(path) as fh:
                    lines = sum(1 for line in fh if line.strip())
            except OSError:
                lines = 1
            total += max(lines - (1 if kind == "csv" else 0), 0)
        else:
            total += 1
    return total


# -- locating inputs -------------------------------------------------------------------


def _expand(spec: str) -> tuple[list[Path], Rejection | None]:
    path = Path(spec)
    if path.is_dir():
        return _walk(path), None
    if path.is_file():
        return [path], None
    if _GLOB_CHARS.search(spec):
        matches = sorted(Path(p) for p in glob.glob(spec, recursive=True))
        files: list[Path] = []
        for match in matches:
            files.extend(_walk(match) if match.is_dir() else [match] if match.is_file() else [])
        if files:
            return files, None
        return [], Rejection(
            input=spec,
            record=spec,
            reason="no files match this pattern; check the pattern and quote it in the shell",
        )
    return [], Rejection(input=spec, record=spec, reason="no such file or folder; check the path")


def _walk(folder: Path) -> list[Path]:
    """Article files under ``folder``, recursively, sorted; hidden files and folders skipped."""
    found = []
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue
        if _base_suffix(path) in FOLDER_SUFFIXES:
            found.append(path)
    return sorted(found)


def _base_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _kind(path: Path) -> str:
    suffix = _base_suffix(path)
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if suffix == ".json":
        return "json"
    return "text"


def _open_binary(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        if suffix.lower() in (".gz", *FOLDER_SUFFIXES):
            name = name[: -len(suffix)]
        else:
            break
    return name or path.name


# -- reading one input -----------------------------------------------------------------


def _read_path(run: _Run, path: Path) -> Iterator[Item]:
    label = str(path)
    kind = _kind(path)
    try:
        if kind == "text":
            yield _read_text_file(run, path)
            return
        with _open_binary(path) as fh:
            if kind == "jsonl":
                yield from _read_jsonl(run, fh, label)
            elif kind == "csv":
                yield from _read_csv(run, fh, label)
            else:
                yield from _read_json(run, fh, label)
    except (OSError, EOFError) as exc:
        yield Rejection(
            input=label,
            record=label,
            reason=f"could not read the file ({exc}); check that it exists and is readable",
        )


def _read_text_file(run: _Run, path: Path) -> Item:
    label, article_id = str(path), _stem(path)
    # A header and a BOM take a few bytes; anything longer than this is over the limit
    # whatever it holds, and is not read into memory at all.
    cap = run.max_bytes + _HEADER_ALLOWANCE
    with _open_binary(path) as fh:
        raw = fh.read(cap + 1)
    if len(raw) > cap:
        size = path.stat().st_size if path.suffix.lower() != ".gz" else len(raw)
        return _too_big(label, article_id, size, run.max_bytes)
    return _text_article(run, raw, label, article_id)


def _text_article(run: _Run, raw: bytes, label: str, article_id: str) -> Item:
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _not_utf8(label, article_id, exc)
    header = _HEADER.match(content)
    if header is not None:
        day = _parse_date(header.group(1))
        if day is None:
            return Rejection(
                input=label,
                record=article_id,
                reason=(
                    f"the date header {header.group(1)!r} is not a date; "
                    "write it as 'date YYYY-MM-DD' on the first line"
                ),
            )
        text = content[header.end() :]
    elif run.date is not None:
        day, text = run.date, content
    else:
        return Rejection(
            input=label,
            record=article_id,
            reason=(
                "no date: the first line is not a 'date YYYY-MM-DD' header; "
                "add one, or pass --date for undated plain text"
            ),
        )
    return _make_article(run, label, {"id": article_id, "date": day, "text": text}, article_id)


def _read_jsonl(run: _Run, fh: IO[bytes], label: str) -> Iterator[Item]:
    for number, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield _not_utf8(label, where, exc)
            continue
        try:
            obj = json.loads(decoded)
        except json.JSONDecodeError as exc:
            yield Rejection(
                input=label,
                record=where,
                reason=f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line",
            )
            continue
        yield _record_article(run, label, obj, where)


def _read_json(run: _Run, fh: IO[bytes], label: str) -> Iterator[Item]:
    raw = fh.read()
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield _not_utf8(label, label, exc)
        return
    except json.JSONDecodeError:
        # Many ".json" corpora are really one object a line.
        yield from _read_jsonl(run, io.BytesIO(raw), label)
        return
    records = obj if isinstance(obj, list) else [obj]
    for index, record in enumerate(records):
        yield _record_article(run, label, record, f"item {index}")


def _read_csv(run: _Run, fh: IO[bytes], label: str) -> Iterator[Item]:
    # Article texts are long: lift the csv module's 128 KiB field limit (a process-wide
    # setting) and let max_bytes decide what is too big.
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
    # Undecodable bytes become surrogates so one bad row is rejected, not the whole file.
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.DictReader(text)
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        yield Rejection(input=label, record="header", reason=f"not a readable CSV header ({exc})")
        return
    missing = [c for c in ("id", "text") if c not in columns]
    if missing:
        yield Rejection(
            input=label,
            record="header",
            reason=(
                f"the CSV header lacks the column(s) {', '.join(missing)}; "
                "the first row must name id, date and text"
            ),
        )
        return
    while True:
        where = f"line {reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(input=label, record=where, reason=f"not a readable CSV row ({exc})")
            continue
        where = f"line {reader.line_num}"
        bad = next((k for k, v in row.items() if isinstance(v, str) and _has_surrogates(v)), None)
        if bad is not None:
            yield Rejection(
                input=label,
                record=str(row.get("id") or where),
                reason=(
                    f"the {bad!r} field holds bytes that are not UTF-8; re-save the file as UTF-8"
                ),
            )
            continue
        if None in row:
            yield Rejection(
                input=label,
                record=str(row.get("id") or where),
                reason="the row has more fields than the header; quote fields that hold commas",
            )
            continue
        yield _record_article(run, label, row, where)


def _read_stdin(run: _Run, stream: IO[bytes]) -> Iterator[Item]:
    """Sniff stdin: JSON lines, a JSON array, CSV with a header, or (dated) text."""
    head = b""
    while True:
        line = stream.readline()
        head += line
        if not line or line.strip():
            break
    first = head.strip().lstrip(codecs.BOM_UTF8)
    rest = io.BufferedReader(_Chained(head, stream))
    if first.startswith(b"{"):
        yield from _read_jsonl(run, rest, STDIN)
    elif first.startswith(b"["):
        yield from _read_json(run, rest, STDIN)
    elif _looks_like_csv_header(first):
        yield from _read_csv(run, rest, STDIN)
    else:
        cap = run.max_bytes + _HEADER_ALLOWANCE
        raw = rest.read(cap + 1)
        if len(raw) > cap:
            yield _too_big(STDIN, "stdin", len(raw), run.max_bytes)
        else:
            # Piped texts have no name: an id from the content keeps distinct texts apart.
            digest = hashlib.sha256(raw).hexdigest()[:12]
            yield _text_article(run, raw, STDIN, f"stdin-{digest}")


def _looks_like_csv_header(line: bytes) -> bool:
    try:
        cells = next(csv.reader([line.decode("utf-8", errors="replace")]))
    except (csv.Error, StopIteration):
        return False
    names = {c.strip().lower() for c in cells}
    return {"id", "text"} <= names


class _Chained(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream, as one binary file."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = io.BytesIO(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._head.read(len(buffer)) or self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


# -- validation ------------------------------------------------------------------------


def _record_article(run: _Run, label: str, obj: Any, where: str) -> Item:
    if not isinstance(obj, dict):
        return Rejection(
            input=label,
            record=where,
            reason=f"expected an object with id, date and text, got {type(obj).__name__}",
        )
    if "article" in obj and "text" not in obj:
        return Rejection(
            input=label,
            record=where,
            reason="this is a coded article (flashpoint output), not an input article; "
            "use 'flashpoint show' to view it",
        )
    raw_id = obj.get("id")
    if raw_id is None or not str(raw_id).strip():
        return Rejection(
            input=label, record=where, reason="no id: give every record a non-empty 'id'"
        )
    article_id = str(raw_id).strip()
    raw_date = obj.get("date")
    if raw_date is None or (isinstance(raw_date, str) and not raw_date.strip()):
        if run.date is None:
            return Rejection(
                input=label,
                record=article_id,
                reason="no date: give the record a 'date' (YYYY-MM-DD) or pass --date",
            )
        day: dt.date | None = run.date
    else:
        day = _parse_date(str(raw_date))
        if day is None:
            return Rejection(
                input=label,
                record=article_id,
                reason=f"the date {raw_date!r} is not a date; write it as YYYY-MM-DD",
            )
    text = obj.get("text")
    if text is not None and not isinstance(text, str):
        return Rejection(
            input=label, record=article_id, reason="'text' must be a string of article text"
        )
    fields: dict[str, Any] = {"id": article_id, "date": day, "text": text or ""}
    for name in OPTIONAL_FIELDS:
        value = obj.get(name)
        if value not in (None, ""):
            fields[name] = str(value)
    return _make_article(run, label, fields, article_id)


def _make_article(run: _Run, label: str, fields: dict[str, Any], article_id: str) -> Item:
    text: str = fields["text"]
    if not text.strip():
        return Rejection(
            input=label, record=article_id, reason="the text is empty; there is nothing to code"
        )
    size = len(text.encode("utf-8"))
    if size > run.max_bytes:
        return _too_big(label, article_id, size, run.max_bytes)
    try:
        return Article(**fields)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return Rejection(input=label, record=article_id, reason=f"invalid record ({problems})")


def _dedupe(run: _Run, label: str, items: Iterator[Item]) -> Iterator[Item]:
    """Reject an article whose id was already read in this run (the first one wins)."""
    for item in items:
        if isinstance(item, Article):
            first = run.seen.get(item.id)
            if first is not None:
                yield Rejection(
                    input=label,
                    record=item.id,
                    reason=(
                        f"duplicate id: an article with this id was already read from {first}; "
                        "give each article its own id"
                    ),
                )
                continue
            run.seen[item.id] = label
        yield item


def _parse_date(value: str) -> dt.date | None:
    value = value.strip()
    match = _ISO_DAY.match(value) or _COMPACT_DAY.match(value)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _not_utf8(label: str, record: str, exc: UnicodeDecodeError) -> Rejection:
    return Rejection(
        input=label,
        record=record,
        reason=(
            f"bytes that are not UTF-8 at offset {exc.start}; "
            "re-save the input as UTF-8 (e.g. iconv -t UTF-8)"
        ),
    )


def _too_big(label: str, record: str, size: int, limit: int) -> Rejection:
    return Rejection(
        input=label,
        record=record,
        reason=(
            f"the text is {size:,} bytes, over the {limit:,}-byte limit; "
            "split the article or raise --max-bytes"
        ),
    )
