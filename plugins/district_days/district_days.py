"""District Days: checks each report's district, and writes a page and a feed per district.

Thin adapters between Pelican and the pure functions in districts.py and reports.py.
"""

import dataclasses
import os
from collections import defaultdict

from pelican import signals
from pelican.generators import Generator
from site_core import BY_KIND, ERROR, WARNING, Problem, report, shown_path

from .districts import parse_districts
from .reports import (
    NO_VISITS, check_named_districts, check_report_district, check_visits, same_day_reports,
    summarise, visits_as_text,
)

# Where the pages go. Fixed, not settings: the header, the footer, the home page and the
# search page link to /districts/ as written, and published addresses never move.
INDEX_URL = "districts/"
INDEX_SAVE_AS = "districts/index.html"
DISTRICT_URL = "districts/{slug}/"
DISTRICT_SAVE_AS = "districts/{slug}/index.html"
# What the content_types plugin calls a District Day report (content/district-days/).
REPORT_KIND = BY_KIND["district-day"].kind

DEFAULTS = {
    "DISTRICT_DAYS_DATA": "data/districts.yml",  # relative to PATH (content/)
    "DISTRICT_DAYS_FEED_ATOM": "feeds/districts/{slug}.atom.xml",  # None: no feeds
    "DISTRICT_DAYS_RECENT_MONTHS": 12,
    # Press releases listed on a district page, newest first: keeps the page within
    # its weight budget after years of news (they all stay under /news/ and topics).
    "DISTRICT_DAYS_NEWS_LIMIT": 20,
}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def report_in(path, problems, level=ERROR):
    """Report the problems of the file at `path`; `level` WARNING for a draft's."""
    report(*(dataclasses.replace(problem, level=level).at(path) for problem in problems))


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

        def is_report(article):
            return getattr(article, "content_type", None) == REPORT_KIND

        if not os.path.exists(data_path):
            naming = sum(1 for a in everything
                         if is_report(a) or a.metadata.get("districts") is not None)
            if naming:  # without content that names a district, stay quiet
                report(Problem(f"the list of districts is missing, but {naming} files name a "
                               "district", "restore the file (see docs/CONTENT_GUIDE.md)")
                       .at(data_path))
            return
        with open(data_path, encoding="utf-8") as handle:
            districts, data_problems = parse_districts(handle.read())
        report_in(data_path, data_problems)
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
                report_in(article.source_path, problems, level)
                named.append((article, found))
                if on_lists:
                    for district in found:
                        news_by_slug[district.slug].append(article)
        self._check_same_day([(a, d) for a, d in checked if id(a) not in draft_ids])

        urls = {d.slug: DISTRICT_URL.format(slug=d.slug) for d in districts}
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
        district, problems = check_report_district(article.metadata.get("district"), districts)
        report_in(article.source_path, problems, level)
        visits = check_visits(article.metadata.get("visits"))
        if visits and visits[0].what == NO_VISITS and not self.settings.get("SITE_CORE_FAIL_ON"):
            level = WARNING  # unfinished: the preview shows the rest; publishing refuses it
        report_in(article.source_path, visits, level)
        article.visits = visits_as_text(article.metadata.get("visits"))
        if district:
            article.district = district.name
        return district

    def _check_same_day(self, checked):
        keyed = [(article, district, article.date.date()) for article, district in checked]
        by_article = {article: (district, day) for article, district, day in keyed}
        for article, others in same_day_reports(keyed):
            district, day = by_article[article]
            names = ", ".join(shown_path(other.source_path) for other in others)
            report(Problem(
                f"another District Day report is for {district.name} on {day:%-d %B %Y} "
                f"too: {names}",
                "correct the date or the district of one of them, or merge them into one report",
                key="date").at(article.source_path))

    def generate_output(self, writer):
        if not self.summaries:
            return
        setting_of = lambda name: setting(self.settings, name)  # noqa: E731
        common = {
            "districts": self.summaries,
            "newest_report_date": self.newest_report_date,
            "recent_months": setting_of("DISTRICT_DAYS_RECENT_MONTHS"),
            "districts_url": INDEX_URL,
            "news_limit": setting_of("DISTRICT_DAYS_NEWS_LIMIT"),
        }
        writer.write_file(
            INDEX_SAVE_AS, self.get_template("districts"),
            self.context, relative_urls=self.settings["RELATIVE_URLS"], url=INDEX_URL, **common)
        for summary in self.summaries:
            writer.write_file(
                DISTRICT_SAVE_AS.format(slug=summary.slug),
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
