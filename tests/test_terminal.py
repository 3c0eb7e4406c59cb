"""Escape sequences in imported names never reach the terminal raw; imports warn about them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphnet.cli import cli
from graphnet.terminal import control_characters, escape_controls

TITLE = "\x1b]0;pwned\x07"  # sets the terminal's title
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"  # writes the clipboard
CLEAR = "\x1b[2J"  # clears the screen
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(folder: Path, *args: str):
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", *args])


def assert_safe(result) -> None:
    for stream in (result.stdout, result.stderr):
        assert not RAW.search(stream), repr(stream[:400])


@pytest.fixture
def imported(write, tmp_path: Path) -> Path:
    folder = write("me.yaml", "me:\n  name: Sam\n  targets: [Acme]\n", dedent=False)
    write("people.yaml", "people:\n  - name: Bob Stone\n    org: Acme\n    strength: 4\n", dedent=False)
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        f'"Ada{TITLE}","Lovelace{CLIPBOARD}",,,"Acme","{CLEAR}CTO\u202eevil",12 Mar 2024\r\n',
        encoding="utf-8",
    )
    result = run(folder, "import", "linkedin", str(export))
    assert result.exit_code == 0, result.output
    assert_safe(result)
    warnings = [line for line in result.stderr.splitlines() if "control characters" in line]
    assert len(warnings) == 2  # name and role
    assert "\\u001b" in warnings[0] and "\\u0007" in warnings[0]
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["stats"],
        ["path", "Acme"],
        ["reach-outs"],
        ["weak-ties"],
        ["bridges"],
        ["meet"],
        ["path", f"Nobody{CLEAR}"],  # an error message repeating what was typed
    ],
)
def test_every_human_output_shows_control_characters_escaped(imported: Path, args: list[str]) -> None:
    result = run(imported, *args)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    assert_safe(result)


def test_the_name_is_kept_as_written_and_shown_escaped(imported: Path) -> None:
    text = next((imported / "people").glob("linkedin-*.yaml")).read_text(encoding="utf-8")
    assert "\\e]0;pwned\\a" in text or "\\x1b" in text or "\\e" in text  # YAML escapes in the file itself
    result = run(imported, "path", "Acme")
    assert "Ada\\u001b]0;pwned\\u0007" in result.stdout or "Ada\\u001b]0;pwned\\u0007" in result.stderr


def test_json_answers_stay_valid_and_exact(imported: Path) -> None:
    result = run(imported, "export", "--format", "json")
    data = json.loads(result.stdout)
    names = {node.get("name") for node in data["nodes"]}
    assert f"Ada{TITLE} Lovelace{CLIPBOARD}" in names  # data, written as it is
    result = run(imported, "check", "--json")
    assert_safe(result)
    json.loads(result.stdout)


def test_a_vcard_name_with_escapes_warns(write, tmp_path: Path) -> None:
    folder = write("me.yaml", "me:\n  name: Sam\n", dedent=False)
    card = tmp_path / "c.vcf"
    card.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve{CLEAR}\r\nN:;Eve;;;\r\nEND:VCARD\r\n", encoding="utf-8")
    result = run(folder, "import", "vcard", str(card))
    assert result.exit_code == 0, result.output
    assert_safe(result)
    assert "control characters (\\u001b)" in result.stderr


def test_escape_controls_keeps_tab_and_newline() -> None:
    assert escape_controls("a\tb\nc\rd\x1be\x9bf\u202eg") == "a\tb\nc\\u000dd\\u001be\\u009bf\\u202eg"
    assert control_characters("\x1b[2J\x1b") == ["\\u001b"]
