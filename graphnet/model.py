"""The records a network is made of, as plain dataclasses.

Every record remembers where it was written (:class:`Source`), so any answer or
problem can point back at the line a person typed. Ids are plain strings; my own
id is always ``"me"``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import NamedTuple

# My id is defined with the name resolver (names.py sits below the model: Network.find_person uses it).
from .names import ME

__all__ = [
    "DEFAULT_CADENCE",
    "ME",
    "STRENGTH_LABELS",
    "Favor",
    "Group",
    "Interaction",
    "Introduction",
    "Job",
    "Me",
    "Network",
    "Organization",
    "Person",
    "Reference",
    "Reminder",
    "Settings",
    "Source",
    "Tie",
    "org_key",
    "slugify",
]


#: What each declared strength means (docs/format.md).
STRENGTH_LABELS: dict[int, str] = {
    0: "not met yet",
    1: "met once",
    2: "acquaintance",
    3: "friendly",
    4: "close",
    5: "inner circle",
}

#: Default keep-in-touch interval in days by declared strength (Dunbar-like layers).
DEFAULT_CADENCE: dict[int, int] = {5: 21, 4: 45, 3: 90, 2: 180, 1: 365}

INTRODUCTION_STATUSES = ("requested", "made", "met", "declined")
#: The status of an introduction written without one.
DEFAULT_INTRODUCTION_STATUS = "made"
#: Declared strengths, weakest first: 0 (not met yet) to 5 (inner circle).
STRENGTH_RANGE = (min(STRENGTH_LABELS), max(STRENGTH_LABELS))


class Source(NamedTuple):
    """Where a record or value was written: file path and 1-based line and column."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


NOWHERE = Source("<none>")

#: An id written somewhere that must name a record of one of ``kinds``:
#: ``(value, kinds, where, path, line, column)``, where ``kinds`` holds "person", "me"
#: or "group" and ``where`` is the cfgv-style key path (``people[3] (id 'ada') > knows[1]``).
#: A plain tuple, since a big network has hundreds of thousands of them. The loader collects
#: them and the validators (``files/validation.py``) check them.
Reference = tuple[str, tuple[str, ...], str, str, int, int]


