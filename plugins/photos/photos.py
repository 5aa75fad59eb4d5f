"""Photos on the site: every raster image a page uses is published as several widths in
AVIF, WebP and a JPEG or PNG fallback, re-encoded from its pixels (process.py), never as
the original. The `image:` lead photo becomes `item.photo` (templates draw it with
components/picture.html) and a 1200 x 630 sharing card (`item.image`, which the sharing
tags and JSON-LD read); pictures in the text become <picture> elements.

Work is cached by the original's content hash and the encoder settings (cache.py), so a
rebuild with no new photo does no image work. Originals stay in content/: the static
generator's list of files to copy loses every raster image (keep_originals_out).
"""

import dataclasses
import html
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from site_core import ERROR, WARNING, BuildState, Problem, report
from site_core.pelican_compat import content_html, replace_content_html

from . import process
from .drawings import drawing_size
from .making import Order, Workshop

RASTER = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif")
DEFAULTS = {
    "PHOTOS_WIDTHS": [320, 640, 960, 1280, 1600],
    "PHOTOS_FORMATS": ["avif", "webp"],  # before the fallback (JPEG, or PNG with alpha)
    "PHOTOS_CACHE": None,  # a folder; None: "photos" in Pelican's CACHE_PATH
    "PHOTOS_MAX_BYTES": process.MAX_BYTES,
    "PHOTOS_MAX_PIXELS": process.MAX_PIXELS,
    "PHOTOS_WORKERS": os.cpu_count() or 1,  # processes making copies; 1: in the build's own
    # What the lead photo is as wide as, at each screen width (the content column).
    "PHOTOS_SIZES": "(min-width: 42em) 40em, calc(100vw - 2rem)",
}
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINK_TO_IMAGE = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")', re.IGNORECASE)
# The alt text a writer gives a picture that only decorates the page and says nothing:
# it is published with alt="", so that screen readers pass over it.
DECORATIVE = "decorative"
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
    # The smallest width alone, for thumbnails in lists (components/thumbnail.html).
    small_sources: list = field(default_factory=list)  # [(mime type, url)]
    small_fallback: str = ""
    small_width: int = 0
    small_height: int = 0


@dataclass
class Build:
    settings: dict
    cache: object
    workshop: Workshop
    to_write: dict = field(default_factory=dict)  # output path -> (cache key, original path)
    pictures: dict = field(default_factory=dict)  # original path -> Picture (or None)
    first_use: dict = field(default_factory=dict)  # original path -> (source path, reference)
    used: set = field(default_factory=set)  # original paths named by the item being prepared
    on_site: set | None = None  # output paths the items on the site name (not a scheduled one's)


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def _new_build(settings):
    folder = Path(setting(settings, "PHOTOS_CACHE") or Path(settings["CACHE_PATH"]) / "photos")
    return Build(settings, process.DerivedCache(folder),
                 Workshop(folder, setting(settings, "PHOTOS_WORKERS")))


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
    state.used.add(relative)
    if relative in state.pictures:
        return state.pictures[relative]
    settings = state.settings
    original = Path(settings["PATH"]) / relative
    if not original.is_file():
        return None  # content_checks says so: "does not exist", or a broken link
    state.first_use[relative] = (source_path, reference)
    try:
        # decode=False: only the header and the bytes' hash; pixels are decoded only when
        # a copy is not in the cache yet (a warm rebuild decodes nothing), by the workshop.
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
    sources, fallback_srcset, small = [], "", []
    order = Order(photo)
    for fmt in [*setting(settings, "PHOTOS_FORMATS"), fallback]:
        urls = []
        for width in widths:
            key = process.cache_key(photo, width, fmt, process.SETTINGS_FINGERPRINT)
            if not state.cache.has(key):
                order.copies.append((width, fmt, key))
            path = f"{stem}-{photo.sha256[:8]}-{width}.{'jpg' if fmt == 'jpeg' else fmt}"
            state.to_write[path] = (key, relative)
            urls.append((path, width))
        srcset = ", ".join(f"/{path} {width}w" for path, width in urls)
        small.append((MIME[fmt], f"/{urls[0][0]}"))
        if fmt == fallback:
            fallback_srcset = srcset
        else:
            sources.append((MIME[fmt], srcset))
    width, height = process.size_for(photo, max(widths))
    small_width, small_height = process.size_for(photo, min(widths))
    card = sharing_card(photo, stem, relative, order)
    if order.copies or order.card_key:
        state.workshop.order(relative, order)
    return Picture(sources, f"/{urls[-1][0]}", fallback_srcset, width, height, card,
                   small[:-1], small[-1][1], small_width, small_height)


