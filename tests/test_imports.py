"""Imports from LinkedIn, vCard and Google Contacts, on files that follow the real formats.

The fixtures in tests/fixtures/ are byte-exact copies of the export formats:
LinkedIn's Connections.csv (``Notes:`` preamble, BOM, CRLF, quoted commas, a row
with an empty name, an older export without the URL column), vCard 3.0 as Apple
Contacts writes it (X-ABRELATEDNAMES with X-ABLabel, X-ABShowAs:COMPANY, folded
lines) and vCard 4.0 (KIND, RELATED, MEMBER), and a Google Contacts "Google CSV".
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphnet
from graphnet.cli import cli
from graphnet.errors import GraphnetError
from graphnet.io.imports import import_google, import_linkedin, import_vcard, norm_url, parse_connected_on
from graphnet.orgnames import is_not_organization

TODAY = date(2026, 11, 25)
FIXTURES = Path(__file__).parent / "fixtures"

NETWORK = """\
me:
  name: Sam Rivera

organizations:
  - id: npl
    name: National Physical Laboratory
    aliases: [NPL]

people:
  - name: Grace Hopper
    org: US Navy
    role: Rear Admiral
    strength: 3
    url: https://linkedin.com/in/GraceHopper   # no www, other case, no slash
  - name: Alan Turing
    org: NPL
    email: Alan@NPL.example
