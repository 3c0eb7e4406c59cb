"""import calendar | mail | takeout: hand-written fixtures (tests/fixtures/evidence), the real CLI, files on disk.

The fixtures hold no real person's data. Every subject and body holds a planted
string (SUBJECT-PLANT-…, BODY-PLANT-…) that must never reach the data folder or the cache.
"""

from __future__ import annotations

import json
import mailbox
import os
import shutil
from collections import Counter
from datetime import date, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphnet import load
from graphnet.cli import cli
from graphnet.io.calendar import scan_calendar
from graphnet.io.mail import HEADERS_READ, is_no_reply, scan_mail

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"
TODAY = "2026-11-27"
ME = ["me@example.org", "me@work.example"]


@pytest.fixture
def net(tmp_path: Path) -> Path:
    folder = tmp_path / "net"
    folder.mkdir()
    shutil.copy(FIXTURES / "network.yaml", folder / "network.yaml")
    return folder


def run(folder: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(folder), "--today", TODAY, *args])
    return result.exit_code, result.stdout, result.stderr


def records(path: Path) -> list[tuple[str, str, str, str | None]]:
    """(date, with, kind, count) of each record of a log file, via the real loader."""
    net, problems = load(path.parent.parent, today=date.fromisoformat(TODAY))
    assert not [p for p in problems if p.is_error], problems
    shown = [i for i in net.interactions if Path(i.source.path).name == path.name]
    return [(i.date.isoformat(), ",".join(i.with_), i.kind or "", i.count) for i in shown]  # type: ignore[misc]


# -- calendar --------------------------------------------------------------------------------------


def test_calendar_occurrences_respect_zones_exdate_override_and_rules() -> None:
    scan = scan_calendar(FIXTURES / "calendar.ics", ME, today=date(2026, 11, 27), zone=timezone.utc)
    days = sorted((m.day.isoformat(), sorted(m.others)) for m in scan.meetings)
    assert days == [
        # Weekly sync, Mondays 00:30 London: 00:30 UTC in winter (Monday), 23:30 UTC on Sunday once
        # summer time starts on 29 March; 23 March is an EXDATE; 6 April moved to 8 April 10:00.
        ("2026-03-09", ["ada@example.org"]),  # the room (CUTYPE=ROOM) is not a person
        ("2026-03-10", ["ada@example.org"]),  # lunch: Bob declined, Ada organised, I came as me@work
        ("2026-03-16", ["ada@example.org"]),
        ("2026-03-16", ["grace@new.example"]),  # all-day offsite keeps its date
        ("2026-03-17", ["grace@old.example", "zoe@elsewhere.example"]),  # floating 23:30 is my own time
        ("2026-03-18", ["zoe@elsewhere.example"]),
        ("2026-03-29", ["ada@example.org"]),
        ("2026-04-08", ["ada@example.org"]),
        ("2026-04-12", ["ada@example.org"]),
    ]
    assert scan.left_out == Counter(
        {"cancelled": 1, "declined by me": 1, "too many attendees": 1, "no one else attending": 1}
    )
    assert scan.names["zoe@elsewhere.example"] == "Zoë Example"
    assert all(m.title is None for m in scan.meetings)  # titles only with --titles
    assert scan.problems == []


def test_calendar_in_another_zone_moves_the_days() -> None:
    # Seen from New York, the 00:30 London meeting is on Sunday evening all along (19:30 or 20:30).
    from zoneinfo import ZoneInfo

    scan = scan_calendar(FIXTURES / "calendar.ics", ME, today=date(2026, 11, 27), zone=ZoneInfo("America/New_York"))
    weekly = sorted(m.day.isoformat() for m in scan.meetings if m.line == 22)
    assert weekly == ["2026-03-08", "2026-03-15", "2026-03-29", "2026-04-12"]


def test_calendar_max_meeting_size_and_today() -> None:
    scan = scan_calendar(FIXTURES / "calendar.ics", ME, today=date(2026, 3, 16), max_size=12, zone=timezone.utc)
    # Up to 16 March: weekly 9th and 16th, lunch, and the all-hands (12 people now allowed); offsite on the 16th.
    assert sorted(m.day.isoformat() for m in scan.meetings) == [
        "2026-03-09",
        "2026-03-10",
        "2026-03-13",
        "2026-03-16",
        "2026-03-16",
    ]


def test_calendar_without_vcalendar_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "not.ics"
    bad.write_text("BEGIN:VEVENT\nUID:x\nEND:VEVENT\n")
    scan = scan_calendar(bad, ME, today=date(2026, 11, 27))
    assert [str(p).split(": ", 1)[1] for p in scan.problems] == [
        "error: no BEGIN:VCALENDAR: this is not an iCalendar (.ics) file; export the calendar again"
    ]


