"""scalar() and record() give text that the strict reader reads back exactly.

Every check runs with both YAML parsers (libyaml and pure PyYAML), and also
with plain ``yaml.safe_load`` (YAML 1.1 resolvers), so a script reading the
files with PyYAML sees text too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from graphnet.files import yamlread
from graphnet.files.yamlread import parse_text
from graphnet.files.yamlwrite import flow_list, record, scalar

PARSERS = [True] if yamlread._CLoader is None else [False, True]

TRICKY = [
    "",
    " ",
    "  two  spaces  ",
    "NO",
    "no",
    "Yes",
    "on",
    "OFF",
    "y",
    "n",
    "true",
    "False",
    "null",
    "~",
    "0123",
    "+4917612345",
    "1:20",
    "1_000",
    "1.10",
    ".5",
    "1e3",
    ".inf",
    "-.inf",
    ".NaN",
    "0x1F",
    "0o17",
    "0b101",
    "2024-02-30",
    "2001-12-14t21:59:43.10-05:00",
    "-",
    "?",
    ":",
    "- x",
    "? x",
    ": x",
    "---",
    "...",
    "@handle",
    "`code`",
    "!important",
    "&anchor",
    "*alias",
    "%percent",
    "{a: 1}",
    "[a]",
    "]",
    "}",
    ",",
    "|",
    ">",
    "'single'",
    '"double"',
    "it's",
    'say "hi"',
    "a: b",
    "key:",
    "a #b",
    "#hash",
    "a#b",
    "tab\there",
    "line\nbreak",
    "trailing newline\n",
    "\r\n",
    "nel\x85here",
    "ls\u2028ps\u2029",
    "\x00\x01\x07\x1b\x7f",
    "\ufeffbom",
    "\ufffe\uffff",
    "😀 emoji 👩‍💻",
    "\xa0nbsp\xa0",
    "ideographic\u3000space",
    "\u0301combining",
    "back\\slash",
    "\\n literally",
    "=",
    "<<",
    "a, b",
    "a,b",
    "a?b",
    "https://example.com/a?b=c#d",
    "Zoë O'Brien",
    "中文 名字",
    "mañana: later",
]


def read_back(doc: str, *, pure: bool) -> Any:
    tree, problems = parse_text(doc, "t.yaml", pure=pure)
    assert problems == [], (doc, problems)
    return tree


@pytest.mark.parametrize("value", TRICKY)
@pytest.mark.parametrize("pure", PARSERS)
def test_scalar_reads_back_exactly(value: str, pure: bool) -> None:
    block = f"k: {scalar(value)}\n"
    assert read_back(block, pure=pure) == {"k": value}
    flow = f"k: [{scalar(value, flow=True)}, z]\n"
    assert read_back(flow, pure=pure) == {"k": [value, "z"]}
    item = f"- {scalar(value)}\n"
    assert read_back(item, pure=pure) == [value]


@pytest.mark.parametrize("value", TRICKY)
def test_safe_load_sees_the_same_text(value: str) -> None:
    """YAML 1.1 readers (PyYAML's safe_load) get the same string: NO is not False, 0123 not 83."""
    assert yaml.safe_load(f"k: {scalar(value)}\n") == {"k": value}
    assert yaml.safe_load(f"k: [{scalar(value, flow=True)}]\n") == {"k": [value]}


@pytest.mark.parametrize(
    "value", ["Ada Lovelace", "Acme Corp", "coffee", "Zoë O'Brien", "a#b", "https://example.com/x", "中文", "3", "12"]
)
def test_plain_when_unambiguous(value: str) -> None:
    assert scalar(value) == value


def test_the_formats_own_numbers_and_dates_stay_plain() -> None:
    assert scalar("2024-01-05") == "2024-01-05"
    assert scalar("3") == "3"
    # but anything YAML 1.1 would change is quoted
    for value in ("03", "+3", "3.0", "2024-1-5", "NO", "0123"):
        assert scalar(value).startswith('"'), value


def test_escapes_are_readable() -> None:
    assert scalar("a\nb") == '"a\\nb"'
    assert scalar("\x85\u2028\u2029") == '"\\N\\L\\P"'
    assert scalar('say "hi"') == 'say "hi"'  # quotes inside a plain scalar are fine
    assert scalar('"hi" she said') == '"\\"hi\\" she said"'
    assert scalar("x\x01") == '"x\\x01"'


def test_flow_quotes_flow_indicators() -> None:
    assert scalar("a, b") == "a, b"
    assert scalar("a, b", flow=True) == '"a, b"'
    assert flow_list(["work", "a, b", "NO", 3]) == '[work, "a, b", "NO", 3]'


def test_lone_surrogate_is_refused() -> None:
    with pytest.raises(ValueError, match="surrogate"):
        scalar("x\ud800")


def test_non_text_is_refused() -> None:
    with pytest.raises(TypeError):
        scalar(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        record([("strength", True)])


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=30))
def test_any_text_round_trips(value: str) -> None:
    for pure in PARSERS:
        assert read_back(f"k: {scalar(value)}\n", pure=pure) == {"k": value}
        assert read_back(f"k: [{scalar(value, flow=True)}]\n", pure=pure) == {"k": [value]}


def test_record_layout() -> None:
    text = record(
        [
            ("name", "Ada Lovelace"),
            ("id", None),
            ("strength", 3),
            ("met", date(2024, 1, 5)),
            ("circles", ["work", "a, b"]),
            ("knows", [{"id": "grace-hopper", "strength": 4, "note": "at 12: lunch"}, "alan-turing"]),
        ]
    )
    assert text == (
        "- name: Ada Lovelace\n"
        "  strength: 3\n"
        "  met: 2024-01-05\n"
        '  circles: [work, "a, b"]\n'
        "  knows:\n"
        "    - id: grace-hopper\n"
        "      strength: 4\n"
        '      note: "at 12: lunch"\n'
        "    - alan-turing\n"
    )


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize(("indent", "prefix"), [(2, ""), (2, "  "), (4, ""), (4, "    "), (3, " ")])
def test_record_indentation_reads_back(indent: int, prefix: str, pure: bool) -> None:
    fields: list[tuple[str, object]] = [
        ("name", "NO"),
        ("tags", ["0123", "x: y"]),
        ("knows", [{"id": "b", "since": "2020-01-01"}, "c"]),
        ("past", {"org": "Acme", "to": "2020-01-01"}),
    ]
    doc = "people:\n" + record(fields, indent, prefix=prefix) + record([("name", "second")], indent, prefix=prefix)
    assert read_back(doc, pure=pure) == {
        "people": [
            {
                "name": "NO",
                "tags": ["0123", "x: y"],
                "knows": [{"id": "b", "since": "2020-01-01"}, "c"],
                "past": {"org": "Acme", "to": "2020-01-01"},
            },
            {"name": "second"},
        ]
    }


def test_record_refuses_bad_keys_and_indent() -> None:
    with pytest.raises(ValueError):
        record([("bad key", "x")])
    with pytest.raises(ValueError):
        record([("name", "x")], indent=1)
    with pytest.raises(ValueError):
        record([("name", "x")], prefix="\t")
