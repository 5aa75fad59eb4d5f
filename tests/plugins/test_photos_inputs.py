"""Photos as writers have them, in a real build (plugins/photos): an iPhone HEIC, a PNG
named .jpg, a decorative picture, a link to a photo and the site's SVG all publish;
a photo cut short, one of too many pixels and one of too many bytes each stop the build
with a message naming the file, the line and the limit, all three in one report."""

import io
import re

import pillow_heif
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import build_site, copy_content

pillow_heif.register_heif_opener()

GOOD = "news/2026-11-02-photos-from-the-phone.md"
BAD = {  # release -> (photo, what the message must say)
    "news/2026-11-03-cut-short.md": ("cut-short.jpg", "is damaged or incomplete"),
    "news/2026-11-04-too-many-pixels.md": ("huge.png", "(64 megapixels), more than the 60 megapixels"),
    "news/2026-11-05-too-many-bytes.md": ("enormous.jpg", "more than the 25 MB the site accepts"),
}


def release(title, image, alt, body=""):
    return (f"---\ntitle: {title}\ndate: 2026-11-02\nsummary: A release about {title.lower()}.\n"
            f"tags: [Community safety]\nimage: images/2026/{image}\nimage_alt: {alt}\n---\n"
            f"{body}Some words about it.\n")


def noisy_photo(width, height):
    return Image.effect_noise((width, height), 50).convert("RGB")


def with_gps():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (51.0, 45.0, 12.5), 3: "W", 4: (0.0, 20.0, 1.25)}
    return exif


def line_of(path, text):
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1)
                if text in line)


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("photos-good")
    content = copy_content(tmp)
    images = content / "images" / "2026"
    images.mkdir()
    pillow_heif.from_pillow(noisy_photo(1200, 900)).save(images / "phone.heic", quality=80,
                                                         exif=with_gps().tobytes())
    noisy_photo(800, 600).save(images / "screenshot.jpg", format="PNG")  # a PNG named .jpg
    Image.new("RGB", (640, 160), (200, 40, 90)).save(images / "bunting.png")
    body = ("![decorative](/images/2026/bunting.png)\n\n"
            "[Download the photo](/images/2026/phone.heic)\n\n"
            "![A screenshot of the new app](/images/2026/screenshot.jpg)\n\n"
            "![A rainbow flag on a flagpole](/images/2017/rainbow-flag.svg)\n\n")
    (content / GOOD).write_text(release("Photos from the phone", "phone.heic",
                                        "The Commissioner on the towpath", body))
    site = build_site(content, tmp / "output", fatal="errors",
                      extra_settings={"PHOTOS_CACHE": str(tmp / "cache")})
    assert site.ok, site.log
    return site, content


def test_an_iphone_heic_is_published_as_avif_webp_and_jpeg_without_its_gps(good):
    site, _ = good
    page = BeautifulSoup(site.read("news/2026/photos-from-the-phone/index.html"), "html.parser")
    lead = page.select_one("main .pcc-figure picture")
    assert [source["type"] for source in lead.select("source")] == ["image/avif", "image/webp"]
    assert lead.img["alt"] == "The Commissioner on the towpath"
    assert (int(lead.img["width"]), int(lead.img["height"])) == (1200, 900)
    published = list((site.output / "images" / "2026").glob("phone-*"))
    assert {path.suffix for path in published} == {".avif", ".webp", ".jpg"}
    assert not (site.output / "images" / "2026" / "phone.heic").exists()
    for path in published:
        assert b"PhoneMaker" not in path.read_bytes() and not dict(Image.open(path).getexif())


def test_a_png_named_jpg_is_published_with_a_warning_to_rename_it(good):
    site, content = good
    line = line_of(content / GOOD, "screenshot.jpg")
    assert (f'{GOOD}:{line}: warning: "images/2026/screenshot.jpg" is a PNG picture with a '
            "name that says otherwise") in site.log
    assert "rename it to end in .png" in site.log
    page = BeautifulSoup(site.read("news/2026/photos-from-the-phone/index.html"), "html.parser")
    img = page.find("img", alt="A screenshot of the new app")
    assert img and img["loading"] == "lazy"
    assert Image.open(site.output / img["src"].lstrip("/")).format in ("JPEG", "PNG")


def test_a_decorative_picture_is_published_with_empty_alt(good):
    site, _ = good
    page = BeautifulSoup(site.read("news/2026/photos-from-the-phone/index.html"), "html.parser")
    bunting = [img for img in page.select("main img") if "bunting" in img["src"]]
    assert len(bunting) == 1 and bunting[0]["alt"] == ""


def test_a_link_to_a_photo_goes_to_its_largest_published_copy(good):
    site, _ = good
    page = BeautifulSoup(site.read("news/2026/photos-from-the-phone/index.html"), "html.parser")
    link = page.find("a", string="Download the photo")
    assert re.fullmatch(r"/images/2026/phone-[0-9a-f]{8}-1200\.jpg", link["href"])
    assert (site.output / link["href"].lstrip("/")).is_file()


def test_the_svg_is_published_as_it_is_drawn_with_its_own_size(good):
    site, content = good
    svg = "images/2017/rainbow-flag.svg"
    assert (site.output / svg).read_bytes() == (content / svg).read_bytes()
    page = BeautifulSoup(site.read("news/2026/photos-from-the-phone/index.html"), "html.parser")
    img = page.find("img", src=f"/{svg}")
    assert (img["width"], img["height"], img["alt"]) == ("240", "200", "A rainbow flag on a flagpole")


def test_the_build_says_how_much_image_work_it_did(good):
    site, _ = good
    # A new cache: every file made by this build (the three photos above, and the site's).
    made = re.search(r"Photos: (\d+) published as (\d+) files; (\d+) made by this build, 0 "
                     "taken from the cache", site.log)
    assert made and int(made[1]) >= 3 and made[2] == made[3], site.log


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("photos-bad")
    content = copy_content(tmp)
    images = content / "images" / "2026"
    images.mkdir()
    whole = io.BytesIO()
    noisy_photo(1600, 1200).save(whole, format="JPEG", quality=90)
    (images / "cut-short.jpg").write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    Image.new("1", (8000, 8000)).save(images / "huge.png")  # 64 MP in a few kilobytes
    (images / "enormous.jpg").write_bytes(whole.getvalue() + bytes(26 * 1024 * 1024))
    for name, (photo, _) in BAD.items():
        (content / name).write_text(release(name.split("-", 3)[-1][:-3], photo, "A photo"))
    output = tmp / "output"
    site = build_site(content, output, fatal="errors",
                      extra_settings={"PHOTOS_CACHE": str(tmp / "cache")})
    return site, content


@pytest.mark.parametrize("name", BAD)
def test_a_photo_the_site_cannot_use_stops_the_build_naming_file_line_and_limit(bad, name):
    site, content = bad
    photo, says = BAD[name]
    line = line_of(content / name, "image:")
    assert not site.ok
    assert re.search(rf'{re.escape(name)}:{line}: error: the photo "images/2026/{re.escape(photo)}" '
                     rf"[^\n]*{re.escape(says)}", site.log), site.log
    assert "Traceback" not in site.log
