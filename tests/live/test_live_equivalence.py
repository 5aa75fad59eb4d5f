"""The live preview (plugins/live_build) writes what a full build writes.

A site is built once with `LiveSite.build()`, then changed by a long random sequence of
edits (tests/live/edits.py: bodies, titles, summaries, dates, tags, renames, new and
deleted releases, links between releases, District Day reports, FAQ pages, pages and
contacts.yml), each followed by `LiveSite.update(changed paths)`. After every step the
live output must be byte for byte what a fresh full build of the same content writes
(tools/build.py in a subprocess, same settings). Now and then a step puts a content
error in a file: the update must report it and leave output/ exactly as it was, and the
next step repairs the file (edits made in the same step as the error stay, so the
update after the repair must still carry them out).

The sequence is seeded. A failure names the seed and the steps; replay it with

    LIVE_SEED=<seed> .venv/bin/python -m pytest tests/live/test_live_equivalence.py -k <scenario>

LIVE_SEED=random draws a new seed each run (to look for more bugs), LIVE_STEPS=<n> sets
the number of steps of every scenario.
"""

import datetime
import difflib
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import compare_output  # tools/ is on pytest's path (pytest.ini)
import pytest
from bench import generate
from live_build import LiveSite

from conftest import CONTENT, PHOTO_CACHE, REPO
from live import edits  # tests/live/edits.py (tests/ is on pytest's path)

SETTINGS = REPO / "pelicanconf.py"
TODAY = datetime.date.today()
OVERRIDES = {
    "SEARCH_INDEX": False,  # Pagefind's index differs between any two builds
    "PHOTOS_CACHE": PHOTO_CACHE,
    # One "now" for every build of the run, so that a run across midnight stays the same.
    "SITE_NOW": f"{TODAY.isoformat()}T12:00",
}
# Edits that change only the words of one release (live_build's in-place path).
WORDS_ONLY = {"release_body", "release_summary", "release_title"}
# scenario: (default seed, steps, errors: each an error step and its repair, counted in
# the steps). About 1.5 s of full build per step.
SCENARIOS = {"synthetic": (1, 30, 4), "real_content": (2, 14, 2)}


def seed_for(scenario):
    chosen = os.environ.get("LIVE_SEED", "")
    if chosen == "random":
        return random.SystemRandom().randrange(1, 10**6)
    return int(chosen) if chosen else SCENARIOS[scenario][0]


def make_content(scenario, seed, root):
    content = root / "content"
    if scenario == "synthetic":
        generate.write_archive(content, 40, seed=seed, data_dir=CONTENT / "data")
    else:
        # Without the list of published addresses: a renamed, deleted or redated release
        # would otherwise be an error (url_stability), as write_archive leaves it out too.
        shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("published-urls.txt"))
    return content


# --- the full build, for reference -------------------------------------------------------

def start_full_build(content, output):
    """tools/build.py (the safe build, stopping on any content error) in a subprocess."""
    command = [sys.executable, str(REPO / "tools/build.py"), "--content", str(content),
               "--output", str(output), "--settings", str(SETTINGS), "--fatal", "errors"]
    for key, value in OVERRIDES.items():
        command += ["-e", f"{key}={json.dumps(value)}"]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def finish_full_build(process):
    log, _ = process.communicate()
    return process.returncode, log


# --- comparing outputs ---------------------------------------------------------------

def digests(root):
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(Path(root).rglob("*")) if path.is_file()}


