"""Contact directory: reading contacts.yml, the verdict on numbers in content, JSON-LD."""

import json
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from site_core import WARNING, Problem

from contact_directory.checks import check_number
from contact_directory.directory import load_directory
from contact_directory.page import json_ld

REPO = Path(__file__).resolve().parents[2]
GOOD = textwrap.dedent("""\
    - id: emergency
      name: Emergency
      group: Emergencies
      phone: 999
    - id: beacon
      name: Beacon
      group: Victims' services
      phone: 03000 11 55 55
      phone_display: 03000 11 55 55
      email: info@hertfordshirebeacon.org
      website: https://www.hertfordshirebeacon.org
    - id: victim-support
      name: Victim Support
      group: Victims' services
      phone: 08 08 16 89 111
    - id: commissioners-office
      name: Commissioner's office
      group: The Commissioner's office
      phone: 01707 806100
    """)


@pytest.fixture
def directory():
    loaded, problems = load_directory(GOOD)
    assert problems == []
    return loaded


def test_entries_groups_and_display(directory):
    assert [e.id for e in directory.entries] == ["emergency", "beacon", "victim-support",
                                                 "commissioners-office"]
    assert [(g.name, g.anchor, [e.id for e in g.entries]) for g in directory.groups] == [
        ("Emergencies", "emergencies", ["emergency"]),
        ("Victims' services", "victims-services", ["beacon", "victim-support"]),
        ("The Commissioner's office", "the-commissioners-office", ["commissioners-office"]),
    ]
    shown = {e.id: (e.phone_display, e.number.href) for e in directory.entries}
    assert shown == {
        "emergency": ("999", "tel:999"),
        "beacon": ("03000 11 55 55", "tel:+443000115555"),  # memorable grouping kept
        "victim-support": ("0808 168 9111", "tel:+448081689111"),
        "commissioners-office": ("01707 806100", "tel:+441707806100"),
    }
    assert directory.by_id["beacon"].website_label == "www.hertfordshirebeacon.org"
    assert directory.by_id["victim-support"].call_charges == "Free to call from UK landlines and mobiles"


def test_group_anchors_are_slugs_that_never_clash_and_never_move():
    loaded, _ = load_directory(
        "- id: a\n  name: A\n  group: The Commissioner's office\n  phone: 101\n"
        "- id: b\n  name: B\n  group: Victim’s services, Café\n  phone: 999\n"
        "- id: emergencies\n  name: C\n  group: Emergencies\n  phone: 112\n",
        fixed_anchors={"The Commissioner's office": "the-commissioner-s-office"})
    assert [group.anchor for group in loaded.groups] == [
        "the-commissioner-s-office",  # a published anchor, kept by the setting
        "victims-services-cafe",  # site_core.slugify: apostrophes dropped, accents folded
        "emergencies-group",  # not the id of an entry
    ]


def test_the_real_contacts_file_has_no_problems():
    loaded, problems = load_directory((REPO / "content/data/contacts.yml").read_text(encoding="utf-8"))
    assert problems == []
    assert len(loaded.entries) >= 9


def error_on(line, what, fix):
    return Problem(what, fix, line=line)


