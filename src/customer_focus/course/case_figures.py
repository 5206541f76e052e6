"""Every figure derived from the course's invented cases, computed with the package.

One function per case takes the cases' inputs
(:class:`~customer_focus.core.cases.CaseInputs`) and returns its derived
figures by name, each a :class:`~customer_focus.core.cases.Quantity` (a
number, its kind and how it is written). Nothing here is typed from a page:
each figure is computed from the inputs in ``data/cases.yml`` with the same
functions the worksheets use (:mod:`~customer_focus.tools.lifetime_value`,
:mod:`~customer_focus.tools.recovery.calc`, :mod:`~customer_focus.tools.satisfaction_targets`,
:mod:`~customer_focus.tools.turnover_cost`, :mod:`~customer_focus.tools.feedback`,
:mod:`~customer_focus.tools.kano`, :mod:`~customer_focus.tools.servqual`,
:mod:`~customer_focus.tools.value_equation`, :mod:`~customer_focus.tools.work_process`),
and the facts of the scenario's paths by walking them
(:mod:`~customer_focus.course.scenario.model`).

To add a figure, add a line to its case's function; to add a case, add its
inputs to ``cases.yml`` and a function to :data:`DERIVED`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from ..core.cases import CaseInputs, Quantity, crossroads_segments, distributor_accounts
from ..core.paths import book_path
from ..core.tables import read_table
from ..tools.feedback import calc as feedback
from ..tools.feedback.table import analyze_feedback
from ..tools.kano import calc as kano
from ..tools.lifetime_value import calc
from ..tools.lifetime_value.table import compare_customers
from ..tools.recovery import calc as recovery
from ..tools.satisfaction_targets import table as satisfaction_targets
from ..tools.servqual.table import score_dimensions
from ..tools.turnover_cost import calc as turnover
from ..tools.value_equation import calc as value_equation
from ..tools.work_process import table as work_process
from .scenario.model import Scenario, all_paths, find_scenario, load_scenario

__all__ = ["DERIVED", "value_score"]


def money(value: float, style: str = "") -> Quantity:
    return Quantity(float(value), "money", style)


def share(value: float, style: str = "") -> Quantity:
    return Quantity(float(value), "percent", style)


def count(value: float, style: str = "") -> Quantity:
    return Quantity(float(value), "count", style)


def number(value: float, style: str = "") -> Quantity:
    return Quantity(float(value), "number", style)


def value_score(
    functional: float, emotional: float, social: float, time_cost: float, money_cost: float
) -> float:
    """The course's working model of value: functional + emotional + social − (time + money cost).

    A teaching heuristic (chapter 1), not a published formula: it ranks
    offers scored on the same 1–5 scale, never gives a value in money.

    Examples
    --------
    >>> value_score(5, 4, 3, 2, 4)
    6
    """
    return functional + emotional + social - (time_cost + money_cost)


# ---- the opening case and the distributor's accounts ---------------------------------


def _opening(c: CaseInputs) -> dict[str, Quantity]:
    i = c["opening.discount_rate"]
    out: dict[str, Quantity] = {}
    nets = {}
    for key in ("crestline", "harbor"):
        m, r, cost = (
            c[f"opening.{key}.margin"],
            c[f"opening.{key}.retention"],
            c[f"opening.{key}.cost_to_win"],
        )
        ltv = calc.lifetime_value(m, r, i)
        out[f"opening.{key}.lifetime_value"] = money(ltv)
        out[f"opening.{key}.net_value"] = money(ltv - cost)
        out[f"opening.{key}.margin_multiple"] = number(calc.margin_multiple(r, i), "decimal2")
        out[f"opening.{key}.first_year_certain"] = money(
            calc.lifetime_value(m, r, i, timing="end_of_year")
        )
        out[f"opening.{key}.first_year_certain_net"] = money(
            calc.lifetime_value(m, r, i, timing="end_of_year") - cost
        )
        out[f"opening.{key}.years_in_four"] = count(r * 4)
        nets[key] = ltv - cost
    crest_m, crest_cost = c["opening.crestline.margin"], c["opening.crestline.cost_to_win"]
    out["opening.net_gap"] = money(nets["harbor"] - nets["crestline"])
    out["opening.lifetime_value_gap"] = money(
        out["opening.harbor.lifetime_value"].value - out["opening.crestline.lifetime_value"].value
    )
    breakeven = calc.breakeven_retention(crest_m, nets["harbor"], i, acquisition_cost=crest_cost)
    out["opening.breakeven_retention"] = share(breakeven, "decimal4")
    trial = c["opening.crestline.trial_retention"]
    out["opening.crestline.trial_lifetime_value"] = money(calc.lifetime_value(crest_m, trial, i))
    out["opening.crestline.trial_net_value"] = money(
        calc.lifetime_value(crest_m, trial, i) - crest_cost
    )
    out["opening.crestline.trial_shortfall"] = money(
        nets["harbor"] - (calc.lifetime_value(crest_m, trial, i) - crest_cost)
    )
    # the break-even equation worked by hand: m·r = (target + cost)(1 + i − r)
    needed = nets["harbor"] + crest_cost
    out["opening.breakeven_needed"] = money(needed)
    out["opening.breakeven_coefficient"] = money(crest_m + needed)
    out["opening.breakeven_constant"] = money(needed * (1 + i))
    out["opening.crestline.yearly_margin_times_retention"] = money(
        crest_m * c["opening.crestline.retention"]
    )
    out["opening.crestline.denominator"] = number(
        1 + i - c["opening.crestline.retention"], "decimal2"
    )
    out["opening.harbor.yearly_margin_times_retention"] = money(
        c["opening.harbor.margin"] * c["opening.harbor.retention"]
    )
    out["opening.harbor.denominator"] = number(1 + i - c["opening.harbor.retention"], "decimal2")
    lower = c["opening.harbor.lower_retention"]
    out["opening.harbor.lower_lifetime_value"] = money(
        calc.lifetime_value(c["opening.harbor.margin"], lower, i)
    )
    out["opening.harbor.lower_denominator"] = number(1 + i - lower, "decimal2")
    out["opening.discount_factor"] = number(1 + i, "decimal2")
    return out


def _distributor(c: CaseInputs) -> dict[str, Quantity]:
    i = c["opening.discount_rate"]
    out: dict[str, Quantity] = {}
    table = compare_customers(distributor_accounts(c), discount_rate=i)
    keys = ["crestline", "harbor", "cafes", "northgate", "riverside", "summit"]
    for key, row in zip(keys, table.itertuples(), strict=True):
        out[f"distributor.{key}.lifetime_value"] = money(row.lifetime_value)
        out[f"distributor.{key}.net_value"] = money(row.net_value)
        out[f"distributor.{key}.rank"] = count(row.rank, "ordinal")
        out[f"distributor.{key}.margin_multiple"] = number(
            calc.margin_multiple(row.retention_rate, i), "number"
        )
    out["distributor.crestline.margin_rank"] = count(
        int((table["annual_margin"] > table["annual_margin"].iloc[0]).sum()) + 1, "ordinal"
    )
    gross = c["distributor.cafes.revenue"] - c["distributor.cafes.cost_of_goods"]
    cafes = table.iloc[keys.index("cafes")]
    out["distributor.cafes.gross_margin"] = money(gross)
    out["distributor.cafes.margin"] = money(cafes["annual_margin"])
    out["distributor.cafes.retention_year_before"] = number(
        c["distributor.cafes.stayed_year_before"] / c["distributor.cafes.start_year_before"],
        "decimal3",
    )
    out["distributor.cafes.retention_last_year"] = number(
        c["distributor.cafes.stayed_last_year"] / c["distributor.cafes.start_last_year"], "decimal2"
    )
    out["distributor.cafes.expected_life"] = number(
        1 / (1 - c["distributor.cafes.retention"]), "decimal1"
    )
    out["distributor.cafes.denominator"] = number(
        1 + i - c["distributor.cafes.retention"], "decimal2"
    )
    better = c["distributor.cafes.better_retention"]
    better_value = calc.lifetime_value(cafes["annual_margin"], better, i)
    out["distributor.cafes.better_lifetime_value"] = money(better_value)
    out["distributor.cafes.better_gain"] = money(better_value - cafes["lifetime_value"])
    low = c["distributor.riverside.lower_retention"]
    out["distributor.riverside.lower_lifetime_value"] = money(
        calc.lifetime_value(c["distributor.riverside.margin"], low, i)
    )
    out["distributor.riverside.lower_denominator"] = number(1 + i - low, "decimal2")
    out["distributor.northgate.margin_ratio"] = number(
        c["distributor.northgate.margin"] / c["distributor.riverside.margin"], "decimal1"
    )
    m, r, cost = (
        c["distributor.caterer.margin"],
        c["distributor.caterer.retention"],
        c["distributor.caterer.cost_to_win"],
    )
    cater = calc.lifetime_value(m, r, i)
    out["distributor.caterer.margin_multiple"] = number(calc.margin_multiple(r, i), "decimal2")
    out["distributor.caterer.denominator"] = number(1 + i - r, "decimal2")
    out["distributor.caterer.lifetime_value"] = money(cater, "dollars")
    out["distributor.caterer.net_value"] = money(cater - cost, "dollars")
    out["distributor.caterer.rank"] = count(
        int((table["net_value"] > cater - cost).sum()) + 1, "ordinal"
    )
    return out


def _worked(c: CaseInputs) -> dict[str, Quantity]:
    m, r, i = c["worked.margin"], c["worked.retention"], c["worked.discount_rate"]
    out: dict[str, Quantity] = {}
    base = calc.lifetime_value(m, r, i)
    out["worked.lifetime_value"] = money(base, "cents")
    out["worked.margin_multiple"] = number(calc.margin_multiple(r, i), "decimal2")
    out["worked.denominator"] = number(1 + i - r, "decimal1")
    out["worked.year1"] = money(m * r / (1 + i), "cents")
    out["worked.year2"] = money(m * r**2 / (1 + i) ** 2, "cents")
    out["worked.ten_years"] = money(
        calc.lifetime_value(m, r, i, horizon=int(c["worked.years"])), "cents"
    )
    out["worked.end_of_year"] = money(calc.lifetime_value(m, r, i, timing="end_of_year"), "cents")
    out["worked.upfront"] = money(calc.lifetime_value(m, r, i, timing="upfront"), "cents")
    out["worked.convention_spread"] = share(
        calc.lifetime_value(m, r, i, timing="upfront") / base - 1, "percent0"
    )
    for key in ("better", "best"):
        rate = c[f"worked.{key}_retention"]
        value = calc.lifetime_value(m, rate, i)
        out[f"worked.{key}_lifetime_value"] = money(value)
        out[f"worked.{key}_rise"] = share(value / base - 1)
        out[f"worked.{key}_gain"] = money(value - base, "cents")
        out[f"worked.{key}_expected_life"] = number(1 / (1 - rate), "decimal1")
        out[f"worked.{key}_defection"] = share(1 - rate)
    out["worked.defection"] = share(1 - r)
    out["worked.retention_ratio_rise"] = share(c["worked.best_retention"] / r - 1)
    out["worked.best_rise_fraction"] = number(out["worked.best_rise"].value, "decimal4")
    out["worked.expected_life"] = number(1 / (1 - r), "number")
    out["worked.undiscounted_screen"] = money(m / (1 - r), "dollars")
    higher = calc.lifetime_value(c["worked.higher_margin"], r, i)
    out["worked.higher_margin_lifetime_value"] = money(higher, "cents")
    out["worked.higher_margin_gain"] = money(higher - base, "cents")
    out["worked.higher_margin_rise"] = share(c["worked.higher_margin"] / m - 1)
    out["worked.retention_vs_margin"] = number(
        (out["worked.better_gain"].value) / (higher - base), "decimal1"
    )
    out["worked.berger_nasr"] = money(
        calc.berger_nasr(m, c["worked.promotion_cost"], r, i, int(c["worked.promotion_years"])),
        "cents",
    )
    return out


def _clv_exercise(c: CaseInputs) -> dict[str, Quantity]:
    m, r, i = c["clv_exercise.margin"], c["clv_exercise.retention"], c["clv_exercise.discount_rate"]
    return {
        "clv_exercise.lifetime_value": money(calc.lifetime_value(m, r, i), "cents"),
        "clv_exercise.margin_times_retention": money(m * r, "cents"),
        "clv_exercise.denominator": number(1 + i - r, "decimal2"),
        "clv_exercise.margin_multiple": number(calc.margin_multiple(r, i), "decimal2"),
        "clv_exercise.upfront": money(calc.lifetime_value(m, r, i, timing="upfront"), "cents"),
        "clv_exercise.end_of_year": money(
            calc.lifetime_value(m, r, i, timing="end_of_year"), "cents"
        ),
        "clv_exercise.undiscounted": money(m * r / (1 - r), "cents"),
    }


# ---- chapter 1: Greenleaf ------------------------------------------------------------


def _greenleaf(c: CaseInputs) -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    for who in ("homeowner", "gardener"):
        totals = {}
        for store in ("big_box", "greenleaf"):
            p = f"greenleaf.{who}.{store}"
            total = value_score(
                c[f"{p}.functional"],
                c[f"{p}.emotional"],
                c[f"{p}.social"],
                c[f"{p}.time_cost"],
                c[f"{p}.money_cost"],
            )
            totals[store] = total
            out[f"{p}.total"] = number(total, "signed" if total < 0 else "number")
            out[f"{p}.costs"] = count(c[f"{p}.time_cost"] + c[f"{p}.money_cost"])
        out[f"greenleaf.{who}.difference"] = count(
            abs(totals["greenleaf"] - totals["big_box"]), "word"
        )
    out["greenleaf.cards_per_day"] = count(math.floor(c["greenleaf.customers"] / 365), "word")
    kim = (
        c["greenleaf.kim.plant_margin"]
        + c["greenleaf.kim.related_margin"]
        + c["greenleaf.kim.referrals"] * c["greenleaf.kim.referral_margin"]
    )
    out["greenleaf.kim.total"] = money(kim)
    out["greenleaf.kim.plant_share"] = share(c["greenleaf.kim.plant_margin"] / kim, "percent0")
    out["greenleaf.kim.referral_total"] = money(
        c["greenleaf.kim.referrals"] * c["greenleaf.kim.referral_margin"]
    )
    per_new = c["greenleaf.flyers.spend"] / c["greenleaf.flyers.new_customers"]
    kept = (
        c["greenleaf.retention_effort.return_rate_after"]
        - c["greenleaf.retention_effort.return_rate_before"]
    ) * c["greenleaf.retention_effort.customers"]
    per_kept = c["greenleaf.retention_effort.spend"] / kept
    out["greenleaf.cost_per_new"] = money(per_new)
    out["greenleaf.customers_kept"] = count(kept)
    out["greenleaf.cost_per_kept"] = money(per_kept)
    out["greenleaf.win_keep_ratio"] = number(per_new / per_kept, "number")
    s = "greenleaf.software"
    won = c[f"{s}.acquisition_spend"] / c[f"{s}.customers_won"]
    kept_sw = (c[f"{s}.lost_before"] - c[f"{s}.lost_after"]) * c[f"{s}.customers"]
    out[f"{s}.cost_per_new"] = money(won)
    out[f"{s}.customers_kept"] = count(kept_sw)
    out[f"{s}.cost_per_kept"] = money(c[f"{s}.retention_spend"] / kept_sw)
    out[f"{s}.ratio"] = number(won / (c[f"{s}.retention_spend"] / kept_sw), "number")
    out[f"{s}.churn_cut"] = share(c[f"{s}.lost_before"] - c[f"{s}.lost_after"], "points")
    return out


# ---- chapter 2: Brightwater ----------------------------------------------------------


def _brightwater(c: CaseInputs) -> dict[str, Quantity]:
    i = c["brightwater.discount_rate"]
    out: dict[str, Quantity] = {}
    nets = {}
    for key in ("coupon", "commuter", "employer"):
        m, r, cost = (
            c[f"brightwater.{key}.margin"],
            c[f"brightwater.{key}.retention"],
            c[f"brightwater.{key}.cost_to_win"],
        )
        ltv = calc.lifetime_value(m, r, i)
        out[f"brightwater.{key}.lifetime_value"] = money(
            ltv, "" if abs(ltv - round(ltv)) < 0.005 else "cents"
        )
        out[f"brightwater.{key}.net_value"] = money(ltv - cost)
        out[f"brightwater.{key}.margin_times_retention"] = money(m * r)
        out[f"brightwater.{key}.denominator"] = number(1 + i - r, "decimal1")
        nets[key] = ltv - cost
    out["brightwater.campaign_loss"] = money(
        -nets["coupon"] * c["brightwater.campaign_customers"], "dollars1000"
    )
    out["brightwater.coupons_covered"] = count(
        math.floor(nets["commuter"] / -nets["coupon"]), "word"
    )
    out["brightwater.dev.loss"] = money(
        c["brightwater.dev.cost_to_serve"] - c["brightwater.dev.margin"]
    )
    for feature in ("loaner", "two_day_repair", "brake_check", "online_booking"):
        p = f"brightwater.{feature}"
        a, o, m, ind = (
            c[f"{p}.attractive"],
            c[f"{p}.one_dimensional"],
            c[f"{p}.must_be"],
            c[f"{p}.indifferent"],
        )
        better, worse = kano.better_worse(int(a), int(o), int(m), int(ind))
        out[f"{p}.better"] = number(better, "decimal2")
        out[f"{p}.worse"] = number(worse, "decimal2")
        out[f"{p}.counted"] = count(a + o + m + ind)
        out[f"{p}.better_top"] = count(a + o)
        out[f"{p}.worse_top"] = count(o + m)
        out[f"{p}.answers"] = count(a + o + m + ind + c[f"{p}.reverse"] + c[f"{p}.questionable"])
        out[f"{p}.reverse_or_questionable"] = count(c[f"{p}.reverse"] + c[f"{p}.questionable"])
    for option in ("current", "loaner", "two_day", "price_cut"):
        p = f"brightwater.options.{option}"
        index = value_equation.value_index(
            c[f"{p}.results"], c[f"{p}.process_quality"], c[f"{p}.price"], c[f"{p}.other_costs"]
        )
        out[f"{p}.index"] = number(index, "decimal2")
        out[f"{p}.index_excess"] = share(index - 1, "percent0")
    commuter_value = calc.lifetime_value(
        c["brightwater.commuter.margin"], c["brightwater.commuter.retention"], i
    )
    out["brightwater.loaner_bikes.commuters_to_keep"] = number(
        c["brightwater.loaner_bikes.yearly_cost"] / commuter_value, "decimal1"
    )
    return out


# ---- chapter 4: Northfield -----------------------------------------------------------


def _walk(c: CaseInputs, prefix: str) -> dict[str, float]:
    names = [name for name in c.numbers if name.startswith(prefix + ".")]
    steps = pd.DataFrame(
        {
            "step": [name.rsplit(".", 1)[1] for name in names],
            "minutes": [c[name] for name in names],
            "adds_value": [
                "yes" if name.rsplit(".", 1)[1] in {"diagnosis", "repair"} else "no"
                for name in names
            ],
            "fail_point": ["no"] * len(names),
        }
    )
    return work_process.process_summary(steps)


def _northfield(c: CaseInputs) -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    example = turnover.course_example()
    cost = turnover.turnover_cost(**example)
    salary = example["salary"]
    out["northfield.salary"] = money(salary)
    for category in turnover.CATEGORIES:
        out[f"northfield.turnover.{category}"] = money(cost.amount(category), "dollars")
    out["northfield.turnover.total"] = money(cost.total, "dollars10")
    out["northfield.turnover.share_of_salary"] = share(cost.share_of_salary, "percent0")
    out["northfield.weekly_pay"] = money(salary / 52, "cents")
    weeks, productivity = (
        example["weeks_to_full_productivity"],
        example["productivity_while_learning"],
    )
    out["northfield.weeks_to_full_productivity"] = count(weeks)
    out["northfield.productivity_while_learning"] = share(productivity)
    departures = c["northfield.departures"]
    out["northfield.departures_cost"] = money(departures * cost.total, "dollars100")
    out["northfield.departures_in_salaries"] = number(departures * cost.total / salary, "decimal1")
    out["northfield.departure_share"] = share(departures / c["northfield.agents"], "percent0")
    faster = turnover.learning_curve_cost(salary, c["northfield.trained_weeks"], productivity)
    saving = cost.amount("learning_curve") - faster
    out["northfield.faster_learning_curve"] = money(faster, "dollars")
    out["northfield.training_saving"] = money(saving, "dollars")
    out["northfield.training_saving_per_year"] = money(saving * departures, "dollars10")
    out["northfield.weeks_saved"] = count(weeks - c["northfield.trained_weeks"], "word")
    before, after = _walk(c, "northfield.walk"), _walk(c, "northfield.redesign")
    out["northfield.walk.total"] = count(before["total_minutes"])
    out["northfield.walk.value_added"] = count(before["value_added_minutes"])
    out["northfield.walk.value_added_share"] = share(before["value_added_share"], "percent0")
    out["northfield.walk.wait_share"] = share(
        c["northfield.walk.wait_at_home"] / before["total_minutes"], "percent0"
    )
    out["northfield.redesign.total"] = count(after["total_minutes"])
    out["northfield.redesign.value_added"] = count(after["value_added_minutes"])
    out["northfield.redesign.value_added_share"] = share(after["value_added_share"], "percent0")
    out["northfield.redesign.time_saved_share"] = share(
        1 - after["total_minutes"] / before["total_minutes"], "percent0"
    )
    return out


# ---- chapter 5 and service recovery: Halden ------------------------------------------


def _nps(c: CaseInputs, prefix: str, out: dict[str, Quantity]) -> None:
    p, n, d = (int(c[f"{prefix}.{group}"]) for group in ("promoters", "passives", "detractors"))
    total = p + n + d
    out[f"{prefix}.score"] = number(feedback.nps_from_counts(p, n, d), "signed")
    out[f"{prefix}.answers"] = count(total)
    out[f"{prefix}.promoter_share"] = share(p / total)
    out[f"{prefix}.detractor_share"] = share(d / total)
    out[f"{prefix}.one_answer"] = share(1 / total)
    out[f"{prefix}.one_move"] = number(
        200 / total, "number"
    )  # one detractor becoming a promoter moves the score this much


def _halden(c: CaseInputs) -> dict[str, Quantity]:
    i = c["halden.discount_rate"]
    out: dict[str, Quantity] = {}
    for month in ("nps_march", "nps_april"):
        _nps(c, f"halden.{month}", out)
    out["halden.nps_change"] = number(
        out["halden.nps_april.score"].value - out["halden.nps_march.score"].value, "number"
    )
    out["halden.nps_movers"] = count(
        c["halden.nps_march.detractors"] - c["halden.nps_april.detractors"], "word"
    )
    values = {}
    for key in ("contract", "repair"):
        m, r = c[f"halden.{key}.margin"], c[f"halden.{key}.retention"]
        values[key] = calc.lifetime_value(m, r, i)
        out[f"halden.{key}.lifetime_value"] = money(values[key])
        out[f"halden.{key}.denominator"] = number(1 + i - r, "decimal1")
    basic = recovery.recovery_break_even(
        c["halden.recovery.cost"], values["contract"], c["halden.recovery.share_leaving"]
    )
    _recovery(out, "halden.recovery", basic)
    package_cost = c["halden.recovery.cost"] + c["halden.failed_repair.service_cost"]
    out["halden.failed_repair.package_cost"] = money(package_cost)
    package = recovery.recovery_break_even(
        package_cost, values["contract"], c["halden.failed_repair.share_leaving"]
    )
    _recovery(out, "halden.failed_repair", package)
    basic_after_repair = recovery.recovery_break_even(
        c["halden.recovery.cost"], values["contract"], c["halden.failed_repair.share_leaving"]
    )
    _recovery(out, "halden.failed_repair.basic", basic_after_repair)
    credit_only = recovery.recovery_break_even(c["halden.recovery.credit"], values["repair"], 1.0)
    out["halden.repair.credit_can_pay"] = count(int(credit_only.can_pay))
    out["halden.repair.credit_over_value"] = share(
        c["halden.recovery.credit"] / values["repair"], "percent0"
    )
    return out


def _feedback_sample(c: CaseInputs) -> dict[str, Quantity]:
    """Figures of the feedback worksheet's sample file, which the listening-posts steps describe."""
    answers = read_table(book_path("apply", "tools", "data", "feedback-sample.csv"))
    table = analyze_feedback(answers, by="segment").set_index("group")
    out: dict[str, Quantity] = {}
    segments = [name for name in table.index if name != "All responses"]
    out["feedback_sample.answers"] = count(table.loc["All responses", "responses"])
    for name in segments:
        key = "contract" if "contract" in name.lower() else "repair"
        out[f"feedback_sample.{key}.answers"] = count(table.loc[name, "responses"])
        out[f"feedback_sample.{key}.nps"] = number(table.loc[name, "nps"], "signed")
        out[f"feedback_sample.{key}.one_answer"] = share(
            1 / table.loc[name, "responses"], "percent1"
        )
    return out


