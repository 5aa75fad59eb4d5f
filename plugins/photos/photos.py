"""Photos on the site: every raster image a page uses is published as several widths in
AVIF, WebP and a JPEG or PNG fallback, re-encoded from its pixels (process.py), never as
the original. The `image:` lead photo becomes `item.photo` (templates draw it with
components/picture.html) and a 1200 x 630 sharing card (`item.image`, which the sharing
tags and JSON-LD read); pictures in the text become <picture> elements.

Work is cached by the original's content hash and the encoder settings (cache.py), so a
rebuild with no new photo does no image work. Originals stay in content/: pelicanconf's
IGNORE_FILES keeps Pelican from copying them.
"""

import dataclasses
import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from site_core import ERROR, WARNING, BuildState, Problem, report
from site_core.pelican_compat import content_html, replace_content_html

from . import process

RASTER = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif")
DEFAULTS = {
    "PHOTOS_WIDTHS": [320, 640, 960, 1280, 1600],
    "PHOTOS_FORMATS": ["avif", "webp"],  # before the fallback (JPEG, or PNG with alpha)
    "PHOTOS_CACHE": "cache/photos",  # relative to the folder that holds the content folder
    "PHOTOS_MAX_BYTES": process.MAX_BYTES,
    "PHOTOS_MAX_PIXELS": process.MAX_PIXELS,
    # What the lead photo is as wide as, at each screen width (the content column).
    "PHOTOS_SIZES": "(min-width: 48em) 40em, calc(100vw - 2rem)",
}
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')


@dataclass
class Picture:
    """One photo as templates draw it: sources by format, a fallback, its size, and the
    sharing card (site path, width, height) that og:image and JSON-LD name."""
    sources: list  # [(mime type, "url 320w, url 640w")], best format first
    fallback: str  # URL of the fallback at its largest width
    fallback_srcset: str
    width: int
    height: int
    card: tuple = ()


@dataclass
class Build:
    settings: dict
    cache: object
    to_write: dict = field(default_factory=dict)  # output path -> cache key
    pictures: dict = field(default_factory=dict)  # original path -> Picture (or None)


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def _new_build(settings):
    root = Path(settings["PATH"]).parent
    return Build(settings, process.DerivedCache(root / setting(settings, "PHOTOS_CACHE")))


_build = BuildState(_new_build)


def is_raster(path):
    return str(path).lower().endswith(RASTER)


def _site_path(reference):
    """"images/2017/x.jpg" from "{static}/images/2017/x.jpg", "/images/...", "images/..."."""
    return re.sub(r"^\{(static|attach)\}", "", reference).lstrip("/")


def picture_for(reference, source_path):
    """The Picture of the image `reference` names, made (or found in the cache) once per
    build; None, with the problem reported, when the photo cannot be used."""
    state = _build.current
    relative = _site_path(reference)
    if relative in state.pictures:
        return state.pictures[relative]
    settings = state.settings
    original = Path(settings["PATH"]) / relative
    try:
        # decode=False: only the header and the bytes' hash; pixels are decoded only when
        # a derived file is not in the cache yet (a warm rebuild decodes nothing).
        photo = process.read_photo(original, max_bytes=setting(settings, "PHOTOS_MAX_BYTES"),
                                   max_pixels=setting(settings, "PHOTOS_MAX_PIXELS"),
                                   decode=False, name=relative)
        picture = make_picture(photo, relative)
    except process.PhotoError as error:
        report(Problem(error.what, error.fix, ERROR, text=reference).at(source_path))
        state.pictures[relative] = None
        return None
    if photo.mislabelled:
        report(Problem(f'"{relative}" is a {photo.format} picture with a name that says '
                       "otherwise", f"rename it to end in .{photo.format.lower()}",
                       WARNING, text=reference).at(source_path))
    state.pictures[relative] = picture
    return picture


