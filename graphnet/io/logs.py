"""Imported interactions (mail, calendar) written into their own log file, one per source.

``import mail`` writes ``log/mail.yaml``, ``import calendar`` ``log/calendar.yaml``:
never a file written by hand, so deleting the file undoes the import. Each record
has a key: a month of mail with one person (``email``, the person, the month), or
the meetings of one day with the same people (``meeting``, the people, the day).
Importing again merges by key:

* a key not in the file yet is appended (as the file's last entries);
* a key already there keeps the larger of each number (``count``, ``sent``,
  ``received``; a mail record's ``count`` is then ``sent + received``) and the later
  date, changed in place, value by value; so a later export that overlaps an
  earlier one adds only what is new, an older export changes nothing, importing
  the same export twice changes no byte, and a mailbox of received mail then one
  of sent mail add up.

Every write goes through :func:`graphnet.files.fileio.edit_file`: under the file's
lock, every other byte kept, and the strict re-read must be the old data with
exactly these changes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..files.edit import entries_insertion
from ..files.fileio import CannotExtend, Splice, edit_file
from ..files.yamlread import YMap, YSeq
from ..files.yamlwrite import read_back
from ..model import Network
from .calendar import CalendarScan
from .mail import MailScan

__all__ = ["LogMerge", "Planned", "addresses_of", "mail_records", "meeting_records", "merge_log"]

SECTION = "interactions"
NUMBERS = ("count", "sent", "received")


@dataclass
class Planned:
    """One interaction record an import wants in its log."""

    day: date
    people: list[str]
    kind: str
    count: int | None = None
    sent: int | None = None
    received: int | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[Any, ...]:
        return _key(self.kind, self.people, self.day)

    def fields(self) -> list[tuple[str, object]]:
        return [
            ("date", self.day),
            ("with", self.people[0] if len(self.people) == 1 else list(self.people)),
            ("kind", self.kind),
            ("count", self.count),
            ("sent", self.sent),
            ("received", self.received),
            ("note", self.note),
        ]


def _key(kind: str | None, people: Sequence[str], day: date) -> tuple[Any, ...]:
    if kind == "email":
        return ("email", tuple(sorted(people)), day.year, day.month)
    return (kind, tuple(sorted(people)), day)


def addresses_of(net: Network) -> dict[str, str]:
    """Every person's e-mail addresses (folded to lower case) -> their id; the first person wins."""
    from .imports import norm_email

    found: dict[str, str] = {}
    for person in net.people.values():
        for address in person.emails:
            found.setdefault(norm_email(address), person.id)
    return found


