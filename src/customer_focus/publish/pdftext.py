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
import io
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = [
    "RADICALS", "FONT_FILES", "FONT_NAME", "radical_ideographs", "remap_cmap", "restore_ideographs",
]

#: The blocks of radicals: the CJK Radicals Supplement and the Kangxi Radicals.
RADICALS = range(0x2E80, 0x2FE0)
#: The CJK fonts Chromium prints the zh-TW edition with (Debian's ``fonts-noto-cjk``).
FONT_FILES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
)
#: What the name of each of those faces starts with, as a PDF names a font it embeds
#: (``/BaseFont /AAAAAA+NotoSansCJKtc-Regular``): a PDF without it has nothing to mend.
FONT_NAME = b"NotoSansCJK"
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
_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+(\d+)\s+R")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
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


def _map_references(reader, data: bytes) -> list[tuple[int, int]]:
    """The object number and generation of each ToUnicode map of the PDF ``data``.

    Chromium writes every dictionary in the open (no object streams), so the fonts'
    references to their maps are read from the file's text, without parsing the
    fonts (a CJK font's glyph widths and drawings are tens of thousands of objects);
    a PDF that keeps its objects in compressed streams is read font by font.

    >>> _map_references(None, b"<</Type /Font /ToUnicode 12 0 R>> <</ToUnicode 7 0 R>>")
    [(7, 0), (12, 0)]
    """
    from pypdf.generic import IndirectObject

    if b"/ObjStm" not in data:
        return sorted({(int(number), int(generation))
                       for number, generation in _TO_UNICODE.findall(data)})
    found = set()
    for page in reader.pages:
        for font in _fonts(page.get("/Resources")):
            reference = font.raw_get("/ToUnicode") if "/ToUnicode" in font else None
            if isinstance(reference, IndirectObject):  # a stream is always indirect
                found.add((reference.idnum, reference.generation))
    return sorted(found)


def restore_ideographs(pdf: Path, pairs: Mapping[int, int] | None = None) -> int:
    """Rewrite ``pdf``'s ToUnicode maps so its text reads ideographs, not radicals.

    Only the maps that change are written, as an incremental update appended to
    the file (the PDF's own way to amend itself: the printed bytes stay as they
    are, followed by the new maps and a cross-reference section pointing at them),
    so a long handout is not read and written whole again.

    Parameters
    ----------
    pdf : Path
        A PDF Chromium printed; amended in place when one of its maps changes.
    pairs : mapping, optional
        Radical to ideograph (default: :func:`radical_ideographs`, from the installed fonts).

    Returns
    -------
    int
        How many fonts' maps were changed (none in a PDF that embeds no CJK font:
        its bytes do not name one, and it is not read further).
    """
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    data = pdf.read_bytes()
    if FONT_NAME not in data:
        return 0
    pairs = radical_ideographs() if pairs is None else pairs
    if not pairs:
        return 0
    reader = PdfReader(io.BytesIO(data))
    changed: dict[tuple[int, int], object] = {}
    for key in _map_references(reader, data):
        stream = IndirectObject(*key, reader).get_object()
        fixed = remap_cmap(stream.get_data(), pairs)
        if fixed is not None:
            stream.set_data(fixed)  # (a compressed stream is compressed again)
            changed[key] = stream
    if changed:
        partial = pdf.with_suffix(".part")
        partial.write_bytes(data + _update(data, reader.trailer, changed))
        partial.replace(pdf)
    return len(changed)


def _update(data: bytes, trailer, objects: Mapping[tuple[int, int], object]) -> bytes:
    r"""An incremental update of the PDF ``data``: ``objects`` written again, then their xref.

    >>> from pypdf.generic import DictionaryObject, IndirectObject, NameObject, NumberObject
    >>> pdf = (b"%PDF-1.4\n1 0 obj\n<</Type /Catalog>>\nendobj\nxref\n0 2\n"
    ...        b"0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2 /Root 1 0 R>>\n"
    ...        b"startxref\n43\n%%EOF\n")
    >>> trailer = DictionaryObject({NameObject("/Size"): NumberObject(2),
    ...                             NameObject("/Root"): IndirectObject(1, 0, None)})
    >>> catalog = DictionaryObject({NameObject("/Type"): NameObject("/Catalog"),
    ...                             NameObject("/Lang"): NameObject("/zh")})
    >>> update = _update(pdf, trailer, {(1, 0): catalog})
    >>> update.split(b"xref\n")[0]
    b'1 0 obj\n<<\n/Type /Catalog\n/Lang /zh\n>>\nendobj\n'
    >>> len(pdf), update.split(b"xref\n")[1].split(b"\n")[:4]
    (143, [b'0 1', b'0000000000 65535 f ', b'1 1', b'0000000143 00000 n '])
    >>> b"/Root 1 0 R" in update and b"/Prev 43" in update
    True
    >>> update.endswith(b"startxref\n%d\n%%%%EOF\n" % (len(pdf) + update.index(b"xref\n")))
    True
    """
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    found = _STARTXREF.search(data[-1024:])
    if found is None:
        raise ValueError("not a PDF Chromium printed: no startxref at its end")
    out = io.BytesIO()
    out.write(b"" if data.endswith(b"\n") else b"\n")
    offsets = []
    for (number, generation), value in sorted(objects.items()):
        offsets.append((number, generation, len(data) + out.tell()))
        out.write(b"%d %d obj\n" % (number, generation))
        value.write_to_stream(out)
        out.write(b"\nendobj\n")
    xref = len(data) + out.tell()
    # object 0, the head of the free list, first (as a new file's xref has it): readers that
    # take a table starting elsewhere for a wrongly numbered one are not misled
    out.write(b"xref\n0 1\n0000000000 65535 f \n")
    for number, generation, offset in offsets:
        out.write(b"%d 1\n%010d %05d n \n" % (number, offset, generation))
    last = DictionaryObject({NameObject(key): trailer.raw_get(key)
                             for key in ("/Size", "/Root", "/Info", "/ID") if key in trailer})
    last[NameObject("/Prev")] = NumberObject(int(found.group(1)))
    out.write(b"trailer\n")
    last.write_to_stream(out)
    out.write(b"\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()
