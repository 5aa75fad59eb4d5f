"""Contract tests: what pelican_compat's "feedgenerator" section assumes of Pelican's
Writer and of feedgenerator 2.2.1. A failure after an upgrade says which assumption no
longer holds; mend pelican_compat.py (and maybe drop a class) before changing its pins."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from feedgenerator import Atom1Feed, Rss201rev2Feed, RssUserland091Feed, Stylesheet
from pelican import signals
from pelican.writers import Writer

from site_core.pelican_compat import SiteAtomFeed, SiteRssFeed, write_feed_extras

LONDON = ZoneInfo("Europe/London")
XSL = Stylesheet("/theme/feed.xsl", mimetype="text/xsl", media=None)
NEWEST = datetime.datetime(2017, 5, 24, tzinfo=LONDON)


def make_feed(feed_class, items=2):
    feed = feed_class(title="Site - news", link="https://example.org/",
                      feed_url="https://example.org/feeds/news.xml", description="About",
                      subtitle="About", language="en-gb", author_name="Office")
    for number in range(items):
        feed.add_item(
            title=f"Item {number}", link=f"https://example.org/news/{number}/",
            description="<p>Summary</p>", content="<p>Text &amp; more</p>",
            unique_id=f"tag:example.org,2013:news/{number}", unique_id_is_permalink=False,
            categories=["News", "Victims"], author_name="Office",
            pubdate=datetime.datetime(2017, 5, 20 + number, tzinfo=LONDON),
            updateddate=datetime.datetime(2017, 6, 1, tzinfo=LONDON) if number else None,
        )
    return feed


def as_class(feed, feed_class):
    feed.__class__ = feed_class
    return feed


# --- Pelican's Writer -----------------------------------------------------------------

def article(number):
    return SimpleNamespace(
        title=f"Item {number}", url=f"news/{number}/", summary="<p>Summary</p>",
        get_content=lambda siteurl: "<p>Text</p>", date=datetime.datetime(2017, 5, 20 + number),
        author="Office")


@pytest.mark.parametrize("feed_type, pelican_class", [("atom", Atom1Feed), ("rss", Rss201rev2Feed)])
def test_pelican_sends_a_feed_of_exactly_feedgenerators_class_then_writes_that_object(
        tmp_path, feed_type, pelican_class):
    seen = []

    def receiver(context, feed):
        seen.append(type(feed))
        feed.feed["stylesheets"] = [XSL]
        feed.feed["icon"] = feed.feed["image"] = "https://example.org/icon.png"
        write_feed_extras(feed)

    writer = Writer(str(tmp_path), settings={"FEED_APPEND_REF": False, "FEED_MAX_ITEMS": None,
                                              "TIMEZONE": "Europe/London"})
    context = {"SITENAME": "Site", "SITEURL": "https://example.org",
               "FEED_DOMAIN": "https://example.org"}
    signals.feed_generated.connect(receiver)
    try:
        returned = writer.write_feed([article(1), article(2)], context, "feeds/x.xml",
                                     feed_type=feed_type)
    finally:
        signals.feed_generated.disconnect(receiver)
    assert seen == [pelican_class]  # the class write_feed_extras knows, not a subclass
    assert type(returned) in (SiteAtomFeed, SiteRssFeed)  # the object sent is the one written
    text = (tmp_path / "feeds" / "x.xml").read_text(encoding="utf-8")
    assert '<?xml-stylesheet href="/theme/feed.xsl" type="text/xsl"?>' in text
    assert "https://example.org/icon.png" in text


def test_write_feed_extras_leaves_other_feed_classes_alone():
    assert type(write_feed_extras(make_feed(RssUserland091Feed))) is RssUserland091Feed


# --- feedgenerator: what it leaves out ------------------------------------------------

def test_atom1feed_writes_no_stylesheet_so_site_atom_feed_must():
    feed = make_feed(Atom1Feed)
    feed.feed["stylesheets"] = [XSL]
    assert "xml-stylesheet" not in feed.writeString("utf-8")


def test_rss_writes_the_stylesheets_of_its_dict_before_the_root_element():
    feed = make_feed(Rss201rev2Feed)
    feed.feed["stylesheets"] = [XSL]
    assert feed.writeString("utf-8").startswith(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<?xml-stylesheet href="/theme/feed.xsl" type="text/xsl"?><rss ')


def test_neither_class_writes_an_icon_or_image():
    for feed_class in (Atom1Feed, Rss201rev2Feed):
        feed = make_feed(feed_class)
        feed.feed["icon"] = feed.feed["image"] = "https://example.org/icon.png"
        assert "icon.png" not in feed.writeString("utf-8")


def test_an_empty_feed_is_dated_now_by_latest_post_date():
    before = datetime.datetime.now(tz=datetime.timezone.utc)
    assert make_feed(Atom1Feed, items=0).latest_post_date() >= before


@pytest.mark.parametrize("feed_class, element", [(Atom1Feed, "<updated>"),
                                                 (Rss201rev2Feed, "<lastBuildDate>")])
def test_the_feed_date_is_latest_post_date(feed_class, element, monkeypatch):
    monkeypatch.setattr(feed_class, "latest_post_date", lambda self: NEWEST)
    text = make_feed(feed_class, items=0).writeString("utf-8")
    assert element + ("2017-05-24T00:00:00+01:00" if feed_class is Atom1Feed
                      else "Wed, 24 May 2017 00:00:00 +0100") in text


# --- the site classes: upstream's output, plus exactly the extras ---------------------

@pytest.mark.parametrize("upstream, site", [(Atom1Feed, SiteAtomFeed), (Rss201rev2Feed, SiteRssFeed)])
def test_without_extras_the_site_class_writes_byte_for_byte_what_upstream_writes(upstream, site):
    assert as_class(make_feed(upstream), site).writeString("utf-8") == \
        make_feed(upstream).writeString("utf-8")


def test_site_atom_feed_adds_the_stylesheet_first_and_the_icon_after_the_root_elements():
    plain = make_feed(Atom1Feed).writeString("utf-8")
    feed = as_class(make_feed(Atom1Feed), SiteAtomFeed)
    feed.feed["stylesheets"] = [XSL]
    feed.feed["icon"] = "https://example.org/icon.svg"
    declaration, rest = plain.split("\n", 1)
    head, entries = rest.split("<entry>", 1)
    assert feed.writeString("utf-8") == (
        declaration + '\n<?xml-stylesheet href="/theme/feed.xsl" type="text/xsl"?>'
        + head + "<icon>https://example.org/icon.svg</icon><entry>" + entries)


def test_site_rss_feed_adds_the_channel_image_after_the_root_elements():
    plain = make_feed(Rss201rev2Feed).writeString("utf-8")
    feed = as_class(make_feed(Rss201rev2Feed), SiteRssFeed)
    feed.feed["image"] = "https://example.org/icon.png"
    head, items = plain.split("<item>", 1)
    assert feed.writeString("utf-8") == (
        head + "<image><url>https://example.org/icon.png</url><title>Site - news</title>"
        "<link>https://example.org/</link></image><item>" + items)


@pytest.mark.parametrize("site", [SiteAtomFeed, SiteRssFeed])
def test_an_empty_site_feed_is_dated_by_its_updated_if_empty(site):
    feed = as_class(make_feed(Atom1Feed if site is SiteAtomFeed else Rss201rev2Feed, items=0), site)
    feed.feed["updated_if_empty"] = NEWEST
    assert feed.latest_post_date() == NEWEST
    with_items = as_class(make_feed(Atom1Feed, items=2), SiteAtomFeed)
    with_items.feed["updated_if_empty"] = NEWEST
    assert with_items.latest_post_date() == datetime.datetime(2017, 6, 1, tzinfo=LONDON)
