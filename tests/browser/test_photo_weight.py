"""What a phone downloads for a press release with a 12-megapixel lead photo, measured
in Chromium at 320 px (a phone with a 2x screen, as most are) with the transferred bytes
of every request: the largest file under 60 KB and the whole page under 150 KB. The
local server does not compress, so the HTML and CSS count at full size: a stricter
measure than the live site, which is served gzipped."""

import re

import pytest
from PIL import Image, ImageDraw, ImageFilter

from conftest import build_site, copy_content, give_lead_photo
from local_chromium import serve

RELEASE = "news/2017-04-05-street-triage-pilot.md"
PAGE = "/news/2017/street-triage-pilot/"
LARGEST_FILE = 60 * 1024
WHOLE_PAGE = 150 * 1024


def twelve_megapixel_photo(path):
    """4000 x 3000, with what makes a photo costly to compress: soft shapes, sharp edges
    and sensor grain over all of it."""
    light = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    scene = Image.blend(light, Image.new("RGB", light.size, (70, 120, 180)), 0.6)
    draw = ImageDraw.Draw(scene)
    for n in range(40):
        x, y = (n * 397) % 3800, (n * 233) % 2800
        draw.ellipse((x, y, x + 300 + n * 7, y + 200 + n * 5), fill=(40 + n * 5, 90, 200 - n * 3))
        draw.rectangle((y % 3500, x % 2600, y % 3500 + 160, x % 2600 + 420), fill=(230, 220, 40))
    scene = scene.filter(ImageFilter.GaussianBlur(3))
    grain = Image.effect_noise(scene.size, 18).convert("RGB")
    Image.blend(scene, grain, 0.12).save(path, quality=92)


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("photo-weight")
    content = copy_content(tmp)
    twelve_megapixel_photo(content / "images" / "2017" / "street-triage-team.jpg")
    release = content / RELEASE
    give_lead_photo(release, "images/2017/street-triage-team.jpg",
                    "The Street Triage team beside their car")
    result = build_site(content, tmp / "out", extra_settings={
        "SEARCH_INDEX": False, "PHOTOS_CACHE": str(tmp / "cache")})
    assert result.ok, result.log
    with serve(result.output) as base_url:
        yield base_url


def transferred(browser, url, scale):
    """(url, bytes) of every request the page makes at 320 px, the page itself first."""
    context = browser.new_context(viewport={"width": 320, "height": 640},
                                  device_scale_factor=scale, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # a lazy image near the fold has its chance to start
        return page.evaluate("""() => performance.getEntriesByType("navigation")
            .concat(performance.getEntriesByType("resource"))
            .map(entry => [entry.name, entry.transferSize])""")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scale", [1, 2])
def test_a_phone_downloads_little_for_a_12_megapixel_lead_photo(photo_site, browser, scale):
    requests = transferred(browser, photo_site + PAGE, scale)
    report = "\n".join(f"{size / 1024:7.1f} KB  {url}" for url, size in requests)
    photos = [url for url, _ in requests if "street-triage-team-" in url]
    assert len(photos) == 1 and photos[0].endswith(".avif"), report  # one copy, the best format
    assert all(size > 0 for _, size in requests), report  # each really fetched, not cached
    largest = max(size for _, size in requests)
    assert largest < LARGEST_FILE, f"largest file {largest / 1024:.1f} KB:\n{report}"
    total = sum(size for _, size in requests)
    assert total < WHOLE_PAGE, f"whole page {total / 1024:.1f} KB:\n{report}"
    print(f"\n{PAGE} at 320 px, {scale}x: {total / 1024:.1f} KB in all\n{report}")


@pytest.mark.browser
@pytest.mark.parametrize("width, scale", [(320, 2), (768, 1), (1280, 1), (1280, 2)])
def test_the_lead_photo_is_sharp_and_no_larger_than_needed(photo_site, browser, width, scale):
    context = browser.new_context(viewport={"width": width, "height": 800},
                                  device_scale_factor=scale)
    try:
        page = context.new_page()
        page.goto(photo_site + PAGE, wait_until="load")
        shown, source = page.evaluate("""() => {
            const img = document.querySelector(".pcc-figure img");
            return [img.clientWidth, img.currentSrc]; }""")
    finally:
        context.close()
    chosen = int(re.search(r"-(\d+)\.\w+$", source)[1])  # naturalWidth would divide by 2x
    needed = min(shown * scale, 1600)  # 1600 px: the widest copy made
    assert needed <= chosen < 2 * needed, f"shown {shown} px at {scale}x, copy {chosen} px wide"
