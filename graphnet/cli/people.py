"""Looking people up: show (one page about one person) and who (people by organization, tag, circle, place)."""

from __future__ import annotations

from collections.abc import Callable

import click

from .base import Context, cli, echo_json, load_or_exit, pass_state, read_only


def _page_text(page: object, name_of: Callable[[str], str]) -> str:
    """``show``'s text view of a :class:`~graphnet.analyses.person.PersonPage` (the map's panel is the other)."""
    from ..analyses.person import PersonPage

    assert isinstance(page, PersonPage)
    job = ", ".join(x for x in (page.role, page.org, page.department) if x)
    head = f"{page.name} ({page.id})" + (f": {job}" if job else "")
    lines = [head]
    if page.location:
        lines.append(f"  location: {page.location}")
    for past in page.past_orgs:
        start, end = (d[:4] if d else None for d in (past["from"], past["to"]))
        years = f"{start}–{end}" if start and end else f"until {end}" if end else f"from {start}" if start else ""
        what = ", ".join(x for x in (past["role"], past.get("department")) if x)
        lines.append(f"  before: {past['org']}" + (f" ({what})" if what else "") + (f" {years}" if years else ""))
    lines.append(f"  tie: {page.strength} ({page.strength_label}): {page.tie}")
    how = []
    if page.met:
        how.append(f"met {page.met.isoformat()}")
    if page.introduced_by:
        how.append(f"introduced by {name_of(page.introduced_by)} ({page.introduced_by})")
    if how:
        lines.append("  how we met: " + ", ".join(how))
    if page.circles or page.tags:
        lines.append("  circles: " + (", ".join(page.circles) or "-") + "; tags: " + (", ".join(page.tags) or "-"))
    if page.mutual:
        shown = ", ".join(page.mutual_names[:8]) + (f" and {len(page.mutual) - 8} more" if len(page.mutual) > 8 else "")
        lines.append(f"  mutual contacts ({len(page.mutual)}): {shown}")
    lines.extend(f"  opens: {line}" for line in page.opens)
    lines.extend(f"  pending: {line}" for line in page.pending)
    lines.extend(f"  reminder: {line}" for line in page.reminders)
    if page.snoozed_until:
        lines.append(f"  snoozed until {page.snoozed_until.isoformat()} (reach-outs leaves them out)")
    for key, value in page.private.items():
        lines.append(f"  {key}: {value}")
    if page.timeline:
        lines.append("  timeline (newest first):")
        for entry in page.timeline:
            when = entry.date.isoformat() if entry.date else "undated   "
            lines.append(f"    {when}  {entry.kind}: {entry.text}")
    else:
        lines.append("  timeline: nothing logged yet; `graphnet log` records a contact")
    return "\n".join(lines)


@cli.command("show")
@click.argument("person")
@click.option("--json", "as_json", is_flag=True, help="Print the page as JSON.")
@click.option("--include-private", is_flag=True, help="Also show email, phone, url, notes and private notes.")
@pass_state
@read_only
def show_command(state: Context, person: str, as_json: bool, include_private: bool) -> None:
    """One page about one person: who they are, past jobs, our tie and its evidence, how we met,
    mutual contacts, what they open, pending asks, reminders and a timeline (newest first).

    PERSON is an id, a full name, a unique first name or the start of a name.

    \b
    Example:
        graphnet show Katrin
        graphnet show katrin-braun --json
    """
    from ..analyses.person import person_page
    from ..names import resolve_person

    net = load_or_exit(state)
    ident = resolve_person(net, person, "PERSON", allow_me=False)
    page = person_page(net, ident, state.today, include_private)
    if as_json:
        echo_json(page.to_dict())
        return
    click.echo(_page_text(page, net.name_of))


@cli.command("who")
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print the people as JSON.")
@pass_state
@read_only
def who_command(state: Context, query: str, as_json: bool) -> None:
    """People at an organization (now or before), or with a tag, circle or location.

    \b
    Example:
        graphnet who Lieferfix
        graphnet who python --json
        graphnet who Berlin
    """
    from ..analyses.person import who

    net = load_or_exit(state)
    rows = who(net, query)
    if as_json:
        echo_json({"people": [row.to_dict() for row in rows]})
        return
    if not rows:
        click.echo(
            f"nobody matches '{query}' as an organization, tag, circle or location; "
            "`graphnet stats` lists the circles and tags in use"
        )
        return
    click.echo(f"{len(rows)} {'person' if len(rows) == 1 else 'people'} for '{query}':")
    for row in rows:
        click.echo(f"  {row.name} ({row.id}), strength {row.strength}: {'; '.join(row.why)}")
