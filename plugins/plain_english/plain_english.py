"""Plain English and house style, checked as each item is read: warnings in the build's
report, with the line and a suggestion (rules.py says what is checked).

A writer keeps one warning on one line by adding a comment to that line:
`<!-- style: accept long-sentence -->` in the text, `# style: accept avoid` in the
front matter; with no name after "accept", every plain-English warning of the line.
"""

import dataclasses
import html
import logging
import os
import re
import time
from dataclasses import dataclass, field

from pelican import signals
from pelican.contents import Article, Page
from site_core import (
    WARNING, BuildState, Problem, close_matches, content_type_of, did_you_mean, find_line,
    front_matter_span, report, shown_path, worker_tasks,
)
from site_core.pelican_compat import content_html, replace_content_html

from . import rules
from .guide import StyleGuide, load_guide
from .prose import page_prose
from .reading_age import reading_age

DEFAULTS = {
    "PLAIN_ENGLISH": True,  # False: no plain-English warnings (the style report still works)
    "PLAIN_ENGLISH_FILE": "data/style.yml",  # relative to PATH
    "PLAIN_ENGLISH_SENTENCE_WORDS": 25,  # GOV.UK: 25 words or fewer
    # Above this reading age a page is flagged (plugins/plain_english/README.md says why).
    "PLAIN_ENGLISH_READING_AGE": 14,
    "PLAIN_ENGLISH_READING_AGE_MIN_WORDS": 100,  # too few words for a steady score below
}
_ACCEPT = re.compile(r"(?:<!--|#)\s*style:\s*accept\b(?P<rules>[^>\n]*?)\s*(?:-->|$)")
_TAGS = re.compile(r"<[^>]+>")
_ACCEPT_IN_HTML = re.compile(r"\s*<!--\s*style:\s*accept\b.*?-->", re.DOTALL)


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


@dataclass
class PlainEnglishBuild:
    settings: dict
    guide: StyleGuide = field(default_factory=StyleGuide)
    style_file: str = ""
    seconds: float = 0.0  # spent checking in the main process, for the benchmark
    checked: int = 0
    in_workers: int = 0  # of those checked, how many fast_markdown's workers checked


_build = BuildState(PlainEnglishBuild)
logger = logging.getLogger(__name__)


def style_file_path(settings):
    """Where the site's style guide is (PLAIN_ENGLISH_FILE, relative to PATH)."""
    return os.path.join(settings["PATH"], setting(settings, "PLAIN_ENGLISH_FILE"))


def load_style_file(pelican):
    """Read style.yml at the start of each build; its own mistakes are reported too."""
    state = _build.current
    path = style_file_path(state.settings)
    state.style_file = shown_path(path)
    if not os.path.isfile(path):
        state.guide = None  # a site opts in with its style file (another plugin's fixture site)
        return None
    with open(path, encoding="utf-8") as handle:
        state.guide, problems = load_guide(handle.read(), os.path.basename(path))
    # Warnings too: the rest of the file is used, and plain English never stops publishing.
    report(*(dataclasses.replace(problem, level=WARNING).at(path) for problem in problems))
    return None  # get_generators: this receiver adds no generator


def check_item(content):
    """Check one article or page as it is read."""
    state = _build.current
    if state is None or not isinstance(content, (Article, Page)):
        return
    written = content_html(content)
    if "style:" in written:  # a writer's note for the checks, not for readers or feeds
        replace_content_html(content, _ACCEPT_IN_HTML.sub("", written))
    path = content.source_path
    if not _is_checked(state, path):
        return
    started = time.perf_counter()
    title = getattr(content, "title", "")
    summary = plain_text(content.metadata.get("summary", ""))
    done = worker_tasks.take(path, "plain_english")
    if done is not None and done[:2] == (title, summary):
        findings, front_matter_end = done[2:]
        state.in_workers += 1
    else:  # no worker checked it, or with another title or summary than Pelican's
        findings, front_matter_end = check_file(path, title, summary, state)
    report(*(Problem(f.what, f.fix + _keep_it(f, f.line <= front_matter_end),
                     level=WARNING, line=f.line).at(path) for f in findings))
    state.seconds += time.perf_counter() - started
    state.checked += 1


def _is_checked(state, path):
    """Whether the file at `path` gets plain-English warnings in this build."""
    if state is None or state.guide is None or not setting(state.settings, "PLAIN_ENGLISH"):
        return False
    relative = os.path.relpath(path, state.settings["PATH"])
    return content_type_of(relative) is not None and os.path.isfile(path)


