"""Warm paths: ranking by the product of hop weights, diversity, hops, targets, nearest routes, CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from graphnet import GraphnetError, load, warm_paths
from graphnet.cli import cli

TODAY = date(2026, 11, 25)

# Default shares: declared 0.5, recency 0.2 (half-life 180 days), frequency 0.1, reciprocity 0.1,
# embeddedness 0.1. Nobody here shares a contact with anyone, so every overlap is 0, and no
# person–person tie has contact evidence, so their recency is 0.
#
#   me–wes  strength 1, no contact:            0.5*1/5                 = 0.10
#   me–ada  strength 5, last_contact today:    0.5*5/5 + 0.2*1         = 0.70
#   me–cy   strength 3, last_contact today:    0.5*3/5 + 0.2*1         = 0.50
#   ada–bob knows, strength 5:                 0.5*5/5                 = 0.50
#   ada–bea knows, strength 4:                 0.5*4/5                 = 0.40
#   cy–bob  knows, strength 3:                 0.5*3/5                 = 0.30
#
# Paths to Acme (Wes, Bob and Bea work there; a current employee ends a path with factor 1):
#   me → ada → bob   0.70 * 0.50 = 0.35   (strongest, two hops)
#   me → ada → bea   0.70 * 0.40 = 0.28
#   me → cy → bob    0.50 * 0.35 = 0.175 (the knows tie weighs 0.30, raised to colleague_trust 0.35:
#                    a stated tie weighs at least as much as a shared employer)
#   me → wes         0.10                 (shortest, but weak)
STRONGEST = """\
me:
  name: Sam
organizations:
  - name: Acme
    aliases: [ACME Corp]
    competitors: [Globex]
people:
  - {name: Wes, strength: 1, org: Acme, role: Intern}
  - {name: Ada, strength: 5, last_contact: 2026-11-25, knows: [{id: bob, strength: 5}, {id: bea, strength: 4}]}
  - {name: Cy, strength: 3, last_contact: 2026-11-25, knows: [{id: bob, strength: 3}]}
  - {name: Bob, strength: 0, org: Acme, role: Data Lead}
  - {name: Bea, strength: 0, org: Acme}
