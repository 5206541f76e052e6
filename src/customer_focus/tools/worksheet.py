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
a text box.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from html import escape
from typing import Any, ClassVar

import ipywidgets as w
from IPython.display import HTML, display

from ..core.fields import Field
from .spec import ToolSpec, load_spec

__all__ = ["Worksheet", "control_for", "alert", "named"]

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


def alert(error: Exception) -> HTML:
    """The message a form shows instead of its results when an input is wrong.

    Examples
    --------
    >>> alert(ValueError("margin must be a number")).data
    '<p role="alert"><strong>Check your numbers:</strong> margin must be a number</p>'
    """
    return HTML(f'<p role="alert"><strong>Check your numbers:</strong> {escape(str(error))}</p>')


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

    def __init__(self, **starting_values: Any) -> None:
        self.spec: ToolSpec = load_spec(self.tool)
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
            return [alert(error)]

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)
