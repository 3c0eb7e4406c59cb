"""``graphnet import …`` and ``graphnet export``."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from ..io.formats import CONTACT_STRENGTHS, EXPORT_FORMATS
from ..model import STRENGTH_RANGE
from ..text import display_path, plural
from .base import (
    EXIT_DATA_ERRORS,
    Context,
    cli,
    data_stdout,
    echo_json,
    fail,
    load_or_exit,
    output_options,
    pass_state,
    stacked,
)

#: A contact export of this many rows or more shows a progress bar (a smaller one is read before it could be seen).
BAR_ROWS = 5000


def _progress_bar(label: str, quiet: bool, *, rows_at_least: int | None = None) -> tuple[Any, Any]:
    """A ``progress(done, total)`` showing a bar on stderr, and the ``close()`` that finishes it.

    With ``rows_at_least``, the bar shows for a read of that many rows or more; without it, once
    a read has taken over half a second.
    """
    state: dict[str, Any] = {"bar": None, "start": None}

    def wanted(done: int, total: int) -> bool:
        if quiet:
            return False
        if rows_at_least is not None:
            return total >= rows_at_least
        state["start"] = state["start"] or time.monotonic()
        return time.monotonic() - state["start"] >= 0.5 and done < total  # else over before it could be seen

    def progress(done: int, total: int) -> None:
        bar = state["bar"]
        if bar is None:
            if not wanted(done, total):
                return
            bar = state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr)
        bar.update(max(0, done - bar.pos))

    def close() -> None:
        if state["bar"] is not None:
            state["bar"].render_finish()

    return progress, close


def _run_import(state: Context, kind: str, file: Path, *, strength: int | None, as_json: bool, **options: Any) -> None:
    """Shared body of ``graphnet import linkedin|vcard|google``; ``options``: the importer's."""
    from ..io.imports import IMPORTERS

    net = load_or_exit(state)
    if strength is not None:
        options["strength"] = strength
    progress, close = _progress_bar(f"reading {file.name}", as_json, rows_at_least=BAR_ROWS)
    try:
        report = IMPORTERS[kind](net, file, today=state.today, progress=progress, use_cache=state.use_cache, **options)
    finally:
        close()
    if as_json:
        echo_json(report.to_dict())
        if report.refused:
            sys.exit(EXIT_DATA_ERRORS)
        return
    _echo_import(report, options["dry_run"])


def _echo_import(report: Any, dry_run: bool) -> None:
    """The human summary of a contact import: problems, the file, updates, additions, merges, counts."""
    for problem in report.problems:
        click.echo(str(problem), err=True)
    if report.refused:
        rows = "row" if report.skipped == 1 else "rows"
        fail(
            f"{report.skipped} {rows} of {report.source} could not be imported (listed above), so nothing was "
            f"written; fix {'it' if report.skipped == 1 else 'them'} in the file, or add --skip-bad to import "
            "the other rows without them",
            EXIT_DATA_ERRORS,
        )
    for text in (report.diff, report.text) if dry_run else ():
        if text:
            click.echo(text, nl=False)
            click.echo("")
    _echo_updates(report, dry_run)
    _echo_added(report, dry_run)
    _echo_merged(report)
    if (report.added or report.updated) and report.unchanged:
        click.echo(f"{report.unchanged} already up to date")
    if report.skipped:
        click.echo(f"skipped {report.skipped} {'row' if report.skipped == 1 else 'rows'} (errors above)")
    if dry_run:
        click.echo("dry run: nothing was written")


def _echo_added(report: Any, dry_run: bool) -> None:
    """``added 3 people (and 1 organization) to people/linkedin-2026-11-25.yaml``."""
    if not report.added:
        if report.updated:
            click.echo("nobody new to add; no new file")
        return
    counts = {"person": 0, "organization": 0, "group": 0}
    for item in report.added:
        counts[item.kind] += 1
    also = [f"{n} {k if n == 1 else k + 's'}" for k, n in counts.items() if n and k != "person"]
    what = plural(counts["person"]) + (f" (and {', '.join(also)})" if also else "")
    target = str(report.output) if report.output is None else display_path(report.output)
    click.echo(f"{'would add' if dry_run else 'added'} {what} to {target}")