"""


def load_ok(folder):
    net, problems = load(folder, today=TODAY, use_cache=False)
    assert not [p for p in problems if p.is_error], problems
    return net


def run(folder, *args):
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "--no-cache", *args])


def test_strongest_path_wins_over_a_short_weak_one(write):
    net = load_ok(write("net.yaml", STRONGEST))
    result = warm_paths(net, "acme", today=TODAY, top=4)
    people = [p.people for p in result.paths]
    assert people == [["me", "ada", "bob"], ["me", "ada", "bea"], ["me", "cy", "bob"], ["me", "wes"]]
    assert [p.score for p in result.paths] == pytest.approx([0.35, 0.28, 0.175, 0.10])
    best = result.paths[0]
    assert best.ask == "Ask Ada to introduce you to Bob (Data Lead at Acme)."
    assert [(h.source, h.target, h.via) for h in best.hops] == [("me", "ada", "knows"), ("ada", "bob", "knows")]
    assert best.hops[0].why.startswith("inner circle, last talked today")
    assert best.hops[1].why.startswith("know each other, very close")
    assert result.paths[3].ask == "Ask Wes (Intern at Acme) about Acme directly."


def test_different_first_introducers_are_preferred(write):
    net = load_ok(write("net.yaml", STRONGEST))
    # With two slots, Ada's second path (0.28) gives way to Cy's (0.175): one busy friend is not asked twice.
    two = warm_paths(net, "Acme", today=TODAY, top=2)
    assert [p.people for p in two.paths] == [["me", "ada", "bob"], ["me", "cy", "bob"]]
    # Then three slots: the distinct introducers first (Ada, Cy, Wes), all sorted by score.
    three = warm_paths(net, "Acme", today=TODAY, top=3)
    assert [p.people for p in three.paths] == [["me", "ada", "bob"], ["me", "cy", "bob"], ["me", "wes"]]


def test_max_hops_counts_introductions(write):
    net = load_ok(write("net.yaml", STRONGEST))
    result = warm_paths(net, "acme", today=TODAY, top=5, max_hops=1)
    assert [p.people for p in result.paths] == [["me", "wes"]]
    assert result.max_hops == 1


def test_target_by_alias_name_any_case_and_person(write):
    net = load_ok(write("net.yaml", STRONGEST))
    for text in ("acme", "ACME", "Acme", "acme corp"):
        assert warm_paths(net, text, today=TODAY, top=1).target["id"] == "acme"
    to_bob = warm_paths(net, "Bob", today=TODAY, top=3)
    assert to_bob.target == {"id": "bob", "name": "Bob", "kind": "person", "org": "acme"}
    # Ada (0.35) first; Cy (0.175); and Wes through Acme: 0.10 * colleague_trust 0.35 = 0.035.
    assert [p.people for p in to_bob.paths] == [["me", "ada", "bob"], ["me", "cy", "bob"], ["me", "wes", "bob"]]
    assert to_bob.paths[2].score == pytest.approx(0.035)
    hop = to_bob.paths[2].hops[1]
    assert (hop.via, hop.via_kind, hop.why) == ("acme", "organization", "colleagues at Acme")


def test_unknown_target_says_did_you_mean(write):
    net = load_ok(write("net.yaml", STRONGEST))
    with pytest.raises(GraphnetError, match=r"did you mean 'acme' \(Acme\)\?"):
        warm_paths(net, "Acmee", today=TODAY)
    with pytest.raises(GraphnetError, match="the target is you"):
        warm_paths(net, "me", today=TODAY)


# Colleague and group hops, and former employees as weaker insiders.
#   me–carol strength 4, last_contact today: 0.5*0.8 + 0.2 = 0.60
#   Carol and Dan both worked at Globex (2017–2023 and 2019–2024): past_colleague_trust 0.20;
#   Dan works at Acme now.                          me → carol → [Globex] → dan   0.60 * 0.20 = 0.12
#   I run with Eve at the Lakeside Running Club: group_trust 0.25; Eve worked at Acme until 2025,
#   a former employee: past_insider_trust 0.5.      me → [club] → eve             0.25 * 0.5  = 0.125
#   Eve (before) and Dan (now) at Acme: the geometric mean of the two trusts, sqrt(0.2 * 0.35):
#                                                   me → [club] → eve → [Acme] → dan
#                                                                    0.25 * sqrt(0.07) = 0.0661
HOPS = """\
me:
  name: Sam
people:
  - name: Carol
    strength: 4
    last_contact: 2026-11-25
    past_orgs: [{org: Globex, from: 2017-01-01, to: 2023-06-30}]
  - name: Dan
    strength: 0
    org: Acme
    past_orgs: [{org: Globex, from: 2019-03-01, to: 2024-02-01}]
  - name: Eve
    strength: 0
    past_orgs: [{org: Acme, to: 2025-01-31}]
groups:
  - name: Lakeside Running Club
    members: [me, eve]
"""


def test_colleague_and_group_hops_and_former_employees(write):
    net = load_ok(write("net.yaml", HOPS))
    result = warm_paths(net, "acme", today=TODAY)
    assert result.target["insiders"] == 1 and result.target["past_insiders"] == 1
    assert [p.people for p in result.paths] == [["me", "eve"], ["me", "carol", "dan"], ["me", "eve", "dan"]]
    eve, dan, eve_dan = result.paths
    assert eve.score == pytest.approx(0.125)
    assert eve.insider_current is False
    assert (eve.hops[0].via, eve.hops[0].why) == ("lakeside-running-club", "both members of Lakeside Running Club")
    assert eve.ask == "Ask Eve (formerly at Acme) how to get into Acme."
    assert dan.score == pytest.approx(0.12)
    assert dan.nodes == ["me", "carol", "globex", "dan"]
    assert (dan.hops[1].via, dan.hops[1].why) == ("globex", "worked together at Globex 2019–2023")
    assert eve_dan.score == pytest.approx(0.25 * 0.07**0.5)
    assert eve_dan.hops[1].why == "Eve worked at Acme until 2025, where Dan works now"
    assert eve_dan.ask == "Ask Eve to introduce you to Dan (at Acme)."


# No path within reach: nearest routes.
NO_PATH = """\
me:
  name: Sam
