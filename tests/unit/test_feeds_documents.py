"""The feed documents: what complete_feed() adds to a feed as Pelican builds it."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import feedparser
import pytest
from feedgenerator import Atom1Feed, Rss201rev2Feed
from lxml import etree

from feeds import feeds
from site_core import Report

LONDON = ZoneInfo("Europe/London")
SETTINGS = {
    "SITENAME": "Example PCC",
    "SITEURL": "",
    "FEED_DOMAIN": "https://example.org",
    "AUTHOR": "Office of the Example PCC",
    "DEFAULT_LANG": "en-GB",
    "SECTION_TITLES": {"news": "News"},
    "FEEDS_ID_AUTHORITY": "example.org",
    "FEEDS_ID_DATE": "2013",
}


def pelican_feed(feed_class, title="Example PCC - news", items=1):
    """A feed as Pelican's Writer builds it in a local build (SITEURL "")."""
    feed = feed_class(title=title, link="/", feed_url="https://example.org/feeds/news.atom.xml",
                      description="", subtitle=None)
    for number in range(items):
        feed.add_item(
            title=f"Item {number}", link=f"/news/2017/item-{number}/",
            unique_id=f"tag:None,2017-05-2{number}:/news/2017/item-{number}/",
            description='<p>See <a href="/contact/">contacts</a>.</p>',
            content='<p><img alt="Flag" src="/images/flag.svg"> <a href="photo.jpg">photo</a></p>',
            categories=["news", "Victims"], author_name="",
            pubdate=datetime.datetime(2017, 5, 20 + number, tzinfo=LONDON),
        )
    return feed


def written(feed):
    return feed.writeString("utf-8")


def test_atom_feed_is_complete_and_points_to_its_stylesheet():
    feed = feeds.complete_feed(pelican_feed(Atom1Feed), SETTINGS)
    xml = written(feed)
    assert xml.startswith('<?xml version="1.0" encoding="utf-8"?>\n'
                          '<?xml-stylesheet href="/theme/feed.xsl" type="text/xsl"?><feed')
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0
    assert parsed.feed.title == "Example PCC - News"
    assert parsed.feed.subtitle == "News, from the Example PCC website, newest first."
    assert parsed.feed.link == "https://example.org/"
    assert parsed.feed.id == "tag:example.org,2013:feeds/news.atom.xml"
    assert parsed.feed.icon == "https://example.org/theme/images/icon.svg"
    assert parsed.feed.author == "Office of the Example PCC"
    entry = parsed.entries[0]
    assert entry.id == "tag:example.org,2013:news/2017/item-0"
    assert entry.link == "https://example.org/news/2017/item-0/"
    assert entry.author == "Office of the Example PCC"
    assert entry.published == "2017-05-20T00:00:00+01:00"
    assert entry.summary == "<p>See contacts.</p>"  # a summary is text (front matter)
    atom = "{http://www.w3.org/2005/Atom}"
    content = etree.fromstring(xml.encode()).findtext(f"{atom}entry/{atom}content")
    assert content == (
        '<p><img alt="Flag" src="https://example.org/images/flag.svg"> '
        '<a href="https://example.org/news/2017/item-0/photo.jpg">photo</a></p>')
    assert [tag.term for tag in entry.tags] == ["News", "Victims"]


def test_rss_guid_is_the_tag_uri_and_says_it_is_not_a_permalink():
    feed = feeds.complete_feed(pelican_feed(Rss201rev2Feed, items=2), SETTINGS)
    root = etree.fromstring(written(feed).encode())
    guids = root.findall("channel/item/guid")
    assert [(g.text, g.get("isPermaLink")) for g in guids] == [
        ("tag:example.org,2013:news/2017/item-0", "false"),
        ("tag:example.org,2013:news/2017/item-1", "false"),
    ]
    assert root.findtext("channel/link") == "https://example.org/"
    assert root.findtext("channel/item/pubDate") == "Sat, 20 May 2017 00:00:00 +0100"


def test_ids_do_not_depend_on_the_host_the_site_is_built_for():
    local = feeds.complete_feed(pelican_feed(Atom1Feed), SETTINGS)
    published_settings = {**SETTINGS, "SITEURL": "https://pcc.example.net",
                          "FEED_DOMAIN": "https://pcc.example.net"}
    published = pelican_feed(Atom1Feed)
    published.items[0]["link"] = "https://pcc.example.net/news/2017/item-0/"
    feeds.complete_feed(published, published_settings)
    assert local.items[0]["unique_id"] == published.items[0]["unique_id"]
    assert published.items[0]["link"] == "https://pcc.example.net/news/2017/item-0/"


