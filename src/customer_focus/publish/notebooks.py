"""The notebooks a reader downloads, in a translation, and the exercises' own catalog.

A worksheet, the lab or an exercise downloaded from the zh-TW edition (its
worksheets' zip, a page's source, the workshop pages' exercises) is written in
Chinese by :func:`write_translated` from the English notebook and the
catalogs (:mod:`customer_focus.course.notebook_translation`).

A page's notebook is translated with its page's catalog. The exercises are no
page: their questions are in the catalogs of the pages made from them (the
participant workbook and the answer keys), and the rest of their texts (how the
notebook works, what the numbers say) in their own catalog,
``locales/<lang>/exercises.po``. The comments of every page's and notebook's
code are in ``locales/<lang>/code-comments.po`` (the zh-TW pages show them
translated too: :mod:`customer_focus.sphinxext.code_comments`).
``python -m customer_focus.publish.notebooks update`` (``make translations``)
keeps both in step with the course: a new text is added untranslated, a changed
one turns fuzzy, one nothing says any more is dropped; ``check`` lists the texts
a translated notebook would leave in English, and exits 1 when there are any.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from ..core.languages import LANGUAGES, language_code
from ..core.messages import language as speaking
from ..course.notebook_translation import (
    BUILDER_COMMENTS,
    COMMENTS_CATALOG,
    EXERCISES_CATALOG,
    code_comments,
    comments_catalog,
    notebook_catalog,
    translate_comments,
    translate_markdown,
    translate_notebook,
)

__all__ = ["NOTEBOOKS", "course_notebooks", "untranslated", "update", "write_translated"]

#: The course's notebooks a reader can download: (folder, pattern).
NOTEBOOKS = (("book", "**/*.ipynb"), ("exercises", "*.ipynb"), ("solutions", "*.ipynb"))


def course_notebooks(root: Path) -> list[Path]:
    """Every notebook of the course at ``root`` a reader can download, sorted."""
    return sorted(path for folder, pattern in NOTEBOOKS for path in (root / folder).glob(pattern)
                  if ".ipynb_checkpoints" not in path.parts)


def _read(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def translated(
    root: Path, notebook: Path, language: str, *, own: bool = True
) -> tuple[dict, list[str]]:
    """The notebook in ``language``, and the English texts it has no translation for
    (with ``own=False``, an exercise is read without the exercises' own catalog)."""
    catalog = notebook_catalog(root, notebook, language, own=own)
    with speaking(language):
        return translate_notebook(_read(notebook), catalog, language,
                                  comments_catalog(root, language))


def write_translated(
    root: Path, notebook: Path, destination: Path, language: str | None
) -> Path:
    """Write the notebook of the course at ``root`` into ``destination``, in ``language``.

    English (``None``) copies it as it is. A text with no translation yet stays in
    English, as on the edition's page. A Markdown page (``.md``, the source a page's
    download button gives) is written with its text translated the same way.
    """
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    if language_code(language) is None:
        destination.write_bytes(Path(notebook).read_bytes())
        return destination
    if Path(notebook).suffix == ".md":  # a page's MyST source: its text through its catalog
        catalog = notebook_catalog(root, Path(notebook), str(language))
        text, _missing = translate_markdown(Path(notebook).read_text(encoding="utf-8"), catalog)
        comments = comments_catalog(root, str(language))
        text = _CODE_CELL.sub(
            lambda block: block.group(0).replace(
                block.group(1), translate_comments(block.group(1), comments)[0], 1), text)
        destination.write_text(text, encoding="utf-8")
        return destination
    copy, _missing = translated(root, Path(notebook), str(language))
    destination.write_text(json.dumps(copy, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return destination


def untranslated(root: Path, language: str) -> dict[str, list[str]]:
    """Each English text a translated notebook would keep, with the notebooks that say it."""
    found: dict[str, list[str]] = {}
    for notebook in course_notebooks(root):
        _copy, missing = translated(root, notebook, language)
        for text in missing:
            found.setdefault(text, []).append(notebook.relative_to(root).as_posix())
    return found


#: A page's code cells and blocks of Python, in a Markdown page (```` ```{code-cell} ````,
#: ```` ```python ````).
_CODE_CELL = re.compile(r"^```(?:\{code-cell\}|python|ipython3?)[^\n]*\n(.*?)^```", re.S | re.M)


def page_code(root: Path) -> list[tuple[str, str]]:
    """Every code cell of the course's pages and downloadable notebooks: (where, its code)."""
    cells = []
    for page in sorted((root / "book").rglob("*.md")):
        for code in _CODE_CELL.findall(page.read_text(encoding="utf-8")):
            lines = [line for line in code.split("\n") if not line.startswith(":")]
            cells.append((page.relative_to(root).as_posix(), "\n".join(lines)))
    for notebook in course_notebooks(root):
        for cell in _read(notebook)["cells"]:
            if cell["cell_type"] == "code":
                source = cell["source"]
                cells.append((notebook.relative_to(root).as_posix(),
                              source if isinstance(source, str) else "".join(source)))
    return cells


def _template(texts: list[tuple[str, str]]):
    """A catalog template of ``texts`` (where, English), each with the files that say it."""
    from babel.messages.catalog import Catalog

    from .messages import DATE, PROJECT

    template = Catalog(project=PROJECT, fuzzy=False, creation_date=DATE, revision_date=DATE)
    for where, text in texts:
        if text in template:
            if (where, 0) not in template[text].locations:
                template[text].locations.append((where, 0))
        else:
            template.add(text, locations=[(where, 0)])
    return template


def _merge(path: Path, template, language: str) -> Path:
    """Merge ``template`` into the catalog at ``path``, as ``make translations`` merges every
    catalog (:func:`customer_focus.publish.messages.merged`)."""
    from babel.messages.pofile import write_po

    from .messages import merged

    catalog = merged(path, template, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, include_previous=True,
                 include_lineno=False)
    return path


def update(root: Path, languages: tuple[str, ...] = LANGUAGES[1:]) -> list[Path]:
    """Keep each language's ``exercises.po`` and ``code-comments.po`` in step; the files written.

    The exercises' texts are those of ``exercises/`` and ``solutions/`` that no page's
    catalog holds; the code comments, those of every page's and notebook's code cells
    (apart from the exercises' builder's, which the package's catalog says).
    """
    code = page_code(root)
    comments = [(where, text) for where, cell in code for text in code_comments(cell)
                if text not in BUILDER_COMMENTS]
    written = []
    for language in languages:
        said = {text for _where, text in comments}
        texts = []
        for notebook in course_notebooks(root):
            if notebook.parent.name in ("exercises", "solutions"):
                _copy, missing = translated(root, notebook, language, own=False)
                where = notebook.relative_to(root).as_posix()
                texts += [(where, text) for text in missing if text not in said]
        written.append(_merge(root / EXERCISES_CATALOG.format(language=language),
                              _template(texts), language))
        written.append(_merge(root / COMMENTS_CATALOG.format(language=language),
                              _template(comments), language))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m customer_focus.publish.notebooks")
    parser.add_argument("command", choices=("update", "check"),
                        help="update: the exercises' catalogs; check: list what stays English")
    parser.add_argument("root", nargs="?", default=".", help="the course's folder (default: .)")
    arguments = parser.parse_args(argv)
    root = Path(arguments.root).resolve()
    if arguments.command == "update":
        for path in update(root):
            print(f"wrote {os.path.relpath(path)}")
        return 0
    status = 0
    for language in LANGUAGES[1:]:
        for text, where in untranslated(root, language).items():
            print(f"{language}: {', '.join(where)}: no translation for {text[:70]!r}: run "
                  "`make translations`, then translate it", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
