"""Brokers and bridge ties of my network, computed with me removed.

With me in the graph every contact hangs off one hub, so every measure here is
taken on the network *without me*: people, organizations and groups, joined by
``knows``/introduction ties, jobs and group memberships (see
:mod:`graphnet.communities`).

How organizations and groups take part: colleague and club structure counts
(people meet through those nodes, so a path "Ada - Initech - Bob" is a real
route of two steps), but organization and group nodes are never brokers
themselves, and the shortest routes counted run between *people*. Bridge ties
are ties between two people; a person's only link into an organization or
group shows up as that person being a broker (an articulation point).

Measures, for each person:

- **articulation point**: removing them cuts my network (without me) into more
  pieces: they are "the only link between" those pieces;
- **betweenness between clusters**: the share of shortest routes between two
  people in *different* clusters (Louvain communities) that run through them,
  exact up to :attr:`Settings.exact_betweenness_max_nodes` nodes and estimated
  from :attr:`Settings.betweenness_samples` seeded source people above;
- **Burt's effective size and constraint**, on each candidate's own
  neighbourhood (people they know, their organizations and groups; each
  organization or group counts as one contact standing for its members).

The broker score is the betweenness share (in [0, 1]); articulation (how many
people would be cut off) and lower constraint break ties. See
``docs/analyses.md``.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from ..errors import require_range
from ..gcpause import paused_gc
from ..model import DEFAULT_TOP, TOP_RANGE, Network, Settings
from ..text import joined, percent, plural
from .communities import ClusterNamer, Structure, cluster_labels, structure
from .reach import Opens, Reach, is_met
from .ties import as_of

__all__ = ["BridgeTie", "BridgesResult", "Broker", "brokers", "burt_measures", "cluster_betweenness"]

#: How many local bridges get their span computed (each needs one search).
SPAN_CANDIDATES = 40


@dataclass(slots=True)
class Broker:
    """A person whose position links parts of my network."""

    id: str
    name: str
    score: float
    connects: list[str]
    why: str
    betweenness: float
    articulation: bool
    cut_off: int
    effective_size: float | None
    constraint: float | None
    degree: int
    #: False for someone I have not met yet (listed only with ``include_unmet``).
    met: bool = True
    #: What to do, whom to ask.
    action: str = ""
    #: What they reach that my close ties do not.
    opens: Opens = field(default_factory=Opens)
    #: Network names of the broker (betweenness, articulation, Burt's measures), for ``--verbose``.
    detail: str = ""

    def to_dict(self, net: Network | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 4),
            "met": self.met,
            "connects": self.connects,
            "why": self.why,
            "action": self.action,
            "opens": self.opens.names(net) if net is not None else [],
            "reach": self.opens.to_dict() if net is not None else {},
            "detail": self.detail,
            "measures": {
                "betweenness": round(self.betweenness, 4),
                "articulation_point": self.articulation,
                "people_cut_off": self.cut_off,
                "effective_size": None if self.effective_size is None else round(self.effective_size, 3),
                "constraint": None if self.constraint is None else round(self.constraint, 4),
                "degree": self.degree,
            },
        }


@dataclass(slots=True)
class BridgeTie:
    """A tie between two people: a bridge (``span`` None: no other route) or a local bridge."""

    between: tuple[str, str]
    span: int | None
    why: str
    people_cut_off: int = 0
    #: False when I have met neither of the two (listed only with ``include_unmet``).
    met: bool = True
    action: str = ""
    opens: Opens = field(default_factory=Opens)

    @property
    def kind(self) -> str:
        return "bridge" if self.span is None else "local bridge"

    def to_dict(self, net: Network | None = None) -> dict[str, Any]:
        return {
            "between": list(self.between),
            "span": self.span,
            "why": self.why,
            "kind": self.kind,
            "met": self.met,
            "action": self.action,
            "opens": self.opens.names(net) if net is not None else [],
        }


@dataclass(slots=True)
class BridgesResult:
    """What :func:`brokers` returns; ``to_dict()`` is the ``--json`` output."""

    brokers: list[Broker]
    bridge_ties: list[BridgeTie]
    people: int
    clusters: int
    betweenness_method: str
    notes: list[str] = field(default_factory=list)
    net: Network | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "brokers": [b.to_dict(self.net) for b in self.brokers],
            "bridge_ties": [t.to_dict(self.net) for t in self.bridge_ties],
            "people": self.people,
            "clusters": self.clusters,
            "betweenness": self.betweenness_method,
        }


# --------------------------------------------------------------------------- depth-first search


@dataclass(slots=True)
class _Dfs:
    disc: list[int]  # preorder number
    size: list[int]  # subtree size
    order: list[int]  # nodes in preorder
    root: list[int]  # root of each node's component
    cuts: dict[int, list[int]]  # articulation point -> DFS children whose subtree it cuts off
    bridges: list[tuple[int, int]]  # (parent, child): removing it cuts off child's subtree


def _dfs(adj: list[list[int]]) -> _Dfs:
    """Iterative Tarjan search: articulation points and bridges with the pieces they cut off."""
    n = len(adj)
    found = _Dfs([-1] * n, [1] * n, [], [0] * n, {}, [])
    low = [0] * n
    parent = [-1] * n
    for root in range(n):
        if found.disc[root] >= 0:
            continue
        found.disc[root] = len(found.order)
        found.order.append(root)
        found.root[root] = root
        if adj[root]:  # most people know someone; a node alone is its own component
            _dfs_from(root, adj, found, low, parent)
    return found


def _dfs_from(root: int, adj: list[list[int]], found: _Dfs, low: list[int], parent: list[int]) -> None:
    """The search of ``root``'s component, into ``found`` (``root`` numbered already)."""
    disc, size, order, root_of, cuts, bridges = (
        found.disc,
        found.size,
        found.order,
        found.root,
        found.cuts,
        found.bridges,
    )
    low[root] = disc[root]
    root_children: list[int] = []
    stack = [(root, 0)]
    while stack:
        v, pos = stack[-1]
        nbrs = adj[v]
        descended = False
        while pos < len(nbrs):
            w = nbrs[pos]
            pos += 1
            if disc[w] < 0:
                parent[w] = v
                disc[w] = low[w] = len(order)
                order.append(w)
                root_of[w] = root
                stack[-1] = (v, pos)
                stack.append((w, 0))
                descended = True
                break
            if w != parent[v] and disc[w] < low[v]:
                low[v] = disc[w]
        if descended:
            continue
        stack.pop()
        if not stack:
            break
        u = stack[-1][0]
        if low[v] < low[u]:
            low[u] = low[v]
        size[u] += size[v]
        if u == root:
            root_children.append(v)
        elif low[v] >= disc[u]:
            cuts.setdefault(u, []).append(v)
        if low[v] > disc[u]:
            bridges.append((u, v))
    if len(root_children) >= 2:
        cuts[root] = root_children


