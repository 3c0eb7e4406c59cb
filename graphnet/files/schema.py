"""A JSON Schema of graphnet's file format, for editors.

Editors with the YAML language server (VS Code's YAML extension, Neovim's
yamlls, Helix…) complete keys, show each field's meaning on hover and flag
unknown keys while typing when a file starts with::

    # yaml-language-server: $schema=.graphnet/schema.json

``graphnet init`` writes that schema and those lines; ``graphnet schema`` prints it.

The schema is generated from the description of the format (:mod:`graphnet.files.format`),
which also gives the loader its keys, so it cannot drift from what :func:`graphnet.load` accepts. It describes the
values as two readers see them:

* graphnet's strict reader, where every value is text (``3``, ``2024-01-05``);
* an editor's YAML 1.2 reader, where ``3`` is a number, ``true`` a boolean and an
  empty value null.

Both views of a valid network validate. The schema is a draft 2020-12 schema
that keeps to keywords meaning the same in draft-07 (which the YAML language
server implements): ``type``, ``properties``, ``required``, ``anyOf``, single-schema
``items``, ``pattern``, ``minimum``/``maximum``.
"""

from __future__ import annotations

from typing import Any

from ..model import (
    DEFAULT_CADENCE,
    INTRODUCTION_STATUSES,
    SETTING_RANGES,
    STRENGTH_LABELS,
    Settings,
    setting_range_text,
)
from . import format

__all__ = ["json_schema"]

_STRENGTHS = "; ".join(f"{k} = {v}" for k, v in STRENGTH_LABELS.items())
#: An empty value: null for an editor, "" for graphnet's reader; both mean "not given".
_EMPTY: list[Any] = [{"type": "null"}, {"const": ""}]

# Value kinds, as $defs.
_DEFS: dict[str, Any] = {
    "text": {
        "description": "Text. Quote it if it starts with a special character or holds ': ' or ' #'.",
        "type": ["string", "number", "boolean"],
    },
    "optionalText": {"type": ["string", "number", "boolean", "null"]},
    "id": {
        "description": "An id: lowercase words joined by '-' by convention, e.g. ada-lovelace.",
        "type": ["string", "number"],
        "pattern": r"^\S(.*\S)?$",
    },
    "date": {
        "description": "A date written YYYY-MM-DD.",
        "anyOf": [{"type": "string", "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$"}, *_EMPTY],
    },
    "strength": {
        "description": f"How close the tie is, 0-5: {_STRENGTHS}.",
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": 5},
            {"type": "string", "pattern": r"^\s*\+?0*[0-5]\s*$"},
            *_EMPTY,
        ],
    },
    "days": {
        "description": "A whole number of days (at least 1).",
        "anyOf": [
            {"type": "integer", "minimum": 1},
            {"type": "string", "pattern": r"^\s*\+?0*[1-9][0-9]*\s*$"},
            *_EMPTY,
        ],
    },
    "count": {
        "anyOf": [
            {"type": "integer", "minimum": 0},
            {"type": "string", "pattern": r"^\s*\+?[0-9]+\s*$"},
            *_EMPTY,
        ],
    },
    "number": {
        "anyOf": [
            {"type": "number", "minimum": 0},
            {"type": "string", "pattern": r"^\s*\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$"},
            *_EMPTY,
        ],
    },
    "texts": {
        "description": "A list of text, e.g. [work, alumni]; one item may be written without brackets.",
        "anyOf": [
            {"type": "array", "items": {"$ref": "#/$defs/optionalText"}},
            {"$ref": "#/$defs/optionalText"},
        ],
    },
    "ids": {
        "description": "A list of ids, e.g. [ada-lovelace, grace-hopper]; one id may be written without brackets.",
        "anyOf": [
            {"type": "array", "items": {"anyOf": [{"$ref": "#/$defs/id"}, *_EMPTY]}},
            {"$ref": "#/$defs/id"},
            *_EMPTY,
        ],
    },
}

#: What the schema adds to the meaning of a private field.
_PRIVATE = " Private: on the map and in exports only when asked for."