@dataclass(slots=True)
class Settings:
    """Tuning parameters of the analyses, each settable under ``me:`` in the data.

    Defaults and their meaning are documented in ``docs/analyses.md``; the loader
    accepts exactly these names (typed as their defaults are).
    """

    #: Days after which the recency part of a tie weight has halved.
    recency_half_life_days: float = 180.0
    #: Interactions in the last year at which the frequency part saturates.
    frequency_saturation: int = 12
    #: Trust of a hop between two people currently at the same organization.
    colleague_trust: float = 0.35
    #: Trust of a hop between people who were at the same organization.
    past_colleague_trust: float = 0.2
    #: Trust of a hop between two members of the same group.
    group_trust: float = 0.25
    #: Longest warm path searched, in introductions.
    max_hops: int = 3
    #: Declared strength at or below which a tie counts as weak.
    weak_tie_max_strength: int = 2
    #: A once-strong tie silent this long is dormant (Levin et al. 2011).
    dormant_after_days: int = 730
    #: Someone met this recently with no contact since needs a follow-up.
    follow_up_days: int = 30
    # -- tie strength and warm paths (graphnet/strength.py, graphnet/paths.py; docs/analyses.md) --
    #: Share of declared strength (0-5) in a tie weight (Granovetter's intensity and intimacy).
    tie_weight_declared: float = 0.5
    #: Share of recency (half-life decay) in a tie weight (Gilbert & Karahalios 2009).
    tie_weight_recency: float = 0.2
    #: Share of frequency (interactions in the last year) in a tie weight.
    tie_weight_frequency: float = 0.1
    #: Share of reciprocity (favors both ways) in a tie weight.
    tie_weight_reciprocity: float = 0.1
    #: Share of embeddedness (Onnela's neighbourhood overlap) in a tie weight.
    tie_weight_embeddedness: float = 0.1
    #: Declared strength assumed for a `knows` tie written without one (2 = acquaintance).
    knows_default_strength: int = 2
    #: Factor applied to the weight of an inferred tie (e.g. introducer -> introduced).
    inferred_discount: float = 0.5
    #: Smallest tie weight, so every tie keeps a weight in (0, 1].
    min_tie_weight: float = 0.01
    #: Final-hop factor of a path ending at a former (not current) employee of the target.
    past_insider_trust: float = 0.5
    #: Warm-path search settles at most this many nodes, best-first from the target.
    path_search_nodes: int = 3000
    #: An organization or group with more members is crossed only via this many, strongest to me first.
    path_max_fanout: int = 100
    #: Factor on a path hop that repeats an introduction of me recorded as declined (same introducer
    #: to the same person, or the same pair); in (0, 1], 1 ignores declined introductions.
    declined_introduction_penalty: float = 0.1
    #: Declared strength from which a long-silent tie counts as dormant rather than just overdue.
    dormant_min_strength: int = 3
    #: Above this many nodes, betweenness is estimated from a seeded sample.
    exact_betweenness_max_nodes: int = 3000
    #: Sample size (pivots) of approximate betweenness.
    betweenness_samples: int = 200
    #: Above this many nodes, clusters come from an array-based Louvain instead of NetworkX's.
    louvain_max_nodes: int = 5000
    #: Mutual contacts at which a weak tie helps most (inverted U, Rajkumar et al. 2022).
    weak_tie_mutual_peak: float = 3.0
    #: What reaching a target organization adds to a weak tie's value (in doublings of reach).
    weak_tie_target_bonus: float = 1.0
    #: Days after asking for an introduction before reach-outs suggest a nudge.
    intro_follow_up_days: int = 7
    #: Share of the role match (``looking_for``) in a warm path's insider factor; 0 ignores it.
    role_match_weight: float = 0.5
    #: Share of the link-prediction score (resource allocation) in a ``meet`` suggestion.
    meet_weight_link: float = 1.0
    #: Share of the inverted U on mutual contacts (Rajkumar et al. 2022) in a ``meet`` suggestion.
    meet_weight_mutual: float = 1.0
    #: Share of the goal match (at a target, or matching ``looking_for``) in a ``meet`` suggestion.
    meet_weight_goal: float = 1.0
    #: Share of reaching a cluster my close ties do not reach in a ``meet`` suggestion.
    meet_weight_new_cluster: float = 0.5
    #: Seed of every randomised computation, so answers are reproducible.
    seed: int = 42
    # -- imports from calendar and mail (graphnet/io/calendar.py, mail.py; docs/import-export.md) --
    #: A calendar event with more attendees than this is not a meeting with each of them.
    max_meeting_size: int = 10
    #: A message with more recipients (To, Cc, Bcc) than this is not correspondence with each of them.
    max_mail_recipients: int = 10
    # -- evidence points from interactions (graphnet/analyses/evidence.py; docs/analyses.md) --
    #: Points per meeting (an imported `meeting`, or any hand-logged interaction that is not mail).
    evidence_meeting_points: float = 3.0
    #: Points per reciprocated e-mail: min(sent, received) of a month's mail with one person.
    evidence_email_points: float = 1.0
    #: Points per e-mail that went one way only (sent or received beyond the reciprocated ones).
    evidence_one_way_points: float = 0.1
    #: Share of the points that decays linearly to 0 over ``evidence_short_days`` (DotAlign: 75%).
    evidence_short_share: float = 0.75
    #: Days over which the short-lived share of the points fades out (DotAlign: 2 years).
    evidence_short_days: int = 730
    #: Days over which the rest of the points fades out (DotAlign: 6 years).
    evidence_long_days: int = 2190

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


#: The range each setting under ``me:`` may take, both ends included: ``check`` reports a value
#: outside it as an error at its line, and an option that overrides a setting (``path --max-hops``)
#: refuses it (exit 2). Each range keeps answers possible and computable: a trust or share lies
#: in [0, 1], a count of days in [1, 36500] (a century), ``max_hops`` in [1, 6] (longer paths
#: are no warm introductions, and the search grows with the hops), search sizes bounded by
#: what a laptop holds. docs/format.md lists them (a test keeps the two equal).
SETTING_RANGES: dict[str, tuple[float, float]] = {
    "recency_half_life_days": (1, 36500),
    "frequency_saturation": (1, 10000),
    "colleague_trust": (0, 1),
    "past_colleague_trust": (0, 1),
    "group_trust": (0, 1),
    "max_hops": (1, 6),
    "weak_tie_max_strength": (0, 5),
    "dormant_after_days": (1, 36500),
    "follow_up_days": (1, 36500),
    "tie_weight_declared": (0, 1),
    "tie_weight_recency": (0, 1),
    "tie_weight_frequency": (0, 1),
    "tie_weight_reciprocity": (0, 1),
    "tie_weight_embeddedness": (0, 1),
    "knows_default_strength": (0, 5),
    "inferred_discount": (0, 1),
    "min_tie_weight": (0.0001, 1),
    "past_insider_trust": (0, 1),
    "path_search_nodes": (10, 1_000_000),
    "path_max_fanout": (1, 100_000),
    "declined_introduction_penalty": (0.0001, 1),
    "dormant_min_strength": (0, 5),
    "exact_betweenness_max_nodes": (0, 1_000_000),
    "betweenness_samples": (1, 100_000),
    "louvain_max_nodes": (0, 10_000_000),
    "weak_tie_mutual_peak": (0, 10_000),
    "weak_tie_target_bonus": (0, 100),
    "intro_follow_up_days": (1, 36500),
    "role_match_weight": (0, 1),
    "meet_weight_link": (0, 100),
    "meet_weight_mutual": (0, 100),
    "meet_weight_goal": (0, 100),
    "meet_weight_new_cluster": (0, 100),
    "seed": (0, 2**32 - 1),
    "max_meeting_size": (1, 100_000),
    "max_mail_recipients": (1, 100_000),
    "evidence_meeting_points": (0, 1000),
    "evidence_email_points": (0, 1000),
    "evidence_one_way_points": (0, 1000),
    "evidence_short_share": (0, 1),
    "evidence_short_days": (1, 36500),
    "evidence_long_days": (1, 36500),
}
#: How many items an answer may list (``--top`` of every command, ``top`` of the library).
TOP_RANGE = (1, 1000)
#: How many items an answer lists unless asked (``top``): brokers, weak ties, reach-outs, meet.
DEFAULT_TOP = 10
#: How many warm paths ``path`` shows unless asked (``top``).
DEFAULT_PATHS = 5
#: How many people a map may show (``map --limit``).
MAP_LIMIT_RANGE = (1, 1_000_000)
#: Days of a keep-in-touch ``cadence`` (under ``me:`` or a person): one day to a century.
CADENCE_RANGE = (1, 36500)
#: Largest ``count``, ``sent`` or ``received`` of one interaction record.
COUNT_MAX = 1_000_000


