"""The ``graphnet`` group and what every command shares: the state, the answer cache, exits."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gc
import io
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .. import __version__
from ..errors import GraphnetError, Problem, has_errors
from ..files.loader import load
from ..model import DATE_MAX, DATE_MIN, Network, calendar_today, date_out_of_range
from ..terminal import escape_controls

#: Where the command line's network folder comes from, as its messages say it.
_DATA_OPTION = "--data (or $GRAPHNET_DATA)"

EXIT_DATA_ERRORS = 1
EXIT_BAD_REQUEST = 2


@dataclass
class Context:
    data: Path
    today: date
    use_cache: bool = True
    _loaded: tuple[Network, list[Problem]] | None = None

    def load(self) -> tuple[Network, list[Problem]]:
        if self._loaded is None:
            net, problems = load(self.data, today=self.today, use_cache=self.use_cache)
            # The loader names its parameter (`root`); here the folder comes from --data.
            self._loaded = (
                net,
                [
                    replace(p, message=p.message.replace("`root`", _DATA_OPTION)) if "`root`" in p.message else p
                    for p in problems
                ],
            )
            # The loaded network lives until the process ends: keep the cyclic collector
            # from scanning it again and again while the analyses allocate.
            gc.freeze()
        return self._loaded


def fail(message: str, code: int = EXIT_BAD_REQUEST) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


#: Passes the command line's :class:`Context` to a command as its first argument.
pass_state = click.make_pass_decorator(Context)


def load_or_exit(state: Context) -> Network:
    """The loaded network; on data errors print them to stderr and exit 1."""
    net, problems = state.load()
    if has_errors(problems):
        errors = [p for p in problems if p.is_error]
        for problem in errors[:20]:
            click.echo(str(problem), err=True)
        more = f" (and {len(errors) - 20} more)" if len(errors) > 20 else ""
        fail(
            f"the network has {len(errors)} error(s){more}; fix them first (`graphnet check` lists them all)",
            EXIT_DATA_ERRORS,
        )
    return net


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


F = TypeVar("F", bound=Callable[..., Any])


def stacked(*decorators: Callable[[Any], Any]) -> Callable[[F], F]:
    """Several click decorators as one, listed in the order they would be stacked: a shared option list."""

    def decorate(function: F) -> F:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return decorate


def output_options(default: str, where: str, force: str) -> Callable[[F], F]:
    """``-o/--output FILE`` (help: ``where``) and ``--force`` (help: ``force``) of a command writing outside the data."""
    return stacked(
        click.option("-o", "--output", default=default, show_default=True, metavar="FILE", help=where),
        click.option("--force", is_flag=True, help=force),
    )


class _Tee(io.TextIOBase):
    """Writes through to a stream while keeping a copy."""

    def __init__(self, target: Any) -> None:
        self.target = target
        self.copy = io.StringIO()

    def write(self, text: str) -> int:
        self.copy.write(text)
        return int(self.target.write(text) or 0)

    def flush(self) -> None:
        self.target.flush()


def read_only(command: F) -> F:
    """Answer a read-only command from the cache when no data file has changed.

    The key is graphnet's version and code, the working folder, the data folder,
    every data file's bytes, the date and the command line; see :mod:`graphnet.cache`.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        state = ctx.find_object(Context)
        if state is None or not state.use_cache or not state.data.is_dir():
            return command(*args, **kwargs)
        from ..files.cache import answer_key, code_fingerprint, fingerprint, read_answer, store_answer
        from ..files.loader import data_files_and_links

        root = state.data
        files, linked = data_files_and_links(root)
        key = answer_key(
            __version__,
            code_fingerprint(),
            os.getcwd(),
            str(root.resolve()),
            ctx.command_path,
            json.dumps(sorted(ctx.params.items()), default=str),
            state.today.isoformat(),
            calendar_today().isoformat(),  # what "in the future" means in the data's problems
            fingerprint(files, root),
            *map(str, linked),  # their warning is part of the answer
        )
        hit = read_answer(key)
        if hit is not None:
            out, err, code = hit
            click.echo(out, nl=False)
            if err:
                click.echo(err, nl=False, err=True)
            sys.exit(code)
        out_tee, err_tee = _Tee(sys.stdout), _Tee(sys.stderr)
        code = 0
        try:
            with contextlib.redirect_stdout(out_tee), contextlib.redirect_stderr(err_tee):  # type: ignore[type-var]
                result = command(*args, **kwargs)
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
            store_answer(key, out_tee.copy.getvalue(), err_tee.copy.getvalue(), code)
            raise
        store_answer(key, out_tee.copy.getvalue(), err_tee.copy.getvalue(), code)
        return result

    return wrapper  # type: ignore[return-value]


