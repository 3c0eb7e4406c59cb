"""Every command documents itself: a --help with a summary and an example."""

from __future__ import annotations

import click
from click.testing import CliRunner

from graphnet import __version__
from graphnet.cli import cli


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


def test_every_command_has_help_with_an_example():
    commands = list(all_commands(cli))
    assert {"check", "stats"} <= {path[0] for path, _ in commands}
    runner = CliRunner()
    for path, command in commands:
        assert command.help and len(command.help.strip()) > 40, path
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        if not isinstance(command, click.Group):
            assert "Example" in result.output, path
            assert "graphnet " + " ".join(path) in result.output, path


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_a_bad_request_anywhere_is_a_message_and_exit_2(tmp_path, monkeypatch):
    import graphnet.analyses.stats
    from graphnet.errors import GraphnetError

    (tmp_path / "p.yaml").write_text("people:\n  - name: Ada\n")

    def refuse(net, today):
        raise GraphnetError("cannot answer that; try another question")

    monkeypatch.setattr(graphnet.analyses.stats, "summary", refuse)
    result = CliRunner().invoke(cli, ["--no-cache", "--data", str(tmp_path), "stats"])
    assert result.exit_code == 2
    assert result.stderr == "error: cannot answer that; try another question\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _docs_text() -> str:
    from pathlib import Path

    docs = Path(__file__).parent.parent / "docs"
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(docs.glob("*.md")))


def test_every_command_and_option_is_in_the_docs():
    # Like sqlite-utils' documentation test: a command or option nobody documented fails here.
    docs = _docs_text()
    missing = []
    for path, command in [((), cli), *all_commands(cli)]:
        words = " ".join(path)
        if path and f"graphnet {words}" not in docs and f"`{words}`" not in docs:
            missing.append(f"command: graphnet {words}")
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                for flag in param.opts + param.secondary_opts:
                    if flag.startswith("--") and flag not in docs:
                        missing.append(f"option: graphnet {words} {flag}".replace("  ", " "))
    assert not missing, "\n".join(missing)
