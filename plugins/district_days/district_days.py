"""District Days: checks each report's district, and writes a page and a feed per district.

Thin adapters between Pelican and the pure functions in districts.py and reports.py.
"""

import os
from collections import defaultdict

from content_messages import ERROR, WARNING, line_of_key, report, report_problems, shown_path
from pelican import signals
from pelican.generators import Generator

from .districts import parse_districts
from .reports import (
    check_named_districts, check_report_district, check_visits, same_day_reports, summarise,
    visits_as_text,
)

DEFAULTS = {
    "DISTRICT_DAYS_DATA": "data/districts.yml",  # relative to PATH (content/)
    "DISTRICT_DAYS_CONTENT_TYPE": "district-day",  # as set by the content_types plugin
    "DISTRICT_DAYS_URL": "districts/{slug}/",
    "DISTRICT_DAYS_SAVE_AS": "districts/{slug}/index.html",
    "DISTRICT_DAYS_INDEX_URL": "districts/",
    "DISTRICT_DAYS_INDEX_SAVE_AS": "districts/index.html",
    "DISTRICT_DAYS_FEED_ATOM": "feeds/districts/{slug}.atom.xml",  # None: no feeds
    "DISTRICT_DAYS_RECENT_MONTHS": 12,
    # Press releases listed on a district page, newest first: keeps the page within
    # its weight budget after years of news (they all stay under /news/ and topics).
    "DISTRICT_DAYS_NEWS_LIMIT": 20,
}

def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def front_matter_end(path):
    """The line of the `---` that closes the front matter (where a missing key goes)."""
    dashes = 0
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip() == "---":
                    dashes += 1
                    if dashes == 2:
                        return number
    except OSError:
        return None
    return 1


def line_under_key(path, key, text):
    """The first line at or after `key:` that holds `text` (an item of a YAML list)."""
    start = line_of_key(path, key) or 1
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if number >= start and text in line:
                    return number
    except OSError:
        return None
    return None


def report_problem(path, problem, level=ERROR):
    line = (line_under_key(path, problem.key, problem.text) if problem.text else None) \
        or line_of_key(path, problem.key) or front_matter_end(path)
    report(path, line, problem.what, problem.fix, level=level)


