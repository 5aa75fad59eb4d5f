"""Contract tests: what pelican_compat's "pelican-sitemap" section assumes of
pelican-sitemap 1.2.2, and the receiver order page_metadata's finishing step relies on.
A failure after an upgrade says which assumption no longer holds: perhaps a setting now
does what finish_sitemap does by hand, and the hand can go."""

import datetime
import logging
from types import SimpleNamespace
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.plugins.sitemap import sitemap

from site_core.pelican_compat import finish_sitemap

LONDON = ZoneInfo("Europe/London")
BASE = "https://example.org"
SITEMAP = {"format": "xml", "exclude": [r"^404\.html$"]}


def pelican_sitemap_writes(tmp_path, siteurl="", config=SITEMAP):
    """sitemap.xml as pelican-sitemap writes it for a list page, an item and a redirect page."""
    pelican = SimpleNamespace(output_path=str(tmp_path),
                              settings={"SITEURL": siteurl, "SITEMAP": config})
    generator = sitemap.SitemapGenerator()  # a fresh one, not the plugin's
    generator.init(pelican)  # what its get_generators receiver does
    item = SimpleNamespace(url="about/", date=datetime.datetime(2017, 5, 1, tzinfo=LONDON),
                           status="published")
    generator.queue_page(str(tmp_path / "index.html"), {})  # content_written, a list page
    generator.queue_page(str(tmp_path / "about" / "index.html"), {"page": item})
    generator.queue_page(str(tmp_path / "old" / "index.html"), {"redirect_target": item})
    generator.queue_page(str(tmp_path / "404.html"), {})
    generator.finalize(pelican)  # its finalized receiver
    return (tmp_path / "sitemap.xml").read_text(encoding="utf-8")


def entries(xml):
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    return [(url.findtext(f"{ns}loc"), url.findtext(f"{ns}lastmod"))
            for url in ElementTree.fromstring(xml).iter(f"{ns}url")]


# --- what pelican-sitemap writes ------------------------------------------------------

def test_it_writes_sitemap_xml_on_finalized():
    sitemap.register()
    try:
        receivers = list(signals.finalized.receivers_for(object()))
        assert sitemap.generator.finalize in receivers
    finally:
        signals.get_generators.disconnect(sitemap.generator.init)
        signals.content_written.disconnect(sitemap.generator.queue_page)
        signals.finalized.disconnect(sitemap.generator.finalize)


def test_without_siteurl_every_loc_is_root_relative(tmp_path):
    assert [loc for loc, _ in entries(pelican_sitemap_writes(tmp_path))] == ["/", "/about/", "/old/"]
    assert [loc for loc, _ in entries(pelican_sitemap_writes(tmp_path, BASE))] == [
        BASE + "/", BASE + "/about/", BASE + "/old/"]


def test_a_page_without_an_item_is_dated_by_the_build_time_with_no_zone(tmp_path):
    lastmods = dict(entries(pelican_sitemap_writes(tmp_path)))
    assert lastmods["/about/"] == "2017-05-01T00:00:00+01:00"  # content: its own offset
    for loc in ("/", "/old/"):  # a list page, a redirect page: the build time
        assert lastmods[loc].endswith("-00:00")
        built = datetime.datetime.fromisoformat(lastmods[loc][:-6])
        assert abs(built - datetime.datetime.now()) < datetime.timedelta(minutes=5)


def test_no_setting_makes_addresses_absolute_or_drops_dates_or_pages(tmp_path, caplog):
    caplog.set_level(logging.ERROR)
    pelican_sitemap_writes(tmp_path, config={**SITEMAP, "siteurl": BASE, "lastmod": False})
    assert "Invalid 'SITEMAP' key: 'siteurl'" in caplog.text
    assert "Invalid 'SITEMAP' key: 'lastmod'" in caplog.text


# --- finish_sitemap on that text ------------------------------------------------------

def test_finish_sitemap_gives_absolute_addresses_and_drops_build_times(tmp_path):
    written = pelican_sitemap_writes(tmp_path)
    finished = finish_sitemap(written, BASE)
    assert entries(finished) == [(BASE + "/", None), (BASE + "/about/", "2017-05-01T00:00:00+01:00"),
                                 (BASE + "/old/", None)]
    assert finished.count("\n<url>\n") == 3  # pelican-sitemap's layout is kept
    assert finish_sitemap(finished, BASE) == finished  # finishing twice changes nothing


def test_finish_sitemap_is_the_same_for_a_build_with_siteurl(tmp_path):
    local, published = tmp_path / "local", tmp_path / "published"
    local.mkdir()
    published.mkdir()
    assert finish_sitemap(pelican_sitemap_writes(local, ""), BASE) == \
        finish_sitemap(pelican_sitemap_writes(published, BASE), BASE)


def test_finish_sitemap_asks_about_each_loc_as_written_and_leaves_out_noindex_pages(tmp_path):
    asked = []

    def is_noindex(loc):
        asked.append(loc)
        return loc == "/old/"

    finished = finish_sitemap(pelican_sitemap_writes(tmp_path), BASE, is_noindex)
    assert asked == ["/", "/about/", "/old/"]
    assert [loc for loc, _ in entries(finished)] == [BASE + "/", BASE + "/about/"]
    assert entries(finish_sitemap(pelican_sitemap_writes(tmp_path), BASE, lambda loc: True)) == []
