"""A reader on a live tool's worksheet page, for the English and the zh-TW editions' tests
(``test_live_tools.py``, ``test_live_tools_zh.py``): the page with every request off 127.0.0.1
recorded (it fails: the browser resolves no other host, ``conftest.CHROMIUM_ARGS``), the tool
started, a case's values typed into its form (a grid's rows with the buttons in the page's
language), and the results tables read until they match."""

from __future__ import annotations

import time
from collections.abc import Callable

from customer_focus.sphinxext.live import live_words

from .conftest import off_site

START_TIMEOUT = 240_000  # Pyodide starts in seconds; a busy test machine is slower


def worksheet(tool: str) -> str:
    """The path of a tool's worksheet page in an edition."""
    return f"book/apply/tools/{tool.replace('_', '-')}-worksheet.html"


class Reader:
    """A browser page on the site, requests off 127.0.0.1 and other problems recorded."""

    def __init__(self, browser, base: str, **options) -> None:
        self.context = browser.new_context(accept_downloads=True, **options)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.base = base
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: off_site(request.url)
                        and self.blocked.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))

    def open(self, path: str):
        self.page.goto(f"{self.base}/{path}", wait_until="load", timeout=90_000)
        return self.page

    def close(self) -> None:
        self.context.close()


def wait_started(tool_box) -> None:
    """Wait until the tool in ``tool_box`` has started: its form is drawn."""
    tool_box.locator("form.cf-live-form").wait_for(timeout=START_TIMEOUT)


def set_rows(form, count: int, words: dict[str, str]) -> None:
    """Add or remove rows of a grid with its buttons (named by ``words``) until it has
    ``count``."""
    while (rows := form.locator("table.cf-live-grid tbody tr").count()) != count:
        name = words["add_row"] if rows < count else words["remove_row"]
        form.get_by_role("button", name=name).click()


def fill(form, values: dict, edition: str = "en") -> None:
    """Type a case's values into the form: a grid's rows (a list of dicts, one a row) with its
    buttons in the words of ``edition`` ("Add a row"; 新增一列), a list's choice selected."""
    words = live_words(edition)
    for name, value in values.items():
        if isinstance(value, list):  # a grid: one dict per row
            set_rows(form, len(value), words)
            for number, row in enumerate(value, start=1):
                for column, cell in row.items():
                    form.locator(f"[name='{name}.{number}.{column}']").fill(str(cell))
            continue
        control = form.locator(f"[name={name}]")
        if control.evaluate("node => node.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(str(value))


def shown_tables(box) -> list:
    """Every results table in ``box``: rows of [text, data-value]."""
    return box.evaluate(
        """node => Array.from(node.querySelectorAll('table.cf-live-table')).map(table =>
             Array.from(table.tBodies[0].rows).map(row =>
               Array.from(row.cells).map(cell => [cell.textContent, cell.dataset.value])))"""
    )


def expect_shown(box, compare: Callable[[list, list], None], expected_tables: list,
                 timeout: float = 15.0) -> None:
    """``compare(shown, expected_tables)`` passes on the tables in ``box`` once the page has
    recomputed: two cases can give the same summary, so the tables are read again until they
    match (or ``timeout`` seconds have passed, and the last failure is raised)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            compare(shown_tables(box), expected_tables)
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            box.page.wait_for_timeout(200)
