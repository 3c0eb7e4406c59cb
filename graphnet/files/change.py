"""The edits in place: set a field, tie two people, move someone to a new job, merge two records, snooze.

Each function checks the request against the loaded network (people are named as
:mod:`graphnet.names` explains; nothing is written on any error), then, holding the
network's lock, re-reads the files concerned and changes only the bytes of the
value or entry concerned (:mod:`graphnet.files.edit_in_place`). ``dry_run`` returns
the diff without writing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date
from typing import Any

from yaml.nodes import SequenceNode

from ..errors import GraphnetError
from ..gcpause import paused_gc
from ..model import CADENCE_RANGE, ME, Network, Person, calendar_today, slugify
from ..names import resolve_person
from .edit import _date, _org_name, _strength, _text, _today
from .edit_in_place import Doc, EditResult, TreePath, Workspace, record_id
from .fileio import network_lock
from .loader import _Builder
from .roster import follow_files

__all__ = ["LIST_KEYS", "ME_SET_KEYS", "PERSON_SET_KEYS", "merge_people", "move_person", "set_field", "snooze", "tie"]

#: Keys ``set`` changes on a person (``knows`` has ``tie``, ``past_orgs`` has ``move``, ``id`` has ``merge``).
PERSON_SET_KEYS = (
    "name",
    "org",
    "role",
    "department",
    "location",
    "circles",
    "tags",
    "strength",
    "met",
    "introduced_by",
    "cadence",
    "last_contact",
    "snoozed_until",
    "email",
    "phone",
    "url",
    "notes",
)
#: Keys ``set`` changes on ``me``.
ME_SET_KEYS = ("name", "org", "role", "department", "location", "circles", "tags", "email")
#: Keys ``set`` may change without making the roster untrue: not a name, an org, a reference or a
#: date the loader checks against today; values checked here as the loader checks them.
ROSTER_SAFE_KEYS = ("role", "department", "location", "circles", "tags", "strength", "cadence", "snoozed_until")
#: Keys whose value is a list: ``set`` splits the value at commas.
LIST_KEYS = ("circles", "tags", "email")

_Plan = Callable[[Workspace], list[str]]


def _run(
    net: Network,
    plan: _Plan,
    *,
    dry_run: bool,
    named: list[tuple[str, str]],
    check: Any = None,
    keeps_roster: bool = False,
    roster_people: Callable[[Workspace], dict[str, Person] | None] | None = None,
) -> EditResult:
    """Plan and write one edit holding the network's lock (a dry run takes no lock).

    ``keeps_roster``: the edit changes nothing the roster holds (:mod:`graphnet.files.roster`),
    so the roster is re-stamped after it, when it was current under the lock.
    ``roster_people``: the edit changes only the roster's people, into what this gives
    (``merge``); the roster is re-stamped with them, when it was current under the lock
    (``None`` from it: the edit may change more, the roster is left stale).
    """
    # Parsing a file allocates a lot while the loaded network is alive: keep the collector off.
    # Frozen on the way out: re-enabling the collector would otherwise walk every object the edit made.
    with paused_gc(freeze=True), nullcontext() if dry_run else network_lock(net.root):
        current = (keeps_roster or roster_people is not None) and not dry_run and _folder_unchanged(net)
        workspace = Workspace(net.root, net.files)
        summary = plan(workspace)
        result = workspace.commit(dry_run, summary, (lambda: check(workspace)) if check else None)
        people = roster_people(workspace) if current and roster_people is not None else None
        if current and (keeps_roster or people is not None):
            _follow_edit(net, workspace, people)
    result.named = tuple((what, ident, net.name_of(ident) if ident != ME else net.me.name) for what, ident in named)
    return result


def _folder_unchanged(net: Network) -> bool:
    """The folder still holds exactly the bytes ``net`` (loaded, or from the roster) was made from."""
    from .cache import fingerprint
    from .loader import data_files

    return bool(net.digest) and fingerprint(data_files(net.root), net.root) == net.digest


def _follow_edit(net: Network, workspace: Workspace, people: dict[str, Person] | None) -> None:
    """Re-stamp the roster after an edit whose files started from the very bytes ``net`` hashed."""
    changed = [doc for doc in workspace.docs.values() if doc.changed]
    if not changed or len(net.file_hashes) != len(net.files):
        return
    before = {os.path.realpath(net.root / name): h for name, h in zip(net.files, net.file_hashes, strict=True)}
    if any(before.get(os.path.realpath(doc.real)) != hashlib.sha256(doc.data).digest() for doc in changed):
        return
    written = {doc.real: hashlib.sha256(doc.new_data()).digest() for doc in changed}
    follow_files(net, written, people=people, only_if_clean=True)


def _where(net: Network, ident: str) -> tuple[str, str]:
    """(file as shown, section) of a person's record, or of ``me``."""
    if ident == ME:
        if not net.me.source.line:
            raise GraphnetError("there is no 'me:' section yet; add one (`graphnet init` writes one) and try again")
        return net.me.source.path, "me"
    return net.people[ident].source.path, "people"


