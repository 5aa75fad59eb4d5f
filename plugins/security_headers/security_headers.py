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


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def give_templates_the_policy(generator):
    # The context is shared by every generator; the settings themselves stay as written.
    for name in ("CONTENT_SECURITY_POLICY", "REFERRER_POLICY"):
        generator.context.setdefault(name, setting(generator.settings, name))


def write_headers_file(pelican):
    settings = pelican.settings
    name = setting(settings, "SECURITY_HEADERS_FILE")
    if not name:
        return
    text = headers_file_text(setting(settings, "CONTENT_SECURITY_POLICY"),
                             setting(settings, "REFERRER_POLICY"))
    (Path(pelican.output_path) / name).write_text(text, encoding="utf-8")


def register():
    # generator_init: the policy reaches the templates' context before any page is rendered.
    signals.generator_init.connect(give_templates_the_policy)
    # finalized: the output folder exists and holds the site.
    signals.finalized.connect(write_headers_file)
