"""Two `make publish` builds of the same commit are byte-identical, and carry their
pre-compressed copies."""

import gzip
import hashlib
import re

import brotli
import pytest

from conftest import CONTENT, build_site


# Pagefind (1.5.2) writes its filter and metadata indexes in a different order on each
# run, so their names and bytes change though the search finds the same pages. Known
# upstream: https://github.com/Pagefind/pagefind/issues/638 (its page fragments, the bulk
# of the index, are stable and compared below). Nothing else is exempt.
PAGEFIND_UNSTABLE = re.compile(
    r"pagefind/(filter/.*|pagefind\.[^/]*\.pf_meta|pagefind-entry\.json)(\.gz|\.br)?")


def digest_tree(root):
    return {
        name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not PAGEFIND_UNSTABLE.fullmatch(name := path.relative_to(root).as_posix())
    }


@pytest.fixture(scope="module")
def two_publish_builds(tmp_path_factory):
    builds = []
    for name in ("first", "second"):
        result = build_site(CONTENT, tmp_path_factory.mktemp(name) / "output",
                            settings="publishconf.py", fatal="errors")
        assert result.ok, result.log
        builds.append(result)
    return builds


def test_two_publish_builds_are_byte_identical(two_publish_builds):
    first, second = (digest_tree(build.output) for build in two_publish_builds)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, "files that differ between two builds:\n" + "\n".join(differing)


def test_publish_writes_gzip_and_brotli_copies_of_text_files(two_publish_builds):
    output = two_publish_builds[0].output
    page = output / "news/2017/support-for-manchester-victims/index.html"
    assert gzip.decompress((output / (str(page.relative_to(output)) + ".gz")).read_bytes()) == page.read_bytes()
    assert brotli.decompress((output / (str(page.relative_to(output)) + ".br")).read_bytes()) == page.read_bytes()
    css = output / "theme/css/main.css"
    assert css.with_name("main.css.gz").is_file() and css.with_name("main.css.br").is_file()


def test_a_preview_build_has_no_compressed_copies(built_site):
    assert not list(built_site.output.rglob("*.gz"))
    assert not list(built_site.output.rglob("*.br"))