def setting_range_text(name: str) -> str:
    """``from 1 to 6``: the range of setting ``name`` as messages and docs write it."""
    low, high = SETTING_RANGES[name]
    return f"from {_number_text(low)} to {_number_text(high)}"


def _number_text(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


#: The dates graphnet supports, in the data, in options and as ``--today``: date arithmetic over a
#: century of cadences and half-lives stays inside Python's calendar (years 1 to 9999).
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2199, 12, 31)


def date_out_of_range(when: date) -> str | None:
    """Why ``when`` is not a supported date, or None when it is."""
    if DATE_MIN <= when <= DATE_MAX:
        return None
    return f"graphnet supports dates from {DATE_MIN} to {DATE_MAX}, not {when}"


def calendar_today() -> date:
    """The real date on this machine, not ``--today``.

    ``--today`` says as of when to answer (records dated after it are left out); a date
    after the real date is a typo, an error in ``check``, and no write may create one.
    """
    return date.today()


@dataclass(slots=True)
class Tie:
    """A ``knows`` entry: the person it sits under knows ``other``."""

    other: str
    strength: int | None = None
    since: date | None = None
    note: str | None = None
    source: Source = NOWHERE


@dataclass(slots=True)
class Job:
    """A past position (``past_orgs`` entry)."""

    org: str
    role: str | None = None
    department: str | None = None
    start: date | None = None
    end: date | None = None
    source: Source = NOWHERE


@dataclass(slots=True)
class Person:
    id: str
    name: str
    org: str | None = None
    role: str | None = None
    department: str | None = None
    past_orgs: list[Job] = field(default_factory=list)
    circles: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    strength: int = 2
    met: date | None = None
    #: When we connected on a social network (LinkedIn's *Connected On*): never contact.
    connected: date | None = None
    introduced_by: str | None = None
    cadence: int | None = None
    last_contact: date | None = None
    knows: list[Tie] = field(default_factory=list)
    #: The first e-mail address written (``email`` may be one address or a list).
    email: str | None = None
    #: Every e-mail address written, the first one first.
    emails: list[str] = field(default_factory=list)
    location: str | None = None
    #: Reach-outs leave them out until this day.
    snoozed_until: date | None = None
    phone: str | None = None
    url: str | None = None
    notes: str | None = None
    #: The import that wrote this record (``linkedin``, ``vcard``…) when its file is an import's
    #: file (it starts with the import's comment); None for records written by hand.
    imported: str | None = None
    source: Source = NOWHERE


@dataclass(slots=True)
class Organization:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    industry: str | None = None
    competitors: list[str] = field(default_factory=list)
    notes: str | None = None
    #: False for an organization only named by someone's ``org``/``past_orgs``.
    declared: bool = True
    source: Source = NOWHERE


@dataclass(slots=True)
class Group:
    id: str
    name: str
    kind: str | None = None
    members: list[str] = field(default_factory=list)
    notes: str | None = None
    source: Source = NOWHERE


@dataclass(slots=True)
class Introduction:
    date: date | None
    by: str
    people: tuple[str, str]
    status: str = DEFAULT_INTRODUCTION_STATUS
    note: str | None = None
    source: Source = NOWHERE


