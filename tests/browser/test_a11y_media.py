"""High contrast (`forced-colors: active`) and `prefers-reduced-motion: reduce`, emulated
in Chromium: links stay readable against their background and keyboard focus stays
visible. In forced colours the browser drops box shadows and replaces backgrounds with
the system's, so the focus indicator must be an outline there.
"""

import pytest

# Every link's text colour against the colour actually behind it, as a WCAG contrast ratio.
LINK_CONTRASTS = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = c => {
    const [r, g, b] = rgb(c).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const backgroundOf = el => {
    for (let a = el; a; a = a.parentElement) {
      const c = getComputedStyle(a).backgroundColor;
      if (rgb(c).length < 4 || rgb(c)[3] > 0) return c;
    }
    return canvas;
  };
  // Behind everything: the system's Canvas colour (white, unless forced colours say otherwise).
  const probe = document.body.appendChild(document.createElement('div'));
  probe.style.backgroundColor = 'Canvas';
  const canvas = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return [...document.querySelectorAll('a[href]')]
    .filter(a => a.checkVisibility() && !a.closest('.pcc-visually-hidden')
                 && a.getBoundingClientRect().left >= 0)
    .map(a => {
      const [l1, l2] = [luminance(getComputedStyle(a).color), luminance(backgroundOf(a))];
      return {link: a.outerHTML.slice(0, 100),
              ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)};
    });
}"""

# The focused element draws a visible outline, or (outside forced colours) a background
# or shadow of its own that it does not have unfocused.
FOCUS_LOOK = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  return {name: el.outerHTML.slice(0, 100),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
                   && s.outlineColor !== 'rgba(0, 0, 0, 0)',
          shadow: s.boxShadow !== 'none', background: s.backgroundColor};
}"""

MEDIA = {
    "forced-colors": {"forced_colors": "active"},
    "reduced-motion": {"reduced_motion": "reduce"},
}


def unreadable_links(page, path):
    return [f"{path}: link contrast {found['ratio']:.1f}:1 in {found['link']}"
            for found in page.evaluate(LINK_CONTRASTS) if found["ratio"] < 4.5]


def invisible_focus(page, path, forced):
    """Tab through the page; every focused element must show an indicator."""
    unfocused_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    problems = []
    for _ in range(300):
        page.keyboard.press("Tab")
        look = page.evaluate(FOCUS_LOOK)
        if look is None:
            break
        shown = look["outline"] if forced else (
            look["outline"] or look["shadow"] or look["background"] != unfocused_background)
        if not shown:
            problems.append(f"{path}: no visible focus on {look['name']}")
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("media", MEDIA)
def test_links_stay_readable_on_every_page(site, fresh_page, media):
    page = fresh_page()
    page.emulate_media(**MEDIA[media])
    problems = []
    for path in site.paths:
        page.goto(site.url(path))
        problems += unreadable_links(page, path)
    assert not problems, f"Links hard to read with {media}:\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("media", MEDIA)
@pytest.mark.parametrize("page_type", ["home", "press release", "contact", "FAQ", "search"])
def test_focus_stays_visible(site, fresh_page, media, page_type):
    path = site.of_type(page_type)
    page = fresh_page()
    page.emulate_media(**MEDIA[media])
    page.goto(site.url(path))
    problems = invisible_focus(page, path, forced=media == "forced-colors")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_nothing_moves_when_reduced_motion_is_asked_for(site, fresh_page):
    page = fresh_page()
    page.emulate_media(reduced_motion="reduce")
    moving = []
    for path in site.paths:
        page.goto(site.url(path))
        moving += [f"{path}: {what}" for what in page.evaluate("""() => [
            ...document.getAnimations().map(a => 'animation on ' + a.effect.target.outerHTML.slice(0, 80)),
            ...[...document.querySelectorAll('*')].filter(el => {
                const s = getComputedStyle(el);
                return s.transitionDuration.split(',').some(d => parseFloat(d) > 0.01)
                    || s.scrollBehavior === 'smooth'; }).map(el => 'transition on ' + el.outerHTML.slice(0, 80))]""")]
    assert not moving, "Motion despite prefers-reduced-motion:\n" + "\n".join(moving)


@pytest.mark.browser
def test_the_media_checks_catch_a_faint_link_and_a_hidden_focus(fresh_page):
    page = fresh_page()
    page.emulate_media(forced_colors="active")
    page.set_content('<style>a { color: #ccc } a:focus { outline: none }</style>'
                     '<main><a href="/faint/">faint</a></main>')
    page.emulate_media(forced_colors="none")
    assert unreadable_links(page, "/t/") == ['/t/: link contrast 1.6:1 in <a href="/faint/">faint</a>']
    page.emulate_media(forced_colors="active")
    assert invisible_focus(page, "/t/", forced=True) == [
        '/t/: no visible focus on <a href="/faint/">faint</a>']
