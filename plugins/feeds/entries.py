"""Pure functions for feed entries: stable ids, absolute URLs inside content, summaries as text.

Nothing here knows about Pelican, so every rule can be tested with a table.
"""

import html
import re
from functools import lru_cache
from urllib.parse import urlsplit

from markupsafe import Markup
from site_core import absolute_url

# Attributes whose value is a URL a feed reader would follow or fetch.
_URL_ATTRIBUTES = ("href", "src", "poster", "cite")
# One start tag; quoted values may hold ">" (raw HTML written by hand).
_START_TAG = re.compile(r"""<[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>""")
_URL_ATTRIBUTE = re.compile(
    r"""(\s(?:%s)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""" % "|".join(_URL_ATTRIBUTES),
    re.IGNORECASE,
)
_SRCSET_ATTRIBUTE = re.compile(r"""(\ssrcset\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


@lru_cache(maxsize=4096)
def absolute_urls(html, base):
    """`html` with every link, image and media URL made absolute against `base`.

    Only attributes inside start tags change, so code samples that show markup
    (escaped as &lt;a href=...&gt;) are left as written. Cached: one entry
    appears in several feeds (all, its section, each of its topics, its district).
    """
    if not html or ("=" not in html):
        return html
    return _START_TAG.sub(lambda tag: _absolute_tag(tag.group(0), base), html)


def _absolute_tag(tag, base):
    tag = _URL_ATTRIBUTE.sub(lambda m: _quoted(m, absolute_url(_value(m), base)), tag)
    if "srcset" in tag.lower():
        tag = _SRCSET_ATTRIBUTE.sub(lambda m: _quoted(m, _absolute_srcset(_value(m), base)), tag)
    return tag


def _value(match):
    return next(group for group in match.groups()[1:] if group is not None)


def _quoted(match, value):
    quote = "'" if match.group(3) is not None else '"'
    return f"{match.group(1)}{quote}{value}{quote}"


def _absolute_srcset(srcset, base):
    candidates = []
    for candidate in srcset.split(","):
        parts = candidate.strip().split(None, 1)
        if parts:
            parts[0] = absolute_url(parts[0], base)
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


def url_path(url):
    """The path of a site URL, without slashes at either end: "news/2017/x".

    Accepts "news/2017/x/", "/news/2017/x/" or "https://any.host/news/2017/x/".
    """
    url = url.strip()
    if "://" not in url and "?" not in url and "#" not in url:
        return url.strip("/")  # the common case, without parsing
    return urlsplit(url).path.strip("/")


def entry_id(authority, date, path):
    """A tag URI (RFC 4151) naming the item first published at `path`.

    `authority` is a domain the Commissioner's office owned on `date` (a year or
    YYYY-MM-DD): both are fixed settings, so the id never depends on the host
    the site is built for, the build, or the item's own date.
    """
    return f"tag:{authority},{date}:{path}"


def first_published_path(url, redirect_from=None):
    """The path an item was first published at.

    A renamed item lists its old addresses in `redirect_from` (oldest first), so
    the first of them is where subscribers first saw it; otherwise its own URL.
    """
    if isinstance(redirect_from, str):
        redirect_from = [redirect_from]
    for old_url in redirect_from or ():
        if str(old_url).strip():
            return url_path(str(old_url))
    return url_path(url)


def summary_as_text(summary_html):
    """An Atom entry's summary as one paragraph of text, whatever HTML was typed in it.

    The summary is front-matter text that Markdown turned into HTML; a writer's
    `<img onerror=...>` would pass through Markdown as markup. Its text, escaped, in
    one <p> is what a plain summary gives anyway, byte for byte.
    """
    if not summary_html:
        return summary_html
    text = Markup(summary_html).striptags()
    return f"<p>{html.escape(text, quote=False)}</p>"
