"""The content types: one table that Python, the templates and the search page all read.

Communications staff only choose a folder; the folder decides the kind of item, its
template, the words the site uses for it, and which front-matter keys it may have.
Templates see the table as CONTENT_TYPES (a list) and CONTENT_TYPES_BY_KIND.
"""

from dataclasses import dataclass

# The life of a release (plugins/release_life): corrections, withdrawal, legal removal,
# and the record that a release dated in the pre-election period was checked.
LIFE_KEYS = ("changes", "withdrawn", "withdrawn_reason", "removed", "removed_reason",
             "pre_election_checked")
# `meets`: the transparency duties an item meets ("3(a) 2017-18"); any kind may say so,
# and plugins/transparency checks the values against content/data/transparency.yml.
# `documents`: files it publishes (a signed notice, a report as PDF), shown as attachments.
COMMON_KEYS = ("title", "date", "modified", "summary", "slug", "redirect_from",
               "status", "meets", "documents") + LIFE_KEYS
ARTICLE_KEYS = COMMON_KEYS + ("tags", "districts", "image", "image_alt")


@dataclass(frozen=True)
class ContentType:
    kind: str  # what templates and plugins test: page.content_type == "faq"
    folder: str  # the folder of content/ that holds this kind
    template: str  # the template an item of this kind is written with
    label: str  # one item, as the search filter shows it: "News"
    filter_label: str  # the search filter's option for this kind
    plural: str  # as messages name them: "press releases"
    keys: tuple  # the front-matter keys an item of this kind may have
    dated: bool  # a Pelican article: listed by date, needs a date
    url: str | None = None  # where items go, when not where Pelican would put them

    @property
    def search_option(self):
        """[value, label] of this kind in the search page's type filter."""
        return [self.label, self.filter_label]


CONTENT_TYPES = (
    ContentType("news", "news", "article", "News", "News", "press releases",
                ARTICLE_KEYS, dated=True),
    ContentType("district-day", "district-days", "district_day", "District Day",
                "District Day", "District Day reports",
                ARTICLE_KEYS + ("district", "visits"), dated=True),
    # The decisions register: each decision the Commissioner signed, with its number
    # and what it commits (content/decisions/, listed at /decisions/).
    ContentType("decision", "decisions", "decision", "Decision", "Decisions", "decisions",
                COMMON_KEYS + ("number", "decision", "cost", "tags"), dated=True),
    ContentType("faq", "faq", "faq", "FAQ", "FAQ", "FAQ pages", COMMON_KEYS,
                dated=False, url="faq/{slug}/"),
    ContentType("page", "pages", "page", "Page", "Other pages", "site pages",
                COMMON_KEYS + ("template",), dated=False),
)
BY_KIND = {content_type.kind: content_type for content_type in CONTENT_TYPES}
BY_FOLDER = {content_type.folder: content_type for content_type in CONTENT_TYPES}


def content_type_of(relative_path):
    """The ContentType of the item at `relative_path` (relative to content/), or None."""
    folder = str(relative_path).replace("\\", "/").split("/", 1)[0]
    return BY_FOLDER.get(folder)


def template_context():
    """What templates read: the table, in order and by kind."""
    return {"CONTENT_TYPES": CONTENT_TYPES, "CONTENT_TYPES_BY_KIND": BY_KIND}
