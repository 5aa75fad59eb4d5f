"""Finding the list of entries in a data file (content/data/contacts.yml, districts.yml).

The entries are listed under one key (`contacts:`), because the web editor, Decap CMS,
can only edit a file whose top is a set of keys. Files written before it are the list
itself, and are read the same way. Both plugins that read such a file share this.
"""

from dataclasses import dataclass

import yaml

from .problems import Problem
from .text import close_matches, did_you_mean


@dataclass(frozen=True)
class ListedFile:
    key: str  # "contacts"
    file_label: str  # as messages name the file: "contacts.yml"
    entry_keys: tuple  # keys of one entry: a file of them alone is one entry without "- "
    entry: str  # as messages name one entry: "entry", "district"
    entries: str  # and several: "entries", "districts"
    no_list: tuple  # (what, fix) when the file holds no list at all
    empty_key: tuple  # (what, fix) when the key holds no list
    extra_key_fix: str  # the fix for another key beside it; {key} is that key


def list_of_entries(root, listed, problems):
    """The YAML node of the list (the whole file, or the list under `listed.key`), or None.
    Problems found go into `problems`. Under a mistyped key ("contact:") the list is
    still read, so that the file's one mistake gets one message, not one per entry."""
    if isinstance(root, yaml.SequenceNode):
        return root
    key = listed.key
    pairs = ([(str(name.value), name.start_mark.line + 1, value) for name, value in root.value]
             if isinstance(root, yaml.MappingNode) else [])
    named = [pair for pair in pairs if pair[0] == key]
    if not pairs or (not named and any(name in listed.entry_keys for name, _, _ in pairs)):
        what, fix = listed.no_list
        problems.append(Problem(what, fix, line=root.start_mark.line + 1 if root is not None else 1))
        return None
    if not named:
        for name, line, _ in pairs:
            problems.append(Problem(f'unknown key "{name}" at the top of {listed.file_label}',
                                    f'list the {listed.entries} under "{key}:"'
                                    f"{did_you_mean(close_matches(name, [key]))}", line=line))
        mistyped = [value for name, _, value in pairs
                    if isinstance(value, yaml.SequenceNode) and close_matches(name, [key])]
        return mistyped[0] if len(mistyped) == 1 else None
    first = named[0]
    for pair in pairs:
        name, line, _ = pair
        if name != key:
            problems.append(Problem(f'unknown key "{name}" at the top of {listed.file_label}',
                                    listed.extra_key_fix.format(key=name), line=line))
        elif pair is not first:
            problems.append(Problem(f'"{key}:" is written twice',
                                    f"list every {listed.entry} under the first one, "
                                    f"on line {first[1]}", line=line))
    _, line, value = first
    if not isinstance(value, yaml.SequenceNode):
        what, fix = listed.empty_key
        problems.append(Problem(what, fix, line=line))
        return None
    return value