# -- set -----------------------------------------------------------------------------------------


def _set_value(net: Network, ident: str, key: str, value: str) -> Any:
    """The value to write for ``key`` (checked as the loader would read it); None removes the key."""
    if value.strip() == "":
        if key == "name":
            raise GraphnetError("a name cannot be empty")
        return None
    if key in LIST_KEYS:
        return [part.strip() for part in value.split(",") if part.strip()]
    if key == "strength":
        return _strength(value)
    if key == "cadence":
        text = value.strip()
        low, high = CADENCE_RANGE
        if not text.isdigit() or not low <= int(text) <= high:
            raise GraphnetError(f"cadence must be a whole number of days from {low} to {high}, not '{value}'")
        return int(text)
    if key in ("met", "last_contact"):
        return _date(value, key, calendar_today())
    if key == "snoozed_until":
        return _date(value, key, date.max)
    if key == "org":
        return _org_name(net, value, "org")
    if key == "introduced_by":
        other = resolve_person(net, value, "introduced_by", allow_me=False)
        if other == ident:
            raise GraphnetError("a person cannot have introduced you to themself")
        return other
    return _text(value, key, required=True)


def set_field(
    net: Network,
    person: str,
    key: str,
    value: str,
    *,
    today: date | None = None,  # noqa: ARG001 - every write takes it; dates are checked against the real calendar date
    dry_run: bool = False,
) -> EditResult:
    """Set one field of a person (or of ``me``), replacing the value where it stands or adding the key.

    Parameters
    ----------
    net : Network
    person : str
        Who: an id, a name as :mod:`graphnet.names` reads it, or ``me``.
    key : str
        One of :data:`PERSON_SET_KEYS` (or :data:`ME_SET_KEYS` for ``me``).
    value : str
        The new value as typed (``circles``, ``tags`` and ``email``: comma-separated);
        an empty value removes the key.
    today : date, optional
        Dates after it are refused (except ``snoozed_until``).
    dry_run : bool
        Return the diff without writing.

    Returns
    -------
    EditResult

    Raises
    ------
    GraphnetError
        Unknown or ambiguous person, a key that cannot be set, a bad value, or a file
        that cannot be changed safely; nothing is written then.
    """
    ident = resolve_person(net, person, "PERSON")
    allowed = ME_SET_KEYS if ident == ME else PERSON_SET_KEYS
    if key not in allowed:
        hint = {"knows": "use `graphnet tie`", "past_orgs": "use `graphnet move`", "id": "use `graphnet merge`"}
        extra = f"; {hint[key]}" if key in hint else ""
        raise GraphnetError(f"cannot set '{key}' here{extra}; keys: {', '.join(allowed)}")
    new = _set_value(net, ident, key, value)
    shown, section = _where(net, ident)

    def plan(workspace: Workspace) -> list[str]:
        doc, record, path = workspace.record(shown, section, ident)
        old = doc.tree[path[0]] if len(path) == 1 else doc.tree[path[0]][path[1]]
        before = old.get(key)
        if new is None:
            doc.delete_key(record, path, key)
            return [f"{ident}: {key} removed (was {_said(before)})"]
        lines = []
        if key == "name" and ident != ME and "id" not in old and slugify(str(new)) != ident:
            # The id was made from the old name: write it out, so every reference to it still holds.
            doc.set_value(record, path, "id", ident)
            lines.append(f"{ident}: id written out (it was made from the old name)")
        doc.set_value(record, path, key, new)
        return [*lines, f"{ident}: {key} {_said(before)} -> {_said(new)}"]

    named = [("person" if ident != ME else "me", ident)]
    return _run(net, plan, dry_run=dry_run, named=named, keeps_roster=key in ROSTER_SAFE_KEYS)


