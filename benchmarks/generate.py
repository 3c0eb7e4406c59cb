"""Generate a realistic, synthetic professional network in graphnet's YAML format.

Usage::

    python benchmarks/generate.py --people 30000 --seed 1 /tmp/net30k
    graphnet --data /tmp/net30k --today 2026-11-25 check

The network is spread over many files the way a person with a big network might
keep it::

    me.yaml                        me: name, targets (3 organizations), cadence
    organizations.yaml             organizations with aliases, industry, competitors
    groups.yaml                    a few hundred groups with their members
    people/part-0001.yaml ...      500 people per file, with their `knows` ties
    log/interactions-YYYY.yaml     three years of interactions ending 2026-11-25
    log/introductions.yaml
    log/favors.yaml

Structure, so analyses meet the shapes they meet in real networks:

- organization sizes follow a Zipf law (a few employers hold thousands of my
  contacts, most hold a handful); organizations have aliases and competitors
  inside their industry; people have past jobs (``past_orgs`` with dates);
- a few hundred groups (alumni, associations, meetups, boards...), mostly tied
  to one industry, with heavy-tailed sizes;
- about 5-15 ``knows`` ties per person, stored once per pair, mostly inside a
  department of an organization, then past colleagues and group co-members, plus
  a few long-range ties (half inside the same industry); industries therefore
  form communities;
- my declared strength: most ties 1-2, fewer 3-5, some 0 (not met yet);
- interactions over three years, heavy-tailed per person and weighted by
  strength; favors both ways; introductions (``introduced_by`` with the matching
  record, introductions I made, requests towards target organizations).

Every id is explicit and unique (``p00001``, ``org-...``, ``grp-...``). The output
depends only on ``people`` and ``seed`` (one :class:`random.Random`, no set
iteration order): the same arguments give byte-identical files. Text is written
directly (no ``yaml.dump``), quoting values with :func:`q` where YAML needs it.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
from bisect import bisect_left
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

__all__ = ["TODAY", "generate", "q"]

#: The last day of the generated history (benchmarks pass ``--today`` with it).
TODAY = date(2026, 11, 25)
#: Interactions cover the three years that end on :data:`TODAY`.
LOG_START = TODAY - timedelta(days=3 * 365)
PEOPLE_PER_FILE = 500

# --------------------------------------------------------------------------- quoting

_PLAIN_BLOCK = re.compile(r"[^\W\d_][\w .,@/+'()&-]*\Z")
_PLAIN_FLOW = re.compile(r"[^\W\d_][\w .@/+'()&-]*\Z")
#: YAML 1.1 booleans, null and float specials: plain, other readers would not see a string.
_RESERVED = frozenset(["y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf"])


def q(text: str, flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain when that is unambiguous, else double-quoted.

    Plain scalars start with a letter and hold only letters, digits, spaces and
    ``.,@/+'()&-`` (no ``,`` inside flow collections), never ``": "`` or ``" #"``
    nor a trailing space, and are not one of YAML 1.1's boolean/null words, so
    any YAML reader (not only graphnet's strict one) reads back the same string.
    """
    pattern = _PLAIN_FLOW if flow else _PLAIN_BLOCK
    if (
        pattern.match(text)
        and not text.endswith(" ")
        and ": " not in text
        and " #" not in text
        and text.casefold() not in _RESERVED
    ):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", "-", stripped.casefold()).replace("_", "-").strip("-")


# --------------------------------------------------------------------------- vocabulary


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = _words(
    """
Ada Alan Grace Linus Barbara Edsger Donald Margaret Ken Dennis Bjarne Guido Frances
Katherine Dorothy Mary John James Robert Michael William David Richard Joseph Thomas
Charles Christopher Daniel Matthew Anthony Mark Paul Steven Andrew Joshua Kevin Brian
George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan
Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank
Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Zachary Douglas Peter
Kyle Noah Ethan Jeremy Walter Christian Keith Roger Terry Austin Sean Gerald Carl
Harold Dylan Arthur Lawrence Jordan Jesse Bryan Billy Bruce Gabriel Joe Logan Alice
Patricia Jennifer Linda Elizabeth Susan Jessica Sarah Karen Lisa Nancy Betty Sandra
Ashley Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Sharon
Laura Cynthia Amy Kathleen Angela Shirley Brenda Emma Anna Pamela Nicole Samantha
Christine Helen Debra Rachel Carolyn Janet Maria Catherine Heather Diane Olivia Julie
Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith Andrea Hannah
Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail
Sophia Frances Jean Alice Judy Isabella Julia Grace Amber Denise Danielle Marilyn
Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Marie
Zoë José Łukasz Søren Chloé Renée Björn Jürgen Ines Mateo Hiroshi Yuki Wei Priya
Arjun Fatima Omar Leila Ngozi Kwame Aiko Mei Ravi Anya Dmitri Olga Pierre Amélie
"""
)

