"""Every number in the question banks is accounted for, and every derived one is recomputed.

Each question that quotes a figure is listed in ``NUMBERS`` with what its
figures are:

- ``inputs``: the figures the case gives (invented for teaching);
- ``answer`` and ``mistakes``: a numeric question's answer and the values of
  its likely mistakes, computed here from the inputs with the package's own
  functions (``customer_focus.tools.lifetime_value.calc``, ``feedback``, ``kano``, ``servqual``,
  ``turnover``, the ``calc`` and ``table`` of ``tools.value_equation``,
  ``tools.satisfaction_targets`` and ``tools.work_process``) or with plain arithmetic where
  the package has none;
- ``derived``: the other figures the text quotes that follow from the inputs
  (intermediate steps, shares, totals), computed the same way;
- ``published``: figures quoted from a source (cited in the bank), and
  folklore figures quoted as mistakes.

The tests then read the banks' own text and check that every money amount,
percentage, decimal, signed number and number of points in it is one of
these, at the precision it is written (within 1% after "about", "≈",
"some" or "near"); that every input appears in the question; that every
derived figure is quoted; that each numeric answer and each mistake matches
its computed value. A question that quotes a figure without being listed
fails, so a new figure cannot slip in unchecked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
import yaml

from customer_focus.tools.feedback import calc as feedback
from customer_focus.tools.kano import calc as kano
from customer_focus.tools.lifetime_value import calc as clv
from customer_focus.tools.recovery.calc import recovery_break_even
from customer_focus.tools.satisfaction_targets import calc as targets_calc
from customer_focus.tools.satisfaction_targets import table as targets_table
from customer_focus.tools.servqual import table as servqual
from customer_focus.tools.turnover_cost import calc as turnover
from customer_focus.tools.value_equation import calc as value_equation
from customer_focus.tools.work_process import table as work_process

BANKS = Path(__file__).resolve().parents[3] / "book" / "quizzes"

#: Numbers any question may show without explanation: the ends of scales and ranges.
GENERIC = (0, 1, 100)


@dataclass(frozen=True)
class Numbers:
    """What the figures of one question are (see the module docstring)."""

    inputs: tuple[float, ...] = ()
    derived: tuple[float, ...] = ()
    answer: float | None = None
    mistakes: tuple[float, ...] = ()
    published: tuple[float, ...] = ()

    def known(self) -> list[float]:
        """Every figure the question may quote."""
        values = [*self.inputs, *self.derived, *self.mistakes, *self.published, *GENERIC]
        return values if self.answer is None else [*values, self.answer]


def N(inputs=(), derived=(), answer=None, mistakes=(), published=()) -> Numbers:  # noqa: N802 - reads like a table
    return Numbers(tuple(inputs), tuple(derived), answer, tuple(mistakes), tuple(published))


def nps(promoters: int, passives: int, detractors: int) -> float:
    return feedback.nps_from_counts(promoters, passives, detractors)


def ltv(margin: float, retention: float, discount: float, timing: str = "after_renewal") -> float:
    return clv.lifetime_value(margin, retention, discount, timing=timing)


# ---- the chapter banks ----------------------------------------------------------------------


def _cl_own_ratio() -> Numbers:
    won, kept = 60000 / 120, 20000 / 80
    return N(
        [60000, 120, 20000, 80], [won, kept], won / kept, [kept / won, 60000 / 20000], published=[5]
    )


def _tc_net_value() -> Numbers:
    m, r, i, cost = 40, 0.5, 0.10, 50
    value = ltv(m, r, i)
    undiscounted = m * r / (1 - r)
    return N(
        [cost, m, r, i],
        [m * r, 1 + i, 1 + i - r, value, undiscounted],
        value - cost,
        [value, undiscounted - cost, cost - value],
    )


def _tc_better() -> Numbers:
    a, o, m, i, rev, q = 30, 20, 10, 20, 10, 10
    assert a + o + m + i + rev + q == 100  # "100 customers"
    better, worse = kano.better_worse(a, o, m, i)
    return N(
        [100, a, o, m, i, rev, q],
        [a + o, a + o + m + i],
        better,
        [(a + o) / (a + o + m + i + rev + q), a / (a + o + m + i), worse],
    )


def _clv_value_of_a_customer() -> Numbers:
    m, r, i = 200, 0.75, 0.10
    return N(
        [m, r, i],
        [m * r, 1 + i, 1 + i - r, clv.margin_multiple(r, i)],
        ltv(m, r, i),
        [ltv(m, r, i, "upfront"), ltv(m, r, i, "end_of_year"), m * r / (1 - r)],
    )


def _ec_learning_curve() -> Numbers:
    example = turnover.course_example()
    salary, weeks, share = (
        example["salary"],
        example["weeks_to_full_productivity"],
        example["productivity_while_learning"],
    )
    whole = turnover.turnover_cost(**example)
    curve = turnover.learning_curve_cost(salary, weeks, share)
    return N(
        [salary, share, weeks, turnover.WEEKS_PER_YEAR],
        [salary / turnover.WEEKS_PER_YEAR, whole.share_of_salary],
        curve,
        [salary / turnover.WEEKS_PER_YEAR * weeks, salary / 12 * weeks * share, whole.total],
    )


def _kn_nps_compute() -> Numbers:
    p, passive, d = 168, 132, 100
    n = p + passive + d
    return N(
        [n, p, passive, d],
        [p / n, d / n],
        nps(p, passive, d),
        [p - d, 100 * p / n, nps(p + passive, 0, d), nps(p, 0, passive + d)],
    )


def _dv_servqual_gap() -> Numbers:
    expected, perceived = [6, 7, 6, 5], [5, 5, 6, 4]
    gaps = [p - e for p, e in zip(perceived, expected, strict=True)]
    return N(
        [*expected, *perceived], gaps, sum(gaps) / len(gaps), [-sum(gaps) / len(gaps), sum(gaps)]
    )


def _st_top_box() -> Numbers:
    counts = {5: 90, 4: 260, 3: 100, 2: 35, 1: 15}
    answers = [score for score, count in counts.items() for _ in range(count)]
    n = len(answers)
    four_or_five = (counts[5] + counts[4]) / n
    return N(
        [n, *counts.values()],
        [four_or_five],
        100 * targets_calc.top_box_share(answers),
        [100 * four_or_five, 100 * counts[4] / n, 100 * counts[5] / (counts[5] + counts[4])],
    )


# ---- the knowledge check --------------------------------------------------------------------


def _kc_gym_value_model() -> Numbers:
    downtown = {"functional": 3, "emotional": 3, "social": 4, "time": 2, "money": 2}
    riverside = {"functional": 5, "emotional": 4, "social": 2, "time": 4, "money": 3}

    def total(s, *, costs=-1, money_as_benefit=False):
        benefits = s["functional"] + s["emotional"] + s["social"]
        if money_as_benefit:
            return benefits + s["money"] - s["time"]
        return benefits + costs * (s["time"] + s["money"])

    def benefits(s):
        return total(s, costs=0)

    return N(
        [*downtown.values(), *riverside.values()],
        [
            benefits(downtown),
            benefits(riverside),
            total(downtown, costs=1),
            total(riverside, costs=1),
        ],
        total(downtown) - total(riverside),
        [
            benefits(downtown) - benefits(riverside),
            total(downtown, costs=1) - total(riverside, costs=1),
            total(downtown, money_as_benefit=True) - total(riverside, money_as_benefit=True),
        ],
    )


def _kc_print_client() -> Numbers:
    print_orders, design, referral = 1200, 300, 500
    total = print_orders + design + referral
    missed = design + referral
    return N(
        [print_orders, design, referral],
        [total, missed],
        100 * missed / total,
        [100 * missed / print_orders, 100 * referral / total, 100 * print_orders / total],
    )


def _kc_broker() -> Numbers:
    clients, ads, won, program, before, after = 2000, 45000, 150, 24000, 0.12, 0.10
    kept = round((before - after) * clients)
    cost_won, cost_kept = ads / won, program / kept
    stayed = round((1 - after) * clients)
    return N(
        [clients, ads, won, program, before, after],
        [before - after, cost_won, cost_kept],
        cost_won / cost_kept,
        [cost_kept / cost_won, ads / program, cost_won / (program / stayed)],
        published=[5],
    )


def _kc_language_school() -> Numbers:
    i = 0.10
    groups = {
        "students": (60, 0.5, 40),
        "small firms": (300, 0.7, 400),
        "hobby clubs": (120, 0.8, 150),
    }
    values = [ltv(m, r, i) for m, r, _ in groups.values()]
    nets = [value - cost for value, (_, _, cost) in zip(values, groups.values(), strict=True)]
    assert max(groups, key=lambda name: nets[list(groups).index(name)]) == "hobby clubs"  # the key
    assert (
        max(groups, key=lambda name: values[list(groups).index(name)]) == "small firms"
    )  # the trap
    return N(
        [i, *(x for group in groups.values() for x in group)],
        [*values, *nets, *(1 + i - r for _, r, _ in groups.values())],
    )


def _kc_kiosk() -> Numbers:
    a, o, m, i, rev, q = 6, 10, 16, 6, 1, 1
    better, worse = kano.better_worse(a, o, m, i)
    return N(
        [a + o + m + i + rev + q, a, o, m, i, rev, q],
        [-(o + m), better],
        worse,
        [-(o + m) / (a + o + m + i + rev + q), better, -worse],
    )


def _kc_meal_kit() -> Numbers:
    m, r, i = 180, 0.6, 0.12
    return N(
        [m, r, i],
        [m * r, 1 + i, 1 + i - r, 1 - r, 1 / (1 - r), clv.margin_multiple(r, i)],
        ltv(m, r, i),
        [ltv(m, r, i, "upfront"), ltv(m, r, i, "end_of_year"), m * r / (1 - r), m / (1 - r)],
    )


def _kc_keep_or_win() -> Numbers:
    i = 0.10
    existing = ltv(20000, 0.8, i)
    prospect_value = ltv(32000, 0.75, i)
    prospect = prospect_value - 12000
    # "at 73% retention the prospect would be worth less than the account you already have"
    breakeven = clv.breakeven_retention(32000, existing, i, acquisition_cost=12000)
    below = math.floor(breakeven * 100) / 100
    assert ltv(32000, below, i) - 12000 < existing < ltv(32000, below + 0.01, i) - 12000
    return N(
        [15000, 20000, 0.8, 32000, 0.75, 12000, i],
        [existing, prospect_value, prospect, 1 + i - 0.8, 1 + i - 0.75, below],
        prospect - existing,
        [prospect - (existing - 15000), prospect_value - existing],
    )


def _kc_vendor() -> Numbers:
    kept = 0.90
    return N([kept, 5], [kept * 1.05, 1 - kept], published=[25, 85, 95, 30, 50])


def _kc_florist() -> Numbers:
    m, i, cancel, cut = 100, 0.10, 0.30, 0.05
    before, after = 1 - cancel, 1 - cancel + cut
    relative = before * (1 + cut)
    rise = 100 * (ltv(m, after, i) / ltv(m, before, i) - 1)
    return N(
        [m, i, cancel],
        [
            before,
            after,
            1 - after,
            1 + i - before,
            1 + i - after,
            ltv(m, before, i),
            ltv(m, after, i),
            relative,
        ],
        rise,
        [
            5,
            100 * (after / before - 1),
            100 * (ltv(m, relative, i) / ltv(m, before, i) - 1),
            100 * ((1 / (1 - after)) / (1 / (1 - before)) - 1),
        ],
    )


def _kc_picker() -> Numbers:
    salary, weeks, share = 41600, 8, 0.6
    lines = {
        "exit_interview": 250,
        "overtime_or_temps": 1800,
        "advertising": 1200,
        "trainee_time": 900,
    }
    cost = turnover.turnover_cost(
        salary, weeks_to_full_productivity=weeks, productivity_while_learning=share, **lines
    )
    week = salary / turnover.WEEKS_PER_YEAR
    curve = turnover.learning_curve_cost(salary, weeks, share)
    given = sum(lines.values())
    return N(
        [salary, *lines.values(), share, weeks],
        [week, 1 - share, curve, cost.share_of_salary],
        cost.total,
        [given, given + week * weeks * share, given + week * weeks],
    )


def _kc_two_jobs() -> Numbers:
    return N(
        [34000, 8840, 95000, 71250], [8840 / 34000, 71250 / 95000], published=[21, 16, 30000, 213]
    )


def _kc_clinic_nps() -> Numbers:
    gave = {10: 30, 9: 24, 8: 18, 7: 12, 6: 14, "5 or less": 22}
    n = sum(gave.values())
    promoters, passives, detractors = (
        gave[10] + gave[9],
        gave[8] + gave[7],
        gave[6] + gave["5 or less"],
    )
    return N(
        [n, *gave.values()],
        [promoters / n, detractors / n],
        nps(promoters, passives, detractors),
        [
            nps(promoters, passives + gave[6], gave["5 or less"]),
            nps(promoters + gave[8], gave[7], detractors),
            promoters - detractors,
            100 * promoters / n,
        ],
    )


def _kc_two_patients() -> Numbers:
    n = 40
    one = 100 / n
    # one patient of 40 moving from detractor to promoter, then two
    return N([10, 20, n], [one, nps(6, 30, 4) - nps(5, 30, 5), nps(7, 30, 3) - nps(5, 30, 5)])


def _kc_web_form() -> Numbers:
    return N([300, 180], [(300 - 180) / 300], published=[4, 69])


def _kc_word_of_mouth() -> Numbers:
    satisfied, ratio = 4, 2  # TARP's summary: about twice as many people (Goodman et al. 2000)
    return N([5, 11, satisfied], [], ratio * satisfied, [satisfied * 11 / 5], published=[11, 26])


def _kc_dry_cleaner() -> Numbers:
    today, delivery, discount = (6, 5, 5, 6), (6, 7, 5, 3), (6, 5, 4, 6)
    index = {
        name: value_equation.value_index(*scores)
        for name, scores in {"today": today, "delivery": delivery, "discount": discount}.items()
    }
    assert max(index, key=index.get) == "delivery"
    return N(
        [*today, *delivery, *discount, 0.10],
        [*index.values(), index["delivery"] / index["today"] - 1],
    )


def _kc_courier() -> Numbers:
    return N([0.80, 0.15], [0.80 - 0.15])


def _kc_dental_servqual() -> Numbers:
    expected, perceived = [5.1, 6.6, 6.4, 6.0, 5.6], [5.4, 6.2, 5.1, 5.8, 5.7]
    table = servqual.score_dimensions(expected, perceived)
    gaps = table["gap"].tolist()[:5]
    assert table["dimension"].iloc[gaps.index(min(gaps))] == "Responsiveness"
    return N([*expected, *perceived], gaps)


def _kc_printing_cohort() -> Numbers:
    start, won, end, end_won = 60, 15, 63, 12
    stayed = end - end_won
    return N(
        [start, won, end, end_won],
        [stayed / start],
        100 * stayed / start,
        [100 * end / start, 100 * end / (start + won), 100 * (start - stayed) / start],
    )


def _kc_training_plan() -> Numbers:
    hires, salary, extra, before, after, share = 12, 39000, 600, 10, 6, 0.5
    saved = turnover.learning_curve_cost(salary, before, share) - turnover.learning_curve_cost(
        salary, after, share
    )
    week = salary / turnover.WEEKS_PER_YEAR
    return N(
        [hires, salary, extra, before, after, share],
        [week, saved, saved - extra],
        hires * (saved - extra),
        [hires * saved, hires * (week * (before - after) - extra), saved - extra],
    )


def _kc_one_customer_swing() -> Numbers:
    n = 32
    one = 100 / n
    return N([n], [one], nps(5, 20, 7) - nps(4, 20, 8), [one, (5 - 7) - (4 - 8)])


def _kc_branches() -> Numbers:
    north, south = {5: 0.40, 4: 0.20, 3: 0.40}, {5: 0.10, 4: 0.80, 3: 0.10}

    def mean(shares):
        return sum(score * share for score, share in shares.items())

    assert north[5] / south[5] == 4  # "four times South's share"
    return N([*north.values(), *south.values()], [mean(north), mean(south), south[5] + south[4]])


def _kc_recovery_break_even() -> Numbers:
    # The course's own arithmetic (docs/facts.md section 11): pays when (d0 − d1) × V ≥ c.
    cost, value, d0 = 60, 480, 0.25
    fall = recovery_break_even(cost, value, d0).required_cut
    return N(
        [cost, value, d0],
        [fall, d0 - fall],
        100 * fall / d0,
        [100 * fall, value / cost, 100 * fall * d0],
    )


def _kc_recovery_one_in_six() -> Numbers:
    cost, value, d0 = 100, 640, 0.30
    result = recovery_break_even(cost, value, d0)
    fall = result.required_cut
    assert not math.isclose(result.share_of_leavers_to_keep, 1 / 6, abs_tol=0.05)  # not one in six
    return N([cost, value, d0], [fall, result.leaving_rate_after, result.share_of_leavers_to_keep])


def _kc_clinic_walk() -> Numbers:
    steps = pd.DataFrame(
        {
            "step": [
                "Phone queue",
                "Booking",
                "Waiting room",
                "Consultation",
                "Treatment",
                "Payment",
            ],
            "minutes": [6, 4, 45, 20, 25, 10],
            "adds_value": ["no", "no", "no", "yes", "yes", "no"],
            "fail_point": ["no"] * 6,
        }
    )
    summary = work_process.process_summary(steps)
    first = work_process.where_to_improve(steps)["step"].iloc[0]
    assert first == "Waiting room"
    value_added, total = summary["value_added_minutes"], summary["total_minutes"]
    return N(
        steps["minutes"],
        [value_added, total],
        100 * summary["value_added_share"],
        [100 * (1 - summary["value_added_share"]), 100 * value_added / (total - 45), 100 * 2 / 6],
    )


def _kc_weighted_servqual() -> Numbers:
    expected, perceived, points = (
        [5.2, 6.5, 6.0, 6.1, 5.5],
        [5.6, 5.3, 5.2, 6.0, 5.8],
        [10, 30, 30, 15, 15],
    )
    table = servqual.score_dimensions(expected, perceived, points)
    weighted = float(table["weighted_gap"].iloc[-1])
    unweighted = float(table["gap"].iloc[-1])
    return N(
        [*expected, *perceived, *points],
        [*table["gap"].tolist()[:5], *table["weighted_gap"].tolist()[:5], unweighted],
        weighted,
        [unweighted, -weighted, weighted / 5],
    )


def _kc_gym_segments() -> Numbers:
    # Margins and retention rates that give the lifetime values the prompt quotes, through the
    # worksheet.
    segments = pd.DataFrame(
        {
            "segment": ["Corporate members", "Off-peak seniors", "January joiners"],
            "customers": [300, 1200, 2000],
            "annual_margin": [900, 420, 72],
            "retention_rate": [0.8, 0.75, 0.5],
            "top_box_share": [0.20, 0.55, 0.35],
            "target_top_box_share": [0.20, 0.55, 0.35],
        }
    )
    plan = targets_table.plan_targets(segments, discount_rate=0.10)
    assert plan.sort_values("priority")["segment"].iloc[0] == "Corporate members"
    return N(
        [*segments["customers"], *plan["lifetime_value"], *segments["top_box_share"]],
        [
            *plan["value_at_stake"].iloc[1:2],
            *plan["value_not_totally_satisfied"],
            *(1 - segments["top_box_share"]),
            segments["customers"].iloc[2] * (1 - segments["top_box_share"].iloc[2]),
        ],
    )


NUMBERS: dict[str, Callable[[], Numbers]] = {
    # customers-and-loyalty
    "cl-ninety-ten": lambda: N(published=[90, 10]),
    "cl-own-ratio": _cl_own_ratio,
    # targeting-customers
    "tc-net-value": _tc_net_value,
    "tc-net-below-zero": lambda: N([60]),
    "tc-better-coefficient": _tc_better,
    "tc-worse-outweighs-better": lambda: N([0.2, -0.8]),
    # lifetime-value
    "clv-value-of-a-customer": _clv_value_of_a_customer,
    "clv-five-points": lambda: N([0.10, 0.05, 0.80], [0.80 * 1.05], published=[5, 25, 85]),
    "clv-ninety-five-from-2000": lambda: N(published=[25, 95, 85, 50, 30]),
    # employee-capability
    "ec-learning-curve": _ec_learning_curve,
    "ec-shrm-rule": lambda: N(published=[21, 16, 213]),
    "ec-real-cost": lambda: N(published=[36000, 2_500_000, 55]),
    "ec-latitude-rule": lambda: N(published=[2000]),
    # knowing-customers
    "kn-why-feedback": lambda: N([4.5]),
    "kn-nps-compute": _kn_nps_compute,
    "kn-nps-same-score": lambda: N(
        [0.40, 0.40, 0.20, 0.60, 0.40], [nps(40, 40, 20), nps(60, 0, 40)]
    ),
    "kn-nps-evidence": lambda: N(
        [50], [nps(26, 0, 24) - nps(25, 0, 25)]
    ),  # one of 50 answers, detractor to promoter
    "kn-four-percent": lambda: N(published=[4, 96, 69, 32.4]),
    # set-satisfaction-targets
    "st-which-segment": lambda: N([40000, 0.25, 0.60, 2000, 0.50, 0.30]),
    "st-what-level": lambda: N([0.25, 0.60, 0.15, 0.90, 3.9, 4.1, 0.50], [0.25 + 0.60]),
    "st-top-box-share": _st_top_box,
    "st-four-or-five-loophole": lambda: N([0.90]),
    "st-mercenaries": lambda: N([60]),
    "st-hostages": lambda: N([0.96, 9000]),
    "st-what-not-to-do": lambda: N([0.85]),
    # delivering-value
    "dv-trust-latitude": lambda: N(published=[2000]),
    "dv-xerox-reading": lambda: N([0.85]),
    "dv-servqual-gap": _dv_servqual_gap,
    "dv-hostages": lambda: N([0.95]),
    # knowledge-check
    "kc-gym-value-model": _kc_gym_value_model,
    "kc-bakery-pyramid-order": lambda: N([0.10]),
    "kc-vet-clinic-principles": lambda: N([0.01, 25]),
    "kc-print-client-three-rs": _kc_print_client,
    "kc-broker-cost-ratio": _kc_broker,
    "kc-language-school-segments": _kc_language_school,
    "kc-kiosk-worse-coefficient": _kc_kiosk,
    "kc-meal-kit-lifetime-value": _kc_meal_kit,
    "kc-formula-assumptions": lambda: N([0.85, 0.10]),
    "kc-keep-or-win-account": _kc_keep_or_win,
    "kc-vendor-five-percent-claim": _kc_vendor,
    "kc-florist-five-points": _kc_florist,
    "kc-picker-turnover-total": _kc_picker,
    "kc-two-jobs-benchmark": _kc_two_jobs,
    "kc-taco-bell-proof": lambda: N(published=[20]),
    "kc-clinic-nps-buckets": _kc_clinic_nps,
    "kc-two-patients-swing": _kc_two_patients,
    "kc-web-form-complaints": _kc_web_form,
    "kc-word-of-mouth-ratio": _kc_word_of_mouth,
    "kc-dry-cleaner-options": _kc_dry_cleaner,
    "kc-courier-four-or-five": _kc_courier,
    "kc-dental-servqual-focus": _kc_dental_servqual,
    "kc-energy-two-segments": lambda: N([4.7, 0.40, 2.1, 0.95]),
    "kc-printing-retention-cohort": _kc_printing_cohort,
    "kc-worksheet-row-mistakes": lambda: N([4000, 50000, 3000]),
    "kc-training-plan-saving": _kc_training_plan,
    "kc-segment-nps-one-customer": _kc_one_customer_swing,
    "kc-branches-same-mean": _kc_branches,
    "kc-recovery-break-even-share": _kc_recovery_break_even,
    "kc-recovery-one-in-six": _kc_recovery_one_in_six,
    "kc-clinic-visit-walk": _kc_clinic_walk,
    "kc-garage-kano-priorities": lambda: N([0.15, -0.80, 0.70, -0.20, 0.60, -0.65, 0.10, -0.05]),
    "kc-weighted-servqual-score": _kc_weighted_servqual,
    "kc-gym-segments-not-yet": _kc_gym_segments,
}

# ---- reading the banks --------------------------------------------------------------------------

#: A number as the banks write it: an optional sign, an optional (escaped) dollar sign, digits with
#: thousands commas and decimals, and an optional unit (%, million, points).
FIGURE = re.compile(
    r"(?P<sign>[−+](?=\\?\$?\d))?(?P<money>\\?\$)?(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?P<unit>\s?%|\s(?:million|points?)\b)?"
)
ROUGHLY = re.compile(r"(about|≈|some|near|nearly|almost)\s*$")


@dataclass(frozen=True)
class Figure:
    """One figure in a question's text."""

    text: str
    value: float  # as written, without its sign
    decimals: int
    roughly: bool
    checked: bool  # money, a percentage, a decimal, a signed number or a number of points