def test_a_broken_event_is_reported_at_its_line_and_the_rest_read(tmp_path: Path) -> None:
    text = (FIXTURES / "calendar.ics").read_text()
    broken = text.replace(
        "BEGIN:VEVENT\nUID:lunch@graphnet.test\n",
        "BEGIN:VEVENT\nUID:broken@graphnet.test\nDTSTART:2026-99\nEND:VEVENT\nBEGIN:VEVENT\nUID:lunch@graphnet.test\n",
    )
    path = tmp_path / "broken.ics"
    path.write_text(broken)
    scan = scan_calendar(path, ME, today=date(2026, 11, 27), zone=timezone.utc)
    assert len(scan.meetings) == 9
    assert len(scan.problems) == 1 and scan.problems[0].is_error
    line = broken.split("\n").index("UID:broken@graphnet.test")  # the BEGIN:VEVENT line, 1-based
    assert scan.problems[0].line == line


# -- mail ------------------------------------------------------------------------------------------


def test_mail_tallies_directions_rules_and_errors() -> None:
    scan = scan_mail(FIXTURES / "mail.mbox", ME, today=date(2026, 11, 27))
    assert scan.messages == 15  # the unescaped "From here on" body line did not split message 2
    tallies = {(a, m.isoformat()): (s, r, last.isoformat()) for (a, m), (s, r, last) in scan.tallies.items()}  # type: ignore[union-attr]
    assert tallies == {
        # Ada wrote (1), I replied to Ada cc Bob bcc Grace (2), Ada again (3); (11) repeats (1)'s Message-ID.
        ("ada@example.org", "2026-03-01"): (1, 2, "2026-03-10"),
        ("bob@example.org", "2026-03-01"): (1, 0, "2026-03-02"),
        ("grace@old.example", "2026-03-01"): (1, 0, "2026-03-02"),
        # Zoë wrote (8, encoded name) and I answered from my work address (12).
        ("zoe@elsewhere.example", "2026-04-01"): (1, 1, "2026-04-03"),
        ("grace@new.example", "2026-04-01"): (0, 1, "2026-04-03"),  # (13) is spam, (14) counts
    }
    assert scan.left_out == Counter(
        {
            "mailing list (List-Id)": 1,
            "no-reply sender": 1,
            "bulk (Precedence)": 1,
            "automatic (Auto-Submitted)": 1,
            "too many recipients": 1,
            "repeated (same Message-ID)": 1,
            "spam (Gmail label)": 1,
        }
    )
    assert scan.names["zoe@elsewhere.example"] == "Zoë Example"
    assert [(p.line, p.severity, p.message.split(":")[0]) for p in scan.problems] == [
        (84, "error", "message 9"),  # Date: the second of April
        (139, "error", "message 15"),  # the file ends inside its headers
    ]


def test_no_reply_addresses() -> None:
    assert all(map(is_no_reply, ["noreply@x.org", "no-reply+abc@x.org", "do-not-reply@x.org", "MAILER-DAEMON@x"]))
    assert not any(map(is_no_reply, ["norah@x.org", "replies@x.org", "ada@x.org"]))


def test_subject_is_never_parsed() -> None:
    assert b"subject" not in HEADERS_READ


