"""Every tie of a network, derived in one place from the records as of a day.

An answer is given *as of* a day (``--today``, default the real date): a record dated
after it has not happened yet, so :func:`as_of` leaves it out before anything else is
derived. Left out are introductions, interactions and favors dated after the day, past
jobs whose ``from`` is after it, ``knows`` entries whose ``since`` is after it, and a
person's ``met`` or ``last_contact`` after it (the field, not the person). Every answer
reads the network through :func:`as_of`, so the same files and the same day give the
same answer, and adding a record dated later changes nothing.

:func:`links` turns those records into ties, each a :class:`Link` with its relation, the
``path:line:col`` that states it, whether it is inferred, and the record it comes from:

==============  ================================  ===============================================
relation        between                           from
==============  ================================  ===============================================
``tie``         me – person                       the person's ``strength`` >= 1 (0: not met)
``knows``       person – person                   a ``knows`` entry; ``introduced_by`` (inferred:
                                                  who introduced me to someone knows them)
``works_at``    person or me – organization       ``org`` (mine under ``me:``)
``worked_at``   person or me – organization       ``past_orgs`` (not the current organization)
``member_of``   person or me – group              ``groups[].members``
``introduction`` the two people introduced         ``introductions`` with status ``made`` or ``met``
==============  ================================  ===============================================

Colleagues and co-members are not linked pairwise: they meet through the organization's or
group's node (a ``works_at``/``worked_at``/``member_of`` link each), so an organization with
500 of my contacts gives 500 links, not 125,000. The graph (:mod:`.graph`), the tie model
(:mod:`.strength`), the clusters (:mod:`.communities`), and through them the map and the
exports, are all built from :class:`Ties` (:func:`links` lists them). See ``docs/graph.md``.

:func:`my_colleagues` derives the one tie that comes from dates rather than a link: the
people who were at one of my organizations while I was (see the section at the end).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

from ..model import ME, Group, Introduction, Job, Me, Network, Person, Source, Tie

__all__ = [
    "INTRODUCED",
    "MEMBERSHIP_RELATIONS",
    "RELATIONS",
    "SOCIAL_RELATIONS",
    "Link",
    "Overlap",
    "Ties",
    "as_of",
    "describe_overlap",
    "links",
    "my_colleagues",
]

#: Relation kinds, strongest evidence first; a graph edge's ``kind`` is the first of its relations here.
RELATIONS = ("tie", "knows", "introduction", "works_at", "worked_at", "member_of")
#: Relations that are social ties (the others are memberships of organizations and groups).
SOCIAL_RELATIONS = frozenset({"tie", "knows", "introduction"})
#: Relations between a member (a person or me) and an organization or group.
MEMBERSHIP_RELATIONS = frozenset({"works_at", "worked_at", "member_of"})
#: Statuses of an introduction that put the two people in touch (``requested`` and ``declined`` did not).
INTRODUCED = frozenset({"made", "met"})


class Link(NamedTuple):
    """One tie the records state (or imply) between ``a`` and ``b``.

    ``a`` is the side the record sits under (me for my ties, the person whose ``knows`` list
    it is, the introducer of an inferred tie, the member of a membership).
    """

    a: str
    b: str
    #: One of :data:`RELATIONS`.
    relation: str
    #: Where the record that states it was written.
    source: Source
    #: True when no line states the tie directly (``introduced_by``).
    inferred: bool
    #: Declared strength 0-5 of a ``tie`` or ``knows`` (None when not written or not a social tie).
    strength: int | None
    #: The record it comes from: a Person (``tie``, inferred ``knows``, ``works_at``), a Tie (``knows``),
    #: a Job (``worked_at``), Me (my ``works_at``), a Group or an Introduction.
    record: Person | Tie | Job | Me | Group | Introduction

    def attributes(self) -> dict[str, Any]:
        """What the link says beyond its relation: a job's role and dates, who made an introduction."""
        record = self.record
        if self.relation == "works_at":
            return {"role": record.role}  # type: ignore[union-attr]
        if self.relation == "worked_at":
            return {"role": record.role, "start": record.start, "end": record.end}  # type: ignore[union-attr]
        if self.relation == "introduction":
            return {"introduced_by": record.by, "intro_status": record.status}  # type: ignore[union-attr]
        return {}


#: ``Link(...)`` without the Python-level ``__new__`` of a named tuple (links are made by the hundred thousand).
_new = tuple.__new__

#: What a social pair's slot holds until asked: the record(s) stating the tie (one, or a list).
Evidence = Person | Tie | Introduction | list[Person | Tie | Introduction]


