"""In-place edits that cost what they change: set, snooze, move and remind from the roster.

They name people already in the network and change one record in one file, so they take
the roster (graphnet.files.roster: names, organizations and the file each person is
written in) instead of loading every file, while the folder holds the bytes it was made
for. The result must be byte for byte what the full path writes; a stale roster loads.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from graphnet.cli import cli
from graphnet.files import edit_in_place, loader

TODAY = "2026-11-25"

PEOPLE = """people:
  - id: ada
    name: Ada Lovelace
    org: Acme
    role: CTO
    strength: 2  # met at the meetup
  - id: grace
    name: Grace Hopper
"""


def _network(root: Path) -> Path:
    root.mkdir()
    (root / "me.yaml").write_text("me:\n  name: Me\n", encoding="utf-8")
    (root / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    (root / "log.yaml").write_text(
        "interactions:\n  - date: 2026-11-01\n    with: ada\nreminders:\n  - date: 2026-12-01\n    person: ada\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture
def net_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GRAPHNET_CACHE_DIR", str(tmp_path / "cache"))
    return _network(tmp_path / "net")


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", str(root), "--today", TODAY, *args], catch_exceptions=False)


def forbid_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the write loaded the whole network")

    monkeypatch.setattr(loader, "_load", refuse)


EDITS = [
    ("set", "Ada", "strength", "4"),
    ("snooze", "grace", "--until", "2027-03-01"),
    ("set", "me", "role", "Data Engineer"),
    ("remind", "grace", "--on", "2027-01-15", "--note", "ask about the talk"),
    ("set", "ada", "circles", "work, alumni"),
    ("move", "Ada", "Globex", "--role", "Head of Data"),
]


def _files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.glob("*.yaml"))}


def test_edits_from_the_roster_write_what_the_full_path_writes(
    net_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = shutil.copytree(net_dir, tmp_path / "slow")
    assert run(net_dir, "check").exit_code == 0  # the load stores the roster
    forbid_loading(monkeypatch)
    # Every edit but the last keeps the roster true, so none of them loads the network.
    fast_out = [run(net_dir, *edit) for edit in EDITS]
    monkeypatch.undo()
    slow_out = [run(slow, "--no-cache", *edit) for edit in EDITS]
    for fast, full in zip(fast_out, slow_out, strict=True):
        assert fast.exit_code == full.exit_code == 0, fast.output + full.output
        assert fast.output.replace(str(net_dir), "") == full.output.replace(str(slow), "")
    assert _files(net_dir) == _files(slow)
    assert b"strength: 4  # met at the meetup" in (net_dir / "people.yaml").read_bytes()


def test_the_roster_knows_files_whatever_the_working_folder(
    net_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(net_dir)  # the loader shows paths relative to here: people.yaml
    assert run(net_dir, "check").exit_code == 0
    monkeypatch.chdir(tmp_path)  # and from here as net/people.yaml
    forbid_loading(monkeypatch)
    result = run(net_dir, "set", "ada", "strength", "5")
    assert result.exit_code == 0, result.output
    assert "strength 2 -> 5" in result.output


def test_a_move_leaves_the_roster_stale(net_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(net_dir, "check").exit_code == 0
    forbid_loading(monkeypatch)
    assert run(net_dir, "move", "ada", "Globex").exit_code == 0
    # Ada's organization changed, which the roster holds: the next write must load.
    with pytest.raises(AssertionError, match="loaded the whole network"):
        run(net_dir, "set", "ada", "strength", "3")
    monkeypatch.undo()
    assert run(net_dir, "set", "ada", "strength", "3").exit_code == 0


def test_a_new_name_leaves_the_roster_stale(net_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(net_dir, "check").exit_code == 0
    forbid_loading(monkeypatch)
    assert run(net_dir, "set", "grace", "name", "Grace B. Hopper").exit_code == 0
    with pytest.raises(AssertionError, match="loaded the whole network"):
        run(net_dir, "log", "Grace B. Hopper")
    monkeypatch.undo()
    assert run(net_dir, "log", "Grace B. Hopper").exit_code == 0


def test_a_hand_edit_makes_the_edit_load(net_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(net_dir, "check").exit_code == 0
    with (net_dir / "people.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - id: hedy\n    name: Hedy Lamarr\n")
    forbid_loading(monkeypatch)
    with pytest.raises(AssertionError, match="loaded the whole network"):
        run(net_dir, "set", "hedy", "strength", "3")
    monkeypatch.undo()
    result = run(net_dir, "set", "hedy", "strength", "3")
    assert result.exit_code == 0, result.output


def test_an_edit_of_a_network_with_errors_leaves_the_roster_stale(
    net_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # strength 9 is an error; setting it may fix it, so the roster's error count would be untrue.
    text = PEOPLE.replace("strength: 2", "strength: 9")
    (net_dir / "people.yaml").write_text(text, encoding="utf-8")
    assert run(net_dir, "check").exit_code == 1
    forbid_loading(monkeypatch)
    assert run(net_dir, "set", "grace", "strength", "3").exit_code == 0  # from the roster
    with pytest.raises(AssertionError, match="loaded the whole network"):
        run(net_dir, "set", "grace", "strength", "4")


def test_tie_from_the_roster_updates_the_tie_written_under_either(
    net_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Grace already knows Ada (written under grace). `tie ada grace` must update that entry, not
    # add a second one under ada, although the roster does not know whom anyone knows.
    people = net_dir / "people.yaml"
    people.write_text(PEOPLE + "    knows: [ada]\n", encoding="utf-8")
    assert run(net_dir, "check").exit_code == 0
    forbid_loading(monkeypatch)
    result = run(net_dir, "tie", "ada", "grace", "--strength", "3")
    assert result.exit_code == 0, result.output
    first = people.read_text(encoding="utf-8")
    assert first.count("ada") == 2  # Ada's own id and the one entry under grace
    assert "knows: [{id: ada, strength: 3}]" in first or "id: ada" in first.split("grace", 1)[1]
    # The roster followed the tie (it names no one new): a new tie between the two loads nothing either.
    again = run(net_dir, "tie", "grace", "ada", "--note", "same team")
    assert again.exit_code == 0, again.output
    monkeypatch.undo()
    import graphnet

    net, problems = graphnet.load(net_dir, use_cache=False)
    assert problems == []
    [knows] = net.people["grace"].knows
    assert (knows.other, knows.strength, knows.note) == ("ada", 3, "same team")
    assert net.people["ada"].knows == []


def test_merge_from_the_roster_reads_only_the_files_naming_drop(
    net_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ada-2 is a duplicate of Ada; it is named in people.yaml and in log.yaml, not in other.yaml.
    with (net_dir / "people.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - id: ada-2\n    name: Ada L.\n    email: ada@example.org\n    knows: [grace]\n")
    (net_dir / "log.yaml").write_text(
        "interactions:\n  - date: 2026-11-01\n    with: [ada, ada-2]\n  - date: 2026-11-02\n    with: ada-2\n",
        encoding="utf-8",
    )
    (net_dir / "other.yaml").write_text("interactions:\n  - date: 2026-10-01\n    with: grace\n", encoding="utf-8")
    slow = shutil.copytree(net_dir, tmp_path / "slow")
    assert run(net_dir, "check").exit_code == 0
    opened: list[str] = []
    real_doc = edit_in_place.Doc.__init__

    def noting(self: edit_in_place.Doc, real: Path, shown: str) -> None:
        opened.append(real.name)
        real_doc(self, real, shown)

    forbid_loading(monkeypatch)
    monkeypatch.setattr(edit_in_place.Doc, "__init__", noting)
    fast = run(net_dir, "merge", "Ada", "ada-2")
    monkeypatch.undo()
    assert sorted(opened) == ["log.yaml", "people.yaml"]  # other.yaml and me.yaml: neither read nor written
    full = run(slow, "--no-cache", "merge", "Ada", "ada-2")
    assert fast.exit_code == full.exit_code == 0, fast.output + full.output
    assert fast.output.replace(str(net_dir), "") == full.output.replace(str(slow), "")
    assert _files(net_dir) == _files(slow)
    assert "2 reference(s) to ada-2 now name ada" in fast.output
    assert (net_dir / "log.yaml").read_text(encoding="utf-8").count("ada-2") == 0
    # The roster followed the merge (two files changed, ada-2 went, Ada took nothing it holds):
    # it is what a full load stores, and the next write loads nothing.
    from graphnet.files import roster

    monkeypatch.setenv("GRAPHNET_CACHE_DIR", str(net_dir.parent / "cache"))  # the fixture's, undone above
    followed = roster._roster_path(net_dir).read_bytes()
    roster._roster_path(net_dir).unlink()
    import graphnet

    assert graphnet.load(net_dir)[1] == []  # a load with the cache stores the roster again
    assert json.loads(roster._roster_path(net_dir).read_bytes()) == json.loads(followed)
    assert "ada-2" not in followed.decode()
    forbid_loading(monkeypatch)
    assert run(net_dir, "set", "ada", "strength", "3").exit_code == 0


def test_the_roster_after_a_merge_of_a_record_naming_an_organization_is_not_followed(
    net_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ada-2 names Initech, which no other record names: after the merge (Ada keeps Acme)
    # Initech is gone from the network. The roster is not re-stamped, so the next write loads
    # the network and knows it.
    with (net_dir / "people.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - id: ada-2\n    name: Ada L.\n    org: Initech\n")
    assert run(net_dir, "check").exit_code == 0
    assert run(net_dir, "merge", "ada", "ada-2").exit_code == 0
    forbid_loading(monkeypatch)
    with pytest.raises(AssertionError, match="loaded the whole network"):
        run(net_dir, "set", "ada", "strength", "3")
