"""`make cms` (tools/cms.py): the editor's local server and the preview start together on
a copy of the content, a saved file is rebuilt, and Ctrl-C leaves nothing running."""

import json
import os
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import CONTENT, REPO

CMS = REPO / "tools" / "cms.py"
READY = "Press Ctrl-C to stop."
# The editor page exists once the editor plugin is in PLUGINS; until then the preview alone.
HAS_EDITOR_PAGE = "editor" in runpy.run_path(str(REPO / "pelicanconf.py"))["PLUGINS"]
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def live_processes():
    """pid -> (parent pid, process group) of every process that is not a zombie."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            found[int(stat.parent.name)] = (int(fields[1]), int(fields[2]))
    return found


def editor_server_info(port):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1", data=b'{"action": "info"}',
        headers={"Content-Type": "application/json"})
    with LOCAL.open(request, timeout=5) as response:
        return json.load(response)


def wait_until(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


class CmsRun:
    """tools/cms.py on a copy of content/ in tmp_path, its output collected as it comes."""

    def __init__(self, tmp_path):
        shutil.copytree(CONTENT, tmp_path / "content")
        self.root = tmp_path
        self.port, self.editor_port = free_port(), free_port()
        self.lines = []
        self.process = subprocess.Popen(
            [sys.executable, str(CMS), "--content", "content", "--output", "output",
             "--port", str(self.port), "--editor-port", str(self.editor_port)],
            cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self):
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self):
        return "".join(self.lines)

    def server_groups(self):
        """The process groups of the two servers cms.py started."""
        return {group for parent, group in live_processes().values() if parent == self.process.pid}

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def cms(tmp_path):
    run = CmsRun(tmp_path)
    groups = set()
    yield run, groups
    run.close()
    for group in groups:  # whatever a failed test left running
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_editor_and_preview_start_rebuild_a_saved_file_and_stop_on_ctrl_c(cms):
    run, groups = cms
    assert wait_until(lambda: READY in run.output, 45), run.output
    if HAS_EDITOR_PAGE:
        ready = f"The editor is ready: open http://localhost:{run.port}/admin/ in your browser."
        assert ready in run.output
        with LOCAL.open(f"http://127.0.0.1:{run.port}/admin/", timeout=5) as response:
            assert response.status == 200
        # The editor talks to this run's decap-server, not to the default port.
        config = (run.root / "output" / "admin" / "config.yml").read_text(encoding="utf-8")
        assert f"http://localhost:{run.editor_port}/api/v1" in config
    else:
        assert f"The preview is ready at http://localhost:{run.port}/" in run.output
    # decap-server writes into the folder that holds content/, so that content/news/... lands in it.
    assert editor_server_info(run.editor_port)["repo"] == run.root.name
    groups.update(run.server_groups())
    assert len(groups) == 2, live_processes()

    (run.root / "content" / "news" / "2017-06-01-saved-in-the-editor.md").write_text(
        "---\ntitle: Saved in the editor\ndate: 2017-06-01\nsummary: A new release.\n---\nText.\n",
        encoding="utf-8")
    page = run.root / "output" / "news" / "2017" / "saved-in-the-editor" / "index.html"
    def rebuilt():
        return page.exists() and "Saved in the editor" in page.read_text(encoding="utf-8")
    assert wait_until(rebuilt, 20), run.output

    run.process.send_signal(signal.SIGINT)
    assert run.process.wait(timeout=15) == 0, run.output
    assert "Stopping the editor and the preview." in run.output
    left = [pid for pid, (_, group) in live_processes().items() if group in groups]
    assert left == [], f"still running after Ctrl-C: {left}"
    assert not listening(run.port) and not listening(run.editor_port)


def test_a_server_that_stops_on_its_own_stops_the_other_and_says_which(cms):
    run, groups = cms
    assert wait_until(lambda: len(run.server_groups()) == 2, 15), run.output
    groups.update(run.server_groups())
    assert wait_until(lambda: listening(run.editor_port), 15), run.output
    editor = next(pid for pid, (parent, _) in live_processes().items() if parent == run.process.pid
                  and "decap-server" in Path(f"/proc/{pid}/cmdline").read_text())
    os.kill(editor, signal.SIGKILL)

    assert run.process.wait(timeout=15) == 1, run.output
    assert "The editor's local server (decap-server) stopped on its own" in run.output
    left = [pid for pid, (_, group) in live_processes().items() if group in groups]
    assert left == [], f"still running after the editor's server stopped: {left}"


@pytest.mark.parametrize("option, setting", [("--port", "PORT"), ("--editor-port", "EDITOR_PORT")])
def test_a_port_in_use_is_named_with_the_setting_that_changes_it(tmp_path, option, setting):
    (tmp_path / "content").mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        other = "--editor-port" if option == "--port" else "--port"
        completed = subprocess.run(
            [sys.executable, str(CMS), "--content", str(tmp_path / "content"),
             "--output", str(tmp_path / "output"), option, str(busy), other, str(free_port())],
            capture_output=True, text=True, timeout=30)
    assert completed.returncode == 2
    assert f"Port {busy}" in completed.stderr and "already in use" in completed.stderr
    assert f"make cms {setting}=" in completed.stderr
    assert not (tmp_path / "output").exists()
