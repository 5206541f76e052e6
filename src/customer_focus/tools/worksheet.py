"""The base of every live form (ipywidgets), driven by the tool's spec.

A tool's form names its tool and the inputs it shows, and says what to show
for them; this base does the rest: one control per input, labeled, limited
and started from the spec (:mod:`customer_focus.tools.spec`), the redraw
whenever an input changes, and the "Check your numbers" message in place of
the results when the arithmetic rejects an input::

    class LifetimeValueForm(Worksheet):
        tool = "lifetime_value"
        inputs = ("margin", "retention", "discount_rate", "years", "timing")

        def compute(self, values):
            value = calc.lifetime_value(values["margin"], values["retention"], ...)
            return [HTML(...), table, HTML(figure_html(chart, alt))]

``compute`` receives the inputs' current values by name and returns what to
display; a ``ValueError`` it raises (every check of ``calc.py`` raises one)
becomes the message. The arithmetic stays in ``calc.py``, so a form holds no
sums of its own.

Controls, by the field's ``kind`` (see :mod:`customer_focus.core.fields`):
``choice`` is a drop-down of its options; ``whole``, ``rate`` and
``number`` are a slider when the field has ``slider: [low, high]``
(a rate's reads as a percentage) and a box to type in otherwise; ``text`` is
a text box; ``yes_no`` a check box.

A form with a row per item (the alternatives of the value equation, the steps
of a process) is a :class:`GridWorksheet`: it names the :class:`GridColumn`
of each field in its grid, and ``compute`` reads the rows with ``self.table()``::

    class WorkProcessForm(GridWorksheet):
        tool = "work_process"
        inputs = ()
        columns = (GridColumn("step", "Step (in order)", "Name of step {number}"),
                   GridColumn("minutes", "Minutes", "Minutes for step {number}"))
        grid_template = "20em 6em"

        def compute(self, values):
            analysis = table.analyze_process(self.table())
            ...
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, ClassVar

import ipywidgets as w
import pandas as pd
from IPython.display import HTML, display

from ..core.fields import Field
from ..core.messages import N_, Messages, current_language
from ..core.rows import row_label
from .spec import ToolSpec, load_spec

_ = Messages("tools")

#: The first words of the message a form shows when an input is wrong (by default).
CHECK_YOUR_NUMBERS = N_("Check your numbers")
#: The accessible name of a grid's cell (by default).
CELL_NAME = N_("{heading} for {name}")


def tool_words(tool: str, text: str) -> str:
    """``text``, kept in a form's table at import time, in the reader's language.

    A form of a tool marks the words of its class (its alert's heading, its
    grid's headings) with ``N_`` in its own module, so they are in the tool's
    catalog (``tools.<tool>``); the defaults of this module are in ``tools``.

    Examples
    --------
    >>> tool_words("work_process", "Check your numbers")
    'Check your numbers'
    """
    said = Messages(f"tools.{tool}")(text)
    return _(text) if said == text else said

__all__ = [
    "Worksheet", "GridWorksheet", "GridColumn", "control_for", "alert", "named", "tool_words",
    "CHECK_YOUR_NUMBERS",
]

#: Room for the longest label of a form; a form may set its own.
LABEL_WIDTH = "16em"
#: The width of an input with its label.
INPUT_WIDTH = "34em"


def named(control: w.Widget, name: str) -> w.Widget:
    """Give an input that has no visible label of its own (a cell of a grid) an accessible name.

    The name becomes the widget's tooltip; in the book, ``widget-support.js``
    turns the tooltip of an otherwise unnamed input into its ``aria-label``,
    so a screen reader announces "Price for Rival: QuickFix Fleet", not just
    "edit text".

    Examples
    --------
    >>> named(w.FloatText(), "Price for the current offer").tooltip
    'Price for the current offer'
    """
    control.tooltip = name
    return control


def alert(error: Exception, heading: str = CHECK_YOUR_NUMBERS) -> HTML:
    """The message a form shows instead of its results when an input is wrong.

    Examples
    --------
    >>> alert(ValueError("margin must be a number")).data
    '<p role="alert"><strong>Check your numbers:</strong> margin must be a number</p>'
    >>> alert(ValueError("type a step."), "Check your steps").data
    '<p role="alert"><strong>Check your steps:</strong> type a step.</p>'
    """
    return HTML('<p role="alert">' + _("<strong>{heading}:</strong> {message}").format(
        heading=escape(_(heading)), message=escape(str(error))) + "</p>")


def control_for(
    field: Field, value: Any, *, label_width: str = LABEL_WIDTH, width: str = INPUT_WIDTH
) -> w.ValueWidget:
    """The input control for one field of a spec, showing ``value``.

    Examples
    --------
    >>> rate = Field("retention", "Retention rate", help="share who stay", kind="rate",
    ...              slider=(0, 0.99), step=0.01)
    >>> control = control_for(rate, 0.8)
    >>> type(control).__name__, control.description, control.readout_format
    ('FloatSlider', 'Retention rate', '.0%')
    """
    common: dict[str, Any] = {
        "description": field.caption, "style": {"description_width": label_width},
        "layout": w.Layout(width=width),
    }
    if field.kind == "choice":
        return w.Dropdown(options=[(words, option) for option, words in field.options],
                          value=value, **common)
    if field.kind == "text":
        return w.Text(value=value, **common)
    if field.kind == "yes_no":
        return w.Checkbox(value=field.check(value), **common)
    whole = field.kind == "whole"
    if field.slider is None:
        box = w.IntText if whole else w.FloatText
        return box(value=value, **({"step": field.step} if field.step else {}), **common)
    low, high = field.slider
    slider: dict[str, Any] = {"min": low, "max": high, "continuous_update": False}
    if field.step:
        slider["step"] = field.step
    if field.kind == "rate":
        slider["readout_format"] = ".0%"
    return (w.IntSlider if whole else w.FloatSlider)(value=value, **slider, **common)


class Worksheet(ABC):
    """The base of a tool's live form.

    Subclasses set :attr:`tool` and :attr:`inputs` and write :meth:`compute`;
    they may set :attr:`widths` (a wider input) and override :meth:`layout`
    (headings, a grid of extra controls registered with :meth:`watch`).

    Parameters
    ----------
    **starting_values
        Values for some inputs; the others start at the spec's worked example
        (``example:``), or the field's ``default``.

    Attributes
    ----------
    spec : ToolSpec
        The tool's spec.
    controls : dict
        The input controls, by field name.
    widget : ipywidgets.VBox
        What to display: the controls, then the results.
    """

    #: The tool's name (its folder under ``tools/``).
    tool: ClassVar[str]
    #: The fields shown as inputs, in order.
    inputs: ClassVar[tuple[str, ...]]
    #: Widths of particular inputs (with their label), by field name.
    widths: ClassVar[Mapping[str, str]] = {}
    #: Room for the labels.
    label_width: ClassVar[str] = LABEL_WIDTH
    #: The first words of the message shown when an input is wrong.
    alert_heading: ClassVar[str] = CHECK_YOUR_NUMBERS

    def __init__(self, **starting_values: Any) -> None:
        self.spec: ToolSpec = load_spec(self.tool, current_language())
        unknown = sorted(set(starting_values) - set(self.inputs))
        if unknown:
            raise ValueError(
                f"{type(self).__name__} has no input {', '.join(unknown)}; "
                f"its inputs are {', '.join(self.inputs)}."
            )
        self.controls: dict[str, w.ValueWidget] = {
            name: control_for(
                self.spec.fields[name], self._start(name, starting_values),
                label_width=self.label_width, width=self.widths.get(name, INPUT_WIDTH),
            )
            for name in self.inputs
        }
        self.output = w.Output()
        self.widget = w.VBox([*self.layout(), self.output])
        self.watch(*self.controls.values())
        self.update()

    def _start(self, name: str, given: Mapping[str, Any]) -> Any:
        if name in given:
            return given[name]
        if name in self.spec.example:
            return self.spec.example[name]
        field = self.spec.fields[name]
        if field.default is None:
            raise ValueError(f"{self.spec.source}: give {name} a value in 'example' or a 'default'")
        return field.default

    def layout(self) -> list[w.Widget]:
        """The widgets above the results, in order (by default, the controls)."""
        return list(self.controls.values())

    def sections(
        self, first: Sequence[str], sections: Sequence[tuple[str, str, Sequence[str]]]
    ) -> list[w.Widget]:
        """A layout of sections: the controls ``first``, then each section's heading and controls.

        Parameters
        ----------
        first : sequence of str
            The names of the controls above the sections.
        sections : sequence of (label, covers, names)
            Each section's heading (its label in bold, then what it covers)
            and the names of its controls.

        Returns
        -------
        list of ipywidgets.Widget

        Examples
        --------
        >>> import contextlib, io
        >>> from customer_focus.tools.turnover_cost.form import TurnoverCostForm
        >>> with contextlib.redirect_stdout(io.StringIO()):  # outside a notebook, it prints
        ...     form = TurnoverCostForm()
        >>> rows = form.sections(["job"], [("Pay", "the salary", ["salary"])])
        >>> [type(row).__name__ for row in rows], rows[1].value
        (['Text', 'HTML', 'FloatText'], '<strong>Pay</strong>: the salary')
        """
        rows: list[w.Widget] = [self.controls[name] for name in first]
        for label, covers, names in sections:
            rows.append(w.HTML(_("<strong>{label}</strong>: {covers}").format(
                label=escape(label), covers=escape(covers))))
            rows.extend(self.controls[name] for name in names)
        return rows

    def watch(self, *controls: w.ValueWidget) -> None:
        """Redraw the results whenever one of ``controls`` changes."""
        for control in controls:
            control.observe(self._changed, names="value")

    def _changed(self, _change: dict) -> None:
        self.update()

    def values(self) -> dict[str, Any]:
        """The inputs' current values, by field name."""
        return {name: control.value for name, control in self.controls.items()}

    @abstractmethod
    def compute(self, values: dict[str, Any]) -> list[object]:
        """What to show for ``values`` (by field name); raise ``ValueError`` for a bad input."""

    def results(self) -> list[object]:
        """What the form shows for its current inputs, or the message saying what to fix."""
        try:
            return list(self.compute(self.values()))
        except ValueError as error:
            return [alert(error, tool_words(self.tool, self.alert_heading))]

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


@dataclass(frozen=True)
class GridColumn:
    """A column of a form's grid: the field its cells edit, and what the reader sees.

    Parameters
    ----------
    field : str
        The field of the tool's spec (and the column of :meth:`GridWorksheet.table`).
    heading : str
        The heading above the column.
    cell : str
        Each cell's accessible name (see :func:`named`), from ``{heading}``,
        ``{number}`` (the row's, from 1) and ``{name}`` (what the row's first
        cell starts with).
    placeholder : str
        The grey hint in an empty text cell.

    Examples
    --------
    >>> GridColumn("price", "Price").name_of(2, "Rival")
    'Price for Rival'
    """

    field: str
    heading: str
    cell: str = CELL_NAME
    placeholder: str = ""

    def name_of(self, number: int, name: str, tool: str = "") -> str:
        """The accessible name of this column's cell in row ``number`` (from 1).

        With ``tool``, the heading and the name's pattern are said in the reader's
        language (:func:`tool_words`).
        """
        if not tool:
            return self.cell.format(heading=self.heading, number=number, name=name)
        return tool_words(tool, self.cell).format(
            heading=tool_words(tool, self.heading), number=number, name=name)


#: What an empty row of a grid holds, by the field's kind (a choice: its default).
_BLANK = {"text": "", "whole": 0, "yes_no": False}


def _blank(field: Field) -> Any:
    return field.default if field.kind == "choice" else _BLANK.get(field.kind, 0.0)


def _cell(field: Field, column: GridColumn, value: Any, name: str, tool: str) -> w.ValueWidget:
    """One cell of a grid: the control for ``field``'s kind, showing ``value``, named."""
    layout = w.Layout(width="auto")
    if field.kind == "text":
        extra = {"placeholder": tool_words(tool, column.placeholder)} if column.placeholder else {}
        control = w.Text(value=str(value), layout=layout, **extra)
    elif field.kind == "yes_no":
        control = w.Checkbox(value=field.check(value), indent=False, layout=layout)
    elif field.kind == "whole":
        control = w.IntText(value=int(value), layout=layout)
    elif field.kind == "choice":
        options = [(words, option) for option, words in field.options]
        control = w.Dropdown(options=options, value=value, layout=layout)
    else:
        extra = {"step": field.step} if field.step else {}
        control = w.FloatText(value=float(value), layout=layout, **extra)
    return named(control, name)


class GridWorksheet(Worksheet):
    """The base of a live form with a row per item, in a grid of cells, above its inputs.

    Subclasses set :attr:`columns` and :attr:`grid_template` besides what
    :class:`Worksheet` asks for; ``compute`` reads the rows with :meth:`table`.

    Parameters
    ----------
    rows : sequence of sequences, optional
        Starting rows, one value per column; by default :meth:`default_rows`.
    size : int
        At least this many rows: blank ones are added after the starting rows.
    **starting_values
        Values for some inputs, as for :class:`Worksheet`.

    Attributes
    ----------
    rows : list of tuples
        The cells of each row, in the order of :attr:`columns`.
    grid : ipywidgets.GridBox
        The headings and the cells.
    """

    #: The grid's columns, in order.
    columns: ClassVar[tuple[GridColumn, ...]]
    #: The CSS ``grid-template-columns`` of the grid: the width of each column.
    grid_template: ClassVar[str]
    #: The table of the spec's example that the rows start from (see :meth:`default_rows`).
    example_table: ClassVar[str] = ""

    def __init__(self, rows: Sequence[Sequence[Any]] | None = None, *, size: int = 0,
                 **starting_values: Any) -> None:
        spec = load_spec(self.tool, current_language())
        given = [tuple(row) for row in (self.default_rows(spec) if rows is None else rows)]
        for number, row in enumerate(given, start=1):
            if len(row) != len(self.columns):
                names = ", ".join(column.field for column in self.columns)
                raise ValueError(_(
                    "{form}: row {number} holds {count} values; give one per column: {names}."
                ).format(form=type(self).__name__, number=number, count=len(row), names=names))
        fields = [spec.fields[column.field] for column in self.columns]
        blank = tuple(_blank(field) for field in fields)
        self.rows: list[tuple[w.ValueWidget, ...]] = []
        for number, row in enumerate(given + [blank] * max(size - len(given), 0), start=1):
            self.rows.append(tuple(
                _cell(field, column, value, column.name_of(number, str(row[0]), self.tool),
                      self.tool)
                for field, column, value in zip(fields, self.columns, row, strict=True)
            ))
        headings = [w.Label(value=tool_words(self.tool, column.heading),
                            style={"font_weight": "bold"})
                    for column in self.columns]
        self.grid = w.GridBox(
            [*headings, *(cell for row in self.rows for cell in row)],
            layout=w.Layout(grid_template_columns=self.grid_template, grid_gap="4px 8px"),
        )
        super().__init__(**starting_values)
        self.watch(*(cell for row in self.rows for cell in row))

    def default_rows(self, spec: ToolSpec) -> list[tuple[Any, ...]]:
        """The rows a form starts with: the spec's example of :attr:`example_table`."""
        names = [column.field for column in self.columns]
        blank = {name: _blank(spec.fields[name]) for name in names}
        return [
            tuple(row.get(name, blank[name]) for name in names)
            for row in spec.example.get(self.example_table, [])
        ]

    def layout(self) -> list[w.Widget]:
        """The widgets above the results: the grid, then the other inputs."""
        return [self.grid, *self.controls.values()]

    def table(self) -> pd.DataFrame:
        """The rows as typed in the form, one column per field.

        Each row keeps its label as the grid shows it, its number and its name
        (the first column), in ``attrs["row_labels"]``: a message about a row
        names it so (:func:`customer_focus.core.tables.where`), in the words
        of the page's grid.
        """
        typed = pd.DataFrame(
            [[cell.value for cell in row] for row in self.rows],
            columns=[column.field for column in self.columns],
        )
        typed.attrs["row_labels"] = [
            row_label(number, row[0].value) for number, row in enumerate(self.rows, start=1)
        ]
        return typed
