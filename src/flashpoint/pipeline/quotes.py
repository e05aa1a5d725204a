"""Direct quotes: quotation marks found over the text, attributed through the parse.

Finding the marks (:func:`find_quote_marks`) is a scan over the characters:

- curly double marks pair up ``“`` ... ``”``; a straight ``"`` opens where it follows a
  space, a paragraph start or an opening bracket, and closes otherwise;
- single marks (``‘ ’`` and ``'``) count as quotation only outside double quotes, when the
  opening one starts a word and the closing one ends a word in the same paragraph, so the
  apostrophes of "it’s" and "O’Toole" are never taken for quotation marks;
- a quote still open at a paragraph end continues when the next paragraph opens with a
  mark (the news convention for a quote running over paragraphs); otherwise it ends there.

Attribution (:func:`attribute_quotes`) looks for a cue next to each quote:

1. after it, in the same sentence: ``"...," X said.`` / ``"...," said X.`` /
   ``"...," X told reporters.`` (a speech verb with no clause of its own);
2. before it: ``X said: "..."`` / ``X said, "..."`` (also a colon ending the previous
   paragraph);
3. around it, when the quote sits inside a reported clause: ``X told supporters that the
   army had "crushed" the rebels "once and for all."`` gives partial quotes attributed to X;
4. a quote with no cue of its own that directly follows an attributed quote of the same or
   the previous paragraph continues it (same speaker).

A quote split around its cue (``"A," X said. "B."`` or ``"A," X said, "B."``) is one
:class:`Quote`: ``start``/``end`` run from the first part to the last, ``text`` is the quoted
words of the parts joined by a space (the cue clause between them is left out). A short
quote that no cue governs (a scare quote, a title) is not a statement and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..kb.statements import StatementKB
from ..records import Actor, ActorKind, Channel
from .spans import actor_span_at, doc_text

OPEN_DOUBLE = "\u201c"
CLOSE_DOUBLE = "\u201d"
OPEN_SINGLE = "\u2018"
CLOSE_SINGLE = "\u2019"
DASHES = frozenset({"\u2015", "\u2014", "\u2013", "--"})
QUOTE_CHARS = frozenset("\"\u201c\u201d\u2018\u2019'")
_OPENERS_BEFORE = frozenset(" \t\n([{\u2014\u2013-/")
_MAX_SINGLE = 300
#: The characters the scan for quotations acts on; it passes over every other at once.
_SCANNED = re.compile("[\n" + "".join(sorted(QUOTE_CHARS)) + "]")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "it"})
# What may stand between two parts of one quote with no cue between them.
_JOINERS = frozenset({"", "and", "but", "or", "and that", "but that", "adding", "and added"})
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
_CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "advcl", "conj", "parataxis", "dative"}
)
RELATIVE = frozenset({"who", "that", "which"})
_SPEAKER_DEPS = ("nsubj", "nsubjpass")
_ENT_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "state",
    "NORP": "group",
}


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """One quotation: the marks at ``open`` and ``close`` (``close`` may be a paragraph end
    where the closing mark is missing), the quoted words between them."""

    open: int
    close: int
    inner_start: int
    inner_end: int
    single: bool = False


@dataclass
class Attribution:
    """What :func:`attribute_quotes` decided for a run of quote parts."""

    parts: list[QuoteMarks]
    speaker: Actor | None
    cue: Token | None
    cue_text: str | None
    cue_start: int | None
    cue_end: int | None
    channel: Channel
    partial: bool
    how: str

    @property
    def start(self) -> int:
        return self.parts[0].inner_start

    @property
    def end(self) -> int:
        return self.parts[-1].inner_end


def _inside(ranges: Iterable[tuple[int, int]], pos: int) -> bool:
    return any(start <= pos < end for start, end in ranges)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and the comma that closes a quote before its cue (``"...," he said``)."""
    while start < end and (text[start].isspace() or text[start] in QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;" + "".join(QUOTE_CHARS)):
        end -= 1
    return start, end


def find_quote_marks(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[QuoteMarks]:
    """Every quotation in ``text`` outside the ``skip`` ranges, in text order."""
    skip = list(skip)
    found: list[QuoteMarks] = []
    double_open: int | None = None
    single_open: int | None = None
    i, n = 0, len(text)

    def emit(open_at: int, close_at: int, single: bool) -> None:
        start, end = _trim(text, open_at + 1, close_at)
        if end > start:
            found.append(QuoteMarks(open_at, close_at, start, end, single))

    while i < n:
        ch = text[i]
        if _inside(skip, i):
            double_open = single_open = None
            i += 1
            continue
        if ch != "\n" and ch not in QUOTE_CHARS:
            # Nothing opens or closes before the next mark, line break or skipped range.
            mark = _SCANNED.search(text, i + 1)
            i = min([mark.start() if mark else n, *(start for start, _ in skip if start > i)])
            continue
        if ch == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if double_open is not None:
                if j < n and text[j] in (OPEN_DOUBLE, '"'):
                    # The quote runs on into the next paragraph, which reopens it.
                    i = j + 1
                    continue
                emit(double_open, i, False)
                double_open = None
            single_open = None
            i = j
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if ch == "'" and after == "'" and text[i + 2 : i + 3] != "'":
            # Two apostrophes for a double mark (''Yes,'' she said), as some archives
            # print them: the pair opens or closes like one mark.
            if double_open is None and before in _OPENERS_BEFORE and text[i + 2 : i + 3].isalnum():
                double_open, single_open = i, None
            elif double_open is not None and text[double_open] == "'":
                emit(double_open, i + 1, False)
                double_open = None
            i += 2
            continue
        # A straight mark, or a closing curly one typed by mistake, opens after a space.
        opener = ch in ('"', CLOSE_DOUBLE) and before in _OPENERS_BEFORE and after.isalnum()
        if ch == OPEN_DOUBLE or (
            double_open is None and (opener or (ch == '"' and before in _OPENERS_BEFORE))
        ):
            if double_open is None:
                double_open = i
                single_open = None
        elif ch in (CLOSE_DOUBLE, '"'):
            if double_open is not None:
                emit(double_open, i, False)
                double_open = None
        elif double_open is None and ch in (OPEN_SINGLE, "'", CLOSE_SINGLE):
            opens = before in _OPENERS_BEFORE and (after.isalnum() or after in "$#.")
            closes = (
                single_open is not None
                and not before.isspace()
                and not after.isalnum()
                and i - single_open <= _MAX_SINGLE
            )
            if closes and single_open is not None:
                emit(single_open, i, True)
                single_open = None
            elif opens and ch != CLOSE_SINGLE:
                single_open = i
        i += 1
    if double_open is not None:
        emit(double_open, n, False)
    return found


# ---------------------------------------------------------------------------------------
# Speakers


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The grammatical subject of a cue verb, following conjuncts and relative clauses."""
    for child in verb.children:
        if child.dep_ in _SPEAKER_DEPS and child.ent_type_ in _NOT_SPEAKERS:
            return None  # "12:15 p.m. Trump says ...": a misparse, not a speaker
        if child.dep_ in _SPEAKER_DEPS and child.lower_ not in RELATIVE:
            return child
        if child.dep_ in _SPEAKER_DEPS and child.lower_ in RELATIVE and verb.dep_ == "relcl":
            return verb.head
    if depth < 3 and verb.dep_ in ("conj", "xcomp") and verb.head != verb:
        return subject_of(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head != verb:
        return subject_of(verb.head, depth + 1)
    if verb.dep_ == "relcl":
        return verb.head
    if depth < 3 and verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        # "criticised Oz for saying ...", "was fired after saying ...": the one who said it
        # is the named object of the verb the phrase hangs on, else its subject.
        host = verb.head.head
        if host.pos_ in ("VERB", "AUX") and host != verb.head:
            named = next(
                (c for c in host.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON")),
                None,
            )
            return named or subject_of(host, depth + 1)
    return None


def noun_phrase(token: Token) -> Span:
    """The phrase naming the speaker: an entity, else the token with its modifiers."""
    doc = token.doc
    if token.ent_type_:
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                # Entities sometimes take in a leading dash or space ("― Ana Ruiz").
                start, end = ent.start, ent.end
                while start < end - 1 and (
                    doc[start].is_punct or doc[start].is_space or doc[start].pos_ == "AUX"
                ):
                    start += 1
                while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                    end -= 1
                return Span(doc, start, end, label=ent.label_)
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "case"):
            left = min(left, child.left_edge.i)
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "case"):
            right = max(right, child.right_edge.i + 1)
    return doc[left:right]


def _actor_from_span(span: Span) -> Actor:
    attached = span._.fp_actor
    if attached is not None:
        return attached.model_copy()  # type: ignore[no-any-return]
    kind: ActorKind = _ENT_KINDS.get(span.label_, "unknown") if span.label_ else "unknown"
    # A run of capitalised proper nouns the tagger left unlabelled is a name all the same.
    proper = all(t.pos_ == "PROPN" and t.is_title for t in span)
    return Actor(
        text=span.text,
        name=span.text if span.label_ in _ENT_KINDS or proper else None,
        kind=kind,
        start=span.start_char,
        end=span.end_char,
    )


def _resolver() -> Any:
    """The actor stage's reference resolver, where the installed version has one."""
    try:
        from .actors import resolve_reference
    except ImportError:
        return None
    return resolve_reference


@dataclass
class SpeakerContext:
    """What the speaker resolution remembers while walking one doc in text order."""

    doc: Doc
    speakers: list[Actor] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)

    def remember(self, actor: Actor | None) -> None:
        if actor is not None and actor.text.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            self.speakers.append(actor)


def speaker_actor(token: Token, context: SpeakerContext) -> Actor:
    """The speaker named by ``token``, resolved to an actor where the doc allows.

    Pronouns and definite descriptions keep their own span and text (the evidence in the
    sentence) and take the name and code of the actor they refer to.
    """
    doc = token.doc
    lower = token.lower_
    if lower in PERSON_PRONOUNS | GROUP_PRONOUNS or (
        token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.lefts)
    ):
        antecedent = _antecedent(token, context)
        if antecedent is not None:
            phrase = doc[token.i : token.i + 1] if token.pos_ == "PRON" else noun_phrase(token)
            return antecedent.model_copy(
                update={"text": phrase.text, "start": phrase.start_char, "end": phrase.end_char}
            )
    span = actor_span_at(doc, token)
    if span is not None and span._.fp_actor is not None:
        return span._.fp_actor.model_copy()  # type: ignore[no-any-return]
    return _actor_from_span(noun_phrase(token))


