"""Imports from LinkedIn, vCard and Google Contacts into a new file of the network.

Each import reads an export file into contacts, matches them against the people
already in the network, and writes the new ones to a NEW file
(``people/linkedin-2026-11-25.yaml``) in the normal, hand-editable format. The
user's existing files are never touched:

* a contact that is already in the network (same e-mail, same LinkedIn URL, or
  same name and organization, ignoring case and spacing) is *merged*: it is not
  written again, and the report lists what the import knows that the file lacks
  (an e-mail, a URL, a newer job) so the user can copy it by hand;
* each new person gets a unique id (the slug of the name, ``-2`` on a clash);
* a bad row is reported as ``file:row: error: ...`` and skipped, the good rows
  are imported;
* before the file is placed, the whole network is loaded again together with
  the new file (from a temporary folder), and the import is refused unless it
  loads without errors and every new record reads back exactly as planned.

See ``docs/import-export.md`` for the formats and the merge rules.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..errors import GraphnetError, Problem
from ..files.loader import data_files, display_path, load
from ..files.yamlwrite import record
from ..model import ME, Network, org_key, slugify
from ..orgnames import is_not_organization

__all__ = [
    "IMPORTERS",
    "Added",
    "Contact",
    "ImportReport",
    "Merged",
    "import_contacts",
    "import_google",
    "import_linkedin",
    "import_vcard",
    "parse_google",
    "parse_linkedin",
    "parse_vcard",
]

#: ``progress(done, total)``: called a hundred times or so while rows are read.
Progress = Callable[[int, int], None]

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS = {name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)}
_LONG_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}


# -- what an import reads and what it reports ------------------------------------------------


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
    #: Per-row problems (``file:row: error: ...``) and warnings about the new file.
    problems: list[Problem] = field(default_factory=list)
    #: The text of the new file ("" when there is nothing new).
    text: str = ""

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
            "added_records": [a.to_dict() for a in self.added],
            "merged_records": [m.to_dict() for m in self.merged],
            "problems": [p.to_dict() for p in self.problems],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


# -- small normalisers -------------------------------------------------------------------------


def _first(*choices: list[str]) -> str | None:
    """The first item of the first non-empty list."""
    for items in choices:
        if items:
            return items[0]
    return None


def _clean(value: str | None) -> str | None:
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


def parse_connected_on(text: str) -> date | None:
    """LinkedIn's ``12 Mar 2024`` (also ``12-Mar-24``, ``Mar 12, 2024``, ``2024-03-12``); None if not a date."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        m = re.fullmatch(r"(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{2}|\d{4})", text)
        if m:
            day, month, year = m.group(1), m.group(2), m.group(3)
        else:
            m = re.fullmatch(r"([A-Za-z]+)\.? (\d{1,2}),? (\d{4})", text)
            if not m:
                return None
            month, day, year = m.group(1), m.group(2), m.group(3)
        number = MONTHS.get(month.casefold()[:3]) if len(month) <= 4 else _LONG_MONTHS.get(month.casefold())
        if number is None:
            return None
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        return date(full_year, number, int(day))
    except ValueError:
        return None


def _read_text(path: Path, shown: str) -> str:
    """A text file's content: UTF-8 (with or without BOM) or UTF-16 with BOM."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GraphnetError(f"cannot read {shown}: {exc.strerror or exc}") from exc
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GraphnetError(
            f"{shown} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "download the export again, or save it from a spreadsheet as 'CSV UTF-8'"
        ) from exc


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line of the row, cells) for every CSV row; quoted cells may span lines."""
    stand_in = ""
    if "\x00" in text:
        # Python 3.10's csv module refuses NUL; 3.11 reads it. Give every version 3.11's
        # behaviour: parse with a private-use character the text lacks, then put NUL back.
        stand_in = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
        text = text.replace("\x00", stand_in)
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for row in reader:
        yield start, ([cell.replace(stand_in, "\x00") for cell in row] if stand_in else row)
        start = reader.line_num + 1