def _said(value: Any) -> str:
    if value is None or value == "":
        return "(not set)"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


# -- tie -----------------------------------------------------------------------------------------


def tie(
    net: Network,
    a: str,
    b: str,
    *,
    strength: int | str | None = None,
    since: date | str | None = None,
    note: str | None = None,
    today: date | None = None,  # noqa: ARG001 - every write takes it; dates are checked against the real calendar date
    dry_run: bool = False,
) -> EditResult:
    """Record that ``a`` and ``b`` know each other; a tie already written (under either) is updated.

    The tie goes under ``a`` as a ``knows`` entry: the bare id, or ``{id, strength, since,
    note}`` when any of those is given. A tie written under ``b`` is updated where it is.
    """
    first = resolve_person(net, a, "A", allow_me=False)
    second = resolve_person(net, b, "B", allow_me=False)
    if first == second:
        raise GraphnetError(f"'{first}' is named twice; a tie is between two people")
    details = [
        ("strength", _strength(strength)),
        ("since", _date(since, "`since`", calendar_today())),
        ("note", _text(note, "`note`")),
    ]
    details = [(k, v) for k, v in details if v is not None]

    def plan(workspace: Workspace) -> list[str]:
        # Whose record holds the tie is read from the files themselves (a network from the
        # roster knows where each person is written, not whom they know).
        owner, other = first, second
        if not _knows_in(workspace, net, first, second) and _knows_in(workspace, net, second, first):
            owner, other = second, first
        doc, record, path = workspace.record(_where(net, owner)[0], "people", owner)
        return _tie_in(doc, record, path, owner, other, details)

    # A tie changes no name, id or organization: the roster stays true.
    return _run(net, plan, dry_run=dry_run, named=[("A", first), ("B", second)], keeps_roster=True)


def _knows_in(workspace: Workspace, net: Network, ident: str, other: str) -> bool:
    """Whether the record of ``ident``, as its file holds it now, names ``other`` under ``knows``."""
    doc, _record, path = workspace.record(_where(net, ident)[0], "people", ident)
    entries: Any = doc.tree
    for step in (*path, "knows"):
        entries = entries.get(step) if isinstance(entries, dict) else entries[step]
        if entries is None:
            return False
    if not isinstance(entries, list):
        entries = [entries]
    return any(entry == other or (isinstance(entry, dict) and entry.get("id") == other) for entry in entries)


