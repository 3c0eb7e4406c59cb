"""LinkedIn's ``Connections.csv``: one person per connection, with company, position and when we connected."""

from __future__ import annotations

import os
import re
from datetime import date
from typing import TYPE_CHECKING

from ..errors import GraphnetError, Problem
from ..model import Network
from .contacts import Contact, ImportReport
from .importing import ImportOptions, run_import
from .rows import Progress, Reading, Row, header_key, read_csv

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["LINKEDIN_COLUMNS", "import_linkedin", "parse_connected_on", "parse_linkedin"]

LINKEDIN_COLUMNS = ("first name", "last name", "url", "email address", "company", "position", "connected on")

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


def _header(shown: str, line: int, cells: list[str]) -> dict[str, int] | None:
    """The columns, once the row naming First Name and Last Name comes (after LinkedIn's ``Notes:`` preamble)."""
    keys = [header_key(c) for c in cells]
    if "first name" not in keys or "last name" not in keys:
        return None
    columns = {k: i for i, k in reversed(list(enumerate(keys))) if k}
    if not {"company", "position", "connected on"} & columns.keys():
        hint = " (it looks like a Google Contacts export: use `graphnet import google`)"
        raise GraphnetError(
            f"{shown}:{line}: the header has no Company, Position or Connected On column; "
            f"is this LinkedIn's Connections.csv?{hint if 'labels' in columns else ''}"
        )
    return columns


def _connected(connected: str, row: Row, reading: Reading, today: date) -> date | None:
    """The date of 'Connected On', or None with a warning when it is not a usable date."""
    when = parse_connected_on(connected)
    if when is None:
        reading.problem(
            row.line,
            f"'Connected On' is not a date like '12 Mar 2024': '{connected}'; imported without 'connected'",
            "warning",
        )
    elif when > today:
        reading.problem(
            row.line, f"'Connected On' ({when}) is after today ({today}); imported without 'connected'", "warning"
        )
    else:
        return when
    return None


def _contact(row: Row, reading: Reading, today: date) -> Contact | None:
    name = " ".join(part for part in (row.cell("first name"), row.cell("last name")) if part)
    if not name:
        reading.problem(
            row.line,
            "the row has no First Name or Last Name (LinkedIn leaves them empty for members "
            "who restrict their data); row skipped",
        )
        return None
    contact = Contact(row=row.line, name=name, org=row.cell("company"), role=row.cell("position"))
    contact.url = row.cell("url")
    contact.email = row.cell("email address")
    contact.emails = [contact.email] if contact.email else []
    contact.urls = [contact.url] if contact.url else []
    connected = row.cell("connected on")
    if connected is not None:
        contact.connected = _connected(connected, row, reading, today)
    return contact


def parse_linkedin(
    text: str, shown: str, *, today: date, progress: Progress | None = None
) -> tuple[list[Contact], list[Problem], int]:
    """Contacts of a LinkedIn ``Connections.csv``, per-row problems, and the number of rows.

    The header row is found by its content, after LinkedIn's ``Notes:`` preamble.
    """
    return read_csv(
        text,
        shown,
        header=lambda line, cells: _header(shown, line, cells),
        convert=lambda row, reading: _contact(row, reading, today),
        no_header=(
            f"{shown}: no header row 'First Name,Last Name,URL,Email Address,Company,Position,Connected On' "
            "found; is this LinkedIn's Connections.csv (from Settings > Data privacy > Get a copy of your data)?"
        ),
        progress=progress,
    )


def import_linkedin(net: Network, csv_path: str | os.PathLike[str], **options: Unpack[ImportOptions]) -> ImportReport:
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
    skip_bad : bool
        Write the good rows even when some rows could not be imported. Without it,
        a file with a bad or unreadable row writes nothing (``report.refused``).

    Returns
    -------
    ImportReport
        Added, merged and skipped records, per-row problems, and the file's text.

    Notes
    -----
    O(R + P) for R rows and P people in the network, plus one load of the
    network with the new file to verify it.
    """
    return run_import(
        "linkedin",
        lambda text, shown, progress: parse_linkedin(text, shown, today=options["today"], progress=progress),
        net,
        csv_path,
        **options,
    )
