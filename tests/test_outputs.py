"""Output paths (map -o, export -o): nothing that is not graphnet's own output is ever destroyed."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphnet.cli import cli

NETWORK = """\
me:
  name: Sam Rivera
people:
  - id: ada
    name: Ada Lovelace
    org: Acme Corp
    strength: 4
    met: 2024-03-12
"""

FORMATS = [("json", "out.json"), ("graphml", "out.graphml"), ("gexf", "out.gexf")]


def run(folder: Path, *args: str):
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", *args])


@pytest.fixture
def folder(write) -> Path:
    return write("people.yaml", NETWORK, dedent=False)


@pytest.mark.parametrize(
    "command", [["export", "--format", "json"], ["export", "--format", "csv"], ["map"]], ids=["json", "csv", "map"]
)
def test_an_output_inside_the_data_folder_is_refused(folder: Path, command: list[str]) -> None:
    before = (folder / "people.yaml").read_bytes()
    result = run(folder, *command, "-o", str(folder / "people.yaml"))
    assert result.exit_code == 2, result.output
    assert "inside the data folder" in result.stderr
    assert (folder / "people.yaml").read_bytes() == before
    # A new file in the data folder is refused too: the loader would read an export.yaml.
    result = run(folder, *command, "-o", str(folder / "sub" / "export.yaml"))
    assert result.exit_code == 2 and not (folder / "sub").exists()


def test_a_link_outside_pointing_into_the_data_folder_is_refused(folder: Path, tmp_path: Path) -> None:
    link = tmp_path / "looks-harmless.json"
    link.symlink_to(folder / "people.yaml")
    before = (folder / "people.yaml").read_bytes()
    result = run(folder, "export", "--format", "json", "--force", "-o", str(link))
    assert result.exit_code == 2 and "inside the data folder" in result.stderr
    assert (folder / "people.yaml").read_bytes() == before and link.is_symlink()


@pytest.mark.parametrize("command", [["export", "--format", "json"], ["map"]], ids=["export", "map"])
def test_a_file_graphnet_did_not_write_is_kept_unless_force(folder: Path, tmp_path: Path, command: list[str]) -> None:
    mine = tmp_path / "thesis.txt"
    mine.write_text("three years of work\n")
    result = run(folder, *command, "-o", str(mine))
    assert result.exit_code == 2 and "graphnet did not write it" in result.stderr and "--force" in result.stderr
    assert mine.read_text() == "three years of work\n"
    result = run(folder, *command, "-o", str(mine), "--force")
    assert result.exit_code == 0, result.output
    assert "three years" not in mine.read_text()


@pytest.mark.parametrize(("fmt", "name"), FORMATS)
def test_graphnets_own_output_and_an_empty_file_are_replaced(folder: Path, tmp_path: Path, fmt: str, name: str) -> None:
    out = tmp_path / name
    out.touch()  # empty: nothing to lose
    assert run(folder, "export", "--format", fmt, "-o", str(out)).exit_code == 0
    first = out.read_bytes()
    assert first
    result = run(folder, "export", "--format", fmt, "-o", str(out))  # graphnet's own: replaced without --force
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == first


def test_csv_and_map_outputs_are_recognised_as_graphnets(folder: Path, tmp_path: Path) -> None:
    for args in (["export", "--format", "csv", "-o", str(tmp_path / "neo")], ["map", "-o", str(tmp_path / "m.html")]):
        assert run(folder, *args).exit_code == 0
        result = run(folder, *args)
        assert result.exit_code == 0, result.output


def test_a_csv_export_checks_both_files_before_writing_either(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "neo"
    out.mkdir()
    (out / "relationships.csv").write_text("mine\n")
    result = run(folder, "export", "--format", "csv", "-o", str(out))
    assert result.exit_code == 2
    assert not (out / "nodes.csv").exists() and (out / "relationships.csv").read_text() == "mine\n"


@pytest.mark.parametrize("command", [["export", "--format", "graphml"], ["map"]], ids=["export", "map"])
def test_a_fifo_is_written_into_not_replaced(folder: Path, tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run(folder, *command, "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"graphnet" in received[0]


def test_a_character_device_is_written_into_not_replaced(folder: Path) -> None:
    before = os.stat("/dev/null")
    for command in (["export", "--format", "json"], ["map"]):
        result = run(folder, *command, "-o", "/dev/null")
        assert result.exit_code == 0, result.output
        after = os.stat("/dev/null")
        assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_map_dash_is_standard_output(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(folder, "map", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and "Ada Lovelace" in result.stdout
    assert not (tmp_path / "-").exists() and not (tmp_path / "network.html").exists()


def test_an_export_does_not_depend_on_the_working_folder(folder: Path, tmp_path: Path, monkeypatch) -> None:
    outputs = {}
    for where in (tmp_path, folder, Path("/")):
        monkeypatch.chdir(where)
        for fmt in ("json", "gexf", "graphml"):
            result = run(folder, "export", "--format", fmt)
            assert result.exit_code == 0, result.output
            outputs.setdefault(fmt, set()).add(result.stdout)
    for fmt, texts in outputs.items():
        assert len(texts) == 1, fmt
    assert '"people.yaml:' in next(iter(outputs["json"]))  # sources relative to the data folder
    # GEXF's date is the answer's day, not the real calendar date.
    assert 'lastmodifieddate="2026-11-25"' in next(iter(outputs["gexf"]))