LAST_NAMES = _words(
    """
Lovelace Turing Hopper Torvalds Liskov Dijkstra Knuth Hamilton Thompson Ritchie
Stroustrup Rossum Allen Johnson Vaughan Smith Jones Williams Brown Taylor Davies
Evans Wilson Thomas Roberts Walker Wright Robinson Thompson White Hughes Edwards Green
Hall Wood Harris Lewis Martin Jackson Clarke Clark Turner Hill Scott Cooper Morris
Ward Moore King Watson Baker Harrison Morgan Patel Young Allen Mitchell James Anderson
Phillips Lee Bell Parker Davis Miller Garcia Rodriguez Martinez Hernandez Lopez
Gonzalez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Reyes Cruz Morales
Ortiz Gutierrez Chavez Ramos Ruiz Alvarez Mendoza Castillo Jimenez Moreno Romero
Herrera Medina Aguilar Vargas Castro Guzman Fernandez Mueller Schmidt Schneider
Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schroeder
Neumann Schwarz Zimmermann Braun Krueger Hartmann Lange Werner Krause Lehmann Köhler
Dubois Durand Leroy Moreau Simon Laurent Lefebvre Michel Fournier Girard Bonnet
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo
Tanaka Suzuki Watanabe Ito Yamamoto Nakamura Kobayashi Kato Wang Li Zhang Liu Chen
Yang Huang Zhao Wu Zhou Singh Kumar Sharma Gupta Khan Ali Ahmed Hassan Okafor Mensah
Nowak Kowalski Wiśniewski Novak Horvat Jensen Hansen Nielsen Larsen Andersson
Johansson Karlsson Nilsson Eriksson Virtanen Korhonen Ivanov Smirnov Petrov O'Brien
O'Connor Murphy Kelly Byrne Ryan Walsh Doyle McCarthy Gallagher Quinn Nakashima
"""
)

INDUSTRIES: list[tuple[str, list[str]]] = [
    ("Software", ["Systems", "Labs", "Software", "Analytics", "Cloud", "Digital", "Data"]),
    ("Finance", ["Capital", "Bank", "Partners", "Investments", "Insurance", "Finance"]),
    ("Healthcare", ["Health", "Clinics", "Medical", "Care", "Hospital"]),
    ("Retail", ["Stores", "Market", "Retail", "Goods", "Outfitters"]),
    ("Manufacturing", ["Industries", "Works", "Machines", "Motors", "Robotics"]),
    ("Energy", ["Energy", "Power", "Solar", "Grid", "Renewables"]),
    ("Media", ["Media", "Studios", "Press", "Publishing", "Broadcasting"]),
    ("Education", ["Academy", "University", "Institute", "School", "Learning"]),
    ("Consulting", ["Consulting", "Advisory", "Strategy", "Associates"]),
    ("Logistics", ["Logistics", "Freight", "Shipping", "Transport"]),
    ("Public sector", ["Agency", "Authority", "Office", "Foundation"]),
    ("Biotech", ["Bio", "Therapeutics", "Genomics", "Pharma", "Biosciences"]),
]

SYLLABLES = _words(
    """
ve lo cor na tra min kel sor dex ar bel cu fin gra hal ix jo kra lum mer nor
or pax quin ro sil tec um vox wen xa yor zen bri cal dor el fal gen
"""
)

LEGAL_SUFFIXES = ["", "", "", "Inc.", "GmbH", "Ltd", "AG", "LLC", "SA", "plc"]

DEPARTMENTS: list[tuple[str, list[str]]] = [
    (
        "Engineering",
        ["Software Engineer", "Senior Engineer", "Staff Engineer", "Engineering Manager", "Principal Engineer", "CTO"],
    ),
    ("Product", ["Product Manager", "Senior Product Manager", "Head of Product"]),
    ("Design", ["Designer", "UX Researcher", "Design Lead"]),
    ("Sales", ["Account Executive", "Sales Manager", "VP Sales", "Sales Engineer"]),
    ("Marketing", ["Marketing Manager", "Content Strategist", "CMO", "Growth Lead"]),
    ("Finance", ["Accountant", "Financial Analyst", "Controller", "CFO"]),
    ("Operations", ["Operations Manager", "Project Manager", "COO", "Analyst"]),
    ("People", ["Recruiter", "HR Business Partner", "Head of People"]),
    ("Legal", ["Counsel", "Paralegal", "General Counsel"]),
    ("Research", ["Research Scientist", "Data Scientist", "Research Director", "Head of R&D"]),
    ("Support", ["Support Engineer", "Customer Success Manager"]),
    ("Leadership", ["CEO", "Founder", "Managing Director", "Partner"]),
]
DEPARTMENT_WEIGHTS = [30, 8, 5, 12, 8, 7, 9, 4, 3, 6, 5, 3]

