#!/usr/bin/env python3
"""`make transparency-report`: every duty of the Specified Information Order, grouped as
the Order groups them, with where it stands today: up to date, due, overdue (and since
when), or not yet published here.

    tools/transparency_report.py --content content [--now 2027-01-15]

It reads the duties file, the CSV registers and the front matter of every Markdown file
(`meets:`, and the decisions), the way the build does, without building the site. A
draft or a file dated after today counts for nothing, as on the site.
"""

import argparse
import datetime
import sys
from pathlib import Path
from types import SimpleNamespace

from pelican.settings import read_settings
from plain_english.editor_checks import front_matter_of
from site_core import content_type_of
from site_core.clock import build_now
from site_core.dates import parse_date
from transparency.duties import parse_duties
from transparency.status import STATE_LABELS
from transparency.transparency import SOURCES, duty_statuses, read_registers, setting

REPO = Path(__file__).resolve().parent.parent


def items_of(content, today):
    """What the build would publish, as much as the statuses need: front matter and dates."""
    items = []
    for path in sorted(content.rglob("*.md")):
        content_type = content_type_of(path.relative_to(content))
        if content_type is None:
            continue
        meta = front_matter_of(path.read_text(encoding="utf-8").splitlines())
        if str(meta.get("status") or "published") == "draft":
            continue
        try:
            date = parse_date(meta["date"]) if meta.get("date") else None
            modified = parse_date(meta["modified"]) if meta.get("modified") else None
        except ValueError:
            continue  # the build reports it
        if date and date.date() > today:
            continue  # scheduled: not on the site yet
        item = SimpleNamespace(metadata=meta, title=str(meta.get("title", path.stem)), url="",
                               source_path=str(path), content_type=content_type.kind)
        if date:
            item.date = date
        if modified:
            item.modified = modified
        items.append(item)
    return items


def report_lines(content, settings, today):
    data = content / setting(settings, "TRANSPARENCY_DATA")
    duties, problems = parse_duties(data.read_text(encoding="utf-8"), SOURCES)
    tables = read_registers(str(content / setting(settings, "TRANSPARENCY_REGISTERS")))
    statuses, _ = duty_statuses(duties, tables, items_of(content, today), today)
    lines = [f"Transparency duties on {today.day} {today:%B %Y} ({data})"]
    if problems:
        lines.append(f"{len(problems)} mistakes in the duties file: `make check` lists them; "
                     "the duties with mistakes are left out below")
    for group in duties.groups:
        lines += ["", f"{group.number}. {group.title}"]
        for duty in duties.duties:
            if duty.group != group.number:
                continue
            status = statuses[duty.article]
            updated = status.last_updated
            when = f" (last updated {updated.day} {updated:%B %Y})" if updated and \
                status.state != "published" else ""
            lines.append(f"  {duty.article:<7} {duty.title}: {status.summary}{when}")
    counts = [(label, sum(1 for s in statuses.values() if s.state == state))
              for state, label in STATE_LABELS.items()]
    lines += ["", f"{len(statuses)} duties: " + ", ".join(f"{n} {label.lower()}" for label, n in counts if n)]
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--settings", default=str(REPO / "pelicanconf.py"))
    parser.add_argument("--now", help="the day to report on (year-month-day); default today")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings)
    today = (datetime.date.fromisoformat(args.now) if args.now else build_now(settings).date())
    content = Path(args.content)
    if not (content / setting(settings, "TRANSPARENCY_DATA")).is_file():
        print(f"No duties file: {content / setting(settings, 'TRANSPARENCY_DATA')}", file=sys.stderr)
        return 1
    print("\n".join(report_lines(content, settings, today)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
