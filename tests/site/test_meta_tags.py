"""What search engines and social posts read in <head>, checked on the real built site.

Descriptions, canonical URLs, Open Graph and Twitter cards, icons, and the JSON-LD
(NewsArticle, BreadcrumbList) compared with what the page shows. Canonical URLs are
checked in a preview build (they use SITE_PUBLIC_URL) and in a publish build
(publishconf.py, SITEURL from the environment as CI sets it).
"""

import json
import re
import struct
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CONTENT, REPO, build_site

PUBLIC = "https://hertscommissioner.github.io"  # SITE_PUBLIC_URL in pelicanconf.py
PUBLISHED = "https://pcc.example.org"            # SITEURL given to the publish build


def url_path(output, html_file):
    relative = html_file.relative_to(output).as_posix()
    return re.sub(r"(^|/)index\.html$", r"\1", relative)


def soup_of(html_file):
    return BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")


def meta(soup, key):
    """The content of <meta name=key> or <meta property=key>, or None."""
    tag = soup.find("meta", attrs={"name": key}) or soup.find("meta", attrs={"property": key})
    return tag["content"] if tag else None


def json_ld(soup, kind):
    found = [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]
    return [data for data in found if data.get("@type") == kind]


def front_matter(source):
    return yaml.safe_load(source.read_text(encoding="utf-8").split("---", 2)[1])


def is_noindex(soup):
    return "noindex" in (meta(soup, "robots") or "")


@pytest.fixture(scope="module")
def pages(built_site):
    """(URL path, soup) of every built HTML page."""
    return [(url_path(built_site.output, f), soup_of(f)) for f in built_site.html_pages()]


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("published") / "output"
    result = build_site(CONTENT, output, settings="publishconf.py",
                        extra_settings={"SEARCH_INDEX": False}, env={"SITEURL": PUBLISHED})
    assert result.ok, result.log
    return result


# --- description and canonical -------------------------------------------------------

def test_every_page_has_one_useful_description(pages):
    assert len(pages) > 20
    for path, soup in pages:
        descriptions = soup.find_all("meta", attrs={"name": "description"})
        assert len(descriptions) == 1, path
        text = descriptions[0]["content"]
        assert 40 <= len(text) <= 320, (path, text)
        assert "<" not in text and "  " not in text, (path, text)


def test_every_item_is_described_by_its_summary(pages):
    by_heading = {soup.find("h1").get_text(" ", strip=True): soup
                  for path, soup in pages if soup.find("main", attrs={"data-pagefind-body": True})}
    sources = sorted(path for path in CONTENT.glob("*/*.md") if path.parent.name != "images")
    assert len(sources) >= 20  # 14 releases, 1 District Day, 2 FAQ pages, 3 pages
    for source in sources:
        matter = front_matter(source)
        soup = by_heading[matter["title"]]
        expected = " ".join(matter["summary"].split())
        assert meta(soup, "description") == expected, source
        assert meta(soup, "og:description") == expected
        assert meta(soup, "twitter:description") == expected


def canonical_path(path):
    """The page a page names as canonical: itself, but a register table sorted another way
    (transparency/spending/2017-04/by-amount/) names the table (.../2017-04/)."""
    return re.sub(r"^(transparency/.+/)by-[a-z0-9-]+/$", r"\1", path)


def test_every_indexable_page_has_an_absolute_canonical_url_to_itself(pages):
    for path, soup in pages:
        canonicals = soup.find_all("link", rel="canonical")
        if path == "404.html":
            assert canonicals == [] and is_noindex(soup)
            continue
        assert len(canonicals) == 1, path
        assert canonicals[0]["href"] == f"{PUBLIC}/{canonical_path(path)}", path
        assert meta(soup, "og:url") == canonicals[0]["href"]


