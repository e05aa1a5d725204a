"""TimeTagger: finds time expressions and resolves each to a TIMEX3 value.

Candidates are spaCy's DATE and TIME entities plus patterns for what the statistical
model misses (weekdays, "early Friday", "hours later", "last week", bare years, decades,
"now", "recently"). Each candidate is resolved by the pure rules in :mod:`flashpoint.timex`
against the article date (``doc._.fp_date``), the tense of the verb it hangs on, and the
time expression before it (for "hours later"). What cannot be resolved to a point or period
in time (durations, ages, frequencies) is dropped.

A doc without ``fp_date`` is resolved against today's date.
"""

from __future__ import annotations

import re

from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .. import timex
from ..records import TimeRef
from .extensions import article_date

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]
_QUALIFIERS = [
    "early",
    "late",
    "last",
    "next",
    "this",
    "past",
    "coming",
    "mid",
    "previous",
    "following",
]
_PARTS = ["morning", "afternoon", "evening", "night"]
_UNITS = ["week", "weekend", "month", "year", "decade", "quarter", "century"]
_SMALL_UNITS = [
    "hours",
    "hour",
    "minutes",
    "minute",
    "moments",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
]
_SINGLE_WORDS = [
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "currently",
    "recently",
    "soon",
    "overnight",
    "nowadays",
    "presently",
    "lately",
    "formerly",
    "previously",
]
_RANGE_WORDS = {"to", "and", "through", "until", "till", "-", "\u2013", "or", "thru"}
_FUTURE_AUX = {
    "will",
    "'ll",
    "shall",
    "wo",
    "would",
    "\u2019ll",
    "should",
    "could",
    "may",
    "might",
    "must",
}
_FUTURE_GOVERNORS = {
    "plan",
    "intend",
    "expect",
    "schedule",
    "set",
    "due",
    "aim",
    "hope",
    "want",
    "go",
    "prepare",
    "promise",
    "vow",
    "threaten",
    "agree",
    "seek",
}

Found = list[tuple[Span, TimeRef]]


