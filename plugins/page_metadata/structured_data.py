"""schema.org JSON-LD for a page: NewsArticle and BreadcrumbList, as plain data.

Everything here is pure: values in, dicts or text out. page_metadata.py adapts
Pelican's content objects and Jinja's context to these functions.
"""

import html
import re
from urllib.parse import urljoin

SCHEMA_ORG = "https://schema.org"


def news_article(*, headline, description, url, published, modified, author, publisher,
                 logo_url, section=None, keywords=(), image_url=None, image_alt=None,
                 places=()):
    """A NewsArticle: a press release or a District Day report.

    `published` and `modified` are timezone-aware datetimes; `places` are the
    districts the item is about.
    """
    data = {
        "@context": SCHEMA_ORG,
        "@type": "NewsArticle",
        "headline": headline,
        "description": description,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published.isoformat(),
        "dateModified": (modified or published).isoformat(),
        "inLanguage": "en-GB",
        "author": {"@type": "Organization", "name": author},
        "publisher": {
            "@type": "Organization",
            "name": publisher,
            "logo": {"@type": "ImageObject", "url": logo_url},
        },
    }
    if section:
        data["articleSection"] = section
    if keywords:
        data["keywords"] = list(keywords)
    if image_url:
        data["image"] = {"@type": "ImageObject", "url": image_url, "description": image_alt or ""}
    if places:
        data["contentLocation"] = [
            {"@type": "Place", "name": f"{place}, Hertfordshire"} for place in places
        ]
    return data


def breadcrumb_list(trail, current_name, current_url):
    """A BreadcrumbList: `trail` is [(name, absolute URL), ...] above the current page."""
    items = list(trail) + [(current_name, current_url)]
    return {
        "@context": SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


# Links as our templates write them. A regular expression, not an HTML parser: this
# runs for every page of the site, and the parser cost 50 times as much.
_LINK = re.compile(r"""<a\s[^>]*?\bhref=(["'])(.*?)\1[^>]*>(.*?)</a>""", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def trail_from_html(nav_html, page_url):
    """The (name, absolute URL) of every link in rendered breadcrumbs, in order.

    Reading the rendered trail keeps the structured data identical to what people
    see, whichever template drew it.
    """
    return [
        (" ".join(html.unescape(_TAG.sub("", text)).split()), urljoin(page_url, html.unescape(href)))
        for _, href, text in _LINK.findall(nav_html)
    ]
