"""Reading a mailbox's headers into per-correspondent, per-month tallies.

Reads an mbox file (Google Takeout's ``All mail Including Spam and Trash.mbox``,
Thunderbird's folders) or a Maildir folder, **headers only**: for each message
only the fields From, To, Cc, Bcc, Date, Message-ID, List-Id, Precedence,
Auto-Submitted and (Google Takeout's) X-Gmail-Labels are handed to :class:`email.parser.BytesHeaderParser`; every other
header line (Subject among them) and the body are skipped as bytes and never
decoded, stored or printed.

The mbox is read as a stream of lines, so memory does not grow with the mailbox:
what is kept is one tally per correspondent and month, the display name of each
address, and a fixed-size filter of the Message-IDs seen (so a message stored
twice is counted once).

Rules (``docs/import-export.md``): a message with a ``List-Id``, a
``Precedence`` of bulk, list or junk, an ``Auto-Submitted`` other than ``no``, a
no-reply sender, more recipients than ``max_recipients``, or dated after today is
left out and counted by reason. A message I sent counts as *sent* for each
recipient; a message from someone else counts as *received* for the sender.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from ..errors import GraphnetError, Problem
from ..model import calendar_today
from ..text import display_path

__all__ = ["HEADERS_READ", "MailScan", "is_no_reply", "scan_mail"]

#: The only header fields ever parsed (lower case).
HEADERS_READ = frozenset(
    {
        b"from",
        b"to",
        b"cc",
        b"bcc",
        b"date",
        b"message-id",
        b"list-id",
        b"precedence",
        b"auto-submitted",
        b"x-gmail-labels",
    }
)
#: ``progress(done, total)``.
Progress = Callable[[int, int], None]

_FIELD_NAME = re.compile(rb"([!-9;-~]+)[ \t]*:")
_NO_REPLY = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|mailer-daemon|postmaster|bounces?|notifications?)"
    r"([-+_.].*)?@",
    re.IGNORECASE,
)
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})

# Left-out reasons, as the summary names them.
LIST = "mailing list (List-Id)"
BULK = "bulk (Precedence)"
AUTOMATIC = "automatic (Auto-Submitted)"
NO_REPLY = "no-reply sender"
TOO_MANY = "too many recipients"
DUPLICATE = "repeated (same Message-ID)"
FUTURE = "dated after today"
SPAM = "spam (Gmail label)"
TO_SELF = "only to myself"


def is_no_reply(address: str) -> bool:
    """True for ``noreply@…``, ``no-reply+x@…``, ``do-not-reply@…``, ``mailer-daemon@…`` and the like."""
    return _NO_REPLY.match(address) is not None


class _SeenFilter:
    """Message-IDs seen, in fixed memory: a Bloom filter of 2**24 bits and 4 hashes (2 MiB).

    A false "seen" would drop a message: with 100,000 messages the chance for one
    message is about 4e-7, with 1,000,000 about 0.2%.
    """

    BITS = 1 << 24

    def __init__(self) -> None:
        self.bits = bytearray(self.BITS // 8)

    def add(self, key: str) -> bool:
        """Add ``key``; True when it was (probably) there already."""
        digest = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=16).digest()
        value = int.from_bytes(digest, "little")
        seen = True
        for _ in range(4):
            bit = value & (self.BITS - 1)
            value >>= 32
            byte, mask = bit >> 3, 1 << (bit & 7)
            if not self.bits[byte] & mask:
                seen = False
                self.bits[byte] |= mask
        return seen


@dataclass
class MailScan:
    """What a mailbox's headers say, per correspondent and month."""

    source: str
    #: Messages found (read or not).
    messages: int = 0
    #: (address, first day of the month) -> [sent, received, last day].
    tallies: dict[tuple[str, date], list[object]] = field(default_factory=dict)
    #: Address -> display name, as first seen (encoded words decoded).
    names: dict[str, str] = field(default_factory=dict)
    #: Address -> messages exchanged (for the list of unknown correspondents).
    volume: Counter[str] = field(default_factory=Counter)
    #: Reason -> messages left out for it (not errors).
    left_out: Counter[str] = field(default_factory=Counter)
    #: Unreadable messages (errors) and odd ones (warnings), ``file:line: error: message N: …``.
    problems: list[Problem] = field(default_factory=list)
    #: Message-IDs seen (also across the files of one import).
    seen: _SeenFilter = field(default_factory=lambda: _SeenFilter(), repr=False, compare=False)

    @property
    def unreadable(self) -> int:
        return sum(1 for p in self.problems if p.is_error)


