"""The one description of the format: what it drives, and privacy.

A field marked private in graphnet.files.format must never reach the map or an
export unless asked for. The test plants a unique string in every private field
of every record kind (so a field added to the table later is covered without
touching this test) and searches every output for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from graphnet import load
from graphnet.cli import cli
from graphnet.files import format, loader
from graphnet.files.schema import json_schema
from graphnet.io.exports import FORMATS, PRIVATE_FIELDS

TODAY = "2026-11-25"

#: One record of every kind, naming each other; the private fields are added by `_planted`.
#: Ada (strength 4, at Acme, a target) knows Bob; Bob is at Globex; Ada introduced me to Bob,
#: and Bob once declined to introduce me to Cyd at Globex.
BASE: dict[str, list[dict[str, object]] | dict[str, object]] = {
    "me": {"name": "Sam", "targets": ["Acme", "Globex"]},
    "organization": [{"id": "acme", "name": "Acme"}, {"id": "globex", "name": "Globex"}],
    "group": [{"id": "club", "name": "Club", "members": ["me", "ada", "bob"]}],
    "person": [
        {
            "id": "ada",
            "name": "Ada",
            "org": "acme",
            "strength": "4",
            "past_orgs": [{"org": "globex", "from": "2019-01-01", "to": "2021-01-01"}],
            "knows": [{"id": "bob", "strength": "3"}],
        },
        {"id": "bob", "name": "Bob", "org": "globex", "strength": "1", "introduced_by": "ada"},
        {"id": "cyd", "name": "Cyd", "org": "globex", "strength": "0", "knows": ["bob"]},
    ],
    "introduction": [
        {"date": "2025-01-10", "by": "ada", "people": ["me", "bob"], "status": "met"},
        {"date": "2026-02-01", "by": "bob", "people": ["me", "cyd"], "status": "declined"},
    ],
    "interaction": [{"date": "2026-11-01", "with": ["ada", "bob"], "kind": "coffee"}],
    "favor": [
        {"date": "2026-03-01", "from": "ada", "to": "me", "kind": "referral"},
        {"date": "2026-04-01", "from": "me", "to": "ada", "kind": "advice"},
    ],
    "reminder": [{"date": "2026-12-01", "person": "ada"}],
}

#: Where a record kind nested in another one sits: kind -> (outer kind, key).
NESTED = {"knows": ("person", "knows"), "job": ("person", "past_orgs")}


def _secret(kind: str, name: str) -> str:
    return f"SECRET{kind}{name}".replace("_", "")


def _planted() -> dict[str, object]:
    """BASE with a unique string in every private field of every kind's records."""
    data = yaml.safe_load(yaml.safe_dump(BASE))
    for kind, record in format.RECORDS.items():
        for described in format.private_fields(kind):
            assert described.type in ("optionalText", "texts"), f"plant a value of type {described.type} here"
            outer, key = NESTED.get(kind, (kind, ""))
            records = data[outer] if isinstance(data[outer], list) else [data[outer]]
            for i, outer_record in enumerate(records):
                targets = outer_record.get(key, []) if key else [outer_record]
                for entry in targets:
                    if isinstance(entry, dict):
                        entry[described.name] = f"{_secret(kind, described.name)}{i}"
        assert record.fields, kind
    sections = {section: data[kind] for section, kind in format.SECTIONS.items()}
    return sections


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "all.yaml").write_text(yaml.safe_dump(_planted(), sort_keys=False, allow_unicode=True))
    net, problems = load(folder, use_cache=False)
    assert not [p for p in problems if p.is_error], problems
    for kind in format.RECORDS:
        for described in format.private_fields(kind):
            # every private field really is read (else the search below would prove nothing)
            assert _secret(kind, described.name) in (folder / "all.yaml").read_text()
    assert net.people["ada"].email and net.people["ada"].email.startswith("SECRET")
    return folder


def _run(folder: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--no-cache", "--data", str(folder), "--today", TODAY, *args])
    assert result.exit_code == 0, result.output
    return result.output


def _outputs(folder: Path, tmp_path: Path, *extra: str) -> dict[str, str]:
    """Every map view and every export format, as text."""
    found: dict[str, str] = {}
    views = {
        "map": [],
        "map --all": ["--all"],
        "map --highlight Globex": ["--highlight", "Globex"],
        "map --focus ada": ["--focus", "ada"],
    }
    for label, args in views.items():
        out = tmp_path / f"{len(found)}-{len(extra)}.html"
        _run(folder, "map", *args, *extra, "-o", str(out))
        found[label] = out.read_text(encoding="utf-8")
    for fmt in FORMATS:
        folder_out = tmp_path / f"export-{fmt}-{len(extra)}"
        folder_out.mkdir()
        _run(folder, "export", "--format", fmt, *extra, "-o", str(folder_out / "network"))
        written = sorted(p for p in folder_out.rglob("*") if p.is_file())
        assert written, fmt
        found[f"export {fmt}"] = "\n".join(p.read_text(encoding="utf-8") for p in written)
    return found


def test_no_private_field_reaches_the_map_or_an_export(planted: Path, tmp_path: Path) -> None:
    private = [(kind, f.name) for kind in format.RECORDS for f in format.private_fields(kind)]
    assert ("person", "email") in private and ("favor", "what") in private
    for label, text in _outputs(planted, tmp_path).items():
        for kind, name in private:
            assert _secret(kind, name) not in text, (label, kind, name)


def test_private_fields_are_there_when_asked_for(planted: Path, tmp_path: Path) -> None:
    # The search above can fail: asked for, the people's private fields are in the map and exports.
    outputs = _outputs(planted, tmp_path, "--include-private")
    for label, text in outputs.items():
        for described in format.private_fields("person"):
            assert _secret("person", described.name) in text, (label, described.name)
    assert _secret("organization", "notes") in outputs["export json"]


def test_the_table_drives_the_loader_the_schema_and_the_exports() -> None:
    assert tuple(f.name for f in format.RECORDS["person"].fields) == loader.PERSON_KEYS
    assert tuple(format.SECTIONS) == loader.SECTIONS
    schema = json_schema()
    for section, kind in format.SECTIONS.items():
        assert section in schema["properties"]
        if kind != "me":
            assert list(schema["$defs"][kind]["properties"]) == list(format.keys(kind))
    email = schema["$defs"]["person"]["properties"]["email"]["description"]
    assert "Private" in email
    assert PRIVATE_FIELDS == ("email", "phone", "url", "notes")


def test_every_type_is_described_and_in_the_schema() -> None:
    defs = json_schema()["$defs"]
    for record in format.RECORDS.values():
        for described in record.fields:
            assert described.type in format.TYPES, (record.kind, described.name)
            assert described.type in defs, (record.kind, described.name)
            assert described.meaning.strip(), (record.kind, described.name)


def test_add_offers_the_table_options() -> None:
    runner = CliRunner()
    for kind, command in (("person", "person"), ("organization", "org"), ("group", "group")):
        help_text = runner.invoke(cli, ["add", command, "--help"]).output
        for described in format.RECORDS[kind].fields:
            if described.option:
                assert described.option in help_text, (kind, described.option)
