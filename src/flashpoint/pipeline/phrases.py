"""The noun phrase that fills an event role, around the actor mention found in it.

An actor mention names who acted ("Putin"); the role is filled by a whole phrase ("Russian
President Vladimir Putin's offer", "the U.S. Embassy in Athens"). Event records keep both:
the mention for the code, the phrase as the evidence of what the sentence says took the
role.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .places import PLACE_NOUNS, SITE_NOUNS

#: Dependencies that keep a word inside the noun phrase of its head.
_INSIDE_NP = frozenset({"poss", "compound", "amod", "nmod", "appos", "nummod", "quantmod"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})
#: Dependents left out of a phrase: clauses, and conjuncts, which are roles of their own.
_OUTSIDE = frozenset(
    {"relcl", "ccomp", "advcl", "mark", "conj", "cc", "punct", "npadvmod", "advmod"}
)
#: Prepositions whose phrase says when, why, in what capacity or about what, never which
#: actor: "guards on the roads", "hostages as bargaining chips", "the ministry during a call",
#: "banks over a fraud".
#: The parse hangs them on the noun where they belong to the verb, or they add to a role
#: rather than name it ("medics, including volunteers").
_NOT_IDENTIFYING = frozenset(
    {
        "on",
        "as",
        "during",
        "following",
        "after",
        "before",
        "since",
        "throughout",
        "amid",
        "despite",
        "due",
        "because",
        "including",
        "over",
    }
)
#: Nouns that name an act: an apposition headed by one says what was done to or by
#: the actor ("a school in Tarvo, the second attack this week"), not who the actor is.
_ACT_NOUNS = frozenset(
    {"attack", "assault", "raid", "strike", "bombing", "blast", "incident", "ambush", "massacre"}
)
#: Nouns of what an actor asks, offers, decides or pursues. Owned by the actor ("Lima's
#: offer", "the Vorland plan"), the noun is the role; its complement ("of a truce", "for
#: talks", "in the north") says what was offered or planned, not whose it is.
_CONTENT_NOUNS = frozenset(
    {
        "appeal",
        "bid",
        "call",
        "ceasefire",
        "decision",
        "demand",
        "effort",
        "involvement",
        "move",
        "offer",
        "plan",
        "pledge",
        "policy",
        "proposal",
        "protocol",
        "request",
        "strategy",
        "truce",
    }
)
#: Nouns that place who is meant without a name: "rebels in the capital".
_PLACE_WORDS = PLACE_NOUNS | {"country", "capital", "nation", "state", "territory"}
#: Entity types of names of places and bodies, which an apposition describes, not names.
_NAMED_NON_PERSONS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
#: Dependents that stand between parts of a phrase without ending it.
_SEPARATORS = frozenset({"punct", "cc", "conj"})


#: Nouns of what one side puts to another to take or turn down. Made "by" or "from" an
#: actor ("a request by Lima", "an offer from the junta", "a resolution tabled by Tarvo"),
#: the noun is what is accepted or refused, the actor named in it. A demand or accusation
#: is not: what is rejected there is the accuser's word, and the role is the accuser.
_PROPOSAL_NOUNS = frozenset(
    {
        "help",
        "initiative",
        "invitation",
        "offer",
        "plan",
        "proposal",
        "request",
        "resolution",
        "support",
    }
)
_AUTHOR_PREPOSITIONS = frozenset({"by", "from"})
#: Nouns of an act done to what their "of" phrase names: in "lifted its blockade of Tarvo"
#: or "suspended publication of a daily" the one acted on is Tarvo, the daily, and the role
#: stops there rather than take in the act.
_ACTS_ON_OF = frozenset(
    {
        "arrest",
        "blockade",
        "bombing",
        "boycott",
        "capture",
        "deportation",
        "detention",
        "development",
        "embargo",
        "evacuation",
        "expulsion",
        "export",
        "import",
        "inquiry",
        "invasion",
        "investigation",
        "killing",
        "occupation",
        "probe",
        "publication",
        "release",
        "sanction",
        "shelling",
        "siege",
    }
)

#: Verbs whose object takes an "of" complement of its own: "accused X of fraud".
_OF_COMPLEMENT = frozenset({"accuse", "convict", "suspect", "acquit", "warn", "inform"})


def role_phrase(mention: Span, trigger: Span, coordination: bool = False) -> Span:
    """The phrase around ``mention`` that fills its role next to ``trigger``.

    Climbs from the mention's head through possessives, compounds, appositions and "of"
    phrases to the noun the clause takes as its argument, stopping at the trigger, then
    spans that noun's subtree less clauses and conjuncts (each conjunct fills the role
    on its own). Where that phrase would take in the trigger ("U.S. airstrikes"), the
    mention is the phrase. With ``coordination`` (conjoined actors acting on each other:
    "the United States and Jordan signed a pact") the role is the whole coordination.
    """
    head = mention.root
    while True:
        parent = _nominal_parent(head)
        if coordination and parent is None and head.dep_ == "conj":
            parent = head.head
        if parent is None or parent.i in range(trigger.start, trigger.end):
            break
        head = parent
    verb_of = trigger.root.lemma_.lower() in _OF_COMPLEMENT and head.head == trigger.root
    start, end = _extent(head, keep_conjuncts=coordination, verb_of=verb_of)
    start, end = min(start, mention.start), max(end, mention.end)
    start = _title_before(head, start)
    for child in head.lefts:
        if child.left_edge.i == start and _not_who(child):
            start = child.right_edge.i + 1  # the mention took in "days later" before a name
    end = _site_placed(head, end)
    first = mention.doc[start]
    if not coordination and start < end - 1 and _pairs(first.head, first):
        start += 1  # the mention took in the "both" of "both X and Y"
    if start < trigger.end and trigger.start < end:
        return mention  # the phrase would take in the event word itself
    if parent is not None and _wielded(parent, trigger) and end == parent.i:
        end += 1  # "Norvian army shells hit": the shells, the army's, did it
    return mention.doc[start:end]


def _wielded(noun: Token, trigger: Span) -> bool:
    """Whether ``noun`` opens a verb's trigger as the thing its subject wielded ("shells
    hit", "warplanes struck"): the actor named on it acted through it."""
    return (
        noun.i == trigger.start
        and noun != trigger.root
        and noun.pos_ == "NOUN"
        and noun.dep_ in ("nsubj", "nsubjpass")
        and trigger.root.pos_ in ("VERB", "AUX")
    )


