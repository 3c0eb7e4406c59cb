"""The answers: path, bridges, weak-ties, reach-outs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..model import DEFAULT_PATHS, DEFAULT_TOP, SETTING_RANGES, TOP_RANGE
from ..text import hanging, percent, plural, wrapped
from .base import Context, cli, echo_json, load_or_exit, pass_state, read_only, stacked

_INCLUDE_UNMET = click.option(
    "--include-unmet",
    is_flag=True,
    help="Also list people you have not met yet (strength 0), each with whom to meet them through.",
)
#: ``--top`` of every answer: TOP_RANGE.
_TOP = click.IntRange(*TOP_RANGE)
_VERBOSE = click.option("--verbose", "-v", is_flag=True, help="Also show the network measures behind each item.")
#: The last options of every answer: ``--json``, and the answer is cached.
_answer_options = stacked(
    click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON."), pass_state, read_only
)

#: The options after ``--top`` of the answers that rank people by what they open (bridges, weak ties).
_ranked_options = stacked(_INCLUDE_UNMET, _VERBOSE, _answer_options)


def _answer(state: Context, answer: Callable[..., Any], as_json: bool, *args: Any, **options: Any) -> Any:
    """The network and ``answer`` on it as of ``--today``; ``None`` once ``--json`` has printed the answer."""
    net = load_or_exit(state)
    result = answer(net, *args, today=state.today, **options)
    if as_json:
        echo_json(result.to_json() if hasattr(result, "to_json") else result.to_dict())
        return None
    return net, result


def _echo_ranked(rank: int, title: str, why: str, action: str) -> None:
    """`` 1. Ada Lovelace (ada-lovelace)``, why it is listed, and what to do."""
    click.echo(f"{rank:2}. {title}")
    click.echo(wrapped(why))
    click.echo(hanging(f"→ {action}", 4, 6))


@cli.command("bridges")
@click.option("--top", type=_TOP, default=DEFAULT_TOP, show_default=True, help="How many brokers and bridge ties.")
@_ranked_options
def bridges_command(state: Context, top: int, include_unmet: bool, verbose: bool, as_json: bool) -> None:
    """Who links the parts of your network, what they open, and what to do about it.

    Computed on your network without you (else everyone hangs off you):
    brokers are people whose removal cuts it apart or who carry the shortest
    routes between its clusters; bridge ties are ties between two people with
    no other route, or no shared contact. By default only people you have met
    are listed; each item says what it opens that your close ties don't reach
    and what to do. --verbose adds the measures (betweenness, Burt's
    effective size and constraint, span); --json has them all.

    \b
    Example:
        graphnet bridges
        graphnet --today 2026-11-25 bridges --top 5 --include-unmet --json
    """
    from ..analyses.bridges import brokers

    answered = _answer(state, brokers, as_json, top=top, include_unmet=include_unmet)
    if answered is None:
        return
    net, result = answered
    whom = "people" if include_unmet else "people you have met"
    click.echo(f"Brokers of your network without you ({whom}): {result.people} people in {result.clusters} clusters")
    if not result.brokers:
        click.echo("  nobody: no one you have met links people who are otherwise apart")
    for rank, broker in enumerate(result.brokers, 1):
        _echo_ranked(rank, f"{broker.name} ({broker.id})", broker.why, broker.action)
        if verbose:
            click.echo(wrapped(f"measures: {broker.detail} (betweenness {result.betweenness_method})"))
    click.echo("")
    click.echo("Bridge ties")
    if not result.bridge_ties:
        click.echo("  none: no tie between two people is the only or a long way between two parts")
    for rank, tie in enumerate(result.bridge_ties, 1):
        a, b = (net.name_of(x) for x in tie.between)
        kind = "the only route" if tie.kind == "bridge" else "no shared contact"
        _echo_ranked(rank, f"{a} – {b} ({kind})", tie.why, tie.action)
        if verbose:
            span = "bridge (no other route)" if tie.span is None else f"local bridge, span {tie.span}"
            click.echo(wrapped(f"measures: {span}"))


@cli.command("weak-ties")
@click.option("--top", type=_TOP, default=DEFAULT_TOP, show_default=True, help="How many weak ties.")
@_ranked_options
def weak_ties_command(state: Context, top: int, include_unmet: bool, verbose: bool, as_json: bool) -> None:
    """Your weak ties ranked by what they open up, each with what to do.

    A weak tie is someone you rate 1 or 2 (``weak_tie_max_strength`` under
    ``me:``). Each is scored by the people, organizations and groups they
    reach that your strong ties and your own groups do not (named: up to five
    people), whether they reach a target organization, and their mutual
    contacts with you: moderately weak ties (a few mutual contacts) help most
    (Rajkumar et al., Science 2022). An introduction they declined counts for
    nothing. --include-unmet adds people you have not met yet.

    \b
    Example:
        graphnet weak-ties
        graphnet --today 2026-11-25 weak-ties --top 5 --json
    """
    from ..analyses.weak_ties import mutual_curve, weak_ties

    answered = _answer(state, weak_ties, as_json, top=top, include_unmet=include_unmet)
    if answered is None:
        return
    net, result = answered
    settings = net.me.settings
    click.echo(
        f"Weak ties that open the most: {result.weak} weak ties (strength 1-{settings.weak_tie_max_strength}),"
        f" {result.strong} strong ties"
    )
    if not result.weak_ties:
        click.echo("  none: no weak tie reaches anyone your strong ties and groups don't, nor a target")
    for rank, tie in enumerate(result.weak_ties, 1):
        _echo_ranked(rank, f"{tie.name} ({tie.id})", tie.why, tie.action)
        if verbose:
            curve = mutual_curve(tie.mutual, settings.weak_tie_mutual_peak)
            click.echo(
                wrapped(
                    f"measures: score {tie.score:.2f} = (log2(1 + {tie.novel_reach} new)"
                    f"{' + target bonus' if tie.targets else ''}) × inverted U of {tie.mutual} mutual {curve:.2f}"
                )
            )
        if tie.also:
            names = ", ".join(net.name_of(other) for other in tie.also[:3])
            more = f" and {len(tie.also) - 3} more" if len(tie.also) > 3 else ""
            click.echo(
                wrapped(
                    f"{len(tie.also)} other weak tie{'s open' if len(tie.also) > 1 else ' opens'} the same: {names}{more}"
                )
            )


@cli.command("path")
@click.argument("target")
@click.option("--top", type=_TOP, default=DEFAULT_PATHS, show_default=True, help="How many paths to show.")
@click.option(
    "--max-hops",
    type=click.IntRange(int(SETTING_RANGES["max_hops"][0]), int(SETTING_RANGES["max_hops"][1])),
    default=None,
    help="Longest path, in introductions  [default: max_hops under me:, else 3].",
)
@_answer_options
def path_command(state: Context, target: str, top: int, max_hops: int | None, as_json: bool) -> None:
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
    from ..analyses.warm_paths import warm_paths

    answered = _answer(state, warm_paths, as_json, target, top=top, max_hops=max_hops)
    if answered is None:
        return
    result = answered[1]
    info = result.target
    names = result.names
    hops = f"up to {result.max_hops} introduction{'' if result.max_hops == 1 else 's'}"
    if info["kind"] == "organization":
        now = f"{plural(info['insiders'])} there now"
        click.echo(
            f"Warm paths to {info['name']} ({now}, {info['past_insiders']} formerly), as of {result.today}, {hops}:"
        )
    else:
        click.echo(f"Warm paths to {info['name']}, as of {result.today}, {hops}:")
    _echo_direct(result, info["name"])
    for rank, path in enumerate(result.paths, 1):
        click.echo("")
        click.echo(f"{rank:2}. {percent(path.score):>4}  " + " → ".join(names.get(p, p) for p in path.people))
        for hop in path.hops:
            via = f" (via {names.get(hop.via, hop.via)})" if hop.via_kind != "tie" else ""
            step = f"{names.get(hop.source, hop.source)} → {names.get(hop.target, hop.target)}{via}"
            click.echo(hanging(f"{step}: {hop.why}", 10, 12))
        click.echo(hanging(path.ask, 4, 6))
    if not result.paths and result.direct:
        click.echo(f"  No warm path through others within {hops}: ask the people above directly.")
    elif not result.paths:
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
                click.echo(hanging(f"- {route.name} ({labels.get(route.kind, route.kind)}): {route.why}", 2, 4))
    _echo_near_names(result, info["name"])
    if not result.exhaustive:
        click.echo("")
        click.echo(
            f"(searched the {result.searched} most promising people and places; raise path_search_nodes"
            " under me: to search further)"
        )


#: How many of my own contacts at the target ``path`` names.
DIRECT_SHOWN = 5


def _echo_direct(result: Any, target: str) -> None:
    """``You know 167 people at Microsoft directly (160 of them connections); the closest: ...``."""
    direct = result.direct
    if not direct:
        return
    count = len(direct)
    links = sum(1 for d in direct if d["connection"])
    of_them = f" ({links} of them connections, not relationships)" if links and links < count else ""
    if links == count:
        of_them = " (all connections, not relationships)" if count > 1 else " (a connection, not a relationship)"
    who = "person" if count == 1 else "people"
    click.echo("")
    click.echo(hanging(f"You know {count} {who} at {target} directly{of_them}; the closest and most relevant:", 0, 2))
    for item in direct[:DIRECT_SHOWN]:
        now = "" if item["current"] else ", formerly there"
        click.echo(hanging(f"- {item['name']}: {item['why']}{now}", 2, 4))
    if count > DIRECT_SHOWN:
        click.echo(f"  and {count - DIRECT_SHOWN} more (--json lists them all)")
    if result.paths:
        click.echo("")
        click.echo("Routes through people you know:")


def _echo_near_names(result: Any, target: str) -> None:
    """The organizations whose names look like the target's, which the answer left out."""
    near = result.near_names
    if not near:
        return
    shown = ", ".join(f"{n['name']} ({plural(n['people'])})" for n in near[:5])
    more = f" and {len(near) - 5} more" if len(near) > 5 else ""
    click.echo("")
    click.echo(hanging(f"Not included, though the names look like {target}: {shown}{more}.", 0, 2))
    click.echo(hanging(f"If {near[0]['name']} is {target}: {near[0]['fix']}", 2, 4))


