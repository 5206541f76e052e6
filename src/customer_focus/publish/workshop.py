"""The workshop kit: handouts printed on A4 and US Letter, slide decks and one zip of it all.

What the kit holds is listed in one file, ``book/instructors/kit.yml``:

.. code-block:: yaml

    title: Workshop kit            # the zip's folder and the guide's name for it
    zip: workshop-kit.zip          # the zip's file name
    readme: |                      # README.txt at the top of the zip
      ...
    handouts:                      # printed on A4 and US Letter, in this order
      - heading: Worksheets        # the group's heading in the facilitator guide
        pages: book/apply/tools/*-worksheet   # page names or patterns (``*``), one or a list
    decks: true                    # include the slide decks (:mod:`.slides`)

:func:`publish_kit` prints the handouts of a built site, writes the decks and
the zip, and copies them into the site under :data:`SITE_FOLDER`. The zh-TW
edition publishes its own kit into its own folder: its pages printed, its decks
(:func:`.slides.write_decks` in its language) and the kit's words from the
translation ``locales/zh_TW/kit.yml`` (``title``, ``readme`` and each group's
``heading``, in the English order; checked on load, ``file:line``):

>>> kit = load_kit(language="zh_TW")
>>> kit.title, kit.zip_name, [group.heading for group in kit.groups][0]
('工作坊教材包', 'workshop-kit.zip', '工作表')

Publishing redoes only what changed: a PDF is kept in a cache folder under the
name of a fingerprint of its page (the page's HTML, the stylesheets and scripts
it loads, and the print settings), the decks under a fingerprint of the
course's sources, and the zip under a fingerprint of what it holds.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
import shutil
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.languages import language_code
from ..core.paths import book_path
from ..core.problems import DataFileError, Problem, Problems, line_of
from ..core.yamlfile import load_yaml
from ..course.translation import Translation, find_translation, shown
from . import handouts, pdftext

__all__ = [
    "SITE_FOLDER", "KitGroup", "Kit", "KitFiles", "load_kit", "page_fingerprint",
    "sources_fingerprint", "write_kit_decks", "deck_titles", "publish_kit", "handout_pages",
    "print_handouts",
]

PACKAGE = Path(__file__).resolve().parents[1]
#: Where the kit is published in the built site.
SITE_FOLDER = "_downloads/kit"
_KEYS = {"title", "zip", "readme", "handouts", "decks"}
_GROUP_KEYS = {"heading", "pages"}
_ASSET = re.compile(r"""<(?:link|script)\b[^>]*?\b(?:href|src)="([^"]+)\"""")
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
#: Every member of the zip carries this date, so that the same files make the same zip.
_ZIP_DATE = (2024, 1, 1, 0, 0, 0)


@dataclass
class KitGroup:
    """A group of handouts: its heading in the guide and its page patterns."""

    heading: str
    patterns: list[str]
    line: int = 1


@dataclass
class Kit:
    """The workshop kit as listed in ``kit.yml``."""

    title: str
    zip_name: str
    readme: str
    groups: list[KitGroup] = field(default_factory=list)
    decks: bool = True
    source: str = "kit.yml"

    def handouts(self, docnames: Iterable[str]) -> list[tuple[str, list[str]]]:
        """Each group's heading and the pages it prints, out of the book's ``docnames``.

        Within a group, pages come in the order of their patterns, and in
        alphabetical order for one pattern. A page listed twice is printed once,
        in its first group.

        Raises
        ------
        DataFileError
            When a pattern matches no page, or two handouts would have the same
            file name.

        Examples
        --------
        >>> kit = Kit("Kit", "kit.zip", "", [KitGroup("Forms", ["book/forms/*"])])
        >>> kit.handouts(["index", "book/forms/b-form", "book/forms/a-form"])
        [('Forms', ['book/forms/a-form', 'book/forms/b-form'])]
        >>> kit.handouts(["index"])
        Traceback (most recent call last):
        ...
        customer_focus.core.problems.DataFileError: kit.yml:1: 'book/forms/*' matches no page ...
        """
        names = sorted(docnames)
        found = Problems(self.source)
        seen: dict[str, str] = {}
        groups = []
        for group in self.groups:
            pages = []
            for pattern in group.patterns:
                matches = fnmatch.filter(names, pattern)
                if not matches:
                    found.found.append(_problem(self.source, group.line, (
                        f"{pattern!r} matches no page of the book: give a page's path without "
                        "its extension (book/apply/forms/lifetime-value-form), or a pattern "
                        "with * (book/apply/forms/*)")))
                for docname in matches:
                    stem = docname.rsplit("/", 1)[-1]
                    if docname in pages or seen.get(stem) == docname:
                        continue
                    if stem in seen:
                        found.found.append(_problem(self.source, group.line, (
                            f"{docname!r} and {seen[stem]!r} would both print to {stem}.pdf: "
                            "rename one of the pages")))
                        continue
                    seen[stem] = docname
                    pages.append(docname)
            groups.append((group.heading, pages))
        found.raise_if_any()
        return groups


def _problem(source: str, line: int, message: str) -> Problem:
    return Problem(source, line, message)


def load_kit(root: Path | None = None, language: str | None = None) -> Kit:
    """Read and check ``book/instructors/kit.yml`` of the course at ``root``, in ``language``
    (default English; another lays its translation, ``locales/<lang>/kit.yml``, over it).

    Raises
    ------
    DataFileError
        Naming the file and line of what is wrong.
    """
    kit = _load_english_kit(root)
    if language_code(language) is None:
        return kit
    path = find_translation("", kit.source, language, Path(kit.source).name, DataFileError)
    assert path is not None  # noqa: S101 - without fallback, a missing file raised
    return _kit_overlay(kit, path)


def _kit_overlay(kit: Kit, path: Path) -> Kit:
    """The kit with the texts of its translation at ``path``."""
    check = Translation(shown(path), "book/instructors/kit.yml")
    data = load_yaml(path, source=check.source)
    keys = ["title", *(["readme"] if kit.readme else []), "handouts"]
    if not check.same_keys(data, keys, "kit"):
        raise DataFileError(check.found)
    title = check.phrase(data, "title", "kit")
    readme = check.phrase(data, "readme", "kit") if kit.readme else ""
    given = data["handouts"]
    groups = list(kit.groups)
    if not isinstance(given, list) or len(given) != len(groups):
        check.add(data, "handouts", f"kit: 'handouts' must be a list of {len(groups)} groups, "
                  "one per group of the English, each with its 'heading'")
    else:
        for number, (group, entry) in enumerate(zip(groups, given, strict=True), 1):
            where = f"handouts: group {number}"
            if check.same_keys(entry, ["heading"], where):
                groups[number - 1] = KitGroup(check.phrase(entry, "heading", where),
                                              group.patterns, group.line)
    check.raise_if_any()
    return Kit(title, kit.zip_name, readme, groups, kit.decks, kit.source)


def _load_english_kit(root: Path | None) -> Kit:
    path = book_path("instructors", "kit.yml", start=root)
    data = load_yaml(path)
    found = Problems(str(path))
    if not isinstance(data, dict):
        message = "must be a mapping (title:, zip:, handouts:...)"
        raise DataFileError([_problem(str(path), 1, message)])
    found.keys(data, _KEYS, "kit")
    title = found.text(data, "title", "kit", required=True) or ""
    zip_name = found.text(data, "zip", "kit", required=True) or ""
    if zip_name and (not zip_name.endswith(".zip") or "/" in zip_name):
        found.add(data, "zip", f"kit: 'zip' must be a file name ending in .zip, not {zip_name!r}")
    readme = found.text(data, "readme", "kit") or ""
    decks = found.flag(data, "decks", "kit")
    groups = []
    entries = data.get("handouts")
    if not isinstance(entries, list) or not entries:
        found.add(data, "handouts" if "handouts" in data else None,
                  "kit: 'handouts' must be a list of groups, each with a heading and its pages")
        entries = []
    for number, entry in enumerate(entries, 1):
        where = f"handouts: group {number}"
        if not isinstance(entry, dict):
            found.add(entries, number - 1, f"{where}: must be a mapping with 'heading' and 'pages'")
            continue
        found.keys(entry, _GROUP_KEYS, where)
        heading = found.text(entry, "heading", where, required=True)
        pages = entry.get("pages")
        patterns = [pages] if isinstance(pages, str) else pages
        if not isinstance(patterns, list) or not patterns or not all(
            isinstance(pattern, str) and pattern for pattern in patterns
        ):
            found.add(entry, "pages" if "pages" in entry else None,
                      f"{where}: 'pages' must be a page's path or a list of them (patterns with *)")
            continue
        if heading:
            groups.append(KitGroup(heading, [p.removesuffix(".md").removesuffix(".ipynb")
                                             for p in patterns], line_of(entry, "pages")))
    found.raise_if_any()
    return Kit(title, zip_name, readme, groups, True if decks is None else decks, str(path))


def _digest(parts: Iterable[bytes]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(hashlib.sha256(part).digest())
    return hasher.hexdigest()[:24]


def page_fingerprint(site: Path, page: Path, file_digests: dict[Path, bytes] | None = None) -> str:
    """A fingerprint of what a printed page depends on.

    It changes with the page's HTML, with any stylesheet or script of the site
    the page loads, and with the print settings (:mod:`.handouts`, :mod:`.pdftext`).
    ``file_digests`` caches the digests of the shared files across pages.
    """
    cache = {} if file_digests is None else file_digests
    html = page.read_bytes()
    parts = [html] + [Path(module.__file__).read_bytes() for module in (handouts, pdftext)]
    for link in sorted(set(_ASSET.findall(html.decode("utf-8", "replace")))):
        url = urlsplit(link)
        if url.scheme or url.netloc:
            continue
        asset = (page.parent / unquote(url.path)).resolve()
        if asset not in cache:
            cache[asset] = hashlib.sha256(asset.read_bytes()).digest() if asset.is_file() else b""
        parts.append(link.encode() + cache[asset])
    return _digest(parts)


def sources_fingerprint(paths: Iterable[Path]) -> str:
    """A fingerprint of every file under ``paths`` (names and contents)."""
    parts = []
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or ".ipynb_checkpoints" in path.parts:
                continue
            parts += [path.as_posix().encode(), path.read_bytes()]
    return _digest(parts)


def write_kit_decks(root: Path, cache: Path, language: str | None = None) -> Path:
    """The slide decks (:func:`.slides.write_decks`) in ``language`` (default English),
    written again only when a source changed (a translation's too).

    Returns the folder holding them, under ``cache/decks/``.
    """
    from .slides import write_decks

    node = root / "node_modules"
    code = language_code(language)
    fingerprint = sources_fingerprint(
        [root / "book", root / "references.bib", PACKAGE]
        + ([root / "locales" / code] if code else [])
        + [node / name / "package.json" for name in ("reveal.js", "mathjax")
           if (node / name / "package.json").is_file()]
    )
    folder = cache / "decks" / fingerprint
    if not (folder / ".complete").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        write_decks(root, folder, language=language)
        (folder / ".complete").write_text(fingerprint, encoding="utf-8")
    for old in (cache / "decks").iterdir():
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder


def deck_titles(decks: Path) -> list[tuple[str, str]]:
    """The decks in a folder, as (file name, title), the index first.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.html").write_text("<title>Deck A</title>")
    >>> _ = (folder / "index.html").write_text("<title>All decks</title>")
    >>> deck_titles(folder)
    [('index.html', 'All decks'), ('a.html', 'Deck A')]
    """
    found = []
    for path in sorted(decks.glob("*.html"), key=lambda p: (p.name != "index.html", p.name)):
        match = _TITLE.search(path.read_text(encoding="utf-8"))
        title = re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else path.stem
        found.append((path.name, title))
    return found


@dataclass
class KitFiles:
    """What :func:`publish_kit` put into the site (paths relative to the site) and redid."""

    handouts: list[str] = field(default_factory=list)
    decks: list[str] = field(default_factory=list)
    zip: str = ""
    printed: int = 0


def _zip(kit: Kit, members: Sequence[tuple[str, Path]], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    folder = Path(kit.zip_name).stem
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if kit.readme:
            info = zipfile.ZipInfo(f"{folder}/README.txt", _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, kit.readme)
        for name, path in members:
            info = zipfile.ZipInfo(f"{folder}/{name}", _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    partial.replace(target)


def _sync(source: Path, target: Path) -> None:
    if not target.is_file() or target.stat().st_size != source.stat().st_size or (
        target.read_bytes() != source.read_bytes()
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def publish_kit(
    site: Path,
    root: Path,
    cache: Path,
    docnames: Iterable[str],
    *,
    decks: Path | None = None,
    language: str | None = None,
    served: Path | None = None,
    printer: Callable[..., list[Path]] = handouts.print_pages,
) -> KitFiles:
    """Print, write and copy the workshop kit into ``site/_downloads/kit/``.

    Parameters
    ----------
    site : Path
        The built site.
    root : Path
        The course (where ``book/instructors/kit.yml`` is).
    cache : Path
        A folder kept between builds (``_build/.cache/kit``).
    docnames : iterable of str
        The pages of the book.
    decks : Path, optional
        The decks' folder (:func:`write_kit_decks`); written here when not given
        and the kit includes decks.
    language : str, optional
        The edition's language (default English): the kit's words and decks in it.
    served : Path, optional
        The folder served while printing (default ``site``): the whole site when
        ``site`` is an edition's folder in it whose pages load the shared files
        above it (the zh-TW edition's ``_build/html/zh-TW``).
    printer : callable
        Prints pages to PDF (:func:`.handouts.print_pages`).
    """
    kit = load_kit(root, language)
    served = served or site
    folder = site.relative_to(served).as_posix()
    into = "" if folder == "." else f"{folder}/"
    out = site / SITE_FOLDER
    files = KitFiles()
    members: list[tuple[str, Path]] = []
    jobs: dict[str, dict[str, Path]] = {}
    digests: dict[Path, bytes] = {}
    wanted = []
    for _, pages in kit.handouts(docnames):
        for docname in pages:
            page = site / f"{docname}.html"
            fingerprint = page_fingerprint(site, page, digests)
            stem = docname.rsplit("/", 1)[-1]
            for paper in handouts.PAPERS:
                cached = cache / "pdf" / f"{stem}-{paper}-{fingerprint}.pdf"
                if not cached.is_file():
                    jobs.setdefault(f"{into}{docname}.html", {})[paper] = cached
                wanted.append((f"handouts/{paper}/{stem}.pdf", cached))
    if jobs:
        (cache / "pdf").mkdir(parents=True, exist_ok=True)
        printer(served, jobs, **({"language": language} if language_code(language) else {}))
        files.printed = sum(len(targets) for targets in jobs.values())
    keep = {cached for _, cached in wanted}
    for old in (cache / "pdf").glob("*.pdf") if (cache / "pdf").is_dir() else ():
        if old not in keep:
            old.unlink()
    for name, cached in wanted:
        _sync(cached, out / name)
        files.handouts.append(f"{SITE_FOLDER}/{name}")
        members.append((name, cached))
    if kit.decks:
        decks = decks or write_kit_decks(root, cache, language)
        for path in sorted(p for p in decks.rglob("*") if p.is_file() and p.name != ".complete"):
            name = f"slides/{path.relative_to(decks).as_posix()}"
            _sync(path, out / name)
            members.append((name, path))
        files.decks = [f"{SITE_FOLDER}/slides/{name}" for name, _ in deck_titles(decks)]
    _remove_stale(out, {name for name, _ in members} | {kit.zip_name})
    fingerprint = _digest([kit.title.encode(), kit.readme.encode()] + [
        name.encode() + (digests.get(path) or hashlib.sha256(path.read_bytes()).digest())
        for name, path in members
    ])
    cached_zip = cache / "zip" / f"{fingerprint}.zip"
    if not cached_zip.is_file():
        shutil.rmtree(cache / "zip", ignore_errors=True)
        _zip(kit, members, cached_zip)
    _sync(cached_zip, out / kit.zip_name)
    files.zip = f"{SITE_FOLDER}/{kit.zip_name}"
    return files


def _remove_stale(out: Path, names: set[str]) -> None:
    for path in sorted(out.rglob("*"), reverse=True):
        name = path.relative_to(out).as_posix()
        if path.is_file() and name not in names:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def handout_pages(site: Path, root: Path | None = None) -> list[Path]:
    """The built pages the kit prints (``book/instructors/kit.yml``), in its order."""
    kit = load_kit(root)
    built = [path.relative_to(site).with_suffix("").as_posix() for path in site.rglob("*.html")]
    pages = [
        site / f"{docname}.html" for _, docnames in kit.handouts(built) for docname in docnames
    ]
    if not pages:
        raise FileNotFoundError(f"no handout pages under {site}: run `make book` first.")
    return pages


def print_handouts(
    site: Path,
    out: Path,
    *,
    papers: Sequence[str] = tuple(handouts.PAPERS),
    chromium: str = handouts.CHROMIUM,
    root: Path | None = None,
) -> list[Path]:
    """Print every handout of the kit to ``out/<paper>/<page>.pdf``; return the PDFs written.

    This is ``python -m customer_focus handouts`` (``make handouts``).
    """
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"no built site at {site}: run `make book` first.")
    jobs = {
        page.relative_to(site).as_posix(): {
            paper: out / paper / f"{page.stem}.pdf" for paper in papers
        }
        for page in handout_pages(site, root)
    }
    return handouts.print_pages(site, jobs, chromium=chromium)
