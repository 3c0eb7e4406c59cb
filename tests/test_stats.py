"""`graphnet stats`: counts, activity windows, reach beyond work, isolation warnings."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from graphnet.cli import cli

NETWORK = """\
me:
  name: Sam
people:
  - {name: Ada, org: Initech, strength: 4, circles: [work]}
  - {name: Bob, org: Initech, strength: 3, circles: [work]}
  - {name: Cy, org: Initech, strength: 2, circles: [work]}
  - {name: Di, org: Initech, strength: 2, circles: [work]}
  - {name: Ed, org: Globex, strength: 1, circles: [work], last_contact: 2025-01-10}
interactions:
  - {date: 2026-10-01, with: ada}
  - {date: 2026-03-01, with: [bob, cy]}
favors:
  - {date: 2026-01-01, from: ada, to: me, what: CV review}
  - {date: 2026-02-01, from: bob, to: me, what: lead}
  - {date: 2026-02-03, from: cy, to: me, what: referral}
"""


def test_stats_json_counts_and_windows(write):
    folder = write("net.yaml", NETWORK)
    result = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "stats", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["people"] == 5 and data["ties"] == 5 and data["organizations"] == 2
    # Ada: 55 days ago; Bob and Cy: 269 days; Ed: 684 days; Di: never.
    assert data["active_ties"] == {"30": 0, "90": 1, "365": 3}
    assert data["outside_work_share"] == 0.0
    assert data["largest_org"] == {"id": "initech", "people": 4}
    warnings = " ".join(data["warnings"])
    assert "contacted nobody in the last 30 days" in warnings
    assert "4 of your 5 relationships are at Initech" in warnings
    assert "outside work" in warnings and "no group" in warnings
    assert "received 3 favors and given 0" in warnings


def test_stats_table_and_today_makes_it_reproducible(write):
    folder = write("net.yaml", NETWORK)
    runner = CliRunner()
    result = runner.invoke(cli, ["--data", str(folder), "--today", "2026-10-15", "stats"])
    assert result.exit_code == 0
    assert re.search(r"^ties active, 30 days +1$", result.stdout, re.M)
    assert "warning: 4 of your 5 relationships are at Initech" in result.stdout
    again = runner.invoke(cli, ["--data", str(folder), "--today", "2026-10-15", "stats"])
    assert again.stdout == result.stdout


def test_commands_refuse_data_with_errors(write):
    folder = write("net.yaml", "people:\n  - name: Ada\n    strength: 7\n")
    result = CliRunner().invoke(cli, ["--data", str(folder), "stats"])
    assert result.exit_code == 1
    assert "'strength' must be a whole number from 0 to 5" in result.stderr
    assert "fix them first" in result.stderr


def test_missing_data_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["--data", str(tmp_path / "none"), "stats"])
    assert result.exit_code == 1
    assert "graphnet init" in result.stderr and "Traceback" not in result.output
