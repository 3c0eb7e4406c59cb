"""A summary of a network, and warnings about isolation.

Networking advice is unanimous that isolation is the enemy: a network that has
gone quiet, or that lives inside one employer, stops bringing news. ``summary``
counts what is there and says when either is the case.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..model import ME, Network
from .activity import connections, last_contacts
from .ties import as_of

__all__ = ["WORK_CIRCLES", "Summary", "summary"]

#: Circles that count as "work"; every other circle (family, friends, community, …) is outside work.
WORK_CIRCLES = frozenset({"work", "colleagues", "former-colleagues", "industry", "clients", "customers", "vendors"})


@dataclass
class Summary:
    people: int
    organizations: int
    organizations_declared: int
    groups: int
    ties: int
    knows_ties: int
    introductions: int
    interactions: int
    favors: int
    active: dict[int, int]
    outside_work: int
    with_circles: int
    my_groups: int
    favors_given: int
    favors_received: int
    largest_org: tuple[str, int] | None
    warnings: list[str] = field(default_factory=list)
    #: My ties that are connections (an import and nothing else), not relationships.
    connections: int = 0

    @property
    def outside_work_share(self) -> float:
        return self.outside_work / self.with_circles if self.with_circles else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "people": self.people,
            "organizations": self.organizations,
            "organizations_declared": self.organizations_declared,
            "groups": self.groups,
            "ties": self.ties,
            "connections": self.connections,
            "knows_ties": self.knows_ties,
            "introductions": self.introductions,
            "interactions": self.interactions,
            "favors": self.favors,
            "active_ties": {str(days): n for days, n in self.active.items()},
            "outside_work_share": round(self.outside_work_share, 3),
            "my_groups": self.my_groups,
            "favors_given": self.favors_given,
            "favors_received": self.favors_received,
            "largest_org": ({"id": self.largest_org[0], "people": self.largest_org[1]} if self.largest_org else None),
            "warnings": list(self.warnings),
        }


def summary(net: Network, today: date) -> Summary:
    """Counts, activity and isolation warnings for ``net`` as of ``today``.

    Notes
    -----
    O(P + K + E) for people, ``knows`` entries and events. A person is "outside
    work" when they have circles and none of them is in :data:`WORK_CIRCLES`.
    """
    net = as_of(net, today)
    latest = last_contacts(net, today)
    ties = [p for p in net.people.values() if p.strength >= 1]
    pairs = {frozenset((p.id, t.other)) for p in net.people.values() for t in p.knows if t.other in net.people}
    active = {
        days: sum(1 for p in ties if p.id in latest and (today - latest[p.id]).days <= days) for days in (30, 90, 365)
    }
    with_circles = [p for p in net.people.values() if p.circles]
    outside = [p for p in with_circles if not WORK_CIRCLES.intersection(c.casefold() for c in p.circles)]
    imported_only = connections(net, today)
    # Where my relationships are (thousands of LinkedIn connections at one employer say little).
    orgs = Counter(p.org for p in ties if p.org and p.id not in imported_only)
    largest = orgs.most_common(1)[0] if orgs else None
    given = sum(1 for f in net.favors if f.from_ == ME)
    received = sum(1 for f in net.favors if f.to == ME)
    my_groups = sum(1 for g in net.groups.values() if ME in g.members)
    result = Summary(
        people=len(net.people),
        organizations=len(net.organizations),
        organizations_declared=sum(1 for o in net.organizations.values() if o.declared),
        groups=len(net.groups),
        ties=len(ties),
        knows_ties=len(pairs),
        introductions=len(net.introductions),
        interactions=len(net.interactions),
        favors=len(net.favors),
        active=active,
        outside_work=len(outside),
        with_circles=len(with_circles),
        my_groups=my_groups,
        favors_given=given,
        favors_received=received,
        largest_org=largest,
        connections=sum(1 for p in ties if p.id in imported_only),
    )
    warn = result.warnings.append
    if ties and active[30] == 0:
        warn(
            "you have contacted nobody in the last 30 days: isolation is a network's worst enemy; see `graphnet reach-outs`"
        )
    relationships = len(ties) - result.connections
    if largest and relationships >= 5 and largest[1] / relationships > 0.5:
        name = net.name_of(largest[0])
        warn(
            f"{largest[1]} of your {relationships} relationships are at {name}: your network lives in one organization;"
            " meet people beyond it"
        )
    if len(with_circles) >= 5 and result.outside_work_share < 0.2:
        warn(
            "fewer than 1 in 5 of your contacts are outside work: old friends, neighbours and community groups reach circles colleagues don't"
        )
    if net.people and my_groups == 0:
        warn("you belong to no group: associations, boards, classes and clubs are where networks grow")
    if received > given + 2:
        warn(f"you have received {received} favors and given {given}: give before you ask")
    return result
