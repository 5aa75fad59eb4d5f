"""The decisions register (content/decisions/): its row in the content-type table, its
front-matter fields, the checks of its required keys and of numbers used twice, and
`make new-decision`."""

import datetime
from zoneinfo import ZoneInfo

import new_content
import pytest
from content_checks.front_matter import check_source
from content_checks.site_checks import duplicate_decision_numbers
from site_core import BY_KIND, CONTENT_TYPES, FIELDS, STARTER_KEYS, fields_of, find_line

TODAY = datetime.date(2017, 5, 24)
NOW = datetime.datetime(2017, 5, 24, 12, tzinfo=ZoneInfo("Europe/London"))
GOOD = """---
title: Community Safety Fund for 2017/18
date: 2017-03-31
number: 2017/004
summary: The Commissioner has set aside money for his Community Safety Grant.
decision: Set aside £783,393 for the Community Safety Grant in 2017/18.
cost: £783,393
tags: [Community safety]
meets:
  - 3(a) 2017-18
---
The background.
"""


def messages(text, unfinished="warning"):
    result = check_source(text.encode("utf-8"), "decisions/x.md", "decision", NOW,
                          unfinished=unfinished)
    lines = text.splitlines()
    return [(find_line(lines, line=p.line, key=p.key, text=p.text), p.level,
             f"{p.what}. Fix: {p.fix}") for p in result.problems]


# --- The tables ----------------------------------------------------------------------

def test_a_decision_is_a_dated_article_of_its_own_folder_and_template():
    decision = BY_KIND["decision"]
    assert (decision.folder, decision.template, decision.dated) == ("decisions", "decision", True)
    assert (decision.label, decision.filter_label, decision.plural) == (
        "Decision", "Decisions", "decisions")
    assert {"number", "decision", "cost", "tags", "meets"} <= set(decision.keys)
    assert "image" not in decision.keys and "districts" not in decision.keys


def test_every_kind_may_say_which_transparency_duties_it_meets():
    for content_type in CONTENT_TYPES:
        assert "meets" in content_type.keys, content_type.kind
    meets = FIELDS["meets"]
    assert (meets.kind, meets.required) == ("list", False)
    assert "(advanced)" in meets.label and "3(a) 2017-18" in meets.hint


def test_the_decisions_fields_say_what_to_write_and_which_are_required():
    number, decision, cost = FIELDS["number"], FIELDS["decision"], FIELDS["cost"]
    assert (number.kind, number.required) == ("text", True)
    assert "2017/012" in number.hint and "each number once" in number.hint
    assert (decision.kind, decision.required) == ("paragraph", True)
    assert (cost.kind, cost.required) == ("text", False)
    assert "£783,393" in cost.hint and "None" in cost.hint


def test_a_new_decision_starts_with_its_number_summary_decision_and_cost_in_the_forms_order():
    assert STARTER_KEYS["decision"] == ("title", "date", "number", "summary", "decision", "cost")
    form = [field.key for field in fields_of(BY_KIND["decision"])]
    assert [key for key in form if key in STARTER_KEYS["decision"]] == list(STARTER_KEYS["decision"])


def test_the_search_filter_offers_decisions():
    assert ["Decision", "Decisions"] in [content_type.search_option for content_type in CONTENT_TYPES]


# --- One file ------------------------------------------------------------------------

def test_a_complete_decision_has_no_problem():
    assert messages(GOOD, unfinished="error") == []


def test_a_missing_number_or_decision_is_an_error_where_the_line_would_go():
    text = GOOD.replace("number: 2017/004\n", "").replace(
        "decision: Set aside £783,393 for the Community Safety Grant in 2017/18.\n", "")
    assert messages(text) == [
        (9, "error", 'the decision number is missing. Fix: add a line "number: ..." to the front '
         "matter: the decision's number, as the signed notice gives it, such as 2017/012 "
         "(each number once)"),
        (9, "error", 'the decision is missing. Fix: add a line "decision: ..." to the front '
         "matter: what the Commissioner decided, in one or two plain sentences"),
    ]


