"""read_faq: the page's new body, its questions, its problems (word for word), its JSON-LD."""

import json

import markdown
import pytest

from faq_pages.faq import INTRO_END_MARKER, faq_json_ld, read_faq
from site_core import Problem

FRONT_MATTER = "---\ntitle: T\nmodified: 2024-01-01\n---\n"  # 4 lines: the body starts on line 5


def read(body):
    html = markdown.markdown(body, extensions=["markdown.extensions.extra"], output_format="html5")
    return read_faq(html, FRONT_MATTER + body)


def test_questions_get_ids_lines_and_answers():
    faq = read("Intro.\n\n## How much?\n\nFive pounds.\n\n## Why?\n\nBecause.\n")
    assert [(q.id, q.text, q.answer_text, q.line) for q in faq.questions] == [
        ("how-much", "How much?", "Five pounds.", 7),
        ("why", "Why?", "Because.", 11),
    ]
    assert faq.problems == ()


def test_body_has_intro_marker_ids_and_a_back_link_after_each_answer():
    faq = read("Intro.\n\n## How much?\n\nFive pounds.\n\n## Why? {.lead}\n\nBecause.\n")
    assert faq.html == "\n".join([
        "<p>Intro.</p>",
        INTRO_END_MARKER,
        '<h2 id="how-much">How much?</h2>',
        "<p>Five pounds.</p>",
        '<p class="pcc-faq__back"><a href="#questions">Back to the questions</a></p>',
        '<h2 id="why" class="lead">Why?</h2>',
        "<p>Because.</p>",
        '<p class="pcc-faq__back"><a href="#questions">Back to the questions</a></p>',
    ])


def test_a_question_that_would_take_the_lists_id_gets_another():
    faq = read("## Questions?\n\nYes.\n")
    assert faq.questions[0].id == "questions-question"


def test_the_same_question_twice():
    faq = read("## How much?\n\nFive.\n\n## Why?\n\nX.\n\n## how  MUCH?\n\nSix.\n")
    assert [q.id for q in faq.questions] == ["how-much", "why", "how-much-2"]
    assert faq.problems == (Problem(
        'the question "how MUCH?" is asked twice on this page (first on line 5 as "How much?")',
        "keep one of the two headings and put both answers under it, "
        "or reword one question if they ask different things",
        line=13,
    ),)


def test_questions_that_differ_only_by_their_apostrophes_are_asked_twice():
    """Straight and curly apostrophes give one id: each pair is one question, reported,
    so no page is published with ids that shift when questions are added above."""
    body = ("## What's the precept?\n\nA.\n\n## What’s the precept?\n\nB.\n\n"
            "## Who's the Commissioner?\n\nC.\n\n## Who’s the Commissioner?\n\nD.\n")
    faq = read(body)
    assert [(p.what, p.line) for p in faq.problems] == [
        ('the question "What’s the precept?" is asked twice on this page (first on line 5 as '
         '"What\'s the precept?")', 9),
        ('the question "Who’s the Commissioner?" is asked twice on this page (first on line 13 '
         'as "Who\'s the Commissioner?")', 17)]
    above = read("## What is new?\n\nE.\n\n## What’s new?\n\nF.\n\n" + body)
    assert [q.id for q in above.questions][2:] == [q.id for q in faq.questions]


def test_no_questions():
    faq = read("\nJust an introduction.\n\n### A third-level heading?\n\nText.\n")
    assert faq.questions == ()
    assert faq.problems == (Problem(
        "this FAQ page has no questions",
        'write each question as a heading on a line of its own, starting with "## " '
        'and ending with "?", and put its answer below it',
        line=6,
    ),)
    assert "Just an introduction." in faq.html  # nothing is lost


@pytest.mark.parametrize("heading, fix", [
    ("How do I complain.", 'end it with "?" instead of ".": "How do I complain?"'),
    ("How do I complain:", 'end it with "?" instead of ":": "How do I complain?"'),
    ("How do I complain？", 'end it with "?" instead of "？": "How do I complain?"'),
    ("How do I complain?!", 'end it with "?" instead of "?!": "How do I complain?"'),
    ("Opening hours", 'end it with a question mark ("Opening hours?"); if it is not a '
                      'question, make it a subheading of the answer above with "### "'),
])
def test_a_heading_that_does_not_end_with_a_question_mark(heading, fix):
    faq = read(f"## {heading}\n\nAnswer.\n")
    assert faq.problems == (Problem(f'the question heading "{heading}" does not end with "?"', fix, line=5),)


def test_a_question_mark_in_code_at_the_end_counts():
    assert read("## What does `?` mean?\n\nA question.\n").problems == ()


def test_a_question_without_an_answer():
    faq = read("## Why?\n\n## How?\n\nLike this.\n")
    assert faq.problems == (Problem(
        'the question "Why?" has no answer',
        "write the answer below the question, or remove the question",
        line=5,
    ),)


def test_an_answer_that_is_only_an_image_is_an_answer():
    assert read("## Where?\n\n![A map of Hertfordshire](/map.png)\n").problems == ()


def test_json_ld_lists_every_question_with_its_visible_answer():
    faq = read("## A?\n\nOne *two*.\n\n- three\n- four\n\n## B?\n\n[Five](/five/).\n")
    assert json.loads(faq.json_ld) == {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": "A?",
             "acceptedAnswer": {"@type": "Answer", "text": "One two.\nthree\nfour"}},
            {"@type": "Question", "name": "B?",
             "acceptedAnswer": {"@type": "Answer", "text": "Five."}},
        ],
    }


@pytest.mark.parametrize("dangerous", ["</script>", "<!--", "</SCRIPT >", "&amp;"])
def test_json_ld_cannot_end_its_script_element(dangerous):
    from faq_pages.faq import Question

    text = faq_json_ld([Question("q", f"Is {dangerous} safe?", f"Yes {dangerous}", 1)])
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["mainEntity"][0]["name"] == f"Is {dangerous} safe?"
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == f"Yes {dangerous}"