def _antecedent(token: Token, context: SpeakerContext) -> Actor | None:
    if token.lower_ in PERSON_PRONOUNS:
        # A speaker's "he" is most often the person the story has been about: the subject of
        # the last few main clauses, before any person merely mentioned in between.
        found = _subject_person(token, context)
        if found is not None:
            return found
    span = _resolve(token)
    if span is not None:
        return _actor_from_span(span)
    if token.lower_ in PERSON_PRONOUNS:
        return _last_person(token, context)
    return None


def _resolve(token: Token) -> Span | None:
    resolve = _resolver()
    if resolve is None:
        return None
    try:
        return resolve(token.doc, token)  # type: ignore[no-any-return]
    except Exception:  # the resolver belongs to another stage; never let it stop this one
        return None


def _person_at(token: Token, context: SpeakerContext) -> Actor | None:
    """The person named (or referred to) by a subject ``token``, if it is one."""
    if _inside(context.quoted, token.idx) or token.lower_ in GROUP_PRONOUNS:
        return None
    if token.lower_ in PERSON_PRONOUNS:
        return None
    span = actor_span_at(token.doc, token)
    actor = span._.fp_actor if span is not None else None
    if actor is not None and actor.kind == "person" and actor.name:
        if span is not None and span[0].lower_ == "the":
            resolved = _resolve(token)
            if resolved is not None and resolved._.fp_actor is not None:
                return resolved._.fp_actor  # type: ignore[no-any-return]
        return actor  # type: ignore[no-any-return]
    if token.ent_type_ == "PERSON":
        return _actor_from_span(noun_phrase(token))
    if token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.lefts):
        resolved = _resolve(token)
        if resolved is not None and resolved._.fp_actor is not None:
            if resolved._.fp_actor.kind == "person":
                return resolved._.fp_actor  # type: ignore[no-any-return]
    return None


