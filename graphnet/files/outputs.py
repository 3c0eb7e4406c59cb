"""Where graphnet may write a file the user names (``map -o``, ``export -o``), and how.

An output path may never destroy something that is not graphnet's own output
(docs/writing.md, "Output files"). The rules, in order:

* a path inside the data folder is refused: the folder is the person's own
  text, and graphnet reads every ``*.yaml`` in it (links are resolved first, so
  a link pointing into the folder is refused too);
* a FIFO or a character device (``/dev/null``, ``/dev/stdout``, a terminal) is
  written *into*, never replaced; a block device, a socket or a folder is refused;
* an existing regular file is replaced only when graphnet wrote it, i.e. when its
  first 4 KiB hold one of :data:`GENERATOR_MARKS` (an empty file holds nothing to
  lose and is replaced too), or when ``force`` is given;
* otherwise the file is written atomically (:func:`graphnet.files.fileio.replace_file`).

``-` `` (standard output) is handled by the command line, not here.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import GraphnetError
from .fileio import replace_file

__all__ = ["GENERATOR_MARKS", "OutputTarget", "check_output", "is_graphnet_output", "write_output"]

#: How graphnet recognises its own output: one of these in the first :data:`HEAD_BYTES` bytes.
#: The map has a ``<meta name="generator">`` tag, GraphML and GEXF a comment after the XML
#: declaration, JSON a first key ``"generator"``; CSV (whose format allows no comment) is
#: recognised by graphnet's own first header cells.
GENERATOR_MARKS: tuple[bytes, ...] = (
    b'<meta name="generator" content="graphnet">',
    b"<!-- generator: graphnet -->",
    b'"generator": "graphnet"',
    b"id:ID,:LABEL,kind",
    b":START_ID,:END_ID,:TYPE,kind",
)
HEAD_BYTES = 4096


@dataclass(frozen=True)
class OutputTarget:
    """A checked output path: ``stream`` when it is a FIFO or character device, written into."""

    path: Path
    stream: bool


def _shown(path: Path) -> str:
    from ..text import display_path

    return display_path(path)


def is_graphnet_output(path: Path) -> bool:
    """True when the regular file ``path`` is empty or its head holds a generator mark."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return False
    return not head or any(mark in head for mark in GENERATOR_MARKS)


def _inside(path: Path, folder: Path) -> bool:
    real, base = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return real == base or real.is_relative_to(base)


def check_output(path: str | os.PathLike[str], *, data_root: Path | None, force: bool = False) -> OutputTarget:
    """Decide whether graphnet may write ``path``; raise :class:`GraphnetError` (exit 2) if not.

    Parameters
    ----------
    path : path
        The file the user named.
    data_root : Path or None
        The network folder, never written into.
    force : bool
        Replace an existing regular file even if graphnet did not write it.
    """
    target = Path(path)
    shown = _shown(target)
    if data_root is not None and data_root.is_dir() and _inside(target, data_root):
        raise GraphnetError(
            f"{shown} is inside the data folder {_shown(data_root)}, which holds your own files; "
            "write the output somewhere else (nothing was written)"
        )
    try:
        st = os.stat(target)  # follows links: the target is what would be written
    except FileNotFoundError:
        return OutputTarget(target, stream=False)
    except OSError as exc:
        raise GraphnetError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    mode = st.st_mode
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return OutputTarget(target, stream=True)
    if stat.S_ISDIR(mode):
        raise GraphnetError(f"{shown} is a folder; give a file name inside it")
    if not stat.S_ISREG(mode):
        what = "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
        raise GraphnetError(f"{shown} is {what}; graphnet writes regular files, FIFOs and character devices only")
    if not force and not is_graphnet_output(target):
        raise GraphnetError(
            f"{shown} exists and graphnet did not write it; not replacing it "
            "(choose another `output`, or add `force` to replace it)"
        )
    return OutputTarget(target, stream=False)


def write_output(target: OutputTarget, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to a checked target: into a FIFO/device, else atomically replacing the file."""
    if not target.stream:
        replace_file(target.path, data, mode=mode)
        return
    try:
        fd = os.open(target.path, os.O_WRONLY)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            return  # the reader went away, as with `| head`
        raise GraphnetError(f"cannot write {_shown(target.path)}: {exc.strerror or exc}") from exc
