"""One person's page (``analyses.person``): what ``show`` prints and the map's panel shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import graphnet
from graphnet.analyses.person import PersonIndex, person_page

TODAY = date(2026, 11, 25)

NETWORK = """\
me:
  name: Robin Quill
  targets: [Northwind]
organizations:
  - name: Northwind
  - name: Acme Corp
people:
  - name: Ada Lovelace
    org: Acme Corp
    role: Engineer
    past_orgs: [{org: Northwind, role: Analyst, from: 2019-01-01, to: 2021-06-30}]
    circles: [work]
    strength: 4
    met: 2020-03-01
    knows: [bob-stone, cy-young]
    email: ada-secret@example.com
    notes: NOTE-SECRET
  - name: Bob Stone
    org: Acme Corp
    strength: 3
  - name: Cy Young
    org: Northwind
    strength: 0
  - name: Dee Long
    strength: 2
    knows: [cy-young]
interactions:
  - {date: 2026-11-01, with: ada-lovelace, kind: coffee, note: INTERACTION-SECRET}
  - {date: 2026-06-01, with: [ada-lovelace, bob-stone], kind: meeting}
  - {date: 2026-12-24, with: ada-lovelace, kind: call}
favors:
  - {date: 2026-09-01, from: ada-lovelace, to: me, kind: referral, what: FAVOR-SECRET}
introductions:
  - {date: 2026-10-01, by: ada-lovelace, people: [me, cy-young], status: requested}
"""


def load(write: Callable[..., Path]) -> graphnet.Network:
    net, problems = graphnet.load(write("n.yaml", NETWORK, dedent=False), today=TODAY)
    assert not [p for p in problems if p.is_error], problems
    return net


def test_page_of_a_person(write: Callable[..., Path]) -> None:
    net = load(write)
    page = person_page(net, "ada-lovelace", TODAY)
    data = page.to_dict()
    assert (data["name"], data["org"], data["role"], data["strength"]) == ("Ada Lovelace", "Acme Corp", "Engineer", 4)
    assert data["past_orgs"] == [{"org": "Northwind", "role": "Analyst", "from": "2019-01-01", "to": "2021-06-30"}]
    # Bob (strength 3) knows me and Ada; Cy (strength 0) is not met, so not a mutual contact.
    assert data["mutual"] == ["bob-stone"]
    # The call on 2026-12-24 is after today: left out. Newest first: coffee, intro, favor, meeting, met.
    kinds = [(e["date"], e["kind"]) for e in data["timeline"]]
    assert kinds == [
        ("2026-11-01", "coffee"),
        ("2026-10-01", "introduction"),
        ("2026-09-01", "favor-received"),
        ("2026-06-01", "meeting"),
        ("2020-03-01", "met"),
    ]
    assert "meeting with you, Bob Stone" in data["timeline"][3]["text"]
    assert data["pending"] == ["introduction of you to Cy Young through Ada Lovelace: asked, not made yet"]
    # Ada used to work at Northwind (a target) and knows Cy, who works there now.
    assert data["opens"] == ["used to work at Northwind, one of your targets"]
    assert "close contact" in data["tie"] and "helped you once" in data["tie"]
    assert data["evidence"]["interactions"] == 2
    assert data["last_contact"] == "2026-11-01"


def test_private_text_only_when_asked(write: Callable[..., Path]) -> None:
    net = load(write)
    public = str(person_page(net, "ada-lovelace", TODAY).to_dict())
    for secret in ("ada-secret@example.com", "NOTE-SECRET", "INTERACTION-SECRET", "FAVOR-SECRET"):
        assert secret not in public
    private = person_page(net, "ada-lovelace", TODAY, include_private=True).to_dict()
    assert private["private"] == {"email": "ada-secret@example.com", "notes": "NOTE-SECRET"}
    text = str(private)
    assert "INTERACTION-SECRET" in text and "FAVOR-SECRET" in text


def test_reach_through_a_contact_and_a_shared_index(write: Callable[..., Path]) -> None:
    net = load(write)
    index = PersonIndex(net, TODAY)
    dee = person_page(net, "dee-long", TODAY, index=index)
    assert dee.opens == ["knows Cy Young at Northwind, one of your targets"]
    assert dee.timeline == []
    assert dee.tie.startswith("acquaintance")
    ada = person_page(net, "ada-lovelace", TODAY, index=index, timeline_limit=2)
    assert [e.kind for e in ada.timeline] == ["coffee", "introduction"]
