"""The site kept in memory between preview builds: `LiveSite`.

    site = LiveSite(content, output, "pelicanconf.py", {"SEARCH_INDEX": False})
    site.build()                 # the whole site, once
    site.update([changed_path])  # after each save: only what the change touches

Every build is a whole Pelican build, in this process, with every plugin: nothing about
the site is worked out a second way, so the pages are those of a fresh build. What makes
it fast is what it does not do again: read an unchanged file (reading.py), render a page
whose inputs are all as they were (rendering.py), write a file that would not change.

Pelican writes into a working folder beside the output folder. After a build with no
errors the files that changed in it are copied to the output folder (the one served)
and the files no longer built are removed; after a build with errors the output folder
is left as it was, and the working folder catches up at the next build that succeeds.
"""

import contextlib
import io
import os
import re
import shutil
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from frozen_urls.frozen_urls import items_of
from pelican import Pelican, signals
from pelican.contents import Content
from pelican.settings import read_settings
from site_core.plugin import last_printed_report

from .inplace import LastBuild, edit_in_place, print_problems
from .reading import ReadMemo
from .rendering import Tracer, key_of, live_writer

_CONTENT_FILES = ("md", "markdown", "mkd", "html", "htm")
ERROR_LINE = re.compile(r"^\S+:\d+: error: .+$")  # as site_core's report writes an error
# A link to another item or file, resolved against the build's context when the item's
# content is asked for (Pelican's intrasite links).
_LINK_MARKER = re.compile(r"[{|](?:filename|static|attach|index|tag|category|author)[}|]")


@dataclass
class Outcome:
    errors: list = field(default_factory=list)  # the report's error lines
    written: list = field(default_factory=list)  # output files added, changed or removed
    seconds: float = 0.0
    rendered: int = 0  # pages and feeds rendered
    kept: int = 0  # pages and feeds left as they were
    in_place: bool = False  # only the words of one item changed: its pages written again


