"""The ``graphnet`` command line: a thin layer over the library.

Every command loads the network, calls one library function and prints its
answer (``--json`` for scripts). Exit codes: 0 success; 1 the data has errors
(``check`` lists them); 2 a bad request (unknown target, bad option).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

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
            # The loaded network lives until the process ends: keep the cyclic collector
            # from scanning it again and again while the analyses allocate.
            gc.freeze()
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


F = TypeVar("F", bound=Callable[..., Any])


class _Tee(io.TextIOBase):
    """Writes through to a stream while keeping a copy."""

    def __init__(self, target: Any) -> None:
        self.target = target
        self.copy = io.StringIO()

    def write(self, text: str) -> int:
        self.copy.write(text)
        return int(self.target.write(text) or 0)

    def flush(self) -> None:
        self.target.flush()


def read_only(command: F) -> F:
    """Answer a read-only command from the cache when no data file has changed.

    The key is graphnet's version and code, the working folder, the data folder,
    every data file's bytes, the date and the command line; see :mod:`graphnet.cache`.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        state = ctx.find_object(Context)
        if state is None or not state.use_cache or not state.data.is_dir():
            return command(*args, **kwargs)
        from .cache import answer_key, code_fingerprint, fingerprint, read_answer, store_answer
        from .loader import data_files

        root = state.data
        key = answer_key(
            __version__,
            code_fingerprint(),
            os.getcwd(),
            str(root.resolve()),
            ctx.command_path,
            json.dumps(sorted(ctx.params.items()), default=str),
            state.today.isoformat(),
            fingerprint(data_files(root), root),
        )
        hit = read_answer(key)
        if hit is not None:
            out, err, code = hit
            click.echo(out, nl=False)
            if err:
                click.echo(err, nl=False, err=True)
            sys.exit(code)
        out_tee, err_tee = _Tee(sys.stdout), _Tee(sys.stderr)
        code = 0
        try:
            with contextlib.redirect_stdout(out_tee), contextlib.redirect_stderr(err_tee):  # type: ignore[type-var]
                result = command(*args, **kwargs)
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
            store_answer(key, out_tee.copy.getvalue(), err_tee.copy.getvalue(), code)
            raise
        store_answer(key, out_tee.copy.getvalue(), err_tee.copy.getvalue(), code)
        return result

    return wrapper  # type: ignore[return-value]


def _default_data() -> str:
    return os.environ.get("GRAPHNET_DATA") or "data"


