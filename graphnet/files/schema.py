"""A JSON Schema of graphnet's file format, for editors.

Editors with the YAML language server (VS Code's YAML extension, Neovim's
yamlls, Helix…) complete keys, show each field's meaning on hover and flag
unknown keys while typing when a file starts with::

    # yaml-language-server: $schema=.graphnet/schema.json

``graphnet init`` writes that schema and those lines; ``graphnet schema`` prints it.

The schema is generated from the loader's key lists and :class:`~graphnet.model.Settings`,
so it cannot drift from what :func:`graphnet.load` accepts. It describes the
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

import inspect
import re
from dataclasses import fields
from typing import Any

from ..model import DEFAULT_CADENCE, INTRODUCTION_STATUSES, STRENGTH_LABELS, Settings
from .loader import (
    FAVOR_KEYS,
    GROUP_KEYS,
    INTERACTION_KEYS,
    INTRODUCTION_KEYS,
    JOB_KEYS,
    KNOWS_KEYS,
    ME_KEYS,
    ORG_KEYS,
    PERSON_KEYS,
    SECTIONS,
)

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

_PERSON = {
    "id": ("id", "The person's id (default: made from the name, 'Ada Lovelace' -> ada-lovelace)."),
    "name": ("text", "The person's name."),
    "org": ("optionalText", "Where they work now: an organization name or id."),
    "role": ("optionalText", "Their job title."),
    "department": ("optionalText", "Their team or department."),
    "past_orgs": ("pastOrgs", "Where they worked before: names, or {org, role, from, to} records."),
    "circles": ("texts", "Circles of your life they belong to, e.g. [work, alumni, family]."),
    "tags": ("texts", "Free tags, e.g. [python, hiring]."),
    "strength": ("strength", f"Your tie with them, 0-5 (default 2): {_STRENGTHS}."),
    "met": ("date", "When you met, YYYY-MM-DD."),
    "introduced_by": ("id", "The id of the person who introduced you."),
    "cadence": ("days", "Keep in touch every this many days (default: by strength, from me: cadence)."),
    "last_contact": ("date", "Your last contact, if not logged under interactions."),
    "knows": ("knows", "People they know: ids, or {id, strength, since, note} records."),
    "location": ("optionalText", "Where they live or work, e.g. Berlin."),
    "email": ("texts", "Email address, or a list of them (private: not on the map or in exports)."),
    "phone": ("optionalText", "Phone number; quote it if it starts with + or 0."),
    "url": ("optionalText", "A web page, e.g. a LinkedIn profile."),
    "notes": ("optionalText", "Anything worth remembering."),
}
_KNOWS = {
    "id": ("id", "The id of the person known."),
    "strength": ("strength", "How well they know each other, 0-5."),
    "since": ("date", "Since when, YYYY-MM-DD."),
    "note": ("optionalText", "How they know each other."),
}
_JOB = {
    "org": ("text", "The organization's name or id."),
    "role": ("optionalText", "The role held there."),
    "from": ("date", "Start, YYYY-MM-DD."),
    "to": ("date", "End, YYYY-MM-DD."),
}
_ORG = {
    "id": ("id", "The organization's id (default: made from the name)."),
    "name": ("text", "The organization's name."),
    "aliases": ("texts", "Other names it goes by, e.g. [ACME, Acme Corp]."),
    "industry": ("optionalText", "Its industry."),
    "competitors": ("texts", "Competing organizations (names or ids)."),
    "notes": ("optionalText", "Anything worth remembering."),
}
_GROUP = {
    "id": ("id", "The group's id (default: made from the name)."),
    "name": ("text", "The group's name."),
    "kind": ("optionalText", "What kind of group: alumni, club, association, board…"),
    "members": ("ids", "Its members: person ids, and me if you belong to it."),
    "notes": ("optionalText", "Anything worth remembering."),
}
_INTRODUCTION = {
    "date": ("date", "When the introduction was made (or requested), YYYY-MM-DD."),
    "by": ("id", "Who made the introduction (a person id, or me)."),
    "people": ("pair", "The two people introduced, e.g. [ada-lovelace, me]."),
    "status": ("status", "requested, made (default), met or declined."),
    "note": ("optionalText", "Context."),
}
_INTERACTION = {
    "date": ("date", "When, YYYY-MM-DD."),
    "with": ("ids", "The person's id, or a list of ids."),
    "kind": ("optionalText", "coffee, call, email, meeting…"),
    "note": ("optionalText", "What you talked about."),
}
_FAVOR = {
    "date": ("date", "When, YYYY-MM-DD."),
    "from": ("id", "Who did the favor (a person id, or me)."),
    "to": ("id", "Who received it (a person id, or me)."),
    "kind": ("optionalText", "referral, advice, introduction…"),
    "what": ("optionalText", "What the favor was."),
}
_ME = {
    "name": ("optionalText", "Your name."),
    "targets": ("texts", "Organizations you want to reach (names or ids): paths and reach-outs aim at them."),
    "looking_for": ("texts", "Roles, functions, seniority or keywords you look for, e.g. [product, VP Product]."),
    "cadence": ("cadence", "Keep-in-touch interval in days by strength, e.g. {5: 21, 4: 45, 3: 90, 2: 180, 1: 365}."),
    "org": ("optionalText", "Where you work now: an organization name or id."),
    "role": ("optionalText", "Your job title."),
    "department": ("optionalText", "Your team or department."),
    "past_orgs": (
        "pastOrgs",
        "Where you worked before: names, or {org, role, from, to} records; people there at the same time "
        "are your former colleagues.",
    ),
    "location": ("optionalText", "Where you live or work, e.g. Berlin."),
    "email": ("texts", "Your email address, or a list of them (private)."),
    "circles": ("texts", "Circles of your life, e.g. [work, alumni]."),
    "tags": ("texts", "Free tags about you."),
}


def _settings_docs() -> dict[str, str]:
    """The ``#:`` comment above each Settings field."""
    docs: dict[str, str] = {}
    try:
        source = inspect.getsource(Settings)
    except (OSError, TypeError):  # pragma: no cover - no source available
        return docs
    comment: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#:"):
            comment.append(stripped[2:].strip())
            continue
        match = re.match(r"(\w+)\s*:", stripped)
        if match and comment:
            docs[match.group(1)] = " ".join(comment)
        comment = []
    return docs


