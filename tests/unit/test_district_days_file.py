"""districts.yml in both shapes: the bare list, and the list under "districts:" that the
web editor (Decap CMS) writes; and the messages for a file with another key at the top."""

import textwrap
from pathlib import Path

import pytest
import yaml

from district_days.districts import parse_districts

REPO = Path(__file__).resolve().parents[2]
LIST = textwrap.dedent("""\
    - name: Dacorum
      slug: dacorum
      council: Dacorum Borough Council
      website: https://www.dacorum.gov.uk/

    - name: Watford
      slug: watford
      council: Watford Borough Council
      website: https://www.watford.gov.uk/
    """)
NO_LIST_FIX = ('write "districts:" on the first line and one entry per district under it, '
               'each starting with "- name:"')


def under(key, text, comment=""):
    return comment + f"{key}:\n" + textwrap.indent(text, "  ")


def found(text):
    districts, problems = parse_districts(text)
    return [d.name for d in districts], [(p.line, p.what, p.fix) for p in problems]


def test_the_list_under_districts_reads_as_the_bare_list():
    listed = parse_districts(LIST)
    wrapped = parse_districts(under("districts", LIST, "# The districts.\n"))
    assert listed == wrapped
    assert [d.name for d in wrapped[0]] == ["Dacorum", "Watford"]


def test_the_real_file_lists_the_districts_under_districts_for_the_web_editor():
    text = (REPO / "content/data/districts.yml").read_text(encoding="utf-8")
    assert list(yaml.safe_load(text)) == ["districts"]
    assert len(parse_districts(text)[0]) == 10


@pytest.mark.parametrize("text, line", [
    (LIST, 6),  # the bare list: Watford's entry starts on line 6
    (under("districts", LIST, "# comment\n#\n"), 9),  # two comment lines and "districts:" above
])
def test_a_problem_in_an_entry_is_on_its_line_in_either_shape(text, line):
    text = text.replace("website: https://www.watford.gov.uk/", "website: www.watford.gov.uk")
    assert found(text) == (["Dacorum"], [
        (line, 'website "www.watford.gov.uk" of Watford is not an https:// address',
         "write the council's full address, starting with https://")])


def test_a_district_listed_twice_names_the_other_line_in_the_new_shape():
    text = under("districts", LIST + LIST.split("\n\n")[0] + "\n")
    assert found(text)[1] == [
        (11, 'district name "Dacorum" is listed twice',
         "remove one of the two entries (the other is on line 2)")]


def test_a_mistyped_key_is_one_error_and_its_districts_are_still_read():
    assert found(under("district", LIST)) == (["Dacorum", "Watford"], [
        (1, 'unknown key "district" at the top of the list of districts',
         'list the districts under "districts:" (did you mean "districts"?)')])


BOTH = ["Dacorum", "Watford"]


@pytest.mark.parametrize("text, names, expected", [
    ("councils:\n  - name: Dacorum\n", [], [
        (1, 'unknown key "councils" at the top of the list of districts',
         'list the districts under "districts:"')]),
    # an extra key is reported, and the districts under "districts:" are still read
    (under("districts", LIST) + "updated: 2024\n", BOTH, [
        (11, 'unknown key "updated" at the top of the list of districts',
         'the file holds only "districts:" and the districts under it: remove "updated:"')]),
    (under("districts", LIST) + "districts: []\n", BOTH, [
        (11, '"districts:" is written twice', "list every district under the first one, on line 1")]),
    ("# comment\ndistricts:\n", [], [(2, "the file holds no list of districts", NO_LIST_FIX)]),
    ("districts: []\n", [], [(1, "the file holds no list of districts", NO_LIST_FIX)]),
    ("name: Dacorum\nslug: dacorum\n", [], [(1, "the file holds no list of districts", NO_LIST_FIX)]),
    ("", [], [(1, "the file holds no list of districts", NO_LIST_FIX)]),
])
def test_problems_at_the_top_of_the_file_name_the_line_and_the_key(text, names, expected):
    assert found(text) == (names, expected)
