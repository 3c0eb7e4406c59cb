"""Read a network folder into a :class:`~graphnet.model.Network` and its problems.

``load`` never raises for bad data: like Beancount's loader it returns
``(network, problems)``. Reading happens in three steps:

1. every ``*.yaml``/``*.yml`` file below the folder is parsed strictly
   (:mod:`graphnet.yamlread`), or taken from the cache when its bytes are unchanged;
2. each section's records are converted by graphnet's own schema (this module),
   which reports wrong types, unknown keys and bad values at their line;
3. the validators of :mod:`graphnet.validation` check what needs the whole
   network (references, duplicate ids across files, look-alike organizations).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import Problem, did_you_mean
from ..gcpause import paused_gc
from ..model import (
    CADENCE_RANGE,
    COUNT_MAX,
    DEFAULT_INTRODUCTION_STATUS,
    INTRODUCTION_STATUSES,
    ME,
    SETTING_RANGES,
    STRENGTH_RANGE,
    Favor,
    Group,
    Interaction,
    Introduction,
    Job,
    Me,
    Network,
    Organization,
    Person,
    Reference,
    Reminder,
    Settings,
    Source,
    Tie,
    calendar_today,
    setting_range_text,
    slugify,
)
from ..orgnames import OrganizationNames, alias_clashes, is_not_organization
from ..text import display_path
from . import built, format
from .built import FilePart, OrgMention
from .ids import IdRegistry, default_id, id_problem
from .readers import RecordReader
from .yamlread import YMap, YSeq, parse_bytes

__all__ = ["SECTIONS", "Reference", "data_files", "display_path", "load", "read_tree", "reread_if_changed"]

SECTIONS = tuple(format.SECTIONS)
PERSON_KEYS = format.keys("person")
KNOWS_KEYS = format.keys("knows")
JOB_KEYS = format.keys("job")
#: What an entry of ``past_orgs`` and of ``knows`` may be: (one entry, a list of them), for the loader's messages.
_JOB_FORMS = ("an organization name or an {org, role, from, to}", "organizations or {org, role, from, to}")
_TIE_FORMS = ("a person id or an {id, strength, since, note}", "person ids or {id, strength, since, note}")
ORG_KEYS = format.keys("organization")
GROUP_KEYS = format.keys("group")
INTRODUCTION_KEYS = format.keys("introduction")
INTERACTION_KEYS = format.keys("interaction")
FAVOR_KEYS = format.keys("favor")
REMINDER_KEYS = format.keys("reminder")
ME_KEYS = format.keys("me")
#: The first line an import writes (graphnet.io.imports): its records are imported ones.
IMPORT_MARK = re.compile(rb"# Imported by `graphnet import ([a-z]+)`")


def data_files(root: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` file below ``root``, hidden files and folders skipped, sorted.

    A file reached twice (a symbolic or hard link to another data file) is listed once, under
    the first name in this order, so its records are not counted twice. A dangling link is
    listed, so that the loader reports it. Folders reached through a symbolic link are not
    read (:func:`data_files_and_links`).
    """
    return data_files_and_links(root)[0]


def data_files_and_links(root: Path) -> tuple[list[Path], list[Path]]:
    """:func:`data_files`, and the folders below ``root`` that are symbolic links (not read), in one walk."""
    found: list[Path] = []
    linked: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        linked.extend(Path(folder) / d for d in dirs if os.path.islink(os.path.join(folder, d)))
        for name in sorted(files):
            if not name.startswith(".") and name.endswith((".yaml", ".yml")):
                path = Path(folder) / name
                try:
                    status = os.stat(path)  # follows links: the file the name leads to
                except OSError:
                    found.append(path)
                    continue
                identity = (status.st_dev, status.st_ino)
                if identity not in seen:
                    seen.add(identity)
                    found.append(path)
    return found, linked


def _linked_folder_warnings(linked: list[Path]) -> list[Problem]:
    """A warning for each folder the loader does not read because it is a symbolic link."""
    return [
        Problem(
            display_path(folder),
            0,
            0,
            "warning",
            "this folder is a symbolic link, and graphnet does not read folders through links (their files "
            "could be read twice, or come from outside the network): move its files into the network folder, "
            "or link each file instead of the folder",
        )
        for folder in linked
    ]


def import_kind(path: Path) -> str | None:
    """The import that wrote ``path`` (``linkedin``, ``vcard``…), from its first line; None when written by hand."""
    try:
        with path.open("rb") as handle:
            first = handle.read(64)
    except OSError:
        return None
    return _import_kind_of(first)


