"""SVG drawings are published as they are; their <img> only needs a width and height
(so the text does not jump as it loads), read from the drawing's own <svg> tag."""

import re
from pathlib import Path

SVG_START = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)
SVG_LENGTH = r'\s*=\s*["\']\s*([\d.]+)\s*(?:px)?\s*["\']'


def drawing_size(path):
    """(width, height) of an SVG drawing, from its <svg> tag's width and height or its
    viewBox; None when it says neither (or is not there)."""
    try:
        start = SVG_START.search(Path(path).read_text(encoding="utf-8", errors="replace")[:4096])
    except OSError:
        return None
    if start is None:
        return None
    tag = start.group()
    width = re.search(r"\swidth" + SVG_LENGTH, tag)
    height = re.search(r"\sheight" + SVG_LENGTH, tag)
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = re.search(r'viewBox\s*=\s*["\']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', tag)
    return (round(float(box.group(1))), round(float(box.group(2)))) if box else None
