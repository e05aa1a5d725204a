"""Modality of an event trigger: negated, hypothetical, future, or asserted.

Pure functions over the dependency parse; the cue words come from the lexicon's
:class:`~flashpoint.kb.lexicon.ModalityCues`. Two modalities are left to later stages:
"reported" (the statements stage, for events inside quotes) and "historical" (the anchor
stage, from the event's date).

Negation wins over the others ("could not afford a war" is not an assertion either way),
then hypothetical ("would", "if"), then future ("will", "plans to").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..kb.lexicon import ModalityCues
from ..records import Modality

# Links along which a governing verb's modality reaches its complement: "did not try to
# strike" (xcomp), "denied striking" (pcomp/ccomp), "could not afford a war" (dobj).
_UPWARD = frozenset({"xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep", "acomp", "oprd"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})
_MAX_HOPS = 4


def governors(trigger: Token) -> Iterator[Token]:
    """The trigger, then each word that governs it within its clause, nearest first.

    A nominal trigger climbs to its verb ("afford" for "war" in "could not afford a war");
    a verb climbs through complements ("try" for "strike" in "did not try to strike").
    The walk stops at a clause that is reported rather than governed (a speech verb's
    ccomp is its own clause and keeps its own modality, so ccomp is crossed only once).
    """
    token = trigger
    yield token
    if (
        token.dep_ == "conj"
        and token.pos_ in ("VERB", "AUX")
        and token.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    ):
        # "refused to let them land and evacuate": a conjoined verb shares what governs
        # the first conjunct, though not that conjunct's own auxiliaries or negation.
        token = token.head
    for _ in range(_MAX_HOPS):
        if token.dep_ not in _UPWARD or token.head == token:
            return
        token = token.head
        yield token
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "pcomp"):
            return


def _is_negator(token: Token, cues: ModalityCues) -> bool:
    return token.dep_ == "neg" or (
        token.dep_ in ("advmod", "det", "preconj", "cc") and token.lower_ in cues.negators
    )


def is_negated(trigger: Token, cues: ModalityCues) -> bool:
    """'did not attack', 'never attacked', 'no attack', 'denied striking', 'ruled out'."""
    if trigger.pos_ in _NOMINAL and any(
        c.dep_ == "det" and c.lower_ in cues.negative_determiners for c in trigger.children
    ):
        return True
    for i, token in enumerate(governors(trigger)):
        if token.pos_ in _NOMINAL and i > 0:
            continue
        if any(_is_negator(c, cues) for c in token.children):
            return True
        if i > 0 and token.lemma_.lower() in cues.denial_verbs:
            return True
        particle = cues.denial_phrasal.get(token.lemma_.lower())
        if i > 0 and particle and any(c.lower_ == particle for c in token.children):
            return True
    return False


def _reported_would(token: Token, child: Token, cues: ModalityCues) -> bool:
    """'said it would allow': 'would' in reported speech is a future, not a condition."""
    return (
        child.lower_ == "would"
        and token.dep_ == "ccomp"
        and not any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in token.children)
    )


def is_hypothetical(trigger: Token, cues: ModalityCues) -> bool:
    """'could strike', 'might', 'would', 'if ... then', 'considering an attack'."""
    for i, token in enumerate(governors(trigger)):
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in cues.hypothetical_aux:
                if _reported_would(token, child, cues):
                    continue
                return True
            if child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
                return True
        if i > 0 and token.lemma_.lower() in cues.hypothetical_governors:
            return True
    return False


def is_future(trigger: Token, cues: ModalityCues) -> bool:
    """'will impose', 'plans to', 'is going to', 'is about to', 'is set to'."""
    through_object = False
    for i, token in enumerate(governors(trigger)):
        for child in token.children:
            if child.dep_ == "aux" and (
                child.lower_ in cues.future_aux
                or child.lemma_.lower() in cues.future_aux
                or _reported_would(token, child, cues)
            ):
                return True
        # "died due to torture", "worried about the attack": a noun that is the object
        # of "due to" or "about" is a cause or a topic, not an act scheduled ahead.
        governs = not (through_object and token.pos_ not in ("VERB", "AUX"))
        if i > 0 and governs and token.lemma_.lower() in cues.future_governors:
            return True
        if i > 0 and governs and token.lower_ in cues.future_governors:
            return True
        through_object = through_object or token.dep_ == "pobj"
    return False


def modality_of(trigger: Token, cues: ModalityCues) -> Modality:
    """The modality the event stage assigns: negated, hypothetical, future or asserted."""
    if is_negated(trigger, cues):
        return "negated"
    if is_hypothetical(trigger, cues):
        return "hypothetical"
    if is_future(trigger, cues):
        return "future"
    return "asserted"
