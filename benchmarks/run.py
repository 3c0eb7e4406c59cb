"""Benchmark graphnet on generated networks of 1,000 / 10,000 / 30,000 people.

Usage::

    python benchmarks/run.py                      # 1k, 10k, 30k; writes benchmarks/RESULTS.md
    python benchmarks/run.py --large              # also 100k
    python benchmarks/run.py --sizes 1000 --repeat 1 --out -   # quick look, print only

For each size it reports the median of ``--repeat`` runs of:

- the **floor**: bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same files
  (what any YAML store pays), every other figure is also given as a ratio to it;
- ``graphnet.load`` without the cache, cold (empty cache, which it then fills)
  and warm (cache hit), timed inside a fresh process;
- each command (``check``, ``path`` to a target, ``bridges``, ``weak-ties``,
  ``reach-outs``, ``map``) as **wall time of a fresh process**
  (``python -m graphnet --data DIR --today 2026-11-25 ...``, parsed-file cache
  warm), once with its answer cached (nothing changed since it was last asked)
  and once without, and as **time beyond the load**, run in-process through the
  real click command with the network already loaded;
- a ``log`` append and a ``check`` right after it (one file changed), on a copy;
- each in-place edit (``set``, ``tie``, ``move``, ``remind``, ``snooze``, ``merge``) in a fresh
  process on a copy with every cache warm; ``merge`` keeps p00001 and drops p00003, p00004, …
  (one more each run, since the one before is gone);
- peak memory (max RSS of each process, from ``os.wait4``);
- the growth exponent ``a`` between sizes (time ∝ N^a).

Commands graphnet does not have (yet) are reported as "n/a (not available)".
Networks are generated once into ``benchmarks/.networks/`` (git-ignored) and
regenerated when ``generate.py`` changes; the cache used is a private folder
there too (``$GRAPHNET_CACHE_DIR``), never the user's.
These are benchmarks, not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import importlib.metadata
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TODAY = "2026-11-25"
DEFAULT_SIZES = [1000, 10000, 30000]
LARGE_SIZE = 100000
TIMEOUT = 1800.0  # seconds for any one process

#: key -> (label, CLI arguments; {target}, {person}, {tmp} are filled in)
COMMANDS: dict[str, tuple[str, list[str]]] = {
    "check": ("`check`", ["check"]),
    "path": ("`path` to a target", ["path", "{target}"]),
    "bridges": ("`bridges`", ["bridges"]),
    "weak-ties": ("`weak-ties`", ["weak-ties"]),
    "reach-outs": ("`reach-outs`", ["reach-outs"]),
    "meet": ("`meet`", ["meet"]),
    "show": ("`show` a person", ["show", "{person}"]),
    "who": ("`who` at a target", ["who", "{target}"]),
    "map": ("`map`", ["map", "-o", "{tmp}/map.html"]),
}
#: The daily loop: one write, then the first answer after it. Each write changes one file, so
#: the answer after it has that file's parsed-file cache cold and every other file's warm.
LOOP_ANSWERS = ("path", "reach-outs", "bridges")
#: In-place edits, each timed in a fresh process on a scratch copy with every cache warm.
EDITS: dict[str, tuple[str, list[str]]] = {
    "set": ("`set` one field", ["set", "{person}", "strength", "3"]),
    "tie": ("`tie` two people", ["tie", "{person}", "{other}", "--strength", "2"]),
    "move": ("`move` a job change", ["move", "{person}", "{target}", "--role", "Analyst"]),
    "remind": ("`remind`", ["remind", "{person}", "--on", "2026-12-24", "--note", "benchmark"]),
    "snooze": ("`snooze`", ["snooze", "{person}", "--until", "2027-01-15"]),
    "merge": ("`merge` two records", ["merge", "{person}", "{drop}"]),
}
#: The daily-loop targets at 30,000 people: CPU time as a ratio to the floor of the same run.
LOOP_TARGETS: dict[str, tuple[str, float]] = {
    "check-nocache": ("`check` with no cache (every file parsed)", 0.6),
    "loop-log": ("`log` with every cache warm", 0.10),
    "loop-path": ("`path` right after a one-file change", 0.35),
    "loop-reach-outs": ("`reach-outs` right after a one-file change", 0.35),
    "loop-bridges": ("`bridges` right after a one-file change", 1.0),
    **{f"edit-{key}": (f"{label} (in-place edit, every cache warm)", 0.10) for key, (label, _) in EDITS.items()},
    "map-all": ("`map --all`: writing the file (fresh process, parsed-file cache warm)", 1.5),
}
#: The time targets for 30,000 people (seconds; None = not a time target).
BEYOND_LOAD_TARGET = {"path": 1.0, "weak-ties": 1.0, "reach-outs": 1.0, "bridges": 5.0}
#: Targets beyond the load as a ratio to the floor of the same size, at 30,000 people.
BEYOND_LOAD_FLOOR_RATIO = {"meet": 0.35}
NA = "n/a (not available)"


# --------------------------------------------------------------------------- processes


@dataclass
class Run:
    code: int
    wall: float
    cpu: float  # user + system seconds of the process
    rss_mb: float
    out: str
    err: str


def spawn(argv: list[str], env: dict[str, str], cwd: Path | None = None, timeout: float = TIMEOUT) -> Run:
    """Run a process to its end: exit code, wall time, its own peak RSS, output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=cwd)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            proc.returncode,
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024.0,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def base_env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GRAPHNET_DATA", None)
    env["GRAPHNET_CACHE_DIR"] = str(cache)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONHASHSEED"] = "0"
    return env