def _import_kind_of(data: bytes) -> str | None:
    match = IMPORT_MARK.match(data[:64].removeprefix(b"\xef\xbb\xbf"))
    return match.group(1).decode("ascii") if match else None


def _read_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or None and the problem saying why it cannot be read."""
    try:
        return path.read_bytes(), []
    except OSError as exc:
        why = exc.strerror or str(exc)
        if path.is_symlink() and not path.exists():
            why = f"it is a symbolic link to '{os.readlink(path)}', which does not exist; fix or remove the link"
        return None, [Problem(shown, 0, 0, "error", f"cannot read the file: {why}")]


def read_tree(path: Path, shown: str, *, use_cache: bool = True) -> tuple[Any, list[Problem]]:
    """One file's strict YAML tree and its syntax problems (through the cache if allowed)."""
    data, problems = _read_bytes(path, shown)
    if data is None:
        return None, problems
    return _parse(data, shown, use_cache)


def _parse(data: bytes, shown: str, use_cache: bool) -> tuple[Any, list[Problem]]:
    if use_cache:
        from .cache import parse_cached

        return parse_cached(data, shown)
    return parse_bytes(data, shown)


def load(
    root: str | os.PathLike[str],
    *,
    today: date | None = None,  # noqa: ARG001 - accepted from every caller; see below
    use_cache: bool = True,
) -> tuple[Network, list[Problem]]:
    """Load the network kept in the folder ``root``.

    Parameters
    ----------
    root : path
        The network folder; every ``*.yaml``/``*.yml`` file below it is read.
    today : date, optional
        Not used by the loading itself, which is the same whatever day answers are given as
        of: records dated after ``today`` are valid (the answers leave them out), and a date
        after the real calendar date (:func:`graphnet.model.calendar_today`) is an error, a typo.
    use_cache : bool
        Reuse parsed files whose bytes are unchanged (see :mod:`graphnet.cache`).

    Returns
    -------
    (Network, list of Problem)
        The problems are sorted by file and line; the network holds every
        record that could be read, even when there are errors.
    """
    # Loading allocates millions of objects and frees none: see graphnet.gcpause. The network is
    # kept for long (frozen), or the collector's next pass walks every record once more.
    with paused_gc(freeze=True):
        net, problems = _load(Path(root), use_cache)
        if use_cache:
            from .roster import store_roster

            store_roster(net, sum(1 for p in problems if p.is_error))
    return net, problems


def reread_if_changed(net: Network, *, today: date | None = None, use_cache: bool = True) -> Network:
    """``net`` when its folder still holds exactly the bytes it was loaded from, else the folder loaded again.

    Writers call it while holding :func:`graphnet.files.fileio.network_lock`, so that ids and
    references are checked against the network as it is, not as it was when the command started.
    """
    from .cache import fingerprint

    if net.digest and net.root.is_dir() and fingerprint(data_files(net.root), net.root) == net.digest:
        return net
    fresh, _problems = load(net.root, today=today, use_cache=use_cache)
    return fresh


def _read_file(builder: _Builder, data: bytes, file_hash: bytes, shown: str, use_cache: bool) -> bool:
    """Add one file's records to ``builder``: from the built-records cache when it holds them, else
    parsed (through the parse cache when allowed) and built, then kept there. False when it cannot be parsed.
    """
    imported = _import_kind_of(data)
    key = built.entry_key(file_hash, shown)
    if use_cache:
        part = built.read_part(key, shown, builder.today)
        if part is not None and builder.take(part):
            return True
        appended = built.read_appended(file_hash, shown, builder.today)
        if appended is not None:
            grown = builder.take_appended(*appended, shown, imported)
            if grown is not None:
                if grown.part is not None:
                    built.store_part(key, grown.part, shown)
                return True
    tree, problems = _parse(data, shown, use_cache)
    mark = builder.start_file(problems)
    if tree is None:
        builder.end_file(mark)
        return not any(p.is_error for p in problems)
    builder.add_file(tree, shown, imported)
    part = builder.end_file(mark)
    if use_cache and part is not None:
        built.store_part(key, part, shown)
    return True


