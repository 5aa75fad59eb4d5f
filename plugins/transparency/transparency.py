"""Transparency: the duties of the Specified Information Order, the registers that meet
them, and where each duty stands on the day of the build.

Thin adapters between Pelican and the pure modules: duties.py (the duties file),
registers.py (the CSV registers), evidence.py (what meets each duty), status.py (met,
due or overdue) and periods.py (the deadlines).
"""

import os
from dataclasses import dataclass, field

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator
from site_core import ERROR, Problem, close_matches, did_you_mean, report, shown_path
from site_core.clock import build_now

from .documents import attachments_of
from .duties import parse_duties
from .evidence import events_of, item_evidence, meets_of, table_evidence
from .pages import write_pages
from .registers import (
    BY_NAME, REGISTERS, decode, file_name_problem, money_text, period_of_file, read_table,
)
from .status import OVERDUE, STATE_LABELS, duty_status, overdue_problems
from .urls import INDEX_URL, register_url, table_url

DECISIONS = "decisions"  # a duty's source that is the decisions register (content/decisions/)
DECISION_KIND = "decision"  # what content_types calls an item of content/decisions/
SOURCES = tuple(register.name for register in REGISTERS) + (DECISIONS,)
EVENTS = {"hmicfrs-reports": ("Report", "Published", "Comments published")}

DEFAULTS = {
    "TRANSPARENCY_DATA": "data/transparency.yml",  # relative to PATH (content/)
    "TRANSPARENCY_REGISTERS": "transparency",  # the folder of the CSV registers, in PATH
    "TRANSPARENCY_FEED_ATOM": "feeds/transparency.atom.xml",  # None: no feed
}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


@dataclass
class RegisterPages:
    register: object
    url: str
    tables: list = field(default_factory=list)  # newest first


@dataclass
class TransparencySite:
    """What the templates read: the duties grouped as the Order groups them, and the registers."""
    groups: list  # (Group, [Status, ...])
    registers: list  # RegisterPages with at least one table
    url: str = INDEX_URL
    feed_url: str | None = None

    @property
    def statuses(self):
        return [status for _, statuses in self.groups for status in statuses]

    def count(self, state):
        return sum(1 for status in self.statuses if status.state == state)

    @property
    def states(self):
        return [(state, label, self.count(state)) for state, label in STATE_LABELS.items()]


def read_registers(folder):
    """{register name: [Table, ...] newest first}, reporting every problem of every file."""
    tables = {register.name: [] for register in REGISTERS}
    if not os.path.isdir(folder):
        return tables
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        register = BY_NAME.get(name)
        if name.startswith(".") or name == "README.md":
            continue
        if register is None or not os.path.isdir(path):
            report(Problem(f'"{name}" is not one of the registers',
                           f"put each register file in its folder: {', '.join(BY_NAME)}"
                           f"{did_you_mean(close_matches(name, list(BY_NAME)))}").at(path))
            continue
        for file_name in sorted(os.listdir(path)):
            table = _read_file(register, os.path.join(path, file_name), file_name)
            if table is not None:
                tables[name].append(table)
        tables[name].sort(key=lambda table: table.period.start, reverse=True)
    return tables


def _read_file(register, path, file_name):
    stem, extension = os.path.splitext(file_name)
    if file_name.startswith(".") or file_name == "README.md":
        return None
    if extension.lower() != ".csv":
        report(Problem(f'"{file_name}" is not a CSV file',
                       "save the spreadsheet as CSV (comma separated values), named by its "
                       "period, and remove this copy", line=1).at(path))
        return None
    period = period_of_file(register, stem)
    if period is None:
        report(file_name_problem(register, file_name).at(path))
        return None
    with open(path, "rb") as handle:
        table, problems = read_table(register, period, path, decode(handle.read()))
    report(*(problem.at(path) for problem in problems))
    return None if any(problem.level == ERROR for problem in problems) else table


def duty_statuses(duties, tables, items, today):
    """({article: Status}, {article: [Event]}) of every duty on `today`, given the register
    tables and the site's items. Mistakes in items' `meets:` are reported on the items."""
    by_article = duties.by_article()
    evidence = {duty.article: [] for duty in duties.duties}
    for item in sorted(items, key=lambda item: item.source_path):
        found, item_problems = meets_of(item, by_article)
        report(*(problem.at(item.source_path) for problem in item_problems))
        for entry in found:
            evidence[entry.article].append(entry)
    statuses, events = {}, {}
    for duty in duties.duties:
        if duty.source == DECISIONS:
            evidence[duty.article] += [item_evidence(duty, item) for item in items
                                       if getattr(item, "content_type", None) == DECISION_KIND]
        elif duty.source:
            register_tables = tables[duty.source]
            evidence[duty.article] += [table_evidence(duty, table, table_url(table))
                                       for table in register_tables]
            if duty.source in EVENTS and register_tables:
                events[duty.article] = events_of(register_tables[0], *EVENTS[duty.source])
        statuses[duty.article] = duty_status(duty, evidence[duty.article], today,
                                             events.get(duty.article, ()))
    return statuses, events


