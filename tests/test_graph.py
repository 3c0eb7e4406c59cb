"""The graph: typed, explained edges, and colleagues met through their organization."""

from __future__ import annotations

from datetime import date

import graphnet

TODAY = date(2026, 11, 25)


def test_edges_are_typed_and_remember_their_lines(write):
    folder = write(
        "net.yaml",
        """\
        me:
          name: Sam
        people:
          - name: Ada
            org: Globex
            strength: 4
            knows: [{id: bob, strength: 3}]
          - name: Bob
            strength: 0
            past_orgs: [{org: Globex, role: Analyst, from: 2019-01-01, to: 2023-06-30}]
            introduced_by: ada
        groups:
          - name: Runners
            members: [me, bob]
        introductions:
          - {date: 2026-03-01, by: ada, people: [me, bob], status: made}
        """,
    )
    net, problems = graphnet.load(folder, today=TODAY)
    assert problems == []
    graph = graphnet.build_graph(net)
    assert graph.nodes["me"]["kind"] == "me" and graph.nodes["globex"]["kind"] == "organization"
    assert graph.nodes["runners"]["kind"] == "group" and graph.nodes["ada"]["kind"] == "person"
    # Declared strength 4 gives a me-ada tie; strength 0 (not met) gives none, but the introduction does.
    assert graph.edges["me", "ada"]["kind"] == "tie" and graph.edges["me", "ada"]["strength"] == 4
    assert graph.edges["me", "bob"]["relations"] == ["introduction"]
    ada_bob = graph.edges["ada", "bob"]
    # Written under ada's knows (line 7) and inferred from bob's introduced_by: stated, so not inferred.
    assert ada_bob["relations"] == ["knows"] and ada_bob["strength"] == 3 and ada_bob["inferred"] is False
    assert ada_bob["sources"][0].endswith("net.yaml:7:13")
    assert graph.edges["bob", "globex"]["kind"] == "worked_at"
    assert graph.edges["bob", "globex"]["start"] == date(2019, 1, 1)
    assert graph.edges["ada", "globex"]["kind"] == "works_at"
    assert graph.edges["me", "runners"]["kind"] == "member_of"
    assert "email" not in graph.nodes["ada"] and "notes" not in graph.nodes["ada"]


def test_an_introducer_tie_alone_is_labelled_inferred(write):
    folder = write("p.yaml", "people:\n  - name: Ada\n  - name: Bob\n    introduced_by: ada\n")
    net, _ = graphnet.load(folder, today=TODAY)
    edge = graphnet.build_graph(net).edges["ada", "bob"]
    assert edge["inferred"] is True and edge["kind"] == "knows"


def test_colleagues_meet_through_the_organization_not_a_clique(write):
    people = "".join(f"  - {{id: p{i}, name: Person {i}, org: Initech}}\n" for i in range(500))
    folder = write("p.yaml", "people:\n" + people)
    net, problems = graphnet.load(folder, today=TODAY)
    assert problems == []
    graph = graphnet.build_graph(net)
    # 500 works_at edges + 500 me-person ties (default strength 2); a clique would add 124,750.
    assert graph.number_of_edges() == 1000
    assert graph.degree("initech") == 500


def test_unknown_references_are_skipped_not_invented(write):
    folder = write(
        "p.yaml", "people:\n  - name: Ada\n    knows: [ghost]\ngroups:\n  - {name: G, members: [ghost, ada]}\n"
    )
    net, problems = graphnet.load(folder, today=TODAY)
    assert len(problems) == 2
    graph = graphnet.build_graph(net)
    assert "ghost" not in graph
