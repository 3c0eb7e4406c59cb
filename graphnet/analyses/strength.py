"""Tie strength: one documented model that turns what the files say into a weight in (0, 1].

A *social* tie (me–person, or person–person ``knows``/introduction) gets a weight
from five parts, each in [0, 1], mixed linearly (Granovetter 1973: tie strength is
"a (probably linear) combination" of time, intensity, intimacy and reciprocal
services)::

    declared    D = strength / 5                       (0-5 as written)
    recency     R = 2 ** (-days / recency_half_life_days)   (0 when no contact is on record)
    frequency   F = min(1, evidence / frequency_saturation)
                  (my ties: evidence points in meeting-equivalents, graphnet.analyses.evidence;
                   two others: their shared interactions in the last 365 days)
    reciprocity Q = 0.5 [favors one way] + 0.5 [favors the other way]
    embedded    E = Onnela overlap n_ij / ((k_i - 1) + (k_j - 1) - n_ij)

    weight = max(min_tie_weight, (a_D D + a_R R + a_F F + a_Q Q + a_E E) / (a_D + a_R + a_F + a_Q + a_E))
             times inferred_discount when no file states the tie directly

The shares ``a_*`` are the ``tie_weight_*`` settings. Because every share is
non-negative, a higher declared strength or a more recent contact never lowers
the weight (tested with hypothesis).

*Membership* hops (two colleagues meeting through their organization's node, two
members through a group's node) are not social ties: a hop through an
organization carries ``colleague_trust`` (both there now), ``past_colleague_trust``
(both there before) or their geometric mean (one now, one before); a hop through a
group carries ``group_trust``. Each of the two edges of such a hop weighs the
square root of its trust, so the hop's product is the trust. No clique is ever
materialised.

Everything is documented, with references, in ``docs/analyses.md``.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..gcpause import paused_gc
from ..model import ME, Favor, Introduction, Job, Network, Settings
from ..text import ago, clip, month, times
from .activity import connections, contact_counts, last_contacts
from .evidence import Evidence, evidence_by_person
from .ties import SOCIAL_RELATIONS, Ties, describe_overlap, my_colleagues

if TYPE_CHECKING:  # NetworkX is imported only when a graph is built (``import graphnet`` stays fast)
    import networkx as nx

__all__ = [
    "SOCIAL_RELATIONS",
    "Membership",
    "TieFacts",
    "TieModel",
    "describe_hop",
    "tie_weight",
    "weighted_graph",
    "why_tie",
]

#: Largest interaction (number of people in ``with``) whose participants count as in touch pairwise.
MAX_SHARED_INTERACTION = 25


def tie_weight(
    strength: int,
    *,
    days_since: float | None = None,
    interactions: float = 0,
    favors_given: int = 0,
    favors_received: int = 0,
    overlap: float = 0.0,
    inferred: bool = False,
    settings: Settings | None = None,
) -> float:
    """The weight in (0, 1] of one social tie.

    Parameters
    ----------
    strength : int
        Declared strength 0-5 (clamped).
    days_since : float or None
        Days since the last contact; ``None`` when none is on record (recency 0).
    interactions : float
        Frequency evidence: for my ties the TieModel passes my evidence points in meeting-equivalents
        (:mod:`graphnet.analyses.evidence`: meetings, mail both ways, decayed by age); for two other
        people, their shared interactions in the last 365 days.
    favors_given, favors_received : int
        Favors one way and the other (me -> them and them -> me for my ties).
    overlap : float
        Onnela's neighbourhood overlap of the tie, in [0, 1].
    inferred : bool
        True when no file states the tie directly; the weight is multiplied by
        ``settings.inferred_discount``.
    settings : Settings, optional
        The tuning parameters (``net.me.settings``); defaults when omitted.

    Returns
    -------
    float
        ``max(min_tie_weight, mix)`` (times the inferred discount), at most 1.

    Notes
    -----
    O(1). Monotone: with everything else equal, a higher ``strength`` or a smaller
    ``days_since`` never gives a lower weight, since every share is non-negative.

    References
    ----------
    Granovetter, M. (1973). The strength of weak ties. *AJS* 78(6), 1360-1380.
    Gilbert, E., & Karahalios, K. (2009). Predicting tie strength with social media. *CHI '09*.
    Onnela, J.-P., et al. (2007). Structure and tie strengths in mobile communication networks. *PNAS* 104, 7332.
    """
    params = _WeightParams(settings if settings is not None else Settings())
    return params.weight(strength, days_since, interactions, favors_given, favors_received, overlap, inferred)


class _WeightParams:
    """The settings :func:`tie_weight` reads, looked up once (a model weighs thousands of ties)."""

    __slots__ = ("a_d", "a_e", "a_f", "a_q", "a_r", "discount", "floor", "half_life", "saturation", "total")

    def __init__(self, s: Settings) -> None:
        self.half_life = s.recency_half_life_days
        self.saturation = s.frequency_saturation
        self.a_d, self.a_r, self.a_f, self.a_q, self.a_e = (
            s.tie_weight_declared,
            s.tie_weight_recency,
            s.tie_weight_frequency,
            s.tie_weight_reciprocity,
            s.tie_weight_embeddedness,
        )
        self.total = self.a_d + self.a_r + self.a_f + self.a_q + self.a_e
        self.floor = min(max(s.min_tie_weight, 1e-9), 1.0)
        self.discount = s.inferred_discount

    def weight(
        self,
        strength: int,
        days_since: float | None,
        interactions: float,
        favors_given: int,
        favors_received: int,
        overlap: float,
        inferred: bool,
    ) -> float:
        """The formula of :func:`tie_weight`."""
        declared = min(max(strength, 0), 5) / 5
        if days_since is None:
            recency = 0.0
        elif self.half_life > 0:
            recency = 0.5 ** (max(days_since, 0.0) / self.half_life)
        else:
            recency = 1.0 if days_since <= 0 else 0.0
        if self.saturation > 0:
            frequency = min(1.0, max(interactions, 0) / self.saturation)
        else:
            frequency = 1.0 if interactions > 0 else 0.0
        reciprocity = 0.5 * (favors_given > 0) + 0.5 * (favors_received > 0)
        embedded = min(max(overlap, 0.0), 1.0)
        total = self.total
        if total > 0:
            mix = (
                self.a_d * declared
                + self.a_r * recency
                + self.a_f * frequency
                + self.a_q * reciprocity
                + self.a_e * embedded
            ) / total
        else:
            mix = declared
        floor = self.floor
        weight = max(floor, mix)
        if inferred:
            weight = max(floor, weight * self.discount)
        return min(1.0, weight)


class TieFacts:
    """Everything the files say about one social tie, and its weight.

    ``a`` and ``b`` are in the order the tie was first met (my ties: ``me`` first).
    A plain slotted class, since a 30,000-person network has ~180,000 of them.

    Attributes
    ----------
    relations : list of str
        ``tie``, ``knows``, ``introduction``: every fact about the pair.
    declared : int or None
        Declared strength (the person's ``strength`` for my ties, the ``knows`` entry's otherwise).
    inferred : bool
        True when no file states the tie directly (only inferred from ``introduced_by``).
    introduced_by, intro_date, intro_status
        The introduction that put a and b in touch (introductions section), if any.
    last_contact : date or None
        Latest contact evidence up to today.
    interactions : int
        Interactions in the 365 days before today.
    favors : dict or None
        Giver id -> number of favors between a and b; ``favor_what`` giver -> the latest favor's text.
    introduced_me_to : list or None
        For my tie with X: the (person, date) X introduced me to.
    strength, days_since, mutual, overlap, weight, cost
        Derived by :meth:`TieModel.finish_tie`: strength used, days since the last contact,
        mutual contacts, Onnela overlap, the weight (-1 until computed) and −log(weight).
    """

    __slots__ = (
        "a",
        "b",
        "colleague",
        "connected",
        "cost",
        "days_since",
        "declared",
        "evidence",
        "favor_what",
        "favors",
        "inferred",
        "interactions",
        "intro_date",
        "intro_status",
        "introduced_by",
        "introduced_me_to",
        "last_contact",
        "logged",
        "met",
        "mutual",
        "note",
        "overlap",
        "relations",
        "since",
        "strength",
        "weight",
    )

    def __init__(self, a: str, b: str, relation: str, declared: int | None = None, inferred: bool = False) -> None:
        self.a = a
        self.b = b
        self.relations = [relation]
        self.declared = declared
        self.inferred = inferred
        self.since: date | None = None
        self.note: str | None = None
        self.introduced_by: str | None = None
        self.intro_date: date | None = None
        self.intro_status: str | None = None
        self.last_contact: date | None = None
        #: For my ties: the latest contact logged (interactions, favors, introductions, ``last_contact``)…
        self.logged: date | None = None
        #: … the day we met, and our overlap at an organization ("worked together at Lieferfix 2021–2026").
        self.met: date | None = None
        self.colleague: str | None = None
        self.interactions = 0
        #: For my ties: what my interactions with them add up to (graphnet.analyses.evidence).
        self.evidence: Evidence | None = None
        self.favors: dict[str, int] | None = None
        self.favor_what: dict[str, str] | None = None
        self.introduced_me_to: list[tuple[str, date | None]] | None = None
        #: For my tie with a connection (an imported record and nothing else): when we connected.
        self.connected: date | None = None
        self.strength = 0
        self.days_since: int | None = None
        self.mutual = 0
        self.overlap = 0.0
        self.weight = -1.0
        self.cost = math.inf

    def favors_from(self, giver: str) -> int:
        return self.favors.get(giver, 0) if self.favors else 0

    def other(self, node: str) -> str:
        return self.b if node == self.a else self.a

    def to_dict(self) -> dict[str, Any]:
        return {
            "relations": list(self.relations),
            "declared": self.declared,
            "strength": self.strength,
            "inferred": self.inferred,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "days_since": self.days_since,
            "interactions": self.interactions,
            "favors": dict(self.favors or {}),
            "evidence_points": round(self.evidence.points, 2) if self.evidence else 0.0,
            "colleague": self.colleague,
            "mutual": self.mutual,
            "overlap": round(self.overlap, 4),
            "weight": round(self.weight, 4),
            "connection": self.connected is not None,
        }


class Membership:
    """A person (or me) at an organization (``works_at`` now, ``worked_at`` before) or in a group (``member_of``)."""

    __slots__ = ("jobs", "kind", "member", "place", "role")

    def __init__(self, member: str, place: str, kind: str, role: str | None = None) -> None:
        self.member = member
        self.place = place
        self.kind = kind
        self.role = role
        self.jobs: list[Job] = []

    def trust(self, settings: Settings) -> float:
        """This member's side of a hop through ``place``: a hop is the product of both sides' square roots."""
        if self.kind == "works_at":
            return settings.colleague_trust
        if self.kind == "worked_at":
            return settings.past_colleague_trust
        return settings.group_trust

    def span(self) -> tuple[date | None, date | None]:
        starts = [j.start for j in self.jobs if j.start is not None]
        ends = [j.end for j in self.jobs if j.end is not None]
        open_ended = any(j.end is None for j in self.jobs)
        return (min(starts) if starts else None, None if open_ended or not ends else max(ends))


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


class TieModel:
    """Facts and weights of every tie of a network, as of one day.

    Indexes, in one pass over the records, the social ties (exactly the me–person,
    ``knows`` and introduction edges of :func:`graphnet.graph.build_graph`), the
    memberships (works at, worked at, member of) and the contact evidence. The facts
    and weight of a tie are assembled on first use (:meth:`facts`, :meth:`weight`),
    so a search that touches a few thousand ties never pays for 180,000.

    Parameters
    ----------
    net : Network
        A loaded network.
    today : date, optional
        The day answers are given for (default: today). Evidence dated after it is ignored.

    Notes
    -----
    Indexing is O(P + K + J + M + I·m² + F + N): people, ``knows`` entries, jobs,
    memberships, interactions (m people each, at most 25), favors and introductions.
    One tie's facts cost O(min(k_a, k_b)) (their mutual contacts).
    """

    def __init__(self, net: Network, today: date | None = None, *, ties: Ties | None = None) -> None:
        self.today = today if today is not None else date.today()
        self.settings = net.me.settings
        if ties is None or ties.today != self.today:
            with paused_gc(freeze=True):
                ties = Ties(net, self.today)
        #: Every tie as of ``today`` (:class:`graphnet.analyses.ties.Ties`), shared with the graph.
        self.ties = ties
        #: The records as of ``today`` (:func:`graphnet.analyses.ties.as_of`).
        self.net = ties.net
        #: node -> neighbour -> the records of the pair's social tie (:attr:`Ties.social`).
        self.social: dict[str, dict[str, Any]] = ties.social
        #: node -> neighbour -> the facts of the tie, once asked for (one shared object per pair).
        self._facts: dict[str, dict[str, TieFacts]] = {node: {} for node in ties.social}
        #: member -> organization or group id -> ``works_at``, ``worked_at`` or ``member_of``.
        self.memberships: dict[str, dict[str, str]] = ties.memberships
        #: organization or group id -> member ids, in the order met.
        self.members: dict[str, list[str]] = ties.members
        self._ranked: dict[str, list[str]] = {}
        self._rank_keys: dict[str, tuple[int, date]] | None = None
        self._intros: dict[tuple[str, str], Introduction] = ties.introductions
        self._favors: dict[tuple[str, str], list[Favor]] = {}
        self._shared: dict[tuple[str, str], list[Any]] = {}
        self._introduced_me_to: dict[str, list[tuple[str, date | None]]] = {}
        self._last: dict[str, date] = {}
        #: Person id -> my latest contact with them (:func:`graphnet.activity.last_contacts`, for reach-outs).
        self.contacts: dict[str, date] = {}
        self._counts: dict[str, int] = {}
        #: People who are connections, not relationships (:func:`graphnet.activity.connections`).
        self.connections: set[str] = set()
        s = self.settings
        self._params = _WeightParams(s)
        #: :meth:`min_cost` of a tie between two people with no dated record between them (None: no bound).
        self._bare_cost: float | None = None
        shares = (
            s.tie_weight_declared,
            s.tie_weight_recency,
            s.tie_weight_frequency,
            s.tie_weight_reciprocity,
            s.tie_weight_embeddedness,
        )
        if min(shares) >= 0 and sum(shares) > 0 and s.recency_half_life_days > 0 and s.frequency_saturation > 0:
            self._bare_cost = -math.log(max(self._params.weight(5, None, 0, 1, 1, 1.0, False), s.colleague_trust))
        self._roots = {
            "works_at": math.sqrt(max(s.colleague_trust, 1e-12)),
            "worked_at": math.sqrt(max(s.past_colleague_trust, 1e-12)),
            "member_of": math.sqrt(max(s.group_trust, 1e-12)),
        }
        #: The same, as distances: −log of each side's weight (see :meth:`membership_cost`).
        self.side_costs = {kind: -math.log(root) for kind, root in self._roots.items()}
        with paused_gc(freeze=True):
            self._index_introduced_me_to()
            self._index_evidence()

    # -- indexing --------------------------------------------------------------------------

    def _index_introduced_me_to(self) -> None:
        """People X introduced me to, for my tie with X (``introduced_by`` and introductions records)."""
        mine = self.social[ME]
        told = self._introduced_me_to
        for person in self.ties.introduced:
            by = person.introduced_by
            if by in mine:
                told.setdefault(by, []).append((person.id, person.met))  # type: ignore[arg-type]
        for intro in self.ties.my_introductions:
            if intro.by in mine:
                a, b = intro.people
                other = b if a == ME else a
                listed = told.setdefault(intro.by, [])
                if all(other != o for o, _ in listed):
                    listed.append((other, intro.date))

    def _index_evidence(self) -> None:
        """Contact evidence as of today: mine, and what two people who share a tie did together."""
        self._index_my_contacts()
        # Favors between two people who share a tie; interactions two people shared.
        social = self.social
        for favor in self.net.favors:
            if favor.to in social.get(favor.from_, ()):
                self._favors.setdefault(_pair(favor.from_, favor.to), []).append(favor)
        self._index_shared_interactions()

    def _index_my_contacts(self) -> None:
        """My contact evidence (the same as reach-outs and stats use), plus the day we met and our overlap at work."""
        net, today, mine = self.net, self.today, self.social[ME]
        self.contacts = last_contacts(net, today)
        last = dict(self.contacts)
        #: Person id -> our overlap at an organization (my colleagues, now or before).
        self.colleagues = my_colleagues(net, today)
        for ident, overlap in self.colleagues.items():
            if overlap.dated and ident in mine and (ident not in last or overlap.end > last[ident]):
                last[ident] = overlap.end
        for ident, person in net.people.items():
            met = person.met
            if met is not None and ident in mine and (ident not in last or met > last[ident]):
                last[ident] = met
        self._last = last
        self._counts = contact_counts(net, today)
        #: Person id -> my evidence points with them (mail both ways, meetings; decayed by age).
        self.evidence = evidence_by_person(net, today)
        self.connections = connections(net, today)

    def _index_shared_interactions(self) -> None:
        """Pair of people who share a tie -> [the last interaction they shared, how many in the last year]."""
        social, shared = self.social, self._shared
        year_ago = self.today - timedelta(days=365)
        for interaction in self.net.interactions:
            who = interaction.with_
            if len(who) < 2 or len(who) > MAX_SHARED_INTERACTION:
                continue
            when = interaction.date
            for i, a in enumerate(who):
                ties = social.get(a)
                if ties is None:
                    continue
                for b in who[i + 1 :]:
                    if b in ties and b != a:
                        entry = shared.get(_pair(a, b))
                        if entry is None:
                            entry = shared[_pair(a, b)] = [when, 0]
                        elif when > entry[0]:
                            entry[0] = when
                        if when > year_ago:
                            entry[1] += interaction.count or 1  # a day's meetings logged as one record

    def _make(self, a: str, b: str, evidence: Any) -> TieFacts:
        """Assemble the facts of the social tie a–b from its links and the evidence."""
        if b == ME:
            a, b = b, a
        declared: int | None = None
        since: date | None = None
        note: str | None = None
        stated = False
        introducer: str | None = None
        intro: Introduction | None = None
        for link in self.ties.between(a, b, evidence):
            if link.relation == "tie":
                declared = link.strength
            elif link.relation == "knows" and link.inferred:
                introducer = introducer or link.a
            elif link.relation == "knows":
                stated = True
                if link.strength is not None and (declared is None or link.strength > declared):
                    declared = link.strength
                since = since or link.record.since  # type: ignore[union-attr]
                note = note or link.record.note  # type: ignore[union-attr]
            elif intro is None:
                intro = link.record  # type: ignore[assignment]
        relations = ["tie"] if a == ME and declared is not None else []  # my tie: its link declares strength >= 1
        inferred = False
        if stated or introducer is not None:
            relations.append("knows")
        if not stated and introducer is not None:
            inferred = True
            a, b = introducer, (b if introducer == a else a)  # the introducer first, for the explanation
        if intro is not None:
            relations.append("introduction")
            inferred = False
        facts = TieFacts(a, b, relations[0] if relations else "introduction", declared, inferred)
        facts.relations = relations or ["introduction"]
        facts.since, facts.note = since, note
        if intro is not None:
            facts.introduced_by, facts.intro_date, facts.intro_status = intro.by, intro.date, intro.status
        self._add_evidence(facts, _pair(a, b), intro)
        return facts

    def _add_evidence(self, facts: TieFacts, key: tuple[str, str], intro: Introduction | None) -> None:
        """Contact, interactions and favors of a tie, as of today."""
        a, b = facts.a, facts.b
        if a == ME:
            facts.last_contact = self._last.get(b)
            facts.logged = self.contacts.get(b)
            facts.met = self.net.people[b].met
            overlap = self.colleagues.get(b)
            if overlap is not None:
                facts.colleague = describe_overlap(overlap, self.net.name_of(overlap.org))
            if b in self.connections:
                facts.connected = self.net.people[b].connected or date.min
            facts.interactions = self._counts.get(b, 0)
            facts.evidence = self.evidence.get(b)
            facts.introduced_me_to = self._introduced_me_to.get(b)
        else:
            last: date | None = None
            entry = self._shared.get(key)
            if entry is not None:
                last, facts.interactions = entry[0], entry[1]
            if intro is not None and intro.date is not None:
                last = intro.date if last is None else max(last, intro.date)
            facts.last_contact = last
        favors = self._favors.get(key)
        if favors:
            facts.favors, facts.favor_what = {}, {}
            for favor in favors:
                facts.favors[favor.from_] = facts.favors.get(favor.from_, 0) + 1
                what = favor.what or favor.kind
                if what:
                    facts.favor_what[favor.from_] = what
                if a != ME and favor.date is not None:
                    facts.last_contact = (
                        favor.date if facts.last_contact is None else max(facts.last_contact, favor.date)
                    )

    # -- weights ---------------------------------------------------------------------------

    def finish_tie(self, facts: TieFacts) -> TieFacts:
        """Fill the derived fields (strength used, days since contact, overlap, weight) once."""
        if facts.weight >= 0:
            return facts
        s = self.settings
        a, b = facts.a, facts.b
        if facts.declared is not None:
            facts.strength = facts.declared
        elif "knows" in facts.relations:
            facts.strength = s.knows_default_strength
        else:  # only an introduction: met once when they have met, not met yet otherwise
            facts.strength = 1 if facts.intro_status == "met" else 0
        if facts.last_contact is not None:
            facts.days_since = max(0, (self.today - facts.last_contact).days)
        na, nb = self.social[a], self.social[b]
        mutual = len(na.keys() & nb.keys())  # CPython iterates over the smaller of the two
        ka, kb = len(na), len(nb)
        if ME not in (a, b):
            # Person–person ties: I am not counted; I am adjacent to nearly everyone by construction.
            in_a, in_b = ME in na, ME in nb
            mutual -= in_a and in_b
            ka -= in_a
            kb -= in_b
        denominator = (ka - 1) + (kb - 1) - mutual
        facts.mutual = mutual
        facts.overlap = mutual / denominator if denominator > 0 else 0.0
        favors = facts.favors
        facts.weight = self._params.weight(
            facts.strength,
            facts.days_since,
            self._frequency(facts),
            favors.get(a, 0) if favors else 0,
            favors.get(b, 0) if favors else 0,
            facts.overlap,
            facts.inferred,
        )
        if "knows" in facts.relations and not facts.inferred and ME not in (a, b):
            # A tie someone stated is worth at least what sharing an employer is (docs/analyses.md).
            facts.weight = max(facts.weight, min(s.colleague_trust, 1.0))
        facts.cost = -math.log(facts.weight)
        return facts

    def _frequency(self, facts: TieFacts) -> float:
        """The frequency input of the weight: for my ties, the evidence in meeting-equivalents.

        Evidence points (graphnet.analyses.evidence: mail both ways, meetings, decayed by age)
        divided by the points of one meeting, so a hand-logged coffee today counts 1 as it
        always did; for two other people, the interactions they shared this year.
        """
        if ME not in (facts.a, facts.b):
            return float(facts.interactions)
        points = facts.evidence.points if facts.evidence is not None else 0.0
        per_meeting = self.settings.evidence_meeting_points
        return points / per_meeting if per_meeting > 0 else points

    def facts(self, a: str, b: str) -> TieFacts | None:
        """The finished facts of the social tie a–b, or None when there is none."""
        made = self._facts.get(a)
        if made is None:
            return None
        facts = made.get(b)
        if facts is None:
            evidence = self.social[a].get(b)
            if evidence is None:
                return None
            facts = self._make(a, b, evidence)
            made[b] = facts
            self._facts[b][a] = facts
        return self.finish_tie(facts)

    def weight(self, a: str, b: str) -> float:
        """Weight of the social tie a–b (0.0 when there is none)."""
        facts = self.facts(a, b)
        return 0.0 if facts is None else facts.weight

    def cost(self, a: str, b: str) -> float:
        """−log(weight) of the social tie a–b, a distance for shortest paths (inf when there is none)."""
        made = self._facts.get(a)
        held = made.get(b) if made is not None else None
        if held is not None and held.weight >= 0:
            return held.cost
        facts = self.facts(a, b)
        return math.inf if facts is None else facts.cost

    def membership(self, member: str, place: str) -> Membership:
        """The membership record of ``member`` at ``place`` (with the jobs, for explanations)."""
        kind = self.memberships[member][place]
        person: Any = self.net.me if member == ME else self.net.people.get(member)
        entry = Membership(member, place, kind, person.role if person is not None and kind == "works_at" else None)
        if person is not None and kind == "worked_at":
            entry.jobs = [job for job in person.past_orgs if job.org == place]
            entry.role = next((job.role for job in entry.jobs if job.role), None)
        return entry

    def membership_weight(self, member: str, place: str) -> float:
        """Weight of one member–organization/group edge: the square root of that side's trust."""
        return self._roots[self.memberships[member][place]]

    def min_cost(self, a: str, b: str) -> float:
        """A lower bound of :meth:`cost` for the tie a–b, without assembling its facts.

        Exact once the tie's weight is known. Otherwise, between two people, the weight the
        formula would give with the highest declared strength, full overlap and favors both
        ways, recent contact only when some record could date one (a shared interaction, an
        introduction or a favor between them), and their shared interactions of the year: the
        formula is monotone in each part, so no tie weighs more. Most ties have no such record,
        and their bound is one constant. Exact (the tie's facts are assembled) for my own ties
        and whenever a setting could make the formula non-monotone.
        """
        held = self._facts[a].get(b)
        if held is not None and held.weight >= 0:
            return held.cost
        if a == ME or b == ME or self._bare_cost is None:
            return self.cost(a, b)
        key = _pair(a, b)
        shared = self._shared.get(key)
        favors = self._favors.get(key)
        if shared is None and favors is None and key not in self._intros:
            return self._bare_cost
        both = 1 if favors else 0
        weight = self._params.weight(5, 0.0, shared[1] if shared is not None else 0, both, both, 1.0, False)
        return -math.log(max(weight, min(self.settings.colleague_trust, 1.0)))

    def membership_cost(self, member: str, place: str) -> float:
        """−log of :meth:`membership_weight`, a distance for shortest paths."""
        return self.side_costs[self.memberships[member][place]]

    def hop_trust(self, a: str, place: str, b: str) -> float:
        """Trust of the hop a -> b through an organization or group (product of both sides)."""
        return self.membership_weight(a, place) * self.membership_weight(b, place)

    def ranked_members(self, place: str) -> list[str]:
        """Members of an organization or group, strongest tie to me first (cached).

        By declared strength, then the latest contact: the weight's two main parts, without
        paying for every member's mutual contacts (an employer may hold thousands of them).
        """
        ranked = self._ranked.get(place)
        if ranked is None:
            if self._rank_keys is None:
                people, mine, last = self.net.people, self.social[ME], self._last
                never = date.min
                keys = {pid: (-1, never) for pid in people}
                for pid in mine:
                    keys[pid] = (people[pid].strength, last.get(pid, never))
                keys[ME] = (-1, never)
                self._rank_keys = keys
            # Strongest first, most recent first among equals, then in the order met (a stable sort).
            ranked = sorted(self.members.get(place, []), key=self._rank_keys.__getitem__, reverse=True)
            self._ranked[place] = ranked
        return ranked

    def kind_of(self, node: str) -> str:
        if node == ME:
            return "me"
        if node in self.net.people:
            return "person"
        if node in self.net.organizations:
            return "organization"
        if node in self.net.groups:
            return "group"
        return "unknown"

    # -- explanations ----------------------------------------------------------------------

    def why(self, a: str, b: str, via: str | None = None) -> str:
        """Why the hop a -> b (optionally through organization or group ``via``) is trusted."""
        if via is not None:
            return describe_hop(
                self.membership(a, via),
                self.membership(b, via),
                self.net.name_of(via),
                self.kind_of(via),
                self.net.name_of,
            )
        facts = self.facts(a, b)
        if facts is None:
            return "no tie on record"
        circles = self.net.people[b].circles if b in self.net.people else []
        return describe_tie(facts, a, b, self.net.name_of, circles)