def _echo_merged(report: Any) -> None:
    """The people already known whose export says more, and those kept apart though their names match."""
    from ..io.imports import describe_merge

    # Records an import wrote were updated above; the others are yours, and left as they are.
    listed = [m for m in report.merged if not m.imported and (m.missing or m.differs or "this file" in m.reason)]
    if listed:
        click.echo(f"merged {len(listed)} already known (your files are left as they are):")
        _echo_first([f"  {describe_merge(merged, report.source)}" for merged in listed])
    if report.suggested:
        names = sorted({s["name"] for s in report.suggested})
        more = len(names) - 3
        click.echo(
            f"kept apart {len(report.suggested)} with the name (and organization) of someone else, no URL or e-mail"
            f" in common: {', '.join(names[:3])}" + (f" and {more} more" if more > 0 else "") + " (--json lists them)"
        )


#: How many lines of a list the summary shows before "... and N more".
SHOWN_LINES = 20


def _echo_first(lines: list[str]) -> None:
    """The first :data:`SHOWN_LINES` lines, then how many more ``--json`` lists."""
    for line in lines[:SHOWN_LINES]:
        click.echo(line)
    if len(lines) > SHOWN_LINES:
        click.echo(f"  ... and {len(lines) - SHOWN_LINES} more (--json lists them all)")


#: How many people a group of changes names before "and N more".
SHOWN_CHANGES = 3


def _first_changes(items: list[str]) -> str:
    """``a, b, c, … and 4 more``: the first :data:`SHOWN_CHANGES` changes."""
    more = f", … and {len(items) - SHOWN_CHANGES} more" if len(items) > SHOWN_CHANGES else ""
    return ", ".join(items[:SHOWN_CHANGES]) + more


def _echo_updates(report: Any, dry_run: bool) -> None:
    """The changes of a re-import, first and grouped: positions, job changes, other values, kept values."""
    if not report.added and not report.updated:
        click.echo(f"nothing changed: {report.unchanged} people already up to date; no file written")
    if report.updated:
        verb = "would update" if dry_run else "updated"
        people = "person" if len(report.updated) == 1 else "people"
        click.echo(
            f"{verb} {len(report.updated)} {people} from the export (in place, only the values that came from an import):"
        )
        _echo_changes(report.updated)
    if report.kept:
        values = "value" if len(report.kept) == 1 else "values"
        click.echo(f"kept {len(report.kept)} {values} you wrote by hand (the export differs):")
        _echo_first(
            [
                f"  {report.source}:{kept.row}: {kept.id} ({kept.where}): {kept.field} '{kept.export}' in the export,"
                f" yours '{kept.yours}'"
                for kept in report.kept
            ]
        )


def _echo_changes(updated: list[Any]) -> None:
    """The updated people grouped: positions changed, job changes, other values, 'met' become 'connected'."""
    titles = [u for u in updated if u.job_change is None and "role" in u.changes]
    if titles:
        shown = _first_changes([f"{u.name} ({u.changes['role'][0] or '—'} → {u.changes['role'][1]})" for u in titles])
        click.echo(f"  {len(titles)} position{'' if len(titles) == 1 else 's'} changed: {shown}")
    jobs = [u for u in updated if u.job_change is not None]
    if jobs:
        shown = _first_changes([f"{u.name}, {u.job_change[0]} → {u.job_change[1]}" for u in jobs])
        click.echo(f"  {len(jobs)} job change{'' if len(jobs) == 1 else 's'}: {shown}")
    others: dict[str, int] = {}
    for u in updated:
        for key in u.changes:
            if key not in ("role", "org"):
                others[key] = others.get(key, 0) + 1
    if others:
        click.echo("  other values filled in or updated: " + ", ".join(f"{k} {n}" for k, n in others.items()))
    moved = sum(1 for u in updated if "met" in u.removed)
    if moved:
        click.echo(f"  {moved} 'met' written from Connected On by an earlier import became 'connected' (not contact)")


_JSON_REPORT = click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")


