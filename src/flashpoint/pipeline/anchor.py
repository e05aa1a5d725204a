"""EventAnchor: dates and places every event; runs last.

For each event in ``doc._.fp_events``:
- date: the time expression attached to the trigger in the dependency parse (its root
  reaches the trigger without crossing another verb, e.g. through npadvmod, prep/pobj,
  tmod; for a noun trigger also its governing verb: "launched an attack on Friday"), else
  the nearest one in the trigger's sentence, else the article date with precision
  "article". A "hours later" expression counts from the previous event's date.
- place: the place attached to the trigger in the same way ("in Baghdad", "into the Green
  Zone", "near Kirkuk", "shelled Donetsk"); where several are, the most specific
  (landmark > city > unresolved name > province > region > country), then the nearest;
  else a place in the sentence that stands in a locative phrase; else none.
- modality: an asserted event dated more than ``historical_days`` before the article
  becomes "historical".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

from .. import timex
from ..records import Event, Modality, Place, TimeRef
from .extensions import article_date
from .places import PLACE_NOUN_FORMS, PLACE_NOUNS

SPECIFICITY: dict[str, float] = {
    "landmark": 5.0,
    "unknown": 4.5,
    "city": 4.0,
    "admin": 3.0,
    "region": 2.0,
    "country": 1.0,
}
#: Prepositions that put an event somewhere (not "with Iran", "against Russia").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "into",
        "inside",
        "outside",
        "across",
        "throughout",
        "around",
        "along",
        "off",
        "over",
        "within",
        "onto",
        "on",
        "nearby",
        "toward",
        "towards",
        "outside of",
        "through",
        "beside",
        "behind",
        "past",
    }
)
#: Prepositions that lead away from where the event happened ("Kurds from Europe marched",
#: "the blockade against Cuba").
BLOCKING_PREPS = frozenset(
    {
        "from",
        "for",
        "against",
        "with",
        "between",
        "by",
        "like",
        "than",
        "about",
        "despite",
        "amid",
        "including",
        "except",
        "toward",
        "towards",
    }
)
#: Prepositions that aim an act at something or take it from somewhere, elsewhere.
AWAY_PREPS = frozenset({"against", "toward", "towards", "from"})
#: Words that make "X of PLACE" a reference point, not the place ("south of Baghdad").
DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northwards",
        "southwards",
        "miles",
        "kilometres",
        "kilometers",
        "km",
    }
)
#: Nouns a country name can modify and still say where: "a Sri Lanka city", "Iraq's border".
PLACE_HEADS = frozenset(
    {
        "city",
        "capital",
        "town",
        "village",
        "border",
        "province",
        "region",
        "coast",
        "territory",
        "soil",
        "airspace",
        "waters",
        "street",
        "streets",
        "side",
        "part",
    }
)
#: Words for a stretch of a country or a site in it, which a country's name before them
#: places ("Ghana's gold belt", "Peru's restive south", "a Kenya hotel"); not
#: those a state owns abroad ("the U.S. base", "Spain's embassy").
AREA_HEADS = (PLACE_NOUN_FORMS - {"base", "bases", "airbase", "airbases"}) | frozenset(
    {"belt", "zone", "battlefield", "heartland", "south", "north", "east", "west", "hotel"}
)
#: Places that lie between two others: "the crossing between Kasama and Mansa" is at both.
STRETCH_NOUNS = PLACE_NOUN_FORMS | frozenset(
    {"frontier", "frontiers", "boundary", "road", "roads", "highway", "corridor", "line"}
)
#: Verbs that say where an event noun happened: "the attack, which took place in X, ...".
HAPPENING_VERBS = frozenset({"take", "occur", "happen", "erupt", "explode", "break", "unfold"})
#: Verbs whose object is where an event noun struck: "died in airstrikes that hit Binnish",
#: "wounded by a blast which rocked the port of Aden".
STRIKING_VERBS = frozenset({"hit", "rock", "strike", "target", "shake", "pound", "tear", "rip"})
#: Participles that place a thing: "the farms located near X", "the hills overlooking X".
LOCATING_VERBS = frozenset(
    {"locate", "situate", "surround", "overlook", "border", "adjoin", "lie", "sit"}
)
MAX_STEPS = 7
_CLAUSE_POS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Anchoring:
    """What the anchor decides for one event."""

    date: TimeRef
    place: Place | None
    modality: Modality


class EventAnchor:
    """spaCy component: sets ``date``, ``place`` and historical modality on each event."""

    def __init__(self, historical_days: int = 30) -> None:
        self.historical_days = historical_days

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.resolve(doc))
        return doc

    def resolve(self, doc: Doc) -> list[Anchoring]:
        """Pure step: one Anchoring per event of ``doc._.fp_events``, in that order."""
        article = article_date(doc)
        # Only expressions that name a period date an event: not "now", "recently".
        times: list[Span] = [
            s
            for s in doc._.fp_times
            if s._.fp_time is not None and timex.value_range(s._.fp_time.value) is not None
        ]
        places: list[Span] = [
            s for s in doc._.fp_places if s._.fp_place is not None and not is_modifier_country(s)
        ]
        events: list[Event] = doc._.fp_events
        order = sorted(range(len(events)), key=lambda i: events[i].trigger.start)
        roots = tree_roots(doc)
        time_trees = [{roots[i] for i in range(s.start, s.end)} for s in times]
        place_trees = [{roots[i] for i in range(s.start, s.end)} for s in places]
        results: dict[int, Anchoring] = {}
        previous: TimeRef | None = None
        for index in order:
            event = events[index]
            trigger = trigger_token(doc, event)
            date = place = None
            if trigger is not None:
                root = roots[trigger.i]
                reachable = in_tree(times, time_trees, root)
                date = self.date_for(trigger, times, article, previous, reachable)
            if date is None:
                date = article_ref(article)
            elif date.precision != "article":
                previous = date
            if trigger is not None:
                place = _place_among(
                    trigger, places, lambda t: in_tree(places, place_trees, roots[t.i])
                )
            results[index] = Anchoring(
                date=date, place=place, modality=self.modality(event, date, article)
            )
        return [results[i] for i in range(len(events))]

    def date_for(
        self,
        trigger: Token,
        times: list[Span],
        article: dt.date,
        previous: TimeRef | None,
        reachable: list[Span] | None = None,
    ) -> TimeRef | None:
        """``reachable``, where given, holds the times of ``times`` that share a parse
        tree with the trigger: no other can attach to it."""
        span = attached(trigger, times if reachable is None else reachable)
        span = span or nearest_in_sentence(trigger, times)
        if span is None:
            return None
        ref: TimeRef = span._.fp_time
        if previous is not None and timex.is_relative_to_previous(ref.text):
            again = timex.resolve(ref.text, article, None, previous)
            if again is not None:
                return again.model_copy(update={"start": ref.start, "end": ref.end})
        return ref

    def modality(self, event: Event, date: TimeRef, article: dt.date) -> Modality:
        if event.modality != "asserted" or date.precision in {"article", "unknown"}:
            return event.modality
        period = timex.value_range(date.value)
        if period is not None and period[1] < article - dt.timedelta(days=self.historical_days):
            return "historical"
        return event.modality

    @staticmethod
    def set_annotations(doc: Doc, results: list[Anchoring]) -> None:
        for event, result in zip(doc._.fp_events, results, strict=True):
            event.date = result.date
            event.place = result.place
            event.modality = result.modality


def article_ref(article: dt.date) -> TimeRef:
    """The fallback date: the article's own, flagged as such by its precision."""
    return TimeRef(text="", value=article.isoformat(), precision="article")


def trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def tree_roots(doc: Doc) -> list[int]:
    """For each token, the index of the root its heads lead up to (-1 where they go round
    in a loop). A span reaches a trigger only through a token of the trigger's tree, so
    the spans of other trees need no walk up from their roots."""
    heads = [i + step for i, step in enumerate(doc.to_array(HEAD).astype("int64").tolist())]
    roots = [-2] * len(heads)
    for start in range(len(heads)):
        path = []
        i = start
        while roots[i] == -2 and heads[i] != i and len(path) <= len(heads):
            path.append(i)
            i = heads[i]
        if roots[i] != -2:
            root = roots[i]
        elif heads[i] == i:
            root = i
        else:
            root = -1
        for j in path:
            roots[j] = root
        roots[i] = root
    return roots


def in_tree(spans: list[Span], trees: list[set[int]], root: int) -> list[Span]:
    """The spans of ``spans`` with a token in the parse tree of ``root`` (``trees`` holds
    the roots of each span's tokens, see ``tree_roots``), in their order; all of them
    where the tree has no root."""
    if root < 0:
        return spans
    return [s for s, found in zip(spans, trees, strict=True) if root in found]


def path_length(trigger: Token, span: Span, from_trigger: bool = True) -> int | None:
    """Steps from the span's root up to ``trigger`` without crossing another clause or a
    preposition that leads away from the event's place ("from" only where it is not on
    the trigger itself, or ``from_trigger`` is False: "fled from Homs" left Homs, but "shelled
    from Homs" was done there)."""
    if span.start <= trigger.i < span.end:
        return 0
    token = span.root
    for steps in range(1, MAX_STEPS + 1):
        if token.head == token:
            return None
        token = token.head
        if token == trigger:
            return steps
        if strikes_where(token) or locates(token):
            continue
        if token.pos_ in _CLAUSE_POS or token.dep_ in {"relcl", "acl", "ccomp", "advcl"}:
            return None
        if (
            token.dep_ == "prep"
            and token.lower_ in BLOCKING_PREPS
            and not (token.lower_ == "from" and token.head == trigger and from_trigger)
            and not (token.lower_ == "between" and token.head.lower_ in STRETCH_NOUNS)
        ):
            return None
    return None


