"""The map: one offline, safe, interactive HTML file of the network.

``graphnet map`` draws me at the centre, the people I know, their organizations
and groups, with vis-network through PyVis. The work is split by job:

- :mod:`.selection`: which people, organizations, groups and warm paths are shown;
- :mod:`.roles`: clusters, brokers and weak ties (the analyses' words for the picture);
- :mod:`.layout` and :mod:`.nodes`: where each node sits (computed here: distance from me by
  tie strength, clusters together, readable labels pushed apart), its size and label;
- :mod:`.style`: colours, tooltips, line styles, vis-network options;
- :mod:`.panel`: the person panel a click opens (the page ``graphnet show`` prints);
- this module: :func:`map_data` puts them together, :func:`render_html` makes the page and
  :func:`write_map` writes it.

The page is graphnet's own template (``templates/map.html``), not PyVis's: PyVis's stock
template loads Bootstrap from a CDN and inserts some text without escaping. Here

- the vis-network script and style PyVis bundles are inlined, so the file makes
  no network request at all (a Content-Security-Policy forbids any, too);
- the template is rendered with autoescape on, and every piece of data goes
  through ``tojson``, so no name, role or note can run as script or markup;
- only whitelisted, string-typed attributes of the data reach the page, and the
  private fields (``email``, ``phone``, ``url``, ``notes``) only when asked for;
- a huge network is reduced to the people closest to me, with a message saying how to see more.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from ..analyses.activity import last_contacts
from ..analyses.graph import build_graph
from ..errors import GraphnetError
from ..files.outputs import check_output, write_output
from ..model import TOP_RANGE, Network
from . import roles as analyses
from .layout import radial_layout
from .nodes import Roles, node_items, place
from .options import (
    COLOR_BY,
    DEFAULT_LIMIT,
    PHYSICS_MAX_NODES,
    SIZE_BY,
    MapData,
    MapOptions,
    MapResult,
)
from .panel import panels
from .selection import MapPath, View, choose, closest_first, map_warm_paths
from .style import EDGE_COLORS, LINK_KINDS, SIZE_MEANINGS, colours, edges, vis_options

__all__ = [
    "DEFAULT_LIMIT",
    "PHYSICS_MAX_NODES",
    "MapData",
    "MapOptions",
    "MapResult",
    "map_data",
    "radial_layout",
    "render_html",
    "write_map",
]

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Stands for the page's CSP nonce until the page is rendered; ``<`` and ``>`` never survive
#: escaping or ``tojson``, so no user text can contain it.
_NONCE_MARK = "<%graphnet-nonce%>"


def map_data(
    net: Network,
    options: MapOptions | None = None,
    *,
    today: date | None = None,
    say: Callable[[str], str] | None = None,
) -> MapData:
    """Decide what the map shows: its nodes, edges, colours, layout, legend and panels.

    Parameters
    ----------
    net : Network
        A loaded network.
    options : MapOptions, optional
        Filters, colouring, sizing, highlight and size limit (defaults: everything,
        coloured by cluster, sized by tie strength, at most :data:`DEFAULT_LIMIT` people).
    today : date, optional
        The date tooltips count "days ago" from (default: today).
    say : callable, optional
        How the caller words the note's suggestions, which name the options' fields in
        backquotes (```limit```): the command line says its own options instead.

    Returns
    -------
    MapData
        Nodes and edges as vis-network items, vis options, the legend and the person panels.
        Raises GraphnetError for an unknown focus person, organization, circle or target.
        O(V + E) plus the analyses used and the label separation.
    """
    options = _checked(options or MapOptions())
    today = today or date.today()
    from ..analyses.strength import TieModel

    model = TieModel(net, today)
    net = model.net  # the records as of today
    graph = build_graph(net, today, ties=model.ties)
    contacts = last_contacts(net, today)
    paths, nearest, target = _highlight(net, graph, options, today, model)
    view = choose(net, graph, options, contacts, paths, target)
    roles, clusters = _roles(net, graph, view, today, model)
    colouring = colours(net, graph, view, options.color_by, clusters)
    big = len(view.shown) > PHYSICS_MAX_NODES
    placed = place(net, graph, view, options, roles, colouring, big)
    nodes = node_items(net, graph, view, options, today, contacts, roles, colouring, placed)
    loud = frozenset(ident for ident, look in placed[1].items() if look.loud)
    lines = edges(net, graph, view, model, options.include_private, big=big, first=loud)
    counts = _counts(net, graph, view)
    return MapData(
        title=f"{net.me.name}'s network",
        subtitle=_subtitle(counts, view, today),
        nodes=nodes,
        edges=lines.drawn,
        later=_numbered(nodes, lines.later),
        vis_options=vis_options(bool(options.physics), len(nodes)),
        physics=bool(options.physics),
        color_title=colouring.title,
        colors=colouring.legend,
        size_meaning=SIZE_MEANINGS[options.size_by],
        message=say(view.message) if say and view.message else view.message,
        highlight=_highlight_lines(net, options, view, nearest),
        people_total=len(net.people),
        people_shown=len(view.people),
        centre=view.centre,
        targets=any(n["id"] in net.me.targets for n in nodes),
        panels=panels(net, model, closest_first(net, graph, view.people, contacts), today, options.include_private),
        counts=counts,
    )


def _checked(options: MapOptions) -> MapOptions:
    if options.color_by not in COLOR_BY:
        raise GraphnetError(f"color_by must be one of {', '.join(COLOR_BY)}, not {options.color_by!r}")
    if options.size_by not in SIZE_BY:
        raise GraphnetError(f"size_by must be one of {', '.join(SIZE_BY)}, not {options.size_by!r}")
    return options


def _roles(
    net: Network, graph: nx.Graph, view: View, today: date, model: Any
) -> tuple[Roles, tuple[dict[str, int], dict[int, str]]]:
    """Brokers and weak ties worth reviving among the people shown, and the clusters."""
    structure = analyses.structure(net, graph, view.shown, model)
    clusters = analyses.clusters(net, structure, view.shown)
    score, why = analyses.brokerage(net, structure, view.shown, clusters)
    # One weak tie in 25 people shown, at most as many as any answer lists.
    top = min(max(5, len(view.people) // 25), TOP_RANGE[1])
    weak = analyses.weak_tie_reasons(net, today, top=top, ties=model.ties)
    return Roles(score, why, weak), clusters


def _numbered(nodes: list[dict[str, Any]], later: list[tuple[str, str, str, float]]) -> list[list[float]]:
    """The lines drawn on demand as [from, to, kind, width], nodes by their place in ``nodes``."""
    number = {item["id"]: i for i, item in enumerate(nodes)}
    return [[number[a], number[b], LINK_KINDS.index(kind), round(width, 1)] for a, b, kind, width in later]


def _highlight(
    net: Network, graph: nx.Graph, options: MapOptions, today: date, model: Any
) -> tuple[list[MapPath], list[str], str | None]:
    """The warm paths ``--highlight`` draws, the nearest routes when there are none, the target."""
    if not options.highlight:
        return [], [], None
    from ..analyses.warm_paths import resolve_target

    target, _kind = resolve_target(net, options.highlight)
    paths, nearest = map_warm_paths(net, graph, options.highlight, today, options.top_paths, model)
    return paths, nearest, target


def _counts(net: Network, graph: nx.Graph, view: View) -> list[tuple[str, int, int]]:
    """(what, how many the network holds, how many are shown): the totals are what ``stats`` counts."""
    kinds = [graph.nodes[n].get("kind") for n in view.shown]
    return [
        ("people", len(net.people), len(view.people)),
        ("organizations", len(net.organizations), kinds.count("organization")),
        ("groups", len(net.groups), kinds.count("group")),
    ]


def _subtitle(counts: list[tuple[str, int, int]], view: View, today: date) -> str:
    """ "114 people · 41 organizations, 12 shown · 9 groups, 5 shown · as of 2026-11-25"."""
    parts = []
    for what, total, shown in counts:
        parts.append(f"{total:,} {what}" + ("" if shown == total else f", {shown:,} shown"))
    subtitle = " · ".join(parts) + f" · as of {today.isoformat()}"
    if view.notes:
        subtitle += " · showing " + "; ".join(view.notes)
    return subtitle


def _highlight_lines(net: Network, options: MapOptions, view: View, nearest: list[str]) -> list[str]:
    """The side panel's words for ``--highlight``: each path and its ask, or the nearest routes."""
    if not options.highlight:
        return []
    target_name = net.name_of(view.target) if view.target else options.highlight
    if not view.paths:
        return [f"No warm path to {target_name} within {net.me.settings.max_hops} introductions.", *nearest]
    lines = [f"Warm paths to {target_name}:"]
    for i, path in enumerate(view.paths, 1):
        lines.append(f"{i}. " + " → ".join(net.name_of(n) for n in path.people))
        if path.ask:
            lines.append(path.ask)
    return lines


