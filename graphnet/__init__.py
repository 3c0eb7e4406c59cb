"""graphnet: your professional network as plain text, with real answers.

>>> import graphnet
>>> net, problems = graphnet.load("data")          # doctest: +SKIP
>>> graph = graphnet.build_graph(net)              # doctest: +SKIP
"""

from __future__ import annotations

from .errors import GraphnetError, Problem, did_you_mean
from .graph import build_graph
from .loader import load
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

__version__ = "0.1.0"

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
    "build_graph",
    "did_you_mean",
    "load",
]
