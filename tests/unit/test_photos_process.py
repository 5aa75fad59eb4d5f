"""photos.process and photos.cache: what a published photo carries (nothing private), which
originals are accepted, the sizes a phone downloads, and the cache that keeps rebuilds
free. Every picture is made here, in tmp_path."""

import io
import random
import re
import struct
import zlib

import pytest
from PIL import ExifTags, Image, ImageChops, ImageDraw, ImageFile, ImageFilter
from photos import process
from photos.process import PhotoError

FORMATS = ("avif", "webp", "jpeg", "png")
SERIAL = "SN-PCC-0042-7731"
ARTIST = "Jane Photographer"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
       b'02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
       b'<dc:creator>Jane Photographer</dc:creator></rdf:Description><rdf:Description xmlns:exif='
       b'"http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,45.206N" exif:GPSLongitude='
       b'"0,20.948W"/></rdf:RDF></x:xmpmeta>')
COMMENT = b"Taken at 14 Acacia Avenue"


def _ifd(entries, offset, next_ifd):
    """One TIFF IFD (little-endian) at `offset`: its entries, then their longer values."""
    formats = {1: "B", 2: "s", 3: "H", 4: "I", 5: "II"}
    data_at = offset + 2 + 12 * len(entries) + 4
    table, data = struct.pack("<H", len(entries)), b""
    for tag, kind, values in entries:
        if kind == 2:
            packed, count = values.encode() + b"\0", len(values) + 1
        elif kind == 5:
            packed, count = b"".join(struct.pack("<II", *v) for v in values), len(values)
        else:
            packed, count = b"".join(struct.pack("<" + formats[kind], v) for v in values), len(values)
        if len(packed) <= 4:
            table += struct.pack("<HHI", tag, kind, count) + packed.ljust(4, b"\0")
        else:
            table += struct.pack("<HHII", tag, kind, count, data_at + len(data))
            data += packed + b"\0" * (len(packed) % 2)
    return table + struct.pack("<I", next_ifd) + data


def exif_with_gps_and_thumbnail(thumbnail):
    """EXIF as a camera writes it: make, model, artist, body serial, GPS position, and an
    embedded JPEG thumbnail (IFD1), which Pillow cannot write by itself."""
    def ifd0(exif_at, gps_at, ifd1_at):
        return [(0x010F, 2, "Canon"), (0x0110, 2, "Canon EOS R6"), (0x013B, 2, ARTIST),
                (0x8769, 4, [exif_at]), (0x8825, 4, [gps_at])], ifd1_at
    exif_ifd = [(0xA431, 2, SERIAL), (0x9003, 2, "2027:03:14 10:21:07")]
    gps_ifd = [(0x0000, 1, [2, 2, 0, 0]), (0x0001, 2, "N"), (0x0002, 5, [(51, 1), (45, 1), (1234, 100)]),
               (0x0003, 2, "W"), (0x0004, 5, [(0, 1), (20, 1), (5678, 100)])]

    def ifd1(thumb_at):
        return [(0x0201, 4, [thumb_at]), (0x0202, 4, [len(thumbnail)])]
    at_exif = 8 + len(_ifd(ifd0(0, 0, 0)[0], 8, 0))
    at_gps = at_exif + len(_ifd(exif_ifd, at_exif, 0))
    at_ifd1 = at_gps + len(_ifd(gps_ifd, at_gps, 0))
    at_thumb = at_ifd1 + len(_ifd(ifd1(0), at_ifd1, 0))
    entries, _ = ifd0(at_exif, at_gps, at_ifd1)
    tiff = (b"II*\0" + struct.pack("<I", 8) + _ifd(entries, 8, at_ifd1) + _ifd(exif_ifd, at_exif, 0)
            + _ifd(gps_ifd, at_gps, 0) + _ifd(ifd1(at_thumb), at_ifd1, 0) + thumbnail)
    return b"Exif\0\0" + tiff


