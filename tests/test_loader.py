"""The loader never misreads a file: one test per rule of the format, on real files.

Every test runs with both YAML parsers (libyaml's C parser and PyYAML's pure
one), which must give the same network and the same problems.
"""

from __future__ import annotations

import json
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphnet
from graphnet.cli import cli
from graphnet.files import yamlread
from graphnet.files.yamlread import parse_text

TODAY = date(2026, 11, 25)


@pytest.fixture(params=["c", "pure"], autouse=True)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "c" and yamlread._CLoader is None:
        pytest.skip("PyYAML was built without libyaml")
    monkeypatch.setattr(yamlread, "PURE", request.param == "pure")
    return str(request.param)


def load(folder: Path) -> tuple[graphnet.Network, list[graphnet.Problem]]:
    return graphnet.load(folder, today=TODAY, use_cache=False)


def lines(problems: list[graphnet.Problem]) -> list[str]:
    return [str(p) for p in problems]


def only(problems: list[graphnet.Problem]) -> graphnet.Problem:
    assert len(problems) == 1, lines(problems)
    return problems[0]


# -- strict YAML ---------------------------------------------------------------------------


def test_duplicate_keys_cite_both_lines(write):
    folder = write(
        "people.yaml",
        """\
        people:
          - name: Ada Lovelace
            role: Engineer
            role: Manager
        """,
    )
    _net, problems = load(folder)
    problem = only(problems)
    assert (problem.line, problem.column) == (4, 5)
    assert "duplicate key 'role'" in problem.message and "first at line 3" in problem.message
    assert problem.severity == "error"


def test_duplicate_section_keys_in_one_file(write):
    folder = write("a.yaml", "people:\n  - name: A\npeople:\n  - name: B\n")
    _net, problems = load(folder)
    assert [(p.line, "duplicate key 'people'" in p.message) for p in problems] == [(3, True)]


def test_every_scalar_stays_as_written(write):
    folder = write(
        "people.yaml",
        """\
        people:
          - id: 0123
            name: NO
            phone: +4917612345
            role: 12:30
            department: 1.10
            notes: yes
            tags: [on, Off, 1e3, null, ~, 2024-01-05]
        """,
    )
    net, problems = load(folder)
    assert problems == []
    person = net.people["0123"]
    assert person.name == "NO"
    assert person.phone == "+4917612345"
    assert person.role == "12:30"
    assert person.department == "1.10"
    assert person.notes == "yes"
    assert person.tags == ["on", "Off", "1e3", "null", "~", "2024-01-05"]


def test_scalars_outside_the_schema_stay_strings_too():
    tree, problems = parse_text("country: NO\nzip: 0123\ntime: 12:30\nversion: 1.10\n", "f.yaml")
    assert problems == []
    assert tree == {"country": "NO", "zip": "0123", "time": "12:30", "version": "1.10"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-30", "'met' is not a real date ('2024-02-30'"),
        ("2024-1-5", "'met' must be a date written YYYY-MM-DD, not '2024-1-5'"),
        ("last spring", "'met' must be a date written YYYY-MM-DD"),
    ],
)
def test_dates_are_checked_at_their_line(write, value, expected):
    folder = write("p.yaml", f"people:\n  - name: Ada\n    met: {value}\n")
    _net, problems = load(folder)
    problem = only(problems)
    assert (problem.path.endswith("p.yaml"), problem.line, problem.column) == (True, 3, 10)
    assert expected in problem.message


def test_future_met_date_is_an_error(write):
    folder = write("p.yaml", "people:\n  - name: Ada\n    met: 2027-01-01\n")
    problem = only(load(folder)[1])
    assert problem.line == 3 and "in the future" in problem.message and problem.is_error


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("people:\n  - &a\n    name: Ada\n  - *a\n", 2, "anchors (&a) are not allowed"),
        ("people:\n  - name: !!binary aGk=\n", 2, "tags like '!!binary' are not allowed"),
        ("people:\n  - name: !!python/object:os.system ls\n", 2, "tags like '!!python/object:os.system'"),
        ("people: !!set {a, b}\n", 1, "tags like '!!set' are not allowed"),
        ("people:\n  - <<: {name: A}\n", 2, "merge keys (<<) are not allowed"),
    ],
)
def test_anchors_aliases_and_tags_are_rejected(write, text, line, needle):
    folder = write("x.yaml", text)
    _net, problems = load(folder)
    assert any(p.line == line and needle in p.message for p in problems), lines(problems)
    assert all(p.is_error for p in problems)


