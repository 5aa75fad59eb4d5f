"""robots.txt and the finishing touches to pelican-sitemap's sitemap.xml, as text."""

import re

_RELATIVE_LOC = re.compile(r"<loc>/")
# pelican-sitemap dates list pages (which have no date of their own) with the build
# time, without a zone ("-00:00"). Content dates always carry the Europe/London offset
# because TIMEZONE is set, so only build times end this way.
_BUILD_TIME_LASTMOD = re.compile(r"<lastmod>[^<]*-00:00</lastmod>\n")


def finish_sitemap(xml, base_url):
    """The sitemap with absolute URLs and no build-time dates.

    A sitemap must list absolute URLs; a preview build (SITEURL empty) gets the
    public address. A list page's build time is not when it changed, and it would
    make every build differ, so that page goes without <lastmod>.
    """
    xml = _RELATIVE_LOC.sub(f"<loc>{base_url.rstrip('/')}/", xml)
    return _BUILD_TIME_LASTMOD.sub("", xml)


def robots_txt(sitemap_url):
    """Every crawler may read everything; the sitemap says where it all is."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"