def worker(task: dict[str, Any], env: dict[str, str]) -> tuple[dict[str, Any], Run]:
    run = spawn([sys.executable, str(Path(__file__).resolve()), "--worker", json.dumps(task)], env)
    if run.code != 0:
        raise RuntimeError(f"worker {task['task']} failed ({run.code}):\n{run.err[-3000:]}")
    return json.loads(run.out.strip().splitlines()[-1]), run


# --------------------------------------------------------------------------- worker side


def _yaml_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(folder) / n for n in sorted(files) if not n.startswith(".") and n.endswith((".yaml", ".yml"))]
    return found


def _task_floor(task: dict[str, Any]) -> dict[str, Any]:
    import yaml

    files = _yaml_files(Path(task["root"]))
    kept = []  # a store keeps what it read (and the cyclic GC then scans it)
    started, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with open(path, "rb") as handle:
            kept.append(yaml.load(handle, Loader=yaml.CSafeLoader))
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}


def _task_load(task: dict[str, Any]) -> dict[str, Any]:
    import graphnet

    today = date.fromisoformat(TODAY)
    started, cpu = time.perf_counter(), time.process_time()
    net, problems = graphnet.load(task["root"], today=today, use_cache=task["cache"])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "problems": len(problems), "people": len(net.people)}


def _task_analysis(task: dict[str, Any]) -> dict[str, Any]:
    """Load once, then run each command in-process with that network already loaded."""
    from click.testing import CliRunner

    import graphnet
    from graphnet import cli as cli_module
    from graphnet.cli import base as cli_base

    today = date.fromisoformat(TODAY)
    started, cpu = time.perf_counter(), time.process_time()
    loaded = graphnet.load(task["root"], today=today, use_cache=True)
    load_seconds, load_cpu = time.perf_counter() - started, time.process_time() - cpu
    calls = {"n": 0}

    def preloaded(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return loaded

    # The CLI's own Context.load runs (and does what it does after loading, e.g.
    # gc.freeze()), but the loader it calls hands back the network loaded above.
    # The name Context.load calls lives in graphnet.cli.base (patching the package's attribute,
    # as before the CLI was split into modules, left the real loader in place and timed the load).
    cli_base.load = preloaded  # type: ignore[assignment]
    runner = CliRunner()
    results: dict[str, Any] = {}
    for key, argv in task["commands"].items():
        calls["n"] = 0
        gc.collect()
        started, cpu = time.perf_counter(), time.process_time()
        # --no-cache: never answer from the answer cache here; the load is patched anyway.
        result = runner.invoke(cli_module.cli, ["--data", task["root"], "--today", TODAY, "--no-cache", *argv])
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        output = (result.output or "").strip().splitlines()
        error = ""
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            error = f"{type(result.exception).__name__}: {result.exception}"
        results[key] = {
            "seconds": seconds,
            "cpu": cpu,
            "exit": result.exit_code,
            "preloaded": calls["n"] > 0,
            "last": output[-1][:200] if output else "",
            "error": error,
        }
    return {"load": load_seconds, "load_cpu": load_cpu, "commands": results}


def _task_generate(task: dict[str, Any]) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    from generate import generate

    started = time.perf_counter()
    generate(Path(task["root"]), task["people"], task["seed"])
    return {"seconds": time.perf_counter() - started}


TASKS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "floor": _task_floor,
    "load": _task_load,
    "analysis": _task_analysis,
    "generate": _task_generate,
}


