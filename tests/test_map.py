"""The map file: what it holds, what it never holds, and the ``graphnet map`` command.

Browser behaviour (drawing, tooltips, no script running) is in ``test_map_browser.py``.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.cli import cli
from graphnet.map.html import (
    PHYSICS_MAX_NODES,
    MapOptions,
    map_data,
    radial_layout,
    render_html,
    write_map,
)

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parent.parent

NETWORK = """\
me:
  name: Robin Quill
  targets: [Northwind]

organizations:
  - name: Northwind
    industry: analytics
    notes: ORG-NOTE-SECRET hiring in spring
  - name: Acme Corp
    industry: logistics

groups:
  - name: Harriers
    kind: running club
    members: [me, ada-lovelace, bob-stone]
    notes: GROUP-NOTE-SECRET

people:
  - name: Ada Lovelace
    org: Acme Corp
    role: Engineer
    circles: [work, friends]
    strength: 5
    knows: [bob-stone, {id: cy-young, strength: 4}]
    email: ada-secret@example.com
    phone: +1 555 0199
    url: https://ada.example.com/private
    notes: NOTE-SECRET likes tea
  - name: Bob Stone
    org: Acme Corp
    role: Designer
    circles: work
    strength: 2
    last_contact: 2026-10-01
  - name: Cy Young
    org: Northwind
    role: VP Analytics
    strength: 0
  - name: Dee Long
    past_orgs: [{org: Acme Corp, role: Analyst, from: 2019-01-01, to: 2021-06-30}]
    circles: family
    strength: 3
    introduced_by: ada-lovelace

interactions:
  - date: 2026-11-01
    with: ada-lovelace
    kind: coffee
    note: INTERACTION-NOTE-SECRET

favors:
  - date: 2026-09-01
    from: ada-lovelace
    to: me
    kind: referral
    what: FAVOR-WHAT-SECRET
"""

PRIVATE = [
    "ada-secret@example.com",
    "555 0199",
    "https://ada.example.com/private",
    "NOTE-SECRET",
    "ORG-NOTE-SECRET",
    "GROUP-NOTE-SECRET",
    "FAVOR-WHAT-SECRET",
]

#: The only keys a node or edge may carry into the page.
NODE_KEYS = {
    "id",
    "label",
    "kind",
    "shape",
    "title",
    "color",
    "borderWidth",
    "size",
    "font",
    "x",
    "y",
    "fixed",
    "category",
}
EDGE_KEYS = {"id", "from", "to", "kind", "width", "dashes", "color", "title", "length", "physics"}


@pytest.fixture
def net_dir(write: Callable[..., Path]) -> Path:
    return write("network.yaml", NETWORK, dedent=False)


def load(folder: Path) -> graphnet.Network:
    net, problems = graphnet.load(folder, today=TODAY)
    assert not [p for p in problems if p.is_error], problems
    return net


class _Tags(HTMLParser):
    """Start tags as a browser's tokenizer sees them (script and style content is raw text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def page_data(html: str, name: str) -> Any:
    """The JSON data block ``graphnet-<name>`` of the page (nodes, edges, panels or later)."""
    match = re.search(rf'<script type="application/json" id="graphnet-{name}">(.*?)</script>', html)
    assert match, f"no {name} data in the page"
    return json.loads(match.group(1))


# --------------------------------------------------------------------------- structure


def test_map_shows_me_people_organizations_and_groups_with_their_shapes(net_dir: Path) -> None:
    data = map_data(load(net_dir), today=TODAY)
    by_id = {n["id"]: n for n in data.nodes}
    assert by_id["me"]["shape"] == "star"
    assert by_id["me"]["label"] == "Robin Quill"
    assert (by_id["me"]["x"], by_id["me"]["y"], by_id["me"]["fixed"]) == (0, 0, True)
    assert {by_id[p].get("shape") for p in ("ada-lovelace", "bob-stone", "cy-young", "dee-long")} == {None}
    assert data.vis_options["nodes"]["shape"] == "dot"  # people are the default shape
    assert by_id["acme-corp"]["shape"] == "square"
    assert by_id["harriers"]["shape"] == "triangle"
    # Northwind links one person only, but it is a target: drawn, with the target border.
    assert by_id["northwind"]["color"]["border"] != by_id["northwind"]["color"]["background"]
    assert isinstance(by_id["ada-lovelace"]["color"], str)
    assert data.people_shown == data.people_total == 4


