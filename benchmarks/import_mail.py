"""Time and memory of ``import mail`` and ``import calendar`` on generated exports.

Usage::

    python benchmarks/import_mail.py                      # 100,000 messages, 5,000 events
    python benchmarks/import_mail.py --messages 10000 --events 500

Mail: the time of graphnet's reader (``scan_mail``) and of the whole command
(load, read, match, merge into ``log/mail.yaml``) is given as a ratio to just
iterating the same messages' headers with the standard library: ``mailbox.mbox``
over the file, each message's header lines read from ``get_file`` and parsed with
``email.parser.BytesHeaderParser`` (target: at most 2x). Peak memory (max RSS of a
fresh process, minus that process's RSS after its imports) is measured for the
reader at a tenth of the mailbox and at the whole one, with the peak of Python's
allocations during the read (``tracemalloc``) (target: not growing with
the mailbox). Calendar: ``scan_calendar`` against ``recurring-ical-events``
expanding the whole calendar at once (graphnet does the same, then matches and
filters each occurrence). Times in the process are given as wall and CPU time: on a
shared machine the wall time swings with what else runs, the CPU time much less.
The exports come from ``benchmarks/evidence_export.py`` (no real person's data).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evidence_export import ME, network_yaml, write_ics, write_mbox

TODAY = date(2026, 11, 27)


def stdlib_headers(path: Path) -> int:
    """The baseline: every message's headers with the standard library only."""
    import mailbox
    from email.parser import BytesHeaderParser

    parser = BytesHeaderParser()
    box = mailbox.mbox(str(path), create=False)
    seen = 0
    for key in box.iterkeys():
        handle = box.get_file(key)
        lines = []
        for line in handle:
            if line in (b"\n", b"\r\n"):
                break
            lines.append(line)
        headers = parser.parsebytes(b"".join(lines))
        seen += bool(headers["from"]) + bool(headers["date"])
        handle.close()
    box.close()
    return seen


def best_of(runs: int, function, *args) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The least wall time and the least CPU time of ``runs`` calls (a shared machine swings the wall)."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        function(*args)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


_MEMORY_PROBE = """
import json, resource, sys, tracemalloc
from datetime import date
from graphnet.io.mail import scan_mail
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
scan = scan_mail(sys.argv[1], [sys.argv[2]], today=date(2026, 11, 27))
traced = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"messages": scan.messages, "base_kib": base, "peak_kib": peak, "tallies": len(scan.tallies),
                  "traced_peak_kib": traced // 1024}))
"""


def memory(path: Path) -> dict[str, int]:
    """Peak RSS of a fresh process reading ``path`` (KiB), and its RSS after imports."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(path), ME], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def command_time(folder: Path, kind: str, export: Path) -> tuple[float, float]:
    """Wall and CPU time of the whole ``graphnet import KIND`` as a user runs it, in a fresh process."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "graphnet",
            "--data",
            str(folder),
            "--today",
            TODAY.isoformat(),
            "import",
            kind,
            str(export),
        ],
        check=False,
        capture_output=True,
        env={**os.environ, "GRAPHNET_CACHE_DIR": str(folder.parent / "cache")},
    )
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["TZ"] = "UTC"
    time.tzset()
    from graphnet.io.calendar import scan_calendar
    from graphnet.io.mail import scan_mail

    with tempfile.TemporaryDirectory(prefix="graphnet-bench-mail-") as tmp:
        folder = Path(tmp)
        big, small = folder / "big.mbox", folder / "small.mbox"
        write_mbox(big, args.messages)
        write_mbox(small, max(args.messages // 10, 1))
        size = big.stat().st_size / 1e6
        print(f"mbox: {args.messages:,} messages, {size:.0f} MB")
        (base, base_cpu) = best_of(args.runs, stdlib_headers, big)
        (reader, reader_cpu) = best_of(args.runs, lambda: scan_mail(big, [ME], today=TODAY))
        print(f"  stdlib headers (mailbox + BytesHeaderParser): {base:.2f} s wall, {base_cpu:.2f} s CPU")
        print(
            f"  graphnet scan_mail:                           {reader:.2f} s wall, {reader_cpu:.2f} s CPU  "
            f"ratio {reader / base:.2f}x wall, {reader_cpu / base_cpu:.2f}x CPU"
        )
        net = folder / "net"
        net.mkdir()
        (net / "people.yaml").write_text(network_yaml(), encoding="utf-8")
        whole, whole_cpu = command_time(net, "mail", big)
        print(
            f"  graphnet import mail (whole command):         {whole:.2f} s wall, {whole_cpu:.2f} s CPU  "
            f"ratio {whole / base:.2f}x wall, {whole_cpu / base_cpu:.2f}x CPU"
        )
        again, again_cpu = command_time(net, "mail", big)
        print(f"  the same import again (no byte changes):      {again:.2f} s wall, {again_cpu:.2f} s CPU")
        for label, path in (("a tenth", small), ("all", big)):
            probe = memory(path)
            grown = (probe["peak_kib"] - probe["base_kib"]) / 1024
            print(
                f"  peak memory reading {label} ({probe['messages']:,} messages): {probe['peak_kib'] / 1024:.0f} MiB "
                f"RSS ({grown:.1f} MiB above the process after imports); Python allocations during the read "
                f"peak at {probe['traced_peak_kib'] / 1024:.1f} MiB ({probe['tallies']:,} tallies)"
            )
        ics = folder / "calendar.ics"
        write_ics(ics, args.events)
        import icalendar
        import recurring_ical_events

        def whole_calendar() -> int:
            calendar = icalendar.Calendar.from_ical(ics.read_bytes())
            return len(list(recurring_ical_events.of(calendar).between(date(1800, 1, 1), TODAY)))

        lib = best_of(1, whole_calendar)[1]
        ours = best_of(1, lambda: scan_calendar(ics, [ME], today=TODAY))[1]
        scan = scan_calendar(ics, [ME], today=TODAY)
        print(f"calendar: {args.events:,} events, {scan.occurrences:,} occurrences, {len(scan.meetings):,} meetings")
        print(f"  icalendar + recurring-ical-events, whole calendar: {lib:.2f} s CPU")
        print(f"  graphnet scan_calendar:                           {ours:.2f} s CPU  ratio {ours / lib:.2f}x")
        wall, cpu = command_time(net, "calendar", ics)
        print(f"  graphnet import calendar (whole command):         {wall:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