def _subject_person(token: Token, context: SpeakerContext, back: int = 3) -> Actor | None:
    doc = token.doc
    sentence = token.sent
    for tok in reversed(doc[sentence.start : token.i]):
        if tok.dep_ in _SPEAKER_DEPS:
            found = _person_at(tok, context)
            if found is not None:
                return found
    start = sentence.start
    for _ in range(back):
        if start == 0:
            break
        previous = doc[start - 1].sent
        start = previous.start
        for tok in previous:
            if tok.dep_ in _SPEAKER_DEPS and tok.head.dep_ == "ROOT":
                found = _person_at(tok, context)
                if found is not None:
                    return found
    return None


def _last_person(token: Token, context: SpeakerContext) -> Actor | None:
    """The nearest person before ``token``: the last speaker or the last PERSON mention
    outside quotes, whichever is closer."""
    doc = token.doc
    best: Actor | None = None
    for actor in context.speakers:
        if actor.end <= token.idx and actor.kind in ("person", "unknown") and actor.name:
            if best is None or actor.start > best.start:
                best = actor
    for span in list(doc._.fp_actors) + list(doc.ents):
        if span.end_char > token.idx or _inside(context.quoted, span.start_char):
            continue
        mention: Actor | None = span._.fp_actor
        if mention is None and getattr(span, "label_", "") == "PERSON":
            mention = _actor_from_span(span)
        if (
            mention is not None
            and mention.kind == "person"
            and (best is None or mention.start > best.start)
        ):
            best = mention
    return best


