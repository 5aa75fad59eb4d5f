"""content_checks.body and .site_checks: HTML bodies, links, tags and addresses."""

import pytest
from content_checks.body import covering_declaration, scan_body, target_of
from content_checks.site_checks import broken_links, duplicate_urls, tag_variants
from site_core import ERROR, Problem, find_line

# The raw HTML a careless or malicious paste brings: one problem per thing, each on its line.
RAW_HTML = """---
title: Raw HTML, onerror and <iframe> in the front matter are not the body
date: 2017-05-11
summary: One sentence.
---
Intro.

<iframe src="https://example.org"></iframe>
<form action="/x"><input name=a></form>
<svg><script>alert(1)</script></svg>
<img src="x.png" onerror="alert(1)">
<div style="position:fixed;top:0">covering</div>
<object data="x.swf"></object>
<embed src="x.swf">
<meta http-equiv="refresh" content="0;url=https://evil">
<iframe src="https://example.org"></iframe>
"""
RAW_HTML_PROBLEMS = [
    (8, "the text contains a raw <iframe> tag"),
    (9, "the text contains a raw <form> tag, which would send what readers type into it to "
        "another place"),
    (10, "the text contains a raw <script> tag"),
    (11, 'the <img> tag has a script in its "onerror" attribute'),
    (11, 'the image "x.png" has no alt text'),
    (12, 'the <div> tag has the style "position:fixed", which can put it over other parts of '
         "the page"),
    (13, "the text contains a raw <object> tag"),
    (14, "the text contains a raw <embed> tag"),
    (15, 'the text contains a raw <meta http-equiv="refresh"> tag, which sends readers to '
         "another page"),
    (16, "the text contains a raw <iframe> tag"),  # the same tag again: its own line
]


def located(html, source):
    """[(line, what)] of the body problems, with the lines the report would print."""
    lines = source.splitlines()
    problems, _ = scan_body(html)
    for problem in problems:
        assert isinstance(problem, Problem) and problem.level == ERROR and problem.path is None
        assert problem.fix and (problem.line or problem.in_body)
    return [(find_line(lines, line=p.line, key=p.key, text=p.text, in_body=p.in_body,
                       occurrence=p.occurrence), p.what)
            for p in problems]


def test_every_problem_in_raw_html_is_found_on_its_own_line():
    body = RAW_HTML.split("---\n", 2)[2]  # Markdown passes raw HTML through as it is
    assert located(body, RAW_HTML) == RAW_HTML_PROBLEMS


def test_markdown_made_tags_are_found_by_their_address_or_attribute():
    source = ('---\ntitle: A\n---\nText.\n\n![](/a.png){: onerror="y()" }\n\n'
              "[Run](javascript:void(0))\n\n[Run](javascript:void(0))\n")
    html = ('<p>Text.</p>\n<p><img alt="" onerror="y()" src="/a.png"></p>\n'
            '<p><a href="javascript:void(0)">Run</a></p>\n<p><a href="javascript:void(0)">Run</a></p>')
    assert [line for line, _ in located(html, source)] == [6, 6, 8, 10]


@pytest.mark.parametrize("html, what", [
    ('<p><img src="/a.png" alt=""></p>', 'the image "/a.png" has no alt text'),
    ('<img src="/a.png">', 'the image "/a.png" has no alt text'),
    ('<a href="JavaScript:go()">x</a>', 'the link goes to a "javascript:" address ("JavaScript:go()")'),
    ('<a href=" java\nscript:go()">x</a>', 'the link goes to a "javascript:" address'),
    ('<img alt="x" src="data:image/png;base64,AAAA">', 'the image goes to a "data:" address'),
    ('<form action="vbscript:x"></form>', 'the <form> tag\'s action goes to a "vbscript:" address'),
    ('<svg><a xlink:href="javascript:x()">y</a></svg>',
     'the <a> tag\'s xlink:href goes to a "javascript:" address'),
    ('<svg><set attributeName="href" to="javascript:x()"/></svg>',
     'the <set> tag\'s to goes to a "javascript:" address'),
    ("<SCRIPT>x()</SCRIPT>", "the text contains a raw <script> tag"),
    ('<div onmouseover="x()">', 'the <div> tag has a script in its "onmouseover" attribute'),
    ("<style>body { display: none }</style>", "the text contains a raw <style> tag"),
    ('<link rel="stylesheet" href="https://x.example/a.css">', "the text contains a raw <link> tag"),
    ('<base href="https://x.example/">', "the text contains a raw <base> tag"),
    ('<meta http-equiv="set-cookie" content="a=b">', "changes how browsers treat the whole page"),
])
def test_body_problems(html, what):
    problems, _ = scan_body(html)
    assert [p.what for p in problems if what in p.what], problems


def test_each_event_attribute_of_a_tag_is_its_own_problem():
    problems, _ = scan_body('<p onclick="a()" onmouseover="b()" style="z-index:9">x</p>')
    assert [(p.what.split(" has ")[1], p.text) for p in problems] == [
        ('a script in its "onclick" attribute', 'onclick="a()"'),
        ('a script in its "onmouseover" attribute', 'onmouseover="b()"'),
        ('the style "z-index:9", which can put it over other parts of the page', 'style="z-index:9"'),
    ]


