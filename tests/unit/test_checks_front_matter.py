"""content_checks.front_matter: one file's bytes and front matter, checked in-process."""

import datetime
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from content_checks.front_matter import check_source
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from site_core import Problem, find_line

NOW = datetime.datetime(2017, 6, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))


def line_of(problem, text):
    """The line the report would print for `problem` in a file holding `text`."""
    return find_line(text.splitlines(), line=problem.line, key=problem.key,
                     text=problem.text, in_body=problem.in_body)


def messages(text, kind="news", **kwargs):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    result = check_source(raw, "news/x.md", kind, NOW, **kwargs)
    shown = raw.decode("utf-8", "replace")
    return ([(line_of(p, shown), p.level, f"{p.what}. Fix: {p.fix}") for p in result.problems],
            result.rejected)


GOOD = "---\ntitle: Hello\ndate: 2017-05-24\nsummary: One sentence.\n---\nBody\n"


def test_a_good_file_has_no_problem():
    assert messages(GOOD) == ([], False)


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: Hello\ndate: 2017-05-24\nsumary: One.\n---\n", [
        (4, "error", '"sumary" is not a front-matter key, so its value is ignored. Fix: correct '
         'the key (did you mean "summary"?) or remove the line; keys for press releases: title, '
         "date, modified, summary, slug, redirect_from, status, meets, documents, changes, withdrawn, withdrawn_reason, "
         "removed, removed_reason, pre_election_checked, tags, districts, image, image_alt"),
        (5, "warning", 'the summary is missing or empty. Fix: add "summary: ..." with one or two '
         "sentences; lists, feeds and search results show it"),  # where the line would go
    ]),
    # a date in the future schedules the item (plugins/release_life): no problem
    ("---\ntitle: Hello\ndate: 2017-06-02\nsummary: One.\n---\n", []),
    ("---\ntitle: Hello\ndate: 2017-05-24\nsummary: One.\nimage: x.jpg\n---\n", [
        (5, "error", 'the image "x.jpg" has no image_alt. Fix: add "image_alt: ..." describing '
         "what the picture shows, for people who cannot see it "
         "(\"image_alt: decorative\" if it only decorates the page)"),
    ]),
])
def test_messages_word_for_word(text, expected):
    assert messages(text)[0] == expected


def test_each_problem_names_its_key_and_a_missing_key_points_where_it_would_go():
    text = ("---\ndate: 2017-05-24\nsummary: One.\nslug: Commissioner's Plan\n"
            "status: pubished\n---\nBody\n")
    result = check_source(text.encode(), "news/x.md", "news", NOW)
    assert [(p.key, line_of(p, text)) for p in result.problems] == [
        ("title", 6), ("status", 5), ("slug", 4)]
    fixes = " ".join(p.fix for p in result.problems)
    assert 'did you mean "published"?' in fixes
    assert 'write it as "commissioners-plan"' in fixes  # site_core's slugify


def test_a_bad_date_in_the_file_name_names_no_line():
    found, rejected = messages("---\ntitle: A\nsummary: B\n---\n", filename_date="2017-13-45")
    assert rejected and found == [(None, "error", 'the file name starts with "2017-13-45", which '
                                   "is not a date. Fix: rename the file so that it starts with "
                                   "year-month-day, for example 2017-06-01-short-title.md")]


@pytest.mark.parametrize("written, fix", [
    # Pelican reads 05/11/2026 month first (11 May): in Britain it is 5 November
    ("05/11/2026", "write date: 2026-11-05 if you mean 5 November 2026"),
    ("30/11/2026", "write date: 2026-11-30 if you mean 30 November 2026"),
    ("30 Nov 2026", "write date: 2026-11-30 if you mean 30 November 2026"),
    ("5th November 2026", "write date: 2026-11-05 if you mean 5 November 2026"),
    ("2026/11/30", "write date: 2026-11-30 if you mean 30 November 2026"),
    ("2026-11-30 9:30", "write date: 2026-11-30 09:30 if you mean 30 November 2026"),
    ('"30.11.26"', "write date: 2026-11-30 if you mean 30 November 2026"),
])
def test_a_date_not_written_as_year_month_day_is_refused_with_the_text_to_write(written, fix):
    found, rejected = messages(f"---\ntitle: A\ndate: {written}\nsummary: B\n---\n")
    assert rejected
    ((line, level, text),) = found
    assert (line, level) == (3, "error")
    assert text.startswith(f'date "{written.strip(chr(34))}" is not written as year-month-day. '
                           f"Fix: {fix}; only year-month-day cannot be misread"), text