def channel_of(
    cue: Token, kb: StatementKB, skip: Iterable[int] = (), subject: Token | None = None
) -> Channel:
    """The channel a cue implies: from the verb, its dependents and the speaker's phrase."""
    skip = set(skip)
    words: list[tuple[str, bool]] = []
    for child in cue.children:
        if child.dep_ in ("ccomp", "punct") or child.i in skip:
            continue
        for tok in child.subtree:
            if tok.i not in skip:
                words.append((tok.lemma_, tok.pos_ == "PROPN"))
    if subject is not None:
        words.extend((t.lemma_, t.pos_ == "PROPN") for t in subject.subtree)
    named = kb.channel_for(words)
    if named is not None:
        return named  # type: ignore[return-value]
    implied = kb.speech.get(cue.lemma_.lower(), "unknown")
    if cue.lemma_.lower() == "tell" and any(
        c.dep_ in ("dobj", "dative") and c.lemma_.lower() in ("reporter", "journalist")
        for c in cue.children
    ):
        return "interview"
    return implied  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------
# Attribution


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _is_speech_verb(token: Token, kb: StatementKB) -> bool:
    if token.lemma_.lower() not in kb.speech and token.lower_ not in kb.speech:
        return False
    # The tagger sometimes takes a sentence-final cue for a noun ("the email read.").
    return token.pos_ in ("VERB", "AUX") or (
        token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children)
    )


def _has_own_clause(verb: Token, quote_tokens: set[int]) -> bool:
    """True when the verb reports a clause of its own, outside the quote."""
    for child in verb.rights:
        # Only a clause after the verb: one before it is the quote itself, or a misparse
        # joining the previous paragraph to this sentence.
        if child.dep_ == "ccomp" and child.i not in quote_tokens:
            words = [t for t in child.subtree if not t.is_punct and t.i not in quote_tokens]
            if len(words) > 1:
                return True
    return False


