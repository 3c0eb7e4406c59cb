"""``graphnet import …`` and ``graphnet export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..errors import GraphnetError
from .base import Context, cli, echo_json, fail, load_or_exit


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
    from ..io.imports import IMPORTERS, describe_merge

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
    from ..io.exports import export

    net = load_or_exit(ctx)
    obj = ctx.find_object(Context)
    assert obj is not None
    target: Any = sys.stdout if output == "-" else Path(output)
    written = export(net, fmt, target, today=obj.today, include_private=include_private)
    for path in written:
        click.echo(_shown_path(path), err=output == "-")
