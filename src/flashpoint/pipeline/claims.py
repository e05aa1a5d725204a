"""Claims: assertions attributed to a claimant, with a normalised subject and quantity.

A claim is read wherever a reporting verb (``cues.yaml``: say, claim, deny, believe,
report, find, ...) with a subject takes a clause of its own (``X has claimed that ...``,
``officials say they ...``), where a clause is introduced by "according to X" (the
claimant is X, the claim is the rest of the sentence), and where a parenthetical cue
interrupts the clause (``The economy, she said, is strong``). Reported speech without
quotation marks is always a claim: the words are the reporter's, not the speaker's.

For each claim:

- ``subject``: the first subject of ``subjects.yaml`` one of whose words is in the clause
  (deaths, injuries, casualties, arrests, damage, responsibility, warning, ...), else
  ``"other"``;
- ``quantity``: a count in the clause that quantifies the subject (``12 people were
  killed``, ``dozens of personnel died``, ``no casualties``), as a min/max range after the
  modifiers and vague words of ``quantities.yaml`` (``at least 12`` -> 12..None, ``dozens``
  -> 24..99, ``no`` -> 0..0); the unit is the counted noun;
- ``polarity``: ``negative`` when the cue denies the clause (``denied that any soldiers
  were killed``) or the clause's own verb is negated and carries no count; a numeric
  claim carries its count instead, so ``there were no casualties`` is positive with 0..0;
- ``scope``: the event noun the sentence names (``the strike``), with the place of the
  sentence where there is one (``strike in Baghdad``), else the place alone, else None.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ..kb.statements import StatementKB, Subject
from ..records import Actor, Quantity
from .quotes import SpeakerContext, speaker_actor, subject_of
from .spans import doc_text

_EXPLETIVE = frozenset({"it", "there"})
_NON_COUNT_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})
_NUMERAL = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass
class ClaimMatch:
    """A claim before ids are given: the clause, its claimant and cue, what it says."""

    start: int
    end: int
    claimant: Actor | None
    cue: Token
    subject: str
    quantity: Quantity | None
    polarity: str
    scope: str | None


def _span_of(tokens: list[Token]) -> tuple[int, int] | None:
    words = [t for t in tokens if not t.is_space]
    while words and words[0].is_punct and words[0].text not in ("\u201c", '"'):
        words = words[1:]
    while words and words[-1].is_punct and words[-1].text not in ("\u201d", '"', "."):
        words = words[:-1]
    if words and words[-1].text == ".":
        words = words[:-1]
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


class ClaimFinder:
    """Finds the claims of one doc."""

    def __init__(self, kb: StatementKB) -> None:
        self.kb = kb

    def find(
        self,
        doc: Doc,
        skip_tokens: set[int],
        context: SpeakerContext,
        skip_cues: set[int],
        quoting_cues: set[int] = frozenset(),  # type: ignore[assignment]
    ) -> list[ClaimMatch]:
        """Claims in text order. ``skip_tokens`` are tokens not to read claims from (quoted
        words, masked text); ``skip_cues`` are cue verbs already used by a full quote;
        ``quoting_cues`` are verbs that govern partial quotes: for these, what the verb
        says of its object is a claim even without a clause (``X called Y a "disgrace"``)."""
        found: list[ClaimMatch] = []
        for tok in self._cue_words(doc):
            if tok.i in skip_tokens:
                continue
            clause: tuple[int, int] | None = None
            claimant_token: Token | None = None
            if tok.pos_ in ("VERB", "AUX") and (
                tok.lemma_.lower() in self.kb.reporting or tok.lemma_.lower() in self.kb.denial
            ):
                if tok.i in skip_cues:
                    continue
                clause = self._clause_of(tok, skip_tokens)
                if clause is None and tok.i in quoting_cues:
                    clause = _object_clause(tok)
                claimant_token = subject_of(tok)
            elif tok.lower_ == "according":
                clause, claimant_token = self._according(tok, skip_tokens)
            if clause is None or claimant_token is None:
                continue
            if "\n" in doc_text(doc)[min(clause[0], tok.idx) : max(clause[1], tok.idx)].strip():
                continue  # a misparse joining two paragraphs
            if claimant_token.lower_ in _EXPLETIVE:
                continue
            if (
                any(c.dep_ == "neg" for c in tok.children)
                and tok.lemma_.lower() not in self.kb.denial
            ):
                continue  # "did not say that ..." reports no claim
            claimant = speaker_actor(claimant_token, context)
            context.remember(claimant)
            found.append(self._describe(doc, tok, clause, claimant))
        return found

    def _cue_words(self, doc: Doc) -> list[Token]:
        """The tokens that may open a claim: a verb of reporting or denial, or "according".
        Read from the doc's arrays, so that no Token is made for the other words."""
        strings = doc.vocab.strings
        cues = self.kb.reporting | self.kb.denial
        lowered: dict[int, str] = {}
        found = []
        for i, (pos, lemma, lower) in enumerate(doc.to_array([POS, LEMMA, LOWER]).tolist()):
            if pos in (VERB, AUX):
                if lemma not in lowered:
                    lowered[lemma] = strings[lemma].lower()
                if lowered[lemma] in cues:
                    found.append(doc[i])
                    continue
            if strings[lower] == "according":
                found.append(doc[i])
        return found

    # -- where the clause is -------------------------------------------------------------

    def _clause_of(self, verb: Token, skip_tokens: set[int]) -> tuple[int, int] | None:
        for child in verb.children:
            if child.dep_ == "ccomp":
                tokens = [t for t in child.subtree if t.i not in skip_tokens]
                if len([t for t in tokens if not t.is_punct]) < 2:
                    return None
                tokens = list(child.subtree)
                if child.i > verb.i:
                    # "X said A and B": what follows the clause in the sentence is reported too.
                    # A later reporting verb starts a claim of its own.
                    for later in (c for c in verb.rights if c.i > child.i):
                        if later.dep_ == "conj" and later.lemma_.lower() in self.kb.reporting:
                            while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                                tokens.pop()
                            break
                        tokens += list(later.subtree)
                return _span_of(tokens)
        if verb.dep_ == "parataxis" and verb.head != verb:
            # "The economy, she said, is strong": the clause is the verb's head.
            head = verb.head
            own = {t.i for t in verb.subtree}
            tokens = [t for t in head.subtree if t.i not in own and t.i not in skip_tokens]
            if len([t for t in tokens if not t.is_punct]) < 3:
                return None
            return _span_of(tokens)
        return None

    def _according(
        self, tok: Token, skip_tokens: set[int]
    ) -> tuple[tuple[int, int] | None, Token | None]:
        doc = tok.doc
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            return None, None
        source = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        if source is None or tok.head is tok:
            return None, None
        own = {t.i for t in tok.subtree} | {t.i for t in doc[tok.i + 1].subtree}
        head = tok.head
        while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head != head:
            head = head.head
        tokens = [t for t in head.subtree if t.i not in own and t.i not in skip_tokens]
        sentence = tok.sent
        tokens = [t for t in tokens if sentence.start <= t.i < sentence.end]
        if len([t for t in tokens if not t.is_punct]) < 3:
            return None, None
        # The clause is the stretch on one side of the cue, never both.
        before = [t for t in tokens if t.i < tok.i]
        after = [t for t in tokens if t.i > tok.i]
        side = after if len(after) >= len(before) else before
        return _span_of(side), source

    # -- what the clause says ------------------------------------------------------------

    def _describe(
        self, doc: Doc, cue: Token, clause: tuple[int, int], claimant: Actor
    ) -> ClaimMatch:
        span = doc.char_span(clause[0], clause[1], alignment_mode="expand")
        tokens: list[Token] = list(span) if span is not None else []
        subject = self._subject(tokens)
        denial = cue.lemma_.lower() in self.kb.denial
        negated = any(t.dep_ == "neg" and t.head.dep_ in ("ccomp", "ROOT") for t in tokens)
        quantity = self._quantity(tokens, subject, negated and not denial)
        if quantity is None and negated and not denial:
            polarity = "negative"
        else:
            polarity = "negative" if denial else "positive"
        return ClaimMatch(
            start=clause[0],
            end=clause[1],
            claimant=claimant,
            cue=cue,
            subject=subject.name if subject else "other",
            quantity=quantity,
            polarity=polarity,
            scope=self._scope(doc, cue, tokens),
        )

    def _subject(self, tokens: list[Token]) -> Subject | None:
        lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
        for subject in self.kb.subjects:
            if subject.words & lemmas:
                return subject
        return None

    def _quantity(
        self, tokens: list[Token], subject: Subject | None, negated: bool
    ) -> Quantity | None:
        if subject is None:
            return None
        words = subject.words
        for i, tok in enumerate(tokens):
            if tok.ent_type_ in _NON_COUNT_ENTS:
                continue
            read = self._count_at(tokens, i, negated)
            if read is None:
                continue
            low, high, length = read
            counted = tokens[i + length - 1]
            noun = (
                counted.head
                if counted.dep_ in ("nummod", "det", "amod", "quantmod", "compound")
                else counted
            )
            if not _relates(noun, words):
                continue
            low, high = self._modified(tokens, i, low, high)
            return Quantity(min=low, max=high, unit=_unit(noun, subject, self.kb))
        return None

    def _count_at(
        self, tokens: list[Token], i: int, negated: bool
    ) -> tuple[float | None, float | None, int] | None:
        """The count that starts at ``tokens[i]``: (min, max, number of tokens), or None."""
        for size in (3, 2, 1):
            phrase = " ".join(t.lower_ for t in tokens[i : i + size])
            if len(tokens[i : i + size]) < size:
                continue
            if phrase in self.kb.vague:
                if phrase == "any" and not negated:
                    return None
                if phrase == "some":
                    continue
                low, high = self.kb.vague[phrase]
                return low, high, size
        tok = tokens[i]
        value: float | None = None
        if _NUMERAL.match(tok.text):
            value = float(tok.text.replace(",", ""))
        elif tok.lower_ in self.kb.numbers:
            value = self.kb.numbers[tok.lower_]
        if value is None:
            return None
        length = 1
        # "twelve hundred", "3 million"
        while i + length < len(tokens) and tokens[i + length].lower_ in self.kb.numbers:
            value *= self.kb.numbers[tokens[i + length].lower_]
            length += 1
        return value, value, length

    def _modified(
        self, tokens: list[Token], i: int, low: float | None, high: float | None
    ) -> tuple[float | None, float | None]:
        if low is None or low != high:
            return low, high
        n = low
        for size in (3, 2, 1):
            if i - size < 0:
                continue
            phrase = " ".join(t.lower_ for t in tokens[i - size : i])
            bounds = self.kb.modifiers.get(phrase)
            if bounds is not None:
                lo, hi = bounds
                new_low = None if lo is None else round(lo.apply(n))
                new_high = None if hi is None else round(hi.apply(n))
                return new_low, new_high
        return low, high

    def _scope(self, doc: Doc, cue: Token, tokens: list[Token]) -> str | None:
        sentence = cue.sent
        noun = next(
            (
                t.lemma_.lower()
                for t in itertools.chain(tokens, sentence)
                if t.pos_ == "NOUN" and t.lemma_.lower() in self.kb.scope_nouns
            ),
            None,
        )
        place = next(
            (
                s._.fp_place.name
                for s in doc._.fp_places
                if s._.fp_place is not None and sentence.start <= s.start < sentence.end
            ),
            None,
        )
        if noun and place:
            return f"{noun} in {place}"
        return noun or place


def _object_clause(verb: Token) -> tuple[int, int] | None:
    """What a verb says of its object: everything it governs after it in the sentence."""
    tokens = [t for c in verb.rights if c.dep_ != "punct" for t in c.subtree]
    return _span_of(tokens)


def _relates(noun: Token, words: frozenset[str]) -> bool:
    """True when the counted noun is the subject's own word or is an argument of one."""
    chain = [noun, noun.head, noun.head.head]
    for child in noun.children:
        if child.dep_ == "prep":
            chain.extend(c for c in child.children if c.dep_ == "pobj")
    return any(t.lemma_.lower() in words or t.lower_ in words for t in chain)


def _unit(noun: Token, subject: Subject, kb: StatementKB) -> str | None:
    """The counted thing as written (``U.S. personnel``), else the subject's unit."""
    target: Token | None = None
    if noun.pos_ in ("NOUN", "PROPN") and noun.lower_ not in kb.vague:
        target = noun
    else:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
    if target is None:
        return subject.unit
    left = target.i
    for child in target.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):
            left = min(left, child.left_edge.i)
    return Span(target.doc, left, target.i + 1).text