def test_alias_bomb_fails_fast_and_small(write):
    # The "billion laughs": 9 levels of 9 aliases each would expand to 9**9 strings.
    levels = ["a0: &a0 [lol]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        levels.append(f"a{i}: &a{i} [{refs}]")
    folder = write("bomb.yaml", "\n".join(levels) + "\n")
    tracemalloc.start()
    _net, problems = load(folder)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert problems and all(p.is_error for p in problems)
    assert any("aliases (*name) are not allowed" in p.message for p in problems)
    assert peak < 5_000_000, peak


@pytest.mark.parametrize(
    ("content", "line", "column", "needle"),
    [
        (b"people:\n\t- name: Ada\n", 2, 1, "not tabs"),
        (b"people:\n  - name: Ada\n   role: x\n", 3, None, "YAML syntax error"),
        (b"people:\n  - name: Ad\xe9\n", 2, 13, "invalid UTF-8"),
        (b"people:\n  - name: A\x00da\n", 2, 12, "NUL byte"),
        (b"people: " + b"[" * 5000 + b"]" * 5000 + b"\n", 1, None, "nested too deeply"),
        (b"people: " + b"[" * 5000 + b"\n", None, None, "YAML"),
        (b'people:\n  - name: "Ada\n', None, None, "YAML syntax error"),
        (b"people:\n  - name: Ada\n---\npeople: []\n", 3, None, "several YAML documents"),
    ],
    ids=["tab", "indent", "utf8", "nul", "deep", "unclosed", "quote", "documents"],
)
def test_syntax_errors_become_located_problems(write, content, line, column, needle):
    folder = write("bad.yaml", content)
    _net, problems = load(folder)
    problem = only(problems)
    assert problem.is_error and needle in problem.message, problem.message
    assert problem.path.endswith("bad.yaml")
    if line is not None:
        assert problem.line == line, str(problem)
    if column is not None:
        assert problem.column == column, str(problem)
    result = CliRunner().invoke(cli, ["--data", str(folder), "check"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_bom_and_crlf_keep_line_numbers(write):
    folder = write("crlf.yaml", b"\xef\xbb\xbfpeople:\r\n  - name: Ada\r\n    strength: 9\r\n")
    problem = only(load(folder)[1])
    assert (problem.line, problem.column) == (3, 15)
    assert "'strength' must be a whole number from 0 to 5" in problem.message


def test_utf16_is_a_clear_error(write):
    folder = write("u16.yaml", "people: []\n".encode("utf-16"))
    assert "UTF-16" in only(load(folder)[1]).message


def test_empty_and_comment_only_files_are_empty_parts(write):
    write("empty.yaml", "")
    folder = write("comments.yaml", "# nothing here yet\n\n")
    write("people.yml", "people:\n  - name: Ada\n")
    net, problems = load(folder)
    assert problems == []
    assert list(net.people) == ["ada"]


# -- schema --------------------------------------------------------------------------------


def test_unknown_keys_list_the_allowed_ones_with_did_you_mean(write):
    folder = write("p.yaml", "people:\n  - name: Ada\n    strenght: 3\n")
    problem = only(load(folder)[1])
    assert problem.line == 3 and problem.column == 5
    assert "people[0] (id 'ada'): unknown key 'strenght'; did you mean 'strength'?" in problem.message
    assert "(allowed: id, name, org," in problem.message


def test_unknown_section_is_reported(write):
    folder = write("p.yaml", "peple:\n  - name: Ada\n")
    problem = only(load(folder)[1])
    assert "unknown section 'peple'; did you mean 'people'?" in problem.message


def test_semantic_errors_carry_file_line_and_key_path(write):
    folder = write(
        "p.yaml",
        """\
        people:
          - name: Ada Lovelace
            strength: high
          - name: [Bob, Builder]
          - name: Carol
            knows: [ada]
        """,
    )
    _net, problems = load(folder)
    got = [(p.line, p.column, p.message) for p in problems]
    assert (
        got[0][:2] == (3, 15)
        and "people[0] (id 'ada-lovelace'): 'strength' must be a whole number from 0 to 5" in got[0][2]
    )
    assert got[1][:2] == (4, 11) and "people[1]: 'name' must be text, not a list" in got[1][2]
    assert got[2][:2] == (6, 13)
    assert got[2][2] == (
        "people[2] (id 'carol') > knows[0]: unknown person 'ada'; did you mean 'ada-lovelace' (Ada Lovelace)?"
    )


def test_default_ids_are_slugs_and_clashes_ask_for_an_explicit_id(write):
    folder = write("p.yaml", "people:\n  - name: Zoë Ada-Lovelace\n  - name: zoe ada lovelace\n")
    net, problems = load(folder)
    assert list(net.people) == ["zoe-ada-lovelace"]
    problem = only(problems)
    assert (
        problem.line == 3 and "already used by a person at" in problem.message and "explicit 'id:'" in problem.message
    )


def test_ids_are_unique_across_files_and_kinds(write):
    write("a.yaml", "people:\n  - name: Acme\n")
    folder = write("b.yaml", "organizations:\n  - name: Acme\n")
    problem = only(load(folder)[1])
    assert problem.path.endswith("b.yaml") and "already used by a person" in problem.message


def test_records_merge_across_files_and_folders_hidden_ones_skipped(write):
    write("me.yaml", "me:\n  name: Sam\n  targets: [Acme Corp]\n")
    write("people/work.yaml", "people:\n  - name: Ada\n    org: Acme Corp\n")
    write("people/friends.yml", "people:\n  - name: Bob\n    knows: [ada]\n")
    write(".hidden.yaml", "people: [oops")
    folder = write(".git/config.yaml", "nonsense: [")
    net, problems = load(folder)
    assert problems == []
    assert sorted(net.people) == ["ada", "bob"]
    assert net.me.targets == ["acme-corp"] and net.people["ada"].org == "acme-corp"
    assert net.people["bob"].source.path.endswith("friends.yml") and net.people["bob"].source.line == 2
    assert not net.organizations["acme-corp"].declared


def test_a_linked_folder_is_not_read_and_says_so(write, tmp_path):
    # Elsewhere on the disk: a folder of people someone linked into the network.
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (elsewhere / "more.yaml").write_text("people:\n  - name: Cy\n", encoding="utf-8")
    folder = write("people.yaml", "people:\n  - name: Ada\n")
    (folder / "team").symlink_to(elsewhere, target_is_directory=True)
    (folder / ".hidden-link").symlink_to(elsewhere, target_is_directory=True)  # hidden: skipped silently
    net, problems = load(folder)
    assert sorted(net.people) == ["ada"]
    [problem] = problems
    assert problem.severity == "warning" and problem.path.endswith("team") and problem.line == 0
    assert str(problem).startswith(f"{problem.path}: warning: this folder is a symbolic link")
    assert "move its files into the network folder, or link each file instead of the folder" in problem.message
    # check prints it, and still exits 0 (a warning); the answer cache does not hide it later.
    from click.testing import CliRunner

    from graphnet.cli import cli

    for _ in range(2):
        result = CliRunner().invoke(cli, ["--data", str(folder), "check"])
        assert result.exit_code == 0 and "warning: this folder is a symbolic link" in result.output


def test_me_twice_is_an_error(write):
    write("a.yaml", "me:\n  name: Sam\n")
    folder = write("b.yaml", "me:\n  name: Sam again\n")
    problem = only(load(folder)[1])
    assert "'me' is written twice" in problem.message


def test_me_tuning_parameters_are_typed(write):
    folder = write(
        "me.yaml", "me:\n  name: Sam\n  max_hops: 4\n  colleague_trust: 0.5\n  seed: lots\n  cadence: {5: 14, 9: 3}\n"
    )
    net, problems = load(folder)
    assert net.me.settings.max_hops == 4 and net.me.settings.colleague_trust == 0.5
    assert net.me.cadence[5] == 14
    assert [p.line for p in problems] == [5, 6]


def test_organization_lookalikes_warn_with_did_you_mean(write):
    folder = write(
        "o.yaml",
        "organizations:\n  - name: Acme Corp\npeople:\n  - name: Ada\n    org: ACME Corp.\n  - name: Bob\n    org: Acme, Inc.\n",
    )
    net, problems = load(folder)
    assert net.people["ada"].org == "acme-corp"  # same slug: the declared one
    problem = only(problems)
    assert problem.severity == "warning" and "did you mean 'Acme Corp'" in problem.message


def test_references_must_name_the_right_kind(write):
    folder = write(
        "x.yaml",
        """\
        organizations:
          - name: Globex
        people:
          - name: Ada
        groups:
          - name: Runners
            members: [me, ada, globex, zed]
        favors:
          - {date: 2026-01-02, from: me, to: me, what: nothing}
        interactions:
          - {date: 2026-01-02, with: me}
        """,
    )
    _net, problems = load(folder)
    messages = [p.message for p in problems]
    assert "'globex' is an organization, not a person or 'me'" in messages[0]
    assert "unknown person or 'me' 'zed'" in messages[1]
    assert "'from' and 'to' are both 'me'" in messages[2]
    assert "'me' is not allowed here" in messages[3]


def test_missing_and_empty_folders_suggest_init(tmp_path):
    _net, problems = graphnet.load(tmp_path / "nope")
    assert "does not exist" in only(problems).message and "graphnet init" in only(problems).message
    _net, problems = graphnet.load(tmp_path)
    assert "holds no *.yaml files" in only(problems).message


def test_parsers_agree_on_a_corpus(tmp_path):
    corpus = [
        "a: NO\nb: [1, 2]\nc: {d: e}\n",
        "people:\n  - name: 'x'\n    knows:\n      - {id: y, strength: 3}\n",
        "a: x\tb\n",
        "a: 'unterminated\n",
        "a:\n  - b\n - c\n",
        "key: value: other\n",
        "- a\n- b: c\n",
        "a: |\n  multi\n  line\nb: >\n  folded\n",
    ]
    for text in corpus:
        c_tree, c_problems = parse_text(text, "f.yaml", pure=False)
        p_tree, p_problems = parse_text(text, "f.yaml", pure=True)
        assert c_tree == p_tree, text
        assert [(p.line, p.severity) for p in c_problems] == [(p.line, p.severity) for p in p_problems], text


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_gives_a_network_or_problems_never_a_crash(tmp_path, text):
    path = tmp_path / "fuzz" / "x.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    net, problems = graphnet.load(path.parent, today=TODAY, use_cache=False)
    assert isinstance(net, graphnet.Network)
    assert all(p.line >= 0 and p.column >= 0 for p in problems)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "people:",
                "  - name: A",
                "    knows: [b]",
                "  - id: b",
                "    name: B",
                "    strength: 7",
                "me:",
                "  name: x",
                "groups:",
                "  - {name: G, members: [me, a]}",
                "favors:",
                "  - {from: a, to: me}",
                "interactions:",
                "  - date: 2026-02-30",
                "    with: [a, zz]",
                "\t",
                "- x",
                "&a",
                "*a",
                "!!str",
                "key: [",
                "'",
                "organizations:",
                "  - name: Acme",
                "    competitors: Acme Inc",
                "introductions:",
                "  - {by: a, people: [me, b], status: sent}",
            ]
        ),
        max_size=25,
    )
)
def test_any_mix_of_record_lines_never_crashes(tmp_path, lines_):
    path = tmp_path / "mix" / "x.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines_) + "\n", encoding="utf-8")
    net, problems = graphnet.load(path.parent, today=TODAY, use_cache=False)
    graphnet.build_graph(net)
    for problem in problems:
        assert str(problem).startswith(str(problem.path))


