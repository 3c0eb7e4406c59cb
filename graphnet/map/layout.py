"""Where each node of a map sits, computed in Python (vis-network only draws).

An ego layout: me at the centre; people on bands by tie strength (inner circle close, people I
have not met at the outer edge, next to whoever links me to them); each cluster in its own slice
of the circle, so the people of one cluster sit together; organizations and groups among their
people. Then the labels that must stay readable are pushed apart until none overlaps another
(:func:`separate`).

Why Python and not vis-network's physics: the same picture every time, meaning that physics
cannot promise (a stranger pulled to the centre by a spring), and a page that is interactive as
soon as it is drawn (measured: docs/map.md).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = ["Box", "label_box", "radial_layout", "separate"]

_GOLDEN = (math.sqrt(5) - 1) / 2
#: Average width of a character of the page's sans-serif font, in font sizes (measured in
#: Chromium on the sample's names: 0.50-0.55; a little more keeps a margin).
CHAR_WIDTH = 0.58


@dataclass
class Box:
    """A rectangle relative to its node's position: left, top, right, bottom offsets."""

    left: float
    top: float
    right: float
    bottom: float


def label_box(label: str, font: float, size: float) -> Box:
    """The node and, below it, its label (vis-network draws a dot's, star's or square's label
    under the shape), as one rectangle around the node's position."""
    half = max(size, CHAR_WIDTH * font * len(label) / 2 + 3)
    return Box(-half, -size, half, size + 2 + font * 1.2)


def node_box(size: float) -> Box:
    """The shape alone (its label is too small to be drawn at the default zoom)."""
    return Box(-size, -size, size, size)


def _place_on_rings(
    wanted: list[tuple[str, float]], radius: float, gap: float, arc: Callable[[str, float], float]
) -> tuple[dict[str, tuple[float, float]], float]:
    """Put items near their wanted angles on rings from ``radius`` outwards, ``gap`` apart.

    ``arc(item, angle)`` is the length of ring an item needs; an item is pushed along its ring
    (or put on the next one) until it clears the one before. Returns the positions and the
    radius of the outermost ring used.
    """
    positions: dict[str, tuple[float, float]] = {}
    if not wanted:
        return positions, radius
    need = {ident: arc(ident, angle) for ident, angle in wanted}
    rings = max(1, math.ceil(sum(need.values()) / (1.7 * math.pi * radius)))
    last = [-math.inf] * rings
    last_half = [0.0] * rings

    def start(r: int, ident: str, angle: float) -> float:
        return max(angle, last[r] + (last_half[r] + need[ident] / 2) / (radius + r * gap))

    for ident, angle in sorted(wanted, key=lambda item: (item[1], item[0])):
        best = min(range(rings), key=lambda r: (start(r, ident, angle) - angle, r))
        placed = start(best, ident, angle)
        last[best], last_half[best] = placed, need[ident] / 2
        r = radius + best * gap
        positions[ident] = (r * math.cos(placed), r * math.sin(placed))
    return positions, radius + (rings - 1) * gap


def _slices(people: list[str], sectors: Mapping[str, str]) -> tuple[dict[str, float], dict[str, float]]:
    """Each sector's start angle and width, in proportion to its people, biggest first from the top."""
    sizes = Counter(sectors.get(p, "") for p in people)
    start: dict[str, float] = {}
    width: dict[str, float] = {}
    angle = -math.pi / 2
    for sector in sorted(sizes, key=lambda s: (-sizes[s], s)):
        start[sector] = angle
        width[sector] = 2 * math.pi * sizes[sector] / len(people)
        angle += width[sector]
    return start, width


def _angle(point: tuple[float, float]) -> float:
    return math.atan2(point[1], point[0])


