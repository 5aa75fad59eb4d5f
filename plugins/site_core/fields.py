"""The front-matter keys, described once: what each is called, what a writer is told
about it, what values it takes, and which keys every new file starts with.

The content checks (plugins/content_checks), `make new-release` and its siblings
(tools/new_content.py) and the web editor's form (plugins/editor) all read this table,
so a key added here reaches all three. Which keys a kind of item may have is in
content_types.py.
"""

from dataclasses import dataclass

from .content_types import CONTENT_TYPES

STATUSES = ("published", "draft", "hidden")
SUMMARY_MAX = 300  # characters: lists, feeds and search results cut a longer summary
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"  # lower-case words joined by hyphens


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # as the editor's form shows it
    hint: str  # the help text under it: what to write, in a press officer's words
    kind: str  # sort of value: text, paragraph, date, list, choice, choices, image, changes,
    # documents
    required: bool = False
    choices: tuple = ()  # allowed values of a choice; "districts"/"topics": from the content


FIELDS = {field.key: field for field in (
    Field("title", "Title",
          "The headline: what happened, in a few plain words. Lists, feeds and search "
          "results show it.", "text", required=True),
    Field("date", "Date",
          "The day it is published (year-month-day). A day in the future schedules it: "
          "the site leaves it out until then.", "date", required=True),
    Field("modified", "Last updated",
          "The day it was last changed in a way readers should know about. Leave empty "
          "for a new item.", "date"),
    Field("number", "Decision number",
          "The decision's number, as the signed notice gives it, such as 2017/012 (each "
          "number once).", "text", required=True),
    Field("summary", "Summary",
          "One or two sentences that say what it is about. Lists, feeds and search "
          "results show it.", "paragraph", required=True),
    Field("decision", "Decision",
          "What the Commissioner decided, in one or two plain sentences.", "paragraph",
          required=True),
    Field("cost", "Cost",
          "How much the decision commits, such as £783,393, or None.", "text"),
    Field("tags", "Topics",
          "The topics it belongs to: readers follow a topic's page and feed.",
          "choices", choices="topics"),
    Field("districts", "Districts",
          "The districts it is about, if any: it is listed on each district's page.",
          "choices", choices="districts"),
    Field("district", "District",
          "The district the Commissioner visited.", "choice", required=True,
          choices="districts"),
    Field("visits", "Places visited",
          "Each place or group the Commissioner visited, one per line, as the report's "
          "sections name them.", "list", required=True),
    Field("image", "Image",
          "A photo shown at the top, also when the page is shared: as it came off the phone "
          "(JPEG, PNG, WebP or HEIC). Describe it in the next field.", "image"),
    Field("image_alt", "Image description",
          "What the picture shows, for people who cannot see it, in one sentence (required "
          "with an image; write decorative if it says nothing).",
          "text"),
    Field("changes", "Corrections",
          "Each correction to a published release: the day, and one sentence saying what "
          "changed. Readers and feed subscribers are shown it.", "changes"),
    Field("withdrawn", "Withdrawn on",
          "Only to withdraw a release: it stays readable, marked withdrawn, and leaves "
          "the lists and search.", "date"),
    Field("withdrawn_reason", "Why it was withdrawn",
          "Shown to readers in the withdrawal notice (required with Withdrawn on).",
          "paragraph"),
    Field("removed", "Removed on (legal reasons)",
          "Only when the text must leave the site (a court order, a privacy complaint): "
          "its address then shows a short notice and nothing of its text.", "date"),
    Field("removed_reason", "Notice for a removed release",
          "One sentence readers see at its address (required with Removed on).", "text"),
    Field("pre_election_checked", "Pre-election check",
          "During the pre-election period: who checked that this release meets the "
          "rules, and when.", "text"),
    Field("status", "Status",
          "Leave empty to publish. Draft: kept off the site. Hidden: on the site, but "
          "in no list.", "choice", choices=STATUSES),
    Field("slug", "Web address (advanced)",
          "Leave empty: the address comes from the file name. Lower-case words joined "
          "by hyphens; never change a published one.", "text"),
    Field("redirect_from", "Old web addresses (advanced)",
          "Addresses this page had before, such as /old-page/, so that old links still "
          "arrive here.", "list"),
    Field("meets", "Transparency duties (advanced)",
          "The transparency duties it meets, one a line, as the transparency page names "
          "them: the article, then the period, such as 3(a) 2017-18.", "list"),
    Field("documents", "Documents",
          "Files it publishes that must stay files, such as a signed decision notice or a "
          "budget report as PDF: each with its title. Put what you can on the page itself.",
          "documents"),
    Field("template", "Layout (advanced)",
          "Leave empty for the normal page layout.", "text"),
)}

# The order the editor's form shows the keys in: what every item needs first.
FORM_ORDER = tuple(FIELDS)

# The keys a new file starts with (tools/new_content.py and the editor write these,
# empty where the writer has not filled them in yet).
STARTER_KEYS = {
    "news": ("title", "date", "summary", "tags"),
    "district-day": ("title", "date", "summary", "tags", "district", "visits"),
    "decision": ("title", "date", "number", "summary", "decision", "cost"),
    "faq": ("title", "date", "modified", "summary"),
    "page": ("title", "date", "summary"),
}


# The lines `make new-*` starts a file with, for the writer to replace: a file that still
# holds one is unfinished (content_checks: a warning in a preview, an error when
# publishing).
PLACEHOLDERS = {
    "news_text": "Write the press release here. Start with the news in one or two sentences.",
    "report_text": "Write the report here: one section (## Place) per visit.",
    "visit": "Write each place or group visited on a line of its own",
    "background": "Write the background here: why the decision was needed and what it "
                  "changes.",
    "introduction": "Write a short introduction here.",
    "question": "Write the first question here?",
    "answer": "Write its answer here.",
}


def fields_of(content_type):
    """The Fields an item of `content_type` may have, in the form's order. A key that
    only dated items need (date) is optional for the others."""
    fields = []
    for key in sorted(content_type.keys, key=FORM_ORDER.index):
        field = FIELDS[key]
        if key == "date" and not content_type.dated:
            field = Field(**{**field.__dict__, "required": False})
        fields.append(field)
    return fields


def _check_table():
    for content_type in CONTENT_TYPES:
        missing = set(content_type.keys) - set(FIELDS)
        assert not missing, f"no Field for {missing} ({content_type.kind})"
        assert set(STARTER_KEYS[content_type.kind]) <= set(content_type.keys)


_check_table()
