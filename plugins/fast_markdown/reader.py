"""pelican-yaml-metadata's reader, faster: libyaml for the front matter, one Markdown
converter for every file, and bodies taken from the worker processes when they have
converted them already.

What the metadata becomes (which keys become Tags, dates, formatted fields such as
summary) is pelican-yaml-metadata's own code, reached through site_core.pelican_compat.
A file without YAML front matter, or whose YAML is not a valid mapping, is read by
pelican-yaml-metadata itself: it falls back to Pelican's own "Title:" header, or logs
what is wrong with the YAML in its own words.
"""

import yaml
from markdown import Markdown
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.utils import pelican_open

from site_core import pelican_compat, worker_tasks

# libyaml's parser with PyYAML's safe constructor: the same values as yaml.safe_load.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_front_matter(text):
    """The YAML text of a front matter, parsed as yaml.safe_load would, only faster."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


class FastMarkdownReader(YAMLMetadataReader):
    """Reads Markdown with YAML front matter; one Markdown converter for every file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.markdown_settings = pelican_compat.yaml_reader_markdown_settings(self.settings)
        self.markdown = Markdown(**self.markdown_settings)
        self.body_converter = None  # a parallel.BodyConverter while a generator reads

    def read(self, source_path):
        with pelican_open(source_path) as text:
            match = pelican_compat.YAML_HEADER_RE.fullmatch(text)
        if not match:
            return super().read(source_path)

        front_matter = _parsed(match.group("metadata"))
        if front_matter is None:  # pelican-yaml-metadata reads it, and logs what is wrong
            return super().read(source_path)

        converted = self.body_converter.take(source_path) if self.body_converter else None
        body_html, fields_html, task_results = converted or (None, {}, {})
        worker_tasks.keep(source_path, task_results)  # other plugins take them as it is read

        def convert_field(text):  # a formatted field, e.g. summary: a worker's HTML if any
            html = fields_html.get(text)
            return html if html is not None else self.convert(text)

        metadata = pelican_compat.yaml_reader_metadata(self, front_matter, source_path,
                                                       convert_field)
        if body_html is None:
            body_html = self.convert(match.group("content"))
        return body_html, metadata

    def convert(self, text):
        return self.markdown.reset().convert(text)


def _parsed(yaml_text):
    """The front matter as a dict, or None if it is not valid YAML or not a mapping."""
    try:
        front_matter = load_front_matter(yaml_text)
    except Exception:  # noqa: BLE001 - any error (a bad date is a ValueError): upstream's turn
        return None
    return front_matter if isinstance(front_matter, dict) else None
