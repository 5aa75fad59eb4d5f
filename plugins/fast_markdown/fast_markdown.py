"""Read Markdown faster: one converter, libyaml front matter, bodies converted on
every core while Pelican builds the content objects.

The output is the same as with pelican-yaml-metadata alone; only the time differs.
"""

import os

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.readers import BaseReader

from site_core import BuildState, connect_after_plugins

from .parallel import BodyConverter, fork_available
from .reader import FastMarkdownReader

DEFAULTS = {
    "FAST_MARKDOWN_WORKERS": os.cpu_count() or 1,  # 0: convert in the main process only
    "FAST_MARKDOWN_MIN_FILES": 100,  # fewer files than this: starting workers costs more
}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def use_fast_reader(readers):
    for extension in FastMarkdownReader.file_extensions:
        readers.reader_classes[extension] = fast_reader_for(readers.reader_classes.get(extension))


def fast_reader_for(current):
    """FastMarkdownReader in place of the reader `current`, keeping any mixin another
    plugin put on it (content_checks' checks, when its receiver came first)."""
    if current is not None and issubclass(current, FastMarkdownReader):
        return current
    mixins = tuple(base for base in getattr(current, "__bases__", ()) if not issubclass(base, BaseReader))
    if not mixins:
        return FastMarkdownReader
    return type(f"Fast{current.__name__}", (*mixins, FastMarkdownReader), {})


def files_to_convert(generator, reader):
    """Absolute paths of the Markdown files `generator` will read and has not cached."""
    if isinstance(generator, ArticlesGenerator):
        paths, excludes = generator.settings["ARTICLE_PATHS"], generator.settings["ARTICLE_EXCLUDES"]
    else:
        paths, excludes = generator.settings["PAGE_PATHS"], generator.settings["PAGE_EXCLUDES"]
    extensions = tuple(f".{extension}" for extension in reader.file_extensions)
    found = []
    for relative in generator.get_files(paths, exclude=excludes):  # the order Pelican reads in
        absolute = os.path.abspath(os.path.join(generator.path, relative))
        if not absolute.endswith(extensions):
            continue
        if generator.get_cached_data(relative, None) is not None:
            continue
        if generator.readers.get_cached_data(absolute, None) is not None:
            continue
        found.append(absolute)
    return found


class Reading:
    """One build's readers that have workers converting for them, by generator."""

    def __init__(self, settings):
        self.settings = settings
        self.readers = {}  # generator -> its Markdown reader, from its first file on

    def start(self, generator):
        """Before the first file a generator reads: hand its files to the workers."""
        if generator in self.readers:
            return
        reader = generator.readers.readers.get("md")
        self.readers[generator] = reader
        if not isinstance(reader, FastMarkdownReader) or not fork_available():
            return
        workers = setting(self.settings, "FAST_MARKDOWN_WORKERS")
        paths = files_to_convert(generator, reader)
        if workers < 1 or len(paths) < setting(self.settings, "FAST_MARKDOWN_MIN_FILES"):
            return
        reader.body_converter = BodyConverter(paths, reader.markdown_settings,
                                              self.settings["FORMATTED_FIELDS"], workers)

    def stop(self, generator):
        _stop_workers(self.readers.pop(generator, None))

    def stop_all(self):
        for reader in self.readers.values():
            _stop_workers(reader)
        self.readers.clear()


def _stop_workers(reader):
    if isinstance(reader, FastMarkdownReader) and reader.body_converter:
        reader.body_converter.close()
        reader.body_converter = None


def _new_build(settings):
    # Workers still running belong to a build that stopped with an error before its
    # generators finished (`make devserver` goes on to the next build): stop them first.
    if _build.current is not None:
        _build.current.stop_all()
    return Reading(settings)


_build = BuildState(_new_build)


def start_converting(generator):
    if isinstance(generator, (ArticlesGenerator, PagesGenerator)):
        (_build.current or _build.start(generator.settings)).start(generator)


def stop_converting(generator):
    if _build.current is not None:
        _build.current.stop(generator)


def register():
    # readers_init: swap in our reader for Markdown files, after every plugin's
    # receivers (pelican-yaml-metadata's sets its reader there), whatever the order
    # of PLUGINS.
    connect_after_plugins(signals.readers_init, use_fast_reader)
    # *_generator_preread: sent before each file is read; the first one starts the workers
    # on every file that generator is about to read.
    signals.article_generator_preread.connect(start_converting)
    signals.page_generator_preread.connect(start_converting)
    # *_generator_finalized: every file is read; the workers can go.
    signals.article_generator_finalized.connect(stop_converting)
    signals.page_generator_finalized.connect(stop_converting)
