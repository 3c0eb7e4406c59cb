"""My weak ties, ranked by what they open up.

A weak tie is a person I know with declared strength 1 to
:attr:`Settings.weak_tie_max_strength` (default 2: "met once", "acquaintance").
The declared strength is my own judgment of the tie, so it decides: a close
friend I have not called lately is still a strong tie (little contact lowers
readiness to ask, not strength: Wiese et al. 2015; such ties are the
``dormant`` reach-outs).

Each weak tie is scored by three things:

- **non-redundant reach**: the people, organizations and groups adjacent to
  them (and, through an organization or group nobody close to me is in, its
  members) that I do not already reach through my strong ties or my own
  groups (Granovetter 1973; Burt 1992);
- **a target**: whether they work or worked at one of my target
  organizations, or know someone who does;
- **mutual contacts**, on an inverted U: in LinkedIn's experiments on 20
  million people, moderately weak ties (by mutual connections) helped job
  mobility most (Rajkumar et al. 2022), so a tie with a few mutual contacts
  beats both a stranger-like tie and a tie deep inside my own circle.

See ``docs/analyses.md`` for the formulas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import require_range
from ..gcpause import paused_gc
from ..model import DEFAULT_TOP, STRENGTH_LABELS, TOP_RANGE, Network
from ..text import joined, month
from .activity import connections
from .communities import ClusterNamer, Structure, structure
from .reach import Opens, Reach, names_of
from .ties import Ties, as_of

__all__ = ["WeakTie", "WeakTiesResult", "mutual_curve", "weak_ties"]


@dataclass(slots=True)
class WeakTie:
    """One weak tie (or, with ``include_unmet``, someone not met yet) and what it opens."""

    id: str
    name: str
    score: float
    strength: int
    mutual: int
    novel_reach: int
    opens: Opens
    targets: list[str]
    why: str
    action: str
    met: bool = True
    #: Other weak ties that open the same organization, group or people (ids, best first):
    #: one entry per thing opened, not one per colleague.
    also: list[str] = field(default_factory=list)

    def to_dict(self, net: Network) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 4),
            "strength": self.strength,
            "met": self.met,
            "mutual": self.mutual,
            "novel_reach": self.novel_reach,
            "why": self.why,
            "action": self.action,
            "opens": self.opens.names(net),
            "reach": self.opens.to_dict(),
            "targets": self.targets,
            "also": list(self.also),
        }


@dataclass(slots=True)
class WeakTiesResult:
    """What :func:`weak_ties` returns; ``to_dict()`` is the ``--json`` output."""

    weak_ties: list[WeakTie]
    weak: int
    strong: int
    net: Network
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "weak_ties": [t.to_dict(self.net) for t in self.weak_ties],
            "weak": self.weak,
            "strong": self.strong,
        }


def mutual_curve(mutual: int, peak: float) -> float:
    """The inverted U in the number of mutual contacts: 1 at ``peak``, lower on both sides.

    ``u(m) = x · e^(1 − x)`` with ``x = (1 + m) / (1 + peak)``; with peak 3:
    u(0) = 0.53, u(1) = 0.82, u(3) = 1, u(6) = 0.86, u(10) = 0.48, u(20) = 0.07.
    """
    x = (1.0 + max(mutual, 0)) / (1.0 + max(peak, 0.0))
    return x * math.exp(1.0 - x)


def weak_ties(
    net: Network,
    *,
    today: date | None = None,
    top: int = DEFAULT_TOP,
    include_unmet: bool = False,
    ties: Ties | None = None,
) -> WeakTiesResult:
    """My weak ties, ranked by the non-redundant reach, targets and mutual contacts they bring.

    Parameters
    ----------
    net : Network
        The loaded network. Tuning from its ``me:`` settings:
        ``weak_tie_max_strength``, ``weak_tie_mutual_peak``, ``weak_tie_target_bonus``.
    today : date, optional
        The day of the answer (default: today): records dated after it do not
        count yet (:func:`graphnet.analyses.ties.as_of`).
    top : int
        How many weak ties to return.
    include_unmet : bool
        Also rank the people I have not met yet (strength 0), flagged ``met``
        false, with the contact to meet them through.
    ties : Ties, optional
        The ties of ``net`` as of ``today`` when already derived (e.g. by a tie model), reused.

    Returns
    -------
    WeakTiesResult
        ``weak_ties`` best first; a weak tie that opens nothing new and reaches
        no target is left out. Each has an ``action`` and what it ``opens``
        (clusters, organizations, up to five people).

    Raises
    ------
    GraphnetError
        When ``top`` is outside ``TOP_RANGE`` (1 to 1000).

    Notes
    -----
    Let S be my strong ties and my own groups, and K ("already reached") be
    S, their neighbours, and the members of every organization or group in
    there. For a weak tie t, novel(t) is t's neighbours outside K plus the
    members (outside K) of t's organizations and groups outside K. Then::

        value(t) = log2(1 + |novel(t)|) + target_bonus · [t reaches a target]
        score(t) = value(t) · u(mutual(t))

    with u the inverted U of :func:`mutual_curve` and mutual(t) the number of
    my contacts t knows. O(P + E + Σ_t deg(t)) plus one set union per novel
    organization or group of each weak tie; well under a second at 30,000
    people.

    References
    ----------
    .. [1] M. S. Granovetter, "The strength of weak ties", AJS 78(6):1360-1380 (1973).
    .. [2] K. Rajkumar, G. Saint-Jacques, I. Bojinov, E. Brynjolfsson, S. Aral,
       "A causal test of the strength of weak ties", Science 377(6612):1304-1310 (2022).
    .. [3] R. S. Burt, Structural Holes, Harvard University Press (1992).
    .. [4] J.-P. Onnela et al., "Structure and tie strengths in mobile
       communication networks", PNAS 104(18):7332-7336 (2007).
    .. [5] J. Wiese, J.-K. Min, J. I. Hong, J. Zimmerman, "'You never call, you
       never write': call and SMS logs do not always indicate tie strength",
       CSCW 2015.
    """
    require_range("top", top, *TOP_RANGE)
    with paused_gc():
        return _weak_ties(net, today if today is not None else date.today(), top, include_unmet, ties)


def _weak_ties(net: Network, today: date, top: int, include_unmet: bool, ties: Ties | None) -> WeakTiesResult:
    from .warm_paths import asked_introductions

    net = as_of(net, today)
    s = structure(net, today=today, ties=ties)
    limit = net.me.settings.weak_tie_max_strength
    weak = [s.index[p] for p, person in net.people.items() if 1 <= person.strength <= limit]
    unmet = [s.index[p] for p, person in net.people.items() if person.strength == 0] if include_unmet else []
    declined, requested = asked_introductions(net, today)
    reach = Reach(net, s, declined, requested, today)
    found = _scored(net, s, reach, [*weak, *unmet])
    # Best first; among equals a relationship before a connection, then the stronger tie.
    imported_only = connections(net, today)
    found.sort(
        key=lambda f: (-f[0], -f[1], s.ids[f[3]] in imported_only, -net.people[s.ids[f[3]]].strength, s.ids[f[3]])
    )
    return WeakTiesResult(_listed(net, s, reach, found, top), len(weak), len(reach.strong), net)


#: A scored candidate: (score, novel reach, mutual contacts, node, the novel nodes, the targets reached).
_Scored = tuple[float, int, int, int, set[int], list[str]]


def _scored(net: Network, s: Structure, reach: Reach, candidates: list[int]) -> list[_Scored]:
    """The candidates whose score is above 0 (they open something or reach a target), unsorted."""
    settings = net.me.settings
    kinds, adj = s.kinds, s.adj
    contacts = {i for i in s.mine if kinds[i] == "person"}
    # Each target organization -> the people who work or worked there.
    targets = {s.index[o]: set(adj[s.index[o]]) for o in net.me.targets if o in s.index}
    found: list[_Scored] = []
    for t in candidates:
        novel = reach.novel(t)
        mutual = len(contacts.intersection(adj[t]))  # neighbours are listed once each
        reached = _targets(net, s, t, targets, reach.refused(t))
        value = math.log2(1 + len(novel)) + (settings.weak_tie_target_bonus if reached else 0.0)
        score = value * mutual_curve(mutual, settings.weak_tie_mutual_peak)
        if score > 0:
            found.append((score, len(novel), mutual, t, novel, reached))
    return found


def _listed(net: Network, s: Structure, reach: Reach, found: list[_Scored], top: int) -> list[WeakTie]:
    """The ``top`` best of ``found`` (sorted), one per thing opened: the others are the listed one's ``also``."""
    namer = ClusterNamer(net)
    result: list[WeakTie] = []
    by_opening: dict[Any, WeakTie | None] = {}
    for score, size, mutual, t, novel, reached in found:
        pid = s.ids[t]
        opening = _opening(s, t, novel, reached)
        if opening in by_opening:  # opened already by a better weak tie (listed, or beyond ``top``: None)
            first = by_opening[opening]
            if first is not None:
                first.also.append(pid)
            continue
        if len(result) >= top:
            by_opening[opening] = None
            continue
        opens = reach.opens(novel, [])
        opens.clusters = names_of(namer, s, novel)
        person = net.people[pid]
        entry = WeakTie(
            id=pid,
            name=person.name,
            score=score,
            strength=person.strength,
            mutual=mutual,
            novel_reach=size,
            opens=opens,
            targets=[r.split("\t")[0] for r in reached],
            why=_why(net, reach, t, opens, reached, mutual, net.me.settings),
            action=_action(net, reach, t, opens, reached),
            met=person.strength >= 1,
        )
        by_opening[opening] = entry
        result.append(entry)
    return result


