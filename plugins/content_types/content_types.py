"""Tells each content item what kind it is, from the folder it lives in.

Communications staff only choose a folder; this plugin gives the item its kind
(`content_type`), its template and, for FAQ pages, its URL under /faq/.
"""

from pelican import signals
from pelican.contents import Article, Page

# folder of content/ -> (content_type, template)
CONTENT_TYPES_BY_FOLDER = {
    "news": ("news", "article"),
    "district-days": ("district-day", "district_day"),
    "faq": ("faq", "faq"),
    "pages": ("page", "page"),
}


def _kind_and_template(relative_path):
    folder = relative_path.replace("\\", "/").split("/", 1)[0]
    return CONTENT_TYPES_BY_FOLDER.get(folder, (None, None))


def content_type_for(relative_path):
    """The kind of content at `relative_path` (relative to content/), or None."""
    return _kind_and_template(relative_path)[0]


def label_content_type(content):
    if not isinstance(content, (Article, Page)):
        return
    kind, template = _kind_and_template(content.get_relative_source_path())
    if kind is None:
        return
    content.content_type = kind
    if "template" not in content.metadata:
        content.template = template
    if kind == "faq":
        content.override_url = f"faq/{content.slug}/"
        content.override_save_as = f"faq/{content.slug}/index.html"


def register():
    # content_object_init: every article and page passes here once, as it is read,
    # before any generator or template looks at its URL.
    signals.content_object_init.connect(label_content_type)
