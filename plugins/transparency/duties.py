"""The duties of the Specified Information Order, read from content/data/transparency.yml.

Each duty is one item of the Order: its article ("3(g)"), what it is in plain words,
the rule its deadline follows (periods.RULES) and, for a register, where its files
live. Every mistake in the file is a Problem with its line; a duty with an error is
left out of the status, never guessed.
"""

import re
from dataclasses import dataclass

import yaml
from site_core import Problem, close_matches, did_you_mean

from .periods import AFTER_EVENT, AFTER_YEAR, PERIOD_OF_RULE, RULES, parse_month_day, parse_period

ARTICLE = re.compile(r"(?P<group>\d+[A-Z]?)(?:\((?P<item>[a-z]{1,3})\))?")
DUTY_KEYS = ("article", "title", "about", "due", "days", "by", "source", "since")
REQUIRED = ("article", "title", "about", "due")
DUTIES_FILE = "transparency.yml"


@dataclass(frozen=True)
class Group:
    number: str  # "3"
    title: str


@dataclass(frozen=True)
class Duty:
    article: str  # "3(g)"
    title: str
    about: str
    rule: str  # one of periods.RULES
    line: int  # of the duty's first key in the duties file
    days: int | None = None  # after-event: days allowed
    by: tuple | None = None  # after-year: (month, day)
    source: str | None = None  # a register's name, or None: met by items' `meets:`
    since: object = None  # a Period: the first one the site keeps, or None

    @property
    def group(self):
        return ARTICLE.fullmatch(self.article).group("group")

    @property
    def period_kind(self):
        return PERIOD_OF_RULE.get(self.rule)


@dataclass(frozen=True)
class Duties:
    groups: tuple
    duties: tuple

    def by_article(self):
        return {duty.article: duty for duty in self.duties}


