"""Adding people, organizations, groups and events to a network's files.

Each function validates the request against the loaded network first (unknown
ids get a did-you-mean, nothing is written on error), picks the file, and adds
one entry to one section by *inserting text only* (:mod:`graphnet.fileio`
guarantees the rest of the file stays byte-for-byte the same).

Which file:

* ``file=...`` if given (a path inside the network folder);
* else the last file (in reading order) that already holds the section, was not
  written by an import (its first line says ``# Imported by `graphnet import …```),
  and can take the entry by adding text: the entry goes at the end of that section's
  block, even when other sections follow it, with the same indentation as the
  entries above it;
* a section written in flow style (``people: [...]``) cannot be extended without
  rewriting it, and YAML forbids a second ``people:`` key in the same file, so
  the entry then goes to a new file next to it (``people-2.yaml``) and the
  result says so;
* with no such file, a new ``<section>.yaml`` in the network folder.

>>> from graphnet import load                               # doctest: +SKIP
>>> net, _ = load("data")                                   # doctest: +SKIP
>>> log_interaction(net, ["Ada Lovelace"], kind="coffee")   # doctest: +SKIP
WriteResult(path=PosixPath('data/log.yaml'), ...)
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import GraphnetError, did_you_mean
from ..model import (
    DEFAULT_INTRODUCTION_STATUS,
    INTRODUCTION_STATUSES,
    STRENGTH_LABELS,
    Network,
    Organization,
    calendar_today,
    date_out_of_range,
    slugify,
)
from ..names import resolve_person
from ..orgnames import alias_clashes
from ..text import display_path
from .fileio import CannotExtend, Insertion, append_to_file, expect_entry_added, network_lock
from .ids import default_id, id_problem
from .init import SCHEMA_FILE, schema_line
from .loader import import_kind, reread_if_changed
from .roster import follow_write
from .yamlread import YMap, YSeq, last_leaf
from .yamlwrite import read_back, record

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = [
    "WriteResult",
    "add_favor",
    "add_group",
    "add_introduction",
    "add_org",
    "add_person",
    "add_reminder",
    "entries_insertion",
    "log_interaction",
    "network_write",
]

Fields = list[tuple[str, object]]


@dataclass(frozen=True)
class WriteResult:
    """What a write added (or, with ``dry_run``, would add), and where."""

    path: Path
    #: The text added, ``\\n`` line breaks.
    text: str
    dry_run: bool
    section: str = ""
    #: 1-based line where the new entry starts.
    line: int = 0
    created: bool = False
    #: Why the entry went somewhere unexpected, if it did.
    note: str | None = None
    #: The records the write made or named: ``(what, id, name)``, e.g. ``("new id", "ada-lovelace", "Ada Lovelace")``.
    named: tuple[tuple[str, str, str], ...] = ()
    #: SHA-256 of the bytes written to ``path`` (None on a dry run).
    file_hash: bytes | None = None

    def describe(self) -> str:
        """``added to people.yaml:12:`` (or ``would add …``) followed by the text."""
        verb = "would add" if self.dry_run else "added"
        made = " (new file)" if self.created else ""
        head = f"{verb} to {display_path(self.path)}:{self.line}{made}:"
        body = self.text.lstrip("\n")
        lines = [head, *("    " + line for line in body.rstrip("\n").split("\n"))]
        if self.note:
            lines.append(f"note: {self.note}")
        lines.extend(
            f"{what}: {ident}" + (f" ({name})" if name and name != ident else "") for what, ident, name in self.named
        )
        if self.dry_run:
            lines.append("(dry run: nothing was written)")
        return "\n".join(lines)


# -- validation helpers --------------------------------------------------------------------


def _text(value: object, what: str, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise GraphnetError(f"{what} is required")
        return None
    if not isinstance(value, str):
        raise GraphnetError(f"{what} must be text")
    if not value.strip():
        if required:
            raise GraphnetError(f"{what} must not be empty")
        return None
    return value


def _texts(values: Iterable[str] | str | None, what: str) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    result: list[str] = []
    for value in values:
        text = _text(value, what)
        if text is not None and text not in result:
            result.append(text)
    return result


def _one_or_list(values: list[str]) -> str | list[str] | None:
    """Nothing, one value as itself, or several as a list (``email: a@b.c`` or ``email: [a@b.c, …]``)."""
    return values[0] if len(values) == 1 else (values or None)


def _date(value: date | str | None, what: str, latest: date, *, default: date | None = None) -> date | None:
    """The date of ``what`` (``default`` when not given), refusing one after ``latest``.

    Records of what has happened pass the real date (:func:`graphnet.model.calendar_today`) as
    ``latest``, not ``--today``: a date after ``--today`` is fine (answers as of ``--today``
    leave it out), a date after the real one is what ``check`` rejects as a typo. A default
    (``--today``) after the real date is refused too, and dates outside the supported range.
    """
    if value is None or value == "":
        if default is not None and default > calendar_today() and latest < date.max:
            raise GraphnetError(
                f"`today` ({default}) is after the real date ({calendar_today()}), and {what} defaults to it: "
                f"a record dated then would be an error in `graphnet check`; give {what} YYYY-MM-DD "
                "or leave `today` out; nothing was written"
            )
        return default
    if isinstance(value, date):
        when = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise GraphnetError(f"{what} must be a date written YYYY-MM-DD, not '{value}'")
        try:
            when = date.fromisoformat(text)
        except ValueError as exc:
            raise GraphnetError(f"{what} '{value}' is not a real date ({exc})") from None
    unsupported = date_out_of_range(when)
    if unsupported is not None:
        raise GraphnetError(f"{what}: {unsupported}")
    if when > latest:
        raise GraphnetError(f"{what} ({when}) is after today ({latest}); graphnet records what has happened")
    return when


def _strength(value: int | str | None, what: str = "strength") -> int | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    if not re.fullmatch(r"[0-5]", text):
        labels = ", ".join(f"{k} = {v}" for k, v in STRENGTH_LABELS.items())
        raise GraphnetError(f"{what} must be a whole number from 0 to 5 ({labels}), not '{value}'")
    return int(text)


def _new_id(net: Network, name: str, ident: str | None, kind: str, *, replaceable_org: bool = False) -> str:
    """The id a new record gets, refusing one that is taken."""
    if ident is not None:
        ident = _text(ident, "`id`", required=True)
        assert ident is not None
        problem = id_problem(ident)
        if problem is not None:
            raise GraphnetError(problem)
    else:
        ident = default_id(name)
        if ident is None:
            raise GraphnetError(f"no id can be made from the name '{name}'; give one with `id`")
    for table, what in ((net.people, "person"), (net.organizations, "organization"), (net.groups, "group")):
        record_ = table.get(ident)
        if record_ is None:
            continue
        if replaceable_org and what == "organization" and not getattr(record_, "declared", True):
            continue  # only named by someone's org so far: declaring it is what the user wants
        source = getattr(record_, "source", None)
        where = f" at {source}" if source is not None and source.line else ""
        same = what == kind and record_.name.casefold() == name.casefold()
        raise GraphnetError(
            f"the id '{ident}' is already used by the {what} '{record_.name}'{where}; "
            + (
                f"if this is someone else with the same name, give the new {kind} its own id, e.g. `id` {ident}-2"
                if same
                else f"give the new {kind} another id with `id`"
            )
        )
    return ident


def _person(net: Network, text: str, what: str, *, allow_me: bool) -> str:
    """The id of the person named ``text`` (see :mod:`graphnet.names`), or an error."""
    value = _text(text, what, required=True)
    assert value is not None
    return resolve_person(net, value, what, allow_me=allow_me)


def _org_name(net: Network, text: str | None, what: str) -> str | None:
    """An organization as the user wrote it, checked to be usable as one."""
    value = _text(text, what)
    if value is None:
        return None
    if net.find_organization(value) is not None:
        return value
    slug = slugify(value)
    if not slug:
        raise GraphnetError(f"{what}: no id can be made from the organization name '{value}'")
    for table, kind in ((net.people, "person"), (net.groups, "group")):
        if slug in table:
            raise GraphnetError(
                f"{what}: the organization '{value}' would get the id '{slug}', which is a {kind}'s id; "
                "declare the organization first with `graphnet add org NAME --id OTHER-ID`"
            )
    return value


def _today(today: date | None) -> date:
    """The day a write dates a record by default: ``today`` if given, else the real date."""
    return today or date.today()


# -- where the text goes -----------------------------------------------------------------------


def _compose(text: str) -> Node | None:
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.compose(text, Loader=loader_class)  # type: ignore[no-any-return]


def _line_start_after(text: str, index: int) -> int:
    """The offset of the line after the one holding ``index``."""
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _blank_line_separated(text: str, seq: SequenceNode, offset: int) -> bool:
    """Are the section's entries separated by blank lines (so the new one should be too)?"""
    if len(seq.value) < 2:
        return False
    before = text[:offset].rstrip(" \t")
    if before.endswith(("\n\n", "\n\r\n")) or not before.endswith("\n"):
        return False  # a blank line is there already, or this is a last line without newline
    line_start = text.rfind("\n", 0, seq.value[-1].start_mark.index)
    if line_start < 0:
        return False
    previous = text[text.rfind("\n", 0, line_start) + 1 : line_start]
    return previous.strip() == ""


