"""The file format, described once: every record kind, every field it may hold.

Each :class:`Field` gives a key's name, its value type, whether it is private, a
one-line meaning and an example. Everything that needs to know the fields reads
them from :data:`RECORDS`:

* the loader (:mod:`graphnet.files.loader`): the keys it accepts and its did-you-mean,
  and the reading of every plain field (text, lists of text, dates, strengths, days);
* the JSON Schema for editors (:mod:`graphnet.files.schema`);
* the privacy filter of the map (:mod:`graphnet.map.html`) and of the exports
  (:mod:`graphnet.io.exports`): a private field leaves the machine only when asked;
* the options and help of ``graphnet add`` (:mod:`graphnet.cli.edit`).

Adding a field is one row here, an attribute of the same name in
:mod:`graphnet.model` and, when it means more than its type says, the code that
uses it. The tuning parameters under ``me:`` are the fields of
:class:`~graphnet.model.Settings` and are described by their ``#:`` comments there.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Any

from ..model import Settings

__all__ = [
    "RECORDS",
    "SECTIONS",
    "TYPES",
    "Field",
    "Record",
    "field",
    "keys",
    "private_fields",
    "private_names",
    "private_values",
]

#: Value types: what a field's value is, as the loader reads it. The JSON Schema
#: (:mod:`graphnet.files.schema`) defines one ``$defs`` entry for each.
TYPES: dict[str, str] = {
    "id": "an id, e.g. ada-lovelace",
    "ids": "one id or a list of ids",
    "pair": "exactly two ids",
    "text": "text, required",
    "optionalText": "text",
    "texts": "one text or a list of text",
    "org": "an organization's id, name or alias (a new name declares it implicitly)",
    "orgs": "one organization or a list of them (ids, names or aliases)",
    "date": "a date written YYYY-MM-DD",
    "strength": "a whole number from 0 to 5",
    "days": "a whole number of days, from 1 to 36,500",
    "count": "a whole number, from 0 to 1,000,000",
    "number": "a number, at least 0 (each setting has its range: docs/format.md)",
    "status": "one of the introduction statuses",
    "cadence": "a mapping of strength to days",
    "pastOrgs": "organizations, or {org, role, from, to} records",
    "knows": "person ids, or {id, strength, since, note} records",
}

#: Types whose values are lists.
LIST_TYPES = frozenset({"ids", "texts", "orgs", "pastOrgs", "knows"})


@dataclass(frozen=True, slots=True)
class Field:
    """One key a record may hold."""

    #: The key as written in a file.
    name: str
    #: Its value type, a key of :data:`TYPES`.
    type: str
    #: What it means, in one line.
    meaning: str
    #: An example value, as the loader's reader sees it (text, or lists of text).
    example: Any
    #: Private fields reach the map and the exports only when asked (``include_private``).
    private: bool = False
    required: bool = False
    #: The attribute of the model record, when it is not the key (``with`` -> ``with_``).
    attribute: str = ""
    #: The option of ``graphnet add`` setting it (``--circle`` for ``circles``); empty: none.
    option: str = ""
    #: The option's help when it differs from the meaning (one value per option, say).
    option_help: str = ""
    #: How the map shows it (default: the key, capitalised).
    label: str = ""

    @property
    def attr(self) -> str:
        """The model attribute holding the value."""
        return self.attribute or self.name

    @property
    def shown_as(self) -> str:
        """The label the map gives the value."""
        return self.label or self.name.replace("_", " ").capitalize()

    @property
    def is_list(self) -> bool:
        return self.type in LIST_TYPES


@dataclass(frozen=True, slots=True)
class Record:
    """A kind of record: where it is written and the fields it may hold."""

    kind: str
    #: What one such record is, e.g. "A person".
    title: str
    #: What a section (or list) of them holds.
    meaning: str
    fields: tuple[Field, ...]


def _settings_meanings() -> dict[str, str]:
    """The ``#:`` comment above each Settings field (its meaning)."""
    meanings: dict[str, str] = {}
    try:
        source = inspect.getsource(Settings)
    except (OSError, TypeError):  # pragma: no cover - no source available
        return meanings
    comment: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#:"):
            comment.append(stripped[2:].strip())
            continue
        match = re.match(r"(\w+)\s*:", stripped)
        if match and comment:
            meanings[match.group(1)] = " ".join(comment)
        comment = []
    return meanings


