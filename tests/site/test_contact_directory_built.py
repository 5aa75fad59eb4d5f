"""The contact directory in the real built site: /contact/, tel: links, the footer."""

import json
import re
import runpy

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, REPO
from contact_directory.directory import load_directory

# Every number the seed press releases and a reader of this site need, as /contact/ must show it.
SEED_NUMBERS = [
    ("emergency", "999", "tel:999"),
    ("relay-uk-emergency", "18000", "tel:18000"),
    ("police-non-emergency", "101", "tel:101"),
    ("relay-uk-non-emergency", "18001 101", "tel:18001101"),
    ("beacon", "03000 11 55 55", "tel:+443000115555"),
    ("victim-support", "0808 168 9111", "tel:+448081689111"),
    ("commissioners-office", "01707 806100", "tel:+441707806100"),
]
SEED_ADDRESSES = [
    ("beacon", "mailto:info@hertfordshirebeacon.org", "info@hertfordshirebeacon.org"),
    ("beacon", "https://www.hertfordshirebeacon.org", "www.hertfordshirebeacon.org"),
    ("hate-crime-consultation", "mailto:HateCrimeConsultation@hertfordshire.gov.uk",
     "HateCrimeConsultation@hertfordshire.gov.uk"),
    ("hate-crime-consultation", "https://www.hertfordshire.gov.uk/consultations",
     "www.hertfordshire.gov.uk/consultations"),
    ("report-online", "https://www.herts.police.uk", "www.herts.police.uk"),
]
# A UK number written out in text: what must never be left unlinked in content.
WRITTEN_NUMBER = re.compile(r"(?<![\d£$,./])(?:\+44\s?(?:\(0\))?\s?|0)\d(?:[ .\-]?\d){8,9}(?![\d/])")
CALL_SHORT_CODE = re.compile(r"\b(?:call|calling|dial|ring)\s+(?:999|101|18000|18001 101)\b", re.I)


@pytest.fixture(scope="module")
def directory():
    anchors = runpy.run_path(str(REPO / "pelicanconf.py"))["CONTACT_DIRECTORY_GROUP_ANCHORS"]
    loaded, problems = load_directory((CONTENT / "data/contacts.yml").read_text(encoding="utf-8"),
                                      anchors)
    assert problems == []
    return loaded


@pytest.fixture(scope="module")
def contact_page(built_site):
    return BeautifulSoup(built_site.read("contact/index.html"), "lxml")


def entry_block(page, entry_id):
    return page.find(id=entry_id).find_parent(class_="pcc-contact")


@pytest.mark.parametrize("entry_id, shown, href", SEED_NUMBERS)
def test_contact_page_lists_every_seed_number_formatted_and_linked(contact_page, entry_id, shown, href):
    block = entry_block(contact_page, entry_id)
    number = block.select_one("a.pcc-contact__number")
    assert (number.get_text(), number["href"]) == (shown, href)
    charges = block.find("a", string="Find out about call charges")
    assert charges["href"] == "https://www.gov.uk/call-charges"


@pytest.mark.parametrize("entry_id, href, text", SEED_ADDRESSES)
def test_contact_page_lists_every_seed_address(contact_page, entry_id, href, text):
    links = [(a["href"], a.get_text()) for a in entry_block(contact_page, entry_id).find_all("a")]
    assert (href, text) in links


def test_hours_and_charges_are_shown_where_known(contact_page):
    support = entry_block(contact_page, "victim-support").get_text(" ", strip=True)
    assert "24 hours a day, 7 days a week" in support
    assert "Free to call from UK landlines and mobiles" in support
    beacon = entry_block(contact_page, "beacon").get_text(" ", strip=True)
    assert "Calls cost the same as calls to numbers starting 01 or 02" in beacon


def test_contact_page_groups_have_a_contents_list(contact_page, directory):
    contents = [a["href"] for a in contact_page.select(".pcc-contact-contents a")]
    assert contents == [f"#{group.anchor}" for group in directory.groups]
    for href in contents:
        assert contact_page.find(id=href[1:]).name == "h2"


