"""Feeds of a tiny fixture site, built for different hosts: ids never move, links work.

tests/fixtures/feeds/content has every kind of link and image a press officer
writes, two topics and an item renamed after it was published (redirect_from).
"""

from pathlib import Path

import feedparser
import pytest
from lxml import etree

from conftest import build_site
from fixtures.feeds import feed_checks

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"

PUBLIC = "https://hertscommissioner.github.io"
HOSTS = {
    "local": {},  # SITEURL "", feeds on the public address (make html)
    "other-host": {"SITEURL": "https://pcc.example.net", "FEED_DOMAIN": "https://pcc.example.net"},
    "in-a-folder": {"SITEURL": "https://example.github.io/pcc",
                    "FEED_DOMAIN": "https://example.github.io/pcc"},
}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    results = {}
    for name, extra in [*HOSTS.items(), ("local-again", {})]:
        result = build_site(FIXTURE / "content", tmp_path_factory.mktemp(name) / "output",
                            extra_settings=extra or None)
        assert result.ok, result.log
        results[name] = result
    return results


def domain_of(name):
    return HOSTS.get(name, {}).get("FEED_DOMAIN", PUBLIC)


def test_the_fixture_site_has_the_feeds_it_should(builds):
    written = [p.relative_to(builds["local"].output).as_posix()
               for p in feed_checks.feed_files(builds["local"].output)]
    assert written == ["feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/news.atom.xml",
                       "feeds/topics/beacon.atom.xml", "feeds/topics/victims.atom.xml"]


@pytest.mark.parametrize("name", HOSTS)
def test_every_feed_parses_without_error(builds, name):
    for path in feed_checks.feed_files(builds[name].output):
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"


@pytest.mark.parametrize("name", HOSTS)
def test_every_link_and_image_is_absolute_and_leads_to_a_built_file(builds, name):
    output = builds[name].output
    for path in feed_checks.feed_files(output):
        assert feed_checks.broken_or_relative_urls(path, domain_of(name), output) == [], path


@pytest.mark.parametrize("name", HOSTS)
def test_feeds_follow_the_atom_and_rss_rules(builds, name):
    output = builds[name].output
    for path in feed_checks.feed_files(output):
        public_url = f"{domain_of(name)}/{path.relative_to(output).as_posix()}"
        assert feed_checks.rule_breaches(path, public_url) == [], path


def test_ids_are_the_same_for_every_host_and_every_build(builds):
    local = feed_checks.ids_by_link(builds["local"].output)
    assert feed_checks.ids_by_link(builds["local-again"].output) == local
    assert feed_checks.ids_by_link(builds["other-host"].output) == local
    folder = {feed: {link.removeprefix("/pcc"): entry_id for link, entry_id in entries.items()}
              for feed, entries in feed_checks.ids_by_link(builds["in-a-folder"].output).items()}
    assert folder == local


def test_a_rebuild_writes_byte_identical_feeds(builds):
    for path in feed_checks.feed_files(builds["local"].output):
        again = builds["local-again"].output / path.relative_to(builds["local"].output)
        assert again.read_bytes() == path.read_bytes(), path


def test_one_item_has_one_id_in_every_feed_and_a_renamed_item_keeps_its_first(builds):
    ids = {}
    for entries in feed_checks.ids_by_link(builds["local"].output).values():
        for link, entry_id in entries.items():
            ids.setdefault(link, set()).add(entry_id)
    assert ids == {
        "/news/2020/links-and-images/": {"tag:hertscommissioner.org,2013:news/2020/links-and-images"},
        "/news/2020/second-item/": {"tag:hertscommissioner.org,2013:news/2020/second-item"},
        "/news/2020/renamed-item/": {"tag:hertscommissioner.org,2013:news/2020/old-name"},
    }


@pytest.mark.parametrize("topic, links", [
    ("victims", ["/news/2020/second-item/", "/news/2020/links-and-images/"]),
    ("beacon", ["/news/2020/renamed-item/", "/news/2020/links-and-images/"]),
])
def test_a_topic_feed_holds_exactly_the_items_of_its_topic_newest_first(builds, topic, links):
    feed = builds["local"].output / "feeds" / "topics" / f"{topic}.atom.xml"
    assert list(feed_checks.ids_by_link(builds["local"].output)[
        f"feeds/topics/{topic}.atom.xml"]) == links
    assert feedparser.parse(feed.read_bytes()).feed.title == \
        f"Hertfordshire Police and Crime Commissioner - {topic.capitalize()}"


def test_links_written_every_way_in_markdown_come_out_absolute(builds):
    root = etree.parse(str(builds["other-host"].output / "feeds/news.atom.xml")).getroot()
    [html] = [h[1] for i, link, h, _ in feed_checks.entries(root) if link.endswith("links-and-images/")]
    assert sorted(set(feed_checks.urls_in_html(html))) == [
        "https://pcc.example.net/images/fixture.svg",
        "https://pcc.example.net/news/2020/links-and-images/#details",
        "https://pcc.example.net/news/2020/second-item/",
        "https://www.herts.police.uk/",
        "mailto:info@example.org",
    ]


@pytest.mark.parametrize("name, href", [("local", "/theme/feed.xsl"),
                                        ("in-a-folder", "/pcc/theme/feed.xsl")])
def test_every_feed_names_its_same_origin_stylesheet_before_the_root_element(builds, name, href):
    for path in feed_checks.feed_files(builds[name].output):
        head = path.read_text(encoding="utf-8")[:200]
        assert f'<?xml-stylesheet href="{href}" type="text/xsl"?><' in head, path


def test_a_corrected_item_shows_as_updated_in_summer_time_with_its_first_publication_date(builds):
    parsed = feedparser.parse((builds["local"].output / "feeds/all.atom.xml").read_bytes())
    [entry] = [e for e in parsed.entries if e.link.endswith("/second-item/")]
    assert (entry.published, entry.updated) == ("2020-02-01T00:00:00+00:00", "2020-07-03T00:00:00+01:00")
