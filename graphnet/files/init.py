"""``graphnet init``: a new network folder whose files explain the format.

Each section gets a starter file whose comments explain its fields with an
example, and whose first line points editors at the JSON Schema
(``.graphnet/schema.json``, hidden so the loader skips it). Nothing is ever
overwritten: every file is created atomically and only if it does not exist.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import GraphnetError
from ..text import display_path
from .fileio import write_new_file
from .loader import data_files
from .schema import json_schema

__all__ = ["SCHEMA_FILE", "STARTER_FILES", "init_network", "schema_line"]

#: Where the schema goes, relative to the network folder.
SCHEMA_FILE = Path(".graphnet") / "schema.json"

_YAML_PRIMER = """\
# YAML in one minute:
#  name: Ada Lovelace          text needs no quotes, unless it holds ': ' or
#  note: "at 12: lunch"        ' #', or starts with one of - ? : , [ ] { } # & * ! | > ' " % @ `
#  tags: [python, hiring]      a short list
#  - name: Ada Lovelace        a list item: one record under people:, groups:, ...
#  # a comment                 everything after ' #' is ignored
# Indent with spaces, never tabs. Dates are written YYYY-MM-DD.
"""

STARTER_FILES: dict[str, str] = {
    "me.yaml": f"""\
#
# About you. This folder is your professional network, kept as plain YAML that
# you edit in any text editor. graphnet reads every *.yaml file in it and in its
# subfolders (hidden ones excepted), so split and rename files as you like: a
# section (people:, groups:, ...) may appear in many files, `me:` only once.
# Run `graphnet check` after editing: it lists every typo as file:line:column.
#
{_YAML_PRIMER}
me:
  name: Your Name
  # Organizations you want to reach (names or ids, e.g. [Acme Corp, Globex]);
  # `graphnet path` and the reach-out list aim at them.
  targets: []
  # How often to be in touch, in days, by strength (these are the defaults):
  # cadence: {{5: 21, 4: 45, 3: 90, 2: 180, 1: 365}}
  # Every tuning setting of the analyses can be set here too; `graphnet schema`
  # lists them with their defaults (e.g. recency_half_life_days: 180).
""",
    "people.yaml": """\
#
# Everyone you know, one record each. Only `name` is required; `email`,
# `phone`, `url` and `notes` stay private (never on the map nor in exports
# unless asked). Example (remove the leading '# ' to use it):
#
#   - name: Ada Lovelace           # the id is made from the name: ada-lovelace
#     id: ada-l                    # ...or given, when two people share a name
#     org: Analytical Engines Ltd  # where they work now: any name, or an id
#     role: Chief Programmer
#     department: R&D
#     past_orgs:                   # where they worked before
#       - Babbage & Co
#       - {org: Royal Society, role: Fellow, from: 2019-01-01, to: 2022-06-30}
#     circles: [work, alumni]      # circles of your life they belong to
#     tags: [math, hiring]
#     strength: 4                  # your tie: 0 not met yet, 1 met once, 2 acquaintance
#                                  # (the default), 3 friendly, 4 close, 5 inner circle
#     met: 2021-03-14
#     introduced_by: charles-babbage
#     cadence: 60                  # keep in touch every 60 days (default: by strength)
#     knows:                       # people they know, by id
#       - charles-babbage
#       - {id: mary-somerville, strength: 3, since: 2015-01-01, note: mentor}
#     email: ada@example.com
#     phone: "+44 20 7946 0000"    # quote numbers that start with + or 0
#     url: https://example.com/ada
#     notes: Prefers email.
#
# `graphnet add person "Ada Lovelace" --org "Analytical Engines Ltd"` adds one
# at the end of this list.
people:
""",
    "organizations.yaml": """\
#
# Organizations worth describing. Any name written in someone's `org` already
# counts as an organization; declare it here to give it aliases, an industry or
# competitors. Only `name` is required. Example:
#
#   - name: Analytical Engines Ltd
#     id: analytical-engines       # default: made from the name
#     aliases: [AEL, Analytical Engines]
#     industry: computing
#     competitors: [Difference Engines Inc]
#     notes: Hiring in 2026.
#
# `graphnet add org "Analytical Engines Ltd" --industry computing` adds one.
organizations:
""",
    "groups.yaml": """\
