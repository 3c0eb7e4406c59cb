"""Warm introduction paths: who can introduce me, step by step, to someone at a target.

A path runs from ``me`` to a person at the target organization (or to a target
person). Its score is the product of its hop weights, read as the chance every
hop says yes: my tie weights and ``knows`` tie weights from :mod:`graphnet.strength`,
the trust of a colleague or co-member hop through an organization or group node,
and, at the end, 1 for a current employee or ``past_insider_trust`` for a former
one. The best ``top`` paths are shown, preferring different first introducers so
one busy friend is not asked for everything.

Search (documented in ``docs/analyses.md``):

1. best-first (Dijkstra on −log weights) *backwards* from the target's insiders,
   without me, settling at most ``path_search_nodes`` nodes; an organization or
   group with more than ``path_max_fanout`` members is crossed only towards its
   members with the strongest ties to me. Every node of a path scoring s has a
   best score to the target of at least s, so the settled set holds every path
   better than the last settled node's score (the answer says when that bound
   certifies the result);
2. on that small graph (plus me and a virtual target node joined to every
   insider), keep the nodes within ``max_hops`` introductions of both ends;
3. Yen's k-shortest simple paths (:func:`networkx.shortest_simple_paths`) on
   −log weights, taking one path per first introducer first, then the next best.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import GraphnetError, did_you_mean, require_range
from ..gcpause import paused_gc
from ..model import DEFAULT_PATHS, ME, SETTING_RANGES, STRENGTH_LABELS, TOP_RANGE, Introduction, Network
from ..text import clip, month
from . import asks
from .goals import RoleMatch, role_match
from .nearest import Route, nearest_routes
from .strength import TieModel

if TYPE_CHECKING:  # NetworkX is imported when a search runs, so ``import graphnet`` stays fast
    import networkx as nx

__all__ = ["Hop", "PathFinder", "PathResult", "Route", "WarmPath", "resolve_target", "warm_paths"]

#: The virtual node every insider of an organization target is joined to.
TARGET = "\x00target"
#: Candidate paths Yen's algorithm may produce per slot before giving up on that slot.
CANDIDATES_PER_SLOT = 12
#: The best-first search settles this many nodes first, then four times more until the answer is
#: proven (or ``path_search_nodes`` is reached).
FIRST_SEARCH_NODES = 400
#: A path scoring below this is not worth asking for (and ends the best-first search).
MIN_SCORE = 1e-6


@dataclass
class Hop:
    """One introduction step: ``source`` can reach ``target`` (``via`` a tie, organization or group)."""

    source: str
    target: str
    #: ``knows`` (a direct tie), ``introduction`` (only an introduction links them),
    #: or the id of the organization or group the two share.
    via: str
    #: ``tie``, ``organization`` or ``group``.
    via_kind: str
    why: str
    #: The hop's weight, times ``factor``.
    weight: float
    inferred: bool = False
    #: An introduction of me this hop repeats (the same introducer to the same person, or the
    #: same pair) that was declined or is still requested, if any.
    introduction: Introduction | None = None
    #: What the hop's weight was multiplied by: ``declined_introduction_penalty`` when it repeats
    #: a declined introduction, else 1.
    factor: float = 1.0
    #: A request still pending that someone else introduce me to this hop's person.
    pending_elsewhere: Introduction | None = None

    @property
    def declined(self) -> bool:
        return self.introduction is not None and self.introduction.status == "declined"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "from": self.source,
            "to": self.target,
            "via": self.via,
            "via_kind": self.via_kind,
            "why": self.why,
            "weight": round(self.weight, 4),
            "inferred": self.inferred,
        }
        intro = self.introduction
        if intro is not None:
            data["introduction"] = {
                "status": intro.status,
                "by": intro.by,
                "people": list(intro.people),
                "date": intro.date.isoformat() if intro.date else None,
                "note": intro.note,
                "factor": self.factor,
            }
        other = self.pending_elsewhere
        if other is not None:
            data["pending_elsewhere"] = {"by": other.by, "date": other.date.isoformat() if other.date else None}
        return data


@dataclass
class WarmPath:
    """A ranked route to the target, with the ask in one sentence."""

    score: float
    #: Person ids in order, starting with ``me``.
    people: list[str]
    hops: list[Hop]
    ask: str
    #: The last person: the one at the target (or the target person).
    insider: str
    #: False when the insider only worked at the target before.
    insider_current: bool = True
    #: Every node crossed, organizations and groups included.
    nodes: list[str] = field(default_factory=list)
    #: The insider's role or department matching ``me: looking_for``, if any.
    role_match: RoleMatch | None = None
    #: The path score's role factor: 1 for a match (or without ``looking_for``), else 1 − ``role_match_weight``.
    role_factor: float = 1.0

    @property
    def declined(self) -> bool:
        """True when a hop repeats an introduction of me that was declined."""
        return any(hop.declined for hop in self.hops)

    def to_json(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "people": list(self.people),
            "hops": [hop.to_json() for hop in self.hops],
            "ask": self.ask,
            "insider": self.insider,
            "insider_current": self.insider_current,
            "declined": self.declined,
            "role_match": None if self.role_match is None else self.role_match.label,
            "role_factor": round(self.role_factor, 4),
        }


@dataclass
class PathResult:
    """The answer of :func:`warm_paths`."""

    #: ``{"id", "name", "kind" ("organization" or "person"), "insiders", "past_insiders"}``.
    target: dict[str, Any]
    paths: list[WarmPath]
    #: Nearest routes, filled when there is no path.
    nearest: list[Route]
    max_hops: int
    today: date
    #: id -> display name of every id in the answer (``me`` -> "you").
    names: dict[str, str]
    #: Nodes the best-first search settled.
    searched: int = 0
    #: True when the search provably saw every path at least as good as the ones shown.
    exhaustive: bool = True
    #: My own contacts at the target organization, closest first: ``{"id", "name", "why", "current",
    #: "connection"}`` (connections among them are not listed as paths).
    direct: list[dict[str, Any]] = field(default_factory=list)
    #: Organizations whose names look like the target's and that the answer did not include:
    #: ``{"id", "name", "people", "how", "fix"}`` (:mod:`graphnet.orgnames`).
    near_names: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``path --json``: ``{"target": {...}, "paths": [{"score", "people", "hops", "ask"}]}`` plus context."""
        return {
            "target": dict(self.target),
            "today": self.today.isoformat(),
            "max_hops": self.max_hops,
            "paths": [path.to_json() for path in self.paths],
            "nearest": [route.to_json() for route in self.nearest],
            "search": {"settled": self.searched, "exhaustive": self.exhaustive},
            "direct": {
                "count": len(self.direct),
                "connections": sum(1 for d in self.direct if d["connection"]),
                "people": list(self.direct),
            },
            "near_names": list(self.near_names),
        }


