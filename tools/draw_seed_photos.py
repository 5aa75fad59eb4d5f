#!/usr/bin/env python3
"""Draw the seed photos for content/images/2017/ with Pillow alone.

    .venv/bin/python tools/draw_seed_photos.py

The site's sample content needs real-looking photos (a JPEG, a HEIC as it comes
off an iPhone) to exercise the photos plugin, and we cannot use other people's
pictures. These are painted from gradients, blurred shapes and noise; the random
seeds are fixed, so every run gives the same pixels. No EXIF or XMP is written.
"""

import math
import random
from pathlib import Path

import pillow_heif
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageOps

OUT = Path(__file__).resolve().parent.parent / "content" / "images" / "2017"


# --- painting helpers -------------------------------------------------------

def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def gradient(size, stops, horizontal=False):
    """A linear gradient through (position 0..1, colour) stops, top to bottom."""
    w, h = size
    n = w if horizontal else h
    line = []
    for i in range(n):
        t = i / max(n - 1, 1)
        for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
            if t <= p1:
                line.append(mix(c0, c1, (t - p0) / max(p1 - p0, 1e-9)))
                break
        else:
            line.append(stops[-1][1])
    strip = Image.new("RGB", (n, 1) if horizontal else (1, n))
    strip.putdata(line)
    return strip.resize(size, Image.NEAREST)


def mottle(rng, size, grain, dark, light):
    """A soft random texture between two colours (grass, asphalt, gravel)."""
    w, h = size
    sw, sh = max(w // grain, 2), max(h // grain, 2)
    small = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh))
    return ImageOps.colorize(small.resize(size, Image.BICUBIC), dark, light)


def fractal(rng, size, scales=(500, 220, 90, 40, 18)):
    """Cloud-like noise: random fields at several scales, large ones weighted most."""
    w, h = size
    field = None
    for i, grain in enumerate(scales):
        sw, sh = max(w // grain, 2), max(h // grain, 2)
        layer = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh)).resize(size, Image.BICUBIC)
        field = layer if field is None else Image.blend(field, layer, 0.55 / (i + 0.6))
    return ImageOps.autocontrast(field, cutoff=0.5)


def paint(base, fill, mask):
    """Lay a colour or an image onto base through a greyscale mask."""
    if isinstance(fill, tuple):
        fill = Image.new("RGB", base.size, fill)
    base.paste(fill, (0, 0), mask)


def shape_mask(size, draw_fn, soften=0):
    mask = Image.new("L", size, 0)
    draw_fn(ImageDraw.Draw(mask))
    return mask.filter(ImageFilter.GaussianBlur(soften)) if soften else mask


def scale_mask(mask, factor):
    return mask.point(lambda v: round(v * factor))


def glow(base, spots, blur):
    """Add light: spots are (box, colour) ellipses, blurred and screened on."""
    light = Image.new("RGB", base.size, (0, 0, 0))
    draw = ImageDraw.Draw(light)
    for box, colour in spots:
        draw.ellipse(box, fill=colour)
    return ImageChops.screen(base, light.filter(ImageFilter.GaussianBlur(blur)))


