"""tools/compare_output.py: what counts as the same site, as escaping only, or as a change."""

import gzip

from compare_output import compare


def site(root, files):
    root.mkdir()
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def test_escaping_only_is_told_from_markup_turned_into_text(tmp_path):
    old = site(tmp_path / "old", {
        "same.html": b"<p>x</p>", "quote.html": b"<p>It's</p>", "tag.html": b"<p>x</p>",
        "words.html": b"<p>x</p>", "gone.html": b"", "page.html.gz": gzip.compress(b"<p>It's</p>"),
        "pagefind/index.pf": b"1"})
    new = site(tmp_path / "new", {
        "same.html": b"<p>x</p>", "quote.html": b"<p>It&#39;s</p>", "tag.html": b"&lt;p&gt;x&lt;/p&gt;",
        "words.html": b"<p>y</p>", "added.html": b"", "page.html.gz": gzip.compress(b"<p>It&#39;s</p>"),
        "pagefind/index.pf": b"2"})
    assert compare(old, new) == {
        "same": ["same.html"], "escaping": ["page.html.gz", "quote.html"],
        "different": ["tag.html", "words.html"], "only_old": ["gone.html"], "only_new": ["added.html"]}
