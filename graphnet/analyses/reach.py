"""What my close ties already reach, what one person opens beyond it, and how to act on it.

One rule, shared by ``weak-ties`` and ``bridges``: K ("already reached") is my
close ties (declared strength above :attr:`Settings.weak_tie_max_strength`) and
my own groups, everything adjacent to them, and every member of the
organizations and groups among those. A person t *opens* their neighbours
outside K and the members outside K of their organizations and groups outside
K (Granovetter 1973; Burt 1992), except the people t declined to introduce me
to: a declined introduction opens nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model import ME, STRENGTH_LABELS, Introduction, Network
from .communities import ClusterNamer, Structure
from .goals import role_match

__all__ = ["Opens", "Reach"]

#: At most this many people are named in what an item opens.
NAMED_PEOPLE = 5


@dataclass(slots=True)
class Opens:
    """What one person opens beyond my close ties: clusters, organizations and people."""

    #: Names of the clusters (or of what the people opened share).
    clusters: list[str] = field(default_factory=list)
    #: Organization ids, biggest first.
    organizations: list[str] = field(default_factory=list)
    #: Up to :data:`NAMED_PEOPLE` person ids, most useful first (at a target, matching what I look for).
    people: list[str] = field(default_factory=list)
    #: How many people it opens in all.
    people_count: int = 0
    #: Group ids, biggest first.
    groups: list[str] = field(default_factory=list)

    def names(self, net: Network) -> list[str]:
        """The ``"opens"`` list of the JSON answers: clusters, then organizations, then people, by name."""
        return [*self.clusters, *(net.name_of(o) for o in self.organizations), *(net.name_of(p) for p in self.people)]

    def text(self, net: Network) -> str:
        """``"opens people at Globex; Globex, Initech; Xia, Yul and 3 more"`` (empty when it opens nothing)."""
        parts: list[str] = []
        if self.clusters:
            parts.append(" and ".join(self.clusters))
        if self.organizations:
            shown = [net.name_of(o) for o in self.organizations[:3]]
            more = len(self.organizations) - len(shown)
            parts.append(", ".join(shown) + (f" and {more} more organizations" if more else ""))
        if self.people:
            shown = [net.name_of(p) for p in self.people]
            more = self.people_count - len(shown)
            parts.append(", ".join(shown) + (f" and {more} more" if more else ""))
        return "opens " + "; ".join(parts) if parts else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "clusters": list(self.clusters),
            "organizations": list(self.organizations),
            "groups": list(self.groups),
            "people": list(self.people),
            "people_count": self.people_count,
        }


class Reach:
    """K, what my close ties and my groups reach, on a :class:`Structure` of my network without me.

    Parameters
    ----------
    net : Network
        The loaded network.
    s : Structure
        Its structure (as of the answer's day).
    declined : dict
        ``(introducer, person) -> Introduction`` of the introductions of me that were declined
        (:func:`graphnet.analyses.warm_paths.asked_introductions`).
    requested : dict, optional
        The same for the introductions of me asked for and still pending: an action never
        asks twice, it follows up (after ``intro_follow_up_days``).
    today : date, optional
        The day of the answer (for the follow-up grace days).
    """

    def __init__(
        self,
        net: Network,
        s: Structure,
        declined: dict[tuple[str, str], Introduction],
        requested: dict[tuple[str, str], Introduction] | None = None,
        today: date | None = None,
    ) -> None:
        self.net, self.s, self.declined = net, s, declined
        self.today = today if today is not None else date.today()
        self.requested = requested or {}
        #: Introducer index -> the indices of the people they declined to introduce me to.
        self._refused: dict[int, set[int]] = {}
        for by, person in declined:
            if by in s.index and person in s.index:
                self._refused.setdefault(s.index[by], set()).add(s.index[person])
        kinds, adj = s.kinds, s.adj
        limit = net.me.settings.weak_tie_max_strength
        self.strong = [s.index[p] for p, person in net.people.items() if person.strength > limit]
        self.my_groups = [i for i in s.mine if kinds[i] == "group"]
        known: set[int] = set(self.strong)
        known.update(self.my_groups)
        for x in [*self.strong, *self.my_groups]:
            known.update(adj[x])
        for a in [x for x in known if kinds[x] != "person"]:
            known.update(adj[a])
        self.known = known
        self._members: dict[int, set[int]] = {}
        #: How many sources (close ties, my groups) put each node in the first layer of K, and how
        #: many organizations or groups of that layer put it in the second; built on first use.
        self._counts: tuple[Counter[int], Counter[int]] | None = None

    def known_without(self, v: int) -> set[int]:
        """K as if ``v`` were not one of my close ties: what my *other* close ties and groups reach.

        A broker who is a close tie of mine opens what only they bring; with them in K they would
        open nothing by definition. O(deg v + members of the places only v brings).
        """
        s = self.s
        if v not in self.strong:
            return self.known
        if self._counts is None:
            first: Counter[int] = Counter()
            for x in [*self.strong, *self.my_groups]:
                first[x] += 1
                first.update(s.adj[x])
            second: Counter[int] = Counter()
            for a in first:
                if s.kinds[a] != "person":
                    second.update(s.adj[a])
            self._counts = (first, second)
        first, second = self._counts
        own = {v, *s.adj[v]}
        dropped = {n for n in own if first[n] == 1}
        lost: Counter[int] = Counter()
        for a in dropped:
            if s.kinds[a] != "person":
                lost.update(s.adj[a])
        known = set(self.known)
        for n in dropped | set(lost):
            in_first = first[n] > 0 and n not in dropped
            if not in_first and second[n] - lost[n] <= 0:
                known.discard(n)
        return known

    def refused(self, t: int) -> set[int]:
        """The people ``t`` declined to introduce me to (as structure indices)."""
        return self._refused.get(t, set())

    def novel(self, t: int, known: set[int] | None = None) -> set[int]:
        """What ``t`` opens: neighbours outside K, members outside K of its organizations and groups outside K.

        ``known`` replaces K (see :meth:`known_without`).
        """
        s = self.s
        shared = known is None or known is self.known
        known = self.known if known is None else known
        novel: set[int] = set()
        for x in s.adj[t]:
            if x in known:
                continue
            novel.add(x)
            if s.kinds[x] != "person":
                members = self._members.get(x) if shared else None
                if members is None:
                    members = {y for y in s.adj[x] if y not in known}
                    if shared:
                        self._members[x] = members
                novel |= members
        novel.discard(t)
        return novel - self._refused[t] if t in self._refused else novel

    def opens(self, novel: set[int], clusters: list[str]) -> Opens:
        """Name what ``novel`` holds: the given cluster names, its organizations and up to five people."""
        s, net = self.s, self.net
        people = [s.ids[x] for x in novel if s.kinds[x] == "person"]
        orgs = sorted(
            (s.ids[x] for x in novel if s.kinds[x] == "organization"), key=lambda o: (-len(s.adj[s.index[o]]), o)
        )
        groups = sorted((s.ids[x] for x in novel if s.kinds[x] == "group"), key=lambda g: (-len(s.adj[s.index[g]]), g))
        targets, looking_for = set(net.me.targets), net.me.looking_for

        def usefulness(pid: str) -> tuple[bool, bool, bool, str, str]:
            person = net.people[pid]
            at_target = person.org in targets
            # At a target, then in a role I look for, then someone I have not met yet.
            return (not at_target, role_match(person, looking_for) is None, person.strength >= 1, person.name, pid)

        named = sorted(people, key=usefulness)[:NAMED_PEOPLE]
        return Opens(clusters, orgs, named, len(people), groups)

    def introducer(self, t: int) -> str | None:
        """My contact to meet ``t`` through: the strongest tie of mine who knows them and did not decline."""
        s, net = self.s, self.net
        pid = s.ids[t]
        mine = [
            s.ids[x]
            for x in s.adj[t]
            if s.kinds[x] == "person" and net.people[s.ids[x]].strength >= 1 and (s.ids[x], pid) not in self.declined
        ]
        return min(mine, key=lambda p: (-net.people[p].strength, net.people[p].name, p)) if mine else None

    def ask_to_meet(self, asker: str, person: str) -> str:
        """``"Ask Ada to introduce you to Vic (VP Product at Acme)"``, or a follow-up when already asked."""
        net = self.net
        pending = self.requested.get((asker, person))
        if pending is not None:
            from .asks import follow_up_with

            on = f" on {pending.date.isoformat()}" if pending.date else ""
            advice = follow_up_with(pending, self.today, net.me.settings, net.name_of(asker))
            return f"{advice[:1].upper()}{advice[1:]} about the introduction to {net.name_of(person)} you asked for{on}"
        record = net.people[person]
        org = net.name_of(record.org) if record.org else ""
        who = f"{record.role} at {org}" if record.role and org else record.role or (f"at {org}" if org else "")
        verb = "reconnect you with" if record.strength >= 1 else "introduce you to"
        return f"Ask {net.name_of(asker)} to {verb} {record.name}" + (f" ({who})" if who else "")

    def meet_through(self, t: int) -> str:
        """``"not met yet: meet them through Ada (close)"`` for someone I have not met."""
        via = self.introducer(t)
        if via is None:
            return "not met yet: none of your contacts knows them; meet them at something you share (an event, a group)"
        label = STRENGTH_LABELS.get(self.net.people[via].strength, "")
        return f"not met yet: meet them through {self.net.name_of(via)} ({label})"


def is_met(net: Network, pid: str) -> bool:
    """Someone I have met: declared strength 1 or more (``me`` never counts)."""
    return pid != ME and pid in net.people and net.people[pid].strength >= 1


def names_of(namer: ClusterNamer, s: Structure, novel: set[int]) -> list[str]:
    """What the people in ``novel`` share, as a one-item list (empty when they share nothing)."""
    people = [s.ids[x] for x in novel if s.kinds[x] == "person"]
    if len(people) < 3:
        return []
    shared = namer.name(people, fallback=False)
    return [shared] if shared else []
