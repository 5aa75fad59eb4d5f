"""The words a reader reads, from a Markdown file, each character with its source line.

A check of plain English must see prose, not markup: `[our report](https://…)` is the
two words "our report", a link whose text is "our report"; `**Note:**` is "Note:";
code, pictures, HTML tags and addresses are not prose. And a warning must name the
line the writer typed. So the body is cut into blocks (a paragraph, a heading, a list
item, a table row, a quotation) and each block's text keeps, for every character, the
line it came from.

Quotations are marked: a block quote (`> `), and text between double quotation marks
("…" or “…”; a quotation that runs past the end of its paragraph ends with it, as a
quotation of several paragraphs opens each one). Single quotation marks are left
alone: they are also apostrophes.
"""

import bisect
import functools
import html
import re
from dataclasses import dataclass, field

from site_core import front_matter_span, lines_outside_fenced_code

BREAK = "\n\n"  # between two blocks of a page
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")  # nested ones too
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")  # [label]: https://…
_ATTRIBUTES = re.compile(r"^\s*\{:?[^}]*\}\s*$")  # a line of attr_list's {: #id }

# Inline markup, in the order tried at each place: what it leaves as prose.
_INLINE = re.compile(r"""
    (?P<comment><!--.*?-->)
  | (?P<code>`+)(?P<code_text>.+?)(?P=code)
  | !\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\)
  | \[(?P<text>[^\]]+)\]\((?P<href>[^)\s]*)(?:\s+"[^"]*")?\)
  | \[(?P<ref_text>[^\]]+)\]\[(?P<ref>[^\]]*)\]
  | <(?P<auto>(?:https?://|mailto:|www\.)[^>\s]+)>
  | <a\s[^>]*>(?P<a_text>.*?)</a\s*>
  | </?[A-Za-z][^>]*>
  | \{:?[^}\n]*\}
  | \\(?P<escaped>[\\`*_{}\[\]()#+\-.!>])
  | (?P<emphasis>(?<![\w*_])[*_]{1,3}|[*_]{1,3}(?![\w*_]))
  | (?P<entity>&(?:\#\d+|\#x[0-9a-fA-F]+|[A-Za-z]+);)
""", re.VERBOSE | re.DOTALL)
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?'\"”’]")


@dataclass
class Link:
    text: str
    line: int


@dataclass
class Block:
    """The prose of a page: its paragraphs, headings, list items, table rows and block
    quotes, in order."""

    text: str  # the prose, blocks separated by BREAK
    starts: list  # where in `text` each source line's prose starts...
    numbers: list  # ...and that line's number (from 1)
    quotes: list  # (start, end) in `text` of each quotation, in order
    links: list = field(default_factory=list)  # Link for each link, with its text
    words: list = None  # each sentence's words outside quotations (rules.sentence_words)
    # (start, end) in `text` of the title, the summary and the body (page_prose)
    parts: dict = field(default_factory=dict)

    @functools.cached_property
    def lower(self):
        """The text in lower case, each character where it was (the few characters whose
        lower case is longer, such as "İ", are left as they are)."""
        lowered = self.text.lower()
        if len(lowered) == len(self.text):
            return lowered
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)

    def part(self, name):
        """(start, end) of the title, the summary or the body; (0, 0) if it has none."""
        return self.parts.get(name, (0, 0))

    def line_at(self, index):
        """The source line of the character at `index` of the text."""
        return self.numbers[max(bisect.bisect_right(self.starts, index) - 1, 0)]

    def quoted(self, index):
        """Whether the character at `index` is inside a quotation."""
        if not self.quotes:
            return False
        at = bisect.bisect_right(self.quotes, (index, float("inf"))) - 1
        return at >= 0 and self.quotes[at][0] <= index < self.quotes[at][1]


def page_prose(lines, title=None, summary=None):
    """The prose of a page: its title and summary, each (line, text) or None, and the
    body of the Markdown file whose `lines` are given (below its front matter)."""
    parts = {}
    blocks = []
    for name, value in (("title", title), ("summary", summary)):
        if value and value[1].strip():
            parts[name] = len(blocks)
            blocks.append(("paragraph", [value]))
    parts["body"] = len(blocks)
    blocks += body_blocks(lines)
    return _page(blocks, parts)


