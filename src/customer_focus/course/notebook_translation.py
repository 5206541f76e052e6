"""A notebook in a translation: the copy of a worksheet, the lab or an exercise a reader downloads.

The zh-TW edition's pages are translated by Sphinx from the catalogs in
``locales/zh_TW/LC_MESSAGES/book/``. A reader who downloads a notebook (the
worksheets' zip, a page's source, an exercise from the workshop pages) gets
the same notebook in the same language:

* each paragraph, heading, list item and table cell of its Markdown is
  replaced by its translation from the catalogs (:func:`translate_markdown`),
  matched as Sphinx matches it (the text with its line breaks as spaces), its
  links made relative to the notebook again (:class:`NotebookCatalog`);
* the comments of its code are translated from the course's catalog of code
  comments (``locales/<lang>/code-comments.po``, :func:`translate_comments`;
  the edition's pages show the same translation), and the comments the
  exercises' builder writes into answer cells through the package's catalog;
* a first code cell makes the package speak the language
  (:func:`customer_focus.core.messages.use_language`), so its tables, charts and
  messages are in it when the learner runs the notebook; the saved outputs
  (made in English) are cleared.

A worksheet or the lab is read with its page's catalog; an exercise, which is
not a page, with the catalogs of the pages made from the exercises (the
participant workbook and the answer keys), which hold its questions.
"""

from __future__ import annotations

import copy
import io
import posixpath
import re
import tokenize
from collections.abc import Iterable, Mapping
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from ..core.languages import language_code
from ..core.messages import N_, Messages
from ..core.pofile import read_po
from .exercise_notebooks import ANSWER_PROMPT, CODE_PROMPT_EMPTY

_ = Messages("course")

__all__ = [
    "NotebookCatalog", "catalog_path", "notebook_catalog", "translate_markdown",
    "translate_notebook", "EXERCISE_PAGES", "EXERCISES_CATALOG", "COMMENTS_CATALOG",
    "code_comments", "translate_comments", "comments_catalog", "BUILDER_COMMENTS",
]

#: The pages whose catalogs hold the exercises' questions (they are made from the exercises).
EXERCISE_PAGES = ("practice/workbook", "instructors/answer-keys")
#: The exercises' own catalog, the rest of their texts, in the course's folder
#: (kept by ``make translations``: :mod:`customer_focus.publish.notebooks`).
EXERCISES_CATALOG = "locales/{language}/exercises.po"

#: The course's code comments in translation, in the course's folder (kept by
#: ``make translations`` from the notebooks and pages with code).
COMMENTS_CATALOG = "locales/{language}/code-comments.po"
#: A comment that is code put aside (``# exercise.q1.hint()``) or a solution's marker, not
#: words: never translated.
_COMMENTED_CODE = re.compile(r"^[\w.]+\(.*\)$|^(BEGIN|END) SOLUTION$")

#: The first cell of a translated notebook: the language the package speaks in it.
_LANGUAGE_COMMENT = N_("The course's package speaks this edition's language in this notebook: "
                       "its tables, charts and messages.")

#: The comments the exercises' builder writes, said by the package's catalog.
BUILDER_COMMENTS = (ANSWER_PROMPT, CODE_PROMPT_EMPTY)

#: A link's target in Markdown, ``[text](target)``, or in a role, ``{download}`text <target>```.
_TARGET = re.compile(r"(\]\(|<)([^()<>\s]+)(\)|>)")
#: Matches a target that is not a path in the course (an address, an anchor, a root path).
_NOT_A_PATH = re.compile(r"^([a-z][a-z0-9+.-]*:|#|/)", re.IGNORECASE)
#: Letters: a text without any is not a text to translate ("—", "12", "$250").
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def _parser() -> MarkdownIt:
    """markdown-it-py with the MyST syntax the book's notebooks and pages use, keeping source
    lines."""
    return (MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
            .use(myst_block_plugin).use(myst_role_plugin).use(colon_fence_plugin)
            .use(dollarmath_plugin).use(deflist_plugin))


#: The directives whose content is prose Sphinx translates (their title too).
PROSE_DIRECTIVES = frozenset({
    "admonition", "note", "tip", "hint", "important", "warning", "caution", "attention",
    "danger", "error", "seealso", "dropdown", "margin", "sidebar", "epigraph", "exercise",
    "solution", "card", "tab-item", "div", "topic", "rubric",
})
_DIRECTIVE = re.compile(r"^\{([\w:-]+)\}\s*(.*)$")


