"""Time the edits in place (set, tie, move, merge) on a generated network, beyond the load.

    python benchmarks/generate.py --people 30000 --seed 1 /tmp/net30k
    python benchmarks/edits.py /tmp/net30k

Copies the network to a temporary folder, loads it once (parse cache warm), then times each
edit (a real write; CPU and wall) and, for comparison, the floor: a bare
``yaml.load(CSafeLoader)`` of every file, as benchmarks/RESULTS.md defines it.
"""

from __future__ import annotations

import gc
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

import graphnet
from graphnet.files import change
from graphnet.files.loader import data_files

TODAY = date(2026, 11, 25)


def timed(label: str, call: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()  # type: ignore[operator]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<42} {wall:7.3f} s wall {cpu:7.3f} s CPU")
    return wall, cpu


def floor(folder: Path) -> float:
    start = time.process_time()
    kept = [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in data_files(folder)]
    assert kept
    return time.process_time() - start


def main(source: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "net"
        shutil.copytree(source, folder)
        graphnet.load(folder, today=TODAY)  # fill the parse cache
        load = lambda: graphnet.load(folder, today=TODAY)[0]  # noqa: E731
        people = list(load().people)
        a, b, c = people[100], people[15000], people[29000]
        other = people[200]
        print(f"{len(people):,} people")
        timed("warm load (for reference)", load)
        edits = {
            "set (replace a value)": lambda n: change.set_field(n, a, "strength", "5", today=TODAY),
            "set (add a key)": lambda n: change.set_field(n, b, "location", "Berlin", today=TODAY),
            "tie": lambda n: change.tie(n, a, c, strength=3, today=TODAY),
            "move": lambda n: change.move_person(n, b, "Globex", role="CTO", today=TODAY),
            "merge (7 files here)": lambda n: change.merge_people(n, a, other, today=TODAY),
        }
        for label, edit in edits.items():
            loaded = load()  # the network as the command line has it, loaded before the edit
            gc.freeze()  # as the command line does after loading
            timed(label, lambda edit=edit, loaded=loaded: edit(loaded))
        cpu_floor = floor(folder)
        print(f"{'floor: bare yaml.load(CSafeLoader), kept':<42} {cpu_floor:7.3f} s CPU")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
