"""content/data/style.yml: the words to avoid, the phrases that are fine, the
abbreviations and what they stand for. Read into a StyleGuide; every mistake in the
file is a problem with its line, and the rest of the file is still used."""

import re
from dataclasses import dataclass, field

import yaml
from site_core import Problem, close_matches, did_you_mean

TOP_KEYS = ("avoid", "allow", "abbreviations", "well_known")
AVOID_KEYS = ("word", "forms", "as", "instead", "unless")
USES = ("verb", "adjective")


@dataclass(frozen=True)
class Avoid:
    word: str  # as listed: "tackle", "going forward"
    forms: tuple  # every form, lower case, each a tuple of words: (("tackles",), ...)
    instead: str
    used_as: str = ""  # "", "verb" or "adjective"
    unless: str = ""


@dataclass
class StyleGuide:
    avoid: list = field(default_factory=list)  # Avoid
    allow: set = field(default_factory=set)  # phrases, lower case, as tuples of words
    abbreviations: dict = field(default_factory=dict)  # "PCC": ("Police and Crime ...",)
    well_known: set = field(default_factory=set)

    def __post_init__(self):
        self._patterns = None
        self._abbreviations = None

    def abbreviation_pattern(self):
        """(a regular expression of the abbreviations to spell out, {abbreviation:
        meanings}); made once per guide. A match must not follow a letter, a digit or
        "&" (rules.matches_after checks)."""
        if self._abbreviations is None:
            known = {abbr: meanings for abbr, meanings in self.abbreviations.items()
                     if abbr not in self.well_known}
            pattern = re.compile("(" + "|".join(
                re.escape(abbr) for abbr in sorted(known, key=len, reverse=True))
                + r")(?:s|['’]s)?(?![\w&])") if known else None
            self._abbreviations = (pattern, known)
        return self._abbreviations

    def avoid_patterns(self):
        """(one regular expression of every form of every word to avoid, {form: (form,
        Avoid)}, one of the allowed phrases); made once per guide. They match text in
        lower case, and a match must not follow a letter, a digit, an apostrophe or a
        hyphen (rules.matches_after checks)."""
        if self._patterns is None:
            entries = {" ".join(form): (" ".join(form), entry)
                       for entry in self.avoid for form in entry.forms}
            self._patterns = (_words_pattern(entries), entries, _words_pattern(
                {" ".join(phrase): None for phrase in self.allow}))
        return self._patterns


def _words_pattern(phrases):
    """Any of `phrases` (lower-case words joined by spaces) ending a word, in text in
    lower case.

    The alternatives are merged by their common beginnings ("tackl(?:e|es|ed|ing)"):
    Python's regular expressions try every alternative at every letter otherwise, and
    there are hundreds."""
    if not phrases:
        return None
    trie = {}
    for phrase in phrases:
        node = trie
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}  # the phrase may end here
    return re.compile(_trie_pattern(trie) + r"(?![\w'’-])")


