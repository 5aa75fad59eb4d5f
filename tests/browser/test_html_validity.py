"""The Nu HTML Checker (the W3C validator, npm `vnu-jar`) over every built page: zero errors.

One JVM checks every page and the stylesheet at once. `--exit-zero-always` because the
checker's exit status says nothing useful about how many errors there were: we count
the messages of type "error" (and "non-document-error": a file it could not read).
"""

import json
import re
import subprocess
from pathlib import Path

FAILING_TYPES = {"error", "non-document-error"}


def nu_check(vnu_command, files):
    completed = subprocess.run(
        vnu_command + ["--format", "json", "--exit-zero-always", "--also-check-css"]
        + [str(f) for f in files],
        capture_output=True, text=True, timeout=600,
    )
    # The checker writes its report on stderr; anything else there (a Java crash) is not JSON.
    try:
        return json.loads(completed.stderr)["messages"]
    except json.JSONDecodeError:
        raise AssertionError(f"The Nu HTML Checker did not report:\n{completed.stderr}{completed.stdout}")


def describe(message, output):
    where = message.get("url", "").removeprefix("file:")
    where = Path(where).relative_to(output) if where.startswith(str(output)) else where
    line = message.get("lastLine", "?")
    extract = message.get("extract", "").replace("\n", " ")
    return f"{where}:{line}: {message['message']}\n    {extract}"


def test_nu_checker_finds_no_errors_on_any_page(built_site, vnu_command):
    pages = built_site.html_pages()
    stylesheets = sorted(built_site.output.rglob("*.css"))
    assert pages and stylesheets, f"nothing to check in {built_site.output}"
    messages = nu_check(vnu_command, pages + stylesheets)
    errors = [describe(m, built_site.output) for m in messages if m["type"] in FAILING_TYPES]
    assert not errors, (f"The Nu HTML Checker found {len(errors)} errors in "
                        f"{len(pages)} pages:\n" + "\n".join(errors))


def test_nu_checker_reports_an_error_it_is_shown(tmp_path, vnu_command):
    """The check can fail: a broken page gives errors that name the file and line."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html>\n<html lang="en-GB"><head><title>x</title></head>\n'
                      '<body><main><img src="x.png"></main></body></html>\n')
    messages = nu_check(vnu_command, [broken])
    errors = [describe(m, tmp_path) for m in messages if m["type"] in FAILING_TYPES]
    assert len(errors) == 1, errors
    assert re.match(r"broken\.html:\d+: An “img” element must have an “alt” attribute", errors[0])
    assert '<img src="x.png">' in errors[0]
