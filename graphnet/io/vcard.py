"""vCard files (``.vcf``, vCard 3.0 and 4.0, with Apple's and Google's extensions).

``KIND:org`` cards (and Apple's ``X-ABShowAs:COMPANY``) become organizations,
``KIND:group`` cards groups; ``RELATED``, Apple's ``X-ABRELATEDNAMES`` and the old
``X-MANAGER``/``X-ASSISTANT``/``X-SPOUSE`` become ``knows`` entries, ``MEMBER`` members.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import GraphnetError, Problem
from ..model import Network
from .contacts import Contact, ImportReport, Related, clean, first, norm_email, norm_name
from .importing import ImportOptions, run_import
from .rows import Progress, Reading, Ticker

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["import_vcard", "parse_vcard"]

_AB_LABEL = re.compile(r"_\$!<(.*)>!\$_")


def _split_cards(text: str) -> Iterator[tuple[int, str]]:
    """(line of BEGIN:VCARD, text of the card) for each top-level card."""
    lines = text.splitlines()
    depth = 0
    start = 0
    for i, raw in enumerate(lines):
        upper = raw.strip().upper()
        if upper == "BEGIN:VCARD":
            if depth == 0:
                start = i
            depth += 1
        elif upper == "END:VCARD" and depth > 0:
            depth -= 1
            if depth == 0:
                yield start + 1, "\r\n".join(lines[start : i + 1]) + "\r\n"
    if depth > 0:
        yield start + 1, "\r\n".join(lines[start:]) + "\r\n"


def _text_value(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        value = ",".join(str(v) for v in value if v)
    return clean(str(value)) if value is not None else None


def _params(line: Any, name: str) -> list[str]:
    found: list[str] = []
    for value in line.params.get(name, []):
        found.extend(v.strip().casefold() for v in str(value).split(",") if v.strip())
    return found


def _is_pref(line: Any) -> bool:
    return "pref" in _params(line, "TYPE") or bool(line.params.get("PREF"))


def _related(value: str, label: str | None, is_text: bool) -> Related:
    text = value.strip()
    lower = text.casefold()
    if not is_text:
        if lower.startswith("urn:uuid:"):
            return Related(text[9:].strip().casefold(), "uid", label)
        if lower.startswith("mailto:"):
            return Related(norm_email(text), "email", label)
        if lower.startswith(("http://", "https://")):
            return Related(text, "url", label)
    if "@" in text and " " not in text:
        return Related(norm_email(text), "email", label)
    return Related(text, "name", label)


#: A card's properties by upper-case name, each with every line of that name.
Lines = dict[str, list[Any]]


def _first_line(lines: Lines, name: str) -> Any:
    return lines[name][0] if lines.get(name) else None


def _names(lines: Lines) -> tuple[str | None, list[str]]:
    """The card's name (FN, else the parts of N) and ``Given Family`` without middle names."""
    fn, n_line = _first_line(lines, "FN"), _first_line(lines, "N")
    name = _text_value(fn.value) if fn is not None else None
    if not name and n_line is not None:
        pieces = [getattr(n_line.value, a, "") for a in ("prefix", "given", "additional", "family", "suffix")]
        flat = [" ".join(p) if isinstance(p, (list, tuple)) else str(p) for p in pieces]
        name = clean(" ".join(p.strip() for p in flat if p and p.strip()))
    other_names: list[str] = []
    if n_line is not None:
        given, family = (getattr(n_line.value, a, "") for a in ("given", "family"))
        given = " ".join(given) if isinstance(given, (list, tuple)) else str(given)
        family = " ".join(family) if isinstance(family, (list, tuple)) else str(family)
        if given.strip() and family.strip():
            other_names.append(f"{given.strip()} {family.strip()}")
    return name, other_names


