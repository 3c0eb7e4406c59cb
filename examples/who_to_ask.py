"""Use graphnet from Python: load the sample network and look around it.

Run from the repository root:  python examples/who_to_ask.py [DATA_FOLDER]
"""

from __future__ import annotations

import sys
from datetime import date

import graphnet
from graphnet.analyses.stats import summary

folder = sys.argv[1] if len(sys.argv) > 1 else "data"
today = date(2026, 11, 25)

net, problems = graphnet.load(folder, today=today)
for problem in problems:
    print(problem, file=sys.stderr)
if any(p.is_error for p in problems):
    sys.exit(1)

graph = graphnet.build_graph(net)
print(f"{net.me.name}'s network: {len(net.people)} people, {graph.number_of_edges()} ties and memberships")
print(f"targets: {', '.join(net.name_of(t) for t in net.me.targets) or 'none yet'}")

facts = summary(net, today)
print(f"active in the last 90 days: {facts.active[90]} of {facts.ties}")
for warning in facts.warnings:
    print(f"warning: {warning}")

# Who is at each target organization today, and who used to be?
for target in net.me.targets:
    insiders = [p.name for p in net.people.values() if p.org == target]
    alumni = [p.name for p in net.people.values() if any(j.org == target for j in p.past_orgs)]
    print(f"{net.name_of(target)}: {len(insiders)} insider(s), {len(alumni)} former employee(s)")

# The analyses (warm paths, brokers, weak ties, reach-outs) take the network first:
warm_paths = getattr(graphnet, "warm_paths", None)
if warm_paths is not None and net.me.targets:
    result = warm_paths(net, net.me.targets[0], today=today, top=3)
    for path in result.paths:
        print(f"{path.score:.0%}  " + " -> ".join(net.name_of(p) for p in path.people))
