"""The network as one NetworkX graph of people, organizations and groups.

Nodes are keyed by id and carry ``kind`` (``me``, ``person``, ``organization``,
``group``). Edges are typed and explained: each carries the relation kinds it
stands for and the ``path:line:col`` of every line that states it. Colleagues
meet through their organization's node; no clique is ever materialised, so an
organization with 500 of my contacts adds 500 edges, not 125,000.

See ``docs/graph.md`` for every node and edge attribute.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..gcpause import paused_gc
from ..model import ME, Network, Source

__all__ = ["EDGE_KINDS", "build_graph", "people_of"]

#: Relation kinds, strongest evidence first; an edge's ``kind`` is the first of its relations here.
EDGE_KINDS = ("tie", "knows", "introduction", "works_at", "worked_at", "member_of")
_RANK = {kind: i for i, kind in enumerate(EDGE_KINDS)}


def _link(
    graph: nx.Graph,
    a: str,
    b: str,
    kind: str,
    source: Source,
    *,
    strength: int | None = None,
    inferred: bool = False,
    **extra: Any,
) -> None:
    data = graph.get_edge_data(a, b)
    where = str(source)
    if data is None:
        graph.add_edge(
            a,
            b,
            kind=kind,
            relations=[kind],
            strength=strength,
            inferred=inferred,
            sources=[where],
            **extra,
        )
        return
    if kind not in data["relations"]:
        data["relations"].append(kind)
        if _RANK[kind] < _RANK[data["kind"]]:
            data["kind"] = kind
    if strength is not None and (data["strength"] is None or strength > data["strength"]):
        data["strength"] = strength
    data["inferred"] = data["inferred"] and inferred
    if where not in data["sources"]:
        data["sources"].append(where)
    for key, value in extra.items():
        data.setdefault(key, value)


def build_graph(net: Network) -> nx.Graph:
    """Build the graph of ``net``: people, organizations and groups, with typed edges.

    Parameters
    ----------
    net : Network
        A loaded network (references to unknown ids are skipped, since the
        loader has reported them).

    Returns
    -------
    networkx.Graph
        Undirected; one edge per pair, its ``relations`` listing every fact about that pair.

    Notes
    -----
    O(P + K + J + M + E): people, ``knows`` entries, jobs, group memberships and
    events. Tie weights are not computed here (see :mod:`graphnet.strength`).
    """
    with paused_gc():
        return _build(net)


def _build(net: Network) -> nx.Graph:
    graph = nx.Graph(name=net.me.name)
    graph.add_node(ME, kind="me", name=net.me.name)
    for org in net.organizations.values():
        graph.add_node(
            org.id,
            kind="organization",
            name=org.name,
            declared=org.declared,
            industry=org.industry,
            aliases=list(org.aliases),
            competitors=list(org.competitors),
            target=org.id in net.me.targets,
        )
    for group in net.groups.values():
        graph.add_node(group.id, kind="group", name=group.name, group_kind=group.kind)
    people = net.people
    for person in people.values():
        graph.add_node(
            person.id,
            kind="person",
            name=person.name,
            org=person.org,
            role=person.role,
            department=person.department,
            circles=list(person.circles),
            tags=list(person.tags),
            strength=person.strength,
            met=person.met,
            last_contact=person.last_contact,
            location=person.location,
        )
    for person in people.values():
        if person.strength >= 1:
            _link(graph, ME, person.id, "tie", person.source, strength=person.strength)
        for tie in person.knows:
            if tie.other in people:
                _link(graph, person.id, tie.other, "knows", tie.source, strength=tie.strength)
        if person.introduced_by in people and person.introduced_by != person.id:
            # They introduced me to this person, so the two know each other: inferred, and labelled so.
            _link(graph, person.introduced_by, person.id, "knows", person.source, inferred=True)
        if person.org is not None and person.org in net.organizations:
            _link(graph, person.id, person.org, "works_at", person.source, role=person.role)
        for job in person.past_orgs:
            if job.org in net.organizations and job.org != person.org:
                _link(
                    graph,
                    person.id,
                    job.org,
                    "worked_at",
                    job.source,
                    role=job.role,
                    start=job.start,
                    end=job.end,
                )
    me = net.me
    if me.org is not None and me.org in net.organizations:
        _link(graph, ME, me.org, "works_at", me.source, role=me.role)
    for job in me.past_orgs:
        if job.org in net.organizations and job.org != me.org:
            _link(graph, ME, job.org, "worked_at", job.source, role=job.role, start=job.start, end=job.end)
    for group in net.groups.values():
        for member in group.members:
            if member == ME or member in people:
                _link(graph, member, group.id, "member_of", group.source)
    for intro in net.introductions:
        a, b = intro.people
        if intro.status in ("made", "met") and all(x == ME or x in people for x in (a, b)):
            _link(graph, a, b, "introduction", intro.source, introduced_by=intro.by, intro_status=intro.status)
    return graph


def people_of(graph: nx.Graph) -> list[str]:
    """The person nodes of ``graph`` (not me, organizations or groups)."""
    return [n for n, kind in graph.nodes(data="kind") if kind == "person"]
