"""The built-records cache: an unchanged file's records come back without parsing it, identical."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

import graphnet
from graphnet.files import built, cache, loader

TODAY = date(2026, 11, 25)

#: Every kind of record, and problems of several kinds, over three files.
ME = """\
me:
  name: Sam
  org: Acme
  targets: [Globex, Initech]
  past_orgs:
    - {org: Hooli, role: Engineer, from: 2015-01-01, to: 2019-06-30}
  cadence: {5: 14, 4: 40}
  looking_for: [CTO]
  max_hops: 4
"""
PEOPLE = """\
people:
  - name: Ada Lovelace
    org: Globex
    past_orgs: [Hooli, {org: Initech Inc, role: Analyst, from: 2010-02-01, to: 2014-05-01}]
    strength: 4
    met: 2020-05-01
    circles: [work, freinds]
    knows: [{id: bob, strength: 3, since: 2019-01-01, note: school}, carol, nobody]
    email: [ada@example.org, a@example.org]
  - name: Bob
    org: Globex Corp.
    strength: 9
  - id: carol
    name: Carol
    snoozed_until: 2027-01-01
    last_contact: 2099-01-01
"""
LOG = """\
organizations:
  - name: Globex
    aliases: [GBX]
    competitors: [Initech]
groups:
  - name: Chess club
    members: [ada-lovelace, me, ada-lovelace]
interactions:
  - {date: 2026-10-01, with: [ada-lovelace, bob], kind: coffee, count: 2}
  - {date: 2026-11-01, with: ghost}
favors:
  - {date: 2026-09-01, from: me, to: bob, what: advice}
introductions:
  - {date: 2026-08-01, by: carol, people: [ada-lovelace, me], status: requested}
reminders:
  - {date: 2027-03-01, person: bob, note: ping}
