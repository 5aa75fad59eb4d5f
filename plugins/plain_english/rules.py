"""The checks, as pure functions of a page's prose (prose.py) and the style guide (guide.py).

Each returns Findings: the rule's name (what a writer types to accept it), the line,
what is wrong and what to do. Quotations are someone's words: the sentence-length and
word checks pass over them; abbreviations, capitals, dates and link text do not.
"""

import re
from dataclasses import dataclass

LONG_SENTENCE = "long-sentence"
AVOID = "avoid"
ABBREVIATION = "abbreviation"
CAPITALS = "capitals"
DATES = "dates-and-numbers"
LINK_TEXT = "link-text"
READING_AGE = "reading-age"
RULES = (LONG_SENTENCE, AVOID, ABBREVIATION, CAPITALS, DATES, LINK_TEXT, READING_AGE)

WORD = re.compile(r"[£$€]?[A-Za-z0-9]+(?:['’.,:/&-][A-Za-z0-9]+)*%?")
# A sentence ends at a full stop, question or exclamation mark before a space and a
# capital (or a digit, a pound sign, an opening quotation mark), and at a block's end
# (BREAK). One character class first: Python then skips ahead quickly.
_SENTENCE_END = re.compile(
    r"""[.!?\n](?:(?<=\n)\n|(?<=[.!?])[.!?]*["”’)\]]*(?=[ \t]+["“‘(\[]?[A-Z0-9£]))""")
_NOT_AN_END = re.compile(r"(?:^|[\s(])(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|approx|Prof|Insp|Sgt|"
                         r"Supt|Cllr|Rev|[A-Z])\.$", re.IGNORECASE)
# Words before a verb: "to impact", "will impact", "it impacts".
_VERB_CUES = frozenset("to will would could can may might must should shall does did do not "
                       "never also it they we he she i you who which that".split())
# Words after "key" that show it is a noun: "key to", "key of", "the key is".
_NOT_AFTER_AN_ADJECTIVE = frozenset("to of and or in on at for is was are were be been that "
                                    "which with from by as but if when will would can "
                                    "could".split())
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
BAD_LINK_TEXTS = frozenset([
    "here", "click here", "click", "this link", "link", "read more", "more", "more info",
    "more information", "find out more", "learn more", "this page", "this", "page",
    "website", "this website", "go", "details", "see more", "continue",
])


@dataclass(frozen=True)
class Finding:
    rule: str
    line: int
    what: str
    fix: str


def sentences(block):
    """(start, end) in block.text of each sentence."""
    found, start = [], 0
    for end in _SENTENCE_END.finditer(block.text):
        if end.group(0) != "\n\n" and \
                _NOT_AN_END.search(block.text[max(start, end.start() - 8):end.start() + 1]):
            continue
        if block.text[start:end.start()].strip():
            found.append((start, end.end()))
        start = end.end()
    if block.text[start:].strip():
        found.append((start, len(block.text)))
    return found


def sentence_words(block):
    """(start, end, words outside quotations) of each sentence (once per block)."""
    if block.words is None:
        block.words = [(start, end, own_words(block, start, end))
                       for start, end in sentences(block)]
    return block.words


def own_words(block, start, end):
    """The words from `start` to `end` of the block that are not in a quotation."""
    if not block.quotes:
        return WORD.findall(block.text, start, end)
    words, position = [], start
    for quote_start, quote_end in block.quotes:
        if quote_end <= position:
            continue
        if quote_start >= end:
            break
        words += WORD.findall(block.text, position, max(position, quote_start))
        position = max(position, quote_end)
    if position < end:
        words += WORD.findall(block.text, position, end)
    return words


def matches_after(pattern, text, not_after, start=0, end=None):
    """The matches of `pattern` in text[start:end] whose first character does not follow
    one for which `not_after(character)` is true: what a look-behind at the front of the
    pattern does, several times faster (Python's `re` skips ahead to the characters a
    pattern can start with, but not past a look-behind)."""
    end = len(text) if end is None else end
    found = pattern.search(text, start, end)
    while found is not None:
        at = found.start()
        if at and not_after(text[at - 1]):
            found = pattern.search(text, at + 1, end)  # a match may start inside it
            continue
        yield found
        found = pattern.search(text, max(found.end(), at + 1), end)


