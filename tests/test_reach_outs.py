"""Reach-outs: each reason kind on a hand-built network, who must not appear, JSON and --today."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from graphnet import GraphnetError, load, reach_outs
from graphnet.cli import cli

TODAY = date(2026, 11, 25)

# Answers as of 2026-11-25, default cadence {5: 21, 4: 45, 3: 90, 2: 180, 1: 365}:
#   Olivia  close friend (4), last contact 2026-06-01, 177 days > 45      -> overdue
#   Fran    close friend (4), coffee yesterday, nothing owed               -> absent
#   Pat     inner circle (5) with her own cadence of 400 days, 200 days    -> absent
#   Uma     acquaintance (2), emailed 2026-11-01 (within 180), but she
#           gave me a referral on 2026-10-01 and I did nothing back        -> reciprocity
#   Hal     not met yet (0); Gil introduced us on 2026-11-20 (made)        -> pending-introduction
#   Ivy     friendly (3), last contact 2026-11-10; I asked her on 2026-11-12
#           to introduce me to Jon (requested)                             -> pending-introduction
#   Dora    close (4), silent since 2023-06-01 (over 730 days)             -> dormant (not overdue)
#   Finn    met once (1), met 2026-11-15, no contact since                 -> follow-up
#   Ada     inner circle (5), talked 2026-11-20; knows Bob at Acme (target) -> target-path
#   Gil     friendly (3): the introduction on 2026-11-20 counts as contact -> absent
NETWORK = """\
me:
  name: Sam
  targets: [Acme]
people:
  - {name: Olivia, strength: 4, circles: [friends], last_contact: 2026-06-01}
  - {name: Fran, strength: 4, circles: [friends]}
  - {name: Pat, strength: 5, cadence: 400, last_contact: 2026-05-09}
  - {name: Uma, strength: 2}
  - {name: Hal, strength: 0}
  - {name: Gil, strength: 3}
  - {name: Ivy, strength: 3, last_contact: 2026-11-10}
  - {name: Jon, strength: 0}
  - {name: Dora, strength: 4, last_contact: 2023-06-01}
  - {name: Finn, strength: 1, met: 2026-11-15}
  - {name: Ada, strength: 5, knows: [{id: bob, strength: 4}]}
  - {name: Bob, strength: 0, org: Acme, role: Data Lead}
interactions:
  - {date: 2026-11-24, with: fran, kind: coffee}
  - {date: 2026-11-01, with: uma, kind: email}
  - {date: 2026-11-20, with: ada, kind: call}
favors:
  - {date: 2026-10-01, from: uma, to: me, kind: referral, what: referred me to her manager}
introductions:
  - {date: 2026-11-20, by: gil, people: [me, hal], status: made}
  - {date: 2026-11-12, by: ivy, people: [me, jon], status: requested}
