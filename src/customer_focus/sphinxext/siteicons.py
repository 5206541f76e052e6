"""The site's icons and web manifest, drawn at build time in the course's palette.

A browser asks every site for an icon; with none, its first visit logs a 404
(a console error, and a lost point of Lighthouse's best practices). At the end
of an HTML build this module writes, from the palette of the course's figures
(:data:`customer_focus.core.figures.PALETTE`): a target (rings around a center,
for the course's focus on the customer) on a rounded square, as

* ``favicon.ico`` at the top of the site (16, 32 and 48 pixels), where a
  browser looks when a page names no icon (the redirecting ``index.html``);
* ``_static/icons/favicon.svg``, sharp at every size, and PNGs for phones
  (``apple-touch-icon.png``, ``icon-192.png``, ``icon-512.png`` and a
  ``icon-maskable-512.png`` whose target stays inside the safe zone);
* ``manifest.webmanifest`` at the top of the site: the course's name, its
  first page and its colors, and the icons.

Every page's head links the icons and the manifest (relative links, so the
site works from any folder and offline).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from customer_focus.core.figures import PALETTE

from .registry import Extension

ICONS = "_static/icons"
MANIFEST = "manifest.webmanifest"
#: The background of the icon, its rings and its center.
BACKGROUND = PALETTE["line"]
RING = "#ffffff"
CENTER = PALETTE["accent"]
#: Radii of the target's circles as shares of the icon's side, outermost first,
#: with their colors: white, blue, white, then the orange center.
CIRCLES = ((0.36, RING), (0.26, BACKGROUND), (0.17, RING), (0.09, CENTER))
#: The rounded square's corner radius, as a share of the side.
CORNER = 0.2
#: A maskable icon is cropped to a circle of 80% of its side: the target is drawn within it.
MASKABLE_SCALE = 0.8


def icon_svg() -> str:
    """The icon as SVG, on a 64-unit square.

    Examples
    --------
    >>> svg = icon_svg()
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and svg.count("<circle") == 4
    True
    """
    side = 64
    shapes = [
        f'<rect width="{side}" height="{side}" rx="{CORNER * side:g}" fill="{BACKGROUND}"/>'
    ] + [
        f'<circle cx="{side / 2:g}" cy="{side / 2:g}" r="{radius * side:g}" fill="{color}"/>'
        for radius, color in CIRCLES
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}">'
        + "".join(shapes)
        + "</svg>\n"
    )


def icon_image(size: int, *, maskable: bool = False) -> Any:
    """The icon as a square RGBA Pillow image of ``size`` pixels.

    Drawn four times larger and scaled down, so its edges are smooth. A
    maskable icon fills the whole square with the background and keeps the
    target inside the central 80%.

    Examples
    --------
    >>> image = icon_image(32)
    >>> image.size, image.mode
    ((32, 32), 'RGBA')
    >>> image.getpixel((0, 0))[3], image.getpixel((16, 16))[3]  # a clear corner, a solid center
    (0, 255)
    """
    from PIL import Image, ImageDraw

    big = size * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=BACKGROUND)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=CORNER * big, fill=BACKGROUND)
    scale = MASKABLE_SCALE if maskable else 1.0
    middle = big / 2
    for radius, color in CIRCLES:
        r = radius * big * scale
        draw.ellipse((middle - r, middle - r, middle + r, middle + r), fill=color)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def png(size: int, *, maskable: bool = False) -> bytes:
    """The icon as PNG bytes.

    Examples
    --------
    >>> png(16)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    buffer = io.BytesIO()
    icon_image(size, maskable=maskable).save(buffer, format="PNG")
    return buffer.getvalue()


