"""The browser tier: the real built site, served on 127.0.0.1, in Debian's Chromium.

One build (the `built_site` fixture of tests/conftest.py), one HTTP server and one
browser for the whole session; one page per viewport, reused from page to page, so
that checking every page of the site at two widths stays quick.

A missing tool is a failure that says how to install it, never a skip: a browser
tier that quietly skips proves nothing.
"""

import shutil
from pathlib import Path

import pytest

from conftest import public_pages
from local_chromium import CHROMIUM, CHROMIUM_ARGS, serve

REPO = Path(__file__).resolve().parents[2]
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "Run `make browser-deps` (tools/install-browser-deps.sh) to install it"

# One page of each type in the URL table of docs/ARCHITECTURE.md, for the checks too slow for every page.
PAGE_TYPES = {
    "home": "/", "news list": "/news/", "press release": r"/news/\d{4}/[^/]+/",
    "District Day": r"/district-days/\d{4}/[^/]+/", "districts": "/districts/",
    "district": r"/districts/[^/]+/", "FAQ index": "/faq/", "FAQ": r"/faq/[^/]+/",
    "contact": "/contact/", "topics": "/topics/", "topic": r"/topics/[^/]+/",
    "search": "/search/", "404": "/404.html", "about": "/about/",
}

WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}


def page_path(output, html_file):
    """The URL path a reader uses for a built file: `news/index.html` -> `/news/`."""
    relative = html_file.relative_to(output).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


class ServedSite:
    def __init__(self, output, base_url):
        self.output = output
        self.base_url = base_url
        # Discovered from the output, never listed by hand: a new page is checked too.
        self.paths = [page_path(output, f) for f in public_pages(output)]

    def url(self, path):
        return self.base_url + path

    def first(self, pattern):
        """The first built page whose path matches the regular expression, or None."""
        import re

        return next((p for p in self.paths if re.fullmatch(pattern, p)), None)

    def of_type(self, page_type):
        """A built page of one of PAGE_TYPES; fails when the site has none."""
        path = self.first(PAGE_TYPES[page_type])
        if path is None:
            pytest.fail(f"The built site has no {page_type} page "
                        f"(a path like {PAGE_TYPES[page_type]}): {self.paths}", pytrace=False)
        return path


@pytest.fixture(scope="session")
def site(built_site):
    """The real built site, served over HTTP on a free port of 127.0.0.1."""
    with serve(built_site.output) as base_url:
        yield ServedSite(built_site.output, base_url)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}. {INSTALL_HINT} "
                    "(it runs `apt-get install chromium`).", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture(scope="session")
def wide_page(browser):
    """One 1280 px page, reused by every test that only reads pages."""
    context, page = _page(browser, WIDE)
    yield page
    context.close()


@pytest.fixture(scope="session")
def narrow_page(browser):
    """One 320 px page (WCAG 1.4.10 reflow width), reused likewise."""
    context, page = _page(browser, NARROW)
    yield page
    context.close()


@pytest.fixture
def fresh_page(browser):
    """A page of its own, for tests that change focus, media or styles."""
    def make(width=1280, **options):
        context, page = _page(browser, NARROW if width == 320 else {**WIDE, "width": width},
                              **options)
        contexts.append(context)
        return page

    contexts = []
    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def vnu_command():
    """The Nu HTML Checker's command line, or a failure saying how to install it."""
    if not VNU_JAR.exists():
        pytest.fail(f"The Nu HTML Checker is missing: {VNU_JAR.relative_to(REPO)} not found. "
                    f"{INSTALL_HINT} (it runs `npm ci`, which installs the vnu-jar "
                    "package pinned in package-lock.json).", pytrace=False)
    java = shutil.which("java")
    if not java:
        pytest.fail(f"Java is missing: the Nu HTML Checker needs it. {INSTALL_HINT} "
                    "(it runs `apt-get install default-jre-headless`).", pytrace=False)
    return [java, "-jar", str(VNU_JAR)]
