"""The web editor names new files with its own copy of site_core's slugify
(plugins/editor/static/slug.js): in Chromium, it must give what Python gives, or an item
made in the browser and one made with make new-release would get different addresses."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from site_core import slugify

# Titles as writers type or paste them: Word's quotes and dashes, accents, £, &, digits,
# underscores and tildes (which Decap's own slug rule would keep), other alphabets.
TITLES = [
    "Commissioner’s plan for the Café", "What's new: £1.5m for victims", "Q&A_session ~ 2017",
    "Zoë and Ørjan — “Street Triage”", "Straße", "ŁÓDŹ visit", "Київ", "Ελλάδα",
    "  -- hyphens --  ", "100% up", "...", "Fire & rescue: governance (part 2)",
    "naïve façade", "St Albans' District Day", "Œuvre ǅ ﬁ",
    "0ŉ",  # ŉ decomposes into an apostrophe and n, which slugify spells "-n" (found by Hypothesis)
]
CHARACTERS = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                           max_codepoint=0x52F)


def js_slugs(page, base_url, titles):
    data = editor_data(page, base_url)
    page.goto(base_url + "/404.html")  # any page of the site's origin, to import from
    return page.evaluate(
        """async ([titles, data]) => {
             const { makeSlugify } = await import("/admin/slug.js");
             const slugify = makeSlugify(data);
             return titles.map(slugify);
           }""",
        [titles, data],
    )


def editor_data(page, base_url):
    """The content model the editor's page gives editor.js (transliteration, apostrophes)."""
    html = page.request.get(base_url + "/admin/").text()
    start = html.index('id="editor-data">') + len('id="editor-data">')
    return json.loads(html[start:html.index("</script>", start)])


def test_the_editors_slugs_are_site_cores(site, wide_page):
    assert js_slugs(wide_page, site.base_url, TITLES) == [slugify(t) for t in TITLES]


@settings(max_examples=40, deadline=None)
@given(titles=st.lists(st.text(CHARACTERS, min_size=1, max_size=30), min_size=20, max_size=20))
def test_the_editors_slugs_are_site_cores_for_any_title(site, wide_page, titles):
    assert js_slugs(wide_page, site.base_url, titles) == [slugify(t) for t in titles]
