"""The tie-strength model: formula, monotonicity, embeddedness, labels and the weighted graph."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphnet import load, tie_weight, weighted_graph
from graphnet.analyses.graph import build_graph
from graphnet.analyses.strength import SOCIAL_RELATIONS, TieModel, why_tie
from graphnet.model import Settings

TODAY = date(2026, 11, 25)


def load_ok(folder):
    net, problems = load(folder, today=TODAY, use_cache=False)
    assert not [p for p in problems if p.is_error], problems
    return net


# -- the formula --------------------------------------------------------------------------------


def test_weight_formula_by_hand():
    # Default shares: declared 0.5, recency 0.2, frequency 0.1, reciprocity 0.1, embeddedness 0.1 (sum 1).
    # Strength 4, last contact one half-life (180 days) ago, nothing else: 0.5*4/5 + 0.2*0.5 = 0.5.
    assert tie_weight(4, days_since=180) == pytest.approx(0.5)
    # Everything at its maximum: 0.5 + 0.2 + 0.1 + 0.1 + 0.1 = 1.
    assert tie_weight(5, days_since=0, interactions=12, favors_given=1, favors_received=1, overlap=1.0) == (
        pytest.approx(1.0)
    )
    # Frequency saturates at 12 interactions a year; 6 give half: 0.5*2/5 + 0.1*0.5 = 0.25.
    assert tie_weight(2, interactions=6) == pytest.approx(0.25)
    assert tie_weight(2, interactions=24) == pytest.approx(tie_weight(2, interactions=12))
    # Favors one way give half the reciprocity share: 0.5*1/5 + 0.1*0.5 = 0.15.
    assert tie_weight(1, favors_received=3) == pytest.approx(0.15)
    # Nothing at all: the floor, so a weight is never 0.
    assert tie_weight(0) == pytest.approx(Settings().min_tie_weight)
    # Inferred ties are discounted (x0.5): 0.5*2/5 = 0.2 -> 0.1.
    assert tie_weight(2, inferred=True) == pytest.approx(0.1)


def test_weight_uses_the_settings():
    only_declared = Settings(
        tie_weight_declared=1.0,
        tie_weight_recency=0.0,
        tie_weight_frequency=0.0,
        tie_weight_reciprocity=0.0,
        tie_weight_embeddedness=0.0,
    )
    assert tie_weight(3, days_since=0, interactions=50, settings=only_declared) == pytest.approx(0.6)
    slow = Settings(recency_half_life_days=360.0)
    # 180 days is half of a 360-day half-life: recency 2**-0.5 = 0.7071; 0.5*0.8 + 0.2*0.7071 = 0.5414.
    assert tie_weight(4, days_since=180, settings=slow) == pytest.approx(0.4 + 0.2 * 2**-0.5)


shares = st.floats(min_value=0.0, max_value=5.0, allow_nan=False)
days = st.one_of(st.none(), st.integers(min_value=0, max_value=20_000))


@given(
    s1=st.integers(0, 5),
    s2=st.integers(0, 5),
    d1=days,
    d2=days,
    interactions=st.integers(0, 100),
    given_=st.integers(0, 3),
    received=st.integers(0, 3),
    overlap=st.floats(0.0, 1.0),
    inferred=st.booleans(),
    a=st.tuples(shares, shares, shares, shares, shares),
    half_life=st.floats(min_value=1.0, max_value=5000.0),
)
def test_weight_is_monotone_in_strength_and_recency(
    s1, s2, d1, d2, interactions, given_, received, overlap, inferred, a, half_life
):
    settings = Settings(
        recency_half_life_days=half_life,
        tie_weight_declared=a[0],
        tie_weight_recency=a[1],
        tie_weight_frequency=a[2],
        tie_weight_reciprocity=a[3],
        tie_weight_embeddedness=a[4],
    )
    low, high = sorted((s1, s2))
    # "older" contact: None (never) counts as the oldest of all.
    older, newer = (d1, d2) if d2 is not None and (d1 is None or d1 >= d2) else (d2, d1)
    common = {
        "interactions": interactions,
        "favors_given": given_,
        "favors_received": received,
        "overlap": overlap,
        "inferred": inferred,
        "settings": settings,
    }
    weak = tie_weight(low, days_since=older, **common)
    strong = tie_weight(high, days_since=newer, **common)
    assert 0.0 < weak <= strong <= 1.0
    # Each on its own, too.
    assert tie_weight(low, days_since=newer, **common) <= strong
    assert tie_weight(high, days_since=older, **common) <= strong


# -- the model on real files --------------------------------------------------------------------

NETWORK = """\
me:
  name: Sam
