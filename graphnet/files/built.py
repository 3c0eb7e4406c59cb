"""A cache of each file's built records, so a load after a one-file change builds one file.

The parse cache (:mod:`graphnet.files.cache`) spares the YAML parse of an unchanged file,
but the loader still walked its tree and built every record again: at 30,000 people that
was most of a load. This cache keeps, per file, what reading the file added to the network
before the steps that need every file (:class:`FilePart`): its records, the ids it claims,
the references it makes, the organization names it mentions, where its aliases are written,
its problems and its latest date. A load restores an unchanged file's part from here and
runs the cross-file steps (unique ids, references, implicit organizations, validations)
on the whole network as before.

An entry is named by the SHA-256 of the file's bytes and of the path problems show for it
(a record's :class:`~graphnet.model.Source` and some messages name it), under a folder named
by the code's fingerprint (:func:`graphnet.files.cache.code_fingerprint`): changed bytes, a
file shown under another path, or another graphnet never meet an old entry. A file is built
the same whatever the day, except that a date after the real date is reported: an entry
keeps the day it was built and the latest date it compared, and is used on another day only
when no comparison can come out differently. A part is stored only when its file was read
without looking at another file (an id already claimed elsewhere, a second ``me``), and taken
only when that still holds (:meth:`graphnet.files.loader._Builder.take`); any doubt (missing,
damaged, unexpected shape) means the file is read as before. Like the rest of the cache it is
JSON only (never pickle), in the user's cache folder, removed by ``graphnet cache clear``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..model import (
    Favor,
    Group,
    Interaction,
    Introduction,
    Job,
    Me,
    Organization,
    Person,
    Reference,
    Reminder,
    Settings,
    Source,
    Tie,
)
from .cache import FORMAT, cache_dir, code_fingerprint, decode_tree, encode_tree, store_json
from .yamlread import YSeq

__all__ = [
    "FilePart",
    "OrgMention",
    "entry_key",
    "read_appended",
    "read_part",
    "remember_append",
    "store_part",
]

#: Bump when the encoding changes; the folder also carries the code's fingerprint.
VERSION = "records-v1"

#: An organization name as written: ``(text, where, record, attribute)``; the loader resolves
#: it to an id and sets ``record.attribute`` (or appends to it when it is a list).
OrgMention = tuple[str, Source, Any, str]


@dataclass
class FilePart:
    """What reading one file added to the network, before the steps that need every file."""

    me: Me | None = None
    #: Where the file's ``me:`` key is written (line, column), when it has one.
    me_key: tuple[int, int] | None = None
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    introductions: list[Introduction] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    favors: list[Favor] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)
    #: Every id the file declared: (id, kind, where).
    claims: list[tuple[str, str, Source]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    mentions: list[OrgMention] = field(default_factory=list)
    alias_positions: dict[str, list[Source]] = field(default_factory=dict)
    #: Syntax problems first, then the file's own record problems, in the order found.
    problems: list[Problem] = field(default_factory=list)
    #: The latest date read from the file's records (``date.min``: none).
    latest: date = date.min
    #: The latest date compared with the real date (``date.min``: none), and that real date.
    checked: date = date.min
    today: date = date.min
    #: The import that wrote the file (its first line says so), None when written by hand.
    imported: str | None = None


class _NotLocal(Exception):
    """The part holds something this cache cannot say with its file's path alone: not stored."""


# -- records as rows ---------------------------------------------------------------------------
#
# A record is a JSON list of its fields in the dataclass's order (so the decoder calls the class
# with positional arguments), dates as ordinals, a Source as [line, column] (its path is the file's).

_new_source = tuple.__new__


def _kind_of(type_text: str) -> str:
    if type_text.startswith("date"):
        return "date"
    return {
        "Source": "source",
        "list[Tie]": "ties",
        "list[Job]": "jobs",
        "tuple[str, str]": "pair",
        "Settings": "settings",
        "dict[int, int]": "cadence",
    }.get(type_text, "")


