"""People named as people type them: ids, full names, unique first names and prefixes, any case or accent."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.cli import cli
from graphnet.errors import GraphnetError
from graphnet.names import AmbiguousName, fold, resolve_person

TODAY = date(2026, 11, 25)

PEOPLE = """\
    people:
      - name: Katrin Braun
        org: Lieferfix
      - name: Zoë Müller
      - name: Ann Lee
      - name: Anna Smith
      - name: Sam Lee
        id: sam-1
      - name: Sam Lee
        id: sam-2
    """


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "people.yaml").write_text(textwrap.dedent(PEOPLE), encoding="utf-8")
    (tmp_path / "me.yaml").write_text("me:\n  name: Me\n", encoding="utf-8")
    return tmp_path


def net_of(folder: Path) -> graphnet.Network:
    net, problems = graphnet.load(folder, today=TODAY, use_cache=False)
    assert not [p for p in problems if p.is_error], problems
    return net


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("katrin-braun", "katrin-braun"),  # id
        ("Katrin Braun", "katrin-braun"),  # full name
        ("katrin", "katrin-braun"),  # unique first name, any case
        ("KATR", "katrin-braun"),  # unique prefix of the name
        ("katrin b", "katrin-braun"),  # unique prefix of the full name
        ("zoe muller", "zoe-muller"),  # accents ignored
        ("Zoë", "zoe-muller"),
        ("ann", "ann-lee"),  # a first name that is exactly one person's wins over the prefix of Anna
        ("anna", "anna-smith"),
        ("me", "me"),
        ("  Katrin  Braun ", "katrin-braun"),  # spaces as people type them
    ],
)
def test_names_resolve(folder: Path, typed: str, expected: str) -> None:
    assert resolve_person(net_of(folder), typed) == expected


def test_ambiguous_lists_every_candidate(folder: Path) -> None:
    with pytest.raises(AmbiguousName) as caught:
        resolve_person(net_of(folder), "sam")
    assert caught.value.candidates == ["sam-1", "sam-2"]
    assert "'sam-1' (Sam Lee)" in str(caught.value) and "'sam-2' (Sam Lee)" in str(caught.value)
    with pytest.raises(AmbiguousName) as prefix:  # "an" starts Ann Lee and Anna Smith: neither is a first name
        resolve_person(net_of(folder), "an")
    assert prefix.value.candidates == ["ann-lee", "anna-smith"]


def test_unknown_and_me_rules(folder: Path) -> None:
    net = net_of(folder)
    with pytest.raises(GraphnetError, match="unknown person 'Katrim Braun'; did you mean 'katrin-braun'"):
        resolve_person(net, "Katrim Braun")
    with pytest.raises(GraphnetError, match="'me' is not allowed"):
        resolve_person(net, "me", "--with", allow_me=False)
    with pytest.raises(GraphnetError, match="is an organization"):
        resolve_person(net, "Lieferfix")


def test_fold() -> None:
    assert fold("  Zoë   MÜLLER ") == "zoe muller"


def test_cli_log_by_first_name_prints_the_id(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "log", "Katrin"])
    assert result.exit_code == 0, result.output
    assert "with: katrin-braun (Katrin Braun)" in result.output
    assert "with: katrin-braun" in (folder / "interactions.yaml").read_text()


def test_cli_ambiguous_exits_2_and_writes_nothing(folder: Path) -> None:
    # graphnet's empty lock files are not data
    before = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".lock")}
    result = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "log", "Sam", "--kind", "call"])
    assert result.exit_code == 2
    assert "'sam-1' (Sam Lee)" in result.output and "'sam-2' (Sam Lee)" in result.output
    assert {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".lock")} == before


def test_cli_add_prints_the_new_id(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["--data", str(folder), "add", "person", "Grace Hopper", "--knows", "zoe"])
    assert result.exit_code == 0, result.output
    assert "new id: grace-hopper" in result.output and "knows: zoe-muller (Zoë Müller)" in result.output
