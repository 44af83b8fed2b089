"""Fit the confidence models on the tune halves of the development sets (run on purpose).

    .venv/bin/python benchmarks/fit_confidence.py /work/devdata [--kinds event,place,actor] [--write]

Runs the annotator over every SET-tune folder (benchmarks/devsets.py split), collects each
annotation's named evidence (annotate/confidence.py) with a label from the gold, fits a logistic
model per kind (L2-regularised, by gradient descent in numpy), prints what it does to the tune
halves at a few thresholds, and with --write stores the weights in
newsroom/annotate/data/confidence.yaml. Events: the check halves are not read here; score them
apart (benchmarks/dev_eval.py). Actors and places: the check halves are annotated too, never
fitted on, and the same figures printed for them, to see whether the fit generalises.

Labels:
  event   ACLED notes: an event of the note's gold type is right (1.0); an event of another
          type is a real event mistyped (0.7). General news (BBC non-conflict and politics,
          Wikinews, CoNLL, GeoWebNews, LGL), judged by hand in ROOT/labels/: a violent event is
          real when real_events.tsv lists it (file TAB evidence start: 1.0), else as
          violent_events.tsv judges it, else a false alarm (0.0); an event of another type
          (protest, riot, arrest, statement, talks) as other_events.tsv judges it (set, file,
          start, type, label: 1 real, 0.7 real but mistyped, 0 no such event), else left out.
  actor   GUM and CoNLL: the share of its mentions score.py counts right (benchmarks/entity_labels.py).
  place   GeoVirus, GeoWebNews, LGL (acc@161) and GUM, CoNLL (LOC spans): the same.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CONFIDENCE = ROOT / "newsroom" / "annotate" / "data" / "confidence.yaml"
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
ACLED_SETS = ("acled-asia", "acled-africa")
NEWS_SETS = ("bbc-nonconflict", "bbc-politics", "wikinews-gum", "wikinews-geovirus", "conll-test", "geowebnews",
             "lgl")
L2 = 1.0            # on the sum of squared weights: keeps rare evidence from deciding alone
STEPS, RATE = 3000, 0.5


def documents(set_dir: Path) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    for gold_path in sorted(set_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.with_name(gold.get("file") or gold_path.name[: -len(".gold.json")] + ".txt")
        yield text_path.resolve(), text_path.resolve().read_bytes().decode("utf-8"), gold


def event_rows(tune: dict[str, list[Any]], root: Path) -> list[tuple[dict[str, float], float, str]]:
    """(evidence, label, where) for every event the annotator found in the tune halves (`tune`,
    from `annotated`); the hand-judged labels are read from ROOT/labels."""
    real = set()
    labels = root / "labels" / "real_events.tsv"
    if labels.exists():
        real = {tuple(line.split("\t")[:2]) for line in labels.read_text().splitlines() if line.strip()}
    judged = {**_judged(root / "labels" / "violent_events.tsv"), **_judged(root / "labels" / "other_events.tsv")}
    rows = []
    for name in ACLED_SETS + NEWS_SETS:
        for path, _, gold, annotation in tune[name]:
            for event in annotation.events:
                where = f"{name}:{path.name}:{event.evidence.start}"
                if name in ACLED_SETS:
                    rows.append((event.signals, 1.0 if event.type == gold["event_type"] else 0.7, where))
                    continue
                key = (path.name, str(event.evidence.start))
                if event.type in VIOLENT:
                    rows.append((event.signals, 1.0 if key in real else judged.get(key, 0.0), where))
                elif key in judged:
                    rows.append((event.signals, judged[key], where))
    return rows


def _judged(path: Path) -> dict[tuple[str, str], float]:
    """(file, evidence start) -> label, from a hand-judged TSV (set, file, start, type, label, ...)."""
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return {(r[1], r[2]): float(r[4]) for r in rows}


def fit(rows: list[tuple[dict[str, float], float, str]]) -> tuple[float, dict[str, float]]:
    names = sorted({name for evidence, _, _ in rows for name in evidence})
    x = np.array([[evidence.get(n, 0.0) for n in names] for evidence, _, _ in rows])
    y = np.array([label for _, label, _ in rows])
    # The conflict notes and the general news weigh the same in all: otherwise ACLED's many
    # short notes teach the model that nearly every trigger is an event, which in news it is not.
    # (Actors and places come from news only: every row then weighs 1.)
    acled = np.array([where.split(":")[0] in ACLED_SETS for _, _, where in rows])
    if acled.any():
        weight = np.where(acled, 0.5 / max(acled.sum(), 1), 0.5 / max((~acled).sum(), 1)) * len(rows)
    else:
        weight = np.ones(len(rows))
    w, b = np.zeros(len(names)), 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        residual = weight * (p - y)
        gradient = x.T @ residual / len(y) + L2 * w / len(y)
        w -= RATE * gradient
        b -= RATE * float(np.mean(residual))
    return round(b, 3), {n: round(float(v), 3) for n, v in zip(names, w, strict=True) if abs(v) >= 0.001}


def report(rows: list[tuple[dict[str, float], float, str]], probability: Callable[[dict[str, float]], float]) -> None:
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        kept = [(label, where) for evidence, label, where in rows if probability(evidence) >= threshold]
        acled = [label for label, where in kept if where.split(":")[0] in ACLED_SETS]
        all_acled = [r for r in rows if r[2].split(":")[0] in ACLED_SETS]
        news = [label for label, where in kept if where.split(":")[0] not in ACLED_SETS]
        real_news = sum(1 for _, label, where in rows if where.split(":")[0] not in ACLED_SETS and label > 0.5)
        print(f"  threshold {threshold}: ACLED events kept {len(acled)}/{len(all_acled)}; news events kept "
              f"{len(news)} of which false {sum(1 for v in news if v == 0.0)}, real {sum(1 for v in news if v > 0.5)}"
              f"/{real_news}")


THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def entity_report(rows: list[tuple[dict[str, float], float, str]],
                  probability: Callable[[dict[str, float]], float]) -> list[str]:
    """Per threshold: how many entities are kept (public), the share of the kept ones' mentions
    that are right, and the share of all right mentions' entities kept (what holding costs)."""
    right_all = sum(label for _, label, _ in rows) or 1.0
    lines = [f"  all: {len(rows)} entities, right {right_all / max(len(rows), 1):.3f}"]
    for threshold in THRESHOLDS:
        kept = [label for evidence, label, _ in rows if probability(evidence) >= threshold]
        lines.append(f"  threshold {threshold}: kept {len(kept)}/{len(rows)}, right among kept "
                     f"{sum(kept) / max(len(kept), 1):.3f}, right ones kept {sum(kept) / right_all:.3f}")
    return lines