@dataclass(slots=True)
class _Pieces:
    """What the depth-first search says about pieces of the network: whom a subtree or component holds."""

    s: Structure
    dfs: _Dfs
    #: prefix[k]: the people among the first k nodes in preorder.
    prefix: list[int]

    @classmethod
    def of(cls, s: Structure) -> _Pieces:
        dfs = _dfs(s.adj)
        prefix = [0]
        for i in dfs.order:
            prefix.append(prefix[-1] + (s.kinds[i] == "person"))
        return cls(s, dfs, prefix)

    def people_in_subtree(self, c: int) -> int:
        start = self.dfs.disc[c]
        return self.prefix[start + self.dfs.size[c]] - self.prefix[start]

    def people_in_component(self, v: int) -> int:
        return self.people_in_subtree(self.dfs.root[v])

    def subtree(self, c: int) -> list[int]:
        """The nodes of the DFS subtree of ``c``, in preorder."""
        start = self.dfs.disc[c]
        return self.dfs.order[start : start + self.dfs.size[c]]

    def rest(self, v: int, below: list[int]) -> list[int]:
        """The nodes of ``v``'s component outside ``below`` (``v`` excluded too when in it)."""
        inside = set(below)
        return [x for x in self.subtree(self.dfs.root[v]) if x not in inside]

    def part_members(self, v: int, child: int) -> list[int]:
        """The members of the part articulation point ``v`` cuts off (``child``: its DFS child; -1: the rest)."""
        if child >= 0:
            return self.subtree(child)
        inside = [v]
        for c in self.dfs.cuts[v]:
            inside += self.subtree(c)
        return self.rest(v, inside)