def _spec(cls: type) -> list[tuple[str, str]]:
    return [(f.name, _kind_of(str(f.type))) for f in fields(cls)]


class _Codec:
    """Encodes and decodes the records of one file (``shown``: its path as problems show it)."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def encoder(self, cls: type) -> Callable[[Any], list[Any]]:
        """A function from a record of ``cls`` to its row (the inverse of :meth:`decoder`)."""
        spec = _SPECS[cls]
        read = attrgetter(*(name for name, _ in spec))
        dates = [i for i, (_, kind) in enumerate(spec) if kind == "date"]
        at = {kind: i for i, (_, kind) in enumerate(spec) if kind not in ("", "date")}
        source_at = at["source"]
        nested = [(at[kind], self.encoder(sub)) for kind, sub in (("ties", Tie), ("jobs", Job)) if kind in at]
        shown = self.shown

        def encode(record: Any) -> list[Any]:
            row = list(read(record))
            for i in dates:
                if row[i] is not None:
                    row[i] = row[i].toordinal()
            source = row[source_at]
            if source.path != shown:
                raise _NotLocal
            row[source_at] = [source.line, source.column]
            for i, sub in nested:
                row[i] = [sub(item) for item in row[i]]
            if "pair" in at:
                row[at["pair"]] = list(row[at["pair"]])
            if "settings" in at:
                row[at["settings"]] = [getattr(row[at["settings"]], f.name) for f in fields(Settings)]
            if "cadence" in at:  # JSON keys are text, so pairs
                row[at["cadence"]] = [[level, days] for level, days in row[at["cadence"]].items()]
            return row

        return encode

    def place(self, source: Source) -> list[int]:
        if source.path != self.shown:
            raise _NotLocal
        return [source.line, source.column]

    def source(self, place: list[int]) -> Source:
        return _new_source(Source, (self.shown, place[0], place[1]))  # type: ignore[no-any-return]

    def decoder(self, cls: type) -> Callable[[list[Any]], Any]:
        """A function from a row to a record of ``cls``, with its nested ties and jobs."""
        spec = _SPECS[cls]
        dates = [i for i, (_, kind) in enumerate(spec) if kind == "date"]
        at = {kind: i for i, (_, kind) in enumerate(spec) if kind not in ("", "date")}
        source_at = at["source"]
        ties_at, jobs_at, pair_at = at.get("ties"), at.get("jobs"), at.get("pair")
        settings_at, cadence_at = at.get("settings"), at.get("cadence")
        tie = self.decoder(Tie) if ties_at is not None else None
        job = self.decoder(Job) if jobs_at is not None else None
        shown, from_ordinal = self.shown, date.fromordinal

        def decode(row: list[Any]) -> Any:
            for i in dates:
                if row[i] is not None:
                    row[i] = from_ordinal(row[i])
            line, column = row[source_at]
            row[source_at] = _new_source(Source, (shown, line, column))
            if tie is not None:
                row[ties_at] = [tie(item) for item in row[ties_at]]  # type: ignore[index]
            if job is not None:
                row[jobs_at] = [job(item) for item in row[jobs_at]]  # type: ignore[index]
            if pair_at is not None:
                row[pair_at] = tuple(row[pair_at])
            if settings_at is not None:
                row[settings_at] = Settings(*row[settings_at])
            if cadence_at is not None:
                row[cadence_at] = {int(level): int(days) for level, days in row[cadence_at]}
            return cls(*row)

        return decode


_CLASSES = (Tie, Job, Person, Organization, Group, Introduction, Interaction, Favor, Reminder, Me)
_SPECS: dict[type, list[tuple[str, str]]] = {cls: _spec(cls) for cls in _CLASSES}
#: The record lists of a part, each with its record class.
_LISTS = (
    ("people", Person),
    ("organizations", Organization),
    ("groups", Group),
    ("introductions", Introduction),
    ("interactions", Interaction),
    ("favors", Favor),
    ("reminders", Reminder),
)
#: The sections whose records a part keeps (an appended entry is one of theirs).
_SECTIONS = frozenset(name for name, _ in _LISTS)


# -- a part as JSON ------------------------------------------------------------------------------


def _mention_targets(part: FilePart) -> dict[int, list[Any]]:
    """Where each record an organization name can set sits in the part, by the record's identity."""
    targets: dict[int, list[Any]] = {}
    if part.me is not None:
        targets[id(part.me)] = ["m", 0, 0]
        for j, job in enumerate(part.me.past_orgs):
            targets[id(job)] = ["mj", j, 0]
    for k, person in enumerate(part.people):
        targets[id(person)] = ["p", k, 0]
        for j, job in enumerate(person.past_orgs):
            targets[id(job)] = ["j", k, j]
    for k, org in enumerate(part.organizations):
        targets[id(org)] = ["o", k, 0]
    return targets


