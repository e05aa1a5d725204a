"""Writers: CodedArticles out, one at a time, to JSONL, CSV or Parquet.

JSONL keeps everything (one CodedArticle a line). CSV and Parquet hold one flat row per
event (see :mod:`flashpoint.io.flat`). Every writer streams: memory holds at most one
row batch.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from ..records import CodedArticle
from .flat import EVENT_COLUMNS, EVENT_SCHEMA, event_rows


class UnsupportedFormatError(ValueError):
    """The output file's suffix names no format flashpoint writes."""


class Writer(Protocol):
    """Something CodedArticles can be written to; close it (or use ``with``) when done."""

    path: Path

    def write(self, coded: CodedArticle) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Writer: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class _FileWriter:
    path: Path

    def __enter__(self) -> _FileWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        raise NotImplementedError


class JsonlWriter(_FileWriter):
    """One CodedArticle a line, exactly as ``CodedArticle.model_dump_json()`` gives it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fh: IO[str] = open(self.path, "w", encoding="utf-8")

    def write(self, coded: CodedArticle) -> None:
        self._fh.write(coded.model_dump_json())
        self._fh.write("\n")

    def close(self) -> None:
        self._fh.close()


class CsvWriter(_FileWriter):
    """One row per event with the flat columns; a header row even when nothing was found."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fh: IO[str] = open(self.path, "w", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._fh, fieldnames=list(EVENT_COLUMNS))
        self._writer.writeheader()

    def write(self, coded: CodedArticle) -> None:
        self._writer.writerows(event_rows(coded))

    def close(self) -> None:
        self._fh.close()


class ParquetWriter(_FileWriter):
    """One row per event with the flat columns, written in row groups of ``batch_rows``."""

    def __init__(self, path: str | Path, batch_rows: int = 10_000) -> None:
        self.path = Path(path)
        self.batch_rows = batch_rows
        self._rows: list[dict[str, Any]] = []
        self._writer = pq.ParquetWriter(self.path, EVENT_SCHEMA)
        self._closed = False

    def write(self, coded: CodedArticle) -> None:
        self._rows.extend(event_rows(coded))
        if len(self._rows) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=EVENT_SCHEMA))
            self._rows = []

    def close(self) -> None:
        if not self._closed:
            self._flush()
            self._writer.close()
            self._closed = True


WRITERS: dict[str, type[_FileWriter]] = {
    ".jsonl": JsonlWriter,
    ".ndjson": JsonlWriter,
    ".csv": CsvWriter,
    ".parquet": ParquetWriter,
}


def check_output_path(path: str | Path) -> type[_FileWriter]:
    """The writer class for ``path``'s suffix; raises UnsupportedFormatError for others."""
    target = Path(path)
    cls = WRITERS.get(target.suffix.lower())
    if cls is None:
        known = ", ".join(sorted(WRITERS))
        raise UnsupportedFormatError(
            f"cannot write {target.name!r}: unknown output format {target.suffix or '(none)'!r}; "
            f"name the file with one of {known}"
        )
    return cls


def open_writer(path: str | Path) -> Writer:
    """A writer chosen by the file's suffix: ``.jsonl``, ``.csv`` or ``.parquet``."""
    cls = check_output_path(path)
    return cls(Path(path))  # type: ignore[call-arg,return-value]


def read_coded(path: str | Path) -> Iterator[CodedArticle]:
    """Read back a JSONL file written by :class:`JsonlWriter`, one CodedArticle at a time."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield CodedArticle.model_validate_json(line)


def is_coded_jsonl(path: str | Path) -> bool:
    """Whether ``path`` is a JSONL file of CodedArticles (judged by its first record)."""
    target = Path(path)
    if not target.is_file() or target.suffix.lower() not in (".jsonl", ".ndjson"):
        return False
    try:
        with open(target, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    CodedArticle.model_validate_json(line)
                    return True
    except (UnicodeDecodeError, ValueError):
        return False
    return False