def _import_options(kind: str) -> Any:
    """FILE and the options of every contact import."""
    return stacked(
        click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path)),
        click.option(
            "--strength",
            type=click.IntRange(*STRENGTH_RANGE),
            default=None,
            help=f"Declared strength of the new people (default {CONTACT_STRENGTHS[kind]}).",
        ),
        click.option("--dry-run", is_flag=True, help="Show the file that would be written; write nothing."),
        click.option(
            "--file",
            "output",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="The new file, relative to the network folder (default people/KIND-YYYY-MM-DD.yaml).",
        ),
        _JSON_REPORT,
        click.option(
            "--skip-bad",
            is_flag=True,
            help="Import the good rows even if some rows cannot be imported (they are listed).",
        ),
        pass_state,
    )


@cli.group("import")
def import_group() -> None:
    """Import contacts (LinkedIn, vCard, Google) or evidence of contact (mail, calendar, Takeout).

    Each import writes a NEW file (people/linkedin-YYYY-MM-DD.yaml, ...) in the
    usual format and never edits your files. Someone already in the network
    (same e-mail, same LinkedIn URL, or same name and organization) is not
    repeated: the report lists what the import knows that your file lacks.
    A bad or unreadable row is reported as file:row: error: ...; then nothing
    is written and the exit code is 1, unless --skip-bad imports the good rows
    without the bad ones. The network is loaded again with the new file before it is
    written, so an import never leaves errors behind.

    \b
    Example:
        graphnet import linkedin ~/Downloads/Connections.csv --dry-run
        graphnet import vcard contacts.vcf --strength 3
        graphnet import google contacts.csv
        graphnet import calendar calendar.ics
        graphnet import mail "All mail Including Spam and Trash.mbox"
        graphnet import takeout ~/Downloads/Takeout

    Mail and calendar records go to their own files (log/mail.yaml,
    log/calendar.yaml), merged by month (mail) or day (meetings): importing
    again changes no byte, a later export adds only what is new.
    """


@import_group.command("linkedin")
@_import_options("linkedin")
def import_linkedin_command(state: Context, file: Path, **options: Any) -> None:
    """Import LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data).

    First/Last Name become the name, Company and Position org and role,
    Connected On (12 Mar 2024) the date met, URL and Email Address url and
    email; new people get strength 1 unless --strength says otherwise.

    \b
    Example:
        graphnet import linkedin Connections.csv --dry-run | less
        graphnet import linkedin Connections.csv --file people/linkedin.yaml
    """
    _run_import(state, "linkedin", file, **options)


@import_group.command("vcard")
@_import_options("vcard")
def import_vcard_command(state: Context, file: Path, **options: Any) -> None:
    """Import a vCard file (.vcf, vCard 3.0 or 4.0, e.g. from Apple Contacts).

    FN/N, ORG, TITLE, EMAIL, TEL, URL, NOTE and CATEGORIES (as tags) are read;
    RELATED and Apple's related names become 'knows' when the other person is
    in the network or in the file; KIND:org cards become organizations and
    KIND:group cards groups.

    \b
    Example:
        graphnet import vcard ~/Desktop/contacts.vcf --dry-run
    """
    _run_import(state, "vcard", file, **options)


@import_group.command("google")
@_import_options("google")
def import_google_command(state: Context, file: Path, **options: Any) -> None:
    """Import a Google Contacts export (contacts.google.com > Export > Google CSV).

    Names, Organization Name/Title/Department, e-mails, phones, websites and
    Notes are read; Labels become tags (without '* myContacts'); Relation
    columns become 'knows' when the related person is known.

    \b
    Example:
        graphnet import google contacts.csv --dry-run
    """
    _run_import(state, "google", file, **options)


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="graphml (Gephi, Cytoscape, Neo4j APOC), gexf (Gephi), json (node-link), csv (neo4j-admin import).",
)
@output_options(
    "-",
    "Where to write; '-' is stdout. For csv: a folder, or a name whose -nodes.csv/-relationships.csv are written.",
    "Replace the -o file(s) even if graphnet did not write them.",
)
@click.option("--include-private", is_flag=True, help="Also export e-mail, phone, URL and notes.")
@pass_state
def export_command(state: Context, fmt: str, output: str, force: bool, include_private: bool) -> None:
    """Export the network as a graph file with tie weights and kinds.

    Nodes are you, people, organizations and groups; edges carry their kind
    (tie, knows, introduction, works_at, worked_at, member_of), the computed
    tie weight, and the lines they come from. Dates are ISO text. E-mail,
    phone, URL and notes are left out unless --include-private is given.
    Files are written atomically. An output inside the data folder is
    refused; an existing file is replaced only if graphnet wrote it (or with
    --force); a FIFO or device is written into.

    \b
    Example:
        graphnet export --format gexf -o network.gexf
        graphnet export --format json | jq '.nodes | length'
        graphnet export --format csv -o neo4j/
        neo4j-admin database import full --nodes=neo4j/nodes.csv --relationships=neo4j/relationships.csv
    """
    from ..io.exports import export

    net = load_or_exit(state)
    target: Any = data_stdout() if output == "-" else Path(output)
    written = export(net, fmt, target, today=state.today, include_private=include_private, force=force)
    for path in written:
        click.echo(display_path(path), err=output == "-")