@pytest.mark.parametrize("yaml_text, problems", [
    ("- id: office\n  name: Office\n  group: Office\n  phone: 01707 80610\n",
     [error_on(4, '"01707 80610" is not a valid UK phone number',
               "check the number: UK numbers have 10 or 11 digits and start with 0 (01707 806100), "
               "or are a short code such as 999, 101 or 18001 101")]),
    ("- id: beacon\n  name: Beacon\n  group: Victims\n  phone: 03000 11 55 55\n"
     "  phone_display: 03000 11 55 56\n",
     [error_on(5, 'phone_display "03000 11 55 56" is not the same number as phone "03000 11 55 55"',
               'write the same digits with spaces where you want them, for example "0300 011 5555", '
               "or remove phone_display")]),
    ("- id: office\n  name: Office\n  group: Office\n  phnoe: 01707 806100\n",
     [error_on(4, 'unknown key "phnoe" in a contact entry',
               "use only id, name, group, phone, phone_display, email, website, hours, call_charges, "
               'description (did you mean "phone"?)'),
      error_on(1, 'entry "Office" has no phone, email or website', "add at least one way to get in touch")]),
    ("- name: Office\n  group: Office\n  phone: 01707 806100\n",
     [error_on(1, 'a contact entry has no "id"', 'add "id:" to the entry (see the entries around it)')]),
    ("- id: Victim Support\n  name: VS\n  group: Victims\n  phone: 0808 168 9111\n",
     [error_on(1, 'id "Victim Support" is not a valid anchor',
               'use lower-case letters, digits and hyphens, for example "victim-support"')]),
    ("- id: a\n  name: A\n  group: G\n  phone: 101\n- id: a\n  name: B\n  group: G\n  phone: 999\n",
     [error_on(5, 'id "a" is used twice', "give each entry its own id (the other is on line 1)")]),
    ("- id: a\n  name: A\n  group: G\n  phone: 101\n- id: b\n  name: B\n  group: G\n  phone: 101\n",
     [error_on(5, '101 is listed twice, for "A" and "B"', "list each number once (the other is on line 1)")]),
    ("- id: a\n  name: A\n  group: G\n  email: someone at example.org\n",
     [error_on(4, 'email "someone at example.org" is not an email address',
               "write it as name@example.org, without mailto:")]),
    ("- id: a\n  name: A\n  group: G\n  website: www.herts.police.uk\n",
     [error_on(4, 'website "www.herts.police.uk" is not a full address',
               'start it with https://, for example "https://www.herts.police.uk"')]),
    ("id: a\nname: A\n",
     [error_on(1, "contacts.yml must be a list of entries",
               "write \"contacts:\" on the first line and the entries under it, each starting with "
               "'- id:', for example:\ncontacts:\n  - id: beacon\n    name: Beacon\n"
               "    group: Victims' services\n    phone: 03000 11 55 55")]),
    ("- id: a\n  name: [A\n",
     [error_on(3, "contacts.yml is not valid YAML (expected ',' or ']', but got '<stream end>')",
               "check the indentation and the colons near this line")]),
])
def test_problems_in_contacts_file(yaml_text, problems):
    assert load_directory(yaml_text)[1] == problems


def test_a_bad_entry_is_left_out_and_the_rest_kept():
    text = GOOD + "- id: bad\n  name: Bad\n  group: G\n  phone: 01707 80610\n"
    loaded, problems = load_directory(text)
    assert [e.id for e in loaded.entries][-1] == "commissioners-office"
    assert len(problems) == 1


def under_contacts(text, comment=""):
    """The same entries as the web editor writes them: under "contacts:", indented."""
    return comment + "contacts:\n" + textwrap.indent(text, "  ")


def test_entries_under_contacts_read_as_the_list_does_with_their_own_lines():
    comment = "# The contact directory.\n#\n"
    listed, _ = load_directory(GOOD)
    wrapped, problems = load_directory(under_contacts(GOOD, comment))
    assert problems == []
    assert [e.line for e in wrapped.entries] == [4, 8, 15, 19]  # below "contacts:" and the comment
    assert wrapped.entries == [replace(e, line=e.line + 3) for e in listed.entries]
    assert [(g.name, g.anchor, [e.id for e in g.entries]) for g in wrapped.groups] == \
        [(g.name, g.anchor, [e.id for e in g.entries]) for g in listed.groups]


def test_the_real_contacts_file_lists_its_entries_under_contacts_for_the_web_editor():
    text = (REPO / "content/data/contacts.yml").read_text(encoding="utf-8")
    assert list(yaml.safe_load(text)) == ["contacts"]


@pytest.mark.parametrize("yaml_text, problems", [
    # a problem in an entry is on its own line, one further down than in the bare list
    (under_contacts("- id: office\n  name: Office\n  group: Office\n  phone: 01707 80610\n"),
     [error_on(5, '"01707 80610" is not a valid UK phone number',
               "check the number: UK numbers have 10 or 11 digits and start with 0 (01707 806100), "
               "or are a short code such as 999, 101 or 18001 101")]),
    (under_contacts("- id: a\n  name: A\n  group: G\n  phone: 101\n- id: a\n  name: B\n  group: G\n"
                    "  phone: 999\n"),
     [error_on(6, 'id "a" is used twice', "give each entry its own id (the other is on line 2)")]),
    ("contacts:\n", [error_on(1, '"contacts:" holds no list of entries',
                              "write the entries under it, each starting with '- id:', for example:\n"
                              "contacts:\n  - id: beacon\n    name: Beacon\n"
                              "    group: Victims' services\n    phone: 03000 11 55 55")]),
    ("# comment\nContacts: none\n", [error_on(2, 'unknown key "Contacts" at the top of contacts.yml',
                                             'list the entries under "contacts:" (did you mean "contacts"?)')]),
    ("phones:\n  - id: a\n", [error_on(1, 'unknown key "phones" at the top of contacts.yml',
                                       'list the entries under "contacts:"')]),
    (under_contacts("- id: a\n  name: A\n  group: G\n  phone: 101\n") + "notes: check the hours\n",
     [error_on(6, 'unknown key "notes" at the top of contacts.yml',
               'the file holds only "contacts:" and the entries under it: remove "notes:" or move '
               "what it says into an entry")]),
    (under_contacts("- id: a\n  name: A\n  group: G\n  phone: 101\n") + "contacts: []\n",
     [error_on(6, '"contacts:" is written twice', "list every entry under the first one, on line 1")]),
])
def test_problems_at_the_top_of_a_contacts_file_under_contacts(yaml_text, problems):
    assert load_directory(yaml_text)[1] == problems


