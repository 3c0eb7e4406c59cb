"""The row loop every importer shares: reading the file, rows or cards, progress, per-row problems.

An importer gives :func:`read_csv` two functions, one that recognises the header row
and one that turns a data row into a :class:`~graphnet.io.contacts.Contact`; the loop
does the rest the same way for every format: progress, blank rows, rows with the wrong
number of values, unreadable CSV, and a missing header. A format that is not a table
(vCard) uses :class:`Reading` and :class:`Ticker` directly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GraphnetError, Problem
from .contacts import Contact, clean

__all__ = ["Progress", "Reading", "Row", "Ticker", "header_key", "read_csv", "read_text"]

#: ``progress(done, total)``: called a hundred times or so while rows are read.
Progress = Callable[[int, int], None]


def read_text(path: Path, shown: str, *, advice: str | None = None) -> str:
    """A text file's content: UTF-8 (with or without BOM) or UTF-16 with BOM.

    ``advice`` says what to do when it is neither (default: about CSV exports). The file may
    be a pipe (``/dev/stdin``, ``<(…)``): it is read once.
    """
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
            + (advice or "download the export again, or save it from a spreadsheet as 'CSV UTF-8'")
        ) from exc


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line of the row, cells) for every CSV row; quoted cells may span lines."""
    stand_in = ""
    if "\x00" in text:
        # Python 3.10's csv module refuses NUL; 3.11 reads it. Give every version 3.11's
        # behaviour: parse with a private-use character the text lacks, then put NUL back.
        stand_in = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
        text = text.replace("\x00", stand_in)
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    # The csv module refuses a field over 128 KiB and stops reading there: a long note would drop
    # every row after it. The whole file is in memory already, so no field can be too long.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        for row in reader:
            yield start, ([cell.replace(stand_in, "\x00") for cell in row] if stand_in else row)
            start = reader.line_num + 1
    finally:
        csv.field_size_limit(limit)


class Ticker:
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


def header_key(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().casefold().split())


@dataclass
class Reading:
    """What reading one export file found: contacts, per-row problems, and how many rows it had."""

    shown: str
    contacts: list[Contact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0

    def problem(self, line: int, message: str, severity: str = "error") -> None:
        """A problem with the row (or card) starting at ``line``: ``file:line: severity: message``."""
        self.problems.append(Problem(self.shown, line, 0, severity, message))  # type: ignore[arg-type]

    def result(self) -> tuple[list[Contact], list[Problem], int]:
        return self.contacts, self.problems, self.rows


@dataclass
class Row:
    """One data row of a CSV export, read through its header."""

    line: int
    cells: list[str]
    columns: dict[str, int]

    def cell(self, *names: str) -> str | None:
        """The first non-empty value among the columns ``names`` (header keys), or None."""
        for column in names:
            index = self.columns.get(column)
            if index is not None and index < len(self.cells):
                value = clean(self.cells[index])
                if value is not None:
                    return value
        return None


#: ``header(line, cells)``: the columns (header key -> index) when ``cells`` is the header row,
#: else None; raises GraphnetError when the file is not of the expected format.
HeaderFinder = Callable[[int, list[str]], "dict[str, int] | None"]
#: ``convert(row, reading)``: the contact of a data row, or None (after ``reading.problem``).
RowReader = Callable[[Row, Reading], "Contact | None"]


def read_csv(
    text: str,
    shown: str,
    *,
    header: HeaderFinder,
    convert: RowReader,
    no_header: str,
    progress: Progress | None = None,
) -> tuple[list[Contact], list[Problem], int]:
    """Contacts of a CSV export, per-row problems, and the number of data rows.

    Rows before the header are skipped; so are blank rows. A row with more or fewer
    values than the header is reported and skipped (trailing empty values are fine).
    ``no_header`` is the error raised when no header row is found.
    """
    reading = Reading(shown)
    tick = Ticker(progress, text.count("\n") + 1)
    columns: dict[str, int] | None = None
    width = 0
    line = 1
    try:
        for line, cells in csv_rows(text):
            tick(line)
            if columns is None:
                columns = header(line, cells)
                width = len(cells)
                continue
            if not any(cell.strip() for cell in cells):
                continue
            reading.rows += 1
            if len(cells) != width and not (len(cells) > width and not any(c.strip() for c in cells[width:])):
                reading.problem(
                    line,
                    f"the row has {len(cells)} values but the header has {width}; "
                    "a value holding a comma must be in double quotes; row skipped",
                )
                continue
            contact = convert(Row(line, cells, columns), reading)
            if contact is not None:
                reading.contacts.append(contact)
    except csv.Error as exc:
        reading.problem(line, f"cannot read the CSV from here on ({exc}); an unclosed '\"' is the usual cause")
    if columns is None:
        raise GraphnetError(no_header)
    tick.finish()
    return reading.result()
