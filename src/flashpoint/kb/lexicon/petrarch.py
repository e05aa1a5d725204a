"""Reader for PETRARCH ``.verbs`` dictionaries.

The format, as PETRARCH reads it:

- comments: ``<!-- ... -->`` (possibly over several lines), lines starting with ``#`` and
  anything after a ``#`` on a line (outside a ``[CODE]``: ``[###]`` is a code);
- synsets: ``&NAME`` on a line of its own, then one ``+PHRASE`` line per member; a member
  may name another synset (``+&OTHER``); a trailing underscore on a name is dropped;
- verb blocks: a header ``--- VERB [CODE] ---`` (the closing dashes are optional), then
  synonym lines and pattern lines. A synonym line is a verb, or a multi-word verb whose
  verb word is marked with ``+`` (``WIRE_+TAP``; without a ``+`` the first word is the
  verb), optionally with its own ``[CODE]`` and with its inflected forms in braces
  (``BREAK {BROKE BROKEN}``). The header's verb is the block's first synonym;
- patterns: ``- WORDS [CODE]``. ``*`` marks the verb, ``$`` the source and ``+`` the
  target noun phrase, ``%`` a compound (conjoined) actor, ``^`` a skipped noun phrase,
  ``&NAME`` any member of a synset. Words separated by ``_`` must be adjacent in the
  text; words separated by spaces may have other words between them;
- codes: ``[042]``; ``[032:033]`` codes the source-to-target event with the first code
  and the target-to-source one with the second; ``[---]``, ``[+++]`` and ``[###]`` are
  null codes: what matches is known, and is not coded. Codes are kept as written (many
  dictionaries use codes outside CAMEO); a trailing ``?`` (an editor's doubt) is dropped.
  A header with a second ``[CODE]`` keeps the first, as PETRARCH does.

:func:`read_verb_dictionary` returns a :class:`VerbDictionary`; a line it cannot read
raises :class:`VerbDictionaryError` naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..actors.petrarch import without_xml_comments
from . import LexiconError

__all__ = [
    "PatternItem",
    "PetrarchCode",
    "PetrarchPattern",
    "PetrarchVerb",
    "VerbDictionary",
    "VerbDictionaryError",
    "parse_verb_dictionary",
    "read_verb_dictionary",
]

NULL_CODES = frozenset({"---", "+++", "###"})
MARKERS = {"*": "verb", "$": "source", "+": "target", "%": "compound", "^": "skip"}
_CODE = re.compile(r"^[0-9A-Za-z]{1,8}$")
_HEADER = re.compile(r"^---\s*(?P<verb>[^\[]*?)\s*\[(?P<code>[^\]]*)\](?P<rest>.*)$")


class VerbDictionaryError(LexiconError):
    """A line of a PETRARCH verb dictionary could not be read."""


@dataclass(frozen=True, slots=True)
class PetrarchCode:
    """What a verb or pattern codes: ``code`` source -> target, and ``reverse`` (from a
    ``[A:B]`` pair) target -> source. ``code`` None is a null code: do not code."""

    code: str | None
    reverse: str | None = None

    @property
    def is_null(self) -> bool:
        return self.code is None


@dataclass(frozen=True, slots=True)
class PatternItem:
    """One element of a pattern: a word, a synset, or a marker (source, target, ...).

    ``joined`` is True when the item is written joined to the previous one by ``_`` (the
    two must be adjacent in the text); for the words before the verb, "previous" is the
    item nearer to the verb.
    """

    kind: str  # word | synset | source | target | compound | skip
    text: str = ""
    joined: bool = False


@dataclass(frozen=True, slots=True)
class PetrarchPattern:
    """``- BEFORE * AFTER [CODE]``: ``before`` is listed from the verb outwards."""

    before: tuple[PatternItem, ...]
    after: tuple[PatternItem, ...]
    code: PetrarchCode
    line: int

    @property
    def specificity(self) -> int:
        """Words and markers the pattern pins down; the most specific match wins."""
        return sum(1 for item in (*self.before, *self.after) if item.kind != "skip")


@dataclass(frozen=True, slots=True)
class PetrarchVerb:
    """One verb of a block: its verb word, words written before/after it, and forms."""

    word: str
    forms: tuple[str, ...]
    before: tuple[str, ...]  # adjacent words before the verb word, nearest first
    after: tuple[str, ...]  # adjacent words after it (a particle: "down", "off")
    code: PetrarchCode
    patterns: tuple[PetrarchPattern, ...]
    block: str
    line: int

    @property
    def keys(self) -> tuple[str, ...]:
        """Every form a token may take to be this verb (lower case)."""
        return tuple(dict.fromkeys((self.word, *self.forms)))


@dataclass(frozen=True)
class VerbDictionary:
    """A parsed ``.verbs`` file: verbs indexed by every form, synsets expanded."""

    verbs: tuple[PetrarchVerb, ...]
    synsets: Mapping[str, tuple[tuple[str, ...], ...]]
    source: str
    index: Mapping[str, tuple[PetrarchVerb, ...]] = field(default_factory=dict)

    def lookup(self, form: str) -> tuple[PetrarchVerb, ...]:
        return self.index.get(form.lower(), ())


# -- lines -----------------------------------------------------------------------------


def _clean_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) with comments removed and blank lines skipped."""
    for number, line in without_xml_comments(text):
        line = line[: _comment_start(line)]
        if line.strip():
            yield number, line.strip()