class LiveSite:
    def __init__(self, content, output, settings="pelicanconf.py", overrides=None):
        self.content = Path(content).resolve()
        self.output = Path(output).resolve()
        self.settings_file = str(settings)
        self.overrides = dict(overrides or {})
        self.work = self.output.parent / f".{self.output.name}-live"
        self.memo = ReadMemo()
        self.tracer = Tracer()
        self.listing = {}  # the working folder after the last build: path -> (mtime, size)
        self.synced = None  # the working folder as last copied to the output folder
        self.unsynced = set()  # files the in-place path wrote, not yet copied to output
        self.produced = set()  # files the writer wrote or kept in the last build
        self.builds = 0
        self.last = None  # a LastBuild, when the last build succeeded
        self.compiled_templates = _CompiledTemplates()

    # --- what changed ----------------------------------------------------------------
    def build(self):
        """Build everything from scratch (in memory and on disk)."""
        self.memo = ReadMemo()
        self.tracer.forget_all()
        shutil.rmtree(self.work, ignore_errors=True)
        self.listing, self.synced, self.produced = {}, None, set()
        return self._run()

    def update(self, paths):
        """Build again after the files at `paths` changed (edited, added or removed).

        A changed content file is read again. A changed data file (contacts.yml,
        districts.yml) is read by plugins while they read every item, so every item is
        read again. A changed template renders every page again."""
        paths = [Path(path).resolve() for path in paths]
        if len(paths) == 1 and self._is_content_file(paths[0]):
            outcome = self._edit_in_place(paths[0])
            if outcome is not None:
                return outcome
        self._forget_links_to(paths)
        for path in paths:
            if self._is_data(path):
                self.memo = ReadMemo()
            elif self._is_template(path):
                self.tracer.forget_all()
            else:
                self.memo.forget(path)
        return self._run()

    def _forget_links_to(self, paths):
        """Read and render again the items that link to a changed file: the file may
        have moved (a new date or slug), and plugins use the item's links as they were
        when it was read (the FAQ splits its body into questions)."""
        names = {path.name for path in paths if self._is_content_file(path)}
        if not names:
            return
        for source, kept in list(self.memo.kept.items()):
            if not kept.links_to.isdisjoint(names):
                self.memo.forget(source)
                # Its pages show the links as resolved when they were rendered, which
                # no noted read covers (a plugin's view of the body resolves them).
                self.tracer.forget_readers_of(key_of(kept.item))

    def _is_content_file(self, path):
        return path.is_relative_to(self.content) and path.suffix.lstrip(".") in _CONTENT_FILES

    def _is_data(self, path):
        return path.is_relative_to(self.content) and not self._is_content_file(path)

    def _edit_in_place(self, path):
        started = time.monotonic()
        done = edit_in_place(self, path)
        if done is None:
            return None
        written, problems = done
        print_problems(problems, str(self.content))
        changed = []
        for target in sorted(self.unsynced):  # this save's, and a failed attempt's before it
            relative = os.path.relpath(target, self.work)
            status = os.stat(target)
            self.listing[relative] = self.synced[relative] = (status.st_mtime_ns, status.st_size)
            shutil.copy2(target, self.output / relative)
            changed.append(self.output / relative)
        self.unsynced.clear()
        return Outcome(written=changed, seconds=time.monotonic() - started,
                       rendered=len(written), kept=len(self.tracer.records) - len(written),
                       in_place=True)

    def _is_template(self, path):
        return not path.is_relative_to(self.content)

    # --- a build -------------------------------------------------------------------
    def _settings(self):
        site_settings = read_settings(self.settings_file, override=dict(self.overrides))
        overrides = {
            # Templates compiled once, not in each build's new Jinja environment (the
            # cache checks each template's source, so an edited template is compiled).
            "JINJA_ENVIRONMENT": {**site_settings["JINJA_ENVIRONMENT"],
                                  "bytecode_cache": self.compiled_templates},
            "PATH": str(self.content), "OUTPUT_PATH": str(self.work),
            "DELETE_OUTPUT_DIRECTORY": False, "SITE_CORE_FAIL_ON": "errors",
            # Pages are rendered here, where what they read is noted. Files are read
            # by fast_markdown's workers only when none is kept (the first build, or a
            # data file changed); otherwise they would convert every file again.
            "PARALLEL_PAGES_WORKERS": 1,
            **({"FAST_MARKDOWN_WORKERS": 0} if self.memo.kept else {}),
            **self.overrides,
        }
        return read_settings(self.settings_file, override=overrides)

    def _run(self):
        started = time.monotonic()
        self.work.mkdir(parents=True, exist_ok=True)
        self.tracer.start_build()
        _refresh_links(self.memo)
        tracer, writer_class = self.tracer, live_writer(self.tracer)
        written_files = []

        class LivePelican(Pelican):
            def _get_writer(self):
                super()._get_writer()  # the signal: other plugins act just before writing
                writer = writer_class(self.output_path, settings=self.settings)
                written_files.append(writer._written_files)
                return writer

        generators = []

        def keep_generators(found):
            generators[:] = found

        signals.all_generators_finalized.connect(keep_generators, weak=False)
        log = io.StringIO()
        succeeded = True
        settings = self._settings()
        self.last = None
        with contextlib.redirect_stderr(_Tee(log, sys.stderr)), self.memo.installed():
            try:
                LivePelican(settings).run()
            except SystemExit as stop:
                succeeded = stop.code in (0, None)
            except Exception as error:  # noqa: BLE001 - a plugin's bug: said, and the last good site kept
                traceback.print_exc()
                print(f"The preview could not be built: {type(error).__name__}: {error}",
                      file=sys.stderr)
                succeeded = False
        signals.all_generators_finalized.disconnect(keep_generators)
        self.builds += 1
        produced = set(written_files[0]) if written_files else set()
        # Files plugins write for an item outside the writer (photos' copies).
        produced |= {os.path.join(self.work, path) for item in items_of(generators)
                     for path in getattr(item, "extra_outputs", ())}
        errors = [line for line in log.getvalue().splitlines() if ERROR_LINE.match(line)]
        if not succeeded and not errors:
            errors = ["The site could not be built: see the terminal for what went wrong."]
        succeeded = succeeded and not errors
        if succeeded:
            for gone in self.produced - produced:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(gone)
        self.produced = produced if succeeded else self.produced | produced
        tracer.finish_build(succeeded, produced)
        self.listing = _listing(self.work)
        written = self._sync() if succeeded else []
        if succeeded and generators and self.synced is not None:
            report = last_printed_report()
            self.last = LastBuild(generators, generators[0].context, settings,
                                  report.problems if report else [])
        return Outcome(errors=errors, written=written, seconds=time.monotonic() - started,
                       rendered=tracer.rendered, kept=tracer.kept)

    def _sync(self):
        """Make the output folder what the working folder is now."""
        if self.synced is None:
            building = self.output.parent / f".{self.output.name}-building"
            shutil.rmtree(building, ignore_errors=True)
            shutil.copytree(self.work, building)
            _swap_in(building, self.output)
            self.synced = dict(self.listing)
            self.unsynced.clear()
            return [self.output / path for path in self.listing]
        changed = []
        for path, stamp in self.listing.items():
            if self.synced.get(path) != stamp:
                target = self.output / path
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(self.work / path, target)
                changed.append(target)
        for path in set(self.synced) - set(self.listing):
            target = self.output / path
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            changed.append(target)
        self.synced = dict(self.listing)
        self.unsynced.clear()
        return changed


def _listing(folder):
    found = {}
    for directory, _folders, files in os.walk(folder):
        for name in files:
            path = os.path.join(directory, name)
            status = os.stat(path)
            found[os.path.relpath(path, folder)] = (status.st_mtime_ns, status.st_size)
    return found


def _swap_in(new, output):
    old = output.parent / f".{output.name}-old"
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    new.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def _refresh_links(memo):
    """Forget the content Pelican worked out for kept items that link to other items
    (the linked item may have moved) and for items no longer kept."""
    kept = {id(entry.item): entry.item for entry in memo.kept.values()}
    for name in ("get_content", "get_summary"):
        cache = Content.__dict__[name].cache
        for arguments in list(cache):
            item = arguments[0]
            if kept.get(id(item)) is not item or _LINK_MARKER.search(item._content or ""):
                del cache[arguments]


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory from one build to the next."""

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _Tee(io.TextIOBase):
    def __init__(self, *streams):
        self.streams = streams

    def write(self, text):
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self):
        for stream in self.streams:
            stream.flush()

