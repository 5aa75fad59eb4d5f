"""What to do with a phone number found in content: link it, and say if it looks wrong."""

from dataclasses import dataclass

from site_core import WARNING, Problem

from .numbers import InvalidNumber, dialled_digits, parse_number

UK_NUMBER_HINT = ("UK numbers have 10 or 11 digits and start with 0, for example 01707 806100; "
                  "short codes are written 999, 101, 18001 101")


@dataclass(frozen=True)
class Verdict:
    entry: object = None  # the directory Entry this number is, if it is one
    href: str | None = None  # where the text links to; None leaves it as text
    problem: Problem | None = None  # a warning, at the first line that writes the number

    @property
    def is_problem(self):
        return self.problem is not None


def check_number(raw, directory, directory_path):
    """The Verdict on the number written `raw` in content, given the directory."""
    try:
        number = parse_number(raw)
    except InvalidNumber as error:
        nearest = directory.nearest(dialled_digits(raw))
        if nearest:
            return Verdict(problem=_warning(raw, str(error),
                                            f"check the number ({_number_meant(nearest[0])})"))
        return Verdict(problem=_warning(raw, str(error), f"check the number: {UK_NUMBER_HINT}"))
    entry = directory.entry_for(number)
    if entry:
        return Verdict(entry=entry, href=number.href)
    nearest = directory.nearest(number.digits)
    if nearest:
        # A slip of one digit dials a stranger: leave it unlinked until it is put right.
        listed, slip = nearest
        return Verdict(problem=_warning(
            raw,
            f'phone number "{raw}" is not in the contact directory and differs from '
            f"{listed.name}'s number by {slip}",
            f"check the number ({_number_meant(listed)})",
        ))
    return Verdict(href=number.href, problem=_warning(
        raw,
        f'phone number "{raw}" is not in the contact directory',
        f"if it is right, add it to {directory_path} so that the contact page lists it",
    ))


def _warning(raw, what, fix):
    # Found by its text: the first line that writes the number (the summary or the body).
    return Problem(what, fix, WARNING, text=raw)


def _number_meant(entry):
    return f"did you mean {entry.name} {entry.phone_display}?"