# -- rendering ---------------------------------------------------------------------------------


_MY_LABELS = {5: "inner circle", 4: "close contact", 3: "friendly", 2: "acquaintance", 1: "met once", 0: "not met yet"}
_PAIR_LABELS = {5: "very close", 4: "close", 3: "friendly", 2: "acquaintances", 1: "met once", 0: "not met yet"}


def describe_tie(facts: TieFacts, a: str, b: str, name_of: Any, circles: list[str] | None = None) -> str:
    """Render the facts of a social tie for the hop a -> b, most telling fact first.

    ``name_of`` maps an id to a display name (``me`` -> "you").
    """
    mine = ME in (a, b)
    if mine and facts.connected is not None:
        when = f" since {facts.connected.strftime('%B')} {facts.connected.year}" if facts.connected > date.min else ""
        return f"a connection{when} (imported), no contact on record"
    parts = _stated(facts, mine, circles)
    parts += _introduced(facts, mine, name_of)
    said = _evidence_sentence(facts) if mine else None
    if mine:
        parts.extend(_my_contact(facts))
    elif facts.days_since is not None:
        parts.append(f"in touch {ago(facts.days_since)}")
    if said is not None:
        parts.append(said)
    elif facts.interactions >= 2:
        parts.append(f"{facts.interactions} interactions this year")
    parts += _favors(facts, a, b, mine)
    if facts.introduced_me_to:
        shown = [f"{name_of(p)} ({w.strftime('%B')} {w.year})" if w else name_of(p) for p, w in facts.introduced_me_to]
        more = len(shown) - 2
        listed = " and ".join(shown[:2]) + (f" and {more} more" if more > 0 else "")
        parts.append(f"introduced you to {listed}")
    return ", ".join(parts) if parts else "tie on record"


