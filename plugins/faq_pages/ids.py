"""Stable, readable ids for questions: made from the question's own words only.

"Why is the police element of my council tax going up?" becomes
"why-is-the-police-element-of-my-council-tax-going-up". An id depends on nothing but
its question, so adding, removing or moving other questions never changes it, and a
link to an answer keeps working.
"""

import re
import unicodedata

from unidecode import unidecode

APOSTROPHES = "'\u2019\u02bc"  # "What's" and "What’s" both give "whats", not "what-s"
WITHOUT_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
FALLBACK_ID = "question"  # for a question with no letters or digits at all


def _fold_character(character):
    if character.isascii():
        return character
    if unicodedata.category(character)[0] in "LN":
        return unidecode(character)  # ø -> o, ß -> ss, Ł -> L, 東 -> Dong
    return " "  # symbols and punctuation (£, –, “) only separate words


def question_id(text):
    """The id for a question, from its plain text."""
    text = text.translate(WITHOUT_APOSTROPHES)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(_fold_character(c) for c in decomposed if not unicodedata.combining(c))
    ascii_text = text.lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug or FALLBACK_ID


def unique_ids(wanted_ids, reserved=()):
    """Make `wanted_ids` unique on the page, in order, keeping each one that already is.

    An id taken by the page around the questions (`reserved`) gets "-question"; an id
    that an earlier question already has gets "-2", "-3", ...
    """
    taken = set(reserved)
    result = []
    for wanted in wanted_ids:
        candidate = f"{wanted}-question" if wanted in reserved else wanted
        base, number = candidate, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate)
        result.append(candidate)
    return result
