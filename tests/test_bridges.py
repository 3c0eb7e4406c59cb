"""Brokers and bridge ties, on small networks whose answers are derived by hand."""

from __future__ import annotations

import json
import random
from datetime import date

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner

import graphnet
from graphnet.analyses.bridges import _dfs, _span, brokers, burt_measures, cluster_betweenness
from graphnet.analyses.communities import structure
from graphnet.cli import cli

TODAY = date(2026, 11, 25)

# Two clusters that meet only in Ada:
#   Initech alumni Ann, Bea, Cal, Dan (a ring of `knows`, all worked at Initech) and Hal,
#   who knows all four (busy, but inside one cluster);
#   the Harriers running club Rae, Sid, Tia, Uma (a ring of `knows`, all members, me too).
#   Ada worked at Initech and runs with the Harriers: the sole link.
# Without me: {initech, ann, bea, cal, dan, hal} - ada - {harriers, rae, sid, tia, uma}.
# Every shortest route between an alumnus and a runner is  x .. initech - ada - harriers .. y,
# so Ada is on all 5 x 4 = 20 cross pairs that do not involve her; the cross pairs that
# involve her (with the 4 or 5 people of the other cluster) do not count for her.
# Her share is 20 / (20 + 4) = 0.833 if Louvain puts her with the alumni, 20 / 25 = 0.8 if with the
# runners; nobody else lies on any shortest cross-cluster route (the routes run through the
# organization and group nodes, which are never brokers): Ada is the top broker.
TWO_CLUSTERS = """\
me:
  name: Sam
organizations:
  - name: Initech
groups:
  - name: Harriers
    kind: running club
    members: [me, rae, sid, tia, uma, ada]
people:
  - {name: Ann, circles: work, past_orgs: [Initech], knows: [bea]}
  - {name: Bea, circles: work, past_orgs: [Initech], knows: [cal]}
  - {name: Cal, circles: work, past_orgs: [Initech], knows: [dan]}
  - {name: Dan, circles: work, past_orgs: [Initech], knows: [ann]}
  - {name: Hal, circles: work, past_orgs: [Initech], strength: 4, knows: [ann, bea, cal, dan]}
  - {name: Rae, circles: running, knows: [sid]}
  - {name: Sid, circles: running, knows: [tia]}
  - {name: Tia, circles: running, knows: [uma]}
  - {name: Uma, circles: running, knows: [rae]}
  - {name: Ada, circles: [work, running], past_orgs: [Initech], strength: 1}
"""


def load(write, text: str = TWO_CLUSTERS):
    folder = write("net.yaml", text)
    net, problems = graphnet.load(folder, today=TODAY)
    assert [p for p in problems if p.is_error] == []
    return folder, net


def test_the_sole_link_between_two_clusters_is_the_top_broker(write):
    _folder, net = load(write)
    result = brokers(net, today=TODAY)
    top = result.brokers[0]
    assert top.id == "ada"
    assert top.score == pytest.approx(20 / 24) or top.score == pytest.approx(20 / 25)
    assert top.articulation and top.cut_off in (4, 5)  # the smaller side: 4 runners or 5 alumni
    assert "the only link between" in top.why
    assert set(top.connects) == {"your Harriers (running club)", "your former Initech colleagues"}
    # Everyone else lies on no shortest cross-cluster route; organizations and groups are never brokers.
    assert all(b.score == 0 for b in result.brokers[1:])
    assert {b.id for b in result.brokers} <= set(net.people)
    assert result.clusters == 2 and result.betweenness_method == "exact"


def test_burt_measures_of_the_broker(write):
    _folder, net = load(write)
    ada = brokers(net).brokers[0]
    # Ada's contacts without me: Initech and the Harriers, not tied to each other:
    # effective size 2 - 2*0/2 = 2; constraint (1/2)^2 + (1/2)^2 = 0.5.
    assert ada.effective_size == pytest.approx(2.0)
    assert ada.constraint == pytest.approx(0.5)


