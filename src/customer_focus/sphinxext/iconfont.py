"""Serve the theme's icon font cut down to the icons the site shows.

The theme (pydata-sphinx-theme) ships Font Awesome's solid web font, 156 kB
with about 1,400 icons, and every page loads it for the dozen it uses (the
menu, search, color mode, download and navigation icons, and the icons the
theme's stylesheet puts before admonitions and links). When the HTML build
has finished, this module reads which icons the built pages, scripts and
stylesheets can show and writes the font again with only those glyphs
(fontTools, with Brotli for WOFF2), about 5 kB. Only the copy in the
built site changes; the theme's file is left alone.

Which icons are kept:

* every icon named by a class (``fa-bars``) in a built page or in a script
  of the edition (a script may add an icon to a page; another edition's
  pages in a folder of the site cut their own font), looked up in the
  theme stylesheet's ``.fa-bars:before{content:"\\f0c9"}`` rules. The
  vendored libraries under ``_static/vendor`` are not read: the widget
  manager bundles Font Awesome's whole stylesheet (its class list, not icons
  it shows), and the course's widgets show no icon;
* every other code point a stylesheet writes in a ``content`` or custom
  property, as an escape (``"\\f05a"``) or as the character itself (the
  theme's ``--pst-icon-info-circle``, which admonition titles show), whatever
  rule it is in.

A page that shows a new icon keeps working: the next build keeps its glyph.
The subset is cached by its code points, so an unchanged build does not cut
the font again.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .editions import EDITIONS
from .registry import Extension

__all__ = [
    "icon_rules", "used_icon_names", "page_texts", "kept_code_points", "subset_font",
    "EXTENSION", "setup",
]

LOGGER = logging.getLogger(__name__)
#: The theme's solid icon font, relative to the built site (the only face its pages load).
FONT = Path("_static") / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2"
#: The theme's own copy of the font, always the one cut (the built copy may be cut already).
THEME_STATIC = Path("theme") / "pydata_sphinx_theme" / "static"
#: The theme's stylesheet, which holds Font Awesome's rules.
THEME_CSS = Path("_static") / "styles" / "pydata-sphinx-theme.css"

_RULE = re.compile(r"([^{}]+)\{content:\"\\([0-9a-fA-F]{2,6}) ?\"\}")
_SELECTOR = re.compile(r"^\.fa-([a-z0-9-]+):(?::)?before$")
_ESCAPE = re.compile(r"\"\\([0-9a-fA-F]{4,6}) ?\"")
_CLASS = re.compile(r"\bfa-([a-z0-9-]+)")
#: Icon characters written as themselves (the theme's ``--pst-icon-*`` properties): Unicode's
#: private use area, where Font Awesome puts its icons.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def icon_rules(css: str) -> dict[str, int]:
    """The icon classes a stylesheet defines, with the code point of each.

    Parameters
    ----------
    css : str
        A stylesheet, as minified by the theme.

    Returns
    -------
    dict of str to int
        Each icon name (the class without ``fa-``) and its code point.

    Examples
    --------
    >>> rules = icon_rules('.fa-bars:before,.fa-navicon:before{content:"\\\\f0c9"}.x{color:red}')
    >>> {name: hex(point) for name, point in rules.items()}
    {'bars': '0xf0c9', 'navicon': '0xf0c9'}
    """
    rules: dict[str, int] = {}
    for selectors, point in _RULE.findall(css):
        names = [_SELECTOR.match(selector.strip()) for selector in selectors.split(",")]
        if names and all(names):
            for name in names:
                rules[name.group(1)] = int(point, 16)
    return rules


def used_icon_names(texts: Iterable[str]) -> set[str]:
    """The ``fa-`` class names that appear in pages or scripts.

    Examples
    --------
    >>> sorted(used_icon_names(['<i class="fa-solid fa-bars"></i>', 'add("fa-moon")']))
    ['bars', 'moon', 'solid']
    """
    return {name for text in texts for name in _CLASS.findall(text)}


def kept_code_points(css: str, used: set[str], other_css: Iterable[str] = ()) -> set[int]:
    """The code points to keep: the used icons, and every escape written outside an icon rule.

    Parameters
    ----------
    css : str
        The stylesheet with Font Awesome's icon rules.
    used : set of str
        Icon names shown by the site (:func:`used_icon_names`).
    other_css : iterable of str
        The site's other stylesheets.

    Examples
    --------
    >>> css = ('.fa-bars:before{content:"\\\\f0c9"}.fa-moon:before{content:"\\\\f186"}'
    ...        ':root{--pst-icon-admonition-note:"\\\\f05a"}')
    >>> sorted(hex(point) for point in kept_code_points(css, {"bars"}))
    ['0xf05a', '0xf0c9']
    >>> sorted(hex(point) for point in kept_code_points("", set(), [':root{--i:"\uf0eb"}']))
    ['0xf0eb']
    """
    rules = icon_rules(css)
    kept = {point for name, point in rules.items() if name in used}
    for text in (_RULE.sub("", css), *other_css):
        kept.update(int(point, 16) for point in _ESCAPE.findall(text))
        kept.update(ord(character) for character in _PRIVATE_USE.findall(text))
    return kept


def subset_font(source: Path, target: Path, code_points: set[int]) -> None:
    """Write ``source`` cut down to ``code_points`` as WOFF2 at ``target``."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(code_points))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def _theme_font() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / THEME_STATIC / FONT.relative_to("_static")


def page_texts(outdir: Path) -> Iterable[str]:
    """The texts of the built pages and scripts whose icons the font keeps.

    Not the vendored files, nor another edition's pages in a folder of this site (the
    zh-TW edition in ``zh-TW/``, which cuts its own font; built at the same time, its
    pages may be half-written): the same site gives the same font, whatever was built
    beside it.

    Parameters
    ----------
    outdir : pathlib.Path
        The built edition.

    Yields
    ------
    str
        Each page's or script's text.
    """
    skipped = [outdir / "_static" / "vendor"] + [
        outdir / edition.folder for edition in EDITIONS.values() if edition.folder
    ]
    for pattern in ("**/*.html", "_static/**/*.js"):
        for path in outdir.glob(pattern):
            if not any(folder in path.parents for folder in skipped):
                yield path.read_text(encoding="utf-8", errors="replace")


def _cut_font(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    font, theme_css, original = outdir / FONT, outdir / THEME_CSS, _theme_font()
    if not (font.is_file() and theme_css.is_file() and original.is_file()):
        return
    css = theme_css.read_text(encoding="utf-8")
    others = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in outdir.glob("_static/**/*.css")
        if path != theme_css
    ]
    points = kept_code_points(css, used_icon_names(page_texts(outdir)), others)
    key = hashlib.sha256(",".join(map(str, sorted(points))).encode()).hexdigest()[:16]
    cache = Path(app.doctreedir).parent / ".cache" / "iconfont" / f"{key}.woff2"
    if not cache.is_file():
        cache.parent.mkdir(parents=True, exist_ok=True)
        subset_font(original, cache, points)
    before = original.stat().st_size
    shutil.copyfile(cache, font)
    LOGGER.info("icon font: %d icons kept, %d kB -> %d kB", len(points), before // 1000,
                font.stat().st_size // 1000)


#: The hook: the font is cut when the HTML build has finished.
EXTENSION = Extension(events=(("build-finished", _cut_font),))
setup = EXTENSION.setup
