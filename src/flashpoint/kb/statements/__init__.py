"""Statement knowledge as data: cue verbs, channel words, claim subjects, quantity words.

The words live in YAML files beside this module:

- ``cues.yaml``: speech verbs (and the channel each implies), reporting verbs that carry a
  claim in a clause, denial verbs, prepositional cues ("according to"), channel words;
- ``subjects.yaml``: normalised claim subjects with their words, parents and units, and
  the event nouns a claim's scope may name;
- ``quantities.yaml``: vague quantity words, number words and count modifiers as ranges.

:func:`load_statement_kb` reads them into a :class:`StatementKB` that the statement stages
are given; nothing is held in module state.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Bound", "StatementKB", "StatementKBError", "Subject", "load_statement_kb"]


class StatementKBError(ValueError):
    """A statement knowledge file is malformed."""


@dataclass(frozen=True, slots=True)
class Subject:
    name: str
    words: frozenset[str]
    parent: str | None = None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Bound:
    """One end of a modifier's range as ``factor * n + offset``; ``None`` = open."""

    factor: float
    offset: float

    def apply(self, n: float) -> float:
        return self.factor * n + self.offset


@dataclass(frozen=True)
class StatementKB:
    speech: dict[str, str]
    reporting: frozenset[str]
    denial: frozenset[str]
    prepositional: tuple[tuple[str, ...], ...]
    platforms: frozenset[str]
    channels: tuple[tuple[str, frozenset[str]], ...]
    subjects: tuple[Subject, ...]
    scope_nouns: frozenset[str]
    vague: dict[str, tuple[float | None, float | None]]
    numbers: dict[str, float]
    modifiers: dict[str, tuple[Bound | None, Bound | None]]

    def subject(self, name: str) -> Subject | None:
        return next((s for s in self.subjects if s.name == name), None)

    def ancestors(self, name: str) -> list[str]:
        """``name`` and every broader subject above it, nearest first."""
        chain: list[str] = []
        current: str | None = name
        while current is not None and current not in chain:
            chain.append(current)
            found = self.subject(current)
            current = found.parent if found else None
        return chain

    def channel_for(self, words: list[tuple[str, bool]]) -> str | None:
        """The channel named by any of ``words`` (lemma, is proper noun), by precedence."""
        lowered = [(w.lower(), proper) for w, proper in words]
        if any(w in self.platforms for w, _ in lowered):
            return "post"
        for channel, names in self.channels:
            if any(w in names for w, proper in lowered if not proper):
                return channel
        return None


_BOUND = re.compile(r"^(?:(?P<factor>\d+(?:\.\d+)?)?n(?P<offset>[+-]\d+)?)$")


def _bound(value: Any, where: str) -> Bound | None:
    if value is None:
        return None
    text = str(value).replace(" ", "")
    match = _BOUND.match(text)
    if not match:
        raise StatementKBError(f"{where}: bound {value!r} is not of the form [factor]n[+-offset]")
    factor = float(match.group("factor") or 1.0)
    offset = float(match.group("offset") or 0.0)
    return Bound(factor, offset)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise StatementKBError(f"{path}: not readable as YAML ({err})") from err
    if not isinstance(data, dict):
        raise StatementKBError(f"{path}: expected a mapping at the top level")
    return data


@functools.lru_cache(maxsize=4)
def load_statement_kb(folder: str | None = None) -> StatementKB:
    """Read the statement knowledge from ``folder`` (default: the files beside this module)."""
    base = Path(folder) if folder else Path(str(resources.files(__package__)))
    cues = _read(base / "cues.yaml")
    subjects = _read(base / "subjects.yaml")
    quantities = _read(base / "quantities.yaml")
    try:
        modifiers = {
            str(k): (_bound(v[0], f"modifier {k}"), _bound(v[1], f"modifier {k}"))
            for k, v in quantities["modifiers"].items()
        }
        return StatementKB(
            speech={str(k): str(v) for k, v in cues["speech"].items()},
            reporting=frozenset(cues["reporting"]),
            denial=frozenset(cues["denial"]),
            prepositional=tuple(tuple(p) for p in cues["prepositional"]),
            platforms=frozenset(w.lower() for w in cues["platforms"]),
            channels=tuple(
                (str(k), frozenset(w.lower() for w in v)) for k, v in cues["channels"].items()
            ),
            subjects=tuple(
                Subject(
                    name=str(name),
                    words=frozenset(w.lower() for w in spec["words"]),
                    parent=spec.get("parent"),
                    unit=spec.get("unit"),
                )
                for name, spec in subjects["subjects"].items()
            ),
            scope_nouns=frozenset(subjects["scope_nouns"]),
            vague={
                str(k): (
                    None if v[0] is None else float(v[0]),
                    None if v[1] is None else float(v[1]),
                )
                for k, v in quantities["vague"].items()
            },
            numbers={str(k): float(v) for k, v in quantities["numbers"].items()},
            modifiers=modifiers,
        )
    except (KeyError, TypeError, IndexError) as err:
        raise StatementKBError(f"{base}: a statement knowledge file lacks a field ({err})") from err