def _trie_pattern(node):
    branches = []
    ends = "" in node
    for char in sorted(key for key in node if key):
        branches.append((r"\s+" if char == " " else re.escape(char)) + _trie_pattern(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


def load_guide(text, label="style.yml"):
    """(StyleGuide, [Problem]) from the YAML `text` of style.yml."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        return StyleGuide(), [Problem(f"{label} is not valid YAML ({reason})",
                                      "check the indentation and the colons near this line",
                                      line=mark.line + 1 if mark else None)]
    guide, problems = StyleGuide(), []
    if root is None:
        return guide, problems
    if not isinstance(root, yaml.MappingNode):
        return guide, [Problem(f"{label} must be a set of keys ({', '.join(TOP_KEYS)})",
                               "start each list with its key, such as \"avoid:\"",
                               line=root.start_mark.line + 1)]
    for key_node, value in root.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key == "avoid":
            guide.avoid = [entry for node in _items(value, key, problems)
                           if (entry := _avoid(node, problems))]
        elif key == "allow":
            guide.allow = {_words(node.value) for node in _items(value, key, problems)
                           if _is_text(node, problems, "a phrase")}
        elif key == "well_known":
            guide.well_known = {node.value for node in _items(value, key, problems)
                                if _is_text(node, problems, "an abbreviation")}
        elif key == "abbreviations":
            guide.abbreviations = _abbreviations(value, problems)
        else:
            problems.append(Problem(f'unknown key "{key}" in {label}',
                                    f"use one of {', '.join(TOP_KEYS)}"
                                    f"{did_you_mean(close_matches(key, TOP_KEYS))}", line=line))
    return guide, problems


def _items(node, key, problems):
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return []
    problems.append(Problem(f'"{key}:" must be a list', f'write each one on its own line '
                            f'under "{key}:", starting with "- "', line=node.start_mark.line + 1))
    return []


def _is_text(node, problems, what):
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return True
    problems.append(Problem(f"this entry should be {what}", "write it on one line after \"- \"",
                            line=node.start_mark.line + 1))
    return False


def _avoid(node, problems):
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem("a word to avoid must be a set of 'key: value' lines",
                                'write it like this:\n  - word: utilise\n    instead: use',
                                line=line))
        return None
    values = {}
    for key_node, value in node.value:
        key = key_node.value
        if key not in AVOID_KEYS:
            problems.append(Problem(f'unknown key "{key}" in a word to avoid',
                                    f"use one of {', '.join(AVOID_KEYS)}"
                                    f"{did_you_mean(close_matches(key, AVOID_KEYS))}",
                                    line=key_node.start_mark.line + 1))
        elif key == "forms":
            values[key] = [item.value for item in _items(value, key, problems)
                           if _is_text(item, problems, "a form of the word")]
        elif isinstance(value, yaml.ScalarNode):
            values[key] = value.value.strip()
    word, instead, used_as = values.get("word"), values.get("instead"), values.get("as", "")
    if not word or not instead:
        missing, meaning = ("word", "the word") if not word else ("instead", "plainer words to use")
        problems.append(Problem(f'a word to avoid has no "{missing}:"',
                                f'add "{missing}:" ({meaning})', line=line))
        return None
    if used_as and used_as not in USES:
        problems.append(Problem(f'"as: {used_as}" is not a use the check knows',
                                f'write "as: verb" or "as: adjective", or leave "as:" out',
                                line=line))
        used_as = ""
    forms = {_words(word)} | {_words(form) for form in values.get("forms", [])}
    if " " not in word.strip():
        forms |= {(form,) for form in inflections(word.lower())}
    return Avoid(word, tuple(sorted(forms)), instead, used_as, values.get("unless", ""))


def _abbreviations(node, problems):
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem('"abbreviations:" must be a set of lines like '
                                '"PCC: Police and Crime Commissioner"',
                                "write each abbreviation, a colon and what it stands for",
                                line=node.start_mark.line + 1))
        return {}
    found = {}
    for key_node, value in node.value:
        meanings = [item.value for item in value.value] if isinstance(value, yaml.SequenceNode) \
            else [value.value] if isinstance(value, yaml.ScalarNode) else []
        meanings = [str(meaning).strip() for meaning in meanings if str(meaning).strip()]
        if not meanings:
            problems.append(Problem(f'abbreviation "{key_node.value}" says nothing of what '
                                    "it stands for",
                                    f'write it after the colon: "{key_node.value}: ..."',
                                    line=key_node.start_mark.line + 1))
            continue
        found[key_node.value] = tuple(meanings)
    return found


def _words(phrase):
    return tuple(re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", phrase.lower()))


def inflections(word):
    """The regular forms of a word: tackle -> tackles, tackled, tackling."""
    if word.endswith("e"):
        return {word, word + "s", word + "d", word[:-1] + "ing"}
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return {word, word + "es", word + "ed", word + "ing"}
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return {word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    return {word, word + "s", word + "ed", word + "ing"}
