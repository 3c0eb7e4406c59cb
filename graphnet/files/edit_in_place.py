"""Changing records in place: only the bytes of the value or entry concerned.

The commands ``set``, ``tie``, ``move``, ``merge`` and ``snooze`` change records that
are already written. graphnet never re-dumps a file (that would drop comments and
reformat it); it locates the record with the strict reader's node marks
(:mod:`graphnet.files.yamlread`: the same parser, the same string-only resolver) and
plans *splices*: replace these characters with that text. Each splice comes with the
data change it stands for (set this key, append this item, delete that one), so the
result can be checked: the new text must parse strictly, and its tree must equal the
old tree with exactly those data changes applied. Otherwise nothing is written.

How values are written: a value is replaced where it stands (``strength: 2`` ->
``strength: 4``, ``{name: Ann, strength: 2}`` -> ``{name: Ann, strength: 4}``); a missing
key is added after the record's last key, in the record's own style (a new line at the
keys' indentation, or ``, key: value`` inside ``{...}``); a list item is added after the
last one, in the list's style. Line endings (LF or CRLF) and a byte order mark are kept;
a record at the end of a file without a final newline gets the newline first.

Writing follows :mod:`graphnet.files.fileio`: locks on every file changed, a check that no
file changed since it was read, fsynced temporary files, and an all-or-nothing replace
when several files change together (``merge``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import GraphnetError
from ..model import slugify
from ..text import display_path
from .fileio import BOM, FileChange, locked_files, newline_of, replace_files
from .reread import reread_changed_records
from .yamlread import Pos, YMap, YSeq, last_leaf, parse_text, parse_text_and_nodes
from .yamlwrite import flow_value, read_back, scalar

__all__ = ["Doc", "EditResult", "Workspace"]

#: A path into a file's tree: section name, item index, key, ...
TreePath = tuple[Any, ...]


@dataclass(frozen=True)
class _Splice:
    start: int
    end: int
    text: str


@dataclass
class _Patch:
    """One data change: ``set`` a key, ``append`` an item, ``delete`` a key or an item."""

    op: str
    path: TreePath
    value: Any = None


def _get(tree: Any, path: TreePath) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _after_line(text: str, index: int) -> int:
    """Offset of the line after the one holding ``index`` (len(text) on the last line)."""
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _block_end(text: str, node: Node) -> int:
    """Where the text of a block node ends: the start of the line after its last character."""
    end = last_leaf(node).end_mark
    return end.index if end.column == 0 and end.index > 0 else _after_line(text, end.index)


class Doc:
    """One file opened for editing: its text, its node tree, and the changes planned.

    Parameters
    ----------
    real : Path
        The file (symlinks resolved).
    shown : str
        The path as messages show it.
    """

    def __init__(self, real: Path, shown: str) -> None:
        self.real, self.shown = real, shown
        try:
            self.data = real.read_bytes()
        except OSError as exc:
            raise GraphnetError(f"cannot read {shown}: {exc.strerror or exc}") from exc
        self.bom = self.data.startswith(BOM)
        try:
            self.text = self.data[3 if self.bom else 0 :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise GraphnetError(f"{shown} is not UTF-8 text; save it as UTF-8 and try again") from exc
        tree, root, problems = parse_text_and_nodes(self.text, shown)
        if problems:
            raise GraphnetError(
                f"{shown} has errors, so graphnet will not change it: {problems[0]}; fix them first (`graphnet check`)"
            )
        self.tree = tree
        #: The nodes the tree was read from: their marks are character offsets into ``text``.
        self.root = root
        self.newline = newline_of(self.text)
        self.splices: list[_Splice] = []
        self.patches: list[_Patch] = []
        #: The strict tree of the new text, once :meth:`verify` has read it (records the edit
        #: did not change may keep the positions they had in the old text).
        self.new_tree: Any = None

    # -- finding records ---------------------------------------------------------------------

    def section(self, name: str) -> tuple[Node, Node] | None:
        """The (key, value) nodes of a top-level section."""
        if not isinstance(self.root, MappingNode):
            return None
        for key, value in self.root.value:
            if isinstance(key, ScalarNode) and key.value == name:
                return key, value
        return None

    def record_at(self, section: str, line: int, column: int) -> tuple[MappingNode, TreePath]:
        """The record of ``section`` written at 1-based ``line``:``column`` (a loader Source)."""
        found = self.section(section)
        if found is not None:
            _key, value = found
            if isinstance(value, MappingNode) and section == "me":
                return value, (section,)
            if isinstance(value, SequenceNode):
                for i, item in enumerate(value.value):
                    mark = item.start_mark
                    if isinstance(item, MappingNode) and (mark.line + 1, mark.column + 1) == (line, column):
                        return item, (section, i)
        raise GraphnetError(f"{self.shown}:{line}:{column}: the record is no longer there; run the command again")

    def nodes_for(self, mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
        for k, v in mapping.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return k, v
        return None

    # -- planning changes --------------------------------------------------------------------

    def splice(self, start: int, end: int, text: str) -> None:
        for other in self.splices:
            if start < other.end and other.start < end:  # insertions at one point are fine, kept in order
                raise GraphnetError(f"{self.shown}: two changes would touch the same text; make them one at a time")
        self.splices.append(_Splice(start, end, text.replace("\n", self.newline)))

    def set_value(self, mapping: MappingNode, path: TreePath, key: str, value: Any) -> None:
        """Set ``key`` of a record to ``value`` (text, a list or a mapping), replacing or adding it."""
        found = self.nodes_for(mapping, key)
        self.patches.append(_Patch("set", (*path, key), read_back(value)))
        if found is None:
            self._add_key(mapping, key, value)
            return
        key_node, node = found
        rendered = flow_value(value)
        if isinstance(node, ScalarNode) and node.value == "" and not node.style:
            colon = self.text.index(":", key_node.end_mark.index)
            self.splice(colon + 1, colon + 1, " " + rendered)
        elif _is_flow_or_scalar(node):
            self.splice(node.start_mark.index, node.end_mark.index, rendered)
        else:  # a block list or mapping becomes one line
            colon = self.text.index(":", key_node.end_mark.index)
            end = _block_end(self.text, node)
            self.splice(colon + 1, end, " " + rendered + "\n")

    def _add_key(self, mapping: MappingNode, key: str, value: Any) -> None:
        text = self.text
        _last_key, last_value = mapping.value[-1]
        if mapping.flow_style:
            self.splice(last_value.end_mark.index, last_value.end_mark.index, f", {key}: {flow_value(value)}")
            return
        column = mapping.value[0][0].start_mark.column
        offset = _block_end(text, last_value) if not _is_flow_or_scalar(last_value) else None
        if offset is None:
            offset = _after_line(text, last_value.end_mark.index)
        lead = "\n" if offset == len(text) and text and not text.endswith("\n") else ""
        pad = " " * column
        if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
            lines = [f"{pad}{key}:", *(f"{pad}  - {flow_value(v)}" for v in value)]
        else:
            lines = [f"{pad}{key}: {flow_value(value)}"]
        self.splice(offset, offset, lead + "\n".join(lines) + "\n")

    def delete_key(self, mapping: MappingNode, path: TreePath, key: str) -> None:
        """Remove ``key`` (and its value) from a record."""
        found = self.nodes_for(mapping, key)
        if found is None:
            return
        self.patches.append(_Patch("delete", (*path, key)))
        key_node, node = found
        pairs = mapping.value
        index = next(i for i, (k, _v) in enumerate(pairs) if k is key_node)
        if mapping.flow_style:
            if index > 0:
                self.splice(pairs[index - 1][1].end_mark.index, node.end_mark.index, "")
            elif len(pairs) > 1:
                self.splice(key_node.start_mark.index, pairs[1][0].start_mark.index, "")
            else:
                self.splice(key_node.start_mark.index, node.end_mark.index, "")
            return
        end = (
            _block_end(self.text, node) if not _is_flow_or_scalar(node) else _after_line(self.text, node.end_mark.index)
        )
        start = _line_start(self.text, key_node.start_mark.index)
        if self.text[start : key_node.start_mark.index].strip():  # first key, on the '- ' line
            if index + 1 >= len(pairs):
                raise GraphnetError(f"{self.shown}: cannot remove the only key of a record")
            start, end = key_node.start_mark.index, pairs[index + 1][0].start_mark.index
        self.splice(start, end, "")

    def append_item(self, mapping: MappingNode, path: TreePath, key: str, item: Any) -> None:
        """Add ``item`` at the end of the list under ``key`` (created when missing)."""
        found = self.nodes_for(mapping, key)
        if found is None or (isinstance(found[1], ScalarNode) and found[1].value == "" and not found[1].style):
            self.set_value(mapping, path, key, [item])
            return
        _key_node, node = found
        if isinstance(node, ScalarNode):  # ``knows: bob``: one item written alone
            self.patches.append(_Patch("set", (*path, key), [node.value, read_back(item)]))
            self.splice(node.start_mark.index, node.end_mark.index, flow_value([node.value, item]))
            return
        if not isinstance(node, SequenceNode):
            raise GraphnetError(f"{self.shown}: '{key}' is not a list; fix it by hand first")
        self.patches.append(_Patch("append", (*path, key), read_back(item)))
        if node.flow_style:
            if node.value:
                at = node.value[-1].end_mark.index
                self.splice(at, at, ", " + flow_value(item))
            else:
                at = self.text.index("[", node.start_mark.index) + 1
                self.splice(at, at, flow_value(item))
            return
        last = node.value[-1]
        offset = (
            _block_end(self.text, last) if not _is_flow_or_scalar(last) else _after_line(self.text, last.end_mark.index)
        )
        dash = _line_start(self.text, last.start_mark.index)
        line = self.text[dash : last.start_mark.index]
        column = len(line) - len(line.lstrip(" "))
        lead = "\n" if offset == len(self.text) and not self.text.endswith("\n") else ""
        self.splice(offset, offset, f"{lead}{' ' * column}- {flow_value(item)}\n")

    def replace_scalar(self, node: Node, path: TreePath, value: str) -> None:
        """Write ``value`` where the scalar ``node`` stands."""
        if not isinstance(node, ScalarNode):
            raise GraphnetError(f"{self.shown}: expected a single value at line {node.start_mark.line + 1}")
        self.patches.append(_Patch("set", path, value))
        self.splice(node.start_mark.index, node.end_mark.index, scalar(value, flow=True))

    def replace_node(self, node: Node, path: TreePath, value: Any) -> None:
        """Write ``value`` (on one line) where the scalar or flow ``node`` stands."""
        if not _is_flow_or_scalar(node):
            raise GraphnetError(f"{self.shown}: line {node.start_mark.line + 1} is a block; edit it by hand")
        self.patches.append(_Patch("set", path, read_back(value)))
        self.splice(node.start_mark.index, node.end_mark.index, flow_value(value))

    def delete_item(self, seq: SequenceNode, path: TreePath, index: int) -> None:
        """Remove item ``index`` of a list (its whole entry, comments inside it included)."""
        self.patches.append(_Patch("delete", (*path, index)))
        item = seq.value[index]
        if seq.flow_style:
            if index > 0:
                self.splice(seq.value[index - 1].end_mark.index, item.end_mark.index, "")
            elif len(seq.value) > 1:
                self.splice(item.start_mark.index, seq.value[1].start_mark.index, "")
            else:
                self.splice(item.start_mark.index, item.end_mark.index, "")
            return
        start = _line_start(self.text, item.start_mark.index)
        end = (
            _block_end(self.text, item) if not _is_flow_or_scalar(item) else _after_line(self.text, item.end_mark.index)
        )
        self.splice(start, end, "")

    # -- the result --------------------------------------------------------------------------

    @property
    def changed(self) -> bool:
        return bool(self.splices)

    def new_text(self) -> str:
        text, out, at = self.text, [], 0
        for cut in sorted(self.splices, key=lambda s: (s.start, s.end)):  # stable: insertions keep their order
            out.append(text[at : cut.start])
            out.append(cut.text)
            at = cut.end
        out.append(text[at:])
        return "".join(out)

    def new_data(self) -> bytes:
        return (BOM if self.bom else b"") + self.new_text().encode("utf-8")

    def expected_tree(self) -> Any:
        """The old tree with the planned patches applied.

        Only the mappings and lists on a patch's path are copied; everything else is the old
        tree's own (never changed), so this costs what the patches touch, not the file's size.
        """
        tree = _shallow(self.tree)
        copied = {id(tree)}

        def writable(path: TreePath) -> Any:
            """The container at ``path``, copied (once) with every container above it."""
            node = tree
            for step in path:
                child = node[step]
                if id(child) not in copied:
                    child = _shallow(child)
                    copied.add(id(child))
                    node[step] = child
                node = child
            return node

        deletions: list[_Patch] = []
        for patch in self.patches:
            if patch.op == "delete":
                deletions.append(patch)
            elif patch.op == "set":
                writable(patch.path[:-1])[patch.path[-1]] = patch.value
            else:
                writable(patch.path).append(patch.value)
        # Deleting list items last, highest index first, so earlier paths stay valid.
        for patch in sorted(deletions, key=lambda p: [str(type(x)) + str(x).zfill(12) for x in p.path], reverse=True):
            parent = writable(patch.path[:-1])
            del parent[patch.path[-1]]
            if isinstance(parent, list) and not parent and len(patch.path) >= 2:
                holder = writable(patch.path[:-2])
                if not self._is_flow(patch.path[:-1]):
                    holder[patch.path[-2]] = ""  # an emptied block list reads as an empty value
        return tree

    def _is_flow(self, path: TreePath) -> bool:
        node: Node | None = self.root
        for step in path:
            if isinstance(node, MappingNode):
                node = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == step), None)
            elif isinstance(node, SequenceNode):
                node = node.value[step]
        return bool(getattr(node, "flow_style", False))

    def verify(self) -> None:
        """The new text must read strictly as the old data with exactly the planned changes.

        Only the records changed are read again when that is safe (:mod:`graphnet.files.reread`);
        otherwise the whole new text.
        """
        new_text = self.new_text()
        splices = [(cut.start, cut.end, cut.text) for cut in self.splices]
        new_tree = reread_changed_records(self.text, self.root, self.tree, splices, self.shown)
        if new_tree is None:
            new_tree, problems = parse_text(new_text, self.shown)
            if problems:
                raise GraphnetError(
                    f"cannot change {self.shown} safely: the result would not read cleanly ({problems[0]}); "
                    "nothing was written"
                )
        self.new_tree = new_tree
        if new_tree != self.expected_tree():  # YMap and YSeq compare as the dicts and lists they are
            raise GraphnetError(
                f"cannot change {self.shown} safely: the result would not read back as exactly the intended change; "
                "nothing was written (edit this record by hand)"
            )

    def touched_records(self, sections: tuple[str, ...], also: tuple[TreePath, ...] = ()) -> tuple[YMap, YMap]:
        """The records of ``sections`` the planned changes touch: as written, and as the new text reads.

        Call after :meth:`verify`, which checked that the new tree is the old one with exactly
        the planned changes: every record no change touches reads the same before and after,
        so what the edit does to the records shows in these alone. ``also``: records to give
        even when untouched, as ``(section, index)``. Two trees holding those sections (a
        section changed as a whole is given whole).
        """
        before, after = YMap((1, 1)), YMap((1, 1))
        old_tree = self.tree if isinstance(self.tree, YMap) else YMap((1, 1))
        new_tree = (self.new_tree if self.changed else self.tree) or YMap((1, 1))
        for section in sections:
            paths = [patch.path for patch in self.patches if patch.path[:1] == (section,)]
            paths += [path for path in also if path[:1] == (section,)]
            old, new = old_tree.get(section), new_tree.get(section)
            if not paths:
                continue
            before.key_pos[section] = old_tree.key_pos.get(section, (1, 1))
            after.key_pos[section] = new_tree.key_pos.get(section, (1, 1))
            if not (isinstance(old, YSeq) and isinstance(new, YSeq)) or any(len(path) < 2 for path in paths):
                before[section], after[section] = old, new
                continue
            # Records deleted whole; each one deleted before a record moves it up by one in the new list.
            gone = {p.path[1] for p in self.patches if p.op == "delete" and len(p.path) == 2 and p.path[0] == section}
            touched = sorted({path[1] for path in paths})
            before[section] = _items_of(old, touched)
            after[section] = _items_of(new, [i - sum(1 for g in gone if g < i) for i in touched if i not in gone])
        return before, after

    def diff(self) -> str:
        """A unified diff of the change, as ``--dry-run`` shows it.

        Only the lines around the changes are compared (a whole 30,000-line file would take
        seconds): each change's lines with one line of context, windows that meet joined.
        """
        old, new = _lines(self.text.replace("\r\n", "\n")), _lines(self.new_text().replace("\r\n", "\n"))
        out = [f"--- {self.shown}\n", f"+++ {self.shown}\n"]
        for (a0, a1), (b0, b1) in _windows(self.text, self.splices, len(old), len(new)):
            hunks = list(difflib.unified_diff(old[a0:a1], new[b0:b1], n=1))[2:]  # without the file names
            out.extend(_moved_header(line, a0, b0) if line.startswith("@@") else line for line in hunks)
        if len(out) == 2:
            return ""
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out)


def _lines(text: str) -> list[str]:
    """The lines of ``text``, each with its ``\n`` (the last one without, when the text does not end in one)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _windows(text: str, splices: list[_Splice], old_count: int, new_count: int) -> list[tuple[Pos, Pos]]:
    """The line ranges ``[start, end)`` of the old and new text around each change (one line of context)."""
    windows: list[tuple[Pos, Pos]] = []
    gained = 0  # lines the new text has gained before the change
    for cut in sorted(splices, key=lambda c: (c.start, c.end)):
        first = text.count("\n", 0, cut.start)
        last = first + text.count("\n", cut.start, cut.end)
        grown = cut.text.count("\n") - (last - first)
        old_range = (max(first - 1, 0), min(last + 2, old_count))
        new_range = (max(first + gained - 1, 0), min(last + gained + grown + 2, new_count))
        gained += grown
        if windows and old_range[0] <= windows[-1][0][1]:  # meets the window before: one window
            (a0, _a1), (b0, _b1) = windows.pop()
            old_range, new_range = (a0, old_range[1]), (b0, new_range[1])
        windows.append((old_range, new_range))
    return windows


