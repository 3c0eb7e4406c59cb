"""One page about one person: who they are, our tie and its evidence, mutual contacts, a timeline.

:func:`person_page` is what ``graphnet show PERSON`` prints and what the map's person panel
shows: one function, so the two never disagree. :class:`PersonIndex` gathers, in one pass over
the network, everything the pages need, so the map can build a page for each of thousands of
people at the cost of one.

Private text (email, phone, url, notes, favor descriptions, the notes of interactions,
introductions and ties) is on the page only with ``include_private``.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..files.format import private_names, private_values
from ..model import ME, STRENGTH_LABELS, Network
from ..text import ago
from .evidence import counted
from .strength import describe_tie
from .ties import Ties

if TYPE_CHECKING:
    from .strength import TieFacts, TieModel

__all__ = ["PersonIndex", "PersonPage", "TimelineEntry", "WhoRow", "person_page", "shareable", "who"]


@dataclass
class TimelineEntry:
    """One dated fact about a person, as ``show`` lists them (newest first).

    ``kind`` is an interaction's own kind (coffee, call, meeting, email…) or one of
    ``favor-given`` (I helped them, or they helped someone), ``favor-received`` (they
    helped me, or someone helped them), ``introduction``, ``met`` and ``reminder`` (a follow-up
    planned with ``graphnet remind``, which may lie in the future).
    """

    date: date | None
    kind: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat() if self.date else None, "kind": self.kind, "text": self.text}


@dataclass
class PersonPage:
    """Everything ``graphnet show`` says about one person (see :func:`person_page`)."""

    id: str
    name: str
    org: str | None
    role: str | None
    department: str | None
    location: str | None
    past_orgs: list[dict[str, str | None]]
    strength: int
    strength_label: str
    circles: list[str]
    tags: list[str]
    #: The strength model's words for our tie ("close friend, last talked 12 days ago, ...").
    tie: str
    #: The facts behind those words (relations, last contact, interactions, favors, weight...).
    evidence: dict[str, Any]
    last_contact: date | None
    met: date | None
    introduced_by: str | None
    #: Mutual contacts' ids, closest to me first.
    mutual: list[str]
    mutual_names: list[str]
    #: What knowing them opens: my targets they work at, or reach through a contact.
    opens: list[str]
    #: Introductions asked for and not made yet that involve them.
    pending: list[str]
    #: Follow-ups planned with them (``graphnet remind``), soonest first, with ``snoozed`` when set.
    reminders: list[str]
    snoozed_until: date | None
    timeline: list[TimelineEntry]
    #: email, phone, url, notes: only with include_private.
    private: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The page as JSON-ready data (dates as ISO strings)."""
        return {
            "id": self.id,
            "name": self.name,
            "org": self.org,
            "role": self.role,
            "department": self.department,
            "location": self.location,
            "past_orgs": [dict(job) for job in self.past_orgs],
            "strength": self.strength,
            "strength_label": self.strength_label,
            "circles": list(self.circles),
            "tags": list(self.tags),
            "tie": self.tie,
            "evidence": dict(self.evidence),
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "met": self.met.isoformat() if self.met else None,
            "introduced_by": self.introduced_by,
            "mutual": list(self.mutual),
            "mutual_names": list(self.mutual_names),
            "opens": list(self.opens),
            "pending": list(self.pending),
            "reminders": list(self.reminders),
            "snoozed_until": self.snoozed_until.isoformat() if self.snoozed_until else None,
            "timeline": [entry.to_dict() for entry in self.timeline],
            **({"private": dict(self.private)} if self.private else {}),
        }


