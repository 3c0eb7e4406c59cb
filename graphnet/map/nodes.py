"""The nodes of a map: who is prominent (size, label), where they sit, what their tooltip says.

The labels that must be read at the default zoom are *loud*: people with a tie of strength 3 or
more, my targets, the nodes of a highlighted warm path, me (on a small map, everyone). The layout
keeps loud labels apart (:func:`graphnet.map.layout.separate`); the others are drawn too small to
show until one zooms in. On a big map only the headline people and organizations are loud.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from ..model import ME, Network
from . import layout
from .options import MapOptions
from .selection import View, hops
from .style import (
    ALL_LABELS_MAX_PEOPLE,
    GROUP_COLOR,
    HEADLINE_ORGS,
    HEADLINE_PEOPLE,
    LOUD_FONT,
    ME_COLOR,
    ME_FONT,
    ORG_COLOR,
    OTHER_COLOR,
    PATH_COLOR,
    QUIET_FONT,
    TARGET_BORDER,
    Colours,
    affiliation_size,
    affiliation_title,
    node_item,
    person_size,
    person_title,
    plain,
)

__all__ = ["Roles", "node_items", "place"]


@dataclass
class Roles:
    """What the analyses say about the people shown (:mod:`graphnet.map.roles`)."""

    brokerage: dict[str, float]
    broker_why: dict[str, str]
    weak: Mapping[str, str]


@dataclass
class _Look:
    size: float
    font: float
    loud: bool


def _loud(net: Network, view: View, ident: str) -> bool:
    """Must this node's label be readable at the default zoom?"""
    if ident in (ME, view.centre) or ident == view.target or ident in net.me.targets:
        return True
    if any(ident in path.nodes for path in view.paths):
        return True
    person = net.people.get(ident)
    return person is not None and (person.strength >= 3 or len(view.people) <= ALL_LABELS_MAX_PEOPLE)


def _looks(net: Network, graph: nx.Graph, view: View, options: MapOptions, roles: Roles) -> dict[str, _Look]:
    looks: dict[str, _Look] = {}
    for ident in view.shown:
        kind = graph.nodes[ident].get("kind")
        loud = _loud(net, view, ident)
        if kind == "me":
            looks[ident] = _Look(30.0, ME_FONT, True)
        elif kind == "person":
            strength = net.people[ident].strength
            size = person_size(options.size_by, strength, roles.brokerage.get(ident, 0.0))
            looks[ident] = _Look(size, LOUD_FONT.get(strength, 17) if loud else QUIET_FONT, loud)
        else:
            members = len([m for m in view.affiliations.get(ident, []) if m != ME])
            looks[ident] = _Look(affiliation_size(str(kind), members), 18 if loud else QUIET_FONT + 1, loud)
    return looks


def _headline(net: Network, graph: nx.Graph, view: View, roles: Roles) -> set[str]:
    """On a big map, the people and organizations whose labels stay readable zoomed out."""

    def rank(p: str) -> tuple[bool, bool, int, float, str]:
        on_path = any(p in path.nodes for path in view.paths)
        return (on_path, p in roles.broker_why or p in roles.weak, net.people[p].strength, roles.brokerage.get(p, 0), p)

    headline = set(sorted(view.people, key=rank, reverse=True)[:HEADLINE_PEOPLE])
    orgs = [a for a in view.affiliations if graph.nodes[a].get("kind") == "organization"]
    headline |= set(sorted(orgs, key=lambda a: (len(view.affiliations[a]), a), reverse=True)[:HEADLINE_ORGS])
    return headline | {ME, view.centre} | {t for t in net.me.targets if t in view.shown}


def place(
    net: Network,
    graph: nx.Graph,
    view: View,
    options: MapOptions,
    roles: Roles,
    colours: Colours,
    big: bool,
) -> tuple[dict[str, tuple[float, float]], dict[str, _Look]]:
    """Positions and looks: the ego layout, then loud labels pushed apart."""
    if view.centre == ME:
        rings = {p: max(0, 5 - net.people[p].strength) for p in view.people}
        anchors = _linkers(net, graph, view)
    else:
        distance = hops(graph, view.centre, None)
        rings = {p: distance.get(p, 9) for p in view.people | {ME}}
        anchors = {}
    rings.pop(view.centre, None)
    sectors = {p: colours.category.get(p, "") for p in rings}
    looks = _looks(net, graph, view, options, roles)
    boxes = {} if big else _boxes(graph, looks, only_loud=False)
    extents = {p: (b.right - b.left, b.bottom - b.top) for p, b in boxes.items() if p in rings}
    positions = layout.radial_layout(view.centre, rings, sectors, view.affiliations, anchors=anchors, extents=extents)
    if big:
        extent = max((math.hypot(x, y) for x, y in positions.values()), default=1.0)
        overview = round(15 * extent / 420)  # 11 to 15 px once the whole map fits a 720- to 900-px-high view
        headline = _headline(net, graph, view, roles)
        for ident, look in looks.items():
            look.loud = ident in headline
            look.font = overview if look.loud else min(look.font, QUIET_FONT)
    layout.separate(positions, _boxes(graph, looks, only_loud=big), {view.centre})
    return positions, looks


