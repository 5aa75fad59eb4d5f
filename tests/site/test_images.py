"""Every picture of the real built site: drawn with width, height (no jump as it loads)
and alt; every copy a <picture> names is there; no original photo is published."""

import re

from bs4 import BeautifulSoup

from conftest import CONTENT, public_pages

RASTER = re.compile(r"\.(jpe?g|png|webp|heic|heif)$", re.IGNORECASE)


def test_every_img_has_width_height_and_alt(built_site):
    missing = []
    for page in public_pages(built_site.output):
        for img in BeautifulSoup(page.read_bytes(), "lxml").find_all("img"):
            absent = [name for name in ("width", "height", "alt") if not img.has_attr(name)]
            if absent:
                missing.append(f"/{page.relative_to(built_site.output)}: {img} lacks {absent}")
    assert not missing, "\n".join(missing)


def test_every_copy_a_picture_names_is_published(built_site):
    absent, pictures = [], 0
    for page in public_pages(built_site.output):
        for picture in BeautifulSoup(page.read_bytes(), "lxml").find_all("picture"):
            pictures += 1
            for element in picture.find_all(["source", "img"]):
                urls = re.findall(r"(\S+) \d+w", element.get("srcset", "")) + [element.get("src")]
                absent += [f"/{page.relative_to(built_site.output)}: {url}" for url in urls
                           if url and not (built_site.output / url.lstrip("/")).is_file()]
    assert pictures, "the site has no photo: the seed content is meant to have some"
    assert not absent, "\n".join(absent)


def test_no_original_photo_is_published(built_site):
    originals = [path.relative_to(CONTENT) for path in (CONTENT / "images").rglob("*")
                 if RASTER.search(path.name)]
    assert originals, "content/images/ has no photo to check"
    published = [str(path) for path in originals if (built_site.output / path).exists()]
    assert not published, published