@pytest.mark.parametrize("style, found", [
    ("position:fixed;top:0", "position:fixed"),
    ("POSITION: Absolute !important", "POSITION: Absolute !important"),
    ("position: sticky", "position: sticky"),
    ("position: relative; top: -300px", "position: relative"),
    ("z-index: 1000", "z-index: 1000"),
    ("transform: translateY(-200px)", "transform: translateY(-200px)"),
    ("margin-top: -40em", "margin-top: -40em"),
    ("pos\\ition: fixed", "position: fixed"),  # a CSS escape hides nothing
    ("position:/* */fixed", "position:fixed"),
    ("position: relative", None),  # without an offset it stays where it is
    ("color: #336; font-family: Arial; margin-left: .5in", None),  # a pasted word processor style
])
def test_styles_that_can_cover_the_page(style, found):
    assert covering_declaration(style) == found


@pytest.mark.parametrize("html", [
    '<p>The word onion and <a href="https://example.com/">a link</a></p>',
    '<img src="/a.png" alt="A chart">', '<a href="mailto:a@b.c">mail</a>', '<a href="tel:101">101</a>',
    '<p style="text-align: center">centred</p>', "<p>&lt;script&gt; written as text</p>",
    "<pre><code>&lt;iframe src=x&gt;</code></pre>", '<input name="a"><button>Send</button>',
    '<meta name="description" content="x">', "<!-- <script>x()</script> -->",
    '<img src="/cover.png" alt="JavaScript: the book" title="data: 2017">',
])
def test_good_bodies(html):
    assert scan_body(html)[0] == []


def test_an_occurrence_is_counted_in_the_body_only():
    lines = ["---", "title: <b>", "---", "<b>", "<i> <b>", "<b>"]
    assert [find_line(lines, text="<b>", in_body=True, occurrence=n) for n in range(4)] == [
        4, 5, 6, None]


def test_html_shown_in_markdown_code_is_not_where_a_problem_is():
    source = ("---\ntitle: A\n---\nWrite `<script>` to show the tag.\n\n```\n<script>\n```\n\n"
              "<script>alert(1)</script>\n")
    html = ("<p>Write <code>&lt;script&gt;</code> to show the tag.</p>\n"
            "<pre><code>&lt;script&gt;\n</code></pre>\n<script>alert(1)</script>")
    assert located(html, source) == [(10, "the text contains a raw <script> tag")]


def test_internal_links_are_resolved_against_the_page():
    assert target_of("../x/#a", "news/2017/y/") == ("news/2017/x/", "a")
    assert target_of("https://site.example/faq/", "news/", "https://site.example") == ("faq/", "")
    assert target_of("//other.example/a", "news/") is None


def test_broken_links_and_anchors():
    _, links = scan_body('<a href="/a/">a</a><a href="/b/#gone">b</a><a href="/b/#here">c</a>'
                         '<img src="/i.png" alt="i">')
    files = {"b/index.html", "i.png"}
    problems = broken_links("x/", links, files.__contains__, lambda path: {"here"})
    assert [(p.what, p.text, p.in_body) for p in problems] == [
        ('the link "/a/" goes to a page that does not exist', "/a/", True),
        ('the link "/b/#gone" goes to "#gone", which is not a heading or anchor on that page',
         "/b/#gone", True),
    ]


def test_an_address_pelican_gave_the_sites_address_is_looked_for_without_it():
    # ![]({static}/images/a.png) in a build with SITEURL set
    problems, _ = scan_body('<img alt="" src="https://site.example/images/a.png">',
                            "https://site.example")
    assert (problems[0].text, problems[0].in_body) == ("/images/a.png", True)


def test_tag_variants_prefer_the_spelling_used_most():
    uses = [("a.md", "Hate crime"), ("b.md", "Hate crime"), ("c.md", "Hate Crime"),
            ("d.md", "Victims"), ("e.md", "Victim"), ("f.md", "Victims"), ("g.md", "Fraud"),
            ("h.md", "Area 1"), ("i.md", "Area 10"), ("j.md", "Area 10")]
    found = {(p.path, p.key, p.text, p.what.split(" differs")[0]) for p in tag_variants(uses)}
    assert found == {("c.md", "tags", "Hate Crime", 'the tag "Hate Crime"'),
                     ("e.md", "tags", "Victim", 'the tag "Victim"')}


def test_two_items_at_one_address():
    problems, losers = duplicate_urls([("b.md", "x/index.html"), ("a.md", "x/index.html"),
                                       ("c.md", "topics/index.html")], reserved={"topics/index.html"})
    assert losers == ["b.md", "c.md"]
    assert (problems[0].path, problems[0].key) == ("b.md", "slug")
    assert problems[0].what == "this item has the same address (/x/) as a.md"
