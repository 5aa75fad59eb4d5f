"""The benchmark's synthetic archive: realistic, valid, the same for ours and plain Pelican."""

import datetime
import re
from collections import Counter

import markdown
import pytest
import yaml
from bench import generate  # tools/ is on pytest's path (pytest.ini)
from site_core.pelican_compat import YAML_HEADER_RE as HEADER_RE

SIZE = 250


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    data = root / "data-source"
    data.mkdir()
    (data / "contacts.yml").write_text(
        "- name: Beacon\n  group: Victims\n  phone: 03000 11 55 55\n"
        "- name: Crimestoppers\n  group: Crime\n  phone: 0800 555 111\n", encoding="utf-8")
    (data / "districts.yml").write_text("- name: Dacorum\n", encoding="utf-8")
    ours = root / "ours"
    plain = root / "plain"
    items = generate.write_archive(ours, SIZE, style="yaml", data_dir=data)
    generate.write_archive(plain, SIZE, style="pelican", data_dir=data)
    return items, ours, plain


def front_matter(path):
    match = HEADER_RE.fullmatch(path.read_text(encoding="utf-8"))
    assert match, f"{path} has no YAML front matter that pelican-yaml-metadata reads"
    return yaml.safe_load(match.group("metadata")), match.group("content")


def files(folder, kind):
    return sorted((folder / kind).glob("*.md"))


def test_archive_has_releases_district_days_faq_pages_and_the_data_files(archives):
    _, ours, _ = archives
    assert len(files(ours, "news")) == SIZE
    assert len(files(ours, "district-days")) == SIZE // 50
    assert len(files(ours, "faq")) >= 2
    assert {p.name for p in files(ours, "pages")} == {"about.md", "accessibility.md", "privacy.md"}
    assert (ours / "data" / "contacts.yml").is_file()
    assert (ours / "data" / "districts.yml").is_file()


def test_same_size_and_seed_give_the_same_files(tmp_path):
    first = generate.write_archive(tmp_path / "a", 60, seed=3)
    second = generate.write_archive(tmp_path / "b", 60, seed=3)
    assert [generate.render_yaml(item) for item in first] == \
        [generate.render_yaml(item) for item in second]
    other = generate.write_archive(tmp_path / "c", 60, seed=4)
    assert [item.body for item in other] != [item.body for item in first]


def test_every_release_has_the_front_matter_a_press_release_needs(archives):
    _, ours, _ = archives
    tag_counts = Counter()
    for path in files(ours, "news"):
        metadata, body = front_matter(path)
        assert set(metadata) <= {"title", "date", "summary", "tags", "districts"}, path
        assert isinstance(metadata["title"], str) and metadata["title"]
        assert metadata["date"] == datetime.date.fromisoformat(path.name[:10])
        assert isinstance(metadata["summary"], str) and metadata["summary"].endswith(".")
        assert len(metadata["summary"]) <= 300, "content_checks warns about longer summaries"
        assert 1 <= len(metadata["tags"]) <= 3 and set(metadata["tags"]) <= set(generate.TAGS)
        assert set(metadata.get("districts", [])) <= set(generate.DISTRICTS)
        assert "## " in body and len(body) > 500
        tag_counts.update(metadata["tags"])
    assert len(tag_counts) >= 35, "releases should spread over the whole tag vocabulary"


def test_district_day_reports_name_one_of_the_ten_districts_and_list_visits(archives):
    _, ours, _ = archives
    for path in files(ours, "district-days"):
        metadata, body = front_matter(path)
        assert metadata["district"] in generate.DISTRICTS
        assert len(metadata["visits"]) >= 2
        for visit in metadata["visits"]:
            assert f"## {visit}" in body


def test_faq_pages_have_questions_as_second_level_headings(archives):
    _, ours, _ = archives
    for path in files(ours, "faq"):
        metadata, body = front_matter(path)
        assert metadata["modified"] > metadata["date"]
        assert len(re.findall(r"^## .+\?$", body, re.MULTILINE)) >= 3


def test_urls_are_unique_as_pelican_would_make_them(archives):
    _, ours, _ = archives
    for kind in ("news", "district-days"):
        urls = [(path.name[:4], path.stem.split("-", 3)[-1]) for path in files(ours, kind)]
        assert len(urls) == len(set(urls)), kind


def test_links_between_releases_point_at_earlier_releases_that_exist(archives):
    items, ours, _ = archives
    linked = [item for item in items if item.links]
    assert len(linked) > SIZE // 5
    for item in linked:
        for target in item.links:
            assert (ours / target).is_file()
            assert target < item.path, "a release links to an older one"
            assert f"({{filename}}/{target})" in item.body


def test_some_releases_mention_a_phone_number_from_the_contact_directory(archives):
    _, ours, _ = archives
    mentions = [path for path in files(ours, "news")
                if "call Beacon on 03000 11 55 55" in path.read_text(encoding="utf-8")
                or "call Crimestoppers on 0800 555 111" in path.read_text(encoding="utf-8")]
    assert SIZE // 10 < len(mentions) < SIZE // 2


def test_contacts_fall_back_to_known_numbers_without_a_directory(tmp_path):
    assert generate.load_contacts(tmp_path) == generate.FALLBACK_CONTACTS
    assert generate.load_contacts(None) == generate.FALLBACK_CONTACTS


def test_plain_pelican_copy_has_the_same_metadata_and_body_in_pelicans_header(archives):
    _, ours, plain = archives
    for path in files(ours, "news")[:40] + files(ours, "district-days"):
        metadata, body = front_matter(path)
        converter = markdown.Markdown(extensions=["markdown.extensions.meta"])
        plain_text = (plain / path.relative_to(ours)).read_text(encoding="utf-8")
        converter.convert(plain_text)
        meta = converter.Meta
        assert meta["title"] == [metadata["title"]]
        assert meta["date"] == [metadata["date"].isoformat()]
        assert meta["summary"] == [metadata["summary"]]
        assert [tag.strip() for tag in meta["tags"][0].split(",")] == metadata["tags"]
        assert meta["slug"] == [path.stem]
        assert plain_text.endswith(body)
