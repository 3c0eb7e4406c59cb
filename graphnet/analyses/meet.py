"""Whom to meet next: people two hops away who would widen my network toward my goals.

A candidate is a person I have no tie with (not met yet, strength 0, and no
introduction of us made) whom one of my contacts knows: exactly the people two
hops from me on the social ties (my ties, ``knows``, introductions). Each is
scored by four documented parts, mixed linearly like a tie weight:

- **link prediction** (Zhou, Lü & Zhang 2009): NetworkX's
  ``resource_allocation_index`` of me and the candidate, on the two-hop pairs
  only (never on all pairs: 450 million at 30,000 people), scaled so that the
  best candidate has 1; ``adamic_adar_index`` breaks ties;
- **mutual contacts on an inverted U** (Rajkumar et al. 2022): moderately weak
  ties, by the number of mutual connections, helped job mobility most;
- **my goals**: at one of my targets (1 now, ``past_insider_trust`` formerly),
  or a role or department matching ``me: looking_for`` (1);
- **a new cluster**: the candidate's cluster (Louvain, my network without me)
  holds none of my close ties and none of my groups.

Each suggestion names whom to ask: the mutual contact with the best two-hop
chance (my tie's weight times theirs), leaving out anyone who declined to
introduce me to that person. See ``docs/analyses.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import require_range
from ..gcpause import paused_gc
from ..model import DEFAULT_TOP, ME, STRENGTH_LABELS, TOP_RANGE, Introduction, Network, Person
from ..text import clip, month
from .communities import ClusterNamer, cluster_labels, structure
from .goals import role_match, target_fit
from .strength import TieModel
from .ties import as_of
from .weak_ties import mutual_curve

__all__ = ["MeetResult", "Suggestion", "meet"]


@dataclass(slots=True)
class Suggestion:
    """One person to meet, whom to ask, and why."""

    id: str
    name: str
    score: float
    mutual: list[str]
    ask: str | None
    why: str
    #: The parts of the score, each in [0, 1] (for ``--verbose``-style reading in Python).
    parts: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 4),
            "mutual": list(self.mutual),
            "ask": self.ask,
            "why": self.why,
        }


@dataclass(slots=True)
class MeetResult:
    """What :func:`meet` returns; ``to_dict()`` is the ``--json`` output."""

    suggestions: list[Suggestion]
    #: How many people are two hops away (the candidates scored).
    candidates: int
    today: date

    def to_dict(self) -> dict[str, Any]:
        return {"suggestions": [s.to_dict() for s in self.suggestions]}


@dataclass(slots=True)
class _Candidate:
    id: str
    mutual: list[str]
    ra: float = 0.0
    aa: float = 0.0
    parts: dict[str, float] = field(default_factory=dict)
    score: float = 0.0


def meet(net: Network, *, today: date | None = None, top: int = DEFAULT_TOP) -> MeetResult:
    """People two hops away worth meeting next, best first, each with whom to ask.

    Parameters
    ----------
    net : Network
        The loaded network. Tuning from its ``me:`` settings: ``meet_weight_link``,
        ``meet_weight_mutual``, ``meet_weight_goal``, ``meet_weight_new_cluster``,
        ``weak_tie_mutual_peak``, ``past_insider_trust``, ``weak_tie_max_strength``.
    today : date, optional
        The day of the answer (default: today).
    top : int
        How many suggestions to return.

    Returns
    -------
    MeetResult
        ``suggestions`` sorted by score (ties: Adamic-Adar index, then id).

    Raises
    ------
    GraphnetError
        When ``top`` is outside ``TOP_RANGE`` (1 to 1000).

    Notes
    -----
    With L = RA / max RA (resource allocation index of me and the candidate,
    Zhou et al. 2009), U = the inverted U of :func:`~graphnet.analyses.weak_ties.mutual_curve`
    on the number of mutual contacts, G = the goal match and C = 1 when the
    candidate's cluster is new to me::

        score = (a_L·L + a_U·U + a_G·G + a_C·C) / (a_L + a_U + a_G + a_C)

    a value in [0, 1]. O(Σ_{m mine} deg(m)) to find the candidates, O(Σ_c
    min deg) for the two NetworkX indices on the two-hop pairs, plus the tie
    model and one Louvain clustering (which dominate: about 2 s at 30,000
    people).

    References
    ----------
    .. [1] T. Zhou, L. Lü, Y.-C. Zhang, "Predicting missing links via local
       information", Eur. Phys. J. B 71:623-630 (2009).
    .. [2] K. Rajkumar, G. Saint-Jacques, I. Bojinov, E. Brynjolfsson, S. Aral,
       "A causal test of the strength of weak ties", Science 377(6612):1304-1310 (2022).
    .. [3] L. A. Adamic, E. Adar, "Friends and neighbors on the Web", Social
       Networks 25(3):211-230 (2003).
    """
    require_range("top", top, *TOP_RANGE)
    today = today if today is not None else date.today()
    net = as_of(net, today)
    with paused_gc():
        model = TieModel(net, today)
        found = _two_hops(model)
        if not found:
            return MeetResult([], 0, today)
        _link_prediction(model, found)
        new_clusters = _unreached(net, today, [c.id for c in found])
        _score(net, found, new_clusters)
        found.sort(key=lambda c: (-c.score, -c.aa, c.id))
        from .warm_paths import asked_introductions

        declined, requested = asked_introductions(net, today)
        namer = ClusterNamer(net)
        suggestions = [_suggest(model, c, new_clusters.get(c.id), declined, requested, namer) for c in found[:top]]
        return MeetResult(suggestions, len(found), today)


def _two_hops(model: TieModel) -> list[_Candidate]:
    """People two hops from me on the social ties, each with the contacts of mine who know them."""
    social = model.social
    mine = social[ME]
    people = model.net.people
    mutual: dict[str, list[str]] = {}
    for contact in mine:
        for other in social[contact]:
            if other != ME and other not in mine and other in people:
                mutual.setdefault(other, []).append(contact)
    return [_Candidate(pid, sorted(found)) for pid, found in sorted(mutual.items())]


def _link_prediction(model: TieModel, found: list[_Candidate]) -> None:
    """Resource allocation and Adamic-Adar indices of (me, candidate), on those pairs only.

    The graph holds the social ties of the mutual contacts only (a third of all ties at 30,000
    people), which is all both indices read: Γ(me) ∩ Γ(c) and the degree of each node in it.
    """
    import networkx as nx

    # Only the ties of the mutual contacts: every common neighbour of me and a candidate is one of
    # them, and all their ties are kept, so each one's degree, and both indices, are exact.
    social = model.social
    mutual = {m for c in found for m in c.mutual}
    graph = nx.Graph()
    graph.add_edges_from((m, other) for m in mutual for other in social[m])
    pairs = [(ME, c.id) for c in found]
    by_id = {c.id: c for c in found}
    for _, pid, value in nx.resource_allocation_index(graph, pairs):
        by_id[pid].ra = value
    for _, pid, value in nx.adamic_adar_index(graph, pairs):
        by_id[pid].aa = value


def _unreached(net: Network, today: date, candidates: list[str]) -> dict[str, list[str]]:
    """Candidates in a cluster none of my close ties nor my groups is in: id -> that cluster's members."""
    settings = net.me.settings
    s = structure(net, today=today)
    labels = cluster_labels(s, seed=settings.seed, louvain_max_nodes=settings.louvain_max_nodes)
    limit = settings.weak_tie_max_strength
    reached = {labels[i] for i in s.mine if s.kinds[i] == "group"}
    reached.update(labels[s.index[p.id]] for p in net.people.values() if p.strength > limit)
    wanted = {labels[s.index[c]] for c in candidates if labels[s.index[c]] not in reached}
    members: dict[int, list[str]] = {c: [] for c in wanted}
    for i, label in enumerate(labels):
        if label in members:
            members[label].append(s.ids[i])
    return {c: members[labels[s.index[c]]] for c in candidates if labels[s.index[c]] in members}