def in_a_word(character):
    """A letter, a digit or an underscore: what `\\w` matches."""
    return character.isalnum() or character == "_"


def in_a_spelled_word(character):
    """Part of a word with its apostrophes and hyphens ("don't", "anti-social")."""
    return character.isalnum() or character in "_'’-"


def _excerpt(text, words=8):
    shown = text.split()
    return " ".join(shown[:words]) + (" …" if len(shown) > words else "")


def long_sentences(block, limit):
    findings = []
    for start, end, words in sentence_words(block):
        if len(words) > limit:
            quoted = any(block.quoted(w.start()) for w in WORD.finditer(block.text, start, end))
            counted = " outside the quotation" if quoted else ""
            findings.append(Finding(
                LONG_SENTENCE, block.line_at(start),
                f'a sentence of {len(words)} words{counted} (more than {limit}): '
                f'"{_excerpt(block.text[start:end].strip())}"',
                f"split it into shorter sentences; {limit} words or fewer are easier to "
                "read"))
    return findings


_PREVIOUS_WORD = re.compile(r"([A-Za-z'’]+)[^\w.!?;:\n]*$")
_NEXT_WORD = re.compile(r"[^\w.!?;:\n]*([A-Za-z]+)")


def words_to_avoid(block, guide):
    """Each word or phrase of the guide's `avoid` list outside quotations (one regular
    expression of every form, so a page is read once)."""
    pattern, entries, allowed = guide.avoid_patterns()
    findings = []
    if pattern is None:
        return findings
    lower = block.lower  # the patterns are in lower case: faster than ignoring case
    for found in matches_after(pattern, lower, in_a_spelled_word):
        if block.quoted(found.start()) or (allowed and allowed.match(lower, found.start())):
            continue
        form, entry = entries[" ".join(found.group(0).split())]
        if not _used_as(entry.used_as, form, block.text, found.start(), found.end()):
            continue
        words = " ".join(block.text[found.start():found.end()].split())
        findings.append(Finding(AVOID, block.line_at(found.start()),
                                f'"{words}" is a word to avoid in plain English', _instead(entry)))
    return findings


def _used_as(used_as, form, text, start, end):
    if used_as == "verb":
        before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
        return form.endswith("ed") or bool(before and before.group(1).lower() in _VERB_CUES)
    if used_as == "adjective":
        after = _NEXT_WORD.match(text, end)
        return bool(after) and after.group(1).lower() not in _NOT_AFTER_AN_ADJECTIVE
    return True


def _instead(entry):
    choices = [choice.strip() for choice in entry.instead.split(",") if choice.strip()]
    if entry.instead.lower().startswith("say "):
        fix = entry.instead
    elif len(choices) == 1:
        fix = f'write "{choices[0]}" instead'
    else:
        fix = "write " + ", ".join(f'"{c}"' for c in choices[:-1]) + f' or "{choices[-1]}" instead'
    return fix + (f" (it is fine if {entry.unless})" if entry.unless else "")


def abbreviations(block, guide, part="body"):
    """Each abbreviation the guide knows, where a part of the page (the body, or the
    summary, which lists and feeds show alone) first uses it without having spelt it out
    (before it, or in brackets just after it)."""
    pattern, known = guide.abbreviation_pattern()
    start, end = block.part(part)
    if pattern is None or start == end:
        return []
    findings, seen = [], set()
    for found in matches_after(pattern, block.text, _in_an_abbreviation, start, end):
        abbr = found.group(1)
        if abbr in seen:
            continue
        seen.add(abbr)
        read = _normal(block.text[start:found.start()])
        after = _normal(block.text[found.end():found.end() + 200]).lstrip()
        if not any(_normal(meaning) in read or after.startswith("(" + _normal(meaning))
                   for meaning in known[abbr]):
            findings.append(Finding(
                ABBREVIATION, block.line_at(found.start()),
                f'"{abbr}" is not spelled out before its first use on this page',
                f'write "{known[abbr][0]} ({abbr})" the first time'))
    return findings


def _in_an_abbreviation(character):
    return in_a_word(character) or character == "&"


def _normal(text):
    return re.sub(r"\s+", " ", text.lower().replace("’", "'").replace("&", "and"))


