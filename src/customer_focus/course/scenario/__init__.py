"""The branching scenario: "what would you do?" stories kept in YAML.

:mod:`.model`
    The story: reading and checking a scenario file, walking its paths.
:mod:`.player`
    The notebook player (ipywidgets), with the same rules as the book's ``scenario.js``.

The player imports the model, never the reverse. :func:`load` reads one of
the course's scenarios with the figures of its invented cases written in; in a
notebook::

    from customer_focus.course import scenario
    scenario.play("late-delivery")
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ipywidgets

    from .model import Scenario

__all__ = ["load", "play"]


def load(
    name: str | os.PathLike[str],
    *,
    source: str | None = None,
    language: str | None = None,
    locales: str | os.PathLike[str] | None = None,
    fallback: bool = False,
) -> Scenario:
    """A scenario of the course, with the figures of the course's cases written into its text.

    Parameters
    ----------
    name : str or path-like
        A scenario name (``book/practice/scenarios/<name>.yml``) or the path of a file.
    source : str, optional
        How to name the file in messages (default: its path).
    language : str, optional
        ``None`` or ``"en"``: English; ``"zh_TW"``: with the text of its translation,
        ``locales/zh_TW/scenarios/<name>.yml``.
    locales : path-like, optional
        The ``locales`` folder (default: the one in the course's folder).
    fallback : bool, default False
        Without a translation file, give the English story instead of raising.

    Raises
    ------
    customer_focus.course.scenario.model.ScenarioError
        Listing every problem as ``file:line: node 'x': what is wrong``.
    """
    # Imported on use, so that importing the package stays light.
    from ..cases import expand
    from .model import find_scenario, load_scenario

    return load_scenario(find_scenario(name), source=source, expand=expand, language=language,
                         locales=locales, fallback=fallback)


def play(name: str | os.PathLike[str]) -> ipywidgets.VBox:
    """Play a scenario in a notebook, with the same rules as the book.

    In the language the package speaks
    (:func:`customer_focus.core.messages.current_language`): the story's
    translation when it has one, else the English story.

    Returns
    -------
    ipywidgets.VBox
        The story; it displays when it is the last expression of a cell.
    """
    from ...core.messages import current_language
    from .player import ScenarioPlayer

    return ScenarioPlayer(load(name, language=current_language(), fallback=True)).widget
