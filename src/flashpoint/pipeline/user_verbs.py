"""Matching user verb dictionaries (PETRARCH ``.verbs``) on the dependency parse.

A dictionary verb matches a verb token by a form the file lists, or by lemma where the
token is spelled as an inflection of the verb (not "visites" for "visit"). Its
patterns are then tried, most specific first: the words after ``*`` against the verb's
right material (its objects, complements and prepositional phrases, in text order: the
verb's subtree to its right, without coordinated or adverbial clauses), the words before
``*`` against its left material (its subject, auxiliaries, negation and adverbs, and the
governing verbs it hangs from, with their subjects), outwards from the verb. Words joined
by ``_`` must be adjacent in the text; others may have words between them. ``$`` and
``+`` match a noun phrase that names an actor (the source and the target), ``%`` one that
conjoins several actors, ``^`` passes over the next (base) noun phrase. The first
pattern that fits gives the code; else the verb's own.

:func:`match_user_verb` is pure: it reads the parse and returns a :class:`UserVerbMatch`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..kb.lexicon.petrarch import PatternItem, PetrarchCode, PetrarchPattern, PetrarchVerb
from .lemmas import misinflected

#: Children whose subtree is another clause: not part of a verb's pattern material.
_OTHER_CLAUSE = frozenset({"advcl", "parataxis", "cc", "punct", "meta"})
_VERBAL = frozenset({"VERB", "AUX"})

ActorsAt = Callable[[Token], "list[Span]"]


@dataclass
class UserVerbMatch:
    """A dictionary verb found at a token, with what its pattern pinned down."""

    verb: PetrarchVerb
    code: PetrarchCode
    pattern: PetrarchPattern | None = None
    words: list[Token] = field(default_factory=list)  # multi-word verb parts, pattern words
    sources: list[Span] | None = None  # from "$"
    targets: list[Span] | None = None  # from "+"
    compound: str | None = None  # "before" | "after": the side a "%" matched
    compound_actors: list[Span] = field(default_factory=list)


def _other_clause(token: Token) -> bool:
    return token.dep_ in _OTHER_CLAUSE or (token.dep_ == "conj" and token.pos_ in _VERBAL)


def right_material(verb: Token) -> list[Token]:
    """The verb's subtree to its right, less coordinated and adverbial clauses."""
    found: list[Token] = []

    def walk(token: Token) -> None:
        for child in token.children:
            if (token == verb and child.i < verb.i) or _other_clause(child):
                continue
            found.append(child)
            walk(child)

    walk(verb)
    return sorted((t for t in found if t.i > verb.i), key=lambda t: t.i)


def left_material(verb: Token, depth: int = 6) -> list[Token]:
    """Tokens before the verb in its clause and the clauses it hangs from, nearest first."""
    found: set[int] = set()
    node = verb
    for _ in range(depth):
        for child in node.children:
            if child.i >= verb.i or _other_clause(child) or verb in child.subtree:
                continue
            found.update(t.i for t in child.subtree if t.i < verb.i)
        if node.head == node or _other_clause(node):
            break
        node = node.head
        if node.i < verb.i:
            found.add(node.i)
    doc = verb.doc
    return [doc[i] for i in sorted(found, reverse=True)]


class _Side:
    """Match one side's items against its material, outwards from the verb."""

    def __init__(
        self,
        verb: Token,
        items: Sequence[PatternItem],
        material: list[Token],
        step: int,
        synsets: Mapping[str, tuple[tuple[str, ...], ...]],
        actors_at: ActorsAt,
        anchor: int,
    ) -> None:
        self.verb = verb
        self.items = items
        self.material = material
        self.allowed = {t.i for t in material}
        self.step = step  # +1 to the right, -1 to the left
        self.synsets = synsets
        self.actors_at = actors_at
        self.anchor = anchor  # index of the verb word nearest this side
        self.doc = verb.doc
        self.chunks = {t.i: chunk for chunk in verb.sent.noun_chunks for t in chunk}

    def run(self) -> dict[str, object] | None:
        return self._match(0, 0, self.anchor, {"words": []})

    def _phrase_at(self, position: int, words: tuple[str, ...]) -> list[int] | None:
        """Doc indexes of ``words`` (written left to right) read outwards from position."""
        ordered = words if self.step > 0 else tuple(reversed(words))
        found = []
        for k, word in enumerate(ordered):
            i = position + k * self.step
            if i not in self.allowed or self.doc[i].lower_ != word:
                return None
            found.append(i)
        return found

    def _match(
        self, item_i: int, start: int, last: int, state: dict[str, object]
    ) -> dict[str, object] | None:
        if item_i == len(self.items):
            return state
        item = self.items[item_i]
        if item.kind == "skip":
            return self._skip_phrase(item_i, start, state)
        for m in range(start, len(self.material)):
            token = self.material[m]
            if item.joined and token.i != last + self.step:
                if (token.i - last) * self.step > 1:
                    break
                continue
            got = self._item_at(item, token)
            if got is None:
                continue
            indexes, extra = got
            end = max(indexes) if self.step > 0 else min(indexes)
            rest = m + 1
            while rest < len(self.material) and (self.material[rest].i - end) * self.step <= 0:
                rest += 1
            new_state = dict(state)
            new_state["words"] = [*state["words"], *indexes]  # type: ignore[misc]
            new_state.update(extra)
            result = self._match(item_i + 1, rest, end, new_state)
            if result is not None:
                return result
        return None

    def _skip_phrase(
        self, item_i: int, start: int, state: dict[str, object]
    ) -> dict[str, object] | None:
        """``^``: pass over the next noun phrase (a base one: "the envoys" of "the envoys
        of X"); the following items match beyond it."""
        for m in range(start, len(self.material)):
            chunk = self.chunks.get(self.material[m].i)
            if chunk is None:
                continue
            end = chunk.end - 1 if self.step > 0 else chunk.start
            rest = m + 1
            while rest < len(self.material) and (self.material[rest].i - end) * self.step <= 0:
                rest += 1
            return self._match(item_i + 1, rest, end, state)
        return None

    def _item_at(
        self, item: PatternItem, token: Token
    ) -> tuple[list[int], dict[str, object]] | None:
        if item.kind == "word":
            return ([token.i], {}) if token.lower_ == item.text else None
        if item.kind == "synset":
            for phrase in self.synsets.get(item.text, ()):
                indexes = self._phrase_at(token.i, phrase)
                if indexes is not None:
                    return indexes, {}
            return None
        actors = self.actors_at(token)
        if not actors:
            return None
        if item.kind == "compound":
            if len(actors) < 2:
                return None
            return [token.i], {"compound": actors}
        return [token.i], {item.kind: actors}  # source | target