"""


def load_ok(folder, today=TODAY):
    net, problems = load(folder, today=today, use_cache=False)
    assert not [p for p in problems if p.is_error], problems
    return net


def kinds(result):
    return {item.id: [r.kind for r in item.reasons] for item in result.reach_outs}


def test_each_reason_kind_and_who_does_not_appear(write):
    net = load_ok(write("net.yaml", NETWORK))
    result = reach_outs(net, today=TODAY, top=50)
    found = kinds(result)
    assert found["olivia"] == ["overdue"]
    assert found["uma"] == ["reciprocity"]
    assert found["hal"] == ["pending-introduction"]
    assert found["ivy"] == ["pending-introduction"]
    assert found["dora"] == ["dormant"]
    assert found["finn"] == ["follow-up"]
    assert found["ada"] == ["target-path"]
    # Contacted within their cadence with nothing owed or pending: not listed.
    for quiet in ("fran", "pat", "gil", "bob", "jon"):
        assert quiet not in found, quiet
    assert set(found) == {"olivia", "uma", "hal", "ivy", "dora", "finn", "ada"}


def test_texts_and_actions(write):
    net = load_ok(write("net.yaml", NETWORK))
    by_id = {item.id: item for item in reach_outs(net, today=TODAY, top=50).reach_outs}
    assert by_id["olivia"].reasons[0].text == "last contact 5 months ago, past your 45-day cadence"
    assert by_id["olivia"].action == "Suggest a coffee or a call with Olivia"
    assert by_id["uma"].reasons[0].text == "helped you once (referred me to her manager); you have not returned it"
    assert by_id["hal"].reasons[0].text == "Gil introduced you on 2026-11-20; you have not met yet"
    assert by_id["hal"].action == "Propose a time to meet Hal"
    assert by_id["ivy"].action == "Nudge Ivy about the introduction to Jon (offer a short blurb)"
    assert by_id["dora"].action == "Reconnect with Dora: ask what they are working on now"
    assert by_id["finn"].reasons[0].text == "met 10 days ago, no contact since"
    assert by_id["ada"].action == "Ask Ada to introduce you to Bob (Data Lead at Acme)"
    assert "first step of a warm path to Acme" in by_id["ada"].reasons[0].text


def test_ranking_combines_reasons(write):
    # Give Olivia an unreturned favor too: two reasons outrank either alone (noisy-or).
    write("net.yaml", NETWORK)
    net = load_ok(write("more.yaml", "favors:\n  - {date: 2026-09-01, from: olivia, to: me, kind: advice}\n"))
    result = reach_outs(net, today=TODAY, top=50)
    olivia = next(item for item in result.reach_outs if item.id == "olivia")
    # The favor (2026-09-01) is her latest contact: 85 days, past 45. A routine catch-up is capped
    # at 0.5: 0.5 * importance(4) 0.86 * (1 - 2^(-85/45)) = 0.314, below the favor owed (0.45).
    assert [r.kind for r in olivia.reasons] == ["reciprocity", "overdue"]
    owed, overdue = (r.score for r in olivia.reasons)
    assert overdue == pytest.approx(0.5 * 0.86 * (1 - 2 ** (-85 / 45)))
    assert olivia.score == pytest.approx(1 - (1 - overdue) * (1 - owed))
    order = [item.id for item in result.reach_outs]
    # Two reasons outrank either alone: Olivia above Uma (the favor alone). Ada's lead to Acme
    # (path 0.28: 0.5 + 0.45 * sqrt(0.28) = 0.738) ranks above Olivia's catch-up (0.623).
    assert order.index("olivia") < order.index("uma")
    assert order.index("ada") < order.index("olivia")
    scores = [item.score for item in result.reach_outs]
    assert scores == sorted(scores, reverse=True)


def test_a_returned_favor_is_not_owed(write):
    write("net.yaml", NETWORK)
    net = load_ok(write("more.yaml", "favors:\n  - {date: 2026-10-15, from: me, to: uma, kind: advice}\n"))
    assert "uma" not in kinds(reach_outs(net, today=TODAY, top=50))


def test_top_limits_and_bad_top(write):
    net = load_ok(write("net.yaml", NETWORK))
    result = reach_outs(net, today=TODAY, top=3)
    assert len(result.reach_outs) == 3 and result.candidates == 7
    with pytest.raises(GraphnetError):
        reach_outs(net, today=TODAY, top=0)


def run(folder, today, *args):
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", today, "--no-cache", "reach-outs", *args])


def test_cli_json_shape_and_today(write):
    folder = write("net.yaml", NETWORK)
    first = run(folder, "2026-11-25", "--json", "--top", "50")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["today"] == "2026-11-25"
    for item in data["reach_outs"]:
        assert set(item) >= {"id", "score", "reasons", "action"}
        assert all(set(r) >= {"kind", "text"} for r in item["reasons"])
    assert {r["kind"] for item in data["reach_outs"] for r in item["reasons"]} == {
        "overdue",
        "dormant",
        "follow-up",
        "reciprocity",
        "target-path",
        "pending-introduction",
    }
    # The same --today gives the same answer.
    assert run(folder, "2026-11-25", "--json", "--top", "50").stdout == first.stdout
    # On 2026-11-16 the later records have not happened yet: Gil's introduction of Hal (11-20) is
    # not pending, and Fran's coffee (11-24) is not yet on record, so the close friend is overdue.
    early = json.loads(run(folder, "2026-11-16", "--json", "--top", "50").stdout)
    early_ids = {item["id"]: [r["kind"] for r in item["reasons"]] for item in early["reach_outs"]}
    assert "hal" not in early_ids
    assert early_ids["fran"] == ["overdue"]
    fran = next(item for item in early["reach_outs"] if item["id"] == "fran")
    assert fran["reasons"][0]["text"] == "no contact on record; your cadence for strength 4 is 45 days"


def test_cli_human_output(write):
    folder = write("net.yaml", NETWORK)
    result = run(folder, "2026-11-25", "--top", "3")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Whom to contact now, as of 2026-11-25 (3 of 7):")
    assert "→ " in result.output
    assert "Fran" not in result.output


def test_nobody_to_contact(write):
    folder = write(
        "net.yaml",
        """\
        me:
          name: Sam
        people:
          - {name: Fran, strength: 4, last_contact: 2026-11-24}
        """,
    )
    result = run(folder, "2026-11-25")
    assert result.exit_code == 0, result.output
    assert "Nobody to contact now" in result.output


def test_a_path_repeating_a_declined_introduction_is_no_reason_to_write(write):
    # Nik (inner circle, talked today) and Tony (friendly, talked today) each know someone at
    # Cascade, a target. Nik declined to introduce me to Wendy in October, so his path (0.035
    # after the 0.1 penalty; see tests/test_paths.py) gives him no target-path reason: only Tony
    # (path 0.50 * 0.35 = 0.175, his knows tie raised to colleague_trust; reason score
    # 0.5 + 0.45 * sqrt(0.175) = 0.6882) is listed.
    folder = write(
        "net.yaml",
        """\
        me:
          name: Sam
          targets: [Cascade]
        people:
          - {name: Nik, strength: 5, last_contact: 2026-11-25, knows: [{id: wendy, strength: 5}]}
          - {name: Tony, strength: 3, last_contact: 2026-11-25, knows: [{id: helen, strength: 3}]}
          - {name: Wendy, strength: 0, org: Cascade}
          - {name: Helen, strength: 0, org: Cascade}
        introductions:
          - {date: 2026-10-09, by: nik, people: [me, wendy], status: declined}
        """,
    )
    result = reach_outs(load_ok(folder), today=TODAY, top=50)
    assert kinds(result) == {"tony": ["target-path"]}
    assert result.reach_outs[0].score == pytest.approx(0.5 + 0.45 * 0.175**0.5)
    # Before the refusal (2026-10-01; the later records are then reported as dated in the future
    # and ignored) Nik's path was the best one to ask for.
    net, _ = load(folder, today=date(2026, 10, 1), use_cache=False)
    early = reach_outs(net, today=date(2026, 10, 1), top=50)
    assert "target-path" in kinds(early)["nik"]


# Ivy asked (requested) to introduce me to Jon; intro_follow_up_days is 7 by default.
# Asked on 2026-11-19, 6 days before 2026-11-25: too soon to nudge, no reason at all for Ivy.
# Asked on 2026-11-17, 8 days before: a pending-introduction nudge.
GRACE = """\
me:
  name: Sam