def locates(clause: Token) -> bool:
    """'shelled orchards situated beside the hamlet of Hazm', 'took the ridges above and
    overlooking Hazm': a participle that places the act's object says where the act was."""
    return (
        clause.dep_ == "acl"
        and clause.lemma_ in LOCATING_VERBS
        and clause.head.pos_ == "NOUN"
        and clause.head.dep_ in ("dobj", "pobj", "nsubjpass")
    )


def strikes_where(clause: Token) -> bool:
    """'airstrikes that hit the town of Binnish', 'a blast which rocked Aden': a relative
    clause whose object is what the raid or bomb hit says where it happened."""
    return (
        clause.dep_ == "relcl"
        and clause.lemma_ in STRIKING_VERBS
        and clause.head.pos_ == "NOUN"
        and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in clause.children)
    )


def is_reference_point(span: Span) -> bool:
    """'30 km south of Baghdad': Baghdad only measures where the event was."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    return root.head.head.lower_ in DIRECTIONS


def is_modifier_country(span: Span) -> bool:
    """'a U.S. airstrike', "Jordan's top diplomat": a country naming whose, not where."""
    place = span._.fp_place
    root = span.root
    return (
        place is not None
        and place.feature == "country"
        and root.dep_ in {"compound", "amod", "nmod", "poss"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and root.head.lemma_ not in PLACE_HEADS
        and root.head.lower_ not in AREA_HEADS
    )


def governing_verb(trigger: Token) -> Token | None:
    """The verb a noun trigger depends on ("launched" for "launched an attack")."""
    token = trigger
    for _ in range(3):
        if token.head == token:
            return None
        token = token.head
        if token.pos_ in _CLAUSE_POS:
            return token
    return None


def attachments(trigger: Token, spans: list[Span]) -> list[tuple[Span, int]]:
    """Spans attached to the trigger (or, for a noun trigger, to its verb), with distances."""
    found = [(s, d) for s in spans if (d := path_length(trigger, s)) is not None]

    def add(token: Token, extra: int) -> None:
        seen = {s.start for s, _ in found}
        found.extend(
            (s, d + extra)
            for s in spans
            if s.start not in seen and (d := path_length(token, s)) is not None
        )

    is_clause = trigger.pos_ in _CLAUSE_POS
    if not is_clause and (verb := governing_verb(trigger)) is not None:
        add(verb, 2)
    # "was stabbed and killed near Tikrit": a verb joined straight to the next shares its phrases.
    if is_clause and (partner := joined_verb(trigger)) is not None:
        add(partner, 1)
    clause, extra = trigger, 3
    while (
        is_clause
        and clause.dep_ in {"advcl", "conj", "xcomp"}
        and clause.head.pos_ in _CLAUSE_POS
        and not found
        and extra <= 4
    ):
        # "stormed the village, killing 39 people": the participle happened where its clause
        # did; "struck a Kabul hotel as guests slept, killing nine": where the clause it
        # follows did.
        clause = clause.head
        add(clause, extra)
        extra += 1
    return found


def joined_verb(trigger: Token) -> Token | None:
    """The verb right after ``trigger`` that it is coordinated with ("shot and killed")."""
    for partner in trigger.children:
        if (
            partner.dep_ == "conj"
            and partner.pos_ == "VERB"
            and 0 < partner.i - trigger.i <= 2
            and all(t.lower_ in ("and", "or", ",") for t in trigger.doc[trigger.i + 1 : partner.i])
        ):
            return partner
    return None


def attached(trigger: Token, spans: list[Span]) -> Span | None:
    found = attachments(trigger, spans)
    return min(found, key=lambda item: item[1])[0] if found else None


def nearest_in_sentence(trigger: Token, spans: list[Span]) -> Span | None:
    sentence = trigger.sent
    inside = [s for s in spans if sentence.start <= s.start and s.end <= sentence.end]
    return min(inside, key=lambda s: abs(s.root.i - trigger.i)) if inside else None


def _rank(span: Span) -> float:
    return SPECIFICITY.get(span._.fp_place.feature, 0.0) - (
        3.0 if is_reference_point(span) else 0.0
    )


#: Words that open a clause of the act's own time, most often of its place too.
SAME_TIME_MARKS = frozenset({"as", "while", "whilst", "when", "after", "once"})
#: Verbs of taking ground, whose object a push made to take them is fought over.
TAKING_VERBS = frozenset(
    {"capture", "recapture", "take", "retake", "seize", "storm", "regain", "liberate", "enter"}
)


def purpose_clauses(trigger: Token) -> list[Token]:
    """ "began a push to seize X", "a raid to retake X": the ground a push is
    made to take, on the verb or on its object, is where it is fought."""
    hosts = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    return [
        clause
        for host in hosts
        for clause in host.children
        if clause.dep_ in ("advcl", "acl", "relcl")
        and clause.lemma_ in TAKING_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    ]


def same_time_clauses(trigger: Token) -> list[Token]:
    """ "stabbed as she walked out of a Kabul shop", "died when a mine blew up in Kabul": a
    clause of the act's time; "while" only without a subject of its own, for with one it
    most often sets another scene beside the act ("while thousands marched in Herat")."""
    found = []
    for clause in trigger.children:
        if clause.dep_ != "advcl" or clause.pos_ not in _CLAUSE_POS:
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
        subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        if marks & SAME_TIME_MARKS and not (marks & {"while", "whilst"} and subject):
            found.append(clause)
    return found


def place_attachments(trigger: Token, places: list[Span]) -> list[tuple[Span, int]]:
    """The places attached to the trigger, those of a push's purpose under it, and, where
    none is attached after it, those of a clause of its time."""
    found = attachments(trigger, places)
    if trigger.pos_ not in _CLAUSE_POS:
        return found

    def add(clause: Token) -> None:
        seen = {s.start for s, _ in found}
        found.extend(
            (s, d + 2)
            for s in places
            if s.start not in seen
            and (d := path_length(clause, s, from_trigger=False)) is not None
        )

    for clause in purpose_clauses(trigger):
        add(clause)
    # A place set before the act ("In Herat, a judge was stabbed as she walked out of a
    # shop in Qala Navid") is the scene: the clause may still name a more specific place.
    if all(s.end <= trigger.i for s, _ in found):
        for clause in same_time_clauses(trigger):
            add(clause)
    return found


def place_for(trigger: Token, places: list[Span]) -> Place | None:
    places = [s for s in places if not is_modifier_country(s)]
    return _place_among(trigger, places, lambda _: places)


def _place_among(
    trigger: Token, places: list[Span], nearby: Callable[[Token], list[Span]]
) -> Place | None:
    """``place_for`` over places that name no modifying country. ``nearby(token)`` holds
    those of ``places`` that share a parse tree with the token: only they can attach to
    the trigger or lie inside a place attached to it."""
    found = innermost(place_attachments(trigger, nearby(trigger)))
    if found:
        best = max(found, key=lambda item: (_rank(item[0]), -item[1]))
        inner = within(best[0], nearby(best[0].root))
        return narrowed(inner, places)._.fp_place  # type: ignore[no-any-return]
    sentence = trigger.sent
    locative = [
        s
        for s in places
        if sentence.start <= s.start
        and s.end <= sentence.end
        and is_locative(s)
        and not in_other_content(s, trigger)
    ]
    locative = [s for s, _ in innermost([(s, 0) for s in locative])]
    if not locative:
        return None
    # Not attached to the act: the nearest place is likeliest its own, unless it only
    # measures where ("south of Algiers, near Medea").
    best_span = max(
        locative,
        key=lambda s: (not is_reference_point(s), -abs(s.root.i - trigger.i), _rank(s)),
    )
    return narrowed(best_span, places)._.fp_place  # type: ignore[no-any-return]


#: Words that may stand between a place and the wider area that follows it after a comma:
#: "Kunar province, in eastern Afghanistan", "Latifiya, some 30 km south of Baghdad",
#: "Sur, the capital of Farah province".
_ADDRESS_WORDS = frozenset(
    {"in", "on", "of", "the", "a", "an", "some", "about", "around", "just", "near", "outside"}
    | DIRECTIONS
    | PLACE_HEADS
    | {"km", "kms", "mile", "kilometre", "kilometer", "district", "county", "state", "(", ")"}
)


def narrowed(span: Span, places: list[Span]) -> Span:
    """The place a wider one only locates: "killed in Batman, southeastern Turkey" took place
    in Batman; "Athens, Greece" in Athens. A more specific place that ends just before a
    comma, followed by the chosen place and nothing but locating words, wins."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 10:
        token = doc[i]
        if token.text == ",":
            break
        if not (
            token.lower_ in _ADDRESS_WORDS
            or token.like_num
            or token.pos_ == "ADJ"
            or token.tag_ == "HYPH"
        ):
            return span
        i -= 1
    else:
        return span
    end = i
    if end > 0 and doc[end - 1].text == ")":
        # "the town of Kashgar (Kashi), western China"
        end -= 1
    for other in places:
        if other.end == end and other.sent == span.sent and _rank(other) > _rank(span):
            return other
    return span


