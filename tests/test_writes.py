"""add/log/favor/intro: validate first, insert text only, land in the right file, on real files."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphnet
from graphnet.cli import cli
from graphnet.errors import GraphnetError
from graphnet.files import edit

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parent.parent

BASE = {
    "me.yaml": """\
        me:
          name: Sam
        """,
    "people.yaml": """\
        # my people
        people:
          - name: Ada Lovelace
            org: Acme
            strength: 4

          - name: Grace Hopper   # navy
            knows: [ada-lovelace]
        """,
    "log.yaml": """\
        interactions:
          - date: 2026-01-02
            with: ada-lovelace
        """,
}


def make(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8", newline="")
    return folder


def load(folder: Path) -> graphnet.Network:
    net, problems = graphnet.load(folder, today=TODAY, use_cache=False)
    assert [str(p) for p in problems if p.is_error] == []
    return net


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.fixture
def net_dir(tmp_path: Path) -> Path:
    return make(tmp_path / "net", BASE)


def without(new: bytes, old: bytes) -> bytes:
    """``new`` must be ``old`` with one block inserted: return that block."""
    i = 0
    while i < len(old) and new[i] == old[i]:
        i += 1
    while i > 0 and new[i - 1] != ord("\n"):  # insertions start at the start of a line
        i -= 1
    inserted = new[i : i + len(new) - len(old)]
    assert new[:i] + new[i + len(inserted) :] == old
    return inserted


# -- each function ------------------------------------------------------------------------------


def test_add_person_appends_to_the_people_file(net_dir: Path) -> None:
    old = (net_dir / "people.yaml").read_bytes()
    result = edit.add_person(
        load(net_dir),
        "Zoë O'Brien",
        org="Globex: East",
        role="NO",
        strength=3,
        circles=["work", "a, b"],
        tags=["0123"],
        knows=["Ada Lovelace", "grace-hopper"],
        met="2026-03-01",
        phone="+4917612345",
        notes="at 12: lunch # maybe",
        today=TODAY,
    )
    assert result.path == (net_dir / "people.yaml").resolve()
    assert not result.dry_run and result.section == "people"
    new = (net_dir / "people.yaml").read_bytes()
    assert new.startswith(old)
    zoe = load(net_dir).people["zoe-o-brien"]
    assert (zoe.name, zoe.role, zoe.strength, zoe.phone, zoe.notes) == (
        "Zoë O'Brien",
        "NO",
        3,
        "+4917612345",
        "at 12: lunch # maybe",
    )
    assert zoe.org == "globex-east"
    assert zoe.circles == ["work", "a, b"] and zoe.tags == ["0123"]
    assert [t.other for t in zoe.knows] == ["ada-lovelace", "grace-hopper"]
    assert zoe.met == date(2026, 3, 1)
    assert "added to" in result.describe() and "people.yaml" in result.describe()


def test_entries_separated_by_blank_lines_get_one(net_dir: Path) -> None:
    edit.add_person(load(net_dir), "Alan Turing", today=TODAY)
    assert (net_dir / "people.yaml").read_text().endswith("    knows: [ada-lovelace]\n\n  - name: Alan Turing\n")


def test_log_interaction(net_dir: Path) -> None:
    result = edit.log_interaction(
        load(net_dir), ["Grace Hopper", "ada-lovelace"], kind="coffee", note="NO", today=TODAY
    )
    assert result.path.name == "log.yaml"
    assert (
        result.text
        == '  - date: 2026-11-25\n    with: [grace-hopper, ada-lovelace]\n    kind: coffee\n    note: "NO"\n'
    )
    last = load(net_dir).interactions[-1]
    assert (last.date, last.with_, last.kind, last.note) == (TODAY, ["grace-hopper", "ada-lovelace"], "coffee", "NO")


def test_log_one_person_writes_a_plain_id(net_dir: Path) -> None:
    result = edit.log_interaction(load(net_dir), ["ada-lovelace"], date="2026-11-01", today=TODAY)
    assert "    with: ada-lovelace\n" in result.text
    assert load(net_dir).interactions[-1].date == date(2026, 11, 1)


def test_add_favor_and_intro_go_to_new_files(net_dir: Path) -> None:
    favor = edit.add_favor(load(net_dir), "ada-lovelace", "me", what="referred me", kind="referral", today=TODAY)
    assert favor.created and favor.path.name == "favors.yaml"
    intro = edit.add_introduction(load(net_dir), "grace-hopper", "me", "Ada Lovelace", status="met", today=TODAY)
    assert intro.created and intro.path.name == "introductions.yaml"
    net = load(net_dir)
    assert (net.favors[0].from_, net.favors[0].to, net.favors[0].what) == ("ada-lovelace", "me", "referred me")
    assert (net.introductions[0].by, net.introductions[0].people, net.introductions[0].status) == (
        "grace-hopper",
        ("me", "ada-lovelace"),
        "met",
    )


def test_add_org_and_group(net_dir: Path) -> None:
    # Acme is only named in someone's org: declaring it is allowed
    org = edit.add_org(load(net_dir), "Acme", aliases=["ACME Corp"], industry="yes", competitors=["Globex"])
    assert org.path.name == "organizations.yaml"
    group = edit.add_group(load(net_dir), "Chess club", kind="club", members=["me", "Grace Hopper"])
    net = load(net_dir)
    assert net.organizations["acme"].declared and net.organizations["acme"].aliases == ["ACME Corp"]
    assert net.organizations["acme"].industry == "yes"
    assert net.groups["chess-club"].members == ["me", "grace-hopper"]
    assert group.path.name == "groups.yaml"
    with pytest.raises(GraphnetError, match="already declared"):
        edit.add_org(load(net_dir), "ACME")


# -- validation: nothing written on error ---------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda net: edit.log_interaction(net, ["Ada Lovelase"], today=TODAY), "did you mean 'ada-lovelace'"),
        (lambda net: edit.log_interaction(net, ["me"], today=TODAY), "'me' is not allowed"),
        (lambda net: edit.log_interaction(net, ["adx"], date="2027-01-01", today=TODAY), "unknown person"),
        (lambda net: edit.log_interaction(net, ["ada-lovelace"], date="2027-01-01", today=TODAY), "after today"),
        (lambda net: edit.log_interaction(net, ["ada-lovelace"], date="2026-02-30", today=TODAY), "not a real date"),
        (lambda net: edit.add_person(net, "Ada Lovelace"), "`id` ada-lovelace-2"),
        (lambda net: edit.add_person(net, "!!!"), "give one with `id`"),
        (lambda net: edit.add_person(net, "X", id="me"), "reserved"),
        (lambda net: edit.add_person(net, "X", strength=7), "0 to 5"),
        (lambda net: edit.add_person(net, "X", knows=["nobody"]), "unknown person 'nobody'"),
        (lambda net: edit.add_person(net, "X", org="Ada Lovelace"), "person's id"),
        (lambda net: edit.add_favor(net, "me", "me", what="x", today=TODAY), "both 'me'"),
        (lambda net: edit.add_favor(net, "me", "ada-lovelace", what="  ", today=TODAY), "must not be empty"),
        (lambda net: edit.add_introduction(net, "me", "ada-lovelace", "me", today=TODAY), "cannot introduce"),
        (lambda net: edit.add_introduction(net, "me", "a", "b", status="done", today=TODAY), "one of requested"),
        (lambda net: edit.add_group(net, "G", members=["Gracy"]), "unknown person 'Gracy'"),
        (lambda net: edit.add_group(net, "Acme"), None),  # fine: orgs and groups may not share ids...
    ],
)
def test_bad_requests_write_nothing(net_dir: Path, call: Callable[..., object], message: str | None) -> None:
    before = snapshot(net_dir)
    net = load(net_dir)
    if message is None:
        with pytest.raises(GraphnetError, match="already used by the organization"):
            call(net)  # ...and Acme is an (implicit) organization's id
    else:
        with pytest.raises(GraphnetError, match=message):
            call(net)
    assert snapshot(net_dir) == before


def test_ambiguous_name_asks_for_the_id(tmp_path: Path) -> None:
    folder = make(
        tmp_path,
        {"people.yaml": "people:\n  - {name: Sam Lee, id: sam-1}\n  - {name: Sam Lee, id: sam-2}\n"},
    )
    with pytest.raises(GraphnetError, match=r"'sam lee' fits 2 people: 'sam-1' \(Sam Lee\), 'sam-2' \(Sam Lee\)"):
        edit.log_interaction(load(folder), ["sam lee"], today=TODAY)


def test_dry_run_writes_nothing(net_dir: Path) -> None:
    before = snapshot(net_dir)
    result = edit.log_interaction(load(net_dir), ["ada-lovelace"], today=TODAY, dry_run=True)
    assert result.dry_run and "would add" in result.describe() and "nothing was written" in result.describe()
    created = edit.add_favor(load(net_dir), "me", "ada-lovelace", what="x", today=TODAY, dry_run=True)
    assert created.created
    assert snapshot(net_dir) == before
    assert not any(p.name.endswith(".lock") for p in net_dir.iterdir())


# -- where the text goes ----------------------------------------------------------------------------


def test_section_followed_by_another_gets_the_entry_at_its_end(tmp_path: Path) -> None:
    folder = make(
        tmp_path,
        {
            "all.yaml": """\
                people:
                  - name: Ada Lovelace
                    notes: |
                      line one
                      # not a comment: part of the notes

                  # a comment after the list
                # about organizations
                organizations:
                  - name: Acme
                interactions: []
                """
        },
    )
    path = folder / "all.yaml"
    old = path.read_bytes()
    edit.add_person(load(folder), "Bob", role="x: y")
    inserted = without(path.read_bytes(), old)
    assert inserted == b'  - name: Bob\n    role: "x: y"\n'
    text = path.read_text()
    assert text.index("name: Bob") < text.index("# a comment after the list")
    net = load(folder)
    assert net.people["ada-lovelace"].notes == "line one\n# not a comment: part of the notes\n"
    assert list(net.people) == ["ada-lovelace", "bob"] and "acme" in net.organizations


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("people:\n- name: Ada\n", "- name: Bob\n"),  # items at the key's own indentation
        ("people:\n    -   name: Ada\n", "    -   name: Bob\n"),  # wide indentation
        ("people:\n   - name: Ada\n     knows: [x]\n", "   - name: Bob\n"),
        ("people:   # none yet\n", "  - name: Bob\n"),  # empty section, last in file
    ],
)
def test_indentation_of_the_section_is_kept(tmp_path: Path, layout: str, expected: str) -> None:
    folder = make(tmp_path, {"people.yaml": layout + "groups:\n  - name: G\n"})
    path = folder / "people.yaml"
    old = path.read_bytes()
    edit.add_person(graphnet.load(folder, today=TODAY, use_cache=False)[0], "Bob")
    assert without(path.read_bytes(), old) == expected.encode()
    assert "bob" in graphnet.load(folder, today=TODAY, use_cache=False)[0].people


def test_flow_style_section_goes_to_another_file(tmp_path: Path) -> None:
    folder = make(tmp_path, {"people.yaml": "people: [{name: Ada}]\n"})
    before = (folder / "people.yaml").read_bytes()
    result = edit.add_person(load(folder), "Bob")
    assert result.path.name == "people-2.yaml" and result.created
    assert result.note is not None and "flow style" in result.note and "people-2.yaml" in result.note
    assert (folder / "people.yaml").read_bytes() == before
    assert set(load(folder).people) == {"ada", "bob"}
    # next time the extendable file is used, not a third one
    again = edit.add_person(load(folder), "Cy")
    assert again.path.name == "people-2.yaml" and again.note is None


def test_flow_style_with_explicit_file_is_an_error(tmp_path: Path) -> None:
    folder = make(tmp_path, {"people.yaml": "people: [{name: Ada}]\n"})
    with pytest.raises(GraphnetError, match="flow style"):
        edit.add_person(load(folder), "Bob", file=folder / "people.yaml")


def test_default_file_is_the_last_holding_the_section(tmp_path: Path) -> None:
    folder = make(
        tmp_path,
        {
            "a.yaml": "people:\n  - name: Ada\n",
            "b/c.yaml": "people:\n  - name: Cy\n",
            "b/d.yaml": "introductions:\n  - {by: ada, people: [cy, me]}\n",  # 'people:' nested: not a section
        },
    )
    result = edit.add_person(load(folder), "Bob")
    assert result.path == (folder / "b" / "c.yaml").resolve()


def test_new_section_file_when_none_holds_it(net_dir: Path) -> None:
    result = edit.add_group(load(net_dir), "Chess club")
    assert result.created and result.path == (net_dir / "groups.yaml").resolve()
    assert (net_dir / "groups.yaml").read_text() == "groups:\n  - name: Chess club\n"


def test_explicit_file_inside_the_network(net_dir: Path) -> None:
    result = edit.add_person(load(net_dir), "Bob", file="friends/close.yaml")
    assert result.path == (net_dir / "friends" / "close.yaml").resolve()
    assert "bob" in load(net_dir).people
    # an existing file without the section gets it appended
    edit.log_interaction(load(net_dir), ["bob"], today=TODAY, file=net_dir / "me.yaml")
    assert load(net_dir).interactions[-1].with_ == ["bob"]
    assert (net_dir / "me.yaml").read_text().startswith("me:\n  name: Sam\ninteractions:\n")


@pytest.mark.parametrize(
    ("file", "message"),
    [("../outside.yaml", "inside the network"), ("x.txt", "only reads"), (".hidden.yaml", "hidden")],
)
def test_explicit_file_must_be_read_by_the_loader(net_dir: Path, file: str, message: str) -> None:
    before = snapshot(net_dir.parent)
    with pytest.raises(GraphnetError, match=message):
        edit.add_person(load(net_dir), "Bob", file=file)
    assert snapshot(net_dir.parent) == before


def test_missing_network_folder(tmp_path: Path) -> None:
    net = graphnet.Network(root=tmp_path / "nope")
    with pytest.raises(GraphnetError, match="graphnet init"):
        edit.add_person(net, "Bob")
    assert not (tmp_path / "nope").exists()


def test_crlf_bom_file_through_add_person(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"\xef\xbb\xbfpeople:\r\n  - name: Ada\r\n    notes: hi # todo"
    path.write_bytes(old)
    edit.add_person(load(tmp_path), "Bob")
    assert path.read_bytes() == old + b"\r\n  - name: Bob\r\n"
    assert set(load(tmp_path).people) == {"ada", "bob"}


# -- the CLI ---------------------------------------------------------------------------------------


def run(folder: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_commands(net_dir: Path) -> None:
    code, out, _ = run(
        net_dir, "add", "person", "Bob Ross", "--org", "Acme", "--circle", "art", "--knows", "ada-lovelace"
    )
    assert code == 0 and "added to" in out and "- name: Bob Ross" in out
    code, out, _ = run(net_dir, "add", "org", "Globex", "--alias", "GX")
    assert code == 0 and "organizations.yaml" in out
    code, out, _ = run(net_dir, "add", "group", "Painters", "--member", "me", "--member", "Bob Ross")
    assert code == 0 and "members: [me, bob-ross]" in out
    code, out, _ = run(net_dir, "log", "bob-ross", "Ada Lovelace", "--kind", "coffee", "--note", "a: b")
    assert code == 0 and 'note: "a: b"' in out
    code, out, _ = run(net_dir, "favor", "--from", "me", "--to", "bob-ross", "--what", "lent a brush")
    assert code == 0 and "favors.yaml" in out
    code, out, _ = run(net_dir, "intro", "--by", "ada-lovelace", "me", "bob-ross", "--status", "requested")
    assert code == 0 and "status: requested" in out
    net = load(net_dir)
    assert "bob-ross" in net.people and "globex" in net.organizations and "painters" in net.groups
    assert len(net.interactions) == 2 and len(net.favors) == 1 and len(net.introductions) == 1


def test_cli_errors_exit_2_and_write_nothing(net_dir: Path) -> None:
    before = snapshot(net_dir)
    code, _, err = run(net_dir, "log", "ada-lovelase")
    assert code == 2 and "did you mean 'ada-lovelace'" in err
    code, _, err = run(net_dir, "add", "person", "Ada Lovelace")
    assert code == 2 and "--id" in err
    code, _, err = run(net_dir, "log", "ada-lovelace", "--date", "2030-01-01")
    assert code == 2 and "after today" in err
    assert snapshot(net_dir) == before


def test_cli_dry_run(net_dir: Path) -> None:
    before = snapshot(net_dir)
    code, out, _ = run(net_dir, "log", "ada-lovelace", "--dry-run")
    assert code == 0 and "would add" in out and "with: ada-lovelace" in out
    assert snapshot(net_dir) == before


def test_cli_writes_despite_errors_elsewhere(net_dir: Path) -> None:
    """A broken reference elsewhere is fixed by adding the person: writes still work, with a warning."""
    (net_dir / "more.yaml").write_text("interactions:\n  - {date: 2026-01-01, with: bob}\n")
    code, _out, err = run(net_dir, "add", "person", "Bob")
    assert code == 0 and "1 error" in err
    assert load(net_dir).people["bob"].name == "Bob"


def test_cli_missing_folder(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "none", "log", "x")
    assert code == 2 and "graphnet init" in err


# -- concurrency: 20 processes, 20 entries ----------------------------------------------------------------


def test_twenty_concurrent_log_processes_leave_twenty_entries(net_dir: Path) -> None:
    env = {**os.environ, "GRAPHNET_DATA": str(net_dir)}
    command = [sys.executable, "-m", "graphnet", "--today", "2026-11-25", "log", "ada-lovelace", "--note"]

    def one(i: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*command, f"call {i}"], env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(one, range(20)))
    assert [r.returncode for r in results] == [0] * 20, [r.stderr for r in results if r.returncode]
    net = load(net_dir)
    notes = sorted(i.note or "" for i in net.interactions if i.date == TODAY)
    assert notes == sorted(f"call {i}" for i in range(20))
    assert len(net.interactions) == 21


def test_ids_are_checked_against_the_network_as_it_is_under_the_lock(net_dir: Path) -> None:
    # Two commands load the network; the first adds "Same Name"; the second, still holding the
    # network it loaded before that write, must see the new id and refuse (to another file too).
    first = load(net_dir)
    second = load(net_dir)
    edit.add_person(first, "Same Name", file="a.yaml", today=TODAY)
    with pytest.raises(GraphnetError, match="already used"):
        edit.add_person(second, "Same Name", file="b.yaml", today=TODAY)
    assert not (net_dir / "b.yaml").exists()
    _, problems = graphnet.load(net_dir, today=TODAY)
    assert not [p for p in problems if p.is_error]


def test_ten_concurrent_adds_of_one_name_to_two_files_let_exactly_one_through(net_dir: Path) -> None:
    env = {**os.environ, "GRAPHNET_DATA": str(net_dir)}
    command = [sys.executable, "-m", "graphnet", "--today", "2026-11-25", "add", "person", "Twin Person", "--file"]

    def one(i: int) -> subprocess.CompletedProcess[str]:
        target = "a.yaml" if i % 2 else "b.yaml"
        return subprocess.run([*command, target], env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(one, range(10)))
    codes = sorted(r.returncode for r in results)
    assert codes == [0] + [2] * 9, [r.stderr for r in results]
    assert all("already used" in r.stderr for r in results if r.returncode)
    _, problems = graphnet.load(net_dir, today=TODAY)
    assert not [p for p in problems if p.is_error], [str(p) for p in problems]


# -- property: add-then-load gives back exactly what was added -----------------------------------------

PIECES = ["#", ": ", " #", "'", '"', "\n", "\x85", "\u2028", "\u2029", "😀", "NO", "0123", "-", "\t", " ", "[", "&"]
TEXT = (
    st.lists(
        st.one_of(st.characters(codec="utf-8", exclude_categories=("Cs",)), st.sampled_from(PIECES)),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=TEXT,
    role=TEXT,
    notes=TEXT,
    phone=TEXT,
    tags=st.lists(TEXT, max_size=3, unique=True),
    note=TEXT,
    kind=TEXT,
    crlf=st.booleans(),
)
def test_add_then_load_returns_exactly_what_was_added(
    name: str, role: str, notes: str, phone: str, tags: list[str], note: str, kind: str, crlf: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = make(Path(tmp), BASE)
        if crlf:
            for path in folder.glob("*.yaml"):
                path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
        before = load(folder)
        old_bytes = snapshot(folder)
        edit.add_person(before, name, id="new-person", role=role, notes=notes, phone=phone, tags=tags)
        edit.log_interaction(load(folder), ["new-person"], kind=kind, note=note, today=TODAY)
        after = load(folder)
        person = after.people["new-person"]
        assert (person.name, person.role, person.notes, person.phone, person.tags) == (name, role, notes, phone, tags)
        logged = after.interactions[-1]
        assert (logged.with_, logged.kind, logged.note, logged.date) == (["new-person"], kind, note, TODAY)
        # the old data is unchanged: same records, and every old file's bytes are a prefix of the new
        for ident, old_person in before.people.items():
            assert after.people[ident] == old_person
        assert after.interactions[:-1] == before.interactions
        for name_, data in old_bytes.items():
            assert (folder / name_).read_bytes().startswith(data)


@pytest.mark.parametrize(
    "layout",
    [
        "people:\n  - name: Ada\n",
        "people:\n- name: Ada\n",
        "people:\n    -   name: Ada\n        knows:\n          - b\n",
        "me:\n  name: Sam\npeople:\n  - name: Ada\n\n  - name: Bo\n",
        "people:\n  - name: Ada\n\n  - name: Bo\n\n",
        "people:\n  - name: Ada\n\n  - name: Bo\n  # the end",
        "people:\r\n  - name: Ada\r\n\r\n  - name: Bo\r\n",
        "people:\n  - name: Ada\n  -\n    name: Bo\n",
        "people:\n  - Ada\n",
        "people: [{name: Ada}]\n",
        "people:\n  - name: Ada\n    notes: |\n      x\n\n",
        "people:\n  - name: Zoë 😀\n  - name: Bo\n",
    ],
)
def test_fast_path_gives_the_same_text_as_composing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    """The last-section shortcut and the full compose place the entry identically."""
    from graphnet.files.yamlread import parse_text

    tree, problems = parse_text(layout, "p.yaml")
    assert problems == []
    fields: list[tuple[str, object]] = [("name", "New One"), ("tags", ["a"])]
    results = []
    for fast in (True, False):
        monkeypatch.setattr(edit, "FAST_PATH", fast)
        build = edit._builder("people", fields, "", must_hold=True)
        try:
            results.append(build(layout, tree))
        except GraphnetError as exc:
            results.append(type(exc).__name__)
    assert results[0] == results[1]


def test_imported_files_are_never_the_default_target(tmp_path: Path) -> None:
    imported = (
        "# Imported by `graphnet import linkedin` on 2026-11-01 from Connections.csv:\npeople:\n  - name: Ann Import\n"
    )
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "linkedin.yaml").write_text(imported, encoding="utf-8")
    # Only the import holds people: the new person goes to a new people.yaml, the import is untouched.
    result = edit.add_person(load(tmp_path), "Bob Hand")
    assert result.path == tmp_path / "people.yaml" and result.created
    assert (tmp_path / "people" / "linkedin.yaml").read_text(encoding="utf-8") == imported
    # people.yaml (hand-written, read before people/linkedin.yaml) is the default from now on.
    again = edit.add_person(load(tmp_path), "Cy Hand")
    assert again.path == tmp_path / "people.yaml"
    # --file still writes where it is told.
    forced = edit.add_person(load(tmp_path), "Dee Forced", file=tmp_path / "people" / "linkedin.yaml")
    assert forced.path == tmp_path / "people" / "linkedin.yaml"


def test_an_imported_people_yaml_is_left_for_people_2(tmp_path: Path) -> None:
    imported = "# Imported by `graphnet import vcard` on 2026-11-01 from c.vcf:\npeople:\n  - name: Ann Import\n"
    (tmp_path / "people.yaml").write_text(imported, encoding="utf-8")
    result = edit.add_person(load(tmp_path), "Bob Hand")
    assert result.path == tmp_path / "people-2.yaml" and "written by an import" in (result.note or "")
    assert (tmp_path / "people.yaml").read_text(encoding="utf-8") == imported
