"""The catalogue: every bad file in tests/fixtures/content_checks/site gives its message,
naming the file, at the right line, with the right level; good files give none."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTENT, REPO, build_site

FIXTURE = REPO / "tests" / "fixtures" / "content_checks" / "site"
# site_core's report: "path:line: level: what. Fix: what to do", one problem a line
MESSAGE = re.compile(r"^(\S+?\.md)(?::(\d+))?: (error|warning): (.*)$")

E, W = "error", "warning"
# (file, line, level, words the message must contain)
CATALOGUE = [
    ("news/2017-04-01-bad-title-missing.md", 4, E, "the title is missing"),
    ("news/2017-04-02-bad-title-empty.md", 2, E, "the title is empty"),
    ("news/bad-date-missing.md", 4, E, "the date is missing"),
    ("news/2017-04-04-bad-date-unparseable.md", 3, E, 'date "next Tuesday" is not a date'),
    ("news/2017-04-05-bad-date-impossible.md", 3, E, 'date "2017-13-45" is not a date'),
    ("news/2017-05-13-bad-date-british.md", 3, E,
     'date "13/05/2017" is not written as year-month-day. Fix: write date: 2017-05-13 if you '
     "mean 13 May 2017"),
    ("news/2017-05-14-bad-date-differs.md", 3, W,
     "the file name starts with 2017-05-14 but the date is 2017-05-15"),
    # unfinished: a warning in a preview (this build), an error for make publish
    ("news/2017-05-23-bad-unfinished.md", 4, W, "the summary is missing or empty"),
    ("news/2017-05-23-bad-unfinished.md", 7, W,
     'this line is still the one the new file started with: "Write the press release here.'),
    # front-matter slips, each in a writer's words (content_checks/yaml_slips.py)
    ("news/2017-05-15-bad-curly-quotes.md", 2, E,
     'the title is inside curly quotation marks (“ ”), which would show on the page'),
    ("news/2017-05-16-bad-curly-quotes-colon.md", 2, E,
     'use straight double quotes ("), as here: title: "Commissioner funds: cafés"'),
    ("news/2017-05-17-bad-tab.md", 6, E, "this line holds a tab character"),
    ("news/2017-05-18-bad-colon-in-title.md", 2, E, 'the title contains ": " (a colon and a space)'),
    ("news/2017-05-19-bad-tags-one-line.md", 5, E,
     "put them inside brackets: tags: [Victims, Hate crime]"),
    ("news/2017-05-20-bad-key-capitals.md", 2, W, 'the key "Title" is written with capitals'),
    ("news/2017-05-21-bad-hash-in-title.md", 2, W, 'the title stops before "#1 opens"'),
    ("news/2017-04-07-bad-summary-missing.md", 4, W, "the summary is missing or empty"),
    ("news/2017-04-08-bad-summary-too-long.md", 4, W, "characters long, more than 300"),
    ("news/2017-04-09-bad-key-typo.md", 5, E, '"tgas" is not a front-matter key'),
    ("news/2017-04-09-bad-key-typo.md", 5, E, 'did you mean "tags"?'),
    ("news/2017-04-10-bad-key-unknown.md", 5, E, '"colour" is not a front-matter key'),
    ("news/2017-04-11-bad-key-other-type.md", 5, E,
     '"district" is not used in press releases (only in District Day reports)'),
    ("news/2017-04-12-bad-tag-case.md", 5, W,
     'the tag "Hate Crime" differs from the tag "Hate crime" only by case'),
    ("news/2017-04-13-bad-tag-spelling.md", 5, W,
     'the tag "Burgalry" differs from the tag "Burglary" only by spelling'),
    ("news/2017-04-14-bad-duplicate-url.md", 5, E,
     "has the same address (/news/2017/good-release/) as"),
    ("news/2017-04-15-bad-link-page.md", 8, E,
     'the link "/news/2017/no-such-release/" goes to a page that does not exist'),
    ("news/2017-04-16-bad-link-image.md", 8, E,
     'the image "/images/missing-chart.png" goes to a picture that does not exist'),
    ("news/2017-04-17-bad-link-anchor.md", 8, E,
     'goes to "#no-such-anchor", which is not a heading or anchor on that page'),
    ("news/2017-04-18-bad-link-filename.md", 8, E, "goes to a file that does not exist in content/"),
    ("news/2017-05-12-bad-summary-link-filename.md", 4, E,
     'the link "{filename}/news/2017-01-01-not-there.md" goes to a file that does not exist'),
    ("news/2017-04-19-bad-image-no-alt.md", 5, E, 'the image "images/ok.png" has no image_alt'),
    ("news/2017-04-20-bad-image-missing.md", 5, E, 'the image "images/no-such-photo.jpg" does not exist'),
    ("news/2017-04-21-bad-markdown-image-no-alt.md", 8, E, 'the image "/images/ok.png" has no alt text'),
    ("news/2017-04-22-bad-link-javascript.md", 8, E, 'the link goes to a "javascript:" address'),
    ("news/2017-04-23-bad-link-data.md", 8, E, 'the link goes to a "data:" address'),
    # "&#106;" is "j" to a browser: a script link, on its line, never "a missing page"
    ("news/2017-05-22-bad-link-javascript-entity.md", 8, E,
     'the link goes to a "javascript:" address ("javascript:alert(1)")'),
    ("news/2017-04-24-bad-raw-script.md", 8, E, "the text contains a raw <script> tag"),
    ("news/2017-04-25-bad-raw-iframe.md", 8, E, "the text contains a raw <iframe> tag"),
    ("news/2017-04-26-bad-raw-event-attribute.md", 8, E,
     'the <p> tag has a script in its "onclick" attribute'),
    ("news/2017-04-27-bad-not-utf8.md", 2, E, "the file is not saved as UTF-8 text"),
    ("news/2017-04-28-bad-yaml-syntax.md", 2, E,
     'the title starts with "[", which the front matter reads as a sign of its own'),
    ("news/2017-04-29-bad-yaml-not-mapping.md", 1, E, 'the front matter is not a list of "key: value" lines'),
    ("news/2017-04-30-bad-no-front-matter.md", 1, E, "the file has no front matter"),
    ("news/2017-05-01-bad-front-matter-unclosed.md", 1, E, "the front matter that starts here is never closed"),
    ("news/2017-05-02-bad-status.md", 5, E, 'status "pubished" is not one we use'),
    ("news/2017-05-02-bad-status.md", 5, E, 'did you mean "published"?'),
    ("news/2017-05-03-bad-slug.md", 5, E, 'write it as "my-release"'),
    ("news/2017-05-04-bad-modified.md", 4, E, 'modified "soon" is not a date'),
    ("news/2017-05-05-bad-title-not-text.md", 2, E, "the title is not plain text"),
    ("news/2017-05-06-bad-tags-not-words.md", 5, E, "is not a word or phrase"),
    ("news/2017-05-07-bad-link-relative.md", 8, E, 'the link "../no-such-page/" goes to a page that does not exist'),
    ("pages/bad-template.md", 5, E, 'template "fancy" does not exist'),
    ("pages/bad-page-key-tags.md", 5, E, '"tags" is not used in site pages'),
    ("faq/bad-faq-image.md", 5, E, '"image" is not used in FAQ pages'),
    ("pages/bad-page-reserved-address.md", 5, E, "the same address (/topics/) as a page the site makes itself"),
    ("district-days/2017-05-10-bad-district-day-key.md", 6, E, 'did you mean "visits"?'),
    # several problems in one file
    ("news/2017-05-08-bad-several-front-matter.md", 5, E, "the title is missing"),
    ("news/2017-05-08-bad-several-front-matter.md", 2, E, '"tittle" is not a front-matter key'),
    ("news/2017-05-08-bad-several-front-matter.md", 2, E, 'did you mean "title"?'),
    ("news/2017-05-08-bad-several-front-matter.md", 4, E, 'did you mean "summary"?'),
    ("news/2017-05-09-bad-several-body.md", 8, E, "raw <script> tag"),
    ("news/2017-05-09-bad-several-body.md", 10, E, "has no alt text"),
    ("news/2017-05-09-bad-several-body.md", 12, E, '"javascript:" address'),
    # a pasted block of raw HTML: every problem, each on its own line
    # The title holds "<iframe>" too: reported on the title's own line, never mistaken
    # for the body's.
    ("news/2017-05-11-bad-raw-html-block.md", 2, E, 'contains HTML code (<iframe>)'),
    ("news/2017-05-11-bad-raw-html-block.md", 8, E, "the text contains a raw <iframe> tag"),
    ("news/2017-05-11-bad-raw-html-block.md", 9, E, "the text contains a raw <form> tag"),
    ("news/2017-05-11-bad-raw-html-block.md", 10, E, "the text contains a raw <script> tag"),
    ("news/2017-05-11-bad-raw-html-block.md", 11, E,
     'the <img> tag has a script in its "onerror" attribute'),
    ("news/2017-05-11-bad-raw-html-block.md", 11, E, 'the image "/images/ok.png" has no alt text'),
    ("news/2017-05-11-bad-raw-html-block.md", 12, E,
     'the <div> tag has the style "position:fixed", which can put it over other parts of the page'),
    ("news/2017-05-11-bad-raw-html-block.md", 13, E, "the text contains a raw <object> tag"),
    ("news/2017-05-11-bad-raw-html-block.md", 14, E, "the text contains a raw <embed> tag"),
    ("news/2017-05-11-bad-raw-html-block.md", 15, E,
     'the text contains a raw <meta http-equiv="refresh"> tag, which sends readers to another page'),
    ("news/2017-05-11-bad-raw-html-block.md", 16, E, "the text contains a raw <iframe> tag"),
    # read before Pelican reads the file name's date, and left out quietly
    ("news/2017-13-45-bad-file-name-date.md", None, E,
     'the file name starts with "2017-13-45", which is not a date'),
]
GOOD = ["news/2017-03-01-good-release.md", "news/2017-03-02-another-good-release.md",
        "faq/good-faq.md", "pages/good-page.md"]


def fixture_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    # district_days needs the list of districts; the fixture uses the real one. Not the
    # style guide: plain English has its own tests (tests/plugins/test_plain_english_site.py)
    shutil.copytree(CONTENT / "data", content / "data",
                    ignore=shutil.ignore_patterns("style.yml"))
    return content


@pytest.fixture(scope="module")
def catalogue_build(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("checks")
    content = fixture_site(tmp_path)
    result = build_site(content, tmp_path / "output", env={"COLUMNS": "10000"})
    messages = []
    for line in result.log.splitlines():
        found = MESSAGE.search(line)
        if found:
            path, number, level, text = found.groups()
            relative = Path(path).relative_to(content).as_posix()
            messages.append((relative, int(number) if number else None, level, text))
    return result, messages


def test_the_catalogue_has_at_least_thirty_bad_files():
    bad_files = [p for p in FIXTURE.rglob("*.md") if "bad" in p.name]
    assert len(bad_files) >= 30
    assert {p.relative_to(FIXTURE).as_posix() for p in bad_files} == {entry[0] for entry in CATALOGUE}


@pytest.mark.parametrize("path, line, level, words", CATALOGUE,
                         ids=[f"{e[0].split('/')[-1]}:{e[1]}:{e[3][:30]}" for e in CATALOGUE])
def test_each_bad_file_gives_its_message(catalogue_build, path, line, level, words):
    result, messages = catalogue_build
    mine = [m for m in messages if m[0] == path]
    matching = [m for m in mine if words in m[3]]
    assert matching, f"no message containing {words!r} for {path}; got {mine}\n{result.log[-3000:]}"
    assert (line, level) in [(m[1], m[2]) for m in matching], matching
    assert ". Fix: " in matching[0][3]


def test_a_pasted_html_block_gives_one_message_per_problem_each_on_its_line(catalogue_build):
    _, messages = catalogue_build
    path = "news/2017-05-11-bad-raw-html-block.md"
    found = [(m[1], m[3]) for m in messages if m[0] == path]
    expected = [(e[1], e[3]) for e in CATALOGUE if e[0] == path]
    assert len(found) == len(expected) == 11, found
    for line, words in expected:
        assert any(at == line and words in text for at, text in found), (line, words, found)


# Slips that cause a second problem unless the checks catch them as what they are.
ONE_MESSAGE = [
    "news/2017-04-22-bad-link-javascript.md", "news/2017-05-22-bad-link-javascript-entity.md",
    "news/2017-05-13-bad-date-british.md", "news/2017-05-14-bad-date-differs.md",
    "news/2017-05-15-bad-curly-quotes.md", "news/2017-05-16-bad-curly-quotes-colon.md",
    "news/2017-05-17-bad-tab.md", "news/2017-05-18-bad-colon-in-title.md",
    "news/2017-05-19-bad-tags-one-line.md", "news/2017-05-20-bad-key-capitals.md",
    "news/2017-05-21-bad-hash-in-title.md",
]


@pytest.mark.parametrize("path", ONE_MESSAGE)
def test_one_slip_gives_one_message(catalogue_build, path):
    """A slip is one message, never a second one about what it caused ("the title is
    missing" for "Title:", a missing page for an entity-encoded script link)."""
    _, messages = catalogue_build
    assert len([m for m in messages if m[0] == path]) == 1, [m for m in messages if m[0] == path]


def test_pelican_itself_logs_no_error_for_any_file(catalogue_build):
    """Files Pelican could not read are left out before it tries: the errors are ours."""
    result, _ = catalogue_build
    assert "logged above (by Pelican" not in result.log
    assert "Could not process" not in result.log


@pytest.mark.parametrize("path", GOOD)
def test_good_files_give_no_message_of_ours(catalogue_build, path):
    _, messages = catalogue_build
    assert [m for m in messages if m[0] == path and "feed id" not in m[3]] == []


def test_a_build_with_errors_still_lists_every_problem_and_never_crashes(catalogue_build):
    result, messages = catalogue_build
    assert result.ok, result.log[-3000:]  # make html: a preview with the problems listed
    assert "Traceback" not in result.log
    assert len({m[0] for m in messages}) >= 30


def test_publish_refuses_content_with_errors_and_writes_no_site(tmp_path):
    content = fixture_site(tmp_path)
    output = tmp_path / "output"
    completed = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build.py"), "--content", str(content),
         "--output", str(output), "--settings", str(REPO / "publishconf.py"), "--fatal", "errors"],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "COLUMNS": "10000"},
    )
    assert completed.returncode != 0
    log = completed.stdout + completed.stderr
    assert "bad-title-missing.md:4: error: the title is missing" in log
    assert "bad-raw-script.md:8: error: the text contains a raw <script> tag" in log
    # Unfinished is not publishable: what a preview only warns of, publishing refuses.
    assert "bad-unfinished.md:4: error: the summary is missing or empty" in log
    assert ('bad-unfinished.md:7: error: this line is still the one the new file started '
            'with: "Write the press release here.') in log
    assert not output.exists()
    assert list(tmp_path.glob(".output-*")) == []