TAGS = _words(
    """
python java rust go javascript kubernetes cloud security data-engineering
machine-learning statistics product-strategy ux-research negotiation fundraising
public-speaking hiring leadership accounting tax supply-chain pricing seo
content-marketing compliance gdpr biology chemistry clinical-trials teaching
writing photography design-systems devops sre open-source mentoring sales-ops
"""
)

GROUP_KINDS: list[tuple[str, int]] = [
    ("association", 20),
    ("community", 25),
    ("alumni", 15),
    ("meetup", 15),
    ("board", 5),
    ("class", 8),
    ("club", 7),
    ("team", 5),
]
CITIES = _words(
    """
Berlin Munich Hamburg Paris Lyon London Manchester Dublin Amsterdam Rotterdam
Zurich Vienna Prague Warsaw Madrid Barcelona Lisbon Milan Rome Stockholm Oslo
Copenhagen Helsinki Boston Austin Seattle Toronto Tokyo Singapore Sydney
"""
)

INTERACTION_KINDS = ["call", "email", "message", "coffee", "meal", "meeting", "event"]
INTERACTION_KIND_WEIGHTS = [20, 25, 30, 10, 5, 8, 2]
INTERACTION_NOTES = [
    "caught up on the new role",
    "talked about hiring plans",
    "asked about the market",
    "quick check-in",
    "shared an article on pricing",
    "planned the next meetup",
    "feedback on my CV",
    "discussed a possible project: follow up in spring",
    "congratulated on the promotion",
    'talked about "the reorg"',
    "#1 topic was AI tooling",
]
FAVOR_KINDS = ["advice", "lead", "introduction", "referral", "help"]
FAVOR_WHAT = [
    "reviewed my CV",
    "pointed me to an open position",
    "introduced me to a hiring manager",
    "referred me for the analyst role",
    "helped with a visa question",
    "gave advice on negotiating an offer",
    "shared contacts at a supplier",
    "reviewed a pitch deck",
    "recommended a lawyer",
]
PERSON_NOTES = [
    "Met at a conference; interested in graph databases.",
    "Knows everyone in the local startup scene.",
    "Prefers phone calls to email.",
    "Ask about the marathon training.",
    "Moved here from abroad in 2021: happy to help newcomers.",
    "Former manager #2, great mentor.",
    "Runs the P&L for Europe; M&A background.",
    'Goes by "Sam" at work.',
]
CIRCLE_EXTRAS = ["friends", "family", "community", "services", "association", "board", "teaching"]

STRENGTHS = [0, 1, 2, 3, 4, 5]
STRENGTH_WEIGHTS = [7.0, 38.0, 42.0, 9.0, 3.5, 0.5]
#: How much more often I interact with someone, by declared strength.
CONTACT_RATE = [0.0, 0.25, 1.0, 3.0, 8.0, 20.0]


# --------------------------------------------------------------------------- helpers


def _zipf_cum(n: int, s: float) -> list[float]:
    return list(accumulate(1.0 / (r + 1) ** s for r in range(n)))


def _day(rng: random.Random, start: date, end: date) -> date:
    span = (end - start).days
    return start + timedelta(days=rng.randint(0, span)) if span > 0 else start


def _met(p: _Person) -> date:
    return p.met or date.min


def _flow_list(items: list[str]) -> str:
    return "[" + ", ".join(q(i, flow=True) for i in items) + "]"


class _Org:
    __slots__ = ("aliases", "competitors", "id", "industry", "name", "notes", "root")

    def __init__(self, ident: str, name: str, root: str, industry: int) -> None:
        self.id = ident
        self.name = name
        self.root = root
        self.industry = industry
        self.aliases: list[str] = []
        self.competitors: list[int] = []
        self.notes: str | None = None


class _Person:
    __slots__ = (
        "cadence", "circles", "dept", "email", "groups", "id", "introduced_by", "knows",
        "last_contact", "met", "name", "notes", "org", "past", "phone", "role", "strength",
        "tags", "url",
    )  # fmt: skip

    def __init__(self, ident: str, name: str) -> None:
        self.id = ident
        self.name = name
        self.org: int | None = None
        self.dept = 0
        self.role = ""
        self.past: list[tuple[int, str, date, date]] = []
        self.circles: list[str] = []
        self.tags: list[str] = []
        self.strength = 2
        self.met: date | None = None
        self.introduced_by: int | None = None
        self.cadence: int | None = None
        self.last_contact: date | None = None
        self.knows: list[tuple[int, int | None, date | None, str | None]] = []
        self.email: str | None = None
        self.phone: str | None = None
        self.url: str | None = None
        self.notes: str | None = None
        self.groups: list[int] = []