def test_edges_follow_the_graph_with_width_by_strength_and_dashes_for_weak_or_inferred(net_dir: Path) -> None:
    data = map_data(load(net_dir), today=TODAY)
    edges = {frozenset((e["from"], e["to"])): e for e in data.edges}
    strong = edges[frozenset(("me", "ada-lovelace"))]
    weak = edges[frozenset(("me", "bob-stone"))]
    assert strong["width"] > weak["width"]
    assert not strong.get("dashes")
    assert weak["dashes"] is True  # strength 2 = weak (weak_tie_max_strength)
    inferred = edges[frozenset(("ada-lovelace", "dee-long"))]  # from introduced_by only
    assert inferred["dashes"] is True
    assert "inferred" in inferred["title"]
    past = edges[frozenset(("dee-long", "acme-corp"))]
    assert past["kind"] == "worked_at" and past["dashes"] == [2, 4]
    # Cy Young (strength 0) has no tie with me: no me-edge is drawn.
    assert frozenset(("me", "cy-young")) not in edges
    ids = [e["id"] for e in data.edges]
    assert len(ids) == len(set(ids))
    node_ids = {n["id"] for n in data.nodes}
    assert all(e["from"] in node_ids and e["to"] in node_ids for e in data.edges)


def test_tooltips_are_plain_text_with_role_org_strength_contact_and_circles(net_dir: Path) -> None:
    data = map_data(load(net_dir), today=TODAY)
    ada = next(n for n in data.nodes if n["id"] == "ada-lovelace")
    assert ada["title"].splitlines()[0] == "Ada Lovelace"
    assert "Engineer · Acme Corp" in ada["title"]
    assert "Tie: 5 (inner circle)" in ada["title"]
    assert "last contact 2026-11-01 (24 days ago)" in ada["title"]
    assert "Circles: work, friends" in ada["title"]
    cy = next(n for n in data.nodes if n["id"] == "cy-young")
    assert "no contact recorded" in cy["title"]


def test_single_member_organizations_are_left_to_the_tooltip(write: Callable[..., Path]) -> None:
    folder = write(
        "n.yaml",
        """
        people:
          - {name: Al One, org: Solo Shop, strength: 3}
          - {name: Bea Two, org: Duo Inc, strength: 3}
          - {name: Cal Three, org: Duo Inc, strength: 3}
        """,
    )
    data = map_data(load(folder), today=TODAY)
    ids = {n["id"] for n in data.nodes}
    assert "duo-inc" in ids
    assert "solo-shop" not in ids
    al = next(n for n in data.nodes if n["id"] == "al-one")
    assert "Solo Shop" in al["title"]


def test_colour_by_org_and_circle_and_a_legend_that_counts(net_dir: Path) -> None:
    net = load(net_dir)
    by_org = map_data(net, MapOptions(color_by="org"), today=TODAY)
    legend = {e.label: e.count for e in by_org.colors}
    assert legend["Acme Corp"] == 2
    colours = {n["id"]: n["color"] for n in by_org.nodes}
    assert colours["ada-lovelace"] == colours["bob-stone"] == colours["acme-corp"]
    by_circle = map_data(net, MapOptions(color_by="circle"), today=TODAY)
    assert {e.label: e.count for e in by_circle.colors}["work"] == 2
    assert "circle" in by_circle.color_title
    with pytest.raises(graphnet.GraphnetError):
        map_data(net, MapOptions(color_by="shoe size"), today=TODAY)