class PersonIndex:
    """Per-person timelines and neighbours of one network as of ``today``, built once.

    Records dated after ``today`` are left out (:func:`~graphnet.analyses.ties.as_of`), as every
    answer does. Contacts are read from the ties (the graph's edges between people are built from
    the same ties), so no graph of the whole network is needed. ``model`` (the tie model of the
    same network and day) is built when not given. With ``only``, the index serves that one
    person's page (``show``): it gathers their events only.
    """

    def __init__(
        self,
        net: Network,
        today: date,
        *,
        include_private: bool = False,
        model: TieModel | None = None,
        only: str | None = None,
    ):
        #: Every tie as of ``today``, shared by the graph and the tie model (the given model's when it has them).
        self.ties = model.ties if model is not None and model.ties.today == today else Ties(net, today)
        self.net = self.ties.net
        self.today = today
        self.include_private = include_private
        self.only = only
        self.events: dict[str, list[TimelineEntry]] = defaultdict(list)
        self.pending: dict[str, list[str]] = defaultdict(list)
        self._model = model
        self._index_interactions()
        self._index_favors()
        self._index_introductions()
        self._index_reminders()

    def contacts(self, ident: str) -> list[str]:
        """The people ``ident`` has a tie with (colleagues meet through their organization, not here)."""
        people = self.net.people
        return [other for other in self.ties.social.get(ident, {}) if other in people]

    def _wanted(self, ident: str) -> bool:
        return self.only is None or ident == self.only

    @property
    def model(self) -> TieModel:
        if self._model is None:
            from .strength import TieModel

            self._model = TieModel(self.net, self.today, ties=self.ties)
        return self._model

    def _note(self, text: str | None) -> str:
        return f": {' '.join(text.split())}" if self.include_private and text and text.strip() else ""

    def _names(self, ids: list[str]) -> str:
        names = [self.net.name_of(i) for i in ids[:3]]
        return ", ".join(names) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")

    def _index_interactions(self) -> None:
        only = self.only
        for item in self.net.interactions:
            if only is not None and only not in item.with_:
                continue
            kind = item.kind or "interaction"
            for ident in item.with_:
                if not self._wanted(ident):
                    continue
                others = [i for i in item.with_ if i != ident]
                company = f", {self._names(others)}" if others else ""
                text = f"{kind} with you{company}{counted(item)}{self._note(item.note)}"
                self.events[ident].append(TimelineEntry(item.date, kind, text))

    def _index_favors(self) -> None:
        name = self.net.name_of
        for favor in self.net.favors:
            what = f": {' '.join(favor.what.split())}" if self.include_private and favor.what else ""
            kind = f" ({favor.kind}{what})" if favor.kind else (f" ({what[2:]})" if what else "")
            giver, taker = favor.from_, favor.to
            if not (self._wanted(giver) or self._wanted(taker)):
                continue
            if giver == ME:
                self.events[taker].append(TimelineEntry(favor.date, "favor-given", f"you helped them{kind}{what}"))
            elif taker == ME:
                self.events[giver].append(TimelineEntry(favor.date, "favor-received", f"they helped you{kind}{what}"))
            else:
                text = f"{name(giver)} helped {name(taker)}{kind}{what}"
                self.events[giver].append(TimelineEntry(favor.date, "favor-given", text))
                self.events[taker].append(TimelineEntry(favor.date, "favor-received", text))

    def _index_introductions(self) -> None:
        name = self.net.name_of
        for intro in self.net.introductions:
            a, b = intro.people
            if not (self._wanted(a) or self._wanted(b) or self._wanted(intro.by)):
                continue
            by = "you" if intro.by == ME else name(intro.by)
            pair = f"you to {name(b if a == ME else a)}" if ME in (a, b) else f"{name(a)} and {name(b)}"
            status = {"requested": "asked, not made yet", "made": "made", "met": "made, they met"}.get(
                intro.status, intro.status
            )
            text = f"{by} introduced {pair} ({status}){self._note(intro.note)}"
            if intro.status == "requested":
                text = f"introduction of {pair} through {by}: asked, not made yet{self._note(intro.note)}"
            for ident in sorted({a, b, intro.by} - {ME}):
                self.events[ident].append(TimelineEntry(intro.date, "introduction", text))
                if intro.status == "requested":
                    self.pending[ident].append(text)

    def _index_reminders(self) -> None:
        """Reminders, future ones included: planning the future is what they are for."""
        self.reminders: dict[str, list[str]] = defaultdict(list)
        for reminder in sorted(self.net.reminders, key=lambda r: r.date):
            if not self._wanted(reminder.person):
                continue
            due = "due" if reminder.date <= self.today else "planned"
            text = f"follow up on {reminder.date.isoformat()} ({due}){self._note(reminder.note)}"
            self.reminders[reminder.person].append(text)
            self.events[reminder.person].append(TimelineEntry(reminder.date, "reminder", text))

    def mutual(self, ident: str) -> list[str]:
        """People who know ``ident`` and whom I know (strength ≥ 1), closest to me first."""
        people = self.net.people
        found = [other for other in self.contacts(ident) if people[other].strength >= 1]
        return sorted(found, key=lambda p: (-people[p].strength, people[p].name, p))

    def opens(self, ident: str) -> list[str]:
        """My target organizations ``ident`` works at, or reaches through one of their contacts."""
        net = self.net
        lines: list[str] = []
        for target in net.me.targets:
            if net.people[ident].org == target:
                lines.append(f"works at {net.name_of(target)}, one of your targets")
            elif any(job.org == target for job in net.people[ident].past_orgs):
                lines.append(f"used to work at {net.name_of(target)}, one of your targets")
            else:
                inside = [other for other in self.contacts(ident) if net.people[other].org == target]
                if inside:
                    who = ", ".join(net.name_of(p) for p in sorted(inside)[:3])
                    lines.append(f"knows {who} at {net.name_of(target)}, one of your targets")
        return lines


