"""The wording every answer and message shares: ages, months, lists, counts, percentages, paths.

One helper per way of saying something, so that "12 days ago", "Ada, Bob and Cy" or "0.5%"
read the same in every command. Plain functions of plain values; nothing here knows the
network (it sits below the model, like :mod:`graphnet.errors`).
"""

from __future__ import annotations

import os
import textwrap
from datetime import date
from pathlib import Path

__all__ = [
    "ago",
    "clip",
    "display_path",
    "hanging",
    "joined",
    "month",
    "on_day",
    "percent",
    "plural",
    "times",
    "wrapped",
]

#: Width of the command line's wrapped text.
WIDTH = 100


def ago(days: int) -> str:
    """``today``, ``yesterday``, ``12 days ago``, ``5 months ago``, ``3 years ago``."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 60:
        return f"{days} days ago"
    if days < 730:
        return f"{days // 30} months ago"
    return f"{days // 365} years ago"


def month(when: date | None) -> str:
    """`` in March 2026`` (with its leading space), or empty when the date is unknown."""
    return f" in {when.strftime('%B')} {when.year}" if when is not None else ""


def on_day(when: date | None) -> str:
    """`` on 2026-11-10`` (with its leading space), or empty when the date is unknown."""
    return f" on {when.isoformat()}" if when is not None else ""


def clip(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def times(n: int) -> str:
    """``once``, ``twice``, ``3 times``."""
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def plural(n: int, word: str = "person", words: str | None = None) -> str:
    """``1 person``, ``3 people``, ``1,200 records`` (``words`` defaults to ``word`` + "s", "people" for "person")."""
    if words is None:
        words = "people" if word == "person" else word + "s"
    return f"{n:,} {word if n == 1 else words}"


def joined(items: list[str]) -> str:
    """``Ada``, ``Ada and Bob``, ``Ada, Bob and Cy`` (empty for no items)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def percent(share: float) -> str:
    """A share as a percentage: ``42%``, ``0.5%`` below 1%, ``<0.1%`` below 0.1%."""
    if share >= 0.01:
        return f"{share:.0%}"
    return f"{share:.1%}" if share >= 0.001 else "<0.1%"


def hanging(text: str, first: int, rest: int) -> str:
    """``text`` wrapped at :data:`WIDTH` columns, the first line indented ``first`` spaces, the others ``rest``."""
    return textwrap.fill(text, width=WIDTH, initial_indent=" " * first, subsequent_indent=" " * rest)


def wrapped(text: str, indent: int = 4) -> str:
    """``text`` wrapped at :data:`WIDTH` columns, every line indented ``indent`` spaces."""
    return hanging(text, indent, indent)


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as problems and messages show it: relative to the working folder when inside it.

    The file's own name is kept as the user sees it: a symbolic link is shown as the link,
    never as its target (only the folders above it are resolved).
    """
    path = Path(path)
    try:
        seen = Path(os.path.realpath(path.parent)) / path.name
        return str(seen.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