class _Ticker:
    """Calls ``progress`` about a hundred times over ``total`` steps."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.step = max(self.total // 100, 1)
        self.next = self.step

    def __call__(self, done: int) -> None:
        if self.progress is not None and done >= self.next:
            self.progress(min(done, self.total), self.total)
            self.next = done + self.step

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def _row_problem(shown: str, line: int, message: str, severity: str = "error") -> Problem:
    return Problem(shown, line, 0, severity, message)  # type: ignore[arg-type]


# -- LinkedIn -------------------------------------------------------------------------------------

LINKEDIN_COLUMNS = ("first name", "last name", "url", "email address", "company", "position", "connected on")


def _header_key(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().casefold().split())


def parse_linkedin(
    text: str, shown: str, *, today: date, progress: Progress | None = None
) -> tuple[list[Contact], list[Problem], int]:
    """Contacts of a LinkedIn ``Connections.csv``, per-row problems, and the number of rows.

    The header row is found by its content, after LinkedIn's ``Notes:`` preamble.
    """
    problems: list[Problem] = []
    contacts: list[Contact] = []
    tick = _Ticker(progress, text.count("\n") + 1)
    header: dict[str, int] | None = None
    width = 0
    rows = 0
    line = 1
    try:
        for line, row in _csv_rows(text):
            tick(line)
            if header is None:
                keys = [_header_key(c) for c in row]
                if "first name" in keys and "last name" in keys:
                    header = {k: i for i, k in reversed(list(enumerate(keys))) if k}
                    width = len(row)
                    if not {"company", "position", "connected on"} & header.keys():
                        hint = " (it looks like a Google Contacts export: use `graphnet import google`)"
                        raise GraphnetError(
                            f"{shown}:{line}: the header has no Company, Position or Connected On column; "
                            f"is this LinkedIn's Connections.csv?{hint if 'labels' in header else ''}"
                        )
                continue
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            if len(row) != width and not (len(row) > width and not any(c.strip() for c in row[width:])):
                problems.append(
                    _row_problem(
                        shown,
                        line,
                        f"the row has {len(row)} values but the header has {width}; "
                        "a value holding a comma must be in double quotes; row skipped",
                    )
                )
                continue

            def cell(column: str, row: list[str] = row, columns: dict[str, int] = header) -> str | None:
                index = columns.get(column)
                return _clean(row[index]) if index is not None and index < len(row) else None

            name = " ".join(part for part in (cell("first name"), cell("last name")) if part)
            if not name:
                problems.append(
                    _row_problem(
                        shown,
                        line,
                        "the row has no First Name or Last Name (LinkedIn leaves them empty for members "
                        "who restrict their data); row skipped",
                    )
                )
                continue
            contact = Contact(row=line, name=name, org=cell("company"), role=cell("position"))
            contact.url = cell("url")
            contact.email = cell("email address")
            contact.emails = [contact.email] if contact.email else []
            contact.urls = [contact.url] if contact.url else []
            connected = cell("connected on")
            if connected is not None:
                when = parse_connected_on(connected)
                if when is None:
                    problems.append(
                        _row_problem(
                            shown,
                            line,
                            f"'Connected On' is not a date like '12 Mar 2024': '{connected}'; imported without 'met'",
                            "warning",
                        )
                    )
                elif when > today:
                    problems.append(
                        _row_problem(
                            shown,
                            line,
                            f"'Connected On' ({when}) is after today ({today}); imported without 'met'",
                            "warning",
                        )
                    )
                else:
                    contact.met = when
            contacts.append(contact)
    except csv.Error as exc:
        problems.append(
            _row_problem(shown, line, f"cannot read the CSV from here on ({exc}); an unclosed '\"' is the usual cause")
        )
    if header is None:
        raise GraphnetError(
            f"{shown}: no header row 'First Name,Last Name,URL,Email Address,Company,Position,Connected On' "
            "found; is this LinkedIn's Connections.csv (from Settings > Data privacy > Get a copy of your data)?"
        )
    tick.finish()
    return contacts, problems, rows


# -- Google Contacts -----------------------------------------------------------------------------

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


def parse_google(
    text: str, shown: str, *, today: date, progress: Progress | None = None
) -> tuple[list[Contact], list[Problem], int]:
    """Contacts of a Google Contacts CSV export ("Google CSV", old or new header)."""
    problems: list[Problem] = []
    contacts: list[Contact] = []
    tick = _Ticker(progress, text.count("\n") + 1)
    header: dict[str, int] | None = None
    numbered: dict[tuple[str, int], dict[str, int]] = {}
    width = 0
    rows = 0
    line = 1
    try:
        for line, row in _csv_rows(text):
            tick(line)
            if header is None:
                if not any(c.strip() for c in row):
                    continue
                keys = [_header_key(c) for c in row]
                header = {k: i for i, k in reversed(list(enumerate(keys))) if k}
                width = len(row)
                if "connected on" in header or (keys[:1] == ["notes:"] and "Connected On" in text):
                    raise GraphnetError(
                        f"{shown}:{line}: this looks like LinkedIn's Connections.csv; use `graphnet import linkedin`"
                    )
                if not any(k in header for k in _GOOGLE_NAME_COLUMNS):
                    raise GraphnetError(
                        f"{shown}:{line}: no 'First Name' column; is this a Google Contacts CSV export?"
                    )
                for key, index in header.items():
                    m = _NUMBERED.fullmatch(key)
                    if m:
                        part = "label" if m.group(3) == "type" else m.group(3)
                        numbered.setdefault((m.group(1), int(m.group(2))), {})[part] = index
                continue
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            if len(row) != width and not (len(row) > width and not any(c.strip() for c in row[width:])):
                problems.append(
                    _row_problem(
                        shown,
                        line,
                        f"the row has {len(row)} values but the header has {width}; "
                        "a value holding a comma must be in double quotes; row skipped",
                    )
                )
                continue

            def cell(*names: str, row: list[str] = row, columns: dict[str, int] = header) -> str | None:
                for column in names:
                    index = columns.get(column)
                    if index is not None and index < len(row):
                        value = _clean(row[index])
                        if value is not None:
                            return value
                return None

            def values(kind: str, row: list[str] = row) -> list[tuple[str, str | None]]:
                found: list[tuple[str, str | None]] = []
                for (what, _n), parts in sorted(numbered.items(), key=lambda kv: kv[0][1]):
                    if what != kind or "value" not in parts:
                        continue
                    raw = row[parts["value"]] if parts["value"] < len(row) else ""
                    label = _clean(row[parts["label"]]) if "label" in parts and parts["label"] < len(row) else None
                    for piece in raw.split(":::"):
                        value = _clean(piece)
                        if value is not None:
                            found.append((value, label))
                return found

            parts = [
                cell("first name", "given name"),
                cell("middle name", "additional name"),
                cell("last name", "family name"),
            ]
            name = " ".join(p for p in parts if p) or cell("name", "nickname", "file as")
            org = cell("organization name", "organization 1 - name")
            if not name:
                what = f", only the organization '{org}'" if org else ""
                problems.append(_row_problem(shown, line, f"the contact has no name{what}; row skipped"))
                continue
            contact = Contact(row=line, name=name, org=org)
            if parts[1] and parts[0] and parts[2]:
                contact.other_names = [f"{parts[0]} {parts[2]}"]
            contact.role = cell("organization title", "organization 1 - title")
            contact.department = cell("organization department", "organization 1 - department")
            contact.tags = _google_labels(cell("labels", "group membership"))
            extras: list[str] = []
            emails = values("e-mail")
            contact.emails = [v for v, _ in emails]
            primary = [v for v, label in emails if label and label.startswith("*")]
            contact.email = _first(primary, contact.emails)
            extras += [
                f"e-mail: {v}" + (f" ({lb.lstrip('* ')})" if lb else "") for v, lb in emails if v != contact.email
            ]
            phones = values("phone")
            primary = [v for v, label in phones if label and label.startswith("*")]
            contact.phone = _first(primary, [v for v, _ in phones])
            extras += [
                f"phone: {v}" + (f" ({lb.lstrip('* ')})" if lb else "") for v, lb in phones if v != contact.phone
            ]
            sites = [v for v, _ in values("website")]
            contact.urls = sites
            linkedin = [s for s in sites if "linkedin.com/" in s.casefold()]
            contact.url = _first(linkedin, sites)
            extras += [f"website: {s}" for s in sites if s != contact.url]
            for value, label in values("relation"):
                contact.related.append(Related(value, "email" if "@" in value and " " not in value else "name", label))
            notes = cell("notes")
            if extras:
                notes = "\n".join([*([notes] if notes else []), *extras])
            contact.notes = notes
            contacts.append(contact)
    except csv.Error as exc:
        problems.append(
            _row_problem(shown, line, f"cannot read the CSV from here on ({exc}); an unclosed '\"' is the usual cause")
        )
    if header is None:
        raise GraphnetError(f"{shown}: the file is empty; export your contacts as 'Google CSV' and try again")
    tick.finish()
    return contacts, problems, rows


# -- vCard ------------------------------------------------------------------------------------------

_AB_LABEL = re.compile(r"_\$!<(.*)>!\$_")


def _split_cards(text: str) -> Iterator[tuple[int, str]]:
    """(line of BEGIN:VCARD, text of the card) for each top-level card."""
    lines = text.splitlines()
    depth = 0
    start = 0
    for i, raw in enumerate(lines):
        upper = raw.strip().upper()
        if upper == "BEGIN:VCARD":
            if depth == 0:
                start = i
            depth += 1
        elif upper == "END:VCARD" and depth > 0:
            depth -= 1
            if depth == 0:
                yield start + 1, "\r\n".join(lines[start : i + 1]) + "\r\n"
    if depth > 0:
        yield start + 1, "\r\n".join(lines[start:]) + "\r\n"


def _text_value(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        value = ",".join(str(v) for v in value if v)
    return _clean(str(value)) if value is not None else None


def _params(line: Any, name: str) -> list[str]:
    found: list[str] = []
    for value in line.params.get(name, []):
        found.extend(v.strip().casefold() for v in str(value).split(",") if v.strip())
    return found


def _is_pref(line: Any) -> bool:
    return "pref" in _params(line, "TYPE") or bool(line.params.get("PREF"))


def _related(value: str, label: str | None, is_text: bool) -> Related:
    text = value.strip()
    lower = text.casefold()
    if not is_text:
        if lower.startswith("urn:uuid:"):
            return Related(text[9:].strip().casefold(), "uid", label)
        if lower.startswith("mailto:"):
            return Related(norm_email(text), "email", label)
        if lower.startswith(("http://", "https://")):
            return Related(text, "url", label)
    if "@" in text and " " not in text:
        return Related(norm_email(text), "email", label)
    return Related(text, "name", label)


def _card(component: Any, row: int, shown: str, problems: list[Problem]) -> Contact | None:
    lines: dict[str, list[Any]] = {}
    for child in component.getChildren():
        lines.setdefault(child.name.upper(), []).append(child)

    def first(name: str) -> Any:
        return lines[name][0] if lines.get(name) else None

    kind_line = first("KIND")
    kind = str(kind_line.value).strip().casefold() if kind_line is not None else "individual"
    show_as = first("X-ABSHOWAS")
    if show_as is not None and str(show_as.value).strip().casefold() == "company":
        kind = "org"
    org_line = first("ORG")
    org_parts: list[str] = []
    if org_line is not None:
        value = org_line.value
        org_parts = [str(v).strip() for v in (value if isinstance(value, (list, tuple)) else [value])]
    name = _text_value(first("FN").value) if first("FN") is not None else None
    if not name and first("N") is not None:
        n = first("N").value
        pieces = [getattr(n, a, "") for a in ("prefix", "given", "additional", "family", "suffix")]
        flat = [" ".join(p) if isinstance(p, (list, tuple)) else str(p) for p in pieces]
        name = _clean(" ".join(p.strip() for p in flat if p and p.strip()))
    other_names: list[str] = []
    if first("N") is not None:
        n = first("N").value
        given, family = (getattr(n, a, "") for a in ("given", "family"))
        given = " ".join(given) if isinstance(given, (list, tuple)) else str(given)
        family = " ".join(family) if isinstance(family, (list, tuple)) else str(family)
        if given.strip() and family.strip():
            other_names.append(f"{given.strip()} {family.strip()}")
    if kind == "org" and org_parts and org_parts[0]:
        name = org_parts[0] if not name or show_as is not None else name
    if not name:
        problems.append(_row_problem(shown, row, "the card has no name (FN or N); card skipped"))
        return None
    if kind in ("org", "organization"):
        contact = Contact(row=row, name=name, kind="organization")
    elif kind == "group":
        contact = Contact(row=row, name=name, kind="group")
    elif kind in ("individual", "location", ""):
        contact = Contact(row=row, name=name)
        if org_parts and org_parts[0]:
            contact.org = org_parts[0]
            if len(org_parts) > 1 and org_parts[1]:
                contact.department = org_parts[1]
    else:
        contact = Contact(row=row, name=name)
        problems.append(_row_problem(shown, row, f"unknown KIND '{kind}'; imported as a person", "warning"))
    contact.other_names = [n for n in other_names if norm_name(n) != norm_name(name)]
    uid = first("UID")
    if uid is not None and str(uid.value).strip():
        contact.uid = str(uid.value).strip().casefold().removeprefix("urn:uuid:")
    title = first("TITLE") or first("ROLE")
    if title is not None and contact.kind == "person":
        contact.role = _text_value(title.value)
    extras: list[str] = []
    emails = sorted(lines.get("EMAIL", []), key=lambda ln: not _is_pref(ln))
    contact.emails = [e for e in (_clean(str(ln.value).removeprefix("mailto:")) for ln in emails) if e]
    contact.email = contact.emails[0] if contact.emails else None
    extras += [f"e-mail: {e}" for e in contact.emails[1:]]
    phones = sorted(lines.get("TEL", []), key=lambda ln: not _is_pref(ln))
    numbers = [p for p in (_clean(str(ln.value).removeprefix("tel:")) for ln in phones) if p]
    contact.phone = numbers[0] if numbers else None
    extras += [f"phone: {p}" for p in numbers[1:]]
    urls = [u for u in (_clean(str(ln.value)) for ln in lines.get("URL", [])) if u]
    for social in lines.get("X-SOCIALPROFILE", []):
        value = _clean(str(social.value))
        if value and value.casefold().startswith(("http://", "https://")):
            urls.append(value)
    contact.urls = urls
    linkedin = [u for u in urls if "linkedin.com/" in u.casefold()]
    contact.url = _first(linkedin, urls)
    extras += [f"website: {u}" for u in urls if u != contact.url]
    notes = _text_value(first("NOTE").value) if first("NOTE") is not None else None
    if extras and contact.kind == "person":
        notes = "\n".join([*([notes] if notes else []), *extras])
    contact.notes = notes
    for line in lines.get("CATEGORIES", []):
        values = line.value if isinstance(line.value, (list, tuple)) else str(line.value).split(",")
        for value in values:
            tag = str(value).strip()
            if tag and tag.casefold() not in ("mycontacts", "starred") and tag not in contact.tags:
                contact.tags.append(tag)
    for line in lines.get("RELATED", []):
        is_text = "text" in _params(line, "VALUE")
        label = ", ".join(_params(line, "TYPE")) or None
        if _clean(str(line.value)):
            contact.related.append(_related(str(line.value), label, is_text))
    labels = {ln.group.casefold(): _clean(str(ln.value)) for ln in lines.get("X-ABLABEL", []) if ln.group}
    for line in lines.get("X-ABRELATEDNAMES", []):
        label = labels.get(line.group.casefold()) if line.group else None
        if label:
            m = _AB_LABEL.fullmatch(label)
            label = (m.group(1) if m else label).casefold()
        if _clean(str(line.value)):
            contact.related.append(Related(str(line.value).strip(), "name", label))
    for old, label in (("X-MANAGER", "manager"), ("X-ASSISTANT", "assistant"), ("X-SPOUSE", "spouse")):
        for line in lines.get(old, []):
            if _clean(str(line.value)):
                contact.related.append(Related(str(line.value).strip(), "name", label))
    for line in lines.get("MEMBER", []):
        if _clean(str(line.value)):
            contact.members.append(_related(str(line.value), None, False))
    return contact


def parse_vcard(
    text: str, shown: str, *, today: date, progress: Progress | None = None
) -> tuple[list[Contact], list[Problem], int]:
    """Contacts of a ``.vcf`` file (vCard 3.0 or 4.0; Apple's and Google's extensions)."""
    import vobject

    problems: list[Problem] = []
    contacts: list[Contact] = []
    cards = list(_split_cards(text))
    if not cards:
        raise GraphnetError(f"{shown}: no BEGIN:VCARD found; is this a vCard (.vcf) file?")
    tick = _Ticker(progress, len(cards))
    for number, (row, card) in enumerate(cards, 1):
        tick(number)
        try:
            component = vobject.readOne(card, ignoreUnreadable=True)
        except Exception as exc:  # vobject raises many kinds of errors on bad input
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            problems.append(_row_problem(shown, row, f"the card cannot be read ({message}); card skipped"))
            continue
        try:
            contact = _card(component, row, shown, problems)
        except Exception as exc:
            problems.append(
                _row_problem(shown, row, f"the card cannot be read ({type(exc).__name__}: {exc}); card skipped")
            )
            continue
        if contact is not None:
            contacts.append(contact)
    tick.finish()
    return contacts, problems, len(cards)


# -- matching, ids and the new file ----------------------------------------------------------------


def _unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


class _OrgResolver:
    """Which organization a company name means, and the text that makes the loader agree."""

    def __init__(self, net: Network, taken: set[str]) -> None:
        self.net = net
        self.taken = taken
        self.ids = set(net.organizations)
        self.exact: dict[str, str] = {}
        self.keys: dict[str, str] = {}
        self.loader_names: dict[str, str] = {}  # what the loader's name lookup gives
        for org in net.organizations.values():
            self.exact.setdefault(org.id.casefold(), org.id)
            for text in (org.name, *org.aliases):
                self.exact.setdefault(text.strip().casefold(), org.id)
                self.loader_names.setdefault(text.strip().casefold(), org.id)
            for text in (org.name, *org.aliases):
                key = org_key(text)
                if key:
                    self.keys.setdefault(key, org.id)
        #: org_key -> (canonical text, id) of organizations new in this import
        self.new: dict[str, tuple[str, str]] = {}
        #: organizations that must be declared in the new file: id -> name
        self.declared: dict[str, str] = {}
        self.new_ids: set[str] = set()
        self.resolved: dict[str, tuple[str, str]] = {}

    def existing(self, text: str) -> str | None:
        """The id of the existing organization ``text`` names, if any."""
        if text in self.ids:
            return text
        folded = text.strip().casefold()
        found = self.exact.get(folded)
        if found is not None:
            return found
        slug = slugify(text)
        if slug in self.ids:
            return slug
        key = org_key(text)
        return self.keys.get(key) if key else None

    def loader_id(self, text: str) -> str | None:
        """The organization id the loader gives ``text`` (mirrors ``loader._Builder.finish``)."""
        if text in self.ids:
            return text
        found = self.loader_names.get(text.strip().casefold())
        if found is not None:
            return found
        slug = slugify(text)
        return slug if slug in self.ids else None

    def text_for(self, org_id: str) -> str:
        """What to write as ``org:`` to mean ``org_id``: its name when that is unambiguous."""
        name = self.net.organizations[org_id].name
        return name if self.loader_id(name) == org_id else org_id

    def declare(self, name: str) -> str:
        """A new organization declared in the new file (an organization card, or a clash)."""
        ident = _unique(slugify(name) or "organization", self.taken)
        self.taken.add(ident)
        self.declared[ident] = name
        self.new_ids.add(ident)
        key = org_key(name) or f"\0{name.casefold()}"
        self.new.setdefault(key, (name, ident))
        return ident

    def resolve(self, text: str) -> tuple[str, str]:
        """(id, text to write) for the company ``text``, creating a new organization if needed."""
        known = self.resolved.get(text)
        if known is None:
            known = self.resolved[text] = self._resolve(text)
        return known

    def _resolve(self, text: str) -> tuple[str, str]:
        found = self.existing(text)
        if found is not None:
            return found, self.text_for(found)
        key = org_key(text) or f"\0{text.strip().casefold()}"
        known = self.new.get(key)
        if known is not None:
            return known[1], known[0]
        canonical = text.strip()
        slug = slugify(canonical)
        if slug and slug not in self.taken:
            # The loader creates this organization from the name (an undeclared organization).
            self.taken.add(slug)
            self.new_ids.add(slug)
            self.new[key] = (canonical, slug)
            return slug, canonical
        ident = self.declare(canonical)
        return ident, canonical


@dataclass
class _Planned:
    contact: Contact
    id: str
    org_id: str | None = None
    org_text: str | None = None
    knows: list[tuple[str, str | None]] = field(default_factory=list)
    members: list[str] = field(default_factory=list)


class _Planner:
    """Matches contacts with the network and with each other, and gives new ones ids."""

    def __init__(self, net: Network, shown: str, strength: int) -> None:
        self.net = net
        self.shown = shown
        self.strength = strength
        self.taken: set[str] = {ME, *net.people, *net.organizations, *net.groups}
        self.orgs = _OrgResolver(net, self.taken)
        self.problems: list[Problem] = []
        self.merged: list[Merged] = []
        self.planned: list[_Planned] = []
        self.by_email: dict[str, str] = {}
        self.by_url: dict[str, str] = {}
        self.by_name_org: dict[tuple[str, str], str] = {}
        self.by_name: dict[str, list[str]] = {}
        for person in net.people.values():
            for email in person.emails:
                self.by_email.setdefault(norm_email(email), person.id)
            if person.url:
                self.by_url.setdefault(norm_url(person.url), person.id)
            key = norm_name(person.name)
            self.by_name.setdefault(key, []).append(person.id)
            if person.org:
                self.by_name_org.setdefault((key, person.org), person.id)
        # the same keys for contacts new in this import: key -> planned index
        self.new_email: dict[str, int] = {}
        self.new_url: dict[str, int] = {}
        self.new_name_org: dict[tuple[str, str], int] = {}
        self.new_names: dict[str, list[int]] = {}
        self.new_uids: dict[str, str] = {}  # vCard UID -> id (new or existing)
        self.contact_ids: list[tuple[Contact, str]] = []  # every contact and the id it ended as
        # id(contact) -> (org id, text to write); no id for "Self-employed" and the like (graphnet.orgnames)
        self.org_of: dict[int, tuple[str | None, str]] = {}

    def warn(self, row: int, message: str) -> None:
        self.problems.append(_row_problem(self.shown, row, message, "warning"))

    def run(self, contacts: Sequence[Contact]) -> None:
        # Organizations first: their names are the canonical spellings, and their ids are taken
        # before people's, so that "Jane Doe" the freelancer's company keeps the id 'jane-doe'.
        for contact in contacts:
            if contact.kind == "organization":
                self.organization(contact)
        for contact in contacts:
            if contact.kind == "person" and contact.org is not None:
                if is_not_organization(contact.org, self.net.me.not_organizations):
                    self.org_of[id(contact)] = (None, contact.org)
                else:
                    self.org_of[id(contact)] = self.orgs.resolve(contact.org)
        for contact in contacts:
            if contact.kind == "person":
                self.person(contact)
        for contact in contacts:
            if contact.kind == "group":
                self.group(contact)
        self.link()

    def organization(self, contact: Contact) -> None:
        found = self.orgs.existing(contact.name)
        if found is not None:
            org = self.net.organizations[found]
            missing = {}
            if contact.notes and not org.notes:
                missing["notes"] = contact.notes
            self.merged.append(
                Merged(contact.row, found, org.name, "same organization name", str(org.source), "organization", missing)
            )
            return
        key = org_key(contact.name) or f"\0{contact.name.casefold()}"
        known = self.orgs.new.get(key)
        if known is not None:
            self.merged.append(
                Merged(
                    contact.row,
                    known[1],
                    known[0],
                    "same organization earlier in this file",
                    "new in this import",
                    "organization",
                )
            )
            return
        ident = self.orgs.declare(contact.name)
        self.planned.append(_Planned(contact, ident))

    def group(self, contact: Contact) -> None:
        folded = norm_name(contact.name)
        for group in self.net.groups.values():
            if norm_name(group.name) == folded:
                self.merged.append(
                    Merged(contact.row, group.id, group.name, "same group name", str(group.source), "group")
                )
                self.contact_ids.append((contact, group.id))
                return
        ident = _unique(slugify(contact.name) or "group", self.taken)
        self.taken.add(ident)
        self.planned.append(_Planned(contact, ident))
        self.contact_ids.append((contact, ident))

    def _existing_match(self, contact: Contact, org_id: str | None) -> tuple[str, str] | None:
        for email in contact.emails:
            found = self.by_email.get(norm_email(email))
            if found:
                return found, "same e-mail"
        for url in contact.urls:
            found = self.by_url.get(norm_url(url))
            if found:
                return found, "same URL"
        if org_id is not None:
            for name in (contact.name, *contact.other_names):
                found = self.by_name_org.get((norm_name(name), org_id))
                if found:
                    return found, "same name and organization"
        return None

    def _new_match(self, contact: Contact, org_id: str | None) -> tuple[int, str] | None:
        for email in contact.emails:
            found = self.new_email.get(norm_email(email))
            if found is not None:
                return found, "same e-mail"
        for url in contact.urls:
            found = self.new_url.get(norm_url(url))
            if found is not None:
                return found, "same URL"
        if org_id is not None:
            for name in (contact.name, *contact.other_names):
                found = self.new_name_org.get((norm_name(name), org_id))
                if found is not None:
                    return found, "same name and organization"
        return None

    def person(self, contact: Contact) -> None:
        org_id, org_text = self.org_of.get(id(contact), (None, None))
        existing = self._existing_match(contact, org_id)
        if existing is not None:
            ident, reason = existing
            self.merged.append(self._merge_existing(contact, ident, reason, org_id))
            self.contact_ids.append((contact, ident))
            return
        earlier = self._new_match(contact, org_id)
        if earlier is not None:
            index, reason = earlier
            first = self.planned[index]
            self._fill(first, contact)
            self.merged.append(
                Merged(
                    contact.row,
                    first.id,
                    first.contact.name,
                    f"{reason} as row {first.contact.row} of this file",
                    "new in this import",
                )
            )
            self.contact_ids.append((contact, first.id))
            return
        key = norm_name(contact.name)
        base = slugify(contact.name) or "contact"
        ident = _unique(base, self.taken)
        self.taken.add(ident)
        same_name = self.by_name.get(key, [])
        if same_name:
            others = ", ".join(
                f"'{p}'" + (f" at {self.net.name_of(self.net.people[p].org or '')}" if self.net.people[p].org else "")
                for p in same_name[:3]
            )
            self.warn(
                contact.row,
                f"{contact.name} has the name of {others} already in the network, but no e-mail, URL or "
                f"organization in common; added as '{ident}'. If they are one person, merge the two by hand",
            )
        index = len(self.planned)
        planned = _Planned(contact, ident, org_id, org_text)
        self.planned.append(planned)
        self.contact_ids.append((contact, ident))
        for email in contact.emails:
            self.new_email.setdefault(norm_email(email), index)
        for url in contact.urls:
            self.new_url.setdefault(norm_url(url), index)
        if org_id is not None:
            self.new_name_org.setdefault((key, org_id), index)
        self.new_names.setdefault(key, []).append(index)

    def _fill(self, first: _Planned, other: Contact) -> None:
        """A duplicate row of the same file completes the first one's empty fields."""
        target = first.contact
        for name in ("role", "department", "email", "phone", "url", "notes", "met"):
            if getattr(target, name) is None and getattr(other, name) is not None:
                setattr(target, name, getattr(other, name))
        if first.org_id is None and other.org is not None:
            first.org_id, first.org_text = self.org_of[id(other)]
        for name in ("tags", "circles"):
            values = getattr(target, name)
            values.extend(v for v in getattr(other, name) if v not in values)
        target.emails.extend(e for e in other.emails if e not in target.emails)
        target.urls.extend(u for u in other.urls if u not in target.urls)
        target.related.extend(other.related)

    def _merge_existing(self, contact: Contact, ident: str, reason: str, org_id: str | None) -> Merged:
        person = self.net.people[ident]
        missing: dict[str, Any] = {}
        differs: dict[str, tuple[Any, Any]] = {}
        if contact.org is not None:
            if person.org is None:
                missing["org"] = contact.org
            elif org_id != person.org:
                differs["org"] = (self.net.name_of(person.org), contact.org)
        for name in ("role", "department", "email", "phone", "url", "notes", "met"):
            mine = getattr(person, name)
            theirs = getattr(contact, name)
            if theirs is None:
                continue
            if mine is None:
                missing[name] = theirs
            elif _differ(name, mine, theirs):
                differs[name] = (mine, theirs)
        for name in ("tags", "circles"):
            have = {v.casefold() for v in getattr(person, name)}
            extra = [v for v in getattr(contact, name) if v.casefold() not in have]
            if extra:
                missing[name] = extra
        return Merged(contact.row, ident, person.name, reason, str(person.source), "person", missing, differs)

    def _target(self, related: Related, me: Contact) -> str | None:
        """The id a RELATED/MEMBER/Relation reference names, if known."""
        if related.how == "uid":
            return self.new_uids.get(related.value)
        if related.how == "email":
            found = self.by_email.get(related.value)
            if found is None and related.value in self.new_email:
                found = self.planned[self.new_email[related.value]].id
            return found
        if related.how == "url":
            key = norm_url(related.value)
            found = self.by_url.get(key)
            if found is None and key in self.new_url:
                found = self.planned[self.new_url[key]].id
            return found
        key = norm_name(related.value)
        new = self.new_names.get(key, [])
        if len(new) == 1:
            return self.planned[new[0]].id
        existing = self.by_name.get(key, [])
        if len(existing) == 1 and not new:
            return existing[0]
        ident = related.value.strip()
        return ident if ident in self.net.people else None

    def link(self) -> None:
        """Resolve RELATED / Relation references into ``knows``, and MEMBER into members."""
        for contact, ident in self.contact_ids:
            if contact.uid:
                self.new_uids.setdefault(contact.uid, ident)
        planned_by_id = {p.id: p for p in self.planned}
        merged_by_row = {(m.row, m.id): m for m in self.merged}
        for contact, ident in self.contact_ids:
            if not contact.related and not contact.members:
                continue
            for related in contact.related:
                target = self._target(related, contact)
                if target is None or target == ident:
                    if target is None:
                        self.warn(
                            contact.row,
                            f"{contact.name}'s related '{related.value}'"
                            + (f" ({related.label})" if related.label else "")
                            + " is neither in the network nor in this file; not linked",
                        )
                    continue
                planned = planned_by_id.get(ident)
                if planned is not None and planned.contact is contact:
                    if all(t != target for t, _ in planned.knows):
                        planned.knows.append((target, related.label))
                    continue
                if planned is not None:  # a duplicate row of a new person
                    if all(t != target for t, _ in planned.knows):
                        planned.knows.append((target, related.label))
                    continue
                merged = merged_by_row.get((contact.row, ident))
                person = self.net.people.get(ident)
                if merged is not None and person is not None and all(t.other != target for t in person.knows):
                    known = merged.missing.setdefault("knows", [])
                    if target not in known:
                        known.append(target)
            if contact.kind == "group":
                planned = planned_by_id.get(ident)
                for member in contact.members:
                    target = self._target(member, contact)
                    if target is None:
                        self.warn(contact.row, f"member '{member.value}' of {contact.name} is not known; left out")
                    elif planned is not None and target not in planned.members:
                        planned.members.append(target)


