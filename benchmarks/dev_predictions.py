"""Predictions for a development set in one process, for `score.py --pred` (run on purpose).

    .venv/bin/python benchmarks/dev_predictions.py ../shared/corpus/wikinews-gum /tmp/gum.jsonl
    python ../shared/eval/score.py ../shared/corpus/wikinews-gum --pred /tmp/gum.jsonl

The same annotator and JSON as `build.py annotate --json`, with each article's gold date, but
one model load for the whole set (the scorer's own runs load it once per date) and without
this checkout's content/ entity files, which include the development articles themselves.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(set_dir: Path, out: Path) -> None:
    from newsroom.cli.annotation_json import annotation_json
    from newsroom.cli.loading import load_annotator

    annotator = load_annotator()
    golds = sorted(set_dir.glob("*.gold.json"))
    with out.open("w", encoding="utf-8") as handle:
        for gold_path in golds:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text_path = gold_path.with_name(gold.get("file") or gold_path.name[: -len(".gold.json")] + ".txt")
            annotation = annotator(text_path.read_bytes().decode("utf-8"), gold.get("date"))
            row = annotation_json(text_path.name, annotation, annotator.knowledge.countries,
                                  territories=annotator.knowledge.territories)
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(golds)} predictions in {out}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
