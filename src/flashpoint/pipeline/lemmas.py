"""Repair verb lemmas the statistical lemmatizer gets wrong, for verbs the lexicon knows.

The small English model lemmatizes a few regular forms to another word ("staged" ->
"stag"); every later stage looks verbs up by lemma, so such a verb would go uncoded. A
verb whose lemma the lexicon does not know, but whose regular base form it does, takes
that base form. Nothing else is touched.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

_VERBAL = frozenset({"VERB", "AUX"})


class VerbLemmaRepair:
    """Sets ``token.lemma_`` of a verb to a known regular base form (see module doc)."""

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ not in _VERBAL or token.lemma_.lower() in self.known:
                continue
            for candidate in base_forms(token.text.lower()):
                if candidate in self.known:
                    token.lemma_ = candidate
                    break
        return doc


def base_forms(word: str) -> Iterator[str]:
    """Regular base forms an inflected verb may have, most likely first."""
    if word.endswith("ied") or word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("ed"):
        yield word[:-1]  # staged -> stage
        yield word[:-2]  # launched -> launch
        if len(word) > 4 and word[-3] == word[-4]:
            yield word[:-3]  # planned -> plan
    elif word.endswith("ing"):
        yield word[:-3]
        yield word[:-3] + "e"  # staging -> stage
        if len(word) > 5 and word[-4] == word[-5]:
            yield word[:-4]  # planning -> plan
    elif word.endswith("es"):
        yield word[:-1]
        yield word[:-2]
    elif word.endswith("s"):
        yield word[:-1]
