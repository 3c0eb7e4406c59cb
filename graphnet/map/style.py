"""How each node and line of a map looks: colour, shape, size, label size, tooltip, line style.

Every node and edge is built here key by key from string fields of the records (never by
copying attributes), so nothing but whitelisted, string-typed data reaches the page.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..files.format import private_fields, private_values
from ..model import ME, STRENGTH_LABELS, Network
from ..text import ago
from .options import LegendEntry
from .selection import View

if TYPE_CHECKING:
    from ..analyses.strength import TieModel

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
SHAPES = {"me": "star", "person": "dot", "organization": "square", "group": "triangle"}

#: vis-network skips a label smaller than ``drawThreshold - 1`` pixels on screen. At the default
#: zoom (fit, never above 1) a label of :data:`QUIET_FONT` is not drawn; the labels that must be
#: read (:data:`LOUD_FONT`) are, and the layout keeps them apart. Zooming in shows the rest.
DRAW_THRESHOLD = 9
QUIET_FONT = 7
LOUD_FONT = {5: 20, 4: 19, 3: 18, 2: 17, 1: 17, 0: 17}
ME_FONT = 22
#: Up to this many people, every person's label is drawn (there is room for all).
ALL_LABELS_MAX_PEOPLE = 60
#: On a big map, how many people and organizations keep a label readable when zoomed out.
HEADLINE_PEOPLE = 30
HEADLINE_ORGS = 10

SIZE_MEANINGS = {
    "strength": "Bigger people are closer to you (tie strength); people you have not met are the smallest.",
    "brokerage": "Bigger people are brokers: they link people who would not otherwise meet.",
    "none": "Every person has the same size.",
}


def plain(value: object) -> str | None:
    """The value if it is non-empty text, else None: only strings reach the page."""
    return value if isinstance(value, str) and value.strip() else None


# --------------------------------------------------------------------------- colours


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
class Colours:
    title: str
    category: dict[str, str]
    color: dict[str, str]
    legend: list[LegendEntry]
    by: str


def colours(
    net: Network,
    graph: nx.Graph,
    view: View,
    color_by: str,
    clusters: tuple[dict[str, int], dict[int, str]],
) -> Colours:
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
            circles = [c for c in net.people[p].circles if plain(c)]
            category[p] = circles[0] if circles else "no circle"
        title, other, neutral = "Colour: circle (first listed)", "other circles", "no circle"
    counts = Counter(category[p] for p in view.people if p in category)
    color, legend = _palette(counts, other, neutral)
    return Colours(title, category, color, legend, color_by)


# --------------------------------------------------------------------------- tooltips


def person_title(
    net: Network, ident: str, today: date, contacts: Mapping[str, date], why: list[str], include_private: bool
) -> str:
    """A person's tooltip: plain text, one fact a line (vis-network shows it with innerText)."""
    person = net.people[ident]
    lines = [person.name]
    work = ", ".join(x for x in (plain(person.role), plain(person.department)) if x)
    org = net.organizations[person.org].name if person.org in net.organizations else plain(person.org)
    if work or org:
        lines.append(" · ".join(x for x in (work, org) if x))
    tie = f"Tie: {person.strength} ({STRENGTH_LABELS.get(person.strength, '')})"
    seen = contacts.get(ident)
    tie += f" · last contact {seen.isoformat()} ({ago((today - seen).days)})" if seen else " · no contact recorded"
    lines.append(tie)
    circles = [c for c in person.circles if plain(c)]
    if circles:
        lines.append("Circles: " + ", ".join(circles))
    tags = [t for t in person.tags if plain(t)]
    if tags:
        lines.append("Tags: " + ", ".join(tags))
    if why:
        lines.append("Why it matters:")
        lines.extend(f"• {reason}" for reason in why)
    if include_private:
        lines.extend(private_lines(person, "person"))
    lines.append("Click for more")
    return "\n".join(lines)


def affiliation_title(net: Network, graph: nx.Graph, view: View, ident: str, include_private: bool) -> str:
    """An organization's or group's tooltip: what it is and whom of the map it links."""
    attrs = graph.nodes[ident]
    members = [m for m in view.affiliations.get(ident, []) if m != ME]
    lines = [plain(attrs.get("name")) or ident]
    if attrs.get("kind") == "organization":
        industry = plain(attrs.get("industry"))
        lines.append("Organization" + (f" · {industry}" if industry else ""))
        if ident in net.me.targets:
            lines.append("One of your targets")
        current = sum(1 for m in members if m in net.people and net.people[m].org == ident)
        lines.append(f"Of the people shown, {current} work here and {len(members) - current} used to")
        record: object = net.organizations.get(ident)
    else:
        kind = plain(attrs.get("group_kind"))
        lines.append("Group" + (f" · {kind}" if kind else ""))
        mine = ME in view.affiliations.get(ident, [])
        lines.append(f"{len(members)} of the people shown are members" + (", and you" if mine else ""))
        record = net.groups.get(ident)
    if include_private and record is not None:
        lines.extend(private_lines(record, str(attrs.get("kind"))))
    return "\n".join(lines)


