"""The learner's kit: the worksheets, exercises and sample data, without git, Node or make.

Three things are made from one list of the course's files (:data:`KIT` and
:data:`RUNTIME`), never from committed copies:

* the **wheel** (:func:`build_wheel`, ``make dist``): the build (``setup.py``)
  calls :func:`copy_course_files` to put the course's files into the package as
  ``customer_focus/course_files/``, so an installed package finds its sample
  files and question banks anywhere (:func:`customer_focus.core.paths.course_root`);
* the learner's **copy** (:func:`write_worksheets`, the command
  ``customer-focus worksheets DIR``): the notebooks and sample data in a
  folder, ready to open in Jupyter;
* the site's **download** (:func:`write_download`, made at ``make book`` time
  by :mod:`customer_focus.sphinxext.download`): one zip with that copy, the
  wheel and a short README for a manager.

The READMEs are in the language asked for (:func:`readme_parts`): English,
``data/kit/*.md``, or a translation's, ``data/kit/<language>/*.md`` (the zh-TW
edition's download, ``customer-focus worksheets DIR --language zh_TW``); so are the
notebooks, translated from the course's catalogs (:mod:`customer_focus.publish.notebooks`).

This module uses the standard library only (and :mod:`customer_focus.core.paths`
and :mod:`customer_focus.core.languages`), so that ``setup.py`` can import it
during a build.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..core.languages import language_code
from ..core.paths import PACKAGED_COURSE, package_file, packaged_course

__all__ = [
    "KIT", "RUNTIME", "KitError", "course_files", "copy_course_files", "kit_source",
    "write_worksheets", "build_wheel", "write_download", "fingerprint", "DOWNLOAD_NAME",
    "readme_parts",
]

#: What the learner's copy holds: (folder in the course, file pattern, folder in the copy).
KIT: tuple[tuple[str, str, str], ...] = (
    ("book/apply/tools", "*.ipynb", "worksheets"),
    ("book/apply/tools/data", "*.csv", "worksheets/data"),
    ("book/apply/tools/data", "*.xlsx", "worksheets/data"),
    ("book/apply/tools/data/zh_TW", "*.csv", "worksheets/data/zh_TW"),
    ("book/apply/tools/data/zh_TW", "*.xlsx", "worksheets/data/zh_TW"),
    ("book/apply/lab", "*.ipynb", "lab"),
    ("exercises", "*.ipynb", "exercises"),
)

#: What the notebooks read from the course's folder when they run: the sample files and
#: their translated twins (the exercises' checks), the question banks with the course map
#: and the references (quizzes), the scenarios; for a notebook that speaks Chinese, the
#: translations of the invented cases, the tools' and forms' texts, the quizzes, the
#: scenario, the course map and the diagrams; and the catalogs a notebook is translated
#: with when the learner's copy is asked for in Chinese (:mod:`.notebooks`). The wheel
#: carries these with :data:`KIT`'s files.
RUNTIME: tuple[tuple[str, str], ...] = (
    ("book/apply/tools/data", "*.csv"),
    ("book/apply/tools/data", "*.xlsx"),
    ("book/apply/tools/data/zh_TW", "*.csv"),
    ("book/apply/tools/data/zh_TW", "*.xlsx"),
    ("book/quizzes", "*.yml"),
    ("book", "course-map.yml"),
    ("book/practice/scenarios", "*.yml"),
    (".", "references.bib"),
    ("locales/zh_TW", "*.yml"),
    ("locales/zh_TW/tools", "*.yml"),
    ("locales/zh_TW/tools/lab", "*.yml"),
    ("locales/zh_TW/quizzes", "*.yml"),
    ("locales/zh_TW/scenarios", "*.yml"),
    ("locales/zh_TW/forms", "*.yml"),
    ("locales/zh_TW/diagrams", "*.yml"),
    ("locales/zh_TW", "exercises.po"),
    ("locales/zh_TW/LC_MESSAGES/book/apply/tools", "*.po"),
    ("locales/zh_TW/LC_MESSAGES/book/apply/lab", "*.po"),
    ("locales/zh_TW/LC_MESSAGES/book/practice", "workbook.po"),
    ("locales/zh_TW/LC_MESSAGES/book/instructors", "answer-keys.po"),
)

#: The name of the site's download.
DOWNLOAD_NAME = "customer-focus-worksheets.zip"

#: The README written into the learner's copy and into the download (package data, English;
#: a translation's are in ``data/kit/<language>/`` under the same names).
COPY_README = ("data", "kit", "worksheets-readme.md")
DOWNLOAD_README = ("data", "kit", "download-readme.md")


class KitError(Exception):
    """The learner's copy cannot be written; the message says why and what to do."""