#: Line breaks other than \n and \r\n, which YAML counts too (then positions are taken from a full compose).
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]|\r(?!\n)")
#: Use the strict tree's positions when the section is the file's last (no second parse); tests turn it off.
FAST_PATH = True


def _records(entries: Sequence[Fields], indent: int, prefix: str, blank: str) -> str:
    """Entries as list items; ``blank`` ("" or a line break) goes before each, as the section does."""
    return "".join(blank + record(fields, indent=indent, prefix=prefix) for fields in entries)


def _append_to_last_section(text: str, tree: Any, section: str, entries: Sequence[Fields]) -> Insertion | None:
    """The common case without composing the file again: a block list that is the file's last section.

    Returns None when the case is not that simple (the caller then composes the file).
    """
    if not isinstance(tree, YMap) or not tree or list(tree)[-1] != section or _ODD_BREAKS.search(text):
        return None
    value = tree[section]
    if not isinstance(value, YSeq) or not value:
        return None
    lines = text.split("\n")
    line, column = value.pos
    if lines[line - 1][column - 1 : column] != "-":
        return None  # flow style, or something unexpected: let the full path decide
    dash = column - 1
    step = 2
    first_line, first_column = value.item_pos[0]
    if isinstance(value[0], dict) and first_line == line:
        step = max(2, first_column - 1 - dash)
    blank = ""
    if len(value) >= 2:
        before = text.rstrip(" \t")
        last_line = value.item_pos[-1][0]
        if before.endswith("\n") and not before.endswith(("\n\n", "\n\r\n")) and last_line >= 2:
            blank = "\n" if lines[last_line - 2].strip() == "" else ""
    return Insertion(len(text), _records(entries, step, " " * dash, blank))