def test_colour_by_cluster_names_the_clusters(write: Callable[..., Path]) -> None:
    people = []
    for team, org in (("a", "Alpha Labs"), ("b", "Beta Works")):
        ids = [f"{team}{i}" for i in range(5)]
        for ident in ids:
            knows = ", ".join(x for x in ids if x != ident)
            people.append(f"  - {{id: {ident}, name: Person {ident}, org: {org}, strength: 3, knows: [{knows}]}}")
    folder = write("n.yaml", "people:\n" + "\n".join(people) + "\n", dedent=False)
    data = map_data(load(folder), today=TODAY)
    assert data.color_title.startswith("Colour: cluster")
    colour = {n["id"]: n["color"] for n in data.nodes}
    assert len({colour[f"a{i}"] for i in range(5)}) == 1
    assert colour["a0"] != colour["b0"]
    assert any("Alpha Labs" in e.label for e in data.colors)


def test_every_map_has_precomputed_positions_and_physics_only_when_asked(write: Callable[..., Path]) -> None:
    lines = ["people:"]
    for i in range(PHYSICS_MAX_NODES + 10):
        lines.append(f"  - {{id: p{i}, name: P {i}, strength: {i % 6}}}")
    folder = write("n.yaml", "\n".join(lines) + "\n", dedent=False)
    net = load(folder)
    for data in (map_data(net, MapOptions(limit=None), today=TODAY), map_data(net, MapOptions(limit=50), today=TODAY)):
        assert data.physics is False
        assert data.vis_options["physics"] == {"enabled": False}
        positions = {(n["x"], n["y"]) for n in data.nodes}
        assert len(positions) == len(data.nodes)  # nobody on top of anybody
    asked = map_data(net, MapOptions(limit=50, physics=True), today=TODAY)
    assert asked.physics is True
    assert asked.vis_options["physics"]["solver"] == "forceAtlas2Based"
    assert asked.vis_options["edges"]["smooth"] is False


def test_radial_layout_rings_by_strength_and_sectors_by_cluster() -> None:
    rings = {f"p{i}": i % 3 for i in range(60)}
    sectors = {f"p{i}": "left" if i < 30 else "right" for i in range(60)}
    positions = radial_layout("me", rings, sectors, {"org": ["p0", "p3"]})
    assert positions["me"] == (0.0, 0.0)

    def radius(ident: str) -> float:
        return math.hypot(*positions[ident])

    inner = max(radius(p) for p, r in rings.items() if r == 0)
    middle = [radius(p) for p, r in rings.items() if r == 1]
    outer = min(radius(p) for p, r in rings.items() if r == 2)
    assert inner < min(middle) and max(middle) < outer
    # The organization sits among its two people (p0 and p3, both in band 0), a little outside them.
    assert radius("p0") < radius("org") < max(middle)

    def angle(ident: str) -> float:
        return math.atan2(positions[ident][1], positions[ident][0]) % (2 * math.pi)

    # Each sector is one slice of the circle: the angles of the two sectors do not interleave.
    left = sorted(angle(p) for p in rings if sectors[p] == "left")
    right = sorted(angle(p) for p in rings if sectors[p] == "right")
    start = min(left + right, key=lambda a: abs(a - 3 * math.pi / 2))  # slices start at the top
    turned = {p: (angle(p) - start) % (2 * math.pi) for p in rings}
    assert max(turned[p] for p in rings if sectors[p] == sectors[min(turned, key=turned.get)]) < min(
        turned[p] for p in rings if sectors[p] != sectors[min(turned, key=turned.get)]
    )
    assert len(set(positions.values())) == len(positions)
    assert left and right


def test_people_i_have_not_met_sit_at_the_edge_next_to_whoever_links_me() -> None:
    rings = {"a": 0, "b": 2, "z": 5}
    sectors = {"a": "x", "b": "y", "z": "y"}
    positions = radial_layout("me", rings, sectors, {}, anchors={"z": "a"})

    def polar(ident: str) -> tuple[float, float]:
        x, y = positions[ident]
        return math.hypot(x, y), math.atan2(y, x)

    assert polar("z")[0] > polar("b")[0] > polar("a")[0]
    assert abs(polar("z")[1] - polar("a")[1]) < 1e-9  # z is outward from a, the one who links me to z


