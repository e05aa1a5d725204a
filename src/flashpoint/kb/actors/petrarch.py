"""Readers for PETRARCH ``.actors`` and ``.agents`` dictionaries.

The format, as PETRARCH reads it:

- comments: ``<!-- ... -->`` (possibly over several lines), lines starting with ``#`` and
  anything after a ``#`` on a line;
- phrases join words with spaces or underscores; a trailing underscore is dropped;
- actors: ``NAME [CODE]``; synonyms follow on lines starting with ``+``; the code may
  instead come on its own following line(s) ``[CODE]``, several of them dated:
  ``[CODE <YYMMDD]`` (before the date), ``[CODE >YYMMDD]`` (after it),
  ``[CODE YYYYMMDD-YYYYMMDD]`` (between them, inclusive); six-digit years up to 30 are
  20YY, later ones 19YY. ``[A/B]`` lists several codes; ``---``, ``+++`` and ``###`` are
  null codes (the name is known but codes as nothing);
- agents: ``PHRASE {PLURAL} [~SECTOR]``: ``~SECTOR`` is appended to the country found in
  context, ``CODE~`` goes in front of it; a regular plural is formed unless ``{}`` (none)
  or ``{FORM}`` (an irregular one) is given; ``!NAME! = A, B, C`` defines a substitution
  marker that ``PHRASE!NAME!`` expands, one phrase per item, without plurals.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import DatedCode

_NULL_CODES = {"---", "+++", "###", ""}
_DATE = re.compile(r"^\d{6}(\d{2})?$")


class DictionaryFormatError(ValueError):
    """A line of a PETRARCH dictionary could not be read."""


@dataclass(frozen=True)
class PetrarchActor:
    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]


@dataclass(frozen=True)
class PetrarchAgent:
    phrases: tuple[str, ...]
    code: str
    prefix: bool


def without_xml_comments(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) with ``<!-- ... -->`` comments removed, even across lines.

    PETRARCH dictionaries of every kind (actors, agents, verbs) comment this way."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line = line[line.index("-->") + 3 :]
            in_comment = False
        while "<!" in line:
            start = line.index("<!")
            end = line.find("-->", start)
            if end < 0:
                line = line[:start]
                in_comment = True
                break
            line = line[:start] + line[end + 3 :]
        yield number, line


def clean_lines(text: str) -> Iterator[str]:
    """Lines with comments removed, blank lines skipped; leading whitespace kept."""
    for _, line in without_xml_comments(text):
        if "#" in line:
            line = line[: line.index("#")]
        if line.strip():
            yield line.rstrip()


def phrase_words(phrase: str) -> str:
    """``UNITED_STATES_`` -> ``UNITED STATES``."""
    return " ".join(phrase.replace("_", " ").split())


def parse_date(text: str) -> dt.date:
    text = text.strip()
    if not _DATE.match(text):
        raise DictionaryFormatError(f"bad date {text!r} in a dated code (use YYMMDD or YYYYMMDD)")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return dt.date(year, month, day)


def parse_code_block(block: str) -> list[DatedCode]:
    """``HOBGOV 19950601 - 19990815`` -> one DatedCode; ``A/B`` -> two."""
    block = block.strip()
    if not block:
        return [DatedCode(None)]
    parts = block.split(None, 1)
    codes = [c.strip() for c in parts[0].split("/")]
    restriction = "".join(parts[1].split()) if len(parts) > 1 else ""
    start: dt.date | None = None
    end: dt.date | None = None
    if restriction.startswith("<"):
        end = parse_date(restriction[1:])
    elif restriction.startswith(">"):
        start = parse_date(restriction[1:]) + dt.timedelta(days=1)
    elif "-" in restriction:
        first, last = restriction.split("-", 1)
        start, end = parse_date(first), parse_date(last) + dt.timedelta(days=1)
    elif restriction:
        raise DictionaryFormatError(f"cannot read the date restriction in [{block}]")
    named = [None if c in _NULL_CODES else c.upper() for c in codes]
    joint = tuple(c for c in named if c) if len(named) > 1 else ()
    return [DatedCode(c, start, end, joint) for c in named]


def parse_actors(text: str) -> list[PetrarchActor]:
    """Read a PETRARCH ``.actors`` file's text."""
    actors: list[PetrarchActor] = []
    phrases: list[str] = []
    codes: list[DatedCode] = []

    def flush() -> None:
        if phrases:
            actors.append(PetrarchActor(tuple(phrases), tuple(codes)))

    for line in clean_lines(text):
        stripped = line.strip()
        if stripped.startswith("["):
            codes.extend(parse_code_block(stripped[1 : stripped.find("]")]))
        elif stripped.startswith("+"):
            name = phrase_words(stripped[1:])
            if name:
                phrases.append(name)
        else:
            flush()
            phrases, codes = [], []
            name, _, rest = stripped.partition("[")
            if rest:
                codes.extend(parse_code_block(rest[: rest.find("]")]))
            if phrase_words(name):
                phrases.append(phrase_words(name))
    flush()
    return actors


def plural(phrase: str) -> str:
    """PETRARCH's regular plural: -Y -> -IES, -S -> -SES, else -S (on the last word)."""
    if phrase.endswith(("Y", "y")) and phrase[-2:-1].lower() not in "aeiou":
        return phrase[:-1] + ("IES" if phrase[-1] == "Y" else "ies")
    if phrase.endswith(("S", "s")):
        return phrase + ("ES" if phrase[-1] == "S" else "es")
    return phrase + ("S" if phrase[-1:].isupper() else "s")


def parse_agents(text: str) -> list[PetrarchAgent]:
    """Read a PETRARCH ``.agents`` file's text."""
    markers: dict[str, list[str]] = {}
    agents: list[PetrarchAgent] = []
    for line in clean_lines(text):
        stripped = line.strip()
        if "!" in stripped and "=" in stripped and "[" not in stripped:
            name = stripped[stripped.index("!") + 1 : stripped.index("!", stripped.index("!") + 1)]
            markers[name] = [
                item.strip() for item in stripped.split("=", 1)[1].split(",") if item.strip()
            ]
            continue
        if "[" not in stripped:
            raise DictionaryFormatError(f"agent line without a [CODE]: {stripped!r}")
        head, _, rest = stripped.partition("[")
        raw_code = rest[: rest.find("]")].strip()
        prefix = raw_code.endswith("~")
        code = raw_code.strip("~").strip().upper()
        forms: list[str]
        if "!" in head:
            before, _, after = head.partition("!")
            name, _, tail = after.partition("!")
            if name not in markers:
                raise DictionaryFormatError(f"substitution marker !{name}! is not defined")
            forms = [before + item + tail for item in markers[name]]
        elif "{" in head:
            base = head[: head.index("{")]
            irregular = head[head.index("{") + 1 : head.index("}")].strip()
            forms = [base] + ([irregular] if irregular else [])
        else:
            forms = [head, plural(head.strip().rstrip("_"))]
        phrases = tuple(dict.fromkeys(phrase_words(f) for f in forms if phrase_words(f)))
        agents.append(PetrarchAgent(phrases, code, prefix))
    return agents
