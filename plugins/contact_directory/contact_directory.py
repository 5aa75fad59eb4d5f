"""Pelican adapters for the contact directory: load it, link numbers, write /contact/.

The logic lives in numbers.py, directory.py, linking.py, checks.py and page.py;
the handlers below only move data between Pelican and those functions.
"""

import os

from content_messages import WARNING, line_of_text, report, report_problems, shown_path
from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator

from .checks import check_number
from .directory import load_directory
from .linking import find_numbers, link_numbers
from .page import json_ld, mentions_by_entry

DEFAULTS = {
    "CONTACT_DIRECTORY_FILE": "data/contacts.yml",  # relative to PATH
    "CONTACT_DIRECTORY_URL": "contact/",
    "CONTACT_DIRECTORY_SAVE_AS": "contact/index.html",
    "CONTACT_DIRECTORY_TEMPLATE": "contact",
    "CONTACT_DIRECTORY_LINK_NUMBERS": True,
    "CONTACT_DIRECTORY_CALL_CHARGES_URL": "https://www.gov.uk/call-charges",
    # Pages listed under "Mentioned in" per entry, newest first: keeps /contact/ light
    # (under 20 KB) however large the archive grows.
    "CONTACT_DIRECTORY_MENTIONS_LIMIT": 10,
}

# This build's directory; reset whenever a build starts (also each autoreload rebuild).
_build = {}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def start_build(pelican):
    """Load contacts.yml and report its problems; the page generator when there is one."""
    _build.clear()
    settings = pelican.settings
    path = os.path.join(settings["PATH"], setting(settings, "CONTACT_DIRECTORY_FILE"))
    if not os.path.isfile(path):
        return None  # a site without a directory (another plugin's fixture site): do nothing
    with open(path, encoding="utf-8") as handle:
        directory, problems = load_directory(handle.read())
    report_problems(path, problems)
    _build.update(directory=directory, path=path, settings=settings, verdicts={})
    return ContactPageGenerator


def check_and_link(content):
    """Link the numbers in one article or page, note the entries it mentions, warn of slips."""
    directory = _build.get("directory")
    if directory is None or not isinstance(content, (Article, Page)):
        return
    verdicts = {}

    def href_for(found):
        verdicts[found.raw] = verdict_on(found.raw)
        return verdicts[found.raw].href

    html, found = link_numbers(content._content, href_for)
    if setting(_build["settings"], "CONTACT_DIRECTORY_LINK_NUMBERS"):
        content._content = html
    for item in find_numbers(content.metadata.get("summary") or ""):
        href_for(item)
    entry_ids = [v.entry.id for v in verdicts.values() if v.entry]
    content.contact_entry_ids = tuple(dict.fromkeys(entry_ids))
    for raw, verdict in verdicts.items():
        if verdict.is_problem:
            line = line_of_text(content.source_path, raw)
            report(content.source_path, line, verdict.what, verdict.fix, level=WARNING)


def verdict_on(raw):
    """check_number, once per build for each way a number is written (releases repeat them)."""
    known = _build["verdicts"]
    if raw not in known:
        known[raw] = check_number(raw, _build["directory"], shown_path(_build["path"]))
    return known[raw]


class ContactPageGenerator(Generator):
    """Writes /contact/ and shares the directory with every template (the footer uses it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.directory = _build["directory"]
        self.context["contact_directory"] = self.directory

    def generate_output(self, writer):
        settings = self.settings
        url = setting(settings, "CONTACT_DIRECTORY_URL")
        site_url = settings.get("SITEURL") or settings.get("SITE_PUBLIC_URL", "")
        contents = list(self.context.get("articles", [])) + list(self.context.get("pages", []))
        writer.write_file(
            setting(settings, "CONTACT_DIRECTORY_SAVE_AS"),
            self.get_template(setting(settings, "CONTACT_DIRECTORY_TEMPLATE")),
            self.context,
            relative_urls=settings.get("RELATIVE_URLS", False),
            url=url,
            contact_mentions=mentions_by_entry(contents),
            contact_json_ld=json_ld(self.directory, settings.get("SITENAME", ""), site_url,
                                    f"{site_url}/{url}"),
            contact_call_charges_url=setting(settings, "CONTACT_DIRECTORY_CALL_CHARGES_URL"),
            contact_mentions_limit=setting(settings, "CONTACT_DIRECTORY_MENTIONS_LIMIT"),
        )


def register():
    # get_generators: runs at the start of every build, before any content is read,
    # so the directory is loaded in time and /contact/ gets a generator of its own.
    signals.get_generators.connect(start_build)
    # content_object_init: each article and page passes here once, with its HTML,
    # so numbers are checked and linked in one pass per item.
    signals.content_object_init.connect(check_and_link)