def _patterns() -> list[tuple[str, list[list[dict[str, object]]]]]:
    number: dict[str, object] = {"LIKE_NUM": True}
    return [
        (
            "WEEKDAY",
            [
                [
                    {"LOWER": {"IN": _QUALIFIERS}, "OP": "?"},
                    {"LOWER": {"IN": _WEEKDAYS}},
                    {"LOWER": {"IN": _PARTS}, "OP": "?"},
                ]
            ],
        ),
        (
            "RELATIVE",
            [
                [
                    {
                        "LOWER": {
                            "IN": [
                                "last",
                                "this",
                                "next",
                                "past",
                                "coming",
                                "previous",
                                "following",
                                "current",
                            ]
                        }
                    },
                    {"LOWER": {"IN": _UNITS}},
                ]
            ],
        ),
        (
            "LATER",
            [
                [
                    number,
                    {"LOWER": {"IN": _SMALL_UNITS}},
                    {"LOWER": {"IN": ["later", "earlier", "ago"]}},
                ],
                [
                    {
                        "LOWER": {
                            "IN": [
                                "a",
                                "an",
                                "only",
                                "just",
                                "several",
                                "some",
                                "few",
                                "hours",
                                "minutes",
                                "moments",
                            ]
                        },
                        "OP": "*",
                    },
                    {"LOWER": {"IN": ["hours", "minutes", "moments", "days", "weeks"]}},
                    {"LOWER": {"IN": ["later", "earlier", "ago", "afterwards"]}},
                ],
                [
                    {"LOWER": {"IN": ["later", "earlier"]}},
                    {"LOWER": {"IN": ["that", "the"]}},
                    {"LOWER": {"IN": ["day", "morning", "afternoon", "evening", "night"]}},
                ],
                [
                    {"LOWER": "the"},
                    {"LOWER": {"IN": ["next", "following", "previous"]}},
                    {"LOWER": {"IN": ["day", "morning", "evening", "night"]}},
                ],
            ],
        ),
        ("WORD", [[{"LOWER": {"IN": _SINGLE_WORDS}}]]),
        ("PAST_FUTURE", [[{"LOWER": "the"}, {"LOWER": {"IN": ["past", "future"]}}]]),
        (
            "MONTH",
            [
                [
                    {"LOWER": {"IN": _QUALIFIERS}, "OP": "?"},
                    {"TEXT": {"IN": _MONTHS}, "POS": "PROPN"},
                    {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)?$"}, "OP": "?"},
                    {"TEXT": ",", "OP": "?"},
                    {"TEXT": {"REGEX": r"^(1[89]|2[01])\d\d$"}, "OP": "?"},
                ]
            ],
        ),
        (
            "NUMERIC",
            [[{"TEXT": {"REGEX": r"^(\d{1,2}/\d{1,2}/(\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$"}}]],
        ),
        (
            "QUARTER",
            [
                [
                    {"LOWER": {"IN": ["first", "second", "third", "fourth", "final", "last"]}},
                    {"TEXT": "-", "OP": "?"},
                    {"LOWER": "quarter"},
                ]
            ],
        ),
        (
            "SEASON",
            [
                [
                    {"LOWER": {"IN": ["this", "last", "next", "past", "coming"]}},
                    {"LOWER": {"IN": ["spring", "summer", "autumn", "fall", "winter"]}},
                ],
                [
                    {"LOWER": {"IN": ["spring", "summer", "autumn", "winter"]}},
                    {"TEXT": {"REGEX": r"^(1[89]|20)\d\d$"}},
                ],
            ],
        ),
        (
            "ANAPHORIC",
            [
                [
                    {"LOWER": {"IN": ["that", "the"]}},
                    {"LOWER": "same", "OP": "?"},
                    {"LOWER": {"IN": ["day", "time", "night", "morning", "evening"]}},
                ],
                [
                    {"LOWER": "the"},
                    {"LOWER": {"IN": ["near", "long", "short", "longer", "medium"]}},
                    {"LOWER": "term"},
                ],
                [{"LOWER": "the"}, {"LOWER": "time"}, {"LOWER": "being"}],
            ],
        ),
        (
            "YEAR",
            [
                [
                    {
                        "TEXT": {"REGEX": r"^(1[89]|2[01])\d\d$"},
                        "POS": {"IN": ["NUM", "PROPN", "NOUN"]},
                    }
                ]
            ],
        ),
        ("DECADE", [[{"TEXT": {"REGEX": r"^'?(\d\d)?\d0s$"}}]]),
    ]


def clause_tense(span: Span) -> str | None:
    """The tense of the verb a time expression hangs on: past, present, future or None."""
    return _tense(span.root, depth=0)


def _tense(token: Token, depth: int) -> str | None:
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"} or token.head == token:
            break
        token = token.head
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    auxes = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX and not lowers & {"have", "'ve"}:
        return "future"
    if token.tag_ == "VB" and "to" in lowers:
        head = token.head
        if head != token and (
            head.lemma_ in _FUTURE_GOVERNORS or head.lower_ in {"due", "set", "scheduled"}
        ):
            return "future"
        if head != token and head.pos_ in {"VERB", "AUX"} and depth < 3:
            # "was expected to meet Friday": the tense of the governing verb.
            return _tense(head, depth + 1)
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if token.tag_ == "VBN" and lowers & {"has", "have", "'ve", "had"}:
        return "past"
    if token.tag_ in {"VBZ", "VBP"} or lowers & {"is", "are", "am", "'s", "'re"}:
        return "present"
    if token.tag_ == "VBN" and token.dep_ in {"acl", "relcl"}:
        return "past"
    return None


