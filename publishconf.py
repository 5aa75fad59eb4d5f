"""Settings for the published site: `make publish` (CI uses this on merge to main)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", SITE_PUBLIC_URL)  # noqa: F405
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# Pre-compressed .gz and .br copies of text files, for hosts that serve them
# (off in `make html`: a preview has no use for them).
PLUGINS = PLUGINS + ["pelican.plugins.precompress"]  # noqa: F405
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_ZSTANDARD = False
PRECOMPRESS_OVERWRITE = True

# Stop on any content error, after listing every problem (plugins/site_core).
SITE_CORE_FAIL_ON = "errors"
