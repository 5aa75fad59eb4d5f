"""Every page's Content-Security-Policy stops an injected inline script, and no page
asks anything of another site. One pass over the site checks both."""

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

INJECTED = b"<script>document.documentElement.dataset.injected = 'ran'</script>"


@pytest.fixture(scope="module")
def visits(site, browser):
    """Load every page with a script injected before </body>; note what ran and what was asked."""
    context = browser.new_context()
    page = context.new_page()
    own_host = urlparse(site.base_url).netloc
    result = {"ran": [], "not_injected": [], "foreign": [], "csp_reports": 0}

    def inject(route):
        response = route.fetch()
        body = response.body()
        if "text/html" in response.headers.get("content-type", ""):
            body = body.replace(b"</body>", INJECTED + b"</body>", 1)
        route.fulfill(response=response, body=body)

    def note_console(message):
        if "Content Security Policy" in message.text:
            result["csp_reports"] += 1

    page.route("**/*", inject)
    page.on("console", note_console)
    page.on("request", lambda request: result["foreign"].append(f"{page.url} -> {request.url}")
            if urlparse(request.url).netloc not in (own_host, "") else None)
    for path in site.paths:
        page.goto(site.url(path))
        if not page.evaluate("document.body.innerHTML.includes('dataset.injected')"):
            result["not_injected"].append(path)
        if page.evaluate("document.documentElement.dataset.injected") == "ran":
            result["ran"].append(path)
    # A favicon request may still be in flight: let it end quietly with the context.
    page.unroute_all(behavior="ignoreErrors")
    context.close()
    return result


def test_csp_blocks_an_injected_inline_script_on_every_page(visits):
    assert not visits["not_injected"], f"the test could not inject into {visits['not_injected']}"
    assert not visits["ran"], "an injected inline script ran on:\n" + "\n".join(visits["ran"])
    assert visits["csp_reports"], "Chromium reported no CSP violation: was the policy applied?"


def test_no_page_requests_anything_from_another_site(visits):
    assert not visits["foreign"], "third-party requests:\n" + "\n".join(visits["foreign"])