class DistrictDaysGenerator(Generator):
    """Runs after Pelican's ArticlesGenerator, so every article has been read."""

    summaries = None

    def generate_context(self):
        setting_of = lambda name: setting(self.settings, name)  # noqa: E731
        data_path = os.path.join(self.path, setting_of("DISTRICT_DAYS_DATA"))
        listed = list(self.context.get("articles", []))  # on the site's lists and feeds
        hidden = list(self.context.get("hidden_articles", []))  # published, not listed
        drafts = list(self.context.get("drafts", []))
        everything = listed + hidden + drafts
        listed_ids = {id(article) for article in listed}
        draft_ids = {id(article) for article in drafts}
        kind = setting_of("DISTRICT_DAYS_CONTENT_TYPE")

        def is_report(article):
            return getattr(article, "content_type", None) == kind

        if not os.path.exists(data_path):
            naming = sum(1 for a in everything
                         if is_report(a) or a.metadata.get("districts") is not None)
            if naming:  # without content that names a district, stay quiet
                report(data_path, None,
                       f"the list of districts is missing, but {naming} "
                       "files name a district", "restore the file (see docs/CONTENT_GUIDE.md)")
            return
        with open(data_path, encoding="utf-8") as handle:
            districts, data_problems = parse_districts(handle.read())
        report_problems(data_path, data_problems)
        if not districts:
            return

        reports_by_slug, news_by_slug = defaultdict(list), defaultdict(list)
        checked = []  # (article, district) of every report that names a district
        named = []  # (press release, [district]) of every release with `districts:`
        for article in sorted(everything, key=lambda a: a.source_path):
            level = WARNING if id(article) in draft_ids else ERROR  # a draft is not published yet
            on_lists = id(article) in listed_ids
            if is_report(article):
                district = self._check_report(article, districts, level)
                if district:
                    checked.append((article, district))
                    if on_lists:
                        reports_by_slug[district.slug].append(article)
            elif article.metadata.get("districts") is not None:
                found, problems = check_named_districts(article.metadata["districts"], districts)
                for problem in problems:
                    report_problem(article.source_path, problem, level)
                named.append((article, found))
                if on_lists:
                    for district in found:
                        news_by_slug[district.slug].append(article)
        self._check_same_day([(a, d) for a, d in checked if id(a) not in draft_ids])

        urls = {d.slug: setting_of("DISTRICT_DAYS_URL").format(slug=d.slug) for d in districts}
        feed = setting_of("DISTRICT_DAYS_FEED_ATOM")
        feed_urls = {d.slug: feed.format(slug=d.slug) for d in districts} if feed else {}
        self.summaries, self.newest_report_date = summarise(
            districts, reports_by_slug, news_by_slug, urls, feed_urls,
            setting_of("DISTRICT_DAYS_RECENT_MONTHS"))
        by_slug = {summary.slug: summary for summary in self.summaries}
        for article, district in checked:
            article.district_page = by_slug[district.slug]
        for article, found in named:
            article.district_pages = [by_slug[d.slug] for d in found]
        # Other templates (the home page, footers) may list the districts too.
        self.context["districts"] = self.summaries

    def _check_report(self, article, districts, level):
        path = article.source_path
        district, problems = check_report_district(article.metadata.get("district"), districts)
        problems += check_visits(article.metadata.get("visits"))
        for problem in problems:
            report_problem(path, problem, level)
        article.visits = visits_as_text(article.metadata.get("visits"))
        if district:
            article.district = district.name
        return district

    def _check_same_day(self, checked):
        keyed = [(article, district, article.date.date()) for article, district in checked]
        by_article = {article: (district, day) for article, district, day in keyed}
        for article, others in same_day_reports(keyed):
            district, day = by_article[article]
            path = article.source_path
            names = ", ".join(shown_path(other.source_path) for other in others)
            report(path, line_of_key(path, "date") or line_of_key(path, "district"),
                   f"another District Day report is for {district.name} on {day:%-d %B %Y} "
                   f"too: {names}",
                   "correct the date or the district of one of them, or merge them into one report")

    def generate_output(self, writer):
        if not self.summaries:
            return
        setting_of = lambda name: setting(self.settings, name)  # noqa: E731
        common = {
            "districts": self.summaries,
            "newest_report_date": self.newest_report_date,
            "recent_months": setting_of("DISTRICT_DAYS_RECENT_MONTHS"),
            "districts_url": setting_of("DISTRICT_DAYS_INDEX_URL"),
            "news_limit": setting_of("DISTRICT_DAYS_NEWS_LIMIT"),
        }
        writer.write_file(
            setting_of("DISTRICT_DAYS_INDEX_SAVE_AS"), self.get_template("districts"),
            self.context, relative_urls=self.settings["RELATIVE_URLS"],
            url=setting_of("DISTRICT_DAYS_INDEX_URL"), **common)
        for summary in self.summaries:
            writer.write_file(
                setting_of("DISTRICT_DAYS_SAVE_AS").format(slug=summary.slug),
                self.get_template("district"), self.context,
                relative_urls=self.settings["RELATIVE_URLS"], url=summary.url,
                district=summary, **common)
            if summary.feed_url:
                # Pelican's own write_feed, so that the feeds plugin treats these feeds
                # like every other (feed_generated): absolute URLs, stable ids, dates.
                writer.write_feed(
                    summary.reports, self.context,
                    summary.feed_url, summary.feed_url,
                    feed_title=f"District Days in {summary.name}")


def get_generators(pelican):
    return DistrictDaysGenerator


def register():
    # get_generators: the district pages and feeds need every article read and are
    # written by their own generator, which Pelican runs after its ArticlesGenerator.
    signals.get_generators.connect(get_generators)
