"""Google Contacts' CSV export ("Google CSV", the old or the new header)."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ..errors import GraphnetError, Problem
from ..model import Network
from .contacts import Contact, ImportReport, Related, clean, first
from .importing import ImportOptions, run_import
from .rows import Progress, Reading, Row, header_key, read_csv

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["import_google", "parse_google"]

_GOOGLE_NAME_COLUMNS = ("first name", "given name", "name")
_NUMBERED = re.compile(r"(e-mail|phone|website|relation) (\d+) - (value|label|type)")


def _google_labels(text: str | None) -> list[str]:
    labels: list[str] = []
    for raw in (text or "").split(":::"):
        label = raw.strip()
        if label.startswith("*"):
            label = label[1:].strip()
        if not label or label.replace(" ", "").casefold() in ("mycontacts", "systemgroup:mycontacts"):
            continue
        if label not in labels:
            labels.append(label)
    return labels


class _Columns:
    """The header of one Google export: its columns, and the numbered ones (E-mail 2 - Value…)."""

    def __init__(self, shown: str, text: str) -> None:
        self.shown = shown
        self.text = text
        #: (what, n) -> {"value": index, "label": index} for "E-mail n - Value", "Phone n - Label"…
        self.numbered: dict[tuple[str, int], dict[str, int]] = {}

    def header(self, line: int, cells: list[str]) -> dict[str, int] | None:
        if not any(c.strip() for c in cells):
            return None
        keys = [header_key(c) for c in cells]
        columns = {k: i for i, k in reversed(list(enumerate(keys))) if k}
        if "connected on" in columns or (keys[:1] == ["notes:"] and "Connected On" in self.text):
            raise GraphnetError(
                f"{self.shown}:{line}: this looks like LinkedIn's Connections.csv; use `graphnet import linkedin`"
            )
        if not any(k in columns for k in _GOOGLE_NAME_COLUMNS):
            raise GraphnetError(f"{self.shown}:{line}: no 'First Name' column; is this a Google Contacts CSV export?")
        for key, index in columns.items():
            m = _NUMBERED.fullmatch(key)
            if m:
                part = "label" if m.group(3) == "type" else m.group(3)
                self.numbered.setdefault((m.group(1), int(m.group(2))), {})[part] = index
        return columns

    def values(self, row: Row, kind: str) -> list[tuple[str, str | None]]:
        """(value, label) of every numbered ``kind`` column (e-mail, phone, website, relation) of ``row``."""
        cells = row.cells
        found: list[tuple[str, str | None]] = []
        for (what, _n), parts in sorted(self.numbered.items(), key=lambda kv: kv[0][1]):
            if what != kind or "value" not in parts:
                continue
            raw = cells[parts["value"]] if parts["value"] < len(cells) else ""
            label = clean(cells[parts["label"]]) if "label" in parts and parts["label"] < len(cells) else None
            for piece in raw.split(":::"):
                value = clean(piece)
                if value is not None:
                    found.append((value, label))
        return found

    def contact(self, row: Row, reading: Reading) -> Contact | None:
        parts = [
            row.cell("first name", "given name"),
            row.cell("middle name", "additional name"),
            row.cell("last name", "family name"),
        ]
        name = " ".join(p for p in parts if p) or row.cell("name", "nickname", "file as")
        org = row.cell("organization name", "organization 1 - name")
        if not name:
            what = f", only the organization '{org}'" if org else ""
            reading.problem(row.line, f"the contact has no name{what}; row skipped")
            return None
        contact = Contact(row=row.line, name=name, org=org)
        if parts[1] and parts[0] and parts[2]:
            contact.other_names = [f"{parts[0]} {parts[2]}"]
        contact.role = row.cell("organization title", "organization 1 - title")
        contact.department = row.cell("organization department", "organization 1 - department")
        contact.tags = _google_labels(row.cell("labels", "group membership"))
        extras = self._addresses(row, contact)
        for value, label in self.values(row, "relation"):
            contact.related.append(Related(value, "email" if "@" in value and " " not in value else "name", label))
        notes = row.cell("notes")
        if extras:
            notes = "\n".join([*([notes] if notes else []), *extras])
        contact.notes = notes
        return contact

    def _addresses(self, row: Row, contact: Contact) -> list[str]:
        """Set the contact's e-mail, phone and URL (the primary ones); the others, as lines for its notes."""
        extras: list[str] = []
        emails = self.values(row, "e-mail")
        contact.emails = [v for v, _ in emails]
        primary = [v for v, label in emails if label and label.startswith("*")]
        contact.email = first(primary, contact.emails)
        extras += [f"e-mail: {v}" + (f" ({lb.lstrip('* ')})" if lb else "") for v, lb in emails if v != contact.email]
        phones = self.values(row, "phone")
        primary = [v for v, label in phones if label and label.startswith("*")]
        contact.phone = first(primary, [v for v, _ in phones])
        extras += [f"phone: {v}" + (f" ({lb.lstrip('* ')})" if lb else "") for v, lb in phones if v != contact.phone]
        sites = [v for v, _ in self.values(row, "website")]
        contact.urls = sites
        linkedin = [s for s in sites if "linkedin.com/" in s.casefold()]
        contact.url = first(linkedin, sites)
        extras += [f"website: {s}" for s in sites if s != contact.url]
        return extras


def parse_google(
    text: str, shown: str, *, progress: Progress | None = None
) -> tuple[list[Contact], list[Problem], int]:
    """Contacts of a Google Contacts CSV export ("Google CSV", old or new header)."""
    columns = _Columns(shown, text)
    return read_csv(
        text,
        shown,
        header=columns.header,
        convert=columns.contact,
        no_header=f"{shown}: the file is empty; export your contacts as 'Google CSV' and try again",
        progress=progress,
    )


def import_google(net: Network, csv_path: str | os.PathLike[str], **options: Unpack[ImportOptions]) -> ImportReport:
    """Import a Google Contacts CSV export into a new file; see :func:`import_linkedin`.

    Labels become tags (``* myContacts`` is dropped), Relation n becomes ``knows``
    when the related person is known.
    """
    return run_import("google", parse_google, net, csv_path, **options)
