"""The order of PLUGINS does not matter: every plugin imports the core by name, and no
plugin relies on another's handlers running before its own."""

import random
import runpy
from pathlib import Path

import pytest
from conftest import CONTENT, REPO, build_site

PLUGINS = runpy.run_path(str(REPO / "pelicanconf.py"))["PLUGINS"]


def shuffled(seed):
    plugins = list(PLUGINS)
    random.Random(seed).shuffle(plugins)
    return plugins


def files(output):
    return {path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(Path(output).rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def as_configured(tmp_path_factory):
    result = build_site(CONTENT, tmp_path_factory.mktemp("configured") / "output",
                        extra_settings={"SEARCH_INDEX": False})
    assert result.ok, result.log
    return files(result.output)


@pytest.mark.parametrize("order", [list(reversed(PLUGINS)), shuffled(1), shuffled(2026)],
                         ids=["reversed", "shuffled-1", "shuffled-2026"])
def test_any_order_of_plugins_builds_the_same_site(tmp_path, as_configured, order):
    assert order != PLUGINS
    result = build_site(CONTENT, tmp_path / "output",
                        extra_settings={"SEARCH_INDEX": False, "PLUGINS": order})
    assert result.ok, result.log
    assert "Traceback" not in result.log and "Cannot load plugin" not in result.log, result.log
    built = files(result.output)
    assert sorted(built) == sorted(as_configured)
    assert [name for name in built if built[name] != as_configured[name]] == []
