"""The map in a real browser: headless Chromium through Playwright, every http(s) request blocked.

Uses Debian's ``/usr/bin/chromium`` (or ``$GRAPHNET_CHROMIUM``); Playwright never downloads a
browser here. Without a browser these tests are skipped, except in CI (``CI=true``), where a
missing browser is a failure.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
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
def open_map(browser: Any) -> Iterator[Callable[..., Opened]]:
    contexts: list[Any] = []

    def _open(path: Path, width: int = 1280, height: int = 800) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
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
        # The page's CSP has no 'unsafe-eval': wait on the body's data-ready attribute (or pass
        # wait_for_function a function, "() => window.graphnetReady === true"; a bare expression
        # string is evaluated with eval, which the policy refuses). See docs/map.md.
        try:
            page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=30000)
        except Exception as error:
            raise AssertionError(f"the map never became ready; errors: {opened.errors}") from error
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
    open_map: Callable[..., Opened], tmp_path: Path
) -> None:
    net, _problems = graphnet.load(ROOT / "data", today=TODAY)
    intended = map_data(net, today=TODAY)
    out = write_map(net, tmp_path / "sample.html", today=TODAY).path
    opened = open_map(out)
    assert opened.js("() => typeof network === 'object' && network instanceof vis.Network")
    assert counts(opened) == (len(intended.nodes), len(intended.edges))
    assert opened.js("() => window.graphnetReady") is True
    timings = opened.js("() => window.graphnetTimings")
    assert "stabilized" not in timings and timings["constructed"] <= timings["ready"]  # no physics: drawn, ready
    assert opened.js("() => document.body.getAttribute('data-ready')") == "true"
    assert opened.js("() => network.getPositions(['me']).me.x") == 0
    assert_clean(opened)


def test_big_map_without_physics_is_ready_after_the_first_drawing(
    open_map: Callable[..., Opened], write: Callable[..., Path], tmp_path: Path
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


def test_search_and_neighbourhood_highlight(open_map: Callable[..., Opened], tmp_path: Path) -> None:
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
    open_map: Callable[..., Opened], write: Callable[..., Path], tmp_path: Path
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
    assert opened.js("() => document.querySelectorAll('script:not([type=\"application/json\"])').length") == 2
    assert opened.js("() => document.querySelectorAll('script[type=\"application/json\"]').length") == 4
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
    # The person panel shows the text literally too.
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.locator("#person-panel").wait_for(state="visible")
    assert page.locator("#panel-name").inner_text() == PROBES["script"]
    assert PROBES["img"] in page.locator("#person-panel").inner_text()  # the role, and the private notes
    assert page.locator("#person-panel img, #person-panel a, #person-panel style").count() == 0
    page.keyboard.press("Escape")
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


# --------------------------------------------------------------------------- a place to think

#: Canvas boxes of the labels of the given nodes, and whether vis-network draws them at this zoom.
LABEL_BOXES = """ids => ids.map(id => {
  const node = network.body.nodes[id];
  const size = node.labelModule.size;
  return {id, left: size.left, top: size.top, right: size.left + size.width, bottom: size.top + size.height,
          drawn: node.labelModule.visible()};
})"""


def overlapping(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]:
                found.append((a["id"], b["id"]))
    return found


def protected(net: graphnet.Network, data: MapData) -> list[str]:
    """Labels that must be readable at the default zoom: ties of strength 3 or more, targets, paths."""
    on_path = {e["from"] for e in data.edges if e.get("color") == "#ff6d00"}
    on_path |= {e["to"] for e in data.edges if e.get("color") == "#ff6d00"}
    shown = {n["id"] for n in data.nodes}
    wanted = {p.id for p in net.people.values() if p.strength >= 3} | set(net.me.targets) | on_path
    return sorted(wanted & shown)


@pytest.mark.parametrize("size", [(1400, 900), (1280, 720)])
@pytest.mark.parametrize("highlight", [None, "Northwind Analytics"])
def test_protected_labels_are_drawn_and_never_overlap_at_the_default_zoom(
    open_map: Callable[..., Opened], tmp_path: Path, size: tuple[int, int], highlight: str | None
) -> None:
    net, _problems = graphnet.load(ROOT / "data", today=TODAY)
    options = MapOptions(highlight=highlight)
    data = map_data(net, options, today=TODAY)
    wanted = protected(net, data)
    assert len(wanted) >= 30  # the sample has 34 people of strength 3+, and 3 targets
    opened = open_map(write_map(net, tmp_path / "m.html", options, today=TODAY).path, *size)
    boxes = opened.js(f"({LABEL_BOXES})({json.dumps(wanted)})")
    assert [b["id"] for b in boxes if not b["drawn"]] == []
    assert overlapping(boxes) == []
    # Readable: at least 9 px on screen.
    scale = opened.js("() => network.getScale()")
    fonts = opened.js(f"() => {json.dumps(wanted)}.map(id => network.body.nodes[id].options.font.size)")
    assert min(fonts) * scale >= 9
    assert_clean(opened)


def test_distance_from_me_follows_tie_strength(open_map: Callable[..., Opened], tmp_path: Path) -> None:
    net, _problems = graphnet.load(ROOT / "data", today=TODAY)
    opened = open_map(write_map(net, tmp_path / "m.html", today=TODAY).path)
    positions = opened.js("() => network.getPositions()")

    def median_distance(people: list[str]) -> float:
        return statistics.median(math.hypot(positions[p]["x"], positions[p]["y"]) for p in people)

    strangers = [p.id for p in net.people.values() if p.strength == 0]
    close = [p.id for p in net.people.values() if p.strength >= 3]
    assert len(strangers) == 10 and len(close) == 34
    assert median_distance(strangers) > 1.5 * median_distance(close)
    # Sized by tie strength by default: no stranger is drawn bigger than anyone I know well.
    sizes = opened.js("() => Object.fromEntries(nodes.get().map(n => [n.id, n.size]))")
    assert max(sizes[p] for p in strangers) < min(sizes[p] for p in close)


def click_node(opened: Opened, ident: str) -> None:
    point = opened.js(f"() => network.canvasToDOM(network.getPositions([{json.dumps(ident)}])[{json.dumps(ident)}])")
    box = opened.page.locator("#mynetwork").bounding_box()
    opened.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_person_panel_opens_on_click_and_closes_with_escape(
    open_map: Callable[..., Opened], write: Callable[..., Path], tmp_path: Path
) -> None:
    from test_map import NETWORK

    net, _problems = graphnet.load(write("n.yaml", NETWORK, dedent=False), today=TODAY)
    opened = open_map(write_map(net, tmp_path / "m.html", today=TODAY).path)
    page = opened.page
    assert page.locator("#person-panel").is_hidden()
    click_node(opened, "ada-lovelace")
    panel = page.locator("#person-panel")
    panel.wait_for(state="visible")
    text = panel.inner_text()
    assert "Ada Lovelace" in text and "Engineer at Acme Corp" in text
    assert "coffee with you" in text and "2026-11-01" in text  # the timeline, newest first
    assert "Bob Stone" in text  # a mutual contact
    for secret in ("ada-secret@example.com", "NOTE-SECRET", "INTERACTION-NOTE-SECRET", "FAVOR-WHAT-SECRET"):
        assert secret not in text
    # While a person is chosen, no tooltip covers their neighbours.
    point = opened.js("() => network.canvasToDOM(network.getPositions(['bob-stone'])['bob-stone'])")
    box = page.locator("#mynetwork").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_timeout(500)
    assert not page.locator("div.vis-tooltip").is_visible()
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert opened.js(f"() => nodes.get().filter({FADED}).length") == 0
    # "/" goes to the search box.
    page.keyboard.press("/")
    assert opened.js("() => document.activeElement.id") == "search"
    assert_clean(opened)


def test_person_panel_shows_private_fields_only_when_asked(
    open_map: Callable[..., Opened], write: Callable[..., Path], tmp_path: Path
) -> None:
    from test_map import NETWORK

    net, _problems = graphnet.load(write("n.yaml", NETWORK, dedent=False), today=TODAY)
    out = write_map(net, tmp_path / "m.html", MapOptions(include_private=True), today=TODAY).path
    opened = open_map(out)
    click_node(opened, "ada-lovelace")
    opened.page.locator("#person-panel").wait_for(state="visible")
    text = opened.page.locator("#person-panel").inner_text()
    assert "ada-secret@example.com" in text and "NOTE-SECRET" in text
    assert_clean(opened)


def rect(opened: Opened, selector: str) -> dict[str, float]:
    box = opened.page.locator(selector).bounding_box()
    assert box is not None, selector
    return box


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_a_phone_screen(open_map: Callable[..., Opened], tmp_path: Path) -> None:
    net, _problems = graphnet.load(ROOT / "data", today=TODAY)
    opened = open_map(write_map(net, tmp_path / "m.html", today=TODAY).path, 390, 844)
    title, search, legend = (rect(opened, s) for s in ("#side h1", "#searchbox", "#legend"))
    assert not overlap(title, search) and not overlap(title, legend) and not overlap(search, legend)
    assert opened.js("() => document.getElementById('legend').open") is False  # folded away
    graph = rect(opened, "#mynetwork")
    assert graph["width"] >= 389 and graph["height"] >= 0.7 * 844
    for element in (title, search, legend):
        assert element["x"] >= 0 and element["x"] + element["width"] <= 390
    # The first view is the centre, close enough to read the names of the strongest ties.
    assert opened.js("() => network.getScale()") >= 0.6
    assert opened.js("() => network.body.nodes['me'].labelModule.visible()")
    # A chosen person's page is a sheet over the bottom of the screen, within its width.
    click_node(opened, "me")
    assert opened.page.locator("#person-panel").is_hidden()  # I have no panel: the page is about others
    assert_clean(opened)


def test_header_counts_equal_stats(open_map: Callable[..., Opened], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graphnet.cli import cli

    result = CliRunner().invoke(cli, ["--data", str(ROOT / "data"), "--today", "2026-11-25", "stats", "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    net, _problems = graphnet.load(ROOT / "data", today=TODAY)
    opened = open_map(write_map(net, tmp_path / "m.html", today=TODAY).path)
    header = opened.page.locator("#counts").inner_text()
    shown = opened.js("() => nodes.get().filter(n => n.kind === 'organization').length")
    assert f"{stats['people']} people" in header
    assert f"{stats['organizations']} organizations, {shown} shown" in header
    assert stats["organizations"] > shown  # 41 in the network, 17 link two people or are targets
    assert f"{stats['groups']} groups" in header
    assert_clean(opened)


def test_waiting_for_the_map_under_its_security_policy(browser: Any, tmp_path: Path) -> None:
    """The forms docs/map.md gives for scripts: a function, or the body's data-ready attribute."""
    net, _problems = graphnet.load(ROOT / "data", today=TODAY)
    out = write_map(net, tmp_path / "m.html", today=TODAY).path
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("http://**/*", lambda route: route.abort())
        page.goto(out.resolve().as_uri())
        page.wait_for_function("() => window.graphnetReady === true", timeout=30000)
        page.wait_for_selector('body[data-ready="true"]', state="attached")
        # A bare expression is evaluated with eval(), which the page's CSP forbids, once it has to poll.
        with pytest.raises(Exception, match=r"(?i)content security policy|unsafe-eval|EvalError"):
            page.wait_for_function("window.graphnetReady === true && performance.now() > 1e9", timeout=3000)
    finally:
        context.close()


