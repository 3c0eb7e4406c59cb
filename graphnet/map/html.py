"""The map: one offline, safe, interactive HTML file of the network.

``graphnet map`` draws me at the centre, the people I know, their organizations
and groups, with vis-network through PyVis. The page is graphnet's own template
(``templates/map.html``), not PyVis's: PyVis's stock template loads Bootstrap
from a CDN and inserts some text without escaping. Here

- the vis-network script and style PyVis bundles are inlined, so the file makes
  no network request at all (a Content-Security-Policy forbids any, too);
- the template is rendered with autoescape on, and every piece of data goes
  through ``tojson``, so no name, role or note can run as script or markup;
- only whitelisted, string-typed attributes of the data reach the page, and the
  private fields (``email``, ``phone``, ``url``, ``notes``) only when asked for;
- small maps lay themselves out with tuned physics; big ones get positions
  computed here (a radial ego layout: rings by tie strength, sectors by colour)
  and no physics, and a huge network is reduced to the people closest to me,
  with a message saying how to see more.

The analyses give the picture its meaning: tie weights and their words
(:mod:`graphnet.strength`), clusters (:mod:`graphnet.communities`), brokerage
(:mod:`graphnet.bridges`), weak ties worth reviving (:mod:`graphnet.weak_ties`)
and warm paths (:mod:`graphnet.paths`).
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import math
import os
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..analyses.activity import last_contacts
from ..analyses.graph import build_graph
from ..analyses.strength import ago
from ..errors import GraphnetError, did_you_mean
from ..files.fileio import replace_file
from ..files.format import private_fields, private_names, private_values
from ..model import ME, STRENGTH_LABELS, Network

if TYPE_CHECKING:  # the analyses are imported when a map is drawn, not when graphnet is
    from ..analyses.communities import Structure
    from ..analyses.strength import TieModel

__all__ = [
    "COLOR_BY",
    "DEFAULT_LIMIT",
    "PHYSICS_MAX_NODES",
    "MapData",
    "MapOptions",
    "MapResult",
    "map_data",
    "radial_layout",
    "render_html",
    "write_map",
]

#: People shown by default; a bigger network is reduced to the closest ones (``--limit``/``--all``).
DEFAULT_LIMIT = 1500
#: Above this many nodes, positions are computed in Python and physics is off.
PHYSICS_MAX_NODES = 500
#: On a big map, how many people and organizations keep a label readable when zoomed out.
HEADLINE_PEOPLE = 30
HEADLINE_ORGS = 10
#: What node colours can stand for.
COLOR_BY = ("cluster", "org", "circle")

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Stands for the page's CSP nonce until the page is rendered; ``<`` and ``>`` never survive
#: escaping or ``tojson``, so no user text can contain it.
_NONCE_MARK = "<%graphnet-nonce%>"

#: Colours of categories (Tableau 10 less its grey, then three more far from them), the rest are "other".
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#34495e",
    "#a5a32b",
    "#a0cbe8",
)
OTHER_COLOR = "#c9c9c9"
ME_COLOR = "#1d2b44"
ORG_COLOR = "#7d8a99"
GROUP_COLOR = "#a78bbf"
TARGET_BORDER = "#d4a017"
PATH_COLOR = "#ff6d00"
#: My weak ties: lighter still, so the many spokes from me do not hide the clusters.
WEAK_TIE_COLOR = "rgba(163,174,189,0.35)"
#: Line colours by relation (my ties lighter: they are many and all meet at me).
EDGE_COLORS = {
    "tie": "rgba(163,174,189,0.55)",
    "knows": "rgba(127,142,163,0.9)",
    "introduction": "rgba(127,142,163,0.9)",
    "works_at": "rgba(195,202,212,0.9)",
    "worked_at": "rgba(201,207,216,0.9)",
    "member_of": "rgba(203,191,216,0.9)",
}
#: Label font size by my tie strength: zoomed out, vis skips labels under ``drawThreshold`` pixels,
#: so the names that matter stay and the rest appear on zooming in.
_LABEL_SIZE = {5: 26, 4: 24, 3: 21, 2: 18, 1: 14, 0: 14}
SHAPES = {"me": "star", "person": "dot", "organization": "square", "group": "triangle"}


@dataclass
class MapOptions:
    """What the map shows; every field matches a ``graphnet map`` option."""

    #: Node colour: ``cluster`` (community), ``org`` (current organization) or ``circle``.
    color_by: str = "cluster"
    #: Draw the best warm paths to this target (organization or person) over the map.
    highlight: str | None = None
    #: Show only the neighbourhood of this person (id or name), ``depth`` hops deep.
    focus: str | None = None
    depth: int = 2
    #: Show only people whose tie with me is at least this strong (0-5).
    min_strength: int | None = None
    #: Show only people in this circle.
    circle: str | None = None
    #: Show only people who work or worked at this organization.
    org: str | None = None
    #: Put email, phone, url and notes in the tooltips.
    include_private: bool = False
    #: Most people shown (closest first); ``None`` shows everyone.
    limit: int | None = DEFAULT_LIMIT
    #: How many warm paths ``highlight`` draws.
    top_paths: int = 3
    #: Force physics on or off; ``None`` decides by size.
    physics: bool | None = None


@dataclass
class LegendEntry:
    label: str
    color: str
    count: int = 0


@dataclass
class MapData:
    """Everything the page shows, ready for the template.

    ``nodes`` and ``edges`` are vis-network items made only of whitelisted
    keys with string, number or boolean values.
    """

    title: str
    subtitle: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    vis_options: dict[str, Any]
    physics: bool
    color_title: str
    colors: list[LegendEntry]
    size_meaning: str
    message: str | None = None
    highlight: list[str] = field(default_factory=list)
    people_total: int = 0
    people_shown: int = 0
    centre: str = ME
    targets: bool = False


@dataclass
class MapResult:
    """What :func:`write_map` wrote."""

    path: Path
    nodes: int
    edges: int
    people_shown: int
    people_total: int
    physics: bool
    message: str | None


# --------------------------------------------------------------------------- analyses (optional)


def _tie_model(net: Network, today: date) -> TieModel:
    """The tie-strength model (:mod:`graphnet.strength`): weights and words for every tie."""
    from ..analyses.strength import TieModel

    return TieModel(net, today)


#: Above this many nodes, clusters and brokerage are computed on the nodes shown, not the whole network.
WHOLE_NETWORK_MAX_NODES = 5000


@dataclass
class _Path:
    """A warm path as the map draws it."""

    nodes: list[str]  # every node crossed, me first (organizations and groups included)
    people: list[str]
    ask: str = ""


def _warm_paths(
    net: Network, graph: nx.Graph, target: str, today: date, top: int, model: TieModel
) -> tuple[list[_Path], list[str]]:
    """The best warm paths to ``target`` (:func:`graphnet.paths.warm_paths`).

    Also, when there is no path, the nearest routes as lines of text ("Start with ...").
    """
    from ..analyses.warm_paths import warm_paths

    found = warm_paths(net, target, today=today, top=top, model=model)  # GraphnetError for an unknown target
    nearest = [f"Start with {route.name}: {route.why}" for route in found.nearest]
    result: list[_Path] = []
    ident = found.target.get("id")
    for path in found.paths:
        nodes = [str(n) for n in (path.nodes or path.people)]
        if nodes and nodes[0] != ME:
            nodes.insert(0, ME)
        if ident in graph and nodes[-1] != ident and graph.has_edge(nodes[-1], ident):
            nodes.append(str(ident))  # the insider's link to the target organization
        result.append(_Path(nodes, [str(p) for p in path.people], str(path.ask)))
    return result, nearest


def _structure(net: Network, graph: nx.Graph, shown: set[str]) -> Structure:
    """The network without me for the community and brokerage analyses.

    Small networks are analysed whole (the same clusters as the other commands); a big one on
    the part shown, which is both faster and what the picture is about.
    """
    from ..analyses.communities import structure

    return structure(net if graph.number_of_nodes() <= WHOLE_NETWORK_MAX_NODES else graph.subgraph(shown))


def _clusters(net: Network, s: Structure, shown: set[str]) -> tuple[dict[str, int], dict[int, str]]:
    """Node id -> cluster number (:func:`graphnet.communities.communities`), and cluster number -> name."""
    from ..analyses.communities import ClusterNamer, communities

    settings = net.me.settings
    membership = communities(s, seed=settings.seed, louvain_max_nodes=settings.louvain_max_nodes)
    members: dict[int, list[str]] = defaultdict(list)
    for ident, number in membership.items():
        if ident in shown:
            members[number].append(ident)
    namer = ClusterNamer(net)
    names: dict[int, str] = {}
    for number in sorted(members, key=lambda n: (-len(members[n]), n)):
        people = [m for m in members[number] if m in net.people]
        names[number] = namer.name(members[number]) if len(people) >= 2 else "in no cluster"
    return membership, names


def _brokerage(
    net: Network, s: Structure, shown: set[str], clusters: tuple[dict[str, int], dict[int, str]]
) -> tuple[dict[str, float], dict[str, str]]:
    """Person id -> brokerage in [0, 1] (1: the top broker), and why for the top ones.

    Brokerage is :func:`graphnet.bridges.cluster_betweenness`: the share of shortest routes
    between people of different clusters that run through someone, with me removed (exact up
    to ``exact_betweenness_max_nodes`` nodes, else from ``betweenness_samples`` seeded sources).
    """
    from ..analyses.bridges import cluster_betweenness

    membership, names = clusters
    settings = net.me.settings
    labels = [membership.get(ident, -1 - i) for i, ident in enumerate(s.ids)]
    people = [i for i in range(s.n) if s.kinds[i] == "person" and s.adj[i]]
    sources = people
    if s.n > settings.exact_betweenness_max_nodes and len(people) > settings.betweenness_samples:
        sources = sorted(random.Random(settings.seed).sample(people, settings.betweenness_samples))
    total, pairs = cluster_betweenness(s, labels, sources=sources)
    share = [float(x) / pairs if pairs > 0 else float(x) for x in total]
    top = max((share[i] for i in people), default=0.0)
    if top <= 0:
        return {}, {}
    scores = {s.ids[i]: share[i] / top for i in people if share[i] > 0 and s.ids[i] in shown}
    why: dict[str, str] = {}
    ranked = sorted((i for i in people if share[i] > 0 and s.ids[i] in shown), key=lambda i: (-share[i], s.ids[i]))
    for i in ranked[: max(3, len(ranked) // 20)]:
        near = Counter(names.get(labels[j], "") for j in s.adj[i] if labels[j] in names)
        linked = [n for n, _ in near.most_common(3) if n and n != "in no cluster"]
        routes = f"on {share[i]:.0%} of the shortest routes between clusters"
        why[s.ids[i]] = (f"broker: links {_and(linked)}; " if len(linked) > 1 else "broker: ") + routes
    return scores, why


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _weak_ties(net: Network, today: date, top: int) -> dict[str, str]:
    """Person id -> why :func:`graphnet.weak_ties.weak_ties` singles them out."""
    from ..analyses.weak_ties import weak_ties

    found = weak_ties(net, today=today, top=top)
    return {tie.id: f"weak tie worth reviving: {tie.why}" for tie in found.weak_ties}


# --------------------------------------------------------------------------- layout


def _place_on_rings(
    wanted: list[tuple[str, float]], radius: float, spacing: float, gap: float
) -> tuple[dict[str, tuple[float, float]], float]:
    """Put items near their wanted angles on rings from ``radius`` outwards; returns positions and the outer radius."""
    positions: dict[str, tuple[float, float]] = {}
    if not wanted:
        return positions, radius
    per_ring = max(1, int(2 * math.pi * radius / spacing))
    rings = max(1, math.ceil(len(wanted) / per_ring))
    last: list[float] = [-math.inf] * rings
    ordered = sorted(wanted, key=lambda item: (item[1], item[0]))
    for ident, angle in ordered:
        best = min(range(rings), key=lambda r: (max(0.0, last[r] + spacing / (radius + r * gap) - angle), r))
        r = radius + best * gap
        placed = max(angle, last[best] + spacing / r)
        last[best] = placed
        positions[ident] = (r * math.cos(placed), r * math.sin(placed))
    return positions, radius + (rings - 1) * gap


_GOLDEN = (math.sqrt(5) - 1) / 2


def radial_layout(
    centre: str,
    rings: Mapping[str, int],
    sectors: Mapping[str, str],
    affiliations: Mapping[str, list[str]],
    *,
    spacing: float = 46.0,
    ring_gap: float = 44.0,
    band_gap: float = 70.0,
    first_radius: float = 200.0,
) -> dict[str, tuple[float, float]]:
    """Positions for an ego map: the centre at (0, 0), people on rings, affiliations outside.

    Parameters
    ----------
    centre : str
        The node at the origin (me, or the focused person).
    rings : mapping
        Person id -> ring number, 0 innermost (e.g. ``5 - tie strength``).
    sectors : mapping
        Person id -> sector name (their colour); each sector gets a slice of the
        circle proportional to its size, so clusters sit together.
    affiliations : mapping
        Organization or group id -> the people linked to it; each is placed
        outside the people's rings, at the mean angle of its people.

    Returns
    -------
    dict
        Node id -> (x, y) in vis-network canvas units.

    Notes
    -----
    O(n log n) for n nodes. Each ring is an annulus as wide as its most crowded
    sector needs (about ``spacing``² of area a person); organizations and groups
    go on rings outside, ``spacing`` apart, near the mean angle of their people.
    """
    positions: dict[str, tuple[float, float]] = {centre: (0.0, 0.0)}
    people = [p for p in rings if p != centre]
    if people:
        sizes = Counter(sectors.get(p, "") for p in people)
        order = sorted(sizes, key=lambda s: (-sizes[s], s))
        start: dict[str, float] = {}
        width: dict[str, float] = {}
        angle = -math.pi / 2
        for sector in order:
            start[sector] = angle
            width[sector] = 2 * math.pi * sizes[sector] / len(people)
            angle += width[sector]
        radius = first_radius
        bands: dict[int, list[str]] = defaultdict(list)
        for p in people:
            bands[rings[p]].append(p)
        for band in sorted(bands):
            members = bands[band]
            by_sector: dict[str, list[str]] = defaultdict(list)
            for p in sorted(members):
                by_sector[sectors.get(p, "")].append(p)
            # The band is an annulus [radius, outer] wide enough for the most crowded sector to give
            # each of its people about spacing² of area; inside its slice, a sector's people are spread
            # evenly over the area (a Fibonacci lattice: radius by area, angle by the golden ratio).
            need = max(2 * len(group) * spacing**2 / width[sector] for sector, group in by_sector.items())
            outer = max(math.sqrt(radius**2 + need), radius + (ring_gap if len(members) > 1 else 0.0))
            for sector, group in by_sector.items():
                n = len(group)
                margin = min(0.5, spacing / 2 / max(radius * width[sector], 1e-9))
                for i, ident in enumerate(group):
                    u = (i + 0.5) / n
                    v = (0.5 + i * _GOLDEN) % 1.0 if n > 1 else 0.5
                    r = math.sqrt(radius**2 + u * (outer**2 - radius**2))
                    a = start[sector] + width[sector] * (margin + v * (1 - 2 * margin))
                    positions[ident] = (r * math.cos(a), r * math.sin(a))
            radius = outer + band_gap
    else:
        radius = first_radius
    wanted: list[tuple[str, float]] = []
    for ident, members in affiliations.items():
        if ident in positions:
            continue
        xs = [positions[m][0] for m in members if m in positions and m != centre]
        ys = [positions[m][1] for m in members if m in positions and m != centre]
        if xs:
            angle = math.atan2(sum(ys) / len(ys), sum(xs) / len(xs))
            if math.hypot(sum(xs), sum(ys)) < 1e-9:
                angle = 0.0
        else:
            angle = (int(hashlib.sha1(ident.encode()).hexdigest()[:6], 16) / 0xFFFFFF) * 2 * math.pi
        wanted.append((ident, angle))
    placed, _outer = _place_on_rings(wanted, radius + band_gap * 0.5, spacing * 1.4, ring_gap)
    positions.update(placed)
    return positions


# --------------------------------------------------------------------------- choosing what to show


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
            raise GraphnetError(f"no one is in the circle {options.circle!r}; circles: {', '.join(sorted(known))}")
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

        centre = resolve_person(net, options.focus, "--focus")
        near = _hops(graph, centre, max(1, options.depth))
        people = [p for p in people if p in near]
        notes.append(f"{options.depth} hop(s) around {net.name_of(centre)}")
    return people, notes


def _hops(graph: nx.Graph, centre: str, depth: int | None) -> dict[str, int]:
    """Node -> hops from ``centre``, not through me: everyone I know is two hops from anyone via me,
    so a person's neighbourhood is their own contacts, organizations and groups (a colleague is two
    hops away, through the organization)."""
    if centre == ME:
        return dict(nx.single_source_shortest_path_length(graph, ME, cutoff=depth))
    without_me = nx.restricted_view(graph, [ME], [])
    return dict(nx.single_source_shortest_path_length(without_me, centre, cutoff=depth))


def _closeness_key(net: Network, contacts: Mapping[str, date], degree: Mapping[str, int]) -> Callable[[str], Any]:
    def key(ident: str) -> Any:
        person = net.people[ident]
        seen = contacts.get(ident)
        return (-person.strength, -(seen.toordinal() if seen else 0), -degree.get(ident, 0), person.name, ident)

    return key


# --------------------------------------------------------------------------- text


def _plain(value: object) -> str | None:
    """The value if it is non-empty text, else None: only strings reach the page."""
    return value if isinstance(value, str) and value.strip() else None


def _person_title(
    net: Network,
    ident: str,
    today: date,
    contacts: Mapping[str, date],
    why: list[str],
    include_private: bool,
) -> str:
    person = net.people[ident]
    lines = [person.name]
    work = ", ".join(x for x in (_plain(person.role), _plain(person.department)) if x)
    org = net.organizations[person.org].name if person.org in net.organizations else _plain(person.org)
    if work or org:
        lines.append(" · ".join(x for x in (work, org) if x))
    tie = f"Tie: {person.strength} ({STRENGTH_LABELS.get(person.strength, '')})"
    seen = contacts.get(ident)
    tie += f" · last contact {seen.isoformat()} ({ago((today - seen).days)})" if seen else " · no contact recorded"
    lines.append(tie)
    circles = [c for c in person.circles if _plain(c)]
    if circles:
        lines.append("Circles: " + ", ".join(circles))
    tags = [t for t in person.tags if _plain(t)]
    if tags:
        lines.append("Tags: " + ", ".join(tags))
    if why:
        lines.append("Why it matters:")
        lines.extend(f"• {reason}" for reason in why)
    if include_private:
        lines.extend(_private_lines(person, "person"))
    return "\n".join(lines)


def _private_lines(record: object, kind: str) -> list[str]:
    """``Label: value`` for each private field of ``record`` that holds text (see graphnet.files.format)."""
    values = private_values(record, kind)
    return [f"{f.shown_as}: {values[f.name]}" for f in private_fields(kind) if f.name in values]


# --------------------------------------------------------------------------- building the map


def _palette(counts: Counter[str], other_label: str, neutral: str) -> tuple[dict[str, str], list[LegendEntry]]:
    """Category -> colour (biggest first), and the legend entries.

    A category of one gets no colour of its own (a colour is worth its legend line
    only when it groups people), nor does ``neutral`` (e.g. "no organization").
    """
    order = sorted(counts, key=lambda c: (-counts[c], c))
    colors: dict[str, str] = {}
    legend: list[LegendEntry] = []
    other = 0
    for category in order:
        if category != neutral and counts[category] >= 2 and len(legend) < len(PALETTE):
            colors[category] = PALETTE[len(legend)]
            legend.append(LegendEntry(category, colors[category], counts[category]))
        else:
            colors[category] = OTHER_COLOR
            if category != neutral:
                other += counts[category]
    if other:
        legend.append(LegendEntry(other_label, OTHER_COLOR, other))
    if counts.get(neutral):
        legend.append(LegendEntry(neutral, OTHER_COLOR, counts[neutral]))
    return colors, legend


@dataclass
class _View:
    """Which nodes a map shows, before styling."""

    centre: str
    people: set[str]
    shown: set[str]
    affiliations: dict[str, list[str]]
    paths: list[_Path]
    target: str | None
    notes: list[str]
    message: str | None


def _choose(
    net: Network,
    graph: nx.Graph,
    options: MapOptions,
    contacts: Mapping[str, date],
    paths: list[_Path],
    target: str | None,
) -> _View:
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
            f"of {len(people):,}. To see more: graphnet map --limit {min(len(people), options.limit * 4)}; "
            "everything: graphnet map --all; a part: --focus PERSON, --circle, --org or --min-strength."
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
    return _View(centre, shown_people, shown, kept, paths, target, notes, message)


@dataclass
class _Colours:
    title: str
    category: dict[str, str]
    color: dict[str, str]
    legend: list[LegendEntry]
    by: str


def _colours(
    net: Network,
    graph: nx.Graph,
    view: _View,
    color_by: str,
    clusters: tuple[dict[str, int], dict[int, str]],
) -> _Colours:
    """Each node's colour category (cluster, organization or circle), and the legend."""
    category: dict[str, str] = {}
    if color_by == "cluster":
        membership, names = clusters
        for p in view.people:
            category[p] = names[membership[p]] if membership.get(p) in names else "in no cluster"
        for node in view.affiliations:
            if membership.get(node) in names:
                category[node] = names[membership[node]]
        title, other, neutral = "Colour: cluster (people who know each other)", "other clusters", "in no cluster"
    elif color_by == "org":
        for p in view.people:
            org = net.people[p].org
            category[p] = net.organizations[org].name if org in net.organizations else "no organization"
        for node in view.affiliations:
            if graph.nodes[node].get("kind") == "organization":
                category[node] = str(graph.nodes[node]["name"])
        title, other, neutral = "Colour: current organization", "other organizations", "no organization"
    else:
        for p in view.people:
            circles = [c for c in net.people[p].circles if _plain(c)]
            category[p] = circles[0] if circles else "no circle"
        title, other, neutral = "Colour: circle (first listed)", "other circles", "no circle"
    counts = Counter(category[p] for p in view.people if p in category)
    color, legend = _palette(counts, other, neutral)
    return _Colours(title, category, color, legend, color_by)


