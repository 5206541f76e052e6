"""How long ``make book`` takes: with nothing changed, and cold after install.

* **No change** (target 3 s): ``make book`` run again on an up-to-date build,
  ``--repeats`` times after one untimed run; the median is compared.
* **One page edited** (no target; for reference): a chapter's file is
  touched (its modification time only) and ``make book`` rebuilds, so the
  time Sphinx takes to read and write one page again is seen apart from the
  no-change case, which ``make`` answers from its stamp without starting
  Jupyter Book.
* **Cold** (target 60 s), with ``--cold``: the book built from scratch, as on
  a fresh clone once ``make`` has installed everything (the virtual
  environment and ``node_modules``): the repository's tracked files are
  copied to a temporary folder, with this checkout's ``.venv`` and
  ``node_modules`` linked in, and what ``make book`` runs after its set-up is
  timed there, every notebook executed: ``python -m customer_focus.publish.editions
  english --jobs 2`` (the English edition), then ``... html --jobs 2`` (the zh-TW
  edition); each edition's time is shown, and the target is their sum.

Exit status 0 when every measured target is met, 1 when one is missed
(named on standard error), 2 for bad options or a missing set-up. Run from
the repository's top folder::

    .venv/bin/python benchmarks/build_time.py            # no-change build, 5 runs
    .venv/bin/python benchmarks/build_time.py --cold     # and a cold build (minutes)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NO_CHANGE_TARGET = 3.0
#: Processes that read the pages, as ``make book`` runs them (the Makefile's ``JOBS``).
JOBS = 2
COLD_TARGET = 60.0


def timed(command: list[str], folder: Path) -> float:
    """Run ``command`` in ``folder``; return its wall-clock seconds (fail loudly if it fails)."""
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        output = completed.stdout[-3000:] + completed.stderr[-3000:]
        raise RuntimeError(f"{' '.join(command)} failed:\n{output}")
    return elapsed


def no_change(repeats: int) -> list[float]:
    """Times of ``make book`` on an up-to-date build (after one untimed run)."""
    timed(["make", "book"], ROOT)
    return [timed(["make", "book"], ROOT) for _ in range(repeats)]


EDITED_PAGE = ROOT / "book" / "learn" / "customers-and-loyalty.md"


def one_page_edited(repeats: int) -> list[float]:
    """Times of ``make book`` after touching one chapter's file (its contents unchanged)."""
    times = []
    for _ in range(repeats):
        EDITED_PAGE.touch()
        times.append(timed(["make", "book"], ROOT))
    return times


def cold() -> tuple[float, float]:
    """Times of a build from scratch in a copy of the tracked files: English, then zh-TW."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode().split("\0")
    with tempfile.TemporaryDirectory(prefix="cf-cold-build-") as folder:
        copy = Path(folder)
        for name in filter(None, tracked):
            source = ROOT / name
            if source.is_file():
                (copy / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, copy / name)
        for installed in (".venv", "node_modules"):
            (copy / installed).symlink_to(ROOT / installed)
        python = str(ROOT / ".venv" / "bin" / "python")
        english, chinese = (
            timed([python, "-m", "customer_focus.publish.editions", edition, "--jobs", str(JOBS)],
                  copy)
            for edition in ("english", "html")
        )
        return english, chinese


def main(argv: list[str] | None = None) -> int:
    """Measure; print a table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed no-change builds (median)")
    parser.add_argument("--cold", action="store_true", help="also time a cold build (minutes)")
    arguments = parser.parse_args(argv)
    if arguments.repeats < 1:
        print("error: --repeats must be at least 1", file=sys.stderr)
        return 2
    book = ROOT / ".venv" / "bin" / "jupyter-book"
    if not (book.exists() and (ROOT / "node_modules").is_dir()):
        print("error: run `make book` once first (it installs everything)", file=sys.stderr)
        return 2
    rows = []
    times = no_change(arguments.repeats)
    rows.append(("No-change `make book`", min(times), statistics.median(times), max(times),
                 NO_CHANGE_TARGET))
    times = one_page_edited(max(1, arguments.repeats // 2))
    rows.append(("One page edited", min(times), statistics.median(times), max(times), None))
    if arguments.cold:
        english, chinese = cold()
        rows.append(("Cold build, English edition", english, english, english, None))
        rows.append(("Cold build, zh-TW edition", chinese, chinese, chinese, None))
        both = english + chinese
        rows.append(("Cold build after install (both)", both, both, both, COLD_TARGET))
    print("| Build | Fastest (s) | Median (s) | Slowest (s) | Target (s) | |")
    print("|---|---:|---:|---:|---:|---|")
    missed = []
    for name, fastest, median, slowest, target in rows:
        if target is None:
            print(f"| {name} | {fastest:.2f} | {median:.2f} | {slowest:.2f} | none | |")
            continue
        met = median <= target
        print(f"| {name} | {fastest:.2f} | {median:.2f} | {slowest:.2f} | {target:.0f} "
              f"| {'met' if met else 'missed'} |")
        if not met:
            missed.append(f"{name}: {median:.2f} s > {target:.0f} s")
    for line in missed:
        print(f"target missed: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