def foliage(draw, rng, centre, radius, dark, light, leaves=3000):
    """A tree crown: lumpy clumps of small leaf blobs, lit from the upper left."""
    cx, cy = centre
    rx, ry = radius
    clumps = [(cx + rng.uniform(-0.6, 0.6) * rx, cy + rng.uniform(-0.6, 0.5) * ry,
               rng.uniform(0.35, 0.55)) for _ in range(9)]
    for layer, count, size in ((0, leaves // 5, 0.07), (1, leaves, 0.03)):
        for _ in range(count):
            kx, ky, kr = rng.choice(clumps)
            a, r = rng.uniform(0, 2 * math.pi), rng.random() ** 0.5
            dx, dy = math.cos(a) * r, math.sin(a) * r
            x, y = kx + dx * kr * rx, ky + dy * kr * ry
            lit = 0.55 - 0.3 * (dx + 1.4 * dy) - 0.25 * (y - cy) / ry + rng.gauss(0, 0.15)
            lit = min(max(lit * (0.3 + 0.7 * layer) * (0.5 + 0.5 * r), 0), 1)
            s = min(rx, ry) * size * rng.uniform(0.5, 1.4)
            draw.ellipse((x - s, y - s * 0.8, x + s, y + s * 0.8), fill=mix(dark, light, lit) + (255,))


def finish(img, rng, noise=4.0, vignette=0.22, blur=0.8):
    """What a phone camera adds: a little softness, darker corners, sensor noise."""
    img = img.filter(ImageFilter.GaussianBlur(blur))
    edge = Image.radial_gradient("L").resize(img.size, Image.BICUBIC)
    falloff = edge.point(lambda v: 255 - round(min(v, 255) ** 2 / 255 * vignette))
    img = ImageChops.multiply(img, Image.merge("RGB", [falloff] * 3))
    w, h = img.size
    bands = []
    for weight in (1.0, 0.8, 1.2):  # more noise in blue, as in real sensors
        a = Image.frombytes("L", img.size, rng.randbytes(w * h))
        b = Image.frombytes("L", img.size, rng.randbytes(w * h))
        k = noise * weight / 64
        bands.append(Image.blend(a, b, 0.5).point(lambda v: round(128 + (v - 128) * k)))
    return ImageChops.add(img, Image.merge("RGB", bands), 1, -128)


def save_jpeg(img, name, quality=88):
    path = OUT / name
    img.save(path, "JPEG", quality=quality, optimize=True)  # no exif= argument: no EXIF
    return path


def save_heic(img, name, quality=62):
    """Quality 62, not 80: HEVC spends a lot on sensor noise, and at 80 this 12-MP
    picture came to about 6 MB; at 62 it is under 2 MB, like a phone's own HEIC."""
    path = OUT / name
    img.save(path, format="HEIF", quality=quality)
    return path


# --- 1. rainbow flag over the office ----------------------------------------

RAINBOW = [(228, 3, 3), (255, 140, 0), (255, 237, 0), (0, 128, 38), (36, 64, 142), (115, 41, 130)]


def clouds(img, rng, clusters):
    """Soft cumulus from fractal noise, kept to a few drifting patches."""
    where = shape_mask(img.size, lambda d: [d.ellipse((x - rx, y - ry, x + rx, y + ry), fill=255)
                                            for x, y, rx, ry in clusters], soften=img.width / 25)
    field = fractal(rng, img.size)
    density = ImageChops.multiply(field, where).point(lambda v: max(0, min(255, (v - 60) * 2)))
    density = density.filter(ImageFilter.GaussianBlur(img.width / 500))
    shade = density.filter(ImageFilter.GaussianBlur(img.width / 200))
    underside = ImageChops.subtract(shade, ImageChops.offset(shade, 0, -img.width // 150))
    fill = Image.new("RGB", img.size, (250, 250, 252))
    paint(fill, (170, 182, 202), underside.point(lambda v: min(255, v * 4)))
    paint(img, fill, density.point(lambda v: round(v * 0.92)))


def waving_flag(length, height, stripes):
    """A flag flying right from its hoist, with diagonal folds lit from the left.

    Drawn at twice the size column by column (each stripe a short vertical
    line, shifted and shaded by the folds) and scaled down for smooth edges.
    """
    s = 2
    L, H = length * s, height * s
    margin = H // 3
    layer = Image.new("RGBA", (L + margin, H + 2 * margin), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    wave = L / 2.6

    def fold(u, v):
        f = u / L
        phase = 2 * math.pi * (u / wave) - 1.8 * v
        amp = H * 0.07 * f ** 0.7
        y = amp * math.sin(phase) + H * 0.10 * f ** 2 * v + H * 0.03 * f ** 2
        light = 1 + 0.30 * math.cos(phase + 0.6) * f ** 0.5 + 0.06 * math.sin(3.1 * phase)
        return y, light

    for u in range(L):
        f = u / L
        for i, colour in enumerate(stripes):
            x = u * (1 - 0.05 * f) + H * 0.025 * math.sin(2 * math.pi * u / wave) * f
            v0, v1 = i / len(stripes), (i + 1) / len(stripes)
            light = fold(u, (v0 + v1) / 2)[1]
            top = margin + v0 * H + fold(u, v0)[0]
            bottom = margin + v1 * H + fold(u, v1)[0]
            shade = tuple(min(255, round(c * light + 18 * (light - 1) * 2)) for c in colour)
            draw.line((x, top, x, bottom + 1), fill=shade + (255,), width=2)
    # the canvas header the flag is sewn to, with its two brass clips
    hem = L // 40
    draw.rectangle((0, margin + H * 0.01, hem, margin + H * 1.0), fill=(236, 234, 226, 255))
    draw.line((hem, margin, hem, margin + H), fill=(190, 188, 180, 255), width=3)
    flag = ImageEnhance.Color(layer.filter(ImageFilter.GaussianBlur(1.2))).enhance(0.88)
    return flag.resize((layer.width // s, layer.height // s), Image.LANCZOS), margin // s


def brick_building(img, rng, top):
    w, h = img.size
    face = Image.new("RGB", (w, h - top))
    draw = ImageDraw.Draw(face)
    bw, bh = 30, 10
    for row in range(0, h - top, bh):
        offset = (row // bh % 2) * bw // 2
        for x in range(-offset, w, bw):
            base = mix((138, 70, 52), (176, 104, 78), rng.random())
            draw.rectangle((x + 1, row + 1, x + bw - 1, row + bh - 1), fill=base)
        draw.line((0, row, w, row), fill=(186, 176, 160))
    # windows: two storeys, each pane reflecting the sky
    for y0 in (110, 290):
        for x0 in range(60, w, 230):
            frame = (x0, y0, x0 + 130, y0 + 130)
            draw.rectangle(frame, fill=(236, 236, 230))
            glass = gradient((118, 118), [(0, (132, 158, 190)), (0.5, (70, 88, 110)), (1, (44, 52, 64))])
            face.paste(glass, (x0 + 6, y0 + 6))
            draw.line((x0 + 65, y0 + 6, x0 + 65, y0 + 124), fill=(236, 236, 230), width=5)
            draw.rectangle((x0 - 8, y0 + 130, x0 + 138, y0 + 142), fill=(214, 206, 190))
    # stone parapet and the shadow under it
    draw.rectangle((0, 0, w, 44), fill=(206, 198, 182))
    draw.rectangle((0, 36, w, 44), fill=(160, 152, 140))
    shadow = gradient((w, 90), [(0, (150, 150, 150)), (1, (255, 255, 255))])
    face.paste(ImageChops.multiply(face.crop((0, 44, w, 134)), shadow), (0, 44))
    light = gradient((w, h - top), [(0, (255, 250, 240)), (1, (200, 200, 205))], horizontal=True)
    img.paste(ImageChops.multiply(face, light), (0, top))


def rainbow_flag_office():
    rng = random.Random(2017_05_17)
    w, h = 3000, 2000
    img = gradient((w, h), [(0, (34, 88, 168)), (0.45, (80, 140, 210)),
                            (0.8, (160, 196, 232)), (1, (196, 218, 238))])
    img = glow(img, [((-600, -600, 900, 700), (40, 40, 30))], 300)
    clouds(img, rng, [(450, 380, 600, 200), (2400, 260, 700, 220), (1900, 950, 500, 140),
                      (2800, 1200, 400, 150), (200, 1200, 380, 120)])
    brick_building(img, rng, 1520)
    # flagpole, lit from the left, with a gilt ball on top
    px, ptop, pw = 1180, 230, 26
    pole = gradient((pw, h - ptop), [(0, (200, 204, 210)), (0.3, (252, 252, 250)),
                                     (0.7, (214, 216, 220)), (1, (140, 146, 156))], horizontal=True)
    img.paste(pole, (px, ptop))
    ball = gradient((48, 48), [(0, (255, 236, 170)), (0.5, (214, 170, 70)), (1, (120, 86, 30))])
    img.paste(ball, (px - 11, ptop - 42), shape_mask((48, 48), lambda d: d.ellipse((0, 0, 47, 47), fill=255)))
    flag, margin = waving_flag(1200, 760, RAINBOW)
    img.paste(flag, (px + pw - 4, ptop + 40 - margin), flag)
    # the halyard
    ImageDraw.Draw(img).line((px + pw + 2, ptop, px + pw + 2, 1520), fill=(235, 235, 235), width=3)
    # trees along the bottom, in front of the building
    trees = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(trees)
    for cx, cy, rx, ry in [(150, 1620, 400, 300), (640, 1840, 340, 200), (2700, 1640, 420, 300),
                           (2200, 1880, 360, 170), (1500, 1990, 520, 120), (1000, 1960, 300, 110),
                           (2950, 1850, 260, 250)]:
        draw.rectangle((cx - 18, cy, cx + 18, h), fill=(52, 42, 34, 255))
        foliage(draw, rng, (cx, cy), (rx, ry), (12, 26, 12), (150, 172, 80), leaves=7000)
    trees = trees.filter(ImageFilter.GaussianBlur(1.6))
    img.paste(trees, (0, 0), trees)
    return finish(img, rng, noise=4.0)


# --- 2. the street triage car at dusk ---------------------------------------

def terrace(img, rng, ground):
    """A row of dusk-dark houses, some windows lit."""
    draw = ImageDraw.Draw(img)
    lit = []
    x = -60
    while x < img.width:
        width = rng.randint(520, 640)
        eaves = ground - rng.randint(530, 600)
        ridge = eaves - rng.randint(150, 260)
        wall = mix((44, 36, 38), (66, 50, 46), rng.random())
        draw.rectangle((x, eaves, x + width, ground), fill=wall)
        draw.polygon([(x - 10, eaves), (x + width + 10, eaves), (x + width - 60, ridge),
                      (x + 60, ridge)], fill=(30, 30, 40))
        draw.rectangle((x + width - 130, ridge - 90, x + width - 80, ridge + 10), fill=(36, 32, 38))
        for wx, wy in ((x + 90, eaves + 80), (x + 340, eaves + 80), (x + 90, eaves + 330)):
            on = rng.random() < 0.5
            colour = [(255, 214, 150), (214, 140, 70)] if on else [(40, 46, 66), (26, 30, 42)]
            img.paste(gradient((150, 150), [(0, colour[0]), (1, colour[1])]), (wx, wy))
            draw.line((wx + 75, wy, wx + 75, wy + 150), fill=wall, width=8)
            if on:
                lit.append(((wx - 40, wy - 40, wx + 190, wy + 190), (90, 60, 24)))
        draw.rectangle((x + 360, eaves + 330, x + 460, ground), fill=(28, 30, 44))  # front door
        x += width
    return glow(img, lit, 40)


def estate_car(size):
    """A white estate car facing left, side-on, with a chequered band and roof lights.

    Returns the car as RGBA (the body shaded by a vertical gradient, as dusk
    light from the sky falls on its upper panels) and the wheel centres.
    """
    w, h = size
    car = Image.new("RGBA", size, (0, 0, 0, 0))
    outline = [(10, 380), (30, 250), (90, 215), (420, 180), (640, 30), (1300, 20), (1420, 60),
               (1470, 200), (1480, 380), (1460, 430), (20, 430)]
    body = shape_mask(size, lambda d: d.polygon(outline, fill=255), soften=10)
    body = body.point(lambda v: max(0, min(255, (v - 128) * 6 + 128)))
    paint_ = gradient(size, [(0, (214, 218, 230)), (0.3, (198, 202, 214)), (0.45, (236, 236, 240)),
                             (0.5, (176, 178, 190)), (1, (92, 94, 104))])
    draw = ImageDraw.Draw(paint_)
    # chequered band, two rows, shaded with the body below
    for row, y0 in enumerate((262, 318)):
        for i, x0 in enumerate(range(30, w, 72)):
            colour = (226, 200, 30) if (i + row) % 2 else (32, 132, 66)
            draw.rectangle((x0, y0, x0 + 71, y0 + 55), fill=colour)
    paint_ = ImageChops.multiply(paint_, gradient(size, [(0, (255,) * 3), (0.55, (250,) * 3), (1, (150,) * 3)]))
    car.paste(paint_, (0, 0), body)
    draw = ImageDraw.Draw(car)
    # windows: dark glass with a cool sky reflection, black pillars between
    glass = gradient(size, [(0, (120, 124, 150)), (0.12, (60, 64, 84)), (0.2, (18, 20, 28)), (1, (10, 10, 14))])
    windows = shape_mask(size, lambda d: d.polygon([(450, 190), (655, 48), (1290, 42), (1395, 90),
                                                    (1420, 190)], fill=255), soften=2)
    car.paste(glass, (0, 0), windows)
    sheen = shape_mask(size, lambda d: d.polygon([(700, 190), (860, 44), (1000, 44), (840, 190)], fill=40))
    car.paste((200, 200, 230), (0, 0), ImageChops.multiply(sheen.filter(ImageFilter.GaussianBlur(20)), windows))
    for x0 in (690, 1010, 1270):
        draw.polygon([(x0, 44), (x0 + 34, 44), (x0 + 40, 192), (x0 + 6, 192)], fill=(14, 14, 18, 255))
    # door shut lines, handles, mirror, lamps
    for x0 in (660, 1000, 1300):
        draw.line((x0, 196, x0 - 8, 425), fill=(90, 92, 100, 255), width=3)
    for x0 in (880, 1200):
        draw.rounded_rectangle((x0, 222, x0 + 70, 236), 6, fill=(140, 142, 150, 255))
    draw.polygon([(430, 175), (470, 150), (490, 195), (440, 205)], fill=(196, 198, 208, 255))
    draw.rounded_rectangle((12, 236, 90, 272), 14, fill=(255, 248, 220, 255))
    draw.rounded_rectangle((1450, 100, 1478, 220), 10, fill=(200, 20, 24, 255))
    draw.rectangle((0, 395, 1480, 430), fill=(40, 40, 46, 255))  # sill and bumpers
    # roof light bar
    draw.rounded_rectangle((760, -4, 1180, 24), 10, fill=(30, 34, 40, 255))
    for x0 in (790, 1060):
        draw.rounded_rectangle((x0, -2, x0 + 90, 18), 6, fill=(70, 120, 255, 255))
    # wheel arches and wheels
    wheels = [(250, 430), (1220, 430)]
    for cx, cy in wheels:
        draw.ellipse((cx - 150, cy - 150, cx + 150, cy + 150), fill=(16, 16, 18, 255))
        draw.rectangle((cx - 160, cy + 1, cx + 160, h), fill=(0, 0, 0, 0))
        draw.ellipse((cx - 120, cy - 120, cx + 120, cy + 120), fill=(22, 22, 24, 255))
        rim = gradient((150, 150), [(0, (200, 202, 210)), (1, (90, 92, 100))])
        car.paste(rim, (cx - 75, cy - 75), shape_mask((150, 150), lambda d: d.ellipse((0, 0, 149, 149), fill=255)))
        for k in range(5):
            a = k * 2 * math.pi / 5 + 0.3
            for b in (a - 0.28, a + 0.28):
                draw.line((cx + 28 * math.cos(a), cy + 28 * math.sin(a),
                           cx + 70 * math.cos(b), cy + 70 * math.sin(b)), fill=(40, 40, 46, 255), width=12)
        draw.ellipse((cx - 20, cy - 20, cx + 20, cy + 20), fill=(120, 122, 130, 255))
    return car.filter(ImageFilter.GaussianBlur(1.2)), wheels


def street_triage_car():
    rng = random.Random(2017_10_02)
    w, h = 3000, 2000
    img = gradient((w, h), [(0, (16, 22, 52)), (0.25, (46, 50, 96)), (0.45, (120, 86, 112)),
                            (0.6, (226, 140, 96)), (0.7, (250, 186, 120)), (1, (250, 186, 120))])
    ground = 1300
    img = terrace(img, rng, ground)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, ground - 70, w, ground), fill=(40, 34, 34))  # front garden walls
    img = img.filter(ImageFilter.GaussianBlur(5))  # the camera focused on the car
    draw = ImageDraw.Draw(img)
    pavement = mottle(rng, (w, 170), 6, (66, 66, 72), (96, 96, 102)).filter(ImageFilter.GaussianBlur(2))
    img.paste(pavement, (0, ground))
    for x in range(-40, w, 240):
        draw.line((x, ground, x - 30, ground + 170), fill=(56, 56, 62), width=3)
    draw.rectangle((0, ground + 170, w, ground + 200), fill=(120, 118, 118))  # kerb
    draw.rectangle((0, ground + 170, w, ground + 176), fill=(156, 152, 150))
    road = mottle(rng, (w, h - ground - 200), 4, (28, 28, 32), (48, 48, 54)).filter(ImageFilter.GaussianBlur(1))
    road = ImageChops.multiply(road, gradient(road.size, [(0, (230,) * 3), (1, (150,) * 3)]))
    img.paste(road, (0, ground + 200))
    for y in (ground + 230, ground + 256):  # double yellow lines
        draw.rectangle((0, y, w, y + 12), fill=(168, 140, 40))
    # street lamps and their light
    lamps = [380, 2640]
    for x in lamps:
        draw.rectangle((x - 14, 360, x + 14, ground + 120), fill=(40, 42, 48))
        draw.rectangle((x - 22, 360, x + 150, 380), fill=(40, 42, 48))
        draw.rounded_rectangle((x + 70, 370, x + 190, 400), 10, fill=(255, 236, 190))
    img = glow(img, [((x + 20, 300, x + 240, 470), (255, 200, 120)) for x in lamps], 30)
    img = glow(img, [((x - 300, 150, x + 560, 700), (110, 70, 30)) for x in lamps]
               + [((x - 260, ground - 40, x + 520, ground + 160), (90, 64, 36)) for x in lamps]
               + [((x + 60, ground + 260, x + 200, h), (46, 30, 14)) for x in lamps], 90)
    # the car, with its shadow on the road
    car, wheels = estate_car((1500, 600))
    left, top = 760, 1180
    img.paste((8, 8, 10), (0, 0), shape_mask(img.size, lambda d: d.ellipse(
        (left - 20, top + 520, left + 1520, top + 640), fill=200), soften=30))
    img.paste((4, 4, 6), (0, 0), shape_mask(img.size, lambda d: [d.ellipse(
        (left + x - 150, top + 530, left + x + 150, top + 570), fill=255) for x, _ in wheels], soften=12))
    img.paste(car, (left, top), car)
    lights = [((left + 810, top - 40, left + 900, top + 40), (40, 90, 255)),
              ((left + 1060, top - 40, left + 1150, top + 40), (40, 90, 255)),
              ((left - 10, top + 226, left + 100, top + 282), (255, 240, 200))]
    img = glow(img, lights, 34)
    img = glow(img, [((left + 700, top - 180, left + 1260, top + 160), (20, 40, 120))], 100)
    return finish(img, rng, noise=6.5, vignette=0.3)


# --- 3. the canal at Berkhamsted, early morning -----------------------------

def narrowboat(draw, start, end, height):
    """A narrowboat moored along the far bank, drawn in perspective from stern to bow."""
    (x0, y0), (x1, y1) = start, end
    h0, h1 = height, height * (x1 - 1900) / (x0 - 1900)

    def side(a, b):  # a band of the side between fractions a and b of its height
        return [(x0, y0 - a * h0), (x1, y1 - a * h1), (x1, y1 - b * h1), (x0, y0 - b * h0)]

    draw.polygon(side(0, 0.32), fill=(18, 18, 20))        # black hull
    draw.polygon(side(0.32, 0.38), fill=(150, 36, 30))    # red rubbing strake
    cabin = [(x0 - 40, y0 - 0.38 * h0), (x1 + 30, y1 - 0.38 * h1),
             (x1 + 30, y1 - 1.0 * h1), (x0 - 40, y0 - 1.0 * h0)]
    draw.polygon(cabin, fill=(30, 74, 52))                           # green cabin
    draw.polygon([cabin[3], cabin[2], (x1 + 40, y1 - 1.08 * h1), (x0 - 50, y0 - 1.1 * h0)],
                 fill=(120, 118, 100))                               # roof, catching the light
    for i in range(1, 9):  # portholes and windows along the cabin
        t = i / 9.5
        x, y, hh = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, h0 + (h1 - h0) * t
        draw.rectangle((x - hh * 0.09, y - 0.82 * hh, x + hh * 0.09, y - 0.58 * hh), fill=(210, 200, 160))
        draw.rectangle((x - hh * 0.07, y - 0.80 * hh, x + hh * 0.07, y - 0.60 * hh), fill=(26, 30, 34))


def reflect(img, water_top, ripple, rng):
    """Mirror everything above each column's waterline below it, then ripple the rows."""
    w, h = img.size
    # above the picture, the sky goes on deepening: extend it so the nearest water has something to reflect
    source = Image.new("RGB", (w, 2 * h))
    source.paste(gradient((w, h), [(0, (60, 100, 170)), (1, img.getpixel((0, 0)))]), (0, 0))
    source.paste(img, (0, h))
    mirror = img.copy()
    for x in range(w):
        y = water_top(x)
        column = source.crop((x, 2 * y, x + 1, y + h)).transpose(Image.FLIP_TOP_BOTTOM)
        mirror.paste(column, (x, y))
    rippled = mirror.copy()
    for y in range(h):
        shift = round(ripple * math.sin(y * 0.11 + rng.random() * 0.6) * (y / h) ** 2)
        rippled.paste(mirror.crop((0, y, w, y + 1)), (shift, y))
    return rippled.filter(ImageFilter.GaussianBlur(3))


def dacorum_canal():
    rng = random.Random(2017_06_21)
    w, h = 4032, 3024
    vx, vy = 1900, 1330  # where the canal meets the horizon

    def far_bank(x):  # the far edge of the water, running to the vanishing point
        return round(vy + max(x - vx, 0) * 0.16)

    img = gradient((w, h), [(0, (96, 146, 204)), (0.25, (150, 184, 222)), (0.42, (232, 214, 196)),
                            (0.46, (246, 222, 190)), (1, (246, 222, 190))])
    img = glow(img, [((300, 700, 1700, 1500), (120, 90, 40))], 260)
    clouds(img, rng, [(800, 420, 900, 180), (3000, 300, 1000, 200), (2200, 900, 600, 100)])
    # far hedges and trees, hazier with distance
    trees = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(trees)
    for x in range(0, w + 200, 170):
        d = abs(x - vx) / w
        top = far_bank(x) if x > vx else vy
        size = 120 + 900 * d
        haze = min(1, 0.15 + d * 2)
        dark, light = mix((120, 140, 140), (20, 44, 26), haze), mix((170, 184, 160), (110, 150, 70), haze)
        foliage(draw, rng, (x, top - size * 0.45), (size * 0.7, size * 0.6), dark, light, leaves=1400)
    img.paste(trees.filter(ImageFilter.GaussianBlur(2.5)), (0, 0), trees.filter(ImageFilter.GaussianBlur(2.5)))
    draw = ImageDraw.Draw(img)
    # far bank grass, the boat moored against it
    draw.polygon([(vx, vy), (w, far_bank(w)), (w, far_bank(w) - 200), (vx, vy - 8)], fill=(70, 100, 44))
    narrowboat(draw, (3900, far_bank(3900)), (2700, far_bank(2700)), 300)
    # water: reflection of all the above, darkened and tinted green-brown
    water = reflect(img, lambda x: far_bank(x), 14, rng)
    water = ImageChops.multiply(water, gradient((w, h), [(0, (150, 150, 140)), (0.45, (170, 168, 150)),
                                                         (1, (110, 116, 100))]))
    water_mask = shape_mask(img.size, lambda d: d.polygon(
        [(vx, vy), (w, far_bank(w)), (w, h), (1500, h)], fill=255), soften=3)
    paint(img, water, water_mask)
    streaks = shape_mask(img.size, lambda d: [d.line((x, y, x + rng.randint(80, 400), y), fill=34, width=4)
                                              for x, y in ((rng.randint(vx, w), rng.randint(vy + 40, h))
                                                           for _ in range(90))], soften=3)
    paint(img, (230, 226, 210), ImageChops.multiply(streaks, water_mask))
    # near bank: grass verge, towpath, grass to the left, all rising towards us
    grass = mottle(rng, (w, h), 5, (44, 72, 26), (120, 150, 62)).filter(ImageFilter.GaussianBlur(1.5))
    grass = ImageChops.multiply(grass, gradient((w, h), [(0, (200,) * 3), (0.5, (225,) * 3), (1, (255,) * 3)]))
    paint(img, grass, shape_mask(img.size, lambda d: d.polygon([(0, vy), (vx, vy), (1500, h), (0, h)], fill=255)))
    hedge = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(hedge)
    for i in range(60):  # a hawthorn hedge on the left, shrinking towards the vanishing point
        t = (i / 60) ** 1.6
        x = t * vx
        height = (1 - t) * 1300 + 40
        foliage(draw, rng, (x, vy - height * 0.25), (height * 0.35 + 20, height * 0.5), (10, 24, 10),
                (110, 140, 60), leaves=500)
    hedge = hedge.filter(ImageFilter.GaussianBlur(2))
    paint(img, (16, 30, 12), shape_mask(img.size, lambda d: d.polygon(
        [(0, vy + 300), (vx, vy), (0, vy + 700)], fill=150), soften=40))  # its shadow on the grass
    img.paste(hedge, (0, 0), hedge)
    path = mottle(rng, (w, h), 3, (120, 104, 82), (190, 172, 140)).filter(ImageFilter.GaussianBlur(1.2))
    paint(img, path, shape_mask(img.size, lambda d: d.polygon(
        [(vx - 20, vy), (vx, vy), (1150, h), (250, h)], fill=255), soften=4))
    paint(img, (34, 44, 24), shape_mask(img.size, lambda d: d.line((vx, vy, 1500, h), fill=160, width=14),
                                         soften=6))  # the bank edge in shadow
    return finish(img, rng, noise=2.5, vignette=0.25, blur=1.0)


def main():
    pillow_heif.register_heif_opener()
    OUT.mkdir(parents=True, exist_ok=True)
    written = [save_jpeg(rainbow_flag_office(), "rainbow-flag-office.jpg"),
               save_jpeg(street_triage_car(), "street-triage-car.jpg"),
               save_heic(dacorum_canal(), "dacorum-canal.heic")]
    for path in written:
        print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