"""


@pytest.fixture
def net_dir(write) -> Path:
    return write("people.yaml", NETWORK, dedent=False)


def load(folder: Path) -> tuple[graphnet.Network, list[graphnet.Problem]]:
    return graphnet.load(folder, today=TODAY, use_cache=False)


def load_clean(folder: Path) -> graphnet.Network:
    net, problems = load(folder)
    assert not [p for p in problems if p.is_error], [str(p) for p in problems]
    return net


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; the empty network lock file is graphnet's, not data."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".graphnet.lock"
    }


# -- LinkedIn -------------------------------------------------------------------------------------


def test_the_fixture_is_a_real_linkedin_export():
    data = (FIXTURES / "Connections.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfNotes:\r\n")
    assert b"\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" in data
    assert b'"Analytical Engines, Ltd."' in data


def test_linkedin_import_adds_new_people_merges_known_ones_and_reports_bad_rows(net_dir):
    before = (net_dir / "people.yaml").read_bytes()
    net = load_clean(net_dir)
    report = import_linkedin(net, FIXTURES / "Connections.csv", today=TODAY, skip_bad=True)

    assert report.output == net_dir / "people" / "linkedin-2026-11-25.yaml"
    assert report.output.is_file()
    assert (net_dir / "people.yaml").read_bytes() == before  # never edits the user's files
    assert report.rows == 12
    assert [a.id for a in report.added] == [
        "ada-lovelace",
        "jean-luc-jl-picard",
        "ingrid-no",
        "zoe-ng",
        "katherine-johnson",
        "margaret-hamilton",
    ]
    assert report.skipped == 2
    lines = [str(p) for p in report.problems]
    assert any(
        line.endswith(
            "Connections.csv:9: error: the row has no First Name or Last Name "
            "(LinkedIn leaves them empty for members who restrict their data); row skipped"
        )
        for line in lines
    ), lines
    assert any("Connections.csv:15: error: the row has 9 values but the header has 7" in line for line in lines)
    assert any("Connections.csv:14: warning: 'Connected On' is not a date" in line for line in lines)

    merged = {m.id: m for m in report.merged if m.reason.startswith("same") and "this file" not in m.reason}
    assert merged["grace-hopper"].reason == "same URL"
    assert merged["grace-hopper"].missing == {"connected": date(2019, 11, 30)}
    assert merged["alan-turing"].reason == "same e-mail"
    assert merged["alan-turing"].missing == {"role": "Researcher", "connected": date(2018, 2, 14)}
    assert {m.row: m.id for m in report.merged if "this file" in m.reason} == {
        13: "katherine-johnson",
        16: "ada-lovelace",
    }

    after = load_clean(net_dir)
    assert len(after.people) == 2 + 6
    picard = after.people["jean-luc-jl-picard"]
    assert (picard.name, picard.role, picard.connected) == ('Jean-Luc "JL" Picard', "Captain #1", date(2023, 1, 3))
    assert picard.met is None  # Connected On is not a meeting
    ingrid = after.people["ingrid-no"]
    assert (ingrid.name, after.organizations[ingrid.org].name, ingrid.role) == ("Ingrid NO", "NO", "0123")
    zoe = after.people["zoe-ng"]
    assert (zoe.name, zoe.role) == ("Zoë Ng 🚀", "Engineer: propulsion, GNC")
    ada = after.people["ada-lovelace"]
    assert after.organizations[ada.org].name == "Analytical Engines, Ltd."
    assert (ada.email, ada.url, ada.strength, ada.connected) == (
        "ada@engines.example",
        "https://www.linkedin.com/in/ada-lovelace-1815",
        1,
        date(2024, 3, 12),
    )
    assert after.people["margaret-hamilton"].connected is None


def test_the_new_file_is_readable_yaml_with_a_header_saying_where_it_came_from(net_dir):
    report = import_linkedin(load_clean(net_dir), FIXTURES / "Connections.csv", today=TODAY, skip_bad=True)
    text = report.output.read_text(encoding="utf-8")
    assert text.startswith("# Imported by `graphnet import linkedin` on 2026-11-25 from Connections.csv:\n")
    assert "\npeople:\n  - name: Ada Lovelace\n    org: Analytical Engines, Ltd.\n    role: Mathematician\n" in text
    assert '  - name: Jean-Luc "JL" Picard\n' in text
    assert '    org: "NO"\n    role: "0123"\n' in text
    assert text == report.text


def test_an_old_export_without_url_column(net_dir):
    report = import_linkedin(load_clean(net_dir), FIXTURES / "Connections-2018.csv", today=TODAY, skip_bad=True)
    after = load_clean(net_dir)
    assert [a.id for a in report.added] == ["linus-pauling", "barbara-mcclintock"]
    assert after.people["linus-pauling"].connected == date(2015, 2, 2)
    assert after.people["linus-pauling"].url is None
    assert after.people["barbara-mcclintock"].email == "barbara@cshl.example"


def test_dry_run_writes_nothing_but_shows_the_file(net_dir):
    before = snapshot(net_dir)
    report = import_linkedin(
        load_clean(net_dir), FIXTURES / "Connections.csv", today=TODAY, skip_bad=True, dry_run=True
    )
    assert snapshot(net_dir) == before
    assert report.dry_run and report.text.count("  - name: ") == 6
    assert report.output == net_dir / "people" / "linkedin-2026-11-25.yaml"
    assert not report.output.exists()


def test_importing_the_same_export_twice_adds_nothing(net_dir):
    import_linkedin(load_clean(net_dir), FIXTURES / "Connections.csv", today=TODAY, skip_bad=True)
    before = snapshot(net_dir)
    again = import_linkedin(load_clean(net_dir), FIXTURES / "Connections.csv", today=TODAY, skip_bad=True)
    assert again.added == [] and again.output is None and again.text == ""
    assert snapshot(net_dir) == before
    assert {m.id for m in again.merged} >= {"ada-lovelace", "zoe-ng", "grace-hopper", "alan-turing"}


def test_a_second_import_the_same_day_gets_a_new_file_name(net_dir):
    import_linkedin(load_clean(net_dir), FIXTURES / "Connections.csv", today=TODAY, skip_bad=True)
    report = import_linkedin(load_clean(net_dir), FIXTURES / "Connections-2018.csv", today=TODAY, skip_bad=True)
    assert report.output == net_dir / "people" / "linkedin-2026-11-25-2.yaml"
    assert report.output.is_file()
    load_clean(net_dir)


def csv_line(row: list[str]) -> str:
    """One CSV record with every field quoted, as RFC 4180 allows.

    Written by hand because Python 3.10's csv.writer cannot write a NUL character.
    """
    return ",".join('"' + cell.replace('"', '""') + '"' for cell in row) + "\r\n"


def csv_file(tmp_path: Path, rows: list[list[str]], *, name: str = "Connections.csv") -> Path:
    out = io.StringIO()
    out.write(
        'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n'
    )
    out.write(csv_line(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]))
    for row in rows:
        out.write(csv_line(row))
    path = tmp_path / name
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


def test_ids_are_unique_across_the_network_and_the_import(write, tmp_path):
    folder = write(
        "people.yaml",
        """\
        people:
          - name: John Smith
            org: Initech
        organizations:
          - name: Jane Roe Consulting
        """,
    )
    path = csv_file(
        tmp_path,
        [
            ["John", "Smith", "", "", "Globex", "CFO", "01 Jan 2020"],
            ["John", "Smith", "", "", "Umbrella", "CTO", "02 Jan 2020"],
            ["Me", "", "", "", "", "", "03 Jan 2020"],
            ["🚀", "", "", "", "", "", "04 Jan 2020"],
        ],
    )
    report = import_linkedin(load_clean(folder), path, today=TODAY, skip_bad=True)
    assert [a.id for a in report.added] == ["john-smith-2", "john-smith-3", "me-2", "contact"]
    warnings = [str(p) for p in report.problems if p.severity == "warning"]
    assert any("has the name of 'john-smith' at Initech" in w and "not merged" in w for w in warnings), warnings
    after = load_clean(folder)
    assert after.people["john-smith-2"].name == "John Smith"
    assert after.organizations[after.people["john-smith-3"].org].name == "Umbrella"
    assert after.people["me-2"].name == "Me" and after.people["contact"].name == "🚀"
    assert "  - id: john-smith-2\n    name: John Smith\n" in report.text


def test_a_company_named_like_a_person_gets_its_own_id(write, tmp_path):
    folder = write("people.yaml", "people:\n  - name: Jane Doe\n  - name: Acme\n", dedent=False)
    path = csv_file(
        tmp_path,
        [
            ["Bob", "Builder", "", "", "Jane Doe", "Apprentice", "01 Jan 2020"],
            ["Jane", "Roe", "", "", "Jane Roe", "Freelancer", "01 Jan 2020"],
            ["Wile", "Coyote", "", "", "ACME", "Customer", "01 Jan 2020"],
            ["Road", "Runner", "", "", "Me", "", "01 Jan 2020"],
            ["Some", "One", "", "", "—", "", "01 Jan 2020"],
        ],
    )
    report = import_linkedin(load_clean(folder), path, today=TODAY, skip_bad=True)
    after = load_clean(folder)

    def org_of(ident: str) -> tuple[str, str]:
        org = after.organizations[after.people[ident].org]
        return org.id, org.name

    assert org_of("bob-builder") == ("jane-doe-2", "Jane Doe")
    assert org_of("jane-roe-2") == ("jane-roe", "Jane Roe")  # the company keeps the slug; the person gets -2
    assert org_of("wile-coyote") == ("acme-2", "ACME")
    assert org_of("road-runner") == ("me-2", "Me")
    assert org_of("some-one") == ("organization", "—")
    assert "organizations:\n  - id: jane-doe-2\n    name: Jane Doe\n" in report.text


def test_company_spellings_meet_the_organization_already_known(write, tmp_path):
    folder = write(
        "people.yaml",
        """\
        organizations:
          - id: acme
            name: Acme Corp
        people:
          - name: Wile E. Coyote
            org: acme
        """,
    )
    path = csv_file(
        tmp_path,
        [
            ["Wile E.", "Coyote", "", "", "ACME Corp.", "Customer", "01 Jan 2020"],
            ["Road", "Runner", "", "", "Acme, Inc.", "Sprinter", "01 Jan 2020"],
            ["Marvin", "Martian", "", "", "Mars Inc", "", "01 Jan 2020"],
            ["K-9", "", "", "", "MARS, Inc.", "", "01 Jan 2020"],
        ],
    )
    report = import_linkedin(load_clean(folder), path, today=TODAY, skip_bad=True)
    # Same name and organization, but no URL or e-mail in common: a suggestion, never a merge.
    assert report.merged == []
    assert [(s["id"], s["like"]) for s in report.suggested] == [("wile-e-coyote-2", "wile-e-coyote")]
    _net, problems = load(folder)
    assert problems == []  # no look-alike organization warnings either
    assert load_clean(folder).people["wile-e-coyote-2"].org == "acme"
    after = load_clean(folder)
    assert after.people["road-runner"].org == "acme"
    assert after.people["marvin-martian"].org == after.people["k-9"].org == "mars-inc"


def test_a_new_job_is_reported_not_written(write, tmp_path):
    folder = write(
        "people.yaml",
        "people:\n  - name: Ada Lovelace\n    org: Old Co\n    url: https://www.linkedin.com/in/ada\n",
        dedent=False,
    )
    path = csv_file(tmp_path, [["Ada", "Lovelace", "https://linkedin.com/in/ada/", "", "New Co", "CTO", "01 Jan 2020"]])
    report = import_linkedin(load_clean(folder), path, today=TODAY, skip_bad=True)
    assert report.added == []
    assert report.merged[0].differs == {"org": ("Old Co", "New Co")}
    assert report.merged[0].missing == {"role": "CTO", "connected": date(2020, 1, 1)}


def test_a_date_in_the_future_is_dropped_with_a_warning(net_dir, tmp_path):
    path = csv_file(tmp_path, [["Time", "Traveller", "", "", "", "", "01 Jan 2030"]])
    report = import_linkedin(load_clean(net_dir), path, today=TODAY, skip_bad=True)
    assert any("after today" in p.message and p.severity == "warning" for p in report.problems)
    assert load_clean(net_dir).people["time-traveller"].connected is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar 2024", date(2024, 3, 12)),
        ("1 Sept 2023", date(2023, 9, 1)),
        ("12-Mar-24", date(2024, 3, 12)),
        ("Mar 12, 2024", date(2024, 3, 12)),
        ("2024-03-12", date(2024, 3, 12)),
        ("31 Feb 2024", None),
        ("12/03/2024", None),
        ("", None),
    ],
)
def test_connected_on_dates(text, expected):
    assert parse_connected_on(text) == expected


def test_linkedin_urls_compare_whatever_their_spelling():
    assert norm_url("https://www.linkedin.com/in/Ada-L/") == norm_url("http://uk.linkedin.com/in/ada-l?trk=x")
    assert norm_url("https://www.linkedin.com/in/ada-l") != norm_url("https://www.linkedin.com/in/ada-m")


def test_the_wrong_kind_of_file_is_a_clear_error(net_dir, tmp_path):
    net = load_clean(net_dir)
    with pytest.raises(GraphnetError, match=re.escape("Google Contacts export: use `graphnet import google`")):
        import_linkedin(net, FIXTURES / "google-contacts.csv", today=TODAY, skip_bad=True)
    with pytest.raises(GraphnetError, match=re.escape("LinkedIn's Connections.csv; use `graphnet import linkedin`")):
        import_google(net, FIXTURES / "Connections.csv", today=TODAY, skip_bad=True)
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n")
    with pytest.raises(GraphnetError, match="no header row 'First Name,Last Name"):
        import_linkedin(net, other, today=TODAY, skip_bad=True)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("First Name,Last Name,Company\nZoë,Ng,X\n".encode("latin-1"))
    with pytest.raises(GraphnetError, match="is not UTF-8 text"):
        import_linkedin(net, latin, today=TODAY, skip_bad=True)
    with pytest.raises(GraphnetError, match="no BEGIN:VCARD"):
        import_vcard(net, FIXTURES / "Connections.csv", today=TODAY, skip_bad=True)


def test_an_unclosed_quote_keeps_the_rows_before_it(net_dir, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lovelace,,,Engines,,01 Jan 2020\n"
        'Bad,"Row,,,,,01 Jan 2020\n'
        "Grace,Hopper,,,Navy,,01 Jan 2020\n",
        encoding="utf-8",
    )
    report = import_linkedin(load_clean(net_dir), path, today=TODAY, skip_bad=True)
    assert [a.id for a in report.added] == ["ada-lovelace"]
    assert [p.line for p in report.problems if p.is_error] == [3]


def test_the_output_file_option(net_dir):
    net = load_clean(net_dir)
    report = import_linkedin(net, FIXTURES / "Connections.csv", today=TODAY, skip_bad=True, output="imports/li.yaml")
    assert report.output == net_dir / "imports" / "li.yaml" and report.output.is_file()
    for bad, message in [
        ("imports/li.yaml", "the file exists"),
        ("../outside.yaml", "must be inside the network folder"),
        (".hidden/x.yaml", "skips hidden files"),
        ("people.txt", "ending in .yaml"),
    ]:
        with pytest.raises(GraphnetError, match=message):
            import_linkedin(net, FIXTURES / "Connections-2018.csv", today=TODAY, skip_bad=True, output=bad)


def test_progress_is_reported_up_to_the_total(net_dir):
    calls: list[tuple[int, int]] = []
    import_linkedin(
        load_clean(net_dir),
        FIXTURES / "Connections.csv",
        today=TODAY,
        dry_run=True,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_an_import_that_would_break_the_network_writes_nothing(write, tmp_path):
    folder = write("people.yaml", "people:\n  - name: Ada\n    knows: [nobody]\n", dedent=False)
    net, _problems = load(folder)
    before = snapshot(folder)
    with pytest.raises(GraphnetError, match="would not load cleanly"):
        import_linkedin(net, FIXTURES / "Connections-2018.csv", today=TODAY, skip_bad=True)
    assert snapshot(folder) == before


# -- vCard ------------------------------------------------------------------------------------------


def test_vcard_3_from_apple_contacts(net_dir):
    report = import_vcard(load_clean(net_dir), FIXTURES / "contacts-v3.vcf", today=TODAY, skip_bad=True)
    assert report.output == net_dir / "people" / "vcard-2026-11-25.yaml"
    assert [(a.kind, a.id) for a in report.added] == [
        ("organization", "analytical-engines-ltd"),
        ("person", "ada-lovelace"),
        ("person", "charles-babbage"),
        ("person", "grace-hopper-2"),
    ]
    # Grace Hopper of the card shares only name and organization with the network's: not merged.
    assert report.merged == []
    assert [(s["id"], s["like"]) for s in report.suggested] == [("grace-hopper-2", "grace-hopper")]
    errors = [str(p) for p in report.problems if p.is_error]
    assert len(errors) == 1 and "contacts-v3.vcf:54: error: the card has no name" in errors[0]
    assert any(
        "'Mary Somerville' (mentor) is neither in the network nor in this file" in p.message for p in report.problems
    )
    after = load_clean(net_dir)
    ada = after.people["ada-lovelace"]
    assert (ada.org, ada.department, ada.role) == ("analytical-engines-ltd", "Research", "Mathematician")
    assert ada.email == "ada@engines.example"  # the preferred one
    assert ada.phone == "+44 20 7946 0001"
    assert ada.url == "https://www.linkedin.com/in/ada-lovelace-1815"
    assert ada.tags == ["science", "math"]
    assert ada.notes == (
        'Met at the Royal Society, 1843. Calls it "poetical science"; see her notes on Menabrea.\n'
        "e-mail: ada.home@example.org"
    )
    assert [(t.other, t.note) for t in ada.knows] == [("charles-babbage", "friend")]
    charles = after.people["charles-babbage"]
    # the card of this file named Grace Hopper (not merged with the network's Grace Hopper)
    assert [(t.other, t.note) for t in charles.knows] == [("ada-lovelace", "friend"), ("grace-hopper-2", "assistant")]
    assert after.organizations["analytical-engines-ltd"].notes == "Makers of the Difference Engine."
    assert after.organizations["analytical-engines-ltd"].declared


def test_vcard_4_kinds_related_and_members(net_dir):
    report = import_vcard(load_clean(net_dir), FIXTURES / "contacts-v4.vcf", today=TODAY, skip_bad=True, strength=3)
    after = load_clean(net_dir)
    assert {(a.kind, a.id) for a in report.added} == {
        ("organization", "royal-astronomical-society"),
        ("person", "mary-somerville"),
        ("person", "john-herschel"),
        ("group", "tuesday-salon"),
    }
    assert [(m.id, m.reason, m.missing) for m in report.merged] == [
        ("alan-turing", "same e-mail", {"url": "https://www.linkedin.com/in/alan-turing"})
    ]
    mary = after.people["mary-somerville"]
    assert mary.tags == ["astronomy", "NO", "0123"]
    assert mary.phone == "+44-20-7946-0003" and mary.strength == 3
    assert mary.notes == "Translated Laplace. Emoji test: 🔭"
    assert [(t.other, t.note) for t in mary.knows] == [("john-herschel", "friend"), ("grace-hopper", "colleague")]
    john = after.people["john-herschel"]
    assert john.role == "President # for a while"
    assert [(t.other, t.note) for t in john.knows] == [("mary-somerville", "friend"), ("alan-turing", "co-worker")]
    assert after.organizations["royal-astronomical-society"].notes.startswith("Founded 1820")
    assert after.groups["tuesday-salon"].members == ["mary-somerville", "john-herschel"]
    assert mary.org == "royal-astronomical-society"


def test_vcard_merged_person_reports_the_ties_the_file_lacks(write, tmp_path):
    folder = write(
        "people.yaml",
        "people:\n  - name: Ada Lovelace\n    email: ada@engines.example\n  - name: Charles Babbage\n",
        dedent=False,
    )
    card = tmp_path / "ada.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@engines.example\r\n"
        "RELATED;TYPE=friend;VALUE=text:Charles Babbage\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    report = import_vcard(load_clean(folder), card, today=TODAY, skip_bad=True)
    assert report.added == [] and report.merged[0].missing == {"knows": ["charles-babbage"]}


# -- Google Contacts --------------------------------------------------------------------------------


def test_google_contacts_csv(net_dir):
    report = import_google(load_clean(net_dir), FIXTURES / "google-contacts.csv", today=TODAY, skip_bad=True)
    assert report.output == net_dir / "people" / "google-2026-11-25.yaml"
    assert sorted(a.id for a in report.added) == ["frances-allen", "grace-brewster-hopper", "jean-sammet", "yes-true"]
    assert report.merged == []  # name and organization alone suggest, never merge
    assert [(s["id"], s["like"]) for s in report.suggested] == [("grace-brewster-hopper", "grace-hopper")]
    errors = [str(p) for p in report.problems if p.is_error]
    assert (
        len(errors) == 1 and "google-contacts.csv:6: error: the contact has no name, only the organization" in errors[0]
    )
    after = load_clean(net_dir)
    fran = after.people["frances-allen"]
    assert (fran.role, fran.department, fran.tags) == ("Fellow", "Research", ["Compilers"])
    assert fran.email == "fran@ibm.example" and fran.phone == "+1 914 555 0100"
    assert fran.url == "https://www.linkedin.com/in/frances-allen"
    assert fran.notes == (
        'Compilers; "optimisation" pioneer.\nSecond line, # not a comment\n'
        "e-mail: frances@ibm.example (Work)\nphone: 0123 456 (Work)"
    )
    assert [(t.other, t.note) for t in fran.knows] == [("grace-hopper", "Mentor"), ("jean-sammet", "Friend")]
    assert [(t.other, t.note) for t in after.people["jean-sammet"].knows] == [("frances-allen", "Friend")]
    yes = after.people["yes-true"]
    assert (yes.name, yes.role, after.organizations[yes.org].name) == ("Yes True", "NO", "0123 Ventures")


# -- the command line -----------------------------------------------------------------------------------


def run(folder: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_import_linkedin_prints_what_it_did(net_dir):
    code, out, err = run(net_dir, "import", "linkedin", str(FIXTURES / "Connections.csv"), "--skip-bad")
    assert code == 0, err
    assert "added 6 people to " in out and "linkedin-2026-11-25.yaml" in out
    assert "merged 4 already known (your files are left as they are):" in out
    assert "grace-hopper (" in out and "same URL; the file lacks connected: 2019-11-30" in out
    assert "skipped 2 rows" in out
    assert "Connections.csv:9: error: the row has no First Name" in err
    assert (net_dir / "people" / "linkedin-2026-11-25.yaml").is_file()


def test_cli_dry_run_prints_the_file_and_writes_nothing(net_dir):
    before = snapshot(net_dir)
    code, out, _err = run(net_dir, "import", "vcard", str(FIXTURES / "contacts-v4.vcf"), "--dry-run")
    assert code == 0
    assert out.startswith("# Imported by `graphnet import vcard`")
    assert "would add 2 people (and 1 organization, 1 group) to" in out
    assert out.rstrip().endswith("dry run: nothing was written")
    assert snapshot(net_dir) == before


def test_cli_json_strength_and_file(net_dir):
    code, out, _err = run(
        net_dir,
        "import",
        "google",
        str(FIXTURES / "google-contacts.csv"),
        "--json",
        "--strength",
        "4",
        "--file",
        "g.yaml",
        "--skip-bad",
    )
    assert code == 0
    data = json.loads(out)
    assert (data["added"], data["merged"], data["skipped"]) == (4, 0, 1)
    assert [s["like"] for s in data["suggested"]] == ["grace-hopper"]
    assert data["output"].endswith("g.yaml")
    assert all(p["severity"] in ("error", "warning") for p in data["problems"])
    assert load_clean(net_dir).people["jean-sammet"].strength == 4


def test_cli_errors(net_dir, tmp_path):
    code, _out, err = run(net_dir, "import", "linkedin", str(FIXTURES / "google-contacts.csv"))
    assert code == 2 and err.startswith("error: ") and "graphnet import google" in err
    code, _out, err = run(net_dir, "import", "linkedin", str(tmp_path / "missing.csv"))
    assert code == 2
    code, _out, err = run(net_dir, "import", "linkedin", str(FIXTURES / "Connections.csv"), "--strength", "9")
    assert code == 2
    code, _out, _err = run(net_dir, "import", "--help")
    assert code == 0


# -- property: any cell text gives a result or a clear per-row error --------------------------------------

cells = st.text(max_size=30)
rows = st.lists(st.lists(cells, min_size=7, max_size=7), min_size=1, max_size=4)


def start_lines(rows: list[list[str]]) -> list[int]:
    """The line each row starts on, as csv counts lines (after the 3-line preamble and the header)."""
    starts = []
    line = 5
    for row in rows:
        starts.append(line)
        line += len(io.StringIO(csv_line(row), newline="").readlines())
    return starts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rows)
def test_any_cell_text_imports_exactly_or_is_a_row_error(rows):
    folder = Path(tempfile.mkdtemp(prefix="graphnet-prop-"))
    try:
        (folder / "me.yaml").write_text("me:\n  name: Sam\npeople:\n  - name: Ada Lovelace\n    org: Acme\n")
        path = csv_file(folder.parent, rows, name=f"{folder.name}.csv")
        net = load_clean(folder)
        report = import_linkedin(net, path, today=TODAY, skip_bad=True)  # a GraphnetError here fails the test
        after = load_clean(folder)
        by_line = dict(zip(start_lines(rows), rows, strict=True))
        for problem in report.problems:
            assert problem.line in by_line or problem.path.endswith(".yaml"), str(problem)
        for added in report.added:
            if added.kind != "person":
                continue
            person = after.people[added.id]
            # A later row found to be the same person fills the first one's empty fields.
            same = [by_line[added.row]] + [by_line[m.row] for m in report.merged if m.id == added.id]

            def value(column: int, same: list[list[str]] = same) -> str | None:
                return next((row[column].strip() for row in same if row[column].strip()), None)

            first, last = by_line[added.row][:2]
            assert person.name == " ".join(p.strip() for p in (first, last) if p.strip())
            assert (person.url, person.email, person.role) == (value(2), value(3), value(5))
            company = value(4)
            # "Unemployed", "Self-employed"…: written, but no organization (graphnet.orgnames).
            assert (person.org is None) == (company is None or is_not_organization(company))
        handled = {a.row for a in report.added} | {m.row for m in report.merged}
        handled |= {p.line for p in report.problems if p.is_error}
        for line, row in by_line.items():
            if any(cell.strip() for cell in row):
                assert line in handled, (line, row)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        (folder.parent / f"{folder.name}.csv").unlink(missing_ok=True)


# -- no row is ever dropped silently ---------------------------------------------------------------


def test_a_huge_field_does_not_stop_the_reader(net_dir, tmp_path):
    # 200,000 characters in one cell (csv's default limit is 131,072): every row after it is read.
    path = csv_file(
        tmp_path,
        [
            ["Ada", "Lovelace", "", "", "Engines", "x" * 200_000, "01 Jan 2020"],
            ["Mary", "Somerville", "", "", "", "", "02 Jan 2020"],
            ["Charles", "Babbage", "", "", "", "", "03 Jan 2020"],
        ],
    )
    report = import_linkedin(load_clean(net_dir), path, today=TODAY)
    assert [a.id for a in report.added] == ["ada-lovelace", "mary-somerville", "charles-babbage"]
    assert report.skipped == 0 and not report.refused
    assert len(load_clean(net_dir).people["ada-lovelace"].role or "") == 200_000


def test_google_notes_of_150_kb_keep_the_rows_after_them(net_dir, tmp_path):
    header = FIXTURES.joinpath("google-contacts.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    columns = next(csv.reader([header]))

    def row(name: str, notes: str) -> str:
        cells = {"First Name": name.split()[0], "Last Name": name.split()[1], "Notes": notes}
        return csv_line([cells.get(c, "") for c in columns])

    path = tmp_path / "contacts.csv"
    path.write_text(header + "\r\n" + row("Ada Lovelace", "n" * 150_000) + row("Mary Somerville", ""), encoding="utf-8")
    report = import_google(load_clean(net_dir), path, today=TODAY)
    assert [a.id for a in report.added] == ["ada-lovelace", "mary-somerville"] and report.skipped == 0


def test_a_file_with_bad_rows_writes_nothing_and_exits_1_unless_skip_bad(net_dir):
    before = snapshot(net_dir)
    code, out, err = run(net_dir, "import", "linkedin", str(FIXTURES / "Connections.csv"))
    assert code == 1
    assert "Connections.csv:9: error: the row has no First Name" in err  # the rows are listed
    assert "2 rows of" in err and "--skip-bad" in err and "nothing was" in err
    assert snapshot(net_dir) == before
    code, out, _err = run(net_dir, "import", "linkedin", str(FIXTURES / "Connections.csv"), "--json")
    assert code == 1 and json.loads(out)["refused"] is True and snapshot(net_dir) == before
    code, out, _err = run(net_dir, "import", "linkedin", str(FIXTURES / "Connections.csv"), "--skip-bad")
    assert code == 0 and "skipped 2 rows" in out


def test_an_unreadable_rest_of_file_is_not_skipped_silently(net_dir, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lovelace,,,Engines,,01 Jan 2020\n"
        'Bad,"Row,,,,,01 Jan 2020\n'
        "Grace,Hopper,,,Navy,,01 Jan 2020\n",
        encoding="utf-8",
    )
    code, _out, err = run(net_dir, "import", "linkedin", str(path))
    assert code == 1 and "broken.csv:3: error:" in err
    assert not (net_dir / "people").exists()


def test_an_import_checks_ids_against_the_network_as_it_is_under_the_lock(net_dir, tmp_path):
    from graphnet.files.edit import add_person

    stale = load_clean(net_dir)
    add_person(load_clean(net_dir), "Mary Somerville", today=TODAY)  # another graphnet, meanwhile
    path = csv_file(tmp_path, [["Mary", "Somerville", "", "", "", "", "02 Jan 2020"]])
    report = import_linkedin(stale, path, today=TODAY)
    # The id is decided against the network as it is now, so the new one gets its own id.
    assert [a.id for a in report.added] == ["mary-somerville-2"]
    load_clean(net_dir)
