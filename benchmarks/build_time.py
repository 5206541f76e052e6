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
  site --jobs 2`` (both editions at once). For reference, each edition is also
  built alone in a second copy: ``... english --jobs 2``, then ``... html --jobs 2``.
  The processors' busy time during the build of both (all cores, from Linux's
  ``/proc/stat``; the notebooks' kernels and Chromium included) is shown too: on
  this machine's cores no build can be faster than that time divided by their number.

Exit status 0 when every measured target is met, 1 when one is missed
(named on standard error), 2 for bad options or a missing set-up. Run from
the repository's top folder::

    .venv/bin/python benchmarks/build_time.py            # no-change build, 5 runs
    .venv/bin/python benchmarks/build_time.py --cold     # and a cold build (minutes)
"""

from __future__ import annotations

import argparse
import os
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


def busy_seconds() -> float | None:
    """Seconds the machine's processors have spent busy since it started, all cores added
    (Linux's ``/proc/stat``); ``None`` where there is no such file."""
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except OSError:
        return None
    idle = fields[3] + fields[4]  # idle and waiting for the disk
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


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


def _fresh_copy(folder: Path) -> Path:
    """The repository's tracked files copied into ``folder``, this checkout's installs linked."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode().split("\0")
    for name in filter(None, tracked):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    for installed in (".venv", "node_modules"):
        (folder / installed).symlink_to(ROOT / installed)
    return folder


def cold() -> dict[str, float | None]:
    """Builds from scratch, each in a fresh copy of the tracked files: both editions at once
    (as ``make book``), with the processors' busy time; then each edition alone."""
    python = str(ROOT / ".venv" / "bin" / "python")

    def build(what: str, copy: Path) -> float:
        return timed([python, "-m", "customer_focus.publish.editions", what, "--jobs", str(JOBS)],
                     copy)

    times: dict[str, float | None] = {}
    with tempfile.TemporaryDirectory(prefix="cf-cold-build-") as folder:
        copy = _fresh_copy(Path(folder))
        before = busy_seconds()
        times["site"] = build("site", copy)
        after = busy_seconds()
        times["busy"] = None if before is None or after is None else after - before
    with tempfile.TemporaryDirectory(prefix="cf-cold-build-") as folder:
        copy = _fresh_copy(Path(folder))
        times["english"] = build("english", copy)
        times["html"] = build("html", copy)
    return times


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
    busy = None
    if arguments.cold:
        times = cold()
        busy = times["busy"]
        for name, key in (("Cold build, English edition alone", "english"),
                          ("Cold build, zh-TW edition alone (after the English)", "html")):
            rows.append((name, times[key], times[key], times[key], None))
        both = times["site"]
        rows.append(("Cold build after install (both at once, as `make book`)", both, both, both,
                     COLD_TARGET))
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
    if busy is not None:
        cores = os.cpu_count() or 1
        print(f"\nProcessors busy during the cold build of both editions: {busy:.0f} s (all "
              f"{cores} cores added), so {busy / cores:.0f} s at the least on {cores} cores.")
    for line in missed:
        print(f"target missed: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
