"""Changing a person's files without ever losing a byte of them.

graphnet only ever *adds* text to a user's file (see :mod:`graphnet.yamlwrite`);
this module makes that addition safe:

* the file is read, changed and replaced under a lock on a hidden side file
  (``.people.yaml.lock``; locking the data file itself is useless once
  ``os.replace`` swaps its inode), and the write is abandoned if the file
  changed between reading and replacing it (an editor saved it meanwhile);
* the file's BOM and newline style (LF or CRLF) are kept, and a file that ends
  without a newline (even inside a comment, ``note: hi # todo``) gets one
  before the new text, so nothing is swallowed;
* before replacing, the new bytes must be the old bytes with exactly the new
  text inserted once (for an append: the old bytes are an exact prefix), and
  the strict reader must read them as the old data plus exactly the new entry;
* the new file is written to a temporary file in the same folder, fsynced,
  given the old file's mode (and owner, as root), and moved over the real
  file (symlinks are written through, not replaced), then the folder is
  fsynced;
* a read-only file, a full disk, a missing permission: a
  :class:`~graphnet.errors.GraphnetError` that says so, and the original is
  left byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout

from ..errors import GraphnetError, Problem
from .yamlread import YMap, YSeq, parse_bytes

__all__ = [
    "BOM",
    "CannotExtend",
    "Change",
    "FileChange",
    "Insertion",
    "Splice",
    "append_to_file",
    "edit_file",
    "expect_entry_added",
    "lock_path",
    "locked_files",
    "network_lock",
    "newline_of",
    "replace_file",
    "replace_files",
    "write_new_file",
]

BOM = b"\xef\xbb\xbf"
#: Seconds to wait for another graphnet writing the same file.
LOCK_TIMEOUT = 60.0


class CannotExtend(GraphnetError):
    """The file cannot take the new entry by adding text alone (e.g. a flow-style list).

    Nothing was written; the caller may write to another file instead.
    """


_T = TypeVar("_T")


@dataclass(frozen=True)
class Insertion:
    """Text to insert into a file's decoded text (BOM removed).

    ``offset`` is a character offset into the old text; ``text`` uses ``\\n``
    line breaks, turned into the file's own style when written. An insertion at
    the very end of a file that does not end with a line break gets one first.
    """

    offset: int
    text: str


@dataclass(frozen=True)
class Change:
    """What was (or, on a dry run, would be) written."""

    path: Path
    #: The text added, with ``\\n`` line breaks (a leading break added to end a last line included).
    text: str
    #: 1-based line at which the added text starts in the new file.
    line: int
    #: True when the file did not exist before.
    created: bool
    dry_run: bool
    #: SHA-256 of the bytes written (None on a dry run), to follow the write without reading the file again.
    file_hash: bytes | None = None


@dataclass(frozen=True)
class Splice:
    """Replace the characters ``[start, end)`` of a file's decoded text by ``text`` (``\\n`` breaks).

    ``start == end`` inserts. Splices of one edit must not overlap.
    """

    start: int
    end: int
    text: str


Builder = Callable[[str, Any], Insertion]
Verifier = Callable[[Any, Any], None]

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EFBIG: "the file is too large",
    errno.EIO: "an input/output error occurred",
}


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _shown(path: Path) -> str:
    from ..text import display_path

    return display_path(path)


def lock_path(real: Path) -> Path:
    """The side file locked while ``real`` is changed: ``.<name>.lock`` next to it.

    Hidden, so the loader never reads it; add ``.*.lock`` to ``.gitignore``.
    """
    return real.with_name(f".{real.name}.lock")


def newline_of(text: str) -> str:
    """``"\\r\\n"`` when the file's first line break is CRLF, else ``"\\n"``."""
    index = text.find("\n")
    return "\r\n" if index > 0 and text[index - 1] == "\r" else "\n"


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - platforms without folder handles
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # pragma: no cover - some file systems refuse folder fsync
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _write_temp(folder: Path, name: str, data: bytes, mode: int, owner: tuple[int, int] | None) -> Path:
    """``data`` in a new hidden temporary file in ``folder``, fsynced, with ``mode``."""
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fchmod(fd, mode)
            if owner is not None:
                with contextlib.suppress(OSError):
                    os.fchown(fd, owner[0], owner[1])
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_new_file(path: Path, text: str | bytes) -> None:
    """Create ``path`` holding ``text``, atomically, never overwriting anything.

    Parent folders are created. The text goes to a temporary file in the same
    folder, is fsynced and then linked into place (``os.link`` fails if the name
    exists, so a file created meanwhile is never replaced); the folder is fsynced.

    Raises
    ------
    GraphnetError
        If ``path`` exists (also as a broken symlink), or the disk is full,
        read-only or not writable; no file is left behind.
    """
    path = Path(path)
    shown = _shown(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if os.path.lexists(path):
        raise GraphnetError(f"{shown} already exists; graphnet never overwrites a file")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp = _write_temp(folder, path.name, data, _default_mode(), None)
    except OSError as exc:
        raise GraphnetError(f"cannot create {shown}: {_reason(exc)}; nothing was written") from exc
    try:
        try:
            os.link(temp, path)
        except FileExistsError:
            raise GraphnetError(f"{shown} already exists; graphnet never overwrites a file") from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            # No hard links here (some network/FAT file systems): claim the name, then replace.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
            os.replace(temp, path)
        _fsync_folder(folder)
    except FileExistsError:
        raise GraphnetError(f"{shown} already exists; graphnet never overwrites a file") from None
    except OSError as exc:
        raise GraphnetError(f"cannot create {shown}: {_reason(exc)}; nothing was written") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def replace_file(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically, replacing what is there (outputs: maps, exports).

    A symlink is written through. The file keeps its mode (``mode`` overrides it; a
    new file gets the usual mode for the umask). The data goes to a temporary file
    in the same folder, is fsynced and renamed over the target; the folder is fsynced.

    Raises
    ------
    GraphnetError
        If the folder cannot be written or the disk is full; the old file is unchanged.
    """
    path = Path(path)
    shown = _shown(path)
    real = path.resolve() if path.is_symlink() else path
    folder = real.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if mode is None:
            mode = real.stat().st_mode & 0o7777 if real.exists() else _default_mode()
        temp = _write_temp(folder, real.name, data, mode, None)
    except OSError as exc:
        raise GraphnetError(f"cannot write {shown}: {_reason(exc)}; nothing was written") from exc
    try:
        os.replace(temp, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise GraphnetError(f"cannot write {shown}: {_reason(exc)}; the old file is unchanged") from exc
    with contextlib.suppress(OSError):
        _fsync_folder(folder)


def _decode(data: bytes, shown: str) -> tuple[bool, str]:
    bom = data.startswith(BOM)
    body = data[3:] if bom else data
    try:
        return bom, body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GraphnetError(f"{shown} is not UTF-8 text; save it as UTF-8 and try again") from exc


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@contextlib.contextmanager
def _locked(real: Path, shown: str, *, lock: Path | None = None) -> Iterator[None]:
    side = lock or lock_path(real)
    file_lock = FileLock(side, timeout=LOCK_TIMEOUT)
    try:
        file_lock.acquire()
    except Timeout as exc:
        raise GraphnetError(
            f"another program has been writing {shown} for over {LOCK_TIMEOUT:.0f} s "
            f"(lock {side.name}); try again, or delete the lock file if no graphnet is running"
        ) from exc
    except OSError as exc:
        raise GraphnetError(
            f"cannot lock {shown} for writing ({side.name}): {_reason(exc)}; nothing was written"
        ) from exc
    try:
        yield
    finally:
        file_lock.release()


#: Network folders whose lock this process holds, and how deeply (a write may call another).
_HELD: dict[Path, int] = {}
NETWORK_LOCK_NAME = ".graphnet.lock"


@contextlib.contextmanager
def network_lock(root: Path) -> Iterator[None]:
    """Hold the lock of the whole network folder ``root`` (``ROOT/.graphnet.lock``).

    Whatever must be unique across the network (ids, aliases) is decided while holding
    it, with the network read again under it (:func:`graphnet.files.loader.reread_if_changed`):
    two writers to two different files of one network cannot both claim an id. Re-entrant
    within a process.
    """
    real = Path(os.path.realpath(root))
    if _HELD.get(real):
        _HELD[real] += 1
        try:
            yield
        finally:
            _HELD[real] -= 1
        return
    with _locked(real / "network", f"the network {_shown(real)}", lock=real / NETWORK_LOCK_NAME):
        _HELD[real] = 1
        try:
            yield
        finally:
            del _HELD[real]


def _problems_text(problems: list[Problem]) -> str:
    return "; ".join(str(p) for p in problems[:3])


def append_to_file(
    path: Path,
    new_text_builder: Builder,
    verify: Verifier,
    *,
    dry_run: bool = False,
    use_cache: bool = True,
) -> Change:
    """Add text to ``path`` (or create it) so that nothing already there can be lost.

    Parameters
    ----------
    path : Path
        The file; a symlink is followed and its target changed. A missing file
        is created (its folder too).
    new_text_builder : callable(old_text, old_tree) -> Insertion
        Given the file's text (BOM removed, ``""`` for a new file) and its strict
        tree (``None`` when empty), says where to insert what. May raise
        :class:`CannotExtend`.
    verify : callable(old_tree, new_tree)
        Raises :class:`CannotExtend` unless the new tree is the old one plus
        exactly the intended entry (see :func:`expect_entry_added`).
    dry_run : bool
        Do everything but take the lock and write.
    use_cache : bool
        Take the old file's strict parse from graphnet's parse cache (the loader
        has usually just stored it) and store the new file's there, so the next
        command need not parse it again. The new bytes are always parsed for real.

    Returns
    -------
    Change

    Raises
    ------
    GraphnetError
        The file has YAML errors, is read-only, changed while being written, or
        the disk refused the write; the original is left intact.
    CannotExtend
        The text could not be added safely; nothing was written.
    """
    return _on_file(
        path,
        dry_run,
        lambda real, shown: _append(real, shown, new_text_builder, verify, dry_run=dry_run, use_cache=use_cache),
    )


def _on_file(path: Path, dry_run: bool, work: Callable[[Path, str], _T]) -> _T:
    """``work(real, shown)`` on the file ``path`` leads to (a symlink followed).

    A dry run only reads; a real write first makes the file's folder, then holds the file's lock.
    """
    real = Path(os.path.realpath(path))
    shown = _shown(Path(path))
    if real.is_dir():
        raise GraphnetError(f"{shown} is a folder, not a file")
    if dry_run:
        return work(real, shown)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GraphnetError(f"cannot create the folder of {shown}: {_reason(exc)}; nothing was written") from exc
    with _locked(real, shown):
        return work(real, shown)


def _read(real: Path, shown: str) -> bytes | None:
    try:
        return real.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise GraphnetError(f"cannot read {shown}: {_reason(exc)}") from exc


def _parse(data: bytes, shown: str, *, use_cache: bool) -> tuple[Any, list[Problem]]:
    if not use_cache:
        return parse_bytes(data, shown)
    from .cache import parse_cached

    return parse_cached(data, shown)


@dataclass(frozen=True)
class _Old:
    """A file as a write found it (empty if it does not exist yet)."""

    data: bytes
    created: bool
    #: The bytes' SHA-256: the file is replaced only if it still holds them.
    hash: bytes
    bom: bool
    #: The text without its BOM.
    text: str
    #: Its strict tree (``None`` when empty).
    tree: Any


def _read_old(real: Path, shown: str, verb: str, *, use_cache: bool) -> _Old:
    """The file as it is, refused (``graphnet will not VERB it``) if it has YAML errors."""
    old_bytes = _read(real, shown)
    data = old_bytes or b""
    bom, text = _decode(data, shown)
    tree, problems = _parse(data, shown, use_cache=use_cache)
    if problems:
        raise GraphnetError(
            f"{shown} has errors, so graphnet will not {verb} it: {_problems_text(problems)}; "
            "fix them first (`graphnet check` lists them)"
        )
    return _Old(data, old_bytes is None, hashlib.sha256(data).digest(), bom, text, tree)


def _store(real: Path, shown: str, new_data: bytes, old: _Old) -> None:
    """Write a new file, or replace the old one if it still holds the bytes it was read with."""
    if old.created:
        write_new_file(real, new_data)
    else:
        _replace(real, shown, new_data, old.hash)


def _append(real: Path, shown: str, build: Builder, verify: Verifier, *, dry_run: bool, use_cache: bool) -> Change:
    old = _read_old(real, shown, "add to", use_cache=use_cache)
    if not old.created and not dry_run:
        mode = os.stat(real).st_mode
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(real, os.W_OK):
            raise GraphnetError(
                f"{shown} is read-only; make it writable (chmod u+w) or choose another file with `file`; "
                "nothing was written"
            )
    insertion = build(old.text, old.tree)
    added, new_data, tail = _appended(old, insertion, shown)
    start_line = _line_at(old.text, insertion.offset) + (len(added) - len(added.lstrip("\n")))
    _verify_appended(
        old, added, new_data, start_line, verify, shown, cached=use_cache and not dry_run, whole=bool(tail)
    )
    change = Change(
        path=real,
        text=added,
        line=_line_at(old.text, insertion.offset) + (1 if added.startswith("\n") else 0),
        created=old.created,
        dry_run=dry_run,
    )
    if dry_run:
        return change
    _store(real, shown, new_data, old)
    return dataclasses.replace(change, file_hash=hashlib.sha256(new_data).digest())


def _appended(old: _Old, insertion: Insertion, shown: str) -> tuple[str, bytes, bytes]:
    """(the text added, the new bytes, the old bytes after it), checked to keep every old byte."""
    offset = insertion.offset
    if not 0 <= offset <= len(old.text):
        raise CannotExtend(f"cannot add to {shown}: insertion point {offset} outside the file")
    if offset < len(old.text) and offset > 0 and old.text[offset - 1] not in "\n\r":
        raise CannotExtend(f"cannot add to {shown}: text can only be inserted at the start of a line")
    added = insertion.text
    if not added.endswith("\n"):
        added += "\n"
    if offset == len(old.text) and old.text and not old.text.endswith(("\n", "\r")):
        added = "\n" + added  # end the last line (maybe a comment) first
    added_bytes = added.replace("\n", newline_of(old.text)).encode("utf-8")
    head = (BOM if old.bom else b"") + old.text[:offset].encode("utf-8")
    tail = old.data[len(head) :]
    new_data = head + added_bytes + tail
    # The old bytes must be the new ones with exactly the added text removed.
    if not (
        len(new_data) == len(old.data) + len(added_bytes)
        and new_data.startswith(old.data[: len(head)])
        and new_data.endswith(tail)
        and (tail or new_data.startswith(old.data))
    ):
        raise CannotExtend(f"cannot add to {shown}: the new bytes do not keep the old ones intact")
    return added, new_data, tail


def _verify_appended(
    old: _Old, added: str, new_data: bytes, start_line: int, verify: Verifier, shown: str, *, cached: bool, whole: bool
) -> None:
    """Read the result strictly and ``verify`` it: the entry alone when the verifier can (an append at the end)."""
    local = getattr(verify, "appended_tree", None)
    new_tree = local(old.tree, old.text, added, start_line) if local is not None and not whole else None
    if new_tree is not None:  # the entry alone was read and vouched for: see expect_entry_added
        verify(old.tree, new_tree)
        if cached:
            from .built import remember_append
            from .cache import remember_parse

            remember_parse(new_data, new_tree, grown_from=old.hash)  # so the next load need not parse the file …
            remember_append(old.hash, new_data, getattr(verify, "section", ""), new_tree)  # … nor build it
        return
    new_tree, new_problems = _parse(new_data, shown, use_cache=cached)
    if new_problems:
        raise CannotExtend(
            f"cannot add to {shown} safely: the result would not read cleanly ({_problems_text(new_problems)})"
        )
    verify(old.tree, new_tree)


def _replace(real: Path, shown: str, new_data: bytes, old_hash: bytes) -> None:
    try:
        st = os.stat(real)
        owner = (st.st_uid, st.st_gid) if os.geteuid() == 0 else None
        temp = _write_temp(real.parent, real.name, new_data, stat.S_IMODE(st.st_mode), owner)
    except OSError as exc:
        raise GraphnetError(f"cannot write {shown}: {_reason(exc)}; the file was not changed") from exc
    try:
        current = _read(real, shown)
        if current is None or hashlib.sha256(current).digest() != old_hash:
            raise GraphnetError(
                f"{shown} changed while graphnet was writing it (saved in an editor?); "
                "nothing was written: run the command again"
            )
        os.replace(temp, real)
        _fsync_folder(real.parent)
    except OSError as exc:
        raise GraphnetError(f"cannot write {shown}: {_reason(exc)}; the file was not changed") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


@dataclass(frozen=True)
class FileChange:
    """New bytes for one existing file, and the bytes they were made from."""

    real: Path
    shown: str
    old_data: bytes
    new_data: bytes


@contextlib.contextmanager
def locked_files(reals: list[Path], shown: dict[Path, str]) -> Iterator[None]:
    """Hold the side-file locks of several files at once (taken in path order, so two writers never deadlock)."""
    with contextlib.ExitStack() as stack:
        for real in sorted(set(reals)):
            stack.enter_context(_locked(real, shown.get(real, str(real))))
        yield


def replace_files(changes: list[FileChange]) -> None:
    """Replace several files together: all of them change, or none does.

    Call it holding :func:`locked_files` for every file. Each file must still hold its
    ``old_data`` (else nothing is written: an editor saved it meanwhile). The new
    bytes go to fsynced temporary files first; the files are then replaced one by
    one, and if a replacement fails, the ones already replaced get their old bytes
    back (from fsynced copies), so a failure midway leaves every file as it was.

    Raises
    ------
    GraphnetError
        A file changed meanwhile, is read-only, or the disk refused; no file is changed.
    """
    temps: list[tuple[FileChange, Path, Path]] = []
    try:
        for change in changes:
            real = change.real
            current = _read(real, change.shown)
            if current != change.old_data:
                raise GraphnetError(
                    f"{change.shown} changed while graphnet was writing it (saved in an editor?); "
                    "nothing was written: run the command again"
                )
            if not os.access(real, os.W_OK):
                raise GraphnetError(f"{change.shown} is read-only; make it writable (chmod u+w); nothing was written")
            st = os.stat(real)
            owner = (st.st_uid, st.st_gid) if os.geteuid() == 0 else None
            mode = stat.S_IMODE(st.st_mode)
            try:
                new = _write_temp(real.parent, real.name, change.new_data, mode, owner)
                old = _write_temp(real.parent, real.name, change.old_data, mode, owner)
            except OSError as exc:
                raise GraphnetError(f"cannot write {change.shown}: {_reason(exc)}; nothing was written") from exc
            temps.append((change, new, old))
        _swap_all(temps)
    finally:
        for _change, new, old in temps:
            for temp in (new, old):
                with contextlib.suppress(OSError):
                    temp.unlink()


def _swap_all(temps: list[tuple[FileChange, Path, Path]]) -> None:
    done: list[tuple[FileChange, Path]] = []
    for change, new, old in temps:
        try:
            os.replace(new, change.real)
        except OSError as exc:
            for undone, backup in reversed(done):
                with contextlib.suppress(OSError):
                    os.replace(backup, undone.real)
            raise GraphnetError(f"cannot write {change.shown}: {_reason(exc)}; every file was left as it was") from exc
        done.append((change, old))
    for folder in {change.real.parent for change, _new, _old in temps}:
        with contextlib.suppress(OSError):
            _fsync_folder(folder)


#: A line that ends a YAML document or starts another: text after it is not part of the last section.
_DOCUMENT_MARK = re.compile(r"^(?:---|\.\.\.)(?:[ \t]|$)", re.MULTILINE)


def _shifted(node: Any, lines: int) -> Any:
    """A copy of a strict tree ``node`` with every position moved down by ``lines``."""
    if isinstance(node, YMap):
        moved = YMap((node.pos[0] + lines, node.pos[1]))
        for key, value in node.items():
            moved[key] = _shifted(value, lines)
            moved.key_pos[key] = (node.key_pos[key][0] + lines, node.key_pos[key][1])
            moved.value_pos[key] = (node.value_pos[key][0] + lines, node.value_pos[key][1])
        return moved
    if isinstance(node, YSeq):
        seq = YSeq((node.pos[0] + lines, node.pos[1]))
        for value, (line, column) in zip(node, node.item_pos, strict=True):
            seq.append(_shifted(value, lines))
            seq.item_pos.append((line + lines, column))
        return seq
    return node


def _appended_tree(section: str, entry: Any) -> Callable[[Any, str, str, int], Any]:
    """How to know the new tree of a file from the added text alone (None: parse the whole file).

    When ``section`` is the file's last section, a non-empty block list, and the text is added
    at the end of the file, the new file reads as the old one plus whatever the added text reads
    as inside that list: the text starts on a line of its own, at the column of the list's
    items, after every node of the old file has ended (a block scalar or a plain scalar ends
    at a line indented no deeper than its parent; a quoted one or a flow collection closed
    before the old end, since the old file read cleanly), and nothing after it can belong to
    anything else. So the added text is parsed alone, as ``section:`` followed by it: it must
    read as exactly one item, at the items' column, equal to ``entry``. Files with a document
    marker (``---``, ``...``) or a lone carriage return as line break are parsed whole.
    """

    def appended(old_tree: Any, old_text: str, added: str, start_line: int) -> Any:
        if not isinstance(old_tree, YMap) or not old_tree or list(old_tree)[-1] != section:
            return None
        items = old_tree[section]
        if not isinstance(items, YSeq) or not items:
            return None
        column = items.item_pos[0][1]
        if any(pos[1] != column for pos in items.item_pos):
            return None
        if _DOCUMENT_MARK.search(old_text) or old_text.count("\r") != old_text.count("\r\n"):
            return None
        body = added.lstrip("\n")
        dash = items.pos[1]  # a block list starts at its first dash; every item's dash is in that column
        if not body.startswith(" " * (dash - 1) + "-"):
            return None
        alone, problems = parse_bytes(f"{section}:\n{body}".encode(), "<added>")
        if problems or not isinstance(alone, YMap) or list(alone) != [section]:
            return None
        read = alone[section]
        if (
            not isinstance(read, YSeq)
            or len(read) != 1
            or read.pos[1] != dash
            or read.item_pos[0][1] != column
            or read[0] != entry
        ):
            return None
        new_items = YSeq(items.pos)
        new_items.extend(items)
        new_items.item_pos.extend(items.item_pos)
        lines = start_line - 2  # the body's first line is line 2 of the text parsed alone
        new_items.append(_shifted(read[0], lines))
        new_items.item_pos.append((read.item_pos[0][0] + lines, column))
        new_tree = YMap(old_tree.pos)
        new_tree.update(old_tree)
        new_tree.key_pos.update(old_tree.key_pos)
        new_tree.value_pos.update(old_tree.value_pos)
        new_tree[section] = new_items
        return new_tree

    return appended


def expect_entry_added(section: str, entry: Any) -> Verifier:
    """A verifier: the new tree is the old one with ``entry`` appended to ``section``.

    Every other section must be unchanged, in the same order; a section that
    was missing or empty must now hold exactly ``[entry]``. Trees are compared
    as plain data (``YMap``/``YSeq`` equality ignores positions). Its
    ``appended_tree`` lets :func:`append_to_file` know the new tree without
    parsing the whole file when that is safe (:func:`_appended_tree`).
    """

    def verify(old_tree: Any, new_tree: Any) -> None:
        old = dict(old_tree) if isinstance(old_tree, dict) else {}
        if old_tree is not None and not isinstance(old_tree, dict):
            raise CannotExtend("the file is not a mapping of sections")
        if not isinstance(new_tree, dict):
            raise CannotExtend("the result is not a mapping of sections")
        before = old.get(section)
        if before in (None, ""):
            before = []
        if not isinstance(before, list):
            raise CannotExtend(f"'{section}' is not a list")
        expected = dict(old)
        expected[section] = [*before, entry]
        keys = list(old) if section in old else [*old, section]
        if list(new_tree) != keys:
            raise CannotExtend("the sections of the file would change")
        for key in keys:
            if new_tree[key] != expected[key]:  # YMap/YSeq compare as plain dicts/lists
                what = f"the '{key}' section" if key != section else f"the entries of '{section}'"
                raise CannotExtend(f"{what} would not read back as the old data plus the new entry")

    verify.appended_tree = _appended_tree(section, entry)  # type: ignore[attr-defined]
    verify.section = section  # type: ignore[attr-defined]
    return verify


def edit_file(
    path: Path,
    build: Callable[[str, Any], list[Splice]],
    verify: Verifier,
    *,
    dry_run: bool = False,
    use_cache: bool = True,
) -> Change | None:
    """Change a few spans of ``path`` (or create it), leaving every other byte as it was.

    The generalisation of :func:`append_to_file` for a write that both changes values
    in place and adds entries (an import merging into its own file). ``build(text,
    tree)`` gives the splices on the decoded text (BOM removed; ``""`` and ``None`` for
    a missing file); the new bytes must equal the old ones outside the splices, and
    ``verify(old_tree, new_tree)`` must accept the strict re-read, before the file is
    replaced under its lock (or created without overwriting anything).

    Returns
    -------
    Change or None
        None when there is nothing to change (no splice): no byte is written.
        ``text`` is the text of the last splice, ``line`` where the first one starts.
    """
    return _on_file(
        path, dry_run, lambda real, shown: _edit(real, shown, build, verify, dry_run=dry_run, use_cache=use_cache)
    )


def _spliced(old_data: bytes, bom: bool, old_text: str, splices: list[Splice], shown: str) -> bytes:
    """The new bytes, checked to keep every old byte outside the splices."""
    newline = newline_of(old_text)
    head = BOM if bom else b""
    parts: list[bytes] = [head]
    kept: list[tuple[int, bytes]] = []  # (offset in the new bytes, old bytes kept there)
    position, at = 0, len(head)
    for splice in sorted(splices, key=lambda s: s.start):
        if not position <= splice.start <= splice.end <= len(old_text):
            raise CannotExtend(f"cannot change {shown}: overlapping or out-of-range edits")
        same = old_text[position : splice.start].encode("utf-8")
        kept.append((at, same))
        new = splice.text.replace("\n", newline).encode("utf-8")
        parts += [same, new]
        at += len(same) + len(new)
        position = splice.end
    rest = old_text[position:].encode("utf-8")
    kept.append((at, rest))
    parts.append(rest)
    new_data = b"".join(parts)
    old_body = old_data[len(head) :]
    if b"".join(chunk for _, chunk in kept) != _without(old_body, old_text, splices) or any(
        new_data[offset : offset + len(chunk)] != chunk for offset, chunk in kept
    ):
        raise CannotExtend(f"cannot change {shown}: the new bytes do not keep the old ones intact")
    return new_data


def _without(old_body: bytes, old_text: str, splices: list[Splice]) -> bytes:
    """The old bytes with the replaced spans cut out (computed from the bytes, not the text)."""
    pieces, position = [], 0
    for splice in sorted(splices, key=lambda s: s.start):
        start = len(old_text[: splice.start].encode("utf-8"))
        pieces.append(old_body[position:start])
        position = len(old_text[: splice.end].encode("utf-8"))
    pieces.append(old_body[position:])
    return b"".join(pieces)


def _edit(
    real: Path,
    shown: str,
    build: Callable[[str, Any], list[Splice]],
    verify: Verifier,
    *,
    dry_run: bool,
    use_cache: bool,
) -> Change | None:
    old = _read_old(real, shown, "change", use_cache=use_cache)
    if not old.created and not dry_run and not os.access(real, os.W_OK):
        raise GraphnetError(f"{shown} is read-only; make it writable (chmod u+w); nothing was written")
    splices = build(old.text, old.tree)
    if not splices:
        return None
    new_data = _spliced(old.data, old.bom, old.text, splices, shown)
    new_tree, new_problems = _parse(new_data, shown, use_cache=use_cache and not dry_run)
    if new_problems:
        raise CannotExtend(
            f"cannot change {shown} safely: the result would not read cleanly ({_problems_text(new_problems)})"
        )
    verify(old.tree, new_tree)
    first = min(splices, key=lambda s: s.start)
    change = Change(
        path=real, text=splices[-1].text, line=_line_at(old.text, first.start), created=old.created, dry_run=dry_run
    )
    if not dry_run:
        _store(real, shown, new_data, old)
    return change
