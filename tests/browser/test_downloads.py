"""What a learner downloads from the built site: the worksheets' zip and each exercise notebook."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from customer_focus.publish.notebooks import translated, write_translated

from .conftest import ROOT

pytestmark = pytest.mark.browser

HOW_TO = "book/start/how-to-use.html"
APPLY = "book/apply/index.html"
#: The pages whose Practice section links the exercise notebooks, and the lab's page.
PRACTICE = [
    "book/learn/customers-and-loyalty.html",
    "book/learn/targeting-the-right-customers.html",
    "book/learn/lifetime-value.html",
    "book/learn/employee-capability.html",
    "book/learn/knowing-your-customers.html",
    "book/learn/delivering-value.html",
    "book/apply/lab/lifetime-value-from-transactions.html",
]


def _download(visit, link) -> tuple[str, bytes]:
    """Click a download link; return the file's suggested name and its bytes."""
    with visit.page.expect_download() as info:
        link.click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


@pytest.mark.parametrize("path", [HOW_TO, APPLY])
def test_the_download_link_serves_the_worksheets_zip(visit, path):
    page = visit.open(path)
    link = page.locator("a.cf-download").first
    assert link.inner_text().lower() == "download the worksheets"
    name, data = _download(visit, link)
    assert name == "customer-focus-worksheets.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        assert bundle.testzip() is None
        names = bundle.namelist()
        readme = bundle.read("customer-focus-worksheets/README.md").decode()
    notebooks = {Path(name).name for name in names if name.endswith(".ipynb")}
    assert {p.name for p in (ROOT / "exercises").glob("*.ipynb")} <= notebooks
    assert {p.name for p in (ROOT / "book/apply/tools").glob("*.ipynb")} <= notebooks
    assert any(name.endswith(".whl") for name in names)
    assert "customer-focus worksheets my-worksheets" in readme
    assert visit.problems() == []


def test_every_exercise_notebook_is_linked_from_its_chapter_and_downloads(visit):
    linked: dict[str, str] = {}
    for path in PRACTICE:
        page = visit.open(path)
        for link in page.locator("a.download[href$='.ipynb']").all():
            name, data = _download(visit, link)
            if (ROOT / "exercises" / name).is_file():
                notebook = json.loads(data)
                expected = json.loads((ROOT / "exercises" / name).read_text(encoding="utf-8"))
                assert notebook["cells"] == expected["cells"], f"{path}: {name} is stale"
                linked.setdefault(name, path)
        assert visit.problems() == []
    assert set(linked) == {p.name for p in (ROOT / "exercises").glob("*.ipynb")}


def test_without_a_repository_address_no_page_offers_a_launch_button(visit, site_url):
    page = visit.open("book/apply/tools/lifetime-value-worksheet.html")
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert not [href for href in hrefs if "mybinder.org" in href or "colab.research" in href]
    assert page.locator(".dropdown-launch-buttons").count() == 0
    assert "git clone" not in visit.open(HOW_TO).locator("article").inner_text()


def test_the_chinese_edition_gives_its_notebooks_in_chinese(visit, tmp_path):
    """The zh-TW pages' exercises, a page's source (a notebook's and a Markdown page's) and the
    zip's notebooks: each the English as the edition translates it (Markdown from the catalogs,
    the language chosen)."""
    linked = set()
    for path in PRACTICE:
        page = visit.open(f"zh-TW/{path}")
        for link in page.locator("a.download[href$='.ipynb']").all():
            name, data = _download(visit, link)
            folder = "exercises" if (ROOT / "exercises" / name).is_file() else "solutions"
            expected, missing = translated(ROOT, ROOT / folder / name, "zh_TW")
            assert json.loads(data)["cells"] == expected["cells"], f"zh-TW/{path}: {name}"
            assert missing == []
            linked.add(name)
        assert visit.problems() == []
    assert linked >= {p.name for p in (ROOT / "exercises").glob("*.ipynb")}

    lab = "book/apply/lab/lifetime-value-from-transactions"
    source = visit.page.request.get(f"{visit.base}/zh-TW/_sources/{lab}.ipynb").json()
    assert source["cells"] == translated(ROOT, ROOT / f"{lab}.ipynb", "zh_TW")[0]["cells"]
    chapter = "book/learn/lifetime-value.md"
    page_source = visit.page.request.get(f"{visit.base}/zh-TW/_sources/{chapter}").text()
    expected_source = write_translated(ROOT, ROOT / chapter, tmp_path / "chapter.md", "zh_TW")
    assert page_source == expected_source.read_text(encoding="utf-8")
    assert "# 忠誠度如何帶動獲利" in page_source

    page = visit.open(f"zh-TW/{HOW_TO}")
    _name, data = _download(visit, page.locator("a.cf-download").first)
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        kano = json.loads(bundle.read("customer-focus-worksheets/worksheets/kano-worksheet.ipynb"))
    expected = translated(ROOT, ROOT / "book/apply/tools/kano-worksheet.ipynb", "zh_TW")[0]
    assert kano["cells"] == expected["cells"]
    assert "狩野" in "".join(kano["cells"][0]["source"])
