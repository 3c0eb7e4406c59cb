"""After any sequence of edits, answers given with every cache warm equal answers given cold.

A generated network (benchmarks/generate.py) goes through random edits made the way a person
makes them: the real CLI's writes (log, favor, intro, set, tie, move, remind, snooze, merge, add)
and hand edits of a file's bytes (a changed value, a deleted record, an error, a record moved
to or copied into another file, a file removed). After each edit every answer is asked twice,
once through the caches (parsed files, built records, roster, answers) and once with
``--no-cache``; the outputs and exit codes must be identical.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import benchmark_script

from graphnet.cli import cli
from graphnet.files import built, cache

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-25"
PEOPLE = 300


gen = benchmark_script("generate")


def graphnet(folder: Path, *args: str, warm: bool = True) -> Result:
    flags = [] if warm else ["--no-cache"]
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", TODAY, *flags, *args])


class Network:
    """The folder under test, with what the random edits pick from."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder = folder
        self.rng = rng
        self.made = 0  # people added, files made

    def person(self) -> str:
        return f"p{self.rng.randint(1, PEOPLE):05d}"

    def people_files(self) -> list[Path]:
        return sorted((self.folder / "people").glob("*.yaml"))

    def records(self, path: Path) -> tuple[list[str], list[int]]:
        """The file's lines and where each top-level record (``- id:``) starts."""
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        return lines, [i for i, line in enumerate(lines) if line.startswith("- ")]

    def cut_record(self, path: Path) -> list[str]:
        """Remove one record from ``path`` and return its lines (none when the file has none)."""
        lines, starts = self.records(path)
        if not starts:
            return []
        k = self.rng.randrange(len(starts))
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        record = lines[starts[k] : end]
        path.write_text("".join(lines[: starts[k]] + lines[end:]), encoding="utf-8")
        return record

    def new_file(self, record: list[str]) -> None:
        self.made += 1
        (self.folder / "people" / f"extra-{self.made}.yaml").write_text("people:\n" + "".join(record), encoding="utf-8")


# -- the edits ---------------------------------------------------------------------------------


def log(net: Network) -> list[str]:
    return ["log", net.person(), "--kind", net.rng.choice(["coffee", "call", "email"]), "--note", "caught up"]


def favor(net: Network) -> list[str]:
    return ["favor", "--from", "me", "--to", net.person(), "--what", "an introduction", "--kind", "referral"]


def intro(net: Network) -> list[str]:
    return ["intro", net.person(), "me", "--by", net.person(), "--status", net.rng.choice(["made", "requested"])]


def set_field(net: Network) -> list[str]:
    key, value = net.rng.choice([("strength", "5"), ("strength", "0"), ("role", "CTO"), ("cadence", "30")])
    return ["set", net.person(), key, value]


def tie(net: Network) -> list[str]:
    return ["tie", net.person(), net.person(), "--strength", str(net.rng.randint(0, 5))]


def move(net: Network) -> list[str]:
    return ["move", net.person(), net.rng.choice(["Roel Renewables plc", "Brand New Org", "Finteclum Shipping"])]


def remind(net: Network) -> list[str]:
    return ["remind", net.person(), "--on", net.rng.choice(["2026-11-20", "2027-01-15"])]


def snooze(net: Network) -> list[str]:
    return ["snooze", net.person(), "--until", "2027-02-01"]


def merge(net: Network) -> list[str]:
    return ["merge", net.person(), net.person()]


def add(net: Network) -> list[str]:
    net.made += 1
    return ["add", "person", f"Newcomer Number{net.made}", "--org", "Roel Renewables plc", "--knows", net.person()]


def hand_value(net: Network) -> None:
    """Change one value in place, as a person would in an editor."""
    path = net.rng.choice(net.people_files())
    text = path.read_text(encoding="utf-8")
    spots = [m.start(1) for m in re.finditer(r"^  strength: (\d)$", text, re.M)]
    if spots:
        at = net.rng.choice(spots)
        text = text[:at] + str(net.rng.randint(0, 5)) + text[at + 1 :]
        path.write_text(text, encoding="utf-8")


def hand_delete(net: Network) -> None:
    """Delete a record (a person, or an interaction): references to a removed person become errors."""
    folder = net.folder
    net.cut_record(net.rng.choice([*net.people_files(), folder / "log" / "interactions-2026.yaml"]))


