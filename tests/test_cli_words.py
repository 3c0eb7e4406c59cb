"""Library errors name the library's parameters; the command line says its own options instead."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphnet
from graphnet import load
from graphnet.cli import cli
from graphnet.errors import GraphnetError
from graphnet.files import edit

PACKAGE = Path(graphnet.__file__).parent


def _messages(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of every string written inside a ``GraphnetError(...)`` call (or subclass call)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "").endswith(("Error", "Imported", "Name")):
            for part in ast.walk(node):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    found.append((part.lineno, part.value))
    return found


def test_no_library_error_names_a_command_line_option():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        for line, text in _messages(ast.parse(path.read_text(encoding="utf-8"))):
            # A whole command to run (`graphnet add org NAME --id X`) may show its options.
            words = [w for w in text.split("`") if not w.startswith("graphnet ")][::2] if "`" in text else [text]
            if any(" --" in f" {w}" for w in words):
                offenders.append(f"{path.relative_to(PACKAGE)}:{line}: {text!r}")
    assert not offenders, "\n".join(offenders)


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
