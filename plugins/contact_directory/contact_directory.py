"""Pelican adapters for the contact directory: load it, link numbers, write /contact/.

The logic lives in numbers.py, directory.py, linking.py, checks.py and page.py;
the handlers below only move data between Pelican and those functions.
"""

import os
from dataclasses import dataclass, field

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator
from site_core import BuildState, public_base_url, report, shown_path
from site_core.pelican_compat import content_html, replace_content_html

from .checks import check_number
from .directory import load_directory
from .linking import find_numbers, link_numbers
from .page import json_ld, mentions_by_entry

# Where the page goes. Fixed, not settings: the footer, the home page, the search page
# and the 404 page link to /contact/ as written, and a published address never moves.
PAGE_URL = "contact/"
PAGE_SAVE_AS = "contact/index.html"

DEFAULTS = {
    "CONTACT_DIRECTORY_FILE": "data/contacts.yml",  # relative to PATH
    "CONTACT_DIRECTORY_TEMPLATE": "contact",
    "CONTACT_DIRECTORY_LINK_NUMBERS": True,
    "CONTACT_DIRECTORY_CALL_CHARGES_URL": "https://www.gov.uk/call-charges",
    # Pages listed under "Mentioned in" per entry, newest first: keeps /contact/ light
    # (under 20 KB) however large the archive grows.
    "CONTACT_DIRECTORY_MENTIONS_LIMIT": 10,
    # Group name -> anchor on /contact/, for a group whose published anchor is not the
    # slug of its name (anchors are addresses too: they never move).
    "CONTACT_DIRECTORY_GROUP_ANCHORS": {},
}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


@dataclass
class ContactsBuild:
    """This build's directory, and the verdict on each way a number is written."""
    settings: dict
    directory: object = None  # a directory.Directory; None on a site without contacts.yml
    path: str = ""
    verdicts: dict = field(default_factory=dict)


_build = BuildState(ContactsBuild)


def start_build(pelican):
    """Load contacts.yml and report its problems; the page generator when there is one."""
    state = _build.current
    path = os.path.join(state.settings["PATH"], setting(state.settings, "CONTACT_DIRECTORY_FILE"))
    if not os.path.isfile(path):
        return None  # a site without a directory (another plugin's fixture site): do nothing
    with open(path, encoding="utf-8") as handle:
        state.directory, problems = load_directory(
            handle.read(), setting(state.settings, "CONTACT_DIRECTORY_GROUP_ANCHORS"))
    state.path = path
    report(*(problem.at(path) for problem in problems))
    return ContactPageGenerator


def check_and_link(content):
    """Link the numbers in one article or page, note the entries it mentions, warn of slips."""
    state = _build.current
    if state is None or state.directory is None or not isinstance(content, (Article, Page)):
        return
    verdicts = {}

    def href_for(found):
        verdicts[found.raw] = verdict_on(state, found.raw)
        return verdicts[found.raw].href

    original = content_html(content)
    html, found = link_numbers(original, href_for)
    if html != original and setting(state.settings, "CONTACT_DIRECTORY_LINK_NUMBERS"):
        replace_content_html(content, html)
    for item in find_numbers(content.metadata.get("summary") or ""):
        href_for(item)
    entry_ids = [v.entry.id for v in verdicts.values() if v.entry]
    content.contact_entry_ids = tuple(dict.fromkeys(entry_ids))
    report(*(v.problem.at(content.source_path) for v in verdicts.values() if v.is_problem))


def verdict_on(state, raw):
    """check_number, once per build for each way a number is written (releases repeat them)."""
    if raw not in state.verdicts:
        state.verdicts[raw] = check_number(raw, state.directory, shown_path(state.path))
    return state.verdicts[raw]


class ContactPageGenerator(Generator):
    """Writes /contact/ and shares the directory with every template (the footer uses it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.directory = _build.current.directory
        self.context["contact_directory"] = self.directory

    def generate_output(self, writer):
        settings = self.settings
        site_url = public_base_url(settings)
        contents = list(self.context.get("articles", [])) + list(self.context.get("pages", []))
        writer.write_file(
            PAGE_SAVE_AS,
            self.get_template(setting(settings, "CONTACT_DIRECTORY_TEMPLATE")),
            self.context,
            relative_urls=settings.get("RELATIVE_URLS", False),
            url=PAGE_URL,
            contact_mentions=mentions_by_entry(contents),
            contact_json_ld=json_ld(self.directory, settings.get("SITENAME", ""), site_url,
                                    f"{site_url}/{PAGE_URL}"),
            contact_call_charges_url=setting(settings, "CONTACT_DIRECTORY_CALL_CHARGES_URL"),
            contact_mentions_limit=setting(settings, "CONTACT_DIRECTORY_MENTIONS_LIMIT"),
        )


def register():
    # get_generators: runs at the start of every build, before any content is read (just
    # after _build starts this build's state), so the directory is loaded in time and
    # /contact/ gets a generator of its own.
    signals.get_generators.connect(start_build)
    # content_object_init: each article and page passes here once, with its HTML,
    # so numbers are checked and linked in one pass per item.
    signals.content_object_init.connect(check_and_link)
