"""The built site as a reader meets it: interactive, computing what Python computes.

Every page's sweep (axe in both color modes, console errors, requests off the site)
is in test_every_page.py.
"""

from __future__ import annotations

import re

import pytest

from customer_focus.core import cases
from customer_focus.core.formats import dollars
from customer_focus.course.words import say, words
from customer_focus.tools.lifetime_value import calc, table

from .conftest import ROOT

pytestmark = pytest.mark.browser

CHAPTER = "book/learn/lifetime-value.html"
WORKSHEET = "book/apply/tools/lifetime-value-worksheet.html"
LEARN = [
    "book/learn/customers-and-loyalty.html",
    "book/learn/targeting-the-right-customers.html",
    CHAPTER,
    "book/learn/employee-capability.html",
    "book/learn/knowing-your-customers.html",
    "book/learn/delivering-value.html",
]


@pytest.mark.parametrize("path", LEARN)
def test_every_chapter_opens_with_objectives_and_closes_with_a_quiz(visit, path):
    page = visit.open(path)
    assert page.locator(".cf-objectives li").count() >= 4
    assert page.locator("section.cf-quiz").count() >= 1
    assert page.locator("section.cf-quiz fieldset").count() >= 5
    assert page.locator(".solution.dropdown").count() >= 3


def test_chapter_math_is_typeset(visit):
    page = visit.open(CHAPTER)
    page.wait_for_selector("mjx-container")
    assert page.locator("mjx-container").count() >= 5
    assert r"\(" not in page.locator("article").inner_text()
    assert visit.problems() == []


def test_chapter_figures_are_drawn_by_the_package(visit):
    page = visit.open(CHAPTER)
    alts = page.eval_on_selector_all("article img", "imgs => imgs.map(i => i.alt)")
    assert any(alt.startswith("Diagram of the service-profit chain") for alt in alts)
    assert any(alt.startswith("Bar chart for a customer with a $100 yearly margin") for alt in alts)


def test_chapter_shows_the_learning_objectives(visit):
    page = visit.open(CHAPTER)
    box = page.locator(".cf-objectives")
    assert "By the end of this chapter you can" in box.inner_text()
    assert box.locator("li").count() == 6


def test_exercise_solution_dropdown_opens(visit):
    page = visit.open(CHAPTER)
    solution = page.locator(".solution.dropdown").first
    answer = solution.get_by_text("$266.67", exact=False)
    button = solution.locator("button.toggle-button")
    assert button.get_attribute("aria-expanded") == "false"
    assert not answer.is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert answer.is_visible()
    assert visit.problems() == []


def test_citations_link_to_the_references_page(visit):
    page = visit.open(CHAPTER)
    link = page.locator("a[href*='references.html#id']").first
    assert link.count() == 1
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.split("#")[0].endswith("book/extend/references.html")
    assert "Putting the Service-Profit Chain to Work" in page.locator("article").inner_text()


def test_comparison_starts_with_the_opening_case(visit):
    page = visit.open(CHAPTER)
    comparison = table.compare_customers(cases.opening_case(), discount_rate=0.10)
    values = page.locator("form.cf-clv-compare output[name=net]").all_inner_texts()
    assert values == [dollars(v) for v in comparison["net_value"]]
    verdict = page.locator(".cf-clv-verdict").inner_text()
    assert verdict.startswith("Harbor Supply (loyal for nine years) is worth $119,176 more")


@pytest.mark.parametrize(
    ("margin", "retention", "cost", "discount"),
    [(30000, 50, 20000, 10), (12345, 89.11, 0, 7), (-500, 60, 100, 12), (100, 0, 0, 0)],
)
def test_comparison_computes_what_python_computes(visit, margin, retention, cost, discount):
    page = visit.open(CHAPTER)
    form = page.locator("form.cf-clv-compare")
    first = form.locator("fieldset").first
    first.locator("input[name=margin]").fill(str(margin))
    first.locator("input[name=retention]").fill(str(retention))
    first.locator("input[name=cost]").fill(str(cost))
    form.locator("input[name=discount]").fill(str(discount))
    expected = calc.lifetime_value(margin, retention / 100, discount / 100)
    assert first.locator("output[name=value]").inner_text() == dollars(expected)
    assert first.locator("output[name=net]").inner_text() == dollars(expected - cost)


