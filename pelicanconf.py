"""Pelican settings for the Hertfordshire Police and Crime Commissioner's website.

`make html` builds with these; `make publish` adds publishconf.py on top.
The URL scheme here is a promise to the public (see docs/CONTENT_GUIDE.md):
once a URL is published it never changes.
"""

SITENAME = "Hertfordshire Police and Crime Commissioner"
SITE_DESCRIPTION = (
    "News, District Day reports, contact numbers and answers from the office of "
    "the Police and Crime Commissioner for Hertfordshire."
)
SITEURL = ""
# The address the site is published at. Feeds and the sitemap need absolute URLs
# even in a local preview build, so they use this when SITEURL is empty.
SITE_PUBLIC_URL = "https://hertscommissioner.github.io"
AUTHOR = "Office of the Police and Crime Commissioner for Hertfordshire"

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"
LOCALE = ("en_GB.UTF-8", "C.UTF-8", "")
DEFAULT_DATE_FORMAT = "%-d %B %Y"  # 24 May 2017, as GOV.UK writes dates
DEFAULT_DATE = None  # a missing date is an error, never "now"

PLUGIN_PATHS = ["plugins"]
# In any order: no plugin relies on another being listed first
# (tests/plugins/test_plugins_order.py builds the site with them shuffled).
PLUGINS = [
    "site_core",  # the report of every problem, printed at the end of the build
    "pelican.plugins.yaml_metadata",
    "fast_markdown",  # pelican-yaml-metadata's reader, faster (same output)
    "frozen_urls",  # each URL worked out once, before writing (same output)
    "parallel_pages",  # pages rendered on every core (same output)
    "pelican.plugins.sitemap",
    "page_metadata",  # finishes pelican-sitemap's sitemap.xml
    "content_types",
    "release_life",  # scheduled items are held back until their date
    "contact_directory",
    "faq_pages",
    "district_days",
    "transparency",  # the Specified Information Order: duties, registers, deadlines
    "feeds",
    "content_checks",
    "plain_english",  # plain English and house style: warnings only
    "url_stability",
    "security_headers",
    "search_index",  # indexes the finished HTML with Pagefind
    "photos",  # every photo re-encoded at several widths, with nothing private left in it
    "editor",  # the web editor at /admin/ (Decap CMS), configured from the content model
]

# --- Content -----------------------------------------------------------------
ARTICLE_PATHS = ["news", "district-days", "decisions"]
PAGE_PATHS = ["pages", "faq"]
STATIC_PATHS = ["images", "documents"]  # documents: published as they are (plugins/transparency)
ARTICLE_EXCLUDES = []
PAGE_EXCLUDES = []
IGNORE_FILES = [".#*", "*~", "README.md"]
USE_FOLDER_AS_CATEGORY = True  # news/ -> "news", decisions/ -> "decisions", ...
# The slug comes from the file name less its date prefix, never from the title,
# so that mending a headline never moves a page.
FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)"
SLUGIFY_SOURCE = "basename"


def newest_first(article):
    """Newest first; items of the same date by file name. Pelican reads files in no fixed
    order, so without the tie-breaker two builds could list same-day items differently."""
    return (-article.date.timestamp(), article.source_path)


ARTICLE_ORDER_BY = newest_first

# Names shown for the article sections (folder slug -> words).
SECTION_TITLES = {"news": "News", "district-days": "District Days", "decisions": "Decisions"}
# One language, so no translations: two District Days in one district in different
# years share a slug (2016-.../dacorum, 2017-.../dacorum) and must stay two articles.
ARTICLE_TRANSLATION_ID = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
TYPOGRIFY = False  # it wraps capitals in spans and adds about 55% to build time
# Templates do not change during a build: without this Jinja2 checks every template
# file again each time a page includes or imports it (about 4% of a build).
# Pelican makes a new environment for every build, so `make devserver` still sees edits.
# autoescape: what a writer types in front matter (a title, tags, alt text, visits) is
# shown as text, never run as HTML. HTML the site made itself (an item's content, JSON-LD)
# is marked safe where it is made. Pelican adds its own defaults (trim_blocks,
# lstrip_blocks, extensions) to this dict.
JINJA_ENVIRONMENT = {"auto_reload": False, "autoescape": True}

# --- URLs (docs/ARCHITECTURE.md; never change a published one) ------------------
ARTICLE_URL = "{category}/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "topics/{slug}/"
TAG_SAVE_AS = "topics/{slug}/index.html"
TAGS_URL = "topics/"
TAGS_SAVE_AS = "topics/index.html"
INDEX_SAVE_AS = "index.html"
SEARCH_SAVE_AS = "search/index.html"
SEARCH_URL = "search/"
# Pages Pelican would otherwise render with templates we do not want.
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DIRECT_TEMPLATES = ["index", "tags", "search", "404"]
TEMPLATE_PAGES = {}

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"category": None, "tag": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# --- Contact directory (plugins/contact_directory) ------------------------------------
# Published before group anchors were slugs of the group's name ("the-commissioners-office"):
# kept, so that links to /contact/#the-commissioner-s-office still land.
CONTACT_DIRECTORY_GROUP_ANCHORS = {"The Commissioner's office": "the-commissioner-s-office"}

# --- Feeds -------------------------------------------------------------------------
FEED_DOMAIN = SITE_PUBLIC_URL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = "feeds/topics/{slug}.atom.xml"
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = False
# Entry ids are tag URIs under a domain the office held in 2013, never the host the
# site is built for: see plugins/feeds/README.md. Never change these two.
FEEDS_ID_AUTHORITY = "hertscommissioner.org"
FEEDS_ID_DATE = "2013"
FEEDS_ICON = "theme/images/icon.svg"
FEEDS_STYLESHEET = "theme/feed.xsl"

# --- Machine files -----------------------------------------------------------------
SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.7, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
    # Not pages to find: "not found", the search page (its results are not pages), a
    # register's CSV downloads and its sorted copies (they name the table as canonical).
    "exclude": [r"^404\.html$", r"^search/$", r"^transparency/.*\.csv$", r"^transparency/.*/by-[a-z0-9-]+/$"],
}
# --- Web editor (plugins/editor; README: "Writing in the browser") --------------------
EDITOR_REPO = "hertscommissioner/hertscommissioner.github.io"  # where the editor commits
EDITOR_BRANCH = "main"
# The OAuth service that signs writers in with GitHub (one-time set-up in the README).
EDITOR_AUTH_URL = None

# --- Pre-election period (plugins/release_life, README "Pre-election period") ---------
# Before a Police and Crime Commissioner election, what the office may publish is
# restricted. Set the first day of the period and polling day (both included, UK time),
# e.g. PRE_ELECTION_PERIOD = ("2028-03-23", "2028-05-04"): while it lasts every page shows
# a notice, and a release dated inside it is flagged until `pre_election_checked:` says
# who checked it. None when no election is near.
PRE_ELECTION_PERIOD = None

# Search: Pagefind indexes the built site (plugins/search_index). False skips it.
SEARCH_INDEX = True

# Reproducible output: no build-time stamps, stable ordering.
DELETE_OUTPUT_DIRECTORY = False
RELATIVE_URLS = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# --- Theme -------------------------------------------------------------------------
MAIN_MENU = (
    ("News", "/news/"),
    ("District Days", "/district-days/"),
    ("FAQ", "/faq/"),
    ("Contact", "/contact/"),
)
