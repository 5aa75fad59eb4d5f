"""photos.drawings: the size an SVG drawing's <img> is given, from its own <svg> tag."""

import pytest
from photos.drawings import drawing_size


@pytest.mark.parametrize("svg, size", [
    ('<svg xmlns="http://www.w3.org/2000/svg" width="240" height="200">', (240, 200)),
    ("<svg width='240px' height='199.6px' viewBox='0 0 10 10'>", (240, 200)),
    ('<?xml version="1.0"?>\n<!-- a flag -->\n<svg viewBox="0 0 640 480">', (640, 480)),
    ('<svg width="100%" height="100%" viewBox="-10 -10, 300,150">', (300, 150)),
    ('<svg width="12em" height="8em">', None),  # neither pixels nor a viewBox
    ("<html>not a drawing</html>", None),
])
def test_the_size_comes_from_width_and_height_or_the_viewbox(tmp_path, svg, size):
    path = tmp_path / "drawing.svg"
    path.write_text(svg + "</svg>", encoding="utf-8")
    assert drawing_size(path) == size


def test_a_drawing_that_is_not_there_has_no_size(tmp_path):
    assert drawing_size(tmp_path / "missing.svg") is None
