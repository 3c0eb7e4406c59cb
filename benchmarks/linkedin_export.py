"""A synthetic LinkedIn ``Connections.csv`` in the real format, and a newer export of the same network.

LinkedIn's export (Settings > Data privacy > Get a copy of your data > Connections) starts
with a ``Notes:`` preamble, may start with a BOM and uses CRLF line ends; names repeat
(two "John Smith" at Microsoft with different profiles), some rows have empty names
(members who restrict their data), companies are written many ways ("Google",
"Google Cloud", "Alphabet"; "Amazon Web Services (AWS)", "AWS"; "Self-employed"),
positions hold commas and quotes. :func:`connections` builds such rows, deterministic
for a seed; :func:`newer` builds the export of the same network some months later (changed
positions, job changes, new connections); :func:`to_csv` writes either as LinkedIn does.

Used by ``benchmarks/import_linkedin.py`` and by the tests of the LinkedIn import.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

__all__ = ["PREAMBLE", "Row", "connections", "newer", "to_csv"]

FIRST = [
    "Ada",
    "Grace",
    "Alan",
    "Katherine",
    "Margaret",
    "Linus",
    "Barbara",
    "Dorothy",
    "Mary",
    "John",
    "Zoë",
    "Jean-Luc",
    "Ingrid",
    "Chen",
    "Priya",
    "Kwame",
    "Sofia",
    "Omar",
    "Lena",
    "Mateo",
    "Hana",
    "Eric",
    "Aisha",
    "Lars",
    "Yuki",
    "Diego",
    "Fatima",
    "Noah",
    "Elif",
    "Tomasz",
    "Nadia",
    "Ravi",
    "Ines",
    "Kofi",
    "Mei",
    "Pablo",
    "Sara",
    "Viktor",
    "Amara",
    "Jonas",
]
LAST = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Johnson",
    "Hamilton",
    "Pauling",
    "McClintock",
    "Vaughan",
    "Somerville",
    "Herschel",
    "Ng",
    "Picard",
    "Nørgaard",
    "Wei",
    "Patel",
    "Mensah",
    "García",
    "Haddad",
    "Novak",
    "Rossi",
    "Sato",
    "Hill",
    "Khan",
    "Berg",
    "Tanaka",
    "Silva",
    "Ahmed",
    "Müller",
    "Kaya",
    "Nowak",
    "Rahman",
    "Iyer",
    "Costa",
    "Owusu",
    "Lin",
    "Ortiz",
    "Cohen",
    "Petrov",
    "Diallo",
    "Fischer",
]
WORDS = [
    "Analytical",
    "Engines",
    "Rocket",
    "Lab",
    "Northwind",
    "Cascade",
    "Health",
    "Blue",
    "Harbor",
    "Data",
    "Systems",
    "Labs",
    "Partners",
    "Global",
    "Consulting",
    "Logistics",
    "Retail",
    "Energy",
    "Quantum",
    "Vertex",
    "Summit",
    "River",
    "Maple",
    "Orbit",
]
ROLES = (
    "Software Engineer",
    "Senior Software Engineer",
    "Product Manager",
    "Head of Data, EMEA",
    "Founder & CEO",
    "Recruiter",
    'Analyst "II"',
    "VP of Sales",
    "Account Executive",
    "Data Scientist",
    "Engineering Manager",
    "Designer",
)
#: Companies as LinkedIn members write them: (name, share of rows). The variants of one
#: organization are listed together; the rest of the rows go to Zipf-distributed small companies.
COMPANIES = (
    ("Microsoft", 0.055),
    ("Google", 0.02),
    ("Google Cloud", 0.004),
    ("Alphabet", 0.002),
    ("Salesforce", 0.02),
    ("Salesforce.com", 0.008),
    ("SAP", 0.006),
    ("SAP SE", 0.004),
    ("Amazon Web Services (AWS)", 0.006),
    ("AWS", 0.004),
    ("Meta", 0.006),
    ("Facebook", 0.004),
    ("EY", 0.004),
    ("Ernst & Young", 0.003),
    ("Datadog", 0.005),
    ("Wiz", 0.002),
    ("Self-employed", 0.012),
    ("Freelance", 0.006),
    ("Stealth", 0.003),
    ("Retired", 0.002),
)
PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    "their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more "
    'here https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
)
HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")


@dataclass(frozen=True)
class Row:
    """One connection as the export lists it (empty text for an empty cell)."""

    first: str
    last: str
    url: str
    email: str
    company: str
    position: str
    connected: date

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}".strip()


def _url(first: str, last: str, n: int) -> str:
    slug = f"{first}-{last}".lower().replace(" ", "-")
    return f"https://www.linkedin.com/in/{slug}-{n:05x}"


def connections(rows: int, *, seed: int = 1, today: date = date(2026, 11, 25)) -> list[Row]:
    """``rows`` connections, the newest first (as LinkedIn lists them).

    Among them: two "John Smith" at Microsoft (an engineer and an account executive, two
    profiles), "Hana Sato", VP of Sales at Datadog, about 1 in 200 rows with an empty name,
    and the company variants of :data:`COMPANIES`.
    """
    rng = random.Random(seed)
    small = [
        f"{rng.choice(WORDS)} {rng.choice(WORDS)}" + rng.choice(["", " Inc.", ", Ltd.", " GmbH"]) for _ in range(1500)
    ]
    small_weights = [1 / (i + 1) for i in range(len(small))]
    named_share = sum(share for _, share in COMPANIES)
    start = date(2009, 1, 1)
    span = (today - timedelta(days=3) - start).days
    found: list[Row] = [
        Row("John", "Smith", _url("john", "smith", 1), "", "Microsoft", "Software Engineer", date(2019, 4, 2)),
        Row("John", "Smith", _url("john", "smith", 2), "", "Microsoft", "Account Executive", date(2021, 9, 14)),
        Row(
            "Hana", "Sato", _url("hana", "sato", 3), "hana.sato@example.com", "Datadog", "VP of Sales", date(2018, 6, 1)
        ),
    ]
    for i in range(len(found), rows):
        when = start + timedelta(days=rng.randrange(span))
        if rng.random() < 0.005:
            found.append(Row("", "", "", "", "", "", when))
            continue
        first, last = rng.choice(FIRST), rng.choice(LAST)
        pick = rng.random()
        company = ""
        for name, share in COMPANIES:
            if pick < share:
                company = name
                break
            pick -= share
        if not company:
            company = rng.choices(small, small_weights)[0] if pick < 1 - named_share - 0.01 else ""
        found.append(
            Row(
                first,
                last,
                _url(first, last, 16 + i),
                f"{first.lower()}.{i}@example.com" if rng.random() < 0.04 else "",
                company,
                rng.choice(ROLES) if company or rng.random() < 0.5 else "",
                when,
            )
        )
    found.sort(key=lambda row: row.connected, reverse=True)
    return found


def newer(rows: list[Row], *, seed: int = 2, positions: int = 20, added: int = 10, today: date) -> list[Row]:
    """The export of the same network later: ``positions`` new titles, one job change, ``added`` new people.

    The job change is Hana Sato's, from Datadog to Wiz ("SVP, Global Sales"); the changed
    titles are those of people at the same company, chosen by ``seed``.
    """
    rng = random.Random(seed)
    result = list(rows)
    movable = [i for i, row in enumerate(result) if row.first and row.position and row.first != "Hana"]
    for i in rng.sample(movable, positions):
        row = result[i]
        result[i] = replace(
            row, position="SVP, Global Sales" if row.position != "SVP, Global Sales" else "Chief of Staff"
        )
    for i, row in enumerate(result):
        if row.first == "Hana" and row.last == "Sato" and row.company == "Datadog":
            result[i] = replace(row, company="Wiz", position="SVP, Global Sales")
    for n in range(added):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        result.insert(
            0, Row(first, last, _url(first, last, 0xF0000 + n), "", "Datadog", "Engineer", today - timedelta(days=n))
        )
    return result


def to_csv(rows: list[Row], *, bom: bool = True, crlf: bool = True, urls: bool = True) -> bytes:
    """The bytes LinkedIn writes: preamble, header, one line per row (``urls=False``: an older export)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    header = [h for h in HEADER if urls or h != "URL"]
    writer.writerow(header)
    for row in rows:
        cells = [row.first, row.last, row.url, row.email, row.company, row.position, row.connected.strftime("%d %b %Y")]
        if not urls:
            del cells[2]
        writer.writerow(cells)
    preamble = PREAMBLE if crlf else PREAMBLE.replace("\r\n", "\n")
    return (("\ufeff" if bom else "") + preamble + out.getvalue()).encode("utf-8")