class _Commands(click.Group):
    """The command group: a bad request from any command is a message and exit 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GraphnetError as exc:
            fail(str(exc))


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
@read_only
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
@read_only
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


@cli.command("map")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default="network.html",
    show_default=True,
    help="The HTML file to write (replaced if graphnet wrote it before).",
)
@click.option(
    "--color-by",
    type=click.Choice(["cluster", "org", "circle"]),
    default="cluster",
    show_default=True,
    help="What node colours stand for.",
)
@click.option("--highlight", metavar="TARGET", help="Draw the best warm paths to this organization or person.")
@click.option("--focus", metavar="PERSON", help="Show only the neighbourhood of this person (id or name).")
@click.option(
    "--depth",
    type=click.IntRange(1, 6),
    default=2,
    show_default=True,
    help="How many hops around --focus to show.",
)
@click.option("--min-strength", type=click.IntRange(0, 5), help="Show only people whose tie with you is this strong.")
@click.option("--circle", help="Show only people in this circle.")
@click.option("--org", help="Show only people who work or worked at this organization.")
@click.option(
    "--include-private",
    is_flag=True,
    help="Put email, phone, url and notes in the tooltips (the file is then readable by you only).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Show at most this many people, closest first  [default: 1500].",
)
@click.option("--all", "show_all", is_flag=True, help="Show every person, however many (big maps get slow).")
@click.pass_context
def map_command(
    ctx: click.Context,
    output: Path,
    color_by: str,
    highlight: str | None,
    focus: str | None,
    depth: int,
    min_strength: int | None,
    circle: str | None,
    org: str | None,
    include_private: bool,
    limit: int | None,
    show_all: bool,
) -> None:
    """Draw the network as one interactive HTML file that works offline.

    You are at the centre; people, organizations and groups around you,
    coloured by cluster (or organization, or circle), sized by brokerage, with
    line width for tie strength. Hover for details, click for neighbours, and
    search by name. The file loads nothing from the internet and holds no
    email, phone, url or notes unless --include-private is given. Prints the
    path written.

    \b
    Example:
        graphnet map && xdg-open network.html
        graphnet map --highlight "Northwind Analytics" -o northwind.html
        graphnet map --focus "Priya Natarajan" --depth 2 --color-by circle
    """
    from .render import DEFAULT_LIMIT, MapOptions, write_map

    if show_all and limit is not None:
        fail("give either --limit or --all, not both")
    if not focus and ctx.get_parameter_source("depth") is click.core.ParameterSource.COMMANDLINE:
        fail("--depth goes with --focus PERSON")
    net = load_or_exit(ctx)
    today = ctx.find_object(Context).today  # type: ignore[union-attr]
    options = MapOptions(
        color_by=color_by,
        highlight=highlight,
        focus=focus,
        depth=depth,
        min_strength=min_strength,
        circle=circle,
        org=org,
        include_private=include_private,
        limit=None if show_all else (limit or DEFAULT_LIMIT),
    )
    result = write_map(net, output, options, today=today)
    if result.message:
        click.echo(f"note: {result.message}", err=True)
    click.echo(str(result.path))


def _run_import(
    ctx: click.Context,
    kind: str,
    file: Path,
    strength: int | None,
    dry_run: bool,
    output: Path | None,
    as_json: bool,
) -> None:
    """Shared body of ``graphnet import linkedin|vcard|google``."""
    from .imports import IMPORTERS, describe_merge

    net = load_or_exit(ctx)
    obj = ctx.find_object(Context)
    assert obj is not None
    stderr = sys.stderr  # click.get_text_stream is deprecated in click 8.4
    bar: Any = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if total < 5000 or as_json:
                return  # small files are read before a bar could be seen
            bar = click.progressbar(length=total, label=f"reading {file.name}", file=stderr)
        bar.update(done - bar.pos)

    options: dict[str, Any] = {"today": obj.today, "dry_run": dry_run, "progress": progress, "output": output}
    if strength is not None:
        options["strength"] = strength
    try:
        report = IMPORTERS[kind](net, file, use_cache=obj.use_cache, **options)
    except GraphnetError as exc:
        fail(str(exc))
    finally:
        if bar is not None:
            bar.render_finish()
    if as_json:
        echo_json(report.to_dict())
        return
    for problem in report.problems:
        click.echo(str(problem), err=True)
    target = str(report.output) if report.output is None else _shown_path(report.output)
    if dry_run and report.text:
        click.echo(report.text, nl=False)
        click.echo("")
    counts = {"person": 0, "organization": 0, "group": 0}
    for item in report.added:
        counts[item.kind] += 1
    if report.added:
        also = [f"{n} {k if n == 1 else k + 's'}" for k, n in counts.items() if n and k != "person"]
        people = counts["person"]
        what = f"{people} {'person' if people == 1 else 'people'}" + (f" (and {', '.join(also)})" if also else "")
        verb = "would add" if dry_run else "added"
        click.echo(f"{verb} {what} to {target}")
    else:
        click.echo("nothing new to add; no file written")
    if report.merged:
        click.echo(f"merged {len(report.merged)} already known (your files are left as they are):")
        for merged in report.merged[:20]:
            click.echo(f"  {describe_merge(merged, report.source)}")
        if len(report.merged) > 20:
            click.echo(f"  ... and {len(report.merged) - 20} more (--json lists them all)")
    if report.skipped:
        click.echo(f"skipped {report.skipped} {'row' if report.skipped == 1 else 'rows'} (errors above)")
    if dry_run:
        click.echo("dry run: nothing was written")


def _shown_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _import_options(default_strength: int) -> Any:
    def decorate(function: Any) -> Any:
        decorators: list[Any] = [
            click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path)),
            click.option(
                "--strength",
                type=click.IntRange(0, 5),
                default=None,
                help=f"Declared strength of the new people (default {default_strength}).",
            ),
            click.option("--dry-run", is_flag=True, help="Show the file that would be written; write nothing."),
            click.option(
                "--file",
                "output",
                type=click.Path(dir_okay=False, path_type=Path),
                default=None,
                help="The new file, relative to the network folder (default people/KIND-YYYY-MM-DD.yaml).",
            ),
            click.option("--json", "as_json", is_flag=True, help="Print the report as JSON."),
            click.pass_context,
        ]
        for option in reversed(decorators):
            function = option(function)
        return function

    return decorate


@cli.group("import")
def import_group() -> None:
    """Import contacts from LinkedIn, a vCard file or Google Contacts.

    Each import writes a NEW file (people/linkedin-YYYY-MM-DD.yaml, ...) in the
    usual format and never edits your files. Someone already in the network
    (same e-mail, same LinkedIn URL, or same name and organization) is not
    repeated: the report lists what the import knows that your file lacks.
    A bad row is reported as file:row: error: ... and skipped; the good rows
    are imported. The network is loaded again with the new file before it is
    written, so an import never leaves errors behind.

    \b
    Example:
        graphnet import linkedin ~/Downloads/Connections.csv --dry-run
        graphnet import vcard contacts.vcf --strength 3
        graphnet import google contacts.csv
    """


@import_group.command("linkedin")
@_import_options(1)
def import_linkedin_command(
    ctx: click.Context, file: Path, strength: int | None, dry_run: bool, output: Path | None, as_json: bool
) -> None:
    """Import LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data).

    First/Last Name become the name, Company and Position org and role,
    Connected On (12 Mar 2024) the date met, URL and Email Address url and
    email; new people get strength 1 unless --strength says otherwise.

    \b
    Example:
        graphnet import linkedin Connections.csv --dry-run | less
        graphnet import linkedin Connections.csv --file people/linkedin.yaml
    """
    _run_import(ctx, "linkedin", file, strength, dry_run, output, as_json)


@import_group.command("vcard")
@_import_options(2)
def import_vcard_command(
    ctx: click.Context, file: Path, strength: int | None, dry_run: bool, output: Path | None, as_json: bool
) -> None:
    """Import a vCard file (.vcf, vCard 3.0 or 4.0, e.g. from Apple Contacts).

    FN/N, ORG, TITLE, EMAIL, TEL, URL, NOTE and CATEGORIES (as tags) are read;
    RELATED and Apple's related names become 'knows' when the other person is
    in the network or in the file; KIND:org cards become organizations and
    KIND:group cards groups.

    \b
    Example:
        graphnet import vcard ~/Desktop/contacts.vcf --dry-run
    """
    _run_import(ctx, "vcard", file, strength, dry_run, output, as_json)


@import_group.command("google")
@_import_options(2)
def import_google_command(
    ctx: click.Context, file: Path, strength: int | None, dry_run: bool, output: Path | None, as_json: bool
) -> None:
    """Import a Google Contacts export (contacts.google.com > Export > Google CSV).

    Names, Organization Name/Title/Department, e-mails, phones, websites and
    Notes are read; Labels become tags (without '* myContacts'); Relation
    columns become 'knows' when the related person is known.

    \b
    Example:
        graphnet import google contacts.csv --dry-run
    """
    _run_import(ctx, "google", file, strength, dry_run, output, as_json)


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "json", "csv"]),
    required=True,
    help="graphml (Gephi, Cytoscape, Neo4j APOC), gexf (Gephi), json (node-link), csv (neo4j-admin import).",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    metavar="FILE",
    help="Where to write; '-' is stdout. For csv: a folder, or a name whose -nodes.csv/-relationships.csv are written.",
)
@click.option("--include-private", is_flag=True, help="Also export e-mail, phone, URL and notes.")
@click.pass_context
def export_command(ctx: click.Context, fmt: str, output: str, include_private: bool) -> None:
    """Export the network as a graph file with tie weights and kinds.

    Nodes are you, people, organizations and groups; edges carry their kind
    (tie, knows, introduction, works_at, worked_at, member_of), the computed
    tie weight, and the lines they come from. Dates are ISO text. E-mail,
    phone, URL and notes are left out unless --include-private is given.
    Files are written atomically.

    \b
    Example:
        graphnet export --format gexf -o network.gexf
        graphnet export --format json | jq '.nodes | length'
        graphnet export --format csv -o neo4j/
        neo4j-admin database import full --nodes=neo4j/nodes.csv --relationships=neo4j/relationships.csv
    """
    from .exports import export

    net = load_or_exit(ctx)
    obj = ctx.find_object(Context)
    assert obj is not None
    target: Any = sys.stdout if output == "-" else Path(output)
    written = export(net, fmt, target, today=obj.today, include_private=include_private)
    for path in written:
        click.echo(_shown_path(path), err=output == "-")


# -- writing: init, add, log, favor, intro, schema (graphnet.writes, graphnet.starter) ----------


def _write_context(ctx: click.Context) -> tuple[Network, date, bool]:
    """The network to add to (data errors are reported, not fatal: the fix may be this write)."""
    context = ctx.find_object(Context)
    assert context is not None
    if not context.data.is_dir():
        fail(
            f"the network folder {context.data} does not exist; create it with `graphnet init {context.data}`"
            " or point --data at your network"
        )
    net, problems = context.load()
    errors = sum(1 for p in problems if p.is_error)
    if errors:
        click.echo(f"warning: the network has {errors} error(s); `graphnet check` lists them", err=True)
    return net, context.today, context.use_cache


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
    return click.option("--date", "when", metavar="YYYY-MM-DD", help="When it happened (default: today).")(f)


@cli.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.pass_context
def init(ctx: click.Context, folder: Path | None) -> None:
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
    from .starter import init_network

    context = ctx.find_object(Context)
    target = folder or (context.data if context is not None else Path("data"))
    written = init_network(target)
    for path in written:
        click.echo(f"created {path}")
    hint = "" if folder is None or str(folder) == "data" else f"--data {target} "
    click.echo(f"next: edit {target / 'me.yaml'}, then `graphnet {hint}add person NAME`")


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


@add.command("person")
@click.argument("name")
@click.option("--id", "ident", help="The id (default: made from the name, e.g. ada-lovelace).")
@click.option("--org", help="Where they work now (name or id).")
@click.option("--role", help="Their job title.")
@click.option("--department", help="Their team or department.")
@click.option("--strength", type=click.IntRange(0, 5), help="Your tie, 0 (not met yet) to 5 (inner circle).")
@click.option("--circle", "circles", multiple=True, help="A circle they belong to (repeatable).")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--knows", multiple=True, help="A person they know, id or name (repeatable).")
@click.option("--met", metavar="YYYY-MM-DD", help="When you met.")
@click.option("--introduced-by", help="Who introduced you (id or name).")
@click.option("--email", help="Email address (private).")
@click.option("--phone", help="Phone number (private).")
@click.option("--url", help="A web page, e.g. their LinkedIn profile (private).")
@click.option("--notes", help="Anything worth remembering (private).")
@_file_option
@_dry_run_option
@click.pass_context
def add_person_command(
    ctx: click.Context,
    name: str,
    ident: str | None,
    org: str | None,
    role: str | None,
    department: str | None,
    strength: int | None,
    circles: tuple[str, ...],
    tags: tuple[str, ...],
    knows: tuple[str, ...],
    met: str | None,
    introduced_by: str | None,
    email: str | None,
    phone: str | None,
    url: str | None,
    notes: str | None,
    file: Path | None,
    dry_run: bool,
) -> None:
    """Add a person under people:.

    \b
    Example:
        graphnet add person "Ada Lovelace" --org "Acme Corp" --role CTO \\
            --strength 3 --circle work --knows grace-hopper --met 2026-03-14
    """
    from .writes import add_person

    net, today, cached = _write_context(ctx)
    result = add_person(
        net,
        name,
        id=ident,
        org=org,
        role=role,
        department=department,
        strength=strength,
        circles=circles,
        tags=tags,
        knows=knows,
        met=met,
        introduced_by=introduced_by,
        email=email,
        phone=phone,
        url=url,
        notes=notes,
        today=today,
        file=file,
        dry_run=dry_run,
        use_cache=cached,
    )
    _report(result)


@add.command("org")
@click.argument("name")
@click.option("--id", "ident", help="The id (default: made from the name, e.g. acme-corp).")
@click.option("--alias", "aliases", multiple=True, help="Another name it goes by (repeatable).")
@click.option("--industry", help="Its industry.")
@click.option("--competitor", "competitors", multiple=True, help="A competing organization (repeatable).")
@click.option("--notes", help="Anything worth remembering.")
@_file_option
@_dry_run_option
@click.pass_context
def add_org_command(
    ctx: click.Context,
    name: str,
    ident: str | None,
    aliases: tuple[str, ...],
    industry: str | None,
    competitors: tuple[str, ...],
    notes: str | None,
    file: Path | None,
    dry_run: bool,
) -> None:
    """Add an organization under organizations:.

    \b
    Example:
        graphnet add org "Acme Corp" --alias ACME --industry software --competitor Globex
    """
    from .writes import add_org

    net, _today, cached = _write_context(ctx)
    result = add_org(
        net,
        name,
        id=ident,
        aliases=aliases,
        industry=industry,
        competitors=competitors,
        notes=notes,
        file=file,
        dry_run=dry_run,
        use_cache=cached,
    )
    _report(result)


@add.command("group")
@click.argument("name")
@click.option("--id", "ident", help="The id (default: made from the name).")
@click.option("--kind", help="alumni, club, association, board, team…")
@click.option("--member", "members", multiple=True, help="A member: person id or name, or me (repeatable).")
@click.option("--notes", help="Anything worth remembering.")
@_file_option
@_dry_run_option
@click.pass_context
def add_group_command(
    ctx: click.Context,
    name: str,
    ident: str | None,
    kind: str | None,
    members: tuple[str, ...],
    notes: str | None,
    file: Path | None,
    dry_run: bool,
) -> None:
    """Add a group under groups:.

    \b
    Example:
        graphnet add group "Chess club" --kind club --member me --member ada-lovelace
    """
    from .writes import add_group

    net, _today, cached = _write_context(ctx)
    result = add_group(
        net, name, id=ident, kind=kind, members=members, notes=notes, file=file, dry_run=dry_run, use_cache=cached
    )
    _report(result)


@cli.command("log")
@click.argument("people", nargs=-1, required=True)
@click.option("--kind", help="coffee, call, email, meeting…")
@click.option("--note", help="What you talked about.")
@_date_option
@_file_option
@_dry_run_option
@click.pass_context
def log_command(
    ctx: click.Context,
    people: tuple[str, ...],
    kind: str | None,
    note: str | None,
    when: str | None,
    file: Path | None,
    dry_run: bool,
) -> None:
    """Log an interaction with one or more people (ids or names), dated today.

    \b
    Example:
        graphnet log ada-lovelace --kind coffee --note "talked about the new team"
        graphnet log "Ada Lovelace" grace-hopper --kind call --date 2026-11-20
    """
    from .writes import log_interaction

    net, today, cached = _write_context(ctx)
    result = log_interaction(
        net,
        list(people),
        kind=kind,
        note=note,
        date=when,
        today=today,
        file=file,
        dry_run=dry_run,
        use_cache=cached,
    )
    _report(result)


@cli.command("favor")
@click.option("--from", "giver", required=True, help="Who did the favor: id, name or me.")
@click.option("--to", "receiver", required=True, help="Who received it: id, name or me.")
@click.option("--what", required=True, help="What the favor was.")
@click.option("--kind", help="referral, advice, introduction…")
@_date_option
@_file_option
@_dry_run_option
@click.pass_context
def favor_command(
    ctx: click.Context,
    giver: str,
    receiver: str,
    what: str,
    kind: str | None,
    when: str | None,
    file: Path | None,
    dry_run: bool,
) -> None:
    """Record a favor, in either direction, dated today.

    \b
    Example:
        graphnet favor --from ada-lovelace --to me --what "referred me to the hiring manager"
        graphnet favor --from me --to grace-hopper --kind advice --what "reviewed her talk"
    """
    from .writes import add_favor

    net, today, cached = _write_context(ctx)
    result = add_favor(
        net,
        giver,
        receiver,
        what=what,
        kind=kind,
        date=when,
        today=today,
        file=file,
        dry_run=dry_run,
        use_cache=cached,
    )
    _report(result)


@cli.command("intro")
@click.argument("people", nargs=2)
@click.option("--by", required=True, help="Who made the introduction: id, name or me.")
@click.option(
    "--status",
    type=click.Choice(["requested", "made", "met", "declined"]),
    default="made",
    show_default=True,
    help="Where the introduction stands.",
)
@click.option("--note", help="Context.")
@_date_option
@_file_option
@_dry_run_option
@click.pass_context
def intro_command(
    ctx: click.Context,
    people: tuple[str, str],
    by: str,
    status: str,
    note: str | None,
    when: str | None,
    file: Path | None,
    dry_run: bool,
) -> None:
    """Record that someone introduced two people (ids, names or me), dated today.

    \b
    Example:
        graphnet intro --by grace-hopper me ada-lovelace
        graphnet intro --by me ada-lovelace alan-turing --status requested
    """
    from .writes import add_introduction

    net, today, cached = _write_context(ctx)
    result = add_introduction(
        net,
        by,
        people[0],
        people[1],
        status=status,
        note=note,
        date=when,
        today=today,
        file=file,
        dry_run=dry_run,
        use_cache=cached,
    )
    _report(result)


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
    from .schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@cli.group()
def cache() -> None:
    """Manage graphnet's cache of parsed files and answers.

    The cache lives in your user cache folder (or $GRAPHNET_CACHE_DIR), holds
    JSON only, and is rebuilt whenever a data file changes.
    """


@cache.command("clear")
def cache_clear() -> None:
    """Remove the whole cache (it is rebuilt on the next command).

    \b
    Example:
        graphnet cache clear
    """
    from .cache import clear

    click.echo(f"removed {clear()}")


@cache.command("path")
def cache_path() -> None:
    """Print where the cache lives.

    \b
    Example:
        graphnet cache path
    """
    from .cache import cache_dir

    click.echo(str(cache_dir()))


def _wrapped(text: str, indent: int = 4) -> str:
    import textwrap

    return textwrap.fill(text, width=100, initial_indent=" " * indent, subsequent_indent=" " * indent)


@cli.command("bridges")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many brokers and bridge ties.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@click.pass_context
@read_only
def bridges_command(ctx: click.Context, top: int, as_json: bool) -> None:
    """Who links the parts of your network, and which ties hold it together.

    Computed on your network without you (else everyone hangs off you):
    brokers are people whose removal cuts it apart (articulation points) or
    who carry the shortest routes between its clusters (betweenness between
    Louvain clusters, with Burt's effective size and constraint); bridge ties
    are ties between two people with no other route (bridges) or no shared
    contact (local bridges, with the length of the next route: span).

    \b
    Example:
        graphnet bridges
        graphnet --today 2026-11-25 bridges --top 5 --json
    """
    from .bridges import brokers

    net = load_or_exit(ctx)
    today = ctx.find_object(Context).today  # type: ignore[union-attr]
    result = brokers(net, today=today, top=top)
    if as_json:
        echo_json(result.to_dict())
        return
    click.echo(
        f"Brokers of your network without you: {result.people} people in {result.clusters} clusters"
        f" (betweenness {result.betweenness_method})"
    )
    if not result.brokers:
        click.echo("  nobody: no one links people who are otherwise apart")
    for rank, broker in enumerate(result.brokers, 1):
        flag = ", articulation point" if broker.articulation else ""
        click.echo(f"{rank:2}. {broker.name} ({broker.id}) score {broker.score:.3f}{flag}")
        click.echo(_wrapped(broker.why))
    click.echo("")
    click.echo("Bridge ties")
    if not result.bridge_ties:
        click.echo("  none: no tie between two people is the only or a long way between two parts")
    for rank, tie in enumerate(result.bridge_ties, 1):
        a, b = (net.name_of(x) for x in tie.between)
        kind = "bridge, no other route" if tie.kind == "bridge" else f"local bridge, span {tie.span}"
        click.echo(f"{rank:2}. {a} – {b} ({kind})")
        click.echo(_wrapped(tie.why))


@cli.command("weak-ties")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many weak ties.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@click.pass_context
@read_only
def weak_ties_command(ctx: click.Context, top: int, as_json: bool) -> None:
    """Your weak ties ranked by what they open up.

    A weak tie is someone you rate 1 or 2 (``weak_tie_max_strength`` under
    ``me:``). Each is scored by the people, organizations and groups they
    reach that your strong ties and your own groups do not, whether they reach
    a target organization, and their mutual contacts with you: moderately weak
    ties (a few mutual contacts) help most (Rajkumar et al., Science 2022).

    \b
    Example:
        graphnet weak-ties
        graphnet --today 2026-11-25 weak-ties --top 5 --json
    """
    from .weak_ties import weak_ties

    net = load_or_exit(ctx)
    today = ctx.find_object(Context).today  # type: ignore[union-attr]
    result = weak_ties(net, today=today, top=top)
    if as_json:
        echo_json(result.to_dict())
        return
    limit = net.me.settings.weak_tie_max_strength
    click.echo(
        f"Weak ties that open the most: {result.weak} weak ties (strength 1-{limit}), {result.strong} strong ties"
    )
    if not result.weak_ties:
        click.echo("  none: no weak tie reaches anyone your strong ties and groups don't, nor a target")
    for rank, tie in enumerate(result.weak_ties, 1):
        click.echo(
            f"{rank:2}. {tie.name} ({tie.id}) score {tie.score:.2f}: {tie.novel_reach} new, "
            f"{tie.mutual} mutual contact{'' if tie.mutual == 1 else 's'}"
        )
        click.echo(_wrapped(tie.why))


def _percent(score: float) -> str:
    return f"{score:.1%}" if score < 0.01 else f"{score:.0%}"


def _hanging(text: str, first: int, rest: int) -> str:
    """``text`` wrapped at 100 columns, the first line indented ``first`` spaces and the others ``rest``."""
    import textwrap

    return textwrap.fill(text, width=100, initial_indent=" " * first, subsequent_indent=" " * rest)


@cli.command("path")
@click.argument("target")
@click.option("--top", type=click.IntRange(1), default=5, show_default=True, help="How many paths to show.")
@click.option(
    "--max-hops",
    type=click.IntRange(1),
    default=None,
    help="Longest path, in introductions  [default: max_hops under me:, else 3].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@click.pass_context
@read_only
def path_command(ctx: click.Context, target: str, top: int, max_hops: int | None, as_json: bool) -> None:
    """Warm introduction paths to TARGET, an organization or a person.

    TARGET is an organization (id, name or alias, any case) or a person (id or
    name). Paths run from you to someone working at the target now (former
    employees count, with less trust), ranked by the chance that every hop says
    yes (the product of tie weights), preferring different first introducers.
    Each hop says why it is trusted; each path ends with the ask. With no path,
    the nearest routes: contacts at competitors, groups with people there,
    people two hops away.

    \b
    Example:
        graphnet path "Northwind Analytics"
        graphnet --today 2026-11-25 path acme --top 3 --max-hops 2 --json
    """
    from .paths import warm_paths

    net = load_or_exit(ctx)
    today = ctx.find_object(Context).today  # type: ignore[union-attr]
    result = warm_paths(net, target, today=today, top=top, max_hops=max_hops)
    if as_json:
        echo_json(result.to_json())
        return
    info = result.target
    names = result.names
    hops = f"up to {result.max_hops} introduction{'' if result.max_hops == 1 else 's'}"
    if info["kind"] == "organization":
        now = f"{info['insiders']} {'person' if info['insiders'] == 1 else 'people'} there now"
        click.echo(
            f"Warm paths to {info['name']} ({now}, {info['past_insiders']} formerly), as of {result.today}, {hops}:"
        )
    else:
        click.echo(f"Warm paths to {info['name']}, as of {result.today}, {hops}:")
    for rank, path in enumerate(result.paths, 1):
        click.echo("")
        click.echo(f"{rank:2}. {_percent(path.score):>4}  " + " → ".join(names.get(p, p) for p in path.people))
        for hop in path.hops:
            via = f" (via {names.get(hop.via, hop.via)})" if hop.via_kind != "tie" else ""
            step = f"{names.get(hop.source, hop.source)} → {names.get(hop.target, hop.target)}{via}"
            click.echo(_hanging(f"{step}: {hop.why}", 10, 12))
        click.echo(_hanging(path.ask, 4, 6))
    if not result.paths:
        if info["kind"] == "organization" and info["insiders"] + info["past_insiders"] == 0:
            click.echo(f"  Nobody in your network works or worked at {info['name']}.")
        else:
            click.echo(f"  No warm path within {result.max_hops} introduction{'' if result.max_hops == 1 else 's'}.")
        if not result.nearest:
            click.echo("  No nearer route either: no contact at a competitor, no group with people there,")
            click.echo("  nobody near it two hops away. Note whom you know there as you meet them.")
        else:
            click.echo("")
            click.echo("Nearest routes:")
            labels = {"competitor": "contact at a competitor", "group": "group", "two-hops": "two hops away"}
            for route in result.nearest:
                click.echo(_hanging(f"- {route.name} ({labels.get(route.kind, route.kind)}): {route.why}", 2, 4))
    if not result.exhaustive:
        click.echo("")
        click.echo(
            f"(searched the {result.searched} most promising people and places; raise path_search_nodes"
            " under me: to search further)"
        )


@cli.command("reach-outs")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many people to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@click.pass_context
@read_only
def reach_outs_command(ctx: click.Context, top: int, as_json: bool) -> None:
    """Whom to contact now, ranked, each with reasons and a suggested action.

    Reasons: overdue (past their cadence), dormant (a once-strong tie long
    silent), follow-up (met recently, no contact since), reciprocity (they
    helped you and you have not returned it), target-path (first step of a
    warm path to one of your targets) and pending-introduction (requested or
    made, not yet met). Someone contacted within their cadence with nothing
    owed or pending is not listed.

    \b
    Example:
        graphnet reach-outs
        graphnet --today 2026-11-25 reach-outs --top 5 --json
    """
    from .reach_outs import reach_outs

    net = load_or_exit(ctx)
    today = ctx.find_object(Context).today  # type: ignore[union-attr]
    result = reach_outs(net, today=today, top=top)
    if as_json:
        echo_json(result.to_json())
        return
    if not result.reach_outs:
        click.echo(f"Nobody to contact now (as of {result.today}): everyone is within their cadence,")
        click.echo("nothing is owed and no introduction is pending.")
        return
    click.echo(f"Whom to contact now, as of {result.today} ({len(result.reach_outs)} of {result.candidates}):")
    for rank, item in enumerate(result.reach_outs, 1):
        click.echo("")
        click.echo(f"{rank:2}. {item.name} ({item.id})  {_percent(item.score)}")
        for reason in item.reasons:
            click.echo(_hanging(f"{reason.kind}: {reason.text}", 6, 8))
        click.echo(_hanging(f"→ {item.action}", 4, 6))


def main() -> None:  # pragma: no cover - the console script
    cli()
