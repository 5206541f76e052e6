"""The course's invented cases: the inputs and every figure derived from them.

The inputs of every invented case live in ``data/cases.yml`` and are read by
:mod:`customer_focus.core.cases`, which is all a tool may use. Every figure
derived from them (lifetime values, net values, break-evens, totals,
shares...) is computed by :mod:`customer_focus.course.case_figures` with the
package's own tools. A figure has a dotted name, ``opening.harbor.lifetime_value``,
and is placed:

- in a MyST page with the role ``{case}`opening.harbor.lifetime_value```
  (:mod:`customer_focus.sphinxext.cases`; an unknown name fails the build);
- in YAML text (the scenario, question banks) with the placeholder
  ``{case:opening.harbor.lifetime_value}``, expanded by :func:`expand`;
- in Python with :func:`figure` (the text) or :func:`value` (the number).

An optional style after a second colon chooses how the number is written:
``{case:opening.crestline.lifetime_value:dollars}`` (styles in
:mod:`customer_focus.core.formats`). Inputs are figures too:
``{case}`opening.crestline.margin``` writes ``$30,000``.

Changing an input in ``cases.yml`` changes every page, worksheet and answer
that uses it: nothing derived is typed twice.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from ..core.cases import CaseInputs, Quantity

__all__ = [
    "Cases",
    "PLACEHOLDER",
    "load_cases",
    "course_cases",
    "figure",
    "value",
    "expand",
    "placeholders",
]

#: ``{case:name}`` or ``{case:name:style}`` in YAML text.
PLACEHOLDER = re.compile(r"\{case:([^{}:\s]+)(?::([a-z0-9]+))?\}")


def _derived() -> dict[str, Callable[[CaseInputs], dict[str, Quantity]]]:
    # Imported on use: the figures are computed with every tool (pandas, the scenario's paths).
    from .case_figures import DERIVED

    return DERIVED


class Cases(CaseInputs):
    """The cases' inputs and their derived figures.

    Use :func:`load_cases` (a file of your own) or :func:`course_cases` (the
    course's file). Figures derived from a case are computed the first time
    one of them is asked for.

    Examples
    --------
    >>> cases = course_cases()
    >>> cases.figure("opening.harbor.lifetime_value")
    '$108,000'
    >>> cases.figure("opening.harbor.lifetime_value:dollars1000"), cases["opening.harbor.margin"]
    ('$108,000', 24000.0)
    """

    def __init__(
        self,
        numbers: dict[str, Quantity],
        texts: dict[str, str],
        lines: dict[str, int],
        source: str,
    ) -> None:
        super().__init__(numbers, texts, lines, source)
        self.derived: dict[str, dict[str, Quantity]] = {}
        self.computing: set[str] = set()

    def quantity(self, name: str) -> Quantity:
        """An input or a derived figure, as a :class:`~customer_focus.core.cases.Quantity`.

        Examples
        --------
        >>> figure = course_cases().quantity("opening.harbor.lifetime_value")
        >>> figure.kind, round(figure.value, 2), figure.text()
        ('money', 108000.0, '$108,000')
        """
        if name in self.numbers:
            return self.numbers[name]
        case = name.split(".")[0]
        derived = self.figures_of(case)
        if name in derived:
            return derived[name]
        raise KeyError(self.unknown(name, {**self.numbers, **derived}))

    def names(self) -> list[str]:
        """Every figure's name: the inputs, then everything derived from them."""
        every = [*self.numbers, *self.texts]
        cases = dict.fromkeys([*(name.split(".")[0] for name in self.lines), *_derived()])
        for case in cases:
            every += [name for name in self.figures_of(case) if name not in every]
        return every

    def figures_of(self, case: str) -> dict[str, Quantity]:
        """The figures derived from one case's inputs (computed once, the first time)."""
        if case in self.derived:
            return self.derived[case]
        compute = _derived().get(case)
        if compute is None:
            self.derived[case] = {}
            return {}
        if case in self.computing:
            raise KeyError(f"the figures of {case!r} depend on themselves")
        self.computing.add(case)
        try:
            figures = compute(self)
        finally:
            self.computing.discard(case)
        self.derived[case] = figures
        return figures

    def expand(self, text: str, *, markdown: bool = True, language: str | None = None) -> str:
        """Replace every ``{case:name}`` / ``{case:name:style}`` in ``text`` by its figure.

        With ``markdown=True`` (the default) a dollar sign is written ``\\$``,
        so that Markdown with math does not read it as the start of a formula.
        ``language`` is the edition's (``"zh_TW"`` writes number words in Chinese).

        Raises
        ------
        ValueError
            Naming the placeholder that cannot be expanded and why.

        Examples
        --------
        >>> course_cases().expand("Harbor is worth {case:opening.harbor.lifetime_value}.")
        'Harbor is worth \\\\$108,000.'
        """

        def replace(match: re.Match[str]) -> str:
            reference = match.group(1) + (f":{match.group(2)}" if match.group(2) else "")
            try:
                written = self.figure(reference, language)
            except KeyError as error:
                raise ValueError(f"{match.group(0)}: {error.args[0]}") from None
            return written.replace("$", "\\$") if markdown else written

        return PLACEHOLDER.sub(replace, text)


def placeholders(text: str) -> list[str]:
    """The figure references in ``text`` (``name`` or ``name:style``), in order.

    Examples
    --------
    >>> placeholders("From {case:a.b} to {case:a.c:percent1}.")
    ['a.b', 'a.c:percent1']
    """
    return [
        m.group(1) + (f":{m.group(2)}" if m.group(2) else "") for m in PLACEHOLDER.finditer(text)
    ]


def load_cases(path: str | os.PathLike[str], *, source: str | None = None) -> Cases:
    """Read and check a cases file of your own, with the figures derived from it.

    Raises
    ------
    customer_focus.core.cases.CaseError
        Listing every problem as ``file:line: what is wrong``.
    """
    return Cases.load(path, source=source)


def course_cases() -> Cases:
    """The course's cases (``customer_focus/data/cases.yml``), read once."""
    return Cases.of_course()


def figure(reference: str) -> str:
    """A course figure written for readers.

    Examples
    --------
    >>> figure("opening.harbor.lifetime_value")
    '$108,000'
    """
    return course_cases().figure(reference)


def value(name: str) -> float:
    """The number behind a course figure.

    Examples
    --------
    >>> round(value("opening.harbor.lifetime_value"), 2)
    108000.0
    """
    return course_cases().value(name)


def expand(text: str, *, markdown: bool = True) -> str:
    """Expand ``{case:...}`` placeholders in YAML text with the course's figures.

    See :meth:`Cases.expand`.

    This is the one call a YAML loader needs: ``text = cases.expand(text)``;
    it raises ``ValueError`` for an unknown figure, which the loader reports
    with its file and line.
    """
    return course_cases().expand(text, markdown=markdown)