def _boxes(graph: nx.Graph, looks: Mapping[str, _Look], *, only_loud: bool) -> dict[str, layout.Box]:
    """What must not overlap: a loud node with its label; a quiet one's shape (on a big map, none)."""
    return {
        ident: layout.label_box(_label(graph, ident), look.font, look.size) if look.loud else layout.node_box(look.size)
        for ident, look in looks.items()
        if look.loud or not only_loud
    }


def _linkers(net: Network, graph: nx.Graph, view: View) -> dict[str, str]:
    """Person I have not met -> the person shown, closest to me, who links me to them (directly,
    or through an organization or group); they sit at the edge in that person's direction.

    O(E): each organization's or group's best-known member is found once.
    """
    people = net.people

    def closeness(p: str) -> tuple[int, str]:
        return (people[p].strength, p)

    best_member = {
        place: max(known, key=closeness)
        for place, members in view.affiliations.items()
        if (known := [m for m in members if m in people and people[m].strength > 0])
    }
    linkers: dict[str, str] = {}
    for ident in sorted(view.people):
        if people[ident].strength > 0:
            continue
        near = [o for o in graph.adj[ident] if o in view.people and people[o].strength > 0]
        near += [best_member[o] for o in graph.adj[ident] if o in best_member and best_member[o] != ident]
        if near:
            linkers[ident] = max(near, key=closeness)
    return linkers


def _label(graph: nx.Graph, ident: str) -> str:
    return plain(graph.nodes[ident].get("name")) or ident


def node_items(
    net: Network,
    graph: nx.Graph,
    view: View,
    options: MapOptions,
    today: date,
    contacts: Mapping[str, date],
    roles: Roles,
    colours: Colours,
    placed: tuple[dict[str, tuple[float, float]], dict[str, _Look]],
) -> list[dict[str, Any]]:
    """vis-network nodes: whitelisted keys, every text built here from string fields."""
    positions, looks = placed
    on_path = {n for path in view.paths for n in path.nodes}
    order = sorted(view.shown, key=lambda n: (n != view.centre, n != ME, str(graph.nodes[n].get("kind")), n))
    items: list[dict[str, Any]] = []
    for ident in order:
        kind = str(graph.nodes[ident].get("kind", "person"))
        label = _label(graph, ident)
        if kind == "me":
            title = f"{label}\nYou · {len(view.people)} people shown"
            item = node_item(ident, label, kind, title, ME_COLOR, None)
        elif kind == "person":
            why = _why(net, view, ident, roles)
            title = person_title(net, ident, today, contacts, why, options.include_private)
            color = colours.color.get(colours.category.get(ident, ""), OTHER_COLOR)
            item = node_item(ident, label, kind, title, color, PATH_COLOR if ident in on_path else None)
        else:
            title = affiliation_title(net, graph, view, ident, options.include_private)
            color = GROUP_COLOR if kind == "group" else ORG_COLOR
            if kind == "organization" and colours.by == "org":
                color = colours.color.get(colours.category.get(ident, ""), ORG_COLOR)
            border = PATH_COLOR if ident in on_path else (TARGET_BORDER if ident in net.me.targets else None)
            item = node_item(ident, label, kind, title, color, border)
        look = looks[ident]
        item["size"] = look.size
        if kind == "me":
            item["font"] = {"size": look.font, "strokeWidth": 5}
        elif look.font != QUIET_FONT:
            item["font"] = {"size": look.font}
        x, y = positions.get(ident, (0.0, 0.0))
        item["x"], item["y"] = round(x), round(y)
        if ident == view.centre:
            item["x"], item["y"], item["fixed"] = 0, 0, True
        item["category"] = colours.category.get(ident, kind)
        items.append(item)
    return items


def _why(net: Network, view: View, ident: str, roles: Roles) -> list[str]:
    why: list[str] = []
    if ident in roles.broker_why:
        why.append(roles.broker_why[ident])
    if ident in roles.weak:
        why.append(roles.weak[ident])
    if view.target is not None and any(ident in path.nodes for path in view.paths):
        why.append(f"on a warm path to {net.name_of(view.target)}")
    if ident == view.centre and ident != ME:
        why.append("the person this view is centred on")
    return why