@pytest.mark.parametrize("written", ["2026-11-30", "2026-11-30 09:30", "2026-11-30T09:30:00Z",
                                     "2026-11-30 09:30:00+01:00"])
def test_year_month_day_with_or_without_a_time_is_a_date(written):
    assert messages(f"---\ntitle: A\ndate: {written}\nsummary: B\nstatus: draft\n---\n") == (
        [], False)


@pytest.mark.parametrize("written", ["2017-13-05", '"2017-13-05"', '"2017-02-30"'])
def test_year_month_day_with_no_such_day_is_not_a_date_and_is_not_turned_round(written):
    found, rejected = messages(f"---\ntitle: A\ndate: {written}\nsummary: B\n---\n")
    assert rejected
    ((line, level, text),) = found
    assert (line, level) == (3, "error")
    assert text.startswith(f'date "{written.strip(chr(34))}" is not a date. Fix: write it as '
                           "year-month-day, for example date: 2017-"), text


def test_a_file_name_and_a_date_that_differ_are_a_warning_naming_both():
    found, rejected = messages("---\ntitle: A\ndate: 2017-05-25 10:00\nsummary: B\n---\n",
                               filename_date="2017-05-24")
    assert not rejected
    assert found == [(3, "warning", "the file name starts with 2017-05-24 but the date is "
                      "2017-05-25. Fix: make them the same day: write date: 2017-05-24 if that "
                      "is the day, or rename the file to start with 2017-05-25")]


def test_keys_of_other_content_types_are_named_by_their_plural():
    found, _ = messages("---\ntitle: A\nsummary: B\ntags: [X]\n---\n", "faq")
    assert found == [(4, "error", '"tags" is not used in FAQ pages (only in press releases, '
                      'District Day reports and decisions). Fix: remove the "tags:" line')]


def test_a_draft_may_be_dated_in_the_future():
    assert messages("---\ntitle: A\ndate: 2018-01-01\nsummary: B\nstatus: draft\n---\n")[0] == []


def test_the_date_may_come_from_the_file_name():
    assert messages("---\ntitle: A\nsummary: B\n---\n", filename_date="2017-05-24")[0] == []


def test_pages_need_no_date_and_may_choose_a_template(tmp_path):
    (tmp_path / "wide.html").write_text("")
    text = "---\ntitle: A\nsummary: B\ntemplate: wide\n---\n"
    assert messages(text, "page", template_dirs=[str(tmp_path)]) == ([], False)


def test_a_byte_order_mark_is_fine():
    assert messages(b"\xef\xbb\xbf" + GOOD.encode()) == ([], False)


def test_an_image_is_looked_for_in_the_content_folder(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.jpg").write_bytes(b"")
    head = "---\ntitle: A\ndate: 2017-05-24\nsummary: B\nimage_alt: A photo\nimage: "
    assert messages(head + "images/a.jpg\n---\n", content_dir=str(tmp_path))[0] == []
    assert "does not exist" in messages(head + "images/b.jpg\n---\n", content_dir=str(tmp_path))[0][0][2]


# --- Property: random front matter never crashes and never passes a file Pelican
# --- cannot read. Whatever check_source accepts, Pelican's own YAML reader and
# --- Article model accept without an error; whatever it refuses, it says why.

KEYS = st.sampled_from(["title", "date", "modified", "summary", "tags", "slug", "status",
                        "image", "image_alt", "tittle", "Title", "lang", "save_as",
                        "category", "template", "districts", "x"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates(), st.just("2017-13-45"), st.just(""))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=2), max_leaves=5)
