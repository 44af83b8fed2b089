"""Reading the knowledge base's YAML files: each error names the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .. import errors
from ..errors import KnowledgeError


def _load(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(errors.KNOWLEDGE_FILE.format(path=path, detail=f"not valid YAML: {exc}")) from exc
    except OSError as exc:
        raise KnowledgeError(errors.KNOWLEDGE_FILE.format(path=path, detail=f"cannot be read: {exc}")) from exc


def load_list(path: Path) -> list[dict[str, Any]]:
    """A file holding a list of entries (mappings)."""
    data = _load(path)
    if not isinstance(data, list) or not all(isinstance(entry, dict) for entry in data):
        raise KnowledgeError(errors.KNOWLEDGE_FILE.format(path=path, detail="expected a list of entries"))
    return data


def load_mapping(path: Path) -> dict[str, Any]:
    """A file holding named entries (a mapping)."""
    data = _load(path)
    if not isinstance(data, dict):
        raise KnowledgeError(errors.KNOWLEDGE_FILE.format(path=path, detail="expected named entries"))
    return data
