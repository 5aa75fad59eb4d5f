"""Writing the transparency pages: /transparency/, a page per register, a page per
register file (with a copy sorted by each sortable column, and the CSV to download),
and the feed of transparency updates."""

import csv
import datetime
import io
from dataclasses import dataclass

from site_core.clock import site_zone

from .registers import MONEY, money_text
from .urls import csv_url, sorted_url, table_url

INDEX_SAVE_AS = "transparency/index.html"


@dataclass(frozen=True)
class FeedItem:
    """A register file as a feed entry: what Pelican's writer reads of an article."""
    title: str
    url: str
    summary: str
    date: datetime.datetime
    content: str

    def get_content(self, site_url):
        return self.content


def write_pages(generator, writer):
    # Each page is handed only what it shows: the preview (live_build) compares what a
    # page read with what it reads next time, and a register file's page that read the
    # whole site's registers would be compared row by row after every save.
    site, settings = generator.site, generator.settings
    common = {"relative_urls": settings["RELATIVE_URLS"], "transparency_url": site.url}
    writer.write_file(INDEX_SAVE_AS, generator.get_template("transparency"), generator.context,
                      url=site.url, transparency=site, **common)
    for pages in site.registers:
        writer.write_file(f"{pages.url}index.html", generator.get_template("transparency_register"),
                          generator.context, url=pages.url, register_pages=pages, **common)
        for table in pages.tables:
            _write_table(generator, writer, pages, table, common)
    feed = site.feed_url
    if feed:
        writer.write_feed(_feed_items(generator, site), generator.context, feed, feed,
                          feed_title="Transparency updates")


def _write_table(generator, writer, pages, table, common):
    template = generator.get_template("transparency_table")
    sortable = [column for column in table.columns if column.sortable]
    default = sortable[0] if sortable else None
    for column in [None] + sortable[1:]:
        by = column or default
        url = table_url(table) if column is None else sorted_url(table, column)
        rows = table.sorted_rows(by) if by else table.rows
        headings = [(c, _sort_link(table, c, default), _aria_sort(c, by))
                    for c in table.columns]
        writer.write_file(f"{url}index.html", template, generator.context, url=url,
                          register=pages.register, register_url=pages.url, table=table,
                          rows=rows, headings=headings,
                          sorted_by=by, is_sorted_copy=column is not None,
                          canonical=table_url(table), csv_url=csv_url(table), **common)
    # A template of its own (not env.from_string): the preview notes each page's template by name.
    writer.write_file(csv_url(table), generator.env.get_template("transparency_table.csv"),
                      generator.context, csv_text=_csv_text(table))


def _sort_link(table, column, default):
    if not column.sortable:
        return None
    return table_url(table) if column == default else sorted_url(table, column)


def _aria_sort(column, by):
    if column != by:
        return None
    return "descending" if column.kind == MONEY else "ascending"


def _csv_text(table):
    """The register file as downloaded: UTF-8, its own columns, one row a line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = table.columns
    writer.writerow([column.name for column in columns])
    for row in table.rows:
        writer.writerow([_plain(row[column.name], column) for column in columns])
    return out.getvalue()


def _plain(cell, column):
    if cell.value is None:
        return ""
    if isinstance(cell.value, datetime.date):
        return cell.value.isoformat()
    if column.kind == MONEY:
        return f"{cell.value:.2f}"
    return cell.text


def _feed_items(generator, site):
    """Register files and the decisions and pages that meet duties, newest first."""
    zone = site_zone(generator.settings)
    items, seen = [], set()
    for pages in site.registers:
        for table in pages.tables:
            day = table.period.end
            summary = f"{len(table.rows)} {'entry' if len(table.rows) == 1 else 'entries'}"
            if table.total is not None:
                summary += f", {money_text(table.total)} in all"
            title = f"{table.register.title}: {table.period.label}"
            items.append(FeedItem(title, table_url(table), summary,
                                  datetime.datetime(day.year, day.month, day.day, tzinfo=zone),
                                  f"<p>{summary}.</p>"))
    by_path = {item.source_path: item for name in ("articles", "hidden_articles", "pages", "hidden_pages")
               for item in generator.context.get(name, [])}
    for status in site.statuses:
        for evidence in status.evidence:
            if evidence.url in seen or evidence.url.startswith("transparency/"):
                continue
            seen.add(evidence.url)
            item = by_path.get(evidence.path)
            if item is not None and getattr(item, "date", None):  # a feed entry needs a date;
                items.append(item)  # a page with only modified: is on /transparency/ alone
    return sorted(items, key=lambda item: (item.date, item.url), reverse=True)
