"""The ``graphnet`` command line: a thin layer over the library.

Every command loads the network, calls one library function and prints its
answer (``--json`` for scripts). Exit codes: 0 success; 1 the data has errors
(``check`` lists them); 2 a bad request (unknown target, bad option).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from . import __version__
from .errors import GraphnetError, Problem, has_errors
from .loader import load
from .model import Network

EXIT_DATA_ERRORS = 1
EXIT_BAD_REQUEST = 2


@dataclass
class Context:
    data: Path
    today: date
    use_cache: bool = True
    _loaded: tuple[Network, list[Problem]] | None = None

    def load(self) -> tuple[Network, list[Problem]]:
        if self._loaded is None:
            self._loaded = load(self.data, today=self.today, use_cache=self.use_cache)
        return self._loaded


def fail(message: str, code: int = EXIT_BAD_REQUEST) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def load_or_exit(ctx: click.Context) -> Network:
    """The loaded network; on data errors print them to stderr and exit 1."""
    net, problems = ctx.find_object(Context).load()  # type: ignore[union-attr]
    if has_errors(problems):
        errors = [p for p in problems if p.is_error]
        for problem in errors[:20]:
            click.echo(str(problem), err=True)
        more = f" (and {len(errors) - 20} more)" if len(errors) > 20 else ""
        fail(
            f"the network has {len(errors)} error(s){more}; fix them first (`graphnet check` lists them all)",
            EXIT_DATA_ERRORS,
        )
    return net


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def _default_data() -> str:
    return os.environ.get("GRAPHNET_DATA") or "data"


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="graphnet")
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    default=_default_data,
    show_default="$GRAPHNET_DATA, else ./data",
    help="The network folder to read.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Answer as of this date (YYYY-MM-DD) instead of today, for reproducible output.",
)
@click.option("--no-cache", is_flag=True, help="Parse every file again instead of using the cache.")
@click.pass_context
def cli(ctx: click.Context, data: Path, today: Any, no_cache: bool) -> None:
    """graphnet: your professional network as plain YAML, with real answers.

    Keep people, organizations, groups, introductions, interactions and favors
    in YAML files you edit yourself; graphnet finds warm introduction paths,
    brokers, weak ties and whom to contact now, and draws an offline map.

    \b
    Example:
        graphnet check
        graphnet --data ~/network path "Acme Corp"
    """
    ctx.obj = Context(data=data, today=today.date() if today else date.today(), use_cache=not no_cache)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the problems as a JSON list.")
@click.pass_context
def check(ctx: click.Context, as_json: bool) -> None:
    """Check the network's files and list every problem, one a line.

    Each line reads path:line:col: severity: message, which editors can jump
    to. Exits 0 when there are no errors (warnings allowed), 1 when there are.

    \b
    Example:
        graphnet check
        graphnet check --json | jq '.[] | select(.severity == "error")'
    """
    _net, problems = ctx.find_object(Context).load()  # type: ignore[union-attr]
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
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Summarise the network: size, activity, reach beyond work, isolation warnings.

    \b
    Example:
        graphnet stats
        graphnet --today 2026-11-25 stats --json
    """
    from .stats import summary

    net = load_or_exit(ctx)
    today = ctx.find_object(Context).today  # type: ignore[union-attr]
    result = summary(net, today)
    if as_json:
        echo_json(result.to_dict())
        return
    rows = [
        ("people", str(result.people)),
        ("organizations", f"{result.organizations} ({result.organizations_declared} declared)"),
        ("groups", f"{result.groups} ({result.my_groups} yours)"),
        ("your ties", str(result.ties)),
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


def main() -> None:  # pragma: no cover - the console script
    try:
        cli()
    except GraphnetError as exc:
        fail(str(exc))
