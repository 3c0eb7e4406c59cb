"""When I was last in touch with each person, from everything the files say.

Contact evidence: interactions (with them), favors (either way, between us),
introductions involving us both, and a person's ``last_contact`` field.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from ..model import ME, Network, Person
from .evidence import is_contact
from .ties import as_of, my_colleagues

__all__ = ["connections", "contact_counts", "is_connection", "last_contacts"]

#: Declared strength at or below which an imported record with nothing else behind it is a connection.
CONNECTION_MAX_STRENGTH = 1


def last_contacts(net: Network, today: date | None = None) -> dict[str, date]:
    """Person id -> the date of the latest contact with me (no entry: never).

    Records dated after ``today`` do not count (:func:`graphnet.analyses.ties.as_of`), so
    ``--today`` gives reproducible answers; without ``today`` every record counts.
    """
    if today is not None:
        net = as_of(net, today)
    latest: dict[str, date] = {}
    people = net.people
    # The long loop over every interaction tests inline: no call per entry.
    for person in people.values():
        if person.last_contact is not None:
            latest[person.id] = person.last_contact
    for interaction in net.interactions:
        if not is_contact(interaction):  # one-way mail is not contact
            continue
        when = interaction.date
        for ident in interaction.with_:
            if ident in people and (ident not in latest or when > latest[ident]):
                latest[ident] = when
    for ident, day in _dated_with_me(net):
        if day is not None and ident in people and (ident not in latest or day > latest[ident]):
            latest[ident] = day
    return latest


def _dated_with_me(net: Network) -> Iterator[tuple[str, date | None]]:
    """(person, day) of the favors between us and the introductions I took part in (the introducer
    of mine, both sides of one I made, the other side of one of me they met)."""
    for favor in net.favors:
        if favor.from_ == ME:
            yield favor.to, favor.date
        elif favor.to == ME:
            yield favor.from_, favor.date
    for intro in net.introductions:
        a, b = intro.people
        if ME in (a, b) and intro.status == "met":
            yield (b if a == ME else a), intro.date
        if intro.by != ME and ME in (a, b):
            yield intro.by, intro.date
        elif intro.by == ME:
            yield a, intro.date
            yield b, intro.date


def contact_counts(net: Network, today: date, days: int = 365) -> dict[str, int]:
    """Person id -> number of interactions with me in the ``days`` before ``today``."""
    since = today - timedelta(days=days)
    counts: dict[str, int] = defaultdict(int)
    for interaction in net.interactions:
        if since < interaction.date <= today:
            for ident in interaction.with_:
                counts[ident] += 1
    return dict(counts)


def is_connection(person: Person) -> bool:
    """True when the record alone makes ``person`` a connection: imported, never raised or dated by hand.

    The events of the network are not looked at; :func:`connections` does that.
    """
    return (
        person.imported is not None
        and person.strength <= CONNECTION_MAX_STRENGTH
        and person.met is None
        and person.last_contact is None
        and person.cadence is None
        and person.introduced_by is None
    )


def connections(net: Network, today: date | None = None) -> set[str]:
    """Ids of the people who are connections, not relationships.

    A connection has nothing but an import behind them (LinkedIn's *Connected On*
    is not contact): the record sits in an import's file, its strength is at most
    "met once", and no ``met``, ``last_contact``, ``cadence`` or ``introduced_by`` was
    written, nor any interaction, favor or introduction naming them (dated up to
    ``today``), and they were never my colleagues (graphnet.analyses.ties). Raising the strength or logging anything makes them a relationship.
    Connections get no cadence: reach-outs never calls them overdue or a follow-up,
    and no answer says you talked to them.

    Notes
    -----
    O(P + I + F + N).
    """
    if today is not None:
        net = as_of(net, today)  # records dated after today do not count
    found = {pid for pid, person in net.people.items() if is_connection(person)}
    if not found:
        return found
    if net.me.org is not None or net.me.past_orgs:  # my colleagues: the overlap is contact
        found.difference_update(my_colleagues(net, today or date.today()))
    for person in net.people.values():
        if person.introduced_by is not None:  # they introduced me to someone
            found.discard(person.introduced_by)
    for interaction in net.interactions:
        if is_contact(interaction):
            found.difference_update(interaction.with_)
    for favor in net.favors:
        if ME in (favor.from_, favor.to):
            found.discard(favor.from_)
            found.discard(favor.to)
    for intro in net.introductions:
        if intro.by == ME or ME in intro.people:
            found.discard(intro.by)
            found.difference_update(intro.people)
    return found
