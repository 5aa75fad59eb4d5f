"""Benchmark: our full build against plain Pelican on the same synthetic archive.

    .venv/bin/python tools/bench/run.py --sizes 1000 5000     (what `make bench` runs)
    .venv/bin/python tools/bench/run.py --sizes 200 --runs 1  (a quick look)

    .venv/bin/python tools/bench/run.py --photos-only         (the photo step alone)

For each size it writes the archive twice (YAML front matter for us, Pelican's own
metadata header for plain Pelican), then builds ours and plain alternately, each
into a fresh output folder, and reports medians. Then a one-file-change rebuild of
ours with Pelican's content cache on, the preview server's time from a save to the
page rewritten (tools/bench/preview.py), the heaviest pages, an archive with photos
built cold (empty photo cache) and warm (the cache the cold build filled), and a
cProfile summary of our build at the largest size. Builds run in child processes:
Pelican's signals are global to a process.
"""

import argparse
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tools.bench import generate, profile  # noqa: E402
from tools.bench import photos as synthetic_photos  # noqa: E402
from tools.bench.preview import bench_preview, format_preview_report  # noqa: E402
from tools.bench.measure import (  # noqa: E402
    folder_files, html_pages, median, page_weights, photo_counts, run_build, same_files)

PYTHON = sys.executable
PLAIN_SETTINGS = '''\
# Plain Pelican: its default theme, no plugins. Only what it needs to find the
# same articles and pages as our build.
SITENAME = "Plain Pelican"
ARTICLE_PATHS = ["news", "district-days"]
PAGE_PATHS = ["pages", "faq"]
TIMEZONE = "Europe/London"
PLUGINS = []  # an empty list: None would load every installed namespace plugin
'''
FOOTNOTE = (
    "Plain = Pelican {pelican} with its default theme and PLUGINS = [], building the same "
    "Markdown bodies; because plain Pelican cannot read YAML front matter, its copy of each "
    "file carries the same metadata as Pelican's own header (`Title:`, `Date:`, `Tags:`, "
    "`Summary:`, ...). Ours = pelicanconf.py (every plugin, our theme). Wall time of the whole "
    "`pelican` process, median of {runs} runs taking turns, each into a fresh output folder; "
    "CPU = user + system time of the build and the processes it waited for (Markdown "
    "workers, Pagefind); peak memory = the largest ru_maxrss of the build or one of those "
    "processes (largest run); pages = HTML files written. \"no search index\" = ours with "
    "SEARCH_INDEX = False (no Pagefind run); \"no plain-English checks\" = ours with "
    "PLAIN_ENGLISH = False. "
    "Machine: {cpus} CPU cores, Python {python}."
)


NO_SEARCH_INDEX = ["-e", "SEARCH_INDEX=false"]
NO_PLAIN_ENGLISH = ["-e", "PLAIN_ENGLISH=false"]
# The archive with photos has a fixed size, whatever --sizes says, so that its results
# compare from run to run: 200 releases, 20 with a lead photo and 2 with one in the text.
PHOTO_RELEASES = 200
VARIANT_SLUGS = {"ours": "ours", "ours, no search index": "ours-nosearch",
                 "ours, no plain-English checks": "ours-noplain", "plain": "plain"}


def pelican_command(content, output, settings, *extra):
    return [PYTHON, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings),
            *extra]


def cache_options(cache_dir):
    return ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true",
            f'CACHE_PATH="{cache_dir}"']


def check(run, what):
    if run.returncode != 0:
        tail = "\n".join(run.log.read_text(encoding="utf-8").splitlines()[-30:])
        sys.exit(f"{what} failed (exit {run.returncode}); log {run.log}:\n{tail}")


def count_messages(log):
    text = Path(log).read_text(encoding="utf-8")
    return (len(re.findall(r"^\s*(?:\[[^\]]*\]\s*)?ERROR\b", text, re.MULTILINE)),
            len(re.findall(r"^\s*(?:\[[^\]]*\]\s*)?WARNING\b", text, re.MULTILINE)))