def test_an_empty_number_is_unfinished_a_warning_in_a_preview_an_error_when_publishing():
    text = GOOD.replace("number: 2017/004", 'number: ""')
    expected = ('the decision number is empty. Fix: write it after "number:": the decision\'s '
                "number, as the signed notice gives it, such as 2017/012 (each number once)")
    assert messages(text) == [(4, "warning", expected)]
    assert messages(text, unfinished="error") == [(4, "error", expected)]


def test_a_decision_that_is_a_list_is_not_plain_text():
    text = GOOD.replace("decision: Set aside", "decision:\n  - Set aside")
    assert messages(text) == [(6, "error", 'the decision is not plain text. Fix: put the whole '
                               'value in double quotes: decision: "..."')]


def test_other_kinds_have_no_number_to_require():
    text = "---\ntitle: A\ndate: 2017-05-24\nsummary: B.\n---\nText.\n"
    result = check_source(text.encode(), "news/x.md", "news", NOW)
    assert result.problems == []


def test_number_is_no_key_of_press_releases():
    text = "---\ntitle: A\ndate: 2017-05-24\nsummary: B.\nnumber: 2017/001\n---\nText.\n"
    (problem,) = check_source(text.encode(), "news/x.md", "news", NOW).problems
    assert problem.what == '"number" is not used in press releases (only in decisions)'


# --- Across files: one number, one decision ---------------------------------------------

def test_a_number_used_twice_is_an_error_on_the_later_files_number_line_naming_the_other():
    problems = duplicate_decision_numbers([
        ("content/decisions/2017-03-31-b.md", "2017/004"),
        ("content/decisions/2017-03-16-a.md", "2017/004 "),
        ("content/decisions/2017-04-01-c.md", "2017/005"),
    ])
    assert [(p.path, p.key, p.level, f"{p.what}. Fix: {p.fix}") for p in problems] == [
        ("content/decisions/2017-03-31-b.md", "number", "error",
         'decision number "2017/004" is used by content/decisions/2017-03-16-a.md too. Fix: '
         "give each decision its own number, as its signed notice gives it, and correct the "
         "number of the one that is wrong"),
    ]


def test_a_third_file_with_the_number_names_the_first():
    problems = duplicate_decision_numbers([("c.md", "1"), ("a.md", "1"), ("b.md", 1)])
    assert [(p.path, p.what) for p in problems] == [
        ("b.md", 'decision number "1" is used by a.md too'),
        ("c.md", 'decision number "1" is used by a.md too'),
    ]


@pytest.mark.parametrize("numbers", [
    [("a.md", ""), ("b.md", "")],  # empty: the required fields say so
    [("a.md", None), ("b.md", None)],
    [("a.md", ["2017/001"]), ("b.md", ["2017/001"])],  # not text: the file's check says so
    [("a.md", "2017/001"), ("b.md", "2017/002")],
])
def test_no_duplicate_without_two_written_numbers(numbers):
    assert duplicate_decision_numbers(numbers) == []


# --- make new-decision ---------------------------------------------------------------

def test_make_new_decision_writes_a_dated_file_that_is_unfinished_until_written(tmp_path):
    path = new_content.create("decision", tmp_path, title="Community Safety Fund for 2017/18",
                              today=TODAY)
    relative = "decisions/2017-05-24-community-safety-fund-for-2017-18.md"
    assert path == tmp_path / relative
    preview = check_source(path.read_bytes(), relative, "decision", NOW)
    assert [(p.level, p.what) for p in preview.problems] == [
        ("warning", "the summary is missing or empty"),
        ("warning", "the decision number is empty"),
        ("warning", "the decision is empty"),
        ("warning", 'this line is still the one the new file started with: "'
                    f'{new_content.PLACEHOLDERS["background"]}"'),
    ]
    assert not preview.rejected
    assert tuple(preview.metadata) == STARTER_KEYS["decision"]
    publishing = check_source(path.read_bytes(), relative, "decision", NOW, unfinished="error")
    assert {p.level for p in publishing.problems} == {"error"}


def test_make_new_decision_needs_a_title(tmp_path):
    with pytest.raises(new_content.UsageError, match='make new-decision TITLE="'):
        new_content.create("decision", tmp_path, title=" ", today=TODAY)