def test_maildir_reads_like_the_mbox(tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for message in mailbox.mbox(FIXTURES / "mail.mbox"):
        # Python's mailbox splits at the unescaped "From here on" body line too: skip that piece,
        # and the truncated last message (a Maildir file cannot be cut inside its headers).
        if message["From"] and message["Date"] != "Sat, 04 Apr":
            box.add(message)
    scan = scan_mail(tmp_path / "Maildir", ME, today=date(2026, 11, 27))
    from_mbox = scan_mail(FIXTURES / "mail.mbox", ME, today=date(2026, 11, 27))
    assert scan.tallies == from_mbox.tallies
    assert scan.left_out == from_mbox.left_out
    assert [p.message.split(": ", 1)[1] for p in scan.problems] == [
        "the Date header is 'the second of April', not a date; the message is left out"
    ]


# -- the commands ------------------------------------------------------------------------------------


def test_import_calendar_writes_its_own_file_and_reimport_changes_no_byte(net: Path, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    code, out, _ = run(net, "import", "calendar", str(FIXTURES / "calendar.ics"))
    assert code == 0, out
    log = net / "log" / "calendar.yaml"
    assert records(log) == [
        ("2026-03-09", "ada-lovelace", "meeting", None),
        ("2026-03-10", "ada-lovelace", "meeting", None),
        ("2026-03-16", "ada-lovelace", "meeting", None),
        ("2026-03-16", "grace-hopper", "meeting", None),
        ("2026-03-17", "grace-hopper", "meeting", None),
        ("2026-03-29", "ada-lovelace", "meeting", None),
        ("2026-04-08", "ada-lovelace", "meeting", None),
        ("2026-04-12", "ada-lovelace", "meeting", None),
    ]
    assert "Zoë Example <zoe@elsewhere.example>: 2 meetings" in out
    assert (net / "network.yaml").read_bytes() == (FIXTURES / "network.yaml").read_bytes()
    before = log.read_bytes()
    code, out, _ = run(net, "import", "calendar", str(FIXTURES / "calendar.ics"))
    assert code == 0 and "no byte changed" in out
    assert log.read_bytes() == before


def test_titles_only_when_asked(net: Path, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    run(net, "import", "calendar", str(FIXTURES / "calendar.ics"))
    assert "Weekly sync" not in (net / "log" / "calendar.yaml").read_text()
    shutil.rmtree(net / "log")
    run(net, "import", "calendar", "--titles", str(FIXTURES / "calendar.ics"))
    assert "note: Weekly sync (moved)" in (net / "log" / "calendar.yaml").read_text()


def test_import_mail_exits_1_for_unreadable_messages_but_imports_the_rest(net: Path) -> None:
    code, out, err = run(net, "import", "mail", str(FIXTURES / "mail.mbox"))
    assert code == 1
    assert "mail.mbox:84: error: message 9: the Date header is 'the second of April'" in err
    assert "2 messages could not be read" in out
    assert records(net / "log" / "mail.yaml") == [
        ("2026-03-02", "bob-byte", "email", 1),
        ("2026-03-02", "grace-hopper", "email", 1),
        ("2026-03-10", "ada-lovelace", "email", 3),
        ("2026-04-03", "grace-hopper", "email", 1),  # her other address: one person, all addresses
    ]
    loaded, _ = load(net, today=date.fromisoformat(TODAY))
    ada = next(i for i in loaded.interactions if i.with_ == ["ada-lovelace"])
    assert (ada.count, ada.sent, ada.received) == (3, 1, 2)


def test_a_later_overlapping_export_adds_only_what_is_new(net: Path, tmp_path: Path) -> None:
    # The first export ends after message 2; the second is the whole mailbox.
    text = (FIXTURES / "mail.mbox").read_text()
    early = tmp_path / "early.mbox"
    early.write_text(text[: text.index("From 1003@xxx")])
    run(net, "import", "mail", str(early))
    log = net / "log" / "mail.yaml"
    first = log.read_text()
    assert "count: 2\n    sent: 1\n    received: 1" in first  # Ada: messages 1 and 2
    run(net, "import", "mail", str(FIXTURES / "mail.mbox"))
    second = log.read_text()
    # Ada's March record was raised in place (3 messages, last on the 10th); the April one appended.
    assert second.count("with: ada-lovelace") == 1
    assert (
        "date: 2026-03-10\n    with: ada-lovelace\n    kind: email\n    count: 3\n    sent: 1\n    received: 2"
        in second
    )
    assert second.endswith("received: 1\n") and "date: 2026-04-03" in second
    # Importing the older export again changes nothing: the larger numbers stay.
    run(net, "import", "mail", str(early))
    assert log.read_text() == second


def test_merge_keeps_hand_edits_of_the_log(net: Path, tmp_path: Path) -> None:
    text = (FIXTURES / "mail.mbox").read_text()
    early = tmp_path / "early.mbox"
    early.write_text(text[: text.index("From 1003@xxx")])
    run(net, "import", "mail", str(early))
    log = net / "log" / "mail.yaml"
    edited = log.read_text().replace("kind: email\n    count: 2", "kind: email  # thread about the grant\n    count: 2")
    log.write_text(edited)
    run(net, "import", "mail", str(FIXTURES / "mail.mbox"))
    assert "kind: email  # thread about the grant\n    count: 3" in log.read_text()


def test_dry_run_writes_nothing(net: Path) -> None:
    _code, out, _ = run(net, "import", "mail", "--dry-run", str(FIXTURES / "mail.mbox"))
    assert "would add 4 records" in out and "dry run: nothing was written" in out
    assert not (net / "log").exists()


def test_add_unknown_adds_people_with_mail_both_ways(net: Path) -> None:
    _code, out, _ = run(net, "import", "mail", "--add-unknown", str(FIXTURES / "mail.mbox"))
    assert "added 1 person not known before to" in out
    loaded, problems = load(net, today=date.fromisoformat(TODAY))
    assert not [p for p in problems if p.is_error]
    zoe = loaded.people["zoe-example"]
    assert (zoe.name, zoe.email, zoe.strength) == ("Zoë Example", "zoe@elsewhere.example", 1)
    assert any(i.with_ == ["zoe-example"] and i.count == 2 for i in loaded.interactions)


def test_my_address_is_required(tmp_path: Path) -> None:
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "people.yaml").write_text("people:\n  - name: Ada\n    email: ada@example.org\n")
    code, _, err = run(folder, "import", "mail", str(FIXTURES / "mail.mbox"))
    assert code == 2 and "add it under me:" in err


def test_json_report(net: Path) -> None:
    code, out, _ = run(net, "import", "mail", "--json", str(FIXTURES / "mail.mbox"))
    report = json.loads(out)
    assert code == 1
    assert (report["read"], report["added"], report["unreadable"]) == (15, 4, 2)
    assert report["unknown"]["top"] == [{"address": "zoe@elsewhere.example", "name": "Zoë Example", "volume": 2}]


def _takeout(tmp_path: Path) -> Path:
    root = tmp_path / "Takeout"
    (root / "Mail").mkdir(parents=True)
    (root / "Calendar").mkdir()
    (root / "Contacts" / "My Contacts").mkdir(parents=True)
    shutil.copy(FIXTURES / "mail.mbox", root / "Mail" / "All mail Including Spam and Trash.mbox")
    shutil.copy(FIXTURES / "calendar.ics", root / "Calendar" / "me@example.org.ics")
    (root / "Contacts" / "My Contacts" / "My Contacts.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Example\r\nN:Example;Zoë;;;\r\n"
        "EMAIL;TYPE=INTERNET:zoe@elsewhere.example\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    return root


def test_takeout_imports_contacts_then_calendar_and_mail(net: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    root = _takeout(tmp_path)
    code, out, _ = run(net, "import", "takeout", "--dry-run", str(root))
    assert "would add 1 person" in out and not (net / "log").exists()
    code, out, _ = run(net, "import", "takeout", str(root))
    assert code == 1  # the two unreadable messages
    loaded, problems = load(net, today=date.fromisoformat(TODAY))
    assert not [p for p in problems if p.is_error]
    zoe = [i for i in loaded.interactions if "zoe-example" in i.with_]
    # Her mail (one month, both ways), the coffee with Grace and the intro call.
    assert sorted((i.kind, i.date.isoformat(), tuple(i.with_)) for i in zoe) == [
        ("email", "2026-04-03", ("zoe-example",)),
        ("meeting", "2026-03-17", ("grace-hopper", "zoe-example")),
        ("meeting", "2026-03-18", ("zoe-example",)),
    ]
    files = {p.relative_to(net).as_posix(): p.read_bytes() for p in net.rglob("*.yaml")}
    run(net, "import", "takeout", str(root))
    assert {p.relative_to(net).as_posix(): p.read_bytes() for p in net.rglob("*.yaml")} == files


def test_no_subject_or_body_reaches_the_data_folder_or_the_cache(net: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    root = _takeout(tmp_path)
    for args in (
        ["import", "takeout", "--add-unknown", str(root)],
        ["import", "mail", "--json", str(FIXTURES / "mail.mbox")],
        ["check"],
        ["reach-outs"],
    ):
        _code, out, err = run(net, *args)
        assert "PLANT" not in out + err, args
    cache = Path(os.environ["GRAPHNET_CACHE_DIR"])
    found = [p for folder in (net, cache) for p in folder.rglob("*") if p.is_file() and b"PLANT" in p.read_bytes()]
    assert list(cache.rglob("*")), "the cache was used"
    assert found == []


def test_an_unreadable_name_is_a_warning_and_the_address_stands_in(tmp_path: Path) -> None:
    mbox = tmp_path / "odd.mbox"
    mbox.write_text(
        "From x Mon Mar 02 09:00:00 2026\nFrom: =?x-no-such-charset?q?Zo=EB?= <zoe@elsewhere.example>\n"
        "To: me@example.org\nDate: Mon, 02 Mar 2026 09:00:00 +0000\n\nbody\n"
    )
    scan = scan_mail(mbox, ME, today=date(2026, 11, 27))
    assert [p.severity for p in scan.problems] == ["warning"]
    assert "the name of zoe@elsewhere.example is not readable" in scan.problems[0].message
    assert scan.names["zoe@elsewhere.example"] == "zoe@elsewhere.example"
    assert scan.tallies[("zoe@elsewhere.example", date(2026, 3, 1))][1] == 1


def test_a_file_that_is_no_mbox_is_an_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("Dear diary,\nFrom today on I will keep notes.\n")
    scan = scan_mail(text, ME, today=date(2026, 11, 27))
    assert scan.messages == 0
    assert [str(p).split(": ", 1)[1] for p in scan.problems] == [
        "error: no message found (no line starting 'From ' before a header); is this an mbox file or a Maildir folder?"
    ]


def test_inbox_then_sent_add_up_and_several_paths_read_together(net: Path, tmp_path: Path) -> None:
    whole = (FIXTURES / "mail.mbox").read_text()
    messages = ["From " + part for part in whole.split("\nFrom ")]
    messages[0] = messages[0][5:]
    sent = [m for m in messages if "\nFrom: Me <me@" in m or "\nFrom: me@" in m]
    received = [m for m in messages if m not in sent]
    (tmp_path / "Inbox").write_text("\n".join(received))
    (tmp_path / "Sent").write_text("\n".join(sent))
    run(net, "import", "mail", str(tmp_path / "Inbox"))
    run(net, "import", "mail", str(tmp_path / "Sent"))
    separately = records(net / "log" / "mail.yaml")
    shutil.rmtree(net / "log")
    run(net, "import", "mail", str(tmp_path / "Inbox"), str(tmp_path / "Sent"))
    together = records(net / "log" / "mail.yaml")
    assert (
        sorted(separately)
        == sorted(together)
        == [
            ("2026-03-02", "bob-byte", "email", 1),
            ("2026-03-02", "grace-hopper", "email", 1),
            ("2026-03-10", "ada-lovelace", "email", 3),
            ("2026-04-03", "grace-hopper", "email", 1),
        ]
    )


def test_hand_logged_interactions_never_go_into_an_import_log(net: Path) -> None:
    run(net, "import", "mail", str(FIXTURES / "mail.mbox"))
    before = (net / "log" / "mail.yaml").read_bytes()
    code, out, _ = run(net, "log", "ada-lovelace", "--kind", "coffee")
    assert code == 0, out
    assert (net / "log" / "mail.yaml").read_bytes() == before
    holding = [p.relative_to(net).as_posix() for p in net.rglob("*.yaml") if "kind: coffee" in p.read_text()]
    assert holding == ["interactions.yaml"]  # a new file of your own, as when no file holds interactions


def test_show_says_which_evidence(net: Path, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    run(net, "import", "calendar", str(FIXTURES / "calendar.ics"))
    run(net, "import", "mail", str(FIXTURES / "mail.mbox"))
    code, out, _ = run(net, "show", "ada-lovelace")
    assert code == 0, out
    # Ada: one month of mail, min(1 sent, 2 received) = 1 both ways; six meetings (the weekly sync and lunch).
    assert "1 email both ways and 6 meetings this year" in out
    assert "email: email with you (3 messages: 1 sent, 2 received)" in out


def test_raw_utf8_names_are_read_as_utf8(tmp_path: Path) -> None:
    mbox = tmp_path / "raw.mbox"
    mbox.write_bytes(
        b"From x Mon Mar 02 09:00:00 2026\nFrom: Zo\xc3\xab Raw <zoe@raw.example>\nTo: me@example.org\n"
        b"Date: Mon, 02 Mar 2026 09:00:00 +0000\n\nbody\n"
    )
    scan = scan_mail(mbox, ME, today=date(2026, 11, 27))
    assert scan.names == {"zoe@raw.example": "Zoë Raw"} and scan.problems == []


def test_a_truncated_calendar_reads_its_complete_events_and_says_so(tmp_path: Path) -> None:
    lines = (FIXTURES / "calendar.ics").read_text().split("\n")
    cut = lines.index("UID:cancelled@graphnet.test") + 2  # inside the cancelled event
    path = tmp_path / "cut.ics"
    path.write_text("\n".join(lines[:cut]) + "\n")
    scan = scan_calendar(path, ME, today=date(2026, 11, 27), zone=timezone.utc)
    # The weekly sync (5 occurrences) and the lunch are complete; the rest is cut off.
    assert sorted(m.day.isoformat() for m in scan.meetings) == [
        "2026-03-09",
        "2026-03-10",
        "2026-03-16",
        "2026-03-29",
        "2026-04-08",
        "2026-04-12",
    ]
    assert [(p.line, p.severity) for p in scan.problems] == [(cut, "error")]
    assert "ends before END:VCALENDAR" in scan.problems[0].message
