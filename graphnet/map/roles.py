"""What the analyses say about the people on a map: clusters (:mod:`graphnet.analyses.communities`),
brokerage (:mod:`graphnet.analyses.bridges`) and weak ties worth reviving
(:mod:`graphnet.analyses.weak_ties`). Imported when a map is drawn, not when graphnet is."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date
from typing import TYPE_CHECKING

import networkx as nx

from ..model import Network
from ..text import joined

if TYPE_CHECKING:
    from ..analyses.communities import Structure
    from ..analyses.strength import TieModel
    from ..analyses.ties import Ties

__all__ = ["WHOLE_NETWORK_MAX_NODES", "brokerage", "clusters", "structure", "weak_tie_reasons"]

#: Above this many nodes, clusters and brokerage are computed on the nodes shown, not the whole network.
WHOLE_NETWORK_MAX_NODES = 5000


def structure(net: Network, graph: nx.Graph, shown: set[str], model: TieModel) -> Structure:
    """The network without me for the community and brokerage analyses.

    Small networks are analysed whole (the same clusters as the other commands), and so is one
    shown (nearly) whole, which is faster than its subgraph; any other big one on the part shown,
    which is both faster and what the picture is about.
    """
    from ..analyses.communities import structure as whole

    nearly_whole = len(shown) >= 0.9 * graph.number_of_nodes()
    if graph.number_of_nodes() <= WHOLE_NETWORK_MAX_NODES or nearly_whole:
        return whole(net, today=model.today, ties=model.ties)
    return whole(graph.subgraph(shown))


def clusters(net: Network, s: Structure, shown: set[str]) -> tuple[dict[str, int], dict[int, str]]:
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


def brokerage(
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
        part = f"{share[i]:.0%}" if share[i] >= 0.005 else "under 1%"  # never "on 0% of the routes"
        routes = f"on {part} of the shortest routes between clusters"
        why[s.ids[i]] = (f"broker: links {joined(linked)}; " if len(linked) > 1 else "broker: ") + routes
    return scores, why


def weak_tie_reasons(net: Network, today: date, top: int, ties: Ties | None = None) -> dict[str, str]:
    """Person id -> why :func:`graphnet.weak_ties.weak_ties` singles them out (``ties``: reused when given)."""
    from ..analyses.weak_ties import weak_ties

    found = weak_ties(net, today=today, top=top, ties=ties)
    return {tie.id: f"weak tie worth reviving: {tie.why}" for tie in found.weak_ties}