def _schema_line(root: Path, path: Path) -> str:
    """The editor's schema line for a new file, when the network has the schema."""
    return schema_line(root, path) if (root / SCHEMA_FILE).is_file() else ""


def _builder(section: str, fields: Fields, header: str, *, must_hold: bool) -> Any:
    """The insertion for one entry of ``section``, from the file's text and tree."""

    def build(text: str, tree: Any) -> Insertion:
        if must_hold and not (isinstance(tree, dict) and section in tree):
            raise _NotHere(f"no '{section}' section")
        return entries_insertion(text, tree, section, [fields], header)

    return build


def entries_insertion(text: str, tree: Any, section: str, entries: Sequence[Fields], header: str = "") -> Insertion:
    """Where and how to add ``entries`` at the end of ``section`` of a file, by inserting text only.

    Parameters
    ----------
    text, tree : str, tree
        The file's text and its strict tree (``None`` when empty or new).
    section : str
        The section (``interactions``...); created at the end of the file if missing.
    entries : list of fields
        Each entry's (key, value) pairs, as :func:`graphnet.files.yamlwrite.record` takes them.
    header : str
        Text put first in a new (empty) file, e.g. comments.

    Raises
    ------
    CannotExtend
        When the section is not a block list (flow style, or not a list).
    """
    if tree is None:  # new, empty or comment-only file
        return Insertion(len(text), (header if not text else "") + f"{section}:\n" + _records(entries, 2, "  ", ""))
    if FAST_PATH:
        fast = _append_to_last_section(text, tree, section, entries)
        if fast is not None:
            return fast
    root = _compose(text)
    if not isinstance(root, MappingNode) or root.flow_style:
        raise CannotExtend("the file is not a block mapping of sections")
    base = root.start_mark.column
    pairs = root.value
    index = next(
        (i for i, (k, _v) in enumerate(pairs) if isinstance(k, ScalarNode) and k.value == section),
        None,
    )
    if index is None:
        return Insertion(len(text), " " * base + f"{section}:\n" + _records(entries, 2, " " * (base + 2), ""))
    key, value = pairs[index]
    is_last = index == len(pairs) - 1
    if isinstance(value, ScalarNode) and value.value == "" and not value.style:
        # `people:` with nothing (or only comments) under it yet.
        offset = len(text) if is_last else _line_start_after(text, key.end_mark.index)
        return Insertion(offset, _records(entries, 2, " " * (base + 2), ""))
    if not isinstance(value, SequenceNode):
        raise CannotExtend(f"'{section}' is not a list")
    if value.flow_style:
        raise CannotExtend(f"'{section}' is written in flow style ([...])")
    dash = value.start_mark.column
    step = 2
    first = value.value[0] if value.value else None
    if isinstance(first, MappingNode) and first.start_mark.line == value.start_mark.line:
        step = max(2, first.start_mark.column - dash)
    if is_last:
        offset = len(text)
    else:
        end = last_leaf(value).end_mark
        offset = end.index if end.column == 0 else _line_start_after(text, end.index)
    blank = "\n" if _blank_line_separated(text, value, offset) else ""
    return Insertion(offset, _records(entries, step, " " * dash, blank))


