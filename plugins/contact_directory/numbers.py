"""Phone numbers as the public dials them: parsed, checked and written GOV.UK style.

Full numbers go through `phonenumbers` (region GB). Short codes (999, 101, ...) and
Relay UK forms (18000, 18001 + a number) are not numbers `phonenumbers` can format,
so they come from the explicit table below.
"""

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

REGION = "GB"
RELAY_PREFIX = "18001"  # Relay UK: dial 18001 before any number to call it by text

# Short codes a reader may be told to call: digits -> how it is written.
SHORT_CODES = {
    "999": "999",
    "112": "112",
    "101": "101",
    "111": "111",
    "105": "105",
    "116123": "116 123",
    "116111": "116 111",
    "18000": "18000",  # Relay UK in an emergency
}
FREE_SHORT_CODES = {"999", "112", "18000", "116123", "116111"}

CHARGE_FREE = "Free to call"
CHARGE_FREEPHONE = "Free to call from UK landlines and mobiles"
CHARGE_03 = "Calls cost the same as calls to numbers starting 01 or 02"


class InvalidNumber(ValueError):
    """`text` is not a number anyone could dial; the message says why."""


@dataclass(frozen=True)
class Number:
    key: str  # what a tel: link dials, and what two mentions of a number share
    display: str  # GOV.UK style: "01707 806100", "999", "18001 101"
    digits: str  # as dialled in the UK ("01707806100"): near misses compare these
    is_short: bool  # a short code or Relay UK form, not a full number
    charge: str | None  # what calling costs, only where the rule is certain

    @property
    def href(self):
        return f"tel:{self.key}"


def only_digits(text):
    return re.sub(r"\D", "", text)


def parse_number(text):
    """The `Number` written as `text`, or raise InvalidNumber saying what is wrong."""
    written = " ".join(str(text).split())
    if not written:
        raise InvalidNumber("the number is empty")
    digits = only_digits(written)
    if digits in SHORT_CODES and not written.startswith("+"):
        return _short_code(digits)
    if digits.startswith(RELAY_PREFIX) and len(digits) > len(RELAY_PREFIX):
        return _relay(written, digits)
    return _full_number(written)


def _short_code(digits):
    charge = CHARGE_FREE if digits in FREE_SHORT_CODES else None
    return Number(digits, SHORT_CODES[digits], digits, True, charge)


def _relay(written, digits):
    rest = digits[len(RELAY_PREFIX):]
    if rest in SHORT_CODES:
        inner = _short_code(rest)
    else:
        inner = _full_number(written[written.index(RELAY_PREFIX) + len(RELAY_PREFIX):].strip())
    return Number(RELAY_PREFIX + inner.digits, f"{RELAY_PREFIX} {inner.display}",
                  RELAY_PREFIX + inner.digits, True, None)


def _full_number(written):
    try:
        parsed = phonenumbers.parse(written, REGION)
    except phonenumbers.NumberParseException:
        raise InvalidNumber(f'"{written}" is not a phone number') from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidNumber(f'"{written}" is not a valid UK phone number')
    e164 = phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    if phonenumbers.region_code_for_number(parsed) == REGION:
        display = phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    else:
        display = phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL)
    digits = only_digits(display) if display.startswith("0") else e164
    return Number(e164, display, digits, False, _charge(parsed))


def _charge(parsed):
    if phonenumbers.region_code_for_number(parsed) != REGION:
        return None
    kind = phonenumbers.number_type(parsed)
    national = str(parsed.national_number)
    if kind == PhoneNumberType.TOLL_FREE and national[:3] in ("800", "808"):
        return CHARGE_FREEPHONE
    if kind == PhoneNumberType.UAN and national.startswith("3"):
        return CHARGE_03
    return None


def is_memorable_form(written, number):
    """True when `written` is `number` with only its spaces moved (03000 11 55 55)."""
    return (not number.is_short and re.fullmatch(r"0[\d ]+\d", written or "") is not None
            and only_digits(written) == number.digits)


def near_miss(typed, listed):
    """How the digits `typed` differ from `listed` by one slip, or None.

    For "differs by ...": "one digit", "two swapped digits", "one missing digit" or
    "one extra digit" (Damerau-Levenshtein distance 1).
    """
    if typed == listed:
        return None
    if len(typed) == len(listed):
        differences = [i for i, (a, b) in enumerate(zip(typed, listed)) if a != b]
        if len(differences) == 1:
            return "one digit"
        if (len(differences) == 2 and differences[1] == differences[0] + 1
                and typed[differences[0]] == listed[differences[1]]
                and typed[differences[1]] == listed[differences[0]]):
            return "two swapped digits"
        return None
    if len(typed) + 1 == len(listed) and _one_deletion(listed, typed):
        return "one missing digit"
    if len(typed) == len(listed) + 1 and _one_deletion(typed, listed):
        return "one extra digit"
    return None


def _one_deletion(longer, shorter):
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def dialled_digits(written):
    """The digits a UK caller would dial for `written`, valid or not ("+44 (0)1707..." -> "01707...")."""
    text = written.replace("(0)", "")
    digits = only_digits(text)
    if text.lstrip().startswith("+44"):
        return "0" + digits[2:]
    if digits.startswith("0044"):
        return "0" + digits[4:]
    return digits
