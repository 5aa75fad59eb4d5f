"""faq_pages on a fixture site: good FAQ files are built, bad ones are refused clearly.

tests/fixtures/faq_pages/content/faq/ holds two good pages and three bad_* ones
(named bad-*.md: a slug is the file name). Every message is asserted word for word.
"""

import json
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, build_site

FIXTURE = REPO / "tests" / "fixtures" / "faq_pages" / "content"
FAQ = "tests/fixtures/faq_pages/content/faq"
WIDE_LOG = {"COLUMNS": "1000"}  # one message per log line, never wrapped


def good_only(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content, ignore=shutil.ignore_patterns("bad-*"))
    return content


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    return build_site(FIXTURE, tmp_path_factory.mktemp("faq") / "output", env=WIDE_LOG)


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("faq-good")
    result = build_site(good_only(tmp_path), tmp_path / "output", fatal="errors", env=WIDE_LOG)
    assert result.ok, result.log
    return result


def soup(result, relative):
    return BeautifulSoup(result.read(relative), "html.parser")


EXPECTED_ERRORS = [
    f"{FAQ}/bad-no-questions.md:8: error: this FAQ page has no questions. Fix: write each "
    'question as a heading on a line of its own, starting with "## " and ending with "?", '
    "and put its answer below it",
    f'{FAQ}/bad-not-a-question.md:9: error: the question heading "How do I complain." does '
    'not end with "?". Fix: end it with "?" instead of ".": "How do I complain?"',
    f'{FAQ}/bad-not-a-question.md:13: error: the question heading "Opening hours" does not '
    'end with "?". Fix: end it with a question mark ("Opening hours?"); if it is not a '
    'question, make it a subheading of the answer above with "### "',
    f'{FAQ}/bad-duplicate.md:17: error: the question "How do I contact the office?" is '
    "asked twice on this page (first on line 9). Fix: keep one of the two headings and put "
    "both answers under it, or reword one question if they ask different things",
    # Straight and curly apostrophes make one id (#whats-the-precept): one question.
    f'{FAQ}/bad-duplicate-apostrophes.md:13: error: the question "What’s the precept?" is '
    "asked twice on this page (first on line 9 as \"What's the precept?\"). Fix: keep one of "
    "the two headings and put both answers under it, or reword one question if they ask "
    "different things",
]


@pytest.mark.parametrize("message", EXPECTED_ERRORS)
def test_each_bad_faq_file_gets_a_message_naming_file_and_line(bad_build, message):
    assert message in bad_build.log.splitlines()


def test_no_other_faq_message(bad_build):
    faq_messages = [line for line in bad_build.log.splitlines() if f"{FAQ}/" in line]
    assert len(faq_messages) == len(EXPECTED_ERRORS), "\n".join(faq_messages)


def test_bad_faq_files_stop_a_fatal_build(tmp_path):
    result = build_site(FIXTURE, tmp_path / "output", fatal="errors", env=WIDE_LOG)
    assert not result.ok
    assert "5 errors, 0 warnings in 4 files" in result.log.splitlines()


def test_bad_pages_still_show_everything_the_writer_wrote(bad_build):
    """Refused for publishing, but a preview loses nothing: every heading and answer is there."""
    page = soup(bad_build, "faq/bad-not-a-question/index.html")
    headings = [h.get_text() for h in page.select("main .pcc-faq h2")]
    assert headings == ["How do I complain.", "Opening hours", "Is this one fine?"]
    no_questions = soup(bad_build, "faq/bad-no-questions/index.html").main.get_text()
    assert "Why is the sky blue?" in no_questions and "Rayleigh scattering" in no_questions


def test_good_page_has_questions_with_ids_and_back_links(good_build):
    page = soup(good_build, "faq/good/index.html")
    contents = page.select_one("nav.pcc-faq-contents")
    links = [(a.get_text(), a["href"]) for a in contents.select("li a")]
    assert links == [
        ("What's the Café’s number?", "#whats-the-cafes-number"),
        ("Is 101 the number to call?", "#is-101-the-number-to-call"),
        ("Is the IOPC independent?", "#iopc"),
    ]
    for _, href in links:
        heading = page.find(id=href[1:])
        assert heading.name == "h2"
    iopc = page.find(id="iopc")
    assert iopc.find("a")["href"] == "https://www.policeconduct.gov.uk"  # the heading keeps its link
    assert page.find(id="is-101-the-number-to-call").code.get_text() == "101"
    back_links = page.select(".pcc-faq a[href='#questions']")
    assert [a.get_text() for a in back_links] == ["Back to the questions"] * 3
    assert page.find(id="questions").get_text() == "Questions on this page"


def test_good_page_shows_intro_last_updated_and_resolved_links(good_build):
    page = soup(good_build, "faq/good/index.html")
    main = page.main
    assert main.select_one(".pcc-last-updated").get_text(" ", strip=True) == "Last updated 10 February 2024"
    intro = main.select_one(".pcc-prose")
    assert intro.find("a")["href"] == "/faq/also-good/"  # {filename} links still work
    # The introduction comes before the list of questions, the answers after it.
    order = [element.get("class", [""])[0] for element in main.find_all(["div", "nav"], recursive=False)]
    assert order == ["pcc-prose", "pcc-faq-contents", "pcc-prose"]


def test_json_ld_is_valid_and_escapes_script_end(good_build):
    html = good_build.read("faq/good/index.html")
    assert html.count("</script>") == html.count("<script")
    page = BeautifulSoup(html, "html.parser")
    blocks = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    faq_blocks = [data for data in blocks if data["@type"] == "FAQPage"]
    assert len(faq_blocks) == 1
    data = faq_blocks[0]
    answers = {q["name"]: q["acceptedAnswer"]["text"] for q in data["mainEntity"]}
    assert answers == {
        "What's the Café’s number?": "Call 01707 806100.",
        "Is 101 the number to call?":
            "Yes, for anything that is not an emergency:\ncall 101\nor report it online",
        "Is the IOPC independent?":
            "Yes. It uses </script> as an example of text that must be escaped.",
    }


def test_index_lists_every_good_page_and_its_questions(good_build):
    index = soup(good_build, "faq/index.html")
    assert index.h1.get_text() == "Questions and answers"
    sections = index.select("section.pcc-faq-index")
    titles = [s.h2.get_text(strip=True) for s in sections]
    assert titles == ["Another fixture page", "Fixture questions"]
    hrefs = [a["href"] for a in sections[1].select("li a")]
    assert hrefs == [
        "/faq/good/#whats-the-cafes-number",
        "/faq/good/#is-101-the-number-to-call",
        "/faq/good/#iopc",
    ]


def test_a_site_without_faq_pages_gets_no_faq_index(tmp_path):
    content = tmp_path / "content" / "pages"
    content.mkdir(parents=True)
    (content / "about.md").write_text("---\ntitle: About\n---\nAbout us.\n", encoding="utf-8")
    result = build_site(tmp_path / "content", tmp_path / "output")
    assert result.ok, result.log
    assert not (tmp_path / "output" / "faq" / "index.html").exists()
    assert "FAQ" not in result.log and "question" not in result.log
