"""site_core: problems and where they are, the report's lines, slugs and other helpers."""

import json

import pytest
from site_core import (
    ERROR, WARNING, BuildState, Problem, Report, absolute_url, close_matches, did_you_mean,
    find_line, script_json, slugify,
)
from site_core.messages import Message, report_lines, summary_line
from site_core.pelican_compat import mismatch_message, version_mismatches

SOURCE = """---
title: A release
date: 2017-05-24
districts:
  - Watford
  - Dacorm
---
Call 101 about Dacorm.

![](images/x.jpg)
""".splitlines()


@pytest.mark.parametrize("where, line", [
    ({"line": 9}, 9),
    ({"key": "date"}, 3),
    ({"key": "DATE"}, 3),  # keys are matched as YAML writers type them, any case
    ({"key": "summary"}, 7),  # missing: where it would go, the closing ---
    ({"key": "districts", "text": "Dacorm"}, 6),  # the list item, not the key's line
    ({"text": "Dacorm", "in_body": True}, 8),  # the body, not the front matter
    ({"text": "Dacorm"}, 6),
    ({"text": "images/x.jpg", "in_body": True}, 10),
    ({"text": "not there"}, None),
    ({}, None),
])
def test_find_line(where, line):
    assert find_line(SOURCE, **where) == line


def test_find_line_in_a_file_without_front_matter():
    assert find_line(["Just text", "more"], key="title") == 1
    assert find_line(["Just text", "more"], text="more", in_body=True) == 2


def test_a_problem_must_have_a_known_level_and_a_file_before_it_is_reported():
    with pytest.raises(ValueError):
        Problem("what", "fix", level="fatal")
    with pytest.raises(ValueError):
        Report().add(Problem("what", "fix"))


def test_message_lines_are_plain_and_word_for_word(tmp_path):
    path = tmp_path / "2017-05-24-x.md"
    path.write_text("\n".join(SOURCE), encoding="utf-8")
    report = Report()
    report.add(Problem('"Dacorm" in districts is not one of the ten districts.',
                       'write "Dacorum".', key="districts", text="Dacorm").at(path))
    report.add(Problem("the summary is missing", 'add "summary: ..."', WARNING,
                       key="summary").at(path))
    report.add(Problem("the summary is missing", 'add "summary: ..."', WARNING,
                       key="summary").at(path))  # the same problem twice is listed once
    lines = report_lines(report)
    shown = str(path)  # outside the working folder: shown as given
    assert lines == [
        f'{shown}:6: error: "Dacorm" in districts is not one of the ten districts. Fix: write "Dacorum"',
        f'{shown}:7: warning: the summary is missing. Fix: add "summary: ..."',
        "1 error, 1 warning in 1 file",
    ]


def test_under_github_actions_each_message_is_also_a_workflow_command():
    message = Message("content/news/a,b.md", 12, ERROR, "100% wrong: x", "do y")
    assert message.github_command() == (
        "::error file=content/news/a%2Cb.md,line=12,title=Content error::100%25 wrong: x. Fix: do y")
    warning = Message("content/faq/x.md", None, WARNING, "what", "fix")
    assert warning.github_command() == "::warning file=content/faq/x.md,title=Content warning::what. Fix: fix"


def test_report_lines_add_the_workflow_commands_after_the_summary(tmp_path):
    report = Report()
    report.add(Problem("what", "fix", line=2).at(tmp_path / "a.md"))
    lines = report_lines(report, github=True)
    assert lines[1] == "1 error, 0 warnings in 1 file"
    assert lines[2].startswith("::error file=")


@pytest.mark.parametrize("counts, line", [
    ((0, 0, 0), "No content problems found."),
    ((1, 0, 1), "1 error, 0 warnings in 1 file"),
    ((3, 2, 2), "3 errors, 2 warnings in 2 files"),
])
def test_summary_line(counts, line):
    assert summary_line(*counts) == line


@pytest.mark.parametrize("fail_on, errors, warnings, fails", [
    (None, 1, 1, False),
    ("errors", 0, 3, False),
    ("errors", 1, 0, True),
    ("warnings", 0, 1, True),
])
def test_when_a_build_fails(tmp_path, fail_on, errors, warnings, fails):
    report = Report()
    for number in range(errors):
        report.add(Problem(f"error {number}", "fix").at(tmp_path / "a.md"))
    for number in range(warnings):
        report.add(Problem(f"warning {number}", "fix", WARNING).at(tmp_path / "a.md"))
    assert report.fails(fail_on) is fails