def private_lines(record: object, kind: str) -> list[str]:
    """``Label: value`` for each private field of ``record`` that holds text (see graphnet.files.format)."""
    values = private_values(record, kind)
    return [f"{f.shown_as}: {values[f.name]}" for f in private_fields(kind) if f.name in values]


# --------------------------------------------------------------------------- nodes


def node_item(ident: str, label: str, kind: str, title: str, color: str, border: str | None) -> dict[str, Any]:
    """A vis node, kept small: a 30,000-node page parses and builds faster with fewer keys, so
    what the defaults say (a dot, a quiet label) is left to them."""
    item: dict[str, Any] = {"id": ident, "label": label, "kind": kind, "title": title}
    if kind != "person":  # a dot is the default shape (vis_options)
        item["shape"] = SHAPES.get(kind, "dot")
    if border:
        item["color"] = {"background": color, "border": border}
        item["borderWidth"] = 4
    else:
        item["color"] = color
    return item


def person_size(size_by: str, strength: int, brokerage: float) -> float:
    """A person's radius in canvas units by ``--size-by``: strength (6 for a stranger, 21 for the
    inner circle), brokerage (8 to 24), or none (10)."""
    if size_by == "brokerage":
        return round(8 + 16 * math.sqrt(brokerage), 1)
    if size_by == "none":
        return 10.0
    return float(6 + 3 * max(0, min(5, strength)))


def affiliation_size(kind: str, members: int) -> float:
    return round((13 if kind == "organization" else 12) + 3.5 * math.sqrt(members), 1)


# --------------------------------------------------------------------------- edges


def tie_text(model: TieModel, a: str, b: str, include_private: bool) -> str | None:
    """The strength model's words for the tie a-b (favor descriptions only with private fields)."""
    facts = model.facts(a, b)
    if facts is None:
        return None
    from ..analyses.person import shareable
    from ..analyses.strength import describe_tie

    facts = shareable(facts, include_private)
    circles = model.net.people[b].circles if b in model.net.people else []
    return str(describe_tie(facts, a, b, model.net.name_of, circles))


def _social_edge(
    item: dict[str, Any], attrs: Mapping[str, Any], model: TieModel, weak: bool, include_private: bool, big: bool
) -> None:
    """Width by tie weight, dashed when weak or inferred (small maps: dashes draw slowly), the words."""
    a, b, kind = item["from"], item["to"], item["kind"]
    weight = float(model.weight(a, b))
    item["width"] = round(0.8 + 5.2 * max(0.0, min(1.0, weight)), 1)
    if (attrs.get("inferred") or weak) and not big:
        item["dashes"] = True
    words = tie_text(model, a, b, include_private)
    declared = attrs.get("strength")
    if words:
        item["title"] += f"\n{words}"
    elif isinstance(declared, int):
        item["title"] += f"\nstrength {declared} ({STRENGTH_LABELS.get(declared, '')})"
    item["title"] += f"\ntie weight {weight:.2f}"
    item["color"] = WEAK_TIE_COLOR if kind == "tie" and weak else EDGE_COLORS[kind]


#: On a map with more lines than this, only this many are drawn at first (warm paths, the lines
#: of the nodes with readable labels, my ties first); the others are drawn for a node when it is
#: chosen. vis-network builds and redraws every line: 20,000 lines took 2.4 s to build at 30,000
#: people (docs/map.md).
EDGE_BUDGET = 6_000
#: Line kinds of the lines drawn on demand, by their number in the page.
LINK_KINDS = ("tie", "knows", "introduction", "works_at", "worked_at", "member_of")


@dataclass
class Lines:
    """The lines of a map: drawn ones as vis edges, the others as (from, to, kind, width), drawn on demand."""

    drawn: list[dict[str, Any]]
    later: list[tuple[str, str, str, float]]