def _directive(token: Token, lines: list[str], catalog: NotebookCatalog) -> list[str]:
    """A prose directive's fence translated in ``lines`` (its title and content); the texts
    left in English."""
    found = _DIRECTIVE.match(token.info.strip())
    start, end = token.map or (0, 0)
    if not found or found.group(1) not in PROSE_DIRECTIVES or lines[start][:1].isspace():
        return []
    missing: list[str] = []
    title = found.group(2).strip()
    if title and found.group(1) != "solution":  # a solution's argument is its exercise's label
        translated = catalog.get(title)
        if translated is None:
            missing.append(title)
        else:
            lines[start] = lines[start].replace(title, translated, 1)
    closing = end - 1 if end - 1 > start and lines[end - 1].strip().startswith(
        lines[start].strip()[:3]) else end
    body = lines[start + 1:closing]
    options = 0
    while options < len(body) and body[options].startswith(":") and body[options].strip():
        options += 1
    text, lacking = translate_markdown("\n".join(body[options:]), catalog)
    lines[start + 1:closing] = body[:options] + text.split("\n")
    return missing + lacking


def _moved_links(text: str, source: str, target: str) -> str:
    """``text`` with its links, written from folder ``source``, written from folder ``target``.

    Examples
    --------
    >>> _moved_links("See [the chapter](../learn/a.md#x).", "book/practice", "exercises")
    'See [the chapter](../book/learn/a.md#x).'
    >>> _moved_links("[site](https://example.com) and <b>", "book", "exercises")
    '[site](https://example.com) and <b>'
    """
    def move(match: re.Match[str]) -> str:
        path = match.group(2)
        if _NOT_A_PATH.match(path) or "/" not in path and "." not in path:
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(source, path))
        return match.group(1) + posixpath.relpath(resolved, target or ".") + match.group(3)

    return _TARGET.sub(move, text)


class NotebookCatalog:
    """The translations a notebook's texts are looked up in, from one or more pages' catalogs.

    Parameters
    ----------
    catalogs : iterable of (str, dict)
        Each catalog (English to translated, :func:`customer_focus.core.pofile.read_po`)
        with the folder of its page, relative to the course's folder (``"book/practice"``).
    folder : str
        The notebook's folder, relative to the course's folder (``"exercises"``).

    Examples
    --------
    >>> texts = {"See [a](../learn/a.md).": "見 [a](../learn/a.md)。"}
    >>> catalog = NotebookCatalog([("book/practice", texts)], "exercises")
    >>> catalog.get("See [a](../book/learn/a.md).")
    '見 [a](../book/learn/a.md)。'
    >>> catalog.get("Unknown") is None
    True
    """

    def __init__(self, catalogs: Iterable[tuple[str, dict[str, str]]], folder: str) -> None:
        self.folder = folder
        self._texts: dict[str, str] = {}
        for page_folder, catalog in catalogs:
            for english, translated in catalog.items():
                key = _moved_links(english, page_folder, folder)
                self._texts.setdefault(key, _moved_links(translated, page_folder, folder))

    def get(self, english: str) -> str | None:
        """The translation of ``english`` (links written from the notebook's folder), if any."""
        return self._texts.get(english)

    def __len__(self) -> int:
        return len(self._texts)


def catalog_path(root: Path, page: str, language: str) -> Path:
    """Where a page's catalog is: ``locales/<lang>/LC_MESSAGES/book/<page>.po``."""
    code = language_code(language, known=True)
    return root / "locales" / str(code) / "LC_MESSAGES" / "book" / f"{page}.po"


def notebook_catalog(
    root: Path, notebook: Path, language: str, *, own: bool = True
) -> NotebookCatalog:
    """The catalog a notebook of the course at ``root`` is translated with.

    A page's notebook (``book/.../x.ipynb``) has its page's catalog; an exercise or its
    solution (``exercises/x.ipynb``, ``solutions/x.ipynb``) the catalogs of
    :data:`EXERCISE_PAGES` and, unless ``own`` is false, the exercises' own,
    :data:`EXERCISES_CATALOG`.

    Raises
    ------
    FileNotFoundError
        When a catalog is missing; the message says how to make it.

    Examples
    --------
    >>> from customer_focus.core.paths import course_root
    >>> root = course_root()
    >>> catalog = notebook_catalog(root, root / "exercises/kano.ipynb", "zh_TW")
    >>> catalog.get("Question 1: one answer pair")
    '第 1 題：一組回答'
    """
    relative = Path(notebook).resolve().relative_to(Path(root).resolve())
    if relative.parts[0] == "book":
        pages = [relative.relative_to("book").with_suffix("").as_posix()]
    else:
        pages = list(EXERCISE_PAGES)
    catalogs = []
    for page in pages:
        path = catalog_path(root, page, language)
        if not path.is_file():
            raise FileNotFoundError(
                f"{path}: no catalog for the page book/{page}; run `make translations`"
            )
        catalogs.append((posixpath.dirname(f"book/{page}"), read_po(path)))
    exercises = Path(root) / EXERCISES_CATALOG.format(language=language_code(language))
    if relative.parts[0] != "book" and own and exercises.is_file():
        catalogs.append(("exercises", read_po(exercises)))
    return NotebookCatalog(catalogs, relative.parent.as_posix())


