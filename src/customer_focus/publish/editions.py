"""Build the book's message catalogs, the source of the zh-TW edition's translations.

``make translations`` runs :func:`main` (``python -m customer_focus.publish.editions
gettext``), then ``sphinx-intl update``: Sphinx's gettext builder writes one ``.pot``
template per page into ``_build/gettext`` (``gettext_compact: false`` in ``_config.yml``),
and sphinx-intl merges each into ``locales/zh_TW/LC_MESSAGES/<page>.po``, keeping every
translation already there.

The build is Jupyter Book's own (the same configuration as ``jupyter-book build``), with
two differences: its doctrees go to their own folder, so that the English site's next
build does not have to read every page again, and the notebooks' outputs come from the
execution cache the site's build fills (``_build/.jupyter_cache``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["GETTEXT", "gettext_overrides", "build_gettext", "main"]

#: Where the message templates go (not committed: ``make translations`` makes them).
GETTEXT = Path("_build") / "gettext"
#: The gettext build's own doctrees (the English site's stay in ``_build/.doctrees``).
GETTEXT_DOCTREES = Path("_build") / ".doctrees-gettext"
#: The catalogs' project name, in their header.
PROJECT = "Customer Focus"


def gettext_overrides(root: Path) -> dict[str, object]:
    """The Sphinx settings the gettext build adds to ``_config.yml``'s.

    Parameters
    ----------
    root : pathlib.Path
        The book's folder (with ``_config.yml`` and ``_toc.yml``).

    Returns
    -------
    dict
        Sphinx configuration overrides.

    Examples
    --------
    >>> overrides = gettext_overrides(Path("/book"))
    >>> overrides["external_toc_path"], overrides["project"]
    ('/book/_toc.yml', 'Customer Focus')
    """
    return {
        "external_toc_path": (root / "_toc.yml").as_posix(),
        "latex_individualpages": False,
        "project": PROJECT,
    }


def build_gettext(root: Path, *, quiet: bool = True) -> int:
    """Write the book's message templates into ``_build/gettext``; returns Sphinx's status.

    Parameters
    ----------
    root : pathlib.Path
        The book's folder.
    quiet : bool
        Print only warnings and errors.

    Returns
    -------
    int
        0 when the build succeeded.
    """
    from jupyter_book.sphinx import build_sphinx

    result = build_sphinx(
        root,
        root / GETTEXT,
        noconfig=True,
        path_config=root / "_config.yml",
        confoverrides=gettext_overrides(root),
        doctreedir=root / GETTEXT_DOCTREES,
        builder="gettext",
        warningiserror=True,
        keep_going=True,
        quiet=quiet,
    )
    return result if isinstance(result, int) else 1


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m customer_focus.publish.editions gettext [ROOT]``."""
    parser = argparse.ArgumentParser(
        prog="python -m customer_focus.publish.editions",
        description="Build the book's message catalogs (.pot) for its translations.",
    )
    parser.add_argument("what", choices=["gettext"], help="gettext: the .pot templates")
    parser.add_argument("root", nargs="?", default=".", help="the book's folder (default: .)")
    arguments = parser.parse_args(argv)
    root = Path(arguments.root).resolve()
    if not (root / "_config.yml").is_file():
        print(f"error: no _config.yml in {root}: give the book's folder.")
        return 1
    return build_gettext(root)


if __name__ == "__main__":
    raise SystemExit(main())
