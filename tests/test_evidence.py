"""Evidence points from interactions (mail summaries, meetings) and how they move tie weights."""

from __future__ import annotations

from datetime import date

import pytest

from graphnet import load
from graphnet.analyses.activity import last_contacts
from graphnet.analyses.evidence import decay, evidence_by_person, interaction_points, is_contact
from graphnet.analyses.strength import TieModel
from graphnet.model import Interaction, Settings

TODAY = date(2026, 11, 27)
S = Settings()


def test_points_per_record() -> None:
    meeting = Interaction(date=TODAY, with_=["a"], kind="meeting", count=2)
    assert interaction_points(meeting, S) == 6.0  # 3 per meeting
    coffee = Interaction(date=TODAY, with_=["a"], kind="coffee")
    assert interaction_points(coffee, S) == 3.0  # anything but mail is a meeting
    mail = Interaction(date=TODAY, with_=["a"], kind="email", count=14, sent=6, received=8)
    assert interaction_points(mail, S) == pytest.approx(6 * 1.0 + 2 * 0.1)  # 6 both ways, 2 one way
    by_hand = Interaction(date=TODAY, with_=["a"], kind="email")
    assert interaction_points(by_hand, S) == 1.0
    one_way = Interaction(date=TODAY, with_=["a"], kind="email", count=9, sent=9, received=0)
    assert interaction_points(one_way, S) == pytest.approx(0.9)
    assert not is_contact(one_way) and is_contact(mail) and is_contact(by_hand) and is_contact(coffee)


def test_decay_follows_dotalign() -> None:
    assert decay(0, S) == 1.0
    # After two years the 75% share is gone and the 25% share has a third of its six years left.
    assert decay(730, S) == pytest.approx(0.25 * (1 - 730 / 2190))
    assert decay(365, S) == pytest.approx(0.75 * 0.5 + 0.25 * (1 - 365 / 2190))
    assert decay(2190, S) == 0.0 and decay(5000, S) == 0.0


NETWORK = """\
me:
  name: Sam
  email: me@example.org
people:
  - {name: Ada, strength: 3}
  - {name: Bob, strength: 3}
  - {name: Cy, strength: 3}
  - {name: Di, strength: 3}
  - {name: Eve, strength: 3}
  - {name: Fay, strength: 5}
  - {name: Gus, strength: 1}
"""
LOG = """\
interactions:
  # Ada: 12 emails both ways this month, and 3 meetings (21 days ago).
  - {date: 2026-11-22, with: ada, kind: email, count: 24, sent: 12, received: 12}
  - {date: 2026-11-06, with: ada, kind: meeting, count: 3}
  # Bob: 24 messages I sent, none back.
  - {date: 2026-11-22, with: bob, kind: email, count: 24, sent: 24, received: 0}
  # Cy: 3 meetings; Di: 3 emails both ways, the same day.
  - {date: 2026-11-06, with: cy, kind: meeting, count: 3}
  - {date: 2026-11-06, with: di, kind: email, count: 6, sent: 3, received: 3}
  # Eve: the same as Cy, but 400 days ago.
  - {date: 2025-10-23, with: eve, kind: meeting, count: 3}
  # Gus (strength 1): a lot of recent evidence; Fay (strength 5): none.
  - {date: 2026-11-26, with: gus, kind: meeting, count: 12}
  - {date: 2026-11-26, with: gus, kind: email, count: 60, sent: 30, received: 30}
"""


@pytest.fixture
def model(write) -> TieModel:
    folder = write("net.yaml", NETWORK)
    write("log/mail.yaml", LOG)
    net, problems = load(folder, today=TODAY)
    assert not [p for p in problems if p.is_error], problems
    return TieModel(net, TODAY)


def weight(model: TieModel, ident: str) -> float:
    facts = model.facts("me", ident)
    assert facts is not None
    return facts.weight


def test_weights_move_with_the_evidence(model: TieModel) -> None:
    # Reciprocity: mail both ways beats the same volume one way.
    assert weight(model, "ada") > weight(model, "bob")
    # Meetings weigh more than mail: 3 meetings (9 points) beat 3 emails both ways (3 points), same day.
    assert weight(model, "cy") > weight(model, "di")
    # Recency with decay: the same meetings 400 days ago weigh less.
    assert weight(model, "cy") > weight(model, "eve")
    # Declared strength stays the user's word: no evidence at 5 beats any evidence at 1.
    assert weight(model, "fay") > weight(model, "gus")


def test_ada_weight_by_hand(model: TieModel) -> None:
    # Strength 3; last contact 5 days ago (the mail went both ways); overlap 0 (no mutual contacts).
    # Evidence: 12 both-ways emails 5 days old, 3 meetings (9 points) 21 days old, in meetings of 3 points.
    points = 12 * decay(5, S) + 9 * decay(21, S)
    frequency = min(1.0, points / 3 / 12)
    expected = 0.5 * 3 / 5 + 0.2 * 2 ** (-5 / 180) + 0.1 * frequency
    assert weight(model, "ada") == pytest.approx(expected)


def test_one_way_mail_dates_no_contact(model: TieModel) -> None:
    contacts = last_contacts(model.net, TODAY)
    assert "bob" not in contacts and contacts["ada"] == date(2026, 11, 22)
    assert evidence_by_person(model.net, TODAY)["bob"].emails_one_way == 24


def test_explanation_says_which_evidence(model: TieModel) -> None:
    assert "12 emails both ways and 3 meetings this year; last met 21 days ago" in model.why("me", "ada")
    assert "24 one-way emails this year" in model.why("me", "bob")
    assert model.facts("me", "cy").to_dict()["evidence_points"] == pytest.approx(9 * decay(21, S), abs=0.01)  # type: ignore[union-attr]


def test_every_weight_is_a_setting(write) -> None:
    # With meetings worth no more than mail, Cy's 3 meetings and Di's 3 both-ways emails weigh the same...
    setting = "  email: me@example.org\n  evidence_meeting_points: 1\n"
    folder = write("net.yaml", NETWORK.replace("  email: me@example.org\n", setting))
    write("log/mail.yaml", LOG)
    net, _ = load(folder, today=TODAY)
    model = TieModel(net, TODAY)
    assert weight(model, "cy") == pytest.approx(weight(model, "di"))
    # ...while with the defaults the meetings weigh more.
    assert net.me.settings.evidence_meeting_points == 1.0


def test_a_days_meetings_count_for_the_people_in_them(write) -> None:
    folder = write(
        "net.yaml",
        """\
        people:
          - {name: Ada, knows: [bob]}
          - {name: Bob}
        interactions:
          - {date: 2026-11-20, with: [ada, bob], kind: meeting, count: 3}
        """,
    )
    net, _ = load(folder, today=TODAY)
    facts = TieModel(net, TODAY).facts("ada", "bob")
    assert facts is not None and facts.interactions == 3  # three meetings together this year, not one record
