"""Tells each content item what kind it is, from the folder it lives in.

Communications staff only choose a folder; site_core's content-type table says what
that makes the item: its kind (`content_type`), its template and, for FAQ pages, its
URL under /faq/. Templates get the table itself as CONTENT_TYPES and CONTENT_TYPES_BY_KIND.
"""

from pelican import signals
from pelican.contents import Article, Page

from site_core import content_type_of
from site_core.content_types import template_context
from site_core.pelican_compat import place_at


def label_content_type(content):
    if not isinstance(content, (Article, Page)):
        return
    content_type = content_type_of(content.get_relative_source_path())
    if content_type is None:
        return
    content.content_type = content_type.kind
    if "template" not in content.metadata:
        content.template = content_type.template
    if content_type.url:
        url = content_type.url.format(slug=content.slug)
        place_at(content, url, f"{url}index.html")


def give_templates_the_table(generator):
    # The context is shared by every generator; the settings themselves stay as written.
    for name, value in template_context().items():
        generator.context.setdefault(name, value)


def register():
    # content_object_init: every article and page passes here once, as it is read,
    # before any generator or template looks at its URL.
    signals.content_object_init.connect(label_content_type)
    # generator_init: the table reaches the templates before any page is rendered.
    signals.generator_init.connect(give_templates_the_table)

