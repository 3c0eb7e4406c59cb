"""When there is no warm path: the nearest routes towards a target.

Three kinds of start, each ranked, at most ``limit`` of each: my contacts at the target's
competitors (ask who they know there), groups with people at the target (join, or ask the
contact of mine who is a member), and people two hops away who are near the target (at it,
at a competitor, in its industry, or in its groups), with the contact who can introduce me.
The search itself is :mod:`graphnet.analyses.warm_paths`; this is its fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import ME, Network, Person
from ..text import month

if TYPE_CHECKING:
    from .warm_paths import PathFinder

__all__ = ["Route", "nearest_routes"]


@dataclass
class Route:
    """A suggestion when no warm path exists: a contact, group or person to start from."""

    #: ``competitor`` (my contact at a competitor), ``group`` (a group with people at the target),
    #: or ``two-hops`` (someone a contact of mine can introduce me to).
    kind: str
    id: str
    name: str
    why: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": self.name, "why": self.why}


def nearest_routes(finder: PathFinder, target: str, kind: str, limit: int = 4) -> list[Route]:
    """Contacts at competitors, groups with people at the target, people two hops away to meet."""
    net = finder.net
    org = target if kind == "organization" else net.people[target].org
    competitors: set[str] = set()
    if org is not None and org in net.organizations:
        competitors.update(net.organizations[org].competitors)
        competitors.update(o.id for o in net.organizations.values() if org in o.competitors)
        competitors.discard(org)
    routes = _at_competitors(finder, org, competitors, limit)
    grouped, by_group = _groups(finder, target, kind, org, limit)
    routes += by_group
    routes += _two_hops(finder, org, competitors, grouped, limit)
    return routes


def _at_competitors(finder: PathFinder, org: str | None, competitors: set[str], limit: int) -> list[Route]:
    """My contacts who work at a competitor of the target's organization, strongest tie first."""
    net, model = finder.net, finder.model
    mine = model.social[ME]
    org_name = net.name_of(org) if org else ""
    at_rivals = []
    for rival in sorted(competitors):
        for member in model.members.get(rival, []):
            if model.memberships[member][rival] == "works_at" and member in mine:
                at_rivals.append((-model.weight(ME, member), member, rival))
    return [
        Route(
            "competitor",
            member,
            net.name_of(member),
            f"works at {net.name_of(rival)}, a competitor of {org_name}: ask who they know there ({model.why(ME, member)})",
        )
        for _, member, rival in sorted(at_rivals)[:limit]
    ]


def _groups(finder: PathFinder, target: str, kind: str, org: str | None, limit: int) -> tuple[set[str], list[Route]]:
    """Groups with people at the target (mine first), and every member of such a group."""
    net, model = finder.net, finder.model
    mine = model.social[ME]
    org_name = net.name_of(org) if org else ""
    ends = finder.insiders(target, kind)
    group_rows = []
    for group in net.groups.values():
        members = model.members.get(group.id, [])
        inside = [m for m in members if ends.get(m, 0) >= 1.0]
        if not inside:
            continue
        mine_there = [m for m in members if m in mine]
        group_rows.append((-(ME in members), -len(inside), -len(mine_there), group.id, inside, mine_there))
    routes = []
    for am_in, _, _, gid, inside, mine_there in sorted(group_rows)[:limit]:
        where = org_name if kind == "organization" else ""
        who = f"{len(inside)} people at {where} are members" if where and len(inside) > 1 else ""
        if not who:
            who = f"{net.name_of(inside[0])}" + (f" (at {where})" if where else "") + " is a member"
        if am_in:
            how = "you are a member too"
        elif mine_there:
            how = f"your contact {net.name_of(mine_there[0])} is a member"
        else:
            how = "you could join"
        routes.append(Route("group", gid, net.name_of(gid), f"{who}; {how}"))
    grouped = {m for row in group_rows for m in model.members.get(row[3], [])}
    return grouped, routes


def _two_hops(finder: PathFinder, org: str | None, competitors: set[str], grouped: set[str], limit: int) -> list[Route]:
    """People two hops away near the target: at it, at a competitor, in its industry, in its groups."""
    net = finder.net
    rows = []
    for other, (route, contact) in _second_contacts(finder).items():
        relevance, reason = _near_target(net, net.people[other], org, competitors, grouped)
        if relevance:
            rows.append((-relevance, -route, other, contact, reason))
    routes = []
    for _, _, other, contact, reason in sorted(rows)[:limit]:
        refused = finder.declined.get((contact, other))
        how = f"{net.name_of(contact)} can introduce you"
        if refused is not None:
            how = f"{net.name_of(contact)} knows them but declined to introduce you{month(refused.date)}"
        routes.append(Route("two-hops", other, net.name_of(other), f"{reason}; {how}"))
    return routes


def _second_contacts(finder: PathFinder) -> dict[str, tuple[float, str]]:
    """Person two hops from me (not my contact) -> (the best route's weight, the contact it goes through)."""
    model = finder.model
    mine = model.social[ME]
    candidates: dict[str, tuple[float, str]] = {}
    for contact in mine:
        w1 = model.weight(ME, contact)
        for other in model.social[contact]:
            if other == ME or other in mine:
                continue
            route = w1 * model.weight(contact, other)
            if (contact, other) in finder.declined:  # they declined to introduce me to them
                route *= finder.penalty
            if other not in candidates or route > candidates[other][0]:
                candidates[other] = (route, contact)
    return candidates


def _near_target(
    net: Network, person: Person, org: str | None, competitors: set[str], grouped: set[str]
) -> tuple[int, str]:
    """How near the target ``person`` is (4: works there, 3: at a competitor, 2: same industry,
    1: in its groups, 0: none of these) and why."""
    if org is not None and person.org == org:
        return 4, f"works at {net.name_of(org)}"
    if person.org in competitors:
        return 3, f"works at {net.name_of(person.org)}, a competitor"
    industry = net.organizations[org].industry if org is not None and org in net.organizations else None
    if industry and person.org in net.organizations and net.organizations[person.org].industry == industry:
        return 2, f"works in {industry} at {net.name_of(person.org)}"
    if person.id in grouped:
        return 1, "shares a group with people there"
    return 0, ""
