"""PlaceTagger: finds place mentions and resolves them against the gazetteer.

Candidates are spaCy's GPE, LOC and FAC entities, gazetteer landmarks the model misses
("the Green Zone"), and a demonym before "capital" ("the Iraqi capital" -> Baghdad).
Countries, landmarks and US states resolve first; they and the demonyms in the article
then pick between cities of one name ("Paris" in an article about Texas). A mention the
gazetteer does not know is kept with its text as name, no country and feature "unknown"
("admin" where its last word names a division of a state: "Kasama province"): it is
still where something happened.

A place name used for the state or government acting ("Washington said", "Iran rejected
the offer") is an actor, not a place: it is left out when it is the active subject of a
verb, or when the actors stage coded a span over it as a verb's subject or object.
"""

from __future__ import annotations

import re

from spacy.attrs import IS_TITLE, LOWER, POS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import hash_string
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..kb.places import Gazetteer, PlaceEntry, place_key
from ..records import Actor, Place, PlaceFeature
from ..timex import MONTHS, WEEKDAYS
from .extensions import is_masked
from .spans import span_covering

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent"})
_DIRECTIONS = (
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "downtown",
    "greater",
    "rural",
    "occupied",
    "war-torn",
    "neighbouring",
    "neighboring",
)
_COPULAS = frozenset({"be", "remain", "become", "lie", "sit"})
#: Verbs whose object is ground moved over or taken: the object is a place as well as,
#: where the actors stage coded it, the recipient ("shelled Aleppo", "entered Syria").
TERRITORIAL_VERBS = frozenset(
    {
        "enter",
        "patrol",
        "capture",
        "seize",
        "annex",
        "occupy",
        "invade",
        "storm",
        "besiege",
        "shell",
        "bomb",
        "raid",
        "overrun",
        "recapture",
        "retake",
        "liberate",
        "visit",
        "tour",
        "cross",
        "leave",
        "flee",
        "reach",
    }
)

#: Words naming a division of a country after its name ("Kandahar province").
_DIVISION_WORDS = frozenset({"province", "state", "region", "governorate", "district"})

PLACE_NOUNS = frozenset(
    {
        "town",
        "village",
        "city",
        "district",
        "area",
        "neighborhood",
        "neighbourhood",
        "province",
        "region",
        "camp",
        "suburb",
        "governorate",
        "county",
        "valley",
        "township",
        "quarter",
        "municipality",
        "border",
        "crossing",
        "base",
        "airbase",
        "countryside",
        "outskirts",
        "airport",
        "lga",
        "settlement",
        "hamlet",
        "island",
        "islet",
        "peninsula",
        "commune",
        "locality",
        "oasis",
        "enclave",
        "suburbs",
        "vicinity",
        "farm",
        "street",
        "sector",
        "slope",
        "hill",
        "hilltop",
        "mountain",
        "mountaintop",
        "perimeter",
        "periphery",
        "flank",
        "environs",
    }
)
#: The nouns and their plurals ("the villages of X and Y").
PLACE_NOUN_FORMS = PLACE_NOUNS | frozenset(
    n[:-1] + "ies" if n.endswith("y") else n + "s" for n in PLACE_NOUNS
)
#: Place nouns after which a name the model tagged as a person or an organisation is still
#: a place ("the Kasama district"); not those a group also has ("the Smith camp").
_NAMING_PLACE_NOUNS = PLACE_NOUN_FORMS - {
    "camp",
    "base",
    "airbase",
    "border",
    "crossing",
    "camps",
    "bases",
    "airbases",
    "borders",
    "crossings",
}
#: Prepositions after which an untagged proper noun is taken for a place ("in Maru").
_PLACE_PREPS = frozenset({"in", "inside", "near", "outside", "around", "at"})
#: Entity types that say a proper noun is no place.
_NOT_PLACES = frozenset(
    {"PERSON", "ORG", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "MONEY"}
)

#: Words that make a name an institution's or an occasion's, not a place's
#: ("Riverside General Hospital", "the Asian Games").
INSTITUTION_WORDS = frozenset(
    {
        "university",
        "college",
        "school",
        "academy",
        "institute",
        "hospital",
        "center",
        "centre",
        "clinic",
        "embassy",
        "consulate",
        "ministry",
        "council",
        "committee",
        "commission",
        "conference",
        "summit",
        "forum",
        "championship",
        "championships",
        "games",
        "cup",
        "open",
        "party",
        "front",
        "company",
        "corporation",
        "bank",
        "court",
        "association",
        "union",
        "agency",
        "group",
        "network",
        "television",
        "radio",
        "news",
    }
)
#: Faiths and peoples without a state of their own, named before a place noun ("the Sunni
#: city", "a Kurdish village"): who lives there, not the place's name.
COMMUNITY_WORDS = frozenset(
    {
        "muslim",
        "sunni",
        "shia",
        "shi'a",
        "shi'i",
        "shiite",
        "shi'ite",
        "alawite",
        "druze",
        "christian",
        "catholic",
        "orthodox",
        "protestant",
        "coptic",
        "jewish",
        "hindu",
        "sikh",
        "buddhist",
        "yazidi",
        "kurdish",
        "arab",
        "bedouin",
        "tamil",
        "pashtun",
        "rohingya",
        "tibetan",
        "uighur",
        "uyghur",
        "berber",
        "tuareg",
    }
)
#: The Arabic article written before a name ("al-Bab", "el-Arish", "ash-Shaddadi").
_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an")
_ARTICLE_IDS = frozenset(hash_string(a) for a in _ARTICLES)
_NAME_POS = frozenset({PROPN, NOUN})
_ARTICLE_PREFIX = re.compile(rf"^(?:{'|'.join(_ARTICLES)})-[A-Z]")
#: Entity types the small model gives place names it does not know.
_MISTAKEN_FOR_PLACES = frozenset({"PERSON", "ORG"})