def _asset(relative: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / relative
    text = path.read_text(encoding="utf-8")
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered or "</style" in lowered:  # pragma: no cover - bundled file changed
        raise GraphnetError(f"{path} cannot be inlined safely")
    return text


def render_html(data: MapData) -> str:
    """The page for ``data``: graphnet's template through a PyVis network, as one string."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup
    from pyvis.network import Network as PyvisNetwork

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    env.globals["graphnet"] = {
        "title": data.title,
        "subtitle": data.subtitle,
        "message": data.message,
        "highlight": data.highlight,
        "options": data.vis_options,
        "physics": data.physics,
        "color_title": data.color_title,
        "colors": data.colors,
        "size_meaning": data.size_meaning,
        "targets": data.targets,
        "centre": data.centre,
        "panels": data.panels,
        "later": data.later,
        "later_kinds": list(LINK_KINDS),
        "later_colors": [EDGE_COLORS[kind] for kind in LINK_KINDS],
        "counts": data.counts,
        "node_count": len(data.nodes),
        "edge_count": len(data.edges),
        "nonce": Markup(_NONCE_MARK),
        # Library code bundled with PyVis, checked by _asset; never user data.
        "vis_js": Markup(_asset("vis-9.1.2/vis-network.min.js")),
        "vis_css": Markup(_asset("vis-9.1.2/vis-network.css")),
    }
    page = PyvisNetwork(height="100%", width="100%", cdn_resources="in_line", heading="")
    page.nodes = data.nodes
    page.edges = data.edges
    page.node_ids = [n["id"] for n in data.nodes]
    page.node_map = {n["id"]: n for n in data.nodes}
    page.options = data.vis_options  # type: ignore[assignment]
    page.templateEnv = env
    page.path = "map.html"
    html = str(page.generate_html(name="network.html"))
    nonce = hashlib.sha256(html.encode("utf-8")).hexdigest()[:24]
    return html.replace(_NONCE_MARK, nonce)


def write_map(
    net: Network,
    path: str | os.PathLike[str] = "network.html",
    options: MapOptions | None = None,
    *,
    today: date | None = None,
    force: bool = False,
    say: Callable[[str], str] | None = None,
) -> MapResult:
    """Write the map of ``net`` to ``path`` (one self-contained HTML file) and say what it holds.

    The path follows graphnet's output rules (:mod:`graphnet.files.outputs`): never
    inside the data folder, a FIFO or device is written into, an existing file is
    replaced only if graphnet wrote it (or with ``force``). A file is written
    atomically (a temporary file in the same folder, then a rename); with
    ``include_private`` it is readable by its owner only. ``say``: as :func:`map_data`.
    """
    options = options or MapOptions()
    path = Path(path)
    if path.is_dir():
        raise GraphnetError(f"{path} is a folder; give a file name, e.g. {path / 'network.html'}")
    target = check_output(path, data_root=net.root, force=force)
    data = map_data(net, options, today=today, say=say)
    html = render_html(data)
    write_output(target, html.encode("utf-8"), mode=0o600 if options.include_private else None)
    return MapResult(
        path=path,
        nodes=len(data.nodes),
        edges=len(data.edges),
        people_shown=data.people_shown,
        people_total=data.people_total,
        physics=data.physics,
        message=data.message,
    )
