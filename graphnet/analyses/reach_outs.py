"""Whom to contact now, ranked, each with its reasons and a suggested action.

Reasons (their ``kind`` in JSON), each with a score in (0, 1):

``overdue``
    Past their keep-in-touch cadence (the person's ``cadence``, else ``me.cadence``
    for their strength); also strength >= 3 with no contact on record.
``dormant``
    A once-strong tie (strength >= ``dormant_min_strength``) silent for
    ``dormant_after_days`` or more: dormant ties give knowledge as novel as current
    ones, with the trust already built (Levin, Walter & Murnighan 2011).
``follow-up``
    Met in the last ``follow_up_days`` with no contact since.
``reciprocity``
    They did me more favors than I did them (or I have only taken).
``target-path``
    First hop of one of the best warm paths to a target organization (``me.targets``),
    unless the path repeats an introduction of me that was declined.
``pending-introduction``
    An introduction requested or made but not yet met.
``reminder``
    A follow-up planned with ``graphnet remind``: from its day until a contact is logged on
    or after it.

A person snoozed (``snoozed_until`` after today, ``graphnet snooze``) is left out.

Connections (people with nothing but an import behind them,
:func:`graphnet.analyses.activity.connections`) have no cadence: they are never
overdue, dormant or a follow-up.

A person's score combines their reasons as a noisy-or, ``1 − Π(1 − s_i)``, so two
reasons outrank one of the same strength. Someone contacted within their cadence
with nothing owed or pending does not appear.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import require_range
from ..gcpause import paused_gc
from ..model import DEFAULT_TOP, ME, TOP_RANGE, Introduction, Network, Person
from ..text import ago, clip, on_day, times
from .activity import connections, last_contacts
from .strength import TieModel
from .ties import Overlap, as_of, describe_overlap, my_colleagues
from .warm_paths import PathFinder

__all__ = ["REASON_KINDS", "ReachOut", "ReachOutResult", "Reason", "reach_outs"]

REASON_KINDS = ("overdue", "dormant", "follow-up", "reciprocity", "target-path", "pending-introduction", "reminder")
#: How many paths per target are looked at for ``target-path`` reasons.
PATHS_PER_TARGET = 3
#: The highest score a routine catch-up (``overdue``) can reach: below every lead to a target.
ROUTINE = 0.5
#: A ``target-path`` reason scores TARGET_BASE + TARGET_SPAN · √(path score): from 0.5 up.
TARGET_BASE, TARGET_SPAN = 0.5, 0.45


@dataclass
class Reason:
    kind: str
    text: str
    score: float
    action: str
    #: Other people the reason is about (for an introduction: whom it is to), for ``--targets``.
    about: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "score": round(self.score, 4)}


@dataclass
class ReachOut:
    id: str
    name: str
    score: float
    reasons: list[Reason]
    action: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 4),
            "reasons": [r.to_json() for r in self.reasons],
            "action": self.action,
        }


@dataclass
class ReachOutResult:
    today: date
    reach_outs: list[ReachOut] = field(default_factory=list)
    #: People with at least one reason, before ``top`` was applied.
    candidates: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "candidates": self.candidates,
            "reach_outs": [r.to_json() for r in self.reach_outs],
        }


def _importance(strength: int) -> float:
    """How much keeping a tie of this strength matters: 0.44 (met once) to 1 (inner circle)."""
    return 0.3 + 0.7 * min(max(strength, 0), 5) / 5


def _latest_evidence(
    last: date | None, met: date | None, overlap: Overlap | None, day: date, net: Network
) -> tuple[date | None, str]:
    """The latest sign of contact and how to say it: a logged contact, the day we met, or our overlap at work.

    Only a logged contact is called a contact; a meeting with nothing logged since says so.
    """
    seen, basis = None, ""
    if last is not None:
        seen, basis = last, f"last contact {ago((day - last).days)}"
    if met is not None and (seen is None or met > seen):
        seen, basis = met, f"met {ago((day - met).days)} ({met.year}), nothing logged since"
    if overlap is not None and overlap.dated and (seen is None or overlap.end > seen):
        seen = overlap.end
        basis = describe_overlap(overlap, net.name_of(overlap.org)) + (
            "" if overlap.current else f" (until {ago((day - overlap.end).days)}), nothing logged since"
        )
    return seen, basis


def reach_outs(
    net: Network,
    *,
    today: date | None = None,
    top: int = DEFAULT_TOP,
    model: TieModel | None = None,
    targets_only: bool = False,
) -> ReachOutResult:
    """Whom to contact now, ranked, each with reasons and a suggested action.

    Parameters
    ----------
    net : Network
        A loaded network.
    today : date, optional
        The day to answer for (default today); evidence dated after it is ignored,
        so the same day gives the same answer.
    top : int
        How many people to return (default 10).
    model : TieModel, optional
        A tie model already built for ``net`` and ``today`` (for the target paths).
    targets_only : bool
        Only what moves toward a target: the first steps of warm paths, pending
        introductions to people on those paths or at a target, and favors owed to
        people on those paths; ranked by the best path each item serves, best first.

    Returns
    -------
    ReachOutResult
        ``reach_outs`` sorted by score, each with ``reasons`` (``kind``, ``text``) and one ``action``.

    Raises
    ------
    GraphnetError
        When ``top`` is below 1.

    Notes
    -----
    O(P + I + F + N) for people, interactions, favors and introductions, plus one
    warm-path search per target (see :func:`graphnet.paths.warm_paths`), which
    dominates at 30,000 people.

    References
    ----------
    Levin, D. Z., Walter, J., & Murnighan, J. K. (2011). Dormant ties: The value of reconnecting.
    *Organization Science* 22(4), 923-939.
    Burt, R. S. (2002). Bridge decay. *Social Networks* 24(4), 333-363.
    Dunbar, R. I. M. (1998). The social brain hypothesis. *Evolutionary Anthropology* 6(5), 178-190.
    """
    require_range("top", top, *TOP_RANGE)
    with paused_gc():
        return _reach_outs(net, today if today is not None else date.today(), top, model, targets_only)


def _reach_outs(net: Network, day: date, top: int, model: TieModel | None, targets_only: bool) -> ReachOutResult:
    net = as_of(net, day)
    # One tie model for the target paths, built first so that its contact evidence is reused.
    if net.me.targets and model is None:
        model = TieModel(net, day)
    facts = _facts(net, day, model)
    findings = [finding for rule in RULES for finding in rule(facts)]
    # target paths: the first hop of the best paths to each target
    leads: dict[str, float] = {}
    if model is not None and net.me.targets:
        per_target = max(PATHS_PER_TARGET, top) if targets_only else PATHS_PER_TARGET
        found, leads = _target_paths(net, model, per_target)
        findings += found
    reasons = _by_person(net, day, findings)
    if targets_only:
        _keep_target_reasons(net, reasons, leads)
    return _ranked(net, day, reasons, top, leads if targets_only else None)


@dataclass(frozen=True)
class _Facts:
    """What the rules read: the records as of the day and my contact evidence."""

    net: Network
    day: date
    #: Person id -> the last contact logged with them.
    latest: dict[str, date]
    #: Person id -> the time we were colleagues.
    colleagues: dict[str, Overlap]
    #: People with nothing but an import behind them.
    imported_only: Any


def _facts(net: Network, day: date, model: TieModel | None) -> _Facts:
    """The rules' facts: the tie model's contact evidence when it is of the same records and day."""
    if model is not None and model.net is net and model.today == day:
        return _Facts(net, day, model.contacts, model.colleagues, model.connections)
    return _Facts(net, day, last_contacts(net, day), my_colleagues(net, day), connections(net, day))


#: What a rule finds: the person a reason is about, and the reason.
Finding = tuple[str, Reason]


def _reason(kind: str, text: str, score: float, action: str, about: tuple[str, ...] = ()) -> Reason:
    """A reason, its score kept inside (0, 1) so that the noisy-or stays below 1."""
    return Reason(kind, text, min(max(score, 0.01), 0.999), action, about)


def _by_person(net: Network, day: date, findings: list[Finding]) -> dict[str, list[Reason]]:
    """Person id -> their reasons, in the order found; people not in the network or snoozed are left out."""
    people = net.people
    snoozed = {p.id for p in people.values() if p.snoozed_until is not None and p.snoozed_until > day}
    reasons: dict[str, list[Reason]] = defaultdict(list)
    for person, reason in findings:
        if person in people and person not in snoozed:
            reasons[person].append(reason)
    return reasons


def _ranked(
    net: Network, day: date, reasons: dict[str, list[Reason]], top: int, leads: dict[str, float] | None
) -> ReachOutResult:
    """The ``top`` people by their reasons' noisy-or (with ``leads``: by the best path each serves first)."""
    rows: list[tuple[float, str, str, list[Reason]]] = []
    for ident, found in reasons.items():
        kept = found if len(found) == 1 else _strongest_per_kind(found)  # most people have one reason
        remaining = 1.0
        for reason in kept:
            remaining *= 1 - reason.score
        rows.append((remaining - 1, net.people[ident].name, ident, kept))
    # Highest score first, then by name and id (unique): the first ``top`` of the full order.
    if leads is not None:
        best_rows = heapq.nsmallest(top, rows, key=lambda row: (-leads.get(row[2], 0.0), *row[:3]))
    else:
        best_rows = heapq.nsmallest(top, rows, key=lambda row: row[:3])
    ranked = [ReachOut(ident, name, -negative, kept, kept[0].action) for negative, name, ident, kept in best_rows]
    return ReachOutResult(today=day, reach_outs=ranked, candidates=len(rows))