def edges(
    net: Network,
    graph: nx.Graph,
    view: View,
    model: TieModel,
    include_private: bool,
    big: bool,
    *,
    first: frozenset[str] = frozenset(),
    budget: int | None = None,
) -> Lines:
    """vis-network edges: width by tie weight, dashed when weak or inferred, warm paths on top.

    On a big map my weak ties are not drawn, since the band a person sits on already says how
    strong our tie is and thousands of spokes would hide everything else; membership lines carry
    no tooltip. Keys are kept few, which makes a 40,000-edge page noticeably faster. Above
    ``budget`` lines, the warm paths, the lines between nodes in ``first``, my ties and the other
    lines of the nodes in ``first`` are drawn, in this order, up to ``budget``; the others wait until one of their nodes is chosen, with a width by
    declared strength and no tooltip.
    """
    budget = EDGE_BUDGET if budget is None else budget
    weak_max = net.me.settings.weak_tie_max_strength
    path_pairs = {frozenset(pair) for path in view.paths for pair in itertools.pairwise(path.nodes)}
    order = {ident: i for i, ident in enumerate(graph)}  # graph order, so the output is deterministic
    adj = graph._adj  # NetworkX's own dict of dicts: its views cost a second at 30,000 people
    pairs = sorted(
        (order[x], order[y], x, y) for x in view.shown for y in adj[x] if y in view.shown and order[x] < order[y]
    )
    candidates: list[tuple[int, str, str, Mapping[str, Any]]] = []
    for _, _, a, b in pairs:
        a, b = (b, a) if b == ME else (a, b)
        attrs = adj[a][b]
        declared = attrs.get("strength")
        on_path = bool(path_pairs) and frozenset((a, b)) in path_pairs
        weak = isinstance(declared, int) and declared <= weak_max
        if big and weak and attrs.get("kind") == "tie" and not on_path:
            continue
        rank = (
            0 if on_path else 1 if a in first and b in first else 2 if a == ME else 3 if a in first or b in first else 4
        )
        candidates.append((rank, a, b, attrs))
    chosen = sorted(range(len(candidates)), key=lambda i: (candidates[i][0], i))[:budget]
    drawn_now = set(chosen)
    lines = Lines([], [])
    for i, (_, a, b, attrs) in enumerate(candidates):
        if i in drawn_now:
            lines.drawn.append(_edge(net, graph, a, b, model, include_private, big, path_pairs, len(lines.drawn)))
        else:
            strength = attrs.get("strength")
            width = 0.8 + 1.0 * strength if isinstance(strength, int) else 1.0
            lines.later.append((a, b, str(attrs.get("kind")), width))
    drawn = {frozenset((e["from"], e["to"])) for e in lines.drawn}
    lines.drawn += _path_hops(net, view, path_pairs - drawn, len(lines.drawn))
    return lines


def _edge(
    net: Network,
    graph: nx.Graph,
    a: str,
    b: str,
    model: TieModel,
    include_private: bool,
    big: bool,
    path_pairs: set[frozenset[str]],
    number: int,
) -> dict[str, Any]:
    """One vis edge a-b: its kind, tooltip, width, colour and dashes."""
    attrs = graph.adj[a][b]
    kind = str(attrs.get("kind"))
    declared = attrs.get("strength")
    weak = isinstance(declared, int) and declared <= net.me.settings.weak_tie_max_strength
    item: dict[str, Any] = {"id": f"e{number}", "from": a, "to": b, "kind": kind}
    relations = ", ".join(str(r).replace("_", " ") for r in attrs.get("relations") or [kind])
    title = f"{_name(net, a)} — {_name(net, b)}\n{relations}"
    if kind in ("tie", "knows", "introduction"):
        item["title"] = title
        _social_edge(item, attrs, model, weak, include_private, big)
    else:
        if not big:
            item["title"] = title
        if kind != "works_at":
            item["color"] = EDGE_COLORS.get(kind, EDGE_COLORS["works_at"])
        if kind == "worked_at" and not big:
            item["dashes"] = [2, 4]
    if frozenset((a, b)) in path_pairs:
        item.update(color=PATH_COLOR, width=max(float(item.get("width", 1)), 5.0), dashes=False)
    return item


def _name(net: Network, ident: str) -> str:
    return net.me.name if ident == ME else net.name_of(ident)


def _path_hops(net: Network, view: View, missing: set[frozenset[str]], first: int) -> list[dict[str, Any]]:
    """Warm-path hops the graph links only through an organization or group: drawn dashed."""
    items: list[dict[str, Any]] = []
    for a, b in sorted(tuple(sorted(p)) for p in missing):
        if a in view.shown and b in view.shown:
            items.append(
                {
                    "id": f"e{first + len(items)}",
                    "from": a,
                    "to": b,
                    "kind": "path",
                    "width": 5,
                    "dashes": [8, 6],
                    "color": PATH_COLOR,
                    "title": f"{_name(net, a)} — {_name(net, b)}\nwarm-path hop: they meet through an organization or group",
                }
            )
    return items


# --------------------------------------------------------------------------- vis options


def vis_options(physics: bool, count: int) -> dict[str, Any]:
    """vis-network options: no physics (positions come from the layout) unless asked for."""
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "borderWidth": 1,
            "shape": "dot",
            "font": {
                "size": QUIET_FONT,
                "face": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
                "color": "#1f2937",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "scaling": {"label": {"drawThreshold": DRAW_THRESHOLD, "maxVisible": 26}},
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
        "physics": {"enabled": False},
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "centralGravity": 0.012,
                "springLength": 100,
                "springConstant": 0.12,
                "damping": 0.6,
                "avoidOverlap": 0.8,
            },
            "maxVelocity": 40,
            "minVelocity": 1.0,
            "timestep": 0.45,
            "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 25, "fit": True},
        }
    return options


__all__ = [
    "EDGE_COLORS",
    "PALETTE",
    "PATH_COLOR",
    "SIZE_MEANINGS",
    "Colours",
    "affiliation_size",
    "affiliation_title",
    "colours",
    "edges",
    "node_item",
    "person_size",
    "person_title",
    "plain",
    "vis_options",
]