def _tie_in(doc: Doc, record: Any, path: TreePath, owner: str, other: str, details: list[tuple[str, Any]]) -> list[str]:
    found = doc.nodes_for(record, "knows")
    entries = doc.tree
    for step in (*path, "knows"):
        entries = entries.get(step) if isinstance(entries, dict) else entries[step]
    if found is not None and isinstance(entries, list):
        knows_node = found[1]
        for i, entry in enumerate(entries):
            if entry == other or (isinstance(entry, dict) and entry.get("id") == other):
                node = knows_node.value[i]
                if not details:
                    return [f"{owner} and {other} already know each other; nothing to change"]
                if isinstance(entry, dict):
                    for key, value in details:
                        doc.set_value(node, (*path, "knows", i), key, value)
                else:
                    doc.replace_node(node, (*path, "knows", i), [("id", other), *details])
                return [f"tie {owner} – {other} updated: " + ", ".join(f"{k} {v}" for k, v in details)]
    elif entries == other:
        if not details:
            return [f"{owner} and {other} already know each other; nothing to change"]
        doc.set_value(record, path, "knows", [[("id", other), *details]])
        return [f"tie {owner} – {other} updated: " + ", ".join(f"{k} {v}" for k, v in details)]
    item: Any = [("id", other), *details] if details else other
    doc.append_item(record, path, "knows", item)
    return [f"tie {owner} – {other} added" + (": " + ", ".join(f"{k} {v}" for k, v in details) if details else "")]


# -- move ----------------------------------------------------------------------------------------


def move_person(
    net: Network,
    person: str,
    org: str,
    *,
    role: str | None = None,
    when: date | str | None = None,
    today: date | None = None,
    dry_run: bool = False,
) -> EditResult:
    """A job change: the current org, role and department go to ``past_orgs`` with ``to:`` set; ORG becomes current.

    ``when`` (default today) is the ``to:`` of the job left. Without ``role`` the old role is
    removed (it was the old job's); the department always is (it goes with the old job).
    When ``when`` is given, the new job's start is written too: a ``past_orgs`` entry
    ``{org, role, from}`` with no ``to`` (how a current job's start is written, see
    :mod:`graphnet.analyses.ties`); a later move from that job sets the entry's ``to``
    instead of adding another. ``me`` may move too.
    """
    ident = resolve_person(net, person, "PERSON")
    new_org = _org_name(net, org, "ORG")
    if new_org is None:
        raise GraphnetError("name the organization they moved to")
    new_role = _text(role, "`role`")
    day = _date(when, "`when`", calendar_today(), default=_today(today)) or _today(today)
    shown, section = _where(net, ident)

    def plan(workspace: Workspace) -> list[str]:
        doc, record, path = workspace.record(shown, section, ident)
        written = doc.tree[path[0]] if len(path) == 1 else doc.tree[path[0]][path[1]]
        old = {key: _written_text(written, key) for key in ("org", "role", "department")}
        lines, added = _leave_job(net, doc, record, path, written, old, day)
        if when is not None:
            added.append([(k, v) for k, v in (("org", new_org), ("role", new_role), ("from", day)) if v is not None])
        _add_jobs(doc, record, path, written.get("past_orgs"), added)
        doc.set_value(record, path, "org", new_org)
        for key, value in (("role", new_role), ("department", None)):
            if value is not None:
                doc.set_value(record, path, key, value)
            elif key in written:
                doc.delete_key(record, path, key)
        start = f", from {day} (written in past_orgs, with no to:)" if when is not None else ""
        lines.append(f"now at {new_org}" + (f" as {new_role}" if new_role else "") + start)
        return [f"{ident}: {line}" for line in lines]

    return _run(net, plan, dry_run=dry_run, named=[("person" if ident != ME else "me", ident)])


def _written_text(written: dict[str, Any], key: str) -> str | None:
    value = written.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _leave_job(
    net: Network, doc: Doc, record: Any, path: TreePath, written: dict[str, Any], old: dict[str, str | None], day: date
) -> tuple[list[str], list[Any]]:
    """Plan the end of the job left: its own ``past_orgs`` entry gets ``to:``, or a new entry is returned to add."""
    if old["org"] is None:
        return [], []
    said = old["org"] + "".join(f" ({old[k]})" for k in ("role", "department") if old[k])
    jobs = written.get("past_orgs")
    start = _open_entry(net, jobs if isinstance(jobs, list) else [], old["org"])
    if start is None:
        return [f"{said} moved to past_orgs, to {day}"], [[(k, v) for k, v in (*old.items(), ("to", day)) if v]]
    found = doc.nodes_for(record, "past_orgs")
    node = found[1].value[start]  # type: ignore[index]
    entry = jobs[start]  # type: ignore[index]
    for key, value in (("role", old["role"]), ("department", old["department"]), ("to", day)):
        if value is not None and (key == "to" or key not in entry):
            doc.set_value(node, (*path, "past_orgs", start), key, value)
    return [f"{said}: the job's entry in past_orgs now ends, to {day}"], []