def _record(kind: str) -> Any:
    """The object schema of one record kind, from its description in :mod:`graphnet.files.format`."""
    properties: dict[str, Any] = {}
    for described in format.RECORDS[kind].fields:
        meaning = described.meaning + (_PRIVATE if described.private else "")
        properties[described.name] = {"$ref": f"#/$defs/{described.type}", "description": meaning}
    return {
        "type": "object",
        "title": format.RECORDS[kind].title,
        "properties": properties,
        "required": [f.name for f in format.RECORDS[kind].fields if f.required],
        "additionalProperties": False,
    }


def _list_of(ref: str, description: str) -> Any:
    return {
        "description": description,
        "anyOf": [{"type": "array", "items": {"$ref": f"#/$defs/{ref}"}}, *_EMPTY],
    }


def _value_defs() -> dict[str, Any]:
    """The ``$defs`` of the value types that are not records."""
    defs: dict[str, Any] = {k: dict(v) for k, v in _DEFS.items()}
    defs["org"] = {"$ref": "#/$defs/optionalText"}
    defs["orgs"] = {"$ref": "#/$defs/texts"}
    defs["knowsEntry"] = {"anyOf": [{"$ref": "#/$defs/id"}, _record("knows")]}
    defs["knows"] = {
        "anyOf": [{"type": "array", "items": {"$ref": "#/$defs/knowsEntry"}}, {"$ref": "#/$defs/id"}, *_EMPTY]
    }
    defs["job"] = {"anyOf": [{"$ref": "#/$defs/text"}, _record("job")]}
    defs["pastOrgs"] = {
        "anyOf": [{"type": "array", "items": {"$ref": "#/$defs/job"}}, {"$ref": "#/$defs/optionalText"}],
    }
    defs["pair"] = {"type": "array", "items": {"$ref": "#/$defs/id"}, "minItems": 2, "maxItems": 2}
    defs["status"] = {"enum": list(INTRODUCTION_STATUSES)}
    defs["cadence"] = {
        "anyOf": [
            {
                "type": "object",
                "patternProperties": {r"^\s*[0-5]\s*$": {"$ref": "#/$defs/days"}},
                "additionalProperties": False,
            },
            *_EMPTY,
        ],
        "default": {str(k): v for k, v in DEFAULT_CADENCE.items()},
    }
    return defs


def _me() -> Any:
    """The schema of ``me:``: its own fields, then every tuning setting with its default."""
    me = _record("me")
    defaults = Settings()
    for described in format.RECORDS["settings"].fields:
        default = getattr(defaults, described.name)
        low, high = SETTING_RANGES[described.name]
        number = "integer" if described.type == "count" else "number"
        me["properties"][described.name] = {
            "description": f"{described.meaning} ({setting_range_text(described.name)}, default {default})",
            "default": default,
            # A number in the setting's range, or text that reads as a number (its range is left
            # to `graphnet check`).
            "anyOf": [
                {"type": number, "minimum": low, "maximum": high},
                {"allOf": [{"type": "string"}, {"$ref": f"#/$defs/{described.type}"}]},
                *_EMPTY,
            ],
        }
    return {"anyOf": [me, *_EMPTY]}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one graphnet data file.

    Returns
    -------
    dict
        Ready for ``json.dumps``. Every key the loader accepts is described,
        with its meaning as the description editors show on hover.
    """
    defs = _value_defs()
    sections: dict[str, Any] = {}
    for section, kind in format.SECTIONS.items():
        meaning = format.RECORDS[kind].meaning
        if kind == "me":
            defs["me"] = _me()
            sections[section] = {"$ref": "#/$defs/me", "description": meaning}
        else:
            defs[kind] = _record(kind)
            sections[section] = _list_of(kind, meaning)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "graphnet network file",
        "description": (
            "One YAML file of a graphnet network folder: any of the sections below. "
            "See `graphnet init` for commented examples."
        ),
        "type": ["object", "null"],
        "properties": sections,
        "additionalProperties": False,
        "$defs": defs,
    }