def test_canonical_urls_use_siteurl_in_a_publish_build(published_site):
    checked = 0
    for html_file in published_site.html_pages():
        path = url_path(published_site.output, html_file)
        soup = soup_of(html_file)
        if path == "404.html":
            continue
        assert soup.find("link", rel="canonical")["href"] == f"{PUBLISHED}/{canonical_path(path)}"
        checked += 1
    assert checked > 20


def test_not_found_page_links_from_the_site_root_in_a_publish_build(published_site):
    soup = soup_of(published_site.output / "404.html")
    links = [a["href"] for a in soup.select("main a[href]") if not a["href"].startswith("tel:")]
    assert links and all(link.startswith(PUBLISHED + "/") for link in links), links
    assert soup.select_one("main form[role=search]")["action"] == f"{PUBLISHED}/search/"
    assert soup.find("link", rel="stylesheet")["href"].startswith(PUBLISHED + "/")


def test_not_found_page_offers_search_and_the_main_sections(built_site):
    soup = soup_of(built_site.output / "404.html")
    main = soup.find("main")
    assert main.find("form", attrs={"role": "search"})
    links = {a.get_text(strip=True): a["href"] for a in main.find_all("a")}
    for href in ("/", "/news/", "/district-days/", "/faq/", "/contact/", "/topics/"):
        assert href in links.values(), href
        assert (built_site.output / href.lstrip("/") / "index.html").exists(), href
    # Two search forms on the page: distinct ids and landmark names.
    forms = soup.find_all("form", attrs={"role": "search"})
    assert len({form["aria-label"] for form in forms}) == len(forms) == 2
    assert len({form.find("input")["id"] for form in forms}) == 2


# --- Open Graph and Twitter cards -------------------------------------------------------

def test_every_page_has_sharing_tags(pages):
    for path, soup in pages:
        title = soup.find("title").get_text()
        for key in ("og:title", "og:description", "og:url", "og:type", "og:site_name",
                    "twitter:card", "twitter:title", "twitter:description"):
            assert meta(soup, key), (path, key)
        assert title.startswith(meta(soup, "og:title")), (path, title)
        assert meta(soup, "twitter:title") == meta(soup, "og:title")


def test_an_item_with_a_photo_shares_its_1200_by_630_card_with_its_alt_text(built_site):
    source = CONTENT / "news" / "2017-05-17-rainbow-flag-idahobit.md"
    matter = front_matter(source)
    soup = soup_of(built_site.output / "news/2017/rainbow-flag-idahobit/index.html")
    card = meta(soup, "og:image")
    stem = matter["image"].rsplit(".", 1)[0]  # images/2017/rainbow-flag-office
    assert re.fullmatch(rf"{re.escape(PUBLIC)}/{stem}-[0-9a-f]{{8}}-card\.jpg", card), card
    assert meta(soup, "twitter:image") == card
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "og:image:alt") == meta(soup, "twitter:image:alt") == matter["image_alt"]
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert (built_site.output / card.removeprefix(PUBLIC + "/")).is_file()
    assert not (built_site.output / matter["image"]).exists()  # never the original
    assert soup.find("img", alt=matter["image_alt"])  # the photo is shown, with that alt text


def test_an_item_without_an_image_shares_none(built_site):
    without = [source for source in sorted(CONTENT.glob("news/*.md"))
               if "image" not in front_matter(source)]
    assert without, "every release has an image: keep one without, to test this"
    slug = without[0].stem[len("2017-05-17-"):]
    soup = soup_of(built_site.output / f"news/{without[0].stem[:4]}/{slug}/index.html")
    assert meta(soup, "og:image") is None and meta(soup, "og:image:alt") is None
    assert meta(soup, "twitter:card") == "summary"
    assert meta(soup, "og:type") == "article"


# --- JSON-LD ----------------------------------------------------------------------------

def news_and_district_days(pages):  # and decisions: every dated item
    return [(path, soup) for path, soup in pages
            if re.fullmatch(r"(news|district-days|decisions)/\d{4}/[^/]+/", path)]


