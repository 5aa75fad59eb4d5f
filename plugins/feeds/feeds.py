"""Makes every feed Pelican writes complete and stable (see README.md).

Pelican's own feeds leave links relative in local builds, give RSS a tag URI
as a permalink guid, take entry ids from the host and the item's date, and
have no stylesheet, icon or subtitle. This plugin mends each feed as Pelican
builds it, so feeds written by other plugins with `Writer.write_feed` (the
district feeds) get the same treatment.
"""

import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from feedgenerator import Atom1Feed, Stylesheet
from pelican import signals

from site_core import BuildState, Problem, absolute_url, report, shown_path
from site_core.pelican_compat import write_feed_extras

from .entries import absolute_urls, entry_id, first_published_path, summary_as_text, url_path

log = logging.getLogger(__name__)

DEFAULTS = {
    # A domain the site's owner held on FEEDS_ID_DATE; fixed, so ids survive a move.
    "FEEDS_ID_AUTHORITY": None,
    "FEEDS_ID_DATE": None,
    # Path in the output (or an absolute URL) of the square site icon.
    "FEEDS_ICON": "theme/images/icon.svg",
    # Path in the output of the XSLT that shows a feed as a page in a browser.
    "FEEDS_STYLESHEET": "theme/feed.xsl",
    "FEEDS_SUBTITLE": "Everything new on the {sitename} website, newest first.",
    "FEEDS_PART_SUBTITLE": "{part}, from the {sitename} website, newest first.",
}
_FALLBACK_ID_DATE = "2000"
# RSS 2.0 allows only GIF, JPEG or PNG as a channel <image>.
_RSS_IMAGE_TYPES = (".gif", ".jpg", ".jpeg", ".png")


@dataclass(frozen=True)
class Entry:
    id: str
    source_path: str
    notice: str = ""  # HTML that leads the entry's text: a correction or withdrawal (release_life)


@dataclass
class FeedsBuild:
    # Site path of each article ("news/2017/x") -> its Entry.
    entries: dict = field(default_factory=dict)


_build = BuildState(lambda settings: FeedsBuild())


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def id_scheme(settings):
    """(authority, date) for entry ids; without FEEDS_ID_AUTHORITY, the feed host."""
    authority = setting(settings, "FEEDS_ID_AUTHORITY")
    date = setting(settings, "FEEDS_ID_DATE") or _FALLBACK_ID_DATE
    if authority:
        return authority, date
    domain = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or ""
    return urlsplit(domain).hostname or "localhost", date


def warn_without_id_authority(settings):
    """Log, once a build, that entry ids follow the host when no authority is set."""
    if not setting(settings, "FEEDS_ID_AUTHORITY"):
        log.warning(
            "FEEDS_ID_AUTHORITY is not set, so feed entry ids use the host %r and will "
            "change if the site moves. Set FEEDS_ID_AUTHORITY and FEEDS_ID_DATE.",
            id_scheme(settings)[0])


def site_relative_path(url, base):
    """The path of `url` inside the site served from the folder `base` ("" or "pcc")."""
    path = url_path(url)
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base):].lstrip("/")
    return path


def index_entries(articles, settings):
    """Entry for every article, keyed by its site path; reports ids used twice."""
    authority, date = id_scheme(settings)
    entries, first_owner = {}, {}
    for article in articles:
        url = article.url  # a property that formats the URL setting: read it once
        redirect_from = article.metadata.get("redirect_from")
        item_id = entry_id(authority, date, first_published_path(url, redirect_from))
        entry = Entry(item_id, article.source_path, getattr(article, "feed_notice", ""))
        other = first_owner.setdefault(item_id, entry)
        if other is not entry and other.source_path != entry.source_path:
            report(Problem(
                f'feed id "{item_id}" is also the id of {shown_path(other.source_path)}, so feed '
                "readers would treat the two items as one",
                "list in redirect_from only addresses this item itself had before; "
                "two items must never share an address",
                key="redirect_from",
            ).at(article.source_path))
        entries[url_path(url)] = entry
    return entries


