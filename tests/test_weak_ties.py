"""Weak ties ranked by what they open, on small networks whose answers are derived by hand."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.analyses.weak_ties import mutual_curve, weak_ties
from graphnet.cli import cli

TODAY = date(2026, 11, 25)

# My strong ties Sue, Tom, Una (4-5) work at Globex and know each other.
# Weak ties (strength 1-2):
#   Wes (1) knows Xia, Yul, Zed, whom I have not met (strength 0) and nobody else reaches;
#     Xia works at Acme, my target.
#   Kim (2) knows Sue, Tom, Una and Lee (not met, reached by nobody else).
#   Val (2) works at Globex and knows Sue and Tom: everything Val reaches, my strong ties reach.
# Already reached K = strong ties, their neighbours (Globex, Val, Kim) and Globex's members.
#   Wes: novel {Xia, Yul, Zed} = 3, reaches Acme through Xia, mutual 0 (Xia.. are not my contacts):
#        (log2(1 + 3) + 1) * u(0) = 3 * 0.25 e^0.75 = 1.588
#   Kim: novel {Lee} = 1, mutual 3 (the peak):  log2(2) * u(3) = 1 * 1 = 1.0
#   Val: novel {} and no target: value 0, left out.
LOW_TIE_INTO_A_NEW_CLUSTER = """\
me:
  name: Sam
  targets: [Acme]
organizations:
  - name: Acme
  - name: Globex
people:
  - {name: Sue, strength: 4, org: Globex, knows: [tom, una]}
  - {name: Tom, strength: 5, org: Globex, knows: [una]}
  - {name: Una, strength: 4, org: Globex}
  - {name: Wes, strength: 1, knows: [xia, yul, zed]}
  - {name: Xia, strength: 0, org: Acme, knows: [yul, zed]}
  - {name: Yul, strength: 0, knows: [zed]}
  - {name: Zed, strength: 0}
  - {name: Kim, strength: 2, knows: [sue, tom, una, lee]}
  - {name: Lee, strength: 0}
  - {name: Val, strength: 2, org: Globex, knows: [sue, tom]}
"""


def load(write, text: str = LOW_TIE_INTO_A_NEW_CLUSTER):
    folder = write("net.yaml", text)
    net, problems = graphnet.load(folder, today=TODAY)
    assert [p for p in problems if p.is_error] == []
    return folder, net


def test_a_low_strength_tie_into_an_unreached_cluster_is_the_top_weak_tie(write):
    _folder, net = load(write)
    result = weak_ties(net, today=TODAY)
    assert [t.id for t in result.weak_ties] == ["wes", "kim"]
    wes, kim = result.weak_ties
    assert (wes.strength, wes.mutual, wes.novel_reach, wes.targets) == (1, 0, 3, ["acme"])
    assert wes.score == pytest.approx(3 * 0.25 * math.exp(0.75))
    assert "knows Xia at Acme (a target)" in wes.why and "opens 3 people" in wes.why
    assert (kim.mutual, kim.novel_reach) == (3, 1) and kim.score == pytest.approx(1.0)
    assert (result.weak, result.strong) == (3, 3)


def test_the_threshold_is_a_setting(write):
    # With weak_tie_max_strength 0 nothing is weak.
    _folder, net = load(
        write,
        LOW_TIE_INTO_A_NEW_CLUSTER.replace("  targets: [Acme]\n", "  targets: [Acme]\n  weak_tie_max_strength: 0\n"),
    )
    result = weak_ties(net)
    assert result.weak_ties == [] and result.weak == 0


def test_the_inverted_u_in_mutual_contacts():
    assert mutual_curve(3, 3.0) == pytest.approx(1.0)
    assert mutual_curve(0, 3.0) < mutual_curve(1, 3.0) < mutual_curve(3, 3.0)
    assert mutual_curve(3, 3.0) > mutual_curve(6, 3.0) > mutual_curve(20, 3.0)


# Two weak ties open the same: one new person each (N1 behind Mo, N2 behind Nia). Mo shares 3
# contacts with me (the peak), Nia 12 (deep inside my own circle), so Mo ranks first:
# u(3) = 1 against u(12) = 3.25 e^-2.25 = 0.34.
def test_moderately_weak_beats_deeply_embedded(write):
    friends = [f"f{i}" for i in range(12)]
    people = "\n".join(f"  - {{name: F{i}, strength: 4}}" for i in range(12))
    text = f"""\
me:
  name: Sam
