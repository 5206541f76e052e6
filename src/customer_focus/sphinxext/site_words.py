"""The words other extensions write into the pages, in a translation's language.

Three extensions write English of their own into every page of a translation:
sphinx-exercise titles its boxes "Exercise 3" and "Solution to Exercise 3" through its
own gettext catalog (``exercise``), which has no Traditional Chinese; myst-nb's toggle
of a hidden code cell says "Show code cell source"; the theme's footer names the author
and the title bar the site. For a build whose language the words have
(``data/site-words.yml``), this module compiles the ``exercise`` catalog into the
build's doctree folder and registers it with Sphinx before sphinx-exercise reads it,
and sets myst-nb's prompts, the author and the site's title (the printed handouts'
``course``, ``data/print-words.yml``) to the language's words. An English build is left
as ``_config.yml`` has it.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from sphinx.application import Sphinx
from sphinx.config import Config

from ..course.words import supported
from ..tools.spec import words

__all__ = ["EXERCISE_WORDS", "exercise_catalog", "setup"]

#: sphinx-exercise's messages (its catalog's ``msgid``) by their word in ``site-words.yml``.
EXERCISE_WORDS = ("exercise", "solution", "solution_to")


def exercise_catalog(language: str) -> Catalog:
    """sphinx-exercise's messages in ``language``, from the site's words.

    Examples
    --------
    >>> catalog = exercise_catalog("zh_TW")
    >>> catalog.get("Solution to").string, catalog.get("Exercise").string
    ('解答', '練習')
    """
    english, said = words("site-words.yml"), words("site-words.yml", language)
    catalog = Catalog(locale=language, domain="exercise")
    for name in EXERCISE_WORDS:
        catalog.add(english[name], said[name])
    return catalog


def _translate(app: Sphinx, config: Config) -> None:
    language = supported(config.language)
    if language is None:
        return
    folder = Path(app.doctreedir) / "locale"
    mo = folder / language / "LC_MESSAGES" / "exercise.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as handle:
        write_mo(handle, exercise_catalog(language))
    app.add_message_catalog("exercise", str(folder))
    said = words("site-words.yml", language)
    config.nb_code_prompt_show = said["code_show"]
    config.nb_code_prompt_hide = said["code_hide"]
    config.author = said["author"]
    config.html_title = words("print-words.yml", language)["course"]


def setup(app: Sphinx) -> None:
    """Give a translation's build the words (before sphinx-exercise's numbering, priority 500)."""
    app.connect("config-inited", _translate, priority=400)
