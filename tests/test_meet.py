"""Whom to meet next, on small networks whose answers are derived by hand."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.analyses.meet import meet
from graphnet.cli import cli

TODAY = date(2026, 11, 25)

# My ties: Ada (4), Bob (3), Cat (2), Dan (1). People I have not met (strength 0):
#   Vic at Acme (my target), known by Ada and Bob: two mutual contacts;
#   Wes, known by Cat only: one mutual contact;
#   Xia, known by Ada only: one mutual contact;
#   Zed, known by Xia only: three hops away, never a candidate.
# Dan (met once) knows Ada: someone I have met is never a candidate, nor am I.
#
# Degrees on the social ties, me included: me 4 (Ada, Bob, Cat, Dan), Ada 4 (me, Vic, Xia, Dan),
# Bob 2 (me, Vic), Cat 2 (me, Wes).
# Resource allocation RA(me, c) = sum over mutual contacts of 1 / degree:
#   Vic 1/4 + 1/2 = 0.75, Wes 1/2 = 0.5, Xia 1/4 = 0.25; scaled by the best: 1, 2/3, 1/3.
# Inverted U on mutual contacts (peak 3): u(2) = 0.75 e^0.25 = 0.9630, u(1) = 0.5 e^0.5 = 0.8244.
# Goal: Vic is at Acme, a target: 1; the others 0.
# New cluster: Cat and Wes (with Globex) are a part of the network apart from the rest; my close
# ties Ada and Bob (above weak_tie_max_strength 2) are in the other part, so only Wes's cluster is new.
# Default shares 1, 1, 1, 0.5 (sum 3.5):
#   Vic (1 + 0.9630 + 1 + 0) / 3.5      = 0.8466
#   Wes (2/3 + 0.8244 + 0 + 0.5) / 3.5  = 0.5688
#   Xia (1/3 + 0.8244 + 0 + 0) / 3.5    = 0.3308
# So Vic (two mutual contacts, at the target) ranks above Wes (one mutual, elsewhere), even though
# Wes opens a new cluster; Xia last.
NETWORK = """\
me:
  name: Sam
  targets: [Acme]
organizations:
  - name: Acme
  - name: Globex
