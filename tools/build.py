#!/usr/bin/env python3
"""The safe build: a failed build never touches the site that is already built.

    tools/build.py                          # make html: build output/ for a preview
    tools/build.py --settings publishconf.py --fatal errors   # make publish
    tools/build.py --check-only             # make check: every content check, no site

Pelican builds into a new folder next to the output folder. Only when it succeeds
is the old output folder swapped for the new one; otherwise the new folder is
removed and the old one is left exactly as it was, byte for byte.

A preview build (no --fatal) succeeds with content errors: the files with errors are
left out or shown wrongly. Its last line says so ("Built output/ with 2 errors: ..."),
never just "Built output/".
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ERROR_LINE = re.compile(r"^\S+?(?::\d+)?: error: ")  # as site_core's report writes an error
LEFT_OUT = "Not in the site until their errors are fixed: "  # the report's line


def pelican_command(content, output, settings, fatal=None, extra=None):
    """The Pelican command line. `fatal` ("errors" or "warnings") makes the build exit
    with status 1 after printing every problem (site_core's SITE_CORE_FAIL_ON), instead of
    Pelican's own --fatal, which stops at the first log line with a traceback."""
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output),
               "-s", str(settings)]
    extra = dict(extra or {})
    if fatal:
        extra["SITE_CORE_FAIL_ON"] = fatal
    if extra:
        command += ["-e"] + [f"{key}={json.dumps(value)}" for key, value in extra.items()]
    return command


def swap_in(new, output):
    """Replace `output` by `new`: two renames on one file system, old removed after."""
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        old.rmdir()
        output.rename(old)
        new.rename(output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(output)


def build(content, output, settings, fatal=None, extra=None):
    """Build into a folder beside `output`; swap it in only on success. Returns the exit code."""
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{output.name}-building-", dir=output.parent))
    try:
        code, errors, left_out = run_and_read(pelican_command(content, building, settings,
                                                             fatal, extra))
        if code == 0:
            swap_in(building, output)
            print(built_line(output, errors, left_out))
        else:
            print(f"\nThe build failed: {output} was left as it was. Fix the problems "
                  "listed above and build again.", file=sys.stderr)
        return code
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)


def run_and_read(command):
    """Run the build, passing its output on as it comes; (exit code, error lines of the
    report, the files it left out, as the report names them)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, errors="replace")
    errors, left_out = 0, ""
    for line in process.stdout:
        sys.stdout.write(line)
        sys.stdout.flush()
        errors += bool(ERROR_LINE.match(line))
        if line.startswith(LEFT_OUT):
            left_out = line[len(LEFT_OUT):].strip()
    return process.wait(), errors, left_out


def built_line(output, errors, left_out):
    """The last line of a build that succeeded: plain about any errors it had."""
    if not errors:
        return f"Built {output}."
    counted = f"{errors} error{'s' if errors != 1 else ''}"
    missing = (f"these files are not in it: {left_out}" if left_out
               else "the pages with them may look wrong")
    return (f"Built {output} with {counted} (listed above): {missing}. make publish "
            "refuses the site until they are fixed.")


def check(content, settings, extra=None):
    """Every content check, nothing kept: a full build into a throwaway folder.

    A full build, because some checks (other plugins', the link check) look at
    the written pages; it takes seconds (about 1.5 s for the real content)."""
    started = time.monotonic()
    # No search index: nothing will read it.
    extra = {"SEARCH_INDEX": False, **(extra or {})}
    with tempfile.TemporaryDirectory(prefix="content-check-") as throwaway:
        code = subprocess.call(pelican_command(content, throwaway, settings, fatal="errors",
                                               extra=extra))
    seconds = time.monotonic() - started
    if code == 0:
        print(f"Content checked in {seconds:.1f} s: no errors (warnings, if any, are listed above).")
    else:
        print(f"\nContent checked in {seconds:.1f} s: there are errors, listed above.",
              file=sys.stderr)
    return code


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="output")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--fatal", choices=["errors", "warnings"])
    parser.add_argument("--check-only", action="store_true",
                        help="run every content check without building the site")
    parser.add_argument("-e", "--extra", action="append", default=[], metavar="KEY=JSON",
                        help="a setting to override, as Pelican's -e")
    args = parser.parse_args(argv)
    extra = {}
    for item in args.extra:
        key, _, value = item.partition("=")
        extra[key] = json.loads(value)
    if args.check_only:
        return check(args.content, args.settings, extra)
    return build(args.content, args.output, args.settings, args.fatal, extra)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