_CAPITALS = re.compile(r"([A-Z][A-Z&'’-]*[A-Z])(?:['’]s)?(?![\w&-])")


def _in_a_capitals_word(character):
    return in_a_spelled_word(character) or character == "&"


def capitals(block, guide, style_file):
    """Runs of words in capitals, unless they are abbreviations: one finding per run of
    the same words on a page."""
    findings, run, seen = [], [], set()

    def close():
        if run:
            words = " ".join(w.group(1) for w in run)
            if words not in seen:
                seen.add(words)
                findings.append(Finding(
                    CAPITALS, block.line_at(run[0].start()), f'"{words}" is written in capitals',
                    "write it in lower case: words in capitals are harder to read. If it is an "
                    f"abbreviation, spell it out the first time and add it to {style_file}"))
            run.clear()

    for word in matches_after(_CAPITALS, block.text, _in_a_capitals_word):
        text = word.group(1)
        if text in guide.abbreviations or text in guide.well_known or _ROMAN.match(text):
            close()
            continue
        between = block.text[run[-1].end():word.start()] if run else ""
        if between.strip() or "\n" in between:
            close()  # something other than a space between them: two runs
        run.append(word)
    close()
    return findings


_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
_SHORT_MONTH = r"(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_SHORT = {m[:3]: m for m in _MONTHS} | {"Sept": "September"}
_TIME = r"(\d{1,2}(?::\d{2})?\s?(?:am|pm))"


def _date_words(day, month, year=""):
    return f"{int(day)} {month}" + (f" {year}" if year else "")


def _numeric_date(found):
    day, month, year = (int(part) for part in found.groups())
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    year = year + 2000 if year < 100 else year
    return f'write the date in words: "{_date_words(day, _MONTHS[month - 1], year)}"'


def _iso_date(found):
    year, month, day = (int(part) for part in found.groups())
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f'write the date in words: "{_date_words(day, _MONTHS[month - 1], year)}"'


def _twelve_hour(hour, minutes):
    hour = int(hour)
    if hour == 0 and minutes == "00":
        return 'write "midnight"'
    if hour == 12 and minutes == "00":
        return 'write "midday"'
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f'write "{hour}{"" if minutes == "00" else ":" + minutes}{suffix}"'


# (pattern, what is wrong, the fix: a format of the match's groups or a function of the
# match, the _hints() name a block must have for the rule to have a chance)
HOUSE_STYLE = [
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+(?:of\s+)?" + _MONTH + r"\b"),
     'dates have no "st", "nd", "rd" or "th"', 'write "{0} {1}"', "month"),
    (re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![:.]?\d)"
                r"(?:,?\s+(\d{4})\b)?"),
     "dates are written day first",
     lambda f: f'write "{_date_words(f.group(2), f.group(1), f.group(3) or "")}"', "month"),
    (re.compile(r"\b0(\d)\s+" + _MONTH + r"\b"),
     "dates have no 0 before the day", 'write "{0} {1}"', "month"),
    (re.compile(r"\b(\d{1,2})\s+" + _SHORT_MONTH + r"\b\.?"),
     "months are written in full",
     lambda f: f'write "{int(f.group(1))} {_SHORT[f.group(2)]}"', "month"),
    (re.compile(r"(?<![\d/.])\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b(?![/.]\d)"),
     "dates are written in words", _numeric_date, "slashed"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
     "dates are written in words", _iso_date, "slashed"),
    (re.compile(_TIME + r"\s*(?:-|–|—)\s*" + _TIME),
     'time ranges use "to"',
     lambda f: f'write "{_tidy_time(f.group(1))} to {_tidy_time(f.group(2))}"', "time"),
    (re.compile(r"\b(\d{1,2})[:.]00\s?(am|pm)\b"),
     'times on the hour have no ":00"', 'write "{0}{1}"', "time"),
    (re.compile(r"\b(\d{1,2})\.(\d{2})\s?(am|pm)\b"),
     "times use a colon", 'write "{0}:{1}{2}"', "time"),
    (re.compile(r"\b(\d{1,2}(?::\d{2})?)\s+(am|pm)\b"),
     "times have no space before am or pm", 'write "{0}{1}"', "time"),
    (re.compile(r"\b(\d{1,2}(?:[:.]\d{2})?)\s?([ap])\.\s?m\b\.?"),
     "times use am and pm, not a.m. and p.m.", 'write "{0}{1}m"', "time"),
    (re.compile(r"\b([01]\d|2[0-3]):?([0-5]\d)\s?(?:hrs|hours)\b"
                r"|\b([01]\d|2[0-3]):([0-5]\d)\b(?!\s?[ap]\.?m)"),
     "times use the 12-hour clock",
     lambda f: _twelve_hour(f.group(1) or f.group(3), f.group(2) or f.group(4)), "time"),
    (re.compile(r"\b12\s?(?:noon|pm)\b|\bnoon\b|\b12:00\s?pm\b", re.IGNORECASE),
     'midday is "midday"', 'write "midday"', "noon"),
    (re.compile(r"\b12\s?am\b|\b12:00\s?am\b|\b12 midnight\b", re.IGNORECASE),
     'midnight is "midnight"', 'write "midnight"', "noon"),
    (re.compile(r"£(\d[\d,]*)\.00\b"), "whole pounds have no pence", 'write "£{0}"', "pounds"),
    (re.compile(r"£(\d[\d,.]*)\s?(m|bn)\b"), "millions and billions are written as words",
     lambda f: f'write "£{f.group(1)} {"million" if f.group(2) == "m" else "billion"}"',
     "pounds"),
    (re.compile(r"\b(\d[\d,.]*)\s?per\s?cent\b", re.IGNORECASE), "percentages use %",
     'write "{0}%"', "percent"),
]