def _node_item(ident: str, label: str, kind: str, title: str, color: str, border: str | None) -> dict[str, Any]:
    """A vis node, kept small: a 5,000-node page parses and builds faster with fewer keys."""
    item: dict[str, Any] = {"id": ident, "label": label, "kind": kind, "shape": SHAPES.get(kind, "dot"), "title": title}
    if border:
        item["color"] = {"background": color, "border": border}
        item["borderWidth"] = 4
    else:
        item["color"] = color
    return item


def _nodes(
    net: Network,
    graph: nx.Graph,
    view: _View,
    colours: _Colours,
    positions: Mapping[str, tuple[float, float]],
    options: MapOptions,
    today: date,
    contacts: Mapping[str, date],
    brokerage: tuple[dict[str, float], dict[str, str]],
    weak: Mapping[str, str],
    big: bool,
) -> list[dict[str, Any]]:
    """vis-network nodes: whitelisted keys, every text built here from string fields."""
    broker, broker_why = brokerage
    on_path = {n for path in view.paths for n in path.nodes}
    # On a big map, zoomed out to fit, ordinary labels are too small to draw; the most important
    # people and organizations get labels big enough to read at that zoom (about 12 px on a
    # 900-px-high view; vis caps them at maxVisible when zooming in).
    headline: set[str] = set()
    overview_font = 0
    if big:
        extent = max((math.hypot(x, y) for x, y in positions.values()), default=1.0)
        overview_font = round(12 * extent / 420)

        def rank(p: str) -> tuple[int, int, int, float, str]:
            strength = net.people[p].strength if p in net.people else 0
            return (p in on_path, p in broker_why or p in weak, strength, broker.get(p, 0.0), p)

        headline = set(sorted(view.people, key=rank, reverse=True)[:HEADLINE_PEOPLE])
        orgs = [a for a in view.affiliations if graph.nodes[a].get("kind") == "organization"]
        headline |= set(sorted(orgs, key=lambda a: (len(view.affiliations[a]), a), reverse=True)[:HEADLINE_ORGS])
    order = sorted(view.shown, key=lambda n: (n != view.centre, n != ME, str(graph.nodes[n].get("kind")), n))
    items: list[dict[str, Any]] = []
    for ident in order:
        attrs = graph.nodes[ident]
        kind = str(attrs.get("kind", "person"))
        label = _plain(attrs.get("name")) or ident
        border: str | None = None
        if kind == "me":
            item = _node_item(ident, label, kind, f"{label}\nYou · {len(view.people)} people shown", ME_COLOR, None)
            item["size"] = 34 if not big else round(overview_font * 1.2)
            item["font"] = {"size": 24 if not big else round(overview_font * 1.4), "strokeWidth": 5}
        elif kind == "person":
            score = broker.get(ident, 0.0)
            why: list[str] = []
            if ident in broker_why:
                why.append(broker_why[ident])
            if ident in weak:
                why.append(weak[ident])
            if ident in on_path and view.target is not None:
                why.append(f"on a warm path to {net.name_of(view.target)}")
            if ident == view.centre and ident != ME:
                why.append("the person this view is centred on")
            title = _person_title(net, ident, today, contacts, why, options.include_private)
            color = colours.color.get(colours.category.get(ident, ""), OTHER_COLOR)
            item = _node_item(ident, label, kind, title, color, PATH_COLOR if ident in on_path else None)
            item["size"] = round(8 + 16 * math.sqrt(score), 1)
            # Label size by importance, so that zoomed out only the labels that matter are drawn
            # (vis skips labels smaller than drawThreshold on screen); zooming in shows the rest.
            strength = net.people[ident].strength if ident in net.people else 0
            font_size = max(_LABEL_SIZE.get(strength, 14), 22 if why else 0, round(14 + 10 * score))
            item["font"] = {"size": font_size if not big else round(font_size * 0.7)}
            if ident in headline:
                item["font"] = {"size": overview_font}
        else:
            members = [m for m in view.affiliations.get(ident, []) if m != ME]
            lines = [label]
            if kind == "organization":
                industry = _plain(attrs.get("industry"))
                lines.append("Organization" + (f" · {industry}" if industry else ""))
                if ident in net.me.targets:
                    lines.append("One of your targets")
                    border = TARGET_BORDER
                current = sum(1 for m in members if m in net.people and net.people[m].org == ident)
                lines.append(f"Of the people shown, {current} work here and {len(members) - current} used to")
                record: object = net.organizations.get(ident)
                color = (
                    colours.color.get(colours.category.get(ident, ""), ORG_COLOR) if colours.by == "org" else ORG_COLOR
                )
            else:
                group_kind = _plain(attrs.get("group_kind"))
                lines.append("Group" + (f" · {group_kind}" if group_kind else ""))
                mine = ME in view.affiliations.get(ident, [])
                lines.append(f"{len(members)} of the people shown are members" + (", and you" if mine else ""))
                record = net.groups.get(ident)
                color = GROUP_COLOR
            if options.include_private and record is not None:
                lines.extend(_private_lines(record, kind))
            item = _node_item(ident, label, kind, "\n".join(lines), color, PATH_COLOR if ident in on_path else border)
            item["size"] = round((13 if kind == "organization" else 12) + 3.5 * math.sqrt(len(members)), 1)
            small_size = 18 if kind == "organization" else 17
            item["font"] = {"size": small_size if not big else (overview_font if ident in headline else 12)}
        x, y = positions.get(ident, (0.0, 0.0))
        item["x"], item["y"] = round(x), round(y)
        if ident == view.centre:
            item["x"], item["y"], item["fixed"] = 0, 0, True
        item["category"] = colours.category.get(ident, kind)
        items.append(item)
    return items