def _moved_header(line: str, old_start: int, new_start: int) -> str:
    """A hunk header of a window's diff with its line numbers moved to the whole file's."""
    match = re.match(r"@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@", line)
    if match is None:  # pragma: no cover - difflib writes every header so
        return line
    old_at, old_len, new_at, new_len = match.groups()
    return f"@@ -{int(old_at) + old_start}{old_len or ''} +{int(new_at) + new_start}{new_len or ''} @@\n"


def _items_of(seq: YSeq, indexes: list[int]) -> YSeq:
    """Some items of a read list, each with its position."""
    part = YSeq(seq.pos)
    for i in indexes:
        part.append(seq[i])
        part.item_pos.append(seq.item_pos[i])
    return part


def _shallow(value: Any) -> Any:
    """A copy of one mapping or list (its items shared), as a plain dict or list."""
    return dict(value) if isinstance(value, dict) else list(value) if isinstance(value, list) else value


def _is_flow_or_scalar(node: Node) -> bool:
    """A node written on its own line(s) up to its end mark: a flow collection, or a scalar but a block one.

    A block scalar (``|``, ``>``) ends, like a block collection, where the next line at a lower
    indentation starts: its end mark is there, so it is cut as a block (:func:`_block_end`).
    """
    if isinstance(node, ScalarNode):
        return node.style not in ("|", ">")
    return bool(getattr(node, "flow_style", False))