_SECTION_KEY: dict[str, re.Pattern[bytes]] = {}  # section -> compiled regex, filled lazily


class _NotHere(CannotExtend):
    """The file does not hold the section after all (the quick text search was wrong)."""


def _holds_section(path: Path, section: str) -> bool:
    """A quick look: does a line of the file start with ``section:``? (confirmed when parsed)."""
    pattern = _SECTION_KEY.get(section)
    if pattern is None:
        pattern = re.compile(rb"(?m)^(?:\xef\xbb\xbf)?[\"']?" + section.encode() + rb"[\"']?[ \t]*:")
        _SECTION_KEY[section] = pattern
    try:
        return pattern.search(path.read_bytes()) is not None
    except OSError:
        return False


def _inside(path: Path, root: Path) -> Path | None:
    """``path`` relative to ``root`` (compared as written, then with links resolved), or None."""
    plain = Path(os.path.normpath(path.absolute()))
    base = Path(os.path.normpath(root.absolute()))
    if plain.is_relative_to(base):
        return plain.relative_to(base)
    real, real_base = plain.resolve(), base.resolve()
    return real.relative_to(real_base) if real.is_relative_to(real_base) else None


def _explicit_file(net: Network, file: str | os.PathLike[str]) -> Path:
    """The ``--file`` path: relative to the working folder when that is inside the network, else to the network."""
    given = Path(file).expanduser()
    if given.is_absolute() or _inside(Path.cwd() / given, net.root) is not None:
        path = Path(os.path.normpath(given.absolute()))
    else:
        path = Path(os.path.normpath((net.root / given).absolute()))
    relative = _inside(path, net.root)
    if relative is None or relative == Path("."):
        raise GraphnetError(f"`file` {file}: must be a file inside the network folder {display_path(net.root)}")
    if path.suffix not in (".yaml", ".yml"):
        raise GraphnetError(f"`file` {file}: graphnet only reads *.yaml and *.yml files")
    if any(part.startswith(".") for part in relative.parts):
        raise GraphnetError(f"`file` {file}: hidden files and folders are not read by graphnet")
    return path


def _free_name(folder: Path, section: str) -> Path:
    n = 2
    while (folder / f"{section}-{n}.yaml").exists() or (folder / f"{section}-{n}.yml").exists():
        n += 1
    return folder / f"{section}-{n}.yaml"


def _write(
    net: Network,
    section: str,
    fields: Fields,
    *,
    file: str | os.PathLike[str] | None,
    dry_run: bool,
    use_cache: bool = True,
) -> WriteResult:
    """Add the entry ``fields`` to ``section``, choosing the file as the module explains."""
    root = net.root
    if not root.is_dir():
        raise GraphnetError(
            f"the network folder {display_path(root)} does not exist; create it with `graphnet init {display_path(root)}`"
        )
    attempt = _attempt(root, section, fields, dry_run=dry_run, use_cache=use_cache)
    if file is not None:
        path = _explicit_file(net, file)
        try:
            return attempt(path)
        except CannotExtend as exc:
            raise GraphnetError(
                f"cannot add to {display_path(path)} by adding text alone ({exc}); nothing was written. "
                "Choose another file with `file`, or leave `file` out"
            ) from None
    candidates = [root / name for name in net.files]
    # A file an import wrote is the import's: new records go where the hand-written ones are.
    holding = [p for p in candidates if _holds_section(p, section) and import_kind(p) is None]
    refused: list[tuple[Path, str]] = []
    for path in reversed(holding):
        try:
            return attempt(path, must_hold=True)
        except _NotHere:
            continue
        except CannotExtend as exc:
            refused.append((path, str(exc)))
    if refused:
        return _write_beside(attempt, section, *refused[0])
    default = root / f"{section}.yaml"
    if import_kind(default) is None:
        return attempt(default)
    result = attempt(_free_name(root, section))
    note = f"{display_path(default)} was written by an import, so the entry went to {display_path(result.path)}"
    return replace(result, note=note)