def _new_contact(lines: Lines, row: int, reading: Reading) -> Contact | None:
    """A contact of the card's kind (person, organization or group) with its name and organization."""
    kind_line = _first_line(lines, "KIND")
    kind = str(kind_line.value).strip().casefold() if kind_line is not None else "individual"
    show_as = _first_line(lines, "X-ABSHOWAS")
    if show_as is not None and str(show_as.value).strip().casefold() == "company":
        kind = "org"
    org_line = _first_line(lines, "ORG")
    org_parts: list[str] = []
    if org_line is not None:
        value = org_line.value
        org_parts = [str(v).strip() for v in (value if isinstance(value, (list, tuple)) else [value])]
    name, other_names = _names(lines)
    if kind == "org" and org_parts and org_parts[0]:
        name = org_parts[0] if not name or show_as is not None else name
    if not name:
        reading.problem(row, "the card has no name (FN or N); card skipped")
        return None
    if kind in ("org", "organization"):
        contact = Contact(row=row, name=name, kind="organization")
    elif kind == "group":
        contact = Contact(row=row, name=name, kind="group")
    else:
        contact = Contact(row=row, name=name)
        if kind not in ("individual", "location", ""):
            reading.problem(row, f"unknown KIND '{kind}'; imported as a person", "warning")
        elif org_parts and org_parts[0]:
            contact.org = org_parts[0]
            if len(org_parts) > 1 and org_parts[1]:
                contact.department = org_parts[1]
    contact.other_names = [n for n in other_names if norm_name(n) != norm_name(name)]
    return contact


def _addresses(lines: Lines, contact: Contact) -> list[str]:
    """Set the contact's e-mail, phone and URL (preferred ones first); the others, as lines for its notes."""
    extras: list[str] = []
    emails = sorted(lines.get("EMAIL", []), key=lambda ln: not _is_pref(ln))
    contact.emails = [e for e in (clean(str(ln.value).removeprefix("mailto:")) for ln in emails) if e]
    contact.email = contact.emails[0] if contact.emails else None
    extras += [f"e-mail: {e}" for e in contact.emails[1:]]
    phones = sorted(lines.get("TEL", []), key=lambda ln: not _is_pref(ln))
    numbers = [p for p in (clean(str(ln.value).removeprefix("tel:")) for ln in phones) if p]
    contact.phone = numbers[0] if numbers else None
    extras += [f"phone: {p}" for p in numbers[1:]]
    urls = [u for u in (clean(str(ln.value)) for ln in lines.get("URL", [])) if u]
    for social in lines.get("X-SOCIALPROFILE", []):
        value = clean(str(social.value))
        if value and value.casefold().startswith(("http://", "https://")):
            urls.append(value)
    contact.urls = urls
    linkedin = [u for u in urls if "linkedin.com/" in u.casefold()]
    contact.url = first(linkedin, urls)
    extras += [f"website: {u}" for u in urls if u != contact.url]
    return extras


def _tags(lines: Lines, contact: Contact) -> None:
    for line in lines.get("CATEGORIES", []):
        values = line.value if isinstance(line.value, (list, tuple)) else str(line.value).split(",")
        for value in values:
            tag = str(value).strip()
            if tag and tag.casefold() not in ("mycontacts", "starred") and tag not in contact.tags:
                contact.tags.append(tag)


def _relations(lines: Lines, contact: Contact) -> None:
    """RELATED, Apple's related names, the old X-MANAGER/X-ASSISTANT/X-SPOUSE, and MEMBER."""
    for line in lines.get("RELATED", []):
        is_text = "text" in _params(line, "VALUE")
        label = ", ".join(_params(line, "TYPE")) or None
        if clean(str(line.value)):
            contact.related.append(_related(str(line.value), label, is_text))
    labels = {ln.group.casefold(): clean(str(ln.value)) for ln in lines.get("X-ABLABEL", []) if ln.group}
    for line in lines.get("X-ABRELATEDNAMES", []):
        label = labels.get(line.group.casefold()) if line.group else None
        if label:
            m = _AB_LABEL.fullmatch(label)
            label = (m.group(1) if m else label).casefold()
        if clean(str(line.value)):
            contact.related.append(Related(str(line.value).strip(), "name", label))
    for old, label in (("X-MANAGER", "manager"), ("X-ASSISTANT", "assistant"), ("X-SPOUSE", "spouse")):
        for line in lines.get(old, []):
            if clean(str(line.value)):
                contact.related.append(Related(str(line.value).strip(), "name", label))
    for line in lines.get("MEMBER", []):
        if clean(str(line.value)):
            contact.members.append(_related(str(line.value), None, False))


