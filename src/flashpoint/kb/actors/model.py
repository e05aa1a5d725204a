"""The actor knowledge base: entries for every name an actor goes by, and look-ups over them.

An :class:`Entry` is one thing an actor mention can resolve to: a country (by name,
demonym, capital or seat of government), an organisation, a person with dated roles, a
title ("president"), or a generic agent noun ("police"). :class:`ActorKB` indexes the
phrases each entry is written as, so the pipeline can build its matchers once, and
answers the dated questions: which role did this person hold on the article date, who
held this title in this country then.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

EntryType = Literal[
    "country", "demonym", "capital", "seat", "organisation", "person", "title", "agent"
]
ActorKindName = Literal["person", "organisation", "state", "group", "agent", "unknown"]

#: Codes in the country slot that name no country (PLOVER's non-state international actors).
#: They stand in the ``country`` field as PLOVER's country-name field has them.
NON_STATE_PREFIXES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "NGM"})

#: Sector codes (PLOVER's, plus CAMEO's HLH for health: MED stays media, as in CAMEO).
SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED HLH "
    "REF OPP PRE REL SOC ENV HRI".split()
)


@dataclass(frozen=True)
class DatedCode:
    """A code valid from ``start`` (inclusive) until ``end`` (exclusive); None is open."""

    code: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    #: Every code of the block this one came from, when it lists several (``[A/B]``): a
    #: name that stands for several actors at once.
    joint: tuple[str, ...] = ()

    def covers(self, date: dt.date | None) -> bool:
        if date is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class Role:
    """An office or position a person held: the country and sector it codes as."""

    title: str
    country: str | None
    sector: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    org: str | None = None

    def covers(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True)
class Entry:
    """One thing a mention can resolve to.

    ``country`` and ``sector`` are what a plain mention codes as; ``codes`` (from PETRARCH
    dictionaries) override them by date; ``roles`` (people) and ``title`` (title words)
    are resolved against the article date by :class:`ActorKB`.
    """

    type: EntryType
    name: str
    country: str | None = None
    sector: str | None = None
    kind: ActorKindName = "unknown"
    code: str | None = None
    codes: tuple[DatedCode, ...] = ()
    roles: tuple[Role, ...] = ()
    title: str | None = None
    #: PETRARCH ``[NGO~]`` agents: the agent code goes in front, replacing the country.
    prefix_code: bool = False
    #: Agents that are usually of the country they are in (police, protesters), as against
    #: those often abroad (diplomats, peacekeepers, refugees): only the former take a
    #: country from the sentence around them.
    local: bool = True

    def _dated_code(self, date: dt.date | None) -> DatedCode | None:
        for dated in self.codes:
            if dated.dated and date is not None and dated.covers(date):
                return dated
        return next((dated for dated in self.codes if not dated.dated), None)

    def code_on(self, date: dt.date | None) -> str | None:
        """The entry's own code on ``date``: a dated code that covers it, else the default."""
        if self.codes:
            dated = self._dated_code(date)
            return dated.code if dated is not None else None
        if self.code:
            return self.code
        if self.country:
            return self.country + (self.sector or "")
        return None

    def sector_on(self, date: dt.date | None) -> str | None:
        """The entry's sector on ``date``: that of a dated code, else the default one."""
        if self.codes:
            code = self.code_on(date)
            if code and len(code) > 3:
                return split_code(code)[1] or self.sector
        return self.sector

    def joint_codes_on(self, date: dt.date | None) -> tuple[str, ...]:
        """Every code on ``date`` of a name that stands for several actors (``[A/B]``),
        or () for a name that codes one."""
        dated = self._dated_code(date) if self.codes else None
        return dated.joint if dated is not None else ()


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """``USAGOV`` -> (``USA``, ``GOV``); ``IGOUNO`` -> (``IGO``, None): ``UNO`` tags the body.

    The second element is a sector only when it is one; organisation tags are not.
    """
    if not code:
        return None, None
    head, rest = code[:3].upper(), code[3:6].upper() or None
    if rest is not None and rest not in SECTORS:
        rest = None
    return head, rest


