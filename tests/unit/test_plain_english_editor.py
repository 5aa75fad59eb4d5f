"""plain_english for the web editor: a file not yet saved gets the build's warnings, each
named by its field, from the preview server's POST /__preview/plain-english."""

import json
import shutil
import threading
import urllib.error
import urllib.request

import pytest
from plain_english.editor_checks import EditorChecks

import preview
from conftest import REPO

RELEASE = """---
title: We will tackle crime
date: 2017-06-04
summary: The *PCC* spoke at 9:00am.
---
The Commissioner spoke.

The LAGLOs will help.
"""
HARD = ("The Commissioner's comprehensive organisational restructuring necessitates "
        "considerable interdepartmental collaboration, notwithstanding administrative "
        "complications. ") * 10


@pytest.fixture
def checks(tmp_path):
    (tmp_path / "data").mkdir()
    shutil.copy(REPO / "content" / "data" / "style.yml", tmp_path / "data" / "style.yml")
    return EditorChecks({"PATH": str(tmp_path)})


def test_each_warning_names_its_field_and_a_line_of_the_text(checks):
    found = [(w["field"], w["line"], w["rule"]) for w in checks.warnings(RELEASE)]
    assert found == [("title", None, "avoid"), ("summary", None, "dates-and-numbers"),
                     ("summary", None, "abbreviation"), ("body", 3, "abbreviation")]


def test_the_reading_age_is_the_pages(checks):
    text = f"---\ntitle: A test\n---\n{HARD}\n"
    assert [(w["field"], w["line"]) for w in checks.warnings(text)
            if w["rule"] == "reading-age"] == [("page", None)]


def test_half_written_front_matter_still_checks_the_text(checks):
    text = "---\ntitle: We will: tackle\n---\nThe LAGLOs will help.\n"  # not valid YAML yet
    assert [(w["field"], w["rule"]) for w in checks.warnings(text)] == [("body", "abbreviation")]


def test_a_style_file_changed_is_read_again_and_none_checks_nothing(checks, tmp_path):
    style = tmp_path / "data" / "style.yml"
    style.write_text("avoid:\n  - word: spoke\n    instead: said\n", encoding="utf-8")
    assert {w["what"] for w in checks.warnings(RELEASE) if w["rule"] == "avoid"} == {
        '"spoke" is a word to avoid in plain English'}  # not "tackle" any more
    style.unlink()
    assert checks.warnings(RELEASE) == []


@pytest.fixture
def server(checks, tmp_path):
    running = preview.serve(preview.Preview(), tmp_path, 0, "admin", checks)
    threading.Thread(target=running.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{running.server_port}"
    running.shutdown()
    running.server_close()


def post(url, body):
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def test_the_preview_server_answers_the_editor(server):
    status, answer = post(f"{server}/__preview/plain-english",
                          json.dumps({"text": RELEASE}).encode())
    assert status == 200
    assert answer["warnings"][0] == {
        "field": "title", "line": None, "rule": "avoid",
        "what": '"tackle" is a word to avoid in plain English',
        "fix": 'write "stop", "reduce" or "deal with" instead (it is fine if it is sport)'}


@pytest.mark.parametrize("path, body, status", [
    ("/__preview/plain-english", b"not JSON", 400),
    ("/__preview/plain-english", b'{"text": 3}', 400),
    ("/__preview/plain-english", b'["text"]', 400),
    ("/__preview/other", b'{"text": ""}', 404),
])
def test_the_preview_server_refuses_what_is_not_a_file_to_check(server, path, body, status):
    assert post(server + path, body)[0] == status
