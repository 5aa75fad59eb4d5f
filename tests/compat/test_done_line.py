"""What site_core's drop_pelican_done_line relies on: Pelican ends each build by printing
"Done: Processed ..." on pelican.log's console, after the finalized signal; and that the
console's print then drops that one line only, once."""

import inspect
import io

import pelican
from pelican.log import console

from site_core.pelican_compat import drop_pelican_done_line


def test_pelican_prints_its_counts_on_its_console_after_finalized():
    run = inspect.getsource(pelican.Pelican.run)
    assert run.index("signals.finalized.send(self)") < run.index('console.print(\n            f"Done: Processed')
    assert "from pelican.log import console" in inspect.getsource(pelican)


def test_the_done_line_is_dropped_once_and_nothing_else(monkeypatch):
    captured = io.StringIO()
    monkeypatch.setattr(console, "file", captured)
    drop_pelican_done_line()
    console.print("Before.")
    console.print("Done: Processed 17 articles, 0 drafts in 0.91 seconds.")
    console.print("Done: Processed again, in the next build.")
    assert captured.getvalue().splitlines() == [
        "Before.", "Done: Processed again, in the next build."]
    assert "print" not in vars(console), "back to the console's own print"