def _cell_pattern(content: str) -> re.Pattern[str]:
    """A table cell holding ``content``, between its bars."""
    return re.compile(r"(^|(?<!\\)\|)([ \t]*)" + re.escape(content) + r"([ \t]*)(?=(?<!\\)\||$)")


#: The tokens that hold a text Sphinx translates: a paragraph's, heading's or cell's text, and
#: a displayed formula (the words of its ``\\text{}``).
_TEXTS = frozenset({"inline", "math_block", "math_block_label"})


def _text_pattern(content: str) -> re.Pattern[str]:
    """``content`` in the source, its lines maybe indented or quoted (a list item's, a quote's)."""
    lines = [re.escape(line.strip()) for line in content.split("\n")]
    return re.compile(r"[ \t]*\n[ \t>]*".join(lines))


def translate_markdown(text: str, catalog: NotebookCatalog) -> tuple[str, list[str]]:
    """Markdown with each text its catalog has in translation; the texts it lacks.

    A text is a paragraph, a heading, a list item's paragraph, a table cell or a
    displayed formula, as Sphinx cuts a page into messages; code and everything
    else is kept.

    Returns
    -------
    tuple of (str, list of str)
        The translated Markdown, and the English texts (with letters) the catalog
        has no translation for, left in English.

    Examples
    --------
    >>> catalog = NotebookCatalog([("book", {
    ...     "Title": "標題", "A long paragraph over two lines.": "一段跨兩行的長文字。",
    ...     "a point": "一個重點", "name": "名稱"})], "book")
    >>> text = ("# Title\\n\\nA long paragraph\\nover two lines.\\n\\n- a point\\n\\n"
    ...         "| name |\\n|---|\\n| Bo |\\n\\n$$\\\\text{name}$$\\n")
    >>> translated, missing = translate_markdown(text, catalog)
    >>> print(translated)
    # 標題
    <BLANKLINE>
    一段跨兩行的長文字。
    <BLANKLINE>
    - 一個重點
    <BLANKLINE>
    | 名稱 |
    |---|
    | Bo |
    <BLANKLINE>
    $$\\text{name}$$
    <BLANKLINE>
    >>> missing
    ['Bo', '\\\\text{name}']
    """
    lines = text.split("\n")
    missing: list[str] = []
    blocks: list[tuple[int, int, str, str]] = []
    directives: list[Token] = []
    tokens: list[Token] = _parser().parse(text)
    for index, token in enumerate(tokens):
        if token.type in ("fence", "colon_fence") and token.info.strip().startswith("{"):
            directives.append(token)
            continue
        if token.type not in _TEXTS or not token.content.strip() or token.map is None:
            continue
        english = token.content
        if token.type == "inline":
            key = " ".join(english.replace("\n", " ").split())
        else:  # a formula: Sphinx keeps it as written, its line breaks too
            key = english if catalog.get(english) is not None else english.strip()
        translated = catalog.get(key)
        if translated is None:
            if _LETTERS.search(key):
                missing.append(key)
            continue
        start, end = token.map
        if index and tokens[index - 1].type in ("th_open", "td_open"):
            cell = translated.replace("|", "\\|")
            line = lines[start]
            lines[start] = _cell_pattern(english.strip()).sub(
                lambda match, cell=cell: match.group(1) + match.group(2) + cell + match.group(3),
                line, count=1)
        else:
            blocks.append((start, end, english, translated))
    edits = [(start, "text", (start, end, english, translated))
             for start, end, english, translated in blocks]
    edits += [((token.map or (0, 0))[0], "directive", token) for token in directives]
    for _start, kind, edit in sorted(edits, key=lambda item: item[0], reverse=True):
        if kind == "directive":
            missing += _directive(edit, lines, catalog)
            continue
        start, end, english, translated = edit
        source = "\n".join(lines[start:end])
        changed, count = _text_pattern(english).subn(lambda _match, t=translated: t, source,
                                                     count=1)
        if count:
            lines[start:end] = changed.split("\n")
        else:
            missing.append(" ".join(english.split()))
    return "\n".join(lines), missing


def _comments(code: str) -> list[tuple[int, int, int, str]]:
    """Each comment of ``code`` that is words: (line, start, end, its text after ``#``)."""
    found = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return found  # not Python (a cell magic, say): its comments stay as written
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        text = token.string.lstrip("#").strip()
        if text and not _COMMENTED_CODE.match(text):
            (row, start), (_row, end) = token.start, token.end
            found.append((row - 1, start, end, text))
    return found


