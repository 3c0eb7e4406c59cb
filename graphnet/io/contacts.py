"""What an import reads (contacts) and what it reports (added and merged records).

Every importer (:mod:`graphnet.io.linkedin`, :mod:`graphnet.io.google`,
:mod:`graphnet.io.vcard`) turns an export file into :class:`Contact` values;
:mod:`graphnet.io.importing` matches, writes and reports them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..errors import Problem

__all__ = [
    "Added",
    "Contact",
    "ImportReport",
    "Merged",
    "Related",
    "clean",
    "describe_merge",
    "first",
    "norm_email",
    "norm_name",
    "norm_url",
]


@dataclass
class Related:
    """A reference from one contact to another (vCard RELATED/MEMBER, Google Relation)."""

    value: str
    how: str  # "uid", "email", "url" or "name"
    label: str | None = None


@dataclass
class Contact:
    """One record read from an export file, before it is matched and written."""

    row: int  # line of the source file where the record starts
    name: str
    kind: str = "person"  # "person", "organization" or "group"
    org: str | None = None
    role: str | None = None
    department: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    notes: str | None = None
    met: date | None = None
    #: When we connected (LinkedIn's *Connected On*): never a meeting, never contact.
    connected: date | None = None
    strength: int | None = None
    circles: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    #: Every e-mail and URL of the record, for matching (``email``/``url`` hold the main one).
    emails: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    #: Other spellings of the name to match on (``First Last`` without the middle name).
    other_names: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    members: list[Related] = field(default_factory=list)
    uid: str | None = None


@dataclass
class Added:
    """A record written to the new file."""

    row: int
    id: str
    name: str
    kind: str = "person"
    fields: list[tuple[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "id": self.id, "name": self.name, "kind": self.kind}


@dataclass
class Merged:
    """A contact already in the network (or earlier in the same file): not written again."""

    row: int
    id: str
    name: str
    reason: str
    where: str  # file:line:col of the record it matched
    kind: str = "person"
    #: Values the import has and the record lacks (field -> value), to copy by hand.
    missing: dict[str, Any] = field(default_factory=dict)
    #: Values that differ (field -> (in the file, in the import)), e.g. a new job.
    differs: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    #: True when the record is an import's (updated in place; see graphnet.io.reimport).
    imported: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "reason": self.reason,
            "where": self.where,
            "missing": {k: _jsonable(v) for k, v in self.missing.items()},
            "differs": {k: [_jsonable(a), _jsonable(b)] for k, (a, b) in self.differs.items()},
        }


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    kind: str
    source: str
    output: Path | None = None
    dry_run: bool = False
    rows: int = 0
    added: list[Added] = field(default_factory=list)
    merged: list[Merged] = field(default_factory=list)
    skipped: int = 0
    #: True when rows could not be imported and ``skip_bad`` was not given: nothing was written.
    refused: bool = False
    #: Per-row problems (``file:row: error: ...``) and warnings about the new file.
    problems: list[Problem] = field(default_factory=list)
    #: The text of the new file ("" when there is nothing new).
    text: str = ""
    #: Same name (and organization) as a record, not merged: ``{"row", "id", "name", "like", "where"}``.
    suggested: list[dict[str, Any]] = field(default_factory=list)
    #: Imported records updated in place from the export (:class:`graphnet.io.reimport.Update`).
    updated: list[Any] = field(default_factory=list)
    #: Hand-written values the export differs from, kept (:class:`graphnet.io.reimport.Kept`).
    kept: list[Any] = field(default_factory=list)
    #: People matched whom the export changes nothing about.
    unchanged: int = 0
    #: The files changed in place.
    changed_files: list[Path] = field(default_factory=list)
    #: The unified diff of the files changed in place (filled for a dry run).
    diff: str = ""

    @property
    def added_people(self) -> int:
        return sum(1 for a in self.added if a.kind == "person")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "source": self.source,
            "output": str(self.output) if self.output else None,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "added": len(self.added),
            "merged": len(self.merged),
            "skipped": self.skipped,
            "refused": self.refused,
            "added_records": [a.to_dict() for a in self.added],
            "merged_records": [m.to_dict() for m in self.merged],
            "updated": len(self.updated),
            "unchanged": self.unchanged,
            "updated_records": [u.to_dict() for u in self.updated],
            "kept": [k.to_dict() for k in self.kept],
            "suggested": list(self.suggested),
            "changed_files": [str(p) for p in self.changed_files],
            "problems": [p.to_dict() for p in self.problems],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


# -- small normalisers -------------------------------------------------------------------------


def first(*choices: list[str]) -> str | None:
    """The first item of the first non-empty list."""
    for items in choices:
        if items:
            return items[0]
    return None


def clean(value: str | None) -> str | None:
    """A cell's text without surrounding whitespace; ``None`` when empty."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def norm_name(name: str) -> str:
    """Names compared ignoring case, accents' composition and spacing."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def norm_email(email: str) -> str:
    email = email.strip()
    if email.casefold().startswith("mailto:"):
        email = email[7:]
    return email.strip().casefold()


def norm_url(url: str) -> str:
    """``https://www.linkedin.com/in/Ada/`` and ``linkedin.com/in/ada`` compare equal."""
    text = unquote(url.strip()).casefold()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    text = re.sub(r"^(www|[a-z]{2})\.linkedin\.com", "linkedin.com", text)
    return text.removeprefix("www.")


def describe_merge(merged: Merged, source: str | None = None) -> str:
    """One line about a merged record: what matched, and what the import adds or changes.

    With ``source`` (the import file as shown), the line starts ``source:row:``.
    """
    where = f"{source}:{merged.row}: " if source and merged.row > 0 else ""
    parts = [f"{where}{merged.id} ({merged.where}): {merged.reason}"]
    if merged.missing:
        shown = ", ".join(f"{k}: {_short(v)}" for k, v in merged.missing.items())
        parts.append(f"the file lacks {shown}")
    if merged.differs:
        shown = ", ".join(f"{k} '{_short(b)}' (file: '{_short(a)}')" for k, (a, b) in merged.differs.items())
        parts.append(f"the import says {shown}")
    return "; ".join(parts)


def _short(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    text = _jsonable(value)
    text = str(text).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "..."
