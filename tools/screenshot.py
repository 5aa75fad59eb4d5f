"""Screenshots of built pages in Debian's Chromium, for a person to look at.

    .venv/bin/python tools/screenshot.py OUTPUT_DIR SHOTS_DIR /news/ /contact/ ...

Each path is shot at 320 px and 1280 px wide (full page) into SHOTS_DIR.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from local_chromium import CHROMIUM, CHROMIUM_ARGS, serve



def main(site_dir, shots_dir, paths):
    Path(shots_dir).mkdir(parents=True, exist_ok=True)
    with serve(site_dir) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for width in (320, 1280):
            page = browser.new_page(viewport={"width": width, "height": 800})
            for path in paths:
                page.goto(base + path)
                name = path.strip("/").replace("/", "_") or "home"
                target = Path(shots_dir) / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