def make_picture(photo, relative):
    state = _build.current
    settings = state.settings
    stem = os.path.splitext(relative)[0]
    widths = process.widths_for(photo, setting(settings, "PHOTOS_WIDTHS"))
    fallback = process.fallback_format(photo)
    sources, fallback_srcset = [], ""
    for fmt in [*setting(settings, "PHOTOS_FORMATS"), fallback]:
        urls = []
        for width in widths:
            key = process.cache_key(photo, width, fmt, process.SETTINGS_FINGERPRINT)
            process.encode_cached(photo, width, fmt, state.cache)
            path = f"{stem}-{photo.sha256[:8]}-{width}.{'jpg' if fmt == 'jpeg' else fmt}"
            state.to_write[path] = key
            urls.append((path, width))
        srcset = ", ".join(f"/{path} {width}w" for path, width in urls)
        if fmt == fallback:
            fallback_srcset = srcset
        else:
            sources.append((MIME[fmt], srcset))
    largest = max(widths)
    width, height = process.size_for(photo, largest)
    return Picture(sources, f"/{urls[-1][0]}", fallback_srcset, width, height,
                   sharing_card(photo, stem))


def sharing_card(photo, stem):
    """The 1200 x 630 card (JPEG) for og:image: cut from the photo only when the cache
    does not have it, so a warm build decodes nothing."""
    state = _build.current
    width, height = process.sharing_size(photo)
    key = process.cache_key(dataclasses.replace(photo, variant="share-1200x630"), width,
                            "jpeg", process.SETTINGS_FINGERPRINT)
    if state.cache.get(key) is None:
        card = process.crop_for_sharing(photo)
        state.cache.put(key, process.encode(card, card.width, "jpeg"))
    path = f"{stem}-{photo.sha256[:8]}-card.jpg"
    state.to_write[path] = key
    return path, width, height


def picture_html(picture, alt, sizes, lazy, css_class=""):
    """<picture> with a source per format, an <img> with width, height, alt and srcset."""
    parts = [f'<picture class="{" ".join(filter(None, ["pcc-picture", css_class]))}">']
    for mime, srcset in picture.sources:
        parts.append(f'<source type="{mime}" srcset="{srcset}" sizes="{sizes}">')
    loading = ' loading="lazy"' if lazy else ""
    parts.append(f'<img src="{picture.fallback}" srcset="{picture.fallback_srcset}" '
                 f'sizes="{sizes}" width="{picture.width}" height="{picture.height}" '
                 f'alt="{html.escape(alt, quote=True)}"{loading} decoding="async">')
    parts.append("</picture>")
    return "".join(parts)


def prepare_photos(item):
    """The lead photo and the pictures in the text of one article or page."""
    state = _build.current
    if state is None:
        return
    sizes = setting(state.settings, "PHOTOS_SIZES")
    image = getattr(item, "image", None)
    if isinstance(image, str) and is_raster(image):
        item.photo = picture_for(image, item.source_path)
        if item.photo:
            item.image = item.photo.card[0]  # what og:image, twitter:image and JSON-LD name
            item.photo_html = picture_html(item.photo, getattr(item, "image_alt", "") or "",
                                           sizes, lazy=False, css_class="pcc-figure__image")
    original = content_html(item)

    def to_picture(match):
        attributes = dict(ATTRIBUTE.findall(match.group()))
        src = attributes.get("src", "")
        if not is_raster(src) or "://" in src:
            return match.group()
        picture = picture_for(src, item.source_path)
        if picture is None:
            return match.group()
        return picture_html(picture, html.unescape(attributes.get("alt", "")), sizes, lazy=True)

    rewritten = IMG_TAG.sub(to_picture, original or "")
    if rewritten != original:
        replace_content_html(item, rewritten)


def write_photos(pelican):
    state = _build.current
    if state is None:
        return
    for relative, key in state.to_write.items():
        target = Path(pelican.output_path) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(state.cache.get(key))


def register():
    # content_object_init: each item's text is rewritten before anything reads it.
    signals.content_object_init.connect(prepare_photos)
    # finalized: the output folder exists; the derived files go in beside the pages, and
    # before the link check (which runs after every finalized receiver) looks for them.
    signals.finalized.connect(write_photos)
