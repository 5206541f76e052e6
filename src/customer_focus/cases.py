"""The course's invented cases: inputs in one file, every derived figure computed.

The inputs of every invented case (Greenleaf, Brightwater, the food
distributor of the opening case, Northfield, Halden, Crossroads, the
scenario...) live in ``data/cases.yml``. Each is written the way a reader
sees it: money as ``"$30,000"``, shares and rates as ``"25%"``, counts and
other numbers plain. The file is validated when it is read; a problem is
reported as ``file:line: what is wrong``.

Every figure derived from them (lifetime values, net values, break-evens,
totals, shares...) is computed by :mod:`customer_focus.case_figures` with the
package's own functions. A figure has a dotted name, ``opening.harbor.lifetime_value``,
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

import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .core.formats import STYLES, format_number

__all__ = [
    "Quantity",
    "CaseProblem",
    "CaseError",
    "Cases",
    "DATA_FILE",
    "PLACEHOLDER",
    "load_cases",
    "course_cases",
    "figure",
    "value",
    "expand",
    "placeholders",
    "crossroads_segments",
    "opening_case",
    "distributor_accounts",
]

#: The packaged data file.
DATA_FILE = "data/cases.yml"

#: ``{case:name}`` or ``{case:name:style}`` in YAML text.
PLACEHOLDER = re.compile(r"\{case:([^{}:\s]+)(?::([a-z0-9]+))?\}")

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_MONEY = re.compile(r"^([-\u2212]?)\$(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?$")
_PERCENT = re.compile(r"^([-\u2212]?\d+(?:\.\d+)?)%$")

#: The style a quantity is written in when the placeholder names none.
DEFAULT_STYLE = {"money": "money", "percent": "percent", "count": "count", "number": "number"}


@dataclass(frozen=True)
class Quantity:
    """A number with its kind: ``money``, ``percent`` (a decimal), ``count`` or ``number``.

    ``style`` overrides how it is written by default (a name from
    :data:`customer_focus.core.formats.STYLES`).
    """

    value: float
    kind: str
    style: str = ""

    def text(self, style: str | None = None) -> str:
        """The number written for readers."""
        return format_number(self.value, style or self.style or DEFAULT_STYLE[self.kind])


@dataclass(frozen=True)
class CaseProblem:
    """One problem in the data file, with its place."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class CaseError(ValueError):
    """The data file cannot be used; ``problems`` lists every reason with its line."""

    def __init__(self, problems: list[CaseProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def _quantity(node: yaml.ScalarNode) -> Quantity | str:
    """One scalar: ``"$1,234"`` money, ``"12%"`` percent, ``12`` count, ``1.5`` number, or text."""
    text = node.value.strip()
    if node.tag.endswith(":int") or (node.style is None and re.fullmatch(r"-?\d+", text)):
        return Quantity(float(int(text)), "count")
    if node.tag.endswith(":float") or (node.style is None and re.fullmatch(r"-?\d+\.\d*", text)):
        return Quantity(float(text), "number")
    money = _MONEY.match(text)
    if money:
        amount = float(money.group(2).replace(",", "") + (money.group(3) or ""))
        return Quantity(-amount if money.group(1) else amount, "money")
    percent = _PERCENT.match(text)
    if percent:
        return Quantity(float(percent.group(1).replace("\u2212", "-")) / 100, "percent")
    return text


def _read(
    source: str, text: str
) -> tuple[dict[str, Quantity], dict[str, str], dict[str, int], list[CaseProblem]]:
    problems: list[CaseProblem] = []
    numbers: dict[str, Quantity] = {}
    texts: dict[str, str] = {}
    lines: dict[str, int] = {}
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return (
            {},
            {},
            {},
            [
                CaseProblem(
                    source,
                    mark.line + 1 if mark else 1,
                    f"not valid YAML: {getattr(error, 'problem', error)}",
                )
            ],
        )
    if root is None or not isinstance(root, yaml.MappingNode):
        return (
            {},
            {},
            {},
            [CaseProblem(source, 1, "the file must be a mapping of case names to their inputs")],
        )

    def walk(node: yaml.Node, path: str) -> None:
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
                where = key_node.start_mark.line + 1
                if not _NAME.match(key):
                    problems.append(
                        CaseProblem(
                            source,
                            where,
                            f"{path + '.' if path else ''}{key!s}: names are lowercase letters, "
                            "digits and underscores, starting with a letter",
                        )
                    )
                    continue
                if key in seen:
                    problems.append(
                        CaseProblem(
                            source, where, f"{path + '.' if path else ''}{key}: given twice"
                        )
                    )
                    continue
                seen.add(key)
                walk(value_node, f"{path}.{key}" if path else key)
            return
        if not path or "." not in path:
            problems.append(
                CaseProblem(
                    source, line, f"{path or 'the file'}: a case must be a mapping of inputs"
                )
            )
            return
        if isinstance(node, yaml.SequenceNode):
            problems.append(
                CaseProblem(
                    source,
                    line,
                    f"{path}: lists are not allowed; give each item a name (a mapping)",
                )
            )
            return
        read = _quantity(node)  # type: ignore[arg-type]
        if read == "" or (
            node.style is None
            and node.value.lower() in {"yes", "no", "true", "false", "on", "off", "null", "~"}
        ):
            problems.append(
                CaseProblem(
                    source,
                    line,
                    f"{path}: empty, or a yes/no word; write a number "
                    '("$1,200", "25%", 12) or quoted text',
                )
            )
            return
        lines[path] = line
        if isinstance(read, Quantity):
            numbers[path] = read
        else:
            texts[path] = read

    walk(root, "")
    return numbers, texts, lines, problems


class Cases:
    """The cases' inputs and their derived figures.

    Use :func:`load_cases` (a file of your own) or :func:`course_cases` (the
    course's file). Figures derived from a case are computed the first time
    one of them is asked for.
    """

    def __init__(
        self,
        numbers: dict[str, Quantity],
        texts: dict[str, str],
        lines: dict[str, int],
        source: str,
    ) -> None:
        self.numbers = numbers
        self.texts = texts
        self.lines = lines
        self.source = source
        self._derived: dict[str, dict[str, Quantity]] = {}
        self._computing: set[str] = set()

    # ---- inputs -------------------------------------------------------------------------

    def __getitem__(self, name: str) -> float:
        """An input's number (raises ``KeyError`` naming close matches)."""
        if name in self.numbers:
            return self.numbers[name].value
        raise KeyError(self._unknown(name, self.numbers))

    def text(self, name: str) -> str:
        """An input that is text (a name, a label)."""
        if name in self.texts:
            return self.texts[name]
        raise KeyError(self._unknown(name, self.texts))

    def group(self, prefix: str) -> list[str]:
        """The names of the mappings directly under ``prefix``, in file order.

        Examples
        --------
        >>> course_cases().group("crossroads.segments")
        ['fleets', 'families', 'coupon']
        """
        found: list[str] = []
        start = prefix + "."
        for name in [*self.lines]:
            if name.startswith(start):
                head = name[len(start) :].split(".")[0]
                if head not in found and "." in name[len(start) :]:
                    found.append(head)
        if not found:
            raise KeyError(f"no group {prefix!r} in {self.source}")
        return found

    # ---- figures ------------------------------------------------------------------------

    def quantity(self, name: str) -> Quantity:
        """An input or a derived figure, as a :class:`Quantity`."""
        if name in self.numbers:
            return self.numbers[name]
        case = name.split(".")[0]
        derived = self._figures_of(case)
        if name in derived:
            return derived[name]
        raise KeyError(self._unknown(name, {**self.numbers, **derived}))

    def value(self, name: str) -> float:
        """The number behind a figure."""
        return self.quantity(name).value

    def figure(self, reference: str) -> str:
        """A figure written for readers: ``"name"`` or ``"name:style"``.

        Examples
        --------
        >>> cases = course_cases()
        >>> cases.figure("opening.harbor.lifetime_value")
        '$108,000'
        >>> cases.figure("opening.harbor.lifetime_value:dollars1000")
        '$108,000'
        """
        name, _, style = reference.partition(":")
        if style and style not in STYLES:
            raise KeyError(
                f"unknown style {style!r} in {reference!r}; use one of: {', '.join(STYLES)}"
            )
        if name in self.texts:
            if style:
                raise KeyError(f"{name!r} is text ({self.texts[name]!r}); it takes no style")
            return self.texts[name]
        return self.quantity(name).text(style or None)

    def names(self) -> list[str]:
        """Every figure's name: the inputs, then everything derived from them."""
        from .case_figures import DERIVED

        every = [*self.numbers, *self.texts]
        for case in dict.fromkeys([*(name.split(".")[0] for name in self.lines), *DERIVED]):
            every += [name for name in self._figures_of(case) if name not in every]
        return every

    def _figures_of(self, case: str) -> dict[str, Quantity]:
        if case in self._derived:
            return self._derived[case]
        from .case_figures import DERIVED

        compute: Callable[[Cases], dict[str, Quantity]] | None = DERIVED.get(case)
        if compute is None:
            self._derived[case] = {}
            return {}
        if case in self._computing:
            raise KeyError(f"the figures of {case!r} depend on themselves")
        self._computing.add(case)
        try:
            figures = compute(self)
        finally:
            self._computing.discard(case)
        self._derived[case] = figures
        return figures

    def _unknown(self, name: str, known: dict[str, Any]) -> str:
        close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        return (
            f"no case figure named {name!r}.{hint} Inputs are in {self.source}; "
            "derived figures in customer_focus/case_figures.py."
        )

    # ---- YAML text ----------------------------------------------------------------------

    def expand(self, text: str, *, markdown: bool = True) -> str:
        """Replace every ``{case:name}`` / ``{case:name:style}`` in ``text`` by its figure.

        With ``markdown=True`` (the default) a dollar sign is written ``\\$``,
        so that Markdown with math does not read it as the start of a formula.

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
                written = self.figure(reference)
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
    """Read and validate a cases file.

    Raises
    ------
    CaseError
        Listing every problem as ``file:line: what is wrong``.
    """
    name = source or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise CaseError(
            [CaseProblem(name, 1, f"cannot be read: {error.strerror or error}")]
        ) from None
    numbers, texts, lines, problems = _read(name, text)
    if problems:
        raise CaseError(problems)
    return Cases(numbers, texts, lines, name)


def data_path() -> Path:
    """Where the course's cases file is (for build dependencies)."""
    return Path(str(resources.files("customer_focus").joinpath(DATA_FILE)))


@lru_cache(maxsize=1)
def course_cases() -> Cases:
    """The course's cases (``customer_focus/data/cases.yml``), read once."""
    return load_cases(data_path(), source=f"customer_focus/{DATA_FILE}")


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


def crossroads_segments():
    """Crossroads Auto Care's three segments (chapter "Delivering value"), as the satisfaction
    targets worksheet reads them.

    Examples
    --------
    >>> crossroads_segments()["customers"].tolist()
    [20, 520, 140]
    """
    from .case_figures import crossroads_segments as table

    return table(course_cases())


def opening_case():
    """The two accounts of the opening case, "What would you do?", as the lifetime value tool's
    :func:`~customer_focus.tools.lifetime_value.table.compare_customers` reads them.

    Examples
    --------
    >>> opening_case()["customer"].str.split().str[0].tolist()
    ['Crestline', 'Harbor']
    """
    from .case_figures import opening_case as table

    return table(course_cases())


def distributor_accounts():
    """The food distributor's six accounts (the lifetime value steps), as the lifetime value tool's
    :func:`~customer_focus.tools.lifetime_value.table.compare_customers` reads them."""
    from .case_figures import distributor_accounts as table

    return table(course_cases())
