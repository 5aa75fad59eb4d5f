"""Pelican's --autoreload (`pelican -r`) builds again and again in one process: each build
reports its own problems, and a problem that has been mended is not reported again."""

import shutil
import subprocess
import sys
import textwrap

from conftest import CONTENT, REPO, without_late_duties

SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from pelican import Pelican
    from pelican.settings import read_settings

    content, output = sys.argv[1], sys.argv[2]
    settings = read_settings("pelicanconf.py", override={
        "PATH": content, "OUTPUT_PATH": output, "SEARCH_INDEX": False})
    pelican = Pelican(settings)  # one Pelican, as Pelican's autoreload keeps it
    bad = Path(content) / "news" / "2017-06-07-mistake.md"
    for step in ("clean", "mistake", "mended"):
        if step == "mistake":
            bad.write_text("---\\ntitle: A\\ndate: 2017-06-07\\nsummary: One.\\ncolour: red\\n---\\nText.\\n")
        if step == "mended":
            bad.write_text("---\\ntitle: A\\ndate: 2017-06-07\\nsummary: One.\\n---\\nText.\\n")
        print(f"=== {step}", file=sys.stderr, flush=True)
        pelican.run()
""")


def test_each_rebuild_reports_only_its_own_problems(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    without_late_duties(content)  # only this test's mistake is then reported
    completed = subprocess.run([sys.executable, "-c", SCRIPT, str(content), str(tmp_path / "out")],
                               cwd=REPO, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    steps = dict(part.split("\n", 1) for part in completed.stderr.split("=== ")[1:])
    assert "No content problems found." in steps["clean"]
    assert '2017-06-07-mistake.md:5: error: "colour" is not a front-matter key' in steps["mistake"]
    assert "1 error, 0 warnings in 1 file" in steps["mistake"]
    assert "colour" not in steps["mended"] and "No content problems found." in steps["mended"]
