"""The list of districts (content/data/districts.yml) and matching names against it.

The districts are listed under one key, `districts:` (the web editor, Decap CMS, can only
edit a file whose top is a set of keys), or, as in files written before it, the whole
file is the list. Both are read the same way.

Pure functions: no Pelican here. A name written in content matches a district only
when it is written exactly as in the list. Anything else is an error; when the name is
close (other case or punctuation, "Herts" for "Hertfordshire", a typo) the error says
which district it probably meant.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass

import yaml
from site_core import Problem, did_you_mean
from site_core.data_files import ListedFile, list_of_entries

REQUIRED_FIELDS = ("name", "slug", "council", "website")
LIST_KEY = "districts"
NO_LIST_FIX = ('write "districts:" on the first line and one entry per district under it, '
               'each starting with "- name:"')
DISTRICTS_FILE = ListedFile(
    key=LIST_KEY, file_label="the list of districts", entry_keys=REQUIRED_FIELDS,
    entry="district", entries="districts",
    no_list=("the file holds no list of districts", NO_LIST_FIX),
    empty_key=("the file holds no list of districts", NO_LIST_FIX),
    extra_key_fix=f'the file holds only "{LIST_KEY}:" and the districts under it: '
                  'remove "{key}:"',
)
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Words people write for the same thing; and words that are not part of a district's
# name ("Dacorum Borough Council", "St Albans City and District").
WORD_FORMS = {"herts": "hertfordshire", "saint": "st", "&": "and"}
FILLER_WORDS = {"and", "the", "of", "borough", "district", "city", "council"}

# How close a misspelling must be to suggest a district (difflib ratio, 0 to 1), and
# how close two candidates must be to each other for both to be suggested.
SUGGESTION_CUTOFF = 0.75
SUGGESTION_TIE = 0.05

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten", "eleven", "twelve")


@dataclass(frozen=True)
class District:
    name: str
    slug: str
    council: str
    website: str


@dataclass(frozen=True)
class Match:
    """The district a name is (exact), or the ones it was probably meant to be."""
    district: District | None = None
    suggestions: tuple = ()


def number_in_words(count):
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def normalise(name):
    """A name reduced to what matters for matching: 'St. Albans' -> 'st albans'."""
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    text = re.sub(r"['\u2019]", "", text)  # "St Alban's" -> "st albans"
    text = text.replace("&", " & ")
    text = re.sub(r"[^\w\s&]|_", " ", text)  # "Welwyn-Hatfield", "St." -> spaces
    words = (WORD_FORMS.get(word, word) for word in text.split())
    return " ".join(word for word in words if word not in FILLER_WORDS)


def match_district(name, districts):
    """Match `name` against `districts`: exact, or the closest districts to suggest."""
    for district in districts:
        if district.name == name:
            return Match(district=district)
    wanted = normalise(name)
    if not wanted:
        return Match()
    same = [d for d in districts if wanted in (normalise(d.name), normalise(d.slug))]
    if same:
        return Match(suggestions=tuple(same))
    # Compare both with and without spaces, so that "Stalbans" finds "St Albans".
    scored = []
    for district in districts:
        candidate = normalise(district.name)
        score = max(
            difflib.SequenceMatcher(None, wanted, candidate).ratio(),
            difflib.SequenceMatcher(None, wanted.replace(" ", ""), candidate.replace(" ", "")).ratio(),
        )
        if score >= SUGGESTION_CUTOFF:
            scored.append((score, district))
    if not scored:
        return Match()
    best = max(score for score, _ in scored)
    close = sorted(
        ((score, d) for score, d in scored if best - score <= SUGGESTION_TIE),
        key=lambda pair: (-pair[0], pair[1].name),
    )
    return Match(suggestions=tuple(d for _, d in close))


def names_list(districts):
    return ", ".join(d.name for d in districts)


def unknown_district_message(subject, districts, match):
    """(what, fix) for a name that is not one of the districts: 'district "Dacorm"'."""
    count = number_in_words(len(districts))
    what = f"{subject} is not one of the {count} districts"
    suggested = did_you_mean([district.name for district in match.suggestions])
    fix = f"write one of them exactly as listed: {names_list(districts)}{suggested}"
    return what, fix


def parse_districts(text):
    """(districts, problems) from the text of districts.yml."""
    loader = yaml.SafeLoader(text)  # one parse: the nodes give the lines, then the values
    problems = []
    try:
        listed = list_of_entries(loader.get_single_node(), DISTRICTS_FILE, problems)
        entries = loader.construct_document(listed) if listed is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return [], [Problem(f"the list of districts cannot be read: {reason}",
                            "check the indentation and that every entry starts with \"- name:\"",
                            line=line)]
    finally:
        loader.dispose()
    if listed is None:
        return [], problems
    if not entries:
        return [], problems + [Problem("the file holds no list of districts", NO_LIST_FIX,
                                       line=listed.start_mark.line + 1)]
    lines = [node.start_mark.line + 1 for node in listed.value]
    districts = []
    seen = {}
    for line, entry in zip(lines, entries):
        district, entry_problems = _parse_entry(entry, line)
        problems += entry_problems
        if district is None:
            continue
        for key, label in ((normalise(district.name), "name"), (district.slug, "slug")):
            if key in seen:
                problems.append(Problem(
                    f'district {label} "{getattr(district, label)}" is listed twice',
                    f"remove one of the two entries (the other is on line {seen[key]})", line=line))
                break
        else:
            seen[normalise(district.name)] = seen[district.slug] = line
            districts.append(district)
    return districts, problems


def _parse_entry(entry, line):
    if not isinstance(entry, dict):
        return None, [Problem("this entry is not a district",
                              'give each district "name", "slug", "council" and "website" lines',
                              line=line)]
    missing = [field for field in REQUIRED_FIELDS if not str(entry.get(field) or "").strip()]
    if missing:
        label = f'district "{entry["name"]}"' if entry.get("name") else "this district"
        return None, [Problem(f"{label} has no {' or '.join(missing)}",
                              f"add {', '.join(f'{field}: ...' for field in missing)}", line=line)]
    district = District(**{field: str(entry[field]).strip() for field in REQUIRED_FIELDS})
    problems = []
    if not SLUG_PATTERN.match(district.slug):
        problems.append(Problem(
            f'slug "{district.slug}" of {district.name} is not a web address part',
            "use lower-case letters, digits and hyphens only, e.g. \"st-albans\"", line=line))
    if not district.website.startswith("https://"):
        problems.append(Problem(
            f'website "{district.website}" of {district.name} is not an https:// address',
            "write the council's full address, starting with https://", line=line))
    return (None if problems else district), problems
