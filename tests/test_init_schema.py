"""`graphnet init` and `graphnet schema`: starter files that load cleanly, a schema editors can use."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft7Validator, Draft202012Validator

import graphnet
from graphnet.cli import cli
from graphnet.files import loader
from graphnet.files.init import SCHEMA_FILE, STARTER_FILES
from graphnet.files.loader import data_files
from graphnet.files.schema import json_schema
from graphnet.files.yamlread import parse_bytes
from graphnet.model import Settings

ROOT = Path(__file__).resolve().parent.parent
SECTION_FILES = [
    "me.yaml",
    "people.yaml",
    "organizations.yaml",
    "groups.yaml",
    "introductions.yaml",
    "interactions.yaml",
    "favors.yaml",
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def validators() -> list[Any]:
    schema = json_schema()
    return [Draft202012Validator(schema), Draft7Validator(schema)]


# YAML 1.2 core schema, as an editor's YAML language server reads plain scalars.
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


def editor_view(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        text = node.value
        if node.style:
            return text
        if text in ("", "~", "null", "Null", "NULL"):
            return None
        if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return text.lower() == "true"
        if _INT.fullmatch(text):
            return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
        if _FLOAT.fullmatch(text):
            return float(text)
        return text
    if isinstance(node, yaml.SequenceNode):
        return [editor_view(item) for item in node.value]
    return {key.value: editor_view(value) for key, value in node.value}


def schema_errors(path: Path) -> list[str]:
    """Schema errors of one file, both as graphnet reads it (all text) and as an editor does."""
    tree, problems = parse_bytes(path.read_bytes(), str(path))
    assert problems == []
    node = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    views = {"graphnet": tree, "editor": editor_view(node) if node is not None else None}
    found = []
    for validator in validators():
        for view, instance in views.items():
            for error in validator.iter_errors(instance):
                found.append(f"{path.name} ({view}): {list(error.absolute_path)}: {error.message[:200]}")
    return found


# -- the schema ---------------------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    Draft7Validator.check_schema(schema)  # the YAML language server implements draft-07


@pytest.mark.parametrize(
    ("definition", "keys"),
    [
        ("person", loader.PERSON_KEYS),
        ("organization", loader.ORG_KEYS),
        ("group", loader.GROUP_KEYS),
        ("introduction", loader.INTRODUCTION_KEYS),
        ("interaction", loader.INTERACTION_KEYS),
        ("favor", loader.FAVOR_KEYS),
    ],
)
def test_schema_describes_every_key_the_loader_accepts(definition: str, keys: tuple[str, ...]) -> None:
    record = json_schema()["$defs"][definition]
    assert list(record["properties"]) == list(keys)
    assert record["additionalProperties"] is False
    assert all(p.get("description") for p in record["properties"].values())


def test_schema_has_every_section_and_setting() -> None:
    schema = json_schema()
    assert tuple(schema["properties"]) == loader.SECTIONS
    me = schema["$defs"]["me"]["anyOf"][0]
    assert list(me["properties"]) == list(loader.ME_KEYS)
    for f in fields(Settings):
        assert me["properties"][f.name]["default"] == getattr(Settings(), f.name)
        assert "default" in me["properties"][f.name]["description"]
    knows = schema["$defs"]["knowsEntry"]["anyOf"][1]
    assert list(knows["properties"]) == list(loader.KNOWS_KEYS)
    job = schema["$defs"]["job"]["anyOf"][1]
    assert list(job["properties"]) == list(loader.JOB_KEYS)


@pytest.mark.parametrize(
    "bad",
    [
        "people:\n  - name: Ada\n    emial: a@b.c\n",  # typo in a key
        "people:\n  - name: Ada\n    strength: 7\n",
        "people:\n  - org: Acme\n",  # no name
        "peeple:\n  - name: Ada\n",  # unknown section
        "introductions:\n  - by: me\n    people: [a, b, c]\n",
        "introductions:\n  - by: me\n    people: [a, b]\n    status: done\n",
        "interactions:\n  - date: 26 Nov 2026\n    with: ada\n",
        "me:\n  cadence: {7: 10}\n",
        "me:\n  max_hops: lots\n",
    ],
)
def test_schema_rejects_what_the_loader_rejects(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(bad)
    assert schema_errors(path) != []
    _net, problems = graphnet.load(tmp_path, use_cache=False)
    assert any(p.is_error for p in problems)


def test_sample_data_validates_against_the_schema(tmp_path: Path) -> None:
    """The example data/ validates against the schema (a copy, so nothing touches data/)."""
    if not (ROOT / "data").is_dir() or not data_files(ROOT / "data"):
        pytest.skip("no sample data in this checkout")
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    files = data_files(copy)
    assert len(files) >= 5
    errors = [e for path in files for e in schema_errors(path)]
    assert errors == []


def test_cli_schema_prints_it() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert json.loads(out) == json_schema()


# -- graphnet init ---------------------------------------------------------------------------------


def test_init_writes_commented_starter_files_that_load_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "net"
    code, out, _ = run("init", str(folder))
    assert code == 0
    for name in SECTION_FILES:
        path = folder / name
        assert f"created {path}" in out
        text = path.read_text()
        assert text.startswith("# yaml-language-server: $schema=.graphnet/schema.json\n")
        assert sum(1 for line in text.splitlines() if line.startswith("#")) >= 5  # explained in comments
    assert json.loads((folder / SCHEMA_FILE).read_text()) == json_schema()
    assert ".*.lock" in (folder / ".gitignore").read_text()
    assert [p.name for p in data_files(folder)] == sorted(SECTION_FILES)
    _net, problems = graphnet.load(folder, use_cache=False)
    assert problems == []
    code, out, err = run("--data", str(folder), "check")
    assert (code, out, err) == (0, "", "")
    for name in SECTION_FILES:
        assert schema_errors(folder / name) == []


def test_init_defaults_to_the_data_folder(tmp_path: Path) -> None:
    code, _, _ = run("--data", str(tmp_path / "mine"), "init")
    assert code == 0 and (tmp_path / "mine" / "people.yaml").is_file()


def test_starter_examples_are_valid_when_uncommented(tmp_path: Path) -> None:
    """Removing the leading '# ' of an example gives valid entries, with valid comments."""
    checked = 0
    for name, body in STARTER_FILES.items():
        lines = body.splitlines()
        example = [line[2:] for line in lines if line.startswith("#   ")]
        if not example:
            continue
        section = lines[-1].rstrip(":")
        path = tmp_path / name
        path.write_text(f"{section}:\n" + "\n".join(example) + "\n")
        tree, problems = parse_bytes(path.read_bytes(), name)
        assert problems == [], name
        assert len(tree[section]) == 1
        assert schema_errors(path) == [], name
        checked += 1
    assert checked == 6
    _net, problems = graphnet.load(tmp_path, use_cache=False)
    # the examples name people the starter network does not hold; nothing else may be wrong
    assert [str(p) for p in problems if "unknown person" not in p.message] == []


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "people.yaml").write_bytes(b"mine")
    code, _, err = run("init", str(folder))
    assert code == 2 and "people.yaml" in err and "never overwrites" in err
    assert sorted(p.name for p in folder.iterdir()) == ["people.yaml"]
    assert (folder / "people.yaml").read_bytes() == b"mine"


def test_init_refuses_an_existing_network(tmp_path: Path) -> None:
    folder = tmp_path / "net"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "contacts.yaml").write_text("people:\n  - name: Ada\n")
    code, _, err = run("init", str(folder))
    assert code == 2 and "already holds a network" in err
    assert [p.name for p in folder.rglob("*")] == ["sub", "contacts.yaml"]


def test_init_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("")
    code, _, err = run("init", str(tmp_path / "x"))
    assert code == 2 and "is a file" in err
    assert (tmp_path / "x").read_text() == ""


def test_init_keeps_an_existing_gitignore(tmp_path: Path) -> None:
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / ".gitignore").write_text("secret\n")
    assert run("init", str(folder))[0] == 0
    assert (folder / ".gitignore").read_text() == "secret\n"


def test_writes_after_init(tmp_path: Path) -> None:
    folder = tmp_path / "net"
    run("init", str(folder))
    before = (folder / "people.yaml").read_bytes()
    code, _, _ = run("--data", str(folder), "add", "person", "Ada Lovelace", "--strength", "4")
    assert code == 0
    assert (folder / "people.yaml").read_bytes() == before + b"  - name: Ada Lovelace\n    strength: 4\n"
    code, _, _ = run("--data", str(folder), "log", "Ada Lovelace", "--note", "first")
    assert code == 0
    # a new file in a subfolder points at the schema relatively
    code, _, _ = run("--data", str(folder), "add", "person", "Bob", "--file", str(folder / "team" / "more.yaml"))
    assert code == 0
    assert (
        (folder / "team" / "more.yaml")
        .read_text()
        .startswith("# yaml-language-server: $schema=../.graphnet/schema.json\npeople:\n  - name: Bob\n")
    )
    net, problems = graphnet.load(folder, use_cache=False)
    assert problems == []
    assert set(net.people) == {"ada-lovelace", "bob"} and net.interactions[0].note == "first"
    for path in data_files(folder):
        assert schema_errors(path) == []