def _strongest_per_kind(found: list[Reason]) -> list[Reason]:
    """One reason per kind (the strongest; the first of equals), strongest first."""
    best: dict[str, Reason] = {}
    for reason in found:
        if reason.kind not in best or reason.score > best[reason.kind].score:
            best[reason.kind] = reason
    return sorted(best.values(), key=lambda r: -r.score)


def _cadence(facts: _Facts) -> list[Finding]:
    """Overdue (past the cadence), dormant (a once-strong tie gone silent) and follow-up (met lately, nothing since)."""
    net, day = facts.net, facts.day
    found: list[Finding] = []
    for person in net.people.values():
        if person.id in facts.imported_only:
            continue  # a connection, not a relationship: no cadence to keep
        last = facts.latest.get(person.id)
        seen, basis = _latest_evidence(last, person.met, facts.colleagues.get(person.id), day, net)
        days = (day - seen).days if seen is not None else None
        reason = _dormant(net, person, days, basis) or _overdue(net, person, days, basis)
        if reason is not None:
            found.append((person.id, reason))
        reason = _follow_up(net, person, last, day)
        if reason is not None:
            found.append((person.id, reason))
    return found


def _dormant(net: Network, person: Person, days: int | None, basis: str) -> Reason | None:
    """A once-strong tie silent for ``dormant_after_days`` or more."""
    settings, strength = net.me.settings, person.strength
    if strength < max(settings.dormant_min_strength, 1) or days is None or days < settings.dormant_after_days:
        return None
    return _reason(
        "dormant",
        f"once {'close' if strength >= 4 else 'friendly'} (strength {strength}), {basis}: "
        "a dormant tie brings fresh news with the trust already built",
        0.45 + 0.1 * (strength - settings.dormant_min_strength),
        f"Reconnect with {person.name}: ask what they are working on now",
    )


