"""Shared fixtures: every test gets its own cache folder, never the user's."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # A patch of its own: a test's monkeypatch.undo() must not point graphnet at the user's cache.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GRAPHNET_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("GRAPHNET_DATA", raising=False)
        yield


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a (dedented) YAML file under tmp_path/net and return the network folder."""

    def _write(name: str, text: str | bytes, *, dedent: bool = True) -> Path:
        folder = tmp_path / "net"
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8", newline="")
        return folder

    return _write


def benchmark_script(name: str) -> ModuleType:
    """The script ``benchmarks/NAME.py`` (a network or export generator) imported as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
