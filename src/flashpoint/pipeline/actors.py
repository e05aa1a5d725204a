"""Actors stage: find every actor mention and resolve it to a country + sector code.

How a mention is found and coded:

1. Phrase matchers built once from the knowledge base find names (countries, demonyms,
   capitals, seats of power, organisations, people), titles and agent nouns. Acronyms
   match case-sensitively (``US`` is not ``us``); other names must be capitalised in the
   text unless the name itself is written in lower case (``al-Qaeda``). The model's named
   entities (PERSON, ORG, NORP) fill in names the knowledge base lacks: they are kept,
   uncoded, with their kind.
2. Units that form one noun phrase are grouped by the dependency parse (``U.S. troops``,
   ``Iraq's parliament``, ``Iranian President Hassan Rouhani``, ``the president of
   Kosovo``, ``police in Kabul``); the phrase's head decides what it is:

   - a person: the role they held on the article date (``doc._.fp_date``) gives country
     and sector; a person outside all their tenures gets the country of their latest
     role before that date and sector ``ELI`` (PLOVER's former officials), or, before any
     role began, the country alone;
   - a title: its holder on that date in the country the phrase names (else the country
     most mentioned in the article), else that country + the title's sector;
   - an agent noun: its sector, joined to the country (or organisation) the phrase gives;
   - an organisation: its own code;
   - a country, capital or seat standing alone: an actor only when it acts as one
     (subject or object of a verb, object of a non-locative preposition, possessor);
     ``in Kabul`` and ``the Afghan capital`` are places, left to the places stage.
3. Spans cover the whole noun phrase (determiner and modifiers included), so the token a
   dependency parse points at lies inside. Conjoined modifiers (``Polish and Czech
   officials``) give one actor each.

:func:`resolve_reference` links a pronoun or definite description ("he", "the group",
"the president") to the actor mention it most likely stands for.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import LENGTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from ..kb.actors import ActorKB, Entry
from ..kb.actors.model import normalise
from ..records import Actor
from .extensions import is_masked
from .spans import phrase_matches

#: Dependency labels of a modifier inside the noun phrase of its head.
MOD_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "nummod", "flat"})
#: Left dependents that belong to a noun phrase's span.
NP_LEFT_DEPS = frozenset(
    {
        "det",
        "predet",
        "amod",
        "compound",
        "nmod",
        "poss",
        "nummod",
        "quantmod",
        "advmod",
        "case",
        "npadvmod",
        "punct",
    }
)
#: Where a country standing alone is the doer or undergoer of an act.
ACTOR_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "iobj",
        "dative",
        "poss",
        "appos",
        "ROOT",
        "oprd",
        "attr",
        "agent",
        "csubj",
    }
)
#: Prepositions whose object is a location, not a participant.
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "across",
        "throughout",
        "around",
        "within",
        "from",
        "into",
        "through",
        "via",
        "beyond",
        "along",
        "off",
        "over",
        "under",
        "beside",
        "nearby",
        "outside of",
    }
)
#: Verbs whose "to" phrase is a destination. Verbs of sending ("send arms to Pakistan",
#: "deploy troops to Mali", "ship grain to Yemen") are not among them: what they send
#: goes to a recipient.
MOTION_VERBS = frozenset(
    {
        "go",
        "travel",
        "fly",
        "return",
        "arrive",
        "come",
        "move",
        "flee",
        "head",
        "visit",
        "sail",
        "drive",
        "march",
        "walk",
        "relocate",
        "take",
    }
)
#: Nouns a possessive country only locates: "Iraq's capital", "Syria's north".
PLACE_NOUNS = frozenset(
    {
        "capital",
        "city",
        "province",
        "region",
        "border",
        "north",
        "south",
        "east",
        "west",
        "territory",
        "soil",
        "airspace",
        "waters",
        "coast",
        "street",
        "streets",
        "outskirts",
        "airport",
        "port",
        "town",
        "village",
        "district",
        "area",
        "zone",
        "centre",
        "center",
    }
)
#: Prepositions that attach a country or organisation to an agent noun after it.
AGENT_PREPS = frozenset({"of", "in", "from", "for", "at", "throughout", "across"})
#: Those of them whose object owns the agent ("the ambassador of Iran").
OWNER_PREPS = frozenset({"of", "from", "for"})
#: Those of them whose object places the agent ("police in Kabul", "students across Chile").
PLACING_PREPS = AGENT_PREPS - {"for"}
#: Sectors of armed agents, which take a country from their sentence only where they are
#: or whose authorities speak for them.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM", "SPY", "CRM"})
#: Agent nouns that name a role in a body, whose sector a modifying agent gives (each is
#: an agent term itself, in ``agents.yaml``).
ROLE_NOUNS = frozenset(
    {
        "leader",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commander",
        "member",
    }
)
#: Sectors of agents who act against the person they are named after ("the attackers of
#: the president"), not for them.
HOSTILE_SECTORS = frozenset({"REB", "UAF", "CRM"})
#: Verbs whose direct object is where someone goes.
DESTINATION_VERBS = frozenset({"reach", "enter", "visit", "cross", "leave", "flee", "invade"})
#: Verbs of flight whose participle after an agent says where it came from.
FLIGHT_VERBS = frozenset({"flee", "escape"})
#: Participles that give an agent's home: "a group based in X", "a firm headquartered in X".
HOME_PARTICIPLES = frozenset({"base", "headquarter", "headquartered"})
#: Words that make a demonym a region's ("Central American", "West African").
REGION_PREFIXES = frozenset(
    {"Central", "Latin", "South", "North", "East", "West", "Southeast", "Southern", "Northern"}
)
#: Countries whose people's names put the family name first ("Kim Jong Un" is Kim).
FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "KHM"})
#: The shortest country name or demonym read through a one-letter misspelling.
MISSPELT_MIN = 7
#: Nouns of a country's divisions that a place name leads ("the Kursk region").
REGION_NOUNS = frozenset({"region", "province", "district", "governorate", "state", "oblast"})
#: Sectors of agents who act where they live (police, protesters, workers, students,
#: farmers), unlike officials and envoys, who meet abroad.
HOME_SECTORS = frozenset({"COP", "CVL", "LAB", "EDU", "AGR"})
#: Sectors of a state's civil authorities.
AUTHORITY_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG"})
#: Prepositions whose object is where an act happens.
LOCATING_PREPS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "through", "throughout", "around", "within"}
)
#: Prepositions whose object is a destination, a source or an opponent, not where the
#: sentence's agents are.
AWAY_PREPS = frozenset({"to", "into", "toward", "towards", "against", "with", "from", "over"})
#: Sectors of state offices: an unknown name holding one is placed in the story's country.
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY"})
PROPER_TYPES = frozenset({"country", "demonym", "capital", "seat", "organisation", "person"})
NER_LABELS = {"PERSON": "ner_person", "ORG": "ner_org", "NORP": "ner_norp"}
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
OWNER_PRONOUNS = frozenset({"its", "their", "his", "her"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})


@dataclass
class Unit:
    """A stretch of tokens that names one thing: a knowledge-base match or a named entity."""

    start: int
    end: int
    type: str  # Entry.type or ner_person / ner_org / ner_norp
    entries: list[Entry] = field(default_factory=list)
    #: The index of its syntactic head, found on first use.
    root_i: int | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def entry(self) -> Entry | None:
        return self.entries[0] if self.entries else None


@dataclass
class Mention:
    """The result for one actor mention: token range plus the resolved record fields."""

    start: int
    end: int
    name: str | None
    code: str | None
    country: str | None
    sector: str | None
    kind: str
    head: int
    title: str | None = None
    #: A generic agent of the kind usually found in its own country (police, protesters):
    #: without a country of its own it may take its sentence's.
    local: bool = False
    #: The codes of a name that stands for several actors (see ``Actor.joint_codes``).
    joint: tuple[str, ...] = ()


class ActorResolver:
    """Finds actor mentions and writes them to ``doc._.fp_actors`` (see module doc)."""

    def __init__(self, nlp: Language, kb: ActorKB, event_nouns: Iterable[str] = ()) -> None:
        self.kb = kb
        #: Lemmas of nouns that name an act ("killing", "strike"): a country or demonym
        #: modifying one is its doer ("the U.S. killing of X", "the Iranian strike").
        self.event_nouns = frozenset(event_nouns)
        self.make_doc = nlp.make_doc
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        lower_forms: dict[str, list[str]] = {}
        exact_forms: dict[str, list[str]] = {}
        for form, case_sensitive in kb.iter_phrases():
            target = exact_forms if case_sensitive else lower_forms
            target.setdefault(normalise(form), []).append(_without_article(form))
        for matcher, forms in ((self.lower, lower_forms), (self.exact, exact_forms)):
            for key, texts in forms.items():
                matcher.add(key, [nlp.make_doc(t) for t in dict.fromkeys(texts)])
        #: One-word country names and demonyms long enough to recognise misspelt.
        self._country_forms: dict[str, list[Entry]] = {}
        for key, indexes in kb.phrases.items():
            if " " in key or len(key) < MISSPELT_MIN or not key.isalpha():
                continue
            entries = [kb.entries[i] for i in indexes]
            entries = [e for e in entries if e.type in ("country", "demonym")]
            if entries:
                self._country_forms[key] = entries
        #: The countries each unknown capitalised word was found to misspell, by its text.
        self._misspelt: dict[str, list[Entry]] = {}
        #: Keys whose name is written in lower case (``al-Qaeda``) need no capital; a
        #: leading article does not count ("the States" is not "states"), nor does a
        #: common noun spelled the same ("states" of the agents).
        self._lowercase_ok = {
            key
            for key, forms in kb.written.items()
            if any(_without_article(f)[:1].islower() for f in forms)
            and all(kb.entries[i].type in PROPER_TYPES for i in kb.phrases.get(key, ()))
        }

    # -- the component ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        mentions, references = self.find(doc)
        self.set_annotations(doc, mentions, references)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def find(self, doc: Doc) -> tuple[list[Mention], list[Mention]]:
        """Every actor mention in ``doc``, and the country names that name no actor where
        they stand ("an Indian proposal") (pure: the doc is not changed)."""
        units = self._units(doc)
        if not units:
            return [], []
        date = doc._.fp_date
        units = self._without_foreign_capitals(doc, units)
        counts = _country_counts(units)
        unit_at: dict[int, Unit] = {}
        for unit in units:
            for i in range(unit.start, unit.end):
                unit_at[i] = unit
        groups = self._group(doc, units, unit_at)
        mentions: list[Mention] = []
        recent_people: list[Entry] = []
        references: list[Mention] = []
        for head, members in groups:
            found = self._resolve(doc, head, members, unit_at, date, counts, recent_people)
            entry = head.entry
            if not found and head.type in ("country", "capital", "demonym") and entry:
                name = self.kb.country_names.get(entry.country or "", entry.name)
                root = _root(doc, head)
                references.append(
                    Mention(
                        head.start,
                        head.end,
                        name,
                        entry.country,
                        entry.country,
                        None,
                        "state",
                        root.i,
                    )
                )
            mentions.extend(found)
        mentions = _link_appositions(doc, mentions)
        mentions = _share_conjunct_country(doc, mentions)
        mentions = _non_overlapping(mentions)
        mentions = _merge_appositions(doc, mentions)
        _carry_surnames(mentions)
        self._join_context(doc, mentions, units)
        for m in (*mentions, *references):
            self._date_state(m, date)
        return [_tidy(doc, m) for m in mentions], references

    def _without_foreign_capitals(self, doc: Doc, units: list[Unit]) -> list[Unit]:
        """Leave out a capital's name where the article is about another country with a city
        of that name, and not about the capital's own ("Tripoli" in a story about Lebanon):
        there it is a city, not a government."""
        named = {
            u.entry.country
            for u in units
            if u.type in ("country", "demonym") and u.entry and u.entry.country
        }
        return [
            u
            for u in units
            if not (
                u.type == "capital"
                and u.entry is not None
                and u.entry.country not in named
                and self.kb.city_country(doc[u.start : u.end].text, named)
                not in (None, u.entry.country)
            )
        ]

    def _date_state(self, m: Mention, date: dt.date | None) -> None:
        """Code a mention of a state not yet formed on the article date as the state it
        was part of ("rebels shelled Juba" in 2005: Sudan)."""
        state = self.kb.state_on(m.country, date)
        if state == m.country:
            return
        if m.code and m.country and m.code.startswith(m.country):
            m.code = state + m.code[len(m.country) :]  # type: ignore[operator]
        m.country = state
        m.joint = tuple(self.kb.state_on(j[:3], date) + j[3:] for j in m.joint)  # type: ignore[operator]

    def set_annotations(
        self,
        doc: Doc,
        mentions: list[Mention],
        references: Iterable[Mention] = (),
    ) -> None:
        doc._.fp_actors = [_mention_span(doc, m) for m in mentions]
        doc._.fp_country_refs = [_mention_span(doc, m) for m in references]
        _code_owned_agents(doc)

    # -- step 1: units ----------------------------------------------------------------------
    def _units(self, doc: Doc) -> list[Unit]:
        candidates: list[Unit] = []
        for matcher in (self.lower, self.exact):
            for key_id, start, end in phrase_matches(matcher, doc, self.make_doc):
                key = doc.vocab.strings[key_id]
                entries = self._admissible(doc, key, start, end)
                if entries:
                    candidates.append(Unit(start, end, entries[0].type, entries))
        candidates.sort(key=lambda u: (-(u.end - u.start), u.start))
        taken: set[int] = set()
        units: list[Unit] = []
        for unit in candidates:
            if any(i in taken for i in range(unit.start, unit.end)):
                continue
            if doc._.fp_masked and is_masked(doc, doc[unit.start].idx, doc[unit.end - 1].idx + 1):
                continue
            if (
                unit.type == "demonym"
                and unit.start > 0
                and doc[unit.start - 1].text in REGION_PREFIXES
            ):
                # "Central American", "Latin American": a region's people, not the
                # country's ("South Korean" is matched whole before this).
                taken.update(range(unit.start - 1, unit.end))
                continue
            taken.update(range(unit.start, unit.end))
            units.append(unit)
        # "Ethopia", "Afganistan": a long country name misspelt by one letter (only long
        # proper nouns can be one).
        for i, (pos, length) in enumerate(doc.to_array([POS, LENGTH]).tolist()):
            if pos != PROPN or length < MISSPELT_MIN or i in taken:
                continue
            entry = self._misspelt_country(doc[i])
            if entry is not None:
                taken.add(i)
                units.append(Unit(i, i + 1, entry.type, [entry]))
        for ent in doc.ents:
            kind = NER_LABELS.get(ent.label_)
            if kind is None or any(i in taken for i in range(ent.start, ent.end)):
                continue
            if doc._.fp_masked and is_masked(doc, ent.start_char, ent.end_char):
                continue
            start, end = ent.start, ent.end
            # The tagger sometimes takes in a dash, a stray "the" or the line break.
            while start < end and (doc[start].is_punct or doc[start].is_space):
                start += 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            start += 1 if start < end and doc[start].lower_ == "the" else 0
            if start >= end:
                continue
            if kind == "ner_person":
                end = _name_end(doc, end, taken)
            taken.update(range(start, end))
            units.append(Unit(start, end, kind))
        units.extend(_unknown_names(doc, taken))
        units.sort(key=lambda u: u.start)
        return units

    def _admissible(self, doc: Doc, key: str, start: int, end: int) -> list[Entry]:
        """The entries a match may stand for, given how the text is written."""
        entries = [self.kb.entries[i] for i in self.kb.phrases.get(key, ())]
        first = doc[start].text[:1]
        capitalised = first.isupper() or first.isdigit() or key in self._lowercase_ok
        last = doc[end - 1]
        nounish = last.pos_ in ("NOUN", "PROPN", "X") or (last.pos_ == "ADJ" and last.tag_ == "NNS")
        # "military officials", "militant leaders": the body a role is in, as an adjective.
        nounish = nounish or (
            last.dep_ in ("amod", "compound") and last.head.lemma_.lower() in ROLE_NOUNS
        )
        kept: list[Entry] = []
        other_name = end - start == 1 and self._other_first_name(doc, start)
        for entry in entries:
            if entry.type == "person" and other_name:
                continue  # "Hunter Biden", "the port of Bandar Abbas": someone else
            if entry.type in PROPER_TYPES:
                if capitalised:
                    kept.append(entry)
            elif nounish or last.tag_ in ("NN", "NNS", "NNP", "NNPS"):
                kept.append(entry)
        # A capitalised name beats a common noun spelled the same ("Congress", "congress").
        kept.sort(key=lambda e: e.type not in PROPER_TYPES)
        return kept

    def _misspelt_country(self, token: Token) -> Entry | None:
        """The one country (or demonym) of seven letters or more that a capitalised name
        the knowledge base lacks spells with one letter added, dropped or changed."""
        text = token.text
        if (
            len(text) < MISSPELT_MIN
            or not text.isalpha()
            or not text[0].isupper()
            or token.pos_ != "PROPN"
            or token.ent_type_ == "PERSON"
        ):
            return None
        lower = text.lower()
        found = self._misspelt.get(lower)
        if found is None:
            found = [
                entry
                for form, entries in self._country_forms.items()
                if abs(len(form) - len(lower)) <= 1 and _one_edit(form, lower, inside=True)
                for entry in entries
            ]
            if len(self._misspelt) < 50_000:  # bounded: a long run meets many names
                self._misspelt[lower] = found
        if len({e.country for e in found}) != 1:
            return None
        # "Phillippines" is the country's name and its people's: the name first.
        return min(found, key=lambda e: e.type != "country")

    def _other_first_name(self, doc: Doc, start: int) -> bool:
        """Whether a surname at ``start`` follows a name of its own that the knowledge base
        does not know for it: a capitalised word that is no title, initial or known name."""
        if start == 0:
            return False
        before = doc[start - 1]
        return (
            before.pos_ == "PROPN"
            and before.is_alpha
            and before.is_title
            and len(before) > 1
            and before.ent_type_ == "PERSON"
            and normalise(before.text) not in self.kb.phrases
        )

    # -- step 2: noun phrases -----------------------------------------------------------------
    def _group(
        self, doc: Doc, units: list[Unit], unit_at: dict[int, Unit]
    ) -> list[tuple[Unit, list[Unit]]]:
        """Attach each unit to the unit heading its noun phrase; return (head, members)."""
        parent: dict[int, int] = {}  # id(unit) index -> index of the unit it modifies
        index = {id(u): k for k, u in enumerate(units)}
        for k, unit in enumerate(units):
            target = self._attach_target(doc, unit, unit_at)
            if target is not None and target is not unit:
                parent[k] = index[id(target)]
        # Cycles cannot arise from left-to-right modifier links, but guard anyway.
        groups: dict[int, list[Unit]] = {}
        for k in range(len(units)):
            top, seen = k, {k}
            while top in parent and parent[top] not in seen:
                top = parent[top]
                seen.add(top)
            groups.setdefault(top, []).append(units[k])
        return [(units[top], members) for top, members in sorted(groups.items())]

    def _attach_target(self, doc: Doc, unit: Unit, unit_at: dict[int, Unit]) -> Unit | None:
        if unit.type == "person":
            # "the Bush administration", "Djindjic's coalition": the person's body.
            root = _root(doc, unit)
            other = unit_at.get(root.head.i)
            if root.dep_ in ("compound", "poss") and other is not None and other.type == "agent":
                return other
            return None
        if unit.type not in (
            "country",
            "demonym",
            "capital",
            "title",
            "organisation",
            "ner_org",
            "ner_norp",
            "seat",
            "agent",
        ):
            return None
        root = _root(doc, unit)
        token = root
        # Conjoined modifiers share their first conjunct's head: "Polish and Czech".
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head
        coordinated = any(c.dep_ in ("cc", "conj") for c in token.children)
        steps = 0
        while token.dep_ in MOD_DEPS and token.head.i > token.i and steps < 6:
            token = token.head
            steps += 1
            other = unit_at.get(token.i)
            if other is not None and other is not unit:
                if coordinated and other.type in PROPER_TYPES and unit.type in PROPER_TYPES:
                    # "Velmar and the old Karvassa": a name coordinated with another, which
                    # the parser hung on the last one; a name of its own, not a modifier.
                    return None
                if other.type in (
                    "agent",
                    "title",
                    "person",
                    "organisation",
                    "ner_person",
                    "ner_org",
                    "seat",
                ) or (
                    # "Bosnian Serbs", "Iraqi Kurds": a people placed by a country.
                    other.type in ("demonym", "ner_norp") and unit.type in ("country", "demonym")
                ):
                    return other
                return None
        # Adjacent names the parse split: "Secretary of State Mike Pompeo".
        after = unit.end
        while (
            after < len(doc)
            and after - unit.end < 2
            and (doc[after].tag_ == "POS" or doc[after].text in ("\u2019", "'", "s", "\u2019s"))
        ):
            after += 1
        nxt = unit_at.get(after)
        if nxt is None:
            return None
        if unit.type in ("country", "demonym", "title", "capital") and nxt.type in (
            "title",
            "person",
            "ner_person",
            "agent",
            "organisation",
        ):
            return nxt
        if unit.type == "agent" and after == unit.end and nxt.type in ("person", "ner_person"):
            return nxt  # "Dutch reporter Anna Jansen"
        return None

    # -- step 3: resolution ----------------------------------------------------------------
    def _resolve(
        self,
        doc: Doc,
        head: Unit,
        members: list[Unit],
        unit_at: dict[int, Unit],
        date: dt.date | None,
        counts: Counter[str],
        recent_people: list[Entry],
    ) -> list[Mention]:
        context_country = counts.most_common(1)[0][0] if counts else None
        mods = [u for u in members if u is not head]
        countries = [
            u
            for u in mods
            if u.type in ("country", "demonym", "capital") and not _is_backer(doc, u)
        ]
        orgs = [u for u in mods if u.type in ("organisation", "seat")]
        titles = [u for u in mods if u.type == "title"]
        agents = [u for u in mods if u.type == "agent"]
        root = _root(doc, head)
        start = min(u.start for u in members)
        end = max(u.end for u in members)
        country_from_city: str | None = None
        pp_countries: list[Unit] = []
        placed: list[Unit] = []  # the countries of "the envoys of A, B and C"
        # "the president of Kosovo", "police in Kabul", "the leader of ... group"
        titled_name = head.type == "ner_person" and bool(titles)
        # "diplomats in Moscow", "refugees in Chad" are seldom of the country they are in.
        preps = AGENT_PREPS if head.entry is None or head.entry.local else OWNER_PREPS
        owned = False  # an "of"/"from" phrase named whose the agent is
        if (head.type in ("agent", "title") or titled_name) and not countries and not orgs:
            # "a group based in X": the home a participle gives is the agent's own.
            based = [
                p
                for c in root.rights
                if c.dep_ == "acl" and c.lemma_.lower() in HOME_PARTICIPLES
                for p in c.children
                if p.dep_ == "prep" and p.lower_ == "in"
            ]
            for prep in [*root.rights, *based]:
                if prep.dep_ == "prep" and prep.lower_ in preps:
                    for obj in prep.children:
                        if obj.dep_ != "pobj":
                            continue
                        region = _named_region(obj) if prep.lower_ == "of" else None
                        if region is not None and (city := self.kb.city_country(region)):
                            # "the governor of the Kursk region": the region's country.
                            country_from_city = city
                            end = max(end, _phrase_end(doc, obj))
                            break
                        if (
                            obj.i not in unit_at
                            and obj.pos_ == "NOUN"
                            and prep.i + 1 not in unit_at
                        ):
                            # "bombers of the U.S. airliner": the country names the
                            # airliner's owner, not the bombers' (a name right after
                            # the preposition is still theirs: "soldiers from Gondor").
                            continue
                        found = [
                            unit_at[t.i]
                            for t in obj.subtree
                            if t.i in unit_at
                            and unit_at[t.i].type
                            in ("country", "capital", "organisation", "demonym")
                        ]
                        if prep.lower_ in OWNER_PREPS:
                            # "the parliament of A in B": the owner is A; B only
                            # says where it sits.
                            where = {
                                t.i
                                for p in obj.subtree
                                if p.dep_ == "prep" and p.lower_ not in OWNER_PREPS
                                for t in p.subtree
                            }
                            owners = [u for u in found if _root(doc, u).i not in where]
                            found = owners or found
                        owner = unit_at.get(obj.i)
                        if (
                            not found
                            and prep.lower_ == "of"
                            and owner is not None
                            and owner.type == "person"
                            and owner.entry is not None
                            and head.entry is not None
                            and head.entry.sector not in HOSTILE_SECTORS
                        ):
                            # "supporters of former President X", "aides of the prime
                            # minister": the person's people, of the person's country.
                            country_from_city = self._person_code(owner.entry, date, None)[0]
                            end = max(end, _phrase_end(doc, obj))
                            break
                        if (
                            not found
                            and obj.ent_type_ == "GPE"
                            and prep.lower_ in ("in", "from", "of")
                        ):
                            # "a court in Lyon": the place belongs to the phrase; its
                            # country, when the knowledge base knows the city.
                            city = self.kb.city_country(obj.ent_iob_ and _ent_text(obj), counts)
                            if city:
                                country_from_city = city
                            end = max(end, _phrase_end(doc, obj))
                            break
                        if found and owned and prep.lower_ not in OWNER_PREPS:
                            end = max(end, _phrase_end(doc, obj))
                            break
                        if found and prep.lower_ in PLACING_PREPS:
                            owned = prep.lower_ in OWNER_PREPS
                            for u in dict.fromkeys(id(x) for x in found):
                                unit = next(x for x in found if id(x) == u)
                                (orgs if unit.type == "organisation" else pp_countries).append(unit)
                            listed = {t.i for t in _with_conjunct_nouns(obj)}
                            members = [u for u in found if _root(doc, u).i in listed]
                            if not placed and len({id(u) for u in members}) > 1:
                                placed = members
                            end = max(end, _phrase_end(doc, obj))
                            break
        if head.type == "person":
            # "President Recep Tayyip Erdogan of Turkey": the country belongs to the name.
            for prep in root.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == end:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    of_unit = unit_at.get(pobj.i) if pobj is not None else None
                    if pobj is not None and of_unit is not None and of_unit.type == "country":
                        end = max(end, _phrase_end(doc, pobj))
        if head.type == "agent" and not countries and not orgs and not pp_countries:
            # "refugees fleeing the war in X", "civilians escaping X": of where they fled.
            country_from_city = self._fled_from(doc, root, unit_at) or country_from_city
        country = _country_of(countries[-1]) if countries else country_from_city
        if countries and _is_ethnic(doc, countries[-1]):
            # "ethnic Hungarian activists in Slovakia": coded where they live.
            country = self._ethnic_home(countries[-1], root, unit_at, counts) or country
        if pp_countries:
            # "units in Syria, Jordan and Egypt" name no one country.
            named = {_country_of(u) for u in pp_countries}
            country = named.pop() if len(named) == 1 else None
        org = orgs[-1].entry if orgs else None
        left = _np_left(doc, root, start, end)
        quantity = _quantifier(root)
        if quantity is not None and head.type == "agent":
            left = min(left, _np_left(doc, quantity, quantity.i, quantity.i + 1))
        name: str | None = None
        code: str | None = None
        sector: str | None = None
        kind = "unknown"
        title_key: str | None = None
        entry = head.entry

        former = any(
            doc[i].lower_ in ("former", "ex", "ex-", "erstwhile") for i in range(left, root.i)
        )
        if head.type == "person" and entry is not None:
            name, kind = entry.name, "person"
            country, sector, code = self._person_code(entry, date, country)
            recent_people.append(entry)
        elif head.type == "ner_person":
            name, kind = doc[head.start : head.end].text, "person"
            if titles:
                title_entry = titles[-1].entry
                title_key = title_entry.title if title_entry else None
                holder = (
                    self.kb.holder(title_key or "", country or context_country, date)
                    if title_key
                    else None
                )
                if (holder is None or not _same_surname(holder.name, name)) and title_key:
                    # "President Mitterand": a misspelt holder of the title, wherever
                    # they held it, rather than the story's country's office.
                    holder = self._misspelt_holder(title_key, name, date) or holder
                if holder is not None and _same_surname(holder.name, name, misspelt=True):
                    name = holder.name
                    country, sector, code = self._person_code(holder, date, country)
                else:
                    sector = title_entry.sector if title_entry else "GOV"
                    # An office names a country: "Prime Minister X" in a story about
                    # Fiji holds Fiji's, as a title alone would.
                    if country is None and org is None:
                        country = context_country
            elif agents and agents[-1].entry is not None:
                sector = agents[-1].entry.sector
                role = doc[agents[-1].end - 1].lemma_.lower() in ROLE_NOUNS
                bodies = [u.entry.sector for u in agents[:-1] if u.entry and u.entry.sector]
                if bodies and role:
                    sector = bodies[-1]  # "rebel leader X": a role in the rebels
                elif org is not None and role and org.kind == "group" and org.sector_on(date):
                    sector = org.sector_on(date)  # "Taliban spokesman X" speaks for them
                if (
                    country is None
                    and org is None
                    and sector in STATE_SECTORS
                    and agents[-1].entry.local
                ):
                    # "Judge X", "General X": a state office, in the story's country;
                    # not "Ambassador X", who serves abroad.
                    country = context_country
            if org is not None and country is None:
                country, sector = org.country, sector or org.sector_on(date)
        elif head.type == "title" and entry is not None:
            title_key = entry.title
            place = country or (org.country if org else None) or context_country
            holder = None
            # "foreign ministers" are several people, not the office's one holder.
            plural = root.tag_ in ("NNS", "NNPS")
            if entry.title and not former and not plural:
                holder = self.kb.holder(entry.title, None, date, org=org.name) if org else None
                if holder is None and not countries and org is None:
                    # "the president" after "Trump said": the last person who holds it.
                    holder = self._recent_holder(entry.title, recent_people, date)
                holder = holder or self.kb.holder(entry.title, place, date)
            if holder is not None:
                name, kind = holder.name, "person"
                country, sector, code = self._person_code(holder, date, place)
            else:
                name, kind, country, sector = None, "agent", place, entry.sector
                if org is not None:
                    code = org.code_on(date)
        elif head.type == "agent" and entry is not None:
            kind = entry.kind if entry.kind != "unknown" else "agent"
            sector = entry.sector
            kinds = [u.entry for u in agents if u.entry is not None and u.entry.sector]
            if kinds and root.lemma_.lower() in ROLE_NOUNS:
                # "rebel commanders", "union leaders", "military officials": a role in
                # the body the modifier names.
                sector = kinds[-1].sector
            elif root.lemma_.lower() == "coalition" and _led_by_a_state(doc, left, root, unit_at):
                sector = "MIL"  # "the Saudi-led coalition": states at war, not parties
            people = [u for u in mods if u.type == "person" and u.entry is not None]
            if people and country is None and org is None:
                country = self._person_code(people[-1].entry, date, None)[0]  # type: ignore[arg-type]
            if org is not None:
                # Members of an organisation code as the organisation ("Houthi fighters"),
                # bodies of international ones as the body's sector ("UN monitors").
                country = org.country
                org_code = org.code_on(date)
                if org.country and org.country in ("IGO", "NGO", "IMG") and sector:
                    code = org.country + sector
                elif org_code and len(org_code) == 3 and sector:
                    # A dictionary entry for a state ("FREEDONIAN [FRD]"): country + sector,
                    # or + the agent's own code where a dictionary gives one ("~GOVFRM").
                    own = entry.code if entry.code and sector == entry.sector else None
                    country, code = org_code, org_code + (own or sector)
                else:
                    code, sector = org.code_on(date), org.sector_on(date) or sector
                name = org.name
            if entry.prefix_code and entry.code:
                code = entry.code + (country or "")
            elif entry.code and country and code is None:
                code = country + entry.code
            if kind == "group" and org is None and country is None:
                kind = "group"
        elif head.type in ("organisation", "seat") and entry is not None:
            name, kind = entry.name, entry.kind if entry.kind != "unknown" else "organisation"
            code = entry.code_on(date)
            country, sector = entry.country, entry.sector
            if code and entry.codes:
                from ..kb.actors.model import split_code

                offices = [u.entry for u in (*titles, *agents) if u.entry and u.entry.sector]
                if len(code) == 3 and offices and not offices[-1].prefix_code:
                    # "Prime Minister X" where a dictionary codes X by country alone: the
                    # country and the office's sector, as PETRARCH joins an actor to the
                    # agents of its phrase.
                    office = offices[-1]
                    code += office.code if office.type == "agent" and office.code else (
                        office.sector or ""
                    )
                country, sector = split_code(code)
        elif head.type == "ner_org":
            name, kind = doc[head.start : head.end].text, "organisation"
        elif head.type in ("country", "capital"):
            # "the Chilean shelling of X": a country naming an act did it; "the Lima
            # bombing" is where it was done.
            doer = head.type == "country" and self._modifies_act(root)
            if not (_acts(root) or doer) or entry is None:
                return []
            name, kind = entry.name, "state"
            country, sector = entry.country, entry.sector
            if head.type == "capital":
                name = self.kb.country_names.get(entry.country or "", entry.name)
        elif head.type in ("demonym", "ner_norp"):
            # "the Iranians", "Americans": a people; an adjective alone ("Iranian strike") is not.
            if self._modifies_act(root):
                pass
            elif (
                root.pos_ not in ("NOUN", "PROPN")
                or root.tag_ not in ("NNS", "NNPS", "NNP")
                and root.dep_ not in ACTOR_DEPS
            ):
                return []
            if head.type == "demonym" and entry is not None:
                # "Bosnian Croats", "ethnic Hungarians in Slovakia": a people coded by the
                # country the text places them in, else by their own.
                lived = country or self._located_in(root, unit_at)
                if lived is None and _is_ethnic(doc, head):
                    lived = self._ethnic_home(head, root, unit_at, counts)
                own = self.kb.country_names.get(entry.country or "", entry.name)
                name = doc[head.start : head.end].text if lived and lived != entry.country else own
                kind, country = "group", lived or entry.country
            else:
                if not _acts(root):
                    return []
                name, kind = doc[head.start : head.end].text, "group"
        else:
            return []
        if (
            former
            and (head.type in ("agent", "title") or titled_name)
            and (sector is None or sector in STATE_SECTORS)
        ):
            # a former official of any state office (a judge, a police chief, a lawmaker)
            sector = "ELI"
            code = None
        if code is None and country:
            code = country + (sector or "")
        prefixes = [
            u.entry.code for u in agents if u.entry and u.entry.prefix_code and u.entry.code
        ]
        if code and prefixes and not code.startswith(prefixes[-1]):
            # A dictionary agent that goes in front of its country ("[NGO~]") names the
            # body the rest of the phrase belongs to.
            code = prefixes[-1] + code
        # "the National Electoral Board ( NEB )": the acronym belongs to the name.
        if (
            end + 2 < len(doc)
            and doc[end].text == "("
            and doc[end + 2].text == ")"
            and doc[end + 1].is_upper
        ):
            end += 3
        joint: tuple[str, ...] = ()
        if head.type == "organisation" and entry is not None and code == entry.code_on(date):
            joint = entry.joint_codes_on(date)
        elif head.type in ("agent", "title") and sector and kind != "person":
            # "the envoys of A, B and C": the envoys of each country, as one phrase;
            # "senators and judges in A (and B)": each body of each country.
            one = len({_country_of(u) for u in pp_countries}) == 1
            places = placed if len(placed) > 1 else pp_countries[:1] if one else []
            states = [self._state_of(u, date) for u in places]
            own = code[3:] if code and code[:3] in states and len(code) > 3 else sector
            sectors = [own, *_conjoined_sectors(root, places, unit_at)] if places else []
            if all(states) and (len(set(states)) > 1 or len(sectors) > 1):
                joint = tuple(dict.fromkeys(f"{s}{o}" for o in sectors for s in states))
                country, code = states[0], joint[0]
        mention = Mention(left, end, name, code, country, sector, kind, root.i, title_key)
        mention.local = head.type == "agent" and entry is not None and entry.local
        mention.joint = joint
        if head.type == "ner_person" and not titles and agents and agents[-1].entry is not None:
            # "the independent daily <name>": a name described by a local agent noun.
            mention.local = agents[-1].entry.local
        extra = self._conjoined(doc, countries, mention) if not pp_countries else []
        return [*extra, mention]

    def _join_context(self, doc: Doc, mentions: list[Mention], units: list[Unit]) -> None:
        """Give a generic agent that names no country the one its sentence is about.

        "Kenyan police dispersed protesters": the protesters are Kenyan. Only agents usually
        found in their own country are joined (``local`` in ``agents.yaml``: police,
        protesters, officials, courts, parties, troops, rebels; not diplomats, peacekeepers
        or refugees), and only when what they are drawn from points at one country:

        - unarmed agents (police among them) take any country the sentence names, as an
          actor or a place, except a foreign military, a destination ("sent to X"), an
          opponent ("against X", "with X"), a place that only locates someone often
          abroad ("the ambassador in Geneva") or a name that only describes a thing
          ("Russian planes"); when the sentence names no country at all, the article's,
          if it names just one;
        - armed agents (troops, rebels, gunmen, militias, gangs) take only the country of
          the civil authorities whose act or words hold theirs ("the Chadian government
          said rebels ...") or of a place in their own clause ("rebels attacked a base in
          Chad"), and only when the sentence names no other country: a foreign army, or
          a state they fight, is no evidence of their own.

        An agent whose own phrase names an organisation or a country ("a spokeswoman for
        the EU", "officials from Washington and Ankara"), or that stands for several states
        ("the two governments"), is left as it is.
        """
        holder: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                holder.setdefault(i, m)
        in_names = {i for u in units if u.type in PROPER_TYPES for i in range(u.start, u.end)}
        in_units = {i for u in units for i in range(u.start, u.end)}
        ents = doc.ents  # built anew on each access: once for all the sentences
        country_units = [
            u
            for u in units
            if u.type in ("country", "capital", "demonym")
            and _country_of(u) in self.kb.country_names
            and not _is_backer(doc, u)
        ]
        article = {_country_of(u) for u in country_units}
        for sent in doc.sents:
            joinable = [
                m
                for m in mentions
                if m.local
                and m.country is None
                and m.sector
                and m.code is None
                and sent.start <= m.head < sent.end
                and not _names_other(doc[m.head], in_names)
            ]
            if not joinable:
                continue
            anywhere, authority, located, inside = self._sentence_countries(
                doc, sent, mentions, holder, in_units, country_units, ents
            )
            named = any(sent.start <= u.start < sent.end for u in country_units)
            for m in joinable:
                if m.sector in ARMED_SECTORS:
                    head = doc[m.head]
                    own = {head.i, head.head.i}
                    spoken = {a.i for a in head.ancestors}
                    found = {c for c, verbs in authority.items() if verbs & (spoken | own)}
                    found |= {c for c, hosts in located.items() if hosts & own}
                    if len(anywhere | found) > 1:
                        found = set()
                elif anywhere:
                    # "protesters blocked streets in X in defiance of Y": the place their
                    # own act is done in, if it names one country, before the sentence's.
                    where = _own_clause(doc[m.head]) if m.sector in HOME_SECTORS else set()
                    found = {c for c, hosts in inside.items() if hosts & where}
                    if len(found) != 1:
                        found = set(anywhere)
                else:
                    found = {c for c in article if c} if not named else set()
                if len(found) == 1:
                    m.country = found.pop()
                    m.code = m.country + m.sector  # type: ignore[operator]

    def _sentence_countries(
        self,
        doc: Doc,
        sent: Span,
        mentions: list[Mention],
        holder: dict[int, Mention],
        in_units: set[int],
        country_units: list[Unit],
        ents: tuple[Span, ...],
    ) -> tuple[set[str], dict[str, set[int]], dict[str, set[int]], dict[str, set[int]]]:
        """The countries a sentence is about, for :meth:`_join_context`: every one it names
        as an actor (but a state an act is done to) or a place; those whose authorities
        are subjects, with their verbs; those it names as places, with the words their
        phrases attach to; and those of them an act is done in or at ("in X", "at X")."""
        anywhere: set[str] = set()
        authority: dict[str, set[int]] = {}
        located: dict[str, set[int]] = {}
        inside: dict[str, set[int]] = {}
        for m in mentions:
            if not sent.start <= m.head < sent.end:
                continue
            head = doc[m.head]
            if (
                m.country not in self.kb.country_names
                or _governing_prep(head) in AWAY_PREPS
                or _destination(head)
                or (m.kind == "state" and head.dep_ == "dobj")
            ):
                continue  # "officials condemned X": the state acted on is the other side
            if m.sector in AUTHORITY_SECTORS and head.dep_ in ("nsubj", "nsubjpass"):
                authority.setdefault(m.country, set()).add(head.head.i)  # type: ignore[arg-type]
            if m.sector != "MIL":
                anywhere.add(m.country)  # type: ignore[arg-type]
        places: list[tuple[str, Token]] = [
            (_country_of(u), _root(doc, u))  # type: ignore[misc]
            for u in country_units
            if sent.start <= u.start < sent.end and u.start not in holder
        ]
        places += [
            (city, ent.root)
            for ent in _ents_in(ents, sent)
            if ent.label_ == "GPE"
            and ent.start not in holder
            and ent.start not in in_units
            and (city := self.kb.city_country(ent.text, map(_country_of, country_units)))
        ]
        for country, root in places:
            # "in the Somali capital": the phrase the name modifies is the place.
            while root.dep_ in ("amod", "compound", "poss", "appos") and root.head.i != root.i:
                root = root.head
            host = _prep_host(root)
            owner = holder.get(host.i)
            if _governing_prep(root) not in LOCATING_PREPS or (
                owner is not None and owner.kind == "agent" and not owner.local
            ):
                continue  # "ambassadors in Geneva" place no one else
            anywhere.add(country)
            located.setdefault(country, set()).add(host.i)
            if _governing_prep(root) in ("in", "at"):
                inside.setdefault(country, set()).add(host.i)
        return anywhere, authority, located, inside

    def _fled_from(self, doc: Doc, root: Token, unit_at: dict[int, Unit]) -> str | None:
        """The one country a participle of flight after an agent names ("refugees fleeing
        the fighting in X"); None when it names none or several."""
        found: set[str] = set()
        for acl in root.rights:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in FLIGHT_VERBS:
                continue
            for token in acl.subtree:
                unit = unit_at.get(token.i)
                if unit is not None and unit.type in ("country", "capital"):
                    found.add(_country_of(unit) or "")
                elif unit is None and token.ent_type_ == "GPE" and token.ent_iob_ == "B":
                    found.add(self.kb.city_country(_ent_text(token)) or "")
        found.discard("")
        return found.pop() if len(found) == 1 else None

    def _modifies_act(self, root: Token) -> bool:
        """A name modifying a noun that names an act, directly or through the weapon's name
        ("U.S. drone strikes"): the act's doer."""
        if root.dep_ not in ("compound", "amod", "nmod"):
            return False
        head = root.head
        for _ in range(2):
            if head.dep_ != "compound" or head.head.i < head.i:
                break
            head = head.head
        return head.pos_ == "NOUN" and head.lemma_.lower() in self.event_nouns

    def _ethnic_home(
        self, unit: Unit, root: Token, unit_at: dict[int, Unit], counts: Counter[str]
    ) -> str | None:
        """Where an ethnic group lives: a country it is placed in, else the other country
        the article is most about."""
        found = self._located_in(root, unit_at)
        if found:
            return found
        own = _country_of(unit)
        others = [(n, c) for c, n in counts.items() if c != own]
        return max(others)[1] if others else None

    def _located_in(self, root: Token, unit_at: dict[int, Unit]) -> str | None:
        """The country of an "in <country>" or "of <country>" phrase attached to ``root``."""
        for prep in root.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):  # "Albanians of Serbia"
                for obj in prep.children:
                    unit = unit_at.get(obj.i)
                    if obj.dep_ == "pobj" and unit is not None and unit.type == "country":
                        return _country_of(unit)
        return None

    def _recent_holder(
        self, title: str, recent_people: list[Entry], date: dt.date | None
    ) -> Entry | None:
        for person in reversed(recent_people[-8:]):
            role = self.kb.role_on(person, date)
            if role is not None and role.title == title:
                return person
        return None

    def _misspelt_holder(self, title: str, name: str, date: dt.date | None) -> Entry | None:
        """The one holder of ``title`` whose surname ``name`` spells with a letter added,
        dropped or changed ("Mitterand"): on ``date``, else at any time; None when none or
        several do."""
        for when in (date, None):
            found = [
                p
                for p in self.kb.holders_on(title, when)
                if not _same_surname(p.name, name) and _same_surname(p.name, name, misspelt=True)
            ]
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def _person_code(
        self, person: Entry, date: dt.date | None, fallback: str | None
    ) -> tuple[str | None, str | None, str | None]:
        """Country, sector and (when it is not country + sector) code of a person."""
        role = self.kb.role_on(person, date)
        if role is not None:
            if role.country is None and role.org:
                # An office in a body that belongs to no one country (the UN's
                # secretary-general): the person codes as the body.
                return self._org_of(role.org, date)
            return role.country, role.sector, None
        former = self.kb.former_role(person, date)
        if former is not None:
            if former.country is None and former.org:
                return self._org_of(former.org, date)[0], "ELI", None
            return former.country, "ELI", None
        return person.country or fallback, None, None

    def _org_of(self, name: str, date: dt.date | None) -> tuple[str | None, str | None, str | None]:
        for org in self.kb.lookup(name):
            if org.type == "organisation":
                return org.country, org.sector_on(date), org.code_on(date)
        return None, None, None

    @staticmethod
    def _state_of(unit: Unit, date: dt.date | None) -> str | None:
        """The country a country-like unit names: a country, or a dictionary name coded as
        a state alone ("FREEDONIA [FRD]")."""
        entry = unit.entry
        if entry is None:
            return None
        if unit.type == "organisation":
            code = entry.code_on(date)
            return code if code and len(code) == 3 and entry.kind == "state" else None
        return entry.country

    def _conjoined(self, doc: Doc, countries: list[Unit], mention: Mention) -> list[Mention]:
        """One actor per conjoined country modifier; the last stays with the head noun."""
        if len(countries) < 2:
            return []
        conjoined = [
            u for u in countries[:-1] if u.start >= mention.start and u.end <= countries[-1].start
        ]
        if not conjoined or not any(
            doc[u.start].dep_ == "conj" or doc[_root(doc, u).i].dep_ == "conj" for u in countries
        ):
            return []
        extra: list[Mention] = []
        for unit in conjoined:
            country = _country_of(unit)
            code = (country or "") + (mention.sector or "") if country else None
            name = self.kb.country_names.get(country or "", None)
            extra.append(
                Mention(
                    unit.start,
                    unit.end,
                    name,
                    code,
                    country,
                    mention.sector,
                    mention.kind,
                    unit.start,
                )
            )
        mention.start = countries[-1].start
        mention.country = _country_of(countries[-1])
        if mention.country:
            mention.code = mention.country + (mention.sector or "")
        return extra


# -- helpers ------------------------------------------------------------------------------------
def _without_article(form: str) -> str:
    words = form.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() == "the" else form


#: Where a name the model tags as no entity is still a party to an act: the subject or
#: object of a verb, or the agent of a passive.
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _unknown_names(doc: Doc, taken: set[int]) -> list[Unit]:
    """Names the knowledge base and the model's entities both miss, kept uncoded as
    people where they are the subject or object of a verb ("Pltavchenko cancelled a
    visit", "accused Gulen of plotting"): a run of capitalised proper nouns that is no
    entity of any kind (places, dates and works are entities)."""
    units: list[Unit] = []
    for head in doc:
        if (
            head.pos_ != "PROPN"
            or head.dep_ not in _PARTY_DEPS
            or head.head.pos_ not in ("VERB", "AUX")
            or head.i in taken
        ):
            continue
        start = head.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == head:
            start -= 1
        words = doc[start : head.i + 1]
        if any(
            t.pos_ != "PROPN" or not t.is_title or t.ent_type_ or t.i in taken or len(t) < 3
            for t in words
        ):
            continue
        taken.update(range(start, head.i + 1))
        units.append(Unit(start, head.i + 1, "ner_person"))
    return units


def _root(doc: Doc, unit: Unit) -> Token:
    """The unit's syntactic head: its token whose head lies outside it."""
    if unit.root_i is None:
        unit.root_i = doc[unit.start : unit.end].root.i
    return doc[unit.root_i]


def _conjoined_sectors(root: Token, placed: list[Unit], unit_at: dict[int, Unit]) -> list[str]:
    """The sectors of the agent nouns conjoined with ``root`` before the phrase that
    places them ("senators and judges in A and B")."""
    first = min(u.start for u in placed)
    sectors = []
    for conj in root.children:
        unit = unit_at.get(conj.i)
        if conj.dep_ != "conj" or not root.i < conj.i < first or unit is None:
            continue
        if unit.type == "agent" and unit.entry is not None and unit.entry.sector:
            sectors.append(unit.entry.sector)
    return sectors


def _with_conjunct_nouns(token: Token) -> list[Token]:
    """A noun and the nouns conjoined with it ("A, B and C")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN"):
            found.extend(_with_conjunct_nouns(child))
    return found


def _country_of(unit: Unit) -> str | None:
    entry = unit.entry
    return entry.country if entry else None


def _is_backer(doc: Doc, unit: Unit) -> bool:
    """ "Iranian-backed", "US-allied": the country supports the group, it is not its country;
    nor is it in "anti-Syrian", "pro-Iranian": the group's stance towards the country.

    "Vietnamese-led forces" and "a Saudi-led coalition" are coded as the leading country,
    as CAMEO coders do, so "led" is not a backer's word.
    """
    nxt = unit.end
    before = unit.start
    if before >= 2 and doc[before - 1].text == "-" and doc[before - 2].lower_ in ("anti", "pro"):
        return True
    return (
        nxt + 1 < len(doc)
        and doc[nxt].text == "-"
        and doc[nxt + 1].lower_
        in ("backed", "allied", "aligned", "supported", "funded", "trained", "armed", "sponsored")
    ) or (nxt < len(doc) and doc[nxt].lower_.startswith(("-backed", "-allied", "-funded")))


def _acts(root: Token) -> bool:
    """Whether a country name at ``root`` is a participant rather than a location."""
    token = root
    # "in the capital, Nairobi", "with its neighbour Chad": a name in apposition stands
    # where the noun it renames does.
    while token.dep_ in ("conj", "appos") and token.head.i < token.i:
        token = token.head
    dep = token.dep_
    if dep == "poss" and (
        token.head.ent_type_ in ("GPE", "LOC", "FAC") or token.head.lemma_ in PLACE_NOUNS
    ):
        return False  # "Kabul's airport", "Chad's capital": a place
    if dep in ACTOR_DEPS:
        return True
    if dep == "pobj":
        prep = token.head
        word = prep.lower_
        if word in LOCATIVE_PREPS:
            return False
        if word in ("to", "toward", "towards") and prep.head.lemma_ in MOTION_VERBS:
            return False
        return True
    return False


def _np_left(doc: Doc, root: Token, start: int, end: int) -> int:
    """Extend a mention left over its head's determiners and modifiers."""
    left = start
    tokens = [root, *(doc[i] for i in range(start, end) if i != root.i)]
    for token in tokens:
        for child in token.lefts:
            if child.i < left and child.dep_ in NP_LEFT_DEPS:
                edge = child.left_edge.i
                if any(_breaks_np(doc, i) for i in range(edge, left)):
                    continue
                left = min(left, edge)
    # Never start on punctuation.
    while left < start and doc[left].is_punct:
        left += 1
    # "let free the activists", "set loose X": the adjective completes the verb before it,
    # fronted ahead of the object; it is no part of the noun phrase.
    if (
        left < root.i
        and left >= 1
        and doc[left].lower_ in _RELEASED
        and doc[left - 1].lemma_.lower() in _LETTING_GO
    ):
        left += 1
    # A possessive split by spacing ("Chad ’ s army"): take in the possessor.
    if (
        left >= 2
        and doc[left].lower_ == "s"
        and doc[left - 1].text in ("\u2019", "'")
        and doc[left - 2].pos_ == "PROPN"
    ):
        left = doc[left - 2].left_edge.i if doc[left - 2].left_edge.i < left - 2 else left - 2
    elif left >= 1 and doc[left].norm_ == "'s" and doc[left - 1].pos_ == "PROPN":
        left -= 1
    # Honorifics the tokenizer split off: "Mr . Ruto".
    if left >= 2 and doc[left - 1].text == "." and doc[left - 2].text in ("Mr", "Mrs", "Ms", "Dr"):
        left -= 2
    return left


#: Object complements fronted before the object ("let free X") and the verbs taking them.
_RELEASED = frozenset({"free", "loose"})
_LETTING_GO = frozenset({"let", "set", "cut", "turn"})

QUANTITY_WORDS = frozenset(
    {
        "dozens",
        "hundreds",
        "thousands",
        "tens",
        "millions",
        "scores",
        "some",
        "many",
        "several",
        "most",
        "all",
        "few",
        "number",
        "group",
        "team",
        "delegation",
        "majority",
        "none",
        "each",
        "both",
    }
)


def _quantifier(root: Token) -> Token | None:
    """In "dozens of Kenyan police officers" the parse heads the phrase on "dozens"."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i >= prep.i:
        return None
    quantity = prep.head
    if quantity.like_num or quantity.lower_ in QUANTITY_WORDS:
        return quantity
    return None


def _ents_in(ents: tuple[Span, ...], span: Span) -> list[Span]:
    """``span.ents`` from the doc's entities, read once: those wholly inside the span."""
    inside: list[Span] = []
    for ent in ents:
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            inside.append(ent)
    return inside


def _ent_text(token: Token) -> str:
    """The text of the named entity ``token`` belongs to."""
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _name_end(doc: Doc, end: int, taken: set[int]) -> int:
    """Where a person's name ends when the tagger stops short of its head: in "Minister
    Ahmad Nawaz Khan" the parse makes "Ahmad Nawaz" modifiers of "Khan", a capitalised
    proper noun the knowledge base knows nothing of, so it is the name's last word."""
    head = doc[end - 1].head
    if doc[end - 1].dep_ != "compound" or not end <= head.i <= end + 1:
        return end
    rest = range(end, head.i + 1)
    if all(
        doc[i].pos_ == "PROPN" and doc[i].is_title and not doc[i].ent_type_ and i not in taken
        for i in rest
    ):
        return head.i + 1
    return end


def _breaks_np(doc: Doc, i: int) -> bool:
    """Punctuation that ends a noun phrase; a comma inside a number ("3 , 000") does not."""
    text = doc[i].text
    if text == ",":
        return not (0 < i < len(doc) - 1 and doc[i - 1].like_num and doc[i + 1].like_num)
    return text in (";", "(", ")", "\u201c", '"', "--", "\u2014") or doc[i].dep_ in ("cc", "conj")


def _country_counts(units: list[Unit]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for unit in units:
        if unit.type in ("country", "demonym", "capital") and unit.entry and unit.entry.country:
            counts[unit.entry.country] += 1
    return counts


def _governing_prep(token: Token) -> str | None:
    """The preposition whose object ``token`` (or the first of its conjuncts) is."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.head.lower_ if token.dep_ == "pobj" else None


#: Modifiers saying an agent is from elsewhere, or from several states of a region:
#: "foreign fighters", "a world leader", "Caribbean leaders", "regional envoys".
_ELSEWHERE = frozenset(
    {
        "foreign", "world", "international", "overseas", "global", "visiting", "regional",
        "western", "caribbean", "african", "european", "asian", "arab", "gulf", "latin",
        "nordic", "baltic", "balkan",
    }
)
#: Heads a "foreign" modifier names a home office of ("the foreign ministry").
_HOME_OFFICES = frozenset({"ministry", "minister", "office", "secretary", "service", "affairs"})


def _led_by_a_state(doc: Doc, left: int, root: Token, unit_at: dict[int, Unit]) -> bool:
    """Whether a phrase says a country leads it ("a French-led force")."""
    for i in range(left + 1, root.i):
        if doc[i].lower_ not in ("led", "-led"):
            continue
        before = i - 2 if doc[i - 1].text == "-" else i - 1
        unit = unit_at.get(before)
        if unit is not None and unit.type in ("country", "demonym", "capital"):
            return True
    return False


def _carry_surnames(mentions: list[Mention]) -> None:
    """A person named by surname alone after the article named them in full ("Pentagon
    spokesman John Kirby ... Kirby said") is that person, with their code. A surname two
    people of the article share names neither."""
    known: dict[str, Mention | None] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        words = (m.name or "").split()
        if m.kind != "person" or not words:
            continue
        if m.code or m.country:
            # Chinese, Korean and Vietnamese names put the family name first.
            family = {words[-1], words[0]} if m.country in FAMILY_FIRST else {words[-1]}
            for surname in (w.lower() for w in family if len(words) > 1):
                earlier = known.get(surname, m)
                same = earlier is not None and earlier.name == m.name
                known[surname] = m if same else None
            continue
        source = known.get(words[0].lower()) if len(words) == 1 else None
        if source is not None:
            m.name, m.code, m.country = source.name, source.code, source.country
            m.sector, m.title = source.sector, source.title


def _from_elsewhere(head: Token) -> bool:
    """Whether a modifier says the agent is from abroad or from several states of a region
    ("foreign journalists", "Caribbean leaders"); a foreign ministry is at home."""
    return head.lemma_.lower() not in _HOME_OFFICES and any(
        c.dep_ in ("amod", "compound") and c.lower_ in _ELSEWHERE for c in head.children
    )


def _names_other(head: Token, in_names: set[int]) -> bool:
    """Whether an agent's own phrase names a country, body or person the knowledge base
    knows ("a spokeswoman for the EU"), stands for several ("governments", "both
    sides"), or says it is from elsewhere ("foreign journalists", "a world leader")."""
    if head.lemma_.lower() in ("government", "side") and head.tag_ == "NNS":
        return True
    if _from_elsewhere(head):
        return True
    return any(t.i in in_names for c in head.children if c.dep_ == "prep" for t in c.subtree)


def _named_region(noun: Token) -> str | None:
    """The place name of "the Kursk region", "the Helmand province": a region noun led by
    the name of a place."""
    if noun.lemma_.lower() not in REGION_NOUNS:
        return None
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names:
        return None
    return _ent_text(names[0]) if names[0].ent_type_ in ("GPE", "LOC") else names[0].text


def _own_clause(head: Token) -> set[int]:
    """The verb an agent is subject or object of (through "thousands of people") and the
    objects of that verb: the words a phrase placing the agent's act hangs on."""
    token = head
    for _ in range(4):
        if token.dep_ in ("pobj", "prep", "conj", "appos") and token.head != token:
            token = token.head
        else:
            break
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return set()
    verb = token.head
    return {verb.i} | {c.i for c in verb.children if c.dep_ in ("dobj", "nsubjpass")}


def _destination(token: Token) -> bool:
    """A country a verb of motion goes to: "survivors who reached Chad"."""
    return token.dep_ == "dobj" and token.head.lemma_ in DESTINATION_VERBS


def _prep_host(token: Token) -> Token:
    """The word a prepositional phrase holding ``token`` attaches to: "a base in Chad"."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        return token.head.head
    return token


def _is_ethnic(doc: Doc, unit: Unit) -> bool:
    return unit.start > 0 and doc[unit.start - 1].lower_ == "ethnic"


def _same_surname(a: str, b: str, misspelt: bool = False) -> bool:
    """Whether two names end in the same surname; with ``misspelt``, also one spelled
    with one letter added, dropped or changed, for surnames of six letters or more."""
    x, y = _fold_accents(a.split()[-1].lower()), _fold_accents(b.split()[-1].lower())
    if x == y:
        return True
    return misspelt and min(len(x), len(y)) >= 6 and _one_edit(x, y)


def _one_edit(x: str, y: str, inside: bool = False) -> bool:
    """Whether ``y`` is ``x`` with exactly one letter added, dropped or changed; with
    ``inside``, only between the first and last letters ("Ethopia", not "Indiana")."""
    if x == y or abs(len(x) - len(y)) > 1:
        return False
    positions = range(1, max(len(x), len(y)) - 1) if inside else range(max(len(x), len(y)))
    if len(x) == len(y):
        differ = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
        return len(differ) == 1 and differ[0] in positions
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return any(long[:i] + long[i + 1 :] == short for i in positions)


def _fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _phrase_end(doc: Doc, obj: Token) -> int:
    """Where the object of "police in Kabul" ends: its subtree, cut at a clause break.

    A misparse can hang the rest of the sentence on the object ("doctors from two aid
    groups donated ..."); a finite verb, a comma or a bracket left open ends the phrase.
    """
    end = obj.i + 1
    for i in range(obj.i + 1, obj.right_edge.i + 1):
        token = doc[i]
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD") or token.text in (",", ";", ":", "--"):
            break
        if token.pos_ == "VERB" and any(
            c.dep_ == "dobj" or (c.dep_ == "conj" and c.pos_ == "VERB") for c in token.children
        ):
            break  # a participle with an object or a verb conjunct is the main verb misread
        end = i + 1
    return _without_adjuncts(doc, obj, end)


def _without_adjuncts(doc: Doc, obj: Token, end: int) -> int:
    """Leave out a time ("last week", "on Friday") or an adverb ("here") that closes a
    phrase: they say when or where the clause's act happened, not who its actors are
    ("the crew of the ship seized off Aden last week" names the crew)."""
    while end > obj.i + 1:
        last = doc[end - 1]
        if last.ent_type_ in ("DATE", "TIME"):
            start = end - 1
            while start > obj.i + 1 and doc[start].ent_iob_ == "I":
                start -= 1
            before = doc[start - 1]
            if doc[start].ent_iob_ != "B" or start <= obj.i or before.lower_ == "of":
                break  # "the events of 2011": the date is what the noun is of
            end = start - 1 if before.dep_ == "prep" and before.i > obj.i else start
        elif last.dep_ == "advmod" and last.pos_ == "ADV" and last.head.pos_ in ("NOUN", "PROPN"):
            end -= 1  # an adverb the parse hangs on a noun belongs to the clause
        else:
            break
    return end


def _merge_appositions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One mention for a name and the phrase in apposition to it, either way round:
    "Nicolas Maduro, Venezuela's president" and "Venezuela's president, Nicolas Maduro"
    name one actor, so one span covers both; the coded half gives the code."""
    result: list[Mention] = []
    for m in mentions:
        prev = result[-1] if result else None
        if (
            prev is not None
            and m.start == prev.end + 1
            and doc[prev.end].text == ","
            and _one_described(prev, m)
            and _apposed(doc[prev.head], doc[m.head])
            and (
                m.end >= len(doc)
                or doc[m.end].text in (",", ".", ";", ")")
                or doc[m.end].pos_ in ("VERB", "AUX")
            )
        ):
            person, other = (prev, m) if prev.kind == "person" else (m, prev)
            merged = Mention(
                prev.start,
                m.end,
                person.name or other.name,
                person.code or other.code,
                person.country or other.country,
                person.sector or other.sector,
                "person",
                prev.head,
                person.title or other.title,
            )
            result[-1] = merged
            continue
        result.append(m)
    return result


def _one_described(a: Mention, b: Mention) -> bool:
    """A person and a description of them, not two people in a list ("Merkel, Macron")."""
    if "person" not in (a.kind, b.kind):
        return False
    if a.kind == b.kind == "person":
        return a.name == b.name or a.title is not None or b.title is not None
    return True


def _apposed(a: Token, b: Token) -> bool:
    """Whether ``b`` stands in apposition to ``a`` (or the parse put it the other way)."""
    return (b.dep_ == "appos" and b.head.i == a.i) or (a.dep_ == "appos" and a.head.i == b.i)


def _tidy(doc: Doc, m: Mention) -> Mention:
    """Keep a span from ending on a comma or an opening bracket, or on an acronym whose
    closing bracket is left out ("the Department of State Services ( DSS")."""
    while m.end - m.start > 1 and doc[m.end - 1].text in (",", ";", ":", "(", "-", "--"):
        m.end -= 1
    opened = sum(doc[i].text == "(" for i in range(m.start, m.end))
    closed = sum(doc[i].text == ")" for i in range(m.start, m.end))
    if opened > closed and m.end < len(doc) and doc[m.end].text == ")":
        m.end += 1
    return m


def _link_appositions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A name left uncoded takes the code of the phrase in apposition to it."""
    by_head = {m.head: m for m in mentions}
    for m in mentions:
        # A bare country ("al-Houthi" read as the Houthis' country) is refined by an
        # apposition of that country with a sector ("the leader of the Houthi group");
        # an uncoded group or agent takes the name it is in apposition with ("the main
        # rebel group, the Northern Front, said").
        named_body = m.kind in ("agent", "group") and m.code is None and m.country is None
        if not named_body and (m.kind != "person" or (m.code is not None and m.sector is not None)):
            continue
        head = doc[m.head]
        related = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            related.append(head.head)
        for token in related:
            other = by_head.get(token.i)
            if (
                other is not None
                and other.code
                and (m.code is None or (other.country == m.country and other.sector))
                and (not named_body or other.kind in ("organisation", "group"))
            ):
                m.code, m.country, m.sector = other.code, other.country, other.sector
                break
    return mentions


def _governing_subject(token: Token, actors: list[Span]) -> Span | None:
    """The actor subject of the clause a subject pronoun's own clause hangs on ("X
    killed Y when they ...", "X said he would ...")."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ not in ("advcl", "conj", "ccomp"):
        return None
    # "X refused to meet Y, saying he would ...": climb past a subjectless participle.
    head = verb.head
    for _ in range(3):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i:
                return next((s for s in actors if s.start <= child.i < s.end), None)
        if head.dep_ not in ("advcl", "xcomp", "conj") or head.head == head:
            return None
        head = head.head
    return None


def _is_subject(span: Span) -> bool:
    """Whether a mention is the subject of its clause (its head, or the head of a noun
    it is in apposition to or compounded with)."""
    head = span.root
    while head.dep_ in ("appos", "compound") and head.head != head:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _agrees(word: str, span: Span) -> bool:
    """Number agreement of a pronoun with a mention's head noun ("they" and "bombers"); a
    body whose name is plural ("the Royal Marines") is also "it"."""
    plural = span.root.tag_ in ("NNS", "NNPS")
    if word in GROUP_PRONOUNS:
        return plural
    return not plural or span.root.tag_ == "NNPS"


def _pronoun_referent(word: str, earlier: list[Span]) -> Span | None:
    """The nearest earlier mention a pronoun can stand for, by its person and number."""

    def last(predicate) -> Span | None:  # type: ignore[no-untyped-def]
        for span in reversed(earlier):
            if span._.fp_actor is not None and predicate(span._.fp_actor, span):
                return span
        return None

    if word in PERSON_PRONOUNS:
        return last(lambda a, s: a.kind == "person")
    if word in GROUP_PRONOUNS:
        # People named together are a "they" too: "Lopez and Varga said they ...".
        return last(
            lambda a, s: (
                a.kind in ("group", "organisation", "state", "agent")
                or (a.kind == "person" and _coordinated(s.root))
            )
        )
    if word in THING_PRONOUNS:
        # "the government ... it": a body named by a singular agent noun counts too.
        return last(
            lambda a, s: (
                a.kind in ("organisation", "state", "group")
                or (a.kind == "agent" and s.root.tag_ in ("NN", "NNP", "NNPS"))
            )
        )
    return None


def _coordinated(token: Token) -> bool:
    """Whether ``token`` is one of nouns joined by a conjunction."""
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


def _code_owned_agents(doc: Doc) -> None:
    """ "Bosnian Serbs said their forces ...": an agent owned by a pronoun belongs to the
    country of the actor the pronoun stands for."""
    for span in doc._.fp_actors:
        actor = span._.fp_actor
        if actor.kind != "agent" or actor.country or not actor.sector:
            continue
        owner = next(
            (c for c in span.root.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS),
            None,
        )
        referent = resolve_reference(doc, owner) if owner is not None else None
        country = referent._.fp_actor.country if referent is not None else None
        if country:
            span._.fp_actor = actor.model_copy(
                update={"country": country, "code": country + actor.sector}
            )


def _mention_span(doc: Doc, m: Mention) -> Span:
    span = doc[m.start : m.end]
    span._.fp_actor = Actor(
        text=span.text,
        name=m.name,
        code=m.code,
        country=m.country,
        sector=m.sector,
        kind=m.kind,  # type: ignore[arg-type]
        start=span.start_char,
        end=span.end_char,
        joint_codes=list(m.joint),
    )
    return span


def _share_conjunct_country(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Israeli helicopters and tanks": a bare agent noun conjoined to a country's agent
    belongs to the same country."""
    by_head = {m.head: m for m in mentions}
    for m in mentions:
        head = doc[m.head]
        if m.country is not None or m.sector is None or head.dep_ != "conj":
            continue
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in head.children):
            continue
        first = by_head.get(head.head.i)
        if first is not None and first.country and first.kind == m.kind and first.sector:
            m.country = first.country
            m.code = first.country + m.sector
    return mentions


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    result: list[Mention] = []
    for m in mentions:
        if result and m.start < result[-1].end:
            prev = result[-1]
            # Keep the one that holds its head; trim the earlier one where possible.
            if prev.start <= m.head < prev.end:
                continue
            if m.start > prev.start and prev.head < m.start:
                prev.end = m.start
            else:
                continue
        result.append(m)
    return result


# -- coreference ---------------------------------------------------------------------------------
def resolve_reference(doc: Doc, token: Token) -> Span | None:
    """The actor mention a pronoun or definite description at ``token`` refers to.

    "he"/"she" -> the nearest earlier person; "they" -> the nearest earlier group,
    organisation, state or plural agent; "it" -> the nearest earlier organisation, state
    or body named by a singular agent noun ("the ministry"); "the president", "the
    group" (a mention with no name of its own) -> the nearest earlier mention of the same
    person, or of a compatible kind. Looks back at most five sentences; returns None when
    nothing fits.
    """
    actors: list[Span] = list(doc._.fp_actors)
    own = next((s for s in actors if s.start <= token.i < s.end), None)
    word = token.lower_
    sentence_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    current = max((k for k, s in enumerate(sentence_starts) if s <= token.i), default=0)
    horizon = sentence_starts[max(0, current - 5)]
    earlier = [
        s
        for s in actors
        if s.end <= (own.start if own is not None else token.i) and s.start >= horizon
    ]

    def last(predicate) -> Span | None:  # type: ignore[no-untyped-def]
        for span in reversed(earlier):
            if predicate(span._.fp_actor):
                return span
        return None

    if own is None or (word in OWNER_PRONOUNS and own[0].i == token.i):
        # A pronoun, or the owner of an agent ("their forces"): the actor it stands for.
        # The subject of a clause hanging on another ("X killed Y when they ...") is
        # first taken to be that clause's subject, if it can be.
        subject = _governing_subject(token, actors)
        if (
            subject is not None
            and _agrees(word, subject)
            and _pronoun_referent(word, [subject]) is not None
        ):
            return subject
        if token.dep_ in ("nsubj", "nsubjpass") and word in PERSON_PRONOUNS:
            # A subject "he" carries on the person the last sentence was about, before any
            # person that sentence merely mentions ("The president met the envoy. He said").
            previous = sentence_starts[max(0, current - 1)]
            topic = _pronoun_referent(
                word, [s for s in earlier if s.start >= previous and _is_subject(s)]
            )
            if topic is not None:
                return topic
        return _pronoun_referent(word, earlier)
    actor = own._.fp_actor
    if actor is None or own[0].lower_ not in ("the", "this", "that"):
        return None
    if actor.kind == "person" and actor.name:
        # "the president" resolved to its holder: the earlier mention of that person.
        return last(lambda a: a is not None and a.name == actor.name)
    if actor.kind == "group" and actor.name is None:
        return last(lambda a: a is not None and a.kind in ("group", "organisation"))
    if actor.kind == "agent" and actor.code is None:
        return last(lambda a: a is not None and a.sector == actor.sector and a.code is not None)
    return None