def test_contact_page_json_ld_has_a_contact_point_per_entry(contact_page, directory):
    scripts = contact_page.find_all("script", type="application/ld+json")
    data = [json.loads(s.string) for s in scripts]
    organisation = next(d for d in data if d.get("@type") == "GovernmentOrganization")
    points = organisation["contactPoint"]
    assert [p["name"] for p in points] == [e.name for e in directory.entries]
    phones = {p["@id"].rsplit("#", 1)[1]: p.get("telephone") for p in points}
    assert {eid: phones[eid] for eid, _, href in SEED_NUMBERS} == {
        eid: href[len("tel:"):] for eid, _, href in SEED_NUMBERS}


def test_mentioned_in_lists_the_releases_that_give_the_number(contact_page):
    beacon = [a["href"] for a in entry_block(contact_page, "beacon").select(".pcc-contact__mentions a")]
    assert sorted(beacon) == ["/news/2017/rainbow-flag-idahobit/", "/news/2017/support-for-manchester-victims/"]
    office = [a["href"] for a in entry_block(contact_page, "commissioners-office")
              .select(".pcc-contact__mentions a")]
    assert {"/about/", "/accessibility/", "/privacy/", "/faq/council-tax/",
            "/news/2017/fire-governance-business-case/"} <= set(office)


def test_every_tel_link_on_every_page_is_a_directory_number(built_site, directory):
    listed = {entry.number.href for entry in directory.entries if entry.number}
    strays = []
    for path in built_site.html_pages():
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for link in page.select("a[href^='tel:']"):
            if link["href"] not in listed:
                strays.append((path.relative_to(built_site.output).as_posix(), link["href"]))
    assert strays == []


def test_every_number_in_the_content_is_linked(built_site):
    """In the body of every article and page (summaries are shown as plain text by design)."""
    unlinked, bodies = [], 0
    for path in built_site.html_pages():
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        texts = [t for body in page.select("main .pcc-prose") for t in body.find_all(string=True)]
        bodies += bool(texts)
        for text in texts:
            if text.find_parent(["a", "code", "script"]):
                continue
            for pattern in (WRITTEN_NUMBER, CALL_SHORT_CODE):
                unlinked += [(path.relative_to(built_site.output).as_posix(), m.group())
                             for m in pattern.finditer(str(text))]
    sources = [path for path in CONTENT.glob("*/*.md") if path.parent.name != "images"]
    assert bodies == len(sources), "every item's body must have been searched"
    assert unlinked == []


def test_numbers_in_the_seed_releases_are_linked(built_site):
    page = BeautifulSoup(built_site.read("news/2017/support-for-manchester-victims/index.html"), "lxml")
    links = [(a.get_text(), a["href"]) for a in page.find("main").select("a[href^='tel:']")]
    assert links == [("03000 11 55 55", "tel:+443000115555"), ("08 08 16 89 111", "tel:+448081689111")]


def test_dates_money_and_years_stay_text(built_site):
    page = BeautifulSoup(built_site.read("news/2017/hate-crime-strategy-consultation/index.html"), "lxml")
    prose = page.find("main").get_text(" ")
    assert "1,597 in 2015/16" in prose
    links = [a.get_text() for a in page.find("main").select("a[href^='tel:']")]
    assert links == ["101", "999"]


def test_footer_on_every_page_gives_the_office_number_and_the_contact_page(built_site):
    for path in built_site.html_pages():
        footer = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").find("footer")
        assert footer is not None, path
        links = {(a.get_text(), a["href"]) for a in footer.find_all("a")}
        assert ("01707 806100", "tel:+441707806100") in links, path
        assert ("All contact numbers", "/contact/") in links, path


def test_the_real_content_gives_no_phone_number_warnings(built_site):
    assert "phone number" not in built_site.log
    assert "contacts.yml" not in built_site.log


def test_a_published_group_anchor_never_moves(contact_page):
    # Kept by CONTACT_DIRECTORY_GROUP_ANCHORS, although slugify would now give
    # "the-commissioners-office".
    heading = contact_page.find(id="the-commissioner-s-office")
    assert heading is not None and heading.name == "h2"
