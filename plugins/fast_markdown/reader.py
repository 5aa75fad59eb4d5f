"""pelican-yaml-metadata's reader, faster: libyaml for the front matter, and the body
taken from the worker processes when they have converted it already.

Everything else (which keys become Tags, dates, formatted fields such as summary,
the fallback to Pelican's own metadata header) is pelican-yaml-metadata's code.
"""

import contextlib
import copy
import logging

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import (
    HEADER_RE,
    YAMLMetadataReader,
    _convert_py_to_meta,
)
from pelican.utils import pelican_open

from .parallel import SafeLoader

logger = logging.getLogger(__name__)


def markdown_settings(settings):
    """The Markdown options pelican-yaml-metadata converts with (no `meta` extension)."""
    options = copy.deepcopy(settings["MARKDOWN"])
    with contextlib.suppress(KeyError, ValueError):
        options["extensions"].remove("markdown.extensions.meta")
    return options


class _AlreadyConverted:
    """Stands in for the Markdown converter while pelican-yaml-metadata converts the
    formatted fields: HTML a worker made for the same text, else a real conversion."""

    def __init__(self, markdown, converted):
        self._markdown = markdown
        self._converted = converted

    def reset(self):
        return self

    def convert(self, text):
        html = self._converted.get(text)
        return html if html is not None else self._markdown.reset().convert(text)


class FastMarkdownReader(YAMLMetadataReader):
    """Reads Markdown with YAML front matter; one Markdown converter for every file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.markdown_settings = markdown_settings(self.settings)
        self.body_converter = None  # a parallel.BodyConverter while a generator reads

    def read(self, source_path):
        with pelican_open(source_path) as text:
            match = HEADER_RE.fullmatch(text)
        if not match:  # pelican-yaml-metadata falls back to Pelican's own header
            return super().read(source_path)

        converted = self.body_converter.take(source_path) if self.body_converter else None
        markdown = self._md
        if converted:  # formatted fields (summary) were converted by a worker too
            self._md = _AlreadyConverted(markdown, converted[1])
        try:
            metadata = self._load_yaml_metadata(match.group("metadata"), source_path)
        finally:
            self._md = markdown
        self._md.Meta = {key: _convert_py_to_meta(value) for key, value in metadata.items()}
        if converted:
            return converted[0], metadata
        return self._md.reset().convert(match.group("content")), metadata

    def _load_yaml_metadata(self, text, source_path):
        """As pelican-yaml-metadata's, with libyaml: an empty dict when the YAML is bad."""
        try:
            metadata = yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
        except Exception:  # noqa: BLE001 - logged as pelican-yaml-metadata does
            logger.error("Error parsing YAML for file '%s", source_path, exc_info=True)
            return {}
        if not isinstance(metadata, dict):
            logger.error("YAML header didn't parse as a dict for file '%s'", source_path)
            return {}
        return self._parse_yaml_metadata(metadata, source_path)