def bench_size(size, workdir, runs, say):
    folder = workdir / str(size)
    content = {"ours": folder / "content-ours", "plain": folder / "content-plain"}
    data_dir = REPO / "content" / "data"
    generate.write_archive(content["ours"], size, style="yaml", data_dir=data_dir)
    generate.write_archive(content["plain"], size, style="pelican", data_dir=data_dir)
    settings = {"ours": REPO / "pelicanconf.py", "plain": folder / "plain_settings.py"}
    settings["plain"].write_text(PLAIN_SETTINGS, encoding="utf-8")

    variants = {  # name -> (content, settings, extra options)
        "ours": (content["ours"], settings["ours"], []),
        "ours, no search index": (content["ours"], settings["ours"], NO_SEARCH_INDEX),
        "ours, no plain-English checks": (content["ours"], settings["ours"], NO_PLAIN_ENGLISH),
        "plain": (content["plain"], settings["plain"], []),
    }
    results = {name: [] for name in variants}
    outputs = {}
    names = list(variants)
    for number in range(runs):
        order = names[number % len(names):] + names[:number % len(names)]  # rotate who goes first
        for name in order:
            source, settings_file, extra = variants[name]
            output = folder / f"out-{VARIANT_SLUGS[name]}-{number}"
            run = run_build(pelican_command(source, output, settings_file, *extra),
                            REPO, folder / f"log-{VARIANT_SLUGS[name]}-{number}.txt")
            check(run, f"{name} build of {size}")
            results[name].append(run)
            outputs[name] = output
            say(f"  {size}: {name} run {number + 1}: {run.seconds:.1f} s "
                f"(CPU {run.cpu_seconds:.1f} s), {run.peak_mb:.0f} MB")

    rows = {"variants": {}}
    for name in variants:
        seconds = median([run.seconds for run in results[name]])
        pages = len(html_pages(outputs[name]))
        rows["variants"][name] = {
            "seconds": seconds, "pages": pages, "pages_per_second": pages / seconds,
            "cpu_seconds": median([run.cpu_seconds for run in results[name]]),
            "peak_mb": max(run.peak_mb for run in results[name]),
            "messages": count_messages(results[name][-1].log),
        }
    rows["rebuild"] = bench_rebuild(size, folder, content["ours"], settings["ours"], runs, say)
    rows["preview"] = bench_preview(content["ours"], folder, say)
    rows["weights"] = page_weights(outputs["ours"])
    return rows


def bench_rebuild(size, folder, content, settings, runs, say):
    """A full build of ours with the cache on, then `runs` rebuilds, each after one
    release changed (a different one each time), into the same output folder."""
    output, cache = folder / "out-ours-cached", folder / "cache"
    full = run_build(pelican_command(content, output, settings, *cache_options(cache)),
                     REPO, folder / "log-cached-full.txt")
    check(full, f"cached full build of {size}")
    releases = sorted((content / "news").glob("*.md"))
    rebuilds = []
    for number in range(runs):
        changed = releases[(number + 1) * len(releases) // (runs + 1)]
        with changed.open("a", encoding="utf-8") as handle:
            handle.write("\nThis release was updated by the benchmark.\n")
        run = run_build(pelican_command(content, output, settings, *cache_options(cache)),
                        REPO, folder / f"log-rebuild-{number}.txt")
        check(run, f"rebuild of {size}")
        rebuilds.append(run.seconds)
        say(f"  {size}: one-file rebuild {number + 1}: {run.seconds:.1f} s "
            f"(full build with cache on: {full.seconds:.1f} s)")
    return {"full": full.seconds, "rebuild": median(rebuilds)}


def bench_photos(releases, workdir, runs, say):
    """An archive with photos: ours cold (a fresh, empty photo cache each time), then warm
    (the cache that cold build filled), each into a fresh output folder; plain Pelican,
    which copies the originals as they are, taking turns with them."""
    folder = workdir / f"photos-{releases}"
    content = {"ours": folder / "content-ours", "plain": folder / "content-plain"}
    started = time.perf_counter()
    generate.write_archive(content["ours"], releases, data_dir=REPO / "content" / "data",
                           photos=True)
    generate.write_archive(content["plain"], releases, style="pelican", photos=True,
                           data_dir=REPO / "content" / "data", photos_from=content["ours"])
    photos = len(folder_files(content["ours"] / "images"))
    say(f"  photo archive: {releases:,} releases, {photos} photos of "
        f"{synthetic_photos.WIDTH} x {synthetic_photos.HEIGHT}, written in "
        f"{time.perf_counter() - started:.1f} s")
    (folder / "plain_settings.py").write_text(PLAIN_SETTINGS, encoding="utf-8")
    runs_of = {"cold": [], "warm": [], "plain": []}
    for number in range(runs):
        cache = ["-e", f'PHOTOS_CACHE="{folder / f"photo-cache-{number}"}"']
        builds = {"cold": (content["ours"], REPO / "pelicanconf.py", cache),
                  "warm": (content["ours"], REPO / "pelicanconf.py", cache),
                  "plain": (content["plain"], folder / "plain_settings.py", [])}
        order = [["plain", "cold", "warm"], ["cold", "plain", "warm"],
                 ["cold", "warm", "plain"]][number % 3]  # warm always after its cold
        for name in order:
            source, settings, extra = builds[name]
            output = folder / f"out-{name}-{number}"
            run = run_build(pelican_command(source, output, settings, *extra), REPO,
                            folder / f"log-{name}-{number}.txt")
            check(run, f"{name} build of the photo archive")
            run.output, run.counts = output, photo_counts(run.log)
            runs_of[name].append(run)
            say(f"  photos: {name} run {number + 1}: {run.seconds:.1f} s "
                f"(CPU {run.cpu_seconds:.1f} s), {run.peak_mb:.0f} MB"
                + (f"; {run.counts[2]} files made, {run.counts[3]} from the cache"
                   if run.counts else ""))
    identical = all(same_files(cold.output / "images", warm.output / "images")
                    for cold, warm in zip(runs_of["cold"], runs_of["warm"]))
    return {"releases": releases, "photos": photos, "runs": runs_of, "identical": identical,
            "messages": count_messages(runs_of["cold"][-1].log)}


def spread(values):
    """"352", or "0-16" when the runs disagree."""
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}-{high}"


