"""Near-duplicate entities for an editor to look at: names close enough to be one entity but
not certain enough to merge silently ('Deir Ezzor' / 'Deir ez-Zor', 'Bashar Assad' /
'Bashar al-Assad'). Pure: takes the registry records, returns the pairs, best first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from ..text import name_key

THRESHOLD = 88.0


@dataclass(frozen=True)
class Pair:
    folder: str
    a: str
    b: str
    score: float
    reason: str

    @property
    def command(self) -> str:
        return f"python build.py merge {self.a} {self.b}"


def _forms(record: dict[str, Any]) -> list[str]:
    names = [record.get("name"), *(record.get("aliases") or [])]
    return sorted({name_key(n) for n in names if isinstance(n, str) and name_key(n)})


def _compatible(folder: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("kind") != b.get("kind"):
        return False
    if folder == "places":
        if a.get("geonames") and b.get("geonames") and a.get("geonames") != b.get("geonames"):
            return False  # two GeoNames places: Palmyra, Syria and Palmyra, New York
        return a.get("country_code") == b.get("country_code")
    return not (a.get("country") and b.get("country") and a.get("country") != b.get("country"))


def _prefixes(form: str) -> set[str]:
    return {word[:3] for word in form.split()} or {""}


def review_pairs(folder: str, records: dict[str, dict[str, Any]]) -> list[Pair]:
    """Pairs of entities of one kind (and country) whose names or aliases nearly match."""
    slugs = sorted(records)
    forms = {slug: _forms(records[slug]) for slug in slugs}
    owner: list[str] = []
    choices: list[str] = []
    for slug in slugs:
        for form in forms[slug]:
            owner.append(slug)
            choices.append(form)
    # Names this alike share the first letters of some word ('deir ezzor' / 'deir ez zor'), so
    # each form is compared with the forms sharing a word prefix only: linear in practice, where
    # all-pairs took minutes at 20,000 entities.
    block: dict[str, list[int]] = {}
    for index, form in enumerate(choices):
        for prefix in _prefixes(form):
            block.setdefault(prefix, []).append(index)
    best: dict[tuple[str, str], Pair] = {}
    for slug in slugs:
        for form in forms[slug]:
            candidates = {i: choices[i] for prefix in _prefixes(form) for i in block[prefix]}
            for _, score, index in process.extract(form, candidates, scorer=fuzz.token_sort_ratio,
                                                   score_cutoff=THRESHOLD, limit=20):
                other = owner[index]
                if other == slug or not _compatible(folder, records[slug], records[other]):
                    continue
                # Suggest keeping the fuller name: 'warhol' merges into 'andy-warhol'.
                a, b = sorted((slug, other), key=lambda s: (len(str(records[s].get("name", "")).split()),
                                                            len(str(records[s].get("name", ""))), s))
                reason = "same name" if score == 100 else f"names {score:.0f}% alike"
                pair = Pair(folder, a, b, round(score, 1), f"{reason}: '{form}' ~ '{choices[index]}'")
                key = (min(a, b), max(a, b))
                if key not in best or best[key].score < pair.score:
                    best[key] = pair
    return sorted(best.values(), key=lambda p: (-p.score, p.a, p.b))