def resolve_target(net: Network, text: str) -> tuple[str, str]:
    """``(id, kind)`` of the organization (id, name or alias, any case) or person called ``text``.

    Raises
    ------
    GraphnetError
        When nothing matches (with a did-you-mean), or ``text`` is me.
    """
    org = net.find_organization(text)
    if org is not None:
        return org, "organization"
    from ..names import person_matches, resolve_person

    if person_matches(net, text.strip()):
        person = resolve_person(net, text)
        if person == ME:
            raise GraphnetError("the target is you; name an organization or a person you want to reach")
        return person, "person"
    names = {o.id: o.name for o in net.organizations.values()}
    names.update({p.id: p.name for p in net.people.values()})
    hint = did_you_mean(text, names)
    raise GraphnetError(f"no organization or person called '{text}' in the network" + (f"; {hint}" if hint else ""))


def asked_introductions(
    net: Network, today: date
) -> tuple[dict[tuple[str, str], Introduction], dict[tuple[str, str], Introduction]]:
    """The path hops that repeat an introduction of me that was declined, or is still requested.

    For each introducer X and person Y, the latest introduction of me to Y by X dated up to
    ``today`` (undated ones count as the oldest; among equal dates the one written last)
    decides: ``declined`` or ``requested`` (``made`` and ``met`` ones are ties, not asks). Such
    a record covers two hops: X -> Y (the same introducer to the same person) and me -> Y (the
    same pair, asked directly); a later ``made`` or ``met`` introduction of me to Y, by anyone,
    closes the second.

    Returns
    -------
    tuple of dict
        ``(declined, requested)``, each ``(from, to) -> Introduction``. When several records
        cover the hop me -> Y, the latest wins.

    Notes
    -----
    O(N log N) for N introductions.
    """
    latest: dict[tuple[str, str], tuple[tuple[date, int], Introduction]] = {}
    for index, intro in enumerate(net.introductions):
        a, b = intro.people
        if ME not in (a, b) or intro.by == ME or (intro.date is not None and intro.date > today):
            continue
        key = (intro.by, b if a == ME else a)
        order = (intro.date or date.min, index)
        if key not in latest or order > latest[key][0]:
            latest[key] = (order, intro)
    declined: dict[tuple[str, str], Introduction] = {}
    requested: dict[tuple[str, str], Introduction] = {}
    for (by, other), (_, intro) in sorted(latest.items(), key=lambda item: item[1][0]):
        if intro.status in ("made", "met"):  # introduced since: the pair is no longer an open question
            declined.pop((ME, other), None)
            requested.pop((ME, other), None)
            continue
        table = declined if intro.status == "declined" else requested
        table[(by, other)] = intro
        table[(ME, other)] = intro
    return declined, requested


