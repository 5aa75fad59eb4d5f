"""Finding phone numbers in the HTML of an article or page, and linking them, in one pass.

Only text is searched: never tags, attributes, existing links, code or scripts.
Full numbers are found by `phonenumbers.PhoneNumberMatcher`; short codes (999, 101,
18001 101, ...) only where the words before them are about calling ("call 101"),
so that "101 ways" or "the 999 service" stay plain text.
"""

import html as html_lib
import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency

from .numbers import REGION, SHORT_CODES, dialled_digits

# Cheap checks first, so that most text never reaches phonenumbers.
_ANY_NUMBER = re.compile(r"\d[\s.\-()]?\d[\s.\-()]?\d")
_FULL_NUMBER_GATE = re.compile(r"(?:\+|(?<!\d)0)\d(?:[ \u00a0.\-()]{0,2}\d){7}")
_TOKEN = re.compile(
    r"<(a|code|pre|kbd|samp|script|style|textarea|svg|math)\b[^>]*>.*?</\1\s*>"
    r"|<!--.*?-->|<(/?)([a-zA-Z][\w-]*)[^>]*>",
    re.S | re.I,
)
_BLOCK_TAGS = frozenset(
    "p li h1 h2 h3 h4 h5 h6 br td th tr table div dt dd dl blockquote ul ol section "
    "figure figcaption hr details summary".split()
)
_TEL_HREF = re.compile(r"""^<a\b[^>]*\bhref\s*=\s*["']tel:([^"']+)["']""", re.I)
_RELAY_BEFORE = re.compile(r"18001[ \u00a0]?$")
_SPACE = r"[ \u00a0]?"


def _short_code_pattern():
    codes = sorted(SHORT_CODES.values(), key=len, reverse=True)
    alternatives = "|".join(_SPACE.join(re.escape(part) for part in code.split()) for code in codes)
    # Not part of a bigger number, amount, date or range: £999, 1,101, 2016/17, 101-105.
    return re.compile(rf"(?<![\w£$€.,/-])(?:18001{_SPACE})?(?:{alternatives})(?![\w%/£-]|[.,:]\d)")


_SHORT_CODE = _short_code_pattern()
# Words that make a short code a number to call: "call 101", "dial 999", "Relay UK 18000".
_CALL_WORDS = re.compile(
    r"\b(?:call|calls|calling|called|dial|dials|dialling|dialled|phone|phoning|ring|ringing"
    r"|text|texting|textphone|minicom|relay uk|number)\b[^.!?]{0,60}$",
    re.I,
)


@dataclass(frozen=True)
class Found:
    raw: str  # as written in the text: "08 08 16 89 111"
    start: int
    end: int


def looks_like_uk_number(raw):
    """Rule out what PhoneNumberMatcher (at POSSIBLE) also offers: dates, money, years."""
    if raw[0] not in "0+(" or "/" in raw:
        return False
    if re.fullmatch(r"\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}", raw):
        return False
    return raw.startswith("+") or len(dialled_digits(raw)) in (10, 11)


def find_numbers(text, context=""):
    """Every phone number in the plain `text`; `context` is the text just before it."""
    found = []
    if _FULL_NUMBER_GATE.search(text):
        # POSSIBLE, not VALID: a mistyped number must be found to be reported.
        for match in phonenumbers.PhoneNumberMatcher(text, REGION, leniency=Leniency.POSSIBLE):
            if not looks_like_uk_number(match.raw_string):
                continue
            relay = _RELAY_BEFORE.search(text, 0, match.start)
            start = relay.start() if relay else match.start
            found.append(Found(text[start:match.end], start, match.end))
    for match in _SHORT_CODE.finditer(text):
        if any(f.start < match.end() and match.start() < f.end for f in found):
            continue
        before = (context + text[:match.start()])[-100:]
        if _CALL_WORDS.search(before):
            found.append(Found(match.group(), match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def link_numbers(html, href_for):
    """(html with numbers linked, [Found]) for the HTML of one article or page.

    `href_for(found)` says where a number links to, or None to leave it as text.
    """
    if not html or not _ANY_NUMBER.search(html):
        return html, []
    pieces, all_found, context, position = [], [], "", 0
    for token in _TOKEN.finditer(html):
        context = _add_text(html[position:token.start()], context, pieces, all_found, href_for)
        pieces.append(token.group(0))
        if token.group(1):
            if token.group(1).lower() == "a":
                _check_tel_link(token.group(0), all_found, href_for)
                # link words count as context: "[Call us](...) on 101"
                context = (context + re.sub(r"<[^>]*>", "", token.group(0)))[-100:]
        elif token.group(3) and token.group(3).lower() in _BLOCK_TAGS:
            context = ""
        position = token.end()
    _add_text(html[position:], context, pieces, all_found, href_for)
    return "".join(pieces), all_found


def _check_tel_link(link, all_found, href_for):
    """A tel: link the writer made is checked like a number in the text, and left as it is."""
    tel = _TEL_HREF.match(link)
    if tel:
        item = Found(html_lib.unescape(tel.group(1)), -1, -1)
        href_for(item)
        all_found.append(item)


def _add_text(text, context, pieces, all_found, href_for):
    if not text:
        return context
    found = find_numbers(text, context) if _ANY_NUMBER.search(text) else []
    cursor = 0
    for item in found:
        href = href_for(item)
        all_found.append(item)
        if href is None:
            continue
        pieces.append(text[cursor:item.start])
        pieces.append(f'<a class="pcc-tel" href="{html_lib.escape(href)}">{item.raw}</a>')
        cursor = item.end
    pieces.append(text[cursor:])
    return (context + text)[-100:]