class Ties:
    """Every tie of a network as of a day, indexed in one pass over the records.

    The index holds records, not links (a 30,000-person network has 270,000 ties, and most
    answers look at a few thousand): :meth:`between` and :meth:`links` turn them into
    :class:`Link` objects on demand.

    Parameters
    ----------
    net : Network
        A loaded network (references to unknown ids are skipped: the loader reported them).
    today : date, optional
        The day (default: the real date); records dated after it are left out (:func:`as_of`).

    Attributes
    ----------
    net : Network
        The records as of ``today``.
    social : dict
        Node (me or a person) -> neighbour -> the record(s) that state their social tie
        (a Person for my tie or an inferred ``knows``, a Tie for a ``knows`` entry, an
        Introduction), one or a list. Every person has a row, me too.
    memberships : dict
        Member (me or a person) -> organization or group id -> ``works_at``, ``worked_at``
        or ``member_of`` (one per pair: the current organization wins over a past job there).
    members : dict
        Organization or group id -> member ids, in the order met.
    introductions : dict
        ``(a, b)`` with ``a < b`` -> the first introduction that put them in touch.
    introduced : list of Person
        People whose ``introduced_by`` names another person (who therefore knows them).
    my_introductions : list of Introduction
        Introductions of me to someone (made or met), in the order written.

    Notes
    -----
    O(P + K + J + M + N): people, ``knows`` entries, jobs, memberships and introductions.
    """

    def __init__(self, net: Network, today: date | None = None) -> None:
        self.today = today if today is not None else date.today()
        self.net = net = as_of(net, self.today)
        self.social: dict[str, dict[str, Any]] = {ME: {}}
        self.memberships: dict[str, dict[str, str]] = {}
        self.members: dict[str, list[str]] = {}
        self.introductions: dict[tuple[str, str], Introduction] = {}
        self.introduced: list[Person] = []
        self.my_introductions: list[Introduction] = []
        for ident in net.people:
            self.social[ident] = {}
        self._index_people()
        self._index_jobs()
        for group in net.groups.values():
            for member in group.members:
                if member == ME or member in net.people:
                    self._join(member, group.id, "member_of")
        self._index_introductions()

    def _index_people(self) -> None:
        # One tight loop (a 30,000-person network has 150,000 ``knows`` entries): no call per entry.
        people, social = self.net.people, self.social
        mine = social[ME]
        rows = {pid: social[pid] for pid in people}  # the people's rows, mine aside
        for pid, person in people.items():
            row = rows[pid]
            if person.strength >= 1:
                mine[pid] = person
                row[ME] = person
            for tie in person.knows:
                other = tie.other
                theirs = rows.get(other)  # one lookup: is it a person, and their row
                if theirs is None or other == pid:
                    continue
                if other in row:
                    self._add(pid, other, tie)
                else:
                    row[other] = tie
                    theirs[pid] = tie
            by = person.introduced_by
            if by is not None and by != pid and by in people:
                # They introduced me to this person, so the two know each other: inferred, and labelled so.
                self._add(by, pid, person)
                self.introduced.append(person)

    def _index_jobs(self) -> None:
        """Memberships of organizations: each person's and mine, the current one, then past ones (once each)."""
        orgs, memberships, members = self.net.organizations, self.memberships, self.members
        holders: list[tuple[str, Person | Me]] = [*self.net.people.items(), (ME, self.net.me)]
        for member, holder in holders:
            org = holder.org
            joined: dict[str, str] | None = None
            if org is not None and org in orgs:
                memberships[member] = joined = {org: "works_at"}
                if org in members:
                    members[org].append(member)
                else:
                    members[org] = [member]
            for job in holder.past_orgs:
                place = job.org
                if place != org and place in orgs:
                    if joined is None:
                        memberships[member] = joined = {place: "worked_at"}
                    elif place in joined:
                        continue
                    else:
                        joined[place] = "worked_at"
                    if place in members:
                        members[place].append(member)
                    else:
                        members[place] = [member]

    def _join(self, member: str, place: str, kind: str) -> None:
        """``member`` belongs to ``place`` (a group): once, in the order met (as :meth:`_index_jobs` does inline)."""
        joined = self.memberships.get(member)
        if joined is None:
            self.memberships[member] = {place: kind}
        elif place in joined:
            return
        else:
            joined[place] = kind
        members = self.members.get(place)
        if members is None:
            self.members[place] = [member]
        else:
            members.append(member)

    def _index_introductions(self) -> None:
        social = self.social
        for intro in self.net.introductions:
            a, b = intro.people
            if intro.status in INTRODUCED and a != b and a in social and b in social:
                self._add(a, b, intro)
                self.introductions.setdefault((a, b) if a < b else (b, a), intro)
                if ME in (a, b):
                    self.my_introductions.append(intro)

    def _add(self, a: str, b: str, record: Person | Tie | Introduction) -> None:
        """Put ``record`` in the slot of the pair a–b (next to what is there already)."""
        row = self.social[a]
        held = row.get(b)
        if held is None:
            row[b] = record
            self.social[b][a] = record
        elif type(held) is list:
            held.append(record)
        else:
            both = [held, record]
            row[b] = both
            self.social[b][a] = both

    # -- links ---------------------------------------------------------------------------------

    def between(self, a: str, b: str, evidence: Evidence | None = None) -> list[Link]:
        """The links of the social tie a–b (from ``evidence``, default the pair's slot), as written."""
        held = self.social[a][b] if evidence is None else evidence
        records: list[Any] = held if type(held) is list else [held]
        return [self.link(a, b, record) for record in records]

    def link(self, a: str, b: str, record: Person | Tie | Introduction) -> Link:
        """The link ``record`` (one of the records in the slot of the pair a–b) states."""
        if type(record) is Tie:
            owner = b if record.other == a else a
            return _new(Link, (owner, record.other, "knows", record.source, False, record.strength, record))
        if type(record) is Introduction:
            first, second = record.people
            return _new(Link, (first, second, "introduction", record.source, False, None, record))
        person: Person = record  # type: ignore[assignment]
        if ME in (a, b):
            return _new(Link, (ME, person.id, "tie", person.source, False, person.strength, person))
        by = person.introduced_by
        return _new(Link, (by, person.id, "knows", person.source, True, None, person))

    def membership(self, member: str, place: str) -> list[Link]:
        """The links of ``member`` to an organization or group: its job(s) there, or the group."""
        kind = self.memberships[member][place]
        if kind == "member_of":
            group = self.net.groups[place]
            return [_new(Link, (member, place, kind, group.source, False, None, group))]
        holder: Person | Me = self.net.me if member == ME else self.net.people[member]
        if kind == "works_at":
            return [_new(Link, (member, place, kind, holder.source, False, None, holder))]
        return [
            _new(Link, (member, place, kind, job.source, False, None, job))
            for job in holder.past_orgs
            if job.org == place
        ]

    def slots(self) -> Iterator[tuple[str, str, Evidence]]:
        """Every socially tied pair once, with the record(s) of its slot: mine first, then each
        person's with the people after them."""
        order = {ident: i for i, ident in enumerate(self.social)}
        for a, row in self.social.items():
            rank = order[a]
            for b, held in row.items():
                if order[b] > rank:
                    yield a, b, held

    def pairs(self) -> Iterator[tuple[str, str, list[Link]]]:
        """Every linked pair with its links: the social ties (:meth:`slots`), then the memberships
        (each member's, in the order met)."""
        for a, b, held in self.slots():
            yield a, b, self.between(a, b, held)
        for member, places in self.memberships.items():
            for place in places:
                yield member, place, self.membership(member, place)

    def links(self) -> Iterator[Link]:
        """Every link, pair by pair (:meth:`pairs`)."""
        for _a, _b, found in self.pairs():
            yield from found