class TransparencyGenerator(Generator):
    """Runs after Pelican's generators, so every article and page has been read."""

    site = None
    tables = None

    def generate_context(self):
        data_path = os.path.join(self.path, setting(self.settings, "TRANSPARENCY_DATA"))
        registers_folder = os.path.join(self.path, setting(self.settings, "TRANSPARENCY_REGISTERS"))
        self.tables = read_registers(registers_folder)
        items = [item for name in ("articles", "hidden_articles", "pages", "hidden_pages")
                 for item in self.context.get(name, [])]
        if not os.path.exists(data_path):
            if any(self.tables.values()) or any(item.metadata.get("meets") for item in items):
                report(Problem("the list of transparency duties is missing, but registers or "
                               "pages say which duty they meet",
                               "restore the file (see docs/CONTENT_GUIDE.md)").at(data_path))
            return
        with open(data_path, encoding="utf-8") as handle:
            duties, problems = parse_duties(handle.read(), SOURCES)
        report(*(problem.at(data_path) for problem in problems))
        today = build_now(self.settings).date()

        statuses, events = duty_statuses(duties, self.tables, items, today)
        for status in statuses.values():
            if status.state == OVERDUE:
                where = _what_to_publish(status.duty, registers_folder)
                report(*overdue_problems(status, data_path, where, events.get(status.duty.article, ())))

        decisions_url = self.settings.get("CATEGORY_URL", "{slug}/").format(slug=DECISIONS)
        for status in statuses.values():
            status.link = _link_of(status, decisions_url)
        groups = [(group, [statuses[d.article] for d in duties.duties if d.group == group.number])
                  for group in duties.groups]
        registers = [RegisterPages(register, register_url(register), self.tables[register.name])
                     for register in REGISTERS if self.tables[register.name]]
        self.site = TransparencySite(groups, registers, feed_url=setting(self.settings, "TRANSPARENCY_FEED_ATOM"))
        self.context["transparency"] = self.site
        # The footer of every page links /transparency/: a name of its own, so that a
        # change of a duty's status renders only the pages that show statuses again.
        self.context["transparency_url"] = self.site.url

    def generate_output(self, writer):
        if self.site is None:
            return
        write_pages(self, writer)


def _link_of(status, decisions_url):
    """Where /transparency/ sends a reader for a duty: the whole register (every month of
    spending, every decision), or the page that meets it, or nowhere yet."""
    if not status.evidence:
        return None
    source = status.duty.source
    if source == DECISIONS:
        return decisions_url
    if source:
        return register_url(BY_NAME[source])
    return status.latest.url


def _what_to_publish(duty, registers_folder):
    def where(name):
        if duty.rule == "after-event":
            return ("publish the Commissioner's comments, then fill in \"Comments published\" and "
                    "\"Comments link\" in this row")
        if duty.source and duty.source != DECISIONS:
            return f"publish {shown_path(os.path.join(registers_folder, duty.source, name + '.csv'))}"
        return (f'publish it, and say so in the front matter of the page that holds it: '
                f'meets: ["{duty.article} {name}"]')
    return where


def get_generators(pelican):
    return TransparencyGenerator


def attach_documents(content):
    """The documents an item publishes (`documents:`), checked, as `content.attachments`."""
    if not isinstance(content, (Article, Page)):
        return
    value = content.metadata.get("documents")
    attachments, problems = attachments_of(value, content.settings["PATH"])
    content.attachments = attachments
    report(*(problem.at(content.source_path) for problem in problems))


def add_filters(generator):
    generator.env.filters["money"] = money_text  # £1,250 or £1,234.56, as the tables show money


def register():
    # generator_init: every generator's templates may show an amount with `| money`.
    signals.generator_init.connect(add_filters)
    # content_object_init: each item's documents are checked as it is read, so that the
    # preview keeps them (and their problems) with the item.
    signals.content_object_init.connect(attach_documents)
    # get_generators: the duties' status needs every article and page read, and the
    # pages are written by a generator of their own, which Pelican runs after its own.
    signals.get_generators.connect(get_generators)
