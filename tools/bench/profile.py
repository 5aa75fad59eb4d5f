"""Where a build spends its time: a cProfile summary that names packages and plugins."""

import pstats
from pathlib import Path

# Own time is grouped by the first of these found in a function's file path.
PACKAGES = ["markdown", "jinja2", "markupsafe", "yaml", "feedgenerator", "pelican",
            "phonenumbers", "bs4", "lxml", "html5lib", "docutils", "pygments"]


# Phases of a build, as (end of file path, function name) -> what it is. Inclusive times.
KEY_FUNCTIONS = [
    (("pelican/generators.py", "generate_context"), "reading: generators' generate_context"),
    (("pelican/readers.py", "read_file"), "reading: Readers.read_file (all content files)"),
    (("markdown/core.py", "convert"), "Markdown conversion in the main process"),
    (("yaml/__init__.py", "load"), "YAML front matter (PyYAML)"),
    (("pelican/generators.py", "generate_output"), "writing: generators' generate_output"),
    (("pelican/writers.py", "write_file"), "writing: Writer.write_file (pages)"),
    (("jinja2/environment.py", "render"), "Jinja2 Template.render"),
    (("pelican/writers.py", "write_feed"), "writing: feeds"),
    (("subprocess.py", "run"), "waiting for child processes (e.g. Pagefind)"),
]


# Pelican's own steps that a plugin may wrap (call in place of Pelican).
WRAPPED = {"read_file", "generate_output", "generate_context", "write_file"}


def _key_functions(stats):
    found = []
    for (suffix, name), label in KEY_FUNCTIONS:
        cumulative = sum(cumtime for key, (_, _, _, cumtime, _) in stats.items()
                         if key[2] == name and key[0].endswith(suffix))
        if cumulative:
            found.append((label, cumulative))
    return found


def _group(filename, plugins_dir):
    path = Path(filename)
    if plugins_dir and str(path).startswith(str(plugins_dir)):
        return "plugins/" + path.relative_to(plugins_dir).parts[0]
    if filename.endswith(".html"):
        return "templates (compiled Jinja2)"
    parts = path.parts
    if "site-packages" in parts:
        package = parts[parts.index("site-packages") + 1]
        if package == "pelican" and "plugins" in parts:
            return "pelican." + ".".join(parts[parts.index("plugins"):][:2])
        return package if package in PACKAGES else "other libraries"
    if filename in ("~",) or filename.startswith("<"):
        return "built-ins (C)"
    return "Python standard library"


def _short(key):
    filename, line, name = key
    parts = Path(filename).parts
    if "site-packages" in parts:
        filename = "/".join(parts[parts.index("site-packages") + 1:])
    elif "plugins" in parts:
        filename = "/".join(parts[parts.index("plugins"):])
    return f"{filename}:{line}({name})" if line else name


def summarise(profile_file, plugins_dir=None, top=15):
    """Total seconds, top `top` functions by own time, own time per package and the
    inclusive time of each of our plugins (time in calls that enter the plugin)."""
    stats = pstats.Stats(str(profile_file)).stats
    total = sum(tottime for _, _, tottime, _, _ in stats.values())
    functions = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    top_lines = [(_short(key), tottime, cumtime, calls)
                 for key, (_, calls, tottime, cumtime, _) in functions]

    by_group = {}
    for key, (_, _, tottime, _, _) in stats.items():
        group = _group(key[0], plugins_dir)
        by_group[group] = by_group.get(group, 0.0) + tottime

    plugin_inclusive = {}
    for key, (_, _, _, _, callers) in stats.items():
        group = _group(key[0], plugins_dir)
        for caller, edge in callers.items():
            caller_group = _group(caller[0], plugins_dir)
            if group.startswith("plugins/") and caller_group != group:
                # a call from outside enters the plugin
                plugin_inclusive[group] = plugin_inclusive.get(group, 0.0) + edge[3]
            elif caller_group.startswith("plugins/") and group == "pelican" \
                    and key[2] in WRAPPED:
                # a plugin that wraps Pelican's own step: that step is not the plugin's cost
                plugin_inclusive[caller_group] = plugin_inclusive.get(caller_group, 0.0) - edge[3]
    entry_points = _plugin_entry_points(stats, plugins_dir)
    return {
        "total": total,
        "top": top_lines,
        "by_group": sorted(by_group.items(), key=lambda item: item[1], reverse=True),
        "plugins": sorted(plugin_inclusive.items(), key=lambda item: item[1], reverse=True),
        "plugin_entry_points": entry_points,
        "key_functions": _key_functions(stats),
    }


def _plugin_entry_points(stats, plugins_dir, per_plugin=3):
    """The costliest functions of each plugin called from outside it: where to look."""
    entries = {}
    for key, (_, _, _, _, callers) in stats.items():
        group = _group(key[0], plugins_dir)
        if not group.startswith("plugins/"):
            continue
        inclusive = sum(edge[3] for caller, edge in callers.items()
                        if _group(caller[0], plugins_dir) != group)
        if inclusive:
            entries.setdefault(group, []).append((inclusive, _short(key)))
    return {group: sorted(found, reverse=True)[:per_plugin] for group, found in entries.items()}


def format_summary(summary):
    total = summary["total"] or 1.0
    lines = [f"Profiled build: {summary['total']:.1f} s of Python time (cProfile adds overhead).",
             "", "Top functions by own time:", "",
             "| own s | share | cumulative s | calls | function |",
             "| ---: | ---: | ---: | ---: | --- |"]
    for name, tottime, cumtime, calls in summary["top"]:
        lines.append(f"| {tottime:.2f} | {tottime / total:.0%} | {cumtime:.2f} | {calls} | `{name}` |")
    lines += ["", "Phases (inclusive time; they overlap):", "", "| phase | s | share |",
              "| --- | ---: | ---: |"]
    for label, seconds in summary["key_functions"]:
        lines.append(f"| {label} | {seconds:.2f} | {seconds / total:.0%} |")
    lines += ["", "Own time by package:", "", "| package | own s | share |", "| --- | ---: | ---: |"]
    for group, seconds in summary["by_group"]:
        if seconds / total >= 0.005:
            lines.append(f"| {group} | {seconds:.2f} | {seconds / total:.0%} |")
    if summary["plugins"]:
        lines += ["", "Our plugins, inclusive time (everything they call, less Pelican's own "
                  "read_file/generate_output/write_file when a plugin wraps them):", "",
                  "| plugin | s | share | costliest entry points |", "| --- | ---: | ---: | --- |"]
        for group, seconds in summary["plugins"]:
            entries = "; ".join(f"`{name}` {sec:.2f} s"
                                for sec, name in summary["plugin_entry_points"].get(group, []))
            lines.append(f"| {group} | {seconds:.2f} | {seconds / total:.0%} | {entries} |")
    return "\n".join(lines)