def _settings_fields() -> tuple[Field, ...]:
    meanings = _settings_meanings()
    defaults = Settings()
    described = []
    for f in dataclass_fields(Settings):
        default = getattr(defaults, f.name)
        kind = "count" if isinstance(default, int) and not isinstance(default, bool) else "number"
        described.append(Field(f.name, kind, meanings.get(f.name, f.name), str(default)))
    return tuple(described)


_ANYTHING = "Anything worth remembering."

RECORDS: dict[str, Record] = {
    r.kind: r
    for r in (
        Record(
            "me",
            "You",
            "About you; once in the whole folder.",
            (
                Field("name", "optionalText", "Your name.", "Sam Rivera"),
                Field(
                    "targets",
                    "orgs",
                    "Organizations you want to reach (names or ids): paths and reach-outs aim at them.",
                    ["Northwind Analytics", "Globex"],
                ),
                Field(
                    "looking_for",
                    "texts",
                    "Roles, functions, seniority or keywords you look for, e.g. [product, VP Product].",
                    ["product", "VP Product"],
                ),
                Field(
                    "cadence",
                    "cadence",
                    "Keep-in-touch interval in days by strength, e.g. {5: 21, 4: 45, 3: 90, 2: 180, 1: 365}.",
                    {"5": "21", "4": "45"},
                ),
                Field(
                    "not_organizations",
                    "texts",
                    "Company names that mean no employer, beyond Self-employed, Freelance, Stealth, Retired…",
                    ["Between jobs"],
                ),
                Field("org", "org", "Where you work now: an organization name or id.", "Quanta Retail"),
                Field("role", "optionalText", "Your job title.", "Data Engineer"),
                Field("department", "optionalText", "Your team or department.", "Platform"),
                Field(
                    "past_orgs",
                    "pastOrgs",
                    "Where you worked before: names, or {org, role, from, to} records; people there at the same "
                    "time are your former colleagues.",
                    [{"org": "Lieferfix", "role": "Developer", "from": "2021-03-01", "to": "2026-10-31"}],
                ),
                Field("location", "optionalText", "Where you live or work, e.g. Berlin.", "Berlin"),
                Field(
                    "email",
                    "texts",
                    "Your email address, or a list of them.",
                    ["sam@example.org"],
                    private=True,
                    attribute="emails",
                ),
                Field("circles", "texts", "Circles of your life, e.g. [work, alumni].", ["work"]),
                Field("tags", "texts", "Free tags about you.", ["python"]),
            ),
        ),
        Record("settings", "Tuning", "Tuning parameters of the analyses, under me:.", _settings_fields()),
        Record(
            "person",
            "A person",
            "Everyone you know, one '- name: …' entry each.",
            (
                Field(
                    "id",
                    "id",
                    "The person's id (default: made from the name, 'Ada Lovelace' -> ada-lovelace).",
                    "ada-lovelace",
                    option="--id",
                    option_help="The id (default: made from the name, e.g. ada-lovelace).",
                ),
                Field("name", "text", "The person's name.", "Ada Lovelace", required=True),
                Field(
                    "org",
                    "org",
                    "Where they work now: an organization name or id.",
                    "Globex",
                    option="--org",
                ),
                Field("role", "optionalText", "Their job title.", "Staff Engineer", option="--role"),
                Field("department", "optionalText", "Their team or department.", "Platform", option="--department"),
                Field(
                    "past_orgs",
                    "pastOrgs",
                    "Where they worked before: names, or {org, role, from, to} records.",
                    ["Initech"],
                ),
                Field(
                    "circles",
                    "texts",
                    "Circles of your life they belong to, e.g. [work, alumni, family].",
                    ["work", "alumni"],
                    option="--circle",
                    option_help="A circle they belong to.",
                ),
                Field(
                    "tags",
                    "texts",
                    "Free tags, e.g. [python, hiring].",
                    ["python"],
                    option="--tag",
                    option_help="A tag.",
                ),
                Field(
                    "strength",
                    "strength",
                    "Your tie with them, 0 (not met yet) to 5 (inner circle); default 2.",
                    "4",
                    option="--strength",
                ),
                Field("met", "date", "When you met, YYYY-MM-DD.", "2017-05-12", option="--met"),
                Field(
                    "connected",
                    "date",
                    "When you connected on LinkedIn (or another network), YYYY-MM-DD; never taken as contact.",
                    "2016-02-01",
                ),
                Field(
                    "introduced_by",
                    "id",
                    "The person who introduced you (an id).",
                    "bob-stone",
                    option="--introduced-by",
                    option_help="Who introduced you (id or name).",
                ),
                Field(
                    "cadence",
                    "days",
                    "Keep in touch every this many days (default: by strength, from me: cadence).",
                    "30",
                ),
                Field("last_contact", "date", "Your last contact, if not logged under interactions.", "2026-10-02"),
                Field(
                    "knows",
                    "knows",
                    "People they know: ids, or {id, strength, since, note} records.",
                    ["bob-stone"],
                    option="--knows",
                    option_help="A person they know, id or name.",
                ),
                Field("location", "optionalText", "Where they live or work, e.g. Berlin.", "London"),
                Field(
                    "snoozed_until",
                    "date",
                    "Reach-outs leave them out until this day, YYYY-MM-DD (graphnet snooze).",
                    "2027-03-01",
                ),
                Field(
                    "email",
                    "texts",
                    "Email address, or a list of them.",
                    "ada@example.com",
                    private=True,
                    attribute="emails",
                    option="--email",
                    option_help="Email address.",
                ),
                Field(
                    "phone",
                    "optionalText",
                    "Phone number; quote it if it starts with + or 0.",
                    "+4917612345",
                    private=True,
                    option="--phone",
                    option_help="Phone number.",
                ),
                Field(
                    "url",
                    "optionalText",
                    "A web page, e.g. their LinkedIn profile.",
                    "https://www.linkedin.com/in/ada-example",
                    private=True,
                    option="--url",
                    label="URL",
                ),
                Field("notes", "optionalText", _ANYTHING, "Prefers email.", private=True, option="--notes"),
            ),
        ),
        Record(
            "job",
            "A past position",
            "A past position.",
            (
                Field("org", "org", "The organization's name or id.", "Hooli", required=True),
                Field("role", "optionalText", "The role held there.", "Engineer"),
                Field("department", "optionalText", "The team or department there.", "Platform"),
                Field("from", "date", "Start, YYYY-MM-DD.", "2016-03-01", attribute="start"),
                Field("to", "date", "End, YYYY-MM-DD.", "2019-08-31", attribute="end"),
            ),
        ),
        Record(
            "knows",
            "A person they know",
            "A person they know.",
            (
                Field("id", "id", "The id of the person known.", "carol-diaz", required=True, attribute="other"),
                Field("strength", "strength", "How well they know each other, 0-5.", "3"),
                Field("since", "date", "Since when, YYYY-MM-DD.", "2020-01-01"),
                Field("note", "optionalText", "How they know each other.", "same team at Hooli", private=True),
            ),
        ),
        Record(
            "organization",
            "An organization",
            "Organizations worth describing (any name in org: works too).",
            (
                Field(
                    "id",
                    "id",
                    "The organization's id (default: made from the name).",
                    "globex",
                    option="--id",
                    option_help="The id (default: made from the name, e.g. acme-corp).",
                ),
                Field("name", "text", "The organization's name.", "Globex Corporation", required=True),
                Field(
                    "aliases",
                    "texts",
                    "Other names it goes by, e.g. [ACME, Acme Corp].",
                    ["Globex", "GBX"],
                    option="--alias",
                    option_help="Another name it goes by.",
                ),
                Field("industry", "optionalText", "Its industry.", "Logistics software", option="--industry"),
                Field(
                    "competitors",
                    "orgs",
                    "Competing organizations (names or ids).",
                    ["Initrode"],
                    option="--competitor",
                    option_help="A competing organization.",
                ),
                Field(
                    "notes", "optionalText", _ANYTHING, "Hiring freeze lifted in Q3.", private=True, option="--notes"
                ),
            ),
        ),
        Record(
            "group",
            "A group",
            "Groups: alumni networks, clubs, associations, boards, teams.",
            (
                Field(
                    "id",
                    "id",
                    "The group's id (default: made from the name).",
                    "chess-club",
                    option="--id",
                    option_help="The id (default: made from the name).",
                ),
                Field("name", "text", "The group's name.", "Chess club", required=True),
                Field(
                    "kind",
                    "optionalText",
                    "What kind of group: alumni, club, association, board, team…",
                    "club",
                    option="--kind",
                ),
                Field(
                    "members",
                    "ids",
                    "Its members: person ids, and me if you belong to it.",
                    ["me", "ada-lovelace"],
                    option="--member",
                    option_help="A member: person id or name, or me.",
                ),
                Field("notes", "optionalText", _ANYTHING, "Meets on Tuesdays.", private=True, option="--notes"),
            ),
        ),
        Record(
            "introduction",
            "An introduction",
            "Who introduced whom.",
            (
                Field("date", "date", "When the introduction was made (or requested), YYYY-MM-DD.", "2025-06-01"),
                Field("by", "id", "Who made the introduction (a person id, or me).", "bob-stone", required=True),
                Field(
                    "people",
                    "pair",
                    "The two people introduced, e.g. [ada-lovelace, me].",
                    ["ada-lovelace", "me"],
                    required=True,
                ),
                Field("status", "status", "requested, made (default), met or declined.", "made"),
                Field("note", "optionalText", "Context.", "for the data role", private=True),
            ),
        ),
        Record(
            "interaction",
            "An interaction",
            "Your contacts with people: coffees, calls, emails.",
            (
                Field("date", "date", "When, YYYY-MM-DD.", "2026-10-02", required=True),
                Field(
                    "with",
                    "ids",
                    "The person's id, or a list of ids.",
                    "ada-lovelace",
                    required=True,
                    attribute="with_",
                ),
                Field("kind", "optionalText", "coffee, call, email, meeting…", "coffee"),
                Field("note", "optionalText", "What you talked about.", "her new team", private=True),
                Field(
                    "count",
                    "count",
                    "How many interactions the record stands for, at least 1 (default 1); imports of mail and "
                    "calendars write a month of mail or a day's meetings as one record.",
                    "14",
                ),
                Field("sent", "count", "Of count, messages you sent (imported mail).", "6"),
                Field("received", "count", "Of count, messages you received (imported mail).", "8"),
            ),
        ),
        Record(
            "favor",
            "A favor",
            "Favors done, in either direction.",
            (
                Field("date", "date", "When, YYYY-MM-DD.", "2026-09-14"),
                Field(
                    "from",
                    "id",
                    "Who did the favor (a person id, or me).",
                    "ada-lovelace",
                    required=True,
                    attribute="from_",
                ),
                Field("to", "id", "Who received it (a person id, or me).", "me", required=True),
                Field("kind", "optionalText", "referral, advice, introduction…", "referral"),
                Field("what", "optionalText", "What the favor was.", "referred me to the hiring manager", private=True),
            ),
        ),
        Record(
            "reminder",
            "A reminder",
            "Follow-ups planned: reach-outs lists each from its day.",
            (
                Field(
                    "date", "date", "When to follow up, YYYY-MM-DD (may be in the future).", "2027-01-15", required=True
                ),
                Field("person", "id", "Whom to follow up with (a person id).", "ada-lovelace", required=True),
                Field("note", "optionalText", "What about.", "ask how the new team is going", private=True),
            ),
        ),
    )
}