def _load(root_path: Path, use_cache: bool) -> tuple[Network, list[Problem]]:
    net = Network(root=root_path)
    shown_root = display_path(root_path)
    if not root_path.is_dir():
        what = "is not a folder" if root_path.exists() else "does not exist"
        return net, [
            Problem(
                shown_root,
                0,
                0,
                "error",
                f"the data folder {what}; create a network with `graphnet init {shown_root}`, "
                "or point `root` at your network folder",
            )
        ]
    files, linked = data_files_and_links(root_path)
    if not files:
        return net, [
            *_linked_folder_warnings(linked),
            Problem(
                shown_root,
                0,
                0,
                "error",
                "the data folder holds no *.yaml files; start one with "
                f"`graphnet init {shown_root}`, or point `root` at your network folder",
            ),
        ]
    # "In the future" means after the real date (a typo), not after --today: a record dated
    # after --today is valid, and the answers leave it out.
    builder = _Builder(net, calendar_today())
    unreadable: list[str] = []
    digest = hashlib.sha256()
    hashes: list[bytes] = []
    from .cache import add_to_fingerprint

    for path in files:
        shown = display_path(path)
        net.files.append(str(path.relative_to(root_path)))
        data, problems = _read_bytes(path, shown)
        hashes.append(add_to_fingerprint(digest, path, root_path, data))
        if data is None:
            builder.problems.extend(problems)
            unreadable.append(shown)
        elif not _read_file(builder, data, hashes[-1], shown, use_cache):
            unreadable.append(shown)
    net.digest = digest.hexdigest()
    net.file_hashes = hashes
    builder.finish()
    net.dated_until = builder.latest
    from .validation import VALIDATORS, Loaded, in_fix_order

    problems = builder.problems
    loaded = Loaded(net, builder.references)
    for validator in VALIDATORS:
        problems.extend(validator(loaded))
    problems.extend(_linked_folder_warnings(linked))
    return net, in_fix_order(problems, unreadable)


@dataclass
class _Grown:
    """A file read as a cached part plus the records added to it: the new part (None: not to keep)."""

    part: FilePart | None


