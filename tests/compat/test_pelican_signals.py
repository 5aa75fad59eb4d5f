"""What site_core's connect_after_plugins relies on: Pelican's signals (blinker's) call
their receivers in the order they were connected, and `initialized` comes after every
plugin's register()."""

import inspect

import pelican
from pelican import signals


def test_receivers_are_called_in_the_order_they_were_connected():
    called = []
    receivers = [lambda sender, number=number: called.append(number)
                 for number in (5, 2, 7, 0, 3, 6, 1, 4, *range(8, 50))]
    signal = type(signals.finalized)("contract-test")  # a new signal of Pelican's kind
    for receiver in receivers:
        signal.connect(receiver)
    signal.send(None)
    assert called == [5, 2, 7, 0, 3, 6, 1, 4, *range(8, 50)]


def test_initialized_is_sent_after_every_plugin_is_registered():
    source = inspect.getsource(pelican.Pelican.__init__)
    assert source.index("self.init_plugins()") < source.index("signals.initialized.send(self)")
    plugins = inspect.getsource(pelican.Pelican.init_plugins)
    assert "load_plugins(self.settings)" in plugins and "plugin.register()" in plugins


def test_plugins_are_all_imported_before_any_is_registered():
    # load_plugins returns the list of imported modules; register() is called after.
    plugins = inspect.getsource(pelican.Pelican.init_plugins)
    assert plugins.index("for plugin in load_plugins(self.settings)") < plugins.index("plugin.register()")


def test_get_generators_is_the_first_signal_of_every_build():
    # site_core's BuildState makes each plugin's state for a build on get_generators.
    run = inspect.getsource(pelican.Pelican.run)
    assert "signals." not in run[: run.index("self._get_generator_classes()")]
    assert "signals.get_generators.send(self)" in inspect.getsource(pelican.Pelican._get_generator_classes)
