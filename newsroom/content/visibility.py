"""Which annotations readers see: those the annotator is confident of, or that an editor
accepted. Below the threshold an annotation is a suggestion: kept in its file, listed by
`build.py review`, shown (marked) by the preview server, and left out of every public page,
index, search entry, export and feed.

The threshold is the newsroom plugin's `confidence_threshold` in mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import DEFAULT_CONFIDENCE_THRESHOLD

ACCEPTED, REJECTED = "accepted", "rejected"
REVIEW_DECISIONS = (ACCEPTED, REJECTED)


@dataclass(frozen=True)
class Visibility:
    threshold: float = DEFAULT_CONFIDENCE_THRESHOLD
    show_suggestions: bool = False  # the preview: suggestions shown, marked as such


PUBLIC = Visibility()  # what a published site shows, at the default threshold


def confidence_of(item: dict[str, Any]) -> float | None:
    """An entry's confidence, or None when it has none a reader could judge it by (an editor's
    own entry, or one written before confidences were)."""
    value = item.get("confidence")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def surer(a: float | None, b: float | None) -> float | None:
    """The confidence of one entity named by two entries: as sure as the surer of them (None, no
    confidence given, is sure). How sure the annotator was is no editor's word, so it joins."""
    return None if a is None or b is None else max(a, b)


def review_of(item: dict[str, Any]) -> str | None:
    value = item.get("review")
    return value if value in REVIEW_DECISIONS else None


def is_public(confidence: float | None, review: str | None, threshold: float) -> bool:
    """An editor's decision wins; without one, an entry is public when the annotator is at
    least `threshold` sure of it, or gave no confidence (an editor typed it in)."""
    if review is not None:
        return review == ACCEPTED
    return confidence is None or confidence >= threshold
