"""The text of a Chinese page printed by Chromium, as it was written.

Noto Sans CJK draws an ideograph and the radical that looks like it with one
glyph: its character map sends both 工 (U+5DE5) and the Kangxi radical ⼯
(U+2F2F) to the same glyph. When Chromium prints a page to PDF, Skia writes
each font's ToUnicode map (what a PDF reader gives back when text is copied or
searched) from the font's character map, keeping the lowest code point of a
glyph: the radical. Text copied out of a Chinese handout then reads ⼯作表第⼀⾴
for 工作表第一頁; search in a PDF reader misses it, and a screen reader reads
radicals. A ``unicode-range`` on the font's ``@font-face`` does not help:
Chromium still embeds the whole font's map.

:func:`restore_ideographs` rewrites the ToUnicode maps of a printed PDF: each
code mapped to a radical (the CJK Radicals Supplement and the Kangxi Radicals,
U+2E80 to U+2FDF) that the CJK font draws with the glyph of an ideograph is
mapped to that ideograph (:func:`radical_ideographs`, read from the font's own
character map). The drawing is unchanged; the course's text has no radicals of
its own. :mod:`.handouts` calls it on every PDF it prints.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["RADICALS", "FONT_FILES", "radical_ideographs", "remap_cmap", "restore_ideographs"]

#: The blocks of radicals: the CJK Radicals Supplement and the Kangxi Radicals.
RADICALS = range(0x2E80, 0x2FE0)
#: The CJK fonts Chromium prints the zh-TW edition with (Debian's ``fonts-noto-cjk``).
FONT_FILES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
)
# Where an ideograph may be, best first: the unified ideographs, Extension A, the
# supplementary planes, then the compatibility ideographs.
_IDEOGRAPHS = (
    range(0x4E00, 0xA000), range(0x3400, 0x4DC0), range(0x20000, 0x40000), range(0xF900, 0xFB00),
)


def _rank(code: int) -> int:
    return next((rank for rank, block in enumerate(_IDEOGRAPHS) if code in block), -1)


def _pairs(cmaps: Iterable[Mapping[int, str]]) -> dict[int, int]:
    """Each radical drawn with an ideograph's glyph, and that ideograph.

    >>> _pairs([{0x2F2F: "g1", 0x5DE5: "g1", 0x2F00: "g2", 0x4E00: "g2", 0x2E80: "g3"}])
    {12032: 19968, 12079: 24037}
    """
    found: dict[int, int] = {}
    for cmap in cmaps:
        by_glyph: dict[str, list[int]] = {}
        for code, glyph in cmap.items():
            if _rank(code) >= 0:
                by_glyph.setdefault(glyph, []).append(code)
        for code, glyph in cmap.items():
            if code in RADICALS and code not in found and by_glyph.get(glyph):
                found[code] = min(by_glyph[glyph], key=lambda c: (_rank(c), c))
    return dict(sorted(found.items()))


@functools.cache
def radical_ideographs(fonts: tuple[Path, ...] = FONT_FILES) -> dict[int, int]:
    """Each radical the CJK fonts draw with an ideograph's glyph, and that ideograph.

    Read from the character maps of every face of ``fonts`` that are installed
    (none installed: an empty mapping).

    Examples
    --------
    >>> pairs = radical_ideographs()
    >>> not pairs or chr(pairs[0x2F2F]) == "工"
    True
    """
    from fontTools.ttLib import TTCollection, TTFont

    cmaps = []
    for path in fonts:
        if not path.is_file():
            continue
        faces = (TTCollection(str(path), lazy=True).fonts if path.suffix.lower() == ".ttc"
                 else [TTFont(str(path), lazy=True)])
        cmaps += [face.getBestCmap() or {} for face in faces]
    return _pairs(cmaps)


_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_SECTION = re.compile(rb"\d+\s+begin(bfchar|bfrange)\s*(.*?)\s*endbf(?:char|range)", re.S)


def _text(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode()).decode("utf-16-be", "surrogatepass")


def _hex(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass").hex().upper().encode()


def _entries(cmap: bytes) -> tuple[dict[bytes, str], int]:
    """A ToUnicode map's codes (as hex digits) and their text, and the codes' width in digits."""
    codes: dict[bytes, str] = {}
    width = 2
    for kind, body in _SECTION.findall(cmap):
        if kind == b"bfchar":
            tokens = _HEX.findall(body)
            for code, text in zip(tokens[::2], tokens[1::2], strict=True):
                codes[code.upper()] = _text(text)
                width = len(code)
            continue
        for line in re.findall(rb"<[^>]*>\s*<[^>]*>\s*(?:\[[^\]]*\]|<[^>]*>)", body):
            low, high, *targets = _HEX.findall(line)
            width = len(low)
            first, last = int(low, 16), int(high, 16)
            for offset, code in enumerate(range(first, last + 1)):
                if b"[" in line:
                    text = _text(targets[offset])
                else:
                    start = _text(targets[0])
                    text = start[:-1] + chr(ord(start[-1]) + offset)
                codes[f"{code:0{len(low)}X}".encode()] = text
    return codes, width


def remap_cmap(cmap: bytes, pairs: Mapping[int, int]) -> bytes | None:
    """A ToUnicode map with each radical of ``pairs`` replaced by its ideograph (None: no change).

    The codes are written again as ``bfchar`` entries, a hundred a section.

    >>> cmap = (b"/CIDInit /ProcSet findresource begin\\nbegincmap\\n"
    ...         b"2 beginbfchar\\n<41> <2F2F>\\n<42> <4F5C>\\nendbfchar\\n"
    ...         b"1 beginbfrange\\n<43> <44> <2F00>\\nendbfrange\\nendcmap\\n")
    >>> fixed = remap_cmap(cmap, {0x2F2F: 0x5DE5, 0x2F00: 0x4E00})
    >>> b"<41> <5DE5>" in fixed and b"<43> <4E00>" in fixed and b"<44> <2F01>" in fixed
    True
    >>> remap_cmap(fixed, {0x2F2F: 0x5DE5}) is None
    True
    """
    codes, width = _entries(cmap)
    fixed = {code: "".join(chr(pairs.get(ord(char), ord(char))) for char in text)
             for code, text in codes.items()}
    if fixed == codes:
        return None
    items = sorted(fixed.items(), key=lambda item: int(item[0], 16))
    sections = []
    for start in range(0, len(items), 100):
        chunk = items[start:start + 100]
        lines = b"\n".join(b"<" + code.rjust(width, b"0") + b"> <" + _hex(text) + b">"
                           for code, text in chunk)
        sections.append(b"%d beginbfchar\n" % len(chunk) + lines + b"\nendbfchar")
    first = _SECTION.search(cmap)
    sections_end = list(_SECTION.finditer(cmap))[-1].end()
    return cmap[:first.start()] + b"\n".join(sections) + cmap[sections_end:]


def _fonts(resources) -> Iterable:
    """Every font of a page's resources, with those of its forms and Type 3 fonts."""
    seen = set()
    stack = [resources]
    while stack:
        current = stack.pop()
        if current is None:
            continue
        current = current.get_object()
        for font in (current.get("/Font") or {}).values():
            font = font.get_object()
            if id(font) not in seen:
                seen.add(id(font))
                yield font
                stack.append(font.get("/Resources"))
        for form in (current.get("/XObject") or {}).values():
            form = form.get_object()
            if form.get("/Subtype") == "/Form":
                stack.append(form.get("/Resources"))


