"""When I was last in touch with each person, from everything the files say.

Contact evidence: interactions (with them), favors (either way, between us),
introductions involving us both, and a person's ``last_contact`` field.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from ..model import ME, Network

__all__ = ["contact_counts", "last_contacts"]


def last_contacts(net: Network, today: date | None = None) -> dict[str, date]:
    """Person id -> the date of the latest contact with me (no entry: never).

    Dates after ``today`` are ignored, so ``--today`` gives reproducible answers.
    """
    latest: dict[str, date] = {}

    def seen(ident: str, when: date | None) -> None:
        if when is None or ident not in net.people or (today is not None and when > today):
            return
        if ident not in latest or when > latest[ident]:
            latest[ident] = when

    for person in net.people.values():
        seen(person.id, person.last_contact)
    for interaction in net.interactions:
        for ident in interaction.with_:
            seen(ident, interaction.date)
    for favor in net.favors:
        if favor.from_ == ME:
            seen(favor.to, favor.date)
        elif favor.to == ME:
            seen(favor.from_, favor.date)
    for intro in net.introductions:
        a, b = intro.people
        if ME in (a, b) and intro.status == "met":
            seen(b if a == ME else a, intro.date)
        if intro.by != ME and ME in (a, b):
            seen(intro.by, intro.date)
        elif intro.by == ME:
            seen(a, intro.date)
            seen(b, intro.date)
    return latest


def contact_counts(net: Network, today: date, days: int = 365) -> dict[str, int]:
    """Person id -> number of interactions with me in the ``days`` before ``today``."""
    since = today - timedelta(days=days)
    counts: dict[str, int] = defaultdict(int)
    for interaction in net.interactions:
        if since < interaction.date <= today:
            for ident in interaction.with_:
                counts[ident] += 1
    return dict(counts)