def _tidy_time(text):
    return re.sub(r"\s+", "", re.sub(r":00", "", text))


# What a block must hold for a rule of HOUSE_STYLE to have a chance (its last element):
# a few quick searches spare most pages most rules.
_MONTH_HINT = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_SLASHED_HINT = re.compile(r"\d[/.-]\d")
_TIME_HINT = re.compile(r"\d\s?(?:[ap]\.?\s?m\b|hrs\b|hours\b)|\d:\d")
_TWELVE_HINT = re.compile(r"12\s?[ap]m|12:00")  # in lower case
_PERCENT_HINT = re.compile(r"per\s?cent")  # in lower case
_DIGIT_OR_POUND = re.compile(r"[\d£]")


def _hints(block):
    """The hints (HOUSE_STYLE's last elements) whose rules could match in the block."""
    text, lower = block.text, block.lower
    noon = "noon" in lower or "midnight" in lower
    if not noon and not _DIGIT_OR_POUND.search(text):
        return set()  # every rule needs a digit, a pound sign, noon or midnight
    hints = set()
    if noon or _TWELVE_HINT.search(lower):
        hints |= {"noon", "time"}  # "12:00" and "12 pm" are times too
    for name, pattern, searched in (("month", _MONTH_HINT, text), ("time", _TIME_HINT, text),
                                    ("slashed", _SLASHED_HINT, text),
                                    ("percent", _PERCENT_HINT, lower)):
        if pattern.search(searched):
            hints.add(name)
    if "£" in text:
        hints.add("pounds")
    return hints


def house_style(block):
    """Dates, times and money not written as the house style writes them."""
    findings = []
    hints = _hints(block)
    for pattern, what, fix, hint in HOUSE_STYLE:
        if hint not in hints:
            continue
        for found in pattern.finditer(block.text):
            advice = fix(found) if callable(fix) else fix.format(*(g or "" for g in found.groups()))
            if advice:
                findings.append(Finding(DATES, block.line_at(found.start()),
                                        f'"{found.group(0).strip()}": {what}', advice))
    return findings


def link_texts(block):
    findings = []
    for link in block.links:
        text = link.text.strip().strip(".:!?").strip().lower()
        if text in BAD_LINK_TEXTS:
            findings.append(Finding(
                LINK_TEXT, link.line, f'the link text "{link.text.strip()}" makes no sense on '
                "its own (screen readers can list a page's links by their text)",
                'say where the link goes, such as "read the inspection report"'))
        elif re.match(r"(https?://|www\.)", text):
            findings.append(Finding(
                LINK_TEXT, link.line,
                f'the link text is a web address ("{_excerpt(link.text, 1)}")',
                "link words that say where it goes, such as [the inspection report](https://...)"))
    return findings