# A book club (P1-P3) and a chess club (Q1-Q3), each a triangle of `knows`, joined by the tie P1-Q1.
# With it alone, P1-Q1 is a bridge that cuts 3 people off, and Q3-R is a pendant tie (R is
# alone behind it) that bridges nothing.
CLUBS = """\
me:
  name: Sam
groups:
  - {name: Book club, members: [me, p1, p2, p3]}
  - {name: Chess club, members: [q1, q2, q3]}
people:
  - {name: P1, knows: [p2, p3, q1]}
  - {name: P2, knows: [p3]}
  - {name: P3}
  - {name: Q1, knows: [q2, q3]}
  - {name: Q2, knows: [q3]}
  - {name: Q3, knows: [r]}
  - {name: R}
"""


def test_a_bridge_tie_has_no_span_and_pendant_ties_are_left_out(write):
    _folder, net = load(write, CLUBS)
    ties = brokers(net).bridge_ties
    assert [t.between for t in ties] == [("p1", "q1")]
    assert ties[0].span is None and ties[0].people_cut_off == 3
    assert "the only tie linking" in ties[0].why


# Add a second, longer route P3 - S - Q3. P1-Q1 is no longer a bridge, but P1 and Q1 still share
# no contact (P1: P2, P3, book club; Q1: Q2, Q3, chess club): a local bridge. Its span, the
# shortest route without it: P1 - P3 - S - Q3 - Q1 = 4 steps.
CLUBS_TWO_ROUTES = CLUBS.replace("  - {name: R}\n", "  - {name: R}\n  - {name: S, knows: [p3, q3]}\n")


def test_a_local_bridge_reports_its_span(write):
    _folder, net = load(write, CLUBS_TWO_ROUTES)
    ties = {t.between: t for t in brokers(net).bridge_ties}
    assert ties[("p1", "q1")].span == 4
    assert "local bridge" in ties[("p1", "q1")].why
    assert all(t.span is not None and t.kind == "local bridge" for t in ties.values())
    assert ties[("p1", "q1")].to_dict(net) == {
        "between": ["p1", "q1"],
        "span": 4,
        "why": ties[("p1", "q1")].why,
        "kind": "local bridge",
        "met": True,
        "action": "Keep in touch with P1 and Q1: their tie is where the two sides meet",
        # Nobody here is a close tie (all strength 2), so K is my book club and its members: Q1's
        # side (Q1 himself, Q2, Q3; the chess club with S: "mostly", 3 of its 4 people) is new.
        "opens": ["mostly members of Chess club (3 of 4)", "Q1", "Q2", "Q3"],
    }


# I introduce P2 to Q2 in January 2027. Until then P1-Q1 is a bridge; from then on P1 - P2 - Q2 - Q1
# is a second route, so P1-Q1 is a local bridge of span 3 (P1 and Q1 still share no contact).
CLUBS_LATER_INTRODUCTION = (
    CLUBS
    + """\
introductions:
  - {date: 2027-01-10, by: me, people: [p2, q2], status: made}
"""
)


def test_today_decides_whether_a_dated_introduction_counts(write):
    _folder, net = load(write, CLUBS_LATER_INTRODUCTION)
    before = brokers(net, today=TODAY).bridge_ties
    assert [(t.between, t.span) for t in before] == [(("p1", "q1"), None)]
    after = {t.between: t.span for t in brokers(net, today=date(2027, 2, 1)).bridge_ties}
    assert after[("p1", "q1")] == 3


def test_json_shape_and_cli(write):
    folder, _net = load(write)
    runner = CliRunner()
    result = runner.invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "bridges", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert set(answer) >= {"brokers", "bridge_ties"}
    broker = answer["brokers"][0]
    assert set(broker) >= {"id", "score", "connects", "why"} and broker["id"] == "ada"
    assert isinstance(broker["score"], float) and isinstance(broker["connects"], list)
    for tie in answer["bridge_ties"]:
        assert set(tie) >= {"between", "span", "why"} and len(tie["between"]) == 2
        assert tie["kind"] == ("bridge" if tie["span"] is None else "local bridge")
    human = runner.invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "bridges", "--top", "3"])
    assert human.exit_code == 0
    assert "1. Ada (ada)" in human.output and "the only link between" in human.output