def worker_main(raw: str) -> int:
    task = json.loads(raw)
    result = TASKS[task["task"]](task)
    print(json.dumps(result))
    return 0


# --------------------------------------------------------------------------- runner side


@dataclass
class Size:
    people: int
    root: Path
    generation: float = math.nan
    files: int = 0
    megabytes: float = 0.0
    figures: dict[str, float] = field(default_factory=dict)  # key -> median wall seconds
    cpu: dict[str, float] = field(default_factory=dict)  # key -> median CPU seconds
    notes: dict[str, str] = field(default_factory=dict)  # key -> why there is no figure
    rss: dict[str, float] = field(default_factory=dict)  # key -> max RSS MB


def generator_digest() -> str:
    return hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:16]


def ensure_network(people: int, seed: int, networks: Path, env: dict[str, str]) -> Size:
    root = networks / f"people-{people}-seed-{seed}"
    marker = networks / f"people-{people}-seed-{seed}.json"
    digest = generator_digest()
    info: dict[str, Any] = {}
    if marker.exists():
        try:
            info = json.loads(marker.read_text())
        except ValueError:
            info = {}
    if info.get("generator") != digest or not root.is_dir():
        log(f"generating {people:,} people (seed {seed}) into {root}")
        result, _ = worker({"task": "generate", "root": str(root), "people": people, "seed": seed}, env)
        info = {"generator": digest, "seconds": result["seconds"]}
        marker.write_text(json.dumps(info))
    size = Size(people, root, generation=info["seconds"])
    files = _yaml_files(root)
    size.files = len(files)
    size.megabytes = sum(f.stat().st_size for f in files) / 1e6
    return size


