"""Lighthouse scores of four key pages, on its mobile preset: `make audit`.

    .venv/bin/python tools/audit.py [OUTPUT_DIR]

Builds the real content into a temporary folder (or uses OUTPUT_DIR), serves it on
127.0.0.1 and runs the pinned npm `lighthouse` in Debian's Chromium on the home page,
a press release, an FAQ page and the contact directory. Prints accessibility, best
practices, SEO and performance for each, with the audits that lost points. A report,
not a test: performance moves a little from run to run. Targets: 100, 100, 100, >= 95.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from local_chromium import CHROMIUM, CHROMIUM_ARGS, serve

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM_FLAGS = " ".join(["--headless=new"] + CHROMIUM_ARGS)
CATEGORIES = ["accessibility", "best-practices", "seo", "performance"]
TARGETS = {"accessibility": 100, "best-practices": 100, "seo": 100, "performance": 95}
PAGES = [("home", "/"), ("press release", r"/news/\d{4}/[^/]+/"),
         ("FAQ", "/faq/council-tax/"), ("contact directory", "/contact/")]


def build(output):
    subprocess.run([sys.executable, "-m", "pelican", str(REPO / "content"), "-o", str(output),
                    "-s", str(REPO / "pelicanconf.py"), "--ignore-cache"],
                   cwd=REPO, check=True, capture_output=True)


def find_page(output, pattern):
    paths = ["/" + p.relative_to(output).as_posix().removesuffix("index.html")
             for p in sorted(output.rglob("index.html"))]
    return next((p for p in paths if re.fullmatch(pattern, p)), None)


def lighthouse(url):
    completed = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROMIUM_FLAGS}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
    )
    if completed.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{completed.stderr[-2000:]}")
    return json.loads(completed.stdout)


def lost_points(report, category):
    """Titles of the audits in a category that did not score full marks."""
    refs = report["categories"][category]["auditRefs"]
    return [report["audits"][ref["id"]]["title"] for ref in refs
            if ref["weight"] > 0 and (report["audits"][ref["id"]]["score"] or 0) < 1]


def main(output=None):
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `make browser-deps` (it runs `npm ci`).")
    with tempfile.TemporaryDirectory() as tmp:
        if output is None:
            output = Path(tmp) / "output"
            print(f"Building the site into {output} ...")
            build(output)
        output = Path(output)
        with serve(output) as base:
            report_scores(output, base)


def report_scores(output, base):
    print(f"\nLighthouse (mobile preset) on {base}\n")
    print(f"{'page':<52}" + "".join(f"{c:>16}" for c in CATEGORIES))
    below = []
    for label, pattern in PAGES:
        path = find_page(output, pattern)
        if path is None:
            print(f"{label:<52}  not built: no page matches {pattern}")
            continue
        report = lighthouse(base + path)
        scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
        print(f"{label + ' ' + path:<52}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
        below += [f"  {path} {c} {scores[c]} (target {TARGETS[c]}): "
                  + "; ".join(lost_points(report, c))
                  for c in CATEGORIES if scores[c] < TARGETS[c]]
    print("\n" + ("Below target:\n" + "\n".join(below) if below else "Every score meets its target."))


if __name__ == "__main__":
    main(*sys.argv[1:2])