@dataclass
class ActorKB:
    """Every actor entry, indexed by the phrases it is written as.

    ``phrases`` maps a normalised phrase (lower case, whitespace collapsed) to entry
    indices; ``exact`` holds the phrases that only match with their case as written
    (acronyms such as ``US``, ``UN``, ``IS`` that are common words in lower case).
    """

    entries: list[Entry] = field(default_factory=list)
    phrases: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    written: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    country_names: dict[str, str] = field(default_factory=dict)
    #: City name (lower case) -> ISO3 of the most populous city so named.
    cities: dict[str, str] = field(default_factory=dict)
    #: City name (lower case) -> ISO3 of every country with a sizeable city so named.
    city_countries: dict[str, set[str]] = field(default_factory=dict)
    #: Country -> (the day it became a state, the country it was part of until then).
    formed: dict[str, tuple[dt.date, str]] = field(default_factory=dict)
    _holders: dict[tuple[str, str | None], list[tuple[Role, int]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: How many of ``entries`` are built in; the user's files add the rest.
    builtin_entries: int = 0

    def state_on(self, country: str | None, date: dt.date | None) -> str | None:
        """The state ``country``'s land belonged to on ``date``: before a state was formed,
        its towns and people were of the state it came from (Juba in 2005 is in Sudan)."""
        formed = self.formed.get(country or "")
        if formed is None or date is None or date >= formed[0]:
            return country
        return formed[1]

    # -- building -------------------------------------------------------------------------
    def add(self, entry: Entry, phrases: Iterable[str]) -> int:
        """Add an entry under each phrase it is written as; returns its index."""
        index = len(self.entries)
        self.entries.append(entry)
        for phrase in phrases:
            self.add_phrase(phrase, index)
        if entry.type == "person":
            for role in entry.roles:
                # An office of an organisation is found by the organisation alone: with no
                # country named, "the president" is no one in particular.
                if role.country is not None or not role.org:
                    self._holders[(role.title, role.country)].append((role, index))
                if role.org:
                    self._holders[(role.title, role.org.lower())].append((role, index))
        return index

    def add_phrase(self, phrase: str, index: int) -> None:
        text = normalise(phrase)
        if not text:
            return
        if index not in self.phrases[text]:
            self.phrases[text].append(index)
        self.written[text].add(" ".join(phrase.split()))

    def remove_phrases(self, phrases: Iterable[str]) -> None:
        """Forget phrases (a user file that replaces a built-in entry)."""
        for phrase in phrases:
            self.phrases.pop(normalise(phrase), None)
            self.written.pop(normalise(phrase), None)

    def builtin_named(self, phrases: Iterable[str], types: Iterable[str]) -> set[int]:
        """Indices of the built-in entries of these types that some phrase names."""
        wanted = set(types)
        return {
            i
            for phrase in phrases
            for i in self.phrases.get(normalise(phrase), ())
            if i < self.builtin_entries and self.entries[i].type in wanted
        }

    def redirect(self, old: set[int], new: int) -> None:
        """Make every phrase of the entries ``old`` name entry ``new`` instead."""
        if not old:
            return
        for text, indices in self.phrases.items():
            if any(i in old for i in indices):
                self.phrases[text] = list(dict.fromkeys(new if i in old else i for i in indices))

    def remove_types(self, types: Iterable[str]) -> None:
        """Forget every phrase of the entries of these types."""
        wanted = set(types)
        for text in list(self.phrases):
            kept = [i for i in self.phrases[text] if self.entries[i].type not in wanted]
            if kept:
                self.phrases[text] = kept
            else:
                del self.phrases[text]
                self.written.pop(text, None)

    # -- look-ups ---------------------------------------------------------------------------
    def lookup(self, phrase: str) -> list[Entry]:
        return [self.entries[i] for i in self.phrases.get(normalise(phrase), ())]

    def iter_phrases(self) -> Iterator[tuple[str, bool]]:
        """Every phrase as written, with whether it must match case exactly."""
        for forms in self.written.values():
            for form in sorted(forms):
                yield form, is_case_sensitive(form)

    def role_on(self, person: Entry, date: dt.date | None) -> Role | None:
        """The person's role on ``date``: the first listed role whose tenure covers it."""
        if date is None:
            return person.roles[0] if person.roles else None
        for role in person.roles:
            if role.covers(date):
                return role
        return None

    def former_role(self, person: Entry, date: dt.date | None) -> Role | None:
        """The latest role that ended on or before ``date`` (what a former official was)."""
        if date is None:
            return None
        ended = [r for r in person.roles if r.end is not None and r.end <= date]
        return max(ended, key=lambda r: r.end or dt.date.min) if ended else None

    def holder(
        self, title: str, country: str | None, date: dt.date | None, org: str | None = None
    ) -> Entry | None:
        """Who held ``title`` in ``country`` (or in organisation ``org``) on ``date``."""
        if date is None:
            return None
        key = org.lower() if org else country
        for role, index in self._holders.get((title, key), ()):
            if role.covers(date):
                return self.entries[index]
        return None

    def holders_on(self, title: str, date: dt.date | None) -> list[Entry]:
        """Everyone who held ``title`` anywhere on ``date`` (at any time, for None)."""
        found: dict[int, Entry] = {}
        for (held, _), roles in self._holders.items():
            if held == title:
                for role, index in roles:
                    if date is None or role.covers(date):
                        found[index] = self.entries[index]
        return list(found.values())

    def city_country(self, name: str | None, named: Iterable[str | None] = ()) -> str | None:
        """The country of the city ``name``: the one of the countries the article names
        (``named``) that has a city so named, else that of the most populous."""
        if not name:
            return None
        among = self.city_countries.get(normalise(name), set()) & set(named)
        if len(among) == 1:
            return next(iter(among))
        found = self.cities.get(normalise(name))
        if found:
            return found
        countries = [e.country for e in self.lookup(name) if e.type in ("country", "capital")]
        return countries[0] if countries else None

    def has_title(self, title: str) -> bool:
        return any(key[0] == title for key in self._holders)


def normalise(phrase: str) -> str:
    """The key a phrase is indexed under: lower case, single spaces, no leading article."""
    words = phrase.replace("\u2019", "'").split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


def is_case_sensitive(form: str) -> bool:
    """Acronyms (``US``, ``UN``, ``WHO``, ``IS``) collide with common words in lower case."""
    letters = [c for c in form if c.isalpha()]
    return (
        bool(letters)
        and len(letters) <= 6
        and all(c.isupper() for c in letters)
        and " " not in form
    )
