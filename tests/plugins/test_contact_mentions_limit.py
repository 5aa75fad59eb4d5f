"""However many releases mention a number, /contact/ lists the newest few and counts the rest."""

from bs4 import BeautifulSoup

from conftest import build_site, copy_content


def test_mentions_are_capped_newest_first_and_the_rest_counted(tmp_path):
    content = copy_content(tmp_path)
    for day in range(1, 16):
        (content / "news" / f"2018-03-{day:02d}-beacon-reminder-{day}.md").write_text(
            f"---\ntitle: Beacon reminder {day}\ndate: 2018-03-{day:02d}\n"
            "summary: A reminder that Beacon helps victims of crime.\ntags: [Beacon]\n---\n"
            "Call Beacon on 03000 11 55 55 for help.\n", encoding="utf-8")
    result = build_site(content, tmp_path / "output")
    assert result.ok, result.log
    page = BeautifulSoup(result.read("contact/index.html"), "lxml")
    block = page.find(id="beacon").find_parent("div")
    titles = [a.get_text() for a in block.select(".pcc-contact__mentions a")]
    assert titles == [f"Beacon reminder {day}" for day in range(15, 5, -1)]
    # 15 new releases + the 2 seed releases that give Beacon's number, less the 10 listed
    assert block.select_one(".pcc-contact__mentions-more").get_text() == "and 7 older pages"
