"""frozen_urls makes URLs cheaper to ask for, never different."""

import runpy
from pathlib import Path

from conftest import REPO, build_site, copy_content
from frozen_urls.frozen_urls import freeze_urls

PLUGINS = runpy.run_path(str(REPO / "pelicanconf.py"))["PLUGINS"]


def files(output):
    return {path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(Path(output).rglob("*"))
            if path.is_file() and "pagefind" not in path.parts}


def test_every_file_is_the_same_without_frozen_urls(tmp_path):
    content = copy_content(tmp_path)
    builds = []
    for name, plugins in [("with", PLUGINS), ("without", [p for p in PLUGINS if p != "frozen_urls"])]:
        result = build_site(content, tmp_path / name,
                            extra_settings={"SEARCH_INDEX": False, "PLUGINS": plugins})
        assert result.ok, result.log
        builds.append(files(result.output))
    assert "frozen_urls" in PLUGINS
    assert sorted(builds[0]) == sorted(builds[1])
    assert [name for name in builds[0] if builds[0][name] != builds[1][name]] == []


class Item:
    def __init__(self, url, override=None):
        self._url, self.asked = url, 0
        if override:
            self.override_url = override

    @property
    def url(self):
        self.asked += 1
        return self._url


class Generator:
    def __init__(self, **lists):
        self.__dict__.update(lists)


def test_urls_are_stored_once_and_an_existing_override_is_kept():
    release, faq, draft = Item("news/2017/a/"), Item("x/", override="faq/x/"), Item("drafts/d/")
    shared = Item("news/2017/b/")
    generators = [Generator(articles=[release, shared], translations=[shared], drafts=[draft]),
                  Generator(pages=[faq]), object()]
    freeze_urls(generators)
    assert release.override_url == "news/2017/a/" and release.asked == 1
    assert draft.override_url == "drafts/d/"
    assert shared.asked == 1
    assert faq.override_url == "faq/x/" and faq.asked == 0