def in_other_content(span: Span, trigger: Token) -> bool:
    """Whether the place belongs to what the trigger reports, to whom reports it or to whom
    it concerns, not to the act: "said that a grenade exploded in Kandahar" (a clause the
    trigger takes as its content), "according to sources in Kabul" (where the source is)
    or "the man who lived in Kabul was arrested" (a relative clause on a noun before the
    trigger, unless it says where that noun happened: "the attack, which took place in
    Kabul, killed ..."), or what the act is aimed at or comes from ("protested against
    the sanctions on Libya", "fled from Herat")."""
    token = span.root
    away = False
    while token.head != token:
        away = away or (token.dep_ == "prep" and token.lower_ in AWAY_PREPS)
        if token.dep_ == "ccomp" and token.head == trigger:
            return True
        if token.lower_ == "according":
            return True  # "according to a source in Aleppo": where the source is
        if (
            token.dep_ == "relcl"
            and token.head.i < trigger.i
            and trigger not in token.subtree
            and token.lemma_ not in HAPPENING_VERBS
        ):
            return True
        token = token.head
        if token == trigger:
            return away
    return False


def within(span: Span, places: list[Span]) -> Span:
    """The place inside the chosen one where the climb stopped short of it: "in the Karachi
    suburb of Malir" happened in Malir even where only "Karachi" was in reach."""
    inner = [o for o in places if o is not span and _inside(o, span)]
    return max(inner, key=_rank) if inner else span