def _attempt(root: Path, section: str, fields: Fields, *, dry_run: bool, use_cache: bool) -> Callable[..., WriteResult]:
    """``attempt(path, must_hold=False)``: add the entry to the file ``path`` (may raise CannotExtend)."""
    verify = expect_entry_added(section, read_back(fields))

    def attempt(path: Path, *, must_hold: bool = False) -> WriteResult:
        build = _builder(section, fields, _schema_line(root, path), must_hold=must_hold)
        change = append_to_file(path, build, verify, dry_run=dry_run, use_cache=use_cache)
        return WriteResult(
            path=Path(path),
            text=change.text,
            dry_run=dry_run,
            section=section,
            line=change.line,
            created=change.created,
            file_hash=change.file_hash,
        )

    return attempt


def _write_beside(attempt: Callable[..., WriteResult], section: str, last: Path, why: str) -> WriteResult:
    """The entry in a new file beside ``last``, which holds the section in a form text cannot be added to."""
    target = _free_name(last.parent, section)
    result = attempt(target)
    note = (
        f"{display_path(last)} holds '{section}' in a form graphnet cannot add to without rewriting it ({why}), "
        f"and a file may hold '{section}:' only once; so the entry went to {display_path(target)}"
    )
    return replace(result, note=note)


def _naming(
    net: Network, result: WriteResult, *pairs: tuple[str, str], new: tuple[str, str] | None = None
) -> WriteResult:
    """``result`` saying which ids it used (``(what, id)`` pairs) or made (``new``: id and name)."""
    named = [("new id", new[0], new[1])] if new is not None else []
    named += [(what, ident, net.name_of(ident)) for what, ident in pairs]
    return replace(result, named=tuple(named))


class AlreadyImported(GraphnetError):
    """``add person`` for someone an import already wrote: nothing is written, the message says what to do."""

    def __init__(self, ident: str, message: str) -> None:
        super().__init__(message)
        self.ident = ident


def _imported_as(net: Network, name: str, ident: str | None) -> list[str]:
    """The imported records ``add person NAME [--id ID]`` would duplicate: that id, or every one of that name."""
    if ident is not None:
        person = net.people.get(ident)
        return [ident] if person is not None and person.imported is not None else []
    folded = " ".join(name.casefold().split())
    same = [
        p.id for p in net.people.values() if p.imported is not None and " ".join(p.name.casefold().split()) == folded
    ]
    slug = net.people.get(slugify(name))
    if slug is not None and slug.imported is not None and slug.id not in same:
        same.insert(0, slug.id)
    return same


_IMPORT_NAMES = {"linkedin": "LinkedIn", "vcard": "a vCard file", "google": "Google Contacts"}


def _shell_word(text: str) -> str:
    return text if re.fullmatch(r"[\w.@/:+-]+", text) else "'" + text.replace("'", "'\"'\"'") + "'"


def _already_imported(net: Network, found: list[str], given: dict[str, Any]) -> str:
    """What to say to ``add person`` for someone already imported, with the ``set`` commands to run."""

    def described(ident: str) -> str:
        person = net.people[ident]
        at = f", {person.role + ' at ' if person.role else ''}{net.name_of(person.org)}" if person.org else ""
        what = "a connection" if person.strength <= 1 else "a contact"
        return f"{what} (strength {person.strength}{at})"

    def commands(ident: str) -> list[str]:
        person = net.people[ident]
        strength = given.get("strength")
        lines = [f"graphnet set {ident} strength {strength if strength is not None else 3}"]
        for key in ("org", "role", "department", "met"):
            value = given.get(key)
            if value is not None and str(value) != str(getattr(person, key) or ""):
                lines.append(f"graphnet set {ident} {key} {_shell_word(str(value))}")
        return lines

    first = net.people[found[0]]
    source = _IMPORT_NAMES.get(first.imported or "", first.imported)
    if len(found) == 1:
        head = (
            f"{first.name} is already in your network: imported from {source} ({first.source}) as {described(found[0])}"
        )
        todo = commands(found[0])
    else:
        listed = "; ".join(f"{ident} ({net.people[ident].source}), {described(ident)}" for ident in found)
        head = f"{len(found)} people named {first.name} are already in your network, imported: {listed}"
        todo = [line for ident in found for line in commands(ident)[:1]]
    return (
        f"{head}; nothing was written. To make {'them' if len(found) == 1 else 'the one you mean'} a relationship, "
        "raise the strength and set what you know:\n"
        + "\n".join(f"  {command}" for command in todo)
        + f"\nIf this is someone else with the same name, add them with `id` {_free_id(net, found[0])}."
    )