def _excerpt(line, column, width=90):
    start = max(0, column - width // 3)
    text = line[start:start + width]
    return ("..." if start else "") + text + ("..." if start + width < len(line) else "")


def first_difference(expected, actual, name, lines=6):
    """The first differing lines of one file, each pair trimmed around where it differs."""
    a, b = (expected / name).read_bytes(), (actual / name).read_bytes()
    out = [f"  {name} ({len(a)} bytes in the full build, {len(b)} live):"]
    try:
        a_lines, b_lines = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return out + ["    (binary)"]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_lines, b_lines,
                                                       autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for k in range(min(max(i2 - i1, j2 - j1), 3)):
            old = a_lines[i1 + k] if i1 + k < i2 else None
            new = b_lines[j1 + k] if j1 + k < j2 else None
            column = len(os.path.commonprefix([old, new])) if old and new else 0
            if old is not None:
                out.append(f"    full build {i1 + k + 1}: {_excerpt(old, column)}")
            if new is not None:
                out.append(f"    live       {j1 + k + 1}: {_excerpt(new, column)}")
        if len(out) > lines:
            break
    return out[:lines + 1]


def output_difference(expected, actual):
    """None when the two folders hold the same files with the same bytes; otherwise a
    short readable account (tools/compare_output.py sorts the files)."""
    result = compare_output.compare(Path(expected), Path(actual))
    differing = result["different"] + result["escaping"]
    if not (differing or result["only_old"] or result["only_new"]):
        return None
    report = []
    for key, label in (("only_old", "only in the full build"), ("only_new", "only in live")):
        if result[key]:
            names = result[key]
            report.append(f"{len(names)} files {label}: {', '.join(names[:8])}"
                          + (" ..." if len(names) > 8 else ""))
    if differing:
        report.append(f"{len(differing)} files differ"
                      + (f" ({len(result['escaping'])} only in escaping)"
                         if result["escaping"] else "") + f": {', '.join(differing[:8])}"
                      + (" ..." if len(differing) > 8 else ""))
        for name in differing[:3]:
            report += first_difference(Path(expected), Path(actual), name)
    return "\n".join(report)


# --- the test -------------------------------------------------------------------------

class Run:
    """One scenario's state, and its failure message."""

    def __init__(self, scenario, seed, content, tmp_path):
        self.scenario, self.seed, self.content = scenario, seed, content
        self.live = tmp_path / "live" / "output"
        self.reference = tmp_path / "reference" / "output"
        self.history = []
        self.update_seconds = []
        self.in_place = 0  # updates live_build applied in place

    def fail(self, message):
        steps = "\n".join(f"  {line}" for line in self.history[-12:])
        length = f"LIVE_STEPS={os.environ['LIVE_STEPS']} " if os.environ.get("LIVE_STEPS") else ""
        pytest.fail(
            f"{message}\n\nScenario {self.scenario}, seed {self.seed}, after these steps "
            f"(the last {min(len(self.history), 12)}):\n{steps}\n"
            f"Replay: LIVE_SEED={self.seed} {length}.venv/bin/python -m pytest "
            f"tests/live/test_live_equivalence.py -k {self.scenario} -p no:cacheprovider",
            pytrace=False)

    def step_and_compare(self, label, action, beside=True):
        """Run `action()` (the live build or update) beside a full build of the same
        content (after it, with `beside=False`), then compare the two outputs."""
        process = start_full_build(self.content, self.reference) if beside else None
        started = time.monotonic()
        try:
            outcome = action()
        finally:
            self.update_seconds.append(time.monotonic() - started)
            if process is None:
                process = start_full_build(self.content, self.reference)
            code, log = finish_full_build(process)
        if code != 0:
            self.fail(f"{label}: the full build failed (the edit made invalid content: "
                      f"a bug of tests/live/edits.py?):\n{log[-3000:]}")
        if outcome.errors:
            self.fail(f"{label}: the live build reported errors, but a full build of the "
                      "same content has none:\n" + "\n".join(outcome.errors[:10]))
        self.in_place += bool(getattr(outcome, "in_place", False))
        difference = output_difference(self.reference, self.live)
        if difference:
            again = self.reference.parent / "again"
            code, _ = finish_full_build(start_full_build(self.content, again))
            if code == 0 and output_difference(self.reference, again):
                difference += ("\n(Two full builds of the same content differ too: the full "
                               "build is not reproducible.)")
            self.fail(f"{label}: the live output is not what a full build writes.\n"
                      f"{difference}")


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_live_updates_write_what_a_full_build_writes(scenario, tmp_path):
    seed = seed_for(scenario)
    _, steps, breaks = SCENARIOS[scenario]
    steps = int(os.environ.get("LIVE_STEPS", steps))
    breaks = min(breaks, steps // 4)
    content = make_content(scenario, seed, tmp_path)
    run = Run(scenario, seed, content, tmp_path)
    site = LiveSite(content=content, output=run.live, settings=str(SETTINGS),
                    overrides=dict(OVERRIDES))
    run.history.append("0: LiveSite.build()")
    # The first build alone: both would make the same photos into the one cache at once.
    run.step_and_compare("The first build", site.build, beside=False)

    editor = edits.Editor(content, random.Random(seed), TODAY)
    plan = editor.plan(steps, breaks)
    number = 0
    words_only = 0  # saves that change only a release's body or summary
    for kind in plan:
        number += 1
        if kind == "break":
            # An error, sometimes with a good edit beside it in the same update.
            step = editor.random_step() if editor.rng.random() < 0.6 else None
            broken = editor.break_step()
            step = step.merged(broken) if step else broken
            run.history.append(f"{number}: {step.what}  [expected: errors]")
            before = digests(run.live)
            outcome = site.update(sorted(step.changed))
            (broken_file,) = broken.changed
            if not any(broken_file.name in line for line in outcome.errors):
                run.fail(f"Step {number}: the update reported no error in {broken_file.name} "
                         f"for: {broken.what}\nIts errors: {outcome.errors[:5]}")
            after = digests(run.live)
            if after != before:
                changed = sorted(name for name in before.keys() | after.keys()
                                 if before.get(name) != after.get(name))
                run.fail(f"Step {number}: an update with errors changed output/ "
                         f"({len(changed)} files: {', '.join(changed[:8])})")
            number += 1
            step = broken.fix()
        else:
            step = editor.step(kind)
            if editor.rng.random() < 0.15:  # two edits saved before one update
                step = step.merged(editor.random_step())
        run.history.append(f"{number}: {step.what}")
        run.step_and_compare(f"Step {number}",
                             lambda: site.update(sorted(step.changed)))  # noqa: B023
        words_only += step.kind in WORDS_ONLY

    # Such saves take live_build's shortest path (inplace.py), unless the new words
    # bring a phone number or a link with them: this test must have tried that path.
    if words_only >= 3 and not run.in_place:
        run.fail(f"{words_only} saves changed only a release's body or summary, and none "
                 "was applied in place (live_build/inplace.py): that path went untested")
    seconds = run.update_seconds
    print(f"{scenario}, seed {seed}: {number} steps ({run.in_place} in place); build/update {sum(seconds):.1f} s "
          f"in all, slowest {max(seconds):.2f} s (each beside a full build)")
