"""The zh-TW edition's pages are Chinese: every word a reader reads, apart from names and citations.

The pages' text comes from their catalogs (``locales/zh_TW/LC_MESSAGES``), and the words the
course's directives and other extensions write into them (a widget's labels, an agenda, an
exercise's title, the footer) from the course's word tables; a text Sphinx could not see for
translation, or a directive that writes English of its own, leaves English on a Chinese page.
This reads every built zh-TW page as a reader gets it and fails on an English phrase (four
English words or more in a row) outside code, the cells' outputs (``test_zh_outputs.py``) and
the bibliography, or in a figure's description (``alt``, read out by a screen reader), unless it names a work, a publisher or an organization that
``references.bib`` lists (a citation), or a name in ``NAMES``.
"""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from chinese_text import QUOTED_NAMES
from customer_focus.tools.spec import words

from .conftest import ROOT, SITE

pytestmark = pytest.mark.browser

#: Four English words or more in a row, as in test_zh_outputs.py.
PHRASE = re.compile(r"(?<![\w'])(?:[A-Za-z][a-z]+[,:;]?\s+){3,}[A-Za-z][a-z]+")
#: Elements whose text is not the page's prose: code, math, cell outputs (their own test), the
#: bibliography, the switch to the English edition and what is marked English (``lang="en"``:
#: the glossary's English column), English on purpose.
SKIPPED_TAGS = {"script", "style", "code", "pre", "math", "svg"}
SKIPPED_CLASSES = {"cell_output", "bibliography", "citation", "cf-language-switch", "highlight",
                   "math", "MathJax"}
#: Names the course quotes that references.bib does not spell out (shared with the notebooks').
NAMES = QUOTED_NAMES


class PageText(HTMLParser):
    """The text a reader reads in a page's ``<main>`` and footer, one run at a time, and the
    descriptions of its figures (``alt``)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.skipping = 0
        self.stack: list[bool] = []
        self.runs: list[str] = []

    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base"}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "img" and self.inside and values.get("alt"):
            # a figure's description, read out in place of the figure (a cell's output too)
            self.runs.append(" ".join(values["alt"].split()))
        if tag in self.VOID:
            return
        classes = set((values.get("class") or "").split())
        opens = tag == "main" or (tag == "footer")
        skip = (tag in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES)
                or (values.get("lang") or "").startswith("en"))
        self.stack.append((opens, skip))
        self.inside += opens
        self.skipping += skip

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self.stack:
            return
        opens, skip = self.stack.pop()
        self.inside -= opens
        self.skipping -= skip

    def handle_data(self, data: str) -> None:
        if self.inside and not self.skipping and data.strip():
            self.runs.append(" ".join(data.split()))


def citations() -> str:
    """What references.bib names (titles, journals, publishers, authors, organizations), lowercased."""
    return (ROOT / "references.bib").read_text(encoding="utf-8").lower()


def english_phrases(html: str, allowed: str) -> list[str]:
    """The English phrases of a page's own text that are not names or citations.

    >>> english_phrases('<main><p>顧客終身價值是 <em>The Service Profit Chain</em></p></main>',
    ...                 "the service profit chain")
    []
    >>> english_phrases('<main><p>Change any number; the values update</p><pre>print the value now</pre></main>', "")
    ['Change any number; the values update']
    >>> english_phrases('<main><div class="cell_output"><img alt="A bar chart of the costs"></div></main>', "")
    ['A bar chart of the costs']
    """
    parser = PageText()
    parser.feed(html)
    found = []
    for run in parser.runs:
        for match in PHRASE.finditer(run):
            phrase = match.group(0).rstrip(",:;")
            if phrase.lower() not in allowed and not any(phrase in name for name in NAMES):
                found.append(run)
                break
    return found


def _pages() -> list[str]:
    folder = SITE / "zh-TW"
    pages = [*(folder / "book").rglob("*.html"), *folder.glob("*.html")]  # search, index too
    return sorted(path.relative_to(folder).as_posix() for path in pages)


@pytest.mark.parametrize("page", _pages() if (SITE / "zh-TW").is_dir() else [])
def test_a_chinese_pages_text_is_chinese(page):
    html = (SITE / "zh-TW" / page).read_text(encoding="utf-8")
    english = english_phrases(html, citations())
    assert not english, f"zh-TW/{page}: English on the page:\n" + "\n".join(english[:15])


def test_the_words_other_extensions_write_are_the_editions():
    """What a phrase check cannot see, being shorter than four words: the exercises' and
    solutions' titles ("Exercise 18", "Solution to Exercise 18"), the code toggle, and the site's
    title in every tab and in the web manifest are the edition's words (data/site-words.yml)."""
    zh = words("site-words.yml", "zh_TW")
    title = words("print-words.yml", "zh_TW")["course"]
    page = (SITE / "zh-TW" / "book" / "learn" / "lifetime-value.html").read_text(encoding="utf-8")
    numbers = re.findall(r'caption-number">([^<]*)<', page)
    exercises = [number for number in numbers if not number.startswith("圖")]
    assert exercises and all(re.fullmatch(zh["exercise"] + r" \d+ ", n) for n in exercises)
    solutions = re.findall(r'admonition-title">([^<]*)<a[^>]*>([^<]*)</a>', page)
    assert solutions and all(said == zh["solution_to"] and re.fullmatch(
        " " + zh["exercise"] + r" \d+", target) for said, target in solutions)
    assert "Exercise" not in re.sub(r"<[^>]+>", " ", page).replace("sphinx-exercise", "")
    assert f"<title>{page.split('<title>')[1].split(' &#8212; ')[0]} &#8212; {title}</title>" in page
    worksheet = (SITE / "zh-TW" / "book" / "apply" / "tools" / "kano-worksheet.html").read_text(
        encoding="utf-8")
    assert zh["code_show"] in worksheet and "code cell" not in worksheet
    manifest = json.loads((SITE / "zh-TW" / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == title and manifest["short_name"] == title.split("：")[0]


#: The words a formula keeps in English on a Chinese page: a coefficient's name, as the
#: Kano worksheet and chapter name it (an abbreviation, CLV or NPS, has no lowercase word).
FORMULA_NAMES = {"Better", "Worse"}


@pytest.mark.parametrize("page", _pages() if (SITE / "zh-TW").is_dir() else [])
def test_a_chinese_pages_formulas_are_chinese(page):
    """A formula's words (``\\text{...}`` in its math) come from the page's catalog too."""
    html = (SITE / "zh-TW" / page).read_text(encoding="utf-8")
    words = [word for word in re.findall(r"\\text\{([^}]*)\}", html)
             if re.search(r"[a-z]{3,}", word) and word not in FORMULA_NAMES]
    assert words == [], f"zh-TW/{page}: English words in its formulas: {sorted(set(words))}"


#: A comment that is code put aside (``# exercise.q1.hint()``) or a solution's marker.
COMMENTED_CODE = re.compile(r"#+\s*([\w.]+\(.*\)|(BEGIN|END) SOLUTION)\s*")


@pytest.mark.parametrize("page", _pages() if (SITE / "zh-TW").is_dir() else [])
def test_a_chinese_pages_code_comments_are_chinese(page):
    """The comments of the code a page shows come from the catalog of code comments."""
    html = (SITE / "zh-TW" / page).read_text(encoding="utf-8")
    comments = [unescape(text) for text in re.findall(r'<span class="c1?">([^<]*)</span>', html)]
    english = [text for text in comments
               if not re.search(r"[\u4e00-\u9fff]", text) and not COMMENTED_CODE.fullmatch(text)]
    assert english == [], f"zh-TW/{page}: English comments in its code: {english}"
