"""Connections versus relationships, organizations as people write them, answers for a big flat network."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from graphnet.analyses.activity import connections
from graphnet.analyses.reach_outs import reach_outs
from graphnet.analyses.strength import TieModel
from graphnet.analyses.weak_ties import weak_ties
from graphnet.cli import cli
from graphnet.files.loader import load
from graphnet.orgnames import is_not_organization, look_alikes

TODAY = date(2026, 11, 25)
MARK = "# Imported by `graphnet import linkedin` on 2026-11-01 from Connections.csv:\n"


def load_ok(folder):
    net, problems = load(folder, today=TODAY, use_cache=False)
    assert not [p for p in problems if p.is_error], problems
    return net


def run(folder, *args):
    return CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "--no-cache", *args])


IMPORTED = (
    MARK
    + """\
people:
  - {name: Eric Hill, org: Microsoft, role: Engineer, strength: 1, connected: 2026-11-17}
  - {name: Old Link, org: Microsoft, strength: 1, connected: 2009-05-02}
  - {name: Raised, org: Globex, strength: 3, connected: 2015-01-10}
  - {name: Logged, org: Globex, strength: 1, connected: 2015-01-10}
"""
)


def test_an_imported_record_alone_is_a_connection_not_a_relationship(write):
    write("people/linkedin-2026-11-01.yaml", IMPORTED, dedent=False)
    folder = write(
        "me.yaml",
        """\
        me: {name: Sam}
        people:
          - {name: Fran, strength: 1}
        interactions:
          - {date: 2026-01-05, with: logged}
        """,
    )
    net = load_ok(folder)
    assert net.people["eric-hill"].imported == "linkedin"
    assert net.people["eric-hill"].connected == date(2026, 11, 17)
    assert net.people["eric-hill"].met is None
    assert net.people["fran"].imported is None
    # Raised (strength 3 by hand) and Logged (an interaction) are relationships; Fran was written by hand.
    assert connections(net, TODAY) == {"eric-hill", "old-link"}
    result = reach_outs(net, today=TODAY, top=50)
    listed = {item.id: [r.kind for r in item.reasons] for item in result.reach_outs}
    # Eric connected 8 days ago: no follow-up; Old Link connected 17 years ago: not overdue.
    # Raised: strength 3 and no contact on record -> overdue; Logged: last contact 2026-01-05,
    # 324 days ago, within the 365-day cadence of strength 1 -> not listed.
    assert listed == {"raised": ["overdue"]}
    model = TieModel(net, TODAY)
    why = model.why("me", "eric-hill")
    assert why == "a connection since November 2026 (imported), no contact on record"
    assert "talked" not in why


def test_path_groups_direct_contacts_and_puts_stated_ties_first(write):
    connections_at_microsoft = "".join(
        f"  - {{name: Link {i}, org: Microsoft, strength: 1, connected: 2020-0{i}-01}}\n" for i in range(1, 9)
    )
    write("people/linkedin-2026-11-01.yaml", MARK + "people:\n" + connections_at_microsoft, dedent=False)
    folder = write(
        "me.yaml",
        """\
        me: {name: Sam}
        people:
          - {name: Ada, strength: 4, last_contact: 2026-11-20, knows: [{id: bob, strength: 4}]}
          - {name: Bob, strength: 0, org: Microsoft, role: VP Sales}
          - {name: Cleo, strength: 4, last_contact: 2026-11-20, org: Microsoft}
        """,
    )
    result = run(folder, "path", "Microsoft")
    assert result.exit_code == 0, result.output
    out = result.output
    # 9 direct contacts: Cleo (close, talked 5 days ago) and the 8 imported connections.
    assert "You know 9 people at Microsoft directly (8 of them connections, not relationships)" in out
    first = out.index("- Cleo: close contact")
    assert first < out.index("- Link 1: a connection since January 2020")
    assert "and 4 more (--json lists them all)" in out
    # Paths: Cleo directly, then Ada -> Bob through the stated knows; no one-hop path to a connection.
    assert "you → Ada → Bob" in out
    assert "you → Link" not in out
    data = json.loads(run(folder, "path", "Microsoft", "--json").output)
    assert data["direct"]["count"] == 9
    assert data["direct"]["connections"] == 8
    assert [p["people"] for p in data["paths"]] == [["me", "cleo"], ["me", "ada", "bob"]]


def test_a_stated_knows_weighs_at_least_as_much_as_a_shared_employer(write):
    folder = write(
        "net.yaml",
        """\
        me: {name: Sam}
        people:
          - {name: Ada, strength: 3, knows: [{id: bob, strength: 1}]}
          - {name: Bob, strength: 0}
        """,
    )
    model = TieModel(load_ok(folder), TODAY)
    # Declared 1 alone: 0.5 * 1/5 = 0.10 (no contact, no overlap) -> raised to colleague_trust 0.35.
    assert model.weight("ada", "bob") == pytest.approx(0.35)


def test_not_an_organization(write):
    folder = write(
        "net.yaml",
        """\
        me:
          name: Sam
          not_organizations: [Between jobs]
        organizations:
          - {name: Stealth, notes: a real company called Stealth}
        people:
          - {name: Ana, strength: 3, org: Self-employed, past_orgs: [Freelance, Acme]}
          - {name: Ben, strength: 3, org: self employed}
          - {name: Cy, strength: 3, org: Between Jobs}
          - {name: Dee, strength: 3, org: Stealth}
        """,
    )
    net = load_ok(folder)
    assert net.people["ana"].org is None
    assert [job.org for job in net.people["ana"].past_orgs] == ["acme"]
    assert net.people["ben"].org is None
    assert net.people["cy"].org is None
    assert net.people["dee"].org == "stealth"  # declared: an organization whatever its name
    assert "self-employed" not in net.organizations
    assert is_not_organization("RETIRED") and not is_not_organization("Retired Teachers Association")


LOOK_ALIKES = """\
people:
  - {name: A1, org: Google}
  - {name: A2, org: Google}
  - {name: A3, org: Google Cloud}
  - {name: A4, org: Alphabet}
  - {name: B1, org: Amazon Web Services (AWS)}
  - {name: B2, org: AWS}
  - {name: C1, org: Ernst & Young}
  - {name: C2, org: EY}
  - {name: D1, org: Facebook}
  - {name: D2, org: Meta}
  - {name: D3, org: Meta}
  - {name: E1, org: SAP}
  - {name: E2, org: SAP SE}
  - {name: F1, org: Microsoft}
  - {name: F2, org: Micron}