class TimeTagger:
    """spaCy component: ``doc._.fp_times`` spans, each with ``span._.fp_time`` (a TimeRef)."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        for label, patterns in _patterns():
            self.matcher.add(label, patterns)  # type: ignore[arg-type]
        self.anchors = _Anchors(_patterns())

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def candidates(self, doc: Doc) -> list[Span]:
        """Time expression spans in text order, overlaps resolved to the longest."""
        spans = [e for e in doc.ents if e.label_ in {"DATE", "TIME"}]
        for match_id, start, end in self.matches(doc):
            if (
                doc.vocab.strings[match_id] == "PAST_FUTURE"
                and end < len(doc)
                and doc[end].pos_ in _NOMINAL
            ):
                continue  # "the past decade", "the future president": not a bare reference
            spans.append(Span(doc, start, end, label="DATE"))
        trimmed = [t for t in (_trim(s) for s in spans) if t is not None]
        parts: list[Span] = []
        for span in filter_spans(trimmed):
            parts.extend(_split_range(span))
        return sorted(parts, key=lambda s: s.start)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """What the matcher finds in ``doc``, read only around the words the patterns need:
        most of an article's tokens are far from any of them."""
        found: list[tuple[int, int, int]] = []
        for start, end in self.anchors.windows(doc):
            found.extend((key, s + start, e + start) for key, s, e in self.matcher(doc[start:end]))
        return found

    def find(self, doc: Doc) -> Found:
        """Pure step: every resolvable time expression with its TimeRef."""
        anchor = article_date(doc)
        previous: TimeRef | None = None
        found: Found = []
        for span in self.candidates(doc):
            ref = timex.resolve(span.text, anchor, clause_tense(span), previous)
            if ref is None:
                continue
            ref = ref.model_copy(update={"start": span.start_char, "end": span.end_char})
            found.append((span, ref))
            if timex.value_range(ref.value) is not None:
                previous = ref
        return found

    @staticmethod
    def set_annotations(doc: Doc, found: Found) -> None:
        spans = []
        for span, ref in found:
            span._.fp_time = ref
            spans.append(span)
        doc._.fp_times = spans


