"""Lighthouse scores and page weight of the built course site.

Serves ``_build/html`` compressed, as ``make serve`` does
(:mod:`customer_focus.publish.serve`), runs the npm package ``lighthouse``
(``node_modules/.bin/lighthouse``, installed by ``make``) with Debian's
Chromium in its desktop preset on each measured page (five English pages, and
the zh-TW edition's home and lifetime-value chapter), and prints, for each
page, the performance, accessibility and best-practices scores, the bytes
transferred before any interaction (compressed, and their size once
uncompressed) and the biggest resources.

Targets: performance at least 95, accessibility 100, best practices 100 and
at most 1.5 MB transferred. Exit status 0 when every page meets every
target, 1 when one misses (named on standard error), 2 for bad options or a
missing site, Lighthouse or Chromium.

The live tool's runtime loads only when the reader presses "Use this
worksheet here", so it is measured apart, with Playwright: on the turnover
cost worksheet, the bytes the click brings (compressed and uncompressed, from
Chromium's network events) and the seconds until the tool's form is ready.
It has no target of its own (``--no-live`` leaves it out).

Run from the repository's top folder, after ``make book``::

    .venv/bin/python benchmarks/site_lighthouse.py              # one run per page
    .venv/bin/python benchmarks/site_lighthouse.py --runs 3     # median of three
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from customer_focus.publish.serve import serve

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices")
#: The measured pages: name -> path under the site.
PAGES = {
    "Home": "book/index.html",
    "Learn: lifetime value": "book/learn/lifetime-value.html",
    "Knowledge check": "book/practice/knowledge-check.html",
    "Tool: turnover cost worksheet": "book/apply/tools/turnover-cost-worksheet.html",
    "Lab": "book/apply/lab/lifetime-value-from-transactions.html",
    "zh-TW: Home": "zh-TW/book/index.html",
    "zh-TW: Learn: lifetime value": "zh-TW/book/learn/lifetime-value.html",
}
#: The page whose live tool is started and measured apart.
LIVE_PAGE = PAGES["Tool: turnover cost worksheet"]
LIVE_TIMEOUT = 240_000
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100}
MAX_BYTES = 1_500_000
MB = 1_000_000


@dataclass
class Result:
    """One Lighthouse run of one page."""

    scores: dict[str, int]
    transferred: int
    uncompressed: int
    metrics: dict[str, float]
    resources: list[tuple[str, int, int]] = field(default_factory=list)
    failing: list[str] = field(default_factory=list)


def run_lighthouse(url: str, report: Path) -> Result:
    """Run Lighthouse once on ``url`` (desktop preset); read its JSON report."""
    command = [
        str(LIGHTHOUSE), url,
        "--preset=desktop",
        "--only-categories=" + ",".join(CATEGORIES),
        "--output=json", f"--output-path={report}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--quiet",
    ]
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    completed = subprocess.run(
        command, env=environment, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed on {url}: {completed.stderr.strip()[-2000:]}")
    return parse_report(json.loads(report.read_text(encoding="utf-8")))


def parse_report(data: dict) -> Result:
    """The scores, bytes, metrics and biggest resources of a Lighthouse JSON report."""
    audits = data["audits"]
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    requests = audits["network-requests"]["details"]["items"]
    resources = sorted(
        (
            (item["url"], item.get("transferSize", 0), item.get("resourceSize", 0))
            for item in requests
        ),
        key=lambda resource: -resource[1],
    )
    metrics = {
        name: audits[name]["numericValue"]
        for name in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                     "cumulative-layout-shift", "speed-index")
    }
    failing = [
        f"{name}: {audits[ref['id']]['title']}"
        for name in ("accessibility", "best-practices")
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] and _failed(audits[ref["id"]])
    ]
    return Result(
        scores=scores,
        transferred=sum(resource[1] for resource in resources),
        uncompressed=sum(resource[2] for resource in resources),
        metrics=metrics,
        resources=resources,
        failing=failing,
    )


def _failed(audit: dict) -> bool:
    return audit["score"] is not None and audit["score"] < 1


@dataclass
class LiveStart:
    """What starting a page's live tool costs: bytes and seconds after the click."""

    transferred: int
    uncompressed: int
    seconds: float
    resources: list[tuple[str, int, int]]