def log(message: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


Once = Callable[[], tuple[float, float, float]]  # -> (wall seconds, CPU seconds, RSS MB)


def median_of(size: Size, key: str, repeat: int, once: Once) -> None:
    """Store the median wall and CPU time and the max RSS of ``repeat`` calls of ``once``."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(repeat):
        wall, cpu, rss = once()
        walls.append(wall)
        cpus.append(cpu)
        size.rss[key] = max(size.rss.get(key, 0.0), rss)
    size.figures[key] = statistics.median(walls)
    size.cpu[key] = statistics.median(cpus)


def available_commands(env: dict[str, str]) -> dict[str, bool]:
    run = spawn([sys.executable, "-m", "graphnet", "--help"], env)
    listed: set[str] = set()
    in_commands = False
    for line in run.out.splitlines():
        if line.strip() == "Commands:":
            in_commands = True
            continue
        if in_commands and line.startswith("  ") and line.strip():
            listed.add(line.split()[0])
    return {key: (key in listed) for key in [*COMMANDS, *EDITS, "log"]}


def log_arguments(env: dict[str, str], person: str) -> list[str]:
    """Arguments for one ``log`` append, adapted to the options the command has."""
    run = spawn([sys.executable, "-m", "graphnet", "log", "--help"], env)
    argv = ["log", person]
    if "--kind" in run.out:
        argv += ["--kind", "call"]
    if "--note" in run.out:
        argv += ["--note", "benchmark call"]
    return argv


def first_target(root: Path) -> str:
    import yaml

    me = yaml.safe_load((root / "me.yaml").read_text(encoding="utf-8"))["me"]
    return str(me["targets"][0])


def measure(size: Size, repeat: int, networks: Path, have: dict[str, bool]) -> None:
    root = size.root
    cache = networks / f"cache-{size.people}"
    shutil.rmtree(cache, ignore_errors=True)
    env = base_env(cache)
    n = size.people
    with_cache = _has_cache()

    def api(key: str, task: dict[str, Any], before: Callable[[], None] | None = None) -> None:
        def once() -> tuple[float, float, float]:
            if before is not None:
                before()
            result, run = worker(task, env)
            if task["task"] == "load" and result["problems"]:
                size.notes["problems"] = f"{result['problems']} problem(s) reported by the loader"
            return result["seconds"], result["cpu"], run.rss_mb

        log(f"{n:,}: {key}")
        median_of(size, key, repeat, once)

    api("floor", {"task": "floor", "root": str(root)})
    api("load-nocache", {"task": "load", "root": str(root), "cache": False})
    if with_cache:
        api("load-cold", {"task": "load", "root": str(root), "cache": True}, lambda: shutil.rmtree(cache, True))
        api("load-warm", {"task": "load", "root": str(root), "cache": True})
    else:
        size.notes["load-cold"] = size.notes["load-warm"] = "n/a (graphnet has no cache yet)"

    target = first_target(root)
    tmp = Path(tempfile.mkdtemp(prefix="graphnet-bench-"))
    words = {"target": target, "tmp": tmp, "person": person_id(1, n), "other": person_id(2, n)}
    argv_of = {key: [a.format(**words) for a in args] for key, (_, args) in COMMANDS.items() if have[key]}
    for key in COMMANDS:
        if not have[key]:
            size.notes[f"wall-{key}"] = size.notes[f"beyond-{key}"] = NA
    # Wall time of fresh processes. Parsed-file cache warm; answers (if graphnet caches
    # them) removed before each "fresh" run, kept for the "answered" runs.
    if argv_of:
        spawn([sys.executable, "-m", "graphnet", "--data", str(root), "--today", TODAY, "check"], env)
    answers = cache / _answers_folder()
    for key, argv in argv_of.items():

        def once(argv: list[str] = argv, key: str = key, forget: bool = True) -> tuple[float, float, float]:
            if forget:
                shutil.rmtree(answers, ignore_errors=True)
            run = spawn([sys.executable, "-m", "graphnet", "--data", str(root), "--today", TODAY, *argv], env, cwd=tmp)
            if run.code not in (0, 1):
                size.notes[f"wall-{key}"] = f"failed (exit {run.code}): {_last_line(run.err)}"
            return run.wall, run.cpu, run.rss_mb

        log(f"{n:,}: wall {key}")
        median_of(size, f"wall-{key}", repeat, once)
        if _answers_folder() and key != "map":
            once(forget=False)  # store the answer
            median_of(size, f"answered-{key}", repeat, functools.partial(once, forget=False))
        else:
            size.notes[f"answered-{key}"] = "n/a (no answer cache)" if key != "map" else "n/a (writes a file)"
    # Time beyond the load, in-process.
    if argv_of:
        log(f"{n:,}: beyond the load ({', '.join(argv_of)})")
        beyond: dict[str, list[tuple[float, float]]] = {key: [] for key in argv_of}
        for _ in range(repeat):
            result, run = worker({"task": "analysis", "root": str(root), "commands": argv_of}, env)
            size.rss["analysis"] = max(size.rss.get("analysis", 0.0), run.rss_mb)
            for key, got in result["commands"].items():
                if got["preloaded"]:
                    beyond[key].append((got["seconds"], got["cpu"]))
                else:  # the command loaded by itself: take the load off
                    beyond[key].append((got["seconds"] - result["load"], got["cpu"] - result["load_cpu"]))
                if got["exit"] not in (0, 1) or got["error"]:
                    size.notes[f"beyond-{key}"] = f"failed (exit {got['exit']}): {got['error'] or got['last']}"
        for key, values in beyond.items():
            size.figures[f"beyond-{key}"] = statistics.median(v[0] for v in values)
            size.cpu[f"beyond-{key}"] = statistics.median(v[1] for v in values)
    # A log append on a copy, and a check right after it (one file changed).
    measure_loop(size, repeat, networks, have, env, words)
    if have["log"]:
        scratch = networks / f"scratch-{n}"
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(root, scratch)
        argv = log_arguments(env, person=person_id(1, n))
        log(f"{n:,}: log append ({' '.join(argv)})")

        def once_log() -> tuple[float, float, float]:
            run = spawn([sys.executable, "-m", "graphnet", "--data", str(scratch), "--today", TODAY, *argv], env)
            if run.code != 0:
                size.notes["wall-log"] = f"failed (exit {run.code}): {_last_line(run.err)}"
            return run.wall, run.cpu, run.rss_mb

        def once_check() -> tuple[float, float, float]:
            once_log()
            run = spawn([sys.executable, "-m", "graphnet", "--data", str(scratch), "--today", TODAY, "check"], env)
            return run.wall, run.cpu, run.rss_mb

        median_of(size, "wall-log", repeat, once_log)
        median_of(size, "wall-check-changed", repeat, once_check)
        shutil.rmtree(scratch, ignore_errors=True)
    else:
        size.notes["wall-log"] = size.notes["wall-check-changed"] = NA
    shutil.rmtree(tmp, ignore_errors=True)


def person_id(number: int, people: int) -> str:
    """The id benchmarks/generate.py gives its person ``number`` (p00001, …)."""
    return "p" + str(number).zfill(max(5, len(str(people))))


def measure_loop(
    size: Size, repeat: int, networks: Path, have: dict[str, bool], env: dict[str, str], words: dict[str, Any]
) -> None:
    """The daily loop on a scratch copy: ``check --no-cache``; ``log``, then each answer; each edit.

    Every ``log`` is timed after an answer has re-warmed the caches, so it runs with every
    cache warm; every answer is the first after a one-file change (its answer not cached).
    """
    n = size.people
    root = size.root
    scratch = networks / f"loop-{n}"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(root, scratch)

    def graphnet(*argv: str) -> Run:
        run = spawn([sys.executable, "-m", "graphnet", "--data", str(scratch), "--today", TODAY, *argv], env)
        return run

    def timed(key: str, *argv: str) -> tuple[float, float, float]:
        run = graphnet(*argv)
        if run.code not in (0, 1):
            size.notes[key] = f"failed (exit {run.code}): {_last_line(run.err)}"
        return run.wall, run.cpu, run.rss_mb

    log(f"{n:,}: check --no-cache")
    median_of(size, "check-nocache", repeat, lambda: timed("check-nocache", "--no-cache", "check"))
    graphnet("check")  # warm every cache for the loop
    if have["log"]:
        log_argv = log_arguments(env, person=words["person"])
        logs: list[tuple[float, float, float]] = []
        for key in LOOP_ANSWERS:
            if not have[key]:
                size.notes[f"loop-{key}"] = NA
                continue
            argv = [a.format(**words) for a in COMMANDS[key][1]]

            def once(key: str = key, argv: list[str] = argv) -> tuple[float, float, float]:
                logs.append(timed("loop-log", *log_argv))
                return timed(f"loop-{key}", *argv)

            log(f"{n:,}: loop: log, then {key}")
            median_of(size, f"loop-{key}", repeat, once)
        if logs:
            size.figures["loop-log"] = statistics.median(w for w, _, _ in logs)
            size.cpu["loop-log"] = statistics.median(c for _, c, _ in logs)
            size.rss["loop-log"] = max(r for _, _, r in logs)
    else:
        for key in ("loop-log", *(f"loop-{k}" for k in LOOP_ANSWERS)):
            size.notes[key] = NA
    for key, (_, args) in EDITS.items():
        if not have[key]:
            size.notes[f"edit-{key}"] = NA
            continue
        # merge drops a person: each run drops the next one (p00003, p00004, ...; the one before is gone).
        drops = (person_id(3 + i, n) for i in itertools.count())

        def once_edit(
            key: str = key, args: list[str] = args, drops: Iterator[str] = drops
        ) -> tuple[float, float, float]:
            graphnet("check")  # every cache warm, as after any answer
            drop = next(drops)
            return timed(f"edit-{key}", *(a.format(**words, drop=drop) for a in args))

        log(f"{n:,}: edit {key}")
        median_of(size, f"edit-{key}", repeat, once_edit)
    if have["map"]:
        log(f"{n:,}: map --all")
        out = Path(tempfile.mkdtemp(prefix="graphnet-bench-")) / "all.html"  # never inside the data folder
        median_of(size, "map-all", repeat, lambda: timed("map-all", "map", "--all", "-o", str(out)))
    shutil.rmtree(scratch, ignore_errors=True)


def _answers_folder() -> str:
    """The answer cache's folder name inside the cache folder, "" when graphnet has none."""
    try:
        from graphnet.files import cache
    except ImportError:
        return ""
    return str(getattr(cache, "ANSWERS", ""))


def _has_cache() -> bool:
    try:
        import graphnet.files.cache  # noqa: F401
    except ImportError:
        return False
    return True


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:160] if lines else ""


