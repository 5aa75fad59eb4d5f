"""The duties file (content/data/transparency.yml, plugins/transparency/duties.py): every
item of the Order is there, and each mistake in the file is a message on its line."""

from pathlib import Path

import pytest
from transparency.duties import parse_duties
from transparency.transparency import SOURCES

REPO = Path(__file__).resolve().parents[2]
# Every item of the Schedule to the Elected Local Policing Bodies (Specified Information)
# Order 2011 (S.I. 2011/3050), as amended by S.I. 2012/2479 (2A; 3(g) and 4(b)-(c)
# rewritten), S.I. 2013/1816 (3(h)) and S.I. 2021/547 (7A, 7B, 7C).
ARTICLES = [
    "1(a)", "1(b)", "1(c)", "1(d)", "1(e)", "1(f)",
    "2(a)", "2(b)", "2(c)", "2(d)", "2(e)", "2A",
    "3(a)", "3(b)", "3(c)", "3(d)", "3(e)", "3(f)", "3(g)", "3(h)",
    "4(a)", "4(b)", "4(c)", "4(d)",
    "5(a)", "5(b)", "5(c)", "5(d)",
    "6(a)", "6(b)", "6(c)", "6(d)",
    "7", "7A(a)", "7A(b)", "7B(a)", "7B(b)", "7C(a)", "7C(b)", "8",
]


def real_duties():
    text = (REPO / "content" / "data" / "transparency.yml").read_text(encoding="utf-8")
    return parse_duties(text, SOURCES)


def test_the_site_lists_every_item_of_the_order_once():
    duties, problems = real_duties()
    assert problems == []
    assert [duty.article for duty in duties.duties] == ARTICLES


def test_the_deadlines_the_order_sets():
    by_article = real_duties()[0].by_article()
    assert {a: by_article[a].rule for a in ("3(a)", "3(b)", "3(f)", "3(g)", "7B(a)")} == {
        "3(a)": "before-year", "3(b)": "before-year", "3(f)": "monthly", "3(g)": "monthly",
        "7B(a)": "after-event"}
    assert by_article["7B(a)"].days == 56
    # One duty follows the 56 days, so that a late answer is one warning, not two.
    assert [d.article for d in by_article.values() if d.rule == "after-event"] == ["7B(a)"]
    assert (by_article["3(g)"].source, by_article["5(d)"].source) == ("spending", "decisions")


def test_every_group_has_duties_and_every_duty_a_plain_title():
    duties, _ = real_duties()
    for group in duties.groups:
        assert any(duty.group == group.number for duty in duties.duties), group
    for duty in duties.duties:
        assert duty.title and duty.about.endswith("."), duty.article


GOOD = '''groups:
  - number: "3"
    title: Money
duties:
  - article: "3(g)"
    title: Spending
    about: Each item.
    due: monthly
    source: spending
'''


def messages(text):
    return [(p.line, p.what, p.fix) for p in parse_duties(text, SOURCES)[1]]


def test_a_good_file():
    duties, problems = parse_duties(GOOD, SOURCES)
    assert problems == [] and duties.duties[0].line == 5


@pytest.mark.parametrize("old, new, expected", [
    ("due: monthly", "due: monthy", (8, 'duty 3(g): due "monthy" is not a rule the site knows',
     'use one of when-changed, monthly, before-year, after-year, after-event (did you mean "monthly"?)')),
    ("source: spending", "source: spend", (9, 'duty 3(g): source "spend" is not a register of the site',
     "use one of spending, grants, contracts, gifts-and-hospitality, premises, hmicfrs-reports, "
     'decisions (did you mean "spending"?), or remove it for a duty met by pages that say meets:')),
    ('article: "3(g)"', 'article: "3g"', (5, 'article "3g" is not written as the Order numbers its items',
     'write the paragraph, then the letter in brackets: "3(g)", or "2A" alone')),
    ('article: "3(g)"', 'article: "4(a)"', (5, 'article "4(a)" is in no group of the duties file',
     'add a group with number: "4" under "groups:", or correct the article')),
    ("    title: Spending\n", "", (5, "duty 3(g) has no title", "add title: ...")),
    ("    source: spending\n", "    source: spending\n    since: 2017\n",
     (10, 'duty 3(g): since "2017" is not a month',
      'write the first month the site keeps, for example since: "2017-04"')),
    ("    source: spending\n", "    source: spending\n    dayz: 5\n",
     (10, 'duty 3(g) has an unknown key "dayz"',
      'remove it, or use one of article, title, about, due, days, by, source, since (did you mean "days"?)')),
])
def test_each_mistake_has_its_line_and_fix(old, new, expected):
    assert messages(GOOD.replace(old, new)) == [expected]


def test_an_article_listed_twice():
    text = GOOD + GOOD.split("duties:\n")[1]
    assert messages(text) == [(10, 'article "3(g)" is listed twice',
                               "keep one of the two (the other is on line 5)")]


def test_after_event_needs_days_and_after_year_a_day():
    text = GOOD.replace("due: monthly", "due: after-event")
    assert messages(text)[0][1] == "duty 3(g) is due after an event but gives no number of days"
    text = GOOD.replace("due: monthly", "due: after-year").replace("    source: spending\n", "    by: June\n")
    assert messages(text)[0][1] == 'duty 3(g) is due after the financial year but "by" is not a month and day'


def test_a_file_yaml_cannot_read():
    [(line, what, _)] = messages(GOOD.replace("    title: Spending", "  title: Spending"))
    assert line == 6 and what.startswith("the duties file cannot be read")