def _tie_text(model: TieModel, a: str, b: str, include_private: bool) -> str | None:
    """The strength model's words for the tie a-b (favor descriptions only with private fields)."""
    facts = model.facts(a, b)
    if facts is None:
        return None
    from ..analyses.strength import describe_tie

    if not include_private and facts.favor_what and "what" in private_names("favor"):
        facts = copy.copy(facts)
        facts.favor_what = None
    circles = model.net.people[b].circles if b in model.net.people else []
    return str(describe_tie(facts, a, b, model.net.name_of, circles))


def _edges(
    net: Network, graph: nx.Graph, view: _View, model: TieModel, include_private: bool, big: bool
) -> list[dict[str, Any]]:
    """vis-network edges: width by tie weight, dashed when weak or inferred, warm paths on top.

    On a big map (no physics) my weak ties are not drawn, since the ring a person sits on already
    says how strong our tie is and thousands of spokes would hide everything else; membership lines
    carry no tooltip. Keys are kept few, which makes a 40,000-edge page noticeably faster.
    """
    weak_max = net.me.settings.weak_tie_max_strength
    path_pairs = {frozenset(pair) for path in view.paths for pair in itertools.pairwise(path.nodes)}
    spread = _spread(len(view.shown))

    def name(ident: str) -> str:
        return net.me.name if ident == ME else net.name_of(ident)

    items: list[dict[str, Any]] = []
    drawn: set[frozenset[str]] = set()
    order = {ident: i for i, ident in enumerate(graph)}  # graph order, so the output is deterministic
    pairs = sorted(
        (order[x], order[y], x, y) for x in view.shown for y in graph.adj[x] if y in view.shown and order[x] < order[y]
    )
    for _, _, a, b in pairs:
        attrs = graph.adj[a][b]
        if b == ME:
            a, b = b, a
        pair = frozenset((a, b))
        kind = str(attrs.get("kind"))
        declared = attrs.get("strength")
        weak = isinstance(declared, int) and declared <= weak_max
        on_path = pair in path_pairs
        if big and kind == "tie" and weak and not on_path:
            continue
        drawn.add(pair)
        inferred = bool(attrs.get("inferred"))
        item: dict[str, Any] = {"id": f"e{len(items)}", "from": a, "to": b, "kind": kind}
        relations = ", ".join(str(r).replace("_", " ") for r in attrs.get("relations") or [kind])
        title = f"{name(a)} — {name(b)}\n{relations}"
        if kind in ("tie", "knows", "introduction"):
            weight = float(model.weight(a, b))
            item["width"] = round(0.8 + 5.2 * max(0.0, min(1.0, weight)), 1)
            if (inferred or weak) and not big:  # dashed lines draw several times slower: small maps only
                item["dashes"] = True
            words = _tie_text(model, a, b, include_private)
            if words:
                title += f"\n{words}"
            elif isinstance(declared, int):
                title += f"\nstrength {declared} ({STRENGTH_LABELS.get(declared, '')})"
            title += f"\ntie weight {weight:.2f}"
            if not big:
                strength_of = declared if isinstance(declared, int) else 2
                item["length"] = round((70 + 30 * (5 - strength_of) if kind == "tie" else 80) * spread)
                if kind == "tie":  # clusters, not spokes, shape the layout; I stay fixed at the centre
                    item["physics"] = False
            item["color"] = WEAK_TIE_COLOR if kind == "tie" and weak else EDGE_COLORS[kind]
            item["title"] = title
        else:
            if not big:
                item["length"] = round({"works_at": 60, "worked_at": 90}.get(kind, 80) * spread)
                item["title"] = title
            if kind != "works_at":
                item["color"] = EDGE_COLORS.get(kind, EDGE_COLORS["works_at"])
            if kind == "worked_at" and not big:
                item["dashes"] = [2, 4]
        if on_path:
            item["color"] = PATH_COLOR
            item["width"] = max(float(item.get("width", 1)), 5.0)
            item["dashes"] = False
        items.append(item)
    for a, b in sorted(tuple(sorted(p)) for p in path_pairs - drawn):
        if a in view.shown and b in view.shown:  # a hop the graph links only through an organization or group
            items.append(
                {
                    "id": f"e{len(items)}",
                    "from": a,
                    "to": b,
                    "kind": "path",
                    "width": 5,
                    "dashes": [8, 6],
                    "color": PATH_COLOR,
                    "title": f"{name(a)} — {name(b)}\nwarm-path hop: they meet through an organization or group",
                }
            )
    return items


