"""The ``graphnet`` command line: a thin layer over the library.

Every command loads the network, calls one library function and prints its
answer (``--json`` for scripts). Exit codes: 0 success; 1 the data has errors
(``check`` lists them); 2 a bad request (unknown target, bad option).

Commands are grouped by area, one module each; importing them registers them on the group.
"""

from __future__ import annotations

from . import answers, change, edit, io, map, network, people  # noqa: F401  (registers the commands)
from .base import EXIT_BAD_REQUEST, EXIT_DATA_ERRORS, Context, cli

__all__ = ["EXIT_BAD_REQUEST", "EXIT_DATA_ERRORS", "Context", "cli", "main"]


def main() -> None:  # pragma: no cover - the console script
    cli()