def sharing_card(photo, stem, relative, order):
    """The 1200 x 630 card (JPEG) for og:image, ordered when the cache does not have it."""
    state = _build.current
    width, height = process.sharing_size(photo)
    key = process.cache_key(dataclasses.replace(photo, variant="share-1200x630"), width,
                            "jpeg", process.SETTINGS_FINGERPRINT)
    if not state.cache.has(key):
        order.card_key = key
    path = f"{stem}-{photo.sha256[:8]}-card.jpg"
    state.to_write[path] = (key, relative)
    return path, width, height


def picture_html(picture, alt, sizes, lazy, css_class=""):
    """<picture> with a source per format, an <img> with width, height, alt and srcset."""
    parts = [f'<picture class="{" ".join(filter(None, ["pcc-picture", css_class]))}">']
    for mime, srcset in picture.sources:
        parts.append(f'<source type="{mime}" srcset="{srcset}" sizes="{sizes}">')
    # Below the fold, fetched when near; the lead photo is the page's largest content, first.
    loading = ' loading="lazy"' if lazy else ' fetchpriority="high"'
    parts.append(f'<img src="{picture.fallback}" srcset="{picture.fallback_srcset}" '
                 f'sizes="{sizes}" width="{picture.width}" height="{picture.height}" '
                 f'alt="{html.escape(alt, quote=True)}"{loading} decoding="async">')
    parts.append("</picture>")
    return "".join(parts)


def drawing_html(tag, attributes):
    """An <img> that is not a photo (an SVG drawing, or on another site) as written, but
    with its width and height when it is a drawing of this site that lacks them (so the
    text does not jump as it loads), and alt="" when its writer called it decorative."""
    alt = attributes.get("alt")
    if alt is not None and published_alt(html.unescape(alt)) == "":
        tag = ATTRIBUTE.sub(lambda a: 'alt=""' if a.group(1) == "alt" else a.group(), tag)
    src = attributes.get("src", "")
    if src.lower().endswith(".svg") and "://" not in src and not src.startswith("//") \
            and "width" not in attributes and "height" not in attributes:
        size = drawing_size(Path(_build.current.settings["PATH"]) / _site_path(src))
        if size:
            tag = re.sub(r"\s*/?>$", f' width="{size[0]}" height="{size[1]}">', tag)
    return tag


def published_alt(alt):
    """The alt text as published: "" for a picture its writer called decorative."""
    alt = str(alt or "")
    return "" if alt.strip().lower() == DECORATIVE else alt


def is_local_raster(reference):
    return is_raster(reference.split("?")[0].split("#")[0]) and "://" not in reference \
        and not reference.startswith("//")


