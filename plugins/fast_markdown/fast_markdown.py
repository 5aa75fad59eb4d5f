"""Read Markdown faster: one converter, libyaml front matter, bodies converted on
every core while Pelican builds the content objects.

The output is the same as with pelican-yaml-metadata alone; only the time differs.
"""

import os

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from .parallel import BodyConverter, fork_available
from .reader import FastMarkdownReader

DEFAULTS = {
    "FAST_MARKDOWN_WORKERS": os.cpu_count() or 1,  # 0: convert in the main process only
    "FAST_MARKDOWN_MIN_FILES": 100,  # fewer files than this: starting workers costs more
}

_reading = {}  # id(generator) -> its reader, while the generator reads


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def use_fast_reader(readers):
    for extension in FastMarkdownReader.file_extensions:
        readers.reader_classes[extension] = FastMarkdownReader


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


def start_converting(generator):
    """Before the first file a generator reads: hand its files to the workers."""
    if id(generator) in _reading or not isinstance(generator, (ArticlesGenerator, PagesGenerator)):
        return
    reader = generator.readers.readers.get("md")
    _reading[id(generator)] = reader
    if not isinstance(reader, FastMarkdownReader) or not fork_available():
        return
    workers = setting(generator.settings, "FAST_MARKDOWN_WORKERS")
    paths = files_to_convert(generator, reader)
    if workers < 1 or len(paths) < setting(generator.settings, "FAST_MARKDOWN_MIN_FILES"):
        return
    reader.body_converter = BodyConverter(paths, reader.markdown_settings,
                                          generator.settings["FORMATTED_FIELDS"], workers)


def stop_converting(generator):
    reader = _reading.pop(id(generator), None)
    if isinstance(reader, FastMarkdownReader) and reader.body_converter:
        reader.body_converter.close()
        reader.body_converter = None


def stop_all(_pelican):
    for reader in list(_reading.values()):
        if isinstance(reader, FastMarkdownReader) and reader.body_converter:
            reader.body_converter.close()
            reader.body_converter = None
    _reading.clear()


def register():
    # readers_init: swap in our reader for Markdown files; this plugin comes after
    # pelican.plugins.yaml_metadata in PLUGINS, so its choice is the last word.
    signals.readers_init.connect(use_fast_reader)
    # *_generator_preread: sent before each file is read; the first one starts the workers
    # on every file that generator is about to read.
    signals.article_generator_preread.connect(start_converting)
    signals.page_generator_preread.connect(start_converting)
    # *_generator_finalized: every file is read; the workers can go.
    signals.article_generator_finalized.connect(stop_converting)
    signals.page_generator_finalized.connect(stop_converting)
    # finalized: the build is over, even if a generator stopped early.
    signals.finalized.connect(stop_all)