def _stated(facts: TieFacts, mine: bool, circles: list[str] | None) -> list[str]:
    """The tie as written: my label for it ("close friend"), or how well two people know each other."""
    if mine and "tie" in facts.relations:
        label = _MY_LABELS.get(facts.strength, "acquaintance")
        if facts.strength == 4 and circles and any(c.casefold() in ("friends", "friend", "family") for c in circles):
            label = "close friend"
        elif facts.strength == 3:
            label = "friendly contact"
        return [label]
    if not mine and "knows" in facts.relations and not facts.inferred:
        label = _PAIR_LABELS.get(facts.strength, "acquaintances")
        declared = "" if facts.declared is not None else " (strength not given)"
        return [f"know each other, {label}{declared}" + (f", since {facts.since.year}" if facts.since else "")]
    return []


def _introduced(facts: TieFacts, mine: bool, name_of: Any) -> list[str]:
    """Who introduced the two (on record, or inferred from ``introduced_by``)."""
    parts: list[str] = []
    if "introduction" in facts.relations and facts.introduced_by is not None:
        by = "you" if facts.introduced_by == ME else name_of(facts.introduced_by)
        whom = "you" if mine else "them"
        verb = "introduced" if facts.intro_status == "met" else "introduced (not met yet)"
        parts.append(f"{by} {verb} {whom}{month(facts.intro_date)}")
    if facts.inferred:
        parts.append(f"{name_of(facts.a)} introduced you to {name_of(facts.b)}, so they know each other (inferred)")
    return parts


