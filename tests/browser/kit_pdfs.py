"""The workshop kit's printed handouts, measured for the English and the zh-TW kit's tests
(``test_workshop_kit.py``, ``test_workshop_kit_zh.py``): every word's box on every page of a PDF
(``pdftotext -bbox``, from Debian's poppler-utils), the words too close to a side edge, the
handouts the kit prints and those an edition's kit holds, and the heading of a printed page."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from customer_focus.publish.handouts import PAPERS, SIDE_MARGIN_MM
from customer_focus.publish.workshop import load_kit

from .conftest import ROOT, SITE

POINTS_PER_MM = 72 / 25.4
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>'
)


def word_boxes(pdf: Path) -> list[tuple[float, float, list[tuple[str, float, float, float]]]]:
    """Each page of a PDF: its width, its height and its words with their left and right x
    and their height."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: `make chromium` installs Debian's poppler-utils.")
    result = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return [
        (float(width), float(height), [
            (unescape(word[4]), float(word[0]), float(word[2]), float(word[3]) - float(word[1]))
            for word in _WORD.findall(body)
        ])
        for width, height, body in _PAGE.findall(result.stdout)
    ]


def handout_names() -> list[str]:
    """The file names the kit prints (one per handout page), from kit.yml and the built site."""
    built = [p.relative_to(SITE).with_suffix("").as_posix() for p in (SITE / "book").rglob("*.html")]
    kit = load_kit(ROOT)
    return [docname.rsplit("/", 1)[-1] for _, pages in kit.handouts(built) for docname in pages]


def kit_handouts(kit: Path, edition: str = "") -> list[str]:
    """:func:`handout_names`, once the ``edition``'s kit (named in the failure) is built."""
    if not kit.is_dir():
        pytest.fail(f"No {edition + ' ' if edition else ''}workshop kit at {kit}: "
                    "run `make book` first.")
    return handout_names()


def printed(kit: Path, paper: str) -> list[str]:
    """The handouts a kit holds printed on ``paper``, by name, sorted."""
    return sorted(path.stem for path in (kit / "handouts" / paper).glob("*.pdf"))


def heading(site: Path, name: str) -> str:
    """The main heading of the printed page ``name`` in an edition's built ``site``, as text."""
    page = next((site / "book").rglob(f"{name}.html")).read_text(encoding="utf-8")
    inner = page.split("<h1")[1].split(">", 1)[1].split("</h1>")[0]
    return unescape(re.sub(r"<[^>]+>", "", inner)).replace("#", "").strip()


def margin_problems(pdf: Path, paper: str) -> list[str]:
    """Every word of the PDF closer than the margin to a side edge, and a wrong paper size."""
    expected = PAPERS[paper]
    margin = SIDE_MARGIN_MM * POINTS_PER_MM
    problems = []
    pages = word_boxes(pdf)
    if not pages:
        return [f"{pdf.name}: no pages"]
    # Chromium shrinks a whole page that holds something too wide: the text then gets small.
    heights = sorted(height for _, _, words in pages for *_, height in words)
    if heights and heights[len(heights) // 2] < 12:  # the body text is 14 pt high
        problems.append(f"{paper}/{pdf.name}: text shrunk to {heights[len(heights) // 2]:.1f} pt")
    for number, (width, height, words) in enumerate(pages, 1):
        if abs(width - expected.width_mm * POINTS_PER_MM) > 1 or abs(
            height - expected.height_mm * POINTS_PER_MM
        ) > 1:
            problems.append(f"{paper}/{pdf.name} page {number}: {width:.0f} x {height:.0f} pt, not {paper}")
        for word, left, right, _ in words:
            if left < margin or right > width - margin:
                problems.append(
                    f"{paper}/{pdf.name} page {number}: {word!r} is {min(left, width - right) / POINTS_PER_MM:.1f} mm "
                    f"from the {'left' if left < margin else 'right'} edge (at least {SIDE_MARGIN_MM} mm)"
                )
    return problems
