"""Annotation speed beside raw spaCy on the same text (run on purpose, never in tests).

    .venv/bin/python benchmarks/annotate_speed.py [--corpus DIR ...] [--repeat N]

Reads the development corpus texts (../shared/corpus by default), then times, on one core:
  spaCy      nlp.pipe over the whole texts (the model alone: what any pipeline pays)
  newsroom   Annotator over the same texts (layout, per-block parse, matching, gazetteer, events)
and prints words/s and articles/s for both, and the overhead of the annotation over spaCy.
One-time loading (model, gazetteer) is reported apart. Peer figure: ../shared/PERFORMANCE-NOTES.md
gives ~5,100 words/s for spaCy's small model on one core of this machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def texts(corpora: list[Path]) -> list[str]:
    out = []
    for corpus in corpora:
        out += [p.read_bytes().decode("utf-8") for p in sorted(corpus.rglob("*.txt"))]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="*", default=[ROOT.parent / "shared" / "corpus"])
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs (default 2)")
    args = parser.parse_args()
    docs = texts(args.corpus)
    words = sum(len(t.split()) for t in docs)

    started = time.perf_counter()
    import spacy

    from newsroom.cli.loading import MODEL
    nlp = spacy.load(MODEL)
    spacy_load = time.perf_counter() - started
    started = time.perf_counter()
    from newsroom.annotate.annotator import Annotator
    from newsroom.annotate.gazetteer import Gazetteer
    from newsroom.annotate.knowledge import load_knowledge
    from newsroom.cli.loading import load_index
    knowledge = load_knowledge()
    annotator = Annotator(knowledge, nlp, Gazetteer(knowledge, load_index()))
    annotator("Warm up\n\nRussia accused Ukraine of shelling the plant in Zaporizhzhia.\n")
    our_load = time.perf_counter() - started

    def best(run) -> float:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            run()
            times.append(time.perf_counter() - t)
        return min(times)

    raw = best(lambda: list(nlp.pipe(docs, batch_size=16)))
    ours = best(lambda: annotator.pipe(docs))
    print(f"{len(docs)} articles, {words:,} words (whitespace-separated), best of {args.repeat}, one process")
    print(f"{'':12}{'seconds':>10}{'words/s':>10}{'articles/s':>12}")
    print(f"{'spaCy':12}{raw:10.1f}{words / raw:10,.0f}{len(docs) / raw:12.1f}   (notes: ~5,100 words/s)")
    print(f"{'newsroom':12}{ours:10.1f}{words / ours:10,.0f}{len(docs) / ours:12.1f}")
    print(f"annotation adds {100 * (ours - raw) / raw:+.0f}% to spaCy's own time")
    print(f"one-time loading: spaCy model {spacy_load:.1f} s; knowledge base, gazetteer and matchers {our_load:.1f} s")


if __name__ == "__main__":
    main()
