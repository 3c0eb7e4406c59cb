"""Messages that used to mislead: case-only differences, tabs, vCard problems, pipes, empty lists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphnet.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GRAPHNET = [sys.executable, "-m", "graphnet"]
LINKEDIN = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAda,Lovelace,,,Engines,,12 Mar 2024\r\n"
)


def run(folder: Path, *args: str, **kwargs):
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", *args], **kwargs)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("People:\n  - name: Ada\n", "unknown section 'People'; did you mean 'people'?"),
        ("people:\n  - Name: Ada\n    name: Ada\n", "unknown key 'Name'; did you mean 'name'?"),
        ("people:\n  - name: Ada\n    Org: Acme\n", "unknown key 'Org'; did you mean 'org'?"),
    ],
)
def test_keys_and_sections_differing_only_in_case_get_a_did_you_mean(write, text: str, wanted: str) -> None:
    result = run(write("a.yaml", text, dedent=False), "check")
    assert result.exit_code == 1 and wanted in result.stdout


def test_a_tab_inside_a_line_is_not_called_indentation(write) -> None:
    result = run(write("a.yaml", "people:\n  - name:\tAda\n", dedent=False), "--no-cache", "check")
    assert result.exit_code == 1
    assert "a.yaml:2:" in result.stdout and "the tab at column 10 is not indentation" in result.stdout
    assert "indentation must use spaces" not in result.stdout
    result = run(write("b.yaml", "people:\n\t- name: Ada\n", dedent=False), "check")
    assert "indentation must use spaces, not tabs" in result.stdout


def test_a_vcard_line_graphnet_cannot_read_is_a_graphnet_problem_at_its_line(write, tmp_path: Path) -> None:
    folder = write("me.yaml", "me:\n  name: Sam\n", dedent=False)
    card = tmp_path / "c.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob\r\nthis line is broken\r\nEND:VCARD\r\n"
    )
    # A real process: vobject's own log line would go to its stderr.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "graphnet",
            "--data",
            str(folder),
            "--today",
            "2026-11-25",
            "import",
            "vcard",
            str(card),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1  # the card is not dropped silently
    assert "c.vcf:8: error: the card cannot be read (this line is not 'NAME:value'" in done.stderr
    assert "vobject" not in done.stderr and "ERROR" not in done.stderr


def test_a_latin1_vcard_gets_vcard_advice(write, tmp_path: Path) -> None:
    folder = write("me.yaml", "me:\n  name: Sam\n", dedent=False)
    card = tmp_path / "c.vcf"
    card.write_bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n".encode("latin-1"))
    result = run(folder, "import", "vcard", str(card))
    assert result.exit_code == 2 and "vCard (UTF-8)" in result.stderr and "CSV" not in result.stderr


def test_an_export_read_from_a_pipe(write) -> None:
    folder = write("me.yaml", "me:\n  name: Sam\n", dedent=False)
    done = subprocess.run(
        [*GRAPHNET, "--data", str(folder), "--today", "2026-11-25", "import", "linkedin", "/dev/stdin", "--dry-run"],
        input=LINKEDIN,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "would add 1 person" in done.stdout
    done = subprocess.run(  # <(…): a /dev/fd path
        ["bash", "-c", f"{sys.executable} -m graphnet --data {folder} import linkedin <(printf '%s' \"$CSV\")"],
        env={"CSV": LINKEDIN, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "added 1 person" in done.stdout


def test_an_empty_list_is_said_to_be_empty(write) -> None:
    folder = write("people.yaml", "people:\n  - name: Ada\n", dedent=False)
    result = run(folder, "map", "--circle", "work", "-o", "-")
    assert result.exit_code == 2
    assert "no one has a circle yet" in result.stderr and "circles: \n" not in result.stderr
    assert not result.stderr.rstrip().endswith(":")
