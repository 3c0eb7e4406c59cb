"""Typed reading of one record as the strict YAML reader gives it: text, lists, dates, numbers.

:class:`RecordReader` reads a key of a record (a :class:`~graphnet.files.yamlread.YMap`)
as the type the format says it has, and reports a value of the wrong type as a
:class:`~graphnet.errors.Problem` at its line and column; the loader's section readers
(:mod:`graphnet.files.loader`) are built on it. :meth:`RecordReader.fill` reads every
field whose type alone says how to read it, from the description in :mod:`graphnet.files.format`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from ..errors import Problem, did_you_mean
from ..model import CADENCE_RANGE, STRENGTH_LABELS, STRENGTH_RANGE, Source, date_out_of_range
from . import format
from .yamlread import YMap, YSeq

__all__ = ["RecordReader"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

_STRENGTH_EXPLAINED = " (" + ", ".join(f"{k} = {v}" for k, v in STRENGTH_LABELS.items()) + ")"
_new_source = tuple.__new__


class RecordReader:
    """Reads the values of records in one file after another, collecting problems."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        #: The file being read, as problems show it.
        self.path = ""
        #: The latest date read (date.min when none): see ``Network.dated_until``.
        self.latest = date.min
        #: The index in its section of the first record read (not 0 when reading records added to a file).
        self.first_index = 0

    def src(self, pos: tuple[int, int]) -> Source:
        return _new_source(Source, (self.path, pos[0], pos[1]))

    def error(self, pos: tuple[int, int] | Source, message: str, severity: str = "error") -> None:
        if isinstance(pos, Source):
            self.problems.append(Problem(pos.path, pos.line, pos.column, severity, message))  # type: ignore[arg-type]
        else:
            self.problems.append(Problem(self.path, pos[0], pos[1], severity, message))  # type: ignore[arg-type]

    def check_keys(self, rec: YMap, allowed: tuple[str, ...], where: str) -> None:
        for key in rec:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                self.error(
                    rec.key_pos[key],
                    f"{where}: unknown key '{key}'"
                    + (f"; {hint}" if hint else "")
                    + f" (allowed: {', '.join(allowed)})",
                )

    def text(self, rec: YMap, key: str, where: str, *, required: bool = False) -> str | None:
        value = rec.get(key)
        if value is None or value == "":
            if required:
                pos = rec.key_pos.get(key, rec.pos)
                self.error(pos, f"{where}: '{key}' is required")
            return None
        if isinstance(value, str):
            return value
        kind = "a list" if isinstance(value, list) else "a mapping"
        self.error(rec.value_pos[key], f"{where}: '{key}' must be text, not {kind}; quote it if it is meant as text")
        return None

    def texts(self, rec: YMap, key: str, where: str) -> list[str]:
        """A list of strings; one string is taken as a one-item list."""
        value = rec.get(key)
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [value]
        if isinstance(value, YSeq):
            result = []
            for i, item in enumerate(value):
                if isinstance(item, str) and item != "":
                    result.append(item)
                elif item is not None and item != "":
                    self.error(value.item_pos[i], f"{where} > {key}[{i}]: must be text, not a list or mapping")
            return result
        self.error(rec.value_pos[key], f"{where}: '{key}' must be a list of text, not a mapping")
        return []

    @staticmethod
    def item_pos(rec: YMap, key: str, index: int) -> tuple[int, int]:
        """Where the ``index``-th item of ``key`` is written (the value itself when it is one text)."""
        value = rec.get(key)
        return value.item_pos[index] if isinstance(value, YSeq) else rec.value_pos[key]

    def date_field(self, rec: YMap, key: str, where: str, *, required: bool = False) -> date | None:
        value = self.text(rec, key, where, required=required)
        if value is None:
            return None
        return self.parse_date(value, rec.value_pos[key], f"{where}: '{key}'")

    def parse_date(self, value: str, pos: tuple[int, int], what: str) -> date | None:
        text = value.strip()
        if not _DATE.fullmatch(text):
            self.error(pos, f"{what} must be a date written YYYY-MM-DD, not '{value}'")
            return None
        try:
            when = date.fromisoformat(text)
        except ValueError as exc:
            self.error(pos, f"{what} is not a real date ('{value}': {exc}); write YYYY-MM-DD")
            return None
        unsupported = date_out_of_range(when)
        if unsupported is not None:
            self.error(pos, f"{what}: {unsupported}; fix the date")
            return None
        if when > self.latest:
            self.latest = when
        return when

    def integer(self, rec: YMap, key: str, where: str, low: int, high: int | None, explain: str = "") -> int | None:
        value = self.text(rec, key, where)
        if value is None:
            return None
        text = value.strip()
        number = int(text) if _INT.fullmatch(text) and len(text) < 12 else None
        if number is None or number < low or (high is not None and number > high):
            span = f"from {low} to {high}" if high is not None else f"of at least {low}"
            self.error(rec.value_pos[key], f"{where}: '{key}' must be a whole number {span}{explain}, not '{value}'")
            return None
        return number

    def strength(self, rec: YMap, key: str, where: str) -> int | None:
        return self.integer(rec, key, where, *STRENGTH_RANGE, _STRENGTH_EXPLAINED)

    def days(self, rec: YMap, key: str, where: str) -> int | None:
        return self.integer(rec, key, where, *CADENCE_RANGE, " of days")

    def fill(self, record: Any, rec: YMap, kind: str, where: str, *, skip: tuple[str, ...] = ()) -> None:
        """Set on ``record`` every field of ``kind`` whose type alone says how to read it.

        Fields needing more (references, organizations, ids) are read by the section itself,
        as are those in ``skip``; a field left out keeps the record's default.
        """
        plain = _PLAIN_FIELDS.get(kind)
        if plain is None:
            plain = _PLAIN_FIELDS[kind] = tuple(
                (f.name, f.attr, _PLAIN_READERS[f.type])
                for f in format.RECORDS[kind].fields
                if f.type in _PLAIN_READERS
            )
        for name, attribute, reader in plain:
            if name in rec and name not in skip:
                value = reader(self, rec, name, where)
                if value is not None:
                    setattr(record, attribute, value)

    def record_maps(self, value: Any, section: str) -> Iterator[tuple[int, YMap]]:
        if value is None or value == "":
            return
        if not isinstance(value, YSeq):
            pos = value.pos if isinstance(value, (YMap, YSeq)) else (1, 1)
            self.error(pos, f"'{section}' must be a list of records, each starting with '- '")
            return
        first = self.first_index
        for i, item in enumerate(value):
            if isinstance(item, YMap):
                yield first + i, item
            elif item is not None:
                self.error(
                    value.item_pos[i],
                    f"{section}[{first + i}]: must be a record with keys (name: …), not plain text or a list",
                )

    @staticmethod
    def whole_number(text: str) -> int | None:
        """``text`` as a whole number (``+3``, ``-1``), or None when it is not one."""
        return int(text) if _INT.fullmatch(text) and len(text) < 12 else None

    @staticmethod
    def setting_value(raw: str, default: float) -> float | None:
        """``raw`` read as the type of ``default`` (int or float), or None when it is not one."""
        if isinstance(default, int) and not isinstance(default, bool):
            return int(raw) if _INT.fullmatch(raw) and len(raw) < 12 else None
        return float(raw) if _FLOAT.fullmatch(raw) and len(raw) < 40 else None


_PLAIN_READERS: dict[str, Callable[[RecordReader, YMap, str, str], Any]] = {
    "optionalText": RecordReader.text,
    "texts": RecordReader.texts,
    "date": RecordReader.date_field,
    "strength": RecordReader.strength,
    "days": RecordReader.days,
}
#: Per record kind: (key, attribute, reader) of each field :meth:`RecordReader.fill` reads, found once.
_PLAIN_FIELDS: dict[str, tuple[tuple[str, str, Callable[[RecordReader, YMap, str, str], Any]], ...]] = {}
