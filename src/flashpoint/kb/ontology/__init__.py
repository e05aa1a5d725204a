"""The event ontology: CAMEO codes, Goldstein scores, quad classes and their PLOVER types.

The facts live in two data files beside this module (choices documented in README.md):

- ``cameo.csv``: one row per CAMEO code (2, 3 and 4 digits) with a short label, the
  Goldstein score, the quad class (1-4), the Phoenix quad class (0-4), and the PLOVER
  event type, mode and contexts the code converts to;
- ``plover.yaml``: the 16 PLOVER types with their quad, score, default CAMEO code (also per
  mode), the old type names still found in gold files, and the known contexts.

``load_ontology()`` reads them once per set of paths and returns an :class:`Ontology`, which
callers receive and pass on; nothing here is module state.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

__all__ = [
    "CameoEntry",
    "Ontology",
    "OntologyError",
    "PloverType",
    "UnknownCameoCode",
    "UnknownPloverType",
    "load_ontology",
]

_CAMEO_FILE = "cameo.csv"
_PLOVER_FILE = "plover.yaml"
_CSV_COLUMNS = (
    "code",
    "name",
    "goldstein",
    "quad_class",
    "phoenix_quad",
    "plover",
    "mode",
    "contexts",
    "basis",
)
_BASES = frozenset({"table", "amended", "dropped"})


class OntologyError(ValueError):
    """An ontology data file is malformed or inconsistent."""


class UnknownCameoCode(KeyError):
    """A CAMEO code that neither exists nor falls back to an existing parent code."""

    def __str__(self) -> str:
        return f"unknown CAMEO code {self.args[0]!r}: expected 2-4 digits under roots 01-20"


class UnknownPloverType(KeyError):
    """A name that is neither a PLOVER type nor one of its old aliases."""

    def __str__(self) -> str:
        return f"unknown PLOVER event type {self.args[0]!r}"


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """One CAMEO code and what flashpoint writes for it.

    ``quad_class`` follows the CAMEO root (1 verbal cooperation 01-05, 2 material
    cooperation 06-08, 3 verbal conflict 09-13, 4 material conflict 14-20);
    ``phoenix_quad`` is the Phoenix 0-4 variant (0 for 01-02, 16 counted as verbal
    conflict). ``basis`` says where the PLOVER conversion comes from: ``table`` (the
    CAMEO-to-PLOVER table as written), ``amended`` (flashpoint changed that row) or
    ``dropped`` (PLOVER dropped the CAMEO category; flashpoint chose the nearest type).
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    phoenix_quad: int
    plover: str
    mode: str | None
    contexts: tuple[str, ...]
    basis: str

    @property
    def root(self) -> str:
        """The two-digit cue category, e.g. ``"19"`` for ``"1951"``."""
        return self.code[:2]

    @property
    def level(self) -> int:
        """2 for a root, 3 for a base code, 4 for a sub-code."""
        return len(self.code)

    @property
    def dropped(self) -> bool:
        """True when PLOVER itself has no category for this code (CAMEO 01 and 02)."""
        return self.basis == "dropped"


@dataclass(frozen=True, slots=True)
class PloverType:
    """One PLOVER event type: its quad, score, and the CAMEO codes written for it."""

    name: str
    quad: int
    score: float
    cameo: str
    modes: Mapping[str, str | None]

    def cameo_for(self, mode: str | None = None) -> str:
        """The CAMEO code for this type with ``mode`` (the type's default if none fits)."""
        if mode:
            code = self.modes.get(mode)
            if code:
                return code
        return self.cameo


