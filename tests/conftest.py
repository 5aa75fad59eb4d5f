"""Shared test helpers: one `build_site()` for every tier, everything in tmp_path.

Pelican's signals are global to a process, so every build runs in a subprocess:
a plugin connected in one build can never leak into the next.
"""

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


# One photo cache for every build of a test run, outside the repository (plugins/photos
# would use cache/photos in it); a test that needs an empty cache passes its own.
PHOTO_CACHE = tempfile.mkdtemp(prefix="pcc-test-photo-cache-")
atexit.register(shutil.rmtree, PHOTO_CACHE, ignore_errors=True)

EDITOR_FOLDER = "admin"  # pelicanconf's EDITOR_FOLDER (plugins/editor)


def public_pages(output):
    return sorted(path for path in Path(output).rglob("*.html")
                  if path.relative_to(output).parts[0] != EDITOR_FOLDER)


class BuildResult:
    def __init__(self, output, returncode, log):
        self.output = Path(output)
        self.returncode = returncode
        self.log = log

    @property
    def ok(self):
        return self.returncode == 0

    def html_pages(self):
        """The site's pages: every .html file but the web editor's, which is Decap CMS's
        application, not a page for readers (tests/site/test_editor_config.py and
        tests/browser/test_editor*.py test it)."""
        return public_pages(self.output)

    def read(self, relative):
        return (self.output / relative).read_text(encoding="utf-8")


def build_site(content_dir, output_dir, settings="pelicanconf.py", extra_settings=None,
               fatal=None, env=None, options=()):
    """Build `content_dir` into `output_dir` with the project's settings and theme.

    `extra_settings` (a dict) is passed as Pelican `-e` overrides (JSON values).
    `fatal` is None, "warnings" or "errors": the build then exits with status 1 after
    reporting every problem, as `make publish` does (site_core's SITE_CORE_FAIL_ON).
    `options`: more of Pelican's command-line options (["-v"] for its INFO lines).
    Returns a BuildResult with the log.
    """
    command = [
        sys.executable, "-m", "pelican", str(content_dir),
        "-o", str(output_dir), "-s", str(REPO / settings),
        "--ignore-cache", *options,
    ]
    extra_settings = {"PHOTOS_CACHE": PHOTO_CACHE, **(extra_settings or {})}
    if fatal:
        extra_settings["SITE_CORE_FAIL_ON"] = fatal
    if extra_settings:
        command += ["-e"] + [f"{key}={json.dumps(value)}" for key, value in extra_settings.items()]
    completed = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True,
        env={**os.environ, "COLUMNS": "1000", **(env or {})},
    )
    return BuildResult(output_dir, completed.returncode, completed.stdout + completed.stderr)


def give_lead_photo(release, image, alt):
    """Make `image` (a path from content/) the lead photo of the release file `release`,
    in place of any it had."""
    lines = release.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(("image:", "image_alt:"))]
    kept.insert(kept.index("---\n", 1), f"image: {image}\nimage_alt: {alt}\n")
    release.write_text("".join(kept), encoding="utf-8")


# One message of a build's report: "<file>:<line>: error: <what>. Fix: <what to do>"
# (a path may hold a space; a message about a folder has no line).
REPORT_LINE = re.compile(r"^(.+?): (error|warning): (.*?\. Fix: .*?)\s*$")
WIDE_LOG = {"COLUMNS": "2000"}  # a build's environment: one message a line, however long


def report_messages(log, content=None):
    """(level, "<file>:<line>: <what>. Fix: ...") of every message in a build's report,
    sorted; with `content`, the paths inside it are shown relative to it."""
    found = []
    for line in log.splitlines():
        match = REPORT_LINE.search(line)
        if match:
            text = f"{match.group(1)}: {match.group(3)}"
            found.append((match.group(2), text.replace(f"{content}/", "") if content else text))
    return sorted(found)


def fixture_content(fixtures, tmp_path, *parts):
    """tmp_path/content made of the fixture folders `parts` of `fixtures`, in order."""
    content = tmp_path / "content"
    for part in parts:
        shutil.copytree(fixtures / part, content, dirs_exist_ok=True)
    return content


def make_pdf(path, pages=3, tagged=True, password=None):
    """A small PDF of blank pages at `path`: tagged for screen readers (/MarkInfo /Marked)
    or not, locked with a password or not."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if tagged:
        writer._root_object[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)})
    if password:
        writer.encrypt(password)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def without_late_duties(content):
    """The copy of the real content less the one page that says it meets a transparency
    duty (the 2017-18 precept), whose later years are overdue today: only the mistakes a
    test makes are then reported."""
    precept = content / "decisions" / "2017-02-03-police-precept-2017-18.md"
    text = precept.read_text(encoding="utf-8")
    precept.write_text(text.replace("meets:\n  - 3(b) 2017-18\n", ""), encoding="utf-8")
    assert "meets:" not in precept.read_text(encoding="utf-8")


def copy_content(tmp_path, names=None):
    """A copy of the real content/ (or only `names` inside it) to change in a test."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """One build of the real content/, shared by every site test."""
    output = tmp_path_factory.mktemp("site") / "output"
    result = build_site(CONTENT, output)
    assert result.ok, f"The real content did not build:\n{result.log}"
    return result
