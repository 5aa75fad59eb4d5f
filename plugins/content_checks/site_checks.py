"""Checks across all items of a site: tags spelt two ways, two items at one URL, two
decisions with one number, links to pages, images and anchors that the build did not write.

Pure functions over plain values (paths, names, URLs), so they are easy to test. They
return site_core Problems: with the file named when the check is across files.
"""

import os
import re
from collections import Counter

from site_core import WARNING, Problem, close_matches

from .body import candidate_files, target_of


def _normalised(tag):
    return re.sub(r"[\W_]+", "", tag.lower())


def _digits(text):
    return re.sub(r"\D", "", text)


def tag_variants(uses):
    """Problems for tags that differ from a more used tag by case or spelling.

    `uses` is a list of (source path, tag name). The spelling used most often is
    taken as the right one; every other spelling close to it gets a warning.
    """
    counts = Counter(name for _, name in uses)
    preferred = sorted(counts, key=lambda name: (-counts[name], name))
    canonical = {}
    for name in preferred:
        key = _normalised(name)
        if key in canonical:
            continue
        close = [other for other in close_matches(key, canonical, cutoff=0.85, n=3)
                 if _digits(other) == _digits(key)]  # "Tag 1" and "Tag 10" are not a misspelling
        canonical[key] = canonical[close[0]] if close and len(key) >= 5 else name
    problems = []
    for path, name in uses:
        right = canonical[_normalised(name)]
        if right == name:
            continue
        how = "case" if right.lower() == name.lower() else "spelling"
        problems.append(Problem(
            f'the tag "{name}" differs from the tag "{right}" only by {how} ("{right}" is '
            f"used {counts[right]} time{'' if counts[right] == 1 else 's'})",
            f'write "{right}", so that both are listed under one topic (did you mean '
            f'"{right}"?)', WARNING, key="tags", text=name).at(path))
    return problems


def duplicate_urls(items, reserved=()):
    """Problems for items written to the same place as an earlier item.

    `items` is a list of (source path, save_as); `reserved` lists save_as paths of
    pages the site makes itself (/topics/, /search/ ...). Returns (problems, the
    source paths that must not be written).
    """
    first_at = {path: "a page the site makes itself" for path in reserved}
    problems, losers = [], []
    for source, save_as in sorted(items):
        if not save_as:
            continue
        if save_as in first_at:
            url = "/" + re.sub(r"index\.html$", "", save_as)
            other = first_at[save_as]
            problems.append(Problem(
                f"this item has the same address ({url}) as {other}",
                'give one of them another file name, or a different "slug:", so that '
                "each has its own address", key="slug").at(source))
            losers.append(source)
        else:
            first_at[save_as] = source
    return problems, losers


def duplicate_decision_numbers(decisions):
    """Problems for decisions whose number an earlier decision has already.

    `decisions` is a list of (source path as shown, number); the first file in path order
    keeps the number, each later one gets an error on its `number:` line naming it.
    A missing or empty number is not this check's (the required fields say so).
    """
    first_with = {}
    problems = []
    for source, number in sorted(decisions, key=lambda pair: pair[0]):
        if not isinstance(number, (str, int, float)) or isinstance(number, bool):
            continue
        written = str(number).strip()
        if not written:
            continue
        if written in first_with:
            problems.append(Problem(
                f'decision number "{written}" is used by {first_with[written]} too',
                "give each decision its own number, as its signed notice gives it, and "
                "correct the number of the one that is wrong", key="number").at(source))
        else:
            first_with[written] = source
    return problems


def is_unresolved(link):
    """A {filename}/{static}/{attach} link Pelican left as written: its file is not there."""
    return "{" in link.url and re.search(r"\{(filename|static|attach)\}", link.url) is not None


def unresolved_links(links):
    """Problems (without a path) for links to files that do not exist in content/."""
    return [Problem(f'the {link.kind} "{link.url}" goes to a file that does not exist in content/',
                    "check the file name after {filename} or {static}: write the path "
                    "from the content folder, for example {filename}/news/2017-05-24-x.md",
                    **link.where())
            for link in links if is_unresolved(link)]


def broken_links(page_url, links, exists, ids_of, siteurl=""):
    """Problems (without a path) for `links` (body.Link) of the item at `page_url` whose
    target the build did not write ({filename} links to nothing: unresolved_links).

    `exists(path)` says whether the output folder holds a file; `ids_of(path)` gives
    the ids of the page at a path (for #anchors).
    """
    problems = []
    for link in links:
        if is_unresolved(link):
            continue
        target = target_of(link.url, page_url, siteurl)
        if target is None:
            continue
        path, fragment = target
        found = next((f for f in candidate_files(path) if exists(f)), None)
        if found is None:
            problems.append(Problem(
                f'the {link.kind} "{link.url}" goes to a '
                f"{'picture' if link.kind == 'image' else 'page'} that does not exist",
                "correct the address (copy it from the address bar of the page "
                "you mean) or remove the link", **link.where()))
        elif fragment and found.endswith(".html") and fragment not in ids_of(found):
            problems.append(Problem(
                f'the link "{link.url}" goes to "#{fragment}", which is not a heading or '
                "anchor on that page", "open the page, copy the link of the heading you "
                f'mean, or remove "#{fragment}"', **link.where()))
    return problems


def output_exists(output_path):
    """`exists(path)` for files in the output folder."""
    def exists(path):
        return os.path.isfile(os.path.join(output_path, path))
    return exists