people:
{people}
  - {{name: Mo, strength: 2, knows: [f0, f1, f2, n1]}}
  - {{name: Nia, strength: 2, knows: [{", ".join(friends)}, n2]}}
  - {{name: N1, strength: 0}}
  - {{name: N2, strength: 0}}
"""
    _folder, net = load(write, text)
    ranked = weak_ties(net).weak_ties
    assert [t.id for t in ranked] == ["mo", "nia"]
    assert ranked[1].score == pytest.approx(mutual_curve(12, 3.0))


def test_json_shape_cli_and_determinism(write):
    folder, _net = load(write)
    runner = CliRunner()
    args = ["--data", str(folder), "--today", "2026-11-25", "--no-cache", "weak-ties", "--json"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert "weak_ties" in answer
    for tie in answer["weak_ties"]:
        assert set(tie) >= {"id", "score", "strength", "mutual", "novel_reach", "why"}
        assert isinstance(tie["novel_reach"], int) and isinstance(tie["mutual"], int)
    assert answer["weak_ties"][0]["id"] == "wes"
    assert runner.invoke(cli, args).output == result.output
    human = runner.invoke(cli, ["--data", str(folder), "weak-ties", "--top", "1"])
    assert human.exit_code == 0 and "1. Wes (wes)" in human.output and "Kim" not in human.output


def test_the_api_is_exported(write):
    _folder, net = load(write)
    assert graphnet.weak_ties(net, top=1).weak_ties[0].id == "wes"


# Wes declined to introduce me to Xia (October 2026). Xia is then no way in: Wes opens Yul and Zed
# only and reaches no target: log2(1 + 2) * u(0) = 1.585 * 0.529 = 0.838, below Kim's 1.0.
WES_DECLINED = (
    LOW_TIE_INTO_A_NEW_CLUSTER
    + """\
introductions:
  - {date: 2026-10-01, by: wes, people: [me, xia], status: declined, note: not now}
"""
)


def test_a_declined_introduction_removes_the_credit_for_what_it_opened(write):
    _folder, net = load(write)
    wes = weak_ties(net, today=TODAY).weak_ties[0]
    assert wes.targets == ["acme"] and "xia" in wes.opens.people
    _folder, net = load(write, WES_DECLINED)
    ranked = weak_ties(net, today=TODAY).weak_ties
    assert [t.id for t in ranked] == ["kim", "wes"]
    wes = ranked[1]
    assert wes.targets == [] and wes.novel_reach == 2 and "xia" not in wes.opens.people
    assert wes.score == pytest.approx(math.log2(3) * 0.25 * math.exp(0.75))
    assert "declined to introduce you to Xia in October 2026, so that counts for nothing" in wes.why


def test_each_weak_tie_names_what_it_opens_and_what_to_do(write):
    folder, _net = load(write)
    answer = json.loads(
        CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "weak-ties", "--json"]).output
    )
    wes, kim = answer["weak_ties"]
    # Xia first: she is at Acme, a target; then by name.
    assert wes["opens"] == ["Xia", "Yul", "Zed"] and wes["met"] is True
    assert wes["action"] == "Ask Wes to introduce you to Xia (at Acme)"
    assert kim["opens"] == ["Lee"] and kim["action"] == "Catch up with Kim and ask to meet Lee"
    assert "opens 3 people your close ties don't reach: Xia, Yul and Zed" in wes["why"]


# With include_unmet, Xia (not met) is ranked too: she opens Wes (a weak tie: my close ties don't
# reach him), Yul, Zed and Acme (4), works at the target and has one mutual contact (Wes):
# (log2(5) + 1) * u(1) = 3.32 * 0.5 e^0.5 = 2.74, above Wes.
def test_unmet_people_only_with_include_unmet_and_flagged(write):
    folder, net = load(write)
    assert all(t.met for t in weak_ties(net, today=TODAY).weak_ties)
    ranked = weak_ties(net, today=TODAY, include_unmet=True).weak_ties
    assert ranked[0].id == "xia" and not ranked[0].met
    assert ranked[0].score == pytest.approx((math.log2(5) + 1) * 0.5 * math.exp(0.5))
    assert ranked[0].why.startswith("not met yet: meet them through Wes (met once)")
    assert ranked[0].action == "Ask Wes to introduce you to Xia (at Acme)"
    runner = CliRunner()
    args = ["--data", str(folder), "--today", "2026-11-25", "weak-ties", "--include-unmet", "--json"]
    assert json.loads(runner.invoke(cli, args).output)["weak_ties"][0]["met"] is False
