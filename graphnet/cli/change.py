"""Commands that change what is written, in place: set, tie, move, merge, remind, snooze."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..model import STRENGTH_RANGE
from .base import Context, cli, pass_state
from .edit import _dry_run_option, _file_option, _report, _write_context


def _dry_run_diff(f: Any) -> Any:
    return click.option("--dry-run", is_flag=True, help="Show the change as a diff, write nothing.")(f)


@cli.command("set")
@click.argument("person")
@click.argument("key")
@click.argument("value")
@_dry_run_diff
@pass_state
def set_command(state: Context, person: str, key: str, value: str, dry_run: bool) -> None:
    """Set one field of a person (or of me): strength, cadence, org, role, location, met…

    The value is replaced where it is written (comments and formatting around it stay);
    a missing key is added to the record. An empty VALUE removes the key. circles, tags
    and email take a comma-separated list.

    \b
    Example:
        graphnet set Katrin strength 4
        graphnet set "Ada Lovelace" circles "work, alumni"
        graphnet set me org "Quanta Retail"
    """
    from ..files.change import set_field

    net, today, _cached = _write_context(state, names_only=True)
    _report(set_field(net, person, key, value, today=today, dry_run=dry_run))


@cli.command("tie")
@click.argument("a")
@click.argument("b")
@click.option("--strength", type=click.IntRange(*STRENGTH_RANGE), help="How well they know each other, 0-5.")
@click.option("--since", metavar="YYYY-MM-DD", help="Since when they know each other.")
@click.option("--note", help="How they know each other.")
@_dry_run_diff
@pass_state
def tie_command(
    state: Context, a: str, b: str, strength: int | None, since: str | None, note: str | None, dry_run: bool
) -> None:
    """A and B know each other: adds a knows entry under A, or updates the one already written under either.

    \b
    Example:
        graphnet tie Katrin "Gina Ortiz" --strength 3 --since 2021-05-01 --note "same team"
    """
    from ..files.change import tie

    net, today, _cached = _write_context(state, names_only=True)
    _report(tie(net, a, b, strength=strength, since=since, note=note, today=today, dry_run=dry_run))


@cli.command("move")
@click.argument("person")
@click.argument("org")
@click.option("--role", help="The new role (without it, the old role is dropped with the old job).")
@click.option(
    "--date",
    "when",
    metavar="YYYY-MM-DD",
    help="When the old job ended (default: today); given, also written as the new job's start.",
)
@_dry_run_diff
@pass_state
def move_command(state: Context, person: str, org: str, role: str | None, when: str | None, dry_run: bool) -> None:
    """A job change: the current org, role and department go to past_orgs (with to: set), ORG becomes current.

    \b
    Example:
        graphnet move Katrin Globex --role "Head of Data" --date 2026-10-31
        graphnet move me "Quanta Retail" --role "Data Engineer"
    """
    from ..files.change import move_person

    net, today, _cached = _write_context(state, names_only=True)
    _report(move_person(net, person, org, role=role, when=when, today=today, dry_run=dry_run))


@cli.command("merge")
@click.argument("keep")
@click.argument("drop")
@_dry_run_diff
@pass_state
def merge_command(state: Context, keep: str, drop: str, dry_run: bool) -> None:
    """Two records of one person become one: KEEP takes DROP's missing fields and every reference to DROP.

    DROP's record is removed. Every file changes together, or none does.

    \b
    Example:
        graphnet merge katrin-braun katrin-braun-2 --dry-run
    """
    from ..files.change import merge_people

    net, today, _cached = _write_context(state, names_only=True)
    _report(merge_people(net, keep, drop, today=today, dry_run=dry_run))


@cli.command("remind")
@click.argument("person")
@click.option("--on", "on", required=True, metavar="YYYY-MM-DD", help="The day to follow up (may be in the future).")
@click.option("--note", help="What about.")
@_file_option
@_dry_run_option
@pass_state
def remind_command(state: Context, person: str, on: str, note: str | None, file: Path | None, dry_run: bool) -> None:
    """Plan a follow-up: reach-outs lists PERSON from that day (reason: reminder).

    \b
    Example:
        graphnet remind Katrin --on 2027-01-15 --note "ask how the new team is going"
    """
    from ..files.edit import add_reminder

    net, today, cached = _write_context(state, names_only=True)
    _report(add_reminder(net, person, on=on, note=note, today=today, file=file, dry_run=dry_run, use_cache=cached))


@cli.command("snooze")
@click.argument("person")
@click.option("--until", "until", required=True, metavar="YYYY-MM-DD", help="The day reach-outs may list them again.")
@_dry_run_diff
@pass_state
def snooze_command(state: Context, person: str, until: str, dry_run: bool) -> None:
    """Leave PERSON out of reach-outs until a day (sets their snoozed_until).

    \b
    Example:
        graphnet snooze "Old Friend" --until 2027-03-01
    """
    from ..files.change import snooze

    net, today, _cached = _write_context(state, names_only=True)
    _report(snooze(net, person, until, today=today, dry_run=dry_run))