def _favors(facts: TieFacts, a: str, b: str, mine: bool) -> list[str]:
    """Favors between the two: both ways, or (a tie of mine) who helped whom."""
    other = b if a == ME else a
    if facts.favors_from(a) and facts.favors_from(b):
        return ["favors both ways"]
    if mine and facts.favors_from(other):
        what = (facts.favor_what or {}).get(other)
        return [f"helped you {times(facts.favors_from(other))}" + (f" ({clip(what)})" if what else "")]
    if mine and facts.favors_from(ME):
        return [f"you helped them {times(facts.favors_from(ME))}"]
    return []


def _evidence_sentence(facts: TieFacts) -> str | None:
    """``12 emails both ways and 3 meetings this year; last met 21 days ago`` for my tie, when on record."""
    if facts.evidence is None:
        return None
    return facts.evidence.sentence(ago, facts.last_contact)


def _my_contact(facts: TieFacts) -> list[str]:
    """What the files say of my contact with them: never "last talked" without a logged contact."""
    parts = [facts.colleague] if facts.colleague else []
    today_days = facts.days_since
    if facts.logged is not None and today_days is not None:
        days = today_days + (facts.last_contact - facts.logged).days if facts.last_contact else today_days
        parts.append(f"last talked {ago(days)}")
    elif facts.met is not None and today_days is not None:
        days = today_days + (facts.last_contact - facts.met).days if facts.last_contact else today_days
        parts.append(f"met {ago(days)} ({facts.met.year}), nothing logged since")
    elif not facts.colleague:
        parts.append("no contact on record")
    return parts


