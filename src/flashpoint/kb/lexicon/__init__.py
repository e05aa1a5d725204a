"""The event lexicon: verb, noun and frame triggers mapped to CAMEO codes, as data.

The words live in YAML files beside this module:

- ``verbs.yaml``: verb triggers (bare verbs, phrasal verbs, verb + complement patterns);
- ``nouns.yaml``: event nouns ("the killing of X", "talks with Y");
- ``frames.yaml``: control verbs and the sub-code each takes from its complement, light
  verbs, speech verbs, instrument subjects ("rockets crashed into"), relational nouns;
- ``modality.yaml``: cues for negation, future and hypothetical events.

:func:`load_lexicon` reads them into a :class:`Lexicon` whose triggers are indexed by lemma,
so the event coder looks up each token once instead of scanning the lexicon.
PLOVER type, mode, contexts, Goldstein score and quad class are not repeated here: they
come from the ontology for each code.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from .petrarch import PetrarchVerb

__all__ = [
    "ControlFrame",
    "InstrumentPattern",
    "Lexicon",
    "LexiconError",
    "ModalityCues",
    "NounPattern",
    "VerbPattern",
    "load_lexicon",
]

DEFAULT_RECIPIENT: tuple[str, ...] = ("dobj", "against", "on", "at", "with", "to", "into", "toward")
DEFAULT_PATIENT: tuple[str, ...] = ("on", "against", "at", "of")


class LexiconError(ValueError):
    """A lexicon file is malformed, or a dictionary format is not supported."""


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A verb (lemma) that codes ``code``, possibly only with a particle or a complement."""

    code: str
    lemma: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    prep: str | None = None
    recipient: tuple[str, ...] = DEFAULT_RECIPIENT
    reciprocal: bool = False
    needs_recipient: bool = False
    needs_object: bool = False
    needs_actor: bool = False
    answers: tuple[str, ...] = ()
    reason: bool = False

    @property
    def specificity(self) -> int:
        """How much of the context the pattern pins down; the most specific match wins."""
        return (
            2 * bool(self.particle)
            + 3 * bool(self.objects)
            + bool(self.prep)
            + bool(self.reason)
            + (len(self.code) - 2)
        )


@dataclass(frozen=True, slots=True)
class NounPattern:
    """An event noun that codes ``code`` ("attack", "talks", "the killing of")."""

    code: str
    lemma: str
    patient: tuple[str, ...] = DEFAULT_PATIENT
    agent: tuple[str, ...] = ("by",)
    modifiers: frozenset[str] = frozenset()
    reciprocal: bool = False
    needs_verb: frozenset[str] = frozenset()
    answers: tuple[str, ...] = ()
    needs_answer: bool = False

    @property
    def specificity(self) -> int:
        return 3 * bool(self.modifiers) + (len(self.code) - 2)


@dataclass(frozen=True, slots=True)
class InstrumentPattern:
    """A weapon noun as subject of an impact verb: "rockets crashed into the city"."""

    code: str
    subjects: frozenset[str]
    verb: str
    recipient: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ControlFrame:
    """A verb family that takes an event complement ("agreed to meet" -> 036)."""

    name: str
    family: str
    codes: Mapping[str, str]

    def code_for(self, complement_code: str) -> str:
        """The sub-code for a complement: its 3-digit code, else its root, else the default."""
        for key in (complement_code[:3], complement_code[:2]):
            if key in self.codes:
                return self.codes[key]
        return self.codes.get("", self.family + "0")