def _default_data() -> str:
    return os.environ.get("GRAPHNET_DATA") or "data"


def _supported_today(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """``--today`` within graphnet's supported dates (exit 2 otherwise)."""
    if value is not None:
        unsupported = date_out_of_range(value.date())
        if unsupported is not None:
            raise click.BadParameter(unsupported, ctx=ctx, param=param)
    return value


class _Escaping(io.TextIOBase):
    """Writes through to a stream with every control character escaped (:mod:`graphnet.terminal`)."""

    def __init__(self, target: Any) -> None:
        self.target = target

    def write(self, text: str) -> int:
        self.target.write(escape_controls(text))
        return len(text)

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return bool(getattr(self.target, "isatty", lambda: False)())


#: Standard output as it was before escaping, for data written to it (exports, the map).
_DATA_STDOUT: contextvars.ContextVar[Any] = contextvars.ContextVar("graphnet_data_stdout", default=None)


def data_stdout() -> Any:
    """The stream that data (an export, a map) goes to with ``-o -``: stdout, written as it is."""
    return _DATA_STDOUT.get() or sys.stdout


_PARAMETER = re.compile(r"`([a-z][a-z0-9_]*)`")


def cli_words(message: str, ctx: click.Context) -> str:
    """A library message as the command line says it: each parameter (```knows```) as its option.

    The library names a parameter of the function called in backquotes (see
    :class:`graphnet.errors.GraphnetError`); a parameter the command (or the ``graphnet``
    group, for ``today``) takes under the same name becomes its option (``--knows``) or
    its argument (``NAME``). Other backquoted words are left as they are.
    """
    names: dict[str, str] = {}
    context: click.Context | None = ctx
    while context is not None:
        for param in context.command.params:
            if param.name is None or param.name in names:
                continue
            if isinstance(param, click.Option):
                names[param.name] = max(param.opts, key=len)
            else:
                names[param.name] = param.human_readable_name
        context = context.parent
    return _PARAMETER.sub(lambda m: names.get(m.group(1), m.group(0)), message)


class _Command(click.Command):
    """A command whose library errors name its options, not the library's parameters."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GraphnetError as exc:
            exc.args = (cli_words(str(exc), ctx),)  # the same error (a subclass keeps its data), in CLI words
            raise


class _Subcommands(click.Group):
    """A group of commands under ``graphnet`` (add, import, cache): its commands say their options too."""

    command_class = _Command


class _Commands(click.Group):
    """The command group: a bad request from any command is a message and exit 2, never a traceback.

    Everything a command prints goes through :func:`graphnet.terminal.escape_controls`, so a
    name imported with escape sequences in it cannot drive the terminal; data written to
    standard output (``export``, ``map -o -``) takes :func:`data_stdout` instead.
    """

    command_class = _Command
    group_class = _Subcommands

    def invoke(self, ctx: click.Context) -> Any:
        token = _DATA_STDOUT.set(sys.stdout)
        try:
            with (
                contextlib.redirect_stdout(_Escaping(sys.stdout)),  # type: ignore[type-var]
                contextlib.redirect_stderr(_Escaping(sys.stderr)),  # type: ignore[type-var]
            ):
                try:
                    return super().invoke(ctx)
                except GraphnetError as exc:
                    fail(str(exc))
        finally:
            _DATA_STDOUT.reset(token)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="graphnet")
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    default=_default_data,
    show_default="$GRAPHNET_DATA, else ./data",
    help="The network folder to read.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    callback=_supported_today,
    help=f"Answer as of this date (YYYY-MM-DD, {DATE_MIN} to {DATE_MAX}) instead of today, for reproducible "
    "output; records dated after it are left out.",
)
@click.option("--no-cache", is_flag=True, help="Parse every file again instead of using the cache.")
@click.pass_context
def cli(ctx: click.Context, data: Path, today: Any, no_cache: bool) -> None:
    """graphnet: your professional network as plain YAML, with real answers.

    Keep people, organizations, groups, introductions, interactions and favors
    in YAML files you edit yourself; graphnet finds warm introduction paths,
    brokers, weak ties and whom to contact now, and draws an offline map.

    \b
    Example:
        graphnet check
        graphnet --data ~/network path "Acme Corp"
    """
    ctx.obj = Context(data=data, today=today.date() if today else date.today(), use_cache=not no_cache)
