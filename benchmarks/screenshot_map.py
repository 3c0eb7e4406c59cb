"""Take the README's picture of the sample map: ``docs/map.png``.

Usage::

    python benchmarks/screenshot_map.py                  # data/ -> docs/map.png, 1400x900
    python benchmarks/screenshot_map.py --out docs/map-path.png --highlight "Northwind Analytics"
    python benchmarks/screenshot_map.py --out docs/map-panel.png --click grace-liu   # a person's panel open
    python benchmarks/screenshot_map.py --out docs/map-phone.png --size 390x844

(This script's own options go before the ``graphnet map`` options.)

Writes the map with the real command (``--today 2026-11-25`` so the picture is
reproducible), opens it in headless Chromium (Debian's ``/usr/bin/chromium``)
with every http(s) request blocked, waits until the page is ready and the
layout has settled, and saves a screenshot. Fails if the page made a request
or logged an error.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO / "data")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "map.png")
    parser.add_argument("--size", default="1400x900", help="viewport, WIDTHxHEIGHT")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--settle", type=int, default=1500, help="milliseconds to wait after ready")
    parser.add_argument("--click", metavar="ID", help="click this node first (a person's panel opens)")
    parser.add_argument("map_args", nargs=argparse.REMAINDER, help="more `graphnet map` options")
    args, extra = parser.parse_known_args()
    width, height = (int(x) for x in args.size.split("x"))
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "map.html"
        command = [sys.executable, "-m", "graphnet", "--data", str(args.data), "--today", "2026-11-25", "map"]
        subprocess.run([*command, *extra, *args.map_args, "-o", str(page_path)], check=True, stdout=subprocess.DEVNULL)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=args.chromium,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"],
            )
            page = browser.new_page(viewport={"width": width, "height": height})
            problems: list[str] = []

            def block(route: Any) -> None:
                problems.append(f"request: {route.request.url}")
                route.abort()

            page.route("http://**/*", block)
            page.route("https://**/*", block)
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(page_path.as_uri())
            page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=120_000)
            page.wait_for_timeout(args.settle)
            if args.click:
                where = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", args.click)
                box = page.locator("#mynetwork").bounding_box()
                page.mouse.click(box["x"] + where["x"], box["y"] + where["y"])
                page.wait_for_timeout(300)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    if problems:
        sys.exit("the page was not clean:\n" + "\n".join(problems))
    print(args.out)


if __name__ == "__main__":
    main()
