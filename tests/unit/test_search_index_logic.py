"""Pure logic of search_index: which written files go to Pagefind, under which address."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from search_index.search_index import page_url, wants_indexing  # noqa: E402


@pytest.mark.parametrize("relative, expected", [
    ("index.html", "/"),
    ("news/2017/new-police-app/index.html", "/news/2017/new-police-app/"),
    ("404.html", "/404.html"),
    ("news/page-2.html", "/news/page-2.html"),
    ("faq/myindex.html", "/faq/myindex.html"),
])
def test_page_url_is_the_address_pagefind_gives_the_file(relative, expected):
    assert page_url(f"/tmp/out/{relative}", "/tmp/out") == expected


def test_only_html_pages_marked_for_pagefind_are_indexed():
    marked = '<main id="main-content" data-pagefind-body>text</main>'
    assert wants_indexing("/out/news/x/index.html", marked)
    assert not wants_indexing("/out/topics/index.html", "<main>list</main>")
    assert not wants_indexing("/out/feeds/all.atom.xml", marked)