def _comment_start(line: str) -> int:
    """Where a ``#`` comment starts; a ``#`` inside ``[...]`` is a code (``[###]``)."""
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char == "#" and depth == 0:
            return i
    return len(line)


def _words(phrase: str) -> tuple[str, ...]:
    """``GOLDEN_GOBLIN_GALLEONS`` -> ``("golden", "goblin", "galleons")``."""
    return tuple(w.lower() for w in phrase.replace("_", " ").split())


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.raw_synsets: dict[str, list[tuple[int, str]]] = {}
        self.verbs: list[PetrarchVerb] = []
        # the block being read
        self.block: str | None = None
        self.block_line = 0
        self.block_code = PetrarchCode(None)
        self.synonyms: list[tuple[int, str, PetrarchCode | None]] = []
        self.patterns: list[PetrarchPattern] = []
        self.synset: str | None = None

    def fail(self, line: int, problem: str) -> VerbDictionaryError:
        return VerbDictionaryError(f"{self.source}, line {line}: {problem}")

    # codes ---------------------------------------------------------------------------

    def code(self, line: int, text: str) -> PetrarchCode:
        raw = text.strip()
        if not raw:
            raise self.fail(line, "empty [] code (write a code, or [---] for 'do not code')")
        parts = [p.strip().rstrip("?") for p in raw.split(":")]
        if len(parts) > 2:
            raise self.fail(line, f"code [{raw}] has more than two parts")
        codes: list[str | None] = []
        for part in parts:
            if part in NULL_CODES:
                codes.append(None)
            elif _CODE.match(part):
                codes.append(part)
            else:
                raise self.fail(line, f"cannot read the code [{raw}]")
        if codes[0] is None:
            return PetrarchCode(None)
        return PetrarchCode(codes[0], codes[1] if len(codes) > 1 else None)

    def bracket(self, line: int, text: str) -> tuple[str, PetrarchCode | None]:
        """Split ``WORDS [CODE]`` into the words and the code (None when absent)."""
        if "[" not in text:
            if "]" in text:
                raise self.fail(line, f"']' without '[' in {text!r}")
            return text, None
        head, _, rest = text.partition("[")
        if "]" not in rest:
            raise self.fail(line, f"unclosed '[' in {text!r}")
        inner, _, tail = rest.partition("]")
        if tail.strip():
            raise self.fail(line, f"unexpected text {tail.strip()!r} after the code")
        return head.strip(), self.code(line, inner)

    # blocks --------------------------------------------------------------------------

    def flush(self) -> None:
        if self.block is None:
            return
        patterns = tuple(self.patterns)
        synonyms = self.synonyms or [(self.block_line, self.block, None)]
        for line, text, code in synonyms:
            for word, forms, before, after in self.synonym(line, text):
                self.verbs.append(
                    PetrarchVerb(
                        word=word,
                        forms=forms,
                        before=before,
                        after=after,
                        code=code if code is not None else self.block_code,
                        patterns=patterns,
                        block=self.block,
                        line=line,
                    )
                )
        self.block, self.synonyms, self.patterns = None, [], []

    def synonym(
        self, line: int, text: str
    ) -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
        """``WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}`` -> verb word, forms, before, after."""
        forms_text = ""
        if "{" in text or "}" in text:
            if text.count("{") != 1 or text.count("}") != 1 or text.index("{") > text.index("}"):
                raise self.fail(line, f"unbalanced braces in {text!r}")
            start, end = text.index("{"), text.index("}")
            if text[end + 1 :].strip():
                raise self.fail(line, f"unexpected text after the verb forms in {text!r}")
            forms_text = text[start + 1 : end]
            text = text[:start]
        word, before, after = self.split_verb(line, text)
        forms = []
        for form in forms_text.split():
            form_word, _, _ = self.split_verb(line, form)
            forms.append(form_word)
        yield word, tuple(dict.fromkeys(forms)), before, after

    def split_verb(self, line: int, text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        tokens = text.replace("_", " ").split()
        if not tokens:
            raise self.fail(line, "a verb line without a verb")
        marked = [i for i, t in enumerate(tokens) if t.startswith("+")]
        if len(marked) > 1:
            raise self.fail(line, f"more than one '+' verb word in {text!r}")
        at = marked[0] if marked else 0
        words = [t.lstrip("+").lower() for t in tokens]
        if not all(words):
            raise self.fail(line, f"a lone '+' in the verb {text!r}")
        return words[at], tuple(reversed(words[:at])), tuple(words[at + 1 :])

    def header(self, line: int, text: str) -> None:
        self.flush()
        self.synset = None
        match = _HEADER.match(text)
        if match is None:
            raise self.fail(line, f"a verb block header needs '--- VERB [CODE] ---', got {text!r}")
        verb = match.group("verb").strip()
        if not verb:
            raise self.fail(line, "a verb block header without a verb")
        # "--- DELAY [120] [031:031] ---": PETRARCH keeps the first code.
        rest = match.group("rest").strip().rstrip("-").strip()
        if rest and not re.fullmatch(r"(\[[^\]]*\]\s*)*", rest):
            raise self.fail(line, f"unexpected text {rest!r} in the verb block header")
        self.block = verb
        self.block_line = line
        self.block_code = self.code(line, match.group("code"))

    def pattern(self, line: int, text: str) -> None:
        if self.block is None:
            raise self.fail(line, "a pattern line before any '--- VERB [CODE] ---' header")
        body, code = self.bracket(line, text[1:])
        if code is None:
            raise self.fail(line, f"pattern {text!r} has no [CODE]")
        items: list[PatternItem] = []
        verb_at = None
        for chunk in body.split():
            pieces = [p for p in re.split(r"(_)", chunk) if p]
            joined = False
            for piece in pieces:
                if piece == "_":
                    joined = True
                    continue
                if piece in MARKERS:
                    kind = MARKERS[piece]
                    if kind == "verb":
                        if verb_at is not None:
                            raise self.fail(line, f"pattern {text!r} has more than one '*'")
                        verb_at = len(items)
                    items.append(PatternItem(kind, "", joined))
                elif piece.startswith("&"):
                    name = piece[1:].rstrip("_").upper()
                    if not name:
                        raise self.fail(line, f"a '&' without a synset name in {text!r}")
                    items.append(PatternItem("synset", name, joined))
                else:
                    items.append(PatternItem("word", piece.lower(), joined))
                joined = False
        if verb_at is None:
            raise self.fail(line, f"pattern {text!r} has no '*' for the verb")
        before = items[:verb_at]
        after = items[verb_at + 1 :]
        # The verb's own "joined" flag says the nearest word before it is adjacent.
        verb_joined = items[verb_at].joined
        near_first: list[PatternItem] = []
        for i in range(len(before) - 1, -1, -1):
            link = verb_joined if i == len(before) - 1 else before[i + 1].joined
            near_first.append(PatternItem(before[i].kind, before[i].text, link))
        self.patterns.append(PetrarchPattern(tuple(near_first), tuple(after), code, line))

    def read(self, text: str) -> None:
        for line, stripped in _clean_lines(text):
            if stripped.startswith("---"):
                self.header(line, stripped)
            elif stripped.startswith("&"):
                self.flush()
                name = stripped[1:].strip().rstrip("_").upper()
                if not name or " " in name:
                    raise self.fail(line, f"a synset name must be one word, got {stripped!r}")
                if name in self.raw_synsets:
                    raise self.fail(line, f"synset &{name} is defined twice")
                self.raw_synsets[name] = []
                self.synset = name
            elif stripped.startswith("-"):
                self.synset = None
                self.pattern(line, stripped)
            elif self.synset is not None and self.block is None:
                if not stripped.startswith("+") or not stripped[1:].strip():
                    raise self.fail(line, f"synset &{self.synset} members start with '+'")
                self.raw_synsets[self.synset].append((line, stripped[1:].strip()))
            elif self.block is not None:
                words, code = self.bracket(line, stripped)
                if not words:
                    raise self.fail(line, f"a code without a verb: {stripped!r}")
                self.synonyms.append((line, words, code))
            else:
                raise self.fail(line, f"{stripped!r} is outside any verb block or synset")
        self.flush()

    def expand(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        done: dict[str, tuple[tuple[str, ...], ...]] = {}

        def members(name: str, line: int, stack: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
            if name in done:
                return done[name]
            if name in stack:
                raise self.fail(line, f"synset &{name} contains itself")
            if name not in self.raw_synsets:
                raise self.fail(line, f"synset &{name} is not defined")
            found: list[tuple[str, ...]] = []
            for member_line, member in self.raw_synsets[name]:
                if member.startswith("&"):
                    inner = member[1:].rstrip("_").upper()
                    found.extend(members(inner, member_line, (*stack, name)))
                elif "&" in member:
                    raise self.fail(
                        member_line, f"a synset inside a phrase is not supported: {member!r}"
                    )
                else:
                    found.append(_words(member))
            done[name] = tuple(dict.fromkeys(found))
            return done[name]

        for name in self.raw_synsets:
            members(name, 0, ())
        for verb in self.verbs:
            for pattern in verb.patterns:
                for item in (*pattern.before, *pattern.after):
                    if item.kind == "synset" and item.text not in done:
                        raise self.fail(pattern.line, f"synset &{item.text} is not defined")
        return done


def parse_verb_dictionary(text: str, source: str = "<verbs>") -> VerbDictionary:
    """Read the text of a PETRARCH ``.verbs`` file; ``source`` names it in errors."""
    reader = _Reader(source)
    reader.read(text)
    synsets = reader.expand()
    index: dict[str, list[PetrarchVerb]] = {}
    for verb in reader.verbs:
        for key in verb.keys:
            index.setdefault(key, []).append(verb)
    return VerbDictionary(
        verbs=tuple(reader.verbs),
        synsets=synsets,
        source=source,
        index={k: tuple(v) for k, v in index.items()},
    )


def read_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Read a PETRARCH ``.verbs`` file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise VerbDictionaryError(f"{path}: cannot read the verb dictionary ({err})") from err
    return parse_verb_dictionary(text, str(path))
