"""Contact directory on a fixture site: links, /contact/, and the exact messages for slips."""

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import build_site

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "contact_directory"
WIDE = {"COLUMNS": "3000"}  # one message per log line, so that each can be matched whole
# The build's report: "<file>:<line>: warning: <what>. Fix: <what to do>", one a line.
WARNING_LINE = re.compile(r"^(\S+?:\d+): warning: (.*\. Fix: .*?)\s*$")


def fixture_copy(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    return content


def messages(log):
    """The warnings of a build's report, as "<file>:<line>: <what>. Fix: ..."."""
    return [f"{m.group(1)}: {m.group(2)}" for line in log.splitlines()
            if (m := WARNING_LINE.match(line))]


def main(result, relative):
    return BeautifulSoup(result.read(relative), "lxml").find("main")


def test_mistyped_numbers_are_reported_with_file_line_and_the_number_meant(tmp_path):
    content = fixture_copy(tmp_path)
    result = build_site(content, tmp_path / "output", env=WIDE)
    assert result.ok, result.log
    bad = f"{content}/news/2017-05-02-bad_numbers.md"
    directory = f"{content}/data/contacts.yml"
    assert messages(result.log) == [
        f'{bad}:7: phone number "03000 11 55 56" is not in the contact directory and differs from '
        "Beacon's number by one digit. Fix: check the number (did you mean Beacon 03000 11 55 55?)",
        f'{bad}:9: phone number "08 08 16 98 111" is not in the contact directory and differs from '
        "Victim Support's number by two swapped digits. "
        "Fix: check the number (did you mean Victim Support 0808 168 9111?)",
        f'{bad}:11: "01707 80610" is not a valid UK phone number. '
        "Fix: check the number (did you mean Commissioner's office 01707 806100?)",
        f'{bad}:13: phone number "020 7946 0018" is not in the contact directory. '
        f"Fix: if it is right, add it to {directory} so that the contact page lists it",
        f'{bad}:15: "0170 123 456" is not a valid UK phone number. Fix: check the number: UK numbers '
        "have 10 or 11 digits and start with 0, for example 01707 806100; short codes are written "
        "999, 101, 18001 101",
        f'{bad}:17: phone number "+441707806101" is not in the contact directory and differs from '
        "Commissioner's office's number by one digit. "
        "Fix: check the number (did you mean Commissioner's office 01707 806100?)",
    ]


def test_warnings_do_not_stop_a_publish_build(tmp_path):
    result = build_site(fixture_copy(tmp_path), tmp_path / "output", fatal="errors")
    assert result.ok, result.log


def test_numbers_in_every_shape_link_to_the_same_e164_number(tmp_path):
    result = build_site(fixture_copy(tmp_path), tmp_path / "output")
    links = [(a.get_text(), a["href"]) for a in main(result, "news/2017/good-numbers/index.html")
             .select(".pcc-prose a[href^='tel:']")]
    assert links == [
        ("03000 11 55 55", "tel:+443000115555"),
        ("0300 011 5555", "tel:+443000115555"),
        ("08 08 16 89 111", "tel:+448081689111"),
        ("+44 (0)1707 806100", "tel:+441707806100"),
        ("01707.806100", "tel:+441707806100"),
        ("101", "tel:101"),
        ("999", "tel:999"),
        ("18001 101", "tel:18001101"),
        ("01707 806100", "tel:+441707806100"),  # the writer's own link, kept as it was
    ]
    prose = main(result, "news/2017/good-numbers/index.html").select_one(".pcc-prose")
    assert prose.find("code").get_text() == "01707 806100" and not prose.find("code").find("a")
    last = prose.find_all("p")[-1]
    assert last.find("a") is None  # dates, money, years, "101 best ideas", "999 calls"


def test_slips_are_left_unlinked_and_unknown_valid_numbers_linked(tmp_path):
    result = build_site(fixture_copy(tmp_path), tmp_path / "output")
    prose = main(result, "news/2017/bad_numbers/index.html").select_one(".pcc-prose")
    linked = [(a.get_text(), a["href"]) for a in prose.select("a[href^='tel:']")]
    assert linked == [("020 7946 0018", "tel:+442079460018"), ("the office", "tel:+441707806101")]


def test_contact_page_lists_entries_with_anchors_and_mentions(tmp_path):
    result = build_site(fixture_copy(tmp_path), tmp_path / "output")
    page = main(result, "contact/index.html")
    beacon = page.find(id="beacon").find_parent(class_="pcc-contact")
    assert beacon.find("h3").get_text() == "Beacon"
    assert beacon.select_one("a.pcc-contact__number")["href"] == "tel:+443000115555"
    assert beacon.select_one("a.pcc-contact__number").get_text() == "03000 11 55 55"
    assert [a.get_text() for a in beacon.select(".pcc-contact__mentions a")] == [
        "Numbers written in many ways"]
    office = page.find(id="commissioners-office").find_parent(class_="pcc-contact")
    assert [(a.get_text(), a["href"]) for a in office.select(".pcc-contact__mentions a")] == [
        ("Numbers written in many ways", "/news/2017/good-numbers/"), ("Getting help", "/help/")]
    # a slip is not a mention of the number it probably meant
    support = page.find(id="victim-support").find_parent(class_="pcc-contact")
    assert [a.get_text() for a in support.select(".pcc-contact__mentions a")] == [
        "Numbers written in many ways"]


def test_footer_numbers_come_from_the_directory(tmp_path):
    content = fixture_copy(tmp_path)
    contacts = content / "data/contacts.yml"
    contacts.write_text(contacts.read_text().replace("phone: 01707 806100", "phone: 01707 806200"))
    result = build_site(content, tmp_path / "output")
    footer = BeautifulSoup(result.read("help/index.html"), "lxml").find("footer")
    assert ("01707 806200", "tel:+441707806200") in [(a.get_text(), a["href"]) for a in footer.select("a[href^='tel:']")]


def test_an_invalid_number_in_contacts_yml_stops_a_publish_build(tmp_path):
    content = fixture_copy(tmp_path)
    contacts = content / "data/contacts.yml"
    contacts.write_text(contacts.read_text().replace("phone: 08 08 16 89 111", "phone: 08 08 16 89 11"))
    result = build_site(content, tmp_path / "output", fatal="errors", env=WIDE)
    assert not result.ok
    assert (f'{contacts}:29: error: "08 08 16 89 11" is not a valid UK phone number. Fix: check the '
            "number: UK numbers have 10 or 11 digits and start with 0 (01707 806100), or are a short "
            "code such as 999, 101 or 18001 101") in result.log.splitlines()
    assert re.search(r"^1 error, \d+ warnings in \d+ files$", result.log, re.M)  # the summary


def test_a_site_without_a_directory_builds_quietly_with_the_footer_as_written(tmp_path):
    content = fixture_copy(tmp_path)
    (content / "data/contacts.yml").unlink()
    result = build_site(content, tmp_path / "output", fatal="warnings")
    assert result.ok, result.log
    assert not (tmp_path / "output/contact/index.html").exists()
    page = BeautifulSoup(result.read("news/2017/bad_numbers/index.html"), "lxml")
    assert page.select(".pcc-prose a[href^='tel:']") == [page.select_one(".pcc-prose a[href='tel:+441707806101']")]
    footer_links = [(a.get_text(), a["href"]) for a in page.find("footer").select("a[href^='tel:']")]
    assert footer_links == [("01707 806100", "tel:+441707806100"), ("999", "tel:999"), ("101", "tel:101")]
    emergency = [(a.get_text(), a["href"]) for a in page.select(".pcc-emergency a[href^='tel:']")]
    assert emergency == [("999", "tel:999"), ("101", "tel:101"), ("18001 101", "tel:18001101"),
                         ("18000", "tel:18000")]
