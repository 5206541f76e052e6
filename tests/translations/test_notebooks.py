"""The notebooks a reader downloads from the zh-TW edition are in Chinese.

Every worksheet, the lab, every exercise and solution, translated as the edition writes them
for its downloads (the worksheets' zip, a page's source, the workshop pages' exercises): no
text left without a translation (a changed English paragraph fails here until it is
translated), no English phrase left in the Markdown, the links still leading to the course's
files, the code the English notebook's with its language chosen first, and a translated
worksheet run as a learner runs it says its results in Chinese.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from chinese_text import QUOTED_NAMES
from customer_focus.core.messages import ENVIRONMENT
from customer_focus.course.notebook_translation import (
    code_comments,
    notebook_catalog,
    translate_comments,
    translate_markdown,
)
from customer_focus.publish import kit
from customer_focus.publish.notebooks import course_notebooks, translated, write_translated

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = course_notebooks(ROOT)
#: Four English words or more in a row (as the zh-TW pages' test counts a phrase).
PHRASE = re.compile(r"(?<![\w'])(?:[A-Za-z][a-z]+[,:;]?\s+){3,}[A-Za-z][a-z]+")
#: What a Chinese paragraph keeps in English: code, math, link targets, citations with a year,
#: and a work's title in italics.
KEPT = re.compile(r"`[^`]*`|\$[^$]*\$|\]\([^)]*\)|[（(][^（()）]*\d{4}[a-z]?[)）]|\*[^*\s][^*]*\*")
CJK = re.compile(r"[\u4e00-\u9fff]")
#: What references.bib names (a journal, a publisher, a work): a citation may quote it.
CITATIONS = (ROOT / "references.bib").read_text(encoding="utf-8").lower()


def english_phrases(text: str) -> list[str]:
    """The English phrases of a Markdown text that are not code, math, links or citations."""
    prose = KEPT.sub(" ", text.replace("**", ""))
    return [phrase for phrase in (match.group(0).rstrip(",:;") for match in PHRASE.finditer(prose))
            if phrase.lower() not in CITATIONS and not any(phrase in name for name in QUOTED_NAMES)]


def ids(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_every_downloadable_notebook_is_found():
    names = {ids(path) for path in NOTEBOOKS}
    assert len(NOTEBOOKS) == 30
    assert {"book/apply/tools/kano-worksheet.ipynb", "book/apply/lab/lifetime-value-from-"
            "transactions.ipynb", "exercises/kano.ipynb", "solutions/kano.ipynb"} <= names


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=ids)
def pair(request) -> tuple[Path, dict, dict, list[str]]:
    english = json.loads(request.param.read_text(encoding="utf-8"))
    chinese, missing = translated(ROOT, request.param, "zh_TW")
    return request.param, english, chinese, missing


class _Blank(dict):
    """Says every comment as nothing."""

    def get(self, key, default=None):
        return ""


def blank_comments(code: str) -> str:
    """The code with each comment emptied (``x = 1  # a note`` as ``x = 1  # ``)."""
    return translate_comments(code, _Blank())[0]


def markdown(notebook: dict) -> list[str]:
    return ["".join(cell["source"]) for cell in notebook["cells"]
            if cell["cell_type"] == "markdown"]


def test_every_text_has_its_translation(pair):
    path, _english, _chinese, missing = pair
    assert missing == [], (
        f"{ids(path)}: these texts have no zh-TW translation: run `make translations`, then "
        "translate them in the page's catalog (or locales/zh_TW/exercises.po for an exercise)")


def test_the_markdown_is_chinese(pair):
    path, english, chinese, _missing = pair
    for before, after in zip(markdown(english), markdown(chinese), strict=True):
        if re.search(r"[A-Za-z]{3,}", KEPT.sub(" ", before.replace("**", ""))):
            assert CJK.search(after), f"{ids(path)}: left in English: {after[:120]!r}"
        assert english_phrases(after) == [], f"{ids(path)}: English left in {after[:200]!r}"


def test_the_links_still_lead_to_the_course_files(pair):
    path, _english, chinese, _missing = pair
    for text in markdown(chinese):
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:|#", target):
                continue
            assert (path.parent / target.split("#")[0]).exists(), f"{ids(path)}: {target}"


def test_the_code_is_the_english_notebooks_with_the_language_chosen_first(pair):
    path, english, chinese, _missing = pair
    nbformat.validate(nbformat.from_dict(chinese))
    code = [cell for cell in chinese["cells"] if cell["cell_type"] == "code"]
    assert code[0]["source"].endswith('use_language("zh_TW")')
    assert CJK.search(code[0]["source"].splitlines()[0])
    source = [cell for cell in english["cells"] if cell["cell_type"] == "code"]
    assert len(code) == len(source) + 1
    for mine, theirs in zip(code[1:], source, strict=True):
        assert blank_comments(mine["source"]) == blank_comments("".join(theirs["source"]))
        assert mine["outputs"] == [] and mine["execution_count"] is None
    comments = [text for cell in code for text in code_comments(cell["source"])]
    assert all(CJK.search(text) for text in comments), comments


def test_a_text_split_over_lines_and_in_a_list_item_is_found():
    catalog = notebook_catalog(ROOT, ROOT / "book/apply/tools/kano-worksheet.ipynb", "zh_TW")
    english = 'Both:\n\n- functional: "How do you feel if the product has X?"\n'
    chinese, missing = translate_markdown(english, catalog)
    assert missing == ["Both:"]
    assert chinese.splitlines()[2] == "- 正向問題：「如果產品有 X，你覺得如何？」"


def test_the_copy_asked_for_in_chinese_holds_the_translated_notebooks(tmp_path):
    written = kit.write_worksheets(tmp_path / "copy", source=ROOT, language="zh_TW")
    notebooks = [path for path in written if path.suffix == ".ipynb"]
    assert len(notebooks) == 20
    for path in notebooks:
        first = next(cell for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
                     if cell["cell_type"] == "markdown")
        assert CJK.search("".join(first["source"])), path


@pytest.mark.slow
def test_a_translated_worksheet_run_as_a_learner_runs_it_says_its_results_in_chinese(
    tmp_path, monkeypatch
):
    monkeypatch.delenv(ENVIRONMENT, raising=False)  # a learner's computer: no language set
    notebook = write_translated(ROOT, ROOT / "book/apply/tools/kano-worksheet.ipynb",
                                tmp_path / "kano-worksheet.ipynb", "zh_TW")
    run = nbformat.read(notebook, as_version=4)
    NotebookClient(run, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "book/apply/tools")}}).execute()
    said = "\n".join(
        output.get("text", "") + "".join(output.get("data", {}).get("text/plain", ""))
        + "".join(output.get("data", {}).get("text/html", ""))
        for cell in run.cells if cell.cell_type == "code" for output in cell.outputs)
    assert not [output for cell in run.cells if cell.cell_type == "code"
                for output in cell.outputs if output.output_type == "error"]
    assert "魅力" in said or "必備" in said, said[:2000]
    assert len(CJK.findall(said)) > 200


SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda path: path.name)
def test_a_translated_solution_passes_every_check_in_chinese(solution, tmp_path, monkeypatch):
    """The worked answers (the workshop pages' download) run in Chinese: the exercise reads the
    Chinese sample files and its own Chinese words, and every check says correct, in Chinese."""
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    notebook = write_translated(ROOT, solution, tmp_path / solution.name, "zh_TW")
    run = nbformat.read(notebook, as_version=4)
    NotebookClient(run, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "solutions")}}).execute()
    checks = [cell for cell in run.cells if cell.cell_type == "code"
              and re.fullmatch(r"exercise\.q\d+\.check\(\)", cell.source.strip())]
    assert len(checks) == 4
    for cell in checks:
        shown = "".join(output.get("data", {}).get("text/markdown", "") for output in cell.outputs)
        assert shown.startswith("**正確"), f"{solution.name}: {cell.source}: {shown[:300]!r}"
        assert CJK.search(shown[8:]), shown


PAGES = sorted((ROOT / "book").rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_a_pages_source_is_translated_whole(page, tmp_path):
    """A Markdown page's source (its download button) in Chinese: every text its catalog has,
    prose directives' content and titles included, and its code's comments."""
    catalog = notebook_catalog(ROOT, page, "zh_TW")
    _text, missing = translate_markdown(page.read_text(encoding="utf-8"), catalog)
    assert missing == [], f"{ids(page)}: no translation for {missing[:5]}"
    written = write_translated(ROOT, page, tmp_path / page.name, "zh_TW").read_text("utf-8")
    heading = next(line for line in written.splitlines() if line.startswith("# "))
    assert CJK.search(heading), heading
    for block in re.findall(r"^```\{code-cell\}[^\n]*\n(.*?)^```", written, re.S | re.M):
        assert all(CJK.search(text) for text in code_comments(block)), block
