"""Per-build state: one object per plugin, made when a build starts, never shared
with the next build (`make devserver` runs many builds in one process)."""

from pelican import signals


class BuildState:
    """Holds the state `make(settings)` gives, for the build under way.

    A fresh state is made on `get_generators`, the first signal of every build
    (autoreload rebuilds included; `initialized` is sent only once per process). The
    receiver is connected when the plugin module is imported, and Pelican imports
    every plugin before it calls any `register()`, so the state is in place before any
    plugin's handler runs, whatever the order of PLUGINS.
    """

    def __init__(self, make):
        self._make = make
        self._state = None
        signals.get_generators.connect(self._start_build)

    def _start_build(self, pelican):
        self.start(pelican.settings)
        return None  # get_generators: this receiver adds no generator

    def start(self, settings):
        """Begin a build with a fresh state (tests call this directly)."""
        self._state = self._make(settings)
        return self._state

    @property
    def current(self):
        """The state of the build under way; None outside a build."""
        return self._state
