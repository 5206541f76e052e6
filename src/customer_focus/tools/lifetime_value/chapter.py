"""The tables of the chapter "How loyalty drives profitability", headed for reading.

The chapter's page (``book/learn/lifetime-value.md``) shows what retention does
to the margin multiple and the lifetime value, and the opening case's two
accounts side by side. This module builds those tables with their shown
headers in the reader's language (the ``tools.lifetime_value`` catalog), so the
page's cells only call it. The arithmetic is :mod:`.calc`'s and :mod:`.table`'s.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ...core.messages import N_, Messages
from ...core.tables import format_table
from . import calc

_ = Messages("tools.lifetime_value")

__all__ = ["ACCOUNT_HEADERS", "retention_lever", "accounts"]

#: The shown headers of :func:`accounts`, by the column of the comparison they show.
ACCOUNT_HEADERS = {
    "customer": N_("Account"), "annual_margin": N_("Yearly margin"),
    "retention_rate": N_("Retention"), "acquisition_cost": N_("Cost to win"),
    "lifetime_value": N_("Lifetime value"), "net_value": N_("Net value"),
}


def retention_lever(
    rates: Sequence[float], margin: float, discount_rate: float, *, multiple_rate: float = 0.12
) -> pd.DataFrame:
    """The margin multiple and the lifetime value at several retention rates, for reading.

    Parameters
    ----------
    rates : sequence of float
        Retention rates, one row each.
    margin, discount_rate : float
        The yearly margin and discount rate of the lifetime value column.
    multiple_rate : float
        The discount rate of the margin multiple column.

    Examples
    --------
    >>> table = retention_lever([0.8, 0.9], 100, 0.1)
    >>> table.columns.tolist()
    ['Margin multiple at 12%', 'Lifetime value of $100 a year at 10%']
    >>> table.loc["90%"].tolist()
    ['4.09', '$450.00']
    """
    return pd.DataFrame({
        _("Retention rate"): [f"{r:.0%}" for r in rates],
        _("Margin multiple at {rate:.0%}").format(rate=multiple_rate): [
            f"{calc.margin_multiple(r, multiple_rate):.2f}" for r in rates],
        _("Lifetime value of ${margin:,.0f} a year at {rate:.0%}").format(
            margin=margin, rate=discount_rate): [
            f"${calc.lifetime_value(margin, r, discount_rate):,.2f}" for r in rates],
    }).set_index(_("Retention rate"))


def accounts(comparison: pd.DataFrame) -> pd.DataFrame:
    """Accounts' margins, retention, cost to win and values, written and headed for reading.

    Parameters
    ----------
    comparison : pandas.DataFrame
        :func:`customer_focus.tools.lifetime_value.table.compare_customers`'s table.

    Examples
    --------
    >>> from customer_focus.tools.lifetime_value import table
    >>> case = pd.DataFrame({"customer": ["A"], "annual_margin": [100], "retention_rate": [0.8],
    ...                      "acquisition_cost": [50]})
    >>> shown = accounts(table.compare_customers(case))
    >>> shown.columns.tolist()
    ['Yearly margin', 'Retention', 'Cost to win', 'Lifetime value', 'Net value']
    >>> shown.loc["A"].tolist()
    ['$100.00', '80.0%', '$50.00', '$266.67', '$216.67']
    """
    shown = format_table(
        comparison[list(ACCOUNT_HEADERS)],
        money=["annual_margin", "acquisition_cost", "lifetime_value", "net_value"],
        percent=["retention_rate"],
    )
    return shown.rename(columns={name: _(header) for name, header in ACCOUNT_HEADERS.items()}
                        ).set_index(_("Account"))