class PathFinder:
    """Warm-path search over one :class:`~graphnet.strength.TieModel` (reusable across targets)."""

    def __init__(self, model: TieModel) -> None:
        self.model = model
        self.net = model.net
        self.settings = model.settings
        #: Hops (from, to) that repeat an introduction of me declined, or still requested, as of today.
        self.declined, self.requested = asked_introductions(model.net, model.today)
        self.penalty = min(max(self.settings.declined_introduction_penalty, 1e-12), 1.0)
        #: What a declined hop adds to a path's cost (−log of the penalty).
        self.penalty_cost = -math.log(self.penalty)
        #: Insiders of the organization searched for whom the one-hop path is left out: connections,
        #: counted among the direct contacts (:meth:`direct`) rather than listed one by one.
        self.grouped: set[str] = set()

    def hop_penalty(self, a: str, b: str) -> float:
        """−log of the factor on the hop a -> b: the penalty's when it repeats a declined introduction, else 0."""
        return self.penalty_cost if (a, b) in self.declined else 0.0

    # -- the three steps ---------------------------------------------------------------------

    def insiders(self, target: str, kind: str) -> dict[str, float]:
        """Person id -> final-hop trust: 1 for current employees (or the target person), less for former ones."""
        if kind == "person":
            return {target: 1.0}
        ends: dict[str, float] = {}
        for member in self.model.members.get(target, []):
            current = self.model.memberships[member][target] == "works_at"
            ends[member] = 1.0 if current else self.settings.past_insider_trust
        return ends

    def role_factor(self, person: str, kind: str) -> tuple[float, RoleMatch | None]:
        """The insider's factor in the path score: 1 when their role matches ``looking_for``, else less.

        ``1 − role_match_weight`` for an insider whose role and department match nothing I look
        for; 1 when nothing is looked for, and for a person target (the person is the goal).
        """
        looking_for = self.net.me.looking_for
        if kind == "person" or not looking_for:
            return 1.0, None
        match = role_match(self.net.people[person], looking_for)
        if match is not None:
            return 1.0, match
        return max(1.0 - min(max(self.settings.role_match_weight, 0.0), 1.0), 1e-12), None

    def end_weights(self, ends: dict[str, float], kind: str) -> dict[str, float]:
        """Insider -> the final factor of a path ending there: trust times the role factor."""
        return {node: trust * self.role_factor(node, kind)[0] for node, trust in ends.items()}

    def settle(self, ends: dict[str, float], limit: int) -> tuple[dict[str, float], bool]:
        """Best-first search backwards from the insiders: node -> −log(best score to the target).

        Settles at most ``limit`` nodes (and every insider). Returns the settled costs and
        whether the search ran out of nodes (rather than hitting its cap).
        """
        return _Settler(self, ends).run(limit)

    def search_graph(
        self,
        settled: dict[str, float],
        ends: dict[str, float],
        final: str | None,
        max_hops: int,
        weights: dict[str, float] | None = None,
    ) -> nx.DiGraph:
        """The directed graph Yen's algorithm runs on: me, the settled nodes and the target.

        Edges carry ``cost`` (−log weight) and ``half`` (2 for a tie, 1 for each half of
        an organization/group hop, 0 into the virtual target). A current insider (or the
        target person) only leads to the target, so no path runs through one. Only nodes
        within ``max_hops`` introductions of both me and the target are kept.

        A hop that repeats a declined introduction costs ``−log(declined_introduction_penalty)``
        more. For a hop through an organization or group, whose cost cannot depend on where the
        path came from, the introducer gets a private copy of that node (``"<place>\x00<from>"``,
        listed in ``graph.graph["places"]``) whose edge to the declined person carries the penalty.
        """
        import networkx as nx

        target = final if final is not None else TARGET
        stops = {n for n, trust in ends.items() if trust >= 1.0} if final is None else {final}
        # In the order settled, never a set's: Yen's algorithm breaks equal costs by the order of
        # nodes and edges, and a set's order changes with the process's hash seed.
        nodes = dict.fromkeys([ME, *settled])
        out: dict[str, list[tuple[str, float, int]]] = {node: [] for node in nodes}
        out.setdefault(target, [])
        self._tie_edges(out, nodes, stops)
        self._membership_edges(out, nodes, stops)
        places = self._declined_copies(out, nodes, stops)
        if final is None:
            # Into the virtual target: the insider's trust times their role factor (``weights``).
            for node, trust in (ends if weights is None else weights).items():
                if node in nodes:
                    out[node].append((TARGET, -math.log(max(trust, 1e-12)), 0))
        keep = _on_short_routes(out, target, 2 * max_hops)
        graph = nx.DiGraph(places={copy: place for copy, place in places.items() if copy in keep})
        kept = [node for node in out if node in keep]
        graph.add_nodes_from(kept)
        graph.add_edges_from(
            (node, other, {"cost": cost, "half": half})
            for node in kept
            for other, cost, half in out[node]
            if other in keep
        )
        return graph

    def _tie_edges(self, out: dict[str, list[tuple[str, float, int]]], nodes: Collection[str], stops: set[str]) -> None:
        """The ties out of each node of the search (not out of a stop: it only leads to the target)."""
        model = self.model
        social, declined, penalty = model.social, self.declined, self.penalty_cost
        for node in nodes:
            if node in stops or node not in social:
                continue
            edges = out[node]
            for other in social[node]:
                if node == ME and other in self.grouped:
                    continue  # a connection at the target: listed with the direct contacts, not as a path
                if other in nodes and other != ME:
                    cost = model.cost(node, other)
                    if declined and (node, other) in declined:
                        cost += penalty
                    edges.append((other, cost, 2))

    def _membership_edges(
        self, out: dict[str, list[tuple[str, float, int]]], nodes: Collection[str], stops: set[str]
    ) -> None:
        """Both halves of the hops through organizations and groups: member -> place (not out of
        a stop) and place -> member (never back to me)."""
        model = self.model
        social, memberships = model.social, model.memberships
        for node in nodes:
            if node not in social:
                continue
            leaves = node not in stops
            for place in memberships.get(node, ()):
                if place in nodes:
                    cost = model.membership_cost(node, place)
                    if leaves:
                        out[node].append((place, cost, 1))
                    if node != ME:
                        out[place].append((node, cost, 1))

    def _declined_copies(
        self, out: dict[str, list[tuple[str, float, int]]], nodes: Collection[str], stops: set[str]
    ) -> dict[str, str]:
        """A private copy of each place an introducer who declined someone shares with them, whose
        edge to the declined person carries the penalty: copy -> place."""
        memberships, declined, penalty = self.model.memberships, self.declined, self.penalty_cost
        places: dict[str, str] = {}
        for a, b in sorted(declined):
            if a not in nodes or b not in nodes or a in stops:
                continue
            theirs = memberships.get(b, {})
            for place in memberships.get(a, ()):
                copy = f"{place}\x00{a}"
                if place not in nodes or place not in theirs or copy in places:
                    continue
                places[copy] = place
                out[copy] = [
                    (member, cost + (penalty if (a, member) in declined else 0.0), half)
                    for member, cost, half in out[place]
                    if member != a
                ]
                out[a] = [(copy if other == place else other, cost, half) for other, cost, half in out[a]]
        return places

    def first_person(self, path: list[str]) -> int:
        for i, node in enumerate(path[1:], start=1):
            if node in self.net.people:
                return i
        return len(path) - 1

    def choose(self, graph: nx.DiGraph, target: str, top: int, max_hops: int, final: str | None) -> list[list[str]]:
        """Up to ``top`` paths: the best per first introducer first, then the next best overall."""
        fresh = _Fresh(self, graph, max_hops)
        chosen = self._one_per_introducer(graph, target, top, final, fresh)
        if len(chosen) < top:
            chosen += _first_fresh(graph, target, fresh, top - len(chosen), CANDIDATES_PER_SLOT * top)
        return chosen

    def _one_per_introducer(
        self, graph: nx.DiGraph, target: str, top: int, final: str | None, fresh: _Fresh
    ) -> list[list[str]]:
        """The best path, then the best without its first introducer, and so on (a person target:
        without the hop into them from the same side), up to ``top``."""
        import networkx as nx

        chosen: list[list[str]] = []
        banned_nodes: set[str] = set()
        banned_edges: set[tuple[str, str]] = set()
        while len(chosen) < top:
            view = nx.restricted_view(graph, banned_nodes, banned_edges) if banned_nodes or banned_edges else graph
            found = _first_fresh(view, target, fresh, 1, CANDIDATES_PER_SLOT)
            if not found:
                break
            path = found[0]
            chosen.append(path)
            i = self.first_person(path)
            if path[i] == final:
                banned_edges.add((path[i - 1], path[i]))
            else:
                banned_nodes.add(path[i])
        return chosen

    # -- answers -----------------------------------------------------------------------------

    def describe(self, path: list[str], graph: nx.DiGraph, ends: dict[str, float], target: str, kind: str) -> WarmPath:
        model = self.model
        places: dict[str, str] = graph.graph.get("places", {})
        nodes = [places.get(n, n) for n in path if n != TARGET]
        people = [n for n in nodes if n == ME or n in self.net.people]
        hops: list[Hop] = []
        score = 1.0
        i = 0
        while i < len(nodes) - 1:
            a, b = nodes[i], nodes[i + 1]
            if b in self.net.people:
                facts = model.facts(a, b)
                assert facts is not None
                via = "knows" if ("tie" in facts.relations or "knows" in facts.relations) else "introduction"
                hop = Hop(a, b, via, "tie", model.why(a, b) + _knows_note(facts.note), facts.weight, facts.inferred)
                i += 1
            else:  # a -> organization/group -> c
                c = nodes[i + 2]
                hop = Hop(a, c, b, model.kind_of(b), model.why(a, c, via=b), model.hop_trust(a, b, c))
                i += 2
            self.annotate(hop)
            hops.append(hop)
            score *= hop.weight
        insider = people[-1]
        trust = ends.get(insider, 1.0)
        factor, match = self.role_factor(insider, kind)
        score *= trust * factor
        if match is not None and hops:
            hops[-1].why += f"; {match.why}"
        return WarmPath(
            score=score,
            people=people,
            hops=hops,
            ask=self.ask(people, target, kind, trust >= 1.0),
            insider=insider,
            insider_current=trust >= 1.0,
            nodes=nodes,
            role_match=match,
            role_factor=factor,
        )

    def annotate(self, hop: Hop) -> None:
        """Say, and weigh, what the introductions on record mean for this hop.

        A hop repeating a declined introduction gets the penalty and "declined to introduce you
        in October 2026"; one repeating a request still open, "you asked on 2026-11-10 for this
        introduction; still pending"; a hop to someone another introducer declined to introduce
        me to, a note saying so (no penalty: it is another route).
        """
        a, b = hop.source, hop.target
        name = self.net.name_of
        notes: list[str] = []
        refused = self.declined.get((a, b))
        if refused is not None:
            hop.introduction, hop.factor = refused, self.penalty
            hop.weight *= self.penalty
            said = f" ({clip(refused.note, 90)})" if refused.note else ""
            if a == refused.by:
                notes.append(f"declined to introduce you{month(refused.date)}{said}")
            else:
                notes.append(f"an introduction to them by {name(refused.by)} was declined{month(refused.date)}{said}")
        elif a != ME and (ME, b) in self.declined:
            other = self.declined[(ME, b)]
            notes.append(f"{name(other.by)} declined to introduce you to {name(b)}{month(other.date)}")
        asked = self.requested.get((a, b))
        if asked is not None:
            if hop.introduction is None:
                hop.introduction = asked
            on = f" on {asked.date.isoformat()}" if asked.date is not None else ""
            if a == asked.by:
                notes.append(f"you asked{on} for this introduction; still pending")
            else:
                notes.append(f"{name(asked.by)} is to introduce you (you asked{on}; still pending)")
        elif a != ME and (ME, b) in self.requested:
            # Another ask to the same person, through someone else, is still open.
            other = hop.pending_elsewhere = self.requested[(ME, b)]
            on = f" on {other.date.isoformat()}" if other.date is not None else ""
            notes.append(f"you already asked {name(other.by)}{on} to introduce you to {name(b)}; still pending")
        if a != ME and b in self.model.social[ME]:
            strength = self.net.people[b].strength
            label = STRENGTH_LABELS.get(strength, "") if strength >= 1 else "introduced, not met yet"
            if b in self.model.connections:
                label = "a connection, no contact on record"  # connected is not met
            notes.append(f"you know {name(b)} yourself ({label})")
        if notes:
            hop.why = "; ".join([hop.why, *notes])

    def who(self, person: str, target: str, kind: str, current: bool) -> str:
        """``Bob Byron (Data Lead at Acme)`` (:func:`graphnet.analyses.asks.who`)."""
        return asks.who(self, person, target, kind, current)

    def ask(self, people: list[str], target: str, kind: str, current: bool) -> str:
        """The ask in one sentence (:func:`graphnet.analyses.asks.ask`)."""
        return asks.ask(self, people, target, kind, current)

    def direct(self, target: str, kind: str) -> list[tuple[str, float, bool]]:
        """My own contacts at organization ``target``: (id, tie weight, there now), closest first.

        Closest by the weight of my tie, relationships before connections, people there now
        before former ones. Also sets :attr:`grouped` (the connections among them).
        """
        if kind != "organization":
            return []
        model, mine = self.model, self.model.social[ME]
        found = []
        for member, trust in self.insiders(target, kind).items():
            if member in mine:
                found.append((member, model.weight(ME, member), trust >= 1.0))
        found.sort(key=lambda row: (row[0] in model.connections, -row[1], not row[2], self.net.name_of(row[0]), row[0]))
        self.grouped = {member for member, _, _ in found if member in model.connections}
        return found

    def find(self, target: str, kind: str, top: int, max_hops: int) -> tuple[list[WarmPath], int, bool]:
        """The best paths to ``target`` (an id of ``kind``), the nodes searched and whether that was exhaustive."""
        ends = self.insiders(target, kind)
        if not ends:
            return [], 0, True
        self.direct(target, kind)
        final = target if kind == "person" else None
        end = final if final is not None else TARGET
        cap = max(self.settings.path_search_nodes, 1)
        limit = min(FIRST_SEARCH_NODES, cap)
        weights = self.end_weights(ends, kind)
        search = _Settler(self, weights)
        while True:
            settled, ran_out = search.run(limit)
            graph = self.search_graph(settled, ends, final, max_hops, weights)
            chosen = self.choose(graph, end, top, max_hops, final)
            paths = [self.describe(p, graph, ends, target, kind) for p in chosen]
            paths.sort(key=lambda p: (-p.score, len(p.people), p.people))
            exhaustive = ran_out
            if not exhaustive and settled and len(paths) >= top:
                # Every node of a path scoring s scores at least s to the target: all paths better
                # than the last node settled are in the graph searched.
                exhaustive = paths[-1].score >= math.exp(-max(settled.values()))
            if exhaustive or limit >= cap:
                break
            limit = min(limit * 4, cap)
        self.revise_asks(paths, target, kind)
        return paths, len(settled), exhaustive

    def revise_asks(self, paths: list[WarmPath], target: str, kind: str) -> None:
        """Asks that know the introductions on record (:func:`graphnet.analyses.asks.revise_asks`)."""
        asks.revise_asks(self, paths, target, kind)

    # -- when there is no path ---------------------------------------------------------------

    def nearest(self, target: str, kind: str, limit: int = 4) -> list[Route]:
        """Contacts at competitors, groups with people at the target, people two hops away to meet
        (:func:`graphnet.analyses.nearest.nearest_routes`)."""
        return nearest_routes(self, target, kind, limit)


