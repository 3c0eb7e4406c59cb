"""Time ``graphnet import linkedin`` on a synthetic 30,000-row Connections.csv.

Usage::

    python benchmarks/import_linkedin.py --rows 30000 --data /tmp/net-copy

The export follows LinkedIn's format exactly (``Notes:`` preamble, BOM, CRLF,
quoted commas, empty names on some rows, repeated names, company variants,
Zipf-distributed companies; see ``benchmarks/linkedin_export.py``). The
network folder is imported into for real (copy it first: a new file
``people/linkedin-YYYY-MM-DD.yaml`` is written); ``--dry-run`` plans and
verifies without writing. The time printed covers the whole command as a user
runs it: loading the network, reading the CSV, matching, writing the file and
loading the network again to verify it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from linkedin_export import connections, to_csv


def connections_csv(rows: int, seed: int = 1) -> bytes:
    """A LinkedIn export with ``rows`` connections (``benchmarks/linkedin_export.py``)."""
    return to_csv(connections(rows, seed=seed))


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

    command = ["--data", str(args.data), "--today", args.today, "import", "linkedin", str(args.csv), "--skip-bad"]
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
