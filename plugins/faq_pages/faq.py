"""An FAQ page from its HTML and Markdown: questions with ids, problems, JSON-LD.

Pure functions, no Pelican: `read_faq(html, source)` gives an `Faq` with the rewritten
body HTML (ids on the questions, a "Back to the questions" link after each answer), the
questions for the list at the top and the index, the `FAQPage` JSON-LD, and the
problems to report.
"""

from dataclasses import dataclass
from html import escape

from site_core import Problem, script_json

from .ids import question_id, unique_ids
from .source_lines import first_body_line, question_lines
from .splitting import split_at_questions

# The id of the list of questions at the top of the page, where every "Back to the
# questions" link leads. The template reads it from `page.faq.contents_id`.
CONTENTS_ID = "questions"
# Ids the page around the questions already uses (base.html, partials).
PAGE_IDS = frozenset({CONTENTS_ID, "main-content", "site-search"})
# Marks where the introduction ends in the page's content, so that the template can put
# the list of questions between the introduction and the answers.
INTRO_END_MARKER = "<!-- faq: end of introduction -->"
BACK_LINK_TEXT = "Back to the questions"
FULL_WIDTH_QUESTION_MARK = "\uff1f"


@dataclass(frozen=True)
class Question:
    id: str
    text: str  # plain text of the heading, for lists, JSON-LD and messages
    answer_text: str  # plain text of the answer, as a reader sees it
    line: int | None  # of the heading in the Markdown source


@dataclass(frozen=True)
class Faq:
    html: str  # the page's new content: introduction, marker, questions and answers
    questions: tuple
    problems: tuple

    @property
    def json_ld(self):
        return faq_json_ld(self.questions)


def read_faq(html, source):
    """Read an FAQ page: its rendered `html` and its Markdown `source` (with front matter)."""
    page = split_at_questions(html)
    if not page.sections:
        problem = Problem(
            "this FAQ page has no questions",
            'write each question as a heading on a line of its own, starting with "## " '
            'and ending with "?", and put its answer below it',
            line=first_body_line(source),
        )
        return Faq(html=html, questions=(), problems=(problem,))

    lines = _lines_of(page.sections, source)
    ids = unique_ids(
        [_explicit_id(s) or question_id(s.question_text) for s in page.sections],
        reserved=PAGE_IDS,
    )
    questions = tuple(
        Question(id=id_, text=section.question_text, answer_text=section.answer_text, line=line)
        for id_, section, line in zip(ids, page.sections, lines)
    )
    body = [page.intro_html, INTRO_END_MARKER]
    for question, section in zip(questions, page.sections):
        body.append(_heading_html(question.id, section))
        body.append(section.answer_html)
        body.append(
            f'<p class="pcc-faq__back"><a href="#{CONTENTS_ID}">{BACK_LINK_TEXT}</a></p>'
        )
    problems = tuple(_problems(questions, page.sections))
    return Faq(html="\n".join(body), questions=questions, problems=problems)


def _lines_of(sections, source):
    lines = question_lines(source)
    if len(lines) == len(sections):
        return lines
    return [None] * len(sections)  # raw HTML headings: we cannot tell which line is which


def _explicit_id(section):
    """An id the writer gave with `## Question? {#id}`: kept, so old links can be kept."""
    return dict(section.heading_attributes).get("id")


def _heading_html(id_, section):
    attributes = "".join(
        f' {name}="{escape(value or "")}"'
        for name, value in section.heading_attributes
        if name != "id"
    )
    return f'<h2 id="{escape(id_)}"{attributes}>{section.question_html}</h2>'


def _problems(questions, sections):
    first_seen = {}
    for question, section in zip(questions, sections):
        if not question.text.endswith("?"):
            yield _not_a_question(question)
        if not section.answer_html:
            yield Problem(
                f'the question "{question.text}" has no answer',
                "write the answer below the question, or remove the question",
                line=question.line,
            )
        # The same words, or words that make the same id ("What's" and "What’s"): two
        # answers under one address, whose "-2" would change as questions come and go.
        key = _explicit_id(section) or question_id(question.text)
        if key in first_seen:
            first = first_seen[key]
            written = f' as "{first.text}"' if first.text != question.text else ""
            where = f" (first on line {first.line}{written})" if first.line else ""
            yield Problem(
                f'the question "{question.text}" is asked twice on this page{where}',
                "keep one of the two headings and put both answers under it, "
                "or reword one question if they ask different things",
                line=question.line,
            )
        else:
            first_seen[key] = question


def _not_a_question(question):
    text = question.text
    if not text:
        return Problem("a question heading is empty",
                       'write the question after "## ", ending with "?"', line=question.line)
    what = f'the question heading "{text}" does not end with "?"'
    stripped = text.rstrip(" ?.:!;,\u2026" + FULL_WIDTH_QUESTION_MARK)
    suggestion = f'"{stripped}?"'
    if stripped != text:
        fix = f'end it with "?" instead of "{text[len(stripped):]}": {suggestion}'
    else:
        fix = (
            f"end it with a question mark ({suggestion}); if it is not a question, "
            f'make it a subheading of the answer above with "### "'
        )
    return Problem(what, fix, line=question.line)


def faq_json_ld(questions):
    """schema.org `FAQPage` JSON-LD, safe to put inside <script> as it is."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.text,
                "acceptedAnswer": {"@type": "Answer", "text": question.answer_text},
            }
            for question in questions
        ],
    }
    return script_json(data, indent=2)