def _knows_note(note: str | None) -> str:
    """The ``knows`` entry's note, which makes a hop trustworthy ("PhD lab mates").

    Notes are private: the path answer (asked for by me) shows them; the map and exports never do.
    """
    return f' ("{clip(note, 80)}")' if note else ""


class _Fresh:
    """Whether a path found is worth listing: within the hop limit, not the same people as a path
    already listed (e.g. via a group), and never through someone I can reach more warmly myself
    (a declined ask counting as such)."""

    def __init__(self, finder: PathFinder, graph: nx.DiGraph, max_hops: int) -> None:
        self.finder, self.graph, self.max_hops = finder, graph, max_hops
        self.mine = finder.model.social[ME]
        self.seen: set[tuple[str, ...]] = set()

    def __call__(self, path: list[str]) -> bool:
        finder, edges = self.finder, self.graph.edges
        people = tuple(n for n in path if n == ME or n in finder.net.people)
        if len(people) - 1 > self.max_hops or people in self.seen:
            return False
        cost = 0.0
        for i in range(1, len(path)):
            cost += edges[path[i - 1], path[i]]["cost"]
            node = path[i]
            if i >= 2 and node in self.mine:
                direct = -math.log(finder.model.weight(ME, node)) + finder.hop_penalty(ME, node)
                if direct <= cost + 1e-12:
                    return False
        self.seen.add(people)
        return True


