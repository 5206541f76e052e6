"""The notebooks a reader downloads, in a translation, and the exercises' own catalog.

A worksheet, the lab or an exercise downloaded from the zh-TW edition (its
worksheets' zip, a page's source, the workshop pages' exercises) is written in
Chinese by :func:`write_translated` from the English notebook and the
catalogs (:mod:`customer_focus.course.notebook_translation`).

A page's notebook is translated with its page's catalog. The exercises are no
page: their questions are in the catalogs of the pages made from them (the
participant workbook and the answer keys), and the rest of their texts (how the
notebook works, what the numbers say) in their own catalog,
``locales/<lang>/exercises.po``, which
``python -m customer_focus.publish.notebooks update`` (``make translations``)
keeps in step with the notebooks: a new text is added untranslated, a changed
one turns fuzzy, one no notebook says any more is dropped; ``check`` lists the
texts a translated notebook would leave in English, and exits 1 when there are any.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..core.languages import LANGUAGES, language_code
from ..core.messages import language as speaking
from ..course.notebook_translation import (
    EXERCISES_CATALOG,
    notebook_catalog,
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
        return translate_notebook(_read(notebook), catalog, language)


def write_translated(
    root: Path, notebook: Path, destination: Path, language: str | None
) -> Path:
    """Write the notebook of the course at ``root`` into ``destination``, in ``language``.

    English (``None``) copies it as it is. A text with no translation yet stays in
    English, as on the edition's page.
    """
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    if language_code(language) is None:
        destination.write_bytes(Path(notebook).read_bytes())
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


def update(root: Path, languages: tuple[str, ...] = LANGUAGES[1:]) -> list[Path]:
    """Keep each language's ``exercises.po`` in step with the exercises' texts; the files written.

    The texts are those of ``exercises/`` and ``solutions/`` that no page's catalog holds.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    from .messages import DATE, PROJECT

    written = []
    for language in languages:
        path = root / EXERCISES_CATALOG.format(language=language)
        catalog = Catalog(locale=language, project=PROJECT, fuzzy=False, creation_date=DATE,
                          revision_date=DATE)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        template = Catalog(project=PROJECT, fuzzy=False, creation_date=DATE, revision_date=DATE)
        for notebook in course_notebooks(root):
            if notebook.parent.name not in ("exercises", "solutions"):
                continue
            _copy, missing = translated(root, notebook, language, own=False)
            where = notebook.relative_to(root).as_posix()
            for text in missing:
                if text in template:
                    template[text].locations.append((where, 0))
                else:
                    template.add(text, locations=[(where, 0)])
        catalog.update(template, update_header_comment=False)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, include_previous=True,
                     include_lineno=False)
        written.append(path)
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
