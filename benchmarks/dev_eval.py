"""Score the annotator on every development set, tune and check halves apart (run on purpose).

    .venv/bin/python benchmarks/dev_eval.py /work/devdata [--sets acled-asia,lgl] [--halves tune,check]
                                            [--tag NAME]

For each SET-HALF folder under the root (made by `benchmarks/devsets.py split`), the annotator
reads every text in one process, with the gold's date as the article date (as score.py passes
--date) and an empty archive (no content/ entity files), and writes predictions to
ROOT/preds/TAG-SET-HALF.jsonl; then ../shared/eval/score.py scores them (--pred) and the
figures that matter for the set are printed side by side, one line per set and half.

The ACLED sets are built by ../shared/eval/acled_dev.py and split the same way: acled-asia and
acled-africa from the two copies its README names (2015 and 2016, old codebook), acled-2020 from
RPanlilio/acled's acled.csv (28 April to 9 May 2020, every region, current codebook; notes that
open 'On 9 May 2020, ...'). conll-valid (CoNLL-2003's validation documents, `devsets.py build`)
was added on 2026-12-07, after every rule so far: its halves had been read by none. A set missing
under the root is reported and skipped. The data stay outside this repository.

Read errors on the tune halves only; a change that helps tune and not check is fitting.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

SETS = ["wikinews-gum", "wikinews-geovirus", "acled-asia", "acled-africa", "acled-2020", "geowebnews", "lgl",
        "conll-test", "conll-valid", "bbc-nonconflict", "bbc-politics"]
# The figures shown per kind of gold (score.py's summary names).
SHOWN = {
    "entities": ["F1", "PER_F1", "ORG_F1", "LOC_F1", "id_F1", "violent_per_article"],
    "places": ["F1", "acc161", "acc161_all", "violent_per_article"],
    "events": ["extracted", "type_best", "loc25", "fatal", "fatal_pos", "date", "actor1", "violent_per_article"],
    "none": ["events_per_article", "violent_per_article"],
}


def kind_of(set_dir: Path) -> str:
    gold = json.loads(next(set_dir.glob("*.gold.json")).read_text(encoding="utf-8"))
    if "entities" in gold:
        return "entities"
    if "event_type" in gold:
        return "events"
    return "places" if gold.get("places") or "bbc" not in set_dir.name else "none"


def predict(annotator: object, set_dir: Path, out: Path) -> int:
    from newsroom.cli.annotation_json import annotation_json

    golds = sorted(set_dir.glob("*.gold.json"))
    jobs = []
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.with_name(gold.get("file") or gold_path.name[: -len(".gold.json")] + ".txt")
        jobs.append((text_path, text_path.resolve().read_bytes().decode("utf-8"), gold.get("date")))
    annotations = annotator.pipe([raw for _, raw, _ in jobs], [date for _, _, date in jobs])  # type: ignore[attr-defined]
    with out.open("w", encoding="utf-8") as handle:
        for (path, _, _), annotation in zip(jobs, annotations, strict=True):
            row = annotation_json(path.name, annotation, annotator.knowledge.countries,  # type: ignore[attr-defined]
                                  territories=annotator.knowledge.territories)  # type: ignore[attr-defined]
            handle.write(json.dumps({"file": path.resolve().name, **{k: v for k, v in row.items() if k != "file"}},
                                    ensure_ascii=False) + "\n")
    return len(jobs)


def score(set_dir: Path, preds: Path) -> dict[str, str]:
    proc = subprocess.run([sys.executable, str(SCORER), str(set_dir), "--pred", str(preds)],
                          capture_output=True, text=True, check=True)
    last = proc.stdout.strip().splitlines()[-1]
    return dict(re.findall(r"(\w+)=(\S+)", last.split(":", 1)[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the folder holding SET-tune/ and SET-check/ folders")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    parser.add_argument("--halves", default="tune,check")
    parser.add_argument("--tag", default="dev", help="name for the predictions files")
    args = parser.parse_args()

    from newsroom.cli.loading import load_annotator

    started = time.perf_counter()
    annotator = load_annotator()
    (args.root / "preds").mkdir(exist_ok=True)
    for name in args.sets.split(","):
        for half in args.halves.split(","):
            set_dir = args.root / f"{name}-{half}"
            if not set_dir.is_dir():
                print(f"{name}-{half}: no such folder under {args.root}", file=sys.stderr)
                continue
            out = args.root / "preds" / f"{args.tag}-{name}-{half}.jsonl"
            n = predict(annotator, set_dir, out)
            figures = score(set_dir, out)
            shown = "  ".join(f"{key}={figures.get(key, '-')}" for key in SHOWN[kind_of(set_dir)])
            print(f"{name + '-' + half:24} n={n:<4} {shown}", flush=True)
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