def _title_before(head: Token, start: int) -> int:
    """Where a name's phrase starts when the parse split a title before it off as a second
    argument of the verb: in "met his counterpart Ana Reyes" the two are one person."""
    doc = head.doc
    if start == 0 or head.pos_ != "PROPN" or head.dep_ not in ("dobj", "nsubj", "pobj"):
        return start
    title = doc[start - 1]
    while title.head != title and title.head.i < start and title.head.i > title.i:
        title = title.head
    if (
        title.head == head.head
        and title.dep_ == head.dep_
        and title.pos_ in ("NOUN", "ADJ")
        and title.right_edge.i == start - 1
        and any(child.dep_ in ("poss", "det") for child in title.children)
    ):
        return title.left_edge.i
    return start


def _site_placed(head: Token, end: int) -> int:
    """Where the phrase of a site ends when the parse hung its place on the verb: in
    "rebels stormed a police post in northern Tarvo" the place says which post."""
    doc = head.doc
    if end >= len(doc) or head.dep_ != "dobj" or head.lemma_.lower() not in SITE_NOUNS:
        return end
    prep = doc[end]
    if prep.lower_ != "in" or prep.head != head.head or not _names_somewhere(prep):
        return end
    if _is_time(prep):
        return end
    return prep.right_edge.i + 1


def _nominal_parent(token: Token) -> Token | None:
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        # "depot of the Syrian army", not "talks with" or "attacks on" the actor.
        noun = token.head.head
        if token.head.lower_ == "of" and noun.pos_ in _NOMINAL:
            return None if noun.lemma_.lower() in _ACTS_ON_OF else noun
        if token.head.lower_ in _AUTHOR_PREPOSITIONS and _is_proposal(noun):
            return noun  # "a request by Lima", "an offer from the junta": the request
        return None
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        participle = token.head.head
        if participle.dep_ == "acl" and participle.tag_ == "VBN" and _is_proposal(participle.head):
            return participle.head  # "a plan put forward by Tarvo": the plan
        return None
    if token.dep_ in _INSIDE_NP and token.head != token and token.head.pos_ in _NOMINAL:
        return token.head
    participle = token.head
    if (
        participle.tag_ in ("VBN", "VBG", "JJ")
        and participle.dep_ in ("amod", "compound")
        and participle.head.pos_ in _NOMINAL
        and token.i + 2 == participle.i
        and token.nbor().tag_ == "HYPH"
    ):
        # "the rebel-held town", "the migrant-friendly city": the town is what the clause
        # names.
        return participle.head
    return None