# -- evidence of contact: mail, calendar, Google Takeout ----------------------------------------------


def _echo_interactions(report: Any) -> None:
    """The human summary of an ``InteractionImport``."""
    for problem in report.problems:
        click.echo(str(problem), err=True)
    kind = report.kind
    what = {"mail": ("message", "messages"), "calendar": ("occurrence", "occurrences")}[kind]
    click.echo(
        f"read {plural(report.read, *what)} from {', '.join(report.sources)}"
        + (" (headers only)" if kind == "mail" else "")
    )
    _echo_people_added(report)
    counted = "messages" if kind == "mail" else "meetings"
    _echo_records(report, counted)
    if report.left_out:
        parts = [f"{n:,} {reason}" for reason, n in sorted(report.left_out.items(), key=lambda kv: (-kv[1], kv[0]))]
        click.echo("left out (by the rules, not errors): " + ", ".join(parts))
    _echo_unknown(report, counted)
    if report.unreadable:
        thing = "message" if kind == "mail" else "event"
        click.echo(f"{plural(report.unreadable, thing)} could not be read (listed above); the rest was imported")
    if report.dry_run:
        click.echo("dry run: nothing was written")


def _echo_people_added(report: Any) -> None:
    """The people ``--add-unknown`` added first."""
    from ..io.imports import describe_merge

    if report.people is not None and report.people.added:
        verb = "would add" if report.dry_run else "added"
        shown = display_path(report.people.output) if report.people.output else "a new file"
        click.echo(f"{verb} {plural(report.people.added_people, 'person', 'people')} not known before to {shown}")
        for merged in report.people.merged[:5]:
            click.echo(f"  {describe_merge(merged)}")


def _echo_records(report: Any, counted: str) -> None:
    """What the log file got: records added, raised, already there; the merge's notes."""
    merge = report.merge
    target = display_path(report.output)
    if merge is None or not (merge.added or merge.updated):
        click.echo(f"nothing new for {target} ({plural(report.records, 'record')} already there; no byte changed)")
    else:
        verb = "would add" if report.dry_run else "added"
        line = f"{verb} {plural(merge.added, 'record')} to {target}"
        if merge.updated:
            line += f", {'would raise' if report.dry_run else 'raised'} {merge.updated} with more {counted}"
        if merge.unchanged:
            line += f"; {merge.unchanged} already there"
        click.echo(line + f" ({report.counted:,} {counted} with people in your network)")
    for note in merge.notes if merge else []:
        click.echo(f"note: {target}: {note}")


def _echo_unknown(report: Any, counted: str) -> None:
    """The most frequent addresses that match nobody, and how to add them."""
    unknown = report.unknown
    if not unknown.volume:
        return
    click.echo(
        f"{plural(len(unknown.volume), 'address', 'addresses')} match nobody in your network; the most frequent:"
    )
    for address, name, volume in unknown.top(10):
        label = f"{name} <{address}>" if name and name != address else address
        click.echo(f"  {label}: {plural(volume, counted[:-1], counted)}")
    if report.people is None:
        worth = len(unknown.worth_adding)
        rule = "mail both ways" if report.kind == "mail" else "a meeting with you"
        click.echo(f"  --add-unknown adds the {worth} with {rule}; or add an address to someone's email: to match it")


_interactions_options = stacked(
    click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing."),
    click.option(
        "--add-unknown",
        is_flag=True,
        help="Add people who match nobody (mail both ways, or a meeting with you) as new people first.",
    ),
    _JSON_REPORT,
    pass_state,
)
_TITLES = click.option("--titles", is_flag=True, help="Keep event titles as the records' note (left out by default).")


