"""Mail and calendar imports on generated exports (benchmarks/evidence_export.py) and random ones (hypothesis)."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from email.utils import formataddr
from pathlib import Path

import pytest
from conftest import benchmark_script
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphnet import load
from graphnet.io.calendar import scan_calendar
from graphnet.io.logs import Planned, merge_log
from graphnet.io.mail import scan_mail

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 27)


gen = benchmark_script("evidence_export")


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Months are counted in my time zone: make it UTC, as the generator writes."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_generated_mailbox_is_counted_exactly(tmp_path: Path) -> None:
    truth = gen.write_mbox(tmp_path / "mail.mbox", 1500, seed=3)
    scan = scan_mail(tmp_path / "mail.mbox", [gen.ME], today=TODAY)
    assert scan.messages == 1500
    assert {key: [tally[0], tally[1]] for key, tally in scan.tallies.items()} == truth.tallies
    names = {"list": "mailing list (List-Id)", "bulk": "bulk (Precedence)", "auto": "automatic (Auto-Submitted)"}
    names |= {"noreply": "no-reply sender", "crowd": "too many recipients", "repeat": "repeated (same Message-ID)"}
    assert scan.left_out == {names[k]: v for k, v in truth.left_out.items()}
    assert scan.problems == []


def test_generated_calendar_and_import_end_to_end(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graphnet.cli import cli

    net = tmp_path / "net"
    net.mkdir()
    (net / "people.yaml").write_text(gen.network_yaml(), encoding="utf-8")
    gen.write_ics(tmp_path / "calendar.ics", 150)
    scan = scan_calendar(tmp_path / "calendar.ics", [gen.ME], today=TODAY)
    assert scan.problems == [] and scan.meetings
    # Every meeting kept has at most max_meeting_size people and nobody who declined.
    text = (tmp_path / "calendar.ics").read_text()
    declined = {line.rsplit("mailto:", 1)[1] for line in text.splitlines() if "PARTSTAT=DECLINED" in line}
    assert all(len(m.others) <= 10 for m in scan.meetings)
    assert len(declined) > 0
    runner = CliRunner()
    for args in (
        ["calendar", str(tmp_path / "calendar.ics")],
        ["mail", str(ROOT / "tests/fixtures/evidence/mail.mbox")],
    ):
        result = runner.invoke(cli, ["--data", str(net), "--today", TODAY.isoformat(), "import", *args])
        assert result.exit_code in (0, 1), result.output
    _, problems = load(net, today=TODAY)
    assert not [p for p in problems if p.is_error]
    before = {p: p.read_bytes() for p in net.rglob("*.yaml")}
    runner.invoke(
        cli, ["--data", str(net), "--today", TODAY.isoformat(), "import", "calendar", str(tmp_path / "calendar.ics")]
    )
    assert {p: p.read_bytes() for p in net.rglob("*.yaml")} == before


# -- random mailboxes -----------------------------------------------------------------------------

PEOPLE = [f"p{i}@x.example" for i in range(4)]
message = st.tuples(
    st.booleans(),  # sent by me
    st.integers(0, 3),  # the correspondent
    st.integers(0, 400),  # days after 2025-01-01
    st.one_of(st.none(), st.integers(0, 3)),  # a Cc
    st.text(st.characters(categories=("L", "N")), max_size=12),  # a display name, any script
    st.sampled_from(["\n", "\r\n"]),
)


def _mbox(messages: list[tuple[bool, int, int, int | None, str, str]]) -> tuple[str, dict[tuple[str, date], list[int]]]:
    expected: dict[tuple[str, date], list[int]] = {}
    parts = []
    for n, (sent, who, offset, cc, name, nl) in enumerate(messages):
        day = date(2025, 1, 1) + timedelta(days=offset)
        other = formataddr((name, PEOPLE[who]))
        me = formataddr(("Me", "me@example.org"))
        headers = [f"From: {me}", f"To: {other}"] if sent else [f"From: {other}", f"To: {me}"]
        correspondents = {PEOPLE[who]} if not sent else {PEOPLE[who]} | ({PEOPLE[cc]} if cc is not None else set())
        if sent and cc is not None:
            headers.append(f"Cc: {PEOPLE[cc]}")
        headers += [f"Date: {day.strftime('%a, %d %b %Y')} 12:00:00 +0000", f"Message-ID: <r{n}@x>", "Subject: s"]
        for address in correspondents:
            expected.setdefault((address, day.replace(day=1)), [0, 0])[0 if sent else 1] += 1
        parts.append(f"From x {day.ctime()}\n" + nl.join(headers) + nl + nl + "body" + nl)
    return "\n".join(parts), expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(message, max_size=25))
def test_any_mailbox_is_tallied_exactly(messages: list[tuple[bool, int, int, int | None, str, str]]) -> None:
    text, expected = _mbox(messages)
    folder = Path(tempfile.mkdtemp(prefix="graphnet-mbox-"))
    try:
        path = folder / "mail.mbox"
        path.write_text(text, encoding="utf-8", newline="")
        scan = scan_mail(path, ["me@example.org"], today=TODAY)
        assert scan.messages == len(messages) and scan.problems == []
        assert {k: [v[0], v[1]] for k, v in scan.tallies.items()} == expected
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- merging into the log -------------------------------------------------------------------------

record = st.tuples(st.integers(0, 2), st.integers(1, 6), st.integers(0, 5), st.integers(0, 5), st.integers(1, 28))


def _planned(rows: list[tuple[int, int, int, int, int]], shrink: int) -> list[Planned]:
    """One record per (person, month); ``shrink`` takes that many messages off (an earlier export)."""
    seen: dict[tuple[int, int], Planned] = {}
    firsts = {(who, month): (sent, received, day) for who, month, sent, received, day in reversed(rows)}
    for (who, month), (sent, received, day) in firsts.items():
        sent, received = max(0, sent - shrink), max(0, received - shrink)
        if sent + received == 0:
            continue
        when = date(2026, month, max(1, day - shrink))
        seen[(who, month)] = Planned(when, [f"p{who}"], "email", sent + received, sent, received)
    return sorted(seen.values(), key=lambda p: (p.day, p.people))


@settings(max_examples=40, deadline=None)
@given(st.lists(record, max_size=12), st.integers(0, 3))
def test_overlapping_exports_merge_to_the_latest(rows: list[tuple[int, int, int, int, int]], shrink: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="graphnet-log-"))
    try:
        path = folder / "log" / "mail.yaml"
        early, late = _planned(rows, shrink), _planned(rows, 0)
        merge_log(path, early, header="# test\n", use_cache=False)
        merge_log(path, late, header="# test\n", use_cache=False)
        after = path.read_bytes() if path.exists() else b""
        merge_log(path, late, header="# test\n", use_cache=False)  # the same export again
        merge_log(path, early, header="# test\n", use_cache=False)  # an older one
        assert (path.read_bytes() if path.exists() else b"") == after
        if not late:
            return
        (folder / "people.yaml").write_text("people:\n" + "".join(f"  - {{name: P{i}, id: p{i}}}\n" for i in range(3)))
        net, problems = load(folder, today=TODAY, use_cache=False)
        assert not [p for p in problems if p.is_error], problems
        got = sorted((i.with_[0], i.date.month, i.count, i.sent, i.received, i.date) for i in net.interactions)
        assert got == sorted((p.people[0], p.day.month, p.count, p.sent, p.received, p.day) for p in late)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
