"""Making the copies a build needs and the cache does not have yet.

Each photo is decoded once and every missing width, format and its sharing card are
encoded from it (about 2 s for a 12-megapixel photo, two thirds of it AVIF). Photos are
handed to worker processes as the build finds them, so they are made on every core
while Pelican goes on reading and writing pages; the build waits for them only at the
end (`finish`). With one worker, or a single photo to make, the work is done in the
build's own process instead: starting a worker would cost more than it saves.

A worker writes into the cache folder (a file appears whole or not at all), and returns
how many files it made and the problem, if the photo could not be decoded.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from . import process


@dataclass
class Order:
    """One photo's missing copies: (width, format, cache key) each, and the sharing
    card's key when the card is missing too."""
    photo: process.Photo
    copies: list = field(default_factory=list)
    card_key: str | None = None


@dataclass
class Outcome:
    made: int = 0
    problem: tuple | None = None  # (what, fix) of a PhotoError


def make_copies(order, cache_folder) -> Outcome:
    cache = process.DerivedCache(cache_folder)
    try:
        for width, fmt, key in order.copies:
            cache.put(key, process.encode(order.photo, width, fmt))
        if order.card_key:
            card = process.crop_for_sharing(order.photo)
            cache.put(order.card_key, process.encode(card, card.width, "jpeg"))
    except process.PhotoError as error:
        return Outcome(cache.made, (error.what, error.fix))
    return Outcome(cache.made)


def _outcome(name, work, *arguments) -> Outcome:
    try:
        return work(*arguments)
    except Exception as error:  # a worker killed (out of memory), a full disk
        return Outcome(0, (f'the photo "{name}" could not be made ({error})',
                           "build the site again; if this comes back, tell the web team"))


class Workshop:
    """Takes orders during a build; `finish()` returns each order's Outcome by name."""

    def __init__(self, cache_folder, workers):
        self.cache_folder = cache_folder
        self.workers = workers
        self._waiting = {}  # name -> Order, not handed to a worker yet
        self._futures = {}  # name -> Future
        self._pool = None

    def order(self, name, order):
        self._waiting[name] = order
        if self.workers > 1 and len(self._waiting) + len(self._futures) > 1:
            self._hand_over()

    def _hand_over(self):
        if self._pool is None:
            # fork, as fast_markdown's workers: nothing to import again, nothing to pickle
            # but the orders.
            self._pool = ProcessPoolExecutor(max_workers=self.workers,
                                             mp_context=multiprocessing.get_context("fork"))
        for name, order in self._waiting.items():
            self._futures[name] = self._pool.submit(make_copies, order, self.cache_folder)
        self._waiting.clear()

    def finish(self) -> dict:
        outcomes = {}
        for name, future in self._futures.items():
            outcomes[name] = _outcome(name, future.result)
        for name, order in self._waiting.items():
            outcomes[name] = _outcome(name, make_copies, order, self.cache_folder)
        if self._pool is not None:
            self._pool.shutdown()
        self._waiting, self._futures, self._pool = {}, {}, None
        return outcomes