def _matches(root: Path, folder: str, pattern: str) -> list[Path]:
    return sorted(path for path in (root / folder).glob(pattern) if path.is_file())


def course_files(root: Path) -> list[Path]:
    """Every file of the course at ``root`` that the wheel carries, relative to ``root``.

    Examples
    --------
    >>> from customer_focus.core.paths import course_root
    >>> files = course_files(course_root())
    >>> Path("book/quizzes/lifetime-value.yml") in files, Path("exercises/kano.ipynb") in files
    (True, True)
    """
    patterns = [(folder, pattern) for folder, pattern, _ in KIT] + list(RUNTIME)
    found = {path.relative_to(root) for folder, pattern in patterns
             for path in _matches(root, folder, pattern)}
    return sorted(found)


def copy_course_files(root: Path, package: Path) -> list[Path]:
    """Copy the course's files into a built package folder (``<build>/customer_focus``).

    The copy lands in ``course_files/``, replacing any earlier one; returns the files written.
    """
    target = package / PACKAGED_COURSE
    if target.exists():
        shutil.rmtree(target)
    written = []
    for relative in course_files(root):
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / relative, destination)
        written.append(destination)
    return written


def kit_source() -> Path:
    """The folder the learner's copy is taken from.

    It is the copy an installed wheel carries or, for a package installed from
    a checkout of the repository (``pip install -e .``), the repository itself.

    Raises
    ------
    KitError
        When neither is there.
    """
    packaged = packaged_course()
    if packaged is not None:
        return packaged
    checkout = Path(str(package_file())).resolve().parents[1]
    if (checkout / "_toc.yml").is_file() and (checkout / "book").is_dir():
        return checkout
    raise KitError(
        "This installation of customer-focus carries no worksheets. Install it from the "
        "course's wheel (the download on the course site) or from a copy of the repository."
    )


def _kit_files(source: Path) -> Iterator[tuple[Path, Path]]:
    """Each file of the copy: (where it is in ``source``, where it goes in the copy)."""
    for folder, pattern, into in KIT:
        for path in _matches(source, folder, pattern):
            yield path, Path(into) / path.name


def readme_parts(parts: tuple[str, ...], language: str | None = None) -> tuple[str, ...]:
    """Where a README is in the package's data, in ``language`` (default English).

    Examples
    --------
    >>> readme_parts(COPY_README)
    ('data', 'kit', 'worksheets-readme.md')
    >>> readme_parts(DOWNLOAD_README, "zh-TW")
    ('data', 'kit', 'zh_TW', 'download-readme.md')
    >>> readme_parts(COPY_README, "fr")
    Traceback (most recent call last):
    ...
    customer_focus.publish.kit.KitError: the worksheets' README has no translation in fr ...
    """
    code = language_code(language)
    if not code:
        return parts
    translated = (*parts[:-1], code, parts[-1])
    if not package_file(*translated).is_file():
        known = sorted(path.name for path in package_file(*parts[:-1]).iterdir() if path.is_dir())
        raise KitError(
            f"the worksheets' README has no translation in {code} ({'/'.join(translated)}): "
            f"give one of {', '.join(['en', *known])}."
        )
    return translated


def _readme(parts: tuple[str, ...], language: str | None = None, **values: str) -> str:
    text = package_file(*readme_parts(parts, language)).read_text(encoding="utf-8")
    return text.format(**values) if values else text