# --------------------------------------------------------------------------- report

ROWS: list[tuple[str, str]] = [
    ("floor", "floor: bare `yaml.load(CSafeLoader)` of the files, kept"),
    ("load-nocache", "`graphnet.load`, no cache (API)"),
    ("load-cold", "cold load: empty cache, fills it (API)"),
    ("load-warm", "warm load: cache hit (API)"),
    *[(f"answered-{k}", f"{label}, fresh process, answer cached") for k, (label, _) in COMMANDS.items()],
    *[(f"wall-{k}", f"{label}, fresh process, answer not cached") for k, (label, _) in COMMANDS.items()],
    *[(f"beyond-{k}", f"{label}, beyond the load") for k, (label, _) in COMMANDS.items()],
    ("wall-log", "`log` append, fresh process"),
    ("wall-check-changed", "`check` after one file changed (fresh process)"),
    *[(key, label) for key, (label, _) in LOOP_TARGETS.items()],
]


def _fmt_seconds(seconds: float) -> str:
    if seconds >= 100:
        return f"{seconds:.0f} s"
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 0.01:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms"


def exponent(t1: float, t2: float, n1: int, n2: int) -> float | None:
    if not (t1 > 0 and t2 > 0) or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def machine_info() -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    versions = []
    for package in ("networkx", "PyYAML", "click", "pyvis", "platformdirs"):
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    try:
        import yaml._yaml as libyaml  # type: ignore[import-not-found]

        versions.append(f"libyaml {libyaml.get_version_string()}")
    except ImportError:
        versions.append("libyaml (missing: CSafeLoader unavailable)")
    commit = subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%h %s"], capture_output=True, text=True, check=False
    ).stdout.strip()
    load = os.getloadavg() if hasattr(os, "getloadavg") else (math.nan,) * 3
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM {ram}; {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}); {', '.join(versions)}",
        f"- graphnet at `{commit or 'unknown commit'}`",
        f"- load average when the run started: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} "
        "(a shared machine: figures vary by up to 2x between runs)",
    ]


