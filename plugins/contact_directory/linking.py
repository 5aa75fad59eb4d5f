"""Finding phone numbers in the HTML of an article or page, and linking them, in one pass.

Only text is searched: never tags, attributes, existing links, code or scripts.
Full numbers are found by `phonenumbers.PhoneNumberMatcher`; short codes (999, 101,
18001 101, ...) only where the words before them are about calling ("call 101"),
so that "101 ways" or "the 999 service" stay plain text.
"""

import html as html_lib
import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency

from .numbers import REGION, SHORT_CODES, dialled_digits

# Where a full number may start and end: PhoneNumberMatcher then decides what is in it.
# Cheap, and it has to match before phonenumbers is asked anything. The patterns start
# with a plain character class, so that the regex engine can skip ahead quickly; what
# may not come before a number (£999, 1,101, 2016/17) is checked in Python instead.
_CANDIDATE = re.compile(r"[+0(][\d(][\d \u00a0.\-()]{7,23}\d")
_NOT_BEFORE = frozenset("£$€.,/#&-_")
# Elements whose text is never linked: existing links, code, scripts.
_SKIP = re.compile(
    r"<(a|code|pre|kbd|samp|script|style|textarea|svg|math)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.S | re.I,
)
_BLOCK_TAG = re.compile(
    r"<(?:p|li|h[1-6]|br|td|th|tr|table|div|dt|dd|dl|blockquote|ul|ol|section|figure"
    r"|figcaption|hr|details|summary)\b[^>]*>|</(?:p|li|h[1-6]|td|th|div|dt|dd|blockquote|figcaption)>",
    re.I,
)
_ANY_TAG = re.compile(r"<[^>]*>")
_TEL_LINK = re.compile(r"""<a\b[^>]*\bhref\s*=\s*["']tel:([^"']+)["']""", re.I)
_RELAY_BEFORE = re.compile(r"18001[ \u00a0]?$")
_SPACE = r"[ \u00a0]?"


def _short_code_pattern():
    codes = sorted(SHORT_CODES.values(), key=len, reverse=True)
    alternatives = "|".join(_SPACE.join(re.escape(part) for part in code.split()) for code in codes)
    # Not followed by what makes it part of an amount, date or range: 999%, 101-105, 101.5.
    return re.compile(rf"(?:18001{_SPACE})?(?:{alternatives})(?![\w%/£-]|[.,:]\d)")


_SHORT_CODE = _short_code_pattern()
_SHORT_CODE_STARTS = tuple(sorted({code[:3] for code in SHORT_CODES}))  # quick `in` checks first
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
    return _find(text, lambda start: True, lambda start: (context + text[:start])[-100:])


def link_numbers(html, href_for):
    """(html with numbers linked, [Found]) for the HTML of one article or page.

    `href_for(found)` says where a number links to, or None to leave it as text.
    Tel: links already in the HTML are passed to `href_for` too, and kept as they are.
    """
    if not html or not ("tel:" in html or _may_have_short_code(html) or _CANDIDATE.search(html)):
        return html, []
    skipped = []  # (start, end) of links, code and scripts, found only when first needed

    def in_text(start):
        if html.rfind("<", 0, start) > html.rfind(">", 0, start):
            return False  # inside a tag: an attribute
        if not skipped:
            skipped.extend((m.start(), m.end()) for m in _SKIP.finditer(html))
            skipped.append((-1, -1))
        return not any(a <= start < b for a, b in skipped)

    def words_before(start):
        before = html[max(0, start - 400):start]
        blocks = list(_BLOCK_TAG.finditer(before))
        if blocks:
            before = before[blocks[-1].end():]
        return _ANY_TAG.sub("", before)[-100:]

    tel_links = _TEL_LINK.finditer(html) if "tel:" in html else ()
    found = [Found(html_lib.unescape(m.group(1)), -1, -1) for m in tel_links]
    pieces, cursor = [], 0
    for item in found:
        href_for(item)
    for item in _find(html, in_text, words_before):
        found.append(item)
        href = href_for(item)
        if href is not None:
            pieces += [html[cursor:item.start], f'<a class="pcc-tel" href="{html_lib.escape(href)}">{item.raw}</a>']
            cursor = item.end
    pieces.append(html[cursor:])
    return "".join(pieces), found


def _find(source, usable, words_before):
    found = []
    position = 0
    while candidate := _CANDIDATE.search(source, position):
        if not _clean_start(source, candidate.start()):
            position = candidate.start() + 1  # "18001 01707 806100": try again from the next digit
            continue
        position = candidate.end()
        if not usable(candidate.start()):
            continue
        for start, end in _numbers_in(candidate.group()):
            start, end = candidate.start() + start, candidate.start() + end
            relay = _RELAY_BEFORE.search(source[max(0, start - 6):start])
            start -= len(relay.group()) if relay else 0
            found.append(Found(source[start:end], start, end))
    for match in _short_codes(source):
        start = match.start()
        if any(f.start < match.end() and start < f.end for f in found) or not _clean_start(source, start):
            continue
        if usable(start) and _CALL_WORDS.search(words_before(start)):
            found.append(Found(match.group(), start, match.end()))
    return sorted(found, key=lambda f: f.start)


def _short_codes(source):
    """_SHORT_CODE matches, found with str.find: far quicker than a regex scan of the page."""
    starts = set()
    for prefix in _SHORT_CODE_STARTS:
        index = source.find(prefix)
        while index != -1:
            starts.add(index)
            index = source.find(prefix, index + 1)
    end = 0
    for index in sorted(starts):
        match = _SHORT_CODE.match(source, index) if index >= end else None
        if match:
            end = match.end()
            yield match


def _may_have_short_code(text):
    return any(start in text for start in _SHORT_CODE_STARTS)


def _clean_start(source, start):
    """Not the middle of a word, amount, date or range: £999, 1,101, 2016/17, 105-101."""
    if start == 0:
        return True
    before = source[start - 1]
    return not (before.isalnum() or before in _NOT_BEFORE)


@lru_cache(maxsize=4096)
def _numbers_in(candidate):
    """(start, end) of each number in `candidate`; the same numbers recur in every release."""
    if sum(c.isdigit() for c in candidate) < 9:
        return ()
    # POSSIBLE, not VALID: a mistyped number must be found to be reported.
    matches = phonenumbers.PhoneNumberMatcher(candidate, REGION, leniency=Leniency.POSSIBLE)
    return tuple((m.start, m.end) for m in matches if looks_like_uk_number(m.raw_string))
