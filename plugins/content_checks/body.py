"""Checks of an item's body, the HTML that Markdown made of it, and its links.

Pure functions over strings. One regular-expression pass over the tags of a body
finds everything: images without alt text, javascript:/data: links, raw scripts,
frames and event attributes, and the links to check against the built site.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from content_messages.messages import ERROR

TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>")
ATTR_RE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
ID_RE = re.compile(r"""\s(?:id|name)\s*=\s*["']?([^"'\s>]+)""")
UNSAFE_SCHEMES = ("javascript", "data", "vbscript")
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel", "ftp", "sms")


@dataclass(frozen=True)
class BodyProblem:
    needle: str  # text to look for in the source file to find the line
    what: str
    fix: str
    level: str = ERROR


@dataclass(frozen=True)
class Link:
    needle: str  # the link as written, to find its line in the source
    url: str  # as it appears in the HTML
    kind: str  # "link" or "image"


def attributes(attribute_text):
    found = {}
    for match in ATTR_RE.finditer(attribute_text or ""):
        name = match.group(1).lower()
        value = next((v for v in match.group(2, 3, 4) if v is not None), None)
        found.setdefault(name, None if value is None else html.unescape(value))
    return found


def scheme_of(url):
    cleaned = re.sub(r"[\s\x00-\x1f]", "", url).lower()
    found = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return found.group(1) if found else ""


def scan_body(body):
    """(problems, links) of one item's HTML body."""
    problems, links = [], []
    for match in TAG_RE.finditer(body):
        tag = match.group(1).lower()
        attribute_text = match.group(2) or ""
        if tag in ("script", "iframe", "object", "embed"):
            problems.append(BodyProblem(
                f"<{match.group(1)}", f"the text contains a raw <{tag}> tag",
                f"remove the <{tag}>: pages must work without scripts and embedded "
                "pages; link to the other site instead"))
            continue
        if "on" not in attribute_text.lower() and tag not in ("a", "img"):
            continue
        attrs = attributes(attribute_text)
        for name in attrs:
            if name.startswith("on") and len(name) > 2:
                problems.append(BodyProblem(
                    f"{name}", f'the <{tag}> tag has a script in its "{name}" attribute',
                    f'remove {name}="..." (scripts in content are not allowed)'))
        if tag == "a" and attrs.get("href"):
            _check_url(attrs["href"], "link", problems, links)
        elif tag == "img":
            src = attrs.get("src") or ""
            alt = attrs.get("alt")
            if alt is None or not alt.strip():
                problems.append(BodyProblem(
                    src or "<img", f'the image "{src}" has no alt text',
                    "describe the picture inside the square brackets: "
                    f"![What the picture shows]({src})"))
            if src:
                _check_url(src, "image", problems, links)
    return problems, links


def _check_url(url, kind, problems, links):
    scheme = scheme_of(url)
    if scheme in UNSAFE_SCHEMES:
        shown = url if len(url) <= 40 else url[:37] + "..."
        problems.append(BodyProblem(
            url[:30], f'the {kind} goes to a "{scheme}:" address ("{shown}")',
            f'link to a web page (https://...) instead; "{scheme}:" addresses run '
            "code or hide content and do not work for everyone"))
    elif scheme not in EXTERNAL_SCHEMES and not url.startswith("//") and not scheme:
        links.append(Link(url, url, kind))


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