#: Top-level section -> the kind of record it holds, in the order files and docs list them.
SECTIONS: dict[str, str] = {
    "me": "me",
    "people": "person",
    "organizations": "organization",
    "groups": "group",
    "introductions": "introduction",
    "interactions": "interaction",
    "favors": "favor",
    "reminders": "reminder",
}


def keys(kind: str) -> tuple[str, ...]:
    """The keys a record of ``kind`` may hold, in the order docs list them (``me`` includes the settings)."""
    names = tuple(f.name for f in RECORDS[kind].fields)
    return names + keys("settings") if kind == "me" else names


def field(kind: str, name: str) -> Field:
    """The description of key ``name`` of a record of ``kind``."""
    for described in RECORDS[kind].fields:
        if described.name == name:
            return described
    raise KeyError(f"{kind} records have no field {name!r}")


def private_fields(kind: str) -> tuple[Field, ...]:
    """The private fields of ``kind``: on the map and in exports only when asked."""
    return tuple(f for f in RECORDS[kind].fields if f.private)


def private_names(*kinds: str) -> tuple[str, ...]:
    """The names of the private fields of any of ``kinds``, each once, in table order."""
    names: list[str] = []
    for kind in kinds:
        names.extend(f.name for f in private_fields(kind) if f.name not in names)
    return tuple(names)


def private_values(record: object, kind: str) -> dict[str, str]:
    """Key -> text of each private field of ``record`` (a ``kind``) that holds some; lists joined by ", "."""
    values: dict[str, str] = {}
    for described in private_fields(kind):
        value = getattr(record, described.attr, None)
        if isinstance(value, (list, tuple)):
            value = ", ".join(v for v in value if isinstance(v, str) and v.strip())
        if isinstance(value, str) and value.strip():
            values[described.name] = value
    return values