def _table(sizes: list[Size], metric: Callable[[Size], dict[str, float]]) -> list[str]:
    pairs = list(itertools.pairwise(sizes))
    head = "| measurement | " + " | ".join(f"{s.people:,}" for s in sizes) + " |"
    head += "".join(f" a {_short(a.people)}→{_short(b.people)} |" for a, b in pairs)
    lines = [head, "|---|" + "---:|" * (len(sizes) + len(pairs))]
    for key, label in ROWS:
        cells = []
        for s in sizes:
            values = metric(s)
            if key in values and not s.notes.get(key, "").startswith("failed"):
                seconds = values[key]
                floor = values.get("floor")
                ratio = f" ({seconds / floor:.2f}×)" if floor and key != "floor" else ""
                cells.append(_fmt_seconds(seconds) + ratio)
            else:
                cells.append(s.notes.get(key, "n/a"))
        for a, b in pairs:
            va, vb = metric(a), metric(b)
            exp = exponent(va[key], vb[key], a.people, b.people) if key in va and key in vb else None
            cells.append(f"{exp:.2f}" if exp is not None else "")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def report(sizes: list[Size], repeat: int, seed: int, command: str, machine: list[str], started: datetime) -> str:
    lines = [
        "# graphnet benchmarks",
        "",
        f"Measured {started.strftime('%Y-%m-%d %H:%M UTC')} with `{command}` "
        f"(median of {repeat} run{'s' if repeat != 1 else ''}; networks from "
        f"`benchmarks/generate.py --seed {seed}`, `--today {TODAY}`).",
        "",
        "## Machine",
        "",
        *machine,
        "",
        "## Networks",
        "",
        "| people | files | size | generation |",
        "|---:|---:|---:|---:|",
    ]
    for s in sizes:
        lines.append(f"| {s.people:,} | {s.files} | {s.megabytes:.1f} MB | {_fmt_seconds(s.generation)} |")
    lines += [
        "",
        "## What is measured",
        "",
        "Each cell: median time (ratio to the floor of the same size). `a` is the growth",
        "exponent between two sizes (time ∝ N^a; 1 = linear). The floor parses every file",
        "with PyYAML's C loader and keeps the results, as any YAML store must. Wall times are",
        "of a fresh `python -m graphnet --data DIR --today 2026-11-25 ...` process, Python's",
        "start-up and imports included, with the parsed-file cache warm: *answer cached* is a",
        "repeated command with no file changed, *answer not cached* the first time a command",
        'is asked after a change. "Beyond the load" is the command run in-process through the',
        "real click command on a network already loaded (graph, analysis and output).",
        "",
        "The targets are about wall time, but on a shared machine wall time swings with what",
        "else runs; CPU time (user + system of the process, or `time.process_time()` in it)",
        "swings much less, so read ratios and growth exponents from the CPU table.",
        "",
        "## Wall time",
        "",
        *_table(sizes, lambda s: s.figures),
        "| peak memory (max RSS of any process) | "
        + " | ".join(f"{max(s.rss.values(), default=math.nan):.0f} MB" for s in sizes)
        + " |"
        + "".join(" |" for _ in itertools.pairwise(sizes)),
        "",
        "## CPU time",
        "",
        *_table(sizes, lambda s: s.cpu),
    ]
    problems = [f"{s.people:,}: {s.notes['problems']}" for s in sizes if "problems" in s.notes]
    failures = [
        f"- {s.people:,} `{key}`: {note}" for s in sizes for key, note in s.notes.items() if note.startswith("failed")
    ]
    if problems or failures:
        lines += ["", "## Problems during the run", ""]
        lines += [f"- {p}" for p in problems] + failures
    lines += ["", *targets_section(sizes)]
    return "\n".join(lines) + "\n"


