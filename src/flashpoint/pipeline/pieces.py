"""Words that pre-tokenized text writes in spaced pieces, rejoined before the model runs.

Text that comes already tokenized (CoNLL corpora, token-joined feeds) writes as separate
pieces what running text writes as one word: the curly possessive and negation
(``Kenya ’ s``, ``do n ’ t``), numbers (``1 , 500``, ``2 . 5 million``), abbreviations and
initials (``U . N .``, ``Mr . Hale``) and names cut at their accented letters
(``P é rez``). The model, trained on running text, misreads the pieces: a lone ``s``
becomes a verb, so in ``backed Kenya ’ s claim`` "Kenya" is the object and the rest of
the sentence is misparsed; ``2 . 5`` ends a sentence. Each run of pieces is merged back
into one token (its text keeps the spaces, so offsets stay) whose lexeme is given the
lexical features of the written word: its norm, lower case, affixes, shape and flags,
which are what the tagger, parser and phrase matchers read.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

#: Clitics written in pieces (lower case) and the word the pieces spell.
CLITICS: dict[tuple[str, ...], str] = {
    **{
        (mark, tail): f"'{tail}"
        for mark in ("\u2019", "'")
        for tail in ("s", "re", "ve", "ll", "d", "m")
    },
    ("n", "\u2019", "t"): "n't",
    ("n", "'", "t"): "n't",
}
#: Abbreviated titles written before a name.
TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt"})
_DIGITS = re.compile(r"\d+")
_GROUP = re.compile(r"\d{3}")
_LETTER = re.compile(r"[A-Z]|[a-z]")
#: What every run of pieces contains somewhere: a spaced apostrophe, a spaced stop or comma
#: after a word or digit, or a lone letter outside ASCII between spaces. Running text
#: rarely has any, so most docs are passed over without a look at their tokens.
_CANDIDATE = re.compile(r" [\u2019'] |\w \.|\d , \d|\s(?:(?![\x00-\x7f])\w)\s")


class PieceJoiner:
    """spaCy component: merges a word written in spaced pieces into one token."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    @staticmethod
    def find(doc: Doc) -> list[tuple[int, int, str]]:
        """Pure step: runs of pieces (start, end) and the word each spells."""
        found: list[tuple[int, int, str]] = []
        if not _CANDIDATE.search(doc.text):
            return found
        i = 0
        while i < len(doc):
            match = (
                _clitic(doc, i)
                or _number(doc, i)
                or _abbreviation(doc, i)
                or _title(doc, i)
                or _name(doc, i)
            )
            if match is None:
                i += 1
                continue
            end, written = match
            found.append((i, end, written))
            i = end
        return found

    @staticmethod
    def set_annotations(doc: Doc, runs: list[tuple[int, int, str]]) -> None:
        for start, end, written in runs:
            _copy_lexeme(doc.vocab, doc[start:end].text, written)
        with doc.retokenize() as retokenizer:
            for start, end, _ in runs:
                retokenizer.merge(doc[start:end])


def _spaced(tokens: list[Token]) -> bool:
    """Whether the tokens follow each other one space apart."""
    return all(t.whitespace_ == " " for t in tokens[:-1])


def _clitic(doc: Doc, i: int) -> tuple[int, str] | None:
    """``’ s`` after a word, ``n ’ t`` after a verb."""
    if i == 0 or not doc[i - 1].whitespace_ or doc[i - 1].is_punct:
        return None
    for pieces, written in CLITICS.items():
        tokens = list(doc[i : i + len(pieces)])
        if [t.lower_ for t in tokens] == list(pieces) and _spaced(tokens):
            return i + len(pieces), written
    return None


def _number(doc: Doc, i: int) -> tuple[int, str] | None:
    """``2 . 5`` and ``12 , 500 , 000``: a decimal point or thousands separators."""
    if not _DIGITS.fullmatch(doc[i].text) or (i and doc[i - 1].like_num):
        return None
    end = i + 1
    if end + 1 < len(doc) and doc[end].text == "." and _DIGITS.fullmatch(doc[end + 1].text):
        end += 2
    elif len(doc[i].text) <= 3:
        while end + 1 < len(doc) and doc[end].text == "," and _GROUP.fullmatch(doc[end + 1].text):
            end += 2
    if end == i + 1 or not _spaced(list(doc[i:end])):
        return None
    if end + 1 < len(doc) and doc[end].text in ",." and _DIGITS.fullmatch(doc[end + 1].text):
        return None  # "3 , 200 , 15": a list of numbers, not one
    return end, "".join(t.text for t in doc[i:end])


def _abbreviation(doc: Doc, i: int) -> tuple[int, str] | None:
    """``U . N .`` and ``a . m .``: single letters of one case, each followed by a stop."""
    first = doc[i].text
    if not _LETTER.fullmatch(first):
        return None
    end = i + 1
    while (
        end + 1 < len(doc)
        and doc[end].text == "."
        and _LETTER.fullmatch(doc[end + 1].text)
        and doc[end + 1].text.isupper() == first.isupper()
    ):
        end += 2
    if end == i + 1 and not _before_name(doc, i):
        return None
    if end < len(doc) and doc[end].text == ".":
        end += 1
    if not _spaced(list(doc[i:end])):
        return None
    letters = [t.text for t in doc[i:end] if t.text != "."]
    return end, ".".join(letters) + "."


def _before_name(doc: Doc, i: int) -> bool:
    """An initial inside a name: "John R . Hale"."""
    return (
        doc[i].is_upper
        and i > 0
        and doc[i - 1].is_title
        and i + 2 < len(doc)
        and doc[i + 1].text == "."
        and doc[i + 2].is_title
    )


def _title(doc: Doc, i: int) -> tuple[int, str] | None:
    """``Mr . Hale``, ``Sen . Hale``: a title's abbreviation before a name."""
    if (
        doc[i].text in TITLES
        and i + 2 < len(doc)
        and doc[i + 1].text == "."
        and doc[i + 2].is_title
        and _spaced(list(doc[i : i + 2]))
    ):
        return i + 2, doc[i].text + "."
    return None


def _name(doc: Doc, i: int) -> tuple[int, str] | None:
    """``P é rez``: a name cut at each letter outside ASCII."""
    if not (doc[i].is_alpha and doc[i].is_title and doc[i].text.isascii()):
        return None
    end = i + 1
    while (
        end + 1 < len(doc)
        and len(doc[end].text) == 1
        and doc[end].is_lower
        and not doc[end].text.isascii()
        and doc[end + 1].is_alpha
        and doc[end + 1].is_lower
    ):
        end += 2
    if end == i + 1 or not _spaced(list(doc[i:end])):
        return None
    return end, "".join(t.text for t in doc[i:end])


def _copy_lexeme(vocab: Vocab, spaced: str, written: str) -> None:
    """Give the spaced form the features the model knows the written word by."""
    source, target = vocab[written], vocab[spaced]
    target.norm_ = source.norm_
    target.lower_ = source.lower_
    target.prefix_ = source.prefix_
    target.suffix_ = source.suffix_
    target.shape_ = source.shape_
    target.flags = source.flags