def _is_proposal(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in _PROPOSAL_NOUNS


def _extent(head: Token, keep_conjuncts: bool = False, verb_of: bool = False) -> tuple[int, int]:
    """Token bounds of ``head``'s phrase: its subtree less clauses hanging off it.

    A phrase is contiguous: a dependent left out on the right ends it there, so what
    follows ("hostages as bargaining chips in Tarvo") is left out with it.
    """
    doc = head.doc
    start, end, stop = head.i, head.i + 1, len(doc)
    for child in head.children:
        if keep_conjuncts and child.dep_ in ("conj", "cc"):
            start, end = min(start, child.left_edge.i), max(end, child.right_edge.i + 1)
            continue
        if _pairs(head, child) and not keep_conjuncts:
            continue  # "both X and Y": "both" belongs to the pair, not to X alone
        if _left_out(head, child) or (verb_of and child.dep_ == "prep" and child.lower_ == "of"):
            if child.i > head.i and child.dep_ not in _SEPARATORS:
                stop = min(stop, child.left_edge.i)
            continue
        start = min(start, child.left_edge.i)
        end = max(end, child.right_edge.i + 1)
    end = min(end, stop)
    if not keep_conjuncts:
        end = min(end, _next_actor(head, end))
    # A clause on a noun inside the phrase ends it too: "a unit of the firm that was fined".
    # On a pronoun the clause is all that says who is meant: "those who fled".
    # So does a date on a clause inside it ("the offer sent by Lima on Monday"), and a
    # clause on a noun inside it that is left out on the head too, such as a present
    # participle ("a band of monks marching on the palace").
    for token in doc[head.i + 1 : end]:
        if token.dep_ == "relcl" and token.left_edge.i > head.i and token.head.pos_ != "PRON":
            end = min(end, token.left_edge.i)
        if token.dep_ in ("prep", "npadvmod") and token.head.pos_ == "VERB" and _is_time(token):
            end = min(end, token.left_edge.i)
        if token.dep_ == "acl" and token.tag_ != "VBN" and token.head.pos_ == "NOUN":
            end = min(end, token.left_edge.i)
    while end - 1 > start and doc[end - 1].is_punct and not _closes(doc[start:end]):
        end -= 1
    if end < len(doc) and _closes(doc[start : end + 1]):
        end += 1  # the parse hung the closing bracket outside: "the Front ( VLF )"
    return start, end


def _next_actor(head: Token, end: int) -> int:
    """Where a conjunct naming an actor of its own starts, inside ``head``'s phrase: in
    "envoys from Norvia, Tarvo and Lund" each country fills the role on its own, so the
    phrase is "envoys from Norvia"; ``end`` where there is none."""
    doc = head.doc
    actors: list[Span] | None = None  # read only for a phrase with a conjunct in it
    named: list[Span] = []
    for token in doc[head.i + 1 : end]:
        first = token.head
        if token.dep_ != "conj" or first == head or first.dep_ != "pobj":
            continue
        if actors is None:
            actors = [span for span in doc._.fp_actors if span.start < end and head.i < span.end]
            named = [*actors, *doc._.fp_country_refs]
        if not any(s.start <= first.i < s.end for s in actors):
            continue
        if not any(s.start <= token.i < s.end for s in named) or not _own_referent(token):
            continue
        cut = token.left_edge.i
        while cut > first.i + 1 and doc[cut - 1].dep_ in ("cc", "punct"):
            cut -= 1  # the comma or "and" before the conjunct
        return cut
    return end


def _of_a_nation(head: Token) -> bool:
    """Whether a nationality before ``head`` says whose it is: "Norvian troops"."""
    return any(
        child.dep_ in ("amod", "compound") and child.ent_type_ == "NORP" and child.i < head.i
        for child in head.children
    )


def _own_referent(token: Token) -> bool:
    """Whether a conjunct names someone by itself: a name, or a noun with its own
    determiner ("its allies"). A bare noun shares the first conjunct's words: "hundreds of
    men, women and children"."""
    return (
        token.pos_ == "PROPN"
        or token.ent_type_ in ("GPE", "NORP")
        or any(child.dep_ in ("det", "poss") for child in token.children)
    )


def _left_out(head: Token, child: Token) -> bool:
    if child.dep_ in _OUTSIDE or _is_time(child):
        return True
    if _not_who(child):
        return True
    if child.dep_ == "prep" and head.ent_type_ == "PERSON":
        return True  # "met Trump in Washington": where they met, not which Trump
    if child.dep_ == "prep" and child.lower_ != "of" and _after_a_name(head, child):
        return True  # "the premier Ana Reyes at the palace": the same, hung on her title
    if child.dep_ == "prep" and child.lower_ in _NOT_IDENTIFYING:
        return True
    if child.dep_ == "appos" and child.lemma_.lower() in _ACT_NOUNS:
        return True  # "a camp in Tarvo, the third attack this month": it names the act
    if child.dep_ == "appos" and _describes_a_name(head, child):
        return True
    if head.ent_type_ in ("GPE", "LOC") and child.lower_ == "of" and child.ent_iob_ != "I":
        return True  # "charges by Tarvo of fraud": what of, not which Tarvo
    if child.dep_ in ("prep", "acl") and child.i > head.i and _owned_content(head):
        return True  # "Lima's offer of a truce", "Lima's offer made in May": the offer
    if child.dep_ == "prep" and child.lower_ == "in" and not _names_somewhere(child):
        return True  # "fighters in reply", "the ministry in a note": how, not where
    if child.dep_ == "prep" and child.lower_ == "in" and _of_a_nation(head):
        return True  # "the Norvian envoy in Lund": Norvia's, where he serves
    # "an offer to mediate": the clause is not the actor; nor is a present participle,
    # which tells what the actor was doing ("families sheltering in tents"), where a past
    # one often says which are meant ("troops based in Lund"). Nor is any participle on a
    # sentence's head noun, which is the main verb misread, or on a name, which needs no
    # clause to say who is meant ("a deadline to Lima threatening force").
    return child.dep_ == "acl" and (
        child.tag_ != "VBN" or head.dep_ == "ROOT" or head.pos_ == "PROPN"
    )


def _not_who(child: Token) -> bool:
    """Whether ``child``, before the actor, is a word of the clause the parse hung on it: a
    time ("days later Lima", "hours earlier the junta") or the "free" of "let free" or
    "set loose" ("let free the prisoners"), which says what was done to them."""
    if child.lower_ in ("earlier", "later"):
        return any(c.dep_ == "npadvmod" for c in child.children)
    if child.lower_ in ("free", "loose") and child.dep_ == "amod" and child.i > 0:
        return child.doc[child.i - 1].lemma_.lower() in ("let", "set", "cut")
    return False


def _pairs(head: Token, child: Token) -> bool:
    """Whether ``child`` is the "both" (or "either", "neither") of a coordination headed by
    ``head``, parsed as its conjunction or as its determiner."""
    if child.dep_ == "preconj":
        return True
    return (
        child.dep_ in ("det", "predet")
        and child.lower_ in ("both", "either", "neither")
        and any(other.dep_ == "conj" for other in head.children)
    )


def _after_a_name(head: Token, prep: Token) -> bool:
    """Whether ``prep`` follows a person's name set beside its head, a title."""
    return any(
        child.dep_ == "appos" and child.ent_type_ == "PERSON" and child.i < prep.i
        for child in head.children
    )


def _owned_content(head: Token) -> bool:
    """Whether ``head`` is a content noun with its owner before it: "Lima's offer"."""
    if head.pos_ != "NOUN":
        return False  # a name, "the Vorland Plan of Action", is whole
    return head.lemma_.lower() in _CONTENT_NOUNS and any(
        child.dep_ in ("poss", "compound", "nmod") and child.i < head.i for child in head.children
    )


def _describes_a_name(head: Token, appos: Token) -> bool:
    """Whether ``appos`` tells about a named place or body rather than who it is: "Tarvo,
    a port on the coast", "the Vorland League, a pact of six states". A person's role
    ("Ana Reyes, a senior envoy") says who acted, and stays in the phrase."""
    doc = head.doc
    return (
        head.pos_ == "PROPN"
        and head.ent_type_ in _NAMED_NON_PERSONS
        and appos.pos_ == "NOUN"
        and appos.left_edge.i > 0
        and doc[appos.left_edge.i - 1].text == ","
        and any(child.dep_ in ("det", "poss") for child in appos.children)
    )


def _names_somewhere(prep: Token) -> bool:
    """Whether the preposition's object names a place or an actor ("in Kabul", "in the
    capital", "in Congress"), as a phrase placing who is meant does."""
    doc = prep.doc
    found = [*doc._.fp_places, *doc._.fp_actors, *doc._.fp_country_refs]
    tokens = range(prep.i + 1, prep.right_edge.i + 1)
    if any(span.start <= i < span.end for span in found for i in tokens):
        return True
    return any(
        doc[i].ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP")
        or doc[i].lemma_.lower() in _PLACE_WORDS
        for i in tokens
    )


def _closes(span: Span) -> bool:
    """Whether the span's last token closes a bracket opened inside it: "the Front ( VLF )"."""
    last = span[-1]
    if not last.is_right_punct or not last.is_bracket:
        return False
    opened = sum(1 for t in span if t.is_left_punct and t.is_bracket)
    closed = sum(1 for t in span if t.is_right_punct and t.is_bracket)
    return opened >= closed > 0


def _is_time(child: Token) -> bool:
    """A date hanging off the noun ("talks on Tuesday"): when, not who."""
    if child.dep_ == "prep":
        return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in child.children)
    return child.ent_type_ in ("DATE", "TIME") and child.dep_ != "poss"
