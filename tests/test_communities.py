"""Clusters of my network without me, and their names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
from test_bridges import TWO_CLUSTERS  # tests/ is on sys.path (pytest's default import mode)

import graphnet
from graphnet.analyses.communities import communities, describe_cluster, structure

TODAY = date(2026, 11, 25)
SAMPLE = Path(__file__).resolve().parent.parent / "data"


def load(write, text: str):
    folder = write("net.yaml", text)
    net, problems = graphnet.load(folder, today=TODAY)
    assert [p for p in problems if p.is_error] == []
    return net


def test_two_clusters_without_me_and_their_names(write):
    net = load(write, TWO_CLUSTERS)
    found = communities(net, seed=1)
    assert "me" not in found
    # The alumni with Initech, the runners with the Harriers (Ada, between them, goes either way).
    alumni = {found[x] for x in ("initech", "ann", "bea", "cal", "dan", "hal")}
    runners = {found[x] for x in ("harriers", "rae", "sid", "tia", "uma")}
    assert len(alumni) == 1 and len(runners) == 1 and alumni != runners
    # Labels by decreasing size, ties broken by the smallest id. With Ada the alumni are 7 nodes
    # against 5; with the runners both are 6 and "ada" is the smallest id: her cluster is 0 either way.
    assert found["ada"] == 0 and alumni | runners == {0, 1}
    assert describe_cluster(net, ["harriers", "rae", "sid", "tia", "uma"]) == "your Harriers (running club)"
    # "work" is a circle most people here share, so the organization names the alumni.
    assert describe_cluster(net, ["initech", "ann", "bea", "cal", "dan", "hal"]) == "your former Initech colleagues"
    # Two people are named by what they share too, never listed by name; one person by their name.
    assert describe_cluster(net, ["ann", "bea"]) == "your former Initech colleagues"
    assert describe_cluster(net, ["rae"]) == "Rae"


# Eleven people: eight colleagues at Acme (work circle), a dentist, a cousin and a neighbour in
# the same cluster. Acme covers 8 of 11 (73%, between half and four fifths): "mostly", with the
# count, so the three others are not hidden behind "your colleagues at Acme".
# The second set: 4 at Acme, 3 runners, 2 others (9 people): no trait covers half, so "mixed:"
# with the two most shared traits. Ranking key share x specificity x rarity: Acme 4 x 1 x (1 - 8/17)
# = 2.1, running 3 x 0.8 x (1 - 3/17) = 1.98, work 8 x 0.8 x (1 - 8/17) but only 4 of the 9 have it:
# 4 x 0.8 x 0.53 = 1.69, third.
NAMING = """\
me: {name: Sam}
organizations:
  - name: Acme
people:
  - {name: A1, org: Acme, circles: work}
  - {name: A2, org: Acme, circles: work}
  - {name: A3, org: Acme, circles: work}
  - {name: A4, org: Acme, circles: work}
  - {name: A5, org: Acme, circles: work}
  - {name: A6, org: Acme, circles: work}
  - {name: A7, org: Acme, circles: work}
  - {name: A8, org: Acme, circles: work}
  - {name: Dentist, circles: services}
  - {name: Cousin, circles: family}
  - {name: Neighbour}
  - {name: R1, circles: running}
  - {name: R2, circles: running}
  - {name: R3, circles: running}
  - {name: O1}
  - {name: O2}
  - {name: O3}
"""


def test_cluster_names_say_mostly_with_counts_and_mixed_without_names(write):
    net = load(write, NAMING)
    eleven = [f"a{i}" for i in range(1, 9)] + ["dentist", "cousin", "neighbour"]
    assert describe_cluster(net, eleven) == "mostly your colleagues at Acme (8 of 11)"
    nine = ["a1", "a2", "a3", "a4", "r1", "r2", "r3", "o1", "o2"]
    name = describe_cluster(net, nine)
    assert name == "mixed: your colleagues at Acme (4 of 9) and your running circle (3 of 9)"
    # No person's name appears in a cluster's name.
    assert not any(net.people[p].name in name for p in nine)
    assert (
        describe_cluster(net, ["o1", "o2", "o3"])
        == "3 people with no organization, group, circle or location on record"
    )


# Six cliques of five people, each clique a ring neighbour of the next through one `knows` tie.
# Modularity is highest with one cluster per clique, and both Louvain implementations find it.
def _ring_of_cliques() -> str:
    lines = ["me:", "  name: Sam", "  louvain_max_nodes: 0", "people:"]
    for c in range(6):
        for i in range(5):
            others = [f"c{c}p{j}" for j in range(i + 1, 5)]
            if i == 4:
                others.append(f"c{(c + 1) % 6}p0")
            lines.append(f"  - {{id: c{c}p{i}, name: C{c} P{i}, knows: [{', '.join(others)}]}}")
    return "\n".join(lines) + "\n"


def test_both_louvains_find_the_cliques_and_are_deterministic(write):
    net = load(write, _ring_of_cliques())
    assert net.me.settings.louvain_max_nodes == 0  # the array-based Louvain
    fast = communities(net, seed=7)
    assert fast == communities(net, seed=7)
    exact = communities(net, seed=7, louvain_max_nodes=10_000)  # NetworkX's Louvain
    for found in (fast, exact):
        for c in range(6):
            assert len({found[f"c{c}p{i}"] for i in range(5)}) == 1
        assert len(set(found.values())) == 6


def test_fast_louvain_reaches_networkx_modularity():
    # A planted partition: 8 groups of 12, dense inside, sparse between.
    graph = nx.planted_partition_graph(8, 12, 0.5, 0.02, seed=3)
    labelled = nx.Graph()
    labelled.add_nodes_from((f"n{i:03d}", {"kind": "person"}) for i in graph)
    labelled.add_edges_from((f"n{a:03d}", f"n{b:03d}") for a, b in graph.edges())
    plain = labelled.copy()
    fast = communities(labelled, seed=1, louvain_max_nodes=0)
    reference = nx.community.louvain_communities(plain, seed=1)
    groups: dict[int, set[str]] = {}
    for node, label in fast.items():
        groups.setdefault(label, set()).add(node)
    q_fast = nx.community.modularity(plain, list(groups.values()))
    q_reference = nx.community.modularity(plain, reference)
    assert q_fast >= q_reference - 0.01


def test_structure_from_network_matches_the_graph_without_me():
    net, _ = graphnet.load(SAMPLE, today=TODAY)
    direct = structure(net)
    via_graph = structure(graphnet.build_graph(net))
    assert direct.ids == via_graph.ids and direct.adj == via_graph.adj and direct.mine == via_graph.mine
    assert "me" not in direct.index


def test_sample_clusters_read_sensibly():
    net, _ = graphnet.load(SAMPLE, today=TODAY)
    found = communities(net)
    groups: dict[int, list[str]] = {}
    for node, label in found.items():
        groups.setdefault(label, []).append(node)
    names = {describe_cluster(net, members) for members in groups.values()}
    assert any("Millbrook Harriers" in n for n in names)
    assert any("Quanta Retail" in n for n in names)
