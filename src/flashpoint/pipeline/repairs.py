"""Repair dependency parses the small model gets wrong in ways every later stage trips on.

- Coordination joins like with like. In "senators in Norway and Sweden" the parser often
  conjoins "Sweden" with "senators", as if Sweden were a second party beside the
  senators, rather than with "Norway", the name just before the "and"; every later
  stage would then read Sweden as acting on its own. A bare name conjoined with a common
  noun, right after the name that ends that noun's "in", "of" or "from" phrase, is
  conjoined with that name instead. A conjunct with a phrase of its own ("and Sweden's
  army", "and Sweden in turn") is left as parsed.
- A name in a list is not an appositive. In "Norway, the old Sweden, and Denmark" the
  parser reads the second item as renaming the first; a capitalised name set off by
  commas and followed by the list's "and" is the list's item ("Kenya, the host country,
  and Uganda" keeps its appositive).
- A noun has one owner. In "Norway's envoys and delegates of Sweden" the parser hangs
  "of Sweden" on "envoys", which already has one ("Norway's"); the "of" phrase after the
  conjunct is the conjunct's.
- A verb takes no compound modifier: a name the parser hangs on a finite verb that heads
  a clause ("Norway vote on ...", read as a noun compound "Norway vote") is the verb's
  subject, when the verb has none. So is an acronym just before such a verb that the
  tagger read as a modifier ("USAID provided ...", "USAID" read as an adverb).
- A noun with a subject and an object is a verb. In a headline's present tense ("EU and
  UN hand over supplies to X") the tagger may read the verb as a noun although the parser
  gives it a subject before it and an object or particle after it; it is made a verb.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

#: Prepositions whose object says where or whose the noun is ("senators in X").
_PLACE_PREPS = frozenset({"in", "of", "from"})
#: Dependents a bare name may have.
_NAME_PARTS = frozenset({"compound", "det", "amod", "flat"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_FINITE = frozenset({"VBD", "VBP", "VBZ"})
#: How the parser may hang a misread acronym on the verb it is the subject of.
_MODIFIERS = frozenset({"advmod", "amod", "npadvmod", "nmod", "dep"})
#: Where a verb heading a clause stands; a "verb" in a noun's place ("Gulf waters") is a
#: noun the tagger misread, and its compound is right.
_CLAUSAL = frozenset({"ROOT", "ccomp", "conj", "advcl", "parataxis", "relcl"})


class ParseRepair:
    """Fixes the attachments described in the module doc, in place."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ == "NOUN" and token.dep_ == "ROOT":
                self.misread_verb(token)
            if token.pos_ == "NOUN" and token.dep_ != "conj":
                self.coordination(token)
                self.second_owner(token)
            if token.pos_ in ("NOUN", "PROPN"):
                self.listed_appositive(token)
            elif token.pos_ == "VERB" and _finite(token) and token.dep_ in _CLAUSAL:
                self.compound_subject(token)
        return doc

    @staticmethod
    def coordination(noun: Token) -> None:
        objects = [
            pobj
            for prep in noun.rights
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN"
        ]
        if not objects:
            return
        name = objects[-1]
        for conj in [c for c in noun.rights if c.dep_ == "conj" and c.i > name.i]:
            if conj.pos_ != "PROPN" or any(c.dep_ not in _NAME_PARTS for c in conj.children):
                break
            between = conj.doc[name.right_edge.i + 1 : conj.left_edge.i]
            if not len(between) or any(
                not (t.dep_ == "cc" or t.text == ",") or t.head != noun for t in between
            ):
                break
            for word in between:
                word.head = name
            conj.head = name

    @staticmethod
    def listed_appositive(noun: Token) -> None:
        rights = list(noun.rights)
        for k, appos in enumerate(rights):
            if appos.dep_ != "appos" or not appos.is_title or appos.i == appos.sent.start:
                continue
            if any(c.dep_ not in _NAME_PARTS for c in appos.children):
                continue
            later = [c for c in rights[k + 1 :] if c.dep_ == "conj"]
            between = noun.doc[appos.right_edge.i + 1 : later[0].left_edge.i] if later else []
            if later and {t.lower_ for t in between} <= {",", "and", "or"} and len(between):
                appos.dep_ = "conj"

    @staticmethod
    def second_owner(noun: Token) -> None:
        if not any(c.dep_ == "poss" for c in noun.lefts):
            return
        conjuncts = [c for c in noun.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not conjuncts:
            return
        last = conjuncts[-1]
        for prep in list(noun.rights):
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == last.right_edge.i + 1:
                prep.head = last

    @staticmethod
    def misread_verb(noun: Token) -> None:
        if any(c.dep_ == "nsubj" for c in noun.lefts) and any(
            c.dep_ in ("dobj", "prt") for c in noun.rights
        ):
            noun.pos_, noun.tag_ = "VERB", "VBP"

    @staticmethod
    def compound_subject(verb: Token) -> None:
        if any(c.dep_ in _SUBJECTS for c in verb.children):
            return
        names = [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        names += [
            c
            for c in verb.lefts
            if all(t.dep_ in ("aux", "neg") for t in verb.doc[c.i + 1 : verb.i])
            and c.dep_ in _MODIFIERS
            and c.is_upper
            and c.is_alpha
            and len(c) > 1
        ]
        if names:
            names[-1].dep_ = "nsubj"
            names[-1].pos_ = "PROPN"


def _finite(verb: Token) -> bool:
    """Whether a verb heads a finite clause: by its own tense or its auxiliary's ("has
    announced", "will send")."""
    return verb.tag_ in _FINITE or any(
        c.dep_ == "aux" and c.tag_ in (*_FINITE, "MD") for c in verb.children
    )