def _free_id(net: Network, ident: str) -> str:
    n = 2
    base = ident.rsplit("-", 1)[0] if ident.rsplit("-", 1)[-1].isdigit() else ident
    while f"{base}-{n}" in net.people or f"{base}-{n}" in net.organizations or f"{base}-{n}" in net.groups:
        n += 1
    return f"{base}-{n}"


# -- the public functions ------------------------------------------------------------------

W = TypeVar("W", bound=Callable[..., WriteResult])


def network_write(function: W) -> W:
    """Run a write with the whole network locked and read again under the lock.

    Ids must be unique across every file of the network, so checking them against the
    network loaded when the command started is not enough: another graphnet may have
    added the same id since, to this file or another. The write therefore takes
    :func:`~graphnet.files.fileio.network_lock` and works on the network as it is now
    (read again only if a file changed). A dry run takes no lock.
    """
    return _locked_write(function, keeps_roster=False)


def names_no_one_new(function: W) -> W:
    """A :func:`network_write` that adds no id: it keeps the roster current as it writes.

    ``log``, ``favor`` and ``intro`` only name people already in the network, so after them
    the roster (:mod:`graphnet.files.roster`) still lists everyone; it is re-stamped, under
    the network lock, with the hash of the bytes written, and the next write need not load
    the network.
    """
    return _locked_write(function, keeps_roster=True)


def _locked_write(function: W, *, keeps_roster: bool) -> W:
    @functools.wraps(function)
    def wrapper(net: Network, *args: Any, **kwargs: Any) -> WriteResult:
        if kwargs.get("dry_run"):
            return function(net, *args, **kwargs)
        if not net.root.is_dir():
            return function(net, *args, **kwargs)  # _write says what is wrong
        use_cache = kwargs.get("use_cache", True)
        with network_lock(net.root):
            fresh = reread_if_changed(net, today=kwargs.get("today"), use_cache=use_cache)
            result = function(fresh, *args, **kwargs)
            if keeps_roster and use_cache and result.file_hash is not None and not result.created:
                follow_write(fresh, result.path, result.file_hash)
            return result

    return wrapper  # type: ignore[return-value]


class WriteOptions(TypedDict, total=False):
    """How a write runs: every add, log, favor, intro and remind takes them as keywords.

    ``today``: the default date of the record (default: the real date; a date after the real
    date is refused whatever ``today`` says); ``file``: the file of the network folder to add to
    (default: see the module); ``dry_run``: write nothing (default False); ``use_cache``: use
    graphnet's parse cache (default True).
    """

    today: date | None
    file: str | os.PathLike[str] | None
    dry_run: bool
    use_cache: bool


def _dated(when: date | str | None, write: WriteOptions) -> tuple[str, date | None]:
    """The ``date`` field of an event: ``when``, by default ``today``."""
    return ("date", _date(when, "`date`", calendar_today(), default=_today(write.get("today"))))


def _add(
    net: Network,
    section: str,
    fields: Fields,
    write: WriteOptions,
    *named: tuple[str, str],
    new: tuple[str, str] | None = None,
) -> WriteResult:
    """Append the record ``fields`` to ``section``; the result says whom it names and makes (:func:`_naming`)."""
    result = _write(
        net,
        section,
        fields,
        file=write.get("file"),
        dry_run=write.get("dry_run", False),
        use_cache=write.get("use_cache", True),
    )
    return _naming(net, result, *named, new=new)


