"""tools/published_urls.py: make publish reads the live site's list of published
addresses before the build and writes the one the new site will carry after it."""

import http.server
import threading

import pytest

import published_urls

LIVE = "/news/2017/new-police-app/\tcontent/news/2017-04-26-new-police-app.md\n"


@pytest.fixture
def live_site():
    """A live site whose answer for /published-urls.txt each test sets."""
    answer = {"status": 200, "body": LIVE}

    class Site(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            assert self.path.startswith("/published-urls.txt?fresh=")  # past any cache
            body = answer["body"].encode()
            self.send_response(answer["status"])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/published-urls.txt", answer
    server.shutdown()
    server.server_close()


def test_fetch_copies_the_live_list(live_site, tmp_path):
    url, _ = live_site
    assert published_urls.fetch(url, tmp_path / "cache" / "published-urls.txt") == 1
    assert (tmp_path / "cache" / "published-urls.txt").read_text(encoding="utf-8") == LIVE


def test_a_site_without_a_list_yet_has_published_nothing(live_site, tmp_path):
    url, answer = live_site
    answer.update(status=404, body="Not found")
    assert published_urls.fetch(url, tmp_path / "copy.txt") == 0
    assert (tmp_path / "copy.txt").read_text(encoding="utf-8") == ""


@pytest.mark.parametrize("status", [500, 403])
def test_a_list_that_cannot_be_read_stops_make_publish_with_a_message(live_site, tmp_path, status):
    url, answer = live_site
    answer.update(status=status, body="")
    with pytest.raises(SystemExit, match=rf"could not be read from {url} \(the site answered "
                                         rf"{status}\)\. Fix: check the connection"):
        published_urls.fetch(url, tmp_path / "copy.txt")
    assert not (tmp_path / "copy.txt").exists()


def test_an_unreachable_site_stops_make_publish_with_a_message(tmp_path):
    with pytest.raises(SystemExit, match="could not be read from http://127.0.0.1:9/"):
        published_urls.fetch("http://127.0.0.1:9/published-urls.txt", tmp_path / "copy.txt")


def test_record_keeps_every_address_ever_published_and_adds_the_built_ones(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "urls.txt").write_text("/\tgenerated: a page of the site itself\n"
                                     "/news/2017/new/\tcontent/news/2017-06-01-new.md\n")
    (tmp_path / "copy.txt").write_text(LIVE)
    (tmp_path / "committed.txt").write_text("/old/\tcontent/pages/old.md\n")
    assert published_urls.record(output, tmp_path / "copy.txt", tmp_path / "committed.txt") == (4, 2)
    assert (output / "published-urls.txt").read_text().splitlines() == [
        "/\tgenerated: a page of the site itself",
        "/news/2017/new-police-app/\tcontent/news/2017-04-26-new-police-app.md",
        "/news/2017/new/\tcontent/news/2017-06-01-new.md",
        "/old/\tcontent/pages/old.md",
    ]
