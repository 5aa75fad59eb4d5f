"""Page budgets on the real built site: every page light, readable without scripts,
with nothing fetched from another site."""

import gzip
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

BUDGET_BYTES = 20 * 1024  # HTML + the CSS it links, gzipped
SEARCH_PAGE = "search/index.html"  # the one page that may run a script (search)
OWN_HOSTS = {"", "hertscommissioner.github.io"}


def gzipped(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def pages_of(site):
    pages = site.html_pages()
    assert len(pages) > 10, "the built site has too few pages to check"
    return pages


def soup_of(page):
    return BeautifulSoup(page.read_bytes(), "lxml")


def linked_stylesheets(soup, page, output):
    files = []
    for link in soup.find_all("link", rel="stylesheet"):
        url = urlsplit(link["href"])
        path = url.path
        target = output / path.lstrip("/") if path.startswith("/") else page.parent / path
        assert target.is_file(), f"{page.relative_to(output)} links {link['href']}, not in the site"
        files.append(target)
    return files


def test_every_page_with_its_css_is_under_20_kb_gzipped(built_site):
    output = built_site.output
    too_heavy = []
    for page in pages_of(built_site):
        stylesheets = linked_stylesheets(soup_of(page), page, output)
        assert stylesheets, f"{page.relative_to(output)} links no stylesheet"
        weight = gzipped(page.read_bytes()) + sum(gzipped(css.read_bytes()) for css in stylesheets)
        if weight >= BUDGET_BYTES:
            too_heavy.append(f"/{page.relative_to(output)}: {weight / 1024:.1f} KB")
    assert not too_heavy, "pages over 20 KB gzipped (HTML + CSS):\n" + "\n".join(too_heavy)


def test_no_page_runs_a_script_except_json_ld_and_search(built_site):
    output = built_site.output
    scripts = []
    for page in pages_of(built_site):
        relative = page.relative_to(output).as_posix()
        for script in soup_of(page).find_all("script"):
            if script.get("type") == "application/ld+json":
                continue
            if relative == SEARCH_PAGE:
                continue
            scripts.append(f"/{relative}: {str(script)[:80]}")
    assert not scripts, "scripts where the content must not need one:\n" + "\n".join(scripts)


def test_every_page_has_its_content_in_the_html(built_site):
    output = built_site.output
    empty = []
    for page in pages_of(built_site):
        main = soup_of(page).find("main")
        heading = main.find("h1") if main else None
        words = main.get_text(" ", strip=True).split() if main else []
        if heading is None or not heading.get_text(strip=True) or len(words) < 5:
            empty.append(f"/{page.relative_to(output)}")
    assert not empty, "pages whose <main> has no heading or text without scripts:\n" + \
        "\n".join(empty)


@pytest.mark.parametrize("tag, attribute", [
    ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"),
    ("source", "src"), ("video", "src"), ("audio", "src"),
])
def test_no_page_fetches_anything_from_another_site(built_site, tag, attribute):
    output = built_site.output
    third_party = []
    for page in pages_of(built_site):
        for element in soup_of(page).find_all(tag):
            url = element.get(attribute)
            if not url or (tag == "link" and not {"stylesheet", "icon", "preload", "manifest"}
                           & set(element.get("rel", []))):
                continue  # a <link rel="alternate"> to a feed is a link, not a request
            if urlsplit(url).hostname not in OWN_HOSTS | {None}:
                third_party.append(f"/{page.relative_to(output)}: <{tag} {attribute}={url}>")
    assert not third_party, "requests to other sites:\n" + "\n".join(third_party)
