"""What search engines and social posts read about each page, and the site's machine files.

Templates call two Jinja filters (see theme/templates/partials/meta.html):
`news_article_jsonld` and `breadcrumb_list_jsonld`. After the build, pelican-sitemap's
sitemap.xml is finished and robots.txt is written next to it.
"""

import os

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from site_core import absolute_url, connect_after_plugins, public_base_url, script_json
from site_core.pelican_compat import finish_sitemap
from site_core.text import day_text, iso_day

from .machine_files import noindex_checker, robots_txt
from .structured_data import breadcrumb_list, news_article, trail_from_html

# Shown as the publisher's logo in search results; theme/static/images/ ships it.
DEFAULT_LOGO = "theme/images/apple-touch-icon.png"


def site_address(base_url, path):
    """`path` (from the site's root folder, with or without "/", or absolute) under `base_url`."""
    return absolute_url(path.lstrip("/"), base_url + "/")


def plain_text(html):
    return Markup(html or "").striptags()


@pass_context
def news_article_jsonld(context, item, canonical_url):
    """A NewsArticle for a press release or District Day report, as <script>-safe JSON."""
    base_url = public_base_url(context)
    image = getattr(item, "image", None)
    category = getattr(item, "category", None)
    section_titles = context.get("SECTION_TITLES") or {}
    places = getattr(item, "districts", None) or []
    if getattr(item, "district", None):
        places = [item.district, *[place for place in places if place != item.district]]
    data = news_article(
        headline=plain_text(item.title),
        description=plain_text(getattr(item, "summary", "")),
        url=canonical_url,
        published=item.date,
        modified=getattr(item, "modified", None),
        author=context.get("AUTHOR") or context.get("SITENAME"),
        publisher=context.get("SITENAME"),
        logo_url=site_address(base_url, context.get("PAGE_METADATA_LOGO", DEFAULT_LOGO)),
        section=section_titles.get(category.slug, category.name) if category else None,
        keywords=[tag.name for tag in getattr(item, "tags", None) or []],
        image_url=site_address(base_url, image) if image else None,
        image_alt=getattr(item, "image_alt", None),
        places=[str(place) for place in places],
    )
    return Markup(script_json(data))


@pass_context
def breadcrumb_list_jsonld(context, nav_html, current_name, canonical_url):
    """A BreadcrumbList from the rendered breadcrumbs plus the current page."""
    trail = trail_from_html(str(nav_html), canonical_url)
    return Markup(script_json(breadcrumb_list(trail, plain_text(current_name), canonical_url)))


JINJA_FILTERS = {
    "day_text": day_text,  # 24 May 2017, as components/date.html shows a date
    "iso_day": iso_day,  # 2017-05-24
    "news_article_jsonld": news_article_jsonld,
    "breadcrumb_list_jsonld": breadcrumb_list_jsonld,
}


def add_template_filters(generator):
    generator.env.filters.update(JINJA_FILTERS)


def write_machine_files(pelican):
    base_url = public_base_url(pelican.settings)
    sitemap = os.path.join(pelican.output_path, "sitemap.xml")
    if not os.path.exists(sitemap):
        return  # pelican-sitemap is off, or writes text: nothing to finish or point to
    is_noindex = noindex_checker(pelican.output_path, pelican.settings.get("SITEURL", ""))
    with open(sitemap, encoding="utf-8") as file:
        finished = finish_sitemap(file.read(), base_url, is_noindex)
    with open(sitemap, "w", encoding="utf-8") as file:
        file.write(finished)
    with open(os.path.join(pelican.output_path, "robots.txt"), "w", encoding="utf-8") as file:
        file.write(robots_txt(f"{base_url}/sitemap.xml"))


def register():
    # generator_init: every generator's Jinja environment needs the filters before it
    # renders anything, including generators that other plugins add.
    signals.generator_init.connect(add_template_filters)
    # finalized: pelican-sitemap writes sitemap.xml on this signal, so the finishing
    # step is connected after every plugin's receivers, whatever the order of PLUGINS.
    connect_after_plugins(signals.finalized, write_machine_files)
