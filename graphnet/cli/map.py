"""``graphnet map``: the interactive HTML map."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click

from ..map.options import COLOR_BY, DEFAULT_LIMIT, DEPTH_RANGE, SIZE_BY, MapOptions
from ..model import MAP_LIMIT_RANGE, STRENGTH_RANGE
from .base import Context, cli, cli_words, data_stdout, fail, load_or_exit, output_options, pass_state


def _choice(name: str, choices: tuple[str, ...], help: str) -> Any:
    """``--color-by``-like option: one of ``choices``, by default :class:`MapOptions`' ``name``."""
    option = "--" + name.replace("_", "-")
    return click.option(
        option, type=click.Choice(choices), default=getattr(MapOptions, name), show_default=True, help=help
    )


@cli.command("map")
@output_options(
    "network.html",
    "The HTML file to write ('-' is stdout); never inside the data folder, and replaced only if graphnet wrote it.",
    "Replace the -o file even if graphnet did not write it.",
)
@_choice("color_by", COLOR_BY, "What node colours stand for.")
@_choice(
    "size_by", SIZE_BY, "What a person's size stands for: your tie's strength, brokerage (links clusters) or nothing."
)
@click.option("--highlight", metavar="TARGET", help="Draw the best warm paths to this organization or person.")
@click.option("--focus", metavar="PERSON", help="Show only the neighbourhood of this person (id or name).")
@click.option(
    "--depth",
    type=click.IntRange(*DEPTH_RANGE),
    default=MapOptions.depth,
    show_default=True,
    help="How many hops around --focus to show.",
)
@click.option(
    "--min-strength", type=click.IntRange(*STRENGTH_RANGE), help="Show only people whose tie with you is this strong."
)
@click.option("--circle", help="Show only people in this circle.")
@click.option("--org", help="Show only people who work or worked at this organization.")
@click.option(
    "--include-private",
    is_flag=True,
    help="Put email, phone, url and notes in the tooltips (the file is then readable by you only).",
)
@click.option(
    "--limit",
    type=click.IntRange(*MAP_LIMIT_RANGE),
    default=None,
    help=f"Show at most this many people, closest first  [default: {DEFAULT_LIMIT}].",
)
@click.option("--all", "show_all", is_flag=True, help="Show every person, however many (big maps get slow).")
@pass_state
def map_command(state: Context, output: str, force: bool, limit: int | None, show_all: bool, **shown: Any) -> None:
    """Draw the network as one interactive HTML file that works offline.

    You are at the centre; people, organizations and groups around you,
    closer the stronger your tie, coloured by cluster (or organization, or
    circle), sized by tie strength (or brokerage), line width for tie weight.
    Hover for details, click a person for their page and neighbours, and
    search by name (press /). The file loads nothing from the internet and holds no
    email, phone, url or notes unless --include-private is given. Prints the
    path written.

    \b
    Example:
        graphnet map && xdg-open network.html
        graphnet map --highlight "Northwind Analytics" -o northwind.html
        graphnet map --focus "Priya Natarajan" --depth 2 --color-by circle
        graphnet map -o - | gzip > network.html.gz
    """
    from ..map.html import DEFAULT_LIMIT, MapOptions, map_data, render_html, write_map

    if show_all and limit is not None:
        fail("give either --limit or --all, not both")
    if (
        not shown["focus"]
        and click.get_current_context().get_parameter_source("depth") is click.core.ParameterSource.COMMANDLINE
    ):
        fail("--depth goes with --focus PERSON")
    net = load_or_exit(state)
    today = state.today
    options = MapOptions(**shown, limit=None if show_all else (limit or DEFAULT_LIMIT))
    ctx = click.get_current_context()

    def say(note: str) -> str:
        """The note's suggestions as commands to run: ``graphnet map --limit N``, ``--all``, ``--focus``..."""
        note = re.sub(r"`limit` ([0-9,]+);", r"graphnet map --limit \1;", note)
        return cli_words(note.replace("no `limit`", "graphnet map --all"), ctx)

    if output == "-":
        data = map_data(net, options, today=today, say=say)
        out = data_stdout()
        out.write(render_html(data))
        out.flush()
        if data.message:
            click.echo(f"note: {data.message}", err=True)
        return
    result = write_map(net, Path(output), options, today=today, force=force, say=say)
    if result.message:
        click.echo(f"note: {result.message}", err=True)
    click.echo(str(result.path))