class _Clusters:
    """The clusters (Louvain labels), their members, and their names, each named once when asked."""

    def __init__(self, s: Structure, labels: list[int], namer: ClusterNamer) -> None:
        self.s, self.labels, self.namer = s, labels, namer
        self.members: dict[int, list[int]] = {}
        for i, c in enumerate(labels):
            self.members.setdefault(c, []).append(i)
        self._names: dict[int, str] = {}

    def name(self, c: int) -> str:
        if c not in self._names:
            self._names[c] = self.namer.name(self.s.ids[i] for i in self.members[c])
        return self._names[c]


# --------------------------------------------------------------------------- betweenness


def cluster_betweenness(
    s: Structure,
    labels: list[int],
    *,
    sources: list[int] | None = None,
) -> tuple[np.ndarray, float]:
    """Betweenness between clusters: shortest routes between people of different clusters.

    Parameters
    ----------
    s : Structure
        The network without me.
    labels : list of int
        Cluster of each node. When all people share one cluster, every pair of
        people counts instead.
    sources : list of int, optional
        Source people (all people when omitted: exact).

    Returns
    -------
    (numpy.ndarray, float)
        Per node, the summed pair dependencies (Brandes), and the number of
        (source, target) pairs counted; their ratio is the share of counted
        shortest routes through each node.

    Notes
    -----
    Brandes' accumulation restricted to person targets in another cluster
    (the source/target variant of Brandes 2008), level-synchronous with numpy:
    O(E) per source, O(kE) for k sources.
    """
    n = s.n
    person = np.fromiter((k == "person" for k in s.kinds), dtype=bool, count=n)
    label = np.asarray(labels, dtype=np.int64) if n else np.zeros(0, dtype=np.int64)
    if sources is None:
        sources = [i for i in range(n) if s.kinds[i] == "person"]
    csr = _Csr.of(s)
    single = len(set(label[person].tolist())) <= 1
    total = np.zeros(n)
    pairs = 0.0
    for src in sources:
        if csr.degrees[src] == 0:
            continue
        dist, sigma, levels = csr.levels(src)
        visited = dist >= 0
        if single:
            wanted = (person & visited).astype(float)
        else:
            wanted = (person & visited & (label != label[src])).astype(float)
        wanted[src] = 0.0
        pairs += float(wanted.sum())
        delta = np.zeros(n)
        for tails, heads in reversed(levels):
            coeff = sigma[tails] / sigma[heads] * (wanted[heads] + delta[heads])
            delta += np.bincount(tails, weights=coeff, minlength=n)
        delta[src] = 0.0
        total += delta
    return total, pairs


