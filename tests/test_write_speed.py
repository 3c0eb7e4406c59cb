"""Writes that cost what they change: the roster instead of a load, the entry read alone.

A ``log`` names people already in the network, so it checks them against the roster the
last load left (graphnet.files.roster) while the folder still holds the same bytes; and it
reads back only the entry it adds when that is safe (graphnet.files.fileio._appended_tree).
Both must give exactly what the slow path gives, and fall back to it whenever unsure.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphnet
from graphnet.cli import cli
from graphnet.files import cache, fileio, loader
from graphnet.files.edit import log_interaction
from graphnet.files.yamlread import parse_bytes

TODAY = "2026-11-25"

PEOPLE = """people:
  - id: ada
    name: Ada Lovelace
  - id: grace
    name: Grace Hopper
"""


@pytest.fixture
def net_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GRAPHNET_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "net"
    root.mkdir()
    (root / "me.yaml").write_text("me:\n  name: Me\n", encoding="utf-8")
    (root / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    (root / "log.yaml").write_text(
        "interactions:\n  - date: 2026-11-01\n    with: ada\n    kind: call\n", encoding="utf-8"
    )
    return root


def run(root: Path, *args: str) -> object:
    result = CliRunner().invoke(cli, ["--data", str(root), "--today", TODAY, *args], catch_exceptions=False)
    return result


def forbid_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the write loaded the whole network")

    monkeypatch.setattr(loader, "_load", refuse)


def test_log_after_an_answer_checks_names_against_the_roster(net_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(net_dir, "check").exit_code == 0  # the load stores the roster
    forbid_loading(monkeypatch)
    first = run(net_dir, "log", "Ada", "--kind", "coffee")
    assert first.exit_code == 0, first.output
    # The roster followed the write (re-stamped with the new bytes' hash): a second log needs no load either.
    second = run(net_dir, "log", "grace", "--kind", "call")
    assert second.exit_code == 0, second.output
    monkeypatch.undo()
    net, problems = graphnet.load(net_dir, today=date(2026, 11, 25), use_cache=False)
    assert problems == []
    # 1 logged by hand in the file + the two just added
    assert [(i.date.isoformat(), i.with_, i.kind) for i in net.interactions] == [
        ("2026-11-01", ["ada"], "call"),
        (TODAY, ["ada"], "coffee"),
        (TODAY, ["grace"], "call"),
    ]


def test_a_hand_edit_makes_the_roster_stale(net_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(net_dir, "check").exit_code == 0
    # A person added by hand in another file: the roster does not know her, so the write must load.
    (net_dir / "more.yaml").write_text("people:\n  - id: hedy\n    name: Hedy Lamarr\n", encoding="utf-8")
    forbid_loading(monkeypatch)
    with pytest.raises(AssertionError, match="loaded the whole network"):
        run(net_dir, "log", "hedy")
    monkeypatch.undo()
    assert run(net_dir, "log", "hedy").exit_code == 0


def test_an_unknown_name_is_refused_from_the_roster_too(net_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(net_dir, "check").exit_code == 0
    before = (net_dir / "log.yaml").read_bytes()
    forbid_loading(monkeypatch)
    result = run(net_dir, "log", "Alan")
    assert result.exit_code == 2
    assert "Alan" in result.output
    assert (net_dir / "log.yaml").read_bytes() == before


def _encoded(tree: object) -> object:
    return cache._encode(tree)


LAST_SECTIONS = [
    "interactions:\n  - date: 2026-11-01\n    with: ada\n",
    "interactions:\r\n  - date: 2026-11-01\r\n    with: ada\r\n",
    "interactions:\n  - date: 2026-11-01\n    with: ada",  # no final line break
    "interactions:\n\n  - date: 2026-11-01\n    with: ada\n\n  - date: 2026-11-02\n    with: ada\n",  # blank lines
    "interactions:\n- date: 2026-11-01\n  with: ada\n",  # the list at the key's column
    "interactions:\n  - date: 2026-11-01\n    with: ada\n    note: |\n      two\n      lines\n",
    "interactions:\n  - date: 2026-11-01\n    with: ada\n    note: a plain\n      scalar on two lines\n",
    "people: []\ninteractions:\n  - {date: 2026-11-01, with: ada}\n# a comment at the end\n",
]


@pytest.mark.parametrize("text", LAST_SECTIONS)
def test_the_entry_read_alone_gives_the_tree_a_full_parse_gives(text: str, tmp_path: Path) -> None:
    root = tmp_path / "net"
    root.mkdir()
    (root / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    path = root / "log.yaml"
    path.write_bytes(text.encode())
    net, problems = graphnet.load(root, today=date(2026, 11, 25), use_cache=False)
    assert problems == []
    calls: list[object] = []
    original = fileio._appended_tree

    def spy(section: str, entry: object):  # type: ignore[no-untyped-def]
        inner = original(section, entry)

        def wrapped(*args: object) -> object:
            tree = inner(*args)  # type: ignore[arg-type]
            calls.append(tree)
            return tree

        return wrapped

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fileio, "_appended_tree", spy)
        log_interaction(net, ["grace"], kind="coffee", note="a: b # c", today=date(2026, 11, 25), use_cache=False)
    assert len(calls) == 1
    assert calls[0] is not None, "the entry could be read alone here"
    full, problems = parse_bytes(path.read_bytes(), "log.yaml")
    assert problems == []
    assert _encoded(calls[0]) == _encoded(full)  # data and every position


@pytest.mark.parametrize(
    "text",
    [
        "interactions:\n  - date: 2026-11-01\n    with: ada\n...\n",  # a document end marker
        "interactions:\n  - date: 2026-11-01\n    with: ada\npeople: []\n",  # not the last section
        "interactions:\r  - date: 2026-11-01\r    with: ada\r",  # lone carriage returns
    ],
)
def test_when_unsure_the_whole_file_is_parsed(text: str, tmp_path: Path) -> None:
    root = tmp_path / "net"
    root.mkdir()
    (root / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    path = root / "log.yaml"
    path.write_bytes(text.encode())
    old_tree, _ = parse_bytes(text.encode(), "log.yaml")
    appended = fileio.expect_entry_added("interactions", {"date": TODAY, "with": "grace"}).appended_tree  # type: ignore[attr-defined]
    added = "  - date: 2026-11-25\n    with: grace\n"
    decoded = text.removeprefix("\ufeff")
    assert appended(old_tree, decoded, added, 5) is None


entry_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=30
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=entry_text, kind=entry_text, crlf=st.booleans(), final_newline=st.booleans())
def test_any_entry_read_alone_matches_a_full_parse(
    tmp_path_factory: pytest.TempPathFactory, note: str, kind: str, crlf: bool, final_newline: bool
) -> None:
    root = tmp_path_factory.mktemp("net")
    (root / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    text = "interactions:\n  - date: 2026-11-01\n    with: ada\n    note: x\n"
    if not final_newline:
        text = text.rstrip("\n")
    if crlf:
        text = text.replace("\n", "\r\n")
    path = root / "log.yaml"
    path.write_bytes(text.encode())
    net, _ = graphnet.load(root, today=date(2026, 11, 25), use_cache=False)
    try:
        log_interaction(net, ["ada"], kind=kind, note=note, today=date(2026, 11, 25), use_cache=True)
    except graphnet.GraphnetError:
        return  # a value graphnet refuses (e.g. only spaces) writes nothing
    data = path.read_bytes()
    cached, problems = cache.parse_cached(data, "log.yaml")  # what the write left in the cache
    full, full_problems = parse_bytes(data, "log.yaml")
    assert problems == full_problems == []
    assert _encoded(cached) == _encoded(full)
    reloaded, _ = graphnet.load(root, today=date(2026, 11, 25), use_cache=False)
    assert len(reloaded.interactions) == 2  # the one written by hand and the one logged
