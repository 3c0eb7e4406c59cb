"""Every write rule (docs/writing.md), each on a real file: nothing already written is ever lost."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from graphnet.errors import GraphnetError
from graphnet.files import fileio
from graphnet.files.fileio import (
    CannotExtend,
    Insertion,
    append_to_file,
    expect_entry_added,
    lock_path,
    newline_of,
    write_new_file,
)
from graphnet.files.loader import data_files
from graphnet.files.yamlread import parse_bytes
from graphnet.files.yamlwrite import record

ENTRY = {"name": "Bea: the second", "notes": "NO # not a comment"}
ENTRY_TEXT = record(list(ENTRY.items()), prefix="  ")


def at_end(text: str, tree: Any) -> Insertion:
    return Insertion(len(text), ENTRY_TEXT)


def add_bea(path: Path, **kwargs: Any) -> fileio.Change:
    return append_to_file(path, at_end, expect_entry_added("people", ENTRY), **kwargs)


def people(path: Path) -> Any:
    tree, problems = parse_bytes(path.read_bytes(), str(path))
    assert problems == []
    return tree["people"]


def leftovers(folder: Path) -> list[str]:
    """Files other than the data file and its lock (temporary files must never stay)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


# -- newline style, BOM, last line ---------------------------------------------------------


def test_lf_file_gets_lf(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n"
    path.write_bytes(old)
    add_bea(path)
    new = path.read_bytes()
    assert new.startswith(old)
    assert b"\r" not in new
    assert people(path) == [{"name": "Ada"}, ENTRY]


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"\xef\xbb\xbf# mine\r\npeople:\r\n  - name: Ada\r\n"
    path.write_bytes(old)
    add_bea(path)
    new = path.read_bytes()
    assert new.startswith(old)  # BOM and every old byte kept, as a prefix
    added = new[len(old) :]
    assert added.count(b"\r\n") == added.count(b"\n") == 2  # only CRLF line breaks added
    assert new.count(b"\xef\xbb\xbf") == 1
    assert people(path) == [{"name": "Ada"}, ENTRY]


def test_newline_of() -> None:
    assert newline_of("a\r\nb\n") == "\r\n"
    assert newline_of("a\nb\r\n") == "\n"
    assert newline_of("") == "\n"


def test_file_without_final_newline_does_not_swallow_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n    notes: hi"
    path.write_bytes(old)
    add_bea(path)
    assert path.read_bytes().startswith(old + b"\n")
    assert people(path) == [{"name": "Ada", "notes": "hi"}, ENTRY]


def test_file_ending_in_a_comment_does_not_swallow_the_entry(tmp_path: Path) -> None:
    """The research notes' case: `note: hi # todo` with no newline merged the entry into the comment."""
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n    notes: hi # todo"
    path.write_bytes(old)
    change = add_bea(path)
    assert change.text.startswith("\n")
    assert change.line == 4
    assert people(path) == [{"name": "Ada", "notes": "hi"}, ENTRY]


def test_crlf_file_without_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\r\n  - name: Ada # todo"
    path.write_bytes(old)
    add_bea(path)
    assert path.read_bytes().startswith(old + b"\r\n  - name:")


# -- the prefix and re-read checks ---------------------------------------------------------


def test_old_bytes_are_an_exact_prefix(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = "# ünïcödé comment 😀\npeople:   # the list\n  - name: Ada   \n\n  # trailing comment\n".encode()
    path.write_bytes(old)
    add_bea(path)
    new = path.read_bytes()
    assert new[: len(old)] == old
    assert new[len(old) :] == ENTRY_TEXT.encode()


def test_insertion_mid_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n"
    path.write_bytes(old)
    with pytest.raises(CannotExtend, match="start of a line"):
        append_to_file(path, lambda text, tree: Insertion(12, ENTRY_TEXT), expect_entry_added("people", ENTRY))
    assert path.read_bytes() == old


def test_result_that_changes_old_data_is_refused(tmp_path: Path) -> None:
    """Text that would read as a change to the previous record (not a new one) is never written."""
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n"
    path.write_bytes(old)
    sneaky = "    notes: added to Ada\n"  # valid YAML, but it extends Ada instead of adding an entry
    with pytest.raises(CannotExtend, match="would not read back"):
        append_to_file(path, lambda text, tree: Insertion(len(text), sneaky), expect_entry_added("people", ENTRY))
    assert path.read_bytes() == old


def test_result_that_does_not_parse_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n"
    path.write_bytes(old)
    with pytest.raises(CannotExtend, match="would not read cleanly"):
        append_to_file(path, lambda t, tree: Insertion(len(t), "  - name: [x\n"), expect_entry_added("people", ENTRY))
    assert path.read_bytes() == old


def test_other_sections_must_stay_the_same(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\ngroups:\n  - name: G\n"
    path.write_bytes(old)
    # an entry appended at the very end lands in groups, not people: refused
    with pytest.raises(CannotExtend):
        add_bea(path)
    assert path.read_bytes() == old


def test_file_with_errors_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n  - name: Ada\n    name: twice\n"
    path.write_bytes(old)
    with pytest.raises(GraphnetError, match="has errors"):
        add_bea(path)
    assert path.read_bytes() == old


# -- atomic replace: mode, owner, symlinks ---------------------------------------------------


def test_mode_is_kept_and_no_temp_file_stays(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(b"people:\n  - name: Ada\n")
    os.chmod(path, 0o640)
    inode = path.stat().st_ino
    add_bea(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # replaced by os.replace, not rewritten in place
    assert leftovers(tmp_path) == ["people.yaml"]


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_owner_is_kept_as_root(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(b"people:\n  - name: Ada\n")
    os.chown(path, 4242, 4343)
    add_bea(path)
    assert (path.stat().st_uid, path.stat().st_gid) == (4242, 4343)


def test_symlink_is_written_through(tmp_path: Path) -> None:
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    real = real_folder / "people.yaml"
    real.write_bytes(b"people:\n  - name: Ada\n")
    link = tmp_path / "people.yaml"
    link.symlink_to(real)
    change = add_bea(link)
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert change.path == real.resolve()
    assert people(real) == [{"name": "Ada"}, ENTRY]
    assert lock_path(real).exists()  # the lock sits next to the real file
    assert leftovers(real_folder) == ["people.yaml"]


def test_lock_file_is_hidden_from_the_loader(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(b"people:\n  - name: Ada\n")
    add_bea(path)
    assert lock_path(path).name == ".people.yaml.lock"
    assert lock_path(path).exists()
    assert data_files(tmp_path) == [path]


def test_missing_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "people.yaml"
    change = append_to_file(
        path, lambda text, tree: Insertion(0, "people:\n" + ENTRY_TEXT), expect_entry_added("people", ENTRY)
    )
    assert change.created
    assert people(path) == [ENTRY]
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n"
    path.write_bytes(old)
    change = add_bea(path, dry_run=True)
    assert change.dry_run and change.text == ENTRY_TEXT
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.yaml"]  # not even a lock file


# -- refusals: read-only, full disk, changed meanwhile ----------------------------------------


def test_read_only_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n"
    path.write_bytes(old)
    os.chmod(path, 0o444)
    with pytest.raises(GraphnetError, match="read-only"):
        add_bea(path)
    assert path.read_bytes() == old
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert leftovers(tmp_path) == ["people.yaml"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "quota"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "permission denied"),
    ],
)
@pytest.mark.parametrize("call", ["write", "fsync"])
def test_full_disk_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str, call: str
) -> None:
    path = tmp_path / "people.yaml"
    old = b"# keep me\npeople:\n  - name: Ada\n"
    path.write_bytes(old)

    def refuse(*args: Any) -> Any:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, call, refuse)
    with pytest.raises(GraphnetError, match=words) as info:
        add_bea(path)
    assert "not changed" in str(info.value)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert leftovers(tmp_path) == ["people.yaml"]


def test_failing_replace_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n"
    path.write_bytes(old)

    def refuse(*args: Any) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(GraphnetError, match="read-only"):
        add_bea(path)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert leftovers(tmp_path) == ["people.yaml"]


def test_file_changed_between_read_and_write_aborts(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(b"people:\n  - name: Ada\n")
    edited = b"people:\n  - name: Ada\n  - name: Saved in the editor meanwhile\n"

    def build_while_editor_saves(text: str, tree: Any) -> Insertion:
        path.write_bytes(edited)  # an editor (not using graphnet's lock) saves now
        return Insertion(len(text), ENTRY_TEXT)

    with pytest.raises(GraphnetError, match="changed while graphnet was writing"):
        append_to_file(path, build_while_editor_saves, expect_entry_added("people", ENTRY))
    assert path.read_bytes() == edited  # the editor's version wins, untouched
    assert leftovers(tmp_path) == ["people.yaml"]


def test_lock_timeout_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from filelock import FileLock

    path = tmp_path / "people.yaml"
    old = b"people:\n  - name: Ada\n"
    path.write_bytes(old)
    monkeypatch.setattr(fileio, "LOCK_TIMEOUT", 0.2)
    other = FileLock(lock_path(path), thread_local=False)
    other.acquire()
    try:
        import threading

        errors: list[BaseException] = []

        def run() -> None:
            try:
                add_bea(path)
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    finally:
        other.release()
    assert len(errors) == 1 and "another program" in str(errors[0])
    assert path.read_bytes() == old


# -- creating files --------------------------------------------------------------------------


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_write_new_file_creates_folders_atomically(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "people.yaml"
    write_new_file(path, "people:\n")
    assert path.read_bytes() == b"people:\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()  # not mkstemp's 0600
    assert sorted(p.name for p in path.parent.iterdir()) == ["people.yaml"]


def test_write_new_file_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(b"mine")
    with pytest.raises(GraphnetError, match="already exists"):
        write_new_file(path, "people:\n")
    assert path.read_bytes() == b"mine"
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    with pytest.raises(GraphnetError, match="already exists"):
        write_new_file(dangling, "people:\n")
    assert not (tmp_path / "nowhere.yaml").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling.yaml", "people.yaml"]


def test_write_new_file_race_keeps_the_other_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file created between the existence check and the link is never replaced."""
    path = tmp_path / "people.yaml"
    real_link = os.link

    def link_after_someone_else(src: Any, dst: Any) -> None:
        Path(dst).write_bytes(b"someone else's")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", link_after_someone_else)
    with pytest.raises(GraphnetError, match="already exists"):
        write_new_file(path, "people:\n")
    assert path.read_bytes() == b"someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.yaml"]


def test_write_new_file_on_a_full_disk_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", refuse)
    with pytest.raises(GraphnetError, match="disk is full"):
        write_new_file(tmp_path / "people.yaml", "people:\n")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_the_new_file_is_parsed_once_and_cached(tmp_path: Path) -> None:
    """The next command finds the written file's parse in the cache instead of parsing it again."""
    import hashlib

    from graphnet.files import cache

    path = tmp_path / "people.yaml"
    path.write_bytes(b"people:\n  - name: Ada\n")
    add_bea(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert cache._entry_path(digest).is_file()
    add_bea(path, use_cache=False)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert not cache._entry_path(digest).exists()
    assert people(path) == [{"name": "Ada"}, ENTRY, ENTRY]