def noisy_photo(size, seed=17):
    """Gradients, shapes softened like a lens would, and sensor noise: compresses like a
    real photo, not like a flat test card."""
    rnd = random.Random(seed)
    w, h = size
    ramp = Image.linear_gradient("L")
    image = Image.merge("RGB", (ramp.rotate(90).resize(size), ramp.resize(size),
                                ramp.rotate(-90).resize(size)))
    draw = ImageDraw.Draw(image)
    for _ in range(max(20, w * h // 30000)):
        cx, cy, r = rnd.randrange(w), rnd.randrange(h), rnd.randrange(max(3, w // 200), max(4, w // 10))
        draw.ellipse((cx - r, cy - r * 0.7, cx + r, cy + r * 0.7), fill=tuple(rnd.randrange(256) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(2))
    noise = Image.merge("RGB", [Image.effect_noise(size, 8) for _ in range(3)])
    return ImageChops.add(image, noise, 1.0, -128)


@pytest.fixture(scope="module")
def camera_jpeg(tmp_path_factory):
    """A 1600 x 1200 JPEG with GPS and camera EXIF, an embedded thumbnail, XMP and a comment."""
    thumb = io.BytesIO()
    Image.new("RGB", (160, 120), (10, 200, 30)).save(thumb, "JPEG", quality=70)
    path = tmp_path_factory.mktemp("camera") / "meeting.jpg"
    noisy_photo((1600, 1200)).save(path, "JPEG", quality=90, xmp=XMP, comment=COMMENT,
                                   exif=exif_with_gps_and_thumbnail(thumb.getvalue()))
    return path


@pytest.fixture(scope="module")
def twelve_megapixels(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "phone.jpg"
    noisy_photo((4000, 3000)).save(path, "JPEG", quality=92)
    return path


def _containers(data):
    """The names of the parts of a file that are not compressed pixels: JPEG segments
    before the first scan, PNG chunks, WebP chunks, AVIF boxes (and what its meta box
    declares). Where metadata would have to be."""
    if data.startswith(b"\xff\xd8"):
        names, at = [], 2
        while data[at + 1] != 0xDA:  # up to the start of the first scan
            names.append(f"JPEG {data[at + 1]:02X}")
            at += 2 + struct.unpack(">H", data[at + 2:at + 4])[0]
        if not data.endswith(b"\xff\xd9"):
            names.append("data after the end of the picture")
        return names
    if data.startswith(b"\x89PNG"):
        names, at = [], 8
        while at < len(data):
            length, kind = struct.unpack(">I4s", data[at:at + 8])
            names.append(f"PNG {kind.decode()}")
            at += 12 + length
        return names
    if data.startswith(b"RIFF"):
        names, at = [], 12
        while at < len(data):
            kind, length = struct.unpack("<4sI", data[at:at + 8])
            names.append(f"WebP {kind.decode()}")
            at += 8 + length + length % 2
        return names
    names, at = [], 0
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        names.append(f"AVIF {kind.decode()}")
        if kind == b"meta":  # item types Exif and mime (XMP), an ICC colour profile
            meta = data[at:at + length]
            names += [f"AVIF item {mark.decode()}" for mark in (b"Exif", b"mime", b"prof") if mark in meta]
        at += length
    return names


JPEG_START = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
PLAIN_PARTS = {"JPEG E0", "JPEG DB", "JPEG C0", "JPEG C2", "JPEG C4", "JPEG DD",
               "PNG IHDR", "PNG PLTE", "PNG tRNS", "PNG IDAT", "PNG IEND",
               "WebP VP8 ", "WebP VP8L", "WebP VP8X", "WebP ALPH",
               "AVIF ftyp", "AVIF meta", "AVIF mdat", "AVIF free"}


def private_traces(data):
    """What a published file must not hold: by its parts (an APP1 or COM segment, an eXIf
    or iCCP chunk, an EXIF/XMP item...), by marker strings long enough never to turn up
    by chance in compressed pixels, and by what Pillow reads."""
    found = [part for part in _containers(data) if part not in PLAIN_PARTS]
    found += [marker for marker in (b"Exif\0\0", b"GPSLatitude", b"<x:xmpmeta", SERIAL.encode(),
                                    ARTIST.encode(), b"Canon EOS", COMMENT)
              if marker in data]
    # A JPEG's first bytes with its JFIF header: long enough never to turn up by chance in
    # compressed pixels (the bare 3-byte start marker does, in about one large file in seven).
    if data.count(JPEG_START) > (1 if data.startswith(JPEG_START) else 0):
        found.append("an embedded JPEG (thumbnail)")
    image = Image.open(io.BytesIO(data))
    if image.getexif():
        found.append(f"EXIF tags {dict(image.getexif())}")
    found += [f"info[{key!r}]" for key in image.info
              if key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment")]
    return found


def test_the_camera_fixture_carries_everything_private(camera_jpeg):
    """Otherwise the test below would prove nothing."""
    data = camera_jpeg.read_bytes()
    image = Image.open(camera_jpeg)
    exif = image.getexif()
    assert exif[ExifTags.Base.Make] == "Canon"
    assert exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"
    assert exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] == SERIAL
    assert image.info["xmp"] == XMP and image.info["comment"] == COMMENT
    assert data.count(JPEG_START) == 2  # the photo and its thumbnail
    traces = private_traces(data)
    assert {"JPEG E1", "JPEG FE", b"Exif\0\0", b"GPSLatitude", SERIAL.encode(), COMMENT,
            "an embedded JPEG (thumbnail)"} <= set(traces), traces


def test_no_published_file_carries_exif_gps_xmp_or_thumbnail(camera_jpeg):
    photo = process.read_photo(camera_jpeg)
    outputs = {(fmt, width): process.encode(photo, width, fmt)
               for fmt in FORMATS for width in process.widths_for(photo)}
    card = process.crop_for_sharing(photo)
    outputs[("sharing card", card.width)] = process.encode(card, card.width, "jpeg")
    assert len(outputs) == 4 * 5 + 1
    leaks = {name: traces for name, data in outputs.items() if (traces := private_traces(data))}
    assert leaks == {}


def test_a_heic_with_gps_publishes_without_it(tmp_path):
    path = tmp_path / "IMG_0042.HEIC"
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Apple"
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "N"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    noisy_photo((800, 600)).save(path, quality=80, exif=exif, xmp=XMP)
    original = Image.open(path)
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo) and SERIAL.encode() in path.read_bytes()
    photo = process.read_photo(path)
    assert (photo.format, photo.width, photo.height, photo.mislabelled) == ("HEIF", 800, 600, False)
    for fmt in FORMATS:
        assert private_traces(process.encode(photo, 320, fmt)) == []


def test_orientation_is_applied_before_anything_else(tmp_path):
    """Stored 400 x 300 with a red top-left corner, tagged "rotate 90 clockwise": shown
    300 wide and 400 high, the red corner at the top right."""
    stored = Image.new("RGB", (400, 300), "white")
    stored.paste((255, 0, 0), (0, 0, 60, 60))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    path = tmp_path / "sideways.jpg"
    stored.save(path, "JPEG", quality=95, exif=exif)

    photo = process.read_photo(path, decode=False)
    assert (photo.width, photo.height) == (300, 400)  # known from the header alone
    assert not photo.decoded
    for fmt in FORMATS:
        published = Image.open(io.BytesIO(process.encode(photo, 300, fmt))).convert("RGB")
        assert published.size == (300, 400)
        red, green, blue = published.getpixel((300 - 20, 20))
        assert red > 200 and green < 60 and blue < 60, fmt
        for corner in ((20, 20), (20, 400 - 20), (300 - 20, 400 - 20)):
            assert published.getpixel(corner) > (200, 200, 200), (fmt, corner)
        assert process.encode(photo, 150, fmt)  # and a smaller one keeps the shape
    assert process.size_for(photo, 150) == (150, 200)


def test_a_png_named_jpg_is_read_and_flagged(tmp_path):
    path = tmp_path / "flag.jpg"
    Image.new("RGB", (500, 300), (200, 30, 90)).save(path, "PNG")
    photo = process.read_photo(path)
    assert (photo.format, photo.mislabelled, photo.width) == ("PNG", True, 500)
    assert Image.open(io.BytesIO(process.encode(photo, 320, "jpeg"))).format == "JPEG"
    honest = tmp_path / "flag.png"
    Image.new("RGB", (500, 300)).save(honest)
    assert process.read_photo(honest).mislabelled is False


def test_a_truncated_jpeg_is_an_error_naming_the_file(tmp_path, camera_jpeg):
    path = tmp_path / "cut-short.jpg"
    path.write_bytes(camera_jpeg.read_bytes()[: camera_jpeg.stat().st_size // 2])
    with pytest.raises(PhotoError) as raised:
        process.read_photo(path, name="images/2027/cut-short.jpg")
    assert '"images/2027/cut-short.jpg" is damaged or incomplete' in raised.value.what
    assert "copy it again" in raised.value.fix
    # Read lazily, the same error comes from the first encode.
    lazy = process.read_photo(path, decode=False, name="cut-short.jpg")
    with pytest.raises(PhotoError, match='"cut-short.jpg" is damaged'):
        process.encode(lazy, 320, "webp")


@pytest.mark.parametrize("content, kind", [
    (b"Commissioner visits Watford\nPhoto to follow.\n", "a text file"),
    (b"GIF89a" + bytes(100), "a GIF image"),
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "an SVG drawing"),
    (bytes(range(256)) * 4, None),
])
def test_a_file_that_is_not_a_photo_is_an_error_saying_what_it_is(tmp_path, content, kind):
    path = tmp_path / "photo.jpg"
    path.write_bytes(content)
    with pytest.raises(PhotoError) as raised:
        process.read_photo(path)
    what = raised.value.what
    assert str(path) in what
    assert (f"is {kind}, not a photo" in what) if kind else ("not a picture the site can read" in what)
    assert "Traceback" not in str(raised.value)


def test_too_many_bytes_is_refused_before_opening(tmp_path, camera_jpeg, monkeypatch):
    path = tmp_path / "huge.jpg"
    path.write_bytes(camera_jpeg.read_bytes().ljust(3_000_000, b"\0"))  # 2.86 MB

    def no_decoding(*args, **kwargs):
        raise AssertionError("the photo was opened")
    monkeypatch.setattr(Image, "open", no_decoding)
    with pytest.raises(PhotoError) as raised:
        process.read_photo(path, max_bytes=2 * 1024 * 1024, name="huge.jpg")
    assert raised.value.what == ('the photo "huge.jpg" is 2.9 MB, more than the 2 MB the site '
                                 "accepts")
    assert "content/images/" in raised.value.fix


def test_too_many_pixels_is_refused_before_decoding(camera_jpeg, monkeypatch):
    def no_decoding(self, *args, **kwargs):
        raise AssertionError("the pixels were decoded")
    monkeypatch.setattr(Image.Image, "load", no_decoding)
    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    with pytest.raises(PhotoError) as raised:
        process.read_photo(camera_jpeg, max_pixels=1_000_000, name="meeting.jpg")
    assert raised.value.what == ('the photo "meeting.jpg" is 1,600 x 1,200 pixels (2 megapixels), '
                                 "more than the 1 megapixels the site accepts")


def _png_header_only(width, height):
    """A few hundred bytes that claim an enormous picture: a decompression bomb's shape."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("width, height, says", [
    (8000, 8000, "8,000 x 8,000 pixels (64 megapixels), more than the 60 megapixels"),  # our limit
    (100_000, 100_000, "claims to be far larger than any photo"),  # Pillow's own bomb guard
])
def test_a_decompression_bomb_is_refused_by_its_header(tmp_path, width, height, says):
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header_only(width, height))
    assert path.stat().st_size < 500
    with pytest.raises(PhotoError, match=re.escape(says)):
        process.read_photo(path)


def test_the_default_limits_take_a_48_megapixel_phone_photo():
    assert process.MAX_PIXELS >= 8192 * 6144 and process.MAX_BYTES >= 20 * 1024 * 1024
    assert (process.LIMITS.MAX_BYTES, process.LIMITS.MAX_PIXELS) == (process.MAX_BYTES, process.MAX_PIXELS)


@pytest.mark.parametrize("width, widths", [
    (4000, [320, 640, 960, 1280, 1600]),
    (1600, [320, 640, 960, 1280, 1600]),
    (1000, [320, 640, 960, 1000]),
    (320, [320]),
    (200, [200]),
])
def test_widths_are_never_wider_than_the_original(width, widths):
    photo = process.Photo("x.jpg", "0" * 64, width, 100, "JPEG", False)
    assert process.widths_for(photo) == widths
    assert max(process.widths_for(photo, (640, 2400))) <= width
    with pytest.raises(ValueError):
        process.encode(photo, width + 1, "jpeg")


def test_a_phone_downloads_under_60_kb_for_a_12_megapixel_photo(twelve_megapixels):
    photo = process.read_photo(twelve_megapixels)
    assert (photo.width, photo.height) == (4000, 3000)
    sizes = {fmt: len(process.encode(photo, 320, fmt)) for fmt in ("avif", "webp", "jpeg")}
    assert all(size < 60 * 1024 for size in sizes.values()), sizes
    assert sizes["avif"] < sizes["webp"] < sizes["jpeg"], sizes
    card = process.crop_for_sharing(photo)
    assert (card.width, card.height) == (1200, 630)
    assert Image.open(io.BytesIO(process.encode(card, card.width, "jpeg"))).size == (1200, 630)


def test_the_sharing_card_is_the_centre_and_never_enlarged(tmp_path):
    tall = Image.new("RGB", (600, 900), "white")
    tall.paste((0, 0, 255), (0, 280, 600, 620))  # a blue band, a little taller than the card
    path = tmp_path / "tall.png"
    tall.save(path)
    card = process.crop_for_sharing(process.read_photo(path))
    assert (card.width, card.height) == (600, 315)  # the photo's own width, card-shaped
    published = Image.open(io.BytesIO(process.encode(card, card.width, "jpeg")))
    assert published.size == (600, 315)
    for point in ((5, 5), (300, 157), (595, 310)):
        red, green, blue = published.getpixel(point)
        assert blue > 200 and red < 40, point


def test_transparency_keeps_a_png_fallback(tmp_path):
    logo = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    ImageDraw.Draw(logo).ellipse((50, 50, 350, 350), fill=(0, 90, 160, 255))
    path = tmp_path / "logo.png"
    logo.save(path)
    photo = process.read_photo(path)
    assert photo.has_alpha and process.fallback_format(photo) == "png"
    for fmt in ("png", "webp", "avif"):
        published = Image.open(io.BytesIO(process.encode(photo, 320, fmt)))
        assert published.convert("RGBA").getpixel((2, 2))[3] < 10, fmt  # still see-through
    jpeg = Image.open(io.BytesIO(process.encode(photo, 320, "jpeg")))
    assert jpeg.getpixel((2, 2)) > (245, 245, 245)  # on white where a JPEG cannot be clear
    opaque = tmp_path / "photo.png"
    Image.new("RGB", (400, 300), "grey").save(opaque)
    assert process.fallback_format(process.read_photo(opaque)) == "jpeg"


def _s15(value):
    return struct.pack(">i", round(value * 65536))


def _xyz(x, y, z):
    return b"XYZ " + bytes(4) + _s15(x) + _s15(y) + _s15(z)


def red_and_blue_swapped_profile():
    """An RGB colour profile whose red primary is sRGB's blue and whose blue is sRGB's
    red (linear curves): pure red pixels in it are pure blue in sRGB. Plain to check, and
    the same work as a phone's Display P3 profile."""
    curve = b"curv" + bytes(4) + struct.pack(">IH", 1, 0x0100) + bytes(2)
    tags = [(b"wtpt", _xyz(0.9642, 1.0, 0.8249)), (b"rXYZ", _xyz(0.1431, 0.0606, 0.7141)),
            (b"gXYZ", _xyz(0.3851, 0.7169, 0.0971)), (b"bXYZ", _xyz(0.4361, 0.2225, 0.0139)),
            (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    table, body, start = b"", b"", 128 + 4 + 12 * len(tags)
    for signature, data in tags:
        table += signature + struct.pack(">II", start + len(body), len(data))
        body += data
    header = (struct.pack(">I", start + len(body)) + b"none" + bytes([2, 0x10, 0, 0])
              + b"mntrRGB XYZ " + bytes(12) + b"acsp" + bytes(28)
              + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + bytes(48))
    return header + struct.pack(">I", len(tags)) + table + body


@pytest.mark.parametrize("name, mode", [("tagged.jpg", "RGB"), ("tagged.png", "RGBA")])
def test_an_embedded_colour_profile_is_applied_then_dropped(tmp_path, name, mode):
    path = tmp_path / name
    Image.new(mode, (400, 300), (255, 0, 0, 255)[:len(mode)]).save(path, icc_profile=red_and_blue_swapped_profile())
    assert Image.open(path).info.get("icc_profile")
    photo = process.read_photo(path)
    for fmt in FORMATS:
        published = Image.open(io.BytesIO(process.encode(photo, 320, fmt)))
        assert "icc_profile" not in published.info, fmt
        red, green, blue = published.convert("RGB").getpixel((160, 120))
        assert red < 20 and green < 20 and blue > 235, (fmt, (red, green, blue))


def test_cache_keys_are_stable_and_say_what_they_are(camera_jpeg, tmp_path):
    first, again = process.read_photo(camera_jpeg, decode=False), process.read_photo(camera_jpeg, decode=False)
    fingerprint = process.SETTINGS_FINGERPRINT
    key = process.cache_key(first, 640, "webp", fingerprint)
    assert key == process.cache_key(again, 640, "webp", fingerprint)
    assert key.startswith(first.sha256[:32]) and key.endswith("-640w-" + key[-15:-5] + ".webp")
    moved = tmp_path / "renamed.jpeg"
    moved.write_bytes(camera_jpeg.read_bytes())
    assert process.cache_key(process.read_photo(moved, decode=False), 640, "webp", fingerprint) == key
    others = {process.cache_key(first, 960, "webp", fingerprint),
              process.cache_key(first, 640, "avif", fingerprint),
              process.cache_key(first, 640, "webp", fingerprint.replace('"quality": 75', '"quality": 76')),
              process.cache_key(process.crop_for_sharing(first), 640, "webp", fingerprint)}
    assert len(others) == 4 and key not in others
    assert process.cache_key(first, 1600, "jpeg", fingerprint).endswith(".jpg")


def test_the_cache_round_trips_and_never_leaves_half_a_file(tmp_path, monkeypatch):
    cache = process.DerivedCache(tmp_path / "cache" / "photos")
    assert cache.get("abc-320w-0123456789.webp") is None
    cache.put("abc-320w-0123456789.webp", b"RIFF...WEBP")
    assert cache.get("abc-320w-0123456789.webp") == b"RIFF...WEBP"

    def crash(*args):
        raise KeyboardInterrupt  # the build stopped between writing and naming
    monkeypatch.setattr("os.replace", crash)
    with pytest.raises(KeyboardInterrupt):
        cache.put("abc-640w-0123456789.webp", b"x" * 100_000)
    assert cache.get("abc-640w-0123456789.webp") is None
    assert sorted(p.name for p in (tmp_path / "cache" / "photos").iterdir()) == ["abc-320w-0123456789.webp"]
    for bad in ("../escape.jpg", "a/b.jpg", ".hidden", ""):
        with pytest.raises(ValueError):
            cache.get(bad)