def test_a_mistyped_contacts_key_is_one_error_and_its_entries_are_still_read():
    loaded, problems = load_directory("contact:\n" + textwrap.indent(GOOD, "  "))
    assert problems == [error_on(1, 'unknown key "contact" at the top of contacts.yml',
                                 'list the entries under "contacts:" (did you mean "contacts"?)')]
    assert [e.id for e in loaded.entries] == ["emergency", "beacon", "victim-support",
                                              "commissioners-office"]


def test_an_extra_key_is_reported_and_the_entries_under_contacts_are_kept():
    loaded, problems = load_directory("contact: a typo\n" + under_contacts(GOOD))
    assert problems == [error_on(1, 'unknown key "contact" at the top of contacts.yml',
                                 'the file holds only "contacts:" and the entries under it: remove '
                                 '"contact:" or move what it says into an entry')]
    assert len(loaded.entries) == 4 and loaded.by_id["beacon"].line == 7


PATH = "content/data/contacts.yml"


@pytest.mark.parametrize("raw, entry_id, href, what, fix", [
    ("03000 11 55 55", "beacon", "tel:+443000115555", "", ""),
    ("0300 011 5555", "beacon", "tel:+443000115555", "", ""),
    ("+44 (0)1707 806100", "commissioners-office", "tel:+441707806100", "", ""),
    ("999", "emergency", "tel:999", "", ""),
    ("03000 11 55 56", None, None,
     'phone number "03000 11 55 56" is not in the contact directory and differs from '
     "Beacon's number by one digit", "check the number (did you mean Beacon 03000 11 55 55?)"),
    ("08 08 16 98 111", None, None,
     'phone number "08 08 16 98 111" is not in the contact directory and differs from '
     "Victim Support's number by two swapped digits", "check the number (did you mean Victim Support 0808 168 9111?)"),
    ("01707 80610", None, None, '"01707 80610" is not a valid UK phone number',
     "check the number (did you mean Commissioner's office 01707 806100?)"),
    ("0170 123 456", None, None, '"0170 123 456" is not a valid UK phone number',
     "check the number: UK numbers have 10 or 11 digits and start with 0, for example 01707 806100; "
     "short codes are written 999, 101, 18001 101"),
    ("020 7946 0018", None, "tel:+442079460018",
     'phone number "020 7946 0018" is not in the contact directory',
     "if it is right, add it to content/data/contacts.yml so that the contact page lists it"),
])
def test_check_number(directory, raw, entry_id, href, what, fix):
    verdict = check_number(raw, directory, PATH)
    assert (verdict.entry.id if verdict.entry else None, verdict.href) == (entry_id, href)
    if what:
        # A warning, found at the first line that writes the number as it is written.
        assert verdict.problem == Problem(what, fix, WARNING, text=raw)
    else:
        assert verdict.problem is None and not verdict.is_problem


def test_json_ld_has_a_contact_point_per_entry(directory):
    text = json_ld(directory, "Hertfordshire PCC", "https://example.org", "https://example.org/contact/")
    data = json.loads(text)
    assert data["@type"] == "GovernmentOrganization"
    assert data["url"] == "https://example.org/"
    points = {p["@id"]: p for p in data["contactPoint"]}
    assert list(points) == [f"https://example.org/contact/#{e.id}" for e in directory.entries]
    beacon = points["https://example.org/contact/#beacon"]
    assert beacon == {"@type": "ContactPoint", "@id": "https://example.org/contact/#beacon",
                      "name": "Beacon", "contactType": "Victims' services",
                      "telephone": "+443000115555", "email": "info@hertfordshirebeacon.org",
                      "url": "https://www.hertfordshirebeacon.org"}
    assert points["https://example.org/contact/#emergency"]["telephone"] == "999"


def test_json_ld_cannot_close_its_script_element():
    loaded, _ = load_directory("- id: a\n  name: </script><b>\n  group: G\n  phone: 101\n")
    text = json_ld(loaded, "x", "https://example.org", "https://example.org/contact/")
    assert "</script>" not in text and "<" not in text
    assert json.loads(text)["contactPoint"][0]["name"] == "</script><b>"
