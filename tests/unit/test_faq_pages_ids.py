"""Question ids: readable, from the question's own words, stable when others change."""

import pytest

from faq_pages.ids import question_id, unique_ids


@pytest.mark.parametrize("question, expected", [
    ("How much more will I pay?", "how-much-more-will-i-pay"),
    # punctuation only separates words; apostrophes of both kinds disappear
    ("What's 101?", "whats-101"),
    ("What’s 101?", "whats-101"),
    ("Is 3.4% a lot?", "is-3-4-a-lot"),
    ("Fire & rescue: who decides?", "fire-rescue-who-decides"),
    ('Why "precept" — and why now?', "why-precept-and-why-now"),
    ("How much is £5 a year?", "how-much-is-5-a-year"),
    ("  Spaces   around?  ", "spaces-around"),
    # accents and letters outside ASCII are folded, not dropped
    ("Où est le café?", "ou-est-le-cafe"),
    ("Does Łódź have a PCC?", "does-lodz-have-a-pcc"),
    ("Straße?", "strasse"),
    ("Ñandú?", "nandu"),
    # code and links in headings arrive as their text
    ("What does tel: mean?", "what-does-tel-mean"),
    ("What is the IOPC?", "what-is-the-iopc"),
    # nothing readable at all: still a valid id
    ("???", "question"),
    ("", "question"),
])
def test_question_id(question, expected):
    assert question_id(question) == expected


def test_ids_are_valid_fragment_characters():
    for question in ["Ünïcödé ‘quotes’ and <tags>?", "東京?", "Emoji 🚓?"]:
        id_ = question_id(question)
        assert id_ and all(c.isascii() and (c.isalnum() or c == "-") for c in id_), id_


def test_adding_or_moving_a_question_keeps_the_other_ids():
    questions = ["How much more will I pay?", "Where can I read the budget?"]
    before = dict(zip(questions, unique_ids([question_id(q) for q in questions])))
    changed = ["Why is it going up?", "Where can I read the budget?", "How much more will I pay?"]
    after = dict(zip(changed, unique_ids([question_id(q) for q in changed])))
    for question in questions:
        assert after[question] == before[question]


def test_unique_ids_numbers_only_the_later_duplicates():
    assert unique_ids(["a", "b", "a", "a"]) == ["a", "b", "a-2", "a-3"]


def test_unique_ids_never_takes_an_id_of_the_page_around_the_questions():
    assert unique_ids(["questions", "main-content", "other"], reserved={"questions", "main-content"}) == [
        "questions-question", "main-content-question", "other",
    ]


def test_unique_ids_does_not_reuse_a_numbered_id():
    assert unique_ids(["a-2", "a", "a"]) == ["a-2", "a", "a-3"]
