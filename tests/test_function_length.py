"""No function in the package is longer than a reader can hold: 60 lines, its docstring aside.

ruff's complexity rules (C90 at 12, PLR0915) bound branches and statements; this bounds length,
which they do not (a long run of plain statements, a big literal). Read with ``ast``.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "graphnet"
LIMIT = 60


def body_lines(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """The function's lines, without its docstring."""
    assert function.end_lineno is not None
    lines = function.end_lineno - function.lineno + 1
    first = function.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        assert first.end_lineno is not None
        lines -= first.end_lineno - first.lineno + 1
    return lines


def long_functions(source: str, name: str) -> list[str]:
    return [
        f"{name}:{node.lineno} {node.name} ({body_lines(node)} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and body_lines(node) > LIMIT
    ]


def test_no_function_is_longer_than_sixty_lines() -> None:
    found = [
        line
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in long_functions(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))
    ]
    assert found == []


def test_the_count_leaves_out_the_docstring_only() -> None:
    # 1 def line + a 3-line docstring + 61 statements: 62 lines counted, over the limit; with 59
    # statements, 60 lines: at the limit, fine.
    def source(statements: int) -> str:
        return 'def f():\n    """Doc\n    string.\n    """\n' + "    x = 1\n" * statements

    assert long_functions(source(61), "m") == ["m:1 f (62 lines)"]
    assert long_functions(source(59), "m") == []
