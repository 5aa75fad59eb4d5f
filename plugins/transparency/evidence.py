"""What the site publishes for each duty: the register files, the decisions, and every
page or release whose front matter says `meets:`.

    meets:
      - 3(a) 2017-18     # the article, then the period it covers
      - 1(a)             # a duty kept current has no periods
"""

from site_core import Problem, close_matches, did_you_mean

from .periods import PERIOD_OF_RULE, parse_period
from .status import Evidence, Event

EXAMPLES = {"month": "2017-04", "financial year": "2017-18"}


def meets_of(item, duties):
    """(Evidence list, problems) of one article or page, from its `meets:`."""
    value = item.metadata.get("meets")
    if value in (None, "", []):
        return [], []
    entries = value if isinstance(value, list) else [value]
    found, problems = [], []
    updated = getattr(item, "modified", None) or getattr(item, "date", None)
    if updated is None:
        return [], [Problem("a page that meets a transparency duty has no date",
                            "add modified: and the day it was last brought up to date, "
                            "for example modified: 2017-04-03", key="meets")]
    for entry in entries:
        text = str(entry).strip()
        article, _, period_text = text.partition(" ")
        duty = duties.get(article)
        if duty is None:
            problems.append(Problem(
                f'meets "{text}": article "{article}" is not a duty in the duties file',
                "write the article as data/transparency.yml lists it, for example 3(a)"
                f"{did_you_mean(close_matches(article, list(duties)))}",
                key="meets", text=text))
            continue
        kind = PERIOD_OF_RULE.get(duty.rule)
        period = None
        if kind:
            period = parse_period(period_text, kind) if period_text.strip() else None
            if period is None:
                problems.append(Problem(
                    f'meets "{text}" does not say which {kind} it covers',
                    f'write the article, a space and the {kind}: "{article} {EXAMPLES[kind]}"',
                    key="meets", text=text))
                continue
        elif period_text.strip():
            problems.append(Problem(
                f'meets "{text}": duty {article} is kept up to date, not by {period_text.strip()}',
                f'write the article alone: "{article}"', key="meets", text=text))
            continue
        found.append(Evidence(article, period, item.title, item.url, updated.date(), item.source_path))
    return found, problems


def table_evidence(duty, table, url):
    """The Evidence of one register file, for the duty it meets."""
    period = table.period if PERIOD_OF_RULE.get(duty.rule) == table.period.kind else None
    updated = table.period.end
    return Evidence(duty.article, period, f"{table.register.title}: {table.period.label}", url,
                    updated, table.path)


def item_evidence(duty, item):
    """The Evidence of a decision (or another item a duty takes whole)."""
    updated = (getattr(item, "modified", None) or item.date).date()
    return Evidence(duty.article, None, item.title, item.url, updated, item.source_path)


def events_of(table, title_column, day_column, answered_column):
    """An Event per row of a register whose rows each need an answer (inspection reports)."""
    return [Event(row[title_column].text, row[day_column].value, row[answered_column].value,
                  table.path, line)
            for row, line in zip(table.rows, table.lines)]
