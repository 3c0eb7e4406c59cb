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
from collections.abc import Callable
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
    "map": ("`map`", ["map", "-o", "{tmp}/map.html"]),
}
#: The targets of issue 6 for 30,000 people (seconds; None = not a time target).
BEYOND_LOAD_TARGET = {"path": 1.0, "weak-ties": 1.0, "reach-outs": 1.0, "bridges": 5.0}
NA = "n/a (not available)"


# --------------------------------------------------------------------------- processes


@dataclass
class Run:
    code: int
    wall: float
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
    started = time.perf_counter()
    for path in files:
        with open(path, "rb") as handle:
            kept.append(yaml.load(handle, Loader=yaml.CSafeLoader))
    return {"seconds": time.perf_counter() - started}


def _task_load(task: dict[str, Any]) -> dict[str, Any]:
    import graphnet

    today = date.fromisoformat(TODAY)
    started = time.perf_counter()
    net, problems = graphnet.load(task["root"], today=today, use_cache=task["cache"])
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "problems": len(problems), "people": len(net.people)}


def _task_analysis(task: dict[str, Any]) -> dict[str, Any]:
    """Load once, then run each command in-process with that network already loaded."""
    from click.testing import CliRunner

    import graphnet
    from graphnet import cli as cli_module

    today = date.fromisoformat(TODAY)
    started = time.perf_counter()
    loaded = graphnet.load(task["root"], today=today, use_cache=True)
    load_seconds = time.perf_counter() - started
    calls = {"n": 0}

    def preloaded(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return loaded

    # The CLI's own Context.load runs (and does what it does after loading, e.g.
    # gc.freeze()), but the loader it calls hands back the network loaded above.
    cli_module.load = preloaded  # type: ignore[attr-defined]
    runner = CliRunner()
    results: dict[str, Any] = {}
    for key, argv in task["commands"].items():
        calls["n"] = 0
        gc.collect()
        started = time.perf_counter()
        # --no-cache: never answer from the answer cache here; the load is patched anyway.
        result = runner.invoke(cli_module.cli, ["--data", task["root"], "--today", TODAY, "--no-cache", *argv])
        seconds = time.perf_counter() - started
        output = (result.output or "").strip().splitlines()
        error = ""
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            error = f"{type(result.exception).__name__}: {result.exception}"
        results[key] = {
            "seconds": seconds,
            "exit": result.exit_code,
            "preloaded": calls["n"] > 0,
            "last": output[-1][:200] if output else "",
            "error": error,
        }
    return {"load": load_seconds, "commands": results}


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
    figures: dict[str, float] = field(default_factory=dict)  # key -> median seconds
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


def median_of(repeat: int, once: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    """Median seconds and max RSS over ``repeat`` calls of ``once`` -> (seconds, rss)."""
    times: list[float] = []
    peak = 0.0
    for _ in range(repeat):
        seconds, rss = once()
        times.append(seconds)
        peak = max(peak, rss)
    return statistics.median(times), peak


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
    return {key: (key in listed) for key in [*COMMANDS, "log"]}


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
        def once() -> tuple[float, float]:
            if before is not None:
                before()
            result, run = worker(task, env)
            if task["task"] == "load" and result["problems"]:
                size.notes["problems"] = f"{result['problems']} problem(s) reported by the loader"
            return result["seconds"], run.rss_mb

        log(f"{n:,}: {key}")
        size.figures[key], size.rss[key] = median_of(repeat, once)

    api("floor", {"task": "floor", "root": str(root)})
    api("load-nocache", {"task": "load", "root": str(root), "cache": False})
    if with_cache:
        api("load-cold", {"task": "load", "root": str(root), "cache": True}, lambda: shutil.rmtree(cache, True))
        api("load-warm", {"task": "load", "root": str(root), "cache": True})
    else:
        size.notes["load-cold"] = size.notes["load-warm"] = "n/a (graphnet has no cache yet)"

    target = first_target(root)
    tmp = Path(tempfile.mkdtemp(prefix="graphnet-bench-"))
    argv_of = {
        key: [a.format(target=target, tmp=tmp) for a in args] for key, (_, args) in COMMANDS.items() if have[key]
    }
    for key in COMMANDS:
        if not have[key]:
            size.notes[f"wall-{key}"] = size.notes[f"beyond-{key}"] = NA
    # Wall time of fresh processes. Parsed-file cache warm; answers (if graphnet caches
    # them) removed before each "fresh" run, kept for the "answered" runs.
    if argv_of:
        spawn([sys.executable, "-m", "graphnet", "--data", str(root), "--today", TODAY, "check"], env)
    answers = cache / _answers_folder()
    for key, argv in argv_of.items():

        def once(argv: list[str] = argv, key: str = key, forget: bool = True) -> tuple[float, float]:
            if forget:
                shutil.rmtree(answers, ignore_errors=True)
            run = spawn([sys.executable, "-m", "graphnet", "--data", str(root), "--today", TODAY, *argv], env, cwd=tmp)
            if run.code not in (0, 1):
                size.notes[f"wall-{key}"] = f"failed (exit {run.code}): {_last_line(run.err)}"
            return run.wall, run.rss_mb

        log(f"{n:,}: wall {key}")
        size.figures[f"wall-{key}"], size.rss[f"wall-{key}"] = median_of(repeat, once)
        if _answers_folder() and key != "map":
            once(forget=False)  # store the answer
            size.figures[f"answered-{key}"], _ = median_of(repeat, functools.partial(once, forget=False))
        else:
            size.notes[f"answered-{key}"] = "n/a (no answer cache)" if key != "map" else "n/a (writes a file)"
    # Time beyond the load, in-process.
    if argv_of:
        log(f"{n:,}: beyond the load ({', '.join(argv_of)})")
        beyond: dict[str, list[float]] = {key: [] for key in argv_of}
        for _ in range(repeat):
            result, run = worker({"task": "analysis", "root": str(root), "commands": argv_of}, env)
            size.rss["analysis"] = max(size.rss.get("analysis", 0.0), run.rss_mb)
            for key, got in result["commands"].items():
                seconds = got["seconds"] if got["preloaded"] else got["seconds"] - result["load"]
                beyond[key].append(seconds)
                if got["exit"] not in (0, 1) or got["error"]:
                    size.notes[f"beyond-{key}"] = f"failed (exit {got['exit']}): {got['error'] or got['last']}"
        for key, values in beyond.items():
            size.figures[f"beyond-{key}"] = statistics.median(values)
    # A log append on a copy, and a check right after it (one file changed).
    if have["log"]:
        scratch = networks / f"scratch-{n}"
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(root, scratch)
        argv = log_arguments(env, person="p" + "1".zfill(max(5, len(str(n)))))
        log(f"{n:,}: log append ({' '.join(argv)})")

        def once_log() -> tuple[float, float]:
            run = spawn([sys.executable, "-m", "graphnet", "--data", str(scratch), "--today", TODAY, *argv], env)
            if run.code != 0:
                size.notes["wall-log"] = f"failed (exit {run.code}): {_last_line(run.err)}"
            return run.wall, run.rss_mb

        def once_check() -> tuple[float, float]:
            once_log()
            run = spawn([sys.executable, "-m", "graphnet", "--data", str(scratch), "--today", TODAY, "check"], env)
            return run.wall, run.rss_mb

        size.figures["wall-log"], size.rss["wall-log"] = median_of(repeat, once_log)
        size.figures["wall-check-changed"], size.rss["wall-check-changed"] = median_of(repeat, once_check)
        shutil.rmtree(scratch, ignore_errors=True)
    else:
        size.notes["wall-log"] = size.notes["wall-check-changed"] = NA
    shutil.rmtree(tmp, ignore_errors=True)


def _answers_folder() -> str:
    """The answer cache's folder name inside the cache folder, "" when graphnet has none."""
    try:
        from graphnet import cache
    except ImportError:
        return ""
    return str(getattr(cache, "ANSWERS", ""))


def _has_cache() -> bool:
    try:
        import graphnet.cache  # noqa: F401
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
    *[(f"answered-{k}", f"{label}, fresh process, answer cached, wall") for k, (label, _) in COMMANDS.items()],
    *[(f"wall-{k}", f"{label}, fresh process, answer not cached, wall") for k, (label, _) in COMMANDS.items()],
    *[(f"beyond-{k}", f"{label}, beyond the load") for k, (label, _) in COMMANDS.items()],
    ("wall-log", "`log` append, fresh process, wall"),
    ("wall-check-changed", "`check` after one file changed, wall"),
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
    for module in ("networkx", "yaml", "click", "pyvis", "platformdirs"):
        try:
            imported = __import__(module)
            versions.append(f"{'PyYAML' if module == 'yaml' else module} {getattr(imported, '__version__', '?')}")
        except ImportError:
            versions.append(f"{module} (not installed)")
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
    head = "| measurement | " + " | ".join(f"{s.people:,}" for s in sizes) + " |"
    pairs = list(itertools.pairwise(sizes))
    head += "".join(f" a {_short(a.people)}→{_short(b.people)} |" for a, b in pairs)
    lines += [
        "",
        "## Results",
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
        head,
        "|---|" + "---:|" * (len(sizes) + len(pairs)),
    ]
    for key, label in ROWS:
        cells = []
        for s in sizes:
            if key in s.figures and not s.notes.get(key, "").startswith("failed"):
                seconds = s.figures[key]
                floor = s.figures.get("floor")
                ratio = f" ({seconds / floor:.2f}×)" if floor and key != "floor" else ""
                cells.append(_fmt_seconds(seconds) + ratio)
            else:
                cells.append(s.notes.get(key, "n/a"))
        for a, b in pairs:
            ok = key in a.figures and key in b.figures
            exp = exponent(a.figures[key], b.figures[key], a.people, b.people) if ok else None
            cells.append(f"{exp:.2f}" if exp is not None else "")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    peak = [max(s.rss.values(), default=math.nan) for s in sizes]
    lines.append(
        "| peak memory (max RSS of any process) | "
        + " | ".join(f"{p:.0f} MB" for p in peak)
        + " |"
        + "".join(" |" for _ in pairs)
    )
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
    out = ["## Targets (30,000 people)", "", "| target | measured | verdict |", "|---|---|---|"]

    def verdict(measured: float | None, limit: float, unit: str = "s") -> str:
        if measured is None:
            return "n/a"
        if measured <= limit:
            return "met"
        return f"missed by {measured / limit:.1f}× ({measured - limit:.2f} {unit} over)"

    floor = at.figures.get("floor")
    cold = at.figures.get("load-cold", at.figures.get("load-nocache"))
    if floor and cold:
        out.append(
            f"| cold load ≤ 1.5× floor | {_fmt_seconds(cold)} = {cold / floor:.2f}× floor | {verdict(cold / floor, 1.5, '×')} |"
        )
    prefix = "answered" if any(k.startswith("answered-") for k in at.figures) else "wall"
    walls = {k: at.figures[f"{prefix}-{k}"] for k in COMMANDS if f"{prefix}-{k}" in at.figures and k != "map"}
    if walls:
        worst = max(walls, key=lambda k: walls[k])
        out.append(
            f"| warm read-only command ≤ 0.5 s wall | slowest `{worst}` {_fmt_seconds(walls[worst])} | {verdict(walls[worst], 0.5)} |"
        )
    else:
        out.append("| warm read-only command ≤ 0.5 s wall | no command available | n/a |")
    for key, limit in BEYOND_LOAD_TARGET.items():
        got = at.figures.get(f"beyond-{key}")
        shown = _fmt_seconds(got) if got is not None else at.notes.get(f"beyond-{key}", "n/a")
        out.append(f"| `{key}` ≤ {limit:g} s beyond the load | {shown} | {verdict(got, limit)} |")
    peak = max(at.rss.values(), default=None)
    if peak is not None:
        out.append(f"| memory ≤ 1 GB peak | {peak:.0f} MB | {verdict(peak, 1024, 'MB')} |")
    growth = []
    for key, label in ROWS:
        if key == "floor" or "bridges" in key:
            continue
        below = [s for s in sizes if s.people <= 30000 and key in s.figures]
        if len(below) >= 2:
            exp = exponent(below[-2].figures[key], below[-1].figures[key], below[-2].people, below[-1].people)
            if exp is not None and exp > 1.2:
                growth.append(f"{label} (a = {exp:.2f})")
    out.append(
        "| growth a ≤ 1.2 (all but `bridges`) | "
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