def restore_ideographs(pdf: Path, pairs: Mapping[int, int] | None = None) -> int:
    """Rewrite ``pdf``'s ToUnicode maps so its text reads ideographs, not radicals.

    Parameters
    ----------
    pdf : Path
        A PDF Chromium printed; rewritten in place when one of its maps changes.
    pairs : mapping, optional
        Radical to ideograph (default: :func:`radical_ideographs`, from the installed fonts).

    Returns
    -------
    int
        How many fonts' maps were changed.
    """
    from pypdf import PdfReader, PdfWriter

    pairs = radical_ideographs() if pairs is None else pairs
    if not pairs:
        return 0
    writer = PdfWriter(clone_from=PdfReader(pdf))
    changed = 0
    done = set()
    for page in writer.pages:
        for font in _fonts(page.get("/Resources")):
            if "/ToUnicode" not in font:
                continue
            stream = font["/ToUnicode"].get_object()
            if id(stream) in done:
                continue
            done.add(id(stream))
            fixed = remap_cmap(stream.get_data(), pairs)
            if fixed is None:
                continue
            stream.set_data(fixed)  # (a compressed stream is compressed again)
            changed += 1
    if changed:
        partial = pdf.with_suffix(".part")
        with open(partial, "wb") as out:
            writer.write(out)
        partial.replace(pdf)
    return changed
