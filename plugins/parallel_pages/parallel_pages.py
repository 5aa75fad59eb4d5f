"""Pages rendered on every core.

Rendering templates is the largest share of a build (Jinja2, about 40% of it at 5,000
releases), and Pelican renders one page after another in one process. When every URL is
fixed (`get_writer`, after frozen_urls), this plugin forks a process for each core but
one. Each runs Pelican's own writing loop over the same finished site, and renders and
writes only its share of the pages: those whose path in the output hashes to it. The
build's own process renders the first share in its usual loop, and copies the static
files; Pelican sends `content_written` (and `feed_written`) there for every page and
feed, its own and the others', as a one-process build does, so the sitemap, the URL
list and every plugin see every page in the same order. Feeds are shared out likewise. Before anything reads the output (the first
receiver of `finalized`) the build waits for the processes. Nothing else changes: the
output is byte for byte the same (tested).

If a process fails (out of memory, a template error), the build renders its share itself
at that point: slower, never different.
"""

import os
import sys
import traceback
import zlib
from dataclasses import dataclass, field

from pelican import signals
from pelican.generators import SourceFileGenerator, StaticGenerator
from pelican.writers import Writer
from site_core import BuildState, connect_after_plugins, connect_first_to_finalized
from site_core.pelican_compat import WritesNothingFor

DEFAULTS = {
    "PARALLEL_PAGES_WORKERS": os.cpu_count() or 1,  # processes rendering; 1: none forked
    "PARALLEL_PAGES_MIN_ITEMS": 200,  # fewer articles and pages: not worth a fork
}
# Generators that write through the Writer; the others (static files, sources) are the
# build's own process's alone.
NOT_WRITING_PAGES = (StaticGenerator, SourceFileGenerator)


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def share_of(output_file, shares):
    """Which of `shares` processes renders the page at `output_file` (its output path)."""
    return zlib.crc32(output_file.replace(os.sep, "/").encode("utf-8")) % shares


class ShareWriter(WritesNothingFor, Writer):
    """Renders and writes only the pages and feeds of share `share` (of `shares`)."""
    share, shares = 0, 1

    def skips(self, output_file):
        return share_of(output_file, self.shares) != self.share


@dataclass
class Build:
    generators: list = field(default_factory=list)
    children: dict = field(default_factory=dict)  # pid -> share
    shares: int = 1


_build = BuildState(lambda settings: Build())


def remember_generators(generators):
    _build.current.generators[:] = generators


def items_in(generators):
    return sum(len(getattr(g, "articles", [])) + len(getattr(g, "pages", [])) for g in generators)


def writer_class(base, share, shares):
    return type(base.__name__, (base,), {"share": share, "shares": shares})


def render_share(generators, output_path, settings, share, shares):
    writer = writer_class(ShareWriter, share, shares)(output_path, settings=settings)
    for generator in generators:
        if hasattr(generator, "generate_output") and not isinstance(generator, NOT_WRITING_PAGES):
            generator.generate_output(writer)


def fork_share(generators, output_path, settings, share, shares):
    sys.stdout.flush()  # or the child would print what the parent had not yet
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        render_share(generators, output_path, settings, share, shares)
    except BaseException:  # noqa: BLE001 - said; the build renders this share itself
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # never returns into Pelican: the build's own process goes on


def write_pages_in_parallel(pelican):
    """Fork a process for each share of the pages but the first, and give Pelican the
    writer of the first; None (Pelican's Writer) for a small site."""
    build = _build.current
    settings = pelican.settings
    shares = setting(settings, "PARALLEL_PAGES_WORKERS")
    if shares < 2 or items_in(build.generators) < setting(settings, "PARALLEL_PAGES_MIN_ITEMS"):
        return None
    build.shares = shares
    for share in range(1, shares):
        pid = fork_share(build.generators, pelican.output_path, settings, share, shares)
        build.children[pid] = share
    return writer_class(ShareWriter, 0, shares)


def wait_for_pages(pelican):
    """Before anything reads the output: every process has written its pages. A share
    whose process failed is rendered here, without sending content_written again."""
    build = _build.current
    if build is None or not build.children:
        return
    failed = [share for pid, share in build.children.items() if os.waitpid(pid, 0)[1] != 0]
    build.children.clear()
    print(f"Pages: written by {build.shares} processes", file=sys.stderr, flush=True)
    for share in failed:
        print(f"parallel_pages: the process writing share {share + 1} of {build.shares} of "
              "the pages failed (above); the build writes those pages itself",
              file=sys.stderr, flush=True)
        with signals.content_written.muted(), signals.feed_written.muted():  # sent already
            render_share(build.generators, pelican.output_path, pelican.settings, share,
                         build.shares)


def register():
    # all_generators_finalized: every item is read; keep the generators until writing.
    signals.all_generators_finalized.connect(remember_generators)
    # get_writer: sent once, just before the first page is written. After every plugin's
    # receivers (frozen_urls fixes each URL there), so the processes fork a finished site.
    connect_after_plugins(signals.get_writer, write_pages_in_parallel)
    # finalized, before any other receiver: they may read the pages.
    connect_first_to_finalized(wait_for_pages)
