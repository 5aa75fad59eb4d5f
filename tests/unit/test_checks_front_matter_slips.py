"""content_checks: front-matter slips a press officer makes, each one message in a
writer's words at its line; the YAML reader's own words never come alone."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from content_checks.front_matter import check_source
from site_core import find_line

NOW = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Europe/London"))
HEAD = "---\ntitle: A title\ndate: 2026-11-30\nsummary: One sentence.\n"


def problems_of(front_matter_lines):
    """(line, level, message) of each problem of a file whose front matter is HEAD's
    lines with `front_matter_lines` in place of the title line."""
    text = HEAD.replace("title: A title\n", front_matter_lines + "\n") + "---\nBody.\n"
    result = check_source(text.encode(), "news/2026-11-30-x.md", "news", NOW,
                          filename_date="2026-11-30")
    lines = text.splitlines()
    return [(find_line(lines, line=p.line, key=p.key), p.level, f"{p.what}. Fix: {p.fix}")
            for p in result.problems], result.rejected


E, W = "error", "warning"
SLIPS = [
    # curly quotes pasted from a word processor
    ("title: “Commissioner funds cafés”", 2, E, True,
     'the title is inside curly quotation marks (“ ”), which would show on the page. Fix: use '
     'straight double quotes ("), as here: title: "Commissioner funds cafés"'),
    ("title: “Commissioner funds: cafés”", 2, E, True,
     "the title is inside curly quotation marks (“ ”), which the front matter does not read as "
     'quotation marks. Fix: use straight double quotes ("), as here: '
     'title: "Commissioner funds: cafés"'),
    ("title: ‘Fund opens’", 2, E, True, "the title is inside curly quotation marks (‘ ’)"),
    ("title: “We will listen”, says the Commissioner", 2, None, False, None),  # a quotation
    # a colon and a space in a value
    ("title: Commissioner funds: cafés", 2, E, True,
     'the title contains ": " (a colon and a space), which the front matter reads as the start '
     'of another key. Fix: put the whole value inside double quotes: '
     'title: "Commissioner funds: cafés"'),
    ('title: Funds: "new" cafés', 2, E, True,
     "put the whole value inside double quotes: title: 'Funds: \"new\" cafés'"),
    ("title: Time 9:30", 2, None, False, None),  # a colon without a space is fine
    ("title: Commissioner’s fund: cafés", 2, E, True,
     "title: \"Commissioner’s fund: cafés\""),  # ’ is an apostrophe here
    # a tab
    ("title: A title\ntags:\n\t- Victims", 4, E, True,
     "this line holds a tab character, which the front matter cannot read. Fix: replace the "
     "tab with spaces (indent list items with two spaces)"),
    # never closed
    ('title: "Commissioner funds cafés', 2, E, True,
     "the quotation mark that opens the title is never closed. Fix: end the value with \" as "
     'well, on the same line: title: "Commissioner funds cafés"'),
    ("title: A title\ntags: [Victims, Hate crime", 3, E, True,
     'the "[" that opens the tags is never closed. Fix: end the list with "]" on the same '
     "line, as here: tags: [Victims, Hate crime]"),
    # a line that is not "key: value"
    ("title: Commissioner opens\na fund for cafés", 3, E, True,
     'this line is not "key: value". Fix: start it with a key and a colon'),
    # a list on one line without brackets
    ("title: A title\ntags: Victims, Hate crime", 3, E, True,
     "the tags are written on one line without brackets, so they are read as one. Fix: put "
     "them inside brackets: tags: [Victims, Hate crime]"),
    ("title: A title\ntags: Victims", None, None, False, None),  # one tag needs none
    # a key in capitals: Pelican reads it, so a warning, and the title is not "missing"
    ("Title: A title", 2, W, False,
     'the key "Title" is written with capitals. Fix: write it in lower case: title:'),
    # " #" cuts a value short
    ("title: Supporters club #1 opens", 2, W, False,
     'the title stops before "#1 opens": a " #" starts a note that is left out. Fix: put the '
     'whole value inside double quotes: title: "Supporters club #1 opens"'),
    ("title: We will tackle it # style: accept avoid", None, None, False, None),  # our note
    # others of the same kinds
    ("title:Hello", 2, E, True,
     'there is no space after the colon of "title:". Fix: write a space after the colon: '
     "title: Hello"),
    ("title: A title\n  tags: [Victims]", 3, E, True,
     'the line "tags:" starts with spaces, so it is read as part of the line above'),
    ("title: A title\ntags:\n-Victims", 4, E, True,
     'a list item needs a space after its "-". Fix: write it as:   - Victims'),
    ('title: "He said "yes" today"', 2, E, True,
     "put the value inside the other kind of quotation marks: title: 'He said \"yes\" today'"),
    ("title: Funding:", 2, E, True, 'the title ends with a colon'),
    ("title: [Draft] New fund", 2, E, True,
     'the title starts with "[", which the front matter reads as a sign of its own, not as '
     'text. Fix: put the whole value inside double quotes: title: "[Draft] New fund"'),
    ("title: @PCC opens a fund", 2, E, True, 'the title starts with "@"'),
    ("title: *New* fund", 2, E, True, 'the title starts with "*"'),
    ("title: &Co fund", 2, E, True, 'the title starts with "&", which the front matter reads '
     "as a sign of its own: the first word is left out"),
    ("title: A title\ntitle: Another title", 3, E, True,
     'the key "title" is written a second time here: only this line counts'),
    ("title: Meeting at 10:30, see https://example.org", None, None, False, None),
]


@pytest.mark.parametrize("front_matter, line, level, rejected, words", SLIPS,
                         ids=[slip[0][:40] for slip in SLIPS])
def test_each_slip_is_one_message_at_its_line(front_matter, line, level, rejected, words):
    found, was_rejected = problems_of(front_matter)
    assert was_rejected == rejected, found
    if words is None:
        assert found == []
        return
    assert len(found) == 1, found
    got_line, got_level, message = found[0]
    assert (got_line, got_level) == (line, level), found
    assert words in message, message


@pytest.mark.parametrize("front_matter", [slip[0] for slip in SLIPS if slip[4]])
def test_the_readers_own_words_never_come_alone(front_matter):
    for _, _, message in problems_of(front_matter)[0]:
        assert "mapping values" not in message and "cannot start any token" not in message
        assert "the reader says" not in message, "a slip we know is explained in our words"


def test_a_file_with_several_slips_gets_them_all_at_once():
    """The front matter cannot be read (curly quotes around a value with a colon), and
    the date and the tags are wrong too: three messages in one build, not one a build."""
    text = ("---\ntitle: “Commissioner funds cafés: a first”\ndate: 30/11/2026\n"
            "summary: One sentence.\ntags: Victims, Community safety\n---\nBody.\n")
    result = check_source(text.encode(), "news/2026-11-30-x.md", "news", NOW)
    assert result.rejected
    found = [(p.line, p.level, f"{p.what}. Fix: {p.fix}") for p in result.problems]
    assert sorted((line, level) for line, level, _ in found) == [(2, E), (3, E), (5, E)]
    messages = " ".join(message for _, _, message in found)
    assert "curly quotation marks" in messages
    assert "write date: 2026-11-30 if you mean 30 November 2026" in messages
    assert "put them inside brackets: tags: [Victims, Community safety]" in messages