def test_separate_pushes_overlapping_labels_apart() -> None:
    from graphnet.map.layout import Box, separate

    positions = {"me": (0.0, 0.0), "a": (5.0, 0.0), "b": (8.0, 3.0), "c": (300.0, 0.0)}
    boxes = {k: Box(-50, -10, 50, 30) for k in positions}
    assert separate(positions, boxes, {"me"}) == 0
    assert positions["me"] == (0.0, 0.0) and positions["c"] == (300.0, 0.0)  # fixed, and untouched
    rects = {k: (x - 50, y - 10, x + 50, y + 30) for k, (x, y) in positions.items()}
    for a, b in (("me", "a"), ("me", "b"), ("a", "b")):
        ra, rb = rects[a], rects[b]
        assert not (ra[0] < rb[2] and rb[0] < ra[2] and ra[1] < rb[3] and rb[1] < ra[3]), (a, b)


# --------------------------------------------------------------------------- smaller views


def many_people(write: Callable[..., Path], count: int) -> Path:
    lines = ["people:"]
    for i in range(count):
        lines.append(f"  - {{id: p{i:03d}, name: Person {i:03d}, strength: {5 - i * 5 // count}, circles: c{i % 3}}}")
    return write("n.yaml", "\n".join(lines) + "\n", dedent=False)


def test_limit_keeps_the_closest_people_and_says_how_to_see_more(write: Callable[..., Path]) -> None:
    net = load(many_people(write, 40))
    data = map_data(net, MapOptions(limit=10), today=TODAY)
    shown = {n["id"] for n in data.nodes if n["kind"] == "person"}
    assert shown == {f"p{i:03d}" for i in range(10)}  # the strongest ties
    assert data.people_shown == 10 and data.people_total == 40
    assert data.message is not None
    assert "10 people closest to you" in data.message and "of 40" in data.message
    # The library names MapOptions' field; the command line says `graphnet map --limit 40` and `--all`.
    assert "`limit` 40" in data.message and "no `limit`" in data.message
    everyone = map_data(net, MapOptions(limit=None), today=TODAY)
    assert everyone.message is None and everyone.people_shown == 40


def test_filters_circle_org_min_strength_and_focus(net_dir: Path) -> None:
    net = load(net_dir)

    def people(options: MapOptions) -> set[str]:
        return {n["id"] for n in map_data(net, options, today=TODAY).nodes if n["kind"] == "person"}

    assert people(MapOptions(circle="WORK")) == {"ada-lovelace", "bob-stone"}
    assert people(MapOptions(org="acme")) == {"ada-lovelace", "bob-stone", "dee-long"}  # past job counts
    assert people(MapOptions(min_strength=3)) == {"ada-lovelace", "dee-long"}
    focus = map_data(net, MapOptions(focus="Cy Young", depth=1), today=TODAY)
    assert {n["id"] for n in focus.nodes if n["kind"] == "person"} == {"cy-young", "ada-lovelace"}
    centre = next(n for n in focus.nodes if n["id"] == "cy-young")
    assert (centre["x"], centre["y"], centre.get("fixed")) == (0, 0, True)
    for bad in (MapOptions(circle="nope"), MapOptions(org="Globex"), MapOptions(focus="Ada Lovelaec")):
        with pytest.raises(graphnet.GraphnetError):
            map_data(net, bad, today=TODAY)