def write_worksheets(
    target: Path, force: bool = False, source: Path | None = None, language: str | None = None
) -> list[Path]:
    """Write the learner's copy into ``target``: worksheets, lab, exercises, sample data.

    Parameters
    ----------
    target : Path
        The folder to write; made when missing. It must be empty unless ``force``.
    force : bool
        Write into a folder that already holds files, replacing the kit's own
        files there (the learner's other files are kept).
    source : Path, optional
        Where to copy from (default: :func:`kit_source`).
    language : str, optional
        The language of the README and the notebooks, such as ``zh_TW`` (default English).

    Returns
    -------
    list of Path
        The files written, the README first.

    Raises
    ------
    KitError
        When ``target`` is a file, or a folder with files in it and ``force`` is
        not given, or the README has no translation in ``language``; the message
        says what to do.
    """
    readme_text = _readme(COPY_README, language)
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise KitError(f"{target} is a file, not a folder. Give the name of a new folder.")
    if target.is_dir() and not force:
        present = sorted(path.name for path in target.iterdir())
        if present:
            shown = ", ".join(present[:3]) + (", ..." if len(present) > 3 else "")
            raise KitError(
                f"{target} is not empty (it holds {shown}). Give a new folder, or add --force "
                "to write the worksheets into it: the course's notebooks there are replaced "
                "(your changes to them are lost), your other files are kept."
            )
    source = source or kit_source()
    files = list(_kit_files(source))
    if not files:
        raise KitError(f"{source} holds no worksheets: the installation is incomplete.")
    target.mkdir(parents=True, exist_ok=True)
    readme = target / "README.md"
    readme.write_text(readme_text, encoding="utf-8")
    written = [readme]
    translating = language_code(language) is not None
    if translating:  # not at import: setup.py imports this module with the standard library only
        from .notebooks import write_translated
    for path, relative in files:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if translating and path.suffix == ".ipynb":
            write_translated(source, path, destination, language)
        else:
            shutil.copyfile(path, destination)
        written.append(destination)
    return written


@contextlib.contextmanager
def _one_build_at_a_time(root: Path) -> Iterator[None]:
    """Hold a lock while setuptools builds in ``root/build`` (tests and the book may overlap)."""
    try:
        import fcntl
    except ImportError:  # Windows: no concurrent builds to fear there
        yield
        return
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"customer-focus-build-{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_wheel(root: Path, out: Path) -> Path:
    """Build the package's wheel from the repository at ``root`` into ``out`` (``make dist``).

    Built with pip and the setuptools already installed (no download); returns the wheel.

    Raises
    ------
    KitError
        When the build fails, with pip's last lines.
    """
    out.mkdir(parents=True, exist_ok=True)
    before = set(out.glob("*.whl"))
    with _one_build_at_a_time(root):
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
             "--disable-pip-version-check", "--wheel-dir", str(out), str(root)],
            capture_output=True, text=True, check=False,
        )
    if result.returncode != 0:
        last = "\n".join((result.stderr or result.stdout).strip().splitlines()[-15:])
        raise KitError(f"building the wheel failed:\n{last}")
    wheels = sorted(out.glob("customer_focus-*.whl"), key=lambda path: path.stat().st_mtime)
    if not wheels:
        raise KitError(f"pip reported no error but wrote no wheel into {out}")
    new = [wheel for wheel in wheels if wheel not in before]
    return (new or wheels)[-1]


def fingerprint(root: Path) -> str:
    """A digest of everything the download is made from: the package and the course's files.

    Examples
    --------
    >>> from customer_focus.core.paths import course_root
    >>> len(fingerprint(course_root()))
    64
    """
    digest = hashlib.sha256()
    inputs = [root / "pyproject.toml", root / "setup.py"]
    inputs += sorted(path for path in (root / "src").rglob("*")
                     if path.is_file() and "__pycache__" not in path.parts
                     and not any(part.endswith(".egg-info") for part in path.parts))
    inputs += [root / relative for relative in course_files(root)]
    for path in inputs:
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write_download(root: Path, out: Path, language: str | None = None) -> Path:
    """Write the site's download, ``out/customer-focus-worksheets.zip``, from the repository.

    The zip holds one folder, ``customer-focus-worksheets/``, with the README for a
    manager (in ``language``, default English), the wheel, and the learner's copy (as
    ``customer-focus worksheets`` writes it).
    """
    readme_parts(DOWNLOAD_README, language)  # a missing translation is said before the build
    out.mkdir(parents=True, exist_ok=True)
    archive = out / DOWNLOAD_NAME
    with tempfile.TemporaryDirectory() as scratch:
        wheel = build_wheel(root, Path(scratch) / "dist")
        copy = Path(scratch) / "copy"
        write_worksheets(copy, source=root, language=language)
        top = Path(DOWNLOAD_NAME.removesuffix(".zip"))
        partial = archive.with_suffix(".part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr(
                str(top / "README.md"), _readme(DOWNLOAD_README, language, wheel=wheel.name)
            )
            bundle.write(wheel, str(top / wheel.name))
            for path in sorted(copy.rglob("*")):
                if path.is_file() and path.name != "README.md":
                    bundle.write(path, str(top / path.relative_to(copy)))
        partial.replace(archive)
    return archive
