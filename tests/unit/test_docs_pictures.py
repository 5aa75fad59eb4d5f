"""The guides' pictures: each one is in the repository and described for people who
cannot see it (the content guide is read by the same people the site is for)."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PICTURE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)", re.DOTALL)
GUIDES = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md")])
PICTURES = [(guide, alt, target) for guide in GUIDES
            for alt, target in PICTURE.findall(guide.read_text(encoding="utf-8"))
            if not target.startswith(("http", "/", "{"))]  # examples of content, not files


def test_the_content_guide_has_its_pictures():
    guide = REPO / "docs" / "CONTENT_GUIDE.md"
    assert {"images/publishing-steps.svg", "images/editor-plain-english.png"} <= {
        target for path, _, target in PICTURES if path == guide}


@pytest.mark.parametrize("guide, alt, target", PICTURES,
                         ids=[f"{p[0].name}:{p[2]}" for p in PICTURES])
def test_each_picture_exists_and_is_described(guide, alt, target):
    assert (guide.parent / target).is_file(), f"{guide.name} shows {target}, which is missing"
    assert len(alt.split()) >= 5, f"{target}: describe what it shows, not just name it"