def _run_interactions(state: Context, importer: Any, source: Any, label: str, as_json: bool, **options: Any) -> Any:
    """Load the network and run an evidence import (mail, calendar, Takeout) with a progress bar."""
    net = load_or_exit(state)
    progress, close = _progress_bar(f"reading {label}", as_json)
    try:
        return importer(net, source, today=state.today, progress=progress, use_cache=state.use_cache, **options)
    finally:
        close()


def _finish_interactions(report: Any, as_json: bool) -> None:
    if as_json:
        echo_json(report.to_dict())
    else:
        _echo_interactions(report)
    if report.unreadable:
        sys.exit(1)


@import_group.command("calendar")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_TITLES
@_interactions_options
def import_calendar_command(state: Context, file: Path, as_json: bool, **options: Any) -> None:
    """Import meetings from an iCalendar file (.ics) into log/calendar.yaml.

    Recurring events are expanded up to --today (exceptions and moved
    occurrences included). An occurrence counts as a meeting with the attendees
    who are in your network (matched by e-mail) unless it was cancelled, you
    declined it, or it has more than max_meeting_size attendees (a setting under
    me:, default 10). Attendees who declined are left out. Needs your own
    address(es) under me: email:. Titles are not stored unless --titles.
    Importing again adds only what is new; delete the file to undo.

    \b
    Example:
        graphnet import calendar ~/Downloads/calendar.ics --dry-run
    """
    from ..io.interactions import import_calendar

    report = _run_interactions(state, import_calendar, file, file.name, as_json, **options)
    _finish_interactions(report, as_json)


@import_group.command("mail")
@click.argument("path", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_interactions_options
def import_mail_command(state: Context, path: tuple[Path, ...], as_json: bool, **options: Any) -> None:
    """Import who you corresponded with from an mbox file or a Maildir folder into log/mail.yaml.

    Several PATHs (Inbox, Sent, Archive...) are read together, so each month
    of mail with a person is one record over all of them.

    Reads headers only (From, To, Cc, Bcc, Date, Message-ID, List-Id,
    Precedence, Auto-Submitted): never a subject or a body. Mailing lists, bulk
    and automatic mail, no-reply senders and messages with more than
    max_mail_recipients recipients (a setting under me:, default 10) are left
    out. Each person gets one 'email' record per month with count, sent and
    received. Needs your own address(es) under me: email:.

    \b
    Example:
        graphnet import mail "~/Takeout/Mail/All mail Including Spam and Trash.mbox"
        graphnet import mail ~/Maildir --dry-run
        graphnet import mail ~/Mail/Inbox ~/Mail/Sent
    """
    from ..io.interactions import import_mail

    report = _run_interactions(state, import_mail, list(path), path[0].name, as_json, **options)
    _finish_interactions(report, as_json)


@import_group.command("takeout")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_TITLES
@_interactions_options
def import_takeout_command(state: Context, folder: Path, as_json: bool, **options: Any) -> None:
    """Import a Google Takeout folder: contacts (.vcf), calendars (.ics) and mail (.mbox) in one go.

    The contacts are imported first, as `import vcard` does, so the calendar
    and mail find the people they add; then every .ics into log/calendar.yaml
    and every .mbox into log/mail.yaml, with the rules of `import calendar` and
    `import mail`.

    \b
    Example:
        graphnet import takeout ~/Downloads/Takeout --dry-run
    """
    from ..io.interactions import import_takeout

    result = _run_interactions(state, import_takeout, folder, folder.name, as_json, **options)
    if as_json:
        echo_json(result.to_dict())
    else:
        for contacts in result.contacts:
            for problem in contacts.problems:
                click.echo(str(problem), err=True)
            verb = "would add" if options["dry_run"] else "added"
            where = display_path(contacts.output) if contacts.output else "no new file"
            click.echo(
                f"contacts {contacts.source}: {verb} {plural(contacts.added_people, 'person', 'people')} ({where}); "
                f"{len(contacts.merged)} already known"
            )
        for part in (result.calendar, result.mail):
            if part is not None:
                click.echo("")
                _echo_interactions(part)
    if result.unreadable:
        sys.exit(1)