def hand_error(net: Network) -> None:
    """Introduce an error: a bad date, an unknown key, a reference to nobody, or broken YAML."""
    path = net.rng.choice(net.people_files())
    text = path.read_text(encoding="utf-8")
    error = net.rng.choice(
        [
            ("  met: 20", "  met: 2019-02-30\n  old_met: 20"),
            ("  role: ", "  rôle: "),
            ("  knows:\n", "  knows:\n  - nobody-at-all\n"),
            ("  met: 20", "  met: 2099-01-01\n  connected: 20"),
            ("people:\n", "people:\n- name: [unclosed\n"),
        ]
    )
    path.write_text(text.replace(error[0], error[1], 1), encoding="utf-8")


def hand_split(net: Network) -> None:
    """Move a record to a new file (same records, other places)."""
    record = net.cut_record(net.rng.choice(net.people_files()))
    if record:
        net.new_file(record)


def hand_duplicate(net: Network) -> None:
    """Copy a record into a new file: its id is then declared twice, in two files."""
    lines, starts = net.records(net.rng.choice(net.people_files()))
    if starts:
        k = net.rng.randrange(len(starts))
        net.new_file(lines[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(lines)])


def hand_remove_file(net: Network) -> None:
    """Remove a file made by hand earlier (undoing a copy, or losing a moved record)."""
    extra = sorted((net.folder / "people").glob("extra-*.yaml"))
    if extra:
        net.rng.choice(extra).unlink()


EDITS: list[Callable[[Network], list[str] | None]] = [
    log,
    favor,
    intro,
    set_field,
    tie,
    move,
    remind,
    snooze,
    add,
    hand_value,
    hand_delete,
    hand_error,
    hand_split,
    hand_duplicate,
    hand_remove_file,
]


def answers(net: Network) -> list[list[str]]:
    return [
        ["check"],
        ["path", "Roel Renewables plc"],
        ["reach-outs"],
        ["bridges"],
        ["weak-ties"],
        ["stats"],
        ["show", net.person()],
        ["export", "--format", "json"],
    ]


def assert_warm_equals_cold(net: Network, edit: str) -> None:
    for argv in answers(net):
        warm = graphnet(net.folder, *argv)
        cold = graphnet(net.folder, *argv, warm=False)
        assert warm.exception is None or isinstance(warm.exception, SystemExit), warm.exception
        assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr), (
            f"after {edit}: `{' '.join(argv)}` differs with the caches warm"
        )


def _built_entries() -> list[Path]:
    return list(cache.cache_dir().glob(f"{built.VERSION}-*/*/*.json"))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_answers_after_random_edits_equal_cold_answers(tmp_path: Path, seed: int) -> None:
    folder = tmp_path / "net"
    gen.generate(folder, PEOPLE, seed)
    net = Network(folder, random.Random(seed))
    assert graphnet(folder, "check").exit_code == 0
    assert _built_entries()  # the warm runs below do use the built records
    for step in range(6):
        edit = net.rng.choice(EDITS)
        argv = edit(net)
        if argv is not None:
            graphnet(folder, *argv)  # a write the network refuses (it has errors) is an edit too
        assert_warm_equals_cold(net, f"step {step}: {edit.__name__} {argv or ''}")


def test_answers_after_merges_and_the_writes_after_them_equal_cold_answers(tmp_path: Path) -> None:
    # A merge changes several files at once and re-stamps the roster when DROP names no
    # organization; the writes after it check their names against that roster.
    folder = tmp_path / "net"
    gen.generate(folder, PEOPLE, 4)
    net = Network(folder, random.Random(4))
    assert graphnet(folder, "check").exit_code == 0
    for argv in (
        ["merge", "p00001", "p00003"],
        ["log", "p00001", "--kind", "coffee"],
        ["merge", "p00002", "p00004"],
        ["tie", "p00002", "p00005", "--strength", "3"],
        ["log", "p00003", "--kind", "call"],  # p00003 is gone: refused, nothing written
    ):
        done = graphnet(folder, *argv)
        assert done.exit_code == (2 if argv[1] == "p00003" else 0), done.output
        assert_warm_equals_cold(net, " ".join(argv))