organizations:
  - {name: Acme, industry: analytics, competitors: [Globex]}
  - {name: Globex, industry: analytics}
  - {name: Initech, industry: analytics}
people:
  - {name: Gus, strength: 3, org: Globex, last_contact: 2026-11-01, knows: [ian]}
  - {name: Ian, strength: 0, org: Initech}
  - {name: Ola, strength: 0, org: Acme}
groups:
  - {name: Data Guild, members: [ola, gus]}
"""


def test_no_path_suggests_nearest_routes(write):
    net = load_ok(write("net.yaml", NO_PATH))
    # Within one introduction there is no way in (Gus reaches Ola only through the Data Guild: 2 hops).
    result = warm_paths(net, "Acme", today=TODAY, max_hops=1)
    assert result.paths == []
    kinds = {(r.kind, r.id) for r in result.nearest}
    assert ("competitor", "gus") in kinds  # my contact at a competitor
    assert ("group", "data-guild") in kinds  # a group with someone at Acme
    assert ("two-hops", "ian") in kinds  # someone in Acme's industry a contact of mine knows
    group = next(r for r in result.nearest if r.kind == "group")
    assert "your contact Gus is a member" in group.why
    # With two hops the guild is a path: me → gus → [Data Guild] → ola.
    two = warm_paths(net, "Acme", today=TODAY, max_hops=2)
    assert [p.people for p in two.paths] == [["me", "gus", "ola"]]
    assert two.nearest == []


def test_nobody_at_the_target(write):
    folder = write("net.yaml", STRONGEST.replace("organizations:\n", "organizations:\n  - {name: Zed Corp}\n"))
    result = run(folder, "path", "Zed Corp")
    assert result.exit_code == 0, result.output
    assert "Nobody in your network works or worked at Zed Corp." in result.output


# -- the command ----------------------------------------------------------------------------


def test_cli_human_output(write):
    folder = write("net.yaml", STRONGEST)
    result = run(folder, "path", "acme", "--top", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Warm paths to Acme (3 people there now, 0 formerly), as of 2026-11-25")
    assert " 1.  35%  you → Ada → Bob" in lines
    assert " 2.  18%  you → Cy → Bob" in lines
    assert "    Ask Ada to introduce you to Bob (Data Lead at Acme)." in lines
    assert any(line.strip().startswith("you → Ada: inner circle, last talked today") for line in lines)


def test_cli_json_shape(write):
    folder = write("net.yaml", STRONGEST)
    result = run(folder, "path", "acme", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["target"] == {"id": "acme", "name": "Acme", "kind": "organization", "insiders": 3, "past_insiders": 0}
    scores = [p["score"] for p in data["paths"]]
    assert scores == sorted(scores, reverse=True) and scores[0] == 0.35
    first = data["paths"][0]
    assert first["people"] == ["me", "ada", "bob"]
    assert set(first) >= {"score", "people", "hops", "ask"}
    assert first["hops"][0]["from"] == "me" and first["hops"][0]["to"] == "ada" and first["hops"][0]["via"] == "knows"
    assert all(set(h) >= {"from", "to", "via", "why"} for p in data["paths"] for h in p["hops"])


def test_cli_json_shows_organizations_crossed_in_via(write):
    folder = write("net.yaml", HOPS)
    data = json.loads(run(folder, "path", "acme", "--json").stdout)
    carol = next(p for p in data["paths"] if p["people"] == ["me", "carol", "dan"])
    assert [h["via"] for h in carol["hops"]] == ["knows", "globex"]


def test_cli_unknown_target_exits_2_with_did_you_mean(write):
    folder = write("net.yaml", STRONGEST)
    result = run(folder, "path", "Acmee")
    assert result.exit_code == 2
    assert "error: no organization or person called 'Acmee'" in result.stderr
    assert "did you mean 'acme' (Acme)?" in result.stderr


def test_today_makes_the_answer_reproducible(write):
    folder = write("net.yaml", STRONGEST)
    first = run(folder, "path", "acme", "--json")
    again = run(folder, "path", "acme", "--json")
    assert first.exit_code == 0 and first.stdout == again.stdout
    # 180 days later Ada's recency has halved: 0.5 + 0.2*0.5 = 0.6, so the best path is 0.6*0.5 = 0.30.
    later = CliRunner().invoke(
        cli, ["--data", str(folder), "--today", "2027-05-24", "--no-cache", "path", "acme", "--json"]
    )
    assert json.loads(later.stdout)["paths"][0]["score"] == pytest.approx(0.30)


def test_no_path_and_no_nearer_route(write):
    folder = write("net.yaml", "me:\n  name: Sam\npeople:\n  - {name: Ola, strength: 0, org: Acme}\n")
    result = run(folder, "path", "Acme")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("Warm paths to Acme (1 person there now, 0 formerly)")
    assert "No warm path within 3 introductions." in result.output
    assert "No nearer route either" in result.output


# -- introductions on record: declined ones are not repeated, pending ones not asked twice --------
#
# Default shares as above; nobody shares a contact, so overlaps are 0; no tie between two others has
# contact evidence (a declined introduction is not contact), so their recency is 0.
#   me–nik    strength 5, last_contact today:  0.5*5/5 + 0.2*1 = 0.70
#   me–tony   strength 3, last_contact today:  0.5*3/5 + 0.2*1 = 0.50
#   nik–wendy knows, strength 5:               0.5*5/5         = 0.50
#   tony–helen knows, strength 3:              0.5*3/5         = 0.30
# Without the record:  me → nik → wendy  0.70 * 0.50 = 0.35   (the best)
#                      me → tony → helen 0.50 * 0.35 = 0.175 (knows 0.30 raised to colleague_trust)
# Nik declined to introduce me to Wendy: that hop is multiplied by declined_introduction_penalty
# (0.1), so me → nik → wendy scores 0.35 * 0.1 = 0.035 and Tony's route comes first.
DECLINED = """\
me:
  name: Sam
  targets: [Cascade]
