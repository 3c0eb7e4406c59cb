"""Warm paths that know what I look for, show the `knows` notes, and never ask twice."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from graphnet import load, warm_paths
from graphnet.analyses.goals import role_match
from graphnet.cli import cli
from graphnet.model import Person

TODAY = date(2026, 11, 25)

# Two equal chains into Acme: me → Ada → Eve and me → Bob → Vic. Ada and Bob are both friendly
# (strength 3, last contact today: 0.5*3/5 + 0.2 = 0.50); each knows their insider at strength 4
# (0.5*4/5 = 0.40, no contact evidence, no overlap). Both paths score 0.50 * 0.40 = 0.20.
#   Without looking_for, equal scores are ordered by the people: [me, ada, eve] before [me, bob, vic].
#   With looking_for [VP Product]: Vic (VP of Product) matches, factor 1; Eve (Engineering Manager)
#   does not, factor 1 - role_match_weight = 0.5. So Vic's path keeps 0.20 and comes first; Eve's 0.10.
TWO_CHAINS = """\
me:
  name: Sam
  targets: [Acme]
organizations:
  - name: Acme
people:
  - name: Ada
    strength: 3
    last_contact: 2026-11-25
    knows: [{id: eve, strength: 4, note: PhD lab mates}]
  - name: Bob
    strength: 3
    last_contact: 2026-11-25
    knows: [{id: vic, strength: 4, note: coached Vic's rowing team}]
  - {name: Eve, strength: 0, org: Acme, role: Engineering Manager}
  - {name: Vic, strength: 0, org: Acme, role: VP of Product}
"""
LOOKING = TWO_CHAINS.replace("  targets: [Acme]\n", "  targets: [Acme]\n  looking_for: [product, VP Product]\n")


def load_ok(write, text):
    folder = write("net.yaml", text)
    net, problems = load(folder, today=TODAY, use_cache=False)
    assert not [p for p in problems if p.is_error], problems
    return folder, net


def test_role_match_reorders_two_equal_chains(write):
    _folder, net = load_ok(write, TWO_CHAINS)
    before = warm_paths(net, "acme", today=TODAY).paths
    assert [p.insider for p in before] == ["eve", "vic"]
    assert before[0].score == pytest.approx(0.20) and before[1].score == pytest.approx(0.20)
    _folder, net = load_ok(write, LOOKING)
    after = warm_paths(net, "acme", today=TODAY).paths
    assert [p.insider for p in after] == ["vic", "eve"]
    assert after[0].score == pytest.approx(0.20) and after[1].score == pytest.approx(0.10)
    assert after[0].role_factor == 1.0 and after[1].role_factor == pytest.approx(0.5)
    # The most specific phrase matched is reported, with the role as written.
    assert after[0].hops[-1].why.endswith("VP of Product: matches what you look for")
    assert after[0].to_json()["role_match"] == "VP of Product"


def test_role_match_rule():
    vp = Person(id="v", name="V", role="VP of Product")
    assert role_match(vp, ["product", "VP Product"]).phrase == "VP Product"  # two words beat one
    assert role_match(Person(id="d", name="D", department="Product"), ["product"]).label == "Product"
    assert role_match(Person(id="p", name="P", role="Head of Production"), ["product"]) is None
    assert role_match(vp, []) is None


def test_a_hop_shows_the_knows_note(write):
    folder, net = load_ok(write, TWO_CHAINS)
    eve = warm_paths(net, "acme", today=TODAY).paths[0]
    assert eve.hops[1].why.startswith('know each other, close ("PhD lab mates")')
    text = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "path", "acme"]).output
    assert '"coached Vic\'s rowing team"' in text


# A pending ask to Vic through Bob (asked 2026-11-10). The path through Ada to Vic must not become
# a second ask: it says the first one is pending and suggests following up with Bob instead.
# (Vic is made to match, so with only Ada's route to him left the question is about a second ask:
# Bob's own route repeats the pending request and gets the usual follow-up.)
DOUBLE_ASK = (
    LOOKING.replace(
        "    knows: [{id: eve, strength: 4, note: PhD lab mates}]\n",
        "    knows: [{id: eve, strength: 4, note: PhD lab mates}, {id: vic, strength: 4}]\n",
    )
    + """\
introductions:
  - {date: 2026-11-10, by: bob, people: [me, vic], status: requested}
"""
)


def test_a_pending_ask_to_the_same_insider_through_anyone_is_mentioned(write):
    folder, net = load_ok(write, DOUBLE_ASK)
    paths = {tuple(p.people): p for p in warm_paths(net, "acme", today=TODAY).paths}
    through_ada = paths[("me", "ada", "vic")]
    assert "you already asked Bob on 2026-11-10 to introduce you to Vic; still pending" in through_ada.hops[1].why
    assert through_ada.ask == (
        "You already asked Bob on 2026-11-10 to introduce you to Vic (VP of Product at Acme); still pending:"
        " follow up with Bob rather than a second ask through Ada."
    )
    through_bob = paths[("me", "bob", "vic")]
    assert through_bob.ask.startswith("You already asked Bob on 2026-11-10 to introduce you to Vic")
    answer = json.loads(
        CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "path", "acme", "--json"]).output
    )
    hop = next(p for p in answer["paths"] if p["people"] == ["me", "ada", "vic"])["hops"][1]
    assert hop["pending_elsewhere"] == {"by": "bob", "date": "2026-11-10"}


# Cal is my acquaintance (strength 2) at Initech, and Ada knows him well; the best way to Cal's
# colleague Dee may run me → Ada → Cal → Dee. A hop to someone I know myself says so.
def test_a_hop_to_someone_i_know_says_so(write):
    text = """\
me: {name: Sam}
organizations:
  - name: Initech
people:
  - {name: Ada, strength: 5, last_contact: 2026-11-25, knows: [{id: cal, strength: 5}]}
  - {name: Cal, strength: 1, knows: [{id: dee, strength: 5}]}
  - {name: Dee, strength: 0, org: Initech}
"""
    _folder, net = load_ok(write, text)
    paths = warm_paths(net, "initech", today=TODAY).paths
    via_ada = next(p for p in paths if p.people == ["me", "ada", "cal", "dee"])
    assert "you know Cal yourself (met once)" in via_ada.hops[1].why


def test_a_recent_pending_ask_waits_out_the_grace_days(write):
    # Asked Bob on 2026-11-21, 4 days ago: before intro_follow_up_days (7) the ask says to wait
    # until 2026-11-28, and still not to ask a second time.
    _folder, net = load_ok(write, DOUBLE_ASK.replace("2026-11-10", "2026-11-21"))
    paths = {tuple(p.people): p for p in warm_paths(net, "acme", today=TODAY).paths}
    assert paths[("me", "ada", "vic")].ask.endswith(
        "still pending: give Bob until 2026-11-28 before following up rather than a second ask through Ada."
    )
