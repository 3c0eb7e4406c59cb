"""Text that is safe to show on a terminal: control characters escaped, never sent raw.

A name imported from a CSV or vCard file may hold escape sequences: ``ESC]0;…BEL`` sets the
terminal's title, ``ESC]52;…`` writes the clipboard, ``ESC[2J`` clears the screen, a carriage
return overwrites the line, and the bidirectional overrides (U+202E…) show text in another order
than it is stored. graphnet's human-readable output (every command's terminal text and messages)
goes through :func:`escape_controls`, which writes each such character as ``\\uXXXX``: visible,
unambiguous, and still valid inside JSON strings, so the same filter serves ``--json`` answers
(where it changes no value). Exports and the map written to standard output are data and are
written as they are.
"""

from __future__ import annotations

import re

__all__ = ["CONTROL_CHARACTERS", "control_characters", "escape_controls"]

#: Characters never sent raw to a terminal: C0 controls but tab and line feed, DEL, C1 controls,
#: and the Unicode bidirectional embeddings, overrides and isolates, and the line/paragraph separators.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control character written as ``\\uXXXX`` (tab and line feed kept)."""
    if not CONTROL_CHARACTERS.search(text):
        return text
    return CONTROL_CHARACTERS.sub(_escaped, text)


def control_characters(text: str) -> list[str]:
    """The control characters in ``text``, each as ``\\uXXXX``, in order of appearance, once each."""
    found: list[str] = []
    for match in CONTROL_CHARACTERS.finditer(text):
        shown = _escaped(match)
        if shown not in found:
            found.append(shown)
    return found