def _years(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    if start is None:
        return f" until {end.year}" if end else ""
    if end is None:
        return f" since {start.year}"
    return f" in {start.year}" if start.year == end.year else f" {start.year}–{end.year}"


def describe_hop(first: Membership, second: Membership, place_name: str, place_kind: str, name_of: Any) -> str:
    """Render why two people are linked through an organization or group.

    ``worked together at Globex 2019–2023``, ``colleagues at Acme``, ``both members of Lakeside Running Club``.
    ``name_of`` maps an id to a display name (``me`` -> "you").
    """
    if place_kind == "group" or first.kind == "member_of":
        return f"both members of {place_name}"
    if first.kind == "works_at" and second.kind == "works_at":
        return f"colleagues at {place_name}"
    if first.kind == "worked_at" and second.kind == "worked_at":
        (sa, ea), (sb, eb) = first.span(), second.span()
        if sa and sb and ea and eb:
            lo, hi = max(sa, sb), min(ea, eb)
            if lo <= hi:
                return f"worked together at {place_name}{_years(lo, hi)}"
            return f"both worked at {place_name}, at different times ({sa.year}–{ea.year} and {sb.year}–{eb.year})"
        return f"both worked at {place_name}"
    past, now = (first, second) if first.kind == "worked_at" else (second, first)
    start, end = past.span()
    return f"{name_of(past.member)} worked at {place_name}{_years(start, end)}, where {name_of(now.member)} works now"


def why_tie(graph: nx.Graph, a: str, b: str, via: str | None = None) -> str:
    """Why the hop a -> b of a :func:`weighted_graph` is trusted, in a few words.

    Parameters
    ----------
    graph : networkx.Graph
        A graph from :func:`weighted_graph`.
    a, b : str
        The two ends of the hop (``me`` is "you").
    via : str, optional
        The organization or group node the hop goes through (colleagues, co-members).

    Returns
    -------
    str
        E.g. ``close friend, last talked 12 days ago``, ``worked together at Globex 2019–2023``,
        ``Ada introduced you in March 2026``, ``both members of Lakeside Running Club``.

    Notes
    -----
    O(1) per hop (the facts were gathered by :func:`weighted_graph`).
    """

    def name_of(node: str) -> str:
        return "you" if node == ME else str(graph.nodes[node].get("name", node)) if node in graph else node

    if via is not None:
        first, second = graph.edges[a, via]["membership"], graph.edges[b, via]["membership"]
        return describe_hop(first, second, name_of(via), graph.nodes[via].get("kind", ""), name_of)
    data = graph.get_edge_data(a, b)
    if data is None or "facts" not in data:
        return "no tie on record"
    circles = graph.nodes[b].get("circles") or []
    return describe_tie(data["facts"], a, b, name_of, circles)


def weighted_graph(net: Network, today: date | None = None, *, model: TieModel | None = None) -> nx.Graph:
    """The graph of :func:`graphnet.graph.build_graph` with a tie weight on every edge.

    Parameters
    ----------
    net : Network
        A loaded network.
    today : date, optional
        The day weights are computed for (recency, the last year's interactions); default today.
    model : TieModel, optional
        A model already built for ``net`` and ``today`` (reused, not rebuilt).

    Returns
    -------
    networkx.Graph
        Every edge gets ``weight`` in (0, 1] (a similarity: higher is stronger) and
        ``cost`` = −log(weight) (a distance, for shortest paths). Social edges (``tie``,
        ``knows``, ``introduction``) also get ``facts`` (:class:`TieFacts`: strength used,
        days since contact, interactions this year, favors, mutual contacts, overlap);
        membership edges get ``membership`` (:class:`Membership`) and ``trust``.
        ``graph.graph["today"]`` is the day used.

    Notes
    -----
    O(V + E) to build and annotate, plus O(Σ min(k_i, k_j)) over social ties for the
    mutual contacts (linear when degrees are bounded). At 30,000 people and 270,000
    edges this takes a few seconds, mostly in :func:`build_graph`.

    References
    ----------
    Granovetter (1973); Gilbert & Karahalios (2009); Onnela et al. (2007). See ``docs/analyses.md``.
    """
    from .graph import build_graph

    model = model if model is not None else TieModel(net, today)
    with paused_gc(freeze=True):
        return _annotate(build_graph(net, model.today, ties=model.ties), model)


def _annotate(graph: nx.Graph, model: TieModel) -> nx.Graph:
    graph.graph["today"] = model.today
    for a, b, data in graph.edges(data=True):
        facts = model.facts(a, b)
        if facts is not None:
            data["facts"] = facts
            data["weight"] = facts.weight
        else:
            member, place = (a, b) if b in model.members else (b, a)
            if place not in model.memberships.get(member, {}):  # not a relation the model knows: floor weight
                data["weight"] = model.settings.min_tie_weight
            else:
                entry = model.membership(member, place)
                data["membership"] = entry
                data["trust"] = entry.trust(model.settings)
                data["weight"] = model.membership_weight(member, place)
        data["cost"] = -math.log(data["weight"])
    return graph
