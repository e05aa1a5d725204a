"""Clitics that pre-tokenized text splits off with spaces, rejoined before the model runs.

Text that comes already tokenized (CoNLL corpora, token-joined feeds) writes the curly
possessive and negation as words of their own: ``Kenya ’ s`` and ``do n ’ t``. The default
tokenizer keeps a straight ``'s`` whole but cuts ``’ s`` in two, and the model, trained on
running text, reads the lone ``s`` as a verb: in ``defended Kenya ’ s right`` "Kenya"
becomes the object and the rest of the sentence is misparsed. The pieces are merged back
into one token (its text keeps the spaces, so offsets stay) that carries the lexical
features of the written clitic, which are what the tagger and parser read.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Pieces (lower case) that spell a clitic when written with single spaces between them.
CLITICS: dict[tuple[str, ...], str] = {
    ("\u2019", "s"): "'s",
    ("'", "s"): "'s",
    ("n", "\u2019", "t"): "n't",
    ("n", "'", "t"): "n't",
}


class CliticJoiner:
    """spaCy component: merges a clitic written in spaced pieces into one token."""

    def __init__(self, vocab: Vocab) -> None:
        for pieces, written in CLITICS.items():
            _copy_lexeme(vocab, " ".join(pieces), written)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    @staticmethod
    def find(doc: Doc) -> list[tuple[int, int]]:
        """Pure step: the token ranges (start, end) that spell one clitic."""
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(doc):
            size = next((len(p) for p in CLITICS if _spells(doc, i, p)), 0)
            if size:
                found.append((i, i + size))
                i += size
            else:
                i += 1
        return found

    @staticmethod
    def set_annotations(doc: Doc, ranges: list[tuple[int, int]]) -> None:
        with doc.retokenize() as retokenizer:
            for start, end in ranges:
                retokenizer.merge(doc[start:end])


def _spells(doc: Doc, i: int, pieces: tuple[str, ...]) -> bool:
    """Whether the tokens from ``i`` are ``pieces``, one space apart, after a word."""
    end = i + len(pieces)
    if i == 0 or end > len(doc) or not doc[i - 1].whitespace_ or doc[i - 1].is_punct:
        return False
    tokens = doc[i:end]
    if [t.lower_ for t in tokens] != list(pieces):
        return False
    return all(t.whitespace_ == " " for t in tokens[:-1])


def _copy_lexeme(vocab: Vocab, spaced: str, written: str) -> None:
    """Give the spaced form the norm, affixes and shape the model knows the written one by."""
    source, target = vocab[written], vocab[spaced]
    target.norm_ = source.norm_
    target.prefix_ = source.prefix_
    target.suffix_ = source.suffix_
    target.shape_ = source.shape_
