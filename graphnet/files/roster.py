"""The roster: who is in a network, kept beside the parse cache so that a write need not load it.

Logging a coffee names one person; checking that name against a network of 30,000 people
should not cost a full load. Every load with the cache on stores the roster of the
network it read: the names and ids of me, the people, the organizations and the groups,
the files in reading order with the SHA-256 of each one's bytes, and how many errors the
network had. :func:`roster_network` gives back a :class:`~graphnet.model.Network` holding
just that, and only while the folder still holds exactly those bytes (its fingerprint,
:func:`graphnet.files.cache.fingerprint`, is computed again from the files every time);
otherwise it gives ``None`` and the writer loads the network as before. A stale or
missing roster therefore costs time, never a wrong answer.

A write that adds no id (``log``, ``favor``, ``intro``, ``remind``) leaves the roster's
people as they were; :func:`follow_write` re-stamps it with the hash of the bytes the
write itself produced, so the next write in the daily loop finds it current. A hand edit
made meanwhile changes the folder's fingerprint, so the roster is not used.

Like the rest of the cache it is JSON only, in the user's cache folder (mode 0700), and
``graphnet cache clear`` removes it.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ..model import NOWHERE, Group, Me, Network, Organization, Person, Source
from ..text import display_path
from .cache import cache_dir, fingerprint, fingerprint_of, store_json

__all__ = ["follow_files", "follow_write", "roster_network", "store_roster"]

#: Bump when the roster's content changes shape.
FORMAT = "roster-v2"


def _roster_path(root: Path) -> Path:
    real = os.path.realpath(root)
    key = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / FORMAT / f"{key}.json"


def _stored_digest(entry: Path) -> str | None:
    """The digest a stored roster was made for, read from its first bytes only."""
    try:
        with entry.open("rb") as handle:
            head = handle.read(120).decode("ascii", "replace")
    except OSError:
        return None
    prefix = '{"digest":"'
    return head[len(prefix) : len(prefix) + 64] if head.startswith(prefix) else None


def store_roster(net: Network, errors: int) -> None:
    """Keep the roster of ``net`` (as loaded, with ``errors`` errors) for the next write.

    Costs nothing when the stored roster is already this one; never raises.
    """
    if not net.digest or len(net.file_hashes) != len(net.files):
        return
    entry = _roster_path(net.root)
    if _stored_digest(entry) == net.digest:
        return
    _write(entry, net, net.digest, net.file_hashes, errors)


def _write(entry: Path, net: Network, digest: str, hashes: list[bytes], errors: int) -> None:
    # Sources are kept as the file's place in ``files``: how a path is shown depends on the working folder.
    place = {display_path(net.root / name): i for i, name in enumerate(net.files)}
    payload = {  # "digest" first: _stored_digest reads it from the file's head
        "digest": digest,
        "files": [[name, file_hash.hex()] for name, file_hash in zip(net.files, hashes, strict=True)],
        "errors": errors,
        "me": [net.me.name, place.get(net.me.source.path, -1), net.me.source.line],
        # Where each person is written: an edit in place opens that file only.
        "people": [[p.id, p.name, p.org, place.get(p.source.path, -1)] for p in net.people.values()],
        "organizations": [[o.id, o.name, o.aliases] for o in net.organizations.values()],
        "groups": [[g.id, g.name] for g in net.groups.values()],
    }
    store_json(entry, payload)


def roster_network(root: Path, paths: list[Path]) -> tuple[Network, int] | None:
    """The network in ``root`` as its roster knows it, and its error count; ``None`` unless current.

    The network holds me (name and where it is written), every person (id, name,
    organization, the file holding the record), every organization (id, name, aliases)
    and every group (id, name), the files and their fingerprint: what a write that names
    people, or changes one person's record in place, needs; nothing more. ``files`` are the
    folder's data files as the loader finds them (:func:`graphnet.files.loader.data_files`).
    """
    entry = _roster_path(root)
    try:
        raw: Any = json.loads(entry.read_bytes())
        files = [(str(name), bytes.fromhex(file_hash)) for name, file_hash in raw["files"]]
        digest = str(raw["digest"])
    except Exception:  # missing or damaged: load the network instead
        return None
    if fingerprint_of(files) != digest or fingerprint(paths, root) != digest:
        return None
    try:
        shown = [display_path(root / name) for name, _ in files]
        me_name, me_place, me_line = raw["me"]
        net = Network(root=root, me=Me(name=str(me_name), source=_source(shown, me_place, int(me_line))))
        net.people = {
            str(i): Person(id=str(i), name=str(n), org=o, source=_source(shown, place))
            for i, n, o, place in raw["people"]
        }
        net.organizations = {
            str(i): Organization(id=str(i), name=str(n), aliases=list(a)) for i, n, a in raw["organizations"]
        }
        net.groups = {str(i): Group(id=str(i), name=str(n)) for i, n in raw["groups"]}
        errors = int(raw["errors"])
    except Exception:
        return None
    net.files = [name for name, _ in files]
    net.file_hashes = [file_hash for _, file_hash in files]
    net.digest = digest
    return net, errors


def _source(shown: list[str], place: int, line: int = 0) -> Source:
    """Where a record is written, from its file's place in the roster (-1: not known, so nowhere)."""
    return Source(shown[place], line) if 0 <= place < len(shown) else NOWHERE


def follow_write(net: Network, written: Path, new_hash: bytes, *, only_if_clean: bool = False) -> None:
    """Re-stamp the roster after a write that added no id changed the file ``written``.

    ``net`` is the network the write checked its names against (loaded, or from the roster)
    and ``new_hash`` the SHA-256 of the bytes the write put in ``written``. Only a roster
    made for ``net`` is re-stamped; a write that made a new file, or changed a file the
    network did not read, leaves the roster stale. With ``only_if_clean`` a roster that
    counted errors is left stale too (an edit in place may have fixed one).
    """
    follow_files(net, {written: new_hash}, only_if_clean=only_if_clean)


def follow_files(
    net: Network, written: dict[Path, bytes], *, people: dict[str, Person] | None = None, only_if_clean: bool = False
) -> None:
    """Re-stamp the roster after a write changed the files ``written`` (path -> SHA-256 of the new bytes).

    As :func:`follow_write`, for several files at once; ``people`` replaces the roster's
    people when the write changed who is in the network or their organization (``merge``).
    Every written file must be one the roster holds, else the roster is left stale.
    """
    if not net.digest or len(net.file_hashes) != len(net.files):
        return
    entry = _roster_path(net.root)
    if _stored_digest(entry) != net.digest:
        return
    try:
        errors = int(json.loads(entry.read_bytes())["errors"])
    except Exception:
        return
    if only_if_clean and errors:
        return
    place = {os.path.realpath(net.root / name): i for i, name in enumerate(net.files)}
    if len(place) != len(net.files):  # a file reached twice: which name the write changed is unclear
        return
    hashes = list(net.file_hashes)
    for path, new_hash in written.items():
        at = place.get(os.path.realpath(path))
        if at is None:
            return
        hashes[at] = new_hash
    digest = fingerprint_of(list(zip(net.files, hashes, strict=True)))
    if people is not None:
        net = copy.copy(net)
        net.people = people
    _write(entry, net, digest, hashes, errors)
