"""What a press officer sees: `make check` on a file with many mistakes prints every one
as a single plain line with its own line number, a summary, and no traceback."""

import re
import shutil
import subprocess
import sys

import pytest
from conftest import CONTENT, REPO, without_late_duties

BAD_RELEASE = """---
title: Commissioner visits Watford
date: 2017-06-01
summary: A release with many mistakes at once.
tags: [Victims, victims]
districts: [Dacorm]
colour: blue
---
Call Beacon on 03000 11 55 56 today.

<iframe src="https://example.org"></iframe>
<form action="/x"><input name=a></form>
<svg><script>alert(1)</script></svg>
<img src="x.png" alt="A picture" onerror="alert(1)">

[broken](/news/2099/nothing/)

![](/images/nowhere.jpg)

See [the flag]({filename}/images/2017/rainbow-flag.svg).
"""
NAME = "news/2017-06-01-many-mistakes.md"
LINE = re.compile(r"^(?P<path>\S+?):(?P<line>\d+): (?P<level>error|warning): (?P<what>.+?)\. Fix: (?P<fix>.+)$")
# (line, level, words in the message) of every problem in BAD_RELEASE, each its own line.
EXPECTED = [
    (5, "warning", 'the tag "victims"'),
    (6, "error", '"Dacorm" in districts'),
    (7, "error", '"colour"'),
    (9, "warning", '"03000 11 55 56"'),
    (11, "error", "<iframe>"),
    (12, "error", "<form>"),
    (13, "error", "<script>"),
    (14, "error", "onerror"),
    (16, "error", "/news/2099/nothing/"),
    (18, "error", 'the image "/images/nowhere.jpg" has no alt text'),
    (20, "warning", "starts with {filename}, which is for pages"),  # Pelican's warning, ours now
]


@pytest.fixture(scope="module")
def site_with_mistakes(tmp_path_factory):
    content = tmp_path_factory.mktemp("check") / "content"
    shutil.copytree(CONTENT, content)
    without_late_duties(content)
    (content / NAME).write_text(BAD_RELEASE, encoding="utf-8")
    return content


def check(content, env=None):
    return subprocess.run(
        [sys.executable, "tools/build.py", "--check-only", "--content", str(content)],
        cwd=REPO, capture_output=True, text=True, env=env,
    )


def test_every_mistake_is_one_plain_line_with_its_own_line_number(site_with_mistakes):
    completed = check(site_with_mistakes)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 1, output
    assert "Traceback" not in output and "RuntimeError" not in output, output
    # Pelican's own warning about the empty alt is silenced: ours says it, with the line.
    assert "Empty alt attribute" not in output and "WARNING" not in output, output
    found = [LINE.match(line) for line in output.splitlines()]
    ours = [(int(m["line"]), m["level"], m["what"]) for m in found if m and m["path"].endswith(NAME)]
    for line, level, words in EXPECTED:
        assert any(l == line and v == level and words in what for l, v, what in ours), (
            f"no {level} on line {line} about {words}:\n{output}")
    assert len({line for line, _, _ in ours}) >= len({line for line, _, _ in EXPECTED})
    # No wrapping: every line that mentions the file is a whole message.
    for line in output.splitlines():
        if NAME in line:
            assert LINE.match(line), f"not a whole message line: {line!r}"
    errors = sum(1 for _, level, _ in ours if level == "error")
    warnings = sum(1 for _, level, _ in ours if level == "warning")
    assert f"{errors} errors, {warnings} warnings in 1 file" in output


def test_under_github_actions_each_mistake_is_also_an_annotation_on_its_line(site_with_mistakes):
    import os
    completed = check(site_with_mistakes, env={**os.environ, "GITHUB_ACTIONS": "true"})
    annotations = [line for line in completed.stdout.splitlines() if line.startswith("::")]
    assert any(line.startswith("::error file=") and NAME in line and ",line=12," in line
               and "<form>" in line for line in annotations), completed.stdout
    assert any(line.startswith("::warning file=") and ",line=5," in line for line in annotations)


def test_the_real_content_checks_clean_but_for_one_late_duty():
    # The site holds the 2017-18 police precept (a decision says it meets 3(b) 2017-18);
    # every later year's is missing, and the build says so, as a warning, from the day
    # after it was due. Nothing else is wrong.
    completed = check(CONTENT)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    messages = [line for line in output.splitlines() if LINE.match(line)]
    assert len(messages) == 1, output
    assert messages[0].startswith(
        'content/data/transparency.yml:146: warning: 3(b) "The police precept" for 2018 to 2019 '
        "has been overdue since 1 April 2018 (it was due by 31 March 2018); ")
    assert "0 errors, 1 warning in 1 file" in output


def test_the_real_content_less_its_late_duty_checks_clean(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    without_late_duties(content)
    completed = check(content)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "No content problems found." in output