def _record(keys: tuple[str, ...], spec: dict[str, tuple[str, str]], required: tuple[str, ...], title: str) -> Any:
    properties: dict[str, Any] = {}
    for key in keys:
        kind, description = spec[key]  # KeyError: a loader key the schema does not know yet
        properties[key] = {"$ref": f"#/$defs/{kind}", "description": description}
    missing = set(spec) - set(keys)
    if missing:
        raise KeyError(f"schema describes keys the loader does not accept: {sorted(missing)}")
    return {
        "type": "object",
        "title": title,
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def _list_of(ref: str, description: str) -> Any:
    return {
        "description": description,
        "anyOf": [{"type": "array", "items": {"$ref": f"#/$defs/{ref}"}}, *_EMPTY],
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one graphnet data file.

    Returns
    -------
    dict
        Ready for ``json.dumps``. Every key the loader accepts is described,
        with its meaning as the description editors show on hover.
    """
    defs: dict[str, Any] = {k: dict(v) for k, v in _DEFS.items()}
    defs["knowsEntry"] = {"anyOf": [{"$ref": "#/$defs/id"}, _record(KNOWS_KEYS, _KNOWS, ("id",), "A person they know")]}
    defs["knows"] = {
        "anyOf": [{"type": "array", "items": {"$ref": "#/$defs/knowsEntry"}}, {"$ref": "#/$defs/id"}, *_EMPTY]
    }
    defs["job"] = {
        "anyOf": [{"$ref": "#/$defs/text"}, _record(JOB_KEYS, _JOB, ("org",), "A past position")],
    }
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
    defs["person"] = _record(PERSON_KEYS, _PERSON, ("name",), "A person")
    defs["organization"] = _record(ORG_KEYS, _ORG, ("name",), "An organization")
    defs["group"] = _record(GROUP_KEYS, _GROUP, ("name",), "A group")
    defs["introduction"] = _record(INTRODUCTION_KEYS, _INTRODUCTION, ("by", "people"), "An introduction")
    defs["interaction"] = _record(INTERACTION_KEYS, _INTERACTION, ("date", "with"), "An interaction")
    defs["favor"] = _record(FAVOR_KEYS, _FAVOR, ("from", "to"), "A favor")

    me_spec = dict(_ME)
    docs = _settings_docs()
    defaults = Settings()
    for f in fields(Settings):
        default = getattr(defaults, f.name)
        kind = "count" if isinstance(default, int) and not isinstance(default, bool) else "number"
        me_spec[f.name] = (kind, f"{docs.get(f.name, f.name)} (default {default})")
    me = _record(ME_KEYS, me_spec, (), "You")
    for f in fields(Settings):
        me["properties"][f.name]["default"] = getattr(defaults, f.name)
    defs["me"] = {"anyOf": [me, *_EMPTY]}

    sections: dict[str, Any] = {
        "me": {"$ref": "#/$defs/me", "description": "About you; once in the whole folder."},
        "people": _list_of("person", "Everyone you know, one '- name: …' entry each."),
        "organizations": _list_of("organization", "Organizations worth describing (any name in org: works too)."),
        "groups": _list_of("group", "Groups: alumni networks, clubs, associations, boards, teams."),
        "introductions": _list_of("introduction", "Who introduced whom."),
        "interactions": _list_of("interaction", "Your contacts with people: coffees, calls, emails."),
        "favors": _list_of("favor", "Favors done, in either direction."),
    }
    assert tuple(sections) == SECTIONS, "a section is missing from the schema"
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
