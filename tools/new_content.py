#!/usr/bin/env python3
"""Start a new content file, correctly named, with complete front matter.

    make new-release TITLE="Commissioner funds new victim service"
    make new-district-day DISTRICT="St Albans"
    make new-decision TITLE="Community Safety Fund for 2017/18"
    make new-faq TITLE="Police budget"

The file is dated today (Europe/London); the summary is left empty for you to
write (`make check` reminds you until you do). An existing file is never replaced.
"""

import argparse
import datetime
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from district_days.districts import match_district, normalise, parse_districts
from site_core import BY_KIND, PLACEHOLDERS, did_you_mean, slugify

DISTRICTS_FILE = Path("data") / "districts.yml"


class UsageError(Exception):
    pass


def quoted(text):
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=1000).strip()


def districts_in(content):
    """The districts listed in content/data/districts.yml (the one list of them)."""
    path = Path(content) / DISTRICTS_FILE
    try:
        districts, _ = parse_districts(path.read_text(encoding="utf-8"))
    except OSError:
        raise UsageError(f"{path} is missing: it lists the districts. Restore it "
                         "(git checkout -- content/data/districts.yml)") from None
    if not districts:
        raise UsageError(f"{path} lists no district that can be used: run make check")
    return districts


def release(title, today):
    return (f"{BY_KIND['news'].folder}/{today:%Y-%m-%d}-{slugify(title)}.md",
            f"---\ntitle: {quoted(title)}\ndate: {today:%Y-%m-%d}\nsummary: \"\"\n"
            f"tags: []\n---\n{PLACEHOLDERS['news_text']}\n")


def district_day(written, today, districts):
    match = match_district(written, districts)
    district = match.district
    if district is None and len(match.suggestions) == 1 and \
            normalise(written) == normalise(match.suggestions[0].name):
        district = match.suggestions[0]  # "st albans" for "St Albans": clearly meant
    if district is None:
        raise UsageError(f'"{written}" is not one of the districts'
                         f"{did_you_mean([d.name for d in match.suggestions])}. "
                         f"Use one of: {', '.join(d.name for d in districts)}")
    return (f"{BY_KIND['district-day'].folder}/{today:%Y-%m-%d}-{district.slug}.md",
            f"---\ntitle: {quoted(f'District Day in {district.name}')}\n"
            f"date: {today:%Y-%m-%d}\nsummary: \"\"\ntags: []\n"
            f"district: {district.name}\nvisits:\n  - {PLACEHOLDERS['visit']}\n---\n"
            f"{PLACEHOLDERS['report_text']}\n")


def decision(title, today):
    return (f"{BY_KIND['decision'].folder}/{today:%Y-%m-%d}-{slugify(title)}.md",
            f"---\ntitle: {quoted(title)}\ndate: {today:%Y-%m-%d}\nnumber: \"\"\n"
            f"summary: \"\"\ndecision: \"\"\ncost: \"\"\n---\n"
            f"{PLACEHOLDERS['background']}\n")


def faq(title, today):
    return (f"{BY_KIND['faq'].folder}/{slugify(title)}.md",
            f"---\ntitle: {quoted(title)}\ndate: {today:%Y-%m-%d}\n"
            f"modified: {today:%Y-%m-%d}\nsummary: \"\"\n---\n"
            f"{PLACEHOLDERS['introduction']}\n\n## {PLACEHOLDERS['question']}\n\n"
            f"{PLACEHOLDERS['answer']}\n")


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
        make = {"release": release, "decision": decision, "faq": faq}[kind]
        relative, text = make(title.strip(), today)
    path = Path(content) / relative
    if path.exists():
        raise UsageError(f"{path} already exists: open it, or choose another title")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["release", "district-day", "decision", "faq"])
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
