"""Evidence points: how much contact my interactions with a person show, decayed by age.

After DotAlign's published scoring (docs/analyses.md, "Evidence from mail and
calendar"): a meeting weighs more than mail, mail counts only as far as it went
both ways, and old evidence fades. Per interaction record dated up to today::

    points = evidence_meeting_points · count          a meeting (any kind but email)
           = evidence_email_points · min(sent, received)
             + evidence_one_way_points · |sent − received|    an email summary
           = evidence_email_points · count            an email logged by hand (no sent/received)

    decay(age) = s · max(0, 1 − age / evidence_short_days) + (1 − s) · max(0, 1 − age / evidence_long_days)
                 with s = evidence_short_share (DotAlign: 75% over 2 years, 25% over 6 years)

A person's evidence is the sum of points × decay. The tie model divides it by
``evidence_meeting_points`` ("meeting-equivalents") for the frequency part of the
weight (:mod:`graphnet.analyses.strength`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..model import Interaction, Network, Settings

__all__ = ["Evidence", "counted", "decay", "evidence_by_person", "interaction_points", "is_contact"]

EMAIL = "email"


#: Kind as written -> is it mail: a network has a few kinds over many records, each judged once.
_MAIL_KINDS: dict[str | None, bool] = {}


def _is_mail(interaction: Interaction) -> bool:
    kind = interaction.kind
    mail = _MAIL_KINDS.get(kind)
    if mail is None:
        mail = _MAIL_KINDS[kind] = (kind or "").strip().casefold() == EMAIL
    return mail


def is_contact(interaction: Interaction) -> bool:
    """Does the record show real contact? Mail that went one way only (sent or received, not both) does not.

    DotAlign: "one-way mail is not a relationship". Such a record still adds a few
    evidence points, but does not date a last contact or make a connection a relationship.
    """
    if not _is_mail(interaction) or interaction.sent is None or interaction.received is None:
        return True
    return interaction.sent > 0 and interaction.received > 0


def counted(interaction: Interaction) -> str:
    """`` (14 messages: 6 sent, 8 received)``, `` (2 times)``, or "" for a record of one interaction."""
    count, sent, received = interaction.count, interaction.sent, interaction.received
    if sent is not None and received is not None:
        total = count if count is not None else sent + received
        return f" ({total} {'message' if total == 1 else 'messages'}: {sent} sent, {received} received)"
    if count is not None and count > 1:
        return f" ({count} times)"
    return ""


def interaction_points(interaction: Interaction, settings: Settings) -> float:
    """The undecayed points of one record (see the module's formula)."""
    count = interaction.count if interaction.count is not None else 1
    if not _is_mail(interaction):
        return settings.evidence_meeting_points * count
    sent, received = interaction.sent, interaction.received
    if sent is None or received is None:  # logged by hand: an exchange of mail
        return settings.evidence_email_points * count
    both = min(sent, received)
    return settings.evidence_email_points * both + settings.evidence_one_way_points * abs(sent - received)


def decay(days: int, settings: Settings) -> float:
    """The share of an interaction's points left after ``days`` (1 today, 0 after both spans)."""
    share = min(max(settings.evidence_short_share, 0.0), 1.0)
    short = max(0.0, 1.0 - days / settings.evidence_short_days) if settings.evidence_short_days > 0 else 0.0
    long = max(0.0, 1.0 - days / settings.evidence_long_days) if settings.evidence_long_days > 0 else 0.0
    return share * short + (1.0 - share) * long


@dataclass(slots=True)
class Evidence:
    """What my interactions with one person add up to, as of one day."""

    #: Decayed points, all records up to today.
    points: float = 0.0
    #: In the 365 days before today: meetings (any kind but mail), mail both ways, mail one way.
    meetings: int = 0
    emails_both_ways: int = 0
    emails_one_way: int = 0
    #: The latest meeting and the latest mail record that went both ways.
    last_met: date | None = None
    last_mail: date | None = None
    #: The day all this is counted as of.
    today: date = date.min

    def sentence(self, ago: Callable[[int], str], last_contact: date | None = None) -> str | None:
        """``12 emails both ways and 3 meetings this year; last met 21 days ago``, or None.

        Said when the year holds mail, or at least two interactions (one coffee says
        nothing "last talked" does not). "last met" is added when the last contact was
        not a meeting (it was mail). ``ago`` renders a number of days (``strength.ago``).
        """
        counted = []
        if self.emails_both_ways:
            counted.append(f"{self.emails_both_ways} {'email' if self.emails_both_ways == 1 else 'emails'} both ways")
        if self.meetings:
            counted.append(f"{self.meetings} {'meeting' if self.meetings == 1 else 'meetings'}")
        if self.emails_one_way and not self.emails_both_ways:
            counted.append(f"{self.emails_one_way} one-way {'email' if self.emails_one_way == 1 else 'emails'}")
        mail = self.emails_both_ways or self.emails_one_way
        if not mail and self.meetings < 2:
            return None
        text = " and ".join(counted) + " this year"
        if self.last_met is not None and self.last_met != last_contact:
            text += f"; last met {ago((self.today - self.last_met).days)}"
        return text


def evidence_by_person(net: Network, today: date) -> dict[str, Evidence]:
    """Person id -> my evidence with them, from every interaction dated up to ``today``.

    Notes
    -----
    O(I·m) for I interactions of m people each.
    """
    settings, people = net.me.settings, net.people
    found: dict[str, Evidence] = {}
    # Few distinct days among many records: each decay is computed once (same values, same order of sums).
    decays: dict[int, float] = {}
    for interaction in net.interactions:
        when = interaction.date
        if when > today:
            continue
        age = (today - when).days
        share = decays.get(age)
        if share is None:
            share = decays[age] = decay(age, settings)
        points = interaction_points(interaction, settings) * share
        recent = age < 365
        mail = _is_mail(interaction)
        for ident in interaction.with_:
            if ident not in people:
                continue
            evidence = found.get(ident)
            if evidence is None:
                evidence = found[ident] = Evidence(today=today)
            evidence.points += points
            _add_recent(evidence, interaction, mail, recent)
    return found


def _add_recent(evidence: Evidence, interaction: Interaction, mail: bool, recent: bool) -> None:
    count = interaction.count if interaction.count is not None else 1
    when = interaction.date
    if not mail:
        if recent:
            evidence.meetings += count
        if evidence.last_met is None or when > evidence.last_met:
            evidence.last_met = when
        return
    sent, received = interaction.sent, interaction.received
    both = count if sent is None or received is None else min(sent, received)
    if recent:
        evidence.emails_both_ways += both
        evidence.emails_one_way += 0 if sent is None or received is None else abs(sent - received)
    if both and (evidence.last_mail is None or when > evidence.last_mail):
        evidence.last_mail = when
