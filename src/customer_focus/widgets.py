"""Live forms for the worksheets (ipywidgets).

The arithmetic lives in :mod:`customer_focus.clv`; this module only lays out
inputs and shows results, so the calculators stay testable without a browser.
A bad value shows a plain-language message in the form instead of a
traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

import ipywidgets as w
import pandas as pd
from IPython.display import HTML, display

from . import charts, clv

__all__ = ["format_table", "named", "lifetime_value_form", "LifetimeValueForm"]

_LABEL_STYLE = {"description_width": "16em"}


def _wide() -> w.Layout:
    """A fresh layout per control: creating widgets at import time would put
    widget state on every page that imports this module."""
    return w.Layout(width="34em")


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


def format_table(
    table: pd.DataFrame,
    *,
    money: Iterable[str] = (),
    percent: Iterable[str] = (),
    decimals: dict[str, int] | None = None,
) -> pd.DataFrame:
    """Return a copy of ``table`` with numbers written for reading, not computing.

    Parameters
    ----------
    table : pandas.DataFrame
        Results to show.
    money : iterable of str
        Columns to show as ``$1,234.56``.
    percent : iterable of str
        Columns holding decimals to show as ``80.0%``.
    decimals : dict, optional
        Other columns to round, with their number of decimals.

    Returns
    -------
    pandas.DataFrame
        Strings, ready to display or print.

    Examples
    --------
    >>> format_table(pd.DataFrame({"v": [1234.5]}), money=["v"])["v"].tolist()
    ['$1,234.50']
    """
    shown = table.copy()
    for column in money:
        shown[column] = [f"-${-v:,.2f}" if v < 0 else f"${v:,.2f}" for v in table[column]]
    for column in percent:
        shown[column] = [f"{v:.1%}" for v in table[column]]
    for column, places in (decimals or {}).items():
        shown[column] = [f"{v:,.{places}f}" for v in table[column]]
    return shown


def schedule_table(schedule: pd.DataFrame) -> pd.DataFrame:
    """The lifetime value schedule with readable headings and formats."""
    shown = format_table(
        schedule,
        money=["expected_margin", "present_value", "cumulative_value"],
        percent=["survival"],
        decimals={"discount_factor": 4},
    )
    return shown.rename(
        columns={
            "year": "Year",
            "survival": "Still a customer",
            "expected_margin": "Expected margin",
            "discount_factor": "Discount factor",
            "present_value": "Present value",
            "cumulative_value": "Cumulative value",
        }
    ).set_index("Year")


class LifetimeValueForm:
    """The worksheet's form: inputs on top, the value, table and chart below.

    Parameters
    ----------
    margin, retention, discount_rate, years, timing
        Starting values (as for :func:`customer_focus.clv.lifetime_value_schedule`).

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    def __init__(
        self,
        margin: float = 100.0,
        retention: float = 0.8,
        discount_rate: float = 0.1,
        years: int = 10,
        timing: str = clv.DEFAULT_TIMING,
    ) -> None:
        self.margin = w.FloatText(
            value=margin, description="Yearly margin per customer ($)", style=_LABEL_STYLE, layout=_wide()
        )
        self.retention = w.FloatSlider(
            value=retention, min=0.0, max=0.99, step=0.01, readout_format=".0%",
            description="Retention rate", style=_LABEL_STYLE, layout=_wide(), continuous_update=False,
        )
        self.discount_rate = w.FloatSlider(
            value=discount_rate, min=0.0, max=0.5, step=0.01, readout_format=".0%",
            description="Discount rate", style=_LABEL_STYLE, layout=_wide(), continuous_update=False,
        )
        self.years = w.IntSlider(
            value=years, min=1, max=40, description="Years in the table", style=_LABEL_STYLE,
            layout=_wide(), continuous_update=False,
        )
        self.timing = w.Dropdown(
            options=[(f"{t.formula}, {t.short}", t.name) for t in clv.TIMINGS.values()],
            value=timing, description="First margin arrives", style=_LABEL_STYLE, layout=w.Layout(width="46em"),
        )
        self.output = w.Output()
        inputs = (self.margin, self.retention, self.discount_rate, self.years, self.timing)
        for control in inputs:
            control.observe(self._changed, names="value")
        self.widget = w.VBox([*inputs, self.output])
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def results(self) -> list[object]:
        """What the form shows for its current inputs: value, table and chart.

        A bad input gives a single message saying what to fix.
        """
        try:
            arguments = (self.margin.value, self.retention.value, self.discount_rate.value)
            value = clv.lifetime_value(*arguments, timing=self.timing.value)
            schedule = clv.lifetime_value_schedule(*arguments, timing=self.timing.value, years=self.years.value)
        except ValueError as error:
            return [HTML(f'<p role="alert"><strong>Check your numbers:</strong> {escape(str(error))}</p>')]
        figure = charts.cumulative_value_chart(schedule, lifetime_total=value)
        return [
            HTML(
                f"<p><strong>Lifetime value: ${value:,.2f}</strong> "
                f"(all years; the first {self.years.value} years give "
                f"${schedule['cumulative_value'].iloc[-1]:,.2f}).</p>"
            ),
            schedule_table(schedule),
            HTML(charts.figure_html(figure, charts.describe_cumulative_value(schedule, value))),
        ]

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


def lifetime_value_form(**starting_values: float) -> w.VBox:
    """Build the lifetime value form and return the widget to display.

    Parameters
    ----------
    **starting_values
        ``margin``, ``retention``, ``discount_rate``, ``years``, ``timing``.

    Returns
    -------
    ipywidgets.VBox

    Examples
    --------
    >>> form = lifetime_value_form(margin=250, retention=0.85)  # doctest: +SKIP
    """
    return LifetimeValueForm(**starting_values).widget