people:
  - name: Ada
    strength: 4
    knows:
      - {id: vic, strength: 4, note: PhD lab mates}
      - xia
  - {name: Bob, strength: 3, knows: [{id: vic, note: coached Vic's rowing team}]}
  - {name: Cat, strength: 2, knows: [wes]}
  - {name: Dan, strength: 1, knows: [ada]}
  - {name: Vic, strength: 0, org: Acme, role: Engineering Manager}
  - {name: Wes, strength: 0, org: Globex}
  - {name: Xia, strength: 0, role: VP of Product, knows: [zed]}
  - {name: Zed, strength: 0}
"""

U1 = 0.5 * math.exp(0.5)
U2 = 0.75 * math.exp(0.25)


def load(write, text: str = NETWORK):
    folder = write("net.yaml", text)
    net, problems = graphnet.load(folder, today=TODAY)
    assert [p for p in problems if p.is_error] == []
    return folder, net


def test_two_mutuals_at_a_target_rank_above_one_mutual_elsewhere(write):
    _folder, net = load(write)
    result = meet(net, today=TODAY)
    assert [s.id for s in result.suggestions] == ["vic", "wes", "xia"]
    assert result.candidates == 3
    vic, wes, xia = result.suggestions
    assert vic.score == pytest.approx((1 + U2 + 1) / 3.5)
    assert wes.score == pytest.approx((2 / 3 + U1 + 0.5) / 3.5)
    assert xia.score == pytest.approx((1 / 3 + U1) / 3.5)
    assert vic.parts["new_cluster"] == 0 and wes.parts["new_cluster"] == 1
    assert vic.mutual[0] == "ada" and set(vic.mutual) == {"ada", "bob"}
    assert "Engineering Manager at Acme (a target)" in vic.why
    assert "a part of your network your close ties don't reach" in wes.why


def test_never_me_never_someone_met_never_three_hops(write):
    _folder, net = load(write)
    ids = {s.id for s in meet(net, today=TODAY, top=50).suggestions}
    assert ids.isdisjoint({"me", "ada", "bob", "cat", "dan", "zed"})
    # An introduction made to me counts as a tie, not a suggestion.
    intro = "introductions:\n  - {date: 2026-10-01, by: ada, people: [me, xia], status: made}\n"
    _folder, net = load(write, NETWORK + intro)
    assert "xia" not in {s.id for s in meet(net, today=TODAY).suggestions}


def test_the_ask_is_the_strongest_mutual_who_has_not_declined(write):
    _folder, net = load(write)
    vic = meet(net, today=TODAY).suggestions[0]
    # Ada (close, strength-4 tie to Vic) before Bob (friendly, an acquaintance tie to Vic).
    assert vic.ask == "ada"
    assert "ask Ada (your tie: close) to introduce you: they know each other (PhD lab mates)" in vic.why
    declined = "introductions:\n  - {date: 2026-10-01, by: ada, people: [me, vic], status: declined}\n"
    _folder, net = load(write, NETWORK + declined)
    vic = meet(net, today=TODAY).suggestions[0]
    assert vic.ask == "bob"
    assert "Ada declined to introduce you in October 2026" in vic.why
    assert "ask Bob (your tie: friendly) to introduce you: they know each other (coached Vic's rowing team)" in vic.why


def test_a_pending_ask_is_followed_up_not_repeated(write):
    pending = "introductions:\n  - {date: 2026-11-10, by: ada, people: [me, vic], status: requested}\n"
    _folder, net = load(write, NETWORK + pending)
    vic = meet(net, today=TODAY).suggestions[0]
    assert vic.ask == "ada"
    assert "you already asked Ada on 2026-11-10; still pending: follow up with Ada rather than asking again" in vic.why
    # Asked 4 days ago: within intro_follow_up_days (7), so wait rather than nudge.
    _folder, net = load(write, NETWORK + pending.replace("2026-11-10", "2026-11-21"))
    vic = meet(net, today=TODAY).suggestions[0]
    assert "still pending: give Ada until 2026-11-28 before following up rather than asking again" in vic.why


def test_looking_for_lifts_a_matching_role(write):
    # Xia is "VP of Product": with looking_for [VP Product] her goal part is 1:
    # (1/3 + 0.8244 + 1 + 0) / 3.5 = 0.6165 > Wes 0.5688, so she moves up to second.
    text = NETWORK.replace("  targets: [Acme]\n", "  targets: [Acme]\n  looking_for: [VP Product]\n")
    _folder, net = load(write, text)
    assert net.me.looking_for == ["VP Product"]
    result = meet(net, today=TODAY)
    assert [s.id for s in result.suggestions] == ["vic", "xia", "wes"]
    assert result.suggestions[1].score == pytest.approx((1 / 3 + U1 + 1) / 3.5)
    assert "VP of Product: matches what you look for" in result.suggestions[1].why


def test_cli_json_has_exactly_the_documented_shape(write):
    folder, _net = load(write)
    run = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "meet", "--top", "2", "--json"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    assert list(data) == ["suggestions"]
    assert [s["id"] for s in data["suggestions"]] == ["vic", "wes"]
    for item in data["suggestions"]:
        assert set(item) == {"id", "name", "score", "mutual", "ask", "why"}
        assert 0 <= item["score"] <= 1
    assert data["suggestions"][0]["mutual"] == ["ada", "bob"] and data["suggestions"][0]["ask"] == "ada"


def test_cli_text_explains_the_percentage(write):
    folder, _net = load(write)
    run = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "meet"])
    assert run.exit_code == 0, run.output
    assert "Whom to meet next, as of 2026-11-25 (3 of 3 people two hops away):" in run.output
    assert "the percentage mixes" in run.output
    assert " 1. Vic (vic)  85%" in run.output


def test_nobody_two_hops_away(write):
    folder = write("net.yaml", "me: {name: Sam}\npeople:\n  - {name: Ada, strength: 3}\n")
    run = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "meet"])
    assert run.exit_code == 0 and "Nobody to meet" in run.output


def test_link_prediction_runs_on_the_two_hop_pairs_only(write, monkeypatch):
    import networkx as nx

    seen: list[list[tuple[str, str]]] = []
    original = nx.resource_allocation_index

    def spy(graph, ebunch=None):
        assert ebunch is not None  # never every non-edge of the graph
        pairs = list(ebunch)
        seen.append(pairs)
        return original(graph, pairs)

    monkeypatch.setattr(nx, "resource_allocation_index", spy)
    _folder, net = load(write)
    meet(net, today=TODAY)
    assert sorted(seen[0]) == [("me", "vic"), ("me", "wes"), ("me", "xia")]


def test_the_mutual_contacts_subgraph_gives_the_full_graph_indices(write):
    # The indices are computed on the ties of the mutual contacts only; on the whole social graph
    # NetworkX gives the same numbers (RA: Vic 0.75, Wes 0.5, Xia 0.25 as derived above).
    import networkx as nx

    from graphnet.analyses.meet import _link_prediction, _two_hops
    from graphnet.analyses.strength import TieModel

    _folder, net = load(write)
    model = TieModel(net, TODAY)
    found = _two_hops(model)
    _link_prediction(model, found)
    whole = nx.Graph((a, b) for a, row in model.social.items() for b in row)
    pairs = [("me", c.id) for c in found]
    ra = {v: p for _, v, p in nx.resource_allocation_index(whole, pairs)}
    aa = {v: p for _, v, p in nx.adamic_adar_index(whole, pairs)}
    assert {c.id: c.ra for c in found} == pytest.approx(ra)
    assert ra == pytest.approx({"vic": 0.75, "wes": 0.5, "xia": 0.25})
    assert {c.id: c.aa for c in found} == pytest.approx(aa)