def _open_entry(net: Network, jobs: list[Any], org: str) -> int | None:
    """The ``past_orgs`` entry that dates the current job at ``org`` (a ``from`` and no ``to``), if any."""
    wanted = net.find_organization(org) or org.casefold().strip()
    for i, job in enumerate(jobs):
        named = job.get("org") if isinstance(job, dict) and job.get("from") and not job.get("to") else None
        if isinstance(named, str) and (net.find_organization(named) or named.casefold().strip()) == wanted:
            return i
    return None


def _add_jobs(doc: Doc, record: Any, path: TreePath, jobs: Any, added: list[Any]) -> None:
    """Add entries to ``past_orgs`` (created when missing), in one change where several must go in at once."""
    found = doc.nodes_for(record, "past_orgs")
    if len(added) <= 1 or (found is not None and isinstance(found[1], SequenceNode)):
        for entry in added:
            doc.append_item(record, path, "past_orgs", entry)
        return
    before = [jobs] if isinstance(jobs, str) and jobs.strip() else []
    doc.set_value(record, path, "past_orgs", [*before, *added])


# -- snooze --------------------------------------------------------------------------------------


def snooze(
    net: Network, person: str, until: date | str, *, today: date | None = None, dry_run: bool = False
) -> EditResult:
    """Leave ``person`` out of reach-outs until ``until`` (their ``snoozed_until`` field)."""
    day = _date(until, "`until`", date.max)
    if day is None:
        raise GraphnetError("`until`: give the day reach-outs may list them again, YYYY-MM-DD")
    if day <= _today(today):
        raise GraphnetError(f"`until` ({day}) must be after today ({_today(today)})")
    return set_field(net, person, "snoozed_until", day.isoformat(), today=today, dry_run=dry_run)


# -- merge ---------------------------------------------------------------------------------------

#: Where a person's id may be written, by section: keys holding one id or a list of ids.
_REFERENCES: dict[str, tuple[str, ...]] = {
    "people": ("introduced_by", "knows"),
    "groups": ("members",),
    "introductions": ("by", "people"),
    "interactions": ("with",),
    "favors": ("from", "to"),
    "reminders": ("person",),
}