#: An untagged proper noun is taken for a city of this name only when the city is this big.
KNOWN_CITY_POPULATION = 100_000

Found = list[tuple[Span, Place]]


class PlaceTagger:
    """spaCy component: ``doc._.fp_places`` spans, each with ``span._.fp_place`` (a Place)."""

    def __init__(self, nlp: Language, kb: Gazetteer) -> None:
        self.kb = kb
        self.capital_keys = frozenset(place_key(c.name) for c in kb.capitals.values())
        self.landmarks = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.landmarks.add("LANDMARK", [nlp.make_doc(p) for p in kb.landmark_phrases])
        self.capitals = Matcher(nlp.vocab)
        demonyms = sorted({d for d in kb.demonyms if " " not in d})
        self.capitals.add("CAPITAL", [[{"LOWER": {"IN": demonyms}}, {"LOWER": "capital"}]])
        # Most articles have no demonym before "capital": a look at the doc's words spares
        # the matcher's run over every token.
        self.demonym_ids = frozenset(hash_string(d) for d in demonyms)
        self.capital_id = hash_string("capital")

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def candidates(self, doc: Doc) -> list[Span]:
        spans = [e for e in doc.ents if e.label_ in PLACE_LABELS]
        spans += [Span(doc, s, e, label="LOC") for _, s, e in self.landmarks(doc)]
        # "the Georgian capital" stands for the city, unless the text names it: "the
        # Georgian capital of Tbilisi", "the Georgian capital, Tbilisi", "the Georgian
        # capital Tbilisi", "Tbilisi, the Georgian capital".
        spans += [
            Span(doc, s, e, label="CAPITAL")
            for _, s, e in self.capital_matches(doc)
            if not (
                e + 1 < len(doc)
                and doc[e].lower_ in ("of", ",")
                and doc[e + 1].pos_ == "PROPN"
                and doc[e + 1].is_title
            )
            and not (
                e < len(doc)
                and doc[e].pos_ == "PROPN"
                and doc[e].is_title
                and doc[e].ent_type_ not in ("DATE", "TIME")
            )
            and not (doc[e - 1].dep_ == "appos" and doc[e - 1].head.pos_ == "PROPN")
        ]
        # "the Kasama" tagged as a whole is the name "Kasama".
        ents = {(e.start + (e[0].lower_ == "the" and len(e) > 1), e.end) for e in doc.ents}
        for start, end in _named_matches(doc):
            # "the village of X" names a place whatever the model took X for.
            name = _name_part(
                doc[start:end],
                after_place_noun=doc[start].lower_ in (*PLACE_NOUN_FORMS, "capital"),
            )
            name = self.without_people_name(name) if name is not None else None
            name = _whole_name(name) if name is not None else None
            if name is not None and not any(
                s <= name.start < e for s, e in ents if (s, e) != (name.start, name.end)
            ):
                spans.append(name)
        trimmed = [t for t in (_trim(s) for s in spans) if t is not None]
        kept = [
            s
            for s in trimmed
            if not is_masked(doc, s.start_char, s.end_char) and not self.is_demonym(s)
        ]
        kept += self.known_names(doc, kept)
        return sorted(filter_spans(kept), key=lambda s: s.start)

    def capital_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The ``capitals`` matches, read only where the doc has the words they need."""
        words = set(doc.to_array(LOWER).tolist())
        if self.capital_id not in words or words.isdisjoint(self.demonym_ids):
            return []
        return self.capitals(doc)  # type: ignore[return-value]

    def is_demonym(self, span: Span) -> bool:
        """ "the Angolan city of Lobito": a people's name the model tagged as a place."""
        if all(t.lower_ in COMMUNITY_WORDS for t in span):
            return True  # "a Shia neighbourhood"
        key = place_key(span.text)
        return key not in self.kb.countries and self.kb.country_of_demonym(span.text) is not None

    def without_people_name(self, span: Span) -> Span | None:
        """The name less a leading nation's or faith's name ("Buddhist Thailand" ->
        "Thailand"); None where nothing else is left ("the Kurdish village")."""
        start = span.start
        while start < span.end and span.doc[start].lower_ in COMMUNITY_WORDS:
            start += 1
        if start == span.end or self.kb.country_of_demonym(span.doc[start:span.end].text):
            return None
        return Span(span.doc, start, span.end, label=span.label_)

    def known_names(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Proper nouns the model left untagged or mistagged ("in Kyiv", "on Sanaa") that
        the gazetteer knows as a country, landmark or sizeable city, where the parse puts
        them in a place's position."""
        taken = {i for s in found for i in range(s.start, s.end)}
        # "on Jan. 16": a date is no place, whatever city shares its name.
        taken |= {i for s in doc._.fp_times or () for i in range(s.start, s.end)}
        extra: list[Span] = []

        def is_name(token: Token) -> bool:
            # "Sa’eed", "al-Bab": names with an apostrophe or an article are names too.
            if (
                token.pos_ == "PROPN"
                and not token.is_upper  # "SDF", "GMT": acronyms are rarely places
                and (token.text[:1].isupper() or _ARTICLE_PREFIX.match(token.text) is not None)
            ):
                return True
            # The tagger takes some names for common nouns ("killed in Marib"); a capital
            # letter inside a sentence still marks them.
            return token.is_title and (
                token.pos_ == "PROPN"
                or (
                    token.pos_ == "NOUN"
                    and token.i > token.sent.start
                    and token.is_alpha
                    and token.lower_.rstrip("s") not in WEEKDAYS
                    and token.lower_ not in MONTHS
                )
            )

        def article_before(k: int) -> bool:
            # "al - Qusour" as the tokenizer splits it: the article starts the name.
            return (
                k + 2 < len(doc)
                and doc[k].lower_ in _ARTICLES
                and doc[k + 1].text == "-"
                and doc[k + 1].whitespace_ == ""
                and doc[k].whitespace_ == ""
                and is_name(doc[k + 2])
                and not {k, k + 1, k + 2} & taken
            )

        # Only a proper or common noun is a name, and only an article starts one.
        rows = doc.to_array([POS, LOWER]).tolist()
        maybe = [pos in _NAME_POS or lower in _ARTICLE_IDS for pos, lower in rows]
        i = 0
        while i < len(doc):
            if not maybe[i] or not (is_name(doc[i]) or article_before(i)) or i in taken:
                i += 1
                continue
            j = i + 2 if article_before(i) else i
            while j < len(doc) and is_name(doc[j]) and j not in taken:
                j += 1
            span = Span(doc, i, j, label="GPE")
            i = j
            if span.root.dep_ not in {"pobj", "dobj", "nsubjpass", "conj", "appos"} and not (
                _on_a_site(span)
            ):
                continue
            if any(t.ent_type_ == "PERSON" for t in span) and any(
                len(e) > len(span)
                for e in doc.ents
                if e.label_ == "PERSON" and e.start <= span.start < e.end
            ):
                continue
            if _on_a_site(span) and self.without_people_name(span) != span:
                continue  # "a Shia neighbourhood": who lives there, not its name
            if _coded_organisation(span) and place_key(span.text) not in self.kb.countries:
                continue  # "Hamas", "Hezbollah": a group the actors stage knows
            if (
                self.is_known(span)
                or _untagged_locative(span)
                or _taken_ground(span)
                or named_by_place_noun(span)
            ):
                extra.append(span)
        return extra

    def is_known(self, span: Span) -> bool:
        """Whether the gazetteer knows the name as a country, landmark, US state or a
        sizeable city (a small town's name is as often someone's), or, right after a
        preposition of place or on a building ("in Yala", "Bethlehem's church"), as any
        town it holds."""
        key = place_key(span.text)
        if key in self.kb.landmarks or key in self.kb.countries or key in self.kb.admins:
            return True
        city = self.kb.best_city(key)
        if city is None:
            return False
        return city.population >= KNOWN_CITY_POPULATION or _at_a_place(span)

    def mistaken_for_person(self, span: Span, full_names: set[str]) -> bool:
        """A known place the model took for a person or a firm ("the mayor of Bukavu", "the
        Medan courthouse"): where the parse puts it in a place's position, it is that place,
        unless the article also writes it inside a person's full name, or the actors stage
        read it as part of a longer name ("President Jackson", "the Bukavu Mining Company")."""
        if not _in_place_position(span) or not self.is_known(span):
            return False
        if any(t.lower_ in full_names for t in span):
            return False
        actor = span_covering(span.doc._.fp_actors, span.root)
        return actor is None or all(
            span.start <= t.i < span.end for t in actor if t.is_title and t.pos_ == "PROPN"
        )

    def find(self, doc: Doc) -> Found:
        """Pure step: every place mention that is not an actor, with its resolved Place."""
        people = _person_words(doc)
        full_names = _full_name_words(doc)
        # "the metro", "the border": an entity the model tagged in lower case is a common
        # noun, not a place's name.
        candidates = [
            s
            for s in self.candidates(doc)
            if s.label_ not in PLACE_LABELS or any(c.isupper() for c in s.text)
        ]
        spans = [
            s
            for s in candidates
            if named_by_place_noun(s)
            or _untagged_locative(s)
            or _taken_ground(s)
            or (
                self.mistaken_for_person(s, full_names)
                and (_on_a_site(s) or not is_metonym(s))
            )
            or not (
                is_metonym(s)
                or (_is_person(s, people) and place_key(s.text) not in self.kb.countries)
                or _in_organisation_name(s)
            )
        ]
        countries, admins = self.context(doc, spans)
        found: Found = []
        for span in spans:
            entry = self.resolve(span, countries, admins)
            if entry is None and (_undergoer(span) or _joined_with_people(span)):
                continue
            if entry is None:
                found.append(
                    (
                        span,
                        Place(
                            text=span.text,
                            name=_clean_name(span.text),
                            feature=_unresolved_feature(span),
                            start=span.start_char,
                            end=span.end_char,
                        ),
                    )
                )
                continue
            found.append((span, to_place(span, entry)))
        return found

    def context(self, doc: Doc, spans: list[Span]) -> tuple[set[str], set[tuple[str, str]]]:
        """Countries and US states the article names, to choose between cities of one name."""
        countries: set[str] = set()
        admins: set[tuple[str, str]] = set()
        for ent in doc.ents:
            if ent.label_ == "NORP" and (iso3 := self.kb.country_of_demonym(ent.text)):
                countries.add(iso3)
            elif ent.label_ in PLACE_LABELS:
                key = place_key(ent.text)
                entry = (
                    self.kb.landmarks.get(key)
                    or self.kb.countries.get(key)
                    or self.kb.admins.get(key)
                )
                if entry is not None and entry.country:
                    countries.add(entry.country)
                    if entry.feature == "admin" and entry.admin1 and key not in self.capital_keys:
                        # "Washington" alone is the capital (or its government) more
                        # often than the state: it says nothing of the state's cities.
                        admins.add((entry.country, entry.admin1))
        return countries, admins

    def resolve(
        self, span: Span, countries: set[str], admins: set[tuple[str, str]]
    ) -> PlaceEntry | None:
        if span.label_ == "CAPITAL":
            iso3 = self.kb.country_of_demonym(span[0].text)
            return self.kb.capital(iso3) if iso3 else None
        if _abbreviated(span) and place_key(span.text) in self.kb.state_abbreviations:
            return self.kb.state_abbreviations[place_key(span.text)]  # "Everett, Mass."
        entry = self.kb.lookup(span.text, countries, admins)
        words = span.text.split()
        if entry is None and len(words) > 1 and words[-1].lower() in _DIVISION_WORDS:
            # "Kandahar province", "West Darfur State": the name before the division word.
            words = words[:-1]
            entry = self.kb.lookup(" ".join(words), countries, admins)
        if entry is None:
            # "southern Baghdad", "the West Bank city of Nablus": try the words after.
            for i in range(1, len(words)):
                if words[i - 1].lower() in _DIRECTIONS or words[i - 1].lower() == "of":
                    entry = self.kb.lookup(" ".join(words[i:]), countries, admins)
                    if entry is not None:
                        break
        return entry

    @staticmethod
    def set_annotations(doc: Doc, found: Found) -> None:
        spans = []
        for span, place in found:
            span._.fp_place = place
            spans.append(span)
        doc._.fp_places = spans


#: Words the "the town of X" and "the X district" names start or end with.
_OF_NOUN_IDS = frozenset(hash_string(w) for w in (*PLACE_NOUN_FORMS, "capital"))
_PLACE_NOUN_IDS = frozenset(hash_string(w) for w in PLACE_NOUNS)
_OF_ID = hash_string("of")


def _named_matches(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every "the town of X" and "the X district" phrase, X a run of
    capitalised proper nouns: each run and each of its shorter ends, as a token pattern
    with a repeated proper noun would match them, found in one pass over the words."""
    rows = doc.to_array([LOWER, POS, IS_TITLE]).tolist()
    name = [pos == PROPN and title == 1 for _, pos, title in rows]
    found: list[tuple[int, int]] = []
    n = len(rows)
    for i, (lower, _, _) in enumerate(rows):
        if lower in _OF_NOUN_IDS and i + 2 < n and rows[i + 1][0] == _OF_ID:
            end = i + 2
            while end < n and name[end]:
                end += 1
                found.append((i, end))  # "the town of X", "the town of X Y"
        if lower in _PLACE_NOUN_IDS:
            start = i
            while start > 0 and name[start - 1]:
                start -= 1
                found.append((start, i + 1))  # "the X district", "the Y X district"
    return found


def _abbreviated(span: Span) -> bool:
    """Whether the name is written with a full stop ("Mass.", "N.Y."), in it or right after."""
    doc = span.doc
    return "." in span.text or (
        span.end < len(doc) and doc[span.end].text == "." and not span[-1].whitespace_
    )


def to_place(span: Span, entry: PlaceEntry) -> Place:
    return Place(
        text=span.text,
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        feature=entry.feature,
        start=span.start_char,
        end=span.end_char,
    )


def is_metonym(span: Span) -> bool:
    """Whether a place name stands for an actor here ("Washington said", "hit Iran")."""
    root = span.root
    head = root.head
    if root.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_ not in _COPULAS:
        return True
    actor = span_covering(span.doc._.fp_actors, root)
    if actor is None:
        return False
    actor_root = actor.root
    if not span.start <= actor_root.i < span.end:
        # "U.S. troops": the name says whose they are; "gunmen in Mosul": where they are;
        # "Denver police", "Kandahar residents", whom the actors stage cannot code: where.
        record = actor._.fp_actor
        if record is not None and record.code is None and record.kind != "person":
            return False
        return root.head.i == actor_root.i and root.dep_ in ("compound", "amod", "nmod", "poss")
    if actor_root.dep_ == "dobj" and head.lemma_ in TERRITORIAL_VERBS:
        return False  # "troops entered Mosul": the object is also where it happened
    if (actor.start, actor.end) == (span.start, span.end) and actor_root.dep_ in (
        "compound",
        "amod",
        "nmod",
    ):
        return True  # the doer of an act its head names: "the U.S. killing of ..."
    if actor_root.dep_ in _ACTOR_DEPS:
        return actor_root.dep_ != "nsubjpass" or head.pos_ != "VERB" or _is_agentive(span)
    return actor_root.dep_ == "pobj" and actor_root.head.lower_ == "by"


def named_by_place_noun(span: Span) -> bool:
    """ "the town of Dhar", "the Kasama district": a noun says the name is a place's,
    whatever the tagger or the actors stage took it for. A name the actors stage knows
    (a coded group: "the Hamas camp") is not."""
    root = span.root
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head  # "the villages of Tel Amir and Qasr Nur"
    if len(span) > 1 and span[-1].lower_ in PLACE_NOUNS:
        noun = span[-1]  # "Logo LGA" taken whole
    elif root.dep_ in ("pobj", "appos") and root.head.lower_ == "of":
        noun = root.head.head
    elif root.dep_ in ("compound", "amod") and root.head.i == span.end:
        # "Homs city", parsed as an adjective when the tagger takes it for a people's
        # name, is named by its noun all the same.
        noun = root.head
    else:
        return False
    # "the regional capital of Garowe" names it; "the Chechen capital" does not.
    capital_of = noun.lower_ == "capital" and noun.i < root.i
    if noun.lower_ not in _NAMING_PLACE_NOUNS and not capital_of:
        return False
    actor = span_covering(span.doc._.fp_actors, span.root)
    record = actor._.fp_actor if actor is not None else None
    return record is None or record.code is None


def _on_the_act(prep: Token) -> bool:
    """Whether a preposition hangs on a verb, or on a noun the verb takes ("clashes in X",
    "stormed a home in X"), not on a name or a number."""
    head = prep.head
    if head.pos_ == "VERB":
        return True
    return (
        head.pos_ == "NOUN"
        and head.dep_ in ("dobj", "pobj", "nsubjpass")
        and (head.head.pos_ == "VERB" or head.head.head.pos_ == "VERB")
    )


def _untagged_locative(span: Span) -> bool:
    """ "killed in Maru", "clashes near Huddur": a proper noun the model left untagged,
    standing alone after a locative preposition, is a place the gazetteer lacks. A name
    the model tagged as something else, or one the actors stage took, is not."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in _PLACE_PREPS:
        return False
    tags = {t.ent_type_ for t in span} & _NOT_PLACES
    # The small model takes many a village for a person or a firm ("killed in Ain
    # Sefra"); after a preposition on the verb itself that is rarely one, unless the
    # actors stage knows the name.
    if tags and not (
        tags <= _MISTAKEN_FOR_PLACES
        and _on_the_act(root.head)
        and not any(t.lower_ in INSTITUTION_WORDS for t in span)
    ):
        return False
    if all(t.lower_ in PLACE_NOUNS or "." in t.text for t in span):
        return False  # "the Governorate", "at 8 P.M."
    # The model takes some names for dates ("in Mayadeen"); the time stage knows better.
    if span_covering(span.doc._.fp_times, root) is not None:
        return False
    if any(t.dep_ in ("poss", "case") or t.tag_ == "POS" for t in root.children):
        return False
    actor = span_covering(span.doc._.fp_actors, root)
    if actor is None:
        return True
    record = actor._.fp_actor
    return (
        bool(tags)
        and record is not None
        and record.code is None
        and record.kind in ("person", "organisation")
        and (actor.start, actor.end) == (span.start, span.end)
    )


#: Verbs whose object is a target, a place where it is one: "shelled Kasama", "hit Kasama".
_TARGETING_VERBS = TERRITORIAL_VERBS | {"hit", "strike", "attack", "target", "bombard", "surround"}


def _undergoer(span: Span) -> bool:
    """ "Kassem was shot", "police arrested Nouri": a name the gazetteer does not know that
    undergoes an act which does not take ground is someone, whatever the tagger says."""
    root = span.root
    if root.dep_ not in ("nsubjpass", "dobj") or root.head.pos_ != "VERB":
        return False
    if named_by_place_noun(span) or _in_place_phrase(span):
        return False
    return root.head.lemma_ not in _TARGETING_VERBS


def _joined_with_people(span: Span) -> bool:
    """ "Murad and two police officers were captured": a name the gazetteer does not know,
    joined to people the actors stage coded, is one of them."""
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    for partner in partners:
        if partner.pos_ != "NOUN":
            continue
        actor = span_covering(span.doc._.fp_actors, partner)
        record = actor._.fp_actor if actor is not None else None
        if record is not None and record.kind in ("agent", "person"):
            return True
    return False


def _in_place_phrase(span: Span) -> bool:
    return any(t.lower_ in PLACE_NOUNS for t in span)


#: Buildings and sites a place name can stand before to say where they are ("the Medan
#: courthouse", "his Kumasi home", "Tamale's main market").
SITE_NOUNS = PLACE_NOUN_FORMS | frozenset(
    {
        "home",
        "house",
        "residence",
        "office",
        "offices",
        "headquarters",
        "courthouse",
        "stadium",
        "station",
        "hotel",
        "market",
        "mosque",
        "church",
        "cathedral",
        "temple",
        "prison",
        "jail",
        "port",
        "harbour",
        "harbor",
        "bridge",
        "road",
        "highway",
        "square",
        "checkpoint",
        "compound",
        "embassy",
        "consulate",
        "factory",
        "plant",
        "streets",
    }
)
#: Nouns whose "of" phrase names where they are ("the mayor of Kindu", "the centre of Ouesso").
_OF_PLACE_NOUNS = PLACE_NOUN_FORMS | frozenset(
    {
        "capital",
        "mayor",
        "governor",
        "centre",
        "center",
        "heart",
        "edge",
        "part",
        "parts",
        "streets",
        "residents",
        "people",
        "north",
        "south",
        "east",
        "west",
    }
)
#: Prepositions whose object is where someone or something is, goes or comes from.
_WHERE_PREPS = _PLACE_PREPS | {"to", "from", "into", "across", "through", "throughout"}


def _at_a_place(span: Span) -> bool:
    """ "in Yala", "near Yala", "Yala's market": where only a place can stand."""
    root = span.root
    return (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS) or _on_a_site(span)


def _on_a_site(span: Span) -> bool:
    """ "the Medan courthouse", "Tamale's main market": a name on a building or site."""
    root = span.root
    return root.dep_ in ("compound", "poss") and root.head.lower_ in SITE_NOUNS


def _in_place_position(span: Span) -> bool:
    """Whether the parse puts the name where a place stands: after a preposition of place,
    in the "of" phrase of a place noun, beside a place noun, on a building, or taken as
    ground ("in Bukavu", "the mayor of Bukavu", "the capital, Bukavu", "captured Bukavu")."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj":
        if head.lower_ == "of":
            return head.head.lower_ in _OF_PLACE_NOUNS
        return head.lower_ in _WHERE_PREPS
    if root.dep_ == "appos":
        return head.lower_ in _OF_PLACE_NOUNS
    if root.dep_ == "dobj":
        return head.pos_ == "VERB" and head.lemma_ in _TARGETING_VERBS
    return _on_a_site(span)


#: Territorial verbs whose object may also be a person ("captured the general").
_PERSON_TAKING_VERBS = frozenset({"capture", "seize", "visit", "leave", "reach", "raid"})


def _taken_ground(span: Span) -> bool:
    """ "rebels captured Ndele", "troops entered Kasama": the name a territorial verb takes
    as its object is ground, when the tagger took it for a firm (or, for verbs that do not
    take people, a person) and the actors stage does not know it."""
    root = span.root
    verb = root.head
    if root.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_ not in TERRITORIAL_VERBS:
        return False
    tags = {t.ent_type_ for t in span} & _NOT_PLACES
    allowed = {"ORG"} if verb.lemma_ in _PERSON_TAKING_VERBS else _MISTAKEN_FOR_PLACES
    if not tags or not tags <= allowed or any(t.lower_ in INSTITUTION_WORDS for t in span):
        return False
    actor = span_covering(span.doc._.fp_actors, root)
    record = actor._.fp_actor if actor is not None else None
    return record is None or record.code is None


def _is_agentive(span: Span) -> bool:
    # A passive subject is where something happened to ("Baghdad was shelled"), unless
    # the actors stage coded it; then it stands for the state ("Iran was warned").
    return span.root.ent_type_ == "GPE" and span.root.head.lemma_ not in {
        "hit",
        "shell",
        "bomb",
        "strike",
        "attack",
    }


def _name_part(span: Span, after_place_noun: bool = False) -> Span | None:
    """The proper-noun part of 'town of Taji' / 'Shaab neighbourhood'."""
    words = [t for t in span if t.pos_ == "PROPN"]
    if not words:
        return None
    start, end = words[0].i, words[-1].i + 1
    name = Span(span.doc, start, end, label="LOC")
    refused = {"DATE"} if after_place_noun else {"PERSON", "ORG", "NORP", "DATE"}
    if any(t.ent_type_ in refused for t in name):
        # "the Kasama district": the noun after the name outweighs the tagger (a people's
        # name, "the Kurdish district", "the Sunni city", is left out by the caller).
        if after_place_noun or not named_by_place_noun(name) or any(
            t.ent_type_ == "DATE" for t in name
        ):
            return None
    return name


def _full_name_words(doc: Doc) -> set[str]:
    """Words of the names of more than one word the model tagged as people."""
    # Full names only: a lone word tagged PERSON is as likely a mistagged place ("Sanaa").
    return {
        t.lower_
        for e in doc.ents
        if e.label_ == "PERSON" and len(e) > 1
        for t in e
        if t.is_alpha and t.is_title
    }


def _whole_name(name: Span) -> Span:
    """The name with the rest of an entity it begins, where the rest is more of the name
    joined by hyphens ("the town of Tell Al-Hamra", which the matcher cuts at the hyphen)."""
    doc = name.doc
    for ent in doc.ents:
        rest = doc[name.end : ent.end]
        if (
            ent.start == name.start
            and ent.end > name.end
            and all(
                t.pos_ == "PROPN" or (t.is_punct and not doc[t.i - 1].whitespace_) for t in rest
            )
        ):
            return Span(doc, ent.start, ent.end, label=name.label_)
    return name


def _person_words(doc: Doc) -> set[str]:
    """Words of the names the model tagged as people, and people the actors stage coded."""
    words = _full_name_words(doc)
    for actor in doc._.fp_actors:
        record = actor._.fp_actor
        if record is not None and record.kind == "person":
            words.update(t.lower_ for t in actor if t.is_alpha and t.is_title)
    return words


def _is_person(span: Span, people: set[str]) -> bool:
    # The small model tags a surname seen alone ("Soleimani") as a place; a name used for
    # a person elsewhere in the article is that person, unless it is a known country.
    actor = span_covering(span.doc._.fp_actors, span.root)
    record = actor._.fp_actor if actor is not None else None
    if actor is not None and record is not None:
        if record.kind == "person":
            return True
        # A place inside a longer organisation name ("the Baghdad Operations Command"); a
        # mistagged name with only a describing word beside it ("northern Lahore") is not.
        words = [t for t in actor if t.pos_ != "DET" and not (t.pos_ == "ADJ" and t.is_lower)]
        if record.kind in {"organisation", "group"} and len(words) > len(span):
            return True
    return len(span) == 1 and span[0].lower_ in people


def _coded_organisation(span: Span) -> bool:
    actor = span_covering(span.doc._.fp_actors, span.root)
    record = actor._.fp_actor if actor is not None else None
    return (
        record is not None
        and record.kind in ("organisation", "group")
        and record.code is not None
        and actor is not None
        and actor.start <= span.start
        and span.end <= actor.end
    )


def _in_organisation_name(span: Span) -> bool:
    """ "the Islamic State of Iraq", "the Communist Party of China": a country named inside
    an organisation's name (the actors stage coded the whole name) is part of the name."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ not in ("compound", "amod", "nmod"):
        return False
    if head.pos_ != "PROPN" or not head.is_title:
        return False
    actor = span_covering(span.doc._.fp_actors, root)
    record = actor._.fp_actor if actor is not None else None
    return (
        actor is not None
        and record is not None
        and record.kind in ("organisation", "group")
        and record.code is not None
        and actor.start <= head.i < actor.end
        and len(actor) > len(span)
    )


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
    ):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


#: Nouns that end the name of a division of a state ("Kasama province", "Plateau State").
DIVISION_NOUNS = frozenset({"province", "state", "governorate", "region", "county", "prefecture"})


def _unresolved_feature(span: Span) -> PlaceFeature:
    """What a name the gazetteer lacks is: a division of a state where its last word says so,
    which ranks it below the towns in it; else unknown, most often a village."""
    words = [t.lower_ for t in span]
    if len(words) > 1 and (words[-1] in DIVISION_NOUNS or words[-2:] == ["government", "area"]):
        return "admin"  # "Kasama province", "Ukpo Local Government Area"
    return "unknown"


def _clean_name(text: str) -> str:
    return " ".join(text.split())


#: Prepositions whose object is what an act is about ("concern over a raid in X"): a place
#: in it is where that happened, not where the act lands.
_TOPIC_PREPS = frozenset({"about", "over", "regarding", "concerning"})

# -- the place of an act as its recipient ---------------------------------------------------------
#: Prepositions that put an act's place after its verb: "lifted a curfew in Montenegro",
#: "arrived in Amman", "sent inspectors to Iran".
PLACE_RECIPIENT_PREPS = frozenset({"in", "into", "inside", "to", "across", "throughout"})


def place_recipient(
    doc: Doc,
    verb: Token,
    preps: frozenset[str] = PLACE_RECIPIENT_PREPS,
    on_objects: bool = True,
    taken: bool = False,
) -> Span | None:
    """The place an act with no named recipient is done in or to, as its recipient.

    CAMEO and PLOVER code the country where a one-sided act happens as its target when the
    text names no other ("Serbia lifted the curfew in Montenegro" -> MNE, "the president
    arrived in Amman" -> JOR). Looks at places (``doc._.fp_places``) in a prepositional
    phrase on the verb, its open complement or their direct objects; only places with a
    known country count. A place named inside such a phrase counts too ("demonstrated in
    the city of Kirkuk"), as does one on a noun a phrase further in ("lifted the state of
    emergency in Darfur", "rioted at the jail in Ramla"). ``preps`` widens the prepositions
    for acts that leave a place ("withdrew its troops from Chad"). Without ``on_objects``
    only a place the verb itself goes to or is done in counts, not where its object is
    ("summoned the envoy in X"). With ``taken``, a place the verb takes as its object is
    what the act is done to ("shelled X", "threatened to seize X").
    """
    # Where each place with a country hangs: the word its preposition attaches to. Most
    # acts have none in reach, and then no phrase needs to be read.
    attached: list[tuple[Span, int]] = []
    for place in doc._.fp_places or ():
        record = place._.fp_place
        if record is None or not record.country:
            continue
        root = place.root
        if taken and root.dep_ == "dobj" and root.head.pos_ == "VERB":
            attached.append((place, root.head.i))
            continue
        # "the northern town of X", "the city of Y", "the zones of the south of Z": climb
        # to the phrase's head.
        if root.dep_ in ("appos", "compound"):
            root = root.head
        for _ in range(3):
            if not (
                root.dep_ in ("pobj", "appos")
                and root.head.lower_ == "of"
                and root.head.dep_ == "prep"
                and root.head.head.pos_ in ("NOUN", "PROPN")
            ):
                break
            root = root.head.head
        if root.dep_ != "pobj":
            continue
        prep = root.head
        if prep.lower_ in preps and prep.dep_ in ("prep", "dative"):
            attached.append((place, prep.head.i))
    if not attached:
        return None
    # "agreed to postpone the rally in Baku": the place may hang on the verb's complement.
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    hosts = [*verbs]
    if on_objects:
        hosts += [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    # "lifted the state of emergency in X", "rioted at the jail in X": the place may
    # hang on a noun one phrase further in.
    hosts += [
        g
        for h in hosts
        for p in h.children
        if p.dep_ in ("prep", "dative")
        and (p.lower_ in ("of", "at", "outside") or h in verbs and p.lower_ not in _TOPIC_PREPS)
        for g in p.children
        if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
    ]
    within = {h.i for h in hosts}
    for place, host in attached:
        if host in within:
            return place
    # "lifted the curfew imposed in X", "rejected a call for troops to be deployed in X":
    # failing that, a place anywhere in what the act is done to, where the act would land.
    objects = [h for h in hosts if h not in verbs]
    deep = {t.i for o in objects for t in _undergone(o)}
    for place, host in attached:
        if host in deep:
            return place
    return None


#: Clauses on a word that say what it, or someone else, does, did or said.
_CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl"})


def _undergone(noun: Token) -> list[Token]:
    """The words of what an act is done to, less what they only tell about: where a
    reporter "who vanished in X" vanished, or a minister "living in X" lives, is not where
    the act lands, nor is a place in what a statement says or in what a concern is about
    ("over a raid in X"). A clause on an act or a thing is kept ("the bombings that killed
    40 people in X", "power lines leading into X"), as is one in the passive ("the curfew
    imposed in X")."""
    doc = noun.doc
    words: list[Token] = []
    stack = [noun]
    while stack:
        token = stack.pop()
        words.append(token)
        someone = span_covering(doc._.fp_actors, token) is not None
        stack.extend(c for c in token.children if not _aside(c, someone))
    return words


def _aside(child: Token, on_someone: bool) -> bool:
    """Whether a dependent only tells about its head: a topic, or an active clause on
    someone or of speech."""
    if child.dep_ == "prep":
        return child.lower_ in _TOPIC_PREPS
    if child.dep_ not in _CLAUSES or _passive_clause(child):
        return False
    # "arrivals who landed in X": "who" says the noun is someone, known actor or not.
    personal = any(c.lower_ in ("who", "whom") for c in child.children)
    return on_someone or personal or _reported_speech(child)


def _passive_clause(verb: Token) -> bool:
    return verb.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _reported_speech(verb: Token) -> bool:
    """ "hoped that X will ...", "a statement saying X had ...": a clause of what is said,
    hoped or thought, which says where other things happen."""
    return verb.dep_ == "ccomp" or any(c.dep_ == "ccomp" for c in verb.children)


def with_conjoined(doc: Doc, place: Span) -> list[Span]:
    """A place and the places joined to it ("in Mali and Chad", "shelled X, Y and Z"): an
    act done in several is done in each."""
    roots = {place.root.i}
    token = place.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        roots.add(token.i)
    roots.update(t.i for t in token.subtree if t.dep_ == "conj" and _joined_to(t, token))
    found = [
        other
        for other in doc._.fp_places or ()
        if other.root.i in roots
        and other._.fp_place is not None
        and other._.fp_place.country
    ]
    return found if any(p.start == place.start for p in found) else [place]


def _joined_to(token: Token, first: Token) -> bool:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.i == first.i


def place_actor(span: Span) -> Actor | None:
    """The state a place span stands for when it is used as an act's recipient."""
    record = span._.fp_place
    if record is None or not record.country:
        return None
    return Actor(
        text=span.text,
        name=record.name,
        code=record.country,
        country=record.country,
        sector=None,
        kind="state",
        start=span.start_char,
        end=span.end_char,
    )