def test_same_seed_same_answer_even_when_sampled(write):
    # Force sampling (2 nodes is "large") and the array-based Louvain; the answer is still reproducible.
    text = TWO_CLUSTERS.replace(
        "  name: Sam\n",
        "  name: Sam\n  exact_betweenness_max_nodes: 2\n  betweenness_samples: 5\n  louvain_max_nodes: 2\n",
    )
    _folder, net = load(write, text)
    first = brokers(net).to_dict()
    assert first == brokers(net).to_dict()
    assert first["betweenness"].startswith("estimated from 5 sampled people (seed 42)")


def test_the_api_is_exported(write):
    _folder, net = load(write)
    assert graphnet.brokers(net).brokers[0].id == "ada"


# --- the algorithms against NetworkX and brute force on random graphs -----------------------------


def _random_structure(seed: int):
    rng = random.Random(seed)
    graph = nx.gnm_random_graph(rng.randint(5, 30), rng.randint(4, 60), seed=seed)
    labelled = nx.Graph()
    for node in graph:
        labelled.add_node(f"n{node:02d}", kind="person" if rng.random() < 0.7 else "organization")
    labelled.add_edges_from((f"n{a:02d}", f"n{b:02d}") for a, b in graph.edges())
    s = structure(labelled)
    plain = nx.Graph()
    plain.add_nodes_from(range(s.n))
    plain.add_edges_from((i, j) for i, a in enumerate(s.adj) for j in a)
    return s, plain, rng


@pytest.mark.parametrize("seed", range(12))
def test_cluster_betweenness_matches_brute_force(seed):
    s, plain, rng = _random_structure(seed)
    labels = [rng.randint(0, 2) for _ in range(s.n)]
    total, pairs = cluster_betweenness(s, labels)
    people = [i for i in range(s.n) if s.kinds[i] == "person"]
    one_cluster = len({labels[i] for i in people}) <= 1
    expected = np.zeros(s.n)
    counted = 0
    for a in people:
        for b in people:
            if a == b or (labels[a] == labels[b] and not one_cluster) or not nx.has_path(plain, a, b):
                continue
            counted += 1
            routes = list(nx.all_shortest_paths(plain, a, b))
            for route in routes:
                for x in route[1:-1]:
                    expected[x] += 1 / len(routes)
    assert pairs == counted
    assert np.allclose(total, expected)


@pytest.mark.parametrize("seed", range(12))
def test_burt_dfs_and_span_match_networkx(seed):
    s, plain, _rng = _random_structure(seed)
    adjsets = [set(a) for a in s.adj]
    size, constraint = nx.effective_size(plain), nx.constraint(plain)
    for v in range(s.n):
        measured = burt_measures(s, v, adjsets)
        if measured is not None:
            assert measured[0] == pytest.approx(size[v]) and measured[1] == pytest.approx(constraint[v])
    found = _dfs(s.adj)
    assert set(found.cuts) == set(nx.articulation_points(plain))
    assert {tuple(sorted(e)) for e in found.bridges} == {tuple(sorted(e)) for e in nx.bridges(plain)}
    for a, b in plain.edges():
        without = plain.copy()
        without.remove_edge(a, b)
        expected = nx.shortest_path_length(without, a, b) if nx.has_path(without, a, b) else None
        assert _span(adjsets, a, b) == expected


# The two clusters again, but I have never met Ada (strength 0); Hal (close, strength 4) knows her.
# Ada is still the only link, but by default only people I have met are listed: she is left out,
# and with include_unmet she comes first, flagged, with Hal to meet her through.
ADA_UNMET = TWO_CLUSTERS.replace(
    "  - {name: Ada, circles: [work, running], past_orgs: [Initech], strength: 1}\n",
    "  - {name: Ada, circles: [work, running], past_orgs: [Initech], strength: 0, knows: [hal]}\n",
)


