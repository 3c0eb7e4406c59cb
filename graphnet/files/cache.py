"""A cache of parsed files, keyed by the hash of their bytes.

Parsing YAML is the slowest part of loading a big network, and most files do
not change between two commands. Each file's strict parse (its tree with every
position, and its syntax problems) is stored under the user's cache folder as
JSON, named by the SHA-256 of the file's bytes: an edit is always seen, even
within the same second and at the same size, because the key is the content.

The cache holds data only (JSON, never pickle), so a tampered entry cannot run
code; an entry that fails to decode or does not have the expected shape is
ignored and rebuilt. The folder is created with mode 0700. ``$GRAPHNET_CACHE_DIR``
moves it; ``graphnet --no-cache`` bypasses it; ``graphnet cache clear`` removes
its entries (and only those: the folder may be shared).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ..errors import Problem
from .yamlread import YMap, YSeq, parse_bytes

__all__ = [
    "answer_key",
    "cache_dir",
    "clear",
    "code_fingerprint",
    "fingerprint",
    "parse_cached",
    "read_answer",
    "store_answer",
]


def _parser_fingerprint() -> str:
    """A short hash of the strict reader and of this module: a parse cached by another graphnet
    (other messages, other positions) is never served after an upgrade or an edit of the code."""
    digest = hashlib.sha256()
    for module in ("yamlread.py", "cache.py"):
        try:
            digest.update((Path(__file__).parent / module).read_bytes())
        except OSError:  # pragma: no cover - installed without sources
            digest.update(module.encode())
    return digest.hexdigest()[:12]


#: Bump the version when the tree encoding changes; the suffix follows the parser's code.
FORMAT = f"tree-v1-{_parser_fingerprint()}"


def cache_dir() -> Path:
    """The cache folder: ``$GRAPHNET_CACHE_DIR``, else the platform's user cache folder."""
    override = os.environ.get("GRAPHNET_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("graphnet", appauthor=False))


def _encode(value: Any) -> Any:
    if isinstance(value, YMap):
        items: list[Any] = []
        for key, item in value.items():
            kp = value.key_pos[key]
            vp = value.value_pos[key]
            items.append([key, kp[0], kp[1], vp[0], vp[1], _encode(item)])
        return {"m": items, "p": list(value.pos)}
    if isinstance(value, YSeq):
        return {
            "s": [[p[0], p[1], _encode(item)] for item, p in zip(value, value.item_pos, strict=True)],
            "p": list(value.pos),
        }
    return value


def _decode(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if "m" in value:
        result = YMap((value["p"][0], value["p"][1]))
        key_pos = result.key_pos
        value_pos = result.value_pos
        for key, kl, kc, vl, vc, item in value["m"]:
            if not isinstance(key, str):
                raise ValueError("bad key")
            key_pos[key] = (kl, kc)
            value_pos[key] = (vl, vc)
            result[key] = item if item is None or item.__class__ is str else _decode(item)
        return result
    if "s" in value:
        seq = YSeq((value["p"][0], value["p"][1]))
        positions = seq.item_pos
        for line, column, item in value["s"]:
            positions.append((line, column))
            seq.append(item if item is None or item.__class__ is str else _decode(item))
        return seq
    raise ValueError("unknown node")


def encode_tree(tree: Any) -> Any:
    """A strict parse tree (with its positions) as JSON data."""
    return _encode(tree)


def decode_tree(data: Any) -> Any:
    """The tree :func:`encode_tree` gave ``data`` for; ValueError (or another error) when damaged."""
    return _decode(data)


def _entry_path(digest: str) -> Path:
    return cache_dir() / FORMAT / digest[:2] / f"{digest}.json"


#: The digest and entry (bytes) of the last clean tree read from the cache in this process: a write
#: that adds one item to that file stores the new tree as that entry plus the item's JSON.
_last_read: tuple[str, bytes] | None = None


def _read(entry: Path, shown: str) -> tuple[Any, list[Problem]] | None:
    global _last_read
    try:
        data = entry.read_bytes()
        raw = json.loads(data)
        tree = _decode(raw["tree"])
        problems = [
            Problem(shown, int(line), int(column), "error" if sev == "error" else "warning", str(message))
            for line, column, sev, message in raw["problems"]
        ]
    except Exception:  # any damage at all: treat as a miss and rebuild
        return None
    _last_read = (entry.stem, data) if not problems else None
    return tree, problems


def store_json(entry: Path, payload: Any) -> None:
    """Write ``payload`` as JSON to ``entry`` atomically, in folders of mode 0700.

    Never raises for the file system: a cache that cannot be written only costs speed.
    """
    # dumps, not dump: only the one-shot encoder is the C one (about 5x faster)
    _store_bytes(entry, json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _store_bytes(entry: Path, data: bytes) -> None:
    try:
        cache_dir().mkdir(mode=0o700, parents=True, exist_ok=True)
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def _write(entry: Path, tree: Any, problems: list[Problem]) -> None:
    payload = {
        "tree": _encode(tree),
        "problems": [[p.line, p.column, p.severity, p.message] for p in problems],
    }
    store_json(entry, payload)


def parse_cached(data: bytes, shown: str) -> tuple[Any, list[Problem]]:
    """:func:`graphnet.yamlread.parse_bytes`, answered from the cache when the bytes are known."""
    digest = hashlib.sha256(data).hexdigest()
    entry = _entry_path(digest)
    if entry.is_file():
        hit = _read(entry, shown)
        if hit is not None:
            return hit
    tree, problems = parse_bytes(data, shown)
    _write(entry, tree, problems)
    return tree, problems


def remember_parse(data: bytes, tree: Any, *, grown_from: bytes | None = None) -> None:
    """Store ``tree`` as the clean strict parse of ``data``, known without parsing it.

    A write that verified its result entry by entry (:func:`graphnet.files.fileio.append_to_file`)
    leaves the parse of the file it wrote, so the next command need not parse it again. With
    ``grown_from`` (the SHA-256 of the old bytes), ``tree`` is the old file's tree plus one item
    at the end of its last section: when this process read the old tree from the cache, the new
    entry is that JSON plus the item's, instead of the whole tree encoded again.
    """
    global _last_read
    entry = _entry_path(hashlib.sha256(data).hexdigest())
    grown = _grown(grown_from.hex(), tree) if grown_from is not None else None
    _last_read = None
    if grown is not None:
        _store_bytes(entry, grown)
    else:
        _write(entry, tree, [])


#: How an entry of a clean tree whose last section is a list ends: that list's closing bracket,
#: its position, the section, the tree's map, the tree's position and the empty problems.
_LAST_LIST_END = re.compile(rb'\],"p":\[\d+,\d+\]\}\]\],"p":\[\d+,\d+\]\},"problems":\[\]\}\Z')


def _grown(old_digest: str, tree: Any) -> bytes | None:
    """The entry of ``tree``: the last tree read (``old_digest``) plus one item at the end of its
    last section, a list (as :func:`graphnet.files.fileio.append_to_file` makes it); None if not so."""
    if _last_read is None or _last_read[0] != old_digest or not isinstance(tree, YMap) or not tree:
        return None
    items = tree[list(tree)[-1]]
    if not isinstance(items, YSeq) or len(items) < 2:
        return None
    old_entry = _last_read[1]
    end = _LAST_LIST_END.search(old_entry)
    if end is None:
        return None
    line, column = items.item_pos[-1]
    item = json.dumps([line, column, _encode(items[-1])], ensure_ascii=False, separators=(",", ":"))
    return old_entry[: end.start()] + b"," + item.encode("utf-8") + old_entry[end.start() :]


#: What graphnet itself stores under the cache folder: ``tree-vN/ab/<sha256>.json``,
#: ``records-vN/ab/<sha256>.json`` and ``appended-vN/ab/<sha256>.json`` (graphnet.files.built),
#: ``answers-vN/<sha256>.json``,
#: ``roster-vN/<sha256>.json`` and the temporary ``.tmp-*.json`` of an interrupted write.
_OWN_FOLDER = re.compile(r"(tree|records|appended|answers|roster)-v\d+(-[0-9a-f]{12})?")
_OWN_ENTRY = re.compile(r"([0-9a-f]{64}|\.tmp-[^/]*)\.json")
_OWN_SHARD = re.compile(r"[0-9a-f]{2}")


def clear() -> tuple[Path, int]:
    """Remove graphnet's own cache entries, and nothing else.

    ``$GRAPHNET_CACHE_DIR`` may point at a folder shared with other programs, so only
    files named as graphnet names its entries, in folders named as graphnet names
    them, are removed; those folders go too once empty. Links are never followed.

    Returns
    -------
    (Path, int)
        The cache folder and the number of entries removed.
    """
    root = cache_dir()
    removed = 0
    try:
        tops = [p for p in root.iterdir() if _OWN_FOLDER.fullmatch(p.name) and _is_real_folder(p)]
    except OSError:
        return root, 0
    for top in tops:
        folders = [top, *(p for p in _listing(top) if _OWN_SHARD.fullmatch(p.name) and _is_real_folder(p))]
        for folder in reversed(folders):
            for entry in _listing(folder):
                if _OWN_ENTRY.fullmatch(entry.name) and not entry.is_symlink() and entry.is_file():
                    with contextlib.suppress(OSError):
                        entry.unlink()
                        removed += 1
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty: anything else put there stays
    return root, removed


def _is_real_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


# -- answers of read-only commands ------------------------------------------------------------
#
# A read-only command's answer depends only on the data files' bytes, the command line, the date
# and graphnet's version. Keyed by all four, a repeated command in a fresh process costs reading
# and hashing the files (tens of milliseconds for 30,000 people) instead of loading the network.

ANSWERS = "answers-v1"


def fingerprint(files: list[Path], root: Path) -> str:
    """A hash of every data file's relative path and bytes, in order."""
    digest = hashlib.sha256()
    for path in files:
        try:
            data: bytes | None = path.read_bytes()
        except OSError:
            data = None
        add_to_fingerprint(digest, path, root, data)
    return digest.hexdigest()


def add_to_fingerprint(digest: Any, path: Path, root: Path, data: bytes | None) -> bytes:
    """Feed one file (``None``: unreadable) into a :func:`fingerprint` hash; the loader uses it too.

    Returns what was fed for the file's bytes (their SHA-256, or ``b"unreadable"``), so that a
    fingerprint can be recomputed from the files' hashes alone (:func:`fingerprint_of`).
    """
    file_hash = hashlib.sha256(data).digest() if data is not None else b"unreadable"
    add_file_hash(digest, str(path.relative_to(root)), file_hash)
    return file_hash


def add_file_hash(digest: Any, relative: str, file_hash: bytes) -> None:
    """Feed one file's relative path and the hash of its bytes into a :func:`fingerprint` hash."""
    digest.update(relative.encode("utf-8", "surrogateescape"))
    digest.update(b"\0")
    digest.update(file_hash)


def fingerprint_of(files: list[tuple[str, bytes]]) -> str:
    """:func:`fingerprint` from ``(relative path, hash of its bytes)`` pairs, in order."""
    digest = hashlib.sha256()
    for relative, file_hash in files:
        add_file_hash(digest, relative, file_hash)
    return digest.hexdigest()


_CODE: str | None = None


def code_fingerprint() -> str:
    """A hash of graphnet's own code and templates, so a changed graphnet never replays old answers.

    The version alone is not enough: an editable install changes code without a new version.
    """
    global _CODE
    if _CODE is None:
        digest = hashlib.sha256()
        package = Path(__file__).resolve().parent.parent  # graphnet/, every layer
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".html") and path.is_file():
                digest.update(path.relative_to(package).as_posix().encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        _CODE = digest.hexdigest()
    return _CODE


def answer_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def read_answer(key: str) -> tuple[str, str, int] | None:
    """``(stdout, stderr, exit code)`` stored for ``key``, or None (missing or damaged)."""
    entry = cache_dir() / ANSWERS / f"{key}.json"
    try:
        raw = json.loads(entry.read_bytes())
        out, err, code = raw["stdout"], raw["stderr"], raw["code"]
        if isinstance(out, str) and isinstance(err, str) and isinstance(code, int):
            return out, err, code
    except Exception:
        return None
    return None


def store_answer(key: str, stdout: str, stderr: str, code: int) -> None:
    store_json(cache_dir() / ANSWERS / f"{key}.json", {"stdout": stdout, "stderr": stderr, "code": code})
