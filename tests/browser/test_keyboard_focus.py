"""Keyboard: the skip link comes first and works; on every page, Tab reaches every link
and control, in the order of the page, and each shows a visible focus indicator.

Focus is moved by real Tab key presses in Chromium, never by calling `focus()`.
"""

import pytest

# Everything a keyboard user can reach: the same list Tab must walk through.
SNAPSHOT_FOCUSABLES = """() => {
  // Links and controls count even when tabindex="-1" takes them out of the Tab order:
  // that is the fault to find. Other elements count when a tabindex puts them in it.
  const controls = 'a[href], area[href], button, input:not([type=hidden]), select, textarea,'
    + ' summary, iframe, [contenteditable=""], [contenteditable="true"]';
  const focusables = [...document.querySelectorAll(controls + ', [tabindex]')].filter(el =>
    (el.matches(controls) || el.tabIndex >= 0) && !el.disabled && !el.closest('[inert]')
    && el.checkVisibility({visibilityProperty: true}));
  const look = el => {
    const s = getComputedStyle(el);
    return {outline: s.outlineStyle === 'none' || s.outlineColor === 'rgba(0, 0, 0, 0)'
              || parseFloat(s.outlineWidth) === 0 ? 'none'
              : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            boxShadow: s.boxShadow, background: s.backgroundColor};
  };
  const name = el => `<${el.tagName.toLowerCase()}> "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 60)}"`
    + (el.getAttribute('href') ? ` -> ${el.getAttribute('href')}` : '');
  window.__pcc = {focusables, look, name, unfocused: focusables.map(look)};
  return focusables.map(name);
}"""

# Where focus is now: which of the focusables, what it looks like, and whether it is on screen.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const index = window.__pcc.focusables.indexOf(el);
  const box = el.getBoundingClientRect();
  return {index, name: window.__pcc.name(el), look: window.__pcc.look(el),
          unfocused: index >= 0 ? window.__pcc.unfocused[index] : null,
          onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
                    && box.top < innerHeight && box.left < innerWidth};
}"""

# A visible indicator is an outline, a shadow or a background that only focus brings.
# A change of text colour or underline alone is too slight to count (WCAG 2.4.7, 2.4.11).
INDICATORS = ("outline", "boxShadow", "background")


def tab_through(page, url):
    """Press Tab from the top of the page until focus leaves it; return what it found."""
    page.goto(url)
    if page.evaluate("document.scripts.length"):
        page.wait_for_load_state("networkidle")  # let a script (search) finish building the page
    expected = page.evaluate(SNAPSHOT_FOCUSABLES)
    visited = []
    for _ in range(len(expected) + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (visited and focused["index"] == visited[0]["index"] >= 0):
            break
        visited.append(focused)
    return expected, visited


def focus_problems(path, expected, visited):
    problems = []
    order = [v["index"] for v in visited]
    if order != list(range(len(expected))):
        reached = [v["name"] for v in visited]
        missed = [name for i, name in enumerate(expected) if i not in order]
        problems.append(f"{path}: Tab does not visit every link and control in page order.\n"
                        f"    expected: {expected}\n    reached:  {reached}\n    missed: {missed}")
    for v in visited:
        if not v["onScreen"]:
            problems.append(f"{path}: {v['name']} is focused off screen")
        elif v["unfocused"] and all(v["look"][k] == v["unfocused"][k] for k in INDICATORS):
            problems.append(f"{path}: {v['name']} shows no focus indicator "
                            f"(outline, shadow and background unchanged: {v['look']})")
    return problems


@pytest.mark.browser
def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main(site, fresh_page):
    page = fresh_page()
    page.goto(site.url("/"))
    page.keyboard.press("Tab")
    focused = page.evaluate(SNAPSHOT_FOCUSABLES) and page.evaluate(FOCUSED)
    assert focused["name"] == '<a> "Skip to main content" -> #main-content'
    assert focused["onScreen"], "the skip link stays off screen when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # The next Tab goes on from inside main, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main, footer')")


@pytest.mark.browser
def test_every_page_tab_reaches_every_control_in_order_with_a_visible_focus(site, wide_page):
    problems = []
    for path in site.paths:
        problems += focus_problems(path, *tab_through(wide_page, site.url(path)))
    assert not problems, f"{len(problems)} keyboard problems at 1280 px:\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("page_type", ["home", "press release", "District Day", "contact",
                                       "FAQ", "search"])
def test_on_a_phone_tab_reaches_every_control_with_a_visible_focus(site, fresh_page, page_type):
    path = site.of_type(page_type)
    problems = focus_problems(path, *tab_through(fresh_page(320), site.url(path)))
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_the_focus_check_catches_a_hidden_indicator_and_an_unreachable_link(fresh_page):
    """The check can fail: focus styles removed and a link taken out of the Tab order."""
    page = fresh_page()
    page.route("http://pcc.test/", lambda route: route.fulfill(content_type="text/html", body=(
        '<!DOCTYPE html><html lang="en-GB"><title>t</title><style>a:focus { outline: none }</style>'
        '<main><a href="/one/">One</a> <a href="/two/" tabindex="-1">Two</a>'
        ' <a href="/three/">Three</a></main></html>')))
    expected, visited = tab_through(page, "http://pcc.test/")
    problems = focus_problems("/test/", expected, visited)
    assert problems[0].startswith("/test/: Tab does not visit every link")
    assert problems[1:] == [
        '/test/: <a> "One" -> /one/ shows no focus indicator (outline, shadow and background '
        "unchanged: {'outline': 'none', 'boxShadow': 'none', 'background': 'rgba(0, 0, 0, 0)'})",
        '/test/: <a> "Three" -> /three/ shows no focus indicator (outline, shadow and background '
        "unchanged: {'outline': 'none', 'boxShadow': 'none', 'background': 'rgba(0, 0, 0, 0)'})",
    ]
