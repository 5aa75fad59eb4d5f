"""Small text helpers every plugin shares: slugs, "did you mean", absolute URLs, JSON
inside <script>. One copy of each, so that two parts of the site never disagree."""

import datetime
import difflib
import json
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from unidecode import unidecode

APOSTROPHES = "'\u2019\u02bc"  # "What's" and "What’s" both give "whats", not "what-s"
_WITHOUT_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
_HAS_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def fold_character(character):
    """One character of a decomposed (NFKD) text as slugify spells it in ASCII."""
    if character.isascii():
        return character
    if unicodedata.category(character)[0] in "LN":
        return unidecode(character)  # ø -> o, ß -> ss, Ł -> L, 東 -> Dong
    return " "  # symbols and punctuation (£, –, “) only separate words


def slugify(text):
    """The one way the site turns words into part of an address (a file name, an id).

    "Commissioner's plan for the Café" -> "commissioners-plan-for-the-cafe": accents
    folded, apostrophes dropped, every other run of non-letters a hyphen. "" when the
    text has no letter or digit at all. Addresses are permanent: never change this.
    """
    text = str(text).translate(_WITHOUT_APOSTROPHES)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(fold_character(c) for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def day_text(moment):
    """A day as the site writes it (DEFAULT_DATE_FORMAT, GOV.UK style): "4 May 2028"."""
    return _day_text(moment.year, moment.month, moment.day)


def iso_day(moment):
    """A day as machines read it (<time datetime>): "2028-05-04"."""
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"


@lru_cache(maxsize=4096)
def _day_text(year, month, day):
    # The standard library's strftime, not Pelican's SafeDatetime.strftime (a regular
    # expression per call): the same text, and lists show thousands of dates.
    return f"{day} {datetime.date(year, month, day).strftime('%B %Y')}"


def close_matches(word, choices, *, cutoff=0.75, n=1):
    """The `choices` (as written) closest to `word`, ignoring case; best first."""
    by_folded = {}
    for choice in choices:
        by_folded.setdefault(str(choice).casefold(), choice)
    found = difflib.get_close_matches(str(word).casefold(), list(by_folded), n=n, cutoff=cutoff)
    return [by_folded[folded] for folded in found]


def did_you_mean(suggestions):
    """' (did you mean "Dacorum"?)' for the suggestions, or "" when there are none."""
    if not suggestions:
        return ""
    quoted = " or ".join(f'"{suggestion}"' for suggestion in suggestions)
    return f" (did you mean {quoted}?)"


def absolute_url(url, base):
    """`url` resolved against the absolute `base`, as a browser showing `base` would.

    A URL with a scheme (https:, mailto:, tel:) is returned unchanged. For a path
    relative to the site's root folder, pass the site's address with a final "/".
    """
    url = url.strip()
    if _HAS_SCHEME.match(url):
        return url
    if url.startswith("/") and not url.startswith("//"):
        return _origin(base) + url  # root-relative, the usual case: no full join
    return urljoin(base, url)


@lru_cache(maxsize=64)
def _origin(base):
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


def script_json(data, indent=None):
    """`data` as JSON that is safe inside <script>: no "</script>" or "<!--" can end it.

    \\u003c is the same character to a JSON parser. Compact unless `indent` is given.
    """
    if indent is None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def public_base_url(settings):
    """Where the site is published, without a final "/": SITEURL, or SITE_PUBLIC_URL in a
    preview build (SITEURL empty), for what needs absolute addresses even then."""
    return (settings.get("SITEURL") or settings.get("SITE_PUBLIC_URL") or "").rstrip("/")
