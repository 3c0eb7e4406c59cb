"""Reading an iCalendar file (RFC 5545) into the meetings it records.

Parsed with ``icalendar``; recurring events are expanded with
``recurring-ical-events`` (RRULE, RDATE, EXDATE, and RECURRENCE-ID overrides that
move, change or cancel one occurrence) from their start up to today. Each
event is expanded on its own, so one broken event is reported at its line and
the others are still read.

An occurrence is a *meeting* when it is not cancelled, I did not decline it, it
has at most ``max_size`` attendees (organizer included, rooms and resources not
counted), and at least one attendee other than me did not decline. Its day is
the start in my time zone (``zone``, default the machine's): a timed event in
another zone is converted, a floating time is taken as mine, an all-day event
keeps its date. Titles are kept only when asked for.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from ..errors import GraphnetError, Problem
from ..model import calendar_today
from ..text import display_path

__all__ = ["CalendarScan", "Meeting", "scan_calendar"]

Progress = Callable[[int, int], None]

CANCELLED = "cancelled"
DECLINED = "declined by me"
TOO_MANY = "too many attendees"
ALONE = "no one else attending"

_ROOMS = frozenset({"ROOM", "RESOURCE"})
_BEGIN = re.compile(rb"^BEGIN:(VEVENT|VCALENDAR)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass
class Meeting:
    """One occurrence that counts as a meeting."""

    day: date
    #: Attendees other than me (addresses, lower case), organizer included.
    others: frozenset[str]
    #: Line of the event (or of its RECURRENCE-ID override) in the file.
    line: int
    title: str | None = None


@dataclass
class CalendarScan:
    """What a calendar file says: meetings, and what was left out and why."""

    source: str
    events: int = 0
    occurrences: int = 0
    meetings: list[Meeting] = field(default_factory=list)
    #: Address -> display name (CN) as first seen.
    names: dict[str, str] = field(default_factory=dict)
    #: Reason -> occurrences left out for it (not errors).
    left_out: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    @property
    def unreadable(self) -> int:
        return sum(1 for p in self.problems if p.is_error)


def _address(value: Any) -> str | None:
    from .imports import norm_email

    text = norm_email(str(value))
    return text if "@" in text else None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _day(start: Any, zone: tzinfo | None) -> date:
    if isinstance(start, datetime):
        if start.tzinfo is None:
            return start.date()  # a floating time is my own
        return start.astimezone(zone).date()
    if isinstance(start, date):
        return start  # an all-day event
    raise ValueError(f"DTSTART is not a date or time: {start!r}")


def _meeting(event: Any, mine: frozenset[str], max_size: int, scan: CalendarScan) -> tuple[str | None, list[str]]:
    """Why the occurrence is left out (or None), and the others attending it."""
    if str(event.get("status", "")).strip().upper() == "CANCELLED":
        return CANCELLED, []
    present: dict[str, bool] = {}  # address -> declined
    organizer = _address(event["organizer"]) if event.get("organizer") is not None else None
    if organizer is not None:
        present[organizer] = False
        name = event["organizer"].params.get("CN")
        if name:
            scan.names.setdefault(organizer, str(name))
    for attendee in _as_list(event.get("attendee")):
        address = _address(attendee)
        params = getattr(attendee, "params", {})
        if address is None or str(params.get("CUTYPE", "")).upper() in _ROOMS:
            continue
        declined = str(params.get("PARTSTAT", "")).upper() == "DECLINED"
        present[address] = present.get(address, False) or declined
        if params.get("CN"):
            scan.names.setdefault(address, str(params["CN"]))
    if any(present.get(address) for address in mine):
        return DECLINED, []
    if len(present) > max_size:
        return TOO_MANY, []
    others = sorted(a for a, declined in present.items() if not declined and a not in mine)
    if not others:
        return ALONE, []
    return None, others


_END_CALENDAR = re.compile(rb"^END:VCALENDAR\s*$", re.IGNORECASE | re.MULTILINE)
_END_EVENT = re.compile(rb"^END:VEVENT[ \t]*\r?\n?", re.IGNORECASE | re.MULTILINE)


def _complete(data: bytes, scan: CalendarScan) -> bytes:
    """A file cut short (no END:VCALENDAR) up to its last complete event, closed; the cut is an error."""
    begun = len(re.findall(rb"^BEGIN:VCALENDAR", data, re.IGNORECASE | re.MULTILINE))
    if begun <= len(_END_CALENDAR.findall(data)):
        return data
    ends = list(_END_EVENT.finditer(data))
    keep = ends[-1].end() if ends else 0
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    kept = data.count(b"\n", 0, keep)
    scan.problems.append(
        Problem(
            scan.source,
            lines,
            0,
            "error",
            f"the file ends before END:VCALENDAR (a truncated export?); the events up to line {kept} are read, "
            "the rest is left out: export the calendar again",
        )
    )
    body = data[:keep] if keep else data
    newline = b"\r\n" if b"\r\n" in data[:200] else b"\n"
    return body + (b"" if body.endswith(b"\n") else newline) + b"END:VCALENDAR" + newline


def _event_lines(data: bytes) -> list[int]:
    """1-based line of each ``BEGIN:VEVENT``, in file order."""
    lines = []
    for match in _BEGIN.finditer(data):
        if match.group(1).upper() == b"VEVENT":
            lines.append(data.count(b"\n", 0, match.start()) + 1)
    return lines


def _events_by_uid(calendars: Iterable[Any], lines: list[int]) -> Iterator[tuple[Any, list[Any], list[int]]]:
    """(calendar, the VEVENTs sharing one UID, their lines), in file order."""
    index = 0
    for calendar in calendars:
        groups: dict[str, tuple[list[Any], list[int]]] = {}
        for component in calendar.walk("VEVENT"):
            line = lines[index] if index < len(lines) else 0
            index += 1
            uid = str(component.get("uid", "")) or f"#{index}"
            events, at = groups.setdefault(uid, ([], []))
            events.append(component)
            at.append(line)
        for events, at in groups.values():
            yield calendar, events, at


def _expand(calendar: Any, events: list[Any], until: date) -> list[Any]:
    """Occurrences of one event (with its overrides) from its start up to ``until``."""
    import icalendar
    import recurring_ical_events

    alone = icalendar.Calendar()
    for timezone in calendar.walk("VTIMEZONE"):
        alone.add_component(timezone)
    for event in events:
        alone.add_component(event)
    return list(recurring_ical_events.of(alone).between(date(1800, 1, 1), until + timedelta(days=1)))


def _line_of(occurrence: Any, events: list[Any], at: list[int]) -> int:
    recurrence = occurrence.get("recurrence-id")
    if recurrence is not None:
        for event, line in zip(events, at, strict=False):
            if event.get("recurrence-id") is not None and event["recurrence-id"].dt == recurrence.dt:
                return line
    return at[0]


def scan_calendar(
    path: str | os.PathLike[str],
    my_addresses: Iterable[str],
    *,
    today: date,
    max_size: int = 10,
    titles: bool = False,
    zone: tzinfo | None = None,
    progress: Progress | None = None,
) -> CalendarScan:
    """The meetings of an iCalendar file up to ``today``.

    Parameters
    ----------
    path : path
        An ``.ics`` file (one or more VCALENDARs).
    my_addresses : iterable of str
        My own addresses (``me.email``), any case.
    today : date
        Occurrences after it are not expanded.
    max_size : int
        An occurrence with more attendees (organizer included) is left out.
    titles : bool
        Keep each meeting's SUMMARY (otherwise it is never stored).
    zone : tzinfo, optional
        My time zone, which decides an occurrence's day (default: the machine's).
    progress : callable, optional
        ``progress(done, total)`` over the events.

    Returns
    -------
    CalendarScan

    Raises
    ------
    GraphnetError
        When the file cannot be read.

    Notes
    -----
    O(E + O) for E events and O occurrences up to today; the file is held in memory.
    """
    import icalendar

    source = Path(path)
    shown = display_path(source)
    scan = CalendarScan(source=shown)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise GraphnetError(f"cannot read {shown}: {exc.strerror or exc}") from exc
    if not re.search(rb"^BEGIN:VCALENDAR", data, re.IGNORECASE | re.MULTILINE):
        scan.problems.append(
            Problem(
                shown,
                1,
                0,
                "error",
                "no BEGIN:VCALENDAR: this is not an iCalendar (.ics) file; export the calendar again",
            )
        )
        return scan
    data = _complete(data, scan)
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except (ValueError, KeyError, IndexError) as exc:
        scan.problems.append(Problem(shown, 1, 0, "error", f"the file cannot be read as iCalendar: {exc}"))
        return scan
    mine = frozenset(a.strip().casefold() for a in my_addresses)
    # A meeting after the real date has not happened, whatever --today says (docs/format.md).
    today = min(today, calendar_today())
    groups = list(_events_by_uid(calendars, _event_lines(data)))
    scan.events = len(groups)
    for occurrence, events, at in _occurrences(calendars, groups, today, scan, progress):
        _occurrence(occurrence, events, at, mine, max_size, titles, zone, today, scan)
    return scan


Group = tuple[Any, list[Any], list[int]]


def _occurrences(
    calendars: list[Any], groups: list[Group], today: date, scan: CalendarScan, progress: Progress | None
) -> Iterator[tuple[Any, list[Any], list[int]]]:
    """Every occurrence up to today, with the event (and overrides) it comes from and their lines.

    Each calendar is expanded at once, which is four times faster; only when that fails is
    it expanded event by event, so the broken event is reported at its line and the rest read.
    """
    import recurring_ical_events

    done = 0
    for calendar in calendars:
        mine = [g for g in groups if g[0] is calendar]
        by_uid = {str(events[0].get("uid", "")): (events, at) for _, events, at in mine}
        try:
            expanded = recurring_ical_events.of(calendar).between(date(1800, 1, 1), today + timedelta(days=1))
            occurrences = list(expanded)
        except Exception:  # recurring-ical-events raises many kinds on a broken event: find it
            occurrences = None
        if occurrences is not None:
            for occurrence in occurrences:
                events, at = by_uid.get(str(occurrence.get("uid", "")), ([], [0]))
                yield occurrence, events, at
        else:
            for _, events, at in mine:
                try:
                    alone = _expand(calendar, events, today)
                except Exception as exc:
                    scan.problems.append(
                        Problem(scan.source, at[0], 0, "error", f"event cannot be read ({exc}); it is left out")
                    )
                    continue
                for occurrence in alone:
                    yield occurrence, events, at
        done += len(mine)
        if progress is not None:
            progress(done, max(len(groups), 1))


def _occurrence(
    occurrence: Any,
    events: list[Any],
    at: list[int],
    mine: frozenset[str],
    max_size: int,
    titles: bool,
    zone: tzinfo | None,
    today: date,
    scan: CalendarScan,
) -> None:
    line = _line_of(occurrence, events, at)
    try:
        day = _day(occurrence.decoded("dtstart"), zone)
    except (KeyError, ValueError, TypeError) as exc:
        scan.problems.append(Problem(scan.source, line, 0, "error", f"event has no readable DTSTART ({exc}); left out"))
        return
    if day > today:
        return
    scan.occurrences += 1
    reason, others = _meeting(occurrence, mine, max_size, scan)
    if reason is not None:
        scan.left_out[reason] += 1
        return
    title = (str(occurrence.get("summary", "")).strip() or None) if titles else None
    scan.meetings.append(Meeting(day, frozenset(others), line, title))
