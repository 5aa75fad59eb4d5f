"""axe-core on every built page, at a desktop and a 320 px phone width: zero violations.

WCAG 2.0, 2.1 and 2.2 A and AA rules plus axe's best practices. axe has no
`wcag22a` tag: WCAG 2.2's only new A/AA rule in axe is target-size, tagged wcag22aa.
No rule is turned off.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice",
    ]},
    "resultTypes": ["violations"],
}

AXE = Axe()


def violations_on(page, url):
    page.goto(url)
    return AXE.run(page, options=AXE_OPTIONS).response["violations"]


def describe(path, violation):
    targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"])
    return (f"{path}: {violation['id']} ({violation['impact']}) {violation['help']}\n"
            f"    targets: {targets}\n    help: {violation['helpUrl']}")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["wide_page", "narrow_page"])
def test_every_page_has_no_axe_violations(site, viewport, request):
    page = request.getfixturevalue(viewport)
    problems = [describe(path, v) for path in site.paths
                for v in violations_on(page, site.url(path))]
    assert len(site.paths) > 10, f"too few pages were built to check: {site.paths}"
    assert not problems, (f"{len(problems)} axe violations at {page.viewport_size['width']} px:\n"
                          + "\n".join(problems))