# --------------------------------------------------------------------------- generator


class _Generator:
    def __init__(self, people: int, seed: int) -> None:
        if people < 20:
            raise ValueError("people must be at least 20")
        self.n = people
        self.rng = random.Random(seed)
        self.width = max(5, len(str(people)))

    # organizations ----------------------------------------------------------------
    def make_orgs(self) -> None:
        rng = self.rng
        n_orgs = max(20, self.n // 12)
        used_keys: set[str] = set()
        used_roots: set[str] = set()
        self.orgs: list[_Org] = []
        while len(self.orgs) < n_orgs:
            k = 2 if rng.random() < 0.45 else 3
            root = "".join(rng.choice(SYLLABLES) for _ in range(k)).capitalize()
            if root in used_roots or root.casefold() in _RESERVED:
                continue
            industry = rng.randrange(len(INDUSTRIES))
            word = rng.choice(INDUSTRIES[industry][1])
            base = f"{root} {word}"
            key = _slug(base)
            if key in used_keys:
                continue
            used_roots.add(root)
            used_keys.add(key)
            legal = rng.choice(LEGAL_SUFFIXES)
            name = f"{base} {legal}" if legal else base
            self.orgs.append(_Org(f"org-{key}", name, root, industry))
        # Aliases: the bare root (unique by construction), sometimes initials.
        for org in self.orgs:
            if rng.random() < 0.4:
                org.aliases.append(org.root)
            if rng.random() < 0.1:
                initials = f"{org.root[:2].upper()}{org.name.split()[1][0]}"
                key = _slug(initials)
                if key not in used_keys and initials.casefold() not in _RESERVED:
                    used_keys.add(key)
                    org.aliases.append(initials)
        self.industry_orgs: list[list[int]] = [[] for _ in INDUSTRIES]
        for i, org in enumerate(self.orgs):
            self.industry_orgs[org.industry].append(i)
        for i, org in enumerate(self.orgs):
            peers = self.industry_orgs[org.industry]
            if len(peers) > 1 and rng.random() < 0.5:
                for _ in range(rng.randint(1, 3)):
                    other = rng.choice(peers)
                    if other != i and other not in org.competitors:
                        org.competitors.append(other)
            if rng.random() < 0.05:
                org.notes = f"{INDUSTRIES[org.industry][0]} company; hiring in {rng.choice(CITIES)}."
        self.org_cum = _zipf_cum(n_orgs, 1.05)

    def zipf_org(self) -> int:
        return bisect_left(self.org_cum, self.rng.random() * self.org_cum[-1])

    # people -----------------------------------------------------------------------
    def make_people(self) -> None:
        rng = self.rng
        n_first, n_last = len(FIRST_NAMES), len(LAST_NAMES)
        plain_space = n_first * n_last
        n_plain = min(self.n, int(plain_space * 0.6))
        codes = rng.sample(range(plain_space), n_plain)
        if self.n > n_plain:
            # "First M. Last" for the rest: a disjoint space of 26 initials.
            codes += [plain_space + c for c in rng.sample(range(plain_space * 26), self.n - n_plain)]
        self.people: list[_Person] = []
        dept_names = [d for d, _ in DEPARTMENTS]
        for i, code in enumerate(codes):
            if code < plain_space:
                first, last = FIRST_NAMES[code % n_first], LAST_NAMES[code // n_first]
                name = f"{first} {last}"
            else:
                code -= plain_space
                initial = chr(ord("A") + code % 26)
                code //= 26
                first, last = FIRST_NAMES[code % n_first], LAST_NAMES[code // n_first]
                name = f"{first} {initial}. {last}"
            p = _Person(f"p{i + 1:0{self.width}d}", name)
            self.people.append(p)
            if rng.random() < 0.94:
                p.org = self.zipf_org()
            p.dept = rng.choices(range(len(DEPARTMENTS)), weights=DEPARTMENT_WEIGHTS)[0]
            p.role = rng.choice(DEPARTMENTS[p.dept][1])
            # Career, backwards from a recent start date of the current job.
            n_past = rng.choices([0, 1, 2, 3, 4], weights=[25, 35, 25, 10, 5])[0]
            cursor = TODAY - timedelta(days=rng.randint(30, 6 * 365))
            for _ in range(n_past):
                org = self.zipf_org()
                if org == p.org or any(org == j[0] for j in p.past):
                    continue
                end = cursor - timedelta(days=rng.randint(0, 120))
                start = end - timedelta(days=rng.randint(200, 6 * 365))
                if start.year < 1980:
                    break
                dept = p.dept if rng.random() < 0.8 else rng.randrange(len(DEPARTMENTS))
                p.past.append((org, rng.choice(DEPARTMENTS[dept][1]), start, end))
                cursor = start
            p.strength = rng.choices(STRENGTHS, weights=STRENGTH_WEIGHTS)[0]
            if p.strength > 0:
                years_back = rng.choice([1, 2, 3, 5, 8, 12, 20])
                p.met = _day(rng, TODAY - timedelta(days=365 * years_back), TODAY - timedelta(days=3))
            p.tags = rng.sample(TAGS, rng.choices([0, 1, 2, 3], weights=[15, 35, 35, 15])[0])
            circles = ["work"] if p.org is not None or p.past else []
            if rng.random() < 0.15:
                extra = rng.choice(CIRCLE_EXTRAS)
                if extra not in circles:
                    circles.append(extra)
            p.circles = circles
            if rng.random() < 0.08 and p.strength > 0:
                p.cadence = rng.choice([14, 30, 60, 90, 120, 365])
            ascii_name = name.isascii()
            if ascii_name and rng.random() < 0.6:
                local = _slug(name).replace("-", ".")
                domain = f"{_slug(self.orgs[p.org].root)}.example" if p.org is not None else "mail.example"
                p.email = f"{local}@{domain}"
            if rng.random() < 0.3:
                p.phone = f"+{rng.randint(1, 49)} {rng.randint(10, 999)} {rng.randint(100000, 9999999)}"
            if ascii_name and rng.random() < 0.2:
                p.url = f"https://profiles.example/in/{_slug(name)}"
            if rng.random() < 0.08:
                p.notes = rng.choice(PERSON_NOTES)
        del dept_names
        # Indexes used to draw ties.
        self.org_members: list[list[int]] = [[] for _ in self.orgs]
        self.dept_members: dict[tuple[int, int], list[int]] = {}
        self.past_members: list[list[int]] = [[] for _ in self.orgs]
        self.industry_people: list[list[int]] = [[] for _ in INDUSTRIES]
        for i, p in enumerate(self.people):
            if p.org is not None:
                self.org_members[p.org].append(i)
                self.dept_members.setdefault((p.org, p.dept), []).append(i)
                self.industry_people[self.orgs[p.org].industry].append(i)
            for org, _, _, _ in p.past:
                self.past_members[org].append(i)

    def industry_of(self, p: _Person) -> int | None:
        if p.org is not None:
            return self.orgs[p.org].industry
        if p.past:
            return self.orgs[p.past[0][0]].industry
        return None

    # groups -----------------------------------------------------------------------
    def make_groups(self) -> None:
        rng = self.rng
        n_groups = min(600, max(10, self.n // 75))
        kinds = [k for k, _ in GROUP_KINDS]
        kind_w = [w for _, w in GROUP_KINDS]
        self.groups: list[tuple[str, str, str, int | None]] = []  # id, name, kind, industry
        used: set[str] = set()
        while len(self.groups) < n_groups:
            kind = rng.choices(kinds, weights=kind_w)[0]
            industry: int | None = rng.randrange(len(INDUSTRIES))
            city = rng.choice(CITIES)
            ind_name = INDUSTRIES[industry][0]  # type: ignore[index]
            if kind == "alumni":
                org = self.orgs[rng.randrange(len(self.orgs))]
                name = f"{org.root} {city} alumni"
                industry = None
            elif kind == "class":
                name = f"{rng.choice(TAGS).replace('-', ' ').title()} class of {rng.randint(1995, 2025)}"
                industry = None
            elif kind == "club":
                name = f"{city} {rng.choice(['Running', 'Chess', 'Rowing', 'Book', 'Cycling'])} Club"
                industry = None
            elif kind == "board":
                name = f"Board of the {city} {ind_name} Council"
            elif kind == "team":
                name = f"{rng.choice(TAGS).replace('-', ' ').title()} working group {city}"
            elif kind == "meetup":
                name = f"{city} {rng.choice(TAGS).replace('-', ' ').title()} Meetup"
            elif kind == "association":
                name = f"{ind_name} Association of {city}"
            else:
                name = f"{city} {ind_name} community"
            ident = f"grp-{_slug(name)}"
            if ident in used:
                continue
            used.add(ident)
            self.groups.append((ident, name, kind, industry))
        self.group_members: list[list[int]] = [[] for _ in self.groups]
        by_industry: list[list[int]] = [[] for _ in INDUSTRIES]
        general: list[int] = []
        for g, (_, _, _, industry) in enumerate(self.groups):
            (general if industry is None else by_industry[industry]).append(g)
        # Heavy-tailed popularity: a group's rank in its pool sets its weight.
        pools: dict[int | None, tuple[list[int], list[float]]] = {None: (general, _zipf_cum(len(general), 0.9))}
        for industry_index, gs in enumerate(by_industry):
            if gs:
                pools[industry_index] = (gs, _zipf_cum(len(gs), 0.9))
        for i, p in enumerate(self.people):
            count = rng.choices([0, 1, 2, 3], weights=[45, 35, 14, 6])[0]
            ind = self.industry_of(p)
            for _ in range(count):
                key = ind if ind in pools and rng.random() < 0.7 else None
                gs, cum = pools[key]
                if not gs:
                    continue
                g = gs[bisect_left(cum, rng.random() * cum[-1])]
                if g not in p.groups:
                    p.groups.append(g)
                    self.group_members[g].append(i)
            if any(self.groups[g][2] == "alumni" for g in p.groups) and "alumni" not in p.circles:
                p.circles.append("alumni")
        n_mine = min(len(self.groups), 5)
        self.my_groups = sorted(rng.sample(range(len(self.groups)), n_mine))

    # ties -------------------------------------------------------------------------
    def make_ties(self) -> None:
        rng = self.rng
        people = self.people
        n = self.n
        seen: set[tuple[int, int]] = set()
        for i, p in enumerate(people):
            wanted = rng.randint(2, 8)
            ind = self.industry_of(p)
            for _ in range(wanted):
                for _attempt in range(3):
                    r = rng.random()
                    j = -1
                    if r < 0.55 and p.org is not None:
                        pool = self.dept_members[(p.org, p.dept)]
                        if len(pool) < 2 or rng.random() < 0.3:
                            pool = self.org_members[p.org]
                        j = rng.choice(pool)
                    elif r < 0.72 and p.past:
                        j = rng.choice(self.past_members[rng.choice(p.past)[0]])
                    elif r < 0.9 and p.groups:
                        j = rng.choice(self.group_members[rng.choice(p.groups)])
                    elif ind is not None and rng.random() < 0.5:
                        j = rng.choice(self.industry_people[ind]) if self.industry_people[ind] else -1
                    else:
                        j = rng.randrange(n)
                    if j < 0 or j == i:
                        continue
                    pair = (i, j) if i < j else (j, i)
                    if pair in seen:
                        continue
                    seen.add(pair)
                    if rng.random() < 0.2:
                        strength = rng.choices([1, 2, 3, 4, 5], weights=[20, 35, 25, 15, 5])[0]
                        since = _day(rng, date(2005, 1, 1), TODAY - timedelta(days=1))
                        note = "worked together" if rng.random() < 0.3 else None
                        p.knows.append((j, strength, since, note))
                    else:
                        p.knows.append((j, None, None, None))
                    break
        self.n_ties = len(seen)

    # targets, introductions ---------------------------------------------------------
    def make_targets_and_intros(self) -> None:
        rng = self.rng
        people = self.people
        # Targets: mid-sized organizations (ranks 5..40 by size), distinct industries if possible.
        ranked = sorted(range(len(self.orgs)), key=lambda o: (-len(self.org_members[o]), o))
        band = [o for o in ranked[4:40] if len(self.org_members[o]) >= 2] or ranked[:10]
        self.targets: list[int] = []
        for o in rng.sample(band, len(band)):
            if len(self.targets) == 3:
                break
            if all(self.orgs[o].industry != self.orgs[t].industry for t in self.targets):
                self.targets.append(o)
        for o in band:
            if len(self.targets) < 3 and o not in self.targets:
                self.targets.append(o)
        # Insiders at targets are mostly people I have not met yet or met once.
        for o in self.targets:
            for i in self.org_members[o]:
                p = people[i]
                if p.strength > 1 and rng.random() < 0.8:
                    p.strength = rng.choice([0, 1])
                    if p.strength == 0:
                        p.met = None
                        p.cadence = None
        # Introduced by: a contact with strength >= 2 introduced me to someone I met.
        self.intros: list[tuple[date, str, str, str, str, str | None]] = []
        strong = [i for i, p in enumerate(people) if p.strength >= 2]
        for i, p in enumerate(people):
            if p.met is None or not strong or rng.random() >= 0.06:
                continue
            k = rng.choice(strong)
            if k == i:
                continue
            p.introduced_by = k
            note = "intro over email" if rng.random() < 0.3 else None
            self.intros.append((p.met, people[k].id, "me", p.id, "met", note))
        # Introductions I made between two contacts.
        met = [i for i, p in enumerate(people) if p.met is not None]
        for _ in range(max(3, self.n // 100)):
            a, b = rng.sample(met, 2)
            start = max(_met(people[a]), _met(people[b]), LOG_START)
            when = _day(rng, start, TODAY)
            status = rng.choices(["made", "met", "declined"], weights=[50, 40, 10])[0]
            self.intros.append((when, "me", people[a].id, people[b].id, status, None))
        # Requests towards insiders at the target organizations, through someone who knows them.
        requested = 0
        for p in people:
            if requested >= 10:
                break
            if p.strength < 2:
                continue
            for j, *_ in p.knows:
                q_ = people[j]
                if q_.org in self.targets and q_.strength == 0:
                    when = _day(rng, TODAY - timedelta(days=60), TODAY)
                    note = f"asked for a warm intro to {self.orgs[q_.org].name}"  # type: ignore[index]
                    self.intros.append((when, p.id, "me", q_.id, "requested", note))
                    requested += 1
                    break
        self.intros.sort(key=lambda t: (t[0], t[1], t[2], t[3]))

    # interactions, favors ---------------------------------------------------------
    def make_log(self) -> None:
        rng = self.rng
        people = self.people
        weights = [
            CONTACT_RATE[p.strength] * min(rng.paretovariate(1.3), 25.0) if p.met is not None else 0.0 for p in people
        ]
        total = int(self.n * 1.5)
        chosen = rng.choices(range(self.n), weights=weights, k=total)
        self.interactions: list[tuple[date, list[str], str, str | None]] = []
        last_seen: dict[int, date] = {}
        for i in chosen:
            p = people[i]
            with_ = [i]
            if rng.random() < 0.1 and p.org is not None:
                for _ in range(rng.randint(1, 2)):
                    j = rng.choice(self.org_members[p.org])
                    if j not in with_ and people[j].met is not None:
                        with_.append(j)
            start = max([LOG_START] + [_met(people[j]) for j in with_])
            when = _day(rng, start, TODAY)
            kind = rng.choices(INTERACTION_KINDS, weights=INTERACTION_KIND_WEIGHTS)[0]
            note = rng.choice(INTERACTION_NOTES) if rng.random() < 0.25 else None
            self.interactions.append((when, [people[j].id for j in with_], kind, note))
            for j in with_:
                if last_seen.get(j, date.min) < when:
                    last_seen[j] = when
        self.interactions.sort(key=lambda t: (t[0], t[1]))
        # Some contacts have a last_contact written by hand instead of a log entry.
        for i, p in enumerate(people):
            if p.met is not None and i not in last_seen and rng.random() < 0.3:
                p.last_contact = _day(rng, p.met, TODAY)
        # Favors, both ways, and between contacts.
        self.favors: list[tuple[date, str, str, str, str]] = []
        met = [i for i, p in enumerate(people) if p.met is not None]
        for _ in range(max(5, self.n // 10)):
            a = rng.choice(met)
            r = rng.random()
            if r < 0.45:
                src, dst = people[a].id, "me"
                start = _met(people[a])
            elif r < 0.8:
                src, dst = "me", people[a].id
                start = _met(people[a])
            else:
                b = rng.choice(met)
                if b == a:
                    continue
                src, dst = people[a].id, people[b].id
                start = max(_met(people[a]), _met(people[b]))
            when = _day(rng, max(start, LOG_START), TODAY)
            kind = rng.choice(FAVOR_KINDS)
            self.favors.append((when, src, dst, kind, rng.choice(FAVOR_WHAT)))
        self.favors.sort(key=lambda t: (t[0], t[1], t[2]))

    # writing ----------------------------------------------------------------------
    def write(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        for pattern in ("me.yaml", "organizations.yaml", "groups.yaml", "people/part-*.yaml", "log/*.yaml"):
            for old in sorted(out.glob(pattern)):
                old.unlink()
        (out / "people").mkdir(exist_ok=True)
        (out / "log").mkdir(exist_ok=True)
        orgs, people = self.orgs, self.people

        lines = [
            "# Generated by benchmarks/generate.py: a synthetic network for benchmarks.",
            "me:",
            "  name: Alex Example",
            "  targets:",
        ]
        lines += [f"  - {q(orgs[o].name)}" for o in self.targets]
        lines += ["  cadence: {5: 21, 4: 45, 3: 90, 2: 180, 1: 365}", "  seed: 42", ""]
        _write(out / "me.yaml", lines)

        lines = ["organizations:"]
        for o in orgs:
            lines.append(f"- id: {o.id}")
            lines.append(f"  name: {q(o.name)}")
            if o.aliases:
                lines.append(f"  aliases: {_flow_list(o.aliases)}")
            lines.append(f"  industry: {q(INDUSTRIES[o.industry][0])}")
            if o.competitors:
                lines.append(f"  competitors: [{', '.join(orgs[c].id for c in o.competitors)}]")
            if o.notes:
                lines.append(f"  notes: {q(o.notes)}")
        lines.append("")
        _write(out / "organizations.yaml", lines)

        lines = ["groups:"]
        for g, (ident, name, kind, _) in enumerate(self.groups):
            lines += [f"- id: {ident}", f"  name: {q(name)}", f"  kind: {kind}"]
            members = [people[i].id for i in self.group_members[g]]
            if g in self.my_groups:
                members.insert(0, "me")
            if members:
                lines.append("  members:")
                lines += [f"  - {m}" for m in members]
            else:
                lines.append("  members: []")
        lines.append("")
        _write(out / "groups.yaml", lines)

        for part, start in enumerate(range(0, self.n, PEOPLE_PER_FILE), 1):
            lines = ["people:"]
            for p in people[start : start + PEOPLE_PER_FILE]:
                lines.append(f"- id: {p.id}")
                lines.append(f"  name: {q(p.name)}")
                if p.org is not None:
                    lines.append(f"  org: {orgs[p.org].id}")
                lines.append(f"  role: {q(p.role)}")
                lines.append(f"  department: {q(DEPARTMENTS[p.dept][0])}")
                if p.past:
                    lines.append("  past_orgs:")
                    for org, role, begin, end in p.past:
                        lines.append(
                            f"  - {{org: {orgs[org].id}, role: {q(role, flow=True)}, from: {begin}, to: {end}}}"
                        )
                if p.circles:
                    lines.append(f"  circles: {_flow_list(p.circles)}")
                if p.tags:
                    lines.append(f"  tags: {_flow_list(p.tags)}")
                lines.append(f"  strength: {p.strength}")
                if p.met is not None:
                    lines.append(f"  met: {p.met}")
                if p.introduced_by is not None:
                    lines.append(f"  introduced_by: {people[p.introduced_by].id}")
                if p.cadence is not None:
                    lines.append(f"  cadence: {p.cadence}")
                if p.last_contact is not None:
                    lines.append(f"  last_contact: {p.last_contact}")
                if p.knows:
                    lines.append("  knows:")
                    for j, strength, since, note in p.knows:
                        if strength is None:
                            lines.append(f"  - {people[j].id}")
                        else:
                            extra = f", note: {q(note, flow=True)}" if note else ""
                            lines.append(f"  - {{id: {people[j].id}, strength: {strength}, since: {since}{extra}}}")
                if p.email:
                    lines.append(f"  email: {q(p.email)}")
                if p.phone:
                    lines.append(f"  phone: {q(p.phone)}")
                if p.url:
                    lines.append(f"  url: {q(p.url)}")
                if p.notes:
                    lines.append(f"  notes: {q(p.notes)}")
            lines.append("")
            _write(out / "people" / f"part-{part:04d}.yaml", lines)

        by_year: dict[int, list[str]] = {}
        for when, with_, kind, note in self.interactions:
            chunk = by_year.setdefault(when.year, ["interactions:"])
            chunk.append(f"- date: {when}")
            chunk.append(f"  with: {with_[0] if len(with_) == 1 else _flow_list(with_)}")
            chunk.append(f"  kind: {kind}")
            if note:
                chunk.append(f"  note: {q(note)}")
        for year in sorted(by_year):
            _write(out / "log" / f"interactions-{year}.yaml", by_year[year] + [""])

        lines = ["introductions:"]
        for when, by, a, b, status, note in self.intros:
            lines += [f"- date: {when}", f"  by: {by}", f"  people: [{a}, {b}]", f"  status: {status}"]
            if note:
                lines.append(f"  note: {q(note)}")
        lines.append("")
        _write(out / "log" / "introductions.yaml", lines)

        lines = ["favors:"]
        for when, src, dst, kind, what in self.favors:
            lines += [f"- date: {when}", f"  from: {src}", f"  to: {dst}", f"  kind: {kind}", f"  what: {q(what)}"]
        lines.append("")
        _write(out / "log" / "favors.yaml", lines)


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")


def generate(out_dir: Path, people: int, seed: int) -> None:
    """Write a synthetic network of ``people`` people into ``out_dir``.

    Files this generator writes earlier (``me.yaml``, ``organizations.yaml``,
    ``groups.yaml``, ``people/part-*.yaml``, ``log/*.yaml``) are replaced; other
    files in ``out_dir`` are left alone.

    Parameters
    ----------
    out_dir : Path
        Folder to write (created if missing).
    people : int
        Number of people (at least 20).
    seed : int
        Seed of the only random generator used: same arguments, same bytes.
    """
    gen = _Generator(people, seed)
    gen.make_orgs()
    gen.make_people()
    gen.make_groups()
    gen.make_ties()
    gen.make_targets_and_intros()
    gen.make_log()
    gen.write(Path(out_dir))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1000, help="number of people (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("out_dir", type=Path, help="folder to write the network into")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        generate(args.out_dir, args.people, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    elapsed = time.perf_counter() - started
    files = sorted(args.out_dir.rglob("*.yaml"))
    size = sum(f.stat().st_size for f in files)
    print(
        f"wrote {args.people} people to {args.out_dir} ({len(files)} files, {size / 1e6:.1f} MB) in {elapsed:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
