"""Splits the HTML of an FAQ page at its <h2> headings, in one pass of the stdlib parser.

Every top-level <h2> is a question; what follows it, up to the next one, is its answer;
what comes before the first is the introduction. An <h2> inside another element (a raw
HTML <div> in an answer, say) stays part of that answer, so a split never cuts an element
in two.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that never have an end tag, so never change the nesting depth.
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()
)
# Elements whose edges separate words in plain text ("<li>a</li><li>b</li>" is "a b").
BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote br dd details div dl dt figcaption figure footer
    h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot
    th thead tr ul""".split()
)


@dataclass(frozen=True)
class Section:
    """One question and its answer, as found in the HTML."""

    heading_attributes: tuple  # ((name, value), ...) of the <h2>, e.g. an id from {#id}
    question_html: str  # inside the <h2>
    question_text: str  # plain text, spaces collapsed
    answer_html: str  # from after </h2> to the next question
    answer_text: str  # plain text, spaces collapsed, one line per block (paragraph, item)


@dataclass(frozen=True)
class SplitPage:
    intro_html: str
    sections: tuple


BLOCK_EDGE = "\n"  # text arrives with its own newlines turned to spaces, so this is unique


def plain_text(fragments):
    """Text as a reader sees it: spaces collapsed, one line per paragraph or list item."""
    lines = "".join(fragments).split(BLOCK_EDGE)
    return BLOCK_EDGE.join(" ".join(line.split()) for line in lines if line.strip())


class _Splitter(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.open_elements = []
        self.headings = []  # dicts: start, inner_start, inner_end, end, attributes, text
        self.answer_texts = []  # one list of text fragments per heading
        self.in_heading = False

    def source_offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def text_target(self):
        if self.in_heading:
            return self.headings[-1]["text"]
        return self.answer_texts[-1] if self.answer_texts else None

    def separate_words(self, tag):
        target = self.text_target()
        if tag in BLOCK_ELEMENTS and target is not None:
            target.append(BLOCK_EDGE)

    def handle_starttag(self, tag, attrs):
        if tag == "h2" and not self.open_elements:
            start = self.source_offset()
            self.headings.append({
                "start": start,
                "inner_start": start + len(self.get_starttag_text()),
                "attributes": tuple(attrs),
                "text": [],
            })
            self.in_heading = True
        else:
            self.separate_words(tag)
        if tag not in VOID_ELEMENTS:
            self.open_elements.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.separate_words(tag)

    def handle_endtag(self, tag):
        if tag not in self.open_elements:
            return  # a stray end tag: browsers ignore it, and so do we
        while self.open_elements.pop() != tag:
            pass  # close elements left open inside it, as a browser would
        if tag == "h2" and self.in_heading and not self.open_elements:
            inner_end = self.source_offset()
            heading = self.headings[-1]
            heading["inner_end"] = inner_end
            heading["end"] = self.html.index(">", inner_end) + 1
            self.in_heading = False
            self.answer_texts.append([])
        else:
            self.separate_words(tag)

    def handle_data(self, data):
        target = self.text_target()
        if target is not None:
            target.append(" ".join(data.split("\n")))


def split_at_questions(html):
    """The introduction and the sections (question + answer) of an FAQ page's HTML."""
    splitter = _Splitter(html)
    splitter.feed(html)
    splitter.close()
    headings = [h for h in splitter.headings if "end" in h]  # an unclosed <h2> is no question
    sections = []
    for index, heading in enumerate(headings):
        answer_end = headings[index + 1]["start"] if index + 1 < len(headings) else len(html)
        sections.append(Section(
            heading_attributes=heading["attributes"],
            question_html=html[heading["inner_start"]:heading["inner_end"]].strip(),
            question_text=" ".join(plain_text(heading["text"]).split()),
            answer_html=html[heading["end"]:answer_end].strip(),
            answer_text=plain_text(splitter.answer_texts[index]),
        ))
    intro = html[:headings[0]["start"]] if headings else html
    return SplitPage(intro_html=intro.strip(), sections=tuple(sections))
