"""Confidence as data: an annotation's named evidence, weighed by a small logistic model whose
weights are fitted on the tune halves of the development sets (benchmarks/fit_confidence.py)
and kept in ``data/confidence.yaml``.

Evidence is a mapping of names to numbers ('armed': 1, 'article:sport': 0.8); a name the model
has no weight for counts for nothing, so new evidence can be added before it is fitted. A kind
with no model in the file yet is not judged at all (confidence 1.0): a new kind's evidence can
be written before its model is fitted without holding back what was published before.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import errors
from ..errors import KnowledgeError
from .yaml_data import load_mapping

Evidence = dict[str, float]
KINDS = ("event", "place", "actor")


@dataclass(frozen=True)
class Model:
    """p = 1 / (1 + exp(-(bias + sum of weight * evidence)))."""

    bias: float
    weights: Mapping[str, float]

    def probability(self, evidence: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in evidence.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def confidence(model: Model | None, evidence: Mapping[str, float]) -> float:
    """The model's probability, rounded: two decimals are all a reader or an editor needs, and
    rounding keeps the output the same on every machine. No model (not fitted yet): 1.0."""
    if model is None:
        return 1.0
    return round(model.probability(evidence), 2)


def load_models(path: Path) -> dict[str, Model]:
    """The models the file has; a kind it leaves out has none (see `confidence`)."""
    data = load_mapping(path)
    models = {}
    for kind in KINDS:
        entry = data.get(kind)
        if entry is None:
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("bias"), (int, float)):
            raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=kind,
                                                               detail="needs a bias and weights"))
        weights = entry.get("weights") or {}
        if not isinstance(weights, dict) or not all(isinstance(v, (int, float)) for v in weights.values()):
            raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=f"{kind}.weights",
                                                               detail="must map evidence names to numbers"))
        models[kind] = Model(float(entry["bias"]), {str(k): float(v) for k, v in weights.items()})
    return models