@dataclass(slots=True)
class _Csr:
    """The adjacency as compressed sparse rows (numpy), for level-synchronous breadth-first searches."""

    degrees: np.ndarray
    indptr: np.ndarray
    indices: np.ndarray
    #: 0, 1, 2, ... (as long as the edge list, plus one), sliced instead of made per level.
    ramp: np.ndarray
    #: The tail of each entry of ``indices``.
    tails_of: np.ndarray

    @classmethod
    def of(cls, s: Structure) -> _Csr:
        n = s.n
        degrees = np.fromiter((len(a) for a in s.adj), dtype=np.int64, count=n)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(degrees, out=indptr[1:])
        indices = np.fromiter((j for a in s.adj for j in a), dtype=np.int64, count=int(indptr[-1]))
        ramp = np.arange(int(indptr[-1]) + 1, dtype=np.int64)
        return cls(degrees, indptr, indices, ramp, np.repeat(np.arange(n, dtype=np.int64), degrees))

    def levels(self, src: int) -> tuple[np.ndarray, np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        """Distances from ``src`` (-1: not reached), shortest-path counts, and the edges going one
        level down, level by level (tails, heads)."""
        degrees, indptr, indices = self.degrees, self.indptr, self.indices
        n = len(degrees)
        dist = np.full(n, -1, dtype=np.int64)
        sigma = np.zeros(n)
        dist[src] = 0
        sigma[src] = 1.0
        frontier = np.array([src], dtype=np.int64)
        levels: list[tuple[np.ndarray, np.ndarray]] = []
        depth = 0
        while True:
            counts = degrees[frontier]
            ends = np.cumsum(counts)
            m = int(ends[-1])
            if m == 0:
                break
            offsets = np.repeat(indptr[frontier] - (ends - counts), counts) + self.ramp[:m]
            # Every edge into a node not reached yet goes one level down (read before marking,
            # so all the edges into a newly reached node count towards its path number).
            down = np.flatnonzero(dist[indices[offsets]] < 0)
            if down.size == 0:
                break
            offsets = offsets[down]
            tails, heads = self.tails_of[offsets], indices[offsets]
            depth += 1
            dist[heads] = depth
            sigma += np.bincount(heads, weights=sigma[tails], minlength=n)
            levels.append((tails, heads))
            frontier = np.flatnonzero(dist == depth)
        return dist, sigma, levels


# --------------------------------------------------------------------------- Burt


def burt_measures(s: Structure, node: int, adjsets: list[set[int]]) -> tuple[float, float] | None:
    """Burt's effective size and constraint of one node (unweighted), or None without contacts.

    Notes
    -----
    With n contacts, p_ij = 1/n and p_qj = 1/deg(q):
    effective size = n − 2t/n (t ties among the contacts, Borgatti 1997);
    constraint = Σ_j (p_ij + Σ_q p_iq p_qj)². O(n²) set look-ups; agrees with
    ``nx.effective_size`` and ``nx.constraint`` on unweighted graphs.
    """
    contacts = s.adj[node]
    n = len(contacts)
    if n == 0:
        return None
    mine = adjsets[node]
    ties = 0
    constraint = 0.0
    for j in contacts:
        others = adjsets[j]
        shared = [q for q in contacts if q in others] if len(others) > n else [q for q in others if q in mine]
        ties += len(shared)
        indirect = sum(1.0 / len(s.adj[q]) for q in shared)
        constraint += ((1.0 + indirect) / n) ** 2
    return n - ties / n, constraint


# --------------------------------------------------------------------------- spans


def _span(adjsets: list[set[int]], a: int, b: int, limit: int | None = None) -> int | None:
    """Shortest route a..b not using the tie a-b (bidirectional BFS); None when there is none.

    A tie that is not a bridge lies on a cycle, so the search always ends with a length; it
    explores at most the component. ``limit`` (tests) gives up beyond that many steps.
    """
    if limit is None:
        limit = len(adjsets) + 1
    seen_a = {a: 0}
    seen_b = {b: 0}
    front_a, front_b = [a], [b]
    da = db = 0
    while front_a and front_b and da + db < limit:
        expand_a = sum(len(adjsets[x]) for x in front_a) <= sum(len(adjsets[x]) for x in front_b)
        front, seen, other = (front_a, seen_a, seen_b) if expand_a else (front_b, seen_b, seen_a)
        depth = (da if expand_a else db) + 1
        nxt: list[int] = []
        best: int | None = None
        for x in front:
            for y in adjsets[x]:
                if (x == a and y == b) or (x == b and y == a):
                    continue
                if y in other:
                    total = depth + other[y]
                    best = total if best is None or total < best else best
                if y not in seen:
                    seen[y] = depth
                    nxt.append(y)
        if best is not None:
            return best
        if expand_a:
            front_a, da = nxt, depth
        else:
            front_b, db = nxt, depth
    return None


# --------------------------------------------------------------------------- brokers


def brokers(
    net: Network, *, today: date | None = None, top: int = DEFAULT_TOP, include_unmet: bool = False
) -> BridgesResult:
    """The brokers and bridge ties of my network, with me removed.

    Parameters
    ----------
    net : Network
        The loaded network; tuning comes from its ``me:`` settings
        (``exact_betweenness_max_nodes``, ``betweenness_samples``, ``seed``,
        ``louvain_max_nodes``).
    today : date, optional
        The day of the answer (default: today): records dated after it do not
        count yet (:func:`graphnet.analyses.ties.as_of`).
    top : int
        How many brokers and bridge ties to return.
    include_unmet : bool
        Also list brokers I have not met (strength 0) and ties between two
        people I have not met, flagged ``met`` false. By default only people
        I have met (strength 1 or more) are listed.

    Returns
    -------
    BridgesResult
        ``brokers`` (best first) with what each connects and why, what they
        open beyond my close ties and an ``action``; ``bridge_ties`` (bridges
        first, then local bridges by span).

    Raises
    ------
    GraphnetError
        When ``top`` is outside ``TOP_RANGE`` (1 to 1000).

    Notes
    -----
    With N nodes and E edges (me removed): clusters O(E) per Louvain pass;
    articulation points and bridges one depth-first search, O(N + E);
    betweenness O(kE) for k source people (all people up to
    ``exact_betweenness_max_nodes`` nodes, else ``betweenness_samples`` drawn
    with ``seed``: Brandes & Pich 2007); Burt's measures O(d²) for each of
    the few candidates of degree d, never on the whole graph; local bridges
    O(Σ min degree) set checks, spans one bounded bidirectional search each
    for at most 40 candidates. About 2-3 s at 30,000 people.

    References
    ----------
    .. [1] U. Brandes, "On variants of shortest-path betweenness centrality and
       their generic computation", Social Networks 30(2):136-145 (2008).
    .. [2] U. Brandes, C. Pich, "Centrality estimation in large networks",
       Int. J. Bifurcation and Chaos 17(7):2303-2318 (2007).
    .. [3] R. S. Burt, Structural Holes, Harvard University Press (1992);
       "Structural holes and good ideas", AJS 110(2):349-399 (2004).
    .. [4] M. Everett, S. P. Borgatti, "Ego network betweenness", Social
       Networks 27(1):31-38 (2005).
    .. [5] M. S. Granovetter, "The strength of weak ties", AJS 78(6):1360-1380 (1973).
    .. [6] V. D. Blondel et al., "Fast unfolding of communities in large
       networks", J. Stat. Mech. P10008 (2008).
    """
    require_range("top", top, *TOP_RANGE)
    with paused_gc():
        return _brokers(net, today if today is not None else date.today(), top, include_unmet)


def _brokers(net: Network, today: date, top: int, include_unmet: bool) -> BridgesResult:
    net = as_of(net, today)
    settings = net.me.settings
    s = structure(net, today=today)
    labels = cluster_labels(s, seed=settings.seed, louvain_max_nodes=settings.louvain_max_nodes)
    clusters = _Clusters(s, labels, ClusterNamer(net))
    pieces = _Pieces.of(s)
    people = [i for i in range(s.n) if s.kinds[i] == "person"]
    share, method, notes = _shares(s, labels, people, settings)
    cut = _cut_points(pieces)
    candidates = _candidates(net, s, people, share, cut, top, include_unmet)
    adjsets = [set(a) for a in s.adj]
    measured: dict[int, tuple[float, float] | None] = {v: burt_measures(s, v, adjsets) for v in candidates}

    def sort_key(v: int) -> tuple[float, int, float, str]:
        burt = measured[v]
        return (-share[v], -cut.people.get(v, 0), burt[1] if burt else 2.0, s.ids[v])

    result = [
        _broker(net, pieces, clusters, v, share[v], cut, measured[v]) for v in sorted(candidates, key=sort_key)[:top]
    ]
    ties = [*_cut_ties(net, pieces, clusters.namer), *_local_bridges(net, s, clusters, adjsets, pieces.dfs.bridges)]
    if not include_unmet:
        ties = [t for t in ties if any(is_met(net, p) for p in t.between)]
    ties = ties[:top]
    _actionable(net, s, labels, today, result, ties, clusters.name)
    return BridgesResult(result, ties, len(people), len({labels[i] for i in people}), method, notes, net)


def _shares(
    s: Structure, labels: list[int], people: list[int], settings: Settings
) -> tuple[list[float], str, list[str]]:
    """Each node's share of the shortest routes between clusters, exact or from seeded source
    people; how it was computed, and a note when estimated."""
    connected = [i for i in people if s.adj[i]]
    notes: list[str] = []
    if s.n <= settings.exact_betweenness_max_nodes or len(connected) <= settings.betweenness_samples:
        sources = connected
        method = "exact"
    else:
        sources = sorted(random.Random(settings.seed).sample(connected, settings.betweenness_samples))
        method = f"estimated from {len(sources)} sampled people (seed {settings.seed})"
        notes.append(f"betweenness {method}: the network has {s.n} nodes")
    total, pairs = cluster_betweenness(s, labels, sources=sources)
    return (total / pairs if pairs > 0 else total).tolist(), method, notes


@dataclass(slots=True)
class _Cut:
    """Articulation points among people: who would be cut off without them."""

    #: Person -> how many people only they link to the largest part.
    people: dict[int, int]
    #: Person -> the parts they separate, (people, DFS child or -1 for the rest of the component), largest first.
    parts: dict[int, list[tuple[int, int]]]


def _cut_points(pieces: _Pieces) -> _Cut:
    """The people whose removal leaves two parts with people in them or more (members listed only when named)."""
    s, dfs = pieces.s, pieces.dfs
    cut = _Cut({}, {})
    for v, children in dfs.cuts.items():
        if s.kinds[v] != "person":
            continue
        parts = [(pieces.people_in_subtree(c), c) for c in children]
        rest = pieces.people_in_component(v) - 1 - sum(count for count, _ in parts)
        if dfs.size[dfs.root[v]] - 1 - sum(dfs.size[c] for c in children) > 0:
            parts.append((rest, -1))
        parts = sorted((p for p in parts if p[0] > 0), key=lambda p: (-p[0], p[1]))
        if len(parts) >= 2:
            cut.people[v] = sum(count for count, _ in parts[1:])
            cut.parts[v] = parts
    return cut


def _candidates(
    net: Network, s: Structure, people: list[int], share: list[float], cut: _Cut, top: int, include_unmet: bool
) -> list[int]:
    """The best by betweenness, plus articulation points that cut off people (met ones unless ``include_unmet``)."""
    cut_off = cut.people
    listed = [i for i in people if include_unmet or is_met(net, s.ids[i])]
    ranked = sorted(listed, key=lambda i: (-share[i], -cut_off.get(i, 0), s.ids[i]))
    pool = max(3 * top, 30)
    candidates = [i for i in ranked[:pool] if share[i] > 0 or cut_off.get(i, 0) > 0]
    extra = sorted(
        (v for v, c in cut_off.items() if c > 0 and (include_unmet or is_met(net, s.ids[v]))),
        key=lambda v: (-cut_off[v], s.ids[v]),
    )
    for v in extra[:pool]:
        if v not in candidates:
            candidates.append(v)
    return candidates


def _broker(
    net: Network,
    pieces: _Pieces,
    clusters: _Clusters,
    v: int,
    share: float,
    cut: _Cut,
    burt: tuple[float, float] | None,
) -> Broker:
    """Broker ``v``: what they connect and why."""
    s = pieces.s
    cut_off = cut.people.get(v, 0)
    if cut_off > 0:
        connects, why = _separates(pieces, clusters.namer, v, cut.parts[v], cut_off)
    else:
        connects, why = _links(s, clusters, v)
    if share > 0:
        why += f"; on {percent(share)} of the shortest routes between people in different clusters"
    return Broker(
        id=s.ids[v],
        name=net.people[s.ids[v]].name,
        score=share,
        connects=connects,
        why=why,
        betweenness=share,
        articulation=v in cut.parts,
        cut_off=cut_off,
        effective_size=None if burt is None else burt[0],
        constraint=None if burt is None else burt[1],
        degree=len(s.adj[v]),
    )


def _separates(
    pieces: _Pieces, namer: ClusterNamer, v: int, parts: list[tuple[int, int]], cut_off: int
) -> tuple[list[str], str]:
    """An articulation point's parts (named) and why: "the only link between ..."."""
    comp_people = pieces.people_in_component(v) - 1
    # Smaller parts first, the main part ("the rest of your network") last.
    named = [
        _piece_name(namer, pieces.s, pieces.part_members(v, child), comp_people) for _, child in [*parts[1:4], parts[0]]
    ]
    why = f"the only link between {joined([named[0], named[-1]])}"
    if len(parts) > 2:
        why += f" (and {len(parts) - 2} more part{'s' if len(parts) > 3 else ''})"
    why += f"; without them {plural(cut_off)} would reach the rest only through you"
    return named, why


def _links(s: Structure, clusters: _Clusters, v: int) -> tuple[list[str], str]:
    """The clusters most of ``v``'s neighbours are in (up to four), and why: "links ..." or "central in ..."."""
    labels = clusters.labels
    near: dict[int, int] = {}
    for w in s.adj[v]:
        near[labels[w]] = near.get(labels[w], 0) + 1
    order = sorted(near, key=lambda c: (-near[c], -len(clusters.members[c]), c))
    connects = [clusters.name(c) for c in order[:4]]
    return connects, f"links {joined(connects)}" if len(connects) > 1 else f"central in {connects[0]}"


def _actionable(
    net: Network,
    s: Structure,
    labels: list[int],
    today: date,
    found: list[Broker],
    ties: list[BridgeTie],
    cluster_name: Any,
) -> None:
    """Give each broker and bridge tie what it opens beyond my close ties, whether I met them, and an action."""
    from .warm_paths import asked_introductions

    declined, requested = asked_introductions(net, today)
    reach = Reach(net, s, declined, requested, today)
    # Clusters my close ties or my groups are in are reached already (by how many of them).
    reached = Counter(labels[i] for i in [*reach.strong, *reach.my_groups])

    def opened(novel: set[int], broker: int | None = None) -> Opens:
        def is_reached(c: int) -> bool:
            return reached[c] - (broker is not None and labels[broker] == c and broker in reach.strong) > 0

        fresh = sorted(c for c in {labels[x] for x in novel if s.kinds[x] == "person"} if not is_reached(c))
        return reach.opens(novel, [cluster_name(c) for c in fresh[:3]])

    for broker in found:
        v = s.index[broker.id]
        # What they bring that my other close ties do not (a close tie would otherwise open nothing).
        broker.opens = opened(reach.novel(v, reach.known_without(v)), v)
        broker.met = is_met(net, broker.id)
        broker.detail = _detail(broker)
        name = broker.name
        if not broker.met:
            broker.why = f"{reach.meet_through(v)}; {broker.why}"
            via = reach.introducer(v)
            broker.action = reach.ask_to_meet(via, broker.id) if via else f"Find a way to meet {name}"
        elif broker.opens.people:
            broker.action = reach.ask_to_meet(broker.id, broker.opens.people[0])
        elif broker.opens.organizations:
            broker.action = f"Ask {name} about {net.name_of(broker.opens.organizations[0])}: whom they know there"
        else:
            broker.action = f"Keep in touch with {name}: your link to {joined(broker.connects[:2])}"
        if broker.opens.people_count or broker.opens.organizations:
            broker.why += f"; {broker.opens.text(net)}"
    for tie in ties:
        near, far = sorted(tie.between, key=lambda p: (-net.people[p].strength, p))
        tie.met = is_met(net, near)
        novel = reach.novel(s.index[far])
        if s.index[far] not in reach.known:
            novel.add(s.index[far])
        tie.opens = opened(novel)
        if not tie.met:
            tie.action = f"Not met yet: {reach.meet_through(s.index[near]).removeprefix('not met yet: ')}"
        elif is_met(net, far):
            tie.action = (
                f"Keep in touch with {net.name_of(near)} and {net.name_of(far)}: their tie is where the two sides meet"
            )
        else:
            tie.action = reach.ask_to_meet(near, far)


def _detail(broker: Broker) -> str:
    """The network measures behind a broker, in their own terms (for ``--verbose``)."""
    parts = [f"betweenness between clusters {broker.betweenness:.3f}"]
    if broker.articulation:
        parts.append(f"articulation point (cuts off {plural(broker.cut_off)})")
    if broker.effective_size is not None and broker.constraint is not None:
        parts.append(
            f"effective size {broker.effective_size:.1f} of {broker.degree} contacts, constraint {broker.constraint:.2f}"
        )
    return "; ".join(parts)


def _cut_ties(net: Network, pieces: _Pieces, namer: ClusterNamer) -> list[BridgeTie]:
    """Bridges between two people with two people or more on each side, the most cut off first."""
    s, dfs, name = pieces.s, pieces.dfs, net.name_of
    found: list[BridgeTie] = []
    for u, v in dfs.bridges:
        if s.kinds[u] != "person" or s.kinds[v] != "person":
            continue
        side = pieces.people_in_subtree(v)
        everyone = pieces.people_in_component(v)
        other = everyone - side
        if side < 2 or other < 2:
            continue  # a pendant tie: it links one person, it bridges nothing
        below = pieces.subtree(v)
        above = pieces.rest(v, below)
        small, large = (below, above) if side <= other else (above, below)
        cut = min(side, other)
        a, b = sorted((s.ids[u], s.ids[v]))
        small_name = _piece_name(namer, s, small, everyone)
        large_name = _piece_name(namer, s, large, everyone)
        found.append(
            BridgeTie(
                (a, b),
                None,
                f"the only tie linking {small_name} to {large_name}: without {name(a)} and {name(b)} knowing each other "
                f"{cut} people would reach the rest only through you",
                cut,
            )
        )
    found.sort(key=lambda t: (-t.people_cut_off, t.between))
    return found


def _local_bridges(
    net: Network, s: Structure, clusters: _Clusters, adjsets: list[set[int]], bridges: list[tuple[int, int]]
) -> list[BridgeTie]:
    """Ties between people of different clusters with no shared neighbour (not bridges), by span:
    the candidates between the largest clusters get their span computed."""
    labels = clusters.labels
    is_bridge = {(min(u, v), max(u, v)) for u, v in bridges}
    local: list[tuple[int, int]] = []
    for u in range(s.n):
        if s.kinds[u] != "person":
            continue
        for v in s.adj[u]:
            if v <= u or s.kinds[v] != "person" or labels[u] == labels[v] or (u, v) in is_bridge:
                continue
            if adjsets[u].isdisjoint(adjsets[v]):
                local.append((u, v))
    sizes = {c: len(members) for c, members in clusters.members.items()}
    local.sort(key=lambda e: (-min(sizes[labels[e[0]]], sizes[labels[e[1]]]), s.ids[e[0]], s.ids[e[1]]))
    spans: list[tuple[int, int, int]] = []
    for u, v in local[:SPAN_CANDIDATES]:
        span = _span(adjsets, u, v)
        assert span is not None  # not a bridge, so on a cycle
        spans.append((u, v, span))
    spans.sort(key=lambda e: (-e[2], s.ids[e[0]], s.ids[e[1]]))
    name = net.name_of
    found: list[BridgeTie] = []
    for u, v, span in spans:
        a, b = sorted((s.ids[u], s.ids[v]))
        found.append(
            BridgeTie(
                (a, b),
                span,
                f"a local bridge between {clusters.name(labels[u])} and {clusters.name(labels[v])}: "
                f"{name(s.ids[u])} and {name(s.ids[v])} share no contact; the next shortest route takes {span} steps",
            )
        )
    return found


def _piece_name(namer: ClusterNamer, s: Structure, piece: list[int], comp_people: int) -> str:
    persons = sum(1 for x in piece if s.kinds[x] == "person")
    if comp_people >= 20 and persons * 2 > comp_people:
        return "the rest of your network"
    return namer.name(s.ids[x] for x in piece)