def test_errors_logged_by_pelican_count_and_are_pointed_at():
    report = Report()
    report.other_errors = 2
    assert report.fails("errors")
    assert report_lines(report)[-1] == "2 errors, 0 warnings"


@pytest.mark.parametrize("text, slug", [
    ("Commissioner's plan for the Café", "commissioners-plan-for-the-cafe"),
    ("Commissioner’s plan", "commissioners-plan"),  # a typographic apostrophe too
    ("Why is the police element of my council tax going up?",
     "why-is-the-police-element-of-my-council-tax-going-up"),
    ("Straße in Łódź", "strasse-in-lodz"),
    ("£1.34m for victims – 2016/17", "1-34m-for-victims-2016-17"),
    ("  St. Albans  ", "st-albans"),
    ("東京", "dong-jing"),
    ("?!", ""),
])
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_did_you_mean():
    assert did_you_mean([]) == ""
    assert did_you_mean(["Dacorum"]) == ' (did you mean "Dacorum"?)'
    assert did_you_mean(["Watford", "Hertsmere"]) == ' (did you mean "Watford" or "Hertsmere"?)'
    assert close_matches("dacorm", ["Dacorum", "Watford"]) == ["Dacorum"]
    assert close_matches("TITEL", ["title", "date"]) == ["title"]
    assert close_matches("zzz", ["title", "date"]) == []


@pytest.mark.parametrize("url, base, absolute", [
    ("/news/2017/x/", "https://example.org/feeds/all.atom.xml", "https://example.org/news/2017/x/"),
    ("../x/", "https://example.org/news/2017/y/", "https://example.org/news/2017/x/"),
    ("images/a.jpg", "https://example.org/pcc/", "https://example.org/pcc/images/a.jpg"),
    ("tel:+441707806100", "https://example.org/", "tel:+441707806100"),
    (" https://other.org/ ", "https://example.org/", "https://other.org/"),
])
def test_absolute_url(url, base, absolute):
    assert absolute_url(url, base) == absolute


def test_script_json_cannot_end_its_script_element():
    data = {"name": "</script><script>alert(1)</script> & <!--"}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
    assert script_json({"a": 1}) == '{"a":1}'
    assert script_json({"a": 1}, indent=1) == '{\n "a": 1\n}'


def test_build_state_is_fresh_for_every_build():
    state = BuildState(lambda settings: {"seen": [], "settings": settings})
    first = state.start({"A": 1})
    first["seen"].append("x")
    second = state.start({"A": 2})
    assert second == {"seen": [], "settings": {"A": 2}} and state.current is second


def test_pelican_compat_names_every_version_that_differs():
    installed = {"pelican": "4.12.0", "feedgenerator": "2.3.0", "pelican-sitemap": "1.2.2",
                 "blinker": "1.9.0"}
    mismatches = version_mismatches(installed)
    assert mismatches == [("feedgenerator", "2.3.0", "2.2.1"),
                          ("pelican-yaml-metadata", None, "2.2.0")]
    message = mismatch_message(mismatches)
    assert message.startswith("error: plugins/site_core/pelican_compat.py was written for "
                              "feedgenerator 2.2.1, pelican-yaml-metadata 2.2.0")
    assert "feedgenerator 2.3.0" in message and "pytest tests/compat" in message


def test_the_installed_versions_are_the_ones_pelican_compat_was_written_for():
    assert version_mismatches() == []


def test_a_version_mismatch_stops_the_build_with_the_message(monkeypatch, capsys):
    from site_core import pelican_compat, plugin
    monkeypatch.setitem(pelican_compat.WRITTEN_FOR, "pelican", "0.0.1")
    with pytest.raises(SystemExit) as stopped:
        plugin.check_upstream_versions()
    assert stopped.value.code == 1
    assert "was written for pelican 0.0.1" in capsys.readouterr().err


def test_text_in_the_body_is_looked_for_outside_markdown_code():
    lines = ["---", "title: A", "---", "Type `<b>` for bold:", "", "~~~", "<b>", "~~~",
             "<b>real</b> and ``<b>`` again <b>"]
    assert find_line(lines, text="<b>", in_body=True) == 9
    assert find_line(lines, text="<b>", in_body=True, occurrence=1) == 9
    assert find_line(lines, text="<b>", in_body=True, occurrence=2) is None
    assert find_line(lines, text="<b>") == 4  # outside the body, code is text like any other