def _first_fresh(graph: nx.DiGraph, target: str, fresh: _Fresh, wanted: int, candidates: int) -> list[list[str]]:
    """Up to ``wanted`` fresh paths among the ``candidates`` cheapest simple paths me -> ``target``."""
    import networkx as nx

    found: list[list[str]] = []
    try:
        for path in islice(nx.shortest_simple_paths(graph, ME, target, weight="cost"), candidates):
            if fresh(path):
                found.append(list(path))
                if len(found) >= wanted:
                    break
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        pass
    return found


class _Settler:
    """The best-first search of :meth:`PathFinder.settle`, resumable with a higher limit.

    Running it to ``limit`` and then on to a higher one settles exactly the nodes one run
    to the higher limit would, in the same order, without settling the first ones again.
    """

    def __init__(self, finder: PathFinder, ends: dict[str, float]) -> None:
        self.model = model = finder.model
        self.social, self.memberships, self.members_of = model.social, model.memberships, model.members
        #: Membership kind -> −log of that side's weight (:meth:`~graphnet.strength.TieModel.membership_cost`, inlined).
        self.side_cost = model.side_costs
        self.fanout = max(finder.settings.path_max_fanout, 1)
        self.declined = finder.declined
        self.penalty_cost = finder.penalty_cost
        self.ends = ends
        self.best: dict[str, float] = {}
        self.heap: list[tuple[Any, ...]] = []
        for node, trust in ends.items():
            cost = -math.log(max(trust, 1e-12))
            self.best[node] = cost
            self.heap.append((cost, node))
        heapq.heapify(self.heap)
        #: Settled node -> −log(best score to the target), in the order settled.
        self.done: dict[str, float] = {}

    def run(self, limit: int) -> tuple[dict[str, float], bool]:
        """Settle up to ``limit`` nodes in all; the settled costs, and whether the search ran out of nodes.

        Ties are weighed lazily: settling a person pushes each new neighbour with a cheap lower
        bound of the tie's cost (:meth:`~graphnet.strength.TieModel.min_cost`) and the tie is
        weighed only when that entry comes off the heap. An entry's bound is never above its
        true cost, and a bound entry ``(c, node, source)`` sorts after a true ``(c, node)``, so
        the nodes are settled in exactly the order (and with exactly the costs) of the plain
        search, while the ties out of the last nodes settled are mostly never weighed.

        A tie hop that repeats a declined introduction costs ``−log(declined_introduction_penalty)``
        more. Hops through an organization or group are not charged here (the search graph
        charges them), so the costs settled stay optimistic, as the bound of :meth:`PathFinder.find` needs.
        """
        tie_cost = self.model.cost
        social = self.social
        limit = max(limit, len(self.ends) + 1)
        max_cost = -math.log(MIN_SCORE)
        best, heap, done = self.best, self.heap, self.done
        declined, penalty = self.declined, self.penalty_cost
        inf = math.inf
        pop, push = heapq.heappop, heapq.heappush
        while heap:
            entry = pop(heap)
            cost, node = entry[0], entry[1]
            if node in done:
                continue
            if len(entry) == 3:  # a tie still to weigh: the hop node -> source, source settled
                source = entry[2]
                total = done[source] + tie_cost(source, node)
                if declined and (node, source) in declined:
                    total += penalty
                if total < best.get(node, inf):
                    best[node] = total
                    push(heap, (total, node))
                continue
            if len(done) >= limit or cost > max_cost:
                push(heap, entry)  # still to settle when the search goes on
                return done, False
            done[node] = cost
            if node in social:
                self._from_person(node, cost)
            else:
                self._from_place(node, cost)
        return done, True

    def _from_person(self, node: str, cost: float) -> None:
        """Push the neighbours of a person just settled: each tie with its lower bound (weighed when
        popped), each organization and group with its side's cost."""
        min_cost, side_cost = self.model.min_cost, self.side_cost
        best, heap, done = self.best, self.heap, self.done
        inf, push = math.inf, heapq.heappush
        for other in self.social[node]:
            # A tie costs at least 0 (weights are at most 1): skip those it cannot improve.
            if other == ME or other in done or best.get(other, inf) <= cost:
                continue
            bound = cost + min_cost(node, other)
            if bound < best.get(other, inf):
                push(heap, (bound, other, node))
        for place, kind in self.memberships.get(node, {}).items():
            if place not in done:
                total = cost + side_cost[kind]
                if total < best.get(place, inf):
                    best[place] = total
                    push(heap, (total, place))

    def _from_place(self, node: str, cost: float) -> None:
        """Push the members of an organization or group just settled, strongest to me first when there are many."""
        memberships, side_cost = self.memberships, self.side_cost
        best, heap, done = self.best, self.heap, self.done
        inf, push = math.inf, heapq.heappush
        members = self.members_of.get(node, [])
        if len(members) > self.fanout:
            members = self.model.ranked_members(node)[: self.fanout]
        for member in members:
            if member != ME and member not in done:
                total = cost + side_cost[memberships[member][node]]
                if total < best.get(member, inf):
                    best[member] = total
                    push(heap, (total, member))


