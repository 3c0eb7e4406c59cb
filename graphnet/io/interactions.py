"""``import mail``, ``import calendar`` and ``import takeout``: evidence of contact, from local exports.

Each import reads its export (:mod:`graphnet.io.mail`: headers only;
:mod:`graphnet.io.calendar`), matches addresses to people by any of their
``email`` addresses (case ignored), and merges the records into its own log file
(:mod:`graphnet.io.logs`): ``log/mail.yaml`` and ``log/calendar.yaml``.
Correspondents and attendees who match nobody are counted and the most frequent
listed; with ``add_unknown`` those with mail both ways, or a meeting, are added
as people first (a new ``people/mail-YYYY-MM-DD.yaml``, like any contact import;
4Degrees uses the same threshold to create a contact).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from ..errors import GraphnetError, Problem
from ..files.loader import load
from ..model import Network
from ..text import display_path
from .calendar import CalendarScan, scan_calendar
from .imports import Contact, ImportReport, import_contacts, import_vcard, norm_email
from .logs import LogMerge, Planned, Unknown, addresses_of, mail_records, meeting_records, merge_log
from .mail import MailScan, scan_mail
from .rows import Progress

if TYPE_CHECKING:
    from typing_extensions import Required, Unpack

__all__ = ["LOG_FILES", "InteractionImport", "import_calendar", "import_mail", "import_takeout"]

#: Where each source's records go, relative to the network folder.
LOG_FILES = {"mail": Path("log") / "mail.yaml", "calendar": Path("log") / "calendar.yaml"}

_HEADERS = {
    "mail": (
        "# Imported by `graphnet import mail`: one record per person and month, from message headers only\n"
        "# (count = messages, sent + received). Delete this file to undo the import; importing again\n"
        "# adds only what is new. Hand-logged interactions go to your own files, never here.\n"
    ),
    "calendar": (
        "# Imported by `graphnet import calendar`: one record per day and set of people met (count =\n"
        "# meetings that day). Delete this file to undo the import; importing again adds only what is\n"
        "# new. Hand-logged interactions go to your own files, never here.\n"
    ),
}


@dataclass
class InteractionImport:
    """What ``import mail`` or ``import calendar`` did (or, with ``dry_run``, would do)."""

    kind: str
    sources: list[str]
    output: Path
    dry_run: bool = False
    #: Messages read, or calendar occurrences up to today.
    read: int = 0
    #: Messages or meetings counted for someone in the network.
    counted: int = 0
    records: int = 0
    merge: LogMerge | None = None
    left_out: Counter[str] = field(default_factory=Counter)
    unknown: Unknown = field(default_factory=Unknown)
    #: The people added with ``add_unknown``.
    people: ImportReport | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def unreadable(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    def to_dict(self) -> dict[str, Any]:
        merge = self.merge
        return {
            "kind": self.kind,
            "sources": self.sources,
            "output": str(self.output),
            "dry_run": self.dry_run,
            "read": self.read,
            "counted": self.counted,
            "records": self.records,
            "added": merge.added if merge else 0,
            "updated": merge.updated if merge else 0,
            "unchanged": merge.unchanged if merge else 0,
            "left_out": dict(sorted(self.left_out.items())),
            "unknown": {
                "people": len(self.unknown.volume),
                "items": self.unknown.items,
                "top": [{"address": a, "name": n, "volume": v} for a, n, v in self.unknown.top(10)],
            },
            "people_added": [a.to_dict() for a in self.people.added] if self.people else [],
            "unreadable": self.unreadable,
            "problems": [p.to_dict() for p in self.problems],
        }


def my_addresses(net: Network) -> list[str]:
    """``me.email``, folded; a request error when it is missing (mail direction depends on it)."""
    if not net.me.emails:
        raise GraphnetError(
            "your own e-mail address is not in the network: add it under me:, e.g. "
            "`email: [me@example.org, me@work.example]`, so graphnet can tell mail you sent from mail you "
            "received and leave you out of meetings"
        )
    return [norm_email(a) for a in net.me.emails]


def _add_unknown(
    net: Network, kind: str, unknown: Unknown, source: Path, *, today: date, dry_run: bool, use_cache: bool
) -> ImportReport | None:
    """Write the unknown worth adding as new people (strength 1, met once); None when there are none."""
    contacts = []
    for row, address in enumerate(sorted(unknown.worth_adding), 1):
        name = unknown.names.get(address) or address.split("@")[0]
        contacts.append(Contact(row=row, name=name, email=address, emails=[address], strength=1))
    if not contacts:
        return None
    return import_contacts(
        kind,
        contacts,
        net,
        source,
        problems=[],
        rows=len(contacts),
        strength=1,
        today=today,
        dry_run=dry_run,
        output=None,
        use_cache=use_cache,
    )


def _planned_addresses(report: ImportReport | None) -> dict[str, str]:
    """Address -> id of the people an import adds (so a dry run can show their records too)."""
    found: dict[str, str] = {}
    if report is None:
        return found
    for added in report.added:
        for key, value in added.fields:
            if key == "email" and isinstance(value, str):
                found.setdefault(norm_email(value), added.id)
    return found


class EvidenceOptions(TypedDict, total=False):
    """The options of every evidence import (mail, calendar, Takeout): :func:`import_mail` describes them."""

    today: Required[date]
    dry_run: bool
    add_unknown: bool
    progress: Progress | None
    use_cache: bool


@dataclass
class _Options:
    today: date
    dry_run: bool
    add_unknown: bool
    use_cache: bool
    #: Address -> id of people not in the files yet (a dry run of a Takeout's contacts).
    known: dict[str, str]

    @classmethod
    def of(cls, options: EvidenceOptions, known: dict[str, str] | None) -> _Options:
        return cls(
            options["today"],
            options.get("dry_run", False),
            options.get("add_unknown", False),
            options.get("use_cache", True),
            known or {},
        )


def _finish(
    net: Network,
    kind: str,
    sources: list[Path],
    scan: MailScan | CalendarScan,
    plan: Callable[[dict[str, str]], tuple[list[Planned], Unknown]],
    options: _Options,
) -> InteractionImport:
    """Match, add the unknown if asked, and merge the records into the log file."""
    report = InteractionImport(
        kind=kind,
        sources=[display_path(s) for s in sources],
        output=net.root / LOG_FILES[kind],
        dry_run=options.dry_run,
        read=scan.messages if isinstance(scan, MailScan) else scan.occurrences,
        left_out=scan.left_out,
        problems=scan.problems,
    )
    first_source = sources[0]
    records, unknown = plan({**options.known, **addresses_of(net)})
    if options.add_unknown and unknown.worth_adding:
        report.people = _add_unknown(
            net, kind, unknown, first_source, today=options.today, dry_run=options.dry_run, use_cache=options.use_cache
        )
        if report.people is not None and report.people.added:
            if not options.dry_run:
                net, _ = load(net.root, today=options.today, use_cache=options.use_cache)
            records, unknown = plan({**options.known, **_planned_addresses(report.people), **addresses_of(net)})
    report.unknown = unknown
    report.records = len(records)
    report.counted = sum(p.count or 1 for p in records)
    report.merge = merge_log(
        net.root / LOG_FILES[kind],
        records,
        header=_HEADERS[kind],
        dry_run=options.dry_run,
        use_cache=options.use_cache,
    )
    return report


def import_mail(
    net: Network,
    paths: str | os.PathLike[str] | list[Path],
    *,
    known: dict[str, str] | None = None,
    **options: Unpack[EvidenceOptions],
) -> InteractionImport:
    """Import an mbox file or Maildir folder (or several) into ``log/mail.yaml``.

    Parameters
    ----------
    net : Network
        The loaded network; ``me.email`` must hold my address(es).
    paths : path or list of paths
        mbox files and Maildir folders; read together, so a month spread over two
        files is one record.
    today : date
        Messages after it are left out.
    dry_run : bool
        Read, match and verify everything; write nothing.
    add_unknown : bool
        Add correspondents with mail both ways who match nobody, as new people.
    progress : callable, optional
        ``progress(done, total)`` while a mailbox is read.
    known : dict, optional
        Address -> id of people about to be added (a dry run of a Takeout's contacts).

    Returns
    -------
    InteractionImport

    Notes
    -----
    O(M + R) for M messages and R records; memory does not grow with M (see
    :func:`graphnet.io.mail.scan_mail`).
    """
    sources = [Path(p) for p in paths] if isinstance(paths, list) else [Path(paths)]
    mine = my_addresses(net)
    settings = net.me.settings
    scan: MailScan | None = None
    for source in sources:
        scan = scan_mail(
            source,
            mine,
            today=options["today"],
            max_recipients=settings.max_mail_recipients,
            progress=options.get("progress"),
            into=scan,
        )
    assert scan is not None
    return _finish(net, "mail", sources, scan, lambda known: mail_records(scan, known), _Options.of(options, known))


def import_calendar(
    net: Network,
    paths: str | os.PathLike[str] | list[Path],
    *,
    titles: bool = False,
    zone: tzinfo | None = None,
    known: dict[str, str] | None = None,
    **options: Unpack[EvidenceOptions],
) -> InteractionImport:
    """Import one or more iCalendar files into ``log/calendar.yaml``; see :func:`import_mail`.

    ``titles`` keeps event titles as the records' ``note``; ``zone`` is my time zone
    (default: the machine's), which decides each occurrence's day.
    """
    sources = [Path(p) for p in paths] if isinstance(paths, list) else [Path(paths)]
    mine = my_addresses(net)
    scan = CalendarScan(source=display_path(sources[0]))
    for source in sources:
        part = scan_calendar(
            source,
            mine,
            today=options["today"],
            max_size=net.me.settings.max_meeting_size,
            titles=titles,
            zone=zone,
            progress=options.get("progress"),
        )
        scan.events += part.events
        scan.occurrences += part.occurrences
        scan.meetings += part.meetings
        for address, name in part.names.items():
            scan.names.setdefault(address, name)
        scan.left_out.update(part.left_out)
        scan.problems += part.problems
    return _finish(
        net, "calendar", sources, scan, lambda known: meeting_records(scan, known), _Options.of(options, known)
    )


@dataclass
class TakeoutImport:
    """What ``import takeout`` did: the contacts, calendar and mail imports it ran."""

    folder: str
    contacts: list[ImportReport] = field(default_factory=list)
    calendar: InteractionImport | None = None
    mail: InteractionImport | None = None

    @property
    def unreadable(self) -> int:
        parts = [r for r in (self.calendar, self.mail) if r is not None]
        return sum(r.unreadable for r in parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "contacts": [r.to_dict() for r in self.contacts],
            "calendar": self.calendar.to_dict() if self.calendar else None,
            "mail": self.mail.to_dict() if self.mail else None,
        }


def takeout_files(folder: Path) -> dict[str, list[Path]]:
    """The .vcf, .ics and .mbox files below a Google Takeout folder (hidden ones skipped), sorted."""
    found: dict[str, list[Path]] = {"contacts": [], "calendar": [], "mail": []}
    suffixes = {".vcf": "contacts", ".ics": "calendar", ".mbox": "mail"}
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            kind = suffixes.get(Path(name).suffix.casefold())
            if kind and not name.startswith("."):
                found[kind].append(Path(parent) / name)
    return found


def import_takeout(
    net: Network,
    folder: str | os.PathLike[str],
    *,
    titles: bool = False,
    zone: tzinfo | None = None,
    **options: Unpack[EvidenceOptions],
) -> TakeoutImport:
    """Import a Google Takeout folder: its contacts (.vcf) first, then its calendars (.ics) and mail (.mbox).

    The contacts are imported as ``import vcard`` does (new people to a new file);
    the network is loaded again so the calendar and mail find them. A dry run
    matches against the people the contacts import would add.

    Raises
    ------
    GraphnetError
        When the folder holds none of the three, or ``me.email`` is missing.
    """
    today, dry_run, use_cache = options["today"], options.get("dry_run", False), options.get("use_cache", True)
    root = Path(folder)
    files = takeout_files(root)
    if not any(files.values()):
        raise GraphnetError(
            f"{display_path(root)} holds no .vcf, .ics or .mbox file; give the unpacked Takeout folder "
            "(with Mail/, Calendar/ and Contacts/ in it)"
        )
    my_addresses(net)
    result = TakeoutImport(folder=display_path(root))
    planned: dict[str, str] = {}
    for vcf in files["contacts"]:
        report = import_vcard(net, vcf, today=today, dry_run=dry_run, use_cache=use_cache)
        result.contacts.append(report)
        planned.update(_planned_addresses(report))
        if not dry_run and report.added:
            net, _ = load(net.root, today=today, use_cache=use_cache)
    # A dry run writes no contacts: the people they would add are matched too, so their mail and meetings show.
    known = planned if dry_run else None
    if files["calendar"]:
        result.calendar = import_calendar(net, files["calendar"], titles=titles, zone=zone, known=known, **options)
    if files["mail"]:
        result.mail = import_mail(net, files["mail"], known=known, **options)
    return result
