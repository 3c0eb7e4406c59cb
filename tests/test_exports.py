"""Exports: every format is read back by the tool it is meant for (networkx, json, csv)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import graphnet
from graphnet.cli import cli
from graphnet.errors import GraphnetError
from graphnet.io.exports import csv_paths, export, export_graph

TODAY = date(2026, 11, 25)

NETWORK = """\
me:
  name: Sam Rivera

organizations:
  - id: acme
    name: Acme Corp
    aliases: [ACME]
    industry: software
    notes: private note about Acme

groups:
  - id: harriers
    name: Millbrook Harriers
    kind: running club
    members: [me, ada]

people:
  - id: ada
    name: "Ada \\"The Countess\\" Lovelace"
    org: acme
    role: "NO"
    circles: [work, running]
    tags: ["0123", "a;b"]
    strength: 4
    met: 2024-03-12
    last_contact: 2026-11-01
    knows:
      - id: grace
        strength: 3
        since: 2020-01-01
    email: ada@example.com
    phone: "+44 20 7946 0001"
    url: https://www.linkedin.com/in/ada
    notes: "Likes <xml> & \\x01 control chars"
  - id: grace
    name: Grace Hopper
    strength: 2
    past_orgs:
      - org: acme
        role: Engineer
        from: 2015-01-01
        to: 2019-12-31
  - id: zoe
    name: Zoë 🚀
    strength: 0
    introduced_by: ada

interactions:
  - date: 2026-11-01
    with: ada
    kind: coffee