def _recovery(out: dict[str, Quantity], prefix: str, result: recovery.RecoveryBreakEven) -> None:
    out[f"{prefix}.required_cut"] = share(result.required_cut, "points1")
    out[f"{prefix}.cost_over_value"] = share(result.required_cut, "percent1")
    out[f"{prefix}.can_pay"] = count(int(result.can_pay))
    out[f"{prefix}.most_it_may_cost"] = money(result.most_it_may_cost, "cents")
    if result.can_pay:
        out[f"{prefix}.share_of_leavers_to_keep"] = share(
            result.share_of_leavers_to_keep or 0.0, "percent0"
        )
        out[f"{prefix}.leaving_rate_after"] = share(result.leaving_rate_after or 0.0, "percent1")


# ---- chapter 6: Crossroads -----------------------------------------------------------


def _crossroads(c: CaseInputs) -> dict[str, Quantity]:
    i = c["crossroads.discount_rate"]
    out: dict[str, Quantity] = {}
    segments = crossroads_segments(c)
    plan = satisfaction_targets.plan_targets(segments, discount_rate=i).set_index("segment")
    what_if = satisfaction_targets.what_if_retention(
        segments, c["crossroads.retention_gain"], discount_rate=i
    ).set_index("segment")
    keys = c.group("crossroads.segments")
    satisfied = respondents = margin_total = 0.0
    for key, name in zip(keys, segments["segment"], strict=True):
        p = f"crossroads.segments.{key}"
        row = plan.loc[name]
        out[f"{p}.lifetime_value"] = money(row["lifetime_value"])
        out[f"{p}.value_at_stake"] = money(row["value_at_stake"])
        out[f"{p}.value_not_totally_satisfied"] = money(row["value_not_totally_satisfied"])
        out[f"{p}.customers_to_move"] = count(row["customers_to_move"])
        out[f"{p}.priority"] = count(row["priority"])
        out[f"{p}.rated_low"] = share(1 - c[f"{p}.rated_5"] - c[f"{p}.rated_4"])
        out[f"{p}.rated_4_or_5"] = share(c[f"{p}.rated_5"] + c[f"{p}.rated_4"])
        out[f"{p}.top_box_customers"] = count(c[f"{p}.customers"] * c[f"{p}.rated_5"])
        out[f"{p}.gain_per_customer"] = money(what_if.loc[name, "gain_per_customer"])
        out[f"{p}.gain_for_segment"] = money(what_if.loc[name, "gain_for_segment"])
        out[f"{p}.retention_after_gain"] = share(what_if.loc[name, "retention_after"])
        out[f"{p}.lifetime_value_after_gain"] = money(what_if.loc[name, "lifetime_value_after"])
        satisfied += c[f"{p}.customers"] * (c[f"{p}.rated_5"] + c[f"{p}.rated_4"])
        respondents += c[f"{p}.customers"]
        margin_total += c[f"{p}.customers"] * c[f"{p}.margin"]
    out["crossroads.customers"] = count(respondents)
    out["crossroads.rated_4_or_5"] = share(satisfied / respondents, "percent0")
    fleet = "crossroads.segments.fleets"
    out["crossroads.fleet_margin_share"] = share(
        c[f"{fleet}.customers"] * c[f"{fleet}.margin"] / margin_total, "percent0"
    )
    out["crossroads.fleets_before"] = count(c[f"{fleet}.customers"] + c["crossroads.fleets_lost"])
    out["crossroads.fleets_lost_share"] = share(
        c["crossroads.fleets_lost"] / (c[f"{fleet}.customers"] + c["crossroads.fleets_lost"]),
        "percent0",
    )
    out["crossroads.fleet_lost_value"] = money(
        c["crossroads.fleets_lost"] * plan.loc[segments["segment"].iloc[0], "lifetime_value"]
    )
    for key in ("nps_q1", "nps_q2", "workshop_a", "workshop_b"):
        _nps(c, f"crossroads.{key}", out)
    out["crossroads.nps_change"] = number(
        out["crossroads.nps_q2.score"].value - out["crossroads.nps_q1.score"].value, "number"
    )
    out["crossroads.nps_movers"] = count(
        c["crossroads.nps_q1.detractors"] - c["crossroads.nps_q2.detractors"], "word"
    )
    dims = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]
    scores = score_dimensions(
        [c[f"crossroads.servqual.{d}.expected"] for d in dims],
        [c[f"crossroads.servqual.{d}.perceived"] for d in dims],
        [c[f"crossroads.servqual.{d}.points"] for d in dims],
    )
    for k, d in enumerate(dims):
        out[f"crossroads.servqual.{d}.gap"] = number(scores["gap"].iloc[k], "signed")
        out[f"crossroads.servqual.{d}.weighted_gap"] = number(
            scores["weighted_gap"].iloc[k], "signed2"
        )
    out["crossroads.servqual.average_gap"] = number(scores["gap"].iloc[-1], "signed2")
    out["crossroads.servqual.weighted_total"] = number(scores["weighted_gap"].iloc[-1], "signed2")
    out["crossroads.first_time_fix.gap"] = number(
        c["crossroads.first_time_fix.perceived"] - c["crossroads.first_time_fix.expected"], "signed"
    )
    return out


