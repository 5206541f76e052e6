"""How long the survey worksheets take on a large survey file.

Writes seeded synthetic survey files (100,000 responses each by default) to a
temporary folder, then times, for each tool, what the worksheet does with a
learner's file: read it once with ``tables.read_table``, check every answer,
and compute the results.

* Feedback / NPS: ``analyze_feedback(by="segment")`` and
  ``score_distribution(by="segment")`` (``customer_focus.tools.feedback.table``).
* SERVQUAL: ``dimension_gaps`` and ``item_gaps`` (``customer_focus.tools.servqual.table``).
* Kano: ``analyze_kano`` (``customer_focus.tools.kano.table``).

Each tool is timed with ``time.perf_counter`` over a few repeats; the median
is compared with the target (2 seconds by default).

The Excel column saves the same responses as an ``.xlsx`` workbook and times
reading it with pandas through openpyxl and through python-calamine (the
engine ``tables.read_table`` uses), and the worksheet's whole run on the
workbook; calamine must be at least ``--excel-speedup`` times faster (5 by
default), and both engines must give the same table.

The script prints a table and exits with status 1 if any tool misses a target.

Usage::

    python benchmarks/survey_analyses.py [--rows 100000] [--repeats 5] [--target 2.0]
        [--excel-repeats 3] [--excel-speedup 5] [--excel-tools feedback servqual kano]
        [--no-excel]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from customer_focus.core import tables
from customer_focus.tools.feedback.table import analyze_feedback, score_distribution
from customer_focus.tools.kano.table import analyze_kano
from customer_focus.tools.servqual.calc import ITEMS, WEIGHT_COLUMNS
from customer_focus.tools.servqual.table import dimension_gaps, item_gaps

SEED = 20240611


def write_feedback(path: Path, rows: int, rng: np.random.Generator) -> None:
    """Feedback responses: a recommend score, a satisfaction rating, comments, a segment."""
    recommend = rng.choice(11, size=rows, p=np.array([2, 1, 1, 2, 3, 5, 8, 14, 22, 20, 22]) / 100)
    noise = rng.normal(0, 0.7, rows)
    satisfaction = np.clip(np.rint(1 + recommend * 0.4 + noise), 1, 5).astype(int)
    comments = np.array(
        ["Quick and friendly", "Fixed first time", "", "Good value", "On time"], dtype=object
    )
    wishes = np.array(
        ["", "Shorter visit window", "Call before arriving", "", "Clearer bill"], dtype=object
    )
    table = pd.DataFrame(
        {
            "response": np.arange(1, rows + 1),
            "segment": rng.choice(["North", "South", "East", "West", "Online"], size=rows),
            "recommend": recommend,
            "satisfaction": satisfaction,
            "went_well": comments[rng.integers(0, len(comments), rows)],
            "improve": wishes[rng.integers(0, len(wishes), rows)],
            "contact": np.where(rng.random(rows) < 0.1, "someone@example.com", ""),
        }
    )
    table.to_csv(path, index=False)


def write_servqual(path: Path, rows: int, rng: np.random.Generator) -> None:
    """SERVQUAL respondents: 22 expectations, 22 perceptions and 100 points of weights."""
    data: dict[str, object] = {"respondent": np.arange(1, rows + 1)}
    for side, center in (("E", 6.0), ("P", 5.2)):
        for item in ITEMS:
            answers = np.rint(rng.normal(center, 0.9, rows))
            data[f"{side}{item}"] = np.clip(answers, 1, 7).astype(int)
    # in fives, total 100
    points = rng.multinomial(20, [0.1, 0.35, 0.25, 0.15, 0.15], size=rows) * 5
    for column, values in zip(WEIGHT_COLUMNS, points.T, strict=True):
        data[column] = values
    pd.DataFrame(data).to_csv(path, index=False)


def write_kano(path: Path, rows: int, rng: np.random.Generator) -> None:
    """Kano answers in long format: 10 features per respondent, mixed-case answers."""
    features = [f"Feature {number}" for number in range(1, 11)]
    respondents = -(-rows // len(features))
    answers = np.array(
        ["Like", "Must-be", "Neutral", "Live-with", "Dislike", "like", "must be"], dtype=object
    )
    table = pd.DataFrame(
        {
            "respondent": np.repeat(np.arange(1, respondents + 1), len(features))[:rows],
            "feature": np.tile(features, respondents)[:rows],
            "functional": answers[rng.integers(0, len(answers), rows)],
            "dysfunctional": answers[rng.integers(0, len(answers), rows)],
        }
    )
    table.to_csv(path, index=False)


def run_feedback(path: Path) -> None:
    table = tables.read_table(path)
    analyze_feedback(table, by="segment")
    score_distribution(table, by="segment")


def run_servqual(path: Path) -> None:
    table = tables.read_table(path)
    dimension_gaps(table)
    item_gaps(table)


def run_kano(path: Path) -> None:
    table = tables.read_table(path)
    analyze_kano(table)


Writer = Callable[[Path, int, np.random.Generator], None]


def save_as_excel(csv: Path) -> Path:
    """Save a CSV survey file as an .xlsx workbook next to it (openpyxl's fast write-only mode).

    Numbers stay numbers and empty text stays an empty cell, as a spreadsheet
    program would save them.
    """
    import openpyxl

    table = pd.read_csv(csv, keep_default_na=False)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(table.columns))
    for row in table.itertuples(index=False):
        sheet.append([None if value == "" else value for value in row])
    path = csv.with_suffix(".xlsx")
    book.save(path)
    return path


def timed(action: Callable[[], object], repeats: int) -> tuple[list[float], object]:
    """Seconds taken by each of ``repeats`` calls of ``action``, and what the last call returned."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return times, result


def excel_times(csv: Path, run: Callable[[Path], None], repeats: int) -> tuple[float, ...]:
    """Median seconds to read the survey saved as .xlsx with openpyxl and calamine, and to run.

    Returns the workbook's size in MB, the medians of reading it with each
    engine and of the worksheet's whole run on it (``read_table`` and the
    analysis). Raises ``AssertionError`` if the two engines read different tables.
    """
    path = save_as_excel(csv)
    size = path.stat().st_size / 1e6
    openpyxl_read, by_openpyxl = timed(lambda: pd.read_excel(path, engine="openpyxl"), repeats)
    calamine_read, by_calamine = timed(lambda: pd.read_excel(path, engine="calamine"), repeats)
    pd.testing.assert_frame_equal(by_calamine, by_openpyxl)
    whole_run, _ = timed(lambda: run(path), repeats)
    return (
        size,
        statistics.median(openpyxl_read),
        statistics.median(calamine_read),
        statistics.median(whole_run),
    )

TOOLS: dict[str, tuple[Writer, Callable[[Path], None]]] = {
    "Feedback / NPS": (write_feedback, run_feedback),
    "SERVQUAL": (write_servqual, run_servqual),
    "Kano": (write_kano, run_kano),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=int, default=100_000, help="responses per file (default 100,000)"
    )
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per tool (default 5)")
    parser.add_argument(
        "--target", type=float, default=2.0, help="seconds allowed per run (default 2.0)"
    )
    parser.add_argument(
        "--excel-repeats", type=int, default=3,
        help="timed reads of the .xlsx workbook per engine (default 3)",
    )
    parser.add_argument(
        "--excel-speedup", type=float, default=5.0,
        help="how many times faster calamine must read the workbook than openpyxl (default 5)",
    )
    parser.add_argument(
        "--excel-tools", nargs="+", choices=[name.split()[0].lower() for name in TOOLS],
        default=[name.split()[0].lower() for name in TOOLS],
        help="the tools whose file is also timed as .xlsx (default: all)",
    )
    parser.add_argument("--no-excel", action="store_true", help="skip the Excel column")
    options = parser.parse_args(argv)
    if options.rows < 1 or options.repeats < 1 or options.target <= 0:
        parser.error("--rows and --repeats must be at least 1, and --target positive")
    if options.excel_repeats < 1 or options.excel_speedup <= 0:
        parser.error("--excel-repeats must be at least 1, and --excel-speedup positive")

    rng = np.random.default_rng(SEED)
    missed = []
    lines = []
    excel = []
    with tempfile.TemporaryDirectory(prefix="survey-benchmark-") as folder:
        for name, (write, run) in TOOLS.items():
            path = Path(folder) / f"{name.split()[0].lower()}.csv"
            write(path, options.rows, rng)
            size = path.stat().st_size / 1e6
            run(path)  # warm-up: imports and caches, not timed
            times = []
            for _ in range(options.repeats):
                start = time.perf_counter()
                run(path)
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            verdict = "ok" if median < options.target else "MISSED"
            if verdict != "ok":
                missed.append(name)
            lines.append((name, size, min(times), median, max(times), verdict))
            if not options.no_excel and name.split()[0].lower() in options.excel_tools:
                size, openpyxl_read, calamine_read, whole_run = excel_times(
                    path, run, options.excel_repeats
                )
                speedup = openpyxl_read / calamine_read
                verdict = "ok" if speedup >= options.excel_speedup else "MISSED"
                if verdict != "ok":
                    missed.append(f"{name} (Excel)")
                excel.append(
                    (name, size, openpyxl_read, calamine_read, speedup, whole_run, verdict)
                )

    print(
        f"{options.rows:,} responses per file, {options.repeats} runs each; "
        f"target {options.target:g} s (median)"
    )
    print(
        f"{'Tool':<16} {'File (MB)':>9} {'Fastest (s)':>11} {'Median (s)':>10} "
        f"{'Slowest (s)':>11}  Result"
    )
    for name, size, fastest, median, slowest, verdict in lines:
        print(
            f"{name:<16} {size:>9.1f} {fastest:>11.3f} {median:>10.3f} {slowest:>11.3f}  "
            f"{verdict}"
        )
    if excel:
        print(
            f"\nExcel: the same responses as .xlsx, {options.excel_repeats} reads per engine; "
            f"target: calamine {options.excel_speedup:g}x faster than openpyxl (medians)"
        )
        print(
            f"{'Tool':<16} {'File (MB)':>9} {'openpyxl (s)':>12} {'calamine (s)':>12} "
            f"{'Speed-up':>8} {'Whole run (s)':>13}  Result"
        )
        for name, size, openpyxl_read, calamine_read, speedup, whole_run, verdict in excel:
            print(
                f"{name:<16} {size:>9.1f} {openpyxl_read:>12.3f} {calamine_read:>12.3f} "
                f"{speedup:>7.1f}x {whole_run:>13.3f}  {verdict}"
            )
    if missed:
        print(f"Target missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