def _encode(part: FilePart, shown: str) -> dict[str, Any]:
    codec = _Codec(shown)
    kinds: list[list[str]] = []
    kind_index: dict[tuple[str, ...], int] = {}
    references = []
    for value, ref_kinds, where, path, line, column in part.references:
        if path != shown:
            raise _NotLocal
        index = kind_index.setdefault(ref_kinds, len(kind_index))
        if index == len(kinds):
            kinds.append(list(ref_kinds))
        references.append([value, index, where, line, column])
    targets = _mention_targets(part)
    mentions = []
    for text, source, record, attribute in part.mentions:
        target = targets.get(id(record))
        if target is None:
            raise _NotLocal
        mentions.append([text, *codec.place(source), *target, attribute])
    payload: dict[str, Any] = {
        "today": part.today.toordinal(),
        "imported": part.imported,
        "checked": part.checked.toordinal(),
        "latest": part.latest.toordinal(),
        "me": None if part.me is None else codec.encoder(Me)(part.me),
        "me_key": None if part.me_key is None else list(part.me_key),
        "claims": [[ident, kind, *codec.place(source)] for ident, kind, source in part.claims],
        "kinds": kinds,
        "references": references,
        "mentions": mentions,
        "aliases": {ident: [codec.place(s) for s in places] for ident, places in part.alias_positions.items()},
        "problems": [[*codec.place(Source(p.path, p.line, p.column)), p.severity, p.message] for p in part.problems],
    }
    for name, cls in _LISTS:
        encode = codec.encoder(cls)
        payload[name] = [encode(record) for record in getattr(part, name)]
    return payload


def _decode(raw: dict[str, Any], shown: str) -> FilePart:
    codec = _Codec(shown)
    place = codec.source
    part = FilePart(
        latest=date.fromordinal(raw["latest"]),
        checked=date.fromordinal(raw["checked"]),
        today=date.fromordinal(raw["today"]),
        imported=None if raw["imported"] is None else str(raw["imported"]),
    )
    for name, cls in _LISTS:
        decode = codec.decoder(cls)
        setattr(part, name, [decode(row) for row in raw[name]])
    if raw["me"] is not None:
        part.me = codec.decoder(Me)(raw["me"])
        part.me_key = (int(raw["me_key"][0]), int(raw["me_key"][1]))
    part.claims = [(str(ident), str(kind), place([line, column])) for ident, kind, line, column in raw["claims"]]
    kinds = [tuple(k) for k in raw["kinds"]]
    part.references = [
        (value, kinds[k], where, shown, line, column) for value, k, where, line, column in raw["references"]
    ]
    records: dict[str, Any] = {"p": part.people, "o": part.organizations}
    for text, line, column, code, k, j, attribute in raw["mentions"]:
        if code == "m":
            record: Any = part.me
        elif code == "mj":
            record = part.me.past_orgs[k]  # type: ignore[union-attr]
        elif code == "j":
            record = part.people[k].past_orgs[j]
        else:
            record = records[code][k]
        if record is None or not hasattr(record, attribute):
            raise ValueError("bad mention")
        part.mentions.append((text, _new_source(Source, (shown, line, column)), record, attribute))
    part.alias_positions = {ident: [place(p) for p in places] for ident, places in raw["aliases"].items()}
    part.problems = [
        Problem(shown, int(line), int(column), "error" if severity == "error" else "warning", str(message))
        for line, column, severity, message in raw["problems"]
    ]
    return part


