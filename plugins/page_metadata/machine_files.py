"""robots.txt, and which built pages ask not to be indexed (left out of sitemap.xml)."""

import os
import re

# As theme/templates/partials/meta.html and redirect.html write it.
NOINDEX = re.compile(r"""<meta\s+name=["']robots["']\s+content=["'][^"']*noindex""")


def noindex_checker(output_path, siteurl):
    """A function telling whether the built page at a sitemap <loc> asks not to be indexed."""
    def is_noindex(loc):
        path = loc[len(siteurl):] if siteurl and loc.startswith(siteurl) else loc
        path = path.lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        try:
            with open(os.path.join(output_path, path), encoding="utf-8") as file:
                head = file.read().split("</head>", 1)[0]
        except OSError:
            return False
        return NOINDEX.search(head) is not None
    return is_noindex


def robots_txt(sitemap_url):
    """Every crawler may read everything; the sitemap says where it all is."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"
