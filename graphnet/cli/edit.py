"""Commands that write to the files: add, log, favor, intro."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from ..files.format import RECORDS, Field
from ..model import DEFAULT_INTRODUCTION_STATUS, INTRODUCTION_STATUSES, STRENGTH_RANGE, Network
from .base import Context, cli, cli_words, fail, pass_state, stacked

F = TypeVar("F", bound=Callable[..., Any])


def _write_context(state: Context, *, names_only: bool = False) -> tuple[Network, date, bool]:
    """The network to add to (data errors are reported, not fatal: the fix may be this write).

    A write that only names people already there (``names_only``) takes the network's roster
    when it is current (:mod:`graphnet.files.roster`) instead of loading every file.
    """
    if not state.data.is_dir():
        fail(
            f"the network folder {state.data} does not exist; create it with `graphnet init {state.data}`"
            " or point --data at your network"
        )
    from ..files.loader import data_files
    from ..files.roster import roster_network

    known = roster_network(state.data, data_files(state.data)) if names_only and state.use_cache else None
    if known is not None:
        net, errors = known
    else:
        net, problems = state.load()
        errors = sum(1 for p in problems if p.is_error)
    if errors:
        click.echo(f"warning: the network has {errors} error(s); `graphnet check` lists them", err=True)
    return net, state.today, state.use_cache


def _report(result: Any) -> None:
    click.echo(result.describe())


def _dry_run_option(f: Any) -> Any:
    return click.option("--dry-run", is_flag=True, help="Show what would be written, write nothing.")(f)


def _file_option(f: Any) -> Any:
    return click.option(
        "--file",
        "file",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Write to this file of the network folder (default: the last file holding the section).",
    )(f)


def _date_option(f: Any) -> Any:
    return click.option("--date", "date", metavar="YYYY-MM-DD", help="When it happened (default: today).")(f)


_write_options = stacked(_file_option, _dry_run_option, pass_state)
_dated_write_options = stacked(_date_option, _write_options)


def _append(state: Context, write: Callable[..., Any], *args: Any, names_only: bool = True, **options: Any) -> None:
    """Run a library append (``files.edit``: its WriteOptions from the command line) and say what it wrote.

    ``names_only``: the write adds no id (log, favor, intro), so the roster may stand in for the network.
    """
    net, today, cached = _write_context(state, names_only=names_only)
    _report(write(net, *args, today=today, use_cache=cached, **options))


@cli.group()
def add() -> None:
    """Add a person, an organization or a group to the network's files.

    The entry is appended to the file that already holds that section (or
    --file); nothing else in the file changes. Unknown ids are refused with a
    suggestion, and nothing is written then.

    \b
    Example:
        graphnet add person "Ada Lovelace" --org "Acme Corp" --strength 3
        graphnet add org "Acme Corp" --alias ACME --industry software
        graphnet add group "Chess club" --member me --member ada-lovelace
    """


def _option_help(described: Field) -> str:
    text = (described.option_help or described.meaning).rstrip(".")
    if described.is_list:
        text += " (repeatable)"
    if described.private:
        text += " (private)"
    return text + "."


def _record_options(kind: str) -> Callable[[F], F]:
    """The options of ``graphnet add KIND``: one per field the format table gives an option."""

    def decorate(command: F) -> F:
        for described in reversed([d for d in RECORDS[kind].fields if d.option]):
            extra: dict[str, Any] = {"multiple": described.is_list}
            if described.type == "strength":
                extra["type"] = click.IntRange(*STRENGTH_RANGE)
            elif described.type == "date":
                extra["metavar"] = "YYYY-MM-DD"
            command = click.option(described.option, described.name, help=_option_help(described), **extra)(command)
        return command

    return decorate


@add.command("person")
@click.argument("name")
@_record_options("person")
@_write_options
def add_person_command(state: Context, name: str, file: Path | None, dry_run: bool, **fields: Any) -> None:
    """Add a person under people:.

    \b
    Example:
        graphnet add person "Ada Lovelace" --org "Acme Corp" --role CTO \\
            --strength 3 --circle work --knows grace-hopper --met 2026-03-14
    """
    from ..files.edit import AlreadyImported, add_person

    net, today, cached = _write_context(state)
    try:
        _report(add_person(net, name, **fields, today=today, file=file, dry_run=dry_run, use_cache=cached))
    except AlreadyImported as known:  # not a failure: the person is there, the message says how to raise them
        click.echo(cli_words(str(known), click.get_current_context()))


@add.command("org")
@click.argument("name")
@_record_options("organization")
@_write_options
def add_org_command(state: Context, name: str, file: Path | None, dry_run: bool, **fields: Any) -> None:
    """Add an organization under organizations:.

    \b
    Example:
        graphnet add org "Acme Corp" --alias ACME --industry software --competitor Globex
    """
    from ..files.edit import add_org

    _append(state, add_org, name, names_only=False, file=file, dry_run=dry_run, **fields)


@add.command("group")
@click.argument("name")
@_record_options("group")
@_write_options
def add_group_command(state: Context, name: str, file: Path | None, dry_run: bool, **fields: Any) -> None:
    """Add a group under groups:.

    \b
    Example:
        graphnet add group "Chess club" --kind club --member me --member ada-lovelace
    """
    from ..files.edit import add_group

    _append(state, add_group, name, names_only=False, file=file, dry_run=dry_run, **fields)


@cli.command("log")
@click.argument("people", nargs=-1, required=True)
@click.option("--kind", help="coffee, call, email, meeting…")
@click.option("--note", help="What you talked about.")
@_dated_write_options
def log_command(state: Context, people: tuple[str, ...], **options: Any) -> None:
    """Log an interaction with one or more people (ids or names), dated today.

    \b
    Example:
        graphnet log ada-lovelace --kind coffee --note "talked about the new team"
        graphnet log "Ada Lovelace" grace-hopper --kind call --date 2026-11-20
    """
    from ..files.edit import log_interaction

    _append(state, log_interaction, list(people), **options)


@cli.command("favor")
@click.option("--from", "giver", required=True, help="Who did the favor: id, name or me.")
@click.option("--to", "receiver", required=True, help="Who received it: id, name or me.")
@click.option("--what", required=True, help="What the favor was.")
@click.option("--kind", help="referral, advice, introduction…")
@_dated_write_options
def favor_command(state: Context, **options: Any) -> None:
    """Record a favor, in either direction, dated today.

    \b
    Example:
        graphnet favor --from ada-lovelace --to me --what "referred me to the hiring manager"
        graphnet favor --from me --to grace-hopper --kind advice --what "reviewed her talk"
    """
    from ..files.edit import add_favor

    _append(state, add_favor, **options)


@cli.command("intro")
@click.argument("people", nargs=2)
@click.option("--by", required=True, help="Who made the introduction: id, name or me.")
@click.option(
    "--status",
    type=click.Choice(INTRODUCTION_STATUSES),
    default=DEFAULT_INTRODUCTION_STATUS,
    show_default=True,
    help="Where the introduction stands.",
)
@click.option("--note", help="Context.")
@_dated_write_options
def intro_command(state: Context, people: tuple[str, str], **options: Any) -> None:
    """Record that someone introduced two people (ids, names or me), dated today.

    \b
    Example:
        graphnet intro --by grace-hopper me ada-lovelace
        graphnet intro --by me ada-lovelace alan-turing --status requested
    """
    from ..files.edit import add_introduction

    _append(state, add_introduction, options.pop("by"), *people, **options)
