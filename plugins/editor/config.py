"""The web editor's configuration (Decap CMS's config.yml), made from the content model.

Nothing here is typed by hand per field: the collections come from site_core's
content-type table, their fields from its front-matter table (site_core/fields.py), the
districts from content/data/districts.yml and the topics from the tags the site uses.
A key added to the model is in the editor's form at the next build.
"""

from site_core import CONTENT_TYPES, STARTER_KEYS, fields_of
from site_core.fields import SLUG_PATTERN

# How each content type's collection is named and described in the editor.
COLLECTION_TEXT = {
    "news": ("Press releases", "Press release",
             "News from the Commissioner's office: listed on the home page and in the news feed."),
    "district-day": ("District Day reports", "District Day report",
                     "What the Commissioner saw on a District Day: one report per visit day."),
    "decision": ("Decisions", "Decision",
                 "The decisions register: each decision the Commissioner signed, with its "
                 "number and what it costs. Listed at /decisions/ and in its feed."),
    "faq": ("FAQ pages", "FAQ page",
            "Questions and answers. Each question is a heading (## Question?) with its "
            "answer below it."),
    "page": ("Other pages", "page",
             "About, accessibility, privacy and other pages that are not news."),
}
BODY_HINT = {
    "news": "Start with the news in one or two sentences. Use headings for sections. "
            "Describe every picture for people who cannot see it.",
    "district-day": "One section per visit: a heading with the place's name (as in "
                    "Places visited), then what happened there.",
    "decision": "The background: why the decision was needed and what it changes, in "
                "short paragraphs. Link to the press release or page about it, if any.",
    "faq": "A short introduction, then each question as a heading (## Why ...?) with "
           "its answer below.",
    "page": "Use headings for sections and plain words.",
}
# A Markdown picture with nothing between its square brackets has no description.
NO_EMPTY_ALT = r"^(?![\s\S]*!\[\s*\]\()[\s\S]*$"
IMAGE_FOLDER = "/content/images/{{year}}"  # content/images/YEAR/, as the content guide says
DOCUMENT_FOLDER = "/content/documents/{{year}}"  # content/documents/YEAR/ (plugins/transparency)

DISTRICT_FIELDS = (
    ("name", "Name", "As reports and releases write it, e.g. St Albans.", True),
    ("slug", "Web address", "Its address, /districts/<slug>/. Never change a published one.", True),
    ("council", "Council", "The name of the district's council.", True),
    ("website", "Council website", "The council's website, starting https://", True),
)
CONTACT_FIELDS = (
    ("id", "Anchor", "Its address on the contact page, /contact/#<anchor>. Never change a "
                     "published one.", True),
    ("name", "Name", "What people call it.", True),
    ("group", "Group", "The heading it is listed under.", True),
    ("phone", "Phone number", "Any common way of writing it: 01707 806100, 101, 18001 101.", False),
    ("phone_display", "Phone number as published",
     "Only for a memorable grouping of the same digits, e.g. 0300 011 5555.", False),
    ("email", "Email", "", False),
    ("website", "Website", "Starting https://", False),
    ("hours", "Opening hours", "Only hours you know to be right.", False),
    ("call_charges", "Call charges", "Only charges you know to be right.", False),
    ("description", "Description", "What to call it for, in a sentence.", False),
)


def widget_for(field, *, districts, topics, summary_max):
    """The Decap field for one site_core Field."""
    entry = {"name": field.key, "label": field.label, "required": field.required}
    if field.hint:
        entry["hint"] = field.hint
    if field.kind == "text":
        entry["widget"] = "string"
    elif field.kind == "paragraph":
        entry["widget"] = "text"
    elif field.kind == "date":
        entry.update(widget="datetime", format="YYYY-MM-DD", date_format="D MMMM YYYY",
                     time_format=False, picker_utc=True)
    elif field.kind == "list":
        # One box per item: a list without `field` is one box split at commas, which
        # would cut "Operation Stay Alert, Berkhamsted" in two.
        entry.update(widget="list", allow_add=True,
                     field={"name": "item", "label": field.label, "widget": "string"})
        if field.required:
            entry["min"] = 1
    elif field.kind in ("choice", "choices"):
        options = {"districts": districts, "topics": topics}.get(field.choices, field.choices)
        entry.update(widget="select", options=list(options), multiple=field.kind == "choices")
        if field.kind == "choices":
            entry["default"] = []
    elif field.kind == "changes":
        # default []: without it Decap starts a new item with one empty correction,
        # whose note it then requires.
        entry.update(widget="list", allow_add=True, default=[],
                     summary="{{fields.date}}: {{fields.note}}",
                     fields=[{"name": "date", "label": "Date", "widget": "datetime",
                              "format": "YYYY-MM-DD", "date_format": "D MMMM YYYY",
                              "time_format": False, "picker_utc": True, "default": "{{now}}"},
                             {"name": "note", "label": "What changed", "widget": "string"}])
    elif field.kind == "documents":
        entry.update(widget="list", allow_add=True, default=[], summary="{{fields.title}}",
                     fields=[{"name": "file", "label": "File", "widget": "file",
                              "choose_url": False, "media_folder": DOCUMENT_FOLDER,
                              "public_folder": "documents/{{year}}"},
                             {"name": "title", "label": "Title", "widget": "string"}])
    elif field.kind == "image":
        entry.update(widget="image", choose_url=False, media_folder=IMAGE_FOLDER,
                     public_folder="images/{{year}}")
    if field.key == "summary":
        entry["hint"] = f"{field.hint} At most {summary_max} characters."
        entry["pattern"] = [f"^[\\s\\S]{{0,{summary_max}}}$",
                            f"Shorten the summary to {summary_max} characters or fewer."]
    elif field.key == "slug":
        entry["pattern"] = [SLUG_PATTERN, "Write lower-case words joined by hyphens, "
                            "such as council-tax."]
    return entry


