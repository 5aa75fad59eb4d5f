"""Every page's Content-Security-Policy stops an injected inline script, and no page
asks anything of another site."""

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

INJECTED = b"<script>document.documentElement.dataset.injected = 'ran'</script>"


def test_csp_blocks_an_injected_inline_script_on_every_page(site, fresh_page):
    page = fresh_page()

    def inject(route):
        response = route.fetch()
        body = response.body()
        if "text/html" in response.headers.get("content-type", ""):
            body = body.replace(b"</body>", INJECTED + b"</body>", 1)
        route.fulfill(response=response, body=body)

    page.route("**/*", inject)
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    ran = []
    for path in site.paths:
        page.goto(site.url(path))
        assert page.evaluate("document.body.innerHTML.includes(\"dataset.injected = 'ran'\")"), (
            f"{path}: the test failed to inject its script")
        if page.evaluate("document.documentElement.dataset.injected") == "ran":
            ran.append(path)
    assert not ran, "an injected inline script ran on:\n" + "\n".join(ran)
    assert violations, "Chromium reported no CSP violation, so the policy was not applied"


def test_no_page_requests_anything_from_another_site(site, fresh_page):
    page = fresh_page()
    own_host = urlparse(site.base_url).netloc
    foreign = []
    page.on("request", lambda request: foreign.append(f"{page.url} -> {request.url}")
            if urlparse(request.url).netloc not in (own_host, "") else None)
    for path in site.paths:
        page.goto(site.url(path), wait_until="networkidle")
    assert not foreign, "third-party requests:\n" + "\n".join(foreign)
