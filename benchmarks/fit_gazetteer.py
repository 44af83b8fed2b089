"""Fit the gazetteer's weights (which place a name is) on the tune halves of the development sets
(run on purpose).

    .venv/bin/python benchmarks/fit_gazetteer.py /work/devdata [--write]

Every name the annotator looks up while it reads a document (annotate/gazetteer.py, `resolve`)
is a decision between readings: the curated places, the country, every GeoNames city, the
region and the district of that name, each with its evidence ('city_population': 5.3,
'context_first': 1, 'region_wanted': 1 ...). A reading is right when it lies near the gold:
within 161 km of a gold toponym of that name (GeoVirus, GeoWebNews, LGL: the acc@161 the scorer
uses), or within 25 km of the event's point in an ACLED note (a name of the note that no reading
puts there, an actor's home or the province, tells nothing and is left out). Decisions with
right and wrong readings are fitted by a conditional logit (each reading's score is the sum of
its weighted evidence, and the decision a softmax over them; L2-regularised, by gradient descent
in numpy), every decision weighing the same. A power of ten of a city's population weighs 1, the scale
the others are read in; the weights of what the text says a name is (`FIXED`) stay as set.

It prints the share of decisions whose best reading is right under the file's weights and the
fitted ones, per set, on the tune halves (fitted on) and the check halves (never fitted on; only
the shares are printed), and with --write stores the fitted weights in
newsroom/annotate/data/weights.yaml. The end-to-end figures are benchmarks/dev_eval.py's.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WEIGHTS = ROOT / "newsroom" / "annotate" / "data" / "weights.yaml"
TOPONYM_SETS = ("wikinews-geovirus", "geowebnews", "lgl")
ACLED_SETS = ("acled-asia", "acled-africa", "acled-2020")
TOPONYM_KM, EVENT_KM = 161.0, 25.0
L2 = 0.01            # on the squared distance from the file's weights (the prior); the decisions weigh 1 in all
STEPS, RATE = 20000, 0.5
# Held at the file's values: a power of ten of population weighs 1 (the scale every other weight
# is read in), and what the text says a name is ('Idlib province', 'the town of X') is no question
# of geography: a province and its capital lie within any distance the gold is judged by.
FIXED = ("city_population", "region_wanted", "city_not_wanted", "city_wanted", "region", "district")

Decision = tuple[str, list[dict[str, float]], list[bool], list[tuple[Any, ...]]]  # where, evidence, right, tie-break


def documents(set_dir: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for gold_path in sorted(set_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.with_name(gold.get("file") or gold_path.name[: -len(".gold.json")] + ".txt")
        yield text_path.name, text_path.read_bytes().decode("utf-8"), gold


def decisions(annotator: Any, root: Path, name: str, half: str) -> list[Decision]:
    """Every lookup the annotator makes in the set's half that gold can judge, once per document."""
    from newsroom.annotate.gazetteer import Gazetteer, split_kind_word
    from newsroom.annotate.place_index import km
    from newsroom.text import name_key

    kinds = annotator.knowledge.lexicon.place_kind_words
    # Recorded on the class: a story reads its names through a view of the gazetteer that knows
    # where the story's other places may be (`Gazetteer.in_story`), and its readings are the ones
    # to judge.
    calls: list[tuple[Any, str, tuple[str, ...], str | None]] = []
    original = Gazetteer.resolve

    def recording(self: Any, place: str, context: Any = (), kind_hint: str | None = None) -> Any:
        context = tuple(context)
        calls.append((self, place, context, kind_hint))
        return original(self, place, context, kind_hint)

    Gazetteer.resolve = recording  # type: ignore[method-assign,assignment]
    out: list[Decision] = []
    try:
        for file, text, gold in documents(root / f"{name}-{half}"):
            calls.clear()
            annotator(text, gold.get("date"))
            points: dict[str, list[tuple[float, float]]] = {}
            if name in ACLED_SETS:
                near = EVENT_KM
            else:
                near = TOPONYM_KM
                for toponym in gold.get("places", []):
                    if toponym.get("lat") is not None:
                        points.setdefault(name_key(toponym["text"]), []).append((toponym["lat"], toponym["lon"]))
            for gazetteer, place, context, hint in {call[1:]: call for call in calls}.values():
                if name in ACLED_SETS:
                    golds = [(gold["lat"], gold["lon"])]
                else:
                    golds = points.get(name_key(place)) or points.get(name_key(split_kind_word(place, kinds)[0])) or []
                readings = [r for r in gazetteer.readings(place, context, hint) if r.lat is not None]
                if not golds or not readings:
                    continue
                right = [any(km(r.lat, r.lon, lat, lon) <= near for lat, lon in golds) for r in readings]
                if any(right):
                    out.append((f"{name}:{file}:{place}", [dict(r.evidence) for r in readings], right,
                                [(r.known, r.population, -(r.geonames or 0)) for r in readings]))
    finally:
        Gazetteer.resolve = original  # type: ignore[method-assign]
    return out


