"""District names as press officers write them, matched against the ten districts."""

from pathlib import Path

import pytest

from district_days.districts import (
    District, match_district, normalise, parse_districts, unknown_district_message,
)

REPO = Path(__file__).resolve().parents[2]
DISTRICTS, PROBLEMS = parse_districts((REPO / "content/data/districts.yml").read_text(encoding="utf-8"))
TEN = ("Broxbourne, Dacorum, East Hertfordshire, Hertsmere, North Hertfordshire, "
       "St Albans, Stevenage, Three Rivers, Watford, Welwyn Hatfield")


def test_the_real_list_holds_the_ten_districts_with_their_councils():
    assert PROBLEMS == []
    assert ", ".join(d.name for d in DISTRICTS) == TEN
    assert {d.slug for d in DISTRICTS} == {
        "broxbourne", "dacorum", "east-hertfordshire", "hertsmere", "north-hertfordshire",
        "st-albans", "stevenage", "three-rivers", "watford", "welwyn-hatfield"}
    websites = {d.name: d.website for d in DISTRICTS}
    assert websites["Welwyn Hatfield"] == "https://www.welhat.gov.uk/"
    assert websites["North Hertfordshire"] == "https://www.north-herts.gov.uk/"
    assert all(d.council and d.website.startswith("https://www.") for d in DISTRICTS)


@pytest.mark.parametrize("written, exact", [
    ("Dacorum", "Dacorum"),
    ("St Albans", "St Albans"),
    ("Welwyn Hatfield", "Welwyn Hatfield"),
    ("East Hertfordshire", "East Hertfordshire"),
])
def test_a_name_written_exactly_as_listed_matches(written, exact):
    match = match_district(written, DISTRICTS)
    assert match.district.name == exact
    assert match.suggestions == ()


@pytest.mark.parametrize("written, suggested", [
    # case and punctuation only: still an error, with the exact name to write
    ("dacorum", ["Dacorum"]),
    ("DACORUM", ["Dacorum"]),
    ("St. Albans", ["St Albans"]),
    ("st albans", ["St Albans"]),
    ("St Alban's", ["St Albans"]),
    ("Saint Albans", ["St Albans"]),
    ("Welwyn-Hatfield", ["Welwyn Hatfield"]),
    ("Welwyn & Hatfield", ["Welwyn Hatfield"]),
    ("welwyn-hatfield", ["Welwyn Hatfield"]),  # the slug
    ("three-rivers", ["Three Rivers"]),
    # the council's name, or a short form people use
    ("Dacorum Borough Council", ["Dacorum"]),
    ("St Albans City and District", ["St Albans"]),
    ("East Herts", ["East Hertfordshire"]),
    ("North Herts", ["North Hertfordshire"]),
    # typing mistakes
    ("Dacorm", ["Dacorum"]),
    ("Watferd", ["Watford"]),
    ("Stevenge", ["Stevenage"]),
    ("Hertsmeer", ["Hertsmere"]),
    ("Broxborne", ["Broxbourne"]),
    ("Stalbans", ["St Albans"]),
    ("Three Rivers District", ["Three Rivers"]),
    # the county itself is as close to two districts: both are suggested
    ("Hertfordshire", ["East Hertfordshire", "North Hertfordshire"]),
])
def test_a_near_miss_is_not_a_match_but_suggests_the_district(written, suggested):
    match = match_district(written, DISTRICTS)
    assert match.district is None
    assert [d.name for d in match.suggestions] == suggested


@pytest.mark.parametrize("written", ["Luton", "Bedford", "Barnet", "", "   ", "Hemel"])
def test_a_name_far_from_every_district_suggests_nothing(written):
    match = match_district(written, DISTRICTS)
    assert match.district is None
    assert match.suggestions == ()


@pytest.mark.parametrize("written, normalised", [
    ("St. Albans", "st albans"),
    ("Welwyn-Hatfield", "welwyn hatfield"),
    ("  East   Herts ", "east hertfordshire"),
    ("St Alban\u2019s", "st albans"),
    ("Dacorum Borough Council", "dacorum"),
    ("WATFORD", "watford"),
])
def test_normalise(written, normalised):
    assert normalise(written) == normalised


def test_unknown_district_message_word_for_word():
    what, fix = unknown_district_message('district "Dacorm"', DISTRICTS, match_district("Dacorm", DISTRICTS))
    assert what == 'district "Dacorm" is not one of the ten districts'
    assert fix == f'write one of them exactly as listed: {TEN} (did you mean "Dacorum"?)'
    _, fix = unknown_district_message('district "Luton"', DISTRICTS, match_district("Luton", DISTRICTS))
    assert fix == f"write one of them exactly as listed: {TEN}"
    _, fix = unknown_district_message('district "Herts"', DISTRICTS, match_district("Hertfordshire", DISTRICTS))
    assert fix.endswith('(did you mean "East Hertfordshire" or "North Hertfordshire"?)')


def test_matching_works_for_districts_other_than_the_ten():
    others = [District("Luton", "luton", "Luton Borough Council", "https://www.luton.gov.uk/"),
              District("Central Bedfordshire", "central-bedfordshire", "Central Bedfordshire Council",
                       "https://www.centralbedfordshire.gov.uk/")]
    assert match_district("Luton", others).district == others[0]
    assert match_district("central beds", others).district is None
    assert match_district("Central Bedfordshir", others).suggestions == (others[1],)
    what, _ = unknown_district_message('district "Lutin"', others, match_district("Lutin", others))
    assert what == 'district "Lutin" is not one of the two districts'


@pytest.mark.parametrize("text, expected", [
    ("- name: Dacorum\n  slug: dacorum\n  council: Dacorum Borough Council\n",
     [(1, 'district "Dacorum" has no website', "add website: ...")]),
    ("- name: Dacorum\n  slug: Dacorum District\n  council: C\n  website: https://www.dacorum.gov.uk/\n",
     [(1, 'slug "Dacorum District" of Dacorum is not a web address part',
       'use lower-case letters, digits and hyphens only, e.g. "st-albans"')]),
    ("- name: Dacorum\n  slug: dacorum\n  council: C\n  website: www.dacorum.gov.uk\n",
     [(1, 'website "www.dacorum.gov.uk" of Dacorum is not an https:// address',
       "write the council's full address, starting with https://")]),
    ("- name: Dacorum\n  slug: dacorum\n  council: C\n  website: https://a.example/\n"
     "- name: dacorum\n  slug: dacorum-2\n  council: C\n  website: https://a.example/\n",
     [(5, 'district name "dacorum" is listed twice', "remove one of the two entries (the other is on line 1)")]),
    ("districts: none\n", [(1, "the file holds no list of districts",
                            'write "districts:" on the first line and one entry per district under '
                            'it, each starting with "- name:"')]),
    ("- name: Dacorum\n slug: [\n", [(2, "the list of districts cannot be read: expected <block end>, but found '<block mapping start>'",
                                     'check the indentation and that every entry starts with "- name:"')]),
])
def test_problems_in_the_list_of_districts_name_the_line(text, expected):
    _, problems = parse_districts(text)
    assert [(p.line, p.what, p.fix) for p in problems] == expected
