"""Render again only the pages whose inputs changed.

While a page is rendered, everything its template reads is noted with the value it had:
the names it uses from the context (found in the template and every template it
extends, includes or imports), and each attribute of an article, page, tag or category
it reads (`article.title`, `tag.url`, `selectattr("date")`: through Jinja's own
`getattr` and `getitem`). An item handed to one of our Python filters or globals is
noted whole (Jinja's filters read through `getitem`, Python's builtins read nothing). At the next build the page is rendered
again only if one of those values is now different; otherwise the file already in the
output folder is left as it is. Feeds are noted the same way: their items, whole.

Values are compared as "shapes": plain values as they are, lists and dicts item by item,
an article or a tag by its source file or name (its attributes are noted one by one),
any other object by its attributes. A value that cannot be compared (a method of an
item) counts as changed every time: the page is rendered again, never left stale.
"""

import datetime
import decimal
import io
import itertools
import os
import re
import types

import jinja2
from jinja2 import meta
from pelican import signals
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper
from pelican.utils import sanitised_join
from pelican.writers import Writer
from site_core.pelican_compat import WritesNothingFor


class _Unchanged(str):
    """What a page's render gives when the file already written is still right."""


UNCHANGED = _Unchanged()
_MISSING = ("missing",)
_changes = itertools.count()  # each shape that cannot be compared is new
_WHOLE = "*"  # the attribute noted for an item read whole (by a filter)
_NOT_SHAPED = ("_context", "settings")  # the whole build's: compared through names instead


def key_of(value):
    if isinstance(value, Content):
        return ("item", type(value).__name__, value.source_path or value.save_as)
    if isinstance(value, URLWrapper):
        return ("url", type(value).__name__, value.name)
    # An entry a plugin puts in a feed itself (a register file in the transparency feed):
    # known by its address, its words compared as every feed entry's are.
    return ("entry", type(value).__name__, value.url)


class Shapes:
    """One build's shapes, worked out once per object, and the items met, by key."""

    def __init__(self):
        self.by_id = {}
        self.kept_alive = []  # objects shaped: their ids stay theirs for this build
        self.items = {}  # key -> the article, page, tag or category met in this build
        self.wholes = {}  # id of an item (kept alive in items) -> the shape of it whole

    def of(self, value):
        if value is None or isinstance(value, (bool, int, float, decimal.Decimal,
                                               datetime.date, datetime.time,
                                               datetime.timedelta)):
            return value
        if isinstance(value, str):
            return str(value) if len(value) <= 120 else ("text", len(value), hash(value))
        if isinstance(value, (Content, URLWrapper)):
            key = key_of(value)
            self.items[key] = value
            return key
        known = self.by_id.get(id(value))
        if known is not None:
            return known
        self.by_id[id(value)] = ("cycle",)
        self.kept_alive.append(value)
        shape = self._shape(value)
        self.by_id[id(value)] = shape
        return shape

    def _shape(self, value):
        if isinstance(value, (list, tuple)):
            return ("list", *(self.of(item) for item in value))
        if isinstance(value, dict):
            return ("dict", *((self.of(key), self.of(item)) for key, item in value.items()))
        if isinstance(value, (set, frozenset)):
            return ("set", frozenset(self.of(item) for item in value))
        if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type)):
            return ("function", getattr(value, "__module__", ""), value.__qualname__)
        if isinstance(value, jinja2.Undefined):
            return _MISSING
        if isinstance(value, (datetime.tzinfo, re.Pattern)):
            return (type(value).__qualname__, repr(value))
        attributes = getattr(value, "__dict__", None)
        if attributes is not None and not isinstance(value, types.MethodType):
            return ("object", type(value).__qualname__, self._attributes(attributes))
        return ("changed", next(_changes))

    def _attributes(self, attributes):
        # Not the build's settings or context, which every object shares: a page reads
        # them through names (SITEURL, articles), compared on their own.
        return self.of({name: value for name, value in attributes.items()
                        if name not in _NOT_SHAPED})

    def whole(self, item):
        """The shape of every attribute of an article, page, tag or category."""
        known = self.wholes.get(id(item))
        if known is None:
            known = self.wholes[id(item)] = self._attributes(vars(item))
        return known


def names_used(environment, template_name, seen=None):
    """Every name the template and the templates it uses read from the context;
    None when one of them is named by a variable (then every name counts)."""
    seen = set() if seen is None else seen
    if template_name in seen:
        return set()
    seen.add(template_name)
    source = environment.loader.get_source(environment, template_name)[0]
    tree = environment.parse(source)
    names = set(meta.find_undeclared_variables(tree))
    for referenced in meta.find_referenced_templates(tree):
        if referenced is None:
            return None
        more = names_used(environment, referenced, seen)
        if more is None:
            return None
        names |= more
    return names


class Record:
    """What one output file read when it was last written, and how to write it again."""

    def __init__(self, names):
        self.names = names  # name -> shape
        self.reads = {}  # (item key, attribute) -> shape
        self.template = None  # a page's template
        self.extras = None  # a page's own entries of its context (article=, articles_page=)
        self.feed_call = None  # a feed's arguments to Writer.write_feed


