"""parallel_pages changes how long a build takes, never what it writes: the real site
and a generated archive of 300 releases (lists, topics, districts, pagination, feeds,
redirects) are byte for byte the same written by one process and by three; a process
that fails has its pages written by the build itself, the same again."""

import runpy
import shutil
from pathlib import Path

import pytest
from bench import generate  # tools/ is on pytest's path (pytest.ini)

from conftest import CONTENT, REPO, build_site

PLUGINS = runpy.run_path(str(REPO / "pelicanconf.py"))["PLUGINS"]
ONE_PROCESS = {"SEARCH_INDEX": False, "PARALLEL_PAGES_WORKERS": 1}
THREE = {"SEARCH_INDEX": False, "PARALLEL_PAGES_WORKERS": 3, "PARALLEL_PAGES_MIN_ITEMS": 1}


def files(output):
    return {path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(Path(output).rglob("*")) if path.is_file()}


def assert_same(expected, actual):
    assert sorted(actual) == sorted(expected)
    different = [name for name in expected if expected[name] != actual[name]]
    assert not different, f"files that differ: {different[:10]}"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    content = tmp_path_factory.mktemp("parallel") / "content"
    generate.write_archive(content, 300, seed=11, data_dir=CONTENT / "data")
    return content


@pytest.fixture(scope="module")
def archive_in_one_process(archive, tmp_path_factory):
    result = build_site(archive, tmp_path_factory.mktemp("one") / "output",
                        extra_settings=ONE_PROCESS)
    assert result.ok, result.log
    assert "Pages: written by" not in result.log
    return files(result.output)


def test_parallel_pages_is_in_the_site_settings():
    assert "parallel_pages" in PLUGINS


def test_an_archive_written_by_three_processes_is_the_same(archive, archive_in_one_process,
                                                           tmp_path):
    result = build_site(archive, tmp_path / "output", extra_settings=THREE)
    assert result.ok, result.log
    assert "Pages: written by 3 processes" in result.log
    assert len(archive_in_one_process) > 600  # a real test of the shares, not a few pages
    assert_same(archive_in_one_process, files(result.output))


def test_the_real_site_written_by_three_processes_is_the_same(tmp_path):
    one = build_site(CONTENT, tmp_path / "one", extra_settings=ONE_PROCESS)
    three = build_site(CONTENT, tmp_path / "three", extra_settings=THREE)
    assert one.ok and three.ok, one.log + three.log
    assert_same(files(one.output), files(three.output))


FAIL_IN_CHILD = """
import os
from pelican import signals

parent = os.getpid()  # imported by the build's own process, before any fork


def fail_in_child(path, context):
    if os.getpid() != parent:
        raise RuntimeError("a process writing pages stopped")


def register():
    signals.content_written.connect(fail_in_child)
"""


def test_a_share_whose_process_fails_is_written_by_the_build(archive, archive_in_one_process,
                                                              tmp_path):
    plugins = tmp_path / "test_plugins"
    plugins.mkdir()
    (plugins / "fail_in_child.py").write_text(FAIL_IN_CHILD, encoding="utf-8")
    result = build_site(archive, tmp_path / "output", extra_settings={
        **THREE, "PLUGIN_PATHS": [str(REPO / "plugins"), str(plugins)],
        "PLUGINS": [*PLUGINS, "fail_in_child"]})
    assert result.ok, result.log
    assert result.log.count("the build writes those pages itself") == 2, result.log
    assert "RuntimeError: a process writing pages stopped" in result.log  # said, not hidden
    assert_same(archive_in_one_process, files(result.output))
