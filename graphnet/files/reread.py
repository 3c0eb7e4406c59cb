"""Re-reading an edited file record by record: only the records an edit changed are parsed again.

An edit in place (:mod:`graphnet.files.edit_in_place`) must read its result strictly before
writing it. ``merge`` may change a few records in each of several big files (a 1.6 MB log
at 30,000 people); parsing each whole file again costs more than the rest of the merge.
When it is safe, the new text is read here by its changed records instead:

Every record of a section written as a block list (``- `` items, all at one column) owns the
text from the start of its dash line to the start of the next record's dash line (or of the
next section's key, or the end of the file). At such a line start every node begun before
has ended: the old text read cleanly, so a flow collection or a quoted value closed before,
and a plain or block value ended at that line, indented no deeper than its list. When every
change falls inside such spans, each changed span is parsed alone, after its section's key:
it must read cleanly, as records at the old columns, and still end with a line break (so what
follows it still starts a line). What follows a span in the file (a dash
line at the list's column, a section key, or the end) ends the span's last node exactly as
the end of the text parsed alone does, and the text around the spans is the old text, read
as before. So the new file reads as the old one with those records replaced, and the tree
is built from the old one. Anything else (a change outside a block list's records, a
document marker, lone carriage returns, tabs in a changed record, a list left empty) gives
``None``: the caller parses the whole new text, as always.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .fileio import _DOCUMENT_MARK, _shifted
from .yamlread import Pos, YMap, YSeq, parse_text

__all__ = ["Span", "record_spans", "reread_changed_records"]

#: What may stand before a record on its first line: the indentation and the list's dash.
_DASH = re.compile(r" *- +")


@dataclass(frozen=True)
class Span:
    """One record's text: ``[start, end)`` of the old text, the record ``index`` of ``section``."""

    section: str
    index: int
    start: int
    end: int


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def record_spans(text: str, root: Node | None) -> list[Span] | None:
    """The spans of every record of every block-list section, in text order (None: not that shape)."""
    if not isinstance(root, MappingNode) or root.flow_style:
        return None
    spans: list[Span] = []
    pairs = root.value
    for k, (key, value) in enumerate(pairs):
        if not isinstance(value, SequenceNode) or value.flow_style or not value.value:
            continue
        if not isinstance(key, ScalarNode):
            return None
        starts = []
        for item in value.value:
            at = item.start_mark.index
            line = _line_start(text, at)
            if not _DASH.fullmatch(text, line, at):  # the dash alone on its line, or a second item on it
                return None
            starts.append(line)
        if len({text.index("-", line) - line for line in starts}) != 1:
            return None
        section_end = _line_start(text, pairs[k + 1][0].start_mark.index) if k + 1 < len(pairs) else len(text)
        ends = [*starts[1:], section_end]
        spans.extend(Span(key.value, i, start, end) for i, (start, end) in enumerate(zip(starts, ends, strict=True)))
    return spans


def reread_changed_records(
    text: str, root: Node | None, tree: Any, splices: list[tuple[int, int, str]], shown: str
) -> Any | None:
    """The strict tree of ``text`` with ``splices`` made, read by the records they change; None when unsafe.

    ``root`` and ``tree`` are the old text's nodes and strict tree; each splice replaces
    ``text[start:end]`` with its text. Records the splices do not change keep the tree
    (and the positions) they had in the old text.
    """
    if not isinstance(tree, YMap) or _DOCUMENT_MARK.search(text) or text.count("\r") != text.count("\r\n"):
        return None
    spans = record_spans(text, root)
    if not spans:
        return None
    starts = [span.start for span in spans]
    changed: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, new in sorted(splices, key=lambda s: (s[0], s[1])):
        at = bisect_right(starts, start) - 1
        if at > 0 and start == end == starts[at] and spans[at - 1].end == start:
            at -= 1  # added where one record ends and the next begins: after the first one's last line
        if at < 0 or end > spans[at].end:
            return None
        changed.setdefault(at, []).append((start, end, new))
    newline = "\r\n" if "\r\n" in text else "\n"
    read: dict[tuple[str, int], list[tuple[Any, Pos]]] = {}
    lines = 0  # how many lines the new text has gained before the span being read
    for at in sorted(changed):
        span = spans[at]
        new_text = _spliced(text, span, changed[at])
        if new_text and not new_text.endswith("\n") and span.end < len(text):
            return None  # the next record's dash line would no longer start a line of its own
        records = _read_alone(span, new_text, newline, tree, shown)
        if records is None:
            return None
        # The span's first line is line 2 of the text parsed alone.
        moved = text.count("\n", 0, span.start) + 1 + lines - 2
        read[(span.section, span.index)] = [
            (_shifted(record, moved), (line + moved, column)) for record, (line, column) in records
        ]
        lines += new_text.count("\n") - text.count("\n", span.start, span.end)
    return _assembled(tree, read)


def _spliced(text: str, span: Span, splices: list[tuple[int, int, str]]) -> str:
    out, at = [], span.start
    for start, end, new in splices:
        out.append(text[at:start])
        out.append(new)
        at = end
    out.append(text[at : span.end])
    return "".join(out)


def _read_alone(span: Span, new_text: str, newline: str, tree: YMap, shown: str) -> list[tuple[Any, Pos]] | None:
    """The records a changed span reads as, parsed after its section's key alone (None: not cleanly)."""
    if "\t" in new_text:
        return None
    alone, problems = parse_text(f"{span.section}:{newline}{new_text}", shown)
    if problems or not isinstance(alone, YMap) or list(alone) != [span.section]:
        return None
    records = alone[span.section]
    if records in (None, ""):
        return []
    old = tree.get(span.section)
    if not isinstance(records, YSeq) or not isinstance(old, YSeq):
        return None
    if records.pos[1] != old.pos[1] or any(pos[1] != old.item_pos[0][1] for pos in records.item_pos):
        return None
    return list(zip(records, records.item_pos, strict=True))


def _assembled(tree: YMap, read: dict[tuple[str, int], list[tuple[Any, Pos]]]) -> YMap | None:
    """The old tree with the records read again in place of the old ones (None: a list left empty)."""
    new = YMap(tree.pos)
    new.key_pos.update(tree.key_pos)
    new.value_pos.update(tree.value_pos)
    sections = {section for section, _index in read}
    for key, value in tree.items():
        if key not in sections:
            new[key] = value
            continue
        items = YSeq(value.pos)
        for i, (item, pos) in enumerate(zip(value, value.item_pos, strict=True)):
            for record, record_pos in read.get((key, i), [(item, pos)]):
                items.append(record)
                items.item_pos.append(record_pos)
        if not items:  # an emptied block list reads as an empty value: the whole text is parsed
            return None
        new[key] = items
    return new