# -- entries -------------------------------------------------------------------------------------


def _folder() -> Path:
    return cache_dir() / f"{VERSION}-{code_fingerprint()[:12]}"


def entry_key(file_hash: bytes, shown: str) -> str:
    """The name of the entry for a file with the SHA-256 ``file_hash`` shown as ``shown``."""
    return hashlib.sha256(file_hash + b"\0" + shown.encode("utf-8", "surrogateescape")).hexdigest()


def _entry(key: str) -> Path:
    return _folder() / key[:2] / f"{key}.json"


def read_part(key: str, shown: str, today: date) -> FilePart | None:
    """The stored part of the file ``key`` names, when it holds for ``today`` (the real date); else None."""
    try:
        raw = json.loads(_entry(key).read_bytes())
        built_on, checked = raw["today"], raw["checked"]
        if built_on != today.toordinal() and not checked <= min(built_on, today.toordinal()):
            return None  # a date compared with the real date could compare differently today
        return _decode(raw, shown)
    except Exception:  # missing or damaged: read the file instead
        return None


def store_part(key: str, part: FilePart, shown: str) -> None:
    """Keep ``part`` (read from the file shown as ``shown``) under ``key``; never raises."""
    try:
        payload = _encode(part, shown)
    except _NotLocal:
        return
    store_json(_entry(key), payload)


# -- an entry added at the end of a file --------------------------------------------------------
#
# ``log`` (and every write that appends one entry) reads the added text alone and knows the new
# file's tree is the old one plus one item at the end of its last section (graphnet.files.fileio).
# It leaves a note saying so; the next load takes the old file's part and builds that item alone.


def _note(file_hash: bytes) -> Path:
    # Named after the parse cache's format (the note holds a tree): a write stays cheap, with no
    # fingerprint of the whole code to compute; the part it is read with is keyed by the code.
    key = hashlib.sha256(b"appended\0" + file_hash).hexdigest()
    return cache_dir() / f"appended-{FORMAT.removeprefix('tree-')}" / key[:2] / f"{key}.json"


def remember_append(old_hash: bytes, new_data: bytes, section: str, new_tree: Any) -> None:
    """Note that ``new_data`` reads as the file whose bytes hashed to ``old_hash`` plus the last
    item of ``new_tree[section]``, its last section; never raises."""
    try:
        items = new_tree[section]
        if list(new_tree)[-1] != section or not isinstance(items, YSeq) or not items:
            return
        payload = {
            "base": old_hash.hex(),
            "section": section,
            "index": len(items) - 1,
            "at": list(items.item_pos[-1]),
            "item": encode_tree(items[-1]),
        }
    except Exception:
        return
    store_json(_note(hashlib.sha256(new_data).digest()), payload)


def read_appended(file_hash: bytes, shown: str, today: date) -> tuple[FilePart, str, int, YSeq] | None:
    """For a file written as another plus one item: the other's part, the section, the item's index
    there and the item (in a list of its own); None when there is no such note or part."""
    try:
        raw = json.loads(_note(file_hash).read_bytes())
        section, index, (line, column) = str(raw["section"]), int(raw["index"]), raw["at"]
        if section not in _SECTIONS:
            return None
        part = read_part(entry_key(bytes.fromhex(raw["base"]), shown), shown, today)
        if part is None:
            return None
        items = YSeq((int(line), int(column)))
        items.append(decode_tree(raw["item"]))
        items.item_pos.append((int(line), int(column)))
    except Exception:
        return None
    return part, section, index, items
