"""The text of a Chinese page printed by Chromium reads as written: no Kangxi radicals.

Chromium writes each font's ToUnicode map from the font's character map, keeping a glyph's
lowest code point; Noto Sans CJK draws 工 and the radical ⼯ with one glyph, so a copy of
工作表 read ⼯作表. :mod:`customer_focus.publish.pdftext` maps them back after printing."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from customer_focus.publish import handouts, pdftext

#: Ideographs Noto Sans CJK shares with a radical, in a sentence as a handout writes them.
WRITTEN = "工作表第一頁，共二頁：長期顧客的母數、入門、人力與自己的心得"
RADICAL = re.compile(r"[\u2e80-\u2fdf]")
FONTS_MISSING = not all(path.is_file() for path in pdftext.FONT_FILES)


def test_a_ranged_map_is_split_and_only_its_radicals_change():
    cmap = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
            b"2 beginbfchar\n<03> <0041>\n<04> <2F2F>\nendbfchar\n"
            b"2 beginbfrange\n<05> <07> <2F00>\n<08> <09> [<D840DC00> <2ED1>]\nendbfrange\n"
            b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    fixed = pdftext.remap_cmap(cmap, {0x2F2F: 0x5DE5, 0x2F00: 0x4E00, 0x2ED1: 0x9577})
    assert fixed is not None
    codes, width = pdftext._entries(fixed)
    assert width == 2
    assert codes == {b"03": "A", b"04": "工", b"05": "一", b"06": "\u2f01", b"07": "\u2f02",
                     b"08": "\U00020000", b"09": "長"}
    assert fixed.startswith(b"/CIDInit") and fixed.endswith(b"endcmap\nCMapName currentdict "
                                                            b"/CMap defineresource pop\nend\nend\n")
    assert b"begincodespacerange\n<00> <FF>" in fixed
    assert pdftext.remap_cmap(fixed, {0x2F2F: 0x5DE5}) is None


@pytest.mark.skipif(FONTS_MISSING, reason="Debian's fonts-noto-cjk is not installed")
def test_the_fonts_pair_each_shared_radical_with_its_ideograph():
    pairs = pdftext.radical_ideographs()
    shared = (0x2F2F, 0x2F00, 0x2FB4, 0x2ED1, 0x2E9F)
    assert {chr(pairs[code]) for code in shared} == set("工一頁長母")
    assert all(code in pdftext.RADICALS for code in pairs)
    assert all(0x3400 <= ideograph for ideograph in pairs.values())


def _printed(tmp_path: Path) -> dict[str, Path]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    (site / "page.html").write_text(
        '<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>工作表</title><style>'
        'body { font-family: "Noto Sans CJK TC", sans-serif; }</style></head>'
        f"<body><h1>工作表</h1><p>{WRITTEN}</p><p><b>{WRITTEN}</b></p></body></html>",
        encoding="utf-8",
    )
    targets = {paper: tmp_path / paper / "page.pdf" for paper in handouts.PAPERS}
    handouts.print_pages(site, {"page.html": targets}, language="zh_TW")
    return targets


@pytest.mark.skipif(FONTS_MISSING or not Path(handouts.CHROMIUM).exists(),
                    reason="needs Chromium and Debian's fonts-noto-cjk")
def test_a_chinese_page_printed_on_both_papers_reads_back_as_written(tmp_path):
    for paper, pdf in _printed(tmp_path).items():
        shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout
        extracted = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        for text in (shown, extracted):
            flat = re.sub(r"\s", "", text)
            assert flat.count(WRITTEN) == 2, (paper, flat)
            assert "第1頁，共1頁" in flat and "以顧客為中心" in flat, (paper, flat)
            assert not RADICAL.search(text), paper
        # every font's map is mended: none names a radical the fonts share with an ideograph
        assert pdftext.restore_ideographs(pdf) == 0
        # mended by one incremental update after the printed bytes, which a strict reader takes
        data = pdf.read_bytes()
        assert data.count(b"startxref") == 2 and data.count(b"/Prev ") == 1, paper
        assert len(PdfReader(pdf, strict=True).pages) == 1
        # the maps found in the file's text are those found font by font (the way taken for a
        # PDF whose objects sit in compressed object streams)
        found = pdftext._map_references(PdfReader(pdf), data)
        assert found and found == pdftext._map_references(PdfReader(pdf), data + b"/ObjStm")


def test_a_pdf_without_a_cjk_font_is_left_as_printed(tmp_path):
    pdf = tmp_path / "english.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<</BaseFont /AAAAAA+DejaVuSans>>\nendobj\n%%EOF\n")
    before = pdf.stat().st_mtime_ns
    assert pdftext.restore_ideographs(pdf, {0x2F2F: 0x5DE5}) == 0
    assert pdf.stat().st_mtime_ns == before
