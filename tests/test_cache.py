"""The parsed-file cache: keyed by content, data-only, and harmless when damaged."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from datetime import date

import graphnet
from graphnet.files import built, cache

TODAY = date(2026, 11, 25)


def entries():
    return sorted((cache.cache_dir() / cache.FORMAT).rglob("*.json"))


def built_folder():
    return cache.cache_dir() / f"{built.VERSION}-{cache.code_fingerprint()[:12]}"


def test_a_changed_file_is_always_reread_even_at_the_same_size_and_time(write):
    folder = write("p.yaml", "people:\n  - name: Ada\n")
    path = folder / "p.yaml"
    net, _ = graphnet.load(folder, today=TODAY)
    assert list(net.people) == ["ada"]
    stamp = path.stat()
    path.write_text("people:\n  - name: Bob\n", encoding="utf-8")  # same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same mtime
    net, _ = graphnet.load(folder, today=TODAY)
    assert list(net.people) == ["bob"]


def test_a_hit_gives_the_same_network_and_problems(write):
    folder = write("p.yaml", "people:\n  - name: Ada\n    strength: 9\n    knows: [bob]\n")
    cold = graphnet.load(folder, today=TODAY)
    assert len(entries()) == 1
    warm = graphnet.load(folder, today=TODAY)
    assert [str(p) for p in warm[1]] == [str(p) for p in cold[1]] and len(cold[1]) == 2
    assert warm[0].people == cold[0].people
    mode = stat.S_IMODE(os.stat(cache.cache_dir()).st_mode)
    assert mode == 0o700


def test_corrupt_or_tampered_entries_are_ignored_and_rebuilt(write):
    folder = write("p.yaml", "people:\n  - name: Ada\n")
    graphnet.load(folder, today=TODAY)
    [entry] = entries()
    for damage in (
        b"\x00garbage",
        b'{"tree": {"m": [[1, 2]]}}',
        b"[]",
        json.dumps({"tree": "x", "problems": 5}).encode(),
    ):
        entry.write_bytes(damage)
        shutil.rmtree(built_folder())  # so the file's records are built from its parse
        net, problems = graphnet.load(folder, today=TODAY)
        assert list(net.people) == ["ada"] and problems == []
    assert json.loads(entry.read_bytes())["tree"]["m"][0][0] == "people"  # rebuilt


def test_pickle_payloads_are_never_executed(write, tmp_path):
    folder = write("p.yaml", "people:\n  - name: Ada\n")
    graphnet.load(folder, today=TODAY)
    [entry] = entries()
    marker = tmp_path / "pwned"
    import pickle

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    entry.write_bytes(pickle.dumps(Evil()))
    net, _ = graphnet.load(folder, today=TODAY)
    assert list(net.people) == ["ada"] and not marker.exists()


def test_no_cache_bypasses_and_clear_removes(write):
    folder = write("p.yaml", "people:\n  - name: Ada\n")
    graphnet.load(folder, today=TODAY, use_cache=False)
    assert entries() == []
    graphnet.load(folder, today=TODAY)
    assert len(entries()) == 1
    assert cache.clear() == (cache.cache_dir(), 3)  # the parsed file, its built records, the network's roster
    assert not (cache.cache_dir() / cache.FORMAT).exists()


def test_clear_removes_only_graphnets_own_entries_from_a_shared_folder(write, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from graphnet.cli import cli

    shared = tmp_path / "shared"
    monkeypatch.setenv("GRAPHNET_CACHE_DIR", str(shared))
    folder = write("p.yaml", "people:\n  - name: Ada\n")
    assert CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "stats"]).exit_code == 0
    theirs = [
        shared / "notes.txt",
        shared / "photos" / "cat.jpg",
        shared / cache.FORMAT / "README",  # someone else's file inside graphnet's folder
        shared / cache.ANSWERS / "todo.json",
    ]
    for path in theirs:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("keep me")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / ("0" * 64 + ".json")).write_text("keep me too")
    (shared / "answers-v9").symlink_to(outside)  # a link named like graphnet's: never followed
    result = CliRunner().invoke(cli, ["cache", "clear"])
    assert (
        result.exit_code == 0 and "removed 4 cache entries" in result.stdout
    )  # one parsed file, its built records, one answer, the roster
    assert all(path.read_text() == "keep me" for path in theirs)
    assert (outside / ("0" * 64 + ".json")).exists()
    assert not list(shared.rglob("*/" + "[0-9a-f]" * 2 + "/*.json"))


def test_read_only_answers_come_from_the_cache_until_a_file_changes(write):
    from click.testing import CliRunner

    from graphnet.cli import cli

    folder = write("p.yaml", "people:\n  - name: Ada\n    strength: 4\n")
    runner = CliRunner()
    args = ["--data", str(folder), "--today", "2026-11-25", "stats", "--json"]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0 and '"people": 1' in first.stdout
    [entry] = (cache.cache_dir() / cache.ANSWERS).glob("*.json")
    # Prove the second answer is the stored one: mark the stored answer, and see the mark.
    stored = json.loads(entry.read_text())
    stored["stdout"] = stored["stdout"].replace('"people": 1', '"people": 1, "from_cache": true')
    entry.write_text(json.dumps(stored))
    assert '"from_cache": true' in runner.invoke(cli, args).stdout
    # Another date, another command line, or --no-cache: computed afresh.
    assert "from_cache" not in runner.invoke(cli, [*args[:3], "2026-11-26", "stats", "--json"]).stdout
    assert "from_cache" not in runner.invoke(cli, ["--no-cache", *args]).stdout
    # A changed file: computed afresh, with the new data.
    (folder / "p.yaml").write_text("people:\n  - name: Ada\n    strength: 4\n  - name: Bob\n")
    again = runner.invoke(cli, args)
    assert "from_cache" not in again.stdout and '"people": 2' in again.stdout


def test_exit_codes_and_stderr_are_replayed(write):
    from click.testing import CliRunner

    from graphnet.cli import cli

    folder = write("p.yaml", "people:\n  - name: Ada\n    strength: 9\n")
    runner = CliRunner()
    first = runner.invoke(cli, ["--data", str(folder), "check"])
    second = runner.invoke(cli, ["--data", str(folder), "check"])
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout and "strength" in second.stdout
    assert second.stderr == first.stderr == "1 error(s), 0 warning(s)\n"


def test_cache_clear_command(write):
    from click.testing import CliRunner

    from graphnet.cli import cli

    folder = write("p.yaml", "people:\n  - name: Ada\n")
    runner = CliRunner()
    runner.invoke(cli, ["--data", str(folder), "stats"])
    assert cache.cache_dir().exists()
    result = runner.invoke(cli, ["cache", "clear"])
    assert (
        result.exit_code == 0 and "removed 4 cache entries" in result.stdout
    )  # parsed file, built records, answer, roster
    assert not list(cache.cache_dir().rglob("*.json"))


def test_after_one_file_changes_only_that_file_is_parsed_again(write, monkeypatch):
    write("a.yaml", "people:\n  - name: Ada\n")
    write("b.yaml", "people:\n  - name: Bob\n")
    folder = write("c.yaml", "people:\n  - name: Cy\n")
    graphnet.load(folder, today=TODAY)
    parsed: list[str] = []
    real_parse = cache.parse_bytes

    def counting(data, shown):
        parsed.append(shown)
        return real_parse(data, shown)

    monkeypatch.setattr(cache, "parse_bytes", counting)
    graphnet.load(folder, today=TODAY)
    assert parsed == []
    (folder / "b.yaml").write_text("people:\n  - name: Bea\n", encoding="utf-8")
    net, _ = graphnet.load(folder, today=TODAY)
    assert [p.rsplit("/", 1)[-1] for p in parsed] == ["b.yaml"]
    assert sorted(net.people) == ["ada", "bea", "cy"]


def test_a_changed_graphnet_never_replays_old_answers(write, monkeypatch):
    from click.testing import CliRunner

    from graphnet.cli import cli

    folder = write("p.yaml", "people:\n  - name: Ada\n")
    args = ["--data", str(folder), "--today", "2026-11-25", "stats", "--json"]
    runner = CliRunner()
    runner.invoke(cli, args)
    [entry] = (cache.cache_dir() / cache.ANSWERS).glob("*.json")
    stored = json.loads(entry.read_text())
    stored["stdout"] = "stale\n"
    entry.write_text(json.dumps(stored))
    assert runner.invoke(cli, args).stdout == "stale\n"
    monkeypatch.setattr(cache, "_CODE", "another version of graphnet's code")
    assert runner.invoke(cli, args).stdout != "stale\n"


def test_a_log_stores_the_grown_tree_as_a_full_parse_would(write):
    from click.testing import CliRunner

    from graphnet.cli import cli
    from graphnet.files.yamlread import parse_bytes

    folder = write(
        "p.yaml",
        "people:\n  - name: Ada\n  - name: Bob\ninteractions:\n  - {date: 2026-01-02, with: ada}\n",
    )
    path = folder / "p.yaml"
    for note in ("first", "second", "third"):  # the second and third start from the tree the first stored
        result = CliRunner().invoke(cli, ["--data", str(folder), "--today", "2026-11-25", "log", "bob", "--note", note])
        assert result.exit_code == 0, result.output
        data = path.read_bytes()
        stored = json.loads(cache._entry_path(hashlib.sha256(data).hexdigest()).read_bytes())
        assert stored == {"tree": cache._encode(parse_bytes(data, "p.yaml")[0]), "problems": []}
    assert path.read_text().count("with: bob") == 3
