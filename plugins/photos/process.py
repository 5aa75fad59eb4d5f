"""The image work, with no Pelican in it: read a writer's photo safely, then make the
published versions from its pixels alone.

- `read_photo` takes JPEG, PNG, WebP, HEIC/HEIF (pillow-heif) and AVIF by what the file
  holds, not by its name; it refuses a file that is too large before decoding a pixel,
  and says in plain English what is wrong with a damaged, truncated or unknown file.
- The pixels are turned the right way up (EXIF orientation) and converted to sRGB once;
  the embedded colour profile is then dropped (browsers take untagged images as sRGB,
  and a profile would add up to a few KB to every small file).
- `encode` writes a new file from those pixels alone: no EXIF (GPS, camera serial,
  author), XMP, IPTC, comment, colour profile or embedded thumbnail can reach it.

Library: Pillow (measured against pyvips in docs/PERFORMANCE.md, "Photos: which library").
"""

import hashlib
import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pillow_heif
from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

from .cache import DerivedCache, cache_key, settings_fingerprint  # noqa: F401 (the package's API)

# Only the main picture of a HEIC: not its thumbnails, depth map or other auxiliary images.
pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)


@dataclass(frozen=True)
class Limits:
    """The largest original the site accepts.

    MAX_BYTES, 25 MB: a 12-megapixel phone photo is 2-5 MB, a 48-megapixel iPhone HEIC
    about 10 MB and its JPEG up to about 20 MB; originals are kept in the repository, so
    anything larger is a copy that should have been exported smaller.
    MAX_PIXELS, 60 megapixels: the largest phone cameras save 48 MP (8064 x 6048) or
    50 MP (8160 x 6120, 8192 x 6144); 60 MP refuses 100- and 200-megapixel modes, whose
    decoded pixels would take 300-600 MB each, and decompression bombs (a small file
    that claims an enormous picture), since it is checked before any pixel is decoded.
    """
    MAX_BYTES: int = 25 * 1024 * 1024
    MAX_PIXELS: int = 60_000_000


LIMITS = Limits()
MAX_BYTES = LIMITS.MAX_BYTES
MAX_PIXELS = LIMITS.MAX_PIXELS

# The formats an original may be in, as Pillow names them ("MPO": a JPEG holding more than
# one picture, as some phones save; its first picture is the photo).
ACCEPTED = ("JPEG", "PNG", "WEBP", "HEIF", "AVIF")
_EXTENSIONS = {"JPEG": (".jpg", ".jpeg", ".jpe", ".jfif"), "PNG": (".png",), "WEBP": (".webp",),
               "HEIF": (".heic", ".heif", ".hif"), "AVIF": (".avif",)}
# What a refused file is, from its first bytes, for the message.
_OTHER_KINDS = ((b"GIF8", "a GIF image"), (b"II*\0", "a TIFF or camera RAW file"),
                (b"MM\0*", "a TIFF or camera RAW file"), (b"BM", "a BMP image"),
                (b"%PDF", "a PDF document"), (b"8BPS", "a Photoshop file"),
                (b"PK\x03\x04", "a ZIP file (or a Word or PowerPoint document)"))
_PHOTO_MAGIC = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG", "PNG"), (b"RIFF", "WEBP"))

# Chosen so that the 320 px version of a 12-megapixel photo is well under 60 KB in every
# format (measured: docs/PERFORMANCE.md); speed 6 is Pillow's default AVIF speed.
ENCODER_SETTINGS = {
    "avif": {"format": "AVIF", "quality": 50, "speed": 6, "subsampling": "4:2:0"},
    "webp": {"format": "WEBP", "quality": 75, "method": 4},
    "jpeg": {"format": "JPEG", "quality": 80, "progressive": True, "optimize": True,
             "subsampling": "4:2:0"},
    "png": {"format": "PNG", "optimize": True},
}
# Nothing from the original passes through: every metadata an encoder could write is empty.
_NO_METADATA = {"exif": b"", "xmp": b"", "icc_profile": None, "comment": b""}
# Change PIPELINE_VERSION when reading or encoding changes in a way the settings don't show.
PIPELINE_VERSION = 1
SETTINGS_FINGERPRINT = settings_fingerprint(ENCODER_SETTINGS, PIPELINE_VERSION)
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class PhotoError(Exception):
    """A photo the site cannot use: `what` is wrong (naming the file), `fix` says what to
    do, both for a press officer and without a full stop (site_core's Problem adds it)."""

    def __init__(self, what, fix):
        super().__init__(f"{what}. {fix}")
        self.what, self.fix = what, fix


