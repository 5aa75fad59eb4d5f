"""tools/build.py: a failed build leaves output/ byte for byte as it was; a good
build replaces it; `--check-only` checks without touching it."""

import shutil
import os
import subprocess
import sys

from conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "content_checks" / "site"


def good_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content, ignore=shutil.ignore_patterns("*bad*"))
    return content


def run_build(*args):
    completed = subprocess.run([sys.executable, str(REPO / "tools" / "build.py"), *map(str, args)],
                               cwd=REPO, capture_output=True, text=True,
                               env={**os.environ, "COLUMNS": "10000"})
    return completed.returncode, completed.stdout + completed.stderr


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failed_build_leaves_the_previous_output_byte_for_byte(tmp_path):
    content, output = good_content(tmp_path), tmp_path / "output"
    code, log = run_build("--content", content, "--output", output, "--fatal", "errors")
    assert code == 0, log
    assert (output / "news/2017/good-release/index.html").exists()
    before = snapshot(output)

    (content / "news" / "2017-06-01-broken.md").write_text("---\ntitle: [broken\n---\nText\n")
    (content / "news" / "2017-03-02-another-good-release.md").unlink()
    code, log = run_build("--content", content, "--output", output, "--fatal", "errors")

    assert code != 0
    assert '2017-06-01-broken.md:2: error: the title starts with "["' in log
    assert f"{output.resolve()} was left as it was" in log
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


def test_a_good_build_replaces_the_output(tmp_path):
    content, output = good_content(tmp_path), tmp_path / "output"
    output.mkdir()
    (output / "stale.html").write_text("from an old build")
    code, log = run_build("--content", content, "--output", output)
    assert code == 0, log
    assert not (output / "stale.html").exists()
    assert (output / "faq/good-faq/index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


def test_a_preview_build_with_errors_says_so_last_and_names_what_is_missing(tmp_path):
    """make html succeeds with content errors (the rest is previewed), but its last line
    is never a plain "Built": it counts the errors and names the files left out."""
    content, output = good_content(tmp_path), tmp_path / "output"
    (content / "news" / "2017-06-01-broken.md").write_text(
        "---\ntitle: Funds: new\ndate: 2017-06-01\nsummary: S.\n---\nText\n")
    (content / "news" / "2017-06-02-no-alt.md").write_text(
        "---\ntitle: No alt\ndate: 2017-06-02\nsummary: S.\n---\n![](/images/ok.png)\n")
    code, log = run_build("--content", content, "--output", output)
    assert code == 0, log
    lines = log.strip().splitlines()
    broken = (content / "news" / "2017-06-01-broken.md").relative_to(REPO) \
        if (content / "news").is_relative_to(REPO) else content / "news" / "2017-06-01-broken.md"
    assert lines[-2] == f"Not in the site until their errors are fixed: {broken}"
    assert lines[-1] == (f"Built {output.resolve()} with 2 errors (listed above): these files "
                         f"are not in it: {broken}. make publish refuses the site until they "
                         "are fixed.")
    assert "Done: Processed" not in log  # Pelican's counts: the report's summary says more


def test_check_only_reports_errors_and_writes_nothing(tmp_path):
    content, output = good_content(tmp_path), tmp_path / "output"
    code, log = run_build("--check-only", "--content", content, "--output", output)
    assert code == 0, log
    assert "Content checked in" in log
    (content / "pages" / "no-title.md").write_text("---\nsummary: A page.\n---\nText\n")
    code, log = run_build("--check-only", "--content", content, "--output", output)
    assert code != 0
    assert "no-title.md:3: error: the title is missing" in log
    assert not output.exists()