def body_blocks(lines):
    """(kind, [(line number, text)]) of each block below the front matter."""
    span = front_matter_span(lines)
    start = span[1] + 1 if span else 0
    blocks, current = [], None

    def close():
        nonlocal current
        if current:
            blocks.append(current)
        current = None

    outside_code = dict(lines_outside_fenced_code(lines, start))
    for index in range(start, len(lines)):
        line = lines[index]
        number = index + 1
        if index not in outside_code:
            close()
            continue
        if line[:1].isalpha():  # most lines: a paragraph's words (no marker starts so)
            if current is None or current[0] == "quote":
                close()
                current = ("paragraph", [])
            current[1].append((number, line.rstrip()))
            continue
        if not line.strip() or _RULE.match(line) or _REFERENCE.match(line) \
                or _ATTRIBUTES.match(line):
            close()
            continue
        quote = _QUOTE.match(line)
        if quote:
            if current and current[0] != "quote":
                close()
            if current is None:
                current = ("quote", [])
            current[1].append((number, line[quote.end():]))
            continue
        heading = _HEADING.match(line)
        item = _LIST_ITEM.match(line)
        if heading or item or line.lstrip().startswith("|"):
            close()
            kind = "heading" if heading else "item" if item else "row"
            marker = heading or item
            text = line[marker.end():] if marker else line.replace("|", " ")
            current = (kind, [(number, text.rstrip("#") if heading else text)])
            if heading or kind == "row":
                close()
            continue
        if current is None or current[0] == "quote":
            close()
            current = ("paragraph", [])
        current[1].append((number, line.strip()))
    close()
    return blocks


def _page(blocks, first_blocks):
    """One Block of the whole page: its blocks' prose, each block after a blank line
    (BREAK, which ends a sentence), so that every check reads a page in one pass.
    `first_blocks`: {part name: the index in `blocks` of its first block}."""
    parts, starts, numbers, quotes, links = [], [], [], [], []
    block_starts = []
    length = 0
    for kind, numbered_lines in blocks:
        if parts:
            parts.append(BREAK)
            length += len(BREAK)
        block_start, block_parts = length, []
        block_starts.append(block_start)
        for number, line in numbered_lines:
            if block_parts:
                block_parts.append(" ")
                length += 1
            starts.append(length)
            numbers.append(number)
            prose = _inline(line, number, links)
            block_parts.append(prose)
            length += len(prose)
        text = "".join(block_parts)
        parts.append(text)
        spans = [(0, len(text))] if kind == "quote" else _quotations(text)
        quotes += [(block_start + start, block_start + end) for start, end in spans]
    # Each part runs from its first block to the next part's (the body: to the end).
    firsts = sorted(first_blocks.items(), key=lambda item: item[1])
    part_spans = {}
    for (name, first), (_, following) in zip(firsts, firsts[1:] + [(None, len(blocks))]):
        start = block_starts[first] if first < len(blocks) else length
        end = block_starts[following] if following < len(blocks) else length
        part_spans[name] = (start, end)
    return Block("".join(parts), starts, numbers or [0], quotes, links, parts=part_spans)


_MARKUP_HINT = re.compile(r"[<`\[\\{*_&]|://|www\.")


def _inline(line, number, links):
    """The prose of one line, with the links found in it added to `links`."""
    if not _MARKUP_HINT.search(line):
        return line  # most lines are plain words
    parts, position = [], 0
    for found in _INLINE.finditer(line):
        parts.append(_without_bare_urls(line[position:found.start()], number, links))
        position = found.end()
        groups = found.groupdict()
        if groups["code"]:
            parts.append("code")  # one word, never checked
        elif groups["text"] is not None or groups["ref_text"] is not None \
                or groups["a_text"] is not None:
            text = groups["text"] or groups["ref_text"] or groups["a_text"] or ""
            text = html.unescape(re.sub(r"<[^>]+>|[*_`]", "", text))
            links.append(Link(text, number))
            parts.append(text)
        elif groups["auto"]:
            links.append(Link(groups["auto"], number))
            parts.append("link")
        elif groups["escaped"]:
            parts.append(groups["escaped"])
        elif groups["entity"]:
            parts.append(html.unescape(groups["entity"]))
        # comments, pictures, other tags, {attributes} and emphasis leave nothing
    parts.append(_without_bare_urls(line[position:], number, links))
    return "".join(parts)


def _without_bare_urls(text, number, links):
    """An address typed as it is (Markdown links it): a link whose text is the address."""
    def replace(found):
        links.append(Link(found.group(0), number))
        return "link"
    return _BARE_URL.sub(replace, text)


_MARKS = re.compile('["“”]')


def _quotations(text):
    """(start, end) of each quotation in `text`."""
    quotes, opened = [], None
    for found in _MARKS.finditer(text):
        index, mark = found.start(), found.group(0)
        if opened is None:
            if mark == "“" or (mark == '"' and _opens(text, index)):
                opened = index
        elif mark == "”" or (mark == '"' and not _opens(text, index)):
            quotes.append((opened, index + 1))
            opened = None
    if opened is not None:  # runs on past the paragraph
        quotes.append((opened, len(text)))
    return quotes


def _opens(text, index):
    """A straight double quotation mark opens a quotation when no letter or digit comes
    before it and something other than a space comes after it."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()
