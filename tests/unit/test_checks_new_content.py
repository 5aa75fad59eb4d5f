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
def test_new_files_are_named_right_and_unfinished_until_written(tmp_path, kind, kwargs, relative, content_type):
    """A new file only misses what the writer must write: its summary, and its text in
    place of the lines it starts with. A preview shows it (warnings); publishing refuses
    it (errors)."""
    with_districts(tmp_path)
    path = new_content.create(kind, tmp_path, today=TODAY, **kwargs)
    assert path == tmp_path / relative
    preview = check_source(path.read_bytes(), relative, content_type, NOW)
    expected = {"release": 2, "district-day": 3, "faq": 4}[kind]  # summary, then lines
    assert [p.level for p in preview.problems] == ["warning"] * expected, preview.problems
    assert preview.problems[0].what == "the summary is missing or empty"
    assert all("the new file started with" in p.what for p in preview.problems[1:])
    assert not preview.rejected
    publishing = check_source(path.read_bytes(), relative, content_type, NOW, unfinished="error")
    assert [p.level for p in publishing.problems] == ["error"] * expected
    # the keys, in order, that the web editor also starts every new file with
    assert tuple(preview.metadata) == STARTER_KEYS[content_type]


def test_a_file_written_in_full_is_finished(tmp_path):
    path = new_content.create("release", tmp_path, title="New fund", today=TODAY)
    text = path.read_text(encoding="utf-8").replace('summary: ""', "summary: A new fund.")
    text = text.replace(new_content.PLACEHOLDERS["news_text"], "The fund opens today.")
    result = check_source(text.encode(), "news/x.md", "news", NOW, unfinished="error")
    assert result.problems == []


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
