"""The contact directory: content/data/contacts.yml, read and checked.

`load_directory(text)` returns the directory and a list of site_core Problems, each
with its line of the file; an entry with a problem is left out, every other entry is kept.

The entries are listed under one key, `contacts:` (the web editor, Decap CMS, can only
edit a file whose top is a set of keys), or, as in files written before it, the whole
file is the list. Both are read the same way.
"""

import re
from dataclasses import dataclass, field

import yaml
from site_core import Problem, close_matches, did_you_mean, slugify
from site_core.data_files import ListedFile, list_of_entries

from .numbers import InvalidNumber, is_memorable_form, near_miss, parse_number

KEYS = ("id", "name", "group", "phone", "phone_display", "email", "website", "hours",
        "call_charges", "description")
REQUIRED = ("id", "name", "group")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
EXAMPLE_ENTRY = "- id: beacon\n  name: Beacon\n  group: Victims' services\n  phone: 03000 11 55 55"
LIST_KEY = "contacts"
EXAMPLE_FILE = f"{LIST_KEY}:\n" + "".join(f"  {line}\n" for line in EXAMPLE_ENTRY.splitlines()).rstrip()
CONTACTS_FILE = ListedFile(
    key=LIST_KEY, file_label="contacts.yml", entry_keys=KEYS, entry="entry", entries="entries",
    no_list=("contacts.yml must be a list of entries",
             f"write \"{LIST_KEY}:\" on the first line and the entries under it, "
             f"each starting with '- id:', for example:\n{EXAMPLE_FILE}"),
    empty_key=(f'"{LIST_KEY}:" holds no list of entries',
               f"write the entries under it, each starting with '- id:', "
               f"for example:\n{EXAMPLE_FILE}"),
    extra_key_fix=f'the file holds only "{LIST_KEY}:" and the entries under it: '
                  'remove "{key}:" or move what it says into an entry',
)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    group: str
    line: int
    number: object = None  # a numbers.Number, or None for an entry without a phone
    phone_display: str = ""  # how the page shows the number
    email: str = ""
    website: str = ""
    hours: str = ""
    call_charges: str = ""
    description: str = ""

    @property
    def website_label(self):
        return re.sub(r"^https?://|/$", "", self.website)

    @property
    def phone_label(self):
        return "Relay UK" if self.number and self.number.key.startswith("1800") else "Telephone"


@dataclass(frozen=True)
class Group:
    name: str
    anchor: str
    entries: list


@dataclass
class Directory:
    entries: list = field(default_factory=list)
    # group name -> its anchor, where it must not be the slug (CONTACT_DIRECTORY_GROUP_ANCHORS)
    fixed_anchors: dict = field(default_factory=dict)

    def __post_init__(self):
        self.by_id = {entry.id: entry for entry in self.entries}
        self.by_key = {entry.number.key: entry for entry in self.entries if entry.number}

    @property
    def groups(self):
        """[Group] in the order the file first names each group; anchors never clash with ids."""
        grouped = {}
        for entry in self.entries:
            grouped.setdefault(entry.group, []).append(entry)
        taken, groups = set(self.by_id), []
        for name, entries in grouped.items():
            anchor = self.fixed_anchors.get(name) or slugify(name) or "group"
            while anchor in taken:
                anchor += "-group"
            taken.add(anchor)
            groups.append(Group(name, anchor, entries))
        return groups

    def entry_for(self, number):
        return self.by_key.get(number.key)

    def nearest(self, digits):
        """(entry, how it differs) for the listed number one slip away from `digits`."""
        for entry in self.entries:
            if entry.number:
                slip = near_miss(digits, entry.number.digits)
                if slip:
                    return entry, slip
        return None


