"""The benchmark network generator writes real, loadable, reproducible networks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import benchmark_script

import graphnet

TODAY = date(2026, 11, 25)


gen = benchmark_script("generate")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("net300")
    gen.generate(folder, 300, 7)
    return folder


def test_generated_network_loads_without_problems(small: Path) -> None:
    net, problems = graphnet.load(small, today=TODAY, use_cache=False)
    assert [str(p) for p in problems] == []
    assert len(net.people) == 300
    assert len(net.me.targets) == 3
    assert all(t in net.organizations for t in net.me.targets)
    assert len(net.organizations) == 25
    assert len(net.groups) == 10
    assert net.interactions and net.favors and net.introductions


def test_generated_structure_is_realistic(small: Path) -> None:
    net, _ = graphnet.load(small, today=TODAY, use_cache=False)
    people = list(net.people.values())
    # Ties stored once per pair, about 5-15 per person on average.
    pairs = [tuple(sorted((p.id, t.other))) for p in people for t in p.knows]
    assert len(pairs) == len(set(pairs))
    assert 5 <= 2 * len(pairs) / len(people) <= 15
    # Strengths: mostly 1-2, fewer 3-5, some 0.
    counts = {s: sum(p.strength == s for p in people) for s in range(6)}
    assert counts[1] + counts[2] > counts[3] + counts[4] + counts[5] > 0
    assert counts[0] > 0
    # Heavy-tailed organization sizes: the biggest employer dwarfs the median one.
    sizes = sorted((sum(p.org == o for p in people) for o in net.organizations), reverse=True)
    assert sizes[0] >= 5 * sizes[len(sizes) // 2]
    assert any(p.past_orgs and p.past_orgs[0].start for p in people)
    assert any(o.aliases for o in net.organizations.values())
    assert any(o.competitors for o in net.organizations.values())
    # Every logged date lies in the three years before TODAY.
    assert min(i.date for i in net.interactions) >= date(2023, 11, 26)
    assert max(i.date for i in net.interactions) <= TODAY


def test_files_are_plain_yaml_split_over_parts(tmp_path: Path) -> None:
    gen.generate(tmp_path, 1200, 3)
    parts = sorted((tmp_path / "people").glob("part-*.yaml"))
    assert [p.name for p in parts] == ["part-0001.yaml", "part-0002.yaml", "part-0003.yaml"]
    loaded = yaml.safe_load((tmp_path / "people" / "part-0003.yaml").read_text(encoding="utf-8"))
    assert len(loaded["people"]) == 200
    assert (tmp_path / "me.yaml").exists() and (tmp_path / "log" / "favors.yaml").exists()


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path, small: Path) -> None:
    again = tmp_path / "again"
    gen.generate(again, 300, 7)
    assert _snapshot(again) == _snapshot(small)
    other = tmp_path / "other"
    gen.generate(other, 300, 8)
    assert _snapshot(other) != _snapshot(small)


def test_regenerating_smaller_removes_stale_parts(tmp_path: Path) -> None:
    gen.generate(tmp_path, 1200, 1)
    gen.generate(tmp_path, 300, 1)
    net, problems = graphnet.load(tmp_path, today=TODAY, use_cache=False)
    assert problems == [] and len(net.people) == 300


@pytest.mark.parametrize(
    "text",
    ["plain words", "yes", "NO", "on", "null", "12:30", "0123", "+4917612345", "a: b", "x #y",
     'say "hi"', "back\\slash", "trailing ", "-dash", "[x]", "a, b", "Zoë Lovelace", "O'Brien"],
)  # fmt: skip
def test_q_round_trips_through_any_yaml_reader(text: str) -> None:
    for flow in (False, True):
        doc = f"k: [{gen.q(text, flow=True)}]" if flow else f"k: {gen.q(text)}"
        value = yaml.safe_load(doc)["k"]
        assert (value[0] if flow else value) == text, doc


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gen.main(["--people", "50", "--seed", "2", str(tmp_path)]) == 0
    assert "wrote 50 people" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        gen.main(["--people", "5", str(tmp_path / "tiny")])
