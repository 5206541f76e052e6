"""Build the book's two editions and the message catalogs the Chinese one is translated from.

``make book`` builds the English site into ``_build/html`` and the zh-TW edition into
``_build/html/zh-TW`` at the same time (``python -m customer_focus.publish.editions site``,
:func:`build_site`: each edition's build in a process of its own, the zh-TW one's output
shown after the English one's). Each is :func:`build` (``python -m
customer_focus.publish.editions english``, ``... html`` build one): the same sources and
``_config.yml``, the zh-TW edition with ``language: zh_TW`` (Sphinx reads each page's
translations from ``locales/zh_TW/LC_MESSAGES``), Chinese search (``html_search_language:
zh``, words split by jieba, which learns the glossary's terms as words:
:func:`write_search_words`) and its own doctrees, notebook cache and notebooks' outputs under
``_build/zh-TW``, so that neither edition's build undoes the other's. The zh-TW pages load
the English edition's third-party JavaScript (MathJax, the widget manager, Pyodide:
``cf_shared_root``, see :mod:`customer_focus.sphinxext.editions`): the site serves it once.
So the zh-TW edition's build waits for the English one's only where it needs those files:
before it prints its workshop kit's handouts, whose math MathJax draws
(:func:`wait_for_english`).

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
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from ..core.messages import ENVIRONMENT
from ..course.glossary import GLOSSARY_FILE, load_glossary

__all__ = [
    "BUILDS", "ENGLISH_BUILT", "GETTEXT", "ZH_TW", "overrides", "write_search_words",
    "build", "build_site", "wait_for_english", "main",
]

#: The builds :func:`main` knows: both editions at once (:func:`build_site`), and the three
#: of :func:`build`: the English edition, the zh-TW edition, the templates.
BUILDS = ("site", "english", "html", "gettext")
#: This module, as ``python -m`` runs it (:func:`build_site` starts one process per edition).
MODULE = "customer_focus.publish.editions"
#: Set by :func:`build_site` for the zh-TW edition's build: the file that appears when the
#: English edition's build, beside it, has succeeded (:func:`wait_for_english`).
ENGLISH_BUILT = "CUSTOMER_FOCUS_ENGLISH_BUILT"
#: That file, in the zh-TW edition's build folder.
ENGLISH_BUILT_FILE = "english-built"
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
        if not os.environ.get(ENGLISH_BUILT) and not (root / SITE / "index.html").is_file():
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


def wait_for_english(timeout: float = 3600.0, poll: float = 0.2) -> bool:
    """In a zh-TW build started by :func:`build_site`, wait for the English edition's build.

    The zh-TW pages load the English edition's copy of MathJax (and of the other third-party
    JavaScript), so its workshop kit's handouts are printed only once the English edition is
    built. Outside :func:`build_site` (the English edition was built before), there is
    nothing to wait for.

    Parameters
    ----------
    timeout : float
        Seconds to wait at most (:func:`build_site` stops this build if the English one fails).
    poll : float
        Seconds between two looks.

    Returns
    -------
    bool
        Whether this build was started beside the English one's (and so waited for it, if
        that build was still running).

    Raises
    ------
    TimeoutError
        When the English edition's build has not finished in ``timeout`` seconds.

    Examples
    --------
    >>> wait_for_english()  # not started by build_site: the English edition is there
    False
    """
    marker = os.environ.get(ENGLISH_BUILT)
    if not marker:
        return False
    deadline = time.monotonic() + timeout
    while not Path(marker).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the English edition's build did not finish in {timeout:.0f} s")
        time.sleep(poll)
    return True


def _start(root: Path, what: str, jobs: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", MODULE, what, str(root), "--jobs", str(jobs)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        errors="replace", env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        start_new_session=True,  # so that stopping it stops its workers, kernels and browser
    )


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except (AttributeError, ProcessLookupError, PermissionError):
        process.terminate()
    process.wait()


def build_site(root: Path, *, jobs: int = 1) -> int:
    """Build both editions at the same time, each in a process of its own; returns the status.

    On two cores, one edition's build leaves a core idle much of the time (while it writes its
    pages, builds its download, prints its handouts), so the two share the machine better at
    once than one after the other. What each build prints is shown whole, the English
    edition's as it comes, then the zh-TW edition's. The zh-TW edition's build waits for the
    English one's only before it prints its handouts (:func:`wait_for_english`); if the
    English build fails, the zh-TW one is stopped.

    Parameters
    ----------
    root : pathlib.Path
        The book's folder.
    jobs : int
        How many processes read each edition's pages.

    Returns
    -------
    int
        0 when both builds succeeded; otherwise the first failed build's status.
    """
    marker = root / "_build" / ZH_TW / ENGLISH_BUILT_FILE
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.unlink(missing_ok=True)
    english = _start(root, "english", jobs, {})
    chinese = _start(root, "html", jobs, {ENGLISH_BUILT: str(marker)})
    held: queue.Queue[str | None] = queue.Queue()

    def hold() -> None:
        for line in chinese.stdout:
            held.put(line)
        held.put(None)

    threading.Thread(target=hold, daemon=True).start()
    try:
        for line in english.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
        status = english.wait()
        if status != 0:
            _stop(chinese)
            print("error: the English edition's build failed (above), so the zh-TW edition's "
                  "build was stopped.", flush=True)
            return status
        marker.touch()
        while (line := held.get()) is not None:
            sys.stdout.write(line)
            sys.stdout.flush()
        return chinese.wait()
    finally:
        for process in (english, chinese):
            if process.poll() is None:
                _stop(process)
        marker.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m customer_focus.publish.editions WHAT [ROOT]``, ``WHAT`` one of
    :data:`BUILDS`."""
    parser = argparse.ArgumentParser(
        prog="python -m customer_focus.publish.editions",
        description="Build an edition of the book, or the catalogs (.pot) the zh-TW one is "
        "translated from.",
    )
    parser.add_argument(
        "what", choices=BUILDS,
        help="site: both editions at once (as make book builds them); english: the English "
        "edition, in _build/html; html: the zh-TW edition, in _build/html/zh-TW (after the "
        "English one); gettext: the .pot templates",
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
    if arguments.what == "site":
        return build_site(root, jobs=arguments.jobs)
    return build(root, arguments.what, jobs=arguments.jobs)


if __name__ == "__main__":
    raise SystemExit(main())
