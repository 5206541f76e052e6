"""The zh-TW edition's notebooks speak Chinese: what their cells print and show.

The zh-TW build executes every notebook with the package speaking Chinese
(``CUSTOMER_FOCUS_LANGUAGE``), so the outputs a reader sees on a Chinese page (the
package's sentences, tables' headers, messages, and the words the notebooks print through
the package) are Chinese. This reads the built pages, as a reader gets them, and fails on
an English phrase (four English words or more in a row) in a cell's output, unless it is
the invented cases' own data that the edition keeps as written: the sample files that have
no Chinese twin (they hold only companies' names or scores). The samples with a twin
(``book/apply/tools/data/zh_TW/``), the tools' worked examples and the cases' texts (a
segment, a step, an account's label) are Chinese in this edition
(``locales/zh_TW/tools/<tool>.yml``'s ``example`` and ``locales/zh_TW/cases.yml``), so their
English in an output is a finding.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from .conftest import ROOT, SITE

pytestmark = pytest.mark.browser

#: Four English words or more in a row (a sentence or a header row), as a reader would read them.
PHRASE = re.compile(r"(?<![\w'])(?:[A-Za-z][a-z]+[,:;]?\s+){3,}[A-Za-z][a-z]+")


class CellOutputs(HTMLParser):
    """The text of a page's cell outputs, one line at a time (not the cells' code)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.hidden = 0
        self.lines: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif tag == "div" and "cell_output" in classes:
            self.depth = 1
        if self.depth and tag in ("style", "script"):
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag in ("style", "script"):
            self.hidden -= 1
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden:
            self.lines += [line.strip() for line in data.splitlines() if line.strip()]


def case_data() -> str:
    """The invented cases' own words that the edition keeps as written: the sample files
    with no Chinese twin."""
    folder = ROOT / "book" / "apply" / "tools" / "data"
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in folder.glob("*.csv") if not (folder / "zh_TW" / path.name).is_file()]
    return "\n".join(texts)


def english_phrases(html: str, allowed: str) -> list[str]:
    """The English phrases of a page's cell outputs that are not the cases' own data.

    >>> english_phrases('<div class="cell_output"><pre>終身價值：$266.67</pre></div>', "")
    []
    >>> english_phrases('<div class="cell_output"><pre>Saved 6 customers to a file</pre></div>'
    ...                 '<pre>Print this line of code</pre>', "")
    ['Saved 6 customers to a file']
    """
    parser = CellOutputs()
    parser.feed(html)
    found = []
    for line in parser.lines:
        if PHRASE.search(line) and not all(match.group(0) in allowed
                                           for match in PHRASE.finditer(line)):
            found.append(line)
    return found


def _pages() -> list[str]:
    folder = SITE / "zh-TW" / "book"
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html")
                  if "cell_output" in path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", _pages() if (SITE / "zh-TW").is_dir() else [])
def test_a_chinese_pages_outputs_are_chinese(page):
    html = (SITE / "zh-TW" / "book" / page).read_text(encoding="utf-8")
    english = english_phrases(html, case_data())
    assert not english, f"zh-TW/book/{page}: English in its outputs:\n" + "\n".join(english[:15])


def test_the_edition_has_pages_with_outputs():
    assert len(_pages()) >= 10, "the zh-TW edition's notebooks lost their outputs"