@cli.command("reach-outs")
@click.option("--top", type=_TOP, default=DEFAULT_TOP, show_default=True, help="How many people to list.")
@click.option(
    "--targets",
    "targets_only",
    is_flag=True,
    help="Only what moves toward a target: warm paths, pending introductions, favors owed on those paths.",
)
@_answer_options
def reach_outs_command(state: Context, top: int, targets_only: bool, as_json: bool) -> None:
    """Whom to contact now, ranked, each with reasons and a suggested action.

    Reasons: target-path (first step of a warm path to one of your targets),
    pending-introduction (requested and not made after intro_follow_up_days,
    or made and not met), follow-up (met recently, no contact since),
    reciprocity (they helped you and you have not returned it), dormant (a
    once-strong tie long silent) and overdue (past their cadence: a routine
    catch-up, which never outranks a lead to a target). Someone contacted within
    their cadence with nothing owed or pending is not listed. --targets keeps
    only what moves toward a target, best path first.

    \b
    Example:
        graphnet reach-outs
        graphnet --today 2026-11-25 reach-outs --targets --top 5 --json
    """
    from ..analyses.reach_outs import reach_outs

    answered = _answer(state, reach_outs, as_json, top=top, targets_only=targets_only)
    if answered is None:
        return
    result = answered[1]
    if not result.reach_outs:
        if targets_only:
            click.echo(f"Nothing moves toward your targets now (as of {result.today}): no warm path to them,")
            click.echo(
                "no introduction pending and no favor owed on the way. Try `graphnet path` for the nearest routes."
            )
            return
        click.echo(f"Nobody to contact now (as of {result.today}): everyone is within their cadence,")
        click.echo("nothing is owed and no introduction is pending.")
        return
    what = "What moves toward your targets" if targets_only else "Whom to contact now"
    click.echo(f"{what}, as of {result.today} ({len(result.reach_outs)} of {result.candidates}):")
    click.echo(
        "(the percentage is how pressing each is: its reasons combined, 100% = certainly worth it now;"
        " a lead to a target weighs more than a routine catch-up)"
    )
    if targets_only:
        click.echo("(listed by the best warm path each one is on, best first; its score is the 'path score')")
    for rank, item in enumerate(result.reach_outs, 1):
        click.echo("")
        click.echo(f"{rank:2}. {item.name} ({item.id})  {percent(item.score)}")
        for reason in item.reasons:
            click.echo(hanging(f"{reason.kind}: {reason.text}", 6, 8))
        click.echo(hanging(f"→ {item.action}", 4, 6))