"""


@pytest.fixture
def net(write) -> graphnet.Network:
    folder = write("network.yaml", NETWORK, dedent=False)
    network, problems = graphnet.load(folder, today=TODAY, use_cache=False)
    assert not [p for p in problems if p.is_error], [str(p) for p in problems]
    return network


def test_the_export_graph_carries_weights_kinds_and_no_private_fields(net):
    graph = export_graph(net, today=TODAY)
    assert graph.nodes["ada"]["kind"] == "person"
    assert "email" not in graph.nodes["ada"] and "notes" not in graph.nodes["acme"]
    tie = graph.edges["me", "ada"]
    assert tie["kind"] == "tie" and 0 < tie["weight"] <= 1
    assert graph.edges["ada", "grace"]["kind"] == "knows"
    assert graph.edges["grace", "acme"]["kind"] == "worked_at"
    private = export_graph(net, today=TODAY, include_private=True)
    assert private.nodes["ada"]["email"] == "ada@example.com"
    assert private.nodes["acme"]["notes"] == "private note about Acme"


def test_graphml_is_read_back_by_networkx(net, tmp_path):
    out = tmp_path / "network.graphml"
    assert export(net, "graphml", out, today=TODAY) == [out]
    graph = nx.read_graphml(out)
    source = export_graph(net, today=TODAY)
    assert set(graph.nodes) == set(source.nodes)
    assert {frozenset(e) for e in graph.edges} == {frozenset(e) for e in source.edges}
    ada = graph.nodes["ada"]
    assert ada["name"] == 'Ada "The Countess" Lovelace' and ada["label"] == ada["name"]
    assert ada["role"] == "NO" and ada["met"] == "2024-03-12" and ada["strength"] == 4
    assert json.loads(ada["tags"]) == ["0123", "a;b"]
    assert "email" not in ada
    tie = graph.edges["me", "ada"]
    assert tie["kind"] == "tie" and isinstance(tie["weight"], float)
    assert tie["weight"] == pytest.approx(source.edges["me", "ada"]["weight"])
    assert json.loads(tie["relations"]) == ["tie"]
    job = graph.edges["grace", "acme"]
    assert (job["start"], job["end"], job["role"]) == ("2015-01-01", "2019-12-31", "Engineer")
    assert graph.nodes["acme"]["declared"] is True


def test_graphml_with_private_fields_stays_valid_xml(net, tmp_path):
    out = tmp_path / "network.graphml"
    export(net, "graphml", out, today=TODAY, include_private=True)
    graph = nx.read_graphml(out)
    assert graph.nodes["ada"]["email"] == "ada@example.com"
    assert graph.nodes["ada"]["notes"] == "Likes <xml> & \ufffd control chars"  # XML 1.0 cannot hold U+0001


def test_gexf_is_read_back_by_networkx(net, tmp_path):
    out = tmp_path / "network.gexf"
    export(net, "gexf", out, today=TODAY)
    graph = nx.read_gexf(out)
    assert set(graph.nodes) == set(export_graph(net, today=TODAY).nodes)
    assert graph.nodes["zoe"]["label"] == "Zoë 🚀"
    tie = graph.edges["me", "ada"]
    assert tie["kind"] == "tie" and 0 < tie["weight"] <= 1
    job = graph.edges["grace", "acme"]
    assert (job["job_start"], job["job_end"]) == ("2015-01-01", "2019-12-31")  # not GEXF time spans
    assert "email" not in graph.nodes["ada"]


def test_json_is_node_link_data(net, tmp_path):
    out = tmp_path / "network.json"
    export(net, "json", out, today=TODAY, include_private=True)
    data = json.loads(out.read_text(encoding="utf-8"))
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.nodes["ada"]["tags"] == ["0123", "a;b"]
    assert graph.nodes["ada"]["met"] == "2024-03-12"
    assert graph.nodes["ada"]["email"] == "ada@example.com"
    assert graph.nodes["grace"]["email"] is None
    assert graph.edges["ada", "grace"]["kind"] == "knows"
    assert data["graph"]["today"] == "2026-11-25"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_follows_neo4j_admin_import(net, tmp_path):
    written = export(net, "csv", tmp_path / "neo4j", today=TODAY)
    assert written == [tmp_path / "neo4j" / "nodes.csv", tmp_path / "neo4j" / "relationships.csv"]
    nodes = {row["id:ID"]: row for row in read_csv(written[0])}
    assert nodes["me"][":LABEL"] == "Me" and nodes["acme"][":LABEL"] == "Organization"
    assert nodes["ada"][":LABEL"] == "Person" and nodes["harriers"][":LABEL"] == "Group"
    assert nodes["ada"]["strength:long"] == "4" and nodes["ada"]["met:date"] == "2024-03-12"
    assert nodes["ada"]["circles:string[]"] == "work;running"
    assert "email" not in next(iter(nodes.values()))
    relationships = read_csv(written[1])
    header = list(relationships[0])
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "weight:double" in header
    by_pair = {(r[":START_ID"], r[":END_ID"]): r for r in relationships}
    assert by_pair["me", "ada"][":TYPE"] == "TIE"
    assert by_pair["ada", "acme"][":TYPE"] == "WORKS_AT"  # person -> organization
    assert by_pair["me", "harriers"][":TYPE"] == "MEMBER_OF"
    assert 0 < float(by_pair["me", "ada"]["weight:double"]) <= 1


def test_csv_next_to_a_file_name(net, tmp_path):
    assert csv_paths(tmp_path / "graph.csv") == (tmp_path / "graph-nodes.csv", tmp_path / "graph-relationships.csv")
    written = export(net, "csv", tmp_path / "graph.csv", today=TODAY, include_private=True)
    assert all(p.is_file() for p in written)
    nodes = {row["id:ID"]: row for row in read_csv(written[0])}
    assert nodes["ada"]["email"] == "ada@example.com"


def test_export_replaces_a_file_atomically_and_leaves_no_temporary_file(net, tmp_path):
    out = tmp_path / "network.json"
    export(net, "json", out, today=TODAY)
    out.chmod(0o640)
    export(net, "json", out, today=TODAY)
    assert json.loads(out.read_text())["nodes"]
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net", "network.json"]


def test_export_to_a_stream_and_bad_requests(net, tmp_path):
    stream = io.StringIO()
    assert export(net, "graphml", stream, today=TODAY) == []
    assert stream.getvalue().startswith("<?xml")
    with pytest.raises(GraphnetError, match="writes two files"):
        export(net, "csv", io.StringIO(), today=TODAY)
    with pytest.raises(GraphnetError, match="is a folder"):
        export(net, "gexf", tmp_path, today=TODAY)
    with pytest.raises(GraphnetError, match="unknown export format"):
        export(net, "dot", tmp_path / "x.dot", today=TODAY)


def run(folder: Path, *args: str):
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", *args])


def test_cli_export(write, tmp_path):
    folder = write("network.yaml", NETWORK, dedent=False)
    result = run(folder, "export", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {n["id"] for n in data["nodes"]} >= {"me", "ada", "acme", "harriers"}
    assert "ada@example.com" not in result.stdout
    result = run(folder, "export", "--format", "json", "--include-private")
    assert "ada@example.com" in result.stdout
    out = tmp_path / "n.graphml"
    result = run(folder, "export", "--format", "graphml", "-o", str(out))
    assert result.exit_code == 0 and out.is_file() and result.stdout.strip().endswith("n.graphml")
    result = run(folder, "export", "--format", "csv")
    assert result.exit_code == 2 and "writes two files" in result.stderr
    result = run(folder, "export", "--format", "pdf")
    assert result.exit_code == 2


def test_model_objects_on_the_graph_are_left_out_not_written(net, monkeypatch, tmp_path):
    import graphnet.analyses.strength as strength

    original = strength.weighted_graph

    def with_objects(network, today=None, **options):
        graph = original(network, today, **options)
        for node in graph.nodes:
            graph.nodes[node]["model"] = object()
        return graph

    monkeypatch.setattr(strength, "weighted_graph", with_objects)
    graph = export_graph(net, today=TODAY)
    assert all("model" not in data for _, data in graph.nodes(data=True))
    export(net, "gexf", tmp_path / "n.gexf", today=TODAY)
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_nodes() == graph.number_of_nodes()
