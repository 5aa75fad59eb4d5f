"""Screenshots of built pages in Debian's Chromium, for a person to look at.

    .venv/bin/python tools/screenshot.py OUTPUT_DIR SHOTS_DIR /news/ /contact/ ...

Each path is shot at 320 px and 1280 px wide (full page) into SHOTS_DIR.
"""

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def main(site_dir, shots_dir, paths):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    Path(shots_dir).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
