"""Writes the web editor into output/admin/: Decap CMS, its configuration made from the
content model (config.py), and editor.js, our own part of it (file names, front
matter, previews). Served from the site itself: no CDN, nothing from another origin.
"""

import json
import logging
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from district_days.districts import parse_districts
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pelican import signals
from site_core import (
    CONTENT_TYPES, STARTER_KEYS, BuildState, connect_when_site_is_written, fields_of,
    public_base_url,
)
from site_core.fields import SUMMARY_MAX
from site_core.text import APOSTROPHES, fold_character

from .config import editor_config

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
PROJECT = HERE.parent.parent
DEFAULTS = {
    "EDITOR": True,  # False: no /admin/
    "EDITOR_FOLDER": "admin",
    "EDITOR_REPO": None,  # "owner/name" of the GitHub repository the editor commits to
    "EDITOR_BRANCH": "main",
    "EDITOR_AUTH_URL": None,  # the OAuth service for GitHub sign-in (README: the editor)
    "EDITOR_LOCAL_SERVER": "http://localhost:8081/api/v1",  # make cms's decap-server
    "EDITOR_DECAP_DIR": str(PROJECT / "node_modules" / "decap-cms" / "dist"),
    "EDITOR_YAML_DIR": str(PROJECT / "node_modules" / "yaml" / "browser" / "dist"),
    "CONTENT_CHECKS_SUMMARY_MAX": SUMMARY_MAX,  # the content checks' setting, read here too
}
# Only what the editor needs. Decap injects its styles at run time ('unsafe-inline'
# styles) and compiles its config schema with new Function ('unsafe-eval'); it talks to
# GitHub's API (or to decap-server on localhost), and shows and reads an uploaded
# picture from a blob: URL (connect-src, when it saves it).
EDITOR_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https://avatars.githubusercontent.com "
    "https://raw.githubusercontent.com; font-src 'self'; "
    "connect-src 'self' blob: {local} https://api.github.com; frame-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


@dataclass
class Build:
    topics: set = field(default_factory=set)


_build = BuildState(lambda settings: Build())


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def transliteration():
    """What site_core's slugify folds each non-ASCII letter or digit of the Latin, Greek
    and Cyrillic alphabets into, after splitting accents off (NFKD), for slug.js's copy
    of it (a browser has no unidecode). slug.js then lower-cases and joins, as slugify does."""
    table = {}
    for code in range(0x80, 0x530):
        character = chr(code)
        if unicodedata.category(character)[0] in "LN" and not unicodedata.combining(character):
            table[character] = fold_character(character)
    return table


def editor_data(districts):
    """What editor.js needs to know of the content model."""
    return {
        "starterKeys": STARTER_KEYS,
        "listKeys": {content_type.kind: [f.key for f in fields_of(content_type)
                                         if f.kind in ("list", "choices")]
                     for content_type in CONTENT_TYPES},
        "dated": {content_type.kind: content_type.dated for content_type in CONTENT_TYPES},
        "districtSlugs": {district.name: district.slug for district in districts},
        "apostrophes": APOSTROPHES,
        "transliteration": transliteration(),
    }


def read_districts(content_path):
    path = Path(content_path) / "data" / "districts.yml"
    try:
        districts, _ = parse_districts(path.read_text(encoding="utf-8"))
    except OSError:
        return []  # district_days reports a missing file
    return districts


def collect_topics(generator):
    _build.current.topics.update(tag.name for tag in generator.tags)


def write_editor(pelican):
    settings = pelican.settings
    if not setting(settings, "EDITOR"):
        return
    decap = Path(setting(settings, "EDITOR_DECAP_DIR"))
    yaml_lib = Path(setting(settings, "EDITOR_YAML_DIR"))
    if not (decap / "decap-cms.js").is_file() or not (yaml_lib / "index.js").is_file():
        logger.warning("editor: the web editor (/admin/) is left out: Decap CMS is not "
                       "installed in node_modules. Fix: run `make node-deps` (or `npm ci`)")
        return
    folder = Path(pelican.output_path) / setting(settings, "EDITOR_FOLDER")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for script in decap.glob("*decap-cms.js"):  # the bundle and the parts it loads later
        shutil.copy2(script, folder / script.name)
    shutil.copytree(yaml_lib, folder / "vendor" / "yaml",
                    ignore=shutil.ignore_patterns("*.map", "*.d.ts"))
    for name in ("editor.js", "slug.js", "a11y.js", "manual-init.js", "editor.css"):
        shutil.copy2(HERE / "static" / name, folder / name)

    districts = read_districts(settings["PATH"])
    config = editor_config(
        districts=[district.name for district in districts],
        topics=sorted(_build.current.topics, key=str.casefold),
        summary_max=setting(settings, "CONTENT_CHECKS_SUMMARY_MAX"),
        repo=setting(settings, "EDITOR_REPO") or "owner/repository",
        branch=setting(settings, "EDITOR_BRANCH"),
        site_url=public_base_url(settings),
        auth_url=setting(settings, "EDITOR_AUTH_URL"),
        local_server=setting(settings, "EDITOR_LOCAL_SERVER"),
    )
    (folder / "config.yml").write_text(
        "# Made by plugins/editor from the content model at every build: do not edit.\n"
        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=1000),
        encoding="utf-8")
    environment = Environment(loader=FileSystemLoader(HERE / "static"),
                              autoescape=select_autoescape(["html"]))
    page = environment.get_template("index.html").render(
        sitename=settings.get("SITENAME", ""),
        csp=editor_csp(settings),
        data=json.dumps(editor_data(districts), ensure_ascii=False).replace("</", "<\\/"),
    )
    (folder / "index.html").write_text(page, encoding="utf-8")


def headers_block(folder, csp):
    """The editor's part of output/_headers (hosts such as Cloudflare Pages and Netlify):
    "! Content-Security-Policy" drops the site-wide policy, which would block the editor,
    before giving the editor's own."""
    return (f"\n/{folder}/*\n  ! Content-Security-Policy\n"
            f"  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
            "  X-Robots-Tag: noindex\n")


def add_to_headers_file(pelican):
    settings = pelican.settings
    headers = Path(pelican.output_path) / settings.get("SECURITY_HEADERS_FILE", "_headers")
    folder = Path(pelican.output_path) / setting(settings, "EDITOR_FOLDER")
    if not setting(settings, "EDITOR") or not headers.is_file() or not folder.is_dir():
        return
    with headers.open("a", encoding="utf-8") as file:
        file.write(headers_block(setting(settings, "EDITOR_FOLDER"), editor_csp(settings)))


def editor_csp(settings):
    return EDITOR_CSP.format(local=setting(settings, "EDITOR_LOCAL_SERVER").split("/api/")[0])


def register():
    # article_generator_finalized: every tag of the site is known, for the topic choices.
    signals.article_generator_finalized.connect(collect_topics)
    # finalized: the output folder exists; the editor is not a page Pelican renders.
    signals.finalized.connect(write_editor)
    # After security_headers has written _headers, whatever the order of PLUGINS.
    connect_when_site_is_written(add_to_headers_file)