def _score(net: Network, found: list[_Candidate], new_clusters: dict[str, list[str]]) -> None:
    settings = net.me.settings
    shares = (
        max(settings.meet_weight_link, 0.0),
        max(settings.meet_weight_mutual, 0.0),
        max(settings.meet_weight_goal, 0.0),
        max(settings.meet_weight_new_cluster, 0.0),
    )
    total = sum(shares) or 1.0
    best = max(c.ra for c in found) or 1.0
    looking_for = net.me.looking_for
    for c in found:
        person = net.people[c.id]
        fit, _ = target_fit(net, person, settings.past_insider_trust)
        goal = max(fit, 1.0 if role_match(person, looking_for) else 0.0)
        c.parts = {
            "link": c.ra / best,
            "mutual": mutual_curve(len(c.mutual), settings.weak_tie_mutual_peak),
            "goal": goal,
            "new_cluster": 1.0 if c.id in new_clusters else 0.0,
        }
        c.score = sum(share * value for share, value in zip(shares, c.parts.values(), strict=True)) / total


def _suggest(
    model: TieModel,
    c: _Candidate,
    cluster: list[str] | None,
    declined: dict[tuple[str, str], Introduction],
    requested: dict[tuple[str, str], Introduction],
    namer: ClusterNamer,
) -> Suggestion:
    net = model.net
    person = net.people[c.id]
    # Whom to ask: the best two-hop chance, never someone who declined to introduce me to them.
    ranked = sorted(c.mutual, key=lambda m: (-model.weight(ME, m) * model.weight(m, c.id), m))
    open_ = [m for m in ranked if (m, c.id) not in declined]
    ask = open_[0] if open_ else None
    parts = [_who(net, person)]
    _, target = target_fit(net, person, net.me.settings.past_insider_trust)
    if target is not None and target == person.org:
        parts[0] += " (a target)"
    elif target is not None:
        parts.append(f"worked at {net.name_of(target)} (a target)")
    match = role_match(person, net.me.looking_for)
    if match is not None:
        parts.append(match.why)
    names = ", ".join(net.name_of(m) for m in ranked[:3]) + (f" +{len(ranked) - 3}" if len(ranked) > 3 else "")
    count = len(ranked)
    parts.append(f"{count} mutual contact{'' if count == 1 else 's'} ({names})")
    if cluster is not None:
        parts.append(f"in {namer.name(cluster)}, a part of your network your close ties don't reach")
    for m in ranked:
        if (m, c.id) in declined:
            parts.append(f"{net.name_of(m)} declined to introduce you{month(declined[(m, c.id)].date)}")
    parts.append(_ask_text(model, ask, c.id, requested))
    return Suggestion(c.id, person.name, c.score, ranked, ask, "; ".join(parts), dict(c.parts))


def _who(net: Network, person: Person) -> str:
    org = net.name_of(person.org) if person.org else None
    if person.role and org:
        return f"{person.role} at {org}"
    if person.role or org:
        return person.role or f"at {org}"
    return STRENGTH_LABELS[0]


def _ask_text(model: TieModel, ask: str | None, pid: str, requested: dict[tuple[str, str], Introduction]) -> str:
    net = model.net
    if ask is None:
        return "every mutual contact declined to introduce you: find another way (an event, a group)"
    pending = requested.get((ask, pid))
    if pending is not None:
        from .asks import follow_up_with

        when = f" on {pending.date.isoformat()}" if pending.date else ""
        advice = follow_up_with(pending, model.today, net.me.settings, net.name_of(ask))
        return f"you already asked {net.name_of(ask)}{when}; still pending: {advice} rather than asking again"
    mine = STRENGTH_LABELS.get(net.people[ask].strength, "")
    text = f"ask {net.name_of(ask)} (your tie: {mine}) to introduce you"
    facts = model.facts(ask, pid)
    if facts is not None and facts.note:
        text += f": they know each other ({clip(facts.note)})"
    return text
