#!/usr/bin/env python3
"""`make style-report`: every page's reading age, hardest first, with the archive's median,
and how many plain-English warnings each page has, so the team can see progress.

    tools/style_report.py --content content [--settings pelicanconf.py]

It reads the Markdown files themselves (no build): the same checks as the build
(plugins/plain_english), with the same style guide (content/data/style.yml) and the
same settings. Pages with fewer words than PLAIN_ENGLISH_READING_AGE_MIN_WORDS get a
score but never a warning.
"""

import argparse
import statistics
import sys
from pathlib import Path

from pelican.settings import read_settings
from plain_english.editor_checks import front_matter_of
from plain_english.guide import load_guide
from plain_english.plain_english import check_source, setting
from site_core import content_type_of

REPO = Path(__file__).resolve().parent.parent


def page_scores(content, settings):
    """(reading age or None, words, warnings, path, title) of each page, hardest first."""
    style_file = content / setting(settings, "PLAIN_ENGLISH_FILE")
    guide, _ = load_guide(style_file.read_text(encoding="utf-8")) if style_file.is_file() \
        else load_guide("")
    scores = []
    for path in sorted(content.rglob("*.md")):
        relative = path.relative_to(content)
        if content_type_of(relative) is None:
            continue
        source = path.read_text(encoding="utf-8")
        meta = front_matter_of(source.splitlines())
        title, summary = str(meta.get("title", "")), str(meta.get("summary", "") or "")
        findings, (age, words) = check_source(source, title, summary, guide, settings)
        scores.append((age, words, len(findings), relative.as_posix(), title))
    return sorted(scores, key=lambda score: (score[0] is None, -(score[0] or 0), score[3]))


def format_report(scores, most):
    aged = [score[0] for score in scores if score[0] is not None]
    lines = [f"Reading age of {len(scores)} pages, hardest first (a warning above {most}):", "",
             f"{'age':>5} {'words':>6} {'warnings':>8}  page"]
    for age, words, warnings, path, title in scores:
        shown = f"{age:5.1f}" if age is not None else "    -"
        lines.append(f"{shown} {words:6d} {warnings:8d}  {path}  ({title})")
    if aged:
        lines += ["", f"Median reading age: {statistics.median(aged):.1f}; "
                      f"{sum(round(age) > most for age in aged)} of {len(aged)} pages above {most}; "
                      f"{sum(score[2] for score in scores)} plain-English warnings in all."]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--settings", default=str(REPO / "pelicanconf.py"))
    options = parser.parse_args(argv)
    content = Path(options.content).resolve()
    settings = read_settings(options.settings, override={"PATH": str(content)})
    print(format_report(page_scores(content, settings),
                        setting(settings, "PLAIN_ENGLISH_READING_AGE")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
