"""The map in a real browser: headless Chromium through Playwright, every http(s) request blocked.

Uses Debian's ``/usr/bin/chromium`` (or ``$GRAPHNET_CHROMIUM``); Playwright never downloads a
browser here. Without a browser these tests are skipped, except in CI (``CI=true``), where a
missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import graphnet
from graphnet.map.html import MapData, MapOptions, map_data, write_map

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
]


def find_chromium() -> str | None:
    """``$GRAPHNET_CHROMIUM`` when set (and only it), else Debian's chromium."""
    explicit = os.environ.get("GRAPHNET_CHROMIUM")
    candidates = [explicit] if explicit else ["/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def no_browser(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = find_chromium()
    if executable is None:
        no_browser("no chromium found (/usr/bin/chromium or $GRAPHNET_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        no_browser("playwright is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)


@pytest.fixture
def open_map(browser: Any) -> Iterator[Callable[[Path], Opened]]:
    contexts: list[Any] = []

    def _open(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def block(route: Any) -> None:
            opened.requests.append(route.request.url)
            route.abort()

        page.route("http://**/*", block)
        page.route("https://**/*", block)
        page.route("ws://**/*", block)
        page.on(
            "request", lambda r: opened.requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None
        )
        page.on("console", lambda m: opened.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))

        def dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(path.resolve().as_uri())
        # Poll (wait_for_function evaluates strings, which the page's CSP forbids).
        for _ in range(1500):
            if page.evaluate("() => window.graphnetReady === true"):
                break
            page.wait_for_timeout(20)
        else:
            raise AssertionError(f"the map never became ready; errors: {opened.errors}")
        return opened

    yield _open
    for context in contexts:
        context.close()


def counts(opened: Opened) -> tuple[int, int]:
    return tuple(opened.js("() => [network.body.data.nodes.length, network.body.data.edges.length]"))  # type: ignore[return-value]


def assert_clean(opened: Opened) -> None:
    assert opened.requests == []
    assert opened.errors == []
    assert opened.dialogs == []


def test_sample_map_draws_offline_with_the_intended_nodes_and_edges(
    open_map: Callable[[Path], Opened], tmp_path: Path
) -> None:
    net, _problems = graphnet.load(ROOT / "data", today=TODAY)
    intended = map_data(net, today=TODAY)
    out = write_map(net, tmp_path / "sample.html", today=TODAY).path
    opened = open_map(out)
    assert opened.js("() => typeof network === 'object' && network instanceof vis.Network")
    assert counts(opened) == (len(intended.nodes), len(intended.edges))
    assert opened.js("() => window.graphnetReady") is True
    timings = opened.js("() => window.graphnetTimings")
    assert timings["stabilized"] <= timings["ready"]  # physics map: stabilized, then drawn
    assert opened.js("() => document.body.getAttribute('data-ready')") == "true"
    assert opened.js("() => network.getPositions(['me']).me.x") == 0
    assert_clean(opened)


def test_big_map_without_physics_is_ready_after_the_first_drawing(
    open_map: Callable[[Path], Opened], write: Callable[..., Path], tmp_path: Path
) -> None:
    lines = ["people:"]
    for i in range(700):
        knows = f", knows: [p{(i + 1) % 700}]" if i % 2 else ""
        lines.append(f"  - {{id: p{i}, name: Person {i}, org: Org {i % 40}, strength: {i % 6}{knows}}}")
    folder = write("n.yaml", "\n".join(lines) + "\n", dedent=False)
    net, _problems = graphnet.load(folder, today=TODAY)
    intended = map_data(net, today=TODAY)
    assert intended.physics is False
    out = write_map(net, tmp_path / "big.html", today=TODAY).path
    opened = open_map(out)
    assert counts(opened) == (len(intended.nodes), len(intended.edges))
    assert opened.js("() => network.physics.options.enabled") is False
    assert "stabilized" not in opened.js("() => window.graphnetTimings")
    assert_clean(opened)


#: A node dimmed by the neighbourhood highlight.
FADED = "n => (typeof n.color === 'string' ? n.color : n.color.background).startsWith('rgba(200')"


def test_search_and_neighbourhood_highlight(open_map: Callable[[Path], Opened], tmp_path: Path) -> None:
    net, _problems = graphnet.load(ROOT / "data", today=TODAY)
    out = write_map(net, tmp_path / "sample.html", today=TODAY).path
    opened = open_map(out)
    page = opened.page
    person = next(iter(net.people.values()))
    page.fill("#search", person.name[:5].lower())
    matches = page.locator("#matches button")
    assert matches.count() >= 1
    assert any(person.name in matches.nth(i).inner_text() for i in range(matches.count()))
    page.press("#search", "Enter")
    page.wait_for_timeout(600)
    selected = opened.js("() => network.getSelectedNodes()")
    assert len(selected) == 1
    neighbours = set(opened.js(f"() => network.getConnectedNodes({json.dumps(selected[0])})"))
    faded = opened.js(f"() => nodes.get().filter({FADED}).map(n => n.id)")
    assert faded and not (set(faded) & (neighbours | set(selected)))
    page.click("#reset")
    page.wait_for_timeout(100)
    assert opened.js(f"() => nodes.get().filter({FADED}).length") == 0
    assert opened.js("() => edges.get().filter(e => e.color === 'rgba(200,205,212,0.12)').length") == 0
    # Clicking empty canvas first must not throw (PyVis's highlightActive bug #257).
    page.mouse.click(400, 790)
    assert_clean(opened)


PROBES = {
    "script": "</script><script>window.__xss=1;alert(1)</script>",
    "img": '<img src=x onerror="window.__xss=2;alert(2)">',
    "href": '"href" <a href="javascript:window.__xss=3">x</a> \'quoted\'',
    "style": "<style>body{display:none}</style><svg onload=alert(4)>",
}


def probe_network(write: Callable[..., Path]) -> Path:
    def q(text: str) -> str:
        return json.dumps(text)  # a JSON string is a YAML double-quoted scalar

    p = PROBES
    return write(
        "probe.yaml",
        f"""\
me:
  name: {q(p["script"])}
organizations:
  - {{id: {q(p["img"])}, name: {q(p["img"])}, industry: {q(p["href"])}, notes: {q(p["style"])}}}
groups:
  - id: {q(p["href"])}
    name: {q(p["href"])}
    kind: {q(p["script"])}
    notes: {q(p["img"])}
    members: [me, {q(p["script"] + "-id")}, {q(p["style"])}]
people:
  - id: {q(p["script"] + "-id")}
    name: {q(p["script"])}
    role: {q(p["img"])}
    org: {q(p["img"])}
    circles: [{q(p["href"])}]
    tags: [{q(p["style"])}]
    strength: 4
    notes: {q(p["href"])}
    email: {q(p["img"])}
    knows: [{q(p["style"])}]
  - id: {q(p["style"])}
    name: {q(p["style"])}
    role: {q(p["href"])}
    org: {q(p["img"])}
    strength: 3
    notes: {q(p["script"])}
""",
        dedent=False,
    )


def test_user_text_never_runs_and_shows_literally(
    open_map: Callable[[Path], Opened], write: Callable[..., Path], tmp_path: Path
) -> None:
    folder = probe_network(write)
    net, problems = graphnet.load(folder, today=TODAY)
    assert not [x for x in problems if x.is_error], problems
    options = MapOptions(include_private=True, highlight=PROBES["img"])
    intended: MapData = map_data(net, options, today=TODAY)
    out = write_map(net, tmp_path / "probe.html", options, today=TODAY).path
    opened = open_map(out)
    assert counts(opened) == (len(intended.nodes), len(intended.edges))
    assert opened.js("() => window.__xss") is None
    assert opened.js("() => document.title") == f"{PROBES['script']}'s network"
    assert opened.js("() => document.querySelectorAll('img, iframe, svg[onload], a[href^=javascript]').length") == 0
    assert opened.js("() => document.querySelectorAll('script').length") == 2
    assert opened.js("() => document.querySelector('#side h1').textContent") == f"{PROBES['script']}'s network"
    # Node labels in the DataSet are the raw strings.
    labels = opened.js("() => Object.fromEntries(nodes.get().map(n => [n.id, n.label]))")
    assert labels["me"] == PROBES["script"]
    assert labels[PROBES["script"] + "-id"] == PROBES["script"]
    assert labels[PROBES["img"]] == PROBES["img"]
    assert labels[PROBES["href"]] == PROBES["href"]
    assert labels[PROBES["style"]] == PROBES["style"]
    # The legend shows cluster/organization names as text.
    legend = opened.js("() => document.querySelector('#legend').textContent")
    assert "<" in legend or PROBES["img"] not in legend  # text, not markup
    # Hover a person: the tooltip shows the text literally (notes included with --include-private).
    page = opened.page
    ident = PROBES["script"] + "-id"
    point = opened.js(f"() => network.canvasToDOM(network.getPositions([{json.dumps(ident)}])[{json.dumps(ident)}])")
    box = page.locator("#mynetwork").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    tooltip = page.locator("div.vis-tooltip").inner_text()
    assert tooltip.splitlines()[0] == PROBES["script"]
    assert PROBES["img"] in tooltip and PROBES["href"] in tooltip
    assert page.locator("div.vis-tooltip *:not(br)").count() == 0  # no element made from the text
    # Search with a probe: the results are text too.
    page.fill("#search", "<")
    assert page.locator("#matches button").count() >= 4
    shown = [
        page.locator("#matches button").nth(i).inner_text() for i in range(page.locator("#matches button").count())
    ]
    assert any(PROBES["img"] in text for text in shown)
    page.press("#search", "Enter")
    page.wait_for_timeout(600)
    assert opened.js("() => window.__xss") is None
    assert opened.js("() => document.title") == f"{PROBES['script']}'s network"
    assert_clean(opened)
