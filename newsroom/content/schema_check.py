"""Check front matter and entity files against the JSON Schemas in ``newsroom/schema/``.

The schemas are the one typed description of every field: `check` and the build validate with
them, editors' YAML tooling reads them (see .vscode/settings.json), and the handbook documents
each of their fields (a test keeps the three in step). Every problem names the line to fix.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .. import errors
from ..errors import Problem, did_you_mean

SCHEMA_DIR = Path(__file__).parent / "schema"
Locate = Callable[..., tuple[int, int]]


@cache
def schema(kind: str) -> dict[str, Any]:
    """kind: article | actor | place."""
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


@cache
def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind))


def _plain(value: Any) -> Any:
    """YAML gives dates as date objects; the schema speaks JSON."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _hint(value: str, choices: Any) -> str:
    return did_you_mean(value, choices, cutoff=0.6)


def validate(kind: str, data: Any, path: str, locate: Locate) -> list[Problem]:
    """Every schema problem in `data`, as `path:line:column` problems (unknown keys are warnings)."""
    out = []
    for error in sorted(_validator(kind).iter_errors(_plain(data)), key=lambda e: [str(p) for p in e.absolute_path]):
        where = tuple(error.absolute_path)
        field = ".".join(str(p) for p in where) or "front matter"
        if error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            for key in sorted(set(error.instance) - set(allowed)):
                out.append(errors.problem(path, *locate(*where, key), errors.FIELD_UNKNOWN, severity="warning",
                                          field=key, hint=_hint(str(key), allowed) or "; it is ignored"))
        elif error.validator == "enum" and where and where[-1] == "type" and "events" in where:
            out.append(errors.problem(path, *locate(*where), errors.EVENT_TYPE, value=error.instance,
                                      hint=_hint(str(error.instance), error.validator_value)))
        elif error.validator == "enum":
            choices = ", ".join(str(v) for v in error.validator_value if v is not None)
            out.append(errors.problem(path, *locate(*where), errors.FIELD_TYPE, field=field,
                                      detail=f"is '{error.instance}'; use one of: {choices}"
                                             f"{_hint(str(error.instance), error.validator_value)}"))
        elif error.validator == "required":
            missing = error.message.split("'")[1]
            out.append(errors.problem(path, *locate(*where), errors.FIELD_TYPE, field=missing,
                                      detail="is required; add it"))
        # Every pattern error (an id/date test here was always or-ed away). A bad `country` or
        # `wikidata` is thus described as a slug: wrong, and left for a change of its own.
        elif error.validator == "pattern":
            expected = "a date YYYY-MM-DD" if "date" in field else "a slug: lower-case letters, digits and '-'"
            out.append(errors.problem(path, *locate(*where), errors.FIELD_TYPE, field=field,
                                      detail=f"is '{error.instance}'; it must be {expected}"))
        else:
            out.append(errors.problem(path, *locate(*where), errors.FIELD_TYPE, field=field,
                                      detail=_plain_message(error)))
    return out


def _plain_message(error: Any) -> str:
    if error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else " or ".join(
            v for v in error.validator_value if v != "null")
        shown = "text" if expected == "string" else "a list" if expected == "array" else expected
        return f"must be {shown}, not {_describe(error.instance)}"
    return str(error.message)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return repr(value)
