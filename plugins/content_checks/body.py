"""Checks of an item's body: the HTML that Markdown made of it, raw HTML included.

Pure functions over strings. The standard library's HTML parser reads the body once
and every problem is reported on its own, however many share a tag or a line: raw
<script> (inside <svg> too), <iframe> and other embedded pages, <form>, page-wide tags
(<style>, <link>, <base>, <meta http-equiv>), styles that can put text over the page,
every on...="..." script, javascript:/data:/vbscript: addresses, images without alt
text. It also gives the links and images of this site, to check against the build.

Raw HTML reaches the body word for word, so each problem names the text of its tag or
attribute as written (`text=`, looked for below the front matter); an address is named
by itself, which a Markdown link holds too. When the same text came earlier in the
body, its own occurrence is looked up in the source, so two identical tags on two lines
give two lines.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from site_core import Problem

ID_RE = re.compile(r"""\s(?:id|name)\s*=\s*["']?([^"'\s>]+)""")
ATTRIBUTE_RE = re.compile(r"""([^\s=/>"']+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")
UNSAFE_SCHEMES = ("javascript", "data", "vbscript")
URL_ATTRIBUTES = ("href", "src", "xlink:href", "action", "formaction", "data", "poster",
                  "background", "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "ping",
                  "manifest", "srcset",
                  "to", "from", "values", "by")  # SVG animation: <set attributeName="href" to=...>
RAW_ONLY = "pages must work without scripts and embedded pages; link to the other site instead"
# Tags that have no place in the text of a page: (what they do, what to do).
FORBIDDEN_TAGS = {
    "script": ("", f"remove the <script> and everything up to </script>: {RAW_ONLY}"),
    **{tag: ("", f"remove the <{tag}>: {RAW_ONLY}")
       for tag in ("iframe", "frame", "frameset", "object", "embed", "applet", "portal")},
    "form": (", which would send what readers type into it to another place",
             "remove everything from <form> to </form>; link to the organisation's own form "
             "page instead, so that readers can see who receives their details"),
    "style": (", which changes how the whole page looks",
              "remove everything from <style> to </style>: the site's design sets how pages look"),
    "link": (", which loads a file from another place into the page",
             "remove it; to point readers to a page or file, write a link: "
             "[What it is](https://...)"),
    "base": (", which changes where every link on the page goes", "remove it"),
}


@dataclass(frozen=True)
class Link:
    url: str  # as it appears in the HTML
    kind: str  # "link" or "image"
    where: object  # where() gives Problem's where arguments, worked out only if needed


def scheme_of(url):
    cleaned = re.sub(r"[\s\x00-\x1f]", "", url).lower()
    found = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return found.group(1) if found else ""


def scan_body(body, siteurl=""):
    """(problems, links) of one item's HTML `body`: site_core Problems, without a path,
    in the order of the body, and the Links of this site to check.

    Each problem is found in the source by its text, below the front matter, passing
    over as many occurrences as come before it in the body (a tag written twice gets the
    line of each). `siteurl` is left off addresses when looking for them.
    """
    body = str(body)
    key = (hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).digest(),
           siteurl)
    found = _scanned.get(key)
    if found is None:
        scanner = _Scanner(_Places(body, siteurl))
        scanner.feed(body)
        scanner.close()
        found = (tuple(scanner.problems), tuple(scanner.links))
        if len(_scanned) >= 65536:
            _scanned.clear()
        _scanned[key] = found
    return list(found[0]), list(found[1])


# Each body's scan, by a digest of the body: the preview (live_build) builds the site
# again and again in one process, and all but the changed items have the same HTML.
_scanned = {}


class _Places:
    """Where a problem is: Problem's `where` arguments for a text at an offset of the HTML."""

    def __init__(self, html, siteurl):
        self.html = html
        self.siteurl = siteurl

    def of_url(self, url, offset):
        if self.siteurl and url.startswith(self.siteurl) and len(url) > len(self.siteurl):
            url = url[len(self.siteurl):]
        return self.of(url, offset)

    def of(self, text, offset):
        text = text.strip().split("\n", 1)[0].strip()  # lines are searched one at a time
        earlier = self.html.count(text, 0, offset) if text else 0
        return {"text": text, "in_body": True, "occurrence": earlier}


class _Scanner(HTMLParser):
    def __init__(self, places):
        super().__init__(convert_charrefs=True)
        self.places = places
        self.problems = []
        self.links = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", places.html)]

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        by_name = {}
        for name, value in attrs:
            by_name.setdefault(name, value)  # a browser keeps the first of two
        self.check_tag(tag, by_name, self.get_starttag_text() or f"<{tag}",
                       self._line_starts[line - 1] + column)

    handle_startendtag = handle_starttag

    def add(self, what, fix, where):
        self.problems.append(Problem(what, fix, **where))

    def check_tag(self, tag, attrs, tag_text, offset):
        """Every problem of one start tag; `attrs` by name, the first of each kept."""
        if tag in FORBIDDEN_TAGS:
            does, fix = FORBIDDEN_TAGS[tag]
            self.add(f"the text contains a raw <{tag}> tag{does}", fix,
                     self.places.of(tag_text, offset))
        elif tag == "meta" and attrs.get("http-equiv") is not None:
            equiv = attrs["http-equiv"]
            does = ("sends readers to another page" if equiv.strip().lower() == "refresh"
                    else "changes how browsers treat the whole page")
            self.add(f'the text contains a raw <meta http-equiv="{equiv}"> tag, which {does}',
                     "remove the <meta ...> tag; to send readers to another page, "
                     "write a link to it", self.places.of(tag_text, offset))
        for name, value in attrs.items():
            if name.startswith("on") and len(name) > 2:
                self.add(f'the <{tag}> tag has a script in its "{name}" attribute',
                         f'remove {name}="..." from the tag (the site does not run scripts '
                         "from the text of a page)", self.attribute_place(tag_text, name, offset))
            elif name == "style" and value:
                overlay = covering_declaration(value)
                if overlay:
                    self.add(f'the <{tag}> tag has the style "{overlay}", which can put it over '
                             "other parts of the page", 'remove style="..." from the tag: the '
                             "site's design places text and pictures, so that nothing covers "
                             "the page", self.attribute_place(tag_text, name, offset))
            elif value and name in URL_ATTRIBUTES:
                self.check_address(tag, name, value, offset, tag_text)
        if tag == "img":
            self.check_alt(attrs, tag_text, offset)

    def attribute_place(self, tag_text, name, offset):
        """Where the attribute `name` of a tag is: its text as written, name="value"."""
        after_name = re.match(r"<[^\s/>]*", tag_text).end()
        for match in ATTRIBUTE_RE.finditer(tag_text, after_name):
            if match.group(1).lower() == name:
                return self.places.of(match.group(0), offset)
        return self.places.of(tag_text, offset)

    def check_address(self, tag, name, value, offset, tag_text=""):
        urls = [part.split()[0] for part in value.split(",") if part.split()] \
            if name == "srcset" else [value]
        for url in urls:
            scheme = scheme_of(url)
            if scheme in UNSAFE_SCHEMES:
                # Found in the file as it is written there: "&#106;avascript:" is
                # "javascript:" to a browser, but not to a search of the Markdown.
                written = self.written_value(tag_text, name) if name != "srcset" else None
                self.add_unsafe(tag, name, url, scheme, offset, written or url)
            elif (tag, name) in (("a", "href"), ("img", "src")) and not scheme \
                    and not url.startswith("//"):
                kind = "link" if tag == "a" else "image"
                self.links.append(Link(url, kind, partial(self.places.of_url, url, offset)))

    def written_value(self, tag_text, name):
        """The value of the attribute `name` as the tag's text has it (entities kept)."""
        after_name = re.match(r"<[^\s/>]*", tag_text).end()
        for match in ATTRIBUTE_RE.finditer(tag_text, after_name):
            if match.group(1).lower() == name and match.group(2):
                return match.group(2).split("=", 1)[1].strip().strip("\"'")
        return None

    def add_unsafe(self, tag, name, url, scheme, offset, written):
        shown = url if len(url) <= 40 else url[:37] + "..."
        kind = {("a", "href"): "link", ("area", "href"): "link", ("img", "src"): "image"}.get(
            (tag, name), f"<{tag}> tag's {name}")
        if kind == "image":
            fix = ("save the picture in content/images/ and give its path: "
                   "![What the picture shows](/images/2017/photo.jpg)")
        else:
            fix = "link to a web page (https://...) instead"
        self.add(f'the {kind} goes to a "{scheme}:" address ("{shown}")',
                 f'{fix}; "{scheme}:" addresses run code or hide content and do not work '
                 "for everyone", self.places.of_url(written[:30], offset))

    def check_alt(self, attrs, tag_text, offset):
        src = attrs.get("src") or ""
        alt = attrs.get("alt")
        if alt is None or not alt.strip():
            self.add(f'the image "{src}" has no alt text',
                     "describe the picture inside the square brackets: "
                     f"![What the picture shows]({src}), or write ![decorative]({src}) if "
                     "it only decorates the page",
                     self.places.of_url(src, offset) if src else self.places.of(tag_text, offset))


COVERING_POSITIONS = ("fixed", "absolute", "sticky")
MOVING_PROPERTIES = ("z-index", "transform", "translate", "scale", "rotate")
OFFSET_PROPERTIES = ("top", "right", "bottom", "left", "inset", "inset-block", "inset-inline",
                     "inset-block-start", "inset-block-end", "inset-inline-start",
                     "inset-inline-end")
CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)


def _unescaped(escape):
    hex_digits, character = escape.groups()
    return chr(min(int(hex_digits, 16), 0x10FFFF)) if hex_digits else character


def covering_declaration(style):
    """The first declaration of a style="..." that can put its tag over other parts of the
    page (positioned, layered, moved, or pulled over its neighbours), as written; None if
    there is none. Comments and escapes (pos\\ition) hide nothing."""
    style = re.sub(r"/\*.*?\*/", "", style, flags=re.DOTALL)
    style = CSS_ESCAPE.sub(_unescaped, style)
    declarations = []
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip():
            value = re.sub(r"\s*!\s*important\s*$", "", value.strip().lower())
            declarations.append((name.strip().lower(), value, declaration.strip()))
    offsets = any(name in OFFSET_PROPERTIES for name, _, _ in declarations)
    for name, value, written in declarations:
        if name == "position" and (value in COVERING_POSITIONS
                                   or (value == "relative" and offsets)):
            return written
        if name in MOVING_PROPERTIES:
            return written
        if name.startswith("margin") and re.search(r"(^|\s)-\s*\.?\d", value):
            return written
    return None


def ids_in(page_html):
    return set(ID_RE.findall(page_html))


def target_of(url, page_url, siteurl=""):
    """(path inside the output folder, fragment) of an internal `url` on `page_url`.

    `page_url` is the item's URL relative to the site root (news/2017/x/).
    Returns None for a link that leaves the site.
    """
    if siteurl and url.startswith(siteurl):
        url = url[len(siteurl):] or "/"
    parts = urlsplit(urljoin("/" + page_url, url))
    if parts.scheme or parts.netloc:
        return None
    return unquote(parts.path).lstrip("/"), unquote(parts.fragment)


def candidate_files(path):
    """The files in the output folder that would answer a request for `path`."""
    if path == "" or path.endswith("/"):
        return [path + "index.html"]
    return [path, path + "/index.html"]