@dataclass(eq=False)
class Photo:
    """An original, read and checked. `width` and `height` are after orientation.
    `pixels` (RGB or RGBA, sRGB, no metadata) are decoded when first used, unless
    read_photo already did; `variant` tells a crop (the sharing card) from the photo."""
    path: Path
    sha256: str
    width: int
    height: int
    format: str
    has_alpha: bool
    mislabelled: bool = False
    name: str = ""
    size_bytes: int = 0
    variant: str = ""
    _pixels: Image.Image | None = field(default=None, repr=False)
    _resized: dict = field(default_factory=dict, repr=False)  # size -> pixels, for each format

    @property
    def pixels(self) -> Image.Image:
        if self._pixels is None:
            try:
                with open(self.path, "rb") as file:
                    data = file.read(self.size_bytes + 1)
            except OSError:
                data = b""
            if hashlib.sha256(data).hexdigest() != self.sha256:
                raise PhotoError(f'the photo "{self.name}" changed while the site was being built',
                                 "build the site again")
            self._pixels = _decode(data, self.name)
        return self._pixels

    @property
    def decoded(self) -> bool:
        return self._pixels is not None


def read_photo(path, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS, decode=True, name=None) -> Photo:
    """Check and open the photo at `path`; PhotoError if the site cannot use it.
    `name` is how messages call the file (default: the path as given). With decode=False
    only the header is read (size, orientation, transparency): the pixels are decoded when
    first used, so a build whose versions are all in the cache does no image work; a
    damaged file is then reported (PhotoError) by the first `encode`."""
    path = Path(path)
    name = name or str(path)
    data = _read_bytes(path, name, max_bytes)
    image = _open(data, name)
    width, height = image.size  # from the header: no pixel is decoded yet
    if width * height > max_pixels:
        raise PhotoError(
            f'the photo "{name}" is {width:,} x {height:,} pixels ({width * height / 1e6:.0f} '
            f"megapixels), more than the {max_pixels / 1e6:.0f} megapixels the site accepts",
            "save a smaller copy (most phones and photo apps offer a \"Large\" or \"Medium\" "
            "export size) and put that in content/images/")
    try:
        turned = _orientation(image) in (5, 6, 7, 8)  # a quarter turn swaps width and height
    except (OSError, SyntaxError, ValueError, EOFError):
        raise _unreadable(data, name) from None
    if turned:
        width, height = height, width
    real = "JPEG" if image.format == "MPO" else image.format
    photo = Photo(path, hashlib.sha256(data).hexdigest(), width, height, real,
                  has_alpha=_has_alpha(image),
                  mislabelled=path.suffix.lower() not in _EXTENSIONS[real], name=name,
                  size_bytes=len(data))
    if decode:
        photo._pixels = _decode(data, name, image)
    return photo


def fallback_format(photo) -> str:
    """The format every browser shows: JPEG, or PNG for a picture with transparency."""
    return "png" if photo.has_alpha else "jpeg"


def widths_for(photo, wanted=(320, 640, 960, 1280, 1600)) -> list[int]:
    """The widths to make, smallest first, never wider than the original; the original's
    own width too when it is narrower than the widest wanted (the sharpest there is)."""
    widths = sorted({w for w in wanted if w <= photo.width})
    if photo.width < max(wanted) and photo.width not in widths:
        widths.append(photo.width)
    return widths


def size_for(photo, width) -> tuple[int, int]:
    """Width and height of the version `width` wide (for the <img> attributes)."""
    return width, max(1, round(photo.height * width / photo.width))


def encode(photo, width, fmt) -> bytes:
    """The photo `width` pixels wide (aspect kept, Lanczos) as a new `fmt` file ("avif",
    "webp", "jpeg", "png"), written from the pixels alone."""
    if fmt not in ENCODER_SETTINGS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(ENCODER_SETTINGS)}")
    if not 1 <= width <= photo.width:
        raise ValueError(f"width {width} is outside 1-{photo.width} for {photo.name}")
    size = size_for(photo, width)
    image = photo._resized.get(size) or photo.pixels
    if image.size != size:
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        photo._resized[size] = image
    if fmt == "jpeg" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    out = io.BytesIO()
    image.save(out, **ENCODER_SETTINGS[fmt], **_NO_METADATA)
    return out.getvalue()


def sharing_size(photo, size=(1200, 630)) -> tuple[int, int]:
    """The size of the sharing card of `photo`, from its header alone (no pixels)."""
    target = size[0] / size[1]
    box_w = photo.height * target if photo.width / photo.height > target else photo.width
    out_w = min(size[0], int(box_w))
    return out_w, max(1, round(out_w / target))


def crop_for_sharing(photo, size=(1200, 630)) -> Photo:
    """The sharing card: the centre of the photo cut to `size`'s shape, then made `size`
    (or the largest that shape the photo holds, if it is smaller: never enlarged).
    Encode it like any photo: encode(card, card.width, "jpeg")."""
    target = size[0] / size[1]
    pixels = photo.pixels
    if pixels.width / pixels.height > target:  # wider than the card: cut the sides
        box_w, box_h = pixels.height * target, pixels.height
    else:
        box_w, box_h = pixels.width, pixels.width / target
    left, top = (pixels.width - box_w) / 2, (pixels.height - box_h) / 2
    out_w = min(size[0], int(box_w))
    out = (out_w, max(1, round(out_w / target)))
    card = pixels.resize(out, Image.Resampling.LANCZOS, box=(left, top, left + box_w, top + box_h),
                         reducing_gap=3.0)
    return Photo(photo.path, photo.sha256, out[0], out[1], photo.format, photo.has_alpha,
                 photo.mislabelled, photo.name, photo.size_bytes,
                 variant=f"share-{size[0]}x{size[1]}", _pixels=card)


