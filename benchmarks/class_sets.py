"""A class of ACLED notes as a development set, with tune and check halves (run on purpose).

    python benchmarks/class_sets.py ACLED.csv OUT_ROOT NAME [--wording REGEX] [--region TEXT]
        [--exclude ROOT] [--n 400] [--seed-order sha256:g]
    .venv/bin/python benchmarks/dev_eval.py OUT_ROOT --sets NAME-all

A rule for a class of text is tested on that class, not on the few notes of it a random sample
holds. This keeps the rows of an ACLED export (../shared/eval/README.md says where they come
from) whose notes match --wording (a case-blind regular expression: 'pelt\\w* (?:\\w+ ){0,3}?stones')
and whose region contains --region ('Africa'), drops notes any set under --exclude already has
(the dev sets, so the class set is new text), and writes OUT_ROOT/NAME-all with
../shared/eval/acled_dev.py (no cap on any one type's share: a class may be all riots), then its
NAME-all-tune/ and NAME-all-check/ halves as `devsets.py split` makes them. Read errors on the tune
half only. ACLED's data stays out of the repository: use an OUT_ROOT under /tmp or /work/devdata.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILDER = ROOT.parent / "shared" / "eval" / "acled_dev.py"


def notes_seen(root: Path | None) -> set[str]:
    """The note texts of every set under `root` (NAME.txt files, one level down)."""
    if root is None:
        return set()
    return {p.read_text(encoding="utf-8").strip() for p in root.glob("*/*.txt")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", type=Path, help="an ACLED export, old or current codebook")
    parser.add_argument("out", type=Path, help="folder to write NAME-all/ and its halves under")
    parser.add_argument("name", help="the class set's name")
    parser.add_argument("--wording", default="", help="regular expression a note must match")
    parser.add_argument("--region", default="", help="text the row's region must contain")
    parser.add_argument("--exclude", type=Path, help="a folder of sets whose notes to leave out")
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--seed-order", default="sha256:g")
    args = parser.parse_args()

    wording = re.compile(args.wording, re.I | re.S)
    seen = notes_seen(args.exclude)
    csv.field_size_limit(sys.maxsize)
    with args.csv.open(encoding="utf-8", errors="replace", newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"{args.csv}: no rows")
    fields = list(rows[0])
    note_key = "notes" if "notes" in fields else "NOTES"
    region_key = "region" if "region" in fields else "REGION"
    kept = [r for r in rows if wording.search(r.get(note_key) or "")
            and args.region in (r.get(region_key) or "") and (r.get(note_key) or "").strip() not in seen]
    print(f"{len(kept)} of {len(rows)} rows match", file=sys.stderr)
    set_dir = args.out / f"{args.name}-all"
    with tempfile.TemporaryDirectory() as tmp:
        filtered = Path(tmp) / "class.csv"
        with filtered.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            writer.writerows(kept)
        subprocess.run([sys.executable, str(BUILDER), str(filtered), str(set_dir), "--n", str(args.n),
                        "--seed-order", args.seed_order, "--max-share", "1"], check=True)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "devsets.py"), "split", str(set_dir),
                    "--out", str(args.out)], check=True)


if __name__ == "__main__":
    main()