class _Builder(RecordReader):
    """Converts YAML trees into records, noting problems and references."""

    def __init__(self, net: Network, today: date) -> None:
        super().__init__()
        self.net = net
        self.today = today
        self.references: list[Reference] = []
        self.me_source: Source | None = None
        #: Where each declared organization's aliases are written, in order.
        self.alias_positions: dict[str, list[Source]] = {}
        #: Where the key of the section being read is written (``me:`` of a second me section).
        self.section_key: tuple[int, int] = (1, 1)
        #: Organization names as written, each with its place and the record and attribute it sets
        #: (a list attribute gets the id appended), resolved in finish().
        self.org_mentions: list[OrgMention] = []
        self.ids = IdRegistry()
        self.imported: str | None = None  # the import that wrote the file being read
        #: The ids the file being read declared: (id, kind, where).
        self.file_claims: list[tuple[str, str, Source]] = []
        #: Whether reading the file being read looked at another file (an id or ``me`` it had already).
        self.crossed = False
        #: The latest date of the file being read compared with ``today`` (date.min: none).
        self.checked = date.min

    # -- ids ---------------------------------------------------------------------------

    def ident(self, rec: YMap, where: str, name: str | None) -> str | None:
        """The record's id: explicit, else the slug of its name (see :mod:`graphnet.files.ids`)."""
        explicit = rec.get("id")
        if explicit is not None and explicit != "":
            value = self.text(rec, "id", where)
            if value is None:
                return None
            problem = id_problem(value)
            if problem is not None:
                self.error(rec.value_pos["id"], f"{where}: {problem}")
                return None
            return value
        if name is None:
            return None
        made = default_id(name)
        if made is None:
            self.error(rec.pos, f"{where}: no id can be made from the name '{name}'; add an explicit 'id:'")
        return made

    def claim(self, ident: str, kind: str, source: Source, where: str, explicit: bool) -> bool:
        """Record a declared id; ids are unique across people, organizations and groups."""
        first = self.ids.claim(ident, kind, source)
        if first is None:
            self.file_claims.append((ident, kind, source))
            return True
        first_kind, first_source = first
        if first_source.path != self.path:
            self.crossed = True
        how = "" if explicit else " (made from the name)"
        self.error(
            source,
            f"{where}: the id '{ident}'{how} is already used by a {first_kind} at {first_source}; "
            "ids must be unique across the whole folder: give one of them a different explicit 'id:'",
        )
        return False

    # -- references ----------------------------------------------------------------------

    def ref(self, value: str, kinds: tuple[str, ...], where: str, pos: tuple[int, int]) -> str:
        self.references.append((value, kinds, where, self.path, pos[0], pos[1]))
        return value

    def org_mention(self, text: str, pos: tuple[int, int], record: Any, attribute: str) -> None:
        self.org_mentions.append((text, self.src(pos), record, attribute))

    def after_today(self, when: date) -> bool:
        """Whether ``when`` is after the real date (noting the latest date compared, for the cache)."""
        if when > self.checked:
            self.checked = when
        return when > self.today

    # -- one file at a time, and the built-records cache (graphnet.files.built) ---------------

    def start_file(self, problems: list[Problem]) -> tuple[Any, ...]:
        """Begin a file whose parse found ``problems``; what :meth:`end_file` needs to cut out its part."""
        net = self.net
        mark = (
            len(self.problems),
            *(len(table) for table in (net.people, net.organizations, net.groups)),
            *(len(records) for records in (net.introductions, net.interactions, net.favors, net.reminders)),
            len(self.references),
            len(self.org_mentions),
            self.me_source,
            self.latest,
            set(self.alias_positions),
        )
        self.file_claims, self.crossed, self.checked, self.latest = [], False, date.min, date.min
        self.problems.extend(problems)
        return mark

    def end_file(self, mark: tuple[Any, ...]) -> FilePart | None:
        """The part the file begun at ``mark`` added; None when reading it looked at another file."""
        problems, people, orgs, groups, intros, interactions, favors, reminders, refs, mentions = mark[:10]
        me_before, latest_before, aliased = mark[10:]
        latest, self.latest = self.latest, max(latest_before, self.latest)
        if self.crossed:
            return None
        net = self.net
        me_read = self.me_source is not None and self.me_source is not me_before
        return FilePart(
            me=net.me if me_read else None,
            me_key=(self.me_source.line, self.me_source.column) if me_read and self.me_source else None,
            people=list(islice(net.people.values(), people, None)),
            organizations=list(islice(net.organizations.values(), orgs, None)),
            groups=list(islice(net.groups.values(), groups, None)),
            introductions=net.introductions[intros:],
            interactions=net.interactions[interactions:],
            favors=net.favors[favors:],
            reminders=net.reminders[reminders:],
            claims=list(self.file_claims),
            references=self.references[refs:],
            mentions=self.org_mentions[mentions:],
            alias_positions={k: v for k, v in self.alias_positions.items() if k not in aliased},
            problems=self.problems[problems:],
            latest=latest,
            checked=self.checked,
            today=self.today,
            imported=self.imported,
        )

    def take(self, part: FilePart) -> bool:
        """Add a file's cached part; False (nothing added) when it would clash with the files read before it."""
        if part.me is not None and self.me_source is not None:
            return False
        owner = self.ids.owner
        if any(owner(ident) is not None for ident, _, _ in part.claims):
            return False
        for ident, kind, source in part.claims:
            self.ids.claim(ident, kind, source)
        net = self.net
        if part.me is not None and part.me_key is not None:
            net.me = part.me
            self.me_source = Source(part.me.source.path, *part.me_key)
        for person in part.people:
            net.people[person.id] = person
        for org in part.organizations:
            net.organizations[org.id] = org
        for group in part.groups:
            net.groups[group.id] = group
        net.introductions.extend(part.introductions)
        net.interactions.extend(part.interactions)
        net.favors.extend(part.favors)
        net.reminders.extend(part.reminders)
        self.references.extend(part.references)
        self.org_mentions.extend(part.mentions)
        self.alias_positions.update(part.alias_positions)
        self.problems.extend(part.problems)
        self.latest = max(self.latest, part.latest)
        return True

    def take_appended(
        self, part: FilePart, section: str, index: int, items: YSeq, shown: str, imported: str | None
    ) -> _Grown | None:
        """Add a file that is an earlier file (its cached ``part``) plus ``items``, the records at
        ``index`` onwards of its last ``section``; None (nothing added) when the part cannot be taken."""
        if part.imported != imported:
            return None
        mark = self.start_file([])
        if not self.take(part):
            self.end_file(mark)
            return None
        self.file_claims.extend(part.claims)
        self.checked = max(self.checked, part.checked)
        self.path, self.imported, self.first_index = shown, imported, index
        try:
            getattr(self, f"section_{section}")(items)
        finally:
            self.first_index = 0
        return _Grown(self.end_file(mark))

    # -- files and sections -------------------------------------------------------------

    def add_file(self, tree: Any, path: str, imported: str | None = None) -> None:
        self.path = path
        self.imported = imported
        if not isinstance(tree, YMap):
            self.error(
                (1, 1),
                "a data file must be a mapping of sections (me:, people:, organizations:, groups:, introductions:, interactions:, favors:)",
            )
            return
        for key, value in tree.items():
            if key not in SECTIONS:
                hint = did_you_mean(key, SECTIONS)
                self.error(
                    tree.key_pos[key],
                    f"unknown section '{key}'" + (f"; {hint}" if hint else "") + f" (allowed: {', '.join(SECTIONS)})",
                )
                continue
            self.section_key = tree.key_pos[key]
            getattr(self, f"section_{key}")(value)

    def section_me(self, value: Any) -> None:
        if not isinstance(value, YMap):
            if value not in (None, ""):
                self.error(getattr(value, "pos", (1, 1)), "'me' must be a mapping (name:, targets:, cadence:, …)")
            return
        source = self.src(value.pos)
        key_source = self.src(self.section_key)
        if self.me_source is not None:
            self.crossed = self.crossed or self.me_source.path != self.path
            self.error(
                key_source,
                f"'me' is written twice (first at {self.me_source}); keep one 'me' section in the whole folder",
            )
            return
        self.me_source = key_source
        where = "me"
        self.check_keys(value, ME_KEYS, where)
        me = Me(source=source)
        self.fill(me, value, "me", where, skip=("looking_for",))
        for i, target in enumerate(self.texts(value, "targets", where)):
            pos = self.item_pos(value, "targets", i)
            self.org_mention(target, pos, me, "targets")
        me.looking_for = [text.strip() for text in self.texts(value, "looking_for", where) if text.strip()]
        self.my_history(value, me)
        cadence = value.get("cadence")
        if isinstance(cadence, YMap):
            for key in list(cadence):
                strength = key.strip()
                where_c = f"me > cadence > {key}"
                level = self.whole_number(strength)
                if level is None or not STRENGTH_RANGE[0] <= level <= STRENGTH_RANGE[1]:
                    self.error(
                        cadence.key_pos[key], f"{where_c}: keys of 'cadence' are strengths from 0 to 5, not '{key}'"
                    )
                    continue
                number = self.integer(cadence, key, "me > cadence", *CADENCE_RANGE, " of days")
                if number is not None:
                    me.cadence[level] = number
        elif cadence not in (None, ""):
            self.error(
                value.value_pos["cadence"],
                "me: 'cadence' must map strengths to days, e.g. {5: 21, 4: 45, 3: 90, 2: 180, 1: 365}",
            )
        me.settings = self.settings(value)
        self.net.me = me

    def settings(self, value: YMap) -> Settings:
        """The tuning settings written under ``me:`` (each within its range), the defaults for the rest."""
        where = "me"
        settings = Settings()
        for f in fields(Settings):
            if f.name not in value:
                continue
            default = getattr(settings, f.name)
            raw = self.text(value, f.name, where)
            if raw is None:
                continue
            raw = raw.strip()
            pos = value.value_pos[f.name]
            value_read = self.setting_value(raw, default)
            low, high = SETTING_RANGES[f.name]
            if value_read is None or not low <= value_read <= high:
                kind = "a whole number" if isinstance(default, int) else "a number"
                self.error(
                    pos,
                    f"me: '{f.name}' must be {kind} {setting_range_text(f.name)} (default {default}), not '{raw}'",
                )
            else:
                setattr(settings, f.name, value_read)
        return settings

    def my_history(self, value: YMap, me: Me) -> None:
        """``me``'s own job history and details, read as a person's are."""
        where = "me"
        org = self.text(value, "org", where)
        if org is not None:
            self.org_mention(org, value.value_pos["org"], me, "org")
        me.past_orgs = self.jobs(value, where)
        me.email = me.emails[0] if me.emails else None

    def named_records(self, value: Any, section: str) -> Iterator[tuple[YMap, str, str, str, Source]]:
        """``(record, where, id, name, source)`` of each record of a section of named records
        (people, organizations, groups) that has a name and an id of its own."""
        kind = format.SECTIONS[section]
        for i, rec in self.record_maps(value, section):
            where = f"{section}[{i}]"
            name = self.text(rec, "name", where, required=True)
            ident = self.ident(rec, where, name)
            if ident is not None:
                where = f"{section}[{i}] (id '{ident}')"
            elif name is not None:
                where = f"{section}[{i}] ({name})"
            self.check_keys(rec, format.keys(kind), where)
            if ident is None or name is None:
                continue
            source = self.src(rec.pos)
            if self.claim(ident, kind, source, where, "id" in rec):
                yield rec, where, ident, name, source

    def section_people(self, value: Any) -> None:
        for rec, where, ident, name, source in self.named_records(value, "people"):
            person = Person(id=ident, name=name, source=source, imported=self.imported)
            org = self.text(rec, "org", where)
            if org is not None:
                self.org_mention(org, rec.value_pos["org"], person, "org")
            self.fill(person, rec, "person", where)
            person.past_orgs = self.jobs(rec, where)
            if person.met is not None and self.after_today(person.met):
                self.error(
                    rec.value_pos["met"],
                    f"{where}: 'met' ({person.met}) is in the future (today is {self.today}); fix the date",
                )
            if person.connected is not None and self.after_today(person.connected):
                self.error(
                    rec.value_pos["connected"],
                    f"{where}: 'connected' ({person.connected}) is in the future (today is {self.today}); fix the date",
                )
            if person.last_contact is not None and self.after_today(person.last_contact):
                self.error(
                    rec.value_pos["last_contact"],
                    f"{where}: 'last_contact' ({person.last_contact}) is in the future (today is {self.today}); fix the date",
                )
            introducer = self.text(rec, "introduced_by", where)
            if introducer is not None and introducer.strip() == ident:
                self.error(
                    rec.value_pos["introduced_by"],
                    f"{where}: 'introduced_by' names the person themself; "
                    "it is the person who introduced you to them: fix or remove it",
                )
            elif introducer is not None:
                person.introduced_by = self.ref(
                    introducer, ("person",), f"{where} > introduced_by", rec.value_pos["introduced_by"]
                )
            person.knows = self.ties(rec, where, ident)
            person.email = person.emails[0] if person.emails else None
            self.net.people[ident] = person

    def listed(
        self, rec: YMap, key: str, where: str, one: str, many: str
    ) -> Iterator[tuple[str, tuple[int, int], str | YMap]]:
        """``(where, position, entry)`` of each name or record listed under ``key`` (a lone name: a list of one).

        ``one`` and ``many`` say what an entry is (``a person id``, ``person ids``) and the record
        form it may take; anything else is an error, and an empty entry is passed over.
        """
        value = rec.get(key)
        if value is None or value == "":
            return
        if isinstance(value, str):
            yield f"{where} > {key}[0]", rec.value_pos[key], value
            return
        if not isinstance(value, YSeq):
            self.error(rec.value_pos[key], f"{where}: '{key}' must be a list of {many} records")
            return
        for i, item in enumerate(value):
            w = f"{where} > {key}[{i}]"
            if (isinstance(item, str) and item) or isinstance(item, YMap):
                yield w, value.item_pos[i], item
            elif item is not None and item != "":
                self.error(value.item_pos[i], f"{w}: must be {one} record")

    def jobs(self, rec: YMap, where: str) -> list[Job]:
        jobs: list[Job] = []
        for w, pos, item in self.listed(rec, "past_orgs", where, *_JOB_FORMS):
            job = Job(org="", source=self.src(pos))
            if isinstance(item, str):
                self.org_mention(item, pos, job, "org")
                jobs.append(job)
                continue
            self.check_keys(item, JOB_KEYS, w)
            org = self.text(item, "org", w, required=True)
            if org is None:
                continue
            self.fill(job, item, "job", w)
            if job.start and job.end and job.start > job.end:
                self.error(item.value_pos["to"], f"{w}: 'to' ({job.end}) is before 'from' ({job.start}); swap them")
            self.org_mention(org, item.value_pos["org"], job, "org")
            jobs.append(job)
        return jobs

    def ties(self, rec: YMap, where: str, ident: str) -> list[Tie]:
        ties: list[Tie] = []
        for w, pos, item in self.listed(rec, "knows", where, *_TIE_FORMS):
            if isinstance(item, str):
                tie = Tie(other=item, source=self.src(pos))
            else:
                self.check_keys(item, KNOWS_KEYS, w)
                other = self.text(item, "id", w, required=True)
                if other is None:
                    continue
                pos = item.value_pos["id"]
                tie = Tie(other=other, source=self.src(item.pos))
                self.fill(tie, item, "knows", w)
            if tie.other == ident:
                self.error(pos, f"{w}: a person cannot know themself; remove this entry")
                continue
            if tie.other == ME:
                self.error(
                    pos,
                    f"{w}: your own tie to {ident} is their 'strength' field, not a 'knows' entry; remove 'me' here",
                )
                continue
            self.ref(tie.other, ("person",), w, pos)
            ties.append(tie)
        return ties

    def section_organizations(self, value: Any) -> None:
        for rec, where, ident, name, source in self.named_records(value, "organizations"):
            org = Organization(id=ident, name=name, source=source)
            self.fill(org, rec, "organization", where)
            self.alias_positions[ident] = [self.src(self.item_pos(rec, "aliases", j)) for j in range(len(org.aliases))]
            for j, other in enumerate(self.texts(rec, "competitors", where)):
                pos = self.item_pos(rec, "competitors", j)
                self.org_mention(other, pos, org, "competitors")
            self.net.organizations[ident] = org

    def section_groups(self, value: Any) -> None:
        for rec, where, ident, name, source in self.named_records(value, "groups"):
            group = Group(id=ident, name=name, source=source)
            self.fill(group, rec, "group", where)
            seen: set[str] = set()
            for j, member in enumerate(self.texts(rec, "members", where)):
                pos = self.item_pos(rec, "members", j)
                if member in seen:
                    self.error(pos, f"{where} > members[{j}]: '{member}' is listed twice; remove one", "warning")
                    continue
                seen.add(member)
                group.members.append(self.ref(member, ("person", "me"), f"{where} > members[{j}]", pos))
            self.net.groups[ident] = group

    def event_date(self, rec: YMap, where: str, *, required: bool, future: str) -> date | None:
        when = self.date_field(rec, "date", where, required=required)
        if when is not None and self.after_today(when):
            self.error(
                rec.value_pos["date"], f"{where}: 'date' ({when}) is after today ({self.today}); {future}", "warning"
            )
        return when

    def section_introductions(self, value: Any) -> None:
        for i, rec in self.record_maps(value, "introductions"):
            where = f"introductions[{i}]"
            self.check_keys(rec, INTRODUCTION_KEYS, where)
            when = self.event_date(rec, where, required=False, future="is it planned? give the date it was made")
            by = self.text(rec, "by", where, required=True)
            pair = self.texts(rec, "people", where)
            if len(pair) != 2:
                pos = rec.value_pos.get("people", rec.pos)
                self.error(
                    pos,
                    f"{where}: 'people' must name exactly the two people introduced, e.g. people: [ada-lovelace, me]",
                )
                continue
            if pair[0] == pair[1]:
                self.error(
                    rec.value_pos["people"],
                    f"{where}: 'people' names '{pair[0]}' twice; name the two people introduced",
                )
                continue
            status = (self.text(rec, "status", where) or DEFAULT_INTRODUCTION_STATUS).strip()
            if status not in INTRODUCTION_STATUSES:
                hint = did_you_mean(status, INTRODUCTION_STATUSES)
                self.error(
                    rec.value_pos["status"],
                    f"{where}: 'status' must be one of {', '.join(INTRODUCTION_STATUSES)}, not '{status}'"
                    + (f"; {hint}" if hint else ""),
                )
                continue
            if by is None:
                continue
            self.ref(by, ("person", "me"), f"{where} > by", rec.value_pos["by"])
            for j, ident in enumerate(pair):
                pos = self.item_pos(rec, "people", j)
                self.ref(ident, ("person", "me"), f"{where} > people[{j}]", pos)
            if by in pair:
                self.error(
                    rec.value_pos["by"],
                    f"{where}: '{by}' cannot introduce themself; 'by' is the person who made the introduction",
                )
                continue
            intro = Introduction(date=when, by=by, people=(pair[0], pair[1]), status=status, source=self.src(rec.pos))
            self.fill(intro, rec, "introduction", where, skip=("date",))
            self.net.introductions.append(intro)

    def section_interactions(self, value: Any) -> None:
        for i, rec in self.record_maps(value, "interactions"):
            where = f"interactions[{i}]"
            self.check_keys(rec, INTERACTION_KEYS, where)
            when = self.event_date(rec, where, required=True, future="log interactions once they have happened")
            with_value = rec.get("with")
            who = self.texts(rec, "with", where)
            if not who:
                self.error(
                    rec.key_pos.get("with", rec.pos),
                    f"{where}: 'with' is required: the id of the person (or a list of ids)",
                )
            for j, ident in enumerate(who):
                pos = self.item_pos(rec, "with", j)
                self.ref(
                    ident, ("person",), f"{where} > with" + (f"[{j}]" if isinstance(with_value, YSeq) else ""), pos
                )
            count, sent, received = self.counts(rec, where)
            if when is None or not who:
                continue
            interaction = Interaction(date=when, with_=who, source=self.src(rec.pos))
            self.fill(interaction, rec, "interaction", where, skip=("date", "count", "sent", "received"))
            interaction.count, interaction.sent, interaction.received = count, sent, received
            self.net.interactions.append(interaction)

    def counts(self, rec: YMap, where: str) -> tuple[int | None, int | None, int | None]:
        """An interaction's ``count``, ``sent`` and ``received`` (summaries written by imports)."""
        count = self.integer(rec, "count", where, 1, COUNT_MAX, " of interactions")
        sent = self.integer(rec, "sent", where, 0, COUNT_MAX, " of messages")
        received = self.integer(rec, "received", where, 0, COUNT_MAX, " of messages")
        if (sent or 0) + (received or 0) > (count if count is not None else 1):
            key = "count" if "count" in rec else "sent" if "sent" in rec else "received"
            self.error(
                rec.value_pos.get(key, rec.pos),
                f"{where}: 'sent' + 'received' ({(sent or 0) + (received or 0)}) is more than 'count' "
                f"({count if count is not None else 1}); count is every message of the record",
            )
        return count, sent, received

    def section_favors(self, value: Any) -> None:
        for i, rec in self.record_maps(value, "favors"):
            where = f"favors[{i}]"
            self.check_keys(rec, FAVOR_KEYS, where)
            when = self.event_date(rec, where, required=False, future="log favors once they have been done")
            giver = self.text(rec, "from", where, required=True)
            taker = self.text(rec, "to", where, required=True)
            if giver is None or taker is None:
                continue
            self.ref(giver, ("person", "me"), f"{where} > from", rec.value_pos["from"])
            self.ref(taker, ("person", "me"), f"{where} > to", rec.value_pos["to"])
            if giver == taker:
                self.error(
                    rec.value_pos["to"],
                    f"{where}: 'from' and 'to' are both '{giver}'; a favor goes from one person to another",
                )
                continue
            favor = Favor(date=when, from_=giver, to=taker, source=self.src(rec.pos))
            self.fill(favor, rec, "favor", where, skip=("date",))
            self.net.favors.append(favor)

    def section_reminders(self, value: Any) -> None:
        for i, rec in self.record_maps(value, "reminders"):
            where = f"reminders[{i}]"
            self.check_keys(rec, REMINDER_KEYS, where)
            latest = self.latest
            when = self.date_field(rec, "date", where, required=True)  # the future is what reminders are for
            self.latest = latest  # so a reminder's date is not one of the records' (Network.dated_until)
            person = self.text(rec, "person", where, required=True)
            if when is None or person is None:
                continue
            self.ref(person, ("person",), f"{where} > person", rec.value_pos["person"])
            reminder = Reminder(date=when, person=person, source=self.src(rec.pos))
            self.fill(reminder, rec, "reminder", where, skip=("date", "person"))
            self.net.reminders.append(reminder)

    # -- whole-network resolution ------------------------------------------------------------

    def implicit_organization(self, text: str, source: Source) -> str | None:
        """Make the organization a name stands for when no declared one has it (its id: the slug)."""
        ident = slugify(text)
        if not ident:
            self.error(
                source,
                f"no id can be made from the organization name '{text}'; declare it under organizations with an explicit id",
            )
            return None
        owner = self.ids.owner(ident)
        if owner is not None:
            self.error(
                source,
                f"the organization '{text}' would get the id '{ident}', which is a {owner[0]}'s id ({owner[1]}); "
                "declare the organization under organizations with another id",
            )
            return None
        self.net.organizations[ident] = Organization(id=ident, name=text.strip(), declared=False, source=source)
        return ident

    def finish(self) -> None:
        """Resolve organization names to ids, creating implicit organizations."""
        orgs = self.net.organizations
        for org, index, why in alias_clashes(orgs.values()):
            where = self.alias_positions.get(org.id, [])
            self.error(
                where[index] if index < len(where) else org.source,
                f"organization '{org.id}': {why}; an alias must name one organization only: remove it or rename it",
            )
        names = OrganizationNames(orgs)
        for text, source, record, attribute in self.org_mentions:
            ident = names.find(text)
            if ident is None and is_not_organization(text, self.net.me.not_organizations):
                continue  # "Self-employed", "Stealth"…: no employer (graphnet.orgnames)
            if ident is None:
                ident = self.implicit_organization(text, source)
                if ident is None:
                    continue
                names.add(text, ident)
            current = getattr(record, attribute)
            if isinstance(current, list):  # me's targets, an organization's competitors
                current.append(ident)
            else:
                setattr(record, attribute, ident)
        for person in self.net.people.values():
            person.past_orgs = [job for job in person.past_orgs if job.org]
        self.net.me.past_orgs = [job for job in self.net.me.past_orgs if job.org]