def _read_bytes(path, name, max_bytes) -> bytes:
    try:
        with open(path, "rb") as file:
            data = file.read(max_bytes + 1)  # never more than the limit, whatever stat says
    except FileNotFoundError:
        raise PhotoError(f'the photo "{name}" is not there',
                         "check the file name and that the photo is in content/images/") from None
    except IsADirectoryError:
        raise PhotoError(f'"{name}" is a folder, not a photo', "name the photo file itself") from None
    if len(data) > max_bytes:
        size = Path(path).stat().st_size
        raise PhotoError(
            f'the photo "{name}" is {_megabytes(size)}, more than the {_megabytes(max_bytes)} '
            "the site accepts",
            "save a smaller copy (most phones and photo apps offer a \"Large\" or \"Medium\" "
            "export size) and put that in content/images/")
    return data


def _megabytes(count):
    tenths = -(-count * 10 // (1024 * 1024))  # rounded up: 25.01 MB shows as 25.1, not 25.0
    return f"{tenths // 10} MB" if tenths % 10 == 0 else f"{tenths / 10:.1f} MB"


def _open(data, name) -> Image.Image:
    """Open (headers only) an accepted format, recognised by content."""
    try:
        with warnings.catch_warnings():  # above our own limit anyway, which says it better
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=ACCEPTED)
    except Image.DecompressionBombError:
        raise PhotoError(f'the photo "{name}" claims to be far larger than any photo '
                         f"({LIMITS.MAX_PIXELS / 1e6:.0f} megapixels at most)",
                         "export it again from the original as JPEG, at a normal size") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, RuntimeError):
        raise _unreadable(data, name) from None


def _unreadable(data, name) -> PhotoError:
    head = data[:32]
    if any(head.startswith(magic) for magic, _ in _PHOTO_MAGIC) or head[4:8] == b"ftyp":
        return PhotoError(f'the photo "{name}" is damaged or incomplete (it may have been cut '
                          "short while it was copied)",
                          "copy it again from the phone or camera and replace the file")
    kind = next((kind for magic, kind in _OTHER_KINDS if head.startswith(magic)), None)
    if kind is None and b"<svg" in data[:1000]:
        kind = "an SVG drawing"
    if kind is None and _looks_like_text(data[:512]):
        kind = "a text file"
    if kind:
        return PhotoError(f'the file "{name}" is {kind}, not a photo the site can publish',
                          "save the picture as JPEG (or PNG if it has a transparent background) "
                          "and put that in content/images/ instead")
    return PhotoError(f'the file "{name}" is not a picture the site can read',
                      "check it opens on your computer, save it as JPEG and replace the file")


def _looks_like_text(head):
    text = head.decode("utf-8", errors="ignore")
    return len(text) > 0.9 * len(head) and all(c.isprintable() or c.isspace() for c in text)


def _orientation(image):
    return image.getexif().get(ExifTags.Base.Orientation, 1)


def _has_alpha(image):
    return image.mode in ("RGBA", "RGBa", "LA", "La", "PA") or "transparency" in image.info


def _decode(data, name, image=None) -> Image.Image:
    """The oriented sRGB pixels (RGB or RGBA) in a new image that carries nothing else."""
    image = image or _open(data, name)
    try:
        image.load()
        if image.format == "MPO":
            image.seek(0)
        has_alpha = _has_alpha(image)
        ImageOps.exif_transpose(image, in_place=True)
        rgb = _to_srgb(image)
        alpha = image.convert("RGBA").getchannel("A") if has_alpha else None
    except (OSError, SyntaxError, ValueError, EOFError, RuntimeError):
        raise _unreadable(data[:32], name) from None
    clean = Image.new("RGBA" if alpha else "RGB", rgb.size)
    clean.paste(rgb)
    if alpha:
        clean.putalpha(alpha)
    return clean


def _to_srgb(image) -> Image.Image:
    """The colours of `image` as sRGB RGB, through its colour profile if it has one."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit greyscale PNG
        base = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif image.mode in ("LA", "La", "1"):
        base = image.convert("L")
    elif image.mode in ("RGB", "CMYK", "L"):
        base = image
    else:
        base = image.convert("RGBA").convert("RGB")
    profile = image.info.get("icc_profile")
    if profile:
        try:
            return ImageCms.profileToProfile(base, ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                                             _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the colours are taken as they are
    return base if base.mode == "RGB" else base.convert("RGB")
