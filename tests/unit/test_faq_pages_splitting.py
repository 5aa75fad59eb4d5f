"""Splitting an FAQ page's HTML at its <h2> questions, and finding them in the Markdown."""

import markdown
import pytest

from faq_pages.source_lines import first_body_line, question_lines
from faq_pages.splitting import split_at_questions


def to_html(markdown_text):
    """Markdown as the site converts it (pelicanconf.py's MARKDOWN extensions)."""
    return markdown.markdown(
        markdown_text,
        extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"],
        output_format="html5",
    )


def test_intro_questions_and_answers():
    page = split_at_questions(to_html(
        "Intro.\n\n## First?\n\nAnswer one.\n\n- a\n- b\n\n## Second?\n\nAnswer two.\n"
    ))
    assert page.intro_html == "<p>Intro.</p>"
    assert [s.question_text for s in page.sections] == ["First?", "Second?"]
    assert page.sections[0].answer_html == "<p>Answer one.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
    assert page.sections[0].answer_text == "Answer one.\na\nb"
    assert page.sections[1].answer_text == "Answer two."


def test_no_intro_and_no_questions():
    assert split_at_questions(to_html("## Only?\n\nYes.")).intro_html == ""
    page = split_at_questions(to_html("Just text.\n\n### A third-level heading?\n\nNo."))
    assert page.sections == ()
    assert "Just text." in page.intro_html


def test_code_in_a_heading_keeps_its_markup_and_gives_its_text():
    (section,) = split_at_questions(to_html("## What does `tel:` mean?\n\nA link.")).sections
    assert section.question_html == "What does <code>tel:</code> mean?"
    assert section.question_text == "What does tel: mean?"


def test_a_link_in_a_heading_keeps_its_markup_and_gives_its_text():
    (section,) = split_at_questions(
        to_html("## Is [the IOPC](https://www.policeconduct.gov.uk) independent?\n\nYes.")
    ).sections
    assert section.question_html == 'Is <a href="https://www.policeconduct.gov.uk">the IOPC</a> independent?'
    assert section.question_text == "Is the IOPC independent?"


def test_entities_and_markup_characters_become_text():
    (section,) = split_at_questions(to_html("## Is 1 < 2 & 3 > 2?\n\nYes, *x* &lt; y.")).sections
    assert section.question_text == "Is 1 < 2 & 3 > 2?"
    assert section.answer_text == "Yes, x < y."


def test_an_explicit_id_is_kept_as_an_attribute():
    (section,) = split_at_questions(to_html("## Reworded question? {#old-id}\n\nYes.")).sections
    assert section.heading_attributes == (("id", "old-id"),)


def test_soft_line_breaks_are_spaces_and_blocks_are_lines():
    (section,) = split_at_questions(to_html("## Q?\n\nOne\ntwo.\n\nThree.\n\n> Quoted.")).sections
    assert section.answer_text == "One two.\nThree.\nQuoted."


def test_an_h2_nested_in_raw_html_stays_in_its_answer():
    html = "<h2>Q?</h2>\n<div class=\"box\">\n<h2>Not a question</h2>\n<p>x</p>\n</div>\n<h2>Next?</h2><p>y</p>"
    page = split_at_questions(html)
    assert [s.question_text for s in page.sections] == ["Q?", "Next?"]
    assert page.sections[0].answer_html == '<div class="box">\n<h2>Not a question</h2>\n<p>x</p>\n</div>'


def test_void_elements_and_unclosed_elements_do_not_hide_questions():
    html = "<p>Intro<br>line<img src=x alt=''></p><h2>Q?</h2><p>a<h2>R?</h2><p>b"
    page = split_at_questions(html)
    assert [s.question_text for s in page.sections] == ["Q?"]  # R? is inside an unclosed <p>


def test_splitting_keeps_every_character():
    html = to_html("Intro.\n\n## A?\n\nOne.\n\n## B?\n\nTwo.\n")
    page = split_at_questions(html)
    rebuilt = page.intro_html + "".join(
        f"<h2>{s.question_html}</h2>{s.answer_html}" for s in page.sections
    )
    assert rebuilt.replace("\n", "") == html.replace("\n", "")


FRONT_MATTER = "---\ntitle: T\nsummary: |\n  ## not a heading\n---\n"


@pytest.mark.parametrize("body, expected", [
    ("Intro.\n\n## A?\n\nx\n\n## B?\n", [3, 7]),
    ("## A?\n##B\n### C\n", [1, 2]),  # Python-Markdown needs no space after ##; ### is an h3
    ("   ## Indented?\n", []),  # an indented "##" is text to Python-Markdown
    ("Text\n## Right after text?\n", [2]),
    ("```\n## code\n```\n\n## Real?\n", [5]),
    ("~~~~\n## code\n~~~\n~~~~\n\n## Real?\n", [6]),  # only the same fence closes
    ("Setext question?\n---\n\nText\n", [1]),
    ("Setext question?\n-\n", [1]),
    ("Intro.\n\nSetext question?\n---\n", [3]),
    ("para one\npara two\n---\n", []),  # a rule under a paragraph
    ("## A?\n---\n", [1]),  # a rule under a heading
    ("## A?\n\n---\n\n## B?\n", [1, 5]),  # a rule between answers
])
def test_question_lines(body, expected):
    offset = FRONT_MATTER.count("\n")
    assert question_lines(FRONT_MATTER + body) == [line + offset for line in expected]
    # the same number of questions as the converter makes <h2> elements
    assert len(split_at_questions(to_html(body)).sections) == len(expected)


def test_question_lines_without_front_matter():
    assert question_lines("## A?\n") == [1]


def test_first_body_line():
    assert first_body_line(FRONT_MATTER + "\n\nText\n") == 8
    assert first_body_line("Text\n") == 1