@dataclass
class EditResult:
    """What an edit changed (or, with ``dry_run``, would change)."""

    dry_run: bool
    #: One line per change made, e.g. ``katrin-braun: strength 2 -> 4``.
    summary: list[str]
    #: The unified diff of every file changed.
    diff: str
    #: The files changed.
    paths: list[Path] = field(default_factory=list)
    #: The records the edit named: ``(what, id, name)``.
    named: tuple[tuple[str, str, str], ...] = ()

    def describe(self) -> str:
        lines = [
            f"{what}: {ident}" + (f" ({name})" if name and name != ident else "") for what, ident, name in self.named
        ]
        lines.extend(self.summary)
        if self.dry_run:
            lines.append(self.diff.rstrip("\n"))
            lines.append("(dry run: nothing was written)")
        else:
            lines.extend(f"changed {display_path(p)}" for p in self.paths)
        return "\n".join(lines)


#: The escapes of a double-quoted YAML value that can spell an id's characters: ``\x``,
#: ``\u`` and ``\U`` codes, and a backslash ending a line (the value goes on with no space).
_SPELLING_ESCAPE = re.compile(rb"\\[xuU]|\\\r?\n")


class Workspace:
    """The files of one network opened for one edit, written together at the end.

    Records are found by identity (their id, or the id their name gives), not by the
    line the loader saw, so an edit made meanwhile by another graphnet cannot make this
    one change the wrong record.
    """

    def __init__(self, root: Path, files: list[str]) -> None:
        self.root = root
        self.docs: dict[Path, Doc] = {}
        #: Source.path as the loader shows it -> the file.
        self.by_shown = {display_path(root / name): root / name for name in files}

    def doc(self, shown: str) -> Doc:
        path = self.by_shown.get(shown)
        if path is None:
            raise GraphnetError(f"{shown} is not a file of this network; run the command again")
        real = path.resolve()
        if real not in self.docs:
            self.docs[real] = Doc(real, shown)
        return self.docs[real]

    def docs_containing(self, ident: str) -> list[Doc]:
        """Every file that may name the id ``ident`` (a quick look at the bytes before parsing).

        The id must stand alone (``p101`` is not found in ``p1010``). A file whose bytes may
        spell it another way is opened too: a double-quoted value can write any character as an
        escape (``\\x2d``, ``\\u``, ``\\U``) and join two lines with an escaped line break, so a
        file that names it is never missed.
        """
        raw = ident.encode("utf-8")
        pattern = re.compile(rb"(?<![\w-])" + re.escape(raw) + rb"(?![\w-])")
        found = []
        for shown, path in self.by_shown.items():
            try:
                data = path.read_bytes()
                # ``in`` first: most files do not hold the id's bytes at all, and it is far quicker than the pattern.
                if (raw in data and pattern.search(data)) or (b"\\" in data and _SPELLING_ESCAPE.search(data)):
                    found.append(self.doc(shown))
            except OSError:
                continue
        return found

    def record(self, shown: str, section: str, ident: str) -> tuple[Doc, MappingNode, TreePath]:
        """The record of ``section`` with id ``ident`` (``me``: the me section) in the file ``shown``."""
        doc = self.doc(shown)
        found = doc.section(section)
        if found is not None:
            _key, value = found
            if section == "me" and isinstance(value, MappingNode):
                return doc, value, ("me",)
            items = doc.tree.get(section) if isinstance(doc.tree, dict) else None
            if isinstance(value, SequenceNode) and isinstance(items, list):
                for i, (node, item) in enumerate(zip(value.value, items, strict=True)):
                    if isinstance(node, MappingNode) and isinstance(item, dict) and record_id(item) == ident:
                        return doc, node, (section, i)
        raise GraphnetError(f"{shown}: '{ident}' is no longer written there; run the command again")

    def commit(self, dry_run: bool, summary: list[str], check: Callable[[], None] | None = None) -> EditResult:
        """Verify every changed file (and ``check``), then write them all, or none."""
        changed = [doc for doc in self.docs.values() if doc.changed]
        if not changed:
            return EditResult(dry_run, [*summary, "nothing to change: the files already say so"], "", [])
        for doc in changed:
            doc.verify()
        if check is not None:
            check()
        diff = "".join(doc.diff() for doc in changed) if dry_run else ""  # only a dry run shows it
        result = EditResult(dry_run, summary, diff, [doc.real for doc in changed])
        if dry_run:
            return result
        shown = {doc.real: doc.shown for doc in changed}
        with locked_files([doc.real for doc in changed], shown):
            replace_files([FileChange(doc.real, doc.shown, doc.data, doc.new_data()) for doc in changed])
        return result


def record_id(item: dict[str, Any]) -> str | None:
    """A record's id as the loader gives it: its ``id``, else the slug of its ``name``."""
    explicit = item.get("id")
    if isinstance(explicit, str) and explicit:
        return explicit
    name = item.get("name")
    return slugify(name) if isinstance(name, str) else None