def _texts(question: dict) -> Iterator[str]:
    for key in ("prompt", "explanation", "if_true", "if_false", "if_correct", "if_incorrect"):
        if question.get(key):
            yield str(question[key])
    for option in question.get("options", []):
        yield str(option["text"])
        yield str(option["feedback"])
    for mistake in question.get("mistakes", []) or []:
        yield str(mistake["feedback"])


def figures(text: str) -> Iterator[Figure]:
    """Every number in a text, with what it looks like."""
    for match in FIGURE.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "._"):
            continue  # part of a word or a longer number
        number = match.group("number").replace(",", "")
        value = float(number) * (
            1_000_000 if (match.group("unit") or "").strip() == "million" else 1
        )
        decimals = len(number.split(".")[1]) if "." in number else 0
        checked = bool(
            match.group("sign") or match.group("money") or match.group("unit") or decimals
        )
        yield Figure(
            match.group(0),
            value,
            decimals,
            bool(ROUGHLY.search(text[max(0, start - 8) : start])),
            checked,
        )


def matches(figure: Figure, values: Iterable[float]) -> bool:
    """Whether the figure is one of the values (or one as a percentage or a share), as written."""
    for value in values:
        for candidate in (abs(value), abs(value) * 100, abs(value) / 100):
            if figure.roughly and math.isclose(candidate, figure.value, rel_tol=0.01):
                return True
            if abs(candidate - figure.value) <= 0.5 * 10**-figure.decimals + 1e-9:
                return True
    return False