def test_an_unmet_broker_is_left_out_by_default_and_flagged_when_included(write):
    folder, net = load(write, ADA_UNMET)
    assert "ada" not in {b.id for b in brokers(net, today=TODAY).brokers}
    included = brokers(net, today=TODAY, include_unmet=True).brokers
    assert included[0].id == "ada" and not included[0].met
    assert included[0].action == "Ask Hal to introduce you to Ada"
    runner = CliRunner()
    base = ["--data", str(folder), "--today", "2026-11-25", "bridges"]
    answer = json.loads(runner.invoke(cli, [*base, "--include-unmet", "--json"]).output)
    assert answer["brokers"][0]["id"] == "ada" and answer["brokers"][0]["met"] is False
    assert all(b["met"] is True for b in answer["brokers"][1:])
    text = runner.invoke(cli, [*base, "--include-unmet"]).output
    assert "not met yet: meet them through Hal (close)" in text
    assert "Ada" not in runner.invoke(cli, base).output


def test_every_broker_has_an_action_and_what_it_opens_and_jargon_waits_for_verbose(write):
    folder, _net = load(write)
    runner = CliRunner()
    base = ["--data", str(folder), "--today", "2026-11-25", "bridges"]
    answer = json.loads(runner.invoke(cli, [*base, "--json"]).output)
    for broker in answer["brokers"]:
        assert broker["action"] and isinstance(broker["opens"], list)
        assert set(broker["measures"]) >= {"effective_size", "constraint"}
    # Ada (met once) reaches the runners, whom my close tie Hal does not: the Harriers' cluster is
    # reached already through my own membership, so she opens no new cluster, and the runners are
    # in K (members of my group): nothing new, she is the link to keep.
    ada = answer["brokers"][0]
    assert ada["id"] == "ada" and ada["action"].startswith("Keep in touch with Ada")
    plain = runner.invoke(cli, base).output
    for jargon in ("constraint", "effective size", "span", "articulation", "betweenness"):
        assert jargon not in plain
    verbose = " ".join(runner.invoke(cli, [*base, "--verbose"]).output.split())
    assert "constraint 0.50" in verbose and "effective size 2.0 of 2 contacts" in verbose


# P1 is now a close tie (strength 4) and the only link to the chess club. Measured against all my
# close ties P1 would open nothing (her own neighbours are in K by definition); measured against my
# *other* close ties and groups (here only the book club: P1, P2, P3 and the club), she opens Q1,
# whom only she reaches: Q1 is not met (strength 0), so the action asks her for an introduction.
# (Q2, Q3 and the chess club are two steps behind Q1: not P1's to open.)
CLOSE_BROKER = CLUBS.replace(
    "  - {name: P1, knows: [p2, p3, q1]}\n", "  - {name: P1, strength: 4, knows: [p2, p3, q1]}\n"
).replace("  - {name: Q1, knows: [q2, q3]}\n", "  - {name: Q1, strength: 0, knows: [q2, q3]}\n")


def test_a_close_tie_broker_opens_what_only_she_brings(write):
    _folder, net = load(write, CLOSE_BROKER)
    p1 = next(b for b in brokers(net, today=TODAY).brokers if b.id == "p1")
    assert p1.opens.people == ["q1"] and p1.opens.people_count == 1
    assert p1.action == "Ask P1 to introduce you to Q1"
    pending = CLOSE_BROKER + "introductions:\n  - {date: 2026-11-01, by: p1, people: [me, q1], status: requested}\n"
    _folder, net = load(write, pending)
    p1 = next(b for b in brokers(net, today=TODAY).brokers if b.id == "p1")
    assert p1.action == "Follow up with P1 about the introduction to Q1 you asked for on 2026-11-01"