def merge_people(
    net: Network,
    keep: str,
    drop: str,
    *,
    today: date | None = None,  # noqa: ARG001 - every write takes it; dates are checked against the real calendar date
    dry_run: bool = False,
) -> EditResult:
    """Two records of one person become one.

    DROP's fields that KEEP lacks are added to KEEP (DROP's ``knows`` ties too), every
    reference to DROP in every file becomes KEEP, and DROP's record is removed. All files
    change together or none does; the strict re-read must show the same numbers of
    interactions, favors, introductions and reminders, and the same ties (with DROP read
    as KEEP), as before.

    Only the files concerned are read: KEEP's, and every file naming DROP (found by a
    look at the bytes, confirmed by parsing), so ``net`` needs to know people's names and
    files only (a network from the roster will do). The counts are compared on the records
    the merge touches (and KEEP's): every other record reads the same before and after, as
    the strict re-read of each changed file checks (:meth:`Doc.verify`), and a file the
    merge does not change is not written.
    """
    keep_id = resolve_person(net, keep, "KEEP", allow_me=False)
    drop_id = resolve_person(net, drop, "DROP", allow_me=False)
    if keep_id == drop_id:
        raise GraphnetError(f"KEEP and DROP are both '{keep_id}'; name two records")
    keep_shown, _ = _where(net, keep_id)
    drop_shown, _ = _where(net, drop_id)

    def plan(workspace: Workspace) -> list[str]:
        keep_doc, keep_record, keep_path = workspace.record(keep_shown, "people", keep_id)
        drop_doc, _drop_node, drop_path = workspace.record(drop_shown, "people", drop_id)
        lines = _merge_fields(keep_doc, keep_record, keep_path, drop_doc.tree["people"][drop_path[1]], keep_id, drop_id)
        moved = 0
        for doc in workspace.docs_containing(drop_id):
            moved += _rewrite_references(doc, keep_id, drop_id)
        drop_doc.delete_item(drop_doc.section("people")[1], ("people",), drop_path[1])  # type: ignore[index,arg-type]
        lines.append(f"{moved} reference(s) to {drop_id} now name {keep_id}; {drop_id}'s record removed")
        return lines

    def people_after(workspace: Workspace) -> dict[str, Person] | None:
        # What the roster holds of people: DROP is gone, KEEP's name, org and file are as they were.
        # Only when DROP's record (as it was) names no organization: one named only by DROP would go.
        drop_doc, _drop_node, drop_path = workspace.record(drop_shown, "people", drop_id)
        dropped = drop_doc.tree["people"][drop_path[1]]
        if any(dropped.get(key) not in (None, "", []) for key in ("org", "past_orgs")):
            return None
        return {ident: person for ident, person in net.people.items() if ident != drop_id}

    return _run(
        net,
        plan,
        dry_run=dry_run,
        named=[("keep", keep_id), ("drop", drop_id)],
        check=lambda workspace: _check_merge(net, workspace, keep_shown, keep_id, drop_id),
        roster_people=people_after,
    )


def _check_merge(net: Network, workspace: Workspace, keep_shown: str, keep_id: str, drop_id: str) -> None:
    """Refuse a merge whose changed records count other than before (DROP read as KEEP)."""
    # The records the merge touched, before and after; KEEP's always: a tie DROP had and
    # KEEP has too is not added to KEEP, so it stays in the count through KEEP's record.
    keep_doc, _keep_record, keep_path = workspace.record(keep_shown, "people", keep_id)
    before_trees, after_trees = [], []
    for doc in workspace.docs.values():
        if doc.changed or doc is keep_doc:
            before_tree, after_tree = doc.touched_records(_RECORD_SECTIONS, (keep_path,) if doc is keep_doc else ())
            before_trees.append((doc.shown, before_tree))
            after_trees.append((doc.shown, after_tree))
    before = _records_of(net, before_trees)
    _refuse_self_references(before, keep_id, drop_id)
    (counts_before, pairs_before) = _counts(before, {drop_id: keep_id})
    (counts_after, pairs_after) = _counts(_records_of(net, after_trees), {})
    if counts_after != counts_before or pairs_after != pairs_before:
        raise GraphnetError(
            f"merge check failed: the records it changes count {counts_before} before and {counts_after} after; "
            "nothing was written (merge by hand)"
        )


def _records_of(net: Network, trees: list[tuple[str, Any]]) -> Network:
    """The records of some trees read from files of ``net``, as the loader builds them."""
    part = Network(root=net.root)
    builder = _Builder(part, date.max)
    for shown, tree in trees:
        if tree is not None:
            builder.add_file(tree, shown)
    builder.finish()
    return part


def _refuse_self_references(records: Network, keep: str, drop: str) -> None:
    """Refuse a favor or an introduction between the two (each names DROP, so the merge touched it)."""
    pair = {keep, drop}
    for intro in records.introductions:
        if set(intro.people) == pair or (intro.by in pair and pair & set(intro.people)):
            raise GraphnetError(
                f"{intro.source}: an introduction between {keep} and {drop} would become one of {keep} with themself; "
                "remove it first, then merge; nothing was written"
            )
    for favor in records.favors:
        if {favor.from_, favor.to} == pair:
            raise GraphnetError(
                f"{favor.source}: a favor between {keep} and {drop} would become one of {keep} to themself; "
                "remove it first, then merge; nothing was written"
            )