def format_photo_report(result):
    releases, photos, runs_of = result["releases"], result["photos"], result["runs"]
    lines = [f"## Photos: cold and warm builds ({releases:,} releases, {photos} photos)", "",
             "| build | photo files published | made by the build | taken from the cache | "
             "median wall s | median CPU s | peak MB | output/images MB |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, label in [("cold", "ours, cold (empty photo cache)"),
                        ("warm", "ours, warm (cache of the cold build)"),
                        ("plain", "plain (copies the originals)")]:
        runs = runs_of[name]
        images = folder_files(runs[-1].output / "images")
        counts = [spread([r.counts[column] for r in runs]) for column in (1, 2, 3)] \
            if runs[0].counts else [f"{len(images)} (originals)", "", ""]
        lines.append(f"| {label} | {' | '.join(counts)} | "
                     f"{median([r.seconds for r in runs]):.1f} | "
                     f"{median([r.cpu_seconds for r in runs]):.1f} | "
                     f"{max(r.peak_mb for r in runs):.0f} | {sum(images.values()) / 1e6:.1f} |")
    cold = median([r.seconds for r in runs_of["cold"]])
    warm = median([r.seconds for r in runs_of["warm"]])
    errors, warnings = result["messages"]
    lines += ["", f"{len(runs_of['cold'])} cold, {len(runs_of['warm'])} warm and "
              f"{len(runs_of['plain'])} plain runs taking turns, each into a fresh output "
              "folder; each cold run with a new, empty photo cache, its warm run with the "
              f"cache it filled. Cold minus warm: {cold - warm:.1f} s, "
              f"{(cold - warm) / max(photos, 1):.2f} s per photo. Warm output/images "
              f"{'byte for byte the same as' if result['identical'] else 'DIFFERS from'} "
              f"cold. The cold build logged {errors} error and {warnings} warning lines.", ""]
    return "\n".join(lines)


def profile_build(size, workdir, say):
    folder = workdir / str(size)
    stats_file = folder / "ours.prof"
    command = [PYTHON, "-m", "cProfile", "-o", str(stats_file), "-m", "pelican",
               str(folder / "content-ours"), "-o", str(folder / "out-profile"),
               "-s", str(REPO / "pelicanconf.py")]
    run = run_build(command, REPO, folder / "log-profile.txt")
    check(run, f"profiled build of {size}")
    say(f"  {size}: profiled build {run.seconds:.1f} s")
    return profile.format_summary(profile.summarise(stats_file, REPO / "plugins"))