people:
  - {name: Nik, strength: 5, last_contact: 2026-11-25, knows: [{id: wendy, strength: 5}]}
  - {name: Tony, strength: 3, last_contact: 2026-11-25, knows: [{id: helen, strength: 3}]}
  - {name: Wendy, strength: 0, org: Cascade, role: Recruiter}
  - {name: Helen, strength: 0, org: Cascade, role: VP Data}
introductions:
  - date: 2026-10-09
    by: nik
    people: [me, wendy]
    status: declined
    note: Hiring clinical roles only until January.
"""


def test_a_declined_introduction_is_not_suggested_again(write):
    net = load_ok(write("net.yaml", DECLINED))
    result = warm_paths(net, "Cascade", today=TODAY)
    assert [p.people for p in result.paths] == [["me", "tony", "helen"], ["me", "nik", "wendy"]]
    tony, nik = result.paths
    assert tony.score == pytest.approx(0.175)
    assert nik.score == pytest.approx(0.035)
    assert (tony.declined, nik.declined) == (False, True)
    hop = nik.hops[1]
    assert hop.weight == pytest.approx(0.05) and hop.factor == pytest.approx(0.1)
    assert hop.why == (
        "know each other, very close; declined to introduce you in October 2026 (Hiring clinical roles only until January.)"
    )
    assert nik.ask == (
        "Nik declined to introduce you to Wendy in October 2026; rather than asking again, "
        "try the route through Tony to Helen instead."
    )
    assert tony.ask == "Ask Tony to introduce you to Helen (VP Data at Cascade)."
    # The search itself knows: asked for one path, it gives Tony's, not Nik's.
    assert [p.people for p in warm_paths(net, "Cascade", today=TODAY, top=1).paths] == [["me", "tony", "helen"]]


def test_declined_penalty_is_a_setting_and_the_day_counts(write):
    # With the penalty set to 1 the record only explains: 0.35 comes first again.
    folder = write("net.yaml", DECLINED.replace("  targets: [Cascade]\n", "  declined_introduction_penalty: 1\n"))
    result = warm_paths(load_ok(folder), "Cascade", today=TODAY)
    assert result.paths[0].people == ["me", "nik", "wendy"]
    assert result.paths[0].score == pytest.approx(0.35)
    assert "declined to introduce you in October 2026" in result.paths[0].hops[1].why
    # Before the introduction was declined (--today 2026-10-01) nothing is known about it.
    early = date(2026, 10, 1)
    net, _ = load(write("net.yaml", DECLINED), today=early, use_cache=False)
    before = warm_paths(net, "Cascade", today=early)
    assert before.paths[0].people == ["me", "nik", "wendy"]
    assert before.paths[0].ask == "Ask Nik to introduce you to Wendy (Recruiter at Cascade)."
    assert not any(h.introduction for p in before.paths for h in p.hops)


def test_declined_introduction_in_json(write):
    folder = write("net.yaml", DECLINED)
    data = json.loads(run(folder, "path", "Cascade", "--json").stdout)
    nik = next(p for p in data["paths"] if p["people"] == ["me", "nik", "wendy"])
    assert nik["declined"] is True and nik["score"] == 0.035
    assert nik["hops"][1]["introduction"] == {
        "status": "declined",
        "by": "nik",
        "people": ["me", "wendy"],
        "date": "2026-10-09",
        "note": "Hiring clinical roles only until January.",
        "factor": 0.1,
    }
    assert "introduction" not in nik["hops"][0]
    tony = next(p for p in data["paths"] if p["people"] == ["me", "tony", "helen"])
    assert tony["declined"] is False


# The same through a group, and the same pair asked directly.
#   me–nik 0.70 and me–ann 0.5*4/5 + 0.2 = 0.60 (as above); Nik, Ann, Wendy and I are in the Book
#   Club: group_trust 0.25 per hop through it. Wendy works at Cascade.
#   me → ann → [club] → wendy   0.60 * 0.25       = 0.15
#   me → [club] → wendy         0.25 * 0.1        = 0.025   (the same pair as Nik's declined one)
#   me → nik → [club] → wendy   0.70 * 0.25 * 0.1 = 0.0175  (Nik to Wendy again, via the club)
# Without the record Nik's route (0.175) would be the best.
GROUP = """\
me:
  name: Sam