def _overdue(net: Network, person: Person, days: int | None, basis: str) -> Reason | None:
    """Past the cadence (or strength 3 and more with no contact on record): a routine catch-up,
    at most :data:`ROUTINE`, below any lead to a target."""
    strength = person.strength
    cadence = person.cadence or net.me.cadence.get(strength)
    if not (cadence and strength >= 1 and ((days is None and strength >= 3) or (days is not None and days > cadence))):
        return None
    if days is None:
        text = f"no contact on record; your cadence for strength {strength} is {cadence} days"
        score = ROUTINE * 0.5 * _importance(strength)
    else:
        text = f"{basis}, past your {cadence}-day cadence"
        score = ROUTINE * _importance(strength) * (1 - 0.5 ** (days / cadence))
    name = person.name
    action = f"Suggest a coffee or a call with {name}" if strength >= 4 else f"Send {name} a short note to catch up"
    return _reason("overdue", text, score, action)


def _follow_up(net: Network, person: Person, last: date | None, day: date) -> Reason | None:
    """Met in the last ``follow_up_days`` with no contact since."""
    met, follow_up_days = person.met, net.me.settings.follow_up_days
    if met is None or (day - met).days > follow_up_days or (last is not None and last > met):
        return None
    since = (day - met).days
    return _reason(
        "follow-up",
        f"met {ago(since)}, no contact since",
        0.5 + 0.3 * (1 - since / max(follow_up_days, 1)),
        f"Follow up with {person.name}: a short note about where you met",
    )