def _questions() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(BANKS.glob("*.yml")):
        for question in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            found.append((path.stem, question))
    return found


QUESTIONS = _questions()
BY_ID = {question["id"]: question for _, question in QUESTIONS}


# ---- the tests ----------------------------------------------------------------------------------


def test_every_listed_question_exists():
    assert set(NUMBERS) - set(BY_ID) == set()


def test_every_numeric_question_is_recomputed():
    numeric = {qid for qid, question in BY_ID.items() if question["type"] == "numeric"}
    missing = {qid for qid in numeric if qid not in NUMBERS or NUMBERS[qid]().answer is None}
    assert missing == set(), "numeric questions whose answer is not recomputed here"


@pytest.mark.parametrize(
    "qid", sorted(q for q, question in BY_ID.items() if question["type"] == "numeric")
)
def test_numeric_answer_is_the_computed_value_as_written(qid):
    question, numbers = BY_ID[qid], NUMBERS[qid]()
    written = repr(float(question["answer"]))
    decimals = len(written.split(".")[1].rstrip("0")) if "." in written else 0
    assert abs(question["answer"] - numbers.answer) <= 0.5 * 10**-decimals + 1e-9, (
        question["answer"],
        numbers.answer,
    )
    assert abs(question["answer"] - numbers.answer) <= question["tolerance"]