def radial_layout(
    centre: str,
    rings: Mapping[str, int],
    sectors: Mapping[str, str],
    affiliations: Mapping[str, list[str]],
    *,
    anchors: Mapping[str, str] | None = None,
    extents: Mapping[str, tuple[float, float]] | None = None,
    spacing: float = 40.0,
    ring_gap: float = 40.0,
    band_gap: float = 40.0,
    first_radius: float = 90.0,
) -> dict[str, tuple[float, float]]:
    """Positions for an ego map: the centre at (0, 0), people on bands, affiliations among them.

    Parameters
    ----------
    centre : str
        The node at the origin (me, or the focused person).
    rings : mapping
        Person id -> band number, 0 innermost (e.g. ``5 - tie strength``).
    sectors : mapping
        Person id -> sector name (their colour); each sector gets a slice of the
        circle proportional to its size, so clusters sit together.
    affiliations : mapping
        Organization or group id -> the people linked to it; each sits at the mean
        position of its people, a little further out.
    anchors : mapping, optional
        Person id -> the person who links me to them. Such a person goes on the outer
        edge in the direction of that person, after every band is placed.
    extents : mapping, optional
        Person id -> the width and height of their node and label (a label to be read
        needs room); by default ``spacing`` × ``spacing``.

    Returns
    -------
    dict
        Node id -> (x, y) in vis-network canvas units.

    Notes
    -----
    O(n log n) for n nodes.
    """
    anchors = anchors or {}
    extents = extents or {}

    def arc(ident: str, angle: float) -> float:
        """The length of ring a box needs: its extent along the ring's tangent at ``angle``."""
        width, height = extents.get(ident, (spacing, spacing))
        return width * abs(math.sin(angle)) + height * abs(math.cos(angle)) + spacing * 0.25

    positions: dict[str, tuple[float, float]] = {centre: (0.0, 0.0)}
    people = [p for p in rings if p != centre]
    radius = first_radius
    if people:
        radius = _place_people(positions, people, rings, sectors, anchors, arc, (first_radius, ring_gap, band_gap))
    positions.update(_among_their_people(positions, centre, affiliations, radius + band_gap, spacing, ring_gap))
    return positions


def _place_people(
    positions: dict[str, tuple[float, float]],
    people: list[str],
    rings: Mapping[str, int],
    sectors: Mapping[str, str],
    anchors: Mapping[str, str],
    arc: Callable[[str, float], float],
    radii: tuple[float, float, float],
) -> float:
    """Band by band from the inside, then the anchored people on the edge; returns the outer radius."""
    radius, ring_gap, band_gap = radii
    bands: dict[int, list[str]] = defaultdict(list)
    for p in people:
        if anchors.get(p) is None:
            bands[rings[p]].append(p)
    wanted = _sector_angles(people, sectors)
    for band in sorted(bands):
        placed, outer = _place_on_rings([(p, wanted[p]) for p in bands[band]], radius, ring_gap, arc)
        positions.update(placed)
        radius = outer + band_gap
    edge = [(p, _angle(positions[a])) for p in people if (a := anchors.get(p)) is not None and a in positions]
    anchored = {p for p, _ in edge}
    edge += [(p, wanted[p]) for p in people if p not in positions and p not in anchored]
    placed, radius = _place_on_rings(edge, radius, ring_gap, arc)
    positions.update(placed)
    return radius


def _sector_angles(people: list[str], sectors: Mapping[str, str]) -> dict[str, float]:
    """Each person's wanted angle: their sector's slice, the sector's people spread evenly over it
    (every band, so a cluster's strong and weak ties line up)."""
    start, width = _slices(people, sectors)
    members: dict[str, list[str]] = defaultdict(list)
    for p in sorted(people):
        members[sectors.get(p, "")].append(p)
    angles: dict[str, float] = {}
    for sector, group in members.items():
        for i, p in enumerate(group):
            angles[p] = start[sector] + width[sector] * (i + 0.5) / len(group)
    return angles


def _hashed_angle(ident: str) -> float:
    return (int(hashlib.sha1(ident.encode()).hexdigest()[:6], 16) / 0xFFFFFF) * 2 * math.pi


def _among_their_people(
    positions: Mapping[str, tuple[float, float]],
    centre: str,
    affiliations: Mapping[str, list[str]],
    radius: float,
    spacing: float,
    ring_gap: float,
) -> dict[str, tuple[float, float]]:
    """Organizations and groups at the mean position of their people, pushed a little outwards
    (so they do not sit on a person); one with no one placed goes on the outer ring."""
    placed: dict[str, tuple[float, float]] = {}
    lonely: list[tuple[str, float]] = []
    for ident, members in sorted(affiliations.items()):
        if ident in positions:
            continue
        points = [positions[m] for m in members if m in positions and m != centre]
        if not points:
            lonely.append((ident, _hashed_angle(ident)))
            continue
        x = sum(p[0] for p in points) / len(points)
        y = sum(p[1] for p in points) / len(points)
        r = math.hypot(x, y)
        if r < 1e-9:
            x, y, r = math.cos(_hashed_angle(ident)), math.sin(_hashed_angle(ident)), 1.0
        out = max(r, min(math.hypot(*p) for p in points)) + spacing * 0.6
        placed[ident] = (x / r * out, y / r * out)
    placed.update(_place_on_rings(lonely, radius, ring_gap, lambda _i, _a: spacing * 1.4)[0])
    return placed