def person_page(
    net: Network,
    person_id: str,
    today: date,
    include_private: bool = False,
    *,
    index: PersonIndex | None = None,
    timeline_limit: int | None = None,
) -> PersonPage:
    """The page ``graphnet show PERSON`` prints and the map's panel shows.

    Parameters
    ----------
    net : Network
        A loaded network.
    person_id : str
        A person's id (resolve names first).
    today : date
        The day "days ago" counts from; records after it are left out.
    include_private : bool
        Put email, phone, url and notes, favor descriptions and the notes of interactions,
        introductions and ties on the page.
    index : PersonIndex, optional
        A prebuilt index (the map builds one for all its pages); must match ``net``,
        ``today`` and ``include_private``.
    timeline_limit : int, optional
        Keep only the newest entries.

    Returns
    -------
    PersonPage

    Notes
    -----
    O(degree + timeline) with an index; building the index is O(records).
    """
    index = index or PersonIndex(net, today, include_private=include_private, only=person_id)
    net = index.net
    person = net.people[person_id]
    facts = index.model.facts(ME, person_id)
    tie, evidence = "not met yet, no tie on record", dict[str, Any]()
    if facts is not None:
        facts = shareable(facts, include_private)
        tie = str(describe_tie(facts, ME, person_id, net.name_of, person.circles))
        evidence = facts.to_dict()
    timeline = _timeline(index, person_id)
    if timeline_limit is not None:
        timeline = timeline[:timeline_limit]
    mutual = index.mutual(person_id)
    org = net.name_of(person.org) if person.org else None
    return PersonPage(
        id=person.id,
        name=person.name,
        org=org,
        role=person.role,
        department=person.department,
        location=person.location,
        # An entry at the current organization with no end dates the current job: not a past one.
        past_orgs=[_job(net, job) for job in person.past_orgs if job.end is not None or job.org != person.org],
        strength=person.strength,
        strength_label=STRENGTH_LABELS.get(person.strength, ""),
        circles=list(person.circles),
        tags=list(person.tags),
        tie=tie,
        evidence=evidence,
        last_contact=facts.last_contact if facts is not None else None,
        met=person.met,
        introduced_by=person.introduced_by,
        mutual=mutual,
        mutual_names=[net.name_of(p) for p in mutual],
        opens=index.opens(person_id),
        pending=list(index.pending.get(person_id, [])),
        reminders=list(index.reminders.get(person_id, [])),
        snoozed_until=person.snoozed_until,
        timeline=timeline,
        private=private_values(person, "person") if include_private else {},
    )


def shareable(facts: TieFacts, include_private: bool) -> TieFacts:
    """The facts of a tie as a page may show them: favor descriptions are private."""
    if include_private or not facts.favor_what or "what" not in private_names("favor"):
        return facts
    facts = copy.copy(facts)
    facts.favor_what = None
    return facts


def _job(net: Network, job: Any) -> dict[str, str | None]:
    shown = {
        "org": net.name_of(job.org),
        "role": job.role,
        "from": job.start.isoformat() if job.start else None,
        "to": job.end.isoformat() if job.end else None,
    }
    # Only when written (``move`` keeps the old department with the old job): most jobs have none.
    return shown | {"department": job.department} if job.department else shown


def _timeline(index: PersonIndex, person_id: str) -> list[TimelineEntry]:
    """Everything dated about the person, newest first; undated entries last."""
    person = index.net.people[person_id]
    entries = list(index.events.get(person_id, []))
    if person.met is not None:
        days = (index.today - person.met).days
        entries.append(TimelineEntry(person.met, "met", f"you met ({ago(days)})"))
    return sorted(entries, key=lambda e: (e.date is not None, e.date or date.min), reverse=True)


@dataclass
class WhoRow:
    """One person ``who`` found, and why."""

    id: str
    name: str
    org: str | None
    role: str | None
    strength: int
    why: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "org": self.org,
            "role": self.role,
            "strength": self.strength,
            "why": "; ".join(self.why),
        }


def who(net: Network, query: str) -> list[WhoRow]:
    """People at an organization (now or before), or with a tag, circle or location matching ``query``.

    Parameters
    ----------
    net : Network
    query : str
        An organization (id, name or alias), or a tag, circle or location; case and
        accents are ignored.

    Returns
    -------
    list of WhoRow
        Strongest tie first, then by name; ``why`` says what matched ("works at Acme as CTO",
        "worked at Globex 2019–2021", "tag python", "circle alumni", "lives in Berlin").

    Notes
    -----
    O(P·(J + T)) for P people with J jobs and T tags and circles each.
    """
    from ..names import fold

    org = net.find_organization(query)
    wanted = fold(query)
    rows: list[WhoRow] = []
    for person in net.people.values():
        why: list[str] = []
        if org is not None and person.org == org:
            why.append(f"works at {net.name_of(org)}" + (f" as {person.role}" if person.role else ""))
        if org is not None:
            for job in person.past_orgs:
                if job.org == org and job.org != person.org:
                    span = "–".join(str(d.year) for d in (job.start, job.end) if d is not None)
                    why.append(f"worked at {net.name_of(org)}" + (f" {span}" if span else ""))
        why += [f"tag {t}" for t in person.tags if fold(t) == wanted]
        why += [f"circle {c}" for c in person.circles if fold(c) == wanted]
        if person.location and fold(person.location) == wanted:
            why.append(f"location {person.location}")
        if why:
            org_name = net.name_of(person.org) if person.org else None
            rows.append(WhoRow(person.id, person.name, org_name, person.role, person.strength, why))
    rows.sort(key=lambda r: (-r.strength, r.name, r.id))
    return rows