def _on_short_routes(out: dict[str, list[tuple[str, float, int]]], target: str, budget: int) -> set[str]:
    """The nodes on some route me -> ``target`` of at most ``budget`` half-hops."""
    back: dict[str, list[tuple[str, float, int]]] = {node: [] for node in out}
    for node, edges in out.items():
        for other, cost, half in edges:
            back[other].append((node, cost, half))
    ahead = _within(out, ME, budget)
    behind = _within(back, target, budget)
    return {n for n, d in ahead.items() if d + behind.get(n, budget + 1) <= budget}


def _within(edges: dict[str, list[tuple[str, float, int]]], start: str, budget: int) -> dict[str, int]:
    """Fewest half-hops from ``start`` to every node within ``budget`` (a bucket queue: costs are 0, 1 or 2)."""
    if start not in edges:
        return {}
    dist = {start: 0}
    buckets: list[list[str]] = [[] for _ in range(budget + 1)]
    buckets[0].append(start)
    for d in range(budget + 1):
        bucket = buckets[d]
        while bucket:
            node = bucket.pop()
            if dist[node] != d:
                continue
            for other, _cost, half in edges.get(node, ()):
                nd = d + half
                if nd <= budget and nd < dist.get(other, budget + 1):
                    dist[other] = nd
                    buckets[nd].append(other)
    return dist


