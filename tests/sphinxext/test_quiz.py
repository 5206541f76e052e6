"""The {quiz} directive in a Sphinx build: balance errors, placements, the progress index."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONF = textwrap.dedent(f"""
    extensions = ["myst_parser", "customer_focus.sphinxext"]
    cf_node_modules = {str(ROOT / "node_modules")!r}
    exclude_patterns = ["_build"]
    root_doc = "book/index"
""")


def _build(source: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(source),
            str(source / "_build"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CF_NODE_MODULES": str(ROOT / "node_modules")},
    )


def _site(tmp_path: Path, fixture: str, pages: dict[str, str]) -> Path:
    source = tmp_path / "site"
    shutil.copytree(ROOT / "tests/fixtures" / fixture / "book", source / "book")
    (source / "conf.py").write_text(CONF)
    for name, text in pages.items():
        (source / "book" / name).parent.mkdir(parents=True, exist_ok=True)
        (source / "book" / name).write_text(text)
    return source


def _toctree(*names: str) -> str:
    return "# Home\n\n```{toctree}\n" + "\n".join(names) + "\n```\n"


def test_the_build_fails_on_a_biased_bank_naming_bank_and_measure(tmp_path):
    source = _site(
        tmp_path,
        "biased-course",
        {"index.md": _toctree("quiz"), "quiz.md": "# Quiz\n\n```{quiz} biased\n```\n"},
    )
    result = _build(source)
    assert result.returncode != 0
    assert (
        "book/quizzes/biased.yml:4: ERROR: 5 of 5 single-choice keys are the longest option "
        "(100%; limit 50%)"
        in result.stderr
    )
    assert (
        "book/quizzes/biased.yml:4: ERROR: 0 of 4 true/false answers are true "
        "(0%; allowed 30% to 70%)"
        in result.stderr
    )
    assert (
        "ERROR: course (all banks): 4 of 4 multiple-select keys are exactly the longest options "
        "(100%; limit 40%)"
        in result.stderr
    )


@pytest.fixture(scope="module")
def exam_build(tmp_path_factory):
    source = tmp_path_factory.mktemp("exam") / "site"
    shutil.copytree(ROOT / "tests/fixtures/exam-course", source)
    result = _build(source)
    assert result.returncode == 0, result.stderr
    return source


def test_the_progress_index_lists_every_placement_and_its_questions(exam_build):
    index = json.loads((exam_build / "_build/_static/cf-progress-index.json").read_text())
    keys = [placement["key"] for placement in index["placements"]]
    assert keys == [
        "fixture-practice",
        "knowledge-check",
        "knowledge-check@customers-and-loyalty,lifetime-value",
    ]
    check = index["placements"][1]
    assert (check["mode"], check["size"], len(check["questions"])) == ("exam", 16, 35)
    assert check["questions"][0]["options"] == ["first", "second", "third", "none"]
    assert index["placements"][2]["size"] == 10
    assert index["scenarios"] == []


def test_the_exam_page_links_each_chapter_for_review(exam_build):
    html = (exam_build / "_build/book/practice/knowledge-check.html").read_text()
    data = json.loads(html.split('class="cf-quiz-data">', 1)[1].split("</script>", 1)[0])
    assert data["chapters"][0] == {
        "id": "customers-and-loyalty",
        "title": "Customers and loyalty",
        "url": "../learn/customers-and-loyalty.html",
    }
    assert data["chapters"][-1]["url"] == "../apply/index.html"


def test_a_quiz_title_is_a_heading_one_level_below_its_section(exam_build):
    """Under the page's title an h2; in a section (## Check yourself) an h3 (axe: p-as-heading)."""
    check = (exam_build / "_build/book/practice/knowledge-check.html").read_text()
    assert '<h2 class="cf-quiz-title">Knowledge check' in check
    chapter = (exam_build / "_build/book/learn/lifetime-value.html").read_text()
    assert chapter.count('class="cf-quiz-title"') == 1
    assert '<h3 class="cf-quiz-title">' in chapter


@pytest.mark.parametrize(
    ("directive", "message"),
    [
        (
            "```{quiz} knowledge-check\n:chapters: lifetime-valu\n```\n",
            "unknown chapter 'lifetime-valu'; the course map's chapters are: customers-and-loyalty",
        ),
        (
            "```{quiz} knowledge-check\n:chapters: customers-and-loyalty, lifetime-value\n```\n",
            "'knowledge-check' with the chapters customers-and-loyalty, lifetime-value is already "
            "placed on book/",
        ),
        (
            "```{quiz} fixture-practice\n:chapters: apply\n```\n",
            "has no question in chapter 'apply'",
        ),
    ],
)
def test_a_placement_that_cannot_work_is_an_error(tmp_path, directive, message):
    source = tmp_path / "site"
    shutil.copytree(ROOT / "tests/fixtures/exam-course", source)
    (source / "book/apply/index.md").write_text("# Apply\n\n" + directive)
    result = _build(source)
    assert result.returncode != 0 and message in result.stderr
