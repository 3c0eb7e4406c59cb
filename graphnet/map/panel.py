"""The person panel: what a click on a person opens, the same page ``graphnet show`` prints.

Built from :func:`graphnet.analyses.person.person_page`, cut to what a side panel holds (the
newest timeline entries, the closest mutual contacts), as plain strings the page puts in with
``textContent``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..analyses.person import PersonIndex, person_page
from ..model import Network

if TYPE_CHECKING:
    from ..analyses.strength import TieModel

__all__ = ["PANEL_TIMELINE", "panels"]

#: Timeline entries and mutual contacts a panel lists (the newest, the closest).
PANEL_TIMELINE = 6
PANEL_MUTUAL = 8
#: On a map of more people than this, panels are shorter (the file stays small).
SHORT_PANELS_FROM = 2000
#: At most this many people get a panel (the closest first): a page for each of 30,000 people
#: would triple the file and the time to write it. The others' panel says `graphnet show ID`.
PANELS_MAX = 3000


def panels(
    net: Network, model: TieModel, people: list[str], today: date, include_private: bool
) -> dict[str, dict[str, Any]]:
    """Person id -> their panel, for the people shown, closest first (``people`` in that order),
    at most :data:`PANELS_MAX` (``model``: the tie model of ``net`` today)."""
    short = len(people) > SHORT_PANELS_FROM
    index = PersonIndex(net, today, include_private=include_private, model=model)
    limit = 3 if short else PANEL_TIMELINE
    return {ident: _panel(net, ident, today, include_private, index, limit) for ident in sorted(people[:PANELS_MAX])}


def _panel(
    net: Network, ident: str, today: date, include_private: bool, index: PersonIndex, limit: int
) -> dict[str, Any]:
    page = person_page(net, ident, today, include_private, index=index, timeline_limit=limit)
    who = ", ".join(x for x in (page.role, page.department) if x)
    if page.org:
        who = f"{who} at {page.org}" if who else page.org
    lines: dict[str, Any] = {
        "name": page.name,
        "who": who,
        "tie": f"Tie {page.strength} ({page.strength_label}): {page.tie}",
    }
    if page.past_orgs:
        lines["past"] = "Before: " + "; ".join(
            f"{job['role']} at {job['org']}" if job["role"] else str(job["org"]) for job in page.past_orgs
        )
    if page.circles or page.tags:
        lines["circles"] = " · ".join(x for x in (", ".join(page.circles), ", ".join(page.tags)) if x)
    names = page.mutual_names
    if names:
        more = len(names) - PANEL_MUTUAL
        lines["mutual"] = ", ".join(names[:PANEL_MUTUAL]) + (f" and {more} more" if more > 0 else "")
    lines["opens"] = list(page.opens + page.pending + page.reminders)
    lines["timeline"] = [[e.date.isoformat() if e.date else "", e.kind, e.text] for e in page.timeline]
    if page.private:
        lines["private"] = [f"{key}: {value}" for key, value in page.private.items()]
    return lines