def accuracy(rows: list[Decision], weights: dict[str, float]) -> float:
    """The share of decisions whose best reading (as `gazetteer._best` breaks ties) is right."""
    hits = 0
    for _, evidence, right, ties in rows:
        scores = [sum(weights.get(n, 0.0) * v for n, v in e.items()) for e in evidence]
        best = max(range(len(scores)), key=lambda i: (round(scores[i], 9), *ties[i]))
        hits += right[best]
    return hits / max(len(rows), 1)


def fit(by_set: dict[str, list[Decision]], start: dict[str, float], l2: float = L2) -> dict[str, float]:
    """The weights, drawn towards `start` (the file's: the prior, so that evidence the tune halves
    rarely show, 'Mexico' the country against Mexico, Missouri, keeps the weight it has)."""
    names = sorted({n for rows in by_set.values() for _, evidence, _, _ in rows for e in evidence for n in e})
    index = {n: i for i, n in enumerate(names)}
    useful = [r for rows in by_set.values() for r in rows if not all(r[2])]  # all right: nothing to learn
    features, rights, groups = [], [], []
    for _, evidence, right, _ in useful:
        for e in evidence:
            row = [0.0] * len(names)
            for n, v in e.items():
                row[index[n]] = v
            features.append(row)
        rights += right
        groups += [groups[-1] + 1 if groups else 0] * len(evidence)
    x, right, group = np.array(features), np.array(rights), np.array(groups)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    weight = np.full(len(useful), 1.0 / max(len(useful), 1))  # every decision weighs the same
    prior = np.array([start.get(n, 0.0) for n in names])
    w = prior.copy()
    free = np.array([n not in FIXED for n in names], dtype=float)
    for step in range(STEPS):
        s = x @ w
        e = np.exp(s - np.maximum.reduceat(s, starts)[group])
        z, zq = np.add.reduceat(e, starts), np.add.reduceat(e * right, starts)
        p, q = e / z[group], e * right / zq[group]
        w -= RATE * free * (x.T @ ((p - q) * weight[group]) + l2 * (w - prior))
        if step % 5000 == 0 or step == STEPS - 1:
            loss = float(weight @ (np.log(z) - np.log(zq)) + l2 / 2 * (free * (w - prior)) @ (w - prior))
            print(f"  step {step}: loss {loss:.4f}", file=sys.stderr)
    return {n: round(float(v), 2) for n, v in zip(names, w, strict=True)}


def write(fitted: dict[str, float]) -> None:
    """Each fitted weight in place of the file's, its comment kept in the same column."""
    lines = WEIGHTS.read_text(encoding="utf-8").splitlines(keepends=True)
    for name, value in fitted.items():
        at = next((i for i, line in enumerate(lines) if line.startswith(f"  {name}: ")), None)
        if at is None:
            raise SystemExit(f"{WEIGHTS}: no weight '{name}' to write")
        line = lines[at].rstrip("\n")
        comment = line.find("#")
        setting = f"  {name}: {value}"
        lines[at] = (setting.ljust(comment - 1) + " " + line[comment:] if comment >= 0 else setting) + "\n"
    WEIGHTS.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--write", action="store_true", help="store the fitted weights in weights.yaml")
    parser.add_argument("--l2", type=float, default=L2, help=f"regularisation (default {L2})")
    parser.add_argument("--decisions", type=Path, metavar="FILE",
                        help="keep the decisions read in FILE (JSON), and read them from it when it exists; "
                             "delete it after a change to the annotator")
    args = parser.parse_args()

    from newsroom.cli.loading import load_annotator

    annotator = load_annotator()
    file_weights = {k: float(v) for k, v in dataclasses.asdict(annotator.gazetteer.weights).items()}
    sets = TOPONYM_SETS + ACLED_SETS
    if args.decisions and args.decisions.exists():
        tune, check = json.loads(args.decisions.read_text(encoding="utf-8"))
    else:
        tune = {name: decisions(annotator, args.root, name, "tune") for name in sets}
        check = {name: decisions(annotator, args.root, name, "check") for name in sets}
        if args.decisions:
            args.decisions.write_text(json.dumps([tune, check]), encoding="utf-8")
    fitted = fit(tune, file_weights, args.l2)
    print(f"{'set':<20} {'decisions':>9} {'tune: file':>11} {'fitted':>7} {'check: file':>12} {'fitted':>7}")
    for name in sets:
        print(f"{name:<20} {len(tune[name]):>9} {accuracy(tune[name], file_weights):>11.3f} "
              f"{accuracy(tune[name], fitted):>7.3f} {accuracy(check[name], file_weights):>12.3f} "
              f"{accuracy(check[name], fitted):>7.3f}")
    print("weights (the file's -> fitted):")
    for name, value in fitted.items():
        print(f"  {name:<24} {file_weights.get(name, 0.0):>6} -> {value}")
    if args.write:
        write(fitted)
        print(f"written to {WEIGHTS}")


if __name__ == "__main__":
    main()
