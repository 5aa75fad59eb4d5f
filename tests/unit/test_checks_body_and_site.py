"""content_checks.body and .site_checks: HTML bodies, links, tags and addresses."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from content_checks.body import scan_body, target_of  # noqa: E402
from content_checks.site_checks import broken_links, duplicate_urls, tag_variants  # noqa: E402


@pytest.mark.parametrize("html, what", [
    ('<p><img src="/a.png" alt=""></p>', 'the image "/a.png" has no alt text'),
    ('<img src="/a.png">', 'the image "/a.png" has no alt text'),
    ('<a href="JavaScript:go()">x</a>', 'the link goes to a "javascript:" address ("JavaScript:go()")'),
    ('<a href=" java\nscript:go()">x</a>', 'the link goes to a "javascript:" address'),
    ('<img alt="x" src="data:image/png;base64,AAAA">', 'the image goes to a "data:" address'),
    ("<SCRIPT>x()</SCRIPT>", "the text contains a raw <script> tag"),
    ('<div onmouseover="x()">', 'the <div> tag has a script in its "onmouseover" attribute'),
])
def test_body_problems(html, what):
    problems, _ = scan_body(html)
    assert [p.what for p in problems if p.what.startswith(what)], problems


@pytest.mark.parametrize("html", [
    '<p>The word onion and <a href="https://example.com/">a link</a></p>',
    '<img src="/a.png" alt="A chart">', '<a href="mailto:a@b.c">mail</a>', '<a href="tel:101">101</a>',
])
def test_good_bodies(html):
    assert scan_body(html)[0] == []


def test_internal_links_are_resolved_against_the_page():
    assert target_of("../x/#a", "news/2017/y/") == ("news/2017/x/", "a")
    assert target_of("https://site.example/faq/", "news/", "https://site.example") == ("faq/", "")
    assert target_of("//other.example/a", "news/") is None


def test_broken_links_and_anchors():
    _, links = scan_body('<a href="/a/">a</a><a href="/b/#gone">b</a><a href="/b/#here">c</a>'
                         '<img src="/i.png" alt="i">')
    files = {"b/index.html", "i.png"}
    problems = broken_links("x.md", "x/", links, files.__contains__, lambda path: {"here"})
    assert [p.what for p in problems] == [
        'the link "/a/" goes to a page that does not exist',
        'the link "/b/#gone" goes to "#gone", which is not a heading or anchor on that page',
    ]


def test_tag_variants_prefer_the_spelling_used_most():
    uses = [("a.md", "Hate crime"), ("b.md", "Hate crime"), ("c.md", "Hate Crime"),
            ("d.md", "Victims"), ("e.md", "Victim"), ("f.md", "Victims"), ("g.md", "Fraud"),
            ("h.md", "Area 1"), ("i.md", "Area 10"), ("j.md", "Area 10")]
    found = {(p.path, p.what.split(" differs")[0]) for p in tag_variants(uses)}
    assert found == {("c.md", 'the tag "Hate Crime"'), ("e.md", 'the tag "Victim"')}


def test_two_items_at_one_address():
    problems, losers = duplicate_urls([("b.md", "x/index.html"), ("a.md", "x/index.html"),
                                       ("c.md", "topics/index.html")], reserved={"topics/index.html"})
    assert losers == ["b.md", "c.md"]
    assert problems[0].what == "this item has the same address (/x/) as a.md"
