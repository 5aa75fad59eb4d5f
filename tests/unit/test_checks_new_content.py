"""tools/new_content.py: `make new-release` etc. write a file the checks accept."""

import datetime
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import new_content
import pytest
from content_checks.front_matter import check_source
from site_core import STARTER_KEYS

REPO = Path(__file__).resolve().parents[2]

TODAY = datetime.date(2017, 5, 24)
NOW = datetime.datetime(2017, 5, 24, 12, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize("kind, kwargs, relative, content_type", [
    ("release", {"title": 'Commissioner\'s "new" fund: 2017'},
     "news/2017-05-24-commissioners-new-fund-2017.md", "news"),
    ("district-day", {"district": "st albans"}, "district-days/2017-05-24-st-albans.md", "district-day"),
    ("faq", {"title": "Police budget"}, "faq/police-budget.md", "faq"),
])
def test_new_files_are_named_right_and_only_miss_their_summary(tmp_path, kind, kwargs, relative, content_type):
    with_districts(tmp_path)
    path = new_content.create(kind, tmp_path, today=TODAY, **kwargs)
    assert path == tmp_path / relative
    result = check_source(path.read_bytes(), relative, content_type, NOW)
    assert [(p.level, p.what) for p in result.problems] == [("warning", "the summary is missing or empty")]
    # the keys, in order, that the web editor also starts every new file with
    assert tuple(result.metadata) == STARTER_KEYS[content_type]


def with_districts(content):
    (content / "data").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "content" / "data" / "districts.yml", content / "data" / "districts.yml")


def test_a_district_that_does_not_exist_is_refused_with_a_suggestion(tmp_path):
    with_districts(tmp_path)
    with pytest.raises(new_content.UsageError, match='did you mean "Stevenage"'):
        new_content.create("district-day", tmp_path, district="Stevenag", today=TODAY)


def test_an_existing_file_is_never_replaced(tmp_path):
    new_content.create("faq", tmp_path, title="Budget", today=TODAY)
    with pytest.raises(new_content.UsageError, match="already exists"):
        new_content.create("faq", tmp_path, title="Budget", today=TODAY)


def test_a_title_is_required(tmp_path):
    with pytest.raises(new_content.UsageError, match="give a title"):
        new_content.create("release", tmp_path, title="  ", today=TODAY)


def test_without_the_list_of_districts_the_message_says_how_to_restore_it(tmp_path):
    with pytest.raises(new_content.UsageError, match="districts.yml is missing"):
        new_content.create("district-day", tmp_path, district="Dacorum", today=TODAY)


def test_a_title_with_an_apostrophe_and_an_accent_gives_the_sites_one_slug(tmp_path):
    path = new_content.create("release", tmp_path, title="Commissioner's plan for the Café",
                              today=TODAY)
    assert path.name == "2017-05-24-commissioners-plan-for-the-cafe.md"
