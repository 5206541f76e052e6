"""What the lifetime value worksheet prints and shows from its own cells, said by the package:
the first results, the customers compared; in English as the notebook's saved outputs have them,
and in Chinese with the same numbers (the closing lines: ``tests/tools/test_closing_lines.py``)."""

from __future__ import annotations

import pandas as pd

from chinese_text import assert_chinese, both
from customer_focus.core.messages import language
from customer_focus.tools.lifetime_value import describe, form, table

CUSTOMERS = pd.DataFrame({"customer": ["Harbor", "Crestline"], "annual_margin": [24000, 30000],
                          "retention_rate": [0.9, 0.25], "acquisition_cost": [0, 20000]})


def test_the_first_results_in_english_and_in_chinese():
    english, chinese = both(lambda: "\n".join(describe.value_lines(100, 0.8, 0.1)))
    assert english.splitlines() == [
        "Lifetime value: $266.67",
        "Margin multiple: 2.67 years of margin",
        "Undiscounted shortcut, margin × expected life: $500.00, 88% more than the lifetime value",
    ]
    assert len(chinese.splitlines()) == 3
    for line_en, line_zh in zip(english.splitlines(), chinese.splitlines(), strict=True):
        assert_chinese(line_en, line_zh)


def test_a_zero_margin_gives_no_percentage_over_zero():
    english, chinese = both(lambda: "\n".join(describe.value_lines(0, 0.8, 0.1)))
    assert english.splitlines()[-1] == "Undiscounted shortcut, margin × expected life: $0.00"
    assert_chinese(english.splitlines()[-1], chinese.splitlines()[-1])


def test_the_comparison_reads_with_its_headings_in_the_readers_language():
    compared = table.compare_customers(CUSTOMERS, discount_rate=0.1)
    shown = form.comparison_table(compared)
    assert shown.columns.tolist() == ["Customer", "Yearly margin", "Retention", "Cost to win",
                                      "Expected years", "Lifetime value", "Net value", "Rank"]
    assert shown.loc[0, "Lifetime value"] == "$108,000.00"
    assert shown.loc[1, "Net value"] == "−$11,176.47"
    with language("zh_TW"):
        chinese = form.comparison_table(compared)
    assert chinese.columns.tolist()[:3] == ["顧客", "每年毛利", "顧客留存率"]
    for heading in chinese.columns:
        assert_chinese("", heading)
    assert chinese.iloc[:, 1:].equals(shown.iloc[:, 1:].set_axis(chinese.columns[1:], axis=1))
