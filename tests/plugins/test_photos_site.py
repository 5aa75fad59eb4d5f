"""Photos in a real build (plugins/photos): a phone photo with GPS and camera EXIF, as
the lead photo of a release and in its text, is published only as re-encoded copies
with none of that data, drawn with width, height and alt, and with a sharing card; a
second build with no new photo does no image work."""

import re

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import build_site, copy_content, give_lead_photo

SERIAL = "SN-PHONE-0042"
RELEASE = "news/2017-04-05-street-triage-pilot.md"


def phone_photo(path):
    """A 12-megapixel JPEG as a phone writes it: camera, serial number and GPS position."""
    photo = Image.effect_noise((4000, 3000), 40).convert("RGB")
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0xA431] = "PhoneMaker", "PhoneModel 12", SERIAL
    exif[0x8825] = {1: "N", 2: (51.0, 45.0, 12.5), 3: "W", 4: (0.0, 20.0, 1.25)}
    photo.save(path, quality=90, exif=exif)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("photos")
    content = copy_content(tmp)
    phone_photo(content / "images" / "2017" / "street-triage.jpg")
    release = content / RELEASE
    give_lead_photo(release, "images/2017/street-triage.jpg",
                    "The Street Triage team beside their car")
    with release.open("a", encoding="utf-8") as text:
        text.write("\n![The team's car at night]({static}/images/2017/street-triage.jpg)\n")
    cache = tmp / "cache" / "photos"
    first = build_site(content, tmp / "out1", fatal="errors", extra_settings={"PHOTOS_CACHE": str(cache)})
    assert first.ok, first.log
    before = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    second = build_site(content, tmp / "out2", fatal="errors", extra_settings={"PHOTOS_CACHE": str(cache)})
    assert second.ok, second.log
    after = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    return first, before, after


def test_no_published_image_carries_the_photos_exif_or_is_the_original(built):
    site, _, _ = built
    images = list((site.output / "images").rglob("*"))
    assert not (site.output / "images" / "2017" / "street-triage.jpg").exists()
    derived = [path for path in images if path.name.startswith("street-triage-")]
    assert len(derived) >= 10
    for path in derived:
        data = path.read_bytes()
        assert b"Exif\x00\x00" not in data and SERIAL.encode() not in data, path.name
        assert b"PhoneMaker" not in data, path.name
        assert not dict(Image.open(path).getexif()), path.name


def test_the_release_draws_pictures_with_width_height_and_alt(built):
    site, _, _ = built
    page = BeautifulSoup(site.read("news/2017/street-triage-pilot/index.html"), "html.parser")
    pictures = page.select("main picture")
    assert len(pictures) == 2
    lead, in_text = (picture.img for picture in pictures)
    assert lead["alt"] == "The Street Triage team beside their car" and "loading" not in lead.attrs
    assert in_text["alt"] == "The team's car at night" and in_text["loading"] == "lazy"
    for img in (lead, in_text):
        assert int(img["width"]) == 1600 and int(img["height"]) == 1200
        assert [s["type"] for s in img.find_parent("picture").select("source")] == ["image/avif", "image/webp"]
        for url in re.findall(r"(/images/\S+) \d+w", img["srcset"]):
            assert (site.output / url.lstrip("/")).is_file(), url


def test_the_sharing_card_is_a_1200_by_630_crop(built):
    site, _, _ = built
    page = BeautifulSoup(site.read("news/2017/street-triage-pilot/index.html"), "html.parser")
    card = page.find("meta", property="og:image")["content"]
    assert card.endswith("-card.jpg")
    path = site.output / card.split("://", 1)[1].split("/", 1)[1]
    assert Image.open(path).size == (1200, 630)
    assert page.find("meta", property="og:image:width")["content"] == "1200"
    assert page.find("meta", property="og:image:height")["content"] == "630"
    assert page.find("meta", property="og:image:alt")["content"] == \
        "The Street Triage team beside their car"
    assert page.find("meta", attrs={"name": "twitter:image"})["content"] == card


def test_a_second_build_with_no_new_photo_does_no_image_work(built):
    _, before, after = built
    assert before and after == before  # no derived file made or written again
