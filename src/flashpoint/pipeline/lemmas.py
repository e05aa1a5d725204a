"""Repair verb lemmas the statistical lemmatizer gets wrong, for verbs the lexicon knows.

The small English model lemmatizes a few regular forms to another word ("staged" ->
"stag"); every later stage looks verbs up by lemma, so such a verb would go uncoded. A
verb whose lemma the lexicon does not know, but whose regular base form it does, takes
that base form. Nothing else is touched.

An irregular past form the tagger reads as present ("jihadists overran the base" tagged
VBP) is left as its own lemma; the model's table of irregular verb forms gives its base.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Doc

_VERBAL = frozenset({"VERB", "AUX"})


class VerbLemmaRepair:
    """Sets ``token.lemma_`` of a verb to a known regular base form (see module doc)."""

    def __init__(self, known: frozenset[str], irregular: Mapping[str, str] | None = None) -> None:
        self.known = known
        #: Irregular verb forms and their base ("overran" -> "overrun").
        self.irregular = dict(irregular or {})

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ not in _VERBAL or token.lemma_.lower() in self.known:
                continue
            word = token.text.lower()
            for candidate in (self.irregular.get(word, ""), *base_forms(word)):
                if candidate in self.known:
                    token.lemma_ = candidate
                    break
        return doc


_VOWELS = frozenset("aeiou")
#: The endings a regular inflection adds: -s, -es, -ed, -ing (on "try": -ies, -ied).
_REGULAR_ENDINGS = ("s", "es", "ed", "ing", "ies", "ied")


def regular_inflections(word: str) -> frozenset[str]:
    """The -s, -ed and -ing forms of a regular verb, with English spelling rules: -es
    after a sibilant or -o, -ies/-ied after a consonant and -y, -d and -ing without the
    -e after an -e, a doubled last consonant or not (both spellings occur: "traveled",
    "travelled"), -ck- after a final -c ("panicked")."""
    stems = [word]
    if (
        len(word) > 2
        and word[-1] not in _VOWELS | {"c", "w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        stems.append(word + word[-1])  # plan -> planned
    if word.endswith("c"):
        stems.append(word + "k")  # panic -> panicked
    forms: set[str] = set()
    consonant_y = word.endswith("y") and word[-2:-1] not in _VOWELS
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.update(stem + "es" for stem in stems)
        if word.endswith("o"):
            forms.add(word + "s")  # radios
    elif consonant_y:
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms.add(word + "d")
    elif consonant_y:
        forms.add(word[:-1] + "ied")
    else:
        forms.update(stem + "ed" for stem in stems)
    if word.endswith("ie"):
        forms.add(word[:-2] + "ying")  # die -> dying
    elif word.endswith(("ee", "ye", "oe")) or len(word) < 3:
        forms.add(word + "ing")  # agreeing, dyeing, being
    elif word.endswith("e"):
        forms.add(word[:-1] + "ing")
        if word.endswith("ge"):
            forms.add(word + "ing")  # singeing
    else:
        forms.update(stem + "ing" for stem in stems)
    return frozenset(forms)


def misinflected(form: str, word: str) -> bool:
    """Whether ``form`` is ``word`` (or ``word`` less a final -e or -y) with a regular
    ending that English spelling does not give this verb ("visites", "tryed").

    Irregular forms ("fled", "said", "heard") are not built that way and pass."""
    stems = {word}
    if word.endswith(("e", "y")):
        stems.add(word[:-1])
    built = any(form == stem + ending for stem in stems for ending in _REGULAR_ENDINGS)
    return built and form != word and form not in regular_inflections(word)


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