def _card(component: Any, row: int, reading: Reading) -> Contact | None:
    lines: Lines = {}
    for child in component.getChildren():
        lines.setdefault(child.name.upper(), []).append(child)
    contact = _new_contact(lines, row, reading)
    if contact is None:
        return None
    uid = _first_line(lines, "UID")
    if uid is not None and str(uid.value).strip():
        contact.uid = str(uid.value).strip().casefold().removeprefix("urn:uuid:")
    title = _first_line(lines, "TITLE") or _first_line(lines, "ROLE")
    if title is not None and contact.kind == "person":
        contact.role = _text_value(title.value)
    extras = _addresses(lines, contact)
    note = _first_line(lines, "NOTE")
    notes = _text_value(note.value) if note is not None else None
    if extras and contact.kind == "person":
        notes = "\n".join([*([notes] if notes else []), *extras])
    contact.notes = notes
    _tags(lines, contact)
    _relations(lines, contact)
    return contact


_FAILED_LINE = re.compile(r"^At line \d+: (Failed to parse line: )?(?P<line>.*)$")


def _failed_line(card: str, row: int, message: str) -> tuple[int, str]:
    """The file line of the line vobject could not read, and a message without vobject's own count.

    vobject counts CR and LF separately, so its "At line 7" is no line of the file: the line is
    found by its text instead, and the card's first line is the fallback.
    """
    match = _FAILED_LINE.match(message)
    if match is None:
        return row, message
    bad = match.group("line").strip()
    for offset, text in enumerate(card.splitlines()):
        if bad and text.strip() == bad:
            return row + offset, f"this line is not 'NAME:value': {bad!r}"
    return row, message


def parse_vcard(text: str, shown: str, *, progress: Progress | None = None) -> tuple[list[Contact], list[Problem], int]:
    """Contacts of a ``.vcf`` file (vCard 3.0 or 4.0; Apple's and Google's extensions)."""
    import vobject

    reading = Reading(shown)
    cards = list(_split_cards(text))
    if not cards:
        raise GraphnetError(f"{shown}: no BEGIN:VCARD found; is this a vCard (.vcf) file?")
    tick = Ticker(progress, len(cards))
    for number, (row, card) in enumerate(cards, 1):
        tick(number)
        try:
            # Never ignoreUnreadable: vobject would log the bad line itself and drop it silently.
            component = vobject.readOne(card, ignoreUnreadable=False)
        except Exception as exc:  # vobject raises many kinds of errors on bad input
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            line, message = _failed_line(card, row, message)
            reading.problem(line, f"the card cannot be read ({message}); card skipped")
            continue
        try:
            contact = _card(component, row, reading)
        except Exception as exc:
            reading.problem(row, f"the card cannot be read ({type(exc).__name__}: {exc}); card skipped")
            continue
        if contact is not None:
            reading.contacts.append(contact)
    tick.finish()
    reading.rows = len(cards)
    return reading.result()


def import_vcard(net: Network, vcf_path: str | os.PathLike[str], **options: Unpack[ImportOptions]) -> ImportReport:
    """Import a vCard file (3.0 or 4.0) into a new file; see :func:`import_linkedin`.

    ``KIND:org`` cards (and Apple's ``X-ABShowAs:COMPANY``) become organizations,
    ``KIND:group`` cards groups; ``RELATED`` and Apple's ``X-ABRELATEDNAMES``
    become ``knows`` entries when the other side is in the network or the file.
    """
    return run_import("vcard", parse_vcard, net, vcf_path, **options)
