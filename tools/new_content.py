#!/usr/bin/env python3
"""Start a new content file, correctly named, with complete front matter.

    make new-release TITLE="Commissioner funds new victim service"
    make new-district-day DISTRICT="St Albans"
    make new-faq TITLE="Police budget"

The file is dated today (Europe/London); the summary is left empty for you to
write (`make check` reminds you until you do). An existing file is never replaced.
"""

import argparse
import datetime
import difflib
import re
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

DEFAULT_DISTRICTS = [
    "Broxbourne", "Dacorum", "East Hertfordshire", "Hertsmere", "North Hertfordshire",
    "St Albans", "Stevenage", "Three Rivers", "Watford", "Welwyn Hatfield",
]


class UsageError(Exception):
    pass


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def quoted(text):
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=1000).strip()


def districts_in(content):
    path = Path(content) / "data" / "districts.yml"
    if not path.exists():
        return DEFAULT_DISTRICTS
    return [entry["name"] for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


def release(title, today):
    return (f"news/{today:%Y-%m-%d}-{slugify(title)}.md",
            f"---\ntitle: {quoted(title)}\ndate: {today:%Y-%m-%d}\nsummary: \"\"\n"
            "tags: []\n---\nWrite the press release here. Start with the news in one or "
            "two sentences.\n")


def district_day(district, today, districts):
    names = {name.lower(): name for name in districts}
    if district.lower() not in names:
        close = difflib.get_close_matches(district.lower(), list(names), n=1, cutoff=0.6)
        hint = f' (did you mean "{names[close[0]]}"?)' if close else ""
        raise UsageError(f'"{district}" is not one of the districts{hint}. '
                         f"Use one of: {', '.join(districts)}")
    district = names[district.lower()]
    return (f"district-days/{today:%Y-%m-%d}-{slugify(district)}.md",
            f"---\ntitle: {quoted(f'District Day in {district}')}\n"
            f"date: {today:%Y-%m-%d}\nsummary: \"\"\ntags: []\n"
            f"district: {district}\nvisits:\n  - Write each place or group visited on a "
            "line of its own\n---\nWrite the report here: one section (## Place) per "
            "visit.\n")


def faq(title, today):
    return (f"faq/{slugify(title)}.md",
            f"---\ntitle: {quoted(title)}\ndate: {today:%Y-%m-%d}\n"
            f"modified: {today:%Y-%m-%d}\nsummary: \"\"\n---\n"
            "Write a short introduction here.\n\n## Write the first question here?\n\n"
            "Write its answer here.\n")


def create(kind, content, title=None, district=None, today=None):
    """Write the new file; return its path. UsageError for a bad title or district."""
    today = today or datetime.datetime.now(ZoneInfo("Europe/London")).date()
    if kind == "district-day":
        if not (district or "").strip():
            raise UsageError('say which district: make new-district-day DISTRICT="St Albans"')
        relative, text = district_day(district.strip(), today, districts_in(content))
    else:
        if not (title or "").strip() or not slugify(title):
            raise UsageError(f'give a title: make new-{kind} TITLE="Words of the headline"')
        relative, text = (release if kind == "release" else faq)(title.strip(), today)
    path = Path(content) / relative
    if path.exists():
        raise UsageError(f"{path} already exists: open it, or choose another title")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["release", "district-day", "faq"])
    parser.add_argument("--content", default="content")
    parser.add_argument("--title")
    parser.add_argument("--district")
    args = parser.parse_args(argv)
    try:
        path = create(args.kind, args.content, title=args.title, district=args.district)
    except UsageError as error:
        print(f"Not created: {error}", file=sys.stderr)
        return 2
    print(f"Created {path}. Write the summary and the text, then run: make check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