people:
  - name: Ada
    strength: 4
    circles: [friends]
    knows: [bob, cy]
  - name: Bob
    strength: 3
    knows: [{id: cy, strength: 4}, di]
    past_orgs:
      - {org: Globex, role: Analyst, from: 2017-01-01, to: 2023-06-30}
  - name: Cy
    strength: 2
    org: Acme
    past_orgs:
      - {org: Globex, from: 2019-03-01, to: 2024-02-01}
  - name: Di
    strength: 1
    org: Acme
  - name: Eve
    strength: 2
    introduced_by: ada
  - name: Fay
    strength: 0
groups:
  - name: Lakeside Running Club
    members: [me, eve, fay]
introductions:
  - {date: 2026-03-10, by: ada, people: [me, fay], status: met}
interactions:
  - {date: 2026-11-13, with: ada}
  - {date: 2026-10-01, with: [bob, cy]}
favors:
  - {date: 2026-05-01, from: bob, to: me, what: CV review}
  - {date: 2026-06-01, from: me, to: bob, what: intro to a recruiter}
"""


def test_model_edges_are_exactly_the_social_edges_of_the_graph(write):
    net = load_ok(write("net.yaml", NETWORK))
    graph = build_graph(net)
    model = TieModel(net, TODAY)
    social = {frozenset((a, b)) for a, b, rel in graph.edges(data="relations") if SOCIAL_RELATIONS.intersection(rel)}
    modelled = {frozenset((a, b)) for a, ties in model.social.items() for b in ties}
    assert social == modelled
    places = {
        frozenset((a, b)) for a, b, rel in graph.edges(data="relations") if not SOCIAL_RELATIONS.intersection(rel)
    }
    members = {frozenset((m, p)) for m, mine in model.memberships.items() for p in mine}
    assert places == members
    # Colleagues (Cy and Di at Acme) meet through the organization node, never directly.
    assert not graph.has_edge("cy", "di")


def test_onnela_overlap_on_person_ties_only(write):
    net = load_ok(write("net.yaml", NETWORK))
    model = TieModel(net, TODAY)
    # Person–person ties, me left out: N(ada) = {bob, cy, eve (inferred)}, N(bob) = {ada, cy, di};
    # mutual = {cy} -> 1 / ((3 - 1) + (3 - 1) - 1) = 1/3.
    facts = model.facts("ada", "bob")
    assert facts is not None
    assert facts.mutual == 1
    assert facts.overlap == pytest.approx(1 / 3)
    # My tie with Ada: N(me) = {ada, bob, cy, di, eve, fay (introduction)}, N(ada) = {me, bob, cy, eve};
    # mutual = {bob, cy, eve} -> 3 / ((6 - 1) + (4 - 1) - 3) = 3/5.
    mine = model.facts("me", "ada")
    assert mine is not None
    assert mine.mutual == 3
    assert mine.overlap == pytest.approx(3 / 5)
    # Cy and Di share Acme, but an organization never counts as a mutual contact: their only link is Acme.
    assert model.facts("cy", "di") is None


def test_my_tie_weight_by_hand(write):
    net = load_ok(write("net.yaml", NETWORK))
    model = TieModel(net, TODAY)
    ada = model.facts("me", "ada")
    assert ada is not None
    # Ada: strength 4, last talked 12 days ago (2026-11-13), no favors, overlap 3/5. Her one interaction
    # (not mail: a meeting's 3 points) has decayed to 0.75*(1 - 12/730) + 0.25*(1 - 12/2190) of a meeting:
    # 0.5*0.8 + 0.2*2**(-12/180) + 0.1*(that/12) + 0 + 0.1*0.6
    decayed = 0.75 * (1 - 12 / 730) + 0.25 * (1 - 12 / 2190)
    expected = 0.4 + 0.2 * 2 ** (-12 / 180) + 0.1 * decayed / 12 + 0.06
    assert ada.days_since == 12
    assert ada.weight == pytest.approx(expected)
    bob = model.facts("me", "bob")
    assert bob is not None and bob.favors == {"bob": 1, "me": 1}


def test_why_texts(write):
    net = load_ok(write("net.yaml", NETWORK))
    graph = weighted_graph(net, TODAY)
    assert why_tie(graph, "me", "ada").startswith("close friend, last talked 12 days ago")
    # Bob at Globex 2017-01 to 2023-06, Cy 2019-03 to 2024-02: together 2019-2023.
    assert why_tie(graph, "bob", "cy", via="globex") == "worked together at Globex 2019–2023"
    assert why_tie(graph, "me", "fay").startswith("Ada introduced you in March 2026")
    assert why_tie(graph, "me", "eve", via="lakeside-running-club") == "both members of Lakeside Running Club"
    assert why_tie(graph, "cy", "di", via="acme") == "colleagues at Acme"
    # Ada introduced me to Eve: the Ada–Eve tie is inferred, discounted and labelled so.
    inferred = graph.edges["ada", "eve"]
    assert inferred["inferred"] is True and inferred["facts"].inferred is True
    assert "(inferred)" in why_tie(graph, "ada", "eve")
    # ... and my tie with Ada says she introduced me to Eve.
    assert "introduced you to Eve" in why_tie(graph, "me", "ada")
    # Favors both ways with Bob.
    assert "favors both ways" in why_tie(graph, "me", "bob")


def test_weighted_graph_attributes(write):
    net = load_ok(write("net.yaml", NETWORK))
    graph = weighted_graph(net, TODAY)
    assert graph.graph["today"] == TODAY
    settings = net.me.settings
    for a, b, data in graph.edges(data=True):
        assert 0 < data["weight"] <= 1, (a, b)
        assert data["cost"] == pytest.approx(-math.log(data["weight"]))
    # Each side of a colleague hop weighs sqrt(trust), so the hop multiplies to the trust.
    assert graph.edges["cy", "acme"]["weight"] * graph.edges["di", "acme"]["weight"] == pytest.approx(
        settings.colleague_trust
    )
    assert graph.edges["bob", "globex"]["weight"] * graph.edges["cy", "globex"]["weight"] == pytest.approx(
        settings.past_colleague_trust
    )
    assert graph.edges["me", "lakeside-running-club"]["trust"] == settings.group_trust
    # The inferred Ada–Eve tie: knows default strength 2, discounted by half, plus no other evidence.
    eve = graph.edges["ada", "eve"]["facts"]
    assert eve.strength == settings.knows_default_strength
    assert graph.edges["ada", "eve"]["weight"] < tie_weight(2, overlap=eve.overlap)


def test_evidence_after_today_is_ignored(write):
    net = load_ok(write("net.yaml", NETWORK))
    before = TieModel(net, date(2026, 11, 1)).facts("me", "ada")
    after = TieModel(net, TODAY).facts("me", "ada")
    assert before is not None and after is not None
    # On 2026-11-01 the 2026-11-13 coffee has not happened: the last contact is Ada's introduction
    # of 2026-03-10 (236 days before), and there is no interaction in the year before.
    assert before.days_since == 236 and before.interactions == 0
    assert after.days_since == 12 and after.interactions == 1
    assert before.weight < after.weight


def test_settings_are_read_from_me(write):
    text = NETWORK.replace("  name: Sam\n", "  name: Sam\n  tie_weight_recency: 0\n  tie_weight_frequency: 0\n", 1)
    net = load_ok(write("net.yaml", text))
    assert net.me.settings.tie_weight_recency == 0.0
    ada = TieModel(net, TODAY).facts("me", "ada")
    assert ada is not None
    # Shares left: declared 0.5, reciprocity 0.1, embeddedness 0.1 (sum 0.7): (0.5*0.8 + 0.1*0.6) / 0.7.
    assert ada.weight == pytest.approx((0.4 + 0.06) / 0.7)