def test_focus_counts_hops_in_their_world_not_through_me(write: Callable[..., Path]) -> None:
    folder = write(
        "n.yaml",
        """
        people:
          - {name: Al One, strength: 4, knows: [bo-two]}
          - {name: Bo Two, strength: 2, org: Globex}
          - {name: Cy Three, strength: 5, org: Globex}
          - {name: Di Four, strength: 5}
        """,
    )
    net = load(folder)
    data = map_data(net, MapOptions(focus="Al One", depth=2), today=TODAY)
    shown = {n["id"] for n in data.nodes}
    assert shown == {"al-one", "bo-two", "me"}  # Globex links one person shown: left to the tooltip
    # Di Four is two hops away only through me; Cy Three, Bo's colleague, three.
    deeper = map_data(net, MapOptions(focus="Al One", depth=3), today=TODAY)
    assert "cy-three" in {n["id"] for n in deeper.nodes}


def test_highlight_draws_the_warm_paths_over_the_map(net_dir: Path) -> None:
    data = map_data(load(net_dir), MapOptions(highlight="Northwind"), today=TODAY)
    assert data.highlight and data.highlight[0] == "Warm paths to Northwind:"
    assert any("Ada Lovelace" in line and "Cy Young" in line for line in data.highlight)
    orange = [e for e in data.edges if e.get("color") == "#ff6d00"]
    pairs = {frozenset((e["from"], e["to"])) for e in orange}
    assert frozenset(("me", "ada-lovelace")) in pairs
    assert frozenset(("ada-lovelace", "cy-young")) in pairs
    cy = next(n for n in data.nodes if n["id"] == "cy-young")
    assert "on a warm path to Northwind" in cy["title"]
    with pytest.raises(graphnet.GraphnetError, match="did you mean"):
        map_data(load(net_dir), MapOptions(highlight="Northwnd"), today=TODAY)


def test_highlight_without_a_path_says_so(write: Callable[..., Path]) -> None:
    folder = write(
        "n.yaml",
        """
        people:
          - {name: Al One, strength: 4}
          - {name: Zed Far, org: Globex, strength: 0}
        """,
    )
    data = map_data(load(folder), MapOptions(highlight="Globex"), today=TODAY)
    assert data.highlight[0] == "No warm path to Globex within 3 introductions."
    assert "globex" in {n["id"] for n in data.nodes}
    assert not [e for e in data.edges if e.get("color") == "#ff6d00"]


# --------------------------------------------------------------------------- privacy and whitelisting


