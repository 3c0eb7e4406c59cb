"""LinkedIn first: a generated export of 3,000 rows in the real format, imported, re-imported, asked.

The export comes from benchmarks/linkedin_export.py (seed 1): a ``Notes:`` preamble, a BOM,
CRLF line ends, 15 rows with empty names, repeated names (two "John Smith" at Microsoft with
different profiles, and about 1,600 first/last name pairs for 2,985 people), company variants
("Google", "Google Cloud", "Alphabet"; "Salesforce", "Salesforce.com"; "Amazon Web Services
(AWS)", "AWS"; "Self-employed"). The newer export (seed 2) changes 20 positions, moves Hana
Sato from Datadog to Wiz and adds 10 connections.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import benchmark_script

import graphnet
from graphnet.cli import cli

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 25)
LATER = date(2026, 11, 26)  # the newer export, a day later (dates after the real day are errors)
ROWS = 3000
EMPTY_NAMES = 15  # rows of the seed-1 export with neither first nor last name


GEN = benchmark_script("linkedin_export")
FIRST_ROWS = GEN.connections(ROWS, seed=1, today=TODAY)
NEWER_ROWS = GEN.newer(FIRST_ROWS, seed=2, today=LATER)


def run(folder: Path, today: date, *args: str):
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", today.isoformat(), "--no-cache", *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A network of me alone, into which the first export was imported once."""
    base = tmp_path_factory.mktemp("linkedin")
    (base / "Connections.csv").write_bytes(GEN.to_csv(FIRST_ROWS))
    (base / "Connections-newer.csv").write_bytes(GEN.to_csv(NEWER_ROWS))
    (base / "Connections-old.csv").write_bytes(GEN.to_csv(FIRST_ROWS, urls=False, bom=False, crlf=False))
    folder = base / "template"
    folder.mkdir()
    (folder / "me.yaml").write_text("me:\n  name: Sam Rivera\n", encoding="utf-8")
    result = run(folder, TODAY, "import", "linkedin", str(base / "Connections.csv"), "--skip-bad")
    assert result.exit_code == 0, result.output
    (base / "first-import.txt").write_text(result.output, encoding="utf-8")
    return folder