class Ontology:
    """CAMEO codes with their Goldstein scores, quad classes and PLOVER conversion."""

    def __init__(
        self,
        entries: Iterable[CameoEntry],
        plover: Iterable[PloverType],
        aliases: Mapping[str, tuple[str, str | None]],
        contexts: Iterable[str],
    ) -> None:
        self._entries: dict[str, CameoEntry] = {}
        for entry in entries:
            if entry.code in self._entries:
                raise OntologyError(f"CAMEO code {entry.code} is listed twice")
            self._entries[entry.code] = entry
        self._types: dict[str, PloverType] = {t.name: t for t in plover}
        self._aliases = dict(aliases)
        self.plover_contexts: tuple[str, ...] = tuple(contexts)
        self._check()

    # -- CAMEO -----------------------------------------------------------------------

    def get(self, code: str) -> CameoEntry | None:
        """The entry for exactly ``code``, or None (see :meth:`resolve` for fallback)."""
        return self._entries.get(code.strip())

    def resolve(self, code: str) -> CameoEntry | None:
        """The entry for ``code`` or, failing that, its nearest existing parent code.

        ``"1951"`` is not a CAMEO code, so it resolves to ``"195"``; a code whose root
        does not exist (``"345"``) or that is not 2-4 digits resolves to None.
        """
        code = code.strip()
        if not (2 <= len(code) <= 4 and code.isdigit()):
            return None
        for end in range(len(code), 1, -1):
            entry = self._entries.get(code[:end])
            if entry is not None:
                return entry
        return None

    def entry(self, code: str) -> CameoEntry:
        """Like :meth:`resolve`, but raises :class:`UnknownCameoCode` instead of None."""
        found = self.resolve(code)
        if found is None:
            raise UnknownCameoCode(code)
        return found

    def root(self, code: str) -> str:
        """The root (two-digit cue category) of ``code``: ``root("1951") == "19"``."""
        return self.entry(code).root

    def codes(self) -> tuple[str, ...]:
        """Every CAMEO code, in code order."""
        return tuple(self._entries)

    def goldstein(self, code: str) -> float:
        return self.entry(code).goldstein

    def quad_class(self, code: str) -> int:
        """Quad class 1-4 of any code (resolved to its nearest existing parent)."""
        return self.entry(code).quad_class

    def quad_class_for_root(self, root: str) -> int:
        """Quad class 1-4 of a root code (``"01"`` .. ``"20"``)."""
        entry = self._entries.get(root.strip())
        if entry is None or entry.level != 2:
            raise UnknownCameoCode(root)
        return entry.quad_class

    quad_of_root = quad_class_for_root

    def phoenix_quad(self, code: str) -> int:
        """Phoenix quad class 0-4 of any code (the classes ConfliBERT labels use)."""
        return self.entry(code).phoenix_quad

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip() in self._entries

    def __iter__(self) -> Iterator[CameoEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    # -- PLOVER ----------------------------------------------------------------------

    @property
    def plover_types(self) -> tuple[str, ...]:
        """The 16 PLOVER event types, in the manual's order."""
        return tuple(self._types)

    @property
    def default_cameo(self) -> Mapping[str, str]:
        """PLOVER type -> the CAMEO code written when only the type is known."""
        return MappingProxyType({name: t.cameo for name, t in self._types.items()})

    def plover(self, name: str) -> PloverType:
        """The PLOVER type called ``name`` (old names accepted)."""
        return self._types[self.normalise_plover(name)[0]]

    def normalise_plover(self, name: str, mode: str | None = None) -> tuple[str, str | None]:
        """Current PLOVER type and mode for ``name``, which may be an old type name.

        ``("INVESTIGATE", None)`` -> ``("ACCUSE", "investigate")``; ``"fight"`` ->
        ``("ASSAULT", None)``. A mode given is kept unless the old name implies one.
        """
        key = name.strip().upper()
        mode = (mode or "").strip() or None
        if key in self._types:
            return key, mode
        if key in self._aliases:
            new_type, implied = self._aliases[key]
            return new_type, implied or mode
        raise UnknownPloverType(name)

    def cameo_for(self, name: str, mode: str | None = None) -> str:
        """The CAMEO code to write for a PLOVER type and optional mode."""
        type_name, mode = self.normalise_plover(name, mode)
        return self._types[type_name].cameo_for(mode)

    def plover_quad(self, name: str) -> int:
        """The PLOVER manual's quad category (1-4) for a PLOVER type."""
        return self.plover(name).quad

    def plover_modes(self, name: str) -> tuple[str, ...]:
        """The modes the PLOVER manual lists for a type."""
        return tuple(self.plover(name).modes)

    # -- consistency -----------------------------------------------------------------

    def _check(self) -> None:
        if len(self._types) != 16:
            raise OntologyError(f"expected 16 PLOVER types, found {len(self._types)}")
        known_contexts = set(self.plover_contexts)
        for entry in self._entries.values():
            where = f"CAMEO code {entry.code}"
            if entry.root not in self._entries:
                raise OntologyError(f"{where}: its root {entry.root} is not listed")
            if entry.quad_class != self._entries[entry.root].quad_class:
                raise OntologyError(f"{where}: quad class differs from its root's")
            if entry.plover not in self._types:
                raise OntologyError(f"{where}: unknown PLOVER type {entry.plover!r}")
            unknown = set(entry.contexts) - known_contexts
            if unknown:
                raise OntologyError(f"{where}: unknown contexts {sorted(unknown)}")
        for alias, (type_name, _) in self._aliases.items():
            if type_name not in self._types:
                raise OntologyError(f"alias {alias}: unknown PLOVER type {type_name!r}")
        for plover_type in self._types.values():
            codes = [plover_type.cameo, *(c for c in plover_type.modes.values() if c)]
            for code in codes:
                target = self._entries.get(code)
                if target is None or target.plover != plover_type.name:
                    raise OntologyError(
                        f"PLOVER {plover_type.name}: CAMEO code {code} is missing or "
                        "converts to another type"
                    )


# -- loading ---------------------------------------------------------------------------


def _parse_entry(row: Mapping[str, str], line: int, source: str) -> CameoEntry:
    where = f"{source}, line {line}"
    code = row["code"].strip()
    if not (2 <= len(code) <= 4 and code.isdigit()):
        raise OntologyError(f"{where}: CAMEO code {code!r} is not 2-4 digits")
    if not 1 <= int(code[:2]) <= 20:
        raise OntologyError(f"{where}: CAMEO root {code[:2]} is outside 01-20")
    try:
        goldstein = float(row["goldstein"])
        quad_class = int(row["quad_class"])
        phoenix_quad = int(row["phoenix_quad"])
    except ValueError as err:
        raise OntologyError(f"{where}: {err}") from err
    if not -10.0 <= goldstein <= 10.0:
        raise OntologyError(f"{where}: Goldstein score {goldstein} is outside [-10, 10]")
    if quad_class not in (1, 2, 3, 4) or phoenix_quad not in (0, 1, 2, 3, 4):
        raise OntologyError(f"{where}: quad class out of range")
    basis = row["basis"].strip()
    if basis not in _BASES:
        raise OntologyError(f"{where}: basis {basis!r} is not one of {sorted(_BASES)}")
    return CameoEntry(
        code=code,
        name=row["name"].strip(),
        goldstein=goldstein,
        quad_class=quad_class,
        phoenix_quad=phoenix_quad,
        plover=row["plover"].strip(),
        mode=row["mode"].strip() or None,
        contexts=tuple(c.strip() for c in row["contexts"].split(";") if c.strip()),
        basis=basis,
    )


def _read_cameo(text: str, source: str) -> list[CameoEntry]:
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != _CSV_COLUMNS:
        raise OntologyError(f"{source}: expected columns {', '.join(_CSV_COLUMNS)}")
    # Line numbers count the header as line 1.
    entries = [_parse_entry(row, n, source) for n, row in enumerate(reader, start=2)]
    return sorted(entries, key=lambda e: e.code)


def _read_plover(
    data: Any, source: str
) -> tuple[list[PloverType], dict[str, tuple[str, str | None]], list[str]]:
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise OntologyError(f"{source}: expected a mapping with 'types'")
    types: list[PloverType] = []
    for name, spec in data["types"].items():
        mode_codes = (spec.get("modes") or {}).items()
        modes = {str(mode): (str(code) if code else None) for mode, code in mode_codes}
        types.append(
            PloverType(
                name=str(name),
                quad=int(spec["quad"]),
                score=float(spec["score"]),
                cameo=str(spec["cameo"]),
                modes=MappingProxyType(modes),
            )
        )
    aliases = {
        str(alias).upper(): (str(spec["type"]), spec.get("mode") or None)
        for alias, spec in (data.get("aliases") or {}).items()
    }
    contexts = [str(c) for c in data.get("contexts") or []]
    return types, aliases, contexts


def _data_text(path: Path | None, default_name: str) -> tuple[str, str]:
    if path is not None:
        return Path(path).read_text(encoding="utf-8"), str(path)
    resource = resources.files(__package__).joinpath(default_name)
    return resource.read_text(encoding="utf-8"), default_name


@functools.lru_cache(maxsize=8)
def load_ontology(cameo_path: Path | None = None, plover_path: Path | None = None) -> Ontology:
    """Read the ontology from the packaged data files (or the paths given), once per paths."""
    cameo_text, cameo_source = _data_text(cameo_path, _CAMEO_FILE)
    plover_text, plover_source = _data_text(plover_path, _PLOVER_FILE)
    entries = _read_cameo(cameo_text, cameo_source)
    types, aliases, contexts = _read_plover(yaml.safe_load(plover_text), plover_source)
    return Ontology(entries, types, aliases, contexts)
