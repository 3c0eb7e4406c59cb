"""Problems found in a network's files, and the one exception graphnet raises.

Every problem is a line a person can act on, in the format editors jump to::

    path:line:col: error: what is wrong, and what to do

The loader collects problems instead of raising (as Beancount does), so a single
run reports every mistake in every file.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

__all__ = [
    "GraphnetError",
    "Problem",
    "Severity",
    "did_you_mean",
    "has_errors",
    "sort_problems",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in the data.

    ``line`` and ``column`` are 1-based, as editors count; 0 means "the whole file".
    """

    path: str
    line: int
    column: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        if self.line <= 0:  # a whole file or folder
            return f"{self.path}: {self.severity}: {self.message}"
        if self.column <= 0:  # a whole line, e.g. a CSV row
            return f"{self.path}:{self.line}: {self.severity}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
        }


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems ordered by file, then line and column, errors before warnings."""
    return sorted(
        problems,
        key=lambda p: (p.path, p.line, p.column, p.severity != "error", p.message),
    )


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


class GraphnetError(Exception):
    """A request graphnet cannot answer, with a message meant for a person.

    Raised by the API for bad *requests* (an unknown target, an unwritable file);
    bad *data* is reported as :class:`Problem` values by the loader instead.

    A message names the parameters of the function called, in backquotes
    (```top` must be at least 1``), and settings by their name under ``me:``;
    never an option of the command line, which translates the backquoted
    parameters into its own options (``--top must be at least 1``).
    """


def require_range(name: str, value: float, low: float, high: float) -> None:
    """Raise :class:`GraphnetError` naming ``name`` unless ``low <= value <= high``.

    The library names its parameter (``top``) or setting (``max_hops under me:``); the
    command line checks its options itself (``--top``), before calling the library.
    """
    if not low <= value <= high:
        raise GraphnetError(f"{name} must be from {low:g} to {high:g}, not {value}")


def _folded_keys(names: Mapping[str, str]) -> dict[str, list[str]]:
    """Every id, name and word of a name under a folded key; a key may point at several ids."""
    keys: dict[str, list[str]] = {}
    for ident, name in names.items():
        keys.setdefault(ident.casefold(), []).append(ident)
        if name:
            keys.setdefault(name.casefold(), []).append(ident)
            for part in name.casefold().split():
                keys.setdefault(part, []).append(ident)
    return keys


def did_you_mean(
    word: str,
    candidates: Iterable[str] | Mapping[str, str],
    *,
    limit: int = 3,
) -> str:
    """A ``did you mean …?`` suffix, or an empty string when nothing is close.

    ``candidates`` is either ids, or a mapping of id -> display name; names are
    matched too, so ``ada`` finds ``'ada-lovelace' (Ada Lovelace)``.
    """
    names: Mapping[str, str] = candidates if isinstance(candidates, Mapping) else {c: "" for c in candidates}
    wanted = word.casefold().strip()
    if not wanted:
        return ""
    keys = _folded_keys(names)
    found: list[str] = []
    for key in keys:
        if key.startswith(wanted) or wanted in key.split("-"):
            found.extend(keys[key])
    for key in difflib.get_close_matches(wanted, list(keys), n=limit, cutoff=0.75):
        found.extend(keys[key])
    # A candidate that differs only in case is the likeliest meaning (``Name:`` for ``name:``);
    # only the very word given is no suggestion.
    unique = [ident for ident in dict.fromkeys(found) if ident != word.strip()]
    if not unique:
        return ""

    def show(ident: str) -> str:
        name = names.get(ident, "")
        return f"'{ident}' ({name})" if name and name != ident else f"'{ident}'"

    shown = [show(i) for i in unique[:limit]]
    if len(shown) == 1:
        return f"did you mean {shown[0]}?"
    return "did you mean " + ", ".join(shown[:-1]) + f" or {shown[-1]}?"
