"""Re-importing is an update: what an import wrote follows the newer export, what a person wrote stays.

An import remembers, for every person it matched or added, the values it wrote
(``.graphnet/imported.json`` in the network folder: hidden, so the loader never reads
it as data). When a newer export is imported:

* a value of an imported record that still is what the import wrote (or that the record
  lacks) is updated from the export: a new position is a new ``role``; a new company is
  a job change, the old organization (and role) moving to ``past_orgs``;
* a value that differs from what the import wrote was written by a person (by hand or
  with ``graphnet set``) and is never overwritten: the difference is reported as *kept*;
* a record no import wrote is never changed at all; its differences are *kept* too.

This module plans those changes (:func:`plan_update`) and keeps the memory of imported
values (:class:`ImportMemory`); the importer applies the plan in place
(:mod:`graphnet.files.edit_in_place`). See ``docs/import-export.md``, "Re-importing".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Person

__all__ = ["UPDATED_FIELDS", "ImportMemory", "Kept", "Update", "plan_update"]

#: The fields an import writes and a later import may update, in the order reported.
UPDATED_FIELDS = ("org", "role", "connected", "url", "email")
#: Where the values each import wrote are remembered, relative to the network folder.
MEMORY_PATH = Path(".graphnet") / "imported.json"


@dataclass
class Update:
    """The changes a newer export makes to one imported record."""

    id: str
    name: str
    row: int
    #: field -> (old value, new value), as written (organization names, ISO dates).
    changes: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    #: (old organization, new organization) when the company changed: a job change.
    job_change: tuple[str, str] | None = None
    #: The role held at the old organization, moved with it to ``past_orgs``.
    old_role: str | None = None
    #: Keys removed: ``met`` that an earlier LinkedIn import wrote from *Connected On*.
    removed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "id": self.id,
            "name": self.name,
            "changes": {k: [a, b] for k, (a, b) in self.changes.items()},
            "job_change": self.job_change is not None,
            "removed": list(self.removed),
        }


@dataclass
class Kept:
    """A value a person wrote that the export differs from: kept, and reported."""

    id: str
    name: str
    row: int
    #: file:line:col of the record.
    where: str
    field: str
    yours: str
    export: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "id": self.id,
            "name": self.name,
            "where": self.where,
            "field": self.field,
            "yours": self.yours,
            "export": self.export,
        }


class ImportMemory:
    """The values each import wrote, by import kind and person id (``.graphnet/imported.json``)."""

    def __init__(self, root: Path) -> None:
        self.path = root / MEMORY_PATH
        self.data: dict[str, dict[str, dict[str, str]]] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict):
            for kind, people in loaded.items():
                if isinstance(people, dict):
                    self.data[kind] = {
                        ident: {k: v for k, v in values.items() if isinstance(v, str)}
                        for ident, values in people.items()
                        if isinstance(values, dict)
                    }
        self.original = json.dumps(self.data, sort_keys=True)

    def get(self, kind: str, ident: str) -> dict[str, str] | None:
        return self.data.get(kind, {}).get(ident)

    def remember(self, kind: str, ident: str, values: dict[str, str | None]) -> None:
        """Note what the import wrote (or found matching) for ``ident``."""
        # An empty cell (an older export has no URL column) keeps what an earlier import wrote.
        known = self.data.setdefault(kind, {}).setdefault(ident, {})
        known.update({k: v for k, v in values.items() if v is not None})

    def text(self) -> str | None:
        """The file's new text, or None when nothing changed."""
        now = json.dumps(self.data, sort_keys=True)
        if now == self.original:
            return None
        return json.dumps(self.data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def written(person: Person, name_of: Callable[[str], str]) -> dict[str, str | None]:
    """The values of ``person`` that an import may have written, as text."""
    return {
        "org": name_of(person.org) if person.org else None,
        "role": person.role,
        "connected": person.connected.isoformat() if person.connected else None,
        "url": person.url,
        "email": person.email,
    }


def plan_update(
    person: Person,
    row: int,
    export: dict[str, str | None],
    before: dict[str, str] | None,
    same: Callable[[str, str | None, str | None], bool],
    name_of: Callable[[str], str],
    *,
    updatable: bool,
    met_was_connected: bool = False,
) -> tuple[Update | None, list[Kept]]:
    """What the export changes in ``person``, and the hand-written values it differs from.

    Parameters
    ----------
    person : Person
        The record the export row matched.
    row : int
        The export's line, for the report.
    export : dict
        The export's values (:data:`UPDATED_FIELDS`, as text; None when the cell is empty).
    before : dict or None
        What an import wrote for this person last time (:class:`ImportMemory`); None when
        nothing is remembered, in which case an imported record's values count as the import's.
    same : callable
        ``same(field, a, b)``: whether two values of a field mean the same (organizations
        by resolution, e-mails and URLs normalised, text ignoring case and spacing).
    name_of : callable
        Organization id -> name.
    updatable : bool
        True when the record is in an import's file; a record a person wrote is never updated.
    met_was_connected : bool
        True when the record's ``met`` is the export's *Connected On*, written by an earlier
        LinkedIn import (before ``connected`` existed): it becomes ``connected``.
    """
    mine = written(person, name_of)
    update = Update(person.id, person.name, row)
    kept: list[Kept] = []
    for key in UPDATED_FIELDS:
        new = export.get(key)
        old = mine[key]
        if new is None or same(key, old, new):
            continue
        from_import = updatable and (old is None or before is None or same(key, old, before.get(key)))
        if not from_import:
            kept.append(Kept(person.id, person.name, row, str(person.source), key, old or "", new))
            continue
        update.changes[key] = (old, new)
        if key == "org" and old is not None:
            update.job_change = (old, new)
            update.old_role = person.role
    if updatable and met_was_connected:
        update.removed.append("met")
        if mine["connected"] is None and export.get("connected") is not None:
            update.changes.setdefault("connected", (None, str(export["connected"])))
    return (update if update.changes or update.removed else None), kept


def export_values(contact: Any, org_text: str | None) -> dict[str, str | None]:
    """What an export row says of :data:`UPDATED_FIELDS`, as the import writes it."""
    return {
        "org": org_text,
        "role": contact.role,
        "connected": contact.connected.isoformat() if contact.connected else None,
        "url": contact.url,
        "email": contact.email,
    }


def _records(doc: Any) -> dict[str, tuple[Any, tuple[Any, ...]]]:
    """id -> (mapping node, tree path) of every person written in ``doc``."""
    from yaml.nodes import MappingNode, SequenceNode

    from ..files.edit_in_place import record_id

    found = doc.section("people")
    items = doc.tree.get("people") if isinstance(doc.tree, dict) else None
    if found is None or not isinstance(found[1], SequenceNode) or not isinstance(items, list):
        return {}
    index: dict[str, tuple[Any, tuple[Any, ...]]] = {}
    for i, (node, item) in enumerate(zip(found[1].value, items, strict=True)):
        if isinstance(node, MappingNode) and isinstance(item, dict):
            ident = record_id(item)
            if ident is not None:
                index.setdefault(ident, (node, ("people", i)))
    return index


def apply_updates(workspace: Any, updates: list[Update], people: dict[str, Person]) -> None:
    """Plan every update as in-place edits of the files holding the records (nothing is written yet).

    A job change moves the organization and role written in the file to ``past_orgs`` (as
    ``graphnet move`` does, without a ``to:``: the export does not say when), then writes the
    new ones; other fields are set where they stand, or added after the record's last key.
    """
    indexes: dict[str, dict[str, tuple[Any, tuple[Any, ...]]]] = {}
    for update in updates:
        shown = people[update.id].source.path
        doc = workspace.doc(shown)
        if shown not in indexes:
            indexes[shown] = _records(doc)
        record, path = indexes[shown][update.id]
        written = doc.tree["people"][path[1]]
        if update.job_change is not None:
            old_org, old_role = written.get("org"), written.get("role")
            job = [("org", old_org)] + ([("role", old_role)] if isinstance(old_role, str) and old_role else [])
            doc.append_item(record, path, "past_orgs", job)
        for key in update.removed:
            doc.delete_key(record, path, key)
        for key, (_old, new) in update.changes.items():
            if key == "email" and isinstance(written.get("email"), list):
                doc.append_item(record, path, "email", new)  # keep the other addresses
            else:
                doc.set_value(record, path, key, new)