# -- check ---------------------------------------------------------------------------------


def test_check_exit_codes_and_json(write):
    folder = write("o.yaml", "organizations:\n  - name: Acme Corp\n  - name: ACME Corp.\n    id: acme2\n")
    runner = CliRunner()
    result = runner.invoke(cli, ["--data", str(folder), "check"])
    assert result.exit_code == 0  # warnings only
    assert "warning: the organization 'ACME Corp.'" in result.output
    result = runner.invoke(cli, ["--data", str(folder), "check", "--json"])
    assert result.exit_code == 0
    [entry] = json.loads(result.output)
    assert set(entry) == {"path", "line", "column", "severity", "message"} and entry["line"] == 3
    write("p.yaml", "people:\n  - name: Ada\n    knows: [bob]\n")
    result = runner.invoke(cli, ["--data", str(folder), "check"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].endswith(
        "o.yaml:3:5: warning: "
        + json.loads(runner.invoke(cli, ["--data", str(folder), "check", "--json"]).output)[0]["message"]
    )
    assert ":3:13: error: people[0] (id 'ada') > knows[0]: unknown person 'bob'" in result.output


def test_check_sorts_by_file_then_line(write):
    write("b.yaml", "people:\n  - name: B\n    strength: 8\n  - name: C\n    met: 2020-13-01\n")
    folder = write("a.yaml", "people:\n  - name: A\n    cadence: never\n")
    result = CliRunner().invoke(cli, ["--data", str(folder), "check"])
    locations = [line.split(": ")[0] for line in result.stdout.splitlines()]
    assert [loc.split("/")[-1] for loc in locations] == ["a.yaml:3:14", "b.yaml:3:15", "b.yaml:5:10"]


def test_ampersands_in_text_are_not_anchors(write):
    folder = write("p.yaml", "people:\n  - name: Tom & Jerry\n    role: R&D lead\n    notes: P&L; M&A\n")
    net, problems = load(folder)
    assert problems == []
    assert net.people["tom-jerry"].role == "R&D lead"