def annotated(annotator: Any, root: Path, sets: tuple[str, ...], half: str) -> dict[str, list[Any]]:
    """set name -> (path, text, gold, annotation) for every document of its `half` folder."""
    out = {}
    for name in sets:
        docs = list(documents(root / f"{name}-{half}"))
        annotations = annotator.pipe([text for _, text, _ in docs], [gold.get("date") for _, _, gold in docs])
        out[name] = [(*doc, ann) for doc, ann in zip(docs, annotations, strict=True)]
    return out


def show(rows: list[tuple[dict[str, float], float, str]], probability: Callable[[dict[str, float]], float],
         false_at: float, missed_below: float) -> None:
    if false_at:
        for evidence, label, where in sorted(rows, key=lambda r: -probability(r[0])):
            if label == 0.0 and probability(evidence) >= false_at:
                print(f"  FALSE {probability(evidence):.2f} {where} {sorted(evidence.items())}")
    if missed_below:
        for evidence, label, where in sorted(rows, key=lambda r: probability(r[0])):
            if label > 0.5 and probability(evidence) < missed_below:
                print(f"  MISSED {probability(evidence):.2f} {where} {sorted(evidence.items())}")


def write(kind: str, bias: float, weights: dict[str, float]) -> None:
    import yaml

    data = yaml.safe_load(CONFIDENCE.read_text(encoding="utf-8"))
    data[kind] = {"bias": bias, "weights": dict(sorted(weights.items()))}
    header = "".join(line + "\n" for line in CONFIDENCE.read_text(encoding="utf-8").splitlines()
                     if line.startswith("#"))
    CONFIDENCE.write_text(header + yaml.safe_dump(data, sort_keys=False, width=120), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--kinds", default="event")
    parser.add_argument("--write", action="store_true", help="store the fitted weights in confidence.yaml")
    parser.add_argument("--show-false", type=float, default=0.0, metavar="P",
                        help="list the tune halves' false alarms (label 0) the model gives P or more")
    parser.add_argument("--show-missed", type=float, default=0.0, metavar="P",
                        help="list the tune halves' true annotations (label > 0.5) the model gives less than P")
    args = parser.parse_args()

    from newsroom.annotate.confidence import Model
    from newsroom.cli.loading import load_annotator

    annotator = load_annotator()
    kinds = args.kinds.split(",")
    fitted: dict[str, tuple[float, dict[str, float]]] = {}
    entity_kinds = [k for k in ("actor", "place") if k in kinds]
    from entity_labels import ACTOR_SETS, PLACE_SETS, entity_rows

    entity_sets = tuple(dict.fromkeys(s for k in entity_kinds for s in (ACTOR_SETS if k == "actor" else PLACE_SETS)))
    # Each tune half annotated once, for every kind that fits on it.
    event_sets = ACLED_SETS + NEWS_SETS if "event" in kinds else ()
    tune = annotated(annotator, args.root, tuple(dict.fromkeys(event_sets + entity_sets)), "tune")
    if "event" in kinds:
        rows = event_rows(tune, args.root)
        print(f"event: {len(rows)} events in the tune halves")
        fitted["event"] = fit(rows)
        model = Model(*fitted["event"])
        report(rows, model.probability)
        show(rows, model.probability, args.show_false, args.show_missed)
    if entity_kinds:
        check = annotated(annotator, args.root, entity_sets, "check")
        for kind in entity_kinds:
            rows = entity_rows(kind, tune)
            fitted[kind] = fit(rows)
            model = Model(*fitted[kind])
            print(f"{kind}: tune halves")
            print("\n".join(entity_report(rows, model.probability)))
            print(f"{kind}: check halves (not fitted on)")
            print("\n".join(entity_report(entity_rows(kind, check), model.probability)))
            show(rows, model.probability, args.show_false, args.show_missed)
    for kind, (bias, weights) in fitted.items():
        print(f"{kind} weights (bias {bias:+.3f}):")
        for name, weight in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
            print(f"  {weight:+.3f}  {name}")
        if args.write:
            write(kind, bias, weights)
            print(f"written to {CONFIDENCE}")


if __name__ == "__main__":
    main()