def warm_paths(
    net: Network,
    target: str,
    *,
    today: date | None = None,
    top: int = DEFAULT_PATHS,
    max_hops: int | None = None,
    model: TieModel | None = None,
) -> PathResult:
    """The best warm introduction paths from me to someone at ``target``.

    Parameters
    ----------
    net : Network
        A loaded network.
    target : str
        An organization (id, name or alias, any case) or a person (id or name).
    today : date, optional
        The day the tie weights are computed for (default today); the same day gives the same answer.
    top : int
        How many paths to show (default 5).
    max_hops : int, optional
        Longest path in introductions (people-to-people steps; a hop through an
        organization or group counts as one). Default ``net.me.settings.max_hops`` (3).
    model : TieModel, optional
        A tie model already built for ``net`` and ``today`` (reused across targets).

    Returns
    -------
    PathResult
        Paths sorted by score (the product of hop weights), each with ``people``,
        per-hop ``why`` and the ``ask``; ``nearest`` routes when there is none.

    Raises
    ------
    GraphnetError
        For an unknown target (with a did-you-mean), or ``top``/``max_hops`` out of range (``TOP_RANGE``, ``SETTING_RANGES``).

    Notes
    -----
    Building the tie model is O(V + E). The search settles at most
    ``path_search_nodes`` (S) nodes best-first from the target, O(S·d·log S) for
    degree d, crossing big organizations and groups through at most
    ``path_max_fanout`` members; Yen's algorithm then runs on that small graph,
    O(k·L·S log S) for k paths of L hops. Nothing is proportional to the whole
    network beyond the model, so a 30,000-person network answers in about a
    second beyond loading.

    References
    ----------
    Yen, J. Y. (1971). Finding the k shortest loopless paths in a network. *Management Science* 17(11), 712-716.
    Dodds, P. S., Muhamad, R., & Watts, D. J. (2003). An experimental study of search in global social
    networks. *Science* 301, 827-829.
    Granovetter, M. (1973). The strength of weak ties. *AJS* 78(6), 1360-1380.
    """
    require_range("top", top, *TOP_RANGE)
    hops = net.me.settings.max_hops if max_hops is None else max_hops
    require_range("max_hops" if max_hops is not None else "max_hops under me:", hops, *SETTING_RANGES["max_hops"])
    ident, kind = resolve_target(net, target)
    model = model if model is not None else TieModel(net, today)
    net = model.net  # the records as of the model's day
    finder = PathFinder(model)
    with paused_gc():
        paths, searched, exhaustive = finder.find(ident, kind, top, hops)
    ends = finder.insiders(ident, kind)
    current = sum(1 for t in ends.values() if t >= 1.0)
    info: dict[str, Any] = {"id": ident, "name": net.name_of(ident), "kind": kind}
    if kind == "organization":
        info["insiders"] = current
        info["past_insiders"] = len(ends) - current
    else:
        person = net.people[ident]
        info["org"] = person.org
    direct = [
        {
            "id": member,
            "name": net.name_of(member),
            "why": model.why(ME, member),
            "current": current,
            "connection": member in model.connections,
        }
        for member, _weight, current in finder.direct(ident, kind)
    ]
    nearest = [] if paths or direct else finder.nearest(ident, kind)
    names = {ME: "you", ident: net.name_of(ident)}
    for path in paths:
        for node in path.nodes:
            names[node] = net.name_of(node)
    for route in nearest:
        names[route.id] = route.name
    return PathResult(
        target=info,
        paths=paths,
        nearest=nearest,
        max_hops=hops,
        today=model.today,
        names=names,
        searched=searched,
        exhaustive=exhaustive,
        direct=direct,
        near_names=_near_names(net, ident) if kind == "organization" else [],
    )


def _near_names(net: Network, ident: str) -> list[dict[str, Any]]:
    """The organizations that look like ``ident`` by name, which a path to ``ident`` does not cover."""
    from ..orgnames import alias_fix, look_alikes, people_counts

    counts = people_counts(net)
    rows = []
    for pair in look_alikes(net, counts):
        if ident not in (pair.main, pair.variant):
            continue
        other = pair.variant if pair.main == ident else pair.main
        rows.append(
            {
                "id": other,
                "name": net.name_of(other),
                "people": counts.get(other, 0),
                "how": pair.how,
                "fix": alias_fix(net, pair),
            }
        )
    rows.sort(key=lambda row: (-counts.get(str(row["id"]), 0), str(row["name"])))
    return rows
