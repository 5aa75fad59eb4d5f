"""plain_english in a real Pelican build: a release written the way the press coverage was
gets a short list of specific warnings with their lines; a line's accept comment keeps
its text and leaves the page; style.yml's own mistakes are reported with their lines;
and none of it stops `make publish` (fatal on errors)."""

import re

import pytest

from conftest import build_site, copy_content

RELEASE = """---
title: Commissioner to tackle hate crime
date: 2017-06-04
summary: The PCC raised the rainbow flag for IDAHOBiT.
tags: [Hate crime]
---
The Police and Crime Commissioner, David Lloyd, raised the rainbow flag at his office in Welwyn Garden City on 17th May 2017 to mark the day and to show that hate crime will not be tolerated in any part of the county.

The LAGLOs are there to help. They will deliver a robust service going forward.

He said: "We will tackle this together, with every partner and every resident of Hertfordshire who wants to see an end to hate crime in all its forms."

For more, [click here](https://example.org/report). The office is open 9:00am-5pm.

Clinicians use PARIS, the patient record. <!-- style: accept capitals -->
"""

STYLE_WITH_MISTAKES = """avoid:
  - word: tackle
    instead: stop, reduce, deal with
  - word: leverage
avoids:
  - word: robust
    instead: strong
abbreviations:
  LAGLO: Lesbian and Gay Liaison Officer
  PCC: Police and Crime Commissioner
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("plain")
    content = copy_content(tmp, names=["data"])
    (content / "news").mkdir(exist_ok=True)
    (content / "news" / "2017-06-04-hate-crime.md").write_text(RELEASE, encoding="utf-8")
    return build_site(content, tmp / "out", fatal="errors")


def warnings_of(log):
    return re.findall(r"2017-06-04-hate-crime\.md:(\d+): warning: (.*)", log)


def test_warnings_do_not_stop_a_publish_build(built):
    assert built.ok, built.log


def test_each_slip_is_a_warning_on_its_line(built):
    found = [(int(line), what) for line, what in warnings_of(built.log)]
    expected = [
        (2, '"tackle" is a word to avoid in plain English'),
        (4, '"IDAHOBiT" is not spelled out before its first use on this page'),
        (4, '"PCC" is not spelled out before its first use on this page'),
        (7, "a sentence of 42 words (more than 25)"),
        (7, '"17th May": dates have no "st", "nd", "rd" or "th". Fix: write "17 May"'),
        (9, '"LAGLO" is not spelled out before its first use on this page'),
        (9, '"deliver" is a word to avoid in plain English'),
        (9, '"robust" is a word to avoid in plain English'),
        (9, '"going forward" is a word to avoid in plain English'),
        (13, 'the link text "click here" makes no sense on its own'),
        (13, '"9:00am-5pm": time ranges use "to". Fix: write "9am to 5pm"'),
        (13, '"9:00am": times on the hour have no ":00". Fix: write "9am"'),
    ]
    for line, what in expected:
        assert any(line == got_line and what in got for got_line, got in found), (line, what, found)
    assert len(found) == len(expected), found  # the quotation (line 11) and PARIS: none


def test_the_markdown_workers_check_a_large_site_with_the_same_warnings(built, tmp_path):
    """On a site of 100 files or more fast_markdown's worker processes run the checks
    while Pelican reads (plugins/plain_english/README.md); a writer sees the same."""
    content = copy_content(tmp_path, names=["data"])
    (content / "news").mkdir(exist_ok=True)
    (content / "news" / "2017-06-04-hate-crime.md").write_text(RELEASE, encoding="utf-8")
    in_workers = build_site(content, tmp_path / "out", options=["-v"],
                            extra_settings={"FAST_MARKDOWN_MIN_FILES": 1})
    assert in_workers.ok, in_workers.log
    assert re.search(r"plain_english: checked (\d+) files \(\1 of them in fast_markdown's "
                     r"workers\)", in_workers.log), in_workers.log
    assert warnings_of(in_workers.log) == warnings_of(built.log)


def test_a_warning_says_how_to_keep_the_text(built):
    (_, what), = [w for w in warnings_of(built.log) if '"robust"' in w[1]]
    assert what.endswith("(or, to keep it, end the line with <!-- style: accept avoid -->)")
    (_, title), = [w for w in warnings_of(built.log) if w[0] == "2"]
    assert title.endswith("(or, to keep it, end the line with # style: accept avoid)")


def test_the_accept_comment_is_not_on_the_page_or_in_the_feed(built):
    page = built.read("news/2017/hate-crime/index.html")
    assert "Clinicians use PARIS, the patient record." in page
    assert "style: accept" not in page
    assert "style: accept" not in built.read("feeds/all.atom.xml")


def test_style_file_mistakes_are_warnings_with_lines(tmp_path):
    content = copy_content(tmp_path, names=["data"])
    (content / "data" / "style.yml").write_text(STYLE_WITH_MISTAKES, encoding="utf-8")
    (content / "news").mkdir(exist_ok=True)
    (content / "news" / "2017-06-04-hate-crime.md").write_text(RELEASE, encoding="utf-8")
    result = build_site(content, tmp_path / "out", fatal="errors")
    assert result.ok, result.log
    assert re.search(r"data/style\.yml:4: warning: a word to avoid has no \"instead:\"", result.log)
    assert re.search(r'data/style\.yml:5: warning: unknown key "avoids" in style\.yml\. '
                     r'Fix: use one of avoid, allow, abbreviations, well_known '
                     r'\(did you mean "avoid"\?\)', result.log)
    # The rest of the file is still used: tackle is found, robust (under "avoids") is not.
    assert '"tackle" is a word to avoid' in result.log
    assert '"robust" is a word to avoid' not in result.log