"""


def test_look_alike_organizations_are_warned_with_a_fix(write):
    folder = write("net.yaml", LOOK_ALIKES)
    pairs = {(p.variant, p.main) for p in look_alikes(load_ok(folder))}
    assert pairs == {
        ("google-cloud", "google"),  # containment
        ("alphabet", "google"),  # a known other name
        ("amazon-web-services-aws", "aws"),  # acronym in parentheses
        ("ernst-young", "ey"),  # initials
        ("facebook", "meta"),  # former name; Meta has more people
    }
    result = run(folder, "check")
    assert result.exit_code == 0, result.output
    out = result.output
    assert (
        "net.yaml:4:21: warning: the organization 'Google Cloud' (google-cloud, 1 person) looks like 'Google'"
        " (google, 2 people): 'Google Cloud' contains 'Google'; did you mean 'Google'? If they are one"
        " organization: graphnet add org Google --alias 'Google Cloud'" in out
    )
    assert "the organization 'SAP SE' (sap-se, 1 person) looks like 'SAP'" in out  # a legal suffix
    assert "Micron" not in out
    # path says which near names it left out, and the fix.
    path = run(folder, "path", "Google")
    assert "Not included, though the names look like Google: Alphabet (1 person), Google Cloud (1 person)." in (
        " ".join(path.output.split())
    )
    # The one-command fix: the warning goes, and Google Cloud's people count for Google.
    fixed = run(folder, "add", "org", "Google", "--alias", "Google Cloud")
    assert fixed.exit_code == 0, fixed.output
    assert "Google Cloud" not in run(folder, "check").output
    net = load_ok(folder)
    assert net.people["a3"].org == "google"


def test_weak_ties_one_entry_per_organization_opened(write):
    colleagues = "".join(f"  - {{name: Sales {i}, strength: 1, org: Salesforce}}\n" for i in range(1, 6))
    folder = write(
        "net.yaml",
        "me: {name: Sam}\npeople:\n"
        + colleagues
        + "  - {name: Vic, strength: 2, org: Datadog}\n"
        + "  - {name: Wu, strength: 0, org: Datadog}\n",
        dedent=False,
    )
    result = weak_ties(load_ok(folder), today=TODAY, top=10)
    # Five weak ties open Salesforce (with the same score): one entry, the other four listed under it.
    opened = {tie.id: tie.also for tie in result.weak_ties}
    assert opened == {"vic": [], "sales-1": ["sales-2", "sales-3", "sales-4", "sales-5"]}
    out = run(folder, "weak-ties").output
    assert "4 other weak ties open the same: Sales 2, Sales 3, Sales 4 and 1 more" in out


def test_add_person_for_someone_imported_offers_the_set_command(write):
    write("people/linkedin-2026-11-01.yaml", IMPORTED, dedent=False)
    folder = write("me.yaml", "me: {name: Sam}\n")
    before = (folder / "me.yaml").read_bytes()
    result = run(folder, "add", "person", "Eric Hill", "--strength", "4", "--role", "Principal Engineer")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Eric Hill is already in your network: imported from LinkedIn"
        f" ({folder / 'people' / 'linkedin-2026-11-01.yaml'}:3:5) as a connection (strength 1, Engineer at"
        " Microsoft); nothing was written. To make them a relationship, raise the strength and set what you know:\n"
        "  graphnet set eric-hill strength 4\n"
        "  graphnet set eric-hill role 'Principal Engineer'\n"
        "If this is someone else with the same name, add them with --id eric-hill-2.\n"
    )
    assert (folder / "me.yaml").read_bytes() == before
    # Someone else with the same name: an explicit id adds them.
    other = run(folder, "add", "person", "Eric Hill", "--id", "eric-hill-2")
    assert other.exit_code == 0, other.output
    assert "eric-hill-2" in load_ok(folder).people


def test_stats_counts_connections_apart(write):
    write("people/linkedin-2026-11-01.yaml", IMPORTED, dedent=False)
    folder = write(
        "me.yaml",
        """\
        me: {name: Sam}
        interactions:
          - {date: 2026-01-05, with: logged}
        """,
    )
    out = run(folder, "stats").output
    # 4 imported ties: Eric and Old Link are connections; Raised (strength 3) and Logged (an interaction) are not.
    assert "your ties                4 (2 of them connections)" in out
    data = json.loads(run(folder, "stats", "--json").output)
    assert (data["ties"], data["connections"]) == (4, 2)


def test_add_person_names_every_imported_namesake(write):
    write(
        "people/linkedin-2026-11-01.yaml",
        MARK
        + "people:\n"
        + "  - {name: Ada Hill, org: Acme, strength: 1}\n"
        + "  - {id: ada-hill-2, name: Ada Hill, org: Microsoft, role: Engineer, strength: 1}\n",
        dedent=False,
    )
    folder = write("me.yaml", "me: {name: Sam}\n")
    out = run(folder, "add", "person", "Ada Hill").output
    assert out.startswith("2 people named Ada Hill are already in your network, imported: ada-hill (")
    assert "ada-hill-2 (" in out and "a connection (strength 1, Engineer at Microsoft)" in out
    assert "  graphnet set ada-hill strength 3\n  graphnet set ada-hill-2 strength 3\n" in out
    assert out.endswith("add them with --id ada-hill-3.\n")


def test_a_connection_reached_through_someone_is_not_said_to_be_met(write):
    write("people/linkedin-2026-11-01.yaml", IMPORTED, dedent=False)
    folder = write(
        "me.yaml",
        """\
        me: {name: Sam}
        people:
          - {name: Ada, strength: 4, last_contact: 2026-11-20, knows: [eric-hill]}
        """,
    )
    out = " ".join(run(folder, "path", "Microsoft").output.split())
    assert "you know Eric Hill yourself (a connection, no contact on record)" in out
    assert "met once" not in out


def test_a_target_with_look_alikes_says_what_it_leaves_out(write):
    folder = write("net.yaml", "me:\n  name: Sam\n  targets: [Google]\n" + LOOK_ALIKES, dedent=False)
    out = " ".join(run(folder, "check").output.split())
    assert (
        "did you mean 'Google'? (Google is one of your targets: paths and reach-outs to it leave Google Cloud out)"
        " If they are one organization: graphnet add org Google --alias 'Google Cloud'" in out
    )
