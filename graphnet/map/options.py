"""What a map is asked to show (:class:`MapOptions`) and what it holds (:class:`MapData`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import ME

__all__ = [
    "COLOR_BY",
    "DEFAULT_LIMIT",
    "DEPTH_RANGE",
    "PHYSICS_MAX_NODES",
    "SIZE_BY",
    "LegendEntry",
    "MapData",
    "MapOptions",
    "MapResult",
]

#: People shown by default; a bigger network is reduced to the closest ones (``--limit``/``--all``).
DEFAULT_LIMIT = 1500
#: Above this many nodes a map is "big": fewer line styles, headline labels only (positions are
#: always computed in Python and physics is off unless asked for).
PHYSICS_MAX_NODES = 500
#: What node colours can stand for (the first is the default).
COLOR_BY = ("cluster", "org", "circle")
#: How many hops around ``focus`` a map may show.
DEPTH_RANGE = (1, 6)
#: What a person's size can stand for (the first is the default: a stranger is never the biggest).
SIZE_BY = ("strength", "brokerage", "none")


@dataclass
class MapOptions:
    """What the map shows; every field matches a ``graphnet map`` option."""

    #: Node colour: ``cluster`` (community), ``org`` (current organization) or ``circle``.
    color_by: str = COLOR_BY[0]
    #: Person size: ``strength`` (my tie), ``brokerage`` (links clusters) or ``none``.
    size_by: str = SIZE_BY[0]
    #: Draw the best warm paths to this target (organization or person) over the map.
    highlight: str | None = None
    #: Show only the neighbourhood of this person (id or name), ``depth`` hops deep.
    focus: str | None = None
    depth: int = 2
    #: Show only people whose tie with me is at least this strong (0-5).
    min_strength: int | None = None
    #: Show only people in this circle.
    circle: str | None = None
    #: Show only people who work or worked at this organization.
    org: str | None = None
    #: Put email, phone, url and notes in the tooltips and the person panel.
    include_private: bool = False
    #: Most people shown (closest first); ``None`` shows everyone.
    limit: int | None = DEFAULT_LIMIT
    #: How many warm paths ``highlight`` draws.
    top_paths: int = 3
    #: Let vis-network's physics move the precomputed positions (off unless asked for).
    physics: bool | None = None


@dataclass
class LegendEntry:
    label: str
    color: str
    count: int = 0


@dataclass
class MapData:
    """Everything the page shows, ready for the template.

    ``nodes`` and ``edges`` are vis-network items made only of whitelisted
    keys with string, number or boolean values; ``panels`` maps a person's id to
    their panel (:mod:`graphnet.map.panel`).
    """

    title: str
    subtitle: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    vis_options: dict[str, Any]
    physics: bool
    color_title: str
    colors: list[LegendEntry]
    size_meaning: str
    message: str | None = None
    highlight: list[str] = field(default_factory=list)
    people_total: int = 0
    people_shown: int = 0
    centre: str = ME
    targets: bool = False
    panels: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Lines drawn only when one of their nodes is chosen: [from, to, kind, width], the nodes by
    #: their place in ``nodes``, the kind by its place in ``graphnet.map.style.LINK_KINDS``.
    later: list[list[float]] = field(default_factory=list)
    #: What the network holds and what is shown: (what, in the network, shown).
    counts: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class MapResult:
    """What :func:`graphnet.map.html.write_map` wrote."""

    path: Path
    nodes: int
    edges: int
    people_shown: int
    people_total: int
    physics: bool
    message: str | None
