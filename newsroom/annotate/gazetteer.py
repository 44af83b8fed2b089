"""Resolve a place name to a real place: GeoNames cities, countries, regions, districts,
curated places.

Transliteration variants meet through `name_key` (Deir Az Zor = Deir al-Zor = Dayr az Zawr).
Ambiguous names are decided by the article's context: the countries it mentions, then size
(Palmyra in a Syria story is Tadmur, Syria; alone, the most populous Palmyra wins).
"""

from __future__ import annotations

import copy
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import fields, replace

from ..text import name_key
from .confidence import Evidence
from .knowledge import Knowledge, KnownPlace
from .neighbours import Point, near_neighbour, neighbour_points
from .place_index import City, Index, Resolved, reading_rank, split_kind_word
from .rules import GazetteerWeights
from .spelling_variants import SpellingVariants

# The countries a story names first are its setting; later ones are asides ('a US-backed alliance').
SETTING_COUNTRIES = 2

TOWN_HINTS = ("city", "town", "village")
AREA_HINTS = ("province", "region", "district")
GENERIC_KINDS = ("continent", "river", "place", "landmark")  # kinds no city competes with


def _best(readings: list[Resolved]) -> Resolved:
    return max(readings, key=reading_rank)


class Gazetteer:
    """Name lookups over GeoNames cities (population >= 500), countries, first-level regions and
    second-level districts."""

    def __init__(self, knowledge: Knowledge, index: Index) -> None:
        self.knowledge = knowledge
        self.cities, self.subdivisions, self.districts, spellings = index
        self.variants = SpellingVariants(spellings)
        # Filled on first use and shared with every story's view (`in_story` copies the gazetteer,
        # not this): the index of every city by id is built once per process.
        self._by_id: dict[int, City] = {}
        self._weights_read: tuple[GazetteerWeights, dict[str, float]] | None = None
        self._neighbours: Mapping[str, Sequence[Point]] = {}

    def in_story(self, names: Iterable[str], context: Iterable[str]) -> Gazetteer:
        """This gazetteer reading one story's place names: a town or district reading near where
        another name of the story may be gets the evidence 'near_story_place' (`neighbours.py`)."""
        view = copy.copy(self)
        view._neighbours = neighbour_points(self, names, list(context))
        return view

    def _near_story_place(self, key: str, lat: float | None, lon: float | None) -> Evidence:
        reach = self.weights.near_place_km
        if lat is None or lon is None or not near_neighbour(self._neighbours, key, lat, lon, reach):
            return {}
        return {"near_story_place": 1.0}

    @property
    def weights(self) -> GazetteerWeights:
        return self.knowledge.weights.gazetteer

    @property
    def _weight(self) -> dict[str, float]:
        """Evidence name -> weight, read again when the knowledge (and so its weights) is swapped."""
        weights = self.weights
        if self._weights_read is None or self._weights_read[0] is not weights:
            self._weights_read = (weights, {f.name: float(getattr(weights, f.name)) for f in fields(weights)})
        return self._weights_read[1]

    def _split(self, name: str) -> tuple[str, str | None]:
        return split_kind_word(name, self.knowledge.lexicon.place_kind_words)

    def _whole_name_known(self, name: str) -> bool:
        """A place whose own name ends in a kind word ('Cape Town', 'Kansas City')."""
        whole = name_key(name)
        return whole in self.cities or whole in self.subdivisions or whole in self.knowledge.place_by_key

    def is_big_place(self, name: str) -> bool:
        """A city of at least the guess population goes by this name (or a country or a curated
        place does): enough to read a capitalised name the model missed as a place."""
        key = name_key(name)
        big = self.knowledge.weights.place_reading.guess_population
        return self._curated_or_country(key) or any(c.population >= big for c in self.cities.get(key, ()))

    def is_named_place(self, name: str) -> bool:
        """A town of at least the placed population bears this very name (not as an alternate:
        'Google' is one of Topeka's), or a region or district does: enough to read a name the
        model left untyped as a place where the text places it ('in Rusape', 'west of Beledweyne')."""
        key = name_key(name)
        least = self.knowledge.weights.place_reading.placed_population
        return (self._curated_or_country(key) or key in self.subdivisions or key in self.districts
                or any(c.population >= least and name_key(c.name) == key for c in self.cities.get(key, ())))

    def _curated_or_country(self, key: str) -> bool:
        return key in self.knowledge.place_by_key or key in self.knowledge.country_by_key

    def country_name(self, code: str | None) -> str | None:
        country = self.knowledge.countries.get(code) if code else None
        return country.name if country else None

    def resolve(self, name: str, context: Iterable[str] = (), kind_hint: str | None = None) -> Resolved | None:
        """The best reading of `name`, or None. `context`: country codes the article mentions,
        in order of first mention, then the ISO codes of regions it names ('US-IN'). Every
        reading competes on one score (see `_readings`)."""
        context = list(context)
        readings, whole, kind_word = self._name_readings(name, context, kind_hint)
        if whole:
            # 'Cape Town' is no town called Cape; but 'San Fernando City' in a Californian story
            # is San Fernando, not the Philippine city of that whole name: both readings compete.
            # The whole name wins in the story's own countries ('Boulder City' in a Nevada story
            # is no Boulder, Colorado) or on its score.
            best_whole = _best(whole)
            if not readings or best_whole.country_code in context or best_whole.score > _best(readings).score:
                return best_whole
        if not readings:
            return None
        best = _best(readings)
        if kind_word is None and kind_hint is None and best.country_code not in context \
                and all(w in self.knowledge.lexicon.compass_words for w in name.lower().split()):
            return None  # 'the North' of a story set elsewhere is no region of that name abroad
        if kind_word in ("province", "region") and best.kind in ("city", "town", "village") and not best.known \
                and best.country_code not in context:
            return None  # a province of the story's country is no town of that name abroad
        if kind_word == "district" and best.kind in ("city", "town") and not best.known:
            # 'Dallas County' is the county even where its seat outscores it, and without
            # district data ('Nairobi District'), the area its namesake town sits in, at the
            # town's point, but an entity of its own, not the town.
            district = next((r for r in readings if r.kind == "district"), None)
            if district is not None:
                return district
            return replace(best, name=f"{best.name} {name.split()[-1]}", kind="district", geonames=None, population=0)
        return best

    def readings(self, name: str, context: Iterable[str] = (), kind_hint: str | None = None) -> list[Resolved]:
        """Every reading `resolve` weighs for the name, every GeoNames city among them, each with
        its evidence: what the weights are fitted on (benchmarks/fit_gazetteer.py)."""
        readings, whole, _ = self._name_readings(name, list(context), kind_hint, every_city=True)
        return readings + whole

    def _name_readings(self, name: str, context: list[str], kind_hint: str | None,
                       every_city: bool = False) -> tuple[list[Resolved], list[Resolved], str | None]:
        """The readings of the name with its kind word taken off ('Idlib province' -> Idlib), those
        of the whole name where it ends in a kind word and is known whole ('Cape Town'), and the
        kind word."""
        base, kind_word = self._split(name)
        key = name_key(base)
        if not key:
            return [], [], kind_word
        readings = self._readings(name, key, context, kind_word, kind_word or kind_hint, every_city)
        whole = (self._readings(name, name_key(name), context, None, kind_word, every_city)
                 if kind_word is not None and self._whole_name_known(name) else [])
        return readings, whole, kind_word

    def regions_named(self, names: Iterable[str], countries: list[str]) -> list[str]:
        """ISO 3166-2 codes ('US-IN') of the first-level regions among `names`, in order, when
        the name reads as one region of a country the article names (or of only one country)."""
        out: list[str] = []
        for name in names:
            base, _ = self._split(name)
            entries = list({e.code: e for e in self.subdivisions.get(name_key(base), [])}.values())
            if not entries:
                # ... or by an alias the knowledge base gives a region ('La.', 'Calif.', 'W.Va.'):
                # read as it reads, if it is one (most names are towns: no reading to spend)
                if not any(p.kind in ("province", "region") for k in {name_key(name), name_key(base)}
                           for p in self.knowledge.place_by_key.get(k, ())):
                    continue
                known = self.resolve(name, countries)
                code = self.region_code(known.name, known.country_code) if (
                    known is not None and known.known and known.kind in ("province", "region")
                    and known.country_code) else None
                if code is not None and code not in out:
                    out.append(code)
                continue
            local = [e for e in entries if e.country_code in countries] or (entries if len(entries) == 1 else [])
            if len(local) != 1 or local[0].code in out:
                continue
            region = local[0]
            # Only a name read as the region: bare 'New York' or 'Washington' is the city, and
            # must not draw every Geneva to upstate New York.
            reading = self.resolve(name, countries)
            if (reading is not None and reading.kind in ("province", "region")
                    and reading.country_code == region.country_code):
                out.append(region.code)
        return out

    def region_code(self, name: str, country_code: str) -> str | None:
        """The ISO 3166-2 code of the first-level region of that country so named ('US-NY'), or
        named by an alias the knowledge base gives it ('Ill.' for Illinois)."""
        key = name_key(self._split(name)[0])
        keys = {key} | {name_key(known.name) for known in self.knowledge.place_by_key.get(key, ())
                        if known.country == country_code}
        codes = {e.code for k in keys for e in self.subdivisions.get(k, []) if e.country_code == country_code}
        return codes.pop() if len(codes) == 1 else None

    def region_type(self, name: str, country_code: str | None) -> str | None:
        """What that country calls its first-level region so named ('state' for Oaxaca, Mexico;
        'department' for La Paz, Bolivia), where the ISO list says."""
        return next((region.type.lower() for region in self.subdivisions.get(name_key(name), ())
                     if region.country_code == country_code and region.type), None)

    def city_by_id(self, geonameid: int | None) -> City | None:
        """The GeoNames city of that id (its region, for `position_readings.lies_in`)."""
        if geonameid is None:
            return None
        if not self._by_id:
            self._by_id.update((c.geonameid, c) for cities in self.cities.values() for c in cities)
        return self._by_id.get(geonameid)

    def _weighed(self, evidence: Evidence) -> float:
        """The score the weights give this evidence."""
        weight = self._weight
        return sum(weight[name] * value for name, value in evidence.items())

    def _scored(self, reading: Resolved, evidence: Evidence) -> Resolved:
        """The reading with its evidence and the score the weights give it."""
        return replace(reading, score=self._weighed(evidence), evidence=tuple(sorted(evidence.items())))

    def _context(self, code: str | None, context: list[str]) -> Evidence:
        # The first countries a story names are its setting; later ones are asides
        # ("a US-backed alliance") and should not pull Geneva to Illinois.
        if code is None or code not in context:
            return {}
        return {"context_first" if context.index(code) < SETTING_COUNTRIES else "context_later": 1.0}

    def _readings(self, name: str, key: str, context: list[str], kind_word: str | None,
                  kind_hint: str | None, every_city: bool = False) -> list[Resolved]:
        """Every reading that competes for the name, scored; of the GeoNames cities only the best
        unless `every_city` (what the weights are fitted on)."""
        out: list[Resolved] = []
        area: Evidence = {"region_wanted": 1.0} if kind_hint in AREA_HINTS else {}
        abbreviated: list[Resolved] = []  # the places this name is the listed abbreviation of
        for known_key in dict.fromkeys((name_key(name), key)):
            for known in self.knowledge.place_by_key.get(known_key, []):
                if (kind_word == "river" and known.kind != "river") or kind_word in TOWN_HINTS:
                    continue
                out.append(self._curated(known, context, area))
                if name.endswith(".") and name in known.aliases:
                    abbreviated.append(out[-1])
        if abbreviated:
            # A name written as an abbreviation with its stop ('La.', 'Calif.', 'W.Va.'): the
            # place whose listed alias it is, not a city GeoNames also calls 'LA'.
            return abbreviated
        if kind_word is None and (code := self.knowledge.country_by_key.get(key)):
            country = self.knowledge.countries[code]
            out.append(self._scored(Resolved(country.name, "country", code, country.name, country.lat, country.lon,
                                             country.geonames, 0.0, known=True),
                                    {"country": 1.0, **self._context(code, context)}))
        if kind_word == "river":
            return out
        # GeoNames' city lists have no counties, and a county's namesake town often lies in
        # another state ('Scott County, Indiana' is not Scott, Louisiana): no point beats a wrong one.
        county = kind_word == "district" and name.split()[-1].lower() == "county"
        regions = {r.country_code for r in out if r.kind in ("province", "region")}
        out += self._cities(key, context, name_key(name), kind_hint, regions, county, every_city)
        if not regions and (region := self._region(key, context, area)) is not None:
            out.append(region)
        if (kind_hint not in TOWN_HINTS and not any(r.known for r in out)
                and (district := self._district(key, context, (kind_word or kind_hint) == "district", area, name))):
            out.append(self._curated_district(district, context, area) or district)
        return out

    def _curated_district(self, district: Resolved, context: list[str], area: Evidence) -> Resolved | None:
        """The curated district a GeoNames district is, under its name less its last word (the
        word for its kind, as GeoNames writes it: 'Khyber Agency', 'Bantul Regency' as the knowledge
        base's 'Khyber', 'Bantul'): one area, one page, whichever way the story writes it. Any last
        word is dropped, not only a listed kind word: the curated district of that country and
        name must exist, which is the check. A district only: 'New York County' is not the state."""
        words = district.name.split()
        if len(words) < 2:
            return None
        return next((self._curated(known, context, area)
                     for known in self.knowledge.place_by_key.get(name_key(" ".join(words[:-1])), [])
                     if known.country == district.country_code and known.kind == "district"), None)

    def _curated(self, known: KnownPlace, context: list[str], area: Evidence) -> Resolved:
        evidence = {"curated_place": 1.0, **self._context(known.country, context), **area}
        if known.kind in GENERIC_KINDS:
            evidence["curated_generic_kind"] = 1.0
        return self._scored(Resolved(known.name, known.kind, known.country, self.country_name(known.country),
                                     known.lat, known.lon, known.geonames, 0.0, known=True, archive=known.archive),
                            evidence)

    def _district(self, key: str, context: list[str], named_district: bool, area: Evidence,
                  whole: str = "") -> Resolved | None:
        """The one district so named in the story's countries (in its named regions, if several),
        at its seat; with a kind word ('Morang district'), also the one district of that name
        anywhere, those that bear the `whole` name first ('Lexington County', not the City of
        Lexington). Districts share names across and within countries far more than towns do
        ('Franklin County' in 24 states), so a name that is no single district reads as none."""
        bearing, shared = {d.geonameid for d in self.districts.get(name_key(whole), ())}, self.districts.get(key, [])
        everywhere = [d for d in shared if d.geonameid in bearing] or shared
        candidates = [d for d in everywhere if d.country_code in context]
        if not candidates and named_district:
            candidates = everywhere
        in_regions = [d for d in candidates if d.region in context]
        chosen = in_regions or candidates
        if len({d.geonameid for d in chosen}) > 1:
            # ... or the one of them near where the story's other places may be ('Platte County'
            # beside Columbus and Norfolk is Nebraska's).
            chosen = [d for d in chosen if self._near_story_place(key, d.lat, d.lon)] or chosen
        if len({d.geonameid for d in chosen}) != 1:
            return None
        district = chosen[0]
        return self._scored(Resolved(district.name, "district", district.country_code,
                                     self.country_name(district.country_code), district.lat, district.lon,
                                     district.geonameid, 0.0),
                            {"district": 1.0, **self._context(district.country_code, context), **area,
                             **self._near_story_place(key, district.lat, district.lon)})

    def _cities(self, key: str, context: list[str], full_key: str = "", kind_hint: str | None = None,
                regions: Collection[str | None] = (), in_named_region: bool = False,
                every_city: bool = False) -> list[Resolved]:
        """The best city so named (every one, best first, with `every_city`); with
        `in_named_region`, none unless the best lies in a region of `context`. `regions`: the
        countries where a curated region bears the name."""
        weight = self.weights
        candidates = self.cities.get(key)
        if not candidates:
            # A name the index lacks may be one of its places romanised another way
            # ('Narayangonj' for Narayanganj): looked for only in the story's own countries.
            candidates = self.variants.towns(key, context)
        scored: list[tuple[float, City, Evidence]] = []
        for city in candidates:
            evidence: Evidence = {"city_population": math.log10(city.population + 10),
                                  **self._context(city.country_code, context)}
            # A region the article names ('Indiana') draws its towns: Austin, Indiana over Texas;
            # the region right after the name ('Buffalo, New York'), first in the context, decides.
            # GeoNames' US admin1 codes are the states' postal codes, as in ISO 3166-2.
            region = city.region
            if region is not None and region in context:
                evidence["city_in_first_region" if context[:1] == [region] else "city_in_named_region"] = 1.0
            # A name the city only bears as an alternate ('Washington' for Reisterstown, Maryland)
            # must not win on a region bonus over the city that bears it as its own.
            own = name_key(city.name) in (key, full_key)  # not 'Quezon' for Quezon City
            if not own:
                evidence["alternate_name"] = 1.0
            else:
                # ... nor on a neighbour's: a village GeoNames lacks is no town near it that bears
                # the village's name as an alternate
                evidence.update(self._near_story_place(key, city.lat, city.lon))
            if kind_hint in TOWN_HINTS:
                evidence["city_wanted"] = 1.0
            elif kind_hint in AREA_HINTS:
                evidence["city_not_wanted"] = 1.0
            elif city.population >= weight.big_city_population and city.country_code in regions:
                # named like a curated region ('Idlib', 'New York', 'Washington'): the city, against
                # the region and against a namesake town near another place of the story
                evidence["big_city_over_region"] = 1.0
            elif city.population >= weight.million_population and city.country_code in context:
                # A big city of the story's country, named bare, keeps its size against a
                # namesake town near another place of the story: 'Dallas' beside 'Portland' is
                # Texas's, not Oregon's.
                evidence["big_city_bonus"] = 1.0
            scored.append((self._weighed(evidence), city, evidence))
        if not scored:
            return []
        # Only the readings asked for are made (most names have a few towns, some dozens).
        scored.sort(key=lambda entry: (-entry[0], entry[1].geonameid))
        if in_named_region and scored[0][1].region not in context:
            return []
        readings = []
        for _, city, evidence in scored if every_city else scored[:1]:
            kind = "city" if city.population >= weight.big_city_population else "town"
            readings.append(self._scored(Resolved(city.name, kind, city.country_code,
                                                  self.country_name(city.country_code), city.lat, city.lon,
                                                  city.geonameid, 0.0, city.population), evidence))
        best, city = readings[0], scored[0][1]
        # Size speaks for the town that wins on its own evidence, against the other kinds of
        # reading: a big city named bare ('Paris') is the city, not the region or the district;
        # but Paris, Texas in a Texan story stays Paris, Texas. (A big city of the story's own
        # countries, or named like a region, has its bonus above, among the cities.)
        if (kind_hint not in TOWN_HINTS + AREA_HINTS and city.population >= weight.million_population
                and city.country_code not in regions and city.country_code not in context):
            best = self._scored(best, {**dict(best.evidence), "big_city_bonus": 1.0})
        return [best, *readings[1:]]

    def _region(self, key: str, context: list[str], area: Evidence) -> Resolved | None:
        candidates = self.subdivisions.get(key)
        if not candidates:
            return None
        in_context = [c for c in candidates if c.country_code in context]
        code, name, sub_type, _, seat = (in_context or candidates)[0]
        if not in_context and len(candidates) > 1:
            return None
        # GeoNames gives regions no point: use its seat (the town of its name in it, else its
        # largest: 'Balochistan' at Quetta, as conflict data does); without one, the namesake
        # town of the country, if any.
        lat, lon = seat or (None, None)
        capital = next(iter(self._cities(key, [code])), None) if seat is None else None
        if capital is not None and capital.country_code == code:
            lat, lon = capital.lat, capital.lon
        # ISO 3166-2 types read like the words of the text: an oblast is a province, a county a region.
        kind = "province" if self.knowledge.lexicon.place_kind_words.get(sub_type) == "province" else "region"
        return self._scored(Resolved(name, kind, code, self.country_name(code), lat, lon, None, 0.0),
                            {"region": 1.0, **self._context(code, context), **area})