FRONT_MATTER = st.one_of(
    st.dictionaries(st.one_of(KEYS, st.integers()), VALUES, max_size=6).map(
        lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.text(max_size=80),
)


def pelican_reads_without_error(path):
    """Read `path` as Pelican does in a build; return the errors it logs or raises."""
    import logging

    from pelican.contents import Article
    from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
    from pelican.readers import Readers  # noqa: F401  (registers the readers' settings)
    from pelican.settings import DEFAULT_CONFIG

    errors = []

    class Collect(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.ERROR:
                errors.append(record.getMessage())

    handler = Collect()
    logging.getLogger().addHandler(handler)
    try:
        settings = {**DEFAULT_CONFIG, "TIMEZONE": "Europe/London"}
        content, metadata = YAMLMetadataReader(settings).read(str(path))
        article = Article(content, metadata, settings=settings, source_path=str(path))
        if not article.is_valid():
            errors.append("not valid")
        article.url  # noqa: B018 - expanding the URL must work too
    except Exception as error:  # noqa: BLE001
        errors.append(repr(error))
    finally:
        logging.getLogger().removeHandler(handler)
    return errors


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter=FRONT_MATTER, latin1=st.booleans())
def test_random_front_matter_is_refused_with_reasons_or_read_by_pelican(front_matter, latin1):
    text = f"---\n{front_matter}\n---\nBody text.\n"
    raw = text.encode("latin-1", "replace") + (b"\xe9" if latin1 else b"")
    result = check_source(raw, "news/2017-05-24-x.md", "news", NOW, filename_date="2017-05-24")
    for problem in result.problems:
        assert isinstance(problem, Problem) and problem.path is None
        assert problem.what and problem.fix and problem.level in ("error", "warning")
        assert problem.line is None or problem.line >= 1
    if result.rejected:
        assert any(p.level == "error" for p in result.problems)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2017-05-24-x.md"
        path.write_bytes(raw)
        assert pelican_reads_without_error(path) == [], front_matter


@pytest.mark.parametrize("line, key_line, expected", [
    ('title: "Commissioner <img src=x onerror=alert(1)> visits"', 2,
     'the title "Commissioner <img src=x onerror=alert(1)> visits" contains HTML code '
     "(<img src=x onerror=alert(1)>), which the site would show as typed. Fix: write the "
     "title as plain words, without anything between < and >; for emphasis or links, use "
     "the text of the page instead"),
    ('image_alt: "The <b>new</b> van"', 5, None),
    ('tags: [Victims, "<script>x</script>"]', 5, None),
])
def test_html_typed_into_front_matter_text_is_an_error_on_its_line(line, key_line, expected):
    lines = ["---", "title: Hello", "date: 2017-05-24", "summary: One sentence."]
    if line.startswith("title:"):
        lines[1] = line
    else:
        lines.append(line)
    if line.startswith("image_alt"):
        lines.append("image: images/x.jpg")
    found, rejected = messages("\n".join(lines + ["---", "Body", ""]))
    ours = [(number, level, text) for number, level, text in found if "HTML code" in text]
    assert len(ours) == 1 and not rejected
    number, level, text = ours[0]
    assert (number, level) == (key_line, "error")
    if expected:
        assert text == expected


@pytest.mark.parametrize("title", ["Crime down by <5%", "3 < 4 and 5 > 2", "A&E waiting times"])
def test_less_than_signs_in_ordinary_text_are_fine(title):
    text = f'---\ntitle: "{title}"\ndate: 2017-05-24\nsummary: One sentence.\n---\nBody\n'
    assert messages(text) == ([], False)


def test_html_in_a_summary_is_said_to_be_left_out_not_shown():
    text = '---\ntitle: A\ndate: 2017-05-24\nsummary: "Read <b>this</b> now."\n---\nBody\n'
    found, _ = messages(text)
    assert found == [(4, "error", 'the summary "Read <b>this</b> now." contains HTML code (<b>), '
                      "which lists, feeds and search results would leave out. Fix: write the "
                      "summary as plain words, without anything between < and >; for emphasis "
                      "or links, use the text of the page instead")]