def load_directory(text, fixed_anchors=None):
    """(Directory, [Problem]) from the YAML `text` of contacts.yml; `fixed_anchors` gives
    groups an anchor other than their slug (CONTACT_DIRECTORY_GROUP_ANCHORS)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(error, "problem", None) or str(error)
        return Directory(), [Problem(f"contacts.yml is not valid YAML ({reason})",
                                     "check the indentation and the colons near this line",
                                     line=line)]
    problems = []
    listed = list_of_entries(root, CONTACTS_FILE, problems)
    if listed is None:
        return Directory(), problems
    entries, seen, numbers = [], {}, {}
    for node in listed.value:
        entry = _read_entry(node, problems, seen)
        if entry and entry.number and entry.number.key in numbers:
            other = numbers[entry.number.key]
            problems.append(Problem(f'{entry.phone_display} is listed twice, for '
                                    f'"{other.name}" and "{entry.name}"',
                                    f"list each number once (the other is on line {other.line})",
                                    line=entry.line))
        elif entry:
            entries.append(entry)
            if entry.number:
                numbers[entry.number.key] = entry
    return Directory(entries, dict(fixed_anchors or {})), problems


def _read_entry(node, problems, seen):
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem("an entry of contacts.yml must be a set of 'key: value' lines",
                                f"write it like this:\n{EXAMPLE_ENTRY}", line=line))
        return None
    values, lines, before = {}, {}, len(problems)
    for key_node, value_node in node.value:
        key, key_line = key_node.value, key_node.start_mark.line + 1
        if key not in KEYS:
            problems.append(Problem(f'unknown key "{key}" in a contact entry',
                                    f"use only {', '.join(KEYS)}"
                                    f"{did_you_mean(close_matches(key, KEYS))}", line=key_line))
            continue
        if not isinstance(value_node, yaml.ScalarNode):
            problems.append(Problem(f'"{key}" must be a single value',
                                    f'write it on one line: {key}: ...', line=key_line))
            continue
        values[key], lines[key] = value_node.value.strip(), key_line
    for key in REQUIRED:
        if not values.get(key):
            problems.append(Problem(f'a contact entry has no "{key}"',
                                    f'add "{key}:" to the entry (see the entries around it)',
                                    line=lines.get(key, line)))
    entry_id = values.get("id", "")
    if entry_id and not ID_PATTERN.fullmatch(entry_id):
        problems.append(Problem(f'id "{entry_id}" is not a valid anchor',
                                "use lower-case letters, digits and hyphens, for example "
                                f'"{slugify(entry_id) or "victim-support"}"', line=lines["id"]))
    elif entry_id in seen:
        problems.append(Problem(f'id "{entry_id}" is used twice',
                                f"give each entry its own id (the other is on line {seen[entry_id]})",
                                line=lines["id"]))
    if not any(values.get(key) for key in ("phone", "email", "website")):
        problems.append(Problem(f'entry "{values.get("name") or entry_id}" has no phone, email or website',
                                "add at least one way to get in touch", line=line))
    number, display = _read_phone(values, lines, problems)
    if values.get("email") and not EMAIL_PATTERN.fullmatch(values["email"]):
        problems.append(Problem(f'email "{values["email"]}" is not an email address',
                                "write it as name@example.org, without mailto:", line=lines["email"]))
    if values.get("website") and not values["website"].startswith(("https://", "http://")):
        problems.append(Problem(f'website "{values["website"]}" is not a full address',
                                f'start it with https://, for example "https://{values["website"]}"',
                                line=lines["website"]))
    if len(problems) > before:
        return None
    if entry_id:
        seen[entry_id] = lines["id"]
    return Entry(
        id=entry_id, name=values["name"], group=values["group"], line=line, number=number,
        phone_display=display, email=values.get("email", ""), website=values.get("website", ""),
        hours=values.get("hours", ""),
        call_charges=values.get("call_charges") or (number.charge if number else "") or "",
        description=values.get("description", ""),
    )


def _read_phone(values, lines, problems):
    written = values.get("phone")
    if not written:
        if values.get("phone_display"):
            problems.append(Problem("phone_display without phone",
                                    "add the number as phone:, or remove phone_display",
                                    line=lines["phone_display"]))
        return None, ""
    try:
        number = parse_number(written)
    except InvalidNumber as error:
        return _invalid_phone(error, lines["phone"], problems), ""
    display = values.get("phone_display") or number.display
    if values.get("phone_display") and not is_memorable_form(display, number):
        problems.append(Problem(
            f'phone_display "{display}" is not the same number as phone "{written}"',
            f"write the same digits with spaces where you want them, for example "
            f'"{number.display}", or remove phone_display', line=lines["phone_display"]))
        return None, ""
    return number, display


def _invalid_phone(error, line, problems):
    problems.append(Problem(str(error),
                            "check the number: UK numbers have 10 or 11 digits and start with 0 "
                            "(01707 806100), or are a short code such as 999, 101 or 18001 101",
                            line=line))
    return None