# -- where the messages are -----------------------------------------------------------------------


#: One message's header block: (message number, location shown, line, header lines, complete).
RawMessage = tuple[int, str, int, list[bytes], bool]


def _mbox_messages(path: Path, shown: str, progress: Progress | None) -> Iterator[RawMessage]:
    """Header lines of each message of an mbox, streaming; bodies are skipped line by line.

    A message starts at a line beginning ``From `` whose next line is a header field
    (bodies escape such lines as ``>From``; a file that does not is still split right
    unless the next body line also looks like a header). Its headers end at the first
    empty line; a file ending before that gives an incomplete last message.
    """
    total = max(os.path.getsize(path), 1)
    step, done, number = max(total // 100, 1 << 16), 0, 0
    with open(path, "rb") as fh:
        headers: list[bytes] | None = None  # collecting a message's header lines
        start = 0
        for line_no, line in enumerate(fh, 1):
            if headers is not None:
                if line in (b"\n", b"\r\n"):
                    yield number, shown, start, headers, True
                    headers = None
                elif not headers and not _FIELD_NAME.match(line):
                    headers = None  # a body line starting "From ", not a separator
                    number -= 1
                else:
                    headers.append(line)
            elif line.startswith(b"From "):
                number += 1
                headers, start = [], line_no
            if progress is not None:
                done += len(line)
                if done >= step:
                    progress(min(fh.tell(), total), total)
                    done = 0
        if headers:
            yield number, shown, start, headers, False
        elif headers is not None:
            number -= 1
    if progress is not None:
        progress(total, total)


def _maildir_messages(folder: Path, progress: Progress | None) -> Iterator[RawMessage]:
    """Header lines of each message file in ``cur/`` and ``new/``, in name order."""
    files = [p for sub in ("cur", "new") for p in sorted((folder / sub).iterdir()) if p.is_file()]
    total = max(len(files), 1)
    for number, path in enumerate(files, 1):
        headers: list[bytes] = []
        with open(path, "rb") as fh:
            for line in fh:
                if line in (b"\n", b"\r\n"):
                    break
                headers.append(line)
        yield number, display_path(path), 1, headers, True
        if progress is not None and (number % 100 == 0 or number == total):
            progress(number, total)


def _starts_with_text(path: Path) -> bool:
    with open(path, "rb") as fh:
        return bool(fh.read(4096).strip())


def _is_maildir(path: Path) -> bool:
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


# -- one message ---------------------------------------------------------------------------------------

_PARSER = BytesHeaderParser()


def _wanted(lines: list[bytes]) -> bytes:
    """The header lines of the fields in :data:`HEADERS_READ` (with their folded continuations)."""
    kept: list[bytes] = []
    keep = False
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if keep:
                kept.append(line)
            continue
        match = _FIELD_NAME.match(line)
        keep = match is not None and match.group(1).lower() in HEADERS_READ
        if keep:
            kept.append(line)
    return b"".join(kept)


class _Fields:
    """A message's header fields as text: 8-bit bytes (raw UTF-8 names, sent by many mailers) read as UTF-8.

    ``email``'s compat32 policy would turn such a value into a ``Header`` whose text has the bytes
    replaced; the raw items keep them (as surrogate escapes), which are decoded here.
    """

    __slots__ = ("fields",)

    def __init__(self, items: Iterable[tuple[str, object]]) -> None:
        self.fields: dict[str, list[str]] = {}
        for name, value in items:
            text = str(value)
            if not text.isascii():
                text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            self.fields.setdefault(name.lower(), []).append(text)

    def get(self, name: str) -> str | None:
        found = self.fields.get(name)
        return found[0] if found else None

    def get_all(self, name: str, default: list[str]) -> list[str]:
        return self.fields.get(name, default)


def _addresses(values: Iterable[object]) -> list[tuple[str, str]]:
    """(display name as written, address folded to lower case) of every address in the fields."""
    found: list[tuple[str, str]] = []
    for value in values:
        found.extend(_field_addresses(str(value)))
    return found


@functools.lru_cache(maxsize=8192)
def _field_addresses(value: str) -> tuple[tuple[str, str], ...]:
    """The addresses of one header field; cached, since the same To: and From: lines recur all through a mailbox.

    The cache is bounded, so memory still does not grow with the mailbox.
    """
    from .imports import norm_email

    found = []
    for name, address in getaddresses([value]):
        address = norm_email(address.strip("<>"))
        if "@" in address:
            found.append((name, address))
    return tuple(found)


def _decoded(name: str) -> str:
    """A display name with RFC 2047 encoded words (``=?utf-8?q?Zo=C3=AB?=``) decoded."""
    if "=?" not in name:
        return name.strip().strip('"')
    return str(make_header(decode_header(name))).strip().strip('"')


@dataclass
class _Rules:
    mine: frozenset[str]
    max_recipients: int
    today: date


def _message_date(value: object) -> datetime:
    when = parsedate_to_datetime(str(value))
    if when is None:  # pragma: no cover - Python 3.10 returns None for some bad dates
        raise ValueError("no date")
    return when.astimezone() if when.tzinfo is not None else when


def _read_message(raw: RawMessage, rules: _Rules, scan: MailScan, seen: _SeenFilter) -> None:
    number, shown, line, lines, complete = raw

    def problem(message: str, severity: str = "error") -> None:
        scan.problems.append(Problem(shown, line, 0, severity, f"message {number}: {message}"))  # type: ignore[arg-type]

    if not complete:
        problem("the file ends inside this message's headers (a truncated export?); the message is left out")
        return
    headers = _Fields(_PARSER.parsebytes(_wanted(lines)).raw_items())
    sender = _addresses(headers.get_all("from", []))
    if not sender:
        problem("no From address; the message is left out")
        return
    date_text = headers.get("date")
    try:
        when = _message_date(date_text)
    except (TypeError, ValueError, IndexError, OverflowError):
        shown_date = "missing" if date_text is None else repr(str(date_text)[:60])
        problem(f"the Date header is {shown_date}, not a date; the message is left out")
        return
    reason = _left_out(headers, sender[0][1], when.date(), rules)
    if reason is None:
        message_id = str(headers.get("message-id") or "").strip()
        if message_id and seen.add(message_id):
            reason = DUPLICATE
    if reason is None:
        reason = _tally(headers, sender[0], when.date(), rules, scan, problem)
    if reason is not None:
        scan.left_out[reason] += 1


def _left_out(headers: object, sender: str, day: date, rules: _Rules) -> str | None:
    get = headers.get  # type: ignore[attr-defined]
    if get("list-id") is not None:
        return LIST
    labels = str(get("x-gmail-labels") or "")
    if labels and "spam" in (label.strip().casefold() for label in labels.split(",")):
        return SPAM
    if str(get("precedence") or "").strip().casefold() in _BULK_PRECEDENCE:
        return BULK
    auto = str(get("auto-submitted") or "").strip().casefold()
    if auto and auto != "no":
        return AUTOMATIC
    if is_no_reply(sender):
        return NO_REPLY
    if day > rules.today:
        return FUTURE
    return None


def _tally(
    headers: object,
    sender: tuple[str, str],
    day: date,
    rules: _Rules,
    scan: MailScan,
    problem: Callable[..., None],
) -> str | None:
    """Count the message for its correspondents; the reason it is left out, or None."""
    get_all = headers.get_all  # type: ignore[attr-defined]
    recipients = _addresses([*get_all("to", []), *get_all("cc", []), *get_all("bcc", [])])
    if len(recipients) > rules.max_recipients:
        return TOO_MANY
    mine = rules.mine
    if sender[1] in mine:
        others = {address: name for name, address in recipients if address not in mine}
        if not others:
            return TO_SELF
        column = 0  # sent
    else:
        # Mail from someone else in my mailbox reached me (also when I was a Bcc or wrote from an alias).
        others = {sender[1]: sender[0]}
        column = 1  # received
    month = day.replace(day=1)
    for address, name in others.items():
        key = (address, month)
        tally = scan.tallies.get(key)
        if tally is None:
            scan.tallies[key] = tally = [0, 0, day]
        tally[column] += 1  # type: ignore[operator]
        if day > tally[2]:  # type: ignore[operator]
            tally[2] = day
        scan.volume[address] += 1
        if name and address not in scan.names:
            try:
                scan.names[address] = _decoded(name)
            except (LookupError, ValueError, UnicodeError) as exc:
                problem(f"the name of {address} is not readable ({exc}); its address stands in for it", "warning")
                scan.names[address] = address
    return None


# -- the whole mailbox ---------------------------------------------------------------------------------


def scan_mail(
    path: str | os.PathLike[str],
    my_addresses: Iterable[str],
    *,
    today: date,
    max_recipients: int = 10,
    progress: Progress | None = None,
    into: MailScan | None = None,
) -> MailScan:
    """Tally a mailbox's correspondence per address and month, from headers only.

    Parameters
    ----------
    path : path
        An mbox file, or a Maildir folder (with ``cur/`` and ``new/``).
    my_addresses : iterable of str
        My own addresses (``me.email``), any case.
    today : date
        Messages dated after it are left out.
    max_recipients : int
        A message with more recipients (To, Cc, Bcc together) is left out.
    progress : callable, optional
        ``progress(done, total)`` (bytes of an mbox, files of a Maildir).
    into : MailScan, optional
        Add to this scan (several mailboxes of one import) instead of a new one.

    Returns
    -------
    MailScan

    Raises
    ------
    GraphnetError
        When ``path`` is neither a file nor a Maildir folder, or cannot be read.

    Notes
    -----
    O(M) time for M messages (every line of an mbox is looked at once; header lines
    of other fields and bodies are never decoded); memory O(C·months + 2 MiB) for
    C correspondents, whatever M is.
    """
    source = Path(path)
    shown = display_path(source)
    # Mail after the real date has not been sent, whatever --today says (docs/format.md).
    rules = _Rules(frozenset(a.strip().casefold() for a in my_addresses), max_recipients, min(today, calendar_today()))
    scan = into if into is not None else MailScan(source=shown)
    if _is_maildir(source):
        messages = _maildir_messages(source, progress)
    elif source.is_file():
        messages = _mbox_messages(source, shown, progress)
    elif source.is_dir():
        raise GraphnetError(
            f"{shown} is a folder but not a Maildir (no cur/ and new/ in it); give an mbox file or a Maildir"
        )
    else:
        raise GraphnetError(f"{shown}: no such file or folder")
    before = scan.messages
    try:
        for raw in messages:
            scan.messages += 1
            _read_message(raw, rules, scan, scan.seen)
    except OSError as exc:
        raise GraphnetError(f"cannot read {shown}: {exc.strerror or exc}") from exc
    if scan.messages == before and source.is_file() and _starts_with_text(source):
        # An empty mailbox is an empty export; text without a message is not a mailbox at all.
        scan.problems.append(
            Problem(
                shown,
                0,
                0,
                "error",
                "no message found (no line starting 'From ' before a header); is this an mbox file or a Maildir folder?",
            )
        )
    return scan