def links(net: Network, today: date | None = None) -> Iterator[Link]:
    """Every tie of ``net`` as of ``today`` (default: the real date): :meth:`Ties.links`.

    Parameters
    ----------
    net : Network
        A loaded network.
    today : date, optional
        The day; records dated after it are left out (:func:`as_of`).

    Yields
    ------
    Link
        Every social tie, then every membership.

    Notes
    -----
    O(P + K + J + M + N): people, ``knows`` entries, jobs, memberships and introductions.
    """
    return Ties(net, today).links()


# -- as of a day ---------------------------------------------------------------------------------


def as_of(net: Network, today: date) -> Network:
    """The records of ``net`` as of ``today``: what is dated after it left out.

    Parameters
    ----------
    net : Network
        A loaded network.
    today : date
        The day of the answer.

    Returns
    -------
    Network
        ``net`` itself when no date in it is after ``today`` (known from
        ``net.dated_until``, which the loader sets); otherwise a copy without the
        introductions, interactions and favors dated after ``today``, the past jobs
        starting after it and the ``knows`` entries since after it, and with a ``met`` or
        ``last_contact`` after it cleared. Records are shared, not copied, unless changed.

    Notes
    -----
    O(1) when nothing is dated after ``today`` and the loader says so; otherwise
    O(P + K + J + E) for people, ``knows`` entries, jobs and events.
    """
    if net.dated_until is not None and net.dated_until <= today:
        return net
    people = net.people
    changed = {pid: kept for pid, person in people.items() if (kept := _person_as_of(person, today)) is not person}
    me = net.me
    my_jobs = [job for job in me.past_orgs if job.start is None or job.start <= today]
    return replace(
        net,
        people={pid: changed.get(pid, person) for pid, person in people.items()} if changed else people,
        me=replace(me, past_orgs=my_jobs) if len(my_jobs) != len(me.past_orgs) else me,
        introductions=[i for i in net.introductions if i.date is None or i.date <= today],
        interactions=[i for i in net.interactions if i.date <= today],
        favors=[f for f in net.favors if f.date is None or f.date <= today],
        dated_until=today,
    )


