"""Plain English on the real site: our own content has no warning left (each one was
fixed, or accepted on its line where the text is right as it is); the accept comments
are not in any page; `make style-report` lists every page, hardest first, with the
median."""

import re
import subprocess
import sys

from conftest import CONTENT, REPO


def test_our_content_has_no_plain_english_warning_left(built_site):
    style = re.findall(r"^.*: warning: .*\(or, to keep it, end the line with .*$",
                       built_site.log, re.MULTILINE)
    assert style == []


def test_accepted_warnings_are_few_and_named(built_site):
    accepted = [(path.relative_to(CONTENT).as_posix(), line)
                for path in CONTENT.rglob("*.md")
                for line in path.read_text(encoding="utf-8").splitlines()
                if "style: accept" in line]
    assert len(accepted) <= 6, accepted  # a fix is the rule, keeping the text the exception
    assert all(re.search(r"style: accept [a-z-]+", line) for _, line in accepted), accepted


def test_no_page_carries_an_accept_comment(built_site):
    assert not [page for page in built_site.html_pages()
                if "style: accept" in page.read_text(encoding="utf-8")]


def test_the_style_report_lists_every_page_hardest_first_with_the_median():
    completed = subprocess.run(
        [sys.executable, str(REPO / "tools" / "style_report.py"), "--content", str(CONTENT)],
        capture_output=True, text=True, check=True)
    rows = re.findall(r"^\s*(\d+\.\d)\s+(\d+)\s+(\d+)\s+(\S+\.md)", completed.stdout, re.MULTILINE)
    pages = {path.relative_to(CONTENT).as_posix() for folder in ("news", "district-days", "decisions",
                                                                  "faq", "pages")
             for path in (CONTENT / folder).glob("*.md")}
    assert {row[3] for row in rows} == pages
    ages = [float(row[0]) for row in rows]
    assert ages == sorted(ages, reverse=True)
    assert all(int(row[2]) == 0 for row in rows)  # no warnings (accepted ones are not counted)
    assert re.search(r"Median reading age: \d+\.\d; 0 of \d+ pages above 14; "
                     r"0 plain-English warnings in all\.", completed.stdout)