"""


@pytest.fixture
def folder(write) -> Path:
    write("me.yaml", ME)
    write("people/a.yaml", PEOPLE)
    return write("log.yaml", LOG)


def _same(a: tuple, b: tuple) -> None:
    net_a, problems_a = a
    net_b, problems_b = b
    for name in ("me", "people", "organizations", "groups", "introductions", "interactions", "favors", "reminders"):
        assert getattr(net_a, name) == getattr(net_b, name), name
    assert list(net_a.people) == list(net_b.people) and list(net_a.organizations) == list(net_b.organizations)
    assert (net_a.digest, net_a.dated_until) == (net_b.digest, net_b.dated_until)
    assert [str(p) for p in problems_a] == [str(p) for p in problems_b]


def _no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("parsed a file the built-records cache holds")

    monkeypatch.setattr(loader, "_parse", refuse)


def test_a_warm_load_builds_nothing_and_equals_a_cold_load(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = graphnet.load(folder, today=TODAY, use_cache=False)
    # unknown key, strength 9, unknown ids nobody and ghost, a member twice, a future last_contact,
    # a look-alike label, Globex Corp. as Globex: every kind of problem comes back from the cache
    assert len([p for p in cold[1] if p.is_error]) >= 3
    first = graphnet.load(folder, today=TODAY)
    _no_parse(monkeypatch)
    warm = graphnet.load(folder, today=TODAY)
    _same(cold, first)
    _same(cold, warm)
    assert warm[0].people["ada-lovelace"].org == "globex" and warm[0].me.targets == ["globex", "initech"]
    assert warm[0].people["ada-lovelace"].knows[0].source == cold[0].people["ada-lovelace"].knows[0].source


def test_only_the_changed_file_is_parsed(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graphnet.load(folder, today=TODAY)
    with (folder / "log.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - {date: 2026-11-20, person: carol}\n")
    parsed: list[str] = []
    real = loader._parse

    def counting(data: bytes, shown: str, use_cache: bool) -> object:
        parsed.append(Path(shown).name)
        return real(data, shown, use_cache)

    monkeypatch.setattr(loader, "_parse", counting)
    warm = graphnet.load(folder, today=TODAY)
    assert parsed == ["log.yaml"]
    _same(graphnet.load(folder, today=TODAY, use_cache=False), warm)


def test_an_id_claimed_by_an_earlier_file_is_built_again(write, monkeypatch: pytest.MonkeyPatch) -> None:
    write("b.yaml", "people:\n  - name: Ada\n")
    folder = write("a.yaml", "people:\n  - name: Bob\n")
    graphnet.load(folder, today=TODAY)  # b's part: it claims ada
    write("a.yaml", "people:\n  - name: Ada\n    role: first\n")  # now a.yaml, read first, claims ada
    warm = graphnet.load(folder, today=TODAY)
    cold = graphnet.load(folder, today=TODAY, use_cache=False)
    _same(cold, warm)
    assert warm[0].people["ada"].role == "first" and "already used by a person at" in str(warm[1][0])
    write("a.yaml", "people:\n  - name: Bob\n")  # and back: b's ada stands again
    _same(graphnet.load(folder, today=TODAY, use_cache=False), graphnet.load(folder, today=TODAY))


def test_a_second_me_in_another_file_is_built_again(write) -> None:
    write("b.yaml", "me:\n  name: Sam\n")
    folder = write("a.yaml", "people:\n  - name: Bob\n")
    graphnet.load(folder, today=TODAY)
    write("a.yaml", "me:\n  name: Kim\n")
    _same(graphnet.load(folder, today=TODAY, use_cache=False), graphnet.load(folder, today=TODAY))


def test_a_date_compared_with_the_real_date_keeps_its_verdict(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # carol's last_contact is 2099-01-01: after the real date now, and on any later real day before it
    graphnet.load(folder, today=TODAY)
    monkeypatch.setattr(loader, "calendar_today", lambda: date(2099, 6, 1))
    warm = graphnet.load(folder, today=TODAY)
    cold = graphnet.load(folder, today=TODAY, use_cache=False)
    _same(cold, warm)
    assert not any("2099-01-01" in p.message and "future" in p.message for p in warm[1])


def test_a_file_shown_under_another_path_is_not_taken_from_its_entry(folder: Path, tmp_path: Path) -> None:
    graphnet.load(folder, today=TODAY)
    here = os.getcwd()
    try:
        os.chdir(folder)
        warm = graphnet.load(folder, today=TODAY)
        cold = graphnet.load(folder, today=TODAY, use_cache=False)
    finally:
        os.chdir(here)
    _same(cold, warm)
    assert warm[0].people["bob"].source.path == os.path.join("people", "a.yaml")


def test_damaged_entries_are_ignored(folder: Path) -> None:
    graphnet.load(folder, today=TODAY)
    entries = sorted(cache.cache_dir().glob(f"{built.VERSION}-*/*/*.json"))
    assert len(entries) == 3
    damages = [b"\x00", b"[]", b"{}", json.dumps({"today": 1, "checked": 1, "latest": "x"}).encode()]
    for entry, damage in zip(entries, damages, strict=False):
        entry.write_bytes(damage)
    raw = json.loads(entries[-1].read_bytes())
    raw["mentions"] = [["Acme", 1, 1, "p", 99, 0, "org"]] if raw.get("people") else [["Acme", 1, 1, "o", 9, 0, "x"]]
    entries[-1].write_bytes(json.dumps(raw).encode())
    _same(graphnet.load(folder, today=TODAY, use_cache=False), graphnet.load(folder, today=TODAY))


def test_after_a_log_only_the_added_entry_is_built(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from graphnet.cli import cli

    def run(*args: str) -> None:
        result = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", *args])
        assert result.exit_code in (0, 1), result.output

    # a network with no errors (a write refuses none), loaded once: every file's part is kept
    clean = PEOPLE.replace("nobody", "bob").replace("strength: 9", "strength: 1").replace("2099", "2021")
    (folder / "people" / "a.yaml").write_text(clean)
    (folder / "log.yaml").write_text(LOG.replace("ghost", "carol").replace(", me, ada-lovelace]", ", me]"))
    assert not [p for p in graphnet.load(folder, today=TODAY)[1] if p.is_error]
    # each write adds one entry; `add` (it loads: a new id) finds the others built, and its own
    # entry, at the end of people/a.yaml, is built alone in the load below
    run("log", "bob", "--kind", "call")
    run("remind", "carol", "--on", "2027-05-01")
    run("add", "person", "Dan", "--org", "Umbrella", "--knows", "bob")
    parse = loader._parse
    _no_parse(monkeypatch)
    warm = graphnet.load(folder, today=TODAY)
    monkeypatch.setattr(loader, "_parse", parse)
    cold = graphnet.load(folder, today=TODAY, use_cache=False)
    _same(cold, warm)
    assert warm[0].reminders[-1].person == "carol" and "dan" in warm[0].people
    assert warm[0].people["dan"].org == "umbrella" and warm[0].interactions[-1].with_ == ["bob"]
    notes = list(cache.cache_dir().glob("appended-*/*/*.json"))
    assert notes  # the notes of the added entries, removed by `graphnet cache clear` as any entry
    cache.clear()
    assert not list(cache.cache_dir().glob("appended-*")) and not list(cache.cache_dir().glob("records-*"))
