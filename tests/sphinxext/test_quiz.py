"""The {quiz} directive in a Sphinx build: balance errors, placements, the progress index."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from chinese_text import fixed_words_left
from sphinx_site import EXAM_COURSE, chinese_exam_course, sphinx_html

ROOT = Path(__file__).resolve().parents[2]
CONF = textwrap.dedent(f"""
    extensions = ["myst_parser", "customer_focus.sphinxext"]
    cf_node_modules = {str(ROOT / "node_modules")!r}
    exclude_patterns = ["_build"]
    root_doc = "book/index"
""")


def _build(source: Path) -> subprocess.CompletedProcess:
    return sphinx_html(source, source / "_build", "--keep-going")


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
    shutil.copytree(EXAM_COURSE, source)
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
    shutil.copytree(EXAM_COURSE, source)
    (source / "book/apply/index.md").write_text("# Apply\n\n" + directive)
    result = _build(source)
    assert result.returncode != 0 and message in result.stderr


# ---- the zh-TW build: the same quizzes, in Chinese ------------------------------------


@pytest.fixture(scope="module")
def zh_build(tmp_path_factory):
    source = chinese_exam_course(tmp_path_factory.mktemp("zh") / "site")
    chapter = source / "book/learn/lifetime-value.md"  # as the page's catalog would translate it
    chapter.write_text(chapter.read_text().replace("# How loyalty drives profitability",
                                                   "# 忠誠度如何帶動獲利", 1))
    result = _build(source)
    assert result.returncode == 0, result.stderr
    return source


def _visible(html: str) -> str:
    html = re.sub(r"<script\b.*?</script>|<noscript>.*?</noscript>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_chinese_build_shows_the_quizzes_and_their_words_in_chinese(zh_build):
    page = (zh_build / "_build/book/learn/lifetime-value.html").read_text()
    section = re.search(r'<section class="cf-quiz".*?</section>', page, flags=re.S).group(0)
    visible = _visible(section)
    assert "中文小測驗（fixture-practice）" in visible and "檢查答案" in visible
    assert "第 1 題（共 4 題）" in visible and "對" in visible and "錯" in visible
    leftover = fixed_words_left(visible, "quiz")
    assert leftover == []
    words = json.loads(re.search(r'class="cf-quiz-words">(.*?)</script>', section).group(1))
    assert words["verdict_correct"] == "答對了。"
    exam = (zh_build / "_build/book/practice/knowledge-check.html").read_text()
    exam_section = re.search(r'<section class="cf-quiz cf-exam".*?</section>', exam, flags=re.S)
    assert "送出答案" in exam_section.group(0)
    assert fixed_words_left(_visible(exam_section.group(0)), "quiz") == []
    progress = (zh_build / "_build/book/practice/my-progress.html").read_text()
    table = re.search(r'<div class="cf-progress">.*?</div>', progress, flags=re.S).group(0)
    assert "尚未開始" in table and "重設我的所有進度" in table
    assert fixed_words_left(_visible(table), "quiz") == []


def test_a_chinese_build_keeps_the_english_keys_of_saved_progress(zh_build, exam_build):
    chinese = json.loads((zh_build / "_build/_static/cf-progress-index.json").read_text())
    english = json.loads((exam_build / "_build/_static/cf-progress-index.json").read_text())
    assert chinese["placements"] == english["placements"]
    story = chinese["scenarios"][0]
    from customer_focus.course.scenario import load

    assert story == {"id": "late-delivery", "fingerprint": load("late-delivery").fingerprint}


def test_a_chinese_build_plays_the_scenario_in_chinese(zh_build):
    import base64

    page = (zh_build / "_build/book/practice/knowledge-check.html").read_text()
    section = re.search(r'<section class="cf-scenario".*?</section>', page, flags=re.S).group(0)
    assert "重新開始" in section and "Start again" not in section
    assert fixed_words_left(_visible(section), "scenario") == []
    data = json.loads(re.search(r'class="cf-scenario-data">(.*?)</script>', section).group(1))
    story = json.loads(base64.b64decode(data["payload"]))
    assert story["title"] == "Harbor Supply 的一批遲到貨"
    assert story["nodes"]["the-call"]["title"] == "星期五下午 4 點"
    words = json.loads(re.search(r'class="cf-scenario-words">(.*?)</script>', section).group(1))
    assert words["what_do_you_do"] == "你會怎麼做？"


def test_a_build_in_a_language_without_translations_says_so_and_shows_english(tmp_path):
    source = tmp_path / "site"
    shutil.copytree(EXAM_COURSE, source)
    with (source / "conf.py").open("a") as conf:
        conf.write('\nlanguage = "fr"\n')
    result = _build(source)
    assert result.returncode != 0  # warnings are errors under -W
    assert ("the quizzes' and the scenario's words (src/customer_focus/data/widget-words.yml) "
            "have no fr: they are shown in English") in result.stderr
    assert ("book/quizzes/fixture-practice.yml:1: WARNING: quiz bank "
            "book/quizzes/fixture-practice.yml has no translation into fr") in result.stderr
    assert "Traceback" not in result.stderr
    page = (source / "_build/book/learn/lifetime-value.html").read_text()
    assert ">Check<" in page


def test_a_chinese_exam_names_its_chapters_by_their_translated_pages(zh_build):
    exam = (zh_build / "_build/book/practice/knowledge-check.html").read_text()
    data = json.loads(re.search(r'class="cf-quiz-data">(.*?)</script>', exam).group(1))
    titles = {chapter["id"]: chapter["title"] for chapter in data["chapters"]}
    assert titles["lifetime-value"] == "忠誠度如何帶動獲利"
    check = (zh_build / "_build/book/instructors/check-two-chapters.html").read_text()
    help_text = re.search(r'<p class="cf-quiz-help">(.*?)</p>', check, flags=re.S).group(1)
    assert "忠誠度如何帶動獲利" in help_text and "How loyalty drives profitability" not in help_text
