"""The site's icons and web manifest, written by a small Sphinx build with the extension."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from customer_focus.core.figures import PALETTE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A two-page site built with the extension; returns its output folder."""
    source = tmp_path_factory.mktemp("icons-site")
    (source / "conf.py").write_text(
        textwrap.dedent(f"""
            extensions = ["customer_focus.sphinxext"]
            cf_node_modules = {str(ROOT / "node_modules")!r}
            exclude_patterns = ["_build"]
            root_doc = "book/index"
            project = "Customer Focus: Creating Value and Loyalty"
            html_theme = "sphinx_book_theme"
        """)
    )
    (source / "book" / "learn").mkdir(parents=True)
    (source / "book" / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   learn/chapter\n")
    (source / "book" / "learn" / "chapter.rst").write_text("Chapter\n=======\n\nText.\n")
    out = source / "_build"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(source), str(out)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "CF_NODE_MODULES": str(ROOT / "node_modules")},
    )
    assert result.returncode == 0, result.stderr
    return out


def _rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


def test_every_page_links_icons_and_manifest_that_exist(site):
    for page in (site / "book" / "index.html", site / "book" / "learn" / "chapter.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        links = re.findall(r'<link rel="(icon|apple-touch-icon|manifest)" href="([^"]+)"', head)
        assert sorted(rel for rel, _ in links) == ["apple-touch-icon", "icon", "icon", "manifest"]
        hrefs = [href for _, href in links]
        for href in hrefs:
            assert (page.parent / href).resolve().is_file(), f"{page.name}: {href}"


def test_a_favicon_at_the_top_for_pages_that_name_none(site):
    icon = Image.open(site / "favicon.ico")
    assert icon.format == "ICO"
    assert sorted(icon.info["sizes"]) == [(16, 16), (32, 32), (48, 48)]


def test_the_manifest_names_the_course_its_first_page_and_its_icons(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Customer Focus: Creating Value and Loyalty"
    assert manifest["short_name"] == "Customer Focus"
    assert (site / manifest["start_url"]).is_file()
    assert manifest["theme_color"] == PALETTE["line"]
    for icon in manifest["icons"]:
        path = site / icon["src"]
        assert path.is_file(), icon["src"]
        if icon["type"] == "image/png":
            width, height = Image.open(path).size
            assert icon["sizes"] == f"{width}x{height}"
    assert [icon.get("purpose") for icon in manifest["icons"]].count("maskable") == 1


def test_the_icons_are_drawn_in_the_course_palette(site):
    icons = site / "_static" / "icons"
    plain = Image.open(icons / "icon-512.png").convert("RGBA")
    assert plain.getpixel((0, 0))[3] == 0  # a rounded corner: clear
    assert plain.getpixel((256, 256))[:3] == _rgb(PALETTE["accent"])
    assert plain.getpixel((40, 256))[:3] == _rgb(PALETTE["line"])
    maskable = Image.open(icons / "icon-maskable-512.png").convert("RGBA")
    assert maskable.getpixel((0, 0))[:3] == _rgb(PALETTE["line"])  # the whole square filled
    # the white ring (radius 0.36 of the side, 0.8 of it in a maskable icon) is inside
    # the safe zone, the circle of 80% of the side that every platform keeps
    ring = [x for x in range(256) if maskable.getpixel((x, 256))[:3] == (255, 255, 255)]
    assert 256 - ring[0] <= 0.4 * 512
    svg = (icons / "favicon.svg").read_text(encoding="utf-8")
    assert PALETTE["line"] in svg and PALETTE["accent"] in svg