people:
  - {name: Nik, strength: 5, last_contact: 2026-11-25}
  - {name: Ann, strength: 4, last_contact: 2026-11-25}
  - {name: Wendy, strength: 0, org: Cascade}
groups:
  - {name: Book Club, members: [me, nik, ann, wendy]}
introductions:
  - {date: 2026-10-09, by: nik, people: [wendy, me], status: declined}
"""


def test_declined_introduction_through_a_group_and_the_same_pair(write):
    net = load_ok(write("net.yaml", GROUP))
    result = warm_paths(net, "Cascade", today=TODAY)
    assert [p.people for p in result.paths] == [["me", "ann", "wendy"], ["me", "wendy"], ["me", "nik", "wendy"]]
    ann, direct, nik = result.paths
    # The search charges hops through the club too: the single best path is Ann's.
    assert [p.people for p in warm_paths(net, "Cascade", today=TODAY, top=1).paths] == [["me", "ann", "wendy"]]
    assert [p.score for p in result.paths] == pytest.approx([0.15, 0.025, 0.0175])
    assert nik.nodes == ["me", "nik", "book-club", "wendy"]  # the club, not a private copy of it
    assert nik.hops[1].via == "book-club"
    assert nik.hops[1].why == "both members of Book Club; declined to introduce you in October 2026"
    assert direct.hops[0].why == (
        "both members of Book Club; an introduction to them by Nik was declined in October 2026"
    )
    assert direct.ask.startswith(
        "An introduction to Wendy by Nik was declined in October 2026; rather than asking again"
    )
    # Another introducer is another route: no penalty, but the record is mentioned.
    assert not ann.declined and ann.hops[1].factor == 1.0
    assert ann.hops[1].why == "both members of Book Club; Nik declined to introduce you to Wendy in October 2026"


# A requested introduction still pending on the best hop:
#   me–margaret strength 3, last_contact today: 0.50; margaret–victor knows, strength 3: 0.30,
#   raised to colleague_trust 0.35 -> 0.175
PENDING = """\
me:
  name: Sam