def _nps_examples(c: CaseInputs) -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    for key in ("survey", "branch_a", "branch_b"):
        _nps(c, f"nps_examples.{key}", out)
    n = c["nps_examples.small_sample"]
    out["nps_examples.small_sample_one_answer"] = share(1 / n)
    out["nps_examples.small_sample_one_move"] = number(
        100 * 2 / n, "number"
    )  # one customer from 6 to 9
    return out


def _scenario(c: CaseInputs) -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    harbor = calc.lifetime_value(
        c["opening.harbor.margin"], c["opening.harbor.retention"], c["opening.discount_rate"]
    )
    courier = recovery.recovery_break_even(c["scenario.courier_cost"], harbor, 1.0)
    out["scenario.courier_required_cut"] = share(courier.required_cut, "percent1")
    out["scenario.courier_share_of_value"] = share(c["scenario.courier_cost"] / harbor, "percent1")
    out["scenario.harbor_lifetime_value"] = money(harbor, "dollars1000")
    return out


def _recovery_rule(c: CaseInputs) -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    result = recovery.recovery_break_even(
        c["recovery_rule.cost"], c["recovery_rule.lifetime_value"], c["recovery_rule.share_leaving"]
    )
    _recovery(out, "recovery_rule", result)
    return out


def _late_delivery(c: CaseInputs) -> dict[str, Quantity]:
    """Facts about the scenario's paths, for the answer keys (computed by walking every path).

    Only the story's shape counts here (its paths, points and endings), so it is read
    without writing the case figures into its text: those figures may be these very ones.
    """
    story = load_scenario(find_scenario("late-delivery"))
    paths = all_paths(story)
    out: dict[str, Quantity] = {
        "late_delivery.paths": count(len(paths)),
        "late_delivery.max_points": count(max(points for _, _, points in paths)),
        "late_delivery.decision_points": count(len(story.decision_points), "word"),
        "late_delivery.endings": count(len(story.endings), "word"),
        "late_delivery.fewest_decisions": count(min(len(path) for path, _, _ in paths), "word"),
        "late_delivery.most_decisions": count(max(len(path) for path, _, _ in paths), "word"),
    }
    for ending in story.endings:
        scores = [points for _, end, points in paths if end == ending]
        key = ending.replace("-", "_")
        out[f"late_delivery.ending.{key}.min_points"] = count(min(scores))
        out[f"late_delivery.ending.{key}.max_points"] = count(max(scores))
    for node in story.nodes.values():
        for index, choice in enumerate(node.choices):
            if not choice.id:
                continue
            key = choice.id.replace("-", "_")
            out[f"late_delivery.choice.{key}.points"] = count(choice.points)
            through = [points for path, _, points in paths if _takes(story, path, node.id, index)]
            out[f"late_delivery.choice.{key}.max_points"] = count(max(through))
    return out


def _takes(story: Scenario, path: list[int], node_id: str, index: int) -> bool:
    node = story.nodes[story.start]
    for step in path:
        if node.id == node_id and step == index:
            return True
        node = story.nodes[node.choices[step].next]
    return False


#: Derived figures by case: the function that computes a case's figures from the inputs.
DERIVED: dict[str, Callable[[CaseInputs], dict[str, Quantity]]] = {
    "opening": _opening,
    "distributor": _distributor,
    "worked": _worked,
    "clv_exercise": _clv_exercise,
    "greenleaf": _greenleaf,
    "brightwater": _brightwater,
    "northfield": _northfield,
    "halden": _halden,
    "crossroads": _crossroads,
    "nps_examples": _nps_examples,
    "scenario": _scenario,
    "recovery_rule": _recovery_rule,
    "feedback_sample": _feedback_sample,
    "late_delivery": _late_delivery,
}
