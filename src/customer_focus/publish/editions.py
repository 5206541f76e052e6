"""Build the book's two editions and the message catalogs the Chinese one is translated from.

``make book`` builds the English site into ``_build/html`` (``python -m
customer_focus.publish.editions english``), then the zh-TW edition into
``_build/html/zh-TW`` (``python -m customer_focus.publish.editions html``), both with
:func:`build`: the same sources and ``_config.yml``, the zh-TW edition with
``language: zh_TW`` (Sphinx reads each page's translations from
``locales/zh_TW/LC_MESSAGES``), Chinese search (``html_search_language: zh``, words split
by jieba, which learns the glossary's terms as words: :func:`write_search_words`) and its
own doctrees and notebook cache under ``_build/zh-TW``, so that neither
edition's build undoes the other's. Its pages load the English edition's third-party
JavaScript, worksheets' download and workshop kit (``cf_shared_root``, see
:mod:`customer_focus.sphinxext.editions`): the site serves them once.

``make translations`` runs :func:`main` (``python -m customer_focus.publish.editions
gettext``), then ``sphinx-intl update``: Sphinx's gettext builder writes one ``.pot``
template per page into ``_build/gettext`` (``gettext_compact: false`` in ``_config.yml``),
and sphinx-intl merges each into ``locales/zh_TW/LC_MESSAGES/<page>.po``, keeping every
translation already there.

Each build is Jupyter Book's own: the English edition exactly as ``jupyter-book build . -W
-n --keep-going`` builds it (which still works), except that its pages are read by
``--jobs`` processes (Jupyter Book's command line has no such option), so that two
notebooks run at a time (:mod:`customer_focus.sphinxext.parallel`). The zh-TW edition
differs in two more ways: its doctrees go to their own folder, so that the English site's
next build does not have to read every page again, and its notebooks run in Chinese: the
build sets ``CUSTOMER_FOCUS_LANGUAGE`` (:mod:`customer_focus.core.messages`), which the
notebooks' kernels inherit, so what the package says in their outputs (messages, tables'
headers, charts' titles and axes) is the edition's, kept in the edition's own execution
cache.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..core.messages import ENVIRONMENT
from ..course.glossary import GLOSSARY_FILE, load_glossary

__all__ = [
    "BUILDS", "GETTEXT", "ZH_TW", "overrides", "write_search_words",
    "build", "main",
]

#: The builds :func:`build` knows: the English edition, the zh-TW edition, the templates.
BUILDS = ("english", "html", "gettext")
#: Where the message templates go (not committed: ``make translations`` makes them).
GETTEXT = Path("_build") / "gettext"
#: The gettext build's own doctrees (the English site's stay in ``_build/.doctrees``).
GETTEXT_DOCTREES = Path("_build") / ".doctrees-gettext"
#: The gettext build's own caches (the package's fingerprint, the notebooks' outputs).
GETTEXT_BUILD = Path("_build") / "gettext-build"
#: The catalogs' project name, in their header.
PROJECT = "Customer Focus"
#: The zh-TW edition's folder in the site, and its build folder (doctrees, caches).
ZH_TW = "zh-TW"
SITE = Path("_build") / "html"
#: Where the English edition keeps what both editions load (relative to the zh-TW edition).
SHARED_ROOT = "../"
#: The words jieba learns before it splits the pages for search (in the edition's build folder).
SEARCH_WORDS = "search-words.txt"
#: The same, relative to the zh-TW edition's ``_static`` (Sphinx puts a script's path there).
SHARED_STATIC = "../../_static/"


def overrides(root: Path, what: str = "html") -> dict[str, object]:
    """The Sphinx settings a build of :func:`build` adds to ``_config.yml``'s.

    Both builds read the book's table of contents and build the book as one
    document; the ``gettext`` build names the project in the catalogs'
    headers and keeps its own caches (sharing the English edition's, it would
    take that build's notice of a changed package for itself, and the English
    pages would not be read again); the ``html`` build (the zh-TW edition) sets the language, the
    Chinese search, its own caches and the files it shares with the English
    edition.

    Parameters
    ----------
    root : pathlib.Path
        The book's folder (with ``_config.yml`` and ``_toc.yml``).
    what : {"english", "html", "gettext"}
        The build.

    Returns
    -------
    dict
        Sphinx configuration overrides.

    Examples
    --------
    >>> settings = overrides(Path("/book"))
    >>> settings["language"], settings["html_search_language"], settings["cf_build_dir"]
    ('zh_TW', 'zh', '/book/_build/zh-TW')
    >>> settings["mathjax_path"]
    '../../_static/vendor/mathjax/tex-chtml.js'
    >>> overrides(Path("/book"), "gettext")["project"]
    'Customer Focus'
    >>> overrides(Path("/book"), "gettext")["cf_build_dir"]
    '/book/_build/gettext-build'
    >>> overrides(Path("/book"), "english")
    {'external_toc_path': '/book/_toc.yml', 'latex_individualpages': False, 'nitpicky': True}
    """
    common: dict[str, object] = {
        "external_toc_path": (root / "_toc.yml").as_posix(),
        "latex_individualpages": False,
    }
    if what == "english":  # what ``jupyter-book build . -n`` sets
        return {**common, "nitpicky": True}
    if what == "gettext":
        # Its own caches: sharing the English edition's, it would take the English build's
        # notice that the package changed (and its execution cache) for itself.
        # A figure a notebook cell draws is an image for the catalogs too (myst-nb would
        # give the gettext builder the output's plain text), so its description (alt) is
        # translated like the page's text.
        own = root / GETTEXT_BUILD
        return {**common, "project": PROJECT, "cf_build_dir": own.as_posix(),
                "nb_execution_cache_path": (own / ".jupyter_cache").as_posix(),
                "nb_mime_priority_overrides": [
                    ["gettext", "image/svg+xml", 24], ["gettext", "image/png", 25],
                ]}
    build = root / "_build" / ZH_TW
    return {
        **common,
        "nitpicky": True,
        "language": "zh_TW",
        "html_search_language": "zh",
        "html_search_options": {"dict": (build / SEARCH_WORDS).as_posix()},
        "nb_execution_cache_path": (build / ".jupyter_cache").as_posix(),
        "cf_build_dir": build.as_posix(),
        "cf_shared_root": SHARED_ROOT,
        "mathjax_path": SHARED_STATIC + "vendor/mathjax/tex-chtml.js",
        "nb_ipywidgets_js": {
            SHARED_STATIC + "vendor/requirejs/require.js": {},
            SHARED_STATIC + "vendor/html-manager/embed-amd.js": {},
        },
    }


def write_search_words(root: Path) -> Path:
    """Write the glossary's Chinese terms as a jieba dictionary, one word a line.

    jieba's own dictionary does not know 顧客終身價值 or 傾聽站 as words; taught them (and
    the parts it splits them into by itself), it indexes each term as one word and its
    parts as words too, so that a search for the term, or for a part, finds it.

    Parameters
    ----------
    root : pathlib.Path
        The book's folder.

    Returns
    -------
    pathlib.Path
        The dictionary, in ``_build/zh-TW/``.
    """
    import jieba

    path = root / "_build" / ZH_TW / SEARCH_WORDS
    path.parent.mkdir(parents=True, exist_ok=True)
    plain = jieba.Tokenizer()  # jieba's own dictionary only, whatever this process loaded
    jieba.setLogLevel(40)  # not its "Building prefix dict" lines in the build's output
    terms = [word for term in load_glossary(root / GLOSSARY_FILE) for word in term.zh.split()]
    # A term's parts stay words too, so that a search for 顧客 still finds 顧客終身價值: the
    # words of jieba's dictionary in it, and the parts its guesses share with another term
    # (顧客, 品質, 成本; not a one-off guess such as 以顧).
    parts = [set(plain.lcut(word)) for word in terms]
    shared = {part for part in set().union(*parts) if sum(part in found for found in parts) > 1}
    words = set(terms) | {part for part in shared if len(part) >= 2}
    for word in terms:
        words.update(part for part in plain.lcut(word, HMM=False) if len(part) >= 2)
    words = sorted(words)
    text = "".join(f"{word}\n" for word in words)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def build(
    root: Path, what: str = "html", *, quiet: bool | None = None, jobs: int = 1
) -> int:
    """Build an edition or the message templates; returns Sphinx's status.

    Jupyter Book's own Sphinx build of the book (the same ``_config.yml``), with
    warnings as errors (as for ``jupyter-book build -W -n --keep-going``).

    Parameters
    ----------
    root : pathlib.Path
        The book's folder.
    what : {"english", "html", "gettext"}
        ``english``: the English edition into ``_build/html``, its doctrees in
        ``_build/.doctrees`` (where ``jupyter-book build`` puts them); ``html``: the
        zh-TW edition into ``_build/html/zh-TW`` (the English edition must be built
        first), with its own doctrees; ``gettext``: the message templates
        (``.pot``) into ``_build/gettext``.
    quiet : bool, optional
        Print only warnings and errors (by default for ``gettext`` only).
    jobs : int
        How many processes read the pages (and run their notebooks).

    Returns
    -------
    int
        0 when the build succeeded.
    """
    from jupyter_book.sphinx import build_sphinx

    if what == "english":
        out, doctrees = root / SITE, root / "_build" / ".doctrees"
    elif what == "html":
        if not (root / SITE / "index.html").is_file():
            print("error: build the English edition first (`make book` does both).")
            return 1
        write_search_words(root)
        os.environ[ENVIRONMENT] = "zh_TW"  # what the package says, in the pages and notebooks
        out, doctrees = root / SITE / ZH_TW, root / "_build" / ZH_TW / ".doctrees"
    else:
        out, doctrees = root / GETTEXT, root / GETTEXT_DOCTREES
    result = build_sphinx(
        root,
        out,
        noconfig=True,
        path_config=root / "_config.yml",
        confoverrides=overrides(root, what),
        doctreedir=doctrees,
        builder="gettext" if what == "gettext" else "html",
        warningiserror=True,
        keep_going=True,
        quiet=what == "gettext" if quiet is None else quiet,
        jobs=jobs,
    )
    return result if isinstance(result, int) else 1


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m customer_focus.publish.editions {english,html,gettext} [ROOT]``."""
    parser = argparse.ArgumentParser(
        prog="python -m customer_focus.publish.editions",
        description="Build an edition of the book, or the catalogs (.pot) the zh-TW one is "
        "translated from.",
    )
    parser.add_argument(
        "what", choices=BUILDS,
        help="english: the English edition, in _build/html; html: the zh-TW edition, in "
        "_build/html/zh-TW (after the English one); gettext: the .pot templates",
    )
    parser.add_argument("root", nargs="?", default=".", help="the book's folder (default: .)")
    parser.add_argument(
        "--jobs", type=int, default=1, metavar="N",
        help="processes that read the pages and run their notebooks (default: 1)",
    )
    arguments = parser.parse_args(argv)
    if arguments.jobs < 1:
        parser.error(f"--jobs must be 1 or more, not {arguments.jobs}")
    root = Path(arguments.root).resolve()
    if not (root / "_config.yml").is_file():
        print(f"error: no _config.yml in {root}: give the book's folder.")
        return 1
    return build(root, arguments.what, jobs=arguments.jobs)


if __name__ == "__main__":
    raise SystemExit(main())
