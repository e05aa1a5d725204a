"""Inputs and outputs: readers that stream Articles (or Rejections), writers for results."""

from __future__ import annotations

from .flat import EVENT_COLUMNS, EVENT_SCHEMA, event_row, event_rows
from .readers import estimate_total, expand_inputs, read_inputs
from .writers import (
    CsvWriter,
    JsonlWriter,
    ParquetWriter,
    UnsupportedFormatError,
    Writer,
    is_coded_jsonl,
    open_writer,
    read_coded,
)

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_SCHEMA",
    "CsvWriter",
    "JsonlWriter",
    "ParquetWriter",
    "UnsupportedFormatError",
    "Writer",
    "estimate_total",
    "event_row",
    "event_rows",
    "expand_inputs",
    "is_coded_jsonl",
    "open_writer",
    "read_coded",
    "read_inputs",
]