def _short(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def targets_section(sizes: list[Size]) -> list[str]:
    at = next((s for s in sizes if s.people == 30000), None)
    if at is None:
        return ["## Targets (30,000 people)", "", "Not evaluated: this run did not include 30,000 people."]
    out = [
        "## Targets (30,000 people)",
        "",
        "Verdicts use CPU time where the machine was shared (wall time shown too); memory is peak RSS.",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]

    def verdict(measured: float | None, limit: float, unit: str = "s") -> str:
        if measured is None:
            return "n/a"
        if measured <= limit:
            return "met"
        return f"missed by {measured / limit:.1f}× ({measured - limit:.2f} {unit} over)"

    def both(key: str) -> str:
        if key not in at.figures:
            return at.notes.get(key, "n/a")
        return f"{_fmt_seconds(at.figures[key])} wall, {_fmt_seconds(at.cpu[key])} CPU"

    cold_key = "load-cold" if "load-cold" in at.cpu else "load-nocache"
    if at.cpu.get("floor") and cold_key in at.cpu:
        ratio = at.cpu[cold_key] / at.cpu["floor"]
        wall_ratio = at.figures[cold_key] / at.figures["floor"]
        out.append(
            f"| cold load ≤ 1.5× floor | {both(cold_key)}: {ratio:.2f}× floor by CPU, {wall_ratio:.2f}× by wall "
            f"| {verdict(ratio, 1.5, '×')} |"
        )
    prefix = "answered" if any(k.startswith("answered-") for k in at.figures) else "wall"
    walls = {k: at.figures[f"{prefix}-{k}"] for k in COMMANDS if f"{prefix}-{k}" in at.figures and k != "map"}
    if walls:
        worst = max(walls, key=lambda k: walls[k])
        out.append(
            f"| warm read-only command ≤ 0.5 s wall (fresh process, no file changed) "
            f"| slowest `{worst}`: {both(f'{prefix}-{worst}')} | {verdict(walls[worst], 0.5)} |"
        )
    else:
        out.append("| warm read-only command ≤ 0.5 s wall | no command available | n/a |")
    if "wall-check-changed" in at.figures:
        out.append(
            f"| after one file changed (a `log` append), `check` | {both('wall-check-changed')}; "
            f"warm load alone {both('load-warm')} | see the tables |"
        )
    for key, limit in BEYOND_LOAD_TARGET.items():
        out.append(
            f"| `{key}` ≤ {limit:g} s beyond the load | {both(f'beyond-{key}')} "
            f"| {verdict(at.cpu.get(f'beyond-{key}'), limit)} |"
        )
    for key, limit in BEYOND_LOAD_FLOOR_RATIO.items():
        beyond, floor = at.cpu.get(f"beyond-{key}"), at.cpu.get("floor")
        ratio = beyond / floor if beyond is not None and floor else None
        shown = f"{both(f'beyond-{key}')}: {ratio:.2f}× floor by CPU" if ratio is not None else both(f"beyond-{key}")
        out.append(f"| `{key}` ≤ {limit:g}× floor beyond the load | {shown} | {verdict(ratio, limit, '×')} |")
    for key, (label, limit) in LOOP_TARGETS.items():
        if at.notes.get(key, "").startswith("failed"):
            out.append(f"| {label} ≤ {limit:g}× floor | {at.notes[key]} | n/a |")
            continue
        measured, floor = at.cpu.get(key), at.cpu.get("floor")
        ratio = measured / floor if measured is not None and floor else None
        shown = f"{both(key)}: {ratio:.2f}× floor by CPU" if ratio is not None else both(key)
        out.append(f"| {label} ≤ {limit:g}× floor | {shown} | {verdict(ratio, limit, '×')} |")
    peak = max(at.rss.values(), default=None)
    if peak is not None:
        out.append(f"| memory ≤ 1 GB peak | {peak:.0f} MB | {verdict(peak, 1024, 'MB')} |")
    growth = []
    for key, label in ROWS:
        if key == "floor" or "bridges" in key or key.startswith("answered-"):
            continue
        below = [s for s in sizes if s.people <= 30000 and key in s.cpu]
        if len(below) >= 2 and below[-1].cpu[key] >= 0.05:  # smaller times are noise
            a, b = below[-2], below[-1]
            exp = exponent(a.cpu[key], b.cpu[key], a.people, b.people)
            if exp is not None and exp > 1.2:
                growth.append(f"{label} (a = {exp:.2f})")
    out.append(
        "| growth a ≤ 1.2 by CPU time (all but `bridges`) | "
        + ("; ".join(growth) if growth else "every measured figure")
        + f" | {'missed' if growth else 'met'} |"
    )
    return out


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return worker_main(argv[1])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--large", action="store_true", help="also measure 100,000 people")
    parser.add_argument("--sizes", type=int, nargs="+", help="sizes to measure instead of 1000 10000 30000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is reported (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--networks", type=Path, default=HERE / ".networks", help="where generated networks are kept")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"), help="markdown file to write, '-' for stdout only")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes or DEFAULT_SIZES + ([LARGE_SIZE] if args.large else [])))
    args.networks.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    machine = machine_info()
    env = base_env(args.networks / "cache-probe")
    have = available_commands(env)
    log("commands: " + ", ".join(f"{k} {'yes' if v else 'no'}" for k, v in have.items()))
    measured: list[Size] = []
    for people in sizes:
        size = ensure_network(people, args.seed, args.networks, env)
        measure(size, args.repeat, args.networks, have)
        measured.append(size)
        (args.networks / "last-results.json").write_text(
            json.dumps([{**s.__dict__, "root": str(s.root)} for s in measured], indent=1)
        )
    shown = "python benchmarks/run.py " + " ".join(argv)
    text = report(measured, args.repeat, args.seed, shown.strip(), machine, started)
    if args.out == "-":
        print(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(text)
        log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