def feed_title(title, settings):
    """Pelican's "SITENAME - news" with the section's words: "SITENAME - News"."""
    prefix = f"{settings.get('SITENAME', '')} - "
    if not title.startswith(prefix):
        return title, None
    part = title[len(prefix):]
    part = settings.get("SECTION_TITLES", {}).get(part, part)
    return prefix + part, part


def complete_feed(feed, settings, entries=None, newest_date=None):
    """Mend the feed-level fields and every entry of `feed` in place.

    `entries` is what index_entries() gave for this build. `newest_date` is the
    updated date of a feed with no entries (instead of "now").
    """
    entries = entries or {}
    domain = (settings.get("FEED_DOMAIN") or settings.get("SITEURL") or "").rstrip("/") + "/"
    siteurl = settings.get("SITEURL") or ""
    site_folder = url_path(siteurl)
    authority, date = id_scheme(settings)
    author = settings.get("AUTHOR") or settings.get("SITENAME") or ""
    sitename = settings.get("SITENAME", "")
    sections = settings.get("SECTION_TITLES", {})

    meta = feed.feed
    meta["title"], part = feed_title(meta["title"] or sitename, settings)
    template = "FEEDS_PART_SUBTITLE" if part else "FEEDS_SUBTITLE"
    meta["subtitle"] = meta["description"] = setting(settings, template).format(
        sitename=sitename, part=part)
    meta["link"] = absolute_url(meta["link"] or "/", domain)
    meta["id"] = entry_id(authority, date, site_relative_path(meta["feed_url"] or "", url_path(domain)))
    meta["author_name"] = meta.get("author_name") or author
    meta["language"] = meta.get("language") or settings.get("DEFAULT_LANG")
    icon = setting(settings, "FEEDS_ICON")
    meta["icon"] = absolute_url(icon, domain) if icon else None
    meta["image"] = meta["icon"] if icon and icon.lower().endswith(_RSS_IMAGE_TYPES) else None
    stylesheet = setting(settings, "FEEDS_STYLESHEET")
    if stylesheet:
        # Root-relative, so the browser fetches it from wherever the feed is served
        # (XSLT only applies from the same origin).
        href = "/" + "/".join(p for p in (site_folder, stylesheet.strip("/")) if p)
        meta["stylesheets"] = [Stylesheet(href, mimetype="text/xsl", media=None)]
    meta["updated_if_empty"] = newest_date

    is_atom = isinstance(feed, Atom1Feed)
    for item in feed.items:
        link = absolute_url(item["link"], domain)
        path = site_relative_path(link, site_folder)
        entry = entries.get(path)
        item["link"] = link
        item["unique_id"] = entry.id if entry else entry_id(authority, date, path)
        item["unique_id_is_permalink"] = False  # a tag URI is not a URL to open
        item["author_name"] = item.get("author_name") or author
        notice = entry.notice if entry else ""
        item["content"] = absolute_urls(item["content"], link)
        if notice and item["content"]:
            item["content"] = notice + item["content"]
        if is_atom:  # in RSS, "description" holds the whole text, not the summary
            item["description"] = summary_as_text(item["description"])
        else:
            item["description"] = notice + (item["description"] or "") if notice else item["description"]
        item["description"] = absolute_urls(item["description"], link)
        item["categories"] = [sections.get(c, c) for c in item["categories"]]
    return write_feed_extras(feed)


def on_articles_finalized(generator):
    warn_without_id_authority(generator.settings)
    articles = list(generator.articles)
    for article in generator.articles:
        articles.extend(article.translations)
    _build.current.entries = index_entries(articles, generator.settings)


def on_feed_generated(context, feed):
    newest_date = None
    if not feed.items:
        newest_date = max((a.date for a in context.get("articles", ())), default=None)
    complete_feed(feed, context, _build.current.entries, newest_date)


def register():
    # article_generator_finalized: every article is read and has its final URL;
    # index the ids once, before any feed is written.
    signals.article_generator_finalized.connect(on_articles_finalized)
    # feed_generated: Pelican's Writer sends every feed here just before writing it,
    # whichever generator or plugin asked for it.
    signals.feed_generated.connect(on_feed_generated)