def code_comments(code: str) -> list[str]:
    """The comments of a cell's code that are words, as a catalog holds them.

    Examples
    --------
    >>> code_comments("x = 0.8  # share who stay\\n# exercise.q1.hint()\\ns = '# not one'\\n")
    ['share who stay']
    """
    return [text for _line, _start, _end, text in _comments(code)]


def translate_comments(code: str, comments: Mapping[str, str]) -> tuple[str, list[str]]:
    """``code`` with each comment ``comments`` translates in its language; the comments it lacks.

    Examples
    --------
    >>> translate_comments("x = 0.8  # share who stay\\ny = 1  # other\\n",
    ...                    {"share who stay": "留下來的比例"})
    ('x = 0.8  # 留下來的比例\\ny = 1  # other\\n', ['other'])
    """
    lines = code.split("\n")
    missing = []
    for line, start, end, text in reversed(_comments(code)):
        translated = comments.get(text)
        if translated is None:
            missing.append(text)
            continue
        lines[line] = f"{lines[line][:start]}# {translated}{lines[line][end:]}"
    return "\n".join(lines), missing[::-1]


def comments_catalog(root: Path, language: str) -> dict[str, str]:
    """The course's code comments in ``language`` (empty when it has no catalog yet).

    Examples
    --------
    >>> from customer_focus.core.paths import course_root
    >>> comments_catalog(course_root(), "zh_TW")["the loaner bike"]
    '代步自行車'
    """
    path = Path(root) / COMMENTS_CATALOG.format(language=language_code(language, known=True))
    return read_po(path) if path.is_file() else {}


def _translated_code(source: str, comments: Mapping[str, str]) -> tuple[str, list[str]]:
    """A code cell with its comments in the language: the exercises' builder's from the
    package's catalog, the others from the course's catalog of code comments."""
    said = {comment: _(comment) for comment in BUILDER_COMMENTS}
    return translate_comments(source, {**comments, **said})


def _language_cell(code: str, with_id: bool) -> dict:
    cell = {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {"tags": ["customer-focus-language"]},
        "outputs": [],
        "source": (f"# {_(_LANGUAGE_COMMENT)}\n"
                   "from customer_focus.core.messages import use_language\n\n"
                   f'use_language("{code}")'),
    }
    if with_id:  # nbformat 4.5 and later: every cell has an id
        cell["id"] = "customer-focus-language"
    return cell


def translate_notebook(
    notebook: dict, catalog: NotebookCatalog, language: str,
    comments: Mapping[str, str] | None = None,
) -> tuple[dict, list[str]]:
    """A notebook (nbformat 4, as JSON) in ``language``; the English texts left untranslated.

    ``comments`` translates its code's comments (:func:`comments_catalog`); a comment it
    lacks is kept, and listed with the texts left untranslated.

    Call it while the package speaks ``language``
    (:func:`customer_focus.core.messages.language`), so that the comments it
    translates are said in it.

    Examples
    --------
    >>> from customer_focus.core.messages import language
    >>> notebook = {"cells": [
    ...     {"cell_type": "markdown", "metadata": {}, "source": "## Question 1: one answer pair"},
    ...     {"cell_type": "code", "metadata": {}, "execution_count": 3, "outputs": [{}],
    ...      "source": "# Your answer: replace each ... below, then run the cell.\\nx = ..."}],
    ...     "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    >>> catalog = NotebookCatalog([("book", {"Question 1: one answer pair": "第 1 題"})], "book")
    >>> with language("zh_TW"):
    ...     translated, missing = translate_notebook(notebook, catalog, "zh_TW")
    >>> heading, language_cell, answer = translated["cells"]
    >>> heading["source"], answer["source"]
    ('## 第 1 題', '# 你的答案：把下面每個 ... 換成答案，再執行這個儲存格。\\nx = ...')
    >>> answer["outputs"], missing
    ([], [])
    >>> print(language_cell["source"].splitlines()[-1])
    use_language("zh_TW")
    """
    code = language_code(language, known=True)
    if code is None:
        raise ValueError("English is the notebooks' own language: there is nothing to translate")
    translated = copy.deepcopy(notebook)
    missing: list[str] = []
    for cell in translated["cells"]:
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            cell["source"], lacking = translate_markdown(source, catalog)
            missing += lacking
        elif cell["cell_type"] == "code":
            cell["source"], lacking = _translated_code(source, comments or {})
            missing += lacking
            cell["outputs"], cell["execution_count"] = [], None
    first_code = next((index for index, cell in enumerate(translated["cells"])
                       if cell["cell_type"] == "code"), len(translated["cells"]))
    with_id = (translated.get("nbformat", 4), translated.get("nbformat_minor", 0)) >= (4, 5)
    translated["cells"].insert(first_code, _language_cell(code, with_id))
    return translated, missing