def test_lines_beyond_the_budget_are_drawn_when_their_node_is_chosen(
    open_map: Callable[..., Opened], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graphnet.map.style

    monkeypatch.setattr(graphnet.map.style, "EDGE_BUDGET", 100)
    net, _problems = graphnet.load(ROOT / "data", today=TODAY)
    data = map_data(net, today=TODAY)
    assert len(data.edges) == 100 and len(data.later) == 393 - 100  # the sample has 393 lines
    opened = open_map(write_map(net, tmp_path / "m.html", today=TODAY).path)
    assert counts(opened) == (141, 100)
    # Someone whose lines are not all drawn yet: choosing them draws the rest, and the highlight keeps them.
    ids = [n["id"] for n in data.nodes]
    person = ids[int(data.later[0][1])]
    waiting = sum(1 for line in data.later if ids[int(line[0])] == person or ids[int(line[1])] == person)
    before = len(opened.js(f"() => network.getConnectedEdges({json.dumps(person)})"))
    click_node(opened, person)
    after = opened.js(f"() => network.getConnectedEdges({json.dumps(person)})")
    assert len(after) == before + waiting
    assert opened.js(f"() => nodes.get({json.dumps(person)}).color") != "rgba(200,205,212,0.35)"
    opened.page.keyboard.press("Escape")
    assert counts(opened) == (141, 100)
    assert_clean(opened)


def test_physics_when_asked_for_stabilizes_from_the_computed_positions(
    open_map: Callable[..., Opened], write: Callable[..., Path], tmp_path: Path
) -> None:
    from test_map import NETWORK

    net, _problems = graphnet.load(write("n.yaml", NETWORK, dedent=False), today=TODAY)
    opened = open_map(write_map(net, tmp_path / "m.html", MapOptions(physics=True), today=TODAY).path)
    timings = opened.js("() => window.graphnetTimings")
    assert timings["stabilized"] <= timings["ready"]
    assert opened.js("() => network.physics.options.enabled") is False  # frozen once stable
    assert opened.js("() => network.getPositions(['me']).me.x") == 0
    assert_clean(opened)
