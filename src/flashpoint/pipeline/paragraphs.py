"""Paragraph breaks are sentence breaks: set before the parser runs.

News text comes in paragraphs, and no sentence runs across a blank line; the parser,
left alone, sometimes joins a paragraph's last words to the next one's first ("...later
Friday.\\n\\n11:15 a.m. Clinton is ..."), and every later stage then reads a clause
that spans two paragraphs. A single line break counts too where the line before ends a
sentence (hard-wrapped text, whose line breaks fall mid-sentence, is left alone).
"""

from __future__ import annotations

from spacy.tokens import Doc

_SENTENCE_END = frozenset({".", "!", "?", '"', "\u201d", "'", "\u2019", ":"})


class ParagraphSplitter:
    """spaCy component: marks the first token after each paragraph break a sentence start."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    @staticmethod
    def find(doc: Doc) -> list[int]:
        """Pure step: the indices of the tokens that open a paragraph (the first excluded)."""
        starts: list[int] = []
        for token in doc[:-1]:
            breaks = token.text.count("\n") + token.whitespace_.count("\n")
            if not breaks:
                continue
            if breaks == 1:
                last = token if not token.is_space else doc[token.i - 1] if token.i else None
                if last is None or last.text[-1:] not in _SENTENCE_END:
                    continue
            following = doc[token.i + 1]
            if not following.is_space:
                starts.append(following.i)
        return starts

    @staticmethod
    def set_annotations(doc: Doc, starts: list[int]) -> None:
        for i in starts:
            doc[i].is_sent_start = True