def _verb_fits(verb: PetrarchVerb, token: Token) -> list[Token] | None:
    """The multi-word verb's other words around ``token``, or None when they are absent."""
    doc = token.doc
    words: list[Token] = []
    for k, word in enumerate(verb.before, start=1):
        i = token.i - k
        if i < token.sent.start or doc[i].lower_ != word:
            return None
        words.append(doc[i])
    for k, word in enumerate(verb.after, start=1):
        i = token.i + k
        if i < token.sent.end and doc[i].lower_ == word:
            words.append(doc[i])
            continue
        particle = [c for c in token.children if c.dep_ in ("prt", "prep", "advmod")]
        match = [c for c in particle if c.lower_ == word]
        if not match:
            return None
        words.append(match[0])
    return words


def candidates(token: Token, index: Mapping[str, tuple[PetrarchVerb, ...]]) -> list[PetrarchVerb]:
    """Dictionary verbs a token may be: by its form first, then by its lemma. A lemma
    does not stand for a form spelled as no inflection of the verb: the lemmatizer reads
    "visites" as "visit", which a dictionary of verb forms does not."""
    form = token.lower_
    seen: dict[int, PetrarchVerb] = {id(verb): verb for verb in index.get(form, ())}
    for verb in index.get(token.lemma_.lower(), ()):
        if form in verb.keys or not misinflected(form, verb.word):
            seen.setdefault(id(verb), verb)
    return list(seen.values())


def match_user_verb(
    token: Token,
    index: Mapping[str, tuple[PetrarchVerb, ...]],
    synsets: Mapping[str, tuple[tuple[str, ...], ...]],
    actors_at: ActorsAt,
) -> UserVerbMatch | None:
    """The dictionary verb at ``token`` and the code its best-fitting pattern gives."""
    fitting: list[tuple[tuple[int, int], PetrarchVerb, list[Token]]] = []
    for verb in candidates(token, index):
        words = _verb_fits(verb, token)
        if words is None:
            continue
        by_form = token.lower_ in verb.keys
        fitting.append(((len(words), int(by_form)), verb, words))
    if not fitting:
        return None
    fitting.sort(key=lambda f: f[0], reverse=True)
    _, verb, verb_words = fitting[0]
    right_anchor = max([token.i, *(w.i for w in verb_words)])
    left_anchor = min([token.i, *(w.i for w in verb_words)])
    used = {w.i for w in verb_words}
    right = [t for t in right_material(token) if t.i not in used]
    left = [t for t in left_material(token) if t.i not in used]
    patterns = sorted(enumerate(verb.patterns), key=lambda p: (-p[1].specificity, p[0]))
    for _, pattern in patterns:
        after = _Side(token, pattern.after, right, +1, synsets, actors_at, right_anchor).run()
        if after is None:
            continue
        before = _Side(token, pattern.before, left, -1, synsets, actors_at, left_anchor).run()
        if before is None:
            continue
        doc = token.doc
        match = UserVerbMatch(verb=verb, code=pattern.code, pattern=pattern)
        match.words = verb_words + [doc[i] for i in (*after["words"], *before["words"])]  # type: ignore[misc]
        for side_name, side in (("after", after), ("before", before)):
            if "source" in side:
                match.sources = side["source"]  # type: ignore[assignment]
            if "target" in side:
                match.targets = side["target"]  # type: ignore[assignment]
            if "compound" in side:
                match.compound = side_name
                match.compound_actors = side["compound"]  # type: ignore[assignment]
        return match
    return UserVerbMatch(verb=verb, code=verb.code, words=verb_words)