# The entries Pelican's writer adds to the build's context for one page.
_OWN_ENTRIES = ("output_file", "localsiteurl", "SITEURL")
_PAGINATION_ENTRIES = ("_paginator", "_page", "_previous_page", "_next_page")


def own_entries(localcontext, kwargs):
    return {key: value for key, value in localcontext.items()
            if key in kwargs or key in _OWN_ENTRIES or key.endswith(_PAGINATION_ENTRIES)}


class Tracer:
    """The records of every output file, and the tracing of templates and feeds."""

    def __init__(self):
        self.records = {}  # output path -> Record
        self.pending = {}  # records of the build under way, kept only if it succeeds
        self.names = {}  # template name -> the names it uses, or None
        self.shapes = Shapes()
        self.recording = None  # the Record of the page being rendered
        self.traced = set()  # ids of environments already traced
        self.rendered = 0
        self.kept = 0
        self.items_now = {}  # key -> item, of the last build that succeeded
        self._readers = None  # item key -> output paths whose record reads it

    def start_build(self):
        self.shapes = Shapes()
        self.pending = {}
        self.rendered = self.kept = 0

    def finish_build(self, succeeded, written, few=False):
        """Keep the records of a build that succeeded; forget, after a failed one, every
        file it wrote (it is no longer what the record says) so the next renders it.
        `few`: only a few pages were rendered again (inplace.py); the index of readers
        gains their reads instead of being made again (extra entries only cost a check)."""
        if few and self._readers is not None:
            for path, record in self.pending.items():
                for key, _attribute in record.reads:
                    self._readers.setdefault(key, set()).add(path)
        else:
            self._readers = None
        if succeeded:
            self.items_now = self.shapes.items
            self.records.update(self.pending)
            for path in set(self.records) - set(written):
                del self.records[path]
        else:
            for path in self.pending:
                self.records.pop(path, None)
        self.pending = {}
        self.shapes = Shapes()  # the build's objects can go

    def forget_all(self):
        self.records.clear()
        self.names.clear()
        self._readers = None

    def readers_of(self, key):
        """The output paths whose last render read the item with `key`."""
        if self._readers is None:
            self._readers = {}
            for path, record in self.records.items():
                for read_key, _attribute in record.reads:
                    self._readers.setdefault(read_key, set()).add(path)
        return self._readers.get(key, set())

    def forget_readers_of(self, key):
        """Render again, at the next build, every file that read the item with `key`."""
        for path in self.readers_of(key):
            self.records.pop(path, None)
        self._readers = None

    def reads_changed(self, path, key):
        """Whether the item with `key` now differs in what the file at `path` read of it."""
        item = self.items_now.get(key)
        shapes = Shapes()
        for (read_key, attribute), shape in self.records[path].reads.items():
            if read_key != key:
                continue
            if item is None:
                return True
            now = shapes.whole(item) if attribute == _WHOLE else \
                shapes.of(getattr(item, attribute, _MISSING))
            if now != shape:
                return True
        return False

    # --- Jinja -----------------------------------------------------------------
    def trace(self, environment):
        """Note what templates of `environment` read (once per environment)."""
        if id(environment) in self.traced:
            return
        self.traced.add(id(environment))
        tracer = self
        getattr_, getitem = environment.getattr, environment.getitem

        def traced_getattr(obj, attribute):
            value = getattr_(obj, attribute)
            if tracer.recording is not None and isinstance(obj, (Content, URLWrapper)):
                tracer.note(obj, attribute, value)
            return value

        def traced_getitem(obj, argument):
            value = getitem(obj, argument)
            if tracer.recording is not None and isinstance(obj, (Content, URLWrapper)):
                tracer.note(obj, str(argument), value)
            return value

        environment.getattr, environment.getitem = traced_getattr, traced_getitem
        for table in (environment.filters, environment.tests, environment.globals):
            for name, function in list(table.items()):
                # Jinja's own filters (selectattr, sort, map) read attributes through
                # environment.getitem, traced above, and Python's (length is len) read
                # none; any other function is not traced.
                module = getattr(function, "__module__", None) or ""
                if callable(function) and not isinstance(function, type) \
                        and not module.startswith("jinja2.") and module != "builtins":
                    table[name] = self._reading_items_whole(function)

    def _reading_items_whole(self, function):
        tracer = self

        def traced(*args, **kwargs):
            if tracer.recording is not None:
                for argument in (*args, *kwargs.values()):
                    tracer.note_whole(argument)
            return function(*args, **kwargs)

        for marker in ("jinja_pass_arg",):  # pass_context / pass_environment
            if hasattr(function, marker):
                setattr(traced, marker, getattr(function, marker))
        traced.__wrapped__ = function
        return traced

    def note(self, item, attribute, value):
        key = key_of(item)
        self.shapes.items[key] = item
        reads = self.recording.reads
        if (key, attribute) not in reads:
            reads[(key, attribute)] = self.shapes.of(value)

    def note_whole(self, value, depth=0):
        if isinstance(value, (Content, URLWrapper)):
            key = key_of(value)
            self.shapes.items[key] = value
            if (key, _WHOLE) not in self.recording.reads:
                self.recording.reads[(key, _WHOLE)] = self.shapes.whole(value)
        elif isinstance(value, (list, tuple)) and depth == 0:
            for item in value:
                self.note_whole(item, depth + 1)

    def names_for(self, template):
        key = template.name  # templates change only between builds (forget_all)
        if key not in self.names:
            self.names[key] = names_used(template.environment, template.name)
        return self.names[key]

    def still_right(self, path, template, localcontext):
        """Whether the file at `path` is what rendering `template` now would give."""
        record = self.records.get(path)
        if record is None or not os.path.exists(path):
            return False
        shapes = self.shapes
        for name, shape in record.names.items():
            if shapes.of(localcontext.get(name, _MISSING)) != shape:
                return False
        environment = template.environment
        for (key, attribute), shape in record.reads.items():
            item = shapes.items.get(key)
            if item is None:
                return False
            if attribute == _WHOLE:
                now = shapes.whole(item)
            else:
                try:
                    now = shapes.of(environment.getattr(item, attribute))
                except Exception:  # noqa: BLE001 - it raised: render and let Jinja say why
                    return False
            if now != shape:
                return False
        return True

    def render(self, template, localcontext, path, kwargs=(), again=False):
        """The page, or UNCHANGED when the file at `path` is still right (unless `again`)."""
        self.trace(template.environment)
        names = self.names_for(template)
        if names is None:
            names = set(localcontext)
        if not again and self.still_right(path, template, localcontext):
            record = self.pending[path] = self.records[path]
            record.template, record.extras = template, own_entries(localcontext, kwargs)
            self.kept += 1
            return UNCHANGED
        record = Record({name: self.shapes.of(localcontext.get(name, _MISSING))
                         for name in sorted(names)})
        self.recording = record
        try:
            output = template.render(localcontext)
        finally:
            self.recording = None
        record.template, record.extras = template, own_entries(localcontext, kwargs)
        self.pending[path] = record
        self.rendered += 1
        return output

    # --- feeds -------------------------------------------------------------------
    def feed_still_right(self, path, elements, details):
        record = Record({"details": self.shapes.of(details)})
        self.recording = record
        try:
            for element in elements:
                self.note_whole(element)
                # What Pelican puts in the feed, links to other items resolved.
                for attribute in ("content", "summary", "url"):
                    self.note(element, attribute, getattr(element, attribute, None))
        finally:
            self.recording = None
        old = self.records.get(path)
        self.pending[path] = record
        return old is not None and old.names == record.names and old.reads == record.reads


