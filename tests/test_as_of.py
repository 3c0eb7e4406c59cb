"""Records dated after --today are ignored by every answer, never an error.

One network is written twice into the same folder: once with records dated after the day
of the answers (introductions, interactions, favors, a past job starting later, a ``knows``
entry since later, a ``met`` and a ``last_contact`` later), once with exactly those lines
commented out (so every other line keeps its number, and the ``path:line:col`` sources in
the answers stay comparable). Every answer as of that day must be the same for both.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.analyses.ties import as_of, links
from graphnet.cli import cli

# The day of the answers, well before the real date: a date after it but not after the real date
# is a record that has not happened yet as of that day (not a typo, which `check` reports).
DAY = date.today() - timedelta(days=400)


def _day(offset: int) -> str:
    return (DAY + timedelta(days=offset)).isoformat()


# Lines ending in "#later" hold a record dated after DAY. The reproduction of the defect: P1
# (strength 4) knows Q1; Q1 and Q2 (at Acme) are not met; an introduction of Q1 to Q2 by P1 made
# after DAY once gave `path Acme` a route me -> P1 -> Q1 -> Q2 that bridges and weak-ties ignored.
NETWORK = f"""\
me:
  name: Sam
  targets: [Acme]
people:
  - id: p1
    name: Pat One
    strength: 4
    knows:
      - q1
  - {{id: q1, name: Quinn One, strength: 0}}
  - {{id: q2, name: Quinn Two, strength: 0, org: Acme, role: Data Lead}}
  - id: ada
    name: Ada
    org: Globex
    strength: 2
    met: {_day(-300)}
    knows:
      - bob
  - id: bob
    name: Bob
    org: Initech
    strength: 3
    past_orgs:
      - {{org: Globex, from: {_day(-900)}, to: {_day(-400)}}}
      - {{org: Acme, from: {_day(20)}}}  #later
  - id: cy
    name: Cy
    strength: 1
    knows:
      - {{id: dee}}
      - {{id: q2, since: {_day(30)}}}  #later
  - id: dee
    name: Dee
    strength: 2
    met: {_day(5)}  #later
  - id: eve
    name: Eve
    strength: 4
    org: Globex
    last_contact: {_day(15)}  #later
groups:
  - name: Runners
    members: [me, ada, cy]
introductions:
  - {{date: {_day(-200)}, by: ada, people: [me, cy], status: made}}
  - {{date: {_day(40)}, by: p1, people: [q1, q2], status: made}}  #later
  - {{date: {_day(45)}, by: ada, people: [me, q2], status: requested}}  #later
  - {{date: {_day(50)}, by: me, people: [ada, bob], status: met}}  #later
interactions:
  - {{date: {_day(-20)}, with: ada}}
  - {{date: {_day(10)}, with: bob}}  #later
  - {{date: {_day(12)}, with: [cy, dee]}}  #later
favors:
  - {{date: {_day(-100)}, from: bob, to: me, what: a CV review}}
  - {{date: {_day(25)}, from: eve, to: me, what: a referral}}  #later
  - {{date: {_day(26)}, from: me, to: bob, what: an introduction}}  #later
"""

LATER = re.compile(r"^(\s*)(\S.*)  #later$", re.MULTILINE)
WITHOUT = LATER.sub(r"\1# \2", NETWORK)
WITH = LATER.sub(r"\1\2", NETWORK)

ANSWERS = [
    ["path", "Acme", "--json"],
    ["path", "q2", "--json"],
    ["bridges", "--json"],
    ["weak-ties", "--json"],
    ["reach-outs", "--json"],
    ["stats", "--json"],
    ["meet", "--json"],
]


def _answers(folder: Path, text: str, day: date, tmp: Path) -> dict[str, Any]:
    """Every answer (JSON, the map's data, the JSON export) for the network ``text`` as of ``day``."""
    (folder / "network.yaml").write_text(text, encoding="utf-8")
    runner = CliRunner()
    base = ["--data", str(folder), "--today", day.isoformat(), "--no-cache"]
    found: dict[str, Any] = {}
    for args in ANSWERS:
        result = runner.invoke(cli, [*base, *args])
        assert result.exit_code == 0, (args, result.output)
        found[" ".join(args)] = json.loads(result.stdout)
    page = tmp / "map.html"
    result = runner.invoke(cli, [*base, "map", "--highlight", "Acme", "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    for name in ("nodes", "edges", "panels", "later"):  # the page's data blocks
        match = re.search(rf'<script type="application/json" id="graphnet-{name}">(.*?)</script>', html)
        assert match, name
        found[f"map {name}"] = json.loads(match.group(1))
    exported = tmp / "network.json"
    result = runner.invoke(cli, [*base, "export", "--format", "json", "-o", str(exported)])
    assert result.exit_code == 0, result.output
    found["export"] = json.loads(exported.read_text(encoding="utf-8"))
    return found


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "net"
    path.mkdir()
    return path


def test_every_answer_ignores_records_dated_after_today(folder: Path, tmp_path: Path) -> None:
    assert WITH.count("\n") == WITHOUT.count("\n") and WITHOUT.count("# ") == 11
    without = _answers(folder, WITHOUT, DAY, tmp_path)
    with_later = _answers(folder, WITH, DAY, tmp_path)
    for key in without:
        assert with_later[key] == without[key], key
    # Not vacuous: Quinn Two is out of reach as of DAY ...
    assert without["path Acme --json"]["paths"] == []
    assert without["stats --json"]["introductions"] == 1
    assert without["reach-outs --json"]["reach_outs"]


def test_the_later_records_count_once_their_day_has_come(folder: Path, tmp_path: Path) -> None:
    later = DAY + timedelta(days=60)
    without = _answers(folder, WITHOUT, later, tmp_path)
    with_later = _answers(folder, WITH, later, tmp_path)
    # ... and reachable once the introduction of Quinn One to Quinn Two has been made.
    assert with_later["path Acme --json"]["paths"] and not without["path Acme --json"]["paths"]
    assert with_later["stats --json"]["introductions"] == 4 and without["stats --json"]["introductions"] == 1
    different = {key for key in without if with_later[key] != without[key]}
    assert {"bridges --json", "weak-ties --json", "reach-outs --json", "map edges", "export"} <= different


def test_as_of_leaves_out_each_kind_of_later_record(folder: Path) -> None:
    (folder / "network.yaml").write_text(WITH, encoding="utf-8")
    net, problems = graphnet.load(folder, today=DAY)
    assert not [p for p in problems if p.is_error]
    assert net.dated_until == DAY + timedelta(days=50)
    view = as_of(net, DAY)
    assert len(view.introductions) == 1 and len(view.interactions) == 1 and len(view.favors) == 1
    assert [job.org for job in view.people["bob"].past_orgs] == ["globex"]
    assert [tie.other for tie in view.people["cy"].knows] == ["dee"]
    assert view.people["dee"].met is None and view.people["eve"].last_contact is None
    assert view.people["ada"] is net.people["ada"]  # records with nothing later are shared, not copied
    # The records as loaded are left as they are, and a day after every record changes nothing.
    assert len(net.introductions) == 4 and as_of(net, DAY + timedelta(days=50)) is net
    pairs = {(link.a, link.b, link.relation) for link in links(net, DAY)}
    assert ("q1", "q2", "introduction") not in pairs and ("cy", "q2", "knows") not in pairs
    assert ("bob", "acme", "worked_at") not in pairs and ("bob", "globex", "worked_at") in pairs
