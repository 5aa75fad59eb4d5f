"""Reflow and text resize, on every page.

WCAG 1.4.10: at 320 CSS px (a phone, or 1280 px zoomed to 400%) nothing scrolls
sideways. WCAG 1.4.4: text at 200% loses nothing: no sideways scroll, no text cut off
by a box too small for it, no links in the header drawn over one another.
"""

import pytest

# Elements that stick out to the right of the viewport, outside any box that scrolls
# on its own (a wide table may scroll inside .pcc-table-wrap; the page may not).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const scrollsItself = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
      if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true;
    return false;
  };
  const offenders = [...document.body.querySelectorAll('*')]
    .filter(el => el.getBoundingClientRect().right > width + 1 && !scrollsItself(el))
    .filter(el => ![...el.children].some(c => c.getBoundingClientRect().right > width + 1));
  return {scrollWidth: document.documentElement.scrollWidth, width,
          offenders: offenders.slice(0, 5).map(el => el.outerHTML.slice(0, 120))};
}"""

# Boxes that cut their own text off: overflow hidden or clip, and content larger than the box.
# .pcc-visually-hidden is clipped on purpose: its text is for screen readers only.
CLIPPED = """() => [...document.body.querySelectorAll('*')].filter(el => {
    if (el.closest('.pcc-visually-hidden') || !el.innerText || !el.innerText.trim()) return false;
    const s = getComputedStyle(el);
    const clips = v => v === 'hidden' || v === 'clip';
    return (clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
        || (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1)
        || (s.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1);
  }).map(el => el.outerHTML.slice(0, 120))"""

# Links and controls in the header whose boxes overlap: text drawn over text.
OVERLAPPING = """() => {
  const items = [...document.querySelectorAll('header a, header button, header input, header label')];
  const boxes = items.map(el => el.getBoundingClientRect());
  const pairs = [];
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (items[i].contains(items[j]) || items[j].contains(items[i])) continue;
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
      pairs.push(`${items[i].outerHTML.slice(0, 60)} / ${items[j].outerHTML.slice(0, 60)}`);
  }
  return pairs;
}"""


def sideways_scroll(page):
    found = page.evaluate(OVERFLOWING)
    if found["scrollWidth"] > found["width"]:
        return (f"scrolls sideways: {found['scrollWidth']} px wide in a {found['width']} px "
                f"viewport; sticking out: {found['offenders']}")
    return None


@pytest.mark.browser
def test_no_page_scrolls_sideways_at_320px(site, narrow_page):
    problems = []
    for path in site.paths:
        narrow_page.goto(site.url(path))
        if problem := sideways_scroll(narrow_page):
            problems.append(f"{path}: {problem}")
    assert not problems, "Pages that scroll sideways at 320 px:\n" + "\n".join(problems)


@pytest.mark.browser
def test_text_at_200_percent_loses_nothing(site, wide_page):
    problems = []
    for path in site.paths:
        wide_page.goto(site.url(path))
        # Text-only zoom, as a browser's "zoom text only" or a larger default font does it.
        wide_page.evaluate("document.documentElement.style.fontSize = '200%'")
        if problem := sideways_scroll(wide_page):
            problems.append(f"{path}: {problem}")
        problems += [f"{path}: text cut off in {html}" for html in wide_page.evaluate(CLIPPED)]
        problems += [f"{path}: header items overlap: {pair}" for pair in wide_page.evaluate(OVERLAPPING)]
    assert not problems, "Text at 200% loses something:\n" + "\n".join(problems)


@pytest.mark.browser
def test_the_reflow_checks_catch_a_wide_and_a_clipped_box(fresh_page):
    """The checks can fail: a fixed-width box and a box that hides its text's overflow."""
    page = fresh_page(320)
    page.set_content('<main><p style="width: 500px">wide</p>'
                     '<p style="width: 50px; height: 1em; overflow: hidden">clipped text here</p></main>')
    assert sideways_scroll(page).startswith("scrolls sideways: 508 px wide in a 320 px viewport")
    assert page.evaluate(CLIPPED) == [
        '<p style="width: 50px; height: 1em; overflow: hidden">clipped text here</p>']
