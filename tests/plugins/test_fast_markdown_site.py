"""fast_markdown changes how long a build takes, never what it writes."""

import runpy
from pathlib import Path

import pytest

from conftest import REPO, build_site, copy_content

PLUGINS = runpy.run_path(str(REPO / "pelicanconf.py"))["PLUGINS"]
WITHOUT = [plugin for plugin in PLUGINS if plugin != "fast_markdown"]
QUICK = {"SEARCH_INDEX": False}  # Pagefind's index is not ours to compare


def pages(output):
    return {path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(Path(output).rglob("*"))
            if path.is_file() and "pagefind" not in path.parts}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return copy_content(tmp_path_factory.mktemp("fast_markdown"))


@pytest.fixture(scope="module")
def reference(content, tmp_path_factory):
    """The site built with pelican-yaml-metadata's own reader."""
    result = build_site(content, tmp_path_factory.mktemp("reference") / "output",
                        extra_settings={**QUICK, "PLUGINS": WITHOUT})
    assert result.ok, result.log
    return result


def test_fast_markdown_is_in_the_site_settings_with_yaml_metadata():
    # In any order: its reader is set after every plugin's (tests/plugins/test_plugins_order.py).
    assert "fast_markdown" in PLUGINS and "pelican.plugins.yaml_metadata" in PLUGINS


@pytest.mark.parametrize("workers", [0, 2], ids=["in-process", "two-workers"])
def test_every_file_is_the_same_as_with_pelican_yaml_metadata(content, reference, tmp_path,
                                                             workers):
    settings = {**QUICK, "PLUGINS": PLUGINS, "FAST_MARKDOWN_WORKERS": workers,
                "FAST_MARKDOWN_MIN_FILES": 1}  # the workers start even on this small site
    result = build_site(content, tmp_path / "output", extra_settings=settings)
    assert result.ok, result.log
    expected, actual = pages(reference.output), pages(result.output)
    assert sorted(actual) == sorted(expected)
    different = [name for name in expected if expected[name] != actual[name]]
    assert not different, f"files that differ: {different[:10]}"