@network_write
def add_person(
    net: Network,
    name: str,
    *,
    id: str | None = None,
    org: str | None = None,
    role: str | None = None,
    department: str | None = None,
    strength: int | str | None = None,
    circles: Sequence[str] = (),
    tags: Sequence[str] = (),
    knows: Sequence[str] = (),
    met: date | str | None = None,
    introduced_by: str | None = None,
    email: str | Sequence[str] | None = None,
    phone: str | None = None,
    url: str | None = None,
    notes: str | None = None,
    **write: Unpack[WriteOptions],
) -> WriteResult:
    """Add a person under ``people:``.

    Parameters
    ----------
    net : Network
        The loaded network (ids are checked against it).
    name : str
        The person's name; the id is made from it unless ``id`` is given.
    org, role, department : str, optional
        Where they work now (``org`` is a name or id; new names are fine).
    strength : int, optional
        How close you are, 0-5 (default left to the format: 2).
    circles, tags : list of str
    knows : list of str
        People (ids or names) this person knows.
    met : date or 'YYYY-MM-DD', optional
    introduced_by : str, optional
        The person (id or name) who introduced you.
    email : str or list of str, optional
        One address, or several (written as a list).
    phone, url, notes : str, optional
    **write : WriteOptions
        ``file`` (write to this file of the network folder instead of the default), ``dry_run``
        (return what would be written without writing), ``use_cache`` (graphnet's parse cache for
        the file written, see :func:`graphnet.files.fileio.append_to_file`); ``today`` is taken and
        not needed: ``met`` is checked against the real date.

    Returns
    -------
    WriteResult

    Raises
    ------
    GraphnetError
        An unknown person in ``knows``/``introduced_by``, a taken id, a bad value,
        or a file that cannot be written; nothing is written then.
    """
    name_ = _text(name, "the name", required=True)
    assert name_ is not None
    imported = _imported_as(net, name_, id)
    if imported:
        given = {"strength": strength, "org": org, "role": role, "department": department, "met": met}
        raise AlreadyImported(imported[0], _already_imported(net, imported, given))
    ident = _new_id(net, name_, id, "person")
    known: list[str] = []
    for other in _texts(knows, "`knows`"):
        other_id = _person(net, other, f"`knows` {other}", allow_me=False)
        if other_id == ident:
            raise GraphnetError(f"`knows` {other}: a person cannot know themself")
        if other_id not in known:
            known.append(other_id)
    introducer = _person(net, introduced_by, "`introduced_by`", allow_me=False) if introduced_by else None
    fields: Fields = [
        ("id", ident if id is not None else None),
        ("name", name_),
        ("org", _org_name(net, org, "`org`")),
        ("role", _text(role, "`role`")),
        ("department", _text(department, "`department`")),
        ("circles", _texts(circles, "`circles`") or None),
        ("tags", _texts(tags, "`tags`") or None),
        ("strength", _strength(strength)),
        ("met", _date(met, "`met`", calendar_today())),
        ("introduced_by", introducer),
        ("knows", known or None),
        ("email", _one_or_list(_texts(email, "`email`"))),
        ("phone", _text(phone, "`phone`")),
        ("url", _text(url, "`url`")),
        ("notes", _text(notes, "`notes`")),
    ]
    used = [("knows", k) for k in known] + ([("introduced by", introducer)] if introducer else [])
    return _add(net, "people", fields, write, *used, new=(ident, name_))


@network_write
def add_org(
    net: Network,
    name: str,
    *,
    id: str | None = None,
    aliases: Sequence[str] = (),
    industry: str | None = None,
    competitors: Sequence[str] = (),
    notes: str | None = None,
    **write: Unpack[WriteOptions],
) -> WriteResult:
    """Add an organization under ``organizations:``.

    An organization only *named* so far (in someone's ``org``) may be declared
    this way; one already declared, or whose name or alias matches ``name``, is
    refused.
    """
    name_ = _text(name, "the name", required=True)
    assert name_ is not None
    existing = net.find_organization(name_)
    if existing is not None and net.organizations[existing].declared:
        org = net.organizations[existing]
        raise GraphnetError(f"the organization '{org.name}' ({org.id}) is already declared at {org.source}")
    ident = _new_id(net, name_, id, "organization", replaceable_org=True)
    alias_texts = _texts(aliases, "`aliases`")
    new = Organization(id=ident, name=name_, aliases=alias_texts)
    declared = [o for o in net.organizations.values() if o.declared and o.id != ident]
    for org, index, why in alias_clashes([*declared, new]):
        if org is new:
            raise GraphnetError(f"`aliases` {alias_texts[index]}: {why}; an alias must name one organization only")
    fields: Fields = [
        ("id", ident if id is not None else None),
        ("name", name_),
        ("aliases", alias_texts or None),
        ("industry", _text(industry, "`industry`")),
        ("competitors", [c for c in (_org_name(net, c, "`competitors`") for c in competitors) if c] or None),
        ("notes", _text(notes, "`notes`")),
    ]
    return _add(net, "organizations", fields, write, new=(ident, name_))


