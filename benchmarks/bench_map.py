"""Time to interactive of ``graphnet map`` in headless Chromium, for three sizes.

Usage::

    python benchmarks/bench_map.py                 # data/, a ~5,000-node map, a 30,000-person network
    python benchmarks/bench_map.py --runs 5 --keep /tmp/maps
    python benchmarks/bench_map.py --cases data    # just the sample map

For each case the map is written once by the real command in a fresh process
(``python -m graphnet --data DIR --today 2026-11-25 map ...``, wall time, load
included, parse cache warm), then opened ``--runs`` times (default 3), each in
a new browser context with every http(s) request blocked, and the median is
reported of:

- **interactive**: milliseconds from navigation start until the page sets
  ``window.graphnetReady`` (stabilized, or no physics, and drawn once after
  that), as measured by the page itself (``performance.now()``);
- **wall**: the same seen from Playwright (``goto`` until the flag is seen,
  polled every 10 ms).

Writing the map is compared with the **floor** of the same network, measured in the
same run exactly as ``benchmarks/run.py`` measures it: PyYAML's C loader
(``yaml.load(..., Loader=yaml.CSafeLoader)``) over its YAML files in a fresh process,
keeping what it read, by CPU time and by wall time; the write's CPU time is that of
the ``graphnet map`` process (``RUSAGE_CHILDREN``). On a shared machine CPU time is the
steadier of the two.

Cases (generated with ``benchmarks/generate.py --seed 1`` into
``benchmarks/.networks/``, git-ignored):

- ``data``: the sample network in ``data/`` (default options);
- ``5k``: 4,600 generated people drawn whole (``--all``): about 5,000 nodes;
- ``30k``: 30,000 generated people with the default options: reduced to the
  1,500 closest people, with a note saying how to see more;
- ``30k-all`` (only with ``--cases 30k-all``): everything, for the record.

Uses Debian's ``/usr/bin/chromium`` (or ``--chromium``); never downloads a
browser. A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NETWORKS = HERE / ".networks"
TODAY = "2026-11-25"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
]


@dataclass
class Case:
    name: str
    people: int | None  # None: the sample data/
    args: list[str]
    what: str


CASES = {
    "data": Case("data", None, [], "data/ (sample), default options"),
    "5k": Case("5k", 4600, ["--all"], "4,600 generated people, --all"),
    "30k": Case("30k", 30000, [], "30,000 generated people, default (reduced)"),
    "30k-all": Case("30k-all", 30000, ["--all"], "30,000 generated people, --all"),
}


def network(people: int | None) -> Path:
    if people is None:
        return REPO / "data"
    folder = NETWORKS / f"map-people-{people}-seed-1"
    stamp = folder / ".generator"
    source = (HERE / "generate.py").read_bytes()
    if not stamp.exists() or stamp.read_bytes() != source:
        print(f"generating {people} people into {folder} ...", file=sys.stderr)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--people", str(people), "--seed", "1", str(folder)],
            check=True,
        )
        stamp.write_bytes(source)
    return folder


def write_map(case: Case, out: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stderr) of one ``graphnet map`` with the parse cache warm."""
    env = dict(os.environ, GRAPHNET_CACHE_DIR=str(NETWORKS / "map-cache"))
    command = [sys.executable, "-m", "graphnet", "--data", str(network(case.people)), "--today", TODAY, "map"]
    command += [*case.args, "-o", str(out)]
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm the parse cache
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stderr.strip()


