"""Writing YAML text by hand, one scalar and one record at a time.

graphnet never re-dumps a user's file (that drops comments, reorders keys and
changes quoting); it appends text built here. Two promises:

* :func:`scalar` gives text that graphnet's strict reader
  (:mod:`graphnet.yamlread`) reads back as exactly the value given, in plain
  style when that is unambiguous, else double-quoted with escapes;
* a plain scalar is only used when other YAML readers agree on it too: values
  YAML 1.1 or 1.2 would read as a bool, null, number or timestamp (``NO``,
  ``on``, ``~``, ``0123``, ``1.10``, ``+4917612345``, ``1:20``) are quoted, so
  a script that reads the files with ``yaml.safe_load`` still sees text. The
  two exceptions are the format's own numbers and dates: a whole number
  without sign or leading zero (``3``) and a real ``YYYY-MM-DD`` date stay
  plain, as a person would type them.

>>> scalar("Ada Lovelace")
'Ada Lovelace'
>>> scalar("NO")
'"NO"'
>>> scalar("at 12: lunch # maybe")
'"at 12: lunch # maybe"'
>>> print(record([("name", "Ada"), ("circles", ["work", "a, b"])]), end="")
- name: Ada
  circles: [work, "a, b"]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

__all__ = ["flow_list", "flow_map", "flow_value", "read_back", "record", "scalar"]

#: Characters that may not start a plain scalar (YAML 1.1 §9.1.3 indicators).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
#: Characters that end a plain scalar inside a flow collection ``[a, b]``.
_FLOW_CHARS = frozenset(",[]{}:?")
#: Unicode categories never written raw: controls, format, surrogates, private use,
#: unassigned, line/paragraph separators.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
#: Format characters (Cf) that are fine raw: joiners and variation selectors in emoji/scripts.
_SAFE_FORMAT = frozenset("\u200c\u200d\u200e\u200f")

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\x00": "\\0",
    "\x07": "\\a",
    "\x08": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}

#: Words YAML 1.1 (PyYAML) or 1.2 reads as bool or null; matched case-insensitively.
_SPECIAL_WORDS = frozenset(
    {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<", ".inf", ".nan", "-.inf", "+.inf"}
)
#: Looks like a number in some YAML version (ints, floats, octal, hex, binary, 1:20, 1_000).
_NUMBERISH = re.compile(r"[-+]?(\.?[0-9]|\.(inf|nan))[0-9a-zA-Z_.:+-]*", re.IGNORECASE)
_PLAIN_INT = re.compile(r"0|[1-9][0-9]*")
_TIMESTAMPISH = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Printable ASCII and the space: every such character may stand raw in a plain scalar.
_PRINTABLE_ASCII = re.compile(r"[ -~]*")


def _raw_ok(ch: str) -> bool:
    """May ``ch`` appear unescaped inside a scalar?"""
    if ch in _SAFE_FORMAT:
        return True
    if ch == "\ufeff":
        return False
    if "\ue000" <= ch <= "\uf8ff" or ord(ch) >= 0xF0000:
        return True  # private use: printable for YAML, keep it as typed
    if unicodedata.category(ch) in _UNSAFE_CATEGORIES:
        return False
    return ch not in ("\ufffe", "\uffff")


def _escape(ch: str) -> str:
    named = _ESCAPES.get(ch)
    if named is not None:
        return named
    if _raw_ok(ch):
        return ch
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"cannot write a lone surrogate (U+{code:04X}) as UTF-8 text")
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def _is_real_date(text: str) -> bool:
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _plain_ok(value: str, flow: bool) -> bool:
    if not value or value != value.strip() or value[0].isspace() or value[-1].isspace():
        return False
    first = value[0]
    if first in _INDICATORS:
        # '-' followed by a letter (``-foo``) is plain in YAML, but rare in names: keep it simple.
        return False
    if value.startswith(("---", "...")):
        return False
    if value.endswith(":") or ": " in value or " #" in value or "\t" in value:
        return False
    if flow and any(c in _FLOW_CHARS for c in value):
        return False
    # Most values are printable ASCII: one regex instead of a Unicode lookup per character.
    if not _PRINTABLE_ASCII.fullmatch(value) and not all((_raw_ok(c) and not c.isspace()) or c == " " for c in value):
        return False
    if value.casefold() in _SPECIAL_WORDS:
        return False
    if _is_real_date(value):
        return True
    if _NUMBERISH.fullmatch(value):
        return bool(_PLAIN_INT.fullmatch(value)) and len(value) < 12
    return not (_TIMESTAMPISH.match(value) and not _is_real_date(value))


def _double_quoted(value: str) -> str:
    return '"' + "".join(_escape(c) for c in value) + '"'


def scalar(value: str, *, flow: bool = False) -> str:
    """YAML text that graphnet's strict reader reads back as exactly ``value``.

    Parameters
    ----------
    value : str
        Any text, including quotes, ``#``, ``: ``, newlines, U+0085, U+2028,
        control characters and emoji.
    flow : bool
        The scalar goes inside a flow list (``[a, b]``), where ``,[]{}:`` also
        need quotes.

    Returns
    -------
    str
        The value in plain style when no YAML reader could misread it, else
        double-quoted with backslash escapes (one line, whatever the value).

    Raises
    ------
    ValueError
        For a lone surrogate, which no UTF-8 file can hold.
    """
    if not isinstance(value, str):
        raise TypeError(f"scalar() takes text, not {type(value).__name__}")
    if _plain_ok(value, flow):
        return value
    return _double_quoted(value)


def _atom(value: object, *, flow: bool = False) -> str:
    """A scalar value of a field: text is quoted as needed, ints and dates written plainly."""
    if isinstance(value, bool):
        raise TypeError("write booleans as text")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return scalar(value, flow=flow)
    raise TypeError(f"cannot write a {type(value).__name__} as a YAML scalar")


def flow_list(items: Sequence[object]) -> str:
    """``[a, "b, c"]``: a one-line list, each item quoted as needed."""
    return "[" + ", ".join(_atom(item, flow=True) for item in items) + "]"


def flow_map(pairs: Sequence[tuple[str, object]]) -> str:
    """``{org: Acme, to: 2026-11-27}``: a one-line mapping, ``None`` values left out."""
    return "{" + ", ".join(f"{key}: {flow_value(value)}" for key, value in pairs if value is not None) + "}"


def flow_value(value: object) -> str:
    """Any field value on one line, fit for a flow collection: a scalar, ``[a, b]`` or ``{k: v}``."""
    if _is_mapping(value):
        return flow_map(_pairs(value))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow_value(item) for item in value) + "]"
    return _atom(value, flow=True)


def _is_mapping(value: object) -> bool:
    return isinstance(value, Mapping) or (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str) for p in value)
    )


def _pairs(value: Any) -> list[tuple[str, object]]:
    return list(value.items()) if isinstance(value, Mapping) else list(value)


def _mapping_lines(pairs: list[tuple[str, object]], indent: int, step: int) -> list[str]:
    """Lines of a block mapping whose keys start at column ``indent``."""
    lines: list[str] = []
    pad = " " * indent
    for key, value in pairs:
        if value is None:
            continue
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", key):
            raise ValueError(f"not a graphnet key: {key!r}")
        if isinstance(value, (str, int, date)):
            lines.append(f"{pad}{key}: {_atom(value)}")
        elif _is_mapping(value):
            lines.append(f"{pad}{key}:")
            lines.extend(_mapping_lines(_pairs(value), indent + step, step))
        elif isinstance(value, (list, tuple)):
            if any(_is_mapping(item) for item in value):
                lines.append(f"{pad}{key}:")
                lines.extend(_item_lines(item, indent + step, step) for item in value)
            else:
                lines.append(f"{pad}{key}: {flow_list(value)}")
        else:
            raise TypeError(f"cannot write {key}: a {type(value).__name__}")
    return lines


def _item_lines(item: object, indent: int, step: int) -> str:
    """One ``- ...`` item at column ``indent`` (a scalar or a mapping), as joined lines."""
    pad = " " * indent
    if not _is_mapping(item):
        return f"{pad}- {_atom(item)}"
    inner = _mapping_lines(_pairs(item), indent + step, step)
    if not inner:
        return f"{pad}- {{}}"
    first = inner[0][indent + step :]
    dash = "-" + " " * (step - 1)
    return "\n".join([f"{pad}{dash}{first}", *inner[1:]])


def record(fields: Sequence[tuple[str, object]], indent: int = 2, *, prefix: str = "") -> str:
    """One list item of a section, as text ending in a newline.

    Parameters
    ----------
    fields : list of (key, value)
        In the order to write them. A value is text, an ``int`` or a ``date``
        (written plainly), a list of those (a flow list ``[a, b]``), a mapping
        or a list of (key, value) pairs (a nested block), or a list holding
        mappings (a block list, as ``knows`` entries). ``None`` values are left out.
    indent : int
        Spaces per nesting level; continuation lines start ``indent`` columns
        after the ``-``.
    prefix : str
        Spaces written before the ``-`` (for a section whose items are indented).

    Returns
    -------
    str
        e.g. ``"- name: Ada\\n  org: Acme\\n"``.
    """
    if indent < 2:
        raise ValueError("indent must be at least 2 (room for '- ')")
    if prefix.strip(" "):
        raise ValueError("prefix must be spaces")
    text = _item_lines(list(fields), 0, indent)
    return "".join(prefix + line + "\n" for line in text.split("\n"))


def read_back(value: Any) -> Any:
    """The tree the strict reader gives back for ``value`` written with :func:`record` or :func:`flow_value`.

    Text stays text, numbers and dates become their text, ``None`` values are left out, and a list
    of ``(key, value)`` pairs is a mapping; what a write compares the file it wrote against.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # pragma: no cover - refused by record() and flow_value()
        raise TypeError("booleans are written as text")
    if isinstance(value, (int, date)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, Mapping):
        return {k: read_back(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str) for p in value):
            return {k: read_back(v) for k, v in value if v is not None}
        return [read_back(v) for v in value]
    raise TypeError(type(value).__name__)