@pytest.mark.parametrize(
    "qid", sorted(q for q, question in BY_ID.items() if question.get("mistakes"))
)
def test_each_mistake_is_a_computed_wrong_answer_or_a_quoted_folklore_figure(qid):
    question, numbers = BY_ID[qid], NUMBERS[qid]()
    slack = question["tolerance"] + 1e-6
    for mistake in question["mistakes"]:
        computed = [value for value in numbers.mistakes if abs(value - mistake["value"]) <= slack]
        folklore = [value for value in numbers.published if value == mistake["value"]]
        assert computed or folklore, (
            f"{qid}: mistake {mistake['value']} is neither computed nor a quoted figure"
        )
    for value in numbers.mistakes:
        assert any(abs(value - mistake["value"]) <= slack for mistake in question["mistakes"]), (
            f"{qid}: the computed mistake {value:g} is not in the bank"
        )


@pytest.mark.parametrize(
    "bank_and_id", [f"{bank}:{question['id']}" for bank, question in QUESTIONS]
)
def test_every_figure_in_the_text_is_accounted_for(bank_and_id):
    qid = bank_and_id.split(":", 1)[1]
    numbers = NUMBERS[qid]() if qid in NUMBERS else N()
    known = numbers.known()
    unexplained = [
        figure.text
        for text in _texts(BY_ID[qid])
        for figure in figures(text)
        if figure.checked and not matches(figure, known)
    ]
    assert unexplained == [], (
        f"{qid}: figures that are no input, no computed value and no listed published figure"
    )


