"""Strict YAML reading: every scalar a string, every value with its line.

PyYAML's defaults silently corrupt hand-written data (``NO`` -> ``False``,
``0123`` -> ``83``, a duplicate key keeps the last value). This module composes
the file into PyYAML's node tree with a resolver that knows no implicit types,
so every scalar stays the text that was written, and then walks the tree itself:

* duplicate keys are reported with both lines;
* explicit tags (``!!binary``, ``!!python/...``) and anchors/aliases are rejected
  (aliases are found as a node met twice, so alias bombs cost nothing);
* nesting deeper than graphnet's format ever needs is rejected;
* syntax errors become :class:`~graphnet.errors.Problem` values with a hint.

The C parser (libyaml) is used when available; :data:`PURE` forces the pure
Python one, and the tests check both give the same results.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from ..errors import Problem

__all__ = ["MAX_DEPTH", "YMap", "YSeq", "last_leaf", "parse_bytes", "parse_text", "parse_text_and_nodes", "position_of"]

#: graphnet's deepest record (people > knows > entry > field) needs 4 levels.
MAX_DEPTH = 32

Pos = tuple[int, int]

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class YMap(dict):  # type: ignore[type-arg]
    """A mapping read from YAML: a ``dict`` that knows where its parts were written."""

    __slots__ = ("key_pos", "pos", "value_pos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, Pos] = {}
        self.value_pos: dict[str, Pos] = {}


class YSeq(list):  # type: ignore[type-arg]
    """A sequence read from YAML: a ``list`` that knows where its items were written."""

    __slots__ = ("item_pos", "pos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []


class _StringResolver(BaseResolver):
    """Resolves every untagged node to str/seq/map: no implicit types at all.

    Replaces BaseResolver's lookup tables with a constant per node kind, since the
    C parser calls this once per scalar (about two million times for 30,000 people).
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:  # noqa: ARG002 - PyYAML calls it so
        if kind is ScalarNode:
            return _STR
        return _MAP if kind is MappingNode else _SEQ

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _PureLoader(Reader, Scanner, Parser, Composer, _StringResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _StringResolver.__init__(self)


_CLoader: Any = None
try:  # pragma: no branch - depends on how PyYAML was built
    from yaml._yaml import CParser  # type: ignore[import-not-found]

    class _CLoaderClass(CParser, _StringResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _StringResolver.__init__(self)

    _CLoader = _CLoaderClass
except ImportError:  # pragma: no cover
    pass

#: Use the pure-Python parser even when libyaml is available (tests, debugging).
PURE = os.environ.get("GRAPHNET_PURE_YAML") == "1"


def _loader_class(pure: bool | None) -> Any:
    if pure or (pure is None and PURE) or _CLoader is None:
        return _PureLoader
    return _CLoader


def position_of(node: Node) -> Pos:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


def parse_bytes(data: bytes, path: str, *, pure: bool | None = None) -> tuple[Any, list[Problem]]:
    """Decode a file's bytes as UTF-8 and :func:`parse_text` it.

    A UTF-8 byte order mark is accepted; invalid UTF-8 and UTF-16 are problems.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(path, 1, 1, "error", "the file is UTF-16; save it as UTF-8 in your editor")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, [
            Problem(
                path,
                line,
                column,
                "error",
                f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8 in your editor",
            )
        ]
    return parse_text(text, path, pure=pure)


def _text_position(text: str, index: int) -> Pos:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_HINTS = (
    ("found character '\\t'", "YAML indentation must use spaces, not tabs; replace the tab with spaces"),
    (
        "mapping values are not allowed",
        "a value that contains ': ' must be quoted, e.g. note: \"at 12: lunch\"; or check this line's indentation",
    ),
    ("could not find expected ':'", "each key needs a ':' after it; or a value here is missing its closing quote"),
    ("expected <block end>", "this line's indentation does not match the lines above it"),
    ("did not find expected key", "this line's indentation does not match the lines above it"),
    ("did not find expected '-' indicator", "list items must start with '- ' at the same indentation"),
    ("found unexpected end of stream", "a quote or bracket opened here is never closed"),
    ("while scanning a quoted scalar", "a quote opened here is never closed"),
    ("while parsing a flow node", "a '[' or '{' opened here is never closed (or is nested too deeply)"),
    ("expected a single document", "the file holds several YAML documents (---); keep one per file"),
    ("found undefined alias", "anchors and aliases (&name, *name) are not allowed; write the value out"),
    ("found undefined tag handle", "tags (!name) are not allowed; write the value as plain text"),
    ("expected ',' or ']'", "a [list] is not closed; add the missing ']' or quote the value"),
    ("expected ',' or '}'", "a {mapping} is not closed; add the missing '}' or quote the value"),
    ("found character '@'", "a value may not start with '@' or '`'; put it in quotes"),
    ("found character '`'", "a value may not start with '@' or '`'; put it in quotes"),
    ("while scanning an alias", "'*' starts an alias, which is not allowed; put the value in quotes"),
    ("while scanning an anchor", "'&' starts an anchor, which is not allowed; put the value in quotes"),
)


def _tab_hint(line_text: str) -> str:
    """What to do about the tab(s) of a line YAML refused: indentation, or a tab inside a line."""
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    if "\t" in indent:
        return "YAML indentation must use spaces, not tabs; replace the tab with spaces"
    column = line_text.index("\t") + 1
    return (
        f"the tab at column {column} is not indentation but inside the line, before or in a value; "
        "YAML allows a tab there only inside quotes: replace it with a space, or quote the value "
        '(note: "a<TAB>b")'
    )


def _syntax_problem(exc: yaml.YAMLError, path: str, text: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = _text_position(text, exc.position)
        char = exc.character
        what = "a NUL byte" if char in (0, "\x00") else f"the control character {char!r}"
        return Problem(path, line, column, "error", f"the file contains {what}; remove it (is this a text file?)")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    if "maximum nesting depth" in problem:  # libyaml >= 0.2.5 (PyYAML 6.0.4 wheels) has its own limit
        return Problem(path, line, column, "error", f"the YAML is nested too deeply (over {MAX_DEPTH} levels)")
    full = f"{context or ''} {problem}"
    hint = next((h for key, h in _HINTS if key in full), "check the YAML syntax on this line")
    lines = text.splitlines()
    if line - 1 < len(lines) and "\t" in lines[line - 1]:
        hint = _tab_hint(lines[line - 1])
    message = f"YAML syntax error: {problem.strip()}"
    if context:
        message += f" ({context.strip()})"
    return Problem(path, line, column, "error", f"{message}; {hint}")


def parse_text(text: str, path: str, *, pure: bool | None = None) -> tuple[Any, list[Problem]]:
    """Parse one YAML document strictly.

    Returns
    -------
    (tree, problems)
        ``tree`` is ``None`` (empty file, or a syntax error), a ``str``, a
        :class:`YMap` or a :class:`YSeq`; all scalars are ``str``.
    """
    tree, _node, problems = parse_text_and_nodes(text, path, pure=pure)
    return tree, problems


def parse_text_and_nodes(text: str, path: str, *, pure: bool | None = None) -> tuple[Any, Node | None, list[Problem]]:
    """:func:`parse_text`, also giving the node tree it read.

    An edit in place needs both the tree and the nodes' marks (``start_mark.index``: a
    character offset into ``text``): one parse gives both.
    The nodes are ``None`` when the tree is.
    """
    if "\x00" in text:
        line, column = _text_position(text, text.index("\x00"))
        return (
            None,
            None,
            [Problem(path, line, column, "error", "the file contains a NUL byte; remove it (is this a text file?)")],
        )
    loader = None
    try:
        loader = _loader_class(pure)(text)
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        return None, None, [_syntax_problem(exc, path, text)]
    except RecursionError:
        return None, None, [Problem(path, 1, 1, "error", f"the YAML is nested too deeply (over {MAX_DEPTH} levels)")]
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
    if "\t" in text and loader.__class__ is not _PureLoader:
        # libyaml accepts some tabs that PyYAML's own scanner rejects (``a: x<TAB>b``);
        # files with tabs are rare, so re-check them with the stricter one for identical results.
        try:
            _PureLoader(text).get_single_node()
        except yaml.YAMLError as exc:
            return None, None, [_syntax_problem(exc, path, text)]
        except RecursionError:
            pass  # the depth check below reports it
    if node is None:
        return None, None, []
    problems: list[Problem] = []
    if "&" in text and _MAYBE_ANCHOR.search(text):
        problems.extend(_anchor_problems(text, path, pure))
    walker = _Walker(path, problems)
    try:
        tree = walker.walk(node, 0)
    except _TooDeep as deep:
        line, column = deep.args[0]
        return (
            None,
            None,
            [Problem(path, line, column, "error", f"the YAML is nested too deeply (over {MAX_DEPTH} levels)")],
        )
    return tree, node, problems


#: Where an anchor can start: after a line start, a space, '-', or a flow indicator.
#: "R&D" or "Tom & Jerry" do not match, so files that merely contain '&' are parsed once.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]", re.MULTILINE)


def _anchor_problems(text: str, path: str, pure: bool | None) -> list[Problem]:
    """Anchors (``&name``) even when never aliased: they only invite aliases."""
    found: list[Problem] = []
    loader = _loader_class(pure)(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            anchor = getattr(event, "anchor", None)
            if anchor is not None and not isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                found.append(
                    Problem(
                        path,
                        mark.line + 1,
                        mark.column + 1,
                        "error",
                        f"anchors (&{anchor}) are not allowed; write the value out in full",
                    )
                )
    except yaml.YAMLError:
        pass
    return found


class _TooDeep(Exception):
    """Raised with the position of the first node nested beyond :data:`MAX_DEPTH`."""


class _Walker:
    """Turns a composed node tree into YMap/YSeq/str, collecting problems."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.seen: set[int] = set()

    def error(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(self.path, pos[0], pos[1], "error", message))

    def walk(self, node: Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _TooDeep(position_of(node))
        ident = id(node)
        if ident in self.seen:
            # The composer hands back the anchored node for every alias.
            self.error(position_of(node), "aliases (*name) are not allowed; write the value out in full")
            return None
        cls = node.__class__
        tag = node.tag
        if cls is ScalarNode:
            if tag != _STR:
                self.error(position_of(node), _tag_message(tag))
                return None
            return node.value
        self.seen.add(ident)
        if cls is MappingNode:
            if tag != _MAP:
                self.error(position_of(node), _tag_message(tag))
                return None
            return self.mapping(node, depth)  # type: ignore[arg-type]
        if cls is SequenceNode:
            if tag != _SEQ:
                self.error(position_of(node), _tag_message(tag))
                return None
            seq = YSeq(position_of(node))
            append = seq.append
            append_pos = seq.item_pos.append
            walk = self.walk
            for item in node.value:
                mark = item.start_mark
                append_pos((mark.line + 1, mark.column + 1))
                append(item.value if item.__class__ is ScalarNode and item.tag == _STR else walk(item, depth + 1))
            return seq
        return None  # pragma: no cover - PyYAML has no other node kinds

    def mapping(self, node: MappingNode, depth: int) -> YMap:
        result = YMap(position_of(node))
        key_positions = result.key_pos
        value_positions = result.value_pos
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            key_pos = (mark.line + 1, mark.column + 1)
            if key_node.__class__ is not ScalarNode:
                self.error(key_pos, "a key must be plain text, not a list or mapping")
                continue
            if key_node.tag != _STR:
                self.error(key_pos, _tag_message(key_node.tag))
                continue
            key = key_node.value
            if key == "<<":
                self.error(key_pos, "merge keys (<<) are not allowed; write the fields out in full")
                continue
            if key in key_positions:
                first = key_positions[key]
                self.error(
                    key_pos,
                    f"duplicate key '{key}' (first at line {first[0]}); "
                    "YAML would silently keep only the last one: remove or rename one of them",
                )
                continue
            key_positions[key] = key_pos
            mark = value_node.start_mark
            value_positions[key] = (mark.line + 1, mark.column + 1)
            if value_node.__class__ is ScalarNode and value_node.tag == _STR:
                result[key] = value_node.value
            else:
                result[key] = self.walk(value_node, depth + 1)
        return result


def _tag_message(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return f"tags like '{short}' are not allowed; write the value as plain text (quote it if it starts with '!')"


def last_leaf(node: Node) -> Node:
    """The node written last inside the block ``node`` (its end is where the block's text ends)."""
    while True:
        if isinstance(node, MappingNode) and node.value and not node.flow_style:
            node = node.value[-1][1]
        elif isinstance(node, SequenceNode) and node.value and not node.flow_style:
            node = node.value[-1]
        else:
            return node