def measure_live_start(url: str) -> LiveStart:
    """Open ``url``, press its live tool's start button, and measure until the form is ready."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        try:
            page = browser.new_page(viewport={"width": 1350, "height": 940})
            client = page.context.new_cdp_session(page)
            client.send("Network.enable")
            requests: dict[str, dict] = {}
            client.on("Network.responseReceived", lambda event: requests.setdefault(
                event["requestId"], {"url": event["response"]["url"]}))
            client.on("Network.dataReceived", lambda event: requests.setdefault(
                event["requestId"], {"url": ""}).__setitem__(
                    "size", requests[event["requestId"]].get("size", 0) + event["dataLength"]))
            client.on("Network.loadingFinished", lambda event: requests.setdefault(
                event["requestId"], {"url": ""}).__setitem__(
                    "transferred", event["encodedDataLength"]))
            page.goto(url, wait_until="networkidle", timeout=90_000)
            requests.clear()
            box = page.locator(".cf-live").first
            start = time.perf_counter()
            box.locator(".cf-live-start").click()
            box.locator("form.cf-live-form").wait_for(timeout=LIVE_TIMEOUT)
            seconds = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
        finally:
            browser.close()
    resources = sorted(
        ((item["url"], item.get("transferred", 0), item.get("size", 0))
         for item in requests.values()),
        key=lambda resource: -resource[1],
    )
    return LiveStart(
        transferred=sum(resource[1] for resource in resources),
        uncompressed=sum(resource[2] for resource in resources),
        seconds=seconds,
        resources=resources,
    )


def median_result(results: list[Result]) -> Result:
    """The run with the median performance score (its bytes and resources with it)."""
    ordered = sorted(results, key=lambda result: result.scores["performance"])
    return ordered[len(ordered) // 2]


def misses(result: Result) -> list[str]:
    """The targets a page's result misses."""
    missed = [
        f"{name} {result.scores[name]} < {target}"
        for name, target in TARGETS.items()
        if result.scores[name] < target
    ]
    if result.transferred > MAX_BYTES:
        missed.append(f"{result.transferred / MB:.2f} MB transferred > {MAX_BYTES / MB:.1f} MB")
    return missed


def main(argv: list[str] | None = None) -> int:
    """Measure every page; print the table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    parser.add_argument("--site", default=str(SITE), help="the built site (default: _build/html)")
    parser.add_argument("--top", type=int, default=5, help="biggest resources shown per page")
    parser.add_argument("--no-live", action="store_true",
                        help="do not measure starting the live tool")
    arguments = parser.parse_args(argv)
    site = Path(arguments.site)
    problems = [
        message for ok, message in (
            (arguments.runs >= 1, "--runs must be at least 1"),
            (all((site / path).is_file() for path in PAGES.values()),
             f"no built site with both editions at {site}: run `make book` first"),
            (LIGHTHOUSE.exists(), f"{LIGHTHOUSE} is missing: run `npm ci` (make does it)"),
            (Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make chromium` installs it"),
        ) if not ok
    ]
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    server, base = serve(site)
    results: dict[str, Result] = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            for name, path in PAGES.items():
                runs = [
                    run_lighthouse(f"{base}/{path}", Path(folder) / f"report-{index}.json")
                    for index in range(arguments.runs)
                ]
                results[name] = median_result(runs)
                if arguments.runs > 1:
                    performance = [run.scores["performance"] for run in runs]
                    print(f"{name}: performance in {arguments.runs} runs {performance}")
        live = None if arguments.no_live else measure_live_start(f"{base}/{LIVE_PAGE}")
    finally:
        server.shutdown()
        server.server_close()
    print_table(results, arguments.top)
    if live is not None:
        print_live(live, arguments.top)
    missed = {name: misses(result) for name, result in results.items() if misses(result)}
    for name, reasons in missed.items():
        print(f"target missed on {name}: {'; '.join(reasons)}", file=sys.stderr)
    return 1 if missed else 0


def print_table(results: dict[str, Result], top: int) -> None:
    """Print the scores table, the metrics, and each page's biggest resources."""
    print("| Page | Performance | Accessibility | Best practices | Transferred (MB) "
          "| Uncompressed (MB) | FCP (s) | LCP (s) | TBT (ms) | CLS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, result in results.items():
        metrics = result.metrics
        print(
            f"| {name} | {result.scores['performance']} | {result.scores['accessibility']} "
            f"| {result.scores['best-practices']} | {result.transferred / MB:.2f} "
            f"| {result.uncompressed / MB:.2f} "
            f"| {metrics['first-contentful-paint'] / 1000:.1f} "
            f"| {metrics['largest-contentful-paint'] / 1000:.1f} "
            f"| {metrics['total-blocking-time']:.0f} | {metrics['cumulative-layout-shift']:.3f} |"
        )
    for name, result in results.items():
        print(f"\n{name}: biggest resources (transferred / uncompressed kB)")
        for url, transferred, uncompressed in result.resources[:top]:
            short = url.split("/", 3)[-1].split("?")[0]
            print(f"  {transferred / 1000:8.1f} {uncompressed / 1000:8.1f}  {short}")
        for audit in result.failing:
            print(f"  not passed: {audit}")


def print_live(live: LiveStart, top: int) -> None:
    """Print what starting the live tool cost."""
    print(f"\nStarting the live tool on {LIVE_PAGE}: {live.transferred / MB:.2f} MB transferred "
          f"({live.uncompressed / MB:.2f} MB uncompressed), form ready after {live.seconds:.1f} s")
    for url, transferred, uncompressed in live.resources[:top]:
        short = url.split("/", 3)[-1].split("?")[0]
        print(f"  {transferred / 1000:8.1f} {uncompressed / 1000:8.1f}  {short}")


if __name__ == "__main__":
    raise SystemExit(main())