def _merge_fields(doc: Doc, record: Any, path: TreePath, dropped: dict[str, Any], keep: str, drop: str) -> list[str]:
    kept = doc.tree["people"][path[1]]
    added = []
    for key, value in dropped.items():
        if key in ("id", "name") or value in (None, "", []):
            continue
        if key == "knows":
            ties = value if isinstance(value, list) else [value]
            have = {t if isinstance(t, str) else t.get("id") for t in _as_list(kept.get("knows"))}
            for entry in ties:
                other = entry if isinstance(entry, str) else entry.get("id")
                if other in (keep, drop) or other in have:
                    continue
                doc.append_item(record, path, "knows", _pairs(entry))
                have.add(other)
                added.append(f"knows {other}")
            continue
        if key == "introduced_by" and value == keep:
            continue
        if kept.get(key) in (None, "", []):
            doc.set_value(record, path, key, _pairs(value))
            added.append(key)
    return [f"{keep} gets from {drop}: " + (", ".join(added) if added else "nothing (it has every field already)")]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value in (None, "") else [value]


def _pairs(value: Any) -> Any:
    """A read value in the form the writer takes (mappings as (key, value) pairs)."""
    if isinstance(value, dict):
        return [(k, _pairs(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_pairs(v) for v in value]
    return value


def _rewrite_references(doc: Doc, keep: str, drop: str) -> int:
    """Every reference to ``drop`` in one file becomes ``keep`` (or goes, where ``keep`` is named already)."""
    count = 0
    for section, keys in _REFERENCES.items():
        found = doc.section(section)
        items = doc.tree.get(section) if isinstance(doc.tree, dict) else None
        if found is None or not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            node = found[1].value[i]
            owner = record_id(item) if section == "people" else None
            if owner == drop:
                continue  # the record that goes
            for key in keys:
                count += _rewrite_key(doc, node, (section, i), item, key, keep, drop, owner)
    return count


def _rewrite_key(
    doc: Doc, node: Any, path: TreePath, item: dict[str, Any], key: str, keep: str, drop: str, owner: str | None
) -> int:
    value = item.get(key)
    found = doc.nodes_for(node, key)
    if found is None:
        return 0
    value_node = found[1]
    if value == drop:
        if owner == keep:  # keep introduced_by/knows drop: a reference to themself goes
            doc.delete_key(node, path, key)
        else:
            doc.replace_scalar(value_node, (*path, key), keep)
        return 1
    if not isinstance(value, list) or not isinstance(value_node, SequenceNode):
        return 0
    names = [v if isinstance(v, str) else v.get("id") if isinstance(v, dict) else None for v in value]
    count = 0
    for j, name in enumerate(names):
        if name != drop:
            continue
        count += 1
        if owner == keep or keep in names:
            doc.delete_item(value_node, (*path, key), j)
        elif isinstance(value[j], dict):
            id_node = doc.nodes_for(value_node.value[j], "id")
            doc.replace_scalar(id_node[1], (*path, key, j, "id"), keep)  # type: ignore[index]
        else:
            doc.replace_scalar(value_node.value[j], (*path, key, j), keep)
    return count


def _tie_pairs(people: Any, rename: dict[str, str]) -> set[tuple[str, str]]:
    pairs = set()
    for person in people:
        a = rename.get(person.id, person.id)
        for tie_ in person.knows:
            b = rename.get(tie_.other, tie_.other)
            if a != b:
                pairs.add((min(a, b), max(a, b)))
    return pairs


_COUNTED = ("interactions", "favors", "introductions", "reminders")
#: The sections whose records the merge check counts: people for their ties, and the counted ones.
_RECORD_SECTIONS = ("people", *_COUNTED)


def _counts(records: Network, rename: dict[str, str]) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """How many records of each counted kind, and the ties as pairs (``rename`` applied)."""
    counts = {section: len(getattr(records, section)) for section in _COUNTED}
    pairs = _tie_pairs(records.people.values(), rename)
    counts["ties"] = len(pairs)
    return counts, pairs
