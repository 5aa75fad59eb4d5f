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
FAQ_CORRECTED = """---
title: Questions about the police budget
date: 2017-03-01
modified: 2017-03-01
summary: Answers about the police budget.
changes:
  - date: 2017-04-02
    note: Corrected the size of the rise.
---
Answers about the police budget.

## How much will I pay?

The rise is 3.4%.
"""
PAGE_REMOVED = """---
title: Statement about the Gravenstein complaint
date: 2017-02-01
summary: Gravenstein statement.
removed: 2018-02-02
removed_reason: It was removed after a privacy complaint.
---
Gravenstein statement text.
"""
PAGES = {"faq/police-budget": FAQ_CORRECTED, "pages/statement-2017": PAGE_REMOVED}

RELEASES = {"2017-05-31-victim-support-hours": CORRECTED, "2017-05-30-priorities": WITHDRAWN,
            "2017-05-29-quarrel": REMOVED}


def add_life_releases(content):
    for name, text in RELEASES.items():
        (content / "news" / f"{name}.md").write_text(text, encoding="utf-8")
    for name, text in PAGES.items():
        (content / f"{name}.md").write_text(text, encoding="utf-8")
