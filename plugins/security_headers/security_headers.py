"""The site's security policy, in one place for the pages and for the host.

Pages carry it as `<meta>` tags (partials/security.html). Hosts that read a `_headers`
file (Netlify, Cloudflare Pages) also get it as real HTTP headers, with the parts a
`<meta>` tag cannot carry (frame-ancestors, nosniff). GitHub Pages ignores `_headers`.
"""

from pathlib import Path

from pelican import signals

DEFAULTS = {
    # 'wasm-unsafe-eval' lets the search page run Pagefind's WebAssembly; no inline
    # script or style, no other origin.
    "CONTENT_SECURITY_POLICY": (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'"
    ),
    "REFERRER_POLICY": "strict-origin-when-cross-origin",
    "SECURITY_HEADERS_FILE": "_headers",
}


def headers_file_text(csp, referrer_policy):
    return (
        "/*\n"
        f"  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
        f"  Referrer-Policy: {referrer_policy}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()\n"
    )


def set_defaults(pelican):
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def write_headers_file(pelican):
    settings = pelican.settings
    name = settings["SECURITY_HEADERS_FILE"]
    if not name:
        return
    text = headers_file_text(settings["CONTENT_SECURITY_POLICY"], settings["REFERRER_POLICY"])
    (Path(pelican.output_path) / name).write_text(text, encoding="utf-8")


def register():
    # initialized: defaults go in before templates read the settings.
    signals.initialized.connect(set_defaults)
    # finalized: the output folder exists and holds the site.
    signals.finalized.connect(write_headers_file)
