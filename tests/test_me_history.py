"""me: holds my own history; former colleagues, and ties with nothing logged, are said as they are."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.analyses.ties import my_colleagues
from graphnet.cli import cli

NETWORK = """\
    me:
      name: Sam
      org: Quanta
      role: Engineer
      department: Platform
      location: Berlin
      email: [sam@example.org, sam@work.example]
      circles: [work]
      tags: [python]
      past_orgs:
        - {org: Lieferfix, role: Developer, from: 2021-03-01, to: 2026-10-31}
        - {org: Oldco, from: 2010-01-01, to: 2012-12-31}
    people:
      - name: Katrin Braun
        org: Lieferfix
        strength: 3
      - name: Olga Old
        past_orgs: [{org: Oldco, from: 2015-01-01, to: 2016-01-01}]
        strength: 3
      - name: Quinn
        org: Quanta
        strength: 3
      - name: Old Friend
        strength: 4
        met: 2018-05-01
        location: Hamburg
        email: [friend@example.org, f@example.net]
    """


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "network.yaml").write_text(textwrap.dedent(NETWORK), encoding="utf-8")
    return tmp_path


def run(folder: Path, *args: str, today: str = "2027-06-01") -> str:
    result = CliRunner().invoke(cli, ["--data", str(folder), "--today", today, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_me_and_people_accept_history_location_and_emails(folder: Path) -> None:
    net, problems = graphnet.load(folder, today=date(2027, 6, 1), use_cache=False)
    assert problems == []
    me = net.me
    assert (me.org, me.role, me.department, me.location) == ("quanta", "Engineer", "Platform", "Berlin")
    assert me.emails == ["sam@example.org", "sam@work.example"] and me.email == "sam@example.org"
    assert next((j.org, j.role, j.start, j.end) for j in me.past_orgs) == (
        "lieferfix",
        "Developer",
        date(2021, 3, 1),
        date(2026, 10, 31),
    )
    assert (me.circles, me.tags) == (["work"], ["python"])
    friend = net.people["old-friend"]
    assert friend.location == "Hamburg" and friend.emails == ["friend@example.org", "f@example.net"]


def test_colleagues_need_an_overlapping_time(folder: Path) -> None:
    net, _ = graphnet.load(folder, today=date(2027, 6, 1), use_cache=False)
    found = my_colleagues(net, date(2027, 6, 1))
    # Katrin is at Lieferfix now; I was there 2021-03-01..2026-10-31: the overlap is exactly my time there.
    assert found["katrin-braun"].start == date(2021, 3, 1) and found["katrin-braun"].end == date(2026, 10, 31)
    # Quinn and I both work at Quanta now: colleagues until today.
    assert found["quinn"].current and found["quinn"].end == date(2027, 6, 1)
    # Olga was at Oldco 2015-2016, I left in 2012: no overlap, not a colleague.
    assert "olga-old" not in found


def test_former_colleague_is_said_so_and_not_overdue_right_after(folder: Path) -> None:
    # A month after I left Lieferfix, Katrin (strength 3, cadence 90 days) is not overdue.
    soon = run(folder, "reach-outs", today="2026-11-27")
    assert "Katrin" not in soon
    later = run(folder, "reach-outs", today="2027-06-01")
    # 2026-10-31 to 2027-06-01 is 213 days > 90: overdue, with the overlap as the evidence.
    assert "worked together at Lieferfix 2021–2026 (until 7 months ago), nothing logged since" in later
    assert "last contact" not in later.split("Katrin Braun")[1].split("\n\n")[0]
    path = run(folder, "path", "katrin")
    assert "you → Katrin Braun: friendly contact, worked together at Lieferfix 2021–2026" in path


def test_met_only_never_says_last_talked(folder: Path) -> None:
    out = run(folder, "path", "Old Friend")
    assert "met 9 years ago (2018), nothing logged since" in out and "last talked" not in out
    reach = run(folder, "reach-outs")
    assert "met 9 years ago (2018), nothing logged since" in reach


def test_a_path_through_someone_to_a_person_i_know_says_so(tmp_path: Path) -> None:
    (tmp_path / "n.yaml").write_text(
        "people:\n"
        "  - {name: Katrin Braun, strength: 1}\n"
        "  - {name: Gina, strength: 5, knows: [{id: katrin-braun, strength: 5}]}\n"
        "interactions:\n  - {date: 2026-11-20, with: gina}\n",
        encoding="utf-8",
    )
    data = json.loads(run(tmp_path, "path", "katrin", "--json", today="2026-11-27"))
    through = next(p for p in data["paths"] if p["people"] == ["me", "gina", "katrin-braun"])
    assert through["ask"].startswith("You know Katrin Braun yourself (met once, no contact on record)")
