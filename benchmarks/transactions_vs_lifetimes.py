"""Lifetime value from transactions: the course's code against ``lifetimes``, in the same run.

Two tasks, each done by both libraries on the same seeded synthetic data:

1. **Summary**: frequency, recency, T and monetary value per customer from a
   purchase log of 1,000,000 purchases by 100,000 customers
   (``customer_focus.tools.lab.transactions.summarize_customers`` against
   ``lifetimes.utils.summary_data_from_transaction_data``). Targets: at least
   2 times faster, and no more peak memory.
2. **BG/NBD fit** on the 100,000 customers' summary
   (``customer_focus.tools.lab.bgnbd.fit_bgnbd``, standard errors included, against
   ``lifetimes.BetaGeoFitter.fit``, which also computes its Hessian). Target:
   no slower.

Fairness. Every measurement runs in a fresh Python process that imports the
library and loads the same data from a temporary ``.npz`` file (without a
second copy), so neither library benefits from the other's caches or memory.
In each process the task runs three times:

1. first call: how far the process's peak resident set size rises above its
   resident size once the data are loaded ("RSS+"): what the operating system
   had to provide. On Linux the peak is reset just before the call (writing
   5 to ``/proc/self/clear_refs``) and read from ``VmHWM`` in
   ``/proc/self/status``: ``resource.getrusage(...).ru_maxrss`` cannot be used
   here because a child process inherits its parent's maximum across
   fork and exec, and the parent has just built the data. Elsewhere,
   ``ru_maxrss`` growth is reported instead;
2. second call, timed with ``time.perf_counter``;
3. third call under ``tracemalloc``: the peak of memory allocated during the
   call ("peak"), which counts every NumPy array and pandas hash table. This
   is the number the memory target uses: it is exact and does not depend on
   how the allocator returns memory to the system.

``--repeats`` processes per library and task, alternating the libraries; the
median time is compared, and the largest peak.

Both libraries' results are compared too: the summaries must be equal and the
fitted parameters agree to 1e-4 (relative).

Usage::

    python benchmarks/transactions_vs_lifetimes.py [--customers 100000] [--transactions 1000000]
                                                   [--repeats 3] [--speedup 2.0]

Prints a table; exits with status 1 if a target is missed (named on standard
error) and 2 for bad options.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20240611
#: Purchase and spend parameters of the synthetic customers (weekly units): about
#: ten purchases per customer over two years.
BGNBD_PARAMETERS = {"r": 2.0, "alpha": 9.0, "a": 1.0, "b": 10.0}
OBSERVATION_END = "2025-12-31"
#: The simulator that draws the synthetic log is the tests' fixture.
TESTS = Path(__file__).resolve().parent.parent / "tests"


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def make_log(customers: int, purchases: int, seed: int = SEED) -> pd.DataFrame:
    """A seeded synthetic log with exactly ``purchases`` rows from exactly ``customers`` customers.

    Drawn from the BG/NBD and Gamma-Gamma models over two years by
    ``simulate_transactions``, the tests' fixture in ``tests/transaction_simulator.py``; if
    it has more rows than asked, repeat purchases chosen at random are removed (every
    customer keeps the first purchase).
    """
    sys.path.insert(0, str(TESTS))
    from transaction_simulator import simulate_transactions

    log = simulate_transactions(
        customers,
        bgnbd=BGNBD_PARAMETERS,
        start="2024-01-01",
        acquisition_days=365,
        observation_days=730,
        seed=seed,
    )
    if len(log) < purchases:
        raise SystemExit(
            f"the synthetic log has only {len(log):,} purchases; ask for fewer, or more customers."
        )
    first = ~log["customer_id"].duplicated().to_numpy()
    repeats = np.flatnonzero(~first)
    rng = np.random.default_rng(seed + 1)
    drop = rng.choice(repeats, size=len(log) - purchases, replace=False)
    keep = np.ones(len(log), dtype=bool)
    keep[drop] = False
    return log[keep].reset_index(drop=True)


def save_inputs(folder: Path, customers: int, purchases: int) -> dict[str, object]:
    from customer_focus.tools.lab import transactions

    log = make_log(customers, purchases)
    np.savez(
        folder / "log.npz",
        customer_id=log["customer_id"].to_numpy(),
        date=log["date"].to_numpy().astype("datetime64[ns]").astype(np.int64),
        amount=log["amount"].to_numpy(),
    )
    summary = transactions.summarize_customers(
        log, freq="D", freq_multiplier=7, observation_period_end=OBSERVATION_END
    )
    np.savez(
        folder / "summary.npz",
        frequency=summary["frequency"].to_numpy(),
        recency=summary["recency"].to_numpy(),
        T=summary["T"].to_numpy(),
    )
    return {
        "purchases": len(log),
        "customers": int(log["customer_id"].nunique()),
        "repeat_buyers": int((summary["frequency"] > 0).sum()),
    }


def load_log(folder: Path) -> pd.DataFrame:
    data = np.load(folder / "log.npz")
    return pd.DataFrame(
        {
            "customer_id": data["customer_id"],
            "date": data["date"].view("datetime64[ns]"),
            "amount": data["amount"],
        },
        copy=False,  # no second copy while loading: the memory baseline is the data itself
    )


def load_summary(folder: Path) -> pd.DataFrame:
    data = np.load(folder / "summary.npz")
    summary = pd.DataFrame(
        {"frequency": data["frequency"], "recency": data["recency"], "T": data["T"]}, copy=False
    )
    summary.attrs.update(period_days=7.0, time_unit="week (7 days)")
    return summary


# ---------------------------------------------------------------------------
# The four measured calls
# ---------------------------------------------------------------------------


def task(name: str, folder: Path):
    """The call to measure, and its input (loaded before measuring)."""
    if name.startswith("summary"):
        data = load_log(folder)
        if name == "summary-course":
            from customer_focus.tools.lab import transactions

            return lambda: transactions.summarize_customers(
                data, observation_period_end=OBSERVATION_END
            )
        from lifetimes.utils import summary_data_from_transaction_data

        return lambda: summary_data_from_transaction_data(
            data,
            "customer_id",
            "date",
            monetary_value_col="amount",
            observation_period_end=OBSERVATION_END,
        )
    data = load_summary(folder)
    if name == "fit-course":
        from customer_focus.tools.lab import bgnbd

        return lambda: bgnbd.fit_bgnbd(data)
    from lifetimes import BetaGeoFitter

    return lambda: BetaGeoFitter().fit(data["frequency"], data["recency"], data["T"])


def child(name: str, folder: Path) -> None:
    """Measure one task in this (fresh) process and print the result as JSON."""
    import gc
    import tracemalloc

    warnings.simplefilter("ignore")
    call = task(name, folder)  # imports the library and loads the data
    gc.collect()
    before = _resident(reset_peak=True)
    call()  # first call: how far the process's peak memory rises above the loaded data
    after = _resident(peak=True)
    gc.collect()
    start = time.perf_counter()
    call()  # second call, timed
    seconds = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps({"seconds": seconds, "traced_peak": peak, "rss_growth": max(after - before, 0)})
    )


def _resident(*, reset_peak: bool = False, peak: bool = False) -> int:
    """Resident memory in bytes: now, or the peak since the last reset.

    Read from Linux's /proc; elsewhere, ``ru_maxrss``.
    """
    import resource

    status = Path("/proc/self/status")
    if status.exists():
        if reset_peak:
            try:
                Path("/proc/self/clear_refs").write_text("5")
            except OSError:
                pass
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        return int(fields["VmHWM" if peak else "VmRSS"].split()[0]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure(name: str, folder: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", name, "--data", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{name} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------
# Same answers?
# ---------------------------------------------------------------------------


def check_results(folder: Path) -> tuple[str, str]:
    from lifetimes import BetaGeoFitter
    from lifetimes.utils import summary_data_from_transaction_data

    from customer_focus.tools.lab import bgnbd, transactions

    warnings.simplefilter("ignore")
    log = load_log(folder)
    ours = transactions.summarize_customers(log, observation_period_end=OBSERVATION_END)
    theirs = summary_data_from_transaction_data(
        log,
        "customer_id",
        "date",
        monetary_value_col="amount",
        observation_period_end=OBSERVATION_END,
    ).sort_index()
    theirs.index.name = ours.index.name
    pd.testing.assert_frame_equal(ours, theirs, rtol=1e-12)
    summary = load_summary(folder)
    model = bgnbd.fit_bgnbd(summary)
    fitter = BetaGeoFitter().fit(summary["frequency"], summary["recency"], summary["T"])
    for key, value in model.params.items():
        if abs(value - fitter.params_[key]) > 1e-4 * abs(value):
            raise SystemExit(
                f"BG/NBD fits differ: {key} = {value} here, {fitter.params_[key]} in lifetimes"
            )
    params = ", ".join(f"{key} = {value:.4f}" for key, value in model.params.items())
    return "equal (every customer, every column)", f"equal to 1e-4 ({params})"


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--transactions", type=int, default=1_000_000)
    parser.add_argument(
        "--repeats", type=int, default=3, help="fresh processes per library and task"
    )
    parser.add_argument(
        "--speedup", type=float, default=2.0, help="required speed-up of the summary"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        child(options.child, Path(options.data))
        return 0
    if options.customers < 1 or options.transactions < options.customers or options.repeats < 1:
        parser.error(
            "need at least one customer, at least one purchase per customer and one repeat"
        )

    import lifetimes

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        started = time.perf_counter()
        facts = save_inputs(folder, options.customers, options.transactions)
        print(
            f"Synthetic log: {facts['purchases']:,} purchases by {facts['customers']:,} customers "
            f"({facts['repeat_buyers']:,} repeat buyers), made in "
            f"{time.perf_counter() - started:.1f} s"
        )
        same_summary, same_fit = check_results(folder)
        results: dict[str, list[dict[str, float]]] = {}
        for _ in range(
            options.repeats
        ):  # alternate the libraries, so that both see the same machine load
            for name in ("summary-course", "summary-lifetimes", "fit-course", "fit-lifetimes"):
                results.setdefault(name, []).append(measure(name, folder))

    def median(name: str) -> float:
        return statistics.median(run["seconds"] for run in results[name])

    def largest(name: str, key: str) -> float:
        return max(run[key] for run in results[name])

    mb = 1024 * 1024
    rows = []
    for label, ours, theirs in (
        (f"Summary of {facts['purchases']:,}", "summary-course", "summary-lifetimes"),
        (f"BG/NBD fit on {facts['customers']:,}", "fit-course", "fit-lifetimes"),
    ):
        for library, name in (
            ("customer_focus", ours),
            (f"lifetimes {lifetimes.__version__}", theirs),
        ):
            times = sorted(run["seconds"] for run in results[name])
            rows.append(
                (
                    label,
                    library,
                    times[0],
                    median(name),
                    times[-1],
                    largest(name, "traced_peak") / mb,
                    largest(name, "rss_growth") / mb,
                )
            )

    print()
    print(
        f"Python {platform.python_version()}, pandas {pd.__version__}, NumPy {np.__version__}, "
        f"lifetimes {lifetimes.__version__}; {os.cpu_count()} CPUs; {options.repeats} fresh "
        "processes each"
    )
    print()
    header = (
        f"{'Task':<26}{'Library':<18}{'fastest s':>10}{'median s':>10}{'slowest s':>10}"
        f"{'peak MB':>10}{'RSS+ MB':>10}"
    )
    print(header)
    print("-" * len(header))
    for label, library, fastest, middle, slowest, peak, rss in rows:
        print(
            f"{label:<26}{library:<18}{fastest:>10.3f}{middle:>10.3f}{slowest:>10.3f}{peak:>10.1f}{rss:>10.1f}"
        )
    print()
    print(f"Summaries: {same_summary}. Fits: {same_fit}.")

    speedup = median("summary-lifetimes") / median("summary-course")
    memory_ratio = largest("summary-course", "traced_peak") / largest(
        "summary-lifetimes", "traced_peak"
    )
    fit_ratio = median("fit-course") / median("fit-lifetimes")
    targets = [
        (
            f"summary at least {options.speedup:g}x faster",
            speedup >= options.speedup,
            f"{speedup:.1f}x faster",
        ),
        (
            "summary peak memory no more than lifetimes'",
            memory_ratio <= 1.0,
            f"{memory_ratio:.2f} of lifetimes' traced peak",
        ),
        (
            "BG/NBD fit no slower",
            fit_ratio <= 1.0,
            f"{fit_ratio:.2f} of lifetimes' time ({1 / fit_ratio:.1f}x faster)",
        ),
    ]
    print()
    missed = []
    for target, met, value in targets:
        print(f"  {'met   ' if met else 'MISSED'}  {target}: {value}")
        if not met:
            missed.append(target)
    if missed:
        print("Missed: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