class QuoteAttributor:
    """Attributes the quotation marks of one doc to speakers and cues."""

    def __init__(self, kb: StatementKB) -> None:
        self.kb = kb

    def attribute(
        self, doc: Doc, marks: list[QuoteMarks], context: SpeakerContext
    ) -> list[Attribution]:
        """Attributions for ``marks`` in text order; unattributed quotes are left out."""
        in_quote: set[int] = set()
        token_sets: list[set[int]] = []
        for mark in marks:
            ids = {t.i for t in _tokens_in(doc, mark.open, min(mark.close + 1, len(doc_text(doc))))}
            token_sets.append(ids)
            in_quote |= ids
        context.quoted = [(m.open, m.close + 1) for m in marks]
        results: list[Attribution] = []
        for mark, quote_tokens in zip(marks, token_sets, strict=True):
            found = (
                self._cue_after(doc, mark, quote_tokens, in_quote)
                or self._cue_before(doc, mark, quote_tokens, in_quote)
                or self._governing_cue(doc, mark, quote_tokens, in_quote)
            )
            if found is None:
                self._continue_previous(doc, mark, results)
                continue
            cue, source, partial, how = found
            speaker = source if source is not None else subject_of(cue)
            if speaker is not None and speaker.i in quote_tokens:
                # '"American Skin" was written in 1999': the quote is what the verb is
                # about (a title, a slogan), not words someone spoke.
                continue
            if results and self._same_cue(results[-1], cue, source, partial):
                # "A," X said, "B." -- the second part shares the first one's cue.
                results[-1].parts.append(mark)
                continue
            attribution = self._make(doc, mark, cue, source, quote_tokens, partial, how, context)
            results.append(attribution)
            context.remember(attribution.speaker)
        return results

    # -- where the cue is ----------------------------------------------------------------

    def _window_after(self, doc: Doc, mark: QuoteMarks, in_quote: set[int]) -> list[Token]:
        window: list[Token] = []
        start = mark.close + 1
        if start >= len(doc_text(doc)) or doc_text(doc)[mark.close] == "\n":
            return window
        following = doc.char_span(start, len(doc_text(doc)), alignment_mode="expand")
        if following is None:
            return window
        for tok in following:
            if tok.i in in_quote or "\n" in tok.text or len(window) > 30:
                break
            if tok.is_space:
                continue
            window.append(tok)
            if tok.text in (".", "!", "?", ";"):
                break
        return window

    def _window_before(self, doc: Doc, mark: QuoteMarks, in_quote: set[int]) -> list[Token]:
        window: list[Token] = []
        preceding = doc.char_span(0, mark.open, alignment_mode="contract") if mark.open else None
        if preceding is None:
            return window
        crossed = False
        for i in range(preceding.end - 1, preceding.start - 1, -1):
            tok = doc[i]
            if tok.i in in_quote or len(window) > 40:
                break
            gap_end = window[0].idx if window else mark.open
            if tok.is_space or "\n" in doc_text(doc)[tok.idx + len(tok) : gap_end]:
                # Only a colon ending the previous paragraph carries a cue across the break.
                if window or crossed or tok.i == 0:
                    break
                colon = tok if not tok.is_space else doc[tok.i - 1]
                if colon.text != ":":
                    break
                crossed = True
                if tok.is_space:
                    continue
            if tok.text in (".", "!", "?", ";"):
                break
            window.insert(0, tok)
        return window

    def _cue_after(
        self, doc: Doc, mark: QuoteMarks, quote_tokens: set[int], in_quote: set[int]
    ) -> tuple[Token, Token | None, bool, str] | None:
        window = self._window_after(doc, mark, in_quote)
        if not window:
            return None
        closing = doc_text(doc)[mark.inner_end : mark.close + 2]
        # A quote that ends its own clause (``,"`` ``?"`` ``!"`` or ``."``) before the cue.
        ends_clause = (
            any(c in closing for c in ",?!.\u2014") or doc_text(doc)[mark.inner_end - 1] in "?!"
        )
        first = window[0]
        if (
            first.text in DASHES
            or first.text == "-"
            and doc_text(doc)[first.idx : first.idx + 2] == "--"
        ):
            name = next(
                (t for t in window[1:4] if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"), None
            )
            if name is not None:
                while (
                    name.head is not name
                    and name.dep_ in ("compound", "flat")
                    and name.head.i in {t.i for t in window}
                ):
                    name = name.head
                return first, name, False, "after"
        for tok in window[:25]:
            if self._is_cue(tok, quote_tokens) and (ends_clause or tok.i - first.i <= 3):
                return tok, _speaker_in_window(tok, window), False, "after"
            source = self._prepositional(tok)
            if source is not None and tok.i - first.i <= 2:
                return tok, source, False, "after"
        return None

    def _cue_before(
        self, doc: Doc, mark: QuoteMarks, quote_tokens: set[int], in_quote: set[int]
    ) -> tuple[Token, Token | None, bool, str] | None:
        window = self._window_before(doc, mark, in_quote)
        if not window:
            return None
        # 'X said: "..."' / 'X said, "..."'; or, with no mark between, a whole sentence
        # quoted right after its cue clause ('X said on Thursday "We will win."').
        if window[-1].text not in (",", ":", "\u2014", "--"):
            if not _opens_sentence(doc, mark):
                return None
            window = window[-_BARE_CUE_REACH:]
        for tok in reversed(window):
            if self._is_cue(tok, quote_tokens):
                return tok, None, False, "before"
            source = self._prepositional(tok)
            if source is not None:
                return tok, source, False, "before"
        return None

    def _governing_cue(
        self, doc: Doc, mark: QuoteMarks, quote_tokens: set[int], in_quote: set[int]
    ) -> tuple[Token, Token | None, bool, str] | None:
        """A quote inside a reported clause: the reporting verb whose clause holds it."""
        inner = [doc[i] for i in sorted(quote_tokens) if not doc[i].is_punct]
        if not inner:
            return None
        head = inner[0]
        seen: set[int] = set()
        best: Token | None = None
        while head.i not in seen and head.head != head:
            seen.add(head.i)
            child, head = head, head.head
            if head.i in in_quote or head.pos_ not in ("VERB", "AUX"):
                continue
            # The quote must sit in what the verb reports: not in its subject, nor in a
            # circumstance ("said on Fox's 'Fox and Friends'"), except "described it as".
            if child.dep_ not in _CONTENT_DEPS and not (
                child.dep_ == "prep" and child.lower_ == "as"
            ):
                continue
            lemma = head.lemma_.lower()
            if lemma in self.kb.reporting and subject_of(head) is not None:
                # The quoted words are those of the outermost speaker: in "X said Y
                # believes 'Z'", the reporter quotes X.
                best = head
        if best is None:
            return None
        return best, None, True, "inside"

    def _is_cue(self, tok: Token, quote_tokens: set[int]) -> bool:
        if not _is_speech_verb(tok, self.kb) or tok.i in quote_tokens:
            return False
        if _has_own_clause(tok, quote_tokens):
            return False
        return subject_of(tok) is not None

    def _prepositional(self, tok: Token) -> Token | None:
        """The source of "according to X" when ``tok`` starts such a cue."""
        doc = tok.doc
        for words in self.kb.prepositional:
            if tok.lower_ != words[0]:
                continue
            last = tok.i + len(words) - 1
            if last >= len(doc) or [t.lower_ for t in doc[tok.i : last + 1]] != list(words):
                continue
            for child in doc[last].children:
                if child.dep_ == "pobj":
                    return child
        return None

    @staticmethod
    def _same_cue(previous: Attribution, cue: Token, source: Token | None, partial: bool) -> bool:
        return previous.cue is not None and previous.cue.i == cue.i and previous.partial == partial

    def _make(
        self,
        doc: Doc,
        mark: QuoteMarks,
        cue: Token,
        source: Token | None,
        quote_tokens: set[int],
        partial: bool,
        how: str,
        context: SpeakerContext,
    ) -> Attribution:
        subject = source if source is not None else subject_of(cue)
        if source is not None and not _is_speech_verb(cue, self.kb):
            cue_span = doc[cue.i : cue.i + 1] if cue.text in DASHES else doc[cue.i : source.i]
            while len(cue_span) > 1 and (cue_span[-1].is_punct or cue_span[-1].pos_ == "DET"):
                cue_span = cue_span[:-1]
            cue_start, cue_end = cue_span.start_char, cue_span.end_char
            cue_text = cue_span.text.lower()
            channel: Channel = "unknown"
        else:
            cue_start, cue_end, cue_text = cue.idx, cue.idx + len(cue.text), cue.text
            channel = channel_of(cue, self.kb, quote_tokens, subject)
        speaker = speaker_actor(subject, context) if subject is not None else None
        return Attribution(
            parts=[mark],
            speaker=speaker,
            cue=cue,
            cue_text=cue_text,
            cue_start=cue_start,
            cue_end=cue_end,
            channel=channel,
            partial=partial or (how != "before" and _is_fragment(doc, mark)),
            how=how,
        )

    def _continue_previous(self, doc: Doc, mark: QuoteMarks, results: list[Attribution]) -> None:
        """A full quote with no cue of its own right after an attributed one continues it."""
        if not results or _is_fragment(doc, mark):
            return
        previous = results[-1]
        if previous.partial and previous.how != "after":
            return
        last = previous.parts[-1]
        gap = doc_text(doc)[last.close + 1 : mark.open]
        if gap.count("\n") > 2 or len(gap) > 300:
            return
        # Between the parts there may only be the previous part's own cue clause.
        cue_between = previous.cue_start is not None and last.close < previous.cue_start < mark.open
        if gap.strip(" ,").lower() not in _JOINERS and not cue_between:
            return
        if cue_between and "\n" in gap:
            # Across a paragraph break only when the cue closes the previous paragraph:
            # '"A," he said.' then a paragraph that opens with the next quote.
            after_cue = doc_text(doc)[previous.cue_end or 0 : mark.open]
            if len(after_cue.split("\n")[0]) > 40:
                return
        previous.parts.append(mark)


def _speaker_in_window(cue: Token, window: list[Token]) -> Token | None:
    """The speaker of a cue that follows its quote: the parse's subject where it lies in
    the cue clause (``X said``, ``said X``), else the first name before the verb (the
    parser sometimes takes a later noun, as in ``X said on Fox News``)."""
    subject = subject_of(cue)
    inside = {t.i for t in window}
    if (
        subject is not None
        and subject.i in inside
        and (subject.i < cue.i or subject.i - cue.i <= 3)
    ):
        return subject
    before = [t for t in window if t.i < cue.i]
    after = [t for t in window if cue.i < t.i <= cue.i + 3]
    for tok in before or after:
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.ent_type_ not in _NOT_SPEAKERS:
            while (
                tok.dep_ in ("compound", "flat", "amod")
                and tok.head.i in inside
                and (tok.head.i < cue.i) == (tok.i < cue.i)
            ):
                tok = tok.head
            return tok
    return subject


def _is_fragment(doc: Doc, mark: QuoteMarks) -> bool:
    """A quote that sits inside the reporter's sentence rather than standing as one."""
    before = doc_text(doc)[: mark.open].rstrip(" ")
    # Right after another quote's closing mark ('"A," "B."') a quote opens a clause too.
    starts_clause = (
        not before or before[-1] in ",:\n.!?\u2014-(\"\u201d" or before.endswith("--")
    )
    return not starts_clause


#: How many words before a quote a cue may stand when no comma or colon separates them.
_BARE_CUE_REACH = 6


def _opens_sentence(doc: Doc, mark: QuoteMarks) -> bool:
    """Whether the quoted words are a sentence of their own: a capital, then four words or
    more or a closing stop ("What curfew?")."""
    inner = doc_text(doc)[mark.inner_start : mark.inner_end].strip()
    return inner[:1].isupper() and (len(inner.split()) >= 4 or inner[-1:] in ".?!")
