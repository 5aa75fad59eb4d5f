"""tools/site_digest.py: one fingerprint of a built site, which changes when a page does
and not when only Pagefind's index or a compressed copy does; and the scheduled run's
question, "is the built site the live one?"."""

import gzip
import http.server
import threading

import pytest

from site_digest import main, site_digest, write_digest


def site(root, files):
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


PAGES = {
    "index.html": b"<h1>Home</h1>",
    "news/2027/a-release/index.html": b"<h1>A release</h1>",
    "feeds/all.atom.xml": b"<feed/>",
    "index.html.gz": gzip.compress(b"<h1>Home</h1>", mtime=0),
    "pagefind/filter/en_1234.pf_filter": b"\x01\x02",
    "pagefind/pagefind-entry.json": b"{}",
}


@pytest.fixture
def built(tmp_path):
    return site(tmp_path / "built", PAGES)


def test_the_same_site_gives_the_same_digest(built, tmp_path):
    copy = site(tmp_path / "copy", PAGES)
    assert site_digest(built) == site_digest(copy)
    assert len(site_digest(built)) == 64


def test_one_byte_changed_in_a_page_changes_the_digest(built):
    before = site_digest(built)
    (built / "news/2027/a-release/index.html").write_bytes(b"<h1>A releasE</h1>")
    assert site_digest(built) != before


def test_a_new_page_or_a_moved_page_changes_the_digest(built):
    before = site_digest(built)
    (built / "news/2027/a-release/index.html").rename(built / "news/2027/a-release.html")
    moved = site_digest(built)
    assert moved != before
    (built / "new.html").write_bytes(b"")
    assert site_digest(built) not in (before, moved)


def test_changes_only_under_pagefind_or_in_compressed_copies_leave_the_digest_alone(built):
    before = site_digest(built)
    (built / "pagefind/filter/en_1234.pf_filter").write_bytes(b"\x02\x01")
    (built / "pagefind/filter/en_5678.pf_filter").write_bytes(b"new name, same search")
    (built / "index.html.gz").write_bytes(gzip.compress(b"<h1>Home</h1>", mtime=1))
    (built / "index.html.br").write_bytes(b"brotli copy")
    assert site_digest(built) == before


def test_a_folder_named_like_pagefind_elsewhere_still_counts(built):
    before = site_digest(built)
    (built / "news/pagefind/index.html").parent.mkdir(parents=True)
    (built / "news/pagefind/index.html").write_bytes(b"<h1>A page about Pagefind</h1>")
    assert site_digest(built) != before


def test_the_digest_file_is_written_in_the_site_and_not_counted(built):
    digest = write_digest(built)
    assert (built / "site-digest.txt").read_text(encoding="ascii") == digest + "\n"
    assert site_digest(built) == digest


def compare(built, live_url, capsys):
    assert main(["compare", str(built), live_url]) == 0
    captured = capsys.readouterr()
    return captured.out.strip(), captured.err


def test_compare_says_unchanged_only_when_the_live_digest_is_the_built_one(built, tmp_path, capsys):
    write_digest(built)
    live = site(tmp_path / "live", PAGES)
    write_digest(live)
    assert compare(built, (live / "site-digest.txt").as_uri(), capsys) == (
        "changed=false", "Not deploying: the built site is the one that is live.\n")

    (built / "news/2027/a-release/index.html").write_bytes(b"<h1>Now due</h1>")
    write_digest(built)
    out, err = compare(built, (live / "site-digest.txt").as_uri(), capsys)
    assert out == "changed=true" and "Deploying: the site changed" in err


def test_compare_deploys_when_the_live_digest_cannot_be_read(built, tmp_path, capsys):
    write_digest(built)
    out, err = compare(built, (tmp_path / "nowhere/site-digest.txt").as_uri(), capsys)
    assert out == "changed=true"
    assert "could not be read" in err


def test_compare_refuses_a_site_built_without_its_digest(built, tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["compare", str(built), (tmp_path / "x.txt").as_uri()])
    assert stopped.value.code == 2
    assert "site-digest.txt is missing: make publish writes it" in capsys.readouterr().err


def test_compare_reads_the_live_digest_over_http_asking_past_the_cache(built, capsys):
    digest = write_digest(built)
    asked = []

    class LiveSite(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(digest.encode() + b"\n")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), LiveSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/site-digest.txt"
        assert compare(built, url, capsys)[0] == "changed=false"
    finally:
        server.shutdown()
        server.server_close()
    assert len(asked) == 1 and asked[0].startswith("/site-digest.txt?fresh=")