def innermost(found: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
    """Leaves out the places that only contain another of ``found``: "Kirkuk city of Kirkuk
    province", "the Punjab town of Multan", "Baghdad's Karrada district", "the Old
    City district in eastern Mosul" happened in the inner place, whatever its rank."""
    return [(s, d) for s, d in found if not any(_inside(o, s) for o, _ in found if o is not s)]


def _inside(inner: Span, outer: Span) -> bool:
    if not contains(outer, inner):
        return False
    # "the Punjab city of Lahore" and "the Karrada district of Baghdad" parse alike:
    # there the broader of the two by what the gazetteer knows is the container, and
    # between equals the later ("the Zurmat district of Paktia province").
    if not contains(inner, outer):
        return True
    return (_rank(inner), -inner.start) > (_rank(outer), -outer.start)


def contains(outer: Span, inner: Span) -> bool:
    """Whether ``outer`` hangs on ``inner``'s phrase as the area it lies in."""
    phrase = set(range(inner.start, inner.end))
    root = inner.root
    # "the town of Cizre", "Cizre town": the noun the name completes is its phrase too
    # ("the Hamra region" too, where the tagger reads the name as an adjective).
    if root.dep_ in ("pobj", "appos") and root.head.lower_ == "of":
        phrase.add(root.head.head.i)
    elif root.dep_ == "compound" or (root.dep_ == "amod" and root.head.lower_ in PLACE_NOUNS):
        phrase.add(root.head.i)
    token = outer.root
    for _ in range(4):
        head = token.head
        if token.dep_ in ("poss", "compound", "nmod") and head.i in phrase:
            return True
        if token.dep_ != "pobj" or head.lower_ not in ("of", "in") or head.dep_ != "prep":
            return False
        noun = head.head
        if noun.i in phrase:
            return True
        if noun.lower_ not in PLACE_NOUNS and noun.lower_ not in DIRECTIONS:
            return False
        # "the town of X of the province of Y": climb through the generic place noun.
        token = noun
    return False


def is_locative(span: Span) -> bool:
    """Whether the place stands in a locative phrase ("in Baghdad", "Baghdad's Green Zone")."""
    root = span.root
    for _ in range(3):
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
            return True
        if root.dep_ in {"appos", "conj", "compound", "poss"} and root.head.dep_ == "pobj":
            return root.head.head.lower_ in LOCATIVE_PREPS
        # "near the town of Jezzine", "in the outskirts of Hama", "north of Kabul":
        # the place of the phrase the name completes.
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.dep_ == "prep":
            root = root.head.head
            if root.lower_ in DIRECTIONS and root.dep_ in {"advmod", "npadvmod"}:
                return True
            continue
        return False
    return False