def test_private_fields_stay_out_unless_asked(net_dir: Path, tmp_path: Path) -> None:
    net = load(net_dir)
    public = write_map(net, tmp_path / "public.html", today=TODAY)
    html = public.path.read_text(encoding="utf-8")
    for secret in PRIVATE:
        assert secret not in html, secret
    assert "INTERACTION-NOTE-SECRET" not in html
    private = write_map(net, tmp_path / "private.html", MapOptions(include_private=True), today=TODAY)
    html = private.path.read_text(encoding="utf-8")
    for secret in PRIVATE:
        assert secret in html, secret
    assert stat.S_IMODE(os.stat(private.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(public.path).st_mode) & 0o044 == 0o044 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_only_whitelisted_text_attributes_reach_the_page(net_dir: Path) -> None:
    html = render_html(map_data(load(net_dir), MapOptions(include_private=True), today=TODAY))
    nodes = page_data(html, "nodes")
    edges = page_data(html, "edges")
    assert nodes and edges
    for node in nodes:
        assert set(node) <= NODE_KEYS, set(node) - NODE_KEYS
        assert isinstance(node["label"], str) and isinstance(node["title"], str) and isinstance(node["id"], str)
    for edge in edges:
        assert set(edge) <= EDGE_KEYS, set(edge) - EDGE_KEYS
        assert isinstance(edge["title"], str)
    # Fields that are not text for the tooltips never travel (dates, tags as data, sources).
    assert "sources" not in html and "network.yaml:" not in html


def test_the_page_loads_nothing_from_the_network(net_dir: Path) -> None:
    html = render_html(map_data(load(net_dir), today=TODAY))
    lowered = html.lower()
    assert not re.search(r"<script[^>]*\bsrc\s*=", lowered)
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']?(https?:)?//", lowered)
    assert not re.search(r"<(img|iframe|embed|object|source|audio|video)\b", lowered)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", lowered)
    assert "@import" not in lowered
    for name in ("bootstrap", "tom-select", "jsdelivr", "cdnjs", "cloudflare", "unpkg"):
        assert name not in lowered, name
    # The page forbids loads in any case: a CSP with a per-page script nonce.
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    nonce = re.search(r"script-src 'nonce-([0-9a-f]+)'", policy)
    assert nonce is not None
    found = tags(html)
    scripts = [attrs for tag, attrs in found if tag == "script"]
    code = [attrs for attrs in scripts if attrs.get("type") != "application/json"]
    assert len(code) == 2  # vis-network and graphnet's: both with the nonce, nothing else
    assert all(attrs == {"nonce": nonce.group(1)} for attrs in code)
    # The rest are data blocks (never run): nodes, edges, panels and the lines drawn on demand.
    assert [attrs.get("id") for attrs in scripts if attrs not in code] == [
        "graphnet-nodes",
        "graphnet-edges",
        "graphnet-panels",
        "graphnet-later",
    ]
    assert all(set(attrs) == {"type", "id"} for attrs in scripts if attrs not in code)
    assert {tag for tag, _ in found} <= {
        "html",
        "head",
        "meta",
        "link",
        "title",
        "style",
        "body",
        "aside",
        "section",
        "details",
        "summary",
        "h1",
        "p",
        "div",
        "h2",
        "ul",
        "li",
        "span",
        "svg",
        "polygon",
        "circle",
        "rect",
        "line",
        "main",
        "input",
        "button",
        "script",
    }
    assert [attrs.get("href") for tag, attrs in found if tag == "link"] == ["data:,"]
    assert "<%graphnet-nonce%>" not in html


PROBES = [
    "</script><script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '"href" <a href="javascript:alert(3)">x</a>',
    "'single' \"double\" & {{ 7*7 }} <!-- -->",
]


def test_user_text_is_escaped_in_html_and_script(write: Callable[..., Path]) -> None:
    def q(text: str) -> str:
        return json.dumps(text)  # a JSON string is a YAML double-quoted scalar

    folder = write(
        "n.yaml",
        f"""\
me:
  name: {q(PROBES[0])}
organizations:
  - {{id: {q(PROBES[1])}, name: {q(PROBES[1])}}}
groups:
  - {{id: {q(PROBES[2])}, name: {q(PROBES[2])}, kind: {q(PROBES[3])}, members: [me, {q(PROBES[0] + "x")}, p2]}}
people:
  - {{id: {q(PROBES[0] + "x")}, name: {q(PROBES[0])}, role: {q(PROBES[1])}, org: {q(PROBES[1])}, notes: {q(PROBES[2])}}}
  - {{id: p2, name: {q(PROBES[3])}, org: {q(PROBES[1])}, circles: [{q(PROBES[2])}]}}
""",
        dedent=False,
    )
    net = load(folder)
    data = map_data(net, MapOptions(include_private=True), today=TODAY)
    html = render_html(data)
    found = tags(html)
    assert [tag for tag, _ in found].count("script") == 2 + 4  # two scripts, four data blocks
    assert not {"img", "a", "iframe"} & {tag for tag, _ in found}
    assert not any(name.startswith("on") for _, attrs in found for name in attrs)
    assert "</script><script>alert" not in html
    # In text: escaped entities; in script: \u003c escapes; the raw data survives a round trip.
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    nodes = page_data(html, "nodes")
    labels = {n["id"]: n["label"] for n in nodes}
    assert labels["me"] == PROBES[0]
    assert labels[PROBES[1]] == PROBES[1]
    assert labels[PROBES[2]] == PROBES[2]
    assert labels["p2"] == PROBES[3]
    assert any(PROBES[2] in n["title"] for n in nodes)  # notes, with --include-private


def test_output_is_deterministic(net_dir: Path) -> None:
    net = load(net_dir)
    first = render_html(map_data(net, today=TODAY))
    second = render_html(map_data(load(net_dir), today=TODAY))
    assert first == second


# --------------------------------------------------------------------------- writing the file


def test_written_atomically_in_utf8_and_never_over_a_foreign_file(net_dir: Path, tmp_path: Path) -> None:
    net = load(net_dir)
    out = tmp_path / "deep" / "er" / "map.html"
    write_map(net, out, today=TODAY)
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in text
    write_map(net, out, today=TODAY)  # graphnet's own map: replaced
    assert sorted(p.name for p in out.parent.iterdir()) == ["map.html"]  # no temporary file left
    mine = tmp_path / "index.html"
    mine.write_text("<html>my own page</html>", encoding="utf-8")
    with pytest.raises(graphnet.GraphnetError, match="graphnet did not write it"):
        write_map(net, mine, today=TODAY)
    assert mine.read_text(encoding="utf-8") == "<html>my own page</html>"
    with pytest.raises(graphnet.GraphnetError, match="folder"):
        write_map(net, tmp_path, today=TODAY)


# --------------------------------------------------------------------------- the command


def run(folder: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "map", *args])


