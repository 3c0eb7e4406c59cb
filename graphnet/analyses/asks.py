"""The wording of warm-path asks: who to ask, for whom, and what the introductions on record change.

``Ask Ada Lovelace to introduce you to Bob Byron (Data Lead at Acme).``; a path repeating a
declined introduction proposes another route; one repeating an ask still pending says to follow
up (after ``intro_follow_up_days``) rather than ask twice; a path through others to someone I
know says so first. The search is :mod:`graphnet.analyses.warm_paths`; these functions take its
:class:`~graphnet.analyses.warm_paths.PathFinder` for the network, the tie model and the asks on
record.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..model import ME, Introduction
from ..text import month
from .ties import describe_overlap

if TYPE_CHECKING:
    from .warm_paths import Hop, PathFinder, WarmPath

__all__ = ["ask", "follow_up_with", "revise_asks", "who"]


def follow_up_with(intro: Introduction, today: date, settings: Any, name: str) -> str:
    """What to do about an ask still pending: ``follow up with Ada``, or wait out the grace days.

    One rule for every answer: a nudge is due once ``intro_follow_up_days`` have passed since the
    ask (undated asks: at once); before that, "give Ada until 2026-11-28 before following up".
    """
    if intro.date is None or (today - intro.date).days >= settings.intro_follow_up_days:
        return f"follow up with {name}"
    due = intro.date + timedelta(days=settings.intro_follow_up_days)
    return f"give {name} until {due.isoformat()} before following up"


def who(finder: PathFinder, person: str, target: str, kind: str, current: bool) -> str:
    """``Bob Byron (Data Lead at Acme)``, ``Bob Byron (formerly at Acme)``."""
    record = finder.net.people[person]
    name = record.name
    if kind == "organization":
        org = finder.net.name_of(target)
        if current:
            return f"{name} ({record.role} at {org})" if record.role else f"{name} (at {org})"
        return f"{name} (formerly at {org})"
    if record.org:
        org = finder.net.name_of(record.org)
        return f"{name} ({record.role} at {org})" if record.role else f"{name} (at {org})"
    return name


def ask(finder: PathFinder, people: list[str], target: str, kind: str, current: bool) -> str:
    """The ask in one sentence: ``Ask Ada Lovelace to introduce you to Bob Byron (Data Lead at Acme).``"""
    names = [finder.net.name_of(p) for p in people]
    last = who(finder, people[-1], target, kind, current)
    if len(people) == 2:
        if kind == "person":
            return f"Write to {last} directly."
        if current:
            return f"Ask {last} about {finder.net.name_of(target)} directly."
        return f"Ask {last} how to get into {finder.net.name_of(target)}."
    if len(people) == 3:
        return f"Ask {names[1]} to introduce you to {last}."
    chain = ", who can introduce you to ".join([*names[2:-1], last])
    return f"Ask {names[1]} to introduce you to {chain}."


def revise_asks(finder: PathFinder, paths: list[WarmPath], target: str, kind: str) -> None:
    """Asks that know the introductions on record: no repeating a declined one, no asking twice."""
    open_paths = [path for path in paths if not path.declined]
    for path in paths:
        refused = next((hop for hop in path.hops if hop.declined), None)
        if refused is not None:
            path.ask = declined_ask(finder, refused, open_paths[0] if open_paths else None)
            continue
        pending = next((hop for hop in path.hops if hop.introduction is not None), None)
        if pending is not None:
            path.ask = pending_ask(finder, path, pending, target, kind)
        elsewhere = next((hop for hop in path.hops if hop.pending_elsewhere is not None), None)
        if pending is None and elsewhere is not None:
            path.ask = pending_elsewhere_ask(finder, path, elsewhere, target, kind)
        say_i_know_them(finder, path)


def say_i_know_them(finder: PathFinder, path: WarmPath) -> None:
    """A path through others to someone I know myself says so first (I may not need the introduction)."""
    last = path.people[-1]
    model = finder.model
    if len(path.people) <= 2 or (last not in model.social[ME] and last not in model.colleagues):
        return
    if last in model.social[ME]:
        why = model.why(ME, last)
    else:
        overlap = model.colleagues[last]
        why = describe_overlap(overlap, finder.net.name_of(overlap.org))
    path.ask = (
        f"You know {finder.net.name_of(last)} yourself ({why}): write to them directly, or "
        + path.ask[:1].lower()
        + path.ask[1:]
    )


def declined_ask(finder: PathFinder, hop: Hop, other: WarmPath | None) -> str:
    """``Nikhil declined to introduce you to Wendy in October 2026; rather than asking again, try ...``."""
    name = finder.net.name_of
    intro = hop.introduction
    assert intro is not None
    if hop.source == intro.by:
        head = f"{name(intro.by)} declined to introduce you to {name(hop.target)}{month(intro.date)}"
    else:
        head = f"An introduction to {name(hop.target)} by {name(intro.by)} was declined{month(intro.date)}"
    if other is None:
        return (
            f"{head}; rather than asking again, find a different way to meet {name(hop.target)}"
            f" (an event, a group, a shared contact), or ask {name(intro.by)} what would help."
        )
    if len(other.people) == 2:
        return f"{head}; rather than asking again, ask {name(other.insider)} directly instead."
    through = " and ".join(name(p) for p in other.people[1:-1])
    return f"{head}; rather than asking again, try the route through {through} to {name(other.insider)} instead."


def pending_ask(finder: PathFinder, path: WarmPath, hop: Hop, target: str, kind: str) -> str:
    """``You already asked Ada on 2026-11-10 to introduce you to Bob (...); still pending: ...``."""
    name = finder.net.name_of
    intro = hop.introduction
    assert intro is not None
    on = f" on {intro.date.isoformat()}" if intro.date is not None else ""
    if hop.source == intro.by and len(path.people) == 3:
        whom = who(finder, hop.target, target, kind, path.insider_current)
        advice = follow_up_with(intro, finder.model.today, finder.settings, name(intro.by))
        return (
            f"You already asked {name(intro.by)}{on} to introduce you to {whom}; still pending:"
            f" {advice} rather than asking again."
        )
    if hop.source == intro.by:
        extra = f"you already asked {name(intro.by)}{on} for the introduction to {name(hop.target)}, still pending"
    else:
        extra = f"{name(intro.by)} is to introduce you to {name(hop.target)} (you asked{on}; still pending)"
    return f"{path.ask.rstrip('.')}; {extra}."


def pending_elsewhere_ask(finder: PathFinder, path: WarmPath, hop: Hop, target: str, kind: str) -> str:
    """``You already asked Bob on 2026-11-10 to introduce you to Vic (...); still pending: follow up ...``."""
    name = finder.net.name_of
    intro = hop.pending_elsewhere
    assert intro is not None
    on = f" on {intro.date.isoformat()}" if intro.date is not None else ""
    current = path.insider_current if hop.target == path.insider else True
    whom = who(finder, hop.target, target, kind, current) if hop.target == path.insider else name(hop.target)
    advice = follow_up_with(intro, finder.model.today, finder.settings, name(intro.by))
    return (
        f"You already asked {name(intro.by)}{on} to introduce you to {whom}; still pending:"
        f" {advice} rather than a second ask through {name(hop.source)}."
    )