@pytest.fixture
def network(imported: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "net"
    shutil.copytree(imported, folder)
    for name in ("Connections.csv", "Connections-newer.csv", "Connections-old.csv"):
        shutil.copyfile(imported.parent / name, tmp_path / name)
    return folder


def load(folder: Path, today: date = TODAY) -> graphnet.Network:
    net, problems = graphnet.load(folder, today=today, use_cache=False)
    assert not [p for p in problems if p.is_error], problems[:5]
    return net


def test_the_export_is_in_the_real_format():
    data = GEN.to_csv(FIRST_ROWS)
    assert data.startswith(b"\xef\xbb\xbfNotes:\r\n")
    assert b"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" in data
    assert sum(1 for r in FIRST_ROWS if not r.name) == EMPTY_NAMES
    smiths = [r for r in FIRST_ROWS if r.name == "John Smith" and r.company == "Microsoft"]
    assert len({r.url for r in smiths}) == 2
    assert len({r.name for r in FIRST_ROWS}) < ROWS - EMPTY_NAMES - 1000  # many repeated names


def test_the_first_import_keeps_every_connection_and_none_is_a_relationship(imported: Path):
    output = (imported.parent / "first-import.txt").read_text(encoding="utf-8")
    net = load(imported)
    # Every row with a name is one person: nobody merged on name and organization.
    assert len(net.people) == ROWS - EMPTY_NAMES
    assert "merged" not in output.split("\n")[0]
    smiths = [p for p in net.people.values() if p.name == "John Smith" and p.org == "microsoft"]
    assert sorted(p.role for p in smiths) == ["Account Executive", "Software Engineer"]
    # Connected On is `connected`, never `met`.
    assert all(p.met is None and p.connected is not None for p in net.people.values())
    assert all(p.imported == "linkedin" and p.strength == 1 for p in net.people.values())
    # Self-employed and Freelance are no organization.
    assert "self-employed" not in net.organizations and "freelance" not in net.organizations
    # The company variants are warned about, each with its fix.
    assert "the organization 'Google Cloud'" in output
    assert "graphnet add org Google --alias 'Google Cloud'" in output
    assert "graphnet add org Salesforce --alias Salesforce.com" in output


def test_connections_are_never_overdue_or_a_follow_up(network: Path):
    result = run(network, TODAY, "reach-outs")
    assert result.exit_code == 0, result.output
    assert "Nobody to contact now" in result.output
    path = run(network, TODAY, "path", "Microsoft")
    assert path.exit_code == 0, path.output
    assert "talked" not in path.output
    microsoft = sum(1 for r in FIRST_ROWS if r.company == "Microsoft" and r.name)
    assert f"You know {microsoft} people at Microsoft directly (all connections, not relationships)" in path.output


def test_importing_the_same_export_twice_changes_nothing(network: Path):
    before = snapshot(network)
    result = run(network, TODAY, "import", "linkedin", "--skip-bad", str(network.parent / "Connections.csv"))
    assert result.exit_code == 0, result.output
    assert snapshot(network) == before
    assert result.stdout.startswith(f"nothing changed: {ROWS - EMPTY_NAMES} people already up to date")


def test_an_older_export_without_urls_changes_nothing(network: Path):
    before = snapshot(network)
    result = run(network, TODAY, "import", "linkedin", "--skip-bad", str(network.parent / "Connections-old.csv"))
    assert result.exit_code == 0, result.output
    assert snapshot(network) == before


def _hand_edit(network: Path, ident: str, key: str, old: str, new: str) -> None:
    """Change one value of an imported record the way a person would, in an editor."""
    path = next((network / "people").glob("linkedin-*.yaml"))
    text = path.read_text(encoding="utf-8")
    net = load(network)
    line = net.people[ident].source.line
    lines = text.split("\n")
    for i in range(line - 1, line + 12):
        if lines[i].strip() == f"{key}: {old}":
            lines[i] = lines[i].replace(f"{key}: {old}", f"{key}: {new}")
            break
    else:  # pragma: no cover - the fixture always has the key
        raise AssertionError(f"{key}: {old} not found under {ident}")
    path.write_text("\n".join(lines), encoding="utf-8")


def _changed_positions() -> list[tuple[str, str, str]]:
    """(url, old position, new position) of every row whose position the newer export changes."""
    before = {r.url: r for r in FIRST_ROWS if r.url}
    return [
        (r.url, before[r.url].position, r.position)
        for r in NEWER_ROWS
        if r.url in before and r.position != before[r.url].position and r.company == before[r.url].company
    ]


def test_a_newer_export_updates_what_the_import_wrote(network: Path):
    net = load(network)
    by_url = {p.url: p.id for p in net.people.values()}
    changed = _changed_positions()
    assert len(changed) == 20
    # One changed title was edited by hand before the re-import: it is kept, and reported.
    url, old, new = changed[0]
    mine = by_url[url]
    _hand_edit(network, mine, "role", json.dumps(old) if '"' in old else old, "Head of Everything")
    hana = next(p.id for p in net.people.values() if p.name == "Hana Sato" and p.org == "datadog")
    result = run(network, LATER, "import", "linkedin", "--skip-bad", str(network.parent / "Connections-newer.csv"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # The report leads with what changed, grouped.
    assert lines[0] == "updated 20 people from the export (in place, only the values that came from an import):"
    assert lines[1].startswith("  19 positions changed: ")
    assert lines[2] == "  1 job change: Hana Sato, Datadog → Wiz"
    assert "kept 1 value you wrote by hand (the export differs):" in lines
    assert any(f"{mine} (" in line and "'Head of Everything'" in line for line in lines)
    assert any(line.startswith("added 10 people to ") for line in lines)
    after = load(network, LATER)
    assert after.people[mine].role == "Head of Everything"
    for url, _old, new in changed[1:]:
        assert after.people[by_url[url]].role == new
    moved = after.people[hana]
    assert (moved.org, moved.role) == ("wiz", "SVP, Global Sales")
    assert [(job.org, job.role) for job in moved.past_orgs] == [("datadog", "VP of Sales")]
    assert len(after.people) == ROWS - EMPTY_NAMES + 10
    # Nothing is left to update: the newer export imported again changes nothing.
    before = snapshot(network)
    again = run(network, LATER, "import", "linkedin", "--skip-bad", str(network.parent / "Connections-newer.csv"))
    assert again.exit_code == 0, again.output
    assert snapshot(network) == before


def test_the_json_report_lists_every_change(network: Path):
    result = run(
        network, LATER, "import", "linkedin", "--skip-bad", str(network.parent / "Connections-newer.csv"), "--json"
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert len(report["updated_records"]) == 21
    job = [u for u in report["updated_records"] if u["job_change"]]
    assert [(u["name"], u["changes"]["org"]) for u in job] == [("Hana Sato", ["Datadog", "Wiz"])]
    assert report["added"] == 10
    assert report["unchanged"] == ROWS - EMPTY_NAMES - 21


def test_hand_written_people_are_never_changed_by_an_import(network: Path):
    hana = next(r for r in FIRST_ROWS if r.name == "Hana Sato" and r.company == "Datadog")
    (network / "people.yaml").write_text(
        f"people:\n  - name: Hana Sato\n    id: hana\n    org: Datadog\n    role: Sales lead\n    strength: 4\n"
        f"    url: {hana.url}\n",
        encoding="utf-8",
    )
    mine = (network / "people.yaml").read_bytes()
    result = run(network, LATER, "import", "linkedin", "--skip-bad", str(network.parent / "Connections-newer.csv"))
    assert result.exit_code == 0, result.output
    assert (network / "people.yaml").read_bytes() == mine
    assert "hana (" in result.output and "'Wiz'" in result.output


def test_the_readme_flow_import_add_ten_ask(network: Path):
    """Import, add ten by hand, ask: the answers are led by the ten."""
    net = load(network)
    at_microsoft = sorted(p.id for p in net.people.values() if p.org == "microsoft")
    ten = [
        ("Hedy Lamarr", ["--org", "Globex", "--strength", "4", "--met", "2024-05-02", "--knows", at_microsoft[0]]),
        ("Claude Shannon", ["--strength", "5", "--met", "2019-01-10"]),
        ("Edsger Dijkstra", ["--org", "Microsoft", "--strength", "3", "--met", "2020-02-02"]),
        ("Donald Knuth", ["--strength", "4", "--met", "2021-03-03"]),
        ("Anita Borg", ["--strength", "3", "--met", "2022-04-04"]),
        ("Vint Cerf", ["--strength", "4", "--met", "2018-05-05"]),
        ("Leslie Lamport", ["--strength", "3", "--met", "2023-06-06"]),
        ("Shafi Goldwasser", ["--strength", "4", "--met", "2017-07-07"]),
        ("Sophie Wilson", ["--strength", "5", "--met", "2016-08-08"]),
        ("Radia Perlman", ["--strength", "3", "--met", "2026-11-20"]),
    ]
    hand = set()
    for name, options in ten:
        added = run(network, TODAY, "add", "person", name, *options)
        assert added.exit_code == 0, added.output
        assert "already in your network" not in added.output
        hand.add(name.lower().replace(" ", "-"))
    result = json.loads(run(network, TODAY, "reach-outs", "--top", "20", "--json").output)
    # Everyone listed is hand-added: overdue (all met long ago, no contact since) or a follow-up (Radia).
    assert {item["id"] for item in result["reach_outs"]} <= hand
    assert result["candidates"] == 10
    kinds = {item["id"]: [r["kind"] for r in item["reasons"]] for item in result["reach_outs"]}
    assert kinds["radia-perlman"] == ["follow-up"]
    path = json.loads(run(network, TODAY, "path", "Microsoft", "--json").output)
    # The direct contacts start with Alan (a relationship), and the routes with the hand-added.
    assert path["direct"]["people"][0]["id"] == "edsger-dijkstra"
    assert path["paths"][0]["people"][:2] in (["me", "edsger-dijkstra"], ["me", "hedy-lamarr"])
    assert all(p["people"][1] in hand for p in path["paths"])


def test_an_earlier_import_that_wrote_met_is_turned_into_connected(tmp_path: Path):
    """Before `connected` existed, the LinkedIn import wrote Connected On as `met`: a re-import corrects it."""
    folder = tmp_path / "net"
    (folder / "people").mkdir(parents=True)
    (folder / "me.yaml").write_text("me:\n  name: Sam\n", encoding="utf-8")
    hana = next(r for r in FIRST_ROWS if r.name == "Hana Sato")
    (folder / "people" / "linkedin-2024-01-01.yaml").write_text(
        "# Imported by `graphnet import linkedin` on 2024-01-01 from Connections.csv:\n"
        "people:\n"
        "  - name: Hana Sato\n"
        "    org: Datadog\n"
        "    role: VP of Sales\n"
        "    strength: 1\n"
        f"    met: {hana.connected.isoformat()}  # from Connected On\n"
        f"    url: {hana.url}\n",
        encoding="utf-8",
    )
    export = tmp_path / "Connections.csv"
    export.write_bytes(GEN.to_csv([hana]))
    assert load(folder).people["hana-sato"].met == hana.connected
    result = run(folder, TODAY, "import", "linkedin", str(export))
    assert result.exit_code == 0, result.output
    assert "1 'met' written from Connected On by an earlier import became 'connected'" in result.stdout
    after = load(folder).people["hana-sato"]
    assert (after.met, after.connected) == (None, hana.connected)
    assert connections_of(folder) == {"hana-sato"}


def connections_of(folder: Path) -> set[str]:
    from graphnet.analyses.activity import connections

    return connections(load(folder), TODAY)


def test_a_dry_run_shows_the_in_place_changes_and_writes_nothing(network: Path):
    before = snapshot(network)
    args = ("import", "linkedin", "--skip-bad", "--dry-run", str(network.parent / "Connections-newer.csv"))
    result = run(network, LATER, *args)
    assert result.exit_code == 0, result.output
    assert snapshot(network) == before
    out = result.stdout
    assert "\nwould update 21 people from the export" in out  # after the diff and the new file
    assert "+    org: Wiz\n" in out and "+      - {org: Datadog, role: VP of Sales}\n" in out
    assert out.count('+    role: "SVP, Global Sales"\n') >= 19
