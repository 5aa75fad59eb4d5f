"""The feed documents: Pelican's feedgenerator classes plus what they leave out.

feedgenerator's Atom feed writes no stylesheet instruction and no icon, and any
empty feed gets "now" as its updated date (a build that differs every time).
"""

from feedgenerator import Atom1Feed, Rss201rev2Feed
from feedgenerator.django.utils.feedgenerator import Stylesheet
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator

# RSS 2.0 allows only GIF, JPEG or PNG as a channel <image>.
_RSS_IMAGE_TYPES = (".gif", ".jpg", ".jpeg", ".png")


class _SiteFeed:
    """Extra feed-level fields, read from `self.feed`: icon, empty_feed_updated."""

    def latest_post_date(self):
        if not self.items and self.feed.get("empty_feed_updated"):
            return self.feed["empty_feed_updated"]
        return super().latest_post_date()

    def add_stylesheets(self, handler):
        for stylesheet in self.feed["stylesheets"] or []:
            handler.processingInstruction("xml-stylesheet", str(stylesheet))


class SiteAtomFeed(_SiteFeed, Atom1Feed):
    def write(self, outfile, encoding):
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)  # must come before the root element
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("icon"):
            handler.addQuickElement("icon", self.feed["icon"])


class SiteRssFeed(_SiteFeed, Rss201rev2Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        icon = self.feed.get("icon")
        if icon and icon.lower().endswith(_RSS_IMAGE_TYPES):
            handler.startElement("image", {})
            handler.addQuickElement("url", icon)
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.endElement("image")


_SITE_CLASSES = {Atom1Feed: SiteAtomFeed, Rss201rev2Feed: SiteRssFeed}


def as_site_feed(feed):
    """Give a feed Pelican has built our document class, keeping its items.

    Pelican builds the feed object itself and only then tells plugins about it,
    so the class is swapped in place rather than the feed rebuilt.
    """
    site_class = _SITE_CLASSES.get(type(feed))
    if site_class is not None:
        feed.__class__ = site_class
    return feed


def xsl_stylesheet(href):
    return Stylesheet(href, mimetype="text/xsl", media=None)