@dataclass(frozen=True, slots=True)
class ModalityCues:
    """Words that make an event negated, future or hypothetical."""

    negators: frozenset[str]
    denial_verbs: frozenset[str]
    denial_phrasal: Mapping[str, str]
    negative_determiners: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    hypothetical_governors: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Every trigger, indexed by lemma. Built by :func:`load_lexicon`; passed, never global."""

    verbs: Mapping[str, tuple[VerbPattern, ...]]
    nouns: Mapping[str, tuple[NounPattern, ...]]
    instruments: Mapping[str, tuple[InstrumentPattern, ...]]
    control: Mapping[str, tuple[ControlFrame, ...]]
    light_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    relational_nouns: frozenset[str]
    object_control: frozenset[str]
    modality: ModalityCues
    #: Verbs whose "to" complement is the act itself, not a purpose ("decided to allow").
    decision_verbs: frozenset[str] = frozenset()
    #: What one calls someone to do on a telephone call ("called X to congratulate him").
    call_purposes: frozenset[str] = frozenset()
    #: The code of a telephone call whose purpose codes nothing (041).
    telephone_code: str | None = None
    #: Verbs of intent that put an act at another's service ("offered to dispatch soldiers"):
    #: never a threat, whatever the act.
    offer_verbs: frozenset[str] = frozenset()
    #: Light verbs by which one takes part in another's act ("joined the UN mission").
    joining_verbs: frozenset[str] = frozenset()
    #: Objects that make a verb of force figurative ("fight the epidemic").
    figurative_targets: frozenset[str] = frozenset()
    #: Subjects that make a verb of harm no one's act ("a fire killed ten").
    natural_causes: frozenset[str] = frozenset()
    #: Verbs of hope and the optimistic comment (013) a hoped-for act becomes.
    optimism_verbs: frozenset[str] = frozenset()
    optimism_code: str | None = None
    #: Verbs that claim one's own act ("claimed they had attacked"), and the code (015).
    responsibility_verbs: frozenset[str] = frozenset()
    responsibility_code: str | None = None
    sources: tuple[str, ...] = field(default=())
    #: The code of a sentence that only reports speech (CAMEO 010), if such are coded.
    statement_code: str | None = None
    #: User verb dictionaries (PETRARCH ``.verbs``): entries by every written form.
    user_verbs: Mapping[str, tuple[PetrarchVerb, ...]] = field(default_factory=dict)
    #: Synsets those dictionaries define, expanded to word tuples.
    user_synsets: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def user_verb_entries(self, form: str) -> tuple[PetrarchVerb, ...]:
        return self.user_verbs.get(form, ())

    def verb_patterns(self, lemma: str) -> tuple[VerbPattern, ...]:
        return self.verbs.get(lemma, ())

    def noun_patterns(self, lemma: str) -> tuple[NounPattern, ...]:
        return self.nouns.get(lemma, ())

    def control_frames(self, lemma: str) -> tuple[ControlFrame, ...]:
        return self.control.get(lemma, ())

    def family_frame(self, family: str) -> ControlFrame | None:
        """The control frame of a CAMEO family ("03" intent, "13" threaten), if any."""
        for frames in self.control.values():
            for frame in frames:
                if frame.family == family:
                    return frame
        return None

    def codes(self) -> frozenset[str]:
        """Every CAMEO code some trigger can produce (control families included)."""
        found = {p.code for ps in self.verbs.values() for p in ps}
        found |= {p.code for ps in self.nouns.values() for p in ps}
        found |= {p.code for ps in self.instruments.values() for p in ps}
        for frames in self.control.values():
            for frame in frames:
                found |= set(frame.codes.values())
        for code in (self.statement_code, self.telephone_code):
            if code:
                found.add(code)
        return frozenset(found)


# -- loading ---------------------------------------------------------------------------


def _words(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: expected a list of words, got {value!r}")
    return tuple(v.strip().lower() for v in value if v.strip())


def _code(entry: Mapping[str, Any], where: str) -> str:
    code = str(entry.get("code", "")).strip()
    if not (2 <= len(code) <= 4 and code.isdigit() and 1 <= int(code[:2]) <= 20):
        raise LexiconError(f"{where}: CAMEO code {code!r} is not 2-4 digits under 01-20")
    return code


def _entries(data: Any, source: str) -> list[Mapping[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise LexiconError(f"{source}: expected a list of entries")
    return data


def _verb_patterns(data: Any, source: str) -> list[VerbPattern]:
    patterns = []
    for n, entry in enumerate(_entries(data, source), start=1):
        where = f"{source}, entry {n}"
        code = _code(entry, where)
        particle = entry.get("particle")
        for lemma in _words(entry.get("lemmas"), where):
            patterns.append(
                VerbPattern(
                    code=code,
                    lemma=lemma,
                    particle=str(particle).lower() if particle else None,
                    objects=frozenset(_words(entry.get("objects"), where)),
                    prep=str(entry["prep"]).lower() if entry.get("prep") else None,
                    recipient=_words(entry.get("recipient"), where) or DEFAULT_RECIPIENT,
                    reciprocal=bool(entry.get("reciprocal", False)),
                    needs_recipient=bool(entry.get("needs_recipient", False)),
                    needs_object=bool(entry.get("needs_object", False)),
                    needs_actor=bool(entry.get("needs_actor", False)),
                    answers=_words(entry.get("answers"), where),
                    reason=bool(entry.get("reason", False)),
                )
            )
    return patterns


def _noun_patterns(data: Any, source: str) -> list[NounPattern]:
    patterns = []
    for n, entry in enumerate(_entries(data, source), start=1):
        where = f"{source}, entry {n}"
        code = _code(entry, where)
        for lemma in _words(entry.get("lemmas"), where):
            patterns.append(
                NounPattern(
                    code=code,
                    lemma=lemma,
                    patient=_words(entry.get("patient"), where) or DEFAULT_PATIENT,
                    agent=_words(entry.get("agent"), where) or ("by",),
                    modifiers=frozenset(_words(entry.get("modifiers"), where)),
                    reciprocal=bool(entry.get("reciprocal", False)),
                    needs_verb=frozenset(_words(entry.get("needs_verb"), where)),
                    answers=_words(entry.get("answers"), where),
                    needs_answer=bool(entry.get("needs_answer", False)),
                )
            )
    return patterns


def _index(patterns: Iterable[Any], key: str = "lemma") -> dict[str, tuple[Any, ...]]:
    index: dict[str, list[Any]] = {}
    for pattern in patterns:
        index.setdefault(getattr(pattern, key), []).append(pattern)
    # Most specific first, so the coder can stop at the first pattern that fits.
    return {
        k: tuple(sorted(v, key=lambda p: -getattr(p, "specificity", 0))) for k, v in index.items()
    }


def _frames(data: Any, source: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: expected a mapping")
    families = data.get("families") or {}
    control: dict[str, list[ControlFrame]] = {}
    for name, spec in (data.get("control") or {}).items():
        family = str(spec.get("family", "")).strip()
        if family not in families:
            raise LexiconError(f"{source}: control frame {name!r} has no family table {family!r}")
        codes = {str(k): str(v) for k, v in families[family].items()}
        frame = ControlFrame(name=str(name), family=family, codes=codes)
        for lemma in _words(spec.get("lemmas"), f"{source}, control {name}"):
            control.setdefault(lemma, []).append(frame)
    instruments: list[InstrumentPattern] = []
    for n, entry in enumerate(data.get("instruments") or [], start=1):
        where = f"{source}, instrument {n}"
        code = _code(entry, where)
        subjects = frozenset(_words(entry.get("subjects"), where))
        recipient = _words(entry.get("recipient"), where) or DEFAULT_RECIPIENT
        for verb in _words(entry.get("verbs"), where):
            instruments.append(InstrumentPattern(code, subjects, verb, recipient))
    return {
        "control": {k: tuple(v) for k, v in control.items()},
        "instruments": _index(instruments, key="verb"),
        "light_verbs": frozenset(_words(data.get("light_verbs"), source)),
        "joining_verbs": frozenset(_words(data.get("joining_verbs"), source)),
        "offer_verbs": frozenset(_words(data.get("offer_verbs"), source)),
        "speech_verbs": frozenset(_words(data.get("speech_verbs"), source)),
        "relational_nouns": frozenset(_words(data.get("relational_nouns"), source)),
        "object_control": frozenset(_words(data.get("object_control"), source)),
        "decision_verbs": frozenset(_words(data.get("decision_verbs"), source)),
        "figurative_targets": frozenset(_words(data.get("figurative_targets"), source)),
        "natural_causes": frozenset(_words(data.get("natural_causes"), source)),
        "call_purposes": frozenset(_words(data.get("call_purposes"), source)),
        "telephone_code": _code(data["telephone"], f"{source}, telephone")
        if data.get("telephone")
        else None,
        "optimism_verbs": frozenset(_words((data.get("optimism") or {}).get("lemmas"), source)),
        "optimism_code": _code(data["optimism"], f"{source}, optimism")
        if data.get("optimism")
        else None,
        "responsibility_verbs": frozenset(
            _words((data.get("responsibility") or {}).get("lemmas"), source)
        ),
        "responsibility_code": _code(data["responsibility"], f"{source}, responsibility")
        if data.get("responsibility")
        else None,
        "statement_code": _code(data["statement"], f"{source}, statement")
        if data.get("statement")
        else None,
    }


def _modality(data: Any, source: str) -> ModalityCues:
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: expected a mapping")

    def words(key: str) -> frozenset[str]:
        return frozenset(_words(data.get(key), f"{source}, {key}"))

    return ModalityCues(
        negators=words("negators"),
        denial_verbs=words("denial_verbs"),
        denial_phrasal={str(k): str(v) for k, v in (data.get("denial_phrasal") or {}).items()},
        negative_determiners=words("negative_determiners"),
        future_aux=words("future_aux"),
        future_governors=words("future_governors"),
        hypothetical_aux=words("hypothetical_aux"),
        conditional_marks=words("conditional_marks"),
        hypothetical_governors=words("hypothetical_governors"),
    )


def _read(directory: Path | None, name: str) -> tuple[Any, str]:
    if directory is not None:
        path = Path(directory) / name
        return yaml.safe_load(path.read_text(encoding="utf-8")), str(path)
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text), name


@functools.lru_cache(maxsize=4)
def _load(directory: Path | None) -> Lexicon:
    verbs, verbs_src = _read(directory, "verbs.yaml")
    nouns, nouns_src = _read(directory, "nouns.yaml")
    frames, frames_src = _read(directory, "frames.yaml")
    modality, modality_src = _read(directory, "modality.yaml")
    frame_parts = _frames(frames, frames_src)
    return Lexicon(
        verbs=_index(_verb_patterns(verbs, verbs_src)),
        nouns=_index(_noun_patterns(nouns, nouns_src)),
        modality=_modality(modality, modality_src),
        sources=(verbs_src, nouns_src, frames_src, modality_src),
        **frame_parts,
    )


def _with_user_verbs(base: Lexicon, verb_files: Iterable[str | Path], replace: bool) -> Lexicon:
    from .petrarch import read_verb_dictionary

    index: dict[str, list[PetrarchVerb]] = {}
    synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
    owner: dict[str, str] = {}
    sources = []
    for path in verb_files:
        dictionary = read_verb_dictionary(path)
        sources.append(dictionary.source)
        for name, members in dictionary.synsets.items():
            if name in synsets and synsets[name] != members:
                raise LexiconError(
                    f"{dictionary.source}: synset &{name} is also defined, differently, in "
                    f"{owner[name]}; rename one of them"
                )
            synsets[name] = members
            owner[name] = dictionary.source
        for key, verbs in dictionary.index.items():
            index.setdefault(key, []).extend(verbs)
    changes: dict[str, Any] = {
        "user_verbs": {k: tuple(v) for k, v in index.items()},
        "user_synsets": synsets,
        "sources": (*base.sources, *sources),
    }
    if replace:
        # Only the user's verbs code events; the parse helpers (light and speech verbs,
        # relational nouns, modality cues) stay, as they say how to read roles.
        changes.update(
            verbs={},
            nouns={},
            instruments={},
            control={},
            statement_code=None,
            responsibility_code=None,
            optimism_code=None,
            telephone_code=None,
        )
    return dataclasses.replace(base, **changes)


def load_lexicon(
    verb_files: Iterable[str | Path] = (),
    directory: Path | None = None,
    replace: bool = False,
) -> Lexicon:
    """Read the event lexicon (from the packaged files, or ``directory``), once per folder.

    ``verb_files`` are user verb dictionaries in PETRARCH ``.verbs`` format (see
    :mod:`flashpoint.kb.lexicon.petrarch`). Their entries are added to the built-in
    lexicon and win over it for the verbs they name; with ``replace`` only they code
    events (no built-in verb, noun or weapon trigger). A file that cannot be read raises
    :class:`~flashpoint.kb.lexicon.petrarch.VerbDictionaryError` (a :class:`LexiconError`).
    """
    base = _load(Path(directory) if directory is not None else None)
    files = tuple(verb_files)
    if not files:
        if replace:
            raise LexiconError(
                "replacing the built-in verbs needs at least one verb dictionary (verb_files)"
            )
        return base
    return _with_user_verbs(base, files, replace)
