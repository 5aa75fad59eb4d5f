"""Items published on the same day are listed in the same order by every build.

Pelican reads content files in no fixed order (a set, whose order changes with Python's
hash seed), so the order of same-day items must come from the settings, not from luck."""

from conftest import build_site, copy_content

SAME_DAY = ["alpha-funding", "bravo-patrols", "charlie-cameras", "delta-dogs", "echo-events"]


def test_same_day_items_are_listed_alike_whatever_the_hash_seed(tmp_path):
    content = copy_content(tmp_path)
    for slug in SAME_DAY:
        (content / "news" / f"2017-06-01-{slug}.md").write_text(
            f"---\ntitle: Same-day release {slug}\ndate: 2017-06-01\n"
            f"summary: One of several releases published on 1 June 2017.\ntags: [Victims]\n---\n"
            f"Text of {slug}.\n", encoding="utf-8")
    outputs = []
    for seed in ("1", "2", "3"):
        result = build_site(content, tmp_path / f"out-{seed}", env={"PYTHONHASHSEED": seed})
        assert result.ok, result.log
        outputs.append(result)
    for page in ("news/index.html", "topics/victims/index.html", "feeds/all.atom.xml"):
        texts = {result.read(page) for result in outputs}
        assert len(texts) == 1, f"{page} differs between builds"
    listed = [slug for slug in SAME_DAY if slug in outputs[0].read("news/index.html")]
    assert listed == SAME_DAY
    news = outputs[0].read("news/index.html")
    assert [news.index(slug) for slug in SAME_DAY] == sorted(news.index(slug) for slug in SAME_DAY)
