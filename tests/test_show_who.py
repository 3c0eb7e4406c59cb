"""show and who, on a small network and on the sample; every edit command on a fresh `graphnet init` folder."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.cli import cli

ROOT = Path(__file__).resolve().parent.parent

NETWORK = """\
    me:
      name: Sam
      org: Quanta
      past_orgs: [{org: Lieferfix, from: 2021-03-01, to: 2026-10-31}]
    people:
      - name: Katrin Braun
        org: Lieferfix
        role: Lead
        location: Berlin
        strength: 3
        met: 2021-04-01
        introduced_by: gina-ortiz
        past_orgs: [{org: Globex, role: Intern, from: 2018-01-01, to: 2019-06-30}]
        tags: [python]
        circles: [work]
        email: katrin@example.org
      - name: Gina Ortiz
        org: Globex
        strength: 4
        knows: [katrin-braun]
        location: berlin
    interactions:
      - {date: 2026-11-01, with: katrin-braun, kind: coffee, note: secret plans}
    favors:
      - {date: 2026-09-01, from: katrin-braun, to: me, kind: referral}
      - {date: 2026-10-01, from: me, to: katrin-braun, kind: advice}
    introductions:
      - {date: 2026-11-10, by: katrin-braun, people: [me, gina-ortiz], status: made}
    reminders:
      - {date: 2026-12-24, person: katrin-braun, note: send a card}
    """


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "n.yaml").write_text(textwrap.dedent(NETWORK), encoding="utf-8")
    return tmp_path


def run(folder: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-27", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_show_json_has_the_contract_keys(folder: Path) -> None:
    page = json.loads(run(folder, "show", "Katrin", "--json"))
    for key in ("id", "name", "org", "role", "past_orgs", "strength", "circles", "tags", "mutual", "timeline"):
        assert key in page
    assert page["id"] == "katrin-braun" and page["org"] == "Lieferfix" and page["role"] == "Lead"
    assert page["past_orgs"] == [{"org": "Globex", "role": "Intern", "from": "2018-01-01", "to": "2019-06-30"}]
    assert page["mutual"] == ["gina-ortiz"]
    # Newest first: the reminder (2026-12-24, in the future), the introduction, the coffee, the two favors, met.
    kinds = [(e["date"], e["kind"]) for e in page["timeline"]]
    assert kinds == [
        ("2026-12-24", "reminder"),
        ("2026-11-10", "introduction"),
        ("2026-11-01", "coffee"),
        ("2026-10-01", "favor-given"),
        ("2026-09-01", "favor-received"),
        ("2021-04-01", "met"),
    ]
    assert "secret plans" not in json.dumps(page) and "katrin@example.org" not in json.dumps(page)
    private = json.loads(run(folder, "show", "Katrin", "--json", "--include-private"))
    assert "secret plans" in json.dumps(private) and "katrin@example.org" in json.dumps(private)


def test_show_text_tells_the_tie_and_how_we_met(folder: Path) -> None:
    out = run(folder, "show", "katrin braun")
    assert out.startswith("Katrin Braun (katrin-braun): Lead, Lieferfix\n")
    assert (
        "worked together at Lieferfix 2021–2026" in out and "last talked 17 days ago" in out
    )  # the introduction of 2026-11-10 counts as contact
    assert "how we met: met 2021-04-01, introduced by Gina Ortiz (gina-ortiz)" in out
    assert "reminder: follow up on 2026-12-24 (planned)" in out


def test_who_by_org_tag_circle_location(folder: Path) -> None:
    at_globex = json.loads(run(folder, "who", "Globex", "--json"))["people"]
    # Gina works there now, Katrin worked there 2018-2019; stronger tie first.
    assert [(p["id"], p["why"]) for p in at_globex] == [
        ("gina-ortiz", "works at Globex"),
        ("katrin-braun", "worked at Globex 2018–2019"),
    ]
    assert set(at_globex[0]) == {"id", "name", "org", "role", "strength", "why"}
    assert [p["id"] for p in json.loads(run(folder, "who", "python", "--json"))["people"]] == ["katrin-braun"]
    assert [p["id"] for p in json.loads(run(folder, "who", "BERLIN", "--json"))["people"]] == [
        "gina-ortiz",
        "katrin-braun",
    ]
    assert "nobody matches 'nowhere'" in run(folder, "who", "nowhere")


def test_show_and_who_on_the_sample() -> None:
    out = run(ROOT / "data", "show", "Olivia")
    assert out.startswith("Olivia Grant (olivia-grant)")
    assert "Olivia Grant" in run(ROOT / "data", "who", "Quanta Retail")


def test_every_command_on_a_fresh_init_folder(tmp_path: Path) -> None:
    folder = tmp_path / "net"
    CliRunner().invoke(cli, ["init", str(folder)])
    steps = [
        ("add", "person", "Katrin Braun", "--org", "Lieferfix"),
        ("add", "person", "Gina Ortiz"),
        ("set", "katrin", "strength", "4"),
        ("set", "me", "org", "Quanta"),
        ("tie", "katrin", "gina", "--strength", "3"),
        ("move", "gina", "Globex", "--role", "CTO"),
        ("add", "person", "K. Braun", "--id", "kb2", "--email", "k@example.org"),
        ("merge", "katrin", "kb2"),
        ("remind", "katrin", "--on", "2030-01-01"),
        ("snooze", "gina", "--until", "2030-01-01"),
        ("show", "katrin"),
        ("who", "Globex"),
    ]
    for step in steps:
        run(folder, *step)
    net, problems = graphnet.load(folder, use_cache=False)
    assert not [p for p in problems if p.is_error]
    katrin = net.people["katrin-braun"]
    assert (
        katrin.strength == 4 and katrin.email == "k@example.org" and [t.other for t in katrin.knows] == ["gina-ortiz"]
    )
    assert "kb2" not in net.people and net.me.org == "quanta" and net.people["gina-ortiz"].role == "CTO"
    assert net.reminders[0].person == "katrin-braun"


def test_one_page_equals_the_page_of_the_whole_index_and_builds_no_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    # `show` gathers one person's events only; the map builds one index (with its tie model) for
    # every page. Both read contacts from the ties, which must be the graph's neighbours of each
    # person; and both must give the same page for everyone in the sample, with and without
    # private fields.
    from datetime import date

    from graphnet.analyses import graph as graph_module
    from graphnet.analyses.person import PersonIndex, person_page
    from graphnet.analyses.strength import TieModel

    net, _ = graphnet.load(ROOT / "data", today=date(2026, 11, 25))
    day = date(2026, 11, 25)
    model = TieModel(net, day)
    full = {private: PersonIndex(net, day, include_private=private, model=model) for private in (False, True)}
    graph = graph_module.build_graph(net, day)
    for ident in net.people:
        assert sorted(full[False].contacts(ident)) == sorted(n for n in graph.adj[ident] if n in net.people)

    def no_graph(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a single page built the whole graph")

    monkeypatch.setattr(graph_module, "build_graph", no_graph)
    assert len(net.people) > 100
    for ident in net.people:
        for private, index in full.items():
            alone = person_page(net, ident, day, private)
            assert alone.to_dict() == person_page(net, ident, day, private, index=index).to_dict()


def test_show_lists_the_department_a_move_kept_with_the_old_job(tmp_path: Path) -> None:
    (tmp_path / "n.yaml").write_text(
        "me: {name: Sam}\npeople:\n  - name: Ada\n    org: Acme\n    role: Engineer\n    department: Platform\n",
        encoding="utf-8",
    )
    run(tmp_path, "move", "Ada", "Globex", "--role", "Lead", "--date", "2026-11-01")
    assert "  before: Acme (Engineer, Platform) until 2026\n" in run(tmp_path, "show", "Ada")
    past = json.loads(run(tmp_path, "show", "Ada", "--json"))["past_orgs"]
    assert past == [{"org": "Acme", "role": "Engineer", "from": None, "to": "2026-11-01", "department": "Platform"}]
