"""The theme's own words on zh-TW pages: the header, its buttons and the search dialog in Chinese.

The theme writes some of its words itself (the search field's placeholder, the sidebar buttons'
titles, the navigation's name); the course's templates pass them through Sphinx's ``_()`` and
``locales/zh_TW/LC_MESSAGES/sphinx.po`` translates them. On a zh-TW page, every word a reader
sees or a screen reader reads in the article's header and in the search dialog (Ctrl+K) is
Chinese: no English word but the names of keys and file types, and the switch to the English
edition, which is written in English on purpose. The English twin has the English words, so
the check reads what it means to.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = [
    "book/index.html",
    "book/learn/lifetime-value.html",
    "book/apply/tools/lifetime-value-worksheet.html",
]
#: Latin words that are not English prose: a key's name and the download menu's file types.
NOT_ENGLISH = {"Ctrl", "K", "PDF", "pdf", "ipynb", "md"}
#: Every word an element shows or gives a screen reader: visible text, and the attributes read
#: out or shown as a tooltip (Bootstrap moves ``title`` to ``data-bs-original-title``).
WORDS = """root => {
  const found = [];
  const shown = node => !!(node.offsetWidth || node.offsetHeight || node.getClientRects().length);
  for (const node of [root, ...root.querySelectorAll('*')]) {
    if (node.closest('.cf-language-switch') || node.closest('script, style')) continue;
    for (const name of ['title', 'aria-label', 'placeholder', 'alt', 'data-bs-original-title']) {
      if (node.getAttribute(name)) found.push(node.getAttribute(name));
    }
    if (!shown(node)) continue;
    for (const child of node.childNodes) {
      if (child.nodeType === 3 && child.textContent.trim()) found.push(child.textContent.trim());
    }
  }
  return found;
}"""


def english_words(texts: list[str]) -> list[str]:
    """The English words among ``texts``."""
    return sorted({word for text in texts for word in re.findall(r"[A-Za-z]+", text)} - NOT_ENGLISH)


def header_and_search(page) -> list[str]:
    """The words of the article's header, then of the search dialog opened with Ctrl+K."""
    header = page.locator(".bd-header-article")
    expect(header).to_be_visible()
    texts = header.evaluate(WORDS)
    page.keyboard.press("Control+k")
    dialog = page.locator("#pst-search-dialog[open]")
    expect(dialog.locator("input[type=search]")).to_be_focused()
    texts += dialog.evaluate(WORDS)
    page.keyboard.press("Escape")
    return texts


@pytest.mark.parametrize("path", PAGES)
def test_the_header_and_search_of_a_chinese_page_have_no_english_word(visit, path):
    english = english_words(header_and_search(visit.open(path)))
    assert {"Search", "Toggle", "sidebar", "course"} <= set(english), english
    page = visit.open(f"zh-TW/{path}")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    texts = header_and_search(page)
    assert english_words(texts) == [], texts
    field = page.locator("#pst-search-dialog input[type=search]")
    assert re.search(r"[\u4e00-\u9fff]", field.get_attribute("placeholder"))
    assert field.get_attribute("aria-label") == field.get_attribute("placeholder")
    assert visit.problems() == []


def test_the_sidebar_navigation_is_named_in_chinese(visit):
    page = visit.open("zh-TW/book/learn/lifetime-value.html")
    label = page.locator("nav.bd-docs-nav").get_attribute("aria-label")
    assert re.fullmatch(r"[\u4e00-\u9fff]+", label), label
    assert visit.open("book/learn/lifetime-value.html").locator("nav.bd-docs-nav").get_attribute("aria-label") == "Main"