def _reminders(facts: _Facts) -> list[Finding]:
    """Reminders: due from their day until a contact is logged on or after it."""
    net, day, latest = facts.net, facts.day, facts.latest
    found: list[Finding] = []
    for reminder in net.reminders:
        last = latest.get(reminder.person)
        # A reminder is dated after today on purpose (the records as of today keep it): not due yet.
        if reminder.date > day or (last is not None and last >= reminder.date):
            continue
        note = f": {clip(reminder.note)}" if reminder.note else ""
        name = net.name_of(reminder.person)
        reason = _reason(
            "reminder",
            f"you planned to follow up on {reminder.date.isoformat()}{note}",
            0.85,
            f"Follow up with {name}" + (f" ({clip(reminder.note)})" if reminder.note else ""),
        )
        found.append((reminder.person, reason))
    return found


def _reciprocity(facts: _Facts) -> list[Finding]:
    """They did me more favors than I did them."""
    people = facts.net.people
    given: dict[str, int] = defaultdict(int)
    received: dict[str, int] = defaultdict(int)
    what: dict[str, str] = {}
    for favor in facts.net.favors:
        if favor.from_ == ME:
            given[favor.to] += 1
        elif favor.to == ME:
            received[favor.from_] += 1
            label = favor.what or favor.kind
            if label:
                what[favor.from_] = label
    found: list[Finding] = []
    for ident, count in received.items():
        owed = count - given.get(ident, 0)
        if owed <= 0 or ident not in people:
            continue
        detail = f" ({clip(what[ident])})" if ident in what else ""
        if given.get(ident, 0) == 0:
            text = f"helped you {times(count)}{detail}; you have not returned it"
        else:
            text = f"helped you {times(count)}{detail}, you helped them {times(given[ident])}"
        action = f"Offer {people[ident].name} help in return: ask what they are working on and what they need"
        found.append((ident, _reason("reciprocity", text, 0.45 + 0.1 * min(owed - 1, 3), action)))
    return found


def _introductions(facts: _Facts) -> list[Finding]:
    """Introductions requested or made but not met yet, mine and the ones I was asked for."""
    found: list[Finding] = []
    for intro in facts.net.introductions:
        if intro.status not in ("requested", "made"):
            continue
        if intro.by == ME:
            found.append(_asked_of_me(facts.net, intro))
        elif ME in intro.people:
            finding = _asked_by_me(facts, intro)
            if finding is not None:
                found.append(finding)
    return found