people:
  - {name: Margaret, strength: 3, last_contact: 2026-11-25, knows: [{id: victor, strength: 3}]}
  - {name: Victor, strength: 0, org: GreenGrid, role: COO}
introductions:
  - {date: 2026-11-10, by: margaret, people: [me, victor], status: requested}
"""


def test_a_pending_introduction_is_mentioned_not_asked_twice(write):
    folder = write("net.yaml", PENDING)
    result = warm_paths(load_ok(folder), "GreenGrid", today=TODAY)
    (path,) = result.paths
    assert path.score == pytest.approx(0.175)  # no penalty for asking
    assert not path.declined
    assert path.hops[1].why == "know each other, friendly; you asked on 2026-11-10 for this introduction; still pending"
    assert path.ask == (
        "You already asked Margaret on 2026-11-10 to introduce you to Victor (COO at GreenGrid); "
        "still pending: follow up with Margaret rather than asking again."
    )
    hop = json.loads(run(folder, "path", "GreenGrid", "--json").stdout)["paths"][0]["hops"][1]
    assert hop["introduction"]["status"] == "requested" and hop["introduction"]["factor"] == 1.0
    output = run(folder, "path", "GreenGrid").output
    assert "you asked on 2026-11-10 for this introduction; still pending" in " ".join(output.split())


def test_which_records_count(write):
    from graphnet.analyses.warm_paths import asked_introductions

    folder = write(
        "net.yaml",
        """\
        me:
          name: Sam
        people:
          - {name: Ada, strength: 3}
          - {name: Bo, strength: 3}
          - {name: Cy, strength: 0}
          - {name: Di, strength: 0}
        introductions:
          # Ada: asked, then declined: declined.
          - {date: 2026-09-01, by: ada, people: [me, cy], status: requested}
          - {date: 2026-10-01, by: ada, people: [me, cy], status: declined}
          # Bo introduced me to Cy later: the pair is settled, Ada's refusal stays hers.
          - {date: 2026-11-01, by: bo, people: [cy, me], status: met}
          # Bo: declined, then asked again: pending.
          - {date: 2026-08-01, by: bo, people: [me, di], status: declined}
          - {date: 2026-11-20, by: bo, people: [me, di], status: requested}
          # Not about me.
          - {date: 2026-10-01, by: ada, people: [bo, di], status: declined}
        """,
    )
    declined, requested = asked_introductions(load_ok(folder), TODAY)
    assert set(declined) == {("ada", "cy")}
    assert set(requested) == {("bo", "di"), ("me", "di")}
    # On 2026-10-15 Bo's introduction to Cy and his second ask had not happened yet.
    declined, requested = asked_introductions(load_ok(folder), date(2026, 10, 15))
    assert set(declined) == {("ada", "cy"), ("me", "cy"), ("bo", "di"), ("me", "di")}
    assert requested == {}


def test_nearest_routes_know_a_declined_introduction(write):
    # As in NO_PATH: within one introduction there is no way into Acme, and Ian (Initech, same
    # industry) is two hops away through Gus, who declined to introduce me to him in October.
    folder = write(
        "net.yaml", NO_PATH + "introductions:\n  - {date: 2026-10-02, by: gus, people: [me, ian], status: declined}\n"
    )
    result = warm_paths(load_ok(folder), "Acme", today=TODAY, max_hops=1)
    ian = next(r for r in result.nearest if r.id == "ian")
    assert ian.why == "works in analytics at Initech; Gus knows them but declined to introduce you in October 2026"
