"""The order of PLUGINS does not matter: every plugin imports the core by name, and no
plugin relies on another's handlers running before its own."""

import random
import re
import runpy
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, REPO, build_site

PLUGINS = runpy.run_path(str(REPO / "pelicanconf.py"))["PLUGINS"]
# Files that only a checked reader leaves out quietly: without content_checks' reader
# check in front of the Markdown reader, Pelican would log errors of its own for them.
BROKEN = {
    "news/2017-06-02-unclosed-list.md": "---\ntitle: [Unclosed\ndate: 2017-06-02\n---\nText.\n",
    "news/2017-06-03-bad-date.md": "---\ntitle: A date that is not one\ndate: 2017-13-45\n---\nText.\n",
}
# Links to files that other plugins write at the end of the build (pelican-sitemap,
# page_metadata, security_headers): the link check comes after them in any order.
MACHINE_FILES = ("news/2017-06-04-machine-files.md",
                 "---\ntitle: Machine files\ndate: 2017-06-04\nsummary: One sentence.\n---\n"
                 "See [robots](/robots.txt), [the sitemap](/sitemap.xml) and [headers](/_headers).\n")
MESSAGE = re.compile(r"^\S+:\d+: (error|warning): .+\. Fix: .+$|^\d+ errors?, \d+ warnings?.*$")


def shuffled(seed):
    plugins = list(PLUGINS)
    random.Random(seed).shuffle(plugins)
    return plugins


def files(output):
    return {path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(Path(output).rglob("*")) if path.is_file()}


def report(log, content):
    return [line.replace(str(content), "CONTENT") for line in log.splitlines() if MESSAGE.match(line)]


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    copy = tmp_path_factory.mktemp("order") / "content"
    shutil.copytree(CONTENT, copy)
    for name, text in [*BROKEN.items(), MACHINE_FILES]:
        (copy / name).write_text(text, encoding="utf-8")
    return copy


def build(content, output, plugins=None):
    settings = {"SEARCH_INDEX": False}
    if plugins:
        settings["PLUGINS"] = plugins
    result = build_site(content, output, extra_settings=settings)
    assert result.ok, result.log
    assert "Traceback" not in result.log and "Cannot load plugin" not in result.log, result.log
    return result


@pytest.fixture(scope="module")
def as_configured(content, tmp_path_factory):
    result = build(content, tmp_path_factory.mktemp("configured") / "output")
    messages = report(result.log, content)
    assert len([m for m in messages if any(name in m for name in BROKEN)]) == len(BROKEN)
    assert "logged above" not in result.log, result.log
    assert not [m for m in messages if MACHINE_FILES[0] in m], messages
    return files(result.output), messages


@pytest.mark.parametrize("order", [list(reversed(PLUGINS)), shuffled(1), shuffled(2026)],
                         ids=["reversed", "shuffled-1", "shuffled-2026"])
def test_any_order_of_plugins_builds_the_same_site_and_report(content, tmp_path, as_configured, order):
    expected_files, expected_messages = as_configured
    assert order != PLUGINS
    result = build(content, tmp_path / "output", order)
    assert report(result.log, content) == expected_messages
    built = files(result.output)
    assert sorted(built) == sorted(expected_files)
    assert [name for name in built if built[name] != expected_files[name]] == []


def test_without_site_core_in_plugins_the_build_stops_and_says_so(tmp_path):
    result = build_site(CONTENT, tmp_path / "output",
                        extra_settings={"PLUGINS": [p for p in PLUGINS if p != "site_core"]})
    assert result.returncode == 1
    assert 'error: "site_core" is not in PLUGINS' in result.log
    assert "Traceback" not in result.log
