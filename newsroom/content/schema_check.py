"""Check front matter and entity files against the JSON Schemas in ``newsroom/schema/``.

The schemas are the one typed description of every field: `check` and the build validate with
them, editors' YAML tooling reads them (see .vscode/settings.json), and the handbook documents
each of their fields (a test keeps the three in step). Every problem names the line to fix.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators

from .. import errors
from ..errors import Problem, did_you_mean
from ..text import escape_controls

SCHEMA_DIR = Path(__file__).parent / "schema"
Locate = Callable[..., tuple[int, int]]


@cache
def schema(kind: str) -> dict[str, Any]:
    """kind: article | actor | place."""
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    """JSON Schema's `pattern` as ECMA 262 reads it: Python's '$' also matches before a final
    newline, which let 'acme\\n' pass as a slug and become a URL with a line break in it."""
    if isinstance(instance, str) and (re.search(pattern, instance) is None
                                      or (pattern.endswith("$") and instance.endswith("\n"))):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _finite_number(checker: Any, instance: Any) -> bool:
    """A number, but not .nan or .inf: NaN passes every minimum and maximum, and it made 120
    place pages fail and wrote NaN, which is not JSON, into places.geojson."""
    return Draft202012Validator.TYPE_CHECKER.is_type(instance, "number") and math.isfinite(instance)


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern},
                               type_checker=Draft202012Validator.TYPE_CHECKER.redefine("number", _finite_number))


@cache
def _validator(kind: str) -> Any:
    # The format checker tests "format": "date" (a day of the calendar, not 2017-02-30).
    return _Validator(schema(kind), format_checker=Draft202012Validator.FORMAT_CHECKER)


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


# What a pattern asks for, in an editor's words.
_PATTERNS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "a slug: lower-case letters, digits and '-'",
    "^\\d{4}-\\d{2}-\\d{2}$": "a date YYYY-MM-DD",
    "^[A-Z]{2}$": "a two-letter country code in capitals (ISO 3166-1), e.g. SY",
    "^Q[0-9]+$": "a Wikidata id, e.g. Q2429253",
}


def shown(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: short, on one line, control characters as \\uXXXX."""
    text = escape_controls(" ".join(str(value).split()))
    return text if len(text) <= limit else text[:limit - 3] + "..."


def validate(kind: str, data: Any, path: str, locate: Locate) -> tuple[list[Problem], list[tuple[Any, ...]]]:
    """Every schema problem in `data`, as `path:line:column` problems (unknown keys are
    warnings), and where each refused value (or unknown key) is: the build leaves those out."""
    out: list[Problem] = []
    drop: list[tuple[Any, ...]] = []
    for error in sorted(_validator(kind).iter_errors(_plain(data)), key=lambda e: [str(p) for p in e.absolute_path]):
        where = tuple(error.absolute_path)
        field = ".".join(str(p) for p in where) or "front matter"
        at = locate(*where)
        if error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            for key in sorted(set(error.instance) - set(allowed), key=str):
                out.append(errors.problem(path, *locate(*where, key), errors.FIELD_UNKNOWN, severity="warning",
                                          field=shown(key), hint=_hint(str(key), allowed) or "; it is ignored"))
                drop.append((*where, key))
            continue
        if where in drop:
            continue  # one problem a value: '2017-9-31' is neither YYYY-MM-DD nor a day
        drop.append(where)
        if error.validator == "enum" and where[:1] == ("events",) and where[-1] == "sub_type":
            event_type = data["events"][where[1]].get("type")
            out.append(errors.problem(path, *at, errors.SUB_TYPE_BAD, value=shown(error.instance), type=event_type,
                                      choices=", ".join(error.validator_value),
                                      hint=_hint(str(error.instance), error.validator_value)))
        elif error.validator == "enum" and where and where[-1] == "type" and "events" in where:
            out.append(errors.problem(path, *at, errors.EVENT_TYPE, value=shown(error.instance),
                                      hint=_hint(str(error.instance), error.validator_value)))
        elif error.validator == "enum":
            choices = ", ".join(str(v) for v in error.validator_value if v is not None)
            out.append(errors.problem(path, *at, errors.FIELD_TYPE, field=field,
                                      detail=f"is '{shown(error.instance)}'; use one of: {choices}"
                                             f"{_hint(str(error.instance), error.validator_value)}"))
        elif error.validator == "required":
            missing = error.message.split("'")[1]
            out.append(errors.problem(path, *at, errors.FIELD_TYPE, field=missing, detail="is required; add it"))
        elif error.validator == "pattern":
            expected = _PATTERNS.get(error.validator_value, f"text matching {error.validator_value}")
            out.append(errors.problem(path, *at, errors.FIELD_TYPE, field=field,
                                      detail=f"is '{shown(error.instance)}'; it must be {expected}"))
        elif error.validator == "format":
            out.append(errors.problem(path, *at, errors.DATE_BAD, field=field, value=shown(error.instance)))
        elif error.validator in ("minimum", "maximum"):
            bound = "at least" if error.validator == "minimum" else "at most"
            out.append(errors.problem(path, *at, errors.FIELD_TYPE, field=field,
                                      detail=f"is {shown(error.instance)}; it must be {bound} {error.validator_value}"))
        elif isinstance(error.instance, float) and not math.isfinite(error.instance):
            value = ".nan" if math.isnan(error.instance) else ".inf" if error.instance > 0 else "-.inf"
            out.append(errors.problem(path, *at, errors.NUMBER_BAD, field=field, value=value))
        else:
            out.append(errors.problem(path, *at, errors.FIELD_TYPE, field=field, detail=_plain_message(error)))
    return out, drop


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
        return f"the number {shown(value)}"
    if value is None:
        return "empty"
    return repr(shown(value)) if isinstance(value, str) else type(value).__name__