def floor(case: Case) -> tuple[float, float]:
    """(wall, CPU) seconds of the floor of the case's network: the runner's own measure
    (``run.py``'s floor task: a fresh process parses every file with the C loader and keeps
    what it read), so the map's ratio is the one benchmarks/RESULTS.md gives."""
    task = json.dumps({"task": "floor", "root": str(network(case.people))})
    done = subprocess.run(
        [sys.executable, str(HERE / "run.py"), "--worker", task], capture_output=True, text=True, check=True
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    return float(measured["seconds"]), float(measured["cpu"])


def open_once(browser: Any, path: Path) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []

        def block(route: Any) -> None:
            requests.append(route.request.url)
            route.abort()

        page.route("http://**/*", block)
        page.route("https://**/*", block)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), timeout=300_000)
        while not page.evaluate("() => window.graphnetReady === true"):
            page.wait_for_timeout(10)
            if time.perf_counter() - start > 300:
                raise RuntimeError(f"{path} never became ready: {errors}")
        wall = time.perf_counter() - start
        timings = page.evaluate("() => window.graphnetTimings")
        count = page.evaluate("() => [network.body.data.nodes.length, network.body.data.edges.length]")
        physics = "stabilized" in timings  # physics is switched off once stable, so ask the timings
        return {
            "interactive": timings["ready"] / 1000,
            "wall": wall,
            "nodes": count[0],
            "edges": count[1],
            "physics": physics,
            "requests": requests,
            "errors": errors,
        }
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default="data,5k,30k", help="comma-separated: data, 5k, 30k, 30k-all")
    parser.add_argument("--runs", type=int, default=3, help="page loads per case (median reported)")
    parser.add_argument("--keep", type=Path, help="folder to keep the written maps in (default: .networks/maps)")
    parser.add_argument("--chromium", default=os.environ.get("GRAPHNET_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out_dir = args.keep or NETWORKS / "maps"
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        try:
            for name in args.cases.split(","):
                case = CASES[name.strip()]
                out = out_dir / f"map-{case.name}.html"
                build, build_cpu, note = write_map(case, out)
                floor_wall, floor_cpu = floor(case)
                runs = [open_once(browser, out) for _ in range(args.runs)]
                leaks = sorted({u for r in runs for u in r["requests"]})
                errors = sorted({e for r in runs for e in r["errors"]})
                rows.append(
                    {
                        "case": case.name,
                        "what": case.what,
                        "nodes": runs[0]["nodes"],
                        "edges": runs[0]["edges"],
                        "physics": "on" if runs[0]["physics"] else "off",
                        "size": out.stat().st_size / 1e6,
                        "build": build,
                        "build_cpu": build_cpu,
                        "floor_cpu": floor_cpu,
                        "floor_wall": floor_wall,
                        "interactive": statistics.median(r["interactive"] for r in runs),
                        "wall": statistics.median(r["wall"] for r in runs),
                        "all": [round(r["interactive"], 2) for r in runs],
                        "clean": not leaks and not errors,
                        "note": note,
                    }
                )
                print(f"{case.name}: done", file=sys.stderr)
        finally:
            browser.close()
    version = subprocess.run([args.chromium, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"# graphnet map, time to interactive (median of {args.runs}), {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"# {version}, headless, every http(s) request blocked; today = {TODAY}")
    print()
    header = (
        "case",
        "nodes",
        "edges",
        "physics",
        "HTML MB",
        "write s (wall / CPU)",
        "floor s (wall / CPU)",
        "write / floor (CPU)",
        "interactive s",
        "wall s",
        "runs",
        "clean",
    )
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        cells = (
            f"{row['case']} ({row['what']})",
            f"{row['nodes']:,}",
            f"{row['edges']:,}",
            row["physics"],
            f"{row['size']:.1f}",
            f"{row['build']:.1f} / {row['build_cpu']:.1f}",
            f"{row['floor_wall']:.1f} / {row['floor_cpu']:.1f}",
            f"{row['build_cpu'] / row['floor_cpu']:.2f}×" if row["floor_cpu"] >= 0.1 else "–",
            f"{row['interactive']:.2f}",
            f"{row['wall']:.2f}",
            " / ".join(str(x) for x in row["all"]),
            "yes" if row["clean"] else "NO",
        )
        print("| " + " | ".join(cells) + " |")
    for row in rows:
        if row["note"]:
            print(f"\n{row['case']}: {row['note']}")


if __name__ == "__main__":
    main()