def _person_as_of(person: Person, today: date) -> Person:
    """``person`` as of ``today`` (the same object when nothing of it is dated later)."""
    met, last = person.met, person.last_contact
    later_met = met is not None and met > today
    later_contact = last is not None and last > today
    knows = [tie for tie in person.knows if tie.since is None or tie.since <= today]
    jobs = [job for job in person.past_orgs if job.start is None or job.start <= today]
    if not (later_met or later_contact or len(knows) != len(person.knows) or len(jobs) != len(person.past_orgs)):
        return person
    return replace(
        person,
        met=None if later_met else met,
        last_contact=None if later_contact else last,
        knows=knows,
        past_orgs=jobs,
    )


# -- my (former) colleagues ------------------------------------------------------------------
#
# My (former) colleagues: people who work or worked where I worked, at an overlapping time.
#
# ``me:`` may hold my own ``org`` (now) and ``past_orgs`` (before, ``{org, role, from, to}``),
# written as a person's are. A person is my colleague at an organization when one of their
# jobs there overlaps one of mine:
#
# * a current job (``org``) runs until today; its start is unknown unless the same
#   organization is also listed in ``past_orgs`` with a ``from`` (then that ``from``);
# * a past job runs ``from``–``to``; a missing ``from`` is "since always" and a missing ``to``
#   "until some time before today" (taken as today, so undated jobs count as overlapping);
# * two jobs overlap when the later start is on or before the earlier end.
#
# The overlap is evidence of contact: its last day (today, when we both still work there)
# counts as a contact for recency and reach-outs, and every answer that mentions the tie
# says "worked together at Lieferfix 2021–2026" (or "colleagues at Lieferfix since 2024").


@dataclass(frozen=True)
class Overlap:
    """The time I and one person were at one organization together."""

    org: str
    #: First day both were there (None: not written).
    start: date | None
    #: Last day both were there (today when both still are).
    end: date
    #: True when we both work there now.
    current: bool
    #: False when a side's dates were not written, so the overlap is assumed.
    dated: bool = True


_Span = tuple[date | None, date | None, bool]  # start, end (None: unknown), current


def _spans(org: str | None, past: list[Job]) -> dict[str, list[_Span]]:
    spans: dict[str, list[_Span]] = {}
    starts: dict[str, date] = {}
    for job in past:
        if job.start is not None and (job.org not in starts or job.start < starts[job.org]):
            starts[job.org] = job.start
        if job.org != org or job.end is not None:
            spans.setdefault(job.org, []).append((job.start, job.end, False))
    if org is not None:
        spans.setdefault(org, []).append((starts.get(org) if org in starts else None, None, True))
    return spans


def _overlap(org: str, mine: _Span, theirs: _Span, today: date) -> Overlap | None:
    (s1, e1, now1), (s2, e2, now2) = mine, theirs
    end1 = today if now1 or e1 is None else min(e1, today)
    end2 = today if now2 or e2 is None else min(e2, today)
    known_starts = [s for s in (s1, s2) if s is not None]
    start = max(known_starts) if known_starts else None
    end = min(end1, end2)
    if start is not None and start > end:
        return None
    dated = (now1 or e1 is not None) and (now2 or e2 is not None)
    return Overlap(org, start, end, now1 and now2, dated)


def my_colleagues(net: Network, today: date) -> dict[str, Overlap]:
    """Person id -> our overlap at an organization (the most recent one when there are several).

    Notes
    -----
    O(P·J) for P people with J jobs each; only organizations I worked at are looked at.
    """
    me = net.me
    mine = _spans(me.org, me.past_orgs)
    if not mine:
        return {}
    found: dict[str, Overlap] = {}
    for person in net.people.values():
        if person.org not in mine and not any(job.org in mine for job in person.past_orgs):
            continue
        for org, theirs in _spans(person.org, person.past_orgs).items():
            for my_span in mine.get(org, ()):
                for their_span in theirs:
                    overlap = _overlap(org, my_span, their_span, today)
                    best = found.get(person.id)
                    if overlap is not None and (best is None or (overlap.end, overlap.dated) > (best.end, best.dated)):
                        found[person.id] = overlap
    return found


def describe_overlap(overlap: Overlap, org_name: str) -> str:
    """``worked together at Lieferfix 2021–2026``, ``colleagues at Lieferfix since 2024``."""
    start, end = overlap.start, overlap.end
    if overlap.current:
        return f"colleagues at {org_name}" + (f" since {start.year}" if start is not None else "")
    if not overlap.dated:
        return f"both worked at {org_name} (dates not written)"
    if start is None:
        return f"worked together at {org_name} until {end.year}"
    years = f"{start.year}" if start.year == end.year else f"{start.year}–{end.year}"
    return f"worked together at {org_name} {years}"