def separate(
    positions: dict[str, tuple[float, float]],
    boxes: Mapping[str, Box],
    fixed: set[str],
    *,
    padding: float = 4.0,
    rounds: int = 30,
    growths: int = 12,
    growth: float = 1.06,
) -> int:
    """Move nodes apart, in place, until no two of their boxes overlap; returns the overlaps left.

    Each overlapping pair is pushed apart along the axis where they overlap least, half each
    (all of it by the one that is not ``fixed``). Where a crowd cannot be untangled in
    ``rounds`` rounds (too many labels for the room), every position is moved ``growth`` times
    further from the origin, which leaves the picture's shape and meaning (who is nearer me)
    as it was, and the pushing goes on, at most ``growths`` times.

    Notes
    -----
    Deterministic: pairs are visited in sorted order. Pairs are found through a grid, so a
    round costs O(n) for boxes of similar size.
    """
    ids = sorted(i for i in boxes if i in positions)
    if not ids:
        return 0
    cell = max(max(b.right - b.left, b.bottom - b.top) for b in boxes.values()) + padding
    left = 0
    for attempt in range(growths + 1):
        for _ in range(rounds):
            left = 0
            for a, b in _candidate_pairs(ids, positions, boxes, cell):
                if _push(a, b, positions, boxes, fixed, padding):
                    left += 1
            if left == 0:
                return 0
        if attempt < growths:
            for ident in positions:
                if ident not in fixed:
                    x, y = positions[ident]
                    positions[ident] = (x * growth, y * growth)
    return left


def _rect(ident: str, positions: Mapping[str, tuple[float, float]], boxes: Mapping[str, Box]) -> tuple[float, ...]:
    x, y = positions[ident]
    box = boxes[ident]
    return (x + box.left, y + box.top, x + box.right, y + box.bottom)


def _candidate_pairs(
    ids: list[str], positions: Mapping[str, tuple[float, float]], boxes: Mapping[str, Box], cell: float
) -> list[tuple[str, str]]:
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)
    for ident in ids:
        x0, y0, x1, y1 = _rect(ident, positions, boxes)
        for gx in range(math.floor(x0 / cell), math.floor(x1 / cell) + 1):
            for gy in range(math.floor(y0 / cell), math.floor(y1 / cell) + 1):
                grid[(gx, gy)].append(ident)
    pairs: set[tuple[str, str]] = set()
    for members in grid.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


def _push(
    a: str,
    b: str,
    positions: dict[str, tuple[float, float]],
    boxes: Mapping[str, Box],
    fixed: set[str],
    padding: float,
) -> bool:
    """Push a and b apart if their boxes overlap; True if they did."""
    ax0, ay0, ax1, ay1 = _rect(a, positions, boxes)
    bx0, by0, bx1, by1 = _rect(b, positions, boxes)
    ox = min(ax1, bx1) - max(ax0, bx0) + padding
    oy = min(ay1, by1) - max(ay0, by0) + padding
    if ox <= 0 or oy <= 0 or (a in fixed and b in fixed):
        return False
    (xa, ya), (xb, yb) = positions[a], positions[b]
    share_a = 0.0 if a in fixed else (1.0 if b in fixed else 0.5)
    share_b = 1.0 - share_a
    if ox < oy:
        sign = 1.0 if (ax0 + ax1, a) >= (bx0 + bx1, b) else -1.0
        positions[a] = (xa + sign * ox * share_a, ya)
        positions[b] = (xb - sign * ox * share_b, yb)
    else:
        sign = 1.0 if (ay0 + ay1, a) >= (by0 + by1, b) else -1.0
        positions[a] = (xa, ya + sign * oy * share_a)
        positions[b] = (xb, yb - sign * oy * share_b)
    return True
