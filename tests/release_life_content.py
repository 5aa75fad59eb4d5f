"""Three releases in the later life of a release (plugins/release_life), added to a copy
of the site's content by the tests of the built site and of its pages in Chromium."""

CORRECTED = """---
title: Victim Support extends its hours
date: 2017-05-31
summary: Victim Support now answers calls in the evening.
changes:
  - date: 2017-06-03
    note: Corrected the Victim Support phone number.
  - date: 2017-06-05
    note: Added the evening opening hours.
---
Call Victim Support on 0808 168 9111.
"""
WITHDRAWN = """---
title: Commissioner sets out his priorities
date: 2017-05-30
summary: The priorities of the previous Commissioner.
withdrawn: 2021-05-13
withdrawn_reason: This release was issued by the previous Commissioner.
---
The priorities for the next four years.
"""
REMOVED = """---
title: Quarrelsome headline about Mr Blenkinsop
date: 2017-05-29
summary: Quarrelsome summary about Mr Blenkinsop.
tags: [Victims, Blenkinsop affair]
districts: [Dacorum]
removed: 2018-01-10
removed_reason: It was removed following a court order.
---
Quarrelsome text about Mr Blenkinsop, 0808 168 9111.
"""
RELEASES = {"2017-05-31-victim-support-hours": CORRECTED, "2017-05-30-priorities": WITHDRAWN,
            "2017-05-29-quarrel": REMOVED}


def add_life_releases(content):
    for name, text in RELEASES.items():
        (content / "news" / f"{name}.md").write_text(text, encoding="utf-8")
