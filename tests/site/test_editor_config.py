"""The web editor's configuration, as the real build writes it (output/admin/config.yml):
made from the content model, so nothing a writer may need is missing from the form."""

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO
from site_core import CONTENT_TYPES, FIELDS, STARTER_KEYS, fields_of, slugify
from site_core.fields import STATUSES


@pytest.fixture(scope="module")
def config(built_site):
    return yaml.safe_load(built_site.read("admin/config.yml"))


@pytest.fixture(scope="module")
def collections(config):
    return {collection["name"]: collection for collection in config["collections"]}


def fields_by_name(collection):
    return {field["name"]: field for field in collection["fields"]}


def real(name):
    return yaml.safe_load((REPO / "content" / "data" / name).read_text(encoding="utf-8"))


def test_every_content_type_has_a_collection_for_its_folder(collections):
    for content_type in CONTENT_TYPES:
        assert content_type.kind in collections, f"no collection for {content_type.plural}"
        collection = collections[content_type.kind]
        assert collection["folder"] == f"content/{content_type.folder}"
        assert collection["extension"] == "md" and collection["create"] is True


def test_every_front_matter_key_is_a_field_with_the_tables_label_and_hint(collections):
    for content_type in CONTENT_TYPES:
        fields = fields_by_name(collections[content_type.kind])
        for key in content_type.keys:
            assert key in fields, f"{content_type.plural}: no field for {key}"
            assert fields[key]["label"] == FIELDS[key].label
            assert fields[key]["hint"].startswith(FIELDS[key].hint)
        assert set(fields) == set(content_type.keys) | {"body"}, "a field that is no key"


def test_required_fields_are_the_ones_the_checks_require(collections):
    for content_type in CONTENT_TYPES:
        fields = fields_by_name(collections[content_type.kind])
        for field in fields_of(content_type):
            assert fields[field.key]["required"] is field.required, (content_type.kind, field.key)
        assert fields["title"]["required"] and fields["summary"]["required"]
        assert fields["date"]["required"] is content_type.dated


def test_the_district_fields_offer_exactly_the_districts_of_districts_yml(collections):
    names = [entry["name"] for entry in real("districts.yml")["districts"]]
    assert len(names) == 10
    district_day = fields_by_name(collections["district-day"])
    assert district_day["district"]["options"] == names
    assert district_day["district"]["multiple"] is False
    assert fields_by_name(collections["news"])["districts"]["options"] == names


def test_topics_offer_the_tags_the_site_uses(collections, built_site):
    topics_page = BeautifulSoup(built_site.read("topics/index.html"), "html.parser")
    shown = {link.get_text(strip=True) for link in topics_page.select("main a[href*='/topics/']")}
    options = fields_by_name(collections["news"])["tags"]["options"]
    assert shown and set(options) >= {re.sub(r"\s*\(\d+\)$", "", name) for name in shown}
    assert "Victims" in options


def test_dates_default_to_today_and_are_written_year_month_day(collections):
    for content_type in CONTENT_TYPES:
        date = fields_by_name(collections[content_type.kind])["date"]
        assert date["default"] == "{{now}}" and date["format"] == "YYYY-MM-DD"
        assert date["time_format"] is False


def test_summary_length_and_status_values_are_the_checks_own(collections):
    summary = fields_by_name(collections["news"])["summary"]
    pattern, message = summary["pattern"]
    assert re.fullmatch(pattern, "x" * 300) and not re.fullmatch(pattern, "x" * 301)
    assert "300" in message
    assert fields_by_name(collections["news"])["status"]["options"] == list(STATUSES)


def test_images_go_to_the_images_folder_of_the_year(collections):
    for content_type in CONTENT_TYPES:
        collection = collections[content_type.kind]
        assert collection["media_folder"] == "/content/images/{{year}}"
    image = fields_by_name(collections["news"])["image"]
    assert image["public_folder"] == "images/{{year}}"  # as image: images/2017/x.jpg


def test_the_data_files_are_editable_with_every_key_they_use(collections):
    files = {entry["name"]: entry for entry in collections["data"]["files"]}
    for name, key in (("contacts", "contacts"), ("districts", "districts")):
        entry = files[name]
        assert entry["file"] == f"content/data/{name}.yml"
        (list_field,) = entry["fields"]
        assert list_field["name"] == key and list_field["widget"] == "list"
        offered = {field["name"] for field in list_field["fields"]}
        used = {k for item in real(f"{name}.yml")[key] for k in item}
        assert used <= offered, f"{name}.yml keys missing from the editor: {used - offered}"


def test_the_page_tells_editor_js_the_starter_keys_and_district_slugs(built_site):
    page = BeautifulSoup(built_site.read("admin/index.html"), "html.parser")
    data = json.loads(page.find("script", id="editor-data").string)
    assert data["starterKeys"] == {kind: list(keys) for kind, keys in STARTER_KEYS.items()}
    districts = real("districts.yml")["districts"]
    assert data["districtSlugs"] == {d["name"]: d["slug"] for d in districts}
    # editor.js's copy of slugify folds letters as site_core's does
    assert data["transliteration"]["é"] == slugify("é") == "e"
    assert data["transliteration"]["ß"] == "ss"


def test_the_editor_page_is_not_for_search_engines_and_has_its_own_policy(built_site):
    page = BeautifulSoup(built_site.read("admin/index.html"), "html.parser")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self' 'unsafe-eval'" in policy and "https://api.github.com" in policy
    for script in page.find_all("script", src=True):
        assert not re.match(r"(https?:)?//", script["src"]), "a script from another origin"
    assert (built_site.output / "admin" / "decap-cms.js").stat().st_size > 1_000_000


def test_the_editor_is_in_no_sitemap_search_index_or_url_list(built_site):
    assert "/admin/" not in built_site.read("sitemap.xml")
    # (not disallowed in robots.txt: a crawler must read the page to see its noindex)
    built_urls = built_site.read("urls.txt")  # what make publish records as published
    assert "/news/" in built_urls and "admin" not in built_urls
    # Pagefind indexes only pages whose <main> has data-pagefind-body (search_index)
    assert "data-pagefind-body" in built_site.read("faq/council-tax/index.html")
    assert "data-pagefind-body" not in built_site.read("admin/index.html")


def test_hosts_that_read_headers_give_the_editor_its_own_policy(built_site):
    headers = built_site.read("_headers")
    site_wide, editor = headers.split("\n/admin/*\n")
    assert "script-src 'self' 'wasm-unsafe-eval'" in site_wide
    assert editor.startswith("  ! Content-Security-Policy\n")  # the site-wide one dropped
    assert "'unsafe-eval'" in editor and "X-Robots-Tag: noindex" in editor
