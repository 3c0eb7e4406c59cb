"""Commands about the files themselves: check, stats, init, schema, cache."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import has_errors
from .base import EXIT_DATA_ERRORS, Context, cli, echo_json, load_or_exit, pass_state, read_only


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the problems as a JSON list.")
@pass_state
@read_only
def check(state: Context, as_json: bool) -> None:
    """Check the network's files and list every problem, one a line.

    Each line reads path:line:col: severity: message, which editors can jump
    to. Exits 0 when there are no errors (warnings allowed), 1 when there are.

    \b
    Example:
        graphnet check
        graphnet check --json | jq '.[] | select(.severity == "error")'
    """
    _net, problems = state.load()
    if as_json:
        echo_json([p.to_dict() for p in problems])
    else:
        for problem in problems:
            click.echo(str(problem))
        if problems:
            errors = sum(1 for p in problems if p.is_error)
            click.echo(f"{errors} error(s), {len(problems) - errors} warning(s)", err=True)
    sys.exit(EXIT_DATA_ERRORS if has_errors(problems) else 0)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_state
@read_only
def stats(state: Context, as_json: bool) -> None:
    """Summarise the network: size, activity, reach beyond work, isolation warnings.

    \b
    Example:
        graphnet stats
        graphnet --today 2026-11-25 stats --json
    """
    from ..analyses.stats import summary

    net = load_or_exit(state)
    today = state.today
    result = summary(net, today)
    if as_json:
        echo_json(result.to_dict())
        return
    rows = [
        ("people", str(result.people)),
        ("organizations", f"{result.organizations} ({result.organizations_declared} declared)"),
        ("groups", f"{result.groups} ({result.my_groups} yours)"),
        (
            "your ties",
            str(result.ties) + (f" ({result.connections} of them connections)" if result.connections else ""),
        ),
        ("ties between people", str(result.knows_ties)),
        ("ties active, 30 days", str(result.active[30])),
        ("ties active, 90 days", str(result.active[90])),
        ("ties active, 365 days", str(result.active[365])),
        ("outside work circles", f"{result.outside_work_share:.0%} of people with circles"),
        ("introductions", str(result.introductions)),
        ("interactions", str(result.interactions)),
        ("favors given / received", f"{result.favors_given} / {result.favors_received}"),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        click.echo(f"{label:<{width}}  {value}")
    for warning in result.warnings:
        click.echo(f"warning: {warning}")


@cli.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path, file_okay=False))
@pass_state
def init(state: Context, folder: Path | None) -> None:
    """Start a new network folder with a commented starter file per section.

    Writes me.yaml, people.yaml, organizations.yaml, groups.yaml,
    introductions.yaml, interactions.yaml and favors.yaml, whose comments
    explain the format, and .graphnet/schema.json, which editors with the YAML
    language server use to complete and check fields while you type. FOLDER
    defaults to --data. Never overwrites a file.

    \b
    Example:
        graphnet init ~/network
        graphnet --data ~/network add person "Ada Lovelace" --org "Acme Corp"
    """
    from ..files.init import init_network

    target = folder or state.data
    written = init_network(target)
    for path in written:
        click.echo(f"created {path}")
    hint = "" if folder is None or str(folder) == "data" else f"--data {target} "
    click.echo(f"next: edit {target / 'me.yaml'}, then `graphnet {hint}add person NAME`")


@cli.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of graphnet's files, for editors.

    Editors with the YAML language server (VS Code's YAML extension, yamlls)
    complete and check fields while you type in a file whose first line is
    `# yaml-language-server: $schema=PATH-TO-SCHEMA`; `graphnet init` writes
    both.

    \b
    Example:
        graphnet schema > .graphnet/schema.json
    """
    from ..files.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@cli.group()
def cache() -> None:
    """Manage graphnet's cache of parsed files and answers.

    The cache lives in your user cache folder (or $GRAPHNET_CACHE_DIR), holds
    JSON only, and is rebuilt whenever a data file changes.
    """


@cache.command("clear")
def cache_clear() -> None:
    """Remove graphnet's cache entries (they are rebuilt on the next command).

    Only files graphnet wrote are removed, so $GRAPHNET_CACHE_DIR may point at
    a folder that holds other things too.

    \b
    Example:
        graphnet cache clear
    """
    from ..files.cache import clear

    folder, removed = clear()
    click.echo(f"removed {removed} cache {'entry' if removed == 1 else 'entries'} from {folder}")


@cache.command("path")
def cache_path() -> None:
    """Print where the cache lives.

    \b
    Example:
        graphnet cache path
    """
    from ..files.cache import cache_dir

    click.echo(str(cache_dir()))