def test_a_site_in_a_folder_keeps_its_folder_in_the_stylesheet_address_but_not_in_ids():
    settings = {**SETTINGS, "SITEURL": "https://example.org/pcc", "FEED_DOMAIN": "https://example.org/pcc"}
    feed = pelican_feed(Atom1Feed)
    feed.items[0]["link"] = "https://example.org/pcc/news/2017/item-0/"
    feeds.complete_feed(feed, settings)
    assert '<?xml-stylesheet href="/pcc/theme/feed.xsl"' in written(feed)
    assert feed.items[0]["unique_id"] == "tag:example.org,2013:news/2017/item-0"


def test_an_empty_feed_is_dated_by_the_newest_item_not_the_build_time():
    newest = datetime.datetime(2017, 5, 24, tzinfo=LONDON)
    feed = feeds.complete_feed(pelican_feed(Atom1Feed, items=0), SETTINGS, newest_date=newest)
    assert feedparser.parse(written(feed)).feed.updated == "2017-05-24T00:00:00+01:00"


def test_without_an_id_authority_the_feed_host_is_used_and_a_warning_says_so(caplog):
    settings = {k: v for k, v in SETTINGS.items() if not k.startswith("FEEDS_ID")}
    feed = feeds.complete_feed(pelican_feed(Atom1Feed), settings)
    assert feed.items[0]["unique_id"] == "tag:example.org,2000:news/2017/item-0"
    feeds.warn_without_id_authority(settings)
    assert "FEEDS_ID_AUTHORITY is not set, so feed entry ids use the host 'example.org'" in caplog.text


def test_an_item_indexed_this_build_keeps_the_id_of_its_first_address():
    entries = {"news/2017/item-0": feeds.Entry("tag:example.org,2013:news/2017/first", "x.md")}
    feed = feeds.complete_feed(pelican_feed(Atom1Feed), SETTINGS, entries)
    assert feed.items[0]["unique_id"] == "tag:example.org,2013:news/2017/first"


def test_a_raster_icon_is_also_the_rss_channel_image():
    settings = {**SETTINGS, "FEEDS_ICON": "theme/images/icon.png"}
    root = etree.fromstring(written(feeds.complete_feed(pelican_feed(Rss201rev2Feed), settings)).encode())
    assert root.findtext("channel/image/url") == "https://example.org/theme/images/icon.png"
    assert root.findtext("channel/image/link") == "https://example.org/"
    svg = etree.fromstring(written(feeds.complete_feed(pelican_feed(Rss201rev2Feed), SETTINGS)).encode())
    assert svg.find("channel/image") is None  # RSS 2.0 allows no SVG image


def fake_article(source, url, redirect_from=None):
    metadata = {"redirect_from": redirect_from} if redirect_from else {}
    return SimpleNamespace(source_path=source, url=url, metadata=metadata)


def test_two_items_that_would_share_an_id_are_a_content_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the other file is named as a build names it: from the project
    reported = Report()
    monkeypatch.setattr(feeds, "report", reported.add)
    renamed = tmp_path / "2017-05-02-new-name.md"
    renamed.write_text("---\ntitle: New\nredirect_from: /news/2017/old-name/\n---\nText\n")
    entries = feeds.index_entries([
        fake_article(str(tmp_path / "2017-05-01-old-name.md"), "news/2017/old-name/"),
        fake_article(str(renamed), "news/2017/new-name/", ["/news/2017/old-name/"]),
    ], SETTINGS)
    assert entries["news/2017/new-name"].id == "tag:example.org,2013:news/2017/old-name"
    [message] = reported.messages()
    assert message.line == 3
    assert str(message).endswith(
        ':3: error: feed id "tag:example.org,2013:news/2017/old-name" is also the id of '
        '2017-05-01-old-name.md, so feed readers would treat the two items as one. '
        "Fix: list in redirect_from only addresses this item itself had before; "
        "two items must never share an address")


@pytest.mark.parametrize("title, expected", [
    ("Example PCC - news", ("Example PCC - News", "News")),
    ("Example PCC - Victims", ("Example PCC - Victims", "Victims")),
    ("Example PCC", ("Example PCC", None)),
])
def test_section_feeds_are_titled_with_the_section_words(title, expected):
    assert feeds.feed_title(title, SETTINGS) == expected