def _opening(s: Any, t: int, novel: set[int], reached: list[str]) -> Any:
    """What weak tie ``t`` opens, as a key: the largest organization, else group, it opens; else the people.

    The organizations and groups ``t`` opens are among its own neighbours (their members are people),
    so the key costs O(deg(t)), not O(|novel|).
    """
    for kind in ("organization", "group"):
        places = [x for x in s.adj[t] if s.kinds[x] == kind and x in novel]
        if places:
            return (kind, min(places, key=lambda x: (-len(s.adj[x]), s.ids[x])))
    if novel:
        return ("people", frozenset(novel))
    return ("targets", tuple(sorted(r.split("\t")[0] for r in reached)))


def _targets(net: Network, s: Any, t: int, targets: dict[int, set[int]], refused: set[int]) -> list[str]:
    """Targets ``t`` reaches: "org-id\thow" for each (there themselves, or through someone they know).

    Someone ``t`` declined to introduce me to is no way in.
    """
    reached: list[str] = []
    for target, insiders in targets.items():
        if t in insiders:
            reached.append(f"{s.ids[target]}\t")
            continue
        inside = [x for x in s.adj[t] if x in insiders and x not in refused]
        if inside:
            # Someone there now before someone who was there before.
            via = min(inside, key=lambda x: (net.people[s.ids[x]].org != s.ids[target], s.ids[x]))
            reached.append(f"{s.ids[target]}\t{s.ids[via]}")
    return reached