people:
  - {{name: Ivy, strength: 3, last_contact: 2026-11-24}}
  - {{name: Jon, strength: 0}}
introductions:
  - {{date: {asked}, by: ivy, people: [me, jon], status: requested}}
"""


@pytest.mark.parametrize(("asked", "nudged"), [("2026-11-19", False), ("2026-11-17", True), ("2026-11-18", True)])
def test_a_pending_introduction_is_nudged_only_after_the_grace_days(write, asked, nudged):
    net = load_ok(write("net.yaml", GRACE.format(asked=asked)))
    found = kinds(reach_outs(net, today=TODAY, top=50))
    assert ("ivy" in found) is nudged
    if nudged:
        assert found["ivy"] == ["pending-introduction"]


def test_the_grace_days_are_a_setting(write):
    text = GRACE.format(asked="2026-11-19").replace("  name: Sam\n", "  name: Sam\n  intro_follow_up_days: 5\n")
    net = load_ok(write("net.yaml", text))
    assert net.me.settings.intro_follow_up_days == 5
    assert kinds(reach_outs(net, today=TODAY, top=50))["ivy"] == ["pending-introduction"]


# --targets on the NETWORK above, plus: Kim (friendly) knows Bob at Acme too, weaker (strength 2);
# Ada did me a favor (she is on the path); I asked Kim to introduce me to Bob on 2026-11-01
# (24 days ago: nudged). Target-related items:
#   Ada   target-path (me → Ada → Bob, 0.70 * 0.40 = 0.28) and reciprocity (she is on that path);
#   Kim   target-path (me → Kim → Bob, weaker) and a pending introduction to Bob (on the path);
# everything else (Olivia overdue, Uma's favor, Hal, Ivy's ask to Jon, Dora, Finn) is not about
# Acme and is left out. Best path first: Ada (0.28) before Kim.
TARGETS = (
    NETWORK.replace(
        "  - {name: Bob, strength: 0, org: Acme, role: Data Lead}\n",
        "  - {name: Bob, strength: 0, org: Acme, role: Data Lead}\n"
        "  - {name: Kim, strength: 3, last_contact: 2026-11-20, knows: [{id: bob, strength: 2}]}\n",
    )
    .replace(
        "favors:\n",
        "favors:\n  - {date: 2026-10-15, from: ada, to: me, kind: advice}\n",
    )
    .replace(
        "introductions:\n",
        "introductions:\n  - {date: 2026-11-01, by: kim, people: [me, bob], status: requested}\n",
    )
)


def test_targets_lists_only_what_moves_toward_a_target_best_path_first(write):
    folder = write("net.yaml", TARGETS)
    net = load_ok(folder)
    result = reach_outs(net, today=TODAY, top=50, targets_only=True)
    found = kinds(result)
    assert list(found) == ["ada", "kim"]
    assert sorted(found["ada"]) == ["reciprocity", "target-path"]
    assert sorted(found["kim"]) == ["pending-introduction", "target-path"]
    # Without --targets the rest is there too.
    assert {"olivia", "uma", "hal", "ivy", "dora", "finn"} <= set(kinds(reach_outs(net, today=TODAY, top=50)))
    run_ = CliRunner().invoke(
        cli, ["--data", str(folder), "--today", "2026-11-25", "reach-outs", "--targets", "--json"]
    )
    assert run_.exit_code == 0, run_.output
    answer = json.loads(run_.output)
    assert [item["id"] for item in answer["reach_outs"]] == ["ada", "kim"]
    assert all(0 < item["score"] <= 1 for item in answer["reach_outs"])


# A strong lead to a target ranks above a routine catch-up, by the documented default ranking:
# Olivia, a close friend 177 days past her 45-day cadence, scores 0.5 * 0.86 * (1 - 2^(-177/45))
# = 0.402 (a catch-up never exceeds 0.5); Ada's lead (path 0.28) 0.5 + 0.45 * sqrt(0.28) = 0.738.
def test_a_strong_target_lead_ranks_above_a_routine_catch_up(write):
    net = load_ok(write("net.yaml", NETWORK))
    result = reach_outs(net, today=TODAY, top=50)
    order = [item.id for item in result.reach_outs]
    assert order.index("ada") < order.index("olivia")
    olivia = next(item for item in result.reach_outs if item.id == "olivia")
    assert olivia.score == pytest.approx(0.5 * 0.86 * (1 - 2 ** (-177 / 45)))


def test_the_text_says_what_the_percentage_means(write):
    folder = write("net.yaml", NETWORK)
    text = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "reach-outs"]).output
    assert "(the percentage is how pressing each is" in text
