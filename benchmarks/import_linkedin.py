"""Time ``graphnet import linkedin`` on a synthetic 30,000-row Connections.csv.

Usage::

    python benchmarks/import_linkedin.py --rows 30000 --data /tmp/net-copy

The export follows LinkedIn's format exactly (``Notes:`` preamble, BOM, CRLF,
quoted commas, empty names on some rows, Zipf-distributed companies). The
network folder is imported into for real (copy it first: a new file
``people/linkedin-YYYY-MM-DD.yaml`` is written); ``--dry-run`` plans and
verifies without writing. The time printed covers the whole command as a user
runs it: loading the network, reading the CSV, matching, writing the file and
loading the network again to verify it.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import time
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

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
]
ROLES = [
    "Software Engineer",
    "Product Manager",
    "Head of Data, EMEA",
    "Founder & CEO",
    "Recruiter",
    'Analyst "II"',
    "VP, Sales",
]
PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    "their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more "
    'here https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
)


def connections_csv(rows: int, seed: int = 1) -> bytes:
    """A LinkedIn export with ``rows`` connections (about 1 in 200 with an empty name)."""
    rng = random.Random(seed)
    companies = [
        f"{rng.choice(WORDS)} {rng.choice(WORDS)}" + rng.choice(["", " Inc.", ", Ltd.", " GmbH"]) for _ in range(3000)
    ]
    weights = [1 / (i + 1) for i in range(len(companies))]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    start = date(2008, 1, 1)
    for i in range(rows):
        if rng.random() < 0.005:
            writer.writerow(
                ["", "", "", "", "", "", (start + timedelta(days=rng.randrange(6000))).strftime("%d %b %Y")]
            )
            continue
        first, last = rng.choice(FIRST), f"{rng.choice(LAST)}{i}"
        when = start + timedelta(days=rng.randrange(6500))
        writer.writerow(
            [
                first,
                last,
                f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i:05d}",
                f"{first.lower()}.{i}@example.com" if rng.random() < 0.05 else "",
                rng.choices(companies, weights)[0],
                rng.choice(ROLES),
                when.strftime("%d %b %Y"),
            ]
        )
    return ("\ufeff" + PREAMBLE + out.getvalue()).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=30000)
    parser.add_argument("--data", type=Path, required=True, help="network folder to import into (a copy!)")
    parser.add_argument("--today", default="2026-11-25")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--csv", type=Path, default=Path("/tmp/Connections-bench.csv"))
    args = parser.parse_args()
    args.csv.write_bytes(connections_csv(args.rows))
    from graphnet.cli import cli

    command = ["--data", str(args.data), "--today", args.today, "import", "linkedin", str(args.csv)]
    if args.dry_run:
        command.append("--dry-run")
    began = time.perf_counter()
    result = CliRunner().invoke(cli, command)
    seconds = time.perf_counter() - began
    tail = [line for line in result.output.splitlines() if not line.startswith((" ", "#", "-"))][-4:]
    print("\n".join(tail))
    print(f"{args.rows} rows: {seconds:.1f} s (exit {result.exit_code})")


if __name__ == "__main__":
    main()