#
# Groups: alumni networks, clubs, associations, boards, teams. Members are
# person ids; put `me` in the list if you belong to the group. Example:
#
#   - name: Millbrook Runners
#     kind: club
#     members: [me, ada-lovelace, charles-babbage]
#     notes: Sunday long runs.
#
# `graphnet add group "Millbrook Runners" --kind club --member me` adds one.
groups:
""",
    "introductions.yaml": """\
#
# Who introduced whom. `by` and the two `people` are person ids or `me`;
# `status` is requested, made (the default), met or declined. Example:
#
#   - date: 2026-03-02
#     by: charles-babbage
#     people: [me, ada-lovelace]
#     status: met
#     note: Over lunch at the Royal Society.
#
# `graphnet intro --by charles-babbage me ada-lovelace` adds one.
introductions:
""",
    "interactions.yaml": """\
#
# Your contacts with people: coffees, calls, emails, meetings. `with` is a
# person id or a list of ids; graphnet uses these for recency and cadence.
# Example:
#
#   - date: 2026-03-02
#     with: ada-lovelace           # or: with: [ada-lovelace, charles-babbage]
#     kind: coffee
#     note: Talked about the new engine.
#
# `graphnet log ada-lovelace --kind coffee --note "..."` adds one dated today.
interactions:
""",
    "favors.yaml": """\
#
# Favors done, in either direction: `from` and `to` are person ids or `me`.
# Example:
#
#   - date: 2026-03-02
#     from: ada-lovelace
#     to: me
#     kind: referral
#     what: Referred me to the hiring manager.
#
# `graphnet favor --from ada-lovelace --to me --what "..."` adds one.
favors:
""",
}

_GITIGNORE = """\
# graphnet's lock and temporary files (created while it writes a file)
.*.lock
.*.tmp
"""


def schema_line(root: Path, path: Path) -> str:
    """The editor's schema line for a file at ``path`` of the network ``root``."""
    relative = os.path.relpath(root / SCHEMA_FILE, path.parent)
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}\n"


def init_network(folder: str | os.PathLike[str]) -> list[Path]:
    """Create a network folder with a commented starter file per section.

    Parameters
    ----------
    folder : path
        Created if missing; may exist only if it holds no data files yet.

    Returns
    -------
    list of Path
        The files written, schema and ``.gitignore`` included.

    Raises
    ------
    GraphnetError
        If the folder already holds a starter file or any ``*.yaml`` file, or
        cannot be written. Nothing existing is ever overwritten.
    """
    root = Path(folder)
    shown = display_path(root)
    if root.exists() and not root.is_dir():
        raise GraphnetError(f"{shown} exists and is not a folder")
    if root.is_dir():
        taken = [name for name in [*STARTER_FILES, str(SCHEMA_FILE)] if os.path.lexists(root / name)]
        if taken:
            raise GraphnetError(
                f"{shown} already holds {', '.join(taken)}; graphnet init never overwrites a file "
                "(choose a new folder, or `graphnet schema > .graphnet/schema.json` for the schema alone)"
            )
        existing = data_files(root)
        if existing:
            raise GraphnetError(
                f"{shown} already holds a network ({len(existing)} YAML file(s), e.g. {display_path(existing[0])}); "
                "graphnet init only starts new ones"
            )
    written: list[Path] = []
    schema_path = root / SCHEMA_FILE
    write_new_file(schema_path, json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    written.append(schema_path)
    for name, body in STARTER_FILES.items():
        path = root / name
        write_new_file(path, schema_line(root, path) + body)
        written.append(path)
    gitignore = root / ".gitignore"
    if not os.path.lexists(gitignore):
        write_new_file(gitignore, _GITIGNORE)
        written.append(gitignore)
    return written
