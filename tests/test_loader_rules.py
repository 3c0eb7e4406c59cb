"""Loader rules that used to give wrong answers: files reached twice, aliases, self-references, me twice."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from click.testing import CliRunner

import graphnet
from graphnet.cli import cli

TODAY = date(2026, 11, 25)

PEOPLE = """\
people:
  - id: ada
    name: Ada Lovelace
    strength: 4
"""

INTERACTIONS = """\
interactions:
  - date: 2026-11-01
    with: ada
  - date: 2026-11-10
    with: ada
"""


def run(folder: Path, *args: str):
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", *args])


def test_a_file_linked_twice_is_read_once(write) -> None:
    folder = write("people.yaml", PEOPLE, dedent=False)
    write("interactions.yaml", INTERACTIONS, dedent=False)
    (folder / "current.yaml").symlink_to("interactions.yaml")
    os.link(folder / "people.yaml", folder / "people-hard.yaml")  # a hard link is the same file too
    net, problems = graphnet.load(folder, today=TODAY)
    assert not [p for p in problems if p.is_error], [str(p) for p in problems]
    assert len(net.interactions) == 2  # was 4: every interaction counted twice
    assert len(net.files) == 2
    result = run(folder, "stats", "--json")
    assert result.exit_code == 0 and '"interactions": 2' in result.stdout


def test_errors_name_the_link_not_its_target(write, tmp_path: Path, monkeypatch) -> None:
    elsewhere = tmp_path / "dropbox"
    elsewhere.mkdir()
    (elsewhere / "real-people.yaml").write_text("people:\n  - name: Ada\n    strength: 9\n", encoding="utf-8")
    folder = write("me.yaml", "me:\n  name: Sam\n", dedent=False)
    (folder / "people.yaml").symlink_to(elsewhere / "real-people.yaml")
    monkeypatch.chdir(tmp_path)
    _, problems = graphnet.load(folder, today=TODAY)
    [problem] = [p for p in problems if p.is_error]
    assert problem.path == os.path.join("net", "people.yaml") and problem.line == 3


def test_a_dangling_link_is_reported_as_the_link(write, tmp_path: Path, monkeypatch) -> None:
    folder = write("people.yaml", PEOPLE, dedent=False)
    (folder / "old.yaml").symlink_to(tmp_path / "gone.yaml")
    monkeypatch.chdir(tmp_path)
    result = run(Path("net"), "check")
    assert result.exit_code == 1
    assert "net/old.yaml: error: cannot read the file: it is a symbolic link to" in result.stdout
    assert "gone.yaml', which does not exist" in result.stdout


ORGS = """\
organizations:
  - id: globex
    name: Globex Corporation
    aliases: [GX]
  - id: gx-games
    name: GX Games
    aliases:
      - GX
      - globex
      - globex corporation
people:
  - name: Ada Lovelace
    org: GX
"""


def test_an_alias_names_one_organization_only(write) -> None:
    folder = write("orgs.yaml", ORGS, dedent=False)
    result = run(folder, "check")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "must name one organization only" in line]
    assert ":8:9: error:" in lines[0]
    assert "the alias 'GX' is already an alias of the organization 'globex'" in lines[0]
    assert ":9:9: error:" in lines[1] and "is the id of the organization 'globex'" in lines[1]
    assert ":10:9: error:" in lines[2] and "is already the name of the organization 'globex'" in lines[2]
    assert len(lines) == 3


def test_add_org_refuses_an_alias_of_another_organization(write) -> None:
    folder = write("orgs.yaml", "organizations:\n  - id: globex\n    name: Globex Corporation\n    aliases: [GX]\n")
    before = (folder / "orgs.yaml").read_bytes()
    for alias in ("gx", "Globex Corporation", "globex"):
        result = run(folder, "add", "org", "GX Games", "--alias", alias)
        assert result.exit_code == 2 and "an alias must name one organization only" in result.stderr, alias
    assert (folder / "orgs.yaml").read_bytes() == before
    assert run(folder, "add", "org", "GX Games", "--alias", "GXG").exit_code == 0
    assert run(folder, "check").exit_code == 0


def test_introduced_by_themself_is_an_error(write) -> None:
    folder = write("people.yaml", "people:\n  - id: ada\n    name: Ada\n    introduced_by: ada\n", dedent=False)
    _, problems = graphnet.load(folder, today=TODAY)
    [problem] = [p for p in problems if p.is_error]
    assert (problem.line, problem.column) == (4, 20) and "names the person themself" in problem.message


def test_a_second_me_is_reported_at_its_key(write) -> None:
    write("a.yaml", "me:\n  name: Sam\n", dedent=False)
    folder = write("b.yaml", "people:\n  - name: Ada\n\nme:\n  name: Sam again\n", dedent=False)
    _, problems = graphnet.load(folder, today=TODAY)
    [problem] = [p for p in problems if p.is_error]
    assert problem.path.endswith("b.yaml") and problem.line == 4  # the line of 'me:', not the one after
    assert "first at" in problem.message and "a.yaml:1:" in problem.message
