"""The pre-election notice in Chromium. The other browser tests build the real content with
the default settings, where no period is set; this one builds it with a period that
includes the build's "now", so the notice is on every page, and checks the home page
with axe at 1280 and 320 px, the Nu HTML Checker, and a 320 px screenshot for a person
to look at (/tmp/pre-election-320.png)."""

import json
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import CONTENT, build_site
from local_chromium import serve

# As tests/browser/test_a11y_axe.py runs axe: every WCAG A and AA rule and best practices.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice",
    ]},
    "resultTypes": ["violations"],
}
SCREENSHOT = "/tmp/pre-election-320.png"
NOTICE = "aside.pcc-pre-election"
NOTICE_WORDS = "Pre-election period:"


@pytest.fixture(scope="module")
def during(tmp_path_factory):
    result = build_site(CONTENT, tmp_path_factory.mktemp("pre-election") / "out", fatal="errors",
                        extra_settings={"SITE_NOW": "2028-04-01T09:00",
                                        "PRE_ELECTION_PERIOD": ["2028-03-23", "2028-05-04"]})
    assert result.ok, result.log
    return result


@pytest.fixture(scope="module")
def base_url(during):
    with serve(during.output) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_the_home_page_with_the_notice_has_no_axe_violations(base_url, fresh_page, width):
    page = fresh_page(width)
    page.goto(base_url + "/")
    notice = page.locator(NOTICE)
    assert notice.is_visible()
    # A named landmark: screen readers list it as "Pre-election period:".
    assert page.get_by_role("complementary", name="Pre-election period:").count() == 1
    assert "until the election on 4 May 2028" in notice.inner_text()
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    sideways = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert sideways <= 0, f"the page scrolls sideways by {sideways} px at {width} px"
    if width == 320:
        page.screenshot(path=SCREENSHOT, full_page=False)


def test_the_pages_with_the_notice_pass_the_nu_checker(during, vnu_command):
    pages = [during.output / "index.html", during.output / "404.html",
             during.output / "news" / "index.html"]
    assert all(NOTICE_WORDS in page.read_text(encoding="utf-8") for page in pages)
    completed = subprocess.run(vnu_command + ["--format", "json", "--exit-zero-always"]
                               + [str(page) for page in pages],
                               capture_output=True, text=True, timeout=300)
    messages = json.loads(completed.stderr)["messages"]  # the checker reports on stderr
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m["type"] in ("error", "non-document-error")]
    assert not errors, "\n".join(errors)