def collection_for(content_type, *, districts, topics, summary_max):
    label, singular, description = COLLECTION_TEXT[content_type.kind]
    fields = [widget_for(field, districts=districts, topics=topics, summary_max=summary_max)
              for field in fields_of(content_type)]
    for field in fields:
        if field["name"] == "date" or (field["name"] == "modified" and
                                       "modified" in STARTER_KEYS[content_type.kind]):
            field["default"] = "{{now}}"  # today, as make new-release dates a new file
    fields.append({"name": "body", "label": "Text", "widget": "markdown",
                   "hint": BODY_HINT[content_type.kind], "required": True,
                   "pattern": [NO_EMPTY_ALT, "Describe every picture: write what it shows "
                               "between the square brackets of ![...](...)."]})
    return {
        "name": content_type.kind,
        "label": label,
        "label_singular": singular,
        "description": description,
        "folder": f"content/{content_type.folder}",
        "extension": "md",
        "format": f"pelican-{content_type.kind}",  # registered by editor.js
        "create": True,
        # The file name is made by editor.js with site_core's slug rules, the same
        # as make new-release: news/2017-05-24-support-for-victims.md, faq/council-tax.md.
        "slug": "{{fields._file_name}}",
        "identifier_field": "title",
        "summary": "{{title}} ({{date}})" if content_type.dated else "{{title}}",
        # newest first, as the site lists them
        "sortable_fields": ([{"field": "date", "default_sort": "desc"}, "title"]
                            if content_type.dated else ["title"]),
        "media_folder": IMAGE_FOLDER,
        "public_folder": "{static}/images/{{year}}",
        "fields": fields,
    }


def data_file_collection():
    def list_field(name, label, hint, subfields, summary):
        return {"name": name, "label": label, "label_singular": label.rstrip("s"),
                "hint": hint, "widget": "list", "summary": summary, "fields": [
                    {"name": key, "label": text, "hint": help_text, "required": required,
                     "widget": "string"} for key, text, help_text, required in subfields]}

    return {
        "name": "data",
        "label": "Contact numbers and districts",
        "description": "The lists the whole site is built from.",
        "editor": {"preview": False},
        "files": [
            {"name": "contacts", "label": "Contact directory",
             "file": "content/data/contacts.yml", "format": "yaml",
             "fields": [list_field("contacts", "Contacts",
                                   "Every phone number, email and website the site gives.",
                                   CONTACT_FIELDS, "{{fields.name}}")]},
            {"name": "districts", "label": "Districts",
             "file": "content/data/districts.yml", "format": "yaml",
             "fields": [list_field("districts", "Districts",
                                   "The districts of Hertfordshire.",
                                   DISTRICT_FIELDS, "{{fields.name}}")]},
        ],
    }


def editor_config(*, districts, topics, summary_max, repo, branch, site_url,
                  auth_url=None, local_server="http://localhost:8081/api/v1"):
    """Decap CMS's configuration, as a dict (written to admin/config.yml)."""
    backend = {"name": "github", "repo": repo, "branch": branch,
               "commit_messages": {"create": "Add {{collection}} “{{slug}}” (web editor)",
                                   "update": "Update {{collection}} “{{slug}}” (web editor)",
                                   "delete": "Delete {{collection}} “{{slug}}” (web editor)",
                                   "uploadMedia": "Add picture “{{path}}” (web editor)",
                                   "deleteMedia": "Delete picture “{{path}}” (web editor)"}}
    if auth_url:
        backend["base_url"] = auth_url
    options = dict(districts=districts, topics=topics, summary_max=summary_max)
    return {
        "backend": backend,
        # Every change is a branch and a pull request: CI checks it and a reviewer
        # approves it before it reaches the site.
        "publish_mode": "editorial_workflow",
        # On localhost only: `make cms` runs decap-server, which writes into the working copy.
        "local_backend": {"url": local_server},
        "site_url": site_url,
        "display_url": site_url,
        "locale": "en",
        "media_folder": "content/images",
        "public_folder": "/images",
        "show_preview_links": False,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection_for(content_type, **options)
                        for content_type in CONTENT_TYPES] + [data_file_collection()],
    }