def test_comparison_explains_a_bad_rate_in_the_live_region(visit):
    page = visit.open(CHAPTER)
    form = page.locator("form.cf-clv-compare")
    retention = form.locator("fieldset").first.locator("input[name=retention]")
    retention.focus()
    retention.fill("120")
    verdict = form.locator(".cf-clv-verdict")
    assert verdict.get_attribute("aria-live") == "polite"
    assert "retention rate (%) must be from 0 up to (not including) 100" in verdict.inner_text()
    assert form.locator("fieldset").first.locator("output[name=value]").inner_text() == "–"


def test_worksheet_form_cell_gives_way_to_the_live_tool(visit):
    """The notebook's widget form could not compute in the page: the live tool takes its place."""
    page = visit.open(WORKSHEET)
    assert page.get_by_role("button", name="Use this worksheet here").is_visible()
    assert page.locator(".widget-slider").count() == 0
    assert visit.problems() == []


def test_worksheet_shows_the_example_outputs(visit):
    page = visit.open(WORKSHEET)
    article = page.locator("article").inner_text()
    assert "Lifetime value: $266.67" in article
    assert re.search(r"Saved 6 customers to output/lifetime-values\.csv", article)


FORMS = sorted(f"book/apply/forms/{path.stem}.html" for path in (ROOT / "book/apply/forms").glob("*.md"))


@pytest.mark.parametrize("path", FORMS)
def test_printable_form_prints_without_navigation(visit, path):
    page = visit.open(path)
    assert page.locator(".cf-form table").count() >= 2
    assert page.locator(".bd-sidebar-primary").is_visible()
    page.emulate_media(media="print")
    for hidden in (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".cf-print-button", ".prev-next-area"):
        locator = page.locator(hidden)
        assert locator.count() == 0 or not locator.first.is_visible(), hidden
    assert page.locator(".cf-form").is_visible()
    assert visit.problems() == []


def test_site_map_matches_the_table_of_contents(visit):
    from customer_focus.sphinxext.sitemap import toc_parts

    page = visit.open("book/start/site-map.html")
    parts = toc_parts(ROOT / "_toc.yml")
    columns = page.locator(".cf-site-map-part")
    assert columns.count() == len(parts)
    for index, (caption, docnames) in enumerate(parts):
        column = columns.nth(index)
        assert column.locator(".cf-site-map-caption").inner_text() == caption
        hrefs = column.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert [href.split("/book/", 1)[1].removesuffix(".html") for href in hrefs] == [d.removeprefix("book/") for d in docnames]
    assert visit.problems() == []


def test_comparison_speaks_the_zh_tw_editions_words(visit):
    """On the Chinese chapter, the comparison's labels, help, verdict and messages are the
    edition's words, and its numbers still Python's."""
    zh = words("clv", "zh_TW")
    page = visit.open("zh-TW/" + CHAPTER)
    form = page.locator("form.cf-clv-compare")
    comparison = table.compare_customers(cases.opening_case(), discount_rate=0.10)
    assert form.locator("output[name=net]").all_inner_texts() == [
        dollars(v) for v in comparison["net_value"]]
    assert form.locator("label").all_inner_texts() == [
        zh["margin"], zh["retention"], zh["cost"]] * 2 + [zh["discount"]]
    assert form.locator(".cf-help").inner_text() == say(zh["help"], formula="m·r/(1+i−r)")
    names = [name.strip() for name in form.locator("legend").all_inner_texts()]
    nets = list(comparison["net_value"])
    best, other = (0, 1) if nets[0] >= nets[1] else (1, 0)
    assert form.locator(".cf-clv-verdict").inner_text() == say(
        zh["worth_more"], best=names[best], gap=dollars(nets[best] - nets[other]),
        other=names[other])
    form.locator("fieldset").first.locator("input[name=retention]").fill("120")
    problem = say(zh["from_up_to"], name=say(zh["retention_of"], name=names[0]), low=0, high=100)
    assert form.locator(".cf-clv-verdict").inner_text() == say(zh["check"], problems=problem)
