"""robots.txt and the finishing touches to pelican-sitemap's sitemap.xml, as text."""

import re

_RELATIVE_LOC = re.compile(r"<loc>/")
# pelican-sitemap dates list pages (which have no date of their own) with the build
# time, without a zone ("-00:00"). Content dates always carry the Europe/London offset
# because TIMEZONE is set, so only build times end this way.
_BUILD_TIME_LASTMOD = re.compile(r"<lastmod>[^<]*-00:00</lastmod>\n")


_URL_ENTRY = re.compile(r"\n?<url>\n<loc>([^<]*)</loc>.*?</url>\n?", re.DOTALL)
NOINDEX = re.compile(r"""<meta\s+name=["']robots["']\s+content=["'][^"']*noindex""")


def finish_sitemap(xml, base_url, is_noindex=lambda loc: False):
    """The sitemap with absolute URLs, no build-time dates and no pages marked noindex.

    A sitemap must list absolute URLs; a preview build (SITEURL empty) gets the
    public address. A list page's build time is not when it changed, and it would
    make every build differ, so that page goes without <lastmod>. A page that asks
    not to be indexed (a redirect, "not found") is no page to list.
    `is_noindex(loc)` is called with each <loc> as pelican-sitemap wrote it.
    """
    xml = _URL_ENTRY.sub(lambda entry: "" if is_noindex(entry.group(1)) else entry.group(0), xml)
    xml = _RELATIVE_LOC.sub(f"<loc>{base_url.rstrip('/')}/", xml)
    return _BUILD_TIME_LASTMOD.sub("", xml)


def robots_txt(sitemap_url):
    """Every crawler may read everything; the sitemap says where it all is."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"