def _differ(name: str, mine: Any, theirs: Any) -> bool:
    if name in ("role", "department"):
        return norm_name(mine) != norm_name(theirs)
    if name == "email":
        return norm_email(mine) != norm_email(theirs)
    if name == "url":
        return norm_url(mine) != norm_url(theirs)
    return False


def _person_fields(p: _Planned, strength: int) -> list[tuple[str, Any]]:
    c = p.contact
    knows: list[Any] = [{"id": t, "note": label} if label else t for t, label in p.knows]
    return [
        ("id", p.id if p.id != slugify(c.name) else None),
        ("name", c.name),
        ("org", p.org_text),
        ("role", c.role),
        ("department", c.department),
        ("circles", c.circles or None),
        ("tags", c.tags or None),
        ("strength", c.strength if c.strength is not None else strength),
        ("met", c.met),
        ("knows", knows or None),
        ("email", c.email),
        ("phone", c.phone),
        ("url", c.url),
        ("notes", c.notes),
    ]


def _safe_comment(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _render(kind: str, source: Path, today: date, planner: _Planner, strength: int) -> tuple[str, list[Added]]:
    added: list[Added] = []
    org_parts: list[str] = []
    cards = {p.id: p.contact for p in planner.planned if p.contact.kind == "organization"}
    for ident, name in planner.orgs.declared.items():
        contact = cards.get(ident)
        fields: list[tuple[str, Any]] = [
            ("id", ident if ident != slugify(name) else None),
            ("name", name),
            ("notes", contact.notes if contact else None),
        ]
        org_parts.append(record(fields, prefix="  "))
        added.append(Added(contact.row if contact else 0, ident, name, "organization", fields))
    people_parts: list[str] = []
    group_parts: list[str] = []
    for p in planner.planned:
        if p.contact.kind == "person":
            fields = _person_fields(p, strength)
            people_parts.append(record(fields, prefix="  "))
            added.append(Added(p.contact.row, p.id, p.contact.name, "person", fields))
        elif p.contact.kind == "group":
            fields = [
                ("id", p.id if p.id != slugify(p.contact.name) else None),
                ("name", p.contact.name),
                ("members", p.members or None),
                ("notes", p.contact.notes),
            ]
            group_parts.append(record(fields, prefix="  "))
            added.append(Added(p.contact.row, p.id, p.contact.name, "group", fields))
    if not added:
        return "", added
    people = sum(1 for a in added if a.kind == "person")
    others = len(planner.merged)
    header = [
        f"# Imported by `graphnet import {kind}` on {today.isoformat()} from {_safe_comment(source.name)}:",
        f"# {people} new {'person' if people == 1 else 'people'}"
        + (f"; {others} already in the network (or repeated in the export) are not repeated here" if others else "")
        + ".",
        "# These records are yours now: edit, move or split them like any other.",
        "",
    ]
    sections = []
    if org_parts:
        sections.append("organizations:\n" + "\n".join(org_parts))
    if people_parts:
        sections.append("people:\n" + "\n".join(people_parts))
    if group_parts:
        sections.append("groups:\n" + "\n".join(group_parts))
    return "\n".join(header) + "\n" + "\n".join(sections), added


# -- verification and placing the file ----------------------------------------------------------------


def _output_path(root: Path, kind: str, today: date, output: str | os.PathLike[str] | None) -> Path:
    if output is not None:
        path = Path(output)
        if not path.is_absolute():
            path = root / path
        if path.suffix not in (".yaml", ".yml"):
            raise GraphnetError(f"--file {output}: an import writes a .yaml file; give a name ending in .yaml")
        try:
            rel = path.resolve().relative_to(root.resolve())
        except ValueError:
            raise GraphnetError(
                f"--file {output}: the file must be inside the network folder {display_path(root)}, "
                "or graphnet would not read it"
            ) from None
        if any(part.startswith(".") for part in rel.parts):
            raise GraphnetError(f"--file {output}: graphnet skips hidden files and folders; choose another name")
        if path.exists():
            raise GraphnetError(
                f"--file {output}: the file exists; an import always writes a new file (never edits yours)"
            )
        return path
    base = root / "people" / f"{kind}-{today.isoformat()}"
    path = base.with_suffix(".yaml")
    n = 2
    while path.exists() or path.is_symlink():
        path = Path(f"{base}-{n}.yaml")
        n += 1
    return path


def _shadow_load(root: Path, target: Path, text: str, today: date, use_cache: bool) -> tuple[Network, list[Problem]]:
    """Load the network as it would be with ``text`` written at ``target``, without writing there."""
    rel = target.resolve().relative_to(root.resolve())
    shown_new = display_path(target)
    with tempfile.TemporaryDirectory(prefix="graphnet-import-") as tmp:
        shadow = Path(tmp) / "net"
        shadow.mkdir()
        for path in data_files(root):
            link = shadow / path.relative_to(root)
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.symlink(path.resolve(), link)
            except OSError:  # no symlinks here (Windows without the right): copy instead
                shutil.copyfile(path, link)
        new = shadow / rel
        new.parent.mkdir(parents=True, exist_ok=True)
        new.write_text(text, encoding="utf-8", newline="")
        shown_tmp = display_path(new)
        loaded, problems = load(shadow, today=today, use_cache=use_cache)
    fixed = [
        Problem(shown_new, p.line, p.column, p.severity, p.message) if p.path == shown_tmp else p for p in problems
    ]
    return loaded, fixed


def _check_round_trip(loaded: Network, planner: _Planner, added: list[Added], strength: int) -> None:
    """Every new record must read back exactly as planned."""
    planned = {p.id: p for p in planner.planned}

    def mismatch(ident: str, what: str, want: Any, got: Any) -> GraphnetError:
        return GraphnetError(
            f"internal error: the new record '{ident}' would read back with {what} {got!r} instead of {want!r}; "
            "nothing was written. Please report this with the row that caused it"
        )

    for item in added:
        if item.kind == "person":
            p = planned[item.id]
            person = loaded.people.get(item.id)
            if person is None:
                raise mismatch(item.id, "no record", item.id, None)
            c = p.contact
            want: dict[str, Any] = {
                "name": c.name,
                "org": p.org_id,
                "role": c.role,
                "department": c.department,
                "circles": c.circles,
                "tags": c.tags,
                "strength": c.strength if c.strength is not None else strength,
                "met": c.met,
                "email": c.email,
                "phone": c.phone,
                "url": c.url,
                "notes": c.notes,
            }
            for key, value in want.items():
                if getattr(person, key) != value:
                    raise mismatch(item.id, key, value, getattr(person, key))
            got_knows = [(t.other, t.note) for t in person.knows]
            if got_knows != p.knows:
                raise mismatch(item.id, "knows", p.knows, got_knows)
        elif item.kind == "organization":
            org = loaded.organizations.get(item.id)
            if org is None or org.name != item.name:
                raise mismatch(item.id, "name", item.name, org.name if org else None)
        else:
            group = loaded.groups.get(item.id)
            if group is None or group.name != item.name:
                raise mismatch(item.id, "name", item.name, group.name if group else None)


Parser = Callable[..., tuple[list[Contact], list[Problem], int]]


def _import(
    kind: str,
    parser: Parser,
    net: Network,
    path: str | os.PathLike[str],
    *,
    strength: int,
    today: date,
    dry_run: bool,
    progress: Progress | None,
    output: str | os.PathLike[str] | None,
    use_cache: bool,
) -> ImportReport:
    if not 0 <= strength <= 5:
        raise GraphnetError(f"--strength must be from 0 to 5, not {strength}")
    source = Path(path)
    shown = display_path(source)
    if not source.is_file():
        raise GraphnetError(f"{shown}: no such file")
    text = _read_text(source, shown)
    contacts, problems, rows = parser(text, shown, today=today, progress=progress)
    return import_contacts(
        kind,
        contacts,
        net,
        source,
        problems=problems,
        rows=rows,
        strength=strength,
        today=today,
        dry_run=dry_run,
        output=output,
        use_cache=use_cache,
    )


def import_contacts(
    kind: str,
    contacts: Sequence[Contact],
    net: Network,
    source: Path,
    *,
    problems: list[Problem],
    rows: int,
    strength: int,
    today: date,
    dry_run: bool,
    output: str | os.PathLike[str] | None,
    use_cache: bool,
) -> ImportReport:
    """Match ``contacts`` read from ``source`` against ``net`` and write the new ones to a new file.

    The second half of every contact import (also used by ``import mail|calendar --add-unknown``):
    see the module's description for the matching, the file, and the verification.
    """
    shown = display_path(source)
    planner = _Planner(net, shown, strength)
    planner.run(contacts)
    target = _output_path(net.root, kind, today, output)
    body, added = _render(kind, source, today, planner, strength)
    skipped = sum(1 for p in problems if p.is_error)
    report = ImportReport(
        kind=kind,
        source=shown,
        output=target if body else None,
        dry_run=dry_run,
        rows=rows,
        added=added,
        merged=planner.merged,
        skipped=skipped,
        problems=sorted(problems + planner.problems, key=lambda p: (p.line, p.severity != "error")),
        text=body,
    )
    if not body:
        return report
    loaded, after = _shadow_load(net.root, target, body, today, use_cache)
    errors = [p for p in after if p.is_error]
    if errors:
        shown_errors = "\n".join(str(p) for p in errors[:10])
        more = f"\n(and {len(errors) - 10} more)" if len(errors) > 10 else ""
        raise GraphnetError(
            f"the network would not load cleanly with the imported file, so nothing was written:\n{shown_errors}{more}"
        )
    _check_round_trip(loaded, planner, added, strength)
    shown_target = display_path(target)
    report.problems.extend(p for p in after if p.path == shown_target)
    if dry_run:
        return report
    from ..files.fileio import write_new_file

    target.parent.mkdir(parents=True, exist_ok=True)
    write_new_file(target, body)
    return report


def import_linkedin(
    net: Network,
    csv_path: str | os.PathLike[str],
    *,
    strength: int = 1,
    today: date,
    dry_run: bool = False,
    progress: Progress | None = None,
    output: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
) -> ImportReport:
    """Import LinkedIn's ``Connections.csv`` into a new file of ``net``'s folder.

    Parameters
    ----------
    net : Network
        The loaded network (its folder receives the new file).
    csv_path : path
        The export (``Connections.csv`` from LinkedIn's "Get a copy of your data").
    strength : int
        Declared strength of the new people (default 1, "met once").
    today : date
        Date of the import: the file name, and the latest allowed ``met``.
    dry_run : bool
        Plan and verify everything, write nothing (the text is in the report).
    progress : callable, optional
        ``progress(done, total)`` while rows are read.
    output : path, optional
        The new file (relative to the network folder); default
        ``people/linkedin-YYYY-MM-DD.yaml`` (``-2`` ... if it exists).

    Returns
    -------
    ImportReport
        Added, merged and skipped records, per-row problems, and the file's text.

    Notes
    -----
    O(R + P) for R rows and P people in the network, plus one load of the
    network with the new file to verify it.
    """
    return _import(
        "linkedin",
        parse_linkedin,
        net,
        csv_path,
        strength=strength,
        today=today,
        dry_run=dry_run,
        progress=progress,
        output=output,
        use_cache=use_cache,
    )


def import_vcard(
    net: Network,
    vcf_path: str | os.PathLike[str],
    *,
    strength: int = 2,
    today: date,
    dry_run: bool = False,
    progress: Progress | None = None,
    output: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
) -> ImportReport:
    """Import a vCard file (3.0 or 4.0) into a new file; see :func:`import_linkedin`.

    ``KIND:org`` cards (and Apple's ``X-ABShowAs:COMPANY``) become organizations,
    ``KIND:group`` cards groups; ``RELATED`` and Apple's ``X-ABRELATEDNAMES``
    become ``knows`` entries when the other side is in the network or the file.
    """
    return _import(
        "vcard",
        parse_vcard,
        net,
        vcf_path,
        strength=strength,
        today=today,
        dry_run=dry_run,
        progress=progress,
        output=output,
        use_cache=use_cache,
    )


def import_google(
    net: Network,
    csv_path: str | os.PathLike[str],
    *,
    strength: int = 2,
    today: date,
    dry_run: bool = False,
    progress: Progress | None = None,
    output: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
) -> ImportReport:
    """Import a Google Contacts CSV export into a new file; see :func:`import_linkedin`.

    Labels become tags (``* myContacts`` is dropped), Relation n becomes ``knows``
    when the related person is known.
    """
    return _import(
        "google",
        parse_google,
        net,
        csv_path,
        strength=strength,
        today=today,
        dry_run=dry_run,
        progress=progress,
        output=output,
        use_cache=use_cache,
    )


IMPORTERS: dict[str, Callable[..., ImportReport]] = {
    "linkedin": import_linkedin,
    "vcard": import_vcard,
    "google": import_google,
}


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
