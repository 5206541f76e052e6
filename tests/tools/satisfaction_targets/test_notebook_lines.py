"""What the satisfaction targets worksheet prints from its own cells, said by the package: each
segment's advice, the fleet accounts' what-if; in English as the notebook's saved outputs have
them, and in Chinese with the same numbers (the Excel check and the saved files:
``tests/tools/test_closing_lines.py``)."""

from __future__ import annotations

from chinese_text import assert_chinese, both
from customer_focus.core import cases
from customer_focus.tools.satisfaction_targets import describe, table


def test_the_fleet_accounts_what_if_in_english_and_in_chinese():
    def line() -> str:  # as the notebook's cell: the segments and their names in its language
        what_if = table.what_if_retention(cases.crossroads_segments(), 0.02, discount_rate=0.10)
        fleets = what_if.set_index("segment").loc[cases.text("crossroads.segments.fleets.name")]
        return describe.fleet_what_if(fleets, 0.02)

    english, chinese = both(line)
    assert english == ("2 more points of retention would add $7,500 to each fleet account's "
                       "lifetime value, $150,000 across the segment.")
    assert_chinese(english, chinese)


def test_each_segments_advice_line_in_chinese_with_its_chinese_name():
    def lines() -> str:
        plan = table.plan_targets(cases.crossroads_segments(), discount_rate=0.10)
        plan = plan.sort_values("priority")
        return "\n".join(describe.segment_advice(row.segment, row.advice)
                         for row in plan.itertuples())

    english, chinese = both(lines)
    assert english.splitlines()[0].startswith("Fleet accounts: Priority 1: $1,020,000 of ")
    for line_en, line_zh in zip(english.splitlines(), chinese.splitlines(), strict=True):
        assert_chinese(line_en, line_zh)  # the segments' names are Chinese too