def map_data(net: Network, options: MapOptions | None = None, *, today: date | None = None) -> MapData:
    """Decide what the map shows: its nodes, edges, colours, layout and legend.

    Parameters
    ----------
    net : Network
        A loaded network.
    options : MapOptions, optional
        Filters, colouring, highlight and size limit (defaults: everything,
        coloured by cluster, at most :data:`DEFAULT_LIMIT` people).
    today : date, optional
        The date tooltips count "days ago" from (default: today).

    Returns
    -------
    MapData
        Nodes and edges as vis-network items, vis options and the legend.

    Raises
    ------
    GraphnetError
        For an unknown focus person, organization, circle or highlight target.

    Notes
    -----
    O(V + E) plus the analyses used; the radial layout is O(n log n).
    """
    options = options or MapOptions()
    if options.color_by not in COLOR_BY:
        raise GraphnetError(f"color_by must be one of {', '.join(COLOR_BY)}, not {options.color_by!r}")
    today = today or date.today()
    graph = build_graph(net)
    contacts = last_contacts(net, today)
    model = _tie_model(net, today)
    paths: list[_Path] = []
    nearest: list[str] = []
    target: str | None = None
    if options.highlight:
        from ..analyses.warm_paths import resolve_target

        target, _kind = resolve_target(net, options.highlight)
        paths, nearest = _warm_paths(net, graph, options.highlight, today, options.top_paths, model)
    view = _choose(net, graph, options, contacts, paths, target)
    structure = _structure(net, graph, view.shown)
    clusters = _clusters(net, structure, view.shown)
    brokerage = _brokerage(net, structure, view.shown, clusters)
    colours = _colours(net, graph, view, options.color_by, clusters)

    physics = options.physics if options.physics is not None else len(view.shown) <= PHYSICS_MAX_NODES
    if view.centre == ME:
        rings = {p: max(0, 5 - net.people[p].strength) for p in view.people}
    else:
        hops = _hops(graph, view.centre, None)
        rings = {p: hops.get(p, 9) for p in view.people | {ME}}
    rings.pop(view.centre, None)
    sectors = {p: colours.category.get(p, "") for p in rings}
    positions = radial_layout(view.centre, rings, sectors, view.affiliations)

    weak = _weak_ties(net, today, top=max(5, len(view.people) // 25))
    nodes = _nodes(net, graph, view, colours, positions, options, today, contacts, brokerage, weak, big=not physics)
    edges = _edges(net, graph, view, model, options.include_private, big=not physics)

    kinds = Counter(n["kind"] for n in nodes)
    subtitle = (
        f"{kinds['person']} people · {kinds['organization']} organizations · {kinds['group']} groups"
        f" · as of {today.isoformat()}"
    )
    if view.notes:
        subtitle += " · showing " + "; ".join(view.notes)
    highlight: list[str] = []
    if options.highlight:
        target_name = net.name_of(view.target) if view.target else options.highlight
        if view.paths:
            highlight.append(f"Warm paths to {target_name}:")
            for i, path in enumerate(view.paths, 1):
                highlight.append(f"{i}. " + " → ".join(net.name_of(n) for n in path.people))
                if path.ask:
                    highlight.append(path.ask)
        else:
            highlight.append(f"No warm path to {target_name} within {net.me.settings.max_hops} introductions.")
            highlight += nearest
    return MapData(
        title=f"{net.me.name}'s network",
        subtitle=subtitle,
        nodes=nodes,
        edges=edges,
        vis_options=_vis_options(physics, len(nodes)),
        physics=physics,
        color_title=colours.title,
        colors=colours.legend,
        size_meaning="Bigger people are brokers: they link people who would not otherwise meet.",
        message=view.message,
        highlight=highlight,
        people_total=len(net.people),
        people_shown=len(view.people),
        centre=view.centre,
        targets=any(n["id"] in net.me.targets for n in nodes),
    )


def _spread(count: int) -> float:
    """How much longer springs and stronger repulsion a small map gets: labels are as wide on a
    20-node map as on a 200-node one, so fewer nodes need more room each (1 from ~150 nodes)."""
    return max(1.0, min(2.2, math.sqrt(150 / max(count, 1))))


def _vis_options(physics: bool, count: int) -> dict[str, Any]:
    """vis-network options: tuned physics for small maps, none for big ones."""
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "borderWidth": 1,
            "font": {
                "face": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
                "color": "#1f2937",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "scaling": {"label": {"drawThreshold": 9, "maxVisible": 26}},
        },
        "edges": {
            "smooth": False,
            "width": 1,
            "color": {"color": EDGE_COLORS["works_at"], "inherit": False},
            "selectionWidth": 1.5,
            "hoverWidth": 0.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": count > 800,
            "hideEdgesOnZoom": count > 800,
            "navigationButtons": False,
            "keyboard": {"enabled": False},
        },
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": round(-60 * _spread(count), 1),
                "centralGravity": 0.012,
                "springLength": round(100 * _spread(count)),
                "springConstant": 0.12,
                "damping": 0.6,
                "avoidOverlap": 0.8,
            },
            "maxVelocity": 40,
            "minVelocity": 1.0,
            "timestep": 0.45,
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25, "fit": True},
        }
    else:
        options["physics"] = {"enabled": False}
    return options


