"""graphnet: your professional network as plain text, with real answers.

>>> import graphnet
>>> net, problems = graphnet.load("data")                  # doctest: +SKIP
>>> result = graphnet.warm_paths(net, "Northwind", top=3)  # doctest: +SKIP

Names are imported on first use (PEP 562), so that ``import graphnet`` and the
command line stay fast when an answer comes from the cache: NetworkX is loaded
only when a graph is needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .analyses.communities import communities
from .analyses.reach_outs import reach_outs
from .analyses.weak_ties import weak_ties
from .errors import GraphnetError, Problem, did_you_mean
from .files.loader import load
from .model import (
    ME,
    Favor,
    Group,
    Interaction,
    Introduction,
    Job,
    Me,
    Network,
    Organization,
    Person,
    Settings,
    Source,
    Tie,
)

# ``communities``, ``reach_outs`` and ``weak_ties`` share their module's name, so they are imported
# eagerly (these modules load without NetworkX): once a submodule is imported, Python sets the
# package attribute of that name to the module, and a lazy name would stay shadowed by it.

__version__ = "0.1.0"

#: Public names that live in modules needing NetworkX, and the module of each.
_LAZY = {
    "build_graph": "analyses.graph",
    "weighted_graph": "analyses.strength",
    "tie_weight": "analyses.strength",
    "warm_paths": "analyses.warm_paths",
    "brokers": "analyses.bridges",
}

if TYPE_CHECKING:
    from .analyses.bridges import brokers
    from .analyses.graph import build_graph
    from .analyses.strength import tie_weight, weighted_graph
    from .analyses.warm_paths import warm_paths


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'graphnet' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ME",
    "Favor",
    "GraphnetError",
    "Group",
    "Interaction",
    "Introduction",
    "Job",
    "Me",
    "Network",
    "Organization",
    "Person",
    "Problem",
    "Settings",
    "Source",
    "Tie",
    "__version__",
    "brokers",
    "build_graph",
    "communities",
    "did_you_mean",
    "load",
    "reach_outs",
    "tie_weight",
    "warm_paths",
    "weak_ties",
    "weighted_graph",
]