def _why(
    net: Network,
    reach: Reach,
    t: int,
    opens: Opens,
    reached: list[str],
    mutual: int,
    settings: Any,
) -> str:
    pid = reach.s.ids[t]
    strength = net.people[pid].strength
    parts: list[str] = [
        reach.meet_through(t) if strength < 1 else STRENGTH_LABELS.get(strength, f"strength {strength}")
    ]
    if opens.people_count or opens.organizations or opens.groups:
        count = opens.people_count
        text = f"opens {count} {'person' if count == 1 else 'people'} your close ties don't reach"
        if opens.clusters:
            text += f" ({' and '.join(opens.clusters)})"
        if opens.people:
            text += ": " + joined([net.name_of(p) for p in opens.people])
            if count > len(opens.people):
                text += f" and {count - len(opens.people)} more"
        orgs = opens.organizations
        if orgs:
            names = ", ".join(net.name_of(o) for o in orgs[:2]) + (f" +{len(orgs) - 2}" if len(orgs) > 2 else "")
            text += f"; {len(orgs)} organization{'s' if len(orgs) > 1 else ''} ({names})"
        if opens.groups:
            groups = opens.groups
            names = ", ".join(net.name_of(g) for g in groups[:2]) + (f" +{len(groups) - 2}" if len(groups) > 2 else "")
            text += f"; {len(groups)} group{'s' if len(groups) > 1 else ''} ({names})"
        parts.append(text)
    for entry in reached:
        target, via = entry.split("\t")
        if via:
            parts.append(f"knows {net.name_of(via)} at {net.name_of(target)} (a target)")
        else:
            now = net.people[pid].org == target
            parts.append(f"{'works' if now else 'worked'} at {net.name_of(target)} (a target)")
    for refused in sorted(reach.refused(t)):
        who = reach.s.ids[refused]
        intro = reach.declined[(pid, who)]
        parts.append(f"declined to introduce you to {net.name_of(who)}{month(intro.date)}, so that counts for nothing")
    peak = settings.weak_tie_mutual_peak
    if mutual == 0:
        parts.append("no mutual contacts: a distant tie, harder to ask")
    elif mutual > 3 * max(peak, 1.0):
        parts.append(f"{mutual} mutual contacts: deep in your own circle, so less new to tell you")
    else:
        parts.append(f"{mutual} mutual contact{'s' if mutual > 1 else ''}: moderately weak, the kind that helps most")
    return "; ".join(parts)


def _action(net: Network, reach: Reach, t: int, opens: Opens, reached: list[str]) -> str:
    """What to do with this tie, and whom to ask."""
    pid = reach.s.ids[t]
    name = net.name_of(pid)
    if net.people[pid].strength < 1:
        via = reach.introducer(t)
        if via is None:
            return f"Find a way to meet {name}: none of your contacts knows them"
        return reach.ask_to_meet(via, pid)
    for entry in reached:
        target, via = entry.split("\t")
        if via:
            return reach.ask_to_meet(pid, via)
        return f"Ask {name} about {net.name_of(target)}: whom to talk to there"
    if opens.people:
        first = opens.people[0]
        where = f" ({opens.clusters[0]})" if opens.clusters else ""
        return f"Catch up with {name} and ask to meet {net.name_of(first)}{where}"
    if opens.organizations:
        return f"Catch up with {name} and ask about {net.name_of(opens.organizations[0])}"
    return f"Catch up with {name}"
