"""A Pagefind index that takes pages while Pelican is still rendering the rest.

Pagefind runs as its own process (`pagefind --service`, driven by the official
`pagefind` Python API), so it indexes on the second core while Pelican renders on the
first. Pages go through a small bounded queue to a thread that runs the API's asyncio
loop: handing over a page never waits for Pagefind, unless Pagefind falls a whole
queue behind.
"""

import asyncio
import base64
import json
import queue
import threading

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

QUEUE_SIZE = 64  # pages waiting for the thread; Pelican waits only when it is full
# No single answer from Pagefind takes this long unless it has stopped working.
RESPONSE_TIMEOUT = 120  # seconds
STOP_TIMEOUT = 5  # seconds for the process to end when asked
_FINISH = object()


class SearchIndexError(Exception):
    """Pagefind failed; the message says how."""


class PromptPagefindService(PagefindService):
    """The API's service, with a reader that keeps up and never leaves a caller waiting.

    pagefind 1.5.2's own reader sleeps 0.1 s before each answer it reads (ten pages a
    second: minutes for our site), and when the process stops it ends silently, so
    every unanswered request would wait forever. This one reads answers as they come
    and, when Pagefind stops or writes something that is not an answer, fails every
    waiting request with what it wrote.
    """

    async def _wait_for_responses(self):
        try:
            while True:
                output = await self._backend.stdout.readuntil(b",")
                response = json.loads(base64.b64decode(output[:-1]))
                future = self._responses.get(response.get("message_id"))
                if future is None or future.done():
                    continue
                payload = response["payload"]
                if payload["type"] == "Error":
                    future.set_exception(SearchIndexError(payload["message"]))
                else:
                    future.set_result(payload)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # end of output, or output that is not an answer
            if isinstance(error, asyncio.IncompleteReadError):  # the process ended
                said = error.partial.decode("utf-8", "replace").strip()[:2000]
            else:
                said = str(error)
            stopped = SearchIndexError(
                "Pagefind stopped answering: " + (said or "it ended without saying why"))
            self._stopped = stopped
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(stopped)

    _stopped = None

    async def send(self, payload):
        if self._stopped is not None:  # nobody would ever answer
            raise self._stopped
        return await super().send(payload)

    async def stop(self):
        """End the process; bounded, so a process that will not end cannot hang the build."""
        self._poll_task.cancel()
        for end in (self._backend.terminate, self._backend.kill):
            if self._backend.returncode is None:
                end()
            try:
                await asyncio.wait_for(self._backend.wait(), STOP_TIMEOUT)
                return
            except asyncio.TimeoutError:
                continue


class BackgroundIndex:
    """Start with the selectors to leave out; `add` pages as they are written; `finish`."""

    def __init__(self, exclude_selectors=()):
        self._config = IndexConfig(exclude_selectors=list(exclude_selectors))
        self._pages = queue.Queue(maxsize=QUEUE_SIZE)
        self._error = None
        self.pages_added = 0
        self._thread = threading.Thread(target=self._run, name="search_index", daemon=True)
        self._thread.start()

    def add(self, url, html):
        """Hand a page to Pagefind; after a failure pages are dropped (finish reports it)."""
        if self._error is None:
            self._pages.put((url, html))

    def finish(self, bundle_path):
        """Wait for Pagefind, write the index into `bundle_path`; SearchIndexError if it failed."""
        self._pages.put((_FINISH, bundle_path))
        self._thread.join()
        if self._error is not None:
            raise SearchIndexError(self._error)

    def _run(self):
        try:
            asyncio.run(self._index_pages())
        except BaseException as error:  # noqa: BLE001 - reported by finish()
            self._fail(error)

    def _fail(self, error):
        if self._error is None:
            self._error = str(error) or type(error).__name__

    async def _index_pages(self):
        loop = asyncio.get_running_loop()
        service = index = None
        try:
            service = await PromptPagefindService().launch()
            index = await self._answer(service.create_index(self._config))
        except Exception as error:
            self._fail(f"could not start Pagefind ({error})")
        try:
            while True:
                # One page at a time, in the order written; the thread sleeps while none
                # waits (and drops pages after a failure, so `add` never blocks for ever).
                url, item = await loop.run_in_executor(None, self._pages.get)
                if url is _FINISH:
                    if self._error is None:
                        await self._answer(index.write_files(output_path=str(item)))
                    return
                if self._error is None:
                    try:
                        await self._answer(index.add_html_file(content=item, url=url))
                        self.pages_added += 1
                    except Exception as error:
                        self._fail(f"{url}: {error}")
        except Exception as error:
            self._fail(error)
        finally:
            if service is not None:
                await service.stop()

    @staticmethod
    async def _answer(request):
        try:
            return await asyncio.wait_for(request, RESPONSE_TIMEOUT)
        except asyncio.TimeoutError:
            raise SearchIndexError(f"Pagefind did not answer within {RESPONSE_TIMEOUT} s") from None