class _TracedTemplate:
    def __init__(self, template, tracer, output_path, kwargs):
        self.template, self.tracer, self.output_path = template, tracer, output_path
        self.kwargs = kwargs

    def render(self, localcontext):
        path = sanitised_join(self.output_path, localcontext["output_file"])
        return self.tracer.render(self.template, localcontext, path, self.kwargs)


class _LazyFile(io.TextIOBase):
    """A file opened only if something other than UNCHANGED is written to it (a text
    stream, so that the feed writer writes text to it as to the file)."""

    def __init__(self, path, encoding):
        super().__init__()
        self.path, self.text_encoding, self.handle = path, encoding, None

    def write(self, text):
        if isinstance(text, _Unchanged):
            return 0
        if self.handle is None:
            self.handle = open(self.path, "w", encoding=self.text_encoding)  # noqa: SIM115
        return self.handle.write(text)

    def close(self):
        if self.handle is not None:
            self.handle.close()
        super().close()


def live_writer(tracer):
    """A Writer class that renders through `tracer` and writes only what changed."""

    class LiveWriter(Writer):
        def write_file(self, name, template, context, *args, **kwargs):
            return super().write_file(
                name, _TracedTemplate(template, tracer, self.output_path, set(kwargs)),
                context, *args, **kwargs)

        def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                       override_output=False, feed_title=None):
            if path:
                complete_path = sanitised_join(self.output_path, path)
                limit = self.settings["FEED_MAX_ITEMS"]
                shown = list(elements[:limit])
                # The feeds plugin dates a feed with no items by the newest article.
                newest = max((article.date for article in context.get("articles", ())),
                             default=None)
                details = (url, feed_type, feed_title, newest, {key: context.get(key) for key
                           in ("SITEURL", "SITENAME", "FEED_DOMAIN", "SITESUBTITLE")})
                still_right = tracer.feed_still_right(complete_path, shown, details)
                tracer.pending[complete_path].feed_call = (
                    elements, context, path, url, feed_type, override_output, feed_title)
                if still_right and os.path.exists(complete_path):
                    self._note_written(complete_path, override_output)
                    signals.feed_written.send(complete_path, context=context, feed=None)
                    return None
            return super().write_feed(elements, context, path, url, feed_type,
                                      override_output, feed_title)

        def _open_w(self, filename, encoding, override=False):
            self._note_written(filename, override)
            return _LazyFile(filename, encoding)

        def _note_written(self, filename, override):
            # Pelican's own record of what it wrote, without opening the file.
            WritesNothingFor._note_written_elsewhere(self, filename, override)

    return LiveWriter
