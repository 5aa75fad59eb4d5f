"""The plain-English warnings of a file that is still being written in the web editor.

With `make cms` the editor's preview pane shows them under the preview: it sends the
file as it would save it (front matter and text) to the preview server, which answers
`POST /__preview/plain-english` with `EditorChecks.warnings` (tools/preview.py). The
form has fields, not line numbers, so each warning names its field ("title",
"summary", "body" with the line in the text, or "page" for the reading age).
"""

import os
import re

import markdown
import yaml
from site_core import front_matter_span, shown_path

from . import rules
from .guide import load_guide
from .plain_english import check_source, plain_text, setting, style_file_path

_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


class EditorChecks:
    """The checks of check_item for text not yet saved; the style file is read again
    whenever it changes."""

    def __init__(self, settings):
        self.settings = settings  # Pelican's: PATH and the PLAIN_ENGLISH_* settings
        self.path = style_file_path(settings)
        self._guide, self._stamp = None, None

    def guide(self):
        """The style guide, or None when the site has no style file."""
        try:
            status = os.stat(self.path)
        except OSError:
            return None
        stamp = (status.st_mtime_ns, status.st_size)
        if stamp != self._stamp:
            with open(self.path, encoding="utf-8") as handle:
                # Its own mistakes are the build's to report, with their lines.
                self._guide, _problems = load_guide(handle.read(), os.path.basename(self.path))
            self._stamp = stamp
        return self._guide

    def warnings(self, text):
        """[{"field", "line" (in the text, or None), "rule", "what", "fix"}] of a whole
        file's text, in the file's order."""
        guide = self.guide()
        if guide is None or not setting(self.settings, "PLAIN_ENGLISH"):
            return []
        lines = text.splitlines()
        span = front_matter_span(lines)
        front = front_matter_of(lines)
        title, summary = front.get("title"), front.get("summary")
        title = title if isinstance(title, str) else ""
        summary = plain_text(markdown.markdown(summary)) if isinstance(summary, str) else ""
        findings, _ = check_source(text, title, summary, guide, self.settings,
                                   shown_path(self.path))
        closing = span[1] + 1 if span else 0  # the line number of the closing "---"
        found = []
        for finding in findings:
            if finding.rule == rules.READING_AGE:
                where, line = "page", None
            elif finding.line > closing:
                where, line = "body", finding.line - closing
            else:
                key = _KEY.match(lines[finding.line - 1]) if finding.line else None
                where, line = (key.group(1) if key else "front matter"), None
            # Without the build's "(or, to keep it, end the line with ...)": the form's
            # fields cannot hold a comment, and the rich-text editor would show one.
            found.append({"field": where, "line": line, "rule": finding.rule,
                          "what": finding.what, "fix": finding.fix})
        return found


def front_matter_of(lines):
    """The front matter of a file's `lines` as a dict ({} if it is missing or not valid
    YAML: a writer may be half way through a line)."""
    span = front_matter_span(lines)
    if not span:
        return {}
    try:
        front = yaml.safe_load("\n".join(lines[span[0] + 1:span[1]]))
    except yaml.YAMLError:
        return {}
    return front if isinstance(front, dict) else {}
