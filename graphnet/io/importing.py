"""The steps every import shares: match, write the new file's text, verify it, place it.

Each import reads an export file into contacts, matches them against the people
already in the network, and writes the new ones to a NEW file
(``people/linkedin-2026-11-25.yaml``) in the normal, hand-editable format. The
user's existing files are never touched:

* a contact that is already in the network (same e-mail, same LinkedIn URL, or
  same name and organization, ignoring case and spacing) is *merged*: it is not
  written again, and the report lists what the import knows that the file lacks
  (an e-mail, a URL, a newer job) so the user can copy it by hand;
* each new person gets a unique id (the slug of the name, ``-2`` on a clash);
* a bad or unreadable row is reported as ``file:row: error: ...``; then nothing
  is written (the report is ``refused``) unless ``skip_bad`` asks to import the
  good rows alone, so no row is ever dropped silently;
* ids are decided while holding the lock of the whole network, against the
  network read again under it, so a concurrent ``add`` cannot take the same id;
* before the file is placed, the whole network is loaded again together with
  the new file (from a temporary folder), and the import is refused unless it
  loads without errors and every new record reads back exactly as planned.

See ``docs/import-export.md`` for the formats and the merge rules.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from ..errors import GraphnetError, Problem
from ..files.loader import data_files, load
from ..files.yamlwrite import record
from ..model import Network, slugify
from ..terminal import control_characters
from ..text import display_path
from .contacts import Added, Contact, ImportReport
from .formats import CONTACT_STRENGTHS
from .merge import Planned, Planner
from .reimport import ImportMemory, Kept, Update, apply_updates, export_values, plan_update
from .rows import Progress, read_text

if TYPE_CHECKING:
    from typing_extensions import Required

__all__ = ["Parser", "import_contacts", "run_import"]


def _person_fields(p: Planned, strength: int) -> list[tuple[str, Any]]:
    c = p.contact
    knows: list[Any] = [{"id": t, "note": label} if label else t for t, label in p.knows]
    return [
        ("id", p.id if p.id != slugify(c.name) else None),
        ("name", c.name),
        ("org", p.org_text),
        ("role", c.role),
        ("department", c.department),
        ("circles", c.circles or None),
        ("tags", c.tags or None),
        ("strength", c.strength if c.strength is not None else strength),
        ("met", c.met),
        ("connected", c.connected),
        ("knows", knows or None),
        ("email", c.email),
        ("phone", c.phone),
        ("url", c.url),
        ("notes", c.notes),
    ]


def _safe_comment(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _render(kind: str, source: Path, today: date, planner: Planner, strength: int) -> tuple[str, list[Added]]:
    added: list[Added] = []
    org_parts: list[str] = []
    cards = {p.id: p.contact for p in planner.planned if p.contact.kind == "organization"}
    for ident, name in planner.orgs.declared.items():
        contact = cards.get(ident)
        fields: list[tuple[str, Any]] = [
            ("id", ident if ident != slugify(name) else None),
            ("name", name),
            ("notes", contact.notes if contact else None),
        ]
        org_parts.append(record(fields, prefix="  "))
        added.append(Added(contact.row if contact else 0, ident, name, "organization", fields))
    people_parts: list[str] = []
    group_parts: list[str] = []
    for p in planner.planned:
        if p.contact.kind == "person":
            fields = _person_fields(p, strength)
            people_parts.append(record(fields, prefix="  "))
            added.append(Added(p.contact.row, p.id, p.contact.name, "person", fields))
        elif p.contact.kind == "group":
            fields = [
                ("id", p.id if p.id != slugify(p.contact.name) else None),
                ("name", p.contact.name),
                ("members", p.members or None),
                ("notes", p.contact.notes),
            ]
            group_parts.append(record(fields, prefix="  "))
            added.append(Added(p.contact.row, p.id, p.contact.name, "group", fields))
    if not added:
        return "", added
    people = sum(1 for a in added if a.kind == "person")
    others = len(planner.merged)
    header = [
        f"# Imported by `graphnet import {kind}` on {today.isoformat()} from {_safe_comment(source.name)}:",
        f"# {people} new {'person' if people == 1 else 'people'}"
        + (f"; {others} already in the network (or repeated in the export) are not repeated here" if others else "")
        + ".",
        "# These records are yours now: edit, move or split them like any other.",
        "",
    ]
    sections = []
    if org_parts:
        sections.append("organizations:\n" + "\n".join(org_parts))
    if people_parts:
        sections.append("people:\n" + "\n".join(people_parts))
    if group_parts:
        sections.append("groups:\n" + "\n".join(group_parts))
    return "\n".join(header) + "\n" + "\n".join(sections), added


# -- verification and placing the file ----------------------------------------------------------------


def _output_path(root: Path, kind: str, today: date, output: str | os.PathLike[str] | None) -> Path:
    if output is not None:
        path = Path(output)
        if not path.is_absolute():
            path = root / path
        if path.suffix not in (".yaml", ".yml"):
            raise GraphnetError(f"`output` {output}: an import writes a .yaml file; give a name ending in .yaml")
        try:
            rel = path.resolve().relative_to(root.resolve())
        except ValueError:
            raise GraphnetError(
                f"`output` {output}: the file must be inside the network folder {display_path(root)}, "
                "or graphnet would not read it"
            ) from None
        if any(part.startswith(".") for part in rel.parts):
            raise GraphnetError(f"`output` {output}: graphnet skips hidden files and folders; choose another name")
        if path.exists():
            raise GraphnetError(
                f"`output` {output}: the file exists; an import always writes a new file (never edits yours)"
            )
        return path
    base = root / "people" / f"{kind}-{today.isoformat()}"
    path = base.with_suffix(".yaml")
    n = 2
    while path.exists() or path.is_symlink():
        path = Path(f"{base}-{n}.yaml")
        n += 1
    return path


def _shadow_load(root: Path, overrides: dict[Path, str], today: date, use_cache: bool) -> tuple[Network, list[Problem]]:
    """Load the network as it would be with each path of ``overrides`` holding its text, writing nothing there."""
    base = root.resolve()
    shown_of = {path: display_path(path) for path in overrides}

    def inside(path: Path) -> Path:
        try:
            return path.relative_to(root)
        except ValueError:
            return path.resolve().relative_to(base)

    with tempfile.TemporaryDirectory(prefix="graphnet-import-") as tmp:
        shadow = Path(tmp) / "net"
        shadow.mkdir()
        replaced = {inside(path): text for path, text in overrides.items()}
        for path in data_files(root):
            rel = path.relative_to(root)
            if rel in replaced:
                continue
            link = shadow / rel
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.symlink(path.resolve(), link)
            except OSError:  # no symlinks here (Windows without the right): copy instead
                shutil.copyfile(path, link)
        shown_tmp: dict[str, str] = {}
        for path, text in overrides.items():
            new = shadow / inside(path)
            new.parent.mkdir(parents=True, exist_ok=True)
            new.write_text(text, encoding="utf-8", newline="")
            shown_tmp[display_path(new)] = shown_of[path]
        loaded, problems = load(shadow, today=today, use_cache=use_cache)
    fixed = [
        Problem(shown_tmp[p.path], p.line, p.column, p.severity, p.message) if p.path in shown_tmp else p
        for p in problems
    ]
    return loaded, fixed


def _check_round_trip(loaded: Network, planner: Planner, added: list[Added], strength: int) -> None:
    """Every new record must read back exactly as planned."""
    planned = {p.id: p for p in planner.planned}

    def mismatch(ident: str, what: str, want: Any, got: Any) -> GraphnetError:
        return GraphnetError(
            f"internal error: the new record '{ident}' would read back with {what} {got!r} instead of {want!r}; "
            "nothing was written. Please report this with the row that caused it"
        )

    for item in added:
        if item.kind == "person":
            p = planned[item.id]
            person = loaded.people.get(item.id)
            if person is None:
                raise mismatch(item.id, "no record", item.id, None)
            c = p.contact
            want: dict[str, Any] = {
                "name": c.name,
                "org": p.org_id,
                "role": c.role,
                "department": c.department,
                "circles": c.circles,
                "tags": c.tags,
                "strength": c.strength if c.strength is not None else strength,
                "met": c.met,
                "connected": c.connected,
                "email": c.email,
                "phone": c.phone,
                "url": c.url,
                "notes": c.notes,
            }
            for key, value in want.items():
                if getattr(person, key) != value:
                    raise mismatch(item.id, key, value, getattr(person, key))
            got_knows = [(t.other, t.note) for t in person.knows]
            if got_knows != p.knows:
                raise mismatch(item.id, "knows", p.knows, got_knows)
        elif item.kind == "organization":
            org = loaded.organizations.get(item.id)
            if org is None or org.name != item.name:
                raise mismatch(item.id, "name", item.name, org.name if org else None)
        else:
            group = loaded.groups.get(item.id)
            if group is None or group.name != item.name:
                raise mismatch(item.id, "name", item.name, group.name if group else None)


#: ``parser(text, shown, progress=...)``: the contacts of an export's text, per-row problems, and its row count.
Parser = Callable[..., tuple[list[Contact], list[Problem], int]]


#: What to do about an export that is not UTF-8, by format (the default speaks of CSV).
ENCODING_ADVICE = {
    "vcard": "export the contacts again as vCard (UTF-8), or convert the file, e.g. "
    "`iconv -f latin1 -t utf-8 contacts.vcf > contacts-utf8.vcf`, and import that",
}


class ImportOptions(TypedDict, total=False):
    """The options of every contact import; :func:`graphnet.io.linkedin.import_linkedin` describes them."""

    strength: int
    today: Required[date]
    dry_run: bool
    progress: Progress | None
    output: str | os.PathLike[str] | None
    use_cache: bool
    skip_bad: bool


def run_import(
    kind: str,
    parser: Parser,
    net: Network,
    path: str | os.PathLike[str],
    *,
    strength: int | None = None,
    today: date,
    dry_run: bool = False,
    progress: Progress | None = None,
    output: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    skip_bad: bool = False,
) -> ImportReport:
    """Read the export at ``path`` with ``parser`` and import its contacts (:func:`import_contacts`).

    The body of every contact import (:class:`ImportOptions`); ``strength`` defaults to the
    format's (:data:`graphnet.io.formats.CONTACT_STRENGTHS`).
    """
    if strength is None:
        strength = CONTACT_STRENGTHS[kind]
    if not 0 <= strength <= 5:
        raise GraphnetError(f"`strength` must be from 0 to 5, not {strength}")
    source = Path(path)
    shown = display_path(source)
    # Not only regular files: `… | graphnet import linkedin /dev/stdin` and `<(iconv …)` are pipes.
    if not source.exists():
        raise GraphnetError(f"{shown}: no such file")
    if source.is_dir():
        raise GraphnetError(f"{shown} is a folder; give the export file")
    text = read_text(source, shown, advice=ENCODING_ADVICE.get(kind))
    contacts, problems, rows = parser(text, shown, progress=progress)
    return import_contacts(
        kind,
        contacts,
        net,
        source,
        problems=problems,
        rows=rows,
        strength=strength,
        today=today,
        dry_run=dry_run,
        output=output,
        use_cache=use_cache,
        skip_bad=skip_bad,
    )


def import_contacts(kind: str, contacts: Sequence[Contact], net: Network, source: Path, **options: Any) -> ImportReport:
    """Match ``contacts`` read from ``source`` against ``net`` and write the new ones to a new file.

    The second half of every contact import (also used by ``import mail|calendar --add-unknown``):
    see the module's description for the matching, the file, and the verification. Takes the
    options of :func:`_plan_and_write`. Unless it is a dry run, ids are decided while holding
    the lock of the whole network, against the network read again under it.
    """
    from ..files.fileio import network_lock
    from ..files.loader import reread_if_changed

    if options.get("dry_run") or not net.root.is_dir():
        return _plan_and_write(kind, contacts, net, source, **options)
    with network_lock(net.root):
        net = reread_if_changed(net, today=options.get("today"), use_cache=options.get("use_cache", True))
        return _plan_and_write(kind, contacts, net, source, **options)


def _plan_and_write(
    kind: str,
    contacts: Sequence[Contact],
    net: Network,
    source: Path,
    *,
    problems: list[Problem],
    rows: int,
    strength: int,
    today: date,
    dry_run: bool,
    output: str | os.PathLike[str] | None,
    use_cache: bool,
    skip_bad: bool = False,
) -> ImportReport:
    shown = display_path(source)
    planner = Planner(net, shown, strength, kind)
    planner.run(contacts)
    target = _output_path(net.root, kind, today, output)
    body, added = _render(kind, source, today, planner, strength)
    skipped = sum(1 for p in problems if p.is_error)
    memory = ImportMemory(net.root)
    updated, kept, unchanged = _plan_updates(kind, planner, memory)
    report = ImportReport(
        kind=kind,
        source=shown,
        output=target if body else None,
        dry_run=dry_run,
        rows=rows,
        added=added,
        merged=planner.merged,
        skipped=skipped,
        refused=skipped > 0 and not skip_bad,
        problems=sorted(
            problems + planner.problems + _control_warnings(added, shown), key=lambda p: (p.line, p.severity != "error")
        ),
        text=body,
        suggested=planner.suggested,
        updated=updated,
        kept=kept,
        unchanged=unchanged,
    )
    for item in added:
        if item.kind == "person":
            p = next(q for q in planner.planned if q.id == item.id)
            memory.remember(kind, item.id, export_values(p.contact, p.org_text))
    if body or updated or memory.text() is not None:
        _verify_and_write(net, planner, report, target, memory, today=today, use_cache=use_cache)
    return report


def _plan_updates(kind: str, planner: Planner, memory: ImportMemory) -> tuple[list[Update], list[Kept], int]:
    """What the export changes in the records it matched (:mod:`graphnet.io.reimport`), and what it leaves."""
    net = planner.net
    updated: list[Update] = []
    kept: list[Kept] = []
    unchanged = 0
    seen: set[str] = set()
    for contact, ident in planner.matched:
        person = net.people.get(ident)
        if contact.kind != "person" or person is None or ident in seen:
            continue
        seen.add(ident)
        _org_id, org_text = planner.org_of.get(id(contact), (None, None))
        export = export_values(contact, org_text)
        update, differs = plan_update(
            person,
            contact.row,
            export,
            memory.get(kind, ident),
            planner.same_value,
            net.name_of,
            updatable=person.imported is not None,
            met_was_connected=kind == "linkedin"
            and person.imported == "linkedin"
            and person.met is not None
            and person.met == contact.connected,
        )
        kept.extend(differs)
        if update is not None:
            updated.append(update)
        elif not differs:
            unchanged += 1
        if person.imported is not None:
            memory.remember(kind, ident, export)
    return updated, kept, unchanged


def _control_warnings(added: list[Added], shown: str) -> list[Problem]:
    """A warning for every new record with control characters (escape sequences) in a value.

    They are imported as written (the file is the person's to fix), and graphnet's terminal
    output shows them escaped (:mod:`graphnet.terminal`); the warning says where they are.
    """
    warnings: list[Problem] = []
    for item in added:
        if item.row <= 0:
            continue  # an organization made for a row's company: that row's 'org' warning covers it
        for key, value in item.fields:
            texts = value if isinstance(value, list) else [value]
            found = [c for text in texts if isinstance(text, str) for c in control_characters(text)]
            if found:
                warnings.append(
                    Problem(
                        shown,
                        item.row,
                        0,
                        "warning",
                        f"'{key}' of '{item.id}' holds control characters ({', '.join(dict.fromkeys(found))}), "
                        "such as terminal escape sequences; imported as written and shown escaped: "
                        "remove them from the new file if they are not meant",
                    )
                )
    return warnings


def _verify_and_write(
    net: Network,
    planner: Planner,
    report: ImportReport,
    target: Path,
    memory: ImportMemory,
    *,
    today: date,
    use_cache: bool,
) -> None:
    """Load the network with the new file and the updated ones; unless it loads cleanly and reads back as planned, refuse."""
    workspace = None
    overrides: dict[Path, str] = {}
    if report.text:
        overrides[target] = report.text
    if report.updated:
        from ..files.edit_in_place import Workspace

        workspace = Workspace(net.root, net.files)
        apply_updates(workspace, report.updated, net.people)
        for doc in workspace.docs.values():
            if doc.changed:
                if report.dry_run:  # otherwise the commit below verifies, before writing anything
                    doc.verify()
                    report.diff += doc.diff()
                overrides[workspace.by_shown[doc.shown]] = doc.new_data().decode("utf-8-sig")
    loaded, after = _shadow_load(net.root, overrides, today, use_cache)
    errors = [p for p in after if p.is_error]
    if errors:
        shown_errors = "\n".join(str(p) for p in errors[:10])
        more = f"\n(and {len(errors) - 10} more)" if len(errors) > 10 else ""
        raise GraphnetError(
            f"the network would not load cleanly with the imported file, so nothing was written:\n{shown_errors}{more}"
        )
    _check_round_trip(loaded, planner, report.added, planner.strength)
    _check_updates(loaded, report.updated)
    shown_target = display_path(target)
    report.problems.extend(p for p in after if p.path == shown_target)
    if report.dry_run or report.refused:
        return
    from ..files.fileio import replace_file, write_new_file

    if workspace is not None:
        result = workspace.commit(False, [])
        report.changed_files = list(result.paths)
    if report.text:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_new_file(target, report.text)
    remembered = memory.text()
    if remembered is not None:
        memory.path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(memory.path, remembered.encode("utf-8"))


def _check_updates(loaded: Network, updates: list[Update]) -> None:
    """Every updated record must read back with the export's values."""
    for update in updates:
        person = loaded.people.get(update.id)
        for key, (_old, new) in update.changes.items():
            got: Any = None
            if person is not None:
                got = loaded.name_of(person.org) if key == "org" and person.org else getattr(person, key)
                got = got.isoformat() if key == "connected" and got is not None else got
                if key == "email":
                    got = new if new in person.emails else got
            if got != new:
                raise GraphnetError(
                    f"internal error: '{update.id}' would read back with {key} {got!r} instead of {new!r}; "
                    "nothing was written. Please report this with the row that caused it"
                )
