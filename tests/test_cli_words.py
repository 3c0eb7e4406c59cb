"""Library errors name the library's parameters; the command line says its own options instead."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphnet
from graphnet import load
from graphnet.cli import cli
from graphnet.errors import GraphnetError
from graphnet.files import edit

PACKAGE = Path(graphnet.__file__).parent


#: An option as a command line writes it: ``--limit`` or ``-o`` after a space, a bracket or the start.
_FLAG = re.compile(r"(?:^|[\s(\[,;:])(?:--[a-z]|-[a-z](?:\s|$))")


def _text(node: ast.AST) -> str | None:
    """The text of a string literal; an f-string's with ``{}`` for each value it inserts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)
    return None


def _messages(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of every string the library may show: all but docstrings and the format table's options.

    Errors are not the only words the library says: problems (``Problem(...)``), notes kept in
    a variable (the map's "to see more") and messages a helper returns reach the user as well,
    so every string is read, not only those written inside an error's call.
    """
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Expr):
            skipped.add(id(node.value))  # a string standing alone (an attribute's doc)
        if isinstance(node, ast.keyword) and node.arg == "option":
            skipped.add(id(node.value))  # files/format.py: the option of `graphnet add`, data the CLI reads
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(part) for part in node.values)  # read whole, below
    found = []
    for node in ast.walk(tree):
        text = _text(node)
        if text is not None and id(node) not in skipped:
            found.append((node.lineno, text))  # type: ignore[attr-defined]
    return found


def test_no_library_message_names_a_command_line_option():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        for line, text in _messages(ast.parse(path.read_text(encoding="utf-8"))):
            if text.startswith("graphnet "):
                continue  # a whole command to run may show its options
            # So may a command in backquotes (`graphnet add org NAME --id X`, `iconv -f latin1 …`): only
            # the words outside backquotes (the even parts) are read.
            if any(_FLAG.search(w) for w in text.split("`")[::2]):
                offenders.append(f"{path.relative_to(PACKAGE)}:{line}: {text!r}")
    assert not offenders, "\n".join(offenders)


def test_the_scan_reads_problems_notes_and_short_options():
    """The scan above finds a flag in each place a message can be written, long or short."""
    source = """
def f(n):
    problems.append(Problem(path, 0, 0, "error", "or point --data at your network folder"))
    note = f"To see more: `graphnet map --limit {n}`; or --all"
    raise GraphnetError(f"give a file name, e.g. -o {n}")
"""
    texts = [text for _, text in _messages(ast.parse(source))]
    assert sum(1 for text in texts if _FLAG.search(text)) == 3, texts


@pytest.fixture
def network(tmp_path: Path) -> Path:
    (tmp_path / "people.yaml").write_text("people:\n  - name: Ada Lovelace\n    strength: 3\n")
    return tmp_path


def test_the_library_names_its_parameter_and_the_cli_its_option(network: Path) -> None:
    net, _ = load(network, use_cache=False)
    with pytest.raises(GraphnetError) as library:
        edit.add_person(net, "Bob", knows=["nobody"])
    assert str(library.value).startswith("`knows` nobody: unknown person 'nobody'")
    result = CliRunner().invoke(
        cli, ["--no-cache", "--data", str(network), "add", "person", "Bob", "--knows", "nobody"]
    )
    assert result.exit_code == 2
    assert "error: --knows nobody: unknown person 'nobody'" in result.stderr
    result = CliRunner().invoke(cli, ["--no-cache", "--data", str(network), "add", "person", "Ada Lovelace"])
    assert result.exit_code == 2 and "e.g. --id ada-lovelace-2" in result.stderr
    result = CliRunner().invoke(
        cli, ["--no-cache", "--data", str(network), "favor", "--from", "me", "--to", "me", "--what", "x"]
    )
    assert result.exit_code == 2 and "--from and --to are both 'me'" in result.stderr
