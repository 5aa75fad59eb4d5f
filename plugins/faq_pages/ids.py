"""Stable, readable ids for questions: made from the question's own words only.

"Why is the police element of my council tax going up?" becomes
"why-is-the-police-element-of-my-council-tax-going-up" (`site_core.slugify`, the one
way the site turns words into part of an address). An id depends on nothing but its
question, so adding, removing or moving other questions never changes it, and a link
to an answer keeps working.
"""

from site_core import slugify

FALLBACK_ID = "question"  # for a question with no letters or digits at all


def question_id(text):
    """The id for a question, from its plain text."""
    return slugify(text) or FALLBACK_ID


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
