"""Problems in the order they are fixed, and circles or tags one letter from a common one."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from graphnet.cli import cli


def check(folder: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["--no-cache", "--data", str(folder), "check"])
    return result.exit_code, result.output.strip().splitlines()


def test_a_file_that_cannot_be_parsed_comes_first_and_its_missing_ids_are_held_back(tmp_path: Path) -> None:
    # One tab in people.yaml: the file cannot be read, so every member of the group looks unknown.
    (tmp_path / "a-groups.yaml").write_text(
        "groups:\n  - name: Club\n    members: [ada, bob, cy, nobody]\n", encoding="utf-8"
    )
    (tmp_path / "people.yaml").write_text("people:\n  - name: Ada\n\t- name: Bob\n", encoding="utf-8")
    code, lines = check(tmp_path)
    assert code == 1
    assert lines[0].startswith("people.yaml:3:1: error: YAML syntax error") or "people.yaml:3" in lines[0]
    assert "tab" in lines[0]
    # The four unknown members (nobody included: it may be in people.yaml too) are one line, right after.
    assert "4 unknown-id error(s) in other files are held back" in lines[1] and "people.yaml" in lines[1]
    assert not any("unknown person" in line for line in lines)


def test_without_unreadable_files_unknown_ids_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a-groups.yaml").write_text("groups:\n  - name: Club\n    members: [ada, nobody]\n", encoding="utf-8")
    (tmp_path / "people.yaml").write_text("people:\n  - name: Ada\n", encoding="utf-8")
    code, lines = check(tmp_path)
    assert code == 1 and any("unknown person or 'me' 'nobody'" in line for line in lines)


def test_a_circle_one_letter_from_a_common_one_is_a_warning(tmp_path: Path) -> None:
    people = "people:\n" + "".join(f"  - name: P{i}\n    circles: [friends]\n" for i in range(4))
    people += "  - name: Odd\n    circles: [freinds]\n    tags: [ml]\n  - name: Other\n    tags: [ai, ai2]\n"
    (tmp_path / "people.yaml").write_text(people, encoding="utf-8")
    code, lines = check(tmp_path)
    # freinds (once) vs friends (4 times): 1 <= 0.25 * 4, one swap apart.
    warnings = [line for line in lines if ": warning: " in line]
    assert code == 0 and len(warnings) == 1
    assert (
        "people.yaml:10:5: warning: circle 'freinds' (used once) is one letter from 'friends' (used 4 times)"
        in warnings[0]
    )
