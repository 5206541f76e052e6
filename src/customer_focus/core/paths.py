"""Where things are: the package's own data files, and the course's ``book/`` folder.

Data the package needs to work (a tool's spec, the invented cases, the diagrams'
labels) ships inside the package and is read with :func:`package_file`, so the
package works from any install. Files that belong to the course (question
banks, sample files, scenarios) are found in the course's folder by
:func:`course_root`, asked when they are needed, never at import. An installed
wheel carries a copy of those files (``course_files/``, put there by the build,
see :mod:`customer_focus.publish.kit`), used when no course folder is around.

A sample file may have a translated twin, beside it in a folder named by the language's
code (``data/zh_TW/kano-sample.csv``): the same columns, rows and numbers, its text in
that language. :func:`localized` and :func:`sample_file` give the twin while the package
speaks that language.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .messages import Messages, current_language

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_ = Messages("core")

__all__ = [
    "package_file", "tool_file", "course_root", "book_path", "sample_file", "localized",
    "packaged_course",
]

#: Set this to the course's folder to use the book's files from anywhere.
ROOT_VARIABLE = "CUSTOMER_FOCUS_COURSE"

#: The folder of the package where a built wheel carries the course's files.
PACKAGED_COURSE = "course_files"


def package_file(*parts: str) -> Traversable:
    """A file shipped inside the ``customer_focus`` package.

    Examples
    --------
    >>> package_file("data", "cases.yml").name
    'cases.yml'
    """
    return resources.files("customer_focus").joinpath(*parts)


def tool_file(tool: str, name: str) -> Traversable:
    """A file in a tool's folder, e.g. its spec.

    Examples
    --------
    >>> tool_file("lifetime_value", "lifetime_value.yml").is_file()
    True
    """
    return package_file("tools", tool, name)


def packaged_course() -> Path | None:
    """The copy of the course's files an installed wheel carries, or None (a checkout).

    Examples
    --------
    >>> folder = packaged_course()
    >>> folder is None or (folder / "book").is_dir()
    True
    """
    folder = Path(str(package_file(PACKAGED_COURSE)))
    return folder if (folder / "book").is_dir() else None


def course_root(start: str | os.PathLike[str] | None = None) -> Path:
    """The course's folder: the one holding ``_toc.yml`` and ``book/``.

    It is ``$CUSTOMER_FOCUS_COURSE`` when set, otherwise the first such folder
    at or above ``start`` (default: the working folder, which is the
    notebook's folder in Jupyter), otherwise the copy an installed wheel
    carries (:func:`packaged_course`).

    Raises
    ------
    FileNotFoundError
        When there is no such folder, saying how to point at one.
    """
    given = os.environ.get(ROOT_VARIABLE)
    if given:
        root = Path(given).expanduser().resolve()
        if not (root / "book").is_dir():
            raise FileNotFoundError(_(
                "{variable}={given}: that folder has no book/ folder."
            ).format(variable=ROOT_VARIABLE, given=given))
        return root
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_toc.yml").is_file() and (folder / "book").is_dir():
            return folder
    packaged = packaged_course()
    if packaged is not None:
        return packaged
    raise FileNotFoundError(_(
        "Cannot find the course's folder (with _toc.yml and book/) at or above {here}. Open the "
        "notebook from inside the course, or set {variable} to the course's folder."
    ).format(here=here, variable=ROOT_VARIABLE))


def book_path(*parts: str, start: str | os.PathLike[str] | None = None) -> Path:
    """A path inside the course's ``book/`` folder, e.g. ``book_path("quizzes")``."""
    return course_root(start).joinpath("book", *parts)


def localized(path: str | os.PathLike[str]) -> Path:
    """The file at ``path``, or its twin in the language the package speaks.

    The twin sits beside the file, in a folder named by the language's code
    (``data/zh_TW/kano-sample.csv`` for ``data/kano-sample.csv``). It is given
    while the package speaks that language and the twin exists; otherwise
    ``path`` as it is, so a reader's own file, named where a worksheet names its
    sample, is read as it is.

    Parameters
    ----------
    path : str or path-like
        A file, relative to the working folder or absolute.

    Returns
    -------
    pathlib.Path
        The twin, or ``path``.

    Examples
    --------
    >>> from customer_focus.core.messages import language
    >>> sample = book_path("apply", "tools", "data", "kano-sample.csv")
    >>> localized(sample) == sample
    True
    >>> with language("zh_TW"):
    ...     localized(sample).relative_to(sample.parent).as_posix()
    'zh_TW/kano-sample.csv'
    >>> with language("zh_TW"):
    ...     str(localized("my-survey.csv"))
    'my-survey.csv'
    """
    file = Path(path)
    code = current_language()
    if code:
        twin = file.parent / code / file.name
        if twin.is_file():
            return twin
    return file


def sample_file(name: str, start: str | os.PathLike[str] | None = None) -> Path:
    """A sample file of the worksheets (``book/apply/tools/data/<name>``), from any install,
    in the language the package speaks when it has a twin in it (see :func:`localized`).

    Examples
    --------
    >>> from customer_focus.core.messages import language
    >>> sample_file("kano-sample.csv").parent.name
    'data'
    >>> with language("zh_TW"):
    ...     sample_file("kano-sample.csv").parent.name
    'zh_TW'
    >>> with language("zh_TW"):
    ...     sample_file("servqual-sample.csv").parent.name
    'data'
    """
    return localized(book_path("apply", "tools", "data", name, start=start))