def _asked_by_me(facts: _Facts, intro: Introduction) -> Finding | None:
    """An introduction of me: requested (nudge the introducer, once they have had time) or made (meet them)."""
    net, day = facts.net, facts.day
    a, b = intro.people
    other = b if a == ME else a
    if intro.status == "requested":
        waited = (day - intro.date).days if intro.date is not None else None
        if waited is not None and waited < net.me.settings.intro_follow_up_days:
            return None  # asked recently: give them time before a nudge
        return intro.by, _reason(
            "pending-introduction",
            f"you asked them{on_day(intro.date)} to introduce you to {net.name_of(other)}; not made yet"
            + (f" ({waited} days ago)" if waited is not None else ""),
            0.6,
            f"Nudge {net.name_of(intro.by)} about the introduction to {net.name_of(other)} (offer a short blurb)",
            (other,),
        )
    seen_since = facts.latest.get(other)
    if intro.date is not None and seen_since is not None and seen_since > intro.date:
        return None  # in touch since: effectively met
    return other, _reason(
        "pending-introduction",
        f"{net.name_of(intro.by)} introduced you{on_day(intro.date)}; you have not met yet",
        0.75,
        f"Propose a time to meet {net.name_of(other)}",
        (intro.by,),
    )


def _asked_of_me(net: Network, intro: Introduction) -> Finding:
    """An introduction I was asked for (make it) or made (check they met)."""
    a, b = intro.people
    if intro.status == "requested":
        return a, _reason(
            "pending-introduction",
            f"you were asked{on_day(intro.date)} to introduce them to {net.name_of(b)}; not made yet",
            0.65,
            f"Introduce {net.name_of(a)} to {net.name_of(b)}",
            (b,),
        )
    return a, _reason(
        "pending-introduction",
        f"you introduced them to {net.name_of(b)}{on_day(intro.date)}; they have not met yet",
        0.3,
        f"Check whether {net.name_of(a)} and {net.name_of(b)} have met",
        (b,),
    )


#: The rules, each returning the reasons it finds (``kind`` in :data:`REASON_KINDS`) as (person, reason)
#: pairs; target paths come after them.
RULES: tuple[Callable[[_Facts], list[Finding]], ...] = (_cadence, _reminders, _reciprocity, _introductions)


def _target_paths(net: Network, model: TieModel, per_target: int) -> tuple[list[Finding], dict[str, float]]:
    """A ``target-path`` reason for the first step of the best paths to each target.

    Returns the reasons, and every person on those paths (first steps, go-betweens, insiders) ->
    the best score of a path they are on: what ``--targets`` keeps and ranks by.
    """
    settings = net.me.settings
    finder = PathFinder(model)
    found: list[Finding] = []
    leads: dict[str, float] = {}
    for target in net.me.targets:
        if target not in net.organizations:
            continue
        paths, _searched, _exhaustive = finder.find(target, "organization", per_target, settings.max_hops)
        org = net.name_of(target)
        for path in paths:
            if path.declined:  # it repeats a declined introduction: not a reason to write to them
                continue
            for person in path.people[1:]:
                leads[person] = max(leads.get(person, 0.0), path.score)
            if len(path.people) == 2:
                where = "works" if path.insider_current else "worked"
                text = f"{where} at {org}, one of your targets (path score {path.score:.0%})"
            else:
                text = f"first step of a warm path to {org}, one of your targets (path score {path.score:.0%})"
            score = TARGET_BASE + TARGET_SPAN * math.sqrt(max(path.score, 0.0))
            found.append((path.people[1], _reason("target-path", text, score, path.ask.rstrip("."))))
    return found, leads


def _keep_target_reasons(net: Network, reasons: dict[str, list[Reason]], leads: dict[str, float]) -> None:
    """Keep only what moves toward a target: target paths, and pending introductions and favors
    owed that involve someone on those paths (or, for an introduction, someone at a target)."""
    targets = set(net.me.targets)

    def on_the_way(person: str) -> bool:
        return person in leads or (person in net.people and net.people[person].org in targets)

    for person in list(reasons):
        kept = [
            r
            for r in reasons[person]
            if r.kind == "target-path"
            or (r.kind == "reciprocity" and person in leads)
            or (r.kind == "pending-introduction" and (on_the_way(person) or any(on_the_way(o) for o in r.about)))
        ]
        if kept:
            reasons[person] = kept
        else:
            del reasons[person]
