"""Annotation speed beside raw spaCy on the same text (run on purpose, never in tests).

    .venv/bin/python benchmarks/annotate_speed.py [--corpus DIR ...] [--rounds N]

Reads the development corpus texts (../shared/corpus by default), then times, on one core:
  spaCy      nlp.pipe over the whole texts (the model alone, as shipped: what any pipeline pays)
  newsroom   Annotator over the same texts (layout, per-block parse, matching, gazetteer, events),
             with its own copy of the model as `load_nlp` gives it (the attribute rules indexed:
             the same annotations, see newsroom/annotate/attribute_rules.py)
and prints words/s and articles/s for both, and newsroom's speed as a share of spaCy's.

The two are timed in pairs over all the texts, sixteen articles at a time, one right after the
other in alternating order: on a shared machine spaCy alone has run anywhere from 4,000 to
5,900 words/s from one minute to the next, so a ratio of two runs made minutes apart says more
about the machine than about the code. The first pair includes what the annotator builds on
first use (the gazetteer's towns by id, each story's first look-ups); the later pairs give the
steady-state ratio, reported as their median and range. One-time loading (model, knowledge,
gazetteer) is reported apart. Peer figure: ../shared/PERFORMANCE-NOTES.md gives ~5,100
words/s for spaCy's small model on one core.
"""

from __future__ import annotations

import argparse
import statistics
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
    parser.add_argument("--rounds", type=int, default=3, help="timed pairs after the first (default 3)")
    parser.add_argument("--slice", type=int, default=16, help="articles timed at a time (default 16)")
    args = parser.parse_args()
    docs = texts(args.corpus)
    words = sum(len(t.split()) for t in docs)

    started = time.perf_counter()
    import spacy

    from newsroom.cli.loading import MODEL, load_nlp
    nlp = spacy.load(MODEL)  # the model as shipped: what any pipeline pays
    spacy_load = time.perf_counter() - started
    started = time.perf_counter()
    from newsroom.annotate.annotator import Annotator
    from newsroom.annotate.gazetteer import Gazetteer
    from newsroom.annotate.knowledge import load_knowledge
    from newsroom.cli.loading import load_index
    knowledge = load_knowledge()
    annotator = Annotator(knowledge, load_nlp(), Gazetteer(knowledge, load_index()))
    annotator("Warm up\n\nRussia accused Ukraine of shelling the plant in Zaporizhzhia.\n")
    our_load = time.perf_counter() - started

    def timed(run, part: list[str]) -> float:
        started = time.perf_counter()
        run(part)
        return time.perf_counter() - started

    def spacy_alone(part: list[str]) -> None:
        list(nlp.pipe(part, batch_size=16))

    def pair() -> tuple[float, float]:
        """spaCy's and newsroom's seconds over all the texts, taken a slice of articles at a time,
        one right after the other in alternating order, so both meet the same machine."""
        raw = ours = 0.0
        for n, at in enumerate(range(0, len(docs), args.slice)):
            part = docs[at:at + args.slice]
            if n % 2 == 0:
                raw += timed(spacy_alone, part)
                ours += timed(annotator.pipe, part)
            else:
                ours += timed(annotator.pipe, part)
                raw += timed(spacy_alone, part)
        return raw, ours

    first = pair()
    pairs = [pair() for _ in range(args.rounds)]
    print(f"{len(docs)} articles, {words:,} words (whitespace-separated), one process")
    print(f"{'pair':8}{'spaCy s':>9}{'newsroom s':>12}{'spaCy w/s':>11}{'newsroom w/s':>14}{'ratio':>7}")
    for name, (raw, ours) in [("first", first)] + [(str(n), p) for n, p in enumerate(pairs, 1)]:
        print(f"{name:8}{raw:9.1f}{ours:12.1f}{words / raw:11,.0f}{words / ours:14,.0f}{raw / ours:7.2f}")
    if pairs:
        ratios = sorted(raw / ours for raw, ours in pairs)
        print(f"newsroom runs at {statistics.median(ratios):.2f}x spaCy's speed (median of {len(ratios)} pairs, "
              f"{ratios[0]:.2f}-{ratios[-1]:.2f}; notes: spaCy ~5,100 words/s), "
              f"{first[0] / first[1]:.2f}x on the first pair")
    print(f"one-time loading: spaCy model {spacy_load:.1f} s; "
          f"annotator (its model copy, knowledge base, gazetteer, matchers) {our_load:.1f} s")


if __name__ == "__main__":
    main()