# --------------------------------------------------------------------------- HTML


def _asset(relative: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / relative
    text = path.read_text(encoding="utf-8")
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered or "</style" in lowered:  # pragma: no cover - bundled file changed
        raise GraphnetError(f"{path} cannot be inlined safely")
    return text


def render_html(data: MapData) -> str:
    """The page for ``data``: graphnet's template through a PyVis network, as one string."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup
    from pyvis.network import Network as PyvisNetwork

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    env.globals["graphnet"] = {
        "title": data.title,
        "subtitle": data.subtitle,
        "message": data.message,
        "highlight": data.highlight,
        "options": data.vis_options,
        "physics": data.physics,
        "color_title": data.color_title,
        "colors": data.colors,
        "size_meaning": data.size_meaning,
        "targets": data.targets,
        "centre": data.centre,
        "node_count": len(data.nodes),
        "edge_count": len(data.edges),
        "nonce": Markup(_NONCE_MARK),
        # Library code bundled with PyVis, checked by _asset; never user data.
        "vis_js": Markup(_asset("vis-9.1.2/vis-network.min.js")),
        "vis_css": Markup(_asset("vis-9.1.2/vis-network.css")),
    }
    page = PyvisNetwork(height="100%", width="100%", cdn_resources="in_line", heading="")
    page.nodes = data.nodes
    page.edges = data.edges
    page.node_ids = [n["id"] for n in data.nodes]
    page.node_map = {n["id"]: n for n in data.nodes}
    page.options = data.vis_options  # type: ignore[assignment]
    page.templateEnv = env
    page.path = "map.html"
    html = str(page.generate_html(name="network.html"))
    nonce = hashlib.sha256(html.encode("utf-8")).hexdigest()[:24]
    return html.replace(_NONCE_MARK, nonce)


GENERATOR_MARK = '<meta name="generator" content="graphnet">'


def _write_atomic(path: Path, text: str, *, private: bool) -> None:
    """Write ``text`` to ``path`` in UTF-8: temp file in the same folder, fsync, rename.

    An existing file is replaced only if graphnet wrote it (an empty one too), so
    ``-o index.html`` cannot destroy a page of the user's own.
    """
    if path.is_dir():
        raise GraphnetError(f"{path} is a folder; give a file name, e.g. -o {path / 'network.html'}")
    if path.is_file() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            head = handle.read(4096)
        if GENERATOR_MARK.encode() not in head:
            raise GraphnetError(f"{path} exists and is not a graphnet map; not overwriting it (choose another -o)")
    # A map with private fields is readable by its owner only.
    replace_file(path, text.encode("utf-8"), mode=0o600 if private else None)


def write_map(
    net: Network,
    path: str | os.PathLike[str] = "network.html",
    options: MapOptions | None = None,
    *,
    today: date | None = None,
) -> MapResult:
    """Write the map of ``net`` to ``path`` (one self-contained HTML file) and say what it holds.

    The file is written atomically (a temporary file in the same folder, then a
    rename); with ``include_private`` it is readable by its owner only.
    """
    options = options or MapOptions()
    data = map_data(net, options, today=today)
    html = render_html(data)
    target = Path(path)
    _write_atomic(target, html, private=options.include_private)
    return MapResult(
        path=target,
        nodes=len(data.nodes),
        edges=len(data.edges),
        people_shown=data.people_shown,
        people_total=data.people_total,
        physics=data.physics,
        message=data.message,
    )