def prepare_photos(item):
    """The lead photo, and the pictures and picture links in the text, of one article or
    page."""
    state = _build.current
    if state is None:
        return
    sizes = setting(state.settings, "PHOTOS_SIZES")
    if getattr(item, "image_alt", None) is not None:
        item.image_alt = published_alt(item.image_alt)
    image = getattr(item, "image", None)
    if isinstance(image, str) and image.lower().endswith(".svg"):
        item.image_size = drawing_size(Path(state.settings["PATH"]) / _site_path(image))
    if isinstance(image, str) and is_local_raster(image):
        item.photo = picture_for(image, item.source_path)
        if item.photo:
            item.image = item.photo.card[0]  # what og:image, twitter:image and JSON-LD name
            item.photo_html = picture_html(item.photo, getattr(item, "image_alt", "") or "",
                                           sizes, lazy=False, css_class="pcc-figure__image")
    original = content_html(item) or ""

    def to_picture(match):
        attributes = dict(ATTRIBUTE.findall(match.group()))
        src, alt = attributes.get("src", ""), attributes.get("alt")
        if not is_local_raster(src):
            return drawing_html(match.group(), attributes)
        picture = picture_for(src, item.source_path)
        if picture is None:
            return match.group()
        return picture_html(picture, published_alt(html.unescape(alt or "")), sizes, lazy=True)

    def to_largest(match):
        """A link to a photo goes to its largest re-encoded copy: the original is not
        published."""
        href = html.unescape(match.group(2))
        if not is_local_raster(href):
            return match.group()
        picture = picture_for(href, item.source_path)
        if picture is None:
            return match.group()
        return f"{match.group(1)}{picture.fallback}{match.group(3)}"

    rewritten = LINK_TO_IMAGE.sub(to_largest, IMG_TAG.sub(to_picture, original))
    if rewritten != original:
        replace_content_html(item, rewritten)
    # The copies this item's pages name: written by write_photos, outside Pelican's
    # writer. The preview (live_build) keeps them while the item is in the site.
    used, state.used = state.used, set()
    if used:
        item.extra_outputs = frozenset(path for path, (_key, relative) in state.to_write.items()
                                       if relative in used)


def note_items_on_site(generators):
    """The copies the site's items name, once release_life has held back the scheduled
    ones: a scheduled release's photos are published with it, not before."""
    state = _build.current
    if state is None or not generators:
        return
    context = generators[0].context
    state.on_site = {path for name in ("articles", "hidden_articles", "drafts", "pages",
                                       "hidden_pages", "draft_pages")
                     for item in context.get(name, ()) for path in getattr(item, "extra_outputs", ())}


def write_photos(pelican):
    """Wait for the copies being made, report the photos that could not be, and write
    every copy the pages name from the cache into the output."""
    state = _build.current
    if state is None:
        return
    outcomes = state.workshop.finish()
    failed = set()
    for relative, outcome in outcomes.items():
        if outcome.problem:
            source_path, reference = state.first_use[relative]
            report(Problem(*outcome.problem, ERROR, text=reference).at(source_path))
            failed.add(relative)
    to_write = {path: value for path, value in state.to_write.items()
                if state.on_site is None or path in state.on_site}
    for path, (key, relative) in to_write.items():
        data = None if relative in failed else state.cache.get(key)
        if data:  # (never missing unless the cache folder was emptied during the build)
            target = Path(pelican.output_path) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    if to_write:
        # News for the writer (stderr, beside the report): how much image work was done.
        photos = len({relative for _key, relative in to_write.values()})
        made = sum(outcome.made for outcome in outcomes.values())
        print(f"Photos: {photos} published as {len(to_write)} files; {made} made by "
              f"this build, {len(set(to_write.values())) - made} taken from the cache",
              file=sys.stderr, flush=True)


def keep_originals_out(generator):
    """Pelican would copy content/images/ as it is: the originals, EXIF and all."""
    published = [static for static in generator.staticfiles if not is_raster(static.source_path)]
    generator.staticfiles = published
    generator.context["staticfiles"] = published


def register():
    # content_object_init: each item's text is rewritten before anything reads it.
    signals.content_object_init.connect(prepare_photos)
    # static_generator_finalized: Pelican has listed content/images/ to copy, and copies
    # nothing before the writing starts.
    signals.static_generator_finalized.connect(keep_originals_out)
    # all_generators_finalized: release_life has held back the scheduled items, so the
    # items left name the copies to publish.
    signals.all_generators_finalized.connect(note_items_on_site)
    # finalized: the output folder exists; the derived files go in beside the pages, and
    # before the link check (which runs after every finalized receiver) looks for them.
    signals.finalized.connect(write_photos)