def ico() -> bytes:
    """The icon as a Windows ``.ico`` file holding 16, 32 and 48 pixel images.

    Examples
    --------
    >>> ico()[:4] == b"\\x00\\x00\\x01\\x00"
    True
    """
    buffer = io.BytesIO()
    icon_image(256).save(buffer, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return buffer.getvalue()


#: The PNGs written to ``_static/icons``: file name -> (size, maskable).
PNGS = {
    "apple-touch-icon.png": (180, False),
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-512.png": (512, True),
}


def manifest(title: str, start: str) -> dict[str, Any]:
    """The web manifest: the course's name, its first page, colors and icons.

    Parameters
    ----------
    title : str
        The site's title; its part before a colon (or a full-width colon, as Chinese
        writes it) is the short name.
    start : str
        The first page, relative to the top of the site.

    Examples
    --------
    >>> data = manifest("Customer Focus: Creating Value and Loyalty", "book/index.html")
    >>> data["short_name"], data["start_url"], data["theme_color"]
    ('Customer Focus', 'book/index.html', '#1f5f99')
    >>> manifest("以顧客為中心：創造價值與忠誠度", "book/index.html")["short_name"]
    '以顧客為中心'
    >>> [icon["sizes"] for icon in data["icons"]]
    ['any', '180x180', '192x192', '512x512', '512x512']
    """
    icons = [{"src": f"{ICONS}/favicon.svg", "sizes": "any", "type": "image/svg+xml"}]
    for name, (size, maskable) in PNGS.items():
        icon = {"src": f"{ICONS}/{name}", "sizes": f"{size}x{size}", "type": "image/png"}
        if maskable:
            icon["purpose"] = "maskable"
        icons.append(icon)
    return {
        "name": title,
        "short_name": re.split("[:：]", title)[0].strip(),
        "start_url": start,
        "scope": "./",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": BACKGROUND,
        "icons": icons,
    }


def write_icons(outdir: Path, title: str, start: str) -> list[Path]:
    """Write the icons and the manifest into a built site; returns the files written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_icons(Path(folder), "Course: a subtitle", "index.html")
    ...     sorted(str(path.relative_to(folder)) for path in written)  # doctest: +NORMALIZE_WHITESPACE
    ['_static/icons/apple-touch-icon.png', '_static/icons/favicon.svg',
     '_static/icons/icon-192.png', '_static/icons/icon-512.png',
     '_static/icons/icon-maskable-512.png', 'favicon.ico', 'manifest.webmanifest']
    """
    folder = outdir / ICONS
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "favicon.svg", outdir / "favicon.ico", outdir / MANIFEST]
    written[0].write_text(icon_svg(), encoding="utf-8")
    written[1].write_bytes(ico())
    written[2].write_text(json.dumps(manifest(title, start), indent=2) + "\n", encoding="utf-8")
    for name, (size, maskable) in PNGS.items():
        path = folder / name
        path.write_bytes(png(size, maskable=maskable))
        written.append(path)
    return written


def head_links(pathto: Any) -> str:
    """The ``<link>`` tags of a page's head, with ``pathto`` giving each file's relative URL.

    Examples
    --------
    >>> print(head_links(lambda path, resource: "../" + path))  # doctest: +NORMALIZE_WHITESPACE
    <link rel="icon" href="../_static/icons/favicon.svg" type="image/svg+xml">
    <link rel="icon" href="../favicon.ico" sizes="48x48">
    <link rel="apple-touch-icon" href="../_static/icons/apple-touch-icon.png">
    <link rel="manifest" href="../manifest.webmanifest">
    """
    return "\n".join(
        [
            f'<link rel="icon" href="{pathto(f"{ICONS}/favicon.svg", 1)}" type="image/svg+xml">',
            f'<link rel="icon" href="{pathto("favicon.ico", 1)}" sizes="48x48">',
            f'<link rel="apple-touch-icon" href="{pathto(f"{ICONS}/apple-touch-icon.png", 1)}">',
            f'<link rel="manifest" href="{pathto(MANIFEST, 1)}">',
        ]
    )


def _link_icons(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if "pathto" in context:
        context["metatags"] = context.get("metatags", "") + "\n" + head_links(context["pathto"]) + "\n"


def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    # the book's title (Jupyter Book sets it from _config.yml), or the project's name when
    # html_title is Sphinx's default
    title = app.config.html_title
    if not title or title == f"{app.config.project} {app.config.release} documentation":
        title = app.config.project
    write_icons(Path(app.outdir), title, app.config.root_doc + app.builder.out_suffix)


#: The hooks: the head links on every page, the files at the end of the build.
EXTENSION = Extension(events=(("html-page-context", _link_icons), ("build-finished", _write)))
setup = EXTENSION.setup
