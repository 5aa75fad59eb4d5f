"""Receivers that must run after those every other plugin connects in its register().

Pelican calls a signal's receivers in the order they were connected, which is the order
of PLUGINS. Some of ours must come after another plugin's, whatever that order: the
fast Markdown reader after pelican-yaml-metadata's, the finished sitemap after
pelican-sitemap has written it, the report after every check. They are connected with
`connect_after_plugins(signal, receiver)` in register(), and actually connected when
`initialized` is sent, once every plugin is registered. After them come the receivers
of `finalized` that read the finished output folder (`connect_when_site_is_written`:
the link check), and last of all the report.

One receiver of `finalized` must come before all others: the wait for the pages that
other processes are still writing (parallel_pages), since every other receiver may read
the output. `connect_first_to_finalized(receiver)` runs it from a receiver connected when
site_core is imported, before any plugin can connect one.
"""

from pelican import signals

_waiting = {}  # (signal, receiver) -> None, in the order asked; the same pair once
_site_written = []  # receivers of `finalized` that read the whole output folder
_last = []  # receivers of `finalized` that go after everything (the report)
_first = []  # receivers of `finalized` that go before everything (the pages' wait)


def connect_after_plugins(signal, receiver):
    """Connect `receiver` to `signal` after every receiver plugins connect in register()."""
    _waiting.setdefault((signal, receiver), None)


def connect_when_site_is_written(receiver):
    """Connect `receiver` to `finalized` after every other plugin's receivers (which may
    still write files: the sitemap, robots.txt), but before the report."""
    if receiver not in _site_written:
        _site_written.append(receiver)


def connect_first_to_finalized(receiver):
    if receiver not in _first:
        _first.append(receiver)


def _run_first(pelican):
    for receiver in _first:
        receiver(pelican)


def connect_last_to_finalized(receiver):
    if receiver not in _last:
        _last.append(receiver)


def _connect_waiting(pelican):
    for signal, receiver in _waiting:
        signal.connect(receiver)
    for receiver in _site_written + _last:
        signals.finalized.connect(receiver)


# Connected when site_core is imported: every plugin imports it at its top, and Pelican
# imports every plugin before it calls any register(), so this is the first receiver of
# `initialized` and sees every request.
signals.initialized.connect(_connect_waiting)
# Likewise the first receiver of `finalized`, connected before any plugin's register().
signals.finalized.connect(_run_first)