@network_write
def add_group(
    net: Network,
    name: str,
    *,
    id: str | None = None,
    kind: str | None = None,
    members: Sequence[str] = (),
    notes: str | None = None,
    **write: Unpack[WriteOptions],
) -> WriteResult:
    """Add a group (a club, an alumni network, a team…) under ``groups:``; ``me`` may be a member."""
    name_ = _text(name, "the name", required=True)
    assert name_ is not None
    ident = _new_id(net, name_, id, "group")
    member_ids: list[str] = []
    for member in _texts(members, "`members`"):
        member_id = _person(net, member, f"`members` {member}", allow_me=True)
        if member_id not in member_ids:
            member_ids.append(member_id)
    fields: Fields = [
        ("id", ident if id is not None else None),
        ("name", name_),
        ("kind", _text(kind, "`kind`")),
        ("members", member_ids or None),
        ("notes", _text(notes, "`notes`")),
    ]
    return _add(net, "groups", fields, write, *(("member", m) for m in member_ids), new=(ident, name_))


@names_no_one_new
def log_interaction(
    net: Network,
    people: Sequence[str],
    *,
    kind: str | None = None,
    note: str | None = None,
    date: date | str | None = None,
    **write: Unpack[WriteOptions],
) -> WriteResult:
    """Log that you met, called or wrote to ``people`` (ids or names) on ``date`` (default today)."""
    who: list[str] = []
    for text in _texts(people, "the person"):
        ident = _person(net, text, text, allow_me=False)
        if ident not in who:
            who.append(ident)
    if not who:
        raise GraphnetError("name at least one person you were in touch with")
    fields: Fields = [
        _dated(date, write),
        ("with", who[0] if len(who) == 1 else who),
        ("kind", _text(kind, "`kind`")),
        ("note", _text(note, "`note`")),
    ]
    return _add(net, "interactions", fields, write, *(("with", w) for w in who))


@names_no_one_new
def add_favor(
    net: Network,
    giver: str,
    receiver: str,
    *,
    what: str,
    kind: str | None = None,
    date: date | str | None = None,
    **write: Unpack[WriteOptions],
) -> WriteResult:
    """Record a favor from ``giver`` to ``receiver`` (ids, names or ``me``) on ``date`` (default today)."""
    from_ = _person(net, giver, "`giver`", allow_me=True)
    to = _person(net, receiver, "`receiver`", allow_me=True)
    if from_ == to:
        raise GraphnetError(f"`giver` and `receiver` are both '{from_}'; a favor goes from one person to another")
    fields: Fields = [
        _dated(date, write),
        ("from", from_),
        ("to", to),
        ("kind", _text(kind, "`kind`")),
        ("what", _text(what, "`what`", required=True)),
    ]
    return _add(net, "favors", fields, write, ("from", from_), ("to", to))


@names_no_one_new
def add_introduction(
    net: Network,
    by: str,
    a: str,
    b: str,
    *,
    status: str = DEFAULT_INTRODUCTION_STATUS,
    note: str | None = None,
    date: date | str | None = None,
    **write: Unpack[WriteOptions],
) -> WriteResult:
    """Record that ``by`` introduced ``a`` and ``b`` (ids, names or ``me``).

    ``status`` is one of requested, made (default), met, declined.
    """
    status_ = (status or DEFAULT_INTRODUCTION_STATUS).strip()
    if status_ not in INTRODUCTION_STATUSES:
        hint = did_you_mean(status_, INTRODUCTION_STATUSES)
        raise GraphnetError(
            f"`status` must be one of {', '.join(INTRODUCTION_STATUSES)}, not '{status}'"
            + (f"; {hint}" if hint else "")
        )
    by_id = _person(net, by, "`by`", allow_me=True)
    first = _person(net, a, a, allow_me=True)
    second = _person(net, b, b, allow_me=True)
    if first == second:
        raise GraphnetError(f"'{first}' is named twice; name the two people introduced")
    if by_id in (first, second):
        raise GraphnetError(f"'{by_id}' cannot introduce themself; `by` is the person who made the introduction")
    fields: Fields = [
        _dated(date, write),
        ("by", by_id),
        ("people", [first, second]),
        ("status", status_),
        ("note", _text(note, "`note`")),
    ]
    return _add(net, "introductions", fields, write, ("by", by_id), ("introduced", first), ("introduced", second))


@names_no_one_new
def add_reminder(
    net: Network,
    person: str,
    *,
    on: date | str,
    note: str | None = None,
    **write: Unpack[WriteOptions],
) -> WriteResult:
    """Plan a follow-up with ``person`` on ``on`` (may be in the future): reach-outs lists it from that day."""
    ident = _person(net, person, "PERSON", allow_me=False)
    when = _date(on, "`on`", date.max)  # the one record allowed a future date
    if when is None:
        raise GraphnetError("`on`: give the day to follow up, YYYY-MM-DD")
    fields: Fields = [("date", when), ("person", ident), ("note", _text(note, "`note`"))]
    return _add(net, "reminders", fields, write, ("person", ident))
