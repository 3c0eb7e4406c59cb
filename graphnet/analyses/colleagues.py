"""My (former) colleagues: people who work or worked where I worked, at an overlapping time.

``me:`` may hold my own ``org`` (now) and ``past_orgs`` (before, ``{org, role, from, to}``),
written as a person's are. A person is my colleague at an organization when one of their
jobs there overlaps one of mine:

* a current job (``org``) runs until today; its start is unknown unless the same
  organization is also listed in ``past_orgs`` with a ``from`` (then that ``from``);
* a past job runs ``from``–``to``; a missing ``from`` is "since always" and a missing ``to``
  "until some time before today" (taken as today, so undated jobs count as overlapping);
* two jobs overlap when the later start is on or before the earlier end.

The overlap is evidence of contact: its last day (today, when we both still work there)
counts as a contact for recency and reach-outs, and every answer that mentions the tie
says "worked together at Lieferfix 2021–2026" (or "colleagues at Lieferfix since 2024").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Job, Network

__all__ = ["Overlap", "describe_overlap", "my_colleagues"]


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


def _spans(org: str | None, past: list[Job], today: date) -> dict[str, list[_Span]]:
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
    mine = _spans(me.org, me.past_orgs, today)
    if not mine:
        return {}
    found: dict[str, Overlap] = {}
    for person in net.people.values():
        if person.org not in mine and not any(job.org in mine for job in person.past_orgs):
            continue
        for org, theirs in _spans(person.org, person.past_orgs, today).items():
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