@dataclass(slots=True)
class Interaction:
    date: date
    with_: list[str]
    kind: str | None = None
    note: str | None = None
    #: How many interactions the record stands for (a month of mail, meetings of one day); None: one.
    count: int | None = None
    #: Of ``count``, messages I sent and received (mail summaries).
    sent: int | None = None
    received: int | None = None
    source: Source = NOWHERE


@dataclass(slots=True)
class Favor:
    date: date | None
    from_: str
    to: str
    kind: str | None = None
    what: str | None = None
    source: Source = NOWHERE


@dataclass(slots=True)
class Reminder:
    """A follow-up planned with someone: the one record that may be dated in the future."""

    date: date
    person: str
    note: str | None = None
    source: Source = NOWHERE


@dataclass(slots=True)
class Me:
    name: str = "Me"
    #: Target organization ids (resolved from the names or ids written).
    targets: list[str] = field(default_factory=list)
    #: Roles, functions, seniority or keywords I look for (``[product, VP Product]``), as written.
    looking_for: list[str] = field(default_factory=list)
    cadence: dict[int, int] = field(default_factory=lambda: dict(DEFAULT_CADENCE))
    #: Company names that are no organization, beyond graphnet's own list (graphnet.orgnames).
    not_organizations: list[str] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    #: My own job history, written as a person's is: where I work now (an organization id) …
    org: str | None = None
    role: str | None = None
    department: str | None = None
    #: … and where I worked before; colleagues there at the same time are my (former) colleagues.
    past_orgs: list[Job] = field(default_factory=list)
    location: str | None = None
    #: The first e-mail address written; ``emails`` holds every one (``email`` may be a list).
    email: str | None = None
    emails: list[str] = field(default_factory=list)
    circles: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    source: Source = NOWHERE


@dataclass
class Network:
    """Everything read from one network folder.

    Built by :func:`graphnet.load`; analyses take it (or the graph built from it)
    as their first argument.
    """

    root: Path
    me: Me = field(default_factory=Me)
    people: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    introductions: list[Introduction] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    favors: list[Favor] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)
    #: The data files read, relative to ``root``, in reading order.
    files: list[str] = field(default_factory=list)
    #: A hash of the files' names and bytes as read (:func:`graphnet.files.cache.fingerprint`),
    #: so a writer can tell whether the folder changed since it was loaded.
    digest: str = ""
    #: The SHA-256 of each file's bytes, in the order of ``files`` (``b"unreadable"`` for a file
    #: that could not be read): the roster (graphnet.files.roster) keeps them to follow a write.
    file_hashes: list[bytes] = field(default_factory=list)
    #: No date in the records is after this day (set by the loader: the latest date written).
    #: None when not known; :func:`graphnet.analyses.ties.as_of` then looks at every date.
    dated_until: date | None = None

    def name_of(self, ident: str) -> str:
        """Display name of a person, organization or group id (``me`` -> "you")."""
        if ident == ME:
            return "you"
        for table in (self.people, self.organizations, self.groups):
            record = table.get(ident)
            if record is not None:
                return record.name
        return ident

    def find_organization(self, text: str) -> str | None:
        """The id of the organization called ``text`` (id, name or alias, any case)."""
        if text in self.organizations:
            return text
        wanted = org_key(text)
        folded = text.casefold().strip()
        for org in self.organizations.values():
            if org.id.casefold() == folded or org.name.casefold() == folded:
                return org.id
            if any(a.casefold() == folded for a in org.aliases):
                return org.id
        for org in self.organizations.values():
            if org_key(org.name) == wanted or any(org_key(a) == wanted for a in org.aliases):
                return org.id
        return None

    def find_person(self, text: str) -> str | None:
        """The id of the one person ``text`` names (see :mod:`graphnet.names`), or None."""
        from .names import find_person

        return find_person(self, text)


_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def slugify(name: str) -> str:
    """The default id for a name: ``"Ada Lovelace"`` -> ``"ada-lovelace"``.

    Accents are dropped where they decompose (``Zoë`` -> ``zoe``); letters of other
    scripts are kept. An empty result means the name needs an explicit id.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub("-", stripped.casefold()).replace("_", "-").strip("-")


_ORG_SUFFIXES = {
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "llc",
    "ltd",
    "limited",
    "gmbh",
    "ag",
    "sa",
    "plc",
    "se",
    "bv",
    "nv",
    "the",
    "group",
}


def org_key(name: str) -> str:
    """A key under which spellings of one organization meet.

    ``"Acme Corp"``, ``"ACME Corp."`` and ``"Acme, Inc."`` all give ``"acme"``.
    """
    words = [w for w in slugify(name).split("-") if w]
    kept = [w for w in words if w not in _ORG_SUFFIXES]
    return "-".join(kept or words)
