"""The real FAQ pages and /faq/, as built from content/: what a reader and a search
engine get. Every FAQ file in content/faq/ is checked, not only the two seeds."""

import json
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT

FAQ_SLUGS = sorted(path.stem for path in (CONTENT / "faq").glob("*.md"))


def soup_of(built_site, relative):
    return BeautifulSoup(built_site.read(relative), "html.parser")


def words(text):
    return " ".join(text.split())


def visible_questions_and_answers(page):
    """(question, answer text) as shown: each h2 of the answers and what follows it,
    up to its "Back to the questions" link."""
    result = []
    for heading in page.select("main .pcc-faq > h2"):
        answer = []
        for sibling in heading.next_siblings:
            if getattr(sibling, "name", None) == "p" and "pcc-faq__back" in sibling.get("class", []):
                break
            answer.append(sibling.get_text() if hasattr(sibling, "get_text") else str(sibling))
        result.append((words(heading.get_text()), words("".join(answer))))
    return result


def faq_json_ld(page):
    blocks = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    (faq,) = [block for block in blocks if block.get("@type") == "FAQPage"]
    return faq


def test_there_are_faq_pages():
    assert {"council-tax", "complaints"} <= set(FAQ_SLUGS)


@pytest.mark.parametrize("slug", FAQ_SLUGS)
def test_json_ld_matches_the_visible_questions_and_answers(built_site, slug):
    page = soup_of(built_site, f"faq/{slug}/index.html")
    data = faq_json_ld(page)
    assert data["@context"] == "https://schema.org"
    from_json = [
        (question["name"], words(question["acceptedAnswer"]["text"]))
        for question in data["mainEntity"]
        if question["@type"] == "Question" and question["acceptedAnswer"]["@type"] == "Answer"
    ]
    visible = visible_questions_and_answers(page)
    assert len(visible) >= 2
    assert from_json == visible


@pytest.mark.parametrize("slug", FAQ_SLUGS)
def test_each_link_in_the_list_of_questions_lands_on_its_question(built_site, slug):
    page = soup_of(built_site, f"faq/{slug}/index.html")
    links = page.select("nav.pcc-faq-contents a")
    headings = page.select("main .pcc-faq > h2")
    assert len(links) == len(headings) >= 2
    for link, heading in zip(links, headings):
        target = page.find(id=link["href"].removeprefix("#"))
        assert target is heading, link["href"]
        assert words(link.get_text()) == words(heading.get_text())


@pytest.mark.parametrize("slug", FAQ_SLUGS)
def test_ids_are_unique_on_the_page(built_site, slug):
    ids = [element["id"] for element in soup_of(built_site, f"faq/{slug}/index.html").find_all(id=True)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("slug", FAQ_SLUGS)
def test_every_answer_ends_with_a_link_back_to_the_questions(built_site, slug):
    page = soup_of(built_site, f"faq/{slug}/index.html")
    back_links = page.select("main .pcc-faq .pcc-faq__back a")
    assert len(back_links) == len(page.select("main .pcc-faq > h2"))
    for link in back_links:
        assert link.get_text() == "Back to the questions"
        target = page.find(id=link["href"].removeprefix("#"))
        assert target.get_text() == "Questions on this page"
        assert target.find_parent("nav", class_="pcc-faq-contents") is not None


@pytest.mark.parametrize("slug", FAQ_SLUGS)
def test_every_answer_is_shown_without_javascript(built_site, slug):
    main = soup_of(built_site, f"faq/{slug}/index.html").main
    assert main.find("details") is None
    assert main.find(attrs={"hidden": True}) is None
    assert main.find(attrs={"aria-hidden": "true"}) is None
    assert main.find("script") is None


@pytest.mark.parametrize("slug, updated", [
    ("council-tax", "10 April 2017"),
    ("complaints", "23 November 2026"),
])
def test_last_updated_comes_from_modified(built_site, slug, updated):
    page = soup_of(built_site, f"faq/{slug}/index.html")
    assert words(page.select_one("main .pcc-last-updated").get_text()) == f"Last updated {updated}"


def test_faq_index_lists_every_faq_page_and_all_its_questions(built_site):
    index = soup_of(built_site, "faq/index.html")
    listed = {}
    for section in index.select("main section.pcc-faq-index"):
        page_url = section.h2.a["href"]
        listed[page_url] = [(a["href"], words(a.get_text())) for a in section.select("li a")]
    assert sorted(listed) == [f"/faq/{slug}/" for slug in FAQ_SLUGS]
    for slug in FAQ_SLUGS:
        page = soup_of(built_site, f"faq/{slug}/index.html")
        expected = [
            (f"/faq/{slug}/#{heading['id']}", words(heading.get_text()))
            for heading in page.select("main .pcc-faq > h2")
        ]
        assert listed[f"/faq/{slug}/"] == expected


def test_each_question_link_on_the_faq_index_lands_on_its_answer(built_site):
    index = soup_of(built_site, "faq/index.html")
    links = index.select("main section.pcc-faq-index li a")
    assert len(links) >= 10
    for link in links:
        path, fragment = urldefrag(link["href"])
        page = soup_of(built_site, path.lstrip("/") + "index.html")
        target = page.find(id=fragment)
        assert target is not None and target.name == "h2", link["href"]
        assert words(target.get_text()) == words(link.get_text())


def test_seed_question_ids_stay_as_published(built_site):
    """Links to answers are shared by people; these ids must never change."""
    council_tax = soup_of(built_site, "faq/council-tax/index.html")
    assert council_tax.find(id="how-much-more-will-i-pay").name == "h2"
    assert council_tax.find(id="why-is-the-amount-spent-on-the-commissioners-office-going-up").name == "h2"
    complaints = soup_of(built_site, "faq/complaints/index.html")
    assert complaints.find(id="how-do-i-complain-about-the-chief-constable").name == "h2"


def test_the_real_faq_pages_have_no_content_problems(built_site):
    problems = [line for line in built_site.log.splitlines() if "content/faq/" in line]
    assert problems == []