@cli.command("meet")
@click.option("--top", type=_TOP, default=DEFAULT_TOP, show_default=True, help="How many people to suggest.")
@_answer_options
def meet_command(state: Context, top: int, as_json: bool) -> None:
    """Whom to meet next: people two hops away who would widen your network toward your goals.

    Candidates are people you have not met whom one of your contacts knows.
    Each is scored by link prediction over your mutual contacts (resource
    allocation index), a moderate number of mutual contacts (the inverted U
    of Rajkumar et al., Science 2022), being at a target or matching
    ``looking_for`` under ``me:``, and sitting in a cluster your close ties
    don't reach; each comes with whom to ask (the strongest mutual contact who
    has not declined) and why.

    \b
    Example:
        graphnet meet
        graphnet --today 2026-11-25 meet --top 5 --json
    """
    from ..analyses.meet import meet

    answered = _answer(state, meet, as_json, top=top)
    if answered is None:
        return
    result = answered[1]
    if not result.suggestions:
        click.echo(f"Nobody to meet through your contacts (as of {result.today}): nobody you have not met")
        click.echo("is known by one of your contacts. Note whom your contacts know under their 'knows'.")
        return
    shown = len(result.suggestions)
    click.echo(f"Whom to meet next, as of {result.today} ({shown} of {result.candidates} people two hops away):")
    click.echo(
        hanging(
            "(the percentage mixes how likely you are to meet them through your mutual contacts, a moderate"
            " number of mutual contacts, your targets and looking_for, and reaching a new part of your network;"
            " 100% would be the best on all four)",
            0,
            1,
        )
    )
    for rank, item in enumerate(result.suggestions, 1):
        click.echo("")
        click.echo(f"{rank:2}. {item.name} ({item.id})  {percent(item.score)}")
        click.echo(hanging(item.why, 4, 6))
