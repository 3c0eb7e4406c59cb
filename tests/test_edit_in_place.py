"""Edits in place (set, tie, move, merge, remind, snooze): only the bytes concerned change, on real files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphnet
from graphnet.cli import cli
from graphnet.errors import GraphnetError
from graphnet.files import change, edit
from graphnet.files import fileio as fileio_module

TODAY = date(2026, 11, 27)

PEOPLE = (
    "# my people\n"
    "people:\n"
    "  - name: Ada Lovelace   # best\n"
    "    org: Acme\n"
    "    role: Engineer\n"
    "    strength: 2 # hmm\n"
    "    circles:\n"
    "      - work\n"
    "\n"
    "  - {name: Bob Ross, strength: 1}\n"
    "  - name: Cy\n"
    "    knows: ada-lovelace\n"
    "  - name: Dee\n"
    "    org: Acme"  # the last record, no final newline
)


def folder_with(tmp_path: Path, people: str = PEOPLE, **files: str) -> Path:
    (tmp_path / "me.yaml").write_text("me:\n  name: Sam\n", encoding="utf-8")
    (tmp_path / "people.yaml").write_bytes(people.encode("utf-8"))
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_bytes(text.encode("utf-8"))
    return tmp_path


def load(folder: Path) -> graphnet.Network:
    net, problems = graphnet.load(folder, today=TODAY, use_cache=False)
    assert not [p for p in problems if p.is_error], problems
    return net


def people_bytes(folder: Path) -> bytes:
    return (folder / "people.yaml").read_bytes()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def run(folder: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(folder), "--today", TODAY.isoformat(), *args])
    return result.exit_code, result.output


# -- set: the value's bytes and nothing else ----------------------------------------------------------


def test_set_replaces_the_value_only_keeping_comments(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    change.set_field(load(folder), "Ada", "strength", "4", today=TODAY)
    assert people_bytes(folder) == PEOPLE.replace("strength: 2 # hmm", "strength: 4 # hmm").encode()
    assert load(folder).people["ada-lovelace"].strength == 4


def test_set_in_a_flow_record(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    change.set_field(load(folder), "bob", "strength", "3", today=TODAY)
    change.set_field(load(folder), "bob", "location", "Köln", today=TODAY)
    expected = PEOPLE.replace("{name: Bob Ross, strength: 1}", "{name: Bob Ross, strength: 3, location: Köln}")
    assert people_bytes(folder) == expected.encode()


def test_set_adds_a_key_to_the_last_record_of_a_file_without_final_newline(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    change.set_field(load(folder), "dee", "cadence", "30", today=TODAY)
    assert people_bytes(folder) == (PEOPLE + "\n    cadence: 30\n").encode()


def test_set_adds_a_key_after_the_last_key_before_the_blank_line(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    change.set_field(load(folder), "ada", "role", "x: y", today=TODAY)  # replaced, quoted
    change.set_field(load(folder), "ada", "location", "NO", today=TODAY)  # added, quoted (YAML 1.1 bool)
    expected = PEOPLE.replace("role: Engineer", 'role: "x: y"').replace(
        "      - work\n\n", '      - work\n    location: "NO"\n\n'
    )
    assert people_bytes(folder) == expected.encode()
    assert load(folder).people["ada-lovelace"].location == "NO"


def test_set_a_block_list_and_remove_a_key(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    change.set_field(load(folder), "ada", "circles", "work, alumni", today=TODAY)
    change.set_field(load(folder), "ada", "role", "", today=TODAY)
    expected = PEOPLE.replace("    circles:\n      - work\n", "    circles: [work, alumni]\n").replace(
        "    role: Engineer\n", ""
    )
    assert people_bytes(folder) == expected.encode()


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    crlf = "\ufeff" + PEOPLE.replace("\n", "\r\n")
    folder = folder_with(tmp_path, crlf)
    change.set_field(load(folder), "ada", "strength", "5", today=TODAY)
    change.set_field(load(folder), "dee", "role", "CEO", today=TODAY)
    expected = crlf.replace("strength: 2 # hmm", "strength: 5 # hmm") + "\r\n    role: CEO\r\n"
    assert people_bytes(folder) == expected.encode()


def test_set_me_and_dates(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    change.set_field(load(folder), "me", "org", "Quanta", today=TODAY)
    assert (folder / "me.yaml").read_text() == "me:\n  name: Sam\n  org: Quanta\n"
    with pytest.raises(GraphnetError, match="after today"):
        change.set_field(load(folder), "ada", "met", "2030-01-01", today=TODAY)
    with pytest.raises(GraphnetError, match="use `graphnet tie`"):
        change.set_field(load(folder), "ada", "knows", "bob", today=TODAY)


def test_mode_and_symlink_are_kept(tmp_path: Path) -> None:
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    (real_folder / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    os.chmod(real_folder / "people.yaml", 0o640)
    net_folder = tmp_path / "net"
    net_folder.mkdir()
    (net_folder / "people.yaml").symlink_to(real_folder / "people.yaml")
    change.set_field(load(net_folder), "ada", "strength", "3", today=TODAY)
    assert (net_folder / "people.yaml").is_symlink()
    assert (real_folder / "people.yaml").stat().st_mode & 0o777 == 0o640
    assert "strength: 3 # hmm" in (real_folder / "people.yaml").read_text()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30))
def test_any_text_value_reads_back_exactly(tmp_path_factory: pytest.TempPathFactory, value: str) -> None:
    folder = folder_with(tmp_path_factory.mktemp("h"))
    if not value.strip():
        return
    change.set_field(load(folder), "ada", "notes", value, today=TODAY)
    change.set_field(load(folder), "bob", "notes", value, today=TODAY)
    net = load(folder)
    assert net.people["ada-lovelace"].notes == value and net.people["bob-ross"].notes == value
    text = people_bytes(folder).decode()
    assert text.startswith("# my people\npeople:\n  - name: Ada Lovelace   # best\n")


# -- tie --------------------------------------------------------------------------------------------------


def test_tie_updates_the_entry_written_under_either_never_duplicates(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    change.tie(load(folder), "ada", "cy", strength=4, today=TODAY)  # written under Cy as `knows: ada-lovelace`
    assert (
        people_bytes(folder)
        == PEOPLE.replace("knows: ada-lovelace", "knows: [{id: ada-lovelace, strength: 4}]").encode()
    )
    change.tie(load(folder), "cy", "ada", note="same team", today=TODAY)
    assert "knows: [{id: ada-lovelace, strength: 4, note: same team}]" in people_bytes(folder).decode()
    result = change.tie(load(folder), "ada", "cy", today=TODAY)
    assert "already know each other" in result.describe()
    net = load(folder)
    assert [t.other for t in net.people["cy"].knows] == ["ada-lovelace"] and not net.people["ada-lovelace"].knows


def test_tie_adds_in_the_list_style_written(tmp_path: Path) -> None:
    block = PEOPLE.replace("    knows: ada-lovelace\n", "    knows:\n      - ada-lovelace\n")
    folder = folder_with(tmp_path, block)
    change.tie(load(folder), "cy", "bob", today=TODAY)
    assert (
        people_bytes(folder)
        == block.replace("      - ada-lovelace\n", "      - ada-lovelace\n      - bob-ross\n").encode()
    )
    change.tie(load(folder), "bob", "dee", since="2020-01-01", today=TODAY)  # a flow record without knows
    assert "{name: Bob Ross, strength: 1, knows: [{id: dee, since: 2020-01-01}]}" in people_bytes(folder).decode()
    change.tie(load(folder), "bob", "ada", today=TODAY)  # a flow list
    assert "knows: [{id: dee, since: 2020-01-01}, ada-lovelace]" in people_bytes(folder).decode()


# -- move -------------------------------------------------------------------------------------------------


def test_move_keeps_the_old_job_in_past_orgs(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    change.move_person(load(folder), "ada", "Globex", when="2026-10-31", today=TODAY)
    # The date given is the old job's end and the new job's start (an entry with no to:).
    expected = PEOPLE.replace("    org: Acme\n    role: Engineer\n", "    org: Globex\n").replace(
        "      - work\n\n",
        "      - work\n    past_orgs:\n      - {org: Acme, role: Engineer, to: 2026-10-31}\n"
        "      - {org: Globex, from: 2026-10-31}\n\n",
    )
    assert people_bytes(folder) == expected.encode()
    ada = load(folder).people["ada-lovelace"]
    assert ada.org == "globex" and ada.role is None and ada.past_orgs[0].end == date(2026, 10, 31)
    code, shown = run(folder, "show", "ada")
    assert code == 0 and "before: Acme (Engineer) until 2026" in shown and "before: Globex" not in shown
    # Leaving Globex ends its entry rather than adding a second one; no date: nothing opened for Initech.
    change.move_person(load(folder), "ada", "Initech", role="CTO", today=TODAY)
    assert b"      - {org: Globex, from: 2026-10-31, to: 2026-11-27}\n    role: CTO\n\n" in people_bytes(folder)
    ada = load(folder).people["ada-lovelace"]
    assert [(j.org, j.start, j.end) for j in ada.past_orgs] == [
        ("acme", None, date(2026, 10, 31)),
        ("globex", date(2026, 10, 31), date(2026, 11, 27)),
    ]
    assert ada.org == "initech" and ada.role == "CTO"


def test_move_takes_the_department_to_the_old_job(tmp_path: Path) -> None:
    people = "people:\n  - name: Ada\n    org: Acme\n    role: Engineer\n    department: Platform\n    strength: 2\n"
    folder = folder_with(tmp_path, people)
    change.move_person(load(folder), "ada", "Globex", role="CTO", today=TODAY)
    assert people_bytes(folder) == (
        b"people:\n  - name: Ada\n    org: Globex\n    role: CTO\n    strength: 2\n"
        b"    past_orgs:\n      - {org: Acme, role: Engineer, department: Platform, to: 2026-11-27}\n"
    )
    ada = load(folder).people["ada"]
    assert ada.department is None and ada.past_orgs[0].department == "Platform"


# -- merge ------------------------------------------------------------------------------------------------

LOG = (
    "interactions:\r\n"
    "  - date: 2026-01-01\r\n"
    "    with: [cy, ada-2]\r\n"
    "  - date: 2026-02-01\r\n"
    "    with: [ada-lovelace, ada-2]\r\n"
    "favors:\n"
)
GROUPS = "groups:\n  - name: Chess\n    members: [ada-2, bob-ross]   # club\n"


def merge_folder(tmp_path: Path) -> Path:
    people = (
        PEOPLE + "\n  - name: Ada L.\n    id: ada-2\n    email: ada@example.org\n    knows: [bob-ross, ada-lovelace]\n"
    )
    return folder_with(tmp_path, people, log=LOG.replace("favors:\n", ""), groups=GROUPS)


def test_merge_moves_fields_and_references_and_removes_the_record(tmp_path: Path) -> None:
    folder = merge_folder(tmp_path)
    before = load(folder)
    assert len(before.interactions) == 2
    result = change.merge_people(before, "ada-lovelace", "ada-2", today=TODAY)
    assert "keep: ada-lovelace" in result.describe()
    net = load(folder)
    assert "ada-2" not in net.people
    ada = net.people["ada-lovelace"]
    assert ada.email == "ada@example.org" and [t.other for t in ada.knows] == ["bob-ross"]
    assert [i.with_ for i in net.interactions] == [["cy", "ada-lovelace"], ["ada-lovelace"]]
    assert net.groups["chess"].members == ["ada-lovelace", "bob-ross"]
    assert (folder / "log.yaml").read_bytes() == (
        b"interactions:\r\n  - date: 2026-01-01\r\n    with: [cy, ada-lovelace]\r\n"
        b"  - date: 2026-02-01\r\n    with: [ada-lovelace]\r\n"
    )
    assert (folder / "groups.yaml").read_text() == GROUPS.replace("[ada-2,", "[ada-lovelace,")
    assert people_bytes(folder).decode().endswith("    org: Acme\n")  # the dropped record is gone, its newline kept


def test_merge_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = merge_folder(tmp_path)
    before = snapshot(folder)
    real_replace = os.replace
    calls = {"n": 0}

    def failing_second(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(fileio_module.os, "replace", failing_second)
    with pytest.raises(GraphnetError, match="every file was left as it was"):
        change.merge_people(load(folder), "ada-lovelace", "ada-2", today=TODAY)
    monkeypatch.setattr(fileio_module.os, "replace", real_replace)
    assert snapshot(folder) == before
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_merge_refuses_a_favor_between_the_two(tmp_path: Path) -> None:
    folder = merge_folder(tmp_path)
    (folder / "favors.yaml").write_text("favors:\n  - {date: 2026-01-01, from: ada-2, to: ada-lovelace, what: x}\n")
    before = snapshot(folder)
    with pytest.raises(GraphnetError, match="remove it first"):
        change.merge_people(load(folder), "ada-lovelace", "ada-2", today=TODAY)
    assert snapshot(folder) == before


# -- remind, snooze, and the command line --------------------------------------------------------------------


def test_remind_and_snooze_in_reach_outs(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    code, out = run(folder, "remind", "bob", "--on", "2027-01-10", "--note", "ask about the job")
    assert code == 0 and "person: bob-ross (Bob Ross)" in out
    listed = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2027-01-11", "reach-outs", "--json"])
    reasons = {
        r["id"]: [x["kind"] for x in r["reasons"]] for r in __import__("json").loads(listed.output)["reach_outs"]
    }
    assert "reminder" in reasons["bob-ross"]
    early = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2027-01-09", "reach-outs", "--json"])
    assert "reminder" not in early.output
    code, out = run(folder, "snooze", "bob", "--until", "2027-02-01")
    assert code == 0 and "snoozed_until (not set) -> 2027-02-01" in out
    later = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2027-01-11", "reach-outs", "--json"])
    assert "bob-ross" not in later.output


def test_dry_run_shows_a_diff_and_writes_nothing(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    before = snapshot(folder)
    for args in (
        ("set", "ada", "strength", "5", "--dry-run"),
        ("tie", "ada", "bob", "--dry-run"),
        ("move", "ada", "Globex", "--dry-run"),
        ("snooze", "ada", "--until", "2027-01-01", "--dry-run"),
        ("remind", "ada", "--on", "2027-01-01", "--dry-run"),
    ):
        code, out = run(folder, *args)
        assert code == 0 and "nothing was written" in out, out
    code, out = run(folder, "set", "ada", "strength", "5", "--dry-run")
    assert "-    strength: 2 # hmm\n+    strength: 5 # hmm\n" in out
    assert snapshot(folder) == before
    assert not [p for p in folder.iterdir() if p.name.endswith(".lock")]


def test_ambiguous_person_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, PEOPLE + "\n  - name: Ada Byron\n")
    before = snapshot(folder)
    code, out = run(folder, "set", "ada", "strength", "5")
    assert code == 2 and "'ada-byron' (Ada Byron)" in out and "'ada-lovelace' (Ada Lovelace, Acme)" in out
    assert snapshot(folder) == before


def test_concurrent_edits_all_land(tmp_path: Path) -> None:
    names = [f"p{i}" for i in range(8)]
    people = "people:\n" + "".join(f"  - name: {n}\n    strength: 1\n" for n in names)
    folder = folder_with(tmp_path, people)
    code = (
        "import sys; from graphnet.cli import cli; "
        "cli(['--data', sys.argv[1], '--no-cache', 'set', sys.argv[2], 'strength', '4'])"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", code, str(folder), n], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for n in names
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    net = load(folder)
    assert all(net.people[n].strength == 4 for n in names)
    assert people_bytes(folder) == people.replace("strength: 1", "strength: 4").encode()


def test_add_reminder_accepts_the_future_only_for_reminders(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    result = edit.add_reminder(load(folder), "cy", on="2030-01-01", today=TODAY)
    assert load(folder).reminders[0].date == date(2030, 1, 1) and result.path.name == "reminders.yaml"


def test_merge_rewrites_every_kind_of_reference(tmp_path: Path) -> None:
    people = (
        "people:\n"
        "  - name: Keep Me\n"
        "  - name: Drop Me\n"
        "    org: Acme\n"
        "  - name: Eve\n"
        "    introduced_by: drop-me\n"
        "    knows:\n"
        "      - {id: drop-me, strength: 4, note: old friends}\n"
    )
    events = (
        "introductions:\n  - {date: 2026-01-01, by: drop-me, people: [me, eve], status: met}\n"
        "favors:\n  - {date: 2026-02-01, from: me, to: drop-me, what: advice}\n"
        "reminders:\n  - {date: 2027-01-01, person: drop-me}\n"
        "interactions:\n  - {date: 2026-03-01, with: drop-me}\n"
    )
    folder = folder_with(tmp_path, people, events=events)
    change.merge_people(load(folder), "Keep Me", "drop-me", today=TODAY)
    assert people_bytes(folder) == (
        b"people:\n"
        b"  - name: Keep Me\n"
        b"    org: Acme\n"
        b"  - name: Eve\n"
        b"    introduced_by: keep-me\n"
        b"    knows:\n"
        b"      - {id: keep-me, strength: 4, note: old friends}\n"
    )
    assert (folder / "events.yaml").read_text() == events.replace("drop-me", "keep-me")
    net = load(folder)
    assert net.people["keep-me"].org == "acme" and len(net.interactions) == len(net.favors) == 1


def test_renaming_keeps_the_id_made_from_the_old_name(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    change.set_field(load(folder), "cy", "name", "Cyrus Vance", today=TODAY)
    assert (
        people_bytes(folder)
        == PEOPLE.replace(
            "  - name: Cy\n    knows: ada-lovelace\n", "  - name: Cyrus Vance\n    knows: ada-lovelace\n    id: cy\n"
        ).encode()
    )
    assert load(folder).people["cy"].name == "Cyrus Vance"


def test_merge_keeps_a_tie_both_records_had(tmp_path: Path) -> None:
    # Both records know Bob: KEEP's record already has him, so nothing is added to it, and the
    # tie is still counted once after the merge (through KEEP's own record).
    people = "people:\n  - name: Keep Me\n    knows: [bob]\n  - name: Bob\n  - name: Drop Me\n    knows: [bob]\n"
    folder = folder_with(tmp_path, people)
    result = change.merge_people(load(folder), "keep-me", "drop-me", today=TODAY)
    assert "keep-me gets from drop-me: nothing" in result.describe()
    assert people_bytes(folder) == b"people:\n  - name: Keep Me\n    knows: [bob]\n  - name: Bob\n"


def test_merge_refuses_when_the_counts_would_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A faulty rewrite that also removes an interaction reads back cleanly, but the counts
    # check sees one interaction fewer: nothing is written.
    folder = merge_folder(tmp_path)
    with (folder / "log.yaml").open("ab") as handle:
        handle.write(b"  - date: 2026-03-01\r\n    with: cy\r\n")  # the one the faulty rewrite loses
    before = snapshot(folder)
    rewrite = change._rewrite_references

    def losing_one(doc: Any, keep: str, drop: str) -> int:
        moved = rewrite(doc, keep, drop)
        found = doc.section("interactions")
        if found is not None:
            doc.delete_item(found[1], ("interactions",), 2)
        return moved

    monkeypatch.setattr(change, "_rewrite_references", losing_one)
    with pytest.raises(
        GraphnetError, match=r"merge check failed: .* count \{'interactions': 3.* before and \{'interactions': 2"
    ):
        change.merge_people(load(folder), "ada-lovelace", "ada-2", today=TODAY)
    assert snapshot(folder) == before


def test_merge_refuses_an_introduction_between_the_two(tmp_path: Path) -> None:
    folder = merge_folder(tmp_path)
    (folder / "intros.yaml").write_text(
        "introductions:\n  - {date: 2026-01-01, by: me, people: [ada-lovelace, ada-2]}\n", encoding="utf-8"
    )
    before = snapshot(folder)
    with pytest.raises(GraphnetError, match="an introduction between ada-lovelace and ada-2"):
        change.merge_people(load(folder), "ada-lovelace", "ada-2", today=TODAY)
    assert snapshot(folder) == before


def test_merge_refuses_when_a_tie_would_be_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = merge_folder(tmp_path)  # people.yaml: Cy knows ada-lovelace
    before = snapshot(folder)
    rewrite = change._rewrite_references

    def losing_a_tie(doc: Any, keep: str, drop: str) -> int:
        moved = rewrite(doc, keep, drop)
        if doc.shown.endswith("people.yaml"):
            cy, path = doc.record_at("people", 11, 5)  # "  - name: Cy" is line 11
            doc.delete_key(cy, path, "knows")
        return moved

    monkeypatch.setattr(change, "_rewrite_references", losing_a_tie)
    with pytest.raises(GraphnetError, match="merge check failed"):
        change.merge_people(load(folder), "ada-lovelace", "ada-2", today=TODAY)
    assert snapshot(folder) == before


BLOCK_VALUE = "people:\n  - name: Keep Me\n    notes: |\n      line one\n\n  - name: Drop Me\n    org: Acme\n"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # A block value ends where the next record's line starts: a key added after it goes there,
        # a value replaced or removed takes its lines (and the blank line they hold) with it.
        (
            ("set", "keep-me", "role", "CTO"),
            BLOCK_VALUE.replace("\n\n  - name: Drop", "\n\n    role: CTO\n  - name: Drop"),
        ),
        (("set", "keep-me", "notes", "new"), BLOCK_VALUE.replace("|\n      line one\n\n", "new\n")),
        (("set", "keep-me", "notes", ""), BLOCK_VALUE.replace("    notes: |\n      line one\n\n", "")),
        (
            ("merge", "keep-me", "drop-me"),
            "people:\n  - name: Keep Me\n    notes: |\n      line one\n\n    org: Acme\n",
        ),
    ],
)
def test_edits_next_to_a_block_value(tmp_path: Path, edit: tuple[str, ...], expected: str) -> None:
    folder = folder_with(tmp_path, BLOCK_VALUE)
    code, output = run(folder, *edit)
    assert code == 0, output
    assert people_bytes(folder) == expected.encode()
    assert load(folder).people["keep-me"].notes == ("line one\n" if edit[2] != "notes" else edit[3] or None)


def test_merge_finds_drop_written_with_escapes_in_a_file_of_its_own(tmp_path: Path) -> None:
    # Double quotes can spell an ascii id with escapes ("\x2d" is '-') or split it with an
    # escaped line break; neither holds the id's bytes, and both still name DROP.
    people = "people:\n  - name: Keep Me\n  - name: Drop Me\n"
    folder = folder_with(tmp_path, people)
    (folder / "escaped.yaml").write_text(
        'interactions:\n  - {date: 2026-03-01, with: "drop\\x2dme"}\n  - date: 2026-03-02\n    with: "drop-\\\n      me"\n'
    )
    assert [i.with_ for i in load(folder).interactions] == [["drop-me"], ["drop-me"]]
    change.merge_people(load(folder), "Keep Me", "drop-me", today=TODAY)
    net = load(folder)
    assert [i.with_ for i in net.interactions] == [["keep-me"], ["keep-me"]]
    assert "drop-me" not in net.people
