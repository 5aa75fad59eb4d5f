"""tools/new_content.py: `make new-release` etc. write a file the checks accept."""

import datetime
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(REPO / "tools"))

import new_content  # noqa: E402
from content_checks.front_matter import check_source  # noqa: E402

TODAY = datetime.date(2017, 5, 24)
NOW = datetime.datetime(2017, 5, 24, 12, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize("kind, kwargs, relative, content_type", [
    ("release", {"title": 'Commissioner\'s "new" fund: 2017'},
     "news/2017-05-24-commissioners-new-fund-2017.md", "news"),
    ("district-day", {"district": "st albans"}, "district-days/2017-05-24-st-albans.md", "district-day"),
    ("faq", {"title": "Police budget"}, "faq/police-budget.md", "faq"),
])
def test_new_files_are_named_right_and_only_miss_their_summary(tmp_path, kind, kwargs, relative, content_type):
    path = new_content.create(kind, tmp_path, today=TODAY, **kwargs)
    assert path == tmp_path / relative
    result = check_source(path.read_bytes(), relative, content_type, NOW)
    assert [(p.level, p.what) for p in result.problems] == [("warning", "the summary is missing or empty")]


def test_a_district_that_does_not_exist_is_refused_with_a_suggestion(tmp_path):
    with pytest.raises(new_content.UsageError, match='did you mean "Stevenage"'):
        new_content.create("district-day", tmp_path, district="Stevenag", today=TODAY)


def test_an_existing_file_is_never_replaced(tmp_path):
    new_content.create("faq", tmp_path, title="Budget", today=TODAY)
    with pytest.raises(new_content.UsageError, match="already exists"):
        new_content.create("faq", tmp_path, title="Budget", today=TODAY)


def test_a_title_is_required(tmp_path):
    with pytest.raises(new_content.UsageError, match="give a title"):
        new_content.create("release", tmp_path, title="  ", today=TODAY)
