"""Photos for the benchmark's synthetic archive: which releases have one, and the JPEGs.

One release in ten (at least 10) gets a lead photo (`image:`, `image_alt:`), and one in a
hundred (at least 2) a photo in its text (`![...](/images/...)`). Each is a 12-megapixel
JPEG (4000 x 3000, quality 92, about 3.7 MB), as a phone saves it: soft shapes and
sensor grain, so that it compresses like a photo rather than a flat test card.

Painting a photo takes about 2 s, so only a few are painted; each file is a different
crop of one of them with its colours shifted a little (about 0.15 s). Every file has
different bytes, because the photos plugin caches its work by the original's content
hash: two equal files would be one photo's work. Everything is seeded: the same archive
always gets the same photos.

The painting is done in worker processes, one per painted photo (as many at once as
there are cores): besides the speed, the benchmark's own process never holds the
pictures. Linux gives a child process the peak memory of the process that started it as
its own starting peak (vfork, then exec, keep the mark), so a benchmark that had held
these 40-MB pictures would report every later build as using at least that much.
"""

import hashlib
import io
import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

WIDTH, HEIGHT = 4000, 3000
MARGIN = 240  # painted around the frame, for the crops
PAINTED = 3  # photos painted; every file is a crop of one of them
GRAIN = 8  # sensor noise, standard deviation per channel
PLACES = ["Hemel Hempstead", "Hertford", "Stevenage", "Watford", "St Albans", "Hitchin"]
SCENES = [
    "The Commissioner with volunteers at a community centre in {place}",
    "Officers and council staff at the launch of the scheme in {place}",
    "A neighbourhood team on patrol in the town centre of {place}",
    "Residents at a drop-in session in {place}",
]


def lead_indexes(releases):
    """Which releases (by position, oldest first) get a lead photo: one in ten, at least
    10, spread evenly over the archive."""
    count = min(releases, max(10, releases // 10))
    return sorted({index * releases // count for index in range(count)})


def text_indexes(releases, taken):
    """Which releases get a photo in their text: one in a hundred, at least 2, none of
    them one with a lead photo."""
    count = min(releases, max(2, releases // 100))
    chosen = []
    for index in range(count):
        position = (2 * index + 1) * releases // (2 * count)
        while position in taken or position in chosen:
            position = (position + 1) % releases
        chosen.append(position)
    return sorted(chosen)


def add_photos(releases, seed=0):
    """Give some of `releases` (generate.Item, oldest first) photos; returns the photos'
    paths relative to the content folder, in the order they are painted."""
    rng = random.Random(f"photos-{seed}")  # its own stream: the texts stay as they were
    paths = []
    leads = lead_indexes(len(releases))
    for index in leads:
        item = releases[index]
        path = _photo_path(item, "")
        item.metadata["image"] = path
        item.metadata["image_alt"] = rng.choice(SCENES).format(place=rng.choice(PLACES))
        paths.append(path)
    for index in text_indexes(len(releases), set(leads)):
        item = releases[index]
        path = _photo_path(item, "-in-text")
        alt = rng.choice(SCENES).format(place=rng.choice(PLACES))
        first, rest = item.body.split("\n\n", 1)
        item.body = f"{first}\n\n![{alt}](/{path})\n\n{rest}"
        paths.append(path)
    return paths


def _photo_path(item, suffix):
    slug = Path(item.path).stem[len("2013-01-01-"):]
    return f"images/{item.metadata['date'].year}/{slug}{suffix}.jpg"


def write_photos(target, paths, seed=0):
    """Write a photo at each of `paths` (relative to the content folder `target`)."""
    painted = min(PAINTED, len(paths))
    if not painted:
        return
    groups = [list(enumerate(paths))[first::painted] for first in range(painted)]
    with ProcessPoolExecutor(min(painted, os.cpu_count() or 1),
                             mp_context=multiprocessing.get_context("spawn")) as workers:
        digests = [digest for written in workers.map(
            _paint_and_write, [str(target)] * painted, [f"{seed}-{n}" for n in range(painted)],
            groups) for digest in written]
    if len(set(digests)) != len(digests):  # never seen; it would make the work look smaller
        raise RuntimeError("two synthetic photos came out the same")


def _paint_and_write(target, seed, numbered_paths):
    """Paint one photo, then write a crop of it at each path; their SHA-256 digests."""
    painted = _paint(seed)
    digests = []
    for number, path in numbered_paths:
        data = _variant(painted, random.Random(f"crop-{seed}-{number}"))
        file = Path(target) / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)
        digests.append(hashlib.sha256(data).digest())
    return digests


def _paint(seed):
    """A 12-megapixel 'photo' (plus the margin): a colour gradient, 400 softened shapes,
    then grain. Shapes are drawn at an eighth of the size and enlarged, which softens
    them; the grain is added at full size, as a sensor's is."""
    rng = random.Random(seed)
    size = (WIDTH + MARGIN, HEIGHT + MARGIN)
    small = (size[0] // 8, size[1] // 8)
    top, bottom = (_colour(rng) for _ in range(2))
    image = Image.composite(Image.new("RGB", small, bottom), Image.new("RGB", small, top),
                            Image.linear_gradient("L").resize(small))
    draw = ImageDraw.Draw(image)
    for _ in range(400):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        radius = rng.randrange(2, small[0] // 8)
        box = (x - radius, y - radius * rng.uniform(0.3, 1), x + radius, y + radius)
        (draw.ellipse if rng.random() < 0.6 else draw.rectangle)(box, fill=_colour(rng))
    image = image.filter(ImageFilter.GaussianBlur(1.5)).resize(size, Image.Resampling.BICUBIC)
    grained = [ImageChops.add(channel, Image.effect_noise(size, GRAIN), 1.0, -128)
               for channel in image.split()]
    return Image.merge("RGB", grained)


def _colour(rng):
    """A muted colour, as most of a real photo is."""
    grey = rng.randrange(40, 200)
    return tuple(max(0, min(255, grey + rng.randrange(-60, 61))) for _ in range(3))


def _variant(painted, rng):
    """One file: a 4000 x 3000 crop of a painted photo, colours shifted, as a JPEG."""
    left, top = rng.randrange(MARGIN + 1), rng.randrange(MARGIN + 1)
    crop = painted.crop((left, top, left + WIDTH, top + HEIGHT))
    shifts = [rng.randrange(-12, 13) for _ in range(3)]
    channels = [channel.point(lambda value, shift=shift: max(0, min(255, value + shift)))
                for channel, shift in zip(crop.split(), shifts)]
    out = io.BytesIO()
    Image.merge("RGB", channels).save(out, "JPEG", quality=92)
    return out.getvalue()