@dataclass
class Unknown:
    """Correspondents or attendees who match nobody in the network, by volume."""

    #: Address -> messages or meetings.
    volume: Counter[str] = field(default_factory=Counter)
    #: Address -> display name seen.
    names: dict[str, str] = field(default_factory=dict)
    #: Addresses worth adding with --add-unknown (mail both ways, or a meeting).
    worth_adding: set[str] = field(default_factory=set)
    #: Messages or meetings left out because nobody in them is known.
    items: int = 0

    def top(self, n: int = 10) -> list[tuple[str, str | None, int]]:
        """(address, name, volume) of the ``n`` most frequent, then by address."""
        ranked = sorted(self.volume.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [(address, self.names.get(address), count) for address, count in ranked]


def mail_records(scan: MailScan, by_address: dict[str, str]) -> tuple[list[Planned], Unknown]:
    """One ``email`` record per person and month (all their addresses together), and the unknown."""
    months: dict[tuple[str, date], list[Any]] = {}
    unknown = Unknown()
    both: dict[str, list[int]] = {}
    for (address, month), (sent, received, last) in scan.tallies.items():
        ident = by_address.get(address)
        if ident is None:
            unknown.volume[address] += int(sent) + int(received)  # type: ignore[call-overload]
            totals = both.setdefault(address, [0, 0])
            totals[0] += int(sent)  # type: ignore[call-overload]
            totals[1] += int(received)  # type: ignore[call-overload]
            if address in scan.names:
                unknown.names[address] = scan.names[address]
            continue
        entry = months.setdefault((ident, month), [0, 0, last])
        entry[0] += sent
        entry[1] += received
        entry[2] = max(entry[2], last)
    unknown.items = sum(unknown.volume.values())
    unknown.worth_adding = {a for a, (s, r) in both.items() if s > 0 and r > 0}
    records = [
        Planned(day=last, people=[ident], kind="email", count=sent + received, sent=sent, received=received)
        for (ident, _month), (sent, received, last) in months.items()
    ]
    records.sort(key=lambda p: (p.day, p.people))
    return records, unknown


def meeting_records(scan: CalendarScan, by_address: dict[str, str]) -> tuple[list[Planned], Unknown]:
    """One ``meeting`` record per day and set of known attendees (``count`` when several), and the unknown."""
    days: dict[tuple[date, tuple[str, ...]], list[Any]] = {}
    unknown = Unknown()
    for meeting in scan.meetings:
        known = sorted({by_address[a] for a in meeting.others if a in by_address})
        for address in meeting.others:
            if address not in by_address:
                unknown.volume[address] += 1
                unknown.worth_adding.add(address)
                if address in scan.names:
                    unknown.names[address] = scan.names[address]
        if not known:
            unknown.items += 1
            continue
        entry = days.setdefault((meeting.day, tuple(known)), [0, []])
        entry[0] += 1
        if meeting.title and meeting.title not in entry[1]:
            entry[1].append(meeting.title)
    records = [
        Planned(
            day=day,
            people=list(people),
            kind="meeting",
            count=count if count > 1 else None,
            note="; ".join(titles) if titles else None,
        )
        for (day, people), (count, titles) in days.items()
    ]
    records.sort(key=lambda p: (p.day, p.people))
    return records, unknown


# -- merging into the log file ------------------------------------------------------------------------


@dataclass
class LogMerge:
    """What merging planned records into a log file did (or would do)."""

    path: Path
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    #: True when the file did not exist.
    created: bool = False
    #: Notes about records of the file that could not be merged (edited by hand).
    notes: list[str] = field(default_factory=list)


def _number(value: Any) -> int | None:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _entry_key(entry: Any) -> tuple[Any, ...] | None:
    """The key of a record of the file, or None when it is not one an import could have written."""
    if not isinstance(entry, YMap):
        return None
    who = entry.get("with")
    people = [who] if isinstance(who, str) else list(who) if isinstance(who, YSeq) else []
    when = entry.get("date")
    if not people or not all(isinstance(p, str) for p in people) or not isinstance(when, str):
        return None
    try:
        day = date.fromisoformat(when.strip())
    except ValueError:
        return None
    kind = entry.get("kind")
    return _key(kind if isinstance(kind, str) else None, people, day)


_SCALAR = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'|[^\s#,\[\]{}]+")


def _offsets(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    return starts


def _updates(entry: YMap, planned: Planned) -> dict[str, str]:
    """Values of a record that the planned one raises (key -> new text); empty when none.

    Each number keeps the larger of the two, except a mail record's ``count``, which is
    ``sent + received`` after that: importing a mailbox of received mail and then one of
    sent mail (Thunderbird's Inbox and Sent) adds up, as it should.
    """
    changes: dict[str, str] = {}
    old_day = date.fromisoformat(str(entry["date"]).strip())
    if planned.day > old_day:
        changes["date"] = planned.day.isoformat()
    merged: dict[str, int] = {}
    for name in NUMBERS:
        new = getattr(planned, name)
        old = _number(entry.get(name)) if name in entry else (1 if name == "count" else 0)
        if new is None:
            new = 1 if name == "count" else None
        if new is not None and old is not None:
            merged[name] = max(old, new)
        elif new is not None:
            merged[name] = new
    if planned.sent is not None and planned.received is not None and "sent" in merged and "received" in merged:
        merged["count"] = merged["sent"] + merged["received"]
    for name, value in merged.items():
        old = _number(entry.get(name)) if name in entry else (1 if name == "count" else 0)
        if old != value:
            changes[name] = str(value)
    return changes


class _Merger:
    """The build step of :func:`merge_log`: splices for one file's text and tree."""

    def __init__(self, records: Sequence[Planned], header: str, result: LogMerge) -> None:
        self.records = records
        self.header = header
        self.result = result
        self.expected: Any = None

    def build(self, text: str, tree: Any) -> list[Splice]:
        result = self.result
        result.added = result.updated = result.unchanged = 0
        result.notes = []
        result.created = tree is None and not text
        entries = tree.get(SECTION) if isinstance(tree, YMap) else None
        existing: dict[tuple[Any, ...], YMap] = {}
        if isinstance(entries, YSeq):
            for entry in entries:
                key = _entry_key(entry)
                if key is not None and key not in existing:
                    existing[key] = entry
        starts = _offsets(text)
        splices: list[Splice] = []
        replaced: dict[int, dict[str, str]] = {}
        new: list[Planned] = []
        new_keys: set[tuple[Any, ...]] = set()
        for planned in self.records:
            entry = existing.get(planned.key)
            if entry is None:
                if planned.key not in new_keys:  # the import plans one record per key; be safe anyway
                    new_keys.add(planned.key)
                    new.append(planned)
                continue
            changes = _updates(entry, planned)
            missing = [k for k in changes if k not in entry]
            if missing:
                result.notes.append(f"line {entry.pos[0]}: the record has no {', '.join(missing)}; it is left as it is")
                result.unchanged += 1
                continue
            if not changes:
                result.unchanged += 1
                continue
            for name, value in changes.items():
                line, column = entry.value_pos[name]
                start = starts[line - 1] + column - 1
                match = _SCALAR.match(text, start)
                if match is None:
                    raise CannotExtend(f"line {line}: '{name}' is not a plain value")
                splices.append(Splice(start, match.end(), value))
            replaced[id(entry)] = changes
            result.updated += 1
        if new:
            insertion = entries_insertion(text, tree, SECTION, [p.fields() for p in new], self.header)
            splices.append(Splice(insertion.offset, insertion.offset, insertion.text))
        result.added = len(new)
        self.expected = self._expected_tree(tree, replaced, new)
        return splices

    def _expected_tree(self, tree: Any, replaced: dict[int, dict[str, str]], new: list[Planned]) -> Any:
        old = dict(tree) if isinstance(tree, dict) else {}
        entries = old.get(SECTION)
        items = list(entries) if isinstance(entries, list) else []
        items = [{**entry, **replaced[id(entry)]} if id(entry) in replaced else entry for entry in items]
        items += [read_back(p.fields()) for p in new]
        old[SECTION] = items
        return old

    def verify(self, old_tree: Any, new_tree: Any) -> None:  # noqa: ARG002 - the edit protocol of fileio
        if new_tree != self.expected:
            raise CannotExtend("the log would not read back as the old records plus exactly these changes")


def merge_log(
    path: Path,
    records: Iterable[Planned],
    *,
    header: str,
    dry_run: bool = False,
    use_cache: bool = True,
) -> LogMerge:
    """Merge ``records`` into the log file ``path`` (created with ``header`` when missing).

    Returns
    -------
    LogMerge
        How many records were added, raised in place, or already there.

    Raises
    ------
    GraphnetError
        When the file has errors, cannot be changed by splicing alone, or cannot be written.
    """
    result = LogMerge(path=path)
    merger = _Merger(list(records), header, result)
    edit_file(path, merger.build, merger.verify, dry_run=dry_run, use_cache=use_cache)
    return result