@pytest.mark.parametrize("qid", sorted(NUMBERS))
def test_inputs_appear_in_the_question_and_derived_figures_are_quoted(qid):
    question, numbers = BY_ID[qid], NUMBERS[qid]()
    everything = [figure for text in _texts(question) for figure in figures(text)]
    in_prompt = list(figures(str(question["prompt"])))
    where = in_prompt if question["type"] == "numeric" else everything
    for value in numbers.inputs:
        assert any(matches(figure, [value]) for figure in where), (
            f"{qid}: input {value:g} is not in the question"
        )
    for value in numbers.derived:
        assert any(matches(figure, [value]) for figure in everything), (
            f"{qid}: derived figure {value:g} is listed but not quoted"
        )


def test_the_figure_reader_sees_signs_units_and_precision():
    found = list(
        figures(r"net −\$16.67, about 52%, \$2.5 million, +17 points, 1.1 − 0.5 = 0.6, 168 answers")
    )
    assert [(f.text, f.value, f.decimals, f.roughly, f.checked) for f in found] == [
        (r"−\$16.67", 16.67, 2, False, True),
        ("52%", 52, 0, True, True),
        (r"\$2.5 million", 2_500_000, 1, False, True),
        ("+17 points", 17, 0, False, True),
        ("1.1", 1.1, 1, False, True),
        ("0.5", 0.5, 1, False, True),
        ("0.6", 0.6, 1, False, True),
        ("168", 168, 0, False, False),
    ]
    assert matches(found[0], [ltv(40, 0.5, 0.1) - 50]) and not matches(found[0], [-16.6])
    assert matches(found[1], [0.5208]) and not matches(found[1], [0.55])
