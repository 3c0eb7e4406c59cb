"""Synthetic mail and calendar exports (no real person's data) for tests and benchmarks.

``write_mbox`` writes an mbox as Google Takeout does (``From `` separator lines,
CRLF-free, bodies with ``>From`` escapes, an ``X-Gmail-Labels`` header), with a mix
of personal mail both ways, mailing lists, bulk and automatic mail, no-reply
senders, messages to too many recipients, repeated Message-IDs and encoded names;
every subject and body holds a planted marker (``SUBJECT-PLANT``, ``BODY-PLANT``).
It returns what a correct reader must count. ``write_ics`` writes a calendar with
one-off and weekly events (EXDATEs, moved occurrences, declined attendees,
cancellations, big meetings) in a zone with daylight-saving time.

Usage::

    python benchmarks/evidence_export.py --messages 1000 --events 100 --out /tmp/export
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ME = "me@example.org"
FIRST = ["Ada", "Bob", "Cy", "Di", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo", "Kai", "Lea", "Zoë", "Émile", "Søren"]
LAST = ["Lovelace", "Byte", "Kernel", "Vector", "Null", "Cache", "Stack", "Queue", "Graph", "Node", "O'Hara"]
REASONS = ("list", "bulk", "auto", "noreply", "crowd", "repeat")


def people(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """``n`` (display name, address) pairs; names repeat, addresses do not."""
    rng = random.Random(seed)
    found = []
    for i in range(n):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        found.append((name, f"p{i}@corp{i % 37}.example"))
    return found


def _name_header(name: str, address: str) -> str:
    if name.isascii():
        quoted = f'"{name}"' if "'" in name or "," in name else name
        return f"{quoted} <{address}>"
    import base64

    encoded = base64.b64encode(name.encode("utf-8")).decode("ascii")
    return f"=?utf-8?b?{encoded}?= <{address}>"


@dataclass
class MailTruth:
    """What a correct reader finds in a generated mbox."""

    messages: int = 0
    #: (address, first of month) -> [sent, received]
    tallies: dict[tuple[str, date], list[int]] = field(default_factory=dict)
    left_out: Counter[str] = field(default_factory=Counter)

    def count(self, address: str, day: date, column: int) -> None:
        self.tallies.setdefault((address, day.replace(day=1)), [0, 0])[column] += 1


def _body(rng: random.Random, n: int) -> str:
    lines = [f"BODY-PLANT-{n} hello"]
    for i in range(rng.randint(3, 40)):
        if i % 17 == 5:
            lines.append(">From the archive, escaped as mbox writers do")
        lines.append("lorem ipsum dolor sit amet " * rng.randint(1, 3))
    return "\n".join(lines)


def _message(rng: random.Random, n: int, folks: list[tuple[str, str]], start: date, truth: MailTruth) -> str:
    day = start + timedelta(days=rng.randrange(730))
    when = datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60), tzinfo=timezone.utc)
    name, address = folks[min(int(rng.paretovariate(1.2)) - 1, len(folks) - 1)]
    kind = rng.random()
    headers = [f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S +0000')}"]
    headers.append(f"X-Gmail-Labels: {'Sent' if kind < 0.3 else 'Inbox'}")
    if kind < 0.3:  # I write to one person, sometimes with a Cc
        headers += [f"From: Me <{ME}>", f"To: {_name_header(name, address)}"]
        truth.count(address, day, 0)
        if rng.random() < 0.2:
            other_name, other = folks[rng.randrange(len(folks))]
            if other != address:
                headers.append(f"Cc: {_name_header(other_name, other)}")
                truth.count(other, day, 0)
    elif kind < 0.6:  # someone writes to me
        headers += [f"From: {_name_header(name, address)}", f"To: Me <{ME}>"]
        truth.count(address, day, 1)
    else:
        reason = REASONS[int((kind - 0.6) / 0.4 * len(REASONS))]
        truth.left_out[reason] += 1
        headers += _left_out(reason, rng, name, address, n)
    if not any(h.startswith("Message-ID:") for h in headers):
        headers.append(f"Message-ID: <m{n}@gen.example>")
    headers.append(f"Subject: SUBJECT-PLANT-{n} about things")
    stamp = when.strftime("%a %b %d %H:%M:%S %z %Y")
    return f"From {n}@xxx {stamp}\n" + "\n".join(headers) + "\n\n" + _body(rng, n) + "\n"


def _left_out(reason: str, rng: random.Random, name: str, address: str, n: int) -> list[str]:
    to_me = f"To: Me <{ME}>"
    if reason == "list":
        return [f"From: {_name_header(name, address)}", "To: dev@lists.example", "List-Id: <dev.lists.example>"]
    if reason == "bulk":
        return ["From: News <news@shop.example>", to_me, "Precedence: bulk"]
    if reason == "auto":
        return [f"From: {_name_header(name, address)}", to_me, "Auto-Submitted: auto-replied"]
    if reason == "noreply":
        return ["From: Service <no-reply@service.example>", to_me]
    if reason == "crowd":
        crowd = ", ".join(f"x{i}@crowd.example" for i in range(11))
        return [f"From: Me <{ME}>", f"To: {crowd}"]
    # "repeat": a copy of the first message's Message-ID (a message stored twice)
    return [f"From: {_name_header(name, address)}", to_me, "Message-ID: <m0@gen.example>"]


def write_mbox(path: Path, messages: int, seed: int = 1, n_people: int = 400) -> MailTruth:
    """Write an mbox of ``messages`` messages; return what a correct reader counts."""
    rng = random.Random(seed)
    folks = people(n_people, seed)
    truth = MailTruth(messages=messages)
    start = date(2024, 11, 1)
    name, address = folks[0]
    # Message 0 is a received message whose Message-ID the "repeat" messages reuse.
    truth.count(address, start, 1)
    first = (
        f"From 0@xxx Fri Nov 01 09:00:00 +0000 2024\nMessage-ID: <m0@gen.example>\n"
        f"Date: Fri, 01 Nov 2024 09:00:00 +0000\nFrom: {_name_header(name, address)}\nTo: Me <{ME}>\n"
        "Subject: SUBJECT-PLANT-0\n\nBODY-PLANT-0\n"
    )
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(first)
        for n in range(1, messages):
            out.write("\n" + _message(rng, n, folks, start, truth))
    return truth


_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


def _event_lines(rng: random.Random, n: int, folks: list[tuple[str, str]], start: date) -> Iterator[str]:
    day = start + timedelta(days=rng.randrange(600))
    hour = rng.randrange(8, 18)
    stamp = f"{day.strftime('%Y%m%d')}T{hour:02d}0000"
    yield "BEGIN:VEVENT"
    yield f"UID:e{n}@gen.example"
    yield f"SUMMARY:SUBJECT-PLANT-e{n}"
    yield f"DESCRIPTION:BODY-PLANT-e{n}"
    yield f"DTSTART;TZID=Europe/Berlin:{stamp}"
    yield f"DTEND;TZID=Europe/Berlin:{day.strftime('%Y%m%d')}T{hour + 1:02d}0000"
    if rng.random() < 0.2:
        yield f"RRULE:FREQ=WEEKLY;COUNT={rng.randint(4, 30)}"
        if rng.random() < 0.5:
            skipped = day + timedelta(weeks=2)
            yield f"EXDATE;TZID=Europe/Berlin:{skipped.strftime('%Y%m%d')}T{hour:02d}0000"
    if rng.random() < 0.03:
        yield "STATUS:CANCELLED"
    yield f"ORGANIZER;CN=Me:mailto:{ME}"
    size = 1 + min(int(rng.paretovariate(1.5)), 14)
    for _ in range(size):
        name, address = folks[rng.randrange(len(folks))]
        state = "DECLINED" if rng.random() < 0.1 else "ACCEPTED"
        yield f'ATTENDEE;CN="{name}";PARTSTAT={state}:mailto:{address}'
    yield "END:VEVENT"


def write_ics(path: Path, events: int, seed: int = 2, n_people: int = 400) -> None:
    """Write a calendar of ``events`` events (about a fifth weekly), as a Google export looks."""
    rng = random.Random(seed)
    folks = people(n_people, seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//graphnet//evidence_export//EN", "X-WR-TIMEZONE:Europe/Berlin"]
    lines += _VTIMEZONE.strip().split("\n")
    for n in range(events):
        lines.extend(_event_lines(rng, n, folks, date(2025, 1, 1)))
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")


def network_yaml(n_people: int = 400, seed: int = 1) -> str:
    """A network holding the first half of the generated people (the rest are unknown)."""
    rows = ["me:", "  name: Sam", f"  email: {ME}", "people:"]
    for i, (name, address) in enumerate(people(n_people, seed)[: n_people // 2]):
        rows += [f"  - name: {json.dumps(name, ensure_ascii=False)}", f"    id: p{i}", f"    email: {address}"]
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    truth = write_mbox(args.out / "mail.mbox", args.messages)
    write_ics(args.out / "calendar.ics", args.events)
    print(
        f"wrote {args.messages} messages ({sum(sum(v) for v in truth.tallies.values())} counted) and {args.events} events"
    )


if __name__ == "__main__":
    main()