def check_file(path, title, summary, state):
    """(findings, the line number of the front matter's closing "---" or 0)."""
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    findings, _reading_age = check_source(source, title, summary, state.guide, state.settings,
                                          state.style_file)
    span = front_matter_span(source.splitlines())
    return findings, span[1] + 1 if span else 0


def check_in_worker(path, front_matter, fields_html):
    """check_file, in one of fast_markdown's workers while the main process reads other
    files: (title, summary, findings, front matter end), taken by check_item if Pelican's
    title and summary are the same."""
    state = _build.current
    if not _is_checked(state, path):
        return None
    title, summary = front_matter.get("title", ""), front_matter.get("summary", "")
    if not isinstance(title, str) or not isinstance(summary, str):
        return None  # Pelican makes something else of them: the main process checks
    summary = plain_text(fields_html.get(summary, "")) if summary else ""
    return (title, summary, *check_file(path, title, summary, state))


def check_source(source, title, summary, guide, settings, style_file="style.yml"):
    """(findings not accepted on their line, (reading age, words)) of one file."""
    lines = source.splitlines()
    title_line = find_line(lines, key="title") if title else None
    summary_line = find_line(lines, key="summary") if summary else None
    page = page_prose(lines, title=(title_line, title) if title_line else None,
                      summary=(summary_line, summary) if summary_line else None)
    findings = (rules.long_sentences(page, setting(settings, "PLAIN_ENGLISH_SENTENCE_WORDS"))
                + rules.words_to_avoid(page, guide)
                + rules.capitals(page, guide, style_file)
                + rules.house_style(page)
                + rules.link_texts(page)
                + rules.abbreviations(page, guide, "summary")  # lists and feeds show it alone
                + rules.abbreviations(page, guide, "body"))
    age, words = reading_age(page)
    most = setting(settings, "PLAIN_ENGLISH_READING_AGE")
    if age is not None and round(age) > most \
            and words >= setting(settings, "PLAIN_ENGLISH_READING_AGE_MIN_WORDS"):
        findings.append(rules.Finding(
            rules.READING_AGE, title_line or 1,
            f"the page has a reading age of {round(age)} (more than {most}): its sentences "
            "or words are long for many readers",
            "use shorter sentences and everyday words; `make style-report` lists every "
            "page's reading age"))
    if "style:" in source:
        accepted = accepted_lines(lines)
        findings = [f for f in findings if not _is_accepted(f, accepted)]
        findings += _unknown_names(accepted)
    return sorted(findings, key=lambda f: f.line), (age, words)


def _unknown_names(accepted):
    """A comment that names no check keeps nothing: say so, rather than let it look kept."""
    return [rules.Finding("accept", line, f'the comment "style: accept {name}" names no check',
                          f"use one of {', '.join(rules.RULES)}"
                          f"{did_you_mean(close_matches(name, rules.RULES))}")
            for line, names in sorted(accepted.items())
            for name in sorted(names - {"*", *rules.RULES})]


def accepted_lines(lines):
    """{line number: the rules accepted on it ("*": all)}."""
    accepted = {}
    for number, line in enumerate(lines, start=1):
        for found in _ACCEPT.finditer(line):
            names = set(re.split(r"[\s,]+", found.group("rules").strip())) - {""}
            accepted.setdefault(number, set()).update(names or {"*"})
    return accepted


def _is_accepted(finding, accepted):
    names = accepted.get(finding.line, ())
    return "*" in names or finding.rule in names


def _keep_it(finding, in_front_matter):
    if finding.rule not in rules.RULES:
        return ""
    rule = finding.rule
    comment = f"# style: accept {rule}" if in_front_matter else f"<!-- style: accept {rule} -->"
    return f" (or, to keep it, end the line with {comment})"


def plain_text(html_text):
    """The words of some HTML (a summary as Markdown made it), without its tags."""
    return html.unescape(_TAGS.sub("", str(html_text or ""))).strip()


def log_time(pelican):
    state = _build.current
    if state is not None and state.checked:
        logger.info("plain_english: checked %d files (%d of them in fast_markdown's workers) "
                    "in %.2f s", state.checked, state.in_workers, state.seconds)


def register():
    # get_generators: at the start of every build, before any item is read, so style.yml
    # is loaded in time (and read again by every build of the preview).
    signals.get_generators.connect(load_style_file)
    # content_object_init: each article and page passes here once as it is read; the
    # preview keeps items it has read and repeats their warnings (live_build).
    signals.content_object_init.connect(check_item)
    # The same checks in fast_markdown's workers, ahead of the main process (a large site).
    worker_tasks.run_in_workers("plain_english", check_in_worker)
    # finalized: every item has been read; the time is for developers (pelican -v).
    signals.finalized.connect(log_time)
