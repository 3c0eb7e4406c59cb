"""Every numeric option and setting has a range, dates have a supported range, and --today filters."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.analyses.bridges import brokers
from graphnet.analyses.meet import meet
from graphnet.analyses.reach_outs import reach_outs
from graphnet.analyses.warm_paths import warm_paths
from graphnet.analyses.weak_ties import weak_ties
from graphnet.cli import cli
from graphnet.errors import GraphnetError
from graphnet.model import DATE_MAX, DATE_MIN, SETTING_RANGES, Settings, setting_range_text

ROOT = Path(__file__).resolve().parent.parent
REAL_TODAY = date.today()

NETWORK = """\
me:
  name: Sam Rivera
{settings}
people:
  - id: ada
    name: Ada Lovelace
    org: Acme Corp
    strength: 4
    met: 2024-03-12
  - id: bob
    name: Bob Stone
    org: Globex
    strength: 3
    knows: [ada]
{extra}
"""


def network(write, settings: str = "", extra: str = "") -> Path:
    return write("people.yaml", NETWORK.format(settings=settings, extra=extra), dedent=False)


def run(folder: Path, *args: str, today: str | None = "2026-11-25"):
    head = ["--data", str(folder)] + (["--today", today] if today else [])
    return CliRunner().invoke(cli, [*head, *args])


def test_every_setting_has_a_range_holding_its_default() -> None:
    defaults = Settings()
    assert set(SETTING_RANGES) == set(Settings.names()), "give every setting a range in graphnet.model.SETTING_RANGES"
    for name, (low, high) in SETTING_RANGES.items():
        assert low <= getattr(defaults, name) <= high, name


def test_docs_list_every_setting_with_its_range() -> None:
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for name in SETTING_RANGES:
        row = re.search(rf"^\| `{name}` \|.*$", text, re.M)
        assert row is not None, f"docs/format.md: no row for {name}"
        assert setting_range_text(name).replace("from ", "") in row.group(0).replace("–", " to "), row.group(0)


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("max_hops", "0"),  # passed check, then path blamed --max-hops and reach-outs dropped every target
        ("max_hops", "100000000"),  # ran out of memory
        ("colleague_trust", "2"),
        ("min_tie_weight", "0"),
        ("recency_half_life_days", "0"),
        ("seed", "99999999999"),
        ("path_search_nodes", "1"),
    ],
)
def test_a_setting_out_of_its_range_is_a_check_error_at_its_line(write, setting: str, value: str) -> None:
    folder = network(write, settings=f"  {setting}: {value}")
    result = run(folder, "check")
    assert result.exit_code == 1
    assert "people.yaml:3:" in result.stdout and f"'{setting}' must be" in result.stdout
    assert setting_range_text(setting) in result.stdout
    result = run(folder, "path", "Acme Corp")
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_a_setting_at_the_ends_of_its_range_is_fine(write) -> None:
    low, high = SETTING_RANGES["max_hops"]
    for value in (low, high):
        folder = network(write, settings=f"  max_hops: {int(value)}")
        assert run(folder, "check").exit_code == 0


def test_a_cadence_of_a_million_years_is_a_check_error(write) -> None:
    folder = network(write, settings="  cadence: {4: 99999999999}")
    result = run(folder, "check")
    assert result.exit_code == 1 and "from 1 to 36500" in result.stdout
    assert run(folder, "reach-outs").exit_code == 1  # was OverflowError


@pytest.mark.parametrize(
    "args",
    [
        ["path", "Acme Corp", "--top", "1000000000000000000"],  # was ValueError from islice
        ["path", "Acme Corp", "--max-hops", "100000000"],  # was MemoryError
        ["path", "Acme Corp", "--max-hops", "0"],
        ["bridges", "--top", "1001"],
        ["weak-ties", "--top", "1001"],
        ["reach-outs", "--top", "1001"],
        ["meet", "--top", "1001"],
        ["map", "--limit", "10000000"],
    ],
)
def test_a_numeric_option_out_of_its_range_exits_2(write, args: list[str]) -> None:
    result = run(network(write), *args)
    assert result.exit_code == 2 and "is not in the range" in result.stderr


@pytest.mark.parametrize("today", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
@pytest.mark.parametrize(
    "args", [["check"], ["path", "Acme Corp"], ["reach-outs"], ["map", "-o", "-"], ["export", "--format", "json"]]
)
def test_today_outside_the_supported_dates_exits_2(write, today: str, args: list[str]) -> None:
    result = run(network(write), *args, today=today)  # 0001-01-01 was an OverflowError
    assert result.exit_code == 2 and f"from {DATE_MIN} to {DATE_MAX}" in result.stderr


def test_a_date_outside_the_supported_dates_is_a_check_error(write) -> None:
    folder = network(write, extra="interactions:\n  - date: 0001-01-01\n    with: ada\n")
    result = run(folder, "check")
    assert result.exit_code == 1 and "graphnet supports dates from 1900-01-01" in result.stdout


def test_records_after_today_are_no_error(write) -> None:
    # met 2024-03-12 is after --today 2020-01-01, but it happened: answers as of 2020 leave it out.
    folder = network(write, extra="interactions:\n  - date: 2025-06-01\n    with: ada\n")
    for args in (["check"], ["path", "Acme Corp"], ["reach-outs"], ["stats"], ["export", "--format", "json"]):
        result = run(folder, *args, today="2020-01-01")
        assert result.exit_code == 0, (args, result.output)


def test_the_sample_network_answers_as_of_any_past_day() -> None:
    for args in (["check"], ["reach-outs"], ["path", "Northwind Analytics"]):
        result = CliRunner().invoke(cli, ["--data", str(ROOT / "data"), "--today", "2026-11-24", *args])
        assert result.exit_code == 0, result.output


def test_a_date_after_the_real_date_stays_an_error_whatever_today_says(write) -> None:
    later = REAL_TODAY + timedelta(days=400)
    folder = network(write, extra=f"interactions:\n  - date: {REAL_TODAY}\n    with: ada\n")
    (folder / "people.yaml").write_text(
        (folder / "people.yaml").read_text().replace("met: 2024-03-12", f"met: {later}"), encoding="utf-8"
    )
    result = run(folder, "check", today=str(later + timedelta(days=1)))
    assert result.exit_code == 1 and f"'met' ({later}) is in the future" in result.stdout


def test_a_write_with_a_future_today_writes_nothing_check_rejects(write) -> None:
    folder = network(write)
    before = (folder / "people.yaml").read_bytes()
    future = str(REAL_TODAY + timedelta(days=30))
    for args in (
        ["log", "ada"],  # the date defaults to --today
        ["favor", "--from", "ada", "--to", "me", "--what", "a review"],
        ["intro", "--by", "ada", "bob", "me"],
        ["add", "person", "Cy Young", "--met", future],
    ):
        result = run(folder, *args, today=future)
        assert result.exit_code == 2, (args, result.output)
        assert "nothing was written" in result.stderr or "after today" in result.stderr
    assert (folder / "people.yaml").read_bytes() == before
    assert not (folder / "interactions.yaml").exists() and not (folder / "favors.yaml").exists()
    assert run(folder, "check", today=future).exit_code == 0
    # An explicit date up to the real date is fine with a future --today.
    assert run(folder, "log", "ada", "--date", str(REAL_TODAY), today=future).exit_code == 0
    assert run(folder, "check").exit_code == 0


def test_the_library_names_its_parameters_and_settings(write) -> None:
    net, _ = graphnet.load(network(write), today=date(2026, 11, 25))
    with pytest.raises(GraphnetError, match=r"^top must be from 1 to 1000"):
        warm_paths(net, "Acme Corp", today=date(2026, 11, 25), top=0)
    with pytest.raises(GraphnetError, match=r"^max_hops must be from 1 to 6"):
        warm_paths(net, "Acme Corp", today=date(2026, 11, 25), max_hops=100_000_000)
    net.me.settings = replace(net.me.settings, max_hops=0)  # built by a program, not read by check
    with pytest.raises(GraphnetError, match=r"^max_hops under me: must be from 1 to 6"):
        warm_paths(net, "Acme Corp", today=date(2026, 11, 25))


@pytest.mark.parametrize("answer", [brokers, weak_ties, meet, reach_outs])
@pytest.mark.parametrize("top", [0, -3, 1001])
def test_every_ranked_answer_checks_top(write, answer, top) -> None:
    # The library names its parameter (top), never the command line's --top; nothing is computed.
    net, _ = graphnet.load(network(write), today=date(2026, 11, 25))
    with pytest.raises(GraphnetError, match=rf"^top must be from 1 to 1000, not {top}$"):
        answer(net, today=date(2026, 11, 25), top=top)
    assert answer(net, today=date(2026, 11, 25), top=1000) is not None  # the bounds themselves are fine


def test_calendar_and_mail_imports_stop_at_the_real_date_whatever_today_says(monkeypatch) -> None:
    from datetime import timezone

    import graphnet.io.calendar as calendar
    import graphnet.io.mail as mail

    fixtures = ROOT / "tests" / "fixtures" / "evidence"
    mine = ["me@example.org", "me@work.example"]
    monkeypatch.setattr(calendar, "calendar_today", lambda: date(2026, 3, 16))
    scan = calendar.scan_calendar(
        fixtures / "calendar.ics", mine, today=date(2199, 1, 1), max_size=12, zone=timezone.utc
    )
    # The same meetings as with --today 2026-03-16 (test_import_evidence): none after the real date.
    assert max(m.day for m in scan.meetings) == date(2026, 3, 16)
    monkeypatch.setattr(mail, "calendar_today", lambda: date(2000, 1, 1))
    scan = mail.scan_mail(fixtures / "mail.mbox", mine, today=date(2199, 1, 1))
    assert scan.left_out.get(mail.FUTURE, 0) > 0 and not scan.tallies