class _Anchors:
    """The words without which no pattern matches, and the stretches of a doc around them
    where a match can lie.

    Each pattern is anchored on its last required token that names words (a pattern with
    none, only number shapes, on a digit); every match holds such an anchor and reaches no
    further from it than its pattern has tokens either side, or, for a repeated token at
    the pattern's edge, over the run of that token's words ("a few hours later"). Where a
    repeated token stands between others the reach is unbounded and the whole doc is read.
    """

    def __init__(self, patterns: list[tuple[str, list[list[dict[str, object]]]]]) -> None:
        #: For each anchor (a word's id, or ``_DIGIT_KEY``): how far left and right of it
        #: a match may start and end, and whether it may reach on over repeated words.
        self.reach: dict[int | str, tuple[int, int, bool, bool]] = {}
        self.lower: set[int] = set()
        self.text: set[int] = set()
        repeated: set[str] = set()
        self.whole = False
        for _, group in patterns:
            for pattern in group:
                index: int | None = None
                for k, spec in enumerate(pattern):
                    words = _spec_words(spec)
                    if spec.get("OP") in ("*", "+"):
                        if words is None:
                            self.whole = True
                        else:
                            repeated.update(words[1])
                    elif spec.get("OP") != "?" and words is not None:
                        index = k
                if index is None:
                    if not any(_DIGIT_PATTERN in str(spec.get("TEXT")) for spec in pattern):
                        raise ValueError(f"time pattern {pattern} needs neither words nor digits")
                    self._add(_DIGIT_KEY, pattern, len(pattern) - 1)
                    continue
                attr, words = _spec_words(pattern[index])  # type: ignore[misc]
                for word in words:
                    key = hash_string(word)
                    (self.lower if attr == "LOWER" else self.text).add(key)
                    self._add(key, pattern, index)
        self.repeated = frozenset(hash_string(w) for w in repeated)

    def _add(self, key: int | str, pattern: list[dict[str, object]], index: int) -> None:
        left = _edge_reach(pattern[:index][::-1])
        right = _edge_reach(pattern[index + 1 :])
        if left is None or right is None:
            self.whole = True
            return
        old = self.reach.get(key, (0, 0, False, False))
        self.reach[key] = (
            max(old[0], left[0]),
            max(old[1], right[0]),
            old[2] or left[1],
            old[3] or right[1],
        )

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges, in order and apart, that hold every match in ``doc``."""
        n = len(doc)
        if self.whole:
            return [(0, n)] if n else []
        rows = doc.to_array([LOWER, ORTH]).tolist()
        strings = doc.vocab.strings
        windows: list[tuple[int, int]] = []
        for i, (lower, orth) in enumerate(rows):
            reaches = [
                self.reach[key]
                for key in (
                    lower if lower in self.lower else None,
                    orth if orth in self.text else None,
                    _DIGIT_KEY if _DIGIT.search(strings[orth]) else None,
                )
                if key is not None
            ]
            if not reaches:
                continue
            start = max(0, i - max(r[0] for r in reaches))
            while any(r[2] for r in reaches) and start > 0 and rows[start - 1][0] in self.repeated:
                start -= 1
            end = min(n, i + max(r[1] for r in reaches) + 1)
            while any(r[3] for r in reaches) and end < n and rows[end][0] in self.repeated:
                end += 1
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
        return windows


def _edge_reach(side: list[dict[str, object]]) -> tuple[int, bool] | None:
    """How many tokens one side of an anchor holds, counted outwards from it, leaving out
    repeated tokens at its far edge, and whether it has such; None where a repeated token
    has others beyond it."""
    fixed = [spec.get("OP") not in ("*", "+") for spec in side]
    repeated = bool(fixed) and not fixed[-1]
    while fixed and not fixed[-1]:
        fixed.pop()
    return (len(fixed), repeated) if all(fixed) else None


_DIGIT_KEY = "digit"
_DIGIT_PATTERN = r"\d"
_DIGIT = re.compile(_DIGIT_PATTERN)


def _spec_words(spec: dict[str, object]) -> tuple[str, list[str]] | None:
    """The attribute and the words a token pattern asks for, if it asks for words."""
    for attr in ("LOWER", "TEXT"):
        value = spec.get(attr)
        if isinstance(value, str):
            return attr, [value]
        if isinstance(value, dict) and "IN" in value:
            return attr, list(value["IN"])
    return None


_NOMINAL = {"NOUN", "PROPN", "NUM", "ADJ"}
_EDGE_DROP = {"PUNCT", "CCONJ", "PART", "SPACE"}
_PREPOSITIONS = {
    "on",
    "in",
    "at",
    "by",
    "since",
    "until",
    "till",
    "from",
    "during",
    "of",
    "for",
    "over",
    "within",
    "before",
    "after",
    "through",
    "as",
    "to",
    "between",
    "around",
}


def _trim(span: Span) -> Span | None:
    """Drop leading prepositions and trailing punctuation spaCy sometimes includes."""
    start, end = span.start, span.end
    doc = span.doc
    while (
        start < end
        and doc[start].lower_ != "'"
        and (
            doc[start].pos_ in _EDGE_DROP
            or doc[start].is_space
            or doc[start].lower_ in _PREPOSITIONS
        )
    ):
        start += 1
    while end > start and (
        doc[end - 1].pos_ in {"PUNCT", "CCONJ", "SPACE"} or doc[end - 1].is_space
    ):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


def _split_range(span: Span) -> list[Span]:
    """'Jan. 3 to Jan. 5', '2015-2018', 'Monday and Tuesday': one span per end of the range;
    a span running over a line break is two expressions."""
    doc = span.doc
    cuts = [t.i for t in span if span.start < t.i < span.end - 1 and _is_cut(t)]
    if not cuts:
        return [span]
    pieces: list[Span] = []
    start = span.start
    for cut in cuts:
        if cut > start:
            pieces.append(Span(doc, start, cut, label=span.label_))
        start = cut + 1
    if start < span.end:
        pieces.append(Span(doc, start, span.end, label=span.label_))
    # A bare day number after a range word ("Jan. 3 to 5") does not read alone.
    return [p for p in pieces if not re.fullmatch(r"\d{1,2}", p.text)] or [span]


def _is_cut(token: Token) -> bool:
    if "\n" in token.text:
        return True
    if token.text in {"-", "\u2013"}:
        # Only between numbers ("2015-2018"), not inside words ("third-quarter").
        return token.nbor(-1).like_num and token.nbor(1).like_num
    return token.lower_ in _RANGE_WORDS