def parse_duties(text, sources):
    """(Duties, problems) from the text of the duties file. `sources` names the registers
    a duty may take its information from."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None or not isinstance(root, yaml.MappingNode):
            return Duties((), ()), [Problem(
                "the duties file holds no duties",
                'list them under "duties:", each starting with "- article:"', line=1)]
        parts = {key.value: value for key, value in root.value}
        problems = [Problem(f'unknown key "{key.value}" at the top of {DUTIES_FILE}',
                            'keep only "groups:" and "duties:"'
                            f"{did_you_mean(close_matches(key.value, ['groups', 'duties']))}",
                            line=key.start_mark.line + 1)
                    for key, _ in root.value if key.value not in ("groups", "duties")]
        groups = _groups(loader, parts.get("groups"), problems)
        duties = _duties(loader, parts.get("duties"), groups, sources, problems)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return Duties((), ()), [Problem(
            f"the duties file cannot be read: {reason}",
            'check the indentation and that every duty starts with "- article:"',
            line=mark.line + 1 if mark else None)]
    finally:
        loader.dispose()
    return Duties(tuple(groups), tuple(duties)), problems


def _entries(loader, node, what, problems):
    """(line, {key: value}, {key: line}) of each entry of a list node."""
    if not isinstance(node, yaml.SequenceNode):
        if node is not None:
            problems.append(Problem(f'"{what}:" holds no list', f'start each entry with "- "',
                                    line=node.start_mark.line + 1))
        return []
    entries = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            problems.append(Problem(f"this entry of {what} is not a set of keys",
                                    'write each key on its own line: "title: ..."', line=line))
            continue
        values, lines = {}, {}
        for key, value in item.value:
            values[str(key.value)] = loader.construct_object(value, deep=True)
            lines[str(key.value)] = key.start_mark.line + 1
        entries.append((line, values, lines))
    return entries


def _groups(loader, node, problems):
    groups = []
    for line, values, _ in _entries(loader, node, "groups", problems):
        number, title = str(values.get("number") or "").strip(), str(values.get("title") or "").strip()
        if not number or not title:
            problems.append(Problem("this group has no number or no title",
                                    'give it both: number: "3" and title: ...', line=line))
            continue
        groups.append(Group(number, title))
    return groups


def _duties(loader, node, groups, sources, problems):
    if node is None:
        problems.append(Problem("the duties file lists no duties",
                                'list them under "duties:", each starting with "- article:"', line=1))
    group_numbers = [group.number for group in groups]
    duties, seen = [], {}
    for line, values, lines in _entries(loader, node, "duties", problems):
        duty, duty_problems = _duty(values, lines, line, group_numbers, sources)
        problems += duty_problems
        if duty is None:
            continue
        if duty.article in seen:
            problems.append(Problem(f'article "{duty.article}" is listed twice',
                                    f"keep one of the two (the other is on line {seen[duty.article]})",
                                    line=lines["article"]))
            continue
        seen[duty.article] = lines["article"]
        duties.append(duty)
    return duties


def _duty(values, lines, line, group_numbers, sources):
    problems = []
    name = f'duty {values["article"]}' if values.get("article") else "this duty"

    def add(what, fix, key):
        problems.append(Problem(what, fix, line=lines.get(key, line)))

    for key in values:
        if key not in DUTY_KEYS:
            add(f'{name} has an unknown key "{key}"',
                f"remove it, or use one of {', '.join(DUTY_KEYS)}"
                f"{did_you_mean(close_matches(key, DUTY_KEYS))}", key)
    missing = [key for key in REQUIRED if not str(values.get(key) or "").strip()]
    if missing:
        add(f"{name} has no {' or '.join(missing)}",
            f"add {', '.join(f'{key}: ...' for key in missing)}", missing[0])
        return None, problems
    article = str(values["article"]).strip()
    found = ARTICLE.fullmatch(article)
    if not found:
        add(f'article "{article}" is not written as the Order numbers its items',
            'write the paragraph, then the letter in brackets: "3(g)", or "2A" alone', "article")
        return None, problems
    if group_numbers and found.group("group") not in group_numbers:
        add(f'article "{article}" is in no group of the duties file',
            f'add a group with number: "{found.group("group")}" under "groups:", or correct '
            f"the article{did_you_mean(close_matches(found.group('group'), group_numbers))}",
            "article")
    rule = str(values["due"]).strip()
    if rule not in RULES:
        add(f'{name}: due "{rule}" is not a rule the site knows',
            f"use one of {', '.join(RULES)}{did_you_mean(close_matches(rule, RULES))}", "due")
        return None, problems
    fields = {"article": article, "title": str(values["title"]).strip(),
              "about": str(values["about"]).strip(), "rule": rule, "line": lines["article"]}
    if rule == AFTER_EVENT:
        days = values.get("days")
        if not isinstance(days, int) or isinstance(days, bool) or days < 1:
            add(f"{name} is due after an event but gives no number of days",
                "add days: and the days allowed, for example days: 56", "days")
            return None, problems
        fields["days"] = days
    elif "days" in values:
        add(f'{name}: "days" only counts for due: {AFTER_EVENT}', "remove it", "days")
    if rule == AFTER_YEAR:
        by = parse_month_day(values.get("by") or "")
        if by is None:
            add(f'{name} is due after the financial year but "by" is not a month and day',
                'write the day as month-day in quotation marks, for example by: "06-30"', "by")
            return None, problems
        fields["by"] = by
    elif "by" in values:
        add(f'{name}: "by" only counts for due: {AFTER_YEAR}', "remove it", "by")
    source = values.get("source")
    if source is not None:
        source = str(source).strip()
        if source not in sources:
            add(f'{name}: source "{source}" is not a register of the site',
                f"use one of {', '.join(sources)}{did_you_mean(close_matches(source, sources))}, "
                "or remove it for a duty met by pages that say meets:", "source")
            return None, problems
        fields["source"] = source
    if values.get("since") is not None:
        kind = PERIOD_OF_RULE.get(rule)
        since = parse_period(values["since"], kind) if kind else None
        if since is None:
            example = {"month": '"2017-04"', "financial year": '"2017-18"'}.get(kind)
            add(f'{name}: since "{values["since"]}" is not a {kind or "period"}',
                f"write the first {kind} the site keeps, for example since: {example}" if kind
                else f"remove it: due: {rule} has no periods", "since")
            return None, problems
        fields["since"] = since
    return (None if problems else Duty(**fields)), problems