def test_cli_map_writes_the_file_and_prints_its_path(
    net_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(net_dir)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "network.html"
    html = (tmp_path / "network.html").read_text(encoding="utf-8")
    assert "Robin Quill" in html
    result = run(net_dir, "-o", "maps/ada.html", "--focus", "Ada Lovelace", "--depth", "1", "--color-by", "circle")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(Path("maps/ada.html"))
    assert (tmp_path / "maps" / "ada.html").is_file()


def test_cli_map_options_reach_the_page(net_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.html"
    result = run(net_dir, "-o", str(out), "--highlight", "Northwind", "--include-private")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Warm paths to Northwind:" in html
    assert "NOTE-SECRET" in html
    result = run(net_dir, "-o", str(out), "--min-strength", "4")
    assert result.exit_code == 0, result.output
    nodes = page_data(out.read_text(encoding="utf-8"), "nodes")
    assert {n["id"] for n in nodes if n["kind"] == "person"} == {"ada-lovelace"}


def test_cli_map_limit_says_how_to_see_more_on_stderr(write: Callable[..., Path], tmp_path: Path) -> None:
    folder = many_people(write, 30)
    out = tmp_path / "m.html"
    result = run(folder, "-o", str(out), "--limit", "5")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert "note: Showing the 5 people closest to you" in result.stderr
    assert "graphnet map --all" in result.stderr
    nodes = page_data(out.read_text(encoding="utf-8"), "nodes")
    assert sum(1 for n in nodes if n["kind"] == "person") == 5
    result = run(folder, "-o", str(out), "--all")
    assert result.exit_code == 0
    assert sum(1 for n in page_data(out.read_text(encoding="utf-8"), "nodes") if n["kind"] == "person") == 30


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "Ada Lovelaec"], "did you mean 'ada-lovelace' (Ada Lovelace)?"),
        (["--highlight", "Globex"], "no organization or person called 'Globex' in the network"),
        (["--circle", "chess"], "no one is in the circle"),
        (["--depth", "3"], "--depth goes with --focus"),
        (["--limit", "5", "--all"], "either --limit or --all"),
        (["--color-by", "shoe"], "Invalid value"),
    ],
)
def test_cli_map_bad_requests_exit_2(net_dir: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = run(net_dir, "-o", str(tmp_path / "m.html"), *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "m.html").exists()


def test_cli_map_refuses_data_with_errors(write: Callable[..., Path], tmp_path: Path) -> None:
    folder = write("n.yaml", "people:\n  - name: Ada\n    strength: 9\n")
    result = run(folder, "-o", str(tmp_path / "m.html"))
    assert result.exit_code == 1
    assert not (tmp_path / "m.html").exists()


def test_cli_map_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["map", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "graphnet map" in result.output
    for option in (
        "--color-by",
        "--size-by",
        "--highlight",
        "--focus",
        "--depth",
        "--min-strength",
        "--circle",
        "--org",
        "--limit",
    ):
        assert option in result.output


def test_the_sample_network_maps_cleanly(tmp_path: Path) -> None:
    net = load(ROOT / "data")
    result = write_map(net, tmp_path / "sample.html", today=TODAY)
    assert result.people_shown == result.people_total == len(net.people)
    assert result.message is None
    assert result.physics is False  # positions computed here: interactive as soon as drawn


# --------------------------------------------------------------------------- size, counts, panels


def test_size_by_strength_by_default_so_a_stranger_is_never_the_biggest(net_dir: Path) -> None:
    net = load(net_dir)

    def sizes(options: MapOptions) -> dict[str, float]:
        return {n["id"]: n["size"] for n in map_data(net, options, today=TODAY).nodes if n["kind"] == "person"}

    default = sizes(MapOptions())
    # Ada 5, Dee 3, Bob 2, Cy 0 (not met): 6 + 3 * strength.
    assert default == {"ada-lovelace": 21, "dee-long": 15, "bob-stone": 12, "cy-young": 6}
    assert set(sizes(MapOptions(size_by="none")).values()) == {10}
    brokerage = sizes(MapOptions(size_by="brokerage"))
    assert max(brokerage, key=brokerage.__getitem__) == "ada-lovelace"  # she links Bob, Cy and Dee
    with pytest.raises(graphnet.GraphnetError, match="size_by"):
        map_data(net, MapOptions(size_by="height"), today=TODAY)
    meaning = map_data(net, today=TODAY).size_meaning
    assert "tie strength" in meaning


def test_header_counts_the_network_and_says_what_is_shown(write: Callable[..., Path]) -> None:
    folder = write(
        "n.yaml",
        """
        organizations:
          - name: Alone Inc
        people:
          - {name: Al One, org: Duo Inc, strength: 3}
          - {name: Bea Two, org: Duo Inc, strength: 3}
          - {name: Cal Three, org: Solo Shop, strength: 1}
        """,
    )
    data = map_data(load(folder), MapOptions(limit=2), today=TODAY)
    # Three organizations in the network (Alone Inc declared, Duo Inc and Solo Shop named);
    # only Duo Inc links two of the people shown.
    assert data.counts == [("people", 3, 2), ("organizations", 3, 1), ("groups", 0, 0)]
    assert data.subtitle.startswith("3 people, 2 shown · 3 organizations, 1 shown · 0 groups · as of 2026-11-25")


def test_every_person_shown_has_a_panel_without_private_fields(net_dir: Path) -> None:
    net = load(net_dir)
    data = map_data(net, today=TODAY)
    assert set(data.panels) == {n["id"] for n in data.nodes if n["kind"] == "person"}
    ada = data.panels["ada-lovelace"]
    assert ada["name"] == "Ada Lovelace" and ada["who"] == "Engineer at Acme Corp"
    assert ada["timeline"][0] == ["2026-11-01", "coffee", "coffee with you"]
    assert "private" not in ada
    html = render_html(data)
    assert "INTERACTION-NOTE-SECRET" not in html and "ada-secret@example.com" not in html
    private = map_data(net, MapOptions(include_private=True), today=TODAY).panels["ada-lovelace"]
    assert "email: ada-secret@example.com" in private["private"]
    assert "INTERACTION-NOTE-SECRET" in private["timeline"][0][2]


def test_a_huge_map_holds_the_panels_of_the_closest_people(net_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import graphnet.map.panel

    monkeypatch.setattr(graphnet.map.panel, "PANELS_MAX", 2)
    data = map_data(load(net_dir), today=TODAY)
    assert set(data.panels) == {"ada-lovelace", "dee-long"}  # strengths 5 and 3; Bob 2 and Cy 0 are not
    assert "graphnet show " in render_html(data)  # what the page says for the others
