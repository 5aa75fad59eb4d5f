"""The preview servers (make devserver, make cms, make serve: tools/preview.py) answer a
page that does not exist as the live site does: the site's own 404 page, status 404."""

import threading
import urllib.error
import urllib.request

import pytest

import preview

NOT_FOUND = ('<!DOCTYPE html><html lang="en-GB"><head><title>Page not found</title></head>'
             "<body><h1>Page not found</h1></body></html>")
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture
def server(tmp_path):
    (tmp_path / "404.html").write_text(NOT_FOUND, encoding="utf-8")
    (tmp_path / "index.html").write_text(NOT_FOUND.replace("Page not found", "Home"),
                                         encoding="utf-8")
    running = preview.serve(preview.Preview(), tmp_path, 0, "admin")
    threading.Thread(target=running.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{running.server_port}"
    running.shutdown()
    running.server_close()


def fetch(url, method="GET"):
    try:
        with OPENER.open(urllib.request.Request(url, method=method), timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_missing_page_is_the_sites_404_page(server):
    status, page = fetch(f"{server}/news/2017/no-such-release/")
    assert status == 404
    assert "<h1>Page not found</h1>" in page
    assert preview.PREFIX + "reload.js" in page  # reloads when the page is built


def test_a_missing_page_asked_for_its_headers_is_404_without_a_body(server):
    assert fetch(f"{server}/no-such-page.html", "HEAD") == (404, "")


def test_a_page_that_exists_is_served(server):
    status, page = fetch(f"{server}/")
    assert status == 200 and "<h1>Home</h1>" in page