def test_every_press_release_district_day_and_decision_is_a_news_article_matching_the_page(
        pages, built_site):
    items = news_and_district_days(pages)
    assert len(items) == 19  # 14 press releases, 1 District Day report, 4 decisions
    for path, soup in items:
        [article] = json_ld(soup, "NewsArticle")
        assert article["@context"] == "https://schema.org"
        assert article["headline"] == soup.find("h1").get_text(" ", strip=True), path
        assert article["description"] == meta(soup, "description")
        assert article["url"] == article["mainEntityOfPage"] == f"{PUBLIC}/{path}"
        shown_date = soup.select_one(".pcc-article__meta time")["datetime"]
        assert article["datePublished"].startswith(shown_date + "T"), path
        assert re.search(r"\+0[01]:00$", article["datePublished"]), "Europe/London offset"
        assert article["dateModified"] >= article["datePublished"]
        assert article["articleSection"] == soup.select(".pcc-breadcrumbs__link")[-1].get_text(strip=True)
        shown_topics = [a.get_text(strip=True) for a in soup.select(".pcc-topics a")]
        assert article.get("keywords", []) == shown_topics, path
        logo = article["publisher"]["logo"]["url"]
        assert logo.startswith(PUBLIC + "/")
        assert (built_site.output / logo[len(PUBLIC) + 1:]).exists()
        assert ("image" in article) == bool(meta(soup, "og:image"))
        if "image" in article:
            assert article["image"]["url"] == meta(soup, "og:image")
            assert article["image"]["description"] == meta(soup, "og:image:alt")


def test_district_day_article_names_its_district(built_site):
    soup = soup_of(built_site.output / "district-days/2017/dacorum/index.html")
    [article] = json_ld(soup, "NewsArticle")
    assert article["contentLocation"] == [{"@type": "Place", "name": "Dacorum, Hertfordshire"}]
    assert article["articleSection"] == "District Days"


def test_other_pages_are_not_news_articles(pages):
    for path, soup in pages:
        if not re.fullmatch(r"(news|district-days|decisions)/\d{4}/[^/]+/", path):
            assert json_ld(soup, "NewsArticle") == [], path


def test_breadcrumb_list_matches_the_visible_breadcrumbs_on_every_page(pages):
    with_breadcrumbs = 0
    for path, soup in pages:
        visible = [(a.get_text(" ", strip=True), urljoin(f"{PUBLIC}/{path}", a["href"]))
                   for a in soup.select("nav[aria-label=Breadcrumb] a")]
        lists = json_ld(soup, "BreadcrumbList")
        if not visible:
            assert lists == [], path
            continue
        with_breadcrumbs += 1
        [breadcrumbs] = lists
        items = breadcrumbs["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert [(item["name"], item["item"]) for item in items[:-1]] == visible, path
        assert items[-1]["item"] == soup.find("link", rel="canonical")["href"]
        assert items[-1]["name"] == meta(soup, "og:title")
        assert soup.find("title").get_text().startswith(items[-1]["name"])
    assert with_breadcrumbs > 20


def test_every_json_ld_block_parses(pages):
    for path, soup in pages:
        for script in soup.find_all("script", type="application/ld+json"):
            data = json.loads(script.string)
            assert data["@context"] == "https://schema.org", path


# --- icons ------------------------------------------------------------------------------

def test_every_page_links_the_site_icons(pages, built_site):
    for path, soup in pages:
        icon = soup.find("link", rel="icon")
        touch = soup.find("link", rel="apple-touch-icon")
        assert icon["type"] == "image/svg+xml" and touch, path
        assert (built_site.output / icon["href"].lstrip("/")).exists()
        assert (built_site.output / touch["href"].lstrip("/")).exists()


def test_touch_icon_is_a_180_pixel_png_and_the_favicon_an_svg():
    png = (REPO / "theme/static/images/apple-touch-icon.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (180, 180)
    svg = (REPO / "theme/static/images/icon.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "<title>" in svg
