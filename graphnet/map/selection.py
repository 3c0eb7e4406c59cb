"""What a map shows: the people matching the filters, the closest ones first, the warm paths,
and the organizations and groups that link them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..errors import GraphnetError, did_you_mean
from ..model import ME, Network
from .options import MapOptions

if TYPE_CHECKING:
    from ..analyses.strength import TieModel

__all__ = ["MapPath", "View", "choose", "closest_first", "hops", "map_warm_paths"]


@dataclass
class MapPath:
    """A warm path as the map draws it."""

    nodes: list[str]  # every node crossed, me first (organizations and groups included)
    people: list[str]
    ask: str = ""


def map_warm_paths(
    net: Network, graph: nx.Graph, target: str, today: date, top: int, model: TieModel
) -> tuple[list[MapPath], list[str]]:
    """The best warm paths to ``target`` (:func:`graphnet.paths.warm_paths`).

    Also, when there is no path, the nearest routes as lines of text ("Start with ...").
    """
    from ..analyses.warm_paths import warm_paths

    found = warm_paths(net, target, today=today, top=top, model=model)  # GraphnetError for an unknown target
    nearest = [f"Start with {route.name}: {route.why}" for route in found.nearest]
    result: list[MapPath] = []
    ident = found.target.get("id")
    for path in found.paths:
        nodes = [str(n) for n in (path.nodes or path.people)]
        if nodes and nodes[0] != ME:
            nodes.insert(0, ME)
        if ident in graph and nodes[-1] != ident and graph.has_edge(nodes[-1], ident):
            nodes.append(str(ident))  # the insider's link to the target organization
        result.append(MapPath(nodes, [str(p) for p in path.people], str(path.ask)))
    return result, nearest


def _folded(text: str) -> str:
    return text.casefold().strip()


def _select_people(net: Network, graph: nx.Graph, options: MapOptions) -> tuple[list[str], list[str]]:
    """(people matching the filters, notes on the filters applied)."""
    people = list(net.people)
    notes: list[str] = []
    if options.circle:
        wanted = _folded(options.circle)
        known = {_folded(c) for p in net.people.values() for c in p.circles}
        if wanted not in known:
            there = (
                f"the circles are: {', '.join(sorted(known))}"
                if known
                else "no one has a circle yet (add e.g. circles: [work] to a person)"
            )
            raise GraphnetError(f"no one is in the circle {options.circle!r}; {there}")
        people = [p for p in people if any(_folded(c) == wanted for c in net.people[p].circles)]
        notes.append(f"circle {options.circle}")
    if options.org:
        org = net.find_organization(options.org)
        if org is None:
            orgs = {o.id: o.name for o in net.organizations.values()}
            hint = did_you_mean(options.org, orgs)
            raise GraphnetError(f"unknown organization {options.org!r}" + (f"; {hint}" if hint else ""))
        people = [
            p for p in people if net.people[p].org == org or any(job.org == org for job in net.people[p].past_orgs)
        ]
        notes.append(f"organization {net.organizations[org].name}")
    if options.min_strength is not None:
        people = [p for p in people if net.people[p].strength >= options.min_strength]
        notes.append(f"tie strength {options.min_strength} or more")
    if options.focus:
        from ..names import resolve_person

        centre = resolve_person(net, options.focus, "`focus`")
        near = hops(graph, centre, max(1, options.depth))
        people = [p for p in people if p in near]
        notes.append(f"{options.depth} hop(s) around {net.name_of(centre)}")
    return people, notes


def hops(graph: nx.Graph, centre: str, depth: int | None) -> dict[str, int]:
    """Node -> hops from ``centre``, not through me: everyone I know is two hops from anyone via me,
    so a person's neighbourhood is their own contacts, organizations and groups (a colleague is two
    hops away, through the organization)."""
    if centre == ME:
        return dict(nx.single_source_shortest_path_length(graph, ME, cutoff=depth))
    without_me = nx.restricted_view(graph, [ME], [])
    return dict(nx.single_source_shortest_path_length(without_me, centre, cutoff=depth))


def closest_first(net: Network, graph: nx.Graph, people: Iterable[str], contacts: Mapping[str, date]) -> list[str]:
    """People by closeness to me: strongest tie, then most recent contact, then most connected."""
    degree = dict(graph.degree(people))
    return sorted(people, key=_closeness_key(net, contacts, degree))


def _closeness_key(net: Network, contacts: Mapping[str, date], degree: Mapping[str, int]) -> Callable[[str], Any]:
    def key(ident: str) -> Any:
        person = net.people[ident]
        seen = contacts.get(ident)
        return (-person.strength, -(seen.toordinal() if seen else 0), -degree.get(ident, 0), person.name, ident)

    return key


@dataclass
class View:
    """Which nodes a map shows, before styling."""

    centre: str
    people: set[str]
    shown: set[str]
    affiliations: dict[str, list[str]]
    paths: list[MapPath]
    target: str | None
    notes: list[str]
    message: str | None


def choose(
    net: Network,
    graph: nx.Graph,
    options: MapOptions,
    contacts: Mapping[str, date],
    paths: list[MapPath],
    target: str | None,
) -> View:
    """Apply the filters, the limit and the highlight: the nodes the map shows."""
    people, notes = _select_people(net, graph, options)
    centre = (net.find_person(options.focus) or ME) if options.focus else ME
    on_path = {n for path in paths for n in path.nodes if n in graph}
    message: str | None = None
    if options.limit is not None and len(people) > options.limit:
        degree = dict(graph.degree())
        people.sort(key=_closeness_key(net, contacts, degree))
        message = (
            f"Showing the {options.limit:,} people closest to you (strongest ties, most recent contact) "
            f"of {len(people):,}. To see more: `limit` {min(len(people), options.limit * 4)}; "
            "everything: no `limit`; a part: `focus` PERSON, `circle`, `org` or `min_strength`."
        )
        people = people[: options.limit]
    shown_people = set(people) | {p for p in on_path if p in net.people}
    if centre in net.people:
        shown_people.add(centre)

    # Organizations and groups linked to the people shown. One linked to a single person tells
    # nothing the tooltip does not, so it is drawn only when it connects two or more (me included),
    # or is a target, the highlight target or the --org asked for.
    affiliations: dict[str, list[str]] = defaultdict(list)
    for person in sorted(shown_people):
        for other in graph.neighbors(person):
            if graph.nodes[other].get("kind") in ("organization", "group"):
                affiliations[other].append(person)
    for group in net.groups.values():
        if ME in group.members and group.id in affiliations:
            affiliations[group.id].append(ME)
    kept = {a: m for a, m in affiliations.items() if len(m) >= 2}
    wanted: list[str] = [target] if target in net.organizations else []
    if not (options.focus or options.circle or options.org):
        wanted += [t for t in net.me.targets if t in graph]
    if options.org:
        wanted.append(net.find_organization(options.org) or "")
    for ident in wanted:
        if ident in graph and ident not in kept:
            kept[ident] = affiliations.get(ident, [])
    shown = {ME} | shown_people | set(kept) | on_path
    return View(centre, shown_people, shown, kept, paths, target, notes, message)