def format_report(results, runs, profile_text, photo_text=None, heaviest=10):
    import pelican

    lines = ["## Full build", "",
             "| releases | build | HTML pages | median wall s | median CPU s | pages/s | "
             "peak MB | wall / plain |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size, rows in results.items():
        plain_seconds = rows["variants"]["plain"]["seconds"]
        for name, row in rows["variants"].items():
            ratio = "" if name == "plain" else f"{row['seconds'] / plain_seconds:.2f}"
            lines.append(
                f"| {size:,} | {name} | {row['pages']:,} | {row['seconds']:.1f} | "
                f"{row['cpu_seconds']:.1f} | {row['pages_per_second']:.0f} | "
                f"{row['peak_mb']:.0f} | {ratio} |")
    lines += ["", FOOTNOTE.format(pelican=pelican.__version__, runs=runs, cpus=os.cpu_count(),
                                   python=platform.python_version()), ""]
    for size, rows in results.items():
        errors, warnings = rows["variants"]["ours"]["messages"]
        lines.append(f"Our build of {size:,} logged {errors} error and {warnings} warning lines.")
    lines.append("")
    for size, rows in results.items():
        ours = rows["variants"]["ours"]
        without = rows["variants"]["ours, no plain-English checks"]
        lines.append(
            f"Plain-English checks at {size:,}: {ours['seconds'] - without['seconds']:+.1f} s "
            f"wall ({(ours['seconds'] - without['seconds']) / ours['seconds']:.0%} of our full "
            f"build), {ours['cpu_seconds'] - without['cpu_seconds']:+.1f} s CPU.")

    lines += ["", "## One-file rebuild (ours, Pelican's content cache on)", "",
              "| releases | full build, cache on (s) | rebuild after one file changed (s) | "
              "rebuild / full | rebuild / full without cache |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    for size, rows in results.items():
        rebuild = rows["rebuild"]
        lines.append(f"| {size:,} | {rebuild['full']:.1f} | {rebuild['rebuild']:.1f} | "
                     f"{rebuild['rebuild'] / rebuild['full']:.2f} | "
                     f"{rebuild['rebuild'] / rows['variants']['ours']['seconds']:.2f} |")

    lines += ["", "## Preview server (`make devserver`): from saving a file to the page "
              "rewritten and to the search index up to date",
              "", format_preview_report(
                  {size: rows["preview"] for size, rows in results.items()},
                  {size: rows["variants"]["ours"]["seconds"] for size, rows in results.items()}),
              "", "tools/bench/preview.py: one save of each kind, in this order, on a copy of "
              "the archive, each after the build of the one before has finished; in brackets, "
              "the time as a fraction of the full build of ours above."]

    largest = list(results)[-1]
    weights = results[largest]["weights"]
    lines += ["", f"## Heaviest pages of ours at {largest:,} (HTML + linked CSS, gzip -6)", "",
              "| KB gzipped | page |", "| ---: | --- |"]
    lines += [f"| {size / 1024:.1f} | /{page} |" for size, page in weights[:heaviest]]
    over = [page for size, page in weights if size >= 20 * 1024]
    lines += ["", f"{len(over)} of {len(weights):,} pages weigh 20 KB or more."]
    if photo_text:
        lines += ["", photo_text]
    if profile_text:
        lines += ["", f"## Profile of our build at {largest:,} (cProfile)", "", profile_text]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each build")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--photo-releases", type=int, default=PHOTO_RELEASES,
                        help="releases in the archive with photos (one in ten has a lead "
                        "photo); 0: no photo step")
    parser.add_argument("--photos-only", action="store_true",
                        help="only the photo step: no --sizes, no profile")
    parser.add_argument("--report", type=Path, help="also write the report (Markdown) here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)

    def say(message):
        print(message, flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="pcc-bench-"))
    say(f"Benchmark work folder: {workdir}")
    try:
        results = {}
        for size in [] if args.photos_only else sorted(args.sizes):
            say(f"{size:,} press releases:")
            results[size] = bench_size(size, workdir, args.runs, say)
        photo_text = None
        if args.photo_releases:
            say(f"{args.photo_releases:,} press releases with photos:")
            photo_text = format_photo_report(
                bench_photos(args.photo_releases, workdir, args.runs, say))
        if args.photos_only:
            report = (photo_text or "") + "\n"
        else:
            profile_text = None if args.no_profile else profile_build(max(args.sizes), workdir,
                                                                      say)
            report = format_report(results, args.runs, profile_text, photo_text)
        print("\n" + report)
        if args.report:
            args.report.write_text(report, encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
