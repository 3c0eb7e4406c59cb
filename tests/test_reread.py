"""Re-reading an edited file by its changed records gives what parsing the whole new text gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from graphnet.errors import GraphnetError
from graphnet.files.edit_in_place import Doc
from graphnet.files.reread import record_spans, reread_changed_records
from graphnet.files.yamlread import YMap, YSeq, parse_text

# Records in every style the format allows: block and flow, comments between them, a block
# scalar ending a record, a flow list over two lines, and a last record with no final newline.
TEXT = (
    "# people I know\n"
    "people:\n"
    "  - name: Ada\n"
    "    org: Acme   # since 2020\n"
    "    knows:\n"
    "      - bob\n"
    "      - {id: cy, strength: 2}\n"
    "  # a comment between records\n"
    "  - {name: Bob, strength: 1}\n"
    "  - name: Cy\n"
    "    notes: |\n"
    "      met at the meetup\n"
    "        (the second one)\n"
    "\n"
    "  - name: Dee\n"
    "    tags: [a,\n"
    "      b]\n"
    "interactions:\n"
    "- date: 2026-01-01\n"
    "  with: [ada, bob]\n"
    "- {date: 2026-02-01, with: cy}\n"
    "- date: 2026-03-01\n"
    "  with: dee"
)


def positions(tree: Any) -> Any:
    """Every position in a strict tree, in order (what messages would point at)."""
    if isinstance(tree, YMap):
        return [tree.pos, [(k, tree.key_pos[k], tree.value_pos[k], positions(v)) for k, v in tree.items()]]
    if isinstance(tree, YSeq):
        return [tree.pos, tree.item_pos, [positions(v) for v in tree]]
    return None


def doc_of(tmp_path: Path, text: str) -> Doc:
    path = tmp_path / "people.yaml"
    path.write_bytes(text.encode("utf-8"))
    return Doc(path, "people.yaml")


def test_every_record_has_its_span() -> None:
    doc_text = TEXT
    tree, _problems = parse_text(doc_text, "x")
    from graphnet.files.yamlread import parse_text_and_nodes

    _tree, root, _ = parse_text_and_nodes(doc_text, "x")
    spans = record_spans(doc_text, root)
    assert spans is not None
    assert [(s.section, s.index) for s in spans] == [("people", i) for i in range(4)] + [
        ("interactions", i) for i in range(3)
    ]
    # Each span starts at its dash line; the comment between Ada and Bob belongs to Ada's span.
    assert doc_text[spans[0].start : spans[1].start].endswith("  # a comment between records\n")
    assert doc_text[spans[3].start : spans[3].end] == "  - name: Dee\n    tags: [a,\n      b]\n"
    assert spans[-1].end == len(doc_text)
    assert tree is not None


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["set", "delete", "append", "delete-key"]),
        st.sampled_from(
            [("people", 0), ("people", 1), ("people", 2), ("people", 3), ("interactions", 0), ("interactions", 2)]
        ),
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12),
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda edit: edit[1],
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS, crlf=st.booleans())
def test_reading_the_changed_records_equals_reading_the_whole_text(
    tmp_path: Path, edits: list[tuple[str, tuple[str, int], str]], crlf: bool
) -> None:
    text = TEXT.replace("\n", "\r\n") if crlf else TEXT
    doc = doc_of(tmp_path, text)
    seqs = {key.value: value for key, value in doc.root.value}  # type: ignore[union-attr]
    for op, (section, index), value in edits:
        node = seqs[section].value[index]
        path = (section, index)
        key = "org" if section == "people" else "with"
        try:
            if op == "set":  # Cy's notes are a block value: replaced, it must still end before Dee's line
                field = "note" if section == "interactions" else "notes" if index == 2 else "role"
                doc.set_value(node, path, field, value)
            elif op == "delete":
                doc.delete_item(seqs[section], (section,), index)
            elif op == "append":
                doc.append_item(node, path, "tags", value)
            elif key in doc.tree[section][index] and len(doc.tree[section][index]) > 1:
                doc.delete_key(node, path, key)
        except GraphnetError:  # two changes at one place: an edit plans them one at a time
            assume(False)
    new_text = doc.new_text()
    whole, problems = parse_text(new_text, "people.yaml")
    splices = [(cut.start, cut.end, cut.text) for cut in doc.splices]
    local = reread_changed_records(doc.text, doc.root, doc.tree, splices, "people.yaml")
    if problems:
        assert local is None  # what does not read cleanly is never vouched for
        return
    if local is None:
        return  # not a shape read record by record (a list left empty): the whole text is read
    assert local == whole
    # The records read again are where the whole text has them (the others keep their old positions).
    for section in ("people", "interactions"):
        for i, (mine, theirs) in enumerate(zip(local[section], whole[section], strict=True)):
            if not any(mine is old for old in doc.tree[section]):
                assert positions(mine) == positions(theirs)
                assert local[section].item_pos[i] == whole[section].item_pos[i]


def test_a_changed_record_that_does_not_read_cleanly_is_not_written(tmp_path: Path) -> None:
    doc = doc_of(tmp_path, TEXT)
    # An unclosed quote inside Bob's record: the record alone does not read, so the whole text
    # is read, which does not either; the edit is refused.
    doc.splice(TEXT.index("strength: 1"), TEXT.index("strength: 1") + 11, 'strength: "1')
    splices = [(cut.start, cut.end, cut.text) for cut in doc.splices]
    assert reread_changed_records(doc.text, doc.root, doc.tree, splices, "people.yaml") is None
    with pytest.raises(GraphnetError, match="would not read cleanly"):
        doc.verify()


def test_a_change_outside_the_records_reads_the_whole_text(tmp_path: Path) -> None:
    text = "me:\n  name: Sam\npeople:\n  - name: Ada\n"
    doc = doc_of(tmp_path, text)
    doc.set_value(doc.root.value[0][1], ("me",), "role", "CTO")  # type: ignore[union-attr]
    splices = [(cut.start, cut.end, cut.text) for cut in doc.splices]
    assert reread_changed_records(doc.text, doc.root, doc.tree, splices, "people.yaml") is None
    doc.verify()
    assert doc.new_tree == {"me": {"name": "Sam", "role": "CTO"}, "people": [{"name": "Ada"}]}


def _applied(old: str, diff: str) -> str:
    """``old`` with a unified diff applied (what `patch` would make of it)."""
    lines = old.split("\n")
    out: list[str] = []
    at = 0
    rows = diff.split("\n")[2:]
    for i, row in enumerate(rows):
        if row.startswith("@@"):
            start = int(row.split()[1].split(",")[0][1:])
            length = row.split()[1].split(",")
            begin = start - 1 if len(length) == 1 or length[1] != "0" else start
            out.extend(lines[at:begin])
            at = begin
        elif row.startswith((" ", "-")):
            assert lines[at] == row[1:], (at, row)
            if row.startswith(" "):
                out.append(row[1:])
            at += 1
        elif row.startswith("+"):
            out.append(row[1:])
        assert i >= 0
    out.extend(lines[at:])
    return "\n".join(out)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_the_dry_run_diff_turns_the_old_text_into_the_new(tmp_path: Path, edits: list[Any]) -> None:
    doc = doc_of(tmp_path, TEXT + "\n")
    seqs = {key.value: value for key, value in doc.root.value}  # type: ignore[union-attr]
    for _op, (section, index), value in edits:
        try:
            doc.set_value(seqs[section].value[index], (section, index), "role", value)
        except GraphnetError:
            assume(False)
    diff = doc.diff()
    assert diff.startswith("--- people.yaml\n+++ people.yaml\n@@ -")
    assert _applied(TEXT + "\n", diff) == doc.new_text()


def test_a_change_that_joins_the_next_record_onto_its_line_reads_the_whole_text(tmp_path: Path) -> None:
    # Replacing Cy's block value up to where it ends (the start of Dee's line) with one line and
    # no line break reads cleanly alone, but in the file Dee's dash line would join the value:
    # that is never vouched for by the changed record alone.
    doc = doc_of(tmp_path, TEXT)
    start, end = TEXT.index("|\n      met"), TEXT.index("  - name: Dee")
    splices = [(start, end, "new text")]
    assert reread_changed_records(doc.text, doc.root, doc.tree, splices, "people.yaml") is None
    _whole, problems = parse_text(TEXT[:start] + "new text" + TEXT[end:], "people.yaml")
    assert "mapping values are not allowed" in problems[0].message  # "new text  - name: Dee" on one line
