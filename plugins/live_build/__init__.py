"""The preview's engine: the site kept in memory, rebuilt after each save from only
what changed (see README.md). Not a Pelican plugin: tools/preview.py drives it."""

from .site import LiveSite, Outcome  # noqa: F401
